"""RSS and Atom feeds into article links (samples are fictional)."""

from __future__ import annotations

import pytest
from httpserver import http_server  # noqa: F401  (fixture)

from storyline.errors import InputError
from storyline.ingest.feeds import Feed, FeedEntry, parse_feed
from storyline.ingest.fetch import Fetcher

FEED_URL = "https://calderra-wire.example/feeds/harbour.xml"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
  <title>Calderra Wire: Harbour</title>
  <link>https://calderra-wire.example/harbour/</link>
  <item>
    <title>Ferry crossings halted at Lantern Bay</title>
    <link>/harbour/2026/05/ferry-halted#top</link>
    <guid isPermaLink="false">cw-1001</guid>
    <pubDate>Tue, 12 May 2026 07:45:00 +0200</pubDate>
  </item>
  <item>
    <title>Ferry resumes service</title>
    <link>https://calderra-wire.example/harbour/2026/05/ferry-resumes</link>
    <guid isPermaLink="false">cw-1002</guid>
    <pubDate>Thu, 14 May 2026 09:30:00 GMT</pubDate>
  </item>
  <item>
    <title>Live: harbour authority briefing (no link)</title>
    <guid isPermaLink="false">cw-1003</guid>
  </item>
  <item>
    <title>Not an article</title>
    <link>javascript:void(0)</link>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://tessaly-post.example/news/">
  <title>Tessaly Post</title>
  <updated>2026-05-14T10:00:00Z</updated>
  <id>urn:uuid:6a1e0c52-0000-4000-8000-000000000001</id>
  <entry>
    <title>Engineers inspect landing ramp</title>
    <link rel="alternate" href="ramp-inspection"/>
    <id>urn:uuid:6a1e0c52-0000-4000-8000-000000000002</id>
    <published>2026-05-13T18:00:00+03:00</published>
    <updated>2026-05-14T08:15:00Z</updated>
  </entry>
  <entry>
    <title>Ferry operator names new captain</title>
    <link rel="alternate" type="text/html" href="https://tessaly-post.example/people/captain"/>
    <id>urn:uuid:6a1e0c52-0000-4000-8000-000000000003</id>
    <updated>2026-05-14T09:00:00Z</updated>
  </entry>
</feed>
"""


def test_rss_entries_with_links_resolved_and_dates_in_utc():
    feed = parse_feed(RSS, FEED_URL)
    assert feed.title == "Calderra Wire: Harbour"
    assert feed.entries == [
        FeedEntry(
            url="https://calderra-wire.example/harbour/2026/05/ferry-halted",
            title="Ferry crossings halted at Lantern Bay",
            published="2026-05-12T05:45:00+00:00",
            updated=None,
            id="cw-1001",
        ),
        FeedEntry(
            url="https://calderra-wire.example/harbour/2026/05/ferry-resumes",
            title="Ferry resumes service",
            published="2026-05-14T09:30:00+00:00",
            updated=None,
            id="cw-1002",
        ),
    ]


def test_atom_entries_resolve_against_xml_base():
    feed = parse_feed(ATOM, "https://tessaly-post.example/atom")
    assert feed.title == "Tessaly Post"
    first, second = feed.entries
    assert first.url == "https://tessaly-post.example/news/ramp-inspection"
    assert (first.published, first.updated) == ("2026-05-13T15:00:00+00:00", "2026-05-14T08:15:00+00:00")
    assert first.id == "urn:uuid:6a1e0c52-0000-4000-8000-000000000002"
    assert second.url == "https://tessaly-post.example/people/captain"
    assert (second.published, second.updated) == (None, "2026-05-14T09:00:00+00:00")


def test_relative_links_resolve_against_the_feed_url_without_a_base():
    raw = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Short</title>
    <entry><title>One</title><link href="../stories/one"/><id>one</id></entry></feed>"""
    feed = parse_feed(raw, "https://tessaly-post.example/feeds/all")
    assert [entry.url for entry in feed.entries] == ["https://tessaly-post.example/stories/one"]


def test_empty_feed_with_a_title_is_a_feed():
    raw = b"<rss version='2.0'><channel><title>Quiet desk</title></channel></rss>"
    assert parse_feed(raw, FEED_URL) == Feed(title="Quiet desk", entries=[])


@pytest.mark.parametrize(
    "raw",
    [
        b"<!doctype html><html><head><title>Harbour news</title></head><body><a href='/a'>A</a></body></html>",
        b"The ferry runs again, officials said.",
        b'{"items": []}',
        b"",
        b"<rss version='2.0'><channel><item>",
    ],
)
def test_not_a_feed_names_the_url(raw):
    with pytest.raises(InputError) as refused:
        parse_feed(raw, FEED_URL)
    assert str(refused.value).startswith(f"{FEED_URL}: is not an RSS or Atom feed")


def test_feed_fetched_over_http(http_server):  # noqa: F811
    http_server.route("/feeds/harbour.xml", RSS, headers={"Content-Type": "application/rss+xml"}, conditional=True)
    with Fetcher(allow_private=True, host_delay=0) as fetcher:
        fetched = fetcher.fetch(http_server.url("/feeds/harbour.xml"))
        again = fetcher.fetch(fetched.url, etag=fetched.etag)
    feed = parse_feed(fetched.content, fetched.final_url, fetched.content_type)
    assert [entry.url for entry in feed.entries] == [
        http_server.url("/harbour/2026/05/ferry-halted"),
        "https://calderra-wire.example/harbour/2026/05/ferry-resumes",
    ]
    assert again.not_modified


def test_an_aggregator_entry_names_its_outlet():
    raw = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Digest</title>'
           b'<item><title>Dam repairs</title><link>https://digest.example/a</link>'
           b'<source url="https://courier.example/feed">Lowmere Courier</source></item>'
           b'<item><title>No source</title><link>https://digest.example/b</link></item></channel></rss>')
    entries = parse_feed(raw, "https://digest.example/feed").entries
    assert [e.source for e in entries] == ["Lowmere Courier", None]
