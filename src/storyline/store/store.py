"""The store: stories, reports with their raw content, and each report's extraction.

Every public method runs in its own transaction; callers see records, never sessions or rows. Stories and
reports are created with ``INSERT … ON CONFLICT DO NOTHING`` and read back, so processes adding to the same
story at once never fail on each other's rows (on PostgreSQL; SQLite's writers take turns anyway).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal

from sqlalchemy import Connection, Engine, Select, func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from ..crash import crash_point
from ..errors import InputError, StoreError
from ..ingest.normalize import sha256_of, word_count
from ..model import Document, Extraction
from . import schema
from .db import IMMEDIATE, connect, insert_new, masked, reason
from .desk import DeskTables
from .kept import KeptTables
from .records import ReportRecord, extraction_from_rows, extraction_rows, report_record
from .vectors import VectorTables
from .watching import WatchTables

Outcome = Literal["new", "revision", "unchanged"]


@dataclass
class AddResult:
    report_id: str
    story_id: str
    outcome: Outcome
    version: int


@dataclass
class StoryRow:
    id: str
    name: str
    title: str
    created_at: datetime
    report_count: int
    updated_at: datetime  # when its latest report was stored (created_at while it has none)


def slugify(name: str) -> str:
    """A short lowercase id for a story name."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48].strip("-") or "story"


def report_id(story_id: str, location: str, sha256: str) -> str:
    """A short id, stable for the same text at the same location of the same story."""
    return hashlib.sha256(f"{story_id}\0{location}\0{sha256}".encode()).hexdigest()[:12]


def now() -> datetime:
    return datetime.now(timezone.utc)


class Store(WatchTables, DeskTables, VectorTables, KeptTables):
    """Stories and their reports in SQLite or PostgreSQL. Open one with ``open_store``."""

    def __init__(self, engine: Engine, url: URL):
        self.engine = engine
        self.url = url
        self._batched: tuple[int, Connection] | None = None  # (thread, connection) inside ``batch()``

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self, what: str) -> Iterator[Connection]:
        """One write transaction; any database failure rolls it back and becomes a ``StoreError``. Inside
        ``batch()`` (in the same thread) the batch's transaction instead."""
        batched = self._batched
        if batched is not None and batched[0] == threading.get_ident():
            yield batched[1]
            return
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{IMMEDIATE: True})
                with conn.begin():
                    yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{masked(self.url)}: cannot {what}: {reason(exc)}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{masked(self.url)}: cannot read: {reason(exc)}") from exc

    # --- writing -------------------------------------------------------------------------------

    def add_document(
        self, story_name: str, doc: Document, *, fetched_at: datetime | None = None,
        story_title: str | None = None,
    ) -> AddResult:
        """Store one ingested report: a new report, a new revision of its location, or nothing when
        the same text is already in the story. ``story_title`` is used only when the story is new."""
        sha = sha256_of(doc.text)  # the fingerprint that decides whether the text is already stored
        with self._write(f"add {doc.location} to story {story_name!r}") as conn:
            story_id = self._ensure_story(conn, story_name, story_title)
            r = schema.reports.c
            while True:  # again only when another writer stored a report of the story meanwhile
                same = conn.execute(
                    select(r.id, r.version).where(r.story_id == story_id, r.sha256 == sha)
                ).first()
                if same is not None:
                    return AddResult(same.id, story_id, "unchanged", same.version)
                latest = conn.execute(
                    select(r.id, r.version).where(r.story_id == story_id, r.location == doc.location)
                    .order_by(r.version.desc()).limit(1)
                ).first()
                version = latest.version + 1 if latest else 1
                new_id = report_id(story_id, doc.location, sha)
                if insert_new(conn, schema.reports, dict(
                    id=new_id, story_id=story_id, location=doc.location, url=doc.url, outlet=doc.outlet,
                    title=doc.title, author=doc.author, published_at=doc.published,
                    published_from=doc.published_from, fetched_at=fetched_at or now(), version=version,
                    previous_id=latest.id if latest else None, sha256=sha, content_type=doc.content_type,
                    raw=doc.raw, text=doc.text, developing=False, language=None,
                    word_count=word_count(doc.text), extraction_status="pending",
                )):
                    break
                # another writer committed the same text (read again: unchanged) or this location's next
                # version (read again: the version after it)
        return AddResult(new_id, story_id, "revision" if latest else "new", version)

    def _ensure_story(self, conn: Connection, name: str, title: str | None) -> str:
        """The id of the story named ``name``, made now if there is none: its name's slug, numbered when
        another story has it. Another writer making the same story, or taking the id, is no error."""
        s = schema.stories.c
        found = conn.execute(select(s.id).where(s.name == name)).scalar()
        if found is not None:
            return found
        if not name.strip():  # the CLI refuses it at the door; the desk's API and library callers end here
            raise InputError("story name", "blank: give the story a name")
        base = slugify(name)
        taken = set(conn.execute(select(s.id).where(s.id.like(f"{base}%"))).scalars())
        story_id, n = base, 2
        while True:
            while story_id in taken:
                story_id, n = f"{base}-{n}", n + 1
            if insert_new(conn, schema.stories, dict(id=story_id, name=name, title=title or name, created_at=now())):
                return story_id
            found = conn.execute(select(s.id).where(s.name == name)).scalar()
            if found is not None:  # another writer made this story first
                return found
            taken.add(story_id)  # another writer's story of another name has this id

    def save_extraction(self, report_id: str, extraction: Extraction) -> None:
        """Replace the report's extraction records and mark it extracted, all or nothing."""
        rows = extraction_rows(report_id, extraction)
        with self._write(f"save the extraction of report {report_id}") as conn:
            self._set_status(
                conn, report_id, extraction_status="ok", extraction_error=None,
                developing=extraction.developing, language=extraction.language,
            )
            for table in schema.RECORD_TABLES:
                if rows[table.name]:
                    conn.execute(table.insert(), rows[table.name])
            crash_point("saving-extraction")

    def mark_failed(self, report_id: str, error: str) -> None:
        """Record that extraction of the report failed; its raw content stays for a re-run."""
        with self._write(f"mark report {report_id} failed") as conn:
            self._set_status(conn, report_id, extraction_status="failed", extraction_error=error)

    def _set_status(self, conn: Connection, report_id: str, **values) -> None:
        """Drop the report's extraction records and update its extraction fields."""
        r = schema.reports.c
        updated = conn.execute(
            schema.reports.update().where(r.id == report_id).values(extracted_at=now(), **values)
        )
        if updated.rowcount == 0:
            raise StoreError(f"{masked(self.url)}: no report {report_id!r}")
        for table in (*schema.RECORD_TABLES, schema.mention_vectors):  # vectors belong to the old mentions
            conn.execute(table.delete().where(table.c.report_id == report_id))

    # --- reading -------------------------------------------------------------------------------

    def story(self, story_name: str) -> StoryRow | None:
        """One story with its report count, or None."""
        with self._read() as conn:
            row = conn.execute(self._stories_query().where(schema.stories.c.name == story_name)).first()
        return StoryRow(**row._mapping) if row else None

    def stories(self) -> list[StoryRow]:
        """Every story, oldest first, with report counts."""
        s = schema.stories.c
        with self._read() as conn:
            rows = conn.execute(self._stories_query().order_by(s.created_at, s.name)).all()
        return [StoryRow(**row._mapping) for row in rows]

    @staticmethod
    def _stories_query() -> Select:
        s, r = schema.stories.c, schema.reports.c
        counts = (
            select(r.story_id, func.count().label("n"), func.max(r.fetched_at).label("latest"))
            .group_by(r.story_id).subquery()
        )
        return (
            select(s.id, s.name, s.title, s.created_at,
                   func.coalesce(counts.c.n, 0).label("report_count"),
                   func.coalesce(counts.c.latest, s.created_at).label("updated_at"))
            .outerjoin(counts, counts.c.story_id == s.id)
        )

    def reports(
        self, story_name: str, *, with_raw: bool = False, changed_since: datetime | None = None,
    ) -> list[ReportRecord]:
        """Every report of the story in (fetched_at, version) order, each with its extraction; with
        ``changed_since``, only those stored or extracted at or after that time."""
        s, r = schema.stories.c, schema.reports.c
        story_ids = select(s.id).where(s.name == story_name)
        where = r.story_id.in_(story_ids)
        if changed_since is not None:
            where = where & ((r.fetched_at >= changed_since) | (r.extracted_at >= changed_since))
        return self._reports(where, with_raw=with_raw, with_extraction=True)

    def report(self, report_id: str, *, with_raw: bool = False) -> ReportRecord | None:
        """One report with its extraction, or None."""
        found = self._reports(schema.reports.c.id == report_id, with_raw=with_raw, with_extraction=True)
        return found[0] if found else None

    def report_texts(self) -> dict[str, list[tuple[str, str | None, str | None]]]:
        """Story name → (text, title, published) of the latest version of each of its articles: what story
        assignment compares a new report with."""
        s, r = schema.stories.c, schema.reports.c
        with self._read() as conn:
            rows = conn.execute(
                select(s.name, r.location, r.version, r.text, r.title, r.published_at)
                .join(schema.reports, r.story_id == s.id).order_by(s.name, r.location, r.version)
            ).all()
        latest: dict[tuple[str, str], tuple[str, str | None, str | None]] = {}
        for row in rows:  # versions ascend: the last one seen per article is its latest
            latest[(row.name, row.location)] = (row.text, row.title, row.published_at)
        texts: dict[str, list] = {}
        for (story, _), values in latest.items():
            texts.setdefault(story, []).append(values)
        return texts

    def pending_reports(
        self, story_name: str | None = None, *, with_raw: bool = False
    ) -> list[ReportRecord]:
        """Reports whose extraction is pending or failed (of one story, or all), for a re-run."""
        s, r = schema.stories.c, schema.reports.c
        where = r.extraction_status.in_(("pending", "failed"))
        if story_name is not None:
            where = where & r.story_id.in_(select(s.id).where(s.name == story_name))
        return self._reports(where, with_raw=with_raw, with_extraction=False)

    def _reports(self, where, *, with_raw: bool, with_extraction: bool) -> list[ReportRecord]:
        r = schema.reports.c
        columns = [c for c in schema.reports.c if with_raw or c.name != "raw"]
        with self._read() as conn:
            rows = conn.execute(
                select(*columns).where(where).order_by(r.fetched_at, r.version, r.id)
            ).all()
            records = self._records_of(conn, where) if with_extraction else {}
        result = []
        for row in rows:
            m = row._mapping
            extraction = None
            if m["extraction_status"] == "ok":
                extraction = extraction_from_rows(
                    records.get(m["id"], {}), developing=m["developing"], language=m["language"]
                )
            result.append(report_record(m, extraction))
        return result

    @staticmethod
    def _records_of(conn: Connection, where) -> dict[str, dict[str, list]]:
        """Extraction rows of the matching reports: report id → table name → rows in idx order."""
        ids = select(schema.reports.c.id).where(where)
        found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for table in schema.RECORD_TABLES:
            query = select(table).where(table.c.report_id.in_(ids)).order_by(table.c.report_id, table.c.idx)
            for row in conn.execute(query):
                found[row.report_id][table.name].append(row._mapping)
        return found

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = (schema.stories, schema.reports, *schema.RECORD_TABLES, schema.watches, schema.checks)
        with self._read() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}

    def latest_reports(self) -> dict[str, list[tuple[str, datetime]]]:
        """Story name → (id, fetched_at) of the latest version of each of its articles, in location order: the
        state that story assignment's kept profiles are checked against (``link/kept.py``), without the texts."""
        s, r = schema.stories.c, schema.reports.c
        with self._read() as conn:
            rows = conn.execute(
                select(s.name, r.location, r.id, r.fetched_at)
                .join(schema.reports, r.story_id == s.id).order_by(s.name, r.location, r.version)
            ).all()
        latest: dict[tuple[str, str], tuple[str, datetime]] = {}
        for row in rows:  # versions ascend: the last one seen per article is its latest
            latest[(row.name, row.location)] = (row.id, row.fetched_at)
        found: dict[str, list] = {}
        for (story, _), values in latest.items():
            found.setdefault(story, []).append(values)
        return found

    def texts_of(self, report_ids: list[str]) -> dict[str, tuple[str, str | None, str | None]]:
        """Report id → (text, title, published) of those reports."""
        r = schema.reports.c
        found = {}
        with self._read() as conn:
            for start in range(0, len(report_ids), 500):
                chunk = report_ids[start:start + 500]
                for row in conn.execute(select(r.id, r.text, r.title, r.published_at).where(r.id.in_(chunk))):
                    found[row.id] = (row.text, row.title, row.published_at)
        return found

    # --- batches (``storyline backfill``) ----------------------------------------------------------

    @contextmanager
    def batch(self, what: str) -> Iterator[None]:
        """Run this thread's writes inside the block (``add_document``, ``save_extraction``, ``mark_failed``,
        ``save_mention_vectors``) in one transaction, all or nothing: one commit per batch of reports instead
        of several per report, which is what bounds a backfill's write rate. Reads inside see only what was
        committed before the block."""
        with self._write(what) as conn:
            self._batched = (threading.get_ident(), conn)
            try:
                yield
            finally:
                self._batched = None

    def extracted_fingerprints(self, story_names: Iterable[str]) -> set[tuple[str, str]]:
        """(story name, text sha256) of every report of these stories whose extraction is ok: a backfill
        skips these texts before sending any work out (``add_document`` would call them unchanged)."""
        names = list(dict.fromkeys(story_names))
        s, r = schema.stories.c, schema.reports.c
        found: set[tuple[str, str]] = set()
        with self._read() as conn:
            for begin in range(0, len(names), 500):
                found.update((row.name, row.sha256) for row in conn.execute(
                    select(s.name, r.sha256).join(schema.reports, r.story_id == s.id)
                    .where(s.name.in_(names[begin:begin + 500]), r.extraction_status == "ok")))
        return found


def open_store(url: str | None = None) -> Store:
    """Open (creating or migrating as needed) the store at ``url``: a SQLite path or an SQLAlchemy URL;
    default ``STORYLINE_DB``, else ``storyline.db`` in the user data directory."""
    engine, resolved = connect(url)
    return Store(engine, resolved)
