"""`storyline add` of many files on several processes (issue 18): the store ends as a serial run leaves it —
the same reports in the same order, the same extractions — and the story chosen from kept profiles is the one a
rebuild from every stored text chooses. The reports are invented (a fictional coastal town and its troubles)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from storyline.adding import choose_story, rebuilt_choice, worker_count
from storyline.link.claims import VECTOR_MODEL
from storyline.link.profiles import Kept, cache_path, load, refresh
from storyline.model import Document
from storyline.store import open_store

STORYLINE = str(Path(sys.executable).parent / "storyline")

REPORTS = [
    ("2031-06-01", "The ferry Solvika ran aground off Tarrow Point on Sunday, the coast guard said. \"All 212 "
     "passengers were taken off safely,\" said harbour master Edda Kveld. Divers will inspect the hull."),
    ("2031-06-01", "Passengers of the Solvika described a loud bang before the ferry stopped near Tarrow Point. "
     "The operator, Brakke Lines, said the captain had followed the usual route, according to a statement."),
    ("2031-06-02", "Tarrow's council voted on Monday to close the old fish market for repairs. Councillor Ivo "
     "Renn said the roof was unsafe. Traders reportedly plan to protest outside the town hall."),
    ("2031-06-02", "Investigators from the maritime board boarded the Solvika on Monday. Edda Kveld said fuel "
     "had not leaked. Brakke Lines denied that the ferry was overloaded."),
    ("2031-06-03", "Fish traders in Tarrow protested the market closure, saying they would lose their stalls. "
     "Ivo Renn promised a temporary market on the quay within two weeks."),
]


def storyline(db: Path, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "STORYLINE_DB": str(db), "COLUMNS": "200"}
    env.pop("STORYLINE_CRASH_AT", None)
    if crash_at:
        env["STORYLINE_CRASH_AT"] = crash_at
    return subprocess.run([STORYLINE, *args], capture_output=True, text=True, env=env, timeout=600)


def stored(db: Path) -> list[dict]:
    """Every report of the store in stored order with its extraction and mention vectors; no times, no ids of
    stories (both differ between two runs by design)."""
    with open_store(str(db)) as store:
        out = []
        for story in store.stories():
            for report in store.reports(story.name):
                vectors = store.mention_vectors([report.id], VECTOR_MODEL)
                out.append({
                    "story": story.name, "id": report.id, "location": Path(report.location).name,
                    "version": report.version, "status": report.extraction_status,
                    "extraction": json.dumps(asdict(report.extraction), sort_keys=True, default=str),
                    "vectors": sorted((i, [round(float(x), 5) for x in v]) for (_, i), v in vectors.items()),
                })
        order = [r.id for s in store.stories() for r in store.reports(s.name)]
        # the kept ledger, as the batch left it in the store (``kept_items`` reads no report: no catch-up)
        ledger = {s.name: {kind: store.kept_items(s.id, kind) for kind in ("claim", "event", "entity", "change")}
                  for s in store.stories()}
    return out + [{"order": order}, {"ledger": _no_times(ledger)}]


def _no_times(ledger: dict) -> dict:
    """Changes carry the time a report was fetched, which differs between two runs."""
    return {story: {**kinds, "change": [{k: v for k, v in json.loads(c).items() if k != "at"}
                                        for c in kinds["change"]]} for story, kinds in ledger.items()}


def test_worker_count_keeps_small_batches_serial_and_caps_at_the_files():
    assert worker_count(4, 1) == worker_count(4, 2) == 1
    assert worker_count(4, 3) == 3 and worker_count(2, 40) == 2 and worker_count(1, 40) == 1
    assert worker_count(None, 40) >= 1


@pytest.mark.slow
def test_jobs_2_stores_what_a_serial_run_stores_in_the_same_order_even_when_killed_and_run_again(tmp_path):
    files = []
    for i, (_, text) in enumerate(REPORTS):
        path = tmp_path / f"report-{i}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    args = ("add", *files, "--story", "Tarrow", "--outlet", "Tarrow Herald", "--published", "2031-06-03")
    results = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.db"
        done = storyline(db, *args, "--jobs", jobs)
        assert done.returncode == 0, done.stderr
        # one line per file, in the order given
        lines = [line for line in done.stderr.splitlines() if "new report" in line]
        assert [line.split(":")[0] for line in lines] == files
        results[jobs] = stored(db)
    assert results["1"] == results["2"]
    assert all(r["status"] == "ok" for r in results["2"][:-2])
    assert results["2"][-1]["ledger"]["Tarrow"]["claim"]  # the batch's end took every report into the ledger

    # killed once the first extraction is saved (its vectors not yet), every raw report maybe stored: the
    # next run finishes them all, and the store is the serial run's
    db = tmp_path / "killed.db"
    killed = storyline(db, *args, "--jobs", "2", crash_at="extraction-saved")
    assert killed.returncode == -9, killed.stderr
    again = storyline(db, *args, "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert stored(db) == results["1"]


def document(i: int) -> Document:
    day, text = REPORTS[i]
    return Document(text=text, raw=text.encode(), content_type="text/plain", location=f"r{i}.txt",
                    outlet="Tarrow Herald", published=day)


def test_kept_profiles_choose_what_a_rebuild_from_every_text_chooses(tmp_path):
    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        for i in range(len(REPORTS)):
            doc = document(i)
            name, kept_choice = choose_story(store, doc)
            again = rebuilt_choice(store, doc)
            assert kept_choice.story == again.story
            assert kept_choice.confidence == again.confidence
            assert kept_choice.scores == pytest.approx(again.scores, abs=1e-9)
            store.add_document(name, doc)
        stories = {s.name: s.report_count for s in store.stories()}
        assert sorted(stories.values()) == [2, 3]  # the ferry and the fish market
        assert cache_path(store.url).exists()


def test_kept_profiles_follow_a_revision_and_a_store_made_again(tmp_path):
    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        for i in range(3):
            store.add_document("Tarrow", document(i))
        latest = store.latest_reports()
        kept, changed = refresh(Kept(), latest, store.texts_of)
        assert changed and kept.n == 3 and kept.profiles["Tarrow"].reports == 3
        assert refresh(kept, latest, store.texts_of)[1] is False  # nothing new: nothing read
        revised = document(2)
        revised.text += " The market will reopen with lanterns."
        store.add_document("Tarrow", revised)  # a new version of r2.txt replaces the old one
        kept, changed = refresh(kept, store.latest_reports(), store.texts_of)
        assert changed and kept.n == 3 and kept.df["lantern"] == 1
        doc = document(3)
        assert choose_story(store, doc)[1] == rebuilt_choice(store, doc)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with open_store(str(db)) as store:  # a new store at the same path, its cache file left behind
        store.add_document("Other", document(4))
        doc = document(0)
        assert choose_story(store, doc)[1] == rebuilt_choice(store, doc)
        assert load(cache_path(store.url)).n == 1


def test_kept_profiles_keep_each_leads_facts_across_a_rebuild_and_the_file(tmp_path, monkeypatch):
    """A revision rebuilds the profiles, but the leads' people, places and figures of the reports still held
    are not read again (a spaCy run each); the file keeps them too (issue 16)."""
    import storyline.link.profiles as profiles

    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        for i in range(3):
            store.add_document("Tarrow", document(i))
        kept, _ = refresh(Kept(), store.latest_reports(), store.texts_of)
        facts = kept.profiles["Tarrow"].facts
        read = []
        monkeypatch.setattr(profiles, "lead_facts", lambda text, title=None: read.append(text) or {})
        revised = document(2)
        revised.text += " The market will reopen with lanterns."
        store.add_document("Tarrow", revised)
        kept, changed = refresh(kept, store.latest_reports(), store.texts_of)
        assert changed and kept.rebuilt and read == [revised.text]
        path = tmp_path / "kept.profiles"
        profiles.snapshot(path, kept)
        again = load(path)
        assert again.facts == kept.facts and again.profiles["Tarrow"].facts == kept.profiles["Tarrow"].facts
    assert facts  # the first build read them
