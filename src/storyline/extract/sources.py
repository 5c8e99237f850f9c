"""Who an attribution's source is: the source phrase's span, its name, kind, role and entity.

Names resolve to the fullest form in the report through the entities ("Koval" → "Marta Koval"). A pronoun
resolves to the salient person or group of its sentence or the one before, not merely the nearest name:
the subject named after it when it opens a clause set before that subject ("Although he said …, Ana Ruiz
…"), the subject of a clause that holds it, the main clause's subject, a speaker or the possessor of a
statement in the sentence before ("… Ana Ruiz's statement. She called …"), for a "he said" the speaker of
a set-off "X said" there ("Bo, Tan said, lied. “…,” he said": Tan), further back the nearest subject or
speaker; never someone the report marks as the other gender (a title, a gendered role, a common
given name, "X said she"). A role phrase ("the candidate", "the GOP front-runner", "the Wisconsin
Republican") is the person the report gives that role, else the salient person it names someone the
report is about; "the head of the rules committee" or "the state's party leader" the one the report makes
chairman of those words; a role phrase opening the sentence after one named speaker's, that speaker. A body
described by its kind ("the group", "the union") is the organisation named last when its name or an
apposition carries that noun ("the Kestrel Fund, a watchdog group"), or when it was a subject or source and its
name fits the kind ("Lenport Mutual … the company", "the Lenport Courier … the newspaper": ``body_kinds``),
or the body named earlier by the same noun with a name in it ("the Courier fact-check team … the team");
"the study's authors" and "its authors" its author, "researchers at X" X. A "they" that speaks is people or
a body, never the things named on the way ("their wages … They said": ``animacy``).
Several speakers stay one source, each named ("Ana Ruiz and Ivo Tan"); a possessive
names its owner ("his campaign" → "Ivo Tan's campaign"); a statement or document speaks for its issuer
("Ivo Tan issued a statement saying …", "a Harbour Post story"), a poll by its name (an unnamed "a new poll"
or "a new study" in a lead by the one the next sentences name), and a share of those polled through the poll.
"it" resolves to the last organisation that was a subject or source; a pronoun
with words of its own ("those close to him") is the whole phrase. Generic phrases ("some reports",
"officials", "witnesses") are unnamed, with the people they are tied to named in full ("aides to Ana Ruiz").
The phrase keeps its appositions (also one the parser took for a second subject) and leaves out asides: a
comma-set clause that says or thinks something of its own, a comparison (", like her predecessor,"), a
bracketed remark with a verb, a date, a reporter's "even", words before a spaced dash.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..model import Entity, Source, SourceKind
from .animacy import can_speak_as_they
from .body_kinds import AGENCIES, KIND_NOUNS, PAPERS, fits_kind, name_words
from .cues import load_cues
from .entities import LEADING_TITLE, entity_for
from .documents_before import document_before
from .given_names import FEMALE, MALE
from .nlp import doc_text
from .quotes import QuoteIndex
from .relatives import relative_noun
from .source_phrases import (
    PersonRoles, appositive_role, conjuncts, described_words, holds, is_bare_body, is_role_phrase, name_before_and,
    name_tokens, named_beside, other_party, own_relative, paragraph_start, role_word, role_words, second_subject,
    source_span, strip_name, title_tokens,
)
from .source_words import (
    AUTHORS, DEMONSTRATIVES, DOCUMENT_KIN, FAMILY, GENDERED, GENDERS, ISSUING, KIND_BY_TYPE, LEADS, LOOK_BACK,
    OFFICES, ORG_HEADS, ORG_PRONOUNS, PARTIES, PERSON_PRONOUNS, PERSON_ROLES, PLURAL_PRONOUNS, POLLS,
    RELATIVE_PRONOUNS, ROLE_MODIFIERS, ROLE_NOUNS, RUNS_POLLS, SPEECH_NOUNS, STATEMENT_NOUNS, STUDIES, TIES,
    UNNAMED_HEADS,
)
from .spans import SAYING_CLASSES


class SourceResolver:
    """Turns a source head token into a Source, resolving pronouns against what came before."""

    def __init__(self, doc: Doc, entities: list[Entity], quotes: QuoteIndex,
                 dateline: tuple[int, int] = (0, 0)):
        self.doc = doc
        self.dateline = dateline
        self.entities = entities
        self.quotes = quotes
        self._ready = False  # antecedents are gathered: pronouns may be resolved
        spans = sorted((s, e, ent) for ent in entities for s, e in ent.spans)
        self._ent_starts = [s for s, _, _ in spans]
        self._ent_spans = spans
        # antecedent candidates, in text order: (position, kind, plural, Source); a person named as a
        # subject is salient ("Ana Ruiz, an aide to Mr. Bo, says he …": "he" is Ana Ruiz)
        self._cands: list[tuple[int, str, bool, Source]] = []
        self._salient: set[int] = set()
        covered = {t.i for s, e, _ in spans for t in doc.char_span(s, e, alignment_mode="expand") or ()}
        covered = {doc[i].idx for i in covered}
        for s, e, ent in spans:
            if ent.type == "PERSON" and quotes.at(s) is None:
                self._cands.append((s, "person", False, Source(ent.name, "person", (s, e), None, ent.key)))
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}:
                    self._salient.add(s)
        for tok in doc:
            if (tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ != "PRON"
                    and not dateline[0] <= tok.idx < dateline[1]
                    and quotes.at(tok.idx) is None):
                src = self._named(tok)
                if src.kind != "person":
                    plural = tok.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in tok.children)
                    self._cands.append((tok.idx, src.kind, plural, src))
                elif src.entity is not None and tok.pos_ == "PROPN" and tok.idx not in covered:
                    # "Ruiz still has the final say, and though she has said …": a surname the tagger left
                    # untagged is the person it names elsewhere, and a subject like any other
                    src.span = (tok.idx, tok.idx + len(tok))
                    self._cands.append((tok.idx, "person", False, src))
                    self._salient.add(tok.idx)
        self._cands.sort(key=lambda c: c[0])
        self._cand_pos = [c[0] for c in self._cands]
        self._roles: dict[str, PersonRoles] | None = None
        self._genders: dict[str, str] | None = None
        self._heads: dict[int, Token] = {}  # where a remembered source starts → its head
        self._families: dict[str, str] | None = None  # a given name's entity → given and family name
        self._ready = True

    def resolve(self, head: Token) -> Source:
        """The Source for a source phrase headed by ``head``."""
        span = source_span(head, self._floor(head))
        lower = head.lower_
        if lower in RELATIVE_PRONOUNS and head.dep_.startswith("nsubj") and head.head.dep_ == "relcl":
            antecedent = head.head.head
            if own_relative(head.head):  # "Ana Ruiz, who claimed …, and Ivo Tan, who suggested …": one each
                target = self._one_noun_phrase(antecedent)
                return Source(target.name, target.kind, span, target.role, target.entity)
            while antecedent.dep_ == "conj" and self.doc[head.i - 1].text == ",":
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
            first = self._person_antecedent(head.idx, head, GENDERS.get(lower))  # "he and Ivo Tan said"
            if first is not None:
                names = [self._with_family_name(first).name, *(self._conjunct(c).name for c in conjuncts(head))]
                return Source(", ".join(names[:-1]) + " and " + names[-1], "person", span)
        if head.pos_ == "PRON":
            found = None if any(c.dep_ == "conj" for c in head.children) else (
                self._person_antecedent(head.idx, head, GENDERS.get(lower)) if lower in PERSON_PRONOUNS
                else self._plural_antecedent(head) if lower in PLURAL_PRONOUNS
                else self._antecedent(lower, head.idx))
            if found is not None:
                return self._with_family_name(Source(found.name, found.kind, span, found.role, found.entity))
            described = self._described_subject(head) if lower in PERSON_PRONOUNS else None
            if described is not None:  # "the head of the board has accused …, a change that he said …"
                return Source(described.name, described.kind, span, described.role, described.entity)
            document = document_before(head, ISSUING) if lower == "it" and head.dep_.startswith("nsubj") else None
            if document is not None:  # "The lawsuit contends … It goes on to fault …" (documents_before.py)
                target = self._noun_phrase(document)
                return Source(target.name, target.kind, span, target.role, target.entity)
            kind: SourceKind = "person" if lower in PERSON_PRONOUNS else (
                "organization" if lower in ORG_PRONOUNS else "unnamed")
            phrase = strip_name(doc_text(self.doc)[span[0]:span[1]])  # "those close to the mayor"
            return Source(phrase or head.text, kind, span)
        source = self._noun_phrase(head)
        source.span = span
        return self._with_family_name(source)

    def _described_subject(self, pronoun: Token) -> Source | None:
        """Whom a "he" or "she" no name before it fits stands for: the subject of a clause that holds it when
        that subject describes one person by a role ("the head of the rules committee has accused …, which he
        said …"), named as the report describes them; else None."""
        for verb in pronoun.ancestors:
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i), None)
            if subject is None:
                continue
            if subject.tag_ == "NN" and subject.lemma_.lower() in ROLE_NOUNS | UNNAMED_HEADS and self.quotes.at(
                    subject.idx) is None:
                return self._noun_phrase(subject)
            return None
        return None

    def _with_family_name(self, source: Source) -> Source:
        """A person the report names by a given name and a relative's family name ("Clinton's husband,
        Bill,") by both ("Bill Clinton") wherever the given name stands alone. The report's entity is the
        given name alone, so the source leaves it (the ledger names a source by its entity)."""
        if source.kind != "person" or source.entity is None or " " in source.name:
            return source
        full = self._family_name(source)
        if full != source.name:
            source.name, source.entity = full, None
        return source

    def _family_name(self, source: Source) -> str:
        if source.entity is None:
            return source.name
        if self._families is None:
            self._families = {}
            for ent in self.entities:
                if ent.type != "PERSON" or " " in ent.name:
                    continue
                for s, e in ent.spans:
                    span = self.doc.char_span(s, e, alignment_mode="expand")
                    relative = span.root.head if span is not None and span.root.dep_ == "appos" else None
                    if relative is not None and relative.lemma_.lower() in FAMILY and relative.pos_ == "NOUN" and any(
                            c.dep_ == "poss" and c.pos_ == "PROPN" for c in relative.children):  # "Clinton's husband"
                        named = self._named(relative)
                        if named.name.startswith(f"{ent.name} "):
                            self._families[ent.key] = named.name
                            break
        return self._families.get(source.entity, source.name)

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
            names = [self._fullest(LEADING_TITLE.sub("", n.strip()), people.entity)
                     for n in people.name.replace(" and ", ", ").split(", ")]
            joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            return f"{strip_name(self.doc[left:head.i + 1].text)} {tie.text} {joined}"
        return None

    def _noun_phrase(self, head: Token) -> Source:
        """A source named by a noun phrase: by its name, or, for a role ("the candidate"), the person it is;
        several together are one source, each named ("Ana Ruiz, Ivo Tan and the port board")."""
        named = named_beside(head)
        if named is not None:  # "Republican hopefuls Ana Ruiz and Ivo Tan say": a second subject the parser made
            head = named
        joined = conjuncts(head)
        before = name_before_and(head)
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
        name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        kinds = {p.kind for p in parts}
        return Source(name, kinds.pop() if len(kinds) == 1 else "organization" if "organization" in kinds
                      else "unnamed", None, parts[0].role)

    def _conjunct(self, tok: Token) -> Source:
        """One of several: named as the report names it, or as written ("her campaign", "other Republicans")."""
        if tok.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return Source(strip_name(self.doc[tok.left_edge.i:tok.i + 1].text), "unnamed")
        source = self._one_noun_phrase(tok)
        if source.entity is not None and source.kind == "organization" and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children
        ) and not source.name.lower().startswith("the "):
            source.name = f"the {source.name}"  # "Ana Ruiz and the Port Board"
        return source

    def _one_noun_phrase(self, head: Token) -> Source:
        polled = self._polled(head)
        if polled is not None:
            return polled
        if head.dep_ == "attr" and head.head.lemma_ == "be" and head.pos_ == "NOUN":
            subject = next((c for c in head.head.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"), None)
            if subject is not None:  # "Ana Ruiz was the first candidate to say …"
                return self._named(subject)
        issued = self._document(head)
        if issued is not None:
            return issued
        owned = self._owned(head)
        if owned is not None:
            return owned
        source = self._named(head)
        if source.entity is None and source.kind in {"organization", "unnamed"} and is_bare_body(head, KIND_NOUNS):
            body = self._body_before(head)
            if body is not None:  # "the Kestrel Fund, a watchdog group, … The group said": the Kestrel Fund
                return Source(body.name, "organization", None, source.role or source.name, body.key)
            named = self._named_kin_before(head)
            if named is not None:  # "the Harbour Courier fact-check team … the team ruled"
                return Source(named.name, "organization", None, source.role or source.name, named.entity)
        group = next((e for e in self.entities if e.key == source.entity and e.type == "NORP"), None)
        if (source.entity is None or group is not None and head.tag_ in {"NN", "NNP"}) and is_role_phrase(head):
            # "the Wisconsin Republican" is one person, not the party
            person = self._role_person(head)
            if person is not None:  # and the report has now called them that ("the senator" later on)
                self._person_roles()[person.key].add([head], [t for t in head.lefts if t.dep_ in ROLE_MODIFIERS])
                return Source(person.name, "person", None, source.role or source.name, person.key)
        return source

    def _document(self, head: Token) -> Source | None:
        """Who speaks through a statement or a document: its issuer or author, as the phrase says ("Ana
        Ruiz's statement", "a letter from the port board", "a statement issued by the campaign", "a Harbour
        Post story"), or the one who issued, released or wrote it ("Ana Ruiz issued a statement saying …");
        "the statement" with none of its own is the last such document's. A poll or survey speaks itself, by
        the names it is given ("a new poll from X" and "the latest X opinion poll" are "X poll")."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or lemma not in STATEMENT_NOUNS:
            return None
        if lemma in POLLS:
            name = self._poll_name(head)
            if name is None and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children) and not any(
                    t.ent_type_ == "DATE" for t in head.lefts):  # "a June poll" is not the one named next
                name = self._poll_named_next(head)  # "A new poll shows … The latest X poll, taken …"
            if name is None and any(c.dep_ == "det" for c in head.children):
                name = next((n for t in self._earlier_kin(head, POLLS)
                             if (n := self._poll_name(t) or self._poll_named_next(t, head))), None)
            return Source(name, "organization", None, lemma) if name else None
        issuer = self._issuer(head)
        indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)
        if issuer is None and lemma in STUDIES and indefinite:
            issuer = self._named_next(head, STUDIES, self._issuer)  # "A new study shows … The study, by X, …"
        if issuer is None and any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in head.children):
            kin = next((DOCUMENT_KIN[k] for k in DOCUMENT_KIN if lemma in DOCUMENT_KIN[k]), {lemma})
            issuer = next((found for t in self._earlier_kin(head, kin) if (found := self._issuer(t))), None)
        if issuer is None:
            return None
        return Source(issuer.name, issuer.kind, None, strip_name(self.doc[head.left_edge.i:head.i + 1].text), issuer.entity)

    def _issuer(self, doc_head: Token) -> Source | None:
        """The issuer or author a document phrase names, or the subject of the verb that issued it."""
        for c in doc_head.children:
            found = None
            if c.dep_ == "poss":
                found = self._who(c)
            elif c.dep_ == "prep" and c.lower_ in {"from", "by"}:
                by = next((g for g in c.children if g.dep_ == "pobj"), None)
                found = None if by is None else self._who(by) or self._authors_at(by)
            elif c.dep_ == "acl" and c.lemma_.lower() in ISSUING:
                agent = next((g for g in c.children if g.dep_ == "agent"), None)
                found = next((self._who(g) for g in (agent.children if agent else ()) if g.dep_ == "pobj"), None)
            elif (c.dep_ in {"compound", "nmod"} and c.i < doc_head.i and c.ent_type_ in {"ORG", "PERSON"}
                  and not any(t.text in {"(", ")"} for t in self.doc[c.left_edge.i:doc_head.i])):
                found = self._who(c)  # "a Harbour Post story", not "the Vox Populi (Voice of the People) column"
            if found is not None:
                return found
        verb = doc_head.head
        if doc_head.dep_ in {"dobj", "obj"} and verb.lemma_.lower() in ISSUING:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return self._who(subject)
        return None

    def _authors_at(self, tok: Token) -> Source | None:
        """"researchers at the Veyra Institute", "economists from Lenport University": the body they work at
        speaks for the document they wrote; None for any other phrase."""
        if tok.lemma_.lower() not in AUTHORS | {"scientist", "economist", "academic", "scholar"}:
            return None
        return next((self._who(g) for c in tok.children if c.dep_ == "prep" and c.lower_ in {"at", "from", "of"}
                     for g in c.children if g.dep_ == "pobj"), None)

    def _who(self, tok: Token) -> Source | None:
        """A named person or organisation a word stands for, or None."""
        lower = tok.lower_
        if tok.pos_ == "PRON":
            found = (self._person_antecedent(tok.idx, tok, GENDERS.get(lower)) if lower in PERSON_PRONOUNS
                     else self._antecedent(lower, tok.idx))
        else:
            found = self._noun_phrase(tok)
        named_in = any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
                       for t in self.doc[tok.left_edge.i:tok.i + 1])  # "the Ruiz campaign"
        if found is None or not (found.kind in {"person", "organization"} and (
                found.entity or "'s " in found.name or " and " in found.name or named_in)
                or found.kind == "unnamed" and named_in):  # "Ruiz supporters"
            return None
        return found

    def _earlier_kin(self, head: Token, kin: set[str]) -> list[Token]:
        """Earlier words of the same kind ("the story" after "a report by …"), in this paragraph and the three
        before, nearest first."""
        start = paragraph_start(self.doc, head.i, back=3)
        return [t for t in reversed(self.doc[:head.i]) if t.idx >= start and t.pos_ == "NOUN"
                and t.lemma_.lower() in kin and self.quotes.at(t.idx) is None]

    def _poll_named_next(self, head: Token, before: Token | None = None) -> str | None:
        """A poll a lead brings in unnamed ("A new poll shows Ana Ruiz ahead") is the one the report names
        when it next speaks of a poll, in the three sentences after ("The latest Harbour Post poll was taken
        …"), unless that one is marked as another ("an earlier poll", "another survey"); None when none of
        those sentences names one. ``before``: look no further than that word (a later "the poll")."""
        return self._named_next(head, POLLS, self._poll_name, before)

    def _named_next(self, head: Token, kin: set[str], namer, before: Token | None = None):
        """What ``namer`` gives for the next word of ``kin`` in the three sentences after ``head`` that it
        names, unless one marked as another comes first (``_poll_named_next``)."""
        sent = head.sent
        end = sent.end
        for _ in range(3):
            if end >= len(self.doc):
                break
            end = self.doc[end].sent.end
        if before is not None:
            end = min(end, before.i)
        for t in self.doc[head.i + 1:end]:
            if t.pos_ not in {"NOUN", "PROPN"} or t.lemma_.lower() not in kin or self.quotes.at(t.idx) is not None:
                continue
            if any(m.lower_ in {"another", "earlier", "previous", "other", "last", "prior"} for m in t.lefts):
                return None
            name = namer(t)
            if name is not None:
                return name
        return None

    def _pollster(self, head: Token) -> Token | None:
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

    def _polled(self, head: Token) -> Source | None:
        """A share of those polled ("Seventy-two percent", "Another 19 percent of voters", "about two-thirds")
        speaks through the poll that asked them: the last poll or survey the report names, in this paragraph
        or the three before; None where there is none."""
        share = head.ent_type_ in {"PERCENT", "CARDINAL"} or head.lemma_.lower() in {"percent", "%", "third",
                                                                                     "two-thirds", "half", "quarter"}
        if not share or head.pos_ not in {"NOUN", "NUM", "PROPN", "SYM"}:
            return None
        name = next((n for t in self._earlier_kin(head, POLLS) if (n := self._poll_name(t))), None)
        if name is None:
            return None
        return Source(name, "organization", None, strip_name(self.doc[head.left_edge.i:head.i + 1].text))

    def _poll_name(self, head: Token) -> str | None:
        """'X poll' for "a poll from X", "the latest X opinion poll", "an X poll"; None for "a new poll"."""
        proper = [t for t in self.doc[head.left_edge.i:head.i] if (t.pos_ == "PROPN" or t.ent_type_ == "ORG")
                  and t.dep_ not in {"det", "poss"} and t.ent_type_ not in {"DATE", "TIME"}]  # not "Monday's"
        if proper:
            words = self.doc[proper[0].i:proper[-1].i + 1].text
        else:
            source = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}
                           for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if source is not None:
                first = source.left_edge.i + (source.doc[source.left_edge.i].dep_ == "det")  # "from the Harbour Post"
                words = strip_name(self.doc[first:source.right_edge.i + 1].text)
            else:
                pollster = self._pollster(head)
                if pollster is None:
                    return None
                words = " and ".join(self._proper_run(t) for t in (pollster, *(
                    c for c in pollster.children if c.dep_ == "conj" and c.pos_ == "PROPN")))
        return f"{words.strip()} {head.lemma_.lower()}"  # (a no-break space the stripping above leaves)

    def _proper_run(self, tok: Token) -> str:
        """The proper nouns ending at ``tok``: "Edison Research" of "Edison Research for the networks",
        "Elena Sadovskaya" of "independent analyst Elena Sadovskaya"; the whole entity that holds it ("the
        Veyra Institute of Policy")."""
        ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return strip_name(ent[ent[0].lower_ == "the":].text)
        first = tok.i
        while first > 0 and self.doc[first - 1].pos_ == "PROPN":
            first -= 1
        return self.doc[first:tok.i + 1].text.strip()

    def _owned(self, head: Token) -> Source | None:
        """A group or body named after its owner: "his campaign" -> "Ana Ruiz's campaign", "Her advisers" ->
        "Ana Ruiz's advisers", "Presidential candidate Ana Ruiz's campaign" -> "Ana Ruiz's campaign" (the
        owner by the fullest name, without titles). Not a statement or a document (whose owner speaks)."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if head.lemma_.lower() in AUTHORS and owner is not None and owner.lower_ == "its":
            owner = next(iter(self._earlier_kin(head, STUDIES)), owner)  # "A study by X … Its authors say"
        if head.lemma_.lower() in AUTHORS and owner is not None and owner.pos_ == "NOUN":
            issuer = self._document(owner)  # "the study's authors": whoever the report says wrote the study
            if issuer is not None:
                return Source(issuer.name, issuer.kind, None, strip_name(self.doc[owner.left_edge.i:head.i + 1].text),
                              issuer.entity)
        if (head.pos_ != "NOUN" or owner is None or head.lemma_.lower() in STATEMENT_NOUNS
                or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)):
            return None  # "her spokesman, Ivo Tan," is Ivo Tan
        lower = owner.lower_
        if owner.pos_ == "PRON":
            found = (self._person_antecedent(owner.idx, owner, GENDERS.get(lower)) if lower in PERSON_PRONOUNS
                     else self._antecedent(lower, owner.idx))
        elif owner.pos_ == "PROPN":
            found = self._named(owner)
        else:
            return None
        if found is None or found.entity is None or found.kind not in {"person", "organization"}:
            return None
        name = self._fullest(found.name, found.entity) if found.kind == "person" else found.name
        right = name_tokens(head, self._floor(head))[1]
        rest = strip_name(self.doc[owner.right_edge.i + 1:right].text)
        if not rest:
            return None
        kind: SourceKind = "organization" if head.lemma_.lower() in ORG_HEADS else "unnamed"
        return Source(f"{name}'s {rest}", kind, None, appositive_role(head))

    def _fullest(self, name: str, key: str | None = None) -> str:
        """A one-word name as the report gives it in full elsewhere ("Clinton" -> "Hillary Clinton"), when
        just one person's full name ends with it, or just one of the gender the report gives the one-word
        name ("Mrs. Clinton" is not Bill Clinton)."""
        if " " in name:
            return name
        full = {e.key: e.name for e in self.entities if e.type == "PERSON" and e.name.endswith(f" {name}")}
        gender = self._gender(key) if key and self._ready else None
        if len(full) > 1 and gender:
            full = {k: n for k, n in full.items() if self._gender(k) in {None, gender}}
        return next(iter(full.values())) if len(set(full.values())) == 1 else name

    def _person_roles(self) -> dict[str, PersonRoles]:
        """Each person's roles as the report gives them: the titles before the name ("Republican presidential
        candidate Ana Ruiz", "Sen. Ruiz") and appositions ("Ana Ruiz, a retired surgeon," / "the port director,
        Ana Ruiz,"), as role nouns and all their words; and where the report names them (outside quotes)."""
        if self._roles is not None:
            return self._roles
        doc, roles = self.doc, {}
        for ent in self.entities:
            if ent.type != "PERSON":
                continue
            found = PersonRoles(ent)
            for s, e in ent.spans:
                span = doc.char_span(s, e, alignment_mode="expand")
                if self.quotes.at(s) is not None or span is None:
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
                    if c.dep_ == "appos" and c.i >= span.end and c.pos_ in {"NOUN", "ADJ"}:
                        found.add([c, *(g for g in c.children if g.dep_ == "conj" and g.pos_ == "NOUN")],
                                  doc[c.left_edge.i:c.right_edge.i + 1])
                    elif c.dep_ == "prep" and c.i >= span.end and c.lower_ in {"of", "from"}:
                        found.add([], doc[c.i:c.right_edge.i + 1])  # "Sen. Ana Ruiz of Veyra"
                if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN":
                    found.add([root.head], doc[root.head.left_edge.i:root.head.i + 1])
            roles[ent.key] = found
        self._roles = roles
        return roles

    def _role_person(self, head: Token) -> Entity | None:
        """The person a role phrase is. One the report gives that role and names in this paragraph or the one
        before (the more of the phrase's words its roles share, the likelier; then the last named); else the
        salient person of those paragraphs (a subject or a source) when the role names someone the report is
        about ("the candidate", "the senator") and they hold no other office; else one given that role
        anywhere; else, in a headline, the person the report names most. Never the subject of a clause that
        holds it ("Ana Ruiz answered after the mayor said …" is two people; one would have been "she"), nor one
        of the other party or placed elsewhere."""
        role = role_word(head)
        also = [t for t in head.children if t.dep_ == "conj" and t.pos_ == "NOUN"]  # "the former senator and nominee"
        roles = {role, *(role_word(t) for t in also)}
        modifiers = [t for t in (*head.lefts, *(m for t in also for m in t.lefts)) if t.dep_ in ROLE_MODIFIERS]
        words = role_words(modifiers)
        of = [g for c in head.rights if c.dep_ == "prep" and c.lower_ in {"from", "of"} for g in c.subtree]
        places = {role_word(t) for t in (*modifiers, *of) if t.ent_type_ in {"GPE", "LOC"} or t.ent_type_ == "NORP"
                  and role_word(t) not in PARTIES}  # "the Vermont senator": not one the report places elsewhere
        sent_start = max(head.sent.start_char, doc_text(self.doc).rfind("\n", 0, head.idx) + 1)
        named = {ent.name.split()[-1] for ent, s in self._people_at(sent_start, head.idx)
                 if self._subject_over(s, head)}
        edge = head.right_edge  # "the activist who backs Ana Ruiz" is not Ana Ruiz: no one named inside the phrase
        inside = {ent.key for ent, _ in self._people_at(head.left_edge.idx, edge.idx + len(edge))}
        people = [r for r in self._person_roles().values() if r.starts and r.entity.name.split()[-1] not in named
                  and r.entity.key not in inside
                  and not other_party(words, r.parties) and (places <= r.words or not r.places)]
        matched = [r for r in people if roles & r.heads]
        if not matched and not roles & ROLE_NOUNS:
            return None
        kin = self._leader_by_words(head, people) if not matched and roles & LEADS else None
        if any(c.dep_ == "poss" for c in head.children):  # "the state's party leader": one who holds it, or no one
            one = len({r.entity.key for r in matched}) == 1 and self._role_said_once(head)
            return matched[0].entity if one else kin
        fitting = [r for r in people if roles & r.heads or roles & PERSON_ROLES and not (
            roles & OFFICES and r.heads & OFFICES)]
        recent = paragraph_start(self.doc, head.i, back=1)
        near = [r for r in matched if any(recent <= s < head.idx for s in r.starts)]
        if near:
            return max(near, key=lambda r: (len(words & r.words), max(s for s in r.starts if s < head.idx))).entity
        if kin is not None:
            return kin
        if not matched and not roles & PERSON_ROLES:
            last = self._last_speaker(head)
            if last is not None and last.key in {r.entity.key for r in people}:
                return last
        found = self._person_antecedent(head.idx, allowed={r.entity.key for r in fitting})
        if found is not None and found.span is not None and found.span[0] >= recent:
            return next(r.entity for r in fitting if r.entity.key == found.entity)
        if matched:
            return max(matched, key=lambda r: (len(words & r.words), any(s < head.idx for s in r.starts),
                                               -min(r.starts))).entity
        if roles & PERSON_ROLES and people and all(min(r.starts) > head.idx for r in people):
            return max(people, key=lambda r: (len(r.starts), -min(r.starts))).entity  # a headline's "candidate says"
        return None

    def _role_said_once(self, head: Token) -> bool:
        """Whether the report gives the phrase's role noun to one person at most outside the phrase itself (a
        repeat of the same words aside): "Jane Ode, a spokeswoman for X, and Lisa Carr, a spokeswoman for Y"
        leaves "the company's spokeswoman" open, even where the parse ties only one of them to the role."""
        role, words = role_word(head), self.doc[head.left_edge.i:head.i + 1].text.lower()
        others = [t for t in self.doc if t.i != head.i and t.pos_ in {"NOUN", "PROPN"} and role_word(t) == role
                  and self.quotes.at(t.idx) is None and self.doc[t.left_edge.i:t.i + 1].text.lower() != words]
        return len(others) <= 1

    def _last_speaker(self, head: Token) -> Entity | None:
        """Whom a role phrase opening its sentence continues ("…," Ana Ruiz, a port board member, told the
        Courier. / The veteran activist warned …"): the one person who spoke or was the subject in the sentence
        just before; None when the report used that role noun before for someone it did not name ("an aide …
        the aide"), or that sentence had two."""
        sent = head.sent
        if head.left_edge.i != sent.start or any(
                t.lemma_.lower() == head.lemma_.lower() and t.tag_ == "NN" and t.dep_ != "compound"
                and self.quotes.at(t.idx) is None
                for t in self.doc[:head.i]):
            return None
        before = sent.start - 1
        while before > 0 and self.doc[before].is_space:
            before -= 1
        if before < 0:
            return None
        previous = self.doc[before].sent
        keys = {source.entity for at, kind, _, source in self._cands
                if kind == "person" and at in self._salient and previous.start_char <= at < previous.end_char}
        if len(keys) != 1 or None in keys:
            return None
        roles = self._person_roles().get(next(iter(keys)))
        if roles is None or not described_words(head, proper=True) <= roles.words:
            return None  # "The deputy head of China's delegation" is no one the report has not tied to China
        return roles.entity

    def _leader_by_words(self, head: Token, people: list[PersonRoles]) -> Entity | None:
        """The one person who leads a body by another word than the phrase's ("the head of the rules
        committee" → "Rules Committee Chairman Ivo Tan") and whom the report describes by more of the
        phrase's own words than anyone else, before or after it; None when no word is shared or two share
        as many."""
        described = described_words(head)
        scored = sorted(((len(described & r.words), r.entity.key, r.entity) for r in people
                         if r.heads & LEADS and described & r.words), key=lambda x: -x[0])
        if not scored or len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None
        return scored[0][2]

    def _body_before(self, head: Token) -> Entity | None:
        """The one organisation named in this paragraph or the three before whose name ends in the phrase's
        noun ("the Lenport Dockers Union" ← "the union") or that the report calls that in apposition ("the
        Kestrel Fund, a watchdog group," ← "the group"), carrying the phrase's other words; None when two
        fit, when another organisation was named since, or when the noun came back since without a name
        (an unnamed body of that kind is the one meant)."""
        lemma = head.lemma_.lower()
        words = {t.lower_ for t in head.lefts if t.dep_ in {"amod", "compound"}}
        start = paragraph_start(self.doc, head.i, back=3)
        fits = {}
        for s, e, ent in self._ent_spans:
            if not start <= s < head.idx or ent.type != "ORG" or ent.key in fits:
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            kinds = [t for t in (root, *(c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"),
                                 *([root.head] if root.dep_ == "appos" and root.head.pos_ == "NOUN" else []))
                     if t.lemma_.lower() == lemma]
            if any(words <= {w.lower_ for w in t.subtree} | {w.lower() for w in ent.name.split()} for t in kinds):
                fits[ent.key] = ent
        last = next(((s, e, ent) for s, e, ent in reversed(self._ent_spans) if s < head.idx and ent.type == "ORG"), None)
        if not fits:
            last = self._body_of_kind(head, start)
            if last is not None:  # "Lenport Mutual … the company": the last one named, of a fitting kind
                fits[last[2].key] = last[2]
        if len(fits) != 1 or last is None or last[2].key not in fits:
            return None  # "Alphabet, Google's parent company … the oil giant Exxon Mobil. The company": not Alphabet
        after = self.doc.char_span(last[0], last[1], alignment_mode="expand")
        if after is None or any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.dep_ != "compound"
                                and t.head not in after and not is_bare_body(t, KIND_NOUNS)
                                for t in self.doc[after.end:head.i]):
            return None  # "… the trade group for the insurers. The group wrote": that group, unnamed
        return last[2]

    def _body_of_kind(self, head: Token, start: int) -> tuple[int, int, Entity] | None:
        """The organisation named last before ``head`` (from ``start``) when its name fits the phrase's kind
        and it was a subject or source, or is named twice; a paper or an agency, whose names say so, past
        organisations of other kinds ("the Lenport Courier says the Dockers Union … the newspaper")."""
        skip = head.lemma_.lower() in PAPERS | AGENCIES
        for s, e, ent in reversed(self._ent_spans):
            if s >= head.idx or ent.type != "ORG":
                continue
            if s < start:
                return None
            if not self._fits_kind(head, ent):
                if skip:
                    continue
                return None
            salient = any(source.entity == ent.key for at, _, _, source in self._cands if at < head.idx) or sum(
                1 for s2, _, other in self._ent_spans if other.key == ent.key and s2 < head.idx) > 1
            return (s, e, ent) if salient else None
        return None

    def _named_kin_before(self, head: Token) -> Source | None:
        """"the team" after "the Harbour Courier fact-check team", "the administration" after "the Ruiz
        administration": the body the report named earlier by the same noun with a name in it, in this
        paragraph or the three before; None when it named two such bodies there, or none."""
        lemma = head.lemma_.lower()
        if lemma in STATEMENT_NOUNS | {"paper"}:
            return None  # a document: "a Facebook post … the post", "a white paper … the paper"
        start = paragraph_start(self.doc, head.i, back=3)
        found: dict[str, Source] = {}
        for t in self.doc[:head.i]:
            if t.idx < start or t.pos_ != "NOUN" or t.lemma_.lower() != lemma or self.quotes.at(t.idx) is not None:
                continue
            if not any(c.dep_ in {"compound", "poss", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_ in {
                    "ORG", "PERSON", "NORP"}) for c in t.children):
                continue
            named = self._one_noun_phrase(t)
            if named.kind == "organization" and named.name.lower() != lemma:
                found.setdefault(named.name, named)
        return next(iter(found.values())) if len(found) == 1 else None

    def _fits_kind(self, head: Token, body: Entity) -> bool:
        """Whether "the <noun>" may refer back to ``body`` by its kind (``body_kinds``): "the think tank" and
        "the newspaper" as written, their other nouns in the body's name ("the news outlet"). Asked of the
        organisation named last, and only when it was a subject or a source before (one the report merely
        mentions, an event or a product tagged as an organisation, is seldom what the noun takes up)."""
        lemma = head.lemma_.lower()
        compounds = [t.lower_ for t in head.lefts if t.dep_ == "compound"]
        if lemma == "tank":
            if compounds != ["think"]:
                return False
            lemma, compounds = "tank", []
        return fits_kind(lemma, body.name) and set(compounds) <= name_words(body.name)

    def _subject_over(self, start: int, head: Token) -> bool:
        """Whether the name at ``start`` is (part of) the subject of a clause that holds ``head`` ("Ana Ruiz
        answered after the mayor said …") or of what ``head`` says ("Ana Ruiz is wrong, the mayor said"), not
        of an aside ("In the town where Ana Ruiz grew up, the mayor said …")."""
        tok = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if tok is None:
            return False
        t = tok.root
        while t.dep_ in {"compound", "flat", "appos", "poss"} and t.head != t:
            t = t.head
        if t.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        verb = t.head
        if verb in head.ancestors:
            return True
        while verb.head != verb and verb.head != head.head:  # or of what it says: "Ana Ruiz is wrong, the mayor said"
            verb = verb.head
        return verb.head == head.head and verb.dep_ in {"ccomp", "parataxis"}

    def _people_at(self, start: int, end: int) -> list[tuple[Entity, int]]:
        """The persons named in [start, end), with where."""
        i = bisect_right(self._ent_starts, start - 1)
        found = []
        while i < len(self._ent_spans) and self._ent_spans[i][0] < end:
            s, _, ent = self._ent_spans[i]
            if ent.type == "PERSON":
                found.append((ent, s))
            i += 1
        return found

    def _floor(self, head: Token) -> int:
        """Where a source phrase may start: after the dateline when the head follows it."""
        return self.dateline[1] if head.idx >= self.dateline[1] else 0

    def remember(self, source: Source, head: Token) -> None:
        """Record a resolved source as an antecedent for later pronouns."""
        if source.span is None or source.kind == "unnamed" and head.tag_ != "NNS":
            return
        plural = head.tag_ in {"NNS", "NNPS"}
        pos = source.span[0]
        self._salient.add(pos)
        self._heads[pos] = head
        i = bisect_right(self._cand_pos, pos)
        self._cands.insert(i, (pos, source.kind, plural, source))
        self._cand_pos.insert(i, pos)

    def _person_antecedent(self, pos: int, pronoun: Token | None = None, gender: str | None = None,
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
                gender and source.entity and self._gender(source.entity) not in {None, gender})

        if pronoun is not None:
            found = self._cataphor(pronoun, fits)
            if found is not None:
                return found
        i = bisect_right(self._cand_pos, pos - 1) - 1
        seen: list[tuple[int, int, Source]] = []  # (sentence start, rank, source), nearest first
        for _ in range(LOOK_BACK):
            if i < 0:
                break
            at, kind, _, source = self._cands[i]
            i -= 1
            if kind == "person" and source.entity is not None and fits(source):  # not a guess ("Win or not,")
                tok = self._token_at(at)
                seen.append((tok.sent.start, self._rank(tok), source))
        here = self.doc[self._token_at(pos).i].sent
        before = here.start - 1
        while before > 0 and self.doc[before].is_space:
            before -= 1
        previous = self.doc[before].sent.start if before >= 0 else -1
        for sent in {self.doc[previous].sent, here} if previous >= 0 else {here}:
            verbs = [sent.root, *(c for c in sent.root.children if c.dep_ in {"ccomp", "conj", "parataxis"})]
            for subject in (c for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass"} and c.idx < pos):
                if is_role_phrase(subject) and subject.idx not in self._heads and self.quotes.at(subject.idx) is None:
                    person = self._noun_phrase(subject)  # "… the admiral chuckled. “…,” he said"
                    if person.kind == "person" and person.entity is not None and fits(person):
                        person.span = (subject.idx, subject.idx + len(subject))
                        self._heads[subject.idx] = subject
                        seen.append((sent.start, 0, person))
        seen.sort(key=lambda c: -(c[2].span[0] if c[2].span else 0))
        if not seen:
            return None
        if pronoun is not None:
            for start, rank, source in seen:
                tok = self._token_at(source.span[0]) if source.span else None
                if start == here.start and tok is not None and rank < 2 and holds(self._verb(tok), pronoun):
                    beside = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
                    other = self._named(beside) if beside is not None else None
                    if other is not None and other.entity not in {None, source.entity} and fits(other):
                        return other  # "On the topic of Mr. Bo, Ana Ruiz was asked why she …": two people
                    return source
            for verb in pronoun.ancestors:  # "He visited Ana Ruiz, where he also met …": whom the first "he" is
                first = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i
                              and c.lower_ in GENDERS and (gender is None or GENDERS[c.lower_] == gender)), None)
                if first is not None:
                    found = self._person_antecedent(first.idx, first, gender, allowed)
                    if found is not None:
                        return found
                    break
        for start in sorted({start for start, _, _ in seen}, reverse=True):
            in_sentence = [(rank, source) for st, rank, source in seen if st == start]  # nearest first
            def order(r: tuple[int, Source]) -> tuple[bool, int]:  # for "she", a woman the report says is one
                return gender == "f" and self._gender(r[1].entity or "") != gender, r[0]  # first; then by rank

            if start == here.start:  # a subject, else a possessor: "Ana Ruiz's vote, which she called …"
                fitting = [(rank, source) for rank, source in in_sentence if rank < 2 or (
                    self._possessor_over(source, pronoun) if pronoun is not None  # a role phrase: "In Ana Ruiz's
                    else self._token_at(source.span[0]).dep_ == "poss")]  # column, the senator says …"
                if fitting:
                    return min(fitting, key=order)[1]  # min keeps the nearest of equal rank
                continue
            salient = sorted(((rank, source) for rank, source in in_sentence if rank < 2), key=order)
            if salient and start == previous:
                aside = self._aside_speaker(salient, pronoun)
                return aside if aside is not None else salient[0][1]
            salient = [source for _, source in salient]
            if salient:
                return salient[0]
        return seen[0][2]

    def _aside_speaker(self, salient: list[tuple[int, Source]], pronoun: Token | None) -> Source | None:
        """"Ruiz, Tan said, has broken the port. “She lied,” he said.": a "he said" after a sentence whose
        speaker stands in a set-off "X said" is that speaker, not the subject of what they said; None
        where the pronoun speaks no cue of saying or the sentence before has no such speaker, or two."""
        if pronoun is None or not pronoun.dep_.startswith("nsubj") or \
                load_cues().words.get(pronoun.head.lemma_.lower()) not in SAYING_CLASSES:
            return None
        asides = [source for rank, source in salient if rank == 1 and source.span is not None
                  and (tok := self._token_at(source.span[0])).dep_ == "nsubj" and tok.head.dep_ == "parataxis"
                  and load_cues().words.get(tok.head.lemma_.lower()) in SAYING_CLASSES]
        return asides[0] if len({a.entity for a in asides}) == 1 else None

    def _token_at(self, at: int) -> Token:
        """The root of the name (or pronoun) starting at ``at``."""
        if at in self._heads:
            return self._heads[at]
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        tok = span[0] if span is not None and len(span) else self.doc[0]
        while tok.dep_ in {"compound", "flat"} and tok.head != tok and tok.head.i > tok.i and (
                tok.head.pos_ == "PROPN" or tok.ent_type_ == tok.head.ent_type_ == "PERSON"):
            tok = tok.head  # "Ana Ruiz", not the "Ruiz campaign"; a surname tagged an adjective is still the name
        return tok

    def _possessor_over(self, source: Source, pronoun: Token) -> bool:
        """A possessor of a phrase that holds the pronoun or is the subject of a clause that does: "Ana Ruiz's
        vote, which she called …", "One of Ana Ruiz's speeches came when she …"."""
        if source.span is None:
            return False
        tok = self._token_at(source.span[0])
        if tok.dep_ != "poss":
            return False
        owned = tok.head
        while owned.dep_ in {"pobj", "prep"} and owned.head != owned:
            owned = owned.head
        return owned in pronoun.ancestors or owned.dep_ in {"nsubj", "nsubjpass"} and owned.head in pronoun.ancestors

    @staticmethod
    def _verb(tok: Token) -> Token:
        while tok.dep_ == "appos" and tok.head != tok and tok.head.pos_ == "NOUN":
            tok = tok.head
        return tok.head

    def _rank(self, tok: Token) -> int:
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
        if tok.dep_ not in {"nsubj", "nsubjpass"} and tok.idx not in self._salient:
            return 2
        verb = tok.head
        root = tok.sent.root
        main = verb == root or verb.dep_ == "conj" and verb.head == root
        return 0 if tok.dep_ in {"nsubj", "nsubjpass"} and main else 1

    def _cataphor(self, pronoun: Token, fits) -> Source | None:
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
        found = self._named(subject)
        return found if found.entity is not None and fits(found) else None

    def _gender(self, key: str) -> str | None:
        """'m' or 'f' where the report says so: a title (Mr., Mrs., Ms.), a gendered role (spokeswoman, wife),
        a given name nearly always a woman's or a man's (``given_names``), or the pronoun it takes up as
        subject in a clause the person is the subject of ("Ana Ruiz said she …"); else None."""
        if self._genders is None:
            self._genders = self._read_genders()
        return self._genders.get(key)

    def _read_genders(self) -> dict[str, str]:
        votes: dict[str, list[int]] = {}
        for key, roles in self._person_roles().items():
            for word in roles.raw | {r.lower().rstrip(".") for r in roles.entity.roles if " " not in r}:
                if word in GENDERED:
                    votes.setdefault(key, [0, 0])[GENDERED[word] == "f"] += 3
            given = roles.entity.name.split()[0].lower() if " " in roles.entity.name else ""
            if given in FEMALE or given in MALE:
                votes.setdefault(key, [0, 0])[given in FEMALE] += 2
        for ent, at in self._people_at(0, len(doc_text(self.doc))):  # "Ana Ruiz said she …", "… defended himself"
            tok = self._token_at(at)
            while tok.dep_ == "appos" and tok.head != tok and tok.head.pos_ == "NOUN":
                tok = tok.head
            if tok.dep_ not in {"nsubj", "nsubjpass"} or self.quotes.at(at) is not None:
                continue
            verb = tok.head
            for other in verb.subtree:
                lower = other.lower_
                if other.i > tok.i and lower in GENDERS and self.quotes.at(other.idx) is None and (
                        other.dep_ in {"nsubj", "nsubjpass"} and other.head.head == verb
                        and other.head.dep_ in {"ccomp", "conj", "advcl"}
                        or lower.endswith("self") and other.head == verb):
                    if all(e.key == ent.key for e, _ in self._people_at(at, other.idx)):  # no one else between
                        votes.setdefault(ent.key, [0, 0])[GENDERS[lower] == "f"] += 1
                    break
        return {key: "m" if m > f else "f" for key, (m, f) in votes.items() if m != f}

    def _plural_antecedent(self, pronoun: Token) -> Source | None:
        """Who "they" is: the subject of a clause that holds it ("the dockers said they …"), or whom an
        earlier "they" of such a clause is; else the main clause's subject of the sentence before when it
        is a group ("Ana Ruiz's advisers conceded … But they were hoping …, they argued"); else the
        nearest group or organisation before."""
        pos = pronoun.idx
        here = pronoun.sent
        i = bisect_right(self._cand_pos, pos - 1) - 1
        seen = []
        for _ in range(LOOK_BACK):
            if i < 0:
                break
            at, kind, plural, source = self._cands[i]
            i -= 1
            if (plural or kind == "organization" or " and " in source.name) and self._may_be_they(at, kind):
                seen.append((self._token_at(at), source))
        for tok, source in seen:
            if tok.sent.start == here.start and tok.dep_ in {"nsubj", "nsubjpass"} and holds(tok.head, pronoun):
                return source
        for verb in pronoun.ancestors:
            first = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i
                          and c.lower_ in PLURAL_PRONOUNS), None)
            if first is not None:
                return self._plural_antecedent(first)
        before = here.start - 1
        while before > 0 and self.doc[before].is_space:
            before -= 1
        if before >= 0:
            previous = self.doc[before].sent
            mains = [(source.span is None or source.span[0] not in self._salient, n) for n, (tok, source)
                     in enumerate(seen) if tok.sent.start == previous.start and self._rank(tok) == 0]
            main = seen[min(mains)[1]][1] if mains else None  # a speaker first, then the nearest
            if main is not None:
                return main
        return self._antecedent(pronoun.lower_, pos)

    def _may_be_they(self, at: int, kind: str) -> bool:
        """Whether the candidate at ``at`` may be who a speaking "they" is: people or a body, not the results,
        wages or efforts a report names on the way (``animacy``)."""
        return kind != "unnamed" or can_speak_as_they(self._token_at(at))

    def _antecedent(self, pronoun: str, pos: int, allowed: set[str] | None = None) -> Source | None:
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
        i = bisect_right(self._cand_pos, pos - 1) - 1
        nearest = None
        for _ in range(LOOK_BACK):
            if i < 0:
                break
            at, kind, plural, source = self._cands[i]
            if fits(kind, plural) and (allowed is None or source.entity in allowed) and (
                    pronoun not in PLURAL_PRONOUNS or self._may_be_they(at, kind)):
                if kind != "person" or at in self._salient:
                    return source
                nearest = nearest or source
            i -= 1
        return nearest

    def _entity_at(self, start: int, end: int, reach: int = 0) -> Entity | None:
        """The entity with an occurrence inside [start, end) that reaches ``reach`` (the head), nearest
        the end: "the Lenport Guild" is not the "Lenport" of "Lenport's Guild"."""
        i = bisect_right(self._ent_starts, end - 1) - 1
        while i >= 0 and self._ent_spans[i][0] >= start:
            s, e, ent = self._ent_spans[i]
            if e <= end:
                return ent if e >= reach else None
            i -= 1
        return None

    def _entity_covering(self, head: Token) -> Entity | None:
        """The entity with an occurrence holding the whole head word: "Ministry" in "the Ministry of
        Transport and Maritime Affairs", "Fire" in "the Veyra Fire and Rescue Service"."""
        i = bisect_right(self._ent_starts, head.idx) - 1
        if i >= 0 and self._ent_spans[i][1] >= head.idx + len(head):
            return self._ent_spans[i][2]
        return None

    def _named(self, head: Token) -> Source:
        """A source named by a noun phrase (not a pronoun); "the engineer Ana Ruiz" is named by its
        apposition, with the common noun as role."""
        appos = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and (
            c.i == head.right_edge.i or c.i == head.i + 1 or c.ent_type_ == "PERSON"
            or head.lemma_.lower() in ROLE_NOUNS)), None)  # "the port director, Ana Ruiz,"
        if appos is not None and (head.pos_ == "NOUN" or head.lower_ == "one" and appos.ent_type_ == "PERSON" and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children)):  # "one of the attorneys, Jon Brae,"
            named = self._named(appos)
            named.role = named.role or strip_name(self.doc[name_tokens(head, self._floor(head))[0]:head.i + 1].text)
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and head.lemma_.lower() in FAMILY and " " not in named.name and self._ready:
                found = (self._person_antecedent(owner.idx, owner, GENDERS.get(owner.lower_))
                         if owner.lower_ in PERSON_PRONOUNS else self._named(owner) if owner.pos_ == "PROPN" else None)
                if found is not None and found.kind == "person" and (found.entity is not None or owner.pos_ == "PROPN"):
                    named.name = f"{named.name} {found.name.split()[-1]}"  # "his wife, Jane," -> "Jane Ruiz"
                    if named.entity is not None and self._families is not None:
                        self._families.setdefault(named.entity, named.name)
                    named.entity = None  # the report's entity is the given name alone
            if head.lemma_.lower() in UNNAMED_HEADS:  # "the engineer X" names a person
                named.kind = "person"
            return named
        left, right = name_tokens(head, self._floor(head))
        doc = self.doc
        start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1])
        name = strip_name(doc_text(doc)[start:end]) or head.text
        role = appositive_role(head)
        lemma = head.lemma_.lower()
        entity = self._entity_covering(head) or entity_for(name, self.entities)
        if entity is None and head.pos_ == "PROPN":
            entity = self._entity_at(head.idx, head.idx + len(head)) or self._entity_at(
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
        if entity is not None and entity.type in KIND_BY_TYPE and (
                head.pos_ == "PROPN" or entity.type == "PERSON" or lemma not in UNNAMED_HEADS):
            place = next((g for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                          if g.dep_ == "pobj" and g.pos_ == "PROPN" and (
                              g.ent_type_ in {"GPE", "LOC"}
                              or g.ent_type_ == "ORG" and g.ent_iob_ == "I" and head.ent_type_ == "ORG")), None)
            if entity.type == "ORG" and place is not None and place.text not in entity.name:
                # "the Republican Party of Wyoming" is not the Republican Party: its own name, no entity
                full = f"{entity.name} of {strip_name(self.doc[place.left_edge.i:place.right_edge.i + 1].text)}"
                return Source(full, "organization", None, role)
            return Source(entity.name, KIND_BY_TYPE[entity.type], None, role, entity.key)
        if lemma in UNNAMED_HEADS or head.tag_ == "NNS" and lemma not in ORG_HEADS and head.ent_type_ == "":
            return Source(self._qualified(head, left) or name, "unnamed", None, role)
        if lemma in ORG_HEADS or head.ent_type_ in KIND_BY_TYPE and KIND_BY_TYPE[head.ent_type_] == "organization":
            return Source(name, "organization", None, role)
        if head.ent_type_ == "PERSON" or head.pos_ == "PROPN" and head.ent_type_ == "":
            return Source(name, "person", None, role)
        return Source(name, "unnamed", None, role)
