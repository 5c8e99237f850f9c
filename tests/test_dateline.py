import pytest

from storyline.extract.dateline import dateline_end


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
