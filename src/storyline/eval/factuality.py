"""Score event factuality on a jiant-layout JSONL file (UDS-IH2, MEANTIME, UW).

Each line holds a whitespace-tokenized sentence and gold ``targets``: a token span ``span1`` ([start,
end)) and a ``label`` in [-3, +3] (-3: certainly did not happen, 0: unknown, +3: certainly happened).
The tokens are joined with single spaces (a token → char map kept; the file is read by ``eval.jiant``),
parsed once, run through ``extract_doc`` (``learn.factuality.parsed_targets``, which training shares), and
every target gets the trained model's score (``storyline.learn.factuality``) or, without one,
:func:`span_factuality`. Scores: Pearson r and mean absolute error over all targets.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..extract.factuality import RULE_SCORES, rule_category
from ..extract.status import factuality_of
from ..learn.factuality import parsed_targets
from ..learn.models import load_model
from ..model import Mention
from .jiant import corpus_of

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


def pearson(x: list[float], y: list[float]) -> float:
    """Pearson's r (0 when either side is constant)."""
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


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
