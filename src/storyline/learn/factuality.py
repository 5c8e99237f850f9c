"""A factuality regressor over cheap parse features of a predicate (``storyline train factuality``).

Each predicate (the root token of a gold span, or of a mention's content at extraction time) becomes a
row of categorical features read from the existing parse, with no re-parse: the rule category of
``eval.factuality.rule_category``; the predicate's lemma, part of speech, tag, dependency label, morphology
(tense, aspect, mood, verb form), negation, modal and other auxiliaries, subordinating mark, subject and
determiner; the verbs governing it up to three levels (lemma, tag, the link to them, their negation and
modal); hedges scoping the predicate or its governors (``extract.hedges``); the sentence's question,
imperative and conditional cues; the mention whose content holds the predicate (status, form, cue lemma);
and the corpus the row comes from. A gradient-boosted regressor (scikit-learn's
``HistGradientBoostingRegressor`` with native categorical splits) maps the row to a score in [-3, +3].
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.preprocessing import OrdinalEncoder
from spacy.tokens import Doc, Token

from ..errors import InputError
from ..extract.hedges import HedgeIndex, doc_hedges
from ..model import Mention

LEVELS = 3  # governing words read above the predicate
MAX_CATEGORIES = 250  # per feature, the rest share one code (HistGradientBoosting allows 255)
MODAL_TAG = "MD"
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
MORPH_KEYS = ("Tense", "Aspect", "Mood", "VerbForm", "Person")


def _modal(token: Token) -> str:
    """The token's modal auxiliary ("will", "could"), "going" for "going to", else ""."""
    for child in token.children:
        if child.tag_ == MODAL_TAG and child.dep_ in ("aux", "auxpass"):
            return child.lower_
    if token.dep_ == "xcomp" and token.head.lower_ == "going":
        return "going"
    return ""


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _subject(token: Token) -> str:
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS:
            return child.lower_ if child.pos_ == "PRON" else child.dep_ + ":" + child.pos_
    return ""


def _hedge_kinds(hedges: HedgeIndex, index: int) -> str:
    return "|".join(sorted({h.kind for h in hedges.scoping(index)}))


class MentionIndex:
    """Which mention's content holds each token of a doc (the shortest one when several do)."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.owner: dict[int, int] = {}
        self.cues: set[int] = set()
        spans = [(doc.char_span(m.start, m.end, alignment_mode="expand"), i) for i, m in enumerate(mentions)]
        for span, index in sorted(spans, key=lambda s: -(s[0].end - s[0].start) if s[0] is not None else 0):
            for i in range(span.start, span.end) if span is not None else ():
                self.owner[i] = index
        for mention in mentions:
            cue = doc.char_span(*mention.cue_span, alignment_mode="expand") if mention.cue_span else None
            self.cues.update(range(cue.start, cue.end) if cue is not None else ())

    def at(self, index: int) -> Mention | None:
        owner = self.owner.get(index)
        return self.mentions[owner] if owner is not None else None


def predicate_features(predicate: Token, mentions: MentionIndex, domain: str | None = None) -> dict[str, str]:
    """The categorical features of one predicate (see the module docstring)."""
    from ..eval.factuality import rule_category  # the rules are one feature; eval imports this module

    doc = predicate.doc
    hedges, _ = doc_hedges(doc)
    morph = predicate.morph
    children = list(predicate.children)
    sent = predicate.sent
    features = {
        "rule": rule_category(doc, predicate) or "",
        "lemma": predicate.lemma_.lower(),
        "pos": predicate.pos_,
        "tag": predicate.tag_,
        "dep": predicate.dep_,
        "neg": str(_negated(predicate)),
        "modal": _modal(predicate),
        "aux": "|".join(c.lemma_.lower() for c in children if c.dep_ in ("aux", "auxpass") and c.tag_ != MODAL_TAG),
        "mark": next((c.lower_ for c in children if c.dep_ == "mark"), ""),
        "subject": _subject(predicate),
        "det": next((c.lower_ for c in children if c.dep_ in ("det", "poss")), ""),
        "hedges0": _hedge_kinds(hedges, predicate.i),
        "question": str(sent[-1].text == "?"),
        "root_tag": sent.root.tag_,
        "root_subject": str(bool(_subject(sent.root))),
        "first": sent[0].lower_,
        "domain": domain or "",
    }
    for key in MORPH_KEYS:
        features["morph_" + key] = "|".join(morph.get(key))
    token = predicate
    for level in range(1, LEVELS + 1):
        head = token.head
        if head.i == token.i:
            break
        prefix = f"h{level}_"
        features[prefix + "link"] = token.dep_
        features[prefix + "lemma"] = head.lemma_.lower()
        features[prefix + "tag"] = head.tag_
        features[prefix + "neg"] = str(_negated(head))
        features[prefix + "modal"] = _modal(head)
        features[prefix + "mark"] = next((c.lower_ for c in head.children if c.dep_ == "mark"), "")
        features[prefix + "hedges"] = _hedge_kinds(hedges, head.i)
        token = head
    mention = mentions.at(predicate.i)
    if mention is not None:
        features["status"] = mention.status
        features["form"] = mention.form
        features["cue"] = (mention.cue or "").lower()
    features["is_cue"] = str(predicate.i in mentions.cues)
    return features


FEATURES = ("rule", "lemma", "pos", "tag", "dep", "neg", "modal", "aux", "mark", "subject", "det", "hedges0",
            "question", "root_tag", "root_subject", "first", "domain",
            *(f"morph_{key}" for key in MORPH_KEYS),
            *(f"h{level}_{name}" for level in range(1, LEVELS + 1)
              for name in ("link", "lemma", "tag", "neg", "modal", "mark", "hedges")),
            "status", "form", "cue", "is_cue")


@dataclass
class FactualityModel:
    """Trained factuality regressor: categorical features → score in [-3, +3]."""

    encoder: OrdinalEncoder
    regressor: HistGradientBoostingRegressor
    domain: str | None  # the corpus whose reading extraction asks for (None: no corpus feature)
    domains: tuple[str, ...] = ()

    def predict(self, rows: list[dict[str, str]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        matrix = self.encoder.transform(_table(rows))
        return np.clip(self.regressor.predict(matrix), -3.0, 3.0)

    def predicates(self, predicates: list[Token], mentions: MentionIndex, domain: str | None = None) -> np.ndarray:
        """Scores of predicates of one doc; ``domain`` defaults to the model's own."""
        reading = domain if domain in self.domains else self.domain
        return self.predict([predicate_features(p, mentions, reading) for p in predicates])


def _table(rows: list[dict[str, str]]) -> np.ndarray:
    return np.array([[row.get(name, "") for name in FEATURES] for row in rows], dtype=object)


def corpus_of(path: str | Path) -> str:
    """A factuality file's corpus: the name of its folder (``UDS_IH2/train.jsonl`` → UDS_IH2)."""
    return Path(path).resolve().parent.name


def training_rows(paths: list[Path]) -> tuple[list[dict[str, str]], list[float]]:
    """Feature rows and gold labels of every target in the files."""
    from ..eval.factuality import parsed_targets

    rows: list[dict[str, str]] = []
    labels: list[float] = []
    for path in paths:
        domain = corpus_of(path)
        for doc, mentions, targets in parsed_targets(path):
            index = MentionIndex(doc, mentions)
            for start, end, label in targets:
                rows.append(predicate_features(doc[start:end].root, index, domain))
                labels.append(label)
    return rows, labels


def fit(rows: list[dict[str, str]], labels: list[float], domain: str | None,
        domains: tuple[str, ...], **params) -> FactualityModel:
    """Fit the encoder and regressor on feature rows."""
    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan,
                             max_categories=MAX_CATEGORIES, min_frequency=2)
    matrix = encoder.fit_transform(_table(rows))
    settings = {"max_iter": 400, "learning_rate": 0.06, "max_leaf_nodes": 31, "min_samples_leaf": 10,
                "l2_regularization": 1.0, **params}
    regressor = HistGradientBoostingRegressor(categorical_features=[True] * len(FEATURES), random_state=0,
                                              **settings)
    regressor.fit(matrix, labels)
    return FactualityModel(encoder, regressor, domain, domains)


def train(paths: list[Path]) -> tuple[FactualityModel, dict]:
    """Train on factuality JSONL files (their train splits). Extraction reads news, so it asks for the
    MEANTIME reading when that corpus was among the files, else that of the first file's corpus."""
    began = time.perf_counter()
    if not paths:
        raise InputError("train factuality", "no training files given")
    rows, labels = training_rows(paths)
    if not rows:
        raise InputError(str(paths[0]), "no targets to train on")
    domains = tuple(dict.fromkeys(corpus_of(path) for path in paths))
    domain = "MEANTIME" if "MEANTIME" in domains else domains[0]
    model = fit(rows, labels, domain, domains)
    return model, {"items": len(rows), "corpora": list(domains), "domain": domain,
                   "seconds": round(time.perf_counter() - began, 1)}
