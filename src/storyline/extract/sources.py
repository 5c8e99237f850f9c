"""Who an attribution's source is: the source phrase's span, its name, kind, role and entity.

Names resolve to the fullest form in the report through the entities ("Koval" → "Marta Koval"). Several
speakers stay one source, each named ("Ana Ruiz and Ivo Tan"); a possessive names its owner ("his campaign"
→ "Ivo Tan's campaign"); a relative "who" speaks for the noun its clause describes; a "they" may take up named
people coordinated as a subject ("Ana Ruiz and Ivo Tan met the board. They said …"). A pronoun with words of
its own ("those close to him") is the whole phrase. Generic phrases ("some reports", "officials",
"witnesses") are unnamed, with the people they are tied to named in full ("aides to Ana Ruiz"). The phrase
keeps its appositions (also one the parser took for a second subject) and leaves out asides: a comma-set
clause that says or thinks something of its own, a comparison (", like her predecessor,"), a bracketed
remark with a verb, a date, a reporter's "even", words before a spaced dash (``source_phrases``).

This module holds the resolver: it gathers the antecedent candidates, dispatches a head to the rule for its
kind and names noun phrases; the rules live beside it, as plain functions over its record
(``source_state``): ``pronoun_antecedents`` (he/she by salience and gender, "they", "it"),
``person_names`` (roles, genders, full and family names), ``role_people`` (role phrases to persons),
``bodies_before`` ("the group" to the organisation named before) and ``issuers`` (documents, studies and
polls to who speaks through them).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..model import Entity, Source, SourceKind
from .bodies_before import body_before, named_kin_before
from .body_kinds import KIND_NOUNS
from .documents_before import document_nearer
from .entities import LEADING_TITLE, entity_for
from .issuers import document_source, share_polled
from .nlp import doc_text
from .person_names import fullest, person_roles, with_family_name
from .pronoun_antecedents import (
    antecedent_at, described_subject, nearest_antecedent, person_antecedent, plural_antecedent,
)
from .quotes import QuoteIndex
from .relatives import relative_noun, who_within
from .role_people import role_person
from .source_phrases import (
    appositive_role, conjuncts, counted_part, is_bare_body, is_role_phrase, name_before_and, name_tokens, named_beside,
    own_relative, second_subject, source_span, strip_name, titled_once,
)
from .source_state import SourceState, earlier_kin, entity_at, entity_covering, floor
from .source_words import (
    AUTHORS, DEMONSTRATIVES, FAMILY, GENDERS, ISSUING, KIND_BY_TYPE, ORG_HEADS, ORG_PRONOUNS, PERSON_PRONOUNS,
    PLURAL_PRONOUNS, RELATIVE_PRONOUNS, ROLE_MODIFIERS, ROLE_NOUNS, STATEMENT_NOUNS, STUDIES, TIES, UNNAMED_HEADS,
)


def listed(names: list[str]) -> str:
    """Several speakers as one source's name: "Ana Ruiz", "Ana Ruiz and Ivo Tan", "Ana Ruiz, Ivo Tan and the
    port board"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class SourceResolver:
    """Turns a source head token into a Source, resolving pronouns against what came before."""

    def __init__(self, doc: Doc, entities: list[Entity], quotes: QuoteIndex,
                 dateline: tuple[int, int] = (0, 0)):
        spans = sorted((s, e, ent) for ent in entities for s, e in ent.spans)
        self.st = st = SourceState(doc, entities, quotes, dateline, self._named, self._noun_phrase,
                                   self._one_noun_phrase, spans, [s for s, _, _ in spans])
        covered = {t.i for s, e, _ in spans for t in doc.char_span(s, e, alignment_mode="expand") or ()}
        covered = {doc[i].idx for i in covered}
        for s, e, ent in spans:
            if ent.type == "PERSON" and quotes.at(s) is None:
                st.cands.append((s, "person", False, Source(ent.name, "person", (s, e), None, ent.key)))
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}:
                    st.salient.add(s)
        for tok in doc:
            if (tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ != "PRON"
                    and not dateline[0] <= tok.idx < dateline[1]
                    and quotes.at(tok.idx) is None):
                src = self._named(tok)
                together = self._people_together(tok) if src.kind == "person" else None
                if together is not None:  # "Ana Ruiz and Ivo Tan met the board. They said …": both
                    st.cands.append((tok.idx, "people", True, together))
                if src.kind != "person":
                    plural = tok.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in tok.children)
                    st.cands.append((tok.idx, src.kind, plural, src))
                elif src.entity is not None and tok.pos_ == "PROPN" and tok.idx not in covered:
                    # "Ruiz still has the final say, and though she has said …": a surname the tagger left
                    # untagged is the person it names elsewhere, and a subject like any other
                    src.span = (tok.idx, tok.idx + len(tok))
                    st.cands.append((tok.idx, "person", False, src))
                    st.salient.add(tok.idx)
        st.cands.sort(key=lambda c: c[0])
        st.cand_pos = [c[0] for c in st.cands]
        st.ready = True

    def entity_within(self, head: Token, start: int, end: int) -> Entity | None:
        """The entity (of a kind that speaks) with an occurrence holding the whole ``head`` word and lying
        inside the chars [start, end); None when there is none."""
        i = bisect_right(self.st.ent_starts, head.idx) - 1
        if i < 0:
            return None
        s, e, entity = self.st.ent_spans[i]
        return entity if start <= s and e <= end and e >= head.idx + len(head) and entity.type in KIND_BY_TYPE else None

    def _people_together(self, tok: Token) -> Source | None:
        """Named people coordinated as one subject ("Ana Ruiz and Ivo Tan"), as one source a later "they" can
        take up; None where one of them is no named person."""
        joined = conjuncts(tok)
        if not joined:
            return None
        parts = [self._named(t) for t in (tok, *joined)]
        if any(p.kind != "person" or p.entity is None for p in parts) or len({p.entity for p in parts}) < 2:
            return None
        names = [p.name for p in parts]
        return Source(listed(names), "person", (tok.idx, tok.idx + len(tok)))

    def resolve(self, head: Token) -> Source:
        """The Source for a source phrase headed by ``head``."""
        span = source_span(head, floor(self.st, head))
        lower = head.lower_
        if lower in RELATIVE_PRONOUNS and head.dep_.startswith("nsubj") and head.head.dep_ == "relcl":
            antecedent = who_within(head, head.head.head)
            if own_relative(head.head):  # "Ana Ruiz, who claimed …, and Ivo Tan, who suggested …": one each
                target = self._one_noun_phrase(antecedent)
                return Source(target.name, target.kind, span, target.role, target.entity)
            while antecedent.dep_ == "conj" and self.st.doc[head.i - 1].text == ",":
                antecedent = antecedent.head  # "Ana Ruiz and Ivo Tan, who say …": both
            target = self._noun_phrase(antecedent)
            return Source(target.name, target.kind, span, target.role, target.entity)
        noun = relative_noun(head, ORG_HEADS) if lower in RELATIVE_PRONOUNS else None
        if noun is not None:  # a relative clause the parser did not hang on its noun (relatives.py)
            target = self._noun_phrase(noun)
            return Source(target.name, target.kind, span, target.role, target.entity)
        if (lower in DEMONSTRATIVES and head.tag_ == "DT" and head.dep_ in {"nsubj", "nsubjpass"}
                and head.left_edge == head.right_edge):  # not "those close to the mayor"
            return Source("the outlet", "outlet", span)  # "That suggests …": the report's own inference, no speaker
        if head.pos_ == "PRON" and lower in PERSON_PRONOUNS and conjuncts(head):
            first = person_antecedent(self.st, head.idx, head, GENDERS.get(lower))  # "he and Ivo Tan said"
            if first is not None:
                names = [with_family_name(self.st, first).name, *(self._conjunct(c).name for c in conjuncts(head))]
                return Source(listed(names), "person", span)
        if head.pos_ == "PRON":
            located = None  # a thing's antecedent ("it"): where it is named, and that source
            if any(c.dep_ == "conj" for c in head.children):
                found = None
            elif lower in PERSON_PRONOUNS:
                found = person_antecedent(self.st, head.idx, head, GENDERS.get(lower))
            elif lower in PLURAL_PRONOUNS:
                found = plural_antecedent(self.st, head)
            else:
                located = antecedent_at(self.st, lower, head.idx)
                found = located[1] if located is not None else None
            if located is not None and lower == "it" and head.dep_.startswith("nsubj"):
                nearer = document_nearer(head, ISSUING, located[0])
                issuer = document_source(self.st, nearer) if nearer is not None else None
                if issuer is not None:  # "… a memorandum issued by the agency. It says …" (documents_before.py)
                    return Source(issuer.name, issuer.kind, span, issuer.role, issuer.entity)
            if found is not None:
                return with_family_name(self.st, Source(found.name, found.kind, span, found.role, found.entity))
            described = described_subject(self.st, head) if lower in PERSON_PRONOUNS else None
            if described is not None:  # "the head of the board has accused …, a change that he said …"
                return Source(described.name, described.kind, span, described.role, described.entity)
            document = document_nearer(head, ISSUING, -1) if lower == "it" and head.dep_.startswith("nsubj") else None
            if document is not None:  # "The lawsuit contends … It goes on to fault …" (documents_before.py)
                target = self._noun_phrase(document)
                return Source(target.name, target.kind, span, target.role, target.entity)
            kind: SourceKind = "person" if lower in PERSON_PRONOUNS else (
                "organization" if lower in ORG_PRONOUNS else "unnamed")
            phrase = strip_name(doc_text(self.st.doc)[span[0]:span[1]])  # "those close to the mayor"
            return Source(phrase or head.text, kind, span)
        source = self._noun_phrase(head)
        source.span = span
        return with_family_name(self.st, source)

    def _qualified(self, head: Token, left: int) -> str | None:
        """An unnamed group with the people it is tied to named in full, no titles or asides: "aides to Gov.
        Chris Christie of New Jersey, a former prosecutor, and Gov. John R. Kasich of Ohio" -> "aides to
        Chris Christie and John Kasich", "Democrats supporting Mrs. Clinton" -> "Democrats supporting Hillary
        Clinton"; None when no one is named."""
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in {"to", "for", "of", "with", "close"}:
                tie, named = c, next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in TIES:
                tie, named = c, next((g for g in c.children if g.dep_ in {"dobj", "obj"}), None)
            else:
                continue
            if named is None or named.ent_type_ != "PERSON" or named.pos_ != "PROPN":
                continue
            people = self._noun_phrase(named)
            if people.kind != "person" and " and " not in people.name:
                continue
            names = [fullest(self.st, LEADING_TITLE.sub("", n.strip()), people.entity)
                     for n in people.name.replace(" and ", ", ").split(", ")]
            joined = listed(names)
            return f"{strip_name(self.st.doc[left:head.i + 1].text)} {tie.text} {joined}"
        return None

    def _noun_phrase(self, head: Token) -> Source:
        """A source named by a noun phrase: by its name, or, for a role ("the candidate"), the person it is;
        several together are one source, each named ("Ana Ruiz, Ivo Tan and the port board")."""
        named = named_beside(head)
        if named is not None:  # "Republican hopefuls Ana Ruiz and Ivo Tan say": a second subject the parser made
            head = named
        joined = conjuncts(head)
        before = name_before_and(head)
        if titled_once(head, joined):  # "Port director and former mayor Ana Ruiz said": one person, two titles
            named = self._one_noun_phrase(joined[0])
            named.role = named.role or strip_name(self.st.doc[head.left_edge.i:head.i + 1].text)
            return named
        if not joined and before is None:
            return self._one_noun_phrase(head)
        parts = [self._one_noun_phrase(head), *(self._conjunct(c) for c in joined)]
        if before is not None:  # "Ana Ruiz and Harbour Master Ivo Tan pledged": both
            parts.insert(0, self._conjunct(before))
        # an "and" inside one name ("the Veyra Fire and Rescue Service") gives its halves one name: one source
        parts = [p for i, p in enumerate(parts) if all(p.name != q.name for q in parts[:i])]
        if len(parts) == 1:
            return parts[0]
        names = [p.name for p in parts]
        name = listed(names)
        kinds = {p.kind for p in parts}
        return Source(name, kinds.pop() if len(kinds) == 1 else "organization" if "organization" in kinds
                      else "unnamed", None, parts[0].role)

    def _conjunct(self, tok: Token) -> Source:
        """One of several: named as the report names it, or as written ("her campaign", "other Republicans")."""
        if tok.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return Source(strip_name(self.st.doc[tok.left_edge.i:tok.i + 1].text), "unnamed")
        source = self._one_noun_phrase(tok)
        if source.entity is not None and source.kind == "organization" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children
        ) and not source.name.lower().startswith("the "):
            source.name = f"the {source.name}"  # "Ana Ruiz and the Port Board"
        return source

    def _one_noun_phrase(self, head: Token) -> Source:
        polled = share_polled(self.st, head)
        if polled is not None:
            return polled
        predicate = head
        while predicate.dep_ in ("conj", "appos"):  # "Ana Ruiz is a lawyer, a campaigner and a writer who said …"
            predicate = predicate.head
        if predicate.dep_ == "attr" and predicate.head.lemma_ == "be" and (head.pos_ == "NOUN" or head.is_lower):
            be = predicate.head  # "Ana Ruiz campaigns and is …": the subject of the first verb
            verbs = (be, be.head) if be.dep_ == "conj" else (be,)
            subject = next((c for verb in verbs for c in verb.children
                            if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"), None)
            if subject is not None:  # "Ana Ruiz was the first candidate to say …"
                return self._named(subject)
        issued = document_source(self.st, head)
        if issued is not None:
            return issued
        owned = self._owned(head)
        if owned is not None:
            return owned
        source = self._named(head)
        if source.entity is None and source.kind in {"organization", "unnamed"} and is_bare_body(head, KIND_NOUNS):
            body = body_before(self.st, head)
            if body is not None:  # "the Kestrel Fund, a watchdog group, … The group said": the Kestrel Fund
                return Source(body.name, "organization", None, source.role or source.name, body.key)
            named = named_kin_before(self.st, head)
            if named is not None:  # "the Harbour Courier fact-check team … the team ruled"
                return Source(named.name, "organization", None, source.role or source.name, named.entity)
        group = next((e for e in self.st.entities if e.key == source.entity and e.type == "NORP"), None)
        if (source.entity is None or group is not None and head.tag_ in {"NN", "NNP"}) and is_role_phrase(head):
            # "the Wisconsin Republican" is one person, not the party
            person = role_person(self.st, head)
            if person is not None:  # and the report has now called them that ("the senator" later on)
                person_roles(self.st)[person.key].add([head], [t for t in head.lefts if t.dep_ in ROLE_MODIFIERS])
                return Source(person.name, "person", None, source.role or source.name, person.key)
        return source

    def _owned(self, head: Token) -> Source | None:
        """A group or body named after its owner: "his campaign" -> "Ana Ruiz's campaign", "Her advisers" ->
        "Ana Ruiz's advisers", "Presidential candidate Ana Ruiz's campaign" -> "Ana Ruiz's campaign" (the
        owner by the fullest name, without titles). Not a statement or a document (whose owner speaks)."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if head.lemma_.lower() in AUTHORS and owner is not None and owner.lower_ == "its":
            owner = next(iter(earlier_kin(self.st, head, STUDIES)), owner)  # "A study by X … Its authors say"
        if head.lemma_.lower() in AUTHORS and owner is not None and owner.pos_ == "NOUN":
            issuer = document_source(self.st, owner)  # "the study's authors": whoever the report says wrote the study
            if issuer is not None:
                return Source(issuer.name, issuer.kind, None,
                              strip_name(self.st.doc[owner.left_edge.i:head.i + 1].text), issuer.entity)
        if (head.pos_ != "NOUN" or owner is None or head.lemma_.lower() in STATEMENT_NOUNS
                or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)):
            return None  # "her spokesman, Ivo Tan," is Ivo Tan
        lower = owner.lower_
        if owner.pos_ == "PRON":
            found = (person_antecedent(self.st, owner.idx, owner, GENDERS.get(lower)) if lower in PERSON_PRONOUNS
                     else nearest_antecedent(self.st, lower, owner.idx))
        elif owner.pos_ == "PROPN":
            found = self._named(owner)
        else:
            return None
        if found is None or found.entity is None or found.kind not in {"person", "organization"}:
            return None
        name = fullest(self.st, found.name, found.entity) if found.kind == "person" else found.name
        right = name_tokens(head, floor(self.st, head))[1]
        rest = strip_name(self.st.doc[owner.right_edge.i + 1:right].text)
        if not rest:
            return None
        kind: SourceKind = "organization" if head.lemma_.lower() in ORG_HEADS else "unnamed"
        return Source(f"{name}'s {rest}", kind, None, appositive_role(head))

    def remember(self, source: Source, head: Token) -> None:
        """Record a resolved source as an antecedent for later pronouns."""
        if source.span is None or source.kind == "unnamed" and head.tag_ != "NNS":
            return
        plural = head.tag_ in {"NNS", "NNPS"}
        pos = source.span[0]
        self.st.salient.add(pos)
        self.st.heads[pos] = head
        i = bisect_right(self.st.cand_pos, pos)
        self.st.cands.insert(i, (pos, source.kind, plural, source))
        self.st.cand_pos.insert(i, pos)

    def _named(self, head: Token) -> Source:
        """A source named by a noun phrase (not a pronoun); "the engineer Ana Ruiz" is named by its
        apposition, with the common noun as role."""
        appos = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and (
            c.i == head.right_edge.i or c.i == head.i + 1 or c.ent_type_ == "PERSON"
            or head.lemma_.lower() in ROLE_NOUNS)), None)  # "the port director, Ana Ruiz,"
        if appos is not None and (head.pos_ == "NOUN" or head.lower_ == "one" and appos.ent_type_ == "PERSON" and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children)):  # "one of the attorneys, Jon Brae,"
            # "his rivals, Ana Ruiz and Ivo Tan,": a plural head is named by each of the coordinated names
            named = self._noun_phrase(appos) if head.tag_ == "NNS" and conjuncts(appos) else self._named(appos)
            first = name_tokens(head, floor(self.st, head))[0]
            named.role = named.role or strip_name(self.st.doc[first:head.i + 1].text)
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and head.lemma_.lower() in FAMILY and " " not in named.name and self.st.ready:
                found = (person_antecedent(self.st, owner.idx, owner, GENDERS.get(owner.lower_))
                         if owner.lower_ in PERSON_PRONOUNS else self._named(owner) if owner.pos_ == "PROPN" else None)
                if found is not None and found.kind == "person" and (found.entity is not None or owner.pos_ == "PROPN"):
                    named.name = f"{named.name} {found.name.split()[-1]}"  # "his wife, Jane," -> "Jane Ruiz"
                    if named.entity is not None and self.st.families is not None:
                        self.st.families.setdefault(named.entity, named.name)
                    named.entity = None  # the report's entity is the given name alone
            if head.lemma_.lower() in UNNAMED_HEADS:  # "the engineer X" names a person
                named.kind = "person"
            return named
        left, right = name_tokens(head, floor(self.st, head))
        doc = self.st.doc
        start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1])
        name = strip_name(doc_text(doc)[start:end]) or head.text
        role = appositive_role(head)
        lemma = head.lemma_.lower()
        entity = entity_covering(self.st, head) or entity_for(name, self.st.entities)
        if entity is None and head.pos_ == "PROPN":
            entity = entity_at(self.st, head.idx, head.idx + len(head)) or entity_at(self.st,
                start, end, head.idx + len(head))
        if entity is not None and entity.type in {"GPE", "LOC"}:
            person = next((c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) or (
                second if (second := second_subject(head)) is not None and second.ent_type_ == "PERSON" else None)
            if person is not None:  # "Speaking in Salem, New Hampshire, Ana Ruiz went after …": she speaks
                return self._named(person)
        if entity is not None and entity.type == "NORP" and head.tag_ == "NNPS":
            qualified = self._qualified(head, left)  # "Democrats supporting Mrs. Ruiz"
            if qualified is not None:
                return Source(qualified, "unnamed", None, role)
            part = counted_part(head)
            if part is not None:  # "some Republicans said": those, as written, not the party
                return Source(part, "unnamed", None, role)
        if entity is not None and entity.type in KIND_BY_TYPE and (
                head.pos_ == "PROPN" or entity.type == "PERSON" or lemma not in UNNAMED_HEADS):
            place = next((g for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                          if g.dep_ == "pobj" and g.pos_ == "PROPN" and (
                              g.ent_type_ in {"GPE", "LOC"}
                              or g.ent_type_ == "ORG" and g.ent_iob_ == "I" and head.ent_type_ == "ORG")), None)
            if entity.type == "ORG" and place is not None and place.text not in entity.name:
                # "the Republican Party of Wyoming" is not the Republican Party: its own name, no entity
                full = f"{entity.name} of {strip_name(self.st.doc[place.left_edge.i:place.right_edge.i + 1].text)}"
                return Source(full, "organization", None, role)
            return Source(entity.name, KIND_BY_TYPE[entity.type], None, role, entity.key)
        if lemma in UNNAMED_HEADS or head.tag_ == "NNS" and lemma not in ORG_HEADS and head.ent_type_ == "":
            return Source(self._qualified(head, left) or name, "unnamed", None, role)
        if lemma in ORG_HEADS or head.ent_type_ in KIND_BY_TYPE and KIND_BY_TYPE[head.ent_type_] == "organization":
            return Source(name, "organization", None, role)
        if head.ent_type_ == "PERSON" or head.pos_ == "PROPN" and head.ent_type_ == "":
            return Source(name, "person", None, role)
        return Source(name, "unnamed", None, role)
