"""A statement turned round: another party states the same predicate with the opposite polarity.

"this cannot be an American fight" (Clinton) … "It is our fight," (Bush) said: the later statement says the
earlier one is not so, on the merits, with no cue or pointer. The two statements must share their main word
(the verb, or for a copula the noun or adjective it predicates) and, for a verb, a word of what it governs; their
subjects must be able to be one party ("she would accept" / "he has not accepted" answer nothing); and one is
negated, the other not.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Mention
from .contests import one_party
from .nlp import negated_verb
from .source_words import ROLE_NOUNS
from .page import BLANK_LINE

_PARAGRAPHS_BACK = 3  # a reversal answers a statement in its own paragraph or the three before


def predicate_key(root: Token) -> tuple[str, frozenset[str]] | None:
    """(main word, complement words) of a statement's clause. For a copula the main word is the noun or
    adjective predicated ("is our fight" → "fight"; "are both qualified" → "qualified"), with no complement
    words; for a verb, its lemma and the content words of what it governs other than its subject ("never
    expressed interest in buying the rifle" → "express", {interest, buy, rifle}). None when there is nothing to
    compare: an existential "there is …", a copula without a noun or adjective, a verb governing no content
    word."""
    if any(c.dep_ == "expl" for c in root.children):
        return None
    if root.lemma_ == "be":
        attr = next((c for c in root.children if c.dep_ in ("attr", "acomp")), None)
        if attr is None or attr.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return None
        return attr.lemma_.lower(), frozenset()
    if root.pos_ != "VERB":
        return None
    words = frozenset(t.lemma_.lower() for c in root.children if c.dep_ not in _NOT_COMPLEMENTS
                      for t in c.subtree if t.pos_ in _CONTENT)
    return (root.lemma_.lower(), words) if words else None


_NOT_COMPLEMENTS = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "conj", "cc", "punct", "mark"})
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def same_predicate(one: tuple[str, frozenset[str]], other: tuple[str, frozenset[str]]) -> bool:
    """Do two clauses predicate the same thing: the same main word and, for verbs, a complement word shared?"""
    return one[0] == other[0] and (not one[1] and not other[1] or bool(one[1] & other[1]))


def subject_of(root: Token) -> Token | None:
    """The subject word of a clause, if it has one."""
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def different_subjects(one: Token | None, other: Token | None) -> bool:
    """Can two clauses' subjects not be one party? Two personal pronouns that differ ("he" / "she", "I" / "they"),
    or "he"/"she" against a common noun that names no person ("he hasn't accepted …" / "her group never …"),
    or each speaker's own ("we never did" / "her firm did").
    A demonstrative or "it" may stand for anything, and a name for the person a pronoun means."""
    if one is None or other is None:
        return False
    if _about_self(one) and _about_self(other):  # "we never did" / "our firm did": each speaks of their own
        return True
    a, b = one.lower_, other.lower_
    if a in _PERSONAL and b in _PERSONAL:
        return a != b and {a, b} != {"i", "we"}
    for pronoun, noun in ((a, other), (b, one)):
        if pronoun in ("he", "she") and noun.pos_ == "NOUN" and noun.lemma_.lower() not in ROLE_NOUNS:
            return True
    return False


_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they"})


def _about_self(subject: Token) -> bool:
    """'I', 'we', or a noun its speaker's possessive owns ("my office", "our group", "her firm")."""
    return subject.lower_ in ("i", "we") or any(c.dep_ == "poss" and c.lower_ in _OWN for c in subject.children)


_OWN = frozenset({"my", "our", "his", "her", "their"})


def reversed_statement(text: str, index: int, roots: list[Token | None], mentions: list[Mention],
                       skip: frozenset[int] = frozenset()) -> int | None:
    """The latest earlier statement of another named party that the statement at ``index`` turns round:
    the same predicate and object with the opposite negation, in its paragraph or the three before."""
    root = roots[index]
    speaker = mentions[index]
    if root is None or speaker.form == "outlet" or speaker.source.kind not in ("person", "organization"):
        return None
    key = predicate_key(root)
    if key is None:
        return None
    for j in range(index - 1, -1, -1):
        m = mentions[j]
        if len(BLANK_LINE.findall(text, m.end, speaker.start)) > _PARAGRAPHS_BACK:
            return None
        if (j in skip or m.form == "outlet" or m.source.kind not in ("person", "organization")
                or one_party(m.source, speaker.source) or roots[j] is None or m.end > speaker.start):
            continue
        other = predicate_key(roots[j])
        if (other is not None and same_predicate(other, key) and negated_verb(roots[j]) != negated_verb(root)
                and not different_subjects(subject_of(roots[j]), subject_of(root))):
            return j
    return None
