"""The store's side of following a story: watched feeds and URLs, the log of their checks, and when the
story's change log was last read. Mixed into ``Store``; every method is one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from . import schema
from .db import insert_new


@dataclass
class WatchRow:
    """A feed or article URL the story follows, with its schedule and what its last check found."""

    id: int
    story_id: str
    kind: str  # "feed" or "url"
    url: str
    origin: str | None
    outlet: str | None
    feed_updated: str | None
    added_at: datetime
    etag: str | None
    last_modified: str | None
    last_checked: datetime | None
    last_changed: datetime | None
    next_check: datetime
    failures: int
    last_outcome: str | None
    last_detail: str | None


@dataclass
class CheckRow:
    """One check of a watched feed or URL."""

    watch_id: int
    url: str
    at: datetime
    http_status: int | None
    outcome: str
    report_id: str | None
    sha256: str | None
    detail: str | None


@dataclass
class Revision:
    """One stored version of an article, for comparing a fresh fetch with."""

    report_id: str
    version: int
    text: str
    word_count: int
    extraction_status: str  # "pending", "ok" or "failed"


class WatchTables:
    """Methods of ``Store`` over the ``watches`` and ``checks`` tables (``_write``/``_read`` are Store's)."""

    def add_watch(
        self, story_name: str, kind: str, url: str, *, at: datetime, origin: str | None = None,
        outlet: str | None = None, feed_updated: str | None = None,
    ) -> tuple[WatchRow, str]:
        """Follow ``url`` in the story (created if new). Returns the row and "new", "updated" (already
        followed, and its feed entry shows another update time: it is made due at once) or "same"."""
        w = schema.watches.c
        with self._write(f"watch {url} in story {story_name!r}") as conn:
            story_id = self._ensure_story(conn, story_name, None)
            row = conn.execute(select(schema.watches).where(w.story_id == story_id, w.url == url)).first()
            if row is None and insert_new(conn, schema.watches, dict(
                story_id=story_id, kind=kind, url=url, origin=origin, outlet=outlet, feed_updated=feed_updated,
                added_at=at,
                next_check=at, failures=0,
            )):
                state = "new"
            else:
                if row is None:  # another process began following it meanwhile
                    row = conn.execute(select(schema.watches).where(w.story_id == story_id, w.url == url)).one()
                state = "same"
                if feed_updated is not None and feed_updated != row.feed_updated:
                    state = "updated"
                    conn.execute(schema.watches.update().where(w.id == row.id).values(
                        feed_updated=feed_updated, next_check=min(row.next_check, at),
                    ))
                if outlet is not None and outlet != row.outlet:
                    conn.execute(schema.watches.update().where(w.id == row.id).values(outlet=outlet))
            row = conn.execute(select(schema.watches).where(w.story_id == story_id, w.url == url)).one()
        return WatchRow(**row._mapping), state

    def remove_watch(self, watch_id: int) -> None:
        """Stop following a feed or URL (its check log goes with it; stored reports stay)."""
        with self._write(f"remove watch {watch_id}") as conn:
            conn.execute(schema.checks.delete().where(schema.checks.c.watch_id == watch_id))
            conn.execute(schema.watches.delete().where(schema.watches.c.id == watch_id))

    def remove_story_if_empty(self, story_name: str) -> bool:
        """Delete the story when nothing is in it (no report, watch or verdict): a story made for a URL that
        could not be added leaves nothing behind. Whether it was deleted."""
        s = schema.stories.c
        with self._write(f"remove story {story_name!r}") as conn:
            story_id = conn.execute(select(s.id).where(s.name == story_name)).scalar()
            if story_id is None:
                return False
            for table in (schema.reports, schema.watches, schema.verdicts):
                if conn.execute(select(table.c.story_id).where(table.c.story_id == story_id).limit(1)).first():
                    return False
            conn.execute(schema.stories.delete().where(s.id == story_id))
        return True

    def watches(self, story_name: str) -> list[WatchRow]:
        """The story's watched feeds and URLs: feeds first, then in the order they were added."""
        return list(self._watch_rows(story_name))

    def due_watches(self, story_name: str, at: datetime) -> list[WatchRow]:
        """Watched feeds and URLs whose next check is at or before ``at``: feeds first."""
        return [w for w in self._watch_rows(story_name) if w.next_check <= at]

    def _watch_rows(self, story_name: str) -> Iterator[WatchRow]:
        w, s = schema.watches.c, schema.stories.c
        with self._read() as conn:
            rows = conn.execute(
                select(schema.watches).where(w.story_id.in_(select(s.id).where(s.name == story_name)))
                .order_by(w.kind, w.id)  # "feed" sorts before "url"
            ).all()
        return (WatchRow(**row._mapping) for row in rows)

    def record_check(
        self, watch: WatchRow, *, at: datetime, outcome: str, next_check: datetime, http_status: int | None = None,
        report_id: str | None = None, sha256: str | None = None, detail: str | None = None,
        etag: str | None = None, last_modified: str | None = None, changed: bool = False, failed: bool = False,
    ) -> None:
        """Log one check and move the watch's schedule on. Validators (ETag, Last-Modified) are replaced only
        when given, so a failed check keeps the last good ones."""
        values: dict = {
            "last_checked": at, "next_check": next_check, "last_outcome": outcome, "last_detail": detail,
            "failures": watch.failures + 1 if failed else 0,
        }
        if changed:
            values["last_changed"] = at
        if etag is not None or last_modified is not None:
            values.update(etag=etag, last_modified=last_modified)
        with self._write(f"record a check of {watch.url}") as conn:
            conn.execute(schema.checks.insert().values(
                watch_id=watch.id, at=at, http_status=http_status, outcome=outcome, report_id=report_id,
                sha256=sha256, detail=detail,
            ))
            conn.execute(schema.watches.update().where(schema.watches.c.id == watch.id).values(**values))

    def checks(self, story_name: str, limit: int = 50) -> list[CheckRow]:
        """The story's latest checks, newest first."""
        c, w, s = schema.checks.c, schema.watches.c, schema.stories.c
        story_ids = select(s.id).where(s.name == story_name)
        with self._read() as conn:
            rows = conn.execute(
                select(c.watch_id, w.url, c.at, c.http_status, c.outcome, c.report_id, c.sha256, c.detail)
                .join(schema.watches, w.id == c.watch_id).where(w.story_id.in_(story_ids))
                .order_by(c.at.desc(), c.id.desc()).limit(limit)
            ).all()
        return [CheckRow(**row._mapping) for row in rows]

    def revisions(self, story_name: str, location: str) -> list[Revision]:
        """Every stored version of the article at ``location``, oldest first."""
        r, s = schema.reports.c, schema.stories.c
        with self._read() as conn:
            rows = conn.execute(
                select(r.id.label("report_id"), r.version, r.text, r.word_count, r.extraction_status)
                .where(r.location == location, r.story_id.in_(select(s.id).where(s.name == story_name)))
                .order_by(r.version)
            ).all()
        return [Revision(**row._mapping) for row in rows]

    def changes_seen_at(self, story_name: str) -> datetime | None:
        """When the story's change log was last read with ``storyline changes``."""
        s = schema.stories.c
        with self._read() as conn:
            return conn.execute(select(s.changes_seen_at).where(s.name == story_name)).scalar()

    def mark_changes_seen(self, story_name: str, at: datetime) -> None:
        s = schema.stories.c
        with self._write(f"mark the changes of story {story_name!r} read") as conn:
            conn.execute(schema.stories.update().where(s.name == story_name).values(changes_seen_at=at))
