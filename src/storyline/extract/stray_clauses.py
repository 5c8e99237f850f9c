"""A that-clause the parser hung on the wrong word: "claiming without any evidence that …" (made a clause of
"evidence"), "her assertion during the debate that …" (of "debate"), "made clear that …" (a subject of
"clear"), "warning followers on the radio and in interviews that …" (of "interviews"). What a cue says is the
first that-clause after it when only a short phrase (an object, prepositional phrases joined by "and", a day)
stands between them and no verb does; a "that" right after "and"/"but" opens a second clause joined to some
other, not this cue's. A "that" the parser read as a relative pronoun counts when the clause it opens already
has the role it was given ("telling the host that she had seen support").
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
    if i >= len(doc) or doc[i].lower_ != "that" or doc[i].dep_ != "mark" and not _complementizer_read_as_relative(
            doc[i]) or doc[i - 1].pos_ == "CCONJ":
        return None  # "… doubted her in Nevada but that …": a clause joined to another, not this cue's
    clause = doc[i].head
    if clause.pos_ not in {"VERB", "AUX"} or clause.left_edge.i != i or clause.i < i:
        return None
    return clause


def _complementizer_read_as_relative(that: Token) -> bool:
    """A "that" the parser made the relative pronoun of a clause that already has the role it gave it ("telling
    the host that she had seen support": "that" and "support" both objects of "seen"): a full clause, so the
    "that" opens what is said, not a relative clause."""
    clause = that.head
    return (that.dep_ in {"dobj", "nsubj"} and clause.dep_ == "relcl" and clause.left_edge.i == that.i
            and any(c.dep_ == that.dep_ and c.i != that.i for c in clause.children))

