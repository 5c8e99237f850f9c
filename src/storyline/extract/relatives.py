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

RELATIVES = {"which", "who", "that"}
OPENERS = {",", "-", "—", "–", "--"}
PLACES = {"state", "country", "nation", "city", "county"}
PLACE_PREPS = {"in", "at", "across", "throughout", "into", "near", "around"}


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
    the pronoun inside its phrase that can ("the consensus of experts in port law, who …": the experts);
    the noun where there is none."""
    if pronoun.lower_ != "who" or noun.pos_ != "NOUN" or can_speak_as_they(noun):
        return noun
    inside = [t for t in noun.subtree if t.i < pronoun.i and t.pos_ == "NOUN" and t.dep_ == "pobj"]
    return next((t for t in reversed(inside) if can_speak_as_they(t)), noun)
