"""The outlet's correction of a statement it has just reported, in two shapes the parse shows plainly:

- a bare correction, a sentence of its own made only of a pronoun and a negated auxiliary ("She hadn't.",
  "It didn't.", "They weren't, actually.") right after the statement;
- a counter-clause hung on the statement's sentence, negated and with "actually" / "in fact" ("… an offer
  from the academy, when he hadn't actually applied", "… safe, though in fact it was never inspected").

Either tells the reader that what was said is not so, so the report presents it as disputed (the contract's
rebuke in the outlet's voice); ``status.assign_status`` applies them last, to statements that are neither
struck as junk nor hypothetical ("could have mentioned X. He didn't." is a missed chance, not a statement).

Both are rare: in PolNeAR train's 840 texts eight sentences in seven texts have the bare shape and one the
counter-clause; three statements change, all corrected in the text (the others follow a wish or a missed
chance, or sit inside a quote)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Mention
from .nlp import cue_of

PRONOUNS = frozenset({"he", "she", "it", "they"})
AUXILIARIES = frozenset({"be", "have", "do"})
ASIDES = frozenset({"actually", "really", "ever"})  # "They weren't, actually."


def bare_correction(sent: Span) -> bool:
    """Is the sentence only a third-person pronoun, a negated be / have / do and at most an aside?"""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    root = sent.root
    if root.lemma_.lower() not in AUXILIARIES or not any(c.dep_ == "neg" for c in root.children):
        return False
    rest = [t for t in words if t.i != root.i]
    subjects = [t for t in rest if t.dep_ == "nsubj" and t.head.i == root.i and t.lower_ in PRONOUNS]
    return len(subjects) == 1 and all(t.dep_ == "neg" or t.lower_ in ASIDES or t.dep_ == "nsubj" for t in rest)


def corrected_statements(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int | None]]:
    """The rows bare corrections dispute, each with the outlet's row holding the correction (None when the
    outlet has no row there): for each such sentence outside every speaker's row (a quoted "He didn't." is
    the speaker's), the latest statement of a speaker that ends in the sentence just before."""
    sents = list(doc.sents)
    found = []
    for before, sent in zip(sents, sents[1:]):
        if not bare_correction(sent) or _speaker_row_at(sent.start_char, mentions):
            continue
        ending = [j for j, m in enumerate(mentions)
                  if m.form != "outlet" and before.start_char < m.end <= before.end_char]
        if ending:
            latest = _latest(ending, mentions)
            latest += [k for j in latest for k in _implied_by(doc, j, ending, mentions) if k not in latest]
            found += [(j, _outlet_row_at(sent.start_char, mentions)) for j in latest]
    return found


IMPLYING = frozenset({"suggest", "imply", "insinuate", "hint"})  # "…, *suggesting* that she had seen it"


def _implied_by(doc: Doc, index: int, rows: list[int], mentions: list[Mention]) -> list[int]:
    """'"Watch the calf …," said Mara Lind, *suggesting that she had seen such a video*. She hadn't.': when the
    corrected row is what its speaker's words imply (a participle of implying hung on the verb that cues
    them), the words that imply it are corrected with it: that speaker's rows among ``rows`` cued by that
    verb. Not a row added to them ("…, *adding* that the cranes were new. They weren't.")."""
    implying = cue_of(doc, mentions[index])
    root = implying.root if implying is not None and len(implying) else None
    if root is None or root.tag_ != "VBG" or root.dep_ != "advcl" or root.lemma_.lower() not in IMPLYING:
        return []
    found = []
    for k in rows:
        cue = cue_of(doc, mentions[k])
        if (k != index and cue is not None and len(cue) and cue.root.i == root.head.i
                and mentions[k].source.name == mentions[index].source.name):
            found.append(k)
    return found


COUNTER_MARKS = frozenset({"when", "though", "although", "whereas", "while"})
IN_TRUTH = frozenset({"actually", "really"})  # and the phrase "in fact"


def counter_clause(root: Token) -> bool:
    """'(X claimed he had been offered a place,) when he hadn't actually applied', '… though in fact it was
    never built': a clause hung on the statement's sentence that says, negated and with "actually" / "in
    fact", that it is not so. A plain "when" or "though" clause ("said she was pleased, though turnout was
    low") concedes or dates; it does not correct, so the negation and the "in fact" are both needed."""
    # the parser hangs a "when" clause after a place on the place ("an offer from West Point, when he …")
    if root.dep_ not in ("advcl", "relcl") or not any(c.dep_ in ("mark", "advmod") and c.lower_ in COUNTER_MARKS
                                       and c.i < root.i for c in root.children):
        return False
    negated = any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "never" for c in root.children)
    in_truth = any(c.dep_ == "advmod" and c.lower_ in IN_TRUTH
                   or c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "fact" for g in c.children)
                   for c in root.children)
    return negated and in_truth


def countered_statements(doc: Doc, mentions: list[Mention]) -> list[tuple[int, int | None]]:
    """The statements the outlet's counter-clauses dispute, each with the outlet's row holding the clause
    (None when the outlet has none there): for each counter-clause outside every speaker's row, the latest
    speaker's row in the same sentence that ends before the clause."""
    found = []
    for root in doc:
        if not counter_clause(root):
            continue
        first = min(root.subtree, key=lambda t: t.i).idx
        if _speaker_row_at(root.idx, mentions):
            continue  # a speaker's own "though in fact it never was"
        sent = root.sent
        before = [j for j, m in enumerate(mentions) if m.form != "outlet"
                  and sent.start_char <= m.start and m.end <= first]
        if before:
            found += [(j, _outlet_row_at(root.idx, mentions)) for j in _latest(before, mentions)]
    return found


def _speaker_row_at(position: int, mentions: list[Mention]) -> bool:
    """Whether a speaker's row (not the outlet's) holds the character at ``position``."""
    return any(m.form != "outlet" and m.start <= position < m.end for m in mentions)


def _outlet_row_at(position: int, mentions: list[Mention]) -> int | None:
    """The outlet's row holding the character at ``position``, or None."""
    return next((j for j, m in enumerate(mentions) if m.form == "outlet" and m.start <= position < m.end), None)


def _latest(rows: list[int], mentions: list[Mention]) -> list[int]:
    """The row among ``rows`` that ends last (the shortest of those), with any row of the very same span (a
    statement two cues share is one row each)."""
    last = max(rows, key=lambda j: (mentions[j].end, -mentions[j].start))
    return [j for j in rows if (mentions[j].start, mentions[j].end) == (mentions[last].start, mentions[last].end)]
