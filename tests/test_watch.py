"""Following a story over real HTTP (loopback): every case asserts what is stored and what the change log says.

The articles are invented (Harrow Field, Osterland); the server is tests/httpserver.py.
"""

from __future__ import annotations

import pytest
from httpserver import http_server  # noqa: F401 - a fixture

from storyline.ingest.fetch import Fetcher
from storyline.ledger.from_store import story_ledger
from storyline.store import open_store
from storyline.watch.cycle import run_cycle

pytestmark = pytest.mark.slow  # extraction loads the spaCy model

STORY = "harrow-field"
PLAIN = {"Content-Type": "text/plain; charset=utf-8"}

LEAD = ("HARROW FIELD, Osterland — A fire at the Harrow Field grain terminal killed at least {toll} people on "
        "Tuesday night, the regional fire service said.")
CHIEF = "Fire chief Lena Dorsk said the blaze started in a conveyor shed near the north silo."
ALARM_RUMOUR = ("Two workers who spoke on condition of anonymity said the smoke alarm in the shed had failed weeks "
                "earlier. The claim could not be independently verified.")
ALARM_CONFIRMED = "Inspectors confirmed that the smoke alarm in the shed had failed weeks earlier."
OPERATOR = "The terminal's operator, Brannock Grain, said it would pay for the funerals of the victims."


def article(*paragraphs: str, toll: int = 12) -> str:
    return "\n\n".join([LEAD.format(toll=toll), *paragraphs]) + "\n"


V1 = article(CHIEF, ALARM_RUMOUR, OPERATOR)


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "watch.db")) as opened:
        yield opened


def loopback_fetcher(timeout: float = 30.0) -> Fetcher:
    """A fetcher of the test server (whose answers take milliseconds: the timeout is for a busy machine)."""
    return Fetcher(allow_private=True, host_delay=0, timeout=timeout, max_bytes=64 * 1024)


@pytest.fixture
def fetcher():
    with loopback_fetcher() as opened:
        yield opened


def follow_url(store, url: str) -> None:
    store.add_watch(STORY, "url", url, at=_now())


def _now():
    from storyline.store.store import now

    return now()


def check(store, fetcher):
    """One forced cycle (every watch checked now); the single URL check it made."""
    cycle = run_cycle(store, STORY, fetcher, force=True)
    urls = [c for c in cycle.checks if c.kind == "url"]
    assert len(urls) == 1
    return urls[0], cycle


def kinds(changes: list[dict]) -> list[str]:
    return [c["kind"] for c in changes]


def test_first_fetch_then_304_then_etag_change_without_content_change(store, fetcher, http_server):
    http_server.route("/fire", V1, headers=PLAIN, conditional=True)
    follow_url(store, http_server.url("/fire"))
    first, cycle = check(store, fetcher)
    assert first.outcome == "new" and first.report_id
    assert "new_report" in kinds(cycle.changes) and "new_claim" in kinds(cycle.changes)

    again, cycle = check(store, fetcher)
    assert again.outcome == "not_modified" and cycle.changes == []
    assert http_server.requests_for("/fire")[-1].headers.get("if-none-match")

    http_server.route("/fire", V1, headers=PLAIN, conditional=True, etag='"another-etag"')
    same, cycle = check(store, fetcher)
    assert same.outcome == "unchanged" and cycle.changes == []
    assert len(store.reports(STORY)) == 1
    watch = store.watches(STORY)[0]
    assert watch.etag == '"another-etag"' and watch.failures == 0


def test_minor_edit_is_logged_not_surfaced(store, fetcher, http_server):
    http_server.route("/fire", V1, headers=PLAIN)
    follow_url(store, http_server.url("/fire"))
    check(store, fetcher)
    edited = "Updated 9:42 a.m., Wednesday\n\n" + V1.replace("Tuesday night,", "Tuesday night ,").replace("  ", " ")
    http_server.route("/fire", edited, headers=PLAIN)
    minor, cycle = check(store, fetcher)
    assert minor.outcome == "minor" and cycle.changes == []
    assert len(store.reports(STORY)) == 1
    assert store.checks(STORY)[0].outcome == "minor"


def test_update_confirms_a_claim_revises_a_figure_and_drops_a_paragraph(store, fetcher, http_server):
    http_server.route("/fire", V1, headers=PLAIN)
    follow_url(store, http_server.url("/fire"))
    check(store, fetcher)
    http_server.route("/fire", article(CHIEF, ALARM_CONFIRMED, toll=40), headers=PLAIN)
    update, cycle = check(store, fetcher)
    assert update.outcome == "revision"
    reports = store.reports(STORY)
    assert [r.version for r in reports] == [1, 2] and reports[1].previous_id == reports[0].id

    found = kinds(cycle.changes)
    assert found[0] == "new_revision"
    assert "figure_changed" in found and "claim_withdrawn" in found and "status_changed" in found
    figure = next(c for c in cycle.changes if c["kind"] == "figure_changed")
    assert "12" in figure["detail"] and "40" in figure["detail"]
    ledger = story_ledger(store, STORY)
    alarm = next(c for c in ledger["claims"] if "alarm" in c["text"])
    assert alarm["status"] == "confirmed"
    assert [h["to"] for h in alarm["history"]] == ["unverified", "confirmed"]
    withdrawn = next(c for c in ledger["claims"] if "funerals" in c["text"])
    assert withdrawn["withdrawn"]


def test_cookie_wall_and_server_error_are_failed_fetches_that_lose_nothing(store, fetcher, http_server):
    http_server.route("/fire", V1, headers=PLAIN)
    follow_url(store, http_server.url("/fire"))
    check(store, fetcher)
    wall = ("<html><head><title>Before you continue</title></head><body><div><p>We use cookies and similar "
            "technologies to improve your experience. Accept all cookies to continue to the site, or manage your "
            "privacy settings and consent preferences.</p><button>Accept all</button></div></body></html>")
    http_server.route("/fire", wall, headers={"Content-Type": "text/html; charset=utf-8"})
    walled, cycle = check(store, fetcher)
    assert walled.outcome == "failed" and cycle.changes == []
    http_server.route("/fire", "oops", status=500, headers=PLAIN)
    broken, _ = check(store, fetcher)
    assert broken.outcome == "failed" and "500" in broken.detail
    watch = store.watches(STORY)[0]
    assert watch.failures == 2
    assert [r.version for r in store.reports(STORY)] == [1]  # nothing stored is lost or replaced

    http_server.route("/fire", article(CHIEF, ALARM_RUMOUR, OPERATOR, toll=14), headers=PLAIN)
    recovered, cycle = check(store, fetcher)
    assert recovered.outcome == "revision" and "figure_changed" in kinds(cycle.changes)
    assert store.watches(STORY)[0].failures == 0


def test_flip_flop_between_two_versions_is_recognised(store, fetcher, http_server):
    v2 = article(CHIEF, ALARM_RUMOUR, OPERATOR, toll=15)
    http_server.route("/fire", V1, headers=PLAIN)
    follow_url(store, http_server.url("/fire"))
    check(store, fetcher)
    http_server.route("/fire", v2, headers=PLAIN)
    assert check(store, fetcher)[0].outcome == "revision"
    http_server.route("/fire", V1, headers=PLAIN)
    back, cycle = check(store, fetcher)
    assert back.outcome == "flip_flop" and "version 1" in back.detail and cycle.changes == []
    assert len(store.reports(STORY)) == 2


@pytest.mark.parametrize("setup, timeout, expect", [
    (lambda s: s.route("/robots.txt", "User-agent: *\nDisallow: /fire\n", headers=PLAIN), 30.0, "robots.txt"),
    (lambda s: s.route("/fire", "x" * 200_000, headers=PLAIN), 30.0, "limit"),
    # a page that answers after a minute (cut short when the server closes), a fetcher that waits 0.5 s
    (lambda s: s.route("/fire", V1, headers=PLAIN, delay=60.0), 0.5, "no answer within"),
])
def test_refused_oversized_and_slow_pages_store_nothing(store, http_server, setup, timeout, expect):
    http_server.route("/fire", V1, headers=PLAIN)
    setup(http_server)
    follow_url(store, http_server.url("/fire"))
    with loopback_fetcher(timeout) as fetcher:
        failed, cycle = check(store, fetcher)
    assert failed.outcome == "failed" and expect in failed.detail.lower()
    assert store.reports(STORY) == [] and cycle.changes == []
    assert store.checks(STORY)[0].outcome == "failed"


def test_redirect_to_a_private_address_is_refused_without_allow_private(store, http_server):
    http_server.redirect("/moved", http_server.url("/fire"))
    http_server.route("/fire", V1, headers=PLAIN)
    follow_url(store, http_server.url("/moved"))
    with Fetcher(host_delay=0, timeout=1.0) as guarded:
        refused, _ = check(store, guarded)
    assert refused.outcome == "failed" and "private" in refused.detail.lower()
    assert store.reports(STORY) == []
    assert http_server.requests_for("/fire") == []


def test_feed_entries_are_followed_and_an_updated_entry_is_rechecked(store, fetcher, http_server):
    def feed(updated: str) -> str:
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Osterland Desk</title>'
                f'<item><title>Terminal fire</title><link>{http_server.url("/fire")}</link>'
                f'<source url="{http_server.url("/feed")}">Osterland Courier</source>'
                f'<pubDate>{updated}</pubDate></item></channel></rss>')

    http_server.route("/feed", feed("Tue, 04 Mar 2031 22:00:00 GMT"), headers={"Content-Type": "application/rss+xml"})
    http_server.route("/fire", V1, headers=PLAIN)
    store.add_watch(STORY, "feed", http_server.url("/feed"), at=_now())
    cycle = run_cycle(store, STORY, fetcher, feed_interval=0)  # the feed is due again at once
    assert [(c.kind, c.outcome) for c in cycle.checks] == [("feed", "feed"), ("url", "new")]
    assert store.reports(STORY)[0].outlet == "Osterland Courier"

    http_server.route("/fire", article(CHIEF, ALARM_CONFIRMED, toll=40), headers=PLAIN)
    cycle = run_cycle(store, STORY, fetcher, feed_interval=0)  # the article is not due: nothing fetched
    assert [c.kind for c in cycle.checks] == ["feed"]
    http_server.route("/feed", feed("Wed, 05 Mar 2031 08:00:00 GMT"), headers={"Content-Type": "application/rss+xml"})
    cycle = run_cycle(store, STORY, fetcher, feed_interval=0)
    assert [(c.kind, c.outcome) for c in cycle.checks] == [("feed", "feed"), ("url", "revision")]
