"""Who the ledger credits with a relayed statement: "Ana Ruiz complained that the pier was unsafe, according to
two aides" and "Ana Ruiz said the pier was unsafe, the Harbour Post reported" are Ana Ruiz's statements; the
aides or the outlet only pass them on. The attribution itself keeps the relayer as its source (that is what
"according to" attributes, and what span benchmarks such as PolNeAR annotate); the ledger's row, whose content
is the whole relayed clause, is credited to the clause's own speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Entity, Mention
from .cues import load_cues
from .dateline import dateline_span
from .nlp import cue_of, doc_text, quote_index
from .sources import SourceResolver
from .spans import SUBJECT_DEPS

RELAYING = {"report"}  # cue classes that pass on what someone else said
STATEMENTS = {"say", "claim", "urge", "deny", "dispute", "confirm"}  # a clause that makes a statement
NO_SPEAKER = {"it", "there", "that", "this", "which", "what", "who"}


def credit_relayed(doc: Doc, mentions: list[Mention], entities: list[Entity]) -> None:
    """Give each row whose content a report cue relays from a speaker of its own to that speaker."""
    resolver = None
    for mention in mentions:
        speaker = relayed_speaker(doc, mention)
        if speaker is None:
            continue
        if resolver is None:
            text = doc_text(doc)
            resolver = SourceResolver(doc, entities, quote_index(doc), dateline_span(text) or (0, 0))
        source = resolver.resolve(speaker)
        if source.kind in {"person", "organization"} or source.entity is not None:
            mention.source = source


def relayed_speaker(doc: Doc, mention: Mention) -> Token | None:
    """The speaker of the clause a report cue passes on, or None when its content is no clause of saying
    with a subject of its own ("the pier was unsafe, according to …")."""
    cue = cue_of(doc, mention)
    if cue is None or not len(cue) or mention.source.kind == "outlet":
        return None
    relays = cue.text.lower().startswith("according to") or load_cues().words.get(cue[0].lemma_.lower()) in RELAYING
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if not relays or span is None or not len(span):
        return None
    verb = span.root
    if not cue.start <= verb.i < cue.end and _states(verb):
        return _speaker(verb, span)
    for child in verb.children:  # "used a closed-door lunch to complain that …"
        if child.dep_ in {"xcomp", "advcl"} and span.start <= child.i < span.end and _states(child) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return _speaker(verb, span)
    return None


def _states(verb: Token) -> bool:
    """A verb of saying that takes a clause ("complained that …", "said the …")."""
    return (verb.pos_ == "VERB" and load_cues().words.get(verb.lemma_.lower()) in STATEMENTS
            and any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children))


def _speaker(verb: Token, span) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass"), None)
    if (subject is None or subject.lower_ in NO_SPEAKER or subject.pos_ not in {"PROPN", "NOUN", "PRON"}
            or not span.start <= subject.i < span.end):
        return None
    return subject
