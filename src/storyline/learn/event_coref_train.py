"""Train the event coreference scorer on the ECB+ train topics and choose its clustering threshold.

The scorer is a logistic regression over the standardized pair features of every pair of mentions within a
train topic (label: same gold cluster). The threshold of average-link clustering is chosen by
cross-validation over the train topics: the topics are dealt into folds, a scorer fitted on the other folds
clusters each fold's topics at every threshold of a grid, and the threshold with the best CoNLL F1 over all
train mentions wins. The final scorer is then fitted on all train topics. Dev topics are never read here.

Reproduce the shipped ``data/event_coref.json``:
``python benchmarks/train_event_coref.py /path/to/ecbplus`` (one to two minutes on two shared CPU cores, mostly MiniLM).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.linear_model import LogisticRegression

from ..eval.coref_gold import Topic
from ..eval.coref_metrics import conll
from .coref_features import describe, embed_tables, feature_names, pair_features
from .event_coref import probabilities

THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.91, 0.05)]
FOLDS = 5
C = 1.0


@dataclass
class TopicPairs:
    number: int
    gold: list[str]
    lemma: np.ndarray
    features: dict[bool, np.ndarray]  # with MiniLM features (True) and without (False)
    same: np.ndarray  # pair labels, condensed order


def prepare(topics: list[Topic], nlp, on_topic=None) -> list[TopicPairs]:
    """Pair features (with and without MiniLM, where installed) and pair labels of every topic."""
    prepared = []
    for topic in topics:
        described = describe(topic, nlp)
        embedded = embed_tables(described)
        gold = np.array([m.gold for m in topic.mentions])
        i, j = np.triu_indices(len(gold), 1)
        features = {False: pair_features(described, None)}
        if embedded is not None:
            features[True] = pair_features(described, embedded)
        prepared.append(TopicPairs(topic.number, list(gold), described.lemma, features,
                                   (gold[i] == gold[j]).astype(int)))
        if on_topic:
            on_topic(topic)
    return prepared


def fit(data: list[TopicPairs], embeddings: bool) -> dict:
    """A logistic regression over the pairs of ``data``, as the JSON-ready scorer (no threshold yet)."""
    x = np.vstack([t.features[embeddings] for t in data])
    y = np.concatenate([t.same for t in data])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000).fit((x - mean) / scale, y)
    return {"features": feature_names(embeddings), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "weights": model.coef_[0].round(6).tolist(), "bias": round(float(model.intercept_[0]), 6)}


def cluster_grid(topic: TopicPairs, probability: np.ndarray) -> dict[float, np.ndarray]:
    """The topic's average-link labels at every threshold of the grid."""
    n = len(topic.gold)
    if n < 2:
        return {t: np.zeros(n, dtype=int) for t in THRESHOLDS}
    tree = linkage(1 - probability, method="average")
    return {t: fcluster(tree, t=1 - t, criterion="distance") for t in THRESHOLDS}


def labelled(data: list[TopicPairs], labels: list[np.ndarray]) -> tuple[list[str], list[str]]:
    """Gold and predicted labels of all topics together (predicted ones made unique per topic)."""
    gold = [g for t in data for g in t.gold]
    predicted = [f"{t.number}:{x}" for t, row in zip(data, labels) for x in row]
    return gold, predicted


def cross_validate(data: list[TopicPairs], embeddings: bool) -> dict[float, dict]:
    """CoNLL scores over all train mentions at each threshold, every topic clustered by a scorer fitted on the
    folds that do not hold it."""
    folds = [data[k::FOLDS] for k in range(FOLDS)]
    grids: dict[int, dict[float, np.ndarray]] = {}
    for k, held in enumerate(folds):
        scorer = fit([t for f, fold in enumerate(folds) if f != k for t in fold], embeddings)
        for topic in held:
            grids[topic.number] = cluster_grid(topic, probabilities(topic.features[embeddings], scorer))
    return {t: conll(*labelled(data, [grids[d.number][t] for d in data])) for t in THRESHOLDS}


def train(topics: list[Topic], nlp, on_topic=None) -> tuple[dict, dict]:
    """The scorers to ship (with MiniLM features where installed, and without) and a summary with the
    cross-validated CoNLL F1 of each and of the lemma baseline on the same topics."""
    started = time.perf_counter()
    data = prepare(topics, nlp, on_topic)
    scorers, summary = {}, {"topics": [t.number for t in data], "mentions": sum(len(t.gold) for t in data),
                            "pairs": int(sum(len(t.same) for t in data))}
    summary["lemma_conll_f1"] = round(conll(*labelled(data, [t.lemma for t in data]))["conll_f1"], 4)
    for embeddings, name in ((True, "minilm"), (False, "plain")):
        if not all(embeddings in t.features for t in data):
            continue
        scores = cross_validate(data, embeddings)
        best = max(THRESHOLDS, key=lambda t: scores[t]["conll_f1"])
        scorers[name] = {**fit(data, embeddings), "threshold": best}
        summary[name] = {"threshold": best, "cv_conll_f1": round(scores[best]["conll_f1"], 4),
                         "cv": {str(t): round(s["conll_f1"], 4) for t, s in scores.items()},
                         "cv_scores": {k: {m: round(v, 4) for m, v in s.items()} if isinstance(s, dict) else
                                       round(s, 4) for k, s in scores[best].items()}}
    summary["seconds"] = round(time.perf_counter() - started, 1)
    return scorers, summary
