"""Shared fixtures: the spaCy pipeline and stores on every available backend."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy.engine import make_url

from storyline.store import open_store


@pytest.fixture(autouse=True, scope="session")
def _no_user_models(tmp_path_factory):
    """Behaviour tests see the rules and the shipped models only, never models trained on this machine."""
    previous = os.environ.get("STORYLINE_MODELS")
    os.environ["STORYLINE_MODELS"] = str(tmp_path_factory.mktemp("no-user-models"))
    yield
    if previous is None:
        os.environ.pop("STORYLINE_MODELS", None)
    else:
        os.environ["STORYLINE_MODELS"] = previous


@pytest.fixture
def trained_models(monkeypatch):
    """Point extraction at the models ``.ci/run`` trained (``STORYLINE_TRAINED_MODELS``), or skip."""
    directory = os.environ.get("STORYLINE_TRAINED_MODELS")
    if not directory or not os.path.isdir(directory):
        pytest.skip("STORYLINE_TRAINED_MODELS is not set: no trained models to score (.ci/run trains them)")
    monkeypatch.setenv("STORYLINE_MODELS", directory)
    return directory


@pytest.fixture(scope="session")
def nlp():
    from storyline.extract.nlp import load_nlp

    return load_nlp()


def _libpq(url) -> str:
    """A psycopg connection string for an SQLAlchemy URL."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_url():
    """URL of a PostgreSQL database made for this test session (dropped afterwards).

    Needs ``STORYLINE_TEST_PG``: a URL of a server where the user may create databases."""
    base = os.environ.get("STORYLINE_TEST_PG")
    if not base:
        pytest.skip("STORYLINE_TEST_PG is not set: no PostgreSQL server to test against")
    import psycopg

    admin_url = make_url(base)
    name = f"storyline_test_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield admin_url.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_databases():
    """Make new PostgreSQL databases, each dropped after the test: ``pg_databases()`` gives the URL of an empty
    one, ``pg_databases(template=url)`` a copy of the database at ``url`` (nobody may be connected to it).

    Needs ``STORYLINE_TEST_PG``: a URL of a server where the user may create databases."""
    base = os.environ.get("STORYLINE_TEST_PG")
    if not base:
        pytest.skip("STORYLINE_TEST_PG is not set: no PostgreSQL server to test against")
    import psycopg

    admin_url = make_url(base)
    made: list[str] = []

    def new(template: str | None = None) -> str:
        name = f"storyline_new_{uuid.uuid4().hex[:8]}"
        copied = f' TEMPLATE "{make_url(template).database}"' if template else ""
        with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"{copied}')
        made.append(name)
        return admin_url.set(database=name).render_as_string(hide_password=False)

    yield new
    with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _empty_pg(url: str) -> None:
    """Drop everything in the test database's public schema."""
    import psycopg

    with psycopg.connect(_libpq(make_url(url)), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> str:
    """URL of an empty store: a SQLite file, or the session's PostgreSQL database emptied."""
    if request.param == "sqlite":
        return str(tmp_path / "storyline.db")
    url = request.getfixturevalue("pg_url")
    _empty_pg(url)
    return url


@pytest.fixture
def store(store_url):
    """An open, migrated, empty store on each backend."""
    with open_store(store_url) as opened:
        yield opened
