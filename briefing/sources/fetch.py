"""A small, careful HTTP client for reading sources from the web (stdlib only).

Why not urllib.request: we need a total deadline per request, a hard size cap while reading, our own
redirect accounting (count, loops, scheme checks on every hop) and retries that tell transient failures
(5xx, timeouts, dropped connections) from permanent ones (4xx, size cap, bad scheme).
"""
from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from briefing.errors import SourceError
from briefing.version import USER_AGENT as DEFAULT_USER_AGENT  # names the installed version

ALLOWED_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


class FetchError(SourceError):
    """A URL could not be read. `transient` failures are worth retrying."""

    def __init__(self, url: str, reason: str, *, transient: bool = False, status: int | None = None):
        self.url = url
        self.reason = reason
        self.transient = transient
        self.status = status
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class Response:
    url: str  # final URL, after redirects
    status: int
    body: bytes  # decoded from gzip/deflate when the server compressed it
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names

    @property
    def content_type(self) -> str:
        """Media type without parameters, lower case ("text/html"); "" when the server sent none."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def is_http_url(target: str) -> bool:
    try:
        parts = urlsplit(target.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ALLOWED_SCHEMES and bool(parts.hostname)


def fetch(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    max_redirects: int = 5,
    retries: int = 2,
    backoff: float = 0.5,
    user_agent: str | None = None,
    accept: str = "*/*",
) -> Response:
    """GET `url`, following at most `max_redirects` redirects; retry transient failures `retries` times.

    `timeout` bounds each attempt as a whole (connect, headers and body), not each socket read.
    Raises FetchError (a SourceError) with a one-line reason.
    """
    attempt = 0
    while True:
        try:
            return _fetch_once(url, timeout, max_bytes, max_redirects, user_agent or DEFAULT_USER_AGENT, accept)
        except FetchError as error:
            if not error.transient or attempt >= retries:
                raise
            time.sleep(backoff * (2**attempt))
            attempt += 1


def options_fetch(url: str, options: object, accept: str = "*/*") -> Response:
    """fetch() with the settings carried by a ReadOptions (any object with those attributes)."""
    return fetch(
        url,
        timeout=float(getattr(options, "fetch_timeout", 10.0) or 10.0),
        max_bytes=int(getattr(options, "fetch_max_bytes", 5_000_000) or 5_000_000),
        max_redirects=int(getattr(options, "max_redirects", 5)),
        retries=int(getattr(options, "retries", 2)),
        backoff=float(getattr(options, "retry_backoff", 0.5)),
        user_agent=getattr(options, "user_agent", None) or None,
        accept=accept,
    )


def _fetch_once(url: str, timeout: float, max_bytes: int, max_redirects: int, user_agent: str, accept: str) -> Response:
    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    current = url
    for _hop in range(max_redirects + 1):
        _check_scheme(current, url)
        if current in seen:
            raise FetchError(url, f"redirect loop at {current}")
        seen.add(current)
        status, reason, headers, conn, response = _request(current, deadline, timeout, user_agent, accept)
        try:
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                current = urljoin(current, headers["location"].strip())
                continue
            if status >= 400:
                raise FetchError(url, f"HTTP {status} {reason}".rstrip(), transient=status >= 500, status=status)
            body = _read_body(response, headers, deadline, timeout, max_bytes, url)
            return Response(url=current, status=status, body=body, headers=headers)
        finally:
            conn.close()
    raise FetchError(url, f"too many redirects (more than {max_redirects})")


def _check_scheme(current: str, original: str) -> None:
    if not is_http_url(current):
        scheme = urlsplit(current).scheme or "no scheme"
        raise FetchError(original, f"refusing to fetch {current!r} ({scheme}: only http and https are read)")


def _remaining(deadline: float, timeout: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(url, f"timed out after {timeout:g} s", transient=True)
    return left


def _request(url: str, deadline: float, timeout: float, user_agent: str, accept: str):
    parts = urlsplit(url)
    host = parts.hostname or ""
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    left = _remaining(deadline, timeout, url)
    if parts.scheme.lower() == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, parts.port, timeout=left, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(host, parts.port, timeout=left)
    try:
        conn.request(
            "GET",
            path,
            headers={"User-Agent": user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"},
        )
        response = conn.getresponse()
    except Exception as error:
        conn.close()
        raise _network_error(url, error, timeout) from None
    headers = {name.lower(): value for name, value in response.getheaders()}
    return response.status, response.reason or "", headers, conn, response


def _read_body(response, headers: dict[str, str], deadline: float, timeout: float, max_bytes: int, url: str) -> bytes:
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"response larger than the {max_bytes}-byte cap ({declared} bytes announced)")
    encoding = headers.get("content-encoding", "").strip().lower()
    inflater = None
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = zlib.decompressobj()
    chunks: list[bytes] = []
    size = 0
    while True:
        left = _remaining(deadline, timeout, url)
        _set_timeout(response, left)
        try:
            chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        except Exception as error:
            raise _network_error(url, error, timeout) from None
        if not chunk:
            break
        if inflater is not None:
            try:
                # never inflate more than the cap allows (a small gzip can expand enormously)
                chunk = inflater.decompress(chunk, max_bytes + 1 - size)
            except zlib.error:
                raise FetchError(url, "corrupt compressed response") from None
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"response larger than the {max_bytes}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _set_timeout(response, seconds: float) -> None:
    """Shrink the socket timeout to what is left of the attempt's deadline."""
    try:
        response.fp.raw._sock.settimeout(seconds)
    except AttributeError:
        pass


def _network_error(url: str, error: BaseException, timeout: float) -> FetchError:
    if isinstance(error, (socket.timeout, TimeoutError)):
        return FetchError(url, f"timed out after {timeout:g} s", transient=True)
    if isinstance(error, ssl.SSLError):
        return FetchError(url, f"TLS error: {error}")
    if isinstance(error, socket.gaierror):
        return FetchError(url, f"cannot resolve host ({error.strerror or error})")
    if isinstance(error, http.client.IncompleteRead):
        return FetchError(url, "connection closed before the response was complete", transient=True)
    if isinstance(error, (ConnectionError, http.client.HTTPException, OSError)):
        text = str(error) or type(error).__name__
        if isinstance(error, http.client.RemoteDisconnected):
            text = "connection closed by the server without a response"
        return FetchError(url, f"connection failed: {text}", transient=True)
    return FetchError(url, f"{type(error).__name__}: {error}")
