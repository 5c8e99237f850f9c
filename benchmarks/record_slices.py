"""Score every regression slice and write the figures to benchmarks/recorded.json.

Configurations: ``rules`` (models off), ``default`` (the models shipped in the package) and, when
``STORYLINE_TRAINED_MODELS`` names a folder of models trained with ``storyline train``, ``trained``.

    STORYLINE_TRAINED_MODELS=.ci/models python benchmarks/record_slices.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from storyline.eval.slices import SLICES, score_slice
from storyline.learn import models

RECORDED = Path(__file__).with_name("recorded.json")


def configurations() -> dict[str, tuple[bool, str]]:
    """name -> (models on, user models folder)."""
    empty = tempfile.mkdtemp(prefix="storyline-no-models-")
    configs = {"rules": (False, empty), "default": (True, empty)}
    trained = os.environ.get("STORYLINE_TRAINED_MODELS")
    if trained:
        configs["trained"] = (True, trained)
    return configs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("STORYLINE_DATA", "../shared/data")))
    parser.add_argument("--only", help="score only slices whose name starts with this")
    args = parser.parse_args()
    recorded = json.loads(RECORDED.read_text()) if RECORDED.exists() else {}
    for config, (enabled, folder) in configurations().items():
        os.environ["STORYLINE_MODELS"] = folder
        models.use_models(enabled)
        for name in SLICES:
            if args.only and not name.startswith(args.only):
                continue
            figures = score_slice(name, args.data)
            recorded.setdefault(name, {})[config] = figures
            print(name, config, json.dumps(figures), flush=True)
    RECORDED.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
