"""Dated happenings for the timeline: one Event per resolved time expression, read from its sentence."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from .nlp import doc_text
from ..model import Entity, Event, Mention, TimeValue
from .dateline import dateline_end

MAX_WORDS = 20
MIN_WORDS = 3
CORE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "attr", "prt", "acomp", "agent",
             "oprd", "dative", "xcomp"}
SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "attr", "acomp", "oprd", "xcomp", "dative"}
TIME_LABELS = {"DATE", "TIME"}
TIME_ADVERBS = {"later", "earlier", "late", "early", "soon", "as"}
PARTICLES = {"out", "up", "off", "down", "over", "away", "back"}
NOUN_LIKE_DEPS = {"pobj", "amod", "compound", "pcomp", "dobj", "nsubj", "nsubjpass"}
REPORTING_VERBS = {"say", "tell", "report", "confirm", "announce", "add", "state", "claim", "deny",
                   "write", "insist", "warn", "acknowledge", "admit", "allege", "argue", "explain",
                   "dispute", "reveal", "disclose", "note", "estimate"}
ACTOR_TYPES = {"PERSON", "ORG"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}


def find_events(doc: Doc, times: list[TimeValue], mentions: list[Mention],
                entities: list[Entity]) -> list[Event]:
    """An Event for each resolved time expression: the clause it dates, who acts in it, where, and status."""
    text = doc_text(doc)
    begin = dateline_end(text)
    owners = _span_owners(entities)
    events: list[Event] = []
    seen: set[tuple[int, str | None, int, int]] = set()
    for time in times:
        if time.value is None:
            continue
        time_span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if time_span is None:
            continue
        sent = time_span.sent
        clause = _clause(sent, time_span, begin)
        if clause is None:
            continue
        start, end = clause
        key = (sent.start, time.value, start, end)  # one event per dated clause
        if key in seen:
            continue
        seen.add(key)
        mention = _covering_mention(mentions, time, sent)
        events.append(Event(
            time=time,
            description=text[start:end],
            start=start,
            end=end,
            actors=_names(owners, start, end, ACTOR_TYPES),
            place=next(iter(_names(owners, max(begin, sent.start_char), sent.end_char, PLACE_TYPES)), None),
            status=mentions[mention].status if mention is not None else "asserted",
            mention=mention,
        ))
    return events


def _clause(sent: Span, time_span: Span, begin: int) -> tuple[int, int] | None:
    """Character offsets of what the time dates: its verb with subject, object and particles ("it warned
    the company in writing"), the noun a participle or relative clause describes ("the warehouse that
    exploded"), or for a report dated by its reporting verb, the report ("the port authority said …").
    None when fewer than MIN_WORDS words are left or the sentence is nothing but the time."""
    doc = sent.doc
    verb = _governing_verb(time_span.root, sent)
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}:
        tokens = list(verb.head.subtree)  # "the warehouse that exploded on Friday", "the 12 reported"
    else:
        tokens = _verb_phrase(verb, time_span)
        # "declared Monday a national day of mourning": what the time itself is said to be
        tokens.extend(t for c in time_span.root.children if c.dep_ in {"appos", "oprd"} for t in c.subtree)
        tokens.extend(t for c in verb.children if c.dep_ == "npadvmod" and c.i > time_span.root.i
                      for t in c.subtree)
    tokens = [t for t in tokens if not (time_span.start <= t.i < time_span.end) and t.idx >= begin]
    if not tokens:
        return None
    first = min(t.i for t in tokens)
    last = min(max(t.i for t in tokens), first + MAX_WORDS - 1)
    while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].ent_type_ in TIME_LABELS
                            or time_span.start <= last < time_span.end or doc[last].lower_ in TIME_ADVERBS
                            or doc[last].pos_ in {"ADP", "CCONJ", "DET", "SCONJ"}):
        last -= 1  # no trailing "on", "and", nor the time itself: "sent two letters, on January 9 and"
    while first < last and (doc[first].is_punct or doc[first].is_space or doc[first].pos_ == "CCONJ"):
        first += 1
    if sum(1 for t in doc[first:last + 1] if not t.is_punct) < MIN_WORDS:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _verb_phrase(verb: Token, time_span: Span) -> list[Token]:
    """The verb with its subject, auxiliaries, objects and particles; the branch that leads to the time
    ("visited the injured at the hospital on Saturday"); a reporting verb's following content; a first
    prepositional phrase when there is no object ("travel to Kelvar"); a conjoined verb's shared subject."""
    reporting = verb.lemma_.lower() in REPORTING_VERBS
    tokens = [verb]
    has_object = False
    for child in verb.children:
        on_path = child.left_edge.i <= time_span.root.i <= child.right_edge.i
        content = reporting and child.dep_ == "ccomp" and child.i > verb.i
        if child.dep_ in CORE_DEPS or on_path or content or child.dep_ == "prep" and child.i == verb.i + 1 and (
                child.lower_ in PARTICLES):
            tokens.extend(child.subtree)
            has_object = has_object or child.dep_ in OBJECTS or content
    if not has_object:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
        if prep is not None:
            tokens.extend(prep.subtree)
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children):
        tokens.extend(t for c in verb.head.children if c.dep_ in SUBJECTS for t in c.subtree)
    return tokens


def _governing_verb(tok: Token, sent: Span) -> Token:
    """The verb whose clause the token dates: the nearest verb above it that heads a clause (a gerund
    used as a noun, "in writing", "reopen to shipping", does not), climbing from an infinitive to the
    verb that governs it ("would begin lifting") and from "what happened" to the verb it completes."""
    verb = None
    for _ in range(8):
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"} and not (
                tok.tag_ in {"VBG", "VBN"} and tok.dep_ in NOUN_LIKE_DEPS and tok.head is not tok):
            verb = tok
            break
        if tok.head is tok:
            break
        tok = tok.head
    if verb is None:
        return sent.root
    for _ in range(3):
        free_relative = any(c.dep_ in SUBJECTS and c.tag_ in {"WP", "WDT"} for c in verb.children)
        if (verb.dep_ == "xcomp" or free_relative and verb.dep_ in {"ccomp", "dobj", "pcomp"}) \
                and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head
    return verb


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
