"""The desk's limits (issue 17): request bodies capped before they are read, clear 4xx answers for bad input,
the same security headers and no internals on every error, expiring tokens and sessions (a fake clock), one
update of a story's kept ledger however many readers ask at once, and a list of stories that reads no ledger.
The story is fictional."""

from __future__ import annotations

import asyncio
import json
import shutil
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

pytest.importorskip("fastapi", reason="the web desk needs FastAPI (pip install fastapi python-multipart)")
pytest.importorskip("multipart", reason="the web desk's forms need python-multipart")

import typer  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from storyline.adding import add_document  # noqa: E402
from storyline.cli import state  # noqa: E402
from storyline.errors import StoreError  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.store import open_store  # noqa: E402
from storyline.web import ledgers as ledgers_module  # noqa: E402
from storyline.web.app import SECURITY_HEADERS, create_app  # noqa: E402
from storyline.web.auth import CSRF_COOKIE, SESSION_COOKIE  # noqa: E402
from storyline.web.cli import duration, register  # noqa: E402

STORY = "Quarry collapse"
SID = "quarry-collapse"
OTHER_STORY = "Tram strike"
REPORTS = [
    (STORY, "https://dalby-post.test/quarry", "Dalby Post", "2032-03-02T08:00:00+00:00",
     "DALBY (Dalby Post) — Part of the Hollin quarry wall collapsed on Monday, the county fire service said.\n\n"
     "Site manager Orla Fenwick said no workers had been hurt."),
    (STORY, "https://vale-radio.test/quarry", "Vale Radio", "2032-03-02T10:00:00+00:00",
     "Vale Radio — The county fire service said part of the Hollin quarry wall collapsed on Monday. "
     "Residents said the blast was heard across the valley."),
    (OTHER_STORY, "https://dalby-post.test/trams", "Dalby Post", "2032-03-03T08:00:00+00:00",
     "DALBY (Dalby Post) — Tram drivers in Dalby will strike on Friday, their union said."),
]
T0 = datetime(2032, 3, 4, 9, 0, tzinfo=timezone.utc)


class Clock:
    """The app's clock, moved by hand."""

    def __init__(self, at: datetime = T0):
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta) -> None:
        self.at += timedelta(**delta)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("limits") / "template.db"
    with open_store(str(path)) as store:
        for story, location, outlet, published, text in REPORTS:
            doc = Document(text=text, raw=text.encode(), content_type="text/plain", location=location,
                           outlet=outlet, published=published, url=location)
            assert add_document(store, story, doc).error is None
    return path


@pytest.fixture
def db(template_db, tmp_path) -> str:
    path = tmp_path / "desk.db"
    shutil.copy(template_db, path)
    return str(path)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def token(db, clock) -> str:
    with open_store(db) as store:
        return store.create_token("Ana Example", at=clock())


@pytest.fixture
def client(db, clock):
    with TestClient(create_app(db, max_body=4096, clock=clock)) as test_client:
        yield test_client


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def assert_secure(response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.status_code, name)


# --- request bodies --------------------------------------------------------------------------------

def test_a_body_over_the_cap_is_refused_before_it_is_read(db):
    """A declared Content-Length over the cap: 413 with the security headers, and the app never calls
    receive (so neither routing nor the token check reads a byte of it)."""
    app = create_app(db, max_body=1024)
    sent: list[dict] = []

    async def receive():
        raise AssertionError("the body was read")

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": f"/api/stories/{SID}/reports", "raw_path": f"/api/stories/{SID}/reports".encode(),
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 80),
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                         (b"content-length", str(50 * 1024 * 1024).encode())]}
    asyncio.run(app(scope, receive, send))
    start = sent[0]
    assert start["status"] == 413
    headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    for name, value in SECURITY_HEADERS.items():
        assert headers[name.lower()] == value
    body = b"".join(m.get("body", b"") for m in sent[1:])
    assert "larger than" in json.loads(body)["detail"]


def test_body_cap_on_the_api_and_the_forms(client, token):
    big = {"text": "Words. " * 1000, "outlet": "Dalby Post"}  # about 7 kB, over the 4 kB cap
    for headers in ({}, bearer(token)):  # before the token is looked at, and with a good one
        refused = client.post(f"/api/stories/{SID}/reports", json=big, headers=headers)
        assert refused.status_code == 413 and "larger than 4,096 bytes" in refused.json()["detail"]
        assert_secure(refused)
    form = client.post("/signin", data={"csrf": "x", "token": "t" * 5000})
    assert form.status_code == 413
    assert_secure(form)


def test_a_streamed_body_is_counted(client, token):
    """No Content-Length (chunked): the bytes are counted as they arrive, and the cap holds."""
    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 1000

    refused = client.post(f"/api/stories/{SID}/reports", content=chunks(),
                          headers={**bearer(token), "Content-Type": "application/json"})
    assert refused.status_code == 413
    assert_secure(refused)
    small = json.dumps({"text": "Vale Radio — Fire crews said the quarry road would reopen on Tuesday.",
                        "outlet": "Vale Radio"}).encode()
    added = client.post(f"/api/stories/{SID}/reports", content=iter([small[:20], small[20:]]),
                        headers={**bearer(token), "Content-Type": "application/json"})
    assert added.status_code == 201, added.text


# --- bad input gets a clear 4xx ---------------------------------------------------------------------

def test_audit_limit_is_validated(client, token):
    for limit in ("0", "-1", "1001", str(10**30), "many"):
        response = client.get("/api/audit", params={"limit": limit}, headers=bearer(token))
        assert response.status_code == 422, (limit, response.text)
        [error] = response.json()["detail"]
        assert error["loc"] == ["query", "limit"]
        assert_secure(response)
    assert client.get("/api/audit", params={"limit": "1000"}, headers=bearer(token)).status_code == 200


def test_a_lone_surrogate_is_a_clear_422(client, token):
    url = f"/api/stories/{SID}/reports"
    body = '{"text": "Vale Radio \\u2014 Crews said \\ud800 the road was shut.", "outlet": "Vale Radio"}'
    response = client.post(url, content=body, headers={**bearer(token), "Content-Type": "application/json"})
    assert response.status_code == 422
    assert "lone surrogate" in response.text and response.json()["detail"][0]["loc"] == ["body", "text"]
    assert_secure(response)
    claim = client.get(f"/api/stories/{SID}/claims").json()[0]
    verdict = client.put(f"/api/stories/{SID}/claims/{claim['id']}/verdict", content='{"rating": "false", '
                         '"note": "\\udfff"}', headers={**bearer(token), "Content-Type": "application/json"})
    assert verdict.status_code == 422 and "lone surrogate" in verdict.text
    assert client.get("/search?q=%ED%A0%80").status_code == 200  # a surrogate's bytes in a URL: not UTF-8, replaced


# --- errors carry the headers and no internals -----------------------------------------------------

def test_errors_carry_the_headers_and_no_internals(db, monkeypatch):
    app = create_app(db)
    secret_url = "postgresql://desk:hunter2@db.internal:5432/storyline"
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/api/nope", "/nope", f"/api/stories/{SID}/claims/c-nope"):
            assert_secure(client.get(path))

        def broken(*_args, **_kwargs):
            raise RuntimeError(f"{secret_url}: something broke")

        monkeypatch.setattr(app.state.ledgers, "current", broken)
        for path in (f"/api/stories/{SID}", f"/stories/{SID}"):
            crashed = client.get(path)
            assert crashed.status_code == 500
            assert_secure(crashed)
            assert "internal server error" in crashed.text
            assert "hunter2" not in crashed.text and "db.internal" not in crashed.text
            assert "Traceback" not in crashed.text and "RuntimeError" not in crashed.text

        def unavailable(*_args, **_kwargs):
            raise StoreError(f"{secret_url}: cannot read: database is locked")

        monkeypatch.setattr(app.state.ledgers, "current", unavailable)
        for path in (f"/api/stories/{SID}", f"/stories/{SID}"):
            busy = client.get(path)
            assert busy.status_code == 503 and "try again" in busy.text
            assert_secure(busy)
            assert "db.internal" not in busy.text and "locked" not in busy.text


# --- expiry ----------------------------------------------------------------------------------------

def signed_in(client, token: str):
    client.get("/signin")
    return client.post("/signin", data={"csrf": client.cookies[CSRF_COOKIE], "token": token, "next": "/"},
                       follow_redirects=False)


def test_tokens_expire(client, db, clock):
    with open_store(db) as store:
        token = store.create_token("Ben Writer", at=clock(), expires_at=clock() + timedelta(days=30))
        with pytest.raises(StoreError):
            store.create_token("Ben Writer", at=clock())  # still live: one token each
    audit = "/api/audit"
    assert client.get(audit, headers=bearer(token)).status_code == 200
    clock.advance(days=29, hours=23)
    assert client.get(audit, headers=bearer(token)).status_code == 200
    clock.advance(hours=1)
    expired = client.get(audit, headers=bearer(token))
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]
    assert signed_in(client, token).status_code == 403
    with open_store(db) as store:
        assert store.editor_for(token, at=clock()) is None
        store.create_token("Ben Writer", at=clock())  # the expired one no longer blocks a new one


def test_sessions_expire_and_end_with_their_token(db, clock, token):
    with TestClient(create_app(db, clock=clock, session_expiry=timedelta(hours=12))) as client:
        signin = signed_in(client, token)
        assert signin.status_code == 303
        cookie = signin.headers["set-cookie"].lower()
        assert "max-age=43200" in cookie and "httponly" in cookie and "samesite=strict" in cookie
        assert token not in signin.headers["set-cookie"]  # the cookie holds a session, never the token
        assert "Editor: Ana Example" in client.get("/").text
        clock.advance(hours=11, minutes=59)
        assert "Editor: Ana Example" in client.get("/").text
        clock.advance(minutes=1)
        assert "Editor: Ana Example" not in client.get("/").text
        claim = client.get(f"/api/stories/{SID}/claims").json()[0]
        form = {"csrf": client.cookies[CSRF_COOKIE], "rating": "false", "note": ""}
        assert client.post(f"/stories/{SID}/claims/{claim['id']}/verdict", data=form).status_code == 403

        assert signed_in(client, token).status_code == 303  # signing in again starts a new session
        assert "Editor: Ana Example" in client.get("/").text
        with open_store(db) as store:
            store.revoke_token("Ana Example", at=clock())
        assert "Editor: Ana Example" not in client.get("/").text  # revoking the token ends its sessions


def test_signing_out_ends_the_session(client, token):
    signin = signed_in(client, token)
    secret = signin.cookies[SESSION_COOKIE]
    client.post("/signout", data={"csrf": client.cookies[CSRF_COOKIE]})
    client.cookies.set(SESSION_COOKIE, secret)  # a copy of the cookie kept from before is no use
    assert "Editor: Ana Example" not in client.get("/").text


def test_token_create_expires_from_the_command_line(tmp_path):
    app = typer.Typer()

    @app.callback()
    def main(db: str = typer.Option(None, "--db")) -> None:
        state.db = db

    register(app)
    db = str(tmp_path / "tokens.db")
    runner = CliRunner()
    made = runner.invoke(app, ["--db", db, "token", "create", "Cy Desk", "--expires", "30d"])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[0]
    with open_store(db) as store:
        [row] = store.tokens()
        assert timedelta(days=29, hours=23) < row.expires_at - row.created_at <= timedelta(days=30)
        assert store.editor_for(token) == "Cy Desk"
        assert store.editor_for(token, at=row.created_at + timedelta(days=31)) is None
    listed = runner.invoke(app, ["--db", db, "token", "list"]).stdout
    assert listed.splitlines()[0] == "name\tcreated\texpires\trevoked"
    assert row.expires_at.isoformat(timespec="seconds") in listed
    assert runner.invoke(app, ["--db", db, "token", "create", "Di Desk", "--expires", "soon"]).exit_code == 2


def test_durations():
    assert duration("30d") == timedelta(days=30)
    assert duration("12h") == timedelta(hours=12)
    assert duration("2w") == timedelta(weeks=2)
    assert duration("1d12h") == timedelta(days=1, hours=12)
    assert duration(" 90m ") == timedelta(minutes=90)
    for bad in ("", "0d", "12", "tomorrow", "3y", "-1d"):
        with pytest.raises(typer.BadParameter):
            duration(bad)


# --- the kept ledger, read a few rows at a time ------------------------------------------------------

@pytest.fixture
def slow_updates(monkeypatch):
    """``kept.update`` made slow, so that concurrent readers would overlap if each updated the story."""
    real = ledgers_module.kept.update

    def slow(store, story_id, title):
        time.sleep(0.2)
        return real(store, story_id, title)

    monkeypatch.setattr(ledgers_module.kept, "update", slow)


def test_concurrent_readers_share_one_update(client, token, slow_updates):
    results: list[int] = []

    def read(path: str) -> None:
        results.append(client.get(path).status_code)

    def burst() -> None:
        paths = [f"/api/stories/{SID}", f"/stories/{SID}", f"/api/stories/{SID}/claims"] * 4
        threads = [threading.Thread(target=read, args=(path,)) for path in paths]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [200] * len(paths)
        results.clear()

    ledgers = client.app.state.ledgers
    burst()
    assert ledgers.updates == 1  # twelve readers, the API's and the page's: one check of the story's ledger
    burst()
    assert ledgers.updates == 1  # nothing changed: no update at all
    client.post(f"/api/stories/{SID}/reports", headers=bearer(token),
                json={"text": "Vale Radio — Fire crews said the quarry road would reopen on Tuesday.",
                      "outlet": "Vale Radio"})
    burst()
    assert ledgers.updates == 2  # a new report: one more
    ledger = client.get(f"/api/stories/{SID}").json()
    assert any("reopen on Tuesday" in c["text"] for c in ledger["claims"])
    assert all("text" not in r for r in ledger["reports"])
    assert all("text" in r for r in client.get(f"/api/stories/{SID}?with_text=true").json()["reports"])


def test_the_list_of_stories_reads_stored_summaries_only(client, db, monkeypatch):
    """The index and the API's list read each story's stored summary and latest change, never a ledger."""
    expected = {s: client.get(f"/api/stories/{s}").json() for s in (SID, "tram-strike")}

    def refused(*_args, **_kwargs):
        raise AssertionError("the list of stories read or updated a whole ledger")

    for module, name in ((ledgers_module.kept, "update"), (ledgers_module.kept, "read"),
                         (ledgers_module.Ledgers, "ledger"), (ledgers_module.Ledgers, "current")):
        monkeypatch.setattr(module, name, refused)
    listed = {s["id"]: s for s in client.get("/api/stories").json()}
    for story, ledger in expected.items():
        assert listed[story]["latest_change"] == ledger["changes"][-1]
        assert listed[story]["report_count"] == ledger["story"]["report_count"]
    home = client.get("/")
    assert home.status_code == 200 and "Quarry collapse" in home.text and "Tram strike" in home.text
    with open_store(db) as store:  # a story whose ledger is not kept yet is listed with its report count
        store.add_document("Ferry strike", Document(text="Words.", raw=b"Words.", content_type="text/plain",
                                                    location="https://x.test/f", outlet="X"))
    assert {s["name"]: s["report_count"] for s in client.get("/api/stories").json()}["Ferry strike"] == 1
    assert "Ferry strike" in client.get("/").text


def test_a_report_a_killed_run_left_out_is_in_the_next_read(client, db, monkeypatch):
    before = client.get(f"/api/stories/{SID}").json()["story"]["report_count"]
    import storyline.adding as adding

    monkeypatch.setattr(adding, "keep_ledger", lambda store, report_id: None)  # killed before the update
    text = "Dalby Post — The county said the Hollin quarry would stay shut until an inquiry reports."
    with open_store(db) as store:
        add_document(store, STORY, Document(text=text, raw=text.encode(), content_type="text/plain",
                                            location="https://dalby-post.test/quarry-inquiry", outlet="Dalby Post"))
    assert client.get(f"/api/stories/{SID}").json()["story"]["report_count"] == before + 1
    assert any("inquiry" in c["text"] for c in client.get(f"/api/stories/{SID}/claims").json())


def test_the_desk_reads_again_after_its_lifespan_starts_again(db):
    """Schemathesis's pytest plugin ends an app's lifespan after each test and the next request starts it
    again: reads after the restart work (they were 500s when the desk had builder threads)."""
    app = create_app(db)
    with TestClient(app) as client:
        assert client.get(f"/api/stories/{SID}").status_code == 200
    with TestClient(app) as client:
        assert client.get("/api/stories/tram-strike").status_code == 200
        assert client.get(f"/api/stories/{SID}").status_code == 200
        assert client.get(f"/api/stories/{SID}/export/json").json()["story"]["id"] == SID


def test_the_story_page_board_follows_verdicts_and_sign_in(client, token):
    """The claim board is rendered once per version, but a verdict or a signed-in editor shows at once."""
    page = client.get(f"/stories/{SID}").text
    assert "verdict: " not in page and "record a verdict" not in page
    claim = client.get(f"/api/stories/{SID}/claims").json()[0]
    url = f"/api/stories/{SID}/claims/{claim['id']}/verdict"
    assert client.put(url, json={"rating": "mixed"}, headers=bearer(token)).status_code == 200
    assert "verdict: mixed" in client.get(f"/stories/{SID}").text
    assert client.put(url, json={"rating": "false"}, headers=bearer(token)).status_code == 200
    page = client.get(f"/stories/{SID}").text
    assert "verdict: false" in page and "verdict: mixed" not in page
    signed_in(client, token)
    assert "record a verdict" in client.get(f"/stories/{SID}").text
    assert client.delete(url, headers=bearer(token)).status_code == 204
    assert "verdict: " not in client.get(f"/stories/{SID}").text
