"""Where trained models live, and loading them once per process.

A model is one joblib file per task (``factuality.joblib``, ``checkworthiness.joblib``, …). Lookup order:
the user's models directory (``STORYLINE_MODELS``, else ``models/`` in the user data directory, where
``storyline train`` writes), then the models shipped inside the package (trained only on data whose license
allows shipping). With no model for a task, extraction falls back to the rules.

Model files are pickles: load only files you trained yourself or that came with the package.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
from platformdirs import user_data_dir

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "models"
SUFFIX = ".joblib"
_enabled = [os.environ.get("STORYLINE_RULES_ONLY", "") in ("", "0")]


def models_dir() -> Path:
    """The user's models directory (``STORYLINE_MODELS`` or the user data directory's ``models/``)."""
    configured = os.environ.get("STORYLINE_MODELS")
    return Path(configured) if configured else Path(user_data_dir("storyline")) / "models"


def model_path(task: str) -> Path | None:
    """The file extraction would load for ``task``: the user's, else the shipped one, else None."""
    for directory in (models_dir(), SHIPPED):
        path = directory / f"{task}{SUFFIX}"
        if path.is_file():
            return path
    return None


def save_model(task: str, model: Any, path: Path | None = None) -> Path:
    """Write a trained model (to ``path``, default the user's models directory) and forget cached ones."""
    target = path or models_dir() / f"{task}{SUFFIX}"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    joblib.dump(model, partial, compress=3)
    partial.replace(target)  # never leave a half-written model where extraction looks
    _load.cache_clear()
    return target


def load_model(task: str) -> Any | None:
    """The trained model for ``task``, or None (no model, or models switched off)."""
    if not models_enabled():
        return None
    path = model_path(task)
    return _load(path) if path else None


@lru_cache(maxsize=None)
def _load(path: Path) -> Any:
    return joblib.load(path)


def models_enabled() -> bool:
    """Are trained models switched on (``STORYLINE_RULES_ONLY=1`` or ``use_models(False)`` turn them off)?"""
    return _enabled[0]


def use_models(enabled: bool) -> None:
    """Switch trained models on or off for this process (``eval --rules`` scores the rules alone)."""
    _enabled[0] = enabled
