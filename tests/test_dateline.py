import pytest

from storyline.extract.dateline import dateline_end, dateline_span


@pytest.mark.parametrize("text, rest", [
    ("MARLOW BAY, Ostrava (Coastline Wire) — The levee broke.", "The levee broke."),
    ("MARLOW BAY, Ostrava, May 2 (Coastline Wire) — The levee broke.", "The levee broke."),
    ("MARLOW BAY — The levee broke.", "The levee broke."),
    ("KESTREL (Daily Ledger) - Rain fell.", "Rain fell."),
])
def test_dateline_is_skipped(text, rest):
    assert text[dateline_end(text):] == rest


@pytest.mark.parametrize("text", [
    "The levee broke — twice.", "UN observers - who arrived late - said little.", "A quiet night.",
])
def test_no_dateline(text):
    assert dateline_end(text) == 0


@pytest.mark.parametrize("text, dateline", [
    ("MARLOW BAY — The levee broke.", "MARLOW BAY — "),
    ("Levee Breaks in the Night\n\nMARLOW BAY, Ostrava (Coastline Wire) — The levee broke.",
     "MARLOW BAY, Ostrava (Coastline Wire) — "),
    ("Levee Breaks\nBy Ana Ruiz\nKESTREL, May 2 (Daily Ledger) ― Rain fell.", "KESTREL, May 2 (Daily Ledger) ― "),
])
def test_dateline_span_on_one_of_the_first_lines(text, dateline):
    start, end = dateline_span(text)
    assert text[start:end] == dateline


@pytest.mark.parametrize("text", [
    "A quiet night.\n\nThe levee held.",
    "One\n\nTwo\n\nThree\n\nMARLOW BAY — The levee broke.",
    "Levee Breaks\n\nThe town — what is left of it — is empty.",
])
def test_no_dateline_span(text):
    assert dateline_span(text) is None
