"""The backfill driver: skip what is done, store the raw reports, have workers extract the rest, write their
records in batches, then bring each story's ledger up to date.

The order follows ``storyline add``'s crash safety: every raw report is committed (status ``pending``) before
any extraction runs, in input order, so revisions of one location get their versions in the order given; then
each batch of extraction records (with its mention vectors) is written in one transaction. A run killed at
any point leaves only whole batches; running it again skips every text its story already holds extracted
(``Store.extracted_fingerprints``) before sending any work out, and extracts the rest (reports left
``pending`` or ``failed`` included: ``add_document`` calls them unchanged and returns their id).
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import StorylineError
from ..ingest.normalize import sha256_of
from ..store import Store
from .inputs import Item
from .worker import Extractor, extraction_of, vectors_of

Record = dict[str, Any]  # a worker's record: key, extraction, vectors, error (worker.py)
Runner = Callable[[list[Record], int], Iterator[list[Record]]]  # tasks, batch size → batches of records

NO_RAY = 'Ray is not installed: pip install "storyline[ray]" (or run without Ray: --no-ray)'


@dataclass
class Summary:
    total: int  # items given
    skipped: int  # already stored and extracted in their story (or given twice)
    extracted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, extraction error)
    stories: list[str] = field(default_factory=list)  # stories that got reports
    ledger_seconds: float = 0.0


def plan(store: Store, items: list[Item]) -> tuple[list[Item], int]:
    """The items still to do, and how many are skipped: a text whose story holds it extracted already
    (``add`` would call it unchanged), or that came earlier in this run for the same story."""
    done = store.extracted_fingerprints(item.story for item in items)
    todo, seen = [], set()
    for item in items:
        key = (item.story, sha256_of(item.doc.text))
        if key not in done and key not in seen:
            seen.add(key)
            todo.append(item)
    return todo, len(items) - len(todo)


def store_reports(store: Store, items: list[Item], batch_size: int) -> list[str]:
    """Store each item's raw report (one transaction per batch); the report ids, in order. A text stored
    before but not extracted gets its stored id back."""
    ids: list[str] = []
    for begin in range(0, len(items), batch_size):
        chunk = items[begin:begin + batch_size]
        with store.batch(f"store {len(chunk)} report(s)"):
            ids.extend(store.add_document(item.story, item.doc).report_id for item in chunk)
    return ids


def write_records(store: Store, records: list[Record], ids: list[str]) -> list[tuple[int, str]]:
    """Save one batch of worker records in one transaction: extractions, failures and mention vectors; the
    (key, error) of each failed extraction."""
    from ..link.claims import VECTOR_MODEL

    failed: list[tuple[int, str]] = []
    vectors: dict[tuple[str, int], Any] = {}
    with store.batch(f"save the extractions of {len(records)} report(s)"):
        for record in records:
            key = int(record["key"])
            report_id = ids[key]
            if record["error"]:
                store.mark_failed(report_id, record["error"])
                failed.append((key, record["error"]))
                continue
            extraction = extraction_of(record["extraction"])
            store.save_extraction(report_id, extraction)
            found = vectors_of(record["vectors"], len(extraction.mentions))
            if found is not None:
                vectors.update({(report_id, i): vector for i, vector in enumerate(found)})
        store.save_mention_vectors(vectors, VECTOR_MODEL)
    return failed


def tasks_of(items: list[Item]) -> list[Record]:
    """What a worker needs of each item (not its raw bytes: they stay with the driver)."""
    return [{"key": key, "text": item.doc.text, "published": item.doc.published or "", "outlet": item.doc.outlet}
            for key, item in enumerate(items)]


def backfill(
    store: Store, items: list[Item], runner: Runner, *, batch_size: int = 32,
    on_start: Callable[[int, int], None] = lambda total, skipped: None,
    on_done: Callable[[int], None] = lambda count: None,
) -> Summary:
    """Backfill ``items`` into ``store``: ``runner`` extracts (in this process, or on Ray); ``on_start``
    hears (total, skipped) once the plan is made, ``on_done`` each batch's size once it is written."""
    todo, skipped = plan(store, items)
    summary = Summary(total=len(items), skipped=skipped)
    on_start(len(items), skipped)
    if todo:
        ids = store_reports(store, todo, batch_size)
        for records in runner(tasks_of(todo), batch_size):
            failed = write_records(store, records, ids)
            summary.extracted += len(records) - len(failed)
            summary.failed.extend((todo[key].source, error) for key, error in failed)
            on_done(len(records))
    summary.stories = list(dict.fromkeys(item.story for item in todo))
    started = time.perf_counter()
    for story in summary.stories:
        update_ledger(store, story)
    summary.ledger_seconds = time.perf_counter() - started
    return summary


def update_ledger(store: Store, story: str) -> None:
    """LEDGER CALL SITE: bring the story's kept ledger up to date after its reports were extracted
    (``ledger.kept.update``: it folds in the reports it has not taken in yet, and encodes any mention vector
    still missing). Linking runs here, once per story, after every extraction and in this process: it needs
    the story's reports in order, so it is not spread over the workers."""
    from ..ledger import kept

    row = store.story(story)
    kept.update(store, row.id, row.title)


# --- runners ----------------------------------------------------------------------------------------


def in_process(tasks: list[Record], batch_size: int) -> Iterator[list[Record]]:
    """Extract in this process, one batch at a time (``--no-ray``: tiny runs and tests)."""
    extractor = Extractor()
    for begin in range(0, len(tasks), batch_size):
        chunk = tasks[begin:begin + batch_size]
        yield rows(extractor({column: [task[column] for task in chunk] for column in chunk[0]}))


def rows(columns: dict[str, Iterable]) -> list[Record]:
    """A batch of columns as a list of records."""
    names = list(columns)
    return [dict(zip(names, values)) for values in zip(*(columns[name] for name in names))]


def require_ray():
    """The ``ray`` module, or a ``StorylineError`` saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise StorylineError(NO_RAY) from None
    return ray


def on_ray(address: str | None = None, workers: int | None = None) -> Runner:
    """A runner on Ray Data: a pool of ``workers`` actors (default: one per CPU of the cluster), each an
    ``Extractor``. Without ``address`` Ray starts locally in this process (unless the caller started it);
    ``address`` ("auto", "ray://head:10001") joins a running cluster, whose nodes need storyline installed."""
    ray = require_ray()

    def run(tasks: list[Record], batch_size: int) -> Iterator[list[Record]]:
        started = not ray.is_initialized()
        if started:
            options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING}
            if address:
                options["address"] = address
            else:  # more workers than cores is the caller's choice; Ray would otherwise wait for free CPUs
                options["num_cpus"] = max(workers or 0, os.cpu_count() or 1)
            try:
                ray.init(**options)
            except (ConnectionError, RuntimeError, ValueError) as exc:  # no cluster there, or a version mismatch
                raise StorylineError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from exc
        try:
            pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
            context = ray.data.DataContext.get_current()
            context.enable_progress_bars = False  # the CLI shows its own, counting what is written
            context.print_on_execution_start = False
            logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled"
            logging.getLogger("ray.data").setLevel(logging.WARNING)
            # several small batches per worker keep them all busy to the end
            per_call = max(1, min(batch_size, math.ceil(len(tasks) / (pool * 4))))
            dataset = ray.data.from_items(tasks).map_batches(
                Extractor, compute=ray.data.ActorPoolStrategy(size=pool), batch_size=per_call, num_cpus=1)
            for columns in dataset.iter_batches(batch_size=batch_size, batch_format="numpy"):
                yield rows(columns)
        finally:
            if started:
                ray.shutdown()

    return run
