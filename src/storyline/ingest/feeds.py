"""Read an RSS or Atom feed (already fetched) into its article links."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser

from storyline.errors import InputError


@dataclass
class FeedEntry:
    """One item of a feed: the article's absolute URL and what the feed says about it."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601, UTC
    updated: str | None = None  # ISO 8601, UTC
    id: str | None = None
    source: str | None = None  # the outlet an aggregator's entry says it came from (RSS/Atom <source>)


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)


def parse_feed(raw: bytes, url: str, content_type: str | None = None) -> Feed:
    """Parse feed bytes fetched from ``url``; relative links resolve against ``url``.

    ``content_type`` is the HTTP header, if known (its charset counts). Entries without an http(s)
    link are skipped. Raises ``InputError`` naming ``url`` when the bytes are not an RSS or Atom feed.
    """
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    # a stream, never a string: feedparser would itself fetch a string that looks like a URL
    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    title = parsed.feed.get("title") or None
    entries = [entry for item in parsed.entries if (entry := _entry(item, url)) is not None]
    if not parsed.get("version") or (parsed.bozo and not entries and title is None):
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if parsed.bozo and problem else ""
        raise InputError(url, f"is not an RSS or Atom feed{detail}")
    return Feed(title=title, entries=entries)


def _entry(item: feedparser.FeedParserDict, feed_url: str) -> FeedEntry | None:
    link = _link(item)
    if link is None:
        return None
    absolute = urldefrag(urljoin(feed_url, link.strip()))[0]
    if urlsplit(absolute).scheme not in ("http", "https"):
        return None
    return FeedEntry(
        url=absolute,
        title=item.get("title") or None,
        published=_iso(item.get("published_parsed")),
        # dict.get: feedparser's own get answers the published date when there is no updated one
        updated=_iso(dict.get(item, "updated_parsed")),
        id=item.get("id") or None,
        source=(item.get("source") or {}).get("title") or None,
    )


def _link(item: feedparser.FeedParserDict) -> str | None:
    """The entry's article link: ``link``, else its first alternate link."""
    if item.get("link"):
        return item["link"]
    for link in item.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _iso(parsed: time.struct_time | None) -> str | None:
    """feedparser's UTC struct_time as an ISO 8601 string."""
    if parsed is None:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).isoformat()
