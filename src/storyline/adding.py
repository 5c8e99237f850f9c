"""Adding a report to a story: store the raw report first, then extract and store what was found.

The raw report is committed before extraction runs, so a failed extraction loses nothing: the report stays
with status ``failed`` and its error, and ``rerun_extraction`` tries again later. The extraction records of
one report are written in one transaction, all or nothing. Then its mentions' sentence vectors are encoded and
stored, so that reading the ledger afterwards never loads the encoder.

A run killed at any point leaves the report stored with status ``pending`` (or ``ok`` without vectors): adding
the same text again finishes the work rather than calling it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .crash import crash_point
from .ingest.report_date import out_of_range
from .link.claims import cached_vectors
from .model import Document
from .store import ReportRecord, Store


@dataclass
class Added:
    location: str
    report_id: str
    outcome: str  # "new", "revision" or "unchanged"
    version: int
    error: str | None = None  # extraction error; the report itself is stored
    recovered: bool = False  # "unchanged", but stored before without its extraction (a run killed or failed): extracted now


def report_date(published: str | None) -> date | None:
    """The calendar day of an ISO date or date-time, or None (also for a day out of range, stored before such
    dates were refused: "yesterday" from 0001-01-01 overflows)."""
    if not published or out_of_range(published):
        return None
    try:
        return datetime.fromisoformat(published).date()
    except ValueError:
        return None


def extract_report(store: Store, report_id: str, text: str, published: str | None, outlet: str) -> str | None:
    """Run extraction for a stored report and save it, then store its mention vectors (none without the
    embeddings packages: claims link by their words then); returns the error message when extraction fails."""
    from .extract.pipeline import extract

    crash_point("before-extraction")
    try:
        store.save_extraction(report_id, extract(text, report_date(published), outlet))
    except Exception as exc:  # an extractor's or a record's failure is recorded; the raw report stays
        error = f"{type(exc).__name__}: {exc}"
        store.mark_failed(report_id, error)
        keep_ledger(store, report_id)
        return error
    crash_point("extraction-saved")
    cached_vectors(store, [store.report(report_id)])  # read back: the mentions as the ledger will number them
    keep_ledger(store, report_id)
    return None


def keep_ledger(store: Store, report_id: str) -> None:
    """Take the report into its story's kept ledger (a run killed before this leaves it to the next reader)."""
    from .ledger.kept import update_story

    crash_point("before-ledger")
    update_story(store, store.report_story(report_id))


def add_document(store: Store, story: str, doc: Document) -> Added:
    """Store ``doc`` in ``story`` and extract it. When the same text is already there it is not stored again,
    but finished if an earlier run left it unfinished: extracted when its extraction is pending or failed (that
    run was killed, or its extractor failed), its vectors stored when they are missing."""
    result = store.add_document(story, doc)
    added = Added(doc.location, result.report_id, result.outcome, result.version)
    if result.outcome != "unchanged":
        added.error = extract_report(store, result.report_id, doc.text, doc.published, doc.outlet)
        return added
    stored = store.report(result.report_id)
    if stored.extraction_status != "ok":
        added.recovered = True
        added.error = extract_stored(store, stored)
    else:
        cached_vectors(store, [stored])  # encodes only what a run killed after saving the extraction left out
    return added


def rerun_extraction(store: Store, story: str | None, everything: bool = False) -> list[Added]:
    """Extract again the reports whose extraction is pending or failed (or all of the story's)."""
    reports = store.reports(story) if everything and story else store.pending_reports(story)
    return [Added(report.location, report.id, "extracted", report.version, extract_stored(store, report))
            for report in reports]


def extract_stored(store: Store, report: ReportRecord) -> str | None:
    """Extract a stored report again; the error message when extraction fails."""
    return extract_report(store, report.id, report.text, report.published_at, report.outlet)


def choose_story(store: Store, doc: Document):
    """The story a report without ``--story`` belongs to: the best-matching story in the store, or a new one
    when none matches well enough, named after the report's headline or first sentence (``link/naming.py``)
    and unlike every story's name in the store. Returns (story name, Assignment)."""
    from .link.naming import story_name, unique_name
    from .link.stories import Report, StoryProfile, document_frequencies, terms
    from .link.stories import choose_story as assign

    profiles, seen = [], []
    for story, texts in store.report_texts().items():
        profile = StoryProfile(story)
        for text, title, published in texts:
            report = Report(text, title, published)
            profile.add(report)
            seen.append(report.terms)
        profiles.append(profile)
    df = document_frequencies(seen)
    df.update(terms(doc.text, doc.title).keys())
    assignment = assign(profiles, doc.text, doc.title, doc.published, df=df, n=len(seen) + 1)
    if assignment.story is not None:
        return assignment.story, assignment
    taken = {p.story for p in profiles} | {s.name for s in store.stories()}  # stories without reports too
    return unique_name(story_name(doc.text, doc.title, doc.outlet), taken), assignment
