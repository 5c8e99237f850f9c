"""Linking mentions that state the same proposition into one claim.

Within a story, a repeated claim (the same content in a later revision, a second report, or twice in one
report, or another outlet's wording of it) joins the claim it repeats. Two tests, both checked by agreement
(``agreement.py``: entities, figures, dates and polarity must not disagree, so "12 dead" never joins
"40 dead" and "the ministry denied the tanker sank" never joins "the tanker sank"):

- lexical, the fast first pass and the fallback without embeddings: content words after light
  normalisation overlap (Jaccard ≥ ``SIMILARITY``), with numbers and negation equal;
- by meaning: the MiniLM sentence vectors of the two contents are close, helped by the same named speaker and
  by rare words both contents use (score ≥ ``SAME``; see there). Two contents quoting the same distinctive
  words are one remark whatever negation surrounds it; a contest never joins what it contests.

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
QUOTES = re.compile(r"[\"“”]|''|``")
NEGATIONS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "n't"})
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being has have had
    that this these those it its his her their they he she we you i our your which who whom what when where
    will would shall should can could may might must do does did so than then there here also into over
    about after before said says say according""".split()
)
SIMILARITY = 0.6
# By meaning, a mention joins the claim whose score is highest and at least SAME. The score is the cosine of
# the two contents' MiniLM vectors (the best of the claim's kept mentions); when one named speaker says both,
# plus SPEAKER and plus WORDS times the cosine of their common words weighted by rarity in the story
# (``ClaimIndex._shared``: names left out, as a story's names are its topic, not its propositions). On real
# reports MiniLM puts paraphrases at 0.5–0.8, and one speaker's different claims on one topic there too; the
# rare words both use ("radar", "an hour before") tell those apart better. Between different speakers rare
# words do not count for joining (outlets share a story's vocabulary: "the tanker had sunk" and "the tanker
# was towed to a repair berth"), only for finding what a denial contests (see CONFLICT). Chosen on the
# train-text stories of the ledger dev gold (gold/ledger/dev, all but first-presidential-debate,
# trump-1995-tax-returns and tulsa-charlotte-police-shootings), precision first: links P 0.52, R 0.28 there
# (cosine alone, SAME and one speaker from 0.70: P 0.57, R 0.14). With no rare word in common, one speaker's
# words join from cosine SAME_SPEAKER, anyone's from SAME: fictional paraphrases 0.71–0.98, different claims
# of one story ≤ 0.65; near-misses that differ only in a figure, a date or a negation score 0.88–1.0, and the
# agreement checks, not the threshold, keep those apart.
SAME = 0.84
SPEAKER = 0.20
SAME_SPEAKER = SAME - SPEAKER
WORDS = 0.3
# From this score (rare words counted whoever speaks), two mentions kept apart by a figure, a date or polarity
# are a conflict worth showing: a denial in other words contests the claim it denies.
CONFLICT = 0.80
# Two contents that quote the same distinctive words (summed rarity ≥ QUOTE_RARITY, log-scaled, about two
# words of few claims each), covering at least QUOTED_SAME of the shorter quotation, quote one remark: a
# negation elsewhere in one ("you aren't just a loser, you are a liar") does not make them opposites.
QUOTE_RARITY = 2.0
QUOTED_SAME = 0.5
# A negation on one side only is a conflict between near-identical contents ("the berth was not inspected", "the
# berth was inspected": cosine 0.88–1.0). Below this cosine, one speaker's two wordings of a remark differ in
# more than a "not", and a "not" on one side is mostly in another clause or an idiom ("There's no question I'm
# under scrutiny", "he can't be impartial" for "he is biased"): it does not keep them apart. A contest (a
# denial, a dispute) always does. On the train-text stories: 2 right links gained, 1 wrong one gained.
NEGATION_NEAR = 0.80
# a closing quote, a short speech tag ending a sentence or opening a colon, and an opening quote
RESUMED_QUOTE = re.compile(r"""[,.!?—-](?:["”]|'')\s*[^"“]{1,120}?[.:]\s*(?:["“]|'')""")
# One speaker's remark quoted in one report and told in another's words ('"Every other councillor gets an easier
# ride than I do"', "she had faced more scrutiny than any other councillor"): the shift of person, tense and
# register between a quote and its indirect report puts MiniLM's cosine lower than between two reports of the
# remark in one form, so a direct mention meeting a claim that holds the same speaker's indirect one (or the
# reverse) gets RESTATED on top of SPEAKER. Not for a quote resumed after its speech tag (``resumed_quote``: it
# holds several remarks; with it, train-text links fell to P 0.74). On the train-text stories of the ledger dev
# gold: 4 right links gained, 2 lost (a mention joins one claim: the quote's, not its two paraphrases'), none
# wrong (P 0.816 → 0.825, R 0.301 → 0.320); 0.03–0.05 the same or one right link more, from 0.06 a quote with a
# "not" joins the reports it rebuts.
RESTATED = 0.04
RESTATED_FORMS = frozenset({"direct", "indirect"})
# A content whose subject is its speaker ("he would back the nominee", "to back the nominee" after "vowed", a quote
# opening with "I" or "we"; in a quote "he" is someone else) states
# something of that speaker: two such contents of different named speakers are two claims, however alike their
# words ("Ryan had pledged to support the nominee" / "Ayotte's campaign said she would support the nominee").
SELF_SUBJECT = re.compile(r"^(?:\s*(?:that\s+)?(?:he|she|i|we|to)|\W*(?:i|we))\b"  # in a quote only "I", "we"
                          r"(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)", re.IGNORECASE)
# A paraphrase and the quote right after it that gives its words (``restatement.beside``) may name different
# people (the paraphrase names whom the quote calls "he"), and a "not" in one is mostly in another clause: only
# a contest, a figure, a date or what became of people given otherwise keeps them apart. When the quote is
# resumed after its speech tag, its vector is not kept for the claim: it blends several remarks, and with the
# speaker's lower bar it drew the speaker's next quote into the claim (train-text: 3 wrong links).
BESIDE_AGREES = frozenset({None, "entities"})
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
    quoted: frozenset[str] = frozenset()  # the content words inside quotation marks
    names: frozenset[str] = frozenset()  # words written with a capital after the first word (names, mostly)


def content_key(text: str) -> ContentKey:
    """Content words (lower-cased, plural -s stripped), numbers, polarity, quoted words and names of a claim's
    text."""
    words, numbers, negated, names = set(), set(), False, set()
    for n, token in enumerate(WORD.findall(text.replace("n’t", " n't").replace("n't", " n't"))):
        low = token.lower()
        if n and token[0].isupper():
            names.add(stem(low))
        if low in NEGATIONS:
            negated = True
        elif low[0].isdigit():
            numbers.add(low.replace(",", ""))
        elif low not in STOPWORDS and len(low) > 1:
            words.add(stem(low))
    pieces = QUOTES.split(text)
    quoted = content_key(" ".join(pieces[1::2])).words if len(pieces) > 2 else frozenset()
    return ContentKey(frozenset(words), frozenset(numbers), negated, quoted, frozenset(names))


def resumed_quote(text: str) -> bool:
    """Is the content a quote resumed after its speech tag ('"…," she said. "…"')? Such a content holds
    several of its speaker's remarks, and its sentence vector, a blend of them, lies close to a paraphrase of
    any one: the same speaker's lower bar would join it to each, and so chain that speaker's different claims
    into one. It links by meaning only at the plain bar (``SAME``), or by its words. On the train-text stories
    of the ledger dev gold: 17 wrong links gone, 1 right one lost (links P 0.56 → 0.81)."""
    return bool(RESUMED_QUOTE.search(text))


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
    voices: list[set[tuple[frozenset[str], str]]] = field(default_factory=list)  # per claim, (speaker, form)
    selves: list[set[frozenset[str]]] = field(default_factory=list)  # per claim, speakers of SELF_SUBJECT contents
    rows: list[list[int]] = field(default_factory=list)  # per claim, its representatives' rows in _matrix
    postings: dict[str, dict[int, None]] = field(default_factory=dict)  # key → claims, most recent last
    conflicts: list[Conflict] = field(default_factory=list)
    _known: set[tuple[int, int, str]] = field(default_factory=set)  # (claim, other, kind) of conflicts
    _matrix: np.ndarray = field(default_factory=lambda: np.zeros((256, DIMENSIONS), dtype=np.float32))
    _size: int = 0

    def link(
        self, text: str, exclude: frozenset[int] = frozenset(), *, facts: agreement.Facts | None = None,
        vector: np.ndarray | None = None, speaker: str | None = None, form: str | None = None,
        beside: int | None = None,
    ) -> tuple[int, bool]:
        """Return (claim number, created) for a mention whose content is ``text``, never one of ``exclude``.

        ``facts`` are the mention's (``agreement.report_facts``; read from ``text`` when absent); ``vector``
        its unit sentence vector (without one, only the lexical test links); ``speaker`` the name of the
        person or organisation it is credited to, if any (the same speaker lowers the bar to
        ``SAME_SPEAKER``, except for a quote resumed after its speech tag: ``resumed_quote``); ``form`` how the
        mention gives the words ("direct", "indirect", …: a speaker's quote meeting their indirect report gets
        ``RESTATED`` more); ``beside`` the claim of the paraphrase this quote gives the words of, in the
        sentence before (``restatement.beside``): joined when no claim is and nothing but names or a negation
        sets them apart (``BESIDE_AGREES``)."""
        key = content_key(text)
        facts = facts or agreement.text_facts(text)
        who = agreement.name_words(speaker) if speaker and not resumed_quote(text) else frozenset()
        voice = (who, form) if who and form in RESTATED_FORMS else None
        own = who if who and SELF_SUBJECT.match(text) else frozenset()  # what it says of its speaker
        candidates = [c for c in self._candidates(key) if c not in exclude and not self._someone_else(c, own)]
        found, conflicts = self._lexical(key, facts, candidates)
        if found is None and vector is not None and candidates:
            found, more = self._semantic(key, facts, vector, candidates, who, voice)
            conflicts += more
        blend = False  # a resumed quote joined to its paraphrase: its vector is kept for no claim (BESIDE_AGREES)
        if found is None and beside is not None and beside not in exclude and agreement.disagreement(
                facts, self.facts[beside], quoted=True) in BESIDE_AGREES:
            found, blend = beside, resumed_quote(text)
        created = found is None
        claim = len(self.keys) if created else found
        if created:
            self.keys.append([key])
            self.facts.append(facts)
            self.rows.append([])
            self.speakers.append(set())
            self.voices.append(set())
            self.selves.append(set())
        else:
            self._join(claim, key, facts)
        if who:
            self.speakers[claim].add(who)
        if voice:
            self.voices[claim].add(voice)
        if own:
            self.selves[claim].add(own)
        if vector is not None and not blend:
            self._keep_vector(claim, vector)
        for word in key.words | key.numbers:
            posting = self.postings.setdefault(word, {})
            posting.pop(claim, None)
            posting[claim] = None
        self._record(claim, conflicts)
        return claim, created

    def __getstate__(self) -> dict:
        """Pickled with only the rows of its vector matrix in use (the rest is spare capacity)."""
        return {**self.__dict__, "_matrix": self._matrix[:self._size].copy()}

    def __setstate__(self, state: dict) -> None:
        matrix = state["_matrix"]
        spare = np.zeros((max(256, len(matrix)), DIMENSIONS), dtype=np.float32)
        self.__dict__.update(state, _matrix=np.concatenate([matrix, spare]))

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
        scored = [(max(overlap(key, other) for other in self.keys[claim]), claim) for claim in candidates]
        # the claim whose words overlap most first (ties in candidate order): of an outlet's "X deflected
        # questions before saying '…'" and X's quote inside it, another report's same quote joins the quote
        for score, claim in sorted(scored, key=lambda s: -s[0]):
            if score < SIMILARITY:
                break
            reason = agreement.disagreement(facts, self.facts[claim])
            if reason is None and any(same_proposition(key, other) for other in self.keys[claim]):
                return claim, conflicts
            if reason in agreement.CONFLICTS:
                conflicts.append((claim, reason, score))
        return None, conflicts

    def _semantic(self, key: ContentKey, facts: agreement.Facts, vector: np.ndarray, candidates: list[int],
                  who: frozenset[str], voice: tuple[frozenset[str], str] | None = None):
        with_rows = [c for c in candidates if self.rows[c]]
        if not with_rows:
            return None, []
        rows = [r for c in with_rows for r in self.rows[c]]
        starts = np.cumsum([0] + [len(self.rows[c]) for c in with_rows[:-1]])
        cosines = np.maximum.reduceat(self._matrix[rows] @ vector, starts)
        scored = []
        for cos, claim in zip(cosines.tolist(), with_rows):
            same_speaker = self._same_speaker(claim, who)
            bonus = SPEAKER + (RESTATED if self._restated(claim, voice) else 0.0) if same_speaker else 0.0
            if cos + WORDS + bonus < CONFLICT - 1e-9:
                continue  # whatever words they share, it scores under every bar below: skipped there anyway
            words = WORDS * max(self._shared(key.words - key.names, other.words - other.names)
                                for other in self.keys[claim])
            quoted = any(self._same_quote(key.quoted, other.quoted) for other in self.keys[claim])
            if same_speaker:
                loose = quoted or cos < NEGATION_NEAR  # a "not" elsewhere in one speaker's other wording
                scored.append((cos + bonus + words, cos + bonus + words, claim, loose))
            else:
                scored.append((cos, cos + words, claim, quoted))
        conflicts = []
        for join, opposed, claim, quoted in sorted(scored, key=lambda s: (-s[0], -s[1], s[2])):
            if opposed < CONFLICT:
                continue
            reason = agreement.disagreement(facts, self.facts[claim], quoted=quoted)
            if reason is None and join >= SAME:
                return claim, conflicts
            if reason in agreement.CONFLICTS:
                conflicts.append((claim, reason, join))
        return None, conflicts

    def _rarity(self, words: frozenset[str]) -> dict[str, float]:
        """Each word's inverse claim frequency in the story so far: log((claims + 1) / claims using it)."""
        n = len(self.keys) + 1
        return {w: math.log(n / max(1, len(self.postings.get(w, ())))) for w in words}

    def _shared(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Cosine of two contents' words weighted by rarity in the story (words of few claims weigh most)."""
        if not a or not b:
            return 0.0
        weight = {w: x * x for w, x in self._rarity(a | b).items()}
        norm = math.sqrt(sum(weight[w] for w in a) * sum(weight[w] for w in b))
        return sum(weight[w] for w in a & b) / norm if norm else 0.0

    def _same_quote(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Do two contents quote the same distinctive words (``QUOTE_RARITY``, ``QUOTED_SAME``)?"""
        both = a & b
        if not both:
            return False
        rarity = self._rarity(a | b)
        shared = sum(rarity[w] for w in both)
        return shared >= QUOTE_RARITY and shared >= QUOTED_SAME * min(sum(rarity[w] for w in a),
                                                                       sum(rarity[w] for w in b))

    def _restated(self, claim: int, voice: tuple[frozenset[str], str] | None) -> bool:
        """Does the claim hold the speaker's remark in the other form (a quote for an indirect report, or the
        reverse; ``RESTATED``)?"""
        if voice is None:
            return False
        name, form = voice
        return any(f != form and (name <= other or other <= name) for other, f in self.voices[claim])

    def _someone_else(self, claim: int, own: frozenset[str]) -> bool:
        """Does the claim hold what another named speaker says of themselves (``SELF_SUBJECT``), where the new
        mention says something of its own speaker ``own``?"""
        return bool(own) and any(not (own <= other or other <= own) for other in self.selves[claim])

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
