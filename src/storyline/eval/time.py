"""Score time expression tagging and normalization on TimeML (.tml) or EventStoryLine CAT XML files.

Each document's raw text is tagged by :func:`storyline.extract.timex.find_timexes`, anchored to the
document's creation time (DCT), and compared with the gold TIMEX3 spans. The document's own creation time
is not scored (TimeML keeps it outside ``<TEXT>``; in CAT XML it is the markable with ``DCT="TRUE"``, and
predictions overlapping it are dropped too), as the TempEval-3 scorer does.

Our reading of the TempEval-3 entity scorer (``TE3-evaluation.py``, UzZaman et al. 2013):
- strict match: the predicted span equals a gold span (same first and last character, outer whitespace
  ignored); relaxed match: the spans share at least one character. Each gold expression matches at most
  one prediction and each prediction at most one gold expression (greedy, in text order).
- precision = matched predictions / predictions, recall = matched gold / gold, F1 their harmonic mean.
- attributes are judged over the relaxed matches only: ``value`` precision = relaxed matches with the same
  value / predictions, recall = the same count / gold, F1 their harmonic mean (equal to relaxed F1 times
  value accuracy, the TempEval-3 "value F1"); ``type_accuracy`` = relaxed matches with the same type /
  relaxed matches.
With TimeML files in more than one folder, the result carries the same figures per corpus (``by_corpus``:
the first folder level under PATH, e.g. TimeBank and AQUAINT).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..extract.nlp import parse
from ..extract.timex import find_timexes

CAT_TYPES = {"TIME_DATE": "DATE", "TIME_OF_THE_DAY": "TIME", "TIME_DURATION": "DURATION",
             "TIME_REPETITION": "SET"}


@dataclass
class Gold:
    """One gold time expression: character span into the document's text, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDocument:
    name: str
    text: str
    dct: date | None
    timexes: list[Gold]
    skip: list[tuple[int, int]]  # spans not scored (a DCT inside the text)


def read_timeml(path: Path) -> GoldDocument:
    """The ``<TEXT>`` of a TimeML file with its TIMEX3s, anchored to the DCT's value."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise InputError(str(path), f"not TimeML XML ({error})") from error
    dct_timex = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if body is None:
        raise InputError(str(path), "no <TEXT> element")
    parts: list[str] = []
    timexes: list[Gold] = []
    _walk(body, parts, timexes)
    dct = _date(dct_timex.get("value", "")) if dct_timex is not None else None
    return GoldDocument(path.name, "".join(parts), dct, timexes, [])


def _walk(element: ET.Element, parts: list[str], timexes: list[Gold]) -> None:
    """Append the element's text (tags dropped) and record where each TIMEX3 lies."""
    start = sum(map(len, parts))
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts, timexes)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3":
        text = "".join(parts)
        timexes.append(Gold(*_strip(text, start, len(text)), element.get("type", ""),
                            element.get("value", "")))


def read_cat(path: Path) -> GoldDocument:
    """An EventStoryLine / ECB+ CAT XML file: tokens joined by spaces (a new line between sentences),
    its time markables with a value, the ``DCT="TRUE"`` one as the anchor."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise InputError(str(path), f"not CAT XML ({error})") from error
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence, position = None, 0
    for token in root.iter("token"):
        if parts:
            separator = "\n" if token.get("sentence") != sentence else " "
            parts.append(separator)
            position += 1
        sentence = token.get("sentence")
        word = token.text or ""
        offsets[token.get("t_id", "")] = (position, position + len(word))
        parts.append(word)
        position += len(word)
    timexes: list[Gold] = []
    skip: list[tuple[int, int]] = []
    dct = None
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        kind = CAT_TYPES.get(markable.tag)
        anchors = [offsets[a.get("t_id", "")] for a in markable.iter("token_anchor")
                   if a.get("t_id") in offsets]
        if kind is None or not anchors:
            continue
        span = (min(s for s, _ in anchors), max(e for _, e in anchors))
        if markable.get("DCT") == "TRUE":
            dct = _date(markable.get("value", ""))
            skip.append(span)
        elif markable.get("value"):
            timexes.append(Gold(*span, kind, markable.get("value", "")))
    return GoldDocument(path.name, "".join(parts), dct, sorted(timexes, key=lambda g: g.start), skip)


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def documents(path: str | Path, limit: int | None = None) -> list[tuple[str, GoldDocument]]:
    """(corpus, document) for every .tml or CAT .xml file under PATH, in name order; a TimeML file's corpus
    is its first folder level under PATH (CAT files, kept in topic folders, and files directly in PATH:
    "."). ``limit`` caps the documents read."""
    root = Path(path)
    if not root.exists():
        raise InputError(str(root), "no such file or folder")
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in {".tml", ".xml"})
    found = []
    for file in files[:limit] if limit is not None else files:
        doc = read_timeml(file) if file.suffix == ".tml" else read_cat(file)
        parts = file.relative_to(root).parts if root.is_dir() else ()
        corpus = parts[0] if len(parts) > 1 and file.suffix == ".tml" else "."
        found.append((corpus, doc))
    if not found:
        raise InputError(str(root), "no .tml or CAT .xml files")
    return found


def match(gold: list[Gold], predicted: list[tuple[int, int, str, str]]) -> dict[str, int]:
    """Counts for one document: predictions, gold, strict and relaxed matches, values and types right."""
    counts = {"predicted": len(predicted), "gold": len(gold), "strict": 0, "relaxed": 0, "value": 0,
              "type": 0}
    used: set[int] = set()
    for start, end, kind, value in predicted:
        hit = next((i for i, g in enumerate(gold) if i not in used and g.start < end and start < g.end), None)
        if hit is None:
            continue
        used.add(hit)
        g = gold[hit]
        counts["relaxed"] += 1
        counts["strict"] += (g.start, g.end) == (start, end)
        counts["value"] += g.value == value
        counts["type"] += g.type == kind
    return counts


def tag(doc: GoldDocument) -> list[tuple[int, int, str, str]]:
    """(start, end, type, value) of every expression we find, the DCT's own span left out."""
    found = []
    for timex in find_timexes(parse(doc.text), doc.dct):
        start, end = _strip(doc.text, timex.start, timex.end)
        if any(s < end and start < e for s, e in doc.skip):
            continue
        found.append((start, end, timex.type, timex.value or ""))
    return found


def scores(counts: dict[str, int]) -> dict:
    """Strict, relaxed and value precision/recall/F1 and type accuracy from summed counts."""
    def prf(hits: int) -> dict[str, float]:
        p = hits / counts["predicted"] if counts["predicted"] else 0.0
        r = hits / counts["gold"] if counts["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    return {
        "strict": prf(counts["strict"]),
        "relaxed": prf(counts["relaxed"]),
        "value": prf(counts["value"]),
        "type_accuracy": round(counts["type"] / counts["relaxed"], 4) if counts["relaxed"] else 0.0,
        "gold": counts["gold"],
        "predicted": counts["predicted"],
    }


def evaluate_time(path: str | Path, limit: int | None = None) -> dict:
    """Tag every document under PATH and score it against its gold TIMEX3s (see the module docstring)."""
    keys = ("predicted", "gold", "strict", "relaxed", "value", "type")
    total = dict.fromkeys(keys, 0)
    by_corpus: dict[str, dict[str, int]] = {}
    docs = documents(path, limit)
    for corpus, doc in docs:
        counts = match(doc.timexes, tag(doc))
        part = by_corpus.setdefault(corpus, dict.fromkeys(keys, 0))
        for key in keys:
            total[key] += counts[key]
            part[key] += counts[key]
    result = {"task": "time", "documents": len(docs), **scores(total)}
    if len(by_corpus) > 1:
        result["by_corpus"] = {name: scores(counts) for name, counts in sorted(by_corpus.items())}
    return result
