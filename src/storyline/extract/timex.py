"""Time expressions in a report, normalized against the report's date.

Candidates are spaCy's DATE/TIME entities (joined when one is split, "10:30 a.m. on Tuesday") plus a regex
for weekday and relative words the model misses. Each candidate is read by our own rules:
- a bare weekday is the report's day or one of the six days before it; with "next", one of the seven days
  after; when its verb looks ahead ("will", reported "would", a modal "may reopen", "as early as", a day
  "declared" a day of mourning), the report's day or one of the six after; "last Friday" is 1–7 days before;
- "late on Thursday" is part of a day (part_of_day "late"); a clock time or part of a day with no day of
  its own ("at 11:40 p.m.", "that morning") takes the day of the nearest day-or-finer time before it in its
  sentence, else in the previous sentence of the paragraph, else the report's; a duration after a date
  ("Thursday, two hours before") is not joined to it;
- "yesterday", "last night" → the day before; "today", "tonight", "overnight" → the report's day;
- "last week" → the ISO week before (``2023-W24``); "earlier this month" → ``2023-06``; "N days ago";
- absolute dates with or without year (a missing year is the one putting the date closest to the report).
Durations ("three years", "the past week") and ages ("25-year-old") are not points in time and are left out,
and so is anything without a temporal word ("up to" mis-tagged DATE).
A relative expression without a report date gets value None and precision "unknown".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from .nlp import doc_text
from ..model import Precision, TimeValue

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
}
PARTS_OF_DAY = (
    ("early hours", r"early hours|wee hours|small hours"),
    ("early morning", r"early morning|dawn|daybreak"),
    ("morning", r"morning"),
    ("midday", r"noon|midday"),
    ("afternoon", r"afternoon"),
    ("evening", r"evening|dusk"),
    ("night", r"night|tonight|overnight|midnight"),
    ("late", r"(?<!as )late(?! as)"),
    ("early", r"(?<!as )early(?! as)"),
)
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:1[6-9]|2[0-9])\d\d)"
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?")
DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?")
MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")
MONTH_ONLY = re.compile(rf"\b(?:(?P<rel>last|this|next|in|early|late|mid|since|until)[\s-]+)?{_MONTH}$")
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
NUMERIC_DATE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2,4})\b")
YEAR_ONLY = re.compile(rf"^(?:(?:the\s+)?(?:year\s+)?|(?:in|since|by|until|early|late|mid)[\s-]+){_YEAR}$")
CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?!\w)"
    r"|\b(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>\d\d)\b"
)
WEEKDAY = re.compile(r"\b(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")
AGO = re.compile(r"\b(?P<n>\d+|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b")
RELATIVE_UNIT = re.compile(r"\b(?P<rel>last|this|next|past|previous|coming|earlier this|later this|current)\s+(?P<unit>week(?:end)?|month|year)\b")
DAY_WORDS = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
             "the day before yesterday": -2, "the day after tomorrow": 2}
DAY_WORD = re.compile(r"\b(?:the day before yesterday|the day after tomorrow|today|tonight|overnight|yesterday|tomorrow|last night)\b")
THIS_PART = re.compile(r"\bthis (?:early )?(?:morning|afternoon|evening)\b")
DURATION = re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|weekends?)\b")
AGE = re.compile(r"\d+-(?:year|month|week|day)s?-old|^\d{1,2}$|^ages?\b")
# phrases the model tends to miss: weekdays and relative day words
EXTRA = re.compile(
    r"\b(?:(?:last|this|next|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Oo]vernight|[Ll]ast night)\b"
    r"(?:\s+(?:morning|afternoon|evening))?"
)
LEFT_PART = re.compile(r"(?:the\s+(?:(?:early|late|wee|small)\s+)?(?:hours|morning|afternoon|evening|night)\s+of\s+|(?:early|late)\s+(?:on\s+)?)$",
                       re.IGNORECASE)
# auxiliaries that look ahead ("will", reported "would") and modals ("may reopen"), unless perfect
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "may", "might", "could", "can", "should", "must", "ca"}
FUTURE_LEAD = re.compile(r"\b(?:as (?:soon|early) as|until|no later than|next)\s+(?:on\s+)?$", re.IGNORECASE)
FUTURE_INSIDE = re.compile(r"^(?:as (?:soon|early) as|no later than|until)\b", re.IGNORECASE)
PLAN_VERBS = {"plan", "schedule", "expect", "due", "set", "intend", "prepare", "aim", "promise", "vow",
              "pledge", "agree", "want"}
PLAN_PARTICIPLES = {"scheduled", "planned", "expected", "due", "slated"}
# "declared Monday a day of mourning": a day named as the object of these verbs lies ahead
DESIGNATE_VERBS = {"declare", "designate", "proclaim", "name", "make", "set"}
DAY_NOUNS = {"day", "holiday", "deadline", "date"}
NOUN_LIKE_DEPS = {"pobj", "amod", "compound", "acl", "pcomp", "dobj", "nsubj", "conj", "advcl"}
DAY_OR_FINER = {"day", "part-of-day", "hour", "minute"}
LATE_PARTS = {"late", "evening", "night"}
# words without which an expression is no time at all ("up to" tagged DATE)
TEMPORAL_WORD = re.compile(
    r"\b(?:\d|time|date|day|week|month|year|decade|century|hour|minute|season|spring|summer|autumn|fall|"
    r"winter|weekend|morning|afternoon|evening|night|dawn|dusk|noon|midday|midnight|now|recently|soon|"
    r"later|earlier|ago|past|future|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
RANGE = re.compile(r"(?:between\s+|from\s+)?(?P<a>.+?)\s+(?:and|to|-|–|through|until)\s+(?P<b>.+)$", re.IGNORECASE)


def find_times(doc: Doc, published: date | None) -> list[TimeValue]:
    """Every date or time expression in the report, with an ISO value when it can be resolved."""
    full = doc_text(doc)
    times: list[TimeValue] = []
    for start, end in _split_ranges(full, _candidates(doc, full), published):
        text = full[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        future = _is_future(span, full, start)
        day = published
        if span is not None and _dayless(text):  # "at 11:40 p.m.", "that morning": the day named before
            anchor = _anchor(times, span, full)
            if anchor is not None:
                day = date.fromisoformat(anchor.value[:10]) + timedelta(days=_rollover(anchor, text))
        resolved = normalize(text, day, future)
        if resolved is None:
            continue
        value, precision, part = resolved
        times.append(TimeValue(value=value, precision=precision, text=text, start=start, end=end,
                               part_of_day=part))
    return times


def _dayless(text: str) -> bool:
    """Whether the expression names no day, week, month or year ("at 11:40 p.m.", "that morning")."""
    return _resolve(_lower(text), None, False)[1] == "none"


def _anchor(times: list[TimeValue], span: Span, text: str) -> TimeValue | None:
    """The nearest resolved day-or-finer time before the span, in its sentence or the previous sentence
    of the same paragraph ("A fire broke out late on Thursday. Crews were called at 11:40 p.m.")."""
    doc, sent = span.doc, span.sent
    first, before = sent.start, sent.start - 1
    while first < span.start and doc[first].is_space:
        first += 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    window = sent.start_char
    if before >= 0 and "\n" not in text[doc[before].idx + len(doc[before]):doc[first].idx]:
        window = doc[before].sent.start_char  # the previous sentence, in the same paragraph
    for time in reversed(times):
        if time.start < window:
            return None
        if time.value and time.precision in DAY_OR_FINER and time.start < span.start_char:
            return time
    return None


def _rollover(anchor: TimeValue, text: str) -> int:
    """1 when a time late in the day is followed by one in the small hours ("late on Thursday … shortly
    after midnight", "at 11 p.m. … at 2 a.m."): that is the next day."""
    hour = int(anchor.value[11:13]) if anchor.precision in {"hour", "minute"} else None
    late = anchor.part_of_day in LATE_PARTS or (hour is not None and hour >= 18)
    lower = _lower(text)
    clock = CLOCK.search(lower)
    before_dawn = clock is not None and (clock["ampm"] or "").startswith("a") and int(clock["hour"]) % 12 < 6
    small = before_dawn or "after midnight" in lower or _part_of_day(lower) == "early hours"
    return int(late and small)


def normalize(text: str, published: date | None, future: bool = False
              ) -> tuple[str | None, Precision, str | None] | None:
    """(value, precision, part of day) for one expression; None when it is no point in time."""
    lower = _lower(text)
    if AGE.search(lower):
        return None
    part = _part_of_day(lower)
    day, precision = _resolve(lower, published, future)
    if precision != "day" and part in {"late", "early"}:
        part = None  # "early March" is a month, not a part of a day
    if precision == "none":
        if DURATION.search(lower) or not TEMPORAL_WORD.search(lower):
            return None
        clock = CLOCK.search(lower)
        if published is not None and (clock or part):
            day, precision = published.isoformat(), "day"  # "at midday", "at 4 p.m.": the report's day
        else:
            return None, "unknown", part
    if day is None:
        return None, "unknown", part
    if precision == "day":
        clock = CLOCK.search(lower)
        if clock:
            return _with_clock(day, clock), ("minute" if _minute(clock) else "hour"), part
        if part:
            return day, "part-of-day", part
    return day, precision, part


def _lower(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _resolve(lower: str, published: date | None, future: bool) -> tuple[str | None, str]:
    """The date part: (ISO value, precision); precision "none" when nothing date-like is there."""
    for pattern in (ISO_DATE, NUMERIC_DATE):
        m = pattern.search(lower)
        if m:
            year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
            return _iso(year, int(m["month"]), int(m["day"])), "day"
    for pattern in (MONTH_DAY, DAY_MONTH):
        m = pattern.search(lower)
        if m and 1 <= int(m["day"]) <= 31:
            month = MONTHS[m["month"][:3]]
            if m["year"]:
                return _iso(int(m["year"]), month, int(m["day"])), "day"
            if published is None:
                return None, "day"
            return _closest_year(published, month, int(m["day"])), "day"
    m = MONTH_YEAR.search(lower)
    if m:
        return f"{m['year']}-{MONTHS[m['month'][:3]]:02d}", "month"
    m = YEAR_ONLY.search(lower)
    if m:
        return m["year"], "year"
    m = DAY_WORD.search(lower) or THIS_PART.search(lower)
    if m:
        offset = DAY_WORDS.get(m.group(0), 0)
        return (_shift(published, offset), "day") if published else (None, "day")
    m = AGO.search(lower)
    if m:
        return _ago(published, m["n"], m["unit"]) if published else (None, "day")
    m = WEEKDAY.search(lower)
    if m:
        return (_weekday(published, m["weekday"], m["rel"], future), "day") if published else (None, "day")
    m = RELATIVE_UNIT.search(lower)
    if m:
        return _relative_unit(published, m["rel"], m["unit"]) if published else (None, "day")
    m = MONTH_ONLY.search(lower)
    if m:
        if published is None:
            return None, "month"
        month = MONTHS[m["month"][:3]]
        year = published.year
        if m["rel"] == "last" or (m["rel"] != "next" and not future and month > published.month):
            year -= 1
        if m["rel"] == "next" or (future and month < published.month):
            year += 1
        return f"{year}-{month:02d}", "month"
    return None, "none"


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _shift(published: date, days: int) -> str:
    return (published + timedelta(days=days)).isoformat()


def _closest_year(published: date, month: int, day: int) -> str | None:
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day)) is not None]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - published).days), d > published)).isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(published: date, name: str, rel: str | None, future: bool) -> str:
    target = next(i for i, w in enumerate(WEEKDAYS) if w.startswith(name[:3]))
    back = (published.weekday() - target) % 7
    if rel == "next" or rel == "coming":
        return _shift(published, (target - published.weekday()) % 7 or 7)
    if future and rel not in {"last", "past"}:  # "will meet on Friday" in a Friday report: that day
        return _shift(published, (target - published.weekday()) % 7)
    if rel in {"last", "past"} and back == 0:
        back = 7
    return _shift(published, -back)


def _ago(published: date, n: str, unit: str) -> tuple[str, str]:
    count = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1)
    if unit == "day":
        return _shift(published, -count), "day"
    if unit == "week":
        return _week(published - timedelta(weeks=count)), "week"
    if unit == "month":
        return _month(published, -count), "month"
    return str(published.year - count), "year"


def _relative_unit(published: date, rel: str, unit: str) -> tuple[str, str]:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit.startswith("week"):
        return _week(published + timedelta(weeks=step)), "week"
    if unit == "month":
        return _month(published, step), "month"
    return str(published.year + step), "year"


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(published: date, step: int) -> str:
    index = published.year * 12 + published.month - 1 + step
    return f"{index // 12}-{index % 12 + 1:02d}"


def _part_of_day(lower: str) -> str | None:
    for name, pattern in PARTS_OF_DAY:
        if re.search(rf"\b(?:{pattern})\b", lower):
            return name
    return None


def _minute(clock: re.Match) -> bool:
    return bool(clock["minute"] or clock["minute24"])


def _with_clock(day: str, clock: re.Match) -> str:
    if clock["hour24"] is not None:
        hour, minute = int(clock["hour24"]), int(clock["minute24"])
    else:
        hour, minute = int(clock["hour"]) % 12, int(clock["minute"] or 0)
        if clock["ampm"].startswith("p"):
            hour += 12
    return f"{day}T{hour:02d}:{minute:02d}"


def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character spans of time expressions: joined DATE/TIME entities plus regex hits they don't cover."""
    spans: list[tuple[int, int]] = []
    ents = [e for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    for ent in ents:
        if spans and _joinable(text, spans[-1][1], ent):
            spans[-1] = (spans[-1][0], ent.end_char)
        else:
            spans.append((ent.start_char, ent.end_char))
    for match in EXTRA.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append((match.start(), match.end()))
    spans.sort()
    return [_extend_left(text, s, e) for s, e in spans]


def _split_ranges(text: str, spans: list[tuple[int, int]], published: date | None
                  ) -> list[tuple[int, int]]:
    """ "between 1994 and 1997", "March 3 to March 9": two expressions when both ends resolve alone."""
    result = []
    for start, end in spans:
        m = RANGE.match(text, start, end)
        if m and all(_resolve(m[g].lower(), published, False)[0] for g in ("a", "b")):
            result.extend([(m.start("a"), m.end("a")), (m.start("b"), m.end("b"))])
        else:
            result.append((start, end))
    return result


def _joinable(text: str, previous_end: int, ent: Span) -> bool:
    """ "10:30 a.m." + "on" + "Tuesday", "Friday" + "night": one expression."""
    between = text[previous_end:ent.start_char].strip().lower()
    if between not in {"", "on", ",", "of", "at"} or ent.start_char - previous_end > 5:
        return False
    lower = ent.text.lower()  # "late on Thursday, more than two hours before": no duration joins a date
    return not (DURATION.search(lower) and _resolve(lower, None, False)[1] == "none")


def _extend_left(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in "the early hours of" / "early" / "late" right before the expression."""
    match = LEFT_PART.search(text, max(0, start - 40), start)
    if match:
        start = match.start()
    while text[start:end].lower().startswith(("on ", "in ", "at ", "by ", "since ")):
        start = text.index(" ", start) + 1
    return start, end


def _is_future(span: Span | None, text: str, start: int) -> bool:
    """Whether the expression looks ahead: "as soon as Friday", a day declared or planned ("declared
    Monday a day of mourning"), or a governing verb that is future or modal ("will meet", "may reopen",
    "would begin lifting"), unless perfect ("could have sunk")."""
    if FUTURE_LEAD.search(text, max(0, start - 30), start):
        return True
    if span is None:
        return False
    if FUTURE_INSIDE.match(span.text):
        return True
    tok: Token = span.root
    if _designated(tok):
        return True
    for _ in range(5):
        if tok.pos_ in {"VERB", "AUX"}:
            if _looks_ahead(tok):
                return True
            if not (tok.tag_ in {"VBG", "VBN"} and tok.dep_ in NOUN_LIKE_DEPS):
                return False  # a clause's own verb decides; a gerund ("reopen to shipping") does not
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _designated(tok: Token) -> bool:
    """ "declared Monday a day of mourning", "made Friday a holiday": the day is named, and lies ahead."""
    head = tok.head
    return (tok.dep_ in {"dobj", "nsubj", "oprd", "npadvmod"} and head.lemma_.lower() in DESIGNATE_VERBS
            and any(c.i > tok.i and (c.dep_ == "oprd" or c.lemma_.lower() in DAY_NOUNS)
                    for c in (*head.children, *tok.children)))


def _looks_ahead(verb: Token) -> bool:
    """A verb with a future or modal auxiliary (not perfect: "could have sunk"), a planned happening
    ("is scheduled for Monday"), or an infinitive under either ("would begin lifting them", "promised to
    publish")."""
    for _ in range(3):
        auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & FUTURE_AUX and "have" not in auxes:
            return True
        if verb.lower_ in PLAN_PARTICIPLES:
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in PLAN_VERBS:
            return True
    return False
