"""Draft a ledger gold file for one story from PolNeAR's own annotation, for an editor to finish.

    python gold/ledger/draft.py NAME FILE… > /tmp/sheet.txt   # FILE relative to the data folder

writes ``gold/ledger/dev/NAME.json`` (unless it exists) with one item per PolNeAR attribution: its content
span, its source as written, and every editorial field still open (``status``/``claim``/``contests`` null,
``source`` to be resolved to the fullest name). The reading sheet on stdout shows each item's words beside
the text around it: it holds article text, so it belongs in /tmp, never in the repo. The editor then reads
each report whole, drops what is no claim (``ledger-gold.md``), adds what PolNeAR missed, resolves
sources, decides statuses, and links the same claim across reports.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

DATA = Path(os.environ.get("STORYLINE_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
HERE = Path(__file__).resolve().parent


def attributions(ann: str) -> list[dict]:
    """PolNeAR's attributions of one brat file: role → (start, end, words) for source, cue, content."""
    spans, found = {}, []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
            spans[parts[0]] = (label, min(p[0] for p in pieces), max(p[1] for p in pieces))
        elif line.startswith("E") and len(parts) >= 2:
            found.append({role.rstrip("0123456789").lower(): tid
                          for role, tid in (arg.split(":", 1) for arg in parts[1].split())})
    return [{role: spans[tid][1:] for role, tid in event.items() if role in ("source", "cue", "content")
             and tid in spans} for event in found]


def annotation_of(text_file: Path) -> Path:
    anns = sorted((text_file.parent.parent / "attributions").glob(f"{text_file.stem}_*.ann"))
    if not anns:
        raise SystemExit(f"{text_file}: no PolNeAR annotation beside it")
    return anns[0]


def main(name: str, files: list[str]) -> None:
    reports, items = [], []
    for index, relative in enumerate(files):
        path = DATA / relative
        text = path.read_text(encoding="utf-8")
        outlet, date = path.stem.split("_")[:2]
        reports.append({"file": relative, "outlet": outlet, "published": date})
        print(f"\n===== report {index}: {relative}\n")
        found = sorted((a for a in attributions(annotation_of(path).read_text(encoding="utf-8")) if "content" in a),
                       key=lambda a: a["content"][0])
        for n, found_one in enumerate(found, 1):
            start, end = found_one["content"]
            source = text[slice(*found_one["source"])] if "source" in found_one else None
            cue = text[slice(*found_one["cue"])] if "cue" in found_one else None
            item_id = f"{index}.{n}"
            items.append({"id": item_id, "report": index, "span": [start, end], "content": None, "source": source,
                          "aliases": [], "status": None, "claim": None, "contests": None, "note": ""})
            print(f"[{item_id}] {start}-{end}  source={source!r}  cue={cue!r}\n    {text[start:end]!r}")
    out = HERE / "dev" / f"{name}.json"
    if out.exists():
        print(f"\n{out} exists: left as it is", file=sys.stderr)
        return
    out.write_text(json.dumps({"story": name.replace("-", " "), "reports": reports, "items": items}, indent=1,
                              ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2:])
