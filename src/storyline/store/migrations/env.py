"""Alembic environment: runs on the connection the store hands over, or on the configured store URL.

The store calls ``alembic upgrade head`` in code (``storyline.store.db.upgrade``). For a new revision,
from the repository root: ``alembic -c src/storyline/store/alembic.ini revision --autogenerate -m "…"``
(the URL comes from ``-x url=…``, else ``STORYLINE_DB``, else the default store).
"""

from alembic import context

from storyline.store.db import make_engine, resolve_url
from storyline.store.schema import metadata

config = context.config


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = make_engine(resolve_url(context.get_x_argument(as_dictionary=True).get("url")))
    with engine.begin() as own_connection:
        run(own_connection)
    engine.dispose()
