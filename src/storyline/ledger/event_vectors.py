"""Sentence vectors of a report's event descriptions, for the timeline's merge by meaning
(``timeline.TimelineIndex._by_meaning``): two outlets tell one fire as "fire" and "blaze", which shared words
cannot join.

Why a vector of the description and not of the claim the event sits in: a claim's text is the whole reported
clause, about twice as long as the description and often about something else besides (ECB+ train, sets
reading: merged-pair precision 0.885 -> 0.731 with the claims' vectors, -> 0.911 with the descriptions').
An event whose description is one of its report's mention texts reuses that mention's vector; the rest are
encoded in one batch per report. The store keeps them beside the mention vectors (``store/vectors.py``)
under their own model name, at negative indexes (event n at -1 - n), so a replay of the ledger encodes
nothing twice and a re-extraction drops them with the report's other vectors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from ..errors import StorylineError
from ..learn.embeddings import embed
from ..link.claims import VECTOR_MODEL, VectorStore, vector_text, warn_lexical
from ..model import Extraction

EVENT_MODEL = VECTOR_MODEL + "/event"  # vectors of event descriptions: never taken for a mention's, nor back


def stored_index(event: int) -> int:
    """Where event ``event`` of a report is stored among the report's vectors (mentions hold 0, 1, ...)."""
    return -1 - event


def event_vectors(extraction: Extraction, mentions: Sequence[np.ndarray | None],
                  encode: Callable[[list[str]], np.ndarray]) -> list[np.ndarray]:
    """One vector per event of ``extraction``: a mention's vector (``mentions``, by mention index) where the
    description is that mention's text, the others encoded in one call."""
    known = {vector_text(m.text): v for m, v in zip(extraction.mentions, mentions) if v is not None}
    texts = [vector_text(e.description) for e in extraction.events]
    missing = sorted({t for t in texts if t not in known})
    if missing:
        known.update(zip(missing, encode(missing)))
    return [known[t] for t in texts]


def cached_event_vectors(store: VectorStore, reports: list, mentions: Mapping[tuple[str, int], np.ndarray],
                         encode: Callable[[list[str]], np.ndarray] = embed) -> dict[tuple[str, int], np.ndarray] | None:
    """Every event vector of ``reports`` by (report id, event index): stored ones reused, the others made
    (``event_vectors``) and stored. None without the embeddings packages: the timeline merges on words then."""
    ids = [r.id for r in reports if r.extraction and r.extraction.events]
    stored = store.mention_vectors(ids, EVENT_MODEL)
    found: dict[tuple[str, int], np.ndarray] = {}
    new: dict[tuple[str, int], np.ndarray] = {}
    for report in reports:
        extraction = report.extraction
        if not extraction or not extraction.events:
            continue
        keys = [(report.id, stored_index(n)) for n in range(len(extraction.events))]
        if all(k in stored for k in keys):
            vectors = [stored[k] for k in keys]
        else:
            own = [mentions.get((report.id, i)) for i in range(len(extraction.mentions))]
            try:
                vectors = event_vectors(extraction, own, encode)
            except StorylineError as exc:
                warn_lexical(str(exc))
                return None
            new.update(zip(keys, vectors))
        found.update(((report.id, n), v) for n, v in enumerate(vectors))
    store.save_mention_vectors(new, EVENT_MODEL)
    return found
