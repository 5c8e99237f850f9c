"""The report's own date: validate a given one, or infer it from explicit dates in the text."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FULL_DATES = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # June 23, 2023
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 23 June 2023
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2023-06-23
]


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


def dates_in_text(text: str) -> list[date]:
    """Every explicit full date (day, month and year) written in the text, in no particular order."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            month = match["month"]
            number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                found.append(date(int(match["year"]), number, int(match["day"])))
            except ValueError:  # "February 30, 2023" and the like
                continue
    return found


def date_from_text(text: str, today: date | None = None) -> str | None:
    """Infer the report date: the latest explicit full date in the text that is not after today.

    A report usually carries its own date ("June 23, 2023", "23 June 2023", "2023-06-23") and
    looks back on earlier ones, so the latest is the best guess. Dates without a year and
    relative dates ("on Friday") are ignored. Returns ``YYYY-MM-DD`` or None.
    """
    today = today or date.today()
    candidates = [found for found in dates_in_text(text) if found <= today]
    return max(candidates).isoformat() if candidates else None
