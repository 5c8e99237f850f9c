"""Who speaks in a relayed statement: "Ana Ruiz said the pier was unsafe, the Harbour Post reported" and "Ana
Ruiz complained that the pier was unsafe, according to two aides" are Ana Ruiz's statements; the outlet or
the aides only pass them on. A report cue ("reported", "according to") whose content is itself a clause of
saying with a speaker of its own gives its row to that speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import load_cues
from .spans import SUBJECT_DEPS, _Found

RELAYING = {"report"}  # cue classes that pass on what someone else said
STATEMENTS = {"say", "claim", "urge", "deny", "dispute", "confirm"}  # a clause that makes a statement
NO_SPEAKER = {"it", "there", "that", "this", "which", "what", "who"}


def relayed_speaker(doc: Doc, found: _Found) -> Token | None:
    """The speaker of the clause a report cue passes on, or None when its content is no clause of saying
    with a subject of its own ("the pier was unsafe, according to …")."""
    if found.cls not in RELAYING or found.content is None:
        return None
    span = doc.char_span(*found.content, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root
    if not found.cue[0] <= verb.i < found.cue[1] and _states(verb):
        return _speaker(verb)
    for child in verb.children:  # "used a closed-door lunch to complain that …"
        if child.dep_ in {"xcomp", "advcl"} and child.i in range(span.start, span.end) and _states(child) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return _speaker(verb)
    return None


def _states(verb: Token) -> bool:
    """A verb of saying that takes a clause ("complained that …", "said the …")."""
    return (verb.pos_ == "VERB" and load_cues().words.get(verb.lemma_.lower()) in STATEMENTS
            and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children))


def _speaker(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass"), None)
    if subject is None or subject.lower_ in NO_SPEAKER or subject.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    return subject
