"""Dated happenings for the timeline: one Event per resolved time expression, read from its sentence."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .nlp import doc_text, quote_index
from ..model import Entity, Event, Mention, TimeValue
from .dateline import dateline_end
from .page import POST_SIGNATURE
from .quotes import QuoteIndex
from .role_heads import person_noun

MAX_WORDS = 20
MIN_WORDS = 3
MODIFIER_MIN_WORDS = 4  # a noun with its participle ("the 12 reported") says too little at three
CORE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "attr", "prt", "acomp", "agent",
             "oprd", "dative", "xcomp"}
SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "attr", "acomp", "oprd", "xcomp", "dative"}
TIME_LABELS = {"DATE", "TIME"}
NOUN_POS = {"NOUN", "PROPN", "NUM", "PRON"}
RELATIVE_TAGS = {"WP", "WDT"}
CLAUSAL_DEPS = {"ccomp", "xcomp", "oprd", "acomp", "advcl"}
TIME_ADVERBS = {"later", "earlier", "late", "early", "soon", "as"}
PARTICLES = {"out", "up", "off", "down", "over", "away", "back"}
NOUN_LIKE_DEPS = {"pobj", "amod", "compound", "pcomp", "dobj", "nsubj", "nsubjpass"}
REPORTING_VERBS = {"say", "tell", "report", "confirm", "announce", "add", "state", "claim", "deny",
                   "write", "insist", "warn", "acknowledge", "admit", "allege", "argue", "explain",
                   "dispute", "reveal", "disclose", "note", "estimate"}
ACTOR_TYPES = {"PERSON", "ORG"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod"}
# a verb "in" or "during" a thing the year names happened then too ("killed in a 2011 strike")
SETTING_PREPOSITIONS = {"in", "at", "on"}
STATIVE_VERBS = {"be", "have"}  # "has credentials … as a senator during the 2001 attacks": no happening
# a gerund after these heads a clause of its own: "before becoming a judge in 2009"
CLAUSE_PREPOSITIONS = {"before", "after", "since", "upon", "while", "without"}
# "are hoping Ivo Tan will win in November", "want to hold the vote in June": a happening wished or feared
WISH_VERBS = {"hope", "hop", "wish", "want", "pray", "expect", "fear", "dream"}  # the tagger lemmatizes "hoping" "hop"
AHEAD_AUX = {"will", "'ll", "would", "could", "might", "may", "to"}


def find_events(doc: Doc, times: list[TimeValue], mentions: list[Mention],
                entities: list[Entity]) -> list[Event]:
    """An Event for each resolved time expression: the clause it dates, who acts in it, where, and status.
    A post's signature dates nothing. Two events at the same time that tell the same thing (one description
    inside the other, or the same verb with the same subject) are one: the longer description is kept."""
    text = doc_text(doc)
    begin = dateline_end(text)
    owners = _span_owners(entities)
    spans = [(time, doc.char_span(time.start, time.end, alignment_mode="expand")) for time in times
             if time.value is not None]
    time_tokens = {i for _, span in spans if span is not None for i in range(span.start, span.end)}
    events: list[Event] = []
    keys: list[tuple[str, str]] = []
    quotes = quote_index(doc)
    signatures = [match.span() for match in POST_SIGNATURE.finditer(text)]
    ranges = _ranges(spans)
    ends = {id(until) for _, until in ranges.values()}
    for time, time_span in spans:
        if time_span is None or any(s <= time.start and time.end <= e for s, e in signatures):
            continue  # an embedded post's signature ("— Ida Kern (@idakern) May 2, 2031") is page chrome
        if id(time) in ends:
            continue  # "to 1989" of "from 1983 to 1989" ends the event its range's first time dates
        sent = time_span.sent
        clause = _clause(sent, time_span, begin, time_tokens)
        if clause is None:
            continue
        start, end, key, aside = clause
        if _dated_on_its_own_line(text, time, start, end, spans):
            continue
        # a time about the speaker lies outside what the speaker says: only a mention holding it gives status
        governing = _governing_verb(time_span.root, sent)
        about_speaker = _speaker_phrase(governing, time_span) is not None
        mention = _covering_mention(mentions, time, sent, nearby=not about_speaker)
        unattributed = mention is None or (mentions[mention].form == "outlet"
                                           and not mentions[mention].start <= time.start < mentions[mention].end)
        if unattributed and _in_quote(quotes, time, start, end):
            continue
        event = Event(
            time=_as_range(text, time, ranges.get(id(time))),
            description=text[start:end] if aside is None else f"{text[start:aside[0]]} … {text[aside[1]:end]}",
            start=start,
            end=end,
            actors=_names(owners, start, end, ACTOR_TYPES),
            place=next(iter(_names(owners, max(begin, sent.start_char), sent.end_char, PLACE_TYPES)), None),
            status=_wished_status(governing, mentions[mention].status if mention is not None else "asserted"),
            mention=mention,
        )
        same = next((i for i, other in enumerate(events) if _same_event(other, keys[i], event, key)), None)
        if same is None:
            events.append(event)
            keys.append(key)
        elif len(event.description) > len(events[same].description):
            events[same], keys[same] = event, key
    return events


RANGE_OPENERS = {"from": {"to", "until", "till", "through", "-", "–"}, "between": {"and"}}


def _ranges(spans: list[tuple[TimeValue, Span | None]]) -> dict[int, tuple[int, TimeValue]]:
    """Times that open a span of time with the next one ("from 1983 to 1989", "between May 2 and May 9"),
    by the id of the opening time: where the range's words begin, and the time that ends it. The two dates
    bound one happening ("served as mayor from 1983 to 1989"): one timeline entry, not a second at its end."""
    starts = {span.start: (time, span) for time, span in spans if span is not None}
    ranges: dict[int, tuple[int, TimeValue]] = {}
    for time, span in spans:
        if span is None or span.start == 0 or span.end >= len(span.doc):
            continue
        opener, joiner = span.doc[span.start - 1], span.doc[span.end]
        after = starts.get(span.end + 1)
        if after is not None and joiner.lower_ in RANGE_OPENERS.get(opener.lower_, ()):
            ranges[id(time)] = (opener.idx, after[0])
    return ranges


def _as_range(text: str, time: TimeValue, bounds: tuple[int, TimeValue] | None) -> TimeValue:
    """The event's time, written as the whole range when it opens one ("from 1983 to 1989"); its value stays
    the first time's (the timeline sorts a range by where it begins)."""
    if bounds is None:
        return time
    start, until = bounds
    return replace(time, text=text[start:until.end], start=start, end=until.end)


def _in_quote(quotes: QuoteIndex, time: TimeValue, start: int, end: int) -> bool:
    """Are the time and what it dates inside one quotation? When no attribution caught it ("Yesterday, America
    was a land of …" in a quoted lecture), whoever spoke it, the outlet does not assert it, and a "yesterday"
    in it counts from an unknown day, not the report's: no timeline event."""
    quote = quotes.holding(start, end)
    return quote is not None and quote[0] <= time.start < quote[1]


def _dated_on_its_own_line(text: str, time: TimeValue, start: int, end: int,
                           spans: list[tuple[TimeValue, Span | None]]) -> bool:
    """A description on another line than its time (a time stamp under a headline, "Posted … 08:45 AM" above
    the lead) that holds a time of its own ("checked into the clinic on Thursday") is dated by that one: the
    stamp would put the same clause a second time on the report's day."""
    if "\n" not in text[min(start, time.start):max(end, time.end)]:
        return False
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return any(other is not time and span is not None and first <= other.start and other.end <= last
               for other, span in spans)


def _same_event(one: Event, one_key: tuple[str, str], other: Event, other_key: tuple[str, str]) -> bool:
    """Same time value, and one description inside the other or the same verb with the same subject."""
    if one.time.value != other.time.value:
        return False
    one_text, other_text = one.description.lower(), other.description.lower()
    if one_text in other_text or other_text in one_text:
        return True
    return bool(one_key[1]) and one_key == other_key


def _clause(sent: Span, time_span: Span, begin: int, time_tokens: set[int]
            ) -> tuple[int, int, tuple[str, str], tuple[int, int] | None] | None:
    """Character offsets of what the time dates, its (verb lemma, subject) key and the subject's aside left
    out of the description when there is one (see ``_without_aside``): its verb with subject,
    object and particles ("it warned the company in writing"); for a participle modifying a noun ("in a
    statement issued on Friday, the company said …", "air samples taken on Sunday showed …") or a
    relative clause on a clause ("…, which may happen on Sunday"), the clause it modifies, when that one
    has a subject and no time of its own, else the noun it modifies ("the warehouse that exploded"); for
    a report dated by its reporting verb, the report ("the port authority said …"). None when fewer than
    MIN_WORDS words are left (MODIFIER_MIN_WORDS for a noun and its modifier) or only the time is left."""
    named = _named_by_year(time_span)
    if named is not None and person_noun(named, agents=False):
        return None  # "the 2012 nominee", "a 1979 graduate of …", "her 2008 campaign manager": a role, no event
    if named is not None:  # "contrasted it with her 2002 vote": the vote is 2002's, not the contrast
        found = _bounds(list(named.subtree), time_span, begin, MODIFIER_MIN_WORDS)
        return None if found is None else (*found, _key(named, None), None)
    verb = _governing_verb(time_span.root, sent)
    speaker = _speaker_phrase(verb, time_span)
    if speaker is not None:  # "…, said Ostrander, who served as mayor from 1981": about the speaker
        found = _bounds(list(speaker.subtree), time_span, begin, MIN_WORDS)
        return None if found is None else (*found, _key(speaker, None), None)
    host = _host_clause(verb, sent)
    if host is not None:
        target, subject = host
        inside = {t.i for t in verb.subtree}  # the modifier, but for a reduced relative's own subject
        if subject.head.i == verb.i:
            inside -= {t.i for t in subject.subtree}
        tokens = [t for t in (*_verb_phrase(target, None), *subject.subtree) if t.i not in inside]
        if not any(t.i in time_tokens for t in tokens):
            found = _bounds(tokens, time_span, begin, MIN_WORDS)
            if found is not None:
                return (*found, _key(target, subject), None)
    noun = verb.head
    if verb.dep_ in {"acl", "relcl"} and _noun_phrase(noun):
        minimum = MODIFIER_MIN_WORDS if verb.dep_ == "acl" else MIN_WORDS
        found = _bounds(list(noun.subtree), time_span, begin, minimum)  # "the warehouse that exploded"
        return None if found is None else (*found, _key(verb, noun), None)
    if _relative_subject(verb) is not None:
        return None  # "which may happen": nothing better than the relative pronoun
    tokens = _verb_phrase(verb, time_span.root)
    # "declared Monday a national day of mourning": what the time itself is said to be
    tokens.extend(t for c in time_span.root.children if c.dep_ in {"appos", "oprd"} for t in c.subtree)
    tokens.extend(t for c in verb.children if c.dep_ == "npadvmod" and c.i > time_span.root.i
                  for t in c.subtree)
    subject = _subject(verb)
    minimum = MODIFIER_MIN_WORDS if _reduced_relative(verb) else MIN_WORDS
    found = _without_aside(tokens, subject, time_span, begin, minimum)
    if found is not None:
        return found[0], found[1], _key(verb, subject), found[2]
    found = _bounds(tokens, time_span, begin, minimum)
    return None if found is None else (*found, _key(verb, subject), None)


def _without_aside(tokens: list[Token], subject: Token | None, time_span: Span, begin: int, minimum: int
                   ) -> tuple[int, int, tuple[int, int]] | None:
    """A description too long for MAX_WORDS whose subject carries an aside set off by commas ("Ana Ruiz, who
    served as mayor from 1983 to 1989, said on Monday that …"; "Officer Lena Doss, who shot …, was charged on
    Thursday") keeps the subject's name and what the time dates, and leaves the aside out: (start, end, and
    the left-out characters). Cut at MAX_WORDS, it would keep the aside and lose the verb the time dates. An
    appositive name is no aside ("the agency's chief, Ana Ruiz, said"). None when there is no aside or the
    phrase fits."""
    if subject is None or max(t.i for t in tokens) - min(t.i for t in tokens) < MAX_WORDS:
        return None
    doc = subject.doc
    aside = next(((c.left_edge.i - 1, c.right_edge.i + 1) for c in subject.children
                  if (c.dep_ in {"relcl", "acl"} or c.dep_ == "appos" and c.pos_ != "PROPN")
                  and c.i > subject.i and c.left_edge.i > 0
                  and doc[c.left_edge.i - 1].text == "," and c.right_edge.i + 1 < len(doc)
                  and doc[c.right_edge.i + 1].text == ","), None)
    if aside is None or not any(t.i > aside[1] for t in tokens):
        return None
    head = _bounds([t for t in tokens if t.i < aside[0]], time_span, begin, 1)
    if head is None or aside[0] - subject.left_edge.i >= MAX_WORDS - minimum:
        return None
    tail = _bounds([t for t in tokens if t.i > aside[1]], time_span, begin, max(1, minimum - 1),
                   MAX_WORDS - (aside[0] - subject.left_edge.i))
    if tail is None:
        return None
    name_end = doc[aside[0] - 1].idx + len(doc[aside[0] - 1])  # "Rep. Ana Ruiz (D-Kelvar)" keeps its bracket
    return head[0], tail[1], (name_end, tail[0])


def _named_by_year(time_span: Span) -> Token | None:
    """The noun a bare year or a calendar date modifies ("her 2002 vote", "a 2008 interview", "the Sept. 11
    attacks"; not a weekday, "Sunday morning shows", which is mostly the clause's own day): the time
    dates the thing the noun names, not the clause around it ("Trump was referring to a 2008 interview" did
    not happen in 2008). Not when the noun is the setting of a verb ("wrote in his 1990 autobiography",
    "said in a 2014 interview", "was killed in a 2011 drone strike"): then the year dates the verb too. A year in a
    phrase on an object's noun ("after a stroke in 2012") dates that noun too; one on a subject is more often
    the clause's, misattached ("the company in 2009 agreed"), and is left to the clause. A count on a word of
    a time expression ("20" of "20 and 50 years ago") names no thing: it dates the clause."""
    root = time_span.root
    year = len(time_span) == 1 and root.like_num and len(root.text) == 4
    calendar = year or any(t.like_num for t in time_span) and not any(t.ent_type_ == "TIME" for t in time_span)
    if year and root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN" \
            and root.head.head.dep_ in {"pobj", "dobj"}:
        noun = root.head.head  # "speaks slowly after a stroke in 2012": the stroke's year
    elif calendar and root.dep_ in NOUN_MODIFIER_DEPS and root.head.i >= time_span.end \
            and root.head.pos_ in {"NOUN", "PROPN"} and root.head.ent_type_ not in TIME_LABELS:
        noun = root.head  # "the Sept. 11 attacks", "the Nov. 8 election"
    else:
        return None
    verb = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPOSITIONS and verb.pos_ == "VERB" \
            and verb.lemma_.lower() not in STATIVE_VERBS:
        return None  # "killed in a 2011 drone strike", "wrote in his 1990 autobiography": the verb's year too
    return noun


def _speaker_phrase(verb: Token, time_span: Span) -> Token | None:
    """The subject of a reporting verb when the time lies inside it ("said Ostrander, who served as mayor
    from 1981 to 1989"; "a spokesman, who joined in 2019, said"): the time dates something about the speaker,
    so the description is the speaker's phrase, without the attribution tag around it."""
    if verb.dep_ in {"relcl", "acl"} and verb.head.dep_ in SUBJECTS:
        verb = verb.head.head  # the time in a clause on the subject: "who served as mayor from 1981"
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    subject = _subject(verb)
    if subject is None or not subject.left_edge.i <= time_span.root.i <= subject.right_edge.i:
        return None
    return subject


def _host_clause(verb: Token, sent: Span) -> tuple[Token, Token] | None:
    """(verb, subject) of the clause a modifier clause belongs to: a participle on a subject, object or
    fronted prepositional phrase ("in a statement issued …, the company said"), a reduced relative clause
    the parser read as a clause ("air samples taken on Sunday showed"), or a relative clause on a clause
    ("declares the air safe, which may happen …"). None when there is no such clause with a subject."""
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ in NOUN_POS:
        if head.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            target = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            target = head.head.head
        else:
            return None
    elif _reduced_relative(verb):
        subject = _subject(verb)
        target = next((c for c in head.children if c.i > verb.i and c.dep_ in {"ccomp", "conj", "advcl"}
                       and c.pos_ in {"VERB", "AUX"} and _subject(c) is None), None)
        return None if target is None or subject is None else (target, subject)
    elif verb.dep_ == "relcl" and not _noun_phrase(head) and _relative_subject(verb) is not None:
        target = _governing_verb(head, sent)  # "declares the air safe, which may happen on Sunday"
    else:
        return None
    if target.pos_ not in {"VERB", "AUX"} or target.i == verb.i:
        return None
    subject = _subject(target)
    return None if subject is None else (target, subject)


def _noun_phrase(tok: Token) -> bool:
    """A noun heading a noun phrase, not a complement the parser took for one ("declares the channel
    clear, which …")."""
    return tok.pos_ in NOUN_POS and tok.dep_ not in CLAUSAL_DEPS


def _reduced_relative(verb: Token) -> bool:
    """ "air samples taken on Sunday showed …" parsed as a clause: a bare past participle with a noun
    subject and no auxiliary, under another verb."""
    return (verb.tag_ == "VBN" and verb.head.i != verb.i and verb.dep_ in {"ccomp", "conj", "advcl"}
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
            and any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} for c in verb.children))


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for a conjoined verb without one, the subject it shares."""
    for tok in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        subject = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
    return None


def _relative_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECTS and c.tag_ in RELATIVE_TAGS), None)


def _key(verb: Token, subject: Token | None) -> tuple[str, str]:
    """(verb lemma, subject words): two descriptions with the same key tell the same thing."""
    if subject is None:
        return verb.lemma_.lower(), ""
    words = subject.doc[subject.left_edge.i:subject.right_edge.i + 1]
    return verb.lemma_.lower(), " ".join(t.lower_ for t in words if not t.is_space)


def _bounds(tokens: list[Token], time_span: Span, begin: int, minimum: int, words: int = MAX_WORDS
            ) -> tuple[int, int] | None:
    """Character offsets from the first to the last token (at most ``words`` words), the time and the
    dateline left out, no trailing "on", "and", nor the time itself; None under ``minimum`` words."""
    doc = time_span.doc
    tokens = [t for t in tokens if not (time_span.start <= t.i < time_span.end) and t.idx >= begin]
    if not tokens:
        return None
    tokens = _one_line(tokens)
    first, final = min(t.i for t in tokens), max(t.i for t in tokens)
    last = min(final, first + words - 1)
    dangling = {"ADP", "CCONJ", "DET", "SCONJ"} | ({"AUX", "PART"} if last < final else set())
    while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].ent_type_ in TIME_LABELS
                            or time_span.start <= last < time_span.end or doc[last].lower_ in TIME_ADVERBS
                            or doc[last].pos_ in dangling):
        last -= 1  # "sent two letters, on January 9 and"; cut short, no "… fertiliser were"
    while first < last and (doc[first].is_punct or doc[first].is_space or doc[first].pos_ == "CCONJ"
                            or time_span.start <= first < time_span.end
                            or doc[first].pos_ == "ADP" and time_span.start == first + 1
                            or doc[first].tag_ == "POS" and first == time_span.end):
        first += 1  # no leading "On Friday,", nor the "'s" of "Tuesday's debate"
    if sum(1 for t in doc[first:last + 1] if not t.is_punct) < minimum:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _one_line(tokens: list[Token]) -> list[Token]:
    """The tokens on the line that holds most of their words (not numbers, times nor punctuation; the first
    such line on a tie). A parse that runs a headline into the dateline or time stamp under it ("Ferry Sinks
    Off Kelvar\nMay 3, 2031 | 8:20") makes one sentence of lines that say different things; a description
    keeps to one of them."""
    text = tokens[0].doc.text
    lines = [text.count("\n", 0, t.idx) for t in tokens]
    if len(set(lines)) == 1:
        return tokens
    words = [line for t, line in zip(tokens, lines)
             if t.is_alpha and t.ent_type_ not in TIME_LABELS and not t.like_num]
    best = max(sorted(set(lines)), key=words.count)
    return [t for t, line in zip(tokens, lines) if line == best]


def _verb_phrase(verb: Token, path: Token | None) -> list[Token]:
    """The verb with its subject, auxiliaries, objects and particles; the branch that leads to ``path``,
    the time ("visited the injured at the hospital on Saturday"); a reporting verb's following content or
    a verbless complement ("declares the air safe"); a first prepositional phrase besides the time's when
    there is no object ("travel to Kelvar"); a conjoined verb's shared subject."""
    reporting = verb.lemma_.lower() in REPORTING_VERBS
    tokens = [verb]
    has_object = False
    for child in verb.children:
        on_path = path is not None and child.left_edge.i <= path.i <= child.right_edge.i
        content = child.dep_ == "ccomp" and child.i > verb.i and (
            reporting or child.pos_ not in {"VERB", "AUX"})
        if child.dep_ in CORE_DEPS or on_path or content or child.dep_ == "prep" and child.i == verb.i + 1 and (
                child.lower_ in PARTICLES):
            tokens.extend(child.subtree)
            has_object = has_object or child.dep_ in OBJECTS or content
    if not has_object:  # the first phrase besides the time's: "met on Tuesday behind closed doors"
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and not (
            path is not None and c.left_edge.i <= path.i <= c.right_edge.i)), None)
        if prep is not None:
            tokens.extend(prep.subtree)
    if verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children):
        tokens.extend(t for c in verb.head.children if c.dep_ in SUBJECTS for t in c.subtree)
    return tokens


def _governing_verb(tok: Token, sent: Span) -> Token:
    """The verb whose clause the token dates: the nearest verb above it that heads a clause (a gerund
    used as a noun, "in writing", "reopen to shipping", does not), climbing from an infinitive to the
    verb that governs it ("would begin lifting") and from "what happened" to the verb it completes."""
    verb = None
    for _ in range(8):
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"} and not (
                tok.tag_ in {"VBG", "VBN"} and tok.dep_ in NOUN_LIKE_DEPS and tok.head.i != tok.i
                and not _gerund_clause(tok)):
            verb = tok
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if verb is None:
        return sent.root
    for _ in range(3):
        free_relative = any(c.dep_ in SUBJECTS and c.tag_ in {"WP", "WDT"} for c in verb.children)
        if (verb.dep_ == "xcomp" or free_relative and verb.dep_ in {"ccomp", "dobj", "pcomp"}) \
                and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head
    return verb


def _wished_status(verb: Token, status: str) -> str:
    """A happening still ahead that someone hopes for, wants or fears ("Republicans are hoping Ivo Tan will
    win in November") is no fact of the report, whatever the status of the sentence telling the hope: it is
    hypothetical. Any other status as it is."""
    if status not in ("asserted", "reported"):
        return status
    if _wishing(verb) and any(  # "wants to hold the vote in June"; not "is expected to vote on Friday"
            c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in verb.children):
        return "hypothetical"
    if not any(c.dep_ == "aux" and c.lower_.replace("’", "'") in AHEAD_AUX for c in verb.children):
        return status
    for _ in range(3):
        if verb.dep_ not in {"ccomp", "xcomp"} or verb.head.i == verb.i:
            return status
        verb = verb.head
        if _wishing(verb):
            return "hypothetical"
    return status


def _wishing(verb: Token) -> bool:
    """An active verb of hoping, wanting or fearing (a passive "is expected to" tells a schedule)."""
    return verb.lemma_.lower() in WISH_VERBS and not any(c.dep_ == "auxpass" for c in verb.children)


def _gerund_clause(tok: Token) -> bool:
    """A gerund after "before", "after", "since" … is a clause with its own time: in "said it before
    becoming a justice in 2009" the year dates the becoming, not the saying."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in CLAUSE_PREPOSITIONS


def _covering_mention(mentions: list[Mention], time: TimeValue, sent: Span, nearby: bool = True) -> int | None:
    """Index of the mention holding the time expression, else (``nearby``) of one in the same sentence."""
    fallback = None
    for index, mention in enumerate(mentions):
        if mention.start <= time.start < mention.end:
            return index
        if nearby and fallback is None and mention.start < sent.end_char and sent.start_char < mention.end:
            fallback = index
    return fallback


def _span_owners(entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    return sorted((s, e, entity) for entity in entities for s, e in entity.spans)


def _names(owners: list[tuple[int, int, Entity]], start: int, end: int, types: set[str]) -> list[str]:
    """Names of the entities of the given types occurring in [start, end), in order, once each."""
    names: list[str] = []
    for s, e, entity in owners[bisect_left(owners, (start,)):]:
        if s >= end:
            break
        if e <= end and entity.type in types and entity.name not in names:
            names.append(entity.name)
    return names
