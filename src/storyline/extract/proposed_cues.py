"""What the trained cue judge sees and proposes beyond the lexicon: ``cue_shape`` (features of the attribution
built around a cue word) and the attribution built around a word the model proposes where the rules found no
clause or object said: a verb and what it governs ("lambasted the plan", "railed against the levy"), a copula
and its adjective ("The union was worried about the levy"), a passive main clause with no one named who
speaks ("X was accused of Y": all of it said by someone unnamed).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Source
from .cues import Cues
from .quotes import QuoteIndex
from .spans import CONDITIONAL_MARKS, OBJECT_DEPS, WH_TAGS, _Found, _paragraph, _subtree_span, _trim, _verb_group
from .speakers import _subject

def cue_shape(doc: Doc, found: _Found, quotes: QuoteIndex, built: str) -> list[str]:
    """Features of the attribution built around a cue word: where its content lies and how long it is,
    whether it is quoted, who its source is and where, and how long the cue is."""
    start, end = found.content or (0, 0)
    cue_at = doc[found.cue[0]].idx
    side = "around" if found.around or start < cue_at < end else "after" if start >= cue_at else "before"
    quoted = "direct" if quotes.at(start) is not None and quotes.at(max(start, end - 1)) is not None else (
        "mixed" if quotes.overlapping(start, end) else "none")
    size = min(4, (end - start) // 40)
    head = found.source_head
    if found.source is not None or found.source_name is not None:
        source, where = ("unnamed" if found.source is not None else "name"), "none"
    elif head is None:
        source, where = "none", "none"
    else:
        source = head.lower_ if head.pos_ == "PRON" else head.ent_type_ or head.pos_
        where = "before" if head.i < found.cue[0] else "after"
    first = doc.char_span(start, end, alignment_mode="expand")
    opener = first[0].lower_ if first is not None and len(first) else "-"
    opens = opener if opener in {"that", "to", "“", '"'} else "-"
    return [f"b={built}", f"bc={built}|{found.cls}", f"bs={built}|{side}", f"bq={built}|{quoted}",
            f"bz={built}|{size}", f"bsrc={built}|{source}", f"bw={built}|{where}", f"bo={built}|{opens}",
            f"bsw={built}|{side}|{where}|{quoted}", f"bn={built}|{min(3, found.cue[1] - found.cue[0])}"]


def _proposed(verb: Token, cues: Cues, quotes: QuoteIndex) -> _Found | None:
    """A verb the model takes for a cue though the rules found no clause or object said: what it
    governs after it is the content, a preposition's object joining the cue's preposition ("warned
    against the plan", "bragged about his record"), else its first clause or object."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return None
    source_head = _subject(verb)
    if source_head is None:
        return _agentless(verb, cues)
    if quotes.at(source_head.idx) is not None:
        return None
    return _governed(verb, _verb_group(verb, [], cues), "say", source_head, {*OBJECT_DEPS, "ccomp", "xcomp"})


def _stance(copula: Token, cues: Cues, quotes: QuoteIndex) -> _Found | None:
    """'The union was worried about the levy', 'Officials were not sure the pier would hold': a copula and
    its adjective the model may take for a cue of stance (a belief, a fear, a doubt); the adjective's
    clause, or its preposition's object, is the content and the copula's subject the source. The cue runs
    from the copula's auxiliaries to the adjective, or to its preposition ("were worried about")."""
    adjective = next((c for c in copula.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    source_head = _subject(copula)
    if adjective is None or source_head is None or quotes.at(source_head.idx) is not None:
        return None
    start = _verb_group(copula, [], cues)[0]
    return _governed(adjective, (start, adjective.i + 1), "believe", source_head, {"ccomp", "xcomp"})


def _governed(head: Token, cue: tuple[int, int], cls: str, source_head: Token, takes: set[str]) -> _Found | None:
    """What a proposed cue word governs after it, in its paragraph: the object of a preposition right after
    it (the cue then runs to the preposition), else its first child of a relation in ``takes``."""
    para = _paragraph(head.doc, head.i)
    for child in head.rights:
        if not para[0] <= child.i < para[1]:
            break
        if child.dep_ == "prep" and child.i == head.i + 1:
            pobj = _prep_object(child)
            if pobj is not None:
                return _Found((cue[0], child.i + 1), cls, _subtree_span(pobj, exclude=child), source_head)
        if child.dep_ in takes:
            return _Found(cue, cls, _subtree_span(child, exclude=head), source_head)
    return None


def _prep_object(prep: Token) -> Token | None:
    """What a preposition after a cue governs, when it is not a time ("warned against the plan", not
    "spoke on Monday")."""
    pobj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)
    return pobj if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"} else None


def _agentless(verb: Token, cues: Cues) -> _Found | None:
    """'The mayor was accused of hiding the report': a passive main clause the model takes for a cue, with
    no one named who accuses; its subject and what follows are what is said, by someone unnamed. The cue
    is the verb group, with "of" right after it ("was accused of"). A passive in a clause said is part of
    what is said, not a claim of its own."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if (subject is None or subject.tag_ in WH_TAGS or verb.dep_ not in {"ROOT", "conj"} or verb.head.dep_ != "ROOT"
            or not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "mark" for c in verb.children)):
        return None
    start, end = _verb_group(verb, [], cues)
    doc = verb.doc
    if end < len(doc) and doc[end].lower_ == "of" and doc[end].head == verb:
        end += 1
    last = verb.right_edge
    content = _trim(doc, subject.left_edge.idx, last.idx + len(last))
    return _Found((start, end), "say", content, None, Source("unnamed", "unnamed"), around=True)
