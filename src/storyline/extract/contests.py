"""Contests inside one report: which statements dispute or deny others, and which earlier statement each
answers (DESIGN.md, "Statuses"; ``status.assign_status`` step 3).

A contest is made by its cue's class ("denied", "disputed", "rejected the allegation"), or by what the
statement itself says about an earlier one: "*That* is untrue", "called *the claim* a lie", "she made *it*
up", "*X's remarks* were unacceptable". What it answers is found by the words it names (``contest_keys``:
"such raids" → raid, "the idea that the pier collapsed" → pier, collapse), by the owner it names ("the
union's figures"), or, when it only points back ("it", "these allegations"), the latest statement before it.
A wrong contest is worse than none: a match on too few of those words, the reporter's own sentence and the
contester's own party ("the Voss campaign" for "Dana Voss") are no target.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from ..model import Mention, Source
from .hedges import Lexicon
from .nlp import cue_of, doc_text, that_marked
from .page import BLANK_LINE as _PARAGRAPH_BREAK

CLAIM_NOUNS = {"claim", "allegation", "assertion", "accusation", "contention"}
POINTERS = frozenset({"it", "this", "that", "these", "those", "which"})  # words that point back at a statement
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


def rejects_a_charge(doc: Doc, mention: Mention, span: Span, lex: Lexicon) -> bool:
    """'rejected the allegation', 'rejected those charges': rejecting a charge is denying it (the contract's
    "Y denied those claims"); rejecting a plan or an idea only disputes it."""
    cue = cue_root(doc, mention)
    return (cue is not None and cue.lemma_.lower() == "reject" and names_a_statement(span)
            and span.root.lemma_.lower() in CHARGE_NOUNS)


CHARGE_NOUNS = frozenset({"allegation", "accusation", "charge", "claim", "assertion", "report", "suggestion",
                          "insinuation"})


def names_a_statement(span: Span) -> bool:
    """'rejected *the allegation*', 'dismissing *the idea that he was paid*': the content names what is
    contested rather than stating it. The row reports that the contest was made (``relation``,
    ``contests``); the disputed or denied one is the statement it points at, not this one."""
    return span.root.pos_ in ("NOUN", "PROPN", "PRON")


def also_contest(contester: Mention, index: int) -> None:
    """Record a further statement the contest answers besides the one it points at (``Mention.also_contests``),
    once: the ledger names the contester on that statement's claim too."""
    if index != contester.contests and index not in contester.also_contests:
        contester.also_contests.append(index)


def cue_root(doc: Doc, mention: Mention) -> Token | None:
    span = cue_of(doc, mention)
    return span.root if span is not None and len(span) else None


def called_false(root: Token, cue: Token | None, lex: Lexicon) -> Token | None:
    """The word pointing back at an earlier statement that this one calls false: "*That* is untrue",
    "*it*'s a total fabrication", "*those reports* are false", "*that*'s not true", "called *the claim* a lie",
    "called *that* beyond absurd", "she made *it* up"."""
    if cue is not None and cue.lemma_.lower() in ("call", "label", "brand", "dub", "describe"):
        said_of = next((c for c in cue.children if c.dep_ == "dobj"), None)
        called = [c for c in cue.children if c.dep_ == "oprd"]
        if said_of is None:  # "called that false": the parser may hang "that" on "false" (a determiner, an adverb)
            said_of = next((d for c in called for d in c.children
                            if d.dep_ in ("det", "advmod") and d.lower_ in POINTERS and d.i < c.i), None)
        called += [g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("as", "beyond")
                   for g in c.children if g.dep_ == "pobj"]
        if said_of is not None and points_back(said_of, lex) and any(_false(c, lex) or _condemned(c)
                                                                      for c in called):
            return said_of
    made_up = _made_up(root)
    if made_up is not None and points_back(made_up, lex):
        return made_up
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not points_back(subject, lex):
        return None
    negated = any(c.dep_ == "neg" for c in root.children)
    predicates = [root] + [c for c in root.children if c.dep_ in ("acomp", "attr", "oprd")]
    # "it" more often stands for a thing than for a remark: "it's a disgusting system" condemns no statement
    if any(_false(p, lex) or subject.lower_ != "it" and _condemned(p)
           or negated and p.lower_ in ("true", "accurate", "correct") for p in predicates):
        return subject
    return None


def found_nothing(span: Span) -> Token | None:
    """What another party found nothing behind: "(found) no record of *the class*", "no evidence of *the
    videos*", "no evidence that the pier *collapsed*". Such a finding answers the earlier statement that
    names the same thing, as "that is untrue" does (two such findings on the train-text ledger stories, in two
    stories, both disputing a statement for the editors). In the outlet's own voice "no evidence that X" only
    leaves X unverified (a flag); this is for a source's finding."""
    root = span.root
    noun = root if root.lemma_.lower() in NOTHING_FOUND else next(
        (c for c in root.children if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in NOTHING_FOUND), None)
    if noun is None or not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return None
    named = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                  for g in c.children if g.dep_ == "pobj"), None)
    if named is not None:
        return named
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                 and that_marked(c)), None)


NOTHING_FOUND = frozenset({"evidence", "record", "proof", "sign", "indication", "trace"})


def judged_wrong(root: Token) -> Token | None:
    """'Trump, for instance, was wrong in his claim about Ford closing its plant': the outlet judging a named
    person wrong rebukes what that person said, as "wrongly claimed" does (the contract's rebuke in the
    outlet's voice). Returns the person's name word; a pronoun ("he was wrong") is left alone, and so is a
    negated or embedded judgement ("never admits he was wrong")."""
    if root.lemma_ != "be" or root.dep_ != "ROOT" or any(c.dep_ == "neg" for c in root.children):
        return None
    if not any(c.dep_ == "acomp" and c.lower_ in WRONG for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "PROPN" else None


WRONG = frozenset({"wrong", "mistaken", "incorrect", "inaccurate", "misinformed"})


def statement_judged(index: int, subject: Token, mentions: list[Mention], lemmas: list[set[str]],
                     skip: frozenset[int] = frozenset()) -> int | None:
    """The statement of the person judged wrong: the one sharing most words with what the judgement names
    ("in his claim about Ford closing its plant"), wherever it stands (an outlet may judge before it quotes);
    else that person's latest statement before the judgement."""
    name = subject.lower_
    theirs = [j for j, m in enumerate(mentions) if j != index and j not in skip and m.form != "outlet"
              and m.source.kind != "outlet" and name in m.source.name.lower().split()]
    about = {form for c in subject.head.children if c.dep_ == "prep" for t in c.subtree
             if t.pos_ in _CONTENT_POS and not t.is_stop for form in _forms(t)}
    scored = [(len(about & lemmas[j]), j) for j in theirs]
    best = max((score for score, _ in scored), default=0)
    if best:
        return next(j for score, j in scored if score == best)
    before = [j for j in theirs if mentions[j].start < mentions[index].start]
    return before[-1] if before else None


def _made_up(root: Token) -> Token | None:
    """What a statement says was invented: the object of "made (it) up", "invented", "fabricated"."""
    lemma = root.lemma_.lower()
    particle = next((c for c in root.children if c.dep_ == "prt" and c.lower_ == "up"), None)
    if lemma in ("make", "dream", "cook") and particle is not None:
        objects = [c for c in root.children if c.dep_ == "dobj"] + [
            c for c in particle.children if c.dep_ in ("nsubj", "dobj")]
    elif lemma in ("invent", "fabricate", "concoct"):
        objects = [c for c in root.children if c.dep_ == "dobj"]
    else:
        return None
    return objects[0] if objects else None


def inventor_statement(doc: Doc, index: int, pointer: Token, mentions: list[Mention],
                       skip: frozenset[int] = frozenset(), lemmas: list[set[str]] | None = None,
                       lex: Lexicon | None = None) -> int | None:
    """'She made it up', 'Fields made up the story': the latest earlier statement of the person "he"/"she" (or
    the name) stands for, rather than the latest statement of anyone (a fact-checker's remark in between is not
    what she made up). ``skip``: rows the junk rules strike ("referring to *a different tax*"), which are not
    what she made up. When what was made up is named by its words ("he fabricated the story of an offer to
    attend the academy"), only a statement of theirs sharing them (``lemmas``, ``lex``): their latest remark on
    something else is not that story."""
    subject = next((c for c in pointer.head.children if c.dep_ == "nsubj"), None) if pointer.dep_ == "dobj" else None
    if subject is None and pointer.dep_ == "nsubj" and pointer.head.dep_ == "prt":  # "made [it up]"
        subject = next((c for c in pointer.head.head.children if c.dep_ == "nsubj"), None)
    contester = mentions[index]
    possessive = {"he": "his", "she": "her"}.get(subject.lower_) if subject is not None else None
    if subject is not None and subject.pos_ == "PROPN":  # "Fields had made up the story": that person's own
        theirs = [j for j, m in enumerate(mentions[:index]) if m.form != "outlet" and m.source.kind != "outlet"
                  and subject.lower_ in _name_words(m.source) and not one_party(m.source, contester.source)]
    elif possessive is None:
        return None
    else:
        earlier = [m for m in mentions[:index] if m.source.name != contester.source.name]
        name = owner_of(doc, possessive, earlier)
        theirs = [j for j, m in enumerate(mentions[:index]) if name is not None and m.source.name == name
                  and m.source.name != contester.source.name]
    claims = [j for j in theirs if j not in skip]
    keys = _contest_keys(pointer, lex) if lex is not None and lemmas is not None else set()
    if keys:
        core = _contest_keys(pointer, lex, core=True)
        claims = [j for j in claims if _shared_keys(keys, lemmas[j], core)]
    return claims[-1] if claims else None


def points_back(token: Token, lex: Lexicon) -> bool:
    """'that', 'it', 'those claims', 'the report', 'the union's figures', 'his claims': a word standing for an
    earlier statement."""
    return token.lower_ in POINTERS or token.lemma_.lower() in _statement_nouns(lex) and any(
        c.lower_ in POINTERS | {"the", "such"} or c.dep_ == "poss" for c in token.children)


def _false(token: Token, lex: Lexicon) -> bool:
    return token.lemma_.lower() in lex.falsity_words or token.lower_ in lex.falsity_words


def _condemned(token: Token) -> bool:
    """'racist', 'offensive', 'the textbook definition of a racist comment': a predicate condemning what was
    said answers it, as calling it false does (the editors read such answers as disputes)."""
    if token.lemma_.lower() in CONDEMNATION or token.lower_ in CONDEMNATION:
        return True
    return token.pos_ == "NOUN" and any(t.lemma_.lower() in CONDEMNATION for t in token.subtree)


CONDEMNATION = frozenset({"racist", "racism", "offensive", "outrageous", "disgraceful", "unacceptable",
                          "shameful", "appalling", "reprehensible", "insulting", "bigoted", "xenophobic", "sexist",
                          "inhumane", "irresponsible", "despicable", "deplorable", "disgusting"})


REMARK_NOUNS = frozenset({"comment", "remark", "criticism", "attack", "rhetoric", "language", "word", "talk",
                          "statement", "suggestion", "argument"})


def _statement_nouns(lex: Lexicon) -> frozenset[str]:
    """Nouns that stand for what someone said: the lexicon's light nouns and words for remarks."""
    return lex.light_nouns | REMARK_NOUNS


_PRONOUNS = {
    "his": {"he", "him", "his", "himself"},
    "her": {"she", "her", "hers", "herself"},
}


def owner_of(doc: Doc, pronoun: str, earlier: list[Mention]) -> str | None:
    """The source a possessive points at. 'his'/'her': among named people and single unnamed sources ("a
    dockworker"), not those the report calls by the other pronoun, the latest it calls 'he'/'she', else
    the latest. 'their'/'its': the latest source not the outlet."""
    sources = [m.source for m in earlier if m.source.kind != "outlet"]
    if pronoun not in _PRONOUNS:
        return sources[-1].name if sources else None
    text = doc_text(doc)
    called = {(s.name, text[s.span[0]:s.span[1]].lower()) for s in sources if s.span is not None}
    other = next(words for key, words in _PRONOUNS.items() if key != pronoun)
    people = [s for s in sources if _one_person(doc, s)
              and not any((s.name, word) in called for word in other)]
    gendered = [s for s in people if any((s.name, word) in called for word in _PRONOUNS[pronoun])]
    chosen = gendered or people
    return chosen[-1].name if chosen else None


def _one_person(doc: Doc, source: Source) -> bool:
    """A named person, or an unnamed source in the singular ("a dockworker", not "witnesses")."""
    if source.kind == "person":
        return True
    if source.kind != "unnamed" or source.span is None:
        return False
    span = doc.char_span(*source.span, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.tag_ == "NN"


def content_lemmas(span: Span | None) -> set[str]:
    """Lemmas of a content's words that can name what it is about (nouns, verbs, adjectives)."""
    if span is None:
        return set()
    return {form for t in span if t.pos_ in _CONTENT_POS for form in _forms(t)}


def _forms(token: Token) -> tuple[str, ...]:
    """A word's lemma, and for a gerund-like noun its verb too ("warning" → "warn", "shelling" →
    "shell"), so that "denied receiving any warning" meets "said it warned the company"."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma.endswith("ing") and len(lemma) > 5:
        return lemma, lemma[:-3]
    return (lemma,)


def contested_index(index: int, root: Token, mentions: list[Mention], lemmas: list[set[str]],
                    lex: Lexicon, skip: frozenset[int] = frozenset()) -> int | None:
    """The earlier mention a disputing/denying one contests: the latest earlier statement by another
    source sharing the contested thing's key words ('such raids' → 'raid', 'the claims of a
    planned blockade' → 'blockade'); for 'the reports'/'these allegations'/'it', the latest statement.
    ``skip``: rows the junk rules strike (a topic, a thought): a contest answers a statement, not them. A weak
    match is no target (``_shared_keys``), nor is the contester's own party (``one_party``), nor the outlet's
    narration unless the contest names claims of a thing (``names_claims_of``)."""
    contester = mentions[index]
    # "earlier" includes another source's mention of the very same words: in "The union's claim that X
    # is disputed by the ministry" both mentions have X as content
    keys = _contest_keys(root, lex)
    earlier = [j for j in range(len(mentions)) if j != index and j not in skip
               and mentions[j].start <= contester.start and not one_party(mentions[j].source, contester.source)
               and not (keys and _encloses(mentions[j], contester))]
    if not keys:  # "the reports", "these allegations" point at someone's statements; "it", "this" at any,
        # but not at the outlet's own narration ('… a word for the plan. She called it "absurd."': her "it" is
        # the plan, not the reporter's sentence)
        statements = [j for j in earlier if mentions[j].form != "outlet"] if root.pos_ == "NOUN" else []
        chosen = (statements or earlier)[-1:]
        return chosen[0] if chosen and mentions[chosen[0]].form != "outlet" else None
    owners = _possessors(root, lex)
    if owners:  # "the union's figures", "Varga's remarks on the pier": what that source said (about the pier)
        theirs = [j for j in earlier if mentions[j].source.kind != "outlet"
                  and owners & set(mentions[j].source.name.lower().split())]
        on_topic = [j for j in theirs if (keys - owners) & lemmas[j]]
        if on_topic:
            return on_topic[-1]
        later = [j for j in range(index + 1, len(mentions)) if j not in skip and mentions[j].source.kind != "outlet"
                 and mentions[j].form != "outlet" and not one_party(mentions[j].source, contester.source)
                 and owners & set(mentions[j].source.name.lower().split())]
        later_on_topic = [j for j in later if (keys - owners) & lemmas[j]]
        # a story that leads with the reaction: "Varga's remarks were unacceptable," … Varga said; and "Varga's
        # remarks about the judge" answers what she said about the judge further on rather than whatever she
        # said just before on something else ("her words had been misconstrued")
        if later_on_topic:
            return later_on_topic[0]
        if theirs:
            return _first_of_latest_by(owners, earlier, mentions)
        if later:
            return later[0]
    # the statement sharing most key words, the latest of equals; none when the best match is the reporter's own
    # narration (the contest then answers a thing, not a statement), or when every match is too weak to tell
    best, best_score, weak = None, 0, False
    core = _contest_keys(root, lex, core=True)
    for j in earlier:
        score = _shared_keys(keys, lemmas[j], core)
        weak = weak or not score and bool((keys - STOP_WORDS) & lemmas[j])
        if score and score >= best_score:
            best, best_score = j, score
    if best is not None and mentions[best].form == "outlet" and not names_claims_of(root, lex):
        return None
    return best if best is not None or weak else _first_of_latest_by(keys, earlier, mentions)


def _shared_keys(keys: set[str], lemmas: set[str], core: set[str] | None = None) -> int:
    """How many of a contest's key words a statement shares, 0 when too few to tell that it is the one contested:
    words such as "be", "have", "say" are no keys ("disputed that there will be any change" shares nothing with
    every statement holding "be"), and a contest naming its thing in three or more key words must share two of
    them ("the notion that leadership skills had anything to do with length of time in office" is no answer to
    a statement about "several times"). One or two key words ("such raids", "receiving any warning") need one,
    and when ``core`` is given (``_contest_keys(..., core=True)``) one of those: "the idea that he had a
    relationship with the firm" is no answer to a statement that only names the firm."""
    strong = {k for k in keys if k not in STOP_WORDS}
    word = {k: k[:-3] if k.endswith("ing") and k[:-3] in strong else k for k in strong}  # "warning", "warn": one
    shared = strong & lemmas
    count = len({word[k] for k in shared})
    if count >= 2:
        return count
    if len(set(word.values())) > 2 or core is not None and not shared & core:
        return 0
    return count


def names_claims_of(root: Token, lex: Lexicon) -> bool:
    """'denied the claims of a planned blockade', 'disputes the occurrence of such strikes': a contest naming a
    thing claimed or said to have happened, which may be the outlet's own narration of it. Any other contest
    that names its thing ("dismissing the notion that …", "questioned whether …") answers a source's
    statement: when the reporter's sentence matches it best, it answers nothing in the report."""
    return (root.pos_ == "NOUN" and root.lemma_.lower() in CLAIMED_NOUNS
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children))


CLAIMED_NOUNS = CHARGE_NOUNS | {"occurrence", "existence", "rumor", "rumour"}


TOPIC_PREPOSITIONS = frozenset({"about", "on", "regarding", "concerning"})


def _possessors(root: Token, lex: Lexicon) -> set[str]:
    """The owner's words of a statement noun ("the union's figures" → union, "Mr. Varga's remarks" → varga)."""
    if root.pos_ != "NOUN" or root.lemma_.lower() not in _statement_nouns(lex):
        return set()
    return {w.lower_ for c in root.children if c.dep_ == "poss" and c.pos_ != "PRON"
            for w in c.subtree if w.pos_ in ("NOUN", "PROPN")}


def one_party(one: Source, other: Source) -> bool:
    """Are two sources one party, who do not contest each other? The same name, or a person and a name holding
    that person's surname: "Donald Trump" and "the Trump campaign", "Bill de Blasio" and "De Blasio",
    "Dana Voss" and "Dana Voss and Ivo Lind" (a campaign dismissing a charge answers the accuser, not its own
    candidate's remark told just before)."""
    if one.name == other.name:
        return True
    return any(_surname(a) in _name_words(b) for a, b in ((one, other), (other, one)) if a.kind == "person")


def _name_words(source: Source) -> set[str]:
    """A source name's words, lower case, without possessive endings."""
    return set(_name_tokens(source))


def _surname(person: Source) -> str:
    """The last word of a person's name, lower case ("Bill de Blasio" → "blasio"; "Varga" → "varga")."""
    words = _name_tokens(person)
    return words[-1] if words else ""


def _name_tokens(source: Source) -> list[str]:
    """A source name's words in order, lower case, each without a possessive ending."""
    return [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[\w'’.-]+", source.name.lower())]


def _encloses(outer: Mention, inner: Mention) -> bool:
    """Does a statement hold, inside its own words, a contest that names what it contests ("the enemies are
    laughing at us for even questioning the technique")? That contest is part of what the statement says, not
    an answer to it. A contest that only points back may answer the statement around it ("that the vote was
    rigged, a charge the party denied"), and the very same words stated by two sources can contest each
    other ("the union's claim that X is disputed by the ministry")."""
    return (outer.start <= inner.start and inner.end <= outer.end
            and (outer.start, outer.end) != (inner.start, inner.end))


def _first_of_latest_by(keys: set[str], earlier: list[int], mentions: list[Mention]) -> int | None:
    """When the contested thing names a source, not a topic ("the claims of the dockworkers' union"):
    that source's main statement in the latest sentence where it speaks."""
    theirs = [j for j in earlier if mentions[j].source.kind != "outlet"
              and keys & set(mentions[j].source.name.lower().split())]
    if not theirs:
        return None
    sentence = mentions[theirs[-1]].sentence
    return next(j for j in theirs if mentions[j].sentence == sentence)


def _contest_keys(root: Token, lex: Lexicon, core: bool = False) -> set[str]:
    """Key lemmas of what a contesting statement is about; empty when it only points back. ``core``: only the
    words naming the thing itself, not those of its modifiers: of "the idea that he had a relationship with the
    firm", "relationship" (the clause's verb and its subject and object), not "firm"."""
    if root.pos_ == "PRON" or root.lower_ in lex.demonstratives:
        return set()
    if root.pos_ in ("NOUN", "PROPN"):
        noun = root
        while noun.lemma_.lower() in _statement_nouns(lex):
            of_object = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                              for g in c.children if g.dep_ == "pobj"), None)
            if of_object is None:
                break
            noun = of_object
        compounds = {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
        if noun.lemma_.lower() in _statement_nouns(lex):  # "the union's figures": whose statement it is
            owners = {w.lemma_.lower() for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"
                      for w in c.subtree if w.pos_ in ("NOUN", "PROPN")}
            # "the idea that the pier collapsed": what the statement said
            said = {form for c in noun.children if c.dep_ in ("acl", "ccomp")
                    and that_marked(c)
                    for w in (_core_words(c) if core else c.subtree)
                    if w.pos_ in ("NOUN", "PROPN", "VERB") and not w.is_stop for form in _forms(w)}
            # "Varga's remarks about the harbour judge", "his comments on the levy": what they were about
            about = {form for c in noun.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS
                     for w in (_core_words(c) if core else c.subtree)
                     if w.pos_ in ("NOUN", "PROPN") and not w.is_stop for form in _forms(w)}
            return compounds | owners | said | about
        return compounds | set(_forms(noun))
    arguments = {form for c in root.children
                 if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ in ("NOUN", "PROPN") for form in _forms(c)}
    return arguments | {root.lemma_.lower()}


def _core_words(head: Token) -> list[Token]:
    """A clause's verb with its subject and object ("he had *a relationship* with the firm"), or a
    preposition's object ("about *the judge* of the harbour court")."""
    if head.dep_ == "prep":
        return [g for g in head.children if g.dep_ == "pobj"]
    return [head] + [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]


def said_in_response(cue: Token | None) -> Token | None:
    """'Romney tweeted *in response*: …', '*In response*, the ministry said …', 'said in response to Varga's
    remarks': a statement told as the answer to another party's is a rebuttal on the merits (the editors' "a
    rebuttal anywhere in the same report makes the statement it answers disputed"). Returns "response", or
    what it answers when the phrase names it; None for no such phrase, or an answer to a question or a request
    ("in response to a question about the searches" answers the reporter, not a statement)."""
    if cue is None:
        return None
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        response = next((g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "response"), None)
        if response is None:
            continue
        answered = next((g for c in response.children if c.dep_ == "prep" and c.lower_ == "to"
                         for g in c.children if g.dep_ == "pobj"), None)
        if answered is None:
            return response
        # "in response to Sanders' charge that …": a statement whose owner or words the phrase names; not "in
        # response to missile tests", "to the hateful rhetoric" (nobody's in particular)
        named = any(c.dep_ == "poss" or c.dep_ in ("acl", "ccomp") and that_marked(c) for c in answered.children)
        return answered if named and answered.lemma_.lower() in CHARGE_NOUNS | REMARK_NOUNS else None
    return None


def told_otherwise(doc: Doc, mention: Mention) -> bool:
    """'But Inspector Brandt painted a different picture. "The cables are corroded," he said': a sentence in
    which the mention's own source gives a different account, just before the statement (or around its cue),
    makes the statement an answer on the merits to what was said before it, as "in response" does. The
    sentence's subject must be a name the source carries; "it was a different story in Ohio" compares places,
    and a negated "did not paint a different picture" contests nothing."""
    cue = cue_root(doc, mention)
    opening = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if cue is None or opening is None or not len(opening) or mention.source.kind not in ("person", "organization"):
        return False
    first = min(opening[0].sent.start, cue.sent.start)
    sentences = {cue.sent, opening[0].sent}
    if first > 0 and not _PARAGRAPH_BREAK.search(doc_text(doc), doc[first - 1].sent.end_char, doc[first].idx):
        sentences.add(doc[first - 1].sent)
    names = set(mention.source.name.lower().split())
    return any(_gives_another_account(sentence.root, names) for sentence in sentences)


def _gives_another_account(verb: Token, names: set[str]) -> bool:
    """'Brandt painted a different picture', 'the agency gave a very different account'; not 'Obama and Romney
    had sharply different views' (two parties set against each other, answering nobody)."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.lower_ not in names:
        return False
    if any(c.dep_ == "conj" for c in subject.children):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ACCOUNT_NOUNS
               and any(a.dep_ == "amod" and a.lower_ in OTHER for a in c.children) for c in verb.children)


ACCOUNT_NOUNS = frozenset({"picture", "account", "version", "story", "view", "assessment"})
OTHER = frozenset({"different", "contrary", "conflicting", "opposite"})


def answered_statement(text: str, index: int, mentions: list[Mention],
                       skip: frozenset[int] = frozenset()) -> int | None:
    """What a bare "in response" answers: the latest statement before it by another party, in its own paragraph
    or the one before, when both are named people or organisations (not the outlet, a headline's "critics", or
    a statement the answer is told inside)."""
    contester = mentions[index]
    if contester.source.kind not in ("person", "organization"):
        return None
    for j in range(index - 1, -1, -1):
        m = mentions[j]
        if m.start >= contester.start or j in skip or m.form == "outlet" or m.source.kind == "outlet":
            continue
        if len(_PARAGRAPH_BREAK.findall(text, m.end, contester.start)) > 1:
            return None
        if not one_party(m.source, contester.source):
            # a named party's statement, not a headline's or one the answer sits inside
            named = m.source.kind in ("person", "organization") and not _encloses(m, contester)
            return j if named else None
    return None


def accusations_answered(text: str, index: int, root: Token, mentions: list[Mention], spans: list[Span | None],
                         lex: Lexicon, skip: frozenset[int] = frozenset()) -> list[int]:
    """'The union accused Mayor Lin of rigging the count. It said the tally sheets were altered. Lin rejected the
    allegation.': a contest that only points back ("the allegation", "those charges", "it") answers the latest
    statement, and when its own speaker is the party accused, also the earlier statement in that statement's
    paragraph whose words name the party (the accusation itself). A contest that names what it
    contests ("denied rigging the count") is left to its keys; a party's own earlier statement, the outlet's
    narration, and rows the junk rules strike are never its accusations."""
    contester = mentions[index]
    if contester.contests is None or contester.source.kind not in ("person", "organization"):
        return []
    if _contest_keys(root, lex):
        return []
    names = set(contester.source.name.lower().split())
    answered = mentions[contester.contests]
    accused = []
    for j in range(index - 1, -1, -1):
        m = mentions[j]
        if j == contester.contests or j in skip or m.start >= contester.start:
            continue
        if "\n" in text[min(m.end, answered.end):max(m.start, answered.start)]:  # another paragraph
            continue
        if m.form == "outlet" or m.source.kind == "outlet" or one_party(m.source, contester.source):
            continue
        span = spans[j]
        if span is not None and any(t.pos_ == "PROPN" and t.is_alpha and t.lower_ in names for t in span):
            accused.append(j)
    return accused


def charges_beside(index: int, root: Token, mentions: list[Mention], lex: Lexicon,
                   skip: frozenset[int] = frozenset()) -> list[int]:
    """'Velez pushed back on those charges amid Lin's accusations that the count was unfair': a contest that only
    points back answers the latest statement, and also the contested party's statements told in the contest's
    own sentence (the charges it names). A contest that names what it contests is left to its keys."""
    contester = mentions[index]
    if contester.contests is None or _contest_keys(root, lex):
        return []
    party = mentions[contester.contests].source.name
    return [j for j, m in enumerate(mentions) if j != index and j != contester.contests and j not in skip
            and m.sentence == contester.sentence and m.source.name == party and m.form != "outlet"
            and m.source.kind != "outlet" and not _encloses(contester, m)]


def answered_alongside(text: str, index: int, answered: int, mentions: list[Mention],
                       skip: frozenset[int] = frozenset()) -> list[int]:
    """'Varga has always said the bridge was safe. The minister backed her up: "…" But Brandt painted a different
    picture.': a bare answer on the merits answers the latest statement of another party, and with it the other
    parties' statements of that statement's paragraph told before it (the position it answers)."""
    contester = mentions[index]
    first = mentions[answered]
    return [j for j in range(answered) if j not in skip and mentions[j].form != "outlet"
            and mentions[j].source.kind != "outlet" and not one_party(mentions[j].source, contester.source)
            and not _encloses(mentions[j], contester) and not _encloses(mentions[j], first)
            and "\n" not in text[mentions[j].end:first.start]]
