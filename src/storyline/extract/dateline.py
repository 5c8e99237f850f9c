"""The dateline that opens wire copy ("HARBOUR CITY, Country, May 2 (Outlet) — "): where it is.

A dateline names where and by whom a report was filed; it is not part of the first sentence's claim, its
subject or its source, so extractors start reading after it. Some copy puts a headline (and a byline)
first and the dateline on a later line: ``dateline_span`` finds it there too.
"""

from __future__ import annotations

import re

_BODY = r"""
    (?:[A-Z][A-Z'’.\-]+(?:[ \t\xa0]+[A-Z][A-Z'’.\-]+)*          # PLACE IN CAPITALS
    (?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*)?   # , Region or Country
    (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?              # , Month day
    \s*(?:\([^()\n]{1,60}\))?                          # (Outlet)
    |[A-Z][\w'’.\-]+(?:[ \t\xa0]+[A-Z][\w'’.\-]+){0,2}  # or Place in Capitalised Words
    [ \t\xa0]*\([A-Z][A-Za-z.]{1,15}\))                 # with its (OUTLET)
    \s*[—–―-]{1,2}\s+"""
DATELINE = re.compile(r"\A\s*" + _BODY, re.VERBOSE)
LINE_DATELINE = re.compile(r"[ \t\xa0]*(?P<dateline>" + _BODY + ")", re.VERBOSE)
_LINE = re.compile(r"[^\n]*\S[^\n]*")
MAX_LINE = 3  # a dateline opens one of the first three lines that hold text


def dateline_end(text: str) -> int:
    """Offset just after the report's opening dateline, or 0 when it has none."""
    match = DATELINE.match(text)
    return match.end() if match else 0


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of a dateline opening one of the report's first three lines of text (after a
    headline or a byline), or None."""
    for n, line in enumerate(_LINE.finditer(text)):
        if n == MAX_LINE:
            break
        match = LINE_DATELINE.match(text, line.start())
        if match:
            return match.start("dateline"), match.end()
    return None
