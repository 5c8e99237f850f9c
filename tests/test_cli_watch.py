"""`storyline add URL`, `watch`, `changes --since`, `diff`, `reports` and `export --format atom` through the
installed script, against a local server (tests/httpserver.py). Invented story: a ferry strike in Tollby."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import pytest
from httpserver import http_server  # noqa: F401 - a fixture

from storyline.store import open_store
from storyline.store.store import now
from storyline.watch.webhook import SIGNATURE_HEADER, verify

pytestmark = pytest.mark.slow

STORYLINE = str(Path(sys.executable).parent / "storyline")
STORY = "Tollby ferry strike"
PLAIN = {"Content-Type": "text/plain; charset=utf-8"}
V1 = ("TOLLBY, Vessmark — Ferry crews in Tollby walked out on Monday, stranding about 900 passengers, the "
      "harbour office said.\n\n"
      "Union spokesman Arvid Lenk said the crews would stay out until the operator restored night-shift pay.\n\n"
      "Some passengers said the operator had chartered buses, a claim that could not be independently verified.\n")
V2 = V1.replace("about 900", "about 1,400") + "\nThe operator, Nordvik Lines, denied that it had cut night-shift pay.\n"


def run(*args: str, db: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "STORYLINE_DB": str(db), "COLUMNS": "200", **(env or {})}
    return subprocess.run([STORYLINE, *args], capture_output=True, text=True, env=environment, timeout=600)


class Receiver:
    """A webhook endpoint on loopback that keeps what it was sent."""

    def __init__(self) -> None:
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append((dict(self.headers), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"


def test_add_url_watch_changes_diff_and_atom(tmp_path, http_server):
    db = tmp_path / "w.db"
    http_server.route("/strike", V1, headers=PLAIN, conditional=True)
    url = http_server.url("/strike")

    refused = run("add", url, "--story", STORY, db=db)
    assert refused.returncode == 1 and "private" in refused.stderr.lower()

    added = run("add", url, "--story", STORY, "--outlet", "Vessmark Post", "--allow-private", db=db)
    assert added.returncode == 0, added.stderr
    assert f"{url}: new report" in added.stderr
    first = run("changes", "--story", STORY, "--since", "last", db=db)
    assert "new_report" in first.stdout and "Vessmark Post" in first.stdout

    status = run("watch", "--story", STORY, "--status", db=db)
    assert url in status.stdout and "every 15 min" in status.stdout

    receiver = Receiver()
    http_server.route("/strike", V2, headers=PLAIN, conditional=True)
    atom = tmp_path / "changes.atom"
    watched = run("watch", "--story", STORY, "--once", "--allow-private", "--webhook", receiver.url,
                  "--atom", str(atom), db=db, env={"STORYLINE_WEBHOOK_SECRET": "s3cret"})
    # the article was checked a moment ago: not due yet, so nothing is fetched
    assert watched.returncode == 0, watched.stderr
    assert len(http_server.requests_for("/strike")) == 1 and receiver.received == []

    with open_store(str(db)) as store:
        watch = store.watches(STORY)[0]
        store.record_check(watch, at=now(), outcome="not_modified", next_check=now())  # make it due
    watched = run("watch", "--story", STORY, "--once", "--allow-private", "--webhook", receiver.url,
                  "--atom", str(atom), db=db, env={"STORYLINE_WEBHOOK_SECRET": "s3cret"})
    assert watched.returncode == 0, watched.stderr
    assert "revision" in watched.stderr and "figure_changed" in watched.stdout

    headers, body = receiver.received[0]
    assert verify(body, "s3cret", headers[SIGNATURE_HEADER])
    payload = json.loads(body)
    assert {"new_revision", "figure_changed"} <= {c["kind"] for c in payload["changes"]}
    feed = feedparser.parse(atom.read_text(encoding="utf-8"))
    assert feed.entries and not feed.bozo

    since = run("changes", "--story", STORY, "--since", "last", db=db)
    assert "new_revision" in since.stdout and "new_report" not in since.stdout
    assert "new_revision" not in run("changes", "--story", STORY, "--since", "last", db=db).stdout
    assert "new_report" not in run("changes", "--story", STORY, "--since", "2031-01-01", db=db).stdout
    bad = run("changes", "--story", STORY, "--since", "yesterday-ish", db=db)
    assert bad.returncode == 1 and "--since" in bad.stderr

    listing = run("reports", "--story", STORY, db=db).stdout.splitlines()
    latest = listing[-1].split("\t")[0]
    diff = run("diff", latest, db=db)
    assert diff.returncode == 0, diff.stderr
    assert "version 1 → 2" in diff.stdout
    assert "~" in diff.stdout and "1,400" in diff.stdout and "+ The operator, Nordvik Lines" in diff.stdout

    exported = run("export", "--story", STORY, "--format", "atom", db=db)
    assert feedparser.parse(exported.stdout).entries[0].title


def test_watch_needs_something_to_follow(tmp_path):
    db = tmp_path / "w.db"
    nothing = run("watch", "--story", STORY, "--once", db=db)
    assert nothing.returncode == 1 and "--feed" in nothing.stderr
    bad = run("watch", "--story", STORY, "--url", "ftp://example.invalid/x", db=db)
    assert bad.returncode == 1 and "http" in bad.stderr


def test_demo_follow_watches_the_example_story_arrive(tmp_path):
    db = tmp_path / "follow.db"
    followed = run("demo", "--follow", "--step", "0", db=db)
    assert followed.returncode == 0, followed.stderr
    assert followed.stderr.count(" new http://127.0.0.1") == 11  # eleven article locations in the story
    assert followed.stderr.count("revision http://127.0.0.1") == 2  # the wire story's versions 2 and 3
    assert "figure_changed" in followed.stdout and "claim_withdrawn" in followed.stdout
    with open_store(str(db)) as store:
        reports = store.reports("Port Veyra explosion")
    assert len(reports) == 13  # the example's rail-strike report belongs to another story: not served
    assert {r.outlet for r in reports} == {"Calderra Wire", "Veyra Harbour Post", "Meridian News Service",
                                           "Northgate Courier"}
