"""Sentence uncertainty: a classifier over a sentence's words and what the hedge rules find in it.

A sentence is *uncertain* when it hedges, speculates or weasels: "critics say", "is widely regarded as",
"probably", "one of the finest". The model averages two logistic regressions: one over word 1–3-gram
TF-IDF, one over lemma 1–2-gram TF-IDF and the parse around each word (a subject's determiner, the verb of a
passive, a dependent's head: "some" as a subject's determiner, "regard" in the passive); both also see the
rules' findings in the sentence (hedge kinds from the parse, flags, weasel/peacock/vague phrases, a few
part-of-speech tags). C and the decision threshold are chosen by cross-validation on the training sentences.

``storyline train hedging FOLDER`` trains it on a WikiWeasel-layout folder, leaving out the held-out
'dev' fold (``eval.wikiweasel.fold_of``). The features it reads and its use at extraction live in
``extract.uncertainty``: :func:`~storyline.extract.uncertainty.mark_vague` runs once per doc, and mentions in
an uncertain sentence get the hedge tag ``"vague"``; their status never changes (a weasel is not a doubt
about whether the claim happened).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from ..errors import InputError
from ..eval.wikiweasel import fold_of, read_sentences
from ..extract.nlp import TEXT_KEY, load_nlp
from ..extract.uncertainty import SentenceFeatures, sentence_features

C_GRID = (1.0, 3.0, 10.0)
SYNTAX_C = 1.0  # the syntax view's regularisation (cross-validated once on the train fold, kept fixed)
FOLDS = 5
SEED = 0
BATCH_SIZE = 256


@dataclass
class HedgingModel:
    """Sentence features in, the probability that a sentence is uncertain out: the mean of a word view
    and a syntax view, each a logistic regression that also sees the rules' findings."""

    words: TfidfVectorizer
    lemmas: TfidfVectorizer
    rules: DictVectorizer
    syntax: DictVectorizer
    word_classifier: LogisticRegression
    syntax_classifier: LogisticRegression
    threshold: float

    def probabilities(self, sentences: list[SentenceFeatures]) -> np.ndarray:
        """P(uncertain) for each sentence."""
        if not sentences:
            return np.zeros(0)
        found = self.rules.transform([s.found for s in sentences])
        by_words = hstack([self.words.transform([s.text for s in sentences]), found]).tocsr()
        by_syntax = hstack([self.lemmas.transform([s.lemmas for s in sentences]),
                            self.syntax.transform([s.syntax for s in sentences]), found]).tocsr()
        return (self.word_classifier.predict_proba(by_words)[:, 1]
                + self.syntax_classifier.predict_proba(by_syntax)[:, 1]) / 2


def _fit(sentences: list[SentenceFeatures], labels: np.ndarray, c: float) -> HedgingModel:
    words = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True)
    lemmas = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+", lowercase=False)
    rules, syntax = DictVectorizer(), DictVectorizer()
    found = rules.fit_transform([s.found for s in sentences])
    by_words = hstack([words.fit_transform([s.text for s in sentences]), found]).tocsr()
    by_syntax = hstack([lemmas.fit_transform([s.lemmas for s in sentences]),
                        syntax.fit_transform([s.syntax for s in sentences]), found]).tocsr()
    return HedgingModel(words, lemmas, rules, syntax, _classifier(c).fit(by_words, labels),
                        _classifier(SYNTAX_C).fit(by_syntax, labels), 0.5)


def _classifier(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, solver="liblinear", class_weight="balanced", random_state=SEED)


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
    started = time.perf_counter()
    pairs = []
    for path in paths:
        if not Path(path).is_dir() or not any(Path(path).glob("*_uncertain_sentences.txt")):
            raise InputError(str(path), "not a folder of *_certain_sentences.txt / *_uncertain_sentences.txt files")
        pairs += [(text, gold) for text, gold in read_sentences(path) if fold_of(text) == "train"]
    labels = np.array([gold for _, gold in pairs], dtype=bool)
    if labels.all() or not labels.any():
        raise InputError(", ".join(map(str, paths)), "training needs both certain and uncertain sentences")
    sentences: list[SentenceFeatures] = []
    for doc, (text, _) in zip(load_nlp().pipe([text for text, _ in pairs], batch_size=BATCH_SIZE), pairs):
        doc.user_data[TEXT_KEY] = text
        sentences += sentence_features(doc, [doc[:]])
    folds = min(FOLDS, int(labels.sum()), int((~labels).sum()))
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(sentences, labels)) if folds > 1 else []
    choice = (0.0, C_GRID[len(C_GRID) // 2], 0.5)  # (cross-validated F1, C, threshold); kept with no folds
    for c in C_GRID if splits else ():
        held_out = np.zeros(len(sentences))
        for fit_on, score_on in splits:
            model = _fit([sentences[i] for i in fit_on], labels[fit_on], c)
            held_out[score_on] = model.probabilities([sentences[i] for i in score_on])
        threshold, f1 = _best_threshold(labels, held_out)
        if f1 > choice[0]:
            choice = (f1, c, threshold)
    f1, c, threshold = choice
    model = _fit(sentences, labels, c)
    model.threshold = threshold
    return model, {"items": len(sentences), "uncertain": int(labels.sum()), "C": c, "threshold": threshold,
                   "cv_f1": round(f1, 4), "seconds": round(time.perf_counter() - started, 1)}
