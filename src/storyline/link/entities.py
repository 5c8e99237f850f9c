"""One entity per referent across a story's reports.

Full names (two words or more) merge when their cleaned names are equal, whatever types the reports gave them,
or when a full alias of one is the other's name and their types are compatible; an office's name in the other
order counts as an alias ("Department of Ports" ↔ "Ports Department"). Short forms then attach to the
full entity they stand for: a bare surname ("Koval", "Ms. Koval") to a person, an initial and surname ("M.
Koval") to a person with that initial, an acronym ("PVPA", "DOP") to the organisation it abbreviates (given in
the text or formed from its initials, "of" as O or not), a company's stem ("Stellmar") to the company.
Extraction (``extract/entities.py``) merges one report's forms with the same ``org_initials`` and
``org_name_variants``. People who share a surname and have
different first names stay apart; a surname that fits several attaches to the one named in the same report, else
to the one mentioned most. A short form that fits nothing is an entity of its own, one per name across the story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

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
# offices whose names put the head first or last: "Department of Justice", "Justice Department"
OFFICE_HEADS = ("Department", "Ministry", "Bureau", "Office")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
_HEAD_FIRST = re.compile(rf"^(?P<before>(?:\S+ )*?)(?P<head>{'|'.join(OFFICE_HEADS)}) of (?:the )?"
                         r"(?P<what>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)$")
JOINING_WORDS = {"of", "and", "&", "for", "the"}
INITIAL = re.compile(r"^[A-Z]\.$")
STOP_INITIALS = {"of", "the", "and", "for", "on", "in", "to", "&"}
# a two-word company is also called by its first word ("Stellmar Logistics" → "Stellmar")
STEM_SUFFIXES = {"group", "company", "corporation", "logistics", "holdings", "shipping", "industries", "trading",
                 "haulage", "freight", "lines", "motors", "partners", "enterprises", "airlines", "airways"}
ROLE_STOPWORDS = {"the", "a", "an", "of", "for", "at", "in", "on", "s"}
GROUPS = ({"ORG", "NORP"}, {"GPE", "LOC", "FAC"})
ORGISH = {"ORG", "NORP", "FAC", "OTHER", "EVENT"}
PLACES = {"GPE", "LOC", "FAC"}


def name_key(name: str) -> str:
    """Case-, possessive- and article-insensitive form of a name."""
    name = POSSESSIVE_END.sub("", name.strip().replace("’", "'"))
    name = LEADING_THE.sub("", name)
    return " ".join(name.lower().split())


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
            if words[i][0].islower() or word in TITLE_WORDS:
                title_end = i + 1
        if title_end > cut:
            titles.append(" ".join(words[cut:title_end]))
            cut = title_end
    return " ".join(words[cut:]) or name, tuple(titles)


@dataclass
class _Form:
    """One report's entity, its name cleaned."""

    report: str
    entity: Entity
    name: str
    key: str
    titles: tuple[str, ...]
    initial: str = ""  # "m" for "M. Koval"

    @property
    def short(self) -> bool:
        return bool(self.initial) or " " not in self.key or bool(ACRONYM.match(self.name))


@dataclass
class _Group:
    order: tuple[int, int]
    forms: list[_Form] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    reports: set[str] = field(default_factory=set)
    mentions: int = 0

    def add(self, form: _Form) -> None:
        self.forms.append(form)
        self.votes[form.entity.type] += max(1, len(form.entity.spans))
        self.reports.add(form.report)
        self.mentions += len(form.entity.spans)

    @property
    def type(self) -> str:
        return self.votes.most_common(1)[0][0]


def merge_entities(per_report: list[tuple[str, list[Entity]]]) -> tuple[list[StoryEntity], dict[tuple[str, str], str]]:
    """Merge entities across reports; returns the story entities, in order of first appearance, and
    (report id, entity key) → story entity id. One pass over full names, one over short forms, each looking
    names up by key."""
    forms = [((r, i), _form(report_id, entity))
             for r, (report_id, entities) in enumerate(per_report) for i, entity in enumerate(entities)]
    groups: list[_Group] = []
    full: dict[str, _Group] = {}
    for order, form in forms:
        if not form.short:
            group = full.get(form.key) or next(
                (full[k] for k in _full_alias_keys(form) if k in full and _compatible(full[k].type, form.entity.type)),
                None)
            if group is None:
                group = _Group(order)
                groups.append(group)
            group.add(form)
            for key in (form.key, *_full_alias_keys(form)):
                full.setdefault(key, group)
    partial, acronyms = _partial_index(groups)
    named = {id(g): (frozenset(g.reports), g.mentions, g.type) for g in groups}  # as the full names left them
    alone: dict[str, _Group] = {}
    for order, form in forms:
        if form.short:
            group = _resolve(form, partial, named) or alone.get(form.key)
            if group is None:
                group = alone[form.key] = _Group(order)
                groups.append(group)
            group.add(form)
    groups.sort(key=lambda g: g.order)
    expansions = {key.lstrip("^"): _display_name(partial[key][0]).lower()
                  for key in acronyms if len(partial[key]) == 1}
    merged, owner, used = [], {}, set()
    for group in groups:
        entity = _story_entity(group, expansions)
        while entity.id in used:
            entity.id += "-2"
        used.add(entity.id)
        merged.append(entity)
        for form in group.forms:
            owner[(form.report, form.entity.key)] = entity.id
    return merged, owner


def _form(report_id: str, entity: Entity) -> _Form:
    name, titles = _clean_name(entity.name, entity.type)
    words = name.split()
    initial = ""
    if entity.type == "PERSON" and len(words) > 1 and all(INITIAL.match(w) for w in words[:-1]):
        initial, name = words[0][0].lower(), words[-1]
    return _Form(report_id, entity, name, name_key(name), titles, initial)


def _is_short_alias(alias: str) -> bool:
    return " " not in name_key(alias) or bool(ACRONYM.match(alias))


def _full_alias_keys(form: _Form) -> list[str]:
    """Keys of the form's full aliases and, for an organisation, of its name in the other order."""
    keys = [name_key(a) for a in form.entity.aliases if not _is_short_alias(a)]
    if form.entity.type in ORGISH:
        keys += [name_key(v) for n in (form.name, *form.entity.aliases) for v in org_name_variants(n)]
    return keys


def _partial_index(groups: list[_Group]) -> tuple[dict[str, list[_Group]], set[str]]:
    """Short keys → the full entities they may stand for: short aliases given in the reports, people's
    surnames, organisations' initials (marked "^") and companies' stems; and which keys are acronyms."""
    index: dict[str, list[_Group]] = defaultdict(list)
    acronyms: set[str] = set()
    for group in groups:
        keys: set[str] = set()
        kind = group.type
        for form in group.forms:
            for alias in form.entity.aliases:
                if _is_short_alias(alias):
                    keys.add(name_key(alias))
                    if ACRONYM.match(alias):
                        acronyms.add(name_key(alias))
            words = form.key.split()
            if kind == "PERSON":
                keys.add(words[-1])
            elif kind in ORGISH:
                for initials in {i for n in (form.name, *org_name_variants(form.name)) for i in org_initials(n)}:
                    keys.add("^" + initials.lower())
                    acronyms.add("^" + initials.lower())
                if len(words) == 2 and words[1] in STEM_SUFFIXES:
                    keys.add(words[0])
        for key in keys:
            index[key].append(group)
    return index, acronyms


def _resolve(form: _Form, partial: dict[str, list[_Group]],
             named: dict[int, tuple[frozenset, int, str]]) -> _Group | None:
    """The full entity a short form stands for: of those that fit, the one in the same report, else the one
    mentioned most, else the first seen."""
    candidates = list(partial.get(form.key, ()))
    if ACRONYM.match(form.name):
        candidates += [g for g in partial.get("^" + form.key, ()) if g not in candidates]
        candidates = [g for g in candidates if named[id(g)][2] != "PERSON"]
    if form.initial:
        candidates = [g for g in candidates if named[id(g)][2] == "PERSON" and any(
            not f.short and f.key[0] == form.initial for f in g.forms)]
    fitting = [g for g in candidates if _compatible(named[id(g)][2], form.entity.type)]
    if not fitting and (form.entity.type not in PLACES or ACRONYM.match(form.name)):
        fitting = candidates  # the small model often takes a bare surname or an acronym for something else
    if not fitting:
        return None
    return max(fitting, key=lambda g: (form.report in named[id(g)][0], named[id(g)][1], [-o for o in g.order]))


def _display_name(group: _Group) -> str:
    """The fullest name: most words, then not all capitals, then most used, then longest."""
    names = Counter(f.name for f in group.forms if not f.short) or Counter(f.name for f in group.forms)
    name = max(names, key=lambda n: (len(n.split()), not n.isupper(), names[n], len(n)))
    return name.title() if name.isupper() and " " in name else name


def _story_entity(group: _Group, expansions: dict[str, str]) -> StoryEntity:
    name = _display_name(group)
    seen = {name_key(name)}
    aliases = set()
    forms = dict.fromkeys((form.name, form.entity.type) for form in group.forms)
    forms.update(dict.fromkeys((a, f.entity.type) for f in group.forms for a in f.entity.aliases))
    for alias, type_ in forms:
        alias = _clean_name(alias, type_)[0]
        key = name_key(alias)
        if key not in seen:
            seen.add(key)
            aliases.add(alias)
    roles = [r for r in dict.fromkeys(r for f in group.forms for r in (*f.titles, *f.entity.roles))
             if r.lower().rstrip(".") not in PLAIN_HONORIFICS]
    return StoryEntity(id=entity_id(name), name=name, type=group.type, aliases=aliases,
                       roles=distinct_roles(roles, expansions), mentions=group.mentions)


def distinct_roles(roles: list[str], expansions: dict[str, str] | None = None) -> list[str]:
    """Roles without the ones another role already says in full ("harbour master" beside "harbour master
    of Port Veyra"; "general secretary of the PVDU" beside the same with the union's name spelt out), compared
    by their words without case, articles and possessives. Of two that say the same, the longer is kept."""
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
    return frozenset(w for w in words if w and w not in ROLE_STOPWORDS)


def _compatible(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in GROUPS)
