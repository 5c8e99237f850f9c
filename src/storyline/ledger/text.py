"""Small text helpers of the ledger: the sentence around a span, and a one-line shortening for details."""

from __future__ import annotations


def sentence_around(text: str, start: int, end: int | None = None) -> str:
    """The sentence holding [start, end), found by the nearest sentence ends around it."""
    end = start if end is None else end
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[left:min(stops) if stops else len(text)]


def short(text: str, limit: int = 120) -> str:
    """The text on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
