"""The source phrase in the parse: where its words begin and end (appositions kept, asides left out), its name's
tokens, and what its words say of its bearer (a role, a party, coordinated names, a title before a name). Plain
functions of the parse; ``sources.py`` resolves the phrase to the party it names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Entity
from .cues import load_cues
from .nlp import TITLE_PLURALS
from .source_words import (
    ASIDE_PREPS, DASHES, FOCUS_WORDS, LEADS, ORG_HEADS, PARTIES, PERSON_ROLES, RELATIVE_PRONOUNS, ROLE_FORMS,
    ROLE_MODIFIERS, ROLE_NOUNS, STATEMENT_NOUNS, THINKS, UNNAMED_HEADS,
)
from .spans import _paragraph

# children that describe the source but are not its name
_NOT_NAME = {"appos", "relcl", "acl", "punct", "prep", "advmod", "cc", "conj", "parataxis"}


def source_span(head: Token, floor: int = 0) -> tuple[int, int]:
    """Character span of the whole source phrase: the noun phrase with appositive and modifiers,
    starting no earlier than ``floor`` (the end of the dateline)."""
    if head.lower_ in RELATIVE_PRONOUNS or head.pos_ == "PRON" and head.left_edge == head.right_edge:
        return head.idx, head.idx + len(head)  # "those close to him", "he and his aide": the whole phrase
    left, right = head.left_edge.i, head.right_edge.i
    doc = head.doc
    second = second_subject(head)
    if second is not None:  # "Ana Ruiz, the harbour master, said": an apposition parsed as a second subject
        right = second.right_edge.i
    while left < head.i and (doc[left].idx < floor or doc[left].dep_ == "advmod" and doc[left].lower_ in FOCUS_WORDS):
        left += 1  # "Even the port authority said …": the reporter's emphasis is no part of the source
    if left < head.i and doc[left].text in TITLE_PLURALS:
        left += 1  # "Sens. Ana Ruiz and Ivo Tan said": the plural title is left out, as PolNeAR marks it ("Sen." stays)
    for child in head.rights:  # "Ana Ruiz, asked about it, said": a clause set off by a comma is no part of it
        if _aside_clause(child) and child.left_edge.i > head.i and doc[child.left_edge.i - 1].text == ",":
            right = min(right, child.left_edge.i - 1)
        elif child.dep_ == "prep" and _dated(child):
            right = min(right, child.left_edge.i - 1)  # "a panel in 2001"
        elif (child.dep_ == "prep" and child.lower_ in ASIDE_PREPS and head.pos_ == "PROPN" and child.i > head.i
              and doc[child.i - 1].text == ","):
            right = min(right, child.i - 1)  # "Ana Ruiz, like her predecessor, said": a comparison, not a name
        elif _aside_in_brackets(child):
            right = min(right, child.left_edge.i - 1)  # "said Ana Ruiz (who has run it for years)"
    for i in range(head.i - 1, left - 1, -1):  # stay on the head's line ("11 a.m.\n\nAna Ruiz")
        if "\n" in doc[i].text_with_ws or doc[i].text in DASHES and doc[i].whitespace_ and i and doc[i - 1].whitespace_:
            left = i + 1  # and after a dash set off by spaces ("… is predictable - Ana Ruiz has vowed")
            break
    while right > left and (doc[right].is_punct or doc[right].is_space) and doc[right].text not in ")":
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    if right + 1 < len(doc) and doc[right + 1].text == ")" and any(t.text == "(" for t in doc[left:right + 1]) \
            and not any(t.text == ")" for t in doc[left:right + 1]):
        right += 1  # "the Fire Service (FS)": the parser hung the closing bracket elsewhere
    return doc[left].idx, doc[right].idx + len(doc[right])


def second_subject(head: Token) -> Token | None:
    """A subject of the same verb right after ``head`` and a comma: an apposition the parser took for a
    subject of its own."""
    after = head.right_edge.i + 1
    if not head.dep_.startswith("nsubj") or after + 1 >= len(head.doc) or head.doc[after].text != ",":
        return None
    return next((c for c in head.head.children if c.dep_ == head.dep_ and c.left_edge.i == after + 1), None)


def _aside_in_brackets(child: Token) -> bool:
    """A bracketed remark after the source with a verb of its own, not a party label or an acronym."""
    doc = child.doc
    first, last = child.left_edge.i, child.right_edge.i
    return (first > 0 and doc[first].text == "(" or first > 0 and doc[first - 1].text == "(") and any(
        t.pos_ in {"VERB", "AUX"} for t in doc[first:last + 1]) and last - first >= 3


def _aside_clause(child: Token) -> bool:
    """A clause after the source, set off by a comma, that is no part of it: ", asked about it,", ", who
    says …" (PolNeAR keeps a comma-set participle like ", conducted by the port board," as often as it cuts
    it; cutting every one is 24 train sources better than keeping them)."""
    return child.dep_ in {"advcl", "acl"} or child.dep_ == "relcl" and _says(child)


def _says(clause: Token) -> bool:
    """A relative clause that makes a statement of its own (", which says the visit took place")."""
    lemma = clause.lemma_.lower()
    return (load_cues().words.get(lemma) in {"say", "claim", "report"} or lemma in THINKS) and any(
        c.dep_ == "ccomp" for c in clause.children)


def _dated(prep: Token) -> bool:
    """A preposition with a date ("in 2001", "on Friday"): when, not who."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def name_tokens(head: Token, floor: int = 0) -> tuple[int, int]:
    """Token range of the source's name: the head with its left modifiers, no appositive or clause,
    nothing before ``floor`` (the dateline)."""
    left = head.i
    for child in head.lefts:
        if child.dep_ not in _NOT_NAME:
            left = min(left, child.left_edge.i)
    while left < head.i and head.doc[left].idx < floor:
        left += 1
    for i in range(head.i - 1, left - 1, -1):  # on the head's line: "7:45 a.m.\n\nAides to Ana Ruiz"
        if "\n" in head.doc[i].text_with_ws:
            left = i + 1
            break
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"} or (child.dep_ == "prep"
                                                             and head.lemma_.lower() in UNNAMED_HEADS):
            right = max(right, child.right_edge.i)
    doc = head.doc
    while left < head.i and (doc[left].is_punct or doc[left].lower_ in {"the", "a", "an"}):
        left += 1
    if head.pos_ == "PROPN":  # "Republican hopefuls Marta Koval": the words before the name describe its bearer
        name_start = _entity_start(head)
        while (left < min(head.i, name_start) and _title_word(doc[left])
               and any(t.pos_ == "PROPN" for t in doc[left + 1:head.i + 1])):
            left += 1
    return left, right + 1


def _entity_start(tok: Token) -> int:
    """Where the named entity holding ``tok`` starts (``tok.i`` when it is in none)."""
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _title_word(tok: Token) -> bool:
    """A word of a description before a name: a common noun or number, or an adjective in lower case or of
    a group ("Republican"); never a particle of the name ("von", "de")."""
    return tok.pos_ in {"NOUN", "NUM"} or tok.pos_ == "ADJ" and (tok.is_lower or tok.ent_type_ == "NORP")


def appositive_role(head: Token) -> str | None:
    """The apposition describing the source ("the harbour master"), not an acronym in brackets."""
    for child in head.rights:
        if (child.dep_ == "appos" and child.pos_ in {"NOUN", "ADJ", "PROPN"}
                and head.doc[child.left_edge.i].text != "(" and not child.text.isupper()):
            return strip_name(head.doc[child.left_edge.i: child.right_edge.i + 1].text)
    return None


def role_word(tok: Token) -> str:
    """A role word as compared: lower case, no full stop, "front-runner" whole, abbreviations spelled out."""
    doc = tok.doc
    word = (tok.lemma_ if tok.tag_ in {"NNS", "NNPS"} else tok.text).lower().rstrip(".")
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_:
        word = f"{doc[tok.i - 2].lower_}-{word}"  # "front-runner"
    return ROLE_FORMS.get(word, word)


def role_words(tokens) -> set[str]:
    return {role_word(t) for t in tokens if t.is_alpha or t.text.endswith(".") or "-" in t.text}


def is_role_phrase(head: Token) -> bool:
    """A definite description of one person by a role ("the candidate", "the GOP front-runner", "the retired
    neurosurgeon"), or a headline's bare role ("Win or not, candidate says"): singular, no name of its own,
    no possessor."""
    if (head.tag_ not in {"NN", "NNP", "JJ"} or head.ent_type_ in {"PERSON", "ORG", "GPE"} and head.pos_ == "PROPN"
            or head.lemma_.lower() in ORG_HEADS):
        return False
    dets = [c for c in head.children if c.dep_ in {"det", "poss"}]
    if any(c.dep_ == "poss" and not _definite_owner(c) or c.dep_ == "det" and c.lower_ != "the" for c in dets):
        return False
    doc = head.doc
    if any(c.dep_ in {"appos", "acl"} or c.dep_ == "conj" and (c.pos_ != "NOUN" or _party(c, head))
           or c.dep_ == "relcl" and doc[c.left_edge.i - 1].text != ","
           or c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in head.children):
        return False  # "the candidate who wins", "the Ruiz aide": not one named before
    return bool(dets) or head.tag_ == "NN" and role_word(head) in PERSON_ROLES and not any(
        c.dep_ in ROLE_MODIFIERS and c.i > head.i for c in head.children)


def _definite_owner(owner: Token) -> bool:
    """A possessor that is itself a definite description of a place or body ("the state's", "the company's"):
    the phrase it opens is still a role someone in the report may hold ("the state's party leader"), unlike
    one a name or a pronoun owns ("Ana Ruiz's spokesman", "his aide": someone tied to that person)."""
    return owner.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)


def described_words(head: Token, proper: bool = False) -> set[str]:
    """The words a role phrase describes its holder by beyond the role noun: its modifiers, its possessor and
    its of-phrase ("the state's Republican party leader", "the head of the board's rules committee"); nouns,
    names and a group's adjective only ("former", "powerful" tie no one to it). ``proper``: the names only
    ("China's delegation")."""
    tokens = [t for c in head.children if c.dep_ in ROLE_MODIFIERS | {"poss"} or c.dep_ == "prep" and c.lower_ == "of"
              for t in c.subtree]
    return role_words(t for t in tokens if (t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "NORP", "ORG", "LOC"})
                       or not proper and t.pos_ == "NOUN") - LEADS


def is_bare_body(head: Token, heads: set[str] | frozenset[str] = frozenset()) -> bool:
    """A definite description of a body by its kind alone ("the group", "the union", "the advocacy group"):
    singular, "the", common-noun modifiers at most, nothing after it that would make it another body ("the
    group of donors", "the union that struck"). Not "the party": parties are mostly named as groups of people
    ("Democrats"), not as organisations, so the last organisation named is seldom the one meant."""
    return (head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in ORG_HEADS - {"party"} | heads
            and [c.lower_ for c in head.children if c.dep_ in {"det", "poss"}] == ["the"]
            and all(c.dep_ in {"det", "amod", "compound", "punct"} and (c.dep_ != "compound" or c.pos_ == "NOUN")
                    or c.dep_ == "relcl" and head.doc[c.left_edge.i - 1].text == ","  # "the group, which …,"
                    for c in head.children))


def holds(verb: Token, tok: Token) -> bool:
    """Whether ``tok`` is in a clause ``verb`` holds, not in an aside set into it ("X is wrong, he said":
    "he said" is no part of what X is)."""
    t = tok
    while t.head != t:
        if t.dep_ == "parataxis":
            return False
        t = t.head
        if t == verb:
            return True
    return False


def own_relative(relcl: Token) -> bool:
    """Whether a relative clause on one of several coordinated names is that name's alone: it comes before the
    next name ("Ana Ruiz, who claimed …, and Ivo Tan …"), or another of the names has one of its own."""
    noun = relcl.head
    if any(c.dep_ == "conj" and c.i > relcl.i for c in noun.children):
        return True
    first = noun
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    members = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ in {"PROPN", "NOUN"})]
    return noun in members and sum(any(g.dep_ == "relcl" for g in m.children) for m in members) > 1


def conjuncts(head: Token) -> list[Token]:
    """The names or noun phrases coordinated with ``head`` ("Ana Ruiz, Ivo Tan and the port board"), in order:
    not clauses, and not the parser's list of what follows a colon."""
    found = []
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ == "conj" and c.i > head.i and (
                    c.pos_ in {"PROPN", "PRON"} or c.pos_ == "NOUN" and _party(c, head)):
                found.append(c)
                stack.append(c)
    # "Marta Koval and Harbour Master Ivo Tan": a title's first word made a conjunct of its own
    titles = {c.i for c in found if not list(c.children) and any(d.left_edge.i == c.i + 1 for d in found)}
    return sorted((c for c in found if c.i not in titles), key=lambda t: t.i)


def name_before_and(head: Token) -> Token | None:
    """'Ana Ruiz and Harbour Master Ivo Tan pledged …': the parser, misled by the title, hangs the first name
    on the second (or on its title) as a modifier with "and" under it instead of coordinating them. That
    first name is a speaker too; None when the name has no such modifier, or when the "and" is part of one
    name ("the Lorvane Fire and Rescue Service")."""
    if head.pos_ != "PROPN":
        return None
    for c in head.doc[head.left_edge.i:head.i]:
        if c.dep_ not in {"nmod", "compound"} or c.pos_ != "PROPN" or c.ent_type_ not in {"PERSON", "ORG", ""}:
            continue
        cc = next((g for g in c.children if g.dep_ == "cc" and g.lower_ == "and" and g.i > c.i), None)
        if cc is not None and not any(e.start <= c.i and cc.i < e.end for e in head.doc.ents):
            return c
    return None


def titled_once(head: Token, joined: list[Token]) -> bool:
    """'GOP contender and former surgeon Ana Ruiz said': a bare singular role noun (no article, no
    possessor, no name of its own) coordinated with one person's name is a title of that person, not a
    second speaker; "the mayor and Ana Ruiz", "aides and Ana Ruiz" stay two."""
    return (len(joined) == 1 and head.tag_ == "NN" and head.lemma_.lower() in ROLE_NOUNS
            and joined[0].pos_ == "PROPN" and joined[0].ent_type_ == "PERSON"
            and not any(c.dep_ in {"det", "poss", "appos", "relcl", "acl"}
                        or c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in head.children))


def named_beside(head: Token) -> Token | None:
    """The name right after a common-noun subject that the parser made a subject of its own ("Republican
    hopefuls Ana Ruiz and Ivo Tan say"), or set off by commas ("The ferry's operator, Brenn Lines, said")."""
    after = head.i + 1
    if head.pos_ != "NOUN" or not head.dep_.startswith("nsubj") or after >= len(head.doc):
        return None
    # set off by commas, only an organisation's name: a person resolves through the role ("His wife, Marta,")
    comma = head.doc[after].text == ","
    appos = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and (
        c.left_edge.i == after or comma and c.left_edge.i == after + 1 and c.ent_type_ == "ORG")), None)
    if appos is not None:
        return appos  # or an apposition: "Republican hopefuls Ana Ruiz and Ivo Tan say"
    tok = head.doc[after]
    while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i:
        tok = tok.head
    return tok if tok.dep_ == head.dep_ and tok.head == head.head and tok.ent_type_ == "PERSON" else None


def _party(noun: Token, head: Token) -> bool:
    """A common noun coordinated with a source that is another party to it: a group ("employers and insurers",
    "Ana Ruiz and her aides") or a body ("… and the port board"), not a second role of the one person ("the
    businessman and reality star") nor a thing ("Ana Ruiz and the board's pending report")."""
    if head.pos_ == "NOUN" and head.tag_ == "NN" and not any(c.dep_ in {"det", "poss"} for c in noun.children):
        return False
    lemma = noun.lemma_.lower()
    return (noun.tag_ == "NNS" or lemma in ROLE_NOUNS or lemma in ORG_HEADS) and lemma not in STATEMENT_NOUNS


def title_tokens(name: Span) -> list[Token]:
    """The words right before a name that describe its bearer ("Republican presidential candidate", "GOP
    front-runner", "Sen."): modifiers each hanging on a word after it up to the name, on the name's line."""
    doc = name.doc
    first = name.start
    while first > 0:
        tok = doc[first - 1]
        if ("\n" in tok.text_with_ws or tok.dep_ not in {"compound", "amod", "nmod", "punct"}
                or tok.dep_ == "punct" and tok.text != "-" or not tok.i < tok.head.i < name.end):
            break
        first -= 1
    return list(doc[first:name.start])


def other_party(words: set[str], known: set[str]) -> bool:
    """"the Democratic front-runner" is not a person the report calls a Republican."""
    said, theirs = words & PARTIES, known & PARTIES
    return bool(said and theirs and not said & theirs)


def paragraph_start(doc: Doc, i: int, back: int = 0) -> int:
    """Where the paragraph of token ``i`` starts, or the one ``back`` paragraphs before it (characters)."""
    start = _paragraph(doc, i)[0]
    for _ in range(back):
        if start == 0:
            break
        start = _paragraph(doc, start - 1)[0]
    return doc[start].idx


class PersonRoles:
    """A person's roles in a report: role nouns, all their words, and where the person is named."""

    def __init__(self, entity: Entity):
        self.entity = entity
        self.heads: set[str] = set()
        self.words: set[str] = set()
        self.parties: set[str] = set()  # as the titles give them ("Democratic front-runner Ana Ruiz")
        self.places: set[str] = set()  # "Sen. Ana Ruiz of Veyra", "The Harbour Post's Ana Ruiz"
        self.raw: set[str] = set()  # the role nouns as written ("spokeswoman", "Mrs.")
        self.starts: list[int] = []

    def add(self, heads, words) -> None:
        self.heads |= {role_word(t) for t in heads}
        self.raw |= {t.lower_.rstrip(".") for t in heads}
        self.words |= role_words(words)
        self.places |= {role_word(t) for t in words if t.ent_type_ in {"GPE", "LOC"}}


def strip_name(text: str) -> str:
    return text.strip(" \t\n,;:—–-")


# words that count some of a people without naming them: "some Republicans", "many Canadians", "two Democrats"
_PART_WORDS = frozenset({"some", "many", "several", "most", "few", "other", "numerous", "various", "certain", "both"})


def counted_part(head: Token) -> str | None:
    """The words of a people's name counted by a quantifier or a number, as written ("some Republicans",
    "a few Democrats", "two Canadians"): a part of the people speaks, not all of it; None when no such word
    stands before the head."""
    counts = [c for c in head.lefts if c.dep_ in {"det", "amod", "nummod"}
              and (c.lower_ in _PART_WORDS or c.tag_ == "CD")]
    if not counts:
        return None
    doc = head.doc
    left = min(c.left_edge.i for c in counts)
    if left > 0 and doc[left - 1].lower_ == "a" and doc[left].lower_ == "few":
        left -= 1  # "a few Democrats" is not "few Democrats"
    return doc[left:head.i + 1].text
