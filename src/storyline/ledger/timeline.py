"""The story's timeline: events from the current reports, the same event from several outlets merged, each
carrying the status of the claims it rests on, and vague times shown as the range they cover.

Two events are the same when their times are compatible (one falls within the other's range, or two vague
parts of a day overlap: "Monday evening" and "late on Monday") and they share enough of their description's
content words (lightly stemmed: "passenger"/"passengers"), half as many when they share an actor too, or an
actor and the place. An event that sits in a claim takes
that claim's story-level status (a strike one party claims and another disputes is "disputed", not a fact),
except that a happening the report's own asserted sentence only hopes for stays hypothetical, and a named speaker's
statement dated by its speech verb is reported when what was said is hypothetical (the saying happened); an event
in the outlet's own voice keeps its report status.

Merging is greedy: each event, in the order the reports came, joins the earlier group it matches best (the
highest Jaccard of words; the earliest such group on a tie). Joining the first match instead let a story's
first broad entry ("earthquake jolts the south", at 09:00) take every later report of that day, while a
closer entry ("an earthquake hit the south", the same day) stayed apart: one happening, two entries
(ECB+ train topics: merged-pair precision 0.368 → 0.430, see ``storyline eval timeline``). Best match alone
still leaves one happening as two entries when they were opened apart (a stamped headline, the lead's
wording of the same fire) and a later event shares SAME_WORDS with each: that event folds them into one.
Events told in other words ("fire"/"blaze") that no entry matches on words join the entry at a compatible
time whose first description is closest in meaning, when the two descriptions' sentence vectors are close
enough (``_by_meaning``; only with the embeddings installed, and vectors given to ``add``). Before meaning, a
named speaker's statement dated by its speech verb ("Ruiz said on Tuesday that …") that no entry matches on
words joins the entry opened by the same speaker's statement on the same day at a compatible time, in the
same setting if any is named (``_by_speaker``, ``statements.py``): outlets tell one statement by what was
said, in different words. A statement told as a noun with its holder and day ("Ruiz's statement on Tuesday")
counts as that speaker's statement too (``statements.noun_statement``).
``TimelineIndex`` keeps that result report by report (a kept ledger adds a report, takes out the revision it
supersedes) and finds the groups to try from an index of times and words, not by scanning them all;
``build_timeline`` is the same index filled at once.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from ..link.claims import stem
from ..link.restatement import same_speaker
from ..model import Event
from .statements import noun_statement, statement_setting, statement_speaker

SAME_WORDS = 0.34  # Jaccard of description content words above which two compatible events are one
BRIDGE_HOURS = 36.0  # an event folds entries (``_fold``) only when dated to a day or a night, not vaguer
# cosine of two descriptions' sentence vectors from which compatible events no entry matched on words are one
# (fitted on ECB+ train topics: see ``_by_meaning``)
SAME_MEANING = 0.65
VAGUE_HOURS = 2.0  # spans at least this long ("evening", a day) are vague: overlapping ones are compatible
STOP = frozenset("""a an the of in on at to for from by with and or but was were is are be been has have had
its it their his her this that these those as after before about into over than then there""".split())
_WORD = re.compile(r"[a-z0-9]+")

# the hours a part of day covers (past 24: into the next day). A day's "night" ("Saturday night", "tonight",
# "last night") is its evening and the hours after midnight, not the early hours before its morning: read as
# 0–6 it kept "Saturday night" apart from a 10 p.m. stamp of the same happening.
PARTS_OF_DAY = {
    "early hours": (0, 6), "overnight": (0, 6), "night": (18, 30), "dawn": (4, 7), "morning": (6, 12),
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
    statement: bool = False  # a named speaker's statement dated by its speech verb ("Ruiz said on Tuesday …")


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


def _same(event: TimelineEvent | _Group, other: Event, words: set[str] | frozenset[str], span) -> bool:
    if not _compatible(event.range, span):
        return False
    first = event.first
    actor = bool(set(first.actors) & set(other.actors))
    union = event.words | words
    if union and len(event.words & words) / len(union) >= (SAME_WORDS / 2 if actor else SAME_WORDS):
        return True
    return actor and first.place is not None and first.place == other.place


def _score(words: set[str] | frozenset[str], other: set[str] | frozenset[str]) -> float:
    """How well two matching events agree: the Jaccard of their words, to pick the best of several matches."""
    union = words | other
    return len(words & other) / len(union) if union else 0.0


@dataclass
class _Item:
    """One event of one added report, with what merging reads worked out once."""

    seq: int  # the order events reached the index: merging is greedy, so this order decides the groups
    report: str
    outlet: str
    event: Event
    span: tuple[str, str] | None
    words: frozenset[str]
    day: str | None  # ``_day(span)``: a day-or-less event is first matched against its own day's groups
    # its description's unit sentence vector, when embeddings are installed; half precision, as the kept ledger
    # pickles it with the index (768 bytes an event; cosines move by about 0.001)
    vector: np.ndarray | None = None
    speaker: frozenset[str] | None = None  # a named speaker's statement dated by its speech verb: who spoke
    setting: frozenset[str] = frozenset()  # and where or through what, when the description names it ("rally")


@dataclass
class _Group:
    """One merged happening while it is being built: its first event fixes its time, actors and place, its
    words grow with every event merged in."""

    seq: int  # its first event's ``seq``: the order groups were opened, which the greedy rule scans in
    first: Event
    range: tuple[str, str] | None
    words: set[str]
    day: str | None
    actors: frozenset[str]
    keys: list[tuple[str, str]] = field(default_factory=list)  # the time buckets it is filed under
    filed: dict[str, str] = field(default_factory=dict)  # its words looked up by, each to "w1" or "w2"
    members: list[int] = field(default_factory=list)  # its events' ``seq``, in merge order
    vector: np.ndarray | None = None  # its first event's description vector: what the entry shows
    speaker: frozenset[str] | None = None  # its first event's speaker when that event is a statement
    setting: frozenset[str] = frozenset()  # that statement's setting (``statements.statement_setting``)


@dataclass
class TimelineIndex:
    """The timeline kept report by report: ``add`` merges one report's events, ``remove`` takes a superseded
    report's out, ``entries`` renders what ``build_timeline`` gives for the reports held, in the order added.

    Why an index: comparing each event with every earlier one grows with the square of the story. Two events
    can only be the same when their times overlap and they share a content word or an actor, so groups are
    filed under (time bucket, word) and (time bucket, actor, place), and an event is compared only with the
    groups those keys give, in the order the greedy rule scans them, so the result is the one of the scan.
    Time buckets are days for groups of one or two days, months for weeks and months, years for longer ones,
    so a vague "in March" or "last year" is found from any day it covers. Words are taken in one fixed order
    (the latest first seen first, so a story's everyday words come last); a match shares at least so many
    words of each side that its first shared word lies in the leading part of both, so groups are filed under,
    and events look up, only those leading words (prefix filtering). A group with far more words than the
    event cannot reach the threshold and is skipped before the rule is tried.

    Merging is greedy (an event joins the group it matches best), so taking a report out can change how
    later events merge. ``remove`` re-merges, in their first order, the events whose times chain with the
    removed ones by overlap: events outside that block can never share a group with them.

    A plain dataclass of dicts, sets and model records, so a kept ledger pickles it as it is.
    """

    items: dict[int, _Item] = field(default_factory=dict)
    by_report: dict[str, list[int]] = field(default_factory=dict)
    groups: dict[int, _Group] = field(default_factory=dict)
    group_of: dict[int, int] = field(default_factory=dict)  # event seq → its group's seq
    # (level, bucket, "w1" or "w2", word) or (level, bucket, "a", actor, place) → the groups filed under it
    postings: dict[tuple, set[int]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)  # word → when first seen: the fixed order (kept)
    days: dict[str, int] = field(default_factory=dict)  # day bucket → groups filed under it
    next_seq: int = 0
    comparisons: int = 0  # pairs of event and group tested with the merge rule (for measuring)
    probes: int = 0  # index entries looked at to find them (for measuring)

    def add(self, report: Any, vectors: list[np.ndarray | None] | None = None) -> None:
        """Merge the events of one current report (``.id``, ``.outlet``, ``.extraction.events``); ``vectors``,
        one per event (or None), let events told in other words join by meaning (``_by_meaning``)."""
        seqs = self.by_report.setdefault(report.id, [])
        for n, event in enumerate(report.extraction.events if report.extraction else []):
            span = time_range(event.time.value, event.time.precision, event.time.part_of_day)
            vector = vectors[n] if vectors is not None else None
            item = _Item(self.next_seq, report.id, report.outlet, event, span,
                         frozenset(content_words(event.description)), _day(span),
                         None if vector is None else np.asarray(vector, dtype=np.float16),
                         statement_speaker(event, report.extraction))
            if item.speaker is not None:
                item.setting = statement_setting(event, report.extraction)
            elif (noun := noun_statement(event)) is not None:
                item.speaker, item.setting = noun
            for word in sorted(item.words):
                self.order.setdefault(word, len(self.order))
            self.next_seq += 1
            self.items[item.seq] = item
            seqs.append(item.seq)
            self._place(item)

    def remove(self, report_id: str) -> None:
        """Take out the events of a report that is no longer current, re-merging the block(s) they sat in."""
        removed = set(self.by_report.pop(report_id, []))
        if not removed:
            return
        block = self._blocks_of(removed)
        for gseq in {self.group_of[s] for s in block}:
            self._drop(self.groups[gseq])
        for seq in block:
            del self.group_of[seq]
        for seq in removed:
            del self.items[seq]
        for seq in sorted(block - removed):
            self._place(self.items[seq])

    def entries(self, claim_of: dict, claim_status: dict[int, str | None], claim_ids: dict[int, str]) -> list[dict]:
        """Timeline entries, earliest first (see ``build_timeline``)."""
        merged = []
        for group in sorted(self.groups.values(), key=lambda g: g.seq):
            members = [self.items[s] for s in group.members]
            rendered = TimelineEvent(group.first, members[0].report, group.range, group.words,
                                     reports=[m.report for m in members], statuses=[m.event.status for m in members])
            for m in members:
                if m.outlet not in rendered.outlets:
                    rendered.outlets.append(m.outlet)
                claim = claim_of.get((m.report, m.event.mention)) if m.event.mention is not None else None
                if claim is not None and claim not in rendered.claims:
                    rendered.claims.append(claim)
            rendered.statement = group.speaker is not None
            merged.append(rendered)
        entries = [_entry(m, claim_status, claim_ids) for m in merged]
        entries.sort(key=lambda e: (e["time"]["value"] is None, (e["range"] or [e["time"]["value"] or ""])[0]))
        return entries

    def _place(self, item: _Item) -> None:
        """Merge one event into the group it matches best (``_score``), the first in the greedy scan's order
        on a tie: a day-or-less event tries its own day's groups, then the longer ones; a longer event tries
        all groups."""
        target, best = None, -1.0
        bridged: list[_Group] = []  # the groups this event tells on its words alone (see ``bridges``)
        for gseq in self._candidates(item):
            group = self.groups[gseq]
            self.comparisons += 1
            if _same(group, item.event, item.words, item.span):
                score = _score(group.words, item.words)
                if score >= SAME_WORDS:
                    bridged.append(group)
                if score > best:
                    target, best = group, score
        if target is None and item.speaker is not None:
            target = self._by_speaker(item)
        if target is None and item.vector is not None:
            target = self._by_meaning(item)
        if target is None:
            target = _Group(item.seq, item.event, item.span, set(item.words), item.day, frozenset(item.event.actors),
                            vector=item.vector, speaker=item.speaker, setting=item.setting)
            self.groups[target.seq] = target
            self._file(target)
        else:
            self._grow(target, item.words)
        target.members.append(item.seq)
        self.group_of[item.seq] = target.seq
        if len(bridged) > 1 and _hours(*_aligned(item.span)) <= BRIDGE_HOURS:
            self._fold(bridged)

    def _by_speaker(self, item: _Item) -> _Group | None:
        """The earliest group opened by the same speaker's statement on the same day at a compatible time and
        in the same setting, for a statement no group matched on words (``statements``): "Ruiz said on Tuesday
        that …" and "Ruiz announced Tuesday that …" are one statement told twice. Times stay as strict as for
        words (a morning briefing and an evening rally of one speaker stay two), and a setting named on one
        side only ("said at a Tuesday rally") leaves open which of the day's appearances the other tells: on
        the nine train-text stories that kept a tweet and a rally apart, and broke no right join."""
        if item.day is None:
            return None
        for gseq in self._timed(item):
            group = self.groups[gseq]
            if group.speaker is None or group.day != item.day or not _compatible(group.range, item.span):
                continue
            self.comparisons += 1
            if same_speaker(group.speaker, item.speaker) and group.setting == item.setting:
                return group
        return None

    def _by_meaning(self, item: _Item) -> _Group | None:
        """The group at a compatible time whose first description is closest in meaning to this event's, when
        their sentence vectors' cosine reaches SAME_MEANING. Tried only when no group shares enough words, so
        two outlets' wordings of one happening ("fire"/"blaze", "cut"/"severed", "checked into"/"entered")
        join where shared words cannot; time compatibility stays as strict as for words (two rehab check-ins on
        consecutive days stay two). Compared with the first description only, what the entry shows: against
        every member's, an entry drifted from one happening to the next (ECB+ train, sets reading: merged-pair
        precision 0.885 -> 0.911 with the first at 0.65, -> 0.717 with the closest member at 0.65)."""
        best, found = -1.0, None
        for gseq in self._timed(item):
            group = self.groups[gseq]
            if group.vector is None or not _compatible(group.range, item.span):
                continue
            self.comparisons += 1
            cosine = float(np.dot(group.vector.astype(np.float32), item.vector.astype(np.float32)))
            if cosine >= SAME_MEANING and cosine > best:  # the earliest group on a tie, as for words
                best, found = cosine, group
        return found

    def _timed(self, item: _Item) -> list[int]:
        """The groups filed under a time bucket this event's span touches, in scan order."""
        if item.span is None:
            return []
        found: set[int] = set()
        for key in self._probe_keys(_aligned(item.span)):
            hits = self.postings.get((*key, "t"), ())
            self.probes += len(hits)
            found.update(hits)
        return sorted(found)

    def _fold(self, groups: list[_Group]) -> None:
        """Make one entry of groups that one event matched on its words alone: each of them shares
        SAME_WORDS of that event's words at a compatible time, so they tell one happening that the greedy
        order split (an entry opened from a stamped headline, another from the lead's account of the same
        fire). Only an event of a day or less folds: "this year" with the same words holds two days' entries
        and tells nothing of them being one. The earliest group keeps its first event; the others' events
        join it in their order (ECB+ train: 22 more same-happening pairs under the set reading, none wrong)."""
        keep = min(groups, key=lambda g: g.seq)
        for group in groups:
            if group is keep:
                continue
            self._drop(group)
            keep.members = sorted(keep.members + group.members)
            for seq in group.members:
                self.group_of[seq] = keep.seq
            self._grow(keep, group.words)

    def _candidates(self, item: _Item) -> list[int]:
        """The groups that could match ``item``, in scan order. A match needs overlapping times and either
        a Jaccard of words of SAME_WORDS, or half that with a shared actor, or a shared actor and place."""
        if item.span is None:
            return []
        keys = self._probe_keys(_aligned(item.span))
        actors = set(item.event.actors)
        words = self._ordered(item.words)
        alone, with_actor = _needed(len(words), SAME_WORDS), _needed(len(words), SAME_WORDS / 2)
        tiers = ("w1", "w2") if actors else ("w1",)
        found: set[int] = set()
        seen: set[int] = set()
        for rank, word in enumerate(words[:len(words) - (with_actor if actors else alone) + 1]):
            for key in keys:
                for tier in tiers:
                    for gseq in self.postings.get((*key, tier, word), ()):
                        self.probes += 1
                        if gseq in seen:
                            continue
                        # the first word shared in the fixed order: where a match must show (see _prefix)
                        seen.add(gseq)
                        group = self.groups[gseq]
                        if not actors.isdisjoint(group.actors):
                            threshold = SAME_WORDS / 2
                        elif rank < len(words) - alone + 1 and tier == "w1":
                            threshold = SAME_WORDS
                        else:
                            continue
                        # shared words are at most this event's, the union at least the group's
                        if len(words) / len(group.words) >= threshold:
                            found.add(gseq)
        if actors and item.event.place is not None:
            for actor in actors:
                for key in keys:
                    hits = self.postings.get((*key, "a", actor, item.event.place), set())
                    self.probes += len(hits)
                    found |= hits
        if item.day is None:
            return sorted(found)
        same_day = sorted(g for g in found if self.groups[g].day == item.day)
        return same_day + sorted(g for g in found if self.groups[g].day is None)

    def _file(self, group: _Group) -> None:
        if group.range is None:
            return
        group.keys = _file_keys(_aligned(group.range))
        for key in group.keys:
            self.postings.setdefault((*key, "t"), set()).add(group.seq)
            if key[0] == "d":
                self.days[key[1]] = self.days.get(key[1], 0) + 1
            if group.first.place is not None:
                for actor in group.actors:
                    self.postings.setdefault((*key, "a", actor, group.first.place), set()).add(group.seq)
        self._grow(group, group.words, new=True)

    def _grow(self, group: _Group, words: frozenset[str] | set[str], new: bool = False) -> None:
        """File the group under the words a match must share (``_prefix``), again as its words grow."""
        if not new and words <= group.words:
            return
        group.words |= words
        filed = _prefix(self._ordered(group.words))
        for word in group.filed.keys() | filed.keys():
            old, tier = group.filed.get(word), filed.get(word)
            if old == tier:
                continue
            for key in group.keys:
                if old:
                    self._unpost((*key, old, word), group.seq)
                if tier:
                    self.postings.setdefault((*key, tier, word), set()).add(group.seq)
        group.filed = filed

    def _drop(self, group: _Group) -> None:
        """Take a group out of the index (its events are about to be merged again)."""
        del self.groups[group.seq]
        tokens = [(tier, w) for w, tier in group.filed.items()] + [("t",)]
        if group.first.place is not None:
            tokens += [("a", a, group.first.place) for a in group.actors]
        for key in group.keys:
            if key[0] == "d":
                self.days[key[1]] -= 1
                if not self.days[key[1]]:
                    del self.days[key[1]]
            for token in tokens:
                self._unpost((*key, *token), group.seq)

    def _unpost(self, key: tuple, gseq: int) -> None:
        posting = self.postings[key]
        posting.discard(gseq)
        if not posting:
            del self.postings[key]

    def _ordered(self, words: frozenset[str] | set[str]) -> list[str]:
        """Words in the index's fixed order, the latest seen first: the words every report uses come early in
        a story, so they fall last, out of the prefixes that are looked up."""
        return sorted(words, key=self.order.__getitem__, reverse=True)

    def _blocks_of(self, removed: set[int]) -> set[int]:
        """The events that may merge differently once ``removed`` are gone: those whose times chain with a
        removed event's by overlap (a sweep over the events by start). Events with no time never merge."""
        timed = sorted((_aligned(i.span), i.seq) for i in self.items.values() if i.span is not None)
        block = {s for s in removed if self.items[s].span is None}
        run: list[int] = []
        end = ""
        for (start, stop), seq in timed + [(("~", "~"), -1)]:
            if start >= end:  # touching spans do not overlap: a new run starts
                if removed.intersection(run):
                    block.update(run)
                run, end = [], stop
            run.append(seq)
            end = max(end, stop)
        return block

    def _probe_keys(self, span: tuple[str, str]) -> list[tuple[str, str]]:
        """Every bucket, at every level, that a group overlapping ``span`` may be filed under."""
        first, last = _days_touched(span)
        if (last - first).days < 31:
            days = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
        else:  # a long span: the days that hold groups, not every day it covers
            days = [d for d in self.days if first.isoformat() <= d <= last.isoformat()]
        return [("d", d) for d in days] + [("m", m) for m in _months(first, last)] + \
            [("y", str(y)) for y in range(first.year, last.year + 1)]


def _prefix(words: list[str]) -> dict[str, str]:
    """The words (in the fixed order) a group is filed under: "w1" for the first ``len - _needed(len, t) + 1``
    at the full threshold, "w2" for the rest of that prefix at half of it (a match with a shared actor).

    Why this is enough: a match shares at least ``_needed`` words of either side at its threshold, so the
    first shared word in the fixed order lies within both sides' prefixes of that length (prefix filtering:
    each side has at least ``_needed`` - 1 shared words after it). The event looks up its own prefix."""
    size = len(words)
    full, half = size - _needed(size, SAME_WORDS) + 1, size - _needed(size, SAME_WORDS / 2) + 1
    return {w: "w1" if n < full else "w2" for n, w in enumerate(words[:half])}


def _needed(size: int, threshold: float) -> int:
    """The fewest shared words that can give a Jaccard of ``threshold`` against ``size`` words: since the
    union holds at least those ``size``, fewer shared words give less (the same float division as ``_same``)."""
    shared = 0
    while size and shared / size < threshold:
        shared += 1
    return shared


def _days_touched(span: tuple[str, str]) -> tuple[date, date]:
    """The first and last calendar day an aligned span covers (its end is exclusive)."""
    first, last = date.fromisoformat(span[0][:10]), date.fromisoformat(span[1][:10])
    if span[1][11:] == "00:00:00" and last > first:
        last -= timedelta(days=1)
    return first, last


def _months(first: date, last: date) -> list[str]:
    return [f"{y:04d}-{m:02d}" for y in range(first.year, last.year + 1) for m in range(1, 13)
            if (first.year, first.month) <= (y, m) <= (last.year, last.month)]


def _file_keys(span: tuple[str, str]) -> list[tuple[str, str]]:
    """The buckets a group is filed under: its days when it covers one or two, else its months when one or
    two, else its years. Any overlapping event probes at least one of them (``_probe_keys``)."""
    first, last = _days_touched(span)
    if (last - first).days < 2:
        return [("d", (first + timedelta(days=n)).isoformat()) for n in range((last - first).days + 1)]
    months = _months(first, last)
    if len(months) <= 2:
        return [("m", m) for m in months]
    return [("y", str(y)) for y in range(first.year, last.year + 1)]


def build_timeline(reports: list[Any], claim_of: dict, claim_status: dict[int, str | None],
                   claim_ids: dict[int, str], vectors: dict[tuple[str, int], np.ndarray] | None = None) -> list[dict]:
    """Timeline entries, earliest first, from the current reports' events.

    ``claim_of`` maps (report id, mention index) to a claim number, ``claim_status`` a claim number to its
    story-level status, ``claim_ids`` a claim number to its exported id; ``vectors``, event description
    vectors by (report id, event index), let events merge by meaning too.
    """
    index = TimelineIndex()
    for report in reports:
        events = report.extraction.events if report.extraction else []
        index.add(report, [vectors.get((report.id, n)) for n in range(len(events))] if vectors is not None else None)
    return index.entries(claim_of, claim_status, claim_ids)


def _entry(event: TimelineEvent, claim_status: dict[int, str | None], claim_ids: dict[int, str]) -> dict:
    first = event.first
    statuses = [claim_status.get(c) for c in event.claims if claim_status.get(c)]
    status = statuses[0] if statuses else first.status
    if status == "asserted" and first.status == "hypothetical":
        status = "hypothetical"  # "are hoping X will win in November": the hope is stated, the win is not
    elif status == "hypothetical" and event.statement:
        status = "reported"  # "Ruiz said on Tuesday that she may run": the saying happened, whatever was said
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
        "status": status,
        "factuality": first.factuality,
    }
