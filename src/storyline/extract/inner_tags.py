"""Attribution tags inside a ledger row's content that are no part of what its speaker said.

"Lee said the driver stopped at the light, the footage showed": ", the footage showed" is a tag of its own
(a cue verb with its own subject after a comma, saying nothing of its own and ending the sentence), so the
row of Lee holds "the driver stopped at the light". "The council approved a budget, which, Nadler said, will
cut the deficit": Nadler's row holds "will cut the deficit"; the "which" stands for the reporter's clause
before it. The attribution itself keeps its span (span benchmarks such as PolNeAR annotate the content with
the tag and the pronoun in it); only the ledger's row is narrowed, like a relayed row (``relayed``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Mention
from .cues import load_cues
from .mentions import _form
from .nlp import cue_of, doc_text, quote_index
from .relatives import past_relative_opening

NOUN_PHRASE = {"DET", "NOUN", "PROPN", "ADJ", "PART", "NUM"}  # "the police video", "FEC records"


def closing_tag(verb: Token) -> bool:
    """Is this verb a closing attribution tag (", records show.", ", the video showed.")? A cue verb right
    after a comma and a noun phrase that leans on it (its subject, or a compound where the parser took the
    clause before for the subject), with nothing but punctuation after it to the end of its sentence."""
    if verb.pos_ not in {"VERB", "AUX"} or not load_cues().words.get(verb.lemma_.lower()):
        return False
    doc = verb.doc
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1:verb.sent.end]):
        return False
    return _comma_before(verb) is not None


def _comma_before(verb: Token) -> int | None:
    """The comma before the noun phrase that leans on the tag verb (each word's head to its right, up to
    the verb), or None when no such phrase and comma stand right before it."""
    doc = verb.doc
    j = verb.i - 1
    while j > verb.sent.start and not doc[j].is_punct and j < doc[j].head.i <= verb.i:
        j -= 1
    words = doc[j + 1:verb.i]
    if doc[j].text != "," or not len(words) or not all(t.pos_ in NOUN_PHRASE for t in words):
        return None
    return j if any(t.pos_ in {"NOUN", "PROPN"} for t in words) else None


def before_closing_tag(doc, first: int, last: int, cue: tuple[int, int] | None = None) -> int:
    """The last word (token index) of the content [first, last] once a closing tag inside it is cut off:
    the word before the tag's comma; ``last`` when there is none. ``cue``: the content's own cue token range
    [start, end), which is never taken for a second tag."""
    for verb in doc[first + 1:last + 1]:
        if cue is not None and cue[0] <= verb.i < cue[1]:
            continue
        if closing_tag(verb):
            comma = _comma_before(verb)
            if first < comma:
                return comma - 1
    return last


def narrow_tagged_rows(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Cut each row's content to what its speaker said: before a closing tag of another cue, and after an
    inserted tag that follows an opening relative pronoun; returns the rows narrowed."""
    text = doc_text(doc)
    quotes = None
    narrowed = []
    for m in mentions:
        cue = cue_of(doc, m)
        if m.form == "outlet" or cue is None or not len(cue):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        first, last = span.start, span.end - 1
        while last > first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        end = before_closing_tag(doc, first, last, (cue.start, cue.end))
        start, stop = past_relative_opening(cue.root, (m.start, m.end))
        if end != last:
            stop = doc[end].idx + len(doc[end])
        if (start, stop) != (m.start, m.end) and start < stop:
            quotes = quotes or quote_index(doc)
            m.start, m.end = start, stop
            m.text = text[start:stop]
            m.form = _form(text, start, stop, quotes)
            narrowed.append(m)
    return narrowed
