"""Text normalization shared by ingest and storage: one canonical form per report text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w[\w'’-]*")


def normalize_text(text: str) -> str:
    """NFC-normalize, unify newlines to ``\\n``, drop BOMs, trailing spaces and outer blank space.

    Idempotent: ``normalize_text(normalize_text(t)) == normalize_text(t)``. Every offset a later
    stage stores points into this form.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def sha256_of(text: str) -> str:
    """Hex SHA-256 of the normalized text: equal digests mean identical content."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    """Number of words (runs of letters/digits, keeping inner apostrophes and hyphens)."""
    return sum(1 for _ in _WORD.finditer(text))
