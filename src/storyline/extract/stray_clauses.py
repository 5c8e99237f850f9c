"""A that-clause the parser hung on the wrong word: "claiming without any evidence that …" (made a clause of
"evidence"), "her assertion during the debate that …" (of "debate"), "made clear that …" (a subject of
"clear"), "warning followers on the radio and in interviews that …" (of "interviews"). What a cue says is the
first that-clause after it when only a short phrase (an object, prepositional phrases joined by "and", a day)
stands between them and no verb does; a "that" right after "and"/"but" opens a second clause joined to some
other, not this cue's.
"""

from __future__ import annotations

from spacy.tokens import Token

PHRASE_POS = {"ADP", "DET", "PROPN", "NOUN", "NUM", "ADJ", "PRON", "ADV", "PART", "CCONJ"}  # words of a short phrase
MAX_PHRASE = 8  # words between the cue and its "that"


def that_clause_after(word: Token) -> Token | None:
    """The head of the clause opened by the first "that" after ``word``, with at most a short phrase without
    a verb or a comma between them; None when there is none or the "that" opens a relative clause."""
    doc = word.doc
    i = word.i + 1
    while i < len(doc) and i - word.i <= MAX_PHRASE and doc[i].pos_ in PHRASE_POS and doc[i].lower_ != "that":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "that" or doc[i].dep_ != "mark" or doc[i - 1].pos_ == "CCONJ":
        return None  # "… doubted her in Nevada but that …": a clause joined to another, not this cue's
    clause = doc[i].head
    if clause.pos_ not in {"VERB", "AUX"} or clause.left_edge.i != i or clause.i < i:
        return None
    return clause
