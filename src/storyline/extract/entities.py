"""People, organisations and places in one report: one Entity per referent, with aliases and roles.

spaCy's entities are the candidates; cheap rules fix what the small model misses: a title before a name
makes a person ("Transport Minister Ida Kern"), "X Group"/"X Logistics"/"Ministry of Y and Z" an
organisation (kept whole across "and"/"of"), "Terminal 4"/"Eastern Docks" a facility, "the X district",
"the village of X", "X, a fishing village" and "X Hill" a place, the dateline's names places. Entities the model runs across a preposition are split.
Forms of one referent merge (surname ↔ full name, "NAME (ACRONYM)", initials, "Osmund" ↔ "Osmund Group",
"Department of Ports" ↔ "Ports Department" ↔ "DOP", and "the Department" when one organisation has that head),
"Marren Blue Foxes" ↔ "Blue Foxes" (a name's two last words, not a person's), and a tagged "Kern and Tamm" is two
names when the report uses both apart; then one regex pass finds every occurrence of every form, either
apostrophe matching either; "the bureau",
"the agency" count as occurrences of the one organisation the report names with that head noun.
The page around the story is read with care (``page.py``): a name in the headline counts only when the body
names it too (Title Case makes "Kern Urges" a person), and chrome lines (a byline, a banner in capitals, "Follow
Ida Kern on Twitter", a photo credit) give no entity and no occurrence. A one-word name the tagger reads as an
adverb, verb, pronoun or number wherever it stands (a quote opening with "Realistically") is no entity; a web
service ("Twitter") is never a person; a party's adjective run into a chamber or an outlet's acronym ("Republican
House", "ABC Democratic") is left out of the name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from .nlp import TITLE_PLURALS, doc_text
from ..link.entities import (STATE_ABBREVIATIONS, TITLE_WORDS, US_STATES, from_capitals, org_initials,
                             org_name_variants, plural_s)
from ..model import Entity, EntityType
from .dateline import dateline_end, dateline_span
from .body_kinds import MEDIA
from .role_heads import PERSON_NOUNS, fits_type, org_noun, person_noun
from .given_names import FEMALE, MALE
from .name_variants import misspelt_surname, nickname_of
from .people_nouns import is_people_noun
from .surnames import share_surnames
from .named_days import NAMED_WEEKDAY
from .page import HEADLINE_LABELS, chrome_spans, headline_span, is_title_case

COMPANY_WORDS = ("Logistics", "Holdings", "Shipping", "Ltd", "Limited", "Inc", "Corp", "LLC", "PLC",
                 "GmbH", "Industries", "Airlines", "Airways", "Enterprises", "Trading", "Partners",
                 "Technologies", "Haulage", "Freight", "Lines", "Motors", "Pharmaceuticals")
KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
DROPPED_LABELS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# titles that make the following capitalised name a person
PERSON_TITLES = (
    r"Lt\.?", r"Lieut\.", r"Gen\.", r"Col\.", r"Maj\.", r"Capt\.", r"Sgt\.", r"Adm\.", r"Cmdr\.",
    r"Brig\.", r"Cpl\.", r"Pvt\.", r"Dr\.", r"Mr\.?", r"Mrs\.?", r"Ms\.?", r"Prof\.", r"Sen\.",
    r"Rep\.", r"Gov\.", r"Rev\.", r"Supt\.", r"Insp\.", r"Det\.", r"President", r"Vice President",
    r"Sens\.", r"Reps\.", r"Govs\.", r"Drs\.", r"Gens\.",  # plural, before two or more names (extract/nlp.py)
    r"Prime Minister", r"Deputy Prime Minister", r"(?:Foreign|Defen[cs]e|Interior|Finance|Health) Minister",
    r"Minister", r"Mayor", r"Governor", r"Senator", r"Chancellor", r"Ambassador", r"Judge",
    r"Colonel", r"Lieutenant", r"Captain", r"Sergeant", r"Admiral", r"Commander", r"King", r"Queen",
    r"Prince", r"Princess", r"Pope", r"Sheriff", r"Inspector", r"Detective", r"Congressman",
    r"Congresswoman", r"Councillor", r"Councilman", r"Councilwoman", r"Secretary of State",
    r"Lieutenant General", r"Major General", r"Brigadier General", r"Lieutenant Commander",
    r"Chief Prosecutor", r"Prosecutor", r"Fire Chief", r"Police Chief", r"Chief Inspector",
    r"Chief Executive", r"Director", r"Commissioner", r"Superintendent", r"[Hh]arbou?r [Mm]aster",
    r"Secretary", r"General Secretary", r"Spokesman", r"Spokeswoman",
)
# "Transport Minister", "Deputy Mayor": one capitalised word before a head title is part of the title
TITLE_HEADS = r"(?:Minister|Secretary|Prosecutor|Chief|Commander|Mayor|Director|Commissioner|Governor)"
_TITLE = r"(?:[A-Z][a-z]+\s+" + TITLE_HEADS + "|" + "|".join(PERSON_TITLES) + r")"
_NAME_WORD = r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?"
_TITLE_SEQ = rf"(?:{_TITLE}\s+)+"
# a middle or leading initial, or initials written together: "Mayor Ida J. Kern", "Judge R. Ida Kern", "Gov. C.L.
# Kern"
_INITIAL = r"(?:[A-Z]\.){1,3}\s+"
# a nickname in quotes between the given name or initials and the surname: 'Gov. C.L. "Butch" Kern'
_NICKNAME = r"[\"“][A-Z][a-z]+[\"”]\s+"
# a lower-case particle inside the name: "Mayor Ida van Kern", "Col. Omar el-Rami"
_PARTICLE = r"(?:(?:al|el|bin|ibn|van|von|de|da|di|du|del|der|den|la|le)\s+|(?:al|el)-)"
TITLED_NAME = re.compile(
    rf"\b(?P<title>{_TITLE_SEQ})(?P<name>(?:{_INITIAL}(?:{_NICKNAME})?)?{_NAME_WORD}"
    rf"(?:\s+(?:{_INITIAL}|{_PARTICLE}|{_NICKNAME})?{_NAME_WORD}){{0,2}})\b")
LEADING_TITLE = re.compile(rf"^{_TITLE_SEQ}")
OFFICE_GENERAL = re.compile(r"General\b")  # "Prosecutor General", "Inspector General": the title of an office
TRAILING_TITLE = re.compile(rf"\b{_TITLE_SEQ}$")
# offices written as a title before a person's name that are read as roles only (not as marks of a person's
# name): "Attorney General Ida Kern", "House Speaker Ida Kern", "Rules Committee Chairman Ida Kern"
ROLE_TITLES = (r"Attorney General", r"Solicitor General", r"Speaker", r"Chairman", r"Chairwoman",
               r"Chairperson", r"Chair", r"Leader")
_ROLE_TITLE = r"(?:" + "|".join(ROLE_TITLES) + r")"
TRAILING_ROLE_TITLE = re.compile(rf"\b(?:(?:{_TITLE}|{_ROLE_TITLE})\s+)*{_ROLE_TITLE}\s+(?:{_TITLE}\s+)*$")
ORG_WORDS = (
    "Group", "Company", "Corporation", "Corp", "Inc", "Ministry", "Council", "Office", "Agency",
    "Authority", "Party", "Army", "Forces", "Force", "Guard", "Department", "Commission", "Committee",
    "Bank", "Service", "Police", "Navy", "Brigade", "Battalion", "Militia", "Front", "Movement",
    "Union", "Association", "Institute", "University", "Court", "Parliament", "Assembly", "Bureau",
    "Guild", "Federation", "Foundation", "Society", "Alliance", "Coalition", "Organisation", "Organization",
    "Trust", "Board", "Administration", "Directorate", "Tribunal", "Syndicate", "Cooperative",
    *COMPANY_WORDS,
)
_CAP = r"[A-Z][\w’'-]*"
_SP = r"[ \t\xa0]+"  # the words of one name stay on one line: a byline's name does not run into the body's
# capitalised words, which may be joined by "and"/"of"/"for"/"&" inside one name
_CAP_RUN = rf"{_CAP}(?:{_SP}(?:(?:and|&|of|for){_SP}(?:the{_SP})?)?{_CAP})*"
# heads that a name may continue after with "of": "Federal Bureau of Investigation", "State Bank of Kelvar"
OF_HEADS = ("Ministry", "Department", "Office", "Council", "Bureau", "Commission", "Institute", "Bank", "Agency",
            "Administration", "Board")
# heads that a name may continue after with its subject, "on"/"for"/"of" and capitalised words: "Council on
# Harbour Relations", "Kelvar Institute for Coastal Policy", "Center for Strategic and Maritime Studies", "the
# Board on Professional Conduct", "Project on Port Secrecy", "National Association of Ferry Operators"
SUBJECT_HEADS = ("Council", "Commission", "Committee", "Institute", "Center", "Centre", "Project", "Board",
                 "Association", "Foundation", "Coalition", "Alliance", "Society", "Fund", "League", "Office",
                 "Department", "Bureau")
_SUBJECT = rf"{_SP}(?:of|on|for){_SP}(?:the{_SP})?{_CAP}(?:{_SP}(?:(?:and|&){_SP})?{_CAP}){{0,3}}"
ORG_NAME = re.compile(
    rf"\b(?:(?:[Tt]he\s+)?(?:(?:Ministry|Department|Office|Council|Bureau|Commission|University|Institute|Bank|"
    rf"Court|Federation|Association|Academy) of|(?:{'|'.join(SUBJECT_HEADS)}) (?:on|for)) (?:the )?{_CAP_RUN}"
    rf"|(?:{_CAP}{_SP}(?:(?:and|&|of|for){_SP})?){{1,5}}"
    rf"(?:(?:{'|'.join(OF_HEADS)})(?:{_SUBJECT})?|(?:{'|'.join(SUBJECT_HEADS)}){_SUBJECT}"
    rf"|" + "|".join(ORG_WORDS) + r"))\b(?!\s+\d)"
)
FAC_WORDS = (
    "Docks", "Dock", "Terminal", "Warehouse", "Pier", "Wharf", "Quay", "Quays", "Berth", "Airport", "Station",
    "Bridge", "Hall", "Stadium", "Arena", "Street", "Road", "Avenue", "Square", "Lane", "Boulevard",
    "Highway", "Plant", "Refinery", "Prison", "Tower", "Building", "Dam", "Canal", "Tunnel", "Gate",
    "Hangar", "Depot", "Shed", "Yard", "Mine",
)
LOC_WORDS = ("Hill", "Hills", "Mountain", "Mountains", "River", "Valley", "Bay", "Sea", "Lake", "Island",
             "Islands", "Coast", "Peninsula", "Gulf", "Strait", "Forest", "Desert")
_FAC_OR_LOC = "|".join(FAC_WORDS + LOC_WORDS)
# "Eastern Docks", "Terminal 4", "Saltmarsh Hill": facilities and natural places by their head word
FAC_NAME = re.compile(
    rf"\b(?:(?:{_CAP}{_SP}){{1,3}}(?P<head>{_FAC_OR_LOC})\b(?:\s+\d+[A-Z]?\b)?"
    rf"|(?P<numbered>{'|'.join(FAC_WORDS)})\s+\d+[A-Z]?\b)"
)
# "the Oldmoor district": a capitalised name before a word for a part of a town or country
DISTRICT = re.compile(
    rf"\bthe\s+(?P<place>{_CAP}(?:\s+{_CAP})?)\s+(?:district|neighbou?rhood|quarter|area|suburb|estate|"
    r"region|province|valley)\b"
)
# a court's district, named by its quarter of a state ("the Northern District of Kelvar", "… of New York"): one
# name, not a "Northern District" and a state; the second word only where the two are a state's name
COURT_DISTRICT = re.compile(rf"\b(?:Northern|Southern|Eastern|Western|Middle|Central){_SP}District{_SP}of{_SP}"
                            rf"(?P<one>{_CAP})(?P<two>{_SP}{_CAP})?\b")
# an electoral district numbered within its state ("Kelvar's 3rd Congressional District"): one name, with its state
NUMBERED_DISTRICT = re.compile(rf"(?<![\w’'-])(?P<place>{_CAP}(?:{_SP}{_CAP})?)['’]s{_SP}\d+(?:st|nd|rd|th)"
                               rf"{_SP}(?:{_CAP}{_SP}){{0,2}}[Dd]istrict\b")
_SETTLEMENTS = r"(?:village|town|city|port|district|region|province|county|hamlet|municipality|capital|island)"
# "the village of Marren", "the port city of Dravenport": the name of a kind of place is a place
PLACE_OF = re.compile(rf"\bthe\s+(?:[a-z]+\s+)?{_SETTLEMENTS}\s+of\s+(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}})")
# "Marren, a fishing village": a name set beside a kind of place (the noun must head its phrase)
PLACE_APPOSED = re.compile(
    rf"(?<![\w’'-])(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}}),\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}"
    rf"(?P<noun>{_SETTLEMENTS})\b")
# a state after a name and a comma ("Hampstead, New Hampshire, …", "Kelvar, Calif."): the name is a town's
_STATE = "|".join(sorted([*(" ".join(w.capitalize() for w in state.split()) for state in US_STATES),
                          *(rf"{a.capitalize()}\." for a in STATE_ABBREVIATIONS),
                          r"N\.[HJMCD]\.", r"S\.[CD]\.", r"R\.I\.", r"W\.Va\."], key=len, reverse=True))
_TOWN = rf"(?:(?:St|Ste|Ft|Mt)\.{_SP})?{_CAP}(?:{_SP}{_CAP}){{0,2}}"  # "St. Paul", "Mission Viejo"
PLACE_IN_STATE = re.compile(
    rf"(?<![\w’'.-])(?P<place>{_TOWN}),{_SP}(?P<state>{_STATE})(?=\s*[,;:.)\n—–]|\s*$)")
# "Kelvar, home to 22 registered voters": a name described as a home to people or things is a place
# a broadcaster's call letters and the town it serves: "told WKAR-TV of Marren", "KXLO in Oldmoor"
STATION_OF = re.compile(
    rf"(?<![\w’'.-])[KW][A-Z]{{2,3}}(?:-(?:TV|FM|AM|DT))?{_SP}(?:of|in){_SP}(?P<place>{_TOWN})")
HOME_TO = re.compile(rf"(?<![\w’'.-])(?P<place>{_TOWN}),{_SP}(?:the{_SP})?home{_SP}(?:to|of){_SP}")
DATELINE_PART = re.compile(r"[A-Z][\w'’.\-]*(?:\s+[A-Z0-9][\w'’.\-]*)*")
MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
# "… Service (KFAS)", "the Kelvar Front, or KF,": an acronym given for the name just before it
_ACRONYM = r"[A-Z][A-Za-z]?[A-Z]{1,8}"
ACRONYM_AFTER = re.compile(rf"\s*\((?P<acronym>{_ACRONYM})\)|,\s+(?:or|also\s+known\s+as|known\s+as)\s+(?:the\s+)?"
                           rf"(?P<alternative>{_ACRONYM})(?=\s*[,;:.)—–]|\s*$)")
STEM_SUFFIXES = {"Group", "Company", "Corporation", "Movement", "Brigade", "Militia", *COMPANY_WORDS}
# single capitalised common nouns the model tags as names ("Harbour master", "Warehouse 9" split)
GENERIC_WORDS = {w.lower() for w in FAC_WORDS + LOC_WORDS} | {
    "harbour", "harbor", "port", "city", "government", "ministry", "police", "union", "company",
    "council", "court", "army", "navy", "state", "capital",
}
# an organisation's head noun that a report may use alone for it ("the bureau", "the Department"), when the
# report names one organisation with that head only
GENERIC_HEADS = {"agency", "bureau", "department", "ministry", "commission"}
MEASURE_OR_PLACE_START = re.compile(r"^(?:about|some|around|nearly|almost|roughly|just|more|less|over|"
                                    r"under|only|\d|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                                    re.IGNORECASE)
BASED = re.compile(r"\b(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)-based\b")
PLACE_NOUNS = {"city", "town", "village", "capital", "country", "region", "province", "state",
               "port", "district", "county", "island", "suburb", "settlement", "oblast", "hub"}
VESSEL_NOUNS = {"ship", "tanker", "vessel", "ferry", "freighter", "trawler", "boat", "yacht", "barge",
                "tug", "carrier", "frigate", "destroyer", "submarine", "liner"}
PLACE_PREPOSITIONS = {"in", "into", "near", "outside", "toward", "towards", "across"}
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’‘]s|['’])$")  # ‘ too: some archives print it for the apostrophe
RESIDENT_NOUNS = {"resident", "inhabitant", "villager", "family", "household", "home", "street", "neighbour",
                  "neighbor", "townspeople", "shopkeeper"}
JOINERS = {"of", "and", "&", "for"}
# lower-case particles inside a person's name ("Ada al-Rami", "Piet van Dorn"): not a break in the name
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "da", "di", "du", "del", "der", "den",
                  "la", "le", "dos", "das", "ter"}
AMBIGUOUS_SURNAMES = {"Hill", "Hall", "Lane", "Gate", "Bridge", "Lake", "Tower", "Street", "Wharf"}
_ROLE_LEADERS = {"once", "a", "an", "the", "now", "also", "currently"}
# a common given name opening a short name makes it a person's, whatever the tagger said ("Ada Brook" as an
# organisation); not the given names that are also places' names
GIVEN_NAMES = (FEMALE | MALE) - {"virginia", "victoria", "georgia", "florence", "austin", "jackson", "lincoln"}
_NOT_PERSON_WORDS = {*ORG_WORDS, *FAC_WORDS, *LOC_WORDS, "University", "College", "School", "Foundation", "Center",
                     "Centre", "Prize", "Award", "Act", "Law", "Fund", "Street", "Day", "Show", "News", "Times", "Post"}


@dataclass
class _Group:
    """The forms of one referent seen so far."""

    forms: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    strong: str | None = None
    roles: list[str] = field(default_factory=list)
    aside: set = field(default_factory=set)  # forms never chosen as the name (a nickname)


def find_entities(doc: Doc) -> list[Entity]:
    """One Entity per person, organisation or place referred to in the report."""
    text = doc_text(doc)
    begin = dateline_end(text)
    chrome = chrome_spans(text)
    later = None if begin else dateline_span(text)  # a dateline after the headline or byline
    candidates = _on_the_page(text, _candidates(doc, text, begin, later), chrome, headline_span(text, chrome))
    candidates = _join_titles_with_and(doc, text, _split_pairs(text, candidates))
    candidates = [c for c in candidates if not _in_named_weekday(text, c[0], c[1])]
    groups: dict[str, _Group] = {}
    for start, end, label, strong in candidates:
        form = text[start:end]
        label = _building_not_event(form, label)
        group = groups.setdefault(_norm(form), _Group())
        group.forms[form] += 1
        if label:
            group.labels[label] += 1
        if strong and not group.strong:
            group.strong = label
    _apply_place_appositions(doc, text, candidates, groups)
    described = _described_types(doc, text, candidates, groups, begin)
    groups = _merge_forms(groups, _acronyms(text, candidates))
    _merge_variants(groups)
    _apply_described_types(groups, described)
    _type_surnames(groups)
    _type_faiths(groups)
    _type_people_nouns(doc, text, candidates, groups)
    _type_peoples_by_plural(doc, text, candidates, groups)
    entities = [_entity(group) for group in groups.values()]
    _find_spans(text, entities, chrome)
    entities = share_surnames(doc, text, entities)
    _find_roles(doc, text, entities, begin)
    _find_generic_references(doc, entities, begin, chrome)
    return [e for e in entities if e.spans and not _common_word(doc, text, e) and not _not_a_name_word(doc, e)
            and not _adjective_by_form(e) and not _one_word_quote(doc, e)]


def _in_named_weekday(text: str, start: int, end: int) -> bool:
    """ "Super" of "Super Tuesday", "Palm" of "Palm Sunday": a piece of a day's name, no place or name."""
    line_start = text.rfind("\n", 0, start) + 1
    return any(m.start() <= start and end <= m.end() and (start, end) != m.span()
               for m in NAMED_WEEKDAY.finditer(text, line_start, end + 11))


BUILDING_WORDS = frozenset((*FAC_WORDS, "Center", "Centre", "Towers", "Plaza", "Mall", "Hotel", "Church",
                            "Mosque", "Synagogue", "Temple", "Cathedral", "Embassy", "Consulate"))


def _building_not_event(form: str, label: str) -> str:
    """A building's name that the tagger calls an event because an event is named after it ("the Harbour
    Trade Center bombing"): a facility."""
    words = form.split()
    return "FAC" if label == "EVENT" and len(words) > 1 and words[-1] in BUILDING_WORDS else label


# two names joined by "and" in one tagged span: "Kern and Tamm", "the Gulls and the Otters"
_PAIR = re.compile(rf"(?P<left>{_CAP}(?:{_SP}{_CAP}){{0,2}}){_SP}(?:and|&){_SP}(?:the{_SP})?"
                   rf"(?P<right>{_CAP}(?:{_SP}{_CAP}){{0,2}})")


def _split_pairs(text: str, candidates: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """A tagged span that joins two names the report also uses apart ("Kern and Tamm" where it names Ida
    Kern and Olek Tamm, "Gulls and Otters" beside "the Gulls"): the two names, each with the span's label. A
    name of its own with "and" inside ("Kelvar Fish and Game", a rule's organisation) is left whole unless
    both its halves are names of the report."""
    known = set()
    for start, end, _, _ in candidates:
        words = _norm(text[start:end]).split()
        known.add(" ".join(words))
        if len(words) > 1:
            known.add(words[-1])
    found = []
    for candidate in candidates:
        start, end, label, strong = candidate
        pair = None if strong else _PAIR.fullmatch(text, start, end)
        if pair and _norm(pair["left"]) in known and _norm(pair["right"]) in known:
            found.append((pair.start("left"), pair.end("left"), label, False))
            found.append((pair.start("right"), pair.end("right"), label, False))
        else:
            found.append(candidate)
    return found


_AND = re.compile(r"[ \t\xa0]+(?:and|&)[ \t\xa0]+")


def _join_titles_with_and(doc: Doc, text: str, candidates: list[tuple[int, int, str, bool]]
                          ) -> list[tuple[int, int, str, bool]]:
    """A name joined by "and" or "&" to a capitalised plural of a people noun that the tagger took apart
    ("Ostra and Friends", a show; "Kern & Sons", a firm): one name. "Friends" or "Partners" is a word of the
    title, not a name of its own."""
    by_start = {c[0]: c for c in candidates if not c[3]}
    joined: dict[tuple, tuple[int, int, str, bool]] = {}
    for left in candidates:
        after = _AND.match(text, left[1])
        right = by_start.get(after.end()) if after and not left[3] else None
        if right is None or right in joined or left in joined or "NORP" in {left[2], right[2]}:
            continue  # "Kelvarians and Democrats": two peoples
        span = doc.char_span(right[0], right[1], alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].is_title and _plural_of_kin(span[0].lower_):
            joined[left] = (left[0], right[1], left[2] or right[2], False)
            joined[right] = None
    return [joined.get(c, c) for c in candidates if joined.get(c, c) is not None]


def _plural_of_kin(word: str) -> bool:
    """ "friends", "sons", "partners": the plural of a noun for people."""
    return plural_s(word) and word[:-1] in PERSON_NOUNS


def _common_word(doc: Doc, text: str, entity: Entity) -> bool:
    """A one-word organisation or other thing capitalised only for opening its sentences ("Outright, he
    won …"), a word the report also writes in lower case: no name."""
    if entity.type == "PERSON" or entity.aliases or " " in entity.name or entity.name.isupper():
        return False
    tokens = []
    for start, end in entity.spans:
        token = doc.char_span(start, end, alignment_mode="expand")
        if token is None or not _opens_sentence(token[0]):
            return False
        tokens.append(token[0])
    if all(t.tag_ in COMMON_NOUN_TAGS for t in tokens):
        return True  # read as a common noun wherever it opens a sentence or a quote ('"Vetting is …"')
    return re.search(rf"(?<![\w'’-]){re.escape(entity.name.lower())}(?![\w'’-])", text) is not None


COMMON_NOUN_TAGS = frozenset(("NN", "NNS"))


def _opens_sentence(token: Token) -> bool:
    """A word first in its sentence, or after nothing but a quote mark or a bracket ('"Outright, …')."""
    first = token.i
    while first > 0 and not token.doc[first].is_sent_start and token.doc[first - 1].is_punct:
        first -= 1
    return bool(token.doc[first].is_sent_start)


def _one_word_quote(doc: Doc, entity: Entity) -> bool:
    """A one-word name that is only ever a whole quote by itself ('"Meh," wrote a reader'): a word said, not a
    name. Names with aliases and acronyms are kept."""
    if entity.aliases or " " in entity.name or entity.name.isupper() or not entity.spans:
        return False
    for start, end in entity.spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        i = span[0].i
        if i == 0 or doc[i - 1].tag_ != "``":
            return False
        after = i + 1
        while after < len(doc) and doc[after].is_punct and doc[after].tag_ != "''":
            after += 1
        if after >= len(doc) or doc[after].tag_ != "''":
            return False
    return True


# tags of words that are no noun or adjective: an adverb, a verb, an interjection, a pronoun, a number
NOT_NAME_TAGS = frozenset(("RB", "RBR", "RBS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "UH", "PRP", "PRP$", "CD",
                           "DT", "IN", "MD", "CC", "WDT", "WP", "WRB"))


# an adjective alone names no thing: an ad or a speech titled "Reckless" is its words, not an entity (places and
# bodies the tagger reads as adjectives, "Malibu", keep their names)
ADJECTIVE_TAGS = frozenset(("JJ", "JJR", "JJS"))


def _not_a_name_word(doc: Doc, entity: Entity) -> bool:
    """A one-word name that the tagger reads everywhere as an adverb, a verb, a pronoun or a number: a word
    capitalised for opening a quote ('"Realistically, …"') or a headline-like line ("Bush: Survive to …"),
    which the sentence-opening test misses because a quote mark or a colon comes first; or a bare number. Nouns
    and adjectives are left alone: the small tagger reads many rare names as nouns ("Interpol", the "Jaguars")
    or adjectives ("Malibu"). Acronyms, peoples and names with aliases are kept."""
    if entity.type == "NORP" or entity.aliases or " " in entity.name or entity.name.isupper():
        return False
    tags = NOT_NAME_TAGS | ADJECTIVE_TAGS if entity.type == "OTHER" else NOT_NAME_TAGS
    for start, end in entity.spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span[0].tag_ not in tags:
            return False
    return True


# endings only an adjective has ("Kelvaresque", "Islamophobic", "Biblical", "Famous"); not "-ic", "-ive" or
# "-able", which names have ("Atlantic", "Progressive", "Constable")
ADJECTIVE_ENDINGS = ("esque", "phobic", "ical", "ous", "ful", "less")


def _adjective_by_form(entity: Entity) -> bool:
    """A one-word name with an adjective's ending that the tagger calls a body, a place or a thing ("his
    Kelvaresque remarks", "Islamophobic rhetoric"): no entity. People and peoples are left alone."""
    return (entity.type not in {"PERSON", "NORP"} and " " not in entity.name and not entity.aliases
            and not entity.name.isupper() and entity.name.lower().endswith(ADJECTIVE_ENDINGS))


def entity_for(text: str, entities: list[Entity]) -> Entity | None:
    """The entity a name string refers to: full name, surname, acronym or alias, in any case."""
    wanted = _norm(_clean(text))
    if not wanted:
        return None
    named = [e for e in entities if wanted == e.key or wanted in {_norm(a) for a in e.aliases}]
    if named:  # a surname two people of the report share: the one it stands for most often
        return max(named, key=lambda e: (wanted == e.key, len(e.spans)))
    for entity in entities:
        words = entity.key.split()
        if len(words) > 1 and entity.type == "PERSON" and wanted == words[-1]:
            return entity
        if wanted in {i.lower() for i in org_initials(entity.name)}:
            return entity
    return None


def _norm(form: str) -> str:
    return " ".join(form.replace("’", "'").lower().split())


def _clean(form: str) -> str:
    """Drop a leading "the", a possessive ending and title words: "the Harbor Guard's" → "Harbor Guard"; not
    the title of an office ("Prosecutor General's Office", "the Inspector General")."""
    form = _POSSESSIVE.sub("", _LEADING_THE.sub("", form.strip().strip(",.;:\"“”").rstrip(" -–—")))
    title = LEADING_TITLE.match(form)
    if title is None or OFFICE_GENERAL.match(form, title.end()):
        return form.strip()
    return form[title.end():].strip()


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of ``_clean`` applied to text[start:end]."""
    form = text[start:end]
    cleaned = _clean(form)
    if not cleaned:
        return start, start
    offset = form.find(cleaned)
    return start + offset, start + offset + len(cleaned)


def _candidates(doc: Doc, text: str, begin: int, later: tuple[int, int] | None = None
                ) -> list[tuple[int, int, str, bool]]:
    """(start, end, label, strong) spans: rule hits (strong) first, then the parts of spaCy entities that
    rules don't cover. Label "" means the span names something but casts no vote on its type. A dateline
    opening a later line (``later``, "MARREN, Ostravia - " under the headline) gives places as one at the
    start does: its capitals are no organisation."""
    rules: list[tuple[int, int, str, bool]] = []
    titles: list[tuple[int, int]] = []  # "Health Minister" before a name: its words name an office, no body
    for match in TITLED_NAME.finditer(text, begin):
        if OFFICE_GENERAL.match(text, match.start("name")):
            continue  # "Prosecutor General", "Attorney General": an office, not a title before a name
        rules.append((match.start("name"), match.end("name"), "PERSON", True))
        titles.append((match.start(), match.start("name")))
    for match in ORG_NAME.finditer(text, begin):
        span = _trim_org(doc, match.start(), match.end())
        if span is not None:
            rules.append((*_clean_span(text, span.start_char, span.end_char), "ORG", True))
    for match in FAC_NAME.finditer(text, begin):
        rules.extend(_facility(doc, text, match))
    for match in DISTRICT.finditer(text, begin):
        rules.append((match.start("place"), match.end("place"), "LOC", True))
    for match in COURT_DISTRICT.finditer(text, begin):
        state = match.group("one") + (match.group("two") or "")
        end = match.end() if _norm(state) in US_STATES else match.end("one")
        rules.append((match.start(), end, "LOC", True))
    for match in NUMBERED_DISTRICT.finditer(text, begin):
        start = match.start()
        first = text[start:match.end("place")].split()[0]
        if first.lower() in STOP_WORDS:  # "In Kelvar's 3rd District": the sentence's first word is not the state's
            start += len(first)
            while text[start].isspace():
                start += 1
        if start < match.end("place"):
            rules.append((start, match.end(), "LOC", True))
    for match in PLACE_OF.finditer(text, begin):
        rules.append((match.start("place"), match.end("place"), "GPE", True))
    rules.extend(_apposed_places(doc, text, begin))
    for match in BASED.finditer(text, begin):
        rules.append((*_clean_span(text, match.start("place"), match.end("place")), "GPE", True))
    rules.extend(_untagged_places(doc, begin))
    rules.extend(_places_by_context(doc, text, begin))
    rules = _non_overlapping(rules)
    rules[:0] = _dateline_places(text, 0, begin)
    if later is not None:
        rules = sorted(rules + _dateline_places(text, *later), key=lambda r: r[0])
        rules = [r for r in rules if not (later[0] <= r[0] < later[1]) or r[3] and r[2] == "GPE"]
    starts = [s for s, _, _, _ in rules]
    found = list(rules)
    lower_words = {tok.text for tok in doc if tok.is_lower and tok.is_alpha}
    places = {_norm(ent.text).replace(".", "") for ent in doc.ents if ent.label_ in {"GPE", "LOC"}}
    for ent in doc.ents:
        if ent.label_ in DROPPED_LABELS or any(s <= ent.start_char and ent.end_char <= e for s, e in titles):
            continue
        label = ent.label_ if ent.label_ in KEPT_LABELS else "OTHER"
        strong = False
        opens = 0 if ent.start_char < begin else later[0] if later and later[0] <= ent.start_char < later[1] else None
        if opens is not None:  # the dateline: places (taken above), then the outlet in parentheses
            if "(" not in text[opens:ent.start_char]:
                continue
            label = "ORG"
        elif _names_residents(ent) and ent.label_ != "PERSON":  # "the Kern family" is a person's
            label, strong = "LOC", True
        if (label not in {"GPE", "LOC", "NORP", "PERSON"} and len(ent) <= 2
                and OFFICE_OF.search(text, max(0, ent.start_char - 30), ent.start_char)):
            continue  # "Secretary of Defense": the office's words, no body ("Defense Ida Kern" is left to the rules)
        pair = _place_pair(text, ent.start_char, ent.end_char, places)
        if pair:
            found.extend((*_clean_span(text, start, end), "GPE", False) for start, end in pair)
            continue
        pieces = _pieces(text, ent, _overlapping(rules, starts, ent.start_char, ent.end_char))
        for start, end in pieces:
            start, end = _clean_span(text, start, end)
            whole = len(pieces) == 1 and (start, end) == _clean_span(text, ent.start_char, ent.end_char)
            start, end = _without_party(text, start, end)
            if label in {"GPE", "LOC"}:
                end = _without_year(text, start, end)
            start = _from_given_name(text, start, end, lower_words)
            form = text[start:end]
            if end <= start or " " not in form and form.lower() in GENERIC_WORDS:
                continue
            if (whole and " " in form and label in {"PERSON", "ORG", "FAC"} and _quoted_title(text, start, end)
                    and not _given_name_first(form)):
                label = "OTHER"  # “Harbour Nights”, a show: a work, no person (a vote, as the tagger's label is)
            found.append((start, end, label if whole else "", strong and whole))
    return found


# an office named by its subject after "of"/"for" ("Secretary of Defense", "Minister for Ports"): the subject
# is a word of the office's title, not a body the report names
OFFICE_OF = re.compile(r"\b(?:Secretary|Minister)\s+(?:of|for)\s+(?:the\s+)?$")
_OPENING_QUOTES = "\"“‘"
_CLOSING_QUOTES = "\"”’"


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether a name stands alone between quote marks (“Harbour Nights.”, “Kern & Friends”): a work's title,
    a show's or a book's, which the small tagger often calls a person. Used for names of several words the
    tagger calls a person, body or facility, as a vote: a quoted one-word name is as often a person's cried
    out (“Ida!”), and a people's or a place's name in quotes ('he is "Ostravian,"') stays what it is."""
    after = text[end:end + 2].lstrip(".,!?")
    return start > 0 and text[start - 1] in _OPENING_QUOTES and after[:1] in _CLOSING_QUOTES and bool(after)


def _from_given_name(text: str, start: int, end: int, lower_words: set[str]) -> int:
    """Where a name of three words or more starts when the tagger ran a word into it before a common given name
    ("the Year Ida Brook", "Coroner Ida Brook"): at the given name, when the first word is one the report also
    writes in lower case (``lower_words``), a common word; "Rafael Ida Brook" and initials stay whole."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if (len(words) >= 3 and words[1].group(0).lower() in GIVEN_NAMES and words[0].group(0).lower() not in GIVEN_NAMES
            and words[0].group(0).isalpha() and words[0].group(0).lower() in lower_words):
        return start + words[1].start()
    return start


# a party's adjective the tagger runs into the body or outlet it qualifies: "Republican House members",
# "the ABC Democratic debate" name the House and ABC
PARTY_WORDS = frozenset(("Republican", "Democratic", "Democrat", "GOP", "Conservative", "Labour", "Liberal"))
CHAMBERS = frozenset(("House", "Senate", "Congress", "Legislature", "Parliament"))


def _without_party(text: str, start: int, end: int) -> tuple[int, int]:
    """A two-word span of a party adjective and a chamber ("Republican House") or an outlet's acronym ("ABC
    Democratic"): the chamber or the acronym alone. "Republican Party", "Democratic Caucus" stay whole."""
    words = text[start:end].split()
    if len(words) != 2:
        return start, end
    if words[0] in PARTY_WORDS and words[1] in CHAMBERS:
        return end - len(words[1]), end
    if words[1] in PARTY_WORDS and words[0].isupper() and words[0].isalpha() and len(words[0]) > 1:
        return start, start + len(words[0])
    return start, end


PLACE_PAIR = re.compile(r"(?P<left>[A-Z][\w.]*)-(?P<right>[A-Z][\w.]*)")


def _place_pair(text: str, start: int, end: int, places: set[str]) -> list[tuple[int, int]]:
    """ "the Kelvar-Ostravia border": two places joined by a hyphen, each named as a place elsewhere in the report
    (``places``, lower case without stops), are two places, not one body. Empty when the span is no such pair."""
    match = PLACE_PAIR.fullmatch(text, start, end)
    if match is None or any(_norm(match[side]).replace(".", "") not in places for side in ("left", "right")):
        return []
    return [(match.start("left"), match.end("left")), (match.start("right"), match.end("right"))]


TRAILING_YEAR = re.compile(r"[ \t\xa0]+(?:1[89]|20)\d\d$")


def _without_year(text: str, start: int, end: int) -> int:
    """Where a place's name ends when the tagger ran a year into it ("McCain in Kelvar 2000"): before the year."""
    year = TRAILING_YEAR.search(text, start, end)
    return year.start() if year and year.start() > start else end


def _on_the_page(text: str, candidates: list[tuple[int, int, str, bool]], chrome: list[tuple[int, int]],
                 headline: tuple[int, int] | None) -> list[tuple[int, int, str, bool]]:
    """The candidates outside chrome lines, and of those in the headline the ones the body bears out: named
    there too (as a candidate, by its initials, in the same words, or one word amid a sentence), or a name
    whose last word the body uses alone as a person's and in no longer name, and whose other words the body
    never writes in lower case ("Ida Kern" in the headline, only "Kern" in the body; not "Kern Urges", nor
    "Urges Ida Kern" when the body says "Ida Kern"). A headline form the body names as a candidate casts no vote on the
    type. Without the body's word, a headline line in sentence case still names what it capitalises after
    its first word ("Storm floods Kelvar harbour"), and one in Title Case still names an acronym ("KFA") or
    an abbreviation with stops ("U.S.")."""
    kept = [c for c in candidates if not _inside(c[0], chrome)]
    if headline is None:
        return kept
    start, end = headline
    body = [c for c in kept if not start <= c[0] < end]
    forms = {_norm(text[s:e]) for s, e, _, _ in body}
    forms |= {i.lower() for s, e, _, _ in body if " " in text[s:e] for i in org_initials(text[s:e])}
    last_words = Counter(form.split()[-1] for form in forms)  # how many forms end in each word
    surnames = {_norm(text[s:e]) for s, e, label, _ in body if label == "PERSON" and " " not in text[s:e].strip()}
    body_text = text[end:].replace("’", "'")
    checked = []
    for candidate in kept:
        s, e, label, strong = candidate
        if not start <= s < end:
            checked.append(candidate)
            continue
        form = text[s:e].replace("’", "'")
        words = form.split()
        if _norm(form) in forms:
            checked.append((s, e, "", False))
        elif _written(form, body_text, amid=len(words) == 1):
            checked.append(candidate)
        elif (1 < len(words) <= 3 and _norm(words[-1]) in surnames and last_words[_norm(words[-1])] == 1
              and all(w[:1].isupper() for w in words) and not any(_written(w.lower(), body_text) for w in words[:-1])):
            checked.append((s, e, "", False))
        elif _named_in_headline(text, s, form):
            checked.append(candidate)
        else:
            checked.extend(_names_within(text, s, e, forms, surnames, last_words, body_text))
    return checked


def _names_within(text: str, start: int, end: int, forms: set[str], surnames: set[str], last_words: Counter,
                  body_text: str) -> list[tuple[int, int, str, bool]]:
    """The names inside a headline form the body does not bear out: an acronym the body spells out ("KFA" in
    "KFA Objects"), and capitalised words ending in a surname the body uses alone, none of them a word the
    body writes in lower case ("Ida Kern" in "Ida Kern Backs" when the body says "Kern")."""
    words = []
    for match in re.finditer(r"\S+", text[start:end]):
        word = _POSSESSIVE.sub("", match.group(0))
        words.append((start + match.start(), start + match.start() + len(word), word))
    found = []
    for i, (word_start, word_end, word) in enumerate(words):
        key = _norm(word)
        if key not in forms:
            continue
        if word.isupper() and len(word) > 1:
            found.append((word_start, word_end, "", False))
            continue
        first = i
        while (first > 0 and i - first < 2 and key in surnames and last_words[key] == 1
               and words[first - 1][2][:1].isupper() and not _written(words[first - 1][2].lower(), body_text)):
            first -= 1
        if first < i:
            found.append((words[first][0], word_end, "", False))
    return found


def _named_in_headline(text: str, start: int, form: str) -> bool:
    """Whether a headline's own capitals make the form a name: after the first word of a line in sentence
    case, or as an acronym or dotted abbreviation in any case."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start) % (len(text) + 1)
    before = text[line_start:start].rstrip(" \"'‘’“”")
    after = text[start + len(form):line_end].lstrip(" \"'‘’“”:")
    if " " not in form and (("." in form[1:-1]) or form.isupper() and 2 <= len(form) <= 5
                            and form.lower() not in STOP_WORDS and form not in HEADLINE_LABELS
                            and not _shouted(before.split()[-1:]) and not _shouted(after.split()[:1])):
        return True
    return bool(before) and before[-1] not in ".?!:;|–—-" and not is_title_case(text[line_start:line_end])


def _shouted(words: list[str]) -> bool:
    """Whether a neighbouring word is in capitals too ("FIX IS IN"): words shouted, not an acronym."""
    return any(sum(c.isalpha() for c in w) > 1 and w.isupper() for w in words)


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def _written(form: str, text: str, amid: bool = False) -> bool:
    """Whether the text has the form, as written, as whole words (``amid``: after a lower-case word and not
    before a capitalised one, so neither capitalised for opening a sentence nor part of a longer name)."""
    if amid:
        pattern = rf"(?<![\w'’-])[a-z0-9][\w'’-]*,? {re.escape(form)}(?![\w'’-])(?!\s+[A-Z])"
    else:
        pattern = rf"(?<![\w]){re.escape(form)}(?![\w])"
    return re.search(pattern, text) is not None


def _dateline_places(text: str, start: int, end: int) -> list[tuple[int, int, str, bool]]:
    """ "KELVAR, Ostravia, May 2 (Outlet) — ": the comma-separated names before the outlet are places."""
    places = []
    outlet = text.find("(", start, end)
    for match in DATELINE_PART.finditer(text, start, outlet if outlet >= 0 else end):
        if not MONTH_DAY.match(match.group(0)):  # "Wyo." as the body writes it elsewhere: "Wyo"
            places.append((match.start(), match.end() - match.group(0).endswith("."), "GPE", True))
    return places


def _apposed_places(doc: Doc, text: str, begin: int) -> list[tuple[int, int, str, bool]]:
    """ "Marren, a fishing village, …": the name is a place when the place noun heads its phrase ("Ana
    Ruiz, a town councillor" is no place) and the name is no titled person, date or sentence opener."""
    found = []
    for match in PLACE_APPOSED.finditer(text, begin):
        noun = doc.char_span(match.start("noun"), match.end("noun"))
        name = doc.char_span(match.start("place"), match.end("place"), alignment_mode="contract")
        if (noun is None or name is None or noun.root.dep_ == "compound"
                or LEADING_TITLE.match(match["place"]) or name.root.ent_type_ in DROPPED_LABELS
                or name.root.is_sent_start and name.root.pos_ != "PROPN"):
            continue
        found.append((match.start("place"), match.end("place"), "GPE", True))
    return found


def _places_by_context(doc: Doc, text: str, begin: int) -> list[tuple[int, int, str, bool]]:
    """Names that their setting makes places, whatever the tagger said: a name before a comma and a state
    ("a Hampstead, New Hampshire, coffee shop"; "Kelvar, Calif."), a name described as a home ("Kelvar, home to
    22 registered voters"), and a one-word name joined by "and"/"or"/a comma to a place after "in"/"near"/…
    ("town halls in Marren and Oldmoor", where the tagger calls Oldmoor a person; not a name after a comma, "in
    Iowa, Kern, the front-runner"), and the town after a broadcaster's call letters ("WKAR-TV of Marren").
    Not a titled person's name, nor one opening with a common given name."""
    found = []
    for pattern in (PLACE_IN_STATE, HOME_TO, STATION_OF):
        for match in pattern.finditer(text, begin):
            name = doc.char_span(match.start("place"), match.end("place"), alignment_mode="contract")
            if (name is None or _given_name_first(match["place"]) or LEADING_TITLE.match(match["place"])
                    or name.root.ent_type_ in DROPPED_LABELS or name.root.is_sent_start and name.root.pos_ != "PROPN"
                    or match["place"].lower() in US_STATES or _titled_before(text, match.start("place"))):
                continue
            found.append((match.start("place"), match.end("place"), "GPE", True))
    for tok in doc:
        head = tok.head
        if (tok.idx < begin or tok.dep_ != "conj" or tok.pos_ != "PROPN" or not tok.is_title
                or tok.ent_iob_ != "B" or tok.ent_type_ not in {"PERSON", "ORG"} or tok.lower_ in GIVEN_NAMES
                or doc[tok.i - 1].lower_ not in {"and", "or"}  # not "in Iowa, Kern, the nominee, …"
                or tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"):
            continue
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        if (head.ent_type_ == "GPE" and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS
                and tok.text not in ORG_WORDS):
            found.append((tok.idx, tok.idx + len(tok), "GPE", True))
    return found


def _titled_before(text: str, start: int) -> bool:
    """Whether a title stands right before the offset ("Sen. Kern, Ohio"): the name is a person's."""
    return TRAILING_TITLE.search(text, max(0, start - 40), start) is not None or re.search(
        r"\b(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr)\.?\s+$", text[max(0, start - 8):start]) is not None


def _names_residents(ent: Span) -> bool:
    """ "the Oldmoor residents": a one-word name modifying a word for the people or homes of a place."""
    root = ent.root
    return len(ent) == 1 and root.dep_ == "compound" and root.head.lemma_.lower() in RESIDENT_NOUNS


def _trim_org(doc: Doc, start: int, end: int) -> Span | None:
    """An organisation-name match as tokens: without leading common words ("Residents of …") and cut at
    an "and" that joins two names ("Ostravia and Kelvar Police") rather than words of one name."""
    span = doc.char_span(start, end, alignment_mode="contract")
    while span is not None and len(span) > 1 and (
        span[0].pos_ not in {"PROPN", "NOUN", "ADJ"} or span[0].ent_type_ in DROPPED_LABELS
        or span[0].is_sent_start and span[0].pos_ != "PROPN" or span[0].lower_ in JOINERS
    ):
        span = span[1:]
    if span is None:
        return None
    for tok in span[1:-1]:  # "the Harbour Committee on Tuesday", "the Fund for Ida Kern": the name ends there
        after = doc[tok.i + 1]
        if (tok.lower_ in {"on", "for", "of"} and after.ent_type_ in DROPPED_LABELS | {"PERSON"}
                or tok.lower_ in {"and", "&"} and after.ent_type_ == "PERSON" and after.ent_iob_ == "B"):
            span = doc[span.start:tok.i]
            break
    for tok in span[1:-1]:
        if tok.lower_ not in JOINERS:
            continue
        left = doc[span.start:tok.i]
        if tok.lower_ in {"and", "&"} and (LEADING_TITLE.match(doc[tok.i + 1:span.end].text) or (
                span[-1].text in OF_HEADS and any(t.text in OF_HEADS for t in left))):
            span = left  # "… and Lt. Ida Kern", "Bureau of Ports and Harbour Board": the name ends here
            break
        if _separate(left, tok):
            span = doc[tok.i + 1:span.end]
    return span if len(span) > 1 else None


def _separate(left: Span, joiner: Token) -> bool:
    """Whether the words before a joiner are not the start of the name that follows it."""
    if any(t.pos_ != "PROPN" and t.text not in ORG_WORDS and t.lower_ not in JOINERS | {"the"} for t in left):
        return True  # "Residents of …", "Families and …"
    if joiner.lower_ in {"of", "for"}:  # "Judge Ida Kern of Kelvar District Court": a person, then her court
        return left[-1].ent_type_ == "PERSON" and left[-1].ent_iob_ != "O"
    if left[-1].text in ORG_WORDS:
        return True  # "Coast Guard and Fire Service": two organisations
    return len(left) == 1 and left[0].ent_iob_ == "B" and (
        left[0].i + 1 == len(left.doc) or left.doc[left[0].i + 1].ent_iob_ != "I")


def _facility(doc: Doc, text: str, match: re.Match) -> list[tuple[int, int, str, bool]]:
    """A facility ("Eastern Docks", "Terminal 4") or natural place ("Saltmarsh Hill") rule hit; a
    person's name ending in a word like "Hill" or "Hall" is left to the model."""
    span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
    while span is not None and len(span) > 1 and span[0].pos_ not in {"PROPN", "NOUN", "ADJ", "NUM"}:
        span = span[1:]
    if span is None or len(span) < 2:
        return []
    head = match["head"] or match["numbered"]
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.ent_iob_ == "I" and after.is_title and span[-1].ent_iob_ != "O":
        return []  # "Harbour Street Journal": the tagger's longer name goes on past the head word
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if span[0].ent_type_ == "PERSON" and head in AMBIGUOUS_SURNAMES and before not in PLACE_PREPOSITIONS:
        return []
    label = "LOC" if head in LOC_WORDS else "FAC"
    return [(*_clean_span(text, span.start_char, span.end_char), label, True)]


def _overlapping(rules: list[tuple[int, int, str, bool]], starts: list[int], start: int, end: int
                 ) -> list[tuple[int, int]]:
    """The (sorted, non-overlapping) rule spans that overlap [start, end)."""
    i = max(0, bisect_right(starts, start) - 1)
    found = []
    while i < len(rules) and rules[i][0] < end:
        if rules[i][1] > start:
            found.append((rules[i][0], rules[i][1]))
        i += 1
    return found


# tags of a sentence's first word that opens no name even when the tagger runs it into one: a preposition, an
# adverb, a conjunction, a determiner, a wh-word
OPENING_TAGS = frozenset(("IN", "RB", "CC", "DT", "WRB", "WDT", "WP"))


def _pieces(text: str, ent: Span, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of a spaCy entity that are names: split at lowercase words that join no name ("Oldmoor
    to the Civic Hall") and with the spans rules already took cut out."""
    pieces: list[tuple[int, int]] = []
    start = None
    for tok in ent:
        inside = any(s <= tok.idx < e for s, e in taken)
        particle = (tok.lower_ in NAME_PARTICLES and start is not None and tok.i + 1 < ent.end
                    and (ent.doc[tok.i + 1].text[:1].isupper() or ent.doc[tok.i + 1].text == "-"))
        breaks = inside or tok.is_lower and tok.lower_ not in JOINERS | {"the"} and not particle
        if breaks or tok.is_punct and tok.text not in {".", "-", "&", "'", "’"}:
            if start is not None:
                pieces.append((start, tok.idx))
            start = None
        elif start is None and not tok.is_lower and not (tok.is_sent_start and tok.tag_ in OPENING_TAGS):
            start = tok.idx  # not a sentence's capitalised preposition or adverb ("Beyond Kelvar, …")
    if start is not None:
        pieces.append((start, ent.end_char))
    return [_strip_joiners(text, s, e) for s, e in pieces]


def _strip_joiners(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing joiner words and spaces: "Eastern Docks of" → "Eastern Docks"."""
    words = text[start:end].split()
    while words and words[-1].lower() in JOINERS | {"the"}:
        words.pop()
    return (start, start + len(" ".join(words))) if words else (start, start)


def _non_overlapping(spans: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Keep the earliest, then longest, of overlapping rule spans."""
    kept: list[tuple[int, int, str, bool]] = []
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _acronyms(text: str, candidates: list[tuple[int, int, str, bool]]) -> dict[str, str]:
    """ "Kelvar Fire and Ambulance Service (KFAS)", "the Kelvar Front, or KF,": the acronym in parentheses or
    offered as another name after a name → that name."""
    found: dict[str, str] = {}
    for start, end, _, _ in candidates:
        match = ACRONYM_AFTER.match(text, end)
        if match and " " in text[start:end]:
            found.setdefault(match["acronym"] or match["alternative"], _norm(text[start:end]))
    return found


def _untagged_places(doc: Doc, begin: int) -> list[tuple[int, int, str, bool]]:
    """Capitalised proper nouns the model left untagged after "in"/"into"/"near": places."""
    found = []
    for tok in doc:
        if (tok.idx >= begin and tok.pos_ == "PROPN" and tok.ent_iob_ == "O" and tok.is_title and tok.i > 0
                and doc[tok.i - 1].lower_ in PLACE_PREPOSITIONS
                and tok.text not in ORG_WORDS
                and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN")):
            found.append((tok.idx, tok.idx + len(tok), "GPE", False))
    return found


# nouns for a person or a team alike: "Boston's top rival", "the defending champion" type neither
CONTENDERS = frozenset(("rival", "champion", "opponent", "foe", "favorite", "favourite", "winner", "loser",
                        "challenger", "contender", "underdog", "leader", "runner-up", "incumbent", "ally"))


def _described_types(doc: Doc, text: str, candidates, groups: dict[str, _Group], begin: int) -> dict[str, str]:
    """The type a description set right beside a name (``_described_by``) gives it, by the name's key: a body
    ("Kelvar Tomorrow, an advocacy group") makes an organisation of a name tagged as a place, facility, thing
    or (with no given name) person; a person ("Ida Mae Kern, a 43-year-old nurse") a person of a name tagged
    as an organisation or thing. Peoples and places keep their type: a misread apposition hangs "an unarmed
    man" on the town named before it more often than a town is a man."""
    found: dict[str, str] = {}
    for start, end, label, strong in candidates:
        if strong:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        key = _norm(text[start:end])
        if span is None or groups[key].strong:
            continue
        described = _appositions(doc, span, begin)
        heads = [heads[0] for role, heads in described if not role.split()[-1][:1].isupper()]
        if not heads or len(heads) < len(described):
            continue  # "progressive group One …": a name set beside a name, not a description
        words = [tok for _, found_heads in described for top in found_heads for tok in top.subtree]
        person_like = label == "PERSON" and not any(_given_name_first(f) for f in groups[key].forms)
        if ((label in {"FAC", "GPE", "LOC", "OTHER", ""} or person_like)
                and all(org_noun(h) and h.lemma_.lower() != "team" for h in heads)
                and not any(tok.pos_ == "NOUN" and person_noun(tok) for tok in words)):
            found[key] = "ORG"
        elif label in {"ORG", "OTHER", "FAC", ""} and all(person_noun(h, agents=False) and h.lemma_.lower() not in
                                                          CONTENDERS for h in heads):
            found[key] = "PERSON"
    return found


def _apply_described_types(groups: dict[str, _Group], described: dict[str, str]) -> None:
    """Type each referent, once its forms are merged, by what its descriptions make of it (``_described_types``),
    when they agree and no rule has typed it: the merge itself follows the tagger's labels, so a report's
    forms of one name stay together however the description types them."""
    for group in groups.values():
        kinds = {described[_norm(form)] for form in group.forms if _norm(form) in described}
        if len(kinds) == 1 and not group.strong:
            group.strong = kinds.pop()


def _type_surnames(groups: dict[str, _Group]) -> None:
    """The surname of a person the report names in full ("Ida Kern", a given name first) is that person's after a
    title word ("General Kern"), and alone when no rule typed it and no label of the tagger's holds a majority of
    its mentions: the small model calls a rare surname an organisation in one sentence, a people in the next and
    a place in a third ("Kern acknowledged", "the Kern case", "Kern lied"). A surname the tagger mostly gives one
    label keeps it: a place named as a person's surname ("Washington" beside "George Washington") stays a
    place, and the pronoun resolver was fitted on the labels as they are."""
    surnames = {_norm(form).split()[-1] for group in groups.values() for form in group.forms
                if _given_name_first(form)}
    for key, group in groups.items():
        words = key.split()
        if group.strong or group.labels["PERSON"] or not words or words[-1] not in surnames:
            continue
        if len(words) == 2 and words[0].rstrip(".") in TITLE_WORDS | {"gen", "gov", "sen", "rep", "lt"}:
            group.strong = "PERSON"  # "General Kern" beside "Ida Kern"
        elif len(words) == 1 and group.labels and 2 * max(group.labels.values()) <= sum(group.labels.values()):
            group.strong = "PERSON"  # no label holds a majority of its mentions: the model does not know


# what turns a faith's or a movement's name into its people's or adjective: "Kelvar" → "Kelvaric", "Kelvarist"
_BELIEVERS = ("ic", "ist", "ists")


def _type_faiths(groups: dict[str, _Group]) -> None:
    """A one-word name the tagger calls an organisation whose adjective or believers it calls a people in the
    same report is a faith, typed with them ("Kelvar" beside "Kelvaric groups")."""
    peoples = {key for key, group in groups.items() if group.labels and group.labels.most_common(1)[0][0] == "NORP"}
    for key, group in groups.items():
        if (not group.strong and " " not in key and group.labels and group.labels.most_common(1)[0][0] == "ORG"
                and any(key + ending in peoples for ending in _BELIEVERS)):
            group.strong = "NORP"


def _untyped_one_word(key: str, group: _Group) -> bool:
    """A one-word name no rule typed that the tagger mostly calls a body, place or thing: one a people's use of
    it may retype."""
    return (not group.strong and " " not in key and bool(group.labels)
            and group.labels.most_common(1)[0][0] in {"ORG", "GPE", "LOC", "OTHER"})


def _type_people_nouns(doc: Doc, text: str, candidates, groups: dict[str, _Group]) -> None:
    """A one-word name no rule typed and the tagger mostly calls a body, place or thing, that the report uses as
    a kind of person ("a wise Kelvarina", "a Kelvarina woman"; ``people_nouns``): a people (NORP)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, _, _ in candidates:
        spans.setdefault(_norm(text[start:end]), []).append((start, end))
    for key, group in groups.items():
        if not _untyped_one_word(key, group):
            continue
        mentions = [span for form in {_norm(form) for form in group.forms} for span in spans.get(form, [])]
        if mentions and is_people_noun(doc, mentions):
            group.strong = "NORP"


def _type_peoples_by_plural(doc: Doc, text: str, candidates, groups: dict[str, _Group]) -> None:
    """A one-word name no rule typed, that the tagger mostly calls a body, place or thing, written in the same
    report in the plural ("Kelvarino" beside "Kelvarinos") and used as a modifier of a noun for people
    ("Kelvarino voters"; not "Kelvarino cookies", a brand): a people, and so is its plural, whatever the tagger
    called either (it often calls the plural a person). Not a surname of a person the report names in full
    (the "Kern campaign" beside "the Kerns")."""
    surnames = {_norm(form).split()[-1] for group in groups.values() for form in group.forms
                if _given_name_first(form) or TITLED_NAME.search(form)}
    modifiers = set()
    for start, end, _, _ in candidates:
        span = doc.char_span(start, end, alignment_mode="expand")
        if (span is not None and len(span) == 1 and span[0].dep_ in {"compound", "amod"}
                and span[0].head.i > span[0].i and span[0].head.pos_ == "NOUN" and person_noun(span[0].head)):
            modifiers.add(_norm(text[start:end]))
    for key, group in groups.items():
        plural = groups.get(key + "s")
        if (not _untyped_one_word(key, group) or key in surnames or plural is None or plural.strong
                or not any(_norm(form) in modifiers for form in group.forms)):
            continue
        group.strong = plural.strong = "NORP"


def _apply_place_appositions(doc: Doc, text: str, candidates, groups: dict[str, _Group]) -> None:
    """ "Dravenport, a northern city": an apposition naming a kind of place makes the name a place; one
    naming a kind of ship ("the tanker") makes it a vessel (OTHER), not an organisation."""
    for start, end, _, strong in candidates:
        if strong:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        described = [c.lemma_.lower() for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            described.append(root.head.lemma_.lower())
        if any(d in PLACE_NOUNS for d in described):
            groups[_norm(text[start:end])].strong = "GPE"
        elif any(d in VESSEL_NOUNS for d in described):
            groups[_norm(text[start:end])].strong = "OTHER"  # "the Arden Star, a tanker": a ship


# web services that reports name as where something was posted ("said on Twitter", "in a Gmail account"): the
# small model often takes a one-word name after "on" for a person; these are companies' products, never people
WEB_SERVICES = frozenset(("twitter", "facebook", "instagram", "youtube", "snapchat", "gmail", "yahoo", "google",
                          "reddit", "tiktok", "whatsapp", "linkedin", "tumblr", "periscope"))


def _label(group: _Group) -> str:
    if group.strong:
        return group.strong
    if all(_norm(_POSSESSIVE.sub("", form)) in WEB_SERVICES for form in group.forms):
        return "ORG"
    if any(_given_name_first(form) for form in group.forms):
        return "PERSON"
    if _masthead(group):
        return "ORG"
    if group.labels["PERSON"] and not any(w in ORG_WORDS for f in group.forms for w in f.split()):
        return "PERSON"
    return group.labels.most_common(1)[0][0] if group.labels else "OTHER"


def _masthead(group: _Group) -> bool:
    """A paper's or a network's name, which the tagger often calls a person or a work ("Politico", "the Kelvar
    Times", a poll's "Kelvar Times/KBC News"): a name ending in a masthead word (``body_kinds.MEDIA``), when no
    form of it is a name with a given name first and the tagger calls it a place or organisation nowhere else."""
    if group.labels and any(label not in {"PERSON", "OTHER"} for label in group.labels):
        return False
    for form in group.forms:
        words = _POSSESSIVE.sub("", form).split()
        if words and all(w[:1].isupper() for w in words) and words[-1].lower() in MEDIA:
            return True  # not a show's title with small words in it ("Meet the Press")
    return False


def _given_name_first(form: str) -> bool:
    """ "Ada Brook", "Ada J. Brook": two or three capitalised words opening with a common given name and
    holding no word of an organisation's or a place's name."""
    words = form.split()
    return (2 <= len(words) <= 3 and words[0].lower() in GIVEN_NAMES and not form.isupper()
            and all(w[:1].isupper() for w in words) and not any(w in _NOT_PERSON_WORDS for w in words))


def _merge_forms(groups: dict[str, _Group], acronyms: dict[str, str]) -> dict[str, _Group]:
    """Fold an organisation's names in either order into one ("Department of Ports" ↔ "Ports Department"),
    then short forms (surname, acronym, name without "Group", a generic head like "the Department") into the
    one long form they abbreviate; an acronym given in parentheses after a name always folds into that name."""
    for acronym, key in acronyms.items():
        if key in groups and _norm(acronym) != key:
            target = groups[key]
            source = groups.pop(_norm(acronym), None)
            if source is None:
                target.forms[acronym] += 1
            else:
                target.forms.update(source.forms)
    _merge_name_orders(groups)
    long_forms = [k for k in groups if " " in k]
    by_short: dict[str, list[str]] = {}
    tails = set()  # two last words of a longer name that is no person's: no person's name either
    for key in long_forms:
        group = groups[key]
        words = key.split()
        shorts = set()
        if not any(w.capitalize() in ORG_WORDS for w in words) and words[-2] not in JOINERS:
            shorts.add(words[-1])  # a surname; not the "Lenmouth" of "Northern Quays of Lenmouth"
            if len(words) > 2 and words[-3] not in JOINERS and _label(group) != "PERSON":
                tails.add(" ".join(words[-2:]))  # a team's "Grey Gulls" after its "Port Veyra Grey Gulls"
                shorts.add(" ".join(words[-2:]))
        if _organisation(group):
            for form in group.forms:
                form_words = _norm(form).split()
                if len(form_words) < 2:
                    continue
                for name in (form, *org_name_variants(form, bare=True)):
                    shorts.update(initials.lower() for initials in org_initials(name))
                if form_words[-1].capitalize() in ORG_WORDS:
                    shorts.add(" ".join(form_words[:-1]))
                shorts.add(_office_head(form) or "")
        for short in shorts:
            if short:
                by_short.setdefault(short, []).append(key)
    for short, longs in by_short.items():
        if short not in groups or len(longs) != 1 or short == longs[0] or longs[0] not in groups:
            continue  # (a long form already folded into a longer one as its short form stays folded)
        source, target = groups[short], groups[longs[0]]
        if not _compatible(source, target, short) or short in tails and _label(source) == "PERSON":
            continue
        _fold(source, target)
        del groups[short]
    return groups


def _merge_variants(groups: dict[str, _Group]) -> None:
    """Fold into a person a lone word that misspells the person's surname ("Kowalsky" beside "Ida Kowalski"
    or "Kowalski" alone, either written more often than it; not a word the tagger calls a place or a people),
    and a two-word nickname of an epithet and the person's given name ("Crooked Martha"); the nickname is an
    alias, never the name (``name_variants``)."""
    people = {k: g for k, g in groups.items() if " " in k and _label(g) == "PERSON" and not g.aside}
    surnames = [k.split()[-1] for k in people]
    # a surname the report gives alone, more often than the word that may misspell it
    alone = {k: g for k, g in groups.items() if " " not in k and _label(g) == "PERSON"}
    named = set(surnames) | set(alone)
    given: dict[str, list[str]] = {}
    for key in people:
        if key.split()[0] in GIVEN_NAMES:
            given.setdefault(key.split()[0], []).append(key)
    for key in list(groups):
        group = groups[key]
        if group.strong not in {None, "PERSON"}:
            continue
        words = max(group.forms, key=group.forms.get).split()
        target = None
        if len(words) == 1 and _label(group) in {"PERSON", "ORG", "OTHER"}:
            count, word = sum(group.forms.values()), _norm(_POSSESSIVE.sub("", words[0]))
            commoner = {k: g for k, g in (*people.items(), *alone.items()) if sum(g.forms.values()) > count}
            known = word in named and word != key  # a surname of its own (the one of two Clintons)
            surname = None if known else misspelt_surname(word.capitalize(), [k.split()[-1] for k in commoner])
            bearers = [k for k in commoner if surname and k.split()[-1] == surname]
            target = bearers[0] if len(bearers) == 1 else None
        elif len(words) == 2 and _label(group) in {"PERSON", "OTHER"}:
            target = nickname_of(words, given, GIVEN_NAMES, set(surnames))
            if target:
                people[target].aside.update(group.forms)
        if target and target != key and target in groups:
            _fold(group, groups[target])
            del groups[key]


def _organisation(group: _Group) -> bool:
    return _label(group) in {"ORG", "OTHER", "FAC"} or group.strong == "ORG"


def _fold(source: _Group, target: _Group) -> None:
    target.forms.update(source.forms)
    target.labels.update(source.labels)
    target.strong = target.strong or source.strong


def _merge_name_orders(groups: dict[str, _Group]) -> None:
    """ "Department of Ports", "Ports Department": one organisation, whichever order the report uses, and
    "Ostravian Department of Ports" is the report's "Ports Department" when no other organisation claims it
    (the variants are link.entities', which merges the same-worded ones across reports)."""
    claims: dict[str, list[str]] = {}
    for key, group in groups.items():
        if " " in key and _organisation(group):
            for form in group.forms:
                for variant in org_name_variants(form, bare=True):
                    if _norm(variant) != key and key not in claims.setdefault(_norm(variant), []):
                        claims[_norm(variant)].append(key)
    for variant, keys in claims.items():
        other = groups.get(variant)
        if other is None or len(keys) != 1 or keys[0] not in groups or not _organisation(other):
            continue
        group = groups[keys[0]]
        if other is not group and not (other.strong and group.strong and other.strong != group.strong):
            _fold(other, group)
            del groups[variant]


def _office_head(form: str) -> str | None:
    """The generic word an organisation's name is headed by, when a report may call it by that word alone:
    "bureau" for "Federal Bureau of Investigation", "agency" for "Harbour Safety Agency"."""
    words = _norm(form).split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head if head in GENERIC_HEADS else None


def _compatible(short: _Group, long: _Group, key: str) -> bool:
    """A surname folds into a person's name; an acronym or stem into an organisation's."""
    if short.strong and long.strong and short.strong != long.strong:
        return False
    if short.labels["PERSON"] or long.labels["PERSON"]:
        return True
    return any(f.isupper() for f in short.forms) or _label(short) in {"ORG", "OTHER", "FAC"}


def _entity(group: _Group) -> Entity:
    shown = [f for f in group.forms if f not in group.aside] or list(group.forms)  # a nickname is never the name
    name = max(shown, key=lambda f: (len(f.split()), not f.isupper(), group.forms[f], f[:1].isupper()))
    aliases, seen = [], {_norm(name)}
    for form in group.forms:
        if _norm(form) not in seen:
            seen.add(_norm(form))
            aliases.append(form)
    label: EntityType = _label(group)  # type: ignore[assignment]
    name = from_capitals(name, label)  # "PORT VEYRA" from a dateline, with no other form in the text
    return Entity(key=_norm(name), name=name, type=label, aliases=aliases)


def _find_spans(text: str, entities: list[Entity], chrome: list[tuple[int, int]] = ()) -> None:
    """Every occurrence of every form outside the chrome, in one pass; forms shared by two entities are skipped."""
    owner: dict[str, Entity | None] = {}
    for entity in entities:
        for form in [entity.name, *entity.aliases, *_stems(entity)]:
            key = _norm(form)
            owner[key] = entity if owner.get(key, entity) is entity else None
    forms = [f for e in entities for f in [e.name, *e.aliases, *_stems(e)] if owner.get(_norm(f)) is e]
    if not forms:
        return
    for start, end in _occurrences(text, forms):
        if chrome and _inside(start, chrome):
            continue
        found = text[start:end]
        entity = owner.get(_norm(found))
        if entity is not None:
            entity.spans.append((start, end))
            if found != entity.name and _norm(found) == entity.key:
                continue
            if found not in entity.aliases and found != entity.name:
                entity.aliases.append(found)


def _occurrences(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Whole-word occurrences of the forms, leftmost first and longest at each place, never overlapping.
    Either apostrophe matches; several-word forms match in any case, one-word forms only as written.
    (Plain ``str.find`` per form: a per-document regex of every name cost more to compile than to run.)"""
    plain = text.replace("’", "'")
    lower = plain.lower()
    hits = []
    for form in set(forms):
        needle = form.replace("’", "'")
        haystack = plain
        if " " in form:
            needle, haystack = needle.lower(), lower
        at = haystack.find(needle)
        while at != -1:
            end = at + len(needle)
            if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
                hits.append((at, end))
            at = haystack.find(needle, at + 1)
    chosen, reached = [], 0
    for start, end in sorted(hits, key=lambda h: (h[0], -h[1])):
        if start >= reached:
            chosen.append((start, end))
            reached = end
    return chosen


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _stems(entity: Entity) -> list[str]:
    """ "Osmund" for "Osmund Group": a one-word stem that the text may use alone."""
    words = entity.name.split()
    if entity.type == "ORG" and len(words) == 2 and words[1] in STEM_SUFFIXES and words[0].istitle():
        return [words[0]]
    return []


def _find_generic_references(doc: Doc, entities: list[Entity], begin: int, chrome: list[tuple[int, int]]) -> None:
    """ "the bureau", "the agency" after the report has named the one organisation it has with that head noun
    ("the Federal Bureau of Investigation … the bureau said"): occurrences of it. Not when two organisations
    share the head, nor where the noun modifies another ("the agency chief") or takes its own "of"."""
    owners: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.type in {"ORG", "OTHER"} and entity.spans:
            for head in {_office_head(f) for f in (entity.name, *entity.aliases) if " " in f.strip()} - {None}:
                owners.setdefault(head, []).append(entity)
    owner = {head: found[0] for head, found in owners.items() if len(found) == 1}
    if not owner:
        return
    taken = sorted(span for entity in entities for span in entity.spans)
    starts = [s for s, _ in taken]
    for tok in doc:
        entity = owner.get(tok.lower_)
        if (entity is None or tok.i == 0 or doc[tok.i - 1].lower_ != "the" or tok.idx < begin
                or tok.dep_ == "compound" or tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of"
                or tok.idx < min(entity.spans)[0] or _inside(tok.idx, chrome)):
            continue
        i = bisect_right(starts, tok.idx) - 1
        if i >= 0 and taken[i][1] > tok.idx:
            continue  # inside a name ("the Bureau" of "the Bureau of Ports")
        entity.spans.append((tok.idx, tok.idx + len(tok)))
    for entity in owner.values():
        entity.spans.sort()


def _find_roles(doc: Doc, text: str, entities: list[Entity], begin: int) -> None:
    """Roles from the title before a name ("Transport Minister"; not a plural one, "Govs.", shared by names
    that follow) and from appositions (", head of the port authority,"); nothing from the dateline, and no distances or quantities ("about 600 metres from …")."""
    for entity in entities:
        roles: list[str] = []
        for start, end in entity.spans:
            if start < begin:
                continue
            title = (TRAILING_TITLE.search(text, max(begin, start - 60), start)
                     or TRAILING_ROLE_TITLE.search(text, max(begin, start - 60), start))
            if title and entity.type == "PERSON" and title.group().split()[-1] not in TITLE_PLURALS:
                opens = _title_start(doc, title.start(), begin)
                role = _as_mid_sentence(doc, opens, " ".join(text[opens:title.end()].split()))
                roles.append(_time_of_office(text, opens, begin) + role)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                roles.extend(r for r, heads in _appositions(doc, span, begin)
                             if not MEASURE_OR_PLACE_START.match(r) and fits_type(heads, entity.type))
        for role in roles:
            if role not in entity.roles and entity.key not in _norm(role):
                entity.roles.append(role)


# a word before a title that says the office is not held now: "former Gov.", "ex-Sen.", "then-Secretary of State"
_TIME_OF_OFFICE = re.compile(r"\b(?:former[ \t]+|ex-|then-)$", re.IGNORECASE)


def _time_of_office(text: str, start: int, begin: int) -> str:
    """The word right before a title, on its line, that says the office is not held now ("former Florida Gov.
    Jeb Kern", "Ex-Sen. Ida Kern", "then-Mayor Ana Ruiz"), in small letters, to open the role with: the role
    is the past office, not the office. "" when there is none."""
    found = _TIME_OF_OFFICE.search(text, max(begin, start - 8), start)
    return " ".join(found.group().lower().split()) + ("" if found.group().endswith("-") else " ") if found else ""


def _title_start(doc: Doc, start: int, begin: int) -> int:
    """Where a title before a name begins when the words before the matched title are proper nouns of the
    same name on the same line: "New York City Mayor", not "City Mayor"; "House Ethics Committee Chairman", not
    "Committee Chairman"; the title alone after the tail of a longer name ("… District of Kelvar Judge") and in
    a line that capitalises every word ("Kern Endorses House Speaker Ida Tal": which words are the title?)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    text = doc_text(doc)
    line = text[text.rfind("\n", 0, start) + 1:(text.find("\n", start) + 1 or len(text) + 1) - 1]
    if token is None or is_title_case(line):
        return start
    i = token[0].i
    while i > 0 and doc[i - 1].idx >= begin and _in_title(doc[i - 1]):
        i -= 1
    if i == token[0].i or (i > 0 and doc[i - 1].lower_ in {"of", "for"}):
        return start  # the tail of a longer name ("District of Kelvar Judge"): the title alone
    return doc[i].idx


def _in_title(token: Token) -> bool:
    """A word of the name a title opens with: a capitalised proper noun, or a capitalised common noun or
    adjective inside a sentence ("Ethics" of "House Ethics Committee"), on the title's line."""
    if not (token.text.istitle() or token.text.isupper()) or "\n" in token.whitespace_ or token.is_sent_end:
        return False  # not a word run into a photo credit ("PRESSKelvar")
    return token.tag_ in {"NNP", "NNPS"} or (token.tag_ in {"NN", "NNS", "JJ"} and not token.is_sent_start)


def _appositions(doc: Doc, span: Span, begin: int) -> list[tuple[str, tuple[Token, ...]]]:
    """Appositive phrases describing the span, each with the nouns that may head it (``_heads``): "X, the
    deputy chief of Y," / "the mayor, X," / "her aide X"."""
    roles = []
    for head in _described_by(doc, span, begin):
        start, end = (head.left_edge.i, head.right_edge.i + 1) if head.i >= span.end else (head.left_edge.i, span.start)
        roles.append((_role_text(doc, start, end), _heads(doc, start, end, head)))
    return [(r, heads) for r, heads in roles if r]


def _heads(doc: Doc, start: int, end: int, head: Token) -> tuple[Token, ...]:
    """The nouns that may head a description, the likeliest first: English noun phrases end in their head,
    before any prepositional phrase or participle ("secretary" in "former secretary of homeland security",
    "official" in "an official overseeing the port"), whatever the parse hung the name on; then the parse's
    head; then the phrase's last noun, for a parse that reads a word as a preposition ("a top outside Kern
    adviser")."""
    last = before = None
    for tok in doc[start:end]:
        if (tok.text in {",", ";", "(", "—", "–"} or tok.dep_ == "relcl" or tok.tag_ in {"WDT", "WP", "WP$"}
                or tok.pos_ == "VERB" and last is not None):
            break
        if before is None and tok.dep_ == "prep" and last is not None and last.i == tok.i - 1:
            before = last
        if tok.pos_ == "NOUN":
            last = tok
    return tuple(t for t in (before or last, head, last) if t is not None)


def _described_by(doc: Doc, span: Span, begin: int) -> list[Token]:
    """The head nouns of the phrases set beside the span as its description, after it ("X, the mayor") or
    before it ("the mayor, X", "her aide X"): no counted nouns, nothing across other words."""
    root = span.root
    heads = [child for child in root.children
             if child.dep_ == "appos" and child.i >= span.end and child.pos_ in {"NOUN", "ADJ"}
             and not _measure(child) and _follows(doc, span, child)]
    if (root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN"
            and root.head.left_edge.idx >= begin and not _measure(root.head)
            and _sets_off(doc, root.head, span)):
        heads.append(root.head)
    return heads


# what may stand between a description and the name it describes: a comma, then "former" and capitalised words
_SET_OFF_GAP = re.compile(r"\s*(?P<comma>,)?\s*(?:(?:former|then|now|late)\s+)?(?:[A-Z][\w.’'-]*\s+)*")


def _sets_off(doc: Doc, head: Token, span: Span) -> bool:
    """Whether a noun phrase before a name is set beside it as its description: a comma before the name
    ("the mayor, Ida Kern", "her aide, former Senator Ida Kern"), or a singular noun heading it right before
    the name or its title ("her aide Ida Kern", "top rival Sen. Ida Kern"). A parse that hangs a name on a
    noun across other words ("the talk from the Tories, particularly Ida Kern") or on a plural ("rivals Ida
    Kern", often a verb read as a noun) makes no role of that noun."""
    last = head  # the end of the description: its head, or what follows the head before the name ("chief of staff")
    for child in head.rights:
        if child.i < span.start and child.dep_ not in {"punct", "appos"} and child.right_edge.i < span.start:
            last = child.right_edge
    text = doc_text(doc)
    gap = _SET_OFF_GAP.fullmatch(text, last.idx + len(last), span.start_char)
    return gap is not None and (gap["comma"] is not None or head.tag_ == "NN")


# what may stand between a name and the description after it: "(Lab.)", "of Kelvar", then the comma or dash
_AFTER_NAME = re.compile(r"(?:\s*\([^()\n]{1,40}\)|\s+(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?"
                         r"\s*[,(—–]\s*")


def _follows(doc: Doc, span: Span, head: Token) -> bool:
    """Whether a description after a name opens right after it and a comma ("Ida Kern, the mayor", "Ida Kern
    of Kelvar, a councillor"), not further on where the parse hangs a phrase on the name ("Ida Kern, …,
    tweeted: 'Grave error: …'")."""
    gap = _AFTER_NAME.match(doc_text(doc), span.end_char)
    return gap is not None and head.left_edge.idx == gap.end()


def _measure(head: Token) -> bool:
    """A counted noun ("600 metres", "two hours"): a distance or quantity, never a role."""
    return head.ent_type_ in DROPPED_LABELS or any(c.dep_ == "nummod" for c in head.children)


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
    return _as_mid_sentence(doc, doc[start].idx, doc[start:stop].text)


def _as_mid_sentence(doc: Doc, start: int, role: str) -> str:
    """A role as it reads inside a sentence: the capital of a common word that opens a sentence dropped
    ("Former Ostravia Gov." → "former Ostravia Gov."); a proper noun, a title word ("Senator") or a people's
    adjective ("Democratic") keeps it."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not role[:1].isupper() or role[1:2].isupper():
        return role
    token = span[0]
    if (not token.is_sent_start or token.ent_type_ in _PROPER_ENTITY_TYPES or token.lower_ in PERSON_NOUNS
            or token.lower_.rstrip(".") in TITLE_WORDS or re.fullmatch(_TITLE, token.text)):
        return role
    if token.tag_ in {"NNP", "NNPS"} and not (token.is_stop or _written_small(doc, token.lower_)):
        return role  # the tagger's proper noun, which the report writes with its capital elsewhere too
    return role[0].lower() + role[1:]


def _written_small(doc: Doc, word: str) -> bool:
    """Whether the report writes the word in small letters somewhere: a common word, not a name. The doc's
    words are gathered once (``WORDS_KEY``), not scanned for each role."""
    words = doc.user_data.get(WORDS_KEY)
    if words is None:
        words = doc.user_data[WORDS_KEY] = frozenset(t.text for t in doc)
    return word in words


WORDS_KEY = ("storyline", "words")


_PROPER_ENTITY_TYPES = {"NORP", "GPE", "LOC", "PERSON", "FAC", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART"}
