"""confirmations.py: which confirm-class cues vouch for their statement (fictional sentences)."""

from __future__ import annotations

import pytest

from test_status import analyse, one, said

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, content, status", [
    # an announcement of a future act is reported; the same sentence of a past act stays confirmed
    ("Mayor Lena Osk confirmed on Tuesday that she would run for a third term.",
     "that she would run for a third term", "reported"),
    ("Mayor Lena Osk confirmed on Tuesday that she had run for a third term.",
     "that she had run for a third term", "confirmed"),
    ("Mayor Lena Osk confirmed that the council will close the Varn pier.",
     "that the council will close the Varn pier", "reported"),
    ("Mayor Lena Osk confirmed that the council closed the Varn pier.",
     "that the council closed the Varn pier", "confirmed"),
])
def test_a_confirmed_future_act_is_an_announcement(nlp, text, content, status):
    ms = analyse(nlp, text, said("Lena Osk", "confirmed", content, status="confirmed"))
    assert one(ms, content).status == status


@pytest.mark.parametrize("text, source, status", [
    ("The surge in donations confirms that the donors still back Osk.", "The surge", "reported"),
    ("The treasurer confirms that the donors still back Osk.", "The treasurer", "confirmed"),
    ("An autopsy confirms that the donors still back Osk.", "An autopsy", "confirmed"),
])
def test_a_thing_that_speaks_for_no_one_confirms_nothing(nlp, text, source, status):
    content = "that the donors still back Osk"
    ms = analyse(nlp, text, said(source, "confirms", content, status="confirmed", kind="unnamed"))
    assert one(ms, content).status == status


@pytest.mark.parametrize("text, status", [
    ("Judge Ana Faro was confirmed 61 to 30 on Monday.", "asserted"),
    ("He was confirmed by the Senate of Varn in May.", "asserted"),
    ("Two climbers were confirmed dead on Sunday.", "confirmed"),
    ("Tomas Reel was confirmed as one of the passengers by the airline.", "confirmed"),
    ("Her death was confirmed by the Varn hospital.", "confirmed"),
])
def test_a_vote_on_a_person_is_no_confirmation(nlp, text, status):
    assert one(analyse(nlp, text), text[:12]).status == status
