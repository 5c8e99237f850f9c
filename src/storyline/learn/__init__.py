"""Learned components: models trained by ``storyline train`` that extraction uses when present."""
