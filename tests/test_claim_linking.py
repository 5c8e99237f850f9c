"""Claims linked by meaning and checked by agreement: paraphrases merge, near-misses do not, incremental
linking equals a full replay, and without embeddings identical wording still links."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.ledger.build import LedgerState, build_ledger
from storyline.link import claims
from storyline.link.agreement import disagreement, mention_facts, report_facts
from storyline.link.claims import SAME, ClaimIndex, cached_vectors
from storyline.model import Entity, Event, Extraction, Figure, Mention, Source, TimeValue

embeddings = pytest.importorskip("storyline.learn.embeddings")
try:
    embeddings.embed(["probe"])
except StorylineError as exc:  # only where the optional packages are truly missing
    pytest.skip(str(exc), allow_module_level=True)
embed = embeddings.embed


@dataclass
class Said:
    """One mention as written in a test: its text, status, and the names, figures and dates inside it."""

    text: str
    status: str = "asserted"
    names: dict[str, str] = field(default_factory=dict)  # name → entity type
    figures: dict[str, tuple[float, str]] = field(default_factory=dict)  # figure text → (value, unit)
    dates: dict[str, str] = field(default_factory=dict)  # time text → ISO value


CONTEST = {"denied": "denies", "disputed": "disputes"}


@dataclass
class FakeReport:
    id: str
    outlet: str
    said: list[Said]
    location: str = ""
    version: int = 1
    previous_id: str | None = None
    published_at: str | None = "2025-06-03T12:00:00+00:00"
    fetched_at: datetime = datetime(2025, 6, 3, tzinfo=UTC)
    url: str | None = None
    title: str | None = None
    sha256: str = "0" * 64
    language: str = "en"
    word_count: int = 10
    extraction_status: str = "ok"

    def __post_init__(self):
        self.location = self.location or f"loc-{self.id}"
        self.text = " ".join(s.text + "." for s in self.said)
        self.extraction = self._extract()

    def _extract(self) -> Extraction:
        out, offset = Extraction(), 0
        for said in self.said:
            start = self.text.index(said.text, offset)
            offset = start + len(said.text)
            # a denied or disputed Said is its source's denial or dispute (a contest, not what is contested)
            out.mentions.append(Mention(start, offset, said.text, Source(self.outlet, "outlet"), None, "outlet",
                                        said.status, relation=CONTEST.get(said.status)))
            for name, kind in said.names.items():
                at = self.text.index(name, start)
                out.entities.append(Entity(name.lower(), name, kind, spans=[(at, at + len(name))]))
            for text, (value, unit) in said.figures.items():
                at = self.text.index(text, start)
                out.figures.append(Figure(text, value, value, unit, at, at + len(text)))
            for text, value in said.dates.items():
                at = self.text.index(text, start)
                out.times.append(TimeValue(value, "day", text, at, at + len(text)))
        return out


FERRY = {"Calla Rose": "FAC", "Tessel": "GPE"}
TUESDAY = {"on Tuesday": "2025-06-03"}
SANK = Said("The ferry Calla Rose sank off the coast of Tessel on Tuesday", names=FERRY, dates=TUESDAY)
PARAPHRASES = [
    SANK,
    Said("A passenger ferry, the Calla Rose, went down near Tessel on Tuesday", names=FERRY, dates=TUESDAY),
    Said("Tuesday saw the sinking of the Calla Rose ferry near Tessel", names=FERRY, dates={"Tuesday": "2025-06-03"}),
]


def claims_of(*reports, vectors=embed) -> list[dict]:
    return build_ledger({"id": "s", "title": "Test story"}, list(reports), vectors=vectors)["claims"]


def cosine(a: str, b: str) -> float:
    va, vb = embed([a, b])
    return float(va @ vb)


def test_three_outlets_three_wordings_are_one_claim():
    reports = [FakeReport(f"r{i}", outlet, [said])
               for i, (outlet, said) in enumerate(zip(("Alpha Times", "Beta Post", "Gamma Wire"), PARAPHRASES))]
    [claim] = claims_of(*reports)
    assert claim["outlets"] == 3
    assert claim["status"] == "corroborated"
    # lexical linking alone keeps them apart: the merge is by meaning
    assert len(claims_of(*reports, vectors=None)) > 1


CREWS = "Rescue crews from {} worked through the night to pull survivors from the cold water after the ferry sank"


@pytest.mark.parametrize("said, near_miss, why", [
    (SANK, Said("The ferry Calla Rose did not sink off the coast of Tessel on Tuesday", names=FERRY, dates=TUESDAY),
     "polarity"),
    (SANK, Said("The ferry Calla Rose sank off the coast of Tessel on Friday", names=FERRY,
                dates={"on Friday": "2025-05-30"}), "dates"),
    (Said(CREWS.format("Tessel"), names={"Tessel": "GPE"}), Said(CREWS.format("Marrow"), names={"Marrow": "GPE"}),
     "entities"),
    (SANK, Said("The ferry Calla Rose sank off the coast of Tessel on Tuesday", status="denied", names=FERRY,
                dates=TUESDAY), "polarity"),
])
def test_near_misses_stay_apart(said, near_miss, why):
    base, other = FakeReport("a", "Alpha Times", [said]), FakeReport("b", "Beta Post", [near_miss])
    assert cosine(said.text, near_miss.text) >= SAME  # the same by meaning: only agreement keeps them apart
    assert disagreement(report_facts(other.extraction)[0], report_facts(base.extraction)[0]) == why
    assert len(claims_of(base, other)) == 2


def test_different_figures_stay_apart_and_are_a_conflict():
    said = [Said(f"At least {n} passengers drowned when the Calla Rose sank",
                 figures={f"At least {n} passengers": (n, "passengers")}) for n in (14, 40)]
    assert cosine(said[0].text, said[1].text) >= SAME
    index = ClaimIndex()
    for i, s in enumerate(said):
        report = FakeReport(f"r{i}", "Alpha Times", [s])
        vector = embed([s.text])[0]
        index.link(s.text, facts=report_facts(report.extraction)[0], vector=vector)
    assert len(index.keys) == 2
    [conflict] = index.conflicts
    assert (conflict.claim, conflict.other, conflict.kind) == (1, 0, "figures")


def test_denial_is_a_polarity_conflict_not_a_paraphrase():
    index = ClaimIndex()
    index.link("the tanker Arno Bay sank in the harbour")
    number, created = index.link("the tanker Arno Bay sank in the harbour",
                                 facts=mention_facts(Mention(0, 1, "x", Source("ministry", "organization"), "denied",
                                                             "indirect", "denied", relation="denies"), None))
    assert created and number == 1
    assert [(c.claim, c.other, c.kind) for c in index.conflicts] == [(1, 0, "polarity")]


def test_unrelated_claims_of_one_story_stay_apart():
    said = [Said("Divers began lifting containers from the harbour on Monday"),
            Said("About 60 containers fell into the harbour during the storm"),
            Said("The harbour master closed the quay to all shipping")]
    assert len(claims_of(*(FakeReport(f"r{i}", "Alpha Times", [s]) for i, s in enumerate(said)))) == 3


def _reports():
    extra = [Said("Rescuers pulled 31 people from the water near Tessel", figures={"31 people": (31, "people")},
                  names={"Tessel": "GPE"}),
             Said("31 people were rescued from the sea near Tessel", figures={"31 people": (31, "people")},
                  names={"Tessel": "GPE"})]
    return [FakeReport("r0", "Alpha Times", [PARAPHRASES[0], extra[0]]),
            FakeReport("r1", "Beta Post", [extra[1], PARAPHRASES[1]]),
            FakeReport("r2", "Gamma Wire", [PARAPHRASES[2]]),
            FakeReport("r3", "Alpha Times", [PARAPHRASES[0], extra[1]], location="loc-r0", version=2,
                       previous_id="r0")]


def test_incremental_linking_equals_linking_all_at_once():
    reports = _reports()
    vectors = {(r.id, i): v for r in reports
               for i, v in enumerate(embed([m.text for m in r.extraction.mentions]))}
    state = LedgerState(vectors=vectors)
    for report in reports[:2]:
        state.add(report)
    before = dict(state.claim_of)
    for report in reports[2:]:
        state.add(report)
    assert {k: v for k, v in state.claim_of.items() if k in before} == before  # earlier links never move
    whole = LedgerState(vectors=embed)  # encoder instead of stored vectors: the same links
    for report in reports:
        whole.add(report)
    assert whole.claim_of == state.claim_of
    assert len(set(state.claim_of.values())) == 2


def test_without_embeddings_identical_wording_still_links(monkeypatch, caplog):
    def missing():
        raise StorylineError("MiniLM embeddings need the optional packages (onnxruntime is not installed)")

    monkeypatch.setattr(embeddings, "_encoder", missing)
    claims.warn_lexical.cache_clear()
    same = [FakeReport("a", "Alpha Times", [Said("The bridge at Lumen Creek collapsed on Sunday night")]),
            FakeReport("b", "Beta Post", [Said("the bridge at Lumen Creek collapsed on Sunday night")]),
            FakeReport("c", "Gamma Wire", [Said("The bridge at Lumen Creek collapsed late on Sunday night")])]
    with caplog.at_level(logging.WARNING, logger="storyline.link.claims"):
        [claim] = claims_of(*same)
        claims_of(*same)
    assert claim["outlets"] == 3
    assert sum("by their words only" in r.message for r in caplog.records) == 1


class VectorCache:
    """The store's two vector methods over a dict."""

    def __init__(self):
        self.rows = {}

    def mention_vectors(self, report_ids, model):
        ids = set(report_ids)
        return {k: v for (k, m), v in self.rows.items() if k[0] in ids and m == model}

    def save_mention_vectors(self, vectors, model):
        self.rows.update({(k, model): v for k, v in vectors.items()})


def test_cached_vectors_encode_only_what_is_missing():
    encoded = []

    def encode(texts):
        encoded.append(len(texts))
        return embed(texts)

    cache, reports = VectorCache(), _reports()
    first = cached_vectors(cache, reports[:2], encode)
    again = cached_vectors(cache, reports, encode)
    assert encoded == [4, 3]
    assert all((again[k] == v).all() for k, v in first.items())


def test_store_keeps_vectors(store):
    vector = embed(["a warehouse burned"])[0]
    store.add_document("S", _doc("a warehouse burned."))
    [report] = store.reports("S")
    store.save_mention_vectors({(report.id, 0): vector}, "test-model")
    assert (store.mention_vectors([report.id], "test-model")[(report.id, 0)] == vector).all()
    assert store.mention_vectors([report.id], "other-model") == {}


def _doc(text: str):
    from storyline.model import Document

    return Document(text=text, raw=text.encode(), content_type="text/plain", location="loc", outlet="Alpha Times")


def test_a_statement_contested_in_its_report_still_links_to_the_same_claim_elsewhere():
    # denied by the report that carries it (someone else denies it there), it is still the same
    # proposition as another outlet's: only the denial itself is kept apart
    index = ClaimIndex()
    index.link("the tanker Arno Bay sank in the harbour")
    contested = Mention(0, 1, "x", Source("witnesses", "unnamed"), "said", "indirect", "denied")
    number, created = index.link("the tanker Arno Bay sank in the harbour", facts=mention_facts(contested, None))
    assert not created and number == 0


NOT_READY = ("she is not ready to back the harbour plan",
             "she was \"not ready\" to support the port authority's plan for the harbour")


@pytest.mark.parametrize("first, second, linked", [
    ("Ilse Varga", "Mayor Ilse Varga", True),  # one speaker, two outlets' cuts of her words
    ("Ilse Varga", "Tomas Aldane", False),  # another speaker saying much the same is another claim
    (None, None, False),  # nobody named: only the plain bar applies
])
def test_the_same_speaker_lowers_the_bar_for_a_paraphrase(first, second, linked):
    a, b = embed(list(NOT_READY))
    assert claims.SAME_SPEAKER <= float(a @ b) < SAME
    index = ClaimIndex()
    one, _ = index.link(NOT_READY[0], vector=a, speaker=first)
    two, created = index.link(NOT_READY[1], vector=b, speaker=second)
    assert (one == two) is linked and created is not linked


@pytest.mark.parametrize("first, second, why", [
    ("three of its firefighters were missing", "three firefighters were among the dead", "states"),
    ("two dockworkers were arrested at the gate", "two dockworkers were released at the gate", "states"),
    ("three firefighters were among the dead", "the dead included three firefighters and a crane driver", None),
    ("three firefighters were killed on Tuesday", "three firefighters were killed", None),  # an omitted day
])
def test_what_became_of_people_must_agree_and_an_omission_is_no_conflict(first, second, why):
    from storyline.link.agreement import text_facts

    assert disagreement(text_facts(first), text_facts(second)) == why


# --- the same claim in other outlets' words: omissions agree, other values conflict, denials contest -------------

@pytest.mark.parametrize("first, second, why", [
    (Said("the pier at Lumen Creek was closed on Sunday", dates={"on Sunday": "2025-06-01"}),
     Said("the pier at Lumen Creek was closed"), None),  # a date left out
    (Said("14 crew members were rescued from the trawler", figures={"14 crew members": (14, "crew members")}),
     Said("crew members were rescued from the trawler"), None),  # a figure left out
    # a date given otherwise says more than a negation somewhere in the content ("no faults")
    (Said("an inspection in May had found no faults", dates={"in May": "2025-05"}),
     Said("the ship had passed an inspection in April", dates={"in April": "2025-04"}), "dates"),
    (Said("14 crew members were rescued from the trawler", figures={"14 crew members": (14, "crew members")}),
     Said("9 crew members were rescued from the trawler", figures={"9 crew members": (9, "crew members")}),
     "figures"),
])
def test_an_omitted_detail_agrees_and_another_value_disagrees(first, second, why):
    a, b = FakeReport("a", "Alpha Times", [first]), FakeReport("b", "Beta Post", [second])
    assert disagreement(report_facts(a.extraction)[0], report_facts(b.extraction)[0]) == why


def test_a_bound_agrees_with_a_value_inside_it_and_not_with_one_outside():
    def fund(report_id, figure, value, qualifier=None):
        report = FakeReport(report_id, "Alpha Times", [Said(f"the Verran fund lost {figure} in the collapse",
                                                            figures={figure: (value, "USD")})])
        report.extraction.figures[0].qualifier = qualifier
        return report_facts(report.extraction)[0]

    bound = fund("a", "more than $915 million", 915e6, "more than")
    assert disagreement(bound, fund("b", "$916 million", 916e6)) is None  # "more than 915" allows 916
    assert disagreement(bound, fund("c", "$900 million", 900e6)) == "figures"
    assert disagreement(fund("d", "$915 million", 915e6), fund("e", "$916 million", 916e6)) == "figures"


def _spoken(report_id: str, outlet: str, speaker: str, said: Said, kind: str = "person") -> FakeReport:
    """A report whose one mention is put in ``speaker``'s mouth."""
    report = FakeReport(report_id, outlet, [said])
    [mention] = report.extraction.mentions
    mention.source = Source(speaker, kind)
    mention.form = "indirect"
    mention.status = "reported" if said.status == "asserted" else said.status
    return report


RADAR = [Said("the ship's radar had failed an hour before the grounding"),
         Said("the radar of the Marrow Star had broken down an hour before it ran aground")]


@pytest.mark.parametrize("speakers, claims", [
    (("Ilse Varga", "Ilse Varga"), 1),  # one mayor's pledge in two outlets
    (("Ilse Varga", "Tomas Aldane"), 2),  # what each says of themselves: two pledges, however alike the words
])
def test_what_speakers_say_of_themselves_is_one_claim_only_for_one_speaker(speakers, claims):
    pledges = [Said("she would back the harbour levy"), Said("she would back the harbour levy in the vote")]
    reports = [_spoken(f"r{i}", outlet, speaker, said)
               for i, (outlet, speaker, said) in enumerate(zip(("Harbour Ledger", "Coastal Wire"), speakers, pledges))]
    assert len(claims_of(*reports)) == claims


def test_one_speakers_claim_in_two_outlets_words_is_one_claim():
    # cosine well under SAME: the speaker and the rare words both use ("radar", "hour") join them
    assert cosine(RADAR[0].text, RADAR[1].text) < SAME
    reports = [_spoken(f"r{i}", outlet, "Brenn Lines", said, "organization")
               for i, (outlet, said) in enumerate(zip(("Harbour Ledger", "Coastal Wire"), RADAR))]
    [claim] = claims_of(*reports)
    assert claim["outlets"] == 2
    # two speakers saying much the same are two claims
    other = _spoken("r1", "Coastal Wire", "Ilse Varga", RADAR[1])
    assert len(claims_of(reports[0], other)) == 2


def test_a_denial_from_another_outlet_contests_and_never_joins():
    carried = [_spoken(f"r{i}", outlet, "Brenn Lines", said, "organization")
               for i, (outlet, said) in enumerate(zip(("Harbour Ledger", "Coastal Wire"), RADAR))]
    denial = _spoken("r2", "Lorvan Post", "Lorvan maritime authority",
                     Said("that the Marrow Star's radar had failed before the grounding", status="denied"),
                     "organization")
    claims = claims_of(*carried, denial)
    assert len(claims) == 2
    radar, denied = claims
    assert radar["outlets"] == 2 and radar["status"] == "denied"
    assert [(c["source"], c["relation"], c["claim"]) for c in radar["contested_by"]] == [
        ("Lorvan maritime authority", "denies", denied["id"])]


def test_a_date_given_otherwise_by_another_outlet_is_a_conflict_and_an_omission_is_not():
    may = Said("an inspection in May had found no faults on the ship", dates={"in May": "2025-05"})
    april = Said("the ship had passed an inspection in April", dates={"in April": "2025-04"})
    undated = Said("the ship had passed an inspection")
    one = _spoken("a", "Harbour Ledger", "Ilse Varga", may)
    other = _spoken("b", "Coastal Wire", "Ilse Varga", april)
    for report in (one, other):
        [time] = report.extraction.times
        report.extraction.events.append(Event(time, report.text[:-1].replace(f" {time.text}", ""), 0,
                                              len(report.text) - 1, mention=0))
    claims = claims_of(one, other)
    assert len(claims) == 2
    assert all([(v["outlet"], v["text"]) for v in c["conflicts"][0]["values"]] ==
               [("Harbour Ledger", "in May"), ("Coastal Wire", "in April")] for c in claims)
    # an outlet that gives no month is no conflict
    assert not any(c["conflicts"] for c in claims_of(one, _spoken("c", "Coastal Wire", "Ilse Varga", undated)))


FERRY_DIR = Path(__file__).parent / "fixtures" / "ferry"


def test_the_ferry_story_end_to_end(store):
    from storyline.adding import add_document
    from storyline.ingest import read_source
    from storyline.ledger.from_store import story_ledger

    story = "Maren Sky grounding"
    for name, outlet, day in (("a.txt", "Harbour Ledger", "2025-06-10"), ("b.txt", "Coastal Wire", "2025-06-11"),
                              ("c.txt", "Lorvan Post", "2025-06-11")):
        add_document(store, story, read_source(str(FERRY_DIR / name), outlet=outlet, published=day))
    claims = story_ledger(store, story)["claims"]

    def claim(words: str) -> dict:
        [found] = [c for c in claims if any(words in m["text"] for m in c["mentions"])]
        return found

    radar = claim("radar of the Maren Sky had broken down")
    assert radar is claim("radar had failed an hour before") and radar["outlets"] == 2
    denial = claim("radar had failed before the grounding")
    assert denial is not radar and denial["outlets"] == 1
    assert [(c["source"], c["relation"]) for c in radar["contested_by"]] == [("Lorvan maritime authority", "denies")]
    ashore = claim("brought ashore by lifeboat")
    assert ashore is claim("taken off by lifeboats") and ashore["outlets"] == 2
    may, april = claim("inspection in May"), claim("inspection in April")
    assert may is not april
    for c in (may, april):
        [conflict] = c["conflicts"]
        assert conflict["kind"] == "date_conflict"
        assert {(v["outlet"], v["text"]) for v in conflict["values"]} == {("Harbour Ledger", "May"),
                                                                        ("Coastal Wire", "April")}


# --- names written otherwise by other outlets, and a stray "not" in one speaker's other wording (issue 16) ------

@pytest.mark.parametrize("first, second, why", [
    (Said("the U.K. ferry line cut its sailings", names={"U.K.": "GPE"}),
     Said("the United Kingdom's ferry line cut its sailings", names={"United Kingdom": "GPE"}), None),  # initials
    (Said("the CSB opened an inquiry into the grounding", names={"CSB": "ORG"}),
     Said("the Coastal Safety Board opened an inquiry into the grounding", names={"Coastal Safety Board": "ORG"}),
     None),  # an acronym
    (Said("Velorans were barred from the quay", names={"Velorans": "NORP"}),
     Said("every Veloran was barred from the quay", names={"Veloran": "NORP"}), None),  # a group and one member
    (Said("the CSB opened an inquiry into the grounding", names={"CSB": "ORG"}),
     Said("the Harbour Police opened an inquiry into the grounding", names={"Harbour Police": "ORG"}),
     "entities"),  # another body's initials are another body
])
def test_a_name_abbreviated_or_inflected_is_the_same_name(first, second, why):
    a, b = FakeReport("a", "Alpha Times", [first]), FakeReport("b", "Beta Post", [second])
    assert disagreement(report_facts(a.extraction)[0], report_facts(b.extraction)[0]) == why


SCRUTINY = ("he was facing an unusual degree of scrutiny over the pier contracts",
            "\"There's no question I'm getting special scrutiny on the pier deals,\"")


def test_a_not_elsewhere_in_one_speakers_other_wording_does_not_keep_it_apart():
    a, b = embed(list(SCRUTINY))
    assert float(a @ b) < claims.NEGATION_NEAR  # not near-identical: the "no" is an idiom, not the claim's
    index = ClaimIndex()
    one, _ = index.link(SCRUTINY[0], vector=a, speaker="Oren Talvi")
    two, created = index.link(SCRUTINY[1], vector=b, speaker="Oren Talvi")
    assert one == two and not created


def test_one_speakers_near_identical_words_with_a_not_stay_apart():
    texts = ["the pier contracts were signed in secret", "the pier contracts were not signed in secret"]
    a, b = embed(texts)
    assert float(a @ b) >= claims.NEGATION_NEAR
    index = ClaimIndex()
    one, _ = index.link(texts[0], vector=a, speaker="Oren Talvi")
    two, created = index.link(texts[1], vector=b, speaker="Oren Talvi")
    assert one != two and created
    assert [c.kind for c in index.conflicts] == ["polarity"]


# a quote resumed after its speech tag holds several remarks: no same-speaker discount for it (issue 16)
RESUMED = ("\u201cThe pier deal was rushed through the council,\u201d Talvi said. \u201cAnd the dredging contract "
           "went to a firm owned by the mayor\u2019s cousin.\u201d")
CONTRACT = "the dredging contract had gone to a firm owned by the mayor\u2019s cousin"


def test_a_resumed_quote_is_told_from_one_quote():
    assert claims.resumed_quote(RESUMED)
    assert claims.resumed_quote("''The quay is shut,'' she said on Monday. ''It stays shut.''")
    assert not claims.resumed_quote("\u201cThe pier deal was rushed,\u201d Talvi said, \u201cand I said so.\u201d")
    assert not claims.resumed_quote("\u201cThe pier deal was rushed through the council.\u201d")


def test_a_resumed_quote_does_not_join_one_of_its_remarks_by_the_speakers_lower_bar():
    alone = "\u201cThe dredging contract went to a firm owned by the mayor\u2019s cousin,\u201d"
    v_resumed, v_alone, v_contract = embed([RESUMED, alone, CONTRACT])
    assert float(v_resumed @ v_contract) < SAME  # only the speaker's discount could join them
    index = ClaimIndex()
    one, _ = index.link(RESUMED, vector=v_resumed, speaker="Oren Talvi")
    two, created = index.link(CONTRACT, vector=v_contract, speaker="Oren Talvi")
    assert one != two and created
    # the remark quoted alone is one remark: the same speaker's paraphrase of it joins it
    index = ClaimIndex()
    one, _ = index.link(alone, vector=v_alone, speaker="Oren Talvi")
    two, created = index.link(CONTRACT, vector=v_contract, speaker="Oren Talvi")
    assert one == two and not created


def test_a_quote_joins_the_same_quote_rather_than_an_outlets_narration_around_it():
    quote = "\u201cIt is time to stop attacking the dock workers and get back to the harbour budget.\u201d"
    narration = f"On Tuesday, Varga deflected questions about Brandt before saying, {quote}"
    index = ClaimIndex()
    around, _ = index.link(narration)  # the outlet's own voice, holding Varga's quote
    inner, _ = index.link(quote, exclude=frozenset({around}))  # nested: kept out of the narration's claim
    number, created = index.link(quote)  # another report's same quote
    assert claims.overlap(claims.content_key(quote), claims.content_key(narration)) >= claims.SIMILARITY
    assert number == inner and not created


# one speaker's remark quoted in one report and told in another's words (issue 16)
EASIER_RIDE = ("\u201cEvery other councillor gets an easier ride than I do,\u201d",
               "she had faced more scrutiny than any other councillor")


@pytest.mark.parametrize("forms, linked", [
    (("direct", "indirect"), True),  # her quote and an outlet's report of it: the quote's register costs cosine
    (("indirect", "direct"), True),
    (("indirect", "indirect"), False),  # two reports in one form get only the speaker's discount
    ((None, None), False),
])
def test_a_speakers_quote_and_its_indirect_report_meet_at_a_lower_bar(forms, linked):
    a, b = embed(list(EASIER_RIDE))
    index = ClaimIndex()
    one, _ = index.link(EASIER_RIDE[0], vector=a, speaker="Ilse Varga", form=forms[0])
    assert claims.SAME_SPEAKER - claims.RESTATED <= float(a @ b) + index._shared(
        claims.content_key(EASIER_RIDE[1]).words, claims.content_key(EASIER_RIDE[0]).words) * claims.WORDS \
        < claims.SAME_SPEAKER  # the speaker's discount alone does not join them
    two, created = index.link(EASIER_RIDE[1], vector=b, speaker="Ilse Varga", form=forms[1])
    assert (one == two) is linked and created is not linked


def test_another_speakers_quote_gets_no_restated_discount():
    a, b = embed(list(EASIER_RIDE))
    index = ClaimIndex()
    one, _ = index.link(EASIER_RIDE[0], vector=a, speaker="Ilse Varga", form="direct")
    two, created = index.link(EASIER_RIDE[1], vector=b, speaker="Tomas Aldane", form="indirect")
    assert one != two and created
