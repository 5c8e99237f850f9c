"""Who the ledger credits with a relayed statement: "Ana Ruiz complained that the pier was unsafe, according to
two aides" and "Ana Ruiz said the pier was unsafe, the Harbour Post reported" are Ana Ruiz's statements; the
aides or the outlet only pass them on. The attribution itself keeps the relayer as its source (that is what
"according to" attributes, and what span benchmarks such as PolNeAR annotate); the ledger's row is credited to
the clause's own speaker and holds only what that speaker said.
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


def credit_relayed(doc: Doc, mentions: list[Mention], entities: list[Entity]) -> list[tuple[Mention, int]]:
    """Give each row whose content a report cue relays from a speaker of its own to that speaker; returns
    where what each such speaker said starts inside its row ("Ana Ruiz complained that the pier was unsafe"
    → "the pier was unsafe"), for ``narrow_relayed`` once the outlet's own clauses are built around the
    whole relayed sentence."""
    resolver = None
    narrowed = []
    for mention in mentions:
        relayed = _relayed(doc, mention)
        if relayed is None:
            continue
        verb, speaker = relayed
        if resolver is None:
            resolver = SourceResolver(doc, entities, quote_index(doc), dateline_span(doc_text(doc)) or (0, 0))
        source = resolver.resolve(speaker)
        if source.kind in {"person", "organization"} or source.entity is not None:
            mention.source = source
            start = _said_start(verb, mention)
            if start is not None:
                narrowed.append((mention, start))
    return narrowed


def narrow_relayed(doc: Doc, narrowed: list[tuple[Mention, int]]) -> None:
    """The claim without the attribution around it: each relayed row starts where its speaker's words do."""
    text = doc_text(doc)
    for mention, start in narrowed:
        mention.start, mention.text = start, text[start:mention.end]


def _said_start(verb: Token, mention: Mention) -> int | None:
    """Where what the verb says starts inside the mention: its clause, after a "that"; None when it has none
    there."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and mention.start <= c.idx < mention.end), None)
    if clause is None:
        return None
    first = clause.left_edge
    while first.i < clause.i and (first.dep_ == "mark" or first.is_punct or first.is_space):
        first = first.doc[first.i + 1]
    return first.idx if first.idx > mention.start else None


def _relayed(doc: Doc, mention: Mention) -> tuple[Token, Token] | None:
    """The verb of saying and its speaker in the clause a report cue passes on, or None when its content is
    no clause of saying with a subject of its own ("the pier was unsafe, according to …")."""
    cue = cue_of(doc, mention)
    if cue is None or not len(cue) or mention.source.kind == "outlet":
        return None
    relays = cue.text.lower().startswith("according to") or load_cues().words.get(cue[0].lemma_.lower()) in RELAYING
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if not relays or span is None or not len(span):
        return None
    verb = span.root
    if not cue.start <= verb.i < cue.end and _states(verb):
        speaker = _speaker(verb, span)
        return (verb, speaker) if speaker is not None else None
    for child in verb.children:  # "used a closed-door lunch to complain that …"
        if child.dep_ in {"xcomp", "advcl"} and span.start <= child.i < span.end and _states(child) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            speaker = _speaker(verb, span)
            return (child, speaker) if speaker is not None else None
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
