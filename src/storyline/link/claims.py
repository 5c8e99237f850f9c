"""Linking mentions that state the same proposition into one claim.

Within a story, a repeated claim (the same content in a later revision, a second report, or twice in one
report, or another outlet's wording of it) joins the claim it repeats. Two tests, both checked by agreement
(``agreement.py``: entities, figures, dates and polarity must not disagree, so "12 dead" never joins
"40 dead" and "the ministry denied the tanker sank" never joins "the tanker sank"):

- lexical, the fast first pass and the fallback without embeddings: content words after light
  normalisation overlap (Jaccard ≥ ``SIMILARITY``), with numbers and negation equal;
- by meaning: the MiniLM sentence vectors of the two contents are close (cosine ≥ ``SAME``).

Linking is incremental and sub-quadratic: candidates come from an inverted index over content words and
numbers (blocking), each key keeping the claims that used it most recently, so a new mention is compared
with at most ``MAX_CANDIDATES`` claims (and each claim with at most ``MAX_REPS`` of its mentions) however
long the story grows. Near-identical mentions that disagree on figures, dates or polarity are kept as
``Conflict`` pairs for the contradiction checks.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import Any, Protocol

import numpy as np

from ..errors import StorylineError
from ..learn.embeddings import DIMENSIONS, embed
from . import agreement

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*")
NEGATIONS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "n't"})
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being has have had
    that this these those it its his her their they he she we you i our your which who whom what when where
    will would shall should can could may might must do does did so than then there here also into over
    about after before said says say according""".split()
)
SIMILARITY = 0.6
# Cosine of two contents' sentence vectors from which they state the same proposition (when they agree),
# and from which a disagreement on figures, dates or polarity is a conflict worth showing. Chosen on 50
# hand-written fictional pairs: paraphrases 0.71–0.98 (median 0.86), different claims of one story ≤ 0.65,
# same words with another verb ("died"/"were injured", "seized"/"were driven out of") 0.45–0.90; 0.84 keeps
# 11 of 16 paraphrases and lets 2 of 18 such pairs through. Near-misses that differ only in a figure, a
# date or a negation score 0.88–1.0: the agreement checks, not the threshold, keep those apart.
SAME = 0.84
# Two statements by the same named speaker in different reports (or a speaker's words and an outlet's
# paraphrase of them) state one proposition from a lower cosine: outlets cut the same remarks differently
# ("He is becoming their best recruiter," vs. that he was "becoming their best recruiter"). Chosen on the
# train-text stories of the ledger dev gold (gold/ledger/dev): pairs by one speaker at cosine ≥ 0.70 are
# linked in the editor's reading 14 times in 24 (all pairs at ≥ 0.70: 17 in 32), at ≥ 0.65 19 in 41.
SAME_SPEAKER = 0.70
CONFLICT = 0.80
# Blocking: per key, the claims that used it most recently; per mention, the claims sharing most keys.
MAX_POSTING = 200
MAX_CANDIDATES = 48
# Mentions kept per claim to compare with (words and vectors): the first and the most different ones.
MAX_REPS = 4
# A joining mention's vector is kept as a representative when it is less alike than this to those kept.
DISTINCT = 0.95
# Which encoder made stored vectors: vectors of another model are never reused.
VECTOR_MODEL = "all-MiniLM-L6-v2-int8"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentKey:
    words: frozenset[str]
    numbers: frozenset[str]
    negated: bool


def content_key(text: str) -> ContentKey:
    """Content words (lower-cased, plural -s stripped), numbers and polarity of a claim's text."""
    words, numbers, negated = set(), set(), False
    for token in WORD.findall(text.replace("n’t", " n't").replace("n't", " n't")):
        low = token.lower()
        if low in NEGATIONS:
            negated = True
        elif low[0].isdigit():
            numbers.add(low.replace(",", ""))
        elif low not in STOPWORDS and len(low) > 1:
            words.add(stem(low))
    return ContentKey(frozenset(words), frozenset(numbers), negated)


def stem(word: str) -> str:
    """A light suffix strip so that killed/killing/kills meet: enough for lexical matching, no more."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def overlap(a: ContentKey, b: ContentKey) -> float:
    """Jaccard overlap of two contents' words."""
    return len(a.words & b.words) / len(a.words | b.words) if a.words and b.words else 0.0


def same_proposition(a: ContentKey, b: ContentKey) -> bool:
    """True when two contents state the same proposition by this module's lexical test."""
    return a.negated == b.negated and a.numbers == b.numbers and overlap(a, b) >= SIMILARITY


@dataclass(frozen=True)
class Conflict:
    """Two claims whose mentions are near-identical but disagree: a figure, a date, or one denies the other."""

    claim: int  # the claim the later mention joined or opened
    other: int  # the earlier claim it disagrees with
    kind: str  # "figures", "dates" or "polarity"
    similarity: float  # cosine of the two mentions' vectors, or their word overlap when linked lexically


@dataclass
class ClaimIndex:
    """Assigns each mention's content to a claim number, incrementally."""

    keys: list[list[ContentKey]] = field(default_factory=list)  # per claim, up to MAX_REPS mentions' keys
    facts: list[agreement.Facts] = field(default_factory=list)  # per claim, what its mentions commit to
    speakers: list[set[frozenset[str]]] = field(default_factory=list)  # per claim, its named speakers' words
    rows: list[list[int]] = field(default_factory=list)  # per claim, its representatives' rows in _matrix
    postings: dict[str, dict[int, None]] = field(default_factory=dict)  # key → claims, most recent last
    conflicts: list[Conflict] = field(default_factory=list)
    _known: set[tuple[int, int, str]] = field(default_factory=set)  # (claim, other, kind) of conflicts
    _matrix: np.ndarray = field(default_factory=lambda: np.zeros((256, DIMENSIONS), dtype=np.float32))
    _size: int = 0

    def link(
        self, text: str, exclude: frozenset[int] = frozenset(), *, facts: agreement.Facts | None = None,
        vector: np.ndarray | None = None, speaker: str | None = None,
    ) -> tuple[int, bool]:
        """Return (claim number, created) for a mention whose content is ``text``, never one of ``exclude``.

        ``facts`` are the mention's (``agreement.report_facts``; read from ``text`` when absent); ``vector``
        its unit sentence vector (without one, only the lexical test links); ``speaker`` the name of the
        person or organisation it is credited to, if any (the same speaker lowers the bar to
        ``SAME_SPEAKER``)."""
        key = content_key(text)
        facts = facts or agreement.text_facts(text)
        who = agreement.name_words(speaker) if speaker else frozenset()
        candidates = [c for c in self._candidates(key) if c not in exclude]
        found, conflicts = self._lexical(key, facts, candidates)
        if found is None and vector is not None and candidates:
            found, more = self._semantic(facts, vector, candidates, who)
            conflicts += more
        created = found is None
        claim = len(self.keys) if created else found
        if created:
            self.keys.append([key])
            self.facts.append(facts)
            self.rows.append([])
            self.speakers.append(set())
        else:
            self._join(claim, key, facts)
        if who:
            self.speakers[claim].add(who)
        if vector is not None:
            self._keep_vector(claim, vector)
        for word in key.words | key.numbers:
            posting = self.postings.setdefault(word, {})
            posting.pop(claim, None)
            posting[claim] = None
        self._record(claim, conflicts)
        return claim, created

    def conflicts_of(self, claim: int) -> list[Conflict]:
        """Conflicts either side of which is ``claim``."""
        return [c for c in self.conflicts if claim in (c.claim, c.other)]

    def _candidates(self, key: ContentKey) -> list[int]:
        """Claims sharing the most (and rarest) keys with ``key``, among the most recent users of each key."""
        seen: dict[int, float] = {}
        for word in sorted(key.words | key.numbers):  # sorted: the same sums, so the same ties, on every run
            posting = self.postings.get(word)
            if posting:
                weight = 1.0 / math.log2(2 + len(posting))
                for claim in islice(reversed(posting), MAX_POSTING):
                    seen[claim] = seen.get(claim, 0.0) + weight
        return heapq.nsmallest(MAX_CANDIDATES, seen, key=lambda c: (-seen[c], c))

    def _lexical(self, key: ContentKey, facts: agreement.Facts, candidates: list[int]):
        conflicts = []
        for claim in candidates:
            score = max(overlap(key, other) for other in self.keys[claim])
            if score < SIMILARITY:
                continue
            reason = agreement.disagreement(facts, self.facts[claim])
            if reason is None and any(same_proposition(key, other) for other in self.keys[claim]):
                return claim, conflicts
            if reason in agreement.CONFLICTS:
                conflicts.append((claim, reason, score))
        return None, conflicts

    def _semantic(self, facts: agreement.Facts, vector: np.ndarray, candidates: list[int], who: frozenset[str]):
        with_rows = [c for c in candidates if self.rows[c]]
        if not with_rows:
            return None, []
        rows = [r for c in with_rows for r in self.rows[c]]
        starts = np.cumsum([0] + [len(self.rows[c]) for c in with_rows[:-1]])
        best = np.maximum.reduceat(self._matrix[rows] @ vector, starts)
        conflicts = []
        for i in np.argsort(-best, kind="stable"):
            score, claim = float(best[i]), with_rows[i]
            if score < min(CONFLICT, SAME_SPEAKER):
                break
            reason = agreement.disagreement(facts, self.facts[claim])
            bar = SAME_SPEAKER if self._same_speaker(claim, who) else SAME
            if reason is None and score >= bar:
                return claim, conflicts
            if reason in agreement.CONFLICTS and score >= CONFLICT:
                conflicts.append((claim, reason, score))
        return None, conflicts

    def _same_speaker(self, claim: int, who: frozenset[str]) -> bool:
        return bool(who) and any(who <= other or other <= who for other in self.speakers[claim])

    def _join(self, claim: int, key: ContentKey, facts: agreement.Facts) -> None:
        self.facts[claim] = self.facts[claim].merged(facts)
        keys = self.keys[claim]
        if len(keys) < MAX_REPS and key not in keys:
            keys.append(key)

    def _keep_vector(self, claim: int, vector: np.ndarray) -> None:
        rows = self.rows[claim]
        if len(rows) >= MAX_REPS or (rows and float(np.max(self._matrix[rows] @ vector)) >= DISTINCT):
            return
        if self._size == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
        self._matrix[self._size] = vector
        rows.append(self._size)
        self._size += 1

    def _record(self, claim: int, found: list[tuple[int, str, float]]) -> None:
        for other, kind, score in found:
            if other != claim and (claim, other, kind) not in self._known:
                self._known.add((claim, other, kind))
                self.conflicts.append(Conflict(claim, other, kind, round(score, 4)))


# --- where mention vectors come from -------------------------------------------------------------

# Either vectors already made, by (report id, mention index), or an encoder of texts (such as ``embed``).
VectorSource = Mapping[tuple[str, int], np.ndarray] | Callable[[list[str]], np.ndarray]


class HasMentions(Protocol):
    id: str
    extraction: Any


class VectorStore(Protocol):
    def mention_vectors(self, report_ids: list[str], model: str) -> dict[tuple[str, int], np.ndarray]: ...

    def save_mention_vectors(self, vectors: Mapping[tuple[str, int], np.ndarray], model: str) -> None: ...


def vector_text(text: str) -> str:
    """The text a mention's vector is made of: its content, whitespace collapsed."""
    return " ".join(text.split())


def report_vectors(source: VectorSource | None, report_id: str, texts: list[str]) -> list[np.ndarray | None]:
    """One vector (or None) per mention text of a report, from ``source``; None for all without embeddings."""
    if source is None:
        return [None] * len(texts)
    if callable(source):
        try:
            return list(source([vector_text(t) for t in texts]))
        except StorylineError as exc:
            warn_lexical(str(exc))
            return [None] * len(texts)
    return [source.get((report_id, i)) for i in range(len(texts))]


def cached_vectors(
    store: VectorStore, reports: list[HasMentions], encode: Callable[[list[str]], np.ndarray] = embed,
) -> dict[tuple[str, int], np.ndarray] | None:
    """Every mention vector of ``reports``: stored ones reused, the missing ones encoded in one batch and
    stored. None (and a warning, once) when the embeddings packages are missing: link by words then."""
    found = store.mention_vectors([r.id for r in reports if r.extraction], VECTOR_MODEL)
    missing = [(r.id, i, m.text) for r in reports if r.extraction
               for i, m in enumerate(r.extraction.mentions) if (r.id, i) not in found]
    if missing:
        try:
            vectors = encode([vector_text(text) for _, _, text in missing])
        except StorylineError as exc:
            warn_lexical(str(exc))
            return None
        new = {(report, i): vector for (report, i, _), vector in zip(missing, vectors)}
        store.save_mention_vectors(new, VECTOR_MODEL)
        found.update(new)
    return found


@cache
def warn_lexical(reason: str) -> None:
    """Say once per reason that claims are linked by their words only."""
    log.warning("claims are linked by their words only, not by meaning: %s", reason)
