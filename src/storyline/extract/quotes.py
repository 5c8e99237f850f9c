"""Direct quotations: where each quoted passage starts and ends in a report's text.

Handles curly and straight double quotes, quotes spanning sentences, and the newspaper convention
for a quote running over paragraphs: a paragraph that opens a quote without closing it, followed by
a paragraph that opens again, continues the same quote. An unclosed quote ends with its paragraph.
Single quotes are left alone: they double as apostrophes; two of them in a row ('') stand for a
straight double quote, as some archives print them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

OPEN = "“„«"
CLOSE = "”»"
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"[^\n]+")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted passage, quote marks included, in text order."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    quotes: list[tuple[int, int]] = []
    start: int | None = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        continuing = start is not None
        skip = -1
        for i in range(p_start, p_end):
            if i == skip:
                continue
            char = text[i]
            if char == "'" and i + 1 < p_end and text[i + 1] == "'":
                char, skip = STRAIGHT, i + 1
            if start is None:
                if char in OPEN or char == STRAIGHT and _opens(text, i) or char in CLOSE and _opens_wrongly(text, i):
                    start = i
            elif continuing and i == _first_char(text, p_start, p_end) and (char in OPEN or char == STRAIGHT):
                continuing = False  # the mark that re-opens a continued quote
            elif char in CLOSE or char == STRAIGHT or (char in OPEN and _closes(text, i)):
                quotes.append((start, max(i, skip) + 1))
                start = None
            continuing = False if char.strip() else continuing
        if start is not None and not _continues(text, paragraphs, n):
            quotes.append((start, _rstrip(text, p_start, p_end)))
            start = None
    return quotes


def _opens(text: str, i: int) -> bool:
    """A straight quote opens when it follows a space, a bracket, a dash or the start of text."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:"


def _opens_wrongly(text: str, i: int) -> bool:
    """A closing mark typed where an opening one belongs: where a quote opens, before a word ('”The port
    is shut.” ― Ana Ruiz')."""
    return _opens(text, i) and i + 1 < len(text) and text[i + 1].isalnum()


def _closes(text: str, i: int) -> bool:
    """An opening mark typed where a closing one belongs: after a word, before a space or punctuation."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not text[i - 1].isspace() and (after.isspace() or after in ",.;:!?)")


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _continues(text: str, paragraphs: list[tuple[int, int]], n: int) -> bool:
    """Does the paragraph after paragraph n open with a quote mark?"""
    if n + 1 >= len(paragraphs):
        return False
    p_start, p_end = paragraphs[n + 1]
    first = _first_char(text, p_start, p_end)
    return first < p_end and (text[first] in OPEN or text[first] == STRAIGHT or text[first:first + 2] == "''")


class QuoteIndex:
    """Which quote, if any, covers a character offset."""

    def __init__(self, quotes: list[tuple[int, int]]):
        self.quotes = quotes
        self._starts = [s for s, _ in quotes]

    def at(self, pos: int) -> tuple[int, int] | None:
        """The quote whose span holds pos (marks included)."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.quotes[i][1]:
            return self.quotes[i]
        return None

    def holding(self, start: int, end: int) -> tuple[int, int] | None:
        """The quote that holds all of [start, end), if one does."""
        quote = self.at(start)
        return quote if quote is not None and end <= quote[1] else None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotes that share at least one character with [start, end)."""
        i = max(0, bisect_right(self._starts, start) - 1)
        found = []
        while i < len(self.quotes) and self.quotes[i][0] < end:
            if self.quotes[i][1] > start:
                found.append(self.quotes[i])
            i += 1
        return found
