"""Claim linking as a story grows: time per new report and memory at 1,000 and 10,000 reports.

Synthetic story: fictional actors, places, figures and dates fill sentence templates. Every report states
``PER_REPORT`` mentions: repeats of earlier claims in another wording (recent claims most often), near-misses
of them (another figure or another date, which must stay apart) and new claims. Reports are linked one at a
time into one ``ClaimIndex`` exactly as the ledger does (``report_facts`` then ``link`` per mention).

Vectors: encoding 120,000 sentences with MiniLM would take minutes, so each claim gets a random unit vector
and each wording of it that vector plus noise (cosine ≈ 0.9 to the claim, like a paraphrase); near-misses
sit as close as paraphrases, so only the agreement checks keep them apart. Real MiniLM encoding is timed
separately, per new report (all its mentions in one batch).

Baseline in the same run: the all-pairs lexical linking that compares each mention with every claim so
far, on the first 1,000 reports. Prints one JSON line.

    .venv/bin/python benchmarks/bench_linking.py [--reports 1000 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time

import numpy as np

from storyline.link.agreement import report_facts
from storyline.link.claims import ClaimIndex, content_key, same_proposition
from storyline.model import Entity, Extraction, Figure, Mention, Source, TimeValue

PER_REPORT = 12
NEW_SHARE, NEAR_SHARE = 0.3, 0.1  # the rest repeat earlier claims
NOISE = 0.022  # per-dimension noise on a claim's vector: cosine ≈ 0.9 between two wordings
SYLLABLES = ["ka", "lo", "mi", "ren", "dor", "sa", "vel", "tin", "pra", "mu", "ost", "el", "gar", "wen", "ti", "bo"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [  # (actor, place, count, unit, day): three wordings of one proposition
    ("{actor} said {count} {unit} were hurt in {place} on {day}",
     "{count} {unit} were injured in {place} on {day}, according to {actor}",
     "on {day} {count} {unit} suffered injuries in {place}, {actor} said"),
    ("{actor} sent {count} {unit} to {place} on {day}",
     "on {day} {count} {unit} were dispatched to {place} by {actor}",
     "{actor} deployed {count} {unit} in {place} on {day}"),
    ("{actor} closed {count} {unit} in {place} on {day}",
     "{count} {unit} in {place} were shut by {actor} on {day}",
     "on {day} {actor} ordered {count} {unit} in {place} closed"),
]
UNITS = ["people", "workers", "boats", "roads", "schools", "trucks"]


def name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() for _ in range(words))


class Story:
    """Claims of a synthetic story and reports stating them."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.np = np.random.default_rng(seed)
        self.actors = [name(self.rng, 2) for _ in range(400)]
        self.places = [name(self.rng, 1) for _ in range(300)]
        self.claims: list[dict] = []

    def new_claim(self) -> int:
        r = self.rng
        vector = self.np.standard_normal(384).astype(np.float32)
        self.claims.append({"template": r.randrange(len(TEMPLATES)), "actor": r.choice(self.actors),
                            "place": r.choice(self.places), "count": r.randrange(2, 900),
                            "unit": r.choice(UNITS), "day": r.randrange(7), "vector": vector / np.linalg.norm(vector)})
        return len(self.claims) - 1

    def report(self) -> tuple[Extraction, list[np.ndarray], list[int]]:
        """One report: its extraction, one vector per mention, and each mention's true claim (-1: near-miss)."""
        r, text, said = self.rng, "", []
        for _ in range(PER_REPORT):
            roll = r.random()
            if roll < NEW_SHARE or not self.claims:
                truth = self.new_claim()
                fields = dict(self.claims[truth])
            else:
                back = min(len(self.claims), int(r.paretovariate(1.0) * 5))  # recent claims repeat most
                truth = len(self.claims) - r.randrange(1, back + 1)
                fields = dict(self.claims[truth])
                if roll < NEW_SHARE + NEAR_SHARE:  # a near-miss: same wording family, another figure or day
                    truth = -1
                    if r.random() < 0.5:
                        fields["count"] += r.randrange(1, 50)
                    else:
                        fields["day"] = (fields["day"] + r.randrange(1, 7)) % 7
            wording = r.choice(TEMPLATES[fields["template"]])
            sentence = wording.format(actor=fields["actor"], place=fields["place"], count=fields["count"],
                                      unit=fields["unit"], day=WEEKDAYS[fields["day"]])
            noise = self.np.standard_normal(384).astype(np.float32) * NOISE
            vector = fields["vector"] + noise
            said.append((len(text), sentence, fields, truth, vector / np.linalg.norm(vector)))
            text += sentence + ". "
        return _extraction(text, said), [s[4] for s in said], [s[3] for s in said]


def _extraction(text: str, said: list) -> Extraction:
    out = Extraction()
    for start, sentence, fields, _, _ in said:
        end = start + len(sentence)
        out.mentions.append(Mention(start, end, sentence, Source("Wire", "outlet"), None, "outlet", "asserted"))
        for value, kind in ((fields["actor"], "ORG"), (fields["place"], "GPE")):
            at = text.index(value, start)
            out.entities.append(Entity(value.lower(), value, kind, spans=[(at, at + len(value))]))
        figure = f"{fields['count']} {fields['unit']}"
        at = text.index(figure, start)
        out.figures.append(Figure(figure, fields["count"], fields["count"], fields["unit"], at, at + len(figure)))
        day = WEEKDAYS[fields["day"]]
        at = text.index(day, start)
        out.times.append(TimeValue(f"2025-06-{2 + fields['day']:02d}", "day", day, at, at + len(day)))
    return out


def link_report(index: ClaimIndex, extraction: Extraction, vectors: list[np.ndarray]) -> list[int]:
    facts = report_facts(extraction)
    return [index.link(m.text, facts=f, vector=v)[0] for m, f, v in zip(extraction.mentions, facts, vectors)]


def all_pairs_lexical(keys: list, text: str) -> int:
    """The baseline: compare with every claim so far."""
    key = content_key(text)
    for claim, other in enumerate(keys):
        if same_proposition(key, other):
            return claim
    keys.append(key)
    return len(keys) - 1


def summary(times: list[float]) -> dict:
    last = sorted(times[-100:])
    return {"median_ms": round(statistics.median(last) * 1000, 3),
            "p95_ms": round(last[int(0.95 * (len(last) - 1))] * 1000, 3)}


def quality(assigned: list[int], truths: list[int]) -> dict:
    """Wrong merges (a mention in a claim whose first mention is another claim, or a near-miss merged) and
    split claims (true claims spread over several linked claims)."""
    first: dict[int, int] = {}
    spread: dict[int, set[int]] = {}
    wrong = 0
    for claim, truth in zip(assigned, truths):
        owner = first.setdefault(claim, truth)
        wrong += truth == -1 and owner != -1 or truth != owner
        if truth != -1:
            spread.setdefault(truth, set()).add(claim)
    split = sum(len(s) > 1 for s in spread.values())
    return {"mentions": len(assigned), "wrong_merge_rate": round(wrong / len(assigned), 4),
            "split_claim_rate": round(split / max(1, len(spread)), 4)}


def run(sizes: list[int], seed: int) -> dict:
    story, index = Story(seed), ClaimIndex()
    out: dict = {"bench": "linking", "mentions_per_report": PER_REPORT, "vectors": "synthetic (cosine ≈ 0.9)"}
    times, assigned, truths, reports = [], [], [], []
    for n in range(1, max(sizes) + 1):
        extraction, vectors, truth = story.report()  # made on the fly: memory is the index's, not the corpus's
        if n <= 1000:
            reports.append((extraction, vectors, truth))
        begin = time.perf_counter()
        assigned += link_report(index, extraction, vectors)
        times.append(time.perf_counter() - begin)
        truths += truth
        if n in sizes:
            out[str(n)] = {**summary(times), "claims": len(index.keys), **quality(assigned, truths),
                           "conflicts": len(index.conflicts), "vector_rows_mb": round(index._size * 384 * 4 / 2**20, 1),
                           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    keys, baseline = [], []
    for extraction, _, _ in reports[:1000]:
        begin = time.perf_counter()
        for mention in extraction.mentions:
            all_pairs_lexical(keys, mention.text)
        baseline.append(time.perf_counter() - begin)
    out["baseline_all_pairs_lexical_1000"] = summary(baseline)
    out["ratio_at_1000"] = round(summary(baseline)["median_ms"] / max(summary(times[:1000])["median_ms"], 1e-9), 2)
    out["encode_per_report_ms"] = encode_time(reports[:20])
    return out


def encode_time(reports: list) -> dict | str:
    """Real MiniLM encoding of each report's mentions in one batch (median over the reports)."""
    from storyline.errors import StorylineError
    from storyline.learn.embeddings import embed

    try:
        embed(["warm up"])
    except StorylineError as exc:
        return f"skipped: {exc}"
    times = []
    for extraction, _, _ in reports:
        begin = time.perf_counter()
        embed([m.text for m in extraction.mentions])
        times.append(time.perf_counter() - begin)
    return {"median_ms": round(statistics.median(times) * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(run(sorted(args.reports), args.seed)))


if __name__ == "__main__":
    main()
