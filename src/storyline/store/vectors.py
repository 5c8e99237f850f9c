"""The store's cache of mention sentence vectors: each mention is encoded once, right after its report is
extracted (``adding.extract_report``), and reused by every replay of the ledger; mentions stored without one
(an older store, or no embeddings packages then) are encoded when the ledger is next built. Mixed into
``Store``; every method is one transaction. Re-extraction drops a report's vectors with its other records
(``Store._set_status``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from sqlalchemy import select

from . import schema
from .db import insert_skipping_conflicts

# report ids per query: well under the bound SQLite puts on the number of parameters of one statement
CHUNK = 500


class VectorTables:
    """Methods of ``Store`` over the ``mention_vectors`` table (``_write``/``_read`` are Store's)."""

    def mention_vectors(self, report_ids: Iterable[str], model: str) -> dict[tuple[str, int], np.ndarray]:
        """Stored vectors of the reports' mentions made by ``model``, by (report id, mention index)."""
        ids = list(dict.fromkeys(report_ids))
        v = schema.mention_vectors.c
        found: dict[tuple[str, int], np.ndarray] = {}
        with self._read() as conn:
            for begin in range(0, len(ids), CHUNK):
                query = select(v.report_id, v.idx, v.vector).where(
                    v.report_id.in_(ids[begin:begin + CHUNK]), v.model == model)
                for row in conn.execute(query):
                    found[(row.report_id, row.idx)] = np.frombuffer(row.vector, dtype="<f4")
        return found

    def save_mention_vectors(self, vectors: Mapping[tuple[str, int], np.ndarray], model: str) -> None:
        """Store vectors by (report id, mention index), replacing any stored for the same mentions."""
        if not vectors:
            return
        v = schema.mention_vectors.c
        rows = [{"report_id": report, "idx": idx, "model": model,
                 "vector": np.asarray(vector, dtype="<f4").tobytes()} for (report, idx), vector in vectors.items()]
        by_report: dict[str, list[int]] = {}
        for report, idx in vectors:
            by_report.setdefault(report, []).append(idx)
        with self._write(f"save mention vectors of {len(by_report)} report(s)") as conn:
            for report, indexes in by_report.items():
                conn.execute(schema.mention_vectors.delete().where(v.report_id == report, v.idx.in_(indexes)))
            # another process may have stored the same mentions' vectors meanwhile: theirs stay
            conn.execute(insert_skipping_conflicts(conn, schema.mention_vectors), rows)
