"""What the source resolver knows of one report, as a plain record, and where things are in it.

``SourceState`` holds the parse, the report's entities and quotes, the antecedent candidates gathered so far
(names, subjects and the sources already resolved, in text order) and the caches of persons' roles, genders
and family names. The resolver's modules (``pronoun_antecedents``, ``person_names``, ``role_people``,
``bodies_before``, ``issuers``) are plain functions over it; where they must name a noun phrase they call
back through the record (``named``, ``noun_phrase``, ``one_noun_phrase``, filled in by ``sources``), so
none of them imports the resolver. The functions here only look things up: the entity at a place, the
persons named in a stretch, the root of a name, where a phrase may start, earlier words of a kind.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Entity, Source
from .quotes import QuoteIndex
from .source_phrases import PersonRoles, paragraph_start


@dataclass
class SourceState:
    """One report as the resolver reads it. ``cands``: antecedent candidates in text order, (position, kind,
    plural, Source), with ``cand_pos`` their positions; ``salient``: where a person named as a subject or a
    resolved source starts ("Ana Ruiz, an aide to Mr. Bo, says he …": "he" is Ana Ruiz); ``heads``: where a
    remembered source starts → its head; ``ready``: the candidates are gathered, so pronouns may be resolved.
    ``roles``, ``genders`` and ``families`` (a given name's entity → given and family name) are read once,
    when first asked."""

    doc: Doc
    entities: list[Entity]
    quotes: QuoteIndex
    dateline: tuple[int, int]
    named: Callable[[Token], Source]  # a noun phrase (not a pronoun) by its name (``SourceResolver._named``)
    noun_phrase: Callable[[Token], Source]  # a noun phrase, several together one source
    one_noun_phrase: Callable[[Token], Source]  # one noun phrase, a role or a document resolved
    ent_spans: list[tuple[int, int, Entity]] = field(default_factory=list)  # every occurrence, in text order
    ent_starts: list[int] = field(default_factory=list)
    cands: list[tuple[int, str, bool, Source]] = field(default_factory=list)
    cand_pos: list[int] = field(default_factory=list)
    salient: set[int] = field(default_factory=set)
    heads: dict[int, Token] = field(default_factory=dict)
    roles: dict[str, PersonRoles] | None = None
    genders: dict[str, str] | None = None
    families: dict[str, str] | None = None
    ready: bool = False


def earlier_kin(st: SourceState, head: Token, kin: set[str]) -> list[Token]:
    """Earlier words of the same kind ("the story" after "a report by …"), in this paragraph and the three
    before, nearest first."""
    start = paragraph_start(st.doc, head.i, back=3)
    return [t for t in reversed(st.doc[:head.i]) if t.idx >= start and t.pos_ == "NOUN"
            and t.lemma_.lower() in kin and st.quotes.at(t.idx) is None]


def people_at(st: SourceState, start: int, end: int) -> list[tuple[Entity, int]]:
    """The persons named in [start, end), with where."""
    i = bisect_right(st.ent_starts, start - 1)
    found = []
    while i < len(st.ent_spans) and st.ent_spans[i][0] < end:
        s, _, ent = st.ent_spans[i]
        if ent.type == "PERSON":
            found.append((ent, s))
        i += 1
    return found


def floor(st: SourceState, head: Token) -> int:
    """Where a source phrase may start: after the dateline when the head follows it."""
    return st.dateline[1] if head.idx >= st.dateline[1] else 0


def token_at(st: SourceState, at: int) -> Token:
    """The root of the name (or pronoun) starting at ``at``."""
    if at in st.heads:
        return st.heads[at]
    span = st.doc.char_span(at, at + 1, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else st.doc[0]
    while tok.dep_ in {"compound", "flat"} and tok.head != tok and tok.head.i > tok.i and (
            tok.head.pos_ == "PROPN" or tok.ent_type_ == tok.head.ent_type_ == "PERSON"):
        tok = tok.head  # "Ana Ruiz", not the "Ruiz campaign"; a surname tagged an adjective is still the name
    return tok


def entity_at(st: SourceState, start: int, end: int, reach: int = 0) -> Entity | None:
    """The entity with an occurrence inside [start, end) that reaches ``reach`` (the head), nearest
    the end: "the Lenport Guild" is not the "Lenport" of "Lenport's Guild"."""
    i = bisect_right(st.ent_starts, end - 1) - 1
    while i >= 0 and st.ent_spans[i][0] >= start:
        s, e, ent = st.ent_spans[i]
        if e <= end:
            return ent if e >= reach else None
        i -= 1
    return None


def entity_covering(st: SourceState, head: Token) -> Entity | None:
    """The entity with an occurrence holding the whole head word: "Ministry" in "the Ministry of
    Transport and Maritime Affairs", "Fire" in "the Veyra Fire and Rescue Service"."""
    i = bisect_right(st.ent_starts, head.idx) - 1
    if i >= 0 and st.ent_spans[i][1] >= head.idx + len(head):
        return st.ent_spans[i][2]
    return None
