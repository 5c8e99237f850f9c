"""Ingest: files and stdin into Documents, report dates, and clear refusals of bad input."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest import MAX_BYTES, normalize_text, read_source, sha256_of, word_count
from storyline.ingest.html import looks_like_html
from storyline.ingest.report_date import date_from_text, parse_published

STORY = (
    "Flood barrier fails in Marlowe Bay\n"
    "The tidal barrier protecting the harbour town of Marlowe Bay failed early on Friday, "
    "officials said, flooding dozens of homes along the seafront.\n"
    "Harbour master Ottilie Brandvold said the northern gate had jammed halfway and could not "
    'be closed by hand. "We did everything we could," she told reporters.\n'
    "The regional water authority disputes that account. These statements have yet to be "
    "independently confirmed."
)


def page(head: str = "", body: str = "", charset: str = "utf-8") -> str:
    """A news page around STORY (or ``body``) with the clutter an extractor must drop."""
    paragraphs = body or "".join(f"<p>{line}</p>\n" for line in STORY.split("\n")[1:])
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Flood barrier fails | Coastline Courier</title>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/weather">Weather desk</a></li></ul></nav>
<div id="cookie-consent" class="cookie-banner">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<article><h1>Flood barrier fails in Marlowe Bay</h1>
{paragraphs}</article>
<footer>Copyright Coastline Courier. All rights reserved. Privacy policy. Terms of use.</footer>
</body></html>"""


META = """
<meta property="og:title" content="Flood barrier fails in Marlowe Bay">
<meta name="author" content="Tamsin Elridge">
<meta property="article:published_time" content="2023-03-14T08:30:00Z">"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def refusal(source: str, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        read_source(source, **kwargs)
    assert caught.value.source == source
    return str(caught.value)


# --- reading ---------------------------------------------------------------------------------


def test_text_file_is_normalized_and_described(tmp_path):
    raw = ("\ufeff" + STORY.replace("\n", "  \r\n") + "\n\n").encode("utf-8")
    path = write(tmp_path, "courier.txt", raw)
    doc = read_source(str(path))
    assert doc.text == STORY
    assert doc.raw == raw
    assert doc.content_type == "text/plain"
    assert doc.location == str(path.resolve())
    assert (doc.outlet, doc.outlet_from) == ("unknown outlet (courier.txt)", None)  # the text names none
    assert doc.title is None and doc.published is None and doc.published_from is None


def test_text_is_nfc_normalized(tmp_path):
    path = write(tmp_path, "accents.txt", "Mayor Rene\u0301e Castan\u0303o spoke on Friday.")
    assert read_source(str(path)).text == "Mayor Ren\u00e9e Casta\u00f1o spoke on Friday."


def test_html_file_gives_article_text_and_metadata(tmp_path):
    path = write(tmp_path, "courier.html", page(META))
    doc = read_source(str(path))
    assert doc.content_type == "text/html"
    assert doc.title == "Flood barrier fails in Marlowe Bay"
    assert doc.author == "Tamsin Elridge"
    assert doc.published == "2023-03-14" and doc.published_from == "metadata"
    lines = doc.text.split("\n")
    assert lines[-3].startswith("The tidal barrier protecting")  # one paragraph per line
    assert lines[-1].startswith("The regional water authority")
    for clutter in ("cookies", "World news", "Weather desk", "Copyright", "Privacy policy"):
        assert clutter not in doc.text
    assert doc.raw == path.read_bytes()


def test_html_declared_charset_is_honoured(tmp_path):
    html = page(charset="iso-8859-1").replace("Ottilie Brandvold", "Ottilie Brandv\u00f6ld")
    path = write(tmp_path, "latin.htm", html.encode("iso-8859-1"))
    assert "Ottilie Brandv\u00f6ld said" in read_source(str(path)).text


def test_stdin_text_and_sniffed_html():
    doc = read_source("-", stdin=io.BytesIO(STORY.encode()))
    assert (doc.text, doc.location, doc.content_type) == (STORY, "-", "text/plain")
    assert doc.outlet == "unknown outlet (stdin)"
    doc = read_source("-", stdin=io.BytesIO(page(META).encode()))
    assert doc.content_type == "text/html" and doc.author == "Tamsin Elridge"
    assert "cookies" not in doc.text


def test_html_sniffing_skips_comments_quickly():
    assert looks_like_html(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- saved -->\n<!DOCTYPE html><html>")
    assert not looks_like_html(b"Plain report that mentions <html> later.")
    assert not looks_like_html(b"<!---->" * 500 + b"x")  # no backtracking blow-up


def test_outlet_option_wins_over_what_the_report_names(tmp_path):
    path = write(tmp_path, "marlowe-report.txt", "MARLOWE BAY (Tidewater Press) — " + STORY.split("\n", 1)[1])
    assert read_source(str(path)).outlet == "Tidewater Press"
    named = read_source(str(path), outlet="Coastline Courier")
    assert (named.outlet, named.outlet_from) == ("Coastline Courier", "option")
    radio = read_source("-", outlet="Harbour Radio", stdin=io.BytesIO(b"Gate jammed."))
    assert radio.outlet == "Harbour Radio"


BODY = STORY.split("\n", 1)[1]


@pytest.mark.parametrize(("opening", "outlet", "found_in"), [
    ("MARLOWE BAY, Westerland (Tidewater Press) — ", "Tidewater Press", "dateline"),
    ("MARLOWE BAY, Westerland, March 14 (Orrin News Agency) — ", "Orrin News Agency", "dateline"),
    ("SALTHAVEN (TPA) - ", "TPA", "dateline"),
    ("Barrier fails\nBy Ilka Morrow, Coastline Courier\nMARLOWE BAY — ", "Coastline Courier", "byline"),
    ("By Ilka Morrow and Pim Osk | The Marlowe Mercury\n", "The Marlowe Mercury", "byline"),
    ("By Ilka Morrow, Staff Writer\nMARLOWE BAY — ", "unknown outlet (report.txt)", None),
    ("MARLOWE BAY — ", "unknown outlet (report.txt)", None),
])
def test_outlet_from_the_dateline_or_byline(tmp_path, opening, outlet, found_in):
    doc = read_source(str(write(tmp_path, "report.txt", opening + BODY)))
    assert (doc.outlet, doc.outlet_from) == (outlet, found_in)


def test_html_site_name_is_the_outlet(tmp_path):
    site = '<meta property="og:site_name" content="Coastline Courier">'
    dated = page(META + site, body="<p>MARLOWE BAY (Tidewater Press) — " + "</p><p>".join(BODY.split("\n")) + "</p>")
    doc = read_source(str(write(tmp_path, "page.html", dated)))
    assert (doc.outlet, doc.outlet_from) == ("Coastline Courier", "metadata")  # before the dateline's agency
    without = read_source(str(write(tmp_path, "bare.html", page(META))))
    assert without.outlet_from is None and without.outlet == "unknown outlet (bare.html)"


def test_two_unknown_outlets_stay_two_outlets(tmp_path):
    from storyline.ledger.from_store import story_ledger
    from storyline.store import open_store

    ferry = ("The Lund Isle ferry was cancelled on Friday after a storm, its operator said. "
             "More than forty passengers waited at the pier overnight.")
    storm = ("Storm winds closed the Lund Isle ferry route on Friday. The harbour office said "
             "crossings would resume on Sunday morning.")
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_document("Ferry", read_source(str(write(tmp_path, "first.txt", ferry))))
        store.add_document("Ferry", read_source(str(write(tmp_path, "second.txt", storm))))
        store.add_document("Ferry", read_source(str(write(tmp_path, "second.txt", storm + " Two died."))))
        story = story_ledger(store, "Ferry")["story"]
    assert (story["report_count"], story["outlet_count"], story["independent_outlet_count"]) == (3, 2, 2)


# --- report date -----------------------------------------------------------------------------


def test_date_precedence_option_metadata_text_none(tmp_path):
    dated_text = STORY + "\nPublished June 23, 2023."
    paragraphs = "".join(f"<p>{line}</p>" for line in dated_text.split("\n"))
    with_meta = write(tmp_path, "meta.html", page(META, paragraphs))
    no_meta = write(tmp_path, "plain.txt", dated_text)
    undated = write(tmp_path, "undated.txt", STORY)

    doc = read_source(str(with_meta), published="2023-07-01")
    assert (doc.published, doc.published_from) == ("2023-07-01", "option")
    doc = read_source(str(with_meta))
    assert (doc.published, doc.published_from) == ("2023-03-14", "metadata")
    doc = read_source(str(no_meta))
    assert (doc.published, doc.published_from) == ("2023-06-23", "text")
    doc = read_source(str(undated))
    assert (doc.published, doc.published_from) == (None, None)


def test_published_option_accepts_iso_datetimes():
    assert parse_published("2023-06-23T14:05") == "2023-06-23T14:05:00"
    assert parse_published("2023-06-23T14:05:00Z") == "2023-06-23T14:05:00+00:00"
    assert parse_published("23/06/2023") is None
    assert parse_published("2023-02-30") is None


def test_text_date_is_the_reports_own_date_line_not_a_date_in_the_story():
    story = ("Barrier repairs begin in Marlowe Bay\n{top}\n\nThe barrier opened on 2 March 2019. Repairs were "
             "ordered on Jan. 5th, 2021, and a review is due on July 1, 2023.\n")
    today = date(2024, 1, 1)
    assert date_from_text(story.format(top="By Ottilie Brandvold"), today=today) is None  # the story's dates
    for top in ("June 23, 2023", "Friday, 23 June 2023 14:05 BST", "2023-06-23T14:05:00Z",
                "Published 3:15 p.m. ET June 23, 2023", "By Ottilie Brandvold | June 23, 2023",
                "Published June 20, 2023\nUpdated: June 23, 2023 at 9:40 a.m.",
                "23 June 2023 Last updated at 11:11 GMT", "Published on : Fri, 23 Jun 2023 at 09:56 IST"):
        assert date_from_text(story.format(top=top), today=today) == "2023-06-23", top
    assert date_from_text(story.format(top="Updated July 1, 2099"), today=today) is None  # after today
    assert date_from_text(story.format(top="February 30, 2023"), today=today) is None
    dateline = "MARLOWE BAY, June 23, 2023 (Harbour Wire) — Repairs to the tidal barrier began on Friday."
    assert date_from_text(dateline, today=today) == "2023-06-23"
    assert date_from_text("Floods hit on Friday and again on June 30.") is None


# --- refusals --------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    source = str(tmp_path / "nowhere.txt")
    assert refusal(source) == f"{source}: file does not exist"


def test_directory(tmp_path):
    assert "is a directory" in refusal(str(tmp_path))


def test_empty_and_whitespace_only(tmp_path):
    assert "is empty" in refusal(str(write(tmp_path, "empty.txt", b"")))
    assert "only whitespace" in refusal(str(write(tmp_path, "blank.txt", b" \n\t\r\n  ")))
    assert "is empty" in refusal("-", stdin=io.BytesIO(b""))


def test_binary_content(tmp_path):
    assert "a PNG image" in refusal(str(write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))))
    assert "NUL bytes" in refusal(str(write(tmp_path, "blob.txt", b"Marlowe Bay\x00\x01\x02 gate")))
    noise = bytes(range(1, 9)) * 50 + b"some letters"
    assert "is binary" in refusal(str(write(tmp_path, "noise.txt", noise)))


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to disk
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    message = refusal(str(path))
    assert "too large (50.0 MB; the limit is 10.0 MB)" in message


def test_huge_stdin_reads_no_more_than_the_cap():
    stream = io.BytesIO(b"a" * (MAX_BYTES + 1000))
    assert "too large" in refusal("-", stdin=stream)
    assert stream.tell() == MAX_BYTES + 1


def test_text_not_utf8(tmp_path):
    path = write(tmp_path, "latin.txt", "Harbour master Brandv\u00f6ld".encode("latin-1"))
    assert "not valid UTF-8 (byte 0xf6 at offset 21)" in refusal(str(path))
    undeclared = page(charset="").replace("Brandvold", "Brandv\u00f6ld").encode("latin-1")
    message = refusal(str(write(tmp_path, "latin.html", undeclared)))
    assert "not valid UTF-8" in message and "declares no known charset" in message


def test_html_without_article(tmp_path):
    html = page(body="<p>Subscribe to our newsletter.</p>")
    assert "no article text found in the HTML" in refusal(str(write(tmp_path, "thin.html", html)))
    bare = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    assert "no article text found in the HTML" in refusal(str(write(tmp_path, "nav.html", bare)))


def test_unsupported_extension_and_urls(tmp_path):
    assert "unsupported file type '.pdf'" in refusal(str(write(tmp_path, "report.pdf", STORY)))
    assert "fetching URLs is not supported yet" in refusal("https://news.example/marlowe")


def test_bad_published_value_names_the_value(tmp_path):
    path = str(write(tmp_path, "courier.txt", STORY))
    assert "--published value 'last Friday' is not an ISO date" in refusal(path, published="last Friday")


# --- normalization helpers -------------------------------------------------------------------


def test_normalize_hash_and_word_count():
    messy = "  Gate jammed.  \r\nOfficials didn't say why.\r\n"
    assert normalize_text(messy) == "Gate jammed.\nOfficials didn't say why."
    assert normalize_text(normalize_text(messy)) == normalize_text(messy)
    assert sha256_of(messy) == sha256_of("Gate jammed.\nOfficials didn't say why.")
    assert sha256_of(messy) != sha256_of("Gate jammed.\nOfficials said why.")
    assert word_count("Gate jammed. Officials didn't say why, well-placed aides said.") == 9
