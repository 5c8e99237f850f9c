"""A ``storyline add`` or ``watch`` killed at any point, then run again, leaves the ledger an uninterrupted run
leaves: nothing it stored is forgotten, nothing is stored twice.

The processes are real and die by SIGKILL at the crash points of ``storyline/crash.py`` (``STORYLINE_CRASH_AT``),
on SQLite and (with ``STORYLINE_TEST_PG``) PostgreSQL. The reports are invented (the Velmora ferry pier).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from httpserver import http_server  # noqa: F401 - a fixture

pytestmark = pytest.mark.slow  # every run of `add` loads the spaCy model

STORYLINE = str(Path(sys.executable).parent / "storyline")
STORY = "velmora-pier"
GAZETTE = ("Harbour officials in Velmora said on Tuesday that the old ferry pier had partly collapsed after a storm. "
           '"Nobody was hurt," said port manager Ilse Travaro. The council allegedly ignored repeated warnings '
           "about the pier, according to residents. The mayor, Oren Latz, denied the claims.\n")
COURIER = ("The Velmora Courier reported that the pier collapse left 40 fishing boats stranded in the harbour. "
           "Port manager Ilse Travaro said repairs could take three weeks. A council spokesman disputed the "
           "residents' account of ignored warnings.\n")
# each point leaves the report stored: not extracted, its saved extraction rolled back, or saved without its
# mention vectors
POINTS = ["before-extraction", "saving-extraction", "extraction-saved"]
PAGE = ('<html><head><title>Pier collapse strands boats</title><meta property="article:published_time" '
        'content="2025-05-06T09:00:00+00:00"></head><body><article><p>{}</p></article></body></html>')


def storyline(db: Path | str, *args: str, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "STORYLINE_DB": str(db), "COLUMNS": "200"}
    env.pop("STORYLINE_CRASH_AT", None)
    if crash_at:
        env["STORYLINE_CRASH_AT"] = crash_at
    return subprocess.run([STORYLINE, *args], capture_output=True, text=True, env=env, timeout=600)


def add(db: Path | str, path: Path, outlet: str, crash_at: str | None = None) -> subprocess.CompletedProcess:
    return storyline(db, "add", str(path), "--story", STORY, "--outlet", outlet, "--published", "2025-05-06",
                     crash_at=crash_at)


def without_times(exported: dict) -> dict:
    """An export without what differs from run to run: when it was made, when its reports came."""
    exported = {key: value for key, value in exported.items() if key != "generated_at"}
    exported["reports"] = [{k: v for k, v in r.items() if k != "fetched_at"} for r in exported["reports"]]
    return exported


def ledger(db: Path | str) -> dict:
    """The story's JSON export (without times); the export must not warn of reports left unextracted."""
    done = storyline(db, "export", "--story", STORY, "--format", "json")
    assert done.returncode == 0 and "not extracted" not in done.stderr, done.stderr
    return without_times(json.loads(done.stdout))


def copy_store(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def stores(request, tmp_path):
    """Where to make stores: ``stores(name)`` gives a new one, ``stores(name, copy_of=store)`` a copy of one
    (SQLite files under ``tmp_path``, or PostgreSQL databases copied as templates, dropped after the test)."""
    if request.param == "sqlite":
        def sqlite(name: str, copy_of: Path | None = None) -> Path:
            db = tmp_path / f"{name}.db"
            if copy_of is not None:
                copy_store(copy_of, db)
            return db
        return sqlite
    databases = request.getfixturevalue("pg_databases")
    return lambda name, copy_of=None: databases(template=copy_of)


def test_add_killed_at_any_point_then_run_again_gives_the_uninterrupted_ledger(tmp_path, stores):
    gazette, courier = tmp_path / "gazette.txt", tmp_path / "courier.txt"
    gazette.write_text(GAZETTE, encoding="utf-8")
    courier.write_text(COURIER, encoding="utf-8")
    first = stores("first")  # the story with its first report
    assert add(first, gazette, "Gazette").returncode == 0
    whole = stores("whole", copy_of=first)
    assert add(whole, courier, "Courier").returncode == 0
    expected = ledger(whole)
    assert expected["claims"] and all(r["extraction"] == "ok" for r in expected["reports"])

    for point in POINTS:
        db = stores(point, copy_of=first)
        killed = add(db, courier, "Courier", crash_at=point)
        assert killed.returncode == -9, (point, killed.stderr)

        extracted = point == "extraction-saved"
        claims = storyline(db, "claims", "--story", STORY)
        assert claims.returncode == 0
        assert ("not extracted" in claims.stderr) is not extracted, (point, claims.stderr)

        again = add(db, courier, "Courier")
        assert again.returncode == 0, (point, again.stderr)
        if extracted:
            assert "unchanged report" in again.stderr, again.stderr
        else:
            assert "was stored before but not extracted: extracted now" in again.stderr, again.stderr
        assert ledger(db) == expected, point


def test_a_report_left_unextracted_is_warned_of_by_claims_export_and_the_desk(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app
    from storyline.model import Document
    from storyline.store import open_store

    db = str(tmp_path / "s.db")
    with open_store(db) as store:  # what a run killed after storing the report leaves
        stored = store.add_document(STORY, Document(text=COURIER, raw=COURIER.encode(), content_type="text/plain",
                                                    location="courier.txt", outlet="Courier"))
    for command in ("claims", "export"):
        done = CliRunner().invoke(app, ["--db", db, command, "--story", STORY])
        assert done.exit_code == 0
        assert f"1 of 1 reports not extracted ({stored.report_id} pending)" in done.stderr
        assert f"storyline extract --story {STORY}" in done.stderr

    pytest.importorskip("fastapi")
    pytest.importorskip("multipart")
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    with TestClient(create_app(db)) as client:
        page = client.get(f"/stories/{STORY}")
    assert page.status_code == 200 and f"1 of 1 reports not extracted yet ({stored.report_id} pending)" in page.text


def test_a_watch_cycle_killed_after_storing_a_report_is_finished_by_the_next_cycle(tmp_path, http_server,
                                                                                 monkeypatch):
    import storyline.adding
    from storyline.ingest.fetch import Fetcher
    from storyline.ledger.from_store import story_ledger
    from storyline.store import open_store
    from storyline.store.store import now
    from storyline.watch.cycle import run_cycle

    http_server.route("/pier", PAGE.format(COURIER), headers={"Content-Type": "text/html; charset=utf-8"})
    url = http_server.url("/pier")
    with Fetcher(allow_private=True, host_delay=0, timeout=30.0) as fetcher, \
            open_store(str(tmp_path / "whole.db")) as whole, open_store(str(tmp_path / "killed.db")) as store:
        whole.add_watch(STORY, "url", url, at=now())
        run_cycle(whole, STORY, fetcher)
        expected = without_times(story_ledger(whole, STORY))
        assert expected["claims"]

        def killed(*_args, **_kwargs):  # dies as SIGKILL would: nothing after this point runs
            raise KeyboardInterrupt

        store.add_watch(STORY, "url", url, at=now())
        monkeypatch.setattr(storyline.adding, "extract_report", killed)
        with pytest.raises(KeyboardInterrupt):
            run_cycle(store, STORY, fetcher)
        monkeypatch.undo()
        [report] = store.reports(STORY)
        assert report.extraction_status == "pending" and not store.checks(STORY)

        cycle = run_cycle(store, STORY, fetcher)  # the check was never recorded: the URL is still due
        [check] = cycle.checks
        assert check.outcome == "unchanged" and check.recovered == [report.id] and check.extraction_error is None
        assert f"report {report.id} was stored before but not extracted: extracted now" in check.detail
        assert {"new_report", "new_claim"} <= {change["kind"] for change in cycle.changes}
        assert without_times(story_ledger(store, STORY)) == expected
