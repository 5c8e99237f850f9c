"""A story's ledger from the store: the one place the pure ledger meets stored reports.

The ledger is kept in the store (``ledger/kept.py``): reading it brings it up to date with the reports stored
since it was last updated (usually none: ``storyline add`` updates it), then reads the stored items.
"""

from __future__ import annotations

from ..store import Store
from . import kept


def story_ledger(store: Store, story: str, with_text: bool = False, *, parts=kept.PARTS,
                 claims_offset: int = 0, claims_limit: int | None = None, brief_claims: bool = False) -> dict:
    """The ledger of the named story (which must exist), with its editors' verdicts: every part, or only those
    in ``parts`` (the others empty), of the claims the page asked for, and with ``brief_claims`` claims as a
    table shows them (each mention only its source's name)."""
    ledger = kept.read(store, story, with_text=with_text, parts=parts, claims_offset=claims_offset,
                       claims_limit=claims_limit, brief_claims=brief_claims)
    return with_verdicts(ledger, store.verdicts(story))


def with_verdicts(ledger: dict, verdicts: dict) -> dict:
    """A copy of ``ledger`` whose claims carry their editors' verdicts (``verdicts``: claim id → a row with
    ``as_dict``; None where there is none); ``ledger`` is untouched."""
    claims = [{**claim, "verdict": verdicts[claim["id"]].as_dict() if claim["id"] in verdicts else None}
              for claim in ledger["claims"]]
    return {**ledger, "claims": claims}
