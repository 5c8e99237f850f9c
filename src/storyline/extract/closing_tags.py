"""A second attribution tag that closes another speaker's content.

"Lee said the driver stopped at the light, the footage showed": the parser hangs "showed" on "said" as a
second clause said, or inside the clause said; either way ", the footage showed" is a tag of its own (a cue
verb with its own subject after a comma, saying nothing of its own and ending the sentence), so it ends the
content before it and is no part of what Lee said.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import load_cues

NOUN_PHRASE = {"DET", "NOUN", "PROPN", "ADJ", "PART", "NUM"}  # "the police video", "FEC records"


def closing_tag(verb: Token) -> bool:
    """Is this verb a closing attribution tag (", records show.", ", the video showed.")? A cue verb right
    after a comma and a noun phrase that leans on it (its subject, or a compound where the parser took the
    clause before for the subject), with nothing but punctuation after it to the end of its sentence."""
    if verb.pos_ not in {"VERB", "AUX"} or not load_cues().words.get(verb.lemma_.lower()):
        return False
    doc = verb.doc
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1:verb.sent.end]):
        return False
    return _comma_before(verb) is not None


def _comma_before(verb: Token) -> int | None:
    """The comma before the noun phrase that leans on the tag verb (each word's head to its right, up to
    the verb), or None when no such phrase and comma stand right before it."""
    doc = verb.doc
    j = verb.i - 1
    while j > verb.sent.start and not doc[j].is_punct and j < doc[j].head.i <= verb.i:
        j -= 1
    words = doc[j + 1:verb.i]
    if doc[j].text != "," or not len(words) or not all(t.pos_ in NOUN_PHRASE for t in words):
        return None
    return j if any(t.pos_ in {"NOUN", "PROPN"} for t in words) else None


def before_closing_tag(doc, first: int, last: int, cue: tuple[int, int] | None = None) -> int:
    """The last word (token index) of the content [first, last] once a closing tag inside it is cut off:
    the word before the tag's comma; ``last`` when there is none. ``cue``: the content's own cue token range
    [start, end), which is never taken for a second tag."""
    for verb in doc[first + 1:last + 1]:
        if cue is not None and cue[0] <= verb.i < cue[1]:
            continue
        if closing_tag(verb):
            comma = _comma_before(verb)
            if first < comma:
                return comma - 1
    return last
