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
