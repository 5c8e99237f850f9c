"""A check-worthiness classifier trained on CheckThat!-layout TSVs (``storyline train checkworthiness``).

Features: TF-IDF of word 1–2-grams plus the rules' hand features
(:func:`storyline.extract.checkworthiness.span_features`, standardised), optionally MiniLM sentence
embeddings (``embeddings=True``: about +0.015 F1 on CheckThat! dev-test, but they cost more than the parse
itself at extraction, so they are off by default). Character n-grams were tried too: +0.006 F1 for twice
the scoring time. A class-balanced logistic regression; its decision threshold is the one that maximises F1 of
Yes in 3-fold cross-validation on the training data, stored in the model so that a score of 0.5 means
check-worthy. Deterministic (fixed folds, a deterministic solver).

The CheckThat! annotations are released for research: a model trained on them is the user's own and is
never shipped in the package.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack, spmatrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler

from ..errors import InputError
from ..eval.checkthat import read_tsv
from ..extract.checkworthiness import span_features
from ..extract.nlp import load_nlp

FEATURE_WEIGHT = 0.3  # standardised hand features against unit-length TF-IDF rows
EMBEDDING_WEIGHT = 2.0
C = 2.0
FOLDS = 3
SEED = 0
PARALLEL_FROM = 4000  # parse with two processes from this many sentences on


@dataclass
class CheckworthinessModel:
    """The fitted parts; :meth:`score` maps texts and their hand features to scores in [0, 1]."""

    words: TfidfVectorizer
    scaler: StandardScaler
    classifier: LogisticRegression
    threshold: float  # the classifier's decision value that counts as check-worthy (score 0.5)
    embeddings: bool = False

    def matrix(self, texts: list[str], features: np.ndarray) -> spmatrix:
        parts = [self.words.transform(texts), csr_matrix(self.scaler.transform(features) * FEATURE_WEIGHT)]
        if self.embeddings:
            from .embeddings import embed

            parts.append(csr_matrix(embed(texts) * EMBEDDING_WEIGHT))
        return hstack(parts).tocsr()

    def score(self, texts: list[str], features: np.ndarray) -> np.ndarray:
        """Check-worthiness in [0, 1] of each text (0.5 at the stored threshold)."""
        decision = self.classifier.decision_function(self.matrix(texts, features))
        return 1.0 / (1.0 + np.exp(self.threshold - decision))


def _features(texts: list[str]) -> np.ndarray:
    processes = 2 if len(texts) >= PARALLEL_FROM else 1
    docs = load_nlp().pipe(texts, batch_size=256, n_process=processes)
    return np.asarray([span_features(doc[:]) for doc in docs], dtype=np.float32)


def _best_threshold(gold: np.ndarray, decision: np.ndarray) -> tuple[float, float]:
    """The decision value with the best F1 of Yes (among a grid), and that F1."""
    candidates = np.linspace(-2.0, 2.0, 81)
    scores = [f1_score(gold, decision >= t) for t in candidates]
    best = int(np.argmax(scores))
    return float(candidates[best]), float(scores[best])


def train(paths: list[Path], embeddings: bool = False) -> tuple[CheckworthinessModel, dict]:
    """Fit the classifier on every sentence of the given TSVs; returns the model and a summary."""
    started = time.perf_counter()
    items = [item for path in paths for item in read_tsv(path)]
    gold = np.array([item.worthy for item in items])
    if len(items) < 2 * FOLDS or gold.sum() < FOLDS or (~gold).sum() < FOLDS:
        raise InputError(", ".join(map(str, paths)), f"too few sentences of each class to train on ({len(items)})")
    texts = [item.text for item in items]
    model = CheckworthinessModel(
        words=TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        scaler=StandardScaler(),
        classifier=LogisticRegression(C=C, class_weight="balanced", max_iter=3000),
        threshold=0.0,
        embeddings=embeddings,
    )
    features = _features(texts)
    model.words.fit(texts)
    model.scaler.fit(features)
    matrix = model.matrix(texts, features)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    decision = cross_val_predict(model.classifier, matrix, gold, cv=folds, method="decision_function")
    model.threshold, cv_f1 = _best_threshold(gold, decision)
    model.classifier.fit(matrix, gold)
    return model, {"items": len(items), "yes": int(gold.sum()), "threshold": round(model.threshold, 3),
                   "cv_f1": round(cv_f1, 4), "embeddings": embeddings,
                   "seconds": round(time.perf_counter() - started, 1)}
