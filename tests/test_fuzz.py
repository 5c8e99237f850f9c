"""Fuzzing with a fixed budget (issue 17): hypothesis properties over the ingest entry points, extraction, the
``--published`` dates and the store's add path, and schemathesis over the desk's API against its own OpenAPI
spec. Every run draws the same examples (``derandomize``), so CI stays repeatable; ``STORYLINE_FUZZ_SCALE=20``
multiplies every budget for a longer search on a developer's machine (``STORYLINE_FUZZ_RANDOM=1`` draws new
examples each run).

The contracts: whatever bytes or path a user gives, ingest returns a ``Document`` or raises a ``StorylineError``
(one clear line), never another exception; extraction of any text returns spans that lie inside the text and
equal its slices; a ``--published`` value is read as an in-range ISO date or refused up front; adding any text
to a store leaves every earlier report as it was; and no request to the API, valid or not, gets a 5xx, while
the statuses, content types and bodies it answers are those its spec documents.
"""

from __future__ import annotations

import io
import os
import string
from datetime import date, datetime, timedelta, timezone

import pytest

pytest.importorskip("hypothesis", reason="the fuzz tests need hypothesis (requirements/test.txt)")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from storyline.errors import InputError  # noqa: E402
from storyline.ingest.normalize import normalize_text  # noqa: E402
from storyline.ingest.report_date import EARLIEST, LATEST, out_of_range, parse_published  # noqa: E402
from storyline.ingest.sources import fetched_document, read_source  # noqa: E402
from storyline.model import Document  # noqa: E402

SCALE = max(1, int(os.environ.get("STORYLINE_FUZZ_SCALE", "1")))


def budget(examples: int) -> settings:
    """``examples`` inputs (times ``STORYLINE_FUZZ_SCALE``), the same ones every run, no deadline (a busy
    2-core CI machine is slow), and nothing written to a ``.hypothesis`` database."""
    return settings(max_examples=examples * SCALE, derandomize=not os.environ.get("STORYLINE_FUZZ_RANDOM"),
                    database=None, deadline=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])


# --- what the inputs are made of ---------------------------------------------------------------------

# pieces of news text, so that generated reports reach attribution, quotes, figures and dates, not only the
# tokenizer; mixed with any Unicode text (no lone surrogates: UTF-8 cannot hold them, so no input has them)
NEWS = ["Captain Ilse Marrow said", "the harbour authority said", "police said", "according to officials",
        "Brightwater Lines denied that", "It was not clear whether", "Some reports said", "reportedly",
        "The ferry Solent Queen", "all 85 passengers", "about 30 to 40 cars", "at least 12 people",
        "on Tuesday evening", "yesterday", "last week", "on March 3, 2031", "2031-05-06", "12:30 p.m.",
        "LOWMERE (Lowmere Gazette) —", "By Ana Ruiz", "Published May 6, 2031", "Updated: 7 May 2031",
        '"We got out,"', "\u201cThe whole quay shook,\u201d", "\u2018no comment\u2019", "'", '"', "\u201c", "\u201d",
        "...", "\u2014", "-", ";", ",", ".", "?", "!", "(", ")", "%", "$5m", "\n", "\n\n", " ", "\t", "\u00a0",
        "\u200b", "\u0301", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\ufeff", "e\u0301", "\U0001f525",
        "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u6587", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "Mr.", "Dr.", "U.S.",
        "St.", "No.", "3.5", "1,000"]
ANY_CHARACTER = st.characters(exclude_categories=["Cs"])  # control characters included
LONG_RUNS = st.builds(lambda piece, n: piece * n,
                      st.sampled_from(["a", " ", "\n", ".", '"', "said ", "9", "\u2014", "\x01", "\u0301", "x y "]),
                      st.integers(min_value=50, max_value=3000))
TEXT = st.lists(st.one_of(st.sampled_from(NEWS), st.text(ANY_CHARACTER, max_size=40), LONG_RUNS),
                max_size=30).map(" ".join)


def _page(parts: list[str], head: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{part}</p>" for part in parts)
    return f"<!DOCTYPE html><html><head>{meta}{head}</head><body><article>{body}</article></body></html>"


HTML = st.builds(
    _page,
    st.lists(st.one_of(TEXT, st.lists(st.sampled_from(NEWS), min_size=5, max_size=30).map(" ".join)), max_size=6),
    st.sampled_from(["", "<title>Ferry fire</title>", '<meta property="og:site_name" content="Lowmere Gazette">',
                     '<meta name="date" content="0001-01-01">', '<meta name="date" content="2031-05-06">',
                     '<meta property="article:published_time" content="9999-12-31T23:59:59Z">',
                     '<link rel="canonical" href="javascript:alert(1)">', "<script>alert(1)</script>",
                     "<title>\x01\x02</title>"]),
    st.sampled_from([None, "utf-8", "latin-1", "windows-1252", "shift_jis", "no-such-charset", "utf-16"]),
)
# what a file or a page may hold: raw bytes, text as UTF-8 (and in other encodings), HTML, and the prefixes
# ingest looks at (BOMs, binary signatures, an XML declaration, comments)
PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b",
            b"<?xml version='1.0' encoding='latin-1'?>", b"<!-- c -->", b"<!--", b"<?xml", b"\x00"]
RAW = st.builds(
    lambda prefix, body: prefix + body,
    st.just(b"") | st.sampled_from(PREFIXES),  # no prefix for half of them
    st.one_of(
        st.binary(max_size=3000),
        TEXT.map(lambda t: t.encode("utf-8")),
        TEXT.map(lambda t: t.encode("utf-8")),
        st.builds(lambda t, codec: t.encode(codec, "replace"), TEXT, st.sampled_from(["latin-1", "cp1252", "utf-16"])),
        HTML.map(lambda page: page.encode("utf-8")),
        HTML.map(lambda page: page.encode("utf-8")),
        st.builds(lambda page, codec: page.encode(codec, "replace"), HTML, st.sampled_from(["latin-1", "shift_jis"])),
    ),
)
# --published values: ISO dates and date-times near and past the ends of the range, other ISO forms, and junk
DAYS = st.dates(min_value=EARLIEST, max_value=LATEST) | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
EDGES = st.sampled_from([EARLIEST, LATEST, EARLIEST - timedelta(days=1), LATEST + timedelta(days=1), date(1, 1, 1),
                         date(9999, 12, 31)])
ZONES = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)),
                         timezone(timedelta(hours=5, minutes=45))])
PUBLISHED = st.one_of(
    st.one_of(DAYS, EDGES).map(date.isoformat),
    st.one_of(DAYS, EDGES).map(lambda d: d.strftime("%Y%m%d")),
    st.one_of(DAYS, EDGES).map(lambda d: f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}-{d.isoweekday()}"),
    st.builds(datetime.combine, st.one_of(DAYS, EDGES), st.times(timezones=ZONES)).map(datetime.isoformat),
    st.one_of(DAYS, EDGES).map(lambda d: f"{d.isoformat()}T23:59:59-12:00"),
    st.one_of(DAYS, EDGES).map(lambda d: f"{d:%Y%m%d}T0000Z"),
    st.builds(lambda d, pad: f"{pad}{d.isoformat()}{pad}", st.one_of(DAYS, EDGES), st.sampled_from([" ", "\t", "\n"])),
    st.sampled_from(["", " ", "yesterday", "2031-02-30", "2031-13-01", "31/12/2031", "2031-05-06T25:00",
                     "2031-05-06T10:15:00+24:00", "２０３１-０５-０６", "2031-05-06\x00", "0000-00-00", "-2031-05-06",
                     "+2031-05-06", "2031-05-06T10:15:00.123456789Z", "2031-05-06 10:15"]),
    st.text(string.digits + "-:TZ+W. ", max_size=25),
    st.text(ANY_CHARACTER, max_size=25),
)


def _is_read(document: Document) -> None:
    """What every Document from ingest holds."""
    assert isinstance(document, Document)
    assert document.text and document.text == normalize_text(document.text)
    document.text.encode("utf-8")  # no lone surrogate: the store writes it as UTF-8
    assert document.outlet
    if document.published is not None:
        assert parse_published(document.published) is not None and not out_of_range(document.published)


# --- ingest ------------------------------------------------------------------------------------------

@budget(200)
@given(raw=RAW, published=st.one_of(st.none(), st.none(), st.none(), PUBLISHED),
       outlet=st.none() | st.text(ANY_CHARACTER, max_size=10))
def test_any_bytes_on_standard_input_read_as_a_document_or_refused_in_one_line(raw, published, outlet):
    try:
        document = read_source("-", outlet=outlet, published=published, stdin=io.BytesIO(raw))
    except InputError as exc:
        assert exc.source == "-" and exc.reason and "\n" not in exc.reason.strip()
        return
    _is_read(document)
    assert document.raw == raw


SUFFIXES = ["", ".txt", ".text", ".html", ".htm", ".xhtml", ".TXT", ".HTML", ".pdf", ".docx", ".txt.gz"]


@budget(80)
@given(raw=st.one_of(RAW, st.just(b"")), suffix=st.sampled_from(SUFFIXES), kind=st.sampled_from(["file", "missing",
                                                                                                     "directory"]))
def test_any_file_reads_as_a_document_or_is_refused_in_one_line(tmp_path_factory, raw, suffix, kind):
    path = tmp_path_factory.mktemp("source") / f"report{suffix}"
    if kind == "file":
        path.write_bytes(raw)
    elif kind == "directory":
        path.mkdir()
    try:
        document = read_source(str(path))
    except InputError as exc:
        assert exc.source == str(path) and exc.reason
        return
    assert kind == "file"
    _is_read(document)
    assert document.location == str(path.resolve())


@budget(80)
@given(raw=RAW, content_type=st.one_of(st.none(), st.sampled_from([
    "text/html", "text/html; charset=latin-1", "text/html; charset=nonsense", "TEXT/HTML;CHARSET=\"UTF-8\"",
    "text/plain", "application/xhtml+xml", "application/pdf", "image/png", "text/html; charset=", ";", ""]),
    st.text(ANY_CHARACTER, max_size=30)), not_modified=st.booleans())
def test_any_fetched_page_reads_as_a_document_or_is_refused_in_one_line(raw, content_type, not_modified):
    from storyline.ingest.fetch import Fetched

    fetched = Fetched(url="https://news.test/a", final_url="https://www.news.test/a?x=1", status=200,
                      not_modified=not_modified, content=b"" if not_modified else raw, content_type=content_type,
                      etag=None, last_modified=None, fetched_at=datetime.now(timezone.utc))
    try:
        document = fetched_document(fetched)
    except InputError as exc:
        assert exc.source == "https://news.test/a" and exc.reason
        return
    _is_read(document)
    assert document.url == "https://www.news.test/a?x=1"


# --- --published ---------------------------------------------------------------------------------------

@budget(300)
@given(value=PUBLISHED)
def test_published_values_are_in_range_iso_dates_or_refused(value):
    from storyline.adding import report_date

    parsed = parse_published(value)
    if parsed is not None:  # ISO, and read the same again
        assert parse_published(parsed) == parsed
        day = datetime.fromisoformat(parsed).date()
        assert out_of_range(parsed) == (not EARLIEST <= day <= LATEST)
    try:
        document = read_source("-", outlet="Gazette", published=value, stdin=io.BytesIO(b"A fire broke out."))
    except InputError as exc:
        assert "--published" in exc.reason
        assert parsed is None or out_of_range(parsed)
        return
    assert document.published == parsed and document.published_from == "option"
    assert EARLIEST <= report_date(document.published) <= LATEST  # the day extraction reads relative times from
    assert report_date(value) is None or isinstance(report_date(value), date)  # any stored value reads back


@budget(25)
@given(value=PUBLISHED)
def test_the_cli_refuses_a_bad_published_value_before_anything_is_stored(tmp_path_factory, value):
    from typer.testing import CliRunner

    from storyline.cli import app

    folder = tmp_path_factory.mktemp("cli")
    source = folder / "report.txt"
    source.write_text("Police said the pier was closed.")
    result = CliRunner().invoke(app, ["--db", str(folder / "s.db"), "add", str(source), "--story", "Pier",
                                      "--outlet", "Gazette", "--published", value])
    parsed = parse_published(value)
    if parsed is None or out_of_range(parsed):
        assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
        assert "--published" in result.output and "Traceback" not in result.output
        assert not (folder / "s.db").exists(), "refused up front, before the store is opened"
    else:
        assert result.exit_code == 0, result.output


# --- extraction ----------------------------------------------------------------------------------------

def _inside(span, text: str) -> bool:
    return span is None or 0 <= span[0] <= span[1] <= len(text)


@budget(60)
@given(text=TEXT, published=st.none() | st.dates(min_value=EARLIEST, max_value=LATEST))
def test_extraction_spans_lie_inside_the_text_and_equal_their_slices(text, published):
    from storyline.extract.pipeline import extract

    extraction = extract(text, published, "Lowmere Gazette")
    for mention in extraction.mentions:
        assert _inside((mention.start, mention.end), text) and text[mention.start:mention.end] == mention.text
        for span in (mention.sentence, mention.cue_span, mention.source.span, mention.flagged_by):
            assert _inside(span, text)
        assert mention.contests is None or 0 <= mention.contests < len(extraction.mentions)
    for figure in extraction.figures:
        assert _inside((figure.start, figure.end), text) and text[figure.start:figure.end] == figure.text
        assert figure.low <= figure.high
    for time in extraction.times:
        assert _inside((time.start, time.end), text) and text[time.start:time.end] == time.text
    for entity in extraction.entities:
        assert entity.name and all(_inside(span, text) for span in entity.spans)
    for event in extraction.events:
        assert _inside((event.start, event.end), text)
        assert event.mention is None or 0 <= event.mention < len(extraction.mentions)


@budget(200)
@given(text=st.text(st.sampled_from("ab. \n"), max_size=400), limit=st.integers(min_value=1, max_value=60))
def test_a_long_text_is_cut_into_pieces_that_join_back_exactly(text, limit):
    from storyline.extract.nlp import pieces

    cut = pieces(text, limit)
    assert "".join(cut) == text and all(len(piece) <= limit for piece in cut)
    assert all(cut[:-1]), "no empty piece but the last"


# --- the store -----------------------------------------------------------------------------------------

EARLIER = (
    ("LOWMERE (Lowmere Gazette) — A fire broke out on the ferry Solent Queen on Tuesday evening, the harbour "
     "authority said.\n\nCaptain Ilse Marrow said all 85 passengers had been evacuated safely.",
     "https://gazette.test/ferry", "Lowmere Gazette"),
    ("Coast Herald — Brightwater Lines said the crossing would resume on Friday. \u201cWe are sorry,\u201d it said.",
     "https://herald.test/ferry", "Coast Herald"),
)


def _stored(store, report_id: str) -> tuple:
    """What adding must never change about a stored report."""
    r = store.report(report_id, with_raw=True)
    return (r.story_id, r.version, r.location, r.outlet, r.title, r.published_at, r.sha256, r.text, r.raw,
            r.previous_id, r.content_type)


def _mentions(report) -> list[tuple]:
    return [(m.start, m.end, m.text, m.status, m.source.name) for m in report.extraction.mentions]


def test_adding_any_text_never_changes_the_reports_stored_before(tmp_path):
    from storyline.adding import add_document
    from storyline.store import open_store

    with open_store(str(tmp_path / "fuzz.db")) as store:
        for text, location, outlet in EARLIER:
            doc = Document(text=text, raw=text.encode(), content_type="text/plain", location=location, outlet=outlet,
                           published="2031-05-06")
            assert add_document(store, "Ferry fire", doc).error is None
        first = {r.id: (_stored(store, r.id), _mentions(r)) for r in store.reports("Ferry fire")}
        kept = {report_id: row for report_id, (row, _) in first.items()}  # every report stored so far

        @budget(40)
        @given(text=TEXT.map(normalize_text).filter(bool),
               story=st.sampled_from(["Ferry fire", "Pier", "ferry-fire", "Ferry  fire", "F\u00e4hre"])
               | st.text(ANY_CHARACTER, min_size=1, max_size=20),
               location=st.sampled_from(["https://gazette.test/ferry", "https://herald.test/ferry", "-"])
               | st.text(ANY_CHARACTER, min_size=1, max_size=30),
               outlet=st.text(ANY_CHARACTER, min_size=1, max_size=20),
               title=st.none() | st.text(ANY_CHARACTER, max_size=30),
               extract=st.integers(min_value=0, max_value=4))
        def add(text, story, location, outlet, title, extract):
            doc = Document(text=text, raw=text.encode("utf-8"), content_type="text/plain", location=location,
                           outlet=outlet, title=title)
            if extract == 0:  # the whole path, extraction (spaCy) included, for one add in five
                added = add_document(store, story, doc)
                assert added.error is None, added.error
            else:  # the rest store the report only
                added = store.add_document(story, doc)
            row = _stored(store, added.report_id)
            assert row[7:9] == (text, doc.raw)
            if added.outcome == "unchanged":  # the same text is in the story already (at any location)
                assert kept[added.report_id] == row
            else:
                assert added.report_id not in kept and row[2:5] == (location, outlet, title)
                kept[added.report_id] = row
            for report_id, row in kept.items():
                assert _stored(store, report_id) == row, report_id
            for report_id, (_, extraction) in first.items():  # extracted before: its extraction stays
                assert _mentions(store.report(report_id)) == extraction

        add()


# --- the API against its OpenAPI spec (schemathesis) ----------------------------------------------------

schemathesis = pytest.importorskip("schemathesis", reason="the API fuzz tests need schemathesis")
pytest.importorskip("fastapi", reason="the web desk needs FastAPI")

from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.core.failures import FailureGroup  # noqa: E402
from schemathesis.generation.modes import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from storyline.store.schema import RATINGS  # noqa: E402

STORY, SID = "Ferry fire", "ferry-fire"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The desk over a store with a small story, an editor's token, and the story's claim and report ids."""
    from fastapi.testclient import TestClient

    from storyline.adding import add_document
    from storyline.store import open_store
    from storyline.web.app import create_app

    path = tmp_path_factory.mktemp("desk") / "desk.db"
    with open_store(str(path)) as store:
        for text, location, outlet in EARLIER:
            doc = Document(text=text, raw=text.encode(), content_type="text/plain", location=location, outlet=outlet,
                           published="2031-05-06T19:00:00+00:00")
            assert add_document(store, STORY, doc).error is None
        token = store.create_token("Ana Example", at=datetime.now(timezone.utc))
    app = create_app(str(path))
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(app) as client:  # ids the fuzzer cannot guess, so that it reaches past the 404s
        claims = [c["id"] for c in client.get(f"/api/stories/{SID}/claims").json()]
        reports = [r["id"] for r in client.get(f"/api/stories/{SID}/reports").json()]
        assert claims and reports
        for claim in claims:  # verdicts, for DELETE to remove
            assert client.put(f"/api/stories/{SID}/claims/{claim}/verdict", json={"rating": RATINGS[0]},
                              headers=auth).status_code == 200
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
        yield schema, auth, {"story": [SID, STORY], "claim_id": claims, "report_id": reports}


def _operations() -> list[tuple[str, GenerationMode]]:
    """Each operation of the API's spec (its routes alone, in a bare app: no store needed to list them) with
    each mode that has cases: a negative one needs something that can be invalid, a body or a parameter that
    is not any string (a story's name is any string: no request is a wrong one there)."""
    from fastapi import FastAPI

    from storyline.web.api import router

    bare = FastAPI()
    bare.include_router(router)
    found = []
    for path, methods in bare.openapi()["paths"].items():
        for method, operation in methods.items():
            label = f"{method.upper()} {path}"
            found.append((label, GenerationMode.POSITIVE))
            typed = [p for p in operation.get("parameters", []) if p["schema"].get("type") != "string"
                     and {"type": "string"} not in p["schema"].get("anyOf", [])]
            if typed or "requestBody" in operation:
                found.append((label, GenerationMode.NEGATIVE))
    return sorted(found)


# bodies that get past the first refusals: a report with text and an outlet (the spec cannot say "text or url,
# not both", so few of the fuzzer's own bodies are added)
BODIES = {"POST /api/stories/{story}/reports": st.fixed_dictionaries(
    {"text": st.one_of(TEXT, HTML), "outlet": st.text(ANY_CHARACTER, min_size=1, max_size=20)},
    optional={"published": PUBLISHED, "title": st.none() | st.text(ANY_CHARACTER, max_size=30),
              "location": st.none() | st.text(ANY_CHARACTER, max_size=30)})}

# the statuses, content types and bodies must be those the spec documents; a wrong request must be refused with
# a 4xx, never crash. (Whether a malformed request gets exactly a 4xx is not checked: a path segment such as a
# story name is any string, so many "negative" cases are valid requests.)
CHECKS = {GenerationMode.POSITIVE: [not_a_server_error, status_code_conformance, content_type_conformance,
                                    response_schema_conformance],
          GenerationMode.NEGATIVE: [not_a_server_error, status_code_conformance, content_type_conformance]}


@pytest.mark.parametrize(("label", "mode"), _operations(), ids=lambda x: getattr(x, "value", x))
def test_the_api_answers_every_request_as_its_spec_says_and_never_with_a_5xx(desk, label, mode):
    schema, auth, known = desk
    method, path = label.split(" ", 1)
    strategy = schema[path][method].as_strategy(mode)

    body = BODIES.get(label) if mode is GenerationMode.POSITIVE else None

    @budget(40 if body is not None else 20)
    @given(case=strategy, pick=st.tuples(*(st.sampled_from([*ids, None]) for ids in known.values())),
           body=st.none() if body is None else body | st.none())
    def request(case, pick, body):
        for name, chosen in zip(known, pick):  # mostly the real story, claim or report; else the fuzzer's
            if chosen is not None and case.path_parameters and name in case.path_parameters:
                case.path_parameters[name] = chosen
        if body is not None:
            case.body = body
        # a long report on a busy machine may take longer than the client's 10 s default: slow is no failure
        case.call_and_validate(headers=auth, checks=CHECKS[mode], timeout=120)

    try:
        request()
    except FailureGroup as exc:  # schemathesis's report: the failures, the answer, and a curl command
        pytest.fail(f"{label} ({mode.value}):\n{exc}", pytrace=False)


def test_the_fuzzed_operations_are_those_of_the_desk(desk):
    schema = desk[0]
    assert sorted(result.ok().label for result in schema.get_all_operations()) == sorted(
        {label for label, _ in _operations()})
