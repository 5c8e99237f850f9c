"""Gold event mentions and their coreference clusters from ECB+ XML (token level), topic by topic.

An ECB+ document lists its tokens (``<token t_id sentence number>``), then ``<Markables>``: a mention is a
markable with ``<token_anchor t_id>`` children; markables without anchors are the cross-document instances
(``instance_id``, ``TAG_DESCRIPTOR``). ``<Relations>`` holds ``CROSS_DOC_COREF`` relations, whose ``note`` is
the instance id of the chain (the same id in every document of the topic), and ``INTRA_DOC_COREF`` chains
that take part in no cross-document chain.

Event mentions are the ``ACTION_*`` and ``NEG_ACTION_*`` markables. Gold clusters, following the "gold
mentions" setting of Cybulska & Vossen (2015) and Barhom et al. (2019): one cluster per cross-document
instance id, one per within-document chain (``INTRA_DOC_COREF``, few), and every other mention a singleton.
Where the folder holds ``ECBplus_coreference_sentences.csv`` (the release's list of the sentences that were
annotated for coreference), only mentions in those sentences count, as in that setting; without it (a
fixture) every mention counts. With the list, topics 1–35 give 3,808 train and 1,245 dev mentions, the
counts Barhom et al. report.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

NAME = re.compile(r"^(?P<topic>\d+)_(?P<n>\d+)(?P<kind>ecb|ecbplus)\.xml$")
# Standard ECB+ split (Cybulska & Vossen 2015); topics 36-45 are the test split, absent here.
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})

SELECTED = "ECBplus_coreference_sentences.csv"
EVENT_TAG = re.compile(r"^(NEG_)?ACTION_")


# ECB+ tokens written back as text: no space before punctuation and split-off clitics, none after an
# opening bracket, LaTeX-style quotes as plain ones
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'", "’", "''", "'s", "'S", "’s",
                             "n't", "'re", "'ve", "'m", "'ll", "'d"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``"})
QUOTES = {"``": '"', "''": '"'}


def is_address(words: list[str]) -> bool:
    """A sentence that is only a web address (ECB+ opens many ``ecbplus`` documents with the page's URL)."""
    return bool(words) and (words[0].lower() in ("http", "https") or words[0].lower().startswith("www"))


def document_text(sentences: list[list[str]], address: str = "drop", separator: str = "\n"
                  ) -> tuple[str, list[list[tuple[int, int]]]]:
    """An ECB+ document as text, one line (``separator``) per sentence, and each token's (start, end) in it.
    A first sentence that is a web address is left out (``address="drop"``: it would give a story's answer
    away; its tokens get no offsets) or written as one word (``"keep"``: page chrome a reader skips)."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    at = 0
    for s, words in enumerate(sentences):
        web = is_address(words)
        if not words or web and address == "drop" and not parts:
            offsets.append([])
            continue
        if parts:
            parts.append(separator)
            at += len(separator)
        spans, glue = [], True
        for word in words:
            word = QUOTES.get(word, word)
            if not glue and not web and word not in NO_SPACE_BEFORE:
                parts.append(" ")
                at += 1
            spans.append((at, at + len(word)))
            parts.append(word)
            at += len(word)
            glue = word in NO_SPACE_AFTER
        offsets.append(spans)
    return "".join(parts), offsets


@dataclass
class EventMention:
    """One gold event mention: its document, sentence and tokens (positions in the sentence) and gold cluster."""

    doc: str
    sentence: int
    tokens: tuple[int, ...]
    gold: str
    words: list[str] = field(repr=False)  # the words of its sentence

    @property
    def text(self) -> str:
        return " ".join(self.words[i] for i in self.tokens)


@dataclass
class Topic:
    """The event mentions of one ECB+ topic, and the words of its documents (sentence by sentence)."""

    number: int
    mentions: list[EventMention]
    documents: dict[str, list[list[str]]]


def split_of(topic: int) -> str:
    return "dev" if topic in DEV_TOPICS else "train"


def read_selected(root: Path) -> dict[str, set[int]] | None:
    """Document name (``1_10ecbplus``) → the sentences annotated for coreference, or None without the list."""
    for folder in (root, root.parent):
        path = folder / SELECTED
        if path.is_file():
            break
    else:
        return None
    selected: dict[str, set[int]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                selected.setdefault(f"{row['Topic']}_{row['File']}", set()).add(int(row["Sentence Number"]))
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError(str(path), f"not the ECB+ list of selected sentences ({exc})") from None
    return selected


def read_mentions(path: Path, keep: set[int] | None = None, tag: re.Pattern = EVENT_TAG
                  ) -> tuple[list[EventMention], list[list[str]]]:
    """The mentions of one document whose markable tag matches ``tag`` (events unless told: the entity
    scorer reads ``HUMAN_PART_*``, ``LOC_*``, ``NON_HUMAN_PART_*`` the same way), in the sentences of ``keep``,
    if given, and its sentences' words."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not ECB+ XML ({exc})") from None
    doc = path.stem
    where: dict[str, tuple[int, int]] = {}
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        try:
            sentence = int(token.get("sentence", ""))
        except ValueError:
            raise InputError(str(path), f"token {token.get('t_id')} has no sentence number") from None
        words = sentences.setdefault(sentence, [])
        where[token.get("t_id", "")] = (sentence, len(words))
        words.append(token.text or "")
    chains: dict[str, str] = {}
    for relation in root.iterfind("Relations/*"):
        if relation.tag == "CROSS_DOC_COREF":
            chain = f"x:{relation.get('note')}"
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"i:{doc}:{relation.get('r_id')}"
        else:
            continue
        for source in relation.iterfind("source"):
            chains[source.get("m_id", "")] = chain
    mentions = []
    for markable in root.iterfind("Markables/*"):
        anchors = [a.get("t_id", "") for a in markable.iterfind("token_anchor")]
        if not anchors or not tag.match(markable.tag):
            continue
        missing = [a for a in anchors if a not in where]
        if missing:
            raise InputError(str(path), f"mention {markable.get('m_id')} points to no token {missing[0]}")
        sentence = where[anchors[0]][0]
        if keep is not None and sentence not in keep:
            continue
        m_id = markable.get("m_id", "")
        tokens = tuple(sorted(where[a][1] for a in anchors if where[a][0] == sentence))
        mentions.append(EventMention(doc, sentence, tokens, chains.get(m_id, f"s:{doc}:{m_id}"),
                                     sentences[sentence]))
    ordered = [sentences.get(i, []) for i in range(max(sentences, default=-1) + 1)]
    return mentions, ordered


def read_topics(path: str | Path, topics: str = "all", tag: re.Pattern = EVENT_TAG) -> tuple[list[Topic], bool]:
    """The topics under ``path`` (topic folders, or one topic folder) of the ``topics`` split ("all", "dev" or
    "train"), in number order, with the mentions whose tag matches ``tag``, and whether mentions were kept to
    the selected sentences."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(str(root), "not a folder of ECB+ topic folders")
    if topics not in ("all", "dev", "train"):
        raise InputError(str(root), f"unknown topic split {topics!r}: choose all, dev or train")
    selected = read_selected(root)
    by_topic: dict[int, list[Path]] = {}
    for file in [*root.glob("*.xml"), *root.glob("*/*.xml")]:
        match = NAME.match(file.name)
        if match and (topics == "all" or split_of(int(match["topic"])) == topics):
            by_topic.setdefault(int(match["topic"]), []).append(file)
    if not by_topic:
        raise InputError(str(root), f"no ECB+ documents (<topic>_<n>ecb.xml or ecbplus.xml) of the {topics} topics")
    found = []
    for number in sorted(by_topic):
        topic = Topic(number, [], {})
        for file in sorted(by_topic[number], key=lambda f: (len(f.stem), f.stem)):
            keep = None if selected is None else selected.get(file.stem, set())
            mentions, sentences = read_mentions(file, keep, tag)
            topic.mentions.extend(mentions)
            topic.documents[file.stem] = sentences
        found.append(topic)
    return found, selected is not None
