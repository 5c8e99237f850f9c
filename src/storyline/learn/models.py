"""Where trained models live, and loading them once per process.

A model is one joblib file per task (``factuality.joblib``, ``checkworthiness.joblib``, …). Lookup order:
the user's models directory (``STORYLINE_MODELS``, else ``models/`` in the user data directory, where
``storyline train`` writes), then the models shipped inside the package (trained only on data whose license
allows shipping). With no model for a task, extraction falls back to the rules.

Each model is stamped with the version of its task's features when it is saved; a model whose stamp is not the
current one (trained by an older storyline whose features differ) is set aside with a warning, and the rules
run until it is retrained. Whoever changes what a task's model reads bumps its number in ``FEATURES``.

Model files are pickles: load only files you trained yourself or that came with the package.
"""

from __future__ import annotations

import logging
import os
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import joblib
from platformdirs import user_data_dir

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "models"
SUFFIX = ".joblib"
# The version of what each task's model reads (1 where the features never changed): a model saved under
# another version does not match the code that would feed it.
FEATURES = {"attribution": 3, "hedging": 2, "factuality": 1, "checkworthiness": 1}
STAMP = "storyline_model"  # the key of the model in a saved file; "task" and "features" stand beside it
log = logging.getLogger(__name__)
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
    joblib.dump({STAMP: model, "task": task, "features": FEATURES.get(task, 1)}, partial, compress=3)
    partial.replace(target)  # never leave a half-written model where extraction looks
    _load.cache_clear()
    return target


def load_model(task: str) -> Any | None:
    """The trained model for ``task``, or None (no model, or models switched off)."""
    if not models_enabled():
        return None
    path = model_path(task)
    if path is None:
        return None
    stored = _load(path)
    # a file saved before models were stamped holds the bare model: features version 1
    model, features = (stored[STAMP], stored["features"]) if isinstance(stored, dict) and STAMP in stored \
        else (stored, 1)
    if features != FEATURES.get(task, 1):
        _stale(task, path)
        return None
    return model


@cache
def _stale(task: str, path: Path) -> None:
    """Say once that a model was trained for other features and is not used."""
    log.warning("%s: trained by an older storyline whose %s features differ; not used (the rules run "
                "instead) until you retrain it: storyline train %s …", path, task, task)


@lru_cache(maxsize=None)
def _load(path: Path) -> Any:
    return joblib.load(path)


def models_enabled() -> bool:
    """Are trained models switched on (``STORYLINE_RULES_ONLY=1`` or ``use_models(False)`` turn them off)?"""
    return _enabled[0]


def use_models(enabled: bool) -> None:
    """Switch trained models on or off for this process (``eval --rules`` scores the rules alone)."""
    _enabled[0] = enabled
