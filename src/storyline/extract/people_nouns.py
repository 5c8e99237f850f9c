"""One-word names a report uses as a kind of person: a people's or a group's noun ("a wise Kelvarina", "a
Kelvarina woman"), which the small tagger often calls an organisation.

A name of a body or a person does not take the indefinite article as the head of its phrase, nor stand as an
adjective before a word for a person; a people's noun does both ("as a Kelvarina", "a Kelvarina judge"). A
name needs both uses in the same report: the article alone also comes before a product ("an Uber"), and a
company's name modifying a person noun ("an Uber driver") is a compound noun, not an adjective.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .role_heads import person_noun

INDEFINITE = frozenset(("a", "an"))


def _with_article(tok: Token) -> bool:
    """ "a wise Kelvarina", "as a Kelvarina": the word heads its phrase, which opens with "a"/"an"."""
    return tok.pos_ in {"PROPN", "NOUN"} and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children)


def _before_person(tok: Token) -> bool:
    """ "a Kelvarina woman": the word read as an adjective of a noun for a person."""
    return tok.dep_ == "amod" and tok.tag_ == "JJ" and tok.head.i > tok.i and person_noun(tok.head, agents=False)


def is_people_noun(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """Whether a one-word name, given the character offsets of its mentions, is a people's noun: one mention
    with "a"/"an" heading its phrase and one read as an adjective of a person noun."""
    tokens = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        tokens.append(span[0])
    return any(_with_article(t) for t in tokens) and any(_before_person(t) for t in tokens)
