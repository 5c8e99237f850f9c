"""A statement inside a clause of concession or contrast that opens its sentence ("While Varga wrongly claimed
that the tapes exist, harbor experts affirm that …") ends where that clause ends: at the comma before the main
clause. The small model sometimes parses the main clause after the comma as part of the that-clause ("harbor"
a verb coordinated with "exist"), so the speaker's content ran on over the other party's statement; when the
parse leaves the cue verb the root of its sentence although a While/Although/Though/Whereas opens it, the main
clause must be inside the cue's subtree, and the first comma after the content's start is where it begins.
"""

from __future__ import annotations

from spacy.tokens import Token

from .nlp import doc_text

CONCESSIVE_MARKS = {"while", "although", "though", "whereas"}
QUOTE_MARKS = {"“", "”", '"'}


def opens_concession(cue: Token) -> bool:
    """Is the cue verb the root of a sentence opened by While/Although/Though/Whereas, the mark its own
    and no comma between them ("While on the trail, Ruiz said …" is a clause that ended before the cue)?"""
    sent = cue.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return (cue.dep_ == "ROOT" and first is not None and first.lower_ in CONCESSIVE_MARKS
            and first.dep_ == "mark" and first.head == cue
            and not any(t.text in {",", ";", ":", "—", "–"} for t in cue.doc[first.i + 1:cue.i]))


def concession_end(cue: Token, span: tuple[int, int]) -> tuple[int, int]:
    """The content ``span`` after such a cue, cut before its first comma outside quotation marks."""
    if not opens_concession(cue) or span[0] < cue.idx:
        return span
    text = doc_text(cue.doc)
    inside = False
    for i in range(span[0], span[1]):
        if text[i] in QUOTE_MARKS:
            inside = not inside if text[i] == '"' else text[i] == "“"
        elif text[i] == "," and not inside:
            end = i
            while end > span[0] and text[end - 1].isspace():
                end -= 1
            return (span[0], end) if end > span[0] else span
    return span
