"""What a verb of perceiving perceived, in a participle (``extract/perceiving.py``; fictional sentences)."""

from __future__ import annotations

import pytest

from storyline.extract.perceiving import perceived_participles


def _verb(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "verb", "participles"), [
    ("Two dockers could be heard grumbling that the cranes were slow.", "heard", ["grumbling"]),
    ("Harbour master Ilse Varga was caught on camera saying that the pier was unsafe.", "caught", ["saying"]),
    ("The dockers heard the ferry horn at noon.", "heard", []),
    ("Two dockers were found sleeping on the quay.", "found", []),  # no verb of perceiving
])
def test_the_participle_a_verb_of_perceiving_takes(nlp, text, verb, participles):
    doc = nlp(text)
    assert [t.text for t in perceived_participles(_verb(doc, verb))] == participles
