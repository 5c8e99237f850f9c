"""The desk's web application: the UI pages, the REST API under /api, and their shared guards.

Every response carries a Content-Security-Policy that allows scripts from this site's own files only, so
even a report that slipped markup through could run nothing; report text is escaped by Jinja2's autoescape.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store import StoryRow, open_store
from .ledgers import LedgerCache

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# /api/docs is FastAPI's Swagger UI page (its script and styles come from a CDN, and it has an inline script);
# it shows the OpenAPI description only, never report text
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
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
                  docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json", lifespan=lifespan)
    app.state.store = store
    app.state.ledgers = LedgerCache(store)
    app.state.allow_private = allow_private
    app.state.base_url = base_url
    # autoescape on for every template: report text is untrusted
    app.state.templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = DOCS_CSP if request.url.path == "/api/docs" else CSP
        response.headers.update(HEADERS)
        return response

    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
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
