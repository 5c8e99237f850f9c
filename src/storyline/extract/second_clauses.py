"""A second clause said with the first: "Ruiz told the crowd that she expects to win the county and she is
polling better than Tan is". The parser hangs the second clause on the verb of saying, not on the clause
said, so the content stops at "county" and the outlet would take "she is polling better …" as its own
claim. The second clause is the speaker's when nothing but a bare "and" joins it to the first and both are
in the present while the verb of saying is in the past: a report telling of a past statement puts its own
later sentences in the past or sets them off with a comma ("…, and she then left for Brel").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from .cues import load_cues
from .spans import SAYING_CLASSES, SUBJECT_DEPS, _Found, _finite_tag, _own_attribution, _trim

PRESENT_TAGS = {"VBZ", "VBP"}
PRESENT_MODALS = {"will", "can", "may", "must", "shall", "should"}  # "would", "could", "might": the past's too


def second_clause(doc: Doc, cue_at: int, found: _Found) -> _Found | None:
    """The attribution of a clause said with the content of the verb cue at ``cue_at`` and joined to it
    by a bare "and", with the same cue and speaker (see the module's docstring), or None."""
    verb = doc[cue_at]
    if found.cls not in SAYING_CLASSES or found.content is None or found.around or verb.tag_ != "VBD":
        return None
    said = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if len(said) != 1 or not _present(said[0]):
        return None
    clause = next((c for c in verb.rights if c.dep_ == "conj" and c.i > said[0].right_edge.i), None)
    if (clause is None or clause.pos_ not in {"VERB", "AUX"} or load_cues().words.get(clause.lemma_.lower())
            or _own_attribution(clause) or not _present(clause)):
        return None  # "… and she accused Tan of lying": a cue of its own
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i), None)
    between = doc[said[0].right_edge.i + 1: subject.left_edge.i] if subject is not None else []
    if len(between) != 1 or between[0].text != "and" or found.content[1] > between[0].idx:
        return None
    start, end = _trim(doc, subject.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
    return replace(found, content=(start, end)) if end > start else None


def _present(verb: Token) -> bool:
    """Is a clause's finite verb in the present ("expects", "is doing", "will win")?"""
    tag = _finite_tag(verb)
    if tag == "MD":
        modal = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i), verb)
        return modal.lemma_.lower() in PRESENT_MODALS
    return tag in PRESENT_TAGS
