"""Alerts: POST a watch cycle's changes as signed JSON to a webhook, with retries that never raise."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import httpx

from .. import __version__

SIGNATURE_HEADER = "X-Storyline-Signature"
DELIVERY_HEADER = "X-Storyline-Delivery"
USER_AGENT = f"storyline/{__version__} (webhook)"
RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))


@dataclass
class Delivery:
    """How one webhook delivery went: ``ok`` only for a 2xx answer."""

    ok: bool
    attempts: int
    status: int | None
    error: str | None
    delivery_id: str = ""


def sign(body: bytes, secret: str) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the exact body bytes."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header_value: str | None) -> bool:
    """True when ``header_value`` is the body's signature with ``secret`` (constant-time comparison)."""
    return bool(header_value) and hmac.compare_digest(sign(body, secret), header_value)


def changes_payload(story: dict, changes: list[dict]) -> dict:
    """The JSON document posted for one cycle: the story, its new change-log entries and when it was made."""
    return {
        "story": {"name": story.get("name") or story.get("id"), "title": story.get("title")},
        "changes": list(changes),
        "count": len(changes),
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def retry_after(value: str | None, cap: float) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date), capped; None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return min(max(seconds, 0.0), cap)


def post_changes(url: str, payload: dict, *, secret: str | None = None, retries: int = 3, backoff: float = 1.0,
                 timeout: float = 10.0, max_delay: float = 60.0, client: httpx.Client | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> Delivery:
    """POST ``payload`` as JSON to ``url``; up to ``retries`` more attempts after connection errors, timeouts,
    429 and 5xx, waiting ``backoff * 2**n`` seconds (or Retry-After), each wait at most ``max_delay``.
    Other answers are final. Delivery failures are returned, never raised."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    delivery_id = str(uuid.uuid4())
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, DELIVERY_HEADER: delivery_id}
    if secret:
        headers[SIGNATURE_HEADER] = sign(body, secret)
    own = client is None
    http = httpx.Client(timeout=timeout) if own else client
    status: int | None = None
    error: str | None = None
    attempts = 0
    try:
        while True:
            attempts += 1
            wait: float | None = None
            try:
                response = http.post(url, content=body, headers=headers, timeout=timeout)
            except httpx.TransportError as exc:
                status, error = None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                retryable = not isinstance(exc, httpx.UnsupportedProtocol)
            except httpx.HTTPError as exc:  # an invalid URL and the like: retrying cannot help
                status, error, retryable = None, f"{type(exc).__name__}: {exc}", False
            except httpx.InvalidURL as exc:
                status, error, retryable = None, f"InvalidURL: {exc}", False
            else:
                status = response.status_code
                if response.is_success:
                    return Delivery(True, attempts, status, None, delivery_id)
                error = f"HTTP {status}"
                retryable = status in RETRY_STATUSES
                wait = retry_after(response.headers.get("Retry-After"), max_delay)
            if not retryable or attempts > retries:
                return Delivery(False, attempts, status, error, delivery_id)
            sleep(wait if wait is not None else min(backoff * 2 ** (attempts - 1), max_delay))
    finally:
        if own:
            http.close()
