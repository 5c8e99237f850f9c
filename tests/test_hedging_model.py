"""Weasel phrases, the hedging sentence classifier (training, round trip, scoring) and vague-sentence tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.eval.hedging import evaluate_hedging
from storyline.eval.wikiweasel import fold_of
from storyline.extract.attribution import find_attributions
from storyline.extract.entities import find_entities
from storyline.extract.hedges import find_weasels
from storyline.extract.nlp import parse
from storyline.extract.outlet_claims import find_outlet_claims
from storyline.extract.pipeline import extract
from storyline.extract.status import assign_status
from storyline.extract.uncertainty import mark_vague, sentence_features, sentence_uncertainty
from storyline.learn import hedging, models

CERTAIN = [
    "The ferry to Lorn Island left at noon .",
    "Mayor Ilsa Varden opened the new bridge in March .",
    "The council of Brell voted to repair the pier .",
    "A storm closed the harbour road for two days .",
    "The Tessary museum holds three old maps of the coast .",
    "Engineers replaced the lock gates at Kelm in 1994 .",
    "The tram line runs from the station to the market .",
    "Dorran Voss was elected harbour master last year .",
]
UNCERTAIN = [
    "Critics say the new bridge is too narrow .",
    "It is widely believed that the lighthouse is haunted .",
    "The Kelm lock is widely regarded as one of the finest in Tessary .",
    "Some historians argue that the pier is older than the town .",
    "Many residents feel that the tram line is too slow .",
    "The storm probably damaged the harbour road .",
    "It is said that Dorran Voss never learned to swim .",
    "Observers claim that the museum maps are forgeries .",
]


def _write(folder: Path, certain: list[str], uncertain: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tiny_certain_sentences.txt").write_text("\n".join(certain) + "\n", encoding="utf-8")
    (folder / "tiny_uncertain_sentences.txt").write_text("\n".join(uncertain) + "\n", encoding="utf-8")
    return folder


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return _write(tmp_path / "weasel", CERTAIN, UNCERTAIN)


@pytest.fixture()
def trained(folder, tmp_path, monkeypatch):
    """A model trained on the tiny folder, saved where load_model finds it."""
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path / "models"))
    model, summary = hedging.train([folder])
    models.save_model("hedging", model)
    yield model, summary
    models._load.cache_clear()


def test_weasel_kinds():
    kinds = {w.text: w.kind for w in find_weasels(
        "Critics say the pier, widely regarded as one of the finest in Tessary, is unsafe, and many agree.")}
    assert kinds == {"Critics": "weasel", "widely regarded": "weasel", "one of the finest": "peacock",
                     "many": "vague"}
    assert find_weasels("Some 300 people crossed the bridge on its first day.") == []


def test_a_weasel_tags_but_never_changes_a_status(nlp):
    text = "Critics say the new bridge in Brell is unsafe. The bridge opened on Monday."
    doc = parse(text)
    entities = find_entities(doc)
    attributed = find_attributions(doc, entities)
    mentions = attributed + find_outlet_claims(doc, attributed, "the outlet")
    assign_status(doc, mentions)
    before = [(m.text, m.status) for m in mentions]
    mark_vague(doc, mentions)
    assert [(m.text, m.status) for m in mentions] == before
    assert [m.hedges for m in mentions if "unsafe" in m.text] == [["vague"]]
    assert all("vague" not in m.hedges for m in mentions if "opened" in m.text)
    # extraction runs the same step: the statement is tagged and stays reported
    assert [(m.status, m.hedges) for m in extract(text).mentions if "unsafe" in m.text] == [("reported", ["vague"])]


def test_sentence_uncertainty_without_a_model_reads_the_rules(nlp):
    doc = parse("The ferry left at noon. It is believed that the captain was late.")
    found = sentence_uncertainty(doc)
    assert [(doc.text[s.start:s.end], s.probability) for s in found] == [
        ("It is believed that the captain was late.", 1.0)]


def test_training_keeps_to_the_train_fold_and_round_trips(trained, folder, nlp):
    model, summary = trained
    in_train = sum(fold_of(s) == "train" for s in CERTAIN + UNCERTAIN)
    assert summary["items"] == in_train < len(CERTAIN + UNCERTAIN)
    assert 0.2 <= summary["threshold"] <= 0.8
    loaded = models.load_model("hedging")
    assert loaded is not model and loaded.threshold == model.threshold
    doc = parse("Critics say the ferry is unsafe. The ferry left at noon.")
    assert [s.start for s in sentence_uncertainty(doc, loaded)] == [
        s.start for s in sentence_uncertainty(doc, model)]


def test_eval_uses_the_model_when_there_is_one(trained, folder, nlp):
    with_model = evaluate_hedging(folder)
    assert with_model["items"] == 16 and with_model["f1"] >= 0.7
    models.use_models(False)
    try:
        rules = evaluate_hedging(folder)
    finally:
        models.use_models(True)
    assert rules == {"task": "hedging", "items": 16, "precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_training_rejects_a_folder_without_sentences(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        hedging.train([tmp_path])
    with pytest.raises(InputError, match="both certain and uncertain"):
        hedging.train([_write(tmp_path / "one-class", CERTAIN, [])])


def test_sentence_features_read_the_parse_once(nlp):
    doc = parse("Some critics say the Kelm lock is widely regarded as unsafe. It opened in May.")
    first, second = sentence_features(doc, list(doc.sents))
    assert first.text.startswith("Some critics") and second.text == "It opened in May."
    assert {"SUBJMOD:some", "SUBJ:critic", "PASS:regard", "D:advmod:widely"} <= set(first.syntax)
    assert first.lemmas.split()[:3] == ["some", "critic", "say"]
    assert "weasel:weasel" in first.found and not any(k.startswith("weasel") for k in second.found)
