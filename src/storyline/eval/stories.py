"""Score story clustering on a folder of topic folders in ECB+ layout.

Each topic folder holds token-level XML documents ``<topic>_<n>ecb.xml`` and ``<topic>_<n>ecbplus.xml``;
the two suffixes of one topic report two different real-world events, so the gold story of a document is
its topic plus its suffix. All documents of the folder are clustered together (not topic by topic) with
:func:`storyline.link.stories.cluster_documents`, and scored by B³ precision, recall and F1. Online mode
(reports one at a time, as ``storyline add`` assigns them) and the ledger gold stories: ``eval/online.py``.

A document's text is its tokens joined per sentence; a first sentence that is only the page's URL (the
``ecbplus`` documents have one) is dropped, since it would give the answer away.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputError
from ..link.stories import Report, cluster_documents, embed_leads, lead
from .coref_gold import DEV_TOPICS, NAME, document_text



def read_document(path: Path) -> str:
    """The text of one ECB+ XML document: one line per sentence, the URL line left out."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not ECB+ XML ({exc})") from None
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
    return document_text([words for _, words in sorted(sentences.items())])[0]


def read_corpus(path: str | Path, limit: int | None = None, topics: str = "all") -> list[tuple[str, str]]:
    """(gold story, text) for every document under ``path`` (topic folders, or one topic folder),
    in topic and name order; ``topics`` keeps the standard "dev" or "train" topics only; ``limit`` caps the
    documents read."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(str(root), "not a folder of ECB+ topic folders")
    found = [*root.glob("*.xml"), *root.glob("*/*.xml")]
    if topics not in ("all", "dev", "train"):
        raise InputError(str(root), f"unknown topic split {topics!r}: choose all, dev or train")
    wanted = (lambda t: True) if topics == "all" else (lambda t: (t in DEV_TOPICS) == (topics == "dev"))
    files = sorted((f for f in found if (m := NAME.match(f.name)) and wanted(int(m["topic"]))),
                   key=lambda f: tuple(int(x) if x.isdigit() else x for x in re.split(r"(\d+)", f.name)))
    if not files:
        raise InputError(str(root), "no ECB+ documents (<topic>_<n>ecb.xml or ecbplus.xml) found")
    corpus = []
    for file in files[:limit]:
        match = NAME.match(file.name)
        corpus.append((f"{match['topic']}{match['kind']}", read_document(file)))
    return corpus


def bcubed(gold: list[str], predicted: list, items: list[int] | None = None) -> dict[str, float]:
    """B³ precision, recall and F1: per item, the share of its predicted cluster in its gold cluster
    (precision) and of its gold cluster in its predicted cluster (recall), averaged over items (over the
    ``items`` given by index only, their clusters counted in full)."""
    if not gold or items == []:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    every = list(zip(gold, predicted))
    pairs = every if items is None else [every[i] for i in items]
    both: dict[tuple[str, int], int] = {}
    gold_size: dict[str, int] = {}
    pred_size: dict[int, int] = {}
    for g, p in every:
        both[g, p] = both.get((g, p), 0) + 1
        gold_size[g] = gold_size.get(g, 0) + 1
        pred_size[p] = pred_size.get(p, 0) + 1
    precision = sum(both[g, p] / pred_size[p] for g, p in pairs) / len(pairs)
    recall = sum(both[g, p] / gold_size[g] for g, p in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def ecb_batch(path: str | Path, limit: int | None, embeddings: bool, topics: str) -> dict:
    corpus = read_corpus(path, limit, topics)
    reports = [Report(text) for _, text in corpus]
    used = False
    if embeddings:
        vectors = embed_leads([lead(r.text) for r in reports])
        if vectors is not None:
            for report, vector in zip(reports, vectors):
                report.embedding = vector
            used = True
    predicted = cluster_documents(reports)
    return {"topics": topics, "documents": len(corpus), "stories": len(set(predicted)),
            "gold_stories": len({g for g, _ in corpus}), "embeddings": used,
            "bcubed": bcubed([g for g, _ in corpus], predicted)}
