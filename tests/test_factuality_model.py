"""The factuality regressor: training on a tiny file, saving and loading, and scores that agree with status."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import InputError
from storyline.extract.factuality import BANDS, in_band, score_factuality
from storyline.extract.nlp import parse
from storyline.extract.pipeline import extract_doc
from storyline.learn.factuality import FactualityModel, train
from storyline.learn.models import load_model, save_model, use_models

SENTENCES = [  # (text, [(predicate token index, label)])
    ("The ferry left Lorn Island at dawn .", [(2, 3.0)]),
    ("The ferry did not leave Lorn Island .", [(4, -3.0)]),
    ("The council will close the harbour next week .", [(3, 0.5)]),
    ("Officials plan to reopen the bridge .", [(1, 3.0), (3, 0.0)]),
    ("Volunteers failed to repair the dam .", [(1, 3.0), (3, -2.5)]),
    ("If the storm returns , the port could close .", [(3, 0.0), (8, 0.0)]),
    ("The mayor opened the new pier on Tuesday .", [(2, 3.0)]),
    ("Nobody repaired the lighthouse .", [(1, -2.5)]),
]


def _write(path: Path, copies: int = 6) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [{"text": text, "targets": [{"span1": [i, i + 1], "label": label} for i, label in targets]}
             for text, targets in SENTENCES] * copies
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory, nlp) -> tuple[FactualityModel, dict, Path]:
    path = _write(tmp_path_factory.mktemp("fact") / "TINY" / "train.jsonl")
    model, summary = train([path])
    return model, summary, path


def test_train_summarises_and_learns_negation(trained, nlp):
    model, summary, _ = trained
    assert summary["items"] == 6 * 11 and summary["corpora"] == ["TINY"]
    doc = parse("The barge did not reach Tessary .")
    low, = model.predicates([doc[4]], extract_doc(doc).mentions)
    doc = parse("The barge reached Tessary on Friday .")
    high, = model.predicates([doc[2]], extract_doc(doc).mentions)
    assert -3.0 <= low < high <= 3.0


def test_save_load_round_trip(trained, tmp_path, monkeypatch, nlp):
    model, _, _ = trained
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path / "models"))
    save_model("factuality", model)
    loaded = load_model("factuality")
    doc = parse("The ferry did not leave Lorn Island .")
    mentions = extract_doc(doc).mentions
    assert loaded.predicates([doc[4]], mentions).tolist() == model.predicates([doc[4]], mentions).tolist()


def test_train_rejects_bad_files(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl"):
        train([bad])


def test_bands_keep_status_order():
    for status, (low, high) in BANDS.items():
        assert in_band(-3.0, status) == low and in_band(3.0, status) == high
        assert in_band(-9.0, status) == low and in_band(9.0, status) == high
    assert in_band(0.0, "denied") < in_band(0.0, "disputed") < in_band(0.0, "hypothetical") \
        < in_band(0.0, "unverified") < in_band(0.0, "reported") < in_band(0.0, "asserted")


STORY = ("Harbour master Ilse Varn said the dredger sank near Brell Point on Monday. "
         "The shipping company denied that the dredger sank. "
         "The pier was closed on Tuesday.")


@pytest.mark.parametrize("models", [True, False])
def test_mentions_and_events_agree_with_status(nlp, models):
    use_models(models)
    try:
        doc = parse(STORY)
        extraction = extract_doc(doc, date(2025, 3, 14))
        score_factuality(doc, extraction)
    finally:
        use_models(True)
    by_status = {m.status: m.factuality for m in extraction.mentions}
    assert by_status["denied"] < 0 < by_status["asserted"]
    for record in extraction.mentions + extraction.events:
        low, high = BANDS[record.status]
        assert low <= record.factuality <= high
    assert extraction.events and all(e.factuality is not None for e in extraction.events)


def test_eval_command_with_and_without_model(trained, tmp_path, monkeypatch, nlp):
    model, _, path = trained
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path / "models"))
    runner = CliRunner()
    rules = json.loads(runner.invoke(app, ["eval", "factuality", str(path), "--rules"]).stdout)
    save_model("factuality", model)
    learned = json.loads(runner.invoke(app, ["eval", "factuality", str(path)]).stdout)
    use_models(True)
    assert rules["items"] == learned["items"] == 66
    assert set(learned) == {"task", "items", "pearson", "mae"}
    assert learned["pearson"] > rules["pearson"]  # the model fits the file it was trained on


def test_the_package_ships_a_factuality_model():
    from storyline.learn.models import SHIPPED, model_path

    assert model_path("factuality") == SHIPPED / "factuality.joblib"  # the tests' user models folder is empty
    assert load_model("factuality") is not None


def test_fast_tree_walk_equals_scikit_learns_predict():
    """Expert.predict reads the fitted trees directly; it must agree with the regressor's own predict."""
    import numpy as np

    from storyline.learn.factuality import FEATURES, _table, fit

    rng = np.random.default_rng(0)
    lemmas = ["go", "say", "win", "lose", "stay"]
    rows = [{"lemma": lemmas[i % 5], "neg": str(bool(i % 3 == 0)), "modal": ["", "will", "may"][i % 3],
             "domain": "UW"} for i in range(300)]
    labels = [(-2.5 if row["neg"] == "True" else 2.5) + rng.normal(0, 0.3) for row in rows]
    expert = fit(rows, labels)
    unseen = rows[:20] + [{"lemma": "arrive", "neg": "False", "modal": "might", "domain": "UW"}]
    codes = np.array([[c.get(v, np.nan) for v, c in zip(r, expert.codes)] for r in _table(unseen)], dtype=float)
    assert len(codes[0]) == len(FEATURES)
    expected = np.clip(expert.regressor.predict(codes), -3, 3)
    assert np.allclose(expert.predict(unseen), expected)
