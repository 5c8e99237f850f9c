"""The ledger as a Markdown document, for pasting into a newsroom channel or a wiki (its text without control
characters or escape sequences)."""

from __future__ import annotations

from .tables import check_score, claim_conflicts, claim_sources, outlet_count, timeline_days
from .terminal import printable_tree


def _cell(text: object) -> str:
    return " ".join(str(text if text is not None else "").split()).replace("|", "\\|")


def ledger_markdown(ledger: dict) -> str:
    ledger = printable_tree(ledger)
    story = ledger["story"]
    lines = [f"# {story['title']}", ""]
    state = "developing" if story["developing"] else "not marked developing"
    lines += [f"{story['report_count']} reports from {story['outlet_count']} outlets, {state}; "
              f"first seen {story['first_seen'] or 'unknown'}, last updated {story['last_updated'] or 'unknown'}.", ""]
    lines += ["## Claims", "", "| status | flags | claim | sources | outlets | contested by | conflicts | check |",
              "|---|---|---|---|---|---|---|---|"]
    for claim in ledger["claims"]:
        if claim.get("withdrawn"):
            continue
        contested = "; ".join(f"{c['source']} ({c['relation']})" for c in claim["contested_by"])
        lines.append(f"| {claim['status']} | {', '.join(claim['flags'])} | {_cell(claim['text'])} | "
                     f"{_cell(claim_sources(claim))} | {outlet_count(claim)} | {_cell(contested)} | "
                     f"{_cell(claim_conflicts(claim))} | {check_score(claim)} |")
    lines += ["", "## Timeline"]
    for day, events in timeline_days(ledger):
        lines += ["", f"### {day}", ""]
        for event in events:
            when = event["time"]["value"] or "?"
            outlets = event.get("outlets", 1)
            lines.append(f"- **{when}** ({_cell(event['time']['text'])}): {_cell(event['description'])} — "
                         f"{event['status']}" + (f", {outlets} outlets" if outlets > 1 else ""))
    lines += ["", "## Entities", "", "| name | type | aliases | roles | mentions |", "|---|---|---|---|---|"]
    for entity in ledger["entities"]:
        lines.append(f"| {_cell(entity['name'])} | {entity['type']} | {_cell(', '.join(entity['aliases']))} | "
                     f"{_cell('; '.join(entity.get('roles', [])))} | {entity['mentions']} |")
    lines += ["", "## Figures", "", "| figure | low | high | unit |", "|---|---|---|---|"]
    for figure in ledger["figures"]:
        lines.append(f"| {_cell(figure['text'])} | {figure['low']:g} | {figure['high']:g} | {_cell(figure['unit'])} |")
    lines += ["", "## Changes", ""]
    for change in ledger["changes"]:
        lines.append(f"- {change['at'] or '?'} · {change['kind']} · {_cell(change.get('detail', ''))}")
    return "\n".join(lines) + "\n"
