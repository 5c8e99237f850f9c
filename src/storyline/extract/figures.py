"""Figures quoted in a report: numbers with their ranges, qualifiers and units, read from the parse.

Choices:
- "up to N", "at least N", "more than N", "about N": low = high = N, the words kept in ``qualifier``;
  ``figure_values.value_range`` says which values such a figure allows ("more than 915" allows 916;
  "about 40", 36 … 44).
- "between A and B", "from A to B", "A to B", "A-B", "A or B": low = A, high = B; the other way round when B < A
  ("fell from 10 to 5 percent" spans 5 to 10): low is never above high.
- Vague multiples ("dozens of", "hundreds of", "tens of thousands of") span 2x to 10x the base
  (hundreds → 200–1,000) with the phrase as ``qualifier``.
- Money: unit "USD"/"EUR"/"GBP"; percentages: unit "percent"; otherwise the counted noun as written.
- Dates, times, years, ordinals and ages ("a 25-year-old") are not figures (the model tags them DATE/TIME/
  ORDINAL, and an ISO date "2031-05-06" is skipped when it does not); numbers inside names ("Flight 370") are
  skipped; number words need a counted noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .nlp import doc_text
from ..model import Figure

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "dozen": 12, "bn": 1e9, "m": 1e6}
VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
                  "pound": "GBP", "pounds": "GBP", "yen": "JPY"}
PERCENT_WORDS = {"%", "percent", "pct"}
# adjectives and participles that name what is counted: "at least 40 dead"
COUNTED_WORDS = {"dead", "killed", "injured", "wounded", "missing", "hurt", "displaced", "arrested"}
ALLOWED_ENTS = {"", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
QUALIFIER = re.compile(
    r"(?:anywhere from|anywhere between|somewhere between|between|from|at least|at most|more than|"
    r"less than|fewer than|no fewer than|no more than|as many as|as few as|upwards of|up to|"
    r"just over|just under|well over|over|under|nearly|almost|about|around|approximately|roughly|"
    r"some|close to|an estimated|estimated|an? additional|another)\s+$",
    re.IGNORECASE,
)
RANGE_WORDS = {"to", "and", "-", "–", "—", "or"}
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?![\d-])")
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def find_figures(doc: Doc) -> list[Figure]:
    """Every quoted number in the report with its range, qualifier and unit."""
    text = doc_text(doc)
    figures: list[Figure] = []
    i = 0
    while i < len(doc):
        figure, i = _read_figure(doc, text, i)
        if figure is not None:
            figures.append(figure)
    return figures


def _read_figure(doc: Doc, text: str, i: int) -> tuple[Figure | None, int]:
    """Try to read a figure starting at token i; return it and the index to continue from."""
    vague = _read_vague(doc, text, i)
    if vague is not None:
        return vague
    group = _number_group(doc, i)
    if group is None:
        return None, i + 1
    first, last, low = group
    iso_date = _ISO_DATE.match(text, doc[first].idx)
    if iso_date is not None and (first == 0 or not text[doc[first].idx - 1].isalnum()):
        k = first  # "2031-05-06" is a date, not the range 2031 to 5 (and 6): skip it whole
        while k < len(doc) and doc[k].idx < iso_date.end():
            k += 1
        return None, k
    high = low
    end_tok = last
    second = _range_tail(doc, last)
    if second is not None:
        end_tok, high_value, scaled = second
        if scaled and low < high_value and _scale_of(doc, last) is None:
            low *= _scale_of(doc, end_tok) or 1
        high = high_value
    low, high = min(low, high), max(low, high)
    start_tok = first
    unit = None
    if first > 0 and doc[first - 1].text in CURRENCY_SIGNS:
        start_tok = first - 1
        unit = CURRENCY_SIGNS[doc[first - 1].text]
    unit_span = _unit_after(doc, end_tok)
    if unit_span is not None:
        words = doc[unit_span[0]:unit_span[1]].text
        unit = unit or CURRENCY_WORDS.get(words.lower()) or (
            "percent" if words.lower() in PERCENT_WORDS else words)
        end_tok = unit_span[1] - 1
    elif doc[first].lower_ in SMALL and second is None:
        return None, end_tok + 1  # "one of them": a number word needs a counted noun
    start = doc[start_tok].idx
    qualifier = None
    match = QUALIFIER.search(text, max(0, start - 25), start)
    if match and (second is not None or match.group(0).strip().lower() not in {"from", "between"}):
        qualifier = match.group(0).strip().lower()
        start = match.start()
    end = doc[end_tok].idx + len(doc[end_tok])
    figure = Figure(text=text[start:end], low=low, high=high, unit=unit, start=start, end=end,
                    qualifier=qualifier)
    return figure, end_tok + 1


def _is_number(tok: Token) -> bool:
    if tok.ent_type_ not in ALLOWED_ENTS:
        return False
    lower = tok.lower_
    return bool(_DIGITS.match(tok.text)) or lower in SMALL or lower in SCALES and lower != "m"


def _number_group(doc: Doc, i: int, in_range: bool = False) -> tuple[int, int, float] | None:
    """A run of number tokens ("2.5 billion", "a dozen", "25,000") starting at i: (first, last, value)."""
    tok = doc[i]
    first = i
    if tok.lower_ in {"a", "an"} and i + 1 < len(doc) and doc[i + 1].lower_ in SCALES:
        i += 1
    elif not _is_number(tok) or tok.lower_ in SCALES and tok.lower_ != "dozen":
        return None
    if not in_range and _inside_name(doc, first):
        return None
    j = i
    while j + 1 < len(doc) and _is_number(doc[j + 1]) and not _DIGITS.match(doc[j + 1].text):
        j += 1
    if j + 1 < len(doc) and doc[j + 1].lower_ in {"m", "bn"} and not doc[j + 1].whitespace_ == "":
        j += 1
    return first, j, _value(doc[first:j + 1])


def _inside_name(doc: Doc, i: int) -> bool:
    """Numbers that belong to a name or code: "Flight 370", "F-16"."""
    tok = doc[i]
    if i > 0 and doc[i - 1].text in {"-", "#", "No."} and doc[i - 1].whitespace_ == "":
        return True
    prev = doc[i - 1] if i > 0 else None
    return (prev is not None and prev.is_title and prev.pos_ in {"PROPN", "NOUN"}
            and (tok.head.i == i - 1 or prev.head.i == i))


def _value(tokens) -> float:
    total, current = 0.0, 0.0
    for tok in tokens:
        lower = tok.lower_
        if lower in {"a", "an"}:
            current = 1.0
        elif lower in SCALES:
            scale = SCALES[lower]
            if scale >= 1000:
                total += (current or 1.0) * scale
                current = 0.0
            else:
                current = (current or 1.0) * scale
        elif lower in SMALL:
            current += SMALL[lower]
        else:
            current += float(tok.text.replace(",", ""))
    return total + current


def _scale_of(doc: Doc, last: int) -> float | None:
    lower = doc[last].lower_
    return SCALES[lower] if lower in SCALES and SCALES[lower] >= 1000 else None


def _range_tail(doc: Doc, last: int) -> tuple[int, float, bool] | None:
    """The upper bound of "A to B", "A and B", "A-B": (last token, value, has a scale word)."""
    k = last + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in RANGE_WORDS:
        return None
    if doc[k].lower_ == "and" and not _preceded_by(doc, last, "between"):
        return None
    if doc[k].lower_ == "to" and _preceded_by(doc, last, "up"):
        return None
    k += 1
    if doc[k].text in CURRENCY_SIGNS:
        k += 1
    group = _number_group(doc, k, in_range=True) if k < len(doc) else None
    if group is None:
        return None
    _, second_last, value = group
    return second_last, value, _scale_of(doc, second_last) is not None


def _preceded_by(doc: Doc, last: int, word: str) -> bool:
    """Whether `word` appears among the few tokens before the number group ending at last."""
    return any(doc[k].lower_ == word for k in range(max(0, last - 5), last))


def _unit_after(doc: Doc, last: int) -> tuple[int, int] | None:
    """The counted noun after a number: its compound words and head, as a token range."""
    k = last + 1
    if k >= len(doc):
        return None
    tok = doc[k]
    if tok.lower_ in PERCENT_WORDS or tok.lower_ in CURRENCY_WORDS:
        return k, k + 1
    if tok.lower_ == "per" and k + 1 < len(doc) and doc[k + 1].lower_ == "cent":
        return k, k + 2
    if tok.lower_ in COUNTED_WORDS:
        return k, k + 1
    head = doc[last].head
    if head.i > last and head.pos_ in {"NOUN", "PROPN"} and head.i - last <= 4 and not any(
        t.is_punct for t in doc[last + 1:head.i]
    ):
        return k, head.i + 1
    if tok.pos_ == "NOUN":
        end = k
        while end + 1 < len(doc) and doc[end + 1].pos_ == "NOUN" and doc[end].dep_ == "compound":
            end += 1
        return k, end + 1
    return None


def _read_vague(doc: Doc, text: str, i: int) -> tuple[Figure, int] | None:
    """ "hundreds of homes", "tens of thousands of people": a 2x–10x span of the base."""
    tok = doc[i]
    if tok.lower_ not in VAGUE or i + 1 >= len(doc) or doc[i + 1].lower_ != "of":
        return None
    base = VAGUE[tok.lower_]
    k = i + 2
    if k + 1 < len(doc) and doc[k].lower_ in VAGUE and doc[k + 1].lower_ == "of":
        base *= VAGUE[doc[k].lower_]
        k += 2
    qualifier = doc[i:k].text.lower()
    unit_span = _unit_after(doc, k - 1) if k < len(doc) else None
    end_tok = unit_span[1] - 1 if unit_span else k - 2
    unit = doc[unit_span[0]:unit_span[1]].text if unit_span else None
    start, end = tok.idx, doc[end_tok].idx + len(doc[end_tok])
    figure = Figure(text=text[start:end], low=2 * base, high=10 * base, unit=unit,
                    start=start, end=end, qualifier=qualifier)
    return figure, end_tok + 1
