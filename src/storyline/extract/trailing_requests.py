"""A request told as a participle at the end of someone's statement: "Aldane said the union had sent two
letters to the company, *asking* it to move the fuel".

The participle is a cue of its own, so the span benchmarks (PolNeAR marks "asking it to move the fuel" as
an attribution with the content "it to move the fuel") get a row for it and the statement it hangs on
stops before it. In the ledger that leaves a fragment ("it to move the fuel": who is "it"?) beside a
statement cut short. The participle's clause belongs to the statement it modifies: the ledger's row is
the statement with the request in it ("… two letters to the company, asking it to move the fuel"), and the
fragment goes (``junk.repeats_outer`` strikes it once it lies inside the longer row).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Mention
from .nlp import cue_classes, cue_of, doc_text

BETWEEN = frozenset({",", ";", "—", "–", "-"})  # what may stand between the statement's end and the participle


def join_trailing_requests(doc: Doc, mentions: list[Mention]) -> None:
    """Extend each statement that a participial cue's clause trails (in place); the participle's row,
    now inside it, is left for ``drop_junk``."""
    text = doc_text(doc)
    for mention in mentions:
        cue = cue_of(doc, mention)
        if mention.form != "indirect" or cue is None or not len(cue):
            continue
        verb = cue.root
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "conj") or "urge" not in cue_classes(doc, mention):
            continue  # only a request ("asking", "urging", "calling on"); "…, arguing that Z" is a claim of its own
        for outer in mentions:
            if (outer is mention or outer.form != "indirect" or outer.end > cue.start_char
                    or not outer.start <= verb.head.idx < outer.end
                    or text[outer.end:cue.start_char].strip() not in BETWEEN
                    or outer.source.name != mention.source.name):
                continue
            outer.end = max(outer.end, mention.end)
            outer.text = text[outer.start:outer.end]
