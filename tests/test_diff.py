import pytest

from storyline.watch.diff import (
    SentenceChange,
    diff_sentences,
    format_diff,
    split_sentences,
)

OLD = """MARROWICK, Tellany (Tellhaven Wire) — At least 12 people died when the flood barrier failed on Thursday night, the governor said. Rescue boats searched the lower town.

Engineers had warned about cracks in the barrier in 2023. The report was never published.
"""


@pytest.mark.parametrize("text, sentences", [
    ("Gov. Ines Calloway spoke first. Dr. Vask followed.", ["Gov. Ines Calloway spoke first.", "Dr. Vask followed."]),
    ("The U.S. Navy and Mr. Vask met at 2 a.m. on Jan. 3 in St. Olav. They left.",
     ["The U.S. Navy and Mr. Vask met at 2 a.m. on Jan. 3 in St. Olav.", "They left."]),
    ("J. R. Orlic signed it. It passed.", ["J. R. Orlic signed it.", "It passed."]),
    ('"The wall is gone." Vask said nothing! Why? Nobody knows.',
     ['"The wall is gone."', "Vask said nothing!", "Why?", "Nobody knows."]),
    ("It rose 3.5 metres, e.g. near the pier. Then it fell.",
     ["It rose 3.5 metres, e.g. near the pier.", "Then it fell."]),
    ("First paragraph\n\nSecond paragraph.", ["First paragraph", "Second paragraph."]),
    ("A line that was hard\nwrapped in the middle. Next.", ["A line that was hard wrapped in the middle.", "Next."]),
])
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_identical_texts_have_no_changes():
    assert diff_sentences(OLD, OLD.replace("\n\n", "\n")) == []


def test_added_paragraph():
    new = OLD + "\nThe army sent 200 soldiers to Marrowick. Schools will stay closed until Monday.\n"
    assert diff_sentences(OLD, new) == [
        SentenceChange("added", None, "The army sent 200 soldiers to Marrowick."),
        SentenceChange("added", None, "Schools will stay closed until Monday."),
    ]


def test_removed_sentence():
    new = OLD.replace(" The report was never published.", "")
    assert diff_sentences(OLD, new) == [SentenceChange("removed", "The report was never published.", None)]


def test_changed_figure_is_paired():
    new = OLD.replace("At least 12 people", "At least 40 people")
    [change] = diff_sentences(OLD, new)
    assert change.kind == "changed"
    assert "12 people" in change.old and "40 people" in change.new


def test_replaced_block_pairs_similar_and_keeps_the_rest_apart():
    old = "The barrier failed. Boats searched the lower town at dawn. Nobody was arrested."
    new = ("The barrier failed. A curfew begins at 9 p.m. tonight. Boats searched the lower and upper town at "
           "dawn. The governor resigned.")
    assert diff_sentences(old, new) == [
        SentenceChange("added", None, "A curfew begins at 9 p.m. tonight."),
        SentenceChange("changed", "Boats searched the lower town at dawn.",
                       "Boats searched the lower and upper town at dawn."),
        SentenceChange("removed", "Nobody was arrested.", None),
        SentenceChange("added", None, "The governor resigned."),
    ]


def test_moved_sentence_is_no_change():
    old = "The barrier failed. Boats searched the town. Nobody was arrested. The mayor spoke."
    new = "Nobody was arrested. The barrier failed. Boats searched the town. The mayor spoke."
    assert diff_sentences(old, new) == []


def test_format_diff():
    changes = [SentenceChange("removed", "Old one.", None), SentenceChange("added", None, "New one."),
               SentenceChange("changed", "12 died.", "40 died.")]
    assert format_diff(changes) == ["- Old one.", "+ New one.", "~ 12 died. → 40 died."]
