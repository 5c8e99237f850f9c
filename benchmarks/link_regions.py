"""Where could cross-outlet links come from? A table of mention pairs by cheap signals, with the editors' label.

Issue 16 asks for link precision first: a wrong link is a false corroboration. A linking rule is worth
shipping only where the pairs it would add are mostly the editors' pairs, in several stories. This probe
adds the gold's reports to a fresh store as ``storyline eval ledger`` does, takes every pair of attributed
mentions in different reports that both found a gold item and that the ledger did *not* link, and counts
them (the editors' same claim or not) by signal:

- ``speaker``: one named speaker (``agreement.name_words`` of the two sources, one inside the other);
- ``mutual``: each is the other's closest mention (MiniLM cosine) among that speaker's mentions in the other
  report, the usual signal for paraphrases across two documents;
- the cosine band of the two contents' vectors (0.05 wide);
- ``quoted``: both quote at least one common content word; ``words``: content words in common;
- ``cue``: the same speech verb (last word of the cue, lightly stemmed); ``sentence``: the cosine of the two
  whole sentences rather than the contents.

Printed: one row per (speaker, mutual, band) with its pairs the editors link and do not, then candidate
regions with those counts per story. Fit decisions on the train-text stories only (the default set); the
three dev-text ones (``--dev-text``) are for confirming.

    .venv/bin/python benchmarks/link_regions.py [--data ../shared/data] [--dev-text] [gold files …]
"""

from __future__ import annotations

import argparse
import glob
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from storyline.eval.ledger import read_gold, score_story, story_export
from storyline.learn.embeddings import embed
from storyline.link.agreement import name_words
from storyline.link.claims import content_key, stem, vector_text

DEV_TEXT = ("first-presidential-debate", "trump-1995-tax-returns", "tulsa-charlotte-police-shootings")
NAMED = ("person", "organization")


def story_mentions(path: str, data: str) -> list[dict]:
    """Every attributed mention of one gold story's ledger: report, text, speaker words, form, ledger claims,
    and the gold claim of the item it found (None when it found none, or the item is in no other report)."""
    gold = read_gold(path, data)
    with tempfile.TemporaryDirectory(prefix="storyline-link-regions-") as folder:
        ledger, ids = story_export(gold, str(Path(folder) / "ledger.db"))
    _, records = score_story(gold, ledger, ids)
    full = {f"{m['report']}:{m['start']}-{m['end']}": m for claim in ledger["claims"] for m in claim["mentions"]}
    rows = []
    for record in records:
        mention = record.get("mention")
        if mention is None:
            continue
        whole = full[mention["id"]]
        cue = (whole.get("cue") or "").lower().split()
        rows.append({"story": gold.story, "report": record["report"], "text": mention["text"],
                     "sentence": whole.get("sentence") or mention["text"], "cue": stem(cue[-1]) if cue else "",
                     "who": name_words(mention["source"]) if mention["kind"] in NAMED else frozenset(),
                     "claims": set(mention["claims"]), "found": record["found"],
                     "gold": record["gold"]["claim"] if record["found"] else None})
    return rows


def same_speaker(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def mutual_best(cosines: np.ndarray, reports: list[int], who: list[frozenset[str]]) -> set[tuple[int, int]]:
    """Pairs (i < j) of one speaker in two reports where each is the other's closest mention of that speaker
    in the other's report."""
    best: dict[tuple[int, int], int] = {}  # (mention, other report) → its closest same-speaker mention there
    for i in range(len(reports)):
        for j in range(len(reports)):
            if reports[i] != reports[j] and same_speaker(who[i], who[j]):
                key = (i, reports[j])
                if key not in best or cosines[i, j] > cosines[i, best[key]]:
                    best[key] = j
    return {(i, j) for (i, _), j in best.items() if i < j and best.get((j, reports[i])) == i}


def story_pairs(rows: list[dict]) -> list[dict]:
    """The unlinked pairs of found mentions in different reports of one story, with their signals."""
    vectors = embed([vector_text(r["text"]) for r in rows])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    cosines = vectors @ vectors.T
    sentences = embed([vector_text(r["sentence"]) for r in rows])
    sentences = sentences / np.linalg.norm(sentences, axis=1, keepdims=True)
    reports, who = [r["report"] for r in rows], [r["who"] for r in rows]
    mutual = mutual_best(cosines, reports, who)
    keys = [content_key(r["text"]) for r in rows]
    pairs = []
    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if a["report"] == b["report"] or not (a["found"] and b["found"]) or a["claims"] & b["claims"]:
                continue
            pairs.append({"story": a["story"], "cos": float(cosines[i, j]), "speaker": same_speaker(a["who"], b["who"]),
                          "mutual": (i, j) in mutual, "quoted": bool(keys[i].quoted & keys[j].quoted),
                          "words": len(keys[i].words & keys[j].words), "cue": bool(a["cue"]) and a["cue"] == b["cue"],
                          "sentence": float(sentences[i] @ sentences[j]),
                          "same": a["gold"] is not None and a["gold"] == b["gold"]})
    return pairs


REGIONS = {
    "one speaker, mutual best, cos >= 0.45": lambda p: p["speaker"] and p["mutual"] and p["cos"] >= 0.45,
    "one speaker, mutual best, cos >= 0.55": lambda p: p["speaker"] and p["mutual"] and p["cos"] >= 0.55,
    "one speaker, a quoted word in common, cos >= 0.40": lambda p: p["speaker"] and p["quoted"] and p["cos"] >= 0.4,
    "one speaker, 3+ content words in common": lambda p: p["speaker"] and p["words"] >= 3,
    "anyone, 5+ content words in common": lambda p: p["words"] >= 5,
    "one speaker, the same cue verb, cos >= 0.50": lambda p: p["speaker"] and p["cue"] and p["cos"] >= 0.5,
    "one speaker, sentences at cos >= 0.60": lambda p: p["speaker"] and p["sentence"] >= 0.6,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--dev-text", action="store_true", help="the three dev-text stories instead of train-text")
    args = parser.parse_args()
    files = args.gold or [f for f in sorted(glob.glob("gold/ledger/dev/*.json"))
                          if any(d in f for d in DEV_TEXT) == args.dev_text]
    pairs = [p for f in files for p in story_pairs(story_mentions(f, args.data))]
    table: dict[tuple, Counter] = defaultdict(Counter)
    for p in pairs:
        if p["cos"] >= 0.3:
            table[(p["speaker"], p["mutual"], int(p["cos"] * 20) / 20)][p["same"]] += 1
    print("unlinked pairs of found mentions: speaker  mutual  cosine band  editors' pairs / other pairs")
    for (speaker, mutual, band), counts in sorted(table.items()):
        print(f"  {'one' if speaker else 'two':3s}  {'yes' if mutual else 'no ':3s}  {band:.2f}  "
              f"{counts[True]:3d} / {counts[False]:4d}")
    for name, region in REGIONS.items():
        chosen = [p for p in pairs if region(p)]
        right = Counter(p["story"][:24] for p in chosen if p["same"])
        wrong = Counter(p["story"][:24] for p in chosen if not p["same"])
        print(f"{name}: {sum(right.values())} editors' pairs, {sum(wrong.values())} others; "
              f"per story right {dict(right)} wrong {dict(wrong)}")


if __name__ == "__main__":
    main()
