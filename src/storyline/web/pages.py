"""The desk's HTML pages: stories, a story's board, a claim with its evidence and verdict, a report with its
revisions, search, and signing in. Every page works without JavaScript."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from ..errors import StoreError, StorylineError
from ..ledger.since import changes_recorded_after, parse_time
from ..store.schema import RATINGS
from ..store.store import now
from ..watch.diff import diff_sentences
from . import actions, views
from .app import find_story
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


def render(request: Request, template: str, context: dict, status_code: int = 200,
           headers: Mapping[str, str] | None = None) -> Response:
    """A page from its template, with the signed-in editor and the CSRF token every form carries."""
    context = {"editor": session_editor(request), "csrf": csrf_token(request), "csrf_field": CSRF_FIELD,
               **context}
    response = request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code,
                                                             headers=headers)
    set_cookies(request, response)
    return response


def _ledger(request: Request, story: str) -> tuple:
    row = find_story(request, story)
    return row, request.app.state.ledgers.ledger(row.name, with_text=True)


@router.get("/")
def stories(request: Request) -> Response:
    rows = request.app.state.store.stories()
    summaries = request.app.state.ledgers.summaries(rows)
    return render(request, "stories.html", {"rows": [(row, *summary) for row, summary in zip(rows, summaries)]})


@router.get("/stories/{story}")
def story(request: Request, story: str) -> Response:
    row = find_story(request, story)
    ledger, memo = request.app.state.ledgers.view(row.name, with_text=True)
    cookie = SEEN_COOKIE + row.id
    seen = _seen(request.cookies.get(cookie))
    if seen is None:
        since = ledger["changes"][-FIRST_VISIT_CHANGES:]
    else:
        since = changes_recorded_after(ledger, seen)
    reports = {r["id"]: r for r in ledger["reports"]}
    editor = session_editor(request)

    def board() -> Markup:  # the bulk of the page, the same for every reader of this version
        return Markup(request.app.state.templates.get_template("_board.html").render({
            "story": row, "board": views.claim_board(ledger), "reports": reports, "editor": editor,
            "evidence": views.evidence, "sources": views.claim_sources,
        }))

    verdicts = tuple((c["id"], tuple(c["verdict"].items())) for c in ledger["claims"] if c["verdict"])
    response = render(request, "story.html", {
        "story": row, "ledger": ledger, "seen": seen, "since": since, "reports": reports,
        "board_html": memo.get_or_make(("board", verdicts, editor is not None), board),
        "claims": {c["id"]: c for c in ledger["claims"]}, "entity_names": views.entity_names(ledger),
        "conflicts": views.conflicts(ledger),
    })
    # seen up to the newest report shown, to the microsecond as changes are recorded (a cookie cut to the second
    # showed that second's changes again), not up to now: a report stored before now but not on this page (the
    # desk may show the version before the one being built) is still new on the next visit
    shown = [parse_time(r["fetched_at"]) for r in ledger["reports"] if r["fetched_at"]]
    mark = max([*shown, *([seen] if seen else [])], default=None) or now()
    response.set_cookie(cookie, mark.isoformat(), max_age=SEEN_MAX_AGE, httponly=True, samesite="lax", path="/")
    return response


def _seen(value: str | None) -> datetime | None:
    try:
        return parse_time(value) if value else None
    except ValueError:
        return None


@router.get("/stories/{story}/claims/{claim_id}")
def claim(request: Request, story: str, claim_id: str) -> Response:
    row, ledger = _ledger(request, story)
    found = next((c for c in ledger["claims"] if c["id"] == claim_id), None)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id!r} in this story")
    reports = {r["id"]: r for r in ledger["reports"]}
    return render(request, "claim.html", {
        "story": row, "claim": found, "evidence": views.evidence(found, reports), "reports": reports,
        "claims": {c["id"]: c for c in ledger["claims"]}, "ratings": RATINGS, "sources": views.claim_sources,
        "entity_names": views.entity_names(ledger),
    })


@router.post("/stories/{story}/claims/{claim_id}/verdict")
def verdict(request: Request, story: str, claim_id: str, csrf: str = Form(""), rating: str = Form(""),
            note: str = Form(""), evidence_url: str = Form(""), remove: str = Form("")) -> Response:
    check_csrf(request, csrf)
    editor = session_editor(request)
    if editor is None:
        raise HTTPException(403, "only editors can record verdicts: sign in with your token first")
    row, ledger = _ledger(request, story)
    store = request.app.state.store
    try:
        if remove:
            store.delete_verdict(row.name, claim_id, editor=editor, at=now())
        else:
            actions.record_verdict(store, ledger, row.name, claim_id, rating=rating, note=note,
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
    row, ledger = _ledger(request, story)
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
    reports = {r["id"]: r for r in ledger["reports"]}
    return render(request, "report.html", {
        "story": row, "report": reports.get(report_id, {}), "record": record, "revisions": revisions,
        "other": other, "diff": diff, "segments": views.marked_text(record.text, ledger, report_id),
    })


@router.get("/search")
def search(request: Request, q: str = "", story: str | None = None) -> Response:
    store = request.app.state.store
    rows = [find_story(request, story)] if story else store.stories()
    hits = []
    for row in rows:
        ledger = request.app.state.ledgers.ledger(row.name)
        hits += [(row, claim) for claim in views.search_claims(ledger, q)]
    return render(request, "search.html", {"q": q, "story": story, "hits": hits, "stories": store.stories(),
                                           "sources": views.claim_sources})


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
