"""Hand-built reports for ledger tests: text, mentions, figures and events placed by the phrases they hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from storyline.ledger.build import build_ledger
from storyline.model import Event, Extraction, Figure, Mention, Source, TimeValue


@dataclass
class Said:
    """One mention: its content phrase, who says it, its status; ``contests`` the index of the mention of the
    same report it contests."""

    content: str
    source: str
    status: str = "asserted"
    contests: int | None = None
    relation: str | None = None

    def __post_init__(self):
        # a denied or disputed Said is its source's own denial or dispute, as extraction marks one
        if self.relation is None and self.status in ("denied", "disputed"):
            self.relation = "denies" if self.status == "denied" else "disputes"


@dataclass
class FakeReport:
    id: str
    location: str
    outlet: str
    text: str
    said: list[Said] = field(default_factory=list)
    figures: list[tuple[str, float, float, str | None, str | None]] = field(default_factory=list)  # text, low, high, unit, qualifier
    events: list[tuple[str, str, str, str]] = field(default_factory=list)  # description, time text, value, precision
    version: int = 1
    previous_id: str | None = None
    published_at: str | None = "2025-05-06T08:00:00+00:00"
    fetched_at: datetime = datetime(2025, 5, 6, tzinfo=timezone.utc)
    url: str | None = None
    title: str | None = None
    sha256: str = "0" * 64
    language: str = "en"
    word_count: int = 10
    extraction_status: str = "ok"

    @property
    def extraction(self) -> Extraction:
        mentions = []
        for s in self.said:
            start = self.text.index(s.content)
            kind = "outlet" if s.source == self.outlet else "organization"
            mentions.append(Mention(start, start + len(s.content), s.content, Source(s.source, kind), None,
                                    "outlet" if kind == "outlet" else "indirect", s.status,
                                    contests=s.contests, relation=s.relation))
        figures = []
        for text, low, high, unit, qualifier in self.figures:
            start = self.text.index(text)
            figures.append(Figure(text, low, high, unit, start, start + len(text), qualifier))
        events = []
        for description, time_text, value, precision in self.events:
            start = self.text.index(description)
            at = self.text.index(time_text)
            events.append(Event(TimeValue(value, precision, time_text, at, at + len(time_text)), description,
                                start, start + len(description)))
        return Extraction(mentions=mentions, figures=figures, events=events)


def ledger(*reports: FakeReport) -> dict:
    return build_ledger({"id": "s", "title": "Test story"}, list(reports))


def claim_with(out: dict, words: str) -> dict:
    """The one claim whose text holds these words."""
    found = [c for c in out["claims"] if words in c["text"]]
    assert len(found) == 1, [c["text"] for c in out["claims"]]
    return found[0]
