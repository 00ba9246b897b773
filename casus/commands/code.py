"""``casus code PATH...``: ingest, code and store articles; write JSON, JSON Lines, CSV or Parquet.

Exit status: 0 when every input became an article, 1 when some input was rejected (each one is
reported on stderr and stored in the ``quarantine`` table), 2 for usage or set-up errors.
"""
from __future__ import annotations

import datetime as dt
import enum
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Optional

import typer

from casus.store import DEFAULT_DB


class OutputFormat(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """``["text=content", ...]`` → ``{"text": "content"}``."""
    fields = {}
    for pair in pairs:
        name, sep, source = pair.partition("=")
        if not sep or not name.strip() or not source.strip():
            raise typer.BadParameter(f"{pair!r} is not of the form casus_field=input_field (e.g. text=content)")
        fields[name.strip()] = source.strip()
    return fields


def parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


class DocumentWriter:
    """Streams per-article documents as a JSON array or as JSON Lines."""

    def __init__(self, stream: IO[str], lines: bool):
        self.stream, self.lines, self.count = stream, lines, 0

    def write(self, document: dict) -> None:
        text = json.dumps(document, ensure_ascii=False)
        if self.lines:
            self.stream.write(text + "\n")
        else:
            self.stream.write(("[\n" if self.count == 0 else ",\n") + text)
        self.count += 1

    def close(self) -> None:
        if not self.lines:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def code(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin."),
    output_format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="Output format."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to store results in."),
    no_db: bool = typer.Option(False, "--no-db", help="Do not store anything."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (overrides the input's)."),
    field: list[str] = typer.Option([], "--field", help="Map a JSON field: casus_field=input_field, e.g. text=content."),
    max_article_mb: float = typer.Option(50.0, "--max-article-mb", help="Reject single articles larger than this."),
    max_article_chars: Optional[int] = typer.Option(None, "--max-article-chars", min=1, show_default=False,
                                                    help="Quarantine article bodies longer than this many characters "
                                                         "(TooLong; default casus.ingest.DEFAULT_MAX_CHARS)."),
    model: str = typer.Option("fast", "--model", help="Shipped parser model."),
    batch_size: int = typer.Option(256, "--batch-size", min=1, help="Articles per store transaction (256: a third less store CPU than 64)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes (the first loads the parser, the others are forked from it)."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="local|ADDRESS",
                                       help="Code on Dask: 'local' (a 2-worker LocalCluster) or a scheduler address; "
                                            "-o names the Parquet folder (default casus-parquet)."),
    resume: bool = typer.Option(True, "--resume/--no-resume", help="Skip inputs a run with the same settings already stored."),
    prefilter: bool = typer.Option(False, "--prefilter", help="Parse only the sentences that can hold an event (an actor and an "
                                                              "event trigger) or a quote (a quotation mark, a speech verb)."),
) -> None:
    """Code news articles into event data. Rejected inputs go to stderr and the quarantine table."""
    from rich.console import Console

    from casus import ingest
    from casus.analysis import dedup
    from casus.nlp import model_path
    from casus.records import Article, Rejected, document
    from casus.scale.checkpoint import CheckpointStore, config_key, pending
    from casus.scale.progress import Meter
    from casus.scale.workers import Settings, code_stream
    from casus.store import Store, batched

    err = Console(stderr=True)
    fields = parse_fields(field)
    date = parse_published(published)
    try:
        ingest.structured.field_map(fields)
        model_path(model)
    except (ValueError, FileNotFoundError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    options = ingest.Options(published=date, fields=fields, max_bytes=int(max_article_mb * 1e6),
                             max_chars=max_article_chars or ingest.DEFAULT_MAX_CHARS)
    settings = Settings(model=model, prefilter=prefilter)
    config = config_key(model=model, prefilter=prefilter, published=date, fields=fields)
    if dask is not None:
        from casus.scale.cluster import code_on_dask

        raise typer.Exit(code_on_dask(paths, options, settings, dask, db=None if no_db else db, config=config,
                                      parquet=out, resume=resume, console=err))  # fmt: skip
    sources = list(ingest.sources(paths))
    rejected: list[Rejected] = []
    unstored: list[Rejected] = []

    def reject(item: Rejected) -> None:
        rejected.append(item)
        unstored.append(item)
        err.print(f"[yellow]rejected[/] {item.input}: {item.reason} [dim]({item.error})[/]", highlight=False)

    tabular = output_format in (OutputFormat.csv, OutputFormat.parquet)
    if output_format is OutputFormat.parquet and out is None:
        err.print("[red]error:[/] --format parquet needs -o FILE")
        raise typer.Exit(2)
    with ExitStack() as stack:
        store = stack.enter_context(Store(":memory:") if no_db else CheckpointStore(db, config)) if tabular or not no_db else None
        meter = stack.enter_context(Meter(err, len(sources)))
        skipped: list[str] = []

        def articles() -> Iterator[Article]:
            for source in sources:
                items = [source] if isinstance(source, Rejected) else ingest.read_source(source, options)
                for item in items:
                    if isinstance(item, Rejected):
                        reject(item)
                    else:
                        yield item
                meter.advance()

        stream = None if tabular else stack.enter_context(_output(out))
        writer = DocumentWriter(stream, lines=output_format is OutputFormat.jsonl) if stream else None
        coded_ids: list[str] = []
        todo = pending(articles(), store, lambda a: skipped.append(a.id)) if resume and not no_db else articles()
        # coded in worker processes even for one: in this process, with DuckDB's threads, the parse costs ~9% more
        for batch in batched(code_stream(todo, settings, workers), batch_size):
            coded_ids.extend(c.article.id for c in batch)
            if store:
                store.write(batch, batch_size=batch_size)
                store.quarantine(unstored)
                unstored.clear()
            meter.coded(len(batch))
            for coded in batch if writer else ():
                writer.write(document(coded))
        if writer:
            writer.close()
        if store:
            store.quarantine(unstored)
            if not no_db:
                dedup.refresh(store.con)
            if tabular:
                _export(store, out, output_format.value, coded_ids + skipped)
    place = "" if no_db else f"; stored in {db}"
    done = f", skipped {len(skipped)} already stored (--no-resume recodes them)" if skipped else ""
    err.print(f"coded {len(coded_ids)} article(s){done}, rejected {len(rejected)} input(s){place}", highlight=False)
    raise typer.Exit(1 if rejected else 0)


def _output(out: Path | None):
    from contextlib import nullcontext

    return out.open("w", encoding="utf-8") if out else nullcontext(sys.stdout)


def _export(store, out: Path | None, fmt: str, ids: list[str]) -> None:
    if out:
        store.export(out, fmt, ids)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, f"events.{fmt}")
        store.export(path, fmt, ids)
        with path.open("rb") as data:
            shutil.copyfileobj(data, sys.stdout.buffer)


def register(app: typer.Typer) -> None:
    app.command("code")(code)
