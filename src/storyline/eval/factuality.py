"""Score event factuality on a jiant-layout JSONL file (UDS-IH2, MEANTIME, UW).

Each line holds a whitespace-tokenized sentence and gold ``targets``: a token span ``span1`` ([start,
end)) and a ``label`` in [-3, +3] (-3: certainly did not happen, 0: unknown, +3: certainly happened).
The tokens are joined with single spaces (a token → char map kept), parsed once, run through
``extract_doc``, and every target gets :func:`span_factuality`. Scores: Pearson r and mean absolute
error over all targets.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from ..extract.hedges import doc_hedges
from ..extract.nlp import TEXT_KEY, load_nlp
from ..extract.pipeline import extract_doc
from ..extract.status import factuality_of
from ..model import Mention

# Score of each rule's category: the mean gold label of that category on the train splits of UDS-IH2,
# MEANTIME and UW, averaged with equal weight per corpus and rounded to quarters. The corpora disagree
# (UDS-IH2 reads "will attack" as not having happened, mean -1.8; UW and MEANTIME as likely, +2.3),
# so one table is a compromise.
RULE_SCORES: dict[str, float] = {
    "negated": -1.5,  # "did not attack", "never arrived", "no deal"
    "negated_state": -0.75,  # "I don't know", "we don't think": annotators split on the state
    "negated_modal": -2.0,  # "could not reach", "will not attend"
    "conditional": 0.75,  # "if they attack"
    "future": 1.0,  # "will attack", "is going to attack"
    "possible": 0.75,  # "could / might / may attack", a speculative hedge governing the predicate
    "deontic": 1.0,  # "should / must / would attack"
    "negated_head": 0.5,  # "failed to / did not want to attack"
    "intended": 1.0,  # "plans / wants / hopes to attack", any to-infinitive
    "believed": 1.75,  # "believes / expects that they attacked"
    "imperative": 0.5,  # "Call me Monday": not (yet) done
    "question": 1.75,  # "Did they attack?"
}
ASSERTED = 3.0

FUTURE = {"will", "wo", "'ll", "shall"}
POSSIBLE = {"could", "might", "may", "can", "ca"}
STATE_LEMMAS = {"know", "think", "believe", "remember", "like", "understand", "care", "mind", "seem",
                "mean", "recall", "expect", "feel", "matter", "need", "want"}
BELIEF_LEMMAS = {"believe", "think", "expect", "suspect", "suppose", "guess", "assume", "predict",
                 "hope", "fear", "doubt", "wonder", "speculate", "estimate", "imagine", "consider"}
NEGATIVE_HEADS = {"fail", "refuse", "deny", "prevent", "avoid", "stop", "decline", "forget"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
_CLIMB = 3  # ancestors climbed from the predicate looking for what governs it


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _modality(token: Token) -> str | None:
    """'future', 'possible' or 'deontic' for a modal auxiliary of the token ("going to" is future)."""
    for child in token.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            word = child.lower_
            return "future" if word in FUTURE else "possible" if word in POSSIBLE else "deontic"
    if token.dep_ == "xcomp" and token.head.lower_ == "going":
        return "future"
    return None


def rule_category(doc: Doc, predicate: Token) -> str | None:
    """The first rule that applies to a predicate, as a key of ``RULE_SCORES``, or None.

    Checked on the predicate and the few verbs governing it (through conj/xcomp/ccomp/advcl links):
    negation on the predicate (split by modal and by state verbs); "if"/"unless"/"whether"; a modal
    auxiliary or a speculative/conditional hedge scoping over it; the to-complement of a negative or
    negated verb ("failed to"), of any other verb ("plans to"); the clausal complement of a belief
    verb; then, for the sentence, imperatives and questions."""
    hedges, _ = doc_hedges(doc)
    if _negated(predicate):
        if _modality(predicate):
            return "negated_modal"
        return "negated_state" if predicate.lemma_.lower() in STATE_LEMMAS else "negated"
    token = predicate
    for _ in range(_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children):
            return "conditional"
        modality = _modality(token)
        if modality:
            return modality
        if any(h.kind in ("speculative", "conditional") for h in hedges.scoping(token.i)):
            return "possible"
        head = token.head
        if head.i == token.i:
            break
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if infinitive and token.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl"):
            negative = head.lemma_.lower() in NEGATIVE_HEADS or _negated(head)
            return "negated_head" if negative else "intended"
        if token.dep_ == "ccomp" and head.lemma_.lower() in BELIEF_LEMMAS:
            return "negated_head" if _negated(head) else "believed"
        if token.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            break
        token = head
    sentence = predicate.sent
    if sentence[-1].text == "?":
        return "question"
    root = sentence.root
    if root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children) \
            and (token.i == root.i or predicate.i == root.i):
        return "imperative"
    return None


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


def evaluate_factuality(path: str | Path, limit: int | None = None) -> dict:
    """Pearson r and mean absolute error of rule factuality against the gold labels of a JSONL file."""
    items = read_items(path, limit)
    tokenized = [item["text"].split(" ") for item in items]
    rebuilt = [rebuild(tokens) for tokens in tokenized]
    gold: list[float] = []
    predicted: list[float] = []
    docs = load_nlp().pipe((text for text, _ in rebuilt), batch_size=256)
    for doc, item, tokens, (text, starts) in zip(docs, items, tokenized, rebuilt):
        doc.user_data[TEXT_KEY] = text
        mentions = extract_doc(doc).mentions
        for target in item["targets"]:
            start, end = _doc_span(doc, starts, tokens, target["span1"])
            predicted.append(span_factuality(doc, start, end, mentions))
            gold.append(float(target["label"]))
    mae = float(np.mean(np.abs(np.subtract(predicted, gold)))) if gold else 0.0
    return {"task": "factuality", "items": len(gold), "pearson": round(pearson(predicted, gold), 4),
            "mae": round(mae, 4)}
