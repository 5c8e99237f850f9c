"""A factuality regressor over cheap parse features of a predicate (``storyline train factuality``).

Each predicate (the root token of a gold span, or of a mention's content at extraction time) becomes a
row of categorical features read from the existing parse, with no re-parse: the rule category of
``extract.factuality.rule_category``; the predicate's lemma, part of speech, tag, dependency label, morphology
(tense, aspect, mood, verb form), negation, modal and other auxiliaries, subordinating mark, subject and
determiner; the verbs governing it up to three levels (lemma, tag, the link to them, their negation and
modal); hedges scoping the predicate or its governors (``extract.hedges``); the sentence's question,
imperative and conditional cues; the mention whose content holds the predicate (status, form, cue lemma);
and the corpus the row comes from. A gradient-boosted regressor (scikit-learn's
``HistGradientBoostingRegressor`` with native categorical splits) maps the row to a score in [-3, +3].

The corpora disagree on what counts as having happened, so corpora that read alike share an expert
(``READINGS``: newswire MEANTIME and UW, web-text UDS-IH2), each trained on its own corpora only.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.preprocessing import OrdinalEncoder
from spacy.tokens import Doc, Token

from ..errors import InputError
from ..eval.jiant import Target, corpus_of, doc_span, read_items, rebuild
from ..extract.factuality import negated, rule_category
from ..extract.hedges import HedgeIndex, doc_hedges
from ..extract.nlp import TEXT_KEY, load_nlp
from ..extract.pipeline import extract_doc
from ..model import Mention

LEVELS = 3  # governing words read above the predicate
MAX_CATEGORIES = 250  # per feature, the rest share one code (HistGradientBoosting allows 255)
MODAL_TAG = "MD"
SETTINGS = {"max_iter": 400, "learning_rate": 0.06, "max_leaf_nodes": 63, "min_samples_leaf": 5,
            "l2_regularization": 1.0}  # tuned on the dev splits
MIN_SHARE = 1.0  # of the largest corpus's weight, for every corpus of a reading (see ``balance``)
# Corpora whose annotators read factuality alike share one expert: the newswire sets MEANTIME and UW
# read "will attack" as likely (+2.3 on average), UDS-IH2's web text as not having happened (-1.8).
READINGS = {"UDS_IH2": "web", "MEANTIME": "news", "UW": "news"}
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


def predicate_features(predicate: Token, mentions: MentionIndex, domain: str = "") -> dict[str, str]:
    """The categorical features of one predicate (see the module docstring)."""
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
        "neg": str(negated(predicate)),
        "modal": _modal(predicate),
        "aux": "|".join(c.lemma_.lower() for c in children if c.dep_ in ("aux", "auxpass") and c.tag_ != MODAL_TAG),
        "mark": next((c.lower_ for c in children if c.dep_ == "mark"), ""),
        "subject": _subject(predicate),
        "det": next((c.lower_ for c in children if c.dep_ in ("det", "poss")), ""),
        "advmod": "|".join(sorted(c.lower_ for c in children if c.dep_ in ("advmod", "npadvmod"))),
        "object": next((c.lower_ if c.pos_ == "PRON" else c.pos_ for c in children if c.dep_ == "dobj"), ""),
        "hedges0": _hedge_kinds(hedges, predicate.i),
        "question": str(sent[-1].text == "?"),
        "root_tag": sent.root.tag_,
        "root_subject": str(bool(_subject(sent.root))),
        "first": sent[0].lower_,
        "domain": domain,
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
        features[prefix + "neg"] = str(negated(head))
        features[prefix + "modal"] = _modal(head)
        features[prefix + "mark"] = next((c.lower_ for c in head.children if c.dep_ == "mark"), "")
        features[prefix + "hedges"] = _hedge_kinds(hedges, head.i)
        features[prefix + "advmod"] = "|".join(sorted(c.lower_ for c in head.children if c.dep_ == "advmod"))
        token = head
    mention = mentions.at(predicate.i)
    if mention is not None:
        features["status"] = mention.status
        features["form"] = mention.form
        features["cue"] = (mention.cue or "").lower()
    features["is_cue"] = str(predicate.i in mentions.cues)
    return features


FEATURES = ("rule", "lemma", "pos", "tag", "dep", "neg", "modal", "aux", "mark", "subject", "det", "advmod",
            "object", "hedges0",
            "question", "root_tag", "root_subject", "first", "domain",
            *(f"morph_{key}" for key in MORPH_KEYS),
            *(f"h{level}_{name}" for level in range(1, LEVELS + 1)
              for name in ("link", "lemma", "tag", "neg", "modal", "mark", "hedges", "advmod")),
            "status", "form", "cue", "is_cue")


@dataclass
class Expert:
    """One regressor and the code of each feature value (unseen values are missing: NaN)."""

    codes: list[dict[str, float]]  # per feature of ``FEATURES``
    regressor: HistGradientBoostingRegressor

    def predict(self, rows: list[dict[str, str]]) -> np.ndarray:
        """Scores of a doc's few rows, read off the fitted trees on one thread. scikit-learn's own
        encoder, input checks and threaded predict cost about 100 times more on a handful of rows."""
        matrix = np.array([[codes.get(row.get(name, ""), np.nan) for name, codes in zip(FEATURES, self.codes)]
                           for row in rows], dtype=np.float64)
        regressor = self.regressor
        bitsets, feature_map = regressor._bin_mapper.make_known_categories_bitsets()
        raw = np.full(len(rows), float(regressor._baseline_prediction.ravel()[0]))
        for (tree,) in regressor._predictors:
            raw += tree.predict(matrix, bitsets, feature_map, 1)
        return np.clip(raw, -3.0, 3.0)


@dataclass
class FactualityModel:
    """Trained factuality regressor: one expert per reading (see ``READINGS``), features → [-3, +3]."""

    experts: dict[str, Expert]
    domain: str  # the corpus whose reading extraction asks for
    corpora: tuple[str, ...]  # the corpora it was trained on

    def predict(self, rows: list[dict[str, str]], domain: str | None = None) -> np.ndarray:
        """Scores of feature rows, read as ``domain`` when trained on it, else as the model's own."""
        if not rows:
            return np.zeros(0)
        corpus = domain if domain in self.corpora else self.domain
        return self.experts[reading_of(corpus)].predict([{**row, "domain": corpus} for row in rows])

    def predicates(self, predicates: list[Token], mentions: list[Mention], domain: str | None = None) -> np.ndarray:
        """Scores of predicates of one doc, given its mentions (``domain`` as in :meth:`predict`)."""
        index = MentionIndex(predicates[0].doc, mentions) if predicates else None
        return self.predict([predicate_features(p, index) for p in predicates], domain)


def _table(rows: list[dict[str, str]]) -> np.ndarray:
    """Feature rows as an object array, columns in ``FEATURES`` order."""
    return np.array([[row.get(name, "") for name in FEATURES] for row in rows], dtype=object)


def reading_of(corpus: str) -> str:
    """The reading a corpus shares with others (an unknown corpus has its own)."""
    return READINGS.get(corpus, corpus)


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
        yield doc, mentions, [(*doc_span(doc, starts, tokens, span), label) for span, label in targets]


def training_rows(paths: list[Path]) -> tuple[list[dict[str, str]], list[float]]:
    """Feature rows and gold labels of every target in the files."""
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


def fit(rows: list[dict[str, str]], labels: list[float], weights: list[float] | None = None,
        **params) -> Expert:
    """Fit one expert on feature rows."""
    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan,
                             max_categories=MAX_CATEGORIES, min_frequency=2)
    matrix = encoder.fit_transform(_table(rows))
    regressor = HistGradientBoostingRegressor(categorical_features=[True] * len(FEATURES), random_state=0,
                                              **{**SETTINGS, **params})
    regressor.fit(matrix, labels, sample_weight=weights)
    return Expert(_codes(encoder), regressor)


def _codes(encoder: OrdinalEncoder) -> list[dict[str, float]]:
    """The fitted encoder as one value → code dict per feature (rare values share their code)."""
    codes = []
    for column, values in enumerate(encoder.categories_):
        table = np.full((len(values), len(FEATURES)), values[0], dtype=object)
        table[:, column] = values
        codes.append(dict(zip(values.tolist(), encoder.transform(table)[:, column].tolist())))
    return codes


def balance(corpora: list[str]) -> list[float]:
    """Row weights giving every corpus the weight of the largest (MEANTIME's 1,000 targets next to
    UW's 9,400 would otherwise hardly count; dev Pearson on MEANTIME 0.54 at half, 0.59 at equal)."""
    sizes = Counter(corpora)
    largest = max(sizes.values())
    return [max(1.0, MIN_SHARE * largest / sizes[corpus]) for corpus in corpora]


def train(paths: list[Path]) -> tuple[FactualityModel, dict]:
    """Train on factuality JSONL files (their train splits): one expert per reading, on the corpora
    that share it. Extraction reads news, so it asks for the MEANTIME reading when that corpus was
    among the files, else that of the first file's corpus."""
    began = time.perf_counter()
    if not paths:
        raise InputError("train factuality", "no training files given")
    rows, labels = training_rows(paths)
    if not rows:
        raise InputError(str(paths[0]), "no targets to train on")
    model = fit_model(rows, labels)
    return model, {"items": len(rows), "corpora": list(model.corpora), "readings": list(model.experts),
                   "domain": model.domain, "seconds": round(time.perf_counter() - began, 1)}


def fit_model(rows: list[dict[str, str]], labels: list[float]) -> FactualityModel:
    """One expert per reading, each fitted on the rows of the corpora sharing it."""
    corpora = tuple(dict.fromkeys(row["domain"] for row in rows))
    experts = {}
    for reading in dict.fromkeys(reading_of(corpus) for corpus in corpora):
        chosen = [i for i, row in enumerate(rows) if reading_of(row["domain"]) == reading]
        experts[reading] = fit([rows[i] for i in chosen], [labels[i] for i in chosen],
                               balance([rows[i]["domain"] for i in chosen]))
    return FactualityModel(experts, "MEANTIME" if "MEANTIME" in corpora else corpora[0], corpora)
