"""Conversion between store rows and storyline's records (``storyline.model``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..model import Entity, Event, Extraction, Figure, Mention, Source, TimeValue

Row = Mapping[str, Any]


@dataclass
class ReportRecord:
    """One stored report (one version of one article), with its extraction once there is one."""

    id: str
    story_id: str
    location: str
    url: str | None
    outlet: str
    title: str | None
    author: str | None
    published_at: str | None
    published_from: str | None
    fetched_at: datetime
    version: int
    previous_id: str | None
    sha256: str
    content_type: str
    text: str
    developing: bool
    language: str | None
    word_count: int
    extraction_status: str  # "pending", "ok" or "failed"
    extraction_error: str | None
    extracted_at: datetime | None
    raw: bytes | None = None  # only when asked for
    extraction: Extraction | None = None


REPORT_FIELDS = tuple(f for f in ReportRecord.__dataclass_fields__ if f not in ("raw", "extraction"))


def report_record(row: Row, extraction: Extraction | None = None) -> ReportRecord:
    """A ``ReportRecord`` from a ``reports`` row (``raw`` kept when the row has it)."""
    values = {f: row[f] for f in REPORT_FIELDS}
    raw = row.get("raw")
    return ReportRecord(**values, raw=bytes(raw) if raw is not None else None, extraction=extraction)


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None else (start, end)


def _split(pair: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (None, None) if pair is None else (pair[0], pair[1])


def mention_row(m: Mention) -> dict[str, Any]:
    source_start, source_end = _split(m.source.span)
    sentence_start, sentence_end = _split(m.sentence)
    cue_start, cue_end = _split(m.cue_span)
    flagged_start, flagged_end = _split(m.flagged_by)
    return {
        "start": m.start, "end": m.end, "text": m.text,
        "source_name": m.source.name, "source_kind": m.source.kind,
        "source_start": source_start, "source_end": source_end,
        "source_role": m.source.role, "source_entity": m.source.entity,
        "cue": m.cue, "form": m.form, "status": m.status, "hedges": list(m.hedges),
        "sentence_start": sentence_start, "sentence_end": sentence_end,
        "cue_start": cue_start, "cue_end": cue_end,
        "contests": m.contests, "relation": m.relation, "also_contests": list(m.also_contests),
        "outlet_disputes": m.outlet_disputes,
        "flagged_start": flagged_start, "flagged_end": flagged_end,
        "factuality": m.factuality, "checkworthiness": m.checkworthiness,
    }


def mention_from_row(r: Row) -> Mention:
    source = Source(
        name=r["source_name"], kind=r["source_kind"], span=_pair(r["source_start"], r["source_end"]),
        role=r["source_role"], entity=r["source_entity"],
    )
    return Mention(
        start=r["start"], end=r["end"], text=r["text"], source=source, cue=r["cue"], form=r["form"],
        status=r["status"], hedges=list(r["hedges"]),
        sentence=_pair(r["sentence_start"], r["sentence_end"]),
        cue_span=_pair(r["cue_start"], r["cue_end"]),
        contests=r["contests"], relation=r["relation"], also_contests=list(r.get("also_contests") or ()),
        outlet_disputes=bool(r.get("outlet_disputes")),
        flagged_by=_pair(r["flagged_start"], r["flagged_end"]),
        factuality=r["factuality"], checkworthiness=r["checkworthiness"],
    )


def entity_row(e: Entity) -> dict[str, Any]:
    return {
        "key": e.key, "name": e.name, "type": e.type, "aliases": list(e.aliases),
        "roles": list(e.roles), "spans": [[s, t] for s, t in e.spans],
    }


def entity_from_row(r: Row) -> Entity:
    return Entity(
        key=r["key"], name=r["name"], type=r["type"], aliases=list(r["aliases"]), roles=list(r["roles"]),
        spans=[(s, t) for s, t in r["spans"]],
    )


def figure_row(f: Figure) -> dict[str, Any]:
    return {
        "text": f.text, "low": f.low, "high": f.high, "unit": f.unit, "start": f.start, "end": f.end,
        "qualifier": f.qualifier,
    }


def figure_from_row(r: Row) -> Figure:
    return Figure(
        text=r["text"], low=r["low"], high=r["high"], unit=r["unit"], start=r["start"], end=r["end"],
        qualifier=r["qualifier"],
    )


def time_row(t: TimeValue, prefix: str = "") -> dict[str, Any]:
    return {
        f"{prefix}value": t.value, f"{prefix}precision": t.precision, f"{prefix}text": t.text,
        f"{prefix}start": t.start, f"{prefix}end": t.end, f"{prefix}part_of_day": t.part_of_day,
        f"{prefix}type": t.type,
    }


def time_from_row(r: Row, prefix: str = "") -> TimeValue:
    return TimeValue(
        value=r[f"{prefix}value"], precision=r[f"{prefix}precision"], text=r[f"{prefix}text"],
        start=r[f"{prefix}start"], end=r[f"{prefix}end"], part_of_day=r[f"{prefix}part_of_day"],
        type=r[f"{prefix}type"] or "DATE",
    )


def event_row(e: Event) -> dict[str, Any]:
    return {
        **time_row(e.time, "time_"), "description": e.description, "start": e.start, "end": e.end,
        "actors": list(e.actors), "place": e.place, "status": e.status, "mention": e.mention,
        "factuality": e.factuality,
    }


def event_from_row(r: Row) -> Event:
    return Event(
        time=time_from_row(r, "time_"), description=r["description"], start=r["start"], end=r["end"],
        actors=list(r["actors"]), place=r["place"], status=r["status"], mention=r["mention"],
        factuality=r["factuality"],
    )


def extraction_rows(report_id: str, ext: Extraction) -> dict[str, list[dict[str, Any]]]:
    """Rows for every record table, keyed by table name, each with ``report_id`` and ``idx``."""
    lists = {
        "mentions": map(mention_row, ext.mentions),
        "entities": map(entity_row, ext.entities),
        "figures": map(figure_row, ext.figures),
        "events": map(event_row, ext.events),
        "times": map(time_row, ext.times),
    }
    return {
        name: [{"report_id": report_id, "idx": i, **row} for i, row in enumerate(rows)]
        for name, rows in lists.items()
    }


def extraction_from_rows(
    tables: Mapping[str, Iterable[Row]], developing: bool, language: str | None
) -> Extraction:
    """An ``Extraction`` from rows of each record table, each already in ``idx`` order."""
    return Extraction(
        mentions=[mention_from_row(r) for r in tables.get("mentions", ())],
        entities=[entity_from_row(r) for r in tables.get("entities", ())],
        figures=[figure_from_row(r) for r in tables.get("figures", ())],
        events=[event_from_row(r) for r in tables.get("events", ())],
        times=[time_from_row(r) for r in tables.get("times", ())],
        developing=developing,
        language=language,
    )
