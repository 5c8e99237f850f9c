"""The README's console examples print what the README shows (ids, ports, paths and times masked).

``python docs/readme_examples.py --write`` refreshes them after a change that alters the output."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "docs" / "readme_examples.py"
spec = importlib.util.spec_from_file_location("readme_examples", SCRIPT)
readme_examples = sys.modules["readme_examples"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readme_examples)


def test_parse_reads_commands_continuations_and_fresh_stores():
    text = ("```console\n$ echo one \\\n    two\none two\n$ true\n```\n\n<!-- fresh store -->\n"
            "```console\n$ echo 0123456789ab\n0123456789ab\n```\n")
    first, second = readme_examples.parse(text)
    assert [c.line for c in first.commands] == ["echo one \\\n    two", "true"]
    assert first.commands[0].shown == ["one two"] and first.commands[1].shown == []
    assert not first.fresh and second.fresh


def test_a_changed_output_is_reported_and_ids_carry_over():
    # the README shows id aaaaaaaaaaaa where this run prints 0123456789ab; a later command using the
    # README's id runs with the printed one
    text = ("```console\n$ echo report $(printf 0123456789ab)\nreport aaaaaaaaaaaa\n"
            "$ echo again aaaaaaaaaaaa\nagain aaaaaaaaaaaa\n$ echo 'it printed this'\nit printed that\n```\n")
    blocks = readme_examples.parse(text)
    readme_examples.run(blocks)
    assert blocks[0].commands[1].ran == "echo again 0123456789ab"
    found = readme_examples.differences(blocks)
    assert len(found) == 1 and "it printed this" in found[0]
    assert "+it printed this" in found[0] and "-it printed that" in found[0]
    rewritten = readme_examples.rewrite(text, blocks)
    assert "$ echo again 0123456789ab\nagain 0123456789ab\n" in rewritten and "it printed that" not in rewritten


@pytest.mark.slow
def test_readme_shows_what_its_commands_print():
    blocks = readme_examples.parse(readme_examples.README.read_text(encoding="utf-8"))
    assert sum(len(block.commands) for block in blocks) >= 15
    readme_examples.run(blocks)
    found = readme_examples.differences(blocks)
    assert not found, "README output is stale (python docs/readme_examples.py --write):\n\n" + "\n\n".join(found)
