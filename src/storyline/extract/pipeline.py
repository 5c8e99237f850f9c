"""Extraction for one report: text and date in, an ``Extraction`` out. No database in sight."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..model import Extraction
from .attribution import find_attributions
from .checkworthiness import score_checkworthiness
from .developing import is_developing
from .entities import find_entities
from .events import find_events
from .factuality import score_factuality
from .figures import find_figures
from .junk import drop_junk
from .nlp import doc_text, parse
from .outlet_claims import find_outlet_claims
from .relayed import credit_relayed
from .status import assign_status
from .timex import find_times
from .uncertainty import mark_vague


def extract(text: str, published: date | None = None, outlet: str = "the outlet") -> Extraction:
    """Run every extractor over one report's text."""
    return extract_doc(parse(text), published, outlet)


def extract_doc(doc: Doc, published: date | None = None, outlet: str = "the outlet") -> Extraction:
    """Run every extractor over an already parsed report, then the scores (trained models where present)."""
    entities = find_entities(doc)
    mentions = find_attributions(doc, entities)
    credit_relayed(doc, mentions, entities)  # "X said Y, according to Z": the ledger credits X
    for mention in mentions:
        if mention.source.kind == "outlet":  # the report's own hedged impression ("the pier seemed to sag")
            mention.source.name = outlet
    mentions += find_outlet_claims(doc, mentions, outlet)
    mentions.sort(key=lambda m: (m.start, m.end))
    assign_status(doc, mentions)
    mentions = drop_junk(doc, mentions)
    mark_vague(doc, mentions)
    times = find_times(doc, published)
    extraction = Extraction(
        mentions=mentions,
        entities=entities,
        figures=find_figures(doc),
        events=find_events(doc, times, mentions, entities),
        times=times,
        developing=is_developing(doc_text(doc)),
    )
    score_factuality(doc, extraction)
    score_checkworthiness(doc, extraction)
    return extraction
