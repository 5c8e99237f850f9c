"""The timeline's merge cost as a story grows: the old pairwise scan against the kept ``TimelineIndex`` (issue 18).

    python benchmarks/bench_timeline.py [--sizes 200 400 800] [--seed 1] [--json]
    python benchmarks/bench_timeline.py --db PATH_OR_URL --story NAME [--sizes 50 100 150]

Why: the scan compared each event with every group of its day and every longer group, so a story's timeline
cost grew with its square. This counts, at each size, the event/group pairs each tests with the merge rule
(``comparisons``), the index entries the index looks at to pick its candidates (``probes``) and the wall time
of building the whole timeline once (the index: every ``add`` and one ``entries``), and checks both give the
same entries.

Without ``--db`` the story is synthetic (``synthetic_story`` of ``tests/test_timeline.py``: invented words,
six outlets, five days, happenings told by many outlets or few, times at every precision); with ``--db`` it is
the first N reports (in stored order) of a stored story, with their stored extractions. The reference scan is
``pairwise_timeline`` of the same test file, the algorithm as it was before the index.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

from storyline.ledger.timeline import TimelineIndex

TESTS = Path(__file__).resolve().parents[1] / "tests" / "test_timeline.py"


def _reference():
    spec = importlib.util.spec_from_file_location("timeline_reference", TESTS)
    module = sys.modules["timeline_reference"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(reports: list) -> dict:
    reference = _reference()
    counter = [0]
    began = time.perf_counter()
    expected = reference.pairwise_timeline(reports, {}, {}, {}, counter)
    scan_s = time.perf_counter() - began
    began = time.perf_counter()
    index = TimelineIndex()
    for report in reports:
        index.add(report)
    found = index.entries({}, {}, {})
    index_s = time.perf_counter() - began
    assert found == expected, "the index and the scan disagree"
    return {"reports": len(reports), "events": sum(len(r.extraction.events) for r in reports if r.extraction),
            "entries": len(found), "scan_comparisons": counter[0], "index_comparisons": index.comparisons,
            "index_probes": index.probes, "scan_s": round(scan_s, 3), "index_s": round(index_s, 3),
            "comparison_ratio": round(counter[0] / max(index.comparisons, 1), 1),
            "time_ratio": round(scan_s / max(index_s, 1e-9), 1)}


def stored_reports(db: str, story: str) -> list:
    from storyline.store import open_store

    with open_store(db) as store:
        return store.reports(story)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 400, 800])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db")
    parser.add_argument("--story")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    stored = stored_reports(args.db, args.story) if args.db else None
    rows = []
    for size in args.sizes:
        reports = stored[:size] if stored is not None else _reference().synthetic_story(size, args.seed)
        rows.append(measure(reports))
    if not args.json:
        columns = list(rows[0])
        print("  ".join(f"{c:>17}" for c in columns))
        for row in rows:
            print("  ".join(f"{row[c]:>17}" for c in columns))
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
