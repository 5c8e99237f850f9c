"""Who speaks, for a verb cue: the subject, the agent of a passive, a governing verb's subject ("said the levy would
double and added that …", "responded by saying …"), the one a participle describes ("footage of the mayor saying
…", but the speaker at "a news conference announcing …"), an object made to speak ("led the council to warn"),
the one a recording catches speaking ("captured the mayor saying …"), the speaker of a clause a participle was
hung on ("said the plan failed, arguing that …", "rejected the idea that …, saying …"), the person in a
relative clause the parser gave two subjects ("the board, which he argued …"), the speaker of a contracted
perfect the parser read as a passive ("he's said …"), and speakers the parser hung elsewhere: after a quote
('"…," Ana Ruiz, 58, told the radio'), between a clause and a cue with no subject ("…, the Fire Service (FS)
said"), a bare name before the cue, the first noun past a dateline, an apposition ("With days to go, Ana Ruiz,
an aide, said"). Also whether a word is a person rather than a statement, and "Asked whether …, X said" (asked
by someone unnamed).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cues import load_cues
from .nonspeakers import speaker_instead
from .quotes import QuoteIndex
from .nlp import that_marked
from .perceiving import perceived_participles
from .source_words import (DEMONSTRATIVES, OCCASIONS, PERCEIVING_VERBS, PERSON_PRONOUNS, ROLE_NOUNS, SENT_THINGS,
                           UNNAMED_HEADS)
from .spans import (DOUBLE_QUOTES, HEADLINE_LABELS, OBJECT_DEPS, QUOTE_CHARS, SAYING_CLASSES, SUBJECT_DEPS, _paragraph,
                    _trim)

INHERIT_DEPS = {"advcl", "conj", "xcomp", "acl", "relcl", "ccomp"}
QUOTE_TOKENS = QUOTE_CHARS | DOUBLE_QUOTES
STATEMENT_HEADS = {"report", "statement", "account", "rumor", "document", "record", "memo", "letter", "data",
                   "study", "survey", "poll"}  # unnamed-source heads that are things said, not people
THING_PRONOUNS = {"it", "this", "that", "these", "those", "which", "what", "something", "everything"}
# verbs whose object does what the infinitive after it says ("led some allies to worry …"); not "urge" or
# "push", whose infinitive is what their subject asks for ("urged voters to see …": the subject urges)
CONTROL_VERBS = {"force", "lead", "leave", "prompt", "cause", "persuade", "convince", "get", "need", "want",
                 "expect", "allow", "compel", "drive", "inspire", "spur"}
CLAUSE_BREAKS = {",", "—", "–", "--", "-"}  # before a participle hung on what is said: ", arguing", "— asserting"
SHOWING_VERBS = PERCEIVING_VERBS | {"capture", "show", "depict", "feature"}  # "captured the mayor saying …"
RECORDINGS = {"footage", "video", "videotape", "clip", "recording", "tape", "audio"}  # show someone speaking
MAX_SPEAKER = 12  # words of a speaker's name the parser left between a clause and its cue


def _asked_of(verb: Token) -> bool:
    """'Asked about the levy, …': a passive participle of asking, set before the one it was put to."""
    return verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i and not any(
        c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in verb.children)


def _past_dateline(head: Token, floor: int) -> Token | None:
    """A subject the parser hung on the dateline ("PORT VEYRA — The Union (PVDU) says"): the first
    noun after the dateline that it governs, or the verb's other subject after it, or None."""
    for child in head.rights:
        if child.idx >= floor and child.pos_ in {"PROPN", "NOUN"}:
            return child
    return next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.idx >= floor), None)


def _subject(tok: Token) -> Token | None:
    """The source head: the subject, the agent of a passive, a governing verb's subject, or the one a
    participle describes ("footage of the mayor saying …"); where the parse made a word that cannot speak
    the speaker ("made a third attempt …, writing that …"), the speaker the parse gives nearby (nonspeakers)."""
    found = _subject_of(tok)
    if found is None:
        return None
    return speaker_instead(found, tok) or found


def _subject_of(tok: Token) -> Token | None:
    tok = _paired_participle(tok)
    shown = _shown_speaking(tok)
    if shown is not None:
        return shown
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in {"PROPN", "NOUN"}:
        return _participle_subject(tok.head)
    relative = _relative_before(tok)
    if relative is not None:
        return relative
    verb, below = tok, None
    for _ in range(4):
        for child in _subjects_first(verb):
            if child.dep_ in SUBJECT_DEPS and not _label(child):
                if (child.dep_ == "nsubjpass" and not _shares_passive_subject(below, verb) and not has_said(verb)
                        and not _perceived_speaking(below, verb)):
                    return _agent(verb)
                if child.lower_ in {"it", "there"} and child.dep_ == "nsubj" and verb.lemma_ == "be":
                    return None
                return _past_demonstrative(_named_apart(_on_verbs_paragraph(child, tok), verb), verb, tok)
        agent = _agent(verb)
        if agent is not None:
            return agent
        if _added_to_clause(verb):  # "said the levy would double and added that …": the same speaker
            verb, below = verb.head.head, None
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and (verb.head.head.pos_ in {"VERB", "AUX"} or (
                verb.head.head.tag_ == "JJ" and any(c.dep_ in SUBJECT_DEPS for c in verb.head.head.children))):
            # "responded by saying …", "After saying …, she was …"; "who surprised him by declaring …" with
            # "surprised" tagged an adjective
            return _prep_host_subject(verb.head.head)
        if (verb.dep_ == "acomp" and verb.pos_ == "ADJ" and below is not None and below.dep_ == "xcomp"
                and not any(c.lower_ == "too" for c in verb.children)):
            # "were quick to point out …", "is eager to say …": the copula's subject ("too close to call" is no one's)
            verb, below = verb.head, verb
            continue
        if verb.dep_ not in INHERIT_DEPS or verb.head == verb:
            return None
        if (verb.dep_ in {"xcomp", "acl", "relcl"} and verb.tag_ == "VB" and verb.head.pos_ in {"NOUN", "PROPN"}
                and (verb.head.lemma_.lower() in ROLE_NOUNS or _person_like(verb.head))
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            return verb.head  # "the first candidate to say …", "… drives candidate to say …"
        controller = _controller(verb)
        if controller is not None:
            return controller
        verb, below = _speaker_of_clause(verb) or verb.head, verb
    return None


def _shown_speaking(cue: Token) -> Token | None:
    """'A recording captured Ivo Tan saying …', 'the camera caught the mayor telling aides …': the person a
    verb of recording or showing has as its object, right before the participle, is the speaker; None for
    any other participle, or one set off by a comma ("the police caught the ferry, saying …")."""
    verb = cue.head
    if cue.tag_ != "VBG" or cue.dep_ not in {"advcl", "xcomp"} or verb.lemma_.lower() not in SHOWING_VERBS:
        return None
    seen = next((c for c in verb.children if c.dep_ == "dobj" and c.i < cue.i), None)
    if seen is None or seen.right_edge.i + 1 != cue.i:
        return None
    return seen if _someone(seen) else None


def _someone(tok: Token) -> bool:
    """A name, a person or a role ("Ivo Tan", "the mayor", "aides"): one who may be shown or recorded speaking."""
    return tok.pos_ == "PROPN" or _person_like(tok) or tok.lemma_.lower() in ROLE_NOUNS


def has_said(verb: Token) -> bool:
    """"He's said he will fight on": the parser read the contracted "has" as a passive's "is"; a person's
    "'s said" is the perfect, said by them ("it's said that …" stays a passive)."""
    contracted = any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children)
    return contracted and verb.tag_ in {"VBN", "VBD"} and any(
        c.dep_ == "nsubjpass" and (c.pos_ == "PROPN" or c.lower_ in PERSON_PRONOUNS) for c in verb.children)


def _subjects_first(verb: Token) -> list[Token]:
    """The verb's children, its speaker first where the parser gave a relative clause two subjects: "the
    department, which he argued seeks …" has "which" and "he" both on "argued"; "which" is the subject of
    what he argued, and he argues."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    if (len(subjects) >= 2 and subjects[0].tag_ in {"WDT", "WP"} and subjects[1].i < verb.i
            and subjects[1].tag_ not in {"WDT", "WP"}):
        children.remove(subjects[1])
        children.insert(0, subjects[1])
    return children


def _shares_passive_subject(cue: Token | None, verb: Token) -> bool:
    """'Brel was pressed on the tolls and said that …': a verb of saying coordinated with a passive one shares
    its subject, who speaks (the passive's agent, if any, does not)."""
    return (cue is not None and cue.dep_ == "conj" and cue.head == verb and cue.pos_ == "VERB"
            and not any(c.dep_ in {"auxpass", "nsubj", "nsubjpass"} for c in cue.children)
            and load_cues().cue_class(cue.lemma_) is not None)


def _perceived_speaking(cue: Token | None, verb: Token) -> bool:
    """'Two aides could be heard grumbling that …', 'the mayor was caught on camera saying …': the one a
    passive verb of hearing or recording perceives speaking is the speaker (no agent of the perceiving)."""
    return (cue is not None and cue in perceived_participles(verb)
            and load_cues().cue_class(cue.lemma_) is not None)


def _past_demonstrative(subject: Token, verb: Token, cue: Token) -> Token:
    """A demonstrative names no one: "That is the view of the dockers, who …, saying …" is the dockers', the
    holder of the view; "Aides to a rival (that would be Ivo Tan) suggest …" is the aides', the words before
    the bracketed aside. Any other subject, or a demonstrative with neither, is returned as is."""
    if subject.lower_ not in DEMONSTRATIVES or subject.tag_ != "DT" or not (
            verb.lemma_ == "be" or verb.lower_.replace("’", "'") == "'s"):  # the tagger's lemma of "’s" is "’"
        return subject
    for c in verb.children:
        if c.dep_ in {"attr", "dobj"} and c.pos_ == "NOUN":
            holder = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                           if g.dep_ == "pobj" and _person_like(g)), None)
            if holder is not None:
                return holder
    doc = subject.doc
    if subject.i > 0 and doc[subject.i - 1].text == "(" and any(t.text == ")" for t in doc[subject.i:cue.i]):
        before = next((c for c in verb.children if c.i < subject.i - 1 and c.dep_ in {"dep", "nsubj"}
                       and c.pos_ in {"NOUN", "PROPN"} and _person_like(c)), None)
        if before is not None:
            return before
    return subject


def _paired_participle(verb: Token) -> Token:
    """'warning voters that the gangs could enter the town and implying that …': the parser coordinated the
    second participle with the verb inside the first one's clause (also where it hung that clause on an
    object of the first: "warning followers in interviews that …"); a participle has no subject of its own
    and pairs with the participle above it, whose speaker it shares, one on a noun included ("a response
    saying X and suggesting that Y"). Any other verb is returned as is."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children):
        return verb
    head = verb.head
    if head.tag_ == "VBG" or not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        return verb
    cues = load_cues()
    for above in head.ancestors:
        if above.tag_ == "VBG" and above.dep_ in {"advcl", "xcomp", "conj", "acl"} and cues.cue_class(above.lemma_):
            return above
        if above.dep_ not in {"ccomp", "conj", "xcomp"} and not _that_clause_on_object(above, head):
            break
    return verb


def _that_clause_on_object(above: Token, clause: Token) -> bool:
    """Whether ``above`` is a noun, or the preposition over it, on which the parser hung the that-clause
    ``clause`` that belongs to the participle further up ("warning followers in interviews that the
    gangs could …": "that …" hung on "interviews")."""
    marked = that_marked(clause)
    return marked and clause.dep_ == "acl" and above.dep_ in {"pobj", "prep", "conj", "dobj"}


def _relative_before(verb: Token) -> Token | None:
    """'…, a charge that the harbour officials denied, noting that …': a participle right after a relative
    clause of saying or denying, which the parser hung on the main verb, is that clause's speaker's (the
    main subject made the charge; the ones who denied it note)."""
    doc = verb.doc
    if not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 1 and doc[verb.i - 1].text == ","
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
        return None
    before = doc[verb.i - 2]
    relcl = next((t for t in [before, *before.ancestors] if t.dep_ == "relcl"), None)
    if relcl is None or relcl.right_edge.i != verb.i - 2 or not load_cues().cue_class(relcl.lemma_):
        return None
    return next((c for c in relcl.children if c.dep_ in {"nsubj"} and c.tag_ not in {"WDT", "WP"}), None)


def _after_break(verb: Token) -> bool:
    """Whether a comma or a dash sets the word off, closing quote marks between them ("…,” adding")."""
    i = verb.i - 1
    while i > 0 and verb.doc[i].text in QUOTE_TOKENS:
        i -= 1
    return i >= 0 and verb.doc[i].text in CLAUSE_BREAKS


def _speaker_of_clause(verb: Token) -> Token | None:
    """", arguing that …", ", citing …", "— asserting …": a participle the parser hung on the clause a speaker
    said ("Ana said the plan failed, arguing that …"; "…,” adding") is the speaker's, not the clause subject's:
    the saying verb; so too on a noun's clause that a cue takes as its object ("rejected the idea that the
    toll would rise, saying …", "dismissed claims that …"): the cue's; on what someone is glad, sure or
    surprised of ("were not surprised that the board …, saying …"): theirs. Not where the clause is itself a
    saying verb with its own subject ("…, Ivo Tan added, saying …")."""
    host = verb.head
    if not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > host.i and _after_break(verb)):
        return None
    cues = load_cues()
    if host.dep_ == "ccomp" and host.head.dep_ == "acomp" and host.head.pos_ == "ADJ" and that_marked(host) and any(
            c.dep_ == "nsubj" for c in host.head.head.children):
        return host.head.head  # "the experts, who were not surprised that the board …, saying …": who felt it
    if host.dep_ == "ccomp" and host.head.i < host.i:
        said_by, classes = host.head, SAYING_CLASSES
    elif (host.dep_ == "acl" and host.head.dep_ in OBJECT_DEPS and host.head.pos_ == "NOUN"
          and host.head.head.i < host.head.i and any(c.dep_ == "nsubj" for c in host.head.head.children)):
        said_by, classes = host.head.head, {"say", "claim", "dispute", "deny"}  # "rejected the idea that …"
    else:
        return None
    if cues.words.get(host.lemma_.lower()) in SAYING_CLASSES and any(c.dep_ in SUBJECT_DEPS for c in host.children):
        return None  # '…, Ana Ruiz added, saying …': the host says it, with a speaker of its own
    if said_by.i < _paragraph(verb.doc, verb.i)[0]:
        return None  # the parser ran two paragraphs into one sentence: the host's own subject speaks
    return said_by if cues.words.get(said_by.lemma_.lower()) in classes else None


def _controller(verb: Token) -> Token | None:
    """The object that does what an infinitive or participle says ("forced the manager to admit …", "left
    the crews fearing …"): the governing verb's object before it."""
    if verb.dep_ not in {"xcomp", "ccomp"} or verb.tag_ not in {"VB", "VBG"} or verb.head.lemma_ not in CONTROL_VERBS:
        return None
    return next((c for c in verb.head.children if c.dep_ in OBJECT_DEPS and c.i < verb.i
                 and c.pos_ in {"NOUN", "PROPN", "PRON"}), None)


def _participle_subject(noun: Token) -> Token | None:
    """Who does what a participle on ``noun`` says: the noun ("a dock worker saying …", "a letter
    warning …"), but the speaker for an occasion ("she said at a news conference announcing …")."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "VERB" and any(
            c.dep_ in OBJECT_DEPS and c.lemma_.lower() in SENT_THINGS for c in prep.head.children):
        return _prep_host_subject(prep.head) or noun  # "sent an email to supporters stating …": the sender
    if (noun.pos_ == "NOUN" and noun.lemma_.lower() in OCCASIONS and noun.dep_ == "pobj" and prep.dep_ == "prep"
            and prep.head.pos_ in {"VERB", "AUX"}):
        return _prep_host_subject(prep.head) or noun
    return _recorded(noun) or noun


def _recorded(noun: Token) -> Token | None:
    """'Footage of Ivo Tan saying …', 'a clip of the mayor telling …': a participle the parser hung on a
    recording rather than on the one it records is that person's; None for any other noun, or a recording
    of no person ("a video of the flood showing …" stays the video's)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in RECORDINGS:
        return None
    return next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                 if g.dep_ == "pobj" and _someone(g)),
                None)


def _label(subject: Token) -> bool:
    """'The Latest: Ana Ruiz urges …': a headline label the parser made a subject, before its colon."""
    doc = subject.doc
    after = subject.right_edge.i + 1
    return (after < len(doc) and doc[after].text == ":"
            and doc[subject.left_edge.i:after].text.lower().replace("’", "'") in HEADLINE_LABELS)


def _named_apart(subject: Token, verb: Token) -> Token:
    """'With days to go until the vote, Ana Ruiz, an aide, said …': the parser took the object of the opening
    phrase for the subject and the speaker for its apposition; the apposition is who speaks."""
    doc = subject.doc
    before = subject.left_edge.i - 1
    appos = next((c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if (appos is None or subject.i > verb.i or before < subject.sent.start or doc[before].pos_ not in {"ADP", "VERB"}
            or any(t.text == "," for t in doc[appos.right_edge.i + 2:verb.i])):  # the apposition ends the subject
        return subject
    return appos


def _on_verbs_paragraph(subject: Token, verb: Token) -> Token:
    """A subject the parser found in an earlier paragraph (a live blog's headline and time stamp run into
    "Ana Ruiz is again questioning …") gives way to another subject or an apposition on the verb's
    paragraph."""
    para = _paragraph(verb.doc, verb.i)
    if subject.i >= para[0]:
        return subject
    on_line = [c for c in (*subject.head.children, *subject.rights)
               if c.dep_ in {*SUBJECT_DEPS, "appos"} and para[0] <= c.i < para[1]]
    return on_line[0] if on_line else subject


def _added_to_clause(verb: Token) -> bool:
    """A cue verb the parser coordinated with the clause said rather than with the cue that says it
    ("said the levy would double and added that …", "… and urged the crews to leave"): the cue's speaker
    speaks it too."""
    cues = load_cues()
    head = verb.head
    return (verb.dep_ == "conj" and cues.words.get(verb.lemma_.lower()) not in {None, "believe"}
            and head.dep_ == "ccomp" and head.head.i < head.i
            and cues.words.get(head.head.lemma_.lower()) in SAYING_CLASSES)


def _name_before(verb: Token, start: int, quotes: QuoteIndex) -> Span | None:
    """'In a letter to the board Ana Ruiz said …', '…, her adviser, Ivo Tan, said: …': a person's name right
    before a cue the parser left without a subject (it hung the name elsewhere) is who speaks; one ending an
    apposition ("Ivo Tan, a spokesman for Ana Ruiz, told …") gives way to the name the apposition is on."""
    doc = verb.doc
    end = start - 1 if start > 0 and doc[start - 1].text == "," else start
    first = end
    while first > 0 and doc[first - 1].ent_type_ == "PERSON" and quotes.at(doc[first - 1].idx) is None:
        first -= 1
    if first == end or doc[first:end].root.head == verb or "\n" in doc[first:end].text:
        return None
    root = doc[first:end].root
    if end < start and _object_of_opening_phrase(root, verb):
        return None
    aside = _aside_holding(root, verb)
    if aside is not None:  # "after Ivo Tan, asked about Ana Ruiz, had said …": the one asked speaks
        host = aside.left_edge.i - 2
        if host < 0 or doc[host].ent_type_ != "PERSON" or quotes.at(doc[host].idx) is not None:
            return None
        first = host
        while first > 0 and doc[first - 1].ent_type_ == "PERSON":
            first -= 1
        return doc[first:host + 1]
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.dep_ == "appos":
        named = root.head.head.head  # "Ivo Tan, a spokesman for Ana Ruiz, told …": Ivo Tan, not Ruiz
        if named.ent_type_ == "PERSON" and quotes.at(named.idx) is None:
            return doc[named.left_edge.i:named.i + 1]
    return doc[first:end]


def _object_of_opening_phrase(name: Token, verb: Token) -> bool:
    """'In criticizing Ana Ruiz, hints that …', 'After meeting Ivo Tan, says …': a name that is the object of the
    participle or gerund in a phrase opening the sentence, set off by a comma before the cue, is whom the phrase
    is about, not who speaks (the cue's speaker is the one the report is about, or no one it names there)."""
    host = name.head
    return (name.dep_ in OBJECT_DEPS and host.tag_ in {"VBG", "VBN"} and host.dep_ in {"pcomp", "advcl"}
            and host.i < name.i and host.sent.start <= host.left_edge.i < verb.i
            and host.left_edge.i - host.sent.start <= 1)


def _aside_holding(tok: Token, verb: Token) -> Token | None:
    """The participle clause set off by a comma that holds ``tok`` below ``verb`` (", asked about the mayor,"),
    or None: a name in such an aside is what the clause is about, not who speaks."""
    for above in tok.ancestors:
        if above == verb:
            return None
        if (above.dep_ in {"advcl", "acl"} and above.tag_ in {"VBN", "VBG", "VBD"} and above.left_edge.i > 0
                and above.doc[above.left_edge.i - 1].text == ","  # (a participle the tagger took for a past tense)
                and not any(c.dep_ in SUBJECT_DEPS for c in above.children)):
            return above
    return None


def _prep_host_subject(verb: Token) -> Token | None:
    """Who does what a preposition's clause does: the subject of the verb the preposition hangs on
    ("she left after saying …", "after saying …, she was taken to hospital": she), or its agent."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return _agent(verb) or (_subject(verb) if verb.dep_ in INHERIT_DEPS else None)
    if subject.lower_ in {"it", "there"} and verb.lemma_ == "be":
        return None
    return subject


def _speaker_after_quote(tok: Token, quotes: QuoteIndex) -> Token | None:
    """'“…,” Ana Ruiz, 58, told the radio': the name between a quote and a cue the parser left without a
    subject (it hung the name on the quote's verb)."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ not in {"VERB", "AUX"} and doc[i].text not in QUOTE_TOKENS:
        i -= 1
    if i < 0 or i == tok.i - 1 or quotes.at(doc[i].idx) is None:
        return None
    words = range(i + 1, tok.i)
    return next((doc[k] for k in words if doc[k].pos_ in {"PROPN", "NOUN", "PRON"}
                 and not i < doc[k].head.i < tok.i), None)


def _has_subject(verb: Token) -> bool:
    return _agent(verb) is not None or any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _stranded_speaker(tok: Token, has_content: bool) -> tuple[Token | None, tuple[int, int] | None]:
    """'X were killed, the Fire Service (FS) said': the name between what is said and a cue the parser left
    without a subject (it hung the name on the clause): the root of the words after the last comma. When
    the parser made the cue hang on the clause said (an advcl), the clause up to that comma is the content."""
    hangs = tok.dep_ in {"advcl", "parataxis"} and tok.head.i < tok.i and not has_content
    if not (hangs or any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children)):
        return None, None
    doc = tok.doc
    start = tok.i
    while start > 0 and tok.i - start < MAX_SPEAKER and doc[start - 1].text != "," and doc[start - 1].head != tok:
        start -= 1
    if start == 0 or doc[start - 1].text != ",":
        return None, None
    speaker = next((doc[k] for k in range(start, tok.i) if doc[k].pos_ in {"PROPN", "NOUN", "PRON"}
                    and not start <= doc[k].head.i < tok.i), None)
    if speaker is None or not hangs:
        return speaker, None
    first = max(tok.head.left_edge.i, _paragraph(doc, tok.i)[0])
    return speaker, _trim(doc, doc[first].idx, doc[start - 1].idx) if first < start - 1 else None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _person_like(tok: Token) -> bool:
    """A person or group of people rather than a statement: a pronoun, a person's name, "managers"."""
    return (tok.pos_ == "PRON" and tok.lower_ not in THING_PRONOUNS or tok.ent_type_ in {"PERSON", "NORP"}
            or tok.lemma_.lower() in UNNAMED_HEADS and tok.lemma_.lower() not in STATEMENT_HEADS)
