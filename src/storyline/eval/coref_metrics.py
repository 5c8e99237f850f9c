"""Coreference scores of a clustering against gold clusters: MUC, B³, CEAF-e and their mean, the CoNLL F1.

Both clusterings are given as one label per mention, in the same mention order (``gold[i]`` and
``predicted[i]`` are the clusters of mention i); every mention is in both, so a mention alone in its cluster is
a singleton. The definitions are those of the reference CoNLL scorer (Pradhan et al. 2014):

- MUC (Vilain et al. 1995) counts links: recall is Σ over gold clusters K of (|K| − number of predicted
  clusters K is split into) / Σ (|K| − 1); precision is the same with gold and predicted swapped.
- B³ (Bagga & Baldwin 1998): per mention, the share of its predicted cluster that is in its gold cluster
  (precision) and of its gold cluster that is in its predicted cluster (recall), averaged over mentions.
- CEAF-e (Luo 2005): gold and predicted clusters are aligned one to one so that the sum of
  φ4(K, R) = 2|K ∩ R| / (|K| + |R|) is largest; precision is that sum over the number of predicted
  clusters, recall over the number of gold clusters.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Labels = Sequence[Hashable]


def prf(p_num: float, p_den: float, r_num: float, r_den: float) -> dict[str, float]:
    """Precision, recall and F1 from numerators and denominators (0 where a denominator is 0)."""
    precision = p_num / p_den if p_den else 0.0
    recall = r_num / r_den if r_den else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _check(gold: Labels, predicted: Labels) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted ones")


def _muc_side(keys: Labels, responses: Labels) -> tuple[int, int]:
    """Σ (|K| − |partition of K by the responses|) and Σ (|K| − 1) over the clusters K of ``keys``."""
    parts: dict[Hashable, set] = defaultdict(set)
    sizes: Counter = Counter(keys)
    for key, response in zip(keys, responses):
        parts[key].add(response)
    return (sum(sizes[k] - len(parts[k]) for k in sizes), sum(size - 1 for size in sizes.values()))


def muc(gold: Labels, predicted: Labels) -> dict[str, float]:
    """MUC precision, recall and F1 (singletons have no links: they count for nothing)."""
    _check(gold, predicted)
    r_num, r_den = _muc_side(gold, predicted)
    p_num, p_den = _muc_side(predicted, gold)
    return prf(p_num, p_den, r_num, r_den)


def b_cubed(gold: Labels, predicted: Labels) -> dict[str, float]:
    """B³ precision, recall and F1, averaged over mentions."""
    _check(gold, predicted)
    both = Counter(zip(gold, predicted))
    gold_size, pred_size = Counter(gold), Counter(predicted)
    n = len(gold)
    precision = sum(both[g, p] / pred_size[p] for g, p in zip(gold, predicted))
    recall = sum(both[g, p] / gold_size[g] for g, p in zip(gold, predicted))
    return prf(precision, n, recall, n)


def ceaf_e(gold: Labels, predicted: Labels) -> dict[str, float]:
    """Entity-level CEAF (φ4) with the optimal one-to-one alignment of gold and predicted clusters.

    Clusters that share no mention never align, so the alignment is found in each connected group of
    overlapping clusters apart (the same total as one assignment over all clusters, much smaller)."""
    _check(gold, predicted)
    both = Counter(zip(gold, predicted))
    gold_size, pred_size = Counter(gold), Counter(predicted)
    # connected groups of gold and predicted clusters, by union-find over the overlaps
    parent: dict[tuple[str, Hashable], tuple[str, Hashable]] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g, p in both:
        parent[find(("g", g))] = find(("p", p))
    groups: dict = defaultdict(lambda: ([], []))
    for g in gold_size:
        groups[find(("g", g))][0].append(g)
    for p in pred_size:
        groups[find(("p", p))][1].append(p)
    total = 0.0
    for keys, responses in groups.values():
        phi = np.array([[2 * both.get((g, p), 0) / (gold_size[g] + pred_size[p]) for p in responses]
                        for g in keys])
        rows, cols = linear_sum_assignment(phi, maximize=True)
        total += float(phi[rows, cols].sum())
    return prf(total, len(pred_size), total, len(gold_size))


def conll(gold: Labels, predicted: Labels) -> dict:
    """MUC, B³ and CEAF-e, and the CoNLL F1: the mean of their three F1s."""
    scores = {"muc": muc(gold, predicted), "b3": b_cubed(gold, predicted), "ceafe": ceaf_e(gold, predicted)}
    scores["conll_f1"] = sum(s["f1"] for s in scores.values()) / 3
    return scores


def rounded(scores: dict, digits: int = 4) -> dict:
    """The scores with every number rounded (for printing)."""
    return {k: rounded(v, digits) if isinstance(v, dict) else round(v, digits) for k, v in scores.items()}
