"""Who may write: editors with a token (``storyline token create NAME``). Everyone else reads.

The API takes the token as ``Authorization: Bearer …`` and nothing else, so a browser never sends it on its
own. Signing in to the UI with the token makes a session (``Store.create_session``) whose secret, not the token,
goes in an HttpOnly, SameSite=Strict cookie; every form carries a CSRF token that must equal the value of a
second cookie (double submit): a page on another site can neither read that cookie nor, with SameSite=Strict,
make the browser send the session cookie with its form.

Tokens may expire (``storyline token create NAME --expires 30d``) and sessions do (``storyline serve
--session-expiry``, 12 hours by default); both are checked on every request against the app's clock
(``app.state.clock``, which tests replace), and a revoked or expired token ends its sessions too.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from fastapi import HTTPException, Request, Response

SESSION_COOKIE = "storyline_editor"
CSRF_COOKIE = "storyline_csrf"
CSRF_FIELD = "csrf"
SESSION_EXPIRY = timedelta(hours=12)  # the default of `storyline serve --session-expiry`


def bearer_editor(request: Request) -> str | None:
    """The editor named by the request's Bearer token (live: neither revoked nor expired), or None."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return request.app.state.store.editor_for(token, at=request.app.state.clock())


def require_bearer(request: Request) -> str:
    """The API's guard on writes: the editor's name, or 401."""
    editor = bearer_editor(request)
    if editor is None:
        has_token = request.headers.get("authorization", "").lower().startswith("bearer ")
        raise HTTPException(401, "an editor's token is required: Authorization: Bearer <token>" if not has_token
                            else "the token is unknown, revoked or expired", headers={"WWW-Authenticate": "Bearer"})
    return editor


def session_editor(request: Request) -> str | None:
    """The editor signed in to the UI (the session cookie's live session), or None; looked up once a request."""
    if not hasattr(request.state, "editor"):
        secret = request.cookies.get(SESSION_COOKIE)
        request.state.editor = (request.app.state.store.session_editor(secret, at=request.app.state.clock())
                                if secret else None)
    return request.state.editor


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


def sign_in(request: Request, response: Response, token: str) -> bool:
    """Start a session for the editor of ``token`` and set its cookie; False (nothing set) when the token is
    unknown, revoked or expired."""
    at = request.app.state.clock()
    expiry: timedelta = request.app.state.session_expiry
    secret = request.app.state.store.create_session(token, at=at, expires_at=at + expiry)
    if secret is None:
        return False
    response.set_cookie(SESSION_COOKIE, secret, max_age=int(expiry.total_seconds()), httponly=True,
                        samesite="strict", secure=_https(request), path="/")
    return True


def sign_out(request: Request, response: Response) -> None:
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        request.app.state.store.end_session(secret)
    response.delete_cookie(SESSION_COOKIE, path="/")


def _https(request: Request) -> bool:
    return request.url.scheme == "https"
