"""The story timeline: events of several outlets merged, the status of the claims they rest on, vague times
as ranges, and the day-by-day views. Invented events (a dam breach at Lowmere).

The kept timeline (``TimelineIndex``, issue 18) finds merge candidates from an index instead of scanning every
event; it must give exactly what the scan gave. ``pairwise_timeline`` below is that scan, kept as the reference,
and synthetic stories (invented words, many outlets, vague and midnight-crossing times) and the bundled demo
stories are run through both, in shuffled orders and with reports taken out."""

from __future__ import annotations

import json
import pickle
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from storyline.ledger.timeline import (BRIDGE_HOURS, SAME_MEANING, SAME_WORDS, TimelineEvent, TimelineIndex,
                                       _aligned, _day, _entry, _same, _score, build_timeline, content_words, time_range)
from storyline.ledger.statements import noun_statement, statement_setting, statement_speaker
from storyline.model import Event, Extraction, Mention, Source, TimeValue
from storyline.present.markdown import ledger_markdown
from storyline.present.tables import timeline_days


@dataclass
class Report:
    id: str
    outlet: str
    extraction: Extraction


def day(value: str, text: str = "Tuesday", precision: str = "day", part: str | None = None) -> TimeValue:
    return TimeValue(value, precision, text, part_of_day=part)


def report(rid: str, outlet: str, *events: Event) -> Report:
    return Report(rid, outlet, Extraction(events=list(events)))


def test_the_same_event_from_three_outlets_is_one_entry():
    breach = [
        report("r1", "Lowmere Gazette", Event(day("2031-04-08"), "the Lowmere dam breached its north wall", 0, 10)),
        report("r2", "Fenwick Wire", Event(day("2031-04-08T05:10", "5:10 a.m.", "minute"),
                                           "the north wall of the Lowmere dam breached", 0, 10)),
        report("r3", "Valley Courier", Event(day("2031-04-08", "early on Tuesday", "part-of-day", "early hours"),
                                             "Lowmere dam north wall breached", 0, 10)),
    ]
    timeline = build_timeline(breach, {}, {}, {})
    assert len(timeline) == 1
    assert timeline[0]["outlets"] == 3 and timeline[0]["reports"] == ["r1", "r2", "r3"]


def test_an_event_joins_the_entry_it_matches_best_not_the_first():
    # issue 16: the first broad entry of a day took a later report that a closer entry told in its own words
    reports = [
        report("r1", "Lowmere Gazette", Event(day("2031-04-08T09:00", "9 a.m.", "hour"),
                                              "strong tremor jolts the Lowmere valley farms", 0, 10,
                                              actors=["Lowmere"])),
        report("r2", "Fenwick Wire", Event(day("2031-04-08"), "a powerful tremor cracked the Lowmere dam wall", 0, 10)),
        report("r3", "Valley Courier", Event(day("2031-04-08"), "a powerful tremor jolts the dam wall at Lowmere",
                                             0, 10, actors=["Lowmere"])),
    ]
    timeline = build_timeline(reports, {}, {}, {})
    assert len(timeline) == 2
    # r3 matches r1 too (a shared actor halves the threshold: 3 of 9 words), r2 better
    cracked = next(e for e in timeline if "cracked" in e["description"])
    assert cracked["reports"] == ["r2", "r3"] and cracked["outlets"] == 2


def test_an_event_that_tells_two_entries_in_their_words_makes_them_one():
    # issue 16: a stamped headline and a lead told one fire in too few shared words to merge; a third report
    # shares SAME_WORDS with each, so the greedy order had left one happening as two entries
    reports = [
        report("r1", "Marren Post", Event(day("2031-04-08T08:10", "8:10 a.m.", "minute"),
                                          "Fire guts historic Marren grain store", 0, 10)),
        report("r2", "Fenwick Wire", Event(day("2031-04-08"), "a blaze destroyed the old Marren mill warehouse", 0, 10)),
        report("r3", "Valley Courier", Event(day("2031-04-08"),
                                             "fire destroyed the historic Marren grain store and mill warehouse", 0, 10)),
    ]
    assert len(build_timeline(reports[:2], {}, {}, {})) == 2
    [entry] = build_timeline(reports, {}, {}, {})
    assert entry["reports"] == ["r1", "r2", "r3"] and entry["outlets"] == 3
    assert entry["description"] == "Fire guts historic Marren grain store"  # the earliest entry keeps its event


def test_different_days_or_different_happenings_stay_apart():
    reports = [
        report("r1", "Lowmere Gazette", Event(day("2031-04-08"), "the Lowmere dam breached its north wall", 0, 10),
               Event(day("2031-04-08"), "the mayor ordered the evacuation of Fenwick", 20, 30)),
        report("r2", "Fenwick Wire", Event(day("2031-04-09", "Wednesday"), "the Lowmere dam breached its north wall",
                                           0, 10)),
    ]
    timeline = build_timeline(reports, {}, {}, {})
    assert len(timeline) == 3
    assert [e["time"]["value"] for e in timeline] == ["2031-04-08", "2031-04-08", "2031-04-09"]


def test_overlapping_parts_of_a_day_and_a_shared_actor_merge_two_wordings():
    evening = day("2025-06-09", "Monday evening", "part-of-day", "evening")
    late = day("2025-06-09", "late on Monday", "part-of-day", "late")
    reports = [
        report("r1", "Harbour Ledger", Event(evening, "The passenger ferry Maren Sky ran aground on the Tessel sandbank",
                                             0, 10, actors=["Maren Sky", "Tessel"])),
        report("r2", "Coastal Wire", Event(late, "212 passengers grounded on a sandbank off Tessel", 0, 10,
                                           actors=["Tessel"])),
    ]
    [entry] = build_timeline(reports, {}, {}, {})
    assert entry["outlets"] == 2
    # two precise times do not overlap as vague ones do: 5:10 and 5:40 are two moments
    apart = [report("r1", "Harbour Ledger", Event(day("2025-06-09T05:10", "5:10 a.m.", "minute"),
                                                  "the ferry ran aground on the sandbank", 0, 10)),
             report("r2", "Coastal Wire", Event(day("2025-06-09T05:40", "5:40 a.m.", "minute"),
                                                "the ferry ran aground on the sandbank", 0, 10))]
    assert len(build_timeline(apart, {}, {}, {})) == 2


def test_a_days_night_is_its_evening_and_the_hours_after_midnight():
    # issue 16: "Saturday night" read as that day's early hours stayed apart from a 10:40 p.m. stamp of it
    assert time_range("2031-04-12", "part-of-day", "night") == ("2031-04-12T18:00:00", "2031-04-13T06:00:00")
    reports = [
        report("r1", "Harbour Ledger", Event(day("2031-04-12", "Saturday night", "part-of-day", "night"),
                                             "the Maren Sky ferry ran aground off Tessel", 0, 10)),
        report("r2", "Coastal Wire", Event(day("2031-04-12T22:40", "10:40 p.m.", "minute"),
                                           "Maren Sky ferry runs aground off Tessel", 0, 10)),
        report("r3", "Valley Courier", Event(day("2031-04-13T01:15", "1:15 a.m.", "minute"),
                                             "the Maren Sky ferry aground off Tessel", 0, 10)),
    ]
    [entry] = build_timeline(reports, {}, {}, {})
    assert entry["outlets"] == 3


def test_an_event_carries_the_story_status_of_its_claim():
    claimed = Event(day("2031-04-07", "Monday"), "saboteurs opened the sluice gates", 0, 10, status="reported",
                    mention=0)
    timeline = build_timeline([report("r1", "Fenwick Wire", claimed)], {("r1", 0): 4}, {4: "disputed"}, {4: "c-4"})
    assert timeline[0]["status"] == "disputed" and timeline[0]["claims"] == ["c-4"]
    own = Event(day("2031-04-07", "Monday"), "rain fell for a third day", 0, 10, status="asserted")
    assert build_timeline([report("r1", "Fenwick Wire", own)], {}, {}, {})[0]["status"] == "asserted"
    # a happening the outlet's asserted sentence only hopes for ("… are hoping the gates will hold on Monday")
    hoped = Event(day("2031-04-07", "Monday"), "the gates will hold", 0, 10, status="hypothetical", mention=0)
    timeline = build_timeline([report("r1", "Fenwick Wire", hoped)], {("r1", 0): 5}, {5: "asserted"}, {5: "c-5"})
    assert timeline[0]["status"] == "hypothetical"


def test_vague_times_are_ranges():
    assert time_range("2031-04-08", "part-of-day", "early hours") == ("2031-04-08T00:00:00", "2031-04-08T06:00:00")
    assert time_range("2031-04-08", "part-of-day", "evening") == ("2031-04-08T17:00:00", "2031-04-08T22:00:00")
    assert time_range("2031-04", "month") == ("2031-04-01", "2031-05-01")
    assert time_range("2031-12-31", "day") == ("2031-12-31", "2032-01-01")
    assert time_range("2031-04-09", "week") == ("2031-04-07", "2031-04-14")  # Monday to Monday
    assert time_range(None, "unknown") is None


def test_views_group_the_timeline_by_day():
    reports = [report("r1", "Lowmere Gazette",
                      Event(day("2031-04-08"), "the Lowmere dam breached its north wall", 0, 10),
                      Event(day("2031-04-09", "Wednesday"), "the water reached Fenwick", 20, 30),
                      Event(day("2031-04", "in April", "month"), "engineers inspected the dam", 40, 50))]
    ledger = {"story": {"title": "Lowmere dam", "developing": True, "report_count": 1, "outlet_count": 1,
                        "first_seen": None, "last_updated": None},
              "claims": [], "entities": [], "figures": [], "changes": [],
              "events": build_timeline(reports, {}, {}, {})}
    assert [d for d, _ in timeline_days(ledger)] == ["2031-04", "2031-04-08", "2031-04-09"]
    markdown = ledger_markdown(ledger)
    assert "### 2031-04-08" in markdown and markdown.index("### 2031-04-08") < markdown.index("### 2031-04-09")


def test_the_html_export_carries_the_timeline_by_day_and_escapes_report_text():
    from storyline.present.html import ledger_html

    reports = [report("r1", "Lowmere Gazette",
                      Event(day("2031-04-08"), "the dam <script>alert(1)</script> breached", 0, 10),
                      Event(day("2031-04-09", "Wednesday"), "the water reached Fenwick", 20, 30))]
    claim = {"id": "c-1", "text": 'a "flood" <img src=x onerror=alert(1)>', "status": "disputed", "outlets": 1,
             "supported_by": ["Fenwick Wire"], "mentions": [], "contested_by": [], "verdict": None}
    ledger = {"story": {"title": "Lowmere <dam>", "developing": True, "report_count": 1, "outlet_count": 1,
                        "first_seen": None, "last_updated": None}, "generated_at": "2031-04-10T00:00:00+00:00",
              "claims": [claim], "entities": [], "figures": [], "changes": [],
              "events": build_timeline(reports, {}, {}, {})}
    page = ledger_html(ledger)
    assert page.index("<h3>2031-04-08</h3>") < page.index("<h3>2031-04-09</h3>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Lowmere &lt;dam&gt;" in page and "s-disputed" in page


# --- the kept timeline (issue 18) ------------------------------------------------------------------------------


def pairwise_timeline(reports, claim_of, claim_status, claim_ids, counter: list[int] | None = None) -> list[dict]:
    """The merge loop as it was before the index (commit a82911a): each event scans the groups of its day and
    the longer groups (a longer event scans all), joining the one it matches best (the first on a tie; until
    issue 16 the first it matched), and, since issue 16, folding into one the groups it matched with
    SAME_WORDS of its words when it is dated to a day or a night. The reference the index must equal; ``counter[0]`` counts the pairs tested."""
    merged: list[TimelineEvent] = []
    by_day: dict[str, list[TimelineEvent]] = {}
    coarse: list[TimelineEvent] = []
    members: dict[int, list[tuple]] = {}  # id of a group → (seq, report, outlet, claim, status) of its events
    seq = 0
    for report in reports:
        for event in report.extraction.events if report.extraction else []:
            span = time_range(event.time.value, event.time.precision, event.time.part_of_day)
            words = content_words(event.description)
            claim = claim_of.get((report.id, event.mention)) if event.mention is not None else None
            day = _day(span)
            candidates = merged if span is not None and day is None else by_day.get(day, []) + coarse
            target, best, bridged = None, -1.0, []
            for m in candidates:
                if counter is not None:
                    counter[0] += 1
                if _same(m, event, words, span):
                    if _score(m.words, words) >= SAME_WORDS:
                        bridged.append(m)
                    if _score(m.words, words) > best:
                        target, best = m, _score(m.words, words)
            if target is None:
                target = TimelineEvent(event, report.id, span, words)
                merged.append(target)
                members[id(target)] = []
                if span is not None:
                    (coarse if day is None else by_day.setdefault(day, [])).append(target)
            else:
                target.words |= words
            members[id(target)].append((seq, report.id, report.outlet, claim, event.status))
            seq += 1
            if len(bridged) > 1 and (datetime.fromisoformat(_aligned(span)[1]) - datetime.fromisoformat(
                    _aligned(span)[0])).total_seconds() <= BRIDGE_HOURS * 3600:
                keep = min(bridged, key=merged.index)
                for m in bridged:
                    if m is not keep:
                        for held in (merged, coarse, *by_day.values()):
                            if m in held:
                                held.remove(m)
                        keep.words |= m.words
                        members[id(keep)] = sorted(members[id(keep)] + members.pop(id(m)))
    for m in merged:
        for _, rid, outlet, claim, status in members[id(m)]:
            m.reports.append(rid)
            if outlet not in m.outlets:
                m.outlets.append(outlet)
            if claim is not None and claim not in m.claims:
                m.claims.append(claim)
            m.statuses.append(status)
    entries = [_entry(m, claim_status, claim_ids) for m in merged]
    entries.sort(key=lambda e: (e["time"]["value"] is None, (e["range"] or [e["time"]["value"] or ""])[0]))
    return entries


SYLLABLES = "bra cel dor fen gal hob ist jun kor lem mun nor pel quin ros sav tor ulm ven wix yar zel".split()
OUTLETS = ("Lowmere Gazette", "Fenwick Wire", "Valley Courier", "Tessel Observer", "Marren Daily", "Ostra Post")
ACTORS = ("Ilse Varga", "the roads agency", "Marren council", "the coast guard", "Tomas Brell", "the union",
          "the ministry", "Fenwick police")
PLACES = ("Marren", "Fenwick", "Kestrel Bay", "the north quay", None, None)
PARTS = ("early hours", "morning", "afternoon", "evening", "late", "night", None)


@dataclass
class Happening:
    words: list[str]
    actors: list[str]
    place: str | None
    day: date
    hour: int
    vague: str | None  # "week", "month", "year": background told only vaguely


def synthetic_story(reports: int, seed: int = 0, days: int = 5) -> list[Report]:
    """An invented story of ``reports`` reports: happenings (some told by many outlets, most by few) retold
    with a varying share of their words, times at every precision (some crossing midnight, some vague), plus
    words every report uses, so blocking by word alone cannot make the index cheap."""
    rng = random.Random(seed)
    vocabulary = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES]
    rng.shuffle(vocabulary)
    common = vocabulary[:40]  # the story's everyday words ("dam", "water", "said"), a few in most descriptions
    start = date(2031, 4, 6)
    happenings = []
    for _ in range(max(4, reports // 2)):
        vague = rng.choice([None] * 12 + ["week", "month", "year"])
        happenings.append(Happening(rng.sample(vocabulary[40:], rng.randint(3, 7)),
                                    rng.sample(ACTORS, rng.randint(0, 2)), rng.choice(PLACES),
                                    start + timedelta(days=rng.randrange(days) - (400 if vague == "year" else 0)),
                                    rng.choice([rng.randrange(24), 23, 0]), vague))
    weights = [1 / (i + 1) for i in range(len(happenings))]  # a few told by everyone, a long tail
    story = []
    for r in range(reports):
        events = []
        for n, h in enumerate(rng.choices(happenings, weights, k=rng.randint(1, 8))):
            words = rng.sample(h.words, rng.randint(1, len(h.words)))
            words += rng.choices(common, [1 / (i + 1) for i in range(len(common))], k=rng.randint(0, 4))
            words += rng.sample(vocabulary, rng.randint(0, 2))
            actors = [a for a in h.actors if rng.random() < 0.7] + ([rng.choice(ACTORS)] if rng.random() < 0.2 else [])
            place = h.place if rng.random() < 0.8 else rng.choice(PLACES)
            event = Event(_synthetic_time(rng, h), " ".join(rng.sample(words, len(words))), n * 10, n * 10 + 5,
                          actors=actors, place=place, status=rng.choice(["asserted", "reported", "disputed"]),
                          mention=n if rng.random() < 0.5 else None)
            events.append(event)
        story.append(report(f"r{r}", rng.choice(OUTLETS), *events))
    return story


def _synthetic_time(rng: random.Random, h: Happening) -> TimeValue:
    if h.vague == "year":
        return TimeValue(str(h.day.year), "year", "last year")
    if h.vague == "month" or (h.vague and rng.random() < 0.3):
        return TimeValue(h.day.isoformat()[:7], "month", "in April")
    if h.vague == "week":
        return TimeValue(h.day.isoformat(), "week", "this week")
    kind = rng.choice(["minute", "hour", "part-of-day", "day", "day", "week", "unknown"])
    if kind in ("minute", "hour"):
        minute = 40 if h.hour == 23 else rng.choice([0, 10])
        return TimeValue(f"{h.day.isoformat()}T{h.hour:02d}:{minute:02d}", kind, "at dawn")
    if kind == "part-of-day":
        return TimeValue(h.day.isoformat(), kind, "that night", part_of_day=rng.choice(PARTS))
    if kind == "unknown":
        return TimeValue(None, "unknown", "recently")
    return TimeValue(h.day.isoformat(), kind, "on Tuesday")


def claims_for(reports: list[Report]) -> tuple[dict, dict, dict]:
    """A claim for every event that sits in a mention, a few mentions sharing one, with varied statuses."""
    claim_of = {(r.id, e.mention): (hash((r.id, e.mention)) % 7) for r in reports for e in r.extraction.events
                if e.mention is not None}
    statuses = {c: ["disputed", None, "confirmed", "reported"][c % 4] for c in range(7)}
    return claim_of, statuses, {c: f"c-{c}" for c in range(7)}


def assert_same_as_scan(index: TimelineIndex, held: list[Report]) -> None:
    claims = claims_for(held)
    assert index.entries(*claims) == pairwise_timeline(held, *claims)


@pytest.mark.parametrize("seed", range(8))
def test_the_index_gives_what_the_pairwise_scan_gave(seed):
    story = synthetic_story(120, seed)
    claims = claims_for(story)
    expected = pairwise_timeline(story, *claims)
    assert build_timeline(story, *claims) == expected
    assert len(expected) < sum(len(r.extraction.events) for r in story)  # events did merge
    assert any(len(e["reports"]) > 3 for e in expected)


@pytest.mark.parametrize("seed", range(4))
def test_reports_added_in_another_order_merge_as_a_rebuild_in_that_order(seed):
    story = synthetic_story(80, seed)
    random.Random(seed).shuffle(story)
    index = TimelineIndex()
    for n, r in enumerate(story):
        index.add(r)
        if n % 20 == 19:
            assert_same_as_scan(index, story[:n + 1])
    assert_same_as_scan(index, story)


@pytest.mark.parametrize("seed", range(4))
def test_taking_out_superseded_reports_gives_the_rebuild_without_them(seed):
    rng = random.Random(seed)
    story = synthetic_story(60, seed)
    index, held = TimelineIndex(), []
    for r in story:
        index.add(r)
        held.append(r)
        if rng.random() < 0.3:  # a newer revision came: the old one stops being current
            gone = held.pop(rng.randrange(len(held)))
            index.remove(gone.id)
            assert_same_as_scan(index, held)
        if rng.random() < 0.1:  # the kept ledger goes to disk between commands
            index = pickle.loads(pickle.dumps(index))
    assert_same_as_scan(index, held)
    while held:  # down to nothing, the index emptied too
        index.remove(held.pop(rng.randrange(len(held))).id)
    assert index.entries({}, {}, {}) == [] and not index.postings and not index.days


def test_vague_and_midnight_crossing_times_are_found_from_any_day_they_cover():
    words = "the Marren road reopened after the landslide"
    month = report("r1", "Lowmere Gazette", Event(day("2031-04", "in April", "month"), words, 0, 10))
    week = report("r2", "Fenwick Wire", Event(day("2031-04-29", "this week", "week"), words, 0, 10))  # into May
    late = report("r3", "Valley Courier", Event(day("2031-04-30T23:30", "11:30 p.m.", "hour"), words, 0, 10))
    exact = report("r4", "Tessel Observer", Event(day("2031-05-01T00:10", "0:10 a.m.", "minute"), words, 0, 10))
    april = report("r5", "Marren Daily", Event(day("2031-04-17"), words, 0, 10))
    year = report("r6", "Ostra Post", Event(day("2031", "this year", "year"), words, 0, 10))
    story = [month, week, late, exact, april, year]
    for order in ([0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 1, 5, 0, 4, 2], [2, 3, 4, 1, 0, 5]):
        held = [story[i] for i in order]
        index = TimelineIndex()
        for r in held:
            index.add(r)
        assert_same_as_scan(index, held)
    timeline = build_timeline(story, {}, {}, {})
    # the week overlaps April (both vague), April holds the 17th, the year holds April; the hour from 23:30
    # (filed under April 30 and May 1) is too short to be vague and holds the minute after midnight
    assert {tuple(e["reports"]) for e in timeline} == {("r1", "r2", "r5", "r6"), ("r3", "r4")}
    # a group filed under its year is found from a day, one under its months from a minute
    assert [e["reports"] for e in build_timeline([year, april], {}, {}, {})] == [["r6", "r5"]]
    assert [e["reports"] for e in build_timeline([week, exact], {}, {}, {})] == [["r2", "r4"]]


def test_the_index_compares_far_fewer_pairs_and_grows_slower_than_the_square():
    counts = {}
    for size in (150, 300):
        story = synthetic_story(size, 1)
        scan = [0]
        pairwise_timeline(story, {}, {}, {}, scan)
        index = TimelineIndex()
        for r in story:
            index.add(r)
        counts[size] = (scan[0], index.comparisons)
    assert counts[300][1] * 10 < counts[300][0]
    assert counts[300][1] / counts[150][1] < counts[300][0] / counts[150][0]


EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "examples"


@pytest.fixture(scope="module")
def demo_reports() -> list[Report]:
    """Every bundled example report extracted (the Port Veyra ones at their manifest's times), in order."""
    from storyline.extract.pipeline import extract
    from storyline.ingest import read_source

    manifest = json.loads((EXAMPLES / "port-veyra" / "manifest.json").read_text(encoding="utf-8"))
    entries = [(EXAMPLES / "port-veyra" / e["file"], e["outlet"], e["published"]) for e in manifest["reports"]]
    entries += [(f, f.stem, "2025-03-10T08:00:00+00:00") for d in ("maren-sky", "kestrel-bay")
                for f in sorted((EXAMPLES / d).glob("*.txt"))]
    found = []
    for path, outlet, published in entries:
        doc = read_source(str(path), outlet=outlet, published=published)
        found.append(Report(f"{path.parent.name}/{path.name}", outlet,
                            extract(doc.text, date.fromisoformat(published[:10]), outlet)))
    return found


@pytest.mark.slow
def test_the_demo_stories_merge_as_the_pairwise_scan_merged_them(demo_reports):
    claims = claims_for(demo_reports)
    expected = pairwise_timeline(demo_reports, *claims)
    assert build_timeline(demo_reports, *claims) == expected
    assert any(len(set(e["reports"])) > 1 for e in expected)
    rng = random.Random(18)
    for _ in range(5):
        held = demo_reports[:]
        rng.shuffle(held)
        index = TimelineIndex()
        for r in held:
            index.add(r)
        assert_same_as_scan(index, held)
        for _ in range(4):
            index.remove(held.pop(rng.randrange(len(held))).id)
            assert_same_as_scan(index, held)


# --- by meaning (issue 16 point 4): two outlets' wordings of one happening that share too few words -------------

def unit(*parts: float) -> np.ndarray:
    v = np.array(parts + (0.0,) * (6 - len(parts)), dtype=np.float32)
    return v / np.linalg.norm(v)


FIRE = unit(1, 0.1)  # "fire guts the tannery"
BLAZE = unit(1, 0.5)  # "a blaze ripped through the leather works": cosine with FIRE about 0.9
VOTE = unit(0, 0, 1)  # "the council voted on the budget": far from both


def tannery(blaze_day: str = "2031-04-08") -> list[Report]:
    return [report("r1", "Orsk Courier", Event(day("2031-04-08T06:40", "6:40 a.m.", "minute"),
                                               "Fire guts Orsk tannery", 0, 10)),
            report("r2", "Fenwick Wire", Event(day(blaze_day), "a blaze ripped through the old leather works", 0, 10),
                   Event(day("2031-04-08"), "the council voted on the budget", 20, 30))]


def test_two_wordings_of_one_happening_join_by_meaning_at_a_compatible_time():
    vectors = {("r1", 0): FIRE, ("r2", 0): BLAZE, ("r2", 1): VOTE}
    assert len(build_timeline(tannery(), {}, {}, {})) == 3  # on words alone: three entries
    entries = build_timeline(tannery(), {}, {}, {}, vectors)
    fire = next(e for e in entries if e["description"] == "Fire guts Orsk tannery")
    assert len(entries) == 2 and fire["reports"] == ["r1", "r2"] and fire["outlets"] == 2
    # the same meaning on another day is another happening: times stay as strict as for words
    assert len(build_timeline(tannery("2031-04-09"), {}, {}, {}, vectors)) == 3
    # close enough in meaning or not (cosines about 0.71 and 0.61 with the fire's first wording)
    assert len(build_timeline(tannery(), {}, {}, {}, {**vectors, ("r2", 0): unit(1, 1.2)})) == 2
    assert len(build_timeline(tannery(), {}, {}, {}, {**vectors, ("r2", 0): unit(1, 1.6)})) == 3


def test_an_entry_is_matched_by_meaning_on_its_first_description_and_survives_a_removal_and_a_pickle():
    reports = tannery() + [report("r3", "Valley Post", Event(day("2031-04-08"), "leather works ablaze at dawn", 0, 10))]
    vectors = {("r1", 0): FIRE, ("r2", 0): BLAZE, ("r2", 1): VOTE, ("r3", 0): unit(0.6, 1)}
    # r3 is close to r2's wording (cosine about 0.84) but not to the entry's first (about 0.6): apart
    assert float(vectors[("r3", 0)] @ BLAZE) > 0.8 > SAME_MEANING > float(vectors[("r3", 0)] @ FIRE)
    claims = ({}, {}, {})
    index = TimelineIndex()
    for r in reports:
        index.add(r, [vectors[(r.id, n)] for n in range(len(r.extraction.events))])
    assert index.entries(*claims) == build_timeline(reports, *claims, vectors)
    assert len(index.entries(*claims)) == 3
    index = pickle.loads(pickle.dumps(index))
    index.remove("r1")  # the fire's first report superseded: the blaze opens the entry, r3 joins it
    assert index.entries(*claims) == build_timeline(reports[1:], *claims, vectors)
    assert [len(e["reports"]) for e in index.entries(*claims)] == [2, 1]
    index.remove("r2")
    index.remove("r3")
    assert not index.postings and not index.groups


# --- statements (issue 16 point 4): one speaker's statement on one day, told by several outlets in their words ---

def statement(rid: str, outlet: str, text: str, speaker: str, cue: str, when: TimeValue, said: str,
              kind: str = "person") -> Report:
    """A report whose one event is the sentence ``text``: ``speaker`` ``cue`` (the speech verb) ``said`` (the
    content), dated by ``when`` placed at ``when.text`` in the sentence."""
    start, cue_at = text.index(said), text.index(cue)
    when = TimeValue(when.value, when.precision, when.text, text.index(when.text),
                     text.index(when.text) + len(when.text), when.part_of_day)
    mention = Mention(start, start + len(said), said, Source(speaker, kind), cue, "indirect", "reported",
                      cue_span=(cue_at, cue_at + len(cue)))
    event = Event(when, text, 0, len(text), actors=[speaker], status="reported", mention=0)
    return Report(rid, outlet, Extraction(mentions=[mention], events=[event]))


def orla_rudd(second_day: str = "2031-04-08") -> list[Report]:
    return [
        statement("r1", "Kestrel Times", "Orla Rudd said on Tuesday that the harbour bridge would close for repairs",
                  "Orla Rudd", "said", day("2031-04-08"), "the harbour bridge would close for repairs"),
        statement("r2", "Fenwick Wire", "Rudd announced Tuesday that engineers had found cracks in two piers",
                  "Rudd", "announced", day(second_day), "engineers had found cracks in two piers"),
    ]


def test_one_speakers_statement_on_one_day_told_by_two_outlets_is_one_entry():
    assert statement_speaker(orla_rudd()[0].extraction.events[0], orla_rudd()[0].extraction) == {"orla", "rudd"}
    [entry] = build_timeline(orla_rudd(), {}, {}, {})
    assert entry["reports"] == ["r1", "r2"] and entry["outlets"] == 2
    assert entry["description"].startswith("Orla Rudd said on Tuesday")


def test_a_statement_of_what_may_happen_is_reported_not_hypothetical():
    """ "Rudd said on Tuesday that the bridge may close": the saying happened; the entry is reported even where
    what was said is hypothetical. An event inside what was said keeps the caution."""
    report = statement("r1", "Kestrel Times", "Orla Rudd said on Tuesday that the harbour bridge may close",
                       "Orla Rudd", "said", day("2031-04-08"), "the harbour bridge may close")
    report.extraction.mentions[0].status = "hypothetical"
    report.extraction.events[0].status = "hypothetical"
    [entry] = build_timeline([report], {("r1", 0): 0}, {0: "hypothetical"}, {0: "c-bridge"})
    assert entry["status"] == "reported" and entry["claims"] == ["c-bridge"]
    inside = statement("r2", "Kestrel Times", "Orla Rudd said the harbour bridge may close on Tuesday",
                       "Orla Rudd", "said", day("2031-04-08"), "the harbour bridge may close on Tuesday")
    [entry] = build_timeline([inside], {("r2", 0): 0}, {0: "hypothetical"}, {0: "c-bridge"})
    assert entry["status"] == "hypothetical"


def test_two_statements_of_one_speaker_on_different_days_stay_two_entries():
    assert len(build_timeline(orla_rudd("2031-04-09"), {}, {}, {})) == 2


def test_other_speakers_or_a_time_inside_what_was_said_stay_apart():
    tann = statement("r2", "Fenwick Wire", "Ivo Tann announced Tuesday that engineers had found cracks", "Ivo Tann",
                     "announced", day("2031-04-08"), "engineers had found cracks")
    other = orla_rudd()[:1] + [tann]
    assert len(build_timeline(other, {}, {}, {})) == 2
    # "Rudd said engineers found cracks on Tuesday": the time dates the finding, not the statement
    finding = statement("r2", "Fenwick Wire", "Rudd said engineers found cracks in two piers on Tuesday", "Rudd",
                        "said", day("2031-04-08"), "engineers found cracks in two piers on Tuesday")
    assert statement_speaker(finding.extraction.events[0], finding.extraction) is None
    assert len(build_timeline(orla_rudd()[:1] + [finding], {}, {}, {})) == 2
    # a statement in the morning and another in the evening are two
    evening = statement("r2", "Fenwick Wire", "Rudd announced Tuesday evening that engineers had found cracks",
                        "Rudd", "announced", day("2031-04-08", "Tuesday evening", "part-of-day", "evening"),
                        "engineers had found cracks")
    morning = statement("r1", "Kestrel Times", "Orla Rudd said Tuesday morning that the bridge would close",
                        "Orla Rudd", "said", day("2031-04-08", "Tuesday morning", "part-of-day", "morning"),
                        "the bridge would close")
    assert len(build_timeline([morning, evening], {}, {}, {})) == 2


def test_a_setting_named_on_one_side_only_keeps_two_statements_apart():
    # a speaker may speak several times a day: "at a Tuesday rally" may not be what "said on Tuesday" tells
    rally = statement("r2", "Fenwick Wire", "“We will not give up the ferry,” Rudd told a Tuesday rally", "Rudd",
                      "told", day("2031-04-08"), "We will not give up the ferry")
    assert statement_setting(rally.extraction.events[0], rally.extraction) == {"rally"}
    assert len(build_timeline(orla_rudd()[:1] + [rally], {}, {}, {})) == 2
    # the same setting on both sides: one briefing
    briefing = [
        statement("r1", "Kestrel Times", "Orla Rudd said at a briefing on Tuesday that the piers were cracked",
                  "Orla Rudd", "said", day("2031-04-08"), "the piers were cracked"),
        statement("r2", "Fenwick Wire", "Rudd said at Tuesday's briefing that repairs would take a year", "Rudd",
                  "said", day("2031-04-08"), "repairs would take a year"),
    ]
    [entry] = build_timeline(briefing, {}, {}, {})
    assert entry["outlets"] == 2


def test_statements_joined_by_speaker_survive_a_removal_and_a_pickle():
    reports = orla_rudd() + [statement("r3", "Valley Post", "Mayor Orla Rudd told reporters Tuesday that the ferry "
                                       "would run", "Orla Rudd", "told", day("2031-04-08"), "the ferry would run")]
    claims = ({}, {}, {})
    index = TimelineIndex()
    for r in reports:
        index.add(r)
    assert index.entries(*claims) == build_timeline(reports, *claims)
    assert [e["outlets"] for e in index.entries(*claims)] == [3]
    index = pickle.loads(pickle.dumps(index))
    index.remove("r1")  # the entry's first statement superseded: Rudd's other two still make one entry
    assert index.entries(*claims) == build_timeline(reports[1:], *claims)
    assert [e["outlets"] for e in index.entries(*claims)] == [2]


# --- statements told as nouns (issue 16 point 4): "Rudd's statement on Tuesday" joins "Rudd said on Tuesday" ---

def noun_event(rid: str, outlet: str, text: str, when: TimeValue, actors: list[str]) -> Report:
    """A report whose one event is the sentence ``text`` in the outlet's voice, dated by ``when`` placed at
    ``when.text`` in it."""
    at = text.index(when.text)
    when = TimeValue(when.value, when.precision, when.text, at, at + len(when.text), when.part_of_day)
    return Report(rid, outlet, Extraction(events=[Event(when, text, 0, len(text), actors=actors)]))


def test_a_statement_told_as_a_noun_joins_the_speakers_statement_of_that_day():
    listening = noun_event("r0", "Marsh Herald", "Ferry crews stopped work to hear Orla Rudd's statement on Tuesday",
                           day("2031-04-08"), ["Orla Rudd"])
    assert noun_statement(listening.extraction.events[0]) == ({"orla", "rudd"}, frozenset())
    [entry] = build_timeline([listening] + orla_rudd(), {}, {}, {})
    assert entry["reports"] == ["r0", "r1", "r2"] and entry["outlets"] == 3
    # told after the verb's entry, and with its holder after "by", the noun joins it too
    issued = noun_event("r3", "Valley Post", "a statement issued by Rudd on Tuesday drew no reply", day("2031-04-08"),
                        ["Orla Rudd"])
    assert noun_statement(issued.extraction.events[0]) == ({"orla", "rudd"}, frozenset())
    [entry] = build_timeline(orla_rudd() + [issued], {}, {}, {})
    assert entry["reports"] == ["r1", "r2", "r3"]


def test_a_noun_whose_time_dates_other_words_or_without_a_named_holder_is_no_statement():
    # "On Tuesday, Tann sought to clarify Rudd's remarks": Tuesday dates Tann's words, not Rudd's remarks
    clarify = noun_event("r0", "Marsh Herald", "On Tuesday, Ivo Tann sought to clarify Orla Rudd's remarks",
                         day("2031-04-08"), ["Ivo Tann", "Orla Rudd"])
    assert noun_statement(clarify.extraction.events[0]) is None
    # "Tuesday's news conference": whose it is is not said
    unnamed = noun_event("r0", "Marsh Herald", "as was the case with Tuesday's news conference", day("2031-04-08"),
                         [])
    assert noun_statement(unnamed.extraction.events[0]) is None
    # a possessive that is no actor of the event
    other = noun_event("r0", "Marsh Herald", "crews heard Orla Rudd's statement on Tuesday", day("2031-04-08"),
                       ["Ivo Tann"])
    assert noun_statement(other.extraction.events[0]) is None


def test_a_noun_naming_an_occasion_keeps_it_as_the_statements_setting():
    briefing = noun_event("r0", "Marsh Herald", "dozens of reporters from three papers crowded into Rudd's Tuesday "
                          "briefing at the ferry terminal", day("2031-04-08"), ["Orla Rudd"])
    assert noun_statement(briefing.extraction.events[0]) == ({"orla", "rudd"}, {"briefing"})
    # "Rudd said on Tuesday" names no setting: it may tell another of her appearances that day
    assert len(build_timeline([briefing] + orla_rudd()[:1], {}, {}, {})) == 2
    said_there = statement("r1", "Kestrel Times", "Orla Rudd said at a briefing on Tuesday that engineers had found "
                           "deep cracks in two piers of the old harbour bridge", "Orla Rudd", "said", day("2031-04-08"),
                           "engineers had found deep cracks in two piers of the old harbour bridge")
    [entry] = build_timeline([briefing, said_there], {}, {}, {})
    assert entry["outlets"] == 2
    # a debate or a hearing is several people's: "Rudd's debate" does not say Rudd spoke
    debate = noun_event("r0", "Marsh Herald", "viewers watched Orla Rudd's debate on Tuesday", day("2031-04-08"),
                        ["Orla Rudd"])
    assert noun_statement(debate.extraction.events[0]) is None
