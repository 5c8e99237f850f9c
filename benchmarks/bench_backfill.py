"""Backfill throughput on Ray Data (1 and 2 workers) against serial ``add``, over the same real reports in the
same run.

    python benchmarks/bench_backfill.py [--corpus DIR] [--limit N] [--workers 1,2] [--batch-size K] [--serial-ledger]

DIR holds .txt reports: by default the PolNeAR train texts under $STORYLINE_DATA (read at run time, never
copied anywhere), the first N in name order. Serial is ``add_document`` over every report into a fresh SQLite
store with the models already loaded (what ``storyline add`` does per file, minus its start-up); by default
without ``add``'s update of the kept ledger after each report (``--serial-ledger`` keeps it), so that
extraction is compared with extraction. Each Ray run backfills the same reports into a fresh store: Ray is
started before the clock (a cluster is up already), while the workers' start and their model loading count
(every backfill pays them). The kept-ledger update a backfill makes once at the end is timed apart
(``ledger_s``). The driver's own write time (raw reports, then each batch of extraction records and vectors,
one transaction per batch) is timed too: reports divided by it is the rate no number of workers can pass on
this store. Prints one JSON line: reports/s of each, each Ray run's ratio to serial, and that write ceiling.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from storyline.adding import add_document
import storyline.backfill.run as run
from storyline.backfill import backfill, on_ray
from storyline.backfill.inputs import Item
from storyline.backfill.worker import WARM_UP, extract_one
from storyline.ingest import read_source
from storyline.store import open_store

STORY = "bench"
DEFAULT_CORPUS = Path(os.environ.get("STORYLINE_DATA", "/work/shared/data")) / "attribution/polnear/train/text"


def items_of(corpus: Path, limit: int) -> list[Item]:
    paths = sorted(corpus.glob("*.txt"))[:limit]
    return [Item(str(p), STORY, read_source(str(p), outlet="bench", published="2016-06-01")) for p in paths]


def serial(items: list[Item], directory: Path, with_ledger: bool) -> float:
    """Seconds to ``add_document`` every item into a fresh store; without ``with_ledger``, ``add``'s update of
    the kept ledger after each report is left out (a backfill updates it once, at the end, timed apart)."""
    import storyline.adding as adding

    keep = adding.keep_ledger
    if not with_ledger:
        adding.keep_ledger = lambda store, report_id: None
    try:
        with open_store(str(directory / "serial.db")) as store:
            started = time.perf_counter()
            for item in items:
                add_document(store, item.story, item.doc)
            return time.perf_counter() - started
    finally:
        adding.keep_ledger = keep


class Timed:
    """Wraps one of the driver's write steps, adding up its seconds."""

    def __init__(self, function):
        self.function, self.seconds = function, 0.0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def on_workers(items: list[Item], directory: Path, workers: int, batch_size: int) -> tuple[float, float, float]:
    """Seconds to backfill every item on ``workers`` Ray actors (ledger excluded), the ledger's seconds, and
    the driver's write seconds."""
    import ray

    writes = [Timed(run.store_reports), Timed(run.write_records)]
    run.store_reports, run.write_records = writes

    ray.init(num_cpus=max(workers, os.cpu_count() or 1), include_dashboard=False, logging_level="WARNING")
    try:
        with open_store(str(directory / f"ray{workers}.db")) as store:
            started = time.perf_counter()
            summary = backfill(store, items, on_ray(workers=workers), batch_size=batch_size)
            elapsed = time.perf_counter() - started - summary.ledger_seconds
            assert summary.extracted == len(items), summary
            return elapsed, summary.ledger_seconds, sum(w.seconds for w in writes)
    finally:
        run.store_reports, run.write_records = (w.function for w in writes)
        ray.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=120)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--serial-ledger", action="store_true",
                        help="serial add updates the kept ledger after each report, as `storyline add` does")
    args = parser.parse_args()
    items = items_of(args.corpus, args.limit)
    if not items:
        raise SystemExit(f"no .txt reports under {args.corpus}")
    extract_one(WARM_UP, None, "warm-up")  # serial's models, loaded before its clock
    result: dict = {"reports": len(items), "words": sum(len(i.doc.text.split()) for i in items),
                    "cpus": os.cpu_count(), "batch_size": args.batch_size, "serial_ledger": args.serial_ledger}
    with tempfile.TemporaryDirectory() as tmp:
        seconds = serial(items, Path(tmp), args.serial_ledger)
        result["serial_reports_per_s"] = round(len(items) / seconds, 2)
        print(f"serial: {result['serial_reports_per_s']} reports/s", file=sys.stderr, flush=True)
        for workers in (int(w) for w in args.workers.split(",")):
            elapsed, ledger, writing = on_workers(items, Path(tmp), workers, args.batch_size)
            rate = len(items) / elapsed
            result[f"ray{workers}_reports_per_s"] = round(rate, 2)
            result[f"ray{workers}_vs_serial"] = round(rate / result["serial_reports_per_s"], 2)
            result["ledger_s"] = round(ledger, 2)
            result[f"ray{workers}_driver_write_s"] = round(writing, 2)
            result["write_ceiling_reports_per_s"] = round(len(items) / writing, 1)
            print(json.dumps(result), file=sys.stderr, flush=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
