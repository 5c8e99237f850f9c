"""A bare surname that several people of one report share ("Kern" beside "Ida Kern" and "Olek Kern"): each
occurrence goes to the person it stands for, not one entity for every "Kern".

``entities.find_entities`` folds a surname into the one full name that ends with it; with two such names it
left the surname an entity of its own, which the story gave to whoever it mentions most, and a source "Kern"
stayed unnamed. Here the gender the report gives the occurrence decides when one person alone has it: a
title ("Mr. Kern" is Olek when Ida is the other) or the first "he"/"she"/"his"/"her" of the clause the
surname is the subject of ("Kern said as he introduced his wife"). Otherwise the surname is the person the
report mentions most: reporters bring a second person of the family in by full name and keep the bare
surname for the one the report is about. (The nearest earlier name, even as a subject in the same paragraph,
was wrong each time on the training reports: "former President Olek Kern said Kern supporters …".)
A given name set beside a relative ("Kern's husband, Olek,") is that relative's family member, "Olek Kern".
Names that differ only past the given name ("Ida Kern", "Ida M. Kern") are one person and share nothing.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Entity
from .given_names import FEMALE, MALE

_TITLE_BEFORE = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss)\.?\s+$")
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_TITLE_REACH = 8  # "Mrs. " and some space
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
FAMILY = {"wife", "husband", "son", "daughter", "brother", "sister", "widow", "widower"}


def share_surnames(doc: Doc, text: str, entities: list[Entity]) -> list[Entity]:
    """The entities with each shared bare surname's occurrences moved to the person they stand for; a bare
    entity left with no occurrence is dropped."""
    entities, kin = _kin_named(doc, entities)
    people: dict[str, list[Entity]] = {}
    for entity in entities:
        words = entity.key.split()
        if entity.type == "PERSON" and len(words) > 1 and entity.spans:
            people.setdefault(words[-1], []).append(entity)
    for surname, sharing in people.items():
        if len({p.key.split()[0] for p in sharing}) < 2:
            continue  # "Ida Kern" and "Ida M. Kern" are one person
        bare = [e for e in entities if e.key == surname and e.type == "PERSON"]
        pool = [(s, e) for b in bare for s, e in b.spans]
        for person in sharing:  # a surname folded into one of them before the other came in
            alone = [(s, e) for s, e in person.spans if _norm(text[s:e]) == surname]
            person.spans[:] = [sp for sp in person.spans if sp not in alone]
            pool += alone
        for b in bare:
            b.spans.clear()
        _assign(doc, text, sorted(pool), sharing, kin)
    return [e for e in entities if e.spans]


def _assign(doc: Doc, text: str, pool: list[tuple[int, int]], people: list[Entity], kin: dict[int, Entity]
            ) -> None:
    """Each occurrence in ``pool`` to one of ``people``: the one alone of the gender its title or its clause's
    pronoun gives, else the one the report mentions most (by name or so decided), the first named on a tie.
    The "Kern" of "Kern's husband, Olek," is anyone but Olek."""
    genders = {id(p): _gender(p) for p in people}
    chosen: dict[int, Entity | list[Entity]] = {}
    for start, end in pool:
        gender = _said_gender(doc, text, start, end)
        fitting = [p for p in people
                   if (gender is None or genders[id(p)] in {None, gender}) and p is not kin.get(start)]
        one = len(fitting) == 1 and (gender is None or genders[id(fitting[0])] == gender)
        chosen[start] = fitting[0] if one else (fitting or people)
    weight = {id(p): len(p.spans) + sum(1 for c in chosen.values() if c is p) for p in people}
    order = {id(p): min((s for s, _ in p.spans), default=len(text)) for p in people}
    for start, end in pool:
        fitting = chosen[start]
        owner = fitting if isinstance(fitting, Entity) else max(fitting, key=lambda p: (weight[id(p)], -order[id(p)]))
        owner.spans.append((start, end))
        form = text[start:end]
        if form not in owner.aliases and form != owner.name:
            owner.aliases.append(form)
    for person in people:
        person.spans.sort()


def _said_gender(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The gender a title gives ("Mrs. Kern"), or the first gendered pronoun of the clause the surname is the
    subject of, with no other name before it ("Kern said she …", "Kern said as he introduced his wife")."""
    title = _TITLE_BEFORE.search(text[max(0, start - _TITLE_REACH):start])
    if title:
        return _TITLE_GENDER[title.group("title").lower()]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = span.root.head
    for token in verb.subtree:
        if token.i < span.end:
            continue
        if token.pos_ == "PROPN" or token.text in {'"', "“", "”", "''", "``"}:
            return None  # another name, or a quotation whose "he" may be anyone
        if token.pos_ == "PRON" and token.lower_ in _PRONOUN_GENDER:
            return _PRONOUN_GENDER[token.lower_]
    return None


def _kin_named(doc: Doc, entities: list[Entity]) -> tuple[list[Entity], dict[int, Entity]]:
    """A given name that the report sets beside a relative of a surname ("Kern's husband, Olek,") is that
    person's given name and the family's surname ("Olek Kern"): one of the people who share "Kern", named as
    other reports name him. Merged into the report's "Olek Kern" when it has one. Also where each such
    relative's surname stands → the person beside it."""
    surnames = {e.key.split()[-1] for e in entities if e.type == "PERSON" and " " in e.key}
    by_key = {e.key: e for e in entities}
    dropped, kin = set(), {}
    for entity in entities:
        if entity.type != "PERSON" or " " in entity.key or entity.key in surnames:
            continue
        owner = _family_of(doc, entity)
        family = owner.text if owner is not None else ""
        if not family or family.lower() not in surnames or family.lower() == entity.key:
            continue
        full = f"{entity.name} {family}"
        same = by_key.get(full.lower())
        if same is not None and same is not entity:
            same.spans = sorted(same.spans + entity.spans)
            same.aliases += [a for a in [entity.name, *entity.aliases] if a not in same.aliases]
            dropped.add(id(entity))
            kin[owner.idx] = same
            continue
        entity.aliases = [entity.name, *(a for a in entity.aliases if a != entity.name)]
        entity.name, entity.key = full, full.lower()
        by_key[entity.key] = entity
        kin[owner.idx] = entity
    return [e for e in entities if id(e) not in dropped], kin


def _family_of(doc: Doc, entity: Entity) -> Token | None:
    for start, end in entity.spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        relative = span.root.head if span is not None and span.root.dep_ == "appos" else None
        if relative is None or relative.pos_ != "NOUN" or relative.lemma_.lower() not in FAMILY:
            continue
        owner = next((c for c in relative.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None and owner.text[:1].isupper():
            return owner
    return None


def _gender(person: Entity) -> str | None:
    given = person.name.split()[0].lower()
    return "f" if given in FEMALE else "m" if given in MALE else None


def _norm(form: str) -> str:
    return " ".join(form.replace("’", "'").lower().split())
