"""The attribution cue lexicon (``data/cues.json``): which words signal that a claim is someone's.

Cues are grouped by class; the class gives a mention its initial status. Single words are keyed by
lemma ("says" → "say"), multiword cues by their space-separated lemmas ("called for" → "call for",
"is said to" → "be say to").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

STATUS_BY_CLASS: dict[str, str] = {
    "say": "reported",
    "claim": "reported",
    "report": "reported",
    "urge": "reported",
    "believe": "reported",
    "dispute": "disputed",
    "deny": "denied",
    "confirm": "confirmed",
    "hedge_source": "unverified",
}


@dataclass(frozen=True)
class Cues:
    words: dict[str, str]  # lemma → class
    phrases: dict[str, str]  # "call for" → class (lemmas joined by spaces)
    quote_only: frozenset[str]  # manner verbs that cue only a direct quote ("she laughed")
    recipient: frozenset[str]  # verbs whose object is the addressee ("told reporters")
    channels: frozenset[str]  # "said in a statement"
    clause_only: frozenset[str]  # cues only before a clause ("declared that …", not "declared a holiday")
    as_only: frozenset[str]  # belief cues only as "X as Y" ("sees the truce as a trap", not "saw smoke")
    reason_only: frozenset[str]  # attack verbs only with a reason ("attacked X for Y", not "attacked the town")
    light: frozenset[str]  # verbs taking a nominal cue as object ("made the case that …")
    nominal: dict[str, str]  # noun lemma → class, a cue before a clause ("Koval's claim that …")

    def cue_class(self, lemma: str) -> str | None:
        """The class of a one-word or multiword cue given as lemmas, or None."""
        lemma = lemma.lower()
        return self.words.get(lemma) or self.phrases.get(lemma)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read the lexicon once per process."""
    data = json.loads(files("storyline").joinpath("data/cues.json").read_text(encoding="utf-8"))
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for cls, entries in data["classes"].items():
        for entry in entries:
            (phrases if " " in entry else words)[entry] = cls
    for entry in data["quote_only"]:
        (phrases if " " in entry else words).setdefault(entry, "say")
    for entry in data["as_only"]:
        words.setdefault(entry, "believe")
    for entry in data["reason_only"]:
        words.setdefault(entry, "say")
    return Cues(
        words=words,
        phrases=phrases,
        quote_only=frozenset(data["quote_only"]),
        recipient=frozenset(data["recipient"]),
        channels=frozenset(data["channels"]),
        clause_only=frozenset(data["clause_only"]),
        as_only=frozenset(data["as_only"]),
        reason_only=frozenset(data["reason_only"]),
        light=frozenset(data["light"]),
        nominal=dict(data["nominal"]),
    )
