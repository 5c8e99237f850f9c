"""Score sentence-level uncertainty detection on a WikiWeasel-layout folder.

Gold (read by ``eval.wikiweasel``): ``*_certain_sentences.txt`` and ``*_uncertain_sentences.txt``, one
PTB-tokenized sentence a line (``-LRB-`` and friends are turned back into brackets before parsing). Predicted: with a trained hedging
model (``storyline train hedging``), a sentence is uncertain when the model says so; with the rules
alone, when storyline finds a hedge in it (any kind the hedge lexicon knows: doubt, labels, speculation,
conditionals, missing verification), a weasel or peacock phrase, or when one of its mentions is
``unverified`` or ``hypothetical``. Scores: precision, recall and F1 of the uncertain class.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from ..extract.hedges import doc_hedges
from ..extract.nlp import TEXT_KEY, load_nlp
from ..extract.pipeline import extract_doc
from ..extract.uncertainty import TASK, rules_say_uncertain, sentence_features
from ..learn.hedging import HedgingModel
from ..learn.models import load_model
from .wikiweasel import fold_of, read_sentences

UNCERTAIN_STATUSES = {"unverified", "hypothetical"}
BATCH_SIZE = 256


def is_uncertain(doc: Doc, model: HedgingModel | None = None) -> bool:
    """Does the model find this parsed sentence uncertain, or, without one, do the rules find a hedge, a
    weasel or an unverified or hypothetical statement in it?"""
    features = sentence_features(doc, [doc[:]])
    if model is not None:
        return bool(model.probabilities(features)[0] >= model.threshold)
    hedges, flags = doc_hedges(doc)
    if hedges.hedges or flags or rules_say_uncertain(features[0].found):
        return True
    return any(m.status in UNCERTAIN_STATUSES for m in extract_doc(doc).mentions)


def evaluate_hedging(path: str | Path, limit: int | None = None, fold: str = "all") -> dict:
    """Precision, recall and F1 of the uncertain class over a WikiWeasel-layout folder (or one fold of it),
    with the trained hedging model when there is one."""
    pairs = read_sentences(path, limit)
    if fold != "all":
        pairs = [(text, gold) for text, gold in pairs if fold_of(text) == fold]
    model = load_model(TASK)
    tp = n_pred = n_gold = 0
    texts = [text for text, _ in pairs]
    for doc, (text, gold) in zip(load_nlp().pipe(texts, batch_size=BATCH_SIZE), pairs):
        doc.user_data[TEXT_KEY] = text
        predicted = is_uncertain(doc, model)
        tp += predicted and gold
        n_pred += predicted
        n_gold += gold
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"task": "hedging", "items": len(pairs), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f1, 4)}
