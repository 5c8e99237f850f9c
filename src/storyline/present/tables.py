"""Terminal views of the ledger: Rich tables in a terminal, tab-separated lines when piped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .terminal import printable

STATUS_STYLE = {
    "asserted": "white", "reported": "cyan", "unverified": "yellow", "disputed": "magenta",
    "denied": "red", "confirmed": "green", "hypothetical": "blue", "corroborated": "bold green",
}


def print_rows(console: Console, title: str, columns: list[str], rows: Iterable[list[str | Text]]) -> None:
    """A Rich table when the console is a terminal, else a header line and tab-separated rows, printed as
    they come (a long story's claims are never all held).

    Cells are report text, which is untrusted: plain strings are shown as they are, never read as markup, and
    without control characters or escape sequences (:func:`printable`)."""
    if console.is_terminal:
        table = Table(title=Text(printable(title, keep_lines=False), style="italic"), show_lines=False, expand=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*map(_cell, row))
        console.print(table)
        return
    print("\t".join(columns))
    for row in rows:
        print("\t".join(" ".join(printable(str(cell), keep_lines=False).split()) for cell in row))


def _cell(cell: str | Text) -> Text:
    """A table cell as Rich text, never read as markup, without control characters or escape sequences (a
    ``Text`` made of report words must be made of ``printable`` words: Rich drops a BEL itself, which would
    leave the rest of an OSC sequence to be read as text)."""
    if isinstance(cell, Text):
        plain = printable(cell.plain)
        return cell if plain == cell.plain else Text(plain, style=cell.style)
    return Text(printable(cell))


def _status(status: str) -> Text:
    return Text(status, style=STATUS_STYLE.get(status, "white"))


def claim_sources(claim: dict) -> str:
    """Who supports the claim; when no one does (a denial, a dispute), who states it."""
    names = claim["supported_by"] or [m["source"]["name"] for m in claim["mentions"]]
    return ", ".join(dict.fromkeys(names))


def check_score(claim: dict) -> str:
    """The claim's check-worthiness as two decimals, or empty when it has none."""
    score = claim.get("checkworthiness")
    return "" if score is None else f"{score:.2f}"


def outlet_count(claim: dict) -> str:
    """Independent outlets, and how many copies of another outlet's report carry the claim besides."""
    copies = sum(1 for c in claim.get("carried_by", []) if c.get("copy_of_outlet"))
    return f"{claim['outlets']} (+{copies} {'copy' if copies == 1 else 'copies'})" if copies else str(claim["outlets"])


def claim_conflicts(claim: dict) -> str:
    """The claim's figure and date conflicts: "figure conflict (people killed): 12 (A) vs 40 (B)"."""
    return "; ".join(
        f"{c['kind'].replace('_', ' ')} ({c['about']}): "
        + " vs ".join(f"{v['text']} ({v['outlet']})" for v in c["values"])
        for c in claim.get("conflicts", [])
    )


def claims_rows(ledger: dict) -> Iterator[list[str | Text]]:
    """One row per claim not withdrawn; ``ledger["claims"]`` may be any iterable (read as it is printed)."""
    for claim in ledger["claims"]:
        if claim.get("withdrawn"):
            continue
        sources = claim_sources(claim)
        contested = ", ".join(dict.fromkeys(f"{c['source']} {c['relation']}" for c in claim["contested_by"]))
        conflicts = claim_conflicts(claim)
        yield [_status(claim["status"]), claim["text"], sources, outlet_count(claim), contested,
               Text(printable(conflicts), style="bold red") if conflicts else "", check_score(claim)]


def print_claims(console: Console, ledger: dict) -> None:
    print_rows(console, f"Claims — {ledger['story']['title']}",
               ["status", "claim", "sources", "outlets", "contested by", "conflicts", "check"], claims_rows(ledger))


def print_entities(console: Console, ledger: dict) -> None:
    rows = [[e["name"], e["type"], ", ".join(e["aliases"]), "; ".join(e.get("roles", [])), str(e["mentions"])]
            for e in ledger["entities"]]
    print_rows(console, "Entities", ["name", "type", "aliases", "roles", "mentions"], rows)


def print_figures(console: Console, ledger: dict) -> None:
    rows = [[f["text"], f"{f['low']:g}", f"{f['high']:g}", f["unit"] or ""] for f in ledger["figures"]]
    print_rows(console, "Figures", ["figure", "low", "high", "unit"], rows)


def timeline_days(ledger: dict) -> list[tuple[str, list[dict]]]:
    """The timeline's events grouped by day, in order; events with a longer or unknown time get their own
    group ("2025-01", "2025-W12", "undated")."""
    days: dict[str, list[dict]] = {}
    for event in ledger["events"]:
        value = event["time"]["value"]
        key = value[:10] if value and len(value) >= 10 else (value or "undated")
        days.setdefault(key, []).append(event)
    return list(days.items())


def print_timeline(console: Console, ledger: dict) -> None:
    """The timeline by day: the time within the day (or the part of day), the words used, the event, its
    status and how many outlets report it."""
    columns = ["day", "time", "as written", "event", "status", "outlets"]
    groups = timeline_days(ledger)

    def row(day: str, event: dict) -> list:
        time = event["time"]
        within = time["value"][11:16] if time["precision"] in ("minute", "hour") else (
            time.get("part_of_day") or ("" if time["precision"] == "day" else time["precision"]))
        return [day, within, time["text"], event["description"], _status(event["status"]),
                str(event.get("outlets", 1))]

    if not console.is_terminal:
        print_rows(console, "Timeline", columns, [row(day, e) for day, events in groups for e in events])
        return
    table = Table(title=Text("Timeline", style="italic"))
    for column in columns:
        table.add_column(column, overflow="fold")
    for day, events in groups:
        for i, event in enumerate(events):
            cells = row(day if i == 0 else "", event)
            table.add_row(*map(_cell, cells), end_section=i == len(events) - 1)
    console.print(table)


def print_changes(console: Console, ledger: dict, changes: list[dict] | None = None) -> None:
    """The change log, or the part of it given."""
    outlets = {r["id"]: r["outlet"] for r in ledger["reports"]}
    rows = [[c["at"] or "?", c["kind"], outlets.get(c["report"], ""), c.get("detail") or ""]
            for c in (ledger["changes"] if changes is None else changes)]
    print_rows(console, "Changes", ["at", "kind", "outlet", "detail"], rows)


def print_watch_status(console: Console, watches: list, now) -> None:
    """What a story follows: each feed and URL, its last check and when the next is due."""
    from ..watch.schedule import FEED_INTERVAL, check_interval, describe_interval

    rows = []
    for w in watches:
        if w.kind == "feed":
            every = describe_interval((w.next_check - w.last_checked).total_seconds() if w.last_checked
                                      else FEED_INTERVAL)
        else:
            every = describe_interval(check_interval(((now - (w.last_changed or w.added_at)).total_seconds()),
                                                     w.failures))
        due = "now" if w.next_check <= now else w.next_check.isoformat(timespec="seconds")
        rows.append([w.kind, w.url, _when(w.last_checked), w.last_outcome or "", _when(w.last_changed), due, every,
                     str(w.failures), w.last_detail or ""])
    print_rows(console, "Watching", ["kind", "url", "checked", "outcome", "changed", "next", "schedule", "failures",
                                     "detail"], rows)


def _when(at) -> str:
    return at.isoformat(timespec="seconds") if at else ""


def print_check(console: Console, check) -> None:
    """One line per check of a feed or URL (on stderr while watching)."""
    style = {"failed": "red", "new": "green", "revision": "yellow"}.get(check.outcome, "dim")
    detail = printable(f"  {check.detail}", keep_lines=False) if check.detail else ""
    line = Text.assemble((f"{check.outcome:>12} ", style), (printable(check.url, keep_lines=False), ""), (detail, "dim"))
    console.print(line, highlight=False, soft_wrap=True)
