"""The dateline that opens wire copy ("HARBOUR CITY, Country, May 2 (Outlet) — "): where it ends.

A dateline names where and by whom a report was filed; it is not part of the first sentence's claim, its
subject or its source, so extractors start reading after it.
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"""\A\s*
    [A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*          # PLACE IN CAPITALS
    (?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*)?   # , Region or Country
    (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?              # , Month day
    \s*(?:\([^()\n]{1,60}\))?                          # (Outlet)
    \s*[—–-]{1,2}\s+""",
    re.VERBOSE,
)


def dateline_end(text: str) -> int:
    """Offset just after the report's opening dateline, or 0 when it has none."""
    match = DATELINE.match(text)
    return match.end() if match else 0
