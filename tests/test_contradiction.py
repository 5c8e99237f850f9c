"""Status across a story, denials across reports, and conflicting figures and dates between outlets.

All outlets, places and people are invented.
"""

from __future__ import annotations

from fake_reports import FakeReport, Said, claim_with, ledger

from storyline.ledger.conflicts import count_key
from storyline.model import Figure
from storyline.present.markdown import ledger_markdown
from storyline.present.tables import claims_rows

LOC = "https://vellpost.test/quarry"


def revision(n: int, text: str, said: list[Said], **kw) -> FakeReport:
    return FakeReport(f"v{n}", LOC, "Vell Post", text, said, version=n, previous_id=f"v{n - 1}" if n > 1 else None,
                      published_at=f"2025-05-06T0{n}:00:00+00:00", **kw)


# --- status over revisions ------------------------------------------------------------------------------------

def test_status_follows_the_latest_revision_and_history_names_each_report():
    slide = "A rockfall buried two trucks at the Vell quarry"
    road = "The road to Vell was closed"
    v1 = revision(1, f"{slide}, workers reportedly said. {road}.",
                  [Said(slide, "workers", "unverified"), Said(road, "Vell Post")])
    v2 = revision(2, f"{slide}, police confirmed. {road}.",
                  [Said(slide, "police", "confirmed"), Said(road, "Vell Post")])
    v3 = revision(3, f"{slide}, police confirmed.", [Said(slide, "police", "confirmed")])
    out = ledger(v1, v2, v3)
    rockfall = claim_with(out, "rockfall")
    assert rockfall["status"] == "confirmed"
    assert [(h["from"], h["to"], h["report"]) for h in rockfall["history"]] == [
        (None, "unverified", "v1"), ("unverified", "confirmed", "v2")]
    assert [m["report"] for m in rockfall["mentions"]] == ["v3"]  # older revisions are superseded
    closed = claim_with(out, "road")
    assert closed["withdrawn"] and closed["outlets"] == 0
    assert any(c["kind"] == "claim_withdrawn" and c["claim"] == closed["id"] and c["report"] == "v3"
               for c in out["changes"])
    assert [c["kind"] for c in out["changes"] if c["report"] == "v2"] == ["new_revision", "new_source",
                                                                          "status_changed"]


def test_an_unverified_claim_corroborated_elsewhere_ranks_unverified_until_the_hedge_goes():
    slide = "A rockfall buried two trucks at the Vell quarry"
    v1 = revision(1, f"{slide}, workers reportedly said.", [Said(slide, "workers", "unverified")])
    other = FakeReport("o1", "https://marrow.test/q", "Marrow Times", f"{slide}.", [Said(slide, "Marrow Times")],
                       published_at="2025-05-06T01:30:00+00:00")
    v2 = revision(2, f"{slide}.", [Said(slide, "Vell Post")])
    out = ledger(v1, other, v2)
    claim = claim_with(out, "rockfall")
    assert claim["status"] == "corroborated" and claim["flags"] == ["corroborated", "asserted"]
    assert [h["to"] for h in claim["history"]] == ["unverified", "corroborated"]
    assert claim["history"][-1]["report"] == "v2"


# --- denials and disputes across reports ----------------------------------------------------------------------

SEIZED = "rebels seized the fuel depot at Orsk"


def test_a_denial_in_another_outlets_report_contests_the_claim():
    claim_report = FakeReport("a", "https://alpha.test/orsk", "Alpha Times", f"Witnesses said {SEIZED}.",
                              [Said(SEIZED, "Witnesses", "reported")])
    denial = FakeReport("b", "https://beta.test/orsk", "Beta Post", f"The army denied that {SEIZED}.",
                        [Said(SEIZED, "The army", "denied")], published_at="2025-05-06T10:00:00+00:00")
    out = ledger(claim_report, denial)
    claim, denied = carried(out), denial_of(out)
    assert claim["status"] == "denied" and claim["flags"] == ["denied", "reported"]
    assert claim["contested_by"] == [{"source": "The army", "relation": "denies", "report": "b",
                                      "claim": denied["id"]}]
    assert claim["supported_by"] == ["Witnesses"]
    assert [(h["to"], h["report"]) for h in claim["history"]] == [("reported", "a"), ("denied", "b")]
    assert denied["status"] == "denied" and denied["contested_by"] == []  # the denial is not contested


def test_a_denial_before_the_claim_contests_it_too():
    denial = FakeReport("b", "https://beta.test/orsk", "Beta Post", f"The army denied that {SEIZED}.",
                        [Said(SEIZED, "The army", "denied")], published_at="2025-05-06T07:00:00+00:00")
    claim_report = FakeReport("a", "https://alpha.test/orsk", "Alpha Times", f"Witnesses said {SEIZED}.",
                              [Said(SEIZED, "Witnesses", "reported")])
    claim = carried(ledger(denial, claim_report))
    assert claim["status"] == "denied" and [c["source"] for c in claim["contested_by"]] == ["The army"]


def carried(out: dict) -> dict:
    """The depot claim as a source carries it (not as the army denies it)."""
    [claim] = [c for c in out["claims"] if "fuel depot" in c["text"] and c["supported_by"]]
    return claim


def denial_of(out: dict) -> dict:
    [claim] = [c for c in out["claims"] if "fuel depot" in c["text"] and not c["supported_by"]]
    return claim


def test_a_dispute_pointing_at_a_restatement_contests_the_claim_across_reports():
    first = FakeReport("a", "https://alpha.test/orsk", "Alpha Times", f"Witnesses said {SEIZED}.",
                       [Said(SEIZED, "Witnesses", "reported")])
    text = f"Local officials said {SEIZED}. The governor disputes those accounts."
    second = FakeReport("b", "https://beta.test/orsk", "Beta Post", text,
                        [Said(SEIZED, "Local officials", "reported"),
                         Said("those accounts", "The governor", "disputed", contests=0, relation="disputes")],
                        published_at="2025-05-06T10:00:00+00:00")
    out = ledger(first, second)
    claim = carried(out)
    assert claim["status"] == "disputed"
    assert [(c["source"], c["relation"], c["report"]) for c in claim["contested_by"]] == [
        ("The governor", "disputes", "b")]
    assert claim["contested_by"][0]["claim"] == claim_with(out, "those accounts")["id"]
    assert claim_with(out, "those accounts")["contested_by"] == []  # the dispute contests the depot claim only


def test_a_denial_dropped_by_a_revision_no_longer_counts():
    claim_report = FakeReport("a", "https://alpha.test/orsk", "Alpha Times", f"Witnesses said {SEIZED}.",
                              [Said(SEIZED, "Witnesses", "reported")])
    denial = FakeReport("b1", "https://beta.test/orsk", "Beta Post", f"The army denied that {SEIZED}.",
                        [Said(SEIZED, "The army", "denied")])
    revised = FakeReport("b2", "https://beta.test/orsk", "Beta Post", "The army made no comment.", [],
                         version=2, previous_id="b1")
    claim = carried(ledger(claim_report, denial, revised))
    assert claim["status"] == "reported" and claim["contested_by"] == []
    assert [h["to"] for h in claim["history"]] == ["reported", "denied", "reported"]


# --- conflicting figures ----------------------------------------------------------------------------------------

def toll(id: str, outlet: str, text: str, figure: tuple, at: str, **kw) -> FakeReport:
    content = text.rstrip(".")
    return FakeReport(id, f"https://{id}.test/flood", outlet, text, [Said(content, outlet)], [figure],
                      published_at=at, **kw)


def test_different_tolls_from_two_outlets_at_the_same_time_are_flagged():
    out = ledger(
        toll("a", "Alpha Times", "At least 12 people were killed in the flood at Tessel.",
             ("At least 12 people", 12, 12, "people", "at least"), "2025-05-06T08:00:00+00:00"),
        toll("b", "Beta Post", "The flood at Tessel killed 40 people.", ("40 people", 40, 40, "people", None),
             "2025-05-06T09:30:00+00:00"),
    )
    alpha, beta = claim_with(out, "At least 12"), claim_with(out, "killed 40")
    for claim in (alpha, beta):
        [conflict] = claim["conflicts"]
        assert conflict["kind"] == "figure_conflict" and conflict["about"] == "people killed"
        assert [(v["outlet"], v["text"]) for v in conflict["values"]] == [
            ("Alpha Times", "At least 12 people"), ("Beta Post", "40 people")]
        assert claim["status"] == "asserted"  # a conflict is flagged beside the status, not folded into it
    [change] = [c for c in out["changes"] if c.get("conflict")]
    assert change["kind"] == "figure_changed" and change["conflict"] == "figure_conflict"
    assert change["report"] == "b" and change["claim"] == beta["id"]
    assert "Beta Post says 40 people" in change["detail"] and "Alpha Times says At least 12 people" in change["detail"]


def test_a_revision_that_raises_the_toll_is_a_change_not_a_conflict():
    v1 = revision(1, "At least 12 people were killed.", [], figures=[("At least 12 people", 12, 12, "people", "at least")])
    v2 = revision(2, "At least 40 people were killed.", [], figures=[("At least 40 people", 40, 40, "people", "at least")])
    changes = ledger(v1, v2)["changes"]
    assert [c.get("conflict") for c in changes if c["kind"] == "figure_changed"] == [None]


def test_tolls_a_day_apart_or_agreeing_or_aware_of_each_other_are_not_conflicts():
    early = ("a", "Alpha Times", "At least 12 people were killed in the flood at Tessel.",
             ("At least 12 people", 12, 12, "people", "at least"), "2025-05-06T08:00:00+00:00")
    next_day = toll("b", "Beta Post", "The flood at Tessel killed 40 people.", ("40 people", 40, 40, "people", None),
                    "2025-05-07T12:00:00+00:00")
    agreeing = toll("c", "Gamma Wire", "Twelve people were killed in the flood at Tessel.",
                    ("Twelve people", 12, 12, "people", None), "2025-05-06T09:00:00+00:00")
    aware = FakeReport("d", "https://d.test/flood", "Delta News", "The toll rose to 40 people, up from 12 dead.",
                       [Said("The toll rose to 40 people, up from 12 dead", "Delta News")],
                       [("40 people", 40, 40, "people", None), ("12 dead", 12, 12, "dead", None)],
                       published_at="2025-05-06T09:00:00+00:00")
    for later in (next_day, agreeing, aware):
        out = ledger(toll(*early), later)
        assert all(not c["conflicts"] for c in out["claims"]), later.id
        assert not any(c.get("conflict") for c in out["changes"])


def test_a_figure_counts_what_happened_to_whom():
    text = "The blast killed at least 40 people and injured more than 300, while three more people died later."
    key = lambda words, unit: count_key(text, Figure(words, 0, 0, unit, text.index(words), text.index(words) + len(words)))
    assert key("at least 40 people", "people") == ("people", "killed")
    assert key("more than 300", None) == ("people", "injured")
    assert key("three more people", "more people") is None  # an increment, not a toll
    assert count_key("Crews cleared 60 containers.", Figure("60 containers", 60, 60, "containers", 13, 26)) == (
        "containers", None)


def test_different_injured_counts_do_not_conflict_with_a_death_toll():
    out = ledger(
        toll("a", "Alpha Times", "At least 12 people were killed in the flood at Tessel.",
             ("At least 12 people", 12, 12, "people", "at least"), "2025-05-06T08:00:00+00:00"),
        toll("b", "Beta Post", "The flood at Tessel injured 40 people.", ("40 people", 40, 40, "people", None),
             "2025-05-06T09:00:00+00:00"),
    )
    assert all(not c["conflicts"] for c in out["claims"])


# --- conflicting dates --------------------------------------------------------------------------------------------

def dated(id: str, outlet: str, text: str, description: str, when: tuple[str, str, str]) -> FakeReport:
    return FakeReport(id, f"https://{id}.test/dam", outlet, text, [Said(description, outlet)],
                      events=[(description, *when)], published_at="2025-05-08T12:00:00+00:00")


def test_different_dates_for_the_same_event_are_flagged():
    a = dated("a", "Alpha Times", "The Orsk dam burst on Tuesday.", "The Orsk dam burst on Tuesday",
              ("Tuesday", "2025-05-06", "day"))
    b = dated("b", "Beta Post", "The Orsk dam burst early on Wednesday, flooding the valley.",
              "The Orsk dam burst early on Wednesday", ("early on Wednesday", "2025-05-07", "part-of-day"))
    out = ledger(a, b)
    for claim in out["claims"]:
        [conflict] = claim["conflicts"]
        assert conflict["kind"] == "date_conflict"
        assert [(v["outlet"], v["text"]) for v in conflict["values"]] == [
            ("Alpha Times", "Tuesday"), ("Beta Post", "early on Wednesday")]
    assert [c["conflict"] for c in out["changes"] if c.get("conflict")] == ["date_conflict"]


def test_same_date_other_event_or_coarser_agreeing_date_is_no_conflict():
    a = dated("a", "Alpha Times", "The Orsk dam burst on Tuesday.", "The Orsk dam burst on Tuesday",
              ("Tuesday", "2025-05-06", "day"))
    month = dated("b", "Beta Post", "The Orsk dam burst in May.", "The Orsk dam burst in May",
                  ("May", "2025-05", "month"))
    other_dam = dated("c", "Gamma Wire", "The Velt dam burst on Wednesday.", "The Velt dam burst on Wednesday",
                      ("Wednesday", "2025-05-07", "day"))
    statement = dated("d", "Delta News", "Engineers said on Wednesday that the Orsk dam burst.",
                      "Engineers said on Wednesday that the Orsk dam burst", ("Wednesday", "2025-05-07", "day"))
    for other in (month, other_dam, statement):
        out = ledger(a, other)
        assert all(not c["conflicts"] for c in out["claims"]), other.id


def test_the_same_outlets_other_article_is_no_conflict():
    a = dated("a", "Alpha Times", "The Orsk dam burst on Tuesday.", "The Orsk dam burst on Tuesday",
              ("Tuesday", "2025-05-06", "day"))
    b = dated("b", "Alpha Times", "The Orsk dam burst on Wednesday.", "The Orsk dam burst on Wednesday",
              ("Wednesday", "2025-05-07", "day"))
    assert all(not c["conflicts"] for c in ledger(a, b)["claims"])


# --- what the tables and the Markdown export show ------------------------------------------------------------------

def test_tables_and_markdown_show_copies_and_conflicts():
    out = ledger(
        toll("a", "Alpha Times", "At least 12 people were killed in the flood at Tessel.",
             ("At least 12 people", 12, 12, "people", "at least"), "2025-05-06T08:00:00+00:00"),
        toll("b", "Beta Post", "The flood at Tessel killed 40 people.", ("40 people", 40, 40, "people", None),
             "2025-05-06T09:30:00+00:00"),
    )
    out["claims"][0]["carried_by"].append({"outlet": "Lark Daily", "copy_of_outlet": "Alpha Times"})
    row = next(claims_rows(out))
    assert row[3] == "1 (+1 copy)"
    assert str(row[5]) == "figure conflict (people killed): At least 12 people (Alpha Times) vs 40 people (Beta Post)"
    markdown = ledger_markdown(out)
    assert "| conflicts |" in markdown and "At least 12 people (Alpha Times) vs 40 people (Beta Post)" in markdown
