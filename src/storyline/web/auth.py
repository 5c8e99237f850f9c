"""Who may write: editors with a token (``storyline token create NAME``). Everyone else reads.

The API takes the token as ``Authorization: Bearer …`` and nothing else, so a browser never sends it on its
own. The UI keeps it in an HttpOnly, SameSite=Strict cookie once an editor signs in, and every form carries a
CSRF token that must equal the value of a second cookie (double submit): a page on another site can neither
read that cookie nor, with SameSite=Strict, make the browser send the session cookie with its form.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request, Response

SESSION_COOKIE = "storyline_editor"
CSRF_COOKIE = "storyline_csrf"
CSRF_FIELD = "csrf"


def _editor(request: Request, token: str | None) -> str | None:
    return request.app.state.store.editor_for(token) if token else None


def bearer_editor(request: Request) -> str | None:
    """The editor named by the request's Bearer token, or None."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return _editor(request, token.strip()) if scheme.lower() == "bearer" else None


def require_bearer(request: Request) -> str:
    """The API's guard on writes: the editor's name, or 401."""
    editor = bearer_editor(request)
    if editor is None:
        has_token = request.headers.get("authorization", "").lower().startswith("bearer ")
        raise HTTPException(401, "an editor's token is required: Authorization: Bearer <token>" if not has_token
                            else "the token is unknown or revoked", headers={"WWW-Authenticate": "Bearer"})
    return editor


def session_editor(request: Request) -> str | None:
    """The editor signed in to the UI (the session cookie's token), or None."""
    return _editor(request, request.cookies.get(SESSION_COOKIE))


def csrf_token(request: Request) -> str:
    """The CSRF token forms on this page carry: the visitor's cookie, or a new one set with the response."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if token is None:
        token = request.state.new_csrf = secrets.token_urlsafe(24)
    return token


def set_cookies(request: Request, response: Response) -> None:
    """Set the CSRF cookie on the response when this request made a new one."""
    new = getattr(request.state, "new_csrf", None)
    if new is not None:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", secure=_https(request), path="/")


def check_csrf(request: Request, submitted: str | None) -> None:
    """403 unless the form's CSRF field equals the CSRF cookie."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise HTTPException(403, "the form's CSRF token is missing or does not match: reload the page and try again")


def sign_in(request: Request, response: Response, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", secure=_https(request), path="/")


def sign_out(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


def _https(request: Request) -> bool:
    return request.url.scheme == "https"
