"""Mention status: how one report presents each statement (DESIGN.md, "Statuses").

A mention starts with the status its cue class gives it (``asserted`` for the outlet's own clauses), or
``hypothetical`` when its cue sits in a conditional clause ("if confirmed to have been caused by …",
"if the inquiry finds that …": nobody has confirmed or found anything yet). Then, in order:

1. hedges that govern its content make it ``unverified`` ("allegedly", "is said to", "the alleged bribe"
   as subject, "could not be verified"); speculative modals, adverbs and conditionals make it
   ``hypothetical`` ("if upheld, the ruling could …"); an outlet clause whose main verb is an
   unnegated passive "confirmed"/"verified" is ``confirmed`` (not a vote on a person: "he was confirmed
   92 to 0"); a confirmation of a future act or by a thing nobody speaks through is ``reported``
   (``confirmations.py``);
2. flag clauses ("Both accounts have yet to be verified", "There is no confirmation of her
   claims") make the statements they point back at ``unverified`` and record
   ``flagged_by``; a plural "these claims" reaches back over the paragraph's run of sentences that
   hold only others' or hedged statements;
3. a disputing or denying mention is linked to the earlier mention it contests (``contests``,
   ``relation``), and the contested mention takes that status: the report presents it as disputed or
   denied ("X, the ministry said, is false" two paragraphs later makes X disputed in this report); which
   statements contest and which one each answers is ``contests.py``'s. A contest that only points back also
   reaches the accusation naming its own speaker ("accused Lin of X. … Lin rejected the allegation") and the
   contested party's charges told in its sentence ("pushed back on those charges amid Lin's accusations that
   Y"); a bare answer on the merits ("in response", "a different picture") reaches the other parties'
   statements told before the one it answers in that paragraph; those further statements are recorded on the
   contest (``also_contests``), so the ledger names its source on each; another party's statement that turns
   an earlier one round ("this cannot be our fight" … "It is our fight") disputes it (``reversals.py``);
4. the outlet's bare correction ("She hadn't.") or counter-clause (", when he hadn't actually applied") makes
   the statement just before it ``disputed`` (``corrections.py``), contested by the outlet's row holding it, else
   by the outlet itself (``outlet_disputes``, as for its rebuke "wrongly claimed that X").

When several apply, :func:`strongest` decides.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .nlp import cue_classes, cue_of, doc_text, negated_verb, that_marked
from ..model import Mention
from .hedges import Flag, Hedge, HedgeIndex, Lexicon, doc_hedges, governs, load_lexicon
from .source_words import ORG_HEADS, ROLE_NOUNS
from .speakers import _person_like
from .confirmations import appointed, confirms
from .criticism import drew_criticism
from .corrections import corrected_statements, countered_statements
from .verdicts import apply_verdicts
from .reversals import reversed_statement
from .contests import (CLAIM_NOUNS, accusations_answered, also_contest, answered_alongside, called_false,
                       charges_beside, content_lemmas, contested_index, cue_root, found_nothing, inventor_statement,
                       judged_wrong, statement_judged, said_in_response, answered_statement, names_a_statement,
                       owner_of, rejects_a_charge, told_otherwise)

# Which status wins when several apply. A contest is what the statement *does*, so it outranks any
# hedge inside it ("denied that its jets allegedly struck …" stays denied, the hedge is recorded).
# An explicit confirmation outranks hedges; doubt outranks speculation ("could allegedly …").
PRECEDENCE: tuple[str, ...] = (
    "denied", "disputed", "confirmed", "unverified", "hypothetical", "reported", "asserted",
)
_RANK = {status: rank for rank, status in enumerate(PRECEDENCE)}
FACTUALITY: dict[str, float] = {
    "asserted": 3.0, "confirmed": 3.0, "reported": 2.0, "unverified": 1.0, "hypothetical": 0.0,
    "disputed": -1.0, "denied": -3.0,
}
STATUS_BY_HEDGE = {
    "doubt": "unverified", "np_doubt": "unverified", "unverifiable": "unverified",
    "speculative": "hypothetical", "conditional": "hypothetical",
}
CONTEST_RELATION = {"disputed": "disputes", "denied": "denies"}
CONTESTED_STATUS = {relation: status for status, relation in CONTEST_RELATION.items()}
_CUE_CHAIN_LIMIT = 4  # ancestors climbed from an attributed content's main word towards its cue


def strongest(*statuses: str) -> str:
    """The status that wins among those that apply (see ``PRECEDENCE``)."""
    return min(statuses, key=lambda status: _RANK.get(status, len(PRECEDENCE)))


def factuality_of(status: str) -> float:
    """How factual a status presents a statement, on the [-3, +3] scale of factuality corpora."""
    return FACTUALITY[status]


def assign_status(doc: Doc, mentions: list[Mention], no_claims: set[int] = frozenset()) -> None:
    """Set every mention's final status, hedges, flags and contest links, in place.

    ``mentions`` must be sorted by start; ``contests`` indexes into that list. ``no_claims``: the indices of
    the rows the junk rules will strike (``junk.why_no_claim``); a contest never points at one of them
    ("criticized *his strategy*. … He called it shameful": "it" answers a statement, not a topic row)."""
    lex = load_lexicon()
    hedges, flags = doc_hedges(doc)
    initial = []  # the status each mention's cue gives it: a contest by its cue class ("denied", "disputed")
    for mention in mentions:
        by_class = mention.status
        mention.status = _cue_status(doc, mention, lex) or mention.status
        if _conditional_cue(doc, mention, lex):
            mention.status = "hypothetical"
        # the outlet's rebuke ("wrongly claimed that X") disputes X itself; it contests no other statement
        initial.append(mention.status if by_class in CONTEST_RELATION else by_class)
        mention.outlet_disputes = by_class not in CONTEST_RELATION and rebuked_by_outlet(doc, mention, lex)
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
    for mention, span in zip(mentions, spans):
        if span is not None and len(span):
            _apply_hedges(mention, span, hedges, lex)
    lemmas = [content_lemmas(span) for span in spans]
    for flag in flags:
        for index in _flag_targets(doc, flag, mentions, lemmas):
            _flag(mentions[index], flag)
    # a contest by its cue is judged by what it contests, not as a statement (``junk.is_junk``)
    unpointed = frozenset(j for j in no_claims if initial[j] not in CONTEST_RELATION)
    also_answered: dict[int, list[int]] = {}  # statements a contest answers besides the one it points at
    text = doc_text(doc)
    for index, status in enumerate(initial):
        if status in CONTEST_RELATION and spans[index] is not None and len(spans[index]):
            mentions[index].relation = CONTEST_RELATION[status]
            if status == "disputed" and rejects_a_charge(doc, mentions[index], spans[index], lex):
                mentions[index].relation = "denies"
            mentions[index].contests = contested_index(index, spans[index].root, mentions, lemmas, lex, unpointed)
            # "Lin rejected the allegation": the accusation naming Lin, and the charges told beside the contest
            root = spans[index].root
            also_answered[index] = (accusations_answered(text, index, root, mentions, spans, lex, unpointed)
                                    + charges_beside(index, root, mentions, lex, unpointed))
            if names_a_statement(spans[index]):
                mentions[index].status = "reported"
    for index, span in enumerate(spans):  # "That is untrue," the ministry said: a dispute by its content
        if initial[index] in CONTEST_RELATION or mentions[index].form == "outlet" or span is None or not len(span):
            continue
        pointer = called_false(statement_root(span, mentions[index]), cue_root(doc, mentions[index]), lex)
        if pointer is None:  # "(an article found) no record of the class": a finding against what was said
            pointer = found_nothing(span)
        if pointer is not None:
            inventor = inventor_statement(doc, index, pointer, mentions, unpointed, lemmas, lex)
            mentions[index].contests = (inventor if inventor is not None
                                        else contested_index(index, pointer, mentions, lemmas, lex, unpointed))
            mentions[index].relation = "disputes" if mentions[index].contests is not None else None
    for index, span in enumerate(spans):  # "Trump was wrong in his claim about Ford …": the outlet's rebuke
        if mentions[index].form != "outlet" or span is None or not len(span):
            continue
        person = judged_wrong(span.root)
        judged = statement_judged(index, person, mentions, lemmas, unpointed) if person is not None else None
        if judged is not None:
            mentions[index].contests, mentions[index].relation = judged, "disputes"
    for index, mention in enumerate(mentions):  # "Romney tweeted in response: …": an answer on the merits
        if mention.contests is not None or mention.form == "outlet" or initial[index] in CONTEST_RELATION:
            continue
        response = said_in_response(cue_root(doc, mention))
        if response is None and not told_otherwise(doc, mention):  # "But X painted a different picture."
            continue
        answered = (answered_statement(text, index, mentions, unpointed)
                    if response is None or response.lemma_.lower() == "response"
                    else contested_index(index, response, mentions, lemmas, lex, unpointed))
        if answered is not None:
            mention.contests, mention.relation = answered, "disputes"
            if response is None or response.lemma_.lower() == "response":  # a bare answer: the position answered
                also_answered[index] = answered_alongside(text, index, answered, mentions, unpointed)
    roots = [statement_root(span, m) if span is not None and len(span) else None for m, span in zip(mentions, spans)]
    for index, mention in enumerate(mentions):  # "this cannot be our fight" … "It is our fight": turned round
        if mention.contests is None and initial[index] not in CONTEST_RELATION:
            turned = reversed_statement(text, index, roots, mentions, unpointed)
            if turned is not None:
                mention.contests, mention.relation = turned, "disputes"
    apply_verdicts(doc, mentions, spans, lemmas, lex)  # "PolitiFact rated the claim false / true"
    for mention in mentions:
        if mention.contests is not None:
            contested = mentions[mention.contests]
            contested.status = strongest(contested.status, CONTESTED_STATUS[mention.relation])
    for index, answered_too in also_answered.items():
        relation = mentions[index].relation
        if mentions[index].contests is not None and relation in CONTESTED_STATUS:
            for j in answered_too:
                mentions[j].status = strongest(mentions[j].status, CONTESTED_STATUS[relation])
                also_contest(mentions[index], j)
    # "… that she had seen such a video. She hadn't.", "… an offer, when he hadn't actually applied"
    for index, holder in corrected_statements(doc, mentions) + countered_statements(doc, mentions):
        if index in no_claims or mentions[index].status == "hypothetical":
            continue  # "… if he would appoint her. He did not.": a missed chance, not a statement corrected
        mentions[index].status = strongest(mentions[index].status, "disputed")
        if holder is not None and mentions[holder].contests is None:
            mentions[holder].contests, mentions[holder].relation = index, "disputes"
        elif holder is not None and mentions[holder].relation == "disputes":
            also_contest(mentions[holder], index)
        else:  # no row of the outlet's to contest from: the outlet itself disputes it
            mentions[index].outlet_disputes = True


def _cue_status(doc: Doc, mention: Mention, lex: Lexicon) -> str | None:
    """What the cue's own modifiers make of the status its class gave: a negated confirmation confirms
    nothing ("the documents do not confirm that X": unverified), a negated contest contests nothing ("did
    not deny that X": reported), and the outlet's rebuke disputes what it reports ("the advert wrongly
    asserts that X")."""
    cue = cue_root(doc, mention)
    if mention.form != "outlet" and cue is not None and cue.pos_ == "NOUN" and drew_criticism(cue):
        return "disputed"  # "came under fire over her assertion that X"
    if mention.form == "outlet" or cue is None or cue.pos_ not in ("VERB", "AUX"):
        return None
    if negated_verb(cue):
        return {"confirmed": "unverified", "denied": "reported", "disputed": "reported"}.get(mention.status)
    if rebuked_by_outlet(doc, mention, lex) or drew_criticism(cue):
        return "disputed"
    if cue.lemma_.lower() in lex.forecast_cues and mention.status == "reported":
        return "hypothetical"
    return None


def rebuked_by_outlet(doc: Doc, mention: Mention, lex: Lexicon) -> bool:
    """Does the outlet rebuke the statement in its own voice: an adverb on the (unnegated) cue ("wrongly
    asserts that X"), a phrase ("said, without evidence, that X") or a verb of saying falsely governing it ("lied
    when he said X")? The outlet then disputes what it reports."""
    cue = cue_root(doc, mention)
    if mention.form == "outlet" or cue is None or cue.pos_ not in ("VERB", "AUX") or negated_verb(cue):
        return False
    # a quote after a colon has its lead-in's clause as cue: "he wrongly suggested the judge was from X: '…'"
    rebuked = [cue, cue.head] if cue.dep_ == "ccomp" and cue.head.pos_ == "VERB" else [cue]
    return (any(c.dep_ == "advmod" and c.lower_ in lex.rebuke_adverbs for word in rebuked for c in word.children)
            or _unsupported(cue) or _said_falsely(cue))


def _unsupported(cue: Token) -> bool:
    """'She said, without evidence, that X', 'claimed without offering proof': the outlet's rebuke by a phrase."""
    return any(c.dep_ == "prep" and c.lower_ == "without" and any(
        g.dep_ in ("pobj", "dobj") and g.lemma_.lower() in UNSUPPORTED for g in c.subtree) for c in cue.children)


def _said_falsely(cue: Token) -> bool:
    """'She stretched the truth when she claimed that X', 'he lied when he said X', 'he exaggerated by claiming
    X': a verb of saying falsely that governs the cue's clause is the outlet's rebuke, as "falsely claimed" is."""
    clause = cue
    if cue.dep_ == "pcomp" and cue.head.dep_ == "prep":  # "by claiming", "in saying"
        clause = cue.head
    elif cue.dep_ != "advcl":
        return False
    return _says_falsely(clause.head)


def _says_falsely(verb: Token) -> bool:
    """'lied', 'misspoke', 'exaggerated', 'stretched the truth'."""
    lemma = verb.lemma_.lower()
    if lemma == "lie":
        return verb.lower_.startswith(("lie", "lyi"))  # not "lay", the past of lying down
    if lemma == "stretch":
        return any(c.dep_ == "dobj" and c.lower_ == "truth" for c in verb.children)
    return lemma in SAY_FALSELY


SAY_FALSELY = frozenset({"misspeak", "misspoke", "misspoken", "exaggerate", "misstate", "fib", "misrepresent",
                         "mischaracterize", "mischaracterise", "overstate"})


UNSUPPORTED = frozenset({"evidence", "proof", "basis", "substantiation", "support"})


def _conditional_cue(doc: Doc, mention: Mention, lex: Lexicon) -> bool:
    """Does the mention's cue head a conditional clause ("if confirmed", "if the inquiry finds")?"""
    if mention.form == "outlet" or mention.cue_span is None:
        return False
    span = cue_of(doc, mention)
    return any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks
               for t in span or () if t.dep_ == "advcl" for c in t.children)


def statement_chain(root: Token, mention: Mention) -> set[int]:
    """The main word of a statement and, for an attributed one, its ancestors up to the cue."""
    chain = {root.i}
    if mention.form == "outlet":
        return chain
    cue_start, cue_end = mention.cue_span or (-1, -1)
    token = root
    for _ in range(_CUE_CHAIN_LIMIT):
        if token.head.i == token.i or cue_start <= token.idx < cue_end:
            break
        token = token.head
        chain.add(token.i)
    return chain


def governing_hedges(root: Token, mention: Mention, span: Span,
                     hedges: HedgeIndex) -> tuple[list[Hedge], list[Hedge]]:
    """(hedges to record, hedges that change the status) for one statement.

    Recorded: every hedge inside the content, verb hedges outside it that govern it ("he reportedly
    said …"), a conditional outside it that bears on its main word ("If the audit finds fraud, managers
    could face charges, the office said" with the content trimmed to the main clause) and doubts about
    the source ("unconfirmed reports say …"). Status-changing: the source's doubts and the others that
    govern the statement's main word."""
    chain = statement_chain(root, mention) | {t.i for t in main_verbs(span, root)}
    inside = hedges.between(span.start_char, span.end_char)
    outside = [h for i in chain for h in hedges.scoping(i)
               if not span.start_char <= h.start < span.end_char
               and (h.kind == "doubt" and not span.start <= i < span.end
                    or h.kind == "conditional" and i == root.i)]
    source = [h for h in hedges.between(*(mention.source.span or (0, 0))) if h.kind == "np_doubt"]
    active = [h for h in inside + outside if governs(h, root, chain)] + source
    if mention.form != "outlet" and not any(h.kind == "conditional" for h in active):
        body = mention.source.kind == "organization"
        active = [h for h in active if not _intention(h, root.doc, body) and not _advice(h, root.doc)]
    if mention.form != "outlet" and mention.source.kind != "outlet":
        active = [h for h in active if not _own_impression(h, span, root.doc) and not _realis_condition(h, root.doc)
                  and not _conditional_call(h, root.doc) and not _softened_statement(h, root.doc)
                  and not _stock_condition(h)]
    return inside + outside + source, active


def _conditional_call(hedge: Hedge, doc: Doc) -> bool:
    """'Rossi should resign if he cannot stop the levy', 'the board must act if the pier fails': a condition on
    what someone should or must do sets terms for a demand; the demand is made now, it forecasts nothing (the
    editors read every "should" as reported, with or without a condition)."""
    if hedge.kind != "conditional":
        return False
    return any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in doc[hedge.scope].children)


DEONTIC = frozenset({"should", "must", "ought", "shall"})


def _stock_condition(hedge: Hedge) -> bool:
    """'I will do it again if need be', 'the board will sit late if necessary': a stock condition names no event
    the statement waits on; it qualifies a pledge or a plan, which the editors read as reported."""
    return hedge.kind == "conditional" and " ".join(hedge.text.lower().split()) in STOCK_CONDITIONS


STOCK_CONDITIONS = frozenset({"if need be", "if necessary", "if needed", "if required", "if possible",
                              "if warranted", "if appropriate"})


def _softened_statement(hedge: Hedge, doc: Doc) -> bool:
    """'My concern would be that the pier is failing', 'the point would be that nobody asked': "would be" between
    a noun of saying or thinking and a that-clause softens the speaker's own statement of the clause, which is
    no forecast (a guess or a risk that "would be" something stays one)."""
    if hedge.text.lower() != "would":
        return False
    verb = doc[hedge.scope]
    if verb.lemma_ != "be":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (subject is not None and subject.lemma_.lower() in STATEMENT_NOUNS
            and any(c.dep_ == "ccomp" and that_marked(c)
                    for c in verb.children))


STATEMENT_NOUNS = frozenset({"concern", "worry", "point", "argument", "answer", "message", "view", "position",
                             "feeling", "sense", "complaint", "criticism", "objection", "reply", "response"})


def _realis_condition(hedge: Hedge, doc: Doc) -> bool:
    """'If you read the report, it says indict', 'If he has killed reporters, I think that's terrible': a
    condition set first, followed by a plain present-tense consequence without a modal or a future, states
    what holds whenever the condition does; it forecasts nothing (the editors read both such statements on the
    train-text stories as reported). A modal in either clause ("even if she could convince them", "if he
    wins, he will …") or a consequence in the past ("if she used it, they picked it up") keeps the hedge."""
    if hedge.kind != "conditional" or not hedge.text.lower().startswith("if"):
        return False
    head = doc[hedge.scope]
    mark = doc.char_span(hedge.start, hedge.end, alignment_mode="expand")
    if mark is None or mark[0].i > head.i:
        return False
    condition = mark[0].head
    if any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ in FUTURE_AUX) for c in condition.children):
        return False
    if head.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ in FUTURE_AUX) for c in head.children)


def _own_impression(hedge: Hedge, span: Span, doc: Doc) -> bool:
    """'seems to'/'appears to' inside someone's statement ("she said there appeared to be no intent") is the
    speaker's own wording of what they state, not a doubt the report casts on it (recorded, not applied;
    on the nine train-text ledger stories the editors read all three such statements as reported)."""
    return (hedge.kind == "doubt" and span.start_char <= hedge.start < span.end_char
            and doc[hedge.scope].lemma_.lower() in load_lexicon().seem_verbs)


def main_verbs(span: Span, root: Token) -> list[Token]:
    """The verbs of a statement's main clause that the parser hung outside the span's root: in "that the
    men detained could be part of X" it may make "detained" the root and attach "could be" beside it. A verb
    past a colon or a semicolon starts another statement ("… understood his meaning: it very likely had been
    breached" is the outlet's gloss, not the speaker's clause), so its hedges stay its own."""
    return [t for t in span if t.i != root.i and t.sent.start == root.sent.start and t.pos_ in ("VERB", "AUX")
            and not span.start <= t.head.i < span.end
            and not any(w.text in (":", ";") for w in root.doc[min(t.i, root.i) + 1:max(t.i, root.i)])]


def _intention(hedge: Hedge, doc: Doc, body: bool = False) -> bool:
    """'would' after a reporting verb with the speaker as subject states an intention, not a forecast:
    "he said he would resign", "they said they would only offer conditional support". About anyone
    else, or about what the speaker would *be*, it forecasts: "he said the move would split the party",
    "she argued she would be the stronger nominee" (hypothetical). When the speaker is a body (``body``), its
    "it" before a verb of doing is the body itself: "the company said it would extend its bid" (on the UW and
    MEANTIME train splits all 7 such clauses are scored as what will happen, +1.2 to +3)."""
    word = hedge.text.lower()
    if word not in ("would", "could"):
        return False
    verb = doc[hedge.scope]
    if _refusal(verb, body):
        return True
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if word != "would" or subject is None or verb.lemma_ == "be":
        return False
    return subject.lower_ in PERSONAL or body and subject.lower_ == "it" and _act(verb)


def _act(verb: Token) -> bool:
    """A verb of doing, as a body announces it ("it would extend its bid", "it would release the file"): not
    a state or a perfect ("it would have cost more", "it would take years")."""
    return (verb.lemma_ not in ("be", "have", "take", "cost", "mean", "need", "seem", "appear", "become")
            and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def _advice(hedge: Hedge, doc: Doc) -> bool:
    """'Boots on the ground would be appropriate', 'it would be wise to wait', 'she would do well to build
    bridges': "would" softening a judgement of what ought to be done recommends, as "should" does (the
    editors read such statements as reported, like every "should"); it forecasts nothing."""
    if hedge.text.lower() != "would":
        return False
    verb = doc[hedge.scope]
    if verb.lemma_ == "do":
        return any(c.lower_ == "well" for c in verb.children) and any(
            c.dep_ in ("xcomp", "advcl") and any(g.lower_ == "to" for g in c.children) for c in verb.children)
    return verb.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in ADVISABLE for c in verb.children)


ADVISABLE = frozenset({"appropriate", "inappropriate", "wise", "unwise", "prudent", "advisable", "sensible",
                       "smart", "mistake", "error"})


def _refusal(verb: Token, body: bool = False) -> bool:
    """'would not'/'could not' before a verb of doing reports a decision or a refusal, whoever the subject:
    "the department would not prosecute her", "the campaign would not mislead voters", "he couldn't yet
    support him" (3 of 3 such statements reported by the editors on the train-text stories). What something
    would not *be* or *have been* stays a forecast ("it wouldn't be an orderly process"), and so does what a
    thing would not do ("the levy would not affect fares"): only people and bodies decide. When the speaker is a
    body (``body``), its "it" is the body itself: "the court ruled that it could not accept the argument", "the
    agency said it would not release the file"."""
    if verb.lemma_ in ("be", "have") or not any(c.dep_ == "neg" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (_person_like(subject) or subject.ent_type_ in ("ORG", "GPE")
                                    or subject.lemma_.lower() in ORG_HEADS or body and subject.lower_ == "it")


PERSONAL = frozenset({"i", "we", "he", "she", "they", "you"})


def statement_root(span: Span, mention: Mention) -> Token:
    """The main word of what the content states. A direct quote kept with its speech tag ("'It would be
    a long shot,' said Ana Ruiz.") has the tag's verb as the span's root: the statement is the quoted
    clause that verb governs. A quote running over sentences may have a quotation mark as root: the
    first sentence's main word is then the statement's."""
    root = span.root
    cue_start, cue_end = mention.cue_span or (-1, -1)
    if mention.form != "outlet" and cue_start <= root.idx < cue_end:
        quoted = [c for c in root.children if span.start <= c.i < span.end and c.dep_ in ("ccomp", "parataxis")
                  and not cue_start <= c.idx < cue_end]
        if quoted:
            return quoted[0]
    if root.pos_ == "NOUN":  # "(expressed) confidence that the party could unite": the clause is the statement
        clause = next((c for c in root.children if c.dep_ in ("acl", "ccomp") and span.start <= c.i < span.end
                       and that_marked(c)), None)
        if clause is not None:
            return clause
    if root.is_punct or root.is_space:
        words = [t for t in span if t.dep_ == "ROOT" and not (t.is_punct or t.is_space)]
        if words:
            return statement_root(span.doc[words[0].sent.start:min(words[0].sent.end, span.end)], mention)
        # a quote whose opening or closing mark the parser made the span's root, the clause itself hanging
        # from the speech tag outside the span: its highest word
        highest = [t for t in span if not (t.is_punct or t.is_space) and not span.start <= t.head.i < span.end]
        if highest:
            return highest[0]
    return root


def _apply_hedges(mention: Mention, span: Span, hedges: HedgeIndex, lex: Lexicon) -> None:
    root = statement_root(span, mention)
    recorded, active = governing_hedges(root, mention, span, hedges)
    _add_hedges(mention, [h.text for h in recorded])
    if mention.status == "confirmed" and not confirms(cue_root(root.doc, mention), root, _future(root)):
        mention.status = "reported"  # "confirmed she would run": an announcement (``confirmations.py``)
    statuses = [mention.status] + [STATUS_BY_HEDGE[h.kind] for h in active]
    if mention.form == "outlet" and _confirmed_passive(root, lex) or _confirmed_noun(root, lex):
        statuses.append("confirmed")
    if mention.form != "outlet" and (_forecast(root, lex) or _opinion_forecast(root, lex)
                                     or _conditional_forecast(span, lex) or _probable(root)
                                     or _judged_probable(root, lex) or _untimed_future(root)
                                     or _foretold(root, mention) and _cue_class(root.doc, mention) == "say"):
        statuses.append("hypothetical")
    mention.status = strongest(*statuses)


def _forecast(root: Token, lex: Lexicon) -> bool:
    """'(he said) he expects to win', '(she said) she predicts a recount': a forecast verb in the present
    as the statement's main word (the past, "expected his bid to open his past up", tells what was)."""
    return (root.lemma_.lower() in lex.forecast_cues and root.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ == "neg" for c in root.children))


FUTURE_AUX = frozenset({"will", "'ll", "\u2019ll", "wo", "shall"})


PROBABILITY = frozenset({"likely", "unlikely", "possible", "probable", "improbable"})


def _probable(root: Token) -> bool:
    """'the council is unlikely to approve the levy', 'it is possible that outsiders got in', 'a deal is
    likely': a statement whose main word is a judgement of probability says what may be, not what is (the
    contract's "is unlikely to" → hypothetical). Not an attribute ("the likely winner is Ruiz")."""
    return root.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lower_ in PROBABILITY for c in root.children)


def _judged_probable(root: Token, lex: Lexicon) -> bool:
    """'We assess it is possible that outsiders got in', 'I think it is likely the council approves the levy': an
    opinion whose clause is a judgement of probability (:func:`_probable`) says what may be, as the bare
    judgement does."""
    return root.lemma_.lower() in lex.opinion_verbs and any(
        c.dep_ == "ccomp" and _probable(c) for c in root.children)


def _opinion_forecast(root: Token, lex: Lexicon) -> bool:
    """'I think the vote will fail', 'it seems certain she will run', 'he is looking like he'll win': an
    opinion about what will happen is a forecast, as a modal would make it (5 such statements on the
    train-text stories, all hypothetical for the editors). The speaker's own future stays an intention
    ("I don't think we will stop talking": reported)."""
    if root.lemma_.lower() not in lex.opinion_verbs:
        return False
    complements = [c for c in root.children if c.dep_ in ("ccomp", "xcomp")]
    complements += [g for c in root.children if c.dep_ in ("acomp", "oprd", "prep")
                    for g in c.children if g.dep_ in ("ccomp", "pcomp", "xcomp")]
    complements += [c for c in root.children if c.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ in ("like", "as") for m in c.children)]
    return any(_future(verb) and not _own(verb) for verb in complements)


def _conditional_forecast(span: Span, lex: Lexicon) -> bool:
    """'If we lose Orlen, we will be upfront about it', 'If it turns out …, that could help him': a statement
    that opens on a condition and says what will or could follow is a forecast, wherever the parser hung
    the if-clause (it often makes it the main clause, or hangs it from a word inside the consequence)."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if words and _inverted_condition(words[0]):  # the content is itself a condition
        return True
    if not words or words[0].lower_ not in lex.conditional_marks:
        return False
    sentence = [t for t in words[0].sent if span.start <= t.i < span.end]
    condition = {t.i for t in words[0].head.subtree}
    comma = next((t.i for t in sentence if t.i > words[0].i and t.text == ","), None)
    rest = [t for t in sentence if t.i not in condition or comma is not None and t.i > comma]
    return any((t.dep_ in ("aux", "auxpass") and (t.lower_ in lex.speculative_modals or t.lower_ in FUTURE_AUX)
                or _future(t)) and not _in_relative_clause(t, span) for t in rest)


def _in_relative_clause(word: Token, span: Span) -> bool:
    """Does the word sit in a clause that describes a noun ("those are the words that they would use")? A
    modal there bears on the description, not on what follows the condition."""
    token = word if word.pos_ == "VERB" else word.head
    while span.start <= token.i < span.end and token.head.i != token.i:
        if token.dep_ in ("relcl", "acl"):
            return True
        token = token.head
    return False


def _inverted_condition(first: Token) -> bool:
    """'should the campaign keep up its attacks (, …)', 'had he known', 'were she to run': an auxiliary
    before its own subject at the head of a statement is a condition, not a question in reported speech."""
    if first.lower_ not in ("should", "had", "were") or first.dep_ not in ("aux", "auxpass"):
        return False
    if any(t.text == "?" for t in first.sent):  # "Should the council resign?" asks
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in first.head.children)


def _foretold(root: Token, mention: Mention) -> bool:
    """'the senator will arrive with enough delegates', 'Orlen will be a shambles': what a named or described
    third party (a person, a body, a place) will do or be, told plainly (a say-class cue) by someone else, is a
    forecast. What will happen to a thing is an announcement ("the smelter will close", "the questioning
    will start with her"), and so is a scheduled event (a date or time in the clause: "the two will meet
    next week"); a negation or a pronoun subject (the speaker's own intention, perhaps) is left alone."""
    if not _future(root) or any(c.dep_ == "neg" for c in root.children):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in mention.source.name.lower():
        return False
    party = (subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC") or _person_like(subject)
             or subject.lemma_.lower() in ROLE_NOUNS | ORG_HEADS)
    return party and not any(t.ent_type_ in ("DATE", "TIME") for t in root.subtree)


def _untimed_future(root: Token) -> bool:
    """'Positions are gonna soften eventually', 'the town will someday regret it': a future set at no time the
    speaker can name is a prediction, whoever its subject (a dated or planned act names its day)."""
    if not _future(root):
        return False
    verbs = [root] + [c for c in root.children if c.dep_ == "xcomp"]  # "going to soften": the adverb on either
    return any(c.dep_ == "advmod" and c.lower_ in UNTIMED for verb in verbs for c in verb.children)


UNTIMED = frozenset({"eventually", "someday"})  # not "sometime": "sometime next week" names it


def _future(verb: Token) -> bool:
    """'will win', 'won't win', 'is going to win', 'is gonna win'."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    return verb.lower_ in ("going", "gon") and any(c.dep_ == "xcomp" for c in verb.children)


def _own(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in verb.children)


def _confirmed_noun(root: Token, lex: Lexicon) -> bool:
    """'(citing) a confirmed report that X': the mirror of "an unconfirmed report" (np_doubt); ``root`` may be
    the noun or the clause it carries."""
    if root.dep_ in ("acl", "ccomp") and root.head.pos_ == "NOUN":
        root = root.head
    return root.pos_ == "NOUN" and any(t.dep_ == "amod" and t.lower_ in ("confirmed", "verified", "corroborated")
                                       for left in root.lefts for t in left.subtree)


def _confirmed_passive(root: Token, lex: Lexicon) -> bool:
    """'The deaths were confirmed by the ministry': an unnegated passive confirmation."""
    deps = {child.dep_ for child in root.children}
    return (root.lemma_.lower() in lex.verification_lemmas and "auxpass" in deps and "neg" not in deps
            and not appointed(root))


def _add_hedges(mention: Mention, words: list[str]) -> None:
    for word in words:
        if word not in mention.hedges:
            mention.hedges.append(word)


def _flag(mention: Mention, flag: Flag) -> None:
    mention.status = strongest(mention.status, "unverified")
    mention.flagged_by = flag.sentence
    _add_hedges(mention, [flag.phrase])


def _flag_targets(doc: Doc, flag: Flag, mentions: list[Mention], lemmas: list[set[str]]) -> list[int]:
    """Indexes of the mentions a flag points back at (never the flag's own statement)."""
    before = [i for i, m in enumerate(mentions)
              if m.start < flag.start and not (m.start <= flag.start and flag.end <= m.end)]
    if flag.target == "owner":
        name = owner_of(doc, flag.word, [mentions[i] for i in before])
        theirs = [i for i in before if name is not None and mentions[i].source.name == name
                  and mentions[i].source.kind != "outlet"]
        if flag.noun in CLAIM_NOUNS:  # "his claims": what he claims, when the report tells it apart
            return [i for i in theirs if _cue_class(doc, mentions[i]) == "claim"] or theirs
        return theirs
    if flag.target == "noun":
        matching = [i for i in before if flag.word in lemmas[i]]
        if matching:
            last_sentence = mentions[matching[-1]].sentence
            return [i for i in matching if mentions[i].sentence == last_sentence]
    same_sentence = [i for i in before if mentions[i].start >= flag.sentence[0]]
    if same_sentence:
        return same_sentence
    previous = [i for i in before if mentions[i].start < flag.sentence[0]]
    if not previous:
        return []
    text = doc_text(doc)
    start, _ = _unit(doc, text, mentions[previous[-1]].start)
    targets = [i for i in previous if mentions[i].start >= start]
    if flag.plural and flag.word in _PLURAL_POINTERS:
        targets = _earlier_run(doc, text, mentions, previous[:-len(targets)], start) + targets
    return targets


_PLURAL_POINTERS = {"these", "those", "the", "such"}  # "both"/"neither" count two: no run back


def _earlier_run(doc: Doc, text: str, mentions: list[Mention], earlier: list[int], after: int) -> list[int]:
    """For a plural flag ("These claims …"): the mentions of the sentences just before the one starting
    at ``after``, back through the same paragraph until a sentence holds no mention, one the outlet
    states unhedged (its own fact), or a contest or confirmation (no claim awaiting verification)."""
    run: list[int] = []
    while earlier:
        start, end = _unit(doc, text, mentions[earlier[-1]].start)
        group = [i for i in earlier if mentions[i].start >= start]
        gap = text[end:after]
        if gap.strip() or "\n" in gap or not all(_awaits_verification(mentions[i]) for i in group):
            break
        run = group + run
        earlier, after = earlier[:-len(group)], start
    return run


def _unit(doc: Doc, text: str, char: int) -> tuple[int, int]:
    """(start, end) of the sentence holding a character, cut at paragraph breaks (the parser sometimes
    runs a sentence across a blank line)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return char, char
    sent = span[0].sent
    start = max(sent.start_char, text.rfind("\n", 0, char) + 1)
    newline = text.find("\n", char, sent.end_char)
    end = newline if newline >= 0 else sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _awaits_verification(mention: Mention) -> bool:
    """A statement a later flag may doubt: someone else's, or the outlet's own but hedged."""
    if mention.status in ("denied", "disputed", "confirmed"):
        return False
    return mention.form != "outlet" or mention.status != "asserted"


def _cue_class(doc: Doc, mention: Mention) -> str | None:
    """The cue class of a mention's cue word ("claims" → "claim"): its first word with a class."""
    classes = cue_classes(doc, mention)
    return classes[-1] if classes else None


