"""People, organisations and places in one report: one Entity per referent, with aliases and roles.

spaCy's entities are the candidates; cheap rules fix what the small model misses (a title before a name
makes a person, "X Group"/"Ministry of Y" an organisation, "X-based" and "X, a city" a place). Forms of one
referent merge (surname ↔ full name, acronym ↔ name, "Wagner" ↔ "Wagner Group"), then one regex pass finds
every occurrence of every form.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..model import Entity, EntityType

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
DROPPED_LABELS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# titles that make the following capitalised name a person
PERSON_TITLES = (
    r"Lt\.?", r"Lieut\.", r"Gen\.", r"Col\.", r"Maj\.", r"Capt\.", r"Sgt\.", r"Adm\.", r"Cmdr\.",
    r"Brig\.", r"Cpl\.", r"Pvt\.", r"Dr\.", r"Mr\.?", r"Mrs\.?", r"Ms\.?", r"Prof\.", r"Sen\.",
    r"Rep\.", r"Gov\.", r"Rev\.", r"Supt\.", r"Insp\.", r"Det\.", r"President", r"Vice President",
    r"Prime Minister", r"Deputy Prime Minister", r"(?:Foreign|Defen[cs]e|Interior|Finance|Health) Minister",
    r"Minister", r"Mayor", r"Governor", r"Senator", r"Chancellor", r"Ambassador", r"Judge",
    r"Colonel", r"Lieutenant", r"Captain", r"Sergeant", r"Admiral", r"Commander", r"King", r"Queen",
    r"Prince", r"Princess", r"Pope", r"Sheriff", r"Inspector", r"Detective", r"Congressman",
    r"Congresswoman", r"Councillor", r"Councilman", r"Councilwoman", r"Secretary of State",
    r"Lieutenant General", r"Major General", r"Brigadier General",
)
_TITLE = r"(?:" + "|".join(PERSON_TITLES) + r")"
_NAME_WORD = r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?"
_TITLE_SEQ = rf"(?:{_TITLE}\s+)+"
TITLED_NAME = re.compile(rf"\b(?P<title>{_TITLE_SEQ})(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b")
LEADING_TITLE = re.compile(rf"^{_TITLE_SEQ}")
TRAILING_TITLE = re.compile(rf"\b{_TITLE_SEQ}$")
ORG_WORDS = (
    "Group", "Company", "Corporation", "Corp", "Inc", "Ministry", "Council", "Office", "Agency",
    "Authority", "Party", "Army", "Forces", "Force", "Guard", "Department", "Commission", "Committee",
    "Bank", "Service", "Police", "Navy", "Brigade", "Battalion", "Militia", "Front", "Movement",
    "Union", "Association", "Institute", "University", "Court", "Parliament", "Assembly", "Bureau",
)
ORG_NAME = re.compile(
    r"\b(?:(?:Ministry|Department|Office|Council|Bureau|Commission) of (?:the )?(?:[A-Z][\w’'-]*\s?)+"
    r"|(?:[A-Z][\w-]*\s+){1,4}(?:" + "|".join(ORG_WORDS) + r"))\b"
)
STEM_SUFFIXES = {"Group", "Company", "Corporation", "Movement", "Brigade", "Militia"}
BASED = re.compile(r"\b(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)-based\b")
PLACE_NOUNS = {"city", "town", "village", "capital", "country", "region", "province", "state",
               "port", "district", "county", "island", "suburb", "settlement", "oblast", "hub"}
PLACE_PREPOSITIONS = {"in", "into", "near", "outside", "toward", "towards", "across"}
STOP_INITIALS = {"of", "the", "and", "for", "on", "in", "to", "&"}
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ROLE_LEADERS = {"once", "a", "an", "the", "now", "also", "currently"}


@dataclass
class _Group:
    """The forms of one referent seen so far."""

    forms: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    strong: str | None = None
    roles: list[str] = field(default_factory=list)


def find_entities(doc: Doc) -> list[Entity]:
    """One Entity per person, organisation or place referred to in the report."""
    text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
    candidates = _candidates(doc, text)
    groups: dict[str, _Group] = {}
    for start, end, label, strong in candidates:
        form = text[start:end]
        group = groups.setdefault(_norm(form), _Group())
        group.forms[form] += 1
        group.labels[label] += 1
        if strong:
            group.strong = label
    _apply_place_appositions(doc, text, candidates, groups)
    groups = _merge_forms(groups)
    entities = [_entity(group) for group in groups.values()]
    _find_spans(text, entities)
    _find_roles(doc, text, entities)
    return [e for e in entities if e.spans]


def entity_for(text: str, entities: list[Entity]) -> Entity | None:
    """The entity a name string refers to: full name, surname, acronym or alias, in any case."""
    wanted = _norm(_clean(text))
    if not wanted:
        return None
    for entity in entities:
        if wanted == entity.key or wanted in {_norm(a) for a in entity.aliases}:
            return entity
    for entity in entities:
        words = entity.key.split()
        if len(words) > 1 and entity.type == "PERSON" and wanted == words[-1]:
            return entity
        if wanted == _initials(entity.name).lower() and len(wanted) > 1:
            return entity
    return None


def _norm(form: str) -> str:
    return " ".join(form.replace("’", "'").lower().split())


def _clean(form: str) -> str:
    """Drop a leading "the", a possessive ending and title words: "the Harbor Guard's" → "Harbor Guard"."""
    form = _POSSESSIVE.sub("", _LEADING_THE.sub("", form.strip().strip(",.;:\"“”")))
    return LEADING_TITLE.sub("", form).strip()


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of ``_clean`` applied to text[start:end]."""
    form = text[start:end]
    cleaned = _clean(form)
    if not cleaned:
        return start, start
    offset = form.find(cleaned)
    return start + offset, start + offset + len(cleaned)


def _candidates(doc: Doc, text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, label, strong) spans: rule hits (strong) first, then spaCy entities that don't overlap."""
    rules: list[tuple[int, int, str, bool]] = []
    for match in TITLED_NAME.finditer(text):
        rules.append((match.start("name"), match.end("name"), "PERSON", True))
    for match in ORG_NAME.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        while span is not None and len(span) > 1 and (
            span[0].pos_ not in {"PROPN", "NOUN", "ADJ"} or span[0].ent_type_ in DROPPED_LABELS
            or span[0].is_sent_start and span[0].pos_ != "PROPN"
        ):
            span = span[1:]
        if span is not None and len(span) > 1:
            rules.append((*_clean_span(text, span.start_char, span.end_char), "ORG", True))
    for match in BASED.finditer(text):
        rules.append((*_clean_span(text, match.start("place"), match.end("place")), "GPE", True))
    rules.extend(_untagged_places(doc))
    rules = _non_overlapping(rules)
    taken = [(s, e) for s, e, _, _ in rules]
    found = list(rules)
    for ent in doc.ents:
        if ent.label_ in DROPPED_LABELS:
            continue
        start, end = _clean_span(text, ent.start_char, ent.end_char)
        if end <= start or any(s < end and start < e for s, e in taken):
            continue
        label = ent.label_ if ent.label_ in KEPT_LABELS else "OTHER"
        found.append((start, end, label, False))
    return found


def _non_overlapping(spans: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Keep the earliest, then longest, of overlapping rule spans."""
    kept: list[tuple[int, int, str, bool]] = []
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _untagged_places(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """Capitalised proper nouns the model left untagged after "in"/"into"/"near": places."""
    found = []
    for tok in doc:
        if (tok.pos_ == "PROPN" and tok.ent_iob_ == "O" and tok.is_title and tok.i > 0
                and doc[tok.i - 1].lower_ in PLACE_PREPOSITIONS
                and tok.text not in ORG_WORDS
                and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN")):
            found.append((tok.idx, tok.idx + len(tok), "GPE", False))
    return found


def _apply_place_appositions(doc: Doc, text: str, candidates, groups: dict[str, _Group]) -> None:
    """"Rostov, a southern city": an apposition naming a kind of place makes the name a place."""
    for start, end, _, strong in candidates:
        if strong:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in span.root.children):
            groups[_norm(text[start:end])].strong = "GPE"


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in STOP_INITIALS and w[0].isupper())


def _label(group: _Group) -> str:
    if group.strong:
        return group.strong
    if group.labels["PERSON"] and not any(w in ORG_WORDS for f in group.forms for w in f.split()):
        return "PERSON"
    return group.labels.most_common(1)[0][0]


def _merge_forms(groups: dict[str, _Group]) -> dict[str, _Group]:
    """Fold short forms (surname, acronym, name without "Group") into the one long form they abbreviate."""
    long_forms = [k for k in groups if " " in k]
    by_short: dict[str, list[str]] = {}
    for key in long_forms:
        group = groups[key]
        words = key.split()
        label = _label(group)
        shorts = set()
        if not any(w.capitalize() in ORG_WORDS for w in words):
            shorts.add(words[-1])
        if label in {"ORG", "OTHER", "FAC"} or group.strong == "ORG":
            shorts.add(_initials(max(group.forms, key=group.forms.get)).lower())
            if words[-1].capitalize() in ORG_WORDS:
                shorts.add(" ".join(words[:-1]))
        for short in shorts:
            if short:
                by_short.setdefault(short, []).append(key)
    for short, longs in by_short.items():
        if short not in groups or len(longs) != 1 or short == longs[0]:
            continue
        source, target = groups[short], groups[longs[0]]
        if not _compatible(source, target, short):
            continue
        target.forms.update(source.forms)
        target.labels.update(source.labels)
        target.strong = target.strong or source.strong
        del groups[short]
    return groups


def _compatible(short: _Group, long: _Group, key: str) -> bool:
    """A surname folds into a person's name; an acronym or stem into an organisation's."""
    if short.strong and long.strong and short.strong != long.strong:
        return False
    if short.labels["PERSON"] or long.labels["PERSON"]:
        return True
    return any(f.isupper() for f in short.forms) or _label(short) in {"ORG", "OTHER", "FAC"}


def _entity(group: _Group) -> Entity:
    name = max(group.forms, key=lambda f: (len(f.split()), group.forms[f], f[:1].isupper()))
    aliases, seen = [], {_norm(name)}
    for form in group.forms:
        if _norm(form) not in seen:
            seen.add(_norm(form))
            aliases.append(form)
    label: EntityType = _label(group)  # type: ignore[assignment]
    return Entity(key=_norm(name), name=name, type=label, aliases=aliases)


def _find_spans(text: str, entities: list[Entity]) -> None:
    """Every occurrence of every form, in one regex pass; forms shared by two entities are skipped."""
    owner: dict[str, Entity | None] = {}
    for entity in entities:
        for form in [entity.name, *entity.aliases, *_stems(entity)]:
            key = _norm(form)
            owner[key] = entity if owner.get(key, entity) is entity else None
    forms = [f for e in entities for f in [e.name, *e.aliases, *_stems(e)] if owner.get(_norm(f)) is e]
    if not forms:
        return
    forms.sort(key=len, reverse=True)
    parts = [f"(?i:{re.escape(f)})" if " " in f else re.escape(f) for f in forms]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
    for match in pattern.finditer(text):
        entity = owner.get(_norm(match.group(0)))
        if entity is not None:
            entity.spans.append((match.start(), match.end()))
            if match.group(0) != entity.name and _norm(match.group(0)) == entity.key:
                continue
            if match.group(0) not in entity.aliases and match.group(0) != entity.name:
                entity.aliases.append(match.group(0))


def _stems(entity: Entity) -> list[str]:
    """ "Osmund" for "Osmund Group": a one-word stem that the text may use alone."""
    words = entity.name.split()
    if entity.type == "ORG" and len(words) == 2 and words[1] in STEM_SUFFIXES and words[0].istitle():
        return [words[0]]
    return []


def _find_roles(doc: Doc, text: str, entities: list[Entity]) -> None:
    """Roles from the title before a name ("Mayor") and from appositions (", head of the port authority,")."""
    for entity in entities:
        roles: list[str] = []
        for start, end in entity.spans:
            title = TRAILING_TITLE.search(text, max(0, start - 60), start)
            if title and entity.type == "PERSON":
                roles.append(" ".join(title.group(0).split()))
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                roles.extend(_appositions(doc, span))
        for role in roles:
            if role not in entity.roles and _norm(role) != entity.key:
                entity.roles.append(role)


def _appositions(doc: Doc, span: Span) -> list[str]:
    """Appositive phrases describing the span: "X, the deputy chief of Y," / "the mayor, X,"."""
    root = span.root
    roles = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.pos_ in {"NOUN", "ADJ"}:
            roles.append(_role_text(doc, child.left_edge.i, child.right_edge.i + 1))
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN":
        roles.append(_role_text(doc, root.head.left_edge.i, span.start))
    return [r for r in roles if r]


def _role_text(doc: Doc, start: int, end: int) -> str:
    """Trim a role phrase: no leading article/"once", stop at a comma or clause, at most 12 words."""
    while start < end and (doc[start].lower_ in _ROLE_LEADERS or doc[start].is_punct):
        start += 1
    stop = start
    while stop < end and not (doc[stop].text in {",", ";", "(", "—", "–"} or doc[stop].dep_ == "relcl" or doc[stop].tag_ in {"WDT", "WP", "WP$"}):
        stop += 1
    while stop > start and doc[stop - 1].is_punct:
        stop -= 1
    if stop - start > 12:
        return ""
    return doc[start:stop].text
