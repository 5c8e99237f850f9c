"""Score a story's ledger against an editor's reading of it (ledger gold, ``shared/contracts/ledger-gold.md``).

A gold file is one story: its reports (files under the data folder, with outlet and date) and one item per
claim an editor would put in the ledger (content span, source resolved to the fullest name, mention status,
a cross-report ``claim`` id, the item it ``contests``). ``evaluate_ledger`` adds exactly those reports, in
order, to one story of a fresh temporary store, the way ``storyline add`` does, exports the ledger as
``storyline export --format json --with-text`` does, and scores it:

* **found**: a gold item is found when one attributed mention of its report overlaps its content with token
  F1 ≥ 0.5 (tokens are ``\\w+`` runs, compared by position in the report, so the same words elsewhere in
  the report do not count). Mentions in the outlet's own voice (form or source kind ``outlet``) are skipped.
  Items and mentions are matched one to one, best overlap first.
* **content** P/R/F1: found items / attributed mentions, found items / gold items.
* **source** and **status** accuracy, over found items (see ``same_source`` for names).
* **editor** P/R/F1: as content, counting only the items found with the right source and the right status.
* **links** P/R/F1 over pairs of found items in different reports: gold pairs share a non-null ``claim``
  id; predicted pairs have their matched mentions in the same ledger claim.

Offsets. A gold ``span`` counts characters of the report file as Python reads it
(``Path.read_text(encoding="utf-8")``), as ``gold/ledger/draft.py`` and PolNeAR's brat files do. The store
keeps the text as ingest normalises it (``normalize_text``: NFC, no trailing spaces on lines, no outer blank
space), which for about a third of PolNeAR's files is not the file's text. Each item's content is therefore
found again in the stored text (``place``): the same offsets when the texts are equal, else the content,
normalised the same way, at its occurrence nearest to where the offsets point, else the same words with any
whitespace between them; an item that cannot be found is an error, never a silent miss.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from ..errors import StorylineError
from ..ingest.normalize import normalize_text
from ..ingest.report_date import parse_published
from ..model import MENTION_STATUSES

FOUND_F1 = 0.5  # token F1 at which a mention finds a gold item
_TOKEN = re.compile(r"\w+")


class GoldError(StorylineError):
    """A ledger gold file that cannot be scored: names the file and every problem found in it."""


# --------------------------------------------------------------------------------------------- gold files

@dataclass
class GoldReport:
    file: str  # relative to the data folder
    path: Path
    outlet: str
    published: str
    text: str  # the file's text, as the gold's offsets count it


@dataclass
class GoldItem:
    id: str
    report: int
    start: int  # offsets in the report file's text (GoldReport.text)
    end: int
    source: str
    aliases: list[str]
    status: str
    claim: str | None
    contests: str | None
    note: str = ""


@dataclass
class GoldStory:
    path: Path
    story: str
    reports: list[GoldReport]
    items: list[GoldItem]

    def content(self, item: GoldItem) -> str:
        return self.reports[item.report].text[item.start:item.end]


def data_folder(data: str | Path | None = None) -> Path:
    """The data folder: ``data``, else ``STORYLINE_DATA``, else ``../shared/data`` from the current directory."""
    return Path(data if data is not None else os.environ.get("STORYLINE_DATA") or Path("..") / "shared" / "data")


def read_gold(path: str | Path, data: str | Path | None = None) -> GoldStory:
    """Read and check one ledger gold file; raise ``GoldError`` naming the file and each bad report or item
    (a missing file, an unknown or null status, a span out of range, content not in its report, a report
    index out of range, a duplicate id, ``contests`` naming no item …)."""
    path = Path(path)
    folder = data_folder(data)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON ({exc})") from None
    problems: list[str] = []
    if not isinstance(gold, dict) or not isinstance(gold.get("reports"), list) or not isinstance(gold.get("items"), list):
        raise GoldError(f"{path}: not a ledger gold file (an object with lists 'reports' and 'items')")
    story = gold.get("story")
    if story is not None and (not isinstance(story, str) or not story.strip()):
        problems.append("'story' must be a non-empty string")
    reports = [_read_report(n, report, folder, problems) for n, report in enumerate(gold["reports"])]
    if not gold["reports"]:
        problems.append("no reports")
    items = [item for n, raw in enumerate(gold["items"]) if (item := _read_item(n, raw, reports, problems))]
    named = [raw for raw in gold["items"] if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"]]
    ids = Counter(raw["id"] for raw in named)
    problems.extend(f"item {id}: the id is used {count} times" for id, count in ids.items() if count > 1)
    for raw in named:
        contests = raw.get("contests")
        if isinstance(contests, str) and (contests not in ids or contests == raw["id"]):
            problems.append(f"item {raw['id']}: contests {contests!r}, which is no other item of this file")
    if problems:
        listed = "\n".join(f"  {problem}" for problem in problems)
        raise GoldError(f"{path}: {len(problems)} problem{'s' if len(problems) > 1 else ''}:\n{listed}")
    return GoldStory(path, (story or path.stem).strip(), reports, items)  # type: ignore[arg-type]


def _read_report(n: int, report: Any, folder: Path, problems: list[str]) -> GoldReport | None:
    if not isinstance(report, dict):
        problems.append(f"report {n}: not an object")
        return None
    file, outlet, published = report.get("file"), report.get("outlet"), report.get("published")
    bad = len(problems)
    if not isinstance(file, str) or not file:
        problems.append(f"report {n}: 'file' must be a path relative to the data folder")
    if not isinstance(outlet, str) or not outlet.strip():
        problems.append(f"report {n}: 'outlet' must be a non-empty string")
    if not isinstance(published, str) or parse_published(published) is None:
        problems.append(f"report {n}: 'published' {published!r} is not an ISO date")
    if len(problems) > bad:
        return None
    path = folder / file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(f"report {n}: {file} is not in the data folder {folder}")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"report {n}: {path} cannot be read ({exc})")
        return None
    return GoldReport(file, path, outlet.strip(), published, text)


def _read_item(n: int, raw: Any, reports: list[GoldReport | None], problems: list[str]) -> GoldItem | None:
    if not isinstance(raw, dict):
        problems.append(f"item #{n}: not an object")
        return None
    name = f"item {raw['id']}" if isinstance(raw.get("id"), str) and raw["id"] else f"item #{n} (no id)"
    bad = len(problems)
    if not (isinstance(raw.get("id"), str) and raw["id"]):
        problems.append(f"{name}: 'id' must be a non-empty string")
    status = raw.get("status")
    if status is None:
        problems.append(f"{name}: status is null (not decided yet)")
    elif status not in MENTION_STATUSES:
        problems.append(f"{name}: unknown status {status!r} (expected one of {', '.join(MENTION_STATUSES)})")
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.append(f"{name}: 'source' must be a non-empty string")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.append(f"{name}: 'aliases' must be a list of strings")
    for key in ("claim", "contests"):
        if raw.get(key) is not None and (not isinstance(raw[key], str) or not raw[key]):
            problems.append(f"{name}: '{key}' must be a non-empty string or null")
    index = raw.get("report")
    report = None
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(reports):
        problems.append(f"{name}: report {index!r} is out of range (the file has {len(reports)} reports)")
    else:
        report = reports[index]
    span = _item_span(name, raw, report, problems) if report is not None else None
    if len(problems) > bad or span is None:
        return None
    return GoldItem(raw["id"], index, span[0], span[1], source.strip(), [a for a in aliases if a.strip()], status,
                    raw.get("claim"), raw.get("contests"), raw.get("note") or "")


def _item_span(name: str, raw: dict, report: GoldReport, problems: list[str]) -> tuple[int, int] | None:
    """The item's [start, end) in its report's file text, from ``span``, else from ``content``."""
    span, content = raw.get("span"), raw.get("content")
    size = len(report.text)
    if span is not None:
        if (not isinstance(span, list) or len(span) != 2 or not all(isinstance(x, int) and not isinstance(x, bool)
                                                                      for x in span)):
            problems.append(f"{name}: 'span' must be [start, end]")
            return None
        start, end = span
        if not 0 <= start < end <= size:
            problems.append(f"{name}: span [{start}, {end}] is out of range ({report.file} has {size} characters)")
            return None
        if not _TOKEN.search(report.text[start:end]):
            problems.append(f"{name}: span [{start}, {end}] holds no word")
            return None
        if isinstance(content, str) and content and report.text[start:end] != content:
            problems.append(f"{name}: 'content' is not the text at span [{start}, {end}]")
            return None
        return start, end
    if not isinstance(content, str) or not _TOKEN.search(content):
        problems.append(f"{name}: needs a 'span' or a 'content' with words")
        return None
    start = report.text.find(content)
    if start < 0:
        problems.append(f"{name}: 'content' is not a substring of {report.file}")
        return None
    return start, start + len(content)  # the first occurrence


# --------------------------------------------------------------------------------------------- offsets

def place(file_text: str, start: int, end: int, stored: str) -> tuple[int, int] | None:
    """``file_text[start:end]`` in the stored (normalised) text of the same report, or None if it is not
    there: the same offsets when the texts are equal; else the content normalised as ingest normalises a
    text, at its occurrence nearest to where the offsets point; else the same words with any whitespace
    between them, nearest likewise."""
    if file_text == stored:
        return start, end
    needle = normalize_text(file_text[start:end])
    if not needle:
        return None
    expected = len(normalize_text(file_text[:start]))  # within a few characters of the stored offset
    starts = [m.start() for m in re.finditer(re.escape(needle), stored)]
    if starts:
        found = min(starts, key=lambda s: (abs(s - expected), s))
        return found, found + len(needle)
    pattern = r"\s+".join(re.escape(piece) for piece in needle.split())
    matches = list(re.finditer(pattern, stored))
    if not matches:
        return None
    best = min(matches, key=lambda m: (abs(m.start() - expected), m.start()))
    return best.start(), best.end()


# --------------------------------------------------------------------------------------------- matching

def token_spans(text: str) -> list[tuple[int, int]]:
    """The ``\\w+`` tokens of a text, as (start, end) offsets."""
    return [m.span() for m in _TOKEN.finditer(text)]


def tokens_in(tokens: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    """Indices of the tokens that overlap [start, end)."""
    return frozenset(i for i, (s, e) in enumerate(tokens) if s < end and e > start)


def token_f1(a: Iterable, b: Iterable) -> float:
    """F1 of two token collections: sets of token positions (as ``tokens_in`` gives), or word lists, which
    are compared as multisets."""
    ca, cb = Counter(a), Counter(b)
    total = sum(ca.values()) + sum(cb.values())
    return 2 * sum((ca & cb).values()) / total if total else 0.0


def match(gold: list[frozenset], predicted: list[frozenset], threshold: float = FOUND_F1) -> dict[int, tuple[int, float]]:
    """One-to-one matching, best overlap first: gold index → (predicted index, F1), for pairs with F1 ≥
    ``threshold``. Ties go to the earlier gold, then the earlier prediction."""
    pairs = sorted(((token_f1(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
                    if g & p), key=lambda x: (-x[0], x[1], x[2]))
    matched: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for f1, gi, pi in pairs:
        if f1 < threshold:
            break
        if gi not in matched and pi not in used:
            matched[gi] = (pi, f1)
            used.add(pi)
    return matched


# --------------------------------------------------------------------------------------------- names

# Honorifics and offices dropped from the front of a name (longest first, repeatedly): "Sen. Ana Ruiz",
# "Secretary of State Ana Ruiz", "former Vice President Ana Ruiz" all read "ana ruiz". Words that also
# begin organisations' names ("General", "Justice", "Chief", "Officer") are left out.
TITLES = tuple(sorted((tuple(t.split()) for t in (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    "fr", "father", "sister", "brother", "rabbi", "imam", "sheikh", "hon", "honourable", "honorable",
    "sen", "senator", "rep", "representative", "congressman", "congresswoman", "gov", "governor", "lt gov",
    "lieutenant governor", "president", "vice president", "president elect", "vp",
    "secretary", "secretary of state", "secretary of defense", "secretary of the treasury", "treasury secretary",
    "defense secretary", "press secretary", "attorney general", "ag", "speaker", "house speaker", "mayor",
    "judge", "chief justice", "chancellor", "minister", "prime minister", "pm", "foreign minister",
    "ambassador", "amb", "gen", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt",
    "captain", "sgt", "sergeant", "adm", "admiral", "cmdr", "commander", "detective", "director", "chairman",
    "chairwoman", "ceo", "king", "queen", "prince", "princess", "former",
    "the",
)), key=len, reverse=True))
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
# Words that make a name an organisation or a group, never one person.
_ORG_WORDS = frozenset("""
    agency administration association authority board bureau campaign center centre church city club coalition
    commission committee company congress corp corporation council county court department embassy foundation
    fund government group house inc institute league ltd ministry network news office officials organization
    organisation party people police post press service spokesman spokeswoman spokesperson staff state team
    times union university
""".split())
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin",
                        "al", "ibn", "st", "y", "dos", "das"})


def name_tokens(name: str) -> list[tuple[str, bool]]:
    """(normalised token, was capitalised) for each word of a name: NFKC, casefolded, apostrophes unified,
    possessives dropped ("Ruiz's" → "ruiz", "the Aldanes'" → "aldanes"), punctuation a separator ("Jean-Luc"
    → "jean", "luc"; "Sen." → "sen")."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"(?<=\w)'s\b|(?<=s)'(?!\w)", "", text, flags=re.IGNORECASE)
    return [(w.casefold(), w[:1].isupper()) for w in re.findall(r"[^\W_]+", text)]


def _strip(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Drop leading "the", "a", "an" and titles (repeatedly), and trailing suffixes (Jr., III …). A
    capitalised "A" is kept: it may be an initial ("A. Ruiz")."""
    changed = True
    while changed and tokens:
        changed = False
        if tokens[0] in (("a", False), ("an", False)) and len(tokens) > 1:
            tokens, changed = tokens[1:], True
            continue
        words = tuple(t for t, _ in tokens)
        for title in TITLES:
            if words[:len(title)] == title and len(tokens) > len(title):
                tokens, changed = tokens[len(title):], True
                break
    while len(tokens) > 1 and tokens[-1][0] in SUFFIXES:
        tokens = tokens[:-1]
    return tokens


def normalise_name(name: str) -> str:
    """A name as compared: casefolded words without punctuation, possessives, a leading article, titles and
    offices ("Sen. Ana Ruiz's" → "ana ruiz"; "The Harbour Ledger" → "harbour ledger"). A name that is
    nothing but a title keeps it ("the President" → "president")."""
    return " ".join(t for t, _ in _strip(name_tokens(name)))


def person_like(name: str) -> bool:
    """Whether a gold source reads as one person's full name: two to five words after titles, each
    capitalised (or a particle like "van", "de"), no digits, no word of an organisation or group, not a
    list of people ("Ana Ruiz and Tomas Aldane")."""
    if re.search(r"\d|,|&|\band\b", name):
        return False
    tokens = _strip(name_tokens(name))
    return (2 <= len(tokens) <= 5 and all(cap or t in _PARTICLES for t, cap in tokens)
            and not any(t in _ORG_WORDS for t, _ in tokens))


def same_source(predicted: str, gold: str, aliases: Iterable[str] = ()) -> bool:
    """Whether a mention's resolved source name is the gold's: equal to the gold name or an alias once both
    are normalised (``normalise_name``), or, for a person's full name (``person_like``), carrying its
    surname as a word ("Ruiz", "Ms. Ruiz", "Ruiz's" for "Ana Ruiz"), unless the word just before the surname
    is another capitalised given name or initial ("Marta Ruiz", "M. Ruiz" are not "Ana Ruiz"; "Ana Maria
    Ruiz" is, because it carries "Ana") or the name is an organisation's or a group's ("the Ruiz campaign",
    "Ruiz spokesman Tomas Aldane")."""
    name = normalise_name(predicted)
    if not name:
        return False
    if any(name == normalise_name(g) for g in (gold, *aliases) if g):
        return True
    if not person_like(gold):
        return False
    gold_tokens = [t for t, _ in _strip(name_tokens(gold))]
    surname, given = gold_tokens[-1], gold_tokens[0]
    tokens = _strip(name_tokens(predicted))
    words = [t for t, _ in tokens]
    if surname not in words or any(t in _ORG_WORDS for t in words):  # "the Ruiz campaign" is not Ana Ruiz
        return False
    at = words.index(surname)
    if at == 0 or given in words:
        return True
    before, capitalised = tokens[at - 1]
    if len(before) == 1:  # an initial
        return before == given[0]
    return not capitalised or before in gold_tokens


# --------------------------------------------------------------------------------------------- scoring

@dataclass
class PredictedMention:
    report: str
    start: int
    end: int
    text: str
    source: str
    kind: str
    form: str
    status: str
    claims: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return f"{self.report}:{self.start}-{self.end}"


def attributed_mentions(ledger: dict) -> dict[str, list[PredictedMention]]:
    """Report id → the ledger's mentions put in a source's mouth (the outlet's own voice left out), each
    once, with the ids of the claims it belongs to, in report order."""
    found: dict[tuple, PredictedMention] = {}
    for claim in ledger["claims"]:
        for m in claim["mentions"]:
            if m["form"] == "outlet" or m["source"]["kind"] == "outlet":
                continue
            key = (m["report"], m["start"], m["end"], m["source"]["name"], m["status"])
            mention = found.setdefault(key, PredictedMention(
                m["report"], m["start"], m["end"], m["text"], m["source"]["name"], m["source"]["kind"], m["form"],
                m["status"]))
            mention.claims.add(claim["id"])
    by_report: dict[str, list[PredictedMention]] = {}
    for mention in sorted(found.values(), key=lambda m: (m.report, m.start, m.end)):
        by_report.setdefault(mention.report, []).append(mention)
    return by_report


COUNTS = ("items", "mentions", "found", "right_source", "right_status", "right_both", "gold_links",
          "predicted_links", "right_links")


def score_story(gold: GoldStory, ledger: dict, report_ids: list[str]) -> tuple[Counter, list[dict]]:
    """Counts for one story (``COUNTS``) and one record per gold item, then per unmatched mention, saying
    what was predicted. ``ledger`` is the exported ledger with its reports' text; ``report_ids[i]`` is the
    id of gold report ``i`` in it."""
    texts = {r["id"]: r.get("text") for r in ledger["reports"]}
    mentions = attributed_mentions(ledger)
    counts: Counter = Counter()
    records: list[dict] = []
    matched: dict[str, PredictedMention] = {}  # gold item id → its mention
    for index, report_id in enumerate(report_ids):
        text = texts.get(report_id)
        if text is None:
            raise StorylineError(f"{gold.path}: report {index} ({gold.reports[index].file}) is not in the ledger "
                                 "with its text")
        items = [item for item in gold.items if item.report == index]
        predicted = mentions.get(report_id, [])
        tokens = token_spans(text)
        gold_tokens = []
        for item in items:
            span = place(gold.reports[index].text, item.start, item.end, text)
            if span is None:
                raise StorylineError(f"{gold.path}: item {item.id}: its content is not in the stored text of "
                                     f"report {index} ({gold.reports[index].file})")
            gold_tokens.append(tokens_in(tokens, *span))
        pairs = match(gold_tokens, [tokens_in(tokens, m.start, m.end) for m in predicted])
        counts["items"] += len(items)
        counts["mentions"] += len(predicted)
        for gi, item in enumerate(items):
            record = {"story": gold.story, "item": item.id, "report": index, "file": gold.reports[index].file,
                      "gold": {"content": gold.content(item), "source": item.source, "status": item.status,
                               "claim": item.claim, "contests": item.contests}}
            if gi not in pairs:
                records.append({**record, "found": False, "f1": round(_best_f1(gold_tokens[gi], predicted, tokens), 4),
                                "mention": None})
                continue
            pi, f1 = pairs[gi]
            mention = predicted[pi]
            matched[item.id] = mention
            source_ok = same_source(mention.source, item.source, item.aliases)
            status_ok = mention.status == item.status
            counts["found"] += 1
            counts["right_source"] += source_ok
            counts["right_status"] += status_ok
            counts["right_both"] += source_ok and status_ok
            records.append({**record, "found": True, "f1": round(f1, 4), "source_ok": source_ok,
                            "status_ok": status_ok, "mention": _mention_record(mention)})
        used = {pi for pi, _ in pairs.values()}
        records.extend({"story": gold.story, "item": None, "report": index, "file": gold.reports[index].file,
                        "found": False, "unmatched_mention": True, "mention": _mention_record(m)}
                       for pi, m in enumerate(predicted) if pi not in used)
    found_items = [item for item in gold.items if item.id in matched]
    for a, b in combinations(found_items, 2):
        if a.report == b.report:
            continue
        in_gold = a.claim is not None and a.claim == b.claim
        in_ledger = bool(matched[a.id].claims & matched[b.id].claims)
        counts["gold_links"] += in_gold
        counts["predicted_links"] += in_ledger
        counts["right_links"] += in_gold and in_ledger
    return counts, records


def _best_f1(gold: frozenset, predicted: list[PredictedMention], tokens) -> float:
    return max((token_f1(gold, tokens_in(tokens, m.start, m.end)) for m in predicted), default=0.0)


def _mention_record(m: PredictedMention) -> dict:
    return {"id": m.id, "claims": sorted(m.claims), "text": m.text, "source": m.source, "kind": m.kind,
            "form": m.form, "status": m.status}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def figures(counts: Counter) -> dict[str, Any]:
    """The scores of summed counts."""
    found = counts["found"]
    return {
        "items": counts["items"],
        "mentions": counts["mentions"],
        "found": found,
        "content": _prf(found, counts["mentions"], counts["items"]),
        "source_accuracy": round(counts["right_source"] / found, 4) if found else 0.0,
        "status_accuracy": round(counts["right_status"] / found, 4) if found else 0.0,
        "editor": _prf(counts["right_both"], counts["mentions"], counts["items"]),
        "links": {**_prf(counts["right_links"], counts["predicted_links"], counts["gold_links"]),
                  "gold_pairs": counts["gold_links"], "predicted_pairs": counts["predicted_links"]},
    }


# --------------------------------------------------------------------------------------------- the run

def story_export(gold: GoldStory, store_url: str, on_report: Callable[[GoldReport], None] | None = None
                 ) -> tuple[dict, list[str]]:
    """Add the gold's reports, in order, to one story of the store at ``store_url`` (which should be new)
    as ``storyline add FILE --story S --outlet O --published D`` does, and export its ledger as
    ``storyline export --format json --with-text`` does. Returns the ledger and each gold report's id."""
    from ..adding import add_document
    from ..ingest import read_source
    from ..ledger.from_store import story_ledger
    from ..store import open_store

    with open_store(store_url) as store:
        ids = []
        for n, report in enumerate(gold.reports):
            doc = read_source(str(report.path), outlet=report.outlet, published=report.published)
            added = add_document(store, gold.story, doc)
            if added.error:
                raise StorylineError(f"{gold.path}: report {n} ({report.file}): extraction failed: {added.error}")
            if added.report_id in ids:
                raise StorylineError(f"{gold.path}: report {n} ({report.file}) has the same text as report "
                                     f"{ids.index(added.report_id)}")
            ids.append(added.report_id)
            if on_report:
                on_report(report)
        return story_ledger(store, gold.story, with_text=True), ids


def evaluate_ledger(golds: Iterable[str | Path | GoldStory], data: str | Path | None = None, *,
                    on_report: Callable[[GoldReport], None] | None = None,
                    details: Callable[[dict], None] | None = None) -> dict[str, Any]:
    """Score storyline's ledger against ledger gold files (paths, read with ``read_gold`` before anything is
    extracted, or ``GoldStory``). Each story gets a fresh temporary store. Returns the figures summed over
    every story, with a breakdown under ``per_story``; ``details`` receives each record of ``score_story``."""
    stories = [g if isinstance(g, GoldStory) else read_gold(g, data) for g in golds]
    total: Counter = Counter()
    per_story = []
    for gold in stories:
        with tempfile.TemporaryDirectory(prefix="storyline-eval-ledger-") as folder:
            ledger, ids = story_export(gold, str(Path(folder) / "ledger.db"), on_report)
        counts, records = score_story(gold, ledger, ids)
        total.update(counts)
        per_story.append({"story": gold.story, "gold": str(gold.path), "reports": len(gold.reports),
                          **figures(counts)})
        if details:
            for record in records:
                details(record)
    return {"task": "ledger", "stories": len(stories), **figures(total), "per_story": per_story}
