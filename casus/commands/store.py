"""``casus export`` (GDELT-like event rows as CSV, JSON Lines or Parquet; Phoenix-like CSV, ACLED-like CSV,
PLOVER JSON) and ``casus query`` (ad-hoc SQL)."""
from __future__ import annotations

import enum
from pathlib import Path

import typer

from casus.store import DEFAULT_DB


class ExportFormat(str, enum.Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    phoenix = "phoenix"
    acled = "acled"
    plover = "plover"


ANALYST_FORMATS = {"phoenix", "acled", "plover"}  # casus/analysis/exports.py (columns: casus/analysis/README.md)


def _open(db: Path):
    from casus.store import Store

    if not db.is_file():
        typer.echo(f"error: no database at {db} (create one with `casus code ... --db {db}`)", err=True)
        raise typer.Exit(2)
    return Store(db, read_only=True)


def export(
    output_format: ExportFormat = typer.Option(..., "--format", "-f", help="Output format."),
    out: Path = typer.Option(..., "--output", "-o", help="Output file."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file written by `casus code`."),
) -> None:
    """Export every stored event: csv/jsonl/parquet as GDELT-like rows (columns: casus/store/README.md);
    phoenix, acled (CSV) and plover (JSON) as documented in casus/analysis/README.md."""
    with _open(db) as store:
        if output_format.value in ANALYST_FORMATS:
            from casus.analysis.exports import export as analyst_export

            count = analyst_export(store.con, output_format.value, out)
        else:
            count = store.export(out, output_format.value)
    typer.echo(f"exported {count} event(s) to {out}", err=True)


def query(
    sql: str = typer.Argument(..., help='SQL, e.g. "SELECT cameo, count(*) FROM events GROUP BY 1".'),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file written by `casus code`."),
) -> None:
    """Run read-only SQL against the store and print the result as a table."""
    import duckdb
    from rich.console import Console
    from rich.table import Table

    with _open(db) as store:
        try:
            columns, rows = store.query(sql)
        except duckdb.Error as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from exc
    table = Table(caption=f"{len(rows)} row(s)")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("query")(query)
