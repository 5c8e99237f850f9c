"""Documents to their issuers: who speaks through a statement, a story, a study or a poll.

A statement or document speaks for its issuer or author, as the phrase says ("Ana Ruiz's statement", "a
letter from the port board", "a Harbour Post story", "researchers at the Veyra Institute") or as the verb
that issued it does ("Ana Ruiz issued a statement saying …"); "the statement" with none of its own is the
last such document's, and an unnamed "a new study" in a lead the one the next sentences name. A poll speaks
itself, by its name ("a new poll from X" → "X poll"; an unnamed "a new poll" by the one named next), and a
share of those polled ("Seventy-two percent") through the last poll named. Plain functions over the
resolver's record (``source_state``).
"""

from __future__ import annotations

from functools import partial

from spacy.tokens import Token

from ..model import Source
from .pronoun_antecedents import nearest_antecedent, person_antecedent
from .source_phrases import strip_name
from .source_state import SourceState, earlier_kin
from .source_words import (
    AUTHORS, DOCUMENT_KIN, GENDERS, ISSUING, PERSON_PRONOUNS, POLLS, RUNS_POLLS, STATEMENT_NOUNS, STUDIES,
)

AUTHORING = {"write", "send", "sign", "pen", "author", "draft"}  # whoever did these to a document wrote it


def document_source(st: SourceState, head: Token) -> Source | None:
    """Who speaks through a statement or a document: its issuer or author, as the phrase says ("Ana
    Ruiz's statement", "a letter from the port board", "a statement issued by the campaign", "a Harbour
    Post story"), or the one who issued, released or wrote it ("Ana Ruiz issued a statement saying …");
    "the statement" with none of its own is the last such document's. A poll or survey speaks itself, by
    the names it is given ("a new poll from X" and "the latest X opinion poll" are "X poll")."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma not in STATEMENT_NOUNS:
        return None
    if lemma in POLLS:
        name = poll_name(st, head)
        if name is None and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children) and not any(
                t.ent_type_ == "DATE" for t in head.lefts):  # "a June poll" is not the one named next
            name = poll_named_next(st, head)  # "A new poll shows … The latest X poll, taken …"
        if name is None and any(c.dep_ == "det" for c in head.children):
            name = next((n for t in earlier_kin(st, head, POLLS)
                         if (n := poll_name(st, t) or poll_named_next(st, t, head))), None)
        return Source(name, "organization", None, lemma) if name else None
    issuer = issuer_of(st, head)
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)
    if issuer is None and lemma in STUDIES and indefinite:
        issuer = named_next(st, head, STUDIES, partial(issuer_of, st))  # "A new study shows … The study, by X, …"
    if issuer is None and any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in head.children):
        kin = next((DOCUMENT_KIN[k] for k in DOCUMENT_KIN if lemma in DOCUMENT_KIN[k]), {lemma})
        issuer = next((found for t in earlier_kin(st, head, kin) if (found := issuer_of(st, t))), None)
    if issuer is None:
        return None
    return Source(issuer.name, issuer.kind, None, strip_name(st.doc[head.left_edge.i:head.i + 1].text), issuer.entity)


def issuer_of(st: SourceState, doc_head: Token) -> Source | None:
    """The issuer or author a document phrase names ("a letter from X", "the memo, which was sent by X,", "the
    report, written by researchers at X,": X), or the subject of the verb that issued it; first the
    one a passive says wrote, sent or signed it ("The email, released by the Port Watch, was sent by Ana
    Ruiz": hers, not the Port Watch's)."""
    verb = doc_head.head
    if doc_head.dep_ == "nsubjpass" and verb.lemma_.lower() in AUTHORING:
        author = next((who(st, g) for c in verb.children if c.dep_ == "agent" for g in c.children
                       if g.dep_ == "pobj"), None)
        if author is not None:
            return author
    for c in doc_head.children:
        found = None
        if c.dep_ == "poss":
            found = who(st, c)
        elif c.dep_ == "prep" and c.lower_ in {"from", "by"}:
            by = next((g for g in c.children if g.dep_ == "pobj"), None)
            found = None if by is None else who(st, by) or authors_at(st, by)
        elif c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in ISSUING:  # "issued by", "which was sent by"
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            found = next((who(st, g) or authors_at(st, g) for g in (agent.children if agent else ())
                          if g.dep_ == "pobj"), None)  # "written by economists at the Veyra Institute"
        elif (c.dep_ in {"compound", "nmod"} and c.i < doc_head.i and c.ent_type_ in {"ORG", "PERSON"}
              and not any(t.text in {"(", ")"} for t in st.doc[c.left_edge.i:doc_head.i])):
            found = who(st, c)  # "a Harbour Post story", not "the Vox Populi (Voice of the People) column"
        if found is not None:
            return found
    verb = doc_head.head
    if doc_head.dep_ in {"dobj", "obj"} and verb.lemma_.lower() in ISSUING:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return who(st, subject)
    return None


def authors_at(st: SourceState, tok: Token) -> Source | None:
    """"researchers at the Veyra Institute", "economists from Lenport University": the body they work at
    speaks for the document they wrote; None for any other phrase."""
    if tok.lemma_.lower() not in AUTHORS | {"scientist", "economist", "academic", "scholar"}:
        return None
    return next((who(st, g) for c in tok.children if c.dep_ == "prep" and c.lower_ in {"at", "from", "of"}
                 for g in c.children if g.dep_ == "pobj"), None)


def who(st: SourceState, tok: Token) -> Source | None:
    """A named person or organisation a word stands for, or None (a date is no one: "Thursday's memo")."""
    if tok.ent_type_ in {"DATE", "TIME"}:
        return None
    lower = tok.lower_
    if tok.pos_ == "PRON":
        found = (person_antecedent(st, tok.idx, tok, GENDERS.get(lower)) if lower in PERSON_PRONOUNS
                 else nearest_antecedent(st, lower, tok.idx))
    else:
        found = st.noun_phrase(tok)
    named_in = any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
                   for t in st.doc[tok.left_edge.i:tok.i + 1])  # "the Ruiz campaign"
    if found is None or not (found.kind in {"person", "organization"} and (
            found.entity or "'s " in found.name or " and " in found.name or named_in)
            or found.kind == "unnamed" and named_in):  # "Ruiz supporters"
        return None
    return found


def poll_named_next(st: SourceState, head: Token, before: Token | None = None) -> str | None:
    """A poll a lead brings in unnamed ("A new poll shows Ana Ruiz ahead") is the one the report names
    when it next speaks of a poll, in the three sentences after ("The latest Harbour Post poll was taken
    …"), unless that one is marked as another ("an earlier poll", "another survey"); None when none of
    those sentences names one. ``before``: look no further than that word (a later "the poll")."""
    return named_next(st, head, POLLS, partial(poll_name, st), before)


def named_next(st: SourceState, head: Token, kin: set[str], namer, before: Token | None = None):
    """What ``namer`` gives for the next word of ``kin`` in the three sentences after ``head`` that it
    names, unless one marked as another comes first (``poll_named_next``)."""
    sent = head.sent
    end = sent.end
    for _ in range(3):
        if end >= len(st.doc):
            break
        end = st.doc[end].sent.end
    if before is not None:
        end = min(end, before.i)
    for t in st.doc[head.i + 1:end]:
        if t.pos_ not in {"NOUN", "PROPN"} or t.lemma_.lower() not in kin or st.quotes.at(t.idx) is not None:
            continue
        if any(m.lower_ in {"another", "earlier", "previous", "other", "last", "prior"} for m in t.lefts):
            return None
        name = namer(t)
        if name is not None:
            return name
    return None


def pollster_of(head: Token) -> Token | None:
    """Who ran a poll, where a verb says so: "the survey, conducted by the Veyra Institute", "the Harbour
    Post conducted a poll"; None otherwise."""
    for c in head.children:
        if c.dep_ == "acl" and c.lemma_.lower() in RUNS_POLLS:
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            found = next((g for g in (agent.children if agent else ()) if g.dep_ == "pobj" and g.pos_ == "PROPN"),
                         None)
            if found is not None:
                return found
    if head.dep_ in {"dobj", "obj"} and head.head.lemma_.lower() in RUNS_POLLS:
        return next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    return None


def share_polled(st: SourceState, head: Token) -> Source | None:
    """A share of those polled ("Seventy-two percent", "Another 19 percent of voters", "about two-thirds")
    speaks through the poll that asked them: the last poll or survey the report names, in this paragraph
    or the three before; None where there is none."""
    share = head.ent_type_ in {"PERCENT", "CARDINAL"} or head.lemma_.lower() in {"percent", "%", "third",
                                                                                 "two-thirds", "half", "quarter"}
    if not share or head.pos_ not in {"NOUN", "NUM", "PROPN", "SYM"}:
        return None
    name = next((n for t in earlier_kin(st, head, POLLS) if (n := poll_name(st, t))), None)
    if name is None:
        return None
    return Source(name, "organization", None, strip_name(st.doc[head.left_edge.i:head.i + 1].text))


def poll_name(st: SourceState, head: Token) -> str | None:
    """'X poll' for "a poll from X", "the latest X opinion poll", "an X poll"; None for "a new poll"."""
    proper = [t for t in st.doc[head.left_edge.i:head.i] if (t.pos_ == "PROPN" or t.ent_type_ == "ORG")
              and t.dep_ not in {"det", "poss"} and t.ent_type_ not in {"DATE", "TIME"}]  # not "Monday's"
    if proper:
        words = st.doc[proper[0].i:proper[-1].i + 1].text
    else:
        source = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}
                       for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if source is not None:
            first = source.left_edge.i + (source.doc[source.left_edge.i].dep_ == "det")  # "from the Harbour Post"
            words = strip_name(st.doc[first:source.right_edge.i + 1].text)
        else:
            pollster = pollster_of(head)
            if pollster is None:
                return None
            words = " and ".join(proper_run(st, t) for t in (pollster, *(
                c for c in pollster.children if c.dep_ == "conj" and c.pos_ == "PROPN")))
    return f"{words.strip()} {head.lemma_.lower()}"  # (a no-break space the stripping above leaves)


def proper_run(st: SourceState, tok: Token) -> str:
    """The proper nouns ending at ``tok``: "Edison Research" of "Edison Research for the networks",
    "Elena Sadovskaya" of "independent analyst Elena Sadovskaya"; the whole entity that holds it ("the
    Veyra Institute of Policy")."""
    ent = next((e for e in st.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return strip_name(ent[ent[0].lower_ == "the":].text)
    first = tok.i
    while first > 0 and st.doc[first - 1].pos_ == "PROPN":
        first -= 1
    return st.doc[first:tok.i + 1].text.strip()
