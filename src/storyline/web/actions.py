"""What editors change through the desk, for the API and the UI alike: reports added (the path of
``storyline add``) and verdicts on claims. Each change is logged in the audit table."""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from ..adding import add_document
from ..errors import InputError, StorylineError
from ..ingest.normalize import sha256_of
from ..ingest.sources import read_source
from ..store import Store
from ..store.desk import VerdictRow
from ..store.schema import RATINGS
from ..store.store import now

MAX_NOTE = 5000


class Refused(StorylineError):
    """A change the desk will not make, with the reason shown to the editor."""


@dataclass
class ReportAdded:
    report_id: str | None
    outcome: str  # new, revision, unchanged (or a watch check's outcome for a URL: minor, flip_flop, …)
    version: int | None
    error: str | None = None  # extraction error; the report itself is stored


def add_text(store: Store, story: str, text: str, *, outlet: str, editor: str, published: str | None = None,
             title: str | None = None, location: str | None = None) -> ReportAdded:
    """Add a report from its text (plain or HTML), as ``storyline add -`` does. ``location`` names the
    article across revisions (default: one location per distinct text)."""
    try:
        doc = read_source("-", outlet=outlet, published=published, stdin=io.BytesIO(text.encode("utf-8")))
    except InputError as exc:
        raise Refused(f"the report text {exc.reason}") from exc
    doc.location = location or f"text:{sha256_of(doc.text)[:16]}"
    doc.title = title or doc.title
    added = add_document(store, story, doc)
    result = ReportAdded(added.report_id, added.outcome, added.version, added.error)
    store.log_action(editor, "report.add", story, added.report_id, asdict(result), at=now())
    return result


def add_url(store: Store, story: str, url: str, *, editor: str, outlet: str | None = None,
            allow_private: bool = False) -> ReportAdded:
    """Fetch a URL into the story and follow it from then on, as ``storyline add URL`` does."""
    from ..ingest.fetch import Fetcher
    from ..watch.cycle import add_url as fetch_and_follow

    check_http_url(url, "url")
    with Fetcher(allow_private=allow_private) as fetcher:
        check = fetch_and_follow(store, story, url, fetcher, outlet)
    if check.outcome == "failed":
        raise Refused(check.detail or f"{url}: could not be fetched")
    stored = store.report(check.report_id) if check.report_id else None
    result = ReportAdded(check.report_id, check.outcome, stored.version if stored else None, check.extraction_error)
    store.log_action(editor, "report.add", story, check.report_id, {**asdict(result), "url": url}, at=now())
    return result


def check_http_url(value: str, field: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Refused(f"{field}: give an http(s) URL")


def record_verdict(store: Store, known: bool, story: str, claim_id: str, *, rating: str, note: str,
                   evidence_url: str | None, editor: str) -> VerdictRow:
    """Record an editor's verdict on a claim of the story's ledger (``known``: the claim is there); the
    evidence URL must be http(s)."""
    if not known:
        raise LookupError(f"no claim {claim_id!r} in this story")
    if rating not in RATINGS:
        raise Refused(f"rating {rating!r}: choose one of {', '.join(RATINGS)}")
    if len(note) > MAX_NOTE:
        raise Refused(f"the note is longer than {MAX_NOTE} characters")
    evidence_url = (evidence_url or "").strip() or None
    if evidence_url is not None:
        check_http_url(evidence_url, "evidence_url")
    return store.set_verdict(story, claim_id, rating=rating, note=note.strip(), evidence_url=evidence_url,
                             editor=editor, at=now())
