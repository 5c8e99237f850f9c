"""The content a verb of saying takes: its clause (or a that-clause the parser made an adverbial), an object
with what is predicated of it ("labeled the incident a 'terrorist attack'", "accused him of lying"), an
infinitive ("urged them to …") or a phrase's object ("called for …"), grown over what the parser hung on the
cue after it when that is part of what is said (a reason or condition, a verb coordinated in the content's
form). A denial, dispute or confirmation with an object judges that object ("denied those reports"), a
passive one with a by-agent its subject ("… is disputed by the ministry"); a clause across a semicolon is a
statement of its own, not the content of the cue after it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .concessions import concession_end
from .cues import Cues, load_cues
from .nominal_cues import _noun_clause
from .np_statements import JUDGING_VERBS
from .spans import OBJECT_DEPS, SUBJECT_DEPS, _own_attribution, _paragraph, _subtree_span
from .speakers import _agent, _person_like

VERDICT_CLASSES = {"dispute", "deny", "confirm"}  # cues whose object is the thing judged ("denied the reports")
CLAUSE_BREAKS = {";", ":", "—", "–", "--"}  # a clause before one of these is no content of a cue after it
ESTIMATE_VERBS = {"estimate", "put", "project", "value", "peg"}  # "estimated the cargo at 300 tonnes"
# "accused him of lying", "slammed the board for closing the quay": the charge or reason is what is said
ACCUSE_VERBS = JUDGING_VERBS | {"accuse", "charge", "trash", "savage", "mock"}  # np_statements.JUDGING_VERBS and these
COMPARE_VERBS = {"compare", "liken"}  # "compared his lapse to the worst gaffes": what it is compared to is said too
REASON_MARKS = {"because", "if", "unless", "since"}  # a reason or condition the speaker gives with the content
# verbs whose "to" after the thing said names where it goes or who gets it ("added a facet to his job", "posted
# the picture to his page", "described the plan to the council"): that phrase is the reporter's, not the content
TRANSFER_VERBS = {"add", "post", "send", "give", "pledge", "express", "write", "lend", "submit", "deliver", "extend",
                  "offer", "present", "describe", "explain", "read", "hand", "pitch", "outline", "report", "mention",
                  "repeat", "relay", "convey", "address"}


def _content(tok: Token, lemma: str, phrase: list[Token], cls: str, cues: Cues) -> tuple[int, int] | None:
    """Char span of what is attributed: a clause, an object (+ predicate), or a phrase's object."""
    children = list(tok.children)
    para = _paragraph(tok.doc, tok.i)
    judged = next((c for c in children if c.dep_ in OBJECT_DEPS), None) if cls in VERDICT_CLASSES else None
    clauses = [c for c in children if _clause_said(tok, c) and para[0] <= c.i < para[1] and not _across_break(tok, c)
               and (judged is None or judged.i < c.i and not any(g.dep_ in SUBJECT_DEPS for g in c.children))]
    if clauses and lemma in cues.clause_only and not any(c.pos_ in {"VERB", "AUX"} for c in clauses):
        return None  # "declared the air safe" states no proposition
    after = [c for c in clauses if c.i > tok.i and all(t.is_punct for t in tok.doc[tok.i + 1:c.left_edge.i])
             and c.left_edge.tag_ not in {"WDT", "WP"}  # "reports that track spending": a relative clause
             and (c.left_edge.lower_ == "that" or c.left_edge.dep_ not in {"mark", "prep"})]
    if after and clauses[0].i < tok.i and (not any(c.dep_ == "mark" for c in children) or _opens_clause(tok)):
        clauses = after  # "The row began after Brel, asked …, had said, 'X'": a clause on each side of the cue
        # (a misparse); what follows the cue is what is said, unless the cue is itself subordinate ("as Ruiz
        # said"); a cue opening a clause of time or reason ('"…," Tan said, after Ruiz said the …') cannot
        # say what stands before its own "after"
    if clauses:
        span = _subtree_span(clauses[0], exclude=tok)
        later = [c for c in clauses[1:] if (c.i > tok.i) == (clauses[0].i > tok.i)]
        if later:  # a misparse splitting one clause in two: "a barge tied up nearby, …, had sunk"
            span = (span[0], _subtree_span(later[-1], exclude=tok)[1])
        speaker = any(c.dep_ in SUBJECT_DEPS and c.i < tok.i for c in children)
        subject = next((c for c in children if (c.dep_ in OBJECT_DEPS or speaker and c.dep_ in SUBJECT_DEPS)
                        and tok.i < c.i < clauses[0].i), None)
        if subject is not None and not _has_own_subject(clauses[0]):
            span = (_subtree_span(subject, exclude=tok)[0], span[1])  # "warned the cranes were unsafe"; "said
            # closed meetings -- those … -- deny …" with "meetings" parsed as a second subject of "said"
        return concession_end(tok, _grown(tok, clauses[-1] if later else clauses[0], span, cues, nominal=False))
    xcomp = next((c for c in children if c.pos_ in {"VERB", "AUX"} and (c.dep_ == "xcomp" or (
        c.dep_ == "advcl" and lemma in cues.recipient and c.i > tok.i
        and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.left_edge.i for a in c.children)))), None)
    obj = None
    if phrase and phrase[-1].dep_ == "mark":
        return _subtree_span(phrase[-1].head, exclude=phrase[-1])
    if phrase and phrase[-1].dep_ == "prep":
        obj = next((g for g in phrase[-1].children if g.dep_ in {"pobj", "pcomp"}
                    and g.ent_type_ not in {"DATE", "TIME"}), None)  # "pushes the tally … for 2012"
    elif lemma not in cues.recipient or xcomp is not None:
        obj = next((c for c in children if c.dep_ in OBJECT_DEPS and c not in phrase), None)
    if obj is None and not phrase:  # "called Ana Ruiz a 'liar'" parsed as two predicates of "called"
        obj = next((c for c in children if c.dep_ == "oprd" and c.i > tok.i), None)
    if xcomp is not None:
        span = _subtree_span(xcomp, exclude=tok)
        if obj is not None and tok.i < obj.i < xcomp.i:  # "urged them to …", "called for X to …"
            span = (_subtree_span(obj, exclude=tok)[0], span[1])
        return _grown(tok, xcomp, span, cues, nominal=False)
    if obj is None and cls in VERDICT_CLASSES and _agent(tok) is not None:  # "… is disputed by the ministry"
        return _passive_judged(tok)
    if obj is None and lemma in ACCUSE_VERBS and _agent(tok) is not None:  # "was criticized by rivals for failing to …"
        reason = next((c for c in children if c.dep_ == "prep" and c.lower_ in {"for", "of"} and c.i > tok.i), None)
        said = next((g for g in reason.children if g.dep_ in {"pobj", "pcomp"}), None) if reason is not None else None
        if said is not None:
            return _subtree_span(said, exclude=tok)
    if obj is None or (cls == "urge" and not phrase) or lemma in cues.clause_only:
        return None
    if cls in VERDICT_CLASSES and not phrase and _person_like(obj):  # "police questioned two managers"
        return None
    span = _subtree_span(obj, exclude=tok)
    tail = [c for c in children if c.i > obj.i and (
        c.dep_ == "oprd" or c.dep_ == "prep" and (c.lower_ == "as" or lemma in ACCUSE_VERBS
                                                  and c.lower_ in {"of", "for", "on", "with"}
                                                  or lemma in COMPARE_VERBS and c.lower_ in {"to", "with"}
                                                  or lemma in ESTIMATE_VERBS and c.lower_ == "at"))]
    if tail:  # "labeled the incident a 'terrorist attack'", "accused him of lying", "cast it as a trap because …"
        return _grown(tok, tail[-1], (span[0], _subtree_span(tail[-1], exclude=tok)[1]), cues, nominal=False)
    if lemma in cues.as_only and not any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.rights):
        return None
    if obj.pos_ == "PRON" and obj.lower_ not in {"it", "this", "that"}:
        return None
    return _grown(tok, obj, span, cues, nominal=True)


def _has_own_subject(clause: Token) -> bool:
    """Does the said clause have a subject of its own, so that an object before it is whom the words are
    told to, not what they are about? A subject word or "there" ("told reporters that *there* was a leak").
    A "that" alone does not tell: "echoed statements by X that …" is a noun's clause the parse hung on the
    verb, and the noun stays in the content."""
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children)


TIME_MARKS = {"after", "when", "before", "while", "until", "once", "because", "since"}


def _opens_clause(tok: Token) -> bool:
    """Is the cue the verb of a clause of time or reason ("after Ruiz said …", "when Tan claimed …")?"""
    return any(c.dep_ == "mark" and c.lower_ in TIME_MARKS and c.i < tok.i for c in tok.children)


def _clause_said(cue: Token, child: Token) -> bool:
    """A clause the cue takes: its ccomp, or a that-clause after it the parser made an adverbial
    ("tweeted on Monday that the ferry would stop")."""
    return child.dep_ == "ccomp" or (child.dep_ == "advcl" and child.i > cue.i and child.pos_ in {"VERB", "AUX"}
                                     and child.left_edge.lower_ == "that" and child.left_edge.head == child)


def _grown(cue: Token, head: Token, span: tuple[int, int], cues: Cues, nominal: bool) -> tuple[int, int]:
    """Content after its cue, grown over what the parser hung on the cue past it: a reason or condition
    ("said the port shut because the cranes failed", "… if the strike goes on"), a verb coordinated with the
    content's own ("said it would cost more at first but would pay off later", "wants to dredge the channel
    and widen the quay") and, after a noun phrase said, its modifiers ("praised the crews for their work").
    Growth stops at anything else: a time, a channel ("in a statement"), a clause with its own speaker."""
    doc = cue.doc
    if head.i < cue.i or span[1] <= doc[cue.i].idx:
        return span
    right = head.right_edge.i
    para_end = _paragraph(doc, cue.i)[1]
    for child in cue.rights:
        if child.i <= right:
            continue
        if child.right_edge.i >= para_end or not all(
                t.is_punct or t.dep_ == "cc" for t in doc[right + 1: child.left_edge.i]) or not _continues(
                cue, head, child, cues, nominal):
            break
        right = child.right_edge.i
        if not (child.is_punct or child.dep_ == "cc"):
            span = span[0], max(span[1], _subtree_span(child, exclude=cue)[1])
    return span


def _continues(cue: Token, head: Token, child: Token, cues: Cues, nominal: bool) -> bool:
    """Does a part the parser hung on the cue after its content belong to the content? (``_grown``)"""
    if child.is_punct or child.dep_ == "cc":
        return True
    if child.dep_ == "advcl":
        return any(m.dep_ == "mark" and m.lower_ in REASON_MARKS for m in child.children)
    if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
        if _own_attribution(child) or any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return False
        modal = any(c.tag_ == "MD" for c in child.children) and not any(c.tag_ == "MD" for c in cue.children)
        return modal or child.tag_ == head.tag_ != cue.tag_
    if child.dep_ == "prep" and nominal and child.lower_ == "to":
        return cue.lemma_.lower() not in TRANSFER_VERBS and _noun_complement(child, cues)
    if child.dep_ == "prep" and nominal and child.lower_ not in {"to", "by", "at", "after", "before", "during"}:
        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
        return pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"} and (
            pobj.lemma_.lower() not in cues.channels)
    return False


def _noun_complement(prep: Token, cues: Cues) -> bool:
    """A "to" phrase the parser hung on the cue after a noun phrase said is the noun's own complement
    ("cited a link to the hotel assault", "questioned her closeness to party elites") unless it names who
    was told or where ("… to reporters", "… to Brel", "… to Harbour City") or a time (issue 15). PolNeAR
    train: 8 exact contents gained in 8 articles, 0 lost (1 lost before ``TRANSFER_VERBS`` were left out)."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return (pobj is not None and pobj.ent_type_ not in {"DATE", "TIME", "ORG", "GPE", "LOC", "FAC"}
            and not _person_like(pobj) and pobj.lemma_.lower() not in cues.channels)


def _passive_judged(verb: Token) -> tuple[int, int] | None:
    """What a passive verdict cue judges: its subject ("The account of the sinking has been confirmed
    by …"), or the clause of a claim noun ("The union's claim that X is disputed by …" → "that X").
    People are questioned, not disputed: "Two managers were questioned by police" judges nothing."""
    judged = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if judged is None or _person_like(judged):
        return None
    clause = _noun_clause(judged) if judged.lemma_.lower() in load_cues().nominal else None
    return _subtree_span(clause or judged, exclude=verb if clause is None else judged)


def _across_break(cue: Token, clause: Token) -> bool:
    """Is a clause set off from its cue by a semicolon (or, before the cue, a colon or dash)? Then it is
    a statement of its own: "Some reports said X; the agency denied those reports"."""
    doc = cue.doc
    if clause.i < cue.i:
        return any(t.text in CLAUSE_BREAKS for t in doc[clause.right_edge.i + 1: cue.i])
    return any(t.text == ";" for t in doc[cue.i + 1: clause.left_edge.i])
