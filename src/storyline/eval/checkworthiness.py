"""Score check-worthiness on a CheckThat! 2024 TSV (``Sentence_id``, ``Text``, ``class_label`` Yes/No).

Each sentence is parsed and scored as extraction scores a claim's sentence
(:func:`storyline.extract.checkworthiness.score_spans` over the whole sentence: the trained model when
there is one, else the rules); it counts as check-worthy when the score reaches ``THRESHOLD``. Scores:
precision, recall and F1 of the Yes class.

Reading the TSV (quoted fields, Windows line ends, fused records): ``eval.checkthat``.
"""

from __future__ import annotations

from pathlib import Path

from ..extract.checkworthiness import THRESHOLD, score_spans
from ..extract.nlp import TEXT_KEY, load_nlp
from .checkthat import read_tsv

BATCH_SIZE = 256


def score_sentences(texts: list[str]) -> list[float]:
    """Check-worthiness of each sentence, each parsed alone and scored as one span."""
    spans = []
    for doc, text in zip(load_nlp().pipe(texts, batch_size=BATCH_SIZE), texts):
        doc.user_data[TEXT_KEY] = text
        spans.append(doc[:])
    return score_spans(spans)


def evaluate_checkworthiness(path: str | Path, limit: int | None = None) -> dict:
    """Precision, recall and F1 of the Yes class over a CheckThat! TSV."""
    items = read_tsv(path, limit)
    scores = score_sentences([item.text for item in items])
    tp = n_pred = n_gold = 0
    for item, score in zip(items, scores):
        predicted = score >= THRESHOLD
        tp += predicted and item.worthy
        n_pred += predicted
        n_gold += item.worthy
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"task": "checkworthiness", "items": len(items), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f1, 4), "threshold": THRESHOLD}
