"""One speaker's remark told in the report's words and quoted right after it is one claim.

News reports give a remark twice over: the reporter's paraphrase, then the speaker's words in the next
sentence or paragraph ("Varga said the road would stay shut until the slope was surveyed." / '"Nobody drives
under that hill until we know it will hold," she said.'). Editors count the two as one claim. Their sentence
vectors are far apart (the quote's person, tense and register differ, and it often says more), so the linker's
bars keep them as two claims, and another outlet's report of the remark then joins one of them only.
``beside`` finds, for a direct quote, the indirect report of the same named speaker that it gives the words
of: in the same sentence or the one before (nothing but white space between the two sentences), and MiniLM
cosine at least ``BESIDE``. Only in that order (a paraphrase after a quote is mostly the speaker's next point).

Chosen on the train-text stories of the ledger dev gold, where one speaker's paraphrase and quote lie in
adjacent sentences 92 times: nearness alone is no signal (below cosine 0.45, of the 60 pairs in this order the
editors link 4 and keep 19 apart; the quote goes on to something else). From 0.45 the 11 pairs are the same
remark by reading in 8 (3 of them the editors' pairs, none they keep apart) and part of it in the other 3 (a
quote that goes on to the next point). In the other order (21 pairs) the editors link none: a paraphrase after a
quote mostly moves on ('"The alarms went off every other week," said Brandt. Brandt said he had told a
supervisor.'). At 0.40 one sentence's two remarks of different days joined ("X, who said last week that …,
issued a statement saying '…'").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from ..model import Mention
from .agreement import name_words

BESIDE = 0.45
# Mentions starting this many characters before the quote's sentence are not looked at (the sentence before
# it is shorter): the look-back is bounded whatever the report's length. Mentions come in text order.
REACH = 2000
NAMED = frozenset({"person", "organization"})  # sources whose name says who speaks (linking by speaker)


def speaker_words(mention: Mention) -> frozenset[str]:
    """The words of a mention's named speaker (a person or an organisation), or none."""
    return name_words(mention.source.name) if mention.source.kind in NAMED else frozenset()


def same_speaker(one: frozenset[str], other: frozenset[str]) -> bool:
    """One speaker named twice: one name's words within the other's ("Comey", "James B. Comey"), as claim
    linking compares speakers."""
    return one <= other or other <= one


def adjacent(text: str, first: Mention, second: Mention) -> bool:
    """Do two mentions of one text lie in one sentence or in consecutive ones (nothing but white space between
    the sentences holding them), ``first`` ending before ``second`` starts?"""
    if first.end > second.start:
        return False
    a = first.sentence or (first.start, first.end)
    b = second.sentence or (second.start, second.end)
    return b[0] <= a[1] or not text[a[1]:b[0]].strip()


def beside(text: str, mentions: Sequence[Mention], index: int, vectors: Sequence[np.ndarray | None],
           paired: Collection[int] = ()) -> int | None:
    """The index of the indirect report that direct quote ``index`` gives the words of: an earlier mention of
    the same named speaker in the report's words, in the quote's sentence or the one before it, whose vector's
    cosine with the quote's is at least ``BESIDE`` (the closest when several are). None for a mention that is
    no quote, or when none is. A report in ``paired`` has its quote already: a second quote after it is the
    speaker's next point."""
    mention, vector = mentions[index], vectors[index]
    who = speaker_words(mention)
    if not who or mention.form != "direct" or vector is None:
        return None
    found, best = None, BESIDE
    reach = (mention.sentence or (mention.start, mention.end))[0] - REACH
    for j in range(index - 1, -1, -1):
        other, theirs = mentions[j], vectors[j]
        if other.start < reach:
            break
        if j in paired or other.form != "indirect" or theirs is None:
            continue
        name = speaker_words(other)
        if not name or not same_speaker(name, who) or not adjacent(text, other, mention):
            continue
        cosine = float(vector @ theirs)
        if cosine >= best:
            found, best = j, cosine
    return found
