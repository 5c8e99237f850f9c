"""The ledger as one self-contained HTML page (`storyline export --format html`): claims, the timeline by day,
entities, figures and changes. Every piece of report text is escaped, without control characters or escape
sequences; the page runs no script."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .tables import claim_sources, timeline_days
from .terminal import printable_tree


@cache
def _template():
    env = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                      autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("ledger.html")


def ledger_html(ledger: dict) -> str:
    """The page for ``ledger`` (a dict in the shape of ledger.schema.json); control characters and escape
    sequences in its text are left out."""
    ledger = printable_tree(ledger)
    return _template().render(**ledger, days=timeline_days(ledger), sources=claim_sources)
