"""One story grown to hundreds of real reports: what an add costs beyond the report's own extraction, what
each read costs (first and later), and how big the page and the export get, at each size.

    STORYLINE_DATA=../shared/data python benchmarks/bench_scale.py [--sizes 50 200 800] [--db URL] [--json]

Why: every read (``claims``, ``export``, the desk) used to rebuild the story's ledger from all its reports,
so a read grows with the story. This script measures that through public entry points only
(``storyline.adding.add_document``, the ``storyline`` command, the desk's app), so the same code measures the
tree before and after a change to how the ledger is kept.

The reports are PolNeAR train texts (real news, read at run time from ``$STORYLINE_DATA``, never copied
here), added in file order to one story (``--story``) under a handful of fictional outlet names, published
over four days. At each size N:

- **add**: the story is grown (untimed) to N − ``--timed`` reports, then the last ``--timed`` reports are
  added one at a time through ``add_document`` and timed. Each of those texts is also run, just before its
  add and in the same process, through ``storyline.extract.pipeline.extract`` and the MiniLM encoder
  (``storyline.learn.embeddings.embed``) on its mentions' texts: that is the report's *own* cost (both warm
  by then), and *beyond* = the add's time − its own cost is what storing and updating the story costs.
  These are two runs of the same work, so a single report's "beyond" can be off by the machine's noise
  (tens of ms); the medians and sums over the timed reports are what to read.
- **reads**: ``storyline claims`` and ``storyline export --format json`` each in a fresh interpreter (as a
  user runs them; wall time, and the process's peak RSS, VmHWM, which it reports itself at exit), first right
  after the adds, then again;
  ``story_ledger`` called in this process; the desk (``storyline.web.app.create_app`` under FastAPI's
  TestClient, a fresh app each, so each first request is a cold cache) for the story page and the API's
  story JSON, first and later requests.
- **sizes**: bytes of the story page and of the JSON export.

Prints one JSON line (with ``--json``), else a table and then the JSON line; each size's figures also go to
stderr as soon as they are measured, so a long run stopped early keeps what it measured. The store is SQLite in a
temporary folder unless ``--db`` names another (a PostgreSQL URL: the story is then named uniquely and left
there).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

OUTLETS = ("Harlow Evening Star", "Brisk Valley Times", "Quillon Dispatch", "Northmarsh Courier",
           "Tamsin Bay Herald")
START = datetime(2031, 4, 2, 6, 0, tzinfo=timezone.utc)
SPREAD = timedelta(days=4)  # the reports' publication times spread over this, whatever the size


def corpus_dir() -> Path:
    data = os.environ.get("STORYLINE_DATA")
    folder = Path(data) / "attribution" / "polnear" / "train" / "text" if data else None
    if folder is None or not folder.is_dir():
        raise SystemExit("bench_scale needs the PolNeAR train texts: set STORYLINE_DATA to the gold data folder "
                         "(…/attribution/polnear/train/text must exist)" + (f"; not found: {folder}" if folder else ""))
    return folder


def implementation() -> str:
    """The tree measured (``PYTHONPATH`` may point at another checkout): where storyline was imported from,
    with its commit and whether it had uncommitted changes when it is a git checkout."""
    import storyline

    src = Path(storyline.__file__).resolve().parent
    try:
        head = subprocess.run(["git", "-C", str(src), "describe", "--always", "--dirty"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except OSError:
        head = ""
    return f"{src} {head}".strip()


# --- the reports ---------------------------------------------------------------------------------

def document(text: str, i: int, total: int):
    """Report ``i`` of ``total`` as ``storyline add`` would build it: a fictional outlet, a publication time
    spread over four days, its own article location."""
    from storyline.model import Document

    outlet = OUTLETS[i % len(OUTLETS)]
    published = (START + SPREAD * i / max(total - 1, 1)).replace(microsecond=0).isoformat()
    host = outlet.lower().replace(" ", "-")
    location = f"https://{host}.test/scale-bench/{i:04d}"
    return Document(text=text, raw=text.encode(), content_type="text/plain", location=location, outlet=outlet,
                    published=published, published_from="option", url=location, outlet_from="option")


def own_cost(doc) -> float:
    """Seconds for the report's own extraction and its mentions' vectors, run on their own."""
    from storyline.adding import report_date
    from storyline.extract.pipeline import extract
    from storyline.learn.embeddings import embed
    from storyline.link.claims import vector_text

    start = time.perf_counter()
    extraction = extract(doc.text, report_date(doc.published), doc.outlet)
    embed([vector_text(m.text) for m in extraction.mentions])
    return time.perf_counter() - start


# --- reads ---------------------------------------------------------------------------------------

# A child's ru_maxrss (wait4, RUSAGE_CHILDREN) is no use here: Linux carries the parent's peak over fork and
# exec, so every child would show this process's 700 MiB of models. The child reports its own VmHWM instead.
PEAK_RSS = """
import atexit, os, runpy, sys
def peak():
    with open("/proc/self/status") as status, open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(peak)
sys.argv[0] = "storyline"
runpy.run_module("storyline", run_name="__main__", alter_sys=True)
"""


def in_child(args: list[str], env: dict[str, str], workdir: Path, out: Path | None = None) -> tuple[float, float]:
    """Run ``storyline ARGS`` in a fresh interpreter; its wall time in seconds and its peak RSS in MiB."""
    peak_file = workdir / "peak"
    with open(out or os.devnull, "wb") as sink:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", PEAK_RSS, *args], env={**env, "BENCH_PEAK_FILE": str(peak_file)},
                              stdout=sink, stderr=subprocess.PIPE)
        took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"storyline {' '.join(args)} failed ({done.returncode}):\n"
                         f"{done.stderr.decode(errors='replace')[-2000:]}")
    return took, int(peak_file.read_text()) / 1024


def cli_reads(db: str, story: str, repeat: int, workdir: Path) -> dict:
    env = {**os.environ, "STORYLINE_DB": db}
    found: dict[str, dict] = {}
    export_file = workdir / "export.json"
    for name, args in (("claims", ["claims", "--story", story]),
                       ("export_json", ["export", "--story", story, "--format", "json"])):
        runs = [in_child(args, env, workdir, export_file if name == "export_json" else None)
                for _ in range(1 + repeat)]
        found[name] = {"first_s": round(runs[0][0], 3),
                       "later_s": round(statistics.median(t for t, _ in runs[1:]), 3) if repeat else None,
                       "peak_rss_mib": round(max(m for _, m in runs), 1)}
    found["export_json"]["bytes"] = export_file.stat().st_size
    return found


def library_reads(store, story: str, repeat: int) -> dict:
    from storyline.ledger.from_store import story_ledger

    times = []
    for _ in range(1 + repeat):
        start = time.perf_counter()
        story_ledger(store, story)
        times.append(time.perf_counter() - start)
    return {"first_s": round(times[0], 3), "later_s": round(statistics.median(times[1:]), 3) if repeat else None}


def desk_reads(db: str, story_id: str, repeat: int) -> dict:
    """The story page and the API's story JSON, each from a fresh app (a cold ledger cache), then again."""
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    found = {}
    for name, path in (("page", f"/stories/{story_id}"), ("api", f"/api/stories/{story_id}")):
        times, size = [], 0
        with TestClient(create_app(db)) as client:
            for _ in range(1 + repeat):
                start = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - start)
                if response.status_code != 200:
                    raise SystemExit(f"GET {path}: {response.status_code} {response.text[:500]}")
                size = len(response.content)
        found[name] = {"first_s": round(times[0], 3),
                       "later_s": round(statistics.median(times[1:]), 3) if repeat else None, "bytes": size}
    return found


# --- the run -------------------------------------------------------------------------------------

def run(db: str, story: str, sizes: list[int], timed: int, repeat: int, workdir: Path) -> list[dict]:
    from storyline.adding import add_document
    from storyline.store import open_store

    files = sorted(corpus_dir().glob("*.txt"))
    total = max(sizes)
    texts = list(dict.fromkeys(f.read_text(encoding="utf-8") for f in files))[:total]  # the corpus repeats a few
    if len(texts) < total:
        raise SystemExit(f"{len(texts)} distinct PolNeAR train texts, fewer than the largest size {total}")
    docs = [document(text, i, total) for i, text in enumerate(texts)]
    rows = []
    with open_store(db) as store:
        own_cost(docs[0])  # load spaCy, the trained models and the encoder outside every timing
        have = 0
        for size in sorted(sizes):
            grow_to = max(have, size - timed)
            start = time.perf_counter()
            for doc in docs[have:grow_to]:
                check(add_document(store, story, doc))
            grew = time.perf_counter() - start
            adds = []
            for doc in docs[grow_to:size]:
                own = own_cost(doc)
                start = time.perf_counter()
                check(add_document(store, story, doc))
                took = time.perf_counter() - start
                adds.append({"add_s": took, "own_s": own, "beyond_s": took - own})
            have = size
            row = store.story(story)
            assert row.report_count == size, (row.report_count, size)
            result = {"reports": size, "grow_s": round(grew, 1), "timed_adds": len(adds),
                      "add": summary(adds)}
            result["cli"] = cli_reads(db, story, repeat, workdir)
            result["library"] = library_reads(store, story, repeat)
            result["desk"] = desk_reads(db, row.id, repeat)
            rows.append(result)
            print(json.dumps(result), file=sys.stderr, flush=True)  # each size as it is done: a long run's part
    return rows


def check(added) -> None:
    if added.outcome not in ("new", "revision") or added.error:
        raise SystemExit(f"adding {added.location}: {added.outcome} {added.error or ''}")


def summary(adds: list[dict]) -> dict:
    if not adds:
        return {}
    return {key: {"median": round(statistics.median(a[key] for a in adds), 3),
                  "sum": round(sum(a[key] for a in adds), 3)} for key in ("add_s", "own_s", "beyond_s")}


def table(rows: list[dict]) -> None:
    print(f"{'reports':>7} {'add s':>7} {'own s':>7} {'beyond':>7} │ {'claims 1st':>10} {'later':>6} │ "
          f"{'export 1st':>10} {'later':>6} {'MiB':>5} {'KiB':>6} │ {'ledger 1st':>10} {'later':>6} │ "
          f"{'page 1st':>8} {'later':>6} {'KiB':>6} │ {'api 1st':>7} {'later':>6}")
    for r in rows:
        a, c, e, lib = r["add"], r["cli"]["claims"], r["cli"]["export_json"], r["library"]
        page, api = r["desk"]["page"], r["desk"]["api"]
        print(f"{r['reports']:>7} {a['add_s']['median']:>7.3f} {a['own_s']['median']:>7.3f} "
              f"{a['beyond_s']['median']:>7.3f} │ {c['first_s']:>10.3f} {c['later_s'] or 0:>6.3f} │ "
              f"{e['first_s']:>10.3f} {e['later_s'] or 0:>6.3f} {e['peak_rss_mib']:>5.0f} {e['bytes'] / 1024:>6.0f} │ "
              f"{lib['first_s']:>10.3f} {lib['later_s'] or 0:>6.3f} │ {page['first_s']:>8.3f} "
              f"{page['later_s'] or 0:>6.3f} {page['bytes'] / 1024:>6.0f} │ {api['first_s']:>7.3f} {api['later_s'] or 0:>6.3f}")
    print("add: medians over the timed adds; own = extract + MiniLM vectors of the same text run alone; "
          "beyond = add − own. Reads in seconds; claims/export in a fresh process.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800], help="story sizes to measure at")
    parser.add_argument("--db", help="store URL (default: SQLite in a temporary folder)")
    parser.add_argument("--story", help="story name (default: 'Scale bench', made unique for a --db)")
    parser.add_argument("--timed", type=int, default=5, help="reports whose add is timed at each size")
    parser.add_argument("--repeat", type=int, default=2, help="later reads after the first one")
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    corpus_dir()  # a clear message before anything else when the data is missing
    if min(args.sizes) < args.timed:
        parser.error(f"each size must be at least --timed ({args.timed})")
    workdir = Path(tempfile.mkdtemp(prefix="storyline-bench-scale-"))
    db = args.db or str(workdir / "scale.db")
    story = args.story or ("Scale bench" if args.db is None else f"Scale bench {datetime.now():%Y%m%d-%H%M%S}")
    started = time.perf_counter()
    try:
        rows = run(db, story, args.sizes, args.timed, args.repeat, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result = {"implementation": implementation(), "store": "sqlite" if args.db is None else args.db.split(":")[0],
              "story": story, "cpus": os.cpu_count(), "load_average": round(os.getloadavg()[0], 1),
              "seconds": round(time.perf_counter() - started), "sizes": rows}
    if not args.json:
        table(rows)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
