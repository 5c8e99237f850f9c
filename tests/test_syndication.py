"""Syndicated and wire copies count once: near-duplicate text, wire credits, independent outlets.

All outlets, places and people are invented.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from fake_reports import FakeReport, Said, claim_with, ledger

from storyline.link import syndication
from storyline.link.syndication import (
    BANDS, PERMUTATIONS, ROWS, SEED, SyndicationIndex, find_copies, jaccard, outlet_key, shingles, signature,
    wire_credits,
)

WIRE = (
    "LUNNE, Osterra (Orion Press) — A ferry carrying 140 passengers ran aground on a sandbank outside the harbour "
    "of Lunne on Tuesday morning, the Osterran coast guard said. All passengers were taken off the ferry by "
    "lifeboats within three hours, and nobody was seriously hurt, a coast guard spokeswoman told reporters.\n\n"
    "The ferry, the Gull of Marren, had left Lunne for the island of Skarv shortly after dawn. The harbour master, "
    "Ilse Varga, said fog had settled over the channel minutes before the ship struck the bank.\n\n"
    "The ferry operator, Skarv Lines, said it would inspect the hull once the tide turned and that services to the "
    "island were suspended until Thursday. Passengers were taken to a sports hall in Lunne, where volunteers "
    "served them tea and soup.\n\n"
    "An investigation into the grounding has been opened by the Osterran maritime safety board."
)
LEAD = "A ferry carrying 140 passengers ran aground on a sandbank outside the harbour of Lunne on Tuesday morning"
HULL = "The ferry operator, Skarv Lines, said it would inspect the hull once the tide turned"
TRIMMED = WIRE.rsplit("\n\n", 2)[0]  # the last two paragraphs cut
CREDITED = WIRE.replace("told reporters", "said") + "\n\nDistributed by Orion Press under licence."
OWN = (
    "Skarv islanders were stranded on Tuesday after a ferry carrying 140 passengers ran aground on a sandbank "
    "outside the harbour of Lunne. Relatives waited on the quay at Skarv for news through the morning, and the "
    "island's only shop began rationing bread. Councillor Per Amsel said the island could not go a week without "
    "a ferry and asked the government to send a naval landing craft."
)


def wire_report(**kw) -> FakeReport:
    defaults = {"id": "w1", "location": "https://orion.test/ferry", "outlet": "Orion Press", "text": WIRE,
                "said": [Said(LEAD, "Orion Press")], "published_at": "2025-05-06T08:00:00+00:00"}
    return FakeReport(**{**defaults, **kw})


def test_a_wire_story_and_two_reprints_count_once():
    out = ledger(
        wire_report(),
        FakeReport("t1", "https://tarnherald.test/ferry", "Tarn Herald", TRIMMED, [Said(LEAD, "Tarn Herald")],
                   published_at="2025-05-06T09:00:00+00:00"),
        FakeReport("l1", "https://larkdaily.test/ferry", "Lark Daily", CREDITED, [Said(LEAD, "Lark Daily")],
                   published_at="2025-05-06T09:30:00+00:00"),
    )
    copies = {r["id"]: r["copy_of"] for r in out["reports"]}
    assert copies == {"w1": None, "t1": "w1", "l1": "w1"}
    claim = claim_with(out, "ran aground")
    assert claim["outlets"] == 1
    assert claim["status"] == "asserted" and "corroborated" not in claim["flags"]
    assert {c["outlet"]: c["copy_of_outlet"] for c in claim["carried_by"]} == {
        "Orion Press": None, "Tarn Herald": "Orion Press", "Lark Daily": "Orion Press"}
    assert any("a copy of Orion Press" in c["detail"] for c in out["changes"] if c["report"] == "t1")


def test_two_independent_outlets_corroborate():
    out = ledger(
        wire_report(),
        FakeReport("s1", "https://skarvnews.test/stranded", "Skarv News", OWN,
                   [Said("a ferry carrying 140 passengers ran aground on a sandbank outside the harbour of Lunne",
                         "Skarv News")], published_at="2025-05-06T10:00:00+00:00"),
    )
    assert {r["copy_of"] for r in out["reports"]} == {None}
    claim = claim_with(out, "ran aground")
    assert claim["outlets"] == 2 and claim["status"] == "corroborated"
    assert [h["to"] for h in claim["history"]] == ["asserted", "corroborated"]
    assert claim["history"][1]["report"] == "s1"


def test_a_copy_adds_nothing_but_an_independent_outlet_still_corroborates():
    out = ledger(
        wire_report(),
        FakeReport("l1", "https://larkdaily.test/ferry", "Lark Daily", CREDITED, [Said(HULL, "Lark Daily")]),
        FakeReport("s1", "https://skarvnews.test/hull", "Skarv News",
                   f"{HULL}, a spokesman for the operator confirmed on the quay at Skarv.", [Said(HULL, "Skarv News")]),
    )
    claim = claim_with(out, "inspect the hull")
    assert claim["outlets"] == 2  # Orion Press (through the Lark Daily's copy) and Skarv News
    assert claim["status"] == "corroborated"


def test_a_revision_of_the_same_article_is_not_a_copy():
    v2 = wire_report(id="w2", version=2, previous_id="w1", text=WIRE.replace("140", "142"))
    copies = find_copies([wire_report(), v2])
    assert copies["w2"].copy_of is None and copies["w2"].origin == "orion press"


def test_the_same_outlets_other_article_is_not_a_copy():
    other = wire_report(id="w9", location="https://orion.test/ferry-follow-up")
    assert find_copies([wire_report(), other])["w9"].copy_of is None


def test_an_unrelated_report_of_another_outlet_is_not_a_copy():
    own = FakeReport("s1", "https://skarvnews.test/stranded", "Skarv News", OWN)
    assert find_copies([wire_report(), own])["s1"].copy_of is None


def test_a_credit_without_much_shared_text_makes_a_copy_of_the_credited_outlet():
    rewrite = FakeReport("k1", "https://kestrel.test/ferry", "Kestrel Times",
                         OWN + "\n\nOrion Press contributed to this report.")
    copies = find_copies([wire_report(), rewrite])
    assert copies["k1"].copy_of == "w1" and copies["k1"].origin == "orion press"


def test_two_rewrites_crediting_an_absent_wire_count_once():
    """The wire's own report is not in the story: its credit alone ties the two outlets' copies together."""
    first = FakeReport("a", "https://a.test/x", "Tarn Herald", "The pier at Vell collapsed overnight.\n\n© Orion Press",
                       [Said("The pier at Vell collapsed overnight", "Tarn Herald")])
    second = FakeReport("b", "https://b.test/x", "Lark Daily",
                        "VELL (Orion Press) — The pier at Vell collapsed overnight.",
                        [Said("The pier at Vell collapsed overnight", "Lark Daily")])
    out = ledger(first, second)
    assert [r["credit"] for r in out["reports"]] == ["Orion Press", "Orion Press"]
    assert claim_with(out, "pier")["outlets"] == 1


def test_wire_credit_patterns():
    assert wire_credits("OSK, Veldar, June 2 (Orion Press) — The dam held.")[0] == ["Orion Press"]
    assert wire_credits("The dam held.\n\nDistributed by the Orion Press under licence.")[0] == ["Orion Press"]
    assert wire_credits("The dam held.\n© 2025 Harbour Ledger. All rights reserved.")[0] == ["Harbour Ledger"]
    assert wire_credits("The dam held.\nCopyright Harbour Ledger 2025")[0] == ["Harbour Ledger"]
    assert wire_credits("The dam held. Harbour Ledger contributed to this report.")[1] == ["Harbour Ledger"]
    assert wire_credits("The dam held.\n(Reporting by Ana Vik; Editing by Tom Reh)")[1] == ["Ana Vik"]
    assert wire_credits("The dam held. Lark Daily did not contribute to this report.") == ([], [])
    assert wire_credits("OSK — The dam held, the reporting by locals said.") == ([], [])
    assert outlet_key("The  Orion Press.") == "orion press"


def test_a_credit_naming_a_person_makes_no_copy():
    signed = FakeReport("s1", "https://skarvnews.test/stranded", "Skarv News", OWN + "\n\nReporting by Ilse Varga")
    copies = find_copies([wire_report(), signed])
    assert copies["s1"].copy_of is None and copies["s1"].origin == "skarv news"


def test_an_original_added_after_its_copy_is_not_called_a_copy():
    copy = FakeReport("l1", "https://larkdaily.test/ferry", "Lark Daily", CREDITED)
    copies = find_copies([copy, wire_report()])
    assert copies["w1"].copy_of is None
    assert copies["w1"].origin == copies["l1"].origin == "orion press"


def test_lookup_stays_fast_as_the_story_grows(monkeypatch):
    """LSH: adding a report looks at its few candidates, not at every earlier report (counted, not timed: a
    time limit fails on a busy machine)."""
    index = SyndicationIndex()
    words = [f"w{i}" for i in range(5000)]
    for n in range(400):
        text = " ".join(words[(n * 37 + k * 11) % 5000] for k in range(120))
        index.add(SimpleNamespace(id=str(n), location=f"loc{n}", outlet=f"Outlet {n % 7}", text=text))
    compared = []
    monkeypatch.setattr(syndication, "jaccard", lambda a, b: compared.append(b) or jaccard(a, b))
    copy = index.add(SimpleNamespace(id="copy", location="x", outlet="Copycat", text=WIRE))
    original = index.add(SimpleNamespace(id="orig", location="y", outlet="Orion Press", text=WIRE))
    assert len(compared) < 10  # comparing with every earlier report would make about 800
    assert copy.copy_of is None and original.copy_of is None  # an earlier copy crediting Orion Press: same origin


def test_the_example_storys_licensed_copy_copies_the_wire():
    folder = Path(__file__).resolve().parents[1] / "src" / "storyline" / "examples" / "port-veyra"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    reports = [SimpleNamespace(id=str(i), location=e["location"], outlet=e["outlet"],
                               text=(folder / e["file"]).read_text(encoding="utf-8"))
               for i, e in enumerate(manifest["reports"]) if e["file"].endswith(".txt")]
    copies = find_copies(reports)
    by_id = {r.id: r for r in reports}
    northgate = [c for c in copies.values() if by_id[c.report_id].outlet == "Northgate Courier"]
    assert northgate and all(by_id[c.copy_of].outlet == "Calderra Wire" for c in northgate)
    assert all(c.copy_of is None for c in copies.values() if by_id[c.report_id].outlet != "Northgate Courier")


def test_a_reprint_of_a_reprint_names_the_wire_report():
    first = FakeReport("t1", "https://tarnherald.test/ferry", "Tarn Herald", WIRE)
    second = FakeReport("l1", "https://larkdaily.test/ferry", "Lark Daily", TRIMMED)
    copies = find_copies([wire_report(), first, second])
    assert (copies["t1"].copy_of, copies["l1"].copy_of) == ("w1", "w1")


def test_signatures_and_lsh_bands_are_the_ones_datasketch_makes():
    # syndication computes them itself so that reading a ledger does not import datasketch (and scipy)
    datasketch = pytest.importorskip("datasketch")
    words, other = shingles(WIRE), shingles(TRIMMED)
    theirs = []
    for shingle_set in (words, other):
        minhash = datasketch.MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=zlib.crc32, scheme="affine32")
        minhash.update_batch([w.encode("utf-8") for w in shingle_set])
        theirs.append(minhash)
    assert np.array_equal(signature(words), theirs[0].hashvalues)
    assert jaccard(signature(words), signature(other)) == theirs[0].jaccard(theirs[1])
    lsh = datasketch.MinHashLSH(threshold=0.3, num_perm=PERMUTATIONS)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
