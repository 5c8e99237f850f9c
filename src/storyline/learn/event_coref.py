"""Cross-document event coreference within a topic: the same-head-lemma baseline, and storyline's pairwise
scorer with average-link clustering.

``lemma``: the mentions of a topic with the same lemma of their head word form one cluster.

``storyline`` (in the spirit of Ahmed et al. 2023, a lemma heuristic plus a pairwise scorer): a logistic
regression scores every pair of mentions of the topic from the features of
:mod:`storyline.learn.coref_features` (same lemma, shared stem, lemma, sentence and in-context trigger
similarity, the documents' similarity, shared names, numbers and times), and average-link agglomerative clustering joins clusters while
their mean pair probability stays above the threshold chosen by cross-validation on the train topics. The
weights ship in ``data/event_coref.json`` (trained on the ECB+ train topics only; see its ``_doc``), one set
with the MiniLM features and one without, for installs without the embeddings extra.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from ..eval.coref_gold import Topic
from .coref_features import describe, embed_tables, feature_names, pair_features

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "event_coref.json"
METHODS = ("storyline", "lemma")


@lru_cache(maxsize=1)
def shipped() -> dict:
    """The shipped scorers: ``{"minilm": {...}, "plain": {...}}``, each with features, mean, scale, weights,
    bias and threshold."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def probabilities(features: np.ndarray, scorer: dict) -> np.ndarray:
    """The scorer's coreference probability of each pair (row of ``features``)."""
    if list(scorer["features"]) != feature_names("lemma_cos" in scorer["features"]):
        raise ValueError("the coreference scorer was trained on other features: retrain it")
    z = (features - np.array(scorer["mean"])) / np.array(scorer["scale"])
    return 1 / (1 + np.exp(-(z @ np.array(scorer["weights"]) + scorer["bias"])))


def agglomerate(probability: np.ndarray, n: int, threshold: float) -> np.ndarray:
    """Average-link clusters of n mentions from their pair probabilities (condensed order): two clusters join
    while the mean probability of their pairs is at least ``threshold``. One label per mention."""
    if n < 2:
        return np.zeros(n, dtype=int)
    tree = linkage(1 - probability, method="average")
    return fcluster(tree, t=1 - threshold, criterion="distance") - 1


def resolve(topic: Topic, nlp, method: str = "storyline", scorer: dict | None = None,
            threshold: float | None = None) -> tuple[np.ndarray, bool]:
    """Cluster the topic's mentions; one label per mention, and whether MiniLM features were used. A
    ``scorer`` (and ``threshold``) other than the shipped ones serve cross-validation."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: choose {' or '.join(METHODS)}")
    described = describe(topic, nlp)
    if method == "lemma":
        return described.lemma.copy(), False
    embedded = embed_tables(described)
    if scorer is None:
        scorer = shipped()["minilm" if embedded is not None else "plain"]
    threshold = scorer["threshold"] if threshold is None else threshold
    features = pair_features(described, embedded)
    return agglomerate(probabilities(features, scorer), len(topic.mentions), threshold), embedded is not None
