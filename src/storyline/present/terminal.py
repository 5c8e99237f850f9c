"""What may reach a terminal: report text and outlet names are untrusted, so control characters and escape
sequences (clear the screen, set the window title, ring the bell, move the cursor) are taken out of
everything printed, in a terminal or a pipe alike, and out of the Markdown, HTML and Atom exports (which end up
in terminals, chat channels and feed readers; the JSON export keeps the text exact, its offsets point into it)."""

from __future__ import annotations

import re
from typing import Any

# ESC (or its 8-bit C1 form) and what follows it: CSI "ESC [ … final byte"; OSC, DCS, SOS, PM and APC strings
# up to their terminator (BEL or ST); any other ESC sequence (an unterminated string loses its ESC only)
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 controls but tab and newline, DEL and the C1 controls
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str, *, keep_lines: bool = True) -> str:
    """``text`` without escape sequences and control characters; tabs and newlines stay when ``keep_lines``
    (else they become spaces, as every other control character that separates words: a carriage return,
    a vertical tab, a form feed)."""
    if text.isprintable():  # the usual case: nothing to do
        return text
    text = _ESCAPES.sub("", text)
    text = re.sub(r"[\r\v\f\x1c-\x1f\x85]" if keep_lines else r"[\t\n\r\v\f\x1c-\x1f\x85]", " ", text)
    return _CONTROLS.sub("", text)


def printable_tree(value: Any) -> Any:
    """``value`` (a ledger, or any part of one: dicts, lists, strings, numbers) with :func:`printable` applied to
    every string in it, keys included; a copy where anything changes, ``value`` itself is left alone."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_tree(k): printable_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(printable_tree(v) for v in value)
    return value
