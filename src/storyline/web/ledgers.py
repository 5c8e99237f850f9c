"""The desk's reads of the kept ledger (``ledger/kept.py``): a story's summary, a page of its claims or of another
part, single items by key, with the editors' verdicts on the claims read. Each is a few row reads, never a whole
ledger: the desk's cost per request no longer grows with the story, and nothing is cached but the stamps below.

Before a story's items are read, ``current`` brings its kept ledger up to date with its reports, but only when
its stamp (``Store.story_stamp``: report count, latest stored and extracted times; one small query) moved since
the desk last did: a report that a killed ``storyline add`` left out, or one a watch stored without its update,
is taken in by the next reader, and an unchanged story is not unpickled on every request. One update per story
at a time: a burst of readers after a new report waits for one update (a report's worth of work) rather than
each making its own.

The list of stories reads the stored summaries and latest changes of every story in two queries and updates
nothing (``storyline add`` keeps them current); a story whose ledger is not kept yet shows its report count.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import IO

from ..ledger import kept
from ..store import Store, StoryRow
from .paging import MAX_OFFSET, Page, window
from .views import claim_matches, search_words

PARTS = kept.PARTS
ITEM_KIND = kept.KIND


class Ledgers:
    """Reads of stories' kept ledgers for the desk's pages and API (``updates`` counts ``kept.update`` calls)."""

    def __init__(self, store: Store):
        self.store = store
        self.updates = 0
        self._stamps: dict[str, tuple] = {}  # story id → its stamp when the desk last brought it up to date
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()  # guards _locks

    def close(self) -> None:
        """Forget the stamps (the app's lifespan ends): the next reader of each story checks it again."""
        self._stamps.clear()

    # --- keeping up -----------------------------------------------------------------------------------------

    def current(self, row: StoryRow) -> None:
        """Bring the story's kept ledger up to date unless it is, by its stamp, since the desk last did."""
        stamp = self.store.story_stamp(row.name)
        if self._stamps.get(row.id) == stamp:
            return
        with self._lock:
            lock = self._locks.setdefault(row.id, threading.Lock())
        with lock:
            if self._stamps.get(row.id) == stamp:
                return  # another reader updated it while this one waited
            kept.update(self.store, row.id, row.title)
            self.updates += 1
            self._stamps[row.id] = stamp

    # --- the list of stories --------------------------------------------------------------------------------

    def summaries(self, rows: list[StoryRow]) -> list[tuple[dict, dict | None]]:
        """For each story of ``rows``: its ledger's ``story`` part and its latest change, as stored."""
        stored = self.store.kept_summaries()
        found = []
        for row in rows:
            summary, change = stored.get(row.id, (None, None))
            found.append((json.loads(summary) if summary else empty_summary(row),
                          json.loads(change) if change else None))
        return found

    # --- one story ------------------------------------------------------------------------------------------

    def summary(self, row: StoryRow) -> dict:
        data = self.store.kept_item(row.id, "story", "story")
        return json.loads(data) if data else empty_summary(row)

    def part(self, row: StoryRow, part: str, offset: int = 0, limit: int | None = None) -> Page:
        """A page of one of the ledger's lists other than claims (all of it without ``limit``)."""
        kind = ITEM_KIND[part]
        if part == "figures":  # one item per report, each a list: the figures are counted one by one
            figures = (f for data in self.store.iter_kept_items(row.id, kind) for f in json.loads(data))
            return whole(window(figures, offset, limit or MAX_OFFSET), limit)
        total = self.store.kept_count(row.id, kind)
        items = [json.loads(d) for d in self.store.iter_kept_items(row.id, kind, offset=offset, limit=limit)]
        return Page(items, offset, limit or kept_limit(total), total)

    def first(self, row: StoryRow, part: str, count: int) -> tuple[list[dict], bool]:
        """The first ``count`` items of a part, and whether there are more (what the story page shows: the
        figures are not all read to be counted)."""
        if part == "figures":
            figures = (f for data in self.store.iter_kept_items(row.id, "figures", page=50) for f in json.loads(data))
            items = [f for _, f in zip(range(count + 1), figures)]
        else:
            items = [json.loads(d) for d in self.store.iter_kept_items(row.id, ITEM_KIND[part], limit=count + 1)]
        return items[:count], len(items) > count

    def tail(self, row: StoryRow, part: str, count: int) -> list[dict]:
        """The last ``count`` items of a part (the newest changes or reports), in ledger order."""
        return [json.loads(d) for d in self.store.kept_tail(row.id, ITEM_KIND[part], count)]

    def by_key(self, row: StoryRow, part: str, keys: Iterable[str]) -> dict[str, dict]:
        """Reports or entities by id (those that exist)."""
        return {k: json.loads(d) for k, d in self.store.kept_items_by_key(row.id, ITEM_KIND[part], keys).items()}

    def reports(self, row: StoryRow, ids: Iterable[str], with_text: bool = False) -> dict[str, dict]:
        """These reports by id, with their text when asked (the evidence of a page of claims)."""
        ids = list(ids)
        found = self.by_key(row, "reports", ids)
        if with_text:
            texts = self.store.report_texts_by_id(found)
            found = {rid: {**report, "text": texts.get(rid, "")} for rid, report in found.items()}
        return found

    def claims(self, row: StoryRow, offset: int = 0, limit: int | None = None, *, status: str | None = None,
               q: str | None = None) -> Page:
        """A page of the claims, with their verdicts; narrowed to a status or to a search's words first
        (read through, a page at a time, to count the total)."""
        verdicts = self.store.verdicts(row.name)
        if status is None and q is None:
            total = self.store.kept_count(row.id, "claim")
            data = self.store.iter_kept_items(row.id, "claim", offset=offset, limit=limit)
            return Page([with_verdict(json.loads(d), verdicts) for d in data], offset, limit or kept_limit(total),
                        total)
        words = search_words(q) if q is not None else None
        found = (c for c in map(json.loads, self.store.iter_kept_items(row.id, "claim"))
                 if (status is None or c["status"] == status) and (words is None or claim_matches(c, words)))
        page = whole(window(found, offset, limit or MAX_OFFSET), limit)
        page.items = [with_verdict(c, verdicts) for c in page.items]
        return page

    def claim(self, row: StoryRow, claim_id: str) -> dict | None:
        """The claim with this id (the first, should a span be stated twice), with its verdict; or None."""
        found = self.claims_by_id(row, [claim_id])
        return found.get(claim_id)

    def claims_by_id(self, row: StoryRow, ids: Iterable[str]) -> dict[str, dict]:
        """The claims with these ids, with their verdicts (an item's JSON begins with its id)."""
        verdicts = self.store.verdicts(row.name)
        found: dict[str, dict] = {}
        for claim_id in dict.fromkeys(ids):
            prefix = '{"id":' + json.dumps(claim_id, ensure_ascii=False) + ","
            for _, data in self.store.kept_items_matching("claim", story_id=row.id, prefix=prefix, limit=1):
                found[claim_id] = with_verdict(json.loads(data), verdicts)
        return found

    def claims_of_report(self, row: StoryRow, report_id: str) -> list[dict]:
        """The claims with a mention in this report."""
        needle = '"report":' + json.dumps(report_id, ensure_ascii=False)
        claims = (json.loads(d) for _, d in self.store.kept_items_matching("claim", story_id=row.id,
                                                                              contains=needle))
        return [c for c in claims if any(m["report"] == report_id for m in c["mentions"])]

    def conflicts(self, row: StoryRow, limit: int) -> list[dict]:
        """The changes that flag a figure or date other outlets give otherwise, at most ``limit``."""
        found = (json.loads(d) for _, d in self.store.kept_items_matching("change", story_id=row.id,
                                                                             contains='"conflict":"', limit=limit))
        return [c for c in found if c.get("conflict")]

    def search(self, rows: list[StoryRow], q: str, limit: int) -> tuple[list[tuple[StoryRow, dict]], bool]:
        """Claims of these stories that hold every word of ``q``, at most ``limit`` (and whether there were
        more). The database narrows by one word first when one is plain ASCII (compared alike in the JSON)."""
        words = search_words(q)
        if not words:
            return [], False
        by_id = {row.id: row for row in rows}
        plain = [w for w in words if w.isascii() and w.isprintable() and '"' not in w and "\\" not in w]
        story = rows[0].id if len(rows) == 1 else None
        if plain:
            items: Iterator[tuple[str, str]] = iter(self.store.kept_items_matching(
                "claim", story_id=story, contains=max(plain, key=len)))
        else:
            items = ((row.id, d) for row in rows for d in self.store.iter_kept_items(row.id, "claim"))
        verdicts: dict[str, dict] = {}
        hits = []
        for story_id, data in items:
            if story_id not in by_id:
                continue
            claim = json.loads(data)
            if claim_matches(claim, words):
                if len(hits) == limit:
                    return hits, True
                row = by_id[story_id]
                if story_id not in verdicts:
                    verdicts[story_id] = self.store.verdicts(row.name)
                hits.append((row, with_verdict(claim, verdicts[story_id])))
        return hits, False

    # --- the whole ledger ------------------------------------------------------------------------------------

    def ledger(self, row: StoryRow, with_text: bool = False, *, claims_offset: int = 0,
               claims_limit: int | None = None) -> dict:
        """The export (``storyline export``'s dict, with verdicts) from the stored items, its claims a page when
        ``claims_limit`` is given (for the export formats other than JSON, which need it whole)."""
        ledger = {"schema_version": "1",
                  "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  "story": self.summary(row)}
        for part in PARTS:
            if part == "claims":
                ledger[part] = self.claims(row, claims_offset, claims_limit).items
            else:
                ledger[part] = self.part(row, part).items
        if with_text:
            texts = self.store.report_texts_of(row.id)
            ledger["reports"] = [{**r, "text": texts.get(r["id"], "")} for r in ledger["reports"]]
        return ledger

    def ledger_json(self, row: StoryRow, with_text: bool = False, *, claims_offset: int = 0,
                    claims_limit: int | None = None) -> Iterator[str]:
        """``ledger`` as JSON text, made of the stored items' own text: only the page's claims (which carry
        their verdicts) and, with ``with_text``, the reports are parsed, so no dict of the ledger is built
        and encoded again (that took most of the API's time for a big story)."""
        verdicts = self.store.verdicts(row.name)
        texts = self.store.report_texts_of(row.id) if with_text else {}
        summary = self.store.kept_item(row.id, "story", "story") or _json(empty_summary(row))
        yield ('{"schema_version":"1","generated_at":'
               + _json(datetime.now(timezone.utc).isoformat(timespec="seconds")) + ',"story":' + summary)
        for part in PARTS:
            yield f',"{part}":['
            page = {"offset": claims_offset, "limit": claims_limit} if part == "claims" else {}
            first = True
            for data in self.store.iter_kept_items(row.id, ITEM_KIND[part], **page):
                if part == "claims":
                    data = _json(with_verdict(json.loads(data), verdicts))
                elif part == "figures":
                    data = data[1:-1]  # one report's list of figures: its items, spliced in
                elif part == "reports" and with_text:
                    report = json.loads(data)
                    data = _json({**report, "text": texts.get(report["id"], "")})
                if data:
                    yield data if first else "," + data
                    first = False
            yield "]"
        yield "}"

    def write_json(self, row: StoryRow, out: IO[str], with_text: bool = False) -> None:
        """The JSON export, written to ``out`` item by item (``kept.write_json``), with the verdicts."""
        verdicts = self.store.verdicts(row.name)
        kept.write_json(self.store, row.name, out, with_text=with_text,
                        decorate=lambda claim: with_verdict(claim, verdicts))


def with_verdict(claim: dict, verdicts: dict) -> dict:
    """The claim with its editor's verdict (``verdicts``: claim id → a row with ``as_dict``), or None."""
    return {**claim, "verdict": verdicts[claim["id"]].as_dict() if claim["id"] in verdicts else None}


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def whole(page: Page, limit: int | None) -> Page:
    """``page``, its limit that of a page holding the whole list when no limit was asked for."""
    if limit is None:
        page.limit = kept_limit(page.total)
    return page


def kept_limit(total: int) -> int:
    """The limit of a page that holds a whole list (at least 1, so that page numbers stay defined)."""
    return max(1, total)


def empty_summary(row: StoryRow) -> dict:
    """What the list of stories shows for a story whose ledger is not kept yet: its reports, counted."""
    return {"id": row.id, "title": row.title, "developing": False, "first_seen": None, "last_updated": None,
            "report_count": row.report_count, "outlet_count": 0, "independent_outlet_count": 0}
