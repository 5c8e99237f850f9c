"""The desk's HTML pages: stories, a story's board, a claim with its evidence and verdict, a report with its
revisions, search, and signing in. Every page works without JavaScript.

Each page reads only what it shows from the kept ledger (``ledgers.py``): the story page holds one page of
claims (``?page=N``) and the first few items of each other list, which have pages of their own
(``/stories/ID/timeline?page=N`` …), so no page grows with the story."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from ..errors import StoreError, StorylineError
from ..ledger.since import parse_time
from ..store.schema import RATINGS
from ..store.store import now
from ..watch.diff import diff_sentences
from . import actions, views
from .paging import BOARD_PAGE, PART_PAGE, SHOWN, page_offset
from .app import read_story
from .auth import (
    CSRF_FIELD,
    check_csrf,
    csrf_token,
    session_editor,
    set_cookies,
    sign_in,
    sign_out,
)

router = APIRouter(include_in_schema=False)
SEEN_COOKIE = "storyline_seen_"  # + story id: when this browser last opened the story page
SEEN_MAX_AGE = 365 * 24 * 3600
FIRST_VISIT_CHANGES = 12  # changes shown to a first-time visitor
EVIDENCE_SHOWN = 5  # mentions of a claim shown on the board (every one on the claim's own page)
SEARCH_HITS = 200  # claims a search shows


def render(request: Request, template: str, context: dict, status_code: int = 200,
           headers: Mapping[str, str] | None = None) -> Response:
    """A page from its template, with the signed-in editor and the CSRF token every form carries."""
    context = {"editor": session_editor(request), "csrf": csrf_token(request), "csrf_field": CSRF_FIELD,
               **context}
    response = request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code,
                                                             headers=headers)
    set_cookies(request, response)
    return response


@router.get("/")
def stories(request: Request) -> Response:
    rows = request.app.state.store.stories()
    summaries = request.app.state.ledgers.summaries(rows)
    return render(request, "stories.html", {"rows": [(row, *summary) for row, summary in zip(rows, summaries)]})


@router.get("/stories/{story}")
def story(request: Request, story: str, page: int = 1) -> Response:
    row = read_story(request, story)
    ledgers = request.app.state.ledgers
    claims = ledgers.claims(row, page_offset(page, BOARD_PAGE), BOARD_PAGE)
    cookie = SEEN_COOKIE + row.id
    seen = _seen(request.cookies.get(cookie))
    recent = ledgers.tail(row, "changes", PART_PAGE)
    if seen is None:
        since = recent[-FIRST_VISIT_CHANGES:]
    else:
        stored = {rid: r["fetched_at"] for rid, r in ledgers.by_key(row, "reports", {c["report"] for c in recent}).items()}
        since = [c for c in recent if stored.get(c["report"]) and parse_time(stored[c["report"]]) > seen]
    events, entities, figures = (ledgers.first(row, part, SHOWN) for part in ("events", "entities", "figures"))
    newest = ledgers.tail(row, "reports", SHOWN)[::-1]
    shown_mentions = [m["report"] for c in claims.items for m in c["mentions"][:EVIDENCE_SHOWN]]
    reports = ledgers.reports(row, [*shown_mentions, *(c["report"] for c in since),
                                    *(f["report"] for f in figures[0])], with_text=True)
    marks = request.app.state.store.report_marks(row.id)  # every stored report, in the ledger yet or not
    unextracted = [f"{m.id} {m.extraction_status}" for m in marks if m.extraction_status != "ok"]
    response = render(request, "story.html", {
        "story": row, "info": ledgers.summary(row), "seen": seen, "since": since,
        "since_all": seen is not None and len(since) == len(recent) == PART_PAGE,
        "reports": reports, "board": views.claim_board(claims.items), "claims": claims,
        "on_board": {c["id"] for c in claims.items}, "evidence": views.evidence, "sources": views.claim_sources,
        "evidence_shown": EVIDENCE_SHOWN, "events": events, "entities": entities, "figures": figures,
        "newest_reports": newest, "report_total": len(marks),
        "conflicts": ledgers.conflicts(row, SHOWN), "unextracted": unextracted,
    })
    # seen up to the newest report in the ledger, to the microsecond as changes are recorded (a cookie cut to the
    # second showed that second's changes again), not up to now: a report stored before now but not in the
    # ledger yet (still being extracted) is still new on the next visit
    shown = [parse_time(r["fetched_at"]) for r in newest[:1] if r["fetched_at"]]
    mark = max([*shown, *([seen] if seen else [])], default=None) or now()
    response.set_cookie(cookie, mark.isoformat(), max_age=SEEN_MAX_AGE, httponly=True, samesite="lax", path="/")
    return response


# the story's other lists, each on pages of its own: URL segment → (ledger part, heading)
LISTS = {"timeline": ("events", "Timeline"), "entities": ("entities", "Entities"), "figures": ("figures", "Figures"),
         "reports": ("reports", "Reports"), "changes": ("changes", "Changes")}


@router.get("/stories/{story}/{name}")
def story_list(request: Request, story: str, name: str, page: int = 1) -> Response:
    if name not in LISTS:
        raise HTTPException(404, f"no page {name!r} for a story")
    row = read_story(request, story)
    part, heading = LISTS[name]
    ledgers = request.app.state.ledgers
    items = ledgers.part(row, part, page_offset(page, PART_PAGE), PART_PAGE)
    refs = [i["report"] for i in items.items] if part in ("figures", "changes") else []
    return render(request, "part.html", {
        "story": row, "info": ledgers.summary(row), "name": name, "part": part, "heading": heading,
        "items": items, "reports": ledgers.reports(row, refs), "on_board": set(),
    })


def _seen(value: str | None) -> datetime | None:
    try:
        return parse_time(value) if value else None
    except ValueError:
        return None


@router.get("/stories/{story}/claims/{claim_id}")
def claim(request: Request, story: str, claim_id: str) -> Response:
    row = read_story(request, story)
    ledgers = request.app.state.ledgers
    found = ledgers.claim(row, claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id!r} in this story")
    reports = ledgers.reports(row, [*(m["report"] for m in found["mentions"]), *(h["report"] for h in found["history"])],
                              with_text=True)
    contested = ledgers.claims_by_id(row, [c["claim"] for c in found["contested_by"] if c.get("claim")])
    names = {eid: entity["name"] for eid, entity in ledgers.by_key(row, "entities", found["entities"]).items()}
    return render(request, "claim.html", {
        "story": row, "claim": found, "evidence": views.evidence(found, reports), "reports": reports,
        "claims": contested, "ratings": RATINGS, "sources": views.claim_sources, "entity_names": names,
    })


@router.post("/stories/{story}/claims/{claim_id}/verdict")
def verdict(request: Request, story: str, claim_id: str, csrf: str = Form(""), rating: str = Form(""),
            note: str = Form(""), evidence_url: str = Form(""), remove: str = Form("")) -> Response:
    check_csrf(request, csrf)
    editor = session_editor(request)
    if editor is None:
        raise HTTPException(403, "only editors can record verdicts: sign in with your token first")
    row = read_story(request, story)
    store = request.app.state.store
    try:
        if remove:
            store.delete_verdict(row.name, claim_id, editor=editor, at=now())
        else:
            known = request.app.state.ledgers.claim(row, claim_id) is not None
            actions.record_verdict(store, known, row.name, claim_id, rating=rating, note=note,
                                   evidence_url=evidence_url, editor=editor)
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from exc
    except StoreError:
        raise  # a 503 without the store's URL
    except StorylineError as exc:
        raise HTTPException(422, str(exc)) from exc
    return RedirectResponse(f"/stories/{quote(row.id)}/claims/{quote(claim_id)}", status_code=303)


@router.get("/stories/{story}/reports/{report_id}")
def report(request: Request, story: str, report_id: str, compare: str | None = None) -> Response:
    row = read_story(request, story)
    store = request.app.state.store
    record = store.report(report_id)
    if record is None or record.story_id != row.id:
        raise HTTPException(404, f"no report {report_id!r} in this story")
    revisions = store.revisions(row.name, record.location)
    other_id = compare or record.previous_id
    other = next((r for r in revisions if r.report_id == other_id), None)
    if compare and other is None:
        raise HTTPException(404, f"no revision {compare!r} of this article")
    diff = None
    if other is not None and other.report_id != record.id:
        old, new = (other.text, record.text) if other.version < record.version else (record.text, other.text)
        diff = diff_sentences(old, new)
    ledgers = request.app.state.ledgers
    claims = ledgers.claims_of_report(row, report_id)
    return render(request, "report.html", {
        "story": row, "report": ledgers.reports(row, [report_id]).get(report_id, {}), "record": record,
        "revisions": revisions, "other": other, "diff": diff,
        "segments": views.marked_text(record.text, claims, report_id),
    })


@router.get("/search")
def search(request: Request, q: str = "", story: str | None = None) -> Response:
    store = request.app.state.store
    rows = [read_story(request, story)] if story else store.stories()
    hits, more = request.app.state.ledgers.search(rows, q, SEARCH_HITS)
    return render(request, "search.html", {"q": q, "story": story, "hits": hits, "more": more,
                                           "stories": store.stories(), "sources": views.claim_sources})


@router.get("/signin")
def signin_page(request: Request, next: str = "/") -> Response:
    return render(request, "signin.html", {"next": _local(next), "error": None})


@router.post("/signin")
def signin(request: Request, csrf: str = Form(""), token: str = Form(""), next: str = Form("/")) -> Response:
    check_csrf(request, csrf)
    response = RedirectResponse(_local(next), status_code=303)
    if not sign_in(request, response, token.strip()):
        return render(request, "signin.html", {"next": _local(next),
                      "error": "That token is unknown or revoked, or has expired."}, status_code=403)
    return response


@router.post("/signout")
def signout(request: Request, csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    response = RedirectResponse("/", status_code=303)
    sign_out(request, response)
    return response


def _local(target: str) -> str:
    """Only a path on this site may be a redirect target."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"
