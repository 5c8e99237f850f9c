"""Who a person is, as the report tells: their roles, their gender and their full name.

Each person's roles are read from the titles before the name and the appositions beside it ("Republican
presidential candidate Ana Ruiz", "Ana Ruiz, a retired surgeon,"); a gender from a title, a gendered role,
a common given name (``given_names``) or the pronoun the person takes up ("Ana Ruiz said she …"). A one-word
name is the one full name the report gives that ends with it ("Ruiz" → "Ana Ruiz"), and a given name the
report joins to a relative's family name ("Clinton's husband, Bill,") is both ("Bill Clinton"). Plain
functions over the resolver's record (``source_state``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Source
from .given_names import FEMALE, MALE
from .nlp import doc_text
from .source_phrases import PersonRoles, role_word, role_words, title_tokens
from .source_state import SourceState, people_at, token_at
from .source_words import FAMILY, GENDERED, GENDERS, PARTIES


def with_family_name(st: SourceState, source: Source) -> Source:
    """A person the report names by a given name and a relative's family name ("Clinton's husband,
    Bill,") by both ("Bill Clinton") wherever the given name stands alone. The report's entity is the
    given name alone, so the source leaves it (the ledger names a source by its entity)."""
    if source.kind != "person" or source.entity is None or " " in source.name:
        return source
    full = family_name(st, source)
    if full != source.name:
        source.name, source.entity = full, None
    return source


def family_name(st: SourceState, source: Source) -> str:
    if source.entity is None:
        return source.name
    if st.families is None:
        st.families = {}
        for ent in st.entities:
            if ent.type != "PERSON" or " " in ent.name:
                continue
            for s, e in ent.spans:
                span = st.doc.char_span(s, e, alignment_mode="expand")
                relative = span.root.head if span is not None and span.root.dep_ == "appos" else None
                if relative is not None and relative.lemma_.lower() in FAMILY and relative.pos_ == "NOUN" and any(
                        c.dep_ == "poss" and c.pos_ == "PROPN" for c in relative.children):  # "Clinton's husband"
                    named = st.named(relative)
                    if named.name.startswith(f"{ent.name} "):
                        st.families[ent.key] = named.name
                        break
    return st.families.get(source.entity, source.name)


def fullest(st: SourceState, name: str, key: str | None = None) -> str:
    """A one-word name as the report gives it in full elsewhere ("Clinton" -> "Hillary Clinton"), when
    just one person's full name ends with it, or just one of the gender the report gives the one-word
    name ("Mrs. Clinton" is not Bill Clinton)."""
    if " " in name:
        return name
    full = {e.key: e.name for e in st.entities if e.type == "PERSON" and e.name.endswith(f" {name}")}
    gender = gender_of(st, key) if key and st.ready else None
    if len(full) > 1 and gender:
        full = {k: n for k, n in full.items() if gender_of(st, k) in {None, gender}}
    return next(iter(full.values())) if len(set(full.values())) == 1 else name


def person_roles(st: SourceState) -> dict[str, PersonRoles]:
    """Each person's roles as the report gives them: the titles before the name ("Republican presidential
    candidate Ana Ruiz", "Sen. Ruiz") and appositions ("Ana Ruiz, a retired surgeon," / "the port director,
    Ana Ruiz,"), as role nouns and all their words; and where the report names them (outside quotes)."""
    if st.roles is not None:
        return st.roles
    doc, roles = st.doc, {}
    for ent in st.entities:
        if ent.type != "PERSON":
            continue
        found = PersonRoles(ent)
        for s, e in ent.spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if st.quotes.at(s) is not None or span is None:
                continue
            found.starts.append(s)
            root = span.root
            title = title_tokens(span)
            found.add([t for t in title if t.pos_ == "NOUN" or t.i == span.start - 1], title)
            found.parties |= role_words(title) & PARTIES
            for c in root.children:
                if c.dep_ == "poss" and c.ent_type_ in {"ORG", "GPE"}:  # "The Harbour Post's Ana Ruiz"
                    found.add([], doc[c.left_edge.i:c.i + 1])
                    found.places |= role_words(doc[c.left_edge.i:c.i + 1])
            if any(c.dep_ == "conj" for c in root.children):
                continue  # "Ruiz, Tan and Bo, the port's owner": whose apposition is that?
            for c in root.children:
                if c.dep_ == "appos" and c.i >= span.end and (
                        c.pos_ in {"NOUN", "ADJ"} or c.pos_ == "PROPN" and role_word(c) in PARTIES):
                    found.add([c, *(g for g in c.children if g.dep_ == "conj" and g.pos_ == "NOUN")],
                              doc[c.left_edge.i:c.right_edge.i + 1])
                    found.parties |= role_words([*c.lefts, c]) & PARTIES  # "Ana Ruiz, the Veyra Republican,"
                elif c.dep_ == "prep" and c.i >= span.end and c.lower_ in {"of", "from"}:
                    found.add([], doc[c.i:c.right_edge.i + 1])  # "Sen. Ana Ruiz of Veyra"
            if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN":
                found.add([root.head], doc[root.head.left_edge.i:root.head.i + 1])
        roles[ent.key] = found
    st.roles = roles
    return roles


def gender_of(st: SourceState, key: str) -> str | None:
    """'m' or 'f' where the report says so: a title (Mr., Mrs., Ms.), a gendered role (spokeswoman, wife),
    a given name nearly always a woman's or a man's (``given_names``), or the pronoun it takes up as
    subject in a clause the person is the subject of ("Ana Ruiz said she …"); else None."""
    if st.genders is None:
        st.genders = read_genders(st)
    return st.genders.get(key)


def read_genders(st: SourceState) -> dict[str, str]:
    votes: dict[str, list[int]] = {}
    for key, roles in person_roles(st).items():
        for word in roles.raw | {r.lower().rstrip(".") for r in roles.entity.roles if " " not in r}:
            if word in GENDERED:
                votes.setdefault(key, [0, 0])[GENDERED[word] == "f"] += 3
        given = roles.entity.name.split()[0].lower() if " " in roles.entity.name else ""
        if given in FEMALE or given in MALE:
            votes.setdefault(key, [0, 0])[given in FEMALE] += 2
    for ent, at in people_at(st, 0, len(doc_text(st.doc))):  # "Ana Ruiz said she …", "… defended himself"
        tok = token_at(st, at)
        while tok.dep_ == "appos" and tok.head != tok and tok.head.pos_ == "NOUN":
            tok = tok.head
        if tok.dep_ not in {"nsubj", "nsubjpass"} or st.quotes.at(at) is not None:
            continue
        verb = tok.head
        for other in verb.subtree:
            lower = other.lower_
            if other.i > tok.i and lower in GENDERS and st.quotes.at(other.idx) is None and (
                    other.dep_ in {"nsubj", "nsubjpass"} and other.head.head == verb
                    and other.head.dep_ in {"ccomp", "conj", "advcl"}
                    or lower.endswith("self") and other.head == verb
                    or own_possessive(tok, verb, other)):
                if all(e.key == ent.key for e, _ in people_at(st, at, other.idx)):  # no one else between
                    votes.setdefault(ent.key, [0, 0])[GENDERS[lower] == "f"] += 1
                break
    return {key: "m" if m > f else "f" for key, (m, f) in votes.items() if m != f}


def own_possessive(subject: Token, verb: Token, word: Token) -> bool:
    """Whether ``word`` is a "his" or "her" of what a main clause's subject does to or about its own ("Ana
    Ruiz defended her record", "Ivo Tan spoke about his plan"): evidence of the subject's gender. Not one
    inside the subject's phrase ("Ivo Tan, her rival, …"), nor after a subject that belongs to someone ("Her
    aide, Ivo Tan, ran her campaign"), nor in a clause another clause holds ("Ana Ruiz said that Ivo Tan had
    slighted her family"), nor deeper in a clause the verb holds."""
    if word.lower_ not in {"his", "her"} or word.dep_ != "poss" or word in subject.subtree or any(
            t.dep_ == "poss" for t in subject.subtree):  # "Her campaign manager, X, ran her 2008 effort": hers
        return False
    root = verb.sent.root
    if verb != root and not (verb.dep_ == "conj" and verb.head == root):
        return False  # "Y said that X had treated her family": Y's, as often as X's
    owner = word.head
    while owner.dep_ in {"pobj", "prep", "dobj", "conj", "compound", "amod"} and owner.head != owner \
            and owner.head != verb:
        owner = owner.head
    return owner.head == verb and owner.dep_ in {"dobj", "prep"}
