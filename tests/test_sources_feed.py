"""RSS/Atom feeds, from files and from a real HTTP server on 127.0.0.1: entries, teasers, limit, since."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from briefing.errors import SourceError
from briefing.sources import feed as feed_reader
from briefing.sources.feed import articles_from_feed, looks_like_feed

from httpserver import LoopbackServer, Route

LONG = " ".join(["Officials said the convoy reached the northern district after a long delay on the mountain road."] * 15)


@dataclass(frozen=True)
class Opts:
    fetch_timeout: float = 0.5
    fetch_max_bytes: int = 1_000_000
    max_redirects: int = 3
    retries: int = 0
    retry_backoff: float = 0.01
    user_agent: str | None = None
    fetch_full: bool | None = None
    name: str | None = None
    limit: int | None = None
    since: str | None = None
    max_bytes: int = 1_000_000


def rss(items: str, title: str = "Valley Herald - World", link: str = "https://valleyherald.example/") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>{link}</link>
<description>News</description>{items}</channel></rss>""".encode()


def item(title: str, link: str, description: str, date: str = "Fri, 20 Nov 2026 08:30:00 GMT", extra: str = "") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><description><![CDATA[{description}]]></description>"
            f"<pubDate>{date}</pubDate>{extra}</item>")


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Reuters World News</title>
<link href="https://www.reuters.com/world/"/><updated>2026-11-21T10:00:00Z</updated><id>urn:x</id>
<entry><title>Ceasefire talks resume</title><link href="https://www.reuters.com/world/talks-2026-11-21/"/>
<id>urn:1</id><updated>2026-11-21T09:00:00Z</updated><author><name>Jane Wire</name></author>
<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;&lt;p&gt;Second paragraph here.&lt;/p&gt;</content></entry>
</feed>""".encode()

PAGE = f"""<html><head><title>Convoy reaches district | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald"></head><body><nav>Menu Home Sport</nav>
<article><h1>Convoy reaches district</h1><p>{LONG}</p><p>The full story continues here with detail.</p></article>
</body></html>""".encode()


def test_atom_entry_becomes_an_article_with_its_metadata(tmp_path):
    path = tmp_path / "world.atom"
    path.write_bytes(ATOM)
    [article] = feed_reader.read(str(path), Opts())
    assert article.title == "Ceasefire talks resume"
    assert article.url == "https://www.reuters.com/world/talks-2026-11-21/"
    assert article.published == "2026-11-21T09:00:00+00:00"
    assert article.source == "Reuters"
    assert article.author == "Jane Wire"
    assert article.text.split("\n\n")[1] == "Second paragraph here."
    assert "<" not in article.text


def test_rss_entries_keep_feed_order_and_strip_markup():
    data = rss(item("First", "https://valleyherald.example/1", "<p>One <b>bold</b> claim.</p><script>x()</script>")
               + item("Second", "https://valleyherald.example/2", "Two."))
    articles = articles_from_feed(data, origin="feed.xml", options=Opts())
    assert [a.title for a in articles] == ["First", "Second"]
    assert articles[0].text == "One bold claim."
    assert articles[0].source == "Valley Herald"  # from the feed title, section name dropped


def test_entry_outlet_comes_from_the_link_domain_then_the_source_element():
    data = rss(item("A", "https://www.aa.com.tr/en/world/a/1", "Text.")
               + item("B", "https://unknown.example/b", "Text.", extra='<source url="https://x.example/rss">Daily Sabah</source>'),
               title="Aggregator")
    a, b = articles_from_feed(data, origin="feed.xml", options=Opts())
    assert a.source == "Anadolu Agency"
    assert b.source == "Daily Sabah"


def test_name_limit_and_since_are_honoured():
    data = rss(item("New", "https://v.example/1", "a", "Sat, 21 Nov 2026 08:00:00 GMT")
               + item("Old", "https://v.example/2", "b", "Mon, 02 Nov 2026 08:00:00 GMT")
               + item("Newer", "https://v.example/3", "c", "Sun, 22 Nov 2026 08:00:00 GMT")
               + item("Undated", "https://v.example/4", "d", ""))
    articles = articles_from_feed(data, origin="f.xml", options=Opts(since="2026-11-20", name="My Wire"))
    assert [a.title for a in articles] == ["New", "Newer", "Undated"]
    assert {a.source for a in articles} == {"My Wire"}
    limited = articles_from_feed(data, origin="f.xml", options=Opts(since="2026-11-20", limit=2))
    assert [a.title for a in limited] == ["New", "Newer"]


def test_broken_feed_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="not a readable RSS/Atom feed"):
        articles_from_feed(b"\x00\x01 not xml at all <<<", origin="bad.xml", options=Opts())
    path = tmp_path / "empty.rss"
    path.write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        feed_reader.read(str(path), Opts())


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>T</title><item><title>Leak &xxe;</title>'
            "<link>https://v.example/1</link><description>Body &xxe; text.</description></item></channel></rss>").encode()
    try:
        articles = articles_from_feed(data, origin="x.xml", options=Opts())
    except SourceError:
        return
    assert all("TOP-SECRET" not in a.text + a.title for a in articles)


def test_accepts_feed_files_and_feed_urls(tmp_path):
    assert feed_reader.accepts("news.rss") and feed_reader.accepts("news.xml.gz")
    sniffed = tmp_path / "download"
    sniffed.write_bytes(ATOM)
    assert feed_reader.accepts(str(sniffed))
    page = tmp_path / "page"
    page.write_bytes(PAGE)
    assert not feed_reader.accepts(str(page))
    assert not feed_reader.accepts("https://example.org/rss.xml")  # URLs: the url reader sniffs the response
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- c -->\n<rdf:RDF xmlns:rdf="x">')


# --- over HTTP --------------------------------------------------------------------------------------


@pytest.fixture
def server():
    with LoopbackServer() as s:
        yield s


def test_url_feed_teasers_are_completed_from_the_linked_pages(server):
    page_url = server.add("/convoy.html", Route(body=PAGE))
    full = " ".join(["A complete entry that needs no page."] * 30)
    server.add("/feed.xml", Route(
        body=rss(item("Convoy reaches district", page_url, "Officials said the convoy reached…")
                 + item("Complete", server.url("/never-fetched.html"), full)),
        content_type="application/rss+xml"))
    teaser, complete = feed_reader.read(server.url("/feed.xml"), Opts())
    assert teaser.text.endswith("The full story continues here with detail.")
    assert teaser.title == "Convoy reaches district"
    assert teaser.source == "Valley Herald"
    assert complete.text == full
    assert [path for path, _ in server.requests].count("/never-fetched.html") == 0


def test_feed_file_teasers_are_not_fetched_unless_asked(server, tmp_path):
    page_url = server.add("/convoy.html", Route(body=PAGE))
    path = tmp_path / "f.rss"
    path.write_bytes(rss(item("Convoy", page_url, "The convoy reached…")))
    [offline] = feed_reader.read(str(path), Opts())
    assert offline.text == "The convoy reached…" and not server.requests
    [online] = feed_reader.read(str(path), Opts(fetch_full=True))
    assert "The full story continues here" in online.text


def test_a_linked_page_that_fails_leaves_the_teaser(server):
    broken = server.add("/broken.html", Route(fail_first=99))
    slow = server.add("/slow.html", Route(body=PAGE, delay=1.0))
    server.add("/feed.rss", Route(body=rss(item("Broken", broken, "Teaser one…") + item("Slow", slow, "Teaser two…")),
                                  content_type="application/rss+xml"))
    articles = feed_reader.read(server.url("/feed.rss"), Opts(fetch_timeout=0.3))
    assert [a.text for a in articles] == ["Teaser one…", "Teaser two…"]


def test_url_that_is_a_page_is_not_a_feed(server):
    with pytest.raises(SourceError, match="not an RSS/Atom feed"):
        feed_reader.read(server.add("/page.html", Route(body=PAGE)), Opts())


def test_unreachable_feed_is_a_source_error(server):
    with pytest.raises(SourceError, match="HTTP 500"):
        feed_reader.read(server.add("/feed.xml", Route(fail_first=99)), Opts())


def test_loopback_feed_gives_one_article_per_story_with_every_outlet_named(server):
    """Two outlets carry the same agency story; a third page is its own story."""
    agency = " ".join(["Rescuers pulled 14 survivors from the rubble of the collapsed market on Tuesday, officials said,"
                       " as aid convoys reached the worst-hit towns after roads were cleared."] * 8)

    def page(site, body):
        return (f'<html><head><meta property="og:site_name" content="{site}"><title>x</title></head>'
                f"<body><article><h1>Quake survivors found</h1><p>{body}</p></article></body></html>").encode()

    first = server.add("/herald/quake.html", Route(body=page("Valley Herald", agency)))
    second = server.add("/courier/quake.html", Route(body=page("Hill Courier", agency)))
    other = server.add("/herald/budget.html", Route(body=page(
        "Valley Herald", "Parliament passed the budget after a night of debate over pensions and defence. " * 12)))
    server.add("/feed.xml", Route(content_type="application/atom+xml", body=f"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Regional news</title><id>urn:f</id>
<entry><title>Quake survivors found</title><link href="{first}"/><id>urn:1</id><summary>Survivors found…</summary></entry>
<entry><title>Survivors pulled from rubble</title><link href="{second}"/><id>urn:2</id><summary>Rescuers…</summary></entry>
<entry><title>Budget passed</title><link href="{other}"/><id>urn:3</id><summary>Parliament…</summary></entry>
</feed>""".encode()))
    from briefing.sources import ReadOptions, read_inputs
    from briefing.sources.dedupe import merge_duplicates

    warnings: list[str] = []
    options = ReadOptions(fetch_timeout=0.5, retries=0)
    stories = merge_duplicates(read_inputs([server.url("/feed.xml")], options, warnings.append))
    assert not warnings
    assert [s.title for s in stories] == ["Quake survivors found", "Budget passed"]
    assert stories[0].all_outlets == ("Valley Herald", "Hill Courier")
    assert stories[1].all_outlets == ("Valley Herald",)


@pytest.mark.parametrize("data, says", [
    (b'<rss version="2.0"><channel><title>T</title></channel></rss>', "feed with no items"),
    (b'<rss version="2.0"></rss>', "feed with no items"),
    # a complaint about the declared charset is not why nothing is read: the channel is empty
    (b'<?xml version="1.0" encoding="bogus"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>',
     "feed with no items"),
    (b'<rss version="2.0"><channel><title>T</title><item><title></title></item></channel></rss>',
     "none of the feed's 1 items has a title or text"),
])
def test_a_feed_with_nothing_to_read_says_why(data, says):
    with pytest.raises(SourceError) as caught:
        articles_from_feed(data, origin="feed.xml")
    assert says in str(caught.value) and "\n" not in str(caught.value)
