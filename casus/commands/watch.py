"""``casus watch FEED_URL|FOLDER ...``: poll feeds and folders on an interval, code only what is new."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from casus.store import DEFAULT_DB


def watch(
    sources: list[str] = typer.Argument(..., help="RSS/Atom feed URLs and folders to poll."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB store to add articles to."),
    interval: float = typer.Option(900.0, "--interval", min=0.0, help="Seconds between polls (GDELT: 900)."),
    polls: int = typer.Option(0, "--polls", min=0, help="Stop after this many polls (0: run until interrupted)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides the input's)."),
    model: str = typer.Option("fast", "--model", help="Shipped parser model."),
    prefilter: bool = typer.Option(False, "--prefilter", help="Do not parse articles with no sentence naming an actor and an event trigger."),
) -> None:
    """Poll feeds and folders, code new articles into the store; readers may open it between writes."""
    import datetime as dt
    from contextlib import closing

    from rich.console import Console

    from casus import ingest
    from casus.commands.code import parse_published
    from casus.nlp import model_path
    from casus.scale.checkpoint import config_key
    from casus.scale.watch import Poll, Watcher
    from casus.scale.watch import watch as run
    from casus.scale.workers import Coder, Settings

    err = Console(stderr=True)
    date = parse_published(published)
    try:
        model_path(model)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    watcher = Watcher(sources, db, config_key(model=model, prefilter=prefilter, published=date, fields={}), ingest.Options(published=date))

    def report(poll: Poll) -> None:
        for item in poll.rejected:
            err.print(f"[yellow]rejected[/] {item.input}: {item.reason} [dim]({item.error})[/]", highlight=False)
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        err.print(f"{stamp} coded {poll.coded} new article(s), {poll.seen} already stored; store {db}", highlight=False)

    try:
        with closing(Coder(Settings(model=model, prefilter=prefilter))) as coder:  # a process of its own, as a casus code worker
            run(watcher, coder.code, interval, polls, report)
    except KeyboardInterrupt:
        err.print("stopped")


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
