"""Whether a plural noun phrase can be who "they" are when "they" say something: people or bodies, not things.

"The port's results were poor. They said the dredging was to blame": "they" is not the results. A speaker
taken up by "they" is a group of people ("dockers", "officials", "protesters", "Republicans") or an
organisation; the subjects a report passes on the way ("results", "wages", "efforts", "polls", "those
decisions") are not. Read from the head word: a name or a named group, a noun of the lexicons that name
people or bodies (``source_words``), or a noun formed as an agent ("-er", "-ist", "-ian", "-ant", "-ent" but
not "-ment"). Documents and polls speak through their issuer, not as "they".
"""

from __future__ import annotations

from spacy.tokens import Token

from .source_words import FAMILY, ORG_HEADS, PERSON_ROLES, ROLE_NOUNS, STATEMENT_NOUNS, UNNAMED_HEADS

PEOPLE = {"people", "man", "woman", "child", "kid", "youth", "millennial", "liberal", "moderate", "evangelical",
          "progressive", "conservative", "independent", "hand", "crowd", "public", "audience", "staff", "family",
          "team", "couple", "pair", "folk", "colleague", "ally", "peer", "elite", "rival", "percent", "associate",
          "advocate", "affiliate", "graduate", "candidate", "delegate"}
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "crat")
DOCUMENTS = STATEMENT_NOUNS | {"poll", "survey", "study", "document", "record", "account", "rumor", "data", "report"}


def can_speak_as_they(tok: Token) -> bool:
    """Whether the phrase headed by ``tok`` may be the antecedent of a speaking "they"."""
    if tok.pos_ in {"PROPN", "PRON"} or tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    lemma = tok.lemma_.lower()
    if lemma in DOCUMENTS:
        return False
    if lemma in PEOPLE | UNNAMED_HEADS | ROLE_NOUNS | PERSON_ROLES | ORG_HEADS | FAMILY:
        return True
    return lemma.endswith(AGENT_ENDINGS) and not lemma.endswith("ment")


def document_head(tok: Token) -> Token | None:
    """The head noun of the phrase ``tok`` is in when that phrase is a document or a poll, a name before it
    only modifying it ("a new Veyra Tribune poll": a poll, not the paper); else None."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
        tok = tok.head
    return tok if tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENTS else None
