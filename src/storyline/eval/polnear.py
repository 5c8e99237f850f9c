"""PolNeAR gold: a split laid out as ``text/*.txt`` + ``attributions/*.ann`` (brat), read without extraction.

Every brat ``E`` line (Attribution:T Source:T Cue:T Content:T) is one attribution, one annotator per article
(the first ``.ann`` file in name order). A discontinuous span (``s e;s e``) is read as one span from its first
to its last character: PolNeAR splits a quote around "he said" where we keep one content span from the first
to the last quote mark. PolNeAR annotates only the outermost of nested attributions (``outermost``). Used by
the attribution scorer (``eval.attribution``) and by training (``learn.attribution``).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Mention

ROLES = ("source", "cue", "content")
Span = tuple[int, int]


def read_gold(ann: str) -> list[dict[str, Span]]:
    """Attributions of one brat file: role → (start, end) per E line (a role may be absent)."""
    spans: dict[str, tuple[str, Span]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
            spans[parts[0]] = (label, (min(p[0] for p in pieces), max(p[1] for p in pieces)))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold = []
    for args in events:
        record = {}
        for role, tid in args.items():
            role = role.rstrip("0123456789").lower()
            if role in ROLES and tid in spans:
                record[role] = spans[tid][1]
        gold.append(record)
    return gold


def outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions whose cue lies inside no other mention's content (PolNeAR annotates only those)."""
    return [m for m in mentions if not any(
        o is not m and m.cue_span and o.start <= m.cue_span[0] and m.cue_span[1] <= o.end for o in mentions)]


def documents(path: str | Path, limit: int | None = None) -> list[tuple[str, str]]:
    """(text, ann) pairs of a split, in name order; the first annotator's file for each text."""
    root = Path(path)
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    pairs = []
    for txt in sorted((root / "text").glob("*.txt")):
        if txt.stem in anns:
            pairs.append((txt.read_text(encoding="utf-8"), anns[txt.stem].read_text(encoding="utf-8")))
        if limit is not None and len(pairs) >= limit:
            break
    return pairs
