"""The desk in a real browser: Playwright for Python driving Debian's Chromium headless against uvicorn on a
free loopback port, with the bundled (fictional) demo story loaded.

Screenshots of the story page and of a claim's evidence go to ``STORYLINE_SCREENSHOTS`` when it is set
(``STORYLINE_SCREENSHOTS=docs/screenshots pytest tests/test_web_browser.py`` refreshes the README's), else to
the test's temporary folder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

from storyline.adding import add_document  # noqa: E402
from storyline.demo import add_example_story  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.store import open_store  # noqa: E402
from storyline.web.app import create_app  # noqa: E402

HOSTILE = ('The mayor said <script>alert("pwned")</script> the pier was closed. '
           'Residents said <img src=x onerror=alert(2)> the smoke was thick. '
           'A spokesperson said <a href="javascript:alert(3)">click here</a> the harbour was safe.')
TANKER = "Arden Star, had sunk"  # a claim of the demo story that the coast guard denies
WAIT_MS = 60_000  # for any one page, element or expectation: generous, a busy CI machine is slow, not broken


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The demo story plus a hostile report, an editor's token, and the desk served on a free port."""
    db = str(tmp_path_factory.mktemp("browser") / "desk.db")
    with open_store(db) as store:
        story = add_example_story(store)
        text = HOSTILE
        add_document(store, "Rogue test", Document(text=text, raw=text.encode(), content_type="text/plain",
                                            location="https://rogue.test/x", outlet="Rogue Blog",
                                            published="2025-03-16T18:00:00+00:00", title="Rogue post"))
        token = store.create_token("Ana Example", at=datetime.now(timezone.utc))
        story_id, rogue_id = store.story(story).id, store.story("Rogue test").id
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield {"base": f"http://127.0.0.1:{sock.getsockname()[1]}", "story": story_id, "rogue": rogue_id,
           "token": token}
    server.should_exit = True
    thread.join(timeout=5)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        except sync_api.Error as exc:
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {str(exc).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT_MS)
    opened = context.new_page()
    opened.dialogs = []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_story_page_and_evidence(desk, page, shots):
    page.goto(f"{desk['base']}/stories/{desk['story']}")
    assert page.title().startswith("Port Veyra explosion")
    page.screenshot(path=str(shots / "story.png"), full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": 1600})
    claim = page.locator("details.claim", has_text=TANKER).first
    mark = claim.locator("mark.content").first
    assert not mark.is_visible()  # evidence opens with the claim
    claim.locator("summary").click()
    assert mark.is_visible() and mark.inner_text() == "a tanker moored nearby, the Arden Star, had sunk"
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 241, 168)"
    assert "Calderran Coast Guard" in claim.inner_text()
    claim.screenshot(path=str(shots / "claim-evidence.png"))
    # the claims filter appears with JavaScript and hides what does not match
    page.fill("#claim-filter", "arden star sunk")
    assert claim.is_visible() and page.locator("details.claim:visible").count() < 5


def test_phone_width(desk, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(WAIT_MS)
    phone = context.new_page()
    phone.goto(f"{desk['base']}/stories/{desk['story']}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_verdict_refused_then_recorded(desk, page):
    page.goto(f"{desk['base']}/stories/{desk['story']}")
    page.locator("details.claim", has_text=TANKER).first.locator("summary").click()
    page.locator("details.claim[open] a.open-claim").click()
    page.wait_for_url("**/claims/*")
    claim_url = page.url
    assert page.locator("form.verdict-form").count() == 0  # readers get no form
    # the same action without a token is refused, through the form and through the API
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "storyline_csrf")
    refused = page.request.post(claim_url + "/verdict", form={"csrf": csrf, "rating": "false"})
    assert refused.status == 403
    api_url = claim_url.replace("/stories/", "/api/stories/") + "/verdict"
    assert page.request.put(api_url, data={"rating": "false"}).status == 401
    # an editor signs in with their token and records the verdict
    page.click("text=Sign in as an editor")
    page.fill("input[name=token]", desk["token"])
    page.click("form.signin button")
    page.wait_for_url(claim_url)  # the sign-in posts, then redirects back: wait for the claim page to load
    sync_api.expect(page.locator("header")).to_contain_text("Editor: Ana Example", timeout=WAIT_MS)
    page.select_option("select[name=rating]", "false")
    page.fill("textarea[name=note]", "The coast guard saw the tanker afloat at its berth.")
    page.fill("input[name=evidence_url]", "https://example.org/coast-guard-photo")
    page.click("form.verdict-form button[type=submit]:not([name])")
    box = page.locator("#verdict")
    sync_api.expect(box.locator(".badge")).to_contain_text("false", timeout=WAIT_MS)  # the page posted to
    assert "by Ana Example" in box.inner_text() and "tanker afloat" in box.inner_text()
    ledger = page.request.get(f"{desk['base']}/api/stories/{desk['story']}").json()
    verdicts = [c["verdict"] for c in ledger["claims"] if c["verdict"]]
    assert [(v["rating"], v["by"]) for v in verdicts] == [("false", "Ana Example")]
    reviews = page.request.get(f"{desk['base']}/api/stories/{desk['story']}/claimreview").json()
    assert reviews[0]["reviewRating"]["alternateName"] == "False"


def test_hostile_report_is_inert(desk, page):
    page.goto(f"{desk['base']}/stories/{desk['rogue']}")
    report = page.locator("#reports a", has_text="Rogue post")
    report.click()
    page.wait_for_url("**/reports/*")  # loaded: its scripts are all in the document, read below
    text = page.locator(".report-text")
    assert text.inner_text() == HOSTILE  # shown as the characters it is made of
    assert page.locator(".report-text script, .report-text img, .report-text [onerror]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("[...document.scripts].map(s => s.src)") == [f"{desk['base']}/static/desk.js"]
    for claim in page.locator(".report-text a.span").all()[:3]:
        claim.click()
        page.wait_for_url("**/claims/*")
        page.go_back()
    page.goto(f"{desk['base']}/stories/{desk['rogue']}")
    page.fill("#claim-filter", "mayor")
    page.wait_for_timeout(100)
    assert page.dialogs == []


def test_api_docs_offline(desk, page):
    """Swagger UI at /api/docs renders from the desk's own files under the strict CSP, with no other host."""
    left = []  # every request for a host other than the desk's loopback address, aborted

    def loopback_only(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    page.route("**/*", loopback_only)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script("window.cspViolations = [];"
                         "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push("
                         "e.violatedDirective + ' ' + e.blockedURI));")
    page.goto(f"{desk['base']}/api/docs")
    assert "storyline desk" in page.title()
    stories = page.locator(".opblock", has=page.locator(".opblock-summary-path[data-path='/api/stories']")).first
    stories.wait_for(state="visible", timeout=WAIT_MS)
    assert page.locator(".opblock").count() > 5
    # an operation tried out from the page reaches the API (fetch under connect-src 'self')
    stories.locator(".opblock-summary").click()
    stories.locator("button.try-out__btn").click()
    stories.locator("button.execute").click()
    body = stories.locator(".live-responses-table .response-col_description pre").first
    body.wait_for(state="visible", timeout=WAIT_MS)
    sync_api.expect(body).to_contain_text("port-veyra-explosion", timeout=WAIT_MS)
    assert left == []
    assert page.evaluate("window.cspViolations") == []
    assert errors == []

def test_screenshots_written(shots):
    for name in ("story.png", "claim-evidence.png"):
        assert (shots / name).stat().st_size > 5000, name

