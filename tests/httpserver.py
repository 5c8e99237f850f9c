"""A local HTTP server for tests: routes that change while it runs, conditional GETs, a request log.

Use the ``http_server`` fixture (import it into a test module: ``from httpserver import http_server``)::

    def test_something(http_server):
        http_server.route("/story", "<html>…</html>", headers={"Content-Type": "text/html"}, conditional=True)
        http_server.redirect("/old", "/story")
        url = http_server.url("/story")          # http://127.0.0.1:PORT/story
        ...
        assert http_server.requests_for("/story")[0].headers["user-agent"].startswith("storyline/")

The server listens on 127.0.0.1 with an ephemeral port, answers from a background daemon thread per
request, and answers 404 for paths it has no route for (so a missing ``/robots.txt`` means "allowed").
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest


@dataclass
class Route:
    """What the server answers for one path (the query string is ignored when matching)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    conditional: bool = False  # send ETag/Last-Modified and answer 304 when the request's validators match
    etag: str | None = None  # with ``conditional``: this ETag instead of one derived from the body
    last_modified: str = ""  # with ``conditional``: set when the route is made, unless given
    chunked: bool = False  # send the body in chunks without Content-Length
    chunk_size: int = 1024
    chunk_delay: float = 0.0  # seconds to wait before each chunk (a slow, dripping server)
    endless: bool = False  # with ``chunked``: never end the answer, hold it open after the body until closed


@dataclass
class Request:
    """One request the server received; ``headers`` has lower-case names."""

    method: str
    path: str  # with the query string
    headers: dict[str, str]


class LocalServer:
    """The server; ``route``/``redirect`` change what it answers, ``requests`` is what it was asked."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def route(self, path: str, body: bytes | str = b"", *, status: int = 200, **options) -> Route:
        """Answer ``path`` with ``body`` (str is sent as UTF-8); ``options`` are ``Route`` fields."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(status=status, body=data, **options)
        if route.conditional and not route.last_modified:
            route.last_modified = formatdate(usegmt=True)
        with self._lock:
            self.routes[path] = route
        return route

    def redirect(self, path: str, location: str, status: int = 302) -> Route:
        """Answer ``path`` with a redirect to ``location`` (a path here or any URL)."""
        return self.route(path, status=status, headers={"Location": location})

    def requests_for(self, path: str) -> list[Request]:
        """The requests whose path (without the query) is ``path``, oldest first."""
        with self._lock:
            return [request for request in self.requests if urlsplit(request.path).path == path]

    def close(self) -> None:
        self._stopping.set()  # cuts short any delay a handler is waiting out
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        headers = {name.lower(): value for name, value in handler.headers.items()}
        with self._lock:
            self.requests.append(Request(handler.command, handler.path, headers))
            route = self.routes.get(urlsplit(handler.path).path)
        if route is None:
            route = Route(status=404, body=b"not found", headers={"Content-Type": "text/plain"})
        if route.delay and self._stopping.wait(route.delay):
            return
        status, response_headers = route.status, dict(route.headers)
        if route.conditional:
            etag = route.etag or '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            response_headers.update({"ETag": etag, "Last-Modified": route.last_modified})
            if _not_modified(headers, etag, route.last_modified):
                status = 304
        body = b"" if status == 304 or handler.command == "HEAD" else route.body
        handler.send_response(status)
        for name, value in response_headers.items():
            handler.send_header(name, value)
        if route.chunked and status != 304:
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            self._send_chunks(handler, route, body)
        else:
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

    def _send_chunks(self, handler: BaseHTTPRequestHandler, route: Route, body: bytes) -> None:
        for start in range(0, len(body), route.chunk_size):
            if route.chunk_delay and self._stopping.wait(route.chunk_delay):
                return
            chunk = body[start : start + route.chunk_size]
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            handler.wfile.flush()
        if route.endless:
            self._stopping.wait()
            handler.close_connection = True
            return
        handler.wfile.write(b"0\r\n\r\n")


def _not_modified(headers: dict[str, str], etag: str, last_modified: str) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since (compared as given)."""
    if "if-none-match" in headers:
        candidates = [tag.strip() for tag in headers["if-none-match"].split(",")]
        return "*" in candidates or etag in candidates
    return headers.get("if-modified-since") == last_modified


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            try:
                server._answer(self)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (a timeout or size-cap test)

        do_HEAD = do_GET

        def log_message(self, format: str, *args) -> None:
            """Quiet: tests read ``server.requests`` instead."""

    return Handler


@pytest.fixture
def http_server():
    """A running ``LocalServer``, closed after the test."""
    server = LocalServer()
    yield server
    server.close()
