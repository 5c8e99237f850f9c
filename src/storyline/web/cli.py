"""The desk's commands: ``storyline serve`` and ``storyline token create|list|revoke``.

``register(app)`` adds them to the main Typer app; the store is the one ``--db`` names
(``storyline.cli.state.db``, read when a command runs).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated

import typer


def _db() -> str | None:
    from ..cli import state

    return state.db


def _fail(message: str) -> typer.Exit:
    from ..cli import fail

    return fail(message)


def register(app: typer.Typer) -> None:
    """Add ``serve`` and the ``token`` commands to ``app``."""
    token_app = typer.Typer(help="Editors' tokens: who may record verdicts on the desk.", no_args_is_help=True)
    app.add_typer(token_app, name="token")

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    ) -> None:
        """The desk: a web UI and REST API (/api, docs at /api/docs) over the store. Everyone reads; editors
        with a token (`storyline token create NAME`) record verdicts."""
        try:
            from .app import serve as run
        except ImportError as exc:
            raise _fail(f"the web desk needs FastAPI, Jinja2 and uvicorn ({exc.name} is missing)")
        from ..errors import StorylineError

        try:
            run(host, port, _db())
        except StorylineError as exc:
            raise _fail(str(exc))

    @token_app.command("create")
    def create(name: Annotated[str, typer.Argument(help="The editor's name, shown beside their verdicts.")]) -> None:
        """Make a token for an editor and print it (once: only its hash is stored)."""
        with _opened() as store:
            token = _run(lambda: store.create_token(name, at=datetime.now(timezone.utc)))
        typer.echo(token)
        typer.echo(f"token for {name}: keep it now, it is not shown again", err=True)

    @token_app.command("list")
    def list_tokens() -> None:
        """Every token: editor, when it was made, and when it was revoked."""
        with _opened() as store:
            rows = store.tokens()
        typer.echo("name\tcreated\trevoked")
        for row in rows:
            revoked = row.revoked_at.isoformat(timespec="seconds") if row.revoked_at else ""
            typer.echo(f"{row.name}\t{row.created_at.isoformat(timespec='seconds')}\t{revoked}")

    @token_app.command("revoke")
    def revoke(name: Annotated[str, typer.Argument(help="The editor whose token stops working.")]) -> None:
        """Revoke an editor's token at once."""
        with _opened() as store:
            done = _run(lambda: store.revoke_token(name, at=datetime.now(timezone.utc)))
        if not done:
            raise _fail(f"{name!r} has no live token")
        typer.echo(f"revoked the token of {name}")


def _opened():
    from ..cli import opened

    return opened()


def _run(action):
    from ..errors import StorylineError

    try:
        return action()
    except StorylineError as exc:
        raise _fail(str(exc))
