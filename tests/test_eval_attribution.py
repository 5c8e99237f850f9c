"""The PolNeAR attribution scorer: brat reading, span normalisation, exact and overlap counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.eval.attribution import evaluate_attribution, exact_counts, normalize, overlap_counts
from storyline.eval.polnear import read_gold

TEXT = ('Mara Loy said the bridge was closed.\n\n'
        '"We will reopen soon," said Ivo Tan.\n\n'
        'Residents cheered the decision.\n')


def _t(n: int, label: str, part: str, after: str = "") -> str:
    """A brat T line for the first occurrence of ``part`` after the text ``after``."""
    start = TEXT.index(part, TEXT.index(after) + len(after) if after else 0)
    return f"T{n}\t{label} {start} {start + len(part)}\t{part}"


ANN = "\n".join([
    _t(1, "Source", "Mara Loy"), _t(2, "Cue", "said"), _t(3, "Content", "the bridge was closed"),
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
    _t(4, "Source", "Ivo Tan"), _t(5, "Cue", "said", after="soon,\""), _t(6, "Content", '"We will reopen soon,"'),
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
    _t(7, "Source", "Residents"), _t(8, "Cue", "cheered"), _t(9, "Content", "the decision"),
    "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7",
    "#1\tAnnotatorNotes T9\ta note",
]) + "\n"


@pytest.fixture()
def split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "story_a1.ann").write_text(ANN, encoding="utf-8")
    # a second annotator's file for the same text: ignored, the first in name order counts
    (tmp_path / "attributions" / "story_b2.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_read_gold_joins_roles_and_merges_discontinuous_spans():
    ann = "T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;30 40\tx\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    assert read_gold(ann) == [{"source": (0, 3), "cue": (4, 8), "content": (10, 40)}]


def test_normalize_trims_space_and_edge_punctuation():
    text = ' "We will reopen soon," : x'
    assert text[slice(*normalize(text, (0, 23)))] == "We will reopen soon"
    assert text[slice(*normalize(text, (23, 25)))] == ":"  # punctuation alone stays


def test_exact_counts_match_each_gold_once():
    text = "Ana said it. Ana said it."
    gold = [(0, 3), (13, 16)]
    assert exact_counts(text, [(0, 3), (0, 3), (4, 8)], gold) == (1, 3, 2)
    assert exact_counts(text, [(0, 4)], [(0, 3)]) == (1, 1, 1)  # "Ana " equals "Ana" once trimmed
    assert exact_counts(text, [(0, 2)], [(0, 3)]) == (0, 1, 1)


def test_overlap_counts_are_citron_sums():
    text = "the bridge was closed today"
    # predicted "the bridge was" (3 tokens) vs gold "bridge was closed" (3 tokens): 2 shared
    assert overlap_counts(text, [(0, 14)], [(4, 21)]) == (2, 3, 3)
    assert overlap_counts(text, [], [(4, 21)]) == (0, 0, 3)


def test_evaluate_attribution_on_fixture(split, nlp):
    result = evaluate_attribution(split)
    assert result["task"] == "attribution" and result["documents"] == 1
    # two of the three gold attributions are found exactly; "cheered" is not a cue of ours
    for role in ("source", "cue", "content"):
        assert result["exact"][role] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8}
    assert result["overlap"]["source"] == {"precision": 1.0, "recall": 0.8, "f1": 0.8889}
    assert result["overlap"]["cue"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8}
    # content tokens: 4 + 7 found (quote marks and comma are tokens), 2 missed
    assert result["overlap"]["content"] == {"precision": 1.0, "recall": 0.8462, "f1": 0.9167}
