"""The store's side of the kept ledger (``ledger/kept.py``): each story's replay state, and its ledger as
rendered items (the story summary, reports, claims, entities, events, figures and changes), read back in
order, a page at a time when asked. Mixed into ``Store``; every method is one transaction.

Writers never lock while they work: one reads the state and its ``version``, folds the new reports in, and
saves only if the version is still the one it read (``save_kept``); otherwise another writer got there first
and it starts again from theirs. Items are replaced by (kind, key), so an update writes what changed only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, select

from . import schema
from .db import insert_new
from .records import ReportRecord

# rows per statement when deleting by key or reading by id: well under SQLite's bound on parameters
CHUNK = 400


@dataclass
class KeptState:
    version: int
    folded: int  # how many of the story's reports the state holds
    marks: str  # a digest of the reports it holds, as they were (ledger/kept.py makes it)
    state: bytes | None  # pickled (ledger/kept.py reads it); None when not asked for


@dataclass
class ReportMark:
    """What says whether a stored report has changed since the ledger took it in."""

    id: str
    extraction_status: str
    extracted_at: datetime | None


@dataclass
class Item:
    kind: str
    key: str
    sort: str
    data: str  # JSON


class KeptTables:
    """Methods of ``Store`` over ``ledger_states`` and ``ledger_items`` (``_write``/``_read`` are Store's)."""

    def kept_state(self, story_id: str, *, with_state: bool = True) -> KeptState | None:
        """The story's kept state (without the pickled state itself unless ``with_state``), or None."""
        s = schema.ledger_states.c
        columns = [s.version, s.folded, s.marks] + ([s.state] if with_state else [])
        with self._read() as conn:
            row = conn.execute(select(*columns).where(s.story_id == story_id)).first()
        if row is None:
            return None
        return KeptState(row.version, row.folded, row.marks, bytes(row.state) if with_state else None)

    def report_marks(self, story_id: str) -> list[ReportMark]:
        """The story's reports in the order the ledger takes them in, with what says whether each changed."""
        r = schema.reports.c
        with self._read() as conn:
            rows = conn.execute(
                select(r.id, r.extraction_status, r.extracted_at).where(r.story_id == story_id)
                .order_by(r.fetched_at, r.version, r.id)
            ).all()
        return [ReportMark(row.id, row.extraction_status, row.extracted_at) for row in rows]

    def reports_by_id(self, ids: list[str]) -> list[ReportRecord]:
        """These reports with their extractions, in the order the ledger takes them in."""
        found: list[ReportRecord] = []
        for begin in range(0, len(ids), CHUNK):
            found += self._reports(schema.reports.c.id.in_(ids[begin:begin + CHUNK]), with_raw=False,
                                   with_extraction=True)
        order = {rid: i for i, rid in enumerate(ids)}
        return sorted(found, key=lambda r: order[r.id])

    def save_kept(
        self, story_id: str, expected: int | None, folded: int, marks: str, state: bytes | None,
        put: Iterable[Item], drop: Iterable[tuple[str, str]] = (), *, replace_all: bool = False,
    ) -> bool:
        """Save the story's new items (and state, unless None: the stored one stays, older than the items),
        unless another writer saved since ``expected`` (the version read; None: there was no state): then
        nothing is written and the answer is False. ``drop`` names items (kind, key) gone from the ledger;
        ``replace_all`` drops every item first (a replay)."""
        s, i = schema.ledger_states.c, schema.ledger_items.c
        put = list(put)
        with self._write(f"save the ledger of story {story_id!r}") as conn:
            at = datetime.now(timezone.utc)
            if expected is None:
                if not insert_new(conn, schema.ledger_states, dict(story_id=story_id, version=1, folded=folded,
                                                                   marks=marks, state=state, updated_at=at)):
                    return False
            else:
                values = dict(version=expected + 1, folded=folded, marks=marks, updated_at=at)
                if state is not None:
                    values["state"] = state
                updated = conn.execute(
                    schema.ledger_states.update().where(s.story_id == story_id, s.version == expected)
                    .values(**values)
                )
                if updated.rowcount != 1:
                    return False
            if replace_all:
                conn.execute(schema.ledger_items.delete().where(i.story_id == story_id))
            else:
                gone: dict[str, list[str]] = {}
                for kind, key in [*drop, *((item.kind, item.key) for item in put)]:
                    gone.setdefault(kind, []).append(key)
                for kind, keys in gone.items():
                    for begin in range(0, len(keys), CHUNK):
                        conn.execute(schema.ledger_items.delete().where(
                            i.story_id == story_id, i.kind == kind, i.key.in_(keys[begin:begin + CHUNK])))
            if put:
                conn.execute(schema.ledger_items.insert(), [
                    {"story_id": story_id, "kind": it.kind, "key": it.key, "sort": it.sort, "data": it.data}
                    for it in put])
        return True

    def kept_items(self, story_id: str, kind: str, *, offset: int = 0, limit: int | None = None) -> list[str]:
        """The story's items of one kind (JSON texts) in ledger order, optionally one page of them."""
        return list(self.iter_kept_items(story_id, kind, offset=offset, limit=limit))

    def iter_kept_items(self, story_id: str, kind: str, *, offset: int = 0, limit: int | None = None,
                        page: int = 500) -> Iterator[str]:
        """The same as ``kept_items``, read ``page`` rows at a time (an export streams without holding them)."""
        i = schema.ledger_items.c
        after: str | None = None
        left = limit
        while left is None or left > 0:
            size = page if left is None else min(page, left)
            query = select(i.sort, i.data).where(i.story_id == story_id, i.kind == kind)
            if after is not None:
                query = query.where(i.sort > after)
            query = query.order_by(i.sort).limit(size)
            if after is None and offset:
                query = query.offset(offset)
            with self._read() as conn:
                rows = conn.execute(query).all()
            for row in rows:
                yield row.data
            if len(rows) < size:
                return
            after = rows[-1].sort
            if left is not None:
                left -= len(rows)

    def kept_keys(self, story_id: str, kinds: Iterable[str]) -> set[tuple[str, str]]:
        """(kind, key) of the story's items of these kinds."""
        i = schema.ledger_items.c
        with self._read() as conn:
            return {(row.kind, row.key) for row in conn.execute(
                select(i.kind, i.key).where(i.story_id == story_id, i.kind.in_(list(kinds))))}

    def kept_item(self, story_id: str, kind: str, key: str) -> str | None:
        i = schema.ledger_items.c
        with self._read() as conn:
            return conn.execute(select(i.data).where(i.story_id == story_id, i.kind == kind, i.key == key)).scalar()

    def kept_count(self, story_id: str, kind: str) -> int:
        i = schema.ledger_items.c
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(schema.ledger_items)
                                .where(i.story_id == story_id, i.kind == kind)).scalar_one()

    def report_texts_of(self, story_id: str) -> dict[str, str]:
        """Report id → text, for the story's reports (an export with texts)."""
        r = schema.reports.c
        with self._read() as conn:
            return dict(conn.execute(select(r.id, r.text).where(r.story_id == story_id)).all())

    def report_story(self, report_id: str) -> str:
        """The id of the report's story."""
        r = schema.reports.c
        with self._read() as conn:
            return conn.execute(select(r.story_id).where(r.id == report_id)).scalar_one()

    def story_title(self, story_id: str) -> str:
        s = schema.stories.c
        with self._read() as conn:
            return conn.execute(select(s.title).where(s.id == story_id)).scalar_one()

    # --- reads for the desk (web/ledgers.py): a few rows each, never a whole ledger -------------------------

    def kept_summaries(self) -> dict[str, tuple[str | None, str | None]]:
        """Story id → (its stored summary, its latest change) as JSON texts, for every story with a kept
        ledger: two queries whatever the number of stories (the desk's list of stories)."""
        i = schema.ledger_items.c
        latest = (select(i.story_id, func.max(i.sort).label("sort")).where(i.kind == "change")
                  .group_by(i.story_id).subquery())
        with self._read() as conn:
            found = {row.story_id: (row.data, None) for row in conn.execute(
                select(i.story_id, i.data).where(i.kind == "story", i.key == "story"))}
            for row in conn.execute(select(i.story_id, i.data).join(
                    latest, (i.story_id == latest.c.story_id) & (i.sort == latest.c.sort))
                    .where(i.kind == "change")):
                found[row.story_id] = (found.get(row.story_id, (None,))[0], row.data)
        return found

    def kept_items_by_key(self, story_id: str, kind: str, keys: Iterable[str]) -> dict[str, str]:
        """Key → JSON text of the story's items of one kind with these keys (those that exist)."""
        i = schema.ledger_items.c
        keys = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        with self._read() as conn:
            for begin in range(0, len(keys), CHUNK):
                found.update(conn.execute(select(i.key, i.data).where(
                    i.story_id == story_id, i.kind == kind, i.key.in_(keys[begin:begin + CHUNK]))).all())
        return found

    def kept_tail(self, story_id: str, kind: str, count: int) -> list[str]:
        """The last ``count`` items of one kind, in ledger order (the newest changes)."""
        i = schema.ledger_items.c
        with self._read() as conn:
            rows = conn.execute(select(i.data).where(i.story_id == story_id, i.kind == kind)
                                .order_by(i.sort.desc()).limit(count)).scalars().all()
        return rows[::-1]

    def kept_items_matching(self, kind: str, *, story_id: str | None = None, prefix: str | None = None,
                            contains: str | None = None, limit: int | None = None) -> list[tuple[str, str]]:
        """(story id, JSON text) of the items of one kind whose text starts with ``prefix`` (exactly) and holds
        ``contains`` (ASCII letters compared without case), in ledger order: a narrowing done by the database,
        which the caller checks again on the parsed items. Every story's when ``story_id`` is None."""
        i = schema.ledger_items.c
        query = select(i.story_id, i.data).where(i.kind == kind)
        if story_id is not None:
            query = query.where(i.story_id == story_id)
        if prefix is not None:
            query = query.where(func.substr(i.data, 1, len(prefix)) == prefix)
        if contains:
            query = query.where(i.data.icontains(contains, autoescape=True))
        query = query.order_by(i.story_id, i.sort)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [(row.story_id, row.data) for row in conn.execute(query)]

    def report_texts_by_id(self, ids: Iterable[str]) -> dict[str, str]:
        """Report id → text, for these reports only (the evidence of one page of claims)."""
        return {rid: text for rid, (text, _, _) in self.texts_of(list(dict.fromkeys(ids))).items()}
