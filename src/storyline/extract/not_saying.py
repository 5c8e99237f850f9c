"""Cue words that tell of no speech where they stand, and rows of markup: what ``junk`` strikes as no statement.

Each construction was counted on the nine train-text ledger stories and PolNeAR train before it was kept
(docs/benchmarks.md, i15junk13):

- "go on" with no saying after it ("Goldwater, who went on *to lose the race*", "As the day went on, *Mr.
  Ruiz offered …*"): "went on" tells that someone spoke further only before a quote, a verb of saying
  ("went on to say …", "went on to argue that …") or a verb with what it says or whom it targets ("went
  on to fault the plan");
- "find" with a thing found, not a finding ("the senator found *ways to press his agenda*", "the airline
  found *itself playing host to …*", "finding *only one man*"): what a person or a body finds is stated by
  a clause ("the audit found *that the pier was unsafe*", "found *voters were split*"), a verdict ("found
  *the pier unsafe*"), a thing with a that-clause ("found *evidence that* …") or a finding of nothing
  ("found *no record of the class*", which ``contests`` reads as a dispute); a poll's, a study's or an
  investigator's object is its finding ("the poll found *broad support for the levy*");
- a content that is nothing but a page's markup (an embedded post's tag attributes, ``is_markup``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from .cues import load_cues
from .documents_before import DOCUMENTS
from .nlp import cue_of, that_marked
from .spans import SUBJECT_DEPS

_VERBS = ("VERB", "AUX")
_PREDICATES = frozenset({"oprd", "acomp", "ccomp", "xcomp"})  # "found the pier unsafe", "found it to be …"
_SAID = frozenset({"dobj", "obj", "ccomp", "xcomp", "attr"})  # what a verb says or whom it targets


def _speaks(token: Token) -> bool:
    """Is the word a cue of the lexicon ("say", "argue", "call")?"""
    return load_cues().cue_class(token.lemma_) is not None


def _cue_verbs(doc: Doc, mention: Mention) -> list[Token]:
    """The verbs of the mention's cue, in order ("went on to say": went, say)."""
    cue = cue_of(doc, mention)
    return [t for t in cue or () if t.pos_ in _VERBS]


def goes_on_without_saying(doc: Doc, mention: Mention, span: Span) -> bool:
    """'went on *to lose the race*', 'As the day went on, *X*': an indirect row whose cue's first verb is
    "go", no other word of its cue a cue of saying ("went on to say"), and whose content does not go on
    with speech: not a verb of saying ("went on *to argue that …*") nor a verb with what it says or whom
    it targets ("went on *to fault the board's plan*", a verb of speech the lexicon lacks). A clause with
    a subject of its own is no such verb. A quote stays: "go on" cues a quote."""
    verbs = _cue_verbs(doc, mention)
    if not verbs or verbs[0].lemma_.lower() != "go" or mention.form != "indirect":
        return False
    if any(_speaks(t) for t in verbs[1:]):
        return False
    root = span.root
    if root.pos_ not in _VERBS or any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return True
    return not (_speaks(root) or any(c.dep_ in _SAID for c in root.children))


EVIDENCE = DOCUMENTS | {"research", "audit", "review", "investigation", "inquiry", "test", "data", "census",
                        "tally", "count", "estimate", "model", "probe", "autopsy", "record", "finding"}
INQUIRERS = frozenset({"investigator", "researcher", "auditor", "inspector", "analyst", "scientist",
                       "examiner", "prosecutor", "detective"})  # whose work is finding


def finds_a_thing(doc: Doc, mention: Mention, span: Span) -> bool:
    """'found *ways to press his agenda*', 'found *itself playing host*', 'finding *only one man*': the cue's
    last verb is "find" and its content is a clause whose subject is the finder again ("itself",
    "himself"), or a thing it takes as object, found by someone who is no poll, study, record or investigator. Kept: a
    clause with its own subject or a "that" ("found *that* …", "found *voters were split*"), a verdict
    ("found *the pier unsafe*"), a thing with a that-clause ("found *evidence that* …") or with a
    participle that tells something of it ("found *200 emails containing secrets*"), a way to say
    something ("found *ways to cast herself as* …": the saying is in the row), a finding of nothing
    ("found *no record* of …", which ``contests`` reads as a dispute) and what a poll, a study, a record or
    an investigator finds ("the poll found *broad support for the levy*")."""
    verbs = _cue_verbs(doc, mention)
    if not verbs or verbs[-1].lemma_.lower() != "find" or mention.form == "direct":
        return False
    cue_verb, root = verbs[-1], span.root
    if root.pos_ in _VERBS or root.pos_ == "ADJ":
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
        return subject is not None and subject.lower_.endswith(("self", "selves")) and not that_marked(root)
    if root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or root.head != cue_verb:
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in root.children):
        return False  # "found no evidence that …": a finding of nothing answers a statement
    if any(c.dep_ in ("acl", "ccomp") and that_marked(c) for c in root.children):
        return False  # "found agreement that …", "found evidence that …"
    if any(c.dep_ in ("acl", "relcl") and (_speaks(c) or c.dep_ == "acl" and c.tag_ in ("VBG", "VBN"))
           for c in root.children):
        return False  # "found 200 emails *containing* secrets", "found ways *to cast* herself as …"
    if any(c.dep_ in _PREDICATES for c in cue_verb.children):
        return False
    return not _evidence_finds(doc, mention)


def _evidence_finds(doc: Doc, mention: Mention) -> bool:
    """Is the finder a poll, a study, a record (``EVIDENCE``) or someone whose work is finding
    (``INQUIRERS``: "investigators found *2,200 emails from her server containing secrets*")? What they find
    is their finding."""
    if mention.source.span is None:
        return False
    source = doc.char_span(*mention.source.span, alignment_mode="expand")
    return source is not None and source.root.lemma_.lower() in EVIDENCE | INQUIRERS


_TAG = re.compile(r"</?\w[^<>]*>|\b[\w-]+=\"[^\"]*\"?")


def is_markup(mention: Mention) -> bool:
    """'<tweet pic="" author="Varga" timestamp="…">': a content that is the attributes of a page's markup
    (an embedded post's tag read as what its author tweeted). Without the tags and their name="value" pairs
    no word is left: the row is scaffolding, the post's text (if any) is its own row."""
    return mention.form != "direct" and not any(ch.isalpha() for ch in _TAG.sub(" ", mention.text))
