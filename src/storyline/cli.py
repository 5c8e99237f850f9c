"""The ``storyline`` command line."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .adding import add_document, rerun_extraction
from .errors import StorylineError
from .ledger.from_store import story_ledger
from .present import tables
from .present.markdown import ledger_markdown
from .store import Store, open_store

app = typer.Typer(
    help="Follow a breaking news story: who claims what, how each report presents it, and what changed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score the extractors on gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

console = Console()
errors = Console(stderr=True)

StoryOption = Annotated[Optional[str], typer.Option("--story", "-s", help="Story name (default: the only story).")]


class State:
    db: str | None = None


state = State()


@app.callback()
def main(
    db: Annotated[Optional[str], typer.Option(
        "--db", envvar="STORYLINE_DB",
        help="SQLite path or SQLAlchemy URL (postgresql://…). Default: storyline.db in the user data directory.",
    )] = None,
) -> None:
    state.db = db


def fail(message: str) -> typer.Exit:
    errors.print(f"[red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def opened() -> Store:
    try:
        return open_store(state.db)
    except StorylineError as exc:
        raise fail(str(exc))


def pick_story(store: Store, story: str | None) -> str:
    """The named story, or the only one in the store."""
    if story is not None:
        if store.story(story) is None:
            raise fail(f"no story named {story!r} (see `storyline stories`)")
        return story
    names = [s.name for s in store.stories()]
    if len(names) == 1:
        return names[0]
    raise fail("name a story with --story" + (f" (one of: {', '.join(names)})" if names else ": the store has none"))


class NoProgress:
    """Stands in for a progress bar when there is one item: messages go straight to stderr."""

    console = errors

    def add_task(self, *_args, **_kwargs) -> int:
        return 0

    def advance(self, _task: int) -> None:
        pass


def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=errors, transient=True)


@app.command()
def add(
    sources: Annotated[list[str], typer.Argument(help="Text or HTML files, or - for standard input.")],
    story: Annotated[str, typer.Option("--story", "-s", help="Story to add to (created if new).")],
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name (default: the file's name).")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date, ISO 8601.")] = None,
) -> None:
    """Add reports to a story: each new text is stored, then its claims are extracted."""
    from .ingest import read_source

    store = opened()
    failed = 0
    with progress_bar() if len(sources) > 1 else nullcontext(NoProgress()) as progress:
        task = progress.add_task("adding", total=len(sources))
        for source in sources:
            try:
                doc = read_source(source, outlet=outlet, published=published)
                added = add_document(store, story, doc)
            except StorylineError as exc:
                failed += 1
                progress.console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
            else:
                line = f"{source}: {added.outcome} report {added.report_id} (version {added.version})"
                if added.error:
                    failed += 1
                    line += f"; extraction failed, stored for a re-run: {added.error}"
                progress.console.print(line, highlight=False, soft_wrap=True, markup=False)
            progress.advance(task)
    if failed:
        raise typer.Exit(1)


@app.command()
def extract(
    story: StoryOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Re-extract every report, not only failed ones.")] = False,
) -> None:
    """Run extraction again for reports whose extraction is pending or failed."""
    store = opened()
    name = pick_story(store, story)
    done = rerun_extraction(store, name, everything)
    for item in done:
        errors.print(f"{item.location}: report {item.report_id} " + (f"failed: {item.error}" if item.error else "extracted"),
                     highlight=False, soft_wrap=True, markup=False)
    if any(item.error for item in done):
        raise typer.Exit(1)


@app.command()
def export(
    story: StoryOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json or markdown.")] = "json",
    with_text: Annotated[bool, typer.Option("--with-text", help="Include every report's text.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Export the story's ledger (JSON follows ledger.schema.json)."""
    if format not in ("json", "markdown"):
        raise fail(f"--format {format!r}: choose json or markdown")
    store = opened()
    ledger = story_ledger(store, pick_story(store, story), with_text)
    text = json.dumps(ledger, ensure_ascii=False, indent=2) + "\n" if format == "json" else ledger_markdown(ledger)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _view(story: str | None, show) -> None:
    store = opened()
    show(console, story_ledger(store, pick_story(store, story)))


@app.command()
def claims(story: StoryOption = None) -> None:
    """The story's claims with status, sources, outlets and who contests them."""
    _view(story, tables.print_claims)


@app.command()
def entities(story: StoryOption = None) -> None:
    """People, organisations and places with aliases and roles."""
    _view(story, tables.print_entities)


@app.command()
def figures(story: StoryOption = None) -> None:
    """The figures quoted, with ranges and units."""
    _view(story, tables.print_figures)


@app.command()
def timeline(story: StoryOption = None) -> None:
    """Dated events, earliest first."""
    _view(story, tables.print_timeline)


@app.command()
def changes(story: StoryOption = None) -> None:
    """The story's change log, oldest first."""
    _view(story, tables.print_changes)


@app.command()
def stories() -> None:
    """Every story in the store."""
    rows = [[s.name, s.id, str(s.report_count), s.created_at.isoformat(timespec="seconds")] for s in opened().stories()]
    tables.print_rows(console, "Stories", ["name", "id", "reports", "created"], rows)


@app.command()
def demo(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Where to write the JSON export.")] = None,
) -> None:
    """Load the bundled example story into a fresh store (or --db) and show its ledger."""
    from .demo import run_demo

    try:
        run_demo(state.db, output, console, errors, progress_bar)
    except StorylineError as exc:
        raise fail(str(exc))


@eval_app.command("attribution")
def eval_attribution(
    path: Annotated[Path, typer.Argument(help="A PolNeAR split folder (text/, attributions/).")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Source, cue and content P/R/F1 on a PolNeAR split."""
    from .eval.attribution import evaluate_attribution

    if not (path / "text").is_dir() or not (path / "attributions").is_dir():
        raise fail(f"{path}: not a PolNeAR split folder (needs text/ and attributions/)")
    print(json.dumps(evaluate_attribution(path, limit=limit)))


@eval_app.command("hedging")
def eval_hedging(
    path: Annotated[Path, typer.Argument(help="A folder of *_certain_sentences.txt and *_uncertain_sentences.txt.")],
    limit: Annotated[Optional[int], typer.Option(help="Read at most N sentences of each class.")] = None,
) -> None:
    """Precision, recall and F1 of the uncertain class: a sentence is uncertain when storyline finds a hedge."""
    from .eval.hedging import evaluate_hedging

    if not path.is_dir() or not any(path.glob("*_uncertain_sentences.txt")):
        raise fail(f"{path}: not a folder of *_certain_sentences.txt / *_uncertain_sentences.txt files")
    print(json.dumps(evaluate_hedging(path, limit=limit)))


@eval_app.command("factuality")
def eval_factuality(
    path: Annotated[Path, typer.Argument(help="A JSONL file: tokenized text, targets with span1 and label.")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N sentences.")] = None,
) -> None:
    """Pearson r and mean absolute error of storyline's factuality score against gold labels in [-3, +3]."""
    from .eval.factuality import evaluate_factuality

    if not path.is_file():
        raise fail(f"{path}: no such JSONL file")
    print(json.dumps(evaluate_factuality(path, limit=limit)))
