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
from .group_beliefs import hedge_forecasts, hedge_group_beliefs, is_forecast, is_group_belief
from .inner_tags import narrow_tagged_rows
from .junk import drop_junk, is_thought, struck_before_status, why_no_claim
from .nlp import doc_text, parse
from .outlet_claims import find_outlet_claims
from .relayed import credit_relayed, narrow_relayed
from .status import assign_status
from .timex import find_times
from .trailing_requests import join_trailing_requests
from .uncertainty import mark_vague


def extract(text: str, published: date | None = None, outlet: str = "the outlet") -> Extraction:
    """Run every extractor over one report's text."""
    return extract_doc(parse(text), published, outlet)


def extract_doc(doc: Doc, published: date | None = None, outlet: str = "the outlet") -> Extraction:
    """Run every extractor over an already parsed report, then the scores (trained models where present)."""
    entities = find_entities(doc)
    mentions = find_attributions(doc, entities)
    relayed = credit_relayed(doc, mentions, entities)  # "X said Y, according to Z": the ledger credits X
    join_trailing_requests(doc, mentions)  # "X said Y, asking it to Z": one row, not Y and "it to Z"
    for mention in mentions:
        if mention.source.kind == "outlet":  # the report's own hedged impression ("the pier seemed to sag")
            mention.source.name = outlet
    # what is struck as junk below ("rejected the offer, believing the council has more leverage") is left
    # out of the outlet's clauses, so its words stay in the outlet's row instead of being lost with it
    judged: dict[int, str | None] = {}  # each mention judged once as a statement (see junk.why_no_claim)
    struck = struck_before_status(doc, mentions, judged)
    said = [m for m in mentions if not any(m is s for s in struck)]
    own = find_outlet_claims(doc, said, outlet)
    hedge_group_beliefs(own, [m for m in struck if is_thought(doc, m) and is_group_belief(doc, m)], doc)
    hedge_forecasts(own, [m for m in struck if is_thought(doc, m) and is_forecast(doc, m)])
    mentions += own
    narrow_relayed(doc, relayed)  # … and its row holds Y, judged again as a statement on those words
    tagged = narrow_tagged_rows(doc, said)  # ", the footage showed", "which, Nadler said,": no part of a row
    for mention in [m for m, _ in relayed] + tagged:
        judged.pop(id(mention), None)
    mentions.sort(key=lambda m: (m.start, m.end))
    # a pointing contest ("denied those reports") answers a statement, not a row that will be struck
    assign_status(doc, mentions, {i for i, m in enumerate(mentions) if why_no_claim(doc, m, judged)})
    mentions = drop_junk(doc, mentions, judged)
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
