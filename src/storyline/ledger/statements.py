"""Statements on the timeline: an event that is a named speaker's speech act, dated by its speech verb ("Ana
Ruiz said on Tuesday that …", "the port authority announced Monday …"), and who made it.

Why: outlets tell one speaker's statement in their own words ("Ruiz said on Tuesday that the bridge …",
"Ruiz announced Tuesday that repairs …"), so their descriptions share too few words for the timeline to join
them, and their sentence vectors sit apart because what was said is told differently. The speaker and the day
are what the outlets agree on: one speaker's statement on one day is one happening (``timeline._by_speaker``).
Unless a setting is named on one side and not the same on the other: a candidate tweets in the morning and
speaks at a rally at night, so "Ruiz claimed on Tuesday that …" and "'…,' Ruiz said at a Tuesday rally" may be
two appearances (``statement_setting``).

A statement can also be told as a noun with its holder and its day ("listening to Ruiz's statement on Tuesday",
"Ruiz's Tuesday briefing", "a statement by Ruiz on Tuesday"): ``noun_statement`` reads who made it and in
what setting, so it joins the verb's entry of that speaker and day.
"""

from __future__ import annotations

import re

from ..extract.source_words import OCCASIONS, SENT_THINGS, SPEECH_NOUNS
from ..link.agreement import name_words
from ..link.restatement import NAMED
from ..model import Event, Extraction

SETTINGS = frozenset(OCCASIONS | SENT_THINGS)  # where or through what a speaker speaks: a rally, a tweet
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
# occasions several people speak at: "Ruiz's debate" or "Ruiz's hearing" does not make Ruiz the one who spoke
SHARED_OCCASIONS = frozenset({"meeting", "event", "hearing", "session", "debate", "forum", "ceremony"})
# nouns that name one speaker's statement ("Ruiz's remarks", "Ruiz's news conference", "Ruiz's tweet")
STATEMENT_EVENTS = frozenset(SPEECH_NOUNS | OCCASIONS) - SHARED_OCCASIONS
_NOUN = "|".join(sorted(STATEMENT_EVENTS, key=len, reverse=True))
_MODIFIER = r"(?:[\w-]+\s+){0,2}"  # up to two words between holder and noun: "Ruiz's surprise news conference"
# "Ruiz's (…) statement(s)": the holder is the possessive word
_POSSESSED = re.compile(rf"(?P<holder>[A-Z][\w.-]*)['’]s\s+{_MODIFIER}(?P<noun>{_NOUN})s?\b")
# "a statement (issued) by (the) Ruiz": the holder is the capitalised words after "by"
_BY = re.compile(rf"\b(?P<noun>{_NOUN})s?\s+(?:[a-z]+\s+)?by\s+(?:the\s+)?(?P<holder>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)")
TIME_GAP = 4  # characters a time may stand after the noun phrase and still date it: "statement on Tuesday"


def statement_setting(event: Event, extraction: Extraction) -> frozenset[str]:
    """The setting nouns (``SETTINGS``) the event's description names besides what was said: "'…,' Ruiz said at
    a Tuesday rally" → {"rally"}; "Ruiz said on Tuesday that …" → none."""
    said = set(_words(extraction.mentions[event.mention].text)) if event.mention is not None else set()
    return frozenset(w for w in _words(event.description) if w in SETTINGS and w not in said)


def _words(text: str) -> list[str]:
    """Lower-case words, a plural setting noun as its singular ("rallies" stays, "briefings" → "briefing")."""
    return [w[:-1] if w.endswith("s") and w[:-1] in SETTINGS else w for w in _WORD.findall(text.lower())]


def statement_speaker(event: Event, extraction: Extraction) -> frozenset[str] | None:
    """The words of the speaker's name (``agreement.name_words``) when the event is a named source's statement
    dated by its speech verb: it sits in a mention credited to a person or organisation, its description holds
    the mention's cue, and its time lies outside what was said and not beyond it from the verb ("Ruiz said on
    Tuesday that …", "'…,' Ruiz said at a Tuesday briefing"; not "Ruiz said the bridge closed on Tuesday" nor
    "Ruiz has called the bridge unsafe and leads the count in Tuesday's vote", where the time dates
    something else). None otherwise."""
    if event.mention is None or event.mention >= len(extraction.mentions):
        return None
    mention = extraction.mentions[event.mention]
    if mention.source.kind not in NAMED or mention.cue_span is None:
        return None
    cue_start, cue_end = mention.cue_span
    if not (event.start <= cue_start and cue_end <= event.end):
        return None
    time = event.time
    if mention.start <= time.start < mention.end:
        return None
    if cue_end <= mention.start and mention.end <= time.start or time.end <= mention.start and mention.end <= cue_start:
        return None  # what was said stands between the verb and the time, which dates something after it
    return name_words(mention.source.name) or None


def noun_statement(event: Event) -> tuple[frozenset[str], frozenset[str]] | None:
    """The speaker's name words (``agreement.name_words``) and the setting of a statement the event's
    description names as a noun with its holder, when the event's time dates that noun: the holder is one of
    the event's actors, named by a possessive ("Ruiz's statement", "Ruiz's Tuesday briefing") or after "by"
    ("a statement by Ruiz"), and the time stands inside the noun phrase or right after it ("… Ruiz's statement
    on Tuesday"; not "on Sunday, Lee clarified Ruiz's comment", where Sunday dates Lee's words). The setting
    is the noun when it names an occasion or a sent thing ("briefing", "tweet"), none for the speech act
    itself ("remarks", "statement": they do not say which of the day's appearances). None otherwise."""
    for match in list(_POSSESSED.finditer(event.description)) + list(_BY.finditer(event.description)):
        speaker = _holder(match.group("holder"), event.actors)
        if speaker is None or not _dates(event, match.start(), match.end()):
            continue
        noun = match.group("noun").lower()
        setting = frozenset({noun}) & (SETTINGS - {"statement"})
        return speaker, setting
    return None


def _holder(words: str, actors: list[str]) -> frozenset[str] | None:
    """The name words of the actor the holder's words name ("Ruiz" → "Ana Ruiz"), or None when none does; the
    longest leading words that name one ("by Ruiz Tuesday": "Ruiz")."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        held = name_words(" ".join(parts[:size]))
        for actor in actors:
            named = name_words(actor)
            if held and held <= named:
                return named
    return None


def _dates(event: Event, start: int, end: int) -> bool:
    """Whether the event's time stands in the description's span [start, end) or at most TIME_GAP characters
    after it (offsets in the report: the description starts at the event's start). False when the description
    is not the report's text between the event's offsets ("Ruiz … said": words left out), so offsets cannot
    be read from it."""
    if len(event.description) != event.end - event.start:
        return False
    begin, finish = event.start + start, event.start + end
    return begin <= event.time.start < finish or 0 <= event.time.start - finish <= TIME_GAP
