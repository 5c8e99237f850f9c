"""Attribution: who says what in a report, with the cue that says so.

One pass over the parse finds cue words (``cues.py``); for each, the dependency tree gives the content
(the clause or object said, believed, disputed…), the source (subject, agent or inverted subject) and the
cue's verb group ("has vehemently denied"). Direct quotes come from the text (``quotes.py``): a cue's
content grows to the whole quote it touches, a cue with no clause takes the quote right before or after it
('"…," urged X'; 'X declared, "…"'), and a quote that follows a quoted mention with no cue of its own
continues it, over an aside of the speaker's ('…," she said, adding that …. "…"'). What the parser hung on
the cue past its content joins the content when it is part of what is said (a reason, a coordinated verb
in the content's form), and a reporter's addition at its end ("…, a claim the city disputes") is cut off.
"As X noted, …" attributes its host clause. "According to X" and source-less hedges ("is said to", "is
expected to", "reportedly") get their own rules, and so do nominal cues ("Koval's claim that …", "made the
case that …", "made it clear that …"). A denial, dispute or confirmation with an object judges that object
("denied those reports"), a passive one with a by-agent its subject ("… is disputed by the ministry"); a
clause across a semicolon is its own statement, not the content of the cue after it; a speaker the parser
hung on the clause said ("…, the Fire Service (FS) said") is still found. Cues inside a direct quote and
in questions are left out. What is said stays in the cue's paragraph (the parser sometimes runs a sentence
over a paragraph break), and a dateline, at the start or after a headline, is no part of any source or
content. Who speaks is not always the subject: an object made to speak ("led the council to warn"), the
speaker of a clause a participle was hung on ("said the plan failed, arguing that …"), the one a feeling
verb moves ("the levy has angered dock workers"); "Asked whether …, X said" is asked by someone unnamed.
"In the latest poll, …" credits the poll, "as X put it" attributes its clause, and "X added:" ending its
paragraph takes the next one. A trained cue judge (``storyline train attribution``), when there is one,
leaves out the rules' unlikely cues and proposes verbs the lexicon lacks ("lambasted the plan", "railed
against the levy"), passives with no one named who speaks among them ("X was accused of Y": all of it said
by someone unnamed); a proposed "seemed"/"appeared" is the report's own hedged impression (form
``outlet``), not a stance of its subject.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ..learn.models import load_model
from ..model import Entity, Form, Mention, Source
from .cues import STATUS_BY_CLASS, Cues, load_cues
from .dateline import dateline_span
from .nlp import doc_text
from .quotes import QuoteIndex, find_quotes
from .sources import UNNAMED_HEADS, SourceResolver

CONTENT_DEPS = ("ccomp", "xcomp")
PROPOSED_POS = {"VERB"}  # words outside the lexicon a trained model may take for cues
OBJECT_DEPS = ("dobj", "obj")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_DEPS = {"advcl", "conj", "xcomp", "acl", "relcl", "ccomp"}
GROUP_DEPS = {"aux", "auxpass", "neg"}
EDGE_PUNCT = " \t\n\xa0,.;:—–-"
QUOTE_CHARS = {"“", "”", '"', "’", "‘"}
CLOSING_MARKS = QUOTE_CHARS | {"'"}
WH_TAGS = {"WDT", "WP", "WRB", "WP$"}
DOUBLE_QUOTES = {"“", "”", '"', "''"}
QUOTE_TOKENS = QUOTE_CHARS | DOUBLE_QUOTES
ASIDE_WORDS = {"when", "who", "which", "though", "although", "whereas", "while"}
SAYING_CLASSES = {"say", "claim", "report"}  # cues whose speaker may be a bare name before them
VERDICT_CLASSES = {"dispute", "deny", "confirm"}  # cues whose object is the thing judged ("denied the reports")
STATEMENT_HEADS = {"report", "statement", "account", "rumor", "document", "record", "memo", "letter", "data",
                   "study", "survey", "poll"}  # unnamed-source heads that are things said, not people
THING_PRONOUNS = {"it", "this", "that", "these", "those", "which", "what", "something", "everything"}
CLAUSE_BREAKS = {";", ":", "—", "–", "--"}  # a clause before one of these is no content of a cue after it
ASIDE_BREAKS = {",", "—", "–"}  # marks that may open a reporter's aside at the end of a content
ESTIMATE_VERBS = {"estimate", "put", "project", "value", "peg"}  # "estimated the cargo at 300 tonnes"
# verbs whose object does what the infinitive after it says ("led some allies to worry …"); not "urge" or
# "push", whose infinitive is what their subject asks for ("urged voters to see …": the subject urges)
CONTROL_VERBS = {"force", "lead", "leave", "prompt", "cause", "persuade", "convince", "get", "need", "want",
                 "expect", "allow", "compel", "drive", "inspire", "spur"}
OCCASIONS = {"conference", "briefing", "meeting", "speech", "interview", "event", "rally", "hearing", "session",
             "appearance", "address", "debate", "forum", "ceremony"}  # where a speaker speaks, not who
EXPERIENCER_VERBS = {"anger", "alarm", "surprise", "rattle", "infuriate", "unsettle", "embolden", "offend", "roil",
                     "excite", "exasperate", "startle", "mystify", "stupefy", "frustrate", "bother", "rankle",
                     "please", "amaze", "worry", "embarrass", "irritate", "upset", "dismay", "disappoint",
                     "outrage", "enrage", "shock", "trouble", "disturb", "concern", "delight",
                     "puzzle", "baffle", "annoy", "irk", "unnerve", "spook", "reassure", "impress"}
FINDINGS = {"poll", "survey", "study", "analysis"}  # "In the latest poll, …"
RAISING_VERBS = {"seem", "appear"}  # "X seems to …": the report's impression of X, not X's stance
OUTLET = "the outlet"  # the report's own voice (``pipeline`` names the outlet)
ACCUSE_VERBS = {"accuse", "blame", "charge", "criticize", "praise", "credit", "fault"}
CONTINUED_FORMS = {"direct"}  # and mixed ones that end on a quote: 'X was "…," she said. "…"' 
SPEAKER_COLON = re.compile(
    r"^[ \t\xa0]*[\"“]?(?P<name>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,3})(?P<colon>:)[ \t\xa0]+(?=\S)", re.MULTILINE)
HEADLINE_LABELS = {"update", "updated", "analysis", "opinion", "exclusive", "watch", "breaking", "editorial",
                   "review", "live", "video", "photos", "correction", "clarification", "note", "editor's note",
                   "the latest", "latest", "factbox", "explainer", "timeline", "q&a", "first person", "comment",
                   "email", "byline", "dateline", "busted", "boom", "revealed", "wow", "look", "just leaked",
                   "bombshell", "paid notice", "delegate update", "stat of the week", "photo", "audio", "wire"}
SIGNATURE = re.compile(  # '“…” ― Ana Ruiz': a quote signed with a dash and a name ending the line
    r"[ \t\xa0]*(?P<dash>[―—–]|--)[ \t\xa0]*(?P<name>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,3})[ \t\xa0.]*(?:\n|$)")
NAME_ENDS_WITH_DOT = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")  # "Ana M.", "Ivo Tan Jr."
INTERVIEW_MARKS = {"Q", "A"}  # an interview's "Q:"/"A:" lines name no one
SIGNATURE_DASHES = {"―", "—", "–", "--"}
TRAILING_DEPS = {"dobj", "dative", "prep", "npadvmod", "advmod"}  # between a cue and the quote it takes
MAX_SPEAKER = 12  # words of a speaker's name the parser left between a clause and its cue
MAX_GAP = 3  # characters of punctuation allowed between a cue group and the quote it takes
SENTENCE_END = re.compile(r"[.;:!?]\s")
APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")  # "Clinton’s": no quote mark
MAX_BRIDGE = 300  # characters of "he told reporters in …" between a quote and its continuation
PARAGRAPH_KEY = ("storyline", "paragraphs")
LINE_ENDS = ".!?:\"”’)"  # a line ending in one of these ends a paragraph even without a blank line
CONDITIONAL_MARKS = {"if", "unless"}  # "if confirmed", "if the inquiry finds that …": no one says it
REASON_MARKS = {"because", "if", "unless", "since"}  # a reason or condition the speaker gives with the content
ANONYMITY_VERBS = {"name", "identify"}  # "asked not to be named", "declined to be identified"
REFUSAL_VERBS = {"refuse", "decline"}
COMMENT_VERBS = {"comment", "say", "elaborate", "discuss", "speak", "respond", "answer", "talk", "give", "provide",
                 "specify", "confirm", "address", "explain", "detail"}
WH_WORDS = {"how", "what", "whether", "who", "why", "when", "where", "which", "if"}
# objects that make "questioning the impact of …" commentary rather than a dispute of a claim
ABSTRACT_OBJECTS = {"impact", "effect", "future", "consequence", "outcome", "implication", "wisdom",
                    "direction", "fate", "role", "value", "meaning", "timing", "motive", "point", "purpose",
                    "sense", "significance", "cost", "benefit", "prospect", "ability", "sustainability"}


class CueModel(Protocol):
    """A trained judge of cue words (``storyline.learn.attribution``)."""

    def decide(self, doc: Doc, free: list[Token], rule_cues: dict[int, str], in_cue: set[int],
               shapes: dict[int, list[str]]) -> tuple[set[int], list[int]]:
        """(the rules' cue words to keep, proposed words to take as cues); ``shapes``: what the rules build
        around each rule cue and each proposed word (``cue_shape``)."""
        ...

    def content_ends(self, doc: Doc, contents: list[tuple[int, int, tuple[int, int]]]) -> list[int]:
        """The last word of each content (start, end, cue) the rules run over the words [start, end]
        (inclusive), whose cue is the token range ``cue``: ``end`` or another place the model finds likelier."""
        ...


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


def find_attributions(doc: Doc, entities: list[Entity], model: CueModel | None = None) -> list[Mention]:
    """Every attribution in the report, in text order; ``model``: a trained judge to use instead of the
    installed one (training uses this)."""
    cues = load_cues()
    quotes = QuoteIndex(find_quotes(doc_text(doc)))
    dateline = dateline_span(doc_text(doc)) or (0, 0)
    resolver = SourceResolver(doc, entities, quotes, dateline)
    free, found_at = _rule_pass(doc, cues, quotes, dateline)
    model = model or load_model("attribution")
    if model is not None:
        found_at = _with_model(model, doc, free, found_at, cues, quotes, dateline)
    mentions: list[Mention] = []
    for i in sorted(found_at):
        if _in_question(doc[i], quotes):
            continue
        mention = _mention(doc, found_at[i], resolver, quotes, dateline)
        if mention is not None:
            mentions.append(mention)
    mentions.extend(_speaker_colons(doc, resolver, quotes))
    mentions.extend(_signed_quotes(doc, resolver, quotes))
    mentions.sort(key=lambda m: m.start)
    _continue_quotes(doc, mentions, quotes)
    if model is not None:
        _ends_as_judged(doc, mentions, model, quotes)
    return mentions


def words_of(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The first and last word (token indices) of a char span, less edge punctuation and spaces."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first, last = span.start, span.end - 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return first, last


def contents_to_judge(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, tuple[int, int, tuple[int, int]]]]:
    """The mentions whose content lies on one side of its cue, each with (first word, last word, cue token
    range [start, end)): what a trained model may move the end of (``CueModel.content_ends``)."""
    found = []
    for m in mentions:
        words = words_of(doc, m.start, m.end)
        cue = words_of(doc, *m.cue_span) if m.cue_span is not None else None
        if words is not None and cue is not None and not (cue[0] <= words[1] and words[0] <= cue[1]):
            found.append((m, (words[0], words[1], (cue[0], cue[1] + 1))))
    return found


def _ends_as_judged(doc: Doc, mentions: list[Mention], model: CueModel, quotes: QuoteIndex) -> None:
    """Move contents' ends where the trained model places them (each content on one side of its cue)."""
    judged = contents_to_judge(doc, mentions)
    if not judged:
        return
    text = doc_text(doc)
    for (m, (_, end, _)), last in zip(judged, model.content_ends(doc, [c for _, c in judged])):
        if last != end:
            m.end = doc[last].idx + len(doc[last])
            m.text = text[m.start:m.end]
            m.form = _form(text, m.start, m.end, quotes)


def rule_cues(doc: Doc) -> tuple[list[Token], dict[int, str], set[int], dict[int, list[str]]]:
    """What the rules make of a report's cue words, for a trained model to judge: the words outside
    quotes and the dateline, the class of each word that cues an attribution, the words of the cues, and
    the shape of what the rules build around each cue word and each verb they would build one around."""
    text = doc_text(doc)
    cues, quotes, dateline = load_cues(), QuoteIndex(find_quotes(text)), dateline_span(text) or (0, 0)
    free, found_at = _rule_pass(doc, cues, quotes, dateline)
    in_cue = {k for f in found_at.values() for k in range(*f.cue)}
    proposals = _proposals(doc, free, in_cue, cues, quotes, dateline)
    return free, {i: f.cls for i, f in found_at.items()}, in_cue, _shapes(doc, found_at, proposals, quotes)


def _rule_pass(doc: Doc, cues: Cues, quotes: QuoteIndex,
               dateline: tuple[int, int]) -> tuple[list[Token], dict[int, _Found]]:
    """The words outside quotes and the dateline, and the attribution each cue word among them makes."""
    free = [tok for tok in doc if not dateline[0] <= tok.idx < dateline[1] and quotes.at(tok.idx) is None]
    return free, {tok.i: found for tok in free
                  if (found := _attribution(tok, cues, quotes, dateline)) is not None and found.content is not None}


def _with_model(model: CueModel, doc: Doc, free: list[Token], found_at: dict[int, _Found], cues: Cues,
                quotes: QuoteIndex, dateline: tuple[int, int]) -> dict[int, _Found]:
    """The rules' cues the trained model keeps, and the cues it proposes where the rules found none: a
    proposed cue word takes the rules' source and content from the parse, as a word of the lexicon would."""
    in_cue = {k for found in found_at.values() for k in range(*found.cue)}
    proposals = _proposals(doc, free, in_cue, cues, quotes, dateline)
    keep, add = model.decide(doc, free, {i: found.cls for i, found in found_at.items()}, in_cue,
                             _shapes(doc, found_at, proposals, quotes))
    result = {i: found for i, found in found_at.items() if i in keep}
    result.update((i, proposals[i]) for i in add if i in proposals)
    return result


def _proposals(doc: Doc, free: list[Token], in_cue: set[int], cues: Cues, quotes: QuoteIndex,
               dateline: tuple[int, int]) -> dict[int, _Found]:
    """The attribution the rules would build around each verb outside their cues, were it a cue."""
    proposals = {}
    for tok in free:
        if tok.i in in_cue:
            continue
        if tok.pos_ in PROPOSED_POS:
            found = _attribution(tok, cues, quotes, dateline, fallback="say") or _proposed(tok, cues, quotes)
        elif tok.pos_ == "AUX" and tok.lemma_ == "be":
            found = _stance(tok, cues, quotes)
        else:
            continue
        if found is not None and found.content is not None and not any(k in in_cue for k in range(*found.cue)):
            proposals[tok.i] = found
    return proposals


def _shapes(doc: Doc, found_at: dict[int, _Found], proposals: dict[int, _Found],
            quotes: QuoteIndex) -> dict[int, list[str]]:
    """``cue_shape`` of every rule cue and proposed cue word."""
    shapes = {i: cue_shape(doc, found, quotes, "rule") for i, found in found_at.items()}
    shapes.update((i, cue_shape(doc, found, quotes, "proposed")) for i, found in proposals.items())
    return shapes


def cue_shape(doc: Doc, found: _Found, quotes: QuoteIndex, built: str) -> list[str]:
    """Features of the attribution built around a cue word: where its content lies and how long it is,
    whether it is quoted, who its source is and where, and how long the cue is."""
    start, end = found.content or (0, 0)
    cue_at = doc[found.cue[0]].idx
    side = "around" if found.around or start < cue_at < end else "after" if start >= cue_at else "before"
    quoted = "direct" if quotes.at(start) is not None and quotes.at(max(start, end - 1)) is not None else (
        "mixed" if quotes.overlapping(start, end) else "none")
    size = min(4, (end - start) // 40)
    head = found.source_head
    if found.source is not None or found.source_name is not None:
        source, where = ("unnamed" if found.source is not None else "name"), "none"
    elif head is None:
        source, where = "none", "none"
    else:
        source = head.lower_ if head.pos_ == "PRON" else head.ent_type_ or head.pos_
        where = "before" if head.i < found.cue[0] else "after"
    first = doc.char_span(start, end, alignment_mode="expand")
    opener = first[0].lower_ if first is not None and len(first) else "-"
    opens = opener if opener in {"that", "to", "“", '"'} else "-"
    return [f"b={built}", f"bc={built}|{found.cls}", f"bs={built}|{side}", f"bq={built}|{quoted}",
            f"bz={built}|{size}", f"bsrc={built}|{source}", f"bw={built}|{where}", f"bo={built}|{opens}",
            f"bsw={built}|{side}|{where}|{quoted}", f"bn={built}|{min(3, found.cue[1] - found.cue[0])}"]


def _proposed(verb: Token, cues: Cues, quotes: QuoteIndex) -> _Found | None:
    """A verb the model takes for a cue though the rules found no clause or object said: what it
    governs after it is the content, a preposition's object joining the cue's preposition ("warned
    against the plan", "bragged about his record"), else its first clause or object."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return None
    source_head = _subject(verb)
    if source_head is None:
        return _agentless(verb, cues)
    if quotes.at(source_head.idx) is not None:
        return None
    return _governed(verb, _verb_group(verb, [], cues), "say", source_head, {*OBJECT_DEPS, "ccomp", "xcomp"})


def _stance(copula: Token, cues: Cues, quotes: QuoteIndex) -> _Found | None:
    """'The union was worried about the levy', 'Officials were not sure the pier would hold': a copula and
    its adjective the model may take for a cue of stance (a belief, a fear, a doubt); the adjective's
    clause, or its preposition's object, is the content and the copula's subject the source. The cue runs
    from the copula's auxiliaries to the adjective, or to its preposition ("were worried about")."""
    adjective = next((c for c in copula.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    source_head = _subject(copula)
    if adjective is None or source_head is None or quotes.at(source_head.idx) is not None:
        return None
    start = _verb_group(copula, [], cues)[0]
    return _governed(adjective, (start, adjective.i + 1), "believe", source_head, {"ccomp", "xcomp"})


def _governed(head: Token, cue: tuple[int, int], cls: str, source_head: Token, takes: set[str]) -> _Found | None:
    """What a proposed cue word governs after it, in its paragraph: the object of a preposition right after
    it (the cue then runs to the preposition), else its first child of a relation in ``takes``."""
    para = _paragraph(head.doc, head.i)
    for child in head.rights:
        if not para[0] <= child.i < para[1]:
            break
        if child.dep_ == "prep" and child.i == head.i + 1:
            pobj = _prep_object(child)
            if pobj is not None:
                return _Found((cue[0], child.i + 1), cls, _subtree_span(pobj, exclude=child), source_head)
        if child.dep_ in takes:
            return _Found(cue, cls, _subtree_span(child, exclude=head), source_head)
    return None


def _prep_object(prep: Token) -> Token | None:
    """What a preposition after a cue governs, when it is not a time ("warned against the plan", not
    "spoke on Monday")."""
    pobj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)
    return pobj if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"} else None


def _agentless(verb: Token, cues: Cues) -> _Found | None:
    """'The mayor was accused of hiding the report': a passive main clause the model takes for a cue, with
    no one named who accuses; its subject and what follows are what is said, by someone unnamed. The cue
    is the verb group, with "of" right after it ("was accused of"). A passive in a clause said is part of
    what is said, not a claim of its own."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if (subject is None or subject.tag_ in WH_TAGS or verb.dep_ not in {"ROOT", "conj"} or verb.head.dep_ != "ROOT"
            or not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "mark" for c in verb.children)):
        return None
    start, end = _verb_group(verb, [], cues)
    doc = verb.doc
    if end < len(doc) and doc[end].lower_ == "of" and doc[end].head == verb:
        end += 1
    last = verb.right_edge
    content = _trim(doc, subject.left_edge.idx, last.idx + len(last))
    return _Found((start, end), "say", content, None, Source("unnamed", "unnamed"), around=True)


def _speaker_colons(doc: Doc, resolver: SourceResolver, quotes: QuoteIndex) -> list[Mention]:
    """'Marta Koval: The port stays shut' and transcript lines 'KOVAL: …' (or '"KOVAL: …'): a name
    opening a line, then a colon, then what the named one says (the quote, or the rest of the line)."""
    found = []
    text = doc_text(doc)
    headline_end = text.find("\n", len(text) - len(text.lstrip())) % (len(text) + 1)
    for match in SPEAKER_COLON.finditer(text):
        name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        colon = doc.char_span(match.start("colon"), match.end("colon"), alignment_mode="expand")
        if name is None or colon is None or colon.start + 1 >= len(doc):
            continue
        label = match.group("name").lower().replace("’", "'")
        if match.group("name") in INTERVIEW_MARKS or label in HEADLINE_LABELS:
            continue  # "UPDATE: …", "Editor's Note: …": a label, not a speaker
        headline = match.start("name") < headline_end  # "Koval: Port stays shut" on the first line
        if not (match.group("name").isupper() or any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in name)
                or headline):
            continue
        first = doc[colon.end]
        quote = quotes.at(first.idx)
        line_end = text.find("\n", first.idx)
        content = quote if quote and quote[0] >= first.idx else _trim(
            doc, first.idx, len(text) if line_end < 0 else line_end)
        source = _named_at(resolver, name)
        mention = _mention(doc, _Found((colon.start, colon.end), "say", content, None, source), resolver, quotes)
        if mention is not None:
            found.append(mention)
    return found


def _named_at(resolver: SourceResolver, name: Span) -> Source:
    """The source a bare name stands for ("KOVAL", "Ana Ruiz"), spanning just the name."""
    source = resolver.resolve(name.root)
    if source.entity is None:
        source.name = name.text
    source.span = (name.start_char, name.end_char)
    return source


def _signed_quotes(doc: Doc, resolver: SourceResolver, quotes: QuoteIndex) -> list[Mention]:
    """'“The port must reopen.” ― Ana Ruiz': a quote closing with a dash and a name on its own."""
    found = []
    text = doc_text(doc)
    for q_start, q_end in quotes.quotes:
        match = SIGNATURE.match(text, q_end)
        if match is None:
            continue
        end = match.end("name")
        if text[end - 1] == "." and not NAME_ENDS_WITH_DOT.search(text, match.start("name"), end):
            end -= 1  # "― Ivo Tan." ends a sentence, not a name
        name = doc.char_span(match.start("name"), end, alignment_mode="contract")
        dash = doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
        if name is None or dash is None or len(name) == 0:
            continue
        source = _named_at(resolver, name)
        found_quote = _Found((dash.start, dash.end), "say", (q_start, q_end), None, source,
                             cue_chars=match.span("dash"))
        mention = _mention(doc, found_quote, resolver, quotes)
        if mention is not None:
            found.append(mention)
    return found


def _attribution(tok: Token, cues: Cues, quotes: QuoteIndex, dateline: tuple[int, int],
                 fallback: str | None = None) -> _Found | None:
    """The attribution a cue word makes, or None; ``fallback``: the class of a word the lexicon lacks
    (one the trained model proposes)."""
    lower = tok.lower_
    if lower == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return _according_to(tok)
    if lower == "in" and tok.dep_ == "prep":
        return _in_findings(tok)
    if tok.pos_ == "ADV" and cues.words.get(lower) == "hedge_source":
        return _reportedly(tok)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.nominal:
        return _nominal(tok, cues)
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"amod", "compound"}:
        return None
    lemma = tok.lemma_.lower()
    if lemma in RAISING_VERBS and fallback is not None and not _raises_a_cue(tok, cues):
        return _outlets_impression(tok, cues)
    felt = _experienced(tok, cues, quotes, fallback or cues.words.get(lemma)) if lemma in EXPERIENCER_VERBS else None
    if felt is not None:
        return felt
    noun = _nominal_object(tok, cues)
    if noun is not None and (lemma in cues.words or lemma in cues.light):
        return _light_cue(tok, noun, cues)
    adjective = _adjective_cue(tok, lemma, cues)
    if adjective is not None:
        return adjective
    phrase, phrase_cls = _phrase(tok, lemma, cues)
    if lemma == "put" and not phrase and _as_put_it(tok):  # "as the memo put it"
        phrase, phrase_cls = [next(c for c in tok.children if c.dep_ in OBJECT_DEPS)], "say"
    cls = phrase_cls or cues.words.get(lemma) or fallback
    if cls is None:
        return None
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children) or _anonymity(tok):
        return None
    if lemma in REFUSAL_VERBS and any(c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS for c in tok.children):
        return None  # "declined to comment" says nothing
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if passive and (f"be {lemma} to" in cues.phrases or f"be {lemma} that" in cues.phrases):
        return _passive_hedge(tok)
    cue = _verb_group(tok, phrase, cues)
    content = _content(tok, lemma, phrase, cls, cues)
    source_head, before = (None, None) if _has_subject(tok) else _stranded_speaker(tok, content is not None)
    content = content or before or _as_clause(tok, cls)
    source_head = source_head or _subject(tok)
    if source_head is None or quotes.at(source_head.idx) is not None:  # no one inside a quote speaks it
        source_head = _speaker_after_quote(tok, quotes)
    name = _name_before(tok, cue[0], quotes) if source_head is None and cls in SAYING_CLASSES else None
    around = content is None and tok.dep_ == "parataxis"
    if around:
        host = tok.head.head if tok.head.dep_ in {"aux", "auxpass"} else tok.head
        content = _past_conjunction(tok.doc, host, _subtree_span(host, exclude=tok, whole=True))
    elif content is not None:
        around = content[0] < tok.idx < content[1]
    if content is None:
        content = _adjacent_quote(tok, cue, source_head, quotes) or _block_after_colon(tok, cue, cls)
    if content is None or (lemma in cues.quote_only and not quotes.overlapping(*content)):
        return None
    if source_head is not None and dateline[0] <= source_head.idx < dateline[1]:
        source_head = _past_dateline(source_head, dateline[1])
    if source_head is None and name is None or (tok.tag_ == "VBN" and not any(
            c.dep_ in GROUP_DEPS for c in tok.children) and tok.dep_ in {"acl", "amod"}):
        return None
    if _unsaid(tok, content):
        return None
    if cls == "dispute" and _abstract_object(tok):
        cls = "believe"
    if _asked_of(tok):  # "Asked whether …, Ana Ruiz said": the one asked is not who asks
        return _Found(cue, cls, content, None, Source("unnamed", "unnamed"), around=around)
    return _Found(cue, cls, content, source_head, around=around, source_name=name)


def _asked_of(verb: Token) -> bool:
    """'Asked about the levy, …': a passive participle of asking, set before the one it was put to."""
    return verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i and not any(
        c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in verb.children)


def _raises_a_cue(verb: Token, cues: Cues) -> bool:
    """'Ana Ruiz seemed to blame the guild': the verb after "seemed" is a cue of the subject's own."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in cues.words for c in verb.children)


def _outlets_impression(verb: Token, cues: Cues) -> _Found | None:
    """'The pier seemed to sag', 'It appears that the levy failed': the report's own impression, hedged;
    no one in the story says it (the subject is what it is about, not who holds it). The content is the
    clause around the verb."""
    doc = verb.doc
    clause = [c for c in verb.children if c.dep_ in {"nsubj", "xcomp", "acomp", "oprd", "attr", "ccomp", "prep"}]
    if not any(c.dep_ != "nsubj" for c in clause):
        return None
    first = min(min(c.left_edge.i for c in clause), verb.i)
    last = max(max(c.right_edge.i for c in clause), verb.i)
    content = _trim(doc, doc[first].idx, doc[last].idx + len(doc[last]))
    return _Found(_verb_group(verb, [], cues), "hedge_source", content, None, Source(OUTLET, "outlet"), around=True)


def _experienced(verb: Token, cues: Cues, quotes: QuoteIndex, cls: str | None) -> _Found | None:
    """'The levy has angered dock workers', 'That worries the mayor': a verb of feeling whose object feels
    it; the object is the source (whose stance it is) and the subject what they feel it about."""
    if cls is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    feeler = next((c for c in verb.rights if c.dep_ in OBJECT_DEPS and (_person_like(c) or c.pos_ in {"PROPN", "NOUN"})), None)
    if subject is None or feeler is None or quotes.at(feeler.idx) is not None:
        return None
    return _Found(_verb_group(verb, [], cues), "believe", _subtree_span(subject, exclude=verb), feeler)


def _past_conjunction(doc: Doc, host: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A clause around its cue, less the conjunction that links it to the sentence before: "But the
    port, she said, stays shut" says "the port … stays shut"."""
    first = host.left_edge
    if first.dep_ == "cc" and first.idx == span[0] and first.i + 1 < len(doc):
        return _trim(doc, doc[first.i + 1].idx, span[1])
    return span


def _as_clause(verb: Token, cls: str) -> tuple[int, int] | None:
    """'As Ruiz noted, the port is closed': a cue in an as-clause attributes the clause it hangs on: the
    words after the as-clause when it comes first, the whole clause around it when it sits inside."""
    if verb.dep_ != "advcl" or cls == "urge" or not any(
            c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children) or not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    host = verb.head
    if host.pos_ not in {"VERB", "AUX"} or host.i < verb.i and host.left_edge.i < verb.left_edge.i and not _as_put_it(verb):
        return None  # "the bridge fell, as Ruiz had predicted": a fact the report states, then credits
    doc = verb.doc
    if verb.right_edge.i >= host.right_edge.i - 1 and host.left_edge.i < verb.left_edge.i:  # "…, as Brel put it."
        before = doc[verb.left_edge.i - 1]
        return _trim(doc, host.left_edge.idx, before.idx + len(before))
    if host.left_edge.i < verb.left_edge.i:  # "The levy, as Brel argued, will hurt small boats"
        return _subtree_span(host, exclude=verb, whole=True)
    para = _paragraph(doc, verb.i)
    first, last = verb.right_edge.i + 1, min(host.right_edge.i, para[1] - 1)
    while first < last and doc[first].is_punct and doc[first].text not in QUOTE_CHARS:
        first += 1
    if first >= last:
        return None
    return _trim(doc, doc[first].idx, doc[last].idx + len(doc[last]))


def _as_put_it(verb: Token) -> bool:
    """'…, as the harbour master put it': the words of the clause are the speaker's, wherever it stands."""
    return verb.lemma_.lower() == "put" and verb.dep_ == "advcl" and any(
        c.dep_ in OBJECT_DEPS and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _adjective_cue(verb: Token, lemma: str, cues: Cues) -> _Found | None:
    """'Ruiz made it clear that the port stays shut': verb and adjective are the cue, the that-clause
    (the adjective's, or the verb's after it: "made clear on Monday that …") the content."""
    for child in verb.children:
        cls = cues.phrases.get(f"{lemma} {child.lemma_.lower()}") if child.pos_ == "ADJ" else None
        if cls is None:
            continue
        clause = next((g for g in [*child.rights, *(v for v in verb.rights if v.i > child.i)]
                       if g.dep_ in {"advcl", "ccomp"} and any(
                           m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None)
        source_head = _subject(verb)
        if clause is not None and source_head is not None:
            return _Found((_verb_group(verb, [], cues)[0], child.i + 1), cls,
                          _subtree_span(clause, exclude=child), source_head)
    return None


def _noun_clause(noun: Token) -> Token | None:
    """The clause a nominal cue takes: "claim that the port was mined", "plan to reopen the port"."""
    for child in noun.rights:
        if child.dep_ in {"acl", "ccomp"} and child.pos_ in {"VERB", "AUX"} and any(
                g.dep_ == "mark" and g.lower_ == "that" or g.dep_ == "aux" and g.lower_ == "to"
                for g in child.children if g.i < child.i):
            return child
    return None


def _nominal_object(verb: Token, cues: Cues) -> Token | None:
    """A nominal cue the verb takes as object and speaks through ("made the case that …", "repeated
    her claim that …"); one with a named owner ("Koval's claim") is the owner's, not the verb's."""
    for child in verb.children:
        if (child.dep_ in OBJECT_DEPS and child.lemma_.lower() in cues.nominal and _noun_clause(child)
                and not any(g.dep_ == "poss" and g.pos_ != "PRON" for g in child.children)):
            return child
    return None


def _light_cue(verb: Token, noun: Token, cues: Cues) -> _Found | None:
    """'The mayor made the case that …': the verb group through the noun is the cue, the clause the content."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return None
    source_head = _subject(verb)
    clause = _noun_clause(noun)
    if source_head is None or clause is None:
        return None
    cls = cues.words.get(verb.lemma_.lower()) or cues.nominal[noun.lemma_.lower()]
    cue = (_verb_group(verb, [], cues)[0], noun.i + 1)
    return _Found(cue, cls, _subtree_span(clause, exclude=noun), source_head)


def _nominal(noun: Token, cues: Cues) -> _Found | None:
    """"Koval's claim that the port was mined": the owner is the source, the noun the cue, the clause
    the content. A noun a verb speaks through ("made the claim that …") is left to the verb."""
    owner = next((c for c in noun.children if c.dep_ == "poss" or c.dep_ == "nsubj" and any(  # "union’s" misparsed
        g.dep_ == "case" for g in c.children)), None)
    clause = _noun_clause(noun)
    if owner is None or clause is None or _nominal_object(noun.head, cues) == noun and (
            noun.head.lemma_.lower() in cues.words or noun.head.lemma_.lower() in cues.light):
        return None
    return _Found((noun.i, noun.i + 1), cues.nominal[noun.lemma_.lower()],
                  _subtree_span(clause, exclude=noun), owner)


def _anonymity(tok: Token) -> bool:
    """'asked not to be named', 'declined to be identified': a condition of speaking, not a claim."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in ANONYMITY_VERBS
               and any(g.dep_ == "auxpass" for g in c.children) for c in tok.children)


def _unsaid(tok: Token, content: tuple[int, int]) -> bool:
    """'did not say how much the permit allowed': a negated cue over an open question states nothing."""
    if not any(c.dep_ == "neg" for c in tok.children):
        return False
    first = tok.doc.char_span(content[0], content[1], alignment_mode="expand")
    return first is not None and len(first) > 0 and first[0].lower_ in WH_WORDS


def _abstract_object(tok: Token) -> bool:
    """'questioning the impact this will have': commentary on an abstract matter, not a dispute."""
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in ABSTRACT_OBJECTS for c in tok.children)


def _past_dateline(head: Token, floor: int) -> Token | None:
    """A subject the parser hung on the dateline ("PORT VEYRA — The Union (PVDU) says"): the first
    noun after the dateline that it governs, or the verb's other subject after it, or None."""
    for child in head.rights:
        if child.idx >= floor and child.pos_ in {"PROPN", "NOUN"}:
            return child
    return next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.idx >= floor), None)


def _phrase(tok: Token, lemma: str, cues: Cues) -> tuple[list[Token], str | None]:
    """Particles or prepositions completing a multiword cue ("call for", "point out", "cast doubt on")."""
    for child in tok.rights:
        if child.dep_ in {"prt", "prep"}:
            cls = cues.phrases.get(f"{lemma} {child.lower_}")
            if cls:
                return [child], cls
        if child.dep_ == "advcl":  # "calling for the city to act": "for" marks the clause
            mark = next((g for g in child.children if g.dep_ == "mark" and g.i == tok.i + 1), None)
            cls = cues.phrases.get(f"{lemma} {mark.lower_}") if mark is not None else None
            if cls:
                return [mark], cls
        if child.dep_ in OBJECT_DEPS:
            for grand in child.rights:
                cls = cues.phrases.get(f"{lemma} {child.lemma_.lower()} {grand.lower_}")
                if grand.dep_ == "prep" and cls:
                    return [child, grand], cls
    return [], None


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


def _subject(tok: Token) -> Token | None:
    """The source head: the subject, the agent of a passive, a governing verb's subject, or the one a
    participle describes ("footage of the mayor saying …")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in {"PROPN", "NOUN"}:
        return _participle_subject(tok.head)
    verb = tok
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and not _label(child):
                if child.dep_ == "nsubjpass":
                    return _agent(verb)
                if child.lower_ in {"it", "there"} and child.dep_ == "nsubj" and verb.lemma_ == "be":
                    return None
                return _named_apart(_on_verbs_paragraph(child, tok), verb)
        agent = _agent(verb)
        if agent is not None:
            return agent
        if _added_to_clause(verb):  # "said the levy would double and added that …": the same speaker
            verb = verb.head.head
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
            return _prep_host_subject(verb.head.head)  # "responded by saying …", "After saying …, she was …"
        if verb.dep_ not in INHERIT_DEPS or verb.head == verb:
            return None
        controller = _controller(verb)
        if controller is not None:
            return controller
        verb = _speaker_of_clause(verb) or verb.head
    return None


def _speaker_of_clause(verb: Token) -> Token | None:
    """", arguing that …", ", citing …": a participle the parser hung on the clause a speaker said ("Ana said
    the plan failed, arguing that …") is the speaker's, not the clause subject's: the saying verb."""
    host = verb.head
    if not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > host.i and verb.i > 0
            and verb.doc[verb.i - 1].text == "," and host.dep_ == "ccomp" and host.head.i < host.i):
        return None
    said_by = host.head
    return said_by if load_cues().words.get(said_by.lemma_.lower()) in SAYING_CLASSES else None


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
    if (noun.pos_ == "NOUN" and noun.lemma_.lower() in OCCASIONS and noun.dep_ == "pobj" and prep.dep_ == "prep"
            and prep.head.pos_ in {"VERB", "AUX"}):
        return _prep_host_subject(prep.head) or noun
    return noun


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
    before a cue the parser left without a subject (it hung the name elsewhere) is who speaks."""
    doc = verb.doc
    end = start - 1 if start > 0 and doc[start - 1].text == "," else start
    first = end
    while first > 0 and doc[first - 1].ent_type_ == "PERSON" and quotes.at(doc[first - 1].idx) is None:
        first -= 1
    if first == end or doc[first:end].root.head == verb or "\n" in doc[first:end].text:
        return None
    return doc[first:end]


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


def _content(tok: Token, lemma: str, phrase: list[Token], cls: str, cues: Cues) -> tuple[int, int] | None:
    """Char span of what is attributed: a clause, an object (+ predicate), or a phrase's object."""
    children = list(tok.children)
    para = _paragraph(tok.doc, tok.i)
    judged = next((c for c in children if c.dep_ in OBJECT_DEPS), None) if cls in VERDICT_CLASSES else None
    clauses = [c for c in children if _clause_said(tok, c) and para[0] <= c.i < para[1] and not _across_break(tok, c)
               and (judged is None or judged.i < c.i and not any(g.dep_ in SUBJECT_DEPS for g in c.children))]
    if clauses and lemma in cues.clause_only and not any(c.pos_ in {"VERB", "AUX"} for c in clauses):
        return None  # "declared the air safe" states no proposition
    if clauses:
        span = _subtree_span(clauses[0], exclude=tok)
        later = [c for c in clauses[1:] if (c.i > tok.i) == (clauses[0].i > tok.i)]
        if later:  # a misparse splitting one clause in two: "a barge tied up nearby, …, had sunk"
            span = (span[0], _subtree_span(later[-1], exclude=tok)[1])
        subject = next((c for c in children if c.dep_ in OBJECT_DEPS and tok.i < c.i < clauses[0].i), None)
        if subject is not None and not any(c.dep_ in SUBJECT_DEPS for c in clauses[0].children):
            span = (_subtree_span(subject, exclude=tok)[0], span[1])  # "warned the cranes were unsafe"
        return _grown(tok, clauses[-1] if later else clauses[0], span, cues, nominal=False)
    xcomp = next((c for c in children if c.pos_ in {"VERB", "AUX"} and (c.dep_ == "xcomp" or (
        c.dep_ == "advcl" and lemma in cues.recipient and c.i > tok.i
        and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.left_edge.i for a in c.children)))), None)
    obj = None
    if phrase and phrase[-1].dep_ == "mark":
        return _subtree_span(phrase[-1].head, exclude=phrase[-1])
    if phrase and phrase[-1].dep_ == "prep":
        obj = next((g for g in phrase[-1].children if g.dep_ in {"pobj", "pcomp"}
                    and g.ent_type_ not in {"DATE", "TIME"}), None)  # "pushes the tally … for 2012"
    elif lemma not in cues.recipient or xcomp is not None:
        obj = next((c for c in children if c.dep_ in OBJECT_DEPS and c not in phrase), None)
    if obj is None and not phrase:  # "called Ana Ruiz a 'liar'" parsed as two predicates of "called"
        obj = next((c for c in children if c.dep_ == "oprd" and c.i > tok.i), None)
    if xcomp is not None:
        span = _subtree_span(xcomp, exclude=tok)
        if obj is not None and tok.i < obj.i < xcomp.i:  # "urged them to …", "called for X to …"
            span = (_subtree_span(obj, exclude=tok)[0], span[1])
        return _grown(tok, xcomp, span, cues, nominal=False)
    if obj is None and cls in VERDICT_CLASSES and _agent(tok) is not None:  # "… is disputed by the ministry"
        return _passive_judged(tok)
    if obj is None or (cls == "urge" and not phrase) or lemma in cues.clause_only:
        return None
    if cls in VERDICT_CLASSES and not phrase and _person_like(obj):  # "police questioned two managers"
        return None
    span = _subtree_span(obj, exclude=tok)
    tail = [c for c in children if c.i > obj.i and (
        c.dep_ == "oprd" or c.dep_ == "prep" and (c.lower_ == "as" or lemma in ACCUSE_VERBS
                                                  and c.lower_ in {"of", "for", "on", "with"}
                                                  or lemma in ESTIMATE_VERBS and c.lower_ == "at"))]
    if tail:  # "labeled the incident a 'terrorist attack'", "accused him of lying"
        return span[0], _subtree_span(tail[-1], exclude=tok)[1]
    if lemma in cues.as_only and not any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.rights):
        return None
    if obj.pos_ == "PRON" and obj.lower_ not in {"it", "this", "that"}:
        return None
    return _grown(tok, obj, span, cues, nominal=True)


def _clause_said(cue: Token, child: Token) -> bool:
    """A clause the cue takes: its ccomp, or a that-clause after it the parser made an adverbial
    ("tweeted on Monday that the ferry would stop")."""
    return child.dep_ == "ccomp" or (child.dep_ == "advcl" and child.i > cue.i and child.pos_ in {"VERB", "AUX"}
                                     and child.left_edge.lower_ == "that" and child.left_edge.head == child)


def _grown(cue: Token, head: Token, span: tuple[int, int], cues: Cues, nominal: bool) -> tuple[int, int]:
    """Content after its cue, grown over what the parser hung on the cue past it: a reason or condition
    ("said the port shut because the cranes failed", "… if the strike goes on"), a verb coordinated with the
    content's own ("said it would cost more at first but would pay off later", "wants to dredge the channel
    and widen the quay") and, after a noun phrase said, its modifiers ("praised the crews for their work").
    Growth stops at anything else: a time, a channel ("in a statement"), a clause with its own speaker."""
    doc = cue.doc
    if head.i < cue.i or span[1] <= doc[cue.i].idx:
        return span
    right = head.right_edge.i
    para_end = _paragraph(doc, cue.i)[1]
    for child in cue.rights:
        if child.i <= right:
            continue
        if child.right_edge.i >= para_end or not all(
                t.is_punct or t.dep_ == "cc" for t in doc[right + 1: child.left_edge.i]) or not _continues(
                cue, head, child, cues, nominal):
            break
        right = child.right_edge.i
        if not (child.is_punct or child.dep_ == "cc"):
            span = span[0], max(span[1], _subtree_span(child, exclude=cue)[1])
    return span


def _continues(cue: Token, head: Token, child: Token, cues: Cues, nominal: bool) -> bool:
    """Does a part the parser hung on the cue after its content belong to the content? (``_grown``)"""
    if child.is_punct or child.dep_ == "cc":
        return True
    if child.dep_ == "advcl":
        return any(m.dep_ == "mark" and m.lower_ in REASON_MARKS for m in child.children)
    if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
        if _own_attribution(child) or any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return False
        modal = any(c.tag_ == "MD" for c in child.children) and not any(c.tag_ == "MD" for c in cue.children)
        return modal or child.tag_ == head.tag_ != cue.tag_
    if child.dep_ == "prep" and nominal and child.lower_ not in {"to", "by", "at", "after", "before", "during"}:
        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
        return pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"} and (
            pobj.lemma_.lower() not in cues.channels)
    return False


def _passive_judged(verb: Token) -> tuple[int, int] | None:
    """What a passive verdict cue judges: its subject ("The account of the sinking has been confirmed
    by …"), or the clause of a claim noun ("The union's claim that X is disputed by …" → "that X").
    People are questioned, not disputed: "Two managers were questioned by police" judges nothing."""
    judged = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if judged is None or _person_like(judged):
        return None
    clause = _noun_clause(judged) if judged.lemma_.lower() in load_cues().nominal else None
    return _subtree_span(clause or judged, exclude=verb if clause is None else judged)


def _person_like(tok: Token) -> bool:
    """A person or group of people rather than a statement: a pronoun, a person's name, "managers"."""
    return (tok.pos_ == "PRON" and tok.lower_ not in THING_PRONOUNS or tok.ent_type_ in {"PERSON", "NORP"}
            or tok.lemma_.lower() in UNNAMED_HEADS and tok.lemma_.lower() not in STATEMENT_HEADS)


def _across_break(cue: Token, clause: Token) -> bool:
    """Is a clause set off from its cue by a semicolon (or, before the cue, a colon or dash)? Then it is
    a statement of its own: "Some reports said X; the agency denied those reports"."""
    doc = cue.doc
    if clause.i < cue.i:
        return any(t.text in CLAUSE_BREAKS for t in doc[clause.right_edge.i + 1: cue.i])
    return any(t.text == ";" for t in doc[cue.i + 1: clause.left_edge.i])


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
    right = _before_aside(doc, left, right)
    while right > left and (doc[right].dep_ == "cc" or doc[right].is_punct and doc[right].text not in QUOTE_CHARS):
        right -= 1
    return _trim(doc, doc[left].idx, doc[right].idx + len(doc[right]))


def _speakers_verb(verb: Token, head: Token, cue: Token) -> bool:
    """A verb the parser coordinated with the clause said that is the speaker's own next act, in the
    cue's form, not the clause's: "said the city should tax the barges and proposed a toll"."""
    return (verb.pos_ == "VERB" and cue.pos_ == "VERB" and verb.tag_ == cue.tag_ != head.tag_
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children))


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


def _before_aside(doc: Doc, left: int, right: int) -> int:
    """Cut a trailing aside the reporter adds to the content: ", which …", ", though …", a cue of its own
    (", citing …", ',” adding …') or a description (", a claim the city disputes"); ", raising the toll
    to 43" stays: it is part of what was said."""
    marks = 0
    for i in range(left + 1, right):
        if doc[i].text in DOUBLE_QUOTES:
            marks += 1
            if doc[i - 1].text == "," and marks % 2 == 0 and _opens_aside(doc[i + 1]) and _trailing(doc, i, right):
                return i  # '“… the port,” adding that …': keep the closing mark
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


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge spaces and punctuation that belong to the sentence, not the content."""
    text = doc_text(doc)
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def _adjacent_quote(tok: Token, cue: tuple[int, int], source: Token | None,
                    quotes: QuoteIndex) -> tuple[int, int] | None:
    """A quote right after the cue group ('X said: "…"') or right before it ('"…," said X')."""
    doc = tok.doc
    start, end = doc[cue[0]].idx, doc[cue[1] - 1].idx + len(doc[cue[1] - 1])
    if source is not None:
        s_left, s_right = source.left_edge, source.right_edge
        while s_left.i < source.i and quotes.at(s_left.idx) is not None:  # a closing mark hung on the name
            s_left = doc[s_left.i + 1]
        start, end = min(start, s_left.idx), max(end, s_right.idx + len(s_right))
    for child in tok.rights:  # 'telling reporters in Ohio on Monday, "…"': the addressee and setting too
        if child.dep_ in TRAILING_DEPS and quotes.at(child.idx) is None:
            last = child.right_edge
            end = max(end, last.idx + len(last))
    text = doc_text(doc)
    after = end
    while after < len(text) and text[after] in EDGE_PUNCT and after - end <= MAX_GAP:
        after += 1
    quote = quotes.at(after)
    gap = text[end:after]
    if quote is not None and quote[0] == after and (":" in gap or "\n" not in gap and not any(p in gap for p in ".!?")):
        return quote
    before = start
    while before > 0 and text[before - 1] in EDGE_PUNCT and start - before <= MAX_GAP:
        before -= 1
    quote = quotes.at(before - 1) if before > 0 else None
    if (quote is not None and quote[1] == before and "\n" not in text[before:start]
            and ("," in text[before:start] or _last_inside(text, quote) in ",!?—–-")):
        return quote
    return None


def _block_after_colon(tok: Token, cue: tuple[int, int], cls: str) -> tuple[int, int] | None:
    """'The governor added:' ending its paragraph, the words said set out as the next one (a block quote
    without quote marks): that paragraph is the content."""
    doc = tok.doc
    colon = cue[1]
    while colon < len(doc) and doc[colon].is_space:
        colon += 1
    if cls not in SAYING_CLASSES or colon >= len(doc) or doc[colon].text != ":":
        return None
    para = _paragraph(doc, tok.i)
    if colon + 1 < para[1] and not all(t.is_space for t in doc[colon + 1:para[1]]):
        return None
    start, end = _paragraph(doc, para[1]) if para[1] < len(doc) else (0, 0)
    return _trim(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) if end > start else None


def _according_to(tok: Token) -> _Found | None:
    """'According to X, …': X is the source; the rest of the clause is the content."""
    doc = tok.doc
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or next(
        (c for c in tok.children if c.dep_ == "pobj"), None)
    verb = next((c for c in to.children if c.dep_ == "pcomp"), None)
    if pobj is None and verb is not None:  # "according to show insiders": the parser made a verb of "show"
        pobj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), verb)
    if pobj is None:
        return None
    phrase_start, phrase_end = tok.i, max(pobj.right_edge.i, to.i)
    for child in pobj.rights:  # "According to X, the pier reeks of …": a clause the parser hung on X is the content
        rest = tok.dep_ == "ROOT" and all(t.is_punct for t in doc[child.right_edge.i + 1: tok.sent.end])
        if (child.dep_ in {"appos", "acl", "relcl"} and (child.pos_ in {"VERB", "AUX"} or rest)
                and doc[child.left_edge.i - 1].text == ","):
            phrase_end = min(phrase_end, child.left_edge.i - 1)
    clause = tok.sent
    head = tok.head
    if head != tok and head.pos_ in {"VERB", "AUX"}:
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        clause = doc[head.left_edge.i: head.right_edge.i + 1]
    left = (clause.start, phrase_start)
    right = (phrase_end + 1, clause.end)
    lo, hi = right if right[1] - right[0] >= left[1] - left[0] else left
    if hi <= lo:
        return None
    content = _trim(doc, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
    if content[1] <= content[0]:
        return None
    return _Found((tok.i, to.i + 1), "report", content, pobj)


def _in_findings(tok: Token) -> _Found | None:
    """'In the harbour board's survey, 60 percent backed the levy': a poll or study opening its sentence is
    the source of what the sentence reports."""
    doc = tok.doc
    finding = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if (finding is None or finding.lemma_.lower() not in FINDINGS or finding.tag_ != "NN" or not tok.is_sent_start
            or finding.right_edge.i + 1 >= len(doc) or doc[finding.right_edge.i + 1].text != ","
            or tok.head.pos_ not in {"VERB", "AUX"}):
        return None
    clause = tok.head
    after = finding.right_edge.i + 2
    if after > clause.right_edge.i:
        return None
    last = clause.right_edge
    return _Found((tok.i, tok.i + 1), "report", _trim(doc, doc[after].idx, last.idx + len(last)), finding)


def _reportedly(tok: Token) -> _Found | None:
    """'X reportedly did Y': an unnamed source; the clause is the content."""
    head = tok.head
    if head == tok or head.pos_ not in {"VERB", "AUX"}:
        return None
    content = _trim(tok.doc, head.left_edge.idx, head.right_edge.idx + len(head.right_edge))
    return _Found((tok.i, tok.i + 1), "hedge_source", content, None, Source("unnamed", "unnamed"))


def _passive_hedge(tok: Token) -> _Found | None:
    """'X is said to …' / 'It is believed that …': an unnamed source, hedged; the content takes the
    subject along ("The militia is said to control the pass"), the cue stops at the verb ("is said")."""
    group = [c.i for c in tok.children if c.dep_ in {"aux", "auxpass", "neg"}]
    agent = _agent(tok)
    for child in tok.children:
        if child.dep_ == "xcomp":
            to = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if to is None or to.i != tok.i + 1:
                continue
            start = min(group + [tok.i])
            subject = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < start), None)
            first = to.idx + len(to) if subject is None else subject.left_edge.idx  # "The militia is said to …"
            content = _trim(tok.doc, first, child.right_edge.idx + len(child.right_edge))
            return _Found((start, tok.i + 1), "hedge_source", content, agent,
                          None if agent is not None else Source("unnamed", "unnamed"), around=subject is not None)
        if child.dep_ == "ccomp":
            start = min(group + [tok.i])
            content = _subtree_span(child, exclude=tok)
            return _Found((start, tok.i + 1), "hedge_source", content, agent,
                          None if agent is not None else Source("unnamed", "unnamed"))
    return None


def _in_question(tok: Token, quotes: QuoteIndex) -> bool:
    """A cue in a question the report asks ("Did she say …?") is no attribution."""
    sent = tok.sent
    last = sent[-1]
    while last.i > sent.start and (last.is_space or last.text in {"”", '"'}):
        last = tok.doc[last.i - 1]
    return last.text == "?" and quotes.at(last.idx) is None


def _mention(doc: Doc, found: _Found, resolver: SourceResolver, quotes: QuoteIndex,
             dateline: tuple[int, int] = (0, 0)) -> Mention | None:
    start, end = found.content
    if start < dateline[1] and end > dateline[0]:  # a headline or the dateline run into the content
        start, end = _trim(doc, dateline[1], end)
        if end <= start:
            return None
    cue_start, cue_end = found.cue_chars or (
        doc[found.cue[0]].idx, doc[found.cue[1] - 1].idx + len(doc[found.cue[1] - 1]))
    for q_start, q_end in quotes.overlapping(start, end):
        if not q_start <= cue_start < q_end:  # an open quote holding a transcript line holds its cue too
            start, end = min(start, q_start), max(end, q_end)
    adverb = found.cue[1] - found.cue[0] == 1 and doc[found.cue[0]].pos_ == "ADV"  # "reportedly"
    if start < cue_end and cue_start < end and not adverb and not (found.around and start < cue_start):
        return None  # content that swallowed its own cue: a parse gone wrong
    if found.source_name is not None:
        source = _named_at(resolver, found.source_name)
    elif found.source is not None:
        source = found.source
    else:
        assert found.source_head is not None
        source = resolver.resolve(found.source_head)
        if source.span is not None:
            source.span = _clip(doc_text(doc), source.span, [(cue_start, cue_end), (start, end)])
        resolver.remember(source, found.source_head)
    if source.span and start < source.span[0] < end <= cue_start and source.span[1] <= cue_start:
        start, end = _trim(doc, start, source.span[0])  # the speaker is no part of what comes before
    if start >= cue_end and quotes.at(start) is not None:
        lead = _quote_before(doc_text(doc), min(cue_start, source.span[0] if source.span else cue_start), quotes)
        start = start if lead is None else lead
    spans = [(start, end), (cue_start, cue_end)] + ([source.span] if source.span else [])
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    first_tok = doc.char_span(first, first + 1, alignment_mode="expand")
    last_tok = doc.char_span(last - 1, last, alignment_mode="expand")
    sentence = (first_tok[0].sent.start_char if first_tok else first, last_tok[0].sent.end_char if last_tok else last)
    return Mention(
        start=start, end=end, text=doc_text(doc)[start:end], source=source,
        cue=doc_text(doc)[cue_start:cue_end], cue_span=(cue_start, cue_end),
        form="outlet" if source.kind == "outlet" else _form(doc_text(doc), start, end, quotes),
        status=STATUS_BY_CLASS[found.cls],  # type: ignore[arg-type]
        sentence=sentence,
    )


def _quote_before(text: str, lead: int, quotes: QuoteIndex) -> int | None:
    """Start of a quote that the speaker's words split from the one after them: the '“A,”' of
    '“A,” Ana Ruiz said, “B.”', ending in a comma or a dash right before the source and cue."""
    before = lead
    while before > 0 and text[before - 1] in " \t\xa0,—–-" and lead - before <= MAX_GAP:
        before -= 1
    quote = quotes.at(before - 1) if before > 0 else None
    if quote is None or quote[1] != before or _last_inside(text, quote) not in ",—–-":
        return None
    return quote[0]


def _last_inside(text: str, quote: tuple[int, int]) -> str:
    """The last character inside a quote's closing mark ("”" or "''")."""
    end = quote[1]
    while end > quote[0] + 1 and text[end - 1] in CLOSING_MARKS:
        end -= 1
    return text[end - 1]


def _clip(text: str, span: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, int]:
    """Cut a source span back where it runs into the cue or the content that follow it."""
    start, end = span
    for o_start, _ in others:
        if start < o_start < end:
            end = o_start
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def _form(text: str, start: int, end: int, quotes: QuoteIndex) -> Form:
    """direct: only quoted words (and what splits them); mixed: some; indirect: none."""
    inside = quotes.overlapping(start, end)
    if not inside:
        return "indirect"
    outside = text[start:inside[0][0]] + text[inside[-1][1]:end]
    return "direct" if not outside.strip(EDGE_PUNCT) else "mixed"


def _continue_quotes(doc: Doc, mentions: list[Mention], quotes: QuoteIndex) -> None:
    """A quote with no cue of its own that follows a quoted mention with nothing but spaces and
    punctuation between them continues that mention: '"…," she said, "…"' and '"…," she said. "…"'."""
    covered = {q for m in mentions for q in quotes.overlapping(m.start, m.end) if m.start <= q[0] + 1 and q[1] - 1 <= m.end}
    ends = sorted((_reach(m), i) for i, m in enumerate(mentions))
    reach = [e for e, _ in ends]
    text = doc_text(doc)
    for q_start, q_end in quotes.quotes:
        if (q_start, q_end) in covered:
            continue
        k = bisect_right(reach, q_start) - 1
        while k > 0 and not _runs_on(mentions[ends[k][1]], text) and _in_bridge(mentions[ends[k][1]], reach[k - 1]):
            k -= 1  # '“…,” she said, adding that the quay would close. “…”': the quote is still hers
        if k < 0:
            continue
        m = mentions[ends[k][1]]
        if not _runs_on(m, text) or m.cue in SIGNATURE_DASHES or not _bridge(text[reach[k]:q_start]):
            continue
        m.end = q_end
        m.text = text[m.start:m.end]
        m.form = _form(text, m.start, m.end, quotes)
        m.sentence = (m.sentence[0], max(m.sentence[1], q_end)) if m.sentence else None
        reach[k] = q_end
        covered.add((q_start, q_end))


def _runs_on(m: Mention, text: str) -> bool:
    """May a quote after this mention continue it? A quoted content, a mixed one ending on a quote, or one
    that comes before its cue ('The pier may close, Ana Ruiz said. "We have no choice."')."""
    return (m.form in CONTINUED_FORMS or m.form == "mixed" and text[m.end - 1] in QUOTE_CHARS
            or m.cue_span is not None and m.start < m.cue_span[0])


def _in_bridge(m: Mention, after: int) -> bool:
    """An indirect mention wholly after ``after`` (where a quoted mention's words end), as in the
    '…, adding that …' or '…, referring to …' a speaker's quote runs on past."""
    return m.form == "indirect" and m.start >= after and (m.cue_span is None or m.cue_span[0] >= after)


def _bridge(gap: str) -> bool:
    """Text between a quoted mention and a following quote that still lets the quote continue it:
    punctuation, or the rest of the mention's sentence ("…," he told reporters in Ohio. "…")."""
    gap = gap.strip()
    if not gap.strip(EDGE_PUNCT):
        return True
    return (len(gap) <= MAX_BRIDGE and gap[-1] in ".,:;" and not SENTENCE_END.search(gap[:-1])
            and not any(q in APOSTROPHE.sub("", gap) for q in QUOTE_CHARS))


def _reach(m: Mention) -> int:
    """Where a mention's words end: content, cue or source, whichever is last."""
    return max(m.end, m.cue_span[1] if m.cue_span else 0, m.source.span[1] if m.source.span else 0)
