"""The guarded fetcher against a real HTTP server on loopback (tests/httpserver.py)."""

from __future__ import annotations

import inspect
import socket
import time
from datetime import UTC, datetime

import httpcore
import pytest
from httpserver import http_server  # noqa: F401  (fixture)

from storyline.errors import InputError
from storyline.ingest import fetch
from storyline.ingest.fetch import (
    USER_AGENT,
    Fetched,
    Fetcher,
    FetchError,
    is_public_address,
)
from storyline.ingest.sources import fetched_document

ARTICLE = """<!doctype html><html><head><title>Harbour ferry resumes service</title>
<meta property="article:published_time" content="2026-05-14T09:30:00Z"></head>
<body><article><h1>Harbour ferry resumes service</h1>
<p>The Lantern Bay ferry resumed crossings on Wednesday after a two-day halt, the operator Tessaly Lines said.</p>
<p>A spokesperson for the harbour authority said 14 sailings were cancelled while engineers inspected the
landing ramp, and that no passengers had been hurt.</p></article></body></html>"""

PUBLIC_IP = "93.184.216.34"  # what the fake resolver answers for the "public" test names


def local(**options) -> Fetcher:
    """A fetcher allowed to reach the loopback test server, without politeness delays."""
    return Fetcher(allow_private=True, host_delay=0, **options)


@pytest.fixture
def fake_dns(monkeypatch, http_server):  # noqa: F811
    """Fake names: wire.calderra.example is public (its connection lands on the test server),
    inside.calderra.example resolves to loopback, mixed.calderra.example to both.

    Returns the list of addresses the backend actually connected to."""
    answers = {
        "wire.calderra.example": [PUBLIC_IP],
        "inside.calderra.example": ["127.0.0.1"],
        "mixed.calderra.example": [PUBLIC_IP, "10.1.2.3"],
    }
    real_resolve, real_connect = fetch.resolve, httpcore.SyncBackend.connect_tcp
    connected: list[str] = []

    def resolve(host, port):
        return answers[host] if host in answers else real_resolve(host, port)

    def connect_tcp(self, host, port, *args, **kwargs):
        connected.append(host)
        target = "127.0.0.1" if host == PUBLIC_IP else host  # the "public" host is our server
        return real_connect(self, target, port, *args, **kwargs)

    monkeypatch.setattr(fetch, "resolve", resolve)
    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect_tcp)
    return connected


def port_of(server) -> int:
    return int(server.base_url.rsplit(":", 1)[1])


# conditional requests


def test_etag_then_304_and_headers_sent(http_server):  # noqa: F811
    http_server.route("/story", ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"}, conditional=True)
    with local() as fetcher:
        first = fetcher.fetch(http_server.url("/story"))
        again = fetcher.fetch(http_server.url("/story"), etag=first.etag)
    assert (first.status, first.not_modified, first.content) == (200, False, ARTICLE.encode())
    assert first.etag and first.last_modified and first.content_type.startswith("text/html")
    assert first.fetched_at.tzinfo is not None and first.fetched_at.utcoffset().total_seconds() == 0
    assert (again.status, again.not_modified, again.content) == (304, True, b"")
    assert again.etag == first.etag
    requests = http_server.requests_for("/story")
    assert "if-none-match" not in requests[0].headers
    assert requests[1].headers["if-none-match"] == first.etag
    assert all(request.headers["user-agent"] == USER_AGENT for request in requests)
    assert USER_AGENT.startswith("storyline/") and "news monitoring" in USER_AGENT


def test_last_modified_alone_gives_304(http_server):  # noqa: F811
    route = http_server.route("/story", ARTICLE, conditional=True)
    with local() as fetcher:
        result = fetcher.fetch(http_server.url("/story"), last_modified=route.last_modified)
    assert result.not_modified and result.last_modified == route.last_modified
    assert http_server.requests_for("/story")[0].headers["if-modified-since"] == route.last_modified


def test_etag_change_without_content_change_is_a_full_answer(http_server):  # noqa: F811
    http_server.route("/story", ARTICLE, conditional=True, etag='"v1"')
    with local() as fetcher:
        first = fetcher.fetch(http_server.url("/story"))
        http_server.route("/story", ARTICLE, conditional=True, etag='"v2"')
        second = fetcher.fetch(http_server.url("/story"), etag=first.etag)
    assert first.etag == '"v1"' and second.etag == '"v2"'
    assert not second.not_modified and second.content == first.content


# redirects


def test_redirect_chain_within_the_limit(http_server):  # noqa: F811
    http_server.route("/final", ARTICLE)
    http_server.redirect("/one", "/two", status=301)
    http_server.redirect("/two", http_server.url("/three"), status=307)
    http_server.redirect("/three", "final", status=308)  # relative to /three
    with local(max_redirects=3) as fetcher:
        result = fetcher.fetch(http_server.url("/one#comments"))
    assert result.url == http_server.url("/one")
    assert result.final_url == http_server.url("/final")
    assert result.content == ARTICLE.encode()
    assert [r.path for r in http_server.requests if r.path != "/robots.txt"] == ["/one", "/two", "/three", "/final"]


def test_redirect_chain_over_the_limit(http_server):  # noqa: F811
    http_server.route("/final", ARTICLE)
    http_server.redirect("/one", "/two")
    http_server.redirect("/two", "/three")
    http_server.redirect("/three", "/final")
    http_server.redirect("/loop", "/loop")
    with local(max_redirects=2) as fetcher:
        with pytest.raises(FetchError) as over:
            fetcher.fetch(http_server.url("/one"))
        with pytest.raises(FetchError) as loop:
            fetcher.fetch(http_server.url("/loop"))
    assert over.value.kind == loop.value.kind == "redirects"
    assert str(over.value).startswith(http_server.url("/one") + ":") and "more than 2 redirects" in str(over.value)
    assert not http_server.requests_for("/final")
    assert len(http_server.requests_for("/loop")) == 3


# private addresses


def test_loopback_refused_without_allow_private(http_server):  # noqa: F811
    http_server.route("/story", ARTICLE)
    with Fetcher(host_delay=0) as fetcher, pytest.raises(FetchError) as refused:
        fetcher.fetch(http_server.url("/story"))
    assert refused.value.kind == "refused" and refused.value.status is None
    assert http_server.url("/story") in str(refused.value) and "127.0.0.1 is not a public address" in str(refused.value)
    assert http_server.requests == []  # not even robots.txt was asked for


def test_public_name_is_connected_by_its_vetted_address(http_server, fake_dns):  # noqa: F811
    http_server.route("/story", ARTICLE)
    url = f"http://wire.calderra.example:{port_of(http_server)}/story"
    with Fetcher(host_delay=0) as fetcher:
        result = fetcher.fetch(url)
    assert result.content == ARTICLE.encode()
    assert set(fake_dns) == {PUBLIC_IP}  # connected to the address that was checked, never re-resolved
    assert http_server.requests_for("/story")[0].headers["host"].startswith("wire.calderra.example")


def test_public_name_redirecting_inside_is_refused(http_server, fake_dns):  # noqa: F811
    http_server.route("/secret", "internal")
    http_server.redirect("/story", http_server.url("/secret"))
    http_server.redirect("/metadata", "http://169.254.169.254/latest/meta-data/")
    base = f"http://wire.calderra.example:{port_of(http_server)}"
    with Fetcher(host_delay=0) as fetcher:
        with pytest.raises(FetchError) as loopback:
            fetcher.fetch(base + "/story")
        with pytest.raises(FetchError) as link_local:
            fetcher.fetch(base + "/metadata")
    assert loopback.value.kind == link_local.value.kind == "refused"
    assert f"redirected to {http_server.url('/secret')}" in str(loopback.value)
    assert "169.254.169.254 is not a public address" in str(link_local.value)
    assert str(loopback.value).startswith(base + "/story:")
    assert not http_server.requests_for("/secret")
    assert "169.254.169.254" not in fake_dns and "127.0.0.1" not in fake_dns


@pytest.mark.parametrize("name", ["inside.calderra.example", "mixed.calderra.example"])
def test_name_resolving_inside_is_refused(http_server, fake_dns, name):  # noqa: F811
    http_server.route("/story", ARTICLE)
    with Fetcher(host_delay=0) as fetcher, pytest.raises(FetchError) as refused:
        fetcher.fetch(f"http://{name}:{port_of(http_server)}/story")
    assert refused.value.kind == "refused" and f"{name} resolves to" in str(refused.value)
    assert fake_dns == [] and http_server.requests == []


@pytest.mark.parametrize(
    ("ip", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.0.0.8", False),
        ("172.16.4.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.251", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.216.34", True),
        ("2002:7f00:1::", False),  # 6to4 around 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 around 10.0.0.1
        ("not-an-ip", False),
    ],
)
def test_is_public_address(ip, public):
    assert is_public_address(ip) is public


# schemes, sizes, time


@pytest.mark.parametrize("url", ["ftp://files.calderra.example/a.txt", "file:///etc/hostname", "javascript:alert(1)"])
def test_non_http_scheme_refused(url):
    with Fetcher(host_delay=0) as fetcher, pytest.raises(FetchError) as refused:
        fetcher.fetch(url)
    assert refused.value.kind == "refused" and "only http and https" in str(refused.value)


@pytest.mark.parametrize(
    ("url", "problem"),
    [("http://[::1/story", "not a valid URL"), ("http:///story", "no host"), ("calderra wire", "no scheme")],
)
def test_malformed_url_refused(url, problem):
    with Fetcher(host_delay=0) as fetcher, pytest.raises(FetchError) as refused:
        fetcher.fetch(url)
    assert refused.value.kind == "refused" and problem in str(refused.value)


def test_redirect_to_malformed_url_fails(http_server):  # noqa: F811
    http_server.redirect("/story", "http://[::1/elsewhere")
    with local() as fetcher, pytest.raises(FetchError) as failed:
        fetcher.fetch(http_server.url("/story"))
    assert failed.value.kind == "network" and "Invalid URL in location header" in str(failed.value)


def test_redirect_to_another_scheme_refused(http_server):  # noqa: F811
    http_server.redirect("/story", "file:///etc/hostname")
    with local() as fetcher, pytest.raises(FetchError) as refused:
        fetcher.fetch(http_server.url("/story"))
    assert refused.value.kind == "refused" and "redirected to file://" in str(refused.value)


def test_size_cap_with_content_length(http_server):  # noqa: F811
    http_server.route("/big", b"x" * 5000)
    http_server.route("/exact", b"x" * 1000)
    with local(max_bytes=1000) as fetcher:
        with pytest.raises(FetchError) as too_large:
            fetcher.fetch(http_server.url("/big"))
        assert len(fetcher.fetch(http_server.url("/exact")).content) == 1000
    assert too_large.value.kind == "too_large" and "1000 bytes" in str(too_large.value)


def test_size_cap_while_streaming_chunks(http_server):  # noqa: F811
    # chunks of 1000 bytes, then an answer that never ends: stopping at the cap must not wait for the rest
    # (a fetcher that waited would end in a read timeout, not too_large)
    http_server.route("/endless", b"y" * 5000, chunked=True, chunk_size=1000, endless=True)
    with local(max_bytes=3000) as fetcher:
        with pytest.raises(FetchError) as too_large:
            fetcher.fetch(http_server.url("/endless"))
    assert too_large.value.kind == "too_large"


def test_slow_server_times_out(http_server):  # noqa: F811
    # the server would answer after a minute (closing it at the end cuts the wait short); giving up in well
    # under the default timeout (15 s) shows it is the 0.3 s that is applied
    http_server.route("/slow", ARTICLE, delay=60.0)
    with local(timeout=0.3) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError) as timed_out:
            fetcher.fetch(http_server.url("/slow"))
    assert timed_out.value.kind == "timeout" and "0.3 s" in str(timed_out.value)
    assert time.monotonic() - started < inspect.signature(Fetcher).parameters["timeout"].default / 3


def test_dripping_server_hits_the_deadline(http_server):  # noqa: F811
    # every byte arrives well within the read timeout (0.02 s apart, the timeout 5 s), but the whole answer
    # takes too long (2000 bytes: 40 s, cut short when the server closes); a clock running 250 times fast
    # keeps the test short: the deadline, 4 x 5 s, is 0.08 s real. Giving up in less real time than one read
    # timeout shows that the deadline is kept on the clock given (on the real one it would be 20 s)
    http_server.route("/drip", b"z" * 2000, chunked=True, chunk_size=1, chunk_delay=0.02)
    read_timeout = 5.0
    with local(timeout=read_timeout, clock=lambda: 250 * time.monotonic()) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError) as timed_out:
            fetcher.fetch(http_server.url("/drip"))
    assert timed_out.value.kind == "timeout" and "took over 20 s" in str(timed_out.value)
    assert time.monotonic() - started < read_timeout


def test_per_host_delay_is_observed(http_server):  # noqa: F811
    # a fake clock on which every request the server answers takes half a second: the whole
    # host_delay must pass after the first answer ends, not after the first request started
    http_server.route("/a", "first")
    http_server.route("/b", "second")
    now, slept = [100.0], []

    def clock():
        return now[0] + 0.5 * len(http_server.requests)

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    with Fetcher(allow_private=True, host_delay=2, respect_robots=False, clock=clock, sleep=sleep) as fetcher:
        fetcher.fetch(http_server.url("/a"))  # asked at 100.0, answered at 100.5
        now[0] += 0.25
        fetcher.fetch(http_server.url("/b"))  # at 100.75: 1.75 s more until 102.5
    assert slept == [1.75]


def test_per_host_delay_really_sleeps(http_server):  # noqa: F811
    http_server.route("/a", "first")
    # with the real clock and sleep; timed from before the first request, the one bound that holds
    # however the two requests' own durations vary (the exact pause is checked on a fake clock above)
    with Fetcher(allow_private=True, host_delay=0.2, respect_robots=False) as fetcher:
        started = time.monotonic()
        fetcher.fetch(http_server.url("/a"))
        fetcher.fetch(http_server.url("/a"))
    assert time.monotonic() - started >= 0.2


def test_per_host_delay_counts_per_host(http_server, fake_dns):  # noqa: F811
    http_server.route("/a", "text")
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(round(seconds, 3))
        now[0] += seconds

    with Fetcher(allow_private=True, host_delay=5, respect_robots=False, clock=lambda: now[0], sleep=sleep) as f:
        f.fetch(http_server.url("/a"))
        f.fetch(http_server.url("/a").replace("127.0.0.1", "wire.calderra.example"))  # another host: no wait
        now[0] += 2
        f.fetch(http_server.url("/a"))  # 2 s after the last request to 127.0.0.1: wait 3 more
        now[0] += 10
        f.fetch(http_server.url("/a"))  # long enough ago
    assert slept == [3.0]


# robots.txt


ROBOTS = """User-agent: otherbot
Disallow: /

User-agent: storyline
Disallow: /drafts/

User-agent: *
Disallow: /
"""


def test_robots_disallow_for_our_user_agent_group(http_server):  # noqa: F811
    http_server.route("/robots.txt", ROBOTS, headers={"Content-Type": "text/plain"})
    http_server.route("/news/ferry", ARTICLE)
    http_server.route("/drafts/ferry", ARTICLE)
    with local() as fetcher:
        assert fetcher.fetch(http_server.url("/news/ferry")).status == 200
        with pytest.raises(FetchError) as refused:
            fetcher.fetch(http_server.url("/drafts/ferry"))
    assert refused.value.kind == "refused" and "robots.txt disallows" in str(refused.value)
    assert not http_server.requests_for("/drafts/ferry")
    assert len(http_server.requests_for("/robots.txt")) == 1  # cached per scheme and host
    with local(user_agent="otherbot/2.0") as other, pytest.raises(FetchError):
        other.fetch(http_server.url("/news/ferry"))
    with local(respect_robots=False) as ignoring:
        assert ignoring.fetch(http_server.url("/drafts/ferry")).status == 200


def test_robots_disallow_applies_to_redirect_targets(http_server):  # noqa: F811
    http_server.route("/robots.txt", ROBOTS)
    http_server.redirect("/short", "/drafts/ferry")
    with local() as fetcher, pytest.raises(FetchError) as refused:
        fetcher.fetch(http_server.url("/short"))
    assert "redirected to" in str(refused.value) and not http_server.requests_for("/drafts/ferry")


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (500, True), (401, False), (403, False)])
def test_robots_status(http_server, status, allowed):  # noqa: F811
    http_server.route("/robots.txt", "no", status=status)
    http_server.route("/story", ARTICLE)
    with local() as fetcher:
        if allowed:
            assert fetcher.fetch(http_server.url("/story")).status == 200
        else:
            with pytest.raises(FetchError) as refused:
                fetcher.fetch(http_server.url("/story"))
            assert refused.value.kind == "refused"


# HTTP and network errors


def test_server_error_then_recovery(http_server):  # noqa: F811
    http_server.route("/story", "oops", status=500)
    with local() as fetcher:
        with pytest.raises(FetchError) as failed:
            fetcher.fetch(http_server.url("/story"))
        http_server.route("/story", ARTICLE)
        recovered = fetcher.fetch(http_server.url("/story"))
    assert (failed.value.kind, failed.value.status) == ("http", 500)
    assert str(failed.value) == f"{http_server.url('/story')}: HTTP 500 Internal Server Error"
    assert recovered.content == ARTICLE.encode()


def test_not_found(http_server):  # noqa: F811
    with local() as fetcher, pytest.raises(FetchError) as missing:
        fetcher.fetch(http_server.url("/nowhere"))
    assert (missing.value.kind, missing.value.status) == ("http", 404)


def test_connection_refused_is_a_network_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    with local() as fetcher, pytest.raises(FetchError) as failed:
        fetcher.fetch(f"http://127.0.0.1:{port}/story")
    assert failed.value.kind == "network" and f"127.0.0.1:{port}/story" in str(failed.value)


# fetched pages as documents


def test_fetched_html_becomes_a_document(http_server):  # noqa: F811
    http_server.route("/news/ferry", ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"})
    http_server.redirect("/f", "/news/ferry")
    with local() as fetcher:
        document = fetched_document(fetcher.fetch(http_server.url("/f#top")))
    assert document.location == http_server.url("/f")
    assert document.url == http_server.url("/news/ferry")
    assert document.outlet == "127.0.0.1"
    assert document.title == "Harbour ferry resumes service"
    assert "Tessaly Lines" in document.text and document.content_type == "text/html"
    assert document.published_from == "metadata" and document.published.startswith("2026-05-14")


def fetched(content: bytes, content_type: str | None, **fields) -> Fetched:
    values = {
        "url": "https://www.calderra-wire.example/ferry",
        "final_url": "https://www.calderra-wire.example/2026/ferry",
        "status": 200,
        "not_modified": False,
        "content": content,
        "content_type": content_type,
        "etag": None,
        "last_modified": None,
        "fetched_at": datetime(2026, 5, 14, tzinfo=UTC),
    }
    return Fetched(**(values | fields))


def test_fetched_document_outlet_dates_and_charset():
    latin = ARTICLE.replace("Lantern Bay", "Lantern Baý").encode("latin-1")
    document = fetched_document(fetched(latin, "text/html; charset=ISO-8859-1"), published="2026-05-15")
    assert document.outlet == "calderra-wire.example"
    assert "Lantern Baý" in document.text
    assert (document.published, document.published_from) == ("2026-05-15", "option")
    text = fetched_document(fetched(b"Ferry runs again\n12 May 2026\n\nOfficials said on 11 May 2026 that the "
                                    b"ferry runs again.", "text/plain"), outlet="Calderra Wire")
    assert (text.outlet, text.content_type, text.published) == ("Calderra Wire", "text/plain", "2026-05-12")
    assert text.location == "https://www.calderra-wire.example/ferry"


def test_fetched_page_outlet_is_its_site_name_else_its_host():
    named = ARTICLE.replace("</title>", '</title><meta property="og:site_name" content="Tessaly Harbour Times">')
    document = fetched_document(fetched(named.encode(), "text/html"))
    assert (document.outlet, document.outlet_from) == ("Tessaly Harbour Times", "metadata")
    wired = fetched(b"LANTERN BAY (Calderra Wire) - The ferry resumed crossings on Wednesday.", "text/plain")
    document = fetched_document(wired)  # the dateline's agency is the wire the page copies, not the site
    assert (document.outlet, document.outlet_from) == ("calderra-wire.example", "host")


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        (fetched(b"", None, status=304, not_modified=True), "HTTP 304"),
        (fetched(b"%PDF-1.7 ...", "application/pdf"), "binary (a PDF document)"),
        (fetched(b'{"ferry": true}', "application/json"), "is application/json, not text or HTML"),
        (fetched(b"<html><body><p>Accept cookies</p></body></html>", "text/html"), "no article text"),
    ],
)
def test_fetched_document_refusals_name_the_url(page, problem):
    with pytest.raises(InputError) as refused:
        fetched_document(page)
    assert str(refused.value).startswith("https://www.calderra-wire.example/ferry: ")
    assert problem in str(refused.value)
