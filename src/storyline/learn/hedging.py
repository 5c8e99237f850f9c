"""Sentence uncertainty: a classifier over a sentence's words and what the hedge rules find in it.

A sentence is *uncertain* when it hedges, speculates or weasels: "critics say", "is widely regarded as",
"probably", "one of the finest". The model is a logistic regression over word 1–3-gram TF-IDF and the
rules' findings in the sentence (hedge kinds from the parse, flags, weasel/peacock/vague phrases, a few
part-of-speech tags); its decision threshold is chosen by cross-validation on the training sentences.

``storyline train hedging FOLDER`` trains it on a WikiWeasel-layout folder, leaving out the held-out
'dev' fold (``eval.hedging.fold_of``). Extraction calls :func:`mark_vague` once per doc: mentions in an
uncertain sentence get the hedge tag ``"vague"``; their status never changes (a weasel is not a doubt
about whether the claim happened).
"""

from __future__ import annotations

import time
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from spacy.tokens import Doc, Span

from ..errors import InputError
from ..extract.hedges import WEASEL_KINDS, Weasel, doc_hedges, find_weasels
from ..extract.nlp import TEXT_KEY, doc_text, load_nlp
from ..model import Mention
from .models import load_model

TASK = "hedging"
VAGUE = "vague"  # the hedge tag a mention in an uncertain sentence gets
TAGS = {"JJS", "RBS", "JJR", "RBR", "MD"}  # superlatives (peacock terms), comparatives, modals
C_GRID = (1.0, 3.0, 10.0)
FOLDS = 5
SEED = 0
BATCH_SIZE = 256


@dataclass
class HedgingModel:
    """Word n-grams and rule findings in, the probability that a sentence is uncertain out."""

    words: TfidfVectorizer
    rules: DictVectorizer
    classifier: LogisticRegression
    threshold: float

    def probabilities(self, texts: list[str], findings: list[dict[str, float]]) -> np.ndarray:
        """P(uncertain) for each sentence text with its rule findings."""
        if not texts:
            return np.zeros(0)
        features = hstack([self.words.transform(texts), self.rules.transform(findings)]).tocsr()
        return self.classifier.predict_proba(features)[:, 1]


@dataclass(frozen=True)
class UncertainSentence:
    """A sentence found uncertain: its char offsets and the model's probability (1.0 from the rules)."""

    start: int
    end: int
    probability: float


class _Findings:
    """The rules' findings over one doc, looked up per sentence."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.hedges, flags = doc_hedges(doc)
        self.flag_starts = [flag.start for flag in flags]
        self.weasels = find_weasels(self.text)
        self._weasel_starts = [weasel.start for weasel in self.weasels]

    def weasels_in(self, start: int, end: int) -> list[Weasel]:
        return self.weasels[bisect_left(self._weasel_starts, start):bisect_left(self._weasel_starts, end)]

    def of(self, span: Span) -> dict[str, float]:
        """Rule features of one sentence: hedge and weasel kinds (with their words), flags, tags."""
        start, end = span.start_char, span.end_char
        found: dict[str, float] = {}
        for hedge in self.hedges.between(start, end):
            found[f"hedge:{hedge.kind}"] = 1.0
            found[f"hedge:{hedge.kind}:{hedge.text.lower()}"] = 1.0
        for weasel in self.weasels_in(start, end):
            found[f"weasel:{weasel.kind}"] = 1.0
            found[f"weasel:{weasel.kind}:{weasel.text.lower()}"] = 1.0
        if bisect_left(self.flag_starts, start) < bisect_left(self.flag_starts, end):
            found["flag"] = 1.0
        for token in span:
            if token.tag_ in TAGS:
                found[f"tag:{token.tag_}"] = 1.0
        return found


def sentence_features(doc: Doc, spans: list[Span]) -> tuple[list[str], list[dict[str, float]]]:
    """(text, rule findings) of each span of an already parsed doc: no re-parse."""
    findings = _Findings(doc)
    return [findings.text[s.start_char:s.end_char] for s in spans], [findings.of(s) for s in spans]


def rules_say_uncertain(found: dict[str, float]) -> bool:
    """The rules' own verdict on a sentence's findings: a vague attribution ("critics say", "it is
    believed"), praise without a source ("one of the finest") or an unquantified "some"/"many"."""
    return any(f"weasel:{kind}" in found for kind in WEASEL_KINDS)


def sentence_uncertainty(doc: Doc, model: HedgingModel | None = None) -> list[UncertainSentence]:
    """The doc's sentences the trained model finds uncertain (``load_model('hedging')`` unless given);
    without a model, those holding a weasel, peacock or vague phrase."""
    model = model or load_model(TASK)
    sentences = list(doc.sents)
    if model is None:  # the rules' verdict needs only where the weasels are, not every sentence's features
        findings = _Findings(doc)
        return [UncertainSentence(s.start_char, s.end_char, 1.0)
                for s in sentences if findings.weasels_in(s.start_char, s.end_char)]
    texts, findings = sentence_features(doc, sentences)
    return [UncertainSentence(s.start_char, s.end_char, round(float(p), 4))
            for s, p in zip(sentences, model.probabilities(texts, findings)) if p >= model.threshold]


def mark_vague(doc: Doc, mentions: list[Mention]) -> None:
    """Tag every mention that starts in an uncertain sentence with ``"vague"``, in place; statuses stay."""
    uncertain = sentence_uncertainty(doc)
    if not uncertain:
        return
    starts = [sentence.start for sentence in uncertain]
    for mention in mentions:
        i = bisect_left(starts, mention.start + 1) - 1
        if i >= 0 and mention.start < uncertain[i].end and VAGUE not in mention.hedges:
            mention.hedges.append(VAGUE)


def _fit(texts: list[str], findings: list[dict[str, float]], labels: np.ndarray, c: float) -> HedgingModel:
    words = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True)
    rules = DictVectorizer()
    features = hstack([words.fit_transform(texts), rules.fit_transform(findings)]).tocsr()
    classifier = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=SEED)
    return HedgingModel(words, rules, classifier.fit(features, labels), 0.5)


def _best_threshold(labels: np.ndarray, probabilities: np.ndarray) -> tuple[float, float]:
    """(threshold, F1 of the uncertain class) that maximise F1 over the given predictions."""
    best = (0.5, 0.0)
    for threshold in np.arange(0.2, 0.81, 0.025):
        predicted = probabilities >= threshold
        tp = float(np.sum(predicted & labels))
        f1 = 2 * tp / (predicted.sum() + labels.sum()) if predicted.any() else 0.0
        if f1 > best[1]:
            best = (round(float(threshold), 3), f1)
    return best


def train(paths: list[Path]) -> tuple[HedgingModel, dict]:
    """Train on the 'train' fold of WikiWeasel-layout folders; C and the threshold by cross-validation."""
    from ..eval.hedging import fold_of, read_sentences  # eval imports extraction, which may import this

    started = time.perf_counter()
    pairs = []
    for path in paths:
        if not Path(path).is_dir() or not any(Path(path).glob("*_uncertain_sentences.txt")):
            raise InputError(str(path), "not a folder of *_certain_sentences.txt / *_uncertain_sentences.txt files")
        pairs += [(text, gold) for text, gold in read_sentences(path) if fold_of(text) == "train"]
    labels = np.array([gold for _, gold in pairs], dtype=bool)
    if labels.all() or not labels.any():
        raise InputError(", ".join(map(str, paths)), "training needs both certain and uncertain sentences")
    texts, findings = [], []
    for doc, (text, _) in zip(load_nlp().pipe([text for text, _ in pairs], batch_size=BATCH_SIZE), pairs):
        doc.user_data[TEXT_KEY] = text
        sentence_text, found = sentence_features(doc, [doc[:]])
        texts += sentence_text
        findings += found
    folds = min(FOLDS, int(labels.sum()), int((~labels).sum()))
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(texts, labels)) if folds > 1 else []
    choice = (0.0, C_GRID[len(C_GRID) // 2], 0.5)  # (cross-validated F1, C, threshold); kept with no folds
    for c in C_GRID if splits else ():
        held_out = np.zeros(len(texts))
        for fit_on, score_on in splits:
            model = _fit([texts[i] for i in fit_on], [findings[i] for i in fit_on], labels[fit_on], c)
            held_out[score_on] = model.probabilities([texts[i] for i in score_on], [findings[i] for i in score_on])
        threshold, f1 = _best_threshold(labels, held_out)
        if f1 > choice[0]:
            choice = (f1, c, threshold)
    f1, c, threshold = choice
    model = _fit(texts, findings, labels, c)
    model.threshold = threshold
    return model, {"items": len(texts), "uncertain": int(labels.sum()), "C": c, "threshold": threshold,
                   "cv_f1": round(f1, 4), "seconds": round(time.perf_counter() - started, 1)}
