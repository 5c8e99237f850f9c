"""The desk (`storyline serve`) under load: requests/s and p50/p99 latency of a story page and of the JSON API,
read-only and while another process adds reports, with the server's memory before and after.

    python benchmarks/bench_desk.py [--stories 300] [--big 30] [--seconds 15] [--clients 8] [--json]
    python benchmarks/bench_desk.py --index-only --stories 332      # the list of 333 stories alone
    python benchmarks/bench_desk.py --reads-only --stories 332 --big 200   # the list, then the big story's reads

Local only: the server listens on 127.0.0.1 (a free port) over a store in a temporary folder, and is stopped at
the end. The store holds ``--stories`` small stories (2 to 4 reports each) and one big story of ``--big``
reports. Their reports are the bundled fictional example (src/storyline/examples/port-veyra), extracted once
with ``storyline demo``'s path, then copied into the renamed stories already extracted, with their mention
vectors: seeding 300 stories takes seconds, not an extraction per report. (``--source-db`` reuses a store
where the demo already ran.)

Each phase runs ``--clients`` concurrent readers for ``--seconds``; a reader asks for the big story half of
the time and a random small story otherwise, so the big story is both hot and rewritten. In the phases
"while writing", a second process adds one already-extracted report to the big story every ``--write-every``
seconds (and one to a random small story), as a watch process would, so each read may find a new version of
the ledger. The server's resident memory (VmRSS, from /proc) is read before the first phase, after each phase,
and its peak (VmHWM) at the end. Prints a table, or one JSON line with --json.

The list of stories (the index page ``/`` and the API's ``/api/stories``) shows every story's latest change,
so its cost grows with the number of stories, not with any one story. Before the load phases it is timed on
its own: for each of the two paths a fresh server (nothing cached) answers one request (first) and then
``--index-repeat`` more (later: their median). ``--index-only`` stops there. What is measured is the desk's
cost for many stories, not extraction: the stories are the example's reports copied already extracted.

Each story's kept ledger is brought up to date once seeded, as ``storyline add`` leaves it (the writer too
updates the ledger of each report it adds). Then the big story's reads are timed on a fresh server: the story
page, the API's ledger and the JSON export, first and later (median of ``--index-repeat``), with their sizes,
and the page and the API once more right after one more report is added to the story. ``--reads-only`` stops
after these.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE_STORY = "Port Veyra explosion"
BIG = "Desk bench big story"
BIG_ID = "desk-bench-big-story"  # its URL form


def storyline() -> list[str]:
    """The console script next to this interpreter, else ``python -m storyline``."""
    script = Path(sys.executable).with_name("storyline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "storyline"]


# --- seeding ---------------------------------------------------------------------------------------

def source_reports(source_db: str | None, workdir: Path):
    """The example story's reports with their extractions and mention vectors, from ``source_db`` or a store
    made here with the demo's own path (one extraction per example report)."""
    from storyline.link.claims import VECTOR_MODEL
    from storyline.store import open_store

    if source_db is None:
        from storyline.demo import add_example_story

        source_db = str(workdir / "source.db")
        with open_store(source_db) as store:
            add_example_story(store)
    with open_store(source_db) as store:
        reports = [r for r in store.reports(SOURCE_STORY, with_raw=True) if r.extraction is not None]
        vectors = store.mention_vectors([r.id for r in reports], VECTOR_MODEL)
    return reports, vectors


def copy_report(store, story: str, record, vectors: dict, copy: int, fetched_at=None) -> str:
    """Add one already-extracted report to ``story`` (its text marked as copy ``copy``, so each copy is a new
    article), with its extraction and mention vectors; returns the new report's id."""
    from storyline.link.claims import VECTOR_MODEL
    from storyline.model import Document

    text = record.text + f"\n\n(Desk bench copy {copy}.)" if copy else record.text
    doc = Document(text=text, raw=text.encode(), content_type="text/plain",
                   location=f"{record.location}#copy-{copy}", outlet=record.outlet, title=record.title,
                   published=record.published_at, url=record.url)
    added = store.add_document(story, doc, fetched_at=fetched_at)
    store.save_extraction(added.report_id, record.extraction)
    mine = {(added.report_id, idx): vector for (report, idx), vector in vectors.items() if report == record.id}
    store.save_mention_vectors(mine, VECTOR_MODEL)
    return added.report_id


def keep_ledger(store, story: str) -> None:
    """Bring the story's kept ledger up to date, as ``storyline add`` does after each report."""
    from storyline.ledger.kept import update_story

    update_story(store, store.story(story).id)


def seed(db: str, reports: list, vectors: dict, stories: int, big: int) -> None:
    from storyline.store import open_store

    rng = random.Random(17)
    with open_store(db) as store:
        for n in range(big):
            copy_report(store, BIG, reports[n % len(reports)], vectors, n)
        for i in range(stories):
            start = rng.randrange(len(reports))
            for k in range(2 + i % 3):
                copy_report(store, f"Desk bench story {i:03d}", reports[(start + k) % len(reports)], vectors, k)
        for story in store.stories():
            keep_ledger(store, story.name)


def writer(db: str, source_db: str, every: float, seconds: float) -> None:
    """The other process: add a report to the big story and one to a random small story every ``every`` s."""
    from storyline.store import open_store

    reports, vectors = source_reports(source_db, Path(tempfile.gettempdir()))
    rng = random.Random(os.getpid())
    with open_store(db) as store:
        names = [s.name for s in store.stories() if s.name != BIG]
        end = time.monotonic() + seconds
        n = 10_000
        while time.monotonic() < end:
            n += 1
            copy_report(store, BIG, rng.choice(reports), vectors, n)
            keep_ledger(store, BIG)
            small = rng.choice(names)
            copy_report(store, small, rng.choice(reports), vectors, n)
            keep_ledger(store, small)
            print("w", flush=True)
            time.sleep(every)


# --- the server and its load ---------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of the process, in MiB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


def wait_up(base: str, path: str, timeout: float = 120) -> None:
    import httpx

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if httpx.get(base + path, timeout=60).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the desk did not answer {path} within {timeout:.0f} s")


async def load(base: str, paths, clients: int, seconds: float) -> dict:
    """``clients`` concurrent readers for ``seconds``; each request's path from ``paths()``."""
    import httpx

    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {"big": [], "small": []}
    errors = 0
    end = time.monotonic() + seconds

    async def reader(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < end:
            path = paths()
            start = time.perf_counter()
            try:
                response = await client.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - start)
            by_kind["big" if path.endswith("/" + BIG_ID) else "small"].append(latencies[-1])
            errors += not ok

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        began = time.monotonic()
        await asyncio.gather(*(reader(client) for _ in range(clients)))
        took = time.monotonic() - began
    return {"requests": len(latencies), "errors": errors, "rps": round(len(latencies) / took, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1), "p99_ms": p99(latencies),
            "max_ms": round(max(latencies) * 1000, 1),
            "p99_big_ms": p99(by_kind["big"]), "p99_small_ms": p99(by_kind["small"])}


def p99(latencies: list[float]) -> float | None:
    ordered = sorted(latencies)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1) if ordered else None


def index_reads(db: str, cache_stories: int | None, repeat: int) -> dict:
    """First and later load times of the index page and of the API's list of stories, each path on a fresh
    server (its first request finds nothing cached), with the size of each answer."""
    import httpx

    found = {}
    for name, path in (("index page", "/"), ("api stories", "/api/stories")):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port, cache_stories)
        try:
            wait_up(base, "/api/openapi.json")  # up, without reading any story
            times, size = [], 0
            with httpx.Client(base_url=base, timeout=600) as client:
                for _ in range(1 + repeat):
                    start = time.perf_counter()
                    response = client.get(path)
                    times.append(time.perf_counter() - start)
                    response.raise_for_status()
                    size = len(response.content)
            found[name] = {"first_s": round(times[0], 3), "later_s": round(statistics.median(times[1:]), 3),
                           "bytes": size, "server_peak_rss_mib": round(memory(server.pid)["VmHWM"], 1)}
        finally:
            server.terminate()
            server.wait(timeout=30)
    return found


def story_reads(db: str, big_id: str, reports: list, vectors: dict, cache_stories: int | None, repeat: int) -> dict:
    """The big story's page, API ledger and JSON export on a fresh server: first and later load times and
    sizes; then one more report is added (and its ledger kept, as ``storyline add`` does) and the page and the
    API are each read once more."""
    import httpx

    from storyline.store import open_store

    paths = {"story page": f"/stories/{big_id}", "api ledger": f"/api/stories/{big_id}",
             "json export": f"/api/stories/{big_id}/export/json"}
    found: dict[str, dict] = {}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port, cache_stories)
    try:
        wait_up(base, "/api/openapi.json")
        with httpx.Client(base_url=base, timeout=600) as client:
            def timed(path: str) -> tuple[float, int]:
                start = time.perf_counter()
                response = client.get(path)
                response.raise_for_status()
                return time.perf_counter() - start, len(response.content)

            for name, path in paths.items():
                times, size = [], 0
                for _ in range(1 + repeat):
                    took, size = timed(path)
                    times.append(took)
                found[name] = {"first_s": round(times[0], 3), "later_s": round(statistics.median(times[1:]), 3),
                               "bytes": size}
            with open_store(db) as store:
                copy_report(store, BIG, reports[0], vectors, 99_999)
                keep_ledger(store, BIG)
            for name in ("story page", "api ledger"):
                took, size = timed(paths[name])
                found[name]["after_new_report_s"] = round(took, 3)
        found["server_peak_rss_mib"] = round(memory(server.pid)["VmHWM"], 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return found


def start_server(db: str, port: int, cache_stories: int | None) -> subprocess.Popen:
    command = [*storyline(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if cache_stories:
        command += ["--cache-stories", str(cache_stories)]
    return subprocess.Popen(command, env={**os.environ, "STORYLINE_DB": db}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300, help="small stories in the store")
    parser.add_argument("--big", type=int, default=30, help="reports of the big story")
    parser.add_argument("--seconds", type=float, default=15, help="length of each phase")
    parser.add_argument("--clients", type=int, default=8, help="concurrent readers")
    parser.add_argument("--write-every", type=float, default=0.5, help="seconds between the writer's reports")
    parser.add_argument("--cache-stories", type=int,
                        help="the server's --cache-stories, for desks that had one (before issue 18's kept ledger)")
    parser.add_argument("--source-db", help="a store where `storyline demo` already ran (default: make one)")
    parser.add_argument("--json", action="store_true", help="one JSON line instead of the table")
    parser.add_argument("--index-repeat", type=int, default=5, help="later loads of the list of stories")
    parser.add_argument("--index-only", action="store_true", help="time the list of stories only, no load phases")
    parser.add_argument("--reads-only", action="store_true",
                        help="time the list of stories and the big story's reads, no load phases")
    parser.add_argument("--writer", nargs=2, metavar=("DB", "SOURCE_DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer[0], args.writer[1], args.write_every, args.seconds)
        return

    workdir = Path(tempfile.mkdtemp(prefix="storyline-bench-desk-"))
    server = None
    try:
        started = time.perf_counter()
        reports, vectors = source_reports(args.source_db, workdir)
        source_db = args.source_db or str(workdir / "source.db")
        db = str(workdir / "desk.db")
        seed(db, reports, vectors, args.stories, args.big)
        seeded = time.perf_counter() - started
        from storyline.store import open_store

        with open_store(db) as store:
            ids = {s.name: s.id for s in store.stories()}
        big_id = ids.pop(BIG)
        assert big_id == BIG_ID
        small = list(ids.values())
        index = index_reads(db, args.cache_stories, args.index_repeat)
        if args.index_only:
            report_index(args, len(ids) + 1, seeded, index)
            return
        reads = story_reads(db, big_id, reports, vectors, args.cache_stories, args.index_repeat)
        if args.reads_only:
            report_index(args, len(ids) + 1, seeded, index, reads)
            return
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port, args.cache_stories)
        wait_up(base, f"/api/stories/{big_id}")
        wait_up(base, f"/stories/{big_id}")
        rng = random.Random(4)

        def pages() -> str:
            return f"/stories/{big_id if rng.random() < 0.5 else rng.choice(small)}"

        def api() -> str:
            return f"/api/stories/{big_id if rng.random() < 0.5 else rng.choice(small)}"

        load_before = os.getloadavg()[0]
        rss = {"before": memory(server.pid)["VmRSS"]}
        results = {}
        for writing in (False, True):
            for name, paths in (("page", pages), ("api", api)):
                other = None
                if writing:
                    other = subprocess.Popen(
                        [sys.executable, __file__, "--writer", db, source_db, "--seconds", str(args.seconds + 2),
                         "--write-every", str(args.write_every)], stdout=subprocess.PIPE, text=True)
                    other.stdout.readline()  # its first report is in: the writer is running
                phase = f"{name}{' while writing' if writing else ''}"
                results[phase] = asyncio.run(load(base, paths, args.clients, args.seconds))
                if other is not None:
                    results[phase]["reports_added"] = 2 * (1 + len(other.stdout.read().split()))
                    other.wait()
                rss[f"after {phase}"] = memory(server.pid)["VmRSS"]
        peak = memory(server.pid)["VmHWM"]
        load_after = os.getloadavg()[0]
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    summary = {"stories": args.stories + 1, "big_story_reports": args.big, "clients": args.clients,
               "cache_stories": args.cache_stories,
               "seconds": args.seconds, "seed_s": round(seeded, 1), "index": index, "big_story": reads,
               "phases": results,
               "rss_mib": {k: round(v, 1) for k, v in rss.items()}, "peak_rss_mib": round(peak, 1),
               "load_average": [round(load_before, 1), round(load_after, 1)], "cpus": os.cpu_count()}
    if args.json:
        print(json.dumps(summary))
        return
    print(f"{summary['stories']} stories (big story: {args.big} reports), {args.clients} readers, "
          f"{args.seconds:g} s a phase; seeded in {seeded:.1f} s")
    print(f"{'phase':<22}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'p99 big':>9}{'p99 small':>10}"
          f"{'errors':>8}{'added':>7}")
    for phase, r in results.items():
        print(f"{phase:<22}{r['rps']:>8}{r['p50_ms']:>9}{r['p99_ms']:>9}{r['max_ms']:>9}{r['p99_big_ms']:>9}"
              f"{r['p99_small_ms']:>10}{r['errors']:>8}{r.get('reports_added', ''):>7}")
    print_index(index)
    print_reads(reads)
    print("server RSS MiB: " + ", ".join(f"{k} {v:.0f}" for k, v in rss.items()) + f"; peak {peak:.0f}")
    print(f"load average {load_before:.1f} before, {load_after:.1f} after ({os.cpu_count()} CPUs)")


def report_index(args, stories: int, seeded: float, index: dict, reads: dict | None = None) -> None:
    summary = {"stories": stories, "big_story_reports": args.big, "cache_stories": args.cache_stories,
               "seed_s": round(seeded, 1), "index": index, "load_average": round(os.getloadavg()[0], 1),
               "cpus": os.cpu_count()}
    if reads is not None:
        summary["big_story"] = reads
    if args.json:
        print(json.dumps(summary))
        return
    print(f"{stories} stories (big story: {args.big} reports); seeded in {seeded:.1f} s")
    print_index(index)
    if reads is not None:
        print_reads(reads)


def print_reads(reads: dict) -> None:
    for name, r in reads.items():
        if isinstance(r, dict):
            after = f", after one new report {r['after_new_report_s']:.3f} s" if "after_new_report_s" in r else ""
            print(f"big story {name}: first {r['first_s']:.3f} s, later {r['later_s']:.3f} s (median), "
                  f"{r['bytes'] / 1024:.0f} KiB{after}")
    print(f"big story reads: server peak RSS {reads['server_peak_rss_mib']:.0f} MiB")


def print_index(index: dict) -> None:
    for name, r in index.items():
        print(f"{name}: first {r['first_s']:.3f} s, later {r['later_s']:.3f} s (median), {r['bytes'] / 1024:.0f} KiB, "
              f"server peak RSS {r['server_peak_rss_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
