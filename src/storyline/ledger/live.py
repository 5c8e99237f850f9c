"""A story's ledger kept up to date in a long-running process (the watch loop): a new report links into the
claims already built, without replaying the story.

``refresh`` reads only the reports stored or extracted since the last look. New ones are added to the kept
replay state (``LedgerState.add`` is incremental: the claim index, syndication and conflict indexes grow);
when a report already in the ledger was extracted again, the story is replayed once from the store.
"""

from __future__ import annotations

from datetime import datetime

from ..link.claims import cached_vectors
from ..store import ReportRecord, Store
from .build import LedgerState, ledger_dict
from .from_store import with_verdicts


class LiveLedger:
    """One story's ledger, updated report by report."""

    def __init__(self, store: Store, story: str):
        self.store = store
        self.story = story
        self.state: LedgerState | None = None
        self.reports: list[ReportRecord] = []
        self.extracted: dict[str, datetime | None] = {}  # report id → when its extraction was saved
        self.since: datetime | None = None
        self.replays = 0  # how many times the whole story was replayed (for tests and curiosity)

    def refresh(self) -> list[ReportRecord]:
        """Take in what changed in the store since the last look; returns the reports added."""
        changed = self.store.reports(self.story, changed_since=self.since)
        if not changed:
            return []
        self.since = max(max(r.fetched_at, r.extracted_at or r.fetched_at) for r in changed)
        known = [r for r in changed if r.id in self.extracted]
        if self.state is None or any(self.extracted[r.id] != r.extracted_at for r in known):
            self._replay()
            return changed
        new = [r for r in changed if r.id not in self.extracted]
        vectors = cached_vectors(self.store, new)
        if isinstance(self.state.vectors, dict) and vectors is not None:
            self.state.vectors.update(vectors)
        for report in new:
            self.state.add(report)
            self.reports.append(report)
            self.extracted[report.id] = report.extracted_at
        return new

    def _replay(self) -> None:
        self.reports = self.store.reports(self.story)
        self.state = LedgerState(vectors=cached_vectors(self.store, self.reports))
        for report in self.reports:
            self.state.add(report)
        self.extracted = {r.id: r.extracted_at for r in self.reports}
        self.replays += 1

    def ledger(self, with_text: bool = False) -> dict:
        """The export of the story as it stands (``refresh`` first), with its editors' verdicts."""
        if self.state is None:
            self.refresh()
        row = self.store.story(self.story)
        ledger = ledger_dict({"id": row.id, "title": row.title}, self.state or LedgerState(), self.reports, with_text)
        return with_verdicts(ledger, self.store.verdicts(self.story))
