"""A speaker's remark told in the report's words and quoted in the next sentence is one claim (issue 16); a quote
of something else beside it, or further away, or by someone else, is not."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pytest

from storyline.errors import StorylineError
from storyline.ledger.build import build_ledger
from storyline.link import restatement
from storyline.link.claims import ClaimIndex
from storyline.model import Extraction, Mention, Source

embeddings = pytest.importorskip("storyline.learn.embeddings")
try:
    embeddings.embed(["probe"])
except StorylineError as exc:  # only where the optional packages are truly missing
    pytest.skip(str(exc), allow_module_level=True)
embed = embeddings.embed

REFUND = "she had demanded refunds for travellers whose sailings were cancelled"
REFUND_QUOTE = "\u201cWhoever had a ticket for a boat that stayed in port gets their money back,\u201d"
TIMETABLE_QUOTE = "\u201cThe new timetable starts in June,\u201d"


@dataclass
class FakeReport:
    """A report written as sentences, each (sentence, content or None, speaker, form)."""

    id: str
    outlet: str
    parts: list[tuple[str, str | None, str, str]]
    location: str = ""
    version: int = 1
    previous_id: str | None = None
    published_at: str | None = "2025-06-03T12:00:00+00:00"
    fetched_at: datetime = datetime(2025, 6, 3, tzinfo=UTC)
    url: str | None = None
    title: str | None = None
    sha256: str = "0" * 64
    language: str = "en"
    word_count: int = 10
    extraction_status: str = "ok"
    extraction: Extraction = field(init=False)

    def __post_init__(self):
        self.location = self.location or f"loc-{self.id}"
        self.text, mentions = "", []
        for sentence, content, speaker, form in self.parts:
            at = len(self.text)
            self.text += sentence + "\n\n"
            if content is not None:
                start = at + sentence.index(content)
                mentions.append(Mention(start, start + len(content), content, Source(speaker, "person"), "said",
                                        form, "reported", sentence=(at, at + len(sentence))))
        self.extraction = Extraction(mentions=mentions)


def told(speaker: str = "Ilse Varga") -> tuple[str, str, str, str]:
    return f"{speaker} said {REFUND}.", REFUND, speaker, "indirect"


def quoted(quote: str = REFUND_QUOTE, speaker: str = "Ilse Varga") -> tuple[str, str, str, str]:
    return f"{quote} {speaker.split()[-1]} said.", quote, speaker, "direct"


ASIDE = ("The ferry company runs four boats between the islands.", None, "", "")


def claims_of(*reports) -> list[list[str]]:
    """Each claim's mention texts."""
    ledger = build_ledger({"id": "s", "title": "Test story"}, list(reports), vectors=embed)
    return [[m["text"] for m in claim["mentions"]] for claim in ledger["claims"]]


def test_the_linkers_own_bars_keep_the_pair_apart():
    told_vector, quote_vector, other_vector = embed([REFUND, REFUND_QUOTE, TIMETABLE_QUOTE])
    assert float(told_vector @ quote_vector) >= restatement.BESIDE > float(told_vector @ other_vector)
    index = ClaimIndex()
    one, _ = index.link(REFUND, vector=told_vector, speaker="Ilse Varga", form="indirect")
    two, created = index.link(REFUND_QUOTE, vector=quote_vector, speaker="Ilse Varga", form="direct")
    assert one != two and created  # the speaker's and the restated discounts do not join them
    index = ClaimIndex()
    one, _ = index.link(REFUND, vector=told_vector, speaker="Ilse Varga", form="indirect")
    assert index.link(REFUND_QUOTE, vector=quote_vector, speaker="Ilse Varga", form="direct", beside=one) == (one, False)


def test_a_paraphrase_and_its_quote_in_the_next_sentence_are_one_claim():
    assert [REFUND, REFUND_QUOTE] in claims_of(FakeReport("r1", "Harbour Ledger", [told(), quoted()]))


def test_another_outlets_quote_joins_the_claim_of_both():
    first = FakeReport("r1", "Harbour Ledger", [told(), quoted()])
    second = FakeReport("r2", "Tessel Courier", [quoted()])
    assert [REFUND, REFUND_QUOTE, REFUND_QUOTE] in claims_of(first, second)


@pytest.mark.parametrize("parts, why", [
    ([told(), quoted(TIMETABLE_QUOTE)], "the quote beside it says something else"),
    ([quoted(), told()], "a paraphrase after the quote: mostly the speaker's next point"),
    ([told(), ASIDE, quoted()], "a sentence between them"),
    ([told(), quoted(speaker="Tomas Aldane")], "another speaker's quote"),
    ([told(), (f"Varga said {REFUND_QUOTE[1:-2]}.", REFUND_QUOTE[1:-2], "Ilse Varga", "indirect")],
     "both in the report's words: the linker's own bars decide"),
])
def test_what_is_not_a_restatement_beside_it_stays_apart(parts, why):
    claims = claims_of(FakeReport("r1", "Harbour Ledger", parts))
    assert all(len(texts) == 1 for texts in claims), why


def test_a_second_quote_beside_a_paraphrase_with_its_quote_is_the_next_point():
    # "Ruiz said the quay was unsafe: “The quay is rotten.” “And the fees will rise,” she said."
    sentences = ["Ana Ruiz said the quay was unsafe: \u201cThe quay is rotten.\u201d",
                 "\u201cAnd the harbour fees will rise,\u201d Ruiz said."]
    contents = [("the quay was unsafe", "indirect"), ("\u201cThe quay is rotten.\u201d", "direct"),
                ("\u201cAnd the harbour fees will rise,\u201d", "direct")]
    text = "\n\n".join(sentences)
    mentions = []
    for content, form in contents:
        start = text.index(content)
        sentence = next((text.index(s), text.index(s) + len(s)) for s in sentences if content in s)
        mentions.append(Mention(start, start + len(content), content, Source("Ana Ruiz", "person"), "said", form,
                                "reported", sentence=sentence))
    vectors = [np.array([1.0, 0.0]), np.array([0.8, 0.6]), np.array([0.6, 0.8])]
    assert restatement.beside(text, mentions, 1, vectors) == 0
    assert restatement.beside(text, mentions, 2, vectors) == 0
    assert restatement.beside(text, mentions, 2, vectors, paired={0, 1}) is None
    assert restatement.beside(text, mentions, 0, vectors) is None  # a paraphrase joins nothing by this rule
