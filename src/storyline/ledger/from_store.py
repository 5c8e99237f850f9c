"""A story's ledger from the store: the one place the pure ledger meets stored reports."""

from __future__ import annotations

from ..link.claims import cached_vectors
from ..store import Store
from .build import build_ledger


def story_ledger(store: Store, story: str, with_text: bool = False) -> dict:
    """The ledger of the named story (which must exist), with its editors' verdicts; claims link by meaning
    with the mention vectors stored for it, encoding (and storing) only those not stored yet."""
    row = store.story(story)
    reports = store.reports(story)
    ledger = build_ledger({"id": row.id, "title": row.title}, reports, with_text=with_text,
                          vectors=cached_vectors(store, reports))
    return with_verdicts(ledger, store.verdicts(story))


def with_verdicts(ledger: dict, verdicts: dict) -> dict:
    """A copy of ``ledger`` whose claims carry their editors' verdicts (``verdicts``: claim id → a row with
    ``as_dict``; None where there is none); ``ledger`` is untouched."""
    claims = [{**claim, "verdict": verdicts[claim["id"]].as_dict() if claim["id"] in verdicts else None}
              for claim in ledger["claims"]]
    return {**ledger, "claims": claims}
