"""Linking mentions that state the same proposition into one claim.

Within a story, a repeated claim (the same content in a later revision, a second report, or twice in one
report) joins the claim it repeats. Similarity here is lexical: content words after light normalisation,
with numbers and negation required to agree, so "12 dead" never joins "40 dead" and "did not" never joins
"did". Candidates come from an inverted index over content words (blocking), so linking a new mention
looks only at claims that share a rare-enough word with it, not at the whole story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*")
NEGATIONS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "n't"})
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being has have had
    that this these those it its his her their they he she we you i our your which who whom what when where
    will would shall should can could may might must do does did so than then there here also into over
    about after before said says say according""".split()
)
SIMILARITY = 0.6
# Posting lists longer than this are too common to narrow anything down; skip them when blocking.
MAX_POSTING = 200


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


def same_proposition(a: ContentKey, b: ContentKey) -> bool:
    """True when two contents state the same proposition by this module's lexical test."""
    if a.negated != b.negated or a.numbers != b.numbers or not a.words or not b.words:
        return False
    shared = len(a.words & b.words)
    return shared / len(a.words | b.words) >= SIMILARITY


@dataclass
class ClaimIndex:
    """Assigns each mention's content to a claim number, incrementally."""

    keys: list[ContentKey] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def link(self, text: str, exclude: frozenset[int] = frozenset()) -> tuple[int, bool]:
        """Return (claim number, created) for a mention whose content is ``text``, never one of ``exclude``."""
        key = content_key(text)
        for claim in self._candidates(key):
            if claim not in exclude and same_proposition(key, self.keys[claim]):
                return claim, False
        claim = len(self.keys)
        self.keys.append(key)
        for word in key.words:
            self.postings[word].append(claim)
        return claim, True

    def _candidates(self, key: ContentKey) -> list[int]:
        seen: dict[int, int] = {}
        for word in key.words:
            posting = self.postings.get(word, ())
            if len(posting) <= MAX_POSTING:
                for claim in posting:
                    seen[claim] = seen.get(claim, 0) + 1
        return sorted(seen, key=lambda c: (-seen[c], c))
