"""Whether a content has substance enough to be a claim: a verb, or quoted words (a quoted phrase is
checkable as said). ``junk`` strikes contents without; ``contests`` passes over them when it looks for the
statement a rebuttal answers."""

from __future__ import annotations

import re

from spacy.tokens import Span

# a quotation: a double mark anywhere (two straight single ones included, as some archives print it:
# ''totally scripted''), a single one where it opens a quote (not the apostrophe of "America's" or "voters'")
QUOTATION = re.compile(r"[\"“”«»„]|''|(?:^|(?<=[\s(\[—–-]))['‘’](?=\w)")


def says_something(span: Span) -> bool:
    """Does the content hold a verb, or a quotation?"""
    return any(t.pos_ in ("VERB", "AUX") for t in span) or QUOTATION.search(span.text) is not None
