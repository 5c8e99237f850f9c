"""Factuality gold in the jiant layout (UDS-IH2, MEANTIME, UW), read without extraction: one JSON object a line,
a whitespace-tokenized sentence (``text``) and its ``targets``, each a token span ``span1`` ([start, end)) and a
``label`` in [-3, +3] (-3: certainly did not happen, 0: unknown, +3: certainly happened). The tokens are joined
with single spaces (a token → char map kept) and a gold span is mapped onto the spaCy tokens of the parse.
Used by the factuality scorer (``eval.factuality``) and by training (``learn.factuality``).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path

from spacy.tokens import Doc

Target = tuple[int, int, float]  # spaCy token span [start, end) and gold label


def corpus_of(path: str | Path) -> str:
    """A factuality file's corpus: the name of its folder (``UDS_IH2/train.jsonl`` → UDS_IH2)."""
    return Path(path).resolve().parent.name


def read_items(path: str | Path, limit: int | None = None) -> list[dict]:
    """The JSONL lines of a file (``limit`` caps the sentences read)."""
    items = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(items) >= limit:
                break
            if line.strip():
                items.append(json.loads(line))
    return items


def rebuild(tokens: list[str]) -> tuple[str, list[int]]:
    """The tokens joined with single spaces, and each token's start offset."""
    starts, offset = [], 0
    for token in tokens:
        starts.append(offset)
        offset += len(token) + 1
    return " ".join(tokens), starts


def doc_span(doc: Doc, starts: list[int], tokens: list[str], span: list[int]) -> tuple[int, int]:
    """spaCy token indices covering a gold token span."""
    first, last = span[0], span[1] - 1
    chars = doc.char_span(starts[first], starts[last] + len(tokens[last]), alignment_mode="expand")
    if chars is None or not len(chars):  # an empty gold token (a doubled space): its neighbour
        index = min(len(doc) - 1, bisect_left([t.idx for t in doc], starts[first]))
        return index, index + 1
    return chars.start, chars.end
