"""Cue words that tell of no speech where they stand, and rows of markup (``extract/not_saying.py``): the
junk row goes, a near-identical claim stays (issue 15)."""

from __future__ import annotations

import pytest


def _claims(nlp, text):
    from storyline.extract.pipeline import extract_doc

    return [(m.source.name, m.text) for m in extract_doc(nlp(text), None, "Harbour Ledger").mentions
            if m.form != "outlet"]


@pytest.mark.parametrize(("text", "rows"), [
    # "go on" with no saying after it: the night said nothing
    ("As the night went on, Tomas Aldane offered the dock workers a new contract.", []),
    # speech that goes on keeps its row: a verb of saying, or one with whom it targets
    ("Tomas Aldane went on to say the levy was dead.", [("Tomas Aldane", "the levy was dead")]),
    ("Ilse Varga went on to argue that the levy would ruin the ferries.",
     [("Ilse Varga", "that the levy would ruin the ferries")]),
    ("Ilse Varga went on to fault the harbour board's plan for the ferries.",
     [("Ilse Varga", "to fault the harbour board's plan for the ferries")]),
])
def test_going_on_is_speech_only_with_saying_after_it(nlp, text, rows):
    assert _claims(nlp, text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    # a thing found, or the finder finding itself somewhere: nothing stated
    ("The Varn mayor found ways to push her plan through small amendments to the budget.", []),
    ("The ferry company found itself playing host to the protesters night after night.", []),
    # a finding stays: a clause, a thing with a that-clause, what a poll finds
    ("The inspectors found that the pier was unsafe.", [("inspectors", "that the pier was unsafe")]),
    ("The survey found residents were split on the levy.", [("survey", "residents were split on the levy")]),
    ("Inspectors found evidence that the pier had been left unsafe.",
     [("Inspectors", "evidence that the pier had been left unsafe")]),
    ("A new harbour poll finds a town that is more worried about the ferries than the levy.",
     [("new harbour poll", "a town that is more worried about the ferries than the levy")]),
    # a thing with a participle that tells something of it, a way to say something
    ("Inspectors found over 200 ferry tickets containing forged stamps.",
     [("Inspectors", "over 200 ferry tickets containing forged stamps")]),
    # what an investigator finds is a finding, whatever its phrase
    ("Investigators found over 200 tickets from the ferry office's safe containing forged stamps.",
     [("Investigators", "over 200 tickets from the ferry office's safe containing forged stamps")]),
    ("Throughout the debate, Ilse Varga found ways to cast herself as the rightful heir of the old mayor.",
     [("Ilse Varga", "ways to cast herself as the rightful heir of the old mayor")]),
])
def test_finding_a_thing_is_no_finding(nlp, text, rows):
    assert _claims(nlp, text) == rows


def test_an_embedded_posts_tag_is_no_row(nlp):
    """'<tweet pic="" author="…" …>': the tag's attributes are no content of anyone's; the row the same
    paragraph's call makes stays."""
    text = ("Councillor Ilse Varga and harbour master Tomas Aldane called for an inquiry into the crash:\n\n"
            '<tweet pic="" author="IlseVarga" timestamp="1449075600" tweet_id="672137288055398401">Terrible '
            "news from the quay. Enough is enough: it's time to fix the ferries.</tweet>.\n\n"
            "Their rivals, on the other hand, offered their thoughts to the crews:\n\n"
            '<tweet pic="" author="AnaRuiz" timestamp="1449075600" tweet_id="672152791717158917">Ferry crash '
            "looks very bad. Good luck to the rescue crews and God bless. This is when our crews are so "
            "appreciated!</tweet>.\n")
    rows = _claims(nlp, text)
    assert ("Ilse Varga and Tomas Aldane", "an inquiry into the crash") in rows
    assert not any("author=" in content for _, content in rows)
