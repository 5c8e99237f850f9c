"""The ledger over hand-built records: linking, supersession, status aggregation, contests, change log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from storyline.ledger.build import build_ledger
from storyline.ledger.status import claim_flags
from storyline.link.claims import ClaimIndex, content_key, same_proposition
from storyline.model import Extraction, Figure, Mention, Source


@dataclass
class FakeReport:
    id: str
    location: str
    outlet: str
    text: str
    mentions: list[tuple[str, str, str]]  # (content, source, status)
    version: int = 1
    previous_id: str | None = None
    published_at: str | None = None
    figures: list[Figure] = field(default_factory=list)
    contests: dict[int, tuple[int, str]] = field(default_factory=dict)
    also_contests: dict[int, list[int]] = field(default_factory=dict)
    rebuked: set[int] = field(default_factory=set)  # rows the outlet itself disputes
    fetched_at: datetime = datetime(2025, 3, 14, tzinfo=timezone.utc)
    url: str | None = None
    title: str | None = None
    sha256: str = "0" * 64
    language: str = "en"
    word_count: int = 10
    extraction_status: str = "ok"

    @property
    def extraction(self) -> Extraction:
        mentions = []
        for i, (content, source, status) in enumerate(self.mentions):
            start = self.text.index(content)
            kind = "outlet" if source == self.outlet else "person"
            m = Mention(start, start + len(content), content, Source(source, kind), None,
                        "outlet" if kind == "outlet" else "indirect", status)
            if i in self.contests:
                m.contests, m.relation = self.contests[i]
                m.also_contests = list(self.also_contests.get(i, []))
            m.outlet_disputes = i in self.rebuked
            mentions.append(m)
        return Extraction(mentions=mentions, figures=self.figures)


def ledger(*reports):
    return build_ledger({"id": "s", "title": "Test story"}, list(reports))


def test_content_key_keeps_numbers_and_negation_apart():
    assert same_proposition(content_key("the ferry sank near the pier"), content_key("The ferry sank near the pier."))
    assert not same_proposition(content_key("12 people died"), content_key("40 people died"))
    assert not same_proposition(content_key("the dam was breached"), content_key("the dam was not breached"))


def test_claim_index_links_repeats_and_separates_new_claims():
    index = ClaimIndex()
    assert index.link("the mayor ordered an evacuation of the old town") == (0, True)
    assert index.link("The mayor ordered an evacuation of the old town.") == (0, False)
    assert index.link("a second tremor struck the valley overnight") == (1, True)


def test_repeated_claim_in_two_outlets_is_one_claim_and_corroborated():
    text = "The bridge at Lumen Creek collapsed."
    out = ledger(
        FakeReport("a", "loc-a", "Alpha Times", text, [("The bridge at Lumen Creek collapsed", "Alpha Times", "asserted")]),
        FakeReport("b", "loc-b", "Beta Post", text, [("The bridge at Lumen Creek collapsed", "Beta Post", "asserted")]),
    )
    [claim] = out["claims"]
    assert claim["outlets"] == 2
    assert claim["status"] == "corroborated"
    assert claim["flags"] == ["corroborated", "asserted"]
    assert [h["to"] for h in claim["history"]] == ["asserted", "corroborated"]
    assert [c["kind"] for c in out["changes"]] == ["new_report", "new_claim", "new_report", "status_changed"]


def test_one_span_credited_to_two_speakers_gives_two_claims_with_their_own_ids():
    # the same words credited in two sentences to two speakers are two nested mentions of one span: two claims,
    # and a verdict keyed by claim id must find exactly one of them
    text = "The levy at Orrin Flats held, said Mara Quill. Engineers agreed: the levy at Orrin Flats held."
    out = ledger(FakeReport("r", "loc", "Alpha Times", text,
                            [("The levy at Orrin Flats held", "Mara Quill", "reported"),
                             ("The levy at Orrin Flats held", "engineers", "reported")]))
    ids = [c["id"] for c in out["claims"]]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_revision_supersedes_and_confirms_an_unverified_claim():
    v1 = FakeReport("r1", "loc", "Alpha Times", "Two tankers reportedly collided.",
                    [("Two tankers reportedly collided", "Alpha Times", "unverified")])
    v2 = FakeReport("r2", "loc", "Alpha Times", "Two tankers reportedly collided, officials confirmed.",
                    [("Two tankers reportedly collided", "officials", "confirmed")], version=2, previous_id="r1")
    out = ledger(v1, v2)
    [claim] = out["claims"]
    assert claim["status"] == "confirmed"
    assert [(h["from"], h["to"]) for h in claim["history"]] == [(None, "unverified"), ("unverified", "confirmed")]
    assert [m["report"] for m in claim["mentions"]] == ["r2"]
    kinds = [c["kind"] for c in out["changes"]]
    assert "new_revision" in kinds and "status_changed" in kinds and "new_source" in kinds


def test_claim_gone_from_latest_revision_is_withdrawn():
    v1 = FakeReport("r1", "loc", "Alpha Times", "A curfew was imposed. The airport closed.",
                    [("A curfew was imposed", "Alpha Times", "asserted"), ("The airport closed", "Alpha Times", "asserted")])
    v2 = FakeReport("r2", "loc", "Alpha Times", "A curfew was imposed.",
                    [("A curfew was imposed", "Alpha Times", "asserted")], version=2, previous_id="r1")
    out = ledger(v1, v2)
    airport = next(c for c in out["claims"] if "airport" in c["text"])
    assert airport["withdrawn"] and airport["outlets"] == 0
    assert any(c["kind"] == "claim_withdrawn" and c["claim"] == airport["id"] for c in out["changes"])


def test_denial_attaches_to_the_claim_it_contests():
    text = "Rebels seized the depot. The army denies the seizure of the depot."
    report = FakeReport("r", "loc", "Alpha Times", text,
                        [("Rebels seized the depot", "Alpha Times", "asserted"),
                         ("the seizure of the depot", "The army", "denied")],
                        contests={1: (0, "denies")})
    out = ledger(report)
    seized = next(c for c in out["claims"] if c["text"].startswith("Rebels"))
    assert seized["status"] == "denied"
    assert seized["contested_by"][0]["source"] == "The army"
    assert seized["contested_by"][0]["relation"] == "denies"
    denial = next(c for c in out["claims"] if c["text"].startswith("the seizure"))
    assert seized["contested_by"][0]["claim"] == denial["id"]


def test_figure_revised_between_revisions_is_a_change():
    v1 = FakeReport("r1", "loc", "Alpha Times", "12 people died.", [], figures=[Figure("12 people", 12, 12, "people", 0, 9)])
    v2 = FakeReport("r2", "loc", "Alpha Times", "40 people died.", [], version=2, previous_id="r1",
                    figures=[Figure("40 people", 40, 40, "people", 0, 9)])
    changes = ledger(v1, v2)["changes"]
    assert {"kind": "figure_changed", "detail": "12 people → 40 people"}.items() <= changes[-1].items()


def test_flags_rank_denial_first_and_need_two_outlets_for_corroboration():
    assert claim_flags([("A", "asserted")]) == ["asserted"]
    assert claim_flags([("A", "asserted"), ("A", "confirmed")]) == ["confirmed", "asserted"]
    assert claim_flags([("A", "asserted"), ("B", "confirmed")], ["denies"]) == [
        "denied", "confirmed", "corroborated", "asserted"]


def test_entities_merge_across_reports_by_name_and_alias():
    from storyline.link.entities import merge_entities
    from storyline.model import Entity

    merged, owner = merge_entities([
        ("r1", [Entity("tarn holdings", "Tarn Holdings", "PERSON", spans=[(0, 13)]),
                Entity("ilse varga", "Ilse Varga", "PERSON", aliases=["Varga"], roles=["mayor"], spans=[(20, 30)])]),
        ("r2", [Entity("tarn holdings", "Tarn Holdings’", "ORG", spans=[(0, 13), (40, 53)]),
                Entity("varga", "Varga", "PERSON", spans=[(60, 65)])]),
    ])
    assert len(merged) == 2
    tarn, varga = merged
    assert tarn.type == "ORG" and tarn.mentions == 3 and tarn.name == "Tarn Holdings"  # majority type
    assert varga.name == "Ilse Varga" and varga.roles == ["mayor"] and owner[("r2", "varga")] == varga.id


def test_nested_mention_is_its_own_claim():
    text = "Ravel says he resigned over what he claims were forged ledgers at the mint."
    report = FakeReport("r", "loc", "Alpha Times", text,
                        [("he resigned over what he claims were forged ledgers at the mint", "Ravel", "reported"),
                         ("were forged ledgers at the mint", "Ravel", "unverified")])
    claims = ledger(report)["claims"]
    assert len(claims) == 2
    assert {c["status"] for c in claims} == {"reported", "unverified"}


def test_sources_read_the_fullest_name_in_the_story():
    from storyline.model import Entity

    class WithEntities(FakeReport):
        entities: list = []

        @property
        def extraction(self):
            ex = super().extraction
            ex.entities = self.entities
            for m in ex.mentions:
                if m.source.kind == "person":
                    m.source.entity = m.source.name.lower()
            return ex

    first = WithEntities("a", "loc-a", "Alpha Times", "The dam held.", [("The dam held", "Ilse Varga", "reported")])
    first.entities = [Entity("ilse varga", "Ilse Varga", "PERSON", aliases=["Varga"], spans=[(0, 3)])]
    later = WithEntities("b", "loc-b", "Beta Post", "Water rose.", [("Water rose", "Varga", "reported")])
    later.entities = [Entity("varga", "Varga", "PERSON", spans=[(0, 3)])]
    out = ledger(first, later)
    names = {m["source"]["name"] for c in out["claims"] for m in c["mentions"]}
    assert names == {"Ilse Varga"}
    assert {m["source"]["entity"] for c in out["claims"] for m in c["mentions"]} == {"e-ilse-varga"}


def test_roles_already_said_in_full_are_dropped():
    from storyline.link.entities import distinct_roles

    assert distinct_roles(["Harbour master", "harbour master of Lunne", "Mayor", "mayor"]) == [
        "harbour master of Lunne", "Mayor"]


def test_a_claims_text_leaves_out_the_speaker_inside_a_split_quote():
    from storyline.ledger.text import claim_text

    text = 'Late on Monday. \u201cThe quay shook,\u201d Ana Ruiz, a dockworker, said on Tuesday. \u201cThen the sky turned orange.\u201d'
    start, end = text.index("\u201cThe"), len(text)
    cue = (text.index("said"), text.index("said") + 4)
    source = (text.index("Ana"), text.index("dockworker") + len("dockworker"))
    assert claim_text(text, start, end, cue, source) == "\u201cThe quay shook \u2026 Then the sky turned orange.\u201d"
    assert claim_text(text, start, text.index(" Ana") , None, None) == "\u201cThe quay shook,\u201d"


def test_a_split_quote_in_doubled_marks_with_a_title_in_its_tag():
    """Some archives print quotes as doubled apostrophes, and the tag may quote a programme's title: the
    claim skips the tag, not from an "'s" to the title ("'' … s ''Morning Desk.''" was shown)."""
    from storyline.ledger.text import claim_text

    text = "''It's a sham,'' Mr. Vell said on Radio Orin's ''Morning Desk.'' ''He lies about the ferries.''"
    cue = (text.index("said"), text.index("said") + 4)
    source = (text.index("Mr."), text.index(" said"))
    assert claim_text(text, 0, len(text), cue, source) == "''It's a sham … He lies about the ferries.''"


def test_a_denial_that_only_points_back_reads_as_a_contest_not_a_claim():
    """Issue 15: "Ruiz denied those reports" gives no claim "those reports": its row says what it denies,
    and the claim it points at is denied and contested by Ruiz."""
    text = "The guild said the ferry operator hid the losses. Mayor Ana Ruiz denied those reports."
    report = FakeReport("r", "loc", "Alpha Times", text,
                        [("the ferry operator hid the losses", "The guild", "denied"),
                         ("those reports", "Ana Ruiz", "reported")],
                        contests={1: (0, "denies")})
    out = ledger(report)
    assert not [c for c in out["claims"] if c["text"] == "those reports"]
    hid = next(c for c in out["claims"] if c["text"].startswith("the ferry"))
    assert hid["status"] == "denied" and hid["contested_by"][0]["source"] == "Ana Ruiz"
    denial = next(c for c in out["claims"] if c["id"] == hid["contested_by"][0]["claim"])
    assert denial["text"] == "denies “the ferry operator hid the losses”"
    assert [m["text"] for m in denial["mentions"]] == ["those reports"]  # the row an editor scores stays


def test_a_contest_that_answers_two_statements_is_named_on_both_claims():
    """Issue 16: "Varga rejected the allegation" answers the charge it points at and the accusation naming
    Varga (``Mention.also_contests``): both claims are denied and both name Varga as who denies them, while the
    pointing contest still reads as a denial of the statement it points at."""
    text = ("The union accused Mayor Ilse Varga of rigging the harbour vote. Union officials said the tally sheets "
            "were altered. Varga rejected the allegation.")
    report = FakeReport("r", "loc", "Alpha Times", text,
                        [("Mayor Ilse Varga of rigging the harbour vote", "The union", "denied"),
                         ("the tally sheets were altered", "Union officials", "denied"),
                         ("the allegation", "Ilse Varga", "reported")],
                        contests={2: (1, "denies")}, also_contests={2: [0]})
    out = ledger(report)
    rigging = next(c for c in out["claims"] if "rigging" in c["text"])
    sheets = next(c for c in out["claims"] if "tally sheets" in c["text"])
    denial = next(c for c in out["claims"] if c["mentions"][0]["text"] == "the allegation")
    for claim in (rigging, sheets):
        assert claim["status"] == "denied"
        assert claim["contested_by"] == [{"source": "Ilse Varga", "relation": "denies", "report": "r",
                                          "claim": denial["id"]}]
    assert denial["text"] == "denies “the tally sheets were altered”"
    assert not denial["contested_by"]


def test_a_statement_the_outlet_rebukes_names_the_outlet_as_who_disputes_it():
    """Issue 16: "Ana Ruiz wrongly claimed that X": X is disputed by the outlet, in its own voice (no claim of
    its own carries the rebuke); the export still meets the schema."""
    import json
    from pathlib import Path

    import jsonschema

    text = "Tomas Aldane said the ferry ran late. Ana Ruiz wrongly claimed that the ferry had sunk."
    report = FakeReport("r", "loc", "Alpha Times", text,
                        [("the ferry ran late", "Tomas Aldane", "reported"),
                         ("that the ferry had sunk", "Ana Ruiz", "disputed")], rebuked={1})
    out = ledger(report)
    late, sunk = (next(c for c in out["claims"] if words in c["text"]) for words in ("ran late", "had sunk"))
    assert sunk["status"] == "disputed"
    assert sunk["contested_by"] == [{"source": "Alpha Times", "relation": "disputes", "report": "r", "claim": None}]
    assert sunk["supported_by"] == ["Ana Ruiz"] and not late["contested_by"]
    schema = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "ledger.schema.json"
    jsonschema.Draft202012Validator(json.loads(schema.read_text())).validate({**out, "generated_at": "2025-03-14"})


def test_the_change_log_tells_of_each_claim_a_later_contest_answers():
    """Issue 16: a later report that repeats two charges and answers both with one contest logs the status
    change of each, as it does for the one it points at."""
    first = FakeReport("r1", "a", "Alpha Times", "The union said Mayor Ilse Varga rigged the vote. It said "
                       "the tally sheets were altered.",
                       [("Mayor Ilse Varga rigged the vote", "The union", "reported"),
                        ("the tally sheets were altered", "The union", "reported")])
    second = FakeReport("r2", "b", "Beta News", "The union said Mayor Ilse Varga rigged the vote. It said "
                        "the tally sheets were altered. Varga rejected the allegation.",
                        [("Mayor Ilse Varga rigged the vote", "The union", "denied"),
                         ("the tally sheets were altered", "The union", "denied"),
                         ("the allegation", "Ilse Varga", "reported")],
                        contests={2: (1, "denies")}, also_contests={2: [0]},
                        fetched_at=datetime(2025, 3, 15, tzinfo=timezone.utc))
    out = ledger(first, second)
    for words in ("rigged the vote", "tally sheets"):
        claim = next(c for c in out["claims"] if words in c["text"])
        assert [c["source"] for c in claim["contested_by"]] == ["Ilse Varga"]
        assert any(c["kind"] == "status_changed" and c["claim"] == claim["id"] and c["report"] == "r2"
                   and c["detail"].startswith("reported → denied") for c in out["changes"])


def test_a_dispute_that_answers_one_statement_does_not_contest_its_speakers_own_claims():
    text = ("Ana Ruiz said the harbour cables are sound. But Ivo Brandt gave a different account: "
            "the harbour cables are corroded and unsafe. Later Brandt said the harbour cables were corroded and "
            "unsafe.")
    report = FakeReport("r", "loc", "Alpha Times", text,
                        [("the harbour cables are sound", "Ana Ruiz", "reported"),
                         ("the harbour cables are corroded and unsafe", "Ivo Brandt", "reported"),
                         ("the harbour cables were corroded and unsafe", "Ivo Brandt", "reported")],
                        contests={1: (0, "disputes")})
    out = ledger(report)
    sound = next(c for c in out["claims"] if c["text"].endswith("sound"))
    assert [c["source"] for c in sound["contested_by"]] == ["Ivo Brandt"]
    own = [c for c in out["claims"] if "corroded" in c["text"]]
    assert own and all(not c["contested_by"] for c in own)
