"""Bad input gets a clear error and leaves nothing behind (issue 17): texts over the parser's limit, dates out
of range, blank story names, refused URLs, escape sequences in report text and outlet names, database
passwords in error messages. Every text here is made up."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import StoreError, without_credentials
from storyline.present import tables
from storyline.present.terminal import printable
from storyline.store import open_store
from storyline.store.store import now

runner = CliRunner()

ARTICLE = """Flooding closed the Marrowgate ferry terminal on Tuesday, the Osterly port authority said.
"The tide came in higher than any of our gauges predicted," said Tova Brennick, the authority's harbour master.
She added that repairs could take weeks. At least 140 passengers were stranded overnight.
"""


def _invoke(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


def _counts(db: Path) -> dict[str, int]:
    with open_store(str(db)) as store:
        return store.counts()


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "osterly-post.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- texts over the parser's limit ----------------------------------------------------------------------


def test_pieces_join_back_into_the_text_and_end_at_paragraphs():
    from storyline.extract.nlp import pieces

    paragraph = "The Osterly council met on Monday. Councillors voted to close the pier.\n\n"
    text = paragraph * 9 + "A last line without a break " * 3
    cut = pieces(text, 200)
    assert "".join(cut) == text and all(len(p) <= 200 for p in cut) and len(cut) > 1
    assert all(p.endswith("\n\n") for p in cut[:-1])  # each ends after a blank line
    assert "".join(pieces("x" * 450, 200)) == "x" * 450  # no break at all: cut anyway
    one_line = "Word after word. " * 40
    assert all(p.endswith(". ") for p in pieces(one_line, 100)[:-1])
    assert pieces("short", 200) == ["short"]


def test_a_text_over_max_length_is_parsed_in_pieces_with_the_original_offsets(monkeypatch):
    from storyline.extract.nlp import doc_text, load_nlp, parse
    from storyline.extract.pipeline import extract_doc

    paragraphs = [
        '"The pier will reopen on Friday," said Tova Brennick, the harbour master of Osterly.',
        "Police in Marrowgate said 12 people were hurt when the ferry ramp collapsed on Tuesday.",
        "Ilse Varnum, a spokeswoman for the port authority, said the damage would cost 3 million euros.",
        "The Osterly council denied that inspections had been skipped, its leader Piet Adlam said.",
    ]
    text = "\n\n".join(paragraphs * 3)
    nlp = load_nlp()
    monkeypatch.setattr(nlp, "max_length", 300)  # a text just over the limit, kept small for speed
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError):
        nlp(text)  # spaCy alone refuses it
    doc = parse(text)
    assert doc.text == text and doc_text(doc) == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    assert [t.idx for t in doc if t.text == "Brennick"] == [m.start() + 5 for m in _find(text, "Tova Brennick")]

    extraction = extract_doc(doc)
    assert len(extraction.mentions) >= 6  # claims in every piece, not the first only
    assert max(m.start for m in extraction.mentions) > 2 * nlp.max_length
    for mention in extraction.mentions:
        assert text[mention.start:mention.end] == mention.text
    for figure in extraction.figures:
        assert text[figure.start:figure.end] == figure.text


def _find(text: str, word: str):
    import re

    return list(re.finditer(re.escape(word), text))


# --- dates out of range -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "2100-01-01", "9999-12-31", "9999-12-31T23:00:00+01:00"])
def test_published_out_of_range_is_refused_at_the_door(tmp_path, article, value):
    db = tmp_path / "s.db"
    result = _invoke(db, "add", str(article), "--story", "Ferry", "--published", value)
    assert result.exit_code == 1
    message = result.output.strip()
    assert len(message.splitlines()) == 1
    assert f"--published '{value}'" in message and "out of range" in message and "from 1900-01-01 to 2099-12-31" in message
    assert not db.exists()  # refused before the store is opened: nothing stored


def test_published_not_a_date_names_the_option(tmp_path, article):
    result = _invoke(tmp_path / "s.db", "add", str(article), "--story", "Ferry", "--published", "next Tuesday")
    assert result.exit_code == 1 and "--published 'next Tuesday'" in result.output and "ISO" in result.output


def test_published_range_is_in_the_help():
    result = runner.invoke(app, ["add", "--help"], env={"COLUMNS": "300"})
    assert "from 1900-01-01 to 2099-12-31" in " ".join(result.output.split())


def test_read_source_refuses_the_option_and_drops_a_page_or_line_date_out_of_range(tmp_path):
    from storyline.errors import InputError
    from storyline.ingest import read_source

    path = tmp_path / "old.txt"
    path.write_text("Published January 1, 0001\n\n" + ARTICLE, encoding="utf-8")
    with pytest.raises(InputError, match=r"--published value '0001-01-01' is out of range"):
        read_source(str(path), published="0001-01-01")
    assert read_source(str(path)).published is None  # the text's own impossible date is no date
    assert read_source(str(path), published="1900-01-01").published == "1900-01-01"
    assert read_source(str(path), published="2099-12-31T23:59").published == "2099-12-31T23:59:00"


def test_a_report_stored_with_an_impossible_date_still_extracts(tmp_path):
    from storyline.adding import report_date, rerun_extraction
    from storyline.model import Document

    assert report_date("0001-01-01") is None and report_date("9999-12-31T10:00") is None
    assert str(report_date("2024-02-29")) == "2024-02-29"
    with open_store(str(tmp_path / "s.db")) as store:  # as stored before such dates were refused
        store.add_document("Ferry", Document(text=ARTICLE, raw=ARTICLE.encode(), content_type="text/plain",
                                             location="ferry.txt", outlet="Osterly Post", published="0001-01-01"))
        [done] = rerun_extraction(store, "Ferry")
        assert done.error is None


# --- blank story names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["add", "watch"])
@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_blank_story_names_are_refused(tmp_path, article, command, name):
    db = tmp_path / "s.db"
    args = [str(article)] if command == "add" else ["--url", "https://example.org/ferry", "--once"]
    result = _invoke(db, command, *args, "--story", name)
    assert result.exit_code == 1 and "--story" in result.output and "blank" in result.output
    assert not db.exists()


def test_the_store_itself_refuses_a_blank_story_name_and_keeps_what_it_holds(tmp_path, article):
    from storyline.errors import InputError
    from storyline.ingest import read_source

    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        store.add_document("Osterly ferry", read_source(str(article), outlet="Osterly Post"))
        before = store.counts()
        with pytest.raises(InputError, match="blank"):
            store.add_document("  ", read_source(str(article), outlet="Osterly Post"))
        assert store.counts() == before and [s.name for s in store.stories()] == ["Osterly ferry"]


def test_blank_outlet_is_refused(tmp_path, article):
    result = _invoke(tmp_path / "s.db", "add", str(article), "--story", "Ferry", "--outlet", "  ")
    assert result.exit_code == 1 and "--outlet" in result.output and "blank" in result.output


# --- refused URLs -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/ferry", "http://10.1.2.3/ferry", "http://localhost:1/x"])
def test_a_refused_url_creates_nothing(tmp_path, url):
    db = tmp_path / "s.db"
    result = _invoke(db, "add", url, "--story", "Ferry")
    assert result.exit_code == 1 and "error:" in result.output
    counts = _counts(db)
    assert counts["stories"] == 0 and counts["reports"] == 0 and counts["watches"] == 0 and counts["checks"] == 0


@pytest.mark.parametrize("option", ["--url", "--feed"])
@pytest.mark.parametrize("url", ["http://127.0.0.1:9/ferry", "http://[::1]/ferry", "http://localhost:1/x",
                                 "http://10.1.2.3:notaport/x"])
def test_watching_a_refused_url_creates_nothing(tmp_path, option, url):
    db = tmp_path / "s.db"
    result = _invoke(db, "watch", option, url, "--story", "Ferry", "--once")
    assert result.exit_code == 1 and "error:" in result.output and option in result.output
    assert not db.exists()  # refused before the store is opened
    with open_store(str(db)) as store:  # a story that follows a refused URL beside a good one: neither is added
        store.add_watch("Ferry", "feed", "https://example.org/feed", at=now())
    result = _invoke(db, "watch", "--url", "https://example.org/ferry", option, url, "--story", "Ferry", "--once")
    assert result.exit_code == 1 and "error:" in result.output
    counts = _counts(db)
    assert counts["stories"] == 1 and counts["watches"] == 1 and counts["reports"] == 0 and counts["checks"] == 0


def test_a_failed_url_leaves_an_existing_story_as_it_was(tmp_path, article, monkeypatch):
    import storyline.extract.pipeline as pipeline
    from storyline.model import Extraction
    from storyline.store.store import now

    db = tmp_path / "s.db"
    monkeypatch.setattr(pipeline, "extract", lambda *_args, **_kwargs: Extraction())  # no parsing: not needed here
    assert _invoke(db, "add", str(article), "--story", "Ferry").exit_code == 0
    before = _counts(db)
    assert _invoke(db, "add", "http://127.0.0.1:9/ferry", "--story", "Ferry").exit_code == 1
    assert _counts(db) == before
    with open_store(str(db)) as store:
        assert store.story("Ferry") is not None
        store.add_watch("Empty", "feed", "https://example.org/feed", at=now())
        assert store.remove_story_if_empty("Empty") is False  # it follows a feed
        assert store.remove_story_if_empty("Ferry") is False and store.remove_story_if_empty("Nope") is False


# --- escape sequences at the output edge ------------------------------------------------------------------

NASTY = "\x1b[2J\x1b]0;pwned\x07\x07\x1b[31m\x9b1m"


def test_printable_strips_controls_and_escape_sequences():
    assert printable(f"the dam{NASTY} broke") == "the dam broke"
    assert printable("a\tb\nc") == "a\tb\nc" and printable("a\tb\nc", keep_lines=False) == "a b c"
    assert printable("cr\rlf\x00\x7f") == "cr lf"
    assert printable("Zürich — “ok” …") == "Zürich — “ok” …"
    assert printable("left \x1b]8;;http://x.test\x1b\\link\x1b]8;;\x1b\\ right") == "left link right"
    assert printable("unterminated \x1b]0;title") == "unterminated 0;title"  # the ESC goes, the words stay


def _ledger() -> dict:
    outlet = f"Osterly{NASTY} Post"
    claim = {"status": "reported", "text": f"The pier{NASTY} will reopen", "supported_by": [f"Tova{NASTY} Brennick"],
             "mentions": [], "outlets": 1, "contested_by": [{"source": f"Piet{NASTY}", "relation": "denies"}],
             "conflicts": [{"kind": "figure_conflict", "about": f"people{NASTY}",
                            "values": [{"text": f"12{NASTY}", "outlet": outlet}]}]}
    time = {"value": "2031-03-04", "precision": "day", "text": f"Tuesday{NASTY}", "part_of_day": None}
    return {
        "story": {"title": f"Ferry{NASTY}"},
        "claims": [claim],
        "entities": [{"name": f"Tova{NASTY}", "type": "PERSON", "aliases": [f"Brennick{NASTY}"], "roles": [NASTY],
                      "mentions": 2}],
        "figures": [{"text": f"140{NASTY} passengers", "low": 140, "high": 140, "unit": f"passengers{NASTY}"}],
        "events": [{"time": time, "description": f"ramp{NASTY} collapsed", "status": "reported", "outlets": 1}],
        "reports": [{"id": "r1", "outlet": outlet}],
        "changes": [{"at": "2031-03-04T10:00:00+00:00", "kind": "new_claim", "report": "r1", "detail": f"pier{NASTY}"}],
    }


@pytest.mark.parametrize("terminal", [True, False])
@pytest.mark.parametrize("show", ["print_claims", "print_entities", "print_figures", "print_timeline", "print_changes"])
def test_tables_never_pass_on_escape_sequences(show, terminal, capsys):
    out = StringIO()
    console = Console(file=out, force_terminal=terminal, width=300, color_system=None)
    getattr(tables, show)(console, _ledger())
    shown = out.getvalue() + capsys.readouterr().out  # piped tables are print()ed
    assert shown.strip()
    for bad in ("\x1b", "\x07", "\x9b", "pwned"):
        assert bad not in shown


def test_commands_in_a_pipe_never_pass_on_escape_sequences(tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE.replace("Flooding", f"Flooding{NASTY}"), encoding="utf-8")
    assert _invoke(db, "add", str(path), "--story", "Ferry", "--outlet", f"Osterly{NASTY} Post",
                   "--published", "2025-03-04").exit_code == 0
    for command in ("claims", "reports", "changes", "entities", "figures", "timeline", "stories"):
        result = _invoke(db, command, "--story", "Ferry") if command != "stories" else _invoke(db, command)
        assert result.exit_code == 0, result.output
        assert result.stdout.strip()
        for bad in ("\x1b", "\x07", "\x9b", "pwned"):
            assert bad not in result.output, (command, result.output)
    assert "Osterly Post" in _invoke(db, "reports", "--story", "Ferry").stdout


def test_exports_but_json_never_pass_on_escape_sequences(tmp_path):
    import json
    import xml.etree.ElementTree as ET

    db = tmp_path / "s.db"
    path = tmp_path / "ferry.txt"
    # a screen clear, an OSC window title and a bell, in the report's words and in its outlet's name
    path.write_text(ARTICLE.replace("Flooding", "Flooding\x1b[2J\x1b]0;pwned\x07\x07")
                    .replace("Tova Brennick", "Tova\x07 Brennick\x1b]2;owned\x1b\\"), encoding="utf-8")
    assert _invoke(db, "add", str(path), "--story", "Ferry", "--outlet", f"Osterly{NASTY} Post",
                   "--published", "2025-03-04").exit_code == 0
    for format in ("markdown", "html", "atom"):
        result = _invoke(db, "export", "--story", "Ferry", "--format", format)
        assert result.exit_code == 0, result.output
        assert "Flooding closed" in result.stdout, format
        for bad in ("\x1b", "\x07", "\x9b", "[2J", "pwned", "owned"):
            assert bad not in result.stdout, (format, bad)
        assert not any(0 < ord(c) < 32 and c not in "\t\n" for c in result.stdout), format
    feed = ET.fromstring(_invoke(db, "export", "--story", "Ferry", "--format", "atom").stdout.encode())
    assert "Osterly Post" in {e.text for e in feed.iter("{http://www.w3.org/2005/Atom}name")}
    # JSON keeps what it carries exact (the text its offsets point into)
    exported = json.loads(_invoke(db, "export", "--story", "Ferry", "--format", "json").stdout)
    [report] = exported["reports"]
    assert report["outlet"] == f"Osterly{NASTY} Post"


def test_error_lines_never_pass_on_escape_sequences(tmp_path):
    result = _invoke(tmp_path / "s.db", "add", str(tmp_path / f"missing{NASTY}.txt"), "--story", "Ferry")
    assert result.exit_code == 1 and "missing" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "pwned" not in result.output


# --- database passwords -------------------------------------------------------------------------------------


def test_without_credentials_masks_passwords():
    assert without_credentials("postgresql://bob:s3cret@db.test:5432/news") == "postgresql://bob:***@db.test:5432/news"
    assert without_credentials("'postgres ql://bob:s3cret@h/db'") == "'postgres ql://bob:***@h/db'"
    assert without_credentials("host=h password=s3cret dbname=news") == "host=h password=*** dbname=news"
    assert without_credentials("postgresql://bob@h/news?password=s3cret&x=1") == "postgresql://bob@h/news?password=***&x=1"
    assert without_credentials("https://example.org/a@b and sqlite:///tmp/news.db") == (
        "https://example.org/a@b and sqlite:///tmp/news.db")


@pytest.mark.parametrize("url", [
    "postgresql://bob:s3cret@127.0.0.1:1/news",  # nothing listens there
    "postgresql://bob:s3cret@db.test:notaport/news",  # not a URL SQLAlchemy reads
    "postgres ql://bob:s3cret@db.test/news",
    "nosuchdb://bob:s3cret@db.test/news",
])
def test_store_errors_never_show_the_password(url):
    result = runner.invoke(app, ["--db", url, "stories"])
    assert result.exit_code == 1 and "error:" in result.output and "Traceback" not in result.output
    assert "s3cret" not in result.output and "bob" in result.output


def test_failures_naming_a_url_are_masked_where_they_are_shown(tmp_path, monkeypatch):
    import storyline.cli as cli

    def refuse(_url):
        raise StoreError("cannot open store postgresql://bob:s3cret@db.test/news: refused")

    monkeypatch.setattr("storyline.store.open_store", refuse)
    result = _invoke(tmp_path / "s.db", "stories")
    assert result.exit_code == 1 and "s3cret" not in result.output and "bob:***@db.test" in result.output
    assert cli.for_terminal("x postgresql://a:b@h/d") == "x postgresql://a:***@h/d"
