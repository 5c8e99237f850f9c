"""`storyline add` of many real reports: serial against parallel extraction, one command per file against one
call, and what choosing a story costs as the store grows (issue 18).

    STORYLINE_DATA=/path/to/data python benchmarks/bench_add.py [--files 40] [--repeat 2] [--sizes 50,200,800]

Reads PolNeAR train texts under $STORYLINE_DATA/attribution/polnear/train/text (never copied anywhere; skipped
with a message when STORYLINE_DATA is not set). Prints one JSON line:

- ``jobs``: ``storyline add`` of ``--files`` files into a fresh store with ``--jobs 1`` and ``--jobs 2``
  (the installed script, a real process each: spaCy and the models load inside the timing, as for a user);
  fastest of ``--repeat`` alternating runs; ``ratio`` = serial / parallel.
- ``per_file``: ten files added by ten commands against one command for the ten (default ``--jobs``);
  ``ratio`` = ten commands / one call.
- ``assign``: milliseconds to choose the story of one more report (``add`` without ``--story``) in a store of N
  reports: ``rebuilt`` reads and scores every stored text (the way before issue 18), ``kept`` is the steady
  state with kept profiles (the previous report folded in, then the pick). The stores hold the real texts in
  the stories the online decision gives them, stored without extraction: choosing a story reads only texts,
  so extracting 800 reports (minutes on two cores) would change nothing measured here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STORYLINE = str(Path(sys.executable).parent / "storyline")


def corpus() -> list[Path] | None:
    data = os.environ.get("STORYLINE_DATA")
    if not data:
        return None
    folder = Path(data) / "attribution" / "polnear" / "train" / "text"
    return sorted(folder.glob("*.txt")) or None


def timed_add(db: Path, files: list[Path], *options: str) -> float:
    env = {**os.environ, "STORYLINE_DB": str(db)}
    env.pop("STORYLINE_CRASH_AT", None)
    start = time.perf_counter()
    done = subprocess.run([STORYLINE, "add", *map(str, files), "--story", "bench", "--outlet", "Bench",
                           "--published", "2016-01-15", *options], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"storyline add failed: {done.stderr[-2000:]}")
    return elapsed


def jobs_ratio(files: list[Path], repeat: int, tmp: Path) -> dict:
    best = {"1": float("inf"), "2": float("inf")}
    for round_ in range(repeat):
        for jobs in ("1", "2"):
            best[jobs] = min(best[jobs], timed_add(tmp / f"jobs{jobs}-{round_}.db", files, "--jobs", jobs))
    return {"files": len(files), "serial_s": round(best["1"], 2), "jobs2_s": round(best["2"], 2),
            "ratio": round(best["1"] / best["2"], 2)}


def per_file_ratio(files: list[Path], tmp: Path) -> dict:
    each = sum(timed_add(tmp / "each.db", [path]) for path in files)
    one = timed_add(tmp / "one.db", files)
    return {"files": len(files), "commands_s": round(each, 2), "one_call_s": round(one, 2),
            "ratio": round(each / one, 2)}


def build_store(db: Path, documents: list, stories: list[str]) -> None:
    from storyline.store import open_store

    with open_store(str(db)) as store:
        for doc, story in zip(documents, stories):
            store.add_document(story, doc)


def assign_costs(paths: list[Path], sizes: list[int], tmp: Path) -> dict:
    from storyline.adding import choose_story, rebuilt_choice
    from storyline.ingest import read_source
    from storyline.link.joining import Stream
    from storyline.link.stories import Report
    from storyline.store import open_store

    need = max(sizes) + 2
    documents = [read_source(str(p), outlet="Bench", published=f"2016-01-{1 + i % 28:02d}")
                 for i, p in enumerate(paths[:need])]
    stream = Stream()  # the stories `add` without --story gives them, one after another
    stories = [stream.add(Report(d.text, d.title, d.published)) for d in documents[:max(sizes)]]
    out = {}
    for n in sizes:
        db = tmp / f"assign-{n}.db"
        build_store(db, documents[:n], stories[:n])
        before, after = documents[n], documents[n + 1]
        with open_store(str(db)) as store:
            start = time.perf_counter()
            old = rebuilt_choice(store, before)
            rebuilt = time.perf_counter() - start
            start = time.perf_counter()
            name, new = choose_story(store, before)  # first use: builds and keeps the profiles
            first = time.perf_counter() - start
            assert (new.story, new.confidence) == (old.story, old.confidence)
            store.add_document(name, before)
            start = time.perf_counter()
            choose_story(store, after)  # steady state: folds in `before`, then picks
            kept = time.perf_counter() - start
        out[str(n)] = {"stories": len(set(stories[:n])), "rebuilt_ms": round(rebuilt * 1000, 1),
                       "kept_first_ms": round(first * 1000, 1), "kept_ms": round(kept * 1000, 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--sizes", default="50,200,800")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: jobs, per_file, assign")
    args = parser.parse_args()
    paths = corpus()
    if paths is None:
        print("bench_add: STORYLINE_DATA is not set (or holds no PolNeAR train texts): skipped", file=sys.stderr)
        return
    skip = set(filter(None, args.skip.split(",")))
    result: dict = {"cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if "jobs" not in skip:
            result["jobs"] = jobs_ratio(paths[:args.files], args.repeat, tmp_path)
        if "per_file" not in skip:
            result["per_file"] = per_file_ratio(paths[:10], tmp_path)
        if "assign" not in skip:
            result["assign"] = assign_costs(paths, [int(n) for n in args.sizes.split(",")], tmp_path)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
