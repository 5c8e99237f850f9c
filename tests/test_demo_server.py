"""The demo's local web server: reports published in manifest order, one URL per location, a feed, 304s."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import httpx
import pytest

from storyline.demo import STORY_DIR
from storyline.errors import InputError
from storyline.watch.demo_server import DemoServer

WAIT = 60.0  # seconds an answer of the in-process server may take (httpx waits 5 s by default): a busy machine
LOCATION = "https://tidewatch.test/news/2031/05/01/hesker-point-grounding"
REPORTS = [
    ("01.txt", "Tidewatch Daily", "2031-05-01T22:15:00+00:00", LOCATION, "Ferry runs aground off Hesker Point",
     "HESKER POINT — A ferry ran aground late on Thursday, the coastguard said.\n"),
    ("02.html", "Ostrel Radio", "2031-05-02T06:00:00+00:00", "https://ostrel.test/coast/ferry-passengers",
     "Passengers describe the night & the <cold>",
     ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Passengers</title></head>"
      "<body><p>Passengers said the lights went out before the ferry stopped.</p></body></html>\n")),
    ("03.txt", "Tidewatch Daily", "2031-05-02T09:30:00+00:00", LOCATION, "Hesker Point grounding: 19 hurt",
     "HESKER POINT — Nineteen people were hurt when the ferry ran aground, the coastguard confirmed.\n"),
]


@pytest.fixture
def example_dir(tmp_path: Path) -> Path:
    for file, _, _, _, _, text in REPORTS:
        (tmp_path / file).write_text(text, encoding="utf-8")
    manifest = {"story": "Hesker Point grounding", "reports": [
        {"file": f, "outlet": o, "published": p, "location": loc, "title": t} for f, o, p, loc, t, _ in REPORTS]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return tmp_path


def _feed(server: DemoServer):
    response = httpx.get(server.feed_url, timeout=WAIT)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_publishes_in_manifest_order(example_dir):
    with DemoServer(example_dir) as server, httpx.Client(timeout=WAIT) as client:
        assert server.url.startswith("http://127.0.0.1:") and server.feed_url == f"{server.url}/feed.xml"
        assert (server.steps, server.step) == (3, 1)
        feed = _feed(server)
        assert [e.title for e in feed.entries] == ["Ferry runs aground off Hesker Point"]
        entry = feed.entries[0]
        assert entry.link == server.article_url(LOCATION) and entry.link.startswith(server.url + "/")
        assert entry.updated == "2031-05-01T22:15:00Z" and entry.author == "Tidewatch Daily"
        article = client.get(entry.link)
        assert article.status_code == 200 and article.headers["content-type"] == "text/plain; charset=utf-8"
        assert article.text == REPORTS[0][5]
        assert client.get(server.article_url(REPORTS[1][3])).status_code == 404  # not published yet

        assert server.advance()
        feed = _feed(server)
        assert [e.title for e in feed.entries] == ["Passengers describe the night & the <cold>",
                                                   "Ferry runs aground off Hesker Point"]
        html = client.get(feed.entries[0].link)
        assert html.status_code == 200 and html.headers["content-type"] == "text/html; charset=utf-8"
        assert "lights went out" in html.text


def test_new_version_replaces_the_location(example_dir):
    with DemoServer(example_dir, start_step=2) as server, httpx.Client(timeout=WAIT) as client:
        url = server.article_url(LOCATION)
        first = client.get(url)
        before = {e.link: e for e in _feed(server).entries}[url]
        assert server.advance() and server.step == 3
        assert not server.advance() and server.step == 3
        second = client.get(url)
        assert second.text == REPORTS[2][5] and second.headers["etag"] != first.headers["etag"]
        entries = _feed(server).entries
        assert len(entries) == 2  # still one entry per location
        after = {e.link: e for e in entries}[url]
        assert before.id == after.id and before.updated == "2031-05-01T22:15:00Z"
        assert after.updated == "2031-05-02T09:30:00Z" and after.published == "2031-05-01T22:15:00Z"
        assert after.title == "Hesker Point grounding: 19 hurt" and entries[0].link == url


def test_conditional_requests(example_dir):
    with DemoServer(example_dir) as server, httpx.Client(timeout=WAIT) as client:
        url = server.article_url(LOCATION)
        first = client.get(url)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert modified == "Thu, 01 May 2031 22:15:00 GMT"
        unchanged = client.get(url, headers={"If-None-Match": etag})
        assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.headers["etag"] == etag
        assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
        assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200
        feed = client.get(server.feed_url)
        assert client.get(server.feed_url, headers={"If-None-Match": feed.headers["etag"]}).status_code == 304
        server.advance()
        server.advance()
        changed = client.get(url, headers={"If-None-Match": etag, "If-Modified-Since": modified})
        assert changed.status_code == 200 and changed.text == REPORTS[2][5]
        assert client.get(server.feed_url, headers={"If-None-Match": feed.headers["etag"]}).status_code == 200
        assert client.head(url).headers["content-length"] == str(len(REPORTS[2][5].encode("utf-8")))


def test_robots_and_unknown_paths(example_dir):
    with DemoServer(example_dir) as server, httpx.Client(timeout=WAIT) as client:
        robots = client.get(f"{server.url}/robots.txt")
        assert robots.status_code == 200 and "Allow: /" in robots.text and "Disallow: /" not in robots.text
        assert client.get(f"{server.url}/nothing-here").status_code == 404
        assert client.get(f"{server.url}/").status_code == 404
    with pytest.raises(httpx.ConnectError):  # closed on exit
        httpx.get(server.feed_url, timeout=1.0)


def test_bundled_example_story():
    manifest = json.loads((STORY_DIR / "manifest.json").read_text(encoding="utf-8"))
    locations = [r["location"] for r in manifest["reports"] if r.get("story", manifest["story"]) == manifest["story"]]
    assert len(locations) < len(manifest["reports"])  # an entry of another story is not served
    with DemoServer(STORY_DIR, start_step=len(locations)) as server:
        assert server.steps == len(locations)
        assert len(_feed(server).entries) == len(set(locations))


def test_bad_input(example_dir, tmp_path_factory):
    with pytest.raises(ValueError):
        DemoServer(example_dir, start_step=4)
    with pytest.raises(InputError, match="manifest.json"):
        DemoServer(tmp_path_factory.mktemp("empty"))
