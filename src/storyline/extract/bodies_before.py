"""A body described by its kind ("the group", "the union", "the team") to the organisation named before.

The organisation named last when its name or an apposition carries that noun ("the Kestrel Fund, a watchdog
group"), or when it was a subject or source and its name fits the kind ("Lenport Mutual … the company", "the
Lenport Courier … the newspaper": ``body_kinds``), or the body named earlier by the same noun with a name in
it ("the Courier fact-check team … the team"). Plain functions over the resolver's record
(``source_state``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Entity, Source
from .body_kinds import AGENCIES, KIND_NOUNS, PAPERS, fits_kind, name_words
from .source_phrases import is_bare_body, paragraph_start
from .source_state import SourceState
from .source_words import STATEMENT_NOUNS


def body_before(st: SourceState, head: Token) -> Entity | None:
    """The one organisation named in this paragraph or the three before whose name ends in the phrase's
    noun ("the Lenport Dockers Union" ← "the union") or that the report calls that in apposition ("the
    Kestrel Fund, a watchdog group," ← "the group"), carrying the phrase's other words; None when two
    fit, when another organisation was named since, or when the noun came back since without a name
    (an unnamed body of that kind is the one meant)."""
    lemma = head.lemma_.lower()
    words = {t.lower_ for t in head.lefts if t.dep_ in {"amod", "compound"}}
    start = paragraph_start(st.doc, head.i, back=3)
    fits = {}
    for s, e, ent in st.ent_spans:
        if not start <= s < head.idx or ent.type != "ORG" or ent.key in fits:
            continue
        span = st.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        kinds = [t for t in (root, *(c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"),
                             *([root.head] if root.dep_ == "appos" and root.head.pos_ == "NOUN" else []))
                 if t.lemma_.lower() == lemma]
        if any(words <= {w.lower_ for w in t.subtree} | {w.lower() for w in ent.name.split()} for t in kinds):
            fits[ent.key] = ent
    last = next(((s, e, ent) for s, e, ent in reversed(st.ent_spans) if s < head.idx and ent.type == "ORG"), None)
    if not fits:
        last = body_of_kind(st, head, start)
        if last is not None:  # "Lenport Mutual … the company": the last one named, of a fitting kind
            fits[last[2].key] = last[2]
    if len(fits) != 1 or last is None or last[2].key not in fits:
        return None  # "Alphabet, Google's parent company … the oil giant Exxon Mobil. The company": not Alphabet
    after = st.doc.char_span(last[0], last[1], alignment_mode="expand")
    if after is None or any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.dep_ != "compound"
                            and t.head not in after and not is_bare_body(t, KIND_NOUNS)
                            for t in st.doc[after.end:head.i]):
        return None  # "… the trade group for the insurers. The group wrote": that group, unnamed
    return last[2]


def body_of_kind(st: SourceState, head: Token, start: int) -> tuple[int, int, Entity] | None:
    """The organisation named last before ``head`` (from ``start``) when its name fits the phrase's kind
    and it was a subject or source, or is named twice; a paper or an agency, whose names say so, past
    organisations of other kinds ("the Lenport Courier says the Dockers Union … the newspaper")."""
    skip = head.lemma_.lower() in PAPERS | AGENCIES
    for s, e, ent in reversed(st.ent_spans):
        if s >= head.idx or ent.type != "ORG":
            continue
        if s < start:
            return None
        if not fits_body_kind(head, ent):
            if skip:
                continue
            return None
        salient = any(source.entity == ent.key for at, _, _, source in st.cands if at < head.idx) or sum(
            1 for s2, _, other in st.ent_spans if other.key == ent.key and s2 < head.idx) > 1
        return (s, e, ent) if salient else None
    return None


def named_kin_before(st: SourceState, head: Token) -> Source | None:
    """"the team" after "the Harbour Courier fact-check team", "the administration" after "the Ruiz
    administration": the body the report named earlier by the same noun with a name in it, in this
    paragraph or the three before; None when it named two such bodies there, or none."""
    lemma = head.lemma_.lower()
    if lemma in STATEMENT_NOUNS | {"paper"}:
        return None  # a document: "a Facebook post … the post", "a white paper … the paper"
    start = paragraph_start(st.doc, head.i, back=3)
    found: dict[str, Source] = {}
    for t in st.doc[:head.i]:
        if t.idx < start or t.pos_ != "NOUN" or t.lemma_.lower() != lemma or st.quotes.at(t.idx) is not None:
            continue
        if not any(c.dep_ in {"compound", "poss", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_ in {
                "ORG", "PERSON", "NORP"}) for c in t.children):
            continue
        named = st.one_noun_phrase(t)
        if named.kind == "organization" and named.name.lower() != lemma:
            found.setdefault(named.name, named)
    return next(iter(found.values())) if len(found) == 1 else None


def fits_body_kind(head: Token, body: Entity) -> bool:
    """Whether "the <noun>" may refer back to ``body`` by its kind (``body_kinds``): "the think tank" and
    "the newspaper" as written, their other nouns in the body's name ("the news outlet"). Asked of the
    organisation named last, and only when it was a subject or a source before (one the report merely
    mentions, an event or a product tagged as an organisation, is seldom what the noun takes up)."""
    lemma = head.lemma_.lower()
    compounds = [t.lower_ for t in head.lefts if t.dep_ == "compound"]
    if lemma == "tank":
        if compounds != ["think"]:
            return False
        lemma, compounds = "tank", []
    return fits_kind(lemma, body.name) and set(compounds) <= name_words(body.name)
