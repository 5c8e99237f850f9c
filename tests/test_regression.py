"""No silent regressions: each dev-split slice scores within TOLERANCE of the figure recorded in the repo.

The figures come from ``benchmarks/record_slices.py``; configurations: ``rules`` (models off), ``default``
(shipped models) and ``trained`` (models ``.ci/run`` trains, via ``STORYLINE_TRAINED_MODELS``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.eval.slices import SLICES, TOLERANCE, score_slice
from storyline.learn import models

ROOT = Path(__file__).resolve().parents[1]
RECORDED = json.loads((ROOT / "benchmarks" / "recorded.json").read_text())
DATA = Path(os.environ.get("STORYLINE_DATA", ROOT.parent / "shared" / "data"))

CASES = [(name, config) for name in SLICES for config in RECORDED.get(name, {})]


@pytest.mark.parametrize(("name", "config"), CASES, ids=[f"{n}[{c}]" for n, c in CASES])
def test_slice_holds_its_recorded_figures(name, config, request):
    if not (DATA / SLICES[name].path).exists():
        pytest.skip(f"{DATA / SLICES[name].path} not found (set STORYLINE_DATA)")
    if config == "trained":
        request.getfixturevalue("trained_models")
    models.use_models(config != "rules")
    try:
        measured = score_slice(name, DATA)
    finally:
        models.use_models(True)
    for metric, figure in RECORDED[name][config].items():
        assert measured[metric] >= figure - TOLERANCE, f"{name} [{config}] {metric}: {measured[metric]} < {figure}"
