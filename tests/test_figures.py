"""Figures read from the parse: ranges, qualifiers, units, scales, words."""

import pytest

from storyline.extract.figure_values import value_range
from storyline.extract.figures import find_figures


def figures(nlp, text):
    return find_figures(nlp(text))


def only(nlp, text):
    found = figures(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_range_with_anywhere_from(nlp):
    text = "The Osmund Group has anywhere from 12,000 to 18,000 fighters in the valley."
    f = only(nlp, text)
    assert (f.low, f.high, f.unit, f.qualifier) == (12000, 18000, "fighters", "anywhere from")
    assert f.text == "anywhere from 12,000 to 18,000 fighters" == text[f.start:f.end]


def test_between_range(nlp):
    f = only(nlp, "Officials said between 14 and 19 people were rescued from the ferry.")
    assert (f.low, f.high, f.unit, f.qualifier) == (14, 19, "people", "between")


def test_a_range_never_has_its_low_above_its_high(nlp):  # found by tests/test_fuzz.py
    f = only(nlp, "Ridership fell from 40 to 25 percent last year.")
    assert (f.low, f.high, f.unit) == (25, 40, "percent")
    assert all(f.low <= f.high for f in figures(nlp, "The ferry Solent Queen 2031-05-06 A, with 10-5 people."))


def test_an_iso_date_is_no_figure(nlp):
    assert figures(nlp, "The ferry Solent Queen 2031-05-06 A") == []
    assert [f.text for f in figures(nlp, "On 2031-05-06, 85 passengers left.")] == ["85 passengers"]


def test_up_to_keeps_the_number_as_both_bounds(nlp):
    f = only(nlp, "The convoy carried up to 240 vehicles toward Varn.")
    assert (f.low, f.high, f.unit, f.qualifier) == (240, 240, "vehicles", "up to")


@pytest.mark.parametrize("text,low,unit,qualifier", [
    ("At least 37 dead were counted after the blast in Lornet.", 37, "dead", "at least"),
    ("More than 2,400 residents left the coastal town.", 2400, "residents", "more than"),
    ("The fire spread about 18 km along the ridge.", 18, "km", "about"),
])
def test_qualifiers(nlp, text, low, unit, qualifier):
    f = only(nlp, text)
    assert (f.low, f.high, f.unit, f.qualifier) == (low, low, unit, qualifier)
    assert f.text.lower().startswith(qualifier)


def test_scale_words(nlp):
    f = only(nlp, "Tarsk, a river port with 3 million people, lost power.")
    assert (f.low, f.unit) == (3_000_000, "people")
    g = only(nlp, "The harbor authority asked for 4.5 billion euros.")
    assert (g.low, g.unit) == (4_500_000_000, "EUR")


def test_money_and_percent(nlp):
    found = figures(nlp, "The fund paid $7 million, and turnout rose 12 percent while fares fell 3%.")
    assert [(f.low, f.unit) for f in found] == [(7_000_000, "USD"), (12, "percent"), (3, "percent")]
    assert found[0].text == "$7 million"


def test_number_words(nlp):
    found = figures(nlp, "Eleven sailors and a dozen boats were missing, but one of them returned.")
    assert [(f.low, f.unit) for f in found] == [(11, "sailors"), (12, "boats")]


def test_vague_multiples(nlp):
    f = only(nlp, "Hundreds of homes were flooded.")
    assert (f.low, f.high, f.unit, f.qualifier) == (200, 1000, "homes", "hundreds of")


def test_dates_ages_and_names_are_not_figures(nlp):
    text = "In 2021, a 34-year-old pilot flew Flight 208 on June 3 for the second time."
    assert figures(nlp, text) == []


def test_hyphen_range(nlp):
    f = only(nlp, "Witnesses saw 4-6 drones over the dam.")
    assert (f.low, f.high, f.unit) == (4, 6, "drones")


@pytest.mark.parametrize("text, allowed, refused", [
    ("The Verran fund lost more than $915 million in the collapse.", 916e6, 900e6),
    ("Up to 40 workers were laid off at the Caddow mill.", 37, 41),
    ("At least 12 people were hurt at the Caddow mill.", 13, 40),  # a count, not an open range
    ("About 40 boats were damaged in the Lisk harbour storm.", 43, 47),
    ("The storm damaged 40 boats in Lisk harbour.", 40, 41),
])
def test_a_figure_allows_the_values_its_qualifier_says(nlp, text, allowed, refused):
    low, high = value_range(only(nlp, text))
    assert low <= allowed <= high
    assert not low <= refused <= high
