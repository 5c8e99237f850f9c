"""Factuality scores of mentions and events, in [-3, +3], agreeing with their status.

The score of a statement is read at its main predicate: the root of a mention's content, or of an
event's description. The trained model (``storyline.learn.factuality``, when ``load_model`` finds one)
gives a raw score in [-3, +3]; without one, the first rule that applies to the predicate does
(:func:`rule_category`, ``RULE_SCORES``), else the status alone (``extract.status.FACTUALITY``).

The raw score is then mapped linearly from [-3, +3] into the band of the statement's status, so that
the status always decides where a score lies and the predicate only moves it inside that band:

=============  ===============  =================================================
status         band             reads as
=============  ===============  =================================================
asserted       [+2.0, +3.0]     the report states it
confirmed      [+2.5, +3.0]     the report says it was confirmed
reported       [+1.0, +3.0]     a source says it happened
unverified     [ 0.0, +2.0]     said, but doubted or not verifiable
hypothetical   [-1.0, +1.5]     might, would, if …
disputed       [-2.0, +0.5]     someone contests it
denied         [-3.0, -2.0]     someone denies it
=============  ===============  =================================================

"Will close" stated by the outlet (rule score +1) thus lands at 2.67, "did not close" (-1.5) at 2.25,
a denied statement the model reads as having happened at -2.0.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..learn.models import load_model
from ..model import Extraction
from .hedges import doc_hedges
from .status import factuality_of

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

FUTURE = {"will", "wo", "'ll", "\u2019ll", "shall"}
POSSIBLE = {"could", "might", "may", "can", "ca"}
STATE_LEMMAS = {"know", "think", "believe", "remember", "like", "understand", "care", "mind", "seem",
                "mean", "recall", "expect", "feel", "matter", "need", "want"}
BELIEF_LEMMAS = {"believe", "think", "expect", "suspect", "suppose", "guess", "assume", "predict",
                 "hope", "fear", "doubt", "wonder", "speculate", "estimate", "imagine", "consider"}
NEGATIVE_HEADS = {"fail", "refuse", "deny", "prevent", "avoid", "stop", "decline", "forget"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
_CLIMB = 3  # ancestors climbed from the predicate looking for what governs it


def negated(token: Token) -> bool:
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
    if negated(predicate):
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
            negative = head.lemma_.lower() in NEGATIVE_HEADS or negated(head)
            return "negated_head" if negative else "intended"
        if token.dep_ == "ccomp" and head.lemma_.lower() in BELIEF_LEMMAS:
            return "negated_head" if negated(head) else "believed"
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


BANDS: dict[str, tuple[float, float]] = {
    "asserted": (2.0, 3.0), "confirmed": (2.5, 3.0), "reported": (1.0, 3.0), "unverified": (0.0, 2.0),
    "hypothetical": (-1.0, 1.5), "disputed": (-2.0, 0.5), "denied": (-3.0, -2.0),
}


def in_band(raw: float, status: str) -> float:
    """A raw score in [-3, +3] mapped linearly into the band of a status."""
    low, high = BANDS[status]
    share = (min(3.0, max(-3.0, raw)) + 3.0) / 6.0
    return round(low + (high - low) * share, 3)


def score_factuality(doc: Doc, extraction: Extraction) -> None:
    """Set ``factuality`` on every mention and event of an extraction (in place; no re-parse)."""
    statements = [(m, m.start, m.end, m.status) for m in extraction.mentions]
    statements += [(e, e.start, e.end, e.status) for e in extraction.events]
    predicates = [_predicate(doc, start, end) for _, start, end, _ in statements]
    raw = _raw_scores(doc, extraction, predicates, [status for *_, status in statements])
    for (record, _, _, status), score in zip(statements, raw):
        record.factuality = in_band(score, status)


def _predicate(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _raw_scores(doc: Doc, extraction: Extraction, predicates: list[Token | None],
                statuses: list[str]) -> list[float]:
    """The model's scores of the predicates, else the rules'; the status's own score where no word."""
    model = load_model("factuality")
    found = [p for p in predicates if p is not None]
    if model is not None and found:
        scores = iter(model.predicates(found, extraction.mentions).tolist())
        return [next(scores) if p is not None else factuality_of(s) for p, s in zip(predicates, statuses)]
    raw = []
    for predicate, status in zip(predicates, statuses):
        category = rule_category(doc, predicate) if predicate is not None else None
        raw.append(RULE_SCORES[category] if category else factuality_of(status))
    return raw
