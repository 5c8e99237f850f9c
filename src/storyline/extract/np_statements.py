"""Statements whose content is a noun phrase: which verbless contents an editor still itemises (issue 15).

A content with no verb names a topic ("criticized *his rival*", "talked about *the economy*") and junk.py
strikes it. Some noun-phrase contents say something that can be checked and that other outlets report,
though no verb states it; the construction around the cue shows which:

- a demand: "called for *the release of the footage*", "pushed for *a recount*" — what was asked for;
- a reason for blame or praise: "criticized *the mayor for his ties to the developer*", "attacked *her
  rival for his vote*" — the "for" phrase names what the speaker holds against (or credits to) someone.

The construction decides, not the noun phrase: a topic ("discussed *immigration*"), a stance or a vote
("supports *the senator*") or a bare target ("attacked *the senator*") stays struck. The verbs of attack
("attacked", "hit", "knocked", …) are cues only with such a reason, or with "as" (``held_against``):
"attacked the town" and "hit him on guns" say nothing that can be checked.

Counted on PolNeAR train (840 texts, ``benchmarks/recall_misses.py --compare``): demands and reasons 35
gold attributions found more in 32 texts, none lost, 10 mentions more that match none (most of them demands
PolNeAR did not mark); the verbs of attack 16 more, none lost, 4 strays. "call X Y" (a naming) was measured
and left out: no editor item on the nine train-text ledger stories.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from .nlp import cue_of
from .nonspeakers import can_speak

DEMAND_VERBS = frozenset({"call", "push", "press"})  # with "for": "called for X"
# verbs of blaming or praising someone for something ("criticized X for Y", "praised X for Y"); clauses.py
# takes them with the object's "of", "for", "on" or "with" phrase as said (``ACCUSE_VERBS``)
JUDGING_VERBS = frozenset({"criticize", "criticise", "blame", "fault", "slam", "blast", "attack", "hit", "knock",
                           "hammer", "pound", "bash", "assail", "lambaste", "lambast", "rip", "scold", "chide",
                           "rebuke", "berate", "condemn", "denounce", "praise", "credit", "applaud", "hail"})
BLAME_VERBS = JUDGING_VERBS | {"decry", "call"}  # + object + "for": "criticized X for Y", "called X out for Y"
NOT_A_REASON = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})  # "for two days"


def np_statement(doc: Doc, mention: Mention, span: Span) -> str | None:
    """The construction that makes a verbless content a statement ("demand" or "reason"), or None."""
    cue = cue_of(doc, mention)
    verbs = [t for t in cue or () if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    verb = verbs[-1]
    lemma = verb.lemma_.lower()
    inside = lambda t: span.start <= t.i < span.end  # noqa: E731
    if lemma in DEMAND_VERBS and _prep(verb, "for", inside) is not None:
        return "demand"
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and inside(c)]
    if lemma in BLAME_VERBS and objects and (
            _prep(verb, "for", inside) is not None or any(_prep(o, "for", inside) for o in objects)):
        return "reason"
    return None


def held_against(verb: Token) -> Token | None:
    """'attacked the mayor *for* his ties', 'hit the levy *as* a tax on the poor', 'was attacked by rivals *for*
    …': the "for" or "as" phrase on a verb of attack that says what is held against its object, or None. A
    "for" needs an object that can answer for something ("hit the campaign trail for the first time")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    agent = any(c.dep_ == "agent" for c in verb.children)
    if not (objects or agent):
        return None
    held = _prep(verb, "for") if agent or any(can_speak(o) for o in objects) else None
    return held or _prep(verb, "as")


def _prep(verb: Token, word: str, inside=lambda t: True) -> Token | None:
    """A preposition ``word`` on ``verb`` whose object (no time or quantity) lies in the content."""
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == word and any(
        o.dep_ in ("pobj", "pcomp") and inside(o) and o.ent_type_ not in NOT_A_REASON for o in c.children)), None)
