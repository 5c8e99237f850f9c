"""One entity per referent across a story's reports.

Full names (two words or more) merge when their cleaned names are equal, whatever types the reports gave them,
or when a full alias of one is the other's name and their types are compatible (a familiar given name counts
as the formal one, "Fred" as Frederick; a British spelling as the American, "Centre" as Center); an office's
name in the other order counts as an alias ("Department of Ports" ↔ "Ports Department"). Short forms then
attach to the full entity they stand for: a bare surname ("Koval", "Ms. Koval") to a person, an initial and
surname ("M. Koval") to a person with that initial, "America", "US" and "U.S." to "United States" (and to one
another without it), "Fla." to "Florida", an acronym ("PVPA", "DOP") to the organisation it abbreviates
(given in the text or formed from its initials, "of" as O or not), a company's stem ("Stellmar") to the company.
Extraction (``extract/entities.py``) merges one report's forms with the same ``org_initials`` and
``org_name_variants``. The names of one organisation that share no letters are one name by a short table of
facts (ISIS, ISIL, Daesh, the Islamic State). A person's name with a word run in before its given name
("Coroner Ada Brook") is also that name without it. A place named only by a state's abbreviation is named as the
state ("Tex." alone is Texas), and a dateline's capitals as the body would write them. People who share a
surname and have different first names stay apart; a surname that fits several attaches to the one named in the
same report, else to the one mentioned most. A short form that fits nothing is an entity of its own, one per name
across the story.

``EntityIndex`` keeps that merge as reports are added and superseded revisions removed, with the changes since
the last look, so a kept ledger re-renders only what names a changed entity; ``merge_entities`` is one index
filled at once.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..extract.given_names import FEMALE, MALE
from ..extract.source_words import ROLE_FORMS
from ..model import Entity

SLUG = re.compile(r"[^a-z0-9]+")
POSSESSIVE_END = re.compile(r"['’]s?$")
LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
LEADING_THE_CASED = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")
NON_WORD = re.compile(r"[^\w]+")
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"}
# honorifics that say nothing about a job or office: not kept as roles
PLAIN_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx"}
# words of a title written before a person's name ("Interior Minister", "Lieutenant Commander")
TITLE_WORDS = {
    "minister", "mayor", "president", "chief", "director", "governor", "prosecutor", "commander", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "master", "inspector", "judge", "senator", "general", "colonel",
    "captain", "lieutenant", "sergeant", "admiral", "major", "deputy", "commissioner", "superintendent", "officer",
}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
# an abbreviation with stops ("U.S.", "F.B.I", "U.K"): an acronym of its letters
DOTTED = re.compile(r"^(?:[A-Z]\.){1,6}[A-Z]\.?$")
# offices whose names put the head first or last: "Department of Justice", "Justice Department"
OFFICE_HEADS = ("Department", "Ministry", "Bureau", "Office")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
_HEAD_FIRST = re.compile(rf"^(?P<before>(?:\S+ )*?)(?P<head>{'|'.join(OFFICE_HEADS)}) of (?:the )?"
                         r"(?P<what>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)$")
JOINING_WORDS = {"of", "and", "&", "for", "the"}
INITIAL = re.compile(r"^[A-Z]\.$")
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# lower-case particles of a surname ("Piet van Dorn", whose surname is "van Dorn"): no title before the name
NAME_PARTICLES = {"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "del", "der", "den", "la", "le"}
# those that never open a given name: "De Dorn" alone is a surname ("Al Gore", "Van Jones" are full names)
SURNAME_PARTICLES = {"de", "von", "der", "den", "du", "da", "la", "le"}
GIVEN = FEMALE | MALE
# a nickname in quotes inside a person's name: Vincent "The Chin" Gigante
NICKNAME = re.compile(r"\s[\"“‘'][^\"“”‘’']+[\"”’']\s")
STOP_INITIALS = {"of", "the", "and", "for", "on", "in", "to", "&"}
# a two-word company is also called by its first word ("Stellmar Logistics" → "Stellmar")
STEM_SUFFIXES = {"group", "company", "corporation", "logistics", "holdings", "shipping", "industries", "trading",
                 "haulage", "freight", "lines", "motors", "partners", "enterprises", "airlines", "airways"}
ROLE_STOPWORDS = {"the", "a", "an", "of", "for", "at", "in", "on", "s"}
GROUPS = ({"ORG", "NORP"}, {"GPE", "LOC", "FAC"})
# the formal given names a familiar one stands for ("Fred" for Frederick): one person's name in two reports
NICKNAMES = {
    "bill": ("william",), "billy": ("william",), "will": ("william",), "bob": ("robert",), "bobby": ("robert",),
    "rob": ("robert",), "mike": ("michael",), "jim": ("james",), "jimmy": ("james",), "fred": ("frederick",),
    "chuck": ("charles",), "charlie": ("charles",), "dick": ("richard",), "rick": ("richard",),
    "tom": ("thomas",), "tony": ("anthony",), "joe": ("joseph",), "dave": ("david",), "dan": ("daniel",),
    "danny": ("daniel",), "steve": ("steven", "stephen"), "ted": ("edward", "theodore"), "ed": ("edward",),
    "ken": ("kenneth",), "larry": ("lawrence",), "jerry": ("gerald", "jerome"), "andy": ("andrew",),
    "ben": ("benjamin",), "sam": ("samuel",), "matt": ("matthew",), "nick": ("nicholas",), "greg": ("gregory",),
    "jeff": ("jeffrey",), "hank": ("henry",), "chris": ("christopher",), "kate": ("katherine", "catherine"),
    "katie": ("katherine", "kathryn", "catherine"), "kathy": ("katherine", "kathryn"), "liz": ("elizabeth",),
    "beth": ("elizabeth",), "betsy": ("elizabeth",), "peggy": ("margaret",), "sue": ("susan",),
    "jenny": ("jennifer",), "debbie": ("deborah",), "becky": ("rebecca",), "mandy": ("amanda",),
}
# one-word names of a country that are no initials of its full name: the initials they stand for ("America" and
# "US" for the United States, "Britain" for the United Kingdom), found as "U.S." is, by the "." key
COUNTRY_SHORT = {"america": "us", "us": "us", "usa": "us", "britain": "uk", "uk": "uk"}
# the abbreviations with a stop that datelines and party tags give American states ("Biloxi, Miss.", "R-Tex."),
# for a place: one entity with the state named in full; two-word states go by their initials ("N.H.") already
STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois",
    "ind": "indiana", "kan": "kansas", "kans": "kansas", "ky": "kentucky", "la": "louisiana",
    "mass": "massachusetts", "md": "maryland", "mich": "michigan", "minn": "minnesota", "miss": "mississippi",
    "mo": "missouri", "mont": "montana", "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "tenn": "tennessee", "tex": "texas", "va": "virginia", "vt": "vermont",
    "wis": "wisconsin", "wyo": "wyoming",
}
# one organisation's names that share no letters or initials, as facts: the names the jihadist group goes by
# in English-language news ("ISIS", "ISIL", "Daesh", "the Islamic State", its longer forms); each key → one key
SAME_ORGANISATION = dict.fromkeys(
    ("isis", "isil", "daesh", "islamic state", "islamic state of iraq and syria",
     "islamic state of iraq and the levant", "islamic state of iraq and al-sham", "islamic state in iraq and syria",
     "islamic state in iraq and the levant"),
    "islamic state")
# the nicknames reports give American states ("the Granite State" for New Hampshire), as facts: nickname → state
STATE_NICKNAMES = {
    "granite state": "new hampshire", "hawkeye state": "iowa", "palmetto state": "south carolina",
    "lone star state": "texas", "keystone state": "pennsylvania", "buckeye state": "ohio",
    "sunshine state": "florida", "golden state": "california", "empire state": "new york",
    "garden state": "new jersey", "bay state": "massachusetts", "silver state": "nevada",
    "old dominion": "virginia", "badger state": "wisconsin", "hoosier state": "indiana",
    "wolverine state": "michigan", "tar heel state": "north carolina", "peach state": "georgia",
    "show-me state": "missouri", "bluegrass state": "kentucky", "equality state": "wyoming",
    "centennial state": "colorado", "grand canyon state": "arizona", "beehive state": "utah",
}
# the postal codes of American states in headlines and tags ("3 NH towns", "Sen. Ida Kern (NH)"), for a short form
# in capitals that the story names in full; not those that are English words in capitals ("IN", "OR", "ME", "OK")
STATE_CODES = {
    "ak": "alaska", "az": "arizona", "ar": "arkansas", "ca": "california", "ct": "connecticut", "fl": "florida",
    "ga": "georgia", "ia": "iowa", "il": "illinois", "ks": "kansas", "ky": "kentucky", "mi": "michigan",
    "mn": "minnesota", "mt": "montana", "ne": "nebraska", "nv": "nevada", "nh": "new hampshire",
    "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina", "nd": "north dakota",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tn": "tennessee", "tx": "texas",
    "ut": "utah", "vt": "vermont", "va": "virginia", "wa": "washington", "wv": "west virginia",
    "wi": "wisconsin", "wy": "wyoming",
}
# the fifty states by name, lower case (a town "Kelvar, New Hampshire" is placed by the state after it)
US_STATES = frozenset({*STATE_CODES.values(), *STATE_ABBREVIATIONS.values(), "hawaii", "idaho", "maine", "ohio"})
ORGISH = {"ORG", "NORP", "FAC", "OTHER", "EVENT"}
PLACES = {"GPE", "LOC", "FAC"}


# words of names that British and American reports spell apart ("Kelvar Arts Centre", "Kelvar Arts Center")
SPELLINGS = {"centre": "center", "centres": "centers", "theatre": "theater", "defence": "defense",
             "organisation": "organization", "programme": "program"}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case-, possessive- and article-insensitive form of a name, British spellings as American ones ("Arts
    Centre" and "Arts Center" are one name written two ways)."""
    name = POSSESSIVE_END.sub("", name.strip().replace("’", "'"))
    name = LEADING_THE.sub("", name)
    return " ".join(SPELLINGS.get(w, w) for w in name.lower().split())


def org_initials(name: str) -> set[str]:
    """The acronyms an organisation's name may go by: the initials of its capitalised words, and those with
    "of" as O ("Federal Bureau of Investigation" → FBI, FBOI; "Department of Justice" → DJ, DOJ)."""
    words = LEADING_THE_CASED.sub("", name).split()
    plain = "".join(w[0] for w in words if w.lower() not in STOP_INITIALS and w[0].isupper())
    with_of = "".join(w[0].upper() for w in words
                      if w.lower() == "of" or w.lower() not in STOP_INITIALS and w[0].isupper())
    return {initials for initials in (plain, with_of) if len(initials) > 1}


def org_name_variants(name: str, bare: bool = False) -> list[str]:
    """The other order of an office's name: "Department of Justice" ↔ "Justice Department", "U.S. Department
    of State" ↔ "U.S. State Department", "Ministry of Ports" ↔ "Ports Ministry" (one or two capitalised words
    after "of"; what comes before the head stays before). ``bare`` adds both orders without the words before
    the head ("State Department", "Department of State"), for one report where they name one office."""
    name = LEADING_THE_CASED.sub("", " ".join(name.split()))
    found = []
    head_first = _HEAD_FIRST.match(name)
    if head_first:
        found.append(f"{head_first['before']}{head_first['what']} {head_first['head']}")
        if bare and head_first["before"]:
            found += [f"{head_first['head']} of {head_first['what']}", f"{head_first['what']} {head_first['head']}"]
    words = name.split()
    if len(words) > 1 and words[-1] in OFFICE_HEADS:
        for n in (1, 2):
            what, before = words[-1 - n:-1], words[:-1 - n]
            if len(what) == n and all(_CAPITALISED.fullmatch(w) for w in what) and (
                    not before or before[-1] not in JOINING_WORDS):
                found.append(" ".join([*before, words[-1], "of", *what]))
                if bare and before:
                    found += [" ".join([words[-1], "of", *what]), " ".join([*what, words[-1]])]
    return found


def entity_id(name: str) -> str:
    return "e-" + SLUG.sub("-", name.lower()).strip("-")


@dataclass
class StoryEntity:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0

    def as_dict(self) -> dict:
        aliases = sorted(a for a in self.aliases if a != self.name)
        return {"id": self.id, "name": self.name, "type": self.type, "aliases": aliases,
                "roles": list(self.roles), "mentions": max(self.mentions, 1)}


def clean_name(name: str, type_: str) -> tuple[str, list[str]]:
    """A name without article, trailing possessive, honorific or (for a person) the title before it; returns
    the name and the titles taken off ("harbour master Marta Koval" → "Marta Koval", ["harbour master"])."""
    cleaned, titles = _clean_name(name, type_)
    return cleaned, list(titles)


@lru_cache(maxsize=65536)
def _clean_name(name: str, type_: str) -> tuple[str, tuple[str, ...]]:
    name = LEADING_THE_CASED.sub("", " ".join(name.split()))
    name = TRAILING_POSSESSIVE.sub("", name)
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and words[cut].lower().rstrip(".") in HONORIFICS:
        cut += 1
    titles = [words[i] for i in range(cut)]
    if type_ == "PERSON":
        title_end = cut
        for i in range(cut, len(words) - 1):
            word = words[i].lower().rstrip(".")
            if words[i][0].islower() and word not in NAME_PARTICLES or word in TITLE_WORDS:
                title_end = i + 1
        if title_end > cut:
            titles.append(" ".join(words[cut:title_end]))
            cut = title_end
    return " ".join(words[cut:]) or name, tuple(titles)


@dataclass(eq=False, slots=True)
class _Form:
    """One report's entity, its name cleaned, with what the merge looks up about it worked out once."""

    report: str
    entity: Entity
    name: str
    key: str
    titles: tuple[str, ...]
    initial: str = ""  # "m" for "M. Koval"
    order: tuple[int, int] = (0, 0)  # (report's place in the order added, entity's place in the report)
    short: bool = False
    keys: tuple[str, ...] = ()  # full name: its key and its full aliases' keys; short form: the keys it is found by
    group: _Group | None = None
    pair: tuple[str, str] = ("", "")
    registered: tuple[str, ...] = ()  # full name: the keys it was first to take
    middle: str = ""  # the initials of a full person name's middle names: "j" for "Donald J. Trump"
    home: str = ""  # short form: the key its entity is filed under when it fits no full name


@dataclass(slots=True)
class _Ranked:
    """Items with a weight and the place each first occurs, kept as occurrences come and go. Taking out an
    item's first occurrence while others remain leaves the first place unknown: ``lost`` says so."""

    weight: dict = field(default_factory=dict)
    first: dict = field(default_factory=dict)
    lost: bool = False

    def add(self, item, place: tuple, weight: int = 1) -> None:
        if item in self.weight:
            self.weight[item] += weight
            if place < self.first[item]:
                self.first[item] = place
        else:
            self.weight[item], self.first[item] = weight, place

    def remove(self, item, place: tuple, weight: int = 1) -> None:
        self.weight[item] -= weight
        if not self.weight[item]:
            del self.weight[item], self.first[item]
        elif self.first[item] == place:
            self.lost = True

    def in_order(self) -> list:
        return sorted(self.first, key=self.first.__getitem__)


@dataclass(slots=True)
class _Drawing:
    """What a story entity is drawn from, kept as members join and leave: per label, name, alias and role,
    how much and where first (full names before short forms, each in order, as the merge takes them), so
    that drawing costs the distinct ones, not every mention."""

    types: _Ranked = field(default_factory=_Ranked)
    full_names: _Ranked = field(default_factory=_Ranked)
    short_names: _Ranked = field(default_factory=_Ranked)
    names: _Ranked = field(default_factory=_Ranked)  # (name or alias, label): names first, then aliases
    roles: _Ranked = field(default_factory=_Ranked)
    mentions: int = 0

    def change(self, form: _Form, joins: bool) -> None:
        place = (form.short, form.order)
        label = form.entity.type
        kept = _Ranked.add if joins else _Ranked.remove
        kept(self.types, label, place, max(1, len(form.entity.spans)))
        kept(self.short_names if form.short else self.full_names, form.name, place)
        kept(self.names, (form.name, label), (0, *place))
        for j, alias in enumerate(form.entity.aliases):
            kept(self.names, (alias, label), (1, *place, j))
        for j, role in enumerate((*form.titles, *form.entity.roles)):
            if role.lower().rstrip(".") not in PLAIN_HONORIFICS:
                kept(self.roles, role, (*place, j))
        self.mentions += len(form.entity.spans) if joins else -len(form.entity.spans)

    @property
    def lost(self) -> bool:
        return any(r.lost for r in (self.types, self.full_names, self.short_names, self.names, self.roles))

    def draw(self) -> tuple:
        """(name, type, aliases, roles before ``distinct_roles``, mentions). The name is the fullest: most
        words, then not all capitals, then most used, then longest, then first seen."""
        type_ = max(self.types.in_order(), key=self.types.weight.__getitem__)
        names = self.full_names if self.full_names.first else self.short_names
        # a name with a word run in before it ("Coroner Ada Brook") is not shown when the name alone is there
        written = {name_key(n) for n in names.in_order()}
        shown = [n for n in names.in_order() if name_key(_after_leading_word(n) or "") not in written]
        name = max(shown, key=lambda n: (len(n.split()), not n.isupper(), type_ == "NORP" and plural_s(n),
                                         names.weight[n], len(n)))  # a people as a group: "Ostravians"
        if type_ in PLACES and not self.full_names.first:
            name = _state_in_full(names.in_order()) or name
        if name.isupper() and " " not in name and type_ in PLACES and len(name) > 4:
            name = name.title()  # a dateline's "MARREN": the place as the body would write it
        name = from_capitals(name, type_)  # "NEW YORK", "USA TODAY"
        seen, aliases = {name_key(name)}, []
        for alias, label in self.names.in_order():
            alias = _clean_name(alias, label)[0]
            key = name_key(alias)
            if key not in seen and name_key(_after_leading_word(alias) or "") not in written:
                seen.add(key)
                aliases.append(alias)
        return name, type_, tuple(sorted(aliases)), tuple(self.roles.in_order()), self.mentions


@dataclass(eq=False, slots=True)
class _Group:
    """A story entity in the making. Full names join it in the first pass; what they make of it then (type,
    reports, mentions, the short keys it answers to) is what short forms are resolved against."""

    uid: int
    order: tuple[int, int]
    alone: bool = False  # short forms that fit no full name
    full: list[_Form] = field(default_factory=list)  # in order
    shorts: set[_Form] = field(default_factory=set)
    type: str = ""  # the label its full names give most (the first so given, on a tie)
    votes: _Ranked = field(default_factory=_Ranked)  # of the full names only, as are the next
    reports: Counter = field(default_factory=Counter)
    mentions: int = 0
    initials: Counter = field(default_factory=Counter)
    alias_keys: Counter = field(default_factory=Counter)  # short aliases given in the reports
    alias_acronyms: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    consulted: tuple[int, int] = (0, 0)  # the last full name that looked at its type, through an alias
    partial: frozenset = frozenset()  # the short keys it answers to, as of the last update
    acronyms: frozenset = frozenset()
    drawing: _Drawing = field(default_factory=_Drawing)
    drawn: tuple | None = None
    base_id: str = ""
    ident: str = ""
    role_words: frozenset = frozenset()
    entity: StoryEntity | None = None
    reported: tuple[str, str] | None = None  # (id, name) at the last changed()
    alive: bool = True

    def add_full(self, form: _Form) -> None:
        self.full.append(form)
        form.group = self
        self._count(form, 1)

    def remove_full(self, form: _Form) -> None:
        """Take out a full name that decided nothing for any other (see ``EntityIndex._decided``)."""
        self.full.remove(form)
        self._count(form, -1)

    def _count(self, form: _Form, sign: int) -> None:
        self.drawing.change(form, sign > 0)
        (_Ranked.add if sign > 0 else _Ranked.remove)(self.votes, form.entity.type, form.order,
                                                       max(1, len(form.entity.spans)))
        label, votes = form.entity.type, self.votes
        if sign > 0 and self.type and label != self.type:  # only its label gained: it leads now, or the leader still
            if votes.weight[label] > votes.weight[self.type] or (
                    votes.weight[label] == votes.weight[self.type] and votes.first[label] < votes.first[self.type]):
                self.type = label
        elif sign < 0 or not self.type:
            if votes.lost:
                self.votes = votes = _Ranked()
                for other in self.full:
                    votes.add(other.entity.type, other.order, max(1, len(other.entity.spans)))
            self.type = max(votes.in_order(), key=votes.weight.__getitem__)
        self.mentions += sign * len(form.entity.spans)
        counts = [(self.reports, form.report), (self.initials, form.key[0]), (self.names, form.name)]
        for alias in form.entity.aliases:
            if _is_short_alias(alias):
                counts.append((self.alias_keys, name_key(alias)))
                if ACRONYM.match(alias):
                    counts.append((self.alias_acronyms, name_key(alias)))
        for counter, item in counts:
            counter[item] += sign
            if not counter[item]:
                del counter[item]

    def short_keys(self) -> tuple[frozenset, frozenset]:
        """Short keys → the entity: short aliases, a person's surnames, an organisation's initials (marked
        "^"), a several-word place's (marked ".", for an abbreviation with stops), a person's given names
        (marked "~", for a given name alone that fits no surname) and a company's stem; and which of them are
        acronyms."""
        kind = self.type
        keys, acronyms = set(self.alias_keys), set(self.alias_acronyms)
        if kind == "PERSON":
            keys |= {name_key(n).rsplit(" ", 1)[-1] for n in self.names}
            keys |= {_particle_surname(n) for n in self.names} - {""}
            keys |= {"~" + name_key(n).split(" ", 1)[0] for n in self.names if " " in name_key(n)}
        elif kind in ORGISH:
            org = {k for n in self.names for k in _org_keys(n, name_key(n))}
            keys |= org
            acronyms |= {k for k in org if k.startswith("^")}
        elif kind in PLACES:  # "U.S." for "United States" (marked "."; "SA" alone is no "Saudi Arabia")
            keys |= {"." + i.lower() for n in self.names if " " in n for i in org_initials(n)}
        return frozenset(keys), frozenset(acronyms)

    def pairs(self) -> set[tuple[str, str]]:
        return {f.pair for f in self.full} | {f.pair for f in self.shorts}


def _by_order(group: _Group) -> tuple[int, int]:
    return group.order


def _family(ident: str) -> str:
    """Ids that may collide once "-2" is added to tell them apart share this."""
    while ident.endswith("-2"):
        ident = ident[:-2]
    return ident


@dataclass(frozen=True)
class EntityChanges:
    """What changed since the last ``changed()``: story entity ids whose name or members changed (new and gone
    ones included), and (report id, entity key) pairs whose story entity id or name changed (new and gone
    ones included)."""

    entities: frozenset[str]
    pairs: frozenset[tuple[str, str]]


@dataclass
class EntityIndex:
    """Story entities kept report by report (``add``, ``remove`` a superseded revision), equal at every
    ``result()`` to merging the current reports in the order added, so a kept ledger need not re-merge a
    whole story on every read; picklable.

    Full names are merged in order, so an added report's full names continue the first pass where it
    stopped. A removed full name that was not first to take any key, and whose entity's type no later full
    name looked at, only leaves its entity's counts; otherwise the first pass runs again over the full names
    that share a key with it, directly or through others (a union of keys that never splits, so a superset
    of what could have been affected: a full name's fate is decided by its own keys only). A short form is
    resolved again only when the ranking of the entities its key may stand for changes (their types,
    initials, or who is mentioned most). An entity is drawn again, from tallies of its distinct labels,
    names, aliases and roles, when its members change; ids (an earlier entity of the same name takes the
    plain one) are settled among the entities of one name, and acronym expansions in roles for the acronyms
    whose entities changed. Work per added report follows the entities it names, not the story; a read
    copies out the entity list and the (report, key) map."""

    _serial: int = 0  # places of reports in the order added
    _uid: int = 0
    reports: dict[str, list[_Form]] = field(default_factory=dict)
    _registry: dict[str, _Group] = field(default_factory=dict)  # full name key → the entity that took it first
    _parent: dict[str, str] = field(default_factory=dict)  # union-find over the keys of full names
    _component: dict[str, list[_Form]] = field(default_factory=dict)  # root key → its full names
    _partial: dict[str, set[_Group]] = field(default_factory=dict)  # short key → full entities it may stand for
    _acronyms: Counter = field(default_factory=Counter)  # short key → entities for which it is an acronym
    _shorts: dict[str, set[_Form]] = field(default_factory=dict)  # lookup key → short forms found by it
    _rankings: dict[str, tuple] = field(default_factory=dict)  # lookup key → ranking the shorts were resolved on
    _alone: dict[str, _Group] = field(default_factory=dict)  # short forms that fit no full name, by key
    _pairs: dict[tuple[str, str], list[_Form]] = field(default_factory=dict)
    _order: list[_Group] = field(default_factory=list)  # living entities, by order
    _families: dict[str, set[_Group]] = field(default_factory=dict)
    _expansions: dict[str, str] = field(default_factory=dict)  # acronym → the name it stands for, lower case
    _role_index: dict[str, set[_Group]] = field(default_factory=dict)  # word → entities with it in a role
    _owner: dict[tuple[str, str], str] = field(default_factory=dict)
    # settled at the next read
    _redraw: set[_Group] = field(default_factory=set)
    _words: set[str] = field(default_factory=set)  # acronyms whose expansion may have changed
    _reid: set[str] = field(default_factory=set)  # families whose ids may have changed
    _owners: set[tuple[str, str]] = field(default_factory=set)  # pairs whose owner may have changed
    # reported at the next changed()
    _touched: set[_Group] = field(default_factory=set)
    _renamed: set[_Group] = field(default_factory=set)
    _moved: set[tuple[str, str]] = field(default_factory=set)
    _seen_pairs: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    _pending: set[str] = field(default_factory=set)  # ids to report, from before the index was pickled

    def add(self, report_id: str, entities: list[Entity]) -> None:
        """Add one report's entities after all the others."""
        self.extend([(report_id, entities)])

    def extend(self, per_report: list[tuple[str, list[Entity]]]) -> None:
        """Add reports' entities after all the others, in this order: their full names first, then their
        short forms once, as a fresh merge does."""
        ids = Counter(report_id for report_id, _ in per_report)
        twice = {i for i, n in ids.items() if n > 1 or i in self.reports}
        if twice:
            raise ValueError(f"reports already in the index (remove them first): {sorted(twice)}")
        added = []
        for report_id, entities in per_report:
            self._serial += 1
            forms = [_form(report_id, entity, (self._serial, i)) for i, entity in enumerate(entities)]
            self.reports[report_id] = forms
            added += forms
        for form in added:
            self._pairs.setdefault(form.pair, []).append(form)
            self._moved.add(form.pair)
            self._owners.add(form.pair)
        self._settle({self._place_full(form) for form in added if not form.short}, set())
        for form in added:
            if form.short:
                for key in form.keys:
                    self._shorts.setdefault(key, set()).add(form)
                self._resolve_short(form)

    def remove(self, report_id: str) -> None:
        """Take a report's entities out (a revision superseded it); the others keep their places."""
        forms = self.reports.pop(report_id)
        for form in forms:
            self._moved.add(form.pair)
            self._owners.add(form.pair)
            same = self._pairs[form.pair]
            same.remove(form)
            if not same:
                del self._pairs[form.pair]
            if form.short:
                for key in form.keys:
                    self._shorts[key].discard(form)
                    if not self._shorts[key]:
                        del self._shorts[key]
                self._detach(form)
        full = [f for f in forms if not f.short]
        decided = [f for f in full if self._decided(f)]
        quiet = {f.group for f in full} - {f.group for f in decided}
        for form in full:
            if form not in decided:
                form.group.remove_full(form)
                self._component[self._find(form.key)].remove(form)
                self._touched.add(form.group)
        if quiet:
            self._settle(quiet, set())
        if decided:
            self._rerun({self._find(key) for f in decided for key in f.keys}, set(decided))

    def _decided(self, form: _Form) -> bool:
        """Whether taking a full name out may change what other full names did: it was first to take a key
        (a later one found the entity by it, or made one), or a later one looked at its entity's type, which
        it voted for. Otherwise only its entity's counts change."""
        return bool(form.registered) or form.group.consulted > form.order

    def result(self) -> tuple[list[StoryEntity], dict[tuple[str, str], str]]:
        """The story entities in order of first appearance, and (report id, entity key) → story entity id, as
        ``merge_entities`` gives them for the current reports. Both are new containers; the entities in them
        are never changed by the index afterwards (a change makes a new one)."""
        self._refresh()
        return [group.entity for group in self._order], dict(self._owner)

    def changed(self) -> EntityChanges:
        """Story entity ids whose name or members changed since the last call (or since the index was made),
        new and gone ones included, and (report id, entity key) pairs whose story entity id or name changed
        (new and gone ones included), so that only what names them is drawn again. Pairs are exact; ids never
        miss one, and may include one whose members left and came back or, after a removal, one re-merged
        unchanged."""
        ids, candidates = self._unreported()
        pairs = set()
        for pair in candidates:
            now = self._shown(pair)
            if self._seen_pairs.get(pair) != now:
                pairs.add(pair)
            if now is None:
                self._seen_pairs.pop(pair, None)
            else:
                self._seen_pairs[pair] = now
        for group in self._touched | self._renamed:
            if group.alive:
                group.reported = (group.entity.id, group.entity.name)
        self._touched, self._moved, self._renamed, self._pending = set(), set(), set(), set()
        return EntityChanges(frozenset(ids), frozenset(pairs))

    def _unreported(self) -> tuple[set[str], set[tuple[str, str]]]:
        """Ids changed since the last ``changed()``, and the pairs that may have."""
        self._refresh()
        ids, pairs = set(self._pending), set(self._moved)
        for group in self._touched | self._renamed:
            if group.reported:
                ids.add(group.reported[0])
            if group.alive:
                ids.add(group.entity.id)
        for group in self._renamed:
            if group.alive:
                pairs |= group.pairs()
        return ids, pairs

    def _shown(self, pair: tuple[str, str]) -> tuple[str, str] | None:
        if pair not in self._owner:
            return None
        entity = self._owner_form(pair).group.entity
        return entity.id, entity.name

    def __getstate__(self) -> dict:
        """Pickled as the current reports' entities, in order, and what ``changed()`` has yet to report; the
        rest is merged again on loading, which takes about as long as loading the index's own records would
        and keeps the pickle a fraction of their size (nothing beside the entities, which a kept ledger
        pickles anyway)."""
        ids, pairs = self._unreported()
        return {"reports": [(report_id, [f.entity for f in forms]) for report_id, forms in self.reports.items()],
                "seen_pairs": self._seen_pairs, "unreported_ids": ids, "unreported_pairs": pairs}

    def __setstate__(self, state: dict) -> None:
        self.__init__()
        self.extend(state["reports"])
        self._refresh()
        for group in self._order:
            group.reported = (group.entity.id, group.entity.name)
        self._touched, self._renamed = set(), set()
        self._moved, self._pending = set(state["unreported_pairs"]), set(state["unreported_ids"])
        self._seen_pairs = state["seen_pairs"]

    # the first pass: full names

    def _place_full(self, form: _Form) -> _Group:
        group = self._registry.get(form.key)
        if group is None:
            for key in form.keys[1:]:
                other = self._registry.get(key)
                if other is not None:
                    if form.order > other.consulted:
                        other.consulted = form.order
                    if _compatible(other.type, form.entity.type) and not _other_middle(form, other):
                        group = other
                        break
        if group is None:
            group = self._new_group(form.order)
        group.add_full(form)
        self._touched.add(group)
        form.registered = tuple(key for key in form.keys if key not in self._registry)
        for key in form.registered:
            self._registry[key] = group
        root = self._find(form.key)
        self._component.setdefault(root, []).append(form)
        for key in form.keys[1:]:
            root = self._union(root, self._find(key))
        return group

    def _new_group(self, order: tuple[int, int], alone: bool = False) -> _Group:
        self._uid += 1
        group = _Group(self._uid, order, alone)
        bisect.insort(self._order, group, key=_by_order)
        self._touched.add(group)
        self._redraw.add(group)
        return group

    def _dissolve(self, group: _Group) -> None:
        group.alive = False
        del self._order[bisect.bisect_left(self._order, group.order, key=_by_order)]
        self._touched.add(group)
        if group.drawn is not None:
            family = _family(group.base_id)
            self._families[family].discard(group)
            self._reid.add(family)
            for word in group.role_words:
                self._role_index[word].discard(group)

    def _find(self, key: str) -> str:
        root = key
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while key != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def _union(self, a: str, b: str) -> str:
        if a == b:
            return a
        small, large = sorted((a, b), key=lambda k: len(self._component.get(k, ())))
        self._parent[small] = large
        self._component.setdefault(large, []).extend(self._component.pop(small, []))
        return large

    def _rerun(self, roots: set[str], removed: set[_Form]) -> None:
        """The first pass again over the full names that share keys with removed ones."""
        forms, old = [], set()
        for root in roots:
            for form in self._component.pop(root, []):
                old.add(form.group)
                for key in form.keys:
                    if self._registry.get(key) is form.group:
                        del self._registry[key]
                if form not in removed:
                    forms.append(form)
        forms.sort(key=lambda f: f.order)
        for group in old:
            self._dissolve(group)
        rebuilt = {self._place_full(form) for form in forms}
        self._settle(rebuilt, old)

    def _settle(self, touched: set[_Group], gone: set[_Group]) -> None:
        """After full names joined ``touched`` (and the entities in ``gone`` were dissolved): the short-key
        index, and the short forms whose resolution may have changed. Those of other reports than the ones
        whose full names came or went need resolving again only where a key's ranking changed."""
        keys = set()
        for group in gone:
            keys |= group.partial
            self._unindex(group)
        for group in touched:
            keys |= group.partial
            self._unindex(group)
            group.partial, group.acronyms = group.short_keys()
            for key in group.partial:
                self._partial.setdefault(key, set()).add(group)
            self._acronyms.update(group.acronyms)
            keys |= group.partial
            self._redraw.add(group)
        self._words |= {key.lstrip("^") for key in keys if key[0] not in "~."}  # acronyms are looked up in roles
        again = set()
        for key in keys:
            ranking = self._ranking(key)
            if self._rankings.get(key, ()) != ranking:
                again |= self._shorts.get(key, set())
                if ranking:
                    self._rankings[key] = ranking
                else:
                    self._rankings.pop(key, None)
        for form in sorted(again, key=lambda f: f.order):
            self._resolve_short(form)

    def _unindex(self, group: _Group) -> None:
        for key in group.partial:
            holders = self._partial[key]
            holders.discard(group)
            if not holders:
                del self._partial[key]
        self._acronyms.subtract(group.acronyms)
        for key in group.acronyms:
            if self._acronyms[key] <= 0:
                del self._acronyms[key]
        group.partial, group.acronyms = frozenset(), frozenset()

    def _ranking(self, key: str) -> tuple:
        """What resolving a short form by this key depends on, besides its own report: the entities it may
        stand for, best first, with their types and initials."""
        groups = sorted(self._partial.get(key, ()), key=lambda g: (g.mentions, [-o for o in g.order]), reverse=True)
        return tuple((g.uid, g.type, frozenset(g.initials)) for g in groups)

    # the second pass: short forms

    def _resolve_short(self, form: _Form) -> None:
        target = _resolve(form, self._partial) or self._alone.get(form.home)
        if target is not None and target is form.group:
            return
        self._detach(form)
        if target is None:
            target = self._alone[form.home] = self._new_group(form.order, alone=True)
        elif target.alone and form.order < target.order:  # as old as its first short form
            self._reorder(target, form.order)
        target.shorts.add(form)
        target.drawing.change(form, True)
        form.group = target
        self._moved.add(form.pair)
        self._owners.add(form.pair)
        self._touched.add(target)
        self._redraw.add(target)

    def _detach(self, form: _Form) -> None:
        group, form.group = form.group, None
        if group is None:
            return
        group.shorts.discard(form)
        group.drawing.change(form, False)
        self._touched.add(group)
        self._redraw.add(group)
        if group.alone:
            if not group.shorts:
                del self._alone[form.home]
                self._dissolve(group)
            elif form.order == group.order:
                self._reorder(group, min(f.order for f in group.shorts))

    def _reorder(self, group: _Group, order: tuple[int, int]) -> None:
        del self._order[bisect.bisect_left(self._order, group.order, key=_by_order)]
        group.order = order
        bisect.insort(self._order, group, key=_by_order)
        if group.drawn is not None:
            self._reid.add(_family(group.base_id))

    # reading

    def _refresh(self) -> None:
        """Draw the changed entities; settle acronym expansions, ids and the (report, key) → id map."""
        stale = set()
        for group in self._redraw:
            if not group.alive:
                continue
            if group.drawing.lost:  # a removed member was the first of something: tally the members again
                group.drawing = _Drawing()
                for form in (*group.full, *group.shorts):
                    group.drawing.change(form, True)
            drawn = group.drawing.draw()
            if drawn == group.drawn:
                continue
            if group.drawn is None or drawn[0] != group.drawn[0]:
                self._words |= {key.lstrip("^") for key in group.partial if key[0] not in "~."}
                if group.drawn is not None:
                    self._families[_family(group.base_id)].discard(group)
                    self._reid.add(_family(group.base_id))
                group.base_id = entity_id(drawn[0])
                self._families.setdefault(_family(group.base_id), set()).add(group)
                self._reid.add(_family(group.base_id))
            words = frozenset(w for r in drawn[3] for w in NON_WORD.split(r.lower()))
            for word in group.role_words - words:
                self._role_index[word].discard(group)
            for word in words - group.role_words:
                self._role_index.setdefault(word, set()).add(group)
            group.drawn, group.role_words = drawn, words
            stale.add(group)
        self._redraw = set()
        for word in self._words:
            expansion = self._expansion(word)
            if expansion != self._expansions.get(word):
                if expansion is None:
                    del self._expansions[word]
                else:
                    self._expansions[word] = expansion
                stale |= self._role_index.get(word, set())
        self._words = set()
        for family in self._reid:
            used = set()
            for group in sorted(self._families.get(family, ()), key=_by_order):
                ident = group.base_id
                while ident in used:
                    ident += "-2"
                used.add(ident)
                if group.ident != ident:
                    group.ident = ident
                    stale.add(group)
        self._reid = set()
        for group in stale:
            if not group.alive:
                continue
            name, type_, aliases, roles, mentions = group.drawn
            old = group.entity
            entity = StoryEntity(group.ident, name, type_, set(aliases), distinct_roles(list(roles), self._expansions),
                                 mentions)
            if entity != old:
                group.entity = entity
            if old is None or (old.id, old.name) != (entity.id, entity.name):
                self._renamed.add(group)
                self._owners |= group.pairs()
        for pair in self._owners:
            if pair in self._pairs:
                self._owner[pair] = self._owner_form(pair).group.entity.id
            else:
                self._owner.pop(pair, None)
        self._owners = set()

    def _expansion(self, word: str) -> str | None:
        """The name an acronym stands for in roles: the one entity it is given for in a report, else the one
        entity whose initials it is."""
        for key in (word, "^" + word):
            holders = self._partial.get(key, ())
            if self._acronyms.get(key, 0) > 0 and len(holders) == 1:
                return next(iter(holders)).drawn[0].lower()
        return None

    def _owner_form(self, pair: tuple[str, str]) -> _Form:
        """Of the entities a report gives the same key (rare), the merge keeps the last it lists."""
        forms = self._pairs[pair]
        return forms[0] if len(forms) == 1 else max(forms, key=lambda f: (f.group.order, f.short, f.order))


def merge_entities(per_report: list[tuple[str, list[Entity]]]) -> tuple[list[StoryEntity], dict[tuple[str, str], str]]:
    """Merge entities across reports (each report id once); returns the story entities, in order of first
    appearance, and (report id, entity key) → story entity id. One pass over full names, one over short
    forms, each looking names up by key (``EntityIndex`` keeps the same merge from report to report)."""
    index = EntityIndex()
    index.extend(per_report)
    return index.result()


def _form(report_id: str, entity: Entity, order: tuple[int, int] = (0, 0)) -> _Form:
    name, titles = _clean_name(entity.name, entity.type)
    words = name.split()
    initial = ""
    if entity.type == "PERSON" and len(words) > 1 and all(INITIAL.match(w) for w in words[:-1]):
        initial, name = words[0][0].lower(), words[-1]
    key = name_key(name)
    known = (SAME_ORGANISATION.get(key) or STATE_NICKNAMES.get(key)) if entity.type != "PERSON" else None
    form = _Form(report_id, entity, name, known or key, titles, initial, order, pair=(report_id, entity.key))
    form.short = not known and (bool(form.initial) or " " not in form.key or bool(ACRONYM.match(form.name))
                                or entity.type == "PERSON" and _particle_surname(name) == form.key
                                and form.key.split()[0] in SURNAME_PARTICLES)
    if form.short:
        if ACRONYM.match(form.name):
            form.keys = (form.key, "^" + form.key)
        elif DOTTED.match(form.name):
            letters = form.name.replace(".", "").lower()
            form.keys = (form.key, letters, "^" + letters, "." + letters)
        elif form.entity.type == "PERSON" and not form.initial or _given_name_as_body(form):
            form.keys = (form.key, "~" + form.key)  # a given name alone: "Orla" for the one Orla
        else:
            form.keys = (form.key,)
        form.home = form.key
        if entity.type != "PERSON":
            _place_home(form)
    else:
        plain = ()
        if entity.type == "PERSON":
            plain, form.middle = _without_middle(name)
            rest = _after_leading_word(name)
            plain = (*plain, name_key(rest)) if rest else plain
        form.keys = tuple(dict.fromkeys((form.key, *_full_alias_keys(form), *plain, *_formal_keys(form),
                                         *_without_inner_possessive(form), *_singular_people(form))))
    return form


def _singular_people(form: _Form) -> tuple[str, ...]:
    """The key of a people's name written in the singular, for one written in the plural: "Kelvarian
    Muslims" and "Kelvarian Muslim" are one people whichever form a report uses (as one-word names are, by
    ``_place_home``)."""
    if form.entity.type != "NORP" or not plural_s(form.key.rsplit(" ", 1)[-1]):
        return ()
    return (form.key[:-1],)


def _given_name_as_body(form: _Form) -> bool:
    """A common given name alone that the tagger took for an organisation ("everything Martha says"): it may
    stand for the one person of the story whose name it opens, as a given name typed a person does."""
    return form.entity.type in {"ORG", "OTHER"} and form.key in GIVEN and form.name[:1].isupper() \
        and not form.name.isupper()


INNER_POSSESSIVE = re.compile(r"(?<=\w)'s(?= )")


def _without_inner_possessive(form: _Form) -> tuple[str, ...]:
    """A body's or place's name with a possessive inside as the name without it ("Kelvar's Labour Party" is
    the "Kelvar Labour Party" another report writes); not a person's."""
    if form.entity.type == "PERSON" or not INNER_POSSESSIVE.search(form.key):
        return ()
    return (INNER_POSSESSIVE.sub("", form.key),)


def _place_home(form: _Form) -> None:
    """Where a short form that is no person's name is filed when it fits no full name, and the key that
    finds its full name: "G.O.P." with "GOP"; "Fla." with "Florida"; "America", "US" and "U.S." with
    "United States" (by its initials) and with one another; a people's plural and its adjective in "-ic"
    with its noun ("Democrats", "Democratic" with "Democrat")."""
    if DOTTED.match(form.name):
        form.home = form.keys[1]
    bare = form.key.rstrip(".")
    if form.entity.type == "NORP" and plural_s(bare):
        form.home = bare[:-1]  # "Kelvarians" and "Kelvarian": one people, whichever form a report uses
    if form.entity.type == "NORP" and len(form.home) > 6 and form.home.endswith("ic"):
        # "Democratic" with "Democrat(s)", "Slavic" with "Slav": a people's or party's adjective; "Hispanics" still
        # with "Hispanic" (the plural's home is the adjective's)
        form.home = form.home[:-2]
    if form.name.isupper() and bare in STATE_CODES:  # "NH" as "N.H." is, "TX" as "Texas"
        state = STATE_CODES[bare]
        if " " in state:
            form.keys = tuple(dict.fromkeys((*form.keys, "." + bare)))
        else:
            form.home = state
    if form.entity.type in PLACES and bare in STATE_ABBREVIATIONS:
        form.home = STATE_ABBREVIATIONS[bare]
        form.keys = tuple(dict.fromkeys((*form.keys, form.home)))
    country = COUNTRY_SHORT.get(form.key.replace(".", ""))
    if country and (form.entity.type in PLACES or form.name.upper() == form.name):
        form.home = "." + country
        form.keys = tuple(dict.fromkeys((*form.keys, form.home)))


def plural_s(word: str) -> bool:
    """A plural by its "s" ("Kelvarians", "committees"), not a word ending in "ss" or a short one ("bus")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _state_in_full(names) -> str | None:
    """The state that a place named only by its abbreviation stands for ("Tex." alone is Texas): the name an
    editor reads, the abbreviation kept as an alias."""
    states = {STATE_ABBREVIATIONS.get(name_key(n).rstrip(".")) for n in names}
    if len(states) == 1 and None not in states:
        return next(iter(states)).title()
    return None


def _formal_keys(form: _Form) -> tuple[str, ...]:
    """A person's name with a familiar given name as the formal ones it stands for, without middle names
    ("Fred LaRue" → "frederick larue", as "Frederick C. LaRue" is found without his middle name)."""
    words = form.key.split()
    if form.entity.type != "PERSON" or len(words) < 2 or words[0] not in NICKNAMES:
        return ()
    return tuple(f"{formal} {words[-1]}" for formal in NICKNAMES[words[0]])


@lru_cache(maxsize=65536)
@lru_cache(maxsize=65536)
def _particle_surname(name: str) -> str:
    """The key of a surname with its particle ("Piet van Dorn", "Van Dorn" → "van dorn"), else ""."""
    words = name_key(name).split()
    if len(words) >= 2 and words[-2] in NAME_PARTICLES:
        return " ".join(words[-2:])
    return ""


@lru_cache(maxsize=65536)
def _after_leading_word(name: str) -> str | None:
    """A person's name that the tagger ran a word into before the given name ("Coroner Ada Brook", a job
    title; "the Year Ada Brook"): the name from the given name on, when the second word is a common given
    name and the first is none ("Mary Ann Brook" is left whole), nor an initial."""
    words = name.split()
    if (len(words) >= 3 and words[1].lower() in GIVEN and words[0].lower() not in GIVEN
            and not INITIAL.match(words[0]) and words[0].isalpha()):
        return " ".join(words[1:])
    return None


def _without_middle(name: str) -> tuple[tuple[str, ...], str]:
    """A person's name without its middle names, initials and nickname, as a key ("Donald J. Trump",
    "W. Ada Brook Sr." → "donald trump", "ada brook sr"), and the initials of what was left out ("j", "w");
    nothing for a name of given name and surname alone. "Donald J. Trump" and "Donald Trump" are then one
    person, as are "Donald J. Trump" and "Donald John Trump"; two names whose middles differ are not."""
    words = NICKNAME.sub(" ", f" {name} ").split()
    if len(words) < 2:
        return (), ""
    suffix = []
    if len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        suffix = [words.pop()]
    given = next((i for i, w in enumerate(words[:-1]) if not INITIAL.match(w)), None)
    if given is None or not all(w[:1].isupper() for w in words):
        return (), ""
    plain = name_key(" ".join([words[given], words[-1], *(w.rstrip(".") for w in suffix)]))
    middle = "".join(w[0].lower() for i, w in enumerate(words[:-1]) if i != given)
    return ((plain,) if plain != name_key(name) else ()), middle


def _other_middle(form: _Form, group: _Group) -> bool:
    """Whether the entity has a full name whose middle initials differ from the form's ("George H. W. Bush",
    "George W. Bush"): not one person, though both drop to "george bush"."""
    return bool(form.middle) and any(f.middle and f.middle != form.middle for f in group.full)


# short words of a name written in capitals that are no acronym
_SMALL_WORDS = frozenset(("of", "and", "for", "the", "on", "in", "at", "to", "a", "an", "by"))


def from_capitals(name: str, type_: str) -> str:
    """A name of several words written only in capitals ("PORT VEYRA" in a dateline, "USA TODAY") as the one
    it names would write it: a person's or a place's title-cased, a body's with its acronyms kept
    (``body_in_capitals``). Any other name is returned as it is."""
    if not (name.isupper() and " " in name):
        return name
    return name.title() if type_ == "PERSON" or type_ in PLACES else body_in_capitals(name)


def body_in_capitals(name: str) -> str:
    """A body's or paper's name written only in capitals, as the body would write it: words of up to three
    letters keep their capitals, as acronyms mostly do ("KBC TV", "USA Today" from "USA TODAY"), the others
    and small words are capitalised ("Kelvar Board of Trade")."""
    words = []
    for i, word in enumerate(name.split()):
        if len(word) <= 3 and word.lower() not in _SMALL_WORDS:
            words.append(word)
        else:
            words.append(word.lower() if i and word.lower() in _SMALL_WORDS else word.capitalize())
    return " ".join(words)


@lru_cache(maxsize=65536)
def _org_keys(name: str, key: str) -> frozenset:
    """An organisation's short keys from one of its names: its initials in either order of an office's name
    (marked "^"), and a two-word company's first word. (A masthead's last word as a key, "the Post" for "the
    Kelvar Post", was tried: it joins two papers of one last word, "the Kelvar Times" and "the Orrin Times".)"""
    keys = {"^" + i.lower() for n in (name, *org_name_variants(name)) for i in org_initials(n)}
    words = key.split()
    if len(words) == 2 and words[1] in STEM_SUFFIXES:
        keys.add(words[0])
    return frozenset(keys)


def _is_short_alias(alias: str) -> bool:
    return " " not in name_key(alias) or bool(ACRONYM.match(alias))


def _full_alias_keys(form: _Form) -> list[str]:
    """Keys of the form's full aliases and, for an organisation, of its name in the other order."""
    keys = [name_key(a) for a in form.entity.aliases if not _is_short_alias(a)]
    if form.entity.type in ORGISH:
        keys += [name_key(v) for n in (form.name, *form.entity.aliases) for v in org_name_variants(n)]
    return keys


def _resolve(form: _Form, partial: dict[str, set[_Group]]) -> _Group | None:
    """The full entity a short form stands for: of those that fit, the one in the same report, else the one
    mentioned most, else the first seen. What counts of an entity is what its full names made of it."""
    candidates = set().union(*(partial.get(key, ()) for key in form.keys if key[0] != "~"))
    if not candidates:  # no surname, acronym or alias fits: a given name fits the one person it opens
        given = [g for key in form.keys if key[0] == "~" for g in partial.get(key, ()) if g.type == "PERSON"]
        if len(given) == 1:
            return given[0]
    acronym = ACRONYM.match(form.name) or DOTTED.match(form.name)
    if acronym:
        candidates = {g for g in candidates if g.type != "PERSON"}
    if form.initial:
        candidates = {g for g in candidates if g.type == "PERSON" and form.initial in g.initials}
    fitting = [g for g in candidates if _compatible(g.type, form.entity.type)]
    if not fitting and (form.entity.type not in PLACES or acronym):
        fitting = list(candidates)  # the small model often takes a bare surname or an acronym for something else
    if not fitting:
        return None
    return max(fitting, key=lambda g: (form.report in g.reports, g.mentions, [-o for o in g.order]))


def distinct_roles(roles: list[str], expansions: dict[str, str] | None = None) -> list[str]:
    """Roles without the ones another role already says in full ("harbour master" beside "harbour master
    of Port Veyra"; "general secretary of the PVDU" beside the same with the union's name spelt out), compared
    by their words without case, articles and possessives, a title's abbreviation read as its word ("Sen." as
    "Senator", "Gov." as "Governor": ``ROLE_FORMS``). Of two that say the same, the longer is kept."""
    words = [_role_words(r, expansions or {}) for r in roles]
    best: dict[frozenset, int] = {}
    for i, w in enumerate(words):
        if w not in best or len(roles[i]) > len(roles[best[w]]):
            best[w] = i
    first = {w: words.index(w) for w in best}
    kept = sorted(best, key=first.get)
    return [roles[best[w]] for w in kept if w and not any(w < other for other in kept)]


def _role_words(role: str, expansions: dict[str, str]) -> frozenset:
    words = []
    for word in NON_WORD.split(role.lower()):
        words.extend(expansions.get(word, word).replace("'", " ").replace("’", " ").split())
    return frozenset(ROLE_FORMS.get(w, w) for w in words if w and w not in ROLE_STOPWORDS)


def _compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in GROUPS)
