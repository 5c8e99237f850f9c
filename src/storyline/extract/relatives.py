"""What a relative pronoun the parser left outside a relative clause stands for.

"which", "who" or "that" as a subject speaks for the noun its clause describes. The resolver reads that off
the parse when the clause is a relative clause on the noun; the parser does not always say so: a second
relative clause coordinated with the first ("the group, which was founded in 2004 and which has endorsed
Ana Ruiz, said …"), or one it hung on the sentence's verb as a clause of its own ("the Harbour Watch,
which counted 40 boats, …" parsed as a complement). The noun is then the word the pronoun follows, past a
comma or a dash: the head of the noun phrase that ends right there; for "which" and "that" only a body
(an organisation or group), since after a place or a thing they often take up a whole clause ("…, which
helps explain why …"). And a "who" the parser hung on a thing ("the consensus of experts in port law, who
…") is the people that thing's phrase names last before it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .animacy import can_speak_as_they
from .source_words import ORG_HEADS

RELATIVES = {"which", "who", "that"}
OPENERS = {",", "-", "—", "–", "--"}
PLACES = {"state", "country", "nation", "city", "county"}
PLACE_PREPS = {"in", "at", "across", "throughout", "into", "near", "around"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
WORK_PREPS = {"at", "of", "for", "with", "from"}  # "an analyst at", "the chairman of", "a fellow with"


def relative_noun(pronoun: Token, bodies: set[str]) -> Token | None:
    """The noun a relative pronoun subject stands for where its clause is no relative clause on a noun: the
    antecedent of the relative clause its verb is coordinated with, else the head of the noun phrase right
    before it (past a comma or dash); ``bodies`` the nouns for organisations and groups. None for anything
    else ("that" as a demonstrative, "who" asking)."""
    if pronoun.lower_ not in RELATIVES or pronoun.tag_ not in {"WDT", "WP"} or not pronoun.dep_.startswith("nsubj"):
        return None
    verb = pronoun.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
        if verb.dep_ == "relcl":  # "…, which was founded … and which has endorsed …"
            return _named(verb.head) if verb.head.pos_ in {"NOUN", "PROPN"} else None
    if verb.dep_ == "relcl":
        return None  # the resolver's own case
    i = pronoun.i - 1
    if i >= 0 and pronoun.doc[i].text in OPENERS:
        i -= 1
    if i < pronoun.sent.start:
        return None
    before = pronoun.doc[i]
    if before.pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = before
    while noun.dep_ in {"compound", "flat"} and noun.head.i > noun.i and noun.head.i <= i:
        noun = noun.head
    if noun == verb or pronoun.lower_ != "who" and not _body(noun, bodies):
        return None  # "…, which helps explain why …": a "which" after a place or a thing takes up the clause
    return _named(noun)


def _named(noun: Token) -> Token:
    """The name a description stands beside: "Rep. Ivo Tan, a port board ally whose … and who …" is Ivo Tan,
    "an academic named Ana Ruiz, who …" Ana Ruiz."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    return next((g for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in {"name", "call"}
                 for g in c.children if g.dep_ in {"oprd", "dobj", "attr"} and g.pos_ == "PROPN"), noun)


def _body(noun: Token, bodies: set[str]) -> bool:
    """An organisation or group that counts, says or publishes ("the police department, which counted …"),
    not a place, nor a name read as a place ("… toxic in Lenport - which helps explain …")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in PLACE_PREPS:
        return False
    return noun.ent_type_ in {"ORG", "NORP"} or noun.lemma_.lower() in bodies - PLACES


def who_within(pronoun: Token, noun: Token) -> Token:
    """Whom a "who" on ``noun`` stands for: the noun itself where it can speak, else the last noun before
    the pronoun inside its phrase that can ("the consensus of experts in port law, who …": the experts),
    else the one whose phrase holds it (``holder_above``: "a broker based in Lenport, who …", "one aide
    familiar with the talks, who …"); the noun where there is none. A description set beside a name is that
    name ("Ivo Tan, a broker, who …")."""
    if pronoun.lower_ != "who":
        return noun
    if noun.pos_ == "PROPN" and noun.ent_type_ in PLACE_TYPES | {"ORG"}:
        return holder_above(noun, noun.ent_type_ == "ORG") or noun
    if noun.pos_ != "NOUN" or can_speak_as_they(noun):
        return _named(noun)  # "Ivo Tan, a broker, who …": Ivo Tan
    inside = [t for t in noun.subtree if t.i < pronoun.i and t.pos_ == "NOUN" and t.dep_ in {"pobj", "conj"}]
    return next((t for t in reversed(inside) if can_speak_as_they(t)), None) or holder_above(noun) or noun


def holder_above(noun: Token, organisation: bool = False) -> Token | None:
    """The person whose phrase holds a place, a body or a thing that a "who" was hung on: up through the
    prepositions (and a participle or adjective on the way: "based in", "familiar with") to the first
    common noun that can speak, or the name it describes ("Ivo Tan, a senior analyst at Harbour Capital,
    who …": Ivo Tan); an ``organisation`` ("an analyst at Harbour Capital, who") only under a preposition of
    work ("at", "of", "for", "with", "from"), through its own name's words, to a role noun. None where the
    phrase belongs to no such word ("a victory for the Port Board, who …")."""
    tok = noun
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head != tok.head:
            if organisation and tok.head.lower_ not in WORK_PREPS and tok.head.head.ent_type_ != "ORG":
                return None
            tok = tok.head.head
        elif tok.dep_ in {"acl", "amod"} and tok.pos_ in {"VERB", "ADJ"} and tok.head != tok:
            tok = tok.head
        else:
            return None
        if tok.pos_ == "PROPN" and tok.ent_type_ in {"PERSON", "NORP"} or (
                tok.pos_ == "NOUN" and tok.ent_type_ not in PLACE_TYPES | {"ORG"} and can_speak_as_they(tok)
                and not (organisation and tok.lemma_.lower() in ORG_HEADS)):
            return _named(tok)
        if organisation and tok.ent_type_ != "ORG":
            return None  # "a victory for the Port Board, who …": the board's phrase holds no one
    return None


def past_relative_opening(verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A content around an inserted tag that opens on a relative pronoun starts after the tag: in "a new
    budget, which, Nadler said, will cut the deficit" Nadler says the budget "will cut the deficit"; the
    "which" stands for the clause before it, which is the reporter's, not Nadler's."""
    doc = verb.doc
    first = next((t for t in doc[verb.sent.start:verb.i] if t.idx >= span[0]), None)
    if first is None or first.lower_ not in RELATIVES or first.tag_ not in {"WDT", "WP"}:
        return span
    if any(not t.is_punct for t in doc[first.i + 1:verb.left_edge.i]) or doc[first.i + 1].text not in OPENERS:
        return span  # the tag must follow the pronoun right away, set off ("which Ruiz thinks will …" stays)
    after = verb.right_edge.i + 1  # the closing comma: the tag's last word (the parser hangs it there) or next
    if doc[after - 1].text not in OPENERS:
        if after >= len(doc) or doc[after].text not in OPENERS:
            return span
        after += 1
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space) and doc[after].idx < span[1]:
        after += 1
    if after >= len(doc) or doc[after].idx >= span[1]:
        return span
    return doc[after].idx, span[1]
