"""Whether an organisation's name fits a noun that describes a body by its kind ("the company", "the group",
"the newspaper", "the agency").

A report names an organisation once and then refers to it by its kind: "Lenport Mutual … the company said",
"the Veyra Policy Center … the think tank found", "the Harbour Courier … the newspaper reported". Most names
do not end in that noun, so the words of the name are read for what kind of body it is: a paper or a network
by its masthead words ("Courier", "Times", "News"), a government body by its office words ("Department",
"Agency", or an acronym such as "FBI"), a party, a school, an advocacy group ("Fund", "Foundation",
"Institute", "Center"). A name with none of these words may be a company or a group, never a paper or an
agency; a paper is not taken up as "the company" (its owner may be meant). The resolver asks this only of
the organisation named last (``bodies_before.body_before``).
"""

from __future__ import annotations

import re

MEDIA = {"times", "post", "news", "journal", "tribune", "sentinel", "herald", "register", "gazette", "daily",
         "magazine", "press", "network", "channel", "radio", "tv", "inquirer", "chronicle", "observer",
         "examiner", "globe", "courier", "telegraph", "guardian", "bulletin", "reuters", "cnn", "msnbc", "nbc",
         "abc", "cbs", "fox", "bbc", "npr", "pbs", "bloomberg", "politico", "breitbart", "buzzfeed"}
GOVERNMENT = {"department", "agency", "bureau", "administration", "office", "ministry", "commission", "service",
              "authority", "court", "senate", "house", "congress", "parliament", "police", "army", "navy",
              "military", "government", "pentagon", "kremlin", "council", "committee", "board", "cabinet"}
PARTY = {"party", "gop", "democrats", "republicans"}
SCHOOL = {"university", "college", "school", "academy"}
ADVOCACY = {"foundation", "fund", "institute", "center", "centre", "coalition", "alliance", "association",
            "society", "league", "union", "federation", "project", "watch", "action", "pac", "forum", "trust",
            "group", "network", "initiative", "campaign", "council", "committee", "workers", "employees",
            "convention"}
COMPANY = {"inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "holdings", "industries",
           "group", "bank", "airlines", "motors", "technologies", "systems"}
OFFICES = {"department", "agency", "bureau", "administration", "office", "ministry", "commission", "service",
           "authority"}

# the kind nouns, by the names they fit
PAPERS = {"newspaper", "paper", "outlet", "network", "publication", "magazine", "broadcaster", "channel",
          "station", "tabloid", "daily", "weekly"}
AGENCIES = {"agency", "department", "bureau", "office", "ministry", "commission", "authority"}
COMPANIES = {"company", "firm", "corporation", "conglomerate", "retailer", "manufacturer", "insurer", "lender",
             "carrier", "automaker", "startup", "business"}
GROUPS = {"group", "organization", "organisation", "nonprofit", "charity", "tank", "watchdog"}
KIND_NOUNS = PAPERS | AGENCIES | COMPANIES | GROUPS

_WORD = re.compile(r"[^\W_]+")
_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,4}\.?$")  # "FBI", "C.I.A."


def name_words(name: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(name)}


def fits_kind(noun: str, name: str) -> bool:
    """Whether an organisation called ``name`` may be what "the ``noun``" refers back to."""
    words = name_words(name)
    media = bool(words & MEDIA)
    acronym = bool(_ACRONYM.match(name.removeprefix("the ").strip()))
    if noun in PAPERS:
        return media
    if noun in AGENCIES:
        return bool(words & OFFICES) or acronym and not media
    if noun in COMPANIES:
        return not (media or acronym or words & (GOVERNMENT | PARTY | SCHOOL | ADVOCACY - {"group"})) or bool(
            words & COMPANY - {"group"})
    if noun in GROUPS:
        return not (media or acronym or words & (GOVERNMENT - {"council", "committee", "board"} | PARTY | SCHOOL)
                    or words & COMPANY - {"group"})
    return False
