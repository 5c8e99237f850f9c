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
- "the next day", "the following morning" → the day after the day-or-finer time before it in its sentence
  or the previous one of the paragraph, unresolved when there is none (not the day after the report);
- "yesterday", "last night" → the day before; "today", "tonight", "overnight" → the report's day;
- "last week" → the ISO week before (``2023-W24``); "earlier this month" → ``2023-06``; "N days ago";
- "last June" is the latest June before the report's month, "this September" the report year's;
- absolute dates with or without year (a missing year is the one putting the date closest to the report,
  a date ahead of the report counting double: news looks back; a day something is set or put off to is
  not before the report: "a trial date was set for October 28");
- "8.40am" and "08: 45 AM" are clock times; an entity the model ran over a line break (a stamp line and
  the lead under it) is one expression per line; a day the model left off a month is taken in ("the 5th
  of May"); a space before a stop or a comma ("Oct . 21 , 2011", text rebuilt from tokens) is allowed;
- four digits before a time zone ("1750 GMT", "0900 local time", "2130 ET", "0600Z") are a 24-hour clock
  time, not a year, and so are four digits before "hours"/"hrs" after "at", "until", "from", "since",
  "before" or "after" ("at 1400 hours"; "2000 hours of service" stays a duration).
``find_times`` gives the points for the timeline: durations ("three years"), sets ("every Friday") and ages
("25-year-old") are left out, and so is anything without a temporal word ("up to" mis-tagged DATE).
``find_timexes`` gives every expression TIMEX3-style (type and TimeML value, :mod:`.timex3`), durations, sets
and vague references ("now", "recently", found by ``TIMEX_EXTRA`` too) included.
A relative expression without a report date gets value None and precision "unknown".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..model import Precision, TimeValue
from .named_days import NAMED_WEEKDAY, NAMED_WEEKDAY_LOWER, NUMERIC_NAME, named_day, named_weekday, numeric_name
from .dates import DAY_MONTH, ISO_DATE, MONTH, MONTH_DAY, MONTHS, YEAR
from .figures import SMALL
from .nlp import doc_text, quote_index
from .timex3 import timex_value, year_ago_quarter

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# counts before "… years ago": figures' number words (to ninety), their compounds ("twenty-two") and vague ones
VAGUE_COUNTS = {"a": 1, "an": 1, "several": 3, "a few": 3, "a dozen": 12}
TENS = "|".join(w for w, n in SMALL.items() if n >= 20)
UNITS = "|".join(w for w, n in SMALL.items() if 0 < n < 10)
COUNT = (rf"\d+|a few|a dozen|an?|several|(?:{TENS})(?:[- ](?:{UNITS}))?|"
         + "|".join(sorted((w for w, n in SMALL.items() if 0 < n < 20), key=len, reverse=True)))
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
MONTH_YEAR = re.compile(rf"\b{MONTH}\s?,?\s+{YEAR}\b")
MONTH_ONLY = re.compile(rf"\b(?:(?P<rel>last|this|next|in|early|late|mid|since|until)[\s-]+)?{MONTH}$")
NUMERIC_DATE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2,4})\b")
YEAR_ONLY = re.compile(rf"^(?:(?:the\s+)?(?:(?:end|beginning|start|middle|rest|remainder|close)\s+of\s+)?"
                       rf"(?:(?:the\s+)?year\s+|fiscal\s+|(?:in|since|by|until|early|late|mid)[\s-]+)?){YEAR}$")
# time zones after a 24-hour clock time written as four digits ("1750 GMT", "2130 ET", "0600Z")
ZONES = ("GMT|UTC|Zulu|Z|ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|AKDT|AKST|HST|BST|IST|CET|CEST|EET|EEST|"
         "WET|MSK|GST|PKT|ICT|JST|KST|HKT|SGT|AEST|AEDT|AWST|NZST|NZDT|SAST|EAT|WAT")
_HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"
_ZONE_AFTER = rf"(?:\s?(?:{ZONES})(?:[+-]\d{{1,2}}(?::?\d\d)?)?(?![\w'’])|\s+local(?:\s+time)?\b)"
ZONED_CLOCK = re.compile(rf"\b{_HHMM}{_ZONE_AFTER}")  # in the report's text, case kept
# "at 1400 hours": four digits before "hours" are a clock time only after these ("2000 hours of service")
MILITARY_CLOCK = re.compile(rf"\b(?:[Aa]t|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Bb]efore|[Aa]fter)\s+"
                            rf"(?P<clock>{_HHMM}\s?(?:hours|hrs)\b)(?!\s+of\b)")
# "8.40am" (British) and a colon set off by spaces ("08: 45 AM", "3 : 30 AM") are clock times too
CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?:\s?[:.]\s?(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap](?:\s?\.\s?)?m\.?)(?!\w)"
    r"|\b(?P<hour24>[01]?\d|2[0-3])\s?:\s?(?P<minute24>\d\d)\b"
    # read in lower case; "1353 (1023 GMT)": the local time, restated in another zone
    rf"|\b(?P<hour4>[01]\d|2[0-3])(?P<minute4>[0-5]\d)(?={_ZONE_AFTER.lower()}|\s*\(\s*{_HHMM}{_ZONE_AFTER.lower()})"
)
# a clock time that ends right before a parenthesis restating it in another zone ("10:35 a.m. (0735 GMT)")
CLOCK_BEFORE = re.compile(rf"(?:\b{_HHMM}|\b\d{{1,2}}(?:\s?[:.]\s?\d\d)?\s*[ap]\.?m\.?|\b(?:[01]?\d|2[0-3])\s?:\s?\d\d)"
                          rf"(?:\s?(?:{ZONES})|\s+local(?:\s+time)?|\s?(?:hours|hrs))?\s*\(\s*$")
CLOSING = re.compile(r"\s*\)")
# a clock time as the report's text has it, for joining to a time entity the model split ("3 : 30" + "AM")
TEXT_CLOCK = re.compile(r"\b\d{1,2}\s?[:.]\s?[0-5]\d\s?[AaPp](?:\s?\.\s?[Mm](?:\s?\.)?|[Mm]\b)")
HOURS_CLOCK = re.compile(r"\b(?P<hour4>[01]\d|2[0-3])(?P<minute4>[0-5]\d)\s?(?:hours|hrs)\b")
# verbs of speech and writing whose time dates a quote ("said in a 2014 interview")
SPEECH_VERBS = {"say", "tell", "write", "tweet", "post", "add", "state", "declare", "announce", "testify",
                "recall", "explain", "speak", "remark", "insist", "argue", "warn", "ask", "answer", "reply",
                "respond", "claim", "note", "admit", "acknowledge", "predict", "promise", "vow", "pledge",
                "complain", "joke", "quip", "conclude", "concede", "observe", "boast", "lament", "exclaim",
                "shout", "yell", "proclaim", "confirm", "deny", "suggest", "maintain", "emphasize", "stress",
                "contend", "assert", "comment", "urge", "plead", "lecture", "preach", "quote", "cite", "email",
                "text", "message", "report", "reveal", "disclose", "describe", "put", "recount", "testify"}
PHRASE_DEPS = {"pobj", "prep", "npadvmod", "nummod", "compound", "amod", "poss", "nmod", "appos", "dobj", "det",
               "tmod", "advmod", "quantmod", "case"}
QUOTE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
TITLE_SMALL = {"the", "of", "and", "a", "an", "in", "on", "for", "with", "to", "at", "from", "by", "or"}
BETWEEN_TIME_AND_DAY = re.compile(r"^[\s,)]*(?:on\s+)?$")
# "a 2015 CT scan", "the 2016 PT Cruiser": a year modifying a noun, not a clock time
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+$", re.IGNORECASE)
YEAR_BEFORE = re.compile(r"\b((?:1[89]|20)\d\d)\s+$")  # "the 1988 Super Tuesday": the day of that year
WEEKDAY = re.compile(r"\b(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")
AGO = re.compile(rf"\b(?P<n>{COUNT})\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b")
RELATIVE_UNIT = re.compile(r"\b(?P<rel>last|this|next|past|previous|coming|earlier this|later this|current)\s+(?P<unit>week(?:end)?|month|year)\b")
DAY_WORDS = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
             "the day before yesterday": -2, "the day after tomorrow": 2}
DAY_WORD = re.compile(r"\b(?:the day before yesterday|the day after tomorrow|today|tonight|overnight|yesterday|tomorrow|last night)\b")
# the day after the one told just before ("a vigil on Monday evening; a second protest the next night")
NEXT_DAY = re.compile(r"\b(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b")
THIS_PART = re.compile(r"\bthis (?:early )?(?:morning|afternoon|evening)\b")
DURATION = re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|weekends?)\b")
AGE = re.compile(r"\d+-(?:year|month|week|day)s?-old|^\d{1,2}$|^ages?\b")
# phrases the model tends to miss: weekdays and relative day words
EXTRA = re.compile(
    r"(?:\b(?:1[89]|20)\d\d\s+)?" + NAMED_WEEKDAY.pattern + "|"  # "(the 1988) Super Tuesday": a named day
    r"\b(?:(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|[Oo]vernight|[Ll]ast night)\b"
    r"(?:\s+(?:morning|afternoon|evening))?"
    r"|" + NUMERIC_NAME.pattern  # the 2001 attacks by their date (see .named_days)
)
# TIMEX3-only phrases the model tends to miss: vague references, sets, quarters, hyphenated durations
TIMEX_EXTRA = re.compile(
    r"\b(?:(?:right |just )?now|currently|recently|nowadays|(?:in )?the (?:near |distant |foreseeable )?future"
    r"|the past(?! (?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|decade|"
    r"quarter|hour|century))|daily|weekly|monthly|yearly|hourly|nightly"
    r"|(?:every|each) (?:other )?(?:day|week|month|quarter|year|morning|afternoon|evening|night|weekend"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|spring|summer|fall|autumn|winter)"
    r"|(?:(?:the|its|their) )?(?:(?:fiscal|year-earlier|year-ago|latest) )?(?:first|second|third|fourth|fiscal-first"
    r"|fiscal-second|fiscal-third|fiscal-fourth)[ -]quarter|(?:the|its|their) (?:latest |year-earlier |year-ago "
    r"|comparable |fiscal )?quarter|year-(?:earlier|ago)|the (?:latest|year-earlier|year-ago) period"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred)"
    r"-(?:second|minute|hour|day|week|month|year|decade)(?!-old|s-old)(?:-long)?)\b",
    re.IGNORECASE)
YEAR_AGO = re.compile(r"^(?:a|one) year (?:ago|earlier)$")
QUARTERLY = re.compile(r"\b(?:quarter|period|net income|earnings|profit|revenue|sales|per share)", re.IGNORECASE)
LETTER = re.compile(r"[a-z]")
# "the quarter ended Sept. 30": a period, and the day it ended
ENDED = re.compile(r"(?P<a>.+?)\s+(?:ended|ending|that ended|which ended)\s+(?P<b>.+)$", re.IGNORECASE)
# two counts under one unit and "ago" ("20 and 50 years ago", "three or four months earlier"): the first count
# takes the unit and "ago" of the second (``SHARED_TAIL``, the words after the joiner)
SHARED_AGO = re.compile(rf"(?P<a>{COUNT}),?\s+(?:and|or|to|-|–)\s+(?P<b>(?:{COUNT})\s+(?:day|week|month|year)s?"
                        r"\s+(?:ago|earlier|before))$", re.IGNORECASE)
SHARED_TAIL = re.compile(rf",?\s+(?:and|or|to|-|–)\s+(?:{COUNT})\s+(?P<tail>(?:day|week|month|year)s?"
                         r"\s+(?:ago|earlier|before))\b", re.IGNORECASE)
MONTH_FIRST = re.compile(rf"{MONTH}\b", re.IGNORECASE)
DAY_BEFORE = re.compile(r"(?<![\w,.$])(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)
EVERY = re.compile(r"\b(?:every|each)\s+(?:other\s+)?$", re.IGNORECASE)  # "every Friday": a set
LEFT_PART = re.compile(r"(?:the\s+(?:(?:early|late|wee|small)\s+)?(?:hours|morning|afternoon|evening|night)\s+of\s+|(?:early|late)\s+(?:on\s+)?)$",
                       re.IGNORECASE)
# auxiliaries that look ahead ("will", reported "would") and modals ("may reopen"), unless perfect
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "may", "might", "could", "can", "should", "must", "ca"}
FUTURE_LEAD = re.compile(r"\b(?:as (?:soon|early) as|until|no later than|next)\s+(?:on\s+)?$", re.IGNORECASE)
FUTURE_INSIDE = re.compile(r"^(?:as (?:soon|early) as|no later than|until)\b", re.IGNORECASE)
PLAN_VERBS = {"plan", "schedule", "expect", "due", "set", "intend", "prepare", "aim", "promise", "vow",
              "pledge", "agree", "want", "likely", "poised"}  # "is likely to bounce back Tuesday"
# "an address to be delivered Wednesday": a passive infinitive on a noun is what is yet to be done to it; not
# after "the first", "the last", "the only" ("the first to be elected in 2008")
RANK_WORDS = {"first", "last", "only", "second", "third", "next"}
# "set for October 28", "postponed to June 8": the day a happening is put on
SCHEDULE_VERBS = {"set", "schedule", "slate", "pencil", "reschedule", "postpone", "adjourn", "delay", "defer",
                  "push", "move"}
# "kept going until 2 a.m. Friday": verbs of going on, whose "until" in the past ends a past stretch
LASTING_VERBS = {"keep", "stay", "last", "continue", "remain", "wait", "go", "run", "linger", "march", "sit"}
VOTE_NOUNS = {"election", "ballot", "referendum", "runoff", "midterm", "plebiscite"}
# "the November election" up to eight months ahead is this year's; from further back (January) it is more
# often the one just held
VOTE_AHEAD = 8
PLAN_PARTICIPLES = {"scheduled", "planned", "expected", "due", "slated"}
# "declared Monday a day of mourning": a day named as the object of these verbs lies ahead
DESIGNATE_VERBS = {"declare", "designate", "proclaim", "name", "make", "set"}
DAY_NOUNS = {"day", "holiday", "deadline", "date"}
# words opening a clause of time or condition, whose present tense tells the future under a future verb
TIME_CONDITION_WORDS = {"when", "whenever", "if", "once", "until", "till", "before", "after", "unless"}
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
    """Every date or time expression in the report that names a point in time (TIMEX3 DATE or TIME), with
    an ISO value when it can be resolved (a part of a day in ``part_of_day``, not in the value)."""
    return [point for point, _ in _tag(doc, published) if point is not None]


def find_timexes(doc: Doc, published: date | None) -> list[TimeValue]:
    """Every time expression in the report, TIMEX3-style: ``type`` DATE, TIME, DURATION or SET and the
    value in TimeML syntax (``2025-03-14TMO``, ``P3D``, ``XXXX-WXX-5``, ``PRESENT_REF``; None when it
    cannot be resolved); see :mod:`storyline.extract.timex3`."""
    return [timex for _, timex in _tag(doc, published)]


def _tag(doc: Doc, published: date | None) -> list[tuple[TimeValue | None, TimeValue]]:
    """(point, timex) for each candidate: the point as :func:`find_times` gives it (None for durations,
    sets and expressions found only by the TIMEX3 patterns), and its TIMEX3 reading."""
    full = doc_text(doc)
    points: list[TimeValue] = []
    read: list[tuple[TimeValue | None, TimeValue] | None] = []
    military = [(s, e) for s, e, hours in _clock_spans(full) if hours]
    quotes = quote_index(doc).quotes
    titles = [q for q in quotes if _title(full[q[0]:q[1]])]  # ''This Week'', "Today": a show, not a time
    speech = [q for q in quotes if q not in titles]
    candidates = _split_ranges(full, _candidates(doc, full), published)
    for n in range(len(candidates)):
        start, end, _ = candidates[n]
        if (any(q_start <= start and end <= q_end for q_start, q_end in titles) or _show_name(full, start, end)
                or _day_as_noun(doc, full, start, end)):
            read.append(None)
            continue
        read.append(_read(doc, full, candidates, n, published, points, military, quotes))
        if read[-1] is not None and read[-1][0] is not None:
            points.append(read[-1][0])
    _redate_quotes(doc, full, candidates, read, published, military, speech, quotes)
    return [pair for pair in read if pair is not None]


def _read(doc: Doc, full: str, candidates: list[tuple[int, int, bool]], n: int, published: date | None,
          points: list[TimeValue], military: list[tuple[int, int]], quotes: list[tuple[int, int]]
          ) -> tuple[TimeValue | None, TimeValue] | None:
    """(point, timex) of candidate ``n`` read against ``published`` (the report's date, or the date of
    the speech a quote comes from); ``points``: the points before it; None when it is no time at all."""
    start, end, extra = candidates[n]
    text = _with_shared_tail(full, start, end)
    lower = _lower(text)
    span = doc.char_span(start, end, alignment_mode="expand")
    future = _is_future(span, full, start)
    day = published
    if span is not None and NEXT_DAY.search(lower):  # "the next night" after "Monday evening": Tuesday
        anchor = _anchor(points, span, full, quotes)
        day = date.fromisoformat(anchor.value[:10]) + timedelta(days=1) if anchor is not None else None
    elif span is not None and _dayless(text):  # "at 11:40 p.m.", "that morning": the day named before
        anchor = _anchor(points, span, full, quotes)
        following = _day_after(full, candidates[n + 1:n + 2], end, published, future)
        if following is not None:  # "at 10:35 a.m. (0735 GMT) Friday": the day right after it
            day = following
        elif anchor is not None:
            day = date.fromisoformat(anchor.value[:10]) + timedelta(days=_rollover(anchor, text))
    scheduled = span is not None and (_scheduled(span.root) or MONTH_ONLY.match(lower) is not None
                                      and _names_a_vote(span.root))
    nearest = span is not None and _untensed_weekday(span.root)
    ahead = future and not (nearest and _in_subject(span.root))
    resolved = normalize(text, day, ahead, any(s < end and start < e for s, e in military), scheduled, nearest)
    if resolved is not None and resolved[0] and span is not None and published is not None:
        year = _year_of_sentence(lower, span, published)
        if year is not None:  # "stayed in the 2008 contest until June": that June is 2008's
            resolved = (str(year) + resolved[0][4:], *resolved[1:])
    kind, value = timex_value(lower, published, resolved)
    if resolved is None and value is None or AGE.search(lower) or value is None and not LETTER.search(lower):
        return None
    if YEAR_AGO.match(lower) and span is not None and QUARTERLY.search(span.sent.text):
        value = year_ago_quarter(published)  # "profit rose from a year earlier" in a quarterly report
    point = None
    text = full[start:end]
    if resolved is not None and not extra and kind != "SET":
        point = TimeValue(value=resolved[0], precision=resolved[1], text=text, start=start, end=end,
                          part_of_day=resolved[2], type=kind if kind in {"DATE", "TIME"} else "DATE")
    precision = resolved[1] if resolved is not None and kind in {"DATE", "TIME"} else "unknown"
    timex = TimeValue(value=value, precision=precision, text=text, start=start, end=end,
                      part_of_day=resolved[2] if resolved else None, type=kind)
    return point, timex


SENTENCE_YEAR = re.compile(r"(?<![\d,.$])\b(1[89]\d\d|20\d\d)\b(?![\d,])")


def _year_of_sentence(lower: str, span: Span, published: date) -> int | None:
    """The year a month without one ("until June", "on June 3") takes from its clause: the one earlier year
    on the same verb ("remained in the 2008 primary contest until June"), else None (the month is read
    against the report; "bought under a plan approved in 1987 through Sept. 29" keeps the report's year). Not
    "last June", "this June", "next June", nor a named day ("Sept. 11")."""
    month_only = MONTH_ONLY.search(lower)
    if month_only is not None:
        if month_only["rel"] in {"last", "this", "next"}:
            return None
    else:
        m = MONTH_DAY.search(lower) or DAY_MONTH.search(lower)
        if m is None or m["year"] or named_day(MONTHS[m["month"][:3]], int(m["day"]), published) is not None:
            return None
    sent = span.sent
    verb = _nearest_verb(span.root)
    if verb is None:
        return None
    years = set()
    for m in SENTENCE_YEAR.finditer(sent.text):
        at = sent.start_char + m.start()
        if span.start_char <= at < span.end_char:
            continue
        token = sent.doc.char_span(at, at + 4, alignment_mode="expand")
        if (token is not None and token[0].ent_type_ == "DATE" and int(m.group(1)) < published.year
                and _nearest_verb(token[0]) == verb):  # the year dates the same clause, not another in it
            years.add(int(m.group(1)))
    return years.pop() if len(years) == 1 else None


def _redate_quotes(doc: Doc, full: str, candidates: list[tuple[int, int, bool]],
                   read: list[tuple[TimeValue | None, TimeValue] | None], published: date | None,
                   military: list[tuple[int, int]], quotes: list[tuple[int, int]],
                   all_quotes: list[tuple[int, int]]) -> None:
    """Read again, in place, the expressions inside a direct quotation whose speech the report dates
    before its own day ("said at a June hearing", "told the committee on June 3", "in a 2014 interview"):
    against that date instead of the report's. A date vaguer than a day (a month, a year) is read at
    its first and at its last day, and an expression that comes out differently ("today", "on Friday")
    is left unresolved: it is not the report's day, and no better one is known. ``quotes``: the quotations
    that are speech (not a programme's title), among ``all_quotes``."""
    points = [pair[0] for pair in read if pair is not None and pair[0] is not None]
    # the times a speech can be dated by: resolved and outside every quote (never redated below), by start
    said_at = sorted((p for p in points if p.value is not None and not any(s <= p.start < e for s, e in quotes)),
                     key=lambda p: p.start)
    said_starts = [p.start for p in said_at]
    candidate_starts = [s for s, _, _ in candidates]  # candidates come in text order
    for q_start, q_end in quotes:
        first = bisect_left(candidate_starts, q_start)
        inside = [n for n in range(first, bisect_right(candidate_starts, q_end))
                  if candidates[n][1] <= q_end and read[n]]
        if not inside:
            continue
        when = _speech_time(doc, full, (q_start, q_end), said_at, said_starts)
        period = _period(when) if when is not None else None
        if period is None or published is not None and period[1] >= published:
            continue
        for n in inside:
            earlier = [p for p in points if p.start < candidates[n][0]]
            first, last = (_read(doc, full, candidates, n, day, earlier, military, all_quotes) for day in period)
            same = first is not None and last is not None and all(
                (a.value if a else None) == (b.value if b else None) for a, b in zip(first, last))
            point, timex = first if same else _unresolved(read[n])
            if read[n][0] is not None and point is not None:
                points[points.index(read[n][0])] = point
            read[n] = (point if read[n][0] is not None else None, timex)


def _unresolved(pair: tuple[TimeValue | None, TimeValue]) -> tuple[TimeValue | None, TimeValue]:
    """The pair with no value: a time we cannot place."""
    point, timex = pair
    if point is not None:
        point = TimeValue(value=None, precision="unknown", text=point.text, start=point.start, end=point.end,
                          part_of_day=point.part_of_day, type=point.type)
    return point, TimeValue(value=None, precision="unknown", text=timex.text, start=timex.start,
                            end=timex.end, part_of_day=timex.part_of_day, type=timex.type)


def _title(quote: str) -> bool:
    """A quoted name ("Today", "This Week", "Meet the Press", "Lopez Tonight."): a few words, each
    capitalised but for small ones, and no sentence in it."""
    words = QUOTE_WORD.findall(quote)
    return 0 < len(words) <= 5 and not re.search(r"[?!]|[.,]\W*\w", quote) and all(
        w[0].isupper() or w.lower() in TITLE_SMALL for w in words) and words[0][0].isupper()


SHOW_BEFORE = re.compile(r"(?:\w['’]s|\bon)\s+$")
SHOW_FIRST = re.compile(r"(?:This|Today|Tonight|Next|Last)\b")


def _day_as_noun(doc: Doc, full: str, start: int, end: int) -> bool:
    """ "Imagine a tomorrow where …", "a better tomorrow", "every today": a day word with an article or an
    adjective of its own is the future or the present at large, not a day."""
    if _lower(full[start:end]) not in {"today", "tomorrow", "yesterday"}:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "amod" or c.dep_ == "det" and c.lower_ in {"a", "an", "every"}
                                    for c in span[0].children)


def _show_name(full: str, start: int, end: int) -> bool:
    """ "ABC's This Week", "appeared on Today" unquoted: a capitalised word that is lower case in a time
    ("this", "today") after a possessive or "on", every word capitalised: a programme, not a time."""
    words = full[start:end].split()
    return (SHOW_FIRST.match(full, start) is not None and SHOW_BEFORE.search(full, max(0, start - 12), start) is not None
            and all(w[0].isupper() for w in words))


def _speech_time(doc: Doc, full: str, quote: tuple[int, int], said_at: list[TimeValue],
                 said_starts: list[int]) -> TimeValue | None:
    """The resolved time of the speech a quote comes from: one outside every quote, in the sentences the
    quote is in or in the sentence that introduces it with a colon, whose nearest verb up the parse is a
    speech verb ("said at a June hearing", "told the committee on June 3", "wrote in June") or the root of
    that introducing sentence ("Here is Ms. Orla in December 1992:"); the nearest such time."""
    q_start, q_end = quote
    paragraph = (full.rfind("\n", 0, q_start) + 1, _paragraph_end(full, q_end))
    # the parts of the quote's sentences in its own paragraphs (a sentence may run over a paragraph break)
    frames = [(max(s.start_char, paragraph[0]), min(s.end_char, paragraph[1]))
              for s in {t.sent.start: t.sent for t in _tokens_in(doc, q_start, q_end)}.values()]
    before = q_start  # where the text before the quote ends, spaces left out (no copy of the text)
    while before > 0 and full[before - 1].isspace():
        before -= 1
    intro = None
    if before > 0 and full[before - 1] == ":":
        colon = doc.char_span(before - 1, before, alignment_mode="expand")
        if colon is not None:
            intro = colon.sent
            frames.append((max(intro.start_char, full.rfind("\n", 0, colon.start_char) + 1), colon.end_char))
    best: tuple[int, TimeValue] | None = None
    low, high = min(s for s, _ in frames) if frames else 0, max(e for _, e in frames) if frames else 0
    for time in said_at[bisect_left(said_starts, low):bisect_left(said_starts, high)]:
        if not any(s <= time.start < e for s, e in frames):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        verb = _nearest_verb(span.root)
        if verb is None or not (verb.lemma_.lower() in SPEECH_VERBS or intro is not None and verb == intro.root):
            continue
        distance = q_start - time.end if time.end <= q_start else time.start - q_end
        if best is None or distance < best[0]:
            best = (distance, time)
    return best[1] if best else None


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _nearest_verb(tok: Token) -> Token | None:
    """The first verb up the parse from a time's head ("a 2014 interview" → in → said), through the
    links of a dated phrase only (not a clause, nor the parser's unlabelled "dep")."""
    for _ in range(8):
        if tok.pos_ == "VERB" or tok.pos_ == "AUX" and tok.dep_ == "ROOT":
            return tok
        if tok.head.i == tok.i or tok.dep_ not in PHRASE_DEPS:
            return None
        tok = tok.head
    return None


def _paragraph_end(text: str, end: int) -> int:
    at = text.find("\n", end)
    return len(text) if at < 0 else at


def _period(time: TimeValue) -> tuple[date, date] | None:
    """First and last day of a resolved point in time."""
    value, precision = time.value or "", time.precision
    try:
        if precision in {"day", "part-of-day", "hour", "minute"}:
            day = date.fromisoformat(value[:10])
            return day, day
        if precision == "week":
            monday = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return monday, monday + timedelta(days=6)
        if precision == "month":
            first = date(int(value[:4]), int(value[5:7]), 1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if precision == "year":
            return date(int(value[:4]), 1, 1), date(int(value[:4]), 12, 31)
    except ValueError:
        return None
    return None


def _day_after(text: str, following: list[tuple[int, int, bool]], end: int, published: date | None,
               future: bool) -> date | None:
    """The day named by the expression right after this one, when only a bracket, a comma or "on" stands
    between them ("10:35 a.m. (0735 GMT) Friday", kept apart at the bracket), else None."""
    if not following or not BETWEEN_TIME_AND_DAY.match(text[end:following[0][0]]):
        return None
    value, precision = _resolve(_lower(text[following[0][0]:following[0][1]]), published, future)
    return date.fromisoformat(value) if value is not None and precision == "day" else None


def _dayless(text: str) -> bool:
    """Whether the expression names no day, week, month or year ("at 11:40 p.m.", "that morning")."""
    return _resolve(_lower(text), None, False)[1] == "none"


def _anchor(times: list[TimeValue], span: Span, text: str, quotes: list[tuple[int, int]]) -> TimeValue | None:
    """The nearest resolved day-or-finer time before the span, in its sentence or the previous sentence
    of the same paragraph ("A fire broke out late on Thursday. Crews were called at 11:40 p.m."); one
    inside a quotation only for a span inside the same one (a quoted "yesterday" is the speaker's, and
    the report's own "by 1300 GMT" after it is not on that day; a quote may go on from the report's day)."""
    quoted = _quote_at(quotes, span.start_char)
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
        if time.value and time.precision in DAY_OR_FINER and time.start < span.start_char \
                and _quote_at(quotes, time.start) in {None, quoted}:
            return time
    return None


def _quote_at(quotes: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    return next((q for q in quotes if q[0] <= at < q[1]), None)


def _rollover(anchor: TimeValue, text: str) -> int:
    """1 when a time late in the day is followed by one in the small hours ("late on Thursday … shortly
    after midnight", "at 11 p.m. … at 2 a.m."): that is the next day."""
    hour = int(anchor.value[11:13]) if anchor.precision in {"hour", "minute"} else None
    late = anchor.part_of_day in LATE_PARTS or (hour is not None and hour >= 18)
    lower = _lower(text)
    clock = CLOCK.search(lower) or HOURS_CLOCK.search(lower)
    before_dawn = clock is not None and int(_with_clock("", clock)[1:3]) < 6  # "2 a.m.", "0130 GMT"
    small = before_dawn or "after midnight" in lower or _part_of_day(lower) == "early hours"
    return int(late and small)


def normalize(text: str, published: date | None, future: bool = False, hours_clock: bool = False,
              scheduled: bool = False, nearest: bool = False) -> tuple[str | None, Precision, str | None] | None:
    """(value, precision, part of day) for one expression; None when it is no point in time.
    ``hours_clock``: four digits before "hours" are a clock time ("at 1400 hours", decided by the words
    before the expression), not a length of time. ``scheduled``: the day something is put on ("a trial date
    was set for October 28"), so a date without a year is not before the report. ``nearest``: a weekday that
    no verb's tense places ("the results of Tuesday's primaries will …") is the nearer one, ahead or behind."""
    lower = _lower(text)
    if AGE.search(lower):
        return None
    part = _part_of_day(lower)
    clocks = [m for m in (CLOCK.search(lower), HOURS_CLOCK.search(lower) if hours_clock else None) if m]
    clock = min(clocks, key=lambda m: m.start()) if clocks else None  # "1400 hours (1200 GMT)": the first
    day, precision = _resolve(lower, published, future, scheduled, nearest)
    if precision != "day" and part in {"late", "early"}:
        part = None  # "early March" is a month, not a part of a day
    if precision == "none":
        if DURATION.search(lower) and not clock or not TEMPORAL_WORD.search(lower):
            return None
        if published is not None and (clock or part):
            day, precision = published.isoformat(), "day"  # "at midday", "at 4 p.m.": the report's day
        else:
            return None, "unknown", part
    if day is None:
        return None, "unknown", part
    if precision == "day":
        if clock:
            return _with_clock(day, clock), ("minute" if _minute(clock) else "hour"), part
        if part:
            return day, "part-of-day", part
    return day, precision, part


def _lower(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _resolve(lower: str, published: date | None, future: bool, scheduled: bool = False, nearest: bool = False
             ) -> tuple[str | None, str]:
    """The date part: (ISO value, precision); precision "none" when nothing date-like is there."""
    for pattern in (ISO_DATE, NUMERIC_DATE):
        m = pattern.search(lower)
        if m:
            year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
            return _iso(year, int(m["month"]), int(m["day"])), "day"
    known = numeric_name(lower, published)
    if known is not None:  # "9/11": the 2001 attacks
        return known, "day"
    for pattern in (MONTH_DAY, DAY_MONTH):
        m = pattern.search(lower)
        if m and 1 <= int(m["day"]) <= 31:
            month = MONTHS[m["month"][:3]]
            if m["year"]:
                return _iso(int(m["year"]), month, int(m["day"])), "day"
            if published is None:
                return None, "day"
            known = None if scheduled or future else named_day(month, int(m["day"]), published)
            return known or _closest_year(published, month, int(m["day"]), scheduled), "day"
    m = MONTH_YEAR.search(lower)
    if m:
        return f"{m['year']}-{MONTHS[m['month'][:3]]:02d}", "month"
    m = YEAR_ONLY.search(lower)
    if m:
        return m["year"], "year"
    m = NEXT_DAY.search(lower)
    if m:  # ``published`` is already the day after the one told before (see ``_read``)
        return (published.isoformat(), "day") if published else (None, "day")
    m = DAY_WORD.search(lower) or THIS_PART.search(lower)
    if m:
        offset = DAY_WORDS.get(m.group(0), 0)
        return (_shift(published, offset), "day") if published else (None, "day")
    m = AGO.search(lower)
    if m:
        return _ago(published, m["n"], m["unit"]) if published else (None, "day")
    m = NAMED_WEEKDAY_LOWER.search(lower)
    if m:  # "super tuesday": the named day (see .named_days), not the weekday
        year = YEAR_BEFORE.search(lower, 0, m.start())
        return named_weekday(m.group(0), published, future or scheduled, int(year[1]) if year else None), "day"
    m = WEEKDAY.search(lower)
    if m:
        return (_weekday(published, m["weekday"], m["rel"], future, nearest), "day") if published else (None, "day")
    m = RELATIVE_UNIT.search(lower)
    if m:
        return _relative_unit(published, m["rel"], m["unit"]) if published else (None, "day")
    m = MONTH_ONLY.search(lower)
    if m:
        if published is None:
            return None, "month"
        month = MONTHS[m["month"][:3]]
        year = published.year
        if m["rel"] == "last" and month >= published.month or (
                m["rel"] not in {"last", "next", "this"} and not future and _month_behind(published, month)
                and not (scheduled and month - published.month <= VOTE_AHEAD)):
            year -= 1
        if m["rel"] == "next" or (future and month < published.month):
            year += 1
        return f"{year}-{month:02d}", "month"
    return None, "none"


def _month_behind(published: date, month: int) -> bool:
    """Whether a bare month with no year ("the convention in July") is last year's: the nearer of this year's
    and last year's, one ahead of the report counting double as for a day (news looks back). A month up to
    three ahead is this year's ("the July convention" in an April report), one further ahead last year's."""
    ahead = month - published.month
    return ahead > 0 and 2 * ahead >= 12 - ahead


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _shift(published: date, days: int) -> str:
    return (published + timedelta(days=days)).isoformat()


def _closest_year(published: date, month: int, day: int, scheduled: bool = False) -> str | None:
    """The year that puts a month and day nearest the report; a day something is put on ("a trial date was
    set for October 28") is not before the report. (The tense of the clause is no help: "was extended to
    Nov. 16", "declared a dividend payable Dec. 15" look ahead from a past tense.)"""
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day)) is not None]
    if scheduled:
        options = [d for d in options if d >= published] or options
    if not options:
        return None  # news looks back: a day ahead of the report must be twice as near as one behind
    return min(options, key=lambda d: (abs((d - published).days) * (2 if d > published else 1))).isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(published: date, name: str, rel: str | None, future: bool, nearest: bool = False) -> str:
    target = next(i for i, w in enumerate(WEEKDAYS) if w.startswith(name[:3]))
    back = (published.weekday() - target) % 7
    if nearest and rel is None and 2 * ((target - published.weekday()) % 7) < back:  # ahead counts double
        return _shift(published, (target - published.weekday()) % 7)
    if rel == "next" or rel == "coming":
        return _shift(published, (target - published.weekday()) % 7 or 7)
    if future and rel not in {"last", "past"}:  # "will meet on Friday" in a Friday report: that day
        return _shift(published, (target - published.weekday()) % 7)
    if rel in {"last", "past"} and back == 0:
        back = 7
    return _shift(published, -back)


def _ago(published: date, n: str, unit: str) -> tuple[str, str]:
    count = int(n) if n.isdigit() else VAGUE_COUNTS.get(n) or sum(SMALL[w] for w in re.split(r"[- ]", n))
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
    return bool(_group(clock, "minute") or _group(clock, "minute24") or _group(clock, "minute4"))


def _group(match: re.Match, name: str) -> str | None:
    return match.groupdict().get(name)


def _with_clock(day: str, clock: re.Match) -> str:
    if _group(clock, "hour4") is not None:  # "1750 GMT": the clock as written, the zone left out
        hour, minute = int(clock["hour4"]), int(clock["minute4"])
    elif clock["hour24"] is not None:
        hour, minute = int(clock["hour24"]), int(clock["minute24"])
    else:
        hour, minute = int(clock["hour"]) % 12, int(clock["minute"] or 0)
        if clock["ampm"].startswith("p"):
            hour += 12
    return f"{day}T{hour:02d}:{minute:02d}"


def _candidates(doc: Doc, text: str) -> list[tuple[int, int, bool]]:
    """(start, end, extra) character spans of time expressions: joined DATE/TIME entities plus regex hits
    they don't cover; ``extra`` marks hits of the TIMEX3-only patterns (durations, sets, "now" …)."""
    spans: list[tuple[int, int, bool]] = []
    clocks = [(s, e) for s, e, _ in _clock_spans(text)]
    # an entity the model ran over a line break ("11:45 AM PDT" + "Early Friday morning", a stamp and the
    # lead under it; "dies at 91" + "June 6, 2013") is one expression per line
    pieces = [piece for e in doc.ents if e.label_ in {"DATE", "TIME"} for piece in _lines(text, e.start_char, e.end_char)]
    for start, end in pieces:
        for s, e in clocks:  # "1750" tagged DATE and "GMT" ORG: one clock time
            if s < end and start < e:
                start, end = min(start, s), max(end, e)
                end = e if text[e:end] == "." else end  # "at 0600Z.": not the full stop
        if spans and end <= spans[-1][1]:
            continue
        if spans and _joinable(text, spans[-1][1], start, end):
            spans[-1] = (spans[-1][0], end, False)
        else:
            spans.append((start, end, False))
    covered = [(s, e) for s, e, _ in spans]
    found = [(s, e, False) for s, e in clocks]
    found += [(m.start(), m.end(), extra) for pattern, extra in ((EXTRA, False), (TIMEX_EXTRA, True))
              for m in pattern.finditer(text)]
    for start, end, extra in found:
        inside = [n for n, (s, e, _) in enumerate(spans) if start <= s and e <= end and (s, e) != (start, end)]
        if inside and not extra:  # "Late Sunday night" where the model tagged only "night": the whole phrase
            spans = [span for n, span in enumerate(spans) if n not in inside]
            covered = [c for c in covered if not (start <= c[0] and c[1] <= end)]
        if not any(s < end and start < e for s, e in covered):
            spans.append((start, end, extra))
            covered.append((start, end))
    spans.sort()
    return [(*_extend_left(text, s, e), extra) for s, e, extra in spans]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks, each piece without its outer spaces; empty pieces left out."""
    pieces = []
    for part in re.finditer(r"[^\n]+", text[start:end]):
        left, right = _strip_spaces(part.group(0))
        if right > left:
            pieces.append((start + part.start() + left, start + part.start() + right))
    return pieces


def _strip_spaces(piece: str) -> tuple[int, int]:
    return len(piece) - len(piece.lstrip()), len(piece.rstrip())


def _clock_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, hours) of 24-hour clock times written as four digits: before a time zone ("1750 GMT",
    "0900 local time"), or before "hours" after "at" and the like (``hours`` True: "at 1400 hours");
    not after a determiner ("a 2015 CT scan"). A zoned time in brackets after another clock time restates
    it and is one expression with it ("10:35 a.m. (0735 GMT)", "1353 (1023 GMT)")."""
    found = []
    for m in ZONED_CLOCK.finditer(text):
        start, end = m.span()
        local, close = CLOCK_BEFORE.search(text, max(0, start - 30), start), CLOSING.match(text, end)
        if local is not None and close is not None:
            start, end = local.start(), close.end()
        found.append((start, end, False))
    found += [(m.start("clock"), m.end("clock"), True) for m in MILITARY_CLOCK.finditer(text)]
    found += [(m.start(), m.end(), False) for m in TEXT_CLOCK.finditer(text)]
    merged: list[tuple[int, int, bool]] = []
    for start, end, hours in sorted(found):  # "1750 CET (1650 GMT)": two matches, one expression
        if DETERMINER_BEFORE.search(text, max(0, start - 8), start):
            continue
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2] or hours)
        else:
            merged.append((start, end, hours))
    return merged


def _split_ranges(text: str, spans: list[tuple[int, int, bool]], published: date | None
                  ) -> list[tuple[int, int, bool]]:
    """ "between 1994 and 1997", "March 3 to March 9": two expressions when both ends resolve alone; "the
    quarter ended Sept. 30": a period and the day it ended; "20 and 50 years ago": two times, the first count
    read with the second's unit (``_with_shared_tail``)."""
    result = []
    for start, end, extra in spans:
        shared = SHARED_AGO.fullmatch(text, start, end)
        if shared:
            result.extend([(shared.start("a"), shared.end("a"), extra), (shared.start("b"), shared.end("b"), extra)])
            continue
        m = ENDED.match(text, start, end) or RANGE.match(text, start, end)
        if m and (m.re is ENDED or all(_resolve(m[g].lower(), published, False)[0] for g in ("a", "b"))):
            result.extend([(m.start("a"), m.end("a"), extra), (m.start("b"), m.end("b"), extra)])
        else:
            result.append((start, end, extra))
    return result


def _with_shared_tail(full: str, start: int, end: int) -> str:
    """The words read for the expression at [start, end): the expression, or for the first of two counts under
    one "ago" split by ``_split_ranges`` ("20" of "20 and 50 years ago") the count with the unit and "ago" of
    the second ("20 years ago")."""
    text = full[start:end]
    shared = SHARED_TAIL.match(full, end) if re.fullmatch(COUNT, text, re.IGNORECASE) else None
    return f"{text} {shared['tail']}" if shared else text


def _joinable(text: str, previous_end: int, start: int, end: int) -> bool:
    """ "10:30 a.m." + "on" + "Tuesday", "Friday" + "night": one expression."""
    between = text[previous_end:start].strip().lower()
    if "\n" in text[previous_end:start]:
        return False  # a stamp line and the lead under it: two expressions
    if between not in {"", "on", ",", "of", "at"} or start - previous_end > 5 or text[previous_end - 1] == ")":
        return False  # "10:35 a.m. (0735 GMT) Friday": a bracket ends the expression
    lower = text[start:end].lower()  # "late on Thursday, more than two hours before": no duration joins a date
    return not (DURATION.search(lower) and _resolve(lower, None, False)[1] == "none")


def _extend_left(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in "the early hours of" / "early" / "late" / "every" right before the expression, and the day
    before a month the model left out ("12 March 2013", "the 5th of May" tagged from the month on)."""
    match = LEFT_PART.search(text, max(0, start - 40), start) or EVERY.search(text, max(0, start - 12), start)
    if match is None and MONTH_FIRST.match(text, start, end):
        match = DAY_BEFORE.search(text, max(0, start - 16), start)
    if match:
        start = match.start()
    while text[start:end].lower().startswith(("on ", "in ", "at ", "by ", "since ")):
        start = text.index(" ", start) + 1
    return start, end


def _is_future(span: Span | None, text: str, start: int) -> bool:
    """Whether the expression looks ahead: "as soon as Friday", a day declared or planned ("declared
    Monday a day of mourning"), or a governing verb that is future or modal ("will meet", "may reopen",
    "would begin lifting"), unless perfect ("could have sunk")."""
    lead = FUTURE_LEAD.search(text, max(0, start - 30), start)
    if lead and not (lead.group(0).lower().startswith("until") and _told_as_past(span)):
        return True  # "stays shut until Friday"; not "kept going until 2 a.m. Friday"
    if span is None:
        return False
    if FUTURE_INSIDE.match(span.text):
        return True
    tok: Token = span.root
    if _designated(tok) or _scheduled(tok):
        return True
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"}:
            if _looks_ahead(tok) or _present_for_future(tok):
                return True
            if not (tok.tag_ in {"VBG", "VBN"} and tok.dep_ in NOUN_LIKE_DEPS):
                return False  # a clause's own verb decides; a gerund ("reopen to shipping") does not
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _present_for_future(verb: Token) -> bool:
    """A present-tense verb in a clause of time or condition under a verb that looks ahead ("when the board
    meets on Saturday, the mayor will present …", "if it gathers Tuesday, the levy will pass"): English tells
    the future there in the present, so its day lies ahead."""
    if verb.tag_ not in {"VBZ", "VBP"} or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    if not any(c.dep_ in {"advmod", "mark"} and c.lower_ in TIME_CONDITION_WORDS and c.i < verb.i
               for c in verb.children):
        return False
    head = verb.head
    return head.tag_ == "MD" or _looks_ahead(head)  # "there will no one …": the parser made a verb of "will"


def _told_as_past(span: Span | None) -> bool:
    """Whether the expression ends something that went on, told in the simple past ("kept going until 2
    a.m. Friday", "stayed until Thursday"): a past day. Not a deadline given or moved ("extended its deadline
    until Tuesday", "gave them until November"), which lies ahead whatever the tense."""
    tok = span.root if span is not None else None
    for _ in range(5):
        if tok is None:
            return False
        if tok.pos_ in {"VERB", "AUX"} and not (tok.dep_ == "xcomp" and tok.tag_ in {"VBG", "VB"}):
            return (tok.tag_ == "VBD" and tok.lemma_.lower() in LASTING_VERBS
                    and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children))
        tok = tok.head if tok.head.i != tok.i else None  # "kept going until …": "kept" tells the tense
    return False


def _untensed_weekday(tok: Token) -> bool:
    """A weekday on a noun that no verb's tense places: in the subject of a future verb ("the results of
    Tuesday's primaries will force …", "her victories on Tuesday will …"), after "before" ("days before
    Tuesday's primary"), or under a verb in the simple present ("holds a lead in Tuesday's primary"). A past
    verb still places it ("won Tuesday's primary", "the shock of the Friday attacks wore off"), and so does a
    future one on its object ("will do well in Tuesday's primary")."""
    if tok.lower_ not in WEEKDAYS:
        return False
    if _dates_the_noun_before(tok):
        return True
    if tok.dep_ in {"poss", "compound", "npadvmod"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        noun = tok.head
    elif tok.dep_ == "pobj" and tok.head.pos_ == "ADP" and tok.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = tok.head.head
    else:
        return False
    before = tok.dep_ == "pobj" and tok.head.lower_ == "before"
    subject = False
    for _ in range(6):
        if noun.pos_ in {"VERB", "AUX"}:
            present = noun.tag_ in {"VBZ", "VBP"} and not any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ not in {"do", "does"} for c in noun.children)
            return before or present or subject and _looks_ahead(noun)
        subject = subject or noun.dep_ in {"nsubj", "nsubjpass"}
        before = before or noun.lower_ == "before" and noun.pos_ == "ADP"
        if noun.head.i == noun.i:
            break
        noun = noun.head
    return before or subject


def _dates_the_noun_before(tok: Token) -> bool:
    """ "spending before the Dunmore primary on Tuesday": "on" + weekday right behind the object of "before"
    dates that object, as "before Tuesday's primary" does, wherever the parser hangs the "on"."""
    preposition = tok.head
    if not (tok.dep_ == "pobj" and preposition.lower_ == "on" and preposition.i == tok.i - 1 and preposition.i > 0):
        return False
    noun = tok.doc[preposition.i - 1]
    return (noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "pobj" and noun.head.lower_ == "before"
            and noun.head.pos_ == "ADP")


def _names_a_vote(tok: Token) -> bool:
    """ "the November election", "the June ballot", "up for re-election in November": a month naming a vote
    (on the vote noun, or after "in" right behind one, wherever the parser hangs the "in", unless a past verb
    tells it: "won re-election in November"), which up to ``VOTE_AHEAD`` months ahead is the one to come, not
    last year's as another bare month five or more ahead is."""
    if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lemma_.lower() in VOTE_NOUNS:
        return True
    preposition = tok.head
    if not (tok.dep_ == "pobj" and preposition.lower_ == "in" and preposition.i == tok.i - 1 and preposition.i > 0
            and tok.doc[preposition.i - 1].lemma_.lower() in VOTE_NOUNS):
        return False
    verb = _nearest_verb(tok)
    return verb is None or verb.tag_ not in {"VBD", "VBN"}


def _in_subject(tok: Token) -> bool:
    """Whether the expression is inside the subject of its clause ("the results of Tuesday's primaries
    will …"): the clause's verb does not place it."""
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return False
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            return True
        tok = tok.head
    return False


def _scheduled(tok: Token) -> bool:
    """ "a trial date was set for October 28", "postponed to June 8", "penciled in for October": the day a
    happening is put on lies ahead of the putting, whatever the tense. Not a participle describing a noun ("an
    inspection, scheduled for February 20, was cancelled"): that tells the day it had, which may be past."""
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ in {"for", "to", "until", "till"} and prep.head.i != prep.i
            and prep.head.lemma_.lower() in SCHEDULE_VERBS and prep.head.dep_ != "acl")


def _designated(tok: Token) -> bool:
    """ "declared Monday a day of mourning", "made Friday a holiday": the day is named, and lies ahead."""
    head = tok.head
    return (tok.dep_ in {"dobj", "nsubj", "oprd", "npadvmod"} and head.lemma_.lower() in DESIGNATE_VERBS
            and any(c.i > tok.i and (c.dep_ == "oprd" or c.lemma_.lower() in DAY_NOUNS)
                    for c in (*head.children, *tok.children)))


def _passive_infinitive_on_noun(verb: Token, auxes: set[str]) -> bool:
    """ "a report to be released on Friday", "an address, to be delivered Wednesday": what is yet to be done.
    The parser hangs it on the noun (acl, relcl) or, after a comma, on the clause (advcl)."""
    if not {"to", "be"} <= auxes or verb.dep_ not in {"acl", "relcl", "advcl"}:
        return False
    first = min((c.i for c in verb.children if c.dep_ == "aux"), default=verb.i)
    if verb.dep_ == "advcl":
        return first > 0 and verb.doc[first - 1].text == ","
    return (verb.head.pos_ in {"NOUN", "PROPN"}
            and not any(c.lower_ in RANK_WORDS for c in verb.head.children))


def _has_planned(verb: Token) -> bool:
    """ "has a speech scheduled", "have talks planned": a present "have" whose object a plan participle
    describes holds a happening still ahead."""
    return verb.lemma_.lower() == "have" and verb.tag_ in {"VBZ", "VBP"} and any(
        c.dep_ == "dobj" and any(g.dep_ == "acl" and g.lower_ in PLAN_PARTICIPLES for g in c.children)
        for c in verb.children)


def _looks_ahead(verb: Token) -> bool:
    """A verb with a future or modal auxiliary (not perfect: "could have sunk"), a planned happening
    ("is scheduled for Monday"), or an infinitive under either ("would begin lifting them", "promised to
    publish", "would be able to hold on", "it will be hard for him to win")."""
    for _ in range(3):
        auxes = {c.lower_.replace("’", "'") for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & FUTURE_AUX and "have" not in auxes:
            return True
        if _passive_infinitive_on_noun(verb, auxes):
            return True
        if verb.lower_ in PLAN_PARTICIPLES or _has_planned(verb):
            return True
        infinitive = "to" in auxes and verb.tag_ == "VB"  # "would be able to hold on", "it will be hard to win"
        if not (verb.dep_ == "xcomp" or infinitive and verb.dep_ == "advcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.lemma_.lower() in PLAN_VERBS:
            return True
        if infinitive and verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.i != verb.i:
            verb = verb.head  # "able to": the verb the adjective is on
        if verb.lemma_.lower() in PLAN_VERBS:
            return True
    return False
