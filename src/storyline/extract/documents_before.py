"""What "it" stands for when no organisation came before it: the document the report was just talking about.

"The lawsuit contends … It goes on to fault …", "The police also released a video … It directly contradicted
…", "the congressional report said … It accused …": "it" as a speaker takes up a document, an advert or a
recording the sentences before made a subject ("The report said") or something issued ("launched an ad",
"released a video"), and speaks as that document does (its issuer where the report names one). A document
merely mentioned ("asked the publisher to reprint the book") is no antecedent, and neither is an object in the
pronoun's own sentence (there "it" is usually something else: "… reprint the book, it declined").

A document named after the organisation an "it" would otherwise take up is nearer, and speaks through the
issuer the report names for it: "Documents from the Port Board began circulating after it announced …",
"The email, released by the Port Watch, was sent by Ana Ruiz. … it reads" (hers; ``document_nearer``; the
resolver switches only where the document names its issuer: "the campaign put out a statement. … it said"
stays the campaign's).
"""

from __future__ import annotations

from spacy.tokens import Token

from .spans import OBJECT_DEPS, SUBJECT_DEPS

# documents, recordings and filings that a report quotes as speaking
DOCUMENTS = {"statement", "report", "story", "article", "letter", "memo", "release", "transcript", "video", "ad",
             "advertisement", "spot", "clip", "email", "study", "analysis", "document", "editorial", "column",
             "petition", "announcement", "note", "lawsuit", "suit", "complaint", "affidavit", "filing", "ruling",
             "order", "guidance", "bill", "resolution", "recording", "commercial", "mailer", "survey", "poll"}
SENTENCES_BACK = 2


def document_before(pronoun: Token, issuing: set[str]) -> Token | None:
    """The nearest document noun in the ``SENTENCES_BACK`` sentences before the pronoun's that was a subject
    there or the object of a verb of issuing (``issuing``: "released", "launched"), or None."""
    doc = pronoun.doc
    sent = pronoun.sent
    for _ in range(SENTENCES_BACK):
        before = sent.start - 1
        while before > 0 and doc[before].is_space:
            before -= 1
        if before < 0:
            return None
        sent = doc[before].sent
        for tok in reversed(sent):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DOCUMENTS:
                continue
            if tok.dep_ in SUBJECT_DEPS or tok.dep_ in OBJECT_DEPS and tok.head.lemma_.lower() in issuing:
                return tok
    return None


def document_nearer(pronoun: Token, issuing: set[str], after: int) -> Token | None:
    """A document noun named after character ``after`` that a speaking "it" takes up before whatever was
    named there: a subject earlier in the pronoun's own sentence, else what ``document_before`` finds."""
    own = next((tok for tok in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]) if tok.pos_ == "NOUN"
                and tok.lemma_.lower() in DOCUMENTS and tok.dep_ in SUBJECT_DEPS), None)
    found = own if own is not None else document_before(pronoun, issuing)
    return found if found is not None and found.idx > after else None
