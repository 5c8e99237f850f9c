"""Score the story timeline against gold cross-document event coreference (ECB+ with EventStoryLine dates).

Why: on real multi-outlet stories the timeline repeated one happening once per report. ECB+ gives, for each
topic, several outlets' reports of one event (the ``ecbplus`` documents) with gold event mentions linked across
documents; EventStoryLine (the same documents as CAT XML) gives each document's creation time (DCT), which
anchors relative times ("on Monday"). Each topic's dated ``ecbplus`` documents are added as one story, in
document order, each as its own outlet, and the timeline is built as the ledger builds it.

Each timeline event is labelled with one gold event: the gold mention inside its description nearest to its
time expression (events with none are counted as ``unlabelled``); where the folder holds the release's list of
sentences annotated for coreference, only mentions in those sentences label events (elsewhere every mention is
a singleton by default, which would count a right merge as a wrong one). Figures, summed over topics:

- ``duplication``: timeline entries per gold event that reaches the timeline (1.0 is best);
- ``impure_share``: entries whose events carry different gold events, over entries of two or more labelled events;
- ``entries_per_story``: timeline entries per topic;
- ``merged_pairs``: precision and recall of pairs of labelled events put in one entry, against same-gold pairs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..ledger.timeline import TimelineIndex
from ..model import Event, Extraction
from .coref_gold import DEV_TOPICS, NAME, document_text, read_mentions, read_selected



@dataclass
class GoldDoc:
    """One ECB+ document as a report: its text, each gold event mention's character span and cluster, its DCT."""

    name: str
    text: str
    mentions: list[tuple[int, int, str]]
    dct: date | None


@dataclass
class TimelineReport:
    """What the timeline reads of a report."""

    id: str
    outlet: str
    extraction: Extraction


def read_dct(path: Path) -> date | None:
    """The creation date of an EventStoryLine CAT document (its ``DCT="TRUE"`` markable)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not CAT XML ({exc})") from None
    for markable in root.iter():
        if markable.get("DCT") == "TRUE":
            try:
                return date.fromisoformat((markable.get("value") or "")[:10])
            except ValueError:
                return None
    return None


def read_stories(ecb: str | Path, esc: str | Path, topics: str = "all") -> dict[int, list[GoldDoc]]:
    """Topic number → its ``ecbplus`` documents that EventStoryLine dates, in document order."""
    ecb_root, esc_root = Path(ecb), Path(esc)
    if not ecb_root.is_dir() or not esc_root.is_dir():
        raise InputError(str(ecb_root if not ecb_root.is_dir() else esc_root), "no such folder")
    selected = read_selected(ecb_root)
    stories: dict[int, list[GoldDoc]] = {}
    for dated in esc_root.glob("*/*ecbplus.xml.xml"):
        name = dated.name[:-len(".xml")]
        match = NAME.match(name)
        if not match:
            continue
        topic = int(match["topic"])
        if topics != "all" and (topic in DEV_TOPICS) != (topics == "dev"):
            continue
        source = ecb_root / match["topic"] / name
        if not source.is_file():
            continue
        mentions, sentences = read_mentions(source)
        if selected is not None:  # only the sentences annotated for coreference carry cross-document links
            mentions = [m for m in mentions if m.sentence in selected.get(source.stem, set())]
        text, offsets = document_text(sentences)
        spans = []
        for m in mentions:
            places = [offsets[m.sentence][t] for t in m.tokens if t < len(offsets[m.sentence])]
            if places:
                spans.append((min(s for s, _ in places), max(e for _, e in places), m.gold))
        stories.setdefault(topic, []).append(GoldDoc(source.stem, text, spans, read_dct(dated)))
    if not stories:
        raise InputError(str(esc_root), f"no dated ECB+ documents of the {topics} topics")
    for docs in stories.values():
        docs.sort(key=lambda d: int(NAME.match(d.name + ".xml")["n"]))
    return dict(sorted(stories.items()))


def label(event: Event, doc: GoldDoc) -> str | None:
    """The gold event an extracted event tells: the gold mention inside its description nearest its time."""
    inside = [(abs(s - event.time.start), gold) for s, e, gold in doc.mentions if event.start <= s and e <= event.end]
    return min(inside)[1] if inside else None


def score_topic(docs: list[GoldDoc], reports: list[TimelineReport]) -> dict[str, int]:
    """Counts for one topic's timeline (see the module docstring)."""
    by_id = {d.name: d for d in docs}
    index = TimelineIndex()
    for report in reports:
        index.add(report)
    counts = dict.fromkeys(("entries", "events", "unlabelled", "gold_events", "entry_gold", "merged", "impure",
                            "pairs", "pairs_right", "gold_pairs"), 0)
    labelled: list[tuple[int, str]] = []
    for n, members in enumerate(entry_members(index)):
        counts["entries"] += 1
        labels = [label(event, by_id[report]) for report, event in members]
        counts["events"] += len(labels)
        counts["unlabelled"] += sum(1 for g in labels if g is None)
        known = [g for g in labels if g is not None]
        labelled.extend((n, g) for g in known)
        if len(known) >= 2:
            counts["merged"] += 1
            counts["impure"] += len(set(known)) > 1
    counts["gold_events"] = len({g for _, g in labelled})
    counts["entry_gold"] = len(set(labelled))
    for i, (n1, g1) in enumerate(labelled):
        for n2, g2 in labelled[i + 1:]:
            counts["pairs"] += n1 == n2
            counts["pairs_right"] += n1 == n2 and g1 == g2
            counts["gold_pairs"] += g1 == g2
    return counts


def entry_members(index: TimelineIndex) -> list[list[tuple[str, Event]]]:
    """(report id, event) of the events each timeline entry merges, one list per entry."""
    return [[(index.items[s].report, index.items[s].event) for s in group.members]
            for group in sorted(index.groups.values(), key=lambda g: g.seq)]


def figures(counts: dict[str, int]) -> dict:
    p = counts["pairs_right"] / counts["pairs"] if counts["pairs"] else 0.0
    r = counts["pairs_right"] / counts["gold_pairs"] if counts["gold_pairs"] else 0.0
    return {
        "duplication": round(counts["entry_gold"] / counts["gold_events"], 3) if counts["gold_events"] else 0.0,
        "impure_share": round(counts["impure"] / counts["merged"], 3) if counts["merged"] else 0.0,
        "entries_per_story": round(counts["entries"] / counts["stories"], 2) if counts["stories"] else 0.0,
        "merged_pairs": {"precision": round(p, 3), "recall": round(r, 3),
                         "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0},
        **counts,
    }


def evaluate_timeline(ecb: str | Path, esc: str | Path, topics: str = "dev",
                      extract: Callable[[str, date | None, str], Extraction] | None = None,
                      on_topic: Callable[[int, int], None] | None = None) -> dict:
    """Build each topic's timeline from its dated reports and score it against the gold event clusters."""
    if extract is None:
        from ..extract.pipeline import extract
    stories = read_stories(ecb, esc, topics)
    total: dict[str, int] = {"stories": 0}
    per_topic = {}
    for done, (topic, docs) in enumerate(stories.items(), 1):
        reports = [TimelineReport(d.name, d.name, extract(d.text, d.dct, d.name)) for d in docs]
        counts = score_topic(docs, reports)
        per_topic[topic] = counts
        total["stories"] += 1
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
        if on_topic:
            on_topic(done, len(stories))
    return {"task": "timeline", "topics": topics, **figures(total),
            "per_topic": {t: figures({**c, "stories": 1}) for t, c in per_topic.items()}}
