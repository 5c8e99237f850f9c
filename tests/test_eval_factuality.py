"""The factuality scorer: rule categories, span scores and Pearson/MAE over a jiant-layout JSONL file."""

from __future__ import annotations

import json

import numpy as np
import pytest

from storyline.eval.factuality import evaluate_factuality, pearson, span_factuality
from storyline.eval.jiant import rebuild
from storyline.extract.factuality import RULE_SCORES, rule_category
from storyline.learn.models import use_models
from storyline.extract.nlp import parse
from storyline.extract.pipeline import extract_doc

CASES = [  # sentence, predicate, expected rule category (None: the mention status decides)
    ("The ferry did not leave Lorn Island .", "leave", "negated"),
    ("The mayor could not attend the launch .", "attend", "negated_modal"),
    ("The council will close the harbour .", "close", "future"),
    ("Officials plan to reopen the bridge .", "reopen", "intended"),
    ("Officials plan to reopen the bridge .", "plan", None),
    ("Volunteers failed to repair the dam .", "repair", "negated_head"),
    ("If the storm returns , the port could close .", "returns", "conditional"),
    ("If the storm returns , the port could close .", "close", "possible"),
    ("Varden believes that the tunnel collapsed .", "collapsed", "believed"),
    ("Did the pier collapse ?", "collapse", "question"),
    ("Call the harbour office on Monday .", "Call", "imperative"),
]


def _score(sentence: str, word: str) -> tuple[str | None, float]:
    doc = parse(sentence)
    index = [t.text for t in doc].index(word)
    return rule_category(doc, doc[index]), span_factuality(doc, index, index + 1, extract_doc(doc).mentions)


@pytest.mark.parametrize(("sentence", "word", "category"), CASES)
def test_rule_categories(nlp, sentence, word, category):
    found, score = _score(sentence, word)
    assert found == category
    if category is not None:
        assert score == RULE_SCORES[category]


def test_unruled_spans_take_the_mention_status(nlp):
    assert _score("Officials plan to reopen the bridge .", "plan")[1] == 3.0  # asserted
    assert _score("Tessary police said the driver fled .", "fled")[1] == 2.0  # reported


def test_rebuild_maps_tokens_to_offsets():
    assert rebuild(["Brell", "'s", "pier", "."]) == ("Brell 's pier .", [0, 6, 9, 14])


def test_pearson_of_constant_is_zero():
    assert pearson([1.0, 1.0, 1.0], [0.0, 1.0, 2.0]) == 0.0
    assert pearson([0.0, 1.0, 2.0], [0.0, 2.0, 4.0]) == pytest.approx(1.0)


@pytest.fixture
def rules_only():
    """Score with the rules alone, whatever model is installed."""
    use_models(False)
    yield
    use_models(True)


def test_scores_on_tiny_file(tmp_path, nlp, rules_only):
    lines = [
        {"text": "The ferry did not leave Lorn Island .", "targets": [{"span1": [4, 5], "label": -3.0}]},
        {"text": "The council will close the harbour .", "targets": [{"span1": [3, 4], "label": 0.0}]},
        {"text": "Officials plan to reopen the bridge .",
         "targets": [{"span1": [1, 2], "label": 3.0}, {"span1": [3, 4], "label": 1.0}]},
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    predicted, gold = [-1.5, 1.0, 3.0, 1.0], [-3.0, 0.0, 3.0, 1.0]
    result = evaluate_factuality(path)
    assert result == {"task": "factuality", "items": 4,
                      "pearson": round(float(np.corrcoef(predicted, gold)[0, 1]), 4), "mae": 0.625}
    assert evaluate_factuality(path, limit=1)["items"] == 1
