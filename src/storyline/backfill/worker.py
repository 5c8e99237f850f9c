"""The work a backfill sends out: one report's text in, its extraction and mention vectors out, as plain
records that cross process and machine boundaries (Ray ships them through its object store).

``Extractor`` is the callable class Ray Data runs in each worker actor: it loads spaCy, the extractors'
models and the sentence encoder once, in its constructor, then extracts batch after batch. The same class runs
in-process for ``--no-ray``. A record is ``{"key", "extraction", "vectors", "error"}``: the extraction as the
JSON of the store's own rows (``store.records.extraction_rows``), the vectors as float32 bytes, one row of
``DIMENSIONS`` per mention in the order the ledger numbers them, the error empty when there is none (a column holds
one type: Ray Data would turn a None into NaN); so the driver writes exactly what
``storyline add`` writes, without loading any model itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import StorylineError
from ..model import Extraction
from ..store.records import extraction_from_rows, extraction_rows

WARM_UP = "Officials said on Monday that the bridge would reopen."  # loads every model before the first batch


def extraction_json(extraction: Extraction) -> str:
    """The extraction as JSON: its rows for each record table (without report id and index: a list's
    order is its index) and its flags."""
    rows = {table: [{k: v for k, v in row.items() if k not in ("report_id", "idx")} for row in table_rows]
            for table, table_rows in extraction_rows("", extraction).items()}
    return json.dumps({"rows": rows, "developing": extraction.developing, "language": extraction.language})


def extraction_of(encoded: str) -> Extraction:
    """The ``Extraction`` that ``extraction_json`` wrote, as the store will read it back."""
    data = json.loads(encoded)
    return extraction_from_rows(data["rows"], developing=data["developing"], language=data["language"])


def vectors_of(encoded: bytes, count: int) -> np.ndarray | None:
    """The mention vectors a record carries (``count`` rows), or None when it carries none."""
    if not encoded:
        return None
    vectors = np.frombuffer(encoded, dtype="<f4")
    return vectors.reshape(count, -1) if count else vectors.reshape(0, 0)


def extract_one(text: str, published: str | None, outlet: str) -> dict[str, Any]:
    """Extract one report and encode its mentions; the error (its type and message) instead when the
    extractor fails, as ``adding.extract_report`` records it. Vectors are left out (empty) when the
    embeddings packages are missing: the ledger links by words then, or encodes them when it is next built."""
    from ..adding import report_date
    from ..extract.pipeline import extract

    try:
        encoded = extraction_json(extract(text, report_date(published), outlet))
    except Exception as exc:  # an extractor's failure is recorded with the stored report, as in `add`
        return {"extraction": "", "vectors": b"", "error": f"{type(exc).__name__}: {exc}" or "failed"}
    return {"extraction": encoded, "vectors": encode_mentions(extraction_of(encoded)), "error": ""}


def encode_mentions(extraction: Extraction) -> bytes:
    """The mentions' sentence vectors as float32 bytes (``link.claims.vector_text`` of each mention, as
    ``cached_vectors`` encodes them), or empty bytes without the embeddings packages."""
    from ..learn.embeddings import embed
    from ..link.claims import vector_text

    if not extraction.mentions:
        return b""
    try:
        vectors = embed([vector_text(m.text) for m in extraction.mentions])
    except StorylineError:  # no embeddings packages: the ledger says so once, when it is built
        return b""
    return np.asarray(vectors, dtype="<f4").tobytes()


class Extractor:
    """Ray Data's callable class: models loaded once per worker, then ``batch`` (columns ``key``, ``text``,
    ``published``, ``outlet``) → records (columns ``key``, ``extraction``, ``vectors``, ``error``)."""

    def __init__(self) -> None:
        extract_one(WARM_UP, None, "warm-up")

    def __call__(self, batch: Mapping[str, Sequence]) -> dict[str, np.ndarray]:
        records = [{"key": int(key), **extract_one(str(text), published or None, str(outlet))}
                   for key, text, published, outlet in zip(batch["key"], batch["text"], batch["published"],
                                                           batch["outlet"])]
        return {column: np.array([r[column] for r in records], dtype=object if column != "key" else np.int64)
                for column in ("key", "extraction", "vectors", "error")}
