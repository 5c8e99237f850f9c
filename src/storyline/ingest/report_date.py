"""The report's own date: validate a given one, or infer it from explicit dates in the text."""

from __future__ import annotations

from datetime import date, datetime

from ..extract.dates import DAY_MONTH, ISO_DATE, MONTH_DAY, MONTHS

# explicit dates with a year, read with the time tagger's own patterns ("June 23, 2023", "23 June 2023",
# "2023-06-23"); they match lower-cased text
_FULL_DATES = (MONTH_DAY, DAY_MONTH, ISO_DATE)


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


def date_from_text(text: str, today: date | None = None) -> str | None:
    """Infer the report date: the latest explicit full date in the text that is not after today.

    A report usually carries its own date ("June 23, 2023", "23 June 2023", "2023-06-23") and
    looks back on earlier ones, so the latest is the best guess. Dates without a year and
    relative dates ("on Friday") are ignored. Returns ``YYYY-MM-DD`` or None.
    """
    today = today or date.today()
    candidates = [found for found in dates_in_text(text) if found <= today]
    return max(candidates).isoformat() if candidates else None
