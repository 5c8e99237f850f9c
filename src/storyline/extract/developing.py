"""Does a report flag itself as a breaking or developing story?"""

from __future__ import annotations

import re

DEVELOPING_PHRASES: tuple[str, ...] = (
    r"breaking (?:news|story)",
    r"(?:this is a )?developing (?:news )?(?:story|situation)",
    r"this (?:story|article|report|page) (?:will|may) be updated",
    r"this (?:story|situation) is (?:still )?developing",
    r"check back (?:later )?for (?:more )?updates",
    r"(?:more|further) details to follow",
    r"(?:the )?story is still unfolding",
)

_DEVELOPING = re.compile(r"\b(?:" + "|".join(DEVELOPING_PHRASES) + r")\b", re.IGNORECASE)


def is_developing(text: str) -> bool:
    """True when the text carries a 'breaking/developing story' or 'check back for updates' line."""
    return _DEVELOPING.search(text) is not None
