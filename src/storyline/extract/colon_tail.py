"""A content that stops at a colon its sentence goes on after: "named the night's big winner: Tomas Brel",
"listed the states that split their delegates: Ostmark, Lenland and Varo". What follows the colon is what
the first part announces, so it is part of what was said; the parser often hangs it elsewhere or breaks the
sentence there. Only a tail without a finite verb of its own (a name, a list, a figure, an infinitive or
gerund) or one that goes on in lower case is taken: a capitalised clause after a colon ("… is a problem: A
new poll shows …") is usually the reporter's next statement, and so is a bare "No." (issue 15). PolNeAR
train, contents after their cue that stop at a same-line colon: the annotators ran 15 to the sentence end and
kept 6 at the colon; with these conditions, 14 exact contents gained in 13 articles and 1 lost.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .nlp import doc_text
from .outlet_claims import FINITE_TAGS
OPENING_QUOTES = {"“", '"', "‘", "'"}


def past_colon(doc: Doc, start: int, end: int) -> int:
    """The end of a content (char offsets) run on over a colon tail (see the module), or ``end``."""
    text = doc_text(doc)
    at = end
    while at < len(text) and text[at] in "”’\"'":
        at += 1
    if at >= len(text) or text[at] != ":":
        return end
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    tail_start = at + 1
    while tail_start < line_end and text[tail_start] in " \t\xa0":
        tail_start += 1
    if tail_start >= line_end or text[tail_start] in OPENING_QUOTES:
        return end
    first = doc.char_span(tail_start, tail_start + 1, alignment_mode="expand")
    if first is None:
        return end
    first = first[0]
    last = first.sent.end - 1
    while last > first.i and (doc[last].is_punct or doc[last].is_space or doc[last].idx >= line_end):
        last -= 1
    tail = doc[first.i:last + 1]
    if any(t.text in {":", ";"} for t in tail) or text[tail_start].isupper() and _finite(tail):
        return end
    if len(tail) == 1 and (tail[0].pos_ == "INTJ" or tail[0].lower_ in {"yes", "no"}):  # "… the country: No."
        return end
    return tail.end_char


def _finite(tail: Span) -> bool:
    """Has the tail a finite verb of its own (not one inside a relative clause on a noun of the tail)?"""
    return any(t.tag_ in FINITE_TAGS and t.dep_ not in {"relcl", "acl"} and not any(
        a.dep_ in {"relcl", "acl"} for a in t.ancestors if tail.start <= a.i < tail.end) for t in tail)
