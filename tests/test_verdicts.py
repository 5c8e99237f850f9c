"""Verdicts on a claim (extract/verdicts.py): a fact-check or a finding in the same report decides the rated
statement's status; a verdict against it contests it. All names, places and events are fictional."""

from __future__ import annotations

import pytest

from storyline.extract.pipeline import extract

pytestmark = pytest.mark.slow

FEES = "Mayor Ada Brill said the port had doubled its fees. "


def _fees(text: str):
    mentions = extract(text).mentions
    return mentions, next(m for m in mentions if "doubled its fees" in m.text and m.form != "outlet")


@pytest.mark.parametrize("verdict", [
    "The Ledger's fact-checkers rated that claim false.",
    "PolitiFact rated the claim Pants on Fire.",
    "The Ledger Fact Checker gave Brill four Pinocchios for the claim.",
    "The Ledger Fact Checker gave Brill three Pinocchios, out of a possible four.",
])
def test_a_verdict_against_a_claim_disputes_it(nlp, verdict):
    mentions, fees = _fees(FEES + verdict)
    assert fees.status == "disputed"
    assert any(m.relation == "disputes" and mentions[m.contests] is fees for m in mentions)


@pytest.mark.parametrize("verdict", [
    "Fact-checkers found it accurate.",
    "The Ledger's fact-checkers rated that claim true.",
    "In fact, the statement about the port was real: it was in the harbour board's own fee table.",
])
def test_a_verdict_for_a_claim_confirms_it(nlp, verdict):
    assert _fees(FEES + verdict)[1].status == "confirmed"


def test_a_rulers_row_confirms_the_statement_it_names():
    text = ('Governor Ivo Tan claimed there were "hundreds of fires" at the docks. The Harbor Ledger fact-check '
            'team checked the records and ruled that Tan\'s statement was "true."')
    fires = next(m for m in extract(text).mentions if "hundreds of fires" in m.text)
    assert fires.status == "confirmed"


@pytest.mark.parametrize("verdict", [
    "The Ledger's fact-checkers rated that claim half true.",
    "Fact-checkers said that if the claim is true, the port broke its charter.",
    "The port's own figures might be true.",
])
def test_a_mixed_or_supposed_verdict_decides_nothing(nlp, verdict):
    assert _fees(FEES + verdict)[1].status == "reported"


def test_those_statements_reach_back_over_the_speakers_run():
    text = ('Mayor Ada Brill claimed that the port had doubled its fees. "The harbour board hides its books. '
            'They are raising every levy in Lunne," Brill said at the rally.\n\n'
            'The Ledger\'s fact-checkers deemed those statements false because no levy has changed.')
    mentions = extract(text).mentions
    fees = next(m for m in mentions if "doubled its fees" in m.text)
    assert fees.status == "disputed"
    # issue 16: the verdict's row records every statement of the run, so the ledger names the fact-checkers on each
    verdict = next(m for m in mentions if m.relation is not None)
    answered = [mentions[j] for j in [verdict.contests, *verdict.also_contests]]
    assert fees in answered and all(m.status == "disputed" for m in answered)


def test_judging_an_act_right_is_no_verdict(nlp):
    assert _fees(FEES + "The harbour board deemed it right to raise the fees.")[1].status == "reported"


def test_the_outlets_verdict_must_name_the_statement(nlp):
    """"The statement is accurate" in the outlet's voice (a fact-check quoted without marks, often) says which
    statement no more than "it" would; "the statement about the port" or "Brill's claim" does."""
    assert _fees(FEES + "The statement is accurate.")[1].status == "reported"
    assert _fees(FEES + "Brill's claim was false.")[1].status == "disputed"


def test_the_verdicts_row_is_not_told_again_in_the_outlets_voice(nlp):
    """The fact-checkers' row holds the verdict; the outlet's own row must not repeat it (it did when the
    verdict's row was taken for a topic and its words left to the outlet, then kept as the contest it is)."""
    verdict = "The Ledger's fact-checkers deemed those statements false because no levy has changed, only some dues."
    mentions = extract(FEES + verdict).mentions
    assert any(m.form != "outlet" and "fact-checkers" in m.source.name for m in mentions)
    assert not [m for m in mentions if m.form == "outlet" and "fact-checkers" in m.text]
