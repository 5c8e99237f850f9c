"""The REST API under /api: the ledger and its parts as ``storyline export`` gives them, each list a page at a
time (``offset``, ``limit``; the total in ``X-Total-Count``, the pages around in ``Link``), every export format
(the JSON streams), reports added from text or a URL, and verdicts. Reads are open; writes need an editor's
Bearer token. Every read is of the kept ledger's rows (``ledgers.py``), so its cost follows the page asked for,
not the story."""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field, field_validator

from ..errors import StoreError, StorylineError
from ..ledger.since import changes_after, parse_time
from ..present.atom import ledger_atom
from ..present.claimreview import ledger_claimreview
from ..present.html import ledger_html
from ..present.markdown import ledger_markdown
from ..store.schema import RATINGS
from ..store.store import now
from . import actions
from .app import find_story, public_base, read_story
from .auth import require_bearer
from .paging import API_LIMIT, API_MAX, MAX_OFFSET, Page, window
from .streaming import streamed

router = APIRouter(prefix="/api", tags=["ledger"])
Editor = Annotated[str, Depends(require_bearer)]
Rating = Enum("Rating", {r.replace("-", "_"): r for r in RATINGS}, type=str)
AUDIT_LIMIT = 1000  # the most audit entries one request returns
SURROGATE = re.compile("[\ud800-\udfff]")


class Problem(BaseModel):
    """An error answer: what went wrong, in one line."""

    detail: str


def _errors(*statuses: int, not_found: str = "No such story") -> dict:
    """OpenAPI ``responses`` for the error answers a route gives besides 422, so that every status the desk
    answers is in its spec (``tests/test_fuzz.py`` checks them against it)."""
    why = {400: "The change could not be made", 401: "No editor's token, or one unknown, revoked or expired",
           404: not_found, 413: "The request body is over the desk's limit (`storyline serve --max-body-mib`)"}
    return {status: {"model": Problem, "description": why[status]} for status in statuses}


NOT_FOUND = _errors(404)
EXPORT_TYPES = {"content": {media: {} for media in ("text/markdown", "text/html", "application/atom+xml",
                                                    "application/ld+json")}}


class Format(str, Enum):
    json = "json"
    markdown = "markdown"
    html = "html"
    atom = "atom"
    claimreview = "claimreview"


class Posted(BaseModel):
    """A JSON body whose strings are all valid Unicode text: a JSON escape such as ``\\ud800`` makes a lone
    surrogate, which no report, note or URL holds and which UTF-8 cannot encode (it failed later, as a 500)."""

    @field_validator("*")
    @classmethod
    def _no_lone_surrogates(cls, value):
        if isinstance(value, str) and SURROGATE.search(value):
            raise ValueError("holds a lone surrogate (an unpaired \\ud800-\\udfff escape): send valid Unicode text")
        return value


class NewReport(Posted):
    """A report to add: its ``text`` (plain or HTML) or a ``url`` to fetch and follow, not both."""

    text: str | None = Field(None, description="The report's text or HTML.")
    url: str | None = Field(None, description="An http(s) URL to fetch; it is followed from then on.")
    outlet: str | None = Field(None, description="The outlet (required with text; default for a URL: the site).")
    published: str | None = Field(None, description="Publication date of a text, ISO 8601.")
    title: str | None = None
    location: str | None = Field(None, description="Names the article across revisions (text only).")


class VerdictIn(Posted):
    rating: Rating
    note: str = ""
    evidence_url: str | None = None


def _refused(exc: StorylineError) -> HTTPException:
    """The 422 (or 400) for a change refused; a store failure is not the editor's: it is raised on, to the 503
    that keeps the store's URL out of the answer."""
    if isinstance(exc, StoreError):
        raise exc
    return HTTPException(422 if isinstance(exc, actions.Refused) else 400, str(exc))


Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many items to skip")]
Limit = Annotated[int, Query(ge=1, le=API_MAX, description=f"How many items, 1 to {API_MAX}")]
PAGED = {"headers": {
    "X-Total-Count": {"description": "How many items the whole list holds", "schema": {"type": "integer"}},
    "Link": {"description": 'The next and previous pages (rel="next", rel="prev"), when there are',
             "schema": {"type": "string"}}}}


def _paged(request: Request, response: Response, page: Page) -> list:
    """The page's items, with the total in ``X-Total-Count`` and links to the pages around it in ``Link``."""
    response.headers["X-Total-Count"] = str(page.total)
    links = [(rel, offset) for rel, offset in (("next", page.next_offset), ("prev", page.previous_offset))
             if offset is not None]
    if links:
        response.headers["Link"] = ", ".join(
            f'<{request.url.include_query_params(offset=offset, limit=page.limit)}>; rel="{rel}"'
            for rel, offset in links)
    return page.items


@router.get("/stories", summary="Every story, with its latest change")
def stories(request: Request) -> list[dict]:
    rows = request.app.state.store.stories()
    return [{"id": row.id, "name": row.name, "title": row.title, "report_count": row.report_count,
             "created_at": row.created_at.isoformat(), "latest_change": latest}
            for row, (_, latest) in zip(rows, request.app.state.ledgers.summaries(rows))]


@router.get("/stories/{story}", responses={200: PAGED, **NOT_FOUND},
            summary="The story's ledger as `storyline export --format json`, its claims a page at a time",
            description="Every part as the export has it, but the claims: `offset` and `limit` pick a page of "
                        "them (the total in `X-Total-Count`, the next page in `Link`). The whole ledger streams "
                        "from `/export/json`.")
def story_ledger(request: Request, story: str, with_text: bool = False, offset: Offset = 0,
                 limit: Limit = API_LIMIT) -> dict:
    row = read_story(request, story)
    total = request.app.state.store.kept_count(row.id, "claim")
    text = "".join(request.app.state.ledgers.ledger_json(row, with_text, claims_offset=offset, claims_limit=limit))
    answer = Response(text, media_type="application/json")  # the spec's object, already JSON: not encoded again
    _paged(request, answer, Page([], offset, limit, total))
    return answer


@router.get("/stories/{story}/export/{format}", responses={200: EXPORT_TYPES, **NOT_FOUND},
            summary="The ledger in any export format (JSON streams)")
def export(request: Request, story: str, format: Format, with_text: bool = False) -> Response:
    row = read_story(request, story)
    ledgers = request.app.state.ledgers
    if format is Format.json:
        chunks = streamed(lambda out: ledgers.write_json(row, out, with_text))
        return StreamingResponse(chunks, media_type="application/json")
    ledger = ledgers.ledger(row, with_text)
    if format is Format.markdown:
        return Response(ledger_markdown(ledger), media_type="text/markdown; charset=utf-8")
    if format is Format.html:
        return Response(ledger_html(ledger), media_type="text/html; charset=utf-8")
    if format is Format.atom:
        return Response(ledger_atom(ledger), media_type="application/atom+xml; charset=utf-8")
    return Response(ledger_claimreview(ledger, public_base(request)), media_type="application/ld+json")


@router.get("/stories/{story}/claimreview", responses={200: {"content": {"application/ld+json": {}}}, **NOT_FOUND},
            summary="schema.org ClaimReview JSON-LD for claims with a verdict")
def claimreview(request: Request, story: str) -> Response:
    return export(request, story, Format.claimreview)


@router.get("/stories/{story}/reports", responses={200: PAGED, **NOT_FOUND},
            summary="The reports, each version of each article, a page at a time")
def reports(request: Request, response: Response, story: str, offset: Offset = 0, limit: Limit = API_LIMIT,
            ) -> list[dict]:
    row = read_story(request, story)
    return _paged(request, response, request.app.state.ledgers.part(row, "reports", offset, limit))


@router.get("/stories/{story}/reports/{report_id}", responses=_errors(404, not_found="No such story or report"),
            summary="One report with its text")
def report(request: Request, story: str, report_id: str) -> dict:
    row = read_story(request, story)
    found = request.app.state.ledgers.reports(row, [report_id], with_text=True).get(report_id)
    if found is None:
        raise HTTPException(404, f"no report {report_id!r} in this story")
    return found


@router.post("/stories/{story}/reports", status_code=201,
             responses=_errors(400, 401, 413), summary="Add a report from its text or a URL (editors)",
             description="The same path as `storyline add`; the story is created if it is new.")
def add_report(request: Request, story: str, body: NewReport, editor: Editor) -> dict:
    if (body.text is None) == (body.url is None):
        raise HTTPException(422, "give either text or url")
    store = request.app.state.store
    name = next((s.name for s in store.stories() if story in (s.id, s.name)), story)
    try:
        if body.url is not None:
            added = actions.add_url(store, name, body.url, editor=editor, outlet=body.outlet,
                                    allow_private=request.app.state.allow_private)
        else:
            if not body.outlet:
                raise HTTPException(422, "outlet: required with text")
            added = actions.add_text(store, name, body.text, outlet=body.outlet, editor=editor,
                                     published=body.published, title=body.title, location=body.location)
    except StorylineError as exc:
        raise _refused(exc) from exc
    return {"story": name, **vars(added)}


@router.get("/stories/{story}/claims", responses={200: PAGED, **NOT_FOUND},
            summary="The claims, a page at a time (filter by status, or search their words)")
def claims(request: Request, response: Response, story: str, status: str | None = None,
           q: Annotated[str | None, Query(description="Words every hit contains")] = None,
           offset: Offset = 0, limit: Limit = API_LIMIT) -> list[dict]:
    row = read_story(request, story)
    page = request.app.state.ledgers.claims(row, offset, limit, status=status, q=q)
    return _paged(request, response, page)


@router.get("/stories/{story}/claims/{claim_id}", responses=_errors(404, not_found="No such story or claim"),
            summary="One claim")
def claim(request: Request, story: str, claim_id: str) -> dict:
    found = request.app.state.ledgers.claim(read_story(request, story), claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id!r} in this story")
    return found


@router.put("/stories/{story}/claims/{claim_id}/verdict",
            responses=_errors(400, 401, 404, 413, not_found="No such story or claim"),
            summary="Record an editor's verdict on a claim (editors)")
def put_verdict(request: Request, story: str, claim_id: str, body: VerdictIn, editor: Editor) -> dict:
    row = read_story(request, story)
    known = request.app.state.ledgers.claim(row, claim_id) is not None
    try:
        verdict = actions.record_verdict(request.app.state.store, known, row.name, claim_id, rating=body.rating.value,
                                         note=body.note, evidence_url=body.evidence_url, editor=editor)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from exc
    except StorylineError as exc:
        raise _refused(exc) from exc
    return verdict.as_dict()


@router.delete("/stories/{story}/claims/{claim_id}/verdict", status_code=204,
               responses=_errors(401, 404, not_found="No such story, or the claim has no verdict"),
               summary="Remove the verdict on a claim (editors)")
def delete_verdict(request: Request, story: str, claim_id: str, editor: Editor) -> Response:
    name = find_story(request, story).name
    if not request.app.state.store.delete_verdict(name, claim_id, editor=editor, at=now()):
        raise HTTPException(404, f"claim {claim_id!r} has no verdict")
    return Response(status_code=204)


def _part(request: Request, response: Response, story: str, part: str, offset: int, limit: int) -> list[dict]:
    row = read_story(request, story)
    return _paged(request, response, request.app.state.ledgers.part(row, part, offset, limit))


@router.get("/stories/{story}/entities", responses={200: PAGED, **NOT_FOUND},
            summary="People, organisations and places, with aliases and roles, a page at a time")
def entities(request: Request, response: Response, story: str, offset: Offset = 0, limit: Limit = API_LIMIT,
             ) -> list[dict]:
    return _part(request, response, story, "entities", offset, limit)


@router.get("/stories/{story}/events", responses={200: PAGED, **NOT_FOUND},
            summary="The timeline: dated events, earliest first, a page at a time")
def events(request: Request, response: Response, story: str, offset: Offset = 0, limit: Limit = API_LIMIT,
           ) -> list[dict]:
    return _part(request, response, story, "events", offset, limit)


@router.get("/stories/{story}/figures", responses={200: PAGED, **NOT_FOUND},
            summary="The figures quoted, with ranges and units, a page at a time")
def figures(request: Request, response: Response, story: str, offset: Offset = 0, limit: Limit = API_LIMIT,
            ) -> list[dict]:
    return _part(request, response, story, "figures", offset, limit)


@router.get("/stories/{story}/changes", responses={200: PAGED, **NOT_FOUND},
            summary="The change log, or its tail after ?since=ISO-TIME, a page at a time")
def changes(request: Request, response: Response, story: str, since: str | None = None, offset: Offset = 0,
            limit: Limit = API_LIMIT) -> list[dict]:
    if since is None:
        return _part(request, response, story, "changes", offset, limit)
    try:
        after = parse_time(since)
    except ValueError as exc:
        raise HTTPException(422, f"since={since!r}: give an ISO 8601 date or time") from exc
    row = read_story(request, story)
    everything = request.app.state.ledgers.part(row, "changes").items
    return _paged(request, response, window(changes_after({"changes": everything}, after), offset, limit))


@router.get("/audit", responses=_errors(401, 404),
            summary="Who changed what and when, newest first (editors)")
def audit(request: Request, editor: Editor, story: str | None = None,
          limit: Annotated[int, Query(ge=1, le=AUDIT_LIMIT, description="How many entries, 1 to 1000")] = 100,
          ) -> list[dict]:
    name = find_story(request, story).name if story else None
    return [{**vars(row), "at": row.at.isoformat()} for row in request.app.state.store.audit_log(name, limit)]
