"""A story's ledger from the store: the one place the pure ledger meets stored reports."""

from __future__ import annotations

from ..store import Store
from .build import build_ledger


def story_ledger(store: Store, story: str, with_text: bool = False) -> dict:
    """The ledger of the named story (which must exist)."""
    row = store.story(story)
    return build_ledger({"id": row.id, "title": row.title}, store.reports(story), with_text=with_text)
