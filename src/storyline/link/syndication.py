"""Syndicated and wire copies: which report is another outlet's copy of an earlier one.

A copy is a report from another outlet whose text is mostly an earlier report's text (a reprint, often
trimmed), or that credits another outlet's wire ("Distributed by X under licence", a "(X) —" dateline,
"© X", "Reporting by X", "X contributed to this report"). A revision of the same article is never a copy.
For counting independent outlets each report gets an origin: its original's origin when it is a copy, the
credited wire when it credits one, else its own outlet.

Near-duplicates are found with word-shingle MinHash signatures in an LSH index (banding), so adding a
report looks only at the few earlier reports that share a signature band with it, not at the whole story.
Both are done here in a few lines of numpy, exactly as datasketch 2 does them (its "affine32" MinHash over
CRC-32 shingle hashes, its MinHashLSH bands for a Jaccard threshold of 0.3; tests/test_syndication.py checks
the two agree): importing datasketch loads scipy, half a second on every command that reads a ledger.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import numpy as np

from ..extract.dateline import dateline_span

SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
SEED = 1  # of the permutations: signatures are comparable across processes and runs
# LSH: two signatures are candidates when all ROWS values of one of BANDS bands agree. 37 × 3 is what
# datasketch's MinHashLSH chooses for a Jaccard threshold of 0.3 (trimmed copies have low Jaccard).
BANDS, ROWS = 37, 3
COPY_CONTAINMENT = 0.6  # share of a report's shingles found in an earlier one that makes it a copy
MIN_SHINGLES = 20  # shorter texts are too short to call copies by their words alone
EDGE = 600  # credit lines sit in the first or last this many characters

WORD = re.compile(r"\w+(?:['’]\w+)*")
_NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:of|the|de|[A-Z&][\w&'’.-]*))*)"
_START = r"(?:^|(?<=[.!?;(\n]))[ \t]*"
# Credits that name the outlet whose copy this is.
WIRE_CREDITS = (
    re.compile(_START + r"(?:Distributed|Syndicated|Supplied|Provided|Licensed|Republished)\s+(?:by|from|via)\s+"
               r"(?:the\s+)?" + _NAME, re.MULTILINE),
    re.compile(r"(?i:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:the\s+)?" + _NAME),
    re.compile(_START + r"(?:This (?:story|article|report) (?:was|is) (?:first )?(?:published|reprinted) by)\s+"
               r"(?:the\s+)?" + _NAME, re.MULTILINE),
)
# Credits that may as well name a person: they count only when they name an outlet of the story.
SHARED_CREDITS = (
    re.compile(_START + r"(?:Additional )?[Rr]eporting by\s+(?:the\s+)?" + _NAME, re.MULTILINE),
    re.compile(_START + r"(?:the\s+)?" + _NAME + r"\s+contributed to this (?:report|story|article)",
               re.MULTILINE),
)
_PARENTHESIS = re.compile(r"\((?P<name>[^()\n]{2,60})\)")


class TextReport(Protocol):
    id: str
    location: str
    outlet: str
    text: str


def outlet_key(name: str) -> str:
    """An outlet's name for comparison: lower case, no leading "the", no punctuation."""
    words = WORD.findall(name.lower())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The text's overlapping runs of ``size`` lower-cased words."""
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + size]) for i in range(max(0, len(words) - size + 1))}


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Odd multipliers and offsets of the affine permutations h → a·h + b (mod 2³²: uint32 wraps)."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


def _mix(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, a bijection that spreads the CRC-32 values before the permutations."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def signature(words: set[str]) -> np.ndarray:
    """The MinHash signature of a set of shingles: per permutation, the least permuted hash (uint32, one per
    permutation). Shingles are hashed with CRC-32: fast and the same in every process."""
    a, b = _permutations()
    hashes = _mix(np.array([zlib.crc32(w.encode("utf-8")) for w in words], dtype=np.uint32))
    return (hashes[:, None] * a + b).min(axis=0, initial=np.iinfo(np.uint32).max)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two shingle sets, estimated from their signatures."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


@dataclass
class Bands:
    """The LSH index: per band, the reports by their signature's values in that band."""

    tables: list[dict[bytes, list[str]]] = field(default_factory=lambda: [{} for _ in range(BANDS)])

    def insert(self, key: str, minhash: np.ndarray) -> None:
        for table, band in zip(self.tables, _bands(minhash)):
            table.setdefault(band, []).append(key)

    def query(self, minhash: np.ndarray) -> set[str]:
        """The reports that share at least one band with ``minhash``."""
        return {key for table, band in zip(self.tables, _bands(minhash)) for key in table.get(band, ())}


def _bands(minhash: np.ndarray) -> list[bytes]:
    return [minhash[i * ROWS:(i + 1) * ROWS].tobytes() for i in range(BANDS)]


@lru_cache(maxsize=4096)
def fingerprint(text: str) -> tuple[np.ndarray | None, int, tuple[str, ...], tuple[str, ...]]:
    """(signature or None when too short, shingle count, wire credits, shared credits) of a text; cached,
    as a story's ledger is rebuilt from the same texts again and again."""
    words = shingles(text)
    strong, shared = wire_credits(text)
    return (signature(words) if len(words) >= MIN_SHINGLES else None), len(words), tuple(strong), tuple(shared)


def wire_credits(text: str) -> tuple[list[str], list[str]]:
    """(outlets the text credits as its source, names that shared credits give).

    The first list comes from a wire dateline's "(X)", "Distributed by X", "© X" and the like; the second
    from "Reporting by X" and "X contributed to this report", which may name people.
    """
    strong, shared = [], []
    span = dateline_span(text[:EDGE])
    if span:
        strong += [m.group("name").strip() for m in _PARENTHESIS.finditer(text, span[0], span[1])]
    head_end = min(len(text), EDGE)
    edges = [text[:head_end]] + ([text[max(head_end, len(text) - EDGE):]] if len(text) > head_end else [])
    for part in edges:
        strong += [_trim(m.group("name")) for pattern in WIRE_CREDITS for m in pattern.finditer(part)]
        shared += [_trim(m.group("name")) for pattern in SHARED_CREDITS for m in pattern.finditer(part)]
    return list(dict.fromkeys(strong)), list(dict.fromkeys(shared))


def _trim(name: str) -> str:
    """A credited name without what trails it in a credit line ("X under licence", "X. All rights …")."""
    name = re.split(r"\s+(?:under|with|for|and|in|on|via|All)\b|[.;,]\s", name)[0]
    return name.rstrip(".,; ")


@dataclass
class Copy:
    """What the index knows of one report."""

    report_id: str
    outlet: str  # outlet key
    location: str
    origin: str  # outlet key of the outlet whose text this is
    copy_of: str | None
    credit: str | None  # the outlet it credits, as the credit names it
    signature: np.ndarray | None
    size: int
    position: int  # order of arrival in the story


@dataclass
class SyndicationIndex:
    """Reports added in story order; for each, whether it copies an earlier one, and its origin outlet."""

    lsh: Bands = field(default_factory=Bands)
    reports: dict[str, Copy] = field(default_factory=dict)
    by_outlet: dict[str, list[str]] = field(default_factory=dict)  # outlet key → its report ids, in order

    def add(self, report: TextReport) -> Copy:
        """Index a report and say what it copies (if anything) and whose text it is."""
        if report.id in self.reports:
            return self.reports[report.id]
        own = outlet_key(report.outlet)
        minhash, size, strong, shared = fingerprint(report.text)
        credited = [(outlet_key(n), n) for n in strong if outlet_key(n) not in ("", own)]
        credited += [(outlet_key(n), n) for n in shared if outlet_key(n) in self.by_outlet and outlet_key(n) != own]
        credit_key, credit = credited[0] if credited else (None, None)
        original = self._near_duplicate(own, report.location, minhash, size)
        if original is None and credit_key in self.by_outlet:
            original = self._closest(self.by_outlet[credit_key], minhash)
        origin = self.reports[original].origin if original is not None else credit_key or own
        entry = Copy(report.id, own, report.location, origin, original, credit, minhash, size, len(self.reports))
        self.reports[report.id] = entry
        self.by_outlet.setdefault(own, []).append(report.id)
        if minhash is not None:
            self.lsh.insert(report.id, minhash)
        return entry

    def origin(self, report_id: str) -> str:
        return self.reports[report_id].origin

    def _near_duplicate(self, own: str, location: str, minhash: np.ndarray | None, size: int) -> str | None:
        """The earlier report of another outlet and article that holds most of this text, if one does: an
        original before a copy of it, then the most alike, then the earliest."""
        if minhash is None:
            return None
        found = []
        for key in self.lsh.query(minhash):
            other = self.reports[key]
            if other.outlet == own or other.location == location or other.origin == own:
                continue  # the same outlet, a revision, or a copy of this outlet's own text
            share = _containment(minhash, size, other.signature, other.size)
            if share >= COPY_CONTAINMENT:
                found.append((other.copy_of is None, share, -other.position, key))
        return max(found)[3] if found else None

    def _closest(self, candidates: list[str], minhash: np.ndarray | None) -> str:
        """Of a credited outlet's reports, the one most like this text (the latest when none is)."""
        if minhash is None:
            return candidates[-1]
        signatures = [self.reports[c].signature for c in candidates]
        scored = [(jaccard(minhash, other) if other is not None else 0.0, i, c)
                  for i, (c, other) in enumerate(zip(candidates, signatures))]
        return max(scored)[2]


def _containment(a: np.ndarray, a_size: int, b: np.ndarray, b_size: int) -> float:
    """Estimated share of A's shingles that are in B, from the signatures' Jaccard and the set sizes."""
    similar = jaccard(a, b)
    return min(1.0, similar * (a_size + b_size) / ((1 + similar) * a_size))


def find_copies(reports: list[TextReport]) -> dict[str, Copy]:
    """Every report's copy record, reports taken in the order given (the order they were added)."""
    index = SyndicationIndex()
    return {report.id: index.add(report) for report in reports}
