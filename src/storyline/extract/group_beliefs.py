"""Beliefs of an unnamed group told in the reporter's words: "many experts suspect *X*", "some analysts
think *X*", "observers fear *X*".

A thought is no public statement, so ``junk`` strikes its row; what is left of the sentence is the outlet's
own clause (``outlet_claims``). For a named party's stance that is right ("the mayor rejected the offer,
believing *the council has more leverage*": the outlet tells what she believes). For a belief of a group
nobody is named in it is not: the reporter leans on an opinion no one can be asked about, and X is not
the outlet's assertion. That clause stays the outlet's row, with the belief verb as its cue and the status
a hedge gives (``unverified``, as "reportedly" or "is said to" would), so X is neither asserted by the
outlet nor credited to a party the report does not name.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..model import Mention
from .nlp import cue_of, doc_text

# verbs of holding a proposition true (not of wanting, seeking or backing: "voters want a debate" states a
# preference, which the outlet may assert)
EPISTEMIC = frozenset({"think", "believe", "suspect", "worry", "fear", "hope", "expect", "doubt", "feel",
                       "assume", "reckon", "suppose", "guess", "speculate", "presume", "figure", "sense"})
# a subject that counts people without naming them ("many", "some", "most", "others")
QUANTIFIERS = frozenset({"many", "some", "most", "few", "others", "several", "all", "both", "any", "none"})


def is_group_belief(doc: Doc, mention: Mention) -> bool:
    """A belief verb with a clause for its content, held by a group the report does not name: a plural
    common noun or a quantifier with no proper name in it ("many", "some analysts", "legal experts")."""
    cue = cue_of(doc, mention)
    if cue is None or not any(t.lemma_.lower() in EPISTEMIC for t in cue):
        return False
    content = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if content is None or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return False  # "many see the levy as a tax" names a view, not a proposition the outlet could hold
    source = doc.char_span(*mention.source.span, alignment_mode="expand") if mention.source.span else None
    return source is not None and _unnamed_group(source)


def _unnamed_group(source: Span) -> bool:
    """'many', 'some analysts', 'legal experts': a count of people, or a plural noun of those who hold
    views for a living, with no name and no definite article ("the police" are a body one can ask)."""
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE") for t in source):
        return False
    head = source.root
    if head.lower_ in QUANTIFIERS:
        return True
    if head.tag_ != "NNS" or any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") or c.dep_ == "poss"
                                 for c in head.children):
        return False
    return (head.lemma_.lower() in OPINION_HOLDERS
            or any(c.dep_ in ("det", "amod") and c.lower_ in QUANTIFIERS for c in head.children))


# plural nouns for people whose opinions the press cites without names ("experts say", "critics fear")
OPINION_HOLDERS = frozenset({"expert", "analyst", "observer", "critic", "people", "economist", "scholar",
                             "strategist", "insider", "commentator", "pundit", "skeptic", "sceptic", "supporter",
                             "watcher", "specialist", "academic", "researcher", "veteran", "operative"})


FORECAST_VERBS = frozenset({"expect", "anticipate", "predict", "project", "forecast"})


def is_forecast(doc: Doc, mention: Mention) -> bool:
    """'She is expected to win', 'the levy is not expected to pass': a forecast nobody is named for, told in
    the reporter's words. Struck as a thought, its clause becomes the outlet's row; a forecast is
    hypothetical (the contract's "is unlikely to"), not asserted."""
    cue = cue_of(doc, mention)
    return cue is not None and any(t.lemma_.lower() in FORECAST_VERBS and t.tag_ == "VBN"
                                   and any(c.dep_ == "auxpass" for c in t.children)
                                   and t.dep_ not in ("relcl", "acl") for t in cue)  # "delegates who are expected to …"


def hedge_forecasts(claims: list[Mention], forecasts: list[Mention]) -> None:
    """The outlet clauses that hold a struck forecast's cue turn ``hypothetical`` (in place)."""
    for claim, _ in _holding_cues(claims, forecasts):
        if claim.status == "asserted":
            claim.status = "hypothetical"


def hedge_group_beliefs(claims: list[Mention], beliefs: list[Mention], doc: Doc) -> None:
    """The outlet clauses that hold an unnamed group's belief cue take it as their cue and turn
    ``unverified`` (in place)."""
    for claim, (start, end) in _holding_cues(claims, beliefs):
        claim.status = "unverified"
        claim.cue, claim.cue_span = doc_text(doc)[start:end], (start, end)


def _holding_cues(claims: list[Mention], struck: list[Mention]) -> Iterator[tuple[Mention, tuple[int, int]]]:
    """(outlet clause, cue span) for each struck mention's cue that an outlet clause holds."""
    for mention in struck:
        if mention.cue_span is None:
            continue
        start, end = mention.cue_span
        for claim in claims:
            if claim.start <= start and end <= claim.end:
                yield claim, (start, end)
