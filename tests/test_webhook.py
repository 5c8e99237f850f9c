"""Webhook alerts over real loopback HTTP: retries with backoff, signatures, no retry on client errors."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.watch.webhook import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    changes_payload,
    post_changes,
    sign,
    verify,
)

SECRET = "shared-secret-for-tests"
CHANGES = [
    {"at": "2031-05-02T08:00:00+00:00", "kind": "status_changed", "report": "r2", "claim": "c-1",
     "detail": "unverified → confirmed: the Lindqvist ferry ran aground off Hesker Point"},
    {"at": "2031-05-02T08:00:00+00:00", "kind": "figure_changed", "report": "r2", "claim": None,
     "detail": "7 passengers → 19 passengers"},
]
STORY = {"name": "hesker-point-grounding", "title": "Hesker Point grounding"}


class Receiver:
    """A local webhook receiver that answers each POST with the next status in ``script`` (then 200)."""

    def __init__(self, script: list[int], retry_after: str | None = None):
        self.script = list(script)
        self.retry_after = retry_after
        self.requests: list[tuple[dict, bytes, int]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.script.pop(0) if receiver.script else 200
                receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body, status))
                self.send_response(status)
                if receiver.retry_after and status >= 500:
                    self.send_header("Retry-After", receiver.retry_after)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def accepted(self) -> list[tuple[dict, bytes]]:
        return [(headers, body) for headers, body, status in self.requests if 200 <= status < 300]


def test_retries_after_503_then_delivers_once_signed():
    sleeps: list[float] = []
    payload = changes_payload(STORY, CHANGES)
    with Receiver([503, 503]) as receiver:
        delivery = post_changes(receiver.url, payload, secret=SECRET, retries=3, backoff=0.5, sleep=sleeps.append)
    assert delivery.ok and delivery.attempts == 3 and delivery.status == 200 and delivery.error is None
    assert len(receiver.requests) == 3 and len(receiver.accepted) == 1
    headers, body = receiver.accepted[0]
    assert verify(body, SECRET, headers[SIGNATURE_HEADER.lower()])
    assert not verify(body, "another-secret", headers[SIGNATURE_HEADER.lower()])
    assert not verify(body + b" ", SECRET, headers[SIGNATURE_HEADER.lower()])
    assert headers["content-type"] == "application/json" and headers["user-agent"].startswith("storyline/")
    # every attempt carries the same delivery id, so the receiver can de-duplicate
    assert len({h[DELIVERY_HEADER.lower()] for h, _, _ in receiver.requests}) == 1
    assert headers[DELIVERY_HEADER.lower()] == delivery.delivery_id
    assert sleeps == [0.5, 1.0]
    sent = json.loads(body)
    assert sent["changes"] == CHANGES and sent["count"] == 2
    assert sent["story"] == {"name": "hesker-point-grounding", "title": "Hesker Point grounding"}
    assert sent["generated_at"].endswith("+00:00")


def test_retry_after_is_honoured_and_capped():
    sleeps: list[float] = []
    with Receiver([503, 503], retry_after="7") as receiver:
        delivery = post_changes(receiver.url, {"x": 1}, retries=2, backoff=0.01, max_delay=5.0, sleep=sleeps.append)
    assert delivery.ok and sleeps == [5.0, 5.0]


def test_client_error_is_not_retried():
    sleeps: list[float] = []
    with Receiver([400]) as receiver:
        delivery = post_changes(receiver.url, {"x": 1}, secret=SECRET, sleep=sleeps.append)
    assert not delivery.ok and delivery.attempts == 1 and delivery.status == 400 and "400" in delivery.error
    assert sleeps == [] and len(receiver.requests) == 1


def test_gives_up_after_retries_on_server_errors():
    sleeps: list[float] = []
    with Receiver([500, 502, 503, 504]) as receiver:
        delivery = post_changes(receiver.url, {"x": 1}, retries=2, backoff=0.1, sleep=sleeps.append)
    assert not delivery.ok and delivery.attempts == 3 and delivery.status == 503
    assert sleeps == [0.1, 0.2]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_url_fails_without_raising():
    sleeps: list[float] = []
    delivery = post_changes(f"http://127.0.0.1:{_closed_port()}/hook", {"x": 1}, retries=2, backoff=0.25,
                            timeout=1.0, sleep=sleeps.append)
    assert not delivery.ok and delivery.attempts == 3 and delivery.status is None
    assert "Connect" in delivery.error
    assert sleeps == [0.25, 0.5]


@pytest.mark.parametrize("url", ["not a url", "ftp://127.0.0.1/hook"])
def test_bad_url_fails_at_once(url):
    sleeps: list[float] = []
    delivery = post_changes(url, {"x": 1}, sleep=sleeps.append)
    assert not delivery.ok and delivery.attempts == 1 and delivery.error and sleeps == []


def test_no_secret_no_signature():
    with Receiver([]) as receiver:
        delivery = post_changes(receiver.url, {"x": 1})
    assert delivery.ok and delivery.attempts == 1
    headers, _ = receiver.accepted[0]
    assert SIGNATURE_HEADER.lower() not in headers


def test_signature_is_hmac_sha256_of_exact_bytes():
    body = b'{"a":"<&>"}'
    value = sign(body, SECRET)
    assert value.startswith("sha256=") and len(value) == len("sha256=") + 64
    assert verify(body, SECRET, value)
    assert not verify(body, SECRET, "") and not verify(body, SECRET, "sha256=" + "0" * 64)
