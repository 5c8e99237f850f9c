"""Which values a figure allows, from its range and its qualifier: shared by claim linking (do two mentions'
figures agree?) and the ledger's figure conflicts (do two outlets' counts differ?). No spaCy here: the ledger
reads it when it replays a story."""

from __future__ import annotations

from ..model import Figure

# what a qualifier makes of the values a figure allows
APPROXIMATE = 0.1  # "about 40" spans 36 … 44
APPROXIMATE_QUALIFIERS = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "close to",
                          "an estimated", "estimated")
AT_LEAST = ("at least", "more than", "no fewer than", "upwards of", "just over", "well over", "over")
AT_MOST = ("at most", "less than", "fewer than", "no more than", "as many as", "up to", "just under", "under")


def value_range(figure: Figure) -> tuple[float, float]:
    """The values a figure allows: its range, widened a little (``APPROXIMATE``) both ways when it is
    approximate ("about 40": 36 … 44) and past its number when it is a bound ("more than $915 million" allows
    $916 million, "up to 40" allows 37). A bound is an outlet's count, not an open range: "at least 12 killed"
    and "40 killed" an hour apart are two counts to show side by side."""
    low, high = figure.low, figure.high
    qualifier = (figure.qualifier or "").lower()
    if qualifier.startswith(APPROXIMATE_QUALIFIERS):
        return low * (1 - APPROXIMATE), high * (1 + APPROXIMATE)
    if qualifier.startswith(AT_LEAST):
        return low, high * (1 + APPROXIMATE)
    if qualifier.startswith(AT_MOST):
        return low * (1 - APPROXIMATE), high
    return low, high
