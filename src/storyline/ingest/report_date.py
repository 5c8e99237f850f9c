"""The report's own date: validate a given one, or find the one the report's text gives itself."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..extract.dates import DAY_MONTH, ISO_DATE, MONTH_DAY, MONTHS

# explicit dates with a year, read with the time tagger's own patterns ("June 23, 2023", "23 June 2023",
# "2023-06-23") and as a date-time ("2023-06-23t10:15:00z"); they match lower-cased text
_FULL_DATES = (MONTH_DAY, DAY_MONTH, ISO_DATE, re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?=t\d)"))


def parse_published(value: str) -> str | None:
    """Return ``value`` as an ISO 8601 date or date-time string, or None if it is not one.

    Accepts ``YYYY-MM-DD`` and what :meth:`datetime.fromisoformat` reads
    (``2023-06-23T10:15``, ``2023-06-23T10:15:00+02:00``, ``…Z``).
    """
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


# the days a report may be dated: outside them a date is a typo or a placeholder ("0001-01-01", "9999-12-31"),
# and reading "yesterday" or "next week" from it overflows. Fixed, not a year from today: fictional stories
# (the tests', the examples') are set in the years ahead.
EARLIEST, LATEST = date(1900, 1, 1), date(2099, 12, 31)


def out_of_range(value: str) -> bool:
    """Whether ``value`` is an ISO date or date-time whose day is before ``EARLIEST`` or after ``LATEST`` (a
    value that is not a date at all is not out of range)."""
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return False
    return not EARLIEST <= day <= LATEST


def dates_in_text(text: str) -> list[date]:
    """Every explicit full date (day, month and year) written in the text, in no particular order."""
    found = []
    lower = text.lower()
    for pattern in _FULL_DATES:
        for match in pattern.finditer(lower):
            if not match["year"]:
                continue
            month = match["month"]
            number = int(month) if month.isdigit() else MONTHS[month[:3]]
            try:
                found.append(date(int(match["year"]), number, int(match["day"])))
            except ValueError:  # "February 30, 2023" and the like
                continue
    return found


TOP_LINES = 5  # a date line or byline with the date is among the first lines that hold text
MAX_LINE = 120  # longer lines are prose, whatever they begin with
_STAMP_WORD = r"(?:(?:first|originally|story)\s+)?(?:published|updated|last\s+updated|posted|last\s+modified|modified|created)"
# "Published 3:15 p.m. ET Sept. 12, 2016", "Updated: …", "Last updated on …", "Published on : Fri, …"
STAMP = re.compile(_STAMP_WORD + r"\s*(?:(?:on|at)\b)?\s*:?\s*(?:(?:on|at)\s+)?(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|"
                   r"sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)", re.IGNORECASE)  # not "Modified crops were …"
BYLINE = re.compile(r"(?:By|BY)\s+[A-Z]")
# what a line holding only a date may hold besides: weekdays, clock times, zones, separators
_DATE_LINE_EXTRAS = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
    r"|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|t?\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?"
    r"|\b(?:gmt|utc|z|et|edt|est|ct|cdt|cst|mt|mdt|mst|pt|pdt|pst|akdt|akst|hst|bst|ist|cet|cest|eet|eest|msk|jst|"
    r"hkt|sgt|aest|aedt)\b|\b(?:at|on)\b|" + _STAMP_WORD,  # "21 July 2013 Last updated at 11:11 GMT"
    re.IGNORECASE)
# a wire dateline with its year: "HARBOUR CITY, Sept. 12, 2016 (Outlet) —"
_DATELINE = re.compile(r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*,[^—–\n]{4,60}?(?:\s+[—–]|\s+--?)\s")


def date_from_text(text: str, today: date | None = None) -> str | None:
    """The date a report gives itself in its text, or None: a full date (with its year) on a line near
    the top that holds only a date ("September 12, 2016", "Monday, Sept. 12, 2016 3:15 p.m. ET") or in a
    byline there ("By Ana Ruiz | Sept. 12, 2016"), in a wire dateline ("HARBOUR CITY, Sept. 12, 2016 —"),
    or on a short line anywhere that opens with "Published", "Updated" or "Posted". The latest of them
    that is not after today (an update is later than the first version). Returns ``YYYY-MM-DD``.

    A date elsewhere in the body is the day of something the report tells, not the report's own: on
    PolNeAR's 840 training articles the latest such date was their publication date 10 times in 74.
    """
    today = today or date.today()
    found: list[date] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for n, line in enumerate(lines):
        if len(line) > MAX_LINE:
            dateline = _DATELINE.match(line) if n < TOP_LINES else None
            found += dates_in_text(dateline.group()) if dateline else []
            continue
        dates = dates_in_text(line)
        if not dates:
            continue
        if STAMP.match(line) or n < TOP_LINES and (BYLINE.match(line) or _only_a_date(line)
                                                  or _DATELINE.match(line)):
            found += dates
    candidates = [day for day in found if day <= today]
    return max(candidates).isoformat() if candidates else None


def _only_a_date(line: str) -> bool:
    """Whether the line holds nothing but dates, weekdays, clock times, zones and separators."""
    rest = line.lower()
    for pattern in _FULL_DATES:
        rest = pattern.sub(" ", rest)
    return not re.search(r"\w", _DATE_LINE_EXTRAS.sub(" ", rest))
