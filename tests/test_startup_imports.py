"""Read-only commands never load the NLP stack: ``storyline --help`` and every command that only reads the
store import none of spaCy (with thinc), scikit-learn or onnxruntime (the sentence encoder), nor scipy (which
datasketch would bring in for the syndication check) or trafilatura (HTML extraction, needed by ``add`` only).

One small store is made once with ``storyline add`` (which does load them, and stores the mentions' vectors);
then each command runs in a fresh interpreter under ``-X importtime``, whose lines on stderr name every module
imported. The report is invented: its places, people and ferry line do not exist.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

FORBIDDEN = {"spacy", "thinc", "sklearn", "onnxruntime", "scipy", "datasketch", "trafilatura"}
REPORT = """Ferry line suspended after fire off Brannock Head

TULLAVERE — Fire broke out in the engine room of the ferry Saltwren off Brannock Head on Tuesday, and
nine passengers were treated for smoke inhalation, the Tullavere coastguard said.

Coastguard officer Maren Ostrick said the fire was put out within half an hour. "Nobody was seriously
hurt," Ostrick said.

The operator, Kelvary Lines, said the ship carried 184 passengers and that the route would stay closed
until Friday while inspectors examined the engines.
"""
COMMANDS = [
    ["--help"], ["claims"], ["entities"], ["figures"], ["timeline"], ["changes"], ["reports"], ["stories"],
    ["export", "--format", "json"], ["export", "--format", "markdown"], ["export", "--format", "html"],
    ["token", "list"],
]


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "storyline", *command], env=env,
                          capture_output=True, text=True, timeout=600)


def imported(stderr: str) -> set[str]:
    """Top-level packages named on the ``import time:`` lines (``spacy.tokens`` → ``spacy``)."""
    return {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in stderr.splitlines()
            if line.startswith("import time:")}


@pytest.fixture(scope="module")
def store_env(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("startup")
    report = folder / "saltwren.txt"
    report.write_text(REPORT, encoding="utf-8")
    env = {**os.environ, "STORYLINE_DB": str(folder / "storyline.db")}
    added = run(["add", str(report), "--story", "Saltwren fire", "--outlet", "Tullavere Courier",
                 "--published", "2031-05-13"], env)
    assert added.returncode == 0, added.stderr[-3000:]
    assert "spacy" in imported(added.stderr)  # adding parses: the check below would see spaCy if it came in
    return env


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_read_only_command_imports_no_nlp(store_env, command):
    done = run(command, store_env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip()
    assert imported(done.stderr) & FORBIDDEN == set()
