"""What the ledger strikes as no claim (``extract/junk.py``)."""

from __future__ import annotations

import pytest

from storyline.extract.junk import says_nothing, says_something


@pytest.mark.parametrize(("content", "something"), [
    ("his rival ''totally scripted and kind of robotic.''", True),  # an archive's straight double quote
    ("Mr. Brel's remarks ''racially toxic,''", True),
    ("the moment “a display of panic”", True),
    ("his rival's record on the harbour", False),  # a topic: nothing to check
    ("the dock workers' union", False),  # an apostrophe is no quotation
])
def test_a_quotation_makes_a_verbless_content_a_claim(nlp, content, something):
    assert says_something(nlp(content)[:]) is something


@pytest.mark.parametrize(("text", "kept"), [
    ("Ana Ruiz accused the port board of negligence.", True),  # a charge: checkable, though verbless
    ("Ana Ruiz criticized the port board's record.", False),  # a topic
    # a public characterization "X as Y" says what X is (issue 15); a belief or an example cited does not
    ("Tomas Aldane, the harbour master, described the two-week delay as a scandal.", True),
    ("Ana Ruiz has cast the harbour levy as a tax on the poor.", True),
    ("The mayor sees the truce as a trap.", False),
    ("Ana Ruiz cites the crowded ferries as an example.", False),
    # a demand and a reason held against someone are claims though verbless (issue 15); a topic is not
    ("Senator Ilse Varga called for an independent inquiry into the ferry contracts.", True),
    ("The dock workers' union has pushed for a public hearing on the levy.", True),
    ("Ana Ruiz has criticized the port board for its handling of the dredging contract.", True),
    ("Ana Ruiz praised the harbour crews for their work during the flood.", True),
    ("Tomas Aldane talked about the economy at the rally.", False),
])
def test_a_charge_is_a_claim_a_topic_is_not(nlp, text, kept):
    from storyline.extract.attribution import find_attributions
    from storyline.extract.entities import find_entities
    from storyline.extract.junk import drop_junk

    doc = nlp(text)
    found = find_attributions(doc, find_entities(doc))
    assert found, "the cue is found before the junk rule judges it"
    assert bool(drop_junk(doc, found)) is kept


def _claims(nlp, text):
    from storyline.extract.pipeline import extract_doc

    return [(m.source.name, m.text) for m in extract_doc(nlp(text), None, "Harbour Ledger").mentions
            if m.form != "outlet"]


@pytest.mark.parametrize(("text", "gone"), [
    # a scrap of quoted wording with no verb (issue 15)
    ("“A disgrace,” Ivo Tan said.", "A disgrace"),
    # one quoted question asks, it asserts nothing
    ("“Is closing the quay akin to closing the town?” Marta Koval said.",
     "“Is closing the quay akin to closing the town?”"),
    # no one said it: "Nobody has claimed …"
    ("Nobody has claimed that the ferry was overloaded.", "that the ferry was overloaded"),
])
def test_contents_that_are_no_claims_are_dropped(nlp, text, gone):
    assert all(gone.strip("“”.") not in content for _, content in _claims(nlp, text))


def test_a_quote_with_a_statement_before_its_question_stays(nlp):
    text = "“The levy is a fine. Who pays it?” Marta Koval said."
    assert any("The levy is a fine" in content for _, content in _claims(nlp, text))


def test_a_person_who_shows_a_thing_has_no_row(nlp):
    """'X said that Y showed the "conduct of …"': Y displays conduct and X says so: Y's row is struck; a report
    that shows a finding still speaks."""
    from storyline.extract.attribution import find_attributions
    from storyline.extract.entities import find_entities
    from storyline.extract.junk import drop_junk

    def kept(text):
        doc = nlp(text)
        return [(m.source.name, m.text) for m in drop_junk(doc, find_attributions(doc, find_entities(doc)))]

    found = kept('Hana Olt said in a phone interview that Marta Koval showed the "conduct of a woman who had '
                 'something to hide: she shredded files, she moved the server home."')
    assert [name for name, _ in found] == ["Hana Olt"]
    assert any("sharp rise" in text for _, text in kept('The harbour board\'s report showed "a sharp rise in thefts."'))


@pytest.mark.parametrize(("text", "kept"), [
    # a participle on a thing that cannot speak, with no speaker the parse gives instead: no one said it
    ("There is anecdotal evidence suggesting that ferry riders are more likely to walk.", False),
    ("Guests are given timed tickets telling them when to join the queue.", False),
    # a statement speaks for whoever issued it
    ("Ana Ruiz released a statement suggesting that the pier would reopen.", True),
])
def test_a_thing_that_cannot_speak_makes_no_claim(nlp, text, kept):
    assert bool(_claims(nlp, text)) is kept


@pytest.mark.parametrize(("text", "sources"), [
    # a thing that speaks for no one, inside another party's row: the words are the outer party's
    ("Mayor Ilse Varga and Governor Tomas Aldane issued a statement describing their meeting as a “very "
     "constructive step toward agreement” that recognized “many shared goals” as well as points where they "
     "differ.", ["Ilse Varga and Tomas Aldane"]),
    ("Ivo Tan, the union’s adviser, said the port board is engaged in misguided “mischief” that shows its "
     "“disconnect with what is going on with the dockers.”", ["Ivo Tan"]),
    # a study, a poll, a ruling or a group of people still speaks inside another's row
    ("Ana Ruiz said the port board had ignored a study that found “serious corrosion in the north pier.”",
     ["Ana Ruiz", "study"]),
    ("Ana Ruiz cited a new poll that showed “most riders want the night ferry back.”", ["Ana Ruiz", "new poll"]),
    ("Marta Koval said the board had welcomed a ruling that said “the levy is lawful.”", ["Marta Koval", "ruling"]),
    ("Tomas Aldane said he had met dockers who said “the levy will ruin us.”", ["Tomas Aldane", "dockers"]),
])
def test_a_thing_inside_another_partys_row_is_no_speaker(nlp, text, sources):
    assert [name for name, _ in _claims(nlp, text)] == sources


@pytest.mark.parametrize(("content", "nothing"), [
    ("That's", True),
    ("That’s", True),  # the tagger leaves a curly "’s" unlemmatised: still an empty verb
    ("them to do", True),
    ("That’s the harbour levy", False),
])
def test_pronouns_and_empty_verbs_say_nothing(nlp, content, nothing):
    assert says_nothing(nlp(content)[:]) is nothing


def test_a_request_trailing_a_statement_is_part_of_its_row():
    """Issue 15: "X told … that the guild had sent two letters to the board, asking it to move the fuel" is
    one row; no fragment "it to move the fuel" beside a statement cut short. A trailing "arguing that …"
    stays a claim of its own."""
    from storyline.extract.pipeline import extract
    text = ("Guild warned of fuel risk\n\n"
            "Ilse Varga, head of the Kestrel Bay pilots' guild, told reporters on Friday that the guild had sent "
            "two letters to the harbour board in March, asking it to move the fuel.")
    rows = [m.text for m in extract(text).mentions if m.form != "outlet"]
    assert rows == ["that the guild had sent two letters to the harbour board in March, asking it to move the fuel"]


def test_an_alleged_order_is_no_row_of_the_accused():
    """Issue 15: "Managers allegedly told staff to keep the doors locked" is an allegation about the managers,
    not their statement: no row "managers | staff to keep the doors locked"; the sentence is the outlet's,
    unverified. An order told plainly, or by someone who says so, keeps its row."""
    from storyline.extract.pipeline import extract

    def rows(text):
        return [(m.status, m.source.name, m.text) for m in extract(text).mentions]

    alleged = rows("Depot managers in Varn allegedly told drivers to hide the cracked axles from inspectors.")
    assert alleged == [("unverified", "the outlet",
                        "Depot managers in Varn allegedly told drivers to hide the cracked axles from inspectors")]
    plain = rows("The mayor of Varn urged residents to stay indoors on Friday.")
    assert ("reported", "mayor of Varn", "residents to stay indoors on Friday") in plain


@pytest.mark.parametrize(("text", "gone"), [
    # a negated verb of saying: the statement was not made, so no row credits it (issue 15)
    ("The harbour board has not said that the ferries will stop.", "that the ferries will stop"),
    ("Ana Ruiz never said the quay was sold.", "the quay was sold"),
])
def test_what_was_not_said_has_no_row(nlp, text, gone):
    assert all(gone not in content for _, content in _claims(nlp, text))


@pytest.mark.parametrize(("text", "kept", "status"), [
    # a negated confirmation or contest keeps its row, with the status the negation gives it
    ("The records do not confirm that the quay was sold.", "that the quay was sold", "unverified"),
    ("Ana Ruiz did not deny that the quay was sold.", "that the quay was sold", "reported"),
])
def test_a_negated_confirmation_or_denial_keeps_its_row(nlp, text, kept, status):
    from storyline.extract.pipeline import extract_doc

    rows = [m for m in extract_doc(nlp(text), None, "Harbour Ledger").mentions if m.form != "outlet"]
    assert [(m.text, m.status) for m in rows] == [(kept, status)]


def test_a_request_for_anonymity_is_no_claim(nlp):
    """'who requested anonymity to describe private talks': the newsroom's note that the source asked not to
    be named; the statement the same source made stays (issue 15)."""
    text = ("Two councillors, who requested anonymity to describe private talks, said the mayor had lost "
            "the vote.")
    assert _claims(nlp, text) == [("Two councillors", "the mayor had lost the vote")]


def test_a_view_its_owner_holds_keeps_its_row(nlp):
    """Issue 15: "In Brel's view, the levy would …" credits Brel's stated view (PolNeAR annotates "In their
    view" as an attribution): it is no thought the reporter reads into him, so the row stays his, with the
    status its words give. "believes …" in the reporter's words is still struck."""
    from storyline.extract.pipeline import extract_doc

    def rows(text):
        return [(m.source.name, m.text, m.status)
                for m in extract_doc(nlp(text), None, "Harbour Ledger").mentions if m.form != "outlet"]

    assert rows("Tomas Brel wrote to the harbour board on Monday. In Brel's view, the levy would ruin the "
                "small boats of Kestrel Bay.") == [
        ("Tomas Brel", "the levy would ruin the small boats of Kestrel Bay", "hypothetical")]
    assert rows("Tomas Brel believes the levy will ruin the small boats of Kestrel Bay.") == []
