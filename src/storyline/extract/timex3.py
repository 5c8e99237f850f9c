"""TIMEX3 type and value of one time expression (TimeML value syntax).

Points in time come resolved from :mod:`storyline.extract.timex` (a day, a week, a clock time …); this
module reads what is not a point, and what TimeML writes its own way:
- durations: "three days" → ``P3D``, "the past two months" → ``P2M``, "a two-week" → ``P2W``, "hours" →
  ``PTXH``, "several years" → ``PXY``, "the fiscal year" → ``P1Y``; an age ("25-year-old") is none;
- sets: "every Friday" → ``XXXX-WXX-5``, "each July" → ``XXXX-07``, "daily" → ``P1D``, "every morning" →
  ``XXXX-XX-XXTMO``, "Tuesday nights" → ``XXXX-WXX-2TNI``;
- vague references: "now", "currently" → ``PRESENT_REF``; "recently", "the past" → ``PAST_REF``; "the
  future" → ``FUTURE_REF``;
- quarters, halves, seasons, decades, centuries ("the third quarter" → ``2025-Q3``, "last fall" →
  ``2024-FA``, "the 1990s" → ``199``, "the 20th century" → ``19``), anchored to the report's date: a
  named quarter is the report's year's; "the quarter", "the latest quarter" the one before the report's;
  "last" season the previous year's, "this", bare or "this past" one the report's year's;
- a part of a day on a day: ``2025-03-14TMO`` (morning), ``TAF``, ``TEV``, ``TNI``; noon ``T12:00``,
  midnight ``T24:00``; type TIME for these and clock times; a clock time given in UTC ("1750 GMT", "0600Z")
  ends with ISO 8601's ``Z`` (``2025-03-14T17:50Z``), other zones are left out as written ("2130 ET" →
  ``T21:30``), and so is a zone only in a bracket restating the time ("1353 (1023 GMT)" → ``T13:53``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import TimexType

UNITS = {"second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
         "night": ("", "D", 1), "week": ("", "W", 1), "weekend": ("", "D", 2), "month": ("", "M", 1),
         "quarter": ("", "Q", 1), "year": ("", "Y", 1), "decade": ("", "Y", 10), "century": ("", "Y", 100)}
SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "a couple of": 2,
         "a dozen": 12, "a hundred": 100, "one hundred": 100, "a single": 1, "a full": 1}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
VAGUE_COUNTS = {"several", "a few", "few", "many", "some", "recent", "coming", "the coming", "the next few",
                "those", "these", "the past few", "the last few", "the past several", "the last several",
                "a number of"}
_NUM = (r"(?P<n>\d+(?:[.,]\d+)?|a couple of|a dozen|(?:a|one) hundred|a single|a full|"
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|"
        r"seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?|several|a few|few|many|some|a number of)")
_UNIT = r"(?P<unit>second|minute|hour|day|night|weekend|week|month|quarter|year|decade|centur(?:y|ie))"
_LEAD = (r"(?:(?:for|over|in|within|during|after|about|nearly|almost|more than|less than|under|at least|"
         r"at most|up to|roughly|around|only|just|some|another|an additional|an extra|the|its|their|his|"
         r"her|past|last|next|previous|first|final|coming|following|recent|remaining|initial|full|entire|"
         r"whole|fiscal|more)\s+)*")
DURATION = re.compile(rf"^(?P<lead>{_LEAD})(?:{_NUM}[\s-]+)?(?:more\s+)?{_UNIT}(?P<plural>s)?(?:-long|-plus)?$")
SPAN_WORDS = {"past", "last", "next", "previous", "first", "coming", "following", "fiscal", "entire", "whole",
              "final", "remaining"}  # "the past year": a length of time
ADVERB_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
               "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W"}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
PARTS = {"morning": "MO", "early morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
         "early hours": "NI"}
SET = re.compile(r"^(?:(?:every|each|per|a)\s+(?:other\s+|single\s+)?)(?P<what>[a-z]+?)(?:s)?(?:\s+(?P<part>morning|afternoon|evening|night))?$")
PLURAL_WEEKDAYS = re.compile(r"^(?:on\s+)?(?P<what>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s(?:\s+(?P<part>morning|afternoon|evening|night)s)?$|^(?P<what2>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?P<part2>morning|afternoon|evening|night)s$")
PRESENT = re.compile(r"^(?:(?:right|just|until|by|for|from|even)\s+)?now$|^(?:currently|presently|nowadays|at present|the present|these days|at the moment|this time)$")
PAST = re.compile(r"^(?:(?:until|only|very|most|as|so|more|fairly|until|quite)\s+)?(?:recently|lately|previously|formerly)$|^(?:in\s+)?the past$|^(?:in\s+)?(?:recent|past|earlier|previous) (?:years|months|weeks|days|decades|times|quarters)$|^(?:several|many|some|a few) (?:years|months|weeks|days|decades) ago$|^the (?:past|last) (?:several|few) \w+$")
FUTURE = re.compile(r"^(?:in\s+)?the (?:near |distant |foreseeable )?future$|^(?:coming|future) (?:years|months|weeks|days|decades|quarters)$")
QUARTER = re.compile(r"^(?:(?:the|its|their|this|last|next|(?P<prior>(?:the\s+)?(?:year-(?:earlier|ago)|previous year's|last year's|same))|(?P<next>next year's)|this year's)\s+)*(?:(?:fiscal|comparable|corresponding|calendar|current|latest|most recent|(?P<year>(?:19|20)\d\d))[\s-]+)*(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th|fiscal-first|fiscal-second|fiscal-third|fiscal-fourth)?[\s-]*(?P<what>quarter|half|period)(?:\s+of\s+(?:fiscal\s+)?(?P<of>(?:19|20)\d\d))?$")
SEASON = re.compile(r"^(?:(?P<rel>the|this|last|next|this past|this coming|early|late|mid|the early|the late)[\s-]+)*(?P<season>spring|summer|fall|autumn|winter)(?:\s+of\s+(?P<year>(?:19|20)\d\d))?$")
DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<decade>(?:1[6-9]|20)\d)0'?s$")
CENTURY = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>1[5-9]|2[01])(?:st|nd|rd|th)[\s-]+century$")
UTC = re.compile(r"\b(?:gmt|utc|zulu)\b|\dz\b|\d z\b")  # a clock time given in UTC
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 2, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def timex_value(lower: str, published: date | None, point: tuple[str | None, str, str | None] | None
                ) -> tuple[TimexType, str | None]:
    """(TIMEX3 type, value) of an expression (lower-cased, spaces collapsed), given the point in time
    :func:`storyline.extract.timex.normalize` read from it (value, precision, part of day) or None."""
    clock = point is not None and point[0] is not None and point[1] in {"hour", "minute"}
    # "at 1400 hours": a clock time the tagger read from the words around it, not a length of time
    found = _set(lower) or _named_period(lower, published) or _vague(lower) or (None if clock else _duration(lower))
    if found is not None:
        return found
    if point is not None and point[0] is not None:
        return _point(lower, *point)
    return "DATE", None


def _vague(lower: str) -> tuple[TimexType, str] | None:
    for pattern, ref in ((PRESENT, "PRESENT_REF"), (PAST, "PAST_REF"), (FUTURE, "FUTURE_REF")):
        if pattern.match(lower):
            return "DATE", ref
    return None


def _point(lower: str, value: str, precision: str, part: str | None) -> tuple[TimexType, str]:
    """A resolved point: clock times and parts of a day are TIME (``…T14:30``, ``…TMO``, ``…T17:50Z``)."""
    if precision in {"hour", "minute"}:
        return "TIME", value + ("Z" if UTC.search(lower) and "(" not in lower else "")
    if precision == "part-of-day":
        if re.search(r"\bnoon\b|\bmidday\b", lower):
            return "TIME", f"{value}T12:00"
        if re.search(r"\bmidnight\b", lower):
            return "TIME", f"{value}T24:00"
        if part in PARTS:
            return "TIME", f"{value}T{PARTS[part]}"
    return "DATE", value


def _set(lower: str) -> tuple[TimexType, str] | None:
    if lower in ADVERB_SETS:
        return "SET", ADVERB_SETS[lower]
    m = SET.match(lower)
    what = part = None
    if m:
        what, part = m["what"], m["part"]
        if lower.startswith("a ") and what not in WEEKDAY_NAMES:
            return None  # "a year", "a day": a duration, unless "a Friday"
    else:
        m = PLURAL_WEEKDAYS.match(lower)
        if m is None:
            return None
        what, part = m["what"] or m["what2"], m["part"] or m["part2"]
    suffix = f"T{PARTS[part]}" if part else ""
    if what in WEEKDAY_NAMES:
        return "SET", f"XXXX-WXX-{WEEKDAY_NAMES.index(what) + 1}{suffix}"
    if what in MONTH_NAMES:
        return "SET", f"XXXX-{MONTH_NAMES.index(what) + 1:02d}"
    if what in PARTS:
        return "SET", f"XXXX-XX-XXT{PARTS[what]}"
    if what in SEASONS:
        return "SET", f"XXXX-{SEASONS[what]}"
    if what in UNITS:
        time, letter, size = UNITS[what]
        return "SET", f"P{time}{size}{letter}"
    return None


def _duration(lower: str) -> tuple[TimexType, str] | None:
    """ "three days", "the past two months", "two-week", "hours", "the fiscal year": P… values."""
    if re.search(r"-old\b|\b(?:ago|earlier|later|before|after|from now|hence)$", lower):
        return None
    if re.match(r"^the (?:next|following) (?:day|morning|afternoon|evening|night)$", lower):
        return None  # a day after another, a point in time ("found the wreck the next day")
    m = DURATION.match(lower)
    if m is None:
        return None
    lead = m["lead"].split()
    unit = "century" if m["unit"].startswith("centur") else m["unit"]
    count = _count(m["n"]) if m["n"] else None
    if m["n"] is None:
        if m["plural"]:
            count = "X"
        elif lead[:1] == ["the"] and (lead[1:2] and lead[1] in SPAN_WORDS or lead == ["the"] and unit == "year") \
                or lead[:1] in (["an"], ["another"], ["a"]) and unit == "weekend":
            count = 1  # "the past year", "the fiscal year", "the year (ended …)", "a weekend"
        else:
            return None  # "last year", "this week", "the week": a point, not a length of time
    time, letter, size = UNITS[unit]
    if count == "X":
        return "DURATION", f"P{time}X{'Y' if size > 1 else letter}"
    return "DURATION", f"P{time}{_number(count * size)}{letter}"


def _count(words: str) -> float | str:
    words = words.replace("-", " ")
    if words in VAGUE_COUNTS:
        return "X"
    if words in SMALL:
        return SMALL[words]
    parts = words.split()
    if parts[0] in TENS:
        return TENS[parts[0]] + (SMALL.get(parts[1], 0) if len(parts) > 1 else 0)
    try:
        return float(words.replace(",", ""))
    except ValueError:
        return "X"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _named_period(lower: str, published: date | None) -> tuple[TimexType, str | None] | None:
    """Quarters, halves, seasons, decades and centuries."""
    m = DECADE.match(lower)
    if m:
        return "DATE", m["decade"]
    m = CENTURY.match(lower)
    if m:
        return "DATE", f"{int(m['n']) - 1:02d}"
    m = SEASON.match(lower)
    if m:
        year = int(m["year"]) if m["year"] else published.year if published else None
        if year is None:
            return "DATE", None
        rel = " ".join(r for r in re.findall(r"\b(this past|this coming|last|next)\b", lower))
        year += -1 if rel == "last" and not m["year"] else 1 if rel == "next" else 0
        return "DATE", f"{year}-{SEASONS[m['season']]}"
    if lower in {"the weekend", "over the weekend"} and published is not None:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        year, week, _ = saturday.isocalendar()
        return "DATE", f"{year}-W{week:02d}-WE"
    if lower in {"year-earlier", "year-ago"}:
        return "DATE", year_ago_quarter(published)
    m = QUARTER.match(lower)
    if m:
        return "DATE", _quarter(m, lower, published)
    return None


def year_ago_quarter(published: date | None) -> str | None:
    """The quarter before the report's, a year earlier: what "a year earlier" compares with in a
    quarterly report ("profit rose from a year earlier")."""
    if published is None:
        return None
    index = published.year * 4 + (published.month - 1) // 3 - 5
    return f"{index // 4}-Q{index % 4 + 1}"


def _quarter(m: re.Match, lower: str, published: date | None) -> str | None:
    """ "the third quarter" → the report year's Q3; "the quarter", "the latest quarter" → the one before the
    report's; "the year-ago quarter" → that one a year earlier; "the first half of 1990" → ``1990-H1``."""
    year = int(m["of"] or m["year"] or 0) or (published.year if published else None)
    if year is None:
        return None
    ordinal = ORDINALS.get((m["ord"] or "").replace("fiscal-", ""))
    if m["what"] == "period" and not re.search(r"\b(?:latest|year-earlier|year-ago|comparable|same|corresponding|\d{4})\b", lower):
        return None
    if m["what"] == "half":
        return f"{year}-H{ordinal}" if ordinal in {1, 2} else None
    explicit = bool(m["of"] or m["year"])
    if ordinal is None:
        if published is None:
            return None
        index = year * 4 + (published.month - 1) // 3
        step = {"next": 1, "this": 0}.get(next((w for w in ("next", "this") if re.search(rf"\b{w}\b", lower)), ""), -1)
        index += step
        year, ordinal = index // 4, index % 4 + 1
    if m["prior"] and not explicit:
        year -= 1
    if m["next"] and not explicit:
        year += 1
    return f"{year}-Q{ordinal}"
