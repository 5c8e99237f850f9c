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

That one label is too fine a reading of what a reader sees: ECB+ often splits one happening into several
chains (one piracy attack as "attack", "foiled" and "fired on"), and a description holds several gold
mentions, of which the nearest to the time is not always the one the description is about, so a merge a
reader judges right can count as wrong. A second, set-based reading (keys under ``sets``, counts prefixed
``set_``) gives each event the SET of gold chains with a mention inside its description (the same mentions:
coreference-annotated sentences only; a mention in no chain is a chain of its own) and reads an entry by
what its events share rather than by one label each. Events with an empty set are ``set_unlabelled`` and
left out of the rest, as unlabelled events are above:

- a pair of events is a gold pair when their sets share a chain; a merged pair (both in one entry) is right
  when it is a gold pair: ``sets.merged_pairs`` is precision and recall of merged pairs against gold pairs
  (two events of one report whose descriptions overlap on a mention share its chain: the same words);
- an entry of two or more labelled events is impure when no chain is in every one of its events' sets (a
  pairwise reading would let "A and B", "B and C", "C and A" pass as one happening): ``sets.impure_share``;
- ``sets.duplication``: over the chains that reach the timeline (in some event's set), the mean number of
  entries whose events carry that chain. It reads higher than the one-label duplication, because a chain
  named in passing ("after the shooting") reaches entries about something else: compare it only with
  itself, across versions of the timeline.

Every pair the one-label reading calls right the set-based one calls right too, so the two roughly bound
a reader's judgement from both sides: the set-based reading forgives merges of a happening that ECB+ split into several
chains only when a description names two of them, but also forgives a merge of two happenings whose
descriptions share a chain in passing (a trial and the killing it is about), and its gold pairs grow with
long descriptions. Keep both.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import InputError, StorylineError
from ..learn.embeddings import embed
from ..ledger.event_vectors import event_vectors
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


def chains(event: Event, doc: GoldDoc) -> frozenset[str]:
    """The gold chains an extracted event tells, read set-wise: every chain with a mention inside its description."""
    return frozenset(gold for s, e, gold in doc.mentions if event.start <= s and e <= event.end)


def score_topic(docs: list[GoldDoc], reports: list[TimelineReport],
                encode: Callable[[list[str]], np.ndarray] | None = None) -> dict[str, int]:
    """Counts for one topic's timeline (see the module docstring); with ``encode``, events also merge by
    the meaning of their descriptions, as the ledger merges them with the embeddings installed."""
    index = TimelineIndex()
    for report in reports:
        index.add(report, event_vectors(report.extraction, [], encode) if encode is not None else None)
    return score_entries(docs, entry_members(index))


def score_entries(docs: list[GoldDoc], entries: list[list[tuple[str, Event]]]) -> dict[str, int]:
    """Counts for one topic's timeline entries, both readings (see the module docstring)."""
    by_id = {d.name: d for d in docs}
    counts = dict.fromkeys(("entries", "events", "unlabelled", "gold_events", "entry_gold", "merged", "impure",
                            "pairs", "pairs_right", "gold_pairs"), 0)
    labelled: list[tuple[int, str]] = []
    for n, members in enumerate(entries):
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
    return {**counts, **score_sets([[chains(event, by_id[report]) for report, event in members]
                                    for members in entries])}


def score_sets(entries: list[list[frozenset[str]]]) -> dict[str, int]:
    """The set-based counts (``set_*``) of entries given as their events' chain sets."""
    counts = dict.fromkeys(("set_events", "set_unlabelled", "set_chains", "set_entry_chains", "set_merged",
                            "set_impure", "set_pairs", "set_pairs_right", "set_gold_pairs"), 0)
    labelled: list[tuple[int, frozenset[str]]] = []
    entry_chains: set[tuple[int, str]] = set()
    for n, sets in enumerate(entries):
        counts["set_events"] += len(sets)
        counts["set_unlabelled"] += sum(1 for c in sets if not c)
        known = [c for c in sets if c]
        labelled.extend((n, c) for c in known)
        entry_chains.update((n, chain) for c in known for chain in c)
        if len(known) >= 2:
            counts["set_merged"] += 1
            counts["set_impure"] += not frozenset.intersection(*known)
    counts["set_chains"] = len({chain for _, chain in entry_chains})
    counts["set_entry_chains"] = len(entry_chains)
    for i, (n1, c1) in enumerate(labelled):
        for n2, c2 in labelled[i + 1:]:
            shared = not c1.isdisjoint(c2)
            counts["set_pairs"] += n1 == n2
            counts["set_pairs_right"] += n1 == n2 and shared
            counts["set_gold_pairs"] += shared
    return counts


def entry_members(index: TimelineIndex) -> list[list[tuple[str, Event]]]:
    """(report id, event) of the events each timeline entry merges, one list per entry."""
    return [[(index.items[s].report, index.items[s].event) for s in group.members]
            for group in sorted(index.groups.values(), key=lambda g: g.seq)]


def _encoder() -> Callable[[list[str]], np.ndarray] | bool:
    """MiniLM's encoder when the embeddings packages are installed, else False (merge on words only)."""
    try:
        embed(["warm up"])
    except StorylineError:
        return False
    return embed


def ratio(part: int, whole: int, digits: int = 3) -> float:
    return round(part / whole, digits) if whole else 0.0


def prf(right: int, predicted: int, gold: int) -> dict[str, float]:
    p, r = (right / predicted if predicted else 0.0), (right / gold if gold else 0.0)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def figures(counts: dict[str, int]) -> dict:
    return {
        "duplication": ratio(counts["entry_gold"], counts["gold_events"]),
        "impure_share": ratio(counts["impure"], counts["merged"]),
        "entries_per_story": ratio(counts["entries"], counts["stories"], 2),
        "merged_pairs": prf(counts["pairs_right"], counts["pairs"], counts["gold_pairs"]),
        "sets": {"duplication": ratio(counts["set_entry_chains"], counts["set_chains"]),
                 "impure_share": ratio(counts["set_impure"], counts["set_merged"]),
                 "merged_pairs": prf(counts["set_pairs_right"], counts["set_pairs"], counts["set_gold_pairs"])},
        **counts,
    }


def evaluate_timeline(ecb: str | Path, esc: str | Path, topics: str = "dev",
                      extract: Callable[[str, date | None, str], Extraction] | None = None,
                      on_topic: Callable[[int, int], None] | None = None,
                      encode: Callable[[list[str]], np.ndarray] | bool | None = None) -> dict:
    """Build each topic's timeline from its dated reports and score it against the gold event clusters.
    ``encode`` makes the description vectors: by default MiniLM's when installed (``by_meaning`` in the
    result says which), False for words only."""
    if extract is None:
        from ..extract.pipeline import extract
    if encode is None:
        encode = _encoder()
    stories = read_stories(ecb, esc, topics)
    total: dict[str, int] = {"stories": 0}
    per_topic = {}
    for done, (topic, docs) in enumerate(stories.items(), 1):
        reports = [TimelineReport(d.name, d.name, extract(d.text, d.dct, d.name)) for d in docs]
        counts = score_topic(docs, reports, encode or None)
        per_topic[topic] = counts
        total["stories"] += 1
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
        if on_topic:
            on_topic(done, len(stories))
    return {"task": "timeline", "topics": topics, "by_meaning": bool(encode), **figures(total),
            "per_topic": {t: figures({**c, "stories": 1}) for t, c in per_topic.items()}}
