"""Does taking the story's mean vector off two event descriptions' vectors help the timeline's merge by meaning?

Issue 16 (point 4). ``pair_signals.py`` found that on ECB+ sentence pairs of one topic the cosine after taking
0.8 times the topic's mean vector off both vectors tells one event chain from another better than the plain
cosine (AUC 0.754 -> 0.789 train). The timeline compares other pairs: an event that matched no entry on words
against the entries at a compatible time (``TimelineIndex._by_meaning``), the first description of each. This
replays that merge on ECB+ topics (built as ``storyline eval timeline`` builds them) with the centred cosine:
the story's running mean of the description vectors held so far, taken off at ``share * n / (n + events)`` of
it with ``n`` events held (the mean of a story's first few events is mostly those events themselves), and a bar
of its own. It prints, for each setting, both readings of ``eval timeline`` with the topics whose right or
wrong merged pairs changed against the plain cosine at SAME_MEANING; and, over the (event, entry) pairs the
plain merge compares, the ROC AUC of each score and how many of its N highest pairs share a gold chain (the
bar sits among the highest, so that is what decides merges).

Result (2026-12-06, negative): on train the centred score ranks the compared pairs a little better overall
(AUC 0.776 -> 0.790 at 0.8 / 20) but not at the top, where the bar is (17 of the 20 highest share a chain
either way): centring lowers every cosine by about as much, so no bar keeps the plain merge's sets
precision (0.911) and recall (0.210); the best found, 0.8 / 20 / 0.58, gives 0.893 / 0.182. Dev, run once at
that setting: sets 0.711 / 0.115 -> 0.759 / 0.094, which is the words-only timeline again.

    .venv/bin/python benchmarks/timeline_centring.py $D/stories/ecbplus $D/time/eventstoryline --topics train
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import roc_auc_score

from storyline.eval.timeline import TimelineReport, chains, entry_members, figures, read_stories, score_entries
from storyline.extract.pipeline import extract
from storyline.learn.embeddings import embed
from storyline.ledger import timeline
from storyline.ledger.event_vectors import event_vectors

SETTINGS = [(0.8, 20, 0.58), (0.8, 20, 0.52), (0.8, 20, 0.48), (0.5, 20, 0.6), (0.5, 20, 0.5), (0.3, 20, 0.6),
            (0.8, 0, 0.5), (0.8, 0, 0.4)]  # (share, events, bar)


@dataclass
class CentredIndex(timeline.TimelineIndex):
    """The kept index with the merge by meaning on centred vectors (a probe: a build in one pass, no removal).
    With ``share`` 0 it is the plain index; ``seen`` collects the (event, entry, story sum, count) compared."""

    share: float = 0.0
    events: int = 20
    bar: float = timeline.SAME_MEANING
    total: np.ndarray | None = None
    count: int = 0
    seen: list | None = None

    def _place(self, item, *args) -> None:
        if item.vector is not None:
            vector = item.vector.astype(np.float64)
            self.total = vector if self.total is None else self.total + vector
            self.count += 1
        super()._place(item, *args)

    def _by_meaning(self, item, *args):
        offset = self.share / (self.count + self.events) * self.total if self.share else 0.0
        own = centred(item.vector, offset)
        best, found = -1.0, None
        for gseq in self._timed(item):
            group = self.groups[gseq]
            if group.vector is None or not timeline._compatible(group.range, item.span):
                continue
            if self.seen is not None:
                self.seen.append((item, self.items[group.seq], self.total.copy(), self.count))
            cosine = float(centred(group.vector, offset) @ own)
            if cosine >= self.bar and cosine > best:
                best, found = cosine, group
        return found


def centred(vector: np.ndarray, offset: np.ndarray | float) -> np.ndarray:
    out = vector.astype(np.float64) - offset
    return out / (np.linalg.norm(out) or 1.0)


def build(story, share: float, events: int, bar: float, seen: list | None = None) -> dict[str, int]:
    docs, reports, vectors = story
    index = CentredIndex(share=share, events=events, bar=bar, seen=seen)
    for report, own in zip(reports, vectors):
        index.add(report, own)
    return score_entries(docs, entry_members(index))


def summed(per_topic: dict[int, dict[str, int]]) -> dict:
    total: dict[str, int] = {"stories": len(per_topic)}
    for counts in per_topic.values():
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return figures(total)


def line(name: str, f: dict) -> str:
    one, sets = f["merged_pairs"], f["sets"]["merged_pairs"]
    return (f"{name:24s} one label {f['duplication']:.3f} / {one['precision']:.3f} / {one['recall']:.3f} / "
            f"{one['f1']:.3f} ({f['pairs_right']} of {f['pairs']})   sets {f['sets']['duplication']:.3f} / "
            f"{sets['precision']:.3f} / {sets['recall']:.3f} / {sets['f1']:.3f} ({f['set_pairs_right']} of "
            f"{f['set_pairs']})")


def changes(per: dict, base: dict) -> str:
    """Per topic: sets-reading right / wrong merged pairs gained, then the one-label reading's."""
    out = []
    for topic in per:
        diff = [per[topic][k] - base[topic][k] for k in ("set_pairs_right", "set_pairs", "pairs_right", "pairs")]
        right, wrong, label_right, label_wrong = diff[0], diff[1] - diff[0], diff[2], diff[3] - diff[2]
        if any((right, wrong, label_right, label_wrong)):
            out.append(f"{topic}:{right:+d}/{wrong:+d}|{label_right:+d}/{label_wrong:+d}")
    return " ".join(out) or "none"


def pair_table(stories: dict, seen: dict[int, list]) -> None:
    rows = []
    for topic, compared in seen.items():
        docs = {d.name: d for d in stories[topic][0]}
        for item, first, total, count in compared:
            a, b = chains(item.event, docs[item.report]), chains(first.event, docs[first.report])
            if a and b:
                rows.append((not a.isdisjoint(b), item.vector.astype(np.float64), first.vector.astype(np.float64),
                             total, count))
    same = np.array([r[0] for r in rows])
    print(f"\n(event, entry) pairs the plain merge compares, both labelled: {len(rows)}, {int(same.sum())} of one "
          "chain (sets reading)")
    for share, events in [(0.0, 0), (0.5, 20), (0.8, 20), (0.8, 0), (1.0, 50)]:
        scores = np.array([float(centred(u, share / (n + events) * s) @ centred(v, share / (n + events) * s))
                           for _, u, v, s, n in rows])
        order = np.argsort(-scores)
        hits = np.cumsum(same[order])
        top = " ".join(f"top {k}: {hits[k - 1]} @{scores[order[k - 1]]:.2f}" for k in (10, 20, 30, 40)
                       if k <= len(rows))
        print(f"share {share} events {events:2d}: AUC {roc_auc_score(same, scores):.3f}  {top}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecbplus")
    parser.add_argument("dates")
    parser.add_argument("--topics", default="train", choices=("train", "dev"))
    args = parser.parse_args()
    stories = {}
    for topic, docs in read_stories(args.ecbplus, args.dates, args.topics).items():
        reports = [TimelineReport(d.name, d.name, extract(d.text, d.dct, d.name)) for d in docs]
        stories[topic] = (docs, reports, [event_vectors(r.extraction, [], embed) for r in reports])
    seen: dict[int, list] = {t: [] for t in stories}
    base = {t: build(s, 0.0, 0, timeline.SAME_MEANING, seen[t]) for t, s in stories.items()}
    print(line(f"plain, {timeline.SAME_MEANING}", summed(base)))
    for share, events, bar in SETTINGS:
        per = {t: build(s, share, events, bar) for t, s in stories.items()}
        print(line(f"centred {share} / {events} / {bar}", summed(per)))
        print("    per topic, sets right/wrong | one label right/wrong:", changes(per, base))
    pair_table(stories, seen)


if __name__ == "__main__":
    main()
