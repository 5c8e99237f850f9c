"""End-to-end adding vs the bare spaCy parse it rests on, over the same texts in the same run.

    python benchmarks/bench_extract.py [--corpus DIR] [--limit N] [--repeat N]

DIR holds .txt files (default: PolNeAR dev texts under $STORYLINE_DATA when present, else the example
story). Each text is added end to end (ingest, store in a fresh SQLite file, extract, save) and, in the same
process, parsed by the bare pipeline. Prints words/s of both and their ratio (goal >= 0.8). Each side runs
--repeat times, alternating (a fresh store for every end-to-end run), and the fastest run of each counts, so
warm-up and a busy moment on a noisy machine do not decide the ratio. Trained models in the models
directory (``STORYLINE_MODELS``) take part; the output names the ones used.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from storyline.adding import add_document
from storyline.extract.nlp import load_nlp
from storyline.extract.pipeline import extract
from storyline.learn.models import model_path, models_enabled
from storyline.ingest import read_source
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def default_corpus() -> Path:
    data = Path(os.environ.get("STORYLINE_DATA", ROOT.parent / "shared" / "data"))
    polnear = data / "attribution" / "polnear" / "dev" / "text"
    return polnear if polnear.is_dir() else ROOT / "examples" / "port-veyra"


def bare_parse(texts: list[str]) -> float:
    nlp = load_nlp()
    start = time.perf_counter()
    for text in texts:
        nlp(text)
    return time.perf_counter() - start


def end_to_end(paths: list[Path]) -> float:
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
        start = time.perf_counter()
        for path in paths:
            add_document(store, "bench", read_source(str(path), outlet="bench", published="2025-03-14"))
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    paths = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")[: args.limit]
    texts = [read_source(str(p)).text for p in paths]
    words = sum(len(t.split()) for t in texts)
    extract(texts[0])  # load and warm the spaCy model and any trained models outside the timings
    tasks = ("attribution", "factuality", "hedging", "checkworthiness")
    bare, e2e = float("inf"), float("inf")
    for _ in range(args.repeat):
        bare = min(bare, bare_parse(texts))
        e2e = min(e2e, end_to_end(paths))
    print(json.dumps({
        "corpus": str(corpus), "documents": len(texts), "words": words, "repeat": args.repeat,
        "bare_parse_words_per_s": round(words / bare), "end_to_end_words_per_s": round(words / e2e),
        "ratio": round(bare / e2e, 3),
        "models": {task: str(model_path(task)) if models_enabled() and model_path(task) else None
                   for task in tasks},
    }))


if __name__ == "__main__":
    main()
