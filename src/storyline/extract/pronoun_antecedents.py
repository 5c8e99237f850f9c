"""Whom a pronoun that speaks stands for: "he" and "she" by salience and gender, "they", "it".

A "he" or "she" is the salient person of its sentence or the one before, not merely the nearest name: the
subject named after it when it opens a clause set before that subject ("Although he said …, Ana Ruiz …"),
the named person a relative clause that holds it describes ("Ivo Tan, the congressman who … when he …"), the
subject of a clause that holds it, the main clause's subject, a speaker or the possessor of a statement
in the sentence before ("… Ana Ruiz's statement. She called …"), for a "he said" the speaker of a set-off "X
said" there ("Bo, Tan said, lied. “…,” he said": Tan), further back the nearest subject or speaker; never
someone the report marks as the other gender (``person_names``). A "they" that speaks is people or a body,
never the things named on the way ("their wages … They said": ``animacy``); "it" is the last organisation
that was a subject or source. A "he" no name fits may be the subject that describes one person by a role
("the head of the board has accused …, which he said …"). Plain functions over the resolver's record
(``source_state``).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from ..model import Source
from .animacy import can_speak_as_they, document_head
from .cues import load_cues
from .person_names import gender_of
from .relatives import who_within
from .source_phrases import holds, is_role_phrase
from .source_state import SourceState, token_at
from .source_words import (
    GENDERS, LOOK_BACK, ORG_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, ROLE_NOUNS, SPEECH_NOUNS, UNNAMED_HEADS,
)
from .spans import SAYING_CLASSES


def described_subject(st: SourceState, pronoun: Token) -> Source | None:
    """Whom a "he" or "she" no name before it fits stands for: the subject of a clause that holds it when
    that subject describes one person by a role ("the head of the rules committee has accused …, which he
    said …"), named as the report describes them; else None."""
    for verb in pronoun.ancestors:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i), None)
        if subject is None:
            continue
        if subject.tag_ == "NN" and subject.lemma_.lower() in ROLE_NOUNS | UNNAMED_HEADS and st.quotes.at(
                subject.idx) is None:
            return st.noun_phrase(subject)
        return None
    return None


def person_antecedent(st: SourceState, pos: int, pronoun: Token | None = None, gender: str | None = None,
                      allowed: set[str] | None = None) -> Source | None:
    """Who "he" or "she" at ``pos`` is (or a role phrase, ``allowed`` the persons it may be): the person a
    name after it in the same sentence is, when the pronoun opens a clause before that name's verb
    ("Even as he spoke, Ana Ruiz …"); else, in its own sentence, the subject of a clause that holds it
    ("Ana Ruiz said she …"), the subject of the main clause, another subject, another person; else, in
    the sentence before, its main clause's subject, else another subject or speaker ("… listening to Ana
    Ruiz's statement. She called …"); else the nearest subject or speaker before, else the nearest
    person. Never one the report speaks of with the other pronoun or title."""
    def fits(source: Source) -> bool:
        return (allowed is None or source.entity in allowed) and not (
            gender and source.entity and gender_of(st, source.entity) not in {None, gender})

    if pronoun is not None:
        found = cataphor(st, pronoun, fits) or relative_holder(st, pronoun, fits)
        if found is not None:
            return found
    seen: list[tuple[int, int, Source]] = []  # (sentence start, rank, source), nearest first
    for at, kind, _, source in candidates_before(st, pos):
        if kind == "person" and source.entity is not None and fits(source):  # not a guess ("Win or not,")
            tok = token_at(st, at)
            seen.append((tok.sent.start, clause_rank(st, tok), source))
    here = st.doc[token_at(st, pos).i].sent
    before = here.start - 1
    while before > 0 and st.doc[before].is_space:
        before -= 1
    previous = st.doc[before].sent.start if before >= 0 else -1
    for sent in {st.doc[previous].sent, here} if previous >= 0 else {here}:
        verbs = [sent.root, *(c for c in sent.root.children if c.dep_ in {"ccomp", "conj", "parataxis"})]
        for subject in (c for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass"} and c.idx < pos):
            if is_role_phrase(subject) and subject.idx not in st.heads and st.quotes.at(subject.idx) is None:
                person = st.noun_phrase(subject)  # "… the admiral chuckled. “…,” he said"
                if person.kind == "person" and person.entity is not None and fits(person):
                    person.span = (subject.idx, subject.idx + len(subject))
                    st.heads[subject.idx] = subject
                    seen.append((sent.start, 0, person))
    seen.sort(key=lambda c: -(c[2].span[0] if c[2].span else 0))
    if not seen:
        return None
    if pronoun is not None:
        for start, rank, source in seen:
            tok = token_at(st, source.span[0]) if source.span else None
            if start == here.start and tok is not None and rank < 2 and holds(verb_of(tok), pronoun):
                beside = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
                other = st.named(beside) if beside is not None else None
                if other is not None and other.entity not in {None, source.entity} and fits(other):
                    return other  # "On the topic of Mr. Bo, Ana Ruiz was asked why she …": two people
                return source
        for verb in pronoun.ancestors:  # "He visited Ana Ruiz, where he also met …": whom the first "he" is
            first = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i
                          and c.lower_ in GENDERS and (gender is None or GENDERS[c.lower_] == gender)), None)
            if first is not None:
                found = person_antecedent(st, first.idx, first, gender, allowed)
                if found is not None:
                    return found
                break
    for start in sorted({start for start, _, _ in seen}, reverse=True):
        in_sentence = [(rank, source) for st, rank, source in seen if st == start]  # nearest first
        def order(r: tuple[int, Source]) -> tuple[bool, int]:  # for "she", a woman the report says is one
            return gender == "f" and gender_of(st, r[1].entity or "") != gender, r[0]  # first; then by rank

        if start == here.start:  # a subject, else a possessor: "Ana Ruiz's vote, which she called …"
            fitting = [(rank, source) for rank, source in in_sentence if rank < 2 or (
                possessor_over(st, source, pronoun) if pronoun is not None  # a role phrase: "In Ana Ruiz's
                else token_at(st, source.span[0]).dep_ == "poss")]  # column, the senator says …"
            if fitting:
                return min(fitting, key=order)[1]  # min keeps the nearest of equal rank
            continue
        salient = sorted(((rank, source) for rank, source in in_sentence if rank < 2), key=order)
        if salient and start == previous:
            aside = aside_speaker(st, salient, pronoun)
            return aside if aside is not None else salient[0][1]
        if not salient and start == previous and len({s.entity for _, s in in_sentence}) == 1 and \
                other_gender_subject(st, st.doc[previous].sent, gender):
            return in_sentence[0][1]  # "… as Ana Ruiz sharpened her attack on Ivo Tan. He has …": Tan
        salient = [source for _, source in salient]
        if salient:
            return salient[0]
    return seen[0][2]


def other_gender_subject(st: SourceState, sent, gender: str | None) -> bool:
    """Whether a subject of ``sent`` is a person the report marks as the other gender than ``gender``: then
    a "he" or "she" after it is the one person of its own gender that sentence names, object or not."""
    if gender is None:
        return False
    i = bisect_right(st.cand_pos, sent.start_char - 1)
    while i < len(st.cands) and st.cands[i][0] < sent.end_char:
        at, kind, _, source = st.cands[i]
        i += 1
        if kind == "person" and source.entity is not None and gender_of(st, source.entity) not in {None, gender} \
                and clause_rank(st, token_at(st, at)) < 2:
            return True
    return False


def aside_speaker(st: SourceState, salient: list[tuple[int, Source]], pronoun: Token | None) -> Source | None:
    """"Ruiz, Tan said, has broken the port. “She lied,” he said.": a "he said" after a sentence whose
    speaker stands in a set-off "X said" is that speaker, not the subject of what they said; None
    where the pronoun speaks no cue of saying or the sentence before has no such speaker, or two."""
    if pronoun is None or not pronoun.dep_.startswith("nsubj") or \
            load_cues().words.get(pronoun.head.lemma_.lower()) not in SAYING_CLASSES:
        return None
    asides = [source for rank, source in salient if rank == 1 and source.span is not None
              and (tok := token_at(st, source.span[0])).dep_ == "nsubj" and tok.head.dep_ == "parataxis"
              and load_cues().words.get(tok.head.lemma_.lower()) in SAYING_CLASSES]
    return asides[0] if len({a.entity for a in asides}) == 1 else None


def possessor_over(st: SourceState, source: Source, pronoun: Token) -> bool:
    """A possessor of a phrase that holds the pronoun or is the subject of a clause that does: "Ana Ruiz's
    vote, which she called …", "One of Ana Ruiz's speeches came when she …"."""
    if source.span is None:
        return False
    tok = token_at(st, source.span[0])
    if tok.dep_ != "poss":
        return False
    owned = tok.head
    while owned.dep_ in {"pobj", "prep"} and owned.head != owned:
        owned = owned.head
    return owned in pronoun.ancestors or owned.dep_ in {"nsubj", "nsubjpass"} and owned.head in pronoun.ancestors


def verb_of(tok: Token) -> Token:
    while tok.dep_ == "appos" and tok.head != tok and tok.head.pos_ == "NOUN":
        tok = tok.head
    return tok.head


def clause_rank(st: SourceState, tok: Token) -> int:
    """0: the subject of a sentence's main clause; 1: another subject or a speaker; 2: another mention."""
    while tok.dep_ == "appos" and tok.head != tok and tok.head.pos_ == "NOUN":  # "the director, Ana Ruiz,"
        tok = tok.head
    if (tok.pos_ in {"PROPN", "ADJ"} and tok.ent_type_ == "PERSON"
            and tok.dep_ not in {"poss", "pobj", "dobj", "nsubj", "nsubjpass"}
            and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in {",", "("} and all(
            t.head == tok or t.dep_ in {"compound", "flat", "punct"} for t in tok.doc[tok.sent.start:tok.i])):
        return 0  # a name opening its sentence the parser took for something else: "Ana Ruiz, later saying …"
    if tok.dep_ == "poss" and (tok.head.lemma_.lower() in SPEECH_NOUNS or tok.head.dep_ in {"nsubj", "nsubjpass"}
                               and tok.head.head == tok.sent.root):
        return 1  # "… listening to Ana Ruiz's statement. She called …", "Ana Ruiz's campaign said … She …"
    if tok.dep_ not in {"nsubj", "nsubjpass"} and tok.idx not in st.salient:
        return 2
    verb = tok.head
    root = tok.sent.root
    main = verb == root or verb.dep_ == "conj" and verb.head == root
    return 0 if tok.dep_ in {"nsubj", "nsubjpass"} and main else 1


def cataphor(st: SourceState, pronoun: Token, fits) -> Source | None:
    """'Even as he spoke, Ana Ruiz …': the subject named after a pronoun in a clause set before its verb."""
    clause = pronoun
    while clause.head != clause and clause.dep_ not in {"advcl", "prep"}:
        clause = clause.head
    verb = clause.head
    if clause == verb or clause.i > verb.i or pronoun.dep_ not in {"nsubj", "nsubjpass", "poss"}:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > clause.right_edge.i),
                   None)
    if subject is None or subject.ent_type_ != "PERSON":
        return None
    found = st.named(subject)
    return found if found.entity is not None and fits(found) else None


def relative_holder(st: SourceState, pronoun: Token, fits) -> Source | None:
    """"Ivo Tan, the congressman who gained attention when he yelled …": a "he" or "she" inside a relative
    clause whose "who" is a named person is that person (the clause's subject, as "Ivo Tan said he …"); None
    where the "who" is no one named or the pronoun's gender does not fit."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass", "poss"}:
        return None
    for verb in pronoun.ancestors:
        who = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i), None)
        if who is None:
            continue
        if who.lower_ != "who" or verb.dep_ != "relcl" or st.quotes.at(who.idx) is not None:
            return None
        found = st.noun_phrase(who_within(who, verb.head))
        if found.kind != "person" or found.entity is None or not fits(found):
            return None
        return Source(found.name, found.kind, found.span, None, found.entity)  # not the clause as its role
    return None


def plural_antecedent(st: SourceState, pronoun: Token) -> Source | None:
    """Who "they" is: the subject of a clause that holds it ("the dockers said they …"), or whom an
    earlier "they" of such a clause is; else the main clause's subject of the sentence before when it
    is a group ("Ana Ruiz's advisers conceded … But they were hoping …, they argued"); else the
    nearest group or organisation before."""
    pos = pronoun.idx
    here = pronoun.sent
    seen = []
    for at, kind, plural, source in candidates_before(st, pos):
        if (plural or kind == "organization" or " and " in source.name) and may_be_they(st, at, kind, source):
            seen.append((token_at(st, at), source))
    for tok, source in seen:
        if tok.sent.start == here.start and tok.dep_ in {"nsubj", "nsubjpass"} and holds(tok.head, pronoun):
            return source
    for verb in pronoun.ancestors:
        first = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i
                      and c.lower_ in PLURAL_PRONOUNS), None)
        if first is not None:
            return plural_antecedent(st, first)
    before = here.start - 1
    while before > 0 and st.doc[before].is_space:
        before -= 1
    if before >= 0:
        previous = st.doc[before].sent
        mains = [(source.span is None or source.span[0] not in st.salient, n) for n, (tok, source)
                 in enumerate(seen) if tok.sent.start == previous.start and clause_rank(st, tok) == 0]
        main = seen[min(mains)[1]][1] if mains else None  # a speaker first, then the nearest
        if main is not None:
            return main
    return nearest_antecedent(st, pronoun.lower_, pos)


def may_be_they(st: SourceState, at: int, kind: str, source: Source) -> bool:
    """Whether the candidate at ``at`` may be who a speaking "they" is: people or a body, not the results,
    wages or efforts a report names on the way (``animacy``), nor a poll or document that speaks as itself
    ("the Veyra Tribune poll … they vowed": not the poll; a report's issuer may still be "they")."""
    if kind == "organization" and (document := document_head(token_at(st, at))) is not None:
        return source.name.split()[-1].lower() not in {document.lower_, document.lemma_.lower()}
    return kind != "unnamed" or can_speak_as_they(token_at(st, at))


def nearest_antecedent(st: SourceState, pronoun: str, pos: int, allowed: set[str] | None = None) -> Source | None:
    found = antecedent_at(st, pronoun, pos, allowed)
    return found[1] if found is not None else None


def antecedent_at(st: SourceState, pronoun: str, pos: int, allowed: set[str] | None = None
                  ) -> tuple[int, Source] | None:
    """Where the antecedent ``nearest_antecedent`` takes is named, and that source."""
    if pronoun in PERSON_PRONOUNS:
        def fits(kind: str, plural: bool) -> bool:
            return kind == "person"
    elif pronoun in ORG_PRONOUNS:
        def fits(kind: str, plural: bool) -> bool:
            return kind == "organization" and not plural
    elif pronoun in PLURAL_PRONOUNS:
        def fits(kind: str, plural: bool) -> bool:
            return plural or kind == "organization"
    else:
        return None
    nearest = None
    for at, kind, plural, source in candidates_before(st, pos):
        if fits(kind, plural) and (allowed is None or source.entity in allowed) and (
                pronoun not in PLURAL_PRONOUNS or may_be_they(st, at, kind, source)):
            if kind != "person" or at in st.salient:
                return at, source
            nearest = nearest or (at, source)
    return nearest


def candidates_before(st: SourceState, pos: int) -> list[tuple[int, str, bool, Source]]:
    """The antecedent candidates (at, kind, plural, source) that start before pos, nearest first, at most
    ``LOOK_BACK`` of them."""
    i = bisect_right(st.cand_pos, pos - 1) - 1
    return [st.cands[j] for j in range(i, max(i - LOOK_BACK, -1), -1)]
