"""Where the store lives and how to connect: URL resolution, engine set-up, migrations.

A plain path means a SQLite file; ``postgresql://…`` runs on psycopg 3. SQLite connections use WAL and
enforce foreign keys; write transactions there start with ``BEGIN IMMEDIATE`` so concurrent writers wait
for each other instead of failing half way. Opening runs the Alembic migrations up to head when the store is
behind; a store already at head is opened without importing Alembic (it costs more than SQLAlchemy itself,
on every command), so ``alembic`` is imported in ``upgrade`` and ``connect`` only when a migration is due.
Processes opening a new store at once migrate it one at a time: on SQLite the migration's ``BEGIN IMMEDIATE``
makes the others wait, on PostgreSQL a transaction-level advisory lock does; each looks at the stored revision
again once it holds the lock, and finds nothing left to do when another process migrated meanwhile.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, Insert, Table, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError, without_credentials

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
ENV_VAR = "STORYLINE_DB"
IMMEDIATE = "storyline_immediate"  # execution option: start this SQLite transaction as a writer
BUSY_TIMEOUT_MS = 10000  # how long a SQLite connection waits for another's lock before failing
MIGRATION_LOCK = 0x73746F72796C696E  # PostgreSQL advisory lock key ("storylin"): one migration at a time


def default_path() -> Path:
    """The SQLite file used when neither an argument nor ``STORYLINE_DB`` names a store."""
    directory = Path(user_data_dir("storyline"))
    directory.mkdir(parents=True, exist_ok=True)
    return directory / "storyline.db"


def resolve_url(url: str | None = None) -> URL:
    """The SQLAlchemy URL for an argument, else ``STORYLINE_DB``, else the default SQLite file."""
    given = url or os.environ.get(ENV_VAR) or str(default_path())
    if "://" not in given:
        path = Path(given).expanduser().absolute()
        return URL.create("sqlite", database=str(path))
    try:
        parsed = make_url(given)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise StoreError(f"cannot open store {without_credentials(given)!r}: not a database URL") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def masked(url: URL) -> str:
    """The URL as shown to users: password hidden (a ``password=`` query parameter too)."""
    return without_credentials(url.render_as_string(hide_password=True))


def reason(exc: Exception) -> str:
    """The database's own message for a failure, on one line."""
    return " ".join(str(getattr(exc, "orig", None) or exc).split())


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite connections get WAL, foreign keys and writer-first transactions."""
    if url.get_backend_name() != "sqlite":
        connect_args = {"connect_timeout": 10} if url.get_backend_name() == "postgresql" else {}
        return create_engine(url, connect_args=connect_args)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy emit BEGIN itself (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: no corruption on a crash, fewer fsyncs
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        immediate = connection.get_execution_options().get(IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def switch_to_wal(cursor) -> None:
    """Put the SQLite file in WAL mode. Switching a new file takes an exclusive lock and SQLite does not wait
    for it through the busy timeout: a process opening the file while another switches it is told "database
    is locked" at once. So it tries again, for as long as the busy timeout would have waited."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def head_revision() -> str:
    """The newest migration's revision. Each migration file is named after its revision (``0006_timex_type.py``
    holds revision ``0006``, following ``0005``), so the head is the greatest prefix."""
    return max(path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def stored_revision(engine: Engine) -> str | None:
    """The revision Alembic recorded in the store, or None when it has none (a new store)."""
    with engine.connect() as connection:
        return _revision(connection)


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration, in one transaction, one process at a time: the transaction
    first takes the store's write lock (SQLite) or the migration advisory lock (PostgreSQL), then reads the
    stored revision again, so a process that waited on another's migration finds the store at head."""
    with engine.connect() as connection:
        connection.execution_options(**{IMMEDIATE: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":  # released when this transaction ends
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            if _revision(connection) == head_revision():
                return
            from alembic import command

            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def insert_skipping_conflicts(conn: Connection, table: Table) -> Insert:
    """``INSERT … ON CONFLICT DO NOTHING`` into ``table``: a row that would break a unique key is left out. On
    PostgreSQL a conflicting row of a transaction still running is waited for, so the rows left out are
    committed ones the next statement reads. Other databases have no portable form: a conflict fails there."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        return table.insert()
    return insert(table).on_conflict_do_nothing()


def insert_new(conn: Connection, table: Table, values: dict) -> bool:
    """Insert one row unless another row has one of its unique keys; whether it was inserted."""
    inserted = insert_skipping_conflicts(conn, table).values(**values).returning(*table.primary_key.columns)
    return conn.execute(inserted).first() is not None


def connect(url: str | None = None) -> tuple[Engine, URL]:
    """An engine on a migrated store; ``StoreError`` naming the URL when it cannot be opened."""
    resolved = resolve_url(url)
    folder = Path(resolved.database).parent if resolved.get_backend_name() == "sqlite" and resolved.database else None
    if folder is not None and not folder.is_dir():  # SQLite would say only "unable to open database file"
        raise StoreError(f"cannot open store {masked(resolved)}: the folder {str(folder)!r} does not exist")
    try:
        engine = make_engine(resolved)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open store {masked(resolved)}: {reason(exc)}") from exc
    try:
        if stored_revision(engine) == head_revision():
            return engine, resolved
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {masked(resolved)}: {reason(exc)}") from exc
    from alembic.util import CommandError

    try:
        upgrade(engine)
    except (SQLAlchemyError, CommandError) as exc:
        engine.dispose()
        hint = " (the store was made by a newer storyline?)" if isinstance(exc, CommandError) else ""
        raise StoreError(f"cannot open store {masked(resolved)}: {reason(exc)}{hint}") from exc
    return engine, resolved
