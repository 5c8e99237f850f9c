"""Crash points, for the crash-safety tests: with ``STORYLINE_CRASH_AT=NAME`` set, the process kills itself
(SIGKILL: no clean-up, no rollback in Python) on reaching the point named NAME. Inert unless that variable is
set. The points: ``before-extraction`` (the report stored, not extracted), ``saving-extraction`` (inside the
transaction that saves its extraction, before it commits), ``extraction-saved`` (saved, its mention vectors
not yet stored) and ``before-ledger`` (vectors stored, the story's kept ledger not yet updated)."""

from __future__ import annotations

import os
import signal


def crash_point(name: str) -> None:
    """Kill this process at once when ``STORYLINE_CRASH_AT`` names this point."""
    if os.environ.get("STORYLINE_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
