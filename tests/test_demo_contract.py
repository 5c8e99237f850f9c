"""The demo story end to end: its JSON export follows the contract and shows what the demo promises."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from storyline.cli import app

SCHEMA = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "ledger.schema.json"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("demo")
    out = tmp / "ledger.json"
    result = CliRunner().invoke(app, ["--db", str(tmp / "demo.db"), "demo", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_validates_against_the_schema(ledger):
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(ledger)


def test_every_mention_text_is_its_report_slice(ledger):
    texts = {r["id"]: r["text"] for r in ledger["reports"]}
    for claim in ledger["claims"]:
        for m in claim["mentions"]:
            assert texts[m["report"]][m["start"]:m["end"]] == m["text"]


def test_story_has_outlets_reports_and_revisions(ledger):
    story = ledger["story"]
    assert story["report_count"] >= 8 and story["outlet_count"] >= 3 and story["developing"]
    versions = sorted(r["version"] for r in ledger["reports"])
    assert versions.count(2) >= 1 and versions.count(3) >= 1


def test_every_mention_status_appears(ledger):
    statuses = {m["status"] for c in ledger["claims"] for m in c["mentions"]}
    assert statuses >= {"asserted", "reported", "unverified", "disputed", "denied", "confirmed", "hypothetical"}


def _mentions(ledger):
    return [m for c in ledger["claims"] for m in c["mentions"]]


def test_quote_with_speaker_after_and_pronoun_source(ledger):
    koval = [m for m in _mentions(ledger) if m["source"]["name"] == "Marta Koval" and m["form"] == "direct"]
    assert any("quay shook" in m["text"] for m in koval)
    # "She added, …" in the Harbour Post report resolves to the person quoted before
    added = [m for m in _mentions(ledger) if "Every one of those dockworkers" in m["text"]]
    assert added and added[0]["source"]["name"] == "Marta Koval"


def test_a_denial_contests_an_earlier_claim(ledger):
    contested = [c for c in ledger["claims"] if any(x["relation"] == "denies" for x in c["contested_by"])]
    assert contested
    assert any(x["source"].startswith("Stellmar Logistics") for c in contested for x in c["contested_by"])


def test_figure_range_and_revised_toll(ledger):
    tonnes = [f for f in ledger["figures"] if f["unit"] == "tonnes" and f["low"] == 3000 and f["high"] == 5000]
    assert tonnes
    assert any(c["kind"] == "figure_changed" and "12" in c["detail"] and "40" in c["detail"] for c in ledger["changes"])


def test_weekdays_resolve_against_report_dates(ledger):
    friday = [e for e in ledger["events"] if e["time"]["text"].endswith("Friday")]
    assert friday and all(e["time"]["value"].startswith("2025-03-14") for e in friday)


def _without_descriptions(node):
    if isinstance(node, dict):
        return {k: _without_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [_without_descriptions(v) for v in node]
    return node


def test_schema_copy_matches_the_shared_contract():
    """Our copy may word its descriptions differently (its examples are fictional), nothing else."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "contracts" / "ledger.schema.json"
    if not shared.is_file():
        pytest.skip(f"shared contract not found at {shared}")
    ours = json.loads(SCHEMA.read_text())
    assert _without_descriptions(ours) == _without_descriptions(json.loads(shared.read_text()))


# --- issue 5: the story across outlets (reports 11–14) ---------------------------------------------------

MANIFEST = json.loads((Path(__file__).resolve().parents[1] / "src" / "storyline" / "examples" / "port-veyra"
                       / "manifest.json").read_text(encoding="utf-8"))
STRIKE_TITLE = "Rail strike halts trains across northern Calderra"
SPRINKLERS = ("sprinkler", "off before the")


def _entity(ledger, name):
    found = [e for e in ledger["entities"] if e["name"] == name]
    assert len(found) == 1, sorted(e["name"] for e in ledger["entities"])
    return found[0]


def _outlet_of(ledger):
    return {r["id"]: r["outlet"] for r in ledger["reports"]}


def _sprinkler_mentions(ledger):
    return [(c, m) for c in ledger["claims"] for m in c["mentions"]
            if all(w in m["text"] for w in SPRINKLERS)]


def test_one_person_across_outlets_whatever_form_each_used(ledger):
    koval = _entity(ledger, "Marta Koval")
    assert "Koval" in koval["aliases"] and koval["roles"] == ["harbour master of Port Veyra"]
    assert not [e for e in ledger["entities"] if e["name"] in {"Koval", "Ms. Koval"}]
    # the Harbour Post's Monday report says only "Koval, the harbour master," and "Ms. Koval"
    lift = [m for m in _mentions(ledger) if m["text"].startswith('"We lift one')]
    assert lift and lift[0]["source"]["name"] == "Marta Koval" and lift[0]["source"]["entity"] == koval["id"]
    aldane = _entity(ledger, "Tomas Aldane")
    assert aldane["roles"] == ["general secretary of the Port Veyra Dockworkers' Union"]


def test_an_acronym_alone_is_the_organisation_it_stands_for(ledger):
    pvpa = _entity(ledger, "Port Veyra Port Authority")
    assert pvpa["aliases"] == ["PVPA"] and not [e for e in ledger["entities"] if e["name"] == "PVPA"]
    reopened = [c for c in ledger["claims"] if any(m["text"].startswith("the PVPA would reopen") for m in c["mentions"])]
    assert reopened and pvpa["id"] in reopened[0]["entities"]


def test_two_people_who_share_a_surname_stay_two_entities(ledger):
    minister, operator = _entity(ledger, "Ivo Brandt"), _entity(ledger, "Jakob Brandt")
    assert minister["id"] != operator["id"]
    assert minister["roles"] == ["Interior Minister"] and operator["roles"] == ["crane operator"]
    alarms = [m for m in _mentions(ledger) if "alarms in that shed" in m["text"]]
    assert alarms and alarms[0]["source"]["entity"] == operator["id"]


def test_three_outlets_carry_the_sprinkler_fact_as_fact_in_their_own_words(ledger):
    outlet_of = _outlet_of(ledger)
    found = _sprinkler_mentions(ledger)
    outlets = {outlet_of[m["report"]] for _, m in found}
    assert outlets == {"Calderra Wire", "Meridian News Service", "Veyra Harbour Post"}
    assert len({m["text"] for _, m in found}) == 3
    assert all(m["status"] in {"asserted", "confirmed"} for _, m in found)


def test_the_sprinkler_fact_is_one_claim_corroborated_by_three_outlets(ledger):
    claims = {c["id"]: c for c, _ in _sprinkler_mentions(ledger)}
    assert len(claims) == 1
    claim = next(iter(claims.values()))
    assert claim["outlets"] == 3 and "corroborated" in claim["flags"]


def test_hospital_and_ministry_count_the_injured_differently_the_same_morning(ledger):
    outlet_of = _outlet_of(ledger)
    injured = {(f["low"], outlet_of[f["report"]]) for f in ledger["figures"] if f["unit"] == "people"}
    assert {(312.0, "Calderra Wire"), (180.0, "Meridian News Service")} <= injured


def _conflict_flagged(ledger) -> bool:
    """Some claim carrying an injured count, or some change, names the other count as a conflict."""
    def says_both(node) -> bool:
        blob = json.dumps(node, ensure_ascii=False)
        return "conflict" in blob.lower() and "312" in blob and "180" in blob
    injured = [c for c in ledger["claims"] if any(w in m["text"] for m in c["mentions"]
                                                  for w in ("312 people were injured", "180 people were injured"))]
    return any(says_both(c) for c in injured) or any(says_both(x) for x in ledger["changes"])


def test_the_injured_counts_are_flagged_as_a_conflict(ledger):
    assert _conflict_flagged(ledger)


def test_the_licensed_copy_adds_no_outlet(ledger):
    outlet_of = _outlet_of(ledger)
    wire_only = [c for c in ledger["claims"]
                 if {outlet_of[m["report"]] for m in c["mentions"]} == {"Calderra Wire", "Northgate Courier"}]
    assert wire_only and all(c["outlets"] == 1 for c in wire_only)
    assert all("corroborated" not in c["flags"] for c in wire_only)


def test_the_rail_strike_report_names_its_own_story():
    strike = [r for r in MANIFEST["reports"] if r["title"] == STRIKE_TITLE]
    assert len(strike) == 1 and strike[0]["story"] not in {None, MANIFEST["story"]}
    assert all("story" not in r for r in MANIFEST["reports"] if r["title"] != STRIKE_TITLE)


def test_the_demo_keeps_the_rail_strike_out_of_the_explosion(ledger):
    assert STRIKE_TITLE not in {r["title"] for r in ledger["reports"]}
    assert ledger["story"]["report_count"] == len(MANIFEST["reports"]) - 1
    assert not [e for e in ledger["entities"] if e["name"] in {"Orlenbrook", "Ilona Brask"}]


def test_the_timeline_merges_outlets_and_carries_claim_status(ledger):
    events = ledger["events"]
    claims = {c["id"]: c for c in ledger["claims"]}
    merged = [e for e in events if e["outlets"] >= 2]
    assert merged, "the blast, reported by several outlets, is one timeline entry"
    assert all(len(set(e["reports"])) >= 2 for e in merged)
    # an event inside a contested claim is on the timeline with that claim's status, not as fact
    inspection = next(e for e in events if "inspection" in e["description"] and e["time"]["value"] == "2025-02-20")
    assert inspection["status"] == "disputed" == claims[inspection["claims"][0]]["status"]
    # vague times carry the range they cover
    early = next(e for e in events if e["time"]["precision"] == "part-of-day" and "early hours" in e["time"]["text"])
    assert early["range"][0].endswith("T00:00:00") and early["range"][1].endswith("T06:00:00")
    values = [e["range"][0] if e["range"] else e["time"]["value"] for e in events if e["time"]["value"]]
    assert values == sorted(values, key=lambda v: v if "T" in v else v + "T00:00:00")
