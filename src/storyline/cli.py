"""The ``storyline`` command line.

Each command imports the parts it runs inside its body, so that ``storyline --help`` loads only Typer and
Rich, and the read-only commands (``claims``, ``export`` …) only the store and the ledger: never spaCy, the
extractors' models or the sentence encoder, which ``add``, ``extract`` and ``watch`` need
(tests/test_startup_imports.py checks this).
"""

from __future__ import annotations

import json
import shlex
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from .errors import StorylineError, without_credentials
from .present import tables
from .present.terminal import printable

if TYPE_CHECKING:
    from .store import Store

app = typer.Typer(
    help="Follow a breaking news story: who claims what, how each report presents it, and what changed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score the extractors on gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(
    help="Train a model from gold data into the user's models directory, where extraction picks it up.",
    no_args_is_help=True,
)
app.add_typer(train_app, name="train")

console = Console()
errors = Console(stderr=True)

StoryOption = Annotated[Optional[str], typer.Option("--story", "-s", help=(
    "Story name or id (default: the only story, else the one updated last)."))]


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
    say_error(errors, message)
    return typer.Exit(1)


def say_error(out: Console, message: str) -> None:
    """``error: MESSAGE`` on one line, without a database URL's password, control characters or escape
    sequences (a message may quote a file name, a page or a server's words)."""
    out.print(f"[red]error:[/] {escape(for_terminal(message))}", highlight=False, soft_wrap=True)


def for_terminal(message: str) -> str:
    """A message as it may reach the terminal: one line, no password, no control character."""
    return printable(without_credentials(message), keep_lines=False)


def named(option: str, value: str | None) -> str | None:
    """The option's value, refused when it is blank (a story or outlet needs a name)."""
    if value is not None and not value.strip():
        raise fail(f"{option} {value!r}: give a name (it is blank)")
    return value


def opened() -> Store:
    from .store import open_store

    try:
        return open_store(state.db)
    except StorylineError as exc:
        raise fail(str(exc))


def pick_story(store: Store, story: str | None) -> str:
    """The named story (by name, or by the id `storyline stories` and the desk show), else the only one in the
    store, else the one updated last (said on stderr)."""
    if story is not None:
        if store.story(story) is not None:
            return story
        by_id = next((row.name for row in store.stories() if row.id == story), None)
        if by_id is None:
            raise fail(f"no story named {story!r} (see `storyline stories`)")
        return by_id
    stories = store.stories()
    if not stories:
        raise fail("the store has no stories yet: add a report with `storyline add FILE`")
    if len(stories) == 1:
        return stories[0].name
    latest = max(stories, key=lambda s: (s.updated_at, s.created_at))
    errors.print(f"using story {latest.name!r} (updated last; {len(stories)} stories — pick one with --story)",
                 highlight=False, markup=False, soft_wrap=True)
    return latest.name


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


AllowPrivate = Annotated[bool, typer.Option(
    "--allow-private", help="Allow fetching from private, loopback and link-local addresses (a local test server).")]


@app.command()
def add(
    sources: Annotated[list[str], typer.Argument(help="Text or HTML files, http(s) URLs, or - for standard input.")],
    story: Annotated[Optional[str], typer.Option("--story", "-s", help=(
        "Story to add to (created if new). Without it, each file goes to the best-matching story, or opens "
        "a new one."))] = None,
    outlet: Annotated[Optional[str], typer.Option(help=(
        "Outlet name (default: the site's name, else the agency in a wire dateline or the outlet in a byline)."))] = None,
    published: Annotated[Optional[str], typer.Option(help=(
        "Publication date of files, ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM), from 1900-01-01 to 2099-12-31."
    ))] = None,
    allow_private: AllowPrivate = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=(
        "Processes extracting files at once (default: one per CPU, at most one per file; 1: one after another). "
        "Reports are stored in the order given either way."))] = None,
) -> None:
    """Add reports to a story: each new text is stored, then its claims are extracted. A URL is fetched and
    followed from then on by `storyline watch`."""
    from .adding import Adding, choose_story, worker_count
    from .ingest import read_source
    from .ingest.report_date import out_of_range, parse_published
    from .ingest.sources import published_range

    named("--story", story)
    named("--outlet", outlet)
    if published is not None:  # refused here, before anything is stored
        if parse_published(published) is None:
            raise fail(f"--published {published!r}: give an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
        if out_of_range(published):
            raise fail(f"--published {published!r}: out of range: {published_range()}")
    urls = [s for s in sources if s.startswith(("http://", "https://"))]
    if urls and published:
        raise fail("--published applies to files; a fetched page's date comes from the page")
    if urls and story is None:
        raise fail("name the story a URL belongs to with --story")
    store = opened()
    failed = 0
    with Adding(store, worker_count(jobs, len(sources) - len(urls))) as adding, \
            progress_bar() if len(sources) > 1 else nullcontext(NoProgress()) as progress, \
            (_fetcher(allow_private) if urls else nullcontext()) as fetcher:
        task = progress.add_task("adding", total=len(sources))

        def show(done) -> int:
            """Say how each finished file went (in the order given); how many failed."""
            count = 0
            for (source, doc, notes), added in done:
                for note in notes:  # what was said of the file before it was added, printed with its outcome
                    progress.console.print(note, highlight=False, soft_wrap=True, markup=False)
                line = f"{source}: {added.outcome} report {added.report_id} (version {added.version})"
                if added.recovered:  # an earlier run stored it, then was killed or its extraction failed
                    line = (f"{source}: report {added.report_id} (version {added.version}) was stored before but "
                            "not extracted" + ("" if added.error else ": extracted now"))
                if added.error:
                    count += 1
                    line += f"; extraction failed, stored for a re-run: {added.error}"
                progress.console.print(for_terminal(line), highlight=False, soft_wrap=True, markup=False)
                extracted = added.outcome != "unchanged" or added.recovered
                if doc.published is None and extracted:  # "yesterday" then has no day
                    progress.console.print(
                        f"warning: {source}: no publication date found: times stay relative; pass --published",
                        highlight=False, soft_wrap=True, markup=False)
                progress.advance(task)
            return count

        for source in sources:
            if source in urls:
                failed += show(adding.finish())  # files before it first, so lines keep the order given
                failed += not _add_url(store, story, source, fetcher, outlet, progress.console)
                progress.advance(task)
                continue
            try:
                doc = read_source(source, outlet=outlet, published=published)
                notes = []
                if doc.outlet_from is None:
                    notes.append(f"warning: {source}: no --outlet, and the report names none (no site name, wire "
                                 f"dateline or byline); stored as {doc.outlet!r}")
                target = story
                if target is None:
                    target, assignment = choose_story(store, doc)
                    verb = "joins" if assignment.story else "opens"
                    notes.append(f"{source}: {verb} story {target!r} (confidence {assignment.confidence:.2f})")
                done = adding.add(target, doc, (source, doc, notes))
            except StorylineError as exc:
                failed += 1 + show(adding.finish())  # files before it first, so lines keep the order given
                say_error(progress.console, str(exc))
                progress.advance(task)
            else:
                failed += show(done)
        failed += show(adding.finish())
    if failed:
        raise typer.Exit(1)


def _fetcher(allow_private: bool):
    from .ingest.fetch import Fetcher

    return Fetcher(allow_private=allow_private)


def _add_url(store: Store, story: str, url: str, fetcher, outlet: str | None, out: Console) -> bool:
    """Fetch one URL into the story and follow it; False when it failed."""
    from .watch.cycle import add_url

    try:
        check = add_url(store, story, url, fetcher, outlet)
    except StorylineError as exc:
        say_error(out, str(exc))
        return False
    if check.outcome == "failed":
        say_error(out, check.detail)
        return False
    out.print(for_terminal(f"{url}: {check.outcome}" + (f" report {check.report_id}" if check.report_id else "")
                           + (f" ({check.detail})" if check.detail else "")),
              highlight=False, soft_wrap=True, markup=False)
    return check.extraction_error is None


@app.command()
def backfill(
    sources: Annotated[list[str], typer.Argument(help=(
        "Text or HTML files, folders, glob patterns, or JSONL files of articles (one JSON object a line: text, "
        "and optionally url, outlet, published, title, story)."))],
    story: Annotated[Optional[str], typer.Option("--story", "-s", help=(
        "Story for every report (created if new). Without it each JSONL article goes to its own \"story\"; "
        "plain files need --story."))] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="The store (as storyline --db).")] = None,
    ray_address: Annotated[Optional[str], typer.Option("--ray", help=(
        "Run on this Ray cluster: auto, or ray://HEAD:10001. Default: Ray on this machine."))] = None,
    workers: Annotated[Optional[int], typer.Option(min=0, help=(
        "Extraction workers (Ray actors). Default: one per CPU. 0: extract in this process, without Ray."))] = None,
    no_ray: Annotated[bool, typer.Option("--no-ray", help="Extract in this process, without Ray.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Reports per write transaction.")] = 32,
) -> None:
    """Extract an archive of reports on many workers (Ray Data), resumably: texts already stored and
    extracted are skipped, so running it again after a crash finishes the rest. Each story's ledger is brought
    up to date at the end."""
    from .backfill import backfill as run_backfill
    from .backfill import in_process, on_ray, read_items
    from .backfill.inputs import NeedsStory

    named("--story", story)
    if db:
        state.db = db
    try:
        runner = in_process if no_ray or workers == 0 else on_ray(ray_address, workers)
    except StorylineError as exc:
        raise fail(str(exc))
    items, problems = read_items(sources, story)
    unnamed = [p for p in problems if isinstance(p, NeedsStory)]
    if unnamed:  # nothing is stored: the story is the caller's to name
        raise fail(f"{unnamed[0]}" + (f" (and {len(unnamed) - 1} more)" if len(unnamed) > 1 else ""))
    for problem in problems:
        say_error(errors, str(problem))
    store = opened()
    with Progress(TextColumn("backfill"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
                  console=errors, transient=True) as progress:
        task = progress.add_task("backfill", total=len(items))

        def started(total: int, skipped: int) -> None:
            progress.update(task, completed=skipped)
            if skipped:
                progress.console.print(f"{skipped} of {total} already stored and extracted: skipped",
                                       highlight=False, markup=False)

        try:
            summary = run_backfill(store, items, runner, batch_size=batch_size, on_start=started,
                                   on_done=lambda count: progress.advance(task, count))
        except StorylineError as exc:
            raise fail(str(exc))
    for source, error in summary.failed:
        say_error(errors, f"{source}: extraction failed, stored for a re-run (storyline extract): {error}")
    errors.print(f"{summary.extracted} extracted, {summary.skipped} skipped, {len(summary.failed)} failed; "
                 f"ledger of {len(summary.stories)} stor{'y' if len(summary.stories) == 1 else 'ies'} "
                 f"brought up to date in {summary.ledger_seconds:.1f} s",
                 highlight=False, markup=False, soft_wrap=True)
    if problems or summary.failed:
        raise typer.Exit(1)


class RateColumn(ProgressColumn):
    """Reports written per second (Rich's own speed column counts bytes)."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} reports/s" if task.speed else "")


@app.command()
def watch(
    story: Annotated[str, typer.Option("--story", "-s", help="Story to follow (created if new).")],
    feed: Annotated[Optional[list[str]], typer.Option("--feed", help="An RSS or Atom feed to follow (repeatable).")] = None,
    url: Annotated[Optional[list[str]], typer.Option("--url", help="An article URL to follow (repeatable).")] = None,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit (for cron).")] = False,
    interval: Annotated[float, typer.Option(
        min=1, help="Seconds between feed checks; articles follow their own schedule.")] = 900.0,
    status: Annotated[bool, typer.Option("--status", help="Show what is followed and when it is checked next.")] = False,
    webhook: Annotated[Optional[str], typer.Option(
        envvar="STORYLINE_WEBHOOK", help="POST each cycle's changes as JSON to this URL.")] = None,
    secret: Annotated[Optional[str], typer.Option(
        envvar="STORYLINE_WEBHOOK_SECRET", help="Shared secret: the webhook's X-Storyline-Signature header.")] = None,
    atom: Annotated[Optional[Path], typer.Option(help="Rewrite this Atom feed of the story's changes each cycle.")] = None,
    outlet: Annotated[Optional[str], typer.Option(
        help="Outlet of the --url pages given here (default: the site's name).")] = None,
    allow_private: AllowPrivate = False,
) -> None:
    """Follow a story's feeds and article URLs: store every revision and show what changed. Feeds and URLs
    are kept with the story, so `storyline watch --story NAME` alone resumes."""
    from .ingest.fetch import refusal
    from .store.store import now
    from .watch.cycle import follow

    named("--story", story)
    for kind, targets in (("feed", feed or []), ("url", url or [])):
        for target in targets:  # every one vetted before anything is stored: a refused URL creates nothing
            if not target.startswith(("http://", "https://")):
                raise fail(f"--{kind} {target!r}: give an http(s) URL")
            refused = refusal(target, allow_private=allow_private)
            if refused:
                raise fail(f"--{kind} {refused}")
    store = opened()
    try:
        for kind, targets in (("feed", feed or []), ("url", url or [])):
            for target in targets:
                store.add_watch(story, kind, target, at=now(), outlet=outlet if kind == "url" else None)
    except StorylineError as exc:
        raise fail(str(exc))
    if status:
        tables.print_watch_status(console, store.watches(story), now())
        return
    if not store.watches(story):
        raise fail(f"story {story!r} follows nothing yet: give --feed URL or --url URL")

    def on_cycle(cycle) -> None:
        if not cycle.changes:
            return
        ledger = cycle.ledger
        tables.print_changes(console, ledger, cycle.changes)
        if atom:
            atom.write_text(render(ledger, "atom"), encoding="utf-8")
        if webhook:
            from .watch.webhook import changes_payload, post_changes

            delivery = post_changes(webhook, changes_payload(ledger["story"], cycle.changes), secret=secret)
            if not delivery.ok:
                errors.print(f"webhook {webhook}: not delivered after {delivery.attempts} attempts: {delivery.error}",
                             highlight=False, soft_wrap=True, markup=False)

    try:
        with _fetcher(allow_private) as fetcher:
            follow(store, story, fetcher, once=once, interval=interval,
                   on_check=lambda check: tables.print_check(errors, check), on_cycle=on_cycle)
    except KeyboardInterrupt:
        errors.print("stopped; `storyline watch --story " + story + "` resumes", highlight=False, markup=False)


@app.command()
def extract(
    story: StoryOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Re-extract every report, not only failed ones.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=(
        "Processes extracting at once (default: one per CPU, at most one per report; 1: one after another)."))] = None,
) -> None:
    """Run extraction again for reports whose extraction is pending or failed."""
    from .adding import rerun_extraction

    store = opened()
    name = pick_story(store, story)
    done = rerun_extraction(store, name, everything, jobs)
    for item in done:
        errors.print(for_terminal(f"{item.location}: report {item.report_id} "
                                  + (f"failed: {item.error}" if item.error else "extracted")),
                     highlight=False, soft_wrap=True, markup=False)
    if any(item.error for item in done):
        raise typer.Exit(1)


@app.command()
def export(
    story: StoryOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json, markdown, html, atom or claimreview.")] = "json",
    with_text: Annotated[bool, typer.Option("--with-text", help="Include every report's text.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Export the story's ledger (JSON follows ledger.schema.json; atom: the change log as a feed; claimreview:
    schema.org ClaimReview for claims with an editor's verdict)."""
    if format not in FORMATS:
        raise fail(f"--format {format!r}: choose {', '.join(FORMATS[:-1])} or {FORMATS[-1]}")
    from .ledger.from_store import story_ledger

    store = opened()
    name = pick_story(store, story)
    if format == "json":  # streamed item by item from the stored ledger: memory stays flat in the story's size
        from .ledger.kept import write_json

        warn_unextracted(story_ledger(store, name, parts=("reports",)), name)
        verdicts = store.verdicts(name)

        def decorate(claim: dict) -> dict:
            return {**claim, "verdict": verdicts[claim["id"]].as_dict() if claim["id"] in verdicts else None}

        with (output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)) as out:
            write_json(store, name, out, with_text=with_text, decorate=decorate)
            out.write("\n")
        return
    ledger = story_ledger(store, name, with_text)
    warn_unextracted(ledger, name)
    text = render(ledger, format)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


FORMATS = ("json", "markdown", "html", "atom", "claimreview")


def render(ledger: dict, format: str) -> str:
    """The ledger as JSON, markdown or an HTML page, its changes as an Atom feed, or its verdicts as ClaimReview
    JSON-LD."""
    if format == "markdown":
        from .present.markdown import ledger_markdown

        return ledger_markdown(ledger)
    if format == "html":
        from .present.html import ledger_html

        return ledger_html(ledger)
    if format == "atom":
        from .present.atom import ledger_atom

        return ledger_atom(ledger)
    if format == "claimreview":
        from .present.claimreview import ledger_claimreview

        return ledger_claimreview(ledger)
    return json.dumps(ledger, ensure_ascii=False, indent=2) + "\n"


def warn_unextracted(ledger: dict, story: str) -> None:
    """Say on stderr which of the story's reports are not extracted (pending: a run was killed or is extracting
    it now; failed: its extractor failed): the ledger lacks their claims until they are."""
    waiting = [f"{r['id']} {r['extraction']}" for r in ledger["reports"] if r.get("extraction", "ok") != "ok"]
    if waiting:
        errors.print(f"warning: {len(waiting)} of {len(ledger['reports'])} reports not extracted ({', '.join(waiting)}): "
                     f"their claims are missing here until `storyline extract --story {shlex.quote(story)}` runs",
                     highlight=False, soft_wrap=True, markup=False)


def _view(story: str | None, show, part: str) -> None:
    """Show one part of the story's stored ledger, read as it is printed (and the reports not extracted)."""
    from .ledger import kept

    store = opened()
    name = pick_story(store, story)
    warn_unextracted(kept.read(store, name, parts=("reports",)), name)
    show(console, kept.read(store, name, parts=(part,), brief_claims=True, lazy=True))


@app.command()
def claims(story: StoryOption = None) -> None:
    """The story's claims with status, sources, outlets and who contests them."""
    _view(story, tables.print_claims, "claims")


@app.command()
def entities(story: StoryOption = None) -> None:
    """People, organisations and places with aliases and roles."""
    _view(story, tables.print_entities, "entities")


@app.command()
def figures(story: StoryOption = None) -> None:
    """The figures quoted, with ranges and units."""
    _view(story, tables.print_figures, "figures")


@app.command()
def timeline(story: StoryOption = None) -> None:
    """Dated events, earliest first."""
    _view(story, tables.print_timeline, "events")


@app.command()
def changes(
    story: StoryOption = None,
    since: Annotated[Optional[str], typer.Option(help=(
        "An ISO 8601 time: changes the story saw after it (report time). `last`: changes storyline recorded "
        "since this command last ran for the story."))] = None,
) -> None:
    """The story's change log, oldest first (or its tail with --since)."""
    from .ledger.from_store import story_ledger
    from .ledger.since import changes_after, changes_recorded_after, parse_time
    from .store.store import now

    store = opened()
    name = pick_story(store, story)
    ledger = story_ledger(store, name, parts=("reports", "changes"))
    warn_unextracted(ledger, name)
    shown = ledger["changes"]
    if since == "last":
        seen = store.changes_seen_at(name)
        shown = shown if seen is None else changes_recorded_after(ledger, seen)
    elif since is not None:
        try:
            shown = changes_after(ledger, parse_time(since))
        except ValueError:
            raise fail(f"--since {since!r}: give an ISO 8601 date or time (2025-03-14T18:00Z) or `last`")
    tables.print_changes(console, ledger, shown)
    store.mark_changes_seen(name, now())


@app.command()
def reports(story: StoryOption = None) -> None:
    """The story's reports: every version of every article, in the order they were stored."""
    store = opened()
    rows = [[r.id, r.outlet, str(r.version), r.published_at or "", r.fetched_at.isoformat(timespec="seconds"),
             str(r.word_count), r.extraction_status, r.url or r.location]
            for r in store.reports(pick_story(store, story))]
    tables.print_rows(console, "Reports", ["id", "outlet", "version", "published", "stored", "words", "extraction",
                                           "location"], rows)


@app.command()
def diff(
    report: Annotated[str, typer.Argument(help="A report id (see `storyline reports`).")],
    other: Annotated[Optional[str], typer.Argument(help="Another revision's id (default: the one REPORT replaced).")] = None,
) -> None:
    """What changed between two revisions of an article, sentence by sentence."""
    from .watch.diff import diff_sentences, format_diff

    store = opened()
    new = store.report(report)
    if new is None:
        raise fail(f"no report {report!r} (see `storyline reports`)")
    old_id = other or new.previous_id
    if old_id is None:
        raise fail(f"report {report} is the first version of {new.location}: name another revision to compare")
    old = store.report(old_id)
    if old is None:
        raise fail(f"no report {old_id!r} (see `storyline reports`)")
    if old.version > new.version:
        old, new = new, old
    console.print(printable(f"{new.location}: version {old.version} → {new.version}", keep_lines=False),
                  highlight=False, markup=False, soft_wrap=True)
    for line in format_diff(diff_sentences(old.text, new.text)) or ["(no sentence changed)"]:
        console.print(printable(line), highlight=False, markup=False, soft_wrap=True)


@app.command()
def stories() -> None:
    """Every story in the store."""
    rows = [[s.name, s.id, str(s.report_count), s.created_at.isoformat(timespec="seconds")] for s in opened().stories()]
    tables.print_rows(console, "Stories", ["name", "id", "reports", "created"], rows)


@app.command()
def demo(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Where to write the JSON export.")] = None,
    follow: Annotated[bool, typer.Option("--follow", help="Serve the story's revisions locally and watch them.")] = False,
    step: Annotated[float, typer.Option(min=0, help="With --follow: seconds between published reports.")] = 4.0,
) -> None:
    """Load the bundled example story into a fresh store (or --db) and show its ledger. With --follow, serve
    its reports over local HTTP one by one and watch them arrive."""
    from .demo import run_demo, run_follow

    try:
        if follow:
            run_follow(state.db, console, errors, step_seconds=step)
        else:
            run_demo(state.db, output, console, errors, progress_bar)
    except StorylineError as exc:
        raise fail(str(exc))


RulesOption = Annotated[bool, typer.Option("--rules", help="Score the rules alone, ignoring trained models.")]
ModelOutput = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Where to write the model (default: the user's models directory).")]


def _evaluate(function, path: Path, rules: bool, **options) -> None:
    """Run one evaluation and print its JSON object (trained models on unless --rules)."""
    from .learn.models import use_models

    use_models(not rules)
    try:
        print(json.dumps(function(path, **options)))
    except StorylineError as exc:
        raise fail(str(exc))


def _evaluate_by_topic(function, *arguments) -> None:
    """Run an evaluation over ECB+ topics with a progress bar of topics done, and print its JSON object."""
    with progress_bar() as progress:
        task = progress.add_task("topics", total=None)
        try:
            result = function(*arguments,
                              on_topic=lambda done, total: progress.update(task, completed=done, total=total))
        except StorylineError as exc:
            raise fail(str(exc))
    print(json.dumps(result))


def _train(task: str, function, paths: list[Path], output: Path | None) -> None:
    """Train one model, save it, print a JSON summary with where it went."""
    from .learn.models import save_model

    for path in paths:
        if not path.exists():
            raise fail(f"{path}: no such file or folder")
    try:
        with errors.status(f"training the {task} model…"):
            model, summary = function(paths)
    except StorylineError as exc:
        raise fail(str(exc))
    summary = {"task": task, **summary, "model": str(save_model(task, model, output))}
    print(json.dumps(summary))


@eval_app.command("attribution")
def eval_attribution(
    path: Annotated[Path, typer.Argument(help="A PolNeAR split folder (text/, attributions/).")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents.")] = None,
    rules: RulesOption = False,
) -> None:
    """Source, cue and content P/R/F1 on a PolNeAR split."""
    from .eval.attribution import evaluate_attribution

    if not (path / "text").is_dir() or not (path / "attributions").is_dir():
        raise fail(f"{path}: not a PolNeAR split folder (needs text/ and attributions/)")
    _evaluate(evaluate_attribution, path, rules, limit=limit)


@eval_app.command("hedging")
def eval_hedging(
    path: Annotated[Path, typer.Argument(help="A folder of *_certain_sentences.txt and *_uncertain_sentences.txt.")],
    limit: Annotated[Optional[int], typer.Option(help="Read at most N sentences of each class.")] = None,
    fold: Annotated[str, typer.Option(help="all, or the held-out 'dev' fold that 'storyline train hedging' leaves out, or 'train'.")] = "all",
    rules: RulesOption = False,
) -> None:
    """Precision, recall and F1 of the uncertain class: a sentence is uncertain when storyline finds a hedge."""
    from .eval.hedging import evaluate_hedging

    if not path.is_dir() or not any(path.glob("*_uncertain_sentences.txt")):
        raise fail(f"{path}: not a folder of *_certain_sentences.txt / *_uncertain_sentences.txt files")
    if fold not in ("all", "dev", "train"):
        raise fail(f"--fold {fold}: expected all, dev or train")
    _evaluate(evaluate_hedging, path, rules, limit=limit, fold=fold)


@eval_app.command("factuality")
def eval_factuality(
    path: Annotated[Path, typer.Argument(help="A JSONL file: tokenized text, targets with span1 and label.")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N sentences.")] = None,
    rules: RulesOption = False,
) -> None:
    """Pearson r and mean absolute error of storyline's factuality score against gold labels in [-3, +3]."""
    from .eval.factuality import evaluate_factuality

    if not path.is_file():
        raise fail(f"{path}: no such JSONL file")
    _evaluate(evaluate_factuality, path, rules, limit=limit)


@eval_app.command("checkworthiness")
def eval_checkworthiness(
    path: Annotated[Path, typer.Argument(help="A CheckThat! 2024 TSV: Sentence_id, Text, class_label (Yes/No).")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N sentences.")] = None,
    rules: RulesOption = False,
) -> None:
    """Precision, recall and F1 of the Yes class: a sentence is check-worthy when its score passes the threshold."""
    from .eval.checkworthiness import evaluate_checkworthiness

    if not path.is_file():
        raise fail(f"{path}: no such TSV file")
    _evaluate(evaluate_checkworthiness, path, rules, limit=limit)


@eval_app.command("stories")
def eval_stories(
    path: Annotated[Optional[Path], typer.Argument(
        help="A folder of topic folders in ECB+ layout (*ecb.xml, *ecbplus.xml); optional with --ledger.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="Cluster only the first N documents.")] = None,
    embeddings: Annotated[bool, typer.Option(
        "--embeddings", help="Add MiniLM similarity of the leads to the term similarity (batch only).")] = False,
    topics: Annotated[str, typer.Option(help="all, or the standard ECB+ dev or train topics only.")] = "all",
    online: Annotated[bool, typer.Option(
        "--online", help="Add the reports one at a time, in time order, as `storyline add` without --story does.")] = False,
    ledger: Annotated[Optional[list[Path]], typer.Option(
        "--ledger", help="Ledger gold files, or a folder of them (repeatable): their reports, by story, scored too.")] = None,
    data: Annotated[Optional[Path], typer.Option(
        "--data", envvar="STORYLINE_DATA", help="Folder the ledger gold's report files are relative to (default ../shared/data).",
    )] = None,
) -> None:
    """B³ precision, recall and F1 of story clustering against the gold events (topic + ecb/ecbplus), and
    against the ledger gold's stories (under "ledger")."""
    from .eval.online import evaluate_stories

    if path is None and not ledger:
        raise fail("give an ECB+ folder, --ledger gold files, or both")
    if path is not None and not path.is_dir():
        raise fail(f"{path}: no such folder")
    if embeddings and online:
        raise fail("--embeddings applies to the batch clustering only")
    _evaluate(evaluate_stories, path, False, limit=limit, embeddings=embeddings, topics=topics, online=online,
              ledger=ledger, data=data)


@eval_app.command("time")
def eval_time(
    path: Annotated[Path, typer.Argument(help="A folder of TimeML .tml files or EventStoryLine CAT XML files.")],
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Time expressions as the TempEval-3 scorer counts them: strict and relaxed spans, values, types."""
    from .eval.time import evaluate_time

    if not path.is_dir():
        raise fail(f"{path}: no such folder")
    _evaluate(evaluate_time, path, False, limit=limit)


@eval_app.command("coref")
def eval_coref(
    path: Annotated[Path, typer.Argument(help="A folder of topic folders in ECB+ layout (*ecb.xml, *ecbplus.xml).")],
    topics: Annotated[str, typer.Option(help="dev (the standard ECB+ dev topics), train or all.")] = "dev",
    method: Annotated[str, typer.Option(
        help="storyline (pair scorer + average-link clustering) or lemma (same head lemma in a topic).")] = "storyline",
) -> None:
    """MUC, B³, CEAF-e and CoNLL F1 of cross-document event coreference on gold ECB+ event mentions."""
    from .eval.coref import evaluate_coref

    if not path.is_dir():
        raise fail(f"{path}: no such folder")
    _evaluate_by_topic(evaluate_coref, path, topics, method)


@eval_app.command("entities")
def eval_entities(
    path: Annotated[Path, typer.Argument(help="A folder of topic folders in ECB+ layout (*ecb.xml, *ecbplus.xml).")],
    topics: Annotated[str, typer.Option(help="dev (the standard ECB+ dev topics), train or all.")] = "dev",
) -> None:
    """MUC, B³, CEAF-e and CoNLL F1 of story-level entity merging on the gold ECB+ entity mentions found, and
    the share of named gold mentions found at all."""
    from .eval.entities import evaluate_entities

    if not path.is_dir():
        raise fail(f"{path}: no such folder")
    _evaluate_by_topic(evaluate_entities, path, topics)


@eval_app.command("timeline")
def eval_timeline(
    path: Annotated[Path, typer.Argument(help="A folder of topic folders in ECB+ layout (*ecbplus.xml).")],
    dates: Annotated[Path, typer.Option(help="The EventStoryLine folder (CAT XML of the same documents, with DCTs).")],
    topics: Annotated[str, typer.Option(help="dev (the standard ECB+ dev topics), train or all.")] = "dev",
    words_only: Annotated[bool, typer.Option(
        "--words-only", help="Merge events on their words only, as without the embeddings installed.")] = False,
) -> None:
    """One timeline entry per event: each topic's dated reports as one story, scored on gold event coreference."""
    from functools import partial

    from .eval.timeline import evaluate_timeline

    if not path.is_dir() or not dates.is_dir():
        raise fail(f"{path if not path.is_dir() else dates}: no such folder")
    _evaluate_by_topic(partial(evaluate_timeline, encode=False) if words_only else evaluate_timeline,
                       path, dates, topics)


@eval_app.command("ledger")
def eval_ledger(
    golds: Annotated[list[Path], typer.Argument(help="Ledger gold files (JSON, one story each).")],
    data: Annotated[Optional[Path], typer.Option(
        "--data", envvar="STORYLINE_DATA", help="Folder the gold's report files are relative to (default ../shared/data).",
    )] = None,
    errors_file: Annotated[Optional[Path], typer.Option(
        "--errors", help="Write one JSON line per gold item (and per unmatched mention) saying what was predicted; "
        "it holds the reports' words, so keep it out of the repo.")] = None,
    rules: RulesOption = False,
) -> None:
    """Score the ledger against an editor's reading of whole stories (shared/contracts/ledger-gold.md): items
    found, sources, statuses and cross-report links, summed over the gold files."""
    from .eval.ledger import evaluate_ledger, read_gold
    from .learn.models import use_models

    use_models(not rules)
    try:
        stories = [read_gold(path, data) for path in golds]  # every file checked before anything is extracted
    except StorylineError as exc:
        raise fail(str(exc))
    total = sum(len(story.reports) for story in stories)
    try:
        out = errors_file.open("w", encoding="utf-8") if errors_file else nullcontext()
    except OSError as exc:
        raise fail(f"{errors_file}: cannot write ({exc.strerror or exc})")
    with out, progress_bar() if total > 1 else nullcontext(NoProgress()) as progress:
        task = progress.add_task("adding reports", total=total)
        try:
            result = evaluate_ledger(
                stories, on_report=lambda _report: progress.advance(task),
                details=(lambda record: out.write(json.dumps(record, ensure_ascii=False) + "\n")) if errors_file else None)
        except StorylineError as exc:
            raise fail(str(exc))
    print(json.dumps(result))


@train_app.command("factuality")
def train_factuality(
    paths: Annotated[list[Path], typer.Argument(help="JSONL files in the factuality layout (their train splits).")],
    output: ModelOutput = None,
) -> None:
    """A regressor for the factuality of mentions and events, over the rules' categories and parse features."""
    from .learn.factuality import train

    _train("factuality", train, paths, output)


@train_app.command("checkworthiness")
def train_checkworthiness(
    paths: Annotated[list[Path], typer.Argument(help="CheckThat! TSV files (their train splits).")],
    output: ModelOutput = None,
    embeddings: Annotated[bool, typer.Option(
        "--embeddings", help="Add MiniLM sentence embeddings: a little more accurate, extraction much slower.",
    )] = False,
) -> None:
    """A classifier that scores how check-worthy each claim is."""
    from .learn.checkworthiness import train

    _train("checkworthiness", lambda paths: train(paths, embeddings=embeddings), paths, output)


@train_app.command("hedging")
def train_hedging(
    paths: Annotated[list[Path], typer.Argument(help="WikiWeasel-layout folders (the held-out fold is left out).")],
    output: ModelOutput = None,
) -> None:
    """A sentence classifier for hedged, vague and speculative sentences."""
    from .learn.hedging import train

    _train("hedging", train, paths, output)


@train_app.command("attribution")
def train_attribution(
    paths: Annotated[list[Path], typer.Argument(help="PolNeAR split folders (text/, attributions/).")],
    output: ModelOutput = None,
) -> None:
    """Learned attribution components (cues, span boundaries) on top of the rules."""
    from .learn.attribution import train

    _train("attribution", train, paths, output)


def _register_desk() -> None:
    """`storyline serve` and `storyline token …` (the web desk's commands)."""
    from .web.cli import register

    register(app)


_register_desk()
