"""The story ledger: claims with their status, history and contests, plus the change log.

``build_ledger`` replays a story's reports in the order they arrived. Each report links its mentions into
claims, supersedes the previous revision of its article, and the claims it touched are re-scored; every
difference becomes a change-log entry and, for status changes, a line in the claim's history. A copy of
another outlet's report speaks for that outlet (``link/syndication.py``), so copies count once; figures
and dates that independent outlets give otherwise are flagged on the claims and logged
(``ledger/conflicts.py``; also one claim's mentions that the linker kept apart for their dates alone). The
result is a plain dict in the shape of ``ledger.schema.json``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from collections.abc import Mapping
from typing import Any, Protocol

import numpy as np

from ..errors import StorylineError
from ..link.agreement import report_facts
from ..link.claims import SAME, ClaimIndex, VectorSource, content_key, report_vectors
from ..link.claims import Conflict as LinkConflict
from ..link.entities import EntityIndex, StoryEntity
from ..link.restatement import NAMED, beside
from ..link.syndication import SyndicationIndex
from ..model import Extraction, Figure, Mention
from .conflicts import Conflict, ConflictIndex, event_words, jaccard
from .conflicts import Side as ConflictSide
from .status import claim_flags, claim_status
from .text import claim_text, sentence_around, short
from .event_vectors import event_vectors
from .timeline import TimelineIndex


class ReportLike(Protocol):
    id: str
    location: str
    outlet: str
    version: int
    previous_id: str | None
    published_at: str | None
    fetched_at: datetime | None
    text: str
    extraction: Extraction | None


@dataclass
class MentionRef:
    report: ReportLike
    index: int
    mention: Mention


@dataclass
class Claim:
    number: int
    mentions: list[MentionRef] = field(default_factory=list)
    # (contesting mention, its claim): each mention that points at one of this claim's or answers it besides
    contests: list[tuple[MentionRef, int | None]] = field(default_factory=list)
    status: str | None = None
    flags: list[str] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    first_seen: str | None = None
    withdrawn: bool = False
    conflicts: list[Conflict] = field(default_factory=list)  # figures or dates other outlets give otherwise

    @property
    def id(self) -> str:
        """Stable across replays: the first mention's report and span. The same span stated twice in a report
        (one content credited to two speakers in two sentences) can open two claims; the later one's id
        counts the earlier twins, so verdicts and links keyed by id never land on the wrong claim."""
        first = self.mentions[0]
        start, end = first.mention.start, first.mention.end
        key = f"{first.report.id}:{start}:{end}"
        earlier = first.report.extraction.mentions[:first.index] if first.report.extraction else []
        twins = sum(1 for m in earlier if (m.start, m.end) == (start, end))
        if twins:
            key += f"#{twins}"
        return "c-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def report_time(report: ReportLike) -> str | None:
    """When the report speaks: its publication time, else when it was fetched."""
    if report.published_at:
        return report.published_at
    return report.fetched_at.isoformat() if report.fetched_at else None


@dataclass
class LedgerState:
    """Replay state: which report is current for each article, and every claim so far."""

    current: dict[str, ReportLike] = field(default_factory=dict)  # location → latest revision
    index: ClaimIndex = field(default_factory=ClaimIndex)
    vectors: VectorSource | None = None  # mention sentence vectors: by (report id, index), or an encoder
    # event description vectors by (report id, event index) (``event_vectors``); with an encoder as ``vectors``
    # they are encoded with it instead; with neither, the timeline merges on words only
    event_vectors: Mapping[tuple[str, int], np.ndarray] | None = None
    claims: list[Claim] = field(default_factory=list)
    claim_of: dict[tuple[str, int], int] = field(default_factory=dict)  # (report id, mention index) → claim
    sources: set[str] = field(default_factory=set)
    changes: list[dict] = field(default_factory=list)
    copies: SyndicationIndex = field(default_factory=SyndicationIndex)
    conflict_index: ConflictIndex = field(default_factory=ConflictIndex)
    reports: dict[str, ReportLike] = field(default_factory=dict)  # id → report
    opposed: dict[int, set[int]] = field(default_factory=dict)  # claim → claims that deny or dispute it, or it them
    dirty: set[int] = field(default_factory=set)  # claims changed since the kept ledger last rendered them
    timeline: TimelineIndex = field(default_factory=TimelineIndex)  # the current reports' events, merged
    entities: EntityIndex = field(default_factory=EntityIndex)  # the current reports' entities, merged

    def __getstate__(self) -> dict:
        """Pickled without its vector source (an encoder, or every mention's vector: the store keeps those)."""
        return {**self.__dict__, "vectors": None, "event_vectors": None}

    def is_current(self, report: ReportLike) -> bool:
        return self.current.get(report.location) is report

    def origin(self, report: ReportLike) -> str:
        """The independent outlet a report speaks for: its own, or the one whose copy it is."""
        return self.copies.origin(report.id)

    def add(self, report: ReportLike) -> None:
        at = report_time(report)
        previous = self.current.get(report.location)
        kind = "new_revision" if previous is not None else "new_report"
        detail = f"{report.outlet}, version {report.version}"
        copy = self.copies.add(report)
        self.reports[report.id] = report
        if copy.copy_of is not None:
            original = self.reports[copy.copy_of]
            detail += f", a copy of {original.outlet} version {original.version}"
        elif copy.credit is not None:
            detail += f", credits {copy.credit}"
        self.changes.append({"at": at, "kind": kind, "report": report.id, "claim": None, "detail": detail})
        self.current[report.location] = report
        if previous is not None:
            self.timeline.remove(previous.id)
            self.entities.remove(previous.id)
        extraction = report.extraction
        vectors = report_vectors(self.vectors, report.id, [m.text for m in extraction.mentions]) if extraction else []
        self.timeline.add(report, self._event_vectors(report, vectors))
        self.entities.add(report.id, report.extraction.entities if report.extraction else [])
        touched = set()
        if previous is not None and previous.extraction is not None:
            touched |= {self.claim_of[(previous.id, i)] for i in range(len(previous.extraction.mentions))
                        if (previous.id, i) in self.claim_of}
        if extraction is not None:
            seen = len(self.index.conflicts)
            touched |= self._link(report, extraction, at, vectors)
            for conflict in self.index.conflicts[seen:]:
                if conflict.kind == "polarity":
                    self.opposed.setdefault(conflict.claim, set()).add(conflict.other)
                    self.opposed.setdefault(conflict.other, set()).add(conflict.claim)
            if previous is not None and previous.extraction is not None:
                self._compare_figures(previous, report, at)
            self._find_conflicts(report, at)
        touched |= {other for number in touched for other in self.opposed.get(number, ())}
        for number in sorted(touched):
            self._rescore(self.claims[number], report, at)
        self.dirty |= touched

    def _claim_at(self, report: ReportLike, offset: int) -> int | None:
        """The claim of the report's mention holding this offset (the innermost one), if any."""
        holders = [(m.end - m.start, i) for i, m in enumerate(report.extraction.mentions) if m.start <= offset < m.end]
        return self.claim_of.get((report.id, min(holders)[1])) if holders else None

    def _find_conflicts(self, report: ReportLike, at: str | None) -> None:
        """Figures and dates this report gives otherwise than a current report of another outlet: flagged on
        both claims and logged (as ``figure_changed``, the change kind closest to a conflict)."""
        for conflict in self.conflict_index.add(report, self.origin(report), report.outlet, at, self._claim_at,
                                                self.is_current):
            self._flag(conflict, report, at)

    def _date_conflict(self, report: ReportLike, mention: Mention, found: LinkConflict, at: str | None) -> None:
        """A mention the linker kept apart from a claim only because its date differs ("an inspection in May",
        "an inspection in April", by the same speaker): a conflict when another independent outlet currently
        carries that claim with a date of its own for much the same happening (an omitted date is no conflict,
        nor a date of something else the content mentions: "Velic, whose office opened an inquiry on Friday").
        Figures are compared by ``ConflictIndex``, which knows that a toll rising over a day is news."""
        pair = {found.claim, found.other}
        if any(c.kind == "date_conflict" and {c.new.claim, c.old.claim} == pair
               for c in self.claims[found.other].conflicts):
            return
        mine = _dated(report.extraction, mention)
        origin = self.origin(report)
        for ref in reversed(self.claims[found.other].mentions):
            if not self.is_current(ref.report) or self.origin(ref.report) == origin:
                continue
            pairs = [(a, b) for a in mine for b in _dated(ref.report.extraction, ref.mention)
                     if jaccard(a[1], b[1]) >= DATED_ALIKE]
            if pairs:
                (text, _), (theirs, _) = pairs[0]
                self._flag(Conflict("date_conflict", short(mention.text, 80),
                                    ConflictSide(report, text, found.claim, report.outlet),
                                    ConflictSide(ref.report, theirs, found.other, ref.report.outlet)), report, at)
                return

    def _flag(self, conflict: Conflict, report: ReportLike, at: str | None) -> None:
        """Flag a conflict on both its claims and log it."""
        for side in (conflict.new, conflict.old):
            if side.claim is not None and conflict not in self.claims[side.claim].conflicts:
                self.claims[side.claim].conflicts.append(conflict)
                self.dirty.add(side.claim)
        what = "figure" if conflict.kind == "figure_conflict" else "date"
        claim = self.claims[conflict.new.claim].id if conflict.new.claim is not None else None
        self.changes.append({
            "at": at, "kind": "figure_changed", "report": report.id, "claim": claim, "conflict": conflict.kind,
            "detail": f"{what} conflict ({conflict.about}): {conflict.new.outlet} says {conflict.new.text}, "
                      f"{conflict.old.outlet} says {conflict.old.text}",
        })

    def _event_vectors(self, report: ReportLike, mentions: list[np.ndarray | None]) -> list[np.ndarray | None] | None:
        """The report's event description vectors for the timeline: stored ones, or encoded with the encoder
        the claims link with (reusing a mention's vector where a description is its text); None without."""
        extraction = report.extraction
        if extraction is None or not extraction.events:
            return None
        if self.event_vectors is not None:
            return [self.event_vectors.get((report.id, n)) for n in range(len(extraction.events))]
        if not callable(self.vectors):
            return None
        try:
            return event_vectors(extraction, mentions, self.vectors)
        except StorylineError:
            return None  # report_vectors has said once that the embeddings are missing

    def _link(self, report: ReportLike, extraction: Extraction, at: str | None,
              vectors: list[np.ndarray | None]) -> set[int]:
        touched = set()
        placed: list[tuple[int, int, int]] = []  # (start, end, claim) of this report's mentions so far
        paired: set[int] = set()  # this report's mentions that a restatement beside them joined
        facts = report_facts(extraction)
        for i, mention in enumerate(extraction.mentions):
            # a mention nested in another of the same report ("X says he … what he claims …") states
            # a different proposition, however many words they share
            nested = frozenset(c for s, e, c in placed if s < mention.end and mention.start < e)
            speaker = mention.source.name if mention.source.kind in NAMED else None
            seen = len(self.index.conflicts)
            restated = beside(report.text, extraction.mentions, i, vectors, paired)
            restated_claim = self.claim_of[(report.id, restated)] if restated is not None else None
            number, created = self.index.link(mention.text, exclude=nested, facts=facts[i], vector=vectors[i],
                                              speaker=speaker, form=mention.form, beside=restated_claim)
            if restated is not None and number == restated_claim:
                paired |= {i, restated}
            placed.append((mention.start, mention.end, number))
            if created:
                self.claims.append(Claim(number=number, first_seen=at))
            claim = self.claims[number]
            claim.mentions.append(MentionRef(report, i, mention))
            self.claim_of[(report.id, i)] = number
            touched.add(number)
            if created:
                said = mention.text
                if points_back(mention):  # "denied those reports": what it denies, as the claim reads
                    said = contest_reading(mention, extraction.mentions[mention.contests].text)
                self.changes.append({"at": at, "kind": "new_claim", "report": report.id, "claim": claim.id,
                                     "detail": short(said)})
            for conflict in self.index.conflicts[seen:]:
                if conflict.kind == "dates" and conflict.similarity >= SAME:
                    self._date_conflict(report, mention, conflict, at)
            source = mention.source
            if source.kind != "outlet" and source.name.lower() not in self.sources:
                self.sources.add(source.name.lower())
                self.changes.append({"at": at, "kind": "new_source", "report": report.id, "claim": claim.id,
                                     "detail": source.name})
        for i, mention in enumerate(extraction.mentions):
            for contested in contested_rows(mention):
                if (report.id, contested) not in self.claim_of:
                    continue
                target = self.claims[self.claim_of[(report.id, contested)]]
                own = self.claim_of[(report.id, i)]
                if target.number != own:
                    target.contests.append((MentionRef(report, i, mention), own))
                    touched.add(target.number)
        return touched

    def contests(self, claim: Claim) -> list[tuple[MentionRef, int | None]]:
        """Current statements contesting the claim, with their own claims: those that point at one of its
        mentions in their report or answer one besides (``contested_rows``), and denials or disputes of the
        same proposition in any report (the linker keeps them apart as a polarity conflict; denying "it had any
        warning" contests "it had a warning", not "it had no warning"). A dispute that answers a statement of
        its own report answers that statement only: "But Brandt gave a different account: the cables are
        corroded" contests what it answers, not Brandt's own neighbouring claim that the linker keeps apart
        from it."""
        found = [(ref, own) for ref, own in claim.contests if self.is_current(ref.report)]
        carried = [ref for ref in claim.mentions if self.is_current(ref.report) and not contesting(ref.mention)]
        if carried:
            negated = content_key(carried[0].mention.text).negated
            for number in sorted(self.opposed.get(claim.number, ())):
                found += [(ref, number) for ref in self.claims[number].mentions
                          if self.is_current(ref.report) and contesting(ref.mention) and ref.mention.contests is None
                          and content_key(ref.mention.text).negated == negated]
        unique: dict[tuple[str, int], tuple[MentionRef, int | None]] = {}
        for ref, own in found:
            unique.setdefault((ref.report.id, ref.index), (ref, own))
        return list(unique.values())

    def _rescore(self, claim: Claim, report: ReportLike, at: str | None) -> None:
        current = [ref for ref in claim.mentions if self.is_current(ref.report)]
        relations = [_relation(ref.mention) for ref, _ in self.contests(claim)]
        flags = claim_flags(((self.origin(ref.report), ref.mention.status) for ref in current), relations)
        status = claim_status(flags)
        was_withdrawn = claim.withdrawn
        claim.withdrawn = not current
        if claim.withdrawn and not was_withdrawn:
            self.changes.append({"at": at, "kind": "claim_withdrawn", "report": report.id, "claim": claim.id,
                                 "detail": f"{short(claim.mentions[-1].mention.text)} — gone from "
                                           f"{report.outlet} version {report.version}"})
        claim.flags = flags or claim.flags
        if status is None or status == claim.status:
            return
        claim.history.append({"at": at, "report": report.id, "from": claim.status, "to": status})
        if claim.status is not None:
            self.changes.append({"at": at, "kind": "status_changed", "report": report.id, "claim": claim.id,
                                 "detail": f"{claim.status} → {status}: {short(claim.mentions[0].mention.text)}"})
        claim.status = status

    def _compare_figures(self, previous: ReportLike, report: ReportLike, at: str | None) -> None:
        """Figures revised between two revisions: a value gone and a value new, of the same unit, paired by
        how alike their sentences are (best pairs first)."""
        gone = [f for f in previous.extraction.figures if f.unit and not _has_value(report.extraction.figures, f)]
        new = [f for f in report.extraction.figures if f.unit and not _has_value(previous.extraction.figures, f)]
        pairs = []
        for old in gone:
            old_words = content_key(sentence_around(previous.text, old.start, old.end)).words
            for figure in new:
                if old.unit.lower() == figure.unit.lower():
                    words = content_key(sentence_around(report.text, figure.start, figure.end)).words
                    pairs.append((len(old_words & words) / max(1, len(old_words | words)), old, figure))
        used: set[int] = set()
        for score, old, figure in sorted(pairs, key=lambda p: -p[0]):
            if score >= FIGURE_CONTEXT and id(old) not in used and id(figure) not in used:
                used |= {id(old), id(figure)}
                self.changes.append({"at": at, "kind": "figure_changed", "report": report.id, "claim": None,
                                     "detail": f"{old.text} → {figure.text}"})


def contested_rows(mention: Mention) -> list[int]:
    """The rows of its report a contest answers: the one it points at, then the further ones it answers too
    (``Mention.also_contests``: "Lin rejected the allegation" answers the charge and the accusation naming Lin)."""
    return [] if mention.contests is None else [mention.contests, *mention.also_contests]


def disputed_by_outlet(mention: Mention) -> bool:
    """Does the report's outlet itself dispute the statement (``Mention.outlet_disputes``: its rebuke, its bare
    correction), which still shows as disputed or denied?"""
    return mention.outlet_disputes and mention.status in ("disputed", "denied")


def contesting(mention: Mention) -> bool:
    """Is the mention its source's denial or dispute (not a statement that someone else contests, which is
    denied or disputed too)?"""
    return mention.relation is not None


def _relation(mention: Mention) -> str:
    """How a contesting statement contests: its own relation, else what its status says."""
    return mention.relation or ("denies" if mention.status == "denied" else "disputes")


# Share of context words two figures' sentences need in common to be the same count revised.
FIGURE_CONTEXT = 0.15


def _dated(extraction: Extraction, mention: Mention) -> list[tuple[str, frozenset[str]]]:
    """The dated happenings inside a mention: (its time as written, what happened as words)."""
    return [(e.time.text, event_words(e)[0]) for e in extraction.events
            if e.time.value and mention.start <= e.time.start < mention.end]


# Share of words two dated happenings need in common to be the same one dated otherwise ("an inspection in May
# had found no faults on the ship", "the ship had passed an inspection in April": 0.4).
DATED_ALIKE = 0.25


def _has_value(figures: list[Figure], figure: Figure) -> bool:
    unit = (figure.unit or "").lower()
    return any((f.unit or "").lower() == unit and (f.low, f.high) == (figure.low, figure.high) for f in figures)


def build_ledger(
    story: dict, reports: list[ReportLike], with_text: bool = False, vectors: VectorSource | None = None,
    event_vectors: Mapping[tuple[str, int], np.ndarray] | None = None,
) -> dict[str, Any]:
    """The ledger of one story, as the JSON export contract describes it.

    ``story`` holds at least ``id`` and ``title``; ``reports`` come in the order they were added.
    ``vectors`` lets claims link by meaning (``link.claims``): mention vectors by (report id, mention
    index), or an encoder such as ``embed``; without them, claims link by their words. ``event_vectors`` (by
    report id and event index, ``event_vectors.cached_event_vectors``) let timeline events merge by meaning;
    with an encoder as ``vectors`` they are encoded with it.
    """
    state = LedgerState(vectors=vectors, event_vectors=event_vectors)
    for report in reports:
        state.add(report)
    return ledger_dict(story, state, reports, with_text)


def ledger_dict(story: dict, state: LedgerState, reports: list[ReportLike], with_text: bool = False) -> dict[str, Any]:
    """The export of a story whose ``reports`` (in the order they were added) have all been added to
    ``state``."""
    current = [r for r in reports if state.is_current(r)]
    entities, lookup = story_entities(state)
    claim_ids = claim_id_map(state)
    return {
        "schema_version": "1",
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "story": story_summary(story, state, reports, current),
        "reports": [report_dict(r, with_text, state) for r in reports],
        "claims": [claim_dict(c, state, lookup, claim_ids) for c in state.claims],
        "entities": [e.as_dict() for e in entities],
        "events": events(state, claim_ids),
        "figures": [f for r in current for f in report_figures(r, state, claim_ids)],
        "changes": state.changes,
    }


def story_summary(story: dict, state: LedgerState, reports: list[ReportLike], current: list[ReportLike]) -> dict:
    """The export's ``story`` object."""
    times = [report_time(r) for r in reports if report_time(r)]
    return {
        "id": story["id"],
        "title": story["title"],
        "developing": any(r.extraction is not None and r.extraction.developing for r in current),
        "first_seen": min(times) if times else None,
        "last_updated": max(times) if times else None,
        "report_count": len(reports),
        "outlet_count": len({r.outlet for r in reports}),
        "independent_outlet_count": len({state.origin(r) for r in reports}),
    }


def story_entities(state: LedgerState) -> tuple[list[StoryEntity], EntityLookup]:
    """The story's entities merged across its current reports, and the lookup that names their sources."""
    entities, entity_of = state.entities.result()
    return entities, EntityLookup(entity_of, {e.id: e.name for e in entities})


def claim_id_map(state: LedgerState) -> dict[int, str]:
    return {claim.number: claim.id for claim in state.claims}


def events(state: LedgerState, claim_ids: dict[int, str]) -> list[dict]:
    """The timeline of the current reports, each event with the status of the claims it rests on."""
    return state.timeline.entries(state.claim_of, {c.number: c.status for c in state.claims}, claim_ids)


def pending_report_dict(report: Any) -> dict:
    """A report stored but not taken into the ledger yet (its extraction still running, or killed): listed, so
    a reader sees what is missing, with nothing the ledger would have found in it."""
    return report_dict(report, False, None)


def report_dict(report: Any, with_text: bool, state: LedgerState | None) -> dict:
    """The export's report object (``state`` None: a report not in the ledger yet, so no copy found for it)."""
    extraction = report.extraction
    copy = state.copies.reports[report.id] if state is not None else None
    out = {
        "id": report.id,
        "url": report.url,
        "outlet": report.outlet,
        "title": report.title,
        "published_at": report.published_at,
        "fetched_at": report.fetched_at.isoformat() if report.fetched_at else None,
        "version": report.version,
        "previous": report.previous_id,
        "sha256": report.sha256,
        "developing": bool(extraction and extraction.developing),
        "language": report.language,
        "word_count": report.word_count,
        "extraction": report.extraction_status,
        "copy_of": copy.copy_of if copy else None,
        "credit": copy.credit if copy else None,
    }
    if with_text:
        out["text"] = report.text
    return out


@dataclass
class EntityLookup:
    """Story entities by (report, per-report entity key), so that sources read the fullest name in the story."""

    entity_of: dict[tuple[str, str], str]
    names: dict[str, str]

    def entity(self, ref: MentionRef) -> str | None:
        key = ref.mention.source.entity
        return self.entity_of.get((ref.report.id, key)) if key else None

    def source_name(self, ref: MentionRef) -> str:
        entity = self.entity(ref)
        return self.names[entity] if entity else ref.mention.source.name


def _mention_dict(ref: MentionRef, lookup: EntityLookup) -> dict:
    m = ref.mention
    text = ref.report.text
    source = m.source
    return {
        "report": ref.report.id,
        "start": m.start,
        "end": m.end,
        "text": text[m.start:m.end],
        "sentence": text[m.sentence[0]:m.sentence[1]] if m.sentence else text[m.start:m.end],
        "source": {
            "name": lookup.source_name(ref),
            "kind": source.kind,
            "span": list(source.span) if source.span else None,
            "role": source.role,
            "entity": lookup.entity(ref),
        },
        "cue": m.cue,
        "form": m.form,
        "status": m.status,
        "hedges": list(m.hedges),
        "factuality": m.factuality,
        "checkworthiness": m.checkworthiness,
    }


def claim_dict(claim: Claim, state: LedgerState, lookup: EntityLookup, claim_ids: dict[int, str]) -> dict:
    current = [ref for ref in claim.mentions if state.is_current(ref.report)]
    shown = current or [ref for ref in claim.mentions if ref.report is claim.mentions[-1].report]
    representative = min(shown, key=lambda ref: (ref.mention.form == "outlet", -len(ref.mention.text)))
    contested = []
    for ref, own in state.contests(claim):
        entry = {"source": lookup.source_name(ref), "relation": _relation(ref.mention), "report": ref.report.id,
                 "claim": claim_ids.get(own)}
        if entry not in contested:
            contested.append(entry)
    for ref in current:  # "Ruiz wrongly claimed that X": the outlet disputes X in its own voice
        if not disputed_by_outlet(ref.mention):
            continue
        entry = {"source": ref.report.outlet, "relation": "disputes", "report": ref.report.id, "claim": None}
        if entry not in contested:
            contested.append(entry)
    supported = []
    for ref in current:
        name = lookup.source_name(ref)
        if not contesting(ref.mention) and name not in supported:
            supported.append(name)
    entities = []
    for ref in shown:
        extraction = ref.report.extraction
        for entity in extraction.entities:
            eid = lookup.entity_of.get((ref.report.id, entity.key))
            if eid and eid not in entities and any(
                ref.mention.start <= s < ref.mention.end for s, _ in entity.spans
            ):
                entities.append(eid)
    time = next(
        (t for ref in shown for t in ref.report.extraction.times if ref.mention.start <= t.start < ref.mention.end),
        None,
    )
    text = claim_text(representative.report.text, representative.mention.start, representative.mention.end,
                      representative.mention.cue_span, representative.mention.source.span)
    return {
        "id": claim.id,
        "text": _contest_text(claim, shown, state) or text,
        "status": claim.status or "reported",
        "flags": claim.flags or [claim.status or "reported"],
        **_checkworthiness(shown),
        "outlets": len({state.origin(ref.report) for ref in current}),
        "carried_by": _carried_by(current, state),
        "supported_by": supported,
        "contested_by": contested,
        "mentions": [_mention_dict(ref, lookup) for ref in shown],
        "entities": entities,
        "time": _time_dict(time) if time else None,
        "first_seen": claim.first_seen,
        "last_changed": claim.history[-1]["at"] if claim.history else claim.first_seen,
        "history": claim.history,
        "withdrawn": claim.withdrawn,
        "verdict": None,
        "conflicts": [_conflict_dict(c, claim_ids) for c in claim.conflicts
                      if state.is_current(c.new.report) and state.is_current(c.old.report)],
    }


def points_back(mention: Mention) -> bool:
    """A denial or dispute whose content only points at the statement it contests ("denied *those
    reports*", "called *that* false", "rejected *the allegation*"): ``status`` left it ``reported`` and linked
    it (``contests``) to what it points at, which took the denial. A contest that says something of its
    own ("that's the textbook definition of a smear", "the idea that the pier was safe") keeps its text."""
    if not (contesting(mention) and mention.contests is not None and mention.status == "reported"):
        return False
    words = re.findall(r"[\w’'-]+", mention.text.lower())
    return bool(words) and words[0] in POINTER_WORDS and len(words) <= POINTER_LENGTH


# the first word of a content that only points back ("those reports", "the allegation", 'it "shameful"')
POINTER_WORDS = frozenset({"it", "this", "that", "these", "those", "the", "such", "his", "her", "their", "its"})
POINTER_LENGTH = 8


def _contest_text(claim: Claim, shown: list[MentionRef], state: LedgerState) -> str | None:
    """How a claim that is only a pointing contest reads: what it does to the claim it points at ('denies
    “the ferry operator hid the losses”'), not its pointer ("those reports"), which is no claim (the
    contract: "those claims" is never a claim). None for any other claim."""
    if not shown or not all(points_back(ref.mention) for ref in shown):
        return None
    for target in state.claims:  # the claim it points at, not one it answers besides (``contested_rows``)
        if target is not claim and target.mentions and any(
                own == claim.number and state.claim_of.get((ref.report.id, ref.mention.contests)) == target.number
                for ref, own in target.contests):
            ref = target.mentions[0]
            said = claim_text(ref.report.text, ref.mention.start, ref.mention.end, ref.mention.cue_span,
                              ref.mention.source.span)
            return contest_reading(shown[0].mention, said)
    return None


def contest_reading(mention: Mention, contested: str) -> str:
    """A pointing contest as it reads: what it does to the words it points at ('denies “…”')."""
    return f"{_relation(mention)} “{contested}”"


def _carried_by(refs: list[MentionRef], state: LedgerState) -> list[dict]:
    """The outlets whose current reports carry the claim; a copy names the outlet whose copy it is."""
    carried: dict[str, dict] = {}
    for ref in refs:
        report = ref.report
        copy = state.copies.reports[report.id]
        original = state.reports[copy.copy_of].outlet if copy.copy_of else copy.credit
        carried.setdefault(report.outlet, {"outlet": report.outlet, "copy_of_outlet": original})
    return list(carried.values())


def _conflict_dict(conflict: Conflict, claim_ids: dict[int, str]) -> dict:
    return {
        "kind": conflict.kind,
        "about": conflict.about,
        "values": [{"outlet": side.outlet, "report": side.report.id, "text": side.text,
                    "claim": claim_ids.get(side.claim) if side.claim is not None else None}
                   for side in (conflict.old, conflict.new)],
    }


def _checkworthiness(refs: list[MentionRef]) -> dict:
    """The claim's check-worthiness: the highest of its shown mentions' scores (absent when none has one)."""
    scores = [ref.mention.checkworthiness for ref in refs if ref.mention.checkworthiness is not None]
    return {"checkworthiness": round(max(scores), 4)} if scores else {}


def _time_dict(t: Any) -> dict:
    return {"value": t.value, "precision": t.precision, "text": t.text}


def report_figures(report: ReportLike, state: LedgerState, claim_ids: dict) -> list[dict]:
    """The figures one report quotes, each with the claim it sits in."""
    extraction = report.extraction
    if extraction is None:
        return []
    spans = [(m.start, m.end, i) for i, m in enumerate(extraction.mentions)]
    figures = []
    for i, figure in enumerate(extraction.figures):
        holder = next((k for s, e, k in spans if s <= figure.start < e), None)
        claim = state.claim_of.get((report.id, holder)) if holder is not None else None
        figures.append({
            "id": f"f-{report.id}-{i}",
            "text": figure.text,
            "low": figure.low,
            "high": figure.high,
            "unit": figure.unit,
            "qualifier": figure.qualifier,
            "subject": None,
            "report": report.id,
            "claim": claim_ids[claim] if claim is not None else None,
        })
    return figures
