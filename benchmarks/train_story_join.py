"""Fit the shipped ``data/story_join.json`` (issue 16): the weights ``link/joinfeatures.py`` adds to the join
similarity of ``storyline add`` without ``--story``.

    python benchmarks/train_story_join.py /path/to/ecbplus [--write]

Replays the ECB+ train topics (never the dev ones) in the online eval's order (``eval/online.py``: topics
interleaved) against the gold stories seen so far: each (report, earlier gold story) pair whose similarity
reaches ``NEAR`` is one example, labelled "same gold story". A logistic regression (L2, C=1) over the margin
over the join threshold and the features of ``joinfeatures.features``; prints the topic-grouped 5-fold
cross-validated AUC and the coefficients, and with ``--write`` writes them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

NEAR = 0.05  # pairs further below every threshold are never in doubt
FEATURES = ("margin", "year", "figures_conflict", "figures_shared", "person", "place")


def pairs(corpus):
    """(features, label, topic) per (report, earlier gold story) pair that comes near a decision."""
    from storyline.link.joinfeatures import features, lead_years
    from storyline.link.joining import join_idf, join_threshold
    from storyline.link.stories import Report, StoryProfile, combined, term_similarity

    rows, labels, topics = [], [], []
    profiles: dict[str, StoryProfile] = {}
    df: Counter = Counter()
    for n, (gold, text) in enumerate(corpus, start=1):
        report = Report(text)
        df.update(report.terms.keys())
        for name, profile in profiles.items():
            score = combined(term_similarity(report, profile, df, n, weight=join_idf), None)
            if score < NEAR:
                continue
            found = features(report, profile, lead_years(report))
            rows.append([score - join_threshold(profile.latest, None)] + [found[f] for f in FEATURES[1:]])
            labels.append(int(name == gold))
            topics.append(re.match(r"\d+", gold).group())
        profiles.setdefault(gold, StoryProfile(gold)).add(report)
    return np.array(rows), np.array(labels), np.array(topics)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecbplus")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    from storyline.eval.online import interleave
    from storyline.eval.stories import read_corpus
    from storyline.link.joinfeatures import WEIGHTS

    X, y, groups = pairs(interleave(read_corpus(args.ecbplus, None, "train")))
    held_out = np.zeros(len(y))
    for train, test in GroupKFold(5).split(X, y, groups):
        fold = LogisticRegression(C=1.0, max_iter=2000).fit(X[train], y[train])
        held_out[test] = fold.predict_proba(X[test])[:, 1]
    model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
    coefficients = {name: round(float(c), 4) for name, c in zip(FEATURES, model.coef_[0])}
    result = {
        "_doc": ("Join adjustments of storyline add without --story (link/joinfeatures.py, issue 16): a logistic "
                 "regression over (report, earlier gold story) pairs replayed from the ECB+ corpus (Cybulska & "
                 "Vossen 2014, CC BY 3.0) train topics only, topics interleaved; pairs of similarity >= "
                 f"{NEAR}; L2 C=1.0; fitted by benchmarks/train_story_join.py. The decision uses each "
                 "coefficient over the margin's as similarity added."),
        "pairs": int(len(y)), "positives": int(y.sum()),
        "cv_auc": round(float(roc_auc_score(y, held_out)), 4),
        "coefficients": coefficients, "intercept": round(float(model.intercept_[0]), 4),
    }
    print(json.dumps(result, indent=1))
    if args.write:
        WEIGHTS.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
