"""HTML → article text and metadata, through trafilatura.

trafilatura (with lxml) is imported by ``extract_article`` only: reading a plain-text file, and every command
that merely imports ingest (the store does, for ``sha256_of``), stays clear of it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


@dataclass
class Article:
    """What trafilatura found in a page: main text (paragraphs on their own lines) and metadata."""

    text: str
    title: str | None
    author: str | None
    date: str | None  # YYYY-MM-DD from the page's metadata
    url: str | None  # canonical URL the page declares
    sitename: str | None = None  # the site's name (og:site_name and the like): the outlet


def looks_like_html(raw: bytes) -> bool:
    """True when the bytes open like an HTML document (doctype, <html>, <head> or <body>).

    A BOM, an XML declaration and comments before it are skipped.
    """
    head = raw[:4096].removeprefix(codecs.BOM_UTF8).lstrip()
    while head.startswith((b"<!--", b"<?xml")):
        end = head.find(b"-->" if head.startswith(b"<!--") else b"?>")
        if end < 0:
            return False
        head = head[end:].split(b">", 1)[1].lstrip()
    return _HTML_START.match(head) is not None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> or XML declaration near its start, if Python knows it."""
    match = _DECLARED_CHARSET.search(raw[:4096])
    if match is None:
        return None
    name = (match[1] or match[2]).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def extract_article(html: str) -> Article | None:
    """Main text, title, author, date and canonical URL of a page; None when no text is found.

    Navigation, cookie banners, comments and footers are dropped. The date comes only from the
    page's metadata (meta tags, JSON-LD, <time>), not from a search of the free text.
    """
    import trafilatura

    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input with an encoding
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": date.today().isoformat(),
        },
    )
    if result is None or not result.text:
        return None
    return Article(
        text=result.text,
        title=result.title or None,
        author=result.author or None,
        date=result.date or None,
        url=result.url or None,
        sitename=result.sitename or None,
    )
