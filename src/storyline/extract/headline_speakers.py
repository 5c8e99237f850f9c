"""Who speaks a headline's verb that has no subject ("Hints that email may have been hacked", "In criticizing
Ana Ruiz, says …"): a headline drops the subject it shares with the story, so the verb is said by the one the
lead reports speaking, the subject of the first verb of saying in the report's opening sentences after the
headline. A pronoun there points back into the headline and names no one, so it is passed over.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import load_cues
from .nlp import doc_text
from .page import headline_span
from .source_words import ROLE_NOUNS
from .spans import SAYING_CLASSES, SUBJECT_DEPS
from .speakers import _subject

LEAD_SENTENCES = 5  # how far into the body the lead's speaker is looked for (a section label counts as one)
FINITE_TAGS = {"VBZ", "VBD", "VBP"}
# what may stand before a headline verb with no subject: an opening phrase ("In criticizing Ana Ruiz, hints …"),
# an adverb, a conjunction, an auxiliary or a negation
OPENING_DEPS = {"prep", "advcl", "punct", "advmod", "cc", "mark", "aux", "neg", "intj"}


def headline_verb_without_subject(verb: Token) -> bool:
    """Whether ``verb`` is a finite verb of the report's headline with no subject of its own, nor one it shares
    with a verb it is joined to ("Ana Ruiz wins, vows to …" shares Ana Ruiz), and nothing before it but an
    opening phrase or an adverb (a noun there is a subject the parser missed)."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in {"ROOT", "conj"}:
        return False
    if verb.dep_ == "conj" and verb.head.tag_ in FINITE_TAGS:
        return False  # a conjunct takes its first verb's subject (speakers.py)
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return False
    if any(c.i < verb.i and c.dep_ not in OPENING_DEPS for c in verb.children):
        return False  # "Dems hope …": a word before the verb the parser hung on it otherwise may be its subject
    span = headline_span(doc_text(verb.doc))
    return span is not None and span[0] <= verb.idx < span[1]


def lead_speaker(verb: Token) -> Token | None:
    """The subject of the first verb of saying in the opening sentences after the headline ``verb`` is in, when
    it is a person's name or a role ("the bureau's director, Ivo Tan, said …"); None when there is none."""
    doc = verb.doc
    span = headline_span(doc_text(doc))
    if span is None:
        return None
    cues = load_cues()
    sentences = [s for s in doc.sents if s.start_char >= span[1] and s.text.strip()][:LEAD_SENTENCES]
    for sentence in sentences:
        for tok in sentence:
            if tok.pos_ != "VERB" or cues.words.get(tok.lemma_.lower()) not in SAYING_CLASSES:
                continue
            subject = _subject(tok)
            if subject is None or subject.idx < span[1]:
                continue
            if subject.ent_type_ == "PERSON" or (subject.pos_ == "NOUN" and subject.lemma_.lower() in ROLE_NOUNS):
                return subject
    return None
