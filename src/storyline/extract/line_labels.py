"""A topic label opening a line: "Superdelegates: Rivera is backed by 52 of them, according to the Courier."
and "Housing: Ivo Tran said short leases push families out." name what the paragraph is about, not who says
it. A line "Label: text" is a speaker's line ("Marta Koval: The port stays shut", "Koval: I back the levy")
unless the label is a common noun, no one's name, and the text after the colon names a speaker of its own:
a statement attributed inside it, with its speaker, neither "I", "we" nor "you", inside it too.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..model import Mention
from .nlp import doc_text

SPEAKING_SELF = {"i", "we", "you"}  # "Koval: I back the levy": the labelled one speaking


def heads_a_report(label: Span, content: tuple[int, int], mentions: list[Mention]) -> bool:
    """Is ``label`` (the words before a line's colon) a topic, ``content`` (the unquoted rest of the line)
    holding an attribution whose cue and speaker both stand in it?"""
    if label[-1].tag_ not in {"NN", "NNS"} or any(t.ent_type_ == "PERSON" for t in label):
        return False  # "Ana Ruiz: Tomas thinks …": a name
    text = doc_text(label.doc)
    start, end = content
    return any(m.cue_span is not None and m.source.span is not None and start <= m.cue_span[0] < end
               and start <= m.source.span[0] < end
               and text[m.source.span[0]:m.source.span[1]].lower() not in SPEAKING_SELF for m in mentions)
