"""What a report's lead says of its own event: the people and places it names, and its figures (issue 16).

Two events of one topic (two actresses checking into rehab, two earthquakes, two title fights) share most
words; their reports differ in who, where and how many, and say so up front. Only the lead counts (the first
sentences): a name or a figure deep in a text is background as often as not.

Names come from spaCy's entity recognizer over the lead's sentences that are not headlines: a Title-Case line
("Senator Vows To Fight On") makes every word look like a name. Each name is kept as the entity term of its
last word (``e:reid`` for "Tara Reid", ``e:veyra`` for "Port Veyra"), the form the story terms already hold
(``link/stories.py``), so a name can be looked up in a story's or a report's terms. Figures are the number
terms of the title and lead (``#7.1``, ``#42``) other than years, which ``link/joining.py`` weighs apart.
"""

from __future__ import annotations

import re

from .stories import LEAD_SENTENCES, lead, terms

KINDS = ("PERSON", "GPE")  # a place is spaCy's GPE: countries, cities, states
YEARS = frozenset(f"#{year}" for year in range(1950, 2040))  # the number terms read as years (``#2011``)
PIECES = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def headline(sentence: str) -> bool:
    """A Title-Case line: most of its longer words capitalized (or none at all)."""
    words = [w for w in WORD.findall(sentence) if len(w) > 3]
    return not words or sum(w[0].isupper() for w in words) > 0.6 * len(words)


def lead_sentences(text: str) -> str:
    """The text's first sentences (one more than the lead, in case the first is a headline), headlines left
    out."""
    pieces = [p for p in PIECES.split(text.strip()) if p.strip()][:LEAD_SENTENCES + 1]
    return " ".join(p for p in pieces if not headline(p))


def name_term(name: str) -> str | None:
    """``e:`` plus the last word of a name, lower-cased, a possessive dropped."""
    words = NAME_WORD.findall(name)
    if not words:
        return None
    last = re.sub(r"['’]s?$", "", words[-1].lower())
    return f"e:{last}" if last else None


def lead_facts(text: str, title: str | None = None) -> dict[str, list[str]]:
    """The lead's people (``PERSON``) and places (``GPE``) as entity terms, and its figures (``FIGURES``)."""
    from ..extract.nlp import load_nlp

    facts: dict[str, set[str]] = {kind: set() for kind in KINDS}
    body = lead_sentences(text)
    if body:
        nlp = load_nlp()
        with nlp.select_pipes(enable=["ner"]):  # the small model's recognizer has its own token vectors
            doc = nlp(body)
        for entity in doc.ents:
            if entity.label_ in facts and (term := name_term(entity.text)):
                facts[entity.label_].add(term)
    figures = {t for t in terms(lead(text, title)) if t.startswith("#") and t not in YEARS}
    return {**{kind: sorted(found) for kind, found in facts.items()}, "FIGURES": sorted(figures)}
