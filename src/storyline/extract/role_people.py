"""Role phrases to the persons they are: "the candidate", "the Wisconsin Republican", "the head of X".

A role phrase is the person the report gives that role, named near it, else the salient person it names
someone the report is about; "the head of the rules committee" or "the state's party leader" the one the
report makes chairman of those words (a leader by other words); a role phrase opening the sentence after
one named speaker's, that speaker. Never the subject of a clause that holds it, nor one of the other party
or placed elsewhere. Plain functions over the resolver's record (``source_state``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..link.entities import plural_s
from ..model import Entity
from .nlp import doc_text
from .page import headline_span
from .person_names import person_roles
from .pronoun_antecedents import person_antecedent
from .source_phrases import PersonRoles, described_words, other_party, paragraph_start, role_word, role_words
from .source_state import SourceState, people_at
from .source_words import LEADS, OFFICES, PARTIES, PERSON_ROLES, ROLE_MODIFIERS, ROLE_NOUNS


def role_person(st: SourceState, head: Token) -> Entity | None:
    """The person a role phrase is. One the report gives that role and names in this paragraph or the one
    before (the more of the phrase's words its roles share, the likelier; then the last named); else the
    salient person of those paragraphs (a subject or a source) when the role names someone the report is
    about ("the candidate", "the senator") and they hold no other office; else one given that role
    anywhere; else, in a headline, the person the report names most (in the body, one named later in its
    sentence). Never the subject of a clause that holds it ("Ana Ruiz answered after the mayor said …" is two
    people; one would have been "she"), nor one of the other party or placed elsewhere."""
    role = role_word(head)
    also = [t for t in head.children if t.dep_ == "conj" and t.pos_ == "NOUN"]  # "the former senator and nominee"
    roles = {role, *(role_word(t) for t in also)}
    modifiers = [t for t in (*head.lefts, *(m for t in also for m in t.lefts)) if t.dep_ in ROLE_MODIFIERS]
    words = role_words(modifiers)
    of = [g for c in head.rights if c.dep_ == "prep" and c.lower_ in {"from", "of"} for g in c.subtree]
    places = {role_word(t) for t in (*modifiers, *of) if t.ent_type_ in {"GPE", "LOC"} or t.ent_type_ == "NORP"
              and role_word(t) not in PARTIES}  # "the Vermont senator": not one the report places elsewhere
    sent_start = max(head.sent.start_char, doc_text(st.doc).rfind("\n", 0, head.idx) + 1)
    roles_of = person_roles(st)

    def placed_alike(ent: Entity) -> bool:  # the phrase places them nowhere else than the report does
        known = roles_of.get(ent.key)
        return known is not None and (places <= known.words or not known.places)

    named = {ent.name.split()[-1] for ent, s in people_at(st, sent_start, head.idx)
             if subject_over(st, s, head) and not (coordinated_over(st, s, head) and placed_alike(ent))}
    edge = head.right_edge  # "the activist who backs Ana Ruiz" is not Ana Ruiz: no one named inside the phrase
    inside = {ent.key for ent, _ in people_at(st, head.left_edge.idx, edge.idx + len(edge))}
    people = [r for r in person_roles(st).values() if r.starts and r.entity.name.split()[-1] not in named
              and r.entity.key not in inside
              and not other_party(words | roles, r.parties) and (places <= r.words or not r.places)]
    matched = [r for r in people if roles & r.heads]
    if not matched and not roles & ROLE_NOUNS:
        return None
    kin = leader_by_words(head, people) if not matched and roles & LEADS else None
    if any(c.dep_ == "poss" for c in head.children):  # "the state's party leader": one who holds it, or no one
        one = len({r.entity.key for r in matched}) == 1 and role_said_once(st, head)
        return matched[0].entity if one else kin
    fitting = [r for r in people if roles & r.heads or roles & PERSON_ROLES and not (
        roles & OFFICES and r.heads & OFFICES)]
    recent = paragraph_start(st.doc, head.i, back=1)
    near = [r for r in matched if any(recent <= s < head.idx for s in r.starts)]
    if near:
        return max(near, key=lambda r: (len(words & r.words), max(s for s in r.starts if s < head.idx))).entity
    if kin is not None:
        return kin
    if not matched and not roles & PERSON_ROLES:
        last = last_speaker(st, head)
        if last is not None and last.key in {r.entity.key for r in people}:
            return last
    found = person_antecedent(st, head.idx, allowed={r.entity.key for r in fitting})
    if found is not None and found.span is not None and found.span[0] >= recent:
        return next(r.entity for r in fitting if r.entity.key == found.entity)
    if matched:
        return max(matched, key=lambda r: (len(words & r.words), any(s < head.idx for s in r.starts),
                                           -min(r.starts))).entity
    if roles & PERSON_ROLES and people and all(min(r.starts) > head.idx for r in people):
        if not _in_headline(st, head):  # in the body, one named later in its sentence ("candidate and surgeon X")
            people = [r for r in people if min(r.starts) < head.sent.end_char]
        if people:
            return max(people, key=lambda r: (len(r.starts), -min(r.starts))).entity  # a headline's "candidate says"
    return None


def _in_headline(st: SourceState, head: Token) -> bool:
    """Is the phrase in the report's headline? There a bare role ("candidate says") is the person the report is
    about; in the body, a role no one named before holds is one named later in its sentence or someone the report
    has not named ("The port director said …" before "Mayor Ilse Varga said …" is not the mayor)."""
    span = headline_span(doc_text(st.doc))
    return span is not None and span[0] <= head.idx < span[1]


def role_said_once(st: SourceState, head: Token) -> bool:
    """Whether the report gives the phrase's role noun to one person at most outside the phrase itself (a
    repeat of the same words aside): "Jane Ode, a spokeswoman for X, and Lisa Carr, a spokeswoman for Y"
    leaves "the company's spokeswoman" open, even where the parse ties only one of them to the role."""
    role, words = role_word(head), st.doc[head.left_edge.i:head.i + 1].text.lower()
    others = [t for t in st.doc if t.i != head.i and t.pos_ in {"NOUN", "PROPN"} and role_word(t) == role
              and st.quotes.at(t.idx) is None and st.doc[t.left_edge.i:t.i + 1].text.lower() != words]
    return len(others) <= 1


def last_speaker(st: SourceState, head: Token) -> Entity | None:
    """Whom a role phrase opening its sentence continues ("…," Ana Ruiz, a port board member, told the
    Courier. / The veteran activist warned …"): the one person who spoke or was the subject in the sentence
    just before; None when the report used that role noun before for someone it did not name ("an aide …
    the aide"), or that sentence had two."""
    sent = head.sent
    if head.left_edge.i != sent.start or any(
            t.lemma_.lower() == head.lemma_.lower() and t.tag_ == "NN" and t.dep_ != "compound"
            and st.quotes.at(t.idx) is None
            for t in st.doc[:head.i]):
        return None
    before = sent.start - 1
    while before > 0 and st.doc[before].is_space:
        before -= 1
    if before < 0:
        return None
    previous = st.doc[before].sent
    keys = {source.entity for at, kind, _, source in st.cands
            if kind == "person" and at in st.salient and previous.start_char <= at < previous.end_char}
    if len(keys) != 1 or None in keys:
        return None
    roles = person_roles(st).get(next(iter(keys)))
    if roles is None or not described_words(head, proper=True) <= roles.words:
        return None  # "The deputy head of China's delegation" is no one the report has not tied to China
    return roles.entity


def leader_by_words(head: Token, people: list[PersonRoles]) -> Entity | None:
    """The one person who leads a body by another word than the phrase's ("the head of the rules
    committee" → "Rules Committee Chairman Ivo Tan") and whom the report describes by more of the
    phrase's own words than anyone else, before or after it; None when no word is shared or two share
    as many."""
    described = singular(described_words(head))
    scored = sorted(((len(described & singular(r.words)), r.entity.key, r.entity) for r in people
                     if r.heads & LEADS and described & singular(r.words)), key=lambda x: -x[0])
    if not scored or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][2]


def singular(words: set[str]) -> set[str]:
    """Words with a plural "s" dropped, so a title's "Rules Committee" (a proper noun, kept as written) and a
    description's "rules committee" (a common plural, lemmatised) share "rule"."""
    return {w[:-1] if plural_s(w) else w for w in words}


def coordinated_over(st: SourceState, start: int, head: Token) -> bool:
    """Whether the name at ``start`` is the subject of a clause coordinated with the one ``head`` is the
    subject of ("Ana Ruiz attacked Bo in the debate, and the Veyra senator tripped him up"), not of one that
    holds it as a part: there a role phrase may describe that person again (unless it places them elsewhere).
    A phrase deeper in the second clause ("…, and he and Bo still speak, with the candidate seeking …") is not
    such a subject."""
    t = _subject_at(st, start)
    verb = head.head
    return t is not None and head.dep_ in {"nsubj", "nsubjpass"} and verb.dep_ == "conj" and verb.head == t.head


def subject_over(st: SourceState, start: int, head: Token) -> bool:
    """Whether the name at ``start`` is (part of) the subject of a clause that holds ``head`` ("Ana Ruiz
    answered after the mayor said …") or of what ``head`` says ("Ana Ruiz is wrong, the mayor said"), not
    of an aside ("In the town where Ana Ruiz grew up, the mayor said …")."""
    t = _subject_at(st, start)
    if t is None:
        return False
    verb = t.head
    if verb in head.ancestors:
        return True
    while verb.head != verb and verb.head != head.head:  # or of what it says: "Ana Ruiz is wrong, the mayor said"
        verb = verb.head
    return verb.head == head.head and verb.dep_ in {"ccomp", "parataxis"}


def _subject_at(st: SourceState, start: int) -> Token | None:
    """The subject the name at ``start`` heads or belongs to ("Ana Ruiz", "Ruiz's aide" up to its head), or
    None when that name is no clause's subject."""
    tok = st.doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None:
        return None
    t = tok.root
    while t.dep_ in {"compound", "flat", "appos", "poss"} and t.head != t:
        t = t.head
    return t if t.dep_ in {"nsubj", "nsubjpass"} else None
