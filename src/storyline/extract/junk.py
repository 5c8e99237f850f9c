"""Mentions that are no claim: what an editor would strike from the ledger.

An attributed content with no verb and no quotation ("criticised *his opponent*", "praised *Sanders'
success*", "denied *those reports*") names a topic, not a statement: there is nothing in it to check (a
charge, a characterization "X as Y", a demand "called for *X*" and a reason "criticized *X for Y*" say
something: see ``np_statements``). It
stays out of the ledger, unless it is a denial or dispute that points back at the statement it contests,
whose status it has already set ("she has denied *those claims*" keeps its row as the denier's mention).
The outlet's own clauses are judged by outlet_claims.py, not here.

A thought, feeling, aim or stance told in the reporter's words ("hopes *his endorsement will help*",
"believes *the nominee has earned it*", "plans *to remain a Democrat*", "is expected *to win*") is no
statement: the contract itemises thoughts only where they are public statements, and a verb of believing,
wanting or expecting does not say one was made (on the nine train-text ledger stories such rows were no
item 41 times in 42). A quote stays: quoted words were said; so does a view its owner's phrase tells ("In
Ash's view, *the change would …*": PolNeAR annotates it as an attribution). A pledge or a call stays ("vowed
*to press on*", "called on the mayor *to restart* the patrols"): it says something was promised or asked,
and others can report it. What someone asked is no claim either ("asked *whether the council would act*"),
nor a content of pronouns and empty verbs ("urged *them to do*", "denied *that*").

A mention inside another of the same report by the same source repeats a piece of it ("she will not call on
*Mr. Sanders to withdraw*", "that he expects *to win the primary*"): the outer one is the claim. A nested
one in someone else's reported speech is the outer party's report too ("Politico reported that the senator
*had implied he served in the navy*": the editors itemise Politico's row, which carries it); a quoted one
only when it is the very clause the outer cue reports ("Quill said the mayor had called the levy *'a tax
on the poor'*"), not a quote met in a relative clause or an aside inside it (those are often the only right
row where the outer one is misread), unless its source is a thing that speaks for no one ("described the
talks as a first step *that recognized 'shared goals'*": no step speaks). One that a denial or dispute
points at stays (the contested statement is what the contest is about).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..model import Mention
from .according_to import is_view_phrase
from .cues import load_cues
from .hedges import load_lexicon
from .nlp import cue_classes, cue_of, negated_verb
from .nonspeakers import can_speak, is_thing_source
from .not_saying import finds_a_thing, goes_on_without_saying, is_markup
from .np_statements import np_statement
from .spans import SPEECH_CLASSES
from .substance import QUOTATION, says_something


CHARGE_VERBS = {"accuse", "charge"}
SHOWING = {"show", "reveal", "display", "demonstrate"}  # a person shows a thing; a report shows a finding
CITING_VERBS = {"cite", "quote", "reference", "mention", "refer", "point"}  # "cites X as an example"


def is_thought(doc: Doc, mention: Mention) -> bool:
    """A thought, feeling, aim or stance in the reporter's words: the cue's main word is of the "believe"
    class ("hopes", "believes", "plans", "sought", "is expected"). Quoted words were said: a direct or mixed
    quote stays."""
    if mention.form != "indirect":
        return False
    cue = cue_of(doc, mention)
    if cue is not None and is_view_phrase(cue):  # "In Ash's view, the change would …": Ash's stated view
        return False
    classes = cue_classes(doc, mention)
    return bool(classes) and classes[0] == "believe"


QUESTION_CUES = frozenset({"ask", "wonder", "inquire", "enquire"})
QUESTION_WORDS = frozenset({"whether", "if", "what", "who", "whom", "whose", "how", "why", "when", "where"})
_SUBSTANCE = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
_EMPTY_VERBS = frozenset({"be", "do", "have"})


def is_question(doc: Doc, mention: Mention, span: Span) -> bool:
    """What someone asked, reported in other words: an indirect question ("asked *whether the council would
    act*", "Asked *who leads the party*") or a request with the addressee left out ("Asked *to respond
    to the charge*"). A question asserts nothing; the answer, if any, is the claim."""
    if mention.form != "indirect":
        return False
    cue = cue_of(doc, mention)
    if not any(t.lemma_.lower() in QUESTION_CUES for t in cue or ()):
        return False
    words = [t for t in span if not (t.is_space or t.is_punct)]
    return bool(words) and (words[0].lower_ in QUESTION_WORDS or words[0].lower_ == "to" and words[0].dep_ == "aux")


def says_nothing(span: Span) -> bool:
    """Pronouns and empty verbs only ("that", "That's", "them to do"): a content with nothing to check."""
    return not any((t.pos_ in _SUBSTANCE or t.pos_ == "VERB" and t.lemma_.lower() not in _EMPTY_VERBS)
                   and not t.text.startswith(("'", "’"))  # a curly "’s" the tagger may call a noun or a verb
                   for t in span)


PLAIN_SPEECH = frozenset({"say", "claim", "report"})  # not "confirm", "deny", "dispute": their negation is a status


ASPECTUAL = frozenset({"continue", "go", "begin", "start", "keep", "proceed", "resume"})
UNSAID_MODALS = frozenset({"would", "could", "might", "may", "should"})


def is_unsaid(doc: Doc, mention: Mention) -> bool:
    """The cue tells of speech that was not made: a to-infinitive under a verb of trying, wanting, having or
    seeming ("tried *to downplay* the comments", "wants voters *to recall* that …", "without having *to
    contradict* …", "is expected *to argue* that …"), a cue under a modal ("an approach that *would
    emphasize* X"), or a negated verb of plain saying ("the board has not said *that the ferries will
    stop*", "Aldane cannot say *that* …", "never claimed *X*": the row would credit what was not said).
    Speech that goes on or answers stays ("went on to say", "replied to suggest"); a negated confirmation
    or contest keeps its row ("did not confirm *X*" leaves X unverified: ``status``)."""
    cue = cue_of(doc, mention)
    verbs = [t for t in cue or () if t.pos_ == "VERB"]
    if not verbs:
        return False
    verb = verbs[-1]
    if any(c.tag_ == "MD" and c.lower_ in UNSAID_MODALS for c in verb.children):
        return True
    if negated_verb(verb) and load_cues().cue_class(verb.lemma_) in PLAIN_SPEECH:
        return True
    if not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return False
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in ASPECTUAL:
        return False
    return load_cues().cue_class(head.lemma_) not in SPEECH_CLASSES


def is_command(span: Span) -> bool:
    """A bare imperative outside quotation marks ("Clinton: Keep it", "Cruz: Just hang on"): a slogan in a
    headline list, nothing asserted."""
    root = span.root
    return (root.tag_ == "VB" and QUOTATION.search(span.text) is None
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") and span.start <= c.i < span.end
                        for c in root.children))


SAYING_NOUNS = frozenset({"comment", "remark", "assessment", "finding", "conclusion", "argument"})


def contests_no_statement(span: Span) -> bool:
    """A contest whose content names no statement ("questioned *the technique*", "rejecting *an inquiry
    about her server*", "contradict *the wishes of progressives*"): it opposes a thing, not a claim, so it
    is no row of its own (the statement it was linked to keeps the status the contest gave it). One that
    names a statement stays ("rejected *the allegation*", "contradict *Mr. Obama's comments*")."""
    if any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    root = span.root
    return root.pos_ == "NOUN" and root.lemma_.lower() not in load_lexicon().light_nouns | SAYING_NOUNS


def is_quoted_scrap(span: Span) -> bool:
    """A few quoted words with no verb ("*“respect”*", "*“from his perspective,”*"): a scrap of someone's
    wording kept as their row, with nothing in it to check."""
    words = [t for t in span if not (t.is_space or t.is_punct)]
    return len(words) <= SCRAP_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)


SCRAP_WORDS = 4
NOBODY = frozenset({"none", "nobody", "no one", "neither", "no-one"})


def nobody_said(mention: Mention) -> bool:
    """The source is no one ("Nobody has said *the ferries will stop*", "none of them claimed *…*"): the
    statement was not made, so there is no row to credit."""
    return mention.source.name.strip().lower() in NOBODY


UNNAMED_TERMS = frozenset({"anonymity", "anonymous"})


def asks_anonymity(span: Span) -> bool:
    """'officials who requested *anonymity to discuss the talks*', 'asked for *anonymity*': the newsroom's
    note that a source asked not to be named. What was asked for is anonymity: nothing is stated (the
    row "officials: anonymity to discuss the talks" is no claim), and the outlet has no clause in it to
    keep either."""
    root = span.root
    return root.pos_ in ("NOUN", "ADJ") and root.lemma_.lower() in UNNAMED_TERMS


def is_quoted_question(mention: Mention) -> bool:
    """A quote that is one question ('"Is the levy akin to a fine?" Ruiz asked'): it asks, it asserts
    nothing. A quote with a statement before its question keeps its row (the statement is the claim)."""
    text = mention.text.strip(" \t\n\xa0,\"“”'‘’«»")
    return mention.form == "direct" and text.endswith("?") and re.search(r"[.!?]\s", text[:-1]) is None


Judged = dict[int, str | None]  # id(mention) → why it is no claim (None: it is one), for one report


def why_no_claim(doc: Doc, mention: Mention, judged: Judged | None = None) -> str | None:
    """Why the mention, read as a statement, is no claim ("no statement": a thought, a question, a topic;
    "says nothing", "command", "scrap", …), or None. Its tests read the content, cue and source, never the
    status, so each mention is judged once and the reason kept in ``judged``: ``struck_before_status``
    (which clauses the outlet keeps), the contest targeting in ``status`` (a pointer does not point at a row
    that will be struck) and ``drop_junk`` all read the same one."""
    if judged is not None and id(mention) in judged:
        return judged[id(mention)]
    reason = _judge(doc, mention)
    if judged is not None:
        judged[id(mention)] = reason
    return reason


def _judge(doc: Doc, mention: Mention) -> str | None:
    if mention.form == "outlet":
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return "no span"
    tests = (("says nothing", lambda: says_nothing(span)), ("command", lambda: is_command(span)),
             ("no statement", lambda: _no_statement(doc, mention, span)),
             ("scrap", lambda: mention.form == "direct" and is_quoted_scrap(span)),
             ("nobody", lambda: nobody_said(mention)), ("question", lambda: is_quoted_question(mention)),
             ("anonymity", lambda: asks_anonymity(span)), ("markup", lambda: is_markup(mention)),
             ("shown", lambda: is_shown(doc, mention)), ("thing", lambda: is_thing_saying(doc, mention)))
    return next((reason for reason, test in tests if test()), None)


def is_junk(doc: Doc, mention: Mention, judged: Judged | None = None) -> bool:
    """A row the ledger strikes: a contest that opposes a thing, not a statement; any other mention by its
    reason (``why_no_claim``)."""
    if mention.form == "outlet":
        return False
    if mention.contests is not None:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and mention.relation is not None and contests_no_statement(span)
    return why_no_claim(doc, mention, judged) is not None


def _no_statement(doc: Doc, mention: Mention, span: Span) -> bool:
    """The row tells of its source without a statement of theirs: a thought or an aim, a question, speech not
    made, an order someone allegedly gave, or a topic (no verb or quote, and no charge or characterization).
    ``is_junk`` strikes these; ``struck_before_status`` leaves their clauses to the outlet."""
    return (is_thought(doc, mention) or is_unsaid(doc, mention) or is_question(doc, mention, span)
            or is_alleged_order(doc, mention) or goes_on_without_saying(doc, mention, span)
            or finds_a_thing(doc, mention, span)
            or not (says_something(span) or is_charge(doc, mention, span) or is_characterization(doc, mention, span)
                    or np_statement(doc, mention, span) is not None))


DOUBTED = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})


def is_alleged_order(doc: Doc, mention: Mention) -> bool:
    """'Managers allegedly told staff *to keep the doors locked*' (a cue with a doubt adverb and an object
    told to do something): the order is what someone alleges, not a
    statement of the managers (the row "Managers: staff to keep the doors locked" would put an allegation
    in the accused's mouth). The sentence is the outlet's clause, unverified by its hedge."""
    cue = cue_of(doc, mention)
    verb = cue.root if cue is not None and len(cue) else None
    return (verb is not None and any(c.dep_ == "advmod" and c.lower_ in DOUBTED for c in verb.children)
            and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in verb.children))


def is_thing_saying(doc: Doc, mention: Mention) -> bool:
    """'a name suggesting *there are zero days of warning*', 'tickets telling *them when to queue*', 'no
    public information showing *whether …*': a participle on a noun that cannot speak, where the parse gives
    no speaker instead (see ``nonspeakers``), credits the claim to a thing. No one said it: no row."""
    cue = cue_of(doc, mention)
    verb = cue.root if cue is not None and len(cue) else None
    if verb is None or verb.tag_ != "VBG" or verb.dep_ != "acl" or mention.source.span is None:
        return False
    source = doc.char_span(*mention.source.span, alignment_mode="expand")
    return source is not None and source.root == verb.head and verb.head.pos_ == "NOUN" and not can_speak(verb.head)


def is_shown(doc: Doc, mention: Mention) -> bool:
    """'X said that Ana Ruiz showed the "conduct of a careless official"': a person who shows or reveals a
    thing (a noun phrase, no clause) displays it and says nothing; the row is about her, not hers (the one
    who says so has a row of their own). A report or a poll that shows a finding still speaks. (A span
    benchmark such as PolNeAR may annotate it as an attribution; the ledger strikes the row.)"""
    cue = cue_of(doc, mention)
    verb = cue.root if cue is not None and len(cue) else None
    if verb is None or verb.lemma_.lower() not in SHOWING or mention.source.kind != "person":
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in {"he", "she"})
            and any(c.dep_ in {"dobj", "obj"} for c in verb.children)
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children))


def is_charge(doc: Doc, mention: Mention, span: Span) -> bool:
    """'accused Brel's crews of smuggling', 'charged the board with negligence': a charge names a wrongdoing,
    which can be checked, though no verb states it."""
    cue = cue_of(doc, mention)
    return cue is not None and any(t.lemma_.lower() in CHARGE_VERBS for t in cue) and any(
        t.lower_ in {"of", "with"} and t.dep_ == "prep" for t in span)


def is_characterization(doc: Doc, mention: Mention, span: Span) -> bool:
    """'cast the levy as a tax on the poor', 'described the delay as a scandal': a speaker's public
    characterization of something says what it is, which can be checked and which others report, though
    no verb states it. The "as" hangs on the cue's verb or its object; a belief ("sees the truce as a
    trap") is left to ``is_thought``."""
    cue = cue_of(doc, mention)
    if cue is None or any(t.lemma_.lower() in CITING_VERBS for t in cue):
        return False  # "cites the crowds as an example" names an example, it characterizes nothing
    return any(t.lower_ == "as" and t.dep_ == "prep" and t.i > span.start and (
        t.head in cue or t.head.dep_ in {"dobj", "obj"} and t.head.head in cue) for t in span)


def repeats_outer(doc: Doc, mention: Mention, others: list[Mention]) -> bool:
    """Does the mention lie inside another one of the same source (a piece of that one), is it reported
    speech retold inside another party's (see ``_retold``), or does a thing that speaks for no one say it
    inside another party's row (see ``_thing_inside``)?"""
    return mention.form != "outlet" and mention.contests is None and any(
        other is not mention and other.start <= mention.start and mention.end <= other.end
        and (other.start, other.end) != (mention.start, mention.end)
        and (other.source.name == mention.source.name or _retold(doc, mention, other)
             or _thing_inside(doc, mention, other))
        for other in others)


def _thing_inside(doc: Doc, mention: Mention, outer: Mention) -> bool:
    """A row whose source is a thing that cannot speak, inside another party's row: the words are the outer
    party's ("X and Y issued a statement describing the talks as a first step *that recognized 'shared
    goals'*": no step speaks; the quote is part of X and Y's row, which carries it). Quote or not, in a
    relative clause or an aside (``nonspeakers.is_thing_source``)."""
    return outer.form != "outlet" and outer.source.kind != "outlet" and is_thing_source(doc, mention)


def _retold(doc: Doc, mention: Mention, outer: Mention) -> bool:
    """Reported speech inside another party's reported speech ("Politico reported that the senator *had
    implied he served in the navy*"): the editor's row is the outer party's report, which carries it. A quote
    is retold only as the clause the outer cue reports (``_reported_clause``). A label's colon
    ("Superdelegates: …") is no speech verb, so what follows it stands alone. A retold confirmation, denial
    or doubt keeps its row ("the records do not confirm *that X*, the auditor said": X is unverified, which
    the outer row does not say)."""
    return (mention.status in ("reported", "hypothetical")
            and outer.form in ("indirect", "mixed") and outer.source.kind != "outlet"
            and any(ch.isalpha() for ch in outer.cue or "")
            and (mention.form == "indirect" or _reported_clause(doc, mention, outer)))


REPORTED_CLAUSE_DEPTH = 2  # "said *he had called X 'Y'*", "said *she was sure he had called X 'Y'*"


def _reported_clause(doc: Doc, inner: Mention, outer: Mention) -> bool:
    """Is the inner mention's cue the verb of the clause the outer cue reports ("Quill said the mayor *had
    called* the levy 'a tax on the poor'"): its head, through clausal complements only, is the outer cue?
    A quote met in a relative clause, an aside or a phrase inside the outer row ("the mayor, who called
    the levy 'a tax'") is not that clause."""
    inner_cue, outer_cue = cue_of(doc, inner), cue_of(doc, outer)
    if inner_cue is None or outer_cue is None or not len(inner_cue) or not len(outer_cue):
        return False
    tok = inner_cue.root
    for _ in range(REPORTED_CLAUSE_DEPTH):
        if tok.dep_ != "ccomp" or tok.head == tok:
            return False
        tok = tok.head
        if tok in outer_cue:
            return True
    return False


CONTEST_CLASSES = frozenset({"deny", "dispute"})


def struck_before_status(doc: Doc, mentions: list[Mention], judged: Judged | None = None) -> list[Mention]:
    """The attributed mentions ``drop_junk`` will strike, judged before statuses are set, so that the
    outlet's clauses are built without them: a dropped thought or topic ("rejected *the offer*, believing
    *the council has more leverage*") would otherwise take its words out of the outlet's row as well as out
    of the ledger (only those whose clause the outlet could state: see ``_tells_of_its_source``). A denial or
    dispute is struck only when it opposes a thing, not a statement (what it
    contests is known later, and a pointer such as "denied *that*" stays as the denier's row)."""
    struck = []
    for mention in mentions:
        if mention.form == "outlet":
            continue
        if CONTEST_CLASSES.intersection(cue_classes(doc, mention)):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and contests_no_statement(span):
                struck.append(mention)
        elif mention.form == "indirect" and _tells_of_its_source(doc, mention, judged):
            struck.append(mention)
    return struck


def _tells_of_its_source(doc: Doc, mention: Mention, judged: Judged | None) -> bool:
    """A row ``drop_junk`` strikes whose clause still tells something of its source that the outlet
    states: a thought or an aim ("believing *X*", "tried *to downplay* the remarks"), a question ("asked
    *whether* …") or a topic ("slammed *his rivals*"). Not a pointer ("argued *that*"), a slogan under a
    name ("Cruz: *Just hang on*") or a quote: those say nothing the outlet could assert."""
    if why_no_claim(doc, mention, judged) != "no statement":
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    # "called *it a lie*": status links it to what it answers, and the row stays
    return QUOTATION.search(span.text) is None and not _answers_a_statement(doc, mention, span)


def _answers_a_statement(doc: Doc, mention: Mention, span: Span) -> bool:
    """Does the content call an earlier statement false or find nothing behind it ("called *that a lie*",
    "found *no record of the class*"), or give a verdict on it ("deemed *those statements false*")? ``status``
    makes such a row a dispute of that statement (or, for a verdict that it holds, confirms it)."""
    from .contests import called_false, cue_root, found_nothing
    from .status import statement_root
    from .verdicts import verdict_at
    lex, cue = load_lexicon(), cue_root(doc, mention)
    return (called_false(statement_root(span, mention), cue, lex) is not None
            or found_nothing(span) is not None or cue is not None and verdict_at(cue, lex) is not None)


def drop_junk(doc: Doc, mentions: list[Mention], judged: Judged | None = None) -> list[Mention]:
    """The mentions that are claims, with ``contests`` and ``also_contests`` re-pointed into the shorter list (a
    denial of a dropped mention stays a denial that points nowhere). A mention that a denial or dispute points at
    stays whatever it is ("he expects the pier to reopen. The office denied that claim"): it is what the
    contest is about."""
    contested = {m.contests for m in mentions if m.contests is not None}  # what a denial points at stays
    claims = [i for i, mention in enumerate(mentions) if i in contested or not is_junk(doc, mention, judged)]
    outer = [mentions[i] for i in claims]
    kept = [i for i in claims if i in contested or not repeats_outer(doc, mentions[i], outer)]
    new_index = {old: new for new, old in enumerate(kept)}
    result = []
    for old in kept:
        mention = mentions[old]
        if mention.contests is not None:
            mention.contests = new_index.get(mention.contests)
        mention.also_contests = [new_index[j] for j in mention.also_contests if j in new_index]
        result.append(mention)
    return result
