"""Days known by their date: "Sept. 11" and "9/11" name the 2001 attacks in news written after them.

A yearless date is otherwise put in the year nearest the report ("Sept. 11" in a November report would be
two months back); for a day a whole culture names by its date that is wrong. The table is small on
purpose: only dates that in running news text almost always mean one day of history. Near the day's
anniversary (a week either side) a yearless "Sept. 11" may be this year's, and is left to the usual rule.
"""

from __future__ import annotations

import re
from datetime import date

# (month, day) -> the day of history the bare date names
NAMED_DAYS: dict[tuple[int, int], date] = {(9, 11): date(2001, 9, 11)}
ANNIVERSARY_DAYS = 7
# "9/11" written as a name (no year after it; "9-11" is as often a score)
NUMERIC_NAME = re.compile(r"(?<![\w/.-])9/11(?![\w/.-])")


def named_day(month: int, day: int, published: date | None) -> str | None:
    """The day of history a yearless month and day names, None when it names none or the report stands
    near its anniversary (or before the day itself)."""
    known = NAMED_DAYS.get((month, day))
    if known is None or published is None or published <= known:
        return None
    this_year = date(published.year, month, day)
    if abs((published - this_year).days) <= ANNIVERSARY_DAYS:
        return None
    return known.isoformat()


def numeric_name(lower: str, published: date | None) -> str | None:
    """ "9/11" as a name: the 2001 attacks, whenever after them the report was written."""
    if not NUMERIC_NAME.search(lower) or published is None or published <= NAMED_DAYS[(9, 11)]:
        return None
    return NAMED_DAYS[(9, 11)].isoformat()
