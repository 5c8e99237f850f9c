"""The kept ledger: a story's ledger stored as it stands and updated report by report, so that reading a story
reads rows instead of replaying every report (issue 18).

``update`` brings the stored ledger up to date with the story's reports: it loads the story's replay state
(``build.LedgerState``, pickled in the store), adds the reports stored since (in the order a full replay takes
them), renders what changed — the claims the new reports touched, entities and timeline events whose rendering
differs, the new reports, their figures, the new change-log entries, the story summary — and saves state and
items together. ``storyline add`` calls it right after a report's extraction and vectors are stored; every read
calls it first too, so a report whose update was lost (a killed run) is taken in by the next reader.

The result equals a full replay (``build.build_ledger``) of the same reports in the same order: a report taken
in is never taken in again unless it changed (re-extracted: then the story is replayed once from the start),
and a report still being extracted at the end of the story waits for its own ``add`` to take it in.
The state is rebuilt, not trusted, when the code that makes it changed (``CODE``).

``read`` assembles the export from the stored items (a page of claims, or only the parts asked for);
``write_json`` streams the export item by item.
"""

from __future__ import annotations

import gc
import hashlib
import json
import pickle
import re
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from .. import __version__
from ..link.claims import cached_vectors
from ..store import Store
from ..store.kept import Item
from .event_vectors import cached_event_vectors
from .build import (LedgerState, claim_dict, claim_id_map, events, pending_report_dict, report_dict, report_figures,
                    report_time, story_entities, story_summary)

PARTS = ("reports", "claims", "entities", "events", "figures", "changes")
KIND = {"reports": "report", "claims": "claim", "entities": "entity", "events": "event", "figures": "figures",
        "changes": "change"}
# The state is stored again once adding the reports taken in since it was last stored took this many times
# what storing it takes: an add pays for storing at most that share of its own cost, and a process that finds
# the stored state older than the items (none kept in memory) replays at most about that long to catch up.
STORE_STATE = 1.0
RETRIES = 8  # another writer saved first this many times in a row: give up (it keeps the ledger current anyway)


def _code_version() -> str:
    """A fingerprint of the code that builds the replay state: a state pickled by other code is rebuilt."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1(__version__.encode())
    paths = [path for folder in ("ledger", "link") for path in sorted((root / folder).glob("*.py"))]
    used = sorted({name for path in paths for name in EXTRACT_IMPORT.findall(path.read_text(encoding="utf-8"))})
    for path in [*paths, *(root / "extract" / f"{name}.py" for name in used)]:
        digest.update(path.name.encode() + path.read_bytes())
    digest.update((root / "model.py").read_bytes())
    return digest.hexdigest()[:16]


# the extraction modules the ledger's code reads at replay time (word lists, figure ranges), in its fingerprint
EXTRACT_IMPORT = re.compile(r"^\s*from \.\.extract\.(\w+) import", re.MULTILINE)


CODE = _code_version()


@dataclass
class Kept:
    """What the store keeps besides the ledger's items: the replay state and what was rendered from it."""

    code: str
    state: LedgerState
    taken: list[tuple[str, str, datetime | None]]  # (report id, extraction status, extracted at), in order
    rendered: dict[tuple[str, str], str]  # (kind, key) → digest of the item as stored (entities and events)
    entity_of: dict[tuple[str, str], str]  # (report id, entity key) → story entity id, as last rendered
    names: dict[str, str]  # story entity id → its name, as last rendered
    dump_seconds: float = 0.0  # what pickling the state took last time
    tail_seconds: float = 0.0  # what adding the reports taken in since the state was last stored took


@dataclass
class Update:
    taken: int  # reports taken in by this update
    replayed: bool  # the whole story was replayed (a report changed, or the state was made by other code)
    waiting: list[str]  # reports stored but still being extracted (at the end of the story): not in the ledger yet


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pickling hundreds of thousands of small objects with the cyclic collector on costs five times as much
    (it runs again and again as objects are made, finding nothing to collect)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _dump(kept: Kept) -> bytes:
    """The state as stored: pickled, uncompressed (zlib took longer than writing the bytes it saved)."""
    with _no_gc():
        return pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)


def _load(blob: bytes) -> Kept | None:
    try:
        with _no_gc():
            kept = pickle.loads(blob)
    except Exception:  # a state from another version of the code: rebuilt
        return None
    return kept if isinstance(kept, Kept) and kept.code == CODE else None


def update(store: Store, story_id: str, title: str) -> Update:
    """Bring the story's stored ledger up to date with its reports (see the module's docstring)."""
    for _ in range(RETRIES):
        marks = store.report_marks(story_id)
        waiting: list[str] = []
        while marks and marks[-1].extraction_status == "pending":  # its own add takes it in when extracted
            waiting.insert(0, marks.pop().id)
        now = [(m.id, m.extraction_status, m.extracted_at) for m in marks]
        digest = _digest(now)
        head = store.kept_state(story_id, with_state=False)
        if head is not None and head.marks == digest:
            return Update(0, False, waiting)  # nothing new: the state is not even read
        if head is None and not now:
            return Update(0, False, waiting)
        kept, version = _cached(store, story_id, head)
        replay = kept is None or now[:len(kept.taken)] != kept.taken
        if replay:
            kept = Kept(CODE, LedgerState(), [], {}, {}, {})
        behind = not replay and len(kept.taken) < head.folded  # a stored state older than the stored items
        new = now[len(kept.taken):]
        reports = store.reports_by_id([rid for rid, _, _ in new])
        state = kept.state
        started = time.perf_counter()
        state.vectors = cached_vectors(store, reports)
        state.event_vectors = cached_event_vectors(store, reports, state.vectors) if state.vectors is not None else None
        changes_before = len(state.changes)
        for report in reports:
            state.add(report)
        state.vectors = state.event_vectors = None
        kept.tail_seconds += time.perf_counter() - started
        kept.taken = now
        stored_keys = store.kept_keys(story_id, ("entity", "event")) if behind else None
        items, drop = _render(kept, {"id": story_id, "title": title}, reports, changes_before, replay, stored_keys)
        blob = None
        if replay or version is None or kept.tail_seconds >= STORE_STATE * kept.dump_seconds:
            kept.tail_seconds = 0.0
            started = time.perf_counter()
            blob = _dump(kept)
            kept.dump_seconds = time.perf_counter() - started
        if store.save_kept(story_id, version, len(now), digest, blob, items, drop, replace_all=replay):
            _remember(store, story_id, (version or 0) + 1, kept)
            return Update(len(new), replay, waiting)
    return Update(0, False, waiting)


def _digest(taken: list[tuple[str, str, datetime | None]]) -> str:
    """What the state took in, and the code that made it, in 40 characters."""
    digest = hashlib.sha1(CODE.encode())
    for report_id, status, at in taken:
        digest.update(f"{report_id}\0{status}\0{at.isoformat() if at else ''}\n".encode())
    return digest.hexdigest()


# The state this process saved last, per story: the next update in the same process (an add of many files,
# the desk, a watcher) starts from it instead of reading and unpickling the stored one, as long as nobody
# else saved since (the version says so). Two stories at most: memory stays bounded.
_RECENT: OrderedDict[tuple[str, str], tuple[int, Kept]] = OrderedDict()
RECENT = 2


def _cached(store: Store, story_id: str, head) -> tuple[Kept | None, int | None]:
    """The story's state as last saved and its version (None, None: there is none): this process's copy when
    it is still current, else the stored one (None for a state of other code). The copy is handed over, not
    shared: the caller changes it, and ``_remember`` keeps it once saved."""
    found = _RECENT.pop((str(store.url), story_id), None)
    if head is None:
        return None, None
    if found is not None and found[0] == head.version and found[1].code == CODE:
        return found[1], head.version
    stored = store.kept_state(story_id)
    if stored is None:
        return None, None
    return _load(stored.state), stored.version


def _remember(store: Store, story_id: str, version: int, kept: Kept) -> None:
    _RECENT[(str(store.url), story_id)] = (version, kept)
    while len(_RECENT) > RECENT:
        _RECENT.popitem(last=False)


def update_story(store: Store, story_id: str) -> Update:
    """``update`` for a story known by its id."""
    return update(store, story_id, store.story_title(story_id))


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _render(kept: Kept, story: dict, new: list, changes_before: int, replay: bool,
            stored_keys: set[tuple[str, str]] | None = None) -> tuple[list[Item], list]:
    """The items to write after ``new`` reports were added to the state, and the items (kind, key) to drop.
    ``stored_keys``: the entity and event items stored, when the state is older than them (then every entity
    and event is written, and those stored that the state no longer has are dropped)."""
    state = kept.state
    if stored_keys is not None:
        kept.rendered = dict.fromkeys(stored_keys, "")
    reports = list(state.reports.values())
    current = [r for r in reports if state.is_current(r)]
    order = {rid: i for i, rid in enumerate(state.reports)}
    claim_ids = claim_id_map(state)
    entities, lookup = story_entities(state)
    items = [Item("story", "story", "0", _json(story_summary(story, state, reports, current)))]
    items += [Item("report", r.id, f"{order[r.id]:09d}", _json(report_dict(r, False, state))) for r in new]
    drop: list[tuple[str, str]] = []

    # figures: one item per current report; a superseded revision's go
    for report in new:
        if report.previous_id and report.previous_id in state.reports and not replay:
            drop.append(("figures", report.previous_id))
        if state.is_current(report):
            items.append(Item("figures", report.id, f"{order[report.id]:09d}",
                              _json(report_figures(report, state, claim_ids))))

    # claims: those the new reports touched, and those whose sources' story entities were renamed or regrouped
    renamed = {pair for pair, eid in lookup.entity_of.items()
               if kept.entity_of.get(pair) != eid or kept.names.get(eid) != lookup.names[eid]}
    renamed |= {pair for pair in kept.entity_of if pair not in lookup.entity_of}
    dirty = set(state.dirty) if not replay else set(range(len(state.claims)))
    for report_id in {rid for rid, _ in renamed}:
        report = state.reports.get(report_id)
        if report is not None and report.extraction is not None:
            dirty |= {state.claim_of[(report_id, i)] for i in range(len(report.extraction.mentions))
                      if (report_id, i) in state.claim_of}
    state.dirty.clear()
    kept.entity_of, kept.names = dict(lookup.entity_of), dict(lookup.names)
    for number in sorted(dirty):
        claim = state.claims[number]
        # keyed by number: two claims may share an id (one span stated twice in a report, e.g. a denial's target)
        rendered_claim = claim_dict(claim, state, lookup, claim_ids)
        items.append(Item("claim", f"{number:09d}", f"{number:09d}", _json(rendered_claim)))
        items.append(Item("claim_row", f"{number:09d}", f"{number:09d}", _json(brief(rendered_claim))))

    # entities and events: rendered whole, written where they differ from what is stored
    listed = [("entity", e["id"], f"{i:09d}", _json(e)) for i, e in enumerate(e.as_dict() for e in entities)]
    seen: dict[str, int] = {}
    for entry, sort in _event_sorts(events(state, claim_ids)):
        seen[entry["id"]] = seen.get(entry["id"], -1) + 1  # two events may start at one offset (two dates)
        listed.append(("event", f"{entry['id']}#{seen[entry['id']]}", sort, _json(entry)))
    rendered: dict[tuple[str, str], str] = {}
    for kind, key, sort, data in listed:
        digest = hashlib.sha1(f"{sort}\0{data}".encode()).hexdigest()[:16]
        rendered[(kind, key)] = digest
        if replay or kept.rendered.get((kind, key)) != digest:
            items.append(Item(kind, key, sort, data))
    drop += [pair for pair in kept.rendered if pair not in rendered and not replay]
    kept.rendered = rendered

    items += [Item("change", f"{n:09d}", f"{n:09d}", _json(change))
              for n, change in enumerate(state.changes[changes_before:], start=changes_before)]
    return _unique(items), drop


# What a table of claims shows of each (present/tables.py's claims_rows): a long story's table reads these.
BRIEF = ("id", "text", "status", "checkworthiness", "outlets", "carried_by", "supported_by", "contested_by",
         "conflicts", "withdrawn")


def brief(claim: dict) -> dict:
    """A claim as a table row shows it: no evidence, history or entities, each mention only its source's name
    (a table of a long story's claims reads a small share of the bytes)."""
    names = dict.fromkeys(m["source"]["name"] for m in claim["mentions"])
    return {**{k: claim[k] for k in BRIEF if k in claim}, "mentions": [{"source": {"name": n}} for n in names]}


def _unique(items: list[Item]) -> list[Item]:
    """The last item written for each (kind, key)."""
    return list({(it.kind, it.key): it for it in items}.values())


def _event_sorts(entries: list[dict]) -> Iterator[tuple[dict, str]]:
    """Each timeline entry with a sort key that keeps the timeline's order (undated last, then by start) and
    changes for few entries when one is inserted: the start, then the rank among entries of the same start."""
    rank: dict[str, int] = {}
    for entry in entries:
        start = (entry["range"] or [entry["time"]["value"] or ""])[0] or ""
        head = ("1" if entry["time"]["value"] is None else "0") + _digits(start)
        rank[head] = rank.get(head, -1) + 1
        yield entry, f"{head}{rank[head]:06d}"


def _digits(text: str, width: int = 40) -> str:
    """``text`` as digits that sort as the text does, whatever the database's collation: two per character,
    padded with the lowest code (a prefix sorts first, as in Python)."""
    return "".join(f"{min(99, max(1, ord(c) - 31)):02d}" for c in text[:width]).ljust(2 * width, "0")


# --- reading ------------------------------------------------------------------------------------------------

def read(store: Store, story: str, *, with_text: bool = False, parts: Iterable[str] = PARTS,
         claims_offset: int = 0, claims_limit: int | None = None, brief_claims: bool = False,
         lazy: bool = False) -> dict:
    """The story's ledger from the stored items, brought up to date first; only the lists in ``parts``
    (the others are empty), of the claims only the page asked for, and with ``brief_claims`` each claim as
    ``brief`` gives it (a table's row). ``lazy``: each list an iterator, read from the store as it is
    consumed (memory flat in the story's size; consume them before the store is closed)."""
    story_id, summary, waiting = _opened(store, story)
    ledger = {"schema_version": "1", "generated_at": _now(), "story": json.loads(summary)}
    wanted = set(parts)
    texts = _texts(store, story_id) if with_text and "reports" in wanted else None
    for part in PARTS:
        page = {"offset": claims_offset, "limit": claims_limit} if part == "claims" else {}
        kind = "claim_row" if part == "claims" and brief_claims else KIND[part]
        values = map(json.loads, _entries(store, story_id, part, waiting, texts, kind, **page)) \
            if part in wanted else iter(())
        ledger[part] = values if lazy else list(values)
    return ledger


def write_json(store: Store, story: str, out: IO[str], *, with_text: bool = False,
               decorate=lambda claim: claim) -> None:
    """Write the story's export as JSON to ``out`` item by item, never holding the whole ledger;
    ``decorate`` may change each claim on its way out (the editors' verdicts)."""
    story_id, summary, waiting = _opened(store, story)
    texts = _texts(store, story_id) if with_text else None
    out.write('{"schema_version":"1","generated_at":' + _json(_now()) + ',"story":' + summary)
    for part in PARTS:
        out.write(f',"{part}":[')
        for n, entry in enumerate(_entries(store, story_id, part, waiting, texts, KIND[part])):
            if part == "claims":
                entry = _json(decorate(json.loads(entry)))
            out.write(entry if n == 0 else "," + entry)
        out.write("]")
    out.write("}")


def _opened(store: Store, story: str) -> tuple[str, str, list[str]]:
    """The story's id, its summary (JSON) and the reports not taken in yet, once its ledger is up to date."""
    row = store.story(story)
    waiting = update(store, row.id, row.title).waiting
    summary = store.kept_item(row.id, "story", "story") or _json(_empty_summary(row.id, row.title))
    if waiting:
        summary = _json(_counting_waiting(store, row.id, json.loads(summary), store.reports_by_id(waiting)))
    return row.id, summary, waiting


def _counting_waiting(store: Store, story_id: str, summary: dict, waiting: list) -> dict:
    """The story's summary counting the reports not taken in yet too, as a replay of every stored report
    would: each its own outlet's until the ledger takes it in and finds whether it copies another."""
    outlets = {json.loads(data)["outlet"] for data in store.iter_kept_items(story_id, "report")}
    new = {r.outlet for r in waiting} - outlets
    times = [t for t in (summary["first_seen"], summary["last_updated"], *map(report_time, waiting)) if t]
    return {**summary, "report_count": summary["report_count"] + len(waiting),
            "outlet_count": summary["outlet_count"] + len(new),
            "independent_outlet_count": summary["independent_outlet_count"] + len(new),
            "first_seen": min(times) if times else None, "last_updated": max(times) if times else None}


def _entries(store: Store, story_id: str, part: str, waiting: list[str], texts: dict[str, str] | None,
             kind: str, **page) -> Iterator[str]:
    """The entries of one list of the export, as JSON texts, read from the stored items a page at a time:
    figures stored per report are listed one by one, reports not taken in yet follow the others, and
    ``texts`` (when given) go into the reports."""
    stored = store.iter_kept_items(story_id, kind, **page)
    if part == "reports":
        stored = chain(stored, (_json(pending_report_dict(r)) for r in store.reports_by_id(waiting)))
    for data in stored:
        if part == "figures":
            yield from (_json(figure) for figure in json.loads(data))
        elif part == "reports" and texts is not None:
            report = json.loads(data)
            yield _json({**report, "text": texts.get(report["id"], "")})
        else:
            yield data


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _texts(store: Store, story_id: str) -> dict[str, str]:
    return store.report_texts_of(story_id)


def _empty_summary(story_id: str, title: str) -> dict:
    return {"id": story_id, "title": title, "developing": False, "first_seen": None, "last_updated": None,
            "report_count": 0, "outlet_count": 0, "independent_outlet_count": 0}
