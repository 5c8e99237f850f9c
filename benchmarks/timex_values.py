"""Are our time values right? Day-level value accuracy against EventStoryLine's gold TIMEX3 values.

Issue 16 wants one timeline entry per event, and a happening two outlets put on two days stays two entries:
of the same-event pairs still apart on the ECB+ train timeline, about half have disagreeing times. This
probe reads the EventStoryLine CAT XML (ECB+ documents with gold time values and each document's creation
time), tags each document's text with :mod:`storyline.extract.timex` anchored to that DCT, and for every gold
time expression with a calendar value (``2013-05-02``, ``2013-05``, ``2013-W18``, ``2013-05-02T10:00``; not
``PAST_REF`` nor durations) that one of ours overlaps, compares the values at day granularity: the part
before ``T`` (a clock time or a part of day is not judged, the day it falls on is). A gold time none of ours
overlaps is ``missed``; one we find but leave unresolved is ``none``.

Printed: one JSON object, totals and per topic. With ``--errors FILE`` one JSON line per wrong or
unresolved value with the sentence, the DCT and a guessed cause, to read (it holds the corpus's words: keep
it out of the repo). Fit on the train topics (the default), confirm on dev.

    .venv/bin/python benchmarks/timex_values.py ../shared/data/time/eventstoryline [--topics train|dev|all]
        [--kind ecbplus|ecb|all] [--errors /tmp/values.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from storyline.eval.coref_gold import DEV_TOPICS
from storyline.eval.time import read_cat
from storyline.extract.nlp import parse
from storyline.extract.timex import WEEKDAYS, find_timexes

CALENDAR = re.compile(r"^\d{4}(?:-(?:\d\d|W\d\d|Q\d)(?:-\d\d)?)?")
NAME = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecb|ecbplus)\.xml\.xml$")


def day_part(value: str | None) -> str | None:
    """The calendar part of a TIMEX3 value (``2013-05-02TMO`` → ``2013-05-02``), None when it has none."""
    m = CALENDAR.match(value or "")
    return m.group(0) if m else None


def cause(text: str, gold: str, ours: str | None, dct: str, line: str) -> str:
    """A first guess at why a value is wrong, to sort the errors (read them anyway)."""
    lower = text.lower()
    if ours is None:
        return "unresolved"
    if any(w in lower for w in WEEKDAYS):
        return "weekday"
    if re.search(r"\b(?:last|this|next|past) (?:year|month|week)\b|\bago\b", lower):
        return "relative unit"
    if line.strip() == text.strip() or len(line.split()) <= len(text.split()) + 2:
        return "stamp line"
    if re.search(r"\b(?:to|through|until|-|and)\b", lower):
        return "range"
    if len(gold) == len(ours) and gold[:4] != ours[:4] and gold[4:] == ours[4:]:
        return "year of a date"
    if len(gold) != len(ours):
        return "granularity"
    if ours == dct:
        return "report's day"
    return "other"


def score_document(path: Path, errors: list[dict]) -> Counter:
    doc = read_cat(path)
    counts: Counter = Counter()
    gold = [g for g in doc.timexes if day_part(g.value) and not any(s < g.end and g.start < e for s, e in doc.skip)]
    ours = [t for t in find_timexes(parse(doc.text), doc.dct)
            if not any(s < t.end and t.start < e for s, e in doc.skip)]
    used: set[int] = set()
    for g in gold:
        counts["gold"] += 1
        hit = next((i for i, t in enumerate(ours) if i not in used and t.start < g.end and g.start < t.end), None)
        if hit is None:
            counts["missed"] += 1
            continue
        used.add(hit)
        counts["found"] += 1
        want, got = day_part(g.value), day_part(ours[hit].value)
        if want == got:
            counts["same"] += 1
            continue
        counts["none" if got is None else "wrong"] += 1
        line_start = doc.text.rfind("\n", 0, g.start) + 1
        line_end = doc.text.find("\n", g.end)
        line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
        text = doc.text[g.start:g.end]
        errors.append({"doc": path.name, "dct": str(doc.dct), "gold_text": text, "gold": want,
                       "ours_text": ours[hit].text, "ours": got,
                       "cause": cause(ours[hit].text, want or "", got, str(doc.dct), line), "line": line})
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--topics", default="train", choices=("train", "dev", "all"))
    parser.add_argument("--kind", default="all", choices=("ecbplus", "ecb", "all"))
    parser.add_argument("--errors", type=Path)
    args = parser.parse_args()
    total: Counter = Counter()
    per_topic: dict[int, Counter] = {}
    errors: list[dict] = []
    for path in sorted(args.folder.glob("*/*.xml.xml")):
        m = NAME.match(path.name)
        if not m or args.kind != "all" and m["kind"] != args.kind:
            continue
        topic = int(m["topic"])
        if args.topics != "all" and (topic in DEV_TOPICS) != (args.topics == "dev"):
            continue
        counts = score_document(path, errors)
        per_topic.setdefault(topic, Counter()).update(counts)
        total.update(counts)

    def figures(c: Counter) -> dict:
        return {**{k: c[k] for k in ("gold", "found", "same", "wrong", "none", "missed")},
                "value_accuracy": round(c["same"] / c["found"], 3) if c["found"] else 0.0}

    causes = Counter(e["cause"] for e in errors)
    print(json.dumps({"task": "timex values", "topics": args.topics, "kind": args.kind, **figures(total),
                      "causes": dict(causes.most_common()),
                      "per_topic": {t: figures(c) for t, c in sorted(per_topic.items())}}, indent=1))
    if args.errors:
        with args.errors.open("w") as out:
            for e in errors:
                out.write(json.dumps(e) + "\n")


if __name__ == "__main__":
    main()
