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

``--second-key``: no AUCs, a grid instead. Among the pairs of found mentions in different reports that the
ledger does not link (``link_regions.story_pairs``), those a second key would add: raw cosine ≥ one bar AND
the story-centred cosine (story mean x``--centre`` off) ≥ another, per speaker class (one named speaker /
not); printed with the editors' pairs and the others among them, overall and per story. A region is worth
wiring only where the new pairs are mostly the editors' (precision ≥ 0.8) in several stories.

    .venv/bin/python benchmarks/pair_signals.py [--ecbplus $D/stories/ecbplus] [--data $D] [--dev-text]
    .venv/bin/python benchmarks/pair_signals.py --second-key [--centre 0.8] [--data $D] [--dev-text]
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

from link_regions import DEV_TEXT, story_mentions, story_pairs
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


RAW_BARS = (0.45, 0.50, 0.55, 0.60, 0.65, 0.70)
CENTRED_BARS = (0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60)


def unlinked_pairs(path: str, data: str, a: float) -> list[dict]:
    """``story_pairs`` of one gold story, each with its centred cosine: the two contents' vectors with ``a``
    times the mean vector of all the story's attributed mentions taken off."""
    rows = story_mentions(path, data)
    if not rows:
        return []
    vectors = embed([vector_text(r["text"]) for r in rows])
    mean = vectors.mean(0)
    index = {}
    for i, r in enumerate(rows):
        index.setdefault((r["report"], r["text"]), i)
    pairs = story_pairs(rows)
    # story_pairs walks i < j in row order with the same filter: rebuild the index pairs alongside
    k = 0
    for i, x in enumerate(rows):
        for j in range(i + 1, len(rows)):
            y = rows[j]
            if x["report"] == y["report"] or not (x["found"] and y["found"]) or x["claims"] & y["claims"]:
                continue
            u, v = vectors[i] - a * mean, vectors[j] - a * mean
            pairs[k]["centred"] = float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))
            k += 1
    assert k == len(pairs), "story_pairs walks the pairs otherwise"
    return pairs


def second_key(files: list[str], data: str, a: float) -> None:
    """The grid of (raw bar, centred bar) per speaker class: new editors' pairs / new other pairs."""
    pairs = [p for f in files for p in unlinked_pairs(f, data, a)]
    print(f"{len(pairs)} unlinked pairs of found mentions, {sum(p['same'] for p in pairs)} the editors'; "
          f"centre x{a}")
    for name, speaker in (("one named speaker", True), ("not one named speaker", False)):
        chosen = [p for p in pairs if p["speaker"] == speaker]
        band = [p for p in chosen if p["cos"] >= RAW_BARS[0]]
        labels = [p["same"] for p in band]
        if 0 < sum(labels) < len(labels):  # where a lower raw bar would add pairs, does the centred one sort them?
            print(f"{name}, raw cosine >= {RAW_BARS[0]}: {len(band)} pairs, {sum(labels)} the editors'; AUC raw "
                  f"{roc_auc_score(labels, [p['cos'] for p in band]):.3f}, centred "
                  f"{roc_auc_score(labels, [p['centred'] for p in band]):.3f}")
        print(f"{name}: right / wrong new pairs (stories helped / hurt); rows raw bar, columns centred bar")
        print("        " + "".join(f"{c:>14.2f}" for c in CENTRED_BARS))
        for raw in RAW_BARS:
            cells = []
            for cen in CENTRED_BARS:
                new = [p for p in chosen if p["cos"] >= raw and p["centred"] >= cen]
                right = sum(p["same"] for p in new)
                helped = len({p["story"] for p in new if p["same"]})
                hurt = len({p["story"] for p in new if not p["same"]})
                cells.append(f"{right:3d}/{len(new) - right:3d}({helped}/{hurt})")
            print(f"  {raw:.2f}  " + "".join(f"{c:>14s}" for c in cells))
    good = []
    for speaker in (True, False, None):
        for raw in RAW_BARS:
            for cen in CENTRED_BARS:
                new = [p for p in pairs if (speaker is None or p["speaker"] == speaker)
                       and p["cos"] >= raw and p["centred"] >= cen]
                right = [p for p in new if p["same"]]
                if right and len(right) / len(new) >= 0.8:
                    good.append((speaker, raw, cen, len(right), len(new) - len(right),
                                 sorted({p["story"][:20] for p in right})))
    print("regions with new-pair precision >= 0.8 (speaker class, raw, centred, right, wrong, stories helped):")
    for g in good:
        print("  ", g)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ecbplus", default="../shared/data/stories/ecbplus")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--dev-text", action="store_true")
    parser.add_argument("--second-key", action="store_true", help="grid raw and centred cosine bars, no AUCs")
    parser.add_argument("--centre", type=float, default=0.8, help="how much of the story mean to take off")
    args = parser.parse_args()
    files = [f for f in sorted(glob.glob("gold/ledger/dev/*.json"))
             if any(d in f for d in DEV_TEXT) == args.dev_text]
    if args.second_key:
        second_key(files, args.data, args.centre)
        return
    ledger(files, args.data, ecb(args.ecbplus))


if __name__ == "__main__":
    main()
