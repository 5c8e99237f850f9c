"""The desk's web application: the UI pages, the REST API under /api, and their shared guards.

Every response carries a Content-Security-Policy that allows scripts from this site's own files only, so
even a report that slipped markup through could run nothing; report text is escaped by Jinja2's autoescape.
The API docs page (/api/docs, Swagger UI) is under the same policy: its script and styles are served from
this site (the fastapi-offline package's copy of Swagger UI, and our static/docs-init.js), so it also works
with no internet connection.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import StoryRow, open_store
from .ledgers import LedgerCache

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


def create_app(store_url: str | None, *, allow_private: bool = False, base_url: str | None = None) -> FastAPI:
    """The desk over the store at ``store_url`` (as ``--db``). ``allow_private`` lets submitted URLs reach
    private and loopback addresses (tests); ``base_url`` is the public address used in ClaimReview links
    (default: the address each request came to)."""
    from .api import router as api_router
    from .pages import router as pages_router

    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="storyline desk", summary="The story ledger and editors' verdicts.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan)
    app.state.store = store
    app.state.ledgers = LedgerCache(store)
    app.state.allow_private = allow_private
    app.state.base_url = base_url
    # autoescape on for every template: report text is untrusted
    app.state.templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers.update(HEADERS)
        return response

    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/api/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/api/docs", include_in_schema=False)
    async def api_docs(request: Request) -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE.format(root=html.escape(request.scope.get("root_path", ""))))

    app.include_router(api_router)
    app.include_router(pages_router)
    return app


def find_story(request: Request, key: str) -> StoryRow:
    """The story with this id (the URL form) or name; 404 when there is none."""
    store = request.app.state.store
    for story in store.stories():
        if key in (story.id, story.name):
            return story
    raise HTTPException(404, f"no story {key!r}")


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
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
    from .pages import render

    message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return render(request, "error.html", {"status": 422, "message": message}, status_code=422)


def serve(host: str = "127.0.0.1", port: int = 8000, store_url: str | None = None) -> None:
    """Run the desk with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store_url), host=host, port=port, log_level="info")
