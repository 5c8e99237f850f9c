"""The store on SQLite and (with STORYLINE_TEST_PG) PostgreSQL: migrations, revisions, extraction
round trips, failures and atomicity."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from storyline.errors import StoreError
from storyline.model import (
    Document, Entity, Event, Extraction, Figure, Mention, Source, TimeValue,
)
from storyline.store import open_store, schema
from storyline.store.db import alembic_config, head_revision, resolve_url, switch_to_wal

STORY = "Harbour bridge closure"
T0 = datetime(2031, 3, 4, 8, 0, tzinfo=timezone.utc)


def doc(text: str, location: str = "https://example.org/bridge", outlet: str = "Example Post") -> Document:
    return Document(
        text=text, raw=f"<p>{text}</p>".encode(), content_type="text/html", location=location,
        outlet=outlet, title="Bridge shut", author="Ana Lind", published="2031-03-04",
        published_from="metadata", url=location,
    )


def full_extraction() -> Extraction:
    """An extraction holding every record type with every optional field set."""
    morning = TimeValue("2031-03-04", "part-of-day", "this morning", 40, 52, part_of_day="morning")
    return Extraction(
        mentions=[
            Mention(
                start=10, end=38, text="the bridge was structurally unsafe",
                source=Source("Mara Quell", "person", span=(0, 10), role="city engineer", entity="mara quell"),
                cue="said", form="indirect", status="reported", hedges=[],
                sentence=(0, 60), cue_span=(11, 15), outlet_disputes=True,
            ),
            Mention(
                start=70, end=95, text="the closure was unnecessary",
                source=Source("Port Authority", "organization", span=(60, 74)),
                cue="disputes", form="indirect", status="disputed", hedges=["reportedly", "allegedly"],
                sentence=(60, 120), cue_span=(75, 83), contests=0, relation="disputes", also_contests=[2],
                flagged_by=(121, 170),
            ),
            Mention(
                start=130, end=150, text="repairs take months", source=Source("some reports", "unnamed"),
                cue=None, form="outlet", status="hypothetical",
            ),
        ],
        entities=[
            Entity("mara quell", "Mara Quell", "PERSON", aliases=["Quell"], roles=["city engineer"],
                   spans=[(0, 10), (200, 205)]),
            Entity("port authority", "Port Authority", "ORG"),
        ],
        figures=[
            Figure("between 2,500 and 4,000 vehicles", 2500.0, 4000.0, "vehicles", 160, 193, "between"),
            Figure("0.35 metres", 0.35, 0.35, "metres", 210, 221),
        ],
        events=[
            Event(morning, "bridge closed", 20, 35, actors=["mara quell", "port authority"], place="Lowhaven",
                  status="asserted", mention=0),
            Event(TimeValue(None, "unknown", "soon"), "repairs begin", 130, 150),
        ],
        times=[morning, TimeValue("2031-03-04T06:30:00+00:00", "minute", "6:30 a.m.", 53, 62)],
        developing=True,
        language="en",
    )


# --- schema -------------------------------------------------------------------------------------

def test_migrations_create_tables_at_head(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"stories", "reports", "mentions", "entities", "figures", "events", "times",
            "alembic_version"} <= tables
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head


def test_head_revision_read_from_file_names_is_alembics_head():
    # opening a store at head skips Alembic, trusting that migration files are named after their revision
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_schema_module_matches_migrations(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []


def test_reopening_keeps_data(store_url):
    with open_store(store_url) as first:
        first.add_document(STORY, doc("The bridge is shut."))
    with open_store(store_url) as second:
        assert second.counts()["reports"] == 1


# --- adding reports -------------------------------------------------------------------------------

def test_new_unchanged_and_revisions(store):
    first = store.add_document(STORY, doc("The bridge is shut."), fetched_at=T0)
    assert (first.outcome, first.version, first.story_id) == ("new", 1, "harbour-bridge-closure")
    before = store.counts()

    again = store.add_document(STORY, doc("The bridge is shut."), fetched_at=T0 + timedelta(hours=1))
    assert (again.outcome, again.report_id, again.version) == ("unchanged", first.report_id, 1)
    copy = store.add_document(STORY, doc("The bridge is shut.", location="https://other.example/b"))
    assert copy.outcome == "unchanged"
    assert store.counts() == before

    second = store.add_document(STORY, doc("The bridge is shut until May."), fetched_at=T0 + timedelta(hours=2))
    third = store.add_document(STORY, doc("The bridge reopens in May."), fetched_at=T0 + timedelta(hours=3))
    other = store.add_document(STORY, doc("Ferries added.", location="f.txt"), fetched_at=T0 + timedelta(hours=4))
    assert (second.outcome, second.version, third.outcome, third.version) == ("revision", 2, "revision", 3)
    assert (other.outcome, other.version) == ("new", 1)

    reports = store.reports(STORY)
    assert [r.id for r in reports] == [first.report_id, second.report_id, third.report_id, other.report_id]
    assert [r.previous_id for r in reports] == [None, first.report_id, second.report_id, None]
    assert all(r.extraction_status == "pending" and r.extraction is None for r in reports)


def test_report_fields_and_story(store):
    eastern = timezone(timedelta(hours=-5))
    added = store.add_document(STORY, doc("Crews inspect the bridge deck."), fetched_at=T0.astimezone(eastern),
                               story_title="The Lowhaven bridge")
    (report,) = store.reports(STORY)
    assert report.fetched_at == T0 and report.fetched_at.tzinfo == timezone.utc
    assert (report.outlet, report.title, report.author) == ("Example Post", "Bridge shut", "Ana Lind")
    assert (report.published_at, report.published_from) == ("2031-03-04", "metadata")
    assert (report.word_count, report.version, report.raw) == (5, 1, None)
    assert store.reports(STORY, with_raw=True)[0].raw == b"<p>Crews inspect the bridge deck.</p>"
    assert store.report(added.report_id).text == "Crews inspect the bridge deck."
    assert store.report("missing") is None

    story = store.story(STORY)
    assert (story.id, story.title, story.report_count) == (added.story_id, "The Lowhaven bridge", 1)
    assert store.story("No such story") is None
    store.add_document("Harbour bridge closure!", doc("Another story's text."))
    assert [(s.id, s.report_count) for s in store.stories()] == [
        ("harbour-bridge-closure", 1), ("harbour-bridge-closure-2", 1)
    ]


# --- extraction -----------------------------------------------------------------------------------

def test_extraction_round_trip(store):
    added = store.add_document(STORY, doc("The bridge is shut."))
    extraction = full_extraction()
    store.save_extraction(added.report_id, extraction)

    (report,) = store.reports(STORY)
    assert report.extraction == extraction
    assert (report.extraction_status, report.developing, report.language) == ("ok", True, "en")
    assert report.extracted_at is not None and report.extracted_at.tzinfo == timezone.utc
    loaded = report.extraction
    assert isinstance(loaded.mentions[0].sentence, tuple)
    assert isinstance(loaded.mentions[1].flagged_by, tuple)
    assert isinstance(loaded.mentions[0].source.span, tuple)
    assert all(isinstance(span, tuple) for span in loaded.entities[0].spans)
    assert store.counts() == {"stories": 1, "reports": 1, "mentions": 3, "entities": 2, "figures": 2,
                              "events": 2, "times": 2, "watches": 0, "checks": 0}


def test_a_mention_stored_before_also_contests_existed_contests_nothing_further(store):
    """Rows written before migration 0009 hold NULL there: read back as no further contested rows, and the outlet
    disputing none."""
    added = store.add_document(STORY, doc("The bridge is shut."))
    store.save_extraction(added.report_id, full_extraction())
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE mentions SET also_contests = NULL, outlet_disputes = NULL"))
    loaded = store.report(added.report_id).extraction
    assert [(m.also_contests, m.outlet_disputes) for m in loaded.mentions] == [([], False)] * 3
    assert loaded.mentions[1].contests == 0


def test_save_extraction_replaces_the_earlier_one(store):
    added = store.add_document(STORY, doc("The bridge is shut."))
    store.save_extraction(added.report_id, full_extraction())
    smaller = Extraction(figures=[Figure("12 lanes", 12.0, 12.0, "lanes", 0, 8)], language="en")
    store.save_extraction(added.report_id, smaller)
    assert store.report(added.report_id).extraction == smaller
    assert store.counts()["figures"] == 1 and store.counts()["mentions"] == 0


def test_failure_is_recorded_and_rerun(store):
    ok = store.add_document(STORY, doc("The bridge is shut."))
    bad = store.add_document(STORY, doc("Ferries added.", location="f.txt"))
    store.save_extraction(ok.report_id, full_extraction())
    store.mark_failed(bad.report_id, "parser crashed")

    (pending,) = store.pending_reports(STORY)
    assert (pending.id, pending.extraction_status, pending.extraction_error) == (
        bad.report_id, "failed", "parser crashed"
    )
    assert pending.text == "Ferries added."
    assert store.pending_reports(STORY, with_raw=True)[0].raw == b"<p>Ferries added.</p>"
    assert store.pending_reports("No such story") == []

    store.save_extraction(bad.report_id, Extraction())
    assert store.pending_reports() == []
    rerun = store.report(bad.report_id)
    assert (rerun.extraction_status, rerun.extraction_error, rerun.extraction) == ("ok", None, Extraction())


@pytest.mark.parametrize("broken", [
    lambda e: e.times.append(TimeValue("2031-03-05", "fortnight", "later")),  # fails on the last table
    lambda e: e.mentions.append(replace(e.mentions[0], status="rumoured")),
    lambda e: e.entities.append(Entity("x", None, "PERSON")),  # type: ignore[arg-type]
])
def test_failed_save_leaves_nothing_partial(store, broken):
    kept = store.add_document(STORY, doc("The bridge is shut."))
    fresh = store.add_document(STORY, doc("Ferries added.", location="f.txt"))
    store.save_extraction(kept.report_id, full_extraction())
    before = store.counts()
    extraction = full_extraction()
    broken(extraction)

    for report_id in (kept.report_id, fresh.report_id):
        with pytest.raises(StoreError, match=report_id):
            store.save_extraction(report_id, extraction)

    assert store.counts() == before
    assert store.report(kept.report_id).extraction == full_extraction()
    assert store.report(fresh.report_id).extraction_status == "pending"


def test_unknown_report_is_an_error(store):
    with pytest.raises(StoreError, match="nope"):
        store.save_extraction("nope", Extraction())
    with pytest.raises(StoreError, match="nope"):
        store.mark_failed("nope", "boom")


# --- connections ----------------------------------------------------------------------------------

def test_sqlite_uses_wal_and_foreign_keys(tmp_path):
    with open_store(str(tmp_path / "s.db")) as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


class LockedCursor:
    """A cursor whose ``PRAGMA journal_mode=WAL`` fails with ``error`` the first ``times`` times."""

    def __init__(self, times: int, error: str = "database is locked"):
        self.times, self.error, self.tries = times, error, 0

    def execute(self, sql):
        self.tries += 1
        if self.tries <= self.times:
            raise sqlite3.OperationalError(self.error)


def test_switching_a_new_file_to_wal_waits_for_another_process_switching_it():
    """SQLite answers "database is locked" at once, not after its busy timeout, to a process switching a new
    file to WAL while another one does (CI saw one of four processes opening a new store fail so)."""
    cursor = LockedCursor(times=3)
    switch_to_wal(cursor)
    assert cursor.tries == 4
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        switch_to_wal(LockedCursor(times=1, error="disk I/O error"))  # only a lock is waited for


def test_sqlite_concurrent_writers(tmp_path):
    path = str(tmp_path / "shared.db")
    open_store(path).close()
    errors: list[Exception] = []

    def ingest(worker: int) -> None:
        with open_store(path) as store:
            for i in range(15):
                try:
                    added = store.add_document(STORY, doc(f"Update {worker}-{i}.", location=f"w{worker}"))
                    store.save_extraction(added.report_id, full_extraction())
                except Exception as exc:  # noqa: BLE001 - collected for the assertion below
                    errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(path) as store:
        assert store.counts()["reports"] == 60
        assert sorted(r.version for r in store.reports(STORY) if r.location == "w0") == list(range(1, 16))


@pytest.mark.parametrize("url, shown", [
    ("{tmp}/missing/dir/s.db", "missing/dir/s.db"),
    ("nosuchdb://host/db", "nosuchdb://host/db"),
    ("postgresql://ed:s3cret@127.0.0.1:9/news", "postgresql+psycopg://ed:***@127.0.0.1:9/news"),
    ("not a url://", "not a url://"),
])
def test_unopenable_store_names_the_url(tmp_path, url, shown):
    with pytest.raises(StoreError) as caught:
        open_store(url.format(tmp=tmp_path))
    message = str(caught.value)
    assert "cannot open store" in message and shown in message and "s3cret" not in message
    assert "\n" not in message


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(StoreError, match="the folder .*missing' does not exist"):
        open_store(str(tmp_path / "missing" / "s.db"))
    assert not (tmp_path / "missing").exists()  # nothing created behind the user's back


def test_foreign_or_newer_database_is_refused(tmp_path):
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("plain text, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(str(not_sqlite))

    newer = str(tmp_path / "newer.db")
    with open_store(newer) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    with pytest.raises(StoreError, match="ffff"):
        open_store(newer)


def test_url_resolution(tmp_path, monkeypatch):
    assert resolve_url("postgresql://u:p@h/d").drivername == "postgresql+psycopg"
    assert resolve_url("postgresql+psycopg://u:p@h/d").drivername == "postgresql+psycopg"
    assert resolve_url("sqlite:///x.db").database == "x.db"
    assert resolve_url(str(tmp_path / "a.db")).database == str(tmp_path / "a.db")

    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "env.db"))
    assert resolve_url().database == str(tmp_path / "env.db")

    monkeypatch.delenv("STORYLINE_DB")
    monkeypatch.setattr("storyline.store.db.user_data_dir", lambda app: str(tmp_path / "data" / app))
    with open_store() as store:
        assert store.url.database == str(tmp_path / "data" / "storyline" / "storyline.db")
    assert (tmp_path / "data" / "storyline" / "storyline.db").exists()
