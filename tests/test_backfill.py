"""``storyline backfill`` stores what ``add`` stores, skips what is done, finishes a killed run, and runs on Ray.

The reports are invented (a bridge closure in the fictional town of Korvath).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from storyline.adding import add_document
from storyline.backfill import backfill, in_process, on_ray, read_items
from storyline.backfill.worker import WARM_UP
from storyline.cli import app
from storyline.errors import StorylineError
from storyline.link.claims import VECTOR_MODEL
from storyline.store import open_store

pytestmark = pytest.mark.slow  # extraction loads the spaCy model

STORY = "Korvath bridge"
STORYLINE = str(Path(sys.executable).parent / "storyline")
FILES = {
    "herald.txt": "Korvath bridge closed after cracks found\n\nKORVATH — Engineers closed the Tamsin Bridge on "
                  "Monday after finding cracks in two of its piers, the city council said. Mayor Edda Rusk said the "
                  "bridge would stay shut for at least six weeks.\n",
    "courier.txt": "Traffic chaos as Tamsin Bridge shuts\n\nCommuters in Korvath faced delays of up to 90 minutes on "
                   "Tuesday. A council spokesman said the cracks were not dangerous, but residents claimed warnings "
                   "had been ignored since 2021. The council denied that.\n",
}
ARTICLES = [
    {"text": "Engineers said on Wednesday that the cracks in the Tamsin Bridge were caused by frost. The repair "
             "will cost 4 million euros, according to the council.", "url": "https://example.org/korvath/3",
     "outlet": "Korvath Daily", "published": "2025-02-12", "title": "Frost blamed for bridge cracks"},
    {"text": "A ferry will carry commuters across the river until the bridge reopens, the transport office said. "
             "Critics said the service was too small."},
]


@pytest.fixture
def archive(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return {"folder": folder, "jsonl": jsonl}


def stored(db: Path) -> list[dict]:
    """Every report of the story with its extraction and mention vectors, without the times of the run."""
    with open_store(str(db)) as store:
        reports = store.reports(STORY)
        vectors = store.mention_vectors([r.id for r in reports], VECTOR_MODEL)
    return [{"report": {k: v for k, v in vars(r).items() if k not in ("fetched_at", "extracted_at", "raw")},
             "vectors": sorted((idx, vector.tolist()) for (report, idx), vector in vectors.items() if report == r.id)}
            for r in sorted(reports, key=lambda r: r.location)]


def same(a: list[dict], b: list[dict]) -> None:
    assert [x["report"] for x in a] == [y["report"] for y in b]
    for x, y in zip(a, b):
        assert [i for i, _ in x["vectors"]] == [i for i, _ in y["vectors"]]
        for (_, u), (_, v) in zip(x["vectors"], y["vectors"]):
            assert np.allclose(u, v, atol=1e-5)


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The texts extraction runs on (the workers' warm-up left out)."""
    import storyline.extract.pipeline as pipeline

    texts: list[str] = []
    real = pipeline.extract

    def counting(text, *args, **kwargs):
        if text != WARM_UP:
            texts.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract", counting)
    return texts


def test_backfill_stores_what_add_stores(tmp_path, archive):
    items, problems = read_items([str(archive["folder"]), str(archive["jsonl"])], STORY)
    assert problems == [] and len(items) == 4
    with open_store(str(tmp_path / "backfill.db")) as store:
        summary = backfill(store, items, in_process, batch_size=3)
    assert (summary.extracted, summary.skipped, summary.failed, summary.stories) == (4, 0, [], [STORY])
    with open_store(str(tmp_path / "add.db")) as store:
        for item in items:
            add_document(store, item.story, item.doc)
    backfilled = stored(tmp_path / "backfill.db")
    same(backfilled, stored(tmp_path / "add.db"))
    assert all(r["report"]["extraction_status"] == "ok" for r in backfilled)
    assert sum(len(r["report"]["extraction"].mentions) for r in backfilled) > 0
    first = next(r["report"] for r in backfilled if r["report"]["url"] == ARTICLES[0]["url"])
    assert (first["location"], first["outlet"], first["published_at"], first["title"]) == (
        ARTICLES[0]["url"], "Korvath Daily", "2025-02-12", ARTICLES[0]["title"])
    second = next(r["report"] for r in backfilled if r["report"]["location"].endswith("articles.jsonl#2"))
    assert second["outlet"] == "unknown outlet (articles.jsonl:2)"


def test_resume_extracts_only_the_rest(tmp_path, archive, counted):
    """One report added and extracted before, one stored by a run killed before its extraction: the backfill
    extracts that one and the new ones, and skips the first."""
    items, _ = read_items([str(archive["folder"]), str(archive["jsonl"])], STORY)
    db = str(tmp_path / "resume.db")
    with open_store(db) as store:
        add_document(store, STORY, items[0].doc)
        store.add_document(STORY, items[1].doc)  # stored, left pending
        counted.clear()
        summary = backfill(store, items, in_process, batch_size=2)
        assert (summary.skipped, summary.extracted) == (1, 3)
        assert counted == [item.doc.text for item in items[1:]]
        assert len(store.reports(STORY)) == 4
        assert [r.extraction_status for r in store.reports(STORY)] == ["ok"] * 4
        counted.clear()
        again = backfill(store, items, in_process)
    assert (again.skipped, again.extracted, counted) == (4, 0, [])


def test_a_killed_backfill_finishes_when_run_again(tmp_path, archive):
    """Killed (SIGKILL) inside its first write of extractions: that batch is rolled back, the raw reports stay
    pending; run again, it extracts them all, and stores each once."""
    db = tmp_path / "killed.db"
    env = {**os.environ, "STORYLINE_DB": str(db), "STORYLINE_CRASH_AT": "saving-extraction"}
    command = [STORYLINE, "backfill", str(archive["folder"]), "--story", STORY, "--no-ray", "--batch-size", "1"]
    killed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert killed.returncode == -9
    with open_store(str(db)) as store:
        assert [r.extraction_status for r in store.reports(STORY)] == ["pending", "pending"]
    del env["STORYLINE_CRASH_AT"]
    finished = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert "2 extracted, 0 skipped" in finished.stderr
    with open_store(str(db)) as store:
        assert [r.extraction_status for r in store.reports(STORY)] == ["ok", "ok"]


def test_files_need_a_story_and_jsonl_lines_are_checked(tmp_path, archive):
    runner = CliRunner()
    db = tmp_path / "refused.db"
    refused = runner.invoke(app, ["backfill", str(archive["folder"]), "--db", str(db), "--no-ray"])
    assert refused.exit_code == 1 and "--story" in refused.output
    assert not db.exists()  # nothing stored, not even a store
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A short note.", "story": "Other"}\nnot json\n{"title": "no text"}\n[1]\n'
                   '{"text": "Dated wrongly.", "published": "last week", "story": "Other"}\n', encoding="utf-8")
    items, problems = read_items([str(bad)], None)
    assert [(item.story, item.source) for item in items] == [("Other", f"{bad}:1")]
    assert [p.source for p in problems] == [f"{bad}:{n}" for n in (2, 3, 4, 5)]
    assert "published" in problems[-1].reason
    items, problems = read_items([str(tmp_path / "archive" / "*.txt"), str(tmp_path / "none*.txt")], STORY)
    assert sorted(Path(i.source).name for i in items) == sorted(FILES)
    assert [p.reason for p in problems] == ["matches no files"]


def test_without_ray_installed_the_error_says_how_to_get_it(tmp_path, archive, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray fails
    with pytest.raises(StorylineError, match=r'pip install "storyline\[ray\]"'):
        on_ray()
    result = CliRunner().invoke(app, ["backfill", str(archive["jsonl"]), "--story", STORY,
                                      "--db", str(tmp_path / "x.db"), "--workers", "2"])
    assert result.exit_code == 1 and "storyline[ray]" in result.output


def test_ray_with_two_workers_stores_what_in_process_stores(tmp_path, archive):
    ray = pytest.importorskip("ray")
    items, _ = read_items([str(archive["folder"]), str(archive["jsonl"])], STORY)
    with open_store(str(tmp_path / "local.db")) as store:
        backfill(store, items, in_process)
    ray.init(num_cpus=2, include_dashboard=False)
    try:
        with open_store(str(tmp_path / "ray.db")) as store:
            summary = backfill(store, items, on_ray(workers=2), batch_size=2)
    finally:
        ray.shutdown()
    assert (summary.extracted, summary.failed) == (4, [])
    same(stored(tmp_path / "ray.db"), stored(tmp_path / "local.db"))
