"""Mentions that are no claim: what an editor would strike from the ledger.

An attributed content with no verb and no quotation ("criticised *his opponent*", "praised *Sanders'
success*", "denied *those reports*") names a topic, not a statement: there is nothing in it to check. It
stays out of the ledger, unless it is a denial or dispute that points back at the statement it contests,
whose status it has already set ("she has denied *those claims*" keeps its row as the denier's mention).
The outlet's own clauses are judged by outlet_claims.py, not here.

What someone wants, plans or seeks to do ("sought *to stem his rise*", "plans *to remain a Democrat*",
"refused *to hold hearings*") is an aim, not a statement about the story: the to-infinitive after a verb
of wanting or deciding is no claim either. A pledge or a call stays ("vowed *to press on*", "called on
the mayor *to restart* the patrols"): it says something was promised or asked, and others can report it.

A mention inside another of the same report by the same source repeats a piece of it ("she will not call on
*Mr. Sanders to withdraw*", "that he expects *to win the primary*"): the outer one is the claim. A nested
mention by someone else stays ("the senator said *the agency reported that X*": X is the agency's), and so
does one that a denial or dispute points at (the contested statement is what the contest is about).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..model import Mention
from .cues import load_cues
from .hedges import load_lexicon

# a quotation: a double mark anywhere (two straight single ones included, as some archives print it:
# ''totally scripted''), a single one where it opens a quote (not the apostrophe of "America's" or "voters'")
QUOTATION = re.compile(r"[\"“”«»„]|''|(?:^|(?<=[\s(\[—–-]))['‘’](?=\w)")


CHARGE_VERBS = {"accuse", "charge"}


def says_something(span: Span) -> bool:
    """Does the content hold a verb, or a quotation (a quoted phrase is checkable as said)?"""
    return any(t.pos_ in ("VERB", "AUX") for t in span) or QUOTATION.search(span.text) is not None


def is_aim(doc: Doc, mention: Mention, span: Span) -> bool:
    """A to-infinitive content ("to remain a Democrat", "not to proceed") after a cue of wanting or
    deciding ("plans", "sought", "refused"); forecasts ("expects to win") are claims about what will be."""
    words = [t for t in span if not t.is_space]
    if words and words[0].lower_ == "not":
        words = words[1:]
    if not words or words[0].lower_ != "to" or words[0].dep_ != "aux" or words[0].head.pos_ not in ("VERB", "AUX"):
        return False
    cue = doc.char_span(*mention.cue_span, alignment_mode="expand") if mention.cue_span else None
    lemmas = [t.lemma_.lower() for t in cue or ()]
    cues = load_cues()
    return any(cues.cue_class(lemma) == "believe" and lemma not in load_lexicon().forecast_cues for lemma in lemmas)


def is_junk(doc: Doc, mention: Mention) -> bool:
    if mention.form == "outlet" or mention.contests is not None:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is None or not (says_something(span) or is_charge(doc, mention, span)) or is_aim(doc, mention, span)


def is_charge(doc: Doc, mention: Mention, span: Span) -> bool:
    """'accused Brel's crews of smuggling', 'charged the board with negligence': a charge names a wrongdoing,
    which can be checked, though no verb states it."""
    cue = doc.char_span(*mention.cue_span, alignment_mode="expand") if mention.cue_span else None
    return cue is not None and any(t.lemma_.lower() in CHARGE_VERBS for t in cue) and any(
        t.lower_ in {"of", "with"} and t.dep_ == "prep" for t in span)


def repeats_outer(mention: Mention, others: list[Mention]) -> bool:
    """Does the mention lie inside another one of the same source (a piece of that one)?"""
    return mention.form != "outlet" and mention.contests is None and any(
        other is not mention and other.start <= mention.start and mention.end <= other.end
        and (other.start, other.end) != (mention.start, mention.end) and other.source.name == mention.source.name
        for other in others)


def drop_junk(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions that are claims, with ``contests`` re-pointed into the shorter list (a denial of a
    dropped mention stays a denial that points nowhere)."""
    claims = [i for i, mention in enumerate(mentions) if not is_junk(doc, mention)]
    outer = [mentions[i] for i in claims]
    contested = {m.contests for m in mentions if m.contests is not None}  # what a denial points at stays
    kept = [i for i in claims if i in contested or not repeats_outer(mentions[i], outer)]
    new_index = {old: new for new, old in enumerate(kept)}
    result = []
    for old in kept:
        mention = mentions[old]
        if mention.contests is not None:
            mention.contests = new_index.get(mention.contests)
        result.append(mention)
    return result
