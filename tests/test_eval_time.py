"""`evaluate_time`: TempEval-3 style scores of the time tagger on TimeML and CAT XML files."""

import os
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.eval.time import evaluate_time, match, read_cat, read_timeml, scores

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "timeml_mini"


def test_timeml_reader_keeps_text_offsets_and_leaves_out_the_creation_time():
    doc = read_timeml(MINI / "wire" / "harbor.tml")
    assert str(doc.dct) == "2025-03-12"
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.timexes] == [
        ("Monday", "DATE", "2025-03-10"), ("three days", "DURATION", "P3D"), ("now", "DATE", "PRESENT_REF"),
        ("every Friday", "SET", "XXXX-WXX-5"), ("last month", "DATE", "2025-02")]
    assert "<" not in doc.text


def test_cat_reader_takes_its_creation_time_markable_as_the_anchor():
    doc = read_cat(FIXTURES / "cat_mini.xml")
    assert str(doc.dct) == "2025-03-12"
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.timexes] == [
        ("yesterday", "DATE", "2025-03-11"), ("two days", "DURATION", "P2D")]
    assert doc.skip == [(0, len("March 12 , 2025"))]


def test_scores_follow_the_tempeval3_definitions():
    doc = read_timeml(MINI / "wire" / "harbor.tml")
    gold = doc.timexes
    monday, days = (gold[0].start, gold[0].end), (gold[1].start, gold[1].end)
    predicted = [
        (*monday, "DATE", "2025-03-10"),  # strict, value right
        (days[0] + 6, days[1], "DURATION", "P2D"),  # "days" only: relaxed, value wrong
        (0, 3, "DATE", "2025-03-12"),  # nothing there
    ]
    counts = match(gold, predicted)
    assert counts == {"predicted": 3, "gold": 5, "strict": 1, "relaxed": 2, "value": 1, "type": 2}
    result = scores(counts)
    assert result["strict"] == {"precision": round(1 / 3, 4), "recall": 0.2, "f1": 0.25}
    assert result["relaxed"]["precision"] == round(2 / 3, 4) and result["relaxed"]["recall"] == 0.4
    assert result["value"]["precision"] == round(1 / 3, 4) and result["value"]["recall"] == 0.2
    assert result["type_accuracy"] == 1.0


def test_evaluate_time_on_the_mini_corpus():
    result = evaluate_time(MINI)
    assert result["task"] == "time" and result["documents"] == 2
    assert result["gold"] == 8  # the two creation times are not scored
    assert set(result["by_corpus"]) == {"radio", "wire"}
    assert result["relaxed"]["f1"] >= 0.9
    assert result["value"]["f1"] >= 0.85
    assert evaluate_time(MINI, limit=1)["documents"] == 1


def test_evaluate_time_on_cat_xml():
    result = evaluate_time(FIXTURES / "cat_mini.xml")
    assert result["documents"] == 1 and result["gold"] == 2
    assert result["value"]["f1"] == 1.0  # the dateline date is the anchor, not a prediction


def test_bad_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        evaluate_time(tmp_path / "missing")
    with pytest.raises(InputError):
        evaluate_time(tmp_path)
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(InputError):
        evaluate_time(tmp_path)


def test_tempeval3_floor():
    data = Path(os.environ.get("STORYLINE_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    corpus = data / "time" / "tempeval3" / "AQUAINT"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (set STORYLINE_DATA)")
    result = evaluate_time(corpus, limit=12)
    assert result["relaxed"]["f1"] >= 0.85
    assert result["value"]["f1"] >= 0.7
