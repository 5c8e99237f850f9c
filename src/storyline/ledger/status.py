"""Claim status across a story: which statuses the current evidence supports, and which ranks first."""

from __future__ import annotations

from collections.abc import Iterable

# The order a verification desk reads a claim in: a party saying it is false comes first, then a party
# contesting it, then verification, then independent carriage, then caution, then plain carriage.
RANK: tuple[str, ...] = (
    "denied", "disputed", "confirmed", "corroborated", "unverified", "hypothetical", "asserted", "reported",
)
# Mention statuses that carry a claim as fact, for corroboration.
AS_FACT = frozenset({"asserted", "confirmed"})


def claim_flags(
    mention_statuses: Iterable[tuple[str, str]], contest_relations: Iterable[str] = ()
) -> list[str]:
    """Every status the evidence supports, in rank order.

    ``mention_statuses`` holds (independent outlet, mention status) for every current mention of the claim,
    where a syndicated or wire copy names the outlet it copies, so that copies of one story count once;
    ``contest_relations`` the relations ("disputes"/"denies") of current statements contesting it.
    """
    flags = set()
    outlets_as_fact = set()
    for outlet, status in mention_statuses:
        flags.add(status)
        if status in AS_FACT:
            outlets_as_fact.add(outlet)
    for relation in contest_relations:
        flags.add("denied" if relation == "denies" else "disputed")
    if len(outlets_as_fact) >= 2:
        flags.add("corroborated")
    return [status for status in RANK if status in flags]


def claim_status(flags: list[str]) -> str | None:
    """The status that ranks first, or None when nothing current supports the claim."""
    return flags[0] if flags else None
