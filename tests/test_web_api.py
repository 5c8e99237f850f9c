"""The desk (storyline.web) through FastAPI's TestClient: pages, the REST API, editors' tokens and verdicts,
CSRF, the audit log, ClaimReview and hostile report text. The story is fictional."""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest

pytest.importorskip("fastapi", reason="the web desk needs FastAPI (pip install fastapi python-multipart)")
pytest.importorskip("multipart", reason="the web desk's forms need python-multipart")

import typer  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from httpserver import http_server  # noqa: E402,F401
from typer.testing import CliRunner  # noqa: E402

from storyline.adding import add_document  # noqa: E402
from storyline.cli import app as main_app  # noqa: E402
from storyline.cli import state  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.store import open_store, schema  # noqa: E402
from storyline.web.app import create_app  # noqa: E402
from storyline.web.auth import CSRF_COOKIE  # noqa: E402
from storyline.web.cli import register  # noqa: E402

STORY = "Ferry fire"
SID = "ferry-fire"
FIRST = ("LOWMERE (Lowmere Gazette) — A fire broke out on the ferry Solent Queen on Tuesday evening, the harbour "
         "authority said.\n\nCaptain Ilse Marrow said all 85 passengers had been evacuated safely. Some reports said "
         "the engine room had exploded.\n\nThe ferry operator, Brightwater Lines, denied that the engine room had "
         "exploded.")
SECOND = FIRST + "\n\nThe harbour authority said the ferry was towed to Pier 4 on Wednesday."
OTHER = ("Coast Herald — Fire crews said a fire broke out on the ferry Solent Queen on Tuesday evening. "
         "Brightwater Lines said the crossing would resume on Friday.")
HOSTILE = ('The mayor said <script>alert("pwned")</script> the pier was closed. '
           'Residents said <img src=x onerror=alert(2)> the smoke was thick. '
           'A spokesperson said <a href="javascript:alert(3)">click here</a> the harbour was safe.')


def document(text: str, location: str, outlet: str, published: str) -> Document:
    return Document(text=text, raw=text.encode(), content_type="text/plain", location=location, outlet=outlet,
                    published=published, url=location, title=f"{outlet}: ferry fire")


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    """A store with the fictional story: two outlets, a revision, and a report full of markup."""
    path = tmp_path_factory.mktemp("desk") / "template.db"
    with open_store(str(path)) as store:
        for text, location, outlet, published in (
            (FIRST, "https://gazette.test/ferry", "Lowmere Gazette", "2031-05-06T19:00:00+00:00"),
            (OTHER, "https://herald.test/ferry", "Coast Herald", "2031-05-06T21:00:00+00:00"),
            (SECOND, "https://gazette.test/ferry", "Lowmere Gazette", "2031-05-07T09:00:00+00:00"),
            (HOSTILE, "https://rogue.test/x", "Rogue Blog", "2031-05-07T10:00:00+00:00"),
        ):
            assert add_document(store, STORY, document(text, location, outlet, published)).error is None
    return path


@pytest.fixture
def db(template_db, tmp_path) -> str:
    path = tmp_path / "desk.db"
    shutil.copy(template_db, path)
    return str(path)


@pytest.fixture
def token(db) -> str:
    with open_store(db) as store:
        return store.create_token("Ana Example", at=datetime.now(timezone.utc))


@pytest.fixture
def client(db):
    with TestClient(create_app(db)) as test_client:
        yield test_client


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def claim_with(client, words: str) -> dict:
    return next(c for c in client.get(f"/api/stories/{SID}/claims").json() if words in c["text"])


def cli(db: str, *args: str):
    return CliRunner().invoke(main_app, ["--db", db, *args], catch_exceptions=False)


def without_time(ledger: dict) -> dict:
    return {k: v for k, v in ledger.items() if k != "generated_at"}


# --- reading -------------------------------------------------------------------------------------

def test_api_ledger_is_the_export(client, db):
    exported = json.loads(cli(db, "export", "--story", STORY).stdout)
    assert without_time(client.get(f"/api/stories/{SID}").json()) == without_time(exported)
    assert without_time(client.get(f"/api/stories/{STORY}").json()) == without_time(exported)  # by name too
    with_text = json.loads(cli(db, "export", "--story", STORY, "--with-text").stdout)
    assert without_time(client.get(f"/api/stories/{SID}?with_text=true").json()) == without_time(with_text)
    assert without_time(client.get(f"/api/stories/{SID}/export/json").json()) == without_time(exported)
    markdown = client.get(f"/api/stories/{SID}/export/markdown")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text == cli(db, "export", "--story", STORY, "--format", "markdown").stdout
    atom = client.get(f"/api/stories/{SID}/export/atom")
    assert atom.headers["content-type"].startswith("application/atom+xml") and "<feed" in atom.text
    page = client.get(f"/api/stories/{SID}/export/html")
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.split("Exported")[0] == cli(db, "export", "--story", STORY, "--format", "html").stdout.split("Exported")[0]
    assert client.get(f"/api/stories/{SID}/export/pdf").status_code == 422


def test_api_parts_of_the_ledger(client):
    ledger = client.get(f"/api/stories/{SID}").json()
    stories = client.get("/api/stories").json()
    assert [(s["id"], s["name"], s["report_count"]) for s in stories] == [(SID, STORY, 4)]
    assert stories[0]["latest_change"] == ledger["changes"][-1]
    for part in ("reports", "claims", "entities", "events", "figures", "changes"):
        assert client.get(f"/api/stories/{SID}/{part}").json() == ledger[part], part
    report = ledger["reports"][0]
    assert client.get(f"/api/stories/{SID}/reports/{report['id']}").json() == {**report, "text": FIRST}
    claim = ledger["claims"][0]
    assert client.get(f"/api/stories/{SID}/claims/{claim['id']}").json() == claim
    assert [c["id"] for c in client.get(f"/api/stories/{SID}/claims", params={"q": "ENGINE room"}).json()] == \
        [c["id"] for c in ledger["claims"] if "engine room" in c["text"]]
    denied = client.get(f"/api/stories/{SID}/claims", params={"status": "denied"}).json()
    assert denied and all(c["status"] == "denied" for c in denied)
    since = client.get(f"/api/stories/{SID}/changes", params={"since": "2031-05-07T09:30:00Z"}).json()
    assert since and {c["report"] for c in since} == {ledger["reports"][-1]["id"]}
    assert client.get(f"/api/stories/{SID}/changes", params={"since": "yesterday"}).status_code == 422
    for missing in ("/api/stories/nope", f"/api/stories/{SID}/claims/c-0", f"/api/stories/{SID}/reports/abc"):
        assert client.get(missing).status_code == 404, missing
    docs = client.get("/api/openapi.json").json()
    assert {"/api/stories/{story}/claimreview", "/api/stories/{story}/claims/{claim_id}/verdict"} <= set(docs["paths"])
    assert client.get("/api/docs").status_code == 200


def test_pages(client):
    home = client.get("/")
    assert home.status_code == 200 and "Ferry fire" in home.text and f'href="/stories/{SID}"' in home.text
    page = client.get(f"/stories/{SID}")
    assert page.status_code == 200
    for section in ('id="claims"', 'id="timeline"', 'id="entities"', 'id="figures"', 'id="changes"'):
        assert section in page.text
    assert '<span class="badge s-denied">denied</span>' in page.text
    assert "contested by" in page.text and "Ilse Marrow" in page.text
    # evidence: the sentence with its content span highlighted
    assert 'Captain Ilse Marrow said <mark class="content">all 85 passengers had been evacuated safely</mark>.' \
        in page.text
    claim = claim_with(client, "85 passengers")
    claim_page = client.get(f"/stories/{SID}/claims/{claim['id']}")
    assert claim_page.status_code == 200 and "No verdict yet." in claim_page.text
    assert 'name="rating"' not in claim_page.text  # no form for a reader
    search = client.get("/search", params={"q": "engine"})
    assert search.status_code == 200 and "2 claims found" in search.text
    assert client.get("/stories/nope").status_code == 404
    assert client.get(f"/stories/{SID}/claims/c-nope").status_code == 404


def test_report_page_revisions_and_diff(client):
    reports = client.get(f"/api/stories/{SID}/reports").json()
    v1, v2 = [r for r in reports if r["outlet"] == "Lowmere Gazette"]
    page = client.get(f"/stories/{SID}/reports/{v2['id']}")
    assert page.status_code == 200
    assert "version 1" in page.text and "<strong>version 2</strong>" in page.text
    assert '<li class="added"><ins>The harbour authority said the ferry was towed to Pier 4 on Wednesday.</ins></li>' \
        in page.text
    back = client.get(f"/stories/{SID}/reports/{v1['id']}", params={"compare": v2["id"]})
    assert "towed to Pier 4" in back.text and 'class="added"' in back.text
    assert client.get(f"/stories/{SID}/reports/{v1['id']}", params={"compare": reports[1]["id"]}).status_code == 404


def test_changes_since_the_last_visit(client, db, token):
    first = client.get(f"/stories/{SID}")
    assert "Latest changes" in first.text and f"storyline_seen_{SID}" in first.cookies
    again = client.get(f"/stories/{SID}")
    assert "Since your last visit" in again.text and "Nothing new since your last visit." in again.text
    client.post(f"/api/stories/{SID}/reports", headers=bearer(token),
                json={"text": "Harbour Radio — Officials said the ferry Solent Queen would be inspected on Monday.",
                      "outlet": "Harbour Radio"})
    later = client.get(f"/stories/{SID}")
    assert "Nothing new" not in later.text and "Harbour Radio, version 1" in later.text


# --- editors ---------------------------------------------------------------------------------------

def test_tokens_from_the_command_line(tmp_path):
    app = typer.Typer()

    @app.callback()
    def main(db: str = typer.Option(None, "--db")) -> None:
        state.db = db

    register(app)
    db = str(tmp_path / "tokens.db")
    runner = CliRunner()
    made = runner.invoke(app, ["--db", db, "token", "create", "Ben Writer"])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[0]
    assert token.startswith("sl_") and len(token) > 40
    assert runner.invoke(app, ["--db", db, "token", "create", "Ben Writer"]).exit_code == 1  # one live token each
    listed = runner.invoke(app, ["--db", db, "token", "list"]).stdout
    assert "Ben Writer" in listed and token not in listed
    with open_store(db) as store:
        assert store.editor_for(token) == "Ben Writer"
        with store.engine.connect() as conn:
            stored = [tuple(row) for row in conn.execute(schema.tokens.select())]
        assert not any(token in str(value) for row in stored for value in row)  # only the hash is kept
    assert runner.invoke(app, ["--db", db, "token", "revoke", "Ben Writer"]).exit_code == 0
    assert runner.invoke(app, ["--db", db, "token", "revoke", "Ben Writer"]).exit_code == 1
    with open_store(db) as store:
        assert store.editor_for(token) is None
        assert [row.action for row in store.audit_log()] == ["token.revoke", "token.create"]
    assert "serve" in runner.invoke(app, ["--help"]).stdout


def test_writes_need_a_token(client, db, token):
    claim = claim_with(client, "85 passengers")
    url = f"/api/stories/{SID}/claims/{claim['id']}/verdict"
    assert client.put(url, json={"rating": "false"}).status_code == 401
    refused = client.put(url, json={"rating": "false"}, headers=bearer("sl_not-a-real-token"))
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    assert client.delete(url).status_code == 401
    assert client.post(f"/api/stories/{SID}/reports", json={"text": OTHER, "outlet": "X"}).status_code == 401
    assert client.get("/api/audit").status_code == 401
    with open_store(db) as store:
        store.revoke_token("Ana Example", at=datetime.now(timezone.utc))
    assert client.put(url, json={"rating": "false"}, headers=bearer(token)).status_code == 401
    assert client.get(f"/api/stories/{SID}").json()["claims"][0]["verdict"] is None


def test_verdict_through_the_api(client, db, token):
    claim = claim_with(client, "engine room had exploded")
    url = f"/api/stories/{SID}/claims/{claim['id']}/verdict"
    body = {"rating": "mostly-false", "note": "Divers found the engine room intact.",
            "evidence_url": "https://example.org/divers"}
    saved = client.put(url, json=body, headers=bearer(token))
    assert saved.status_code == 200
    verdict = saved.json()
    assert (verdict["rating"], verdict["by"], verdict["evidence_url"]) == ("mostly-false", "Ana Example",
                                                                         "https://example.org/divers")
    ledger = client.get(f"/api/stories/{SID}").json()
    assert next(c for c in ledger["claims"] if c["id"] == claim["id"])["verdict"] == verdict
    assert sum(c["verdict"] is not None for c in ledger["claims"]) == 1
    assert client.put(url, json={"rating": "false"}, headers=bearer(token)).status_code == 200  # replaced
    for bad in ({"rating": "pants-on-fire"}, {"rating": "false", "evidence_url": "javascript:alert(1)"}):
        assert client.put(url, json=bad, headers=bearer(token)).status_code == 422, bad
    assert client.put(f"/api/stories/{SID}/claims/c-nope/verdict", json={"rating": "true"},
                      headers=bearer(token)).status_code == 404
    log = client.get("/api/audit", headers=bearer(token), params={"story": SID}).json()
    assert [(e["actor"], e["action"], e["target"]) for e in log] == [("Ana Example", "verdict.set", claim["id"])] * 2
    assert log[0]["detail"]["before"]["rating"] == "mostly-false" and log[0]["detail"]["after"]["rating"] == "false"
    assert client.delete(url, headers=bearer(token)).status_code == 204
    assert client.delete(url, headers=bearer(token)).status_code == 404
    assert client.get(f"/api/stories/{SID}/claims/{claim['id']}").json()["verdict"] is None
    assert client.get("/api/audit", headers=bearer(token)).json()[0]["action"] == "verdict.delete"


def test_claimreview(client, token):
    assert client.get(f"/api/stories/{SID}/claimreview").json() == []
    claim = claim_with(client, "85 passengers")
    client.put(f"/api/stories/{SID}/claims/{claim['id']}/verdict", headers=bearer(token),
               json={"rating": "true", "note": "The coast guard's passenger list agrees."})
    response = client.get(f"/api/stories/{SID}/claimreview")
    assert response.headers["content-type"].startswith("application/ld+json")
    [review] = response.json()
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim["text"]
    assert review["url"] == f"http://testserver/stories/{SID}/claims/{claim['id']}"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "True", "ratingValue": 5,
                                      "bestRating": 5, "worstRating": 1}
    assert review["author"] == {"@type": "Person", "name": "Ana Example"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {"@type": "Person", "name": "Ilse Marrow"}
    assert item["datePublished"] == "2031-05-06"
    assert [a["url"] for a in item["appearance"]] == ["https://gazette.test/ferry"]
    assert item["appearance"][0]["publisher"]["name"] == "Lowmere Gazette"
    assert client.get(f"/api/stories/{SID}/export/claimreview").json() == [review]


def signed_in(client, token: str) -> None:
    client.get("/signin")
    signin = client.post("/signin", data={"csrf": client.cookies[CSRF_COOKIE], "token": token, "next": "/"},
                         follow_redirects=False)
    assert signin.status_code == 303


def test_verdict_through_the_form(client, db, token):
    claim = claim_with(client, "85 passengers")
    page_url = f"/stories/{SID}/claims/{claim['id']}"
    form_url = page_url + "/verdict"
    client.get(page_url)
    csrf = client.cookies[CSRF_COOKIE]
    form = {"csrf": csrf, "rating": "mixed", "note": "Two counts differ.", "evidence_url": ""}
    assert client.post(form_url, data=form).status_code == 403  # a reader cannot write
    wrong = client.post("/signin", data={"csrf": csrf, "token": "sl_wrong"}, follow_redirects=False)
    assert wrong.status_code == 403 and "unknown or revoked" in wrong.text
    signed_in(client, token)
    page = client.get(page_url)
    assert 'name="rating"' in page.text and f'value="{csrf}"' in page.text and "Editor: Ana Example" in page.text
    assert client.post(form_url, data={**form, "csrf": "forged"}).status_code == 403
    assert client.post(form_url, data={k: v for k, v in form.items() if k != "csrf"}).status_code == 403
    assert client.get(f"/api/stories/{SID}/claims/{claim['id']}").json()["verdict"] is None
    saved = client.post(form_url, data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == page_url
    page = client.get(page_url)
    assert "verdict r-mixed" in page.text and "Two counts differ." in page.text
    verdict = client.get(f"/api/stories/{SID}/claims/{claim['id']}").json()["verdict"]
    assert (verdict["rating"], verdict["by"], verdict["evidence_url"]) == ("mixed", "Ana Example", None)
    assert client.post(form_url, data={**form, "rating": "bogus"}).status_code == 422
    assert client.post(form_url, data={"csrf": csrf, "remove": "1"}, follow_redirects=False).status_code == 303
    assert client.get(f"/api/stories/{SID}/claims/{claim['id']}").json()["verdict"] is None
    with open_store(db) as store:
        assert [row.action for row in store.audit_log(STORY)] == ["verdict.delete", "verdict.set"]
    client.post("/signout", data={"csrf": csrf})
    assert 'name="rating"' not in client.get(page_url).text


def test_cookies_are_strict(client, token):
    client.get("/signin")
    signin = client.post("/signin", data={"csrf": client.cookies[CSRF_COOKIE], "token": token},
                         follow_redirects=False)
    cookie = signin.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.post("/signin", data={"csrf": client.cookies[CSRF_COOKIE], "token": token, "next": "//evil.test/"},
                       follow_redirects=False).headers["location"] == "/"


# --- adding reports --------------------------------------------------------------------------------

def test_add_report_from_text(client, token, db):
    url = f"/api/stories/{SID}/reports"
    body = {"text": "Harbour Radio — Officials said the ferry Solent Queen would be inspected on Monday.",
            "outlet": "Harbour Radio", "published": "2031-05-08"}
    added = client.post(url, json=body, headers=bearer(token))
    assert added.status_code == 201
    assert {k: added.json()[k] for k in ("story", "outcome", "version", "error")} == \
        {"story": STORY, "outcome": "new", "version": 1, "error": None}
    assert client.post(url, json=body, headers=bearer(token)).json()["outcome"] == "unchanged"
    assert any("inspected on Monday" in c["text"] for c in client.get(f"{url[:-8]}/claims").json())
    assert client.post(url, json={"text": "", "outlet": "X"}, headers=bearer(token)).status_code == 422
    assert client.post(url, json={"text": "Words.", "url": "https://x.test/"}, headers=bearer(token)).status_code == 422
    assert client.post(url, json={"text": "Words."}, headers=bearer(token)).status_code == 422  # no outlet
    new_story = client.post("/api/stories/Bridge%20closure/reports", headers=bearer(token),
                            json={"text": "City Desk — Engineers said the Arlen bridge would close for a week.",
                                  "outlet": "City Desk"})
    assert new_story.status_code == 201 and new_story.json()["story"] == "Bridge closure"
    with open_store(db) as store:
        assert [row.action for row in store.audit_log()][:3] == ["report.add"] * 3


def test_add_report_from_url(http_server, db, token):  # noqa: F811
    page = ("<html><head><title>Ferry inspected</title></head><body><article><h1>Ferry inspected</h1>"
            "<p>Inspectors said the ferry Solent Queen had passed its safety checks on Thursday morning, and "
            "the operator said the ferry would return to service next week after repairs to its stern.</p>"
            "</article></body></html>")
    http_server.route("/ferry", page, headers={"Content-Type": "text/html; charset=utf-8"})
    url = http_server.url("/ferry")
    with TestClient(create_app(db)) as guarded:  # private addresses refused, as the fetcher's default
        refused = guarded.post(f"/api/stories/{SID}/reports", json={"url": url}, headers=bearer(token))
        assert refused.status_code == 422
    with TestClient(create_app(db, allow_private=True)) as client:
        added = client.post(f"/api/stories/{SID}/reports", json={"url": url, "outlet": "Inspect News"},
                            headers=bearer(token))
        assert added.status_code == 201, added.text
        assert (added.json()["outcome"], added.json()["version"]) == ("new", 1)
        reports = client.get(f"/api/stories/{SID}/reports").json()
        assert reports[-1]["url"] == url and reports[-1]["outlet"] == "Inspect News"
        assert client.post(f"/api/stories/{SID}/reports", json={"url": "ftp://x.test/a"},
                           headers=bearer(token)).status_code == 422
    with open_store(db) as store:
        assert [w.url for w in store.watches(STORY)] == [url]  # followed from then on, like `storyline add URL`


# --- hostile content -------------------------------------------------------------------------------

def test_hostile_report_renders_as_text(client):
    reports = client.get(f"/api/stories/{SID}/reports").json()
    rogue = next(r for r in reports if r["outlet"] == "Rogue Blog")
    pages = [client.get(f"/stories/{SID}"), client.get(f"/stories/{SID}/reports/{rogue['id']}"),
             client.get("/search", params={"q": "script"})]
    claims = [c for c in client.get(f"/api/stories/{SID}/claims").json()
              if any(m["report"] == rogue["id"] for m in c["mentions"])]
    pages += [client.get(f"/stories/{SID}/claims/{c['id']}") for c in claims]
    for page in pages:
        assert page.status_code == 200
        text = page.text
        assert "<script>alert" not in text and "<img src=x" not in text and '<a href="javascript' not in text
        assert "onerror=alert(2)>" not in text
        # only our own script tag, from our own origin
        assert re.findall(r"<script[^>]*>", text) == ['<script src="/static/desk.js" defer>']
    # the report's text, less the links our page puts on claim spans, is the hostile text, every character escaped
    shown = re.search(r'<div class="report-text">(.*?)</div>', pages[1].text, re.DOTALL).group(1)
    plain = re.sub(r'<a class="span" href="/stories/[\w/-]+">|</a>', "", shown)
    assert "<" not in plain and ">" not in plain
    assert html.unescape(plain) == HOSTILE


def test_security_headers(client):
    for path in ("/", f"/stories/{SID}", "/api/stories", "/nope", "/static/desk.css"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    assert client.get("/static/desk.js").headers["content-type"].startswith(("text/javascript",
                                                                            "application/javascript"))


def test_api_docs_offline(client):
    """/api/docs is Swagger UI from the desk's own files: no other host, no inline script, the strict CSP."""
    page = client.get("/api/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == client.get("/").headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert "storyline desk" in re.search(r"<title>(.*?)</title>", page.text).group(1)
    for url in re.findall(r"""https?://[^\s"'<>]+""", page.text):
        assert urlsplit(url).netloc == "testserver", url
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.DOTALL)
    assert scripts and all('src="' in attributes and not body.strip() for attributes, body in scripts)
    assets = re.findall(r'(?:src|href|data-openapi-url)="([^"]+)"', page.text)
    assert {"/api/docs-assets/swagger-ui-bundle.js", "/api/docs-assets/swagger-ui.css", "/static/docs-init.js",
            "/api/openapi.json"} <= set(assets)
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200 and response.content, url
    assert "SwaggerUIBundle" in client.get("/api/docs-assets/swagger-ui-bundle.js").text
    assert "SwaggerUIBundle(" in client.get("/static/docs-init.js").text

def test_cli_export_carries_verdicts(client, db, token):
    if "claimreview" not in cli(db, "export", "--help").stdout:
        pytest.skip("`storyline export --format claimreview` is not wired into the CLI yet")
    claim = claim_with(client, "85 passengers")
    client.put(f"/api/stories/{SID}/claims/{claim['id']}/verdict", json={"rating": "true"}, headers=bearer(token))
    exported = json.loads(cli(db, "export", "--story", STORY).stdout)
    assert without_time(exported) == without_time(client.get(f"/api/stories/{SID}").json())
    reviews = json.loads(cli(db, "export", "--story", STORY, "--format", "claimreview").stdout)
    assert [r["claimReviewed"] for r in reviews] == [claim["text"]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The bundled (fictional) demo story: over a hundred claims, so that lists have several pages."""
    from storyline.demo import add_example_story

    url = str(tmp_path_factory.mktemp("demo") / "demo.db")
    with open_store(url) as store:
        story = add_example_story(store)
        story_id = store.story(story).id
    with TestClient(create_app(url)) as client:
        yield client, story_id


def test_a_claim_with_conflicting_figures_shows_them_on_the_board(demo):
    from storyline.web.paging import BOARD_PAGE

    client, story = demo
    claims = client.get(f"/api/stories/{story}/claims", params={"limit": 1000}).json()
    at = next(i for i, c in enumerate(claims) if any(x["kind"] == "figure_conflict" for x in c.get("conflicts", [])))
    page = client.get(f"/stories/{story}", params={"page": at // BOARD_PAGE + 1})
    assert page.status_code == 200
    assert "figure conflict: 312 people (Calderra Wire) vs 180 people (Meridian News Service)" in page.text \
        or "figure conflict: 180 people (Meridian News Service) vs 312 people (Calderra Wire)" in page.text


def test_the_api_pages_through_every_list(demo):
    client, story = demo
    every = client.get(f"/api/stories/{story}/export/json").json()
    assert len(every["claims"]) > 100  # more than the default page
    for part in ("claims", "reports", "entities", "events", "figures", "changes"):
        url = f"/api/stories/{story}/{part}"
        first = client.get(url)
        assert first.json() == every[part][:100], part
        assert int(first.headers["x-total-count"]) == len(every[part]), part
        pages, link = [], f"{url}?limit=7"
        while link:  # follow rel="next" to the end: every item once, in order
            answer = client.get(link)
            pages += answer.json()
            found = re.search(r'<([^>]+)>; rel="next"', answer.headers.get("link", ""))
            link = found and found.group(1)
        assert pages == every[part], part
    page = client.get(f"/api/stories/{story}", params={"offset": 100, "limit": 10})
    assert page.json()["claims"] == every["claims"][100:110]
    assert page.headers["x-total-count"] == str(len(every["claims"]))
    assert 'rel="prev"' in page.headers["link"] and 'rel="next"' in page.headers["link"]
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}):
        assert client.get(f"/api/stories/{story}/claims", params=bad).status_code == 422, bad
    denied = client.get(f"/api/stories/{story}/claims", params={"status": "denied", "limit": 1})
    assert int(denied.headers["x-total-count"]) == sum(c["status"] == "denied" for c in every["claims"])


def test_the_story_page_shows_a_page_of_claims_and_links_to_the_rest(demo):
    from storyline.web.paging import BOARD_PAGE, SHOWN

    client, story = demo
    every = client.get(f"/api/stories/{story}/export/json").json()
    pages = -(-len(every["claims"]) // BOARD_PAGE)
    assert pages > 1
    seen: list[str] = []
    for number in range(1, pages + 1):
        page = client.get(f"/stories/{story}", params={"page": number})
        assert page.status_code == 200 and f"page {number} of {pages}" in page.text
        seen += re.findall(r'<details class="claim" id="([^"]+)"', page.text)
        assert ('rel="next"' in page.text) == (number < pages) and ('rel="prev"' in page.text) == (number > 1)
    assert sorted(seen) == sorted(c["id"] for c in every["claims"] if not c.get("withdrawn"))  # each page by status
    first = client.get(f"/stories/{story}").text
    assert f"1–{BOARD_PAGE} of {len(every['claims'])} claims" in first
    for name, part in (("timeline", "events"), ("entities", "entities"), ("figures", "figures"),
                       ("reports", "reports")):
        if len(every[part]) > SHOWN:
            assert f'href="/stories/{story}/{name}"' in first, name
        listed = client.get(f"/stories/{story}/{name}")
        assert listed.status_code == 200 and f"of {len(every[part])}" in listed.text, name
    assert client.get(f"/stories/{story}/changes").status_code == 200
    assert client.get(f"/stories/{story}/nothing").status_code == 404
    assert client.get(f"/stories/{story}", params={"page": 10**6}).status_code == 200  # past the end: empty
