"""The outlet's own claims: what is skipped, how mixed sentences split, and the pipeline end to end.

Attributions are built by hand for the unit cases; the last tests run the real pipeline on a short
fictional report. All names and events are invented.
"""

from __future__ import annotations

import pytest

from storyline.extract.outlet_claims import find_outlet_claims
from storyline.extract.pipeline import extract
from storyline.extract.status import assign_status
from storyline.model import Mention, Source

pytestmark = pytest.mark.slow
OUTLET = "Harbour Post"


def attribution(doc, source: str, cue: str, content: str, form: str = "indirect") -> Mention:
    """An attribution mention located by its phrases (first occurrence of each)."""
    def at(phrase: str) -> tuple[int, int]:
        start = doc.text.index(phrase)
        return start, start + len(phrase)

    start, end = at(content)
    return Mention(start, end, content, Source(source, "unnamed", span=at(source)), cue, form, "reported",
                   cue_span=at(cue))


def claims(nlp, text: str, *attributions: tuple) -> list[Mention]:
    doc = nlp(text)
    mentions = [attribution(doc, *a) for a in attributions]
    found = find_outlet_claims(doc, mentions, OUTLET)
    everything = sorted(mentions + found, key=lambda m: (m.start, m.end))
    assign_status(doc, everything)
    return found


def texts(nlp, text: str, *attributions: tuple) -> list[str]:
    return [m.text for m in claims(nlp, text, *attributions)]


def test_plain_sentence_is_an_asserted_outlet_claim(nlp):
    [claim] = claims(nlp, "The ferry to Varn capsized on Tuesday with 40 people aboard.")
    assert claim.text == "The ferry to Varn capsized on Tuesday with 40 people aboard"  # no trailing period
    assert (claim.form, claim.status, claim.cue) == ("outlet", "asserted", None)
    assert claim.source == Source(name=OUTLET, kind="outlet")
    assert claim.sentence == (0, len("The ferry to Varn capsized on Tuesday with 40 people aboard."))


@pytest.mark.parametrize("text", [
    "This is a developing story. Please check back for updates.",
    "Follow our live coverage of the Varn floods.",
    "This story will be updated.",
    "Sign up for our morning briefing.",
])
def test_boilerplate_is_no_claim(nlp, text):
    assert texts(nlp, text) == []


def test_a_live_blog_header_is_no_claim(nlp):
    """Page furniture (issue 15): a header that ends in a colon and states nothing."""
    text = ("The Latest: Lenport quay stays shut.\n\n"
            "LENPORT (AP) — The Latest on the floods at Lenport (all times local):\n\n"
            "The harbour board closed the quay on Monday.")
    assert texts(nlp, text) == ["The harbour board closed the quay on Monday"]


@pytest.mark.parametrize("text", [
    "Millions of viewers subscribe to the Dellis streaming service.",
    "The judge was not confirmed by the Senate of Orvale.",
])
def test_lookalikes_of_boilerplate_and_flags_are_claims(nlp, text):
    assert texts(nlp, text) == [text.rstrip(".")]


def test_questions_and_imperatives_are_no_claims(nlp):
    assert texts(nlp, "Will the Osk bridge reopen before winter? Read the full ruling on our website.") == []


@pytest.mark.parametrize("text", [
    "Dellis residents are waiting to see whether the ferry resumes.",
    "The verdict underscores the limits of the port's oversight rules.",
    "It remains to be seen whether the truce in Orvale will hold.",
    "It is unclear whether the ferry had a licence.",
    "The scandal puts the harbour board in the spotlight, triggering a debate in Dellis.",
])
def test_commentary_is_no_claim(nlp, text):
    assert texts(nlp, text) == []


def test_commentary_in_a_participle_does_not_hide_the_claim(nlp):
    [claim] = claims(nlp, "The alleged fraud has exposed weaknesses in the tender system, raising questions "
                          "about oversight.")
    assert (claim.status, claim.cue, claim.hedges) == ("unverified", "alleged", ["alleged"])


def test_a_question_put_to_a_speaker_is_no_claim(nlp):
    text = 'Asked if she thought the levy went too far, Ruiz replied: "I guess so."'
    assert texts(nlp, text, ("Ruiz", "replied", '"I guess so."', "direct")) == []


def test_flag_clause_is_no_claim(nlp):
    assert texts(nlp, "The reports could not be independently verified.") == []


def test_mixed_sentence_splits_off_the_outlets_hedged_aside(nlp):
    text = ("Dara Pell reported that the harbour was quiet, although a tanker allegedly ran aground and some "
            "witnesses are saying the crew was evacuated.")
    found = claims(nlp, text,
                   ("Dara Pell", "reported", "that the harbour was quiet, although a tanker allegedly ran aground "
                    "and some witnesses are saying the crew was evacuated"),
                   ("some witnesses", "are saying", "the crew was evacuated"))
    [claim] = found
    assert claim.text == "a tanker allegedly ran aground"
    assert (claim.status, claim.cue, claim.hedges) == ("unverified", "allegedly", ["allegedly"])
    assert claim.cue_span == (text.index("allegedly"), text.index("allegedly") + len("allegedly"))


def test_clause_beside_an_attribution_is_the_outlets(nlp):
    text = "As firefighters reached the warehouse, the owner said the alarm had failed."
    found = texts(nlp, text, ("the owner", "said", "the alarm had failed"))
    assert found == ["firefighters reached the warehouse"]


def test_attributed_sentences_give_no_outlet_claim(nlp):
    text = 'Dara Pell said the harbour was quiet. Dara Pell said, "The crew is safe."'
    assert texts(nlp, text, ("Dara Pell", "said", "the harbour was quiet"),
                 ("Dara Pell", "said,", '"The crew is safe."', "direct")) == []


def test_quoted_words_nobody_was_credited_with_are_not_the_outlets(nlp):
    # a quote block no attribution caught is still somebody's words; scare quotes leave the clause the outlet's
    text = ('The film opens on a preacher at a lectern: “The river will rise. The mills will close.” '
            'The “official” count of mills in Varn stood at nine last year.')
    assert texts(nlp, text) == ["The film opens on a preacher at a lectern",
                                "The “official” count of mills in Varn stood at nine last year"]


def test_coordinated_independent_clauses_split(nlp):
    assert texts(nlp, "Crews repaired the Osk bridge on Monday, and traffic returned to normal by noon.") == [
        "Crews repaired the Osk bridge on Monday", "traffic returned to normal by noon"]


def test_trailing_attribution_words_are_trimmed(nlp):
    text = "The council met on Friday and is said to favour the Dellis plan."
    doc = nlp(text)
    start = text.index("favour")
    hedge = Mention(start, len(text) - 1, text[start:-1], Source("unnamed", "unnamed"), "is said to",
                    "indirect", "unverified", cue_span=(text.index("is said"), start - 4))
    assert [m.text for m in find_outlet_claims(doc, [hedge], OUTLET)] == ["The council met on Friday"]


REPORT = (
    "This is a developing story. Please check back for updates.\n"
    "The Corvane militia is attempting a takeover of the port of Dellis.\n"
    "Ravi Marek, the militia's commander, says his camps were hit by airstrikes on Thursday.\n"
    "The navy rejects the existence of such airstrikes.\n"
    "He reported that dockworkers offered no resistance, although a patrol boat allegedly fired on his "
    "fighters.\n"
    "Neither account could be verified.\n"
    "The government has denied the claims of an attempted takeover.\n"
    "The takeover, if confirmed, could cut fuel supplies to the region.\n"
    "The episode highlights the weakness of the coast guard.\n"
)


def test_pipeline_statuses_on_a_fictional_report():
    ms = extract(REPORT, outlet=OUTLET).mentions
    status = {words: one.status for words in ("attempting a takeover", "patrol boat", "fuel supplies")
              for one in ms if words in one.text and (one.form == "outlet")}
    # the outlet states it, a party denies it two sentences on: the report presents it as denied
    assert status == {"attempting a takeover": "denied", "patrol boat": "unverified",
                      "fuel supplies": "hypothetical"}
    assert not any("developing" in m.text or "highlights" in m.text or "Neither account" in m.text for m in ms)
    dispute = next(m for m in ms if m.relation == "disputes")
    assert "airstrikes on Thursday" in ms[dispute.contests].text
    denial = next(m for m in ms if m.relation == "denies")
    assert "attempting a takeover" in ms[denial.contests].text
    resistance = next(m for m in ms if "dockworkers" in m.text and m.form != "outlet")
    assert resistance.status == "unverified" and resistance.flagged_by is not None


# --- datelines, credits, notes on the reporting --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "HALVERN, Ostmark (Lakeside Wire) — A landslide buried the Kessel road on Monday.",
    "HALVERN, Ostmark, May 2 (Lakeside Wire) — A landslide buried the Kessel road on Monday.",
    "HALVERN — A landslide buried the Kessel road on Monday.",
    "HALVERN, Ostmark (Lakeside Wire) —\nA landslide buried the Kessel road on Monday.",
])
def test_dateline_is_no_part_of_a_claim(nlp, text):
    assert texts(nlp, text) == ["A landslide buried the Kessel road on Monday"]


@pytest.mark.parametrize("text", [
    "(Reporting by Ilse Maren; Editing by Joss Tarrant)",
    "Additional reporting by Ilse Maren in Halvern.",
    "Distributed by Lakeside Wire under licence.",
    "The Orvale Gazette did not contribute to this report.",
    "Lakeside Wire is an independent international news agency.",
    "For the latest updates, follow our live coverage at lakeside.test/live.",
    "Copyright 2031 Lakeside Wire.",
    "All rights reserved.",
    "This article was originally published by the Orvale Gazette.",
    "Ilse Maren contributed to this report.",
])
def test_credits_and_syndication_notes_are_no_claims(nlp, text):
    assert texts(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Kessel Mining did not respond to requests for comment.",
    "Kessel Mining did not immediately respond to several emails seeking comment.",
    "The harbour board declined to comment.",
    "The mayor's office has not commented on the letters.",
    "Kessel Mining could not be reached for comment on Sunday.",
    "A spokesman for the board was not available for comment.",
    "The port authority did not say how much the permit allowed.",
    "Police did not name the two suspects.",
])
def test_notes_on_the_reporting_are_no_claims(nlp, text):
    assert texts(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The minister refused to resign after the Kessel landslide.",
    "Rescuers did not respond to the first alarm for three hours.",
    "The board has not paid the Kessel contractors since March.",
])
def test_lookalikes_of_no_comment_notes_are_claims(nlp, text):
    assert texts(nlp, text) == [text.rstrip(".")]


def test_no_comment_beside_a_flag_leaves_no_claim(nlp):
    text = ("Bloggers claimed that the dam was sabotaged. "
            "These claims have yet to be independently confirmed, and officials have not commented on them.")
    assert texts(nlp, text, ("Bloggers", "claimed", "that the dam was sabotaged")) == []


def test_subjectless_verb_coordinated_with_reported_words_is_not_the_outlets(nlp):
    text = "Some reports said the ferry had caught fire and sank at its mooring."
    assert texts(nlp, text, ("Some reports", "said", "the ferry had caught fire")) == []


def test_closing_bracket_of_an_acronym_stays_in_the_claim(nlp):
    from storyline.extract.outlet_claims import find_outlet_claims

    doc = nlp("The depot is run by Kessel Freight, which leases it from the Orvane Transit Board (OTB).")
    [claim] = find_outlet_claims(doc, [], "Wire")
    assert claim.text.endswith("Orvane Transit Board (OTB)")


def test_the_headline_is_no_claim_and_a_blank_line_ends_a_sentence(nlp):
    text = ("Ferry runs aground off Tessel\n\n"
            "The passenger ferry Maren Sky ran aground on the Tessel sandbank on Monday evening.")
    assert texts(nlp, text) == ["The passenger ferry Maren Sky ran aground on the Tessel sandbank on Monday evening"]
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()][0] == "Ferry runs aground off Tessel"


def test_an_embedded_post_placeholder_is_no_claim(nlp):
    """An archive keeps an embedded post as a line of markup: no row of it, the story around it stays."""
    text = ("The harbour board closed the quay on Monday.\n\n"
            '<post post-id="5518820047"><post/>.\n\n'
            "The ferries will dock at Varn instead.")
    assert texts(nlp, text) == ["The harbour board closed the quay on Monday",
                                "The ferries will dock at Varn instead"]


def test_markup_only_lines_are_chrome_and_a_post_with_words_is_not():
    from storyline.extract.page import chrome_spans
    assert chrome_spans('<post post-id="5518820047"><post/>.') == [(0, 35)]
    assert chrome_spans('<video src="harbour.mp4"/>') == [(0, 26)]
    assert chrome_spans('<post author="@varnport">Quay shut until Friday</post>') == []
    assert chrome_spans("The vote was 12 < 15 in the end.") == []


def _outlet_rows(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.status) for m in extract(text, outlet=OUTLET).mentions if m.form == "outlet"]


def test_a_struck_thought_leaves_its_words_in_the_outlets_row():
    """Issue 15: a thought and a topic are struck as junk; the outlet's clause is built without them, so
    the row is whole, not cut at the thought."""
    text = ("Port talks stall in Kestrel Bay\n\n"
            "The harbour board met on Friday. Mayor Ana Ruiz rejected the offer on Monday, believing the "
            "council has more leverage over the port.")
    assert ("Mayor Ana Ruiz rejected the offer on Monday, believing the council has more leverage over the port",
            "asserted") in _outlet_rows(text)
    assert not [m for m in extract(text, outlet=OUTLET).mentions if m.form != "outlet"]


def test_a_concessive_clause_at_the_end_is_its_own_row_not_part_of_the_main_one():
    """'X did not mention Y, though the crowd booed when …': two claims, each once (the main row used to run
    over the concessive clause, which then stood twice in the ledger)."""
    text = ("Rally in Lenport\n\nThe harbour board met on Friday. Mayor Varga, speaking later at a rally in Lenport, "
            "did not mention Aldane directly in her speech, though the crowd booed when one of her aides "
            "mentioned the councillor's name.")
    rows = [row for row, _ in _outlet_rows(text)]
    assert "Mayor Varga, speaking later at a rally in Lenport, did not mention Aldane directly in her speech" in rows
    assert "the crowd booed when one of her aides mentioned the councillor's name" in rows


def test_a_subhead_in_headline_capitals_is_no_claim():
    text = ("Rally in Lenport\n\nThe harbour board met on Friday.\n\nTamm Gains Ground In The South\n\n"
            "Tamm has opened four offices in the south.\n\nThe ferry sank\n\nNobody was hurt.")
    rows = [row for row, _ in _outlet_rows(text)]
    assert "Tamm Gains Ground In The South" not in rows
    assert "Tamm has opened four offices in the south" in rows
    assert "The ferry sank" in rows  # a short line in sentence case is a claim


def test_the_even_of_even_though_goes_with_the_subordinator():
    text = ("Rally in Lenport\n\nThe harbour board met on Friday. Mayor Ilse Varga criticized the port board on "
            "Tuesday, even though it was not the focus of the inquiry.")
    rows = [row for row, _ in _outlet_rows(text)]
    assert "it was not the focus of the inquiry" in rows


def test_a_concessive_clause_before_closing_marks_is_split_off_too():
    """'…, though her campaign was driven by a "new deal."': the sentence's closing marks do not keep the
    concessive clause inside the main row."""
    text = ("Rally in Lenport\n\nThe harbour board met on Friday. Lenning is gaining because she comes from a "
            'neighbouring state, though her campaign has been driven more by the zeal of young voters for a "new deal."')
    rows = [row for row, _ in _outlet_rows(text)]
    assert "Lenning is gaining because she comes from a neighbouring state" in rows
    assert sum("zeal of young voters" in row for row in rows) == 1


def test_a_concessive_clause_in_brackets_stays_in_the_row_that_holds_it():
    """An aside in brackets ("(X won here in 2004, although Y won the spin)") is told once, inside its row;
    a closing bracket is not paired with a quote mark."""
    text = ("Rally in Lenport\n\nThe harbour board met on Friday. The region's habit of rewarding candidates "
            "from nearby states (Olek Tamm of Ostra won the 2004 primary here, although Ida Kern won the spin) "
            "makes this a contest that Lenning must win.")
    rows = [row for row, _ in _outlet_rows(text)]
    assert sum("Ida Kern won the spin" in row for row in rows) == 1
    assert any(row.startswith("The region's habit") and "although Ida Kern" in row for row in rows)


@pytest.mark.parametrize("sentence, cue", [
    ("Many experts suspect the ferry operator hid the losses from regulators.", "suspect"),
    ("The levy, some analysts think, will push fares higher next year.", "think"),
])
def test_an_unnamed_groups_belief_is_not_the_outlets_assertion(sentence, cue):
    """'Many experts suspect X': the outlet leans on a view nobody in it can be asked about; its row is
    hedged (unverified, the belief verb its cue), neither asserted nor credited to a party."""
    text = "Port talks stall in Kestrel Bay\n\nThe harbour board met on Friday. " + sentence
    rows = [m for m in extract(text, outlet=OUTLET).mentions if m.form == "outlet" and cue in m.text]
    assert [(m.status, m.cue) for m in rows] == [("unverified", cue)]


def test_a_named_partys_belief_stays_the_outlets_assertion():
    text = ("Port talks stall in Kestrel Bay\n\nThe harbour board met on Friday. "
            "The Kestrel Bay police fear that the closure could add to the tensions.")
    assert ("The Kestrel Bay police fear that the closure could add to the tensions", "asserted") in _outlet_rows(text)


@pytest.mark.parametrize("sentence, status", [
    ("Mayor Ana Ruiz is expected to sign the levy on Monday.", "hypothetical"),
    ("The levy is not expected to pass.", "hypothetical"),
    ("The vote picks the wardens who are expected to back the levy.", "asserted"),  # the forecast is an aside
])
def test_a_forecast_in_the_reporters_words_is_hypothetical(sentence, status):
    text = "Port talks stall in Kestrel Bay\n\nThe harbour board met on Friday. " + sentence
    assert (sentence.rstrip("."), status) in _outlet_rows(text)


def test_no_outlet_row_ends_on_a_conjunction():
    """The parser may hang the "and" between two clauses on the first clause's object; the first row then
    ended "… video and". A conjunction ends no row."""
    text = ("Safety film in Lenport\n\nThe harbour board met on Friday. The port authority has recently released "
            "a new safety video and harbour master Ilse Varga will not be pleased about it.")
    rows = [row for row, _ in _outlet_rows(text)]
    assert "The port authority has recently released a new safety video" in rows
    assert "harbour master Ilse Varga will not be pleased about it" in rows
    assert not [row for row in rows if row.endswith(" and")]


def test_a_quote_inside_an_adjunct_attributions_content_stays_out_of_the_outlets_row():
    """ "…, telling the Gazette that there is "a strange deal going on" with …": the quoted words are Kern's
    content, so the outlet's row stops before "telling" and does not repeat them."""
    text = ('Ida Kern, who is battling Orla Venn for the top spot in the polls, has picked up on the criticism '
            'of Venn, telling the Harbor Gazette that there is "a strange deal going on" with the surgeon.')
    rows = [m.text for m in extract(text, outlet=OUTLET).mentions if m.form == "outlet"]
    assert rows == ["Ida Kern, who is battling Orla Venn for the top spot in the polls, has picked up on the "
                    "criticism of Venn"]
    # an apostrophe before the quote ("the States' neighbour") is no opening mark of it
    text = ("Kern has long targeted the Islands' northern neighbour, calling Ostravian ferry crews \"pirates\" and "
            "worse.")
    rows = [m.text for m in extract(text, outlet=OUTLET).mentions if m.form == "outlet"]
    assert rows == ["Kern has long targeted the Islands' northern neighbour"]


def test_a_quote_the_outlets_clause_needs_keeps_both_marks():
    text = "Varga watched the ferry crews in Lenport referring to the harbour as the \"Great Pit.\""
    rows = [m.text for m in extract(text, outlet=OUTLET).mentions if m.form == "outlet"]
    assert all(row.count('"') % 2 == 0 for row in rows), rows
