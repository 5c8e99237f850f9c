"""A sentence-level diff between two revisions of an article: what was added, removed or reworded.

Sentences come from a cheap regex splitter (no parse): each line is a paragraph, except that a line
break inside a sentence (a hard-wrapped line followed by a lowercase word) joins the lines; a paragraph
splits after ``.``, ``!`` or ``?`` (and any closing quotes or brackets) when the next sentence starts
with a capital, a digit or an opening quote, but not after a common abbreviation ("Gov.", "Jan.") or
initials ("U.S.", "a.m.", "J.").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_SOFT_BREAK = re.compile(r"(?<![.!?:;\"”’)\]])[ \t]*\r?\n[ \t]*(?=[a-z])")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_WORD = re.compile(r"\w+")
ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof gov sen rep gen col lt maj capt sgt cpl adm cmdr insp supt det rev hon pres st mt ft
    jr sr co corp inc ltd bros dept univ assn approx vs al cf fig ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
SIMILAR = 0.5  # a removed and an added sentence this similar (word ratio or Jaccard) are one "changed"
WINDOW = 50  # how many added sentences ahead a removed one looks for its pair (bounds the work)


@dataclass
class SentenceChange:
    """One sentence added, removed, or changed (``old`` reworded into ``new``)."""

    kind: Literal["added", "removed", "changed"]
    old: str | None
    new: str | None


def split_sentences(text: str) -> list[str]:
    """The text's sentences in order, paragraph by paragraph, without empty ones."""
    sentences: list[str] = []
    for paragraph in _LINE_BREAK.split(_SOFT_BREAK.sub(" ", text)):
        start = 0
        for boundary in _BOUNDARY.finditer(paragraph):
            if _after_abbreviation(paragraph, start, boundary):
                continue
            sentences.append(paragraph[start:boundary.end()].strip())
            start = boundary.end()
        last = paragraph[start:].strip()
        if last:
            sentences.append(last)
    return sentences


def _after_abbreviation(paragraph: str, start: int, boundary: re.Match[str]) -> bool:
    """Whether the full stop at ``boundary`` ends an abbreviation or initials rather than a sentence."""
    if paragraph[boundary.start():boundary.end()].rstrip() != ".":
        return False
    word = paragraph[start:boundary.start() + 1].rsplit(None, 1)[-1].lstrip("\"'“‘«([")
    return bool(_INITIALS.fullmatch(word)) or word[:-1].casefold() in ABBREVIATIONS or (
        word == "No." and paragraph[boundary.end():boundary.end() + 1].isdigit())


def diff_sentences(old: str, new: str) -> list[SentenceChange]:
    """The sentences that differ between two texts, in document order; unchanged ones are left out.

    Within a block of replaced sentences, an old sentence pairs with the most similar new one still
    ahead of the last pairing (order kept) when they are at least ``SIMILAR`` alike: that is a
    "changed"; the rest are "removed" and "added". A sentence that only moved is no change.
    """
    before, after = split_sentences(old), split_sentences(new)
    changes: list[SentenceChange] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            changes += _pair(before[i1:i2], after[j1:j2])
        elif op == "insert":
            changes += [SentenceChange("added", None, sentence) for sentence in after[j1:j2]]
    return _without_moves(changes)


def _pair(removed: list[str], added: list[str]) -> list[SentenceChange]:
    """Changes for one replaced block: similar sentences paired in order, the others on their own."""
    words = [_WORD.findall(sentence.casefold()) for sentence in added]
    changes: list[SentenceChange] = []
    next_new = 0
    for sentence in removed:
        old_words = _WORD.findall(sentence.casefold())
        ahead = range(next_new, min(len(added), next_new + WINDOW))
        scores = [(_similarity(old_words, words[j]), j) for j in ahead]
        score, best = max(scores, key=lambda pair: pair[0], default=(0.0, -1))
        if score < SIMILAR:
            changes.append(SentenceChange("removed", sentence, None))
            continue
        changes += [SentenceChange("added", None, added[j]) for j in range(next_new, best)]
        changes.append(SentenceChange("changed", sentence, added[best]))
        next_new = best + 1
    changes += [SentenceChange("added", None, added[j]) for j in range(next_new, len(added))]
    return changes


def _without_moves(changes: list[SentenceChange]) -> list[SentenceChange]:
    """The changes less each sentence removed in one place and added unchanged in another."""
    moved = (Counter(c.old for c in changes if c.kind == "removed")
             & Counter(c.new for c in changes if c.kind == "added"))
    if not moved:
        return changes
    removed, added = moved.copy(), moved
    kept = []
    for change in changes:
        if change.kind == "removed" and removed[change.old] > 0:
            removed[change.old] -= 1
        elif change.kind == "added" and added[change.new] > 0:
            added[change.new] -= 1
        else:
            kept.append(change)
    return kept


def _similarity(a: list[str], b: list[str]) -> float:
    """How alike two sentences' words are: the larger of difflib's ratio and the Jaccard index."""
    if not a or not b:
        return 0.0
    union = set(a) | set(b)
    jaccard = len(set(a) & set(b)) / len(union)
    return max(jaccard, SequenceMatcher(None, a, b, autojunk=False).ratio())


def format_diff(changes: list[SentenceChange]) -> list[str]:
    """Terminal lines: ``- removed``, ``+ added``, ``~ old → new``."""
    lines = []
    for change in changes:
        if change.kind == "added":
            lines.append(f"+ {change.new}")
        elif change.kind == "removed":
            lines.append(f"- {change.old}")
        else:
            lines.append(f"~ {change.old} → {change.new}")
    return lines
