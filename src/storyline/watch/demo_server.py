"""A local web server that publishes the example story's reports one at a time, for ``storyline demo --follow``.

Each manifest entry is one published version of an article location. The server serves one URL per location
(the latest version published so far), an Atom feed of every location at ``/feed.xml`` whose ``updated`` is
that version's publication time, ``/robots.txt`` allowing everything, and 404 for anything else. Articles and
the feed carry ETag and Last-Modified and answer conditional requests with 304.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from ..errors import InputError

ATOM_NS = "http://www.w3.org/2005/Atom"
ROBOTS = b"User-agent: *\nAllow: /\n"
TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}


@dataclass(frozen=True)
class Version:
    """One manifest report: a version of the article at ``location``."""

    location: str
    path: str
    outlet: str
    title: str
    published: datetime
    body: bytes
    content_type: str


@dataclass(frozen=True)
class Resource:
    """What a URL answers with right now."""

    body: bytes
    content_type: str
    modified: datetime

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


def location_path(location: str) -> str:
    """The server path for an article location: its host and path, e.g. ``/outlet.test/news/a-story``."""
    parts = urlsplit(location)
    path = f"/{parts.netloc}{parts.path}" if parts.netloc else "/" + location.strip("/")
    return path + (f"?{parts.query}" if parts.query else "")


def _content_type(path: Path) -> str:
    kind = TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


def _published(value: str, source: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(source, f"published time {value!r} is not ISO 8601") from None
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def load_versions(example_dir: Path) -> tuple[str, list[Version]]:
    """The story name and every manifest report of that story (an entry naming another story is left out),
    in manifest (publication) order."""
    manifest_path = example_dir / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        story = manifest.get("story", example_dir.name)
        versions = []
        for entry in manifest["reports"]:
            if entry.get("story", story) != story:
                continue
            file = example_dir / entry["file"]
            versions.append(Version(
                location=entry["location"], path=location_path(entry["location"]), outlet=entry["outlet"],
                title=entry.get("title") or entry["file"], published=_published(entry["published"], str(file)),
                body=file.read_bytes(), content_type=_content_type(file)))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(str(manifest_path), f"cannot read the example story ({type(exc).__name__}: {exc})") from None
    return story, versions


def _http_date(when: datetime) -> str:
    return format_datetime(when.astimezone(timezone.utc), usegmt=True)


def _rfc3339(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class DemoServer:
    """Serves the example story in ``example_dir`` on 127.0.0.1 (an ephemeral port), ``step`` reports at a time.

    Use as a context manager, or call ``start()`` and ``close()``."""

    def __init__(self, example_dir: Path, *, start_step: int = 1):
        self.story, self._versions = load_versions(Path(example_dir))
        if not 0 <= start_step <= len(self._versions):
            raise ValueError(f"start_step must be between 0 and {len(self._versions)}, not {start_step}")
        self.step = start_step
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.demo = self
        self._thread: threading.Thread | None = None
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host}:{port}"
        self.feed_url = f"{self.url}/feed.xml"

    @property
    def steps(self) -> int:
        return len(self._versions)

    def article_url(self, location: str) -> str:
        """The local URL that serves the manifest location ``location``."""
        return self.url + quote(location_path(location), safe="/=&-._~")

    def advance(self) -> bool:
        """Publish the next report of the manifest; False when all are already out."""
        with self._lock:
            if self.step >= len(self._versions):
                return False
            self.step += 1
            return True

    def current(self) -> dict[str, tuple[Version, Version]]:
        """Server path → (first, latest) published version of that location, in order of first publication."""
        with self._lock:
            published = self._versions[: self.step]
        pages: dict[str, tuple[Version, Version]] = {}
        for version in published:
            first = pages.get(version.path, (version, version))[0]
            pages[version.path] = (first, version)
        return pages

    def resource(self, path: str) -> Resource | None:
        """What ``path`` (without the query) answers now; None for a 404."""
        if path == "/robots.txt":
            return Resource(ROBOTS, "text/plain; charset=utf-8", datetime(2000, 1, 1, tzinfo=timezone.utc))
        pages = self.current()
        if path == "/feed.xml":
            return self._feed(pages)
        page = pages.get(path)
        if page is None:
            return None
        latest = page[1]
        return Resource(latest.body, latest.content_type, latest.published)

    def _feed(self, pages: dict[str, tuple[Version, Version]]) -> Resource:
        ordered = sorted(pages.values(), key=lambda pair: pair[1].published, reverse=True)
        updated = ordered[0][1].published if ordered else datetime(2000, 1, 1, tzinfo=timezone.utc)
        feed = ET.Element("feed", {"xmlns": ATOM_NS})
        ET.SubElement(feed, "id").text = self.url + "/"
        ET.SubElement(feed, "title").text = self.story
        ET.SubElement(feed, "updated").text = _rfc3339(updated)
        ET.SubElement(feed, "link", {"rel": "self", "href": self.feed_url})
        for first, latest in ordered:
            link = self.article_url(latest.location)
            entry = ET.SubElement(feed, "entry")
            ET.SubElement(entry, "id").text = link
            ET.SubElement(entry, "title").text = latest.title
            ET.SubElement(entry, "link", {"rel": "alternate", "href": link})
            ET.SubElement(entry, "published").text = _rfc3339(first.published)
            ET.SubElement(entry, "updated").text = _rfc3339(latest.published)
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = latest.outlet
            # an aggregator's entry names the outlet it came from: storyline takes it as the report's outlet
            ET.SubElement(ET.SubElement(entry, "source"), "title").text = latest.outlet
        ET.indent(feed)
        body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
        return Resource(body, "application/atom+xml; charset=utf-8", updated)

    def start(self) -> DemoServer:
        """Start serving in a daemon thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                            name="storyline-demo-server", daemon=True)
            self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    demo: DemoServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "storyline-demo/1"

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        resource = self.server.demo.resource(unquote(urlsplit(self.path).path))
        if resource is None:
            self._send(404, b"not found\n", "text/plain; charset=utf-8", with_body)
            return
        headers = {"ETag": resource.etag, "Last-Modified": _http_date(resource.modified)}
        if self._not_modified(resource):
            self._send(304, b"", None, False, headers)
        else:
            self._send(200, resource.body, resource.content_type, with_body, headers)

    def _not_modified(self, resource: Resource) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or resource.etag in tags
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        return resource.modified.replace(microsecond=0) <= when

    def _send(self, status: int, body: bytes, content_type: str | None, with_body: bool,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the demo prints what the watcher finds, not the server's access log."""
