"""CheckThat! 2024 check-worthiness gold: a TSV of ``Sentence_id``, ``Text``, ``class_label`` (Yes/No), read
without extraction. A ``Text`` field wrapped in double quotes loses them (doubled quotes inside become one);
Windows line ends are fine. The public train split has two records fused on one line (``…\tNo29286\t…\tNo``);
such a line is split back into its two records. Used by the check-worthiness scorer (``eval.checkworthiness``)
and by training (``learn.checkworthiness``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

HEADER = ("Sentence_id", "Text", "class_label")
LABELS = {"Yes": True, "No": False}
_FUSED = re.compile(r"(Yes|No)(\S+)")


@dataclass
class Item:
    id: str
    text: str
    worthy: bool


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def _item(fields: list[str], where: str, number: int) -> Item:
    sentence_id, text, label = fields
    if label not in LABELS:
        raise InputError(where, f"line {number}: class_label {label!r} is not Yes or No")
    text = _unquote(text).strip()
    if not sentence_id or not text:
        raise InputError(where, f"line {number}: empty Sentence_id or Text")
    return Item(sentence_id, text, LABELS[label])


def read_tsv(path: str | Path, limit: int | None = None) -> list[Item]:
    """The labelled sentences of one TSV, in file order (the first ``limit`` of them)."""
    where = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(where, f"cannot read it as UTF-8 text ({exc})") from exc
    if not lines or tuple(lines[0].strip().split("\t")) != HEADER:
        raise InputError(where, "line 1: expected the header Sentence_id, Text, class_label (tab-separated)")
    items: list[Item] = []
    for number, line in enumerate(lines[1:], start=2):
        if limit is not None and len(items) >= limit:
            break
        if not line.strip():
            continue
        fields = line.rstrip("\r").split("\t")
        fused = _FUSED.fullmatch(fields[2]) if len(fields) == 5 else None
        if fused:
            items.append(_item([fields[0], fields[1], fused.group(1)], where, number))
            fields = [fused.group(2), fields[3], fields[4]]
        elif len(fields) != 3:
            raise InputError(where, f"line {number}: expected 3 tab-separated fields, found {len(fields)}")
        items.append(_item(fields, where, number))
    return items[:limit] if limit is not None else items
