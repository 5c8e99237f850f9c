"""Ledgers for the desk: the same dict ``storyline export`` prints, with editors' verdicts in
``claims[].verdict``, built once per change of the story's reports and reused between requests."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

from ..ledger.from_store import story_ledger, with_verdicts
from ..store import Store


class LedgerCache:
    """Story ledgers kept until the story's reports or extractions change (verdicts are read every time: they
    are one small query, and an editor must see their verdict at once)."""

    def __init__(self, store: Store, size: int = 16):
        self.store = store
        self.size = size
        self._kept: dict[tuple[str, bool], tuple[tuple, dict]] = {}
        self._lock = threading.Lock()

    def ledger(self, story: str, with_text: bool = False) -> dict:
        """The story's ledger with verdicts, as ``storyline export`` builds it (``generated_at`` is now)."""
        stamp = self.store.story_stamp(story)
        key = (story, with_text)
        with self._lock:
            kept = self._kept.get(key)
        if kept is None or kept[0] != stamp:
            kept = (stamp, story_ledger(self.store, story, with_text=with_text))
            with self._lock:
                self._kept.pop(key, None)
                self._kept[key] = kept
                while len(self._kept) > self.size:
                    self._kept.pop(next(iter(self._kept)))
        ledger = with_verdicts(kept[1], self.store.verdicts(story))
        ledger["generated_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        return ledger
