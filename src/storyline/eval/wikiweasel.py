"""WikiWeasel gold: a folder of ``*_certain_sentences.txt`` and ``*_uncertain_sentences.txt``, one PTB-tokenized
sentence a line (``-LRB-`` and friends are turned back into brackets), read without extraction; and the fixed
fifth of its sentences held out from training (``fold_of``). Used by the hedging scorer (``eval.hedging``) and by
training (``learn.hedging``).
"""

from __future__ import annotations

import zlib
from pathlib import Path

PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def untokenize(line: str) -> str:
    """A PTB line with its bracket tokens turned back into brackets."""
    return " ".join(PTB_BRACKETS.get(word, word) for word in line.split())


def read_sentences(path: str | Path, limit: int | None = None) -> list[tuple[str, bool]]:
    """(sentence, uncertain) pairs: every certain file, then every uncertain one, in name order.
    ``limit`` caps the sentences read from each class."""
    root = Path(path)
    pairs: list[tuple[str, bool]] = []
    for label, pattern in ((False, "*_certain_sentences.txt"), (True, "*_uncertain_sentences.txt")):
        taken = 0
        for file in sorted(root.glob(pattern)):
            for line in file.read_text(encoding="utf-8").splitlines():
                if limit is not None and taken >= limit:
                    break
                if line.strip():
                    pairs.append((untokenize(line), label))
                    taken += 1
    return pairs


def fold_of(sentence: str) -> str:
    """'dev' for the fixed fifth of sentences held out from training (by a hash of the text), else 'train'."""
    return "dev" if zlib.crc32(sentence.encode("utf-8")) % 5 == 0 else "train"
