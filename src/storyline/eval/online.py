"""Score stories as reports arrive: replay a corpus one report at a time through the decision
``storyline add`` makes without ``--story`` (:func:`storyline.link.joining.pick_story`), then B³ against
the gold stories (issue 16).

Two corpora, each in time order:

- ECB+ (a folder of topic folders): its documents carry no reliable dates, so the stream takes the topics
  in turn — the first document of every topic, then the second of every topic, … — each topic's documents
  in file order (``<topic>_1ecb``, ``<topic>_1ecbplus``, ``<topic>_2ecb``, …: the two events of a topic
  alternate, the hardest order for telling them apart). No dates: the join threshold is the undated one.
- Ledger gold files (``gold/ledger/dev/*.json``): every report of every file, by the date in its file
  name (``<outlet>_<YYYY-MM-DD>_<slug>.txt``), then outlet, then file; published on that date. The gold
  story is the file. B³ is also given over the reports of train-text and dev-text stories apart (each
  report scored against the whole replay, so a dev report merged into a train story costs precision).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..link.joining import Stream
from ..link.stories import Report
from .stories import bcubed, ecb_batch, read_corpus

FILE_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def replay(reports: list[Report]) -> list[str]:
    """The story each report joins, fed one at a time in the order given."""
    stream = Stream()
    return [stream.add(report) for report in reports]


def interleave(corpus: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ECB+ documents (in topic and file order) taken topic by topic in turn."""
    topics: dict[str, list[tuple[str, str]]] = {}
    for gold, text in corpus:
        topics.setdefault(re.match(r"\d+", gold).group(), []).append((gold, text))
    queues = list(topics.values())
    longest = max((len(q) for q in queues), default=0)
    return [q[i] for i in range(longest) for q in queues if i < len(q)]


def ecb_online(path: str | Path, limit: int | None = None, topics: str = "all") -> dict:
    """Replay the ECB+ documents under ``path`` (of the ``topics`` split) topic-interleaved and score them."""
    corpus = interleave(read_corpus(path, None, topics))[:limit]
    predicted = replay([Report(text) for _, text in corpus])
    gold = [g for g, _ in corpus]
    return {"topics": topics, "documents": len(corpus), "stories": len(set(predicted)),
            "gold_stories": len(set(gold)), "bcubed": bcubed(gold, predicted)}


def gold_files(paths: list[str | Path]) -> list[Path]:
    """Ledger gold files: each path is a JSON file or a folder of them."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise InputError(str(path), "no ledger gold files (*.json) in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(str(path), "no such ledger gold file or folder")
    return files


def ledger_stream(paths: list[str | Path], data: str | Path | None = None) -> list[tuple[str, str, Report]]:
    """(gold story, texts split, report) for every report of the gold files, in publication order."""
    from ..ingest import read_source
    from .ledger import read_gold

    rows = []
    for file in gold_files(paths):
        gold = read_gold(file, data)
        for report in gold.reports:
            match = FILE_DATE.search(Path(report.file).name)
            day = match.group(1) if match else report.published
            doc = read_source(str(report.path), outlet=report.outlet, published=day)
            split = "dev" if "/dev/" in report.file else "train" if "/train/" in report.file else "other"
            rows.append(((day, report.outlet, report.file), file.stem, split,
                         Report(doc.text, doc.title, doc.published)))
    rows.sort(key=lambda row: row[0])
    return [(story, split, report) for _, story, split, report in rows]


def score(gold: list[str], predicted: list, splits: list[str]) -> dict:
    """B³ over every report, and over the reports of each texts split (scored against the whole replay)."""
    result = {"documents": len(gold), "stories": len(set(predicted)), "gold_stories": len(set(gold)),
              "bcubed": bcubed(gold, predicted)}
    for split in sorted(set(splits)):
        keep = [i for i, s in enumerate(splits) if s == split]
        result.setdefault("texts", {})[split] = {
            "documents": len(keep), "gold_stories": len({gold[i] for i in keep}),
            "bcubed": bcubed(gold, predicted, keep)}
    return result


def ledger_online(paths: list[str | Path], data: str | Path | None = None) -> dict:
    """Replay the ledger gold reports in publication order and score them."""
    rows = ledger_stream(paths, data)
    predicted = replay([report for _, _, report in rows])
    return score([g for g, _, _ in rows], predicted, [s for _, s, _ in rows])


def ledger_batch(paths: list[str | Path], data: str | Path | None = None) -> dict:
    """Cluster the ledger gold reports all at once (the batch eval's clustering) and score them."""
    from ..link.stories import cluster_documents

    rows = ledger_stream(paths, data)
    predicted = cluster_documents([report for _, _, report in rows])
    return score([g for g, _, _ in rows], predicted, [s for _, s, _ in rows])


def evaluate_stories(path: str | Path | None, limit: int | None = None, embeddings: bool = False,
                     topics: str = "all", online: bool = False, ledger: list[str | Path] | None = None,
                     data: str | Path | None = None) -> dict:
    """Cluster every document under ``path`` (of the ``topics`` split) into stories and score the clusters
    against the gold events with B³; ``embeddings`` mixes MiniLM lead embeddings into the similarity (when
    installed). ``online``: replay the documents one at a time as ``storyline add`` assigns them
    instead. ``ledger``: ledger gold files or folders, scored the same way under
    ``"ledger"`` (their reports under ``data``); ``path`` may then be None."""
    if path is None and not ledger:
        raise InputError("eval stories", "give an ECB+ folder, ledger gold files, or both")
    result: dict = {"task": "stories", "mode": "online" if online else "batch"}
    if path is not None:
        result.update(ecb_online(path, limit, topics) if online
                      else ecb_batch(path, limit, embeddings, topics))
    if ledger:
        result["ledger"] = (ledger_online if online else ledger_batch)(ledger, data)
    return result
