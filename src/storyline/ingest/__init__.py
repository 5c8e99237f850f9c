"""Ingest: turn a source (file or standard input) into a ``Document`` with normalized text."""

from storyline.ingest.normalize import normalize_text, sha256_of, word_count
from storyline.ingest.sources import MAX_BYTES, read_source

__all__ = ["MAX_BYTES", "normalize_text", "read_source", "sha256_of", "word_count"]
