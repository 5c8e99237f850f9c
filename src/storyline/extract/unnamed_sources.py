"""Hedged attributions that name no one who speaks: "reportedly", "X is said to …", "It is believed that …"
(someone unnamed, or the by-agent when there is one), and a "seemed"/"appeared" the trained model proposes,
which is the report's own hedged impression (source ``the outlet``), not a stance of its subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Source
from .cues import Cues
from .spans import _Found, _subtree_span, _trim, _verb_group
from .speakers import _agent

RAISING_VERBS = {"seem", "appear"}  # "X seems to …": the report's impression of X, not X's stance
OUTLET = "the outlet"  # the report's own voice (``pipeline`` names the outlet)


def _raises_a_cue(verb: Token, cues: Cues) -> bool:
    """'Ana Ruiz seemed to blame the guild': the verb after "seemed" is a cue of the subject's own."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in cues.words for c in verb.children)


def _outlets_impression(verb: Token, cues: Cues) -> _Found | None:
    """'The pier seemed to sag', 'It appears that the levy failed': the report's own impression, hedged;
    no one in the story says it (the subject is what it is about, not who holds it). The content is the
    clause around the verb."""
    doc = verb.doc
    clause = [c for c in verb.children if c.dep_ in {"nsubj", "xcomp", "acomp", "oprd", "attr", "ccomp", "prep"}]
    if not any(c.dep_ != "nsubj" for c in clause):
        return None
    first = min(min(c.left_edge.i for c in clause), verb.i)
    last = max(max(c.right_edge.i for c in clause), verb.i)
    content = _trim(doc, doc[first].idx, doc[last].idx + len(doc[last]))
    return _Found(_verb_group(verb, [], cues), "hedge_source", content, None, Source(OUTLET, "outlet"), around=True)


def _reportedly(tok: Token) -> _Found | None:
    """'X reportedly did Y': unnamed reports say so; the clause is the content."""
    head = tok.head
    if head == tok or head.pos_ not in {"VERB", "AUX"}:
        return None
    content = _trim(tok.doc, head.left_edge.idx, head.right_edge.idx + len(head.right_edge))
    return _Found((tok.i, tok.i + 1), "hedge_source", content, None, Source("unnamed reports", "unnamed"))


def _passive_hedge(tok: Token) -> _Found | None:
    """'X is said to …' / 'It is believed that …': an unnamed source, hedged; the content takes the
    subject along ("The militia is said to control the pass"), the cue stops at the verb ("is said")."""
    group = [c.i for c in tok.children if c.dep_ in {"aux", "auxpass", "neg"}]
    agent = _agent(tok)
    for child in tok.children:
        if child.dep_ == "xcomp":
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if to is None or to.i != tok.i + 1:
                continue
            start = min(group + [tok.i])
            subject = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < start), None)
            first = to.idx + len(to) if subject is None else subject.left_edge.idx  # "The militia is said to …"
            content = _trim(tok.doc, first, child.right_edge.idx + len(child.right_edge))
            return _Found((start, tok.i + 1), "hedge_source", content, agent,
                          None if agent is not None else Source("unnamed", "unnamed"), around=subject is not None)
        if child.dep_ == "ccomp":
            start = min(group + [tok.i])
            content = _subtree_span(child, exclude=tok)
            return _Found((start, tok.i + 1), "hedge_source", content, agent,
                          None if agent is not None else Source("unnamed", "unnamed"))
    return None
