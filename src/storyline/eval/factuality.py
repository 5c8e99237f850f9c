"""Score event factuality on a jiant-layout JSONL file (UDS-IH2, MEANTIME, UW).

Each line holds a whitespace-tokenized sentence and gold ``targets``: a token span ``span1`` ([start,
end)) and a ``label`` in [-3, +3] (-3: certainly did not happen, 0: unknown, +3: certainly happened).
The tokens are joined with single spaces (a token → char map kept), parsed once, run through
``extract_doc``, and every target gets the trained model's score (``storyline.learn.factuality``) or,
without one, :func:`span_factuality`. Scores: Pearson r and mean absolute
error over all targets.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..errors import InputError
from ..extract.factuality import RULE_SCORES, rule_category
from ..extract.nlp import TEXT_KEY, load_nlp
from ..extract.pipeline import extract_doc
from ..extract.status import factuality_of
from ..learn.models import load_model
from ..model import Mention

Target = tuple[int, int, float]  # spaCy token span [start, end) and gold label
ASSERTED = 3.0

def span_factuality(doc: Doc, start_token: int, end_token: int, mentions: list[Mention]) -> float:
    """Factuality in [-3, +3] of the event whose words are ``doc[start_token:end_token]``.

    The score of the first rule that applies to the span's root (:func:`rule_category`,
    ``RULE_SCORES``); otherwise the status of the mention whose content covers the span's first token
    (``factuality_of``: asserted 3, reported 2, unverified 1, hypothetical 0, …), or ``ASSERTED`` when
    no mention covers it."""
    category = rule_category(doc, doc[start_token:end_token].root)
    if category is not None:
        return RULE_SCORES[category]
    offset = doc[start_token].idx
    covering = [m for m in mentions if m.start <= offset < m.end]
    if covering:
        return min(factuality_of(m.status) for m in covering)
    return ASSERTED


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


def _doc_span(doc: Doc, starts: list[int], tokens: list[str], span: list[int]) -> tuple[int, int]:
    """spaCy token indices covering a gold token span."""
    first, last = span[0], span[1] - 1
    chars = doc.char_span(starts[first], starts[last] + len(tokens[last]), alignment_mode="expand")
    if chars is None or not len(chars):  # an empty gold token (a doubled space): its neighbour
        index = min(len(doc) - 1, bisect_left([t.idx for t in doc], starts[first]))
        return index, index + 1
    return chars.start, chars.end


def pearson(x: list[float], y: list[float]) -> float:
    """Pearson's r (0 when either side is constant)."""
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def parsed_targets(path: str | Path, limit: int | None = None) -> Iterator[tuple[Doc, list[Mention], list[Target]]]:
    """Each sentence of a file parsed once and extracted, with its gold targets as spaCy token spans."""
    try:
        items = read_items(path, limit)
        tokenized = [item["text"].split(" ") for item in items]
        spans = [[(target["span1"], float(target["label"])) for target in item["targets"]] for item in items]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not a factuality JSONL file ({exc})") from exc
    rebuilt = [rebuild(tokens) for tokens in tokenized]
    docs = load_nlp().pipe((text for text, _ in rebuilt), batch_size=256)
    for doc, targets, tokens, (text, starts) in zip(docs, spans, tokenized, rebuilt):
        doc.user_data[TEXT_KEY] = text
        mentions = extract_doc(doc).mentions
        yield doc, mentions, [(*_doc_span(doc, starts, tokens, span), label) for span, label in targets]


def evaluate_factuality(path: str | Path, limit: int | None = None) -> dict:
    """Pearson r and mean absolute error of factuality scores against the gold labels of a JSONL file:
    the trained model's (read as the file's corpus when the model knows it) when one is found, else the
    rules' (:func:`span_factuality`)."""
    model = load_model("factuality")
    domain = corpus_of(path)
    gold: list[float] = []
    predicted: list[float] = []
    for doc, mentions, targets in parsed_targets(path, limit):
        if model is not None:
            roots = [doc[start:end].root for start, end, _ in targets]
            predicted.extend(model.predicates(roots, mentions, domain).tolist())
        else:
            predicted.extend(span_factuality(doc, start, end, mentions) for start, end, _ in targets)
        gold.extend(label for _, _, label in targets)
    mae = float(np.mean(np.abs(np.subtract(predicted, gold)))) if gold else 0.0
    return {"task": "factuality", "items": len(gold), "pearson": round(pearson(predicted, gold), 4),
            "mae": round(mae, 4)}
