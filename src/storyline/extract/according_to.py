"""Attribution by a prepositional phrase that names the source: "According to X, …" (X is the source, the rest of
the clause the content), "In the latest poll, …" (a poll, survey, study or analysis opening its sentence is
the source of what the sentence reports) and "In Ash's view, …" (the owner of the view says the rest).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cues import load_cues
from .spans import OBJECT_DEPS, _Found, _trim, before_dash_aside, past_dash_aside

FINDINGS = {"poll", "survey", "study", "analysis"}  # "In the latest poll, …"
VIEWS = {"view", "opinion", "words", "estimation", "judgment", "judgement", "telling", "assessment"}  # "In Ash's view, …"


def is_view_phrase(cue: Span) -> bool:
    """Whether a cue is the phrase of a view's owner ("In Ash's view", "in her opinion", "In his words"): it
    credits what the owner has said or written (PolNeAR annotates "In their view" as an attribution), not a
    thought the reporter reads into someone."""
    return len(cue) >= 3 and cue[0].lower_ == "in" and cue[-1].lower_ in VIEWS


def _according_to(tok: Token) -> _Found | None:
    """'According to X, …': X is the source; the rest of the clause is the content."""
    doc = tok.doc
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or next(
        (c for c in tok.children if c.dep_ == "pobj"), None)
    verb = next((c for c in to.children if c.dep_ == "pcomp"), None)
    if pobj is None and verb is not None:  # "according to show insiders": the parser made a verb of "show"
        pobj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), verb)
    if pobj is None:
        return None
    phrase_start, phrase_end = tok.i, max(pobj.right_edge.i, to.i)
    for child in pobj.rights:  # "According to X, the pier reeks of …": a clause the parser hung on X is the content
        rest = tok.dep_ == "ROOT" and all(t.is_punct for t in doc[child.right_edge.i + 1: tok.sent.end])
        if (child.dep_ in {"appos", "acl", "relcl"} and (child.pos_ in {"VERB", "AUX"} or rest)
                and doc[child.left_edge.i - 1].text == ","):
            phrase_end = min(phrase_end, child.left_edge.i - 1)
    clause = tok.sent
    head = tok.head
    if head != tok and head.pos_ in {"VERB", "AUX"}:
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        clause = doc[head.left_edge.i: head.right_edge.i + 1]
    left = (clause.start, phrase_start)
    right = (phrase_end + 1, clause.end)
    lo, hi = right if right[1] - right[0] >= left[1] - left[0] else left
    if hi <= lo:
        return None
    # a clause with a dash aside holding a comma: "The pier - there were two, side by side - was never flooded,
    # according to …" (the parser hangs the phrase on the words after the aside)
    if lo > phrase_end:
        hi = past_dash_aside(doc, lo, hi - 1, clause.sent.end, tok) + 1
    else:
        lo = before_dash_aside(doc, lo, hi - 1, clause.sent.start)
    content = _trim(doc, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    if content[1] <= content[0]:
        return None
    return _Found((tok.i, to.i + 1), "report", content, pobj)


def _issuer_says(clause: Token, finding: Token) -> bool:
    """'In a study of dock workers, Harbour Watch found that …': whether the clause after the poll or study is
    a cue verb with a that-clause whose subject is a name; that subject speaks through the study, and the
    verb's own attribution credits them. "In the latest poll, 60 percent backed the levy" (no cue), "…, 55
    percent said …" (no name) and "…, Harbour Watch found broad support" (no clause: storyline takes no
    noun phrase a verb found for a claim, and the row would be lost) stay the poll's."""
    if load_cues().cue_class(clause.lemma_) is None or not any(c.dep_ == "ccomp" for c in clause.children):
        return False
    return any(c.dep_ == "nsubj" and c.i > finding.right_edge.i
               and (c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "PERSON", "NORP"}) for c in clause.children)


def _in_findings(tok: Token) -> _Found | None:
    """'In the harbour board's survey, 60 percent backed the levy': a poll or study opening its sentence is
    the source of what the sentence reports; 'In Ash's view, the rules must change': the view's owner is."""
    doc = tok.doc
    finding = next((c for c in tok.children if c.dep_ == "pobj"), None)
    owner = next((c for c in finding.children if c.dep_ == "poss"), None) if finding is not None else None
    if owner is not None and finding.lower_ in VIEWS:
        source, cue, cls = owner, (tok.i, finding.i + 1), "believe"
    elif finding is not None and finding.lemma_.lower() in FINDINGS and finding.tag_ == "NN":
        source, cue, cls = finding, (tok.i, tok.i + 1), "report"
    else:
        return None
    if (not tok.is_sent_start
            or finding.right_edge.i + 1 >= len(doc) or doc[finding.right_edge.i + 1].text != ","
            or tok.head.pos_ not in {"VERB", "AUX"}):
        return None
    clause = tok.head
    if source is finding and _issuer_says(clause, finding):
        return None  # "In a poll …, Veyra Polling found that …": the verb's own attribution, theirs
    after = finding.right_edge.i + 2
    if after > clause.right_edge.i:
        return None
    last = clause.right_edge
    return _Found(cue, cls, _trim(doc, doc[after].idx, last.idx + len(last)), source)
