"""Whether a description's head noun names a person or a body of people.

A description set beside a name ("Ida Kern, the harbour master"; "Kelvar Tomorrow, an advocacy group") says what
the name is, and one whose head cannot describe a person is a misread apposition, not a person's role: "the
worst storm in a decade" or "her bid on the line" beside a person, "the mayor" beside a people ("Ostravians").
The head is read from lexicons of people's and bodies' nouns (``source_words``, ``animacy``) and, for people's
roles, from the agent endings ("-er", "-ist", "-ian" …) that make most occupation nouns.
"""

from __future__ import annotations

from spacy.tokens import Token

from .animacy import AGENT_ENDINGS, DOCUMENTS, PEOPLE
from .source_words import AUTHORS, FAMILY, ORG_HEADS, ROLE_NOUNS, SPEECH_NOUNS, STATEMENT_NOUNS, UNNAMED_HEADS

# heads of "some of them" phrases, not nouns of a person
_QUANTITIES = {"many", "some", "others", "other", "most", "few", "several", "all", "both", "everyone", "nobody",
               "one", "number", "majority", "minority", "handful", "dozen", "couple", "slew", "someone", "somebody"}
PERSON_NOUNS = frozenset(
    (PEOPLE | UNNAMED_HEADS | ROLE_NOUNS | FAMILY | AUTHORS) - DOCUMENTS - _QUANTITIES
    - {"team", "crowd", "public", "audience", "staff", "percent", "hand", "affiliate"}) | {
    "mate", "running mate", "boy", "girl", "baby", "teenager", "teen", "victim", "suspect", "gunman", "agent",
    "citizen", "immigrant", "refugee", "native", "grandmother", "grandfather", "uncle", "aunt", "cousin",
    "nephew", "niece", "partner", "fiancé", "fiancée", "girlfriend", "boyfriend", "cleric", "imam", "priest",
    "bishop", "archbishop", "rabbi", "monk", "nun", "preacher", "minister", "celebrity", "personality", "pick",
    "appointee", "mentor", "heir", "chair", "opponent", "foe", "champion", "hero", "icon", "legend", "deputy",
    "envoy", "counsel", "ceo", "professional", "lady", "gentleman", "guy", "patriarch", "matriarch",
    "counterpart", "surrogate", "model", "runner-up", "maverick", "stewardess", "waitress", "hostess", "cook",
    "chef", "colonel", "major", "lieutenant", "sergeant", "captain", "private", "student", "graduate",
    "alumnus", "firebrand", "prodigy", "patron", "oligarch", "magnate", "intern", "prospect", "prophet",
    "choice", "mastermind", "replacement", "successor", "predecessor", "ingénue"}
# heads of a body's description: "an advocacy group", "the agency's research arm"
ORG_NOUNS = frozenset(ORG_HEADS - {"state", "country", "nation", "city", "county", "house", "paper", "post",
                                    "times", "force"}) | {
    "organization", "organisation", "nonprofit", "non-profit", "charity", "think", "tank", "lobby", "firm",
    "arm", "wing", "branch", "unit", "division", "subsidiary", "affiliate", "chain", "club", "caucus", "pac",
    "publisher", "broadcaster", "channel", "newspaper", "magazine", "journal", "tabloid", "outlet", "brand",
    "manufacturer", "retailer", "insurer", "lender", "bank", "fund", "institution", "church", "congregation",
    "ministry", "faction", "network", "outfit", "body", "imprint", "forum"}


def person_noun(tok: Token, agents: bool = True) -> bool:
    """Whether a description's head noun names a person: a noun of the people lexicons, or (``agents``) an
    agent noun ("-er", "-ist", "-ian", "-man"; not "-ment"), which names a body as often as a person
    ("a publisher", "a retailer") and so types nothing."""
    lemma = tok.lemma_.lower()
    if lemma in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS:
        return True
    if tok.i >= 2 and tok.doc[tok.i - 1].tag_ == "HYPH":  # "runner-up", parsed as "runner", "-", "up"
        joined = f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}"
        if joined in PERSON_NOUNS or person_noun(tok.doc[tok.i - 2], agents):
            return True
    return (agents and tok.pos_ == "NOUN" and not lemma.endswith("ment")
            and lemma.endswith((*AGENT_ENDINGS, "man", "woman")))


def org_noun(tok: Token) -> bool:
    """Whether a description's head noun names a body of people: "group", "agency", "arm"."""
    return tok.lemma_.lower() in ORG_NOUNS or tok.lower_ in ORG_NOUNS


# endings of nouns made from verbs and adjectives: an act, a state or a quality, never a person ("attack" aside)
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "acy", "ism", "ity", "ness", "ship", "ing")
# things and events a misread apposition hangs on a name ("the worst attack in a decade", "her bid on the line")
THING_NOUNS = frozenset(DOCUMENTS | STATEMENT_NOUNS | SPEECH_NOUNS) | {
    "attack", "collapse", "approach", "line", "pattern", "victory", "defeat", "win", "loss", "day", "rule",
    "voice", "job", "home", "material", "media", "name", "word", "series", "episode", "book", "case", "amount",
    "field", "stop", "signal", "stare", "bid", "race", "campaign", "vote", "deal", "plan", "bill", "law", "idea",
    "issue", "question", "answer", "view", "event", "show", "program", "programme", "film", "movie", "song",
    "album", "game", "match", "season", "year", "month", "week", "time", "place", "storage", "money", "cash",
    "luck", "display", "hearing", "trial", "margin", "share", "percent", "point", "number", "part",
    "result", "record", "effort", "move", "step", "blow", "hit", "message", "claim", "charge", "fraud", "scandal"}


def _abstract_or_thing(tok: Token) -> bool:
    """A noun that plainly names a thing, an event or an abstraction ("criticism", "campaign"), not a person."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "NOUN" and not person_noun(tok)
            and (lemma in THING_NOUNS or tok.lower_ in THING_NOUNS or lemma.endswith(ABSTRACT_ENDINGS)))


def not_a_person_noun(tok: Token) -> bool:
    """Whether a description's head noun plainly names no person: a thing or an event of ``THING_NOUNS``, an
    abstract noun by its ending ("candidacy", "criticism", "fundraising"), a body ("group", "unit"), or a
    plural where a person is one ("the rules", "his days")."""
    lemma = tok.lemma_.lower()
    if person_noun(tok):
        return False
    return (lemma in THING_NOUNS or tok.lower_ in THING_NOUNS or org_noun(tok) or tok.tag_ in {"NNS", "NNPS"}
            or tok.pos_ != "NOUN" or lemma.endswith(ABSTRACT_ENDINGS))


def fits_type(heads: tuple[Token, ...], type_: str) -> bool:
    """Whether a description with these possible head nouns (the likeliest first) can be a role of a name of
    that type: a person's when one of them names a person or the likeliest does not plainly name no person
    (nouns of occupations and kinship are too many for a list: "seamstress", "grandson", "tight end");
    nothing for a people ("Ostravians", whose "role" is a misread
    clause every time it was read). Other names keep what is set beside them: an organisation, a place or a
    product is described by too many kinds of noun ("an imprint", "an exclave", "a dating app")."""
    if type_ == "PERSON":
        if _abstract_or_thing(heads[0]):
            return False  # "Tamm's criticism of the judge, Ida Kern": a person noun under a thing is no role
        return any(person_noun(h) for h in heads) or not not_a_person_noun(heads[0])
    return type_ != "NORP"
