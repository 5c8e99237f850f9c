"""The story's timeline: events from the current reports, the same event from several outlets merged, each
carrying the status of the claims it rests on, and vague times shown as the range they cover.

Two events are the same when their times are compatible (one falls within the other's range, or two vague
parts of a day overlap: "Monday evening" and "late on Monday") and they share enough of their description's
content words (lightly stemmed: "passenger"/"passengers"), half as many when they share an actor too, or an
actor and the place. An event that sits in a claim takes
that claim's story-level status (a strike one party claims and another disputes is "disputed", not a fact);
an event in the outlet's own voice keeps its report status.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ..link.claims import stem
from ..model import Event

SAME_WORDS = 0.34  # Jaccard of description content words above which two compatible events are one
VAGUE_HOURS = 2.0  # spans at least this long ("evening", a day) are vague: overlapping ones are compatible
STOP = frozenset("""a an the of in on at to for from by with and or but was were is are be been has have had
its it their his her this that these those as after before about into over than then there""".split())
_WORD = re.compile(r"[a-z0-9]+")

# the hours a part of day covers
PARTS_OF_DAY = {
    "early hours": (0, 6), "overnight": (0, 6), "night": (0, 6), "dawn": (4, 7), "morning": (6, 12),
    "midday": (11, 14), "noon": (11, 14), "afternoon": (12, 18), "evening": (17, 22), "late": (20, 24),
}


def time_range(value: str | None, precision: str, part_of_day: str | None = None) -> tuple[str, str] | None:
    """The span of time an expression covers, as ISO start and end (end exclusive), or None when unknown."""
    if not value or precision == "unknown":
        return None
    try:
        if precision in ("minute", "hour"):
            start = datetime.fromisoformat(value)
            return start.isoformat(), (start + timedelta(minutes=1 if precision == "minute" else 60)).isoformat()
        day = date.fromisoformat(value[:10]) if len(value) >= 10 else None
        if precision == "part-of-day" and day is not None:
            first, last = _part_hours(part_of_day)
            base = datetime(day.year, day.month, day.day)
            return (base + timedelta(hours=first)).isoformat(), (base + timedelta(hours=last)).isoformat()
        if precision == "day" and day is not None:
            return day.isoformat(), (day + timedelta(days=1)).isoformat()
        if precision == "week" and day is not None:
            monday = day - timedelta(days=day.weekday())
            return monday.isoformat(), (monday + timedelta(days=7)).isoformat()
        year = int(value[:4])
        if precision == "month":
            month = int(value[5:7])
            last_day = calendar.monthrange(year, month)[1]
            return date(year, month, 1).isoformat(), (date(year, month, last_day) + timedelta(days=1)).isoformat()
        if precision == "year":
            return date(year, 1, 1).isoformat(), date(year + 1, 1, 1).isoformat()
    except ValueError:
        return None
    return None


def _part_hours(part_of_day: str | None) -> tuple[int, int]:
    text = (part_of_day or "").lower()
    for name, hours in PARTS_OF_DAY.items():
        if name in text:
            return hours
    return 0, 24


@dataclass
class TimelineEvent:
    """One happening on the timeline, gathered from one or more reports."""

    first: Event
    report: str
    range: tuple[str, str] | None
    words: set[str]
    reports: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)


def content_words(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOP and len(w) > 2}


def _compatible(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Both times known and one within the other (a day holds its hours; an hour does not hold another), or
    both vague (a part of a day or longer) and overlapping: "evening" and "late" say the same night."""
    if a is None or b is None:
        return False
    (a0, a1), (b0, b1) = (_aligned(a), _aligned(b))
    if (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1):
        return True
    return a0 < b1 and b0 < a1 and _hours(a0, a1) >= VAGUE_HOURS and _hours(b0, b1) >= VAGUE_HOURS


def _hours(start: str, end: str) -> float:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() / 3600


def _aligned(span: tuple[str, str]) -> tuple[str, str]:
    """ISO bounds comparable as strings: dates become midnight date-times, zones are dropped."""
    return tuple(s[:19] if "T" in s else s + "T00:00:00" for s in span)  # type: ignore[return-value]


def _day(span: tuple[str, str] | None) -> str | None:
    """The day a span of at most one day falls on (its start's date), or None for longer or unknown spans."""
    if span is None:
        return None
    start, end = _aligned(span)
    return start[:10] if end <= (datetime.fromisoformat(start[:10]) + timedelta(days=1)).isoformat() else None


def _same(event: TimelineEvent, other: Event, words: set[str], span) -> bool:
    if not _compatible(event.range, span):
        return False
    first = event.first
    actor = bool(set(first.actors) & set(other.actors))
    union = event.words | words
    if union and len(event.words & words) / len(union) >= (SAME_WORDS / 2 if actor else SAME_WORDS):
        return True
    return actor and first.place is not None and first.place == other.place


def build_timeline(reports: list[Any], claim_of: dict, claim_status: dict[int, str | None],
                   claim_ids: dict[int, str]) -> list[dict]:
    """Timeline entries, earliest first, from the current reports' events.

    ``claim_of`` maps (report id, mention index) to a claim number, ``claim_status`` a claim number to its
    story-level status, ``claim_ids`` a claim number to its exported id.
    """
    merged: list[TimelineEvent] = []
    by_day: dict[str, list[TimelineEvent]] = {}  # events of a day or less, by their day: the blocking key
    coarse: list[TimelineEvent] = []  # events spanning more than a day ("this week", "in March")
    for report in reports:
        for event in report.extraction.events if report.extraction else []:
            span = time_range(event.time.value, event.time.precision, event.time.part_of_day)
            words = content_words(event.description)
            claim = claim_of.get((report.id, event.mention)) if event.mention is not None else None
            day = _day(span)
            candidates = merged if span is not None and day is None else by_day.get(day, []) + coarse
            target = next((m for m in candidates if _same(m, event, words, span)), None)
            if target is None:
                target = TimelineEvent(event, report.id, span, words)
                merged.append(target)
                if span is not None:
                    (coarse if day is None else by_day.setdefault(day, [])).append(target)
            else:
                target.words |= words
            target.reports.append(report.id)
            if report.outlet not in target.outlets:
                target.outlets.append(report.outlet)
            if claim is not None and claim not in target.claims:
                target.claims.append(claim)
            target.statuses.append(event.status)
    entries = [_entry(m, claim_status, claim_ids) for m in merged]
    entries.sort(key=lambda e: (e["time"]["value"] is None, (e["range"] or [e["time"]["value"] or ""])[0]))
    return entries


def _entry(event: TimelineEvent, claim_status: dict[int, str | None], claim_ids: dict[int, str]) -> dict:
    first = event.first
    statuses = [claim_status.get(c) for c in event.claims if claim_status.get(c)]
    return {
        "id": f"ev-{event.report}-{first.start}",
        "time": {"value": first.time.value, "precision": first.time.precision, "text": first.time.text,
                 "part_of_day": first.time.part_of_day, "type": first.time.type},
        "range": list(event.range) if event.range else None,
        "description": first.description,
        "actors": first.actors,
        "place": first.place,
        "claims": [claim_ids[c] for c in event.claims],
        "report": event.report,
        "reports": event.reports,
        "outlets": len(event.outlets),
        "status": statuses[0] if statuses else first.status,
        "factuality": first.factuality,
    }
