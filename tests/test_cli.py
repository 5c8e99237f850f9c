"""The command line end to end: through the installed `storyline` script, and in-process for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import open_store

STORYLINE = str(Path(sys.executable).parent / "storyline")

FIRST = """Flooding closed the Amberley rail tunnel on Tuesday, the regional transit agency said.
"The water rose faster than any of our models predicted," said Hanna Lisk, the agency's chief engineer.
She added that repairs could take weeks. At least 300 commuters were stranded overnight.
"""
SECOND = FIRST + "Officials confirmed on Wednesday that the tunnel would reopen on Friday.\n"


def run(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "STORYLINE_DB": str(db), "COLUMNS": "200"}
    return subprocess.run([STORYLINE, *args], input=stdin, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "amberley-gazette.txt"
    path.write_text(FIRST, encoding="utf-8")
    return path


def test_add_then_revision_then_unchanged_through_the_script(tmp_path, article):
    db = tmp_path / "s.db"
    first = run("add", str(article), "--story", "Amberley flood", "--published", "2025-05-06", db=db)
    assert first.returncode == 0, first.stderr
    assert "new report" in first.stderr and "(version 1)" in first.stderr
    assert f"warning: {article}: no --outlet, and the report names none" in first.stderr
    assert "stored as 'unknown outlet (amberley-gazette.txt)'" in first.stderr
    assert run("add", str(article), "--story", "Amberley flood", db=db).stderr.count("unchanged") == 1
    article.write_text(SECOND, encoding="utf-8")
    third = run("add", str(article), "--story", "Amberley flood", "--published", "2025-05-07", db=db)
    assert "revision report" in third.stderr and "(version 2)" in third.stderr

    export = run("export", "--story", "Amberley flood", "--format", "json", "--with-text", db=db)
    ledger = json.loads(export.stdout)
    v1, v2 = ledger["reports"]
    assert (v1["outlet"], v1["version"], v2["version"], v2["previous"]) == (
        "unknown outlet (amberley-gazette.txt)", 1, 2, v1["id"])
    texts = {r["id"]: r["text"] for r in ledger["reports"]}
    quote = next(m for c in ledger["claims"] for m in c["mentions"] if m["form"] == "direct")
    assert quote["source"]["name"] == "Hanna Lisk" and quote["status"] == "reported"
    for claim in ledger["claims"]:
        for m in claim["mentions"]:
            assert texts[m["report"]][m["start"]:m["end"]] == m["text"]


def test_stdin_and_piped_tables_are_plain_text(tmp_path):
    db = tmp_path / "s.db"
    added = run("add", "-", "--story", "Amberley flood", "--outlet", "Wire", "--published", "2025-05-06",
                db=db, stdin=FIRST)
    assert added.returncode == 0, added.stderr
    assert "warning" not in added.stderr
    claims = run("claims", db=db)
    header, *rows = claims.stdout.splitlines()
    assert header.split("\t") == ["status", "claim", "sources", "outlets", "contested by", "conflicts", "check"]
    assert any("Hanna Lisk" in row for row in rows)
    assert "─" not in claims.stdout  # no box drawing when piped
    timeline = run("timeline", db=db).stdout
    assert "2025-05-06" in timeline  # "on Tuesday" in a report of Tuesday 6 May 2025
    markdown = run("export", "--format", "markdown", db=db).stdout
    assert markdown.startswith("# Amberley flood") and "## Claims" in markdown


def test_add_dates_a_report_from_its_page_or_its_date_line_else_warns(tmp_path):
    db = tmp_path / "s.db"
    story = ("Flooding closed the Amberley rail tunnel on Tuesday, the regional transit agency said. Crews "
             "pumped water from the tunnel overnight, and an inquiry is set for June 30, 2025.")
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html><head><meta property="article:published_time" '
                    f'content="2025-05-06T09:30:00Z"></head><body><article><p>{story}</p></article></body></html>')
    dated = tmp_path / "dated.txt"
    dated.write_text(f"Amberley tunnel shut\nPublished 3:15 p.m. ET May 6, 2025\n\n{story}\n")
    undated = tmp_path / "undated.txt"
    undated.write_text(f"Amberley tunnel shut\n\n{story}\n")
    added = run("add", str(page), str(dated), str(undated), "--story", "Amberley flood", "--outlet", "Wire", db=db)
    assert added.returncode == 0, added.stderr
    warnings = [line for line in added.stderr.splitlines() if "publication date" in line]
    assert warnings == [f"warning: {undated}: no publication date found: times stay relative; pass --published"]
    reports = run("reports", db=db).stdout
    assert reports.count("\t2025-05-06\t") == 2  # the page's metadata; the date line, not the inquiry's
    again = run("add", str(undated), "--story", "Amberley flood", "--outlet", "Wire", db=db)
    assert "unchanged" in again.stderr and "publication date" not in again.stderr


runner = CliRunner()


def _invoke(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"   \n\n  ", "whitespace"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    "latin1.txt": ("Caf\u00e9 owners said the square was closed.".encode("latin-1"), "UTF-8"),
    "nothing.html": (b"<html><head><title>x</title></head><body><nav>Home | About</nav></body></html>", "article"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_with_one_line_and_store_unchanged(tmp_path, article, name):
    db = tmp_path / "s.db"
    assert _invoke(db, "add", str(article), "--story", "S").exit_code == 0
    before = open_store(str(db)).counts()
    content, reason = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    result = _invoke(db, "add", str(bad), "--story", "S")
    assert result.exit_code == 1
    message = result.output.strip()
    assert len(message.splitlines()) == 1 and name in message and reason.lower() in message.lower()
    assert open_store(str(db)).counts() == before


def test_missing_and_huge_files_are_refused(tmp_path):
    db = tmp_path / "s.db"
    missing = _invoke(db, "add", str(tmp_path / "nope.txt"), "--story", "S")
    assert missing.exit_code == 1 and "nope.txt" in missing.output and "not exist" in missing.output
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = _invoke(db, "add", str(huge), "--story", "S")
    assert result.exit_code == 1 and "huge.txt" in result.output and "MB" in result.output
    assert open_store(str(db)).counts()["reports"] == 0


def test_unknown_story_and_format_are_clear_errors(tmp_path, article):
    db = tmp_path / "s.db"
    _invoke(db, "add", str(article), "--story", "S")
    assert "no story named 'T'" in _invoke(db, "claims", "--story", "T").output
    assert "choose json, markdown, html, atom or claimreview" in _invoke(db, "export", "--format", "yaml").output


def test_without_story_the_story_updated_last_is_used_and_said(tmp_path):
    from datetime import datetime, timedelta, timezone

    from storyline.model import Document

    db, t0 = tmp_path / "s.db", datetime(2031, 6, 2, 7, 0, tzinfo=timezone.utc)
    empty = _invoke(db, "claims")
    assert empty.exit_code == 1 and "no stories yet" in empty.stderr and "storyline add" in empty.stderr

    def report(story: str, text: str, location: str, hours: int) -> None:
        document = Document(text=text, raw=text.encode(), content_type="text/plain", location=location,
                            outlet="Vellmoor Courier")
        store.add_document(story, document, fetched_at=t0 + timedelta(hours=hours))

    with open_store(str(db)) as store:
        report("Granary fire", "Fire crews contained a blaze at the Orlen granary on Sunday.", "granary.txt", 0)
        report("Ferry strike", "Ferry crews in Vellmoor walked out on Monday.", "ferry.txt", 1)
        report("Granary fire", "The Orlen granary fire was started by a faulty dryer.", "granary-2.txt", 2)

    listed = _invoke(db, "reports")  # the granary story was opened first but updated last
    assert listed.exit_code == 0, listed.output
    assert "granary-2.txt" in listed.stdout and "ferry.txt" not in listed.stdout
    assert listed.stderr.strip() == "using story 'Granary fire' (updated last; 2 stories — pick one with --story)"
    assert _invoke(db, "claims").exit_code == 0
    named = _invoke(db, "reports", "--story", "Ferry strike")
    assert "ferry.txt" in named.stdout and named.stderr == ""
    by_id = _invoke(db, "reports", "--story", "ferry-strike")  # the id `storyline stories` lists
    assert by_id.exit_code == 0 and "ferry.txt" in by_id.stdout and "granary" not in by_id.stdout
    assert "no story named 'Fire'" in _invoke(db, "claims", "--story", "Fire").stderr


def test_add_and_export_on_each_backend(store_url, article):
    """The same commands over SQLite and PostgreSQL (skipped without STORYLINE_TEST_PG)."""
    assert runner.invoke(app, ["--db", store_url, "add", str(article), "--story", "Amberley flood",
                               "--published", "2025-05-06"]).exit_code == 0
    result = runner.invoke(app, ["--db", store_url, "export", "--story", "Amberley flood"])
    ledger = json.loads(result.stdout)
    assert ledger["story"]["report_count"] == 1
    assert any(m["source"]["name"] == "Hanna Lisk" for c in ledger["claims"] for m in c["mentions"])


def test_failed_extraction_is_kept_and_rerun(tmp_path, article, monkeypatch):
    import storyline.extract.pipeline as pipeline

    db = tmp_path / "s.db"

    def broken(*_args, **_kwargs):
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(pipeline, "extract", broken)
    result = _invoke(db, "add", str(article), "--story", "S")
    assert result.exit_code == 1 and "extraction failed, stored for a re-run: RuntimeError: parser crashed" in result.output
    [report] = open_store(str(db)).reports("S", with_raw=True)
    assert report.extraction_status == "failed" and report.raw == article.read_bytes()
    assert report.text and report.extraction_error == "RuntimeError: parser crashed"

    monkeypatch.undo()
    rerun = _invoke(db, "extract")
    assert rerun.exit_code == 0 and "extracted" in rerun.output
    [report] = open_store(str(db)).reports("S")
    assert report.extraction_status == "ok" and report.extraction.mentions
    assert "S" in _invoke(db, "stories").output


def test_report_text_is_never_read_as_terminal_markup():
    from io import StringIO

    from rich.console import Console

    from storyline.present.tables import print_claims

    claim = {"status": "reported", "text": "[bold red]the dam [/] broke[link=http://x.test]", "supported_by": ["[i]Ana"],
             "mentions": [], "outlets": 1, "contested_by": []}
    out = StringIO()
    console = Console(file=out, force_terminal=True, width=200, color_system=None)
    print_claims(console, {"story": {"title": "T"}, "claims": [claim]})
    assert "[bold red]the dam [/] broke[link=http://x.test]" in out.getvalue() and "[i]Ana" in out.getvalue()


def test_eval_hedging_and_factuality_commands(tmp_path):
    (tmp_path / "x_certain_sentences.txt").write_text("The ferry left Lunne at noon .\n", encoding="utf-8")
    (tmp_path / "x_uncertain_sentences.txt").write_text("The ferry reportedly left Lunne at noon .\n", encoding="utf-8")
    hedging = json.loads(runner.invoke(app, ["eval", "hedging", str(tmp_path)]).stdout)
    assert hedging["task"] == "hedging" and hedging["items"] == 2 and hedging["f1"] == 1.0
    gold = {"text": "The ferry left Lunne at noon .", "targets": [{"span1": [2, 3], "label": 3.0}]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    factuality = json.loads(runner.invoke(app, ["eval", "factuality", str(path)]).stdout)
    assert factuality["task"] == "factuality" and factuality["items"] == 1
    missing = runner.invoke(app, ["eval", "factuality", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 1 and "nope.jsonl: no such JSONL file" in missing.output


def test_claims_name_who_contests_every_statement_a_contest_answers(tmp_path):
    """Issue 16: "Varga rejected the allegation" denies the charge just before and the accusation naming Varga;
    the claims table and the JSON export name Varga on both, and the export still meets the schema."""
    import jsonschema

    db = tmp_path / "s.db"
    text = ("The dockworkers' union accused Mayor Ilse Varga of rigging the harbour vote. Union officials said the "
            "tally sheets were altered. Varga rejected the allegation.\n")
    added = runner.invoke(app, ["--db", str(db), "add", "-", "--story", "Harbour vote", "--outlet", "Wire",
                                "--published", "2031-05-06"], input=text)
    assert added.exit_code == 0, added.output
    ledger = json.loads(_invoke(db, "export", "--format", "json").stdout)
    schema = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "ledger.schema.json"
    jsonschema.Draft202012Validator(json.loads(schema.read_text())).validate(ledger)
    rows = _invoke(db, "claims").stdout.splitlines()
    for words in ("of rigging", "tally sheets"):
        claim = next(c for c in ledger["claims"] if any(words in m["text"] for m in c["mentions"]))
        assert claim["status"] == "denied"
        assert [(c["source"], c["relation"]) for c in claim["contested_by"]] == [("Ilse Varga", "denies")]
        assert any(words in row and "Ilse Varga denies" in row for row in rows)
