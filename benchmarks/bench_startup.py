"""Start-up cost of the command line: `storyline --help`, `storyline claims` on a one-report store and
`storyline add` of one short report, against a bare `python -c pass`, in the same run.

    python benchmarks/bench_startup.py [--repeat N] [--add-repeat N] [--json]

Each command runs in a fresh process, as a user runs it (the `storyline` script beside this interpreter).
Runs go round by round (pass, --help, claims in turn; add fewer times, as it loads spaCy and the encoder), so
a busy moment on a shared machine hits all of them alike; the median of each counts, and its ratio to the
median of `python -c pass` is what to compare across machines. `add` writes into a fresh store each time
(the store's creation included); `claims` reads the store one earlier `add` made. The report is invented.
Prints a table, or one JSON line with --json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORT = """Bridge closed after barge strike at Orrin Quay

HALDERWICK — A grain barge struck a pier of the Orrin Quay bridge on Monday night, and the city closed the
bridge to traffic, the Halderwick roads office said.

City engineer Tova Brannick said divers would inspect the pier on Wednesday. "The deck did not move," she said.

The barge's owner, Selwick Freight, said the vessel was carrying 900 tonnes of barley and that its crew of
four was unhurt.
"""


def storyline() -> list[str]:
    """The console script next to this interpreter, else ``python -m storyline``."""
    script = Path(sys.executable).with_name("storyline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "storyline"]


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def add_command(report: Path) -> list[str]:
    return [*storyline(), "add", str(report), "--story", "Orrin Quay bridge", "--outlet", "Halderwick Ledger",
            "--published", "2031-09-15"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of pass, --help and claims")
    parser.add_argument("--add-repeat", type=int, default=5, help="runs of add")
    parser.add_argument("--json", action="store_true", help="one JSON line instead of the table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report = folder / "orrin-quay.txt"
        report.write_text(REPORT, encoding="utf-8")
        env = {**os.environ, "STORYLINE_DB": str(folder / "read.db")}
        timed(add_command(report), env)  # the store `claims` reads; also warms the disk cache
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "storyline --help": [*storyline(), "--help"],
            "storyline claims": [*storyline(), "claims"],
        }
        times: dict[str, list[float]] = {name: [] for name in [*commands, "storyline add"]}
        for round_ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(timed(command, env))
            if round_ < args.add_repeat:
                fresh = {**env, "STORYLINE_DB": str(folder / f"add-{round_}.db")}
                times["storyline add"].append(timed(add_command(report), fresh))
    base = statistics.median(times["python -c pass"])
    rows = {name: {"runs": len(ts), "median_s": round(statistics.median(ts), 3), "min_s": round(min(ts), 3),
                   "ratio": round(statistics.median(ts) / base, 1)} for name, ts in times.items()}
    if args.json:
        print(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count(), "commands": rows}))
        return
    print(f"{'command':<18} {'runs':>4} {'median s':>9} {'min s':>7} {'× pass':>7}")
    for name, row in rows.items():
        print(f"{name:<18} {row['runs']:>4} {row['median_s']:>9.3f} {row['min_s']:>7.3f} {row['ratio']:>7.1f}")


if __name__ == "__main__":
    main()
