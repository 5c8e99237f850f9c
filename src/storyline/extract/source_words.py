"""The words that say who speaks: pronouns, the heads of unnamed and organisation phrases, role nouns, statement
and document nouns, and the verbs that tie a document or a group to a party (``sources.py`` and the modules
beside it read them).
"""

from __future__ import annotations

from ..model import SourceKind

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
OCCASIONS = {"conference", "briefing", "meeting", "speech", "interview", "event", "rally", "hearing", "session",
             "appearance", "address", "debate", "forum", "ceremony"}  # where a speaker speaks, not who
SENT_THINGS = {"email", "e-mail", "letter", "message", "memo", "note", "statement", "text", "tweet", "release",
               "mailer", "flyer", "leaflet", "fundraising"}  # what is sent to readers and speaks for its sender
SPEECH_NOUNS = {"statement", "remark", "comment", "speech", "testimony", "announcement", "interview", "tweet",
                "word", "claim", "argument", "answer", "response", "letter", "post", "message", "address"}
GENDERS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
GENDERED = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "husband": "m", "wife": "f", "father": "m",
            "mother": "f", "son": "m", "daughter": "f", "brother": "m", "sister": "f", "spokesman": "m",
            "spokeswoman": "f", "businessman": "m", "businesswoman": "f", "congresswoman": "f",
            "chairwoman": "f", "actor": "m", "actress": "f", "widow": "f", "king": "m", "queen": "f",
            "prince": "m", "princess": "f", "uncle": "m", "aunt": "f", "grandmother": "f", "grandfather": "m"}
ORG_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
LOOK_BACK = 12  # antecedent candidates a pronoun looks back over
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
DEMONSTRATIVES = {"that", "this", "these", "those"}
KIND_BY_TYPE: dict[str, SourceKind] = {
    "PERSON": "person", "ORG": "organization", "GPE": "organization", "NORP": "organization",
}
# head nouns of phrases that name no one in particular
UNNAMED_HEADS = {
    "report", "source", "witness", "official", "analyst", "resident", "spokesperson", "spokesman",
    "spokeswoman", "expert", "observer", "critic", "people", "person", "aide", "insider", "diplomat",
    "someone", "somebody", "many", "some", "others", "other", "member", "supporter", "voter", "poll",
    "survey", "study", "document", "record", "account", "rumor", "leader", "officer", "soldier",
    "lawmaker", "activist", "scientist", "researcher", "economist", "journalist", "reporter",
    "commentator", "investigator", "adviser", "advisor", "staffer", "representative", "democrat",
    "republican", "man", "woman", "friend", "neighbor", "family", "employee", "worker", "most", "few",
    "several", "all", "both", "everyone", "nobody", "one", "statement", "memo", "letter", "data",
    "doctor", "nurse", "engineer", "teacher", "lawyer", "attorney", "prosecutor", "farmer", "pilot",
    "director", "manager", "executive", "minister", "commander", "chief", "mayor", "governor",
    "operative", "strategist", "consultant", "donor", "delegate", "superdelegate", "ally", "backer",
    "loyalist", "volunteer", "pollster", "fellow", "professor", "historian", "scholar",
    "number", "majority", "minority", "handful", "dozen", "couple", "host", "slew",  # "a number of delegates"
    "head",  # "the head of the rules committee"
}
# head nouns of phrases that name an organisation without a proper name
ORG_HEADS = {
    "government", "military", "ministry", "army", "police", "company", "group", "party", "campaign",
    "committee", "agency", "administration", "department", "office", "court", "council", "kremlin",
    "white house", "pentagon", "parliament", "congress", "senate", "house", "commission", "authority",
    "authorities", "union", "organization", "organisation", "firm", "embassy", "regime", "cabinet",
    "team", "board", "newspaper", "network", "outlet", "magazine", "paper", "post", "times", "agency",
    "navy", "command", "force", "forces", "service", "bureau", "coalition", "alliance", "movement",
    "state", "country", "nation", "city", "county", "school", "university", "hospital", "bank",
    "guild", "association", "federation", "institute", "foundation", "corporation", "council",
}
# role nouns that, made definite ("the candidate", "the front-runner"), name someone the report is about even when
# no one is given that title in so many words: they fall back on the salient person before them
PERSON_ROLES = {
    "candidate", "front-runner", "frontrunner", "nominee", "contender", "hopeful", "senator", "governor",
    "president", "congressman", "congresswoman", "speaker", "chairman", "chairwoman", "mayor", "businessman",
    "businesswoman", "billionaire", "mogul", "tycoon", "republican", "democrat", "secretary", "neurosurgeon",
    "incumbent", "challenger", "premier", "chancellor", "lawmaker", "director",
}
# nouns for one person's role or occupation that a definite description may name someone by
ROLE_NOUNS = PERSON_ROLES | {
    "ambassador", "spokesman", "spokeswoman", "spokesperson", "chief", "manager", "strategist", "adviser",
    "advisor", "aide", "lawyer", "attorney", "judge", "justice", "prosecutor", "official", "officer",
    "commissioner", "minister", "pollster", "economist", "professor", "analyst", "author", "founder",
    "executive", "host", "anchor", "moderator", "reporter", "commander", "general", "sheriff", "pastor",
    "doctor", "surgeon", "physician", "activist", "leader", "head", "dean", "coach", "veteran", "star",
    "actor", "actress", "developer", "investor", "entrepreneur", "politician", "legislator", "delegate", "wife",
    "husband", "widow",
    "father", "mother", "son", "daughter", "brother", "sister", "historian", "scholar", "expert",
}
ROLE_MODIFIERS = {"amod", "compound", "nmod"}
# title abbreviations and variants as the role noun they stand for
ROLE_FORMS = {"sen": "senator", "gov": "governor", "rep": "congressman", "pres": "president", "sec": "secretary",
              "frontrunner": "front-runner", "chair": "chairman", "chairwoman": "chairman", "gop": "republican",
              "democratic": "democrat", "congresswoman": "congressman", "representative": "congressman"}
FAMILY = {"wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "widow", "widower"}
# things said or written, whose issuer or author is who speaks through them
STATEMENT_NOUNS = {"statement", "report", "story", "article", "letter", "memo", "release", "transcript", "video",
                   "ad", "advertisement", "spot", "clip", "tweet", "post", "email", "study", "analysis", "poll",
                   "survey", "response", "document", "endorsement", "editorial", "column", "op-ed", "piece",
                   "petition", "announcement", "note"}
AUTHORS = {"author", "writer", "researcher"}  # those who wrote a document ("the study's authors")
# how a group is tied to the person it is named after ("Democrats supporting Ana Ruiz")
TIES = {"support", "back", "oppose", "represent", "advise", "endorse", "serve", "follow", "work"}
POLLS = {"poll", "survey"}
RUNS_POLLS = {"conduct", "commission", "carry", "take", "release", "publish", "run", "sponsor", "field"}
STUDIES = {"study", "analysis", "report", "paper"}  # documents a body's researchers write ("its authors")
# words for the same document, one may take up another ("a report by X … the story")
DOCUMENT_KIN = {"story": {"story", "report", "article", "piece", "column", "editorial", "note"},
                "statement": {"statement", "release", "response", "letter", "memo"},
                "video": {"video", "ad", "advertisement", "spot", "clip"}}
for _kin in list(DOCUMENT_KIN.values()):
    for _word in _kin:
        DOCUMENT_KIN.setdefault(_word, _kin)
# verbs whose subject issues, publishes or writes their object
ISSUING = {"issue", "release", "publish", "send", "post", "tweet", "fire", "air", "run", "write", "file",
           "circulate", "unveil", "launch", "distribute", "put", "pen", "sign", "produce", "email", "blast"}
FOCUS_WORDS = {"even"}
THINKS = {"think", "believe", "understand", "know", "suspect", "fear", "feel"}  # ", who thinks that …"
DASHES = {"-", "—", "–", "--", "―"}
ASIDE_PREPS = {"like", "unlike"}  # "Ana Ruiz, like the mayor, …": a comparison set off by commas
# role nouns for whoever leads a body: one may stand for another the report gives ("the head of the rules
# committee" for its chairman, "the state's party leader" for its chairman)
LEADS = {"head", "leader", "chairman", "chief", "boss", "president"}
PARTIES = {"republican", "democrat"}
OFFICES = {"senator", "governor", "mayor", "congressman", "president", "speaker", "secretary", "director", "chairman"}
# passive verbs of perceiving with what was perceived in a participle: "was heard saying …", "could be seen leaving"
PERCEIVING_VERBS = frozenset({"hear", "overhear", "see", "catch", "record", "film", "tape", "videotape"})
