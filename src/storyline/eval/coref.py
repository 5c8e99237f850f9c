"""Score cross-document event coreference on a folder of ECB+ topic folders.

Gold mentions and clusters come from :mod:`storyline.eval.coref_gold` (the "gold mentions" setting with
singletons); each topic's mentions are clustered apart by :func:`storyline.learn.event_coref.resolve` (topics
are given, as in that setting), and all clusters of the split are scored together with MUC, B³, CEAF-e and
the CoNLL F1 (:mod:`storyline.eval.coref_metrics`).
"""

from __future__ import annotations

import time
from pathlib import Path

from ..errors import InputError
from ..extract.nlp import load_nlp
from ..learn.event_coref import METHODS, resolve
from .coref_gold import read_topics
from .coref_metrics import conll, rounded


def evaluate_coref(path: str | Path, topics: str = "dev", method: str = "storyline", on_topic=None) -> dict:
    """Cluster the event mentions of every topic of the ``topics`` split under ``path`` with ``method`` and
    score the clusters; ``on_topic(done, total)`` is called after each topic."""
    if method not in METHODS:
        raise InputError(str(path), f"unknown method {method!r}: choose {' or '.join(METHODS)}")
    started = time.perf_counter()
    found, selected = read_topics(path, topics)
    nlp = load_nlp()
    gold, predicted, embedded = [], [], []
    for done, topic in enumerate(found, 1):
        labels, used = resolve(topic, nlp, method)
        gold += [m.gold for m in topic.mentions]
        predicted += [f"{topic.number}:{label}" for label in labels]
        embedded.append(used)
        if on_topic:
            on_topic(done, len(found))
    if not gold:
        raise InputError(str(path), "no gold event mentions (ACTION_* or NEG_ACTION_* markables) found")
    result = {"task": "coref", "method": method, "topics": topics, "topic_count": len(found),
              "mentions": len(gold), "gold_clusters": len(set(gold)), "clusters": len(set(predicted)),
              "selected_sentences": selected, "embeddings": bool(embedded) and all(embedded),
              # the shipped scorer was fitted on the train topics: its figure there is no held-out one
              "in_sample": method == "storyline" and topics != "dev"}
    result.update(rounded(conll(gold, predicted)))
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result
