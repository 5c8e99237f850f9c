"""What tells a topic's second event from its first, beside word overlap: a learned adjustment of the join
similarity (issue 16).

A report meeting a story of the same kind of event (a second earthquake, a second rehab check-in) shares its
words; it differs in what its lead says: the year, the people, the places, the figures. For one (report,
story) pair :func:`features` reads

- ``year``: the lead names years, the story names years, none of the report's (``link/joining.py``);
- ``person`` / ``place``: a conflict of names — the lead names people (places) the story's texts never name,
  while the story's leads agree on people (places: named by at least half its reports) the report's text
  never names. Omission is no conflict;
- ``figures_conflict`` / ``figures_shared``: the lead's figures (not years) against those of the story's leads.

The weights are a logistic regression over (report, story) pairs replayed from the ECB+ train topics
(``benchmarks/train_story_join.py``: each report against the gold stories seen before it, label "same
event"; 5-fold cross-validation over topics), with the margin over the join threshold as one more feature.
Its coefficients divided by the margin's are what :func:`adjustment` adds to the similarity: the decision
stays "clear the threshold", on the scale the date-dependent thresholds were fitted on. Names shared (a bonus)
were tried and dropped: every ledger story names the same candidates (train-text stories 0.963 -> 0.548).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .leadfacts import YEARS
from .stories import Report, StoryProfile

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "story_join.json"
PLACE = "GPE"


def lead_years(report: Report) -> frozenset[str]:
    """The year terms (``#2011``) the report's title and first sentences name: when it says it happened."""
    from .stories import lead, terms

    return frozenset(t for t in terms(lead(report.text, report.title)) if t in YEARS)


def year_conflict(years: frozenset[str], profile: StoryProfile) -> bool:
    """The report names years up front, the story names years too, and none of the report's: another event
    of the same kind. Omission is no conflict (a story or a lead naming no year)."""
    if not years or any(year in profile.terms for year in years):
        return False
    return any(year in profile.terms for year in YEARS)


def name_conflict(report: Report, profile: StoryProfile, kind: str) -> bool:
    """The lead names ``kind`` names the story never names, and the story's leads agree on names the report
    never names."""
    mine = report.facts.get(kind, ())
    counts = profile.facts.get(kind)
    if not mine or not counts:
        return False
    theirs = [name for name, count in counts.items() if 2 * count >= profile.reports]
    return (bool(theirs) and not any(name in profile.terms for name in mine)
            and not any(name in report.terms for name in theirs))


def features(report: Report, profile: StoryProfile, years: frozenset[str]) -> dict[str, float]:
    """The pair's features but the margin (see the module docstring); ``years``: :func:`lead_years`."""
    figures = set(report.facts.get("FIGURES", ()))
    theirs = profile.facts.get("FIGURES") or {}
    shared = any(figure in theirs for figure in figures)
    return {
        "year": float(year_conflict(years, profile)),
        "figures_conflict": float(bool(figures) and bool(theirs) and not shared),
        "figures_shared": float(shared),
        "person": float(name_conflict(report, profile, "PERSON")),
        "place": float(name_conflict(report, profile, PLACE)),
    }


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """Feature → similarity added (the regression's coefficient over the margin's)."""
    model = json.loads(WEIGHTS.read_text())
    margin = model["coefficients"]["margin"]
    return {name: value / margin for name, value in model["coefficients"].items() if name != "margin"}


def most_gained() -> float:
    """The largest similarity the features can add: stories further below their threshold need no look."""
    return sum(max(0.0, w) for w in weights().values())


def adjustment(report: Report, profile: StoryProfile, years: frozenset[str]) -> float:
    """What the pair's features add to (mostly: take off) its similarity."""
    w = weights()
    return sum(w[name] * value for name, value in features(report, profile, years).items() if value)
