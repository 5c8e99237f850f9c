"""Does anything over frozen MiniLM vectors tell "the same proposition" from "the same topic" better than cosine?

Issue 16 (points 1 and 3). Two pair sets, one score per pair, ROC AUC and average precision per signal:

- ECB+ (CC BY 3.0): sentences of the coreference-annotated list holding gold event mentions; a pair is two
  sentences of one topic in different documents, positive when they mention one cross-document event chain,
  negative otherwise (same topic, other events: the hard negatives). Learned scorers are fitted on the train
  topics, chosen by 5-fold topic-grouped cross-validation, and scored on the dev topics;
- the ledger gold (``link_regions.story_mentions``): every pair of found mentions in different reports of one
  story, positive when the editors put both items in one claim; train-text stories by default, ``--dev-text``
  for the held-out three (confirm only).

Signals: MiniLM cosine; a logistic regression over [cos, u*v, |u-v|] (769 weights) trained on ECB+ train;
the cosine after taking ``a`` times the topic's (story's) mean vector off both vectors (``a`` 0.5/0.8/1.0);
for multi-sentence contents, the best cosine over their sentences.

    .venv/bin/python benchmarks/pair_signals.py [--ecbplus $D/stories/ecbplus] [--data $D] [--dev-text]
"""

from __future__ import annotations

import argparse
import glob
import re
from itertools import combinations

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupKFold

from link_regions import DEV_TEXT, story_mentions
from storyline.eval.coref_gold import document_text, read_topics
from storyline.learn.embeddings import embed
from storyline.link.claims import vector_text

SENTENCE = re.compile(r'(?<=[.!?])["”]?\s+(?=["“]?[A-Z])')


def ecb_sentences(folder: str, split: str) -> tuple[list[tuple[int, str, frozenset[str]]], np.ndarray]:
    """(topic, document, cross-document chains) per sentence with gold event mentions, and their vectors."""
    topics, _ = read_topics(folder, split)
    rows, texts = [], []
    for topic in topics:
        chains: dict[tuple[str, int], set[str]] = {}
        for m in topic.mentions:
            chains.setdefault((m.doc, m.sentence), set()).add(m.gold)
        for (doc, s), found in sorted(chains.items()):
            rows.append((topic.number, doc, frozenset(c for c in found if c.startswith("x:"))))
            texts.append(document_text([topic.documents[doc][s]])[0])
    return rows, embed(texts)


def ecb_pairs(rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Index pairs (one topic, two documents, one side with a chain), labels and topics."""
    pairs = [(i, j) for i, j in combinations(range(len(rows)), 2)
             if rows[i][0] == rows[j][0] and rows[i][1] != rows[j][1] and (rows[i][2] or rows[j][2])]
    pairs = np.array(pairs)
    labels = np.array([bool(rows[i][2] & rows[j][2]) for i, j in pairs])
    return pairs, labels, np.array([rows[i][0] for i, _ in pairs])


def features(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.hstack([(u * v).sum(1, keepdims=True), u * v, np.abs(u - v)])


def centred(vectors: np.ndarray, groups: np.ndarray, a: float) -> np.ndarray:
    """Unit vectors after taking ``a`` times their group's mean off (the topic every member shares)."""
    out = vectors.astype(np.float64).copy()
    for g in set(groups.tolist()):
        out[groups == g] -= a * vectors[groups == g].mean(0)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def cosines(vectors: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    return (vectors[pairs[:, 0]] * vectors[pairs[:, 1]]).sum(1)


def report(name: str, labels: np.ndarray, score: np.ndarray) -> None:
    print(f"  {name:34s} AUC {roc_auc_score(labels, score):.3f}  AP {average_precision_score(labels, score):.3f}")


def ecb(folder: str) -> LogisticRegression:
    """Fit the learned scorer on ECB+ train (C by topic-grouped CV), print train-CV and dev AUCs; return it."""
    rows, vectors = ecb_sentences(folder, "train")
    pairs, labels, topics = ecb_pairs(rows)
    x = features(vectors[pairs[:, 0]], vectors[pairs[:, 1]])
    print(f"ECB+ train: {len(labels)} pairs, {labels.sum()} positive")
    best = None
    for c in (0.01, 0.1, 1.0):
        aucs = [roc_auc_score(labels[te], LogisticRegression(C=c, max_iter=2000).fit(x[tr], labels[tr])
                              .decision_function(x[te])) for tr, te in GroupKFold(5).split(x, labels, topics)]
        print(f"  logistic [cos, u*v, |u-v|] C={c}: topic-grouped CV AUC {np.mean(aucs):.3f}")
        best = max(best or (0, c), (np.mean(aucs), c))
    cv_cos = [roc_auc_score(labels[te], x[te, 0]) for _, te in GroupKFold(5).split(x, labels, topics)]
    print(f"  cosine: topic-grouped CV AUC {np.mean(cv_cos):.3f}")
    model = LogisticRegression(C=best[1], max_iter=2000).fit(x, labels)
    rows, vectors = ecb_sentences(folder, "dev")
    pairs, labels, _ = ecb_pairs(rows)
    print(f"ECB+ dev: {len(labels)} pairs, {labels.sum()} positive")
    report("cosine", labels, cosines(vectors, pairs))
    learned = model.decision_function(features(vectors[pairs[:, 0]], vectors[pairs[:, 1]]))
    report(f"logistic C={best[1]}", labels, learned)
    groups = np.array([r[0] for r in rows])
    for a in (0.5, 0.8, 1.0):
        report(f"cosine, topic mean x{a} off", labels, cosines(centred(vectors, groups, a), pairs))
    return model


def ledger(files: list[str], data: str, model: LogisticRegression) -> None:
    rows = [r for f in files for r in story_mentions(f, data)]
    vectors = embed([vector_text(r["text"]) for r in rows])
    pieces = [[p for p in SENTENCE.split(vector_text(r["text"])) if len(p.split()) >= 3] or [vector_text(r["text"])]
              for r in rows]
    piece_vectors = embed([p for ps in pieces for p in ps])
    starts = np.cumsum([0] + [len(ps) for ps in pieces])
    pairs = np.array([(i, j) for i, j in combinations(range(len(rows)), 2)
                      if rows[i]["story"] == rows[j]["story"] and rows[i]["report"] != rows[j]["report"]
                      and rows[i]["found"] and rows[j]["found"]])
    labels = np.array([rows[i]["gold"] is not None and rows[i]["gold"] == rows[j]["gold"] for i, j in pairs])
    print(f"ledger gold ({len(files)} stories): {len(labels)} pairs of found mentions, {labels.sum()} the editors'")
    report("cosine", labels, cosines(vectors, pairs))
    learned = model.decision_function(features(vectors[pairs[:, 0]], vectors[pairs[:, 1]]))
    report("logistic (ECB+ train)", labels, learned)
    best = [float(np.max(piece_vectors[starts[i]:starts[i + 1]] @ piece_vectors[starts[j]:starts[j + 1]].T))
            for i, j in pairs]
    report("best cosine over sentences", labels, np.array(best))
    stories = np.array([r["story"] for r in rows])
    for a in (0.5, 0.8, 1.0):
        report(f"cosine, story mean x{a} off", labels, cosines(centred(vectors, stories, a), pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ecbplus", default="../shared/data/stories/ecbplus")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--dev-text", action="store_true")
    args = parser.parse_args()
    model = ecb(args.ecbplus)
    files = [f for f in sorted(glob.glob("gold/ledger/dev/*.json"))
             if any(d in f for d in DEV_TEXT) == args.dev_text]
    ledger(files, args.data, model)


if __name__ == "__main__":
    main()
