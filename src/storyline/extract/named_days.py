"""Days known by their date: "Sept. 11" and "9/11" name the 2001 attacks in news written after them; and days
known by a name ending in a weekday: "Super Tuesday" is no Tuesday of the report's week.

A yearless date is otherwise put in the year nearest the report ("Sept. 11" in a November report would be
two months back); for a day a whole culture names by its date that is wrong. The table is small on
purpose: only dates that in running news text almost always mean one day of history. Near the day's
anniversary (a week either side) a yearless "Sept. 11" may be this year's, and is left to the usual rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

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


def _easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (the Gregorian computus, Meeus/Jones/Butcher form)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November (United States)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


# the US primaries' Super Tuesdays so far; a later election year's is taken to be the first Tuesday of March
SUPER_TUESDAYS = {1988: date(1988, 3, 8), 1992: date(1992, 3, 10), 1996: date(1996, 3, 12),
                  2000: date(2000, 3, 7), 2004: date(2004, 3, 2), 2008: date(2008, 2, 5), 2012: date(2012, 3, 6),
                  2016: date(2016, 3, 1), 2020: date(2020, 3, 3), 2024: date(2024, 3, 5)}


def _super_tuesday(year: int) -> date | None:
    """The Super Tuesday of a US presidential election year: the one held, else the first Tuesday of March."""
    if year % 4 or year < 1988:
        return None
    if year in SUPER_TUESDAYS:
        return SUPER_TUESDAYS[year]
    first = date(year, 3, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7)


# a name ending in a weekday -> the day it falls on in a year (None: a day of history with no one date,
# "Black Monday" is 1987's crash or another's)
NAMED_WEEKDAYS: dict[str, Callable[[int], date | None] | None] = {
    "super tuesday": _super_tuesday,
    "black friday": lambda y: _thanksgiving(y) + timedelta(days=1),
    "cyber monday": lambda y: _thanksgiving(y) + timedelta(days=4),
    "ash wednesday": lambda y: _easter(y) - timedelta(days=46),
    "shrove tuesday": lambda y: _easter(y) - timedelta(days=47),
    "fat tuesday": lambda y: _easter(y) - timedelta(days=47),
    "palm sunday": lambda y: _easter(y) - timedelta(days=7),
    "maundy thursday": lambda y: _easter(y) - timedelta(days=3),
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "holy saturday": lambda y: _easter(y) - timedelta(days=1),
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "black monday": None,
    "black tuesday": None,
    "black thursday": None,
    "bloody sunday": None,
}
# as the report writes them (capitalised: "a good Friday for the team" is a Friday)
NAMED_WEEKDAY = re.compile(r"\b(?:" + "|".join(n.title() for n in NAMED_WEEKDAYS) + r")\b")
NAMED_WEEKDAY_LOWER = re.compile(r"\b(?:" + "|".join(NAMED_WEEKDAYS) + r")\b")
NEAR_YEARS = 4  # Super Tuesday comes every fourth year


def named_weekday(name: str, published: date | None, future: bool = False, year: int | None = None) -> str | None:
    """The day a weekday's name ("super tuesday", lower case, one space) names: that ``year``'s when one is
    written before it ("the 1988 Super Tuesday"), else its occurrence nearest the report, one ahead of the
    report counting double (news looks back), the next one on or after the report's day when the clause looks
    ahead (``future``: "will not sail on Good Friday"); None for a day of history with no one date, or
    without a report date."""
    rule = NAMED_WEEKDAYS.get(name)
    if rule is not None and year is not None:
        day = rule(year)
        return day.isoformat() if day is not None else None
    if rule is None or published is None:
        return None
    options = [d for y in range(published.year - NEAR_YEARS, published.year + NEAR_YEARS + 1)
               if (d := rule(y)) is not None]
    if future:
        options = [d for d in options if d >= published] or options
    return min(options, key=lambda d: abs((d - published).days) * (2 if d > published else 1)).isoformat()
