"""Scoring storyline's extractors against gold sets laid out as in ``shared/data``."""
