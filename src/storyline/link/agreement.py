"""Whether two mentions can state the same proposition: nothing they say may disagree.

Sentence vectors say two mentions are *about* the same thing; they do not say the two agree ("12 dead" and
"40 dead", "the tanker sank" and "the tanker did not sink" sit close together). Before two mentions join one
claim, these checks must all pass:

- entities: when both name actors (people, organisations, groups) or both name places, at least one on each
  side is the same referent ("Brandt" and "Ivo Brandt" are; "Eastern Docks" and "Western Docks" are not;
  "the U.K." and "the United Kingdom", "the NTSB" and "the National Transportation Safety Board", "Velorans"
  and "Veloran" are too: outlets abbreviate and inflect the same name differently);
- figures: for every unit both give, some value of one falls in a range of the other (an
  approximation or a bound allows a little more than its number: "more than $915 million" and "$916
  million" agree; "at least 12" and "40" do not);
- dates: resolved dates must fit one another ("2025-03" fits "2025-03-14"); without resolved dates on both
  sides, weekday names must;
- polarity: both contested (denied/disputed by their source) or neither, and both negated or neither unless
  they quote the same distinctive words (a "not" elsewhere does not reverse a quotation) or are one speaker's
  wordings that are not near-identical (``claims.NEGATION_NEAR``);
- states: when both say what became of people (missing, dead, injured, safe, arrested, freed), at least one
  state is the same ("three firefighters were missing" and "three firefighters were among the dead" are two
  claims, however alike their words).

What one mention leaves out never disagrees: a date, a figure, a name or a state given on one side only is
compatible with the other.

A mention's facts come from its report's ``Extraction`` (entities, figures, times inside the mention's
span); without an extraction, from its words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..extract.figure_values import value_range
from ..model import Extraction, Mention

# the lexical key, read at call time: claims imports this module too
from . import claims

ACTORS = frozenset({"PERSON", "ORG", "NORP"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# "one" is left out: "no one", "one of them" say no count
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], start=2)}
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
NAME_WORD = re.compile(r"[a-z0-9]+")
NAME_STOPWORDS = frozenset({"the", "of", "s", "and", "for"})
DOTTED = re.compile(r"\b[a-z](?:\.[a-z])+\b\.?")  # "u.s.", "u.k": initials written with dots
# what became of people: mutually exclusive states, by the words that say them
STATES = {
    **dict.fromkeys(("missing", "unaccounted", "disappeared"), "missing"),
    **dict.fromkeys(("dead", "killed", "died", "deaths", "bodies", "fatalities"), "dead"),
    **dict.fromkeys(("injured", "wounded", "hurt", "injuries"), "injured"),
    **dict.fromkeys(("rescued", "survived", "survivors", "alive", "unharmed", "safe"), "safe"),
    **dict.fromkeys(("arrested", "detained"), "arrested"),
    **dict.fromkeys(("released", "freed"), "freed"),
}
# the reasons two mentions disagree that make them a conflict worth showing, not merely two claims
CONFLICTS = frozenset({"figures", "dates", "polarity"})


@dataclass(frozen=True)
class Facts:
    """What a mention commits to, in comparable form."""

    actors: frozenset[frozenset[str]] = frozenset()  # each name as its set of words
    places: frozenset[frozenset[str]] = frozenset()
    figures: frozenset[tuple[str, float, float]] = frozenset()  # (unit, low, high); unit "" when none
    dates: frozenset[str] = frozenset()  # ISO dates, to day precision at most
    weekdays: frozenset[str] = frozenset()
    negated: bool = False
    contested: bool = False
    states: frozenset[str] = frozenset()  # what became of people (``STATES``)

    def merged(self, other: Facts) -> Facts:
        """The facts of a claim that holds both (they agree, so polarity is shared)."""
        return Facts(self.actors | other.actors, self.places | other.places, self.figures | other.figures,
                     self.dates | other.dates, self.weekdays | other.weekdays, self.negated, self.contested,
                     self.states | other.states)


def name_words(name: str) -> frozenset[str]:
    """A name as comparable words: lower case, no article, no possessive, initials without their dots ("U.S."
    → "us", not "u" and a dropped "s"), each word singular ("Muslims" → "muslim": a group and its members)."""
    text = DOTTED.sub(lambda m: m.group().replace(".", ""), name.lower().replace("’", "'"))
    return frozenset(_singular(w) for w in NAME_WORD.findall(text) if w not in NAME_STOPWORDS)


def _singular(word: str) -> str:
    """A plural -s dropped, enough to meet the singular ("velorans", "veloran"); both sides go through it."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def text_facts(text: str, contests: bool = False) -> Facts:
    """Facts read from the words alone: numbers (unit-less), weekday names and polarity (``contests``: the
    mention itself denies or disputes, as opposed to being what someone else contests)."""
    key = claims.content_key(text)
    lowered = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    numbers = set(key.numbers) | {NUMBER_WORDS[w] for w in lowered & NUMBER_WORDS.keys()}
    figures = frozenset(("", float(n), float(n)) for n in numbers if _is_number(n))
    return Facts(figures=figures, weekdays=frozenset(lowered & WEEKDAYS), negated=key.negated,
                 contested=contests, states=frozenset(STATES[w] for w in lowered & STATES.keys()))


def report_facts(extraction: Extraction) -> list[Facts]:
    """The facts of every mention of one report, in mention order (one pass over sorted spans)."""
    entities = sorted((s, e.type, name_words(e.name)) for e in extraction.entities for s, _ in e.spans)
    figures = sorted((f.start, f) for f in extraction.figures)
    times = sorted((t.start, t) for t in extraction.times if t.value)
    starts = ([s for s, *_ in entities], [s for s, _ in figures], [s for s, _ in times])
    return [_facts(m, entities, figures, times, starts) for m in extraction.mentions]


def mention_facts(mention: Mention, extraction: Extraction | None) -> Facts:
    """The facts of one mention, from its report's extraction when there is one."""
    if extraction is None:
        return text_facts(mention.text, mention.relation is not None)
    single = Extraction(mentions=[mention], entities=extraction.entities, figures=extraction.figures,
                        times=extraction.times)
    return report_facts(single)[0]


def _facts(mention: Mention, entities, figures, times, starts) -> Facts:
    base = text_facts(mention.text, mention.relation is not None)
    inside = [slice(bisect_left(s, mention.start), bisect_left(s, mention.end)) for s in starts]
    found = entities[inside[0]]
    actors = frozenset(words for _, kind, words in found if kind in ACTORS and words)
    places = frozenset(words for _, kind, words in found if kind in PLACES and words)
    own = [f for _, f in figures[inside[1]]]
    numbers = frozenset((_unit(f.unit), *value_range(f)) for f in own) if own else base.figures
    dates = frozenset(m.group() for _, t in times[inside[2]] if (m := DATE.match(t.value)))
    return Facts(actors, places, numbers, dates, base.weekdays, base.negated, base.contested, base.states)


def disagreement(a: Facts, b: Facts, quoted: bool = False) -> str | None:
    """Why two mentions cannot be the same claim ("polarity", "figures", "dates", "entities", "states"), or
    None. A contest disagrees first; then a figure or a date given otherwise (which says more than a negation
    somewhere in a long content: "found no faults in May" and "passed in April" differ on the month); then a
    negation, unless ``quoted``: the two quote the same distinctive words, and a "not" elsewhere in one of them
    does not reverse what they quote ("you aren't just a loser, you are a liar" and that he is a "loser")."""
    if a.contested != b.contested:
        return "polarity"
    if figures_disagree(a, b):
        return "figures"
    if dates_disagree(a, b):
        return "dates"
    if a.negated != b.negated and not quoted:
        return "polarity"
    if entities_disagree(a, b):
        return "entities"
    if a.states and b.states and not a.states & b.states:
        return "states"
    return None


def entities_disagree(a: Facts, b: Facts) -> bool:
    """Both name actors (or both places) and no name of one is a name of the other."""
    return any(x and y and not any(_same_name(p, q) for p in x for q in y)
               for x, y in ((a.actors, b.actors), (a.places, b.places)))


def figures_disagree(a: Facts, b: Facts) -> bool:
    """Some unit both give has no value of one inside a range of the other."""
    units = {u for u, _, _ in a.figures} & {u for u, _, _ in b.figures}
    return any(
        not any(lo <= hi2 and lo2 <= hi for u1, lo, hi in a.figures if u1 == unit
                for u2, lo2, hi2 in b.figures if u2 == unit)
        for unit in units
    )


def dates_disagree(a: Facts, b: Facts) -> bool:
    """Resolved dates that do not fit one another; without them on both sides, different weekdays."""
    if a.dates and b.dates:
        return not any(x.startswith(y) or y.startswith(x) for x in a.dates for y in b.dates)
    return bool(a.weekdays and b.weekdays and not a.weekdays & b.weekdays)


def _same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """One name's words within the other's, or one is the other's initials ("us", "united states")."""
    return a <= b or b <= a or _initials(a, b) or _initials(b, a)


def _initials(short: frozenset[str], full: frozenset[str]) -> bool:
    """Is ``short`` one word made of the first letters of ``full``'s words (two or more)? Names are sets of
    words, so the letters are compared in any order: "ntsb" and "national transportation safety board"."""
    if len(short) != 1 or len(full) < 2:
        return False
    word = next(iter(short))
    return len(word) == len(full) and word.isalpha() and sorted(word) == sorted(w[0] for w in full)


def _unit(unit: str | None) -> str:
    """The head word of a figure's unit, singular ("crew members" → "member")."""
    words = (unit or "").lower().split()
    return claims.stem(words[-1]) if words else ""


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
