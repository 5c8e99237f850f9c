"""Words that cannot speak, and who speaks instead when the parse makes one of them a cue's speaker.

A speaker is a person, a group or organisation, or a thing people say or publish through (a document, a
medium, a speech product: "the letter warned", "the poll found", "the network reported"). Other nouns speak
for no one: "the day", "a rally", "a microphone", "the attacks", "a third attempt". The parser still makes
them the subject a participle hangs on ("made a third attempt to deflect the criticism, writing on Twitter
that …", "opened a rally blasting the mayor", "The day before, Ana Ruiz was just as blunt, claiming …").
Where the parse gives a speaker nearby, that one speaks: another subject of the same verb (the parser split
"co-host Ana Ruiz" or "the ex-wife" into several subjects), a name inside the phrase ("Ruiz Sunday night"),
or, for a participle, the subject of the clause it hangs on (climbing through the clauses that hold it) or
the object a verb leaves doing it ("the killings have left voters saying …"). Where none is found the
source stays as it was: a verb of evidence ("history says", "the test indicated") is left alone.
``is_thing_source`` reads a finished mention's source the same way (``junk`` strikes such a row when it lies
inside another party's row).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Mention
from .role_heads import org_noun, person_noun
from .source_words import (
    AUTHORS, ORG_HEADS, RELATIVE_PRONOUNS, ROLE_NOUNS, SPEECH_NOUNS, STATEMENT_NOUNS, UNNAMED_HEADS,
)
from .spans import OBJECT_DEPS, SUBJECT_DEPS

# nouns for people, groups, bodies, media and things said or published, beyond the source lexicons
SPEAKING = UNNAMED_HEADS | ORG_HEADS | ROLE_NOUNS | STATEMENT_NOUNS | SPEECH_NOUNS | AUTHORS | {
    "people", "person", "group", "crowd", "audience", "public", "electorate", "citizen", "voter", "supporter",
    "critic", "staff", "panel", "jury", "caucus", "community", "police", "press", "media", "medium", "website",
    "site", "blog", "page", "feed", "book", "memoir", "biography", "film", "movie", "documentary", "show",
    "program", "broadcast", "channel", "station", "wire", "headline", "caption", "commercial", "mailer",
    "flyer", "platform", "manifesto", "bill", "law", "rule", "ruling", "order", "opinion", "decision",
    "finding", "audit", "assessment", "forecast", "model", "projection", "estimate", "tally", "count",
    "record", "data", "datum", "filing", "lawsuit", "suit", "complaint", "indictment", "warrant", "affidavit",
    "deposition", "transcript", "summary", "review", "investigation", "inquiry", "research", "result",
    "tracker", "average", "polling", "sign", "banner", "poster", "slogan", "chant", "text", "call", "voice",
    "percent", "half", "third", "quarter", "fourth", "share", "proportion", "hundred", "thousand", "million",
    "child", "kid", "boy", "girl", "student", "parent", "victim", "protester", "protestor", "demonstrator",
    "immigrant", "refugee", "american", "millennial", "elder", "associate", "partner", "rival", "girlfriend",
    "boyfriend", "colleague", "user", "fan", "player", "management", "unit", "body", "side", "camp",
    "language", "word", "card", "ballot", "form", "guide", "handout", "leaflet", "notice", "resolution",
    "figure", "guy", "lineup", "nephew", "niece", "cousin", "relative", "graphic", "chart", "graph", "map",
    "image", "photo", "picture", "footage", "item", "entry", "publication", "series", "guideline", "counsel",
    "town", "village", "airline", "chancellery", "advocate", "heavyweight", "hawk", "trio", "duo", "lady",
    "faction", "elite", "establishment", "mainstream", "left", "right",
}
# verbs that leave their object doing what a participle after it says ("have left voters saying …")
LEAVING = {"leave", "have", "get", "keep", "find", "send", "set"}
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "men", "women", "folk")
SPEAKING_TYPES = {"PERSON", "ORG", "NORP", "GPE", "FAC", "PERCENT", "CARDINAL", "QUANTITY", "WORK_OF_ART", "LAW"}
TIME_TYPES = {"DATE", "TIME"}
CLIMB = 4  # clauses a participle's speaker is looked for above it


def can_speak(tok: Token) -> bool:
    """Whether a word may name a speaker: a pronoun, a name, a share or count of people, a noun for a person,
    a group, a body, a medium or a thing said or published. Errs towards yes: a noun read as no speaker
    makes its verb look elsewhere for one."""
    if tok.ent_type_ in TIME_TYPES:
        return False
    if tok.pos_ in {"PRON", "PROPN", "NUM"} or tok.ent_type_ in SPEAKING_TYPES:
        return True
    if tok.is_title and tok.i > tok.sent.start:  # a name the tagger took for a noun ("Trump and his lawyers")
        return True
    lemma = tok.lemma_.lower()
    return lemma in SPEAKING or tok.lower_ in SPEAKING or lemma.endswith(PERSON_ENDINGS)


def source_noun(doc: Doc, mention: Mention) -> Token | None:
    """The word a mention's source phrase is headed by, a relative "that" or "which" read as the noun its
    clause hangs on ("a first step that recognized …": "step"); None where the source has no span."""
    if mention.source.span is None:
        return None
    span = doc.char_span(*mention.source.span, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    if (head.lower_ in RELATIVE_PRONOUNS - {"who", "whom"} and head.dep_.startswith("nsubj")
            and head.head.dep_ == "relcl"):
        return head.head.head
    return head


def is_thing_source(doc: Doc, mention: Mention) -> bool:
    """Whether a mention's source is a common noun that speaks for no one: no person, body, medium or thing
    said or published ("a first step that recognized …", "their instinctive preference"; ``can_speak``, and
    the people's and bodies' nouns of ``role_heads``). A relative "who" always names someone."""
    noun = source_noun(doc, mention)
    return (noun is not None and noun.pos_ == "NOUN" and not can_speak(noun) and not person_noun(noun)
            and not org_noun(noun))


def _named_inside(noun: Token) -> Token | None:
    """'Ruiz Sunday night recounted …': a person's name the parser made a modifier of a time ("this Ruiz
    look-alike" stays: a modifier of any other noun is what it is about, not who it is)."""
    if noun.ent_type_ not in TIME_TYPES:
        return None
    return next((c for c in noun.lefts if c.dep_ in {"compound", "nmod"} and c.ent_type_ == "PERSON"
                 and c.pos_ == "PROPN"), None)


def _other_subject(subject: Token) -> Token | None:
    """Another subject of the same verb that can speak, the nearest to the verb: "The day before, Ana Ruiz was
    just as blunt", "co - host Ana Ruiz asked" (the parser's several subjects of one verb)."""
    verb = subject.head
    others = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c != subject and c.i < verb.i and can_speak(c)
              and c.sent == subject.sent and c.tag_ not in {"DT", "PDT"}]  # not a floating "both"
    return others[-1] if others else None


def _host_verb(tok: Token) -> Token | None:
    """The verb a noun belongs to, through the prepositions, objects and conjuncts between them."""
    for _ in range(CLIMB):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return None


def _clause_speaker(verb: Token, cue: Token) -> Token | None:
    """The speaker a participle hung below ``verb`` shares: that verb's subject when it can speak, else the
    object it leaves doing the participle ("left voters saying"), else the same of the clause above."""
    for _ in range(CLIMB):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.sent == cue.sent]
        speaking = [c for c in subjects if can_speak(c)]
        if speaking:
            return speaking[-1]
        done = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i < cue.i and can_speak(c)
                     and c.lemma_.lower() not in STATEMENT_NOUNS | SPEECH_NOUNS), None) if (
            cue.head == verb and verb.lemma_.lower() in LEAVING) else None
        if done is not None:
            return done
        if verb.head == verb or verb.dep_ not in {"ccomp", "conj", "advcl", "xcomp", "acl", "relcl", "pcomp"}:
            return None
        verb = verb.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
    return None


def speaker_instead(found: Token, cue: Token) -> Token | None:
    """Who speaks where the parse made ``found``, a word that cannot speak, the speaker of ``cue``: a name
    inside its phrase, another subject of its verb, or, for a participle cue, the speaker of the clause it
    hangs on; None where the parse gives no one."""
    if can_speak(found):
        return None
    named = _named_inside(found)
    if named is not None:
        return named
    if found.dep_ in SUBJECT_DEPS:
        other = _other_subject(found)
        if other is not None:
            return other
    if cue.tag_ != "VBG":
        return None
    host = found.head if found.dep_ in SUBJECT_DEPS else _host_verb(found)
    if host is None:
        return None
    if host == cue:  # "since the attacks articulating their vision": the participle's own subject
        host = cue.head
        while host.pos_ not in {"VERB", "AUX"} and host.head != host:
            host = host.head
    return _clause_speaker(host, cue)
