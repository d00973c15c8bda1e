"""Issue 16, metadata on real pages: archived copies, dates known to the year or month, section labels as
titles, character references in feeds. Real files in tmp_path, read through the public functions and the CLI."""
from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main
from briefing.sources import ReadOptions, read_inputs

PARAGRAPHS = (
    "Heavy flooding killed 12 people and injured 30 others in the northern province, officials said. "
    "Rescue teams were searching for the missing in several villages along the river.",
    "The provincial governor said more than 2,000 families had been moved to shelters and that schools would "
    "stay closed until the water receded.",
)
ARCHIVED = "https://web.archive.org/web/20150605123456/http://www.dailycourier-news.com/world/2015/06/04/floods.html"


def page(title: str, *, head: str = "", h1: str | None = None, foot: str = "", paragraphs=PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
            f"<article><h1>{h1 if h1 is not None else title}</h1>{body}</article><footer>{foot}</footer></body></html>")


def read_one(path: Path):
    warnings: list[str] = []
    [article] = read_inputs([str(path)], ReadOptions(), warnings.append)
    return article


def test_wayback_copy_is_credited_to_the_original_outlet_and_url(tmp_path):
    path = tmp_path / "copy.html"
    path.write_text(page("Floods kill 12 in northern province", head=(
        f'<link rel="canonical" href="{ARCHIVED}"><meta property="og:url" content="{ARCHIVED}">'),
        foot='<div id="wm-ipp">The Wayback Machine</div>'), encoding="utf-8")
    article = read_one(path)
    assert article.url == "http://www.dailycourier-news.com/world/2015/06/04/floods.html"
    assert article.source == "dailycourier-news.com"
    assert "archive" not in article.source.lower()


def test_wayback_copy_of_a_known_outlet_is_that_outlet(tmp_path):
    url = "https://web.archive.org/web/20200101000000id_/https://www.bbc.com/news/world-asia-123"
    path = tmp_path / "bbc.html"
    path.write_text(page("Floods kill 12 in northern province", head=f'<link rel="canonical" href="{url}">'),
                    encoding="utf-8")
    article = read_one(path)
    assert (article.source, article.url) == ("BBC", "https://www.bbc.com/news/world-asia-123")


def test_date_known_only_to_the_year_is_never_1_january(tmp_path, capsys):
    (tmp_path / "year.html").write_text(page(
        "Floods kill 12 in northern province", head='<meta property="article:published_time" content="2015">',
        foot="&copy; 2015 Daily Courier"), encoding="utf-8")
    other = ("Severe flooding killed 12 residents in the north of the country, police said on the radio.",
             "A spokesman for the governor said 2,000 families had been moved to shelters for the week.")
    (tmp_path / "month.html").write_text(page(
        "Floods kill 12 in the north", head='<meta property="article:published_time" content="2015-06">',
        paragraphs=other), encoding="utf-8")
    assert main(["ingest", str(tmp_path / "year.html"), str(tmp_path / "month.html"), "--format", "jsonl"]) == 0
    year, month = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert year["published"] == "2015"
    assert month["published"] == "2015-06"
    out = tmp_path / "out"
    assert main(["generate", str(tmp_path / "year.html"), str(tmp_path / "month.html"), "--out", str(out),
                 "--date", "2026-12-05", "--format", "md,json"]) == 0
    markdown = (out / "brief-2026-12-05.md").read_text(encoding="utf-8")
    assert "June 2015" in markdown and "January 2015" not in markdown and "1 January" not in markdown
    brief = json.loads((out / "brief-2026-12-05.json").read_text(encoding="utf-8"))
    assert "2015-01-01" not in json.dumps(brief)


def test_full_date_written_on_the_page_is_kept(tmp_path):
    path = tmp_path / "day.html"
    path.write_text(page("Floods kill 12 in northern province",
                         head='<meta property="article:published_time" content="2015-01-01T08:00:00+00:00">'),
                    encoding="utf-8")
    assert read_one(path).published == "2015-01-01"


def test_section_label_is_never_the_headline(tmp_path):
    html = tmp_path / "section.html"
    html.write_text(page("World", head='<meta property="og:title" content="World">'), encoding="utf-8")
    text = tmp_path / "section.txt"
    text.write_text("Politics\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    for path in (html, text):
        article = read_one(path)
        assert article.title.startswith("Heavy flooding killed 12 people"), path.name


def test_section_label_gives_way_to_the_page_headline(tmp_path):
    path = tmp_path / "h1.html"
    path.write_text(page("News", h1="Floods kill 12 in northern province"), encoding="utf-8")
    article = read_one(path)
    assert article.title == "Floods kill 12 in northern province"
    assert not article.text.startswith("Floods kill 12")


def test_feed_character_references_are_decoded(tmp_path, capsys):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Daily Courier &amp;#8211; World</title><link>https://dailycourier.example/</link>"
        "<item><title>Minister says &amp;#8220;no&amp;#8221; to ceasefire &amp;amp; talks</title>"
        "<link>https://dailycourier.example/2020/10/12/minister</link>"
        "<description>The minister said &amp;#8220;there will be no ceasefire&amp;#8221; after 12 people were "
        "killed in shelling on Sunday, officials said. AT&amp;T was not involved.</description>"
        "<pubDate>Mon, 12 Oct 2020 08:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    assert main(["ingest", str(feed), "--format", "jsonl"]) == 0
    [entry] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert entry["title"] == "Minister says \u201cno\u201d to ceasefire & talks"
    assert "\u201cthere will be no ceasefire\u201d" in entry["text"] and "AT&T" in entry["text"]
    assert "&#" not in entry["source"] + entry["title"] + entry["text"]
