"""Fixed slices of each dev split, scored quickly, for the regression check in CI.

Each slice names an eval, a path under the data root and its options; :func:`score_slice` runs it and keeps
the headline figures as flat ``metric -> value`` pairs. ``benchmarks/record_slices.py`` writes the figures
measured now to ``benchmarks/recorded.json``; ``tests/test_regression.py`` fails when a figure drops more
than ``TOLERANCE`` below the recorded one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TOLERANCE = 0.02


@dataclass(frozen=True)
class Slice:
    task: str
    path: str  # relative to the data root
    options: dict[str, Any] = field(default_factory=dict)
    metrics: tuple[str, ...] = ()  # dotted paths into the eval's JSON


SLICES: dict[str, Slice] = {
    "attribution/polnear-dev-10": Slice(
        "attribution", "attribution/polnear/dev", {"limit": 10},
        ("exact.source.f1", "exact.cue.f1", "exact.content.f1", "overlap.content.f1"),
    ),
    "factuality/uds-ih2-dev-300": Slice("factuality", "factuality/UDS_IH2/dev.jsonl", {"limit": 300}, ("pearson",)),
    "factuality/meantime-dev": Slice("factuality", "factuality/MEANTIME/dev.jsonl", {}, ("pearson",)),
    "factuality/uw-dev-300": Slice("factuality", "factuality/UW/dev.jsonl", {"limit": 300}, ("pearson",)),
    "hedging/wikiweasel-dev-fold": Slice("hedging", "hedging/wikiweasel", {"fold": "dev", "limit": 1000}, ("f1",)),
    "checkworthiness/checkthat-dev-test": Slice(
        "checkworthiness", "checkworthiness/checkthat2024/CT24_checkworthy_english_dev-test.tsv", {}, ("f1",),
    ),
    "stories/ecbplus-dev-topics": Slice("stories", "stories/ecbplus", {"topics": "dev"}, ("bcubed.f1",)),
    "time/tempeval3-60": Slice("time", "time/tempeval3", {"limit": 60}, ("relaxed.f1", "value.f1")),
}


def _evaluator(task: str):
    if task == "attribution":
        from .attribution import evaluate_attribution
        return evaluate_attribution
    if task == "factuality":
        from .factuality import evaluate_factuality
        return evaluate_factuality
    if task == "hedging":
        from .hedging import evaluate_hedging
        return evaluate_hedging
    if task == "checkworthiness":
        from .checkworthiness import evaluate_checkworthiness
        return evaluate_checkworthiness
    if task == "stories":
        from .online import evaluate_stories
        return evaluate_stories
    if task == "time":
        from .time import evaluate_time
        return evaluate_time
    raise ValueError(f"no eval for task {task!r}")


def _lookup(result: dict, dotted: str) -> float:
    value: Any = result
    for key in dotted.split("."):
        value = value[key]
    return float(value)


def score_slice(name: str, data_root: Path) -> dict[str, float]:
    """The slice's headline figures, with whatever models are switched on now."""
    spec = SLICES[name]
    result = _evaluator(spec.task)(data_root / spec.path, **spec.options)
    return {metric: round(_lookup(result, metric), 4) for metric in spec.metrics}
