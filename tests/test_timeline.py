"""The story timeline: events of several outlets merged, the status of the claims they rest on, vague times
as ranges, and the day-by-day views. Invented events (a dam breach at Lowmere)."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.ledger.timeline import build_timeline, time_range
from storyline.model import Event, Extraction, TimeValue
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


def test_an_event_carries_the_story_status_of_its_claim():
    claimed = Event(day("2031-04-07", "Monday"), "saboteurs opened the sluice gates", 0, 10, status="reported",
                    mention=0)
    timeline = build_timeline([report("r1", "Fenwick Wire", claimed)], {("r1", 0): 4}, {4: "disputed"}, {4: "c-4"})
    assert timeline[0]["status"] == "disputed" and timeline[0]["claims"] == ["c-4"]
    own = Event(day("2031-04-07", "Monday"), "rain fell for a third day", 0, 10, status="asserted")
    assert build_timeline([report("r1", "Fenwick Wire", own)], {}, {}, {})[0]["status"] == "asserted"


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
