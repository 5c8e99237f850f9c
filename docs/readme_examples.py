"""Run the README's console examples and check (or rewrite) the output they show.

    python docs/readme_examples.py           # run every ```console block, report where README differs
    python docs/readme_examples.py --write   # run them and write the real output into README.md

In a ```console block, a line starting with ``$ `` is a command (a trailing backslash continues it) and the
lines after it, up to the next command, are what it prints: stdout and stderr together, as a terminal
shows them. The blocks run in order, in one scratch folder holding a copy of ``examples/``, against one
store (``STORYLINE_DB``); a block preceded by ``<!-- fresh store -->`` starts a new folder and store.

Report ids, ports, temporary paths and times (the stored-at column) differ from run to run: they are masked when comparing, and an id
a command takes from an earlier block's output (``storyline diff 47462a71beda``) is replaced by the id
that output really holds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FRESH = "<!-- fresh store -->"
BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)
MASKS = [
    (re.compile(r"\b[0-9a-f]{12}\b"), "<id>"),
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:<port>"),
    (re.compile(r"/tmp/[\w.-]+/"), "/tmp/<dir>/"),
    (re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?"), "<time>"),
]
ID = MASKS[0][0]


@dataclass
class Command:
    line: str  # as written, without "$ "; continuation lines joined with their backslashes
    ran: str = ""  # as run: ids taken from earlier output replaced by the ones this run printed
    shown: list[str] = field(default_factory=list)  # the output the README shows
    printed: list[str] = field(default_factory=list)  # the output it printed here


@dataclass
class Block:
    start: int  # offsets of the block's body in the README
    end: int
    fresh: bool
    commands: list[Command]


def parse(readme: str) -> list[Block]:
    blocks = []
    for match in BLOCK.finditer(readme):
        fresh = readme[:match.start()].rstrip().endswith(FRESH)
        commands: list[Command] = []
        continued = False
        for line in match.group(1).splitlines():
            if continued:
                commands[-1].line += "\n" + line
            elif line.startswith("$ "):
                commands.append(Command(line[2:]))
            elif commands:
                commands[-1].shown.append(line)
            continued = line.endswith("\\") and bool(commands) and not commands[-1].shown
        blocks.append(Block(match.start(1), match.end(1), fresh, commands))
    return blocks


def mask(lines: list[str]) -> list[str]:
    masked = []
    for line in lines:
        for pattern, replacement in MASKS:
            line = pattern.sub(replacement, line)
        masked.append(line.rstrip())
    return masked


def scratch() -> tuple[Path, dict[str, str]]:
    folder = Path(tempfile.mkdtemp(prefix="storyline-readme-"))
    shutil.copytree(ROOT / "examples", folder / "examples")
    env = dict(os.environ, STORYLINE_DB=str(folder / "storyline.db"), PYTHONUNBUFFERED="1", NO_COLOR="1",
               TERM="dumb", COLUMNS="200", LC_ALL="C.UTF-8",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("STORYLINE_MODELS", None)
    return folder, env


def run(blocks: list[Block]) -> None:
    """Run every command, filling in what it printed."""
    folders = []
    folder, env = None, None
    ids: dict[str, str] = {}  # an id the README shows → the id this run printed in its place
    try:
        for block in blocks:
            if folder is None or block.fresh:
                folder, env = scratch()
                folders.append(folder)
            for command in block.commands:
                command.ran = ID.sub(lambda m: ids.get(m.group(0), m.group(0)), command.line)
                done = subprocess.run(["bash", "-c", command.ran], cwd=folder, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True, timeout=600)
                command.printed = done.stdout.rstrip("\n").splitlines()
                for shown, printed in zip(command.shown, command.printed):
                    for old, new in zip(ID.findall(shown), ID.findall(printed)):
                        ids[old] = new
    finally:
        for used in folders:
            shutil.rmtree(used, ignore_errors=True)


def differences(blocks: list[Block]) -> list[str]:
    """One unified diff per command whose output differs from what the README shows (masked)."""
    import difflib

    found = []
    for block in blocks:
        for command in block.commands:
            shown, printed = mask(command.shown), mask(command.printed)
            if shown != printed:
                diff = difflib.unified_diff(shown, printed, "README", "printed", lineterm="", n=1)
                found.append(f"$ {command.line}\n" + "\n".join(diff))
    return found


def rewrite(readme: str, blocks: list[Block]) -> str:
    for block in reversed(blocks):
        body = "".join(f"$ {c.ran}\n" + "".join(f"{line.rstrip()}\n" for line in c.printed)
                       for c in block.commands)
        readme = readme[:block.start] + body + readme[block.end:]
    return readme


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the real output into README.md")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    blocks = parse(readme)
    run(blocks)
    if args.write:
        README.write_text(rewrite(readme, blocks), encoding="utf-8")
        return 0
    found = differences(blocks)
    print("\n\n".join(found) if found else f"all {sum(len(b.commands) for b in blocks)} README commands print what it shows")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
