"""http(s) URLs against a real server on 127.0.0.1: the content decides the reader; failures are SourceErrors."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from briefing.errors import SourceError
from briefing.sources import url as url_reader

from httpserver import LoopbackServer, Route

PAGE = b"""<html><head><title>Dam breach floods valley | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<link rel="canonical" href="https://valleyherald.example/dam"></head><body>
<article><h1>Dam breach floods valley</h1>
<p>A dam upstream of the valley gave way before dawn on Saturday, sending water through three villages,
the civil protection agency said.</p><p>Hundreds of residents were moved to higher ground overnight.</p>
</article></body></html>"""

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Herald</title>
<link>https://valleyherald.example/</link>
<item><title>One</title><link>https://valleyherald.example/1</link><description>First story text.</description></item>
<item><title>Two</title><link>https://valleyherald.example/2</link><description>Second story text.</description></item>
</channel></rss>"""


@dataclass(frozen=True)
class Opts:
    fetch_timeout: float = 0.5
    fetch_max_bytes: int = 200_000
    max_redirects: int = 3
    retries: int = 1
    retry_backoff: float = 0.01
    user_agent: str | None = None
    fetch_full: bool | None = False
    name: str | None = None
    limit: int | None = None
    since: str | None = None


@pytest.fixture
def server():
    with LoopbackServer() as s:
        yield s


def test_accepts_only_http_and_https():
    assert url_reader.accepts("https://example.org/a") and url_reader.accepts("HTTP://example.org")
    assert not url_reader.accepts("file:///etc/passwd")
    assert not url_reader.accepts("ftp://example.org/x")
    assert not url_reader.accepts("/home/user/page.html")


def test_html_page_is_read_with_its_metadata(server):
    address = server.add("/dam", Route(body=PAGE))
    [article] = url_reader.read(address, Opts())
    assert article.title == "Dam breach floods valley"
    assert article.text.startswith("A dam upstream of the valley gave way")
    assert article.url == "https://valleyherald.example/dam"
    assert article.origin == address and article.input == address
    assert article.source == "Valley Herald"


def test_feed_content_type_gives_one_article_per_entry(server):
    address = server.add("/rss", Route(body=FEED, content_type="application/rss+xml"))
    articles = url_reader.read(address, Opts(name="Herald Wire"))
    assert [a.title for a in articles] == ["One", "Two"]
    assert {a.source for a in articles} == {"Herald Wire"}


@pytest.mark.parametrize("content_type", ["application/octet-stream", "", "text/xml"])
def test_vague_content_type_is_decided_by_the_content(server, content_type):
    server.add("/f", Route(body=FEED, content_type=content_type))
    server.add("/p", Route(body=PAGE, content_type=content_type))
    assert len(url_reader.read(server.url("/f"), Opts())) == 2
    assert url_reader.read(server.url("/p"), Opts())[0].title == "Dam breach floods valley"


def test_plain_text_response_becomes_an_article(server):
    body = b"Storm update\n\nWinds reached 120 km/h on the coast.\n\nPower was cut to 4,000 homes."
    [article] = url_reader.read(server.add("/t", Route(body=body, content_type="text/plain; charset=utf-8")), Opts())
    assert article.title == "Storm update"
    assert article.text == "Winds reached 120 km/h on the coast.\n\nPower was cut to 4,000 homes."


def test_images_and_binary_are_refused(server):
    with pytest.raises(SourceError, match="not an article"):
        url_reader.read(server.add("/i", Route(body=b"\x89PNG\r\n", content_type="image/png")), Opts())
    with pytest.raises(SourceError, match="binary"):
        url_reader.read(server.add("/b", Route(body=b"\x00\x01\x02" * 100, content_type="")), Opts())


def test_failures_are_source_errors_naming_the_url(server):
    cases = {
        "/missing": None,
        "/down": Route(fail_first=99),
        "/slow": Route(body=PAGE, delay=1.0),
        "/huge": Route(endless=True),
        "/loop": Route(status=302, location="/loop"),
    }
    for path, route in cases.items():
        if route:
            server.add(path, route)
        with pytest.raises(SourceError) as caught:
            url_reader.read(server.url(path), Opts(retries=0, fetch_timeout=0.3))
        assert server.url(path) in str(caught.value)
        assert "\n" not in str(caught.value)


def test_flaky_page_is_retried(server):
    [article] = url_reader.read(server.add("/flaky", Route(body=PAGE, fail_first=1, fail_status=503)), Opts())
    assert article.title == "Dam breach floods valley"
