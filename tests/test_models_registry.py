"""Where trained models live: the user's folder before the package's, switched off by --rules."""

from __future__ import annotations

from storyline.learn import models


def test_user_model_wins_over_shipped_and_rules_switch_turns_all_off(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path))
    shipped = models.model_path("factuality")
    assert shipped == models.SHIPPED / "factuality.joblib"
    assert models.model_path("hedging") is None and models.load_model("hedging") is None

    saved = models.save_model("factuality", {"kind": "mine"})
    assert saved == tmp_path / "factuality.joblib"
    assert not list(tmp_path.glob("*.partial"))  # written aside, then moved into place
    assert models.model_path("factuality") == saved
    assert models.load_model("factuality") == {"kind": "mine"}

    models.use_models(False)
    try:
        assert models.load_model("factuality") is None
    finally:
        models.use_models(True)


def test_saving_again_replaces_the_cached_model(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path))
    models.save_model("hedging", [1])
    assert models.load_model("hedging") == [1]
    models.save_model("hedging", [2])
    assert models.load_model("hedging") == [2]


def test_explicit_output_path(tmp_path):
    target = tmp_path / "deep" / "cw.joblib"
    assert models.save_model("checkworthiness", "x", target) == target and target.is_file()


def test_a_model_trained_for_other_features_is_set_aside_with_a_warning(tmp_path, monkeypatch, caplog):
    import joblib

    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path))
    joblib.dump({"kind": "from an older storyline"}, tmp_path / "attribution.joblib")  # unstamped: version 1
    models._load.cache_clear()
    with caplog.at_level("WARNING"):
        assert models.load_model("attribution") is None
    assert "storyline train attribution" in caplog.text
    models.save_model("attribution", {"kind": "retrained"})
    assert models.load_model("attribution") == {"kind": "retrained"}
    # the shipped factuality model predates the stamp, and its features have not changed since
    monkeypatch.setenv("STORYLINE_MODELS", str(tmp_path / "none"))
    assert models.load_model("factuality") is not None
