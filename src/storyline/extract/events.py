"""Dated happenings for the timeline: one Event per resolved time expression, read from its sentence."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ..model import Entity, Event, Mention, TimeValue

MAX_WORDS = 20
CORE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "attr", "prt", "acomp", "agent",
             "oprd", "dative", "xcomp"}
ACTOR_TYPES = {"PERSON", "ORG"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}


def find_events(doc: Doc, times: list[TimeValue], mentions: list[Mention],
                entities: list[Entity]) -> list[Event]:
    """An Event for each resolved time expression: the clause it dates, who acts in it, where, and status."""
    text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
    owners = _span_owners(entities)
    events = []
    for time in times:
        if time.value is None:
            continue
        sentence = doc.char_span(time.start, time.end, alignment_mode="expand")
        if sentence is None:
            continue
        sent = sentence.sent
        clause = _clause(sent, sentence)
        if clause is None:
            continue
        start, end = clause
        mention = _covering_mention(mentions, time, sent)
        events.append(Event(
            time=time,
            description=text[start:end],
            start=start,
            end=end,
            actors=_names(owners, start, end, ACTOR_TYPES),
            place=next(iter(_names(owners, sent.start_char, sent.end_char, PLACE_TYPES)), None),
            status=mentions[mention].status if mention is not None else "asserted",
            mention=mention,
        ))
    return events


def _clause(sent: Span, time_span: Span) -> tuple[int, int] | None:
    """Character offsets of the verb the time hangs on with its subject, object and particles;
    None when the sentence is nothing but the time expression."""
    verb = _governing_verb(time_span.root, sent)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        tokens = list(verb.head.subtree)  # "strikes ... targeting his troops on Friday"
    else:
        tokens = [verb]
        for child in verb.children:
            if child.dep_ in CORE_DEPS:
                tokens.extend(child.subtree)
    tokens = [t for t in tokens if not (time_span.start <= t.i < time_span.end)] or [
        t for t in sent if not (time_span.start <= t.i < time_span.end or t.is_punct)]
    if not tokens:
        return None
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    last = min(last, first + MAX_WORDS - 1)
    while last > first and (sent.doc[last].is_punct or sent.doc[last].pos_ in {"ADP", "CCONJ", "DET"}):
        last -= 1
    while first < last and sent.doc[first].is_punct:
        first += 1
    doc = sent.doc
    return doc[first].idx, doc[last].idx + len(doc[last])


def _governing_verb(tok: Token, sent: Span) -> Token:
    """The nearest verb above the token, else the sentence root."""
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "aux":
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    return sent.root


def _covering_mention(mentions: list[Mention], time: TimeValue, sent: Span) -> int | None:
    """Index of the mention holding the time expression, else of one in the same sentence."""
    fallback = None
    for index, mention in enumerate(mentions):
        if mention.start <= time.start < mention.end:
            return index
        if fallback is None and mention.start < sent.end_char and sent.start_char < mention.end:
            fallback = index
    return fallback


def _span_owners(entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    return sorted((s, e, entity) for entity in entities for s, e in entity.spans)


def _names(owners: list[tuple[int, int, Entity]], start: int, end: int, types: set[str]) -> list[str]:
    """Names of the entities of the given types occurring in [start, end), in order, once each."""
    names: list[str] = []
    for s, e, entity in owners[bisect_left(owners, (start,)):]:
        if s >= end:
            break
        if e <= end and entity.type in types and entity.name not in names:
            names.append(entity.name)
    return names
