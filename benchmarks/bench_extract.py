"""End-to-end adding and the first read of the story, against the bare spaCy parse they rest on, over the
same texts in the same run.

    python benchmarks/bench_extract.py [--corpus DIR] [--limit N] [--repeat N]

DIR holds .txt (and .html) reports: by default the PolNeAR dev texts under $STORYLINE_DATA when present, else
the bundled example story. A folder with a ``manifest.json`` (the example story) is read as ``storyline demo``
reads it: the reports of the manifest's own story, each with its outlet and publication time (another story's
entry is left out); the documents counted are the ones found there, never a fixed number.

End to end is everything a user waits for between having the files and seeing the claims: each report read
(ingest, an HTML page's text extracted), stored in a fresh SQLite file, parsed, extracted, its records saved
and its mentions' MiniLM vectors encoded and stored (all in ``add_document``), then the story's ledger built
once (``story_ledger``, what ``storyline claims`` and ``export`` call: the first read). The bare side is only
``en_core_web_sm`` over the same texts. Prints words/s of both and their ratio (bare time / end-to-end time),
with the end-to-end time split into adds and first read, and the ratio of extraction alone (parse and
extract, nothing stored, no vectors). Each side runs --repeat times, alternating (a fresh
store for every end-to-end run), and the fastest run of each counts, so warm-up and a busy moment on a noisy
machine do not decide the ratio. Loading spaCy, the trained models and the MiniLM encoder happens once,
before every timing (a long-running ``watch`` or desk pays it once). Trained models in the models directory
(``STORYLINE_MODELS``) take part; the output names the ones used.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from storyline.adding import add_document
from storyline.demo import STORY_DIR, load_manifest
from storyline.extract.nlp import load_nlp
from storyline.extract.pipeline import extract
from storyline.ingest import read_source
from storyline.learn.embeddings import embed
from storyline.learn.models import model_path, models_enabled
from storyline.ledger.from_store import story_ledger
from storyline.model import Document
from storyline.store import open_store

ROOT = Path(__file__).resolve().parents[1]
STORY = "bench"


@dataclass
class Source:
    """One report to add: its file and what the command line would be told about it."""

    path: Path
    outlet: str = "bench"
    published: str = "2025-03-14"
    location: str | None = None
    title: str | None = None

    def read(self) -> Document:
        doc = read_source(str(self.path), outlet=self.outlet, published=self.published)
        if self.location:
            doc.location = doc.url = self.location
        doc.title = self.title or doc.title
        return doc


def default_corpus() -> Path:
    data = Path(os.environ.get("STORYLINE_DATA", ROOT.parent / "shared" / "data"))
    polnear = data / "attribution" / "polnear" / "dev" / "text"
    return polnear if polnear.is_dir() else STORY_DIR


def corpus_sources(corpus: Path, limit: int) -> tuple[list[Source], str]:
    """The reports of ``corpus`` (at most ``limit``) and a true description of them."""
    if (corpus / "manifest.json").is_file():
        manifest = load_manifest(corpus)
        entries = [e for e in manifest["reports"] if e.get("story", manifest["story"]) == manifest["story"]]
        sources = [Source(corpus / e["file"], e["outlet"], e["published"], e["location"], e.get("title"))
                   for e in entries][:limit]
        others = len(manifest["reports"]) - len(entries)
        kinds = sorted({s.path.suffix for s in sources})
        return sources, (f"story {manifest['story']!r} from {corpus.name}/manifest.json: {len(sources)} reports "
                         f"({'/'.join(kinds)}), {others} entr{'y' if others == 1 else 'ies'} of another story left out")
    paths = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html"))[:limit]
    return [Source(p) for p in paths], f"{len(paths)} files of {corpus}"


def bare_parse(texts: list[str]) -> float:
    nlp = load_nlp()
    start = time.perf_counter()
    for text in texts:
        nlp(text)
    return time.perf_counter() - start


def extraction_only(texts: list[str]) -> float:
    """Seconds to parse and extract every text, without storing anything or encoding vectors: what issue 15's
    floor (extraction at least 0.6 of the bare parse's speed) measures."""
    start = time.perf_counter()
    for text in texts:
        extract(text)
    return time.perf_counter() - start


def end_to_end(sources: list[Source]) -> tuple[float, float]:
    """Seconds to add every report (read, store, extract, vectors) and then to read the story's ledger once."""
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
        start = time.perf_counter()
        for source in sources:
            added = add_document(store, STORY, source.read())
            if added.error:
                raise SystemExit(f"{source.path}: {added.error}")
        added_s = time.perf_counter() - start
        start = time.perf_counter()
        story_ledger(store, STORY)
        return added_s, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    sources, described = corpus_sources(corpus, args.limit)
    texts = [source.read().text for source in sources]
    words = sum(len(t.split()) for t in texts)
    extraction = extract(texts[0])  # load and warm spaCy and any trained models outside the timings
    embed([m.text for m in extraction.mentions] or ["warm up"])  # and the MiniLM encoder
    tasks = ("attribution", "factuality", "hedging", "checkworthiness")
    bare, extracted, best = float("inf"), float("inf"), (float("inf"), 0.0)
    for _ in range(args.repeat):
        bare = min(bare, bare_parse(texts))
        extracted = min(extracted, extraction_only(texts))
        best = min(best, end_to_end(sources), key=sum)
    e2e = sum(best)
    print(json.dumps({
        "corpus": str(corpus), "described": described, "documents": len(texts), "words": words,
        "repeat": args.repeat, "bare_parse_words_per_s": round(words / bare), "end_to_end_words_per_s": round(words / e2e),
        "ratio": round(bare / e2e, 3),
        "end_to_end_s": {"adds": round(best[0], 3), "first_read": round(best[1], 3), "bare_parse": round(bare, 3)},
        "ratio_adds_only": round(bare / best[0], 3),
        "ratio_extraction_only": round(bare / extracted, 3),
        "models": {task: str(model_path(task)) if models_enabled() and model_path(task) else None
                   for task in tasks},
    }))


if __name__ == "__main__":
    main()
