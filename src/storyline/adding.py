"""Adding a report to a story: store the raw report first, then extract and store what was found.

The raw report is committed before extraction runs, so a failed extraction loses nothing: the report stays
with status ``failed`` and its error, and ``rerun_extraction`` tries again later. The extraction records of
one report are written in one transaction, all or nothing. Then its mentions' sentence vectors are encoded and
stored, so that reading the ledger afterwards never loads the encoder.

A run killed at any point leaves the report stored with status ``pending`` (or ``ok`` without vectors): adding
the same text again finishes the work rather than calling it unchanged.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from multiprocessing import get_context

from .crash import crash_point
from .ingest.report_date import out_of_range
from .link.claims import cached_vectors
from .model import Document
from .store import ReportRecord, Store

SERIAL_UP_TO = 2  # files: a pool's start-up (each worker loads the spaCy model, ~2 s) is not won back below this


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


@dataclass
class ToExtract:
    """What extracting one stored report needs: plain values, so they travel to a worker process."""

    text: str
    published: str | None
    outlet: str


def store_document(store: Store, story: str, doc: Document) -> tuple[Added, ToExtract | ReportRecord]:
    """Store ``doc`` in ``story`` (committed before anything is extracted); with it, what is left to do: the
    extraction, or (the same text stored and extracted before) the stored report, whose vectors may be missing.
    A report stored before but left unextracted (a run killed, or its extractor failed) is extracted again."""
    result = store.add_document(story, doc)
    added = Added(doc.location, result.report_id, result.outcome, result.version)
    if result.outcome != "unchanged":
        return added, ToExtract(doc.text, doc.published, doc.outlet)
    stored = store.report(result.report_id)
    if stored.extraction_status != "ok":
        added.recovered = True
        return added, ToExtract(stored.text, stored.published_at, stored.outlet)
    return added, stored


def add_document(store: Store, story: str, doc: Document) -> Added:
    """Store ``doc`` in ``story`` and extract it. When the same text is already there it is not stored again,
    but finished if an earlier run left it unfinished: extracted when its extraction is pending or failed (that
    run was killed, or its extractor failed), its vectors stored when they are missing."""
    added, todo = store_document(store, story, doc)
    if isinstance(todo, ToExtract):
        added.error = extract_report(store, added.report_id, todo.text, todo.published, todo.outlet)
    else:
        cached_vectors(store, [todo])  # encodes only what a run killed after saving the extraction left out
    return added


def rerun_extraction(store: Store, story: str | None, everything: bool = False, jobs: int | None = 1) -> list[Added]:
    """Extract again the reports whose extraction is pending or failed (or all of the story's); ``jobs`` as
    for :func:`worker_count` (1: one after another in this process)."""
    reports = store.reports(story) if everything and story else store.pending_reports(story)
    done: list[Added] = []
    with Adding(store, worker_count(jobs, len(reports))) as adding:
        for report in reports:
            added = Added(report.location, report.id, "extracted", report.version)
            done += [a for _, a in adding.extract(added, ToExtract(report.text, report.published_at, report.outlet))]
        done += [a for _, a in adding.finish()]
    return done


def worker_count(jobs: int | None, files: int) -> int:
    """How many processes extract ``files`` files: ``jobs`` (None: the CPUs this process may use), at most one
    per file, and 1 (serial, in this process) for up to ``SERIAL_UP_TO`` files, which would not win back the
    pool's start-up."""
    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if files <= SERIAL_UP_TO:
        return 1
    return max(1, min(jobs, files))


def _start_worker() -> None:
    """Load the spaCy pipeline, the trained models and the sentence encoder once per worker process, before
    its first report; and leave when the process that started it is gone (killed: a pool's workers would
    otherwise wait for work for ever)."""
    import threading

    from .backfill.worker import WARM_UP, extract_one
    from .learn import embeddings

    embeddings.THREADS = 1  # one thread per worker: the workers already fill the CPUs (two each ran slower)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    extract_one(WARM_UP, None, "warm-up")


def _exit_with_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _extract_in_worker(todo: ToExtract) -> dict:
    """A worker's job: one report's extraction and its mentions' vectors (encoded there too: in this process
    they cost as much as the extraction), or the error message ``extract_report`` would record; as the
    backfill's workers make them (``backfill/worker.py``)."""
    from .backfill.worker import extract_one

    return extract_one(todo.text, todo.published, todo.outlet)


@dataclass
class _Waiting:
    tag: object
    added: Added
    future: Future | None  # None: nothing to extract, only vectors to check


class Adding:
    """Adds reports one after another, extracting them in ``jobs`` worker processes (``jobs`` 1: in this process,
    exactly as :func:`add_document`).

    This process alone writes the store. Each raw report is stored and committed at once, in arrival order (so
    reports are stored in the order a serial run stores them, and story assignment sees every earlier one); its
    extraction goes to the pool, and results are saved in the order the reports came, each in its own
    transaction as before, with the mention vectors the worker encoded (one batch per report: in this process
    they would cost as much as the extraction, and the workers keep it free to write). A run killed at any
    point leaves reports that the next run finishes, as on the serial path; the crash points fire in this
    process. :meth:`add` and :meth:`extract` return the reports finished so far (tag, Added), in order;
    :meth:`finish` the rest."""

    def __init__(self, store: Store, jobs: int = 1):
        self.store = store
        self.jobs = jobs
        self.pool = None
        if jobs > 1:
            self.pool = ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_start_worker)
        self.waiting: deque[_Waiting] = deque()
        self.unkept: dict[str, str] = {}  # story id → a report of it saved since its kept ledger was updated

    def __enter__(self) -> Adding:
        return self

    def __exit__(self, *_exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def add(self, story: str, doc: Document, tag: object = None) -> list[tuple[object, Added]]:
        """Store ``doc`` in ``story`` now, and extract it (see :func:`add_document`)."""
        if self.pool is None:
            return [(tag, add_document(self.store, story, doc))]
        added, todo = store_document(self.store, story, doc)
        if isinstance(todo, ToExtract):
            return self.extract(added, todo, tag)
        self.waiting.append(_Waiting(tag, added, None))
        return self._ready()

    def extract(self, added: Added, todo: ToExtract, tag: object = None) -> list[tuple[object, Added]]:
        """Extract the stored report ``added`` and save what was found."""
        if self.pool is None:
            added.error = extract_report(self.store, added.report_id, todo.text, todo.published, todo.outlet)
            return [(tag, added)]
        crash_point("before-extraction")
        self.waiting.append(_Waiting(tag, added, self.pool.submit(_extract_in_worker, todo)))
        return self._ready()

    def finish(self) -> list[tuple[object, Added]]:
        """Wait for every report still being extracted; save them, and their vectors; then take the reports
        saved into their stories' kept ledgers (once per story, not once per report: this process's updates
        would otherwise be the batch's bottleneck while the workers wait)."""
        done = [self._save(self.waiting.popleft()) for _ in range(len(self.waiting))]
        for report_id in self.unkept.values():
            keep_ledger(self.store, report_id)
        self.unkept.clear()
        return done

    def _ready(self) -> list[tuple[object, Added]]:
        """The reports at the head of the queue whose extraction is done; waits for the oldest while more than
        two per worker are queued, so the texts held in memory stay few."""
        done = []
        while self.waiting and (self.waiting[0].future is None or self.waiting[0].future.done()
                                or len(self.waiting) > 2 * self.jobs):
            done.append(self._save(self.waiting.popleft()))
        return done

    def _save(self, item: _Waiting) -> tuple[object, Added]:
        """Save one report's extraction and vectors, as ``extract_report`` does (the same crash points, in this
        process); its story's kept ledger takes it in at ``finish``."""
        from .backfill.worker import extraction_of, vectors_of
        from .link.claims import VECTOR_MODEL

        report_id = item.added.report_id
        if item.future is None:  # stored and extracted before: only vectors a killed run left out
            cached_vectors(self.store, [self.store.report(report_id)])
            return item.tag, item.added
        vectors = None
        try:
            record = item.future.result()
            error = record["error"] or None
            if error is None:
                extraction = extraction_of(record["extraction"])
                vectors = vectors_of(record["vectors"], len(extraction.mentions))
                self.store.save_extraction(report_id, extraction)
        except Exception as exc:  # a lost worker, or a record's failure: recorded, the raw report stays
            error = f"{type(exc).__name__}: {exc}"
        if error is not None:
            self.store.mark_failed(report_id, error)
            self._unkept(report_id)
            item.added.error = error
            return item.tag, item.added
        crash_point("extraction-saved")
        if vectors is not None:
            self.store.save_mention_vectors({(report_id, i): v for i, v in enumerate(vectors)}, VECTOR_MODEL)
        else:  # no embeddings packages in the worker: as the serial path does (a warning, words only)
            cached_vectors(self.store, [self.store.report(report_id)])
        self._unkept(report_id)
        return item.tag, item.added

    def _unkept(self, report_id: str) -> None:
        """A report saved but not yet in its story's kept ledger: ``finish`` takes it in (a run killed first
        leaves it to the story's next reader)."""
        self.unkept[self.store.report_story(report_id)] = report_id


def extract_stored(store: Store, report: ReportRecord) -> str | None:
    """Extract a stored report again; the error message when extraction fails."""
    return extract_report(store, report.id, report.text, report.published_at, report.outlet)


def choose_story(store: Store, doc: Document):
    """The story a report without ``--story`` belongs to: the best-matching story in the store, or a new one
    when none matches well enough, named after the report's headline or first sentence (``link/naming.py``)
    and unlike every story's name in the store. Returns (story name, Assignment).

    The stories' profiles and the document frequencies are kept between adds (``link/profiles.py``), checked
    against the store's reports each time: only the reports stored since are read and folded in."""
    from .link.naming import story_name, unique_name
    from .link.profiles import cache_path, refresh
    from .link.stories import choose_story as assign
    from .link.stories import terms

    path = cache_path(store.url)
    kept, changed = refresh(_load_kept(path), store.latest_reports(), store.texts_of)
    if changed:
        _save_kept(path, kept)
    profiles = kept.ordered()
    df = kept.df
    new_terms = terms(doc.text, doc.title).keys()
    df.update(new_terms)  # counted for this decision only: the report is folded in once it is stored
    try:
        assignment = assign(profiles, doc.text, doc.title, doc.published, df=df, n=kept.n + 1)
    finally:
        df.subtract(new_terms)
        for term in new_terms:
            if df[term] <= 0:
                del df[term]
    if assignment.story is not None:
        return assignment.story, assignment
    taken = {p.story for p in profiles} | {s.name for s in store.stories()}  # stories without reports too
    return unique_name(story_name(doc.text, doc.title, doc.outlet), taken), assignment


def rebuilt_choice(store: Store, doc: Document):
    """The assignment :func:`choose_story` made before its profiles were kept: every stored text read and
    scored again. Kept as the reference the kept profiles are tested and benchmarked against."""
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
    return assign(profiles, doc.text, doc.title, doc.published, df=df, n=len(seen) + 1)


_kept_memo: dict = {}  # cache path → (file's mtime, Kept): a run adding many files reads the file once


def _load_kept(path):
    from .link.profiles import load

    if path is None:
        return load(None)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    memo = _kept_memo.get(path)
    if memo is not None and stamp is not None and memo[0] == stamp:
        return memo[1]
    kept = load(path)
    _kept_memo[path] = (stamp, kept)
    return kept


def _save_kept(path, kept) -> None:
    from .link.profiles import save

    save(path, kept)
    try:
        _kept_memo[path] = (path.stat().st_mtime_ns, kept)
    except (OSError, AttributeError):
        _kept_memo.pop(path, None)
