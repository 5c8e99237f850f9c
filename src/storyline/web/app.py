"""The desk's web application: the UI pages, the REST API under /api, and their shared guards.

Every response carries a Content-Security-Policy that allows scripts from this site's own files only, so
even a report that slipped markup through could run nothing; report text is escaped by Jinja2's autoescape.
The API docs page (/api/docs, Swagger UI) is under the same policy: its script and styles are served from
this site (the fastapi-offline package's copy of Swagger UI, and our static/docs-init.js), so it also works
with no internet connection.

Error responses carry the same headers, 500s included, and say what went wrong in one line without the
store's URL or a traceback (those go to the server's log). A request body is capped before any of it is read
(``max_body``): a declared Content-Length over the cap is refused at once, and a streamed body is counted as
it arrives; both get a 413 before routing, so before the editor's token is looked at.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import StoreError
from ..store import StoryRow, open_store
from ..store.store import now
from .auth import SESSION_EXPIRY
from .ledgers import Ledgers

HERE = Path(__file__).parent
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"  # swagger-ui-bundle.js, swagger-ui.css, favicon.png
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# /api/docs: Swagger UI from our own files; the page has no inline script and loads nothing from elsewhere
DOCS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>storyline desk – API</title>
<link rel="stylesheet" href="{root}/api/docs-assets/swagger-ui.css">
<link rel="icon" type="image/png" href="{root}/api/docs-assets/favicon.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{root}/api/openapi.json"></div>
<script src="{root}/api/docs-assets/swagger-ui-bundle.js"></script>
<script src="{root}/static/docs-init.js"></script>
</body>
</html>
"""
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}
SECURITY_HEADERS = {"Content-Security-Policy": CSP, **HEADERS}
MAX_BODY = 4 * 1024 * 1024  # bytes: the default of `storyline serve --max-body-mib`; a report's HTML fits
log = logging.getLogger(__name__)


def create_app(store_url: str | None, *, allow_private: bool = False, base_url: str | None = None,
               max_body: int = MAX_BODY, session_expiry: timedelta = SESSION_EXPIRY,
               clock: Callable[[], datetime] = now) -> FastAPI:
    """The desk over the store at ``store_url`` (as ``--db``). ``allow_private`` lets submitted URLs reach
    private and loopback addresses (tests); ``base_url`` is the public address used in ClaimReview links
    (default: the address each request came to). ``max_body`` caps a request's body (bytes);
    ``session_expiry`` is how long a UI sign-in lasts; ``clock`` gives the time tokens and sessions are
    checked against (tests pass a fake one)."""
    from .api import router as api_router
    from .pages import router as pages_router

    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.ledgers.close()
        store.close()

    app = FastAPI(title="storyline desk", summary="The story ledger and editors' verdicts.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan)
    app.state.store = store
    app.state.ledgers = Ledgers(store)
    app.state.allow_private = allow_private
    app.state.base_url = base_url
    app.state.clock = clock
    app.state.session_expiry = session_expiry
    # autoescape on for every template: report text is untrusted
    app.state.templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))

    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)  # added last: outside the body limit, so its 413 has them too
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _crash)  # runs outside every middleware: sets the headers itself
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/api/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/api/docs", include_in_schema=False)
    async def api_docs(request: Request) -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE.format(root=html.escape(request.scope.get("root_path", ""))))

    app.include_router(api_router)
    app.include_router(pages_router)
    app.openapi = _with_string_422(app.openapi)
    return app


def _with_string_422(openapi: Callable[[], dict]) -> Callable[[], dict]:
    """FastAPI's spec says a 422's ``detail`` is a list of validation errors; the API's own refusals (``give
    either text or url``, a bad ``since``, a verdict refused) answer 422 with one line of text: the spec says
    either (``tests/test_fuzz.py`` checks answers against it)."""

    def spec() -> dict:
        schema = openapi()  # built once, then kept by FastAPI: patched in place on the first call
        error = schema.get("components", {}).get("schemas", {}).get("HTTPValidationError", {})
        detail = error.get("properties", {}).get("detail")
        if detail is not None and "anyOf" not in detail:
            listed = {k: v for k, v in detail.items() if k != "title"}
            error["properties"]["detail"] = {"anyOf": [listed, {"type": "string"}], "title": "Detail"}
        return schema

    return spec


class SecurityHeaders:
    """Every response gets the CSP and the other security headers (pure ASGI: a streamed response streams)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyTooLarge(StarletteHTTPException):
    """A request body over the cap: raised from ``receive`` as the body streams in, it is an HTTPException so
    that FastAPI's body reading lets it through to the 413 handler."""

    def __init__(self, max_body: int):
        super().__init__(413, f"the request body is larger than {_size(max_body)}")


class BodyLimit:
    """413 for a request whose declared Content-Length is over ``max_body``, before the app sees it; a body
    without one (chunked) is counted as it is received and cut off at the cap."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                return await _plain_error(scope, send, 400, "the Content-Length header is not a number")
            if int(declared) > self.max_body:
                return await _plain_error(scope, send, 413, BodyTooLarge(self.max_body).detail)
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:  # read outside FastAPI's body parsing (which answers it as an HTTPException)
            if started:
                raise
            await _plain_error(scope, send, 413, exc.detail)


async def _plain_error(scope: Scope, send: Send, status: int, message: str) -> None:
    """An error answered before the app: JSON under /api, a line of text elsewhere; the connection is closed,
    as the body was not read."""
    headers = {"Connection": "close"}
    if scope["path"].startswith("/api"):
        response = JSONResponse({"detail": message}, status_code=status, headers=headers)
    else:
        response = PlainTextResponse(message + "\n", status_code=status, headers=headers)
    await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MiB" if n >= 1024 * 1024 else f"{n:,} bytes"


def find_story(request: Request, key: str) -> StoryRow:
    """The story with this id (the URL form) or name; 404 when there is none."""
    found = request.app.state.store.story_by_key(key)
    if found is None:
        raise HTTPException(404, f"no story {key!r}")
    return found


def read_story(request: Request, key: str) -> StoryRow:
    """``find_story``, its kept ledger brought up to date first, so that the reads that follow are current."""
    row = find_story(request, key)
    request.app.state.ledgers.current(row)
    return row


def public_base(request: Request) -> str:
    return request.app.state.base_url or str(request.base_url).rstrip("/")


async def _http_error(request: Request, exc: StarletteHTTPException):
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    from .pages import render

    return render(request, "error.html", {"status": exc.status_code, "message": exc.detail},
                  status_code=exc.status_code, headers=exc.headers)


async def _invalid(request: Request, exc: RequestValidationError):
    if request.url.path.startswith("/api"):
        # ASCII JSON: an input echoed back may hold a lone surrogate, which UTF-8 cannot encode
        body = json.dumps({"detail": jsonable_encoder(exc.errors())}, ensure_ascii=True)
        return Response(body, status_code=422, media_type="application/json")
    from .pages import render

    message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    message = message.encode("utf-8", "backslashreplace").decode("utf-8")
    return render(request, "error.html", {"status": 422, "message": message}, status_code=422)


async def _store_error(request: Request, exc: StoreError):
    """The store failed (locked too long, unreachable): 503, and the details, URL included, only in the log."""
    log.error("%s %s: %s", request.method, request.url.path, exc)
    return await _http_error(request, StarletteHTTPException(
        503, "the store could not be read or written just now: try again shortly"))


async def _crash(request: Request, exc: Exception):
    """Any other failure: 500 with one plain line and the security headers (this handler answers from outside
    every middleware); the traceback goes to the server's log (``ServerErrorMiddleware`` logs it)."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": "internal server error"}, status_code=500, headers=SECURITY_HEADERS)
    return PlainTextResponse("internal server error\n", status_code=500, headers=SECURITY_HEADERS)


def serve(host: str = "127.0.0.1", port: int = 8000, store_url: str | None = None, **options) -> None:
    """Run the desk with uvicorn until interrupted (``options``: those of ``create_app``)."""
    import uvicorn

    uvicorn.run(create_app(store_url, **options), host=host, port=port, log_level="info")
