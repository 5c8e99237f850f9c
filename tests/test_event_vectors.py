"""Event description vectors for the timeline's merge by meaning (issue 16 point 4): a mention's vector reused
where a description is its text, the rest encoded in one batch, stored beside the mention vectors under their
own model name, and the ledger's timeline merging two wordings of one invented fire (the Orsk tannery) with an
encoder and on words only without one."""

from __future__ import annotations

import hashlib

import numpy as np

from storyline.errors import StorylineError
from storyline.learn.embeddings import DIMENSIONS
from storyline.ledger.build import build_ledger
from storyline.ledger.event_vectors import EVENT_MODEL, cached_event_vectors, event_vectors, stored_index
from storyline.link.claims import VECTOR_MODEL
from storyline.model import Event, Extraction, Mention, Source, TimeValue

from fake_reports import FakeReport, ledger

FIRE_TEXT, BLAZE_TEXT = "Fire guts Orsk tannery", "a blaze ripped through the old leather works"


def unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def fake_encode(texts: list[str], calls: list | None = None) -> np.ndarray:
    """Near vectors for the two wordings of the fire (cosine about 0.9), unrelated ones for any other text."""
    if calls is not None:
        calls.append(list(texts))
    out = []
    for text in texts:
        if text in (FIRE_TEXT, BLAZE_TEXT):
            v = np.zeros(DIMENSIONS)
            v[0], v[1] = 1.0, 0.1 if text == FIRE_TEXT else 0.5
        else:
            v = np.random.default_rng(int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)).normal(size=DIMENSIONS)
        out.append(unit(v))
    return np.stack(out) if out else np.zeros((0, DIMENSIONS), dtype=np.float32)


def day(text: str) -> TimeValue:
    return TimeValue("2031-04-08", "day", text)


def test_an_event_whose_description_is_a_mention_reuses_its_vector_and_the_rest_go_in_one_batch():
    said = "the tannery had no working alarms"
    extraction = Extraction(
        mentions=[Mention(0, 10, said, Source("Orsk fire service", "organization"), None, "indirect", "asserted")],
        events=[Event(day("Tuesday"), said, 0, 10), Event(day("Tuesday"), FIRE_TEXT, 20, 30),
                Event(day("Tuesday"), BLAZE_TEXT, 40, 50), Event(day("Tuesday"), FIRE_TEXT, 60, 70)])
    mention_vector = unit(np.ones(DIMENSIONS))
    calls: list = []
    vectors = event_vectors(extraction, [mention_vector], lambda texts: fake_encode(texts, calls))
    assert np.array_equal(vectors[0], mention_vector)
    assert calls == [sorted([FIRE_TEXT, BLAZE_TEXT])]  # one call, each text once
    assert np.array_equal(vectors[1], vectors[3]) and float(vectors[1] @ vectors[2]) > 0.85


def burned(rid: str, outlet: str, description: str) -> FakeReport:
    return FakeReport(rid, f"https://{rid}.example/fire", outlet, f"On Tuesday {description}.",
                      events=[(description, "Tuesday", "2031-04-08", "day")])


def test_the_ledger_timeline_merges_two_wordings_by_meaning_with_an_encoder_and_on_words_without():
    reports = [burned("r1", "Orsk Courier", FIRE_TEXT), burned("r2", "Fenwick Wire", BLAZE_TEXT)]
    assert len(ledger(*reports)["events"]) == 2  # no embeddings: words only, as before
    [entry] = build_ledger({"id": "s", "title": "Orsk fire"}, reports, vectors=fake_encode)["events"]
    assert entry["outlets"] == 2 and entry["description"] == FIRE_TEXT


class MemoryStore:
    """The two vector methods of ``Store``, in memory: (report id, index) rows per model."""

    def __init__(self):
        self.rows: dict[str, dict[tuple[str, int], np.ndarray]] = {}

    def mention_vectors(self, report_ids, model):
        return {k: v for k, v in self.rows.get(model, {}).items() if k[0] in set(report_ids)}

    def save_mention_vectors(self, vectors, model):
        self.rows.setdefault(model, {}).update(vectors)


def test_event_vectors_are_stored_once_under_their_own_model_and_reused():
    store, calls = MemoryStore(), []
    reports = [burned("r1", "Orsk Courier", FIRE_TEXT), burned("r2", "Fenwick Wire", BLAZE_TEXT)]
    first = cached_event_vectors(store, reports, {}, lambda texts: fake_encode(texts, calls))
    again = cached_event_vectors(store, reports, {}, lambda texts: fake_encode(texts, calls))
    assert len(calls) == 2  # one batch per report, the first time only
    assert set(store.rows) == {EVENT_MODEL} and EVENT_MODEL != VECTOR_MODEL
    assert set(store.rows[EVENT_MODEL]) == {("r1", stored_index(0)), ("r2", stored_index(0))} and stored_index(0) < 0
    assert first.keys() == again.keys() == {("r1", 0), ("r2", 0)}
    assert all(np.array_equal(first[k], again[k]) for k in first)


def test_without_the_embeddings_there_are_no_event_vectors():
    def missing(texts):
        raise StorylineError("no encoder here")
    assert cached_event_vectors(MemoryStore(), [burned("r1", "Orsk Courier", FIRE_TEXT)], {}, missing) is None
