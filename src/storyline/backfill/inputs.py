"""What a backfill reads: SOURCES (files, folders, globs, JSONL files of articles) as ``Item``s, each a
``Document`` with the story it goes to.

Files are read by ``ingest.read_source``, exactly as ``storyline add`` reads them. A JSONL line is one article
(``text``, and optionally ``url`` or ``location``, ``outlet``, ``published``, ``title``, ``story``); its text
goes through the same path as standard input to ``add`` (normalising, HTML detection, outlet and date found in
the text when the line gives none).

Story: ``--story`` for everything when given; else a JSONL article's own ``story``. Plain files need
``--story``: a folder name is no reliable story name (an archive is often laid out by date or outlet), and
guessing a story per report is what ``add`` without ``--story`` does, one report at a time.
"""

from __future__ import annotations

import glob
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..ingest import read_source
from ..ingest.outlets import unknown_outlet
from ..ingest.sources import HTML_SUFFIXES, TEXT_SUFFIXES
from ..model import Document

JSONL_SUFFIXES = (".jsonl", ".ndjson")
FILE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
GLOB_CHARACTERS = "*?["


@dataclass
class Item:
    """One article to backfill: where it was read from (for messages), its story and its document."""

    source: str
    story: str
    doc: Document


class NeedsStory(InputError):
    """A plain file (or a JSONL article without ``story``) given without ``--story``."""


def expand(sources: list[str]) -> tuple[list[str], list[InputError]]:
    """The files named by SOURCES, in order and once each: a folder gives its text, HTML and JSONL files
    (recursively, sorted), a pattern the files it matches (``**`` included); the problems found."""
    files: list[str] = []
    problems: list[InputError] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)
            if not found:
                problems.append(InputError(source, "folder holds no .txt, .html or .jsonl files"))
            files.extend(found)
        elif not path.exists() and any(c in source for c in GLOB_CHARACTERS):
            found = sorted(p for p in glob.glob(source, recursive=True) if Path(p).is_file())
            if not found:
                problems.append(InputError(source, "matches no files"))
            files.extend(found)
        else:
            files.append(source)  # read_source says what is wrong with a missing or odd file
    return list(dict.fromkeys(files)), problems


def read_items(sources: list[str], story: str | None) -> tuple[list[Item], list[InputError]]:
    """Every article of SOURCES as an ``Item`` going to ``story`` (else its JSONL ``story``), and every
    problem met (a file or line that cannot be read is skipped; the others are still read)."""
    files, problems = expand(sources)
    items: list[Item] = []
    for name in files:
        if name.lower().endswith(JSONL_SUFFIXES):
            found, bad = read_jsonl(name, story)
            items.extend(found)
            problems.extend(bad)
            continue
        if story is None:
            problems.append(NeedsStory(name, "a file's story must be named: pass --story (or give a JSONL "
                                             "file whose articles name their \"story\")"))
            continue
        try:
            items.append(Item(name, story, read_source(name)))
        except InputError as exc:
            problems.append(exc)
    return items, problems


def read_jsonl(name: str, story: str | None) -> tuple[list[Item], list[InputError]]:
    """The articles of one JSONL file, one per non-blank line, and the problems of the other lines."""
    path = Path(name)
    items: list[Item] = []
    problems: list[InputError] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [InputError(name, f"cannot be read ({exc})")]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            items.append(article(where, json.loads(line), story, f"{path.resolve()}#{number}"))
        except json.JSONDecodeError as exc:
            problems.append(InputError(where, f"is not JSON ({exc.msg})"))
        except InputError as exc:
            problems.append(exc)
    return items, problems


def article(where: str, fields: object, story: str | None, default_location: str) -> Item:
    """One JSONL article as an ``Item``; its location is its ``url`` (or ``location``), else its file and
    line number (stable while the file is only appended to, which is what a re-run needs to resume)."""
    if not isinstance(fields, dict):
        raise InputError(where, "is not a JSON object")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, 'has no "text"')
    for key in ("url", "location", "outlet", "published", "title", "story"):
        if fields.get(key) is not None and not isinstance(fields[key], str):
            raise InputError(where, f'"{key}" is not a string')
    target = story or (fields.get("story") or "").strip() or None
    if target is None:
        raise NeedsStory(where, 'names no "story": pass --story')
    outlet = (fields.get("outlet") or "").strip() or None
    published = (fields.get("published") or "").strip() or None
    try:
        doc = read_source("-", outlet=outlet, published=published, stdin=io.BytesIO(text.encode("utf-8")))
    except InputError as exc:  # it names "-" (standard input): name the line instead
        raise InputError(where, exc.reason.replace("--published value", '"published"')) from None
    url = (fields.get("url") or "").strip() or None
    doc.location = url or (fields.get("location") or "").strip() or default_location
    doc.url = url or doc.url
    doc.title = (fields.get("title") or "").strip() or doc.title
    if doc.outlet_from is None:
        doc.outlet = unknown_outlet(Path(where).name)
    if outlet is not None:  # given with the article, not by an option on the command line
        doc.outlet_from = "metadata"
    if published is not None:
        doc.published_from = "metadata"
    return Item(where, target, doc)
