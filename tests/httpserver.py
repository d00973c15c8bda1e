"""A real HTTP server on 127.0.0.1 (ephemeral port, own thread) for reader and fetch tests.

Routes map a path to a Route: a fixed reply, or a behaviour a test needs (slow, flaky, dropping the
connection, endless body, redirects). Every request is recorded, so tests can check what was asked.

    with LoopbackServer({"/a.html": Route(body=b"<html>...")}) as server:
        fetch(server.url("/a.html"))
"""
from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # clients hanging up early is what tests do
        pass


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    fail_first: int = 0  # answer the first N requests with `fail_status` (a flaky server)
    fail_status: int = 500
    drop_first: int = 0  # close the connection without answering on the first N requests
    endless: bool = False  # stream a body that never ends (a huge response without Content-Length)
    gzip: bool = False  # send the body gzip-compressed with Content-Encoding
    location: str | None = None  # with a 3xx status: where to redirect
    hits: int = 0


class LoopbackServer:
    def __init__(self, routes: dict[str, Route] | None = None):
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self._reply(404, b"not found", "text/plain")
                    return
                route.hits += 1
                if route.delay:
                    time.sleep(route.delay)
                if route.hits <= route.drop_first:
                    self.close_connection = True
                    self.connection.close()
                    return
                if route.hits <= route.fail_first:
                    self._reply(route.fail_status, b"try again", "text/plain")
                    return
                if route.endless:
                    self._endless(route)
                    return
                headers = dict(route.headers)
                if route.location is not None:
                    headers["Location"] = route.location
                body = route.body
                if route.gzip:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                self._reply(route.status, body, route.content_type, headers)

            def _reply(self, status, body, content_type, headers=None):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _endless(self, route):
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                chunk = b"<p>" + b"x" * 65_000 + b"</p>\n"
                try:
                    for _ in range(100_000):  # ~6.5 GB: far beyond any cap; stops when the client hangs up
                        self.wfile.write(chunk)
                except OSError:
                    pass

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
