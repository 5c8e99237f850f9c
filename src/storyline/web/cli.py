"""The desk's commands: ``storyline serve`` and ``storyline token create|list|revoke``.

``register(app)`` adds them to the main Typer app; the store is the one ``--db`` names
(``storyline.cli.state.db``, read when a command runs).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Annotated

import typer


def _db() -> str | None:
    from ..cli import state

    return state.db


def _fail(message: str) -> typer.Exit:
    from ..cli import fail

    return fail(message)


DURATION = re.compile(r"(\d+)\s*(w|d|h|m)")
UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


def duration(value: str) -> timedelta:
    """``30d``, ``12h``, ``2w``, ``90m`` (or ``1d12h``) as a timedelta; ``typer.BadParameter`` otherwise."""
    text = value.strip().lower()
    parts = DURATION.findall(text)
    if not parts or DURATION.sub("", text).strip() or not sum(int(n) for n, _ in parts):
        raise typer.BadParameter(f"{value!r}: give a duration such as 30d, 12h, 2w or 90m")
    return sum((timedelta(**{UNITS[unit]: int(n)}) for n, unit in parts), timedelta())


def register(app: typer.Typer) -> None:
    """Add ``serve`` and the ``token`` commands to ``app``."""
    token_app = typer.Typer(help="Editors' tokens: who may record verdicts on the desk.", no_args_is_help=True)
    app.add_typer(token_app, name="token")

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        session_expiry: Annotated[str, typer.Option(
            help="How long a sign-in to the UI lasts (e.g. 12h, 7d); the editor's token may end it sooner.")] = "12h",
        max_body_mib: Annotated[float, typer.Option(
            min=0.01, help="The largest request body accepted, in MiB (a bigger one gets 413 unread).")] = 4,
    ) -> None:
        """The desk: a web UI and REST API (/api, docs at /api/docs) over the store. Everyone reads; editors
        with a token (`storyline token create NAME`) record verdicts."""
        expiry = duration(session_expiry)
        try:
            from .app import serve as run
        except ImportError as exc:
            raise _fail(f"the web desk needs FastAPI, Jinja2 and uvicorn ({exc.name} is missing)")
        from ..errors import StorylineError

        try:
            run(host, port, _db(), session_expiry=expiry, max_body=int(max_body_mib * 1024 * 1024))
        except StorylineError as exc:
            raise _fail(str(exc))

    @token_app.command("create")
    def create(
        name: Annotated[str, typer.Argument(help="The editor's name, shown beside their verdicts.")],
        expires: Annotated[str | None, typer.Option(
            help="Make the token stop working after this long (e.g. 30d, 12h, 2w); default: when revoked.")] = None,
    ) -> None:
        """Make a token for an editor and print it (once: only its hash is stored)."""
        at = datetime.now(timezone.utc)
        expires_at = at + duration(expires) if expires else None
        with _opened() as store:
            token = _run(lambda: store.create_token(name, at=at, expires_at=expires_at))
        typer.echo(token)
        until = f", valid until {expires_at.isoformat(timespec='seconds')}" if expires_at else ""
        typer.echo(f"token for {name}{until}: keep it now, it is not shown again", err=True)

    @token_app.command("list")
    def list_tokens() -> None:
        """Every token: editor, when it was made, when it expires and when it was revoked."""
        with _opened() as store:
            rows = store.tokens()
        typer.echo("name\tcreated\texpires\trevoked")
        for row in rows:
            revoked = row.revoked_at.isoformat(timespec="seconds") if row.revoked_at else ""
            expires_at = row.expires_at.isoformat(timespec="seconds") if row.expires_at else ""
            typer.echo(f"{row.name}\t{row.created_at.isoformat(timespec='seconds')}\t{expires_at}\t{revoked}")

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
