"""Nouns and adjectives as cues: "Koval's claim that …" (the owner is the source, the noun the cue), a verb
speaking through a cue noun ("made the case that …", "repeated her claim that …": the verb group through the
noun is the cue) and a verb with a cue adjective ("made it clear that …"); the noun's or adjective's that- or
to-clause is the content, or the that-clause the noun is the subject of ("Koval's claim was that …").
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import Cues
from .nlp import that_marked
from .spans import CONDITIONAL_MARKS, OBJECT_DEPS, _Found, _subtree_span, _verb_group
from .speakers import _subject
from .stray_clauses import that_clause_after

def _adjective_cue(verb: Token, lemma: str, cues: Cues) -> _Found | None:
    """'Ruiz made it clear that the port stays shut': verb and adjective are the cue, the that-clause
    (the adjective's, or the verb's after it: "made clear on Monday that …") the content."""
    for child in verb.children:
        cls = cues.phrases.get(f"{lemma} {child.lemma_.lower()}") if child.pos_ == "ADJ" else None
        if cls is None:
            continue
        clause = next((g for g in [*child.rights, *(v for v in verb.rights if v.i > child.i)]
                       if g.dep_ in {"advcl", "ccomp"} and that_marked(g)), None) or that_clause_after(child)
        source_head = _subject(verb)
        if clause is not None and source_head is not None:
            return _Found((_verb_group(verb, [], cues)[0], child.i + 1), cls,
                          _subtree_span(clause, exclude=child), source_head)
    return None


def _noun_clause(noun: Token) -> Token | None:
    """The clause a nominal cue takes: "claim that the port was mined", "plan to reopen the port"."""
    for child in noun.rights:
        if child.dep_ in {"acl", "ccomp"} and child.pos_ in {"VERB", "AUX"} and any(
                g.dep_ == "mark" and g.lower_ == "that" or g.dep_ == "aux" and g.lower_ == "to"
                for g in child.children if g.i < child.i):
            return child
    return None


def _copula_clause(noun: Token) -> Token | None:
    """"Tan's suggestion was that …", "Her argument is that …": the that-clause a cue noun is the subject of."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be":
        return None
    return next((c for c in be.rights if c.dep_ == "ccomp" and any(
        g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children)), None)


def _nominal_object(verb: Token, cues: Cues) -> Token | None:
    """A nominal cue the verb takes as object and speaks through ("made the case that …", "repeated
    her claim that …"); one with a named owner ("Koval's claim", "a Harbour Post report") is the owner's,
    not the verb's."""
    for child in verb.children:
        if (child.dep_ in OBJECT_DEPS and child.lemma_.lower() in cues.nominal and _noun_clause(child)
                and not any(g.dep_ == "poss" and g.pos_ != "PRON" for g in child.children) and _named_owner(child) is None):
            return child
    return None


def _named_owner(noun: Token) -> Token | None:
    """The organisation or person a noun's name-modifier makes its owner: "a Harbour Post report that …"."""
    return next((c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.i < noun.i and c.pos_ == "PROPN"
                 and c.ent_type_ in {"ORG", "PERSON"}), None)


def _light_cue(verb: Token, noun: Token, cues: Cues) -> _Found | None:
    """'The mayor made the case that …': the verb group through the noun is the cue, the clause the content."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return None
    source_head = _subject(verb)
    clause = _noun_clause(noun)
    if source_head is None or clause is None:
        return None
    cls = cues.words.get(verb.lemma_.lower()) or cues.nominal[noun.lemma_.lower()]
    cue = (_verb_group(verb, [], cues)[0], noun.i + 1)
    return _Found(cue, cls, _subtree_span(clause, exclude=noun), source_head)


def _nominal(noun: Token, cues: Cues) -> _Found | None:
    """"Koval's claim that the port was mined", "a Harbour Post report that …": the owner is the source, the
    noun the cue, the clause the content. A noun a verb speaks through ("made the claim that …") is left to
    the verb, unless a name owns it ("citing a Harbour Post report that …" is the Post's)."""
    owner = next((c for c in noun.children if c.dep_ == "poss" or c.dep_ == "nsubj" and any(  # "union’s" misparsed
        g.dep_ == "case" for g in c.children)), None) or _named_owner(noun) or _by_owner(noun) or _named_group(noun)
    clause = _noun_clause(noun) or _copula_clause(noun) or _clause_hung_elsewhere(noun)
    speaks_through = noun.head.lemma_.lower() in cues.words or noun.head.lemma_.lower() in cues.light
    if owner is None or clause is None or speaks_through and _nominal_object(noun.head, cues) == noun:
        return None
    if owner.pos_ == "PRON" and _verb_owns_clause(noun, clause, cues):
        return None
    return _Found((noun.i, noun.i + 1), cues.nominal[noun.lemma_.lower()],
                  _subtree_span(clause, exclude=noun), owner)


def _verb_owns_clause(noun: Token, clause: Token, cues: Cues) -> bool:
    """"Tan repeated his complaint that …" with the clause hung on the verb, "she said in her remarks that
    …" (the noun is the verb's channel, wherever the clause hangs): the cue verb's row holds the clause; a
    second row for the noun would repeat it."""
    channel = noun.dep_ == "pobj" and noun.head.lower_ == "in"  # "said in her remarks that …"
    verb = noun.head.head if channel else noun.head if noun.dep_ in OBJECT_DEPS else None
    return (verb is not None and (channel or clause.head == verb)
            and (verb.lemma_.lower() in cues.words or verb.lemma_.lower() in cues.light))


def _by_owner(noun: Token) -> Token | None:
    """'a report by the Harbour Post that …', 'an announcement in May by the minister that …': the agent a
    "by" phrase on the cue noun names is its owner."""
    by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


def _clause_hung_elsewhere(noun: Token) -> Token | None:
    """The that-clause right after a cue noun, or after a phrase on it ("her assertion during the debate that
    …", "a report by the Post that …"), that the parser hung on another word."""
    if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].lower_ != "that" and noun.doc[noun.i + 1].dep_ != "prep":
        return None
    return that_clause_after(noun)


def _named_group(noun: Token) -> Token | None:
    """'recent Ruiz campaign accusations that …': a common noun before the cue noun that a name modifies
    (a named campaign, office, team) owns it."""
    return next((c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "NOUN"
                 and any(g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children)), None)
