"""``casus actor ...``: look actors up in the knowledge base (resolve, show, coverage)."""
from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import typer

actor_app = typer.Typer(help="Who is who, as of a date: the actor knowledge base.", no_args_is_help=True)


def resolve_line(kb: Any, line: str) -> dict[str, Any]:
    """One ``{"text", "date"}`` JSON line → the coded actor (nulls and an ``error`` when unusable)."""
    out: dict[str, Any] = dict.fromkeys(("text", "date", "code", "country", "role", "name", "id"))
    try:
        query = json.loads(line)
        text, date = query.get("text"), query.get("date")
        out.update(text=text, date=date)
        if not isinstance(text, str):
            raise ValueError("'text' must be a string")
        day = _day(date) if date else None
        actor = kb.resolve(text, on=day, context=query.get("context"))
    except Exception as error:  # noqa: BLE001 - a batch lookup answers every line, never aborts
        out["error"] = f"{type(error).__name__}: {error}"
        return out
    out.update(code=actor.code, country=actor.country, role=actor.role, name=actor.name, id=actor.kb_id, why=actor.why)
    return out


def _day(value: str) -> dt.date:
    """An ISO date ("2020-02-13", "2020-02-13T10:00Z") or any date dateutil reads ("13 Feb 2020")."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        from dateutil import parser

        return parser.parse(value).date()


@actor_app.command("resolve")
def resolve() -> None:
    """Read JSON lines {"text": ..., "date": "YYYY-MM-DD"} on stdin (optional "context": the alpha-3
    code of the country the story happens in); write text, date, code, country, role, name, id, why
    as JSON lines (nulls, plus "error", for a line that cannot be read)."""
    from casus.knowledge.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(resolve_line(kb, line), ensure_ascii=False) + "\n")


@actor_app.command("show")
def show(name: str = typer.Argument(..., help="A name, alias or id: 'Erdogan', 'the Kremlin', 'taliban'.")) -> None:
    """Print an entry with its names and dated roles."""
    from casus.knowledge.actors import KnowledgeBase

    entry = KnowledgeBase.load().find(name)
    if entry is None:
        typer.echo(f"{name!r} is not in the knowledge base", err=True)
        raise typer.Exit(1)
    typer.echo(f"{entry.name}  (id {entry.id}, {entry.kind})")
    typer.echo("aliases: " + " | ".join(entry.aliases))
    for iv in entry.intervals:
        title = f"{iv.title or iv.post}  " if iv.title or iv.post else ""
        typer.echo(f"  {iv.code:<10} {iv.start or '…'} → {iv.end or 'now'}  {title}[{iv.note}]")


@actor_app.command("coverage")
def coverage(
    countries: list[str] = typer.Argument(None, help="Alpha-3 codes whose people and groups to list by name."),
) -> None:
    """Per country: how many people and groups are known and the newest date in their rows."""
    from rich.console import Console
    from rich.table import Table

    from casus.knowledge.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    wanted = {c.upper() for c in countries or ()}
    table = Table("country", "people", "groups", "newest date")
    for row in kb.coverage():
        if wanted and row.country not in wanted:
            continue
        people = "\n".join(row.people) if wanted else str(len(row.people))
        groups = "\n".join(row.groups) if wanted else str(len(row.groups))
        table.add_row(row.country, people, groups, str(row.newest or ""))
    console = Console()
    console.print(table)
    for problem in kb.problems:
        console.print(f"[yellow]skipped {problem}[/yellow]")


def register(app: typer.Typer) -> None:
    app.add_typer(actor_app, name="actor")
