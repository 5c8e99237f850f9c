"""Read one source (a text or HTML file, or standard input) into a ``Document``."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from storyline.errors import InputError
from storyline.ingest.html import declared_charset, extract_article, looks_like_html
from storyline.ingest.normalize import normalize_text, word_count
from storyline.ingest.outlets import outlet_in_text, unknown_outlet
from storyline.ingest.report_date import EARLIEST, LATEST, date_from_text, out_of_range, parse_published
from storyline.model import Document

if TYPE_CHECKING:
    from storyline.ingest.fetch import Fetched

MAX_BYTES = 10 * 1024 * 1024  # refuse anything larger, before reading it
MIN_ARTICLE_WORDS = 20  # less text than this from an HTML page means no article was found
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
HTML_TYPES = ("text/html", "application/xhtml+xml")

_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"


def read_source(
    source: str,
    outlet: str | None = None,
    published: str | None = None,
    stdin: BinaryIO | None = None,
) -> Document:
    """Read a ``.txt``/``.html`` file, or ``-`` for standard input, into a ``Document``.

    ``outlet`` defaults to the site name in an HTML page's metadata, else the agency in the report's wire
    dateline or the outlet in its byline (see :func:`outlet_in_text`), else "unknown outlet (FILE NAME)"
    ("unknown outlet (stdin)"); ``outlet_from`` says which ("option", "metadata", "dateline", "byline" or
    None for unknown). The report date is ``published`` if given, else the page's metadata date, else
    the date the text gives itself on a date line, a "Published …" line or a dateline (see
    :func:`date_from_text`), else None. Raises ``InputError``
    naming the source and the problem for anything that cannot be read as a report.
    """
    if source.startswith(("http://", "https://")):
        raise InputError(source, "fetching URLs is not supported yet; save the page and add the file")
    option_date = _checked_published(source, published)
    if source == "-":
        raw = _read_stream(source, stdin if stdin is not None else sys.stdin.buffer)
        location, name, suffix = "-", "stdin", ""
    else:
        path = Path(source)
        raw = _read_file(source, path)
        location, name, suffix = str(path.resolve()), path.name, path.suffix.lower()
    _check_content(source, raw)
    if suffix in HTML_SUFFIXES or looks_like_html(raw):
        document = _html_document(source, raw, location)
    else:
        document = _text_document(source, raw, location)
    _set_outlet(document, outlet, unknown_outlet(name))
    return _dated(document, option_date)


def fetched_document(fetched: Fetched, outlet: str | None = None, published: str | None = None) -> Document:
    """A fetched page (``storyline add URL``, the watch loop) as a ``Document``.

    ``location`` is the requested URL (what identifies the article across revisions), ``url`` the
    URL after redirects; ``outlet`` defaults to the site name in the page's metadata, else the final host
    without "www." (``outlet_from`` "metadata" or "host"). HTML and plain text
    take the same checks and paths as files; the report date is found as in :func:`read_source`.
    Raises ``InputError`` naming the URL for a 304 (no content) or anything that is not a report.
    """
    source = fetched.url
    option_date = _checked_published(source, published)
    if fetched.not_modified:
        raise InputError(source, "was not modified since it was last fetched (HTTP 304); there is no text")
    raw = fetched.content
    _check_content(source, raw)
    media_type, _, parameters = (fetched.content_type or "").partition(";")
    media_type = media_type.strip().lower()
    if media_type in HTML_TYPES or looks_like_html(raw):
        document = _html_document(source, raw, fetched.url, _header_charset(parameters))
    elif media_type in ("", "text/plain"):
        document = _text_document(source, raw, fetched.url)
    else:
        raise InputError(source, f"is {media_type}, not text or HTML")
    document.url = fetched.final_url
    host = urlsplit(fetched.final_url).hostname or ""
    if outlet:
        document.outlet, document.outlet_from = outlet, "option"
    elif document.outlet:
        document.outlet_from = "metadata"
    else:  # the host names the site the page came from; a dateline's agency may only be the wire it copies
        document.outlet, document.outlet_from = host.removeprefix("www."), "host"
    return _dated(document, option_date)


def _set_outlet(document: Document, option: str | None, unknown: str) -> None:
    """The outlet: the option, else the page's site name, else the report's dateline or byline, else
    ``unknown`` (with ``outlet_from`` None)."""
    if option:
        document.outlet, document.outlet_from = option, "option"
    elif document.outlet:
        document.outlet_from = "metadata"
    else:
        found = outlet_in_text(document.text)
        document.outlet, document.outlet_from = found if found else (unknown, None)


def _dated(document: Document, option_date: str | None) -> Document:
    """Set the report date: the option, else the page's metadata, else the text's own date line (a date out of
    range in the page or the text is none: the option's was refused already)."""
    if option_date is not None:
        document.published, document.published_from = option_date, "option"
        return document
    if document.published is not None and out_of_range(document.published):  # a page's "0001-01-01" is no date
        document.published, document.published_from = None, None
    if document.published is None:
        text_date = date_from_text(document.text)
        if text_date is not None and not out_of_range(text_date):
            document.published, document.published_from = text_date, "text"
    return document


def _header_charset(parameters: str) -> str | None:
    """The charset named in a Content-Type header's parameters, if Python knows it."""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip('"')).name
            except LookupError:
                return None
    return None


def _checked_published(source: str, published: str | None) -> str | None:
    if published is None:
        return None
    value = parse_published(published)
    if value is None:
        raise InputError(
            source, f"--published value {published!r} is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
        )
    if out_of_range(value):
        raise InputError(source, f"--published value {published!r} is out of range: {published_range()}")
    return value


def published_range() -> str:
    """What :func:`_checked_published` accepts, said to the user."""
    return f"give a date from {EARLIEST.isoformat()} to {LATEST.isoformat()}"


def _read_file(source: str, path: Path) -> bytes:
    """The file's bytes, after checking it exists, is a file, has a known type and fits the cap."""
    suffix = path.suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(source, f"unsupported file type {suffix!r} (expected .txt, .html or .htm)")
    try:
        if path.is_dir():
            raise InputError(source, "is a directory, not a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            limit = _megabytes(MAX_BYTES)
            raise InputError(source, f"file is too large ({_megabytes(size)}; the limit is {limit})")
        with path.open("rb") as stream:
            return _read_stream(source, stream)
    except FileNotFoundError:
        raise InputError(source, "file does not exist") from None
    except PermissionError:
        raise InputError(source, "file cannot be read (permission denied)") from None
    except OSError as error:
        raise InputError(source, f"file cannot be read ({error.strerror or error})") from None


def _read_stream(source: str, stream: BinaryIO) -> bytes:
    """At most ``MAX_BYTES`` from the stream; more than that is refused without reading it all."""
    raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError(source, f"input is too large (more than {_megabytes(MAX_BYTES)})")
    return raw


def _check_content(source: str, raw: bytes) -> None:
    """Refuse empty input and binary data (known signatures, NUL bytes, many control bytes)."""
    if not raw:
        raise InputError(source, "is empty")
    for signature, kind in _SIGNATURES.items():
        if raw.startswith(signature):
            raise InputError(source, f"is binary ({kind}), not text or HTML")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(source, "is UTF-16 text; only UTF-8 is supported")
    if b"\x00" in raw:
        raise InputError(source, "is binary (contains NUL bytes), not text or HTML")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > 0.05 * len(raw):
        raise InputError(source, f"is binary ({controls} control bytes in {len(raw)}), not text or HTML")


def _text_document(source: str, raw: bytes, location: str) -> Document:
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            source, f"is not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None
    text = normalize_text(decoded)
    if not text:
        raise InputError(source, "contains only whitespace")
    return Document(text=text, raw=raw, content_type="text/plain", location=location, outlet="")


def _html_document(source: str, raw: bytes, location: str, charset: str | None = None) -> Document:
    article = extract_article(_decode_html(source, raw, charset))
    text = normalize_text(article.text) if article else ""
    words = word_count(text)
    if article is None or words < MIN_ARTICLE_WORDS:
        raise InputError(source, f"no article text found in the HTML ({words} words extracted)")
    return Document(
        text=text,
        raw=raw,
        content_type="text/html",
        location=location,
        outlet=(article.sitename or "").strip(),  # the site's name, when the page gives one
        title=article.title,
        author=article.author,
        published=article.date,
        published_from="metadata" if article.date else None,
        url=article.url,
    )


def _decode_html(source: str, raw: bytes, charset: str | None = None) -> str:
    """UTF-8 (with or without BOM), else ``charset`` (from HTTP), else the charset the page declares."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        charset = charset or declared_charset(raw)
        if charset is None:
            raise InputError(
                source,
                f"is not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}) "
                "and declares no known charset",
            ) from None
    try:
        return raw.decode(charset)
    except UnicodeDecodeError as error:
        raise InputError(
            source,
            f"is not valid {charset} as it declares (byte 0x{raw[error.start]:02x} at offset {error.start})",
        ) from None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
