"""The store's side of the desk (``storyline serve``): editors' tokens, their verdicts on claims, and the
audit log. Mixed into ``Store``; every method is one transaction, and every change writes its audit entry
in the same transaction.

Tokens are 256 random bits, so a plain sha256 is enough to store them: nothing can be guessed from it, and
a request's token is found by its hash in one indexed lookup. A token may expire (``expires_at``). Signing in
to the UI makes a session of its own (another 256 random bits, stored hashed likewise) with its own expiry; a
session holds only while its token does, so revoking a token, or its expiry, ends its sessions too.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, func, select

from ..errors import StoreError
from . import schema

TOKEN_PREFIX = "sl_"
SESSION_PREFIX = "sls_"


@dataclass
class TokenRow:
    name: str
    created_at: datetime
    revoked_at: datetime | None
    expires_at: datetime | None = None


@dataclass
class VerdictRow:
    """An editor's verdict on one claim of one story."""

    claim_id: str
    rating: str
    note: str
    evidence_url: str | None
    editor: str
    at: datetime

    def as_dict(self) -> dict:
        """The verdict as the ledger's ``claims[].verdict`` carries it."""
        return {"rating": self.rating, "note": self.note, "by": self.editor,
                "at": self.at.isoformat(timespec="seconds"), "evidence_url": self.evidence_url}


@dataclass
class AuditRow:
    at: datetime
    actor: str
    action: str
    story_id: str | None
    target: str | None
    detail: dict


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _live(t, at: datetime):
    """The condition for a token row (columns ``t``) that is neither revoked nor expired at ``at``."""
    return t.revoked_at.is_(None) & (t.expires_at.is_(None) | (t.expires_at > at))


class DeskTables:
    """Methods of ``Store`` over ``tokens``, ``verdicts`` and ``audit`` (``_write``/``_read`` are Store's)."""

    # --- tokens --------------------------------------------------------------------------------

    def create_token(self, name: str, *, at: datetime, actor: str = "cli", expires_at: datetime | None = None) -> str:
        """A new token for the editor ``name``, returned once (only its hash is kept), valid until revoked or
        until ``expires_at``. Refuses a name that already has a live token: revoke it first."""
        name = name.strip()
        if not name:
            raise StoreError("an editor's token needs a name")
        if expires_at is not None and expires_at <= at:
            raise StoreError("a token's expiry must be in the future")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        t = schema.tokens.c
        with self._write(f"create a token for {name!r}") as conn:
            live = conn.execute(select(t.id).where(t.name == name, _live(t, at))).first()
            if live is not None:
                raise StoreError(f"{name!r} already has a token: revoke it first (storyline token revoke)")
            conn.execute(schema.tokens.insert().values(name=name, token_hash=token_hash(token), created_at=at,
                                                       expires_at=expires_at))
            _log(conn, at, actor, "token.create", None, name,
                 {"expires_at": expires_at.isoformat(timespec="seconds")} if expires_at else {})
        return token

    def tokens(self) -> list[TokenRow]:
        """Every token ever made, oldest first (revoked ones with the time they were revoked)."""
        t = schema.tokens.c
        with self._read() as conn:
            rows = conn.execute(select(t.name, t.created_at, t.revoked_at, t.expires_at)
                                .order_by(t.created_at, t.id)).all()
        return [TokenRow(**row._mapping) for row in rows]

    def revoke_token(self, name: str, *, at: datetime, actor: str = "cli") -> int:
        """Revoke the editor's live tokens; returns how many there were."""
        t = schema.tokens.c
        with self._write(f"revoke the token of {name!r}") as conn:
            done = conn.execute(schema.tokens.update().where(t.name == name, t.revoked_at.is_(None))
                                .values(revoked_at=at)).rowcount
            if done:
                _log(conn, at, actor, "token.revoke", None, name, {})
        return done

    def editor_for(self, token: str, *, at: datetime | None = None) -> str | None:
        """The name of the editor whose token this is, while it is neither revoked nor expired at ``at``
        (default: now); else None."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        t = schema.tokens.c
        with self._read() as conn:
            return conn.execute(
                select(t.name).where(t.token_hash == token_hash(token), _live(t, at or _now()))
            ).scalar()

    # --- sessions (the UI's sign-in) -----------------------------------------------------------

    def create_session(self, token: str, *, at: datetime, expires_at: datetime) -> str | None:
        """A new session for the editor of ``token`` (which must be live at ``at``), valid until
        ``expires_at`` and while the token is; returns its secret once (only its hash is kept), or None for a
        token that is unknown, revoked or expired. Sessions expired by then are deleted."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        t, x = schema.tokens.c, schema.sessions.c
        secret = SESSION_PREFIX + secrets.token_urlsafe(32)
        with self._write("sign in") as conn:
            conn.execute(schema.sessions.delete().where(x.expires_at <= at))
            token_id = conn.execute(select(t.id).where(t.token_hash == token_hash(token), _live(t, at))).scalar()
            if token_id is None:
                return None
            conn.execute(schema.sessions.insert().values(session_hash=token_hash(secret), token_id=token_id,
                                                         created_at=at, expires_at=expires_at))
        return secret

    def session_editor(self, secret: str, *, at: datetime | None = None) -> str | None:
        """The name of the editor signed in with this session, while neither the session nor its token has
        expired (at ``at``, default now) and the token is not revoked; else None."""
        if not secret.startswith(SESSION_PREFIX):
            return None
        at = at or _now()
        t, x = schema.tokens.c, schema.sessions.c
        with self._read() as conn:
            return conn.execute(
                select(t.name).join(schema.sessions, x.token_id == t.id)
                .where(x.session_hash == token_hash(secret), x.expires_at > at, _live(t, at))
            ).scalar()

    def end_session(self, secret: str) -> None:
        """Sign out: the session stops working at once."""
        x = schema.sessions.c
        with self._write("sign out") as conn:
            conn.execute(schema.sessions.delete().where(x.session_hash == token_hash(secret)))

    # --- verdicts ------------------------------------------------------------------------------

    def set_verdict(
        self, story_name: str, claim_id: str, *, rating: str, note: str, evidence_url: str | None, editor: str,
        at: datetime,
    ) -> VerdictRow:
        """Record (or replace) the verdict on a claim; the audit log keeps what it replaced."""
        if rating not in schema.RATINGS:
            raise StoreError(f"rating {rating!r}: choose one of {', '.join(schema.RATINGS)}")
        v = schema.verdicts.c
        row = VerdictRow(claim_id, rating, note, evidence_url, editor, at)
        with self._write(f"record a verdict on claim {claim_id}") as conn:
            story_id = _story_id(conn, story_name)
            before = _verdict(conn, story_id, claim_id)
            values = {"rating": rating, "note": note, "evidence_url": evidence_url, "editor": editor, "at": at}
            if before is None:
                conn.execute(schema.verdicts.insert().values(story_id=story_id, claim_id=claim_id, **values))
            else:
                conn.execute(schema.verdicts.update().where(v.story_id == story_id, v.claim_id == claim_id)
                             .values(**values))
            _log(conn, at, editor, "verdict.set", story_id, claim_id,
                 {"before": before.as_dict() if before else None, "after": row.as_dict()})
        return row

    def delete_verdict(self, story_name: str, claim_id: str, *, editor: str, at: datetime) -> bool:
        """Remove the verdict on a claim; False when there was none."""
        v = schema.verdicts.c
        with self._write(f"remove the verdict on claim {claim_id}") as conn:
            story_id = _story_id(conn, story_name)
            before = _verdict(conn, story_id, claim_id)
            if before is None:
                return False
            conn.execute(schema.verdicts.delete().where(v.story_id == story_id, v.claim_id == claim_id))
            _log(conn, at, editor, "verdict.delete", story_id, claim_id, {"before": before.as_dict(), "after": None})
        return True

    def verdicts(self, story_name: str) -> dict[str, VerdictRow]:
        """The story's verdicts by claim id."""
        v, s = schema.verdicts.c, schema.stories.c
        with self._read() as conn:
            rows = conn.execute(
                select(v.claim_id, v.rating, v.note, v.evidence_url, v.editor, v.at)
                .where(v.story_id.in_(select(s.id).where(s.name == story_name)))
            ).all()
        return {row.claim_id: VerdictRow(**row._mapping) for row in rows}

    # --- audit ---------------------------------------------------------------------------------

    def log_action(self, actor: str, action: str, story_name: str | None, target: str | None, detail: dict,
                   *, at: datetime) -> None:
        """Add one entry to the audit log (for changes whose own transaction is elsewhere, e.g. adding a report)."""
        with self._write(f"log {action}") as conn:
            story_id = _story_id(conn, story_name) if story_name is not None else None
            _log(conn, at, actor, action, story_id, target, detail)

    def audit_log(self, story_name: str | None = None, limit: int = 100) -> list[AuditRow]:
        """The latest audit entries (of one story, or all), newest first."""
        a, s = schema.audit.c, schema.stories.c
        query = select(a.at, a.actor, a.action, a.story_id, a.target, a.detail)
        if story_name is not None:
            query = query.where(a.story_id.in_(select(s.id).where(s.name == story_name)))
        with self._read() as conn:
            rows = conn.execute(query.order_by(a.id.desc()).limit(limit)).all()
        return [AuditRow(**row._mapping) for row in rows]

    def story_stamp(self, story_name: str) -> tuple:
        """A value that changes whenever the story's reports or their extractions do (for caching its ledger)."""
        r, s = schema.reports.c, schema.stories.c
        with self._read() as conn:
            return tuple(conn.execute(
                select(func.count(), func.max(r.fetched_at), func.max(r.extracted_at))
                .where(r.story_id.in_(select(s.id).where(s.name == story_name)))
            ).one())

    def story_by_key(self, key: str):
        """The story whose id or name is ``key`` (the oldest, should one's id be another's name), with its report
        count, or None: ``Store.stories`` narrowed to one story without counting every story's reports."""
        from .store import StoryRow

        r, s = schema.reports.c, schema.stories.c
        count = select(func.count()).where(r.story_id == s.id).scalar_subquery()
        latest = select(func.max(r.fetched_at)).where(r.story_id == s.id).scalar_subquery()
        with self._read() as conn:
            row = conn.execute(
                select(s.id, s.name, s.title, s.created_at, count.label("report_count"),
                       func.coalesce(latest, s.created_at).label("updated_at"))
                .where((s.id == key) | (s.name == key)).order_by(s.created_at, s.name).limit(1)
            ).first()
        return StoryRow(**row._mapping) if row else None

    def story_stamps(self) -> dict[str, tuple]:
        """``story_stamp`` of every story, by name, in one query."""
        r, s = schema.reports.c, schema.stories.c
        with self._read() as conn:
            rows = conn.execute(
                select(s.name, func.count(r.id), func.max(r.fetched_at), func.max(r.extracted_at))
                .select_from(schema.stories).outerjoin(schema.reports, r.story_id == s.id).group_by(s.name)
            ).all()
        return {row[0]: tuple(row[1:]) for row in rows}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _story_id(conn: Connection, story_name: str) -> str:
    s = schema.stories.c
    found = conn.execute(select(s.id).where(s.name == story_name)).scalar()
    if found is None:
        raise StoreError(f"no story named {story_name!r}")
    return found


def _verdict(conn: Connection, story_id: str, claim_id: str) -> VerdictRow | None:
    v = schema.verdicts.c
    row = conn.execute(
        select(v.claim_id, v.rating, v.note, v.evidence_url, v.editor, v.at)
        .where(v.story_id == story_id, v.claim_id == claim_id)
    ).first()
    return VerdictRow(**row._mapping) if row else None


def _log(conn: Connection, at: datetime, actor: str, action: str, story_id: str | None, target: str | None,
         detail: dict) -> None:
    conn.execute(schema.audit.insert().values(
        at=at, actor=actor, action=action, story_id=story_id, target=target, detail=detail,
    ))
