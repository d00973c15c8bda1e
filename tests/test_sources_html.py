"""The HTML reader: main text without markup or page chrome, the page's own metadata, a title always."""
from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings, strategies as st

from briefing.errors import SourceError
from briefing.sources import html as html_reader
from briefing.sources.html import article_from_html, html_to_text, looks_like_html

BODY = (
    "<p>Heavy rain flooded the riverside town of Easton on Monday, forcing hundreds of families from "
    "their homes, the regional governor said in a statement.</p>"
    "<p>Rescue teams used boats to reach people stranded on rooftops, and at least three people were "
    "injured, according to the local health department.</p>"
    "<p>Forecasters expect more rain later this week across the whole valley.</p>"
)

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Floods force families from homes | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2026-11-20T08:30:00+00:00">
<link rel="canonical" href="https://valleyherald.example/news/floods">
<style>body {{ color: red }}</style>
<script>var tracking = "SCRIPT-SECRET";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather menu item</a></nav>
<article>
<h1>Floods force families from homes</h1>
{BODY}
</article>
<footer>Copyright Valley Herald. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>"""


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def test_page_gives_main_text_in_paragraphs_and_metadata(tmp_path):
    path = write(tmp_path, "floods.html", PAGE)
    [article] = html_reader.read(path, None)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Heavy rain flooded the riverside town of Easton")
    assert paragraphs[-1] == "Forecasters expect more rain later this week across the whole valley."
    assert article.title == "Floods force families from homes"
    assert article.url == "https://valleyherald.example/news/floods"
    assert article.published and article.published.startswith("2026-11-20")
    assert article.author == "Jane Reporter"
    assert "Valley Herald" in article.source
    assert article.origin == path


def test_no_markup_script_or_page_chrome_in_the_text(tmp_path):
    [article] = html_reader.read(write(tmp_path, "floods.htm", PAGE), None)
    for leaked in ("<", ">", "SCRIPT-SECRET", "color: red", "Weather menu item", "All rights reserved"):
        assert leaked not in article.text
    assert "<" not in article.title


def test_gzip_compressed_page_reads_like_the_plain_one(tmp_path):
    plain = html_reader.read(write(tmp_path, "a.html", PAGE), None)[0]
    packed = html_reader.read(write(tmp_path, "b.html.gz", gzip.compress(PAGE.encode())), None)[0]
    assert packed.text == plain.text and packed.title == plain.title


def test_name_option_overrides_the_outlet(tmp_path):
    class Options:
        name = "Wire Desk"

    [article] = html_reader.read(write(tmp_path, "a.html", PAGE), Options())
    assert article.source == "Wire Desk"


@pytest.mark.parametrize(
    "head, expected_title",
    [
        ("<title>Only a title tag</title>", "Only a title tag"),
        ('<meta property="og:title" content="From Open Graph">', "From Open Graph"),
        ("", "Heavy rain flooded the riverside town of Easton on Monday, forcing hundreds of families from"),
    ],
)
def test_every_page_has_a_title(head, expected_title):
    page = f"<html><head>{head}</head><body><div>{BODY}</div></body></html>"
    article = article_from_html(page, origin="x.html")
    assert article.title.startswith(expected_title.rstrip("…"))
    assert article.title


def test_first_heading_is_a_title_when_nothing_else_is():
    page = "<html><body><h1>Bridge reopens</h1><p>The bridge reopened on Tuesday after repairs.</p></body></html>"
    article = article_from_html(page, origin="x.html")
    assert article.title == "Bridge reopens"
    assert "The bridge reopened on Tuesday after repairs." in article.text


def test_site_name_suffix_is_not_part_of_the_title():
    page = PAGE.replace("<h1>Floods force families from homes</h1>", "")
    assert article_from_html(page, origin="x.html").title == "Floods force families from homes"


def test_legacy_encoding_is_decoded_by_the_declared_charset():
    page = ('<html><head><meta charset="windows-1252"><title>Caf\u00e9 closes</title></head><body>'
            "<p>The caf\u00e9 on the square closed its doors \u2013 for good \u2013 on Friday, its owner said "
            "after thirty years of business in the old town.</p></body></html>").encode("cp1252")
    article = article_from_html(page, origin="x.html")
    assert "caf\u00e9 on the square" in article.text and "\u2013" in article.text
    assert article.title == "Caf\u00e9 closes"


def test_page_without_text_is_a_source_error():
    with pytest.raises(SourceError, match="no readable text"):
        article_from_html("<html><head><script>x()</script></head><body></body></html>", origin="empty.html")


def test_binary_and_empty_and_missing_files_are_source_errors(tmp_path):
    with pytest.raises(SourceError, match="binary"):
        html_reader.read(write(tmp_path, "bin.html", b"\x00\x01\x02" * 500), None)
    with pytest.raises(SourceError, match="empty"):
        html_reader.read(write(tmp_path, "empty.html", b"  \n"), None)
    with pytest.raises(SourceError, match="cannot read"):
        html_reader.read(str(tmp_path / "missing.html"), None)
    with pytest.raises(SourceError, match="corrupt gzip"):
        html_reader.read(write(tmp_path, "bad.html.gz", b"\x1f\x8b\x08garbage"), None)


def test_file_over_the_cap_is_refused(tmp_path):
    class Options:
        max_bytes = 1000

    with pytest.raises(SourceError, match="cap"):
        html_reader.read(write(tmp_path, "big.html", PAGE * 10), Options())


def test_accepts_by_extension_and_by_content(tmp_path):
    assert html_reader.accepts("page.HTML") and html_reader.accepts("page.htm.gz")
    assert not html_reader.accepts("https://example.org/page.html")  # URLs belong to the url reader
    assert not html_reader.accepts(write(tmp_path, "notes.txt", PAGE))
    assert html_reader.accepts(write(tmp_path, "saved-page", PAGE))
    assert html_reader.accepts(write(tmp_path, "saved-page-gz", gzip.compress(PAGE.encode())))
    assert not html_reader.accepts(write(tmp_path, "plain", "Just words, no markup."))
    assert not html_reader.accepts(write(tmp_path, "feed", '<?xml version="1.0"?><rss><channel/></rss>'))


def test_looks_like_html():
    assert looks_like_html(b"\xef\xbb\xbf<!DOCTYPE html><html>")
    assert looks_like_html("<html lang='en'><body>")
    assert not looks_like_html('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_html("Dear reader, <b> is a tag.")


def test_html_to_text_keeps_blocks_as_paragraphs_and_drops_scripts():
    text = html_to_text("<p>First <b>bold</b> part.</p><script>alert(1)</script><ul><li>One</li><li>Two</li></ul>")
    assert text == "First bold part.\n\nOne\n\nTwo"
    assert html_to_text("no markup here") == "no markup here"


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_an_article_or_a_source_error(data):
    try:
        article = article_from_html(data, origin="random.html")
    except SourceError:
        return
    assert article.text and article.title
