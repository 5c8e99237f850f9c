"""The outlet's own claims: the clauses a report states in its own voice.

Each sentence is split into clauses: its main clause, coordinated clauses ("…, and there is …"),
concessive clauses ("although a tanker allegedly ran aground …") and any dependent clause that an
attribution covers differently from its head ("As X happens, officials appealed …"). A clause is the
outlet's when no attribution covers its main word: not the cue, not the source and not the content
(a concessive clause inside indirect speech counts as the outlet's aside). Words of a wire dateline
("HARBOUR CITY, Country (Outlet) — ") and the headline (``page.headline_span``: it sums up the claims the
body states, and would only repeat them) belong to no claim, nor does the page's chrome (``page.chrome_spans``:
bylines, credits, promotions, an embedded post's markup). Skipped as no claim: boilerplate and credits
("Reporting by …", "Distributed by … under licence"), questions, imperatives addressed to the reader,
flag clauses ("Both accounts have yet to be verified", which ``status`` applies to earlier claims),
questions put to someone ("Asked if she thought X, Ruiz replied …"),
notes on the reporting itself ("X did not respond to requests for comment", "declined to comment":
nothing about the story a desk could corroborate) and pure commentary (see ``_is_commentary`` and
``data/hedges.json``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .nlp import doc_text, quote_index
from ..model import Mention, Source
from .dateline import dateline_end
from .page import chrome_spans, headline_span, is_title_case
from .quotes import QuoteIndex
from .spans import DOUBLE_QUOTES
from .hedges import SUBJECTS, Flag, HedgeIndex, Lexicon, doc_hedges, governs, load_lexicon

CONCESSIVE = {"although", "though", "whereas"}
WEAK, STRONG = 1, 2  # coverage: inside indirect content / inside a cue, a source or a direct quote
MIN_WORDS = 3  # shorter leftovers are fragments (datelines, labels), not claims
ARGUMENT_DEPS = {"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "csubj", "attr", "oprd", "acomp", "pcomp",
                 "pobj"}
_EDGE_DEPS = {"cc", "mark", "punct", "preconj"}
_DANGLING = {"cc", "preconj"}  # a conjunction ends no row, whatever the parser hung it on ("released a video and")
_CLOSERS = {"”", "’", '"', "'", "»", ")", "]"}
_OPENERS = {"“", "‘", '"', "'", "«", "(", "["}


def find_outlet_claims(doc: Doc, mentions: list[Mention], outlet: str) -> list[Mention]:
    """Mentions for every clause the outlet states itself (status ``asserted``, form ``outlet``)."""
    lex = load_lexicon()
    coverage = _coverage(doc, mentions)
    hedges, flags = doc_hedges(doc)
    text = doc_text(doc)
    chrome = chrome_spans(text)
    headline = headline_span(text, chrome)
    begin = _first_token_after(doc, max(dateline_end(text), headline[1] if headline else 0))
    quotes = quote_index(doc)
    claims: list[Mention] = []
    for sent in doc.sents:
        if (sent.end <= begin or _not_a_claim(sent, lex) or is_heading(sent) or is_subhead(sent)
                or _in_chrome(sent, chrome)):
            continue
        for root, tokens in _clauses(sent, coverage, begin):
            if _covered(root, coverage):
                continue
            span = _trim(doc, root, tokens, coverage, STRONG if coverage[root.i] else WEAK)
            if span is None or _is_commentary(root, lex) or _holds_flag(span, flags) or _asked(root):
                continue
            span = _before_open_quote(doc, span, quotes)
            if span is None or _is_no_comment(span, root, lex) or _quoted(span, quotes):
                continue
            if sum(not t.is_punct for t in span) < MIN_WORDS:
                continue
            claims.append(_claim(span, root, sent, outlet, hedges))
    return claims


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_heading(sent: Span) -> bool:
    """A line that announces what follows and states nothing: it ends in a colon and has no finite verb
    ("The Latest on the landslide at Kestrel Bay (all times local):", "Key dates:"). A live blog's header
    and a list's title are page furniture, not the outlet's claims."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].text in _CLOSERS and words[-1].text != ")":
        words.pop()
    return bool(words) and words[-1].text.endswith(":") and not any(t.tag_ in FINITE_TAGS for t in words)


SUBHEAD_WORDS = 10
_ENDS = {".", "!", "?", "…", ";", ","}


def is_subhead(sent: Span) -> bool:
    """A short line of its own in headline capitals without a full stop ("Tamm Gains Ground In The South"): the
    title of the section under it or of a linked story, page furniture, not a claim. (A label and a bidding,
    "Lenning: Win in a walk.", is left: the tagger reads "Win" as a noun as often as a verb.)"""
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return False
    text = sent.doc.text
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    words = [t for t in tokens if not t.is_punct]
    if text[line_start:start].strip() or text[end:line_end].strip() or not words or len(words) > SUBHEAD_WORDS:
        return False
    return is_title_case(text[start:end]) and tokens[-1].text not in _ENDS and tokens[-1].text not in _CLOSERS


def _first_token_after(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after a character offset (len(doc) when none)."""
    if char <= 0:
        return 0
    return next((t.i for t in doc if t.idx >= char), len(doc))


def _is_no_comment(span: Span, root: Token, lex: Lexicon) -> bool:
    """A note on the reporting ("did not respond to requests for comment", "has not commented on the
    letters"): its main word sits inside a no-comment phrase."""
    offset = span.start_char
    return any(match.start() <= root.idx - offset < match.end() for match in lex.no_comment.finditer(span.text))


ASKING_VERBS = {"ask", "wonder", "inquire", "question"}


def _asked(root: Token) -> bool:
    """Is the clause a question put to someone ("Asked if she thought the levy went too far, Ruiz replied
    …")? Its "if" or "whether" under a verb of asking makes it a question, not a claim the outlet states."""
    return root.head.lemma_.lower() in ASKING_VERBS and root.head is not root and any(
        c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in root.children)


def _quoted(span: Span, quotes: QuoteIndex) -> bool:
    """Is the clause somebody's quoted words that no attribution caught (a quote block after "is shown
    lecturing:", a chant)? Quoted words are never the outlet's own claim, whoever spoke them; a word or two
    in scare quotes inside the outlet's sentence leaves the clause the outlet's."""
    return quotes.holding(span.start_char, span.end_char) is not None


def _before_open_quote(doc: Doc, span: Span, quotes: QuoteIndex) -> Span | None:
    """The clause cut before a quote block it introduces with a colon, when the parser ran the quote's
    first sentence into the clause ('The film opens on a preacher: "The river will rise. …"'). A quote
    woven into the clause without a colon ('calling him a "stiff"') stays."""
    quote = quotes.at(span.end_char - 1)
    if quote is None or quote[0] <= span.start_char or not doc.text[span.start_char:quote[0]].rstrip().endswith(":"):
        return span
    cut = doc.char_span(span.start_char, quote[0], alignment_mode="contract")
    while cut is not None and len(cut) and (cut[-1].is_punct or cut[-1].is_space):
        cut = cut[:-1]
    return cut if cut is not None and len(cut) else None


def _holds_flag(span: Span, flags: list[Flag]) -> bool:
    return any(span.start_char <= flag.start < span.end_char for flag in flags)


def _in_chrome(sent: Span, chrome: list[tuple[int, int]]) -> bool:
    """The sentence lies inside one of the page's chrome spans (its outer blank space aside)."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return any(s <= start and end <= e for s, e in chrome)


def _not_a_claim(sent: Span, lex: Lexicon) -> bool:
    """Boilerplate, a question or an imperative addressed to the reader."""
    text = sent.text.strip()
    if not text or lex.boilerplate.search(text):
        return True
    if text.rstrip("”’\"' ").endswith("?"):
        return True
    root = sent.root
    if root.tag_ != "VB" or any(c.dep_ in SUBJECTS for c in root.children):
        return False
    first = next((t for t in sent if not t.is_punct and not t.is_space), root)
    return first.i == root.i or first.lower_ == "please"


def _coverage(doc: Doc, mentions: list[Mention]) -> bytearray:
    """Per token: STRONG inside a cue, a source or direct-quote content; WEAK inside indirect content."""
    coverage = bytearray(len(doc))
    for mention in mentions:
        strong = [mention.cue_span, mention.source.span]
        weak = []
        (strong if mention.form == "direct" else weak).append((mention.start, mention.end))
        for level, spans in ((WEAK, weak), (STRONG, strong)):
            for chars in spans:
                span = doc.char_span(chars[0], chars[1], alignment_mode="expand") if chars else None
                for i in range(span.start, span.end) if span is not None else ():
                    coverage[i] = max(coverage[i], level)
    return coverage


def _covered(root: Token, coverage: bytearray) -> bool:
    """Is a clause's main word someone else's words? A concessive clause inside indirect content is
    the outlet's aside unless it holds a cue or a source itself."""
    level = coverage[root.i]
    if level and _is_concessive(root):
        return level == STRONG
    return bool(level)


def _is_concessive(token: Token) -> bool:
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in token.children)


def _clauses(sent: Span, coverage: bytearray, begin: int) -> list[tuple[Token, list[int]]]:
    """(main word, token indexes) of every clause of a sentence, main clause first, leaving out the
    tokens before ``begin`` (a dateline). When the parser made a dateline word the sentence's root, the
    words after the dateline that hang from it start the clauses."""
    if sent.root.i >= begin:
        tops = [sent.root]
    else:
        tops = [t for t in sent if t.i >= begin and t.head.i < begin]
    owned: dict[int, list[int]] = {top.i: [] for top in tops}
    stack = [(top, top) for top in reversed(tops)]
    while stack:
        token, clause = stack.pop()
        if token.i >= begin:
            owned[clause.i].append(token.i)
        for child in token.children:
            if _starts_clause(child, clause, coverage):
                owned[child.i] = []
                stack.append((child, child))
            else:
                stack.append((child, clause))
    return [(sent.doc[i], sorted(tokens)) for i, tokens in owned.items() if tokens]


def _starts_clause(token: Token, clause: Token, coverage: bytearray) -> bool:
    """Coordinated clauses of a clause's main word split off; so do concessive clauses, and any
    dependent clause whose coverage by attributions differs from its head's. A subjectless verb
    coordinated with someone's words ("reports said the tanker caught fire and sank") shares their
    subject and speaker: it stays, even where the attribution's content stopped short of it."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("conj", "advcl", "parataxis"):
        return False
    has_subject = any(c.dep_ in SUBJECTS for c in token.children)
    covered = _covered(token, coverage)
    differs = covered != _covered(clause, coverage)
    if token.dep_ == "conj":
        return (differs and (covered or has_subject)) or (has_subject and token.head.i == clause.i)
    return has_subject and (differs or _is_concessive(token) and not _bracketed(token))


def _bracketed(token: Token) -> bool:
    """Is the clause of ``token`` inside a pair of brackets of its sentence ("(X won here in 2004, although Y
    won the spin)")? An aside in brackets is told whole, with the clause that holds it: not split in two rows."""
    sent = token.sent
    left, right = token.left_edge.i, token.right_edge.i
    while right > left and sent.doc[right].is_punct:
        right -= 1  # the parser may hang the closing bracket inside the clause
    nearest = next((t.text for t in reversed(sent.doc[sent.start:left]) if t.text in ("(", ")")), None)
    return nearest == "(" and any(t.text == ")" for t in sent.doc[right + 1:sent.end])


def _trim(doc: Doc, root: Token, tokens: list[int], coverage: bytearray, level: int) -> Span | None:
    """The clause's span without, at its edges, punctuation, its own conjunction or subordinator (at its end,
    any conjunction), a concessive clause split off after its last word (``_split_off_end``), and words of an
    attribution (covered at ``level`` or above, or hanging from a covered cue: "urging them"; a quote of them at
    the end goes whole, ``_trimmable_quote``). A concessive aside inside indirect content trims only cues,
    sources and quotes."""
    first, last = tokens[0], tokens[-1]
    while first <= last and _edge(doc[first], root, coverage, level) and not _paired(doc, first, last, first):
        first += 1
    own = set(tokens)
    while True:
        while last >= first:
            quote = _trimmable_quote(doc, first, last, root, coverage, level)
            if quote is not None:
                last = quote - 1
            elif (_edge(doc[last], root, coverage, level) or doc[last].dep_ in _DANGLING) \
                    and not _paired(doc, first, last, last):
                last -= 1
            else:
                break
        end = _split_off_end(doc, own, first, last)
        if end is None:
            return doc[first:last + 1] if first <= last else None
        last = end


def _split_off_end(doc: Doc, own: set[int], first: int, last: int) -> int | None:
    """Where a clause ends when its last words are a concessive clause split off from it ("…, though the crowd
    booed", a row of its own): the word before that clause; None when they are its own words or another
    clause, which may be part of what it states ("… will turn on them if they oppose it")."""
    while last > first and doc[last].is_punct and last in own:
        last -= 1  # '… the promise of a "new deal."': the marks closing the sentence
    if last < first or last in own:
        return None
    start = last
    while start > first and start - 1 not in own:
        start -= 1
    heads = {t.i for t in doc[start:last + 1] if t.head.i in own}
    if not heads or not all(_is_concessive(doc[i]) for i in heads):
        return None
    return start - 1


_DOUBLE_QUOTES = DOUBLE_QUOTES | {"``"}  # and the opening mark of text written with `` and ''


def _trimmable_quote(doc: Doc, first: int, last: int, root: Token, coverage: bytearray, level: int) -> int | None:
    """Where a double-quoted stretch that ends the clause at ``last`` opens, when every word of it, marks
    included, is an attribution's to trim (``_edge``): the quote inside the content of "…, telling the Gazette
    that there is "a strange deal going on"" goes with that content, opening mark and all, not into the
    outlet's clause. None for any other end, and for a quote the clause needs ('called the levy "a scam"')."""
    if doc[last].text not in _DOUBLE_QUOTES:
        return None
    opener = next((j for j in range(last - 1, first - 1, -1) if doc[j].text in _DOUBLE_QUOTES), None)
    if opener is None or not all(_edge(doc[k], root, coverage, level) for k in range(opener, last + 1)):
        return None
    return opener


def _paired(doc: Doc, first: int, last: int, i: int) -> bool:
    """Is the quote mark or bracket at an edge of [first, last] matched inside it (a bracket by a bracket of
    its kind, a quote mark by a quote mark)? Then it stays."""
    if i == first and doc[i].text in _OPENERS:
        return any(_pair(doc[i].text, doc[j].text) for j in range(first + 1, last + 1))
    if i == last and doc[i].text in _CLOSERS:
        return any(_pair(doc[j].text, doc[i].text) for j in range(first, last))
    return False


_BRACKETS = {"(": ")", "[": "]"}


def _pair(opener: str, closer: str) -> bool:
    """Can ``closer`` close ``opener``? Brackets close their own kind; quote marks any quote mark."""
    if opener in _BRACKETS or closer in _BRACKETS.values():
        return _BRACKETS.get(opener) == closer
    return opener in _OPENERS and closer in _CLOSERS


def _even_before_mark(token: Token, root: Token) -> bool:
    """The "even" of "even though", "even if", "even as" opening a clause: part of its subordinator."""
    doc = token.doc
    return (token.lower_ == "even" and token.head.i == root.i and token.i + 1 < len(doc)
            and doc[token.i + 1].dep_ == "mark" and doc[token.i + 1].head.i == root.i)


def _edge(token: Token, root: Token, coverage: bytearray, level: int) -> bool:
    """Is this word trimmable at a clause edge? Words of an attribution are, when the attribution is an
    adjunct of the clause ("…, urging residents to leave"; "… and is said to …"), not when it is an argument
    the clause needs ("The court would not let the mayor say the bridge was safe")."""
    if token.is_space or token.is_punct:
        return True
    if token.dep_ in _EDGE_DEPS and token.head.i == root.i:
        return True
    if _even_before_mark(token, root):
        return True
    topmost = None
    while token.i != root.i and token.head.i != token.i:
        if coverage[token.i] >= level:
            topmost = token
        token = token.head
    return topmost is not None and topmost.dep_ not in ARGUMENT_DEPS


def _is_commentary(root: Token, lex: Lexicon) -> bool:
    """A clause that states no checkable proposition: its main predicate is commentary ("underscores",
    "is waiting to see", "remains to be seen", "raises questions", "it is unclear whether", "puts … in the
    limelight", "is a reminder"), or analysts "questioning"/"wondering" about an open question."""
    lemma = root.lemma_.lower()
    children = list(root.children)
    if lemma in lex.commentary_verbs:
        return True
    if lemma in lex.commentary_questioning and any(c.dep_ in ("dobj", "ccomp", "prep") for c in children):
        return True
    if lemma in lex.commentary_wait and any(
        t.lemma_.lower() in lex.commentary_wait[lemma] for c in children if c.dep_ == "xcomp" for t in c.subtree
    ):
        return True
    if lemma in lex.commentary_raise and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.commentary_raise[lemma] for c in children
    ):
        return True
    if any(c.dep_ in ("acomp", "attr") and c.lower_ in lex.commentary_unclear for c in children):
        return True
    if any(c.dep_ in ("attr", "pobj") and c.lemma_.lower() in lex.commentary_attr for c in _and_preps(children)):
        return True
    return any(c.dep_ == "pobj" and c.lower_ in lex.commentary_spotlight for c in _and_preps(children))


def _and_preps(children: list[Token]) -> list[Token]:
    """The children of a word, plus the objects of its prepositions ("in the limelight", "as a reminder")."""
    return children + [g for c in children if c.dep_ == "prep" for g in c.children]


def _claim(span: Span, root: Token, sent: Span, outlet: str, hedges: HedgeIndex) -> Mention:
    """The mention for one outlet clause; its cue is the doubt hedge governing it, if any."""
    inside = hedges.between(span.start_char, span.end_char)
    doubt = next((h for h in inside if h.kind in ("doubt", "np_doubt") and governs(h, root, {root.i})), None)
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        source=Source(name=outlet, kind="outlet"),
        cue=doubt.text if doubt else None,
        form="outlet",
        status="asserted",
        sentence=(sent.start_char, sent.start_char + len(sent.text.rstrip())),
        cue_span=(doubt.start, doubt.end) if doubt else None,
    )
