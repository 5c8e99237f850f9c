"""Conflicts between independent outlets: different figures for the same count, different dates for the
same event.

A figure counts something: its unit ("people", "tonnes") and, for tolls, what happened to them (killed,
injured, missing, evacuated, arrested), read from the words nearest the figure in its clause. Two figures
with the same key conflict when their ranges do not meet and their reports, from independent outlets,
speak within ``CONFLICT_WINDOW`` of each other (a toll that rises over a day is news, not a conflict; a
revision of the same article changing its figure is a ``figure_changed``, found elsewhere). Figures
without a toll word need the same unit and much the same sentence. Two events are the same when their
descriptions, time words aside, share most of their content words; they conflict when their dates differ
at the precision both give. Plain records in, plain records out; indexes keep each lookup to the few
entries that share a key or a word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from ..extract.figure_values import value_range
from ..link.claims import content_key
from ..model import Event, Figure
from .since import parse_time
from .text import sentence_around, short

CONFLICT_WINDOW = timedelta(hours=6)
SAME_SENTENCE = 0.5  # Jaccard of sentence words for figures without a toll word
SAME_EVENT = 0.5  # Jaccard of description words for events
NEAR = 8  # words either side of a figure searched for its toll word
MAX_POSTING = 200

TOLLS = {
    "killed": "killed", "kill": "killed", "kills": "killed", "dead": "killed", "died": "killed", "die": "killed",
    "dying": "killed", "death": "killed", "deaths": "killed", "fatalities": "killed", "toll": "killed",
    "lives": "killed", "bodies": "killed", "perished": "killed",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured", "hurt": "injured",
    "injuries": "injured",
    "missing": "missing", "unaccounted": "missing",
    "evacuated": "evacuated", "displaced": "evacuated", "evacuees": "evacuated", "homeless": "evacuated",
    "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
}
PEOPLE = frozenset({"people", "persons", "person", "residents", "civilians", "individuals", "victims"})
INCREMENT = re.compile(r"\b(?:more|another|additional|further|other)\b(?! than)", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+")
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday tomorrow tonight morning afternoon evening night early
    late overnight hour hours day days week weeks month year midnight noon local time earlier later""".split()
)
SPEECH = frozenset("""said says told announced stated added confirmed denied claimed reported warned wrote
    insisted acknowledged admitted""".split())
PREFIX = {"year": 4, "month": 7, "day": 10, "part-of-day": 10, "hour": 10, "minute": 10}


@dataclass(frozen=True)
class Side:
    """One side of a conflict: a figure or a date as one report gives it."""

    report: Any  # a ReportLike
    text: str
    claim: int | None  # the claim number holding it, if any
    outlet: str


@dataclass(frozen=True)
class Conflict:
    kind: str  # "figure_conflict" or "date_conflict"
    about: str  # what is counted, or the event
    new: Side  # from the report that raised the conflict
    old: Side


@dataclass(frozen=True)
class _FigureEntry:
    side: Side
    origin: str
    at: str | None
    low: float
    high: float
    context: frozenset[str]


@dataclass(frozen=True)
class _EventEntry:
    side: Side
    origin: str
    words: frozenset[str]
    names: frozenset[str]
    value: str
    precision: str


def count_key(text: str, figure: Figure) -> tuple[str, str | None] | None:
    """(unit, toll) saying what a figure counts, or None when it counts nothing comparable (no unit and no
    toll word, or an increment such as "three more people")."""
    if INCREMENT.search(figure.text):
        return None
    before = WORD.findall(text[max(0, figure.start - 80):figure.start].lower())[-NEAR:]
    after = WORD.findall(text[figure.end:figure.end + 80].lower())[:NEAR]
    clause_before = _clause(before, reverse=True)
    clause_after = _clause(after, reverse=False)
    tolls = [(i, TOLLS[w]) for i, w in enumerate(clause_after) if w in TOLLS]
    tolls += [(i + 0.5, TOLLS[w]) for i, w in enumerate(reversed(clause_before)) if w in TOLLS]
    toll = min(tolls)[1] if tolls else None
    unit = " ".join(w for w in WORD.findall((figure.unit or "").lower()) if w not in {"more", "other", "additional"})
    if unit in TOLLS:  # "12 dead", "40 wounded"
        unit, toll = "people", TOLLS[unit]
    if unit in PEOPLE or (not unit and toll):
        unit = "people"
    return (unit, toll) if unit else None


def _clause(words: list[str], reverse: bool) -> list[str]:
    """Words up to a clause break word ("and", "while", "but"), read away from the figure."""
    seq = list(reversed(words)) if reverse else words
    for i, w in enumerate(seq):
        if w in {"and", "but", "while", "whereas", "after", "as"}:
            seq = seq[:i]
            break
    return list(reversed(seq)) if reverse else seq


def dates_differ(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """True when two (value, precision) dates disagree at the coarser precision of the two."""
    width = min(PREFIX[a[1]], PREFIX[b[1]])
    return a[0][:width] != b[0][:width]


def statement_date(event: Event) -> bool:
    """True when the event's time dates a statement about it ("said on Friday that …"), not the event."""
    at = event.description.find(event.time.text) if event.time.text else -1
    return at > 0 and any(w.lower() in SPEECH for w in WORD.findall(event.description[:at])[-3:])


def event_words(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """(what happened, who or where): an event description's common content words and its names (words
    capitalised inside it), its time words and numbers left out."""
    description = event.description.replace(event.time.text, " ") if event.time.text else event.description
    tokens = WORD.findall(description)
    names = frozenset(t.lower() for i, t in enumerate(tokens) if i and t[0].isupper())
    words = content_key(" ".join(t for t in tokens if t.lower() not in names)).words
    return frozenset(w for w in words if w not in TIME_WORDS and w.rstrip("s") not in TIME_WORDS), names - TIME_WORDS


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the words of two sets that both hold (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _close_in_time(a: str | None, b: str | None, window: timedelta) -> bool:
    if a is None or b is None:
        return True
    try:
        return abs(parse_time(a) - parse_time(b)) <= window
    except ValueError:
        return True


@dataclass
class ConflictIndex:
    """Figures and dated events seen so far, by what they count and by their words."""

    window: timedelta = CONFLICT_WINDOW
    # what a figure counts → report id → that report's figures of it
    figures: dict[tuple[str, str | None], dict[str, list[_FigureEntry]]] = field(
        default_factory=lambda: defaultdict(dict))
    events: dict[str, list[_EventEntry]] = field(default_factory=lambda: defaultdict(list))
    by_report: dict[str, list[_EventEntry]] = field(default_factory=dict)  # report id → its dated events

    def add(self, report: Any, origin: str, outlet: str, at: str | None,
            claim_at: Callable[[Any, int], int | None], is_current: Callable[[Any], bool]) -> list[Conflict]:
        """Index a report's figures and events; return its conflicts with current reports of other origins.

        ``claim_at(report, offset)`` gives the claim number holding that offset of the report, or None;
        ``is_current(report)`` whether a report is still its article's latest revision."""
        if report.extraction is None:
            return []
        return (self._figure_conflicts(report, origin, outlet, at, claim_at, is_current)
                + self._date_conflicts(report, origin, outlet, claim_at, is_current))

    def _figure_conflicts(self, report: Any, origin: str, outlet: str, at: str | None,
                          claim_at: Callable[[Any, int], int | None],
                          is_current: Callable[[Any], bool]) -> list[Conflict]:
        text = report.text
        entries: dict[tuple[str, str | None], list[_FigureEntry]] = defaultdict(list)
        for figure in report.extraction.figures:
            key = count_key(text, figure)
            if key is not None:
                low, high = value_range(figure)
                context = content_key(sentence_around(text, figure.start)).words - {key[0]}
                entries[key].append(_FigureEntry(Side(report, figure.text, claim_at(report, figure.start), outlet),
                                                 origin, at, low, high, context))
        found = []
        for key, mine in entries.items():
            by_report = self.figures[key]
            for report_id in [r for r, group in by_report.items() if not is_current(group[0].side.report)]:
                del by_report[report_id]  # superseded revisions conflict with nothing any more
            for group in by_report.values():
                if group[0].origin == origin or not _close_in_time(group[0].at, at, self.window):
                    continue
                found += [Conflict("figure_conflict", " ".join(w for w in key if w), entry.side, other.side)
                          for entry in mine for other in group
                          if not _meet(other, mine) and not _meet(entry, group)
                          and (key[1] is not None or jaccard(other.context, entry.context) >= SAME_SENTENCE)]
            by_report[report.id] = mine
        return found

    def _date_conflicts(self, report: Any, origin: str, outlet: str, claim_at: Callable[[Any, int], int | None],
                        is_current: Callable[[Any], bool]) -> list[Conflict]:
        dated = []
        for event in report.extraction.events:
            if event.time.value and event.time.precision in PREFIX and not statement_date(event):
                words, names = event_words(event)
                if len(words) >= 2:
                    side = Side(report, event.time.text, claim_at(report, event.start), outlet)
                    dated.append((event, _EventEntry(side, origin, words, names, event.time.value,
                                                     event.time.precision)))
        mine = [entry for _, entry in dated]
        found = []
        for event, entry in dated:
            for other in self._event_candidates(entry):
                if (other.origin != origin and is_current(other.side.report) and _same_event(entry, other)
                        and not _dated_alike(other, mine)
                        and not _dated_alike(entry, self.by_report[other.side.report.id])):
                    found.append(Conflict("date_conflict", short(event.description, 80), entry.side, other.side))
        for entry in mine:
            for word in entry.words:
                self.events[word].append(entry)
        self.by_report[report.id] = mine
        return found

    def _event_candidates(self, entry: _EventEntry) -> list[_EventEntry]:
        """Earlier events sharing a not too common word with this one."""
        seen: dict[int, _EventEntry] = {}
        for word in entry.words:
            posting = self.events[word]
            if len(posting) <= MAX_POSTING:
                seen.update((id(e), e) for e in posting)
        return list(seen.values())


def _same_event(a: _EventEntry, b: _EventEntry) -> bool:
    """Much the same happening, and no names that tell them apart."""
    return jaccard(a.words, b.words) >= SAME_EVENT and (not a.names or not b.names or bool(a.names & b.names))


def _dated_alike(entry: _EventEntry, others: list[_EventEntry]) -> bool:
    """True when one of a report's events is this same event on this entry's date: that report gives this
    date too (often a statement's date beside the date of what it states)."""
    return any(_same_event(entry, o) and not dates_differ((o.value, o.precision), (entry.value, entry.precision))
               for o in others)


def _meet(entry: _FigureEntry, others: list[_FigureEntry]) -> bool:
    """True when any of a report's figures allows this entry's value: a report that gives both the old and
    the new toll ("40, up from 12") knows of the difference."""
    return any(not (o.high < entry.low or entry.high < o.low) for o in others)
