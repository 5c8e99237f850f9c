"""A topic label opening a line: "Superdelegates: Rivera is backed by 52 of them, according to the Courier."
and "Housing: Ivo Tran said short leases push families out." name what the paragraph is about, not who says
it. A line "Name: text" is a speaker's line ("Marta Koval: The port stays shut") unless the text after the
colon names a speaker of its own: a statement attributed inside it, with its speaker inside it too.
"""

from __future__ import annotations

from ..model import Mention


def heads_a_report(content: tuple[int, int], mentions: list[Mention]) -> bool:
    """Does the unquoted rest of a "Label: …" line hold an attribution whose cue and speaker both stand in
    it (so the label is a topic, not the speaker)?"""
    start, end = content
    return any(m.cue_span is not None and m.source.span is not None and start <= m.cue_span[0] < end
               and start <= m.source.span[0] < end for m in mentions)
