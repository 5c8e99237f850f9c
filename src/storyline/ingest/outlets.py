"""The outlet a report names itself: the agency in its wire dateline, or the outlet in its byline.

``storyline add`` falls back on this when ``--outlet`` is not given and an HTML page names no site. Only
regular expressions: ingest stays light (``extract.dateline`` is plain ``re`` too).

When nothing names the outlet, the report's outlet is ``unknown_outlet(name)``: "unknown outlet (v1.txt)".
The file's name keeps two unknown outlets apart, so counting independent outlets does not merge the reports
of two unnamed outlets into one (a revision of the same file keeps the same name, and so the same outlet).
"""

from __future__ import annotations

import re

from storyline.extract.dateline import dateline_span

UNKNOWN_OUTLET = "unknown outlet"
HEAD = 600  # a dateline or byline sits in the report's first lines
MAX_LINES = 3  # a byline is one of the first three lines that hold text

_AGENCY = re.compile(r"\((?P<name>[^()\n]{2,60})\)")
_PERSON = r"[A-Z][\w'’.\-]*(?:[ \t]+(?:van|von|de|da|del|[A-Z][\w'’.\-]*)){0,4}"
_OUTLET = r"(?:The[ \t]+)?[A-Z][\w&'’.\-]*(?:[ \t]+(?:of|the|and|&|[A-Z][\w&'’.\-]*)){0,5}"
# "By Mara Lind, Calderra Wire", "By Mara Lind and Ivo Sand | The Halden Courier"
_BYLINE = re.compile(
    rf"[ \t]*By[ \t]+{_PERSON}(?:(?:[ \t]+and[ \t]+|,[ \t]*){_PERSON})*?"
    rf"[ \t]*(?:,|\||/|[—–]|[ \t]-)[ \t]*(?P<name>{_OUTLET})[ \t]*$",
    re.MULTILINE,
)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_ROLES = frozenset({"writer", "correspondent", "reporter", "editor", "staff", "contributor", "columnist",
                    "photographer", "bureau", "desk", "reporting", "analyst", "journalist"})
_NOT_AGENCIES = frozenset({"updated", "corrected", "file", "photo", "video", "live", "exclusive", "analysis"})


def unknown_outlet(name: str) -> str:
    """The outlet stored for a report that names none: "unknown outlet (FILE NAME)"."""
    return f"{UNKNOWN_OUTLET} ({name})"


def is_unknown_outlet(outlet: str) -> bool:
    return outlet.startswith(UNKNOWN_OUTLET + " (")


def outlet_in_text(text: str) -> tuple[str, str] | None:
    """(outlet, where: "dateline" or "byline") that the report's opening names, or None.

    "PORT HALDEN, Osterland (Calderra Wire) — …" and "LONDON (Reuters) —" name the agency in the dateline;
    a byline "By Mara Lind, Calderra Wire" on one of the first three lines names the outlet after the people.
    A byline's role ("By Mara Lind, Staff Writer") is no outlet.
    """
    head = text[:HEAD]
    span = dateline_span(head)
    if span is not None:
        for match in _AGENCY.finditer(head, span[0], span[1]):
            name = " ".join(match["name"].split())
            if name.lower() not in _NOT_AGENCIES and not any(ch.isdigit() for ch in name):
                return name, "dateline"
    for n, line in enumerate(_LINE.finditer(head)):
        if n == MAX_LINES:
            break
        match = _BYLINE.match(head, line.start(), line.end())
        if match:
            name = match["name"].strip()
            if not _ROLES & {word.lower().strip(".") for word in name.split()}:
                return name, "byline"
    return None
