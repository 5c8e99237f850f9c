"""Statements on the timeline: an event that is a named speaker's speech act, dated by its speech verb ("Ana
Ruiz said on Tuesday that …", "the port authority announced Monday …"), and who made it.

Why: outlets tell one speaker's statement in their own words ("Ruiz said on Tuesday that the bridge …",
"Ruiz announced Tuesday that repairs …"), so their descriptions share too few words for the timeline to join
them, and their sentence vectors sit apart because what was said is told differently. The speaker and the day
are what the outlets agree on: one speaker's statement on one day is one happening (``timeline._by_speaker``).
Unless a setting is named on one side and not the same on the other: a candidate tweets in the morning and
speaks at a rally at night, so "Ruiz claimed on Tuesday that …" and "'…,' Ruiz said at a Tuesday rally" may be
two appearances (``statement_setting``).
"""

from __future__ import annotations

import re

from ..extract.source_words import OCCASIONS, SENT_THINGS
from ..link.agreement import name_words
from ..model import Event, Extraction

NAMED = frozenset({"person", "organization"})  # sources whose name says who speaks (linking by speaker)
SETTINGS = frozenset(OCCASIONS | SENT_THINGS)  # where or through what a speaker speaks: a rally, a tweet
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


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


def same_speaker(one: frozenset[str], other: frozenset[str]) -> bool:
    """One speaker named twice: one name's words within the other's ("Comey", "James B. Comey"), as claim
    linking compares speakers."""
    return one <= other or other <= one
