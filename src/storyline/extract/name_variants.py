"""Two ways one report writes a person's name differently: a surname misspelt once ("Kovalski" beside
"Ida Kowalski") and a nickname made of a word and the given name ("Crooked Ida" beside "Ida Kowalski").

Plain string tests; ``entities._merge_variants`` folds such a form into the person it names."""

from __future__ import annotations

# a misspelling is judged only on names this long: short surnames one letter apart are often two people's
MIN_MISSPELT = 7
# a letter moved within a name ("Kowalksi"), judged only on names this long
MIN_SHUFFLED = 10


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one letter changed, added or dropped, or two neighbours swapped
    ("Kowalski" / "Kowalsky", "Kowalski" / "Kowlaski"), case aside."""
    a, b = a.lower(), b.lower()
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:]


def letter_moved(a: str, b: str) -> bool:
    """Whether two long words (``MIN_SHUFFLED`` letters) have the same letters, the same first two, and differ
    in at most three places: a letter moved a place or two ("Stavropoulous" / "Stavropolous")."""
    a, b = a.lower(), b.lower()
    if a == b or len(a) != len(b) or len(a) < MIN_SHUFFLED or a[:2] != b[:2] or sorted(a) != sorted(b):
        return False
    return sum(x != y for x, y in zip(a, b)) <= 3


def misspelt_surname(word: str, surnames: list[str]) -> str | None:
    """The one surname of the report that a lone capitalised word misspells: both at least ``MIN_MISSPELT``
    letters, one edit apart or, for long names, one letter moved (``letter_moved``), and no other surname
    as near; not a surname of the report itself, nor the plural of one or one's singular (a family, "the
    Kowalskis"); None otherwise."""
    if len(word) < MIN_MISSPELT or not word[:1].isupper() or word.isupper():
        return None
    lower = word.lower()
    if lower in {s.lower() for s in surnames}:
        return None
    near = {s for s in surnames if len(s) >= MIN_MISSPELT and (one_edit_apart(word, s) or letter_moved(word, s))
            and not _plural_of(lower, s.lower()) and not _plural_of(s.lower(), lower)}
    return near.pop() if len(near) == 1 else None


def _plural_of(plural: str, word: str) -> bool:
    return plural in {word + "s", word + "es"}


# the endings and words of an epithet put before a given name: "Crooked", "Sleepy", "Lyin'", "Little"
EPITHET_ENDINGS = ("ed", "y", "in'", "in’", "ous", "ful", "ish")  # not "-ing": "Morning Joe" is a show
EPITHET_WORDS = {"little", "big", "lil", "old", "young"}


def epithet(word: str) -> bool:
    """Whether a word (lower case) reads as an adjective of a nickname by its ending or is a word of size
    or age; a surname used as a given name ("Rand", "Mitt") is not."""
    return word in EPITHET_WORDS or (len(word) > 3 and word.endswith(EPITHET_ENDINGS))


def nickname_of(words: list[str], given_names: dict[str, list[str]], common_given: set[str],
                surnames: set[str]) -> str | None:
    """The full name of the one person a two-word nickname names by a word and the person's given name
    ("Crooked Ida" → "Ida Kowalski"): the second word is a common given name (``common_given``, lower
    case) that opens exactly one full name of the report (``given_names``: given name, lower case → full
    names), and the first word is an epithet (``epithet``), no given name and no surname of the report; None
    otherwise."""
    if len(words) != 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return None
    first, given = words[0].lower(), words[1].lower()
    if given not in common_given or first in common_given or first in surnames or not epithet(first):
        return None
    people = given_names.get(given, [])
    return people[0] if len(people) == 1 else None
