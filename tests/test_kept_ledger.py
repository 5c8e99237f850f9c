"""The kept ledger (ledger/kept.py): updated report by report as reports are added, it equals a full replay of
the same reports — on the bundled demo story, in its own order and shuffled, after a report whose update was
lost, after re-extraction — and reads page by page or stream without the whole ledger in memory."""

from __future__ import annotations

import io
import json
import random

import pytest

from storyline import demo
from storyline.adding import add_document, rerun_extraction
from storyline.extract import pipeline
from storyline.ingest import read_source
from storyline.ledger import kept
from storyline.ledger.build import LedgerState, ledger_dict
from storyline.ledger.from_store import story_ledger
from storyline.ledger.timeline import build_timeline
from storyline.ledger.event_vectors import cached_event_vectors
from storyline.link.claims import cached_vectors
from storyline.link.entities import merge_entities
from storyline.store import open_store

pytestmark = pytest.mark.slow

_EXTRACTED: dict = {}


@pytest.fixture(autouse=True)
def extract_once(monkeypatch):
    """Each demo text is extracted once for the whole module (extraction is what other tests check)."""
    real = _EXTRACTED.get("real") or pipeline.extract
    _EXTRACTED["real"] = real

    def cached(text, day, outlet):
        key = (text, day, outlet)
        if key not in _EXTRACTED:
            _EXTRACTED[key] = real(text, day, outlet)
        return _EXTRACTED[key]

    monkeypatch.setattr(pipeline, "extract", cached)


def demo_docs():
    """(story, document) of every report of the bundled demo, in the manifest's order."""
    manifest = demo.load_manifest()
    docs = []
    for entry in manifest["reports"]:
        doc = read_source(str(demo.STORY_DIR / entry["file"]), outlet=entry["outlet"], published=entry["published"])
        doc.location = doc.url = entry["location"]
        doc.title = entry.get("title") or doc.title
        docs.append((entry.get("story", manifest["story"]), doc))
    return docs


def rebuilt(store, story: str) -> dict:
    """The story's ledger replayed from scratch, as before the ledger was kept, its timeline and entities merged
    afresh from the current reports (the replay state keeps them report by report, revisions taken out)."""
    row = store.story(story)
    reports = store.reports(story)
    vectors = cached_vectors(store, reports)
    events = cached_event_vectors(store, reports, vectors) if vectors is not None else None
    state = LedgerState(vectors=vectors, event_vectors=events)
    for report in reports:
        state.add(report)
    ledger = ledger_dict({"id": row.id, "title": row.title}, state, reports)
    fresh = build_timeline([r for r in reports if state.is_current(r)], state.claim_of,
                           {c.number: c.status for c in state.claims}, {c.number: c.id for c in state.claims}, events)
    assert ledger["events"] == fresh
    entities, _ = merge_entities([(r.id, r.extraction.entities) for r in reports
                                  if state.is_current(r) and r.extraction])
    assert ledger["entities"] == [e.as_dict() for e in entities]
    return ledger


def same(ledger: dict) -> dict:
    """The ledger without what differs between two reads of the same ledger (the time it was generated)."""
    out = {k: v for k, v in ledger.items() if k != "generated_at"}
    out["claims"] = [{k: v for k, v in c.items() if k != "verdict"} for c in ledger["claims"]]
    return out


def add_all(store, docs) -> set[str]:
    for story, doc in docs:
        add_document(store, story, doc)
    return {story for story, _ in docs}


@pytest.mark.parametrize("order", ["manifest", "shuffled"])
def test_kept_ledger_equals_a_full_replay_of_the_demo(tmp_path, order):
    docs = demo_docs()
    if order == "shuffled":
        random.Random(7).shuffle(docs)
    with open_store(str(tmp_path / "s.db")) as store:
        stories = add_all(store, docs)
        for story in stories:
            story_id = store.story(story).id
            assert kept.update(store, story_id, story).taken == 0  # every add already took its report in
            assert same(story_ledger(store, story)) == same(rebuilt(store, story))
        main = demo.load_manifest()["story"]
        ledger = story_ledger(store, main)
        assert len(ledger["claims"]) > 30 and ledger["events"] and ledger["figures"] and ledger["entities"]


def test_a_report_whose_update_was_lost_is_taken_in_by_the_next_reader(tmp_path, monkeypatch):
    docs = demo_docs()[:5]
    with open_store(str(tmp_path / "s.db")) as store:
        add_all(store, docs[:3])
        monkeypatch.setattr("storyline.adding.keep_ledger", lambda *_: None)  # as if killed before the update
        add_all(store, docs[3:])
        story = docs[0][0]
        assert store.kept_state(store.story(story).id).folded == 3
        assert same(story_ledger(store, story)) == same(rebuilt(store, story))
        assert store.kept_state(store.story(story).id).folded == 5


def test_re_extraction_replays_the_story(tmp_path):
    docs = demo_docs()[:4]
    with open_store(str(tmp_path / "s.db")) as store:
        add_all(store, docs)
        story = docs[0][0]
        rerun_extraction(store, story, everything=True)
        story_id = store.story(story).id
        assert kept.update(store, story_id, story).taken == 0  # the re-extraction's own update replayed it
        assert same(story_ledger(store, story)) == same(rebuilt(store, story))


def test_a_state_made_by_other_code_is_rebuilt(tmp_path, monkeypatch):
    docs = demo_docs()[:3]
    with open_store(str(tmp_path / "s.db")) as store:
        add_all(store, docs)
        story = docs[0][0]
        monkeypatch.setattr(kept, "CODE", "another version")
        update = kept.update(store, store.story(story).id, story)
        assert update.replayed and update.taken == 3
        assert same(story_ledger(store, story)) == same(rebuilt(store, story))


def test_a_writer_that_read_an_older_state_saves_nothing(tmp_path):
    docs = demo_docs()[:2]
    with open_store(str(tmp_path / "s.db")) as store:
        add_all(store, docs)
        story_id = store.story(docs[0][0]).id
        stored = store.kept_state(story_id)
        assert store.save_kept(story_id, stored.version - 1, 99, "x", b"stale", []) is False
        assert store.kept_state(story_id).state == stored.state
        assert store.save_kept(story_id, None, 99, "x", b"stale", []) is False  # "no state yet" is stale too


def test_claims_read_a_page_at_a_time_and_the_export_streams(tmp_path):
    docs = demo_docs()
    with open_store(str(tmp_path / "s.db")) as store:
        add_all(store, docs)
        story = demo.load_manifest()["story"]
        whole = story_ledger(store, story, with_text=True)
        page = story_ledger(store, story, parts=("claims",), claims_offset=5, claims_limit=7)
        assert page["claims"] == whole["claims"][5:12]
        assert page["events"] == [] and page["entities"] == []
        rows = story_ledger(store, story, parts=("claims",), brief_claims=True)["claims"]
        # what `storyline claims` reads: the table's fields only
        assert [{k: v for k, v in row.items() if k != "verdict"} for row in rows] == [
            kept.brief(claim) for claim in whole["claims"]]
        assert all(set(row) <= {*kept.BRIEF, "mentions", "verdict"} for row in rows)
        out = io.StringIO()
        pages = []
        real = store.iter_kept_items

        def small_pages(*args, **kwargs):
            pages.append(1)
            return real(*args, **{**kwargs, "page": 4})

        store.iter_kept_items = small_pages
        kept.write_json(store, story, out, with_text=True,
                        decorate=lambda claim: {**claim, "verdict": None})
        streamed = json.loads(out.getvalue())
        assert same(streamed) == same(whole)
        assert all(r["text"] for r in streamed["reports"])


@pytest.mark.parametrize("memory", ["kept in memory", "fresh process each add"])
def test_a_stored_state_older_than_the_items_catches_up(tmp_path, monkeypatch, memory):
    """The state is stored only now and then; a process that finds it older than the stored items replays the
    reports in between, and the ledger stays equal to a replay (revisions included: their events and entities
    leave the items)."""
    monkeypatch.setattr(kept, "STORE_STATE", float("inf"))  # stored once, at the story's first report
    docs = [d for d in demo_docs() if d[0] == demo.load_manifest()["story"]]
    with open_store(str(tmp_path / "s.db")) as store:
        story = docs[0][0]
        for _, doc in docs:
            if memory != "kept in memory":
                kept._RECENT.clear()
            add_document(store, story, doc)
        story_id = store.story(story).id
        assert store.kept_state(story_id).folded == len(docs)
        assert len(kept._load(store.kept_state(story_id).state).taken) == 1  # the first report's state, never since
        kept._RECENT.clear()
        assert same(story_ledger(store, story)) == same(rebuilt(store, story))
