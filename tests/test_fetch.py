"""The HTTP client against a real server on 127.0.0.1: timeouts, retries, size cap, redirects."""
from __future__ import annotations

import time

import pytest

from briefing.errors import SourceError
from briefing.sources.fetch import DEFAULT_USER_AGENT, FetchError, fetch

from httpserver import LoopbackServer, Route

FAST = dict(timeout=0.5, backoff=0.01)


@pytest.fixture
def server():
    with LoopbackServer() as s:
        yield s


def test_reads_a_page_with_its_content_type_and_an_honest_user_agent(server):
    url = server.add("/page.html", Route(body="<p>café</p>".encode(), content_type="text/html; charset=UTF-8"))
    response = fetch(url, **FAST)
    assert response.status == 200
    assert response.body == "<p>café</p>".encode()
    assert response.content_type == "text/html"
    assert response.charset == "UTF-8"
    assert server.requests[0][1]["user-agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("briefing/")


def test_gzip_encoded_body_is_inflated(server):
    url = server.add("/z", Route(body=b"hello " * 1000, gzip=True))
    assert fetch(url, **FAST).body == b"hello " * 1000


def test_slow_server_times_out_with_a_source_error(server):
    url = server.add("/slow", Route(body=b"late", delay=1.5))
    started = time.monotonic()
    with pytest.raises(SourceError, match="timed out"):
        fetch(url, timeout=0.3, retries=1, backoff=0.01)
    assert time.monotonic() - started < 1.5  # two attempts of 0.3 s, not the server's 1.5 s


def test_server_error_is_retried_then_succeeds(server):
    url = server.add("/flaky", Route(body=b"ok now", fail_first=2))
    assert fetch(url, retries=2, **FAST).body == b"ok now"
    assert server.routes["/flaky"].hits == 3


def test_server_error_gives_up_after_the_retries(server):
    url = server.add("/down", Route(body=b"never", fail_first=10))
    with pytest.raises(FetchError, match="HTTP 500") as caught:
        fetch(url, retries=2, **FAST)
    assert caught.value.transient
    assert server.routes["/down"].hits == 3


def test_client_error_is_not_retried(server):
    url = server.add("/gone", Route(body=b"gone", fail_first=10, fail_status=404))
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(url, retries=3, **FAST)
    assert server.routes["/gone"].hits == 1


def test_missing_path_is_a_404_error(server):
    with pytest.raises(FetchError, match="404"):
        fetch(server.url("/nothing-here"), **FAST)


def test_connection_closed_without_answer_is_retried(server):
    url = server.add("/drop", Route(body=b"second time lucky", drop_first=1))
    assert fetch(url, retries=1, **FAST).body == b"second time lucky"


def test_connection_closed_every_time_is_an_error(server):
    url = server.add("/drop", Route(body=b"never", drop_first=99))
    with pytest.raises(FetchError, match="connection"):
        fetch(url, retries=1, **FAST)


def test_endless_response_is_cut_at_the_size_cap(server):
    url = server.add("/huge", Route(endless=True))
    started = time.monotonic()
    with pytest.raises(FetchError, match="cap"):
        fetch(url, max_bytes=200_000, **FAST)
    assert time.monotonic() - started < 2


def test_announced_oversize_body_is_refused_before_reading(server):
    url = server.add("/big", Route(body=b"x" * 50_000))
    with pytest.raises(FetchError, match="cap"):
        fetch(url, max_bytes=10_000, **FAST)


def test_gzip_bomb_is_cut_at_the_size_cap(server):
    url = server.add("/bomb", Route(body=b"\0" * 3_000_000, gzip=True))
    with pytest.raises(FetchError, match="cap"):
        fetch(url, max_bytes=100_000, **FAST)


def test_redirects_are_followed_and_the_final_url_reported(server):
    server.add("/old", Route(status=301, location="/new"))
    final = server.add("/new", Route(body=b"moved here"))
    response = fetch(server.url("/old"), **FAST)
    assert response.body == b"moved here"
    assert response.url == final


def test_redirect_loop_is_an_error(server):
    server.add("/a", Route(status=302, location="/b"))
    server.add("/b", Route(status=302, location="/a"))
    with pytest.raises(FetchError, match="redirect"):
        fetch(server.url("/a"), **FAST)


def test_too_many_redirects_is_an_error(server):
    for i in range(5):
        server.add(f"/r{i}", Route(status=302, location=f"/r{i + 1}"))
    server.add("/r5", Route(body=b"far away"))
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(server.url("/r0"), max_redirects=3, **FAST)
    assert fetch(server.url("/r0"), max_redirects=5, **FAST).body == b"far away"


def test_redirect_to_another_scheme_is_refused(server):
    server.add("/sneaky", Route(status=302, location="file:///etc/passwd"))
    with pytest.raises(FetchError, match="only http and https"):
        fetch(server.url("/sneaky"), **FAST)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x", "not a url"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url, **FAST)


def test_refused_connection_is_an_error():
    with LoopbackServer() as s:
        url = s.url("/x")
    with pytest.raises(FetchError, match="connection"):
        fetch(url, retries=0, **FAST)
