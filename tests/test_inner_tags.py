"""Attribution tags inside a ledger row (``extract/inner_tags.py``): a second tag closing another
speaker's content, and a content opening on a relative pronoun with its tag set inside (fictional
sentences). The attribution keeps its span; the row is narrowed."""

from __future__ import annotations

import pytest

from storyline.extract.pipeline import extract


def _said_by(text: str, name: str):
    return [m for m in extract(text).mentions if m.source.name.endswith(name)]


@pytest.mark.parametrize(("text", "content"), [
    ("Officer Dana Lee said the driver stopped at the light, the footage showed.\n",
     "the driver stopped at the light"),
    ("Senator Ilse Varga said the cannery would reopen in March, records show.\n",
     "the cannery would reopen in March"),
    ("Harbour master Tomas Aldane said the ferry sailed at noon, court records show.\n",
     "the ferry sailed at noon"),
])
def test_a_closing_tag_ends_the_content_before_it(text, content):
    name = text.split(" said")[0].split()[-1]
    rows = _said_by(text, name)
    assert rows and rows[0].text == content


def test_a_speakers_own_words_after_a_comma_stay(text="Ilse Varga said the pier was unsafe, the cranes rusted.\n"):
    rows = _said_by(text, "Varga")
    assert rows and rows[0].text.endswith("the cranes rusted")


@pytest.mark.parametrize(("text", "content"), [
    ("The council approved a new budget, which, treasurer Paul Nadler said, will cut the deficit by half.\n",
     "will cut the deficit by half"),
    ("The port bought two cranes, which, harbour chief Ana Ruiz said, will double the cargo.\n",
     "will double the cargo"),
])
def test_a_relative_pronoun_before_an_inserted_tag_is_no_part_of_the_content(text, content):
    name = text.split(" said")[0].split()[-1]
    rows = _said_by(text, name)
    assert rows and rows[0].text == content


def test_an_inserted_tag_after_a_subject_keeps_the_subject(text="The ferry, Paul Nadler said, will run on Sunday.\n"):
    rows = _said_by(text, "Nadler")
    assert rows and rows[0].text.startswith("The ferry")


def test_the_attribution_keeps_its_span_for_span_benchmarks(nlp):
    from storyline.extract.attribution import find_attributions
    from storyline.extract.entities import find_entities

    text = "The council approved a new budget, which, treasurer Paul Nadler said, will cut the deficit by half.\n"
    doc = nlp(text)
    said = [m for m in find_attributions(doc, find_entities(doc)) if m.cue == "said"]
    assert said and said[0].text.startswith("which")


def test_a_tag_not_set_off_by_commas_keeps_the_row_as_it_is():
    """'which Ruiz says will …' is a relative clause with its cue inside, not an inserted tag."""
    text = "The port bought two cranes, which Ana Ruiz says will double the cargo.\n"
    rows = _said_by(text, "Ruiz")
    assert rows and rows[0].text == "which Ana Ruiz says will double the cargo"
