"""Attribution on fictional sentences: one construct per case."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from storyline.extract.attribution import find_attributions
from storyline.extract.cues import STATUS_BY_CLASS, load_cues
from storyline.extract.entities import find_entities
from storyline.extract.quotes import find_quotes
from storyline.extract.source_phrases import source_span
from storyline.extract.speakers import _subject
from storyline.extract.spans import _subtree_span


def mentions(nlp, text):
    doc = nlp(text)
    return find_attributions(doc, find_entities(doc))


def hand_parsed(nlp, tokens):
    """A parse written by hand, for a misparse the real parser makes on some texts: one (word, head, dep,
    pos[, tag, lemma]) per token."""
    columns = list(zip(*tokens))
    more = {"tags": list(columns[4]), "lemmas": list(columns[5])} if len(columns) == 6 else {}
    return Doc(nlp.vocab, words=list(columns[0]), heads=list(columns[1]), deps=list(columns[2]),
               pos=list(columns[3]), **more)


# text, source name, cue, form, content substring, status
CASES = [
    # direct quotes, every order
    ('Mayor Ilse Varga said, "The bridge will reopen on Monday."',
     "Ilse Varga", "said", "direct", "The bridge will reopen on Monday", "reported"),
    ('"The bridge will reopen on Monday," Ilse Varga said.',
     "Ilse Varga", "said", "direct", "The bridge will reopen on Monday", "reported"),
    ("“We have enough water for a week,” said Tomas Brel, the harbour master of Lenport.",
     "Tomas Brel", "said", "direct", "We have enough water for a week", "reported"),
    ("Tomas Brel declared, “The port is closed. No ship will leave tonight.”",
     "Tomas Brel", "declared", "direct", "No ship will leave tonight", "reported"),
    ("Tomas Brel said: “The port is closed until further notice.”",
     "Tomas Brel", "said", "direct", "The port is closed until further notice", "reported"),
    ("“Stay indoors and keep your radios on,” urged Col. Anya Petrak, the commander of the Lenport garrison.",
     "Anya Petrak", "urged", "direct", "Stay indoors", "reported"),
    ("“The dam is holding,” the engineer Paulo Resende said, “but the pressure keeps rising.”",
     "Paulo Resende", "said", "direct", "but the pressure keeps rising", "reported"),
    ("“We saw the fire from the ridge,” said one witness.",
     "one witness", "said", "direct", "We saw the fire from the ridge", "reported"),
    ("“Nobody warned us,” a resident complained.",
     "resident", "complained", "direct", "Nobody warned us", "reported"),
    ("“It was chaos,” she laughed.",
     "she", "laughed", "direct", "It was chaos", "reported"),
    # indirect speech by cue class
    ("Inspector Hana Olt said that the fire started in the basement.",
     "Hana Olt", "said", "indirect", "that the fire started in the basement", "reported"),
    ("The ferry company told reporters the crossing would resume at noon.",
     "ferry company", "told", "indirect", "the crossing would resume at noon", "reported"),
    ("Lorn Dakers claimed that the vote had been rigged.",
     "Lorn Dakers", "claimed", "indirect", "that the vote had been rigged", "reported"),
    ("The union alleges that managers ignored the safety warnings.",
     "union", "alleges", "indirect", "managers ignored the safety warnings", "reported"),
    ("Lorn Dakers insisted the ballots were counted twice.",
     "Lorn Dakers", "insisted", "indirect", "the ballots were counted twice", "reported"),
    ("The auditor reported that two million crowns were missing.",
     "auditor", "reported", "indirect", "two million crowns were missing", "reported"),
    ("The audit revealed that the accounts had been altered.",
     "audit", "revealed", "indirect", "the accounts had been altered", "reported"),
    ("The governor urged residents to leave the valley.",
     "governor", "urged", "indirect", "to leave the valley", "reported"),
    ("The fishermen's guild called for an inquiry into the spill.",
     "fishermen's guild", "called for", "indirect", "an inquiry into the spill", "reported"),
    ("Senator Rui Adamo warned that the levee could fail overnight.",
     "Rui Adamo", "warned", "indirect", "the levee could fail overnight", "reported"),
    ("Doctors at the Lenport clinic believe the outbreak is under control.",
     "Doctors at the Lenport clinic", "believe", "indirect", "the outbreak is under control", "reported"),
    ("The minister wants to close the border by Friday.",
     "minister", "wants", "indirect", "to close the border by Friday", "reported"),
    ("The Lenport council fears that the river will flood the old town.",
     "Lenport council", "fears", "indirect", "the river will flood the old town", "reported"),
    # dispute, deny, confirm
    ("The Coastal Authority disputes the accuracy of the flood maps.",
     "Coastal Authority", "disputes", "indirect", "the accuracy of the flood maps", "disputed"),
    ("The mining company has rejected the findings of the inspectors.",
     "mining company", "has rejected", "indirect", "the findings of the inspectors", "disputed"),
    ("The Harbor Guard has firmly denied the reports of a second spill.",
     "Harbor Guard", "has firmly denied", "indirect", "the reports of a second spill", "denied"),
    ("Lorn Dakers denied that he had met the contractor.",
     "Lorn Dakers", "denied", "indirect", "he had met the contractor", "denied"),
    ("Police confirmed that three people were injured.",
     "Police", "confirmed", "indirect", "three people were injured", "confirmed"),
    # according to, mixed, unnamed and hedged sources
    ("According to the fire brigade, the warehouse was empty when the blaze began.",
     "fire brigade", "According to", "indirect", "the warehouse was empty", "reported"),
    ("The warehouse was empty, according to two firefighters.",
     "two firefighters", "according to", "indirect", "The warehouse was empty", "reported"),
    # the verb group runs over a no-break space and an adverb's own adverb; acknowledging is admitting,
    # not verifying (DESIGN.md: confirmed is "says it has been verified")
    ("The port authority has\xa0acknowledged that the pier was unsafe.",
     "port authority", "has\xa0acknowledged", "indirect", "the pier was unsafe", "reported"),
    ("Mayor Ilse Varga is once again claiming that the levy will fall.",
     "Ilse Varga", "is once again claiming", "indirect", "the levy will fall", "reported"),
    ("“The pier is closed,” the port authority said Friday in a statement.",
     "port authority", "said Friday in a statement", "direct", "The pier is closed", "reported"),
    # a participle says what the one it describes says
    ("Reporters filmed a dock worker saying that the crane had snapped.",
     "dock worker", "saying", "indirect", "the crane had snapped", "reported"),
    # the parser hangs the clause on the source ("reeks" an apposition) or makes a verb of a noun ("show")
    ("According to harbour master Oren Falk, the pier reeks of diesel and neglect.",
     "Oren Falk", "According to", "indirect", "the pier reeks of diesel and neglect", "reported"),
    ("As a dock boss in Veyra, Tomas Brel routinely shouted at crews, according to show insiders.",
     "insiders", "according to", "indirect", "Tomas Brel routinely shouted at crews", "reported"),
    ('Ilse Varga said the evacuation plan was "a disgrace."',
     "Ilse Varga", "said", "mixed", 'the evacuation plan was "a disgrace', "reported"),
    ("Some reports are saying that the convoy turned back at the border.",
     "Some reports", "are saying", "indirect", "the convoy turned back at the border", "reported"),
    ("Multiple sources said the talks had collapsed.",
     "Multiple sources", "said", "indirect", "the talks had collapsed", "reported"),
    ("Witnesses said the truck was driving without lights.",
     "Witnesses", "said", "indirect", "the truck was driving without lights", "reported"),
    ("Officials said the road would stay closed for a week.",
     "Officials", "said", "indirect", "the road would stay closed", "reported"),
    ("Analysts expect the currency to fall further.",
     "Analysts", "expect", "indirect", "the currency to fall further", "reported"),
    ("A spokesperson for the ministry said the minister was unharmed.",
     "spokesperson for the ministry", "said", "indirect", "the minister was unharmed", "reported"),
    ("The militia is said to control the northern pass.",
     "unnamed", "is said", "indirect", "The militia is said to control the northern pass", "unverified"),
    ("The envoy is believed to have left the capital.",
     "unnamed", "is believed", "indirect", "The envoy is believed to have left the capital", "unverified"),
    ("The ferry service is expected to resume on Thursday.",
     "unnamed", "is expected", "indirect", "The ferry service is expected to resume on Thursday", "unverified"),
    ("It was announced that the Lenport ferry would stop for a week.",
     "unnamed", "was announced", "indirect", "the Lenport ferry would stop for a week", "unverified"),
    ("The rebels reportedly seized the airport.",
     "unnamed", "reportedly", "indirect", "seized the airport", "unverified"),
    # other verb groups and cue shapes
    ("Tomas Brel has repeatedly said that the port is safe.",
     "Tomas Brel", "has repeatedly said", "indirect", "the port is safe", "reported"),
    ("Tomas Brel pointed out that the cranes were never inspected.",
     "Tomas Brel", "pointed out", "indirect", "the cranes were never inspected", "reported"),
    ("The Lenport council said in a statement that the curfew would end at dawn.",
     "Lenport council", "said in a statement", "indirect", "the curfew would end at dawn", "reported"),
    ("Ilse Varga, who chairs the committee, said the hearing would be public.",
     "Ilse Varga", "said", "indirect", "the hearing would be public", "reported"),
    # nominal cues, light verbs and phrases
    ("Critics dismissed Koval's claim that the port had been mined.",
     "Koval", "claim", "indirect", "that the port had been mined", "reported"),
    ("Tan stirred anger with his remark that the port is a ruin.",  # statement nouns (issue 15)
     "Tan", "remark", "indirect", "that the port is a ruin", "reported"),
    ("Anger followed Brel's comments that the harbour should be sold.",  # issue 15
     "Brel", "comments", "indirect", "that the harbour should be sold", "reported"),
    ("The guild's complaint that the quota was cut reached the ministry.",
     "guild", "complaint", "indirect", "that the quota was cut", "reported"),
    ("Brel's plan to reopen the harbour drew fire from the guild.",
     "Brel", "plan", "indirect", "to reopen the harbour", "reported"),
    ("Koval repeated her claim that the port had been mined.",
     "Koval", "repeated her claim", "indirect", "that the port had been mined", "reported"),
    ("The mayor made the case that the bridge must close.",
     "mayor", "made the case", "indirect", "that the bridge must close", "reported"),
    ("The minister expressed hope that the talks would resume.",
     "minister", "expressed hope", "indirect", "that the talks would resume", "reported"),
    ("Ruiz has made it plain that the port will stay shut.",
     "Ruiz", "has made it plain", "indirect", "that the port will stay shut", "reported"),
    ("Most residents see the curfew as a trap.",
     "residents", "see", "indirect", "the curfew as a trap", "reported"),
    # a that-clause the parser hung on another word (issue 15)
    ("At a rally in Dunmore, Ana Ruiz was just as blunt, claiming without any evidence that the mayor wanted "
     "to close 30 schools.", "Ana Ruiz", "claiming", "indirect", "that the mayor wanted to close 30 schools",
     "reported"),
    ("And in the capital, where Ruiz has managed to remain popular, some councillors made clear that they "
     "would like to see her run again.", "councillors", "made clear", "indirect",
     "that they would like to see her run again", "reported"),
    # a "that" the parser read as a relative pronoun although the clause already has its object (issue 15)
    ("Ilse Varga defended her record on Sunday, telling the radio host that she had seen strong support from "
     "the dockers.", "Ilse Varga", "telling", "indirect", "that she had seen strong support from the dockers",
     "reported"),
    # a that-clause the parser hung on a participle describing the cue's occasion (issue 15)
    ("Ilse Varga had said in a radio interview taped before the storm that the levee had held.",
     "Ilse Varga", "had said in a radio interview", "indirect", "that the levee had held", "reported"),
    ("Tomas Aldane said in an interview with the Kestrel Gazette published Thursday that he would not run again.",
     "Tomas Aldane", "said in an interview", "indirect", "that he would not run again", "reported"),
    ("Ilse Varga told reporters at a briefing held in the port that the ferry would resume on Friday.",
     "Ilse Varga", "told", "indirect", "that the ferry would resume on Friday", "reported"),
    # what speakers agree on is what they say together (issue 15)
    ("The three harbor councillors broadly agreed on a duty to rebuild the sea wall.",
     "three harbor councillors", "broadly agreed on", "indirect", "a duty to rebuild the sea wall", "reported"),
    # a cue after an adjective of manner on a copula: its subject speaks (issue 15)
    ("The dock workers were quick to point out that the flood gates had failed.",
     "dock workers", "to point out", "indirect", "that the flood gates had failed", "reported"),
    ("The harbor councillors were quick to cast the flood as the consequence of failed leadership at the port.",
     "harbor councillors", "to cast", "indirect", "the flood as the consequence of failed leadership", "reported"),
    # a text that "reads" a quote: an editorial, a headline, a sign (issue 15); not a person reading
    ("“The council has less backbone than a jellyfish,” reads a Monday editorial in the Kestrel Gazette.",
     "Kestrel Gazette", "reads", "direct", "The council has less backbone than a jellyfish", "reported"),
    # a cue noun whose owner is named by "by", its clause after a phrase on it (issue 15)
    ("On Friday it was a report by the Harbour Post that the minister had falsified the ferry records.",
     "Harbour Post", "report", "indirect", "that the minister had falsified the ferry records", "reported"),
    ("Mayor Tomas Brel is choosing not to respond to recent Ruiz campaign accusations that his backers are "
     "waging profane attacks on her.", "Ruiz campaign", "accusations", "indirect",
     "that his backers are waging profane attacks on her", "reported"),
    ("Ana Ruiz came under fire over her assertion during the hearing that the pier was safe.",
     "her", "assertion", "indirect", "that the pier was safe", "reported"),
    ("Tomas Brel pointed to the cracked seawall.",
     "Tomas Brel", "pointed to", "indirect", "the cracked seawall", "reported"),
    ("Its owner refused to release the safety logs.",
     "owner", "refused", "indirect", "to release the safety logs", "reported"),
    ("The dock manager reminded the crews that the gates close at ten.",
     "dock manager", "reminded", "indirect", "that the gates close at ten", "reported"),
    # what the parser hangs on the cue after its content
    ("Ilse Varga said the ferry stopped because the pilots were on strike.",
     "Ilse Varga", "said", "indirect", "the ferry stopped because the pilots were on strike", "reported"),
    ("Tomas Brel says the levy would cut traffic at first, but would pay for a new quay within a decade.",
     "Tomas Brel", "says", "indirect", "but would pay for a new quay within a decade", "reported"),
    ("The guild applauded the dock crews for their courage during the storm.",
     "guild", "applauded", "indirect", "the dock crews for their courage", "reported"),
    ("As Ilse Varga noted, the ferry has not sailed since March.",
     "Ilse Varga", "noted", "indirect", "the ferry has not sailed since March", "reported"),
    ("The new levy, as Tomas Brel has argued, will hurt the small boats.",
     "Tomas Brel", "has argued", "indirect", "The new levy, as Tomas Brel has argued, will hurt the small boats",
     "reported"),
    ("Tomas Brel said the levy would double and added that the quay would close.",
     "Tomas Brel", "added", "indirect", "that the quay would close", "reported"),
    ("Ilse Varga made clear on Monday that the ferry would stop.",
     "Ilse Varga", "made clear", "indirect", "that the ferry would stop", "reported"),
    ("“The quay is unsafe,” Ilse Varga said, adding that the cranes were old. “Nobody listens to us.”",
     "Ilse Varga", "said", "direct", "Nobody listens to us", "reported"),
    ("Ilse Varga said Tuesday that the ferry would stop.",
     "Ilse Varga", "said Tuesday", "indirect", "that the ferry would stop", "reported"),
    ("“The ferry will stop,” Tomas Brel said sarcastically.",
     "Tomas Brel", "said sarcastically", "direct", "The ferry will stop", "reported"),
    ("Varga tweeted in the early morning hours that Brel was “reckless” and “a fraud” and urged voters to "
     "“look closely” at his record.",
     "Varga", "urged", "mixed", "voters to “look closely” at his record", "reported"),
    ("Ilse Varga went on to say that the ferry would stop.",
     "Ilse Varga", "went on to say", "indirect", "that the ferry would stop", "reported"),
    ("Tomas Brel began by saying that the quay was safe.",
     "Tomas Brel", "began by saying", "indirect", "that the quay was safe", "reported"),
    # a name the parser hung elsewhere, right before its cue
    ("In an interview with the harbour radio Tomas Brel said that the levy would double.",
     "Tomas Brel", "said", "indirect", "that the levy would double", "reported"),
    # the speaker of a clause behind a preposition
    ("After saying the seawall was sound, Tomas Brel was taken to the harbour office.",
     "Tomas Brel", "saying", "indirect", "the seawall was sound", "reported"),
    # verbs of attack and their reasons; a verdict cast "as" something; a reason kept with it
    ("Councillor Ilse Varga lambasted the harbour board's plan as a gift to the shipping lines.",
     "Ilse Varga", "lambasted", "indirect", "the harbour board's plan as a gift to the shipping lines", "reported"),
    ("Tomas Brel slammed the port authority for closing the north quay without warning.",
     "Tomas Brel", "slammed", "indirect", "the port authority for closing the north quay without warning",
     "reported"),
    ("Ilse Varga ripped the port authority for its slow response to the flood.",
     "Ilse Varga", "ripped", "indirect", "the port authority for its slow response to the flood", "reported"),
    # a verb of attack is a cue only with what it holds against someone (issue 15)
    ("Mayor Ana Ruiz attacked her rival Tomas Aldane for his ties to the harbour developer.",
     "Ana Ruiz", "attacked", "indirect", "her rival Tomas Aldane for his ties to the harbour developer", "reported"),
    ("Ilse Varga has been hitting the ferry company for raising its fares twice.",
     "Ilse Varga", "has been hitting", "indirect", "the ferry company for raising its fares twice", "reported"),
    ("Ilse Varga portrayed Brel as reckless because he had ignored the tide tables.",
     "Ilse Varga", "portrayed", "indirect", "Brel as reckless because he had ignored the tide tables", "reported"),
    ("Dock workers compared the levy to a toll on every crate.",
     "Dock workers", "compared", "indirect", "the levy to a toll on every crate", "reported"),
    ("Tomas Brel warned of a long strike at the harbour.",
     "Tomas Brel", "warned of", "indirect", "a long strike at the harbour", "reported"),
    ("Tomas Brel warned against letting the tankers dock at night.",
     "Tomas Brel", "warned against", "indirect", "letting the tankers dock at night", "reported"),
    # a cue noun as the subject of the that-clause it states
    ("Perhaps Tomas Brel's most surprising suggestion was that the ferry had sailed without lights.",
     "Tomas Brel", "suggestion", "indirect", "that the ferry had sailed without lights", "reported"),
    # a view's owner says the rest of the sentence
    ("In Tomas Brel's view, the levy will ruin the small boats.",
     "Tomas Brel", "In Tomas Brel's view", "indirect", "the levy will ruin the small boats", "reported"),
    # the parser made the cue a clause of the statement after it
    ("If anything, Tomas Brel argued in his email, the incident is an illustration of why the council should "
     "adopt new rules.", "Tomas Brel", "argued in his email", "indirect",
     "the incident is an illustration of why the council should adopt new rules", "reported"),
    # the parser joined a closing tag to the statement as a second clause ("…, her aide, X, told the Ledger")
    ("Despite a string of losses on Monday, Mayor Ilse Varga remains determined to keep the ferry running until "
     "the summer, her chief aide, Tomas Aldane, told the Harbour Ledger.", "Tomas Aldane", "told", "indirect",
     "Mayor Ilse Varga remains determined to keep the ferry running until the summer", "reported"),
    # a passive criticism: the by-agent says it, the reason is what is said
    ("The ferry operator has been criticized by dock workers for cutting the night crossings.",
     "dock workers", "has been criticized", "indirect", "cutting the night crossings", "reported"),
]


@pytest.mark.parametrize("text", [
    "Rebels attacked the town of Kestrel for three days.",
    "Ilse Varga hit Tomas Aldane on the ferry levy during the debate.",
    "The storm hit the harbour on Monday.",
    "Ana Ruiz hit the campaign trail with Tomas Aldane for the first time.",
])
def test_a_verb_of_attack_without_a_reason_is_no_cue(nlp, text):
    assert not [m for m in mentions(nlp, text) if m.cue and m.cue.split()[-1] in {"attacked", "hit"}]


def test_a_second_clause_joined_by_and_is_no_closing_tag(nlp):
    text = "The ferry will keep running through the summer, and Ilse Varga told reporters about it."
    assert not [m for m in mentions(nlp, text) if m.cue == "told"]


def test_a_that_after_but_is_no_clause_of_the_cue_before_it(nlp):
    """"… doubted her but that …": the second clause of "says", not what the doubters said."""
    text = "Ana Ruiz says many doubted her in Dunmore but that she and her dockers never doubted each other."
    assert not [m for m in mentions(nlp, text) if m.cue == "doubted" and "never doubted" in m.text]


def test_a_content_starts_past_a_participle_describing_the_occasion(nlp):
    """"said in an interview with X published Thursday that …": the parser read the participle as the clause said."""
    text = "Tomas Aldane said in an interview with the Kestrel Gazette published Thursday that he would not run again."
    [m] = [m for m in mentions(nlp, text) if m.cue.startswith("said")]
    assert m.text == "that he would not run again"


def test_too_close_to_call_is_no_one_calling(nlp):
    text = "The late surge caused the harbor race to be too close to call for much of the night."
    assert not [m for m in mentions(nlp, text) if "call" in m.cue]


def test_reading_a_text_without_a_quote_is_no_cue(nlp):
    assert not [m for m in mentions(nlp, "Ana Ruiz read the harbour report on Monday.") if m.cue == "read"]


@pytest.mark.parametrize(("text", "source", "cue", "form", "content", "status"), CASES)
def test_construct(nlp, text, source, cue, form, content, status):
    found = mentions(nlp, text)
    match = [m for m in found if m.cue == cue]
    assert match, f"no mention with cue {cue!r}: {[(m.cue, m.text) for m in found]}"
    m = match[0]
    assert content in m.text
    assert m.text == text[m.start:m.end]
    assert m.source.name.lower().endswith(source.lower()) or source.lower() in m.source.name.lower()
    assert m.form == form
    assert m.status == status
    assert m.hedges == []
    assert m.sentence is not None and m.sentence[0] <= m.start and m.end <= m.sentence[1]
    assert text[m.cue_span[0]:m.cue_span[1]] == m.cue


def test_source_span_and_role(nlp):
    text = "“Keep the gates shut,” urged Col. Anya Petrak, the commander of the Lenport garrison."
    [m] = mentions(nlp, text)
    assert text[m.source.span[0]:m.source.span[1]] == "Col. Anya Petrak, the commander of the Lenport garrison"
    assert m.source.role == "the commander of the Lenport garrison"
    assert m.source.kind == "person"
    assert m.source.entity == "anya petrak"


@pytest.mark.parametrize(("text", "kind"), [
    ("Some reports are saying that the convoy turned back.", "unnamed"),
    ("Officials said the road would stay closed.", "unnamed"),
    ("The Coastal Authority said the beach would reopen.", "organization"),
    ("Marta Koval said the beach would reopen.", "person"),
])
def test_source_kind(nlp, text, kind):
    assert mentions(nlp, text)[0].source.kind == kind


def test_pronoun_he_added_resolves_to_previous_speaker(nlp):
    text = ("Marta Koval, the mayor of Lenport, declared, “The water is safe to drink.” "
            "He added, “We will test it again tomorrow.”")
    found = mentions(nlp, text)
    added = next(m for m in found if m.cue == "added")
    assert added.source.name == "Marta Koval"
    assert added.form == "direct"
    assert text[added.source.span[0]:added.source.span[1]] == "He"


def test_pronoun_it_resolves_to_organisation(nlp):
    text = ("The Lenport council has denied the claims of a cover-up. "
            "Instead, it has labeled the leak a “minor incident.”")
    labeled = next(m for m in mentions(nlp, text) if m.cue == "has labeled")
    assert labeled.source.name.lower() == "lenport council"
    assert labeled.source.kind == "organization"
    assert labeled.form == "mixed"


def test_short_name_resolves_to_full_name(nlp):
    text = ("Marta Koval arrived in Lenport on Tuesday. "
            "Koval said the water plant would be rebuilt.")
    [m] = mentions(nlp, text)
    assert m.source.name == "Marta Koval"
    assert m.source.entity == "marta koval"


def test_nested_attribution_gives_two_mentions(nlp):
    text = ("Dakers, once an aide to the governor, says he is demanding compensation following "
            "what he claims to be a deliberate flooding of his farms by the water board.")
    found = mentions(nlp, text)
    says = next(m for m in found if m.cue == "says")
    claims = next(m for m in found if m.cue == "claims")
    assert says.text.startswith("he is demanding compensation")
    assert claims.text.startswith("to be a deliberate flooding")
    assert claims.source.name == says.source.name
    assert claims.start >= says.start and claims.end <= says.end


def test_quote_continued_in_next_paragraph(nlp):
    text = ("“The river rose faster than any model predicted,” said Paulo Resende, an engineer.\n\n"
            "“We had maybe twenty minutes to get everyone out.”\n\nThe town was evacuated by noon.")
    [m] = mentions(nlp, text)
    assert m.text.endswith("“We had maybe twenty minutes to get everyone out.”")
    assert m.form == "direct"


def test_a_reporters_paragraph_between_two_quotes_ends_the_first(nlp):
    """Issue 15: '“…” Brel wrote.\n\nIt did not.\n\n“…”' — the second quote is not Brel's sentence run on."""
    text = ("“The ferry company,” Tomas Brel wrote on Monday, “will move its yard to Lenport.”\n\n"
            "It did not.\n\n"
            "“Watch the cranes come down one by one, and nobody will say a word.”")
    wrote = next(m for m in mentions(nlp, text) if m.cue.startswith("wrote"))
    assert wrote.text.endswith("will move its yard to Lenport.”")


def test_a_quote_after_a_persons_clause_and_a_colon_is_theirs(nlp):
    text = ("Mayor Ilse Varga said the pier would stay shut.\n\n"
            "Tomas Aldane gloated: \u201cI told you the levy would fail.\u201d")
    gloat = [m for m in mentions(nlp, text) if "levy" in m.text]
    assert [(m.source.name, m.text, m.form) for m in gloat] == [
        ("Tomas Aldane", "\u201cI told you the levy would fail.\u201d", "direct")]


def test_a_new_paragraphs_lead_in_ends_the_last_speakers_quote(nlp):
    text = ("\u201cWe will appeal,\u201d Tomas Aldane said on Friday.\n\n"
            "Then, later that month on local radio: \u201cWe never closed the pier.\u201d")
    [m] = mentions(nlp, text)
    assert m.text == "\u201cWe will appeal,\u201d"


def test_the_reporters_even_is_no_part_of_the_source(nlp):
    text = "Even the port authority, which owns the pier, said the cranes were unsafe."
    [m] = mentions(nlp, text)
    assert text[slice(*m.source.span)].startswith("the port authority")


def test_a_live_blog_headline_is_no_part_of_the_speaker(nlp):
    text = ("The Latest on the harbour strike in Veyra (all times local):\n\n7 p.m.\n\n"
            "Mayor Ilse Varga is again claiming that the strike will end on Friday.\n")
    [m] = mentions(nlp, text)
    assert m.source.name == "Ilse Varga" and text[slice(*m.source.span)] == "Mayor Ilse Varga"


def test_quote_after_an_indirect_content_before_its_cue_continues_it(nlp):
    text = 'The pier may close next week, harbour master Ana Ruiz said. "We have no choice. The cranes are unsafe."'
    [m] = mentions(nlp, text)
    assert m.text.startswith("The pier may close") and m.text.endswith('The cranes are unsafe."')
    assert m.form == "mixed"  # an indirect part and a quoted one


def test_a_quoted_show_title_and_an_honorific_do_not_break_the_continuation(nlp):
    text = "“The pier is safe,” Mr. Brel said on “Harbour Hour.” “Nobody was hurt and the ferries still run.”"
    said = next(m for m in mentions(nlp, text) if m.cue == "said")
    assert said.text.startswith("“The pier is safe,”") and said.text.endswith("the ferries still run.”")


def test_a_verb_speaking_through_its_cue_noun_gives_one_row(nlp):
    # the parser hung the clause on the verb, not on the noun: one row for the verb, not a second for the noun
    found = mentions(nlp, "Tan repeated his complaint that the levy is unfair.")
    assert [m.text for m in found] == ["that the levy is unfair"]


def test_a_text_that_reads_may_be_it(nlp):
    text = 'The guild sent the council a letter on Monday. "The levy will ruin us," it read.\n\n'
    read = _one(mentions(nlp, text), "read")
    assert read.text == '"The levy will ruin us,"'


def test_a_relative_clause_on_the_speaker_does_not_break_the_continuation(nlp):
    text = ('"The harbour is failing," said Ana Ruiz, the director of the Velm port board, who has not seen the '
            'audit but knows its gist. "Even the ferries are late."\n\n')
    said = next(m for m in mentions(nlp, text) if m.cue == "said")
    assert said.text.startswith('"The harbour is failing,"') and said.text.endswith('the ferries are late."')


def test_a_relative_clause_that_says_something_keeps_the_next_quote_apart(nlp):
    text = ('"The harbour is failing," said Ana Ruiz, the director of the Velm port board, who has not seen the '
            'audit but warned that the cranes are unsafe. "Even the ferries are late."\n\n')
    said = next(m for m in mentions(nlp, text) if m.cue == "said")
    assert not said.text.endswith('the ferries are late."')


@pytest.mark.parametrize(("text", "speaker"), [
    # a participle's speaker is its verb's passive subject
    ("In the recording, Ivo Tan can be heard lecturing the crew: “Sailors of the west, take heed. There are storms "
     "gathering on your horizon.”", "Ivo Tan"),
    # the parser made the verb a modifier of the name before it
    ("Mitt Ruiz, the 2012 Harbour Party nominee, tweeted in response: ''Important distinction: thug Tan fines "
     "sailors and rivals; our mayors fine smugglers.''", "Mitt Ruiz"),
])
def test_a_quote_after_a_colon_is_the_speakers_whatever_the_parse(nlp, text, speaker):
    quote = next(m for m in mentions(nlp, text) if m.form == "direct")
    assert quote.source.name == speaker
    assert quote.text.endswith(("horizon.”", "smugglers.''"))


def test_a_clause_on_each_side_of_the_cue_takes_the_one_after(nlp):
    text = ("The row had begun on Friday after Mr. Brel, asked about the deaths of sailors under Mr. Tan, had said, "
            "“I think our port does plenty of harm too.”")
    said = next(m for m in mentions(nlp, text) if m.cue == "had said")
    assert said.text == "“I think our port does plenty of harm too.”"


def test_a_speaker_behind_a_preposition_of_a_verb_tagged_adjective(nlp):
    # "Ruiz, who surprised Brel by declaring she opposed the levy": the parser made "surprised" an adjective
    doc = hand_parsed(nlp, [
        ("Ruiz", 0, "ROOT", "PROPN", "NNP", "Ruiz"), (",", 0, "punct", "PUNCT", ",", ","),
        ("who", 3, "nsubj", "PRON", "WP", "who"), ("surprised", 0, "relcl", "ADJ", "JJ", "surprised"),
        ("Brel", 3, "dobj", "PROPN", "NNP", "Brel"), ("by", 3, "prep", "ADP", "IN", "by"),
        ("declaring", 5, "pcomp", "VERB", "VBG", "declare"), ("she", 8, "nsubj", "PRON", "PRP", "she"),
        ("opposed", 6, "ccomp", "VERB", "VBD", "oppose"), ("the", 10, "det", "DET", "DT", "the"),
        ("levy", 8, "dobj", "NOUN", "NN", "levy")])
    assert _subject(doc[6]).text == "who"


def test_an_apostrophe_between_two_quotes_does_not_break_the_continuation(nlp):
    text = ("“The cranes are unsafe,” said Ana Ruiz, speaking of the port’s future. "
            "“We have no choice but to close the pier.”")
    said = next(m for m in mentions(nlp, text) if m.cue == "said")
    assert said.text.endswith("“We have no choice but to close the pier.”")


def test_quote_spanning_paragraphs_without_closing_mark(nlp):
    text = ("Tomas Brel said: “The port is closed.\n\n"
            "“No ship will leave tonight.”\n\nRepairs begin next week.")
    [m] = mentions(nlp, text)
    assert "No ship will leave tonight" in m.text


@pytest.mark.parametrize("text", [
    "Did the mayor say that the bridge was safe?",
    "Please check back for updates.",
    "This is a developing story.",
    "The coup attempt, if confirmed, could change the region.",
    "These statements have yet to be independently confirmed.",
    "Witnesses captured footage of the convoy.",
    "The town, known to be a trading hub, sits on the river.",
])
def test_not_attributions(nlp, text):
    assert mentions(nlp, text) == []


def test_cue_inside_quote_is_not_a_mention(nlp):
    text = "“They say the dam is fine, but we know better,” said Ilse Varga."
    found = mentions(nlp, text)
    assert [m.cue for m in found] == ["said"]


def test_find_quotes_curly_straight_and_unclosed():
    text = 'A "straight one" and “curly one” here.\n“open only\nnext line'
    quotes = [text[s:e] for s, e in find_quotes(text)]
    assert quotes == ['"straight one"', "“curly one”", "“open only"]


def test_a_closing_mark_typed_to_open_a_quote_still_opens_it(nlp):
    text = "Readers wrote in.\n”The ferry is a disgrace. Nobody fixed it.” ― Ana Ruiz\nThe fog lifted.”"
    assert [text[s:e] for s, e in find_quotes(text)] == ["”The ferry is a disgrace. Nobody fixed it.”"]
    assert [m.source.name for m in mentions(nlp, text)] == ["Ana Ruiz"]


def test_cue_lexicon_classes():
    cues = load_cues()
    assert cues.cue_class("say") == "say"
    assert cues.cue_class("call for") == "urge"
    assert cues.cue_class("dispute") == "dispute"
    assert cues.cue_class("deny") == "deny"
    assert cues.cue_class("confirm") == "confirm"
    assert cues.cue_class("be say to") == "hedge_source"
    assert set(STATUS_BY_CLASS) == {cls for cls in cues.words.values()} | {cls for cls in cues.phrases.values()}


def _one(found, cue):
    match = [m for m in found if m.cue == cue]
    assert match, f"no mention with cue {cue!r}: {[(m.cue, m.text) for m in found]}"
    return match[0]


def test_dateline_is_never_part_of_a_source(nlp):
    text = ("LENPORT, Ostmark, June 2 (Tarn Wire Service) — Ostmark declared that the dam had failed "
            "after three days of rain.")
    m = _one(mentions(nlp, text), "declared")
    assert m.source.name == "Ostmark"
    assert text[m.source.span[0]:m.source.span[1]] == "Ostmark"


def test_dateline_subject_hung_on_place_name(nlp):
    text = ("LENPORT — The Lenport Ferrymen's Guild (LFG) says it warned Tarnway Freight in writing "
            "in May that the cables were worn.")
    m = _one(mentions(nlp, text), "says")
    assert "LENPORT" not in m.source.name
    assert m.source.name == "Lenport Ferrymen's Guild"
    assert m.source.kind == "organization"
    assert text[m.source.span[0]:m.source.span[1]].startswith("The Lenport Ferrymen's Guild (LFG)")


def test_nested_it_resolves_to_organisation_subject(nlp):
    text = ("The Lenport Ferrymen's Guild says it warned the ferry company that the cables "
            "were worn.")
    warned = _one(mentions(nlp, text), "warned")
    assert warned.source.name == "Lenport Ferrymen's Guild"
    assert warned.text.startswith("that the cables were worn") or "cables were worn" in warned.text


@pytest.mark.parametrize("text", [
    "A ferry worker who asked not to be named said the gates had jammed.",
    "A ferry worker who declined to be identified said the gates had jammed.",
])
def test_anonymity_is_not_an_attribution(nlp, text):
    found = mentions(nlp, text)
    assert [m.cue for m in found] == ["said"]
    assert found[0].text == "the gates had jammed"


@pytest.mark.parametrize("text", [
    "The collapse, if confirmed to have been caused by the old cables, could become the worst in decades.",
    "If the inquiry finds that the cables were faulty, the owners could face charges.",
    "The harbour office did not say how much cargo the permit allowed.",
    "Dozens of people gathered on the pier to remember the 12 people killed in the collapse.",
    "The town will observe a minute's silence on Sunday.",
    "Residents went home after the fire service declared the air safe.",
    "Residents saw smoke over the harbour.",
    "The ferry company declined to comment.",
])
def test_conditionals_and_non_cues(nlp, text):
    assert mentions(nlp, text) == []


def test_split_clause_stays_one_content(nlp):
    text = "Some reports said a barge moored nearby, the Velda Rose, had caught fire and sunk at its berth."
    [m] = mentions(nlp, text)
    assert m.text == "a barge moored nearby, the Velda Rose, had caught fire and sunk at its berth"


def test_questioning_an_abstract_matter_is_commentary(nlp):
    text = "Many analysts are now questioning the impact this collapse will have on the region's trade."
    [m] = mentions(nlp, text)
    assert m.status != "disputed"
    assert m.text == "the impact this collapse will have on the region's trade"


def test_parenthetical_cue_content_leaves_out_a_linking_conjunction(nlp):
    text = "The quay reopened. But the bridge, Mr. Olt said, was closed for repairs."
    m = _one(mentions(nlp, text), "said")
    assert m.text == "the bridge, Mr. Olt said, was closed for repairs"


def test_parenthetical_cue_content_spans_both_sides(nlp):
    text = "The bridge, Mr. Olt said, was closed for repairs."
    m = _one(mentions(nlp, text), "said")
    assert m.text == "The bridge, Mr. Olt said, was closed for repairs"
    assert m.source.name.endswith("Olt")


def test_saying_after_preposition_takes_the_subject(nlp):
    text = "Mr. Olt answered the mayor on Friday by saying her plan was a fraud."
    m = _one(mentions(nlp, text), "saying")
    assert m.source.name.endswith("Olt")
    assert m.text == "her plan was a fraud"


def test_doubled_apostrophes_quote(nlp):
    text = "''The bridge is closed,'' Mr. Olt said. ''It will stay closed.''"
    [m] = mentions(nlp, text)
    assert m.text == text
    assert m.form == "direct"


def test_signed_quotes_and_transcript_lines(nlp):
    text = ("“The harbour must reopen before winter.” ― Ana Ruiz\n"
            '"OLT: We will rebuild the bridge. It will take a year.\n')
    found = mentions(nlp, text)
    dash = _one(found, "―")
    assert dash.source.name == "Ana Ruiz" and dash.text == "“The harbour must reopen before winter.”"
    colon = _one(found, ":")
    assert colon.source.name == "OLT" and colon.text == "We will rebuild the bridge. It will take a year"


def test_trailing_aside_is_not_content(nlp):
    text = "The union argues that the port broke the rules, which the port authority denies."
    m = _one(mentions(nlp, text), "argues")
    assert m.text == "that the port broke the rules"


def test_estimate_keeps_its_figure(nlp):
    text = "Dock workers had estimated the cargo at anywhere from 300 to 500 tonnes."
    [m] = mentions(nlp, text)
    assert m.text == "the cargo at anywhere from 300 to 500 tonnes"


def test_sentence_run_over_a_paragraph_break_keeps_content_in_its_paragraph(nlp):
    text = ("“We are on our third harbour master,” he said. “There is a reason for that. "
            "None of them gave the mayor what she wanted.”\n\n"
            "Looking ahead to the winter, Ilka Moravec explained why she backs the guild over the council.")
    explained = _one(mentions(nlp, text), "explained")
    assert explained.text.startswith("why she backs the guild")
    said = _one(mentions(nlp, text), "said")
    assert said.text.endswith("what she wanted.”")


def test_dateline_after_a_headline(nlp):
    text = ("Guild Says Cranes Were Unsafe\n\n"
            "PORT LENN, Ostmark (Coast Wire) — The Lenport Ferrymen's Guild said the cranes had not been "
            "inspected since May.")
    m = _one(mentions(nlp, text), "said")
    assert text[m.source.span[0]:m.source.span[1]] == "The Lenport Ferrymen's Guild"
    assert m.text == "the cranes had not been inspected since May"


def test_quote_split_by_speaker_and_aside(nlp):
    text = ("“Every ferry is full,” Ana Ruiz said, reading from her list, “and the coast road is closed.”")
    m = _one(mentions(nlp, text), "said")
    assert m.text == text[:text.index(" Ana")] + text[text.index(" Ana"):]
    assert m.form == "direct"


def test_doubled_apostrophes_quote_before_speaker(nlp):
    text = "''If the gates fail, the lower town floods,'' Mr. Olt said."
    [m] = mentions(nlp, text)
    assert m.text == "''If the gates fail, the lower town floods,''"
    assert m.source.name.endswith("Olt")


def test_quote_after_cue_and_addressee(nlp):
    text = "Ilse Varga met the crews on Monday, telling them, “Nobody sails until the storm passes.”"
    m = _one(mentions(nlp, text), "telling")
    assert m.text == "“Nobody sails until the storm passes.”"
    assert m.source.name == "Ilse Varga"


def test_speaker_hung_on_the_quote_by_the_parser(nlp):
    text = "“We were tremendously wrong to wait for the tide,” Ramos, 58, told the radio on Monday."
    m = _one(mentions(nlp, text), "told")
    assert m.source.name == "Ramos"
    assert m.text == "“We were tremendously wrong to wait for the tide,”"


def test_object_the_parser_split_from_its_clause(nlp):
    text = "The guild issued a report that warned the cranes were unsafe."
    m = _one(mentions(nlp, text), "warned")
    assert m.text == "the cranes were unsafe"
    assert m.source.name.endswith("report")
    assert text[m.source.span[0]:m.source.span[1]] == "that"


def test_relative_pronoun_source_names_its_antecedent(nlp):
    text = "Dockers, who say the cranes are unsafe, walked out on Monday."
    [m] = mentions(nlp, text)
    assert text[m.source.span[0]:m.source.span[1]] == "who"
    assert m.source.name == "Dockers"


def test_clause_set_in_the_middle_is_not_a_trailing_aside(nlp):
    text = ("The audit found that in the three largest towns, which include Lenport and Kestrel, "
            "voters were removed at twice the rate.")
    m = _one(mentions(nlp, text), "found")
    assert m.text.endswith("voters were removed at twice the rate")


def _content(doc, head, cue):
    start, end = _subtree_span(doc[head], exclude=doc[cue])
    return doc.text[start:end]


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_dash_aside_holding_a_comma_does_not_cut_the_content(nlp, dash):
    # "Varn had said her pier - there were actually several, in succession - was never flooded": the parser
    # may take the aside's "were" for the clause said and hang "was never flooded" on "said"
    doc = hand_parsed(nlp, [
        ("Varn", 2, "nsubj", "PROPN"), ("had", 2, "aux", "AUX"), ("said", 2, "ROOT", "VERB"),
        ("her", 4, "poss", "PRON"), ("pier", 7, "nsubj", "NOUN"), (dash, 7, "punct", "PUNCT"),
        ("there", 7, "expl", "PRON"), ("were", 2, "ccomp", "VERB"), ("actually", 7, "advmod", "ADV"),
        ("several", 7, "acomp", "ADJ"), (",", 7, "punct", "PUNCT"), ("in", 16, "prep", "ADP"),
        ("succession", 11, "pobj", "NOUN"), (dash, 16, "punct", "PUNCT"), ("was", 16, "auxpass", "AUX"),
        ("never", 16, "neg", "PART"), ("flooded", 2, "advcl", "VERB"), (".", 2, "punct", "PUNCT")])
    assert _content(doc, 7, 2) == (f"her pier {dash} there were actually several , in succession {dash} "
                                   "was never flooded")


def test_a_main_clause_after_a_dash_aside_is_no_part_of_the_content(nlp):
    # "While Lin says she will accept the advice – the one the board picked – traders are wary"
    doc = hand_parsed(nlp, [
        ("While", 2, "mark", "SCONJ"), ("Lin", 2, "nsubj", "PROPN"), ("says", 16, "advcl", "VERB"),
        ("she", 5, "nsubj", "PRON"), ("will", 5, "aux", "AUX"), ("accept", 2, "ccomp", "VERB"),
        ("the", 7, "det", "DET"), ("advice", 5, "dobj", "NOUN"), ("–", 7, "punct", "PUNCT"),
        ("the", 10, "det", "DET"), ("one", 7, "appos", "NOUN"), ("the", 12, "det", "DET"),
        ("board", 13, "nsubj", "NOUN"), ("picked", 10, "relcl", "VERB"), ("–", 16, "punct", "PUNCT"),
        ("traders", 16, "nsubj", "NOUN"), ("are", 16, "ROOT", "AUX"), ("wary", 16, "acomp", "ADJ"),
        (".", 16, "punct", "PUNCT")])
    assert _content(doc, 5, 2) == "she will accept the advice – the one the board picked"


def test_a_verb_joined_after_a_dash_aside_is_the_speakers_next_act(nlp):
    # "Varn praised the crews - they never slept, she said - and argued for a bonus"
    doc = hand_parsed(nlp, [
        ("Varn", 1, "nsubj", "PROPN", "NNP", "Varn"), ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
        ("the", 3, "det", "DET", "DT", "the"), ("crews", 1, "dobj", "NOUN", "NNS", "crew"),
        ("-", 7, "punct", "PUNCT", ":", "-"), ("they", 7, "nsubj", "PRON", "PRP", "they"),
        ("never", 7, "neg", "PART", "RB", "never"), ("slept", 3, "appos", "VERB", "VBD", "sleep"),
        (",", 7, "punct", "PUNCT", ",", ","), ("she", 10, "nsubj", "PRON", "PRP", "she"),
        ("said", 7, "parataxis", "VERB", "VBD", "say"), ("-", 13, "punct", "PUNCT", ":", "-"),
        ("and", 13, "cc", "CCONJ", "CC", "and"), ("argued", 1, "conj", "VERB", "VBD", "argue"),
        ("for", 13, "prep", "ADP", "IN", "for"), ("a", 16, "det", "DET", "DT", "a"),
        ("bonus", 14, "pobj", "NOUN", "NN", "bonus"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert "argued" not in _content(doc, 3, 1)


def test_a_clause_whose_subject_comes_before_the_aside_is_no_part_of_the_content(nlp):
    # "Ruiz, after saying she would not run in the state - it is too big, given its costs - ran there"
    doc = hand_parsed(nlp, [
        ("Ruiz", 21, "nsubj", "PROPN"), (",", 21, "punct", "PUNCT"), ("after", 21, "prep", "ADP"),
        ("saying", 2, "pcomp", "VERB"), ("she", 7, "nsubj", "PRON"), ("would", 7, "aux", "AUX"),
        ("not", 7, "neg", "PART"), ("run", 3, "ccomp", "VERB"), ("in", 7, "prep", "ADP"),
        ("the", 10, "det", "DET"), ("state", 8, "pobj", "NOUN"), ("-", 13, "punct", "PUNCT"),
        ("it", 13, "nsubj", "PRON"), ("is", 10, "appos", "AUX"), ("too", 15, "advmod", "ADV"),
        ("big", 13, "acomp", "ADJ"), (",", 13, "punct", "PUNCT"), ("given", 13, "prep", "VERB"),
        ("its", 19, "poss", "PRON"), ("costs", 17, "pobj", "NOUN"), ("-", 21, "punct", "PUNCT"),
        ("ran", 21, "ROOT", "VERB"), ("there", 21, "advmod", "ADV"), (".", 21, "punct", "PUNCT")])
    assert "ran" not in _content(doc, 7, 3)


def test_words_after_a_dash_aside_hung_above_the_cue_are_no_part_of_the_content(nlp):
    # "Lin told the critics who oppose the levy - most of them his voters - to be quiet"
    doc = hand_parsed(nlp, [
        ("Lin", 1, "nsubj", "PROPN"), ("told", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
        ("critics", 1, "dobj", "NOUN"), ("who", 5, "nsubj", "PRON"), ("oppose", 3, "relcl", "VERB"),
        ("the", 7, "det", "DET"), ("levy", 5, "dobj", "NOUN"), ("-", 9, "punct", "PUNCT"),
        ("most", 7, "appos", "ADJ"), ("of", 9, "prep", "ADP"), ("them", 10, "pobj", "PRON"),
        ("his", 13, "poss", "PRON"), ("voters", 9, "appos", "NOUN"), ("-", 16, "punct", "PUNCT"),
        ("to", 16, "aux", "PART"), ("be", 1, "xcomp", "AUX"), ("quiet", 16, "acomp", "ADJ"),
        (".", 1, "punct", "PUNCT")])
    assert _content(doc, 7, 5) == "the levy - most of them his voters"


def test_a_dash_aside_before_according_to_does_not_start_the_content(nlp):
    text = "The pier - there were actually two, side by side - was never flooded, according to Dov Emmer."
    m = _one(mentions(nlp, text), "according to")
    assert m.text == "The pier - there were actually two, side by side - was never flooded"


def test_a_dash_aside_after_that_is_kept_whole(nlp):
    text = "The Harlow Gazette reported that the pier - there were actually two, side by side - was never flooded."
    m = _one(mentions(nlp, text), "reported")
    assert m.text == "that the pier - there were actually two, side by side - was never flooded"


def test_date_is_no_part_of_the_source(nlp):
    text = "An arbitration panel in 2019 found that the contract was void."
    m = _one(mentions(nlp, text), "found")
    assert text[m.source.span[0]:m.source.span[1]] == "An arbitration panel"


def test_headline_speaker_colon(nlp):
    text = "Koval: The port stays shut until spring\n\nThe harbour master spoke on Monday."
    m = _one(mentions(nlp, text), ":")
    assert m.source.name == "Koval"
    assert m.text == "The port stays shut until spring"


def test_a_headline_speaker_colon_is_the_label_not_a_name_the_parse_hung_on_it(nlp):
    # the parser makes "Tomas" an apposition of "Reid"; the label's own words name who speaks
    text = ("Reid: 'Never, ever, ever underestimate Tomas.'\n\nHarry Reid and Ada Okafor and Lena Varga have some "
            "advice for their party: do not underestimate Tomas Brel.\n\nReid said the party should brace.\n")
    m = _one(mentions(nlp, text), ":")
    assert m.source.name == "Harry Reid"
    assert m.source.span == (0, 4)


def test_a_headline_naming_its_speaker_then_the_audience_before_a_colon(nlp):
    text = ("Ana Ruiz to port workers: The docks will reopen in May.\n\nMayor Ana Ruiz told workers in Lenport on "
            "Monday that the docks would reopen. Ruiz also criticized Tomas Brel, the union leader.\n")
    m = _one(mentions(nlp, text), ":")
    assert (m.source.name, m.source.span) == ("Ana Ruiz", (0, 8))
    assert m.text == "The docks will reopen in May"


def test_a_headline_label_with_a_preposition_naming_no_one_is_left_alone(nlp):
    text = "Big Win For Ruiz: Union Holds Off On Endorsement.\n\nMayor Ana Ruiz told workers the docks would reopen.\n"
    assert all(m.source.name != "Ruiz" for m in mentions(nlp, text))


def test_signed_quote_source_drops_the_full_stop(nlp):
    text = "“The harbour must reopen before winter.” ― Ivo Tan.\nThe port stays shut."
    m = _one(mentions(nlp, text), "―")
    assert text[m.source.span[0]:m.source.span[1]] == "Ivo Tan"


def test_quote_after_a_full_stop_belongs_to_the_next_speaker(nlp):
    text = ("Mayor Ilse Varga declared a state of emergency in the valley on Friday. "
            "“Nobody will be left behind,” Varga said.")
    found = mentions(nlp, text)
    assert [m.cue for m in found] == ["said"]
    assert found[0].text == "“Nobody will be left behind,”"


def test_denial_across_a_semicolon_takes_its_object_and_contests_the_clause_before(nlp):
    from storyline.extract.pipeline import extract

    text = "Reports on Monday said a ferry had run aground near Tolvik; the Ostravian Coast Guard denied those reports."
    found = extract(text).mentions
    denial = _one(found, "denied")
    # the denial's row reports that a denial was made; what is denied is the statement it points at
    assert (denial.text, denial.status, denial.source.name) == ("those reports", "reported", "Ostravian Coast Guard")
    assert denial.relation == "denies"
    said = _one(found, "said")
    assert said.text == "a ferry had run aground near Tolvik" and said.status == "denied"
    assert denial.contests == found.index(said)


def test_source_is_the_whole_organisation_name(nlp):
    text = "The Ministry of Fisheries and Coastal Affairs disputes the guild's account of the storm."
    m = _one(mentions(nlp, text), "disputes")
    assert m.source.name == "Ministry of Fisheries and Coastal Affairs"
    assert (m.text, m.status) == ("the guild's account of the storm", "disputed")


@pytest.mark.parametrize(("text", "cue", "name", "content", "status"), [
    ("Fumes from the depot could be toxic, the Lorvane Fire and Rescue Service (LFRS) warned on Sunday.",
     "warned", "Lorvane Fire and Rescue Service", "Fumes from the depot could be toxic", "reported"),
    ("LENMOUTH, Ostravia (Harbour Ledger) — At least 17 people died in the fire at the Northern Quays of "
     "Lenmouth, the Lenmouth Fire and Rescue Service (LFRS) said on Sunday evening, revising the toll up "
     "from the 9 reported at noon. Dozens were hurt.",
     "said", "Lenmouth Fire and Rescue Service",
     "At least 17 people died in the fire at the Northern Quays of Lenmouth", "reported"),
])
def test_speaker_the_parser_hung_on_the_clause_said(nlp, text, cue, name, content, status):
    m = _one(mentions(nlp, text), cue)
    assert (m.source.name, m.text, m.status) == (name, content, status)
    assert text[m.source.span[0]:m.source.span[1]].endswith("(LFRS)")


@pytest.mark.parametrize(("text", "source", "cue", "content", "status"), [
    ("The guild's claim that the quota was cut is disputed by the ministry.",
     "ministry", "is disputed", "that the quota was cut", "disputed"),
    ("The harbour master's report that the crane had collapsed was denied by the port authority.",
     "port authority", "was denied", "that the crane had collapsed", "denied"),
    ("The death toll of 17 has been confirmed by the Lenmouth coroner.",
     "Lenmouth coroner", "has been confirmed", "The death toll of 17", "confirmed"),
])
def test_passive_verdict_with_an_agent(nlp, text, source, cue, content, status):
    m = _one(mentions(nlp, text), cue)
    assert (m.source.name, m.text, m.status) == (source, content, status)


def test_people_questioned_are_not_a_disputed_claim(nlp):
    for text in ("Two dock managers were questioned by police on Sunday.",
                 "Police questioned two dock managers on Sunday."):
        assert not [m for m in mentions(nlp, text) if m.status == "disputed"]


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("The plan is disputed by the Lorvane Port Board, which says the berths were never inspected.", "is disputed",
     "the Lorvane Port Board"),
    ("Mayor Ilse Varga, who thinks the levy is unfair, told the council to drop it.", "told", "Mayor Ilse Varga"),
])
def test_a_relative_clause_that_speaks_or_thinks_is_no_part_of_the_source(nlp, text, cue, source):
    m = _one(mentions(nlp, text), cue)
    assert text[m.source.span[0]:m.source.span[1]] == source


@pytest.mark.parametrize(("text", "content"), [
    ("Tomas Brel said the city should tax the barges and proposed a new toll.", "the city should tax the barges"),
    ("Ilse Varga said the quay belongs to Lenport, a claim the guild disputes.", "the quay belongs to Lenport"),
    ("Ilse Varga said the ferry was “a relic of the past,” adding that it would be sold.",
     "the ferry was “a relic of the past,”"),
])
def test_reporter_additions_stay_out_of_the_content(nlp, text, content):
    assert [m.text for m in mentions(nlp, text) if m.cue == "said"] == [content]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Mayor Ilse Varga declared that she cannot back the harbour plan, throwing the council into disarray.",
     "declared", "that she cannot back the harbour plan"),
    ("Tomas Brel said he would close the ferry terminal in Lenport, drawing boos from the crowd.",
     "said", "he would close the ferry terminal in Lenport"),
])
def test_a_participle_telling_how_the_statement_was_received_is_the_reporters(nlp, text, cue, content):
    """Issue 15: ', drawing boos', ', throwing the council into disarray' are the reporter's words."""
    assert [m.text for m in mentions(nlp, text) if m.cue == cue] == [content]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The guild's chairman questioned the council's closeness to the shipping firms.", "questioned",
     "the council's closeness to the shipping firms"),
    ("Tomas Brel praised her opposition to plans to sell the quay.", "praised",
     "her opposition to plans to sell the quay"),
    ("Ilse Varga described the plan to the council.", "described", "the plan"),
])
def test_a_to_phrase_the_parser_hung_on_the_cue_completes_the_noun_said(nlp, text, cue, content):
    """Issue 15: 'her opposition to plans …' is one content; 'described the plan to the council' names who
    was told."""
    assert [m.text for m in mentions(nlp, text) if m.cue == cue] == [content]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The harbour board announced the night's big winner: Tomas Brel.", "announced",
     "the night's big winner: Tomas Brel"),
    ("Ilse Varga said the guild would pick up votes in towns that split their delegates: Ostmark, Lenland and Varo.",
     "said", "the guild would pick up votes in towns that split their delegates: Ostmark, Lenland and Varo"),
    ("Tomas Brel said he is the only other candidate to win a port: he also took Lenland last month.", "said",
     "he is the only other candidate to win a port: he also took Lenland last month"),
])
def test_what_a_colon_announces_is_part_of_the_content(nlp, text, cue, content):
    """Issue 15: a content stopped at a colon runs on over the name, list or lower-case clause it announces."""
    assert [m.text for m in mentions(nlp, text) if m.cue == cue] == [content]


@pytest.mark.parametrize(("text", "stop"), [
    ("Brel said the levy was a problem: A new survey shows most ferrymen oppose it.", "a problem"),
    ("Brel was asked whether he would close the port: No.", "the port"),
    ("Varga said the port would close: “We have no choice.”", "would close"),
])
def test_a_colon_tail_that_is_the_reporters_own_stays_out(nlp, text, stop):
    """A capitalised clause, a bare "No." or a quote after the colon is not run on (``colon_tail``)."""
    from storyline.extract.colon_tail import past_colon
    doc = nlp(text)
    end = text.index(stop) + len(stop)
    assert past_colon(doc, 0, end) == end


def test_a_second_cue_verb_hung_on_the_clause_said_is_the_speakers_own(nlp):
    text = ("Varga tweeted in the early morning hours that Brel was “reckless” and “a fraud” and urged "
            "voters to “look closely” at his record.")
    found = {m.cue: m for m in mentions(nlp, text)}
    assert found["tweeted"].text == "that Brel was “reckless” and “a fraud”"
    assert found["urged"].source.name == "Varga"


@pytest.mark.parametrize(("text", "source"), [
    ("Those close to the harbour master say the port will reopen on Monday.", "Those close to the harbour master"),
    ("He and his deputy said the port would reopen.", "He and his deputy"),
    ("Some in the guild fear the quay will collapse.", "Some in the guild"),
])
def test_a_pronoun_with_words_of_its_own_is_the_whole_source(nlp, text, source):
    m = mentions(nlp, text)[0]
    assert text[m.source.span[0]:m.source.span[1]] == source == m.source.name


def test_the_one_made_to_speak_is_the_source(nlp):
    text = "The flooding has led the Lenport council to warn that the quay may collapse."
    m = _one(mentions(nlp, text), "to warn")
    assert m.source.name == "Lenport council"


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("Ilse Varga said the ferry company had failed its passengers, arguing that the boats were never inspected.",
     "arguing", "Ilse Varga"),
    ('"We will rebuild the pier," Tomas Brel said at a news conference announcing that the toll would double.',
     "announcing", "Tomas Brel"),
])
def test_a_participle_after_what_a_speaker_said_is_the_speakers(nlp, text, cue, speaker):
    assert _one(mentions(nlp, text), cue).source.name == speaker


def test_an_interviews_q_and_a_lines_name_no_one(nlp):
    text = "Q: Will the port reopen soon?\nA: Not before the storm has passed."
    assert mentions(nlp, text) == []


def test_the_one_a_feeling_verb_moves_holds_the_stance(nlp):
    text = "The new toll has worried dock workers in Lenport."
    m = _one(mentions(nlp, text), "has worried")
    assert (text[m.source.span[0]:m.source.span[1]], m.text) == ("dock workers in Lenport", "The new toll")


def test_a_mixed_case_dateline_with_its_outlet_is_no_source(nlp):
    text = "Port opens.\n\nLenport (AFP) – Mayor Ilse Varga said the port would open."
    m = _one(mentions(nlp, text), "said")
    assert text[m.source.span[0]:m.source.span[1]] == "Mayor Ilse Varga"


def test_a_cue_ending_its_paragraph_with_a_colon_takes_the_next_paragraph(nlp):
    text = ("The storm hit Lenport on Monday.\n\nThe governor added:\n\nIt is typical of the guild. They knew "
            "nothing and did nothing.\n\nThe port stays shut.")
    m = _one(mentions(nlp, text), "added")
    assert m.text == "It is typical of the guild. They knew nothing and did nothing"


def test_a_survey_opening_its_sentence_is_the_source_of_what_it_reports(nlp):
    text = "In the harbour board's latest survey, 60 percent of dock workers backed the levy."
    m = _one(mentions(nlp, text), "In")
    assert (text[m.source.span[0]:m.source.span[1]], m.text) == (
        "the harbour board's latest survey", "60 percent of dock workers backed the levy")


def test_a_poll_whose_issuer_says_what_it_found_is_the_issuers(nlp):
    """'In a poll …, Veyra Polling found that …': the named subject of the cue speaks, not the poll."""
    text = ("In an online poll of 600 likely voters, conducted from May 2 to May 6, Veyra Polling found that the "
            "levy is unpopular.")
    found = [m for m in mentions(nlp, text) if "the levy is unpopular" in m.text]
    assert [m.source.name for m in found] == ["Veyra Polling"]


@pytest.mark.parametrize(("text", "content"), [
    ("The levy is a tax on the poor, as the harbour master put it.", "The levy is a tax on the poor"),
    ("As Ana Ruiz put it, the port is a relic.", "the port is a relic"),
])
def test_as_someone_put_it_attributes_the_clause(nlp, text, content):
    assert _one(mentions(nlp, text), "put it").text == content


def test_a_speaker_the_parser_made_the_apposition_of_an_opening_phrase_is_who_speaks(nlp):
    # "With days until the vote, Ana Ruiz, an aide, called it wrong.", parsed as the parser sometimes does:
    # "vote" the subject and "Ana Ruiz" its apposition
    doc = hand_parsed(nlp, [
        ("With", 12, "prep", "ADP"), ("days", 0, "pobj", "NOUN"), ("until", 1, "prep", "ADP"),
        ("the", 4, "det", "DET"), ("vote", 12, "nsubj", "NOUN"), (",", 4, "punct", "PUNCT"),
        ("Ana", 7, "compound", "PROPN"), ("Ruiz", 4, "appos", "PROPN"), (",", 7, "punct", "PUNCT"),
        ("an", 10, "det", "DET"), ("aide", 7, "appos", "NOUN"), (",", 7, "punct", "PUNCT"),
        ("called", 12, "ROOT", "VERB"), ("it", 14, "nsubj", "PRON"), ("wrong", 12, "ccomp", "ADJ"),
        (".", 12, "punct", "PUNCT")])
    assert _subject(doc[12]).text == "Ruiz"
    assert doc[4].dep_ == "nsubj"  # the repair reads the parse, it does not change it


@pytest.mark.parametrize(("text", "source"), [
    ("Mayor Ilse Varga, like her predecessor, said the port would reopen.", "Mayor Ilse Varga"),
    ('"The port is doomed," said Tomas Brel (who has run it for years).', "Tomas Brel"),
    ("Sen. Ana Ruiz (D-Lenport) said the port was doomed.", "Sen. Ana Ruiz (D-Lenport)"),
    ("The fight over the port is predictable - Mayor Ilse Varga has vowed to reopen it.", "Mayor Ilse Varga"),
])
def test_a_comparison_a_bracketed_remark_or_words_before_a_dash_are_no_part_of_the_source(nlp, text, source):
    m = mentions(nlp, text)[0]
    assert text[m.source.span[0]:m.source.span[1]] == source


def test_the_one_asked_is_not_who_asks(nlp):
    text = "Asked whether the port would reopen, Mayor Ilse Varga said no."
    asked = _one(mentions(nlp, text), "Asked")
    assert (asked.source.kind, asked.source.span, asked.text) == ("unnamed", None, "whether the port would reopen")


def test_labels_before_a_colon_are_no_speakers(nlp):
    text = ("The port reopens.\n\nUPDATE: The ferry left at noon.\n\nEditor’s Note: This story was changed.\n\n"
            "KOVAL: We will reopen.")
    assert [(m.source.name, m.text) for m in mentions(nlp, text)] == [("KOVAL", "We will reopen")]


def test_a_headline_label_the_parser_made_a_subject_is_not_the_source(nlp):
    # "The Latest: Varga urges voters to vote.", parsed with two subjects as the parser sometimes does
    doc = hand_parsed(nlp, [
        ("The", 1, "det", "DET"), ("Latest", 4, "nsubj", "ADJ"), (":", 4, "punct", "PUNCT"),
        ("Varga", 4, "nsubj", "PROPN"), ("urges", 4, "ROOT", "VERB"), ("voters", 4, "dobj", "NOUN"),
        ("to", 7, "aux", "PART"), ("vote", 4, "xcomp", "VERB"), (".", 4, "punct", "PUNCT")])
    assert _subject(doc[4]).text == "Varga"


def test_an_apposition_parsed_as_a_second_subject_stays_in_the_source(nlp):
    # "Ruiz, the master, vowed to stay.", parsed with "master" as a second subject of "vowed"
    doc = hand_parsed(nlp, [
        ("Ruiz", 5, "nsubj", "PROPN"), (",", 5, "punct", "PUNCT"), ("the", 3, "det", "DET"),
        ("master", 5, "nsubj", "NOUN"), (",", 3, "punct", "PUNCT"), ("vowed", 5, "ROOT", "VERB"),
        ("to", 7, "aux", "PART"), ("stay", 5, "xcomp", "VERB"), (".", 5, "punct", "PUNCT")])
    start, end = source_span(doc[0])
    assert doc.text[start:end] == "Ruiz , the master"


def test_a_name_and_an_epithet_both_parsed_as_predicates_of_called_are_the_content(nlp):
    # "Varga called Brel a liar.", parsed as the parser sometimes does: "Brel" and "liar" both predicates
    doc = hand_parsed(nlp, [
        ("Varga", 1, "nsubj", "PROPN", "NNP", "Varga"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
        ("Brel", 1, "oprd", "PROPN", "NNP", "Brel"), ("a", 4, "det", "DET", "DT", "a"),
        ("liar", 1, "oprd", "NOUN", "NN", "liar"), (".", 1, "punct", "PUNCT", ".", ".")])
    found = find_attributions(doc, [])
    assert [(m.cue, m.text, m.source.name) for m in found] == [("called", "Brel a liar", "Varga")]


@pytest.mark.parametrize("cue", ["blasted", "slammed", "ripped"])
def test_a_quote_ends_where_the_attack_it_answered_begins(nlp, cue):
    """'X said "A," when Y blasted her for B': A is X's, and ends at its closing mark; the attack is Y's
    (issue 15: the quote and the attack were one row, or the quote was credited to the attacker)."""
    from storyline.extract.pipeline import extract_doc

    text = (f'Mayor Ilse Varga said "the pier reopens on Friday," when councillor Tomas Aldane {cue} her '
            f"for missing the deadline.")
    rows = [(m.source.name, m.text) for m in extract_doc(nlp(text), None, "Harbour Ledger").mentions
            if m.form != "outlet"]
    assert ("Ilse Varga", '"the pier reopens on Friday,"') in rows
    assert all(source == "Tomas Aldane" for source, content in rows if "deadline" in content)
    assert not any(source == "Tomas Aldane" and "pier" in content for source, content in rows)


def test_as_well_as_after_a_quote_goes_on_with_what_is_said(nlp):
    from storyline.extract.pipeline import extract_doc

    text = 'Ivo Tan praised “the new cranes” as well as the crews who run them, the board said.'
    contents = [m.text for m in extract_doc(nlp(text), None, "Harbour Ledger").mentions]
    assert not any(c.endswith("cranes”") for c in contents)


def test_a_cue_opening_a_clause_of_time_does_not_take_the_quote_before_it(nlp):
    """'“I never said that,” Brel said, after Marta Koval said the mayor lied', as the small parser reads
    it on some texts: the quoted verb made the content of the second "said", and "Brel said" a parataxis
    of it. Koval's cue opens an after-clause: it says what follows it; the quote is Brel's (issue 15)."""
    doc = hand_parsed(nlp, [
        ("“", 3, "punct", "PUNCT", "``", "“"), ("I", 3, "nsubj", "PRON", "PRP", "I"),
        ("never", 3, "neg", "ADV", "RB", "never"), ("said", 13, "ccomp", "VERB", "VBD", "say"),
        ("that", 3, "dobj", "PRON", "DT", "that"), (",", 3, "punct", "PUNCT", ",", ","),
        ("”", 3, "punct", "PUNCT", "''", "”"), ("Brel", 8, "nsubj", "PROPN", "NNP", "Brel"),
        ("said", 13, "parataxis", "VERB", "VBD", "say"), (",", 8, "punct", "PUNCT", ",", ","),
        ("after", 13, "mark", "SCONJ", "IN", "after"), ("Marta", 12, "compound", "PROPN", "NNP", "Marta"),
        ("Koval", 13, "nsubj", "PROPN", "NNP", "Koval"), ("said", 13, "ROOT", "VERB", "VBD", "say"),
        ("the", 15, "det", "DET", "DT", "the"), ("mayor", 16, "nsubj", "NOUN", "NN", "mayor"),
        ("lied", 13, "ccomp", "VERB", "VBD", "lie"), (".", 13, "punct", "PUNCT", ".", ".")])
    doc = Doc(nlp.vocab, words=[t.text for t in doc], heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc],
              pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc], lemmas=[t.lemma_ for t in doc],
              spaces=[not (t.i == 0 or t.i + 1 < len(doc) and doc[t.i + 1].text in {",", "”", "."}) for t in doc])
    found = {(m.source.name, m.text) for m in find_attributions(doc, [])}
    assert ("Marta Koval", "the mayor lied") in found
    assert any(source == "Brel" and "I never said that" in content for source, content in found), found
    assert not any(source == "Marta Koval" and "never" in content for source, content in found)


def test_a_cue_its_speaker_kept_from_saying_states_nothing(nlp):
    from storyline.extract.attribution import find_attributions
    from storyline.extract.entities import find_entities

    for text in ["Mayor Tomas Brel has avoided directly criticizing Marta Koval, a Liberal appointed as harbour "
                 "master by Governor Ilse Varga.", "Marta Koval refrained from saying that the levy was unfair."]:
        doc = nlp(text)
        assert find_attributions(doc, find_entities(doc)) == []


def test_a_verb_of_saying_coordinated_with_a_passive_shares_its_subject(nlp):
    """'Koval was pressed on the tolls by reporters and said that …': the one pressed speaks, not the
    passive's agent; before, the cue found no speaker and the claim was lost (issue 15)."""
    found = {(m.source.name, m.text) for m in mentions(nlp, (
        "Marta Koval was pressed on the tolls by reporters and said that the bridge would stay open."))}
    assert ("Marta Koval", "that the bridge would stay open") in found
    found = {(m.source.name, m.text) for m in mentions(nlp, (
        "By the end of the day, Mr. Brel was forced into a rare moment of damage control and said that his "
        "words had been misconstrued."))}
    assert ("Brel", "that his words had been misconstrued") in found


@pytest.mark.parametrize("text, source, content", [
    ("The judge ruled that the harbour levy was unlawful.", "judge", "that the harbour levy was unlawful"),
    ("In criticizing the council, Varga hinted that the pier may have been sold.", "Varga",
     "that the pier may have been sold"),
    ('Outside the hall, the dock workers chanted "Brel must go, the levy must go, the tolls must go."',
     "dock workers", '"Brel must go, the levy must go, the tolls must go."'),
])
def test_a_ruling_a_hint_and_a_chant_are_cues(nlp, text, source, content):
    """'ruled that', 'hinted that' (before a clause only) and 'chanted "…"' (next to a quote only) say
    something; on PolNeAR train the three added 22 gold contents for one mention no gold overlaps (issue 15)."""
    assert (source, content) in {(m.source.name, m.text) for m in mentions(nlp, text)}


@pytest.mark.parametrize("text", ["The old guard ruled the harbour for decades.", "The crowd chanted for an hour.",
                                  "The memo hinted at a sale."])
def test_ruling_hinting_and_chanting_without_a_clause_or_quote_are_no_cues(nlp, text):
    assert mentions(nlp, text) == []


def test_a_quote_tagged_with_said_and_a_name_is_theirs_when_the_parse_splits_them(nlp):
    # the small model leaves this "said" without its subject and the quote without its verb
    text = "\"I am more skilled with my nets than I am with my brain,\" said Mara Lind, half joking.\n"
    [m] = mentions(nlp, text)
    assert (m.source.name, m.form, m.text) == (
        "Mara Lind", "direct", "\"I am more skilled with my nets than I am with my brain,\"")


def test_each_tagged_quote_keeps_its_own_speaker_rather_than_continuing_the_last_one(nlp):
    text = ("The fight over the harbor has drawn national money.\n\n"
            "\"What's shaping up is a battle for the ages,\" said Ivo Tannen, a Ruiz confidant who heads the "
            "pro-Ruiz fund Harbor First.\n\n"
            "\"I'm more skilled with my nets than I am with my brain,\" said Mara Lind, half joking.\n\n"
            "\"One guy came in and said maybe we should close the pier if they are closing ours,\" said the woman, "
            "who like many in the town did not want to be named.\n")
    quoted = [(m.source.name, m.text[:12]) for m in mentions(nlp, text) if m.form == "direct"]
    assert quoted == [("Ivo Tannen", "\"What's shap"), ("Mara Lind", "\"I'm more sk"), ("woman", "\"One guy cam")]


def test_a_quote_closing_on_an_inner_quote_and_a_space_is_tagged(nlp):
    """Issue 15: '…,' "' (a quote inside a quote closing with it, a space between the marks) ends on a
    comma all the same, so the tag after it names the speaker."""
    text = ("\"Watch a newborn calf on the table, its heart beating, its legs kicking while someone says, 'We have "
            "to keep it alive to sell its hide,' \" said former dairy executive Mara Lindqvist during the second "
            "council debate.\n")
    quoted = [(m.source.name, m.text[:12]) for m in mentions(nlp, text) if m.form == "direct"]
    assert quoted == [("Mara Lindqvist", "\"Watch a new")]


@pytest.mark.parametrize(("text", "source"), [
    ("\"Meh,\" wrote a Kellner supporter who runs the Twitter account @OrchardVoices. \"What does the ferry "
     "company know about it?\"\n", "Kellner supporter"),
    ("\"Meh,\" wrote a Mara Lindqvist fan who runs the Twitter account @OrchardVoices. \"What does the ferry "
     "company know about it?\"\n", "Mara Lindqvist fan"),
])
def test_a_name_in_a_quote_tags_relative_clause_or_on_its_noun_is_not_the_speaker(nlp, text, source):
    """Issue 15: in a quote's tag, a name inside a relative clause ("who runs the Twitter account") or one
    that only qualifies the speaker's noun ("a Lindqvist fan") is not who speaks."""
    [m] = [m for m in mentions(nlp, text) if m.form == "direct"]
    assert m.source.name == source


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Ilse Varga went on to say that the ferry would stop.\n", "went on to say", "that the ferry would stop"),
    ("Ilse Varga went on to say, \"The ferry will stop.\"\n", "went on to say", "\"The ferry will stop.\""),
    ("Ilse Varga went on to call the plan \"a disaster for Lenport.\"\n", "went on to call",
     "the plan \"a disaster for Lenport.\""),
])
def test_went_on_to_say_is_one_row_with_the_said_words_alone(nlp, text, cue, content):
    """Issue 15: "went on" leads into the verb of saying; one row, whose content has no "to say"."""
    assert [(m.cue, m.text) for m in mentions(nlp, text)] == [(cue, content)]


@pytest.mark.parametrize(("text", "content"), [
    ("The ferry chief told reporters that there is a problem with the port.\n",
     "that there is a problem with the port"),
    ("The ferry chief picked up on the criticism, telling Harbor Radio's Morning Hour that there is \"a strange "
     "thing going on\" with the port.\n", "that there is \"a strange thing going on\" with the port"),
    ("The engineer warned the cranes were unsafe.\n", "the cranes were unsafe"),
])
def test_whom_words_are_told_to_is_no_part_of_a_clause_with_its_own_subject(nlp, text, content):
    """Issue 15: an object before a said clause is its subject only when the clause has none; "there" is
    the clause's own ("told reporters that there …")."""
    assert [m.text for m in mentions(nlp, text) if m.source.kind != "outlet"] == [content]


def test_a_quote_tag_needs_a_verb_of_saying_in_a_finite_form(nlp):
    text = "The press will publish \"Harbor Nights,\" a memoir written by the dockers' former chief, in May.\n"
    assert [m for m in mentions(nlp, text) if m.form == "direct"] == []


def test_a_headline_over_its_subhead_is_a_sentence_of_its_own(nlp):
    """Issue 15: a headline and its deck on two lines with one line break between them ("…; \\nDeck.") are
    two sentences; a claim of the headline does not run on into the deck, nor its speaker into the deck's."""
    from storyline.extract.nlp import parse

    text = ("Mayor Kern says harbour toll will rise; \n"
            "Critics in Lundra call the plan a tax on fishermen.\n\n"
            "The harbour toll will rise in May, Mayor Ida Kern said on Tuesday.")
    sents = [s.text.strip() for s in parse(text).sents]
    assert sents[:2] == ["Mayor Kern says harbour toll will rise;",
                         "Critics in Lundra call the plan a tax on fishermen."]
    deck = text.index("Critics")
    assert all(not (m.start < deck < m.end) for m in mentions(nlp, text))


def test_a_deck_line_with_no_stop_ends_before_the_lead_but_a_wrapped_sentence_stays_whole():
    """Issue 15: a short line with no full stop over a capitalised line is a deck or label of its own; a
    sentence hard-wrapped mid-clause (the next line opening in lower case, or a long line) is one sentence."""
    from storyline.extract.nlp import line_ends, parse

    deck = "Kern: Hold the toll\nIf the council votes no, the harbour closes, the mayor said."
    assert [s.text.strip() for s in parse(deck).sents][0] == "Kern: Hold the toll"
    wrapped = ("The council said the vote on the harbour toll would\n"
               "take place in June, after the review of the ferry accounts.")
    assert len(list(parse(wrapped).sents)) == 1
    long_line = ("The council said the vote on the harbour toll would take place after the review of all the "
                 "ferry accounts by the new\nBoard of the Lundra Port Trust.")
    assert not line_ends(long_line, long_line.index("\n"), long_line.index("\n") + 1)


def test_a_deck_opening_on_a_verb_stays_with_the_headline_that_holds_its_subject():
    """Issue 15: "Kern's toll plan stalls; \\nSays council will vote again." — the deck's subject is the
    headline's, so the line break does not end the sentence there."""
    from storyline.extract.nlp import parse

    text = "Mayor Kern defends harbour toll; \nSays council will vote again in May.\n\nThe council met on Monday."
    assert len(list(parse(text).sents)) == 2


def test_a_plural_title_abbreviation_does_not_end_the_sentence():
    """Issue 15 (NH primary story): "particularly Govs. Ida Marsh and Tom Vale, who say …" was cut after
    "Govs.", leaving the names a sentence of their own and their claim without the rest of the sentence."""
    from storyline.extract.nlp import parse

    text = ("Kern refrained from attacking his rivals, particularly Govs. Ida Marsh and Tom Vale, who say the "
            "young senator lacks experience. Sens. Al Bo and Cy Do voted no.")
    assert [s.text.strip() for s in parse(text).sents] == [
        "Kern refrained from attacking his rivals, particularly Govs. Ida Marsh and Tom Vale, who say the "
        "young senator lacks experience.", "Sens. Al Bo and Cy Do voted no."]


def test_a_plural_title_is_not_part_of_the_speakers_names(nlp):
    """Issue 15: "Sens. Ida Marsh and Tom Vale said …" — the speakers are "Ida Marsh and Tom Vale"."""
    doc = nlp("Sens. Ida Marsh and Tom Vale said the toll would rise in May.")
    entities = find_entities(doc)
    assert [m.source.name for m in find_attributions(doc, entities)] == ["Ida Marsh and Tom Vale"]
    assert not any("Sens." in role for e in entities for role in e.roles)  # a plural title is no one's role


def test_a_claim_in_a_clause_of_concession_ends_where_that_clause_ends(nlp):
    # the small model parses the main clause after the comma as part of the that-clause ("harbor" a verb)
    text = ("While Varga wrongly claimed that the tapes exist, harbor experts affirm that it is likely that the "
            "port will close in the spring.")
    claimed = next(m for m in mentions(nlp, text) if m.cue == "wrongly claimed")
    assert claimed.text == "that the tapes exist"


@pytest.mark.parametrize(("text", "cue", "content"), [
    # a clause the parser closed itself: nothing to cut
    ("Although the mayor said the bridge was safe, engineers warned that it could fail.", "said",
     "the bridge was safe"),
    # the While clause ended before the cue: the cue's content keeps its comma
    ("While on the quay, Ruiz said the pier, the crane and the ferry were safe.", "said",
     "the pier, the crane and the ferry were safe"),
])
def test_a_concession_that_ends_before_the_content_cuts_nothing(nlp, text, cue, content):
    m = next(m for m in mentions(nlp, text) if m.cue == cue)
    assert m.text == content


def test_a_but_opening_the_next_sentence_does_not_break_the_continuation(nlp):
    text = ("“I don't think it's over, any vote in particular,” he said outside the hall. But “the levy is "
            "strengthened with a vote from the council. It helps.”")
    said = next(m for m in mentions(nlp, text) if m.cue == "said")
    assert said.text.endswith("It helps.”")


def test_an_embedded_post_is_its_authors_and_its_signature_is_chrome(nlp):
    from storyline.extract.page import chrome_spans
    text = ("Kern's deputy, Olek Tamm, posted a message soon after.\n\n"
            '<post id="7" author="@olektamm">The audit is a disgrace and I will not stay silent. '
            "pic.twitter.com/Ab12Cd — Olek Tamm (@olektamm) May 2, 2031</post>.\n\n"
            "The board said it would name a new chair next week.")
    post = _one(mentions(nlp, text), "—")
    assert post.text == "The audit is a disgrace and I will not stay silent."
    assert (post.source.name, post.source.role, post.form) == ("Olek Tamm", None, "direct")
    assert [text[s:e] for s, e in chrome_spans(text)] == [
        "pic.twitter.com/Ab12Cd — Olek Tamm (@olektamm) May 2, 2031</post>."]


def test_each_embedded_post_is_cut_by_the_chrome_of_its_own_line(nlp):
    text = ("SIGN UP FOR OUR NEWSLETTER\n\n"
            '<post id="8" author="@idakern">The harbour stays open all winter. https://t.co/Zx9 '
            "SIGN UP FOR OUR NEWSLETTER — Ida Kern (@idakern) May 3, 2031</post>.\n\n"
            '<post id="9" author="@olektamm">The cranes are safe and the pier is sound. '
            "pic.twitter.com/Ab12Cd — Olek Tamm (@olektamm) May 4, 2031</post>.\n\nThe board met on Friday.")
    posts = sorted((m for m in mentions(nlp, text) if m.cue == "—"), key=lambda m: m.start)
    assert [(m.source.name, m.text) for m in posts] == [
        ("Ida Kern", "The harbour stays open all winter."), ("Olek Tamm", "The cranes are safe and the pier is sound.")]


def test_a_dash_and_a_name_in_prose_are_no_post(nlp):
    text = "The vote — Olek Tamm (the deputy) said on May 2, 2031 — went against the board."
    assert not any(m.cue == "—" for m in mentions(nlp, text))


def test_an_embedded_post_ends_before_its_links_and_the_pages_promotion(nlp):
    text = ('<post id="8" author="@idakern">The harbour stays open all winter. https://t.co/Zx9 '
            "SIGN UP FOR OUR NEWSLETTER — Ida Kern (@idakern) May 3, 2031</post>.\n\nThe board met on Friday.")
    assert _one(mentions(nlp, text), "—").text == "The harbour stays open all winter."


def test_a_quote_after_a_person_shown_lecturing_and_a_colon_is_theirs(nlp):
    """Issue 15: 'the captain Ilse Varga is shown lecturing: “…”' — the gerund parsed as the object of
    "shown", the name in apposition to the subject's noun (a parse the model gives on some texts)."""
    doc = hand_parsed(nlp, [
        ("The", 1, "det", "DET", "DT", "the"), ("captain", 5, "nsubjpass", "NOUN", "NN", "captain"),
        ("Ilse", 3, "compound", "PROPN", "NNP", "Ilse"), ("Varga", 1, "appos", "PROPN", "NNP", "Varga"),
        ("is", 5, "auxpass", "AUX", "VBZ", "be"), ("shown", 5, "ROOT", "VERB", "VBN", "show"),
        ("lecturing", 5, "dobj", "VERB", "VBG", "lecture"), (":", 6, "punct", "PUNCT", ":", ":"),
        ("\u201c", 10, "punct", "PUNCT", "``", "\u201c"), ("The", 10, "det", "DET", "DT", "the"),
        ("sea", 11, "nsubj", "NOUN", "NN", "sea"), ("wins", 5, "parataxis", "VERB", "VBZ", "win"),
        (".", 11, "punct", "PUNCT", ".", "."), ("\u201d", 11, "punct", "PUNCT", "''", "\u201d")])
    doc = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[i not in (6, 8, 11, 12) for i in range(len(doc))],
              heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc], pos=[t.pos_ for t in doc],
              tags=[t.tag_ for t in doc], lemmas=[t.lemma_ for t in doc], sent_starts=[i == 0 for i in range(len(doc))])
    doc.ents = [Span(doc, 2, 4, label="PERSON")]
    said = [m for m in find_attributions(doc, find_entities(doc)) if "sea" in m.text]
    assert [(m.source.name, m.text) for m in said] == [("Ilse Varga", "\u201cThe sea wins.\u201d")]


def test_a_colon_opening_a_list_of_places_or_a_schedule_is_no_claim(nlp):
    text = ("The ferry tour stops in three towns this summer: Selvik, Lenport and Orsa.\n\n"
            "The festival runs on this schedule: music on Friday, boats on Saturday, speeches on Sunday.")
    assert not [m for m in mentions(nlp, text) if m.source.kind != "outlet"]


def test_a_speech_tag_after_an_opening_conjunction_is_no_part_of_what_is_said(nlp):
    text = ('Ida Kern said she had no quarrel with the levy. But, she said, "there is a line between a levy and '
            'a ransom." And, she added, the pier should stay open.')
    said = [m.text for m in mentions(nlp, text)]
    assert '"there is a line between a levy and a ransom."' in said
    assert "the pier should stay open" in said
    # a condition before the tag belongs to what is said
    text = "If the levy fails, Ida Kern argues, the harbour board has other tools."
    assert [m.text for m in mentions(nlp, text)] == ["If the levy fails, Ida Kern argues, the harbour board has "
                                                     "other tools"]


def test_a_real_relative_clause_after_a_cue_is_no_content(nlp):
    """'told the crew that she had hired …': "that" is the object of "hired", a relative clause, nothing said."""
    doc = nlp("Ilse Varga told reporters about the crew that she had hired.")
    assert not any(m.text.startswith("that she had hired") for m in find_attributions(doc, find_entities(doc)))


def test_two_cues_over_the_same_words_make_one_row(nlp):
    text = ("“If we go to a runoff, it will be the voters who decide,” Ida Kern said at a Lenport town hall on "
            "Thursday, hinting at her plan for the harbour vote.")
    found = [m for m in mentions(nlp, text) if m.source.kind != "outlet"]
    assert [(m.source.name, m.cue) for m in found] == [("Ida Kern", "said")]


def test_affirm_and_reaffirm_are_cues(nlp):
    """'reaffirmed that …' says what it affirms."""
    found = [(m.source.name, m.text) for m in mentions(nlp, "Harbour engineers reaffirmed that the sea wall would hold.")]
    assert found == [("Harbour engineers", "that the sea wall would hold")]
    found = [(m.source.name, m.text) for m in mentions(nlp, "The harbour board affirmed that the ferry would sail.")]
    assert found == [("harbour board", "that the ferry would sail")]


def test_a_second_present_clause_joined_by_a_bare_and_is_the_speakers(nlp):
    text = ("Quell told a cheering crowd in Dunmore that she expects to win that county's June 4 vote and she is "
            "doing better against Ivo Tran in the polls than Voss is.")
    told = [m for m in mentions(nlp, text) if m.cue == "told"]
    assert [m.text for m in told] == ["that she expects to win that county's June 4 vote",
                                      "she is doing better against Ivo Tran in the polls than Voss is"]
    assert {m.source.name for m in told} == {"Quell"}


@pytest.mark.parametrize("tail", [" and she left for Brel on Friday.", ", and she is flying to Brel on Friday."])
def test_a_past_or_comma_joined_second_clause_stays_the_reporters(nlp, tail):
    text = "Quell told a cheering crowd in Dunmore that she expects to win that county's June 4 vote" + tail
    assert [m.text for m in mentions(nlp, text) if m.cue == "told"] == [
        "that she expects to win that county's June 4 vote"]


@pytest.mark.parametrize("text", [
    "Ferries: Brel is served by 12 boats compared with 3 that serve Dunmore, according to the Valley Courier.",
    "Housing: Ivo Tran said short leases push many working families out of the city."])
def test_a_topic_label_heading_a_report_is_no_speaker(nlp, text):
    assert [m for m in mentions(nlp, text) if m.cue == ":"] == []


@pytest.mark.parametrize("text, name", [
    ("Ana Ruiz: Tomas thinks the levy is too high.\n\nThe harbour is shut.", "Ana Ruiz"),
    ("Mark Rowan: I'd consider a future run for mayor.\n\nThe harbour is shut.", "Mark Rowan")])
def test_a_named_speakers_line_stays_theirs_whatever_it_holds(nlp, text, name):
    assert [m.source.name for m in mentions(nlp, text) if m.cue == ":"] == [name]


def test_a_second_subject_the_parser_hung_on_the_verb_of_saying_opens_what_is_said(nlp):
    # "Tran said short leases -- those for new tenants -- deny families the right to stay.", parsed as the
    # parser sometimes does: "leases" a second subject of "said", "deny" its clause without a subject
    from storyline.extract.clauses import _content

    doc = hand_parsed(nlp, [
        ("Tran", 1, "nsubj", "PROPN", "NNP", "Tran"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("short", 3, "amod", "ADJ", "JJ", "short"), ("leases", 1, "nsubj", "NOUN", "NNS", "lease"),
        ("--", 3, "punct", "PUNCT", ":", "--"), ("those", 3, "appos", "PRON", "DT", "those"),
        ("for", 5, "prep", "ADP", "IN", "for"), ("new", 8, "amod", "ADJ", "JJ", "new"),
        ("tenants", 6, "pobj", "NOUN", "NNS", "tenant"), ("--", 1, "punct", "PUNCT", ":", "--"),
        ("deny", 1, "ccomp", "VERB", "VB", "deny"), ("families", 10, "dative", "NOUN", "NNS", "family"),
        ("the", 13, "det", "DET", "DT", "the"), ("right", 10, "dobj", "NOUN", "NN", "right"),
        ("to", 15, "aux", "PART", "TO", "to"), ("stay", 13, "acl", "VERB", "VB", "stay"),
        (".", 1, "punct", "PUNCT", ".", ".")])
    start, end = _content(doc[1], "say", [], "say", load_cues())
    assert doc.text[start:end] == "short leases -- those for new tenants -- deny families the right to stay"
