"""`storyline add` without --story: the demo's rail strike report opens a story of its own."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline.adding import add_document
from storyline.cli import app
from storyline.demo import STORY_DIR
from storyline.ingest import read_source
from storyline.store import open_store

MANIFEST = json.loads((STORY_DIR / "manifest.json").read_text(encoding="utf-8"))
EXPLOSION = ("01-", "06-", "09-", "11-")


def test_add_without_story_does_not_put_the_strike_into_the_explosion(tmp_path):
    url = str(tmp_path / "stories.db")
    entries = {e["file"][:3]: e for e in MANIFEST["reports"]}
    with open_store(url) as store:
        for prefix in EXPLOSION:
            entry = entries[prefix]
            doc = read_source(str(STORY_DIR / entry["file"]), outlet=entry["outlet"], published=entry["published"])
            add_document(store, MANIFEST["story"], doc)
    strike = next(e for e in MANIFEST["reports"] if "story" in e)
    result = CliRunner().invoke(app, ["--db", url, "add", str(STORY_DIR / strike["file"]),
                                      "--outlet", strike["outlet"], "--published", strike["published"]])
    assert result.exit_code == 0, result.output
    with open_store(url) as store:
        stories = {s.name: s.report_count for s in store.stories()}
    assert stories[MANIFEST["story"]] == len(EXPLOSION)
    assert len(stories) == 2
