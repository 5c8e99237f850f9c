"""A verb of perceiving with what was perceived in a participle: "aides could be heard grumbling that …", "the
mayor was caught on camera saying …". ``hedges`` reads its "could" as no possibility; ``speakers`` takes the
one perceived speaking as the speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from .source_words import PERCEIVING_VERBS


def perceived_participles(verb: Token) -> list[Token]:
    """The participles (VBG, an xcomp or advcl) on a verb of perceiving that tell what was perceived; none
    for any other verb."""
    if verb.lemma_.lower() not in PERCEIVING_VERBS:
        return []
    return [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VBG"]
