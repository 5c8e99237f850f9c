"""What the ledger strikes as no claim (``extract/junk.py``)."""

from __future__ import annotations

import pytest

from storyline.extract.junk import says_something


@pytest.mark.parametrize(("content", "something"), [
    ("his rival ''totally scripted and kind of robotic.''", True),  # an archive's straight double quote
    ("Mr. Brel's remarks ''racially toxic,''", True),
    ("the moment “a display of panic”", True),
    ("his rival's record on the harbour", False),  # a topic: nothing to check
    ("the dock workers' union", False),  # an apostrophe is no quotation
])
def test_a_quotation_makes_a_verbless_content_a_claim(nlp, content, something):
    assert says_something(nlp(content)[:]) is something
