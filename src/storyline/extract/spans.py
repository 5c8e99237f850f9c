"""Attribution spans: where a cue, a content or a source starts and ends in the parse. The token range of a
cue's verb group (auxiliaries, negation, particles, a day or a manner adverb, a channel: "has vehemently denied",
"said Tuesday in a statement"; a verb that leads into the cue: "goes on to say"); the char span of a subtree kept
on its side of the cue and in its paragraph, stopped before a conjoined cue of its own ("said X and added that Y")
and before a reporter's aside at its end (", which …", ", a claim the city disputes"), and run on over a dash aside
the parser cut it inside ("her pier - there were several, in succession - was never hacked"); paragraphs (the parser
sometimes runs a sentence over a paragraph break); edge trimming. Also the ``_Found`` record every construction
returns and the word lists several constructions share. The lowest of the attribution modules: it imports none
of the others.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Source
from .cues import Cues, load_cues
from .nlp import doc_text

OBJECT_DEPS = ("dobj", "obj")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
GROUP_DEPS = {"aux", "auxpass", "neg"}
EDGE_PUNCT = " \t\n\xa0,.;:—–-"
QUOTE_CHARS = {"“", "”", '"', "’", "‘"}
WH_TAGS = {"WDT", "WP", "WRB", "WP$"}
DOUBLE_QUOTES = {"“", "”", '"', "''"}
ASIDE_WORDS = {"when", "who", "which", "though", "although", "whereas", "while"}
SAYING_CLASSES = {"say", "claim", "report"}  # cues whose speaker may be a bare name before them
SPEECH_CLASSES = frozenset({"say", "claim", "report", "urge", "dispute", "deny", "confirm"})  # speech, not thought
ASIDE_BREAKS = {",", "—", "–"}  # marks that may open a reporter's aside at the end of a content
# ", drawing boos from the crowd", ", throwing the council into disarray", ", referring to the bridge": a participle
# after the content that tells what the statement set off or what it meant is the reporter's, not the speaker's.
# Consequences in general stay (", bringing its total to 95 million" is often the speaker's own arithmetic):
# on PolNeAR train cutting every trailing participle gained 30 exact contents and lost 32; these verbs, 16 and 0
# in 13 articles (issue 15).
REACTION_PARTICIPLES = {"draw", "spark", "prompt", "trigger", "provoke", "elicit", "refer", "contrast", "throw",
                        "fuel", "stoke", "ignite", "reignite", "echo", "point", "reflect", "signal", "underscore",
                        "highlight", "side"}
HEADLINE_LABELS = {"update", "updated", "analysis", "opinion", "exclusive", "watch", "breaking", "editorial",
                   "review", "live", "video", "photos", "correction", "clarification", "note", "editor's note",
                   "the latest", "latest", "factbox", "explainer", "timeline", "q&a", "first person", "comment",
                   "email", "byline", "dateline", "busted", "boom", "revealed", "wow", "look", "just leaked",
                   "bombshell", "paid notice", "delegate update", "stat of the week", "photo", "audio", "wire"}
MAX_GAP = 3  # characters of punctuation allowed between a cue group and the quote it takes
PARAGRAPH_KEY = ("storyline", "paragraphs")
LINE_ENDS = ".!?:\"”’)"  # a line ending in one of these ends a paragraph even without a blank line
CONDITIONAL_MARKS = {"if", "unless"}  # "if confirmed", "if the inquiry finds that …": no one says it


@dataclass
class _Found:
    cue: tuple[int, int]  # token range [start, end)
    cls: str
    content: tuple[int, int] | None  # char span
    source_head: Token | None
    source: Source | None = None  # set directly for unnamed hedges
    around: bool = False  # content on both sides of the cue: "The bridge, she said, was closed"
    cue_chars: tuple[int, int] | None = None  # char span when the cue is part of a token ("”―")
    source_name: Span | None = None  # a bare name the parser did not make the cue's subject
    far_source: bool = False  # a speaker named outside the cue's sentence (a headline's, in the lead): no span


def _verb_group(tok: Token, phrase: list[Token], cues: Cues) -> tuple[int, int]:
    """Token range of the cue: the verb with auxiliaries, negation, adverbs between them, particles,
    phrase words and a channel ("said in a statement"), kept contiguous."""
    members = {tok.i} | {t.i for t in phrase}
    for child in tok.children:
        if child.dep_ in GROUP_DEPS or child.dep_ == "prt":
            members.add(child.i)
        elif child.dep_ == "advmod" and child.i < tok.i and child.lower_ not in {"however", "then", "so"}:
            members.add(child.i)
            members.update(g.i for g in child.children if g.dep_ == "advmod")  # "once again"
    after = tok.i  # then, one after another: "said Tuesday", "said sarcastically", "said Friday in a statement"
    while after + 1 in members:
        after += 1
    for child in tok.rights:
        if child.i in members:
            continue
        if child.left_edge.i != after + 1:
            break
        if _manner_or_day(child):
            members.add(child.i)
        elif (child.dep_ == "prep" and child.lower_ in {"in", "on", "during"}
              and any(g.dep_ == "pobj" and g.lemma_.lower() in cues.channels for g in child.children)):
            members.update(range(child.i, next(g.i for g in child.children if g.dep_ == "pobj") + 1))
        else:
            break
        after = max(members)
    if phrase and phrase[0].dep_ in OBJECT_DEPS:  # "cast doubt on": keep the object words
        members.update(range(tok.i, phrase[-1].i + 1))
    members.update(t.i for t in tok.doc[min(members):max(members)] if t.is_space)  # "has\xa0acknowledged"
    start = end = tok.i
    while start - 1 in members:
        start -= 1
    while end + 1 in members:
        end += 1
    if _leads_in(tok, start, cues):  # "goes on to say", "chose not to believe", "began by saying"
        lead = tok.head if tok.dep_ == "xcomp" else tok.head.head
        start = _verb_group(lead, [], cues)[0]
    return start, end + 1


def _leads_in(tok: Token, start: int, cues: Cues) -> bool:
    """Is the cue verb's group right after a verb that is no cue itself but leads into it ("goes on to
    say", "began by saying")? Then that verb is part of the cue."""
    doc = tok.doc
    if tok.dep_ == "xcomp" and doc[start].lower_ == "to":
        head, link = tok.head, start
    elif tok.dep_ == "pcomp" and tok.head.i == start - 1 == tok.i - 1 and tok.head.dep_ == "prep":
        head, link = tok.head.head, tok.head.i
    else:
        return False
    lemma = head.lemma_.lower()
    if head.pos_ != "VERB" or head.i > link or lemma in cues.words and lemma not in cues.quote_only:
        return False
    last = max([head.i] + [c.i for c in head.children if c.dep_ in {"prt", "neg"} and head.i < c.i < link])
    return last == link - 1


def _manner_or_day(tok: Token) -> bool:
    """A word right after a cue verb that belongs to the cue: a day ("said Tuesday") or a manner adverb
    ("said sarcastically"), not a word of what is said ("said so", "said how")."""
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in {"DATE", "TIME"} and not any(True for _ in tok.children)
    return tok.dep_ == "advmod" and tok.tag_ == "RB" and tok.lower_.endswith("ly") and tok.lower_ != "only"


def _subtree_span(tok: Token, exclude: Token, whole: bool = False) -> tuple[int, int]:
    """Char span of tok's subtree, kept on tok's side of the cue word (``whole``: around it), stopping
    before a conjoined cue verb with its own clause ("said X and added that Y")."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    fronted = doc[left].tag_ in WH_TAGS and left < exclude.i < tok.i  # "what she says it would do"
    if left <= exclude.i <= right and not (whole or fronted):
        if tok.i > exclude.i:
            left = exclude.i + 1
        else:
            right = exclude.i - 1
    para = _paragraph(doc, tok.i)
    left, right = max(left, para[0]), min(right, para[1] - 1)
    for child in tok.rights:
        if left < child.i <= right and child.dep_ == "conj" and (
                _own_attribution(child) or tok.i > exclude.i and _speakers_verb(child, tok, exclude)):
            right = min(right, child.left_edge.i - 1)
    right = past_dash_aside(doc, left, right, exclude.i if exclude.i > right else para[1], exclude)
    right = _before_aside(doc, left, right)
    while right > left and (doc[right].dep_ == "cc" or doc[right].is_punct and doc[right].text not in QUOTE_CHARS):
        right -= 1
    return _trim(doc, doc[left].idx, doc[right].idx + len(doc[right]))


def _speakers_verb(verb: Token, head: Token, cue: Token) -> bool:
    """A verb the parser coordinated with the clause said that is the speaker's own next act, in the
    cue's form, not the clause's: "said the city should tax the barges and proposed a toll"; with an
    auxiliary, the auxiliary in the cue's form after "and" ("insists the guild must be a body of experts, and
    has championed …"), not after "or" ("said they would vote for her or were leaning …": their alternative);
    a verb of saying after "and", whatever the clause's form (``_speech_act_after_and``)."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.pos_ != "VERB" or cue.pos_ != "VERB":
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if not auxes:
        return verb.tag_ == cue.tag_ != head.tag_ or _speech_act_after_and(verb, head, cue)
    return (auxes[0].tag_ == cue.tag_ != _finite_tag(head)  # "insists the party must be X, and has championed Y"
            and _joined_by_and(head, verb))  # "… would vote for her or were leaning …": theirs


def _speech_act_after_and(verb: Token, head: Token, cue: Token) -> bool:
    """A verb of saying joined by "and" to the clause said, in the cue's form and with an object
    of its own, whose clause names its own subject: the speaker's next act even where the clause's verb has
    the cue's form too ("says he respects the mayor and calls her a fine manager", "said Ruiz was wrong and
    criticized her for it")."""
    return (verb.tag_ == cue.tag_ and _joined_by_and(head, verb)
            and load_cues().cue_class(verb.lemma_) == "say"
            and any(c.dep_ in SUBJECT_DEPS for c in head.children)
            and any(c.dep_ in OBJECT_DEPS or c.dep_ in {"ccomp", "xcomp", "prep"} for c in verb.children))


def _joined_by_and(head: Token, verb: Token) -> bool:
    """Is the last conjunction between a verb and the one it is coordinated with "and"?"""
    joined = [c for c in (*head.children, *verb.children) if c.dep_ == "cc" and head.i < c.i < verb.i]
    return bool(joined) and joined[-1].lower_ == "and"


def _finite_tag(verb: Token) -> str:
    """The tag of a verb's finite form: its first auxiliary's, or its own."""
    return next((c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i), verb.tag_)


def _own_attribution(verb: Token) -> bool:
    """A conjoined cue verb that makes an attribution of its own: "… and added that Y" (the same
    speaker), "… and the union accused the owners of Y" (another, named one)."""
    if not load_cues().words.get(verb.lemma_.lower()):
        return False
    if any(c.dep_ == "mark" for c in verb.children):  # "… and that the footage showed Y": one more clause said
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:  # "… and added that Y", "… and urged the crews to leave"
        return any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
    return subject.pos_ in {"PROPN", "NOUN", "NUM"} and any(c.dep_ in {"ccomp", *OBJECT_DEPS} for c in verb.children)


def _dash(tok: Token) -> bool:
    """A dash setting off an aside: an en or em dash, or a hyphen with a space on each side ("the pier - there
    were two - was"; a hyphen inside a word, "side-by-side", is none)."""
    if tok.text in ("—", "–", "--"):
        return True
    return tok.text == "-" and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)


def past_dash_aside(doc: Doc, left: int, right: int, stop: int, cue: Token) -> int:
    """'said her pier - there were actually two, side by side - was never flooded': the parser may take the
    aside's verb for the clause said, so the subtree ends inside the aside, at its comma. When the span opens a
    dash aside after its first word and does not close it, and the closing dash follows in the same sentence,
    the span runs on over the aside and the rest of the clause after it (the words hung on the first word
    after the closing dash, up to the word they hang on before it), stopping before ``stop`` (the cue, or the
    paragraph's end). What follows the aside is not the content's when it has a subject other than one in the
    span ("While Lin says she will accept the advice – the one the board picked – traders are wary"; "Ruiz,
    after saying she would not run in the state - it is too big, given its costs - ran there"), when it hangs
    on a word above the cue ("told the critics who oppose the levy - most of them his voters - to be quiet"),
    or when a conjunction joins it ("praised the crews - 'they never slept,' he said - and argued …": the
    speaker's next act)."""
    dashes = [i for i in range(left + 1, right + 1) if _dash(doc[i])]
    if len(dashes) % 2 == 0:
        return right
    sent_end = min(doc[right].sent.end, stop)
    close = next((i for i in range(right + 1, sent_end) if _dash(doc[i])), None)
    if close is None or close + 1 >= sent_end or doc[close + 1].is_punct or doc[close + 1].tag_ == "CC":
        return right
    top = doc[close + 1]
    while top.head != top and top.head.i > right and top.head.i < sent_end:
        top = top.head
    if any(c.dep_ in SUBJECT_DEPS and not left <= c.i <= right for c in top.children):
        return right  # a clause with a subject of its own, not the span's
    if top.head != top and top.head != cue and top.head.is_ancestor(cue):
        return right  # the rest of a clause the cue is part of
    return max(right, min(top.right_edge.i, sent_end - 1))


def before_dash_aside(doc: Doc, left: int, right: int, stop: int) -> int:
    """'The pier - there were two, side by side - was never flooded, according to Emmer': the mirror of
    ``past_dash_aside``. When the span closes a dash aside before its last word that it did not open, and
    the opening dash comes before it in the same sentence, the span starts where the clause before the aside
    starts (the left edge of the word the word before the opening dash hangs on, within the sentence), not
    before ``stop``. Used by "according to" only: on the contents of other cues it took the cue's own words
    in (PolNeAR train, 1 change, wrong)."""
    dashes = [i for i in range(left, right) if _dash(doc[i])]
    if len(dashes) % 2 == 0:
        return left
    sent_start = max(doc[left].sent.start, stop)
    opening = next((i for i in range(left - 1, sent_start - 1, -1) if _dash(doc[i])), None)
    if opening is None or opening - 1 < sent_start or doc[opening - 1].is_punct:
        return left
    top = doc[opening - 1]
    while top.head != top and top.head.i < left and top.head.i >= sent_start:
        top = top.head
    return min(left, max(top.left_edge.i, sent_start))


def _before_aside(doc: Doc, left: int, right: int) -> int:
    """Cut a trailing aside the reporter adds to the content: ", which …", ", though …", a cue of its own
    (", citing …", ',” adding …'), a description (", a claim the city disputes") or how it was received
    (", drawing boos"); ", raising the toll to 43" stays: it is part of what was said."""
    marks = 0
    for i in range(left + 1, right):
        if doc[i].text in DOUBLE_QUOTES:
            marks += 1
            if doc[i - 1].text == "," and marks % 2 == 0 and (
                    _reaction(doc[i + 1]) or _opens_aside(doc[i + 1]) and _trailing(doc, i, right)):
                return i  # '“… the port,” adding that …': keep the closing mark
        elif doc[i].text == "," and marks % 2 == 0 and _reaction(doc[i + 1]):
            return i - 1  # ", drawing boos from the crowd"
        elif (doc[i].text in ASIDE_BREAKS and marks % 2 == 0 and _trailing(doc, i, right)
              and (_opens_aside(doc[i + 1]) or doc[i].text == "," and _description(doc, i, right))):
            return i - 1
    return right


def _description(doc: Doc, comma: int, right: int) -> bool:
    """Does a common-noun apposition open after this comma (", a claim the city disputes")?"""
    top = doc[comma + 1]
    while comma < top.head.i <= right and top.head != top:
        top = top.head
    return top.dep_ == "appos" and top.pos_ == "NOUN" and top.head.i < comma


def _trailing(doc: Doc, comma: int, right: int) -> bool:
    """Does the clause opening after this comma run to the end? (", which include A and B, voters …"
    is a clause set in the middle, not an aside at the end)."""
    top = doc[comma + 1]
    while comma < top.head.i <= right and top.head != top:
        top = top.head
    return all(t.is_punct for t in doc[top.right_edge.i + 1: right + 1])


def _opens_aside(tok: Token) -> bool:
    return (tok.lower_ in ASIDE_WORDS and tok.dep_ != "conj"
            or tok.tag_ == "VBG" and tok.dep_ in {"advcl", "acl", "xcomp"} and tok.lemma_.lower() in load_cues().words)


def _reaction(tok: Token) -> bool:
    """A participle that tells how the statement was received or what it meant (``REACTION_PARTICIPLES``):
    everything from it on is the reporter's, even where the parser hung a later word back on the content."""
    return (tok.tag_ == "VBG" and tok.dep_ in {"advcl", "acl", "xcomp", "conj"}
            and tok.lemma_.lower() in REACTION_PARTICIPLES)


def _paragraph(doc: Doc, i: int) -> tuple[int, int]:
    """Token range [start, end) of the paragraph holding token i. The parser sometimes runs a sentence
    over a paragraph break; what is said stays in one paragraph (quotes running on are joined later)."""
    starts = doc.user_data.get(PARAGRAPH_KEY)
    if starts is None:
        starts = [0]
        for tok in doc[:-1]:
            if "\n" in tok.text_with_ws:
                last = doc[tok.i - 1] if tok.is_space and tok.i else tok
                if tok.text_with_ws.count("\n") > 1 or last.text[-1:] in LINE_ENDS:
                    starts.append(tok.i + 1)
        doc.user_data[PARAGRAPH_KEY] = starts
    k = bisect_right(starts, i) - 1
    return starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)


def _past_punct(doc: Doc, i: int, stop: int) -> int:
    """The first token from i on, before stop, that is no punctuation or is a quote mark (the words after a
    tag's closing comma, a quote's opening mark kept); stop when there is none."""
    while i < stop and doc[i].is_punct and doc[i].text not in QUOTE_CHARS:
        i += 1
    return i


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge spaces and punctuation that belong to the sentence, not the content."""
    text = doc_text(doc)
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end
