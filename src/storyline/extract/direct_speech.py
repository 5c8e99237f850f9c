"""Direct speech laid out around quotes rather than in a clause: a cue with no clause takes the quote right before
or after it ('"…," urged X'; 'X declared, "…"'), "X added:" ending its paragraph takes the next one, a name and
a colon opening a line speak the rest of it ('KOVAL: …'), a quote opened after a person's clause and a colon is
theirs ('Christie gloated: "…"'), a quote signed with a dash and a name is that name's
('“…” ― Ana Ruiz'), a quote whose tag the parse split from it is the tag's speaker ('"…," said Mara Lind,
half joking'), and a quote with no cue of its own that follows a quoted mention continues it, over an aside
of the speaker's ('…," she said, adding that …. "…"'). Where the quoted passages are is ``quotes.py``'s
business.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from .mentions import _form, _last_inside, _mention, _named_at
from .nlp import doc_text
from .page import POST_SIGNATURE, chrome_spans
from .quotes import QuoteIndex
from .line_labels import heads_a_report
from .source_words import ROLE_NOUNS
from .sources import SourceResolver
from .cues import Cues, load_cues
from .speakers import _person_like, _subject
from .spans import (EDGE_PUNCT, HEADLINE_LABELS, MAX_GAP, QUOTE_CHARS, SAYING_CLASSES, SPEECH_CLASSES, _Found,
                    _paragraph, _trim)

CONTINUED_FORMS = {"direct"}  # and mixed ones that end on a quote: 'X was "…," she said. "…"' 
SPEAKER_COLON = re.compile(
    r"^[ \t\xa0]*[\"“]?(?P<name>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,3})(?P<colon>:)[ \t\xa0]+(?=\S)", re.MULTILINE)
# "Ana Ruiz to port workers: …", "Port Chair On The Levy: '…'", "Ruiz at Lenport rally: …": a headline that names
# its speaker, then the audience, topic or place, then a colon
_NAME_WORD = r"(?!(?:On|To|At)\b)[A-Z][\w.’'-]*"
HEADLINE_ADDRESS = re.compile(
    rf"[ \t\xa0]*[\"“]?(?P<name>{_NAME_WORD}(?:[ \xa0]{_NAME_WORD}){{0,3}})[ \xa0]+(?:on|to|at|On|To|At)[ \xa0]+"
    r"[^:\n]{1,80}?(?P<colon>:)[ \t\xa0]+(?=\S)")
SIGNATURE = re.compile(  # '“…” ― Ana Ruiz': a quote signed with a dash and a name ending the line
    r"[ \t\xa0]*(?P<dash>[―—–]|--)[ \t\xa0]*(?P<name>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,3})[ \t\xa0.]*(?:\n|$)")
NAME_ENDS_WITH_DOT = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")  # "Ana M.", "Ivo Tan Jr."
INTERVIEW_MARKS = {"Q", "A"}  # an interview's "Q:"/"A:" lines name no one
TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://|pic\.twitter\.com/)\S*)*\s*$")  # a post's links, as it ends
# markup an archive left where a line opens ('<post id="…" author="…">')
LEADING_MARKUP = re.compile(r"(?:[ \t\xa0]*<[A-Za-z][^<>]*>)*[ \t\xa0]*")
SIGNATURE_DASHES = {"―", "—", "–", "--"}
TRAILING_DEPS = {"dobj", "dative", "prep", "npadvmod", "advmod"}  # between a cue and the quote it takes
SENTENCE_END = re.compile(r"[.;:!?]\s")
APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")  # "Clinton’s": no quote mark
RELATIVE_TAGS = {"WP", "WDT", "WP$"}  # "who", "which"/"that", "whose" opening a relative clause
TAG_WORDS = 8  # words of a speaker named in a quote's tag ("said the party's rules committee chairman")
TAG_VERBS = {"say", "tell", "add", "write", "explain", "note", "recall", "insist", "argue", "continue", "ask"}
MAX_BRIDGE = 300  # characters of "he told reporters in …" between a quote and its continuation
# a quoted title in the bridge ('he said on “Meet the Press.”'): a few capitalised words, not speech
TITLE_QUOTE = re.compile(r"(?:[\"“]|'')(?P<title>[A-Z][\w&’'-]*(?:[ \xa0]+(?:[A-Z][\w&’'-]*|of|the|and|&|a|an|in|on|at|for|to)){0,5})"
                         r"(?P<end>[.,]?)(?:[\"”]|'')")
# '“…,” he said outside the hall. But “…”': a "But" or "And" opening the continuation's sentence
LEAD_CONNECTIVE = re.compile(r"(?<=[.,])\s+(?:But|And)$")
ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Rev|St|Jr|Sr|Prof)\.(?=\s)")


def _speaker_colons(doc: Doc, resolver: SourceResolver, quotes: QuoteIndex,
                    mentions: list[Mention]) -> list[Mention]:
    """'Marta Koval: The port stays shut' and transcript lines 'KOVAL: …' (or '"KOVAL: …'): a name
    opening a line, then a colon, then what the named one says (the quote, or the rest of the line); a
    headline's "Ana Ruiz to port workers: …" (``_headline_address``); not a topic label heading a report of
    someone's words (``line_labels``)."""
    found = []
    text = doc_text(doc)
    headline_start = len(text) - len(text.lstrip())
    headline_end = text.find("\n", headline_start) % (len(text) + 1)
    addressed = _headline_address(doc, resolver, headline_start, headline_end)
    matches = [m for m in SPEAKER_COLON.finditer(text)
               if addressed is None or m.start("colon") != addressed.start("colon")]  # one row per colon
    for match in ([addressed] if addressed is not None else []) + matches:
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
        if content != quote and not match.group("name").isupper() and heads_a_report(name, content, mentions):
            continue  # "Superdelegates: Rivera is backed by 52, according to the Courier": a topic label
        source = _named_at(resolver, name)
        mention = _mention(doc, _Found((colon.start, colon.end), "say", content, None, source), resolver, quotes)
        if mention is not None:
            found.append(mention)
    return found


def _headline_address(doc: Doc, resolver: SourceResolver, start: int, end: int) -> re.Match | None:
    """The headline's "Ana Ruiz to port workers: …" (``HEADLINE_ADDRESS``) on its first line, when the words
    before "to"/"on"/"at" name a person or a body the report knows, or end in a role ("Port Chair"); None
    otherwise."""
    match = HEADLINE_ADDRESS.match(doc_text(doc), start, end)
    name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract") if match else None
    if name is None or not len(name):
        return None
    known = (any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in name) or name[-1].lemma_.lower() in ROLE_NOUNS
             or resolver.entity_within(name.root, name.start_char, name.end_char) is not None)
    return match if known else None


def _colon_quotes(doc: Doc, resolver: SourceResolver, quotes: QuoteIndex, mentions: list[Mention]) -> list[Mention]:
    """'Mr. Christie gloated: "…"', 'Trump fired back on Twitter: "…"': a quote no mention holds, opened
    right after a colon that ends a clause whose subject is a person, is that person's words whatever the
    verb (the cue lexicon cannot list every manner of saying)."""
    text = doc_text(doc)
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for q_start, q_end in quotes.quotes:
        if any(s < q_end and q_start < e for s, e in taken):
            continue
        before = q_start
        while before > 0 and text[before - 1] in " \t\xa0":
            before -= 1
        colon = doc.char_span(before - 1, before, alignment_mode="expand") if before > 0 else None
        if colon is None or text[before - 1] != ":" or colon.start == 0:
            continue
        verb = doc[colon.start - 1]
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < colon.start:
            verb = verb.head
        subject = _colon_speaker(verb)
        if subject is not None and not _person_like(subject):  # "the cleric Ana Ruiz": the name in apposition
            subject = next((c for c in subject.children if c.dep_ == "appos" and _person_like(c)), subject)
        if (verb.pos_ not in ("VERB", "AUX") or subject is None or not _person_like(subject)
                or "\n" in text[verb.idx:colon.start_char]):
            continue
        mention = _mention(doc, _Found((verb.i, verb.i + 1), "say", (q_start, q_end), subject), resolver, quotes)
        if mention is not None:
            found.append(mention)
    return found


def _colon_speaker(verb: Token) -> Token | None:
    """Who speaks the quote after a clause's colon: the verb's subject; the one a participle's verb has as
    subject ('the cleric is shown lecturing: "…"'); the person a verb the parser made a modifier hangs on
    ('Ana Ruiz, the port's chair, tweeted in response: "…"'); the speaker of a cue whose said clause the colon
    ends ('Ana Ruiz suggested the mayor was from Lenport: "…"' is Ana Ruiz's, not the mayor's)."""
    cue = verb.head
    if verb.dep_ == "ccomp" and cue.i < verb.i and load_cues().cue_class(cue.lemma_.lower()):
        said_by = _subject(cue)
        if said_by is not None:
            return said_by
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    if verb.tag_ == "VBG" and verb.dep_ in {"xcomp", "advcl", "dobj"}:  # "is shown lecturing:", parsed as an object too
        return next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if verb.dep_ == "acl" and verb.tag_ in {"VBD", "VBN"} and verb.head.pos_ == "PROPN":
        return verb.head
    return None


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


def _signed_posts(doc: Doc, resolver: SourceResolver, quotes: QuoteIndex) -> list[Mention]:
    """An embedded post as a page's text keeps it: its words, then its signature ("… pic.twitter.com/Ab12 —
    Ida Kern (@idakern) May 2, 2031", ``page.POST_SIGNATURE``). The words are the named author's own, from the
    start of their line (after any markup the archive left there) to the signature, less the links that end
    them and any chrome a page printed inside them ("SIGN UP FOR OUR NEWSLETTER")."""
    found = []
    text = doc_text(doc)
    for match in POST_SIGNATURE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        start = LEADING_MARKUP.match(text, line_start).end()
        # chrome before the signature on its own line (the lines above start before the post)
        end = min([match.start()] + [line_start + s for s, _ in chrome_spans(text[line_start:match.start()])
                                     if line_start + s > start])
        end = start + len(TRAILING_LINKS.sub("", text[start:end]))
        name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        dash = doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
        if name is None or dash is None or len(name) == 0 or not any(c.isalpha() for c in text[start:end]):
            continue
        author = _named_at(resolver, name)
        if author.role and author.role.startswith("@"):
            author.role = None  # the handle beside the name is no title
        post = _Found((dash.start, dash.end), "say", (start, end), None, author, cue_chars=match.span("dash"))
        mention = _mention(doc, post, resolver, quotes)
        if mention is not None:
            mention.form = "direct"  # the author's own words, quoted whole by the page
            found.append(mention)
    return found


def _tagged_quotes(doc: Doc, resolver: SourceResolver, quotes: QuoteIndex, mentions: list[Mention]) -> list[Mention]:
    """'"…," said Mara Lind' and '"…," Lenport police Chief Ana Ruiz said': a quote closing on a comma (or "?",
    "!") whose tag, right after it, is a verb of saying and a speaker, when the parse hung the two apart and no
    mention holds the quote. The small model reads a place before a title as a verb or leaves "said" without a
    subject in such tags often enough that a quote a reader attributes at a glance went to the outlet, or was
    taken as the continuation of the last speaker's quote."""
    found = []
    text = doc_text(doc)
    cues = load_cues()
    for q_start, q_end in quotes.quotes:
        if _last_inside(text, (q_start, q_end)) not in ",?!" or any(
                m.start < q_end and q_start < m.end for m in mentions):
            continue
        tag = _quote_tag(doc, q_end, cues)
        if tag is None:
            continue
        verb, words, name = tag
        source = _named_at(resolver, name) if name is not None else resolver.resolve(words.root)
        source.span = (words.start_char, words.end_char)  # "Lenport police Chief Ana Ruiz", titles and all
        found_quote = _Found((verb.i, verb.i + 1), "say", (q_start, q_end), None, source)
        mention = _mention(doc, found_quote, resolver, quotes)
        if mention is not None:
            found.append(mention)
    return found


def _quote_tag(doc: Doc, q_end: int, cues: Cues) -> tuple[Token, Span, Span | None] | None:
    """The verb of saying, the speaker's words and the person's name among them (None when there is none) of
    the tag right after a quote: "said the woman" (the words after the verb up to a comma or the sentence's
    end) or "Lenport police Chief Ana Ruiz said" (up to TAG_WORDS words before the verb, no punctuation
    between)."""
    after = doc.char_span(q_end, q_end, alignment_mode="expand")
    i = after.start if after is not None else next((t.i for t in doc if t.idx >= q_end), len(doc))
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i >= len(doc) or "\n" in doc_text(doc)[q_end:doc[i].idx]:
        return None
    if _saying(doc[i], cues):  # "said the woman, who …"
        end = i + 1
        while end < len(doc) and not doc[end].is_punct and not doc[end].is_space and end - i <= TAG_WORDS:
            end += 1
        words = doc[i + 1:end]
    else:  # "Lenport police Chief Ana Ruiz said"
        end = i
        while end < len(doc) and end - i < TAG_WORDS and not _saying(doc[end], cues):
            if doc[end].is_punct or doc[end].is_space or doc[end].pos_ == "AUX":
                return None
            end += 1
        if end >= len(doc) or not _saying(doc[end], cues):
            return None
        words, i = doc[i:end], end
    if not len(words) or not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in words):
        return None
    people = [t for t in _naming_words(words) if t.ent_type_ == "PERSON"]
    if not people or _modifies_common_noun(people[-1]):
        return doc[i], words, None
    first = people[-1].i
    while first > words.start and doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    return doc[i], words, doc[first:people[-1].i + 1]


def _naming_words(words: Span) -> Span:
    """The words of a quote's tag that can name its speaker: those before a relative clause ("said a farmer
    who works for Ana Ruiz": the farmer, not Ana Ruiz)."""
    relative = next((t.i for t in words if t.tag_ in RELATIVE_TAGS), words.end)
    return words.doc[words.start:relative]


def _modifies_common_noun(name: Token) -> bool:
    """Does this name only qualify a common noun ("a Ruiz supporter", "a Ruiz campaign aide")? Then the
    speaker is whoever the noun is, not the one named."""
    head = name
    while head.dep_ in {"compound", "poss", "amod"} and head.head.i > head.i:
        head = head.head
        if head.pos_ == "NOUN":
            return True
    return False


def _saying(tok: Token, cues: Cues) -> bool:
    """A verb of saying in the past or present ("said", "says", "told", "added")."""
    return tok.tag_ in {"VBD", "VBZ", "VBP"} and tok.lemma_.lower() in TAG_VERBS and cues.words.get(
        tok.lemma_.lower()) in SAYING_CLASSES


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
        while k > 0 and not _runs_on(mentions[ends[k][1]], text) and (
                _in_bridge(mentions[ends[k][1]], reach[k - 1])
                or _on_speaker(doc, mentions[ends[k][1]], mentions[ends[k - 1][1]])):
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


def _on_speaker(doc: Doc, m: Mention, before: Mention) -> bool:
    """An indirect mention whose cue lies in the words that name the speaker of the quoted mention before
    it: a relative clause on the speaker's description ('“…,” said Ana Ruiz, a port official who has not
    read the report but knows its gist. “…”'). It describes the speaker; the next quote is still hers.
    One that says something ('…, who also said that …', 'who suggested that …') is a statement of its own,
    and the quote after it may answer to it: left alone. PolNeAR train (benchmarks/recall_misses.py):
    found +6 in 4 texts, none lost, 5 stray rows fewer (without the exception +14 / -3, the losses all
    such statements)."""
    span = before.source.span
    return (m.form == "indirect" and span is not None and m.cue_span is not None
            and span[0] <= m.cue_span[0] and m.cue_span[1] <= span[1] and m.start >= before.end
            and not _says(doc, m))


def _says(doc: Doc, m: Mention) -> bool:
    """Is the mention's cue a verb of saying, claiming, urging or contesting (not of knowing or doing)?"""
    cue = doc.char_span(*m.cue_span, alignment_mode="expand")
    return cue is None or any(load_cues().cue_class(t.lemma_) in SPEECH_CLASSES for t in cue)


def _bridge(gap: str) -> bool:
    """Text between a quoted mention and a following quote that still lets the quote continue it:
    punctuation, or the rest of the mention's sentence ("…," he told reporters in Ohio. "…") — not words
    that stand in a paragraph of their own (issue 15; PolNeAR train exact contents +11 / -1)."""
    if "\n" in gap and gap.rpartition("\n")[2].strip(EDGE_PUNCT):
        return False  # words opening the quote's paragraph lead in to a new quote ("Then, on the radio: …")
    if "\n" in gap and gap.partition("\n")[2].strip(EDGE_PUNCT):
        return False  # a paragraph of the reporter's own between the two quotes ('“…”\n\nIt did not.\n\n“…”')
    gap = LEAD_CONNECTIVE.sub("", gap.strip())
    if not gap.strip(EDGE_PUNCT):
        return True
    gap = ABBREVIATION.sub(lambda m: m.group()[:-1], TITLE_QUOTE.sub(lambda m: "Title" + m.group("end"), gap))
    return (len(gap) <= MAX_BRIDGE and gap[-1] in ".,:;" and not SENTENCE_END.search(gap[:-1])
            and not any(q in APOSTROPHE.sub("", gap) for q in QUOTE_CHARS))


def _reach(m: Mention) -> int:
    """Where a mention's words end: content, cue or source, whichever is last."""
    return max(m.end, m.cue_span[1] if m.cue_span else 0, m.source.span[1] if m.source.span else 0)
