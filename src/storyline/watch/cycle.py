"""One watch cycle: check the story's due feeds and article URLs, store what changed, and say how the
ledger moved.

Feeds come first: a new entry becomes a watched URL, and an entry whose update time moved makes its URL
due at once. Then every due URL is fetched (conditionally, with the last ETag and Last-Modified) and
judged: a failed fetch, a consent wall or error page, an unchanged text, a minor edit or a flip back to an
earlier version is logged and nothing else; a new article or a real revision is stored and extracted.
Each check moves the URL's schedule (``schedule.next_check``); the store keeps it, so a later
``storyline watch`` resumes where this one stopped. A revision of the URL that an earlier check stored but
did not extract (it was killed, or the extractor failed) is extracted by the URL's next check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..adding import add_document, extract_stored
from ..errors import InputError
from ..ingest.feeds import parse_feed
from ..ingest.fetch import Fetcher, FetchError
from ..ingest.normalize import sha256_of
from ..ingest.sources import fetched_document
from ..ledger.from_store import story_ledger
from ..store import Store, WatchRow
from ..store.store import now
from .revisions import classify, failed_page
from .schedule import FEED_INTERVAL, next_check

MAX_BACKOFF = 24 * 3600.0  # seconds: a failing feed is still tried daily


@dataclass
class Check:
    """What one check of a feed or URL came to."""

    url: str
    kind: str  # "feed" or "url"
    outcome: str  # one of schema.CHECK_OUTCOMES
    detail: str = ""
    report_id: str | None = None
    extraction_error: str | None = None  # the report is stored; its extraction failed and waits for a re-run
    recovered: list[str] = field(default_factory=list)  # revisions stored before but not extracted: extracted now


@dataclass
class Cycle:
    """The checks of one cycle, and the ledger's change-log entries for the reports it stored."""

    checks: list[Check] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    ledger: dict | None = None  # the story's ledger after the cycle, when it stored something


def run_cycle(
    store: Store, story: str, fetcher: Fetcher, *, force: bool = False, feed_interval: float = FEED_INTERVAL,
    on_check: Callable[[Check], None] | None = None, clock: Callable[[], datetime] = now,
) -> Cycle:
    """Check what is due in ``story`` (everything with ``force``): feeds first, then article URLs. The story's
    ledger is kept in the store, updated as each report is added: the cycle reads it, never replays it."""
    cycle = Cycle()

    def done(check: Check) -> None:
        cycle.checks.append(check)
        if check.report_id and check.outcome in ("new", "revision"):
            cycle.reports.append(check.report_id)
        cycle.reports.extend(check.recovered)
        if on_check:
            on_check(check)

    for kind in ("feed", "url"):  # feeds may make URLs due, so URLs are listed after the feeds ran
        watches = store.watches(story) if force else store.due_watches(story, clock())
        for watch in watches:
            if watch.kind != kind:
                continue
            if kind == "feed":
                done(check_feed(store, story, watch, fetcher, clock(), feed_interval))
            else:
                done(check_url(store, story, watch, fetcher, clock()))
    if cycle.reports:
        stored = set(cycle.reports)
        cycle.ledger = story_ledger(store, story)
        cycle.changes = [c for c in cycle.ledger["changes"] if c["report"] in stored]
    return cycle


def _backoff(now: datetime, base: float, failures: int) -> datetime:
    return now + timedelta(seconds=min(base * 2 ** failures, max(MAX_BACKOFF, base)))


def check_feed(store: Store, story: str, watch: WatchRow, fetcher: Fetcher, now: datetime,
               interval: float = FEED_INTERVAL) -> Check:
    """Fetch a feed; follow its new entries and make its updated entries due."""
    try:
        fetched = fetcher.fetch(watch.url, etag=watch.etag, last_modified=watch.last_modified)
        if fetched.not_modified:
            store.record_check(watch, at=now, outcome="not_modified", http_status=fetched.status,
                               next_check=now + timedelta(seconds=interval))
            return Check(watch.url, "feed", "not_modified", "not modified")
        feed = parse_feed(fetched.content, watch.url, fetched.content_type)
    except (FetchError, InputError) as exc:
        store.record_check(watch, at=now, outcome="failed", detail=str(exc), failed=True,
                           http_status=getattr(exc, "status", None),
                           next_check=_backoff(now, interval, watch.failures + 1))
        return Check(watch.url, "feed", "failed", str(exc))
    states = [store.add_watch(story, "url", entry.url, at=now, origin=watch.url, outlet=entry.source,
                              feed_updated=entry.updated or entry.published)[1] for entry in feed.entries]
    new, updated = states.count("new"), states.count("updated")
    detail = f"{len(feed.entries)} entries, {new} new, {updated} updated"
    store.record_check(watch, at=now, outcome="feed", http_status=fetched.status, detail=detail,
                       etag=fetched.etag, last_modified=fetched.last_modified, changed=new > 0,
                       next_check=now + timedelta(seconds=interval))
    return Check(watch.url, "feed", "feed", detail)


def check_url(store: Store, story: str, watch: WatchRow, fetcher: Fetcher, now: datetime) -> Check:
    """Fetch one article URL and store it when it is new or really revised (under the watch's outlet, else the
    site's name, else the host)."""
    since = watch.last_changed or watch.added_at
    unfinished: dict[str, str | None] = {}  # report id → its extraction error, for revisions extracted late

    def record(outcome: str, detail: str = "", *, failed: bool = False, changed: bool = False, **values) -> Check:
        at_change = now if changed else since
        notes = [f"report {report_id} was stored before but not extracted: "
                 + (f"extraction failed again: {error}" if error else "extracted now")
                 for report_id, error in unfinished.items()]
        detail = "; ".join(filter(None, [detail, *notes]))
        store.record_check(watch, at=now, outcome=outcome, detail=detail or None, failed=failed, changed=changed,
                           next_check=next_check(now, at_change, watch.failures + 1 if failed else 0), **values)
        return Check(watch.url, "url", outcome, detail, values.get("report_id"),
                     extraction_error=next(filter(None, unfinished.values()), None),
                     recovered=[report_id for report_id, error in unfinished.items() if error is None])

    for revision in store.revisions(story, watch.url):  # the URL is the location of its revisions
        if revision.extraction_status != "ok":  # stored by a check that was killed, or whose extraction failed
            unfinished[revision.report_id] = extract_stored(store, store.report(revision.report_id))
    try:
        fetched = fetcher.fetch(watch.url, etag=watch.etag, last_modified=watch.last_modified)
    except FetchError as exc:
        return record("failed", str(exc), failed=True, http_status=exc.status)
    if fetched.not_modified:
        return record("not_modified", "not modified", http_status=fetched.status)
    try:
        doc = fetched_document(fetched, outlet=watch.outlet)
    except InputError as exc:
        return record("failed", str(exc), failed=True, http_status=fetched.status)
    if watch.feed_updated and doc.published_from in (None, "text"):
        # the page's metadata gives no date: the feed entry's time says when this version came out, which a
        # date found in the text (often the day of the events) does not
        doc.published, doc.published_from = watch.feed_updated, "feed"
    revisions = store.revisions(story, doc.location)
    reason = failed_page(doc.text, doc.title, revisions[-1].word_count if revisions else None)
    if reason:  # the validators are not kept: the next check fetches the page in full again
        return record("failed", reason, failed=True, http_status=fetched.status)
    validators = {"http_status": fetched.status, "etag": fetched.etag, "last_modified": fetched.last_modified}
    verdict = classify(doc.text, [(r.version, r.text) for r in revisions])
    if verdict.kind in ("unchanged", "minor", "flip_flop"):
        return record(verdict.kind, verdict.detail, sha256=sha256_of(doc.text), **validators)
    added = add_document(store, story, doc)
    if added.outcome == "unchanged":  # the same text is already in the story, under another URL
        return record("unchanged", f"same text as report {added.report_id}", **validators)
    detail = f"version {added.version}" + (f"; extraction failed: {added.error}" if added.error else "")
    check = record(added.outcome, detail, changed=True, report_id=added.report_id, sha256=sha256_of(doc.text),
                   **validators)
    check.extraction_error = added.error or check.extraction_error
    return check


def add_url(store: Store, story: str, url: str, fetcher: Fetcher, outlet: str | None = None) -> Check:
    """Fetch ``url`` into the story now, whatever its schedule, and follow it from then on (``storyline add
    URL``, the desk's POST): a URL whose first fetch failed is not followed, and a story made for it is
    removed again (it has nothing in it)."""
    new_story = store.story(story) is None
    watch, state = store.add_watch(story, "url", url, at=now(), outlet=outlet)
    check = check_url(store, story, watch, fetcher, now())
    if check.outcome == "failed" and state == "new":
        store.remove_watch(watch.id)
        if new_story:
            store.remove_story_if_empty(story)
    return check


def seconds_to_next(store: Store, story: str, now: datetime, interval: float) -> float:
    """How long to sleep before the next cycle: until the earliest due check, at most ``interval``."""
    upcoming = [(w.next_check - now).total_seconds() for w in store.watches(story)]
    return max(0.0, min([interval, *upcoming]))


def follow(
    store: Store, story: str, fetcher: Fetcher, *, once: bool = False, interval: float = FEED_INTERVAL,
    on_check: Callable[[Check], None] | None = None,
    on_cycle: Callable[[Cycle], None] | None = None, sleep: Callable[[float], None] | None = None,
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Run cycles until stopped (one with ``once``): feeds every ``interval`` seconds, URLs when due."""
    import time

    sleep = sleep or time.sleep
    while True:
        cycle = run_cycle(store, story, fetcher, feed_interval=interval, on_check=on_check)
        if on_cycle:
            on_cycle(cycle)
        if once or not keep_going():
            return
        sleep(max(0.5, seconds_to_next(store, story, now(), interval)))
