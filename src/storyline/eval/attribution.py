"""Score attribution extraction on a PolNeAR-layout split (``text/*.txt`` + ``attributions/*.ann``).

Gold (read by ``eval.polnear``): every brat ``E`` line (Attribution:T Source:T Cue:T Content:T), one
annotator per article (the first ``.ann`` file in name order). A discontinuous span (``s e;s e``) is read as
one span from its first to its last character: PolNeAR splits a quote around "he said" where we keep one
content span from the first to the last quote mark.

Predicted: ``find_attributions`` over the spaCy parse with ``find_entities``. PolNeAR annotates only the
outermost of nested attributions, so a predicted mention whose cue lies inside another predicted
mention's content is left out; each role's spans are then de-duplicated, a source once per cue: PolNeAR
gives every attribution its source, so "Ana said X and added Y" has the source "Ana" twice, once for each
cue, and so do we (two mentions sharing one cue "Ana said" share one source).

Scores, per role (source, cue, content), micro-averaged over documents:

* ``exact``: a predicted span is a true positive when it equals an unmatched gold span of the same role
  after trimming whitespace and edge punctuation (quote marks included) on both; each gold span matches
  at most once. precision = TP / predicted, recall = TP / gold.
* ``overlap``: token overlap as Citron (BBC) reports it: tokens are ``\\w+`` runs and single other
  characters; overlap = Σ over every (predicted, gold) pair of shared tokens; precision = overlap /
  Σ predicted tokens, recall = overlap / Σ gold tokens, F1 their harmonic mean.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

from ..extract.attribution import find_attributions
from ..extract.entities import find_entities
from ..extract.nlp import parse_many
from ..model import Mention
from .polnear import ROLES, Span, documents, outermost, read_gold

_TOKEN = re.compile(r"\w+|[^\w\s]")


def predicted_spans(mentions: list[Mention]) -> dict[str, list[Span]]:
    """Role → distinct predicted spans, outermost attributions only."""
    outer = outermost(mentions)
    roles: dict[str, list[Span]] = {r: [] for r in ROLES}
    seen: set[tuple[str, Span, Span | None]] = set()
    for m in outer:
        for role, span in (("source", m.source.span), ("cue", m.cue_span), ("content", (m.start, m.end))):
            key = (role, span, m.cue_span if role == "source" else None)  # a source once per cue
            if span is not None and key not in seen:
                seen.add(key)
                roles[role].append(span)
    return roles


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def normalize(text: str, span: Span) -> Span:
    """Trim whitespace and punctuation from both ends; a span of punctuation alone (":") stays as it is,
    less its spaces."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    s, e = start, end
    while s < e and _is_edge(text[s]):
        s += 1
    while e > s and _is_edge(text[e - 1]):
        e -= 1
    return (s, e) if e > s else (start, end)


def exact_counts(text: str, predicted: Iterable[Span], gold: Iterable[Span]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) with one-to-one matching of normalised spans."""
    unmatched: dict[Span, int] = {}
    n_gold = 0
    for span in gold:
        key = normalize(text, span)
        unmatched[key] = unmatched.get(key, 0) + 1
        n_gold += 1
    tp = n_pred = 0
    for span in predicted:
        n_pred += 1
        key = normalize(text, span)
        if unmatched.get(key, 0) > 0:
            unmatched[key] -= 1
            tp += 1
    return tp, n_pred, n_gold


def overlap_counts(text: str, predicted: list[Span], gold: list[Span]) -> tuple[int, int, int]:
    """(shared tokens over all pairs, predicted tokens, gold tokens), Citron's overlap sums."""
    token_starts = [m.start() for m in _TOKEN.finditer(text)]

    def tokens(span: Span) -> set[int]:
        return set(token_starts[bisect_left(token_starts, span[0]):bisect_left(token_starts, span[1])])

    pred_sets = [tokens(s) for s in predicted]
    gold_sets = [tokens(s) for s in gold]
    shared = sum(len(p & g) for p in pred_sets for g in gold_sets if p and g)
    return shared, sum(map(len, pred_sets)), sum(map(len, gold_sets))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def evaluate_attribution(path: str | Path, limit: int | None = None) -> dict:
    """Exact and token-overlap precision/recall/F1 for source, cue and content on a PolNeAR split."""
    pairs = documents(path, limit)
    totals = {kind: {r: [0, 0, 0] for r in ROLES} for kind in ("exact", "overlap")}
    for doc, (text, ann) in zip(parse_many(t for t, _ in pairs), pairs):
        gold = read_gold(ann)
        predicted = predicted_spans(find_attributions(doc, find_entities(doc)))
        for role in ROLES:
            gold_spans = [g[role] for g in gold if role in g]
            for kind, counts in (("exact", exact_counts(text, predicted[role], gold_spans)),
                                 ("overlap", overlap_counts(text, predicted[role], gold_spans))):
                for i, n in enumerate(counts):
                    totals[kind][role][i] += n
    result: dict = {"task": "attribution", "documents": len(pairs)}
    for kind, roles in totals.items():
        result[kind] = {role: _prf(*counts) for role, counts in roles.items()}
    return result
