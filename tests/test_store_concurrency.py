"""Processes writing to one store at once, on SQLite and (with STORYLINE_TEST_PG) PostgreSQL: real
subprocesses (``store_worker.py``) released together, and afterwards nothing lost and no process failed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from storyline.store import open_store
from storyline.store.db import head_revision, stored_revision
from store_worker import VECTORS

WORKER = str(Path(__file__).parent / "store_worker.py")
STORY = "Lowhaven ferry strike"


def race(url: str, docs_per_worker: list[list[tuple[str, str, str]]], **options) -> list[dict]:
    """Run one worker per list of (story, location, text), all started together (``options``: the rest of
    each worker's spec, see ``store_worker.py``); what each one did."""
    options = {"open_first": True, **options}
    watch = options.pop("watch", None)
    procs = [
        subprocess.Popen(
            [sys.executable, WORKER, json.dumps({"url": url, "docs": docs, **options,
                                                 "watch": watch and watch(k)})],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for k, docs in enumerate(docs_per_worker)
    ]
    try:
        for proc in procs:  # every one imported (and connected) before any starts writing
            if proc.stdout.readline() != "ready\n":
                pytest.fail(f"a worker did not start: {proc.communicate(timeout=30)[1]}")
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        finished = [(proc.returncode, *proc.communicate(timeout=600)) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    failed = [err.strip().splitlines()[-1] for _, _, err in finished if err.strip()]
    failed += [f"exit status {proc.returncode}" for proc in procs if proc.returncode]
    assert failed == []
    return [json.loads(out) for _, out, _ in finished]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_store_url(request, tmp_path):
    """URL of a store nobody has opened yet: a new SQLite file, or a new PostgreSQL database dropped after."""
    if request.param == "sqlite":
        return str(tmp_path / "new.db")
    return request.getfixturevalue("pg_databases")()


def assert_all_extracted(store, story: str, expected: int) -> None:
    reports = store.reports(story)
    assert len(reports) == expected
    assert {r.extraction_status for r in reports} == {"ok"}
    assert all(r.extraction.mentions[0].text == r.text for r in reports)


def test_writers_adding_to_one_story_lose_nothing(store_url):
    """4 processes add their own files, and revisions of one shared live page, to one story."""
    open_store(store_url).close()
    docs = [
        [(STORY, f"courier-{w}-{i}.txt", f"Dockers walked out at pier {w}-{i}, the union said.") for i in range(8)]
        + [(STORY, "live.html", f"Live update {w}-{i}: the ferry stays in port.") for i in range(4)]
        for w in range(4)
    ]
    outcomes = [o for worker in race(store_url, docs) for o in worker["added"]]

    assert Counter(o[2] for o in outcomes) == {"new": 33, "revision": 15}
    with open_store(store_url) as store:
        assert_all_extracted(store, STORY, 48)
        live = sorted(r.version for r in store.reports(STORY) if r.location == "live.html")
        assert live == list(range(1, 17))
        assert store.counts()["stories"] == 1 and store.counts()["mentions"] == 48


def test_processes_racing_to_create_a_story(store_url):
    """20 processes create the same story, following its feed and adding a report; half of them name it so
    that it gets the same id as the other."""
    open_store(store_url).close()
    names = ["Lowhaven ferry strike", "Lowhaven Ferry Strike!"]  # one slug: the second story is numbered
    docs = [[(names[k % 2], f"wire-{k}.txt", f"Ferry crews in Lowhaven stopped work, report {k} says.")]
            for k in range(20)]
    workers = race(store_url, docs, watch=lambda k: [names[k % 2], "https://lowhaven.example/feed"])

    assert [o[2] for worker in workers for o in worker["added"]] == ["new"] * 20
    assert Counter(worker["watched"] for worker in workers) == {"new": 2, "same": 18}
    with open_store(store_url) as store:
        assert [len(store.watches(name)) for name in names] == [1, 1]
        stories = {s.name: (s.id, s.report_count) for s in store.stories()}
        assert stories == {names[0]: (stories[names[0]][0], 10), names[1]: (stories[names[1]][0], 10)}
        assert sorted(i for i, _ in stories.values()) == ["lowhaven-ferry-strike", "lowhaven-ferry-strike-2"]
        for name in names:
            assert_all_extracted(store, name, 10)


def test_processes_opening_a_new_store_at_once(new_store_url):
    """4 processes open a store nobody has opened yet: one migrates it, the others wait and find it done."""
    docs = [[(STORY, f"desk-{w}-{i}.txt", f"The harbour master at desk {w} logged ferry {i}.") for i in range(3)]
            for w in range(4)]
    outcomes = [o for worker in race(new_store_url, docs, open_first=False) for o in worker["added"]]

    assert [o[2] for o in outcomes] == ["new"] * 12
    with open_store(new_store_url) as store:
        assert stored_revision(store.engine) == head_revision()
        assert_all_extracted(store, STORY, 12)


def test_two_processes_adding_the_same_files(store_url):
    """Two processes follow the same feed in a story and add the same files to it, and store their mentions'
    vectors: the feed is followed once, and each file is stored (and extracted) once, the other process finds
    it there."""
    race(store_url, [[(STORY, "bulletin-0.txt", "Bulletin 0: the Lowhaven ferry crews vote to strike.")]])
    docs = [(STORY, f"bulletin-{i}.txt", f"Bulletin {i}: the Lowhaven ferry strike enters day {i}.") for i in range(1, 11)]
    workers = race(store_url, [docs, docs], vectors=True, watch=lambda _: [STORY, "https://lowhaven.example/feed"])
    first, second = (worker["added"] for worker in workers)

    assert sorted(worker["watched"] for worker in workers) == ["new", "same"]
    for a, b in zip(first, second):
        assert sorted([a[2], b[2]]) == ["new", "unchanged"]
        assert a[3] == b[3] and a[4] == b[4] == 1
    with open_store(store_url) as store:
        assert_all_extracted(store, STORY, 11)
        assert len(store.mention_vectors([a[3] for a in first], VECTORS)) == 10
        assert len(store.watches(STORY)) == 1


def test_writers_keeping_one_story_ledger_leave_it_equal_to_a_replay(store_url):
    """3 processes add reports to one story and each updates its kept ledger after every extraction: however
    their updates interleave (a writer that read an older state starts again), the stored ledger ends equal to
    a replay of the story's reports in their stored order."""
    from storyline.ledger.build import build_ledger
    from storyline.ledger.from_store import story_ledger
    from storyline.ledger.event_vectors import cached_event_vectors
    from storyline.link.claims import cached_vectors

    open_store(store_url).close()
    docs = [[(STORY, f"wire-{w}-{i}.txt", f"Pier {w}{i} stays shut, the harbour master Ilse Varrow said.")
             for i in range(5)] for w in range(3)]
    race(store_url, docs, ledger=True)
    with open_store(store_url) as store:
        row = store.story(STORY)
        reports = store.reports(STORY)
        vectors = cached_vectors(store, reports)
        events = cached_event_vectors(store, reports, vectors) if vectors is not None else None
        replayed = build_ledger({"id": row.id, "title": row.title}, reports, vectors=vectors, event_vectors=events)
        kept = story_ledger(store, STORY)
        assert store.kept_state(row.id).folded == 15
        for part in ("story", "reports", "changes", "entities", "events", "figures"):
            assert kept[part] == replayed[part]
        assert kept["claims"] == replayed["claims"]  # no verdicts: None on both sides
