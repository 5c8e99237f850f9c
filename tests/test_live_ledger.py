"""A story's ledger kept in a long-running process: reports added one by one link in without replaying the
story, and the result is the ledger a full replay gives. Invented story: a bridge closure in Corran."""

from __future__ import annotations

import pytest

from storyline.adding import add_document, rerun_extraction
from storyline.ingest.normalize import normalize_text
from storyline.ledger.from_store import story_ledger
from storyline.ledger.live import LiveLedger
from storyline.model import Document
from storyline.store import open_store

pytestmark = pytest.mark.slow

STORY = "Corran bridge"
TEXTS = [
    ("Corran Herald", "corran-herald/bridge", "The Corran bridge was closed on Monday after engineers found cracks "
     "in two piers, the city council said. Some drivers said the cracks had been visible for months, a claim that "
     "could not be independently verified."),
    ("Valley Wire", "valley-wire/bridge", "Engineers found cracks in two piers of the Corran bridge, which the city "
     "council closed on Monday. The council's chief engineer, Ines Mallory, said repairs would take six weeks."),
    ("Corran Herald", "corran-herald/bridge", "The Corran bridge was closed on Monday after engineers found cracks "
     "in two piers, the city council said. Inspectors confirmed that the cracks had been visible for months."),
]


def doc(outlet: str, location: str, text: str) -> Document:
    text = normalize_text(text)
    return Document(text=text, raw=text.encode(), content_type="text/plain", location=location, outlet=outlet,
                    published="2031-05-12")


def comparable(ledger: dict) -> dict:
    return {"claims": [(c["id"], c["status"], c["outlets"], c["text"]) for c in ledger["claims"]],
            "changes": [(c["kind"], c["report"], c.get("claim")) for c in ledger["changes"]],
            "events": [e["id"] for e in ledger["events"]]}


def test_reports_link_in_one_by_one_and_match_a_full_replay(tmp_path):
    with open_store(str(tmp_path / "live.db")) as store:
        add_document(store, STORY, doc(*TEXTS[0]))
        live = LiveLedger(store, STORY)
        assert len(live.refresh()) == 1 and live.replays == 1
        for outlet, location, text in TEXTS[1:]:
            add_document(store, STORY, doc(outlet, location, text))
            added = live.refresh()
            assert len(added) == 1
            assert comparable(live.ledger()) == comparable(story_ledger(store, STORY))
        assert live.replays == 1  # the later reports linked into the kept state
        assert live.refresh() == []

        rerun_extraction(store, STORY, everything=True)  # a report already in the ledger changes: replay once
        live.refresh()
        assert live.replays == 2
        assert comparable(live.ledger()) == comparable(story_ledger(store, STORY))
