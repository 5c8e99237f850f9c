"""Syndicated and wire copies: which report is another outlet's copy of an earlier one.

A copy is a report from another outlet whose text is mostly an earlier report's text (a reprint, often
trimmed), or that credits another outlet's wire ("Distributed by X under licence", a "(X) —" dateline,
"© X", "Reporting by X", "X contributed to this report"). A revision of the same article is never a copy.
For counting independent outlets each report gets an origin: its original's origin when it is a copy, the
credited wire when it credits one, else its own outlet.

Near-duplicates are found with word-shingle MinHash signatures in an LSH index (datasketch), so adding a
report looks only at the few earlier reports that share signature bands with it, not at the whole story.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from datasketch import MinHash, MinHashLSH

from ..extract.dateline import dateline_span

SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
LSH_THRESHOLD = 0.3  # Jaccard at which LSH starts proposing candidates (trimmed copies have low Jaccard)
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
def _permutations() -> tuple:
    return MinHash(num_perm=PERMUTATIONS, seed=1).permutations


def signature(words: set[str]) -> MinHash:
    """A MinHash signature of a set of shingles (CRC-32 of each: fast and the same in every process)."""
    minhash = MinHash(num_perm=PERMUTATIONS, hashfunc=zlib.crc32, permutations=_permutations(), scheme="affine32")
    minhash.update_batch([w.encode("utf-8") for w in words])
    return minhash


@lru_cache(maxsize=1)
def _lsh_bands() -> tuple[int, int]:
    """The (bands, rows) datasketch picks for LSH_THRESHOLD, worked out once (it integrates to choose)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    return lsh.b, lsh.r


@lru_cache(maxsize=4096)
def fingerprint(text: str) -> tuple[MinHash | None, int, tuple[str, ...], tuple[str, ...]]:
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
    signature: MinHash | None
    size: int
    position: int  # order of arrival in the story


@dataclass
class SyndicationIndex:
    """Reports added in story order; for each, whether it copies an earlier one, and its origin outlet."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(num_perm=PERMUTATIONS, params=_lsh_bands()))
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

    def _near_duplicate(self, own: str, location: str, minhash: MinHash | None, size: int) -> str | None:
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

    def _closest(self, candidates: list[str], minhash: MinHash | None) -> str:
        """Of a credited outlet's reports, the one most like this text (the latest when none is)."""
        if minhash is None:
            return candidates[-1]
        scored = [(minhash.jaccard(self.reports[c].signature) if self.reports[c].signature else 0.0, i, c)
                  for i, c in enumerate(candidates)]
        return max(scored)[2]


def _containment(a: MinHash, a_size: int, b: MinHash, b_size: int) -> float:
    """Estimated share of A's shingles that are in B, from the signatures' Jaccard and the set sizes."""
    jaccard = a.jaccard(b)
    return min(1.0, jaccard * (a_size + b_size) / ((1 + jaccard) * a_size))


def find_copies(reports: list[TextReport]) -> dict[str, Copy]:
    """Every report's copy record, reports taken in the order given (the order they were added)."""
    index = SyndicationIndex()
    return {report.id: index.add(report) for report in reports}
