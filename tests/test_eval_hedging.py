"""The WikiWeasel-layout hedging scorer: reading the folder, the prediction, the uncertain-class scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.eval.hedging import evaluate_hedging, is_uncertain
from storyline.eval.wikiweasel import read_sentences, untokenize

CERTAIN = ["The ferry to Lorn Island left at noon .",
           "Mayor Ilsa Varden opened the new bridge -LRB- the longest in Tessary -RRB- .",
           "Officials in Brell said the pier was safe ."]
UNCERTAIN = ["The ferry was allegedly overloaded .",
             "The harbour could close next week .",
             "Some say the tunnel is haunted ."]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tiny_certain_sentences.txt").write_text("\n".join(CERTAIN) + "\n\n", encoding="utf-8")
    (tmp_path / "tiny_uncertain_sentences.txt").write_text("\n".join(UNCERTAIN) + "\n", encoding="utf-8")
    return tmp_path


def test_untokenize_restores_brackets():
    assert untokenize("a -LRB- b -RRB- c") == "a ( b ) c"


def test_read_sentences_labels_by_file_and_caps_each_class(folder):
    pairs = read_sentences(folder)
    assert [label for _, label in pairs] == [False] * 3 + [True] * 3
    assert "( the longest in Tessary )" in pairs[1][0]
    assert [label for _, label in read_sentences(folder, limit=1)] == [False, True]


def test_prediction_reads_hedges_weasels_and_statuses(nlp):
    assert is_uncertain(nlp("The ferry was allegedly overloaded."))
    assert is_uncertain(nlp("The harbour could close next week."))
    assert is_uncertain(nlp("Some say the tunnel is haunted."))
    assert is_uncertain(nlp("Lorn Island is widely regarded as the prettiest island in Tessary."))
    assert not is_uncertain(nlp("The ferry to Lorn Island left at noon."))


def test_scores_on_tiny_folder(folder, nlp):
    # every uncertain sentence found (a hedge, a modal and the weasel "Some say"), no certain one flagged
    assert evaluate_hedging(folder) == {
        "task": "hedging", "items": 6, "precision": 1.0, "recall": 1.0, "f1": 1.0}
