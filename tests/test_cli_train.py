"""`storyline train` end to end through the CLI: a model file written where asked, errors named."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

CERTAIN = [f"The ferry to Lunmoor left pier {n} at {n} o'clock on Tuesday." for n in range(1, 13)]
UNCERTAIN = [f"Some critics say the ferry to Lunmoor may have left pier {n} early, it is widely believed." for n in range(1, 13)]


def test_train_hedging_writes_the_model_and_reports_it(tmp_path, nlp):
    folder = tmp_path / "weasel"
    folder.mkdir()
    (folder / "x_certain_sentences.txt").write_text("\n".join(CERTAIN) + "\n", encoding="utf-8")
    (folder / "x_uncertain_sentences.txt").write_text("\n".join(UNCERTAIN) + "\n", encoding="utf-8")
    target = tmp_path / "models" / "hedging.joblib"
    result = runner.invoke(app, ["train", "hedging", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["task"] == "hedging" and summary["model"] == str(target) and target.is_file()
    assert 0 < summary["items"] < len(CERTAIN) + len(UNCERTAIN)  # the held-out fold stays out


def test_train_names_a_missing_input(tmp_path):
    missing = tmp_path / "nowhere.jsonl"
    result = runner.invoke(app, ["train", "factuality", str(missing)])
    assert result.exit_code == 1
    assert "nowhere.jsonl: no such file or folder" in result.stderr
    assert not (tmp_path / "factuality.joblib").exists()


def test_train_rejects_a_folder_of_the_wrong_layout(tmp_path):
    result = runner.invoke(app, ["train", "hedging", str(tmp_path), "-o", str(tmp_path / "m.joblib")])
    assert result.exit_code == 1
    assert str(tmp_path) in result.stderr and not (tmp_path / "m.joblib").exists()
