"""``casus plot dyad|network|timeline`` (PNG/SVG/PDF charts) and ``casus analyse ...`` (tables, dedup, exports)."""
from __future__ import annotations

import enum
from pathlib import Path
from typing import Optional

import typer

from casus.analysis.queries import Freq
from casus.store import DEFAULT_DB

plot_app = typer.Typer(help="Charts from the store for reports (matplotlib; format from the -o suffix).", no_args_is_help=True)
analyse_app = typer.Typer(help="Analyst tables from the store, cross-article dedup and analyst exports.", no_args_is_help=True)

DB = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file written by `casus code`.")



class AnalystFormat(str, enum.Enum):
    phoenix = "phoenix"
    acled = "acled"
    plover = "plover"


def _connect(db: Path, *, read_only: bool = True):
    import duckdb

    if not db.is_file():
        typer.echo(f"error: no database at {db} (create one with `casus code ... --db {db}`)", err=True)
        raise typer.Exit(2)
    return duckdb.connect(str(db), read_only=read_only)


def _show(frame, out: Optional[Path]) -> None:
    if out:
        frame.to_csv(out, index=False)
        typer.echo(f"wrote {len(frame)} row(s) to {out}", err=True)
    else:
        typer.echo(frame.to_string(index=False) if len(frame) else "no rows")


@plot_app.command("dyad")
def plot_dyad(
    source: str = typer.Argument(..., help="Source actor code or prefix, e.g. RUS or RUSGOV."),
    target: str = typer.Argument(..., help="Target actor code or prefix."),
    out: Path = typer.Option(..., "--output", "-o", help="Chart file (.png, .svg, .pdf)."),
    freq: Freq = typer.Option(Freq.month, "--freq", help="Period."),
    both: bool = typer.Option(False, "--both", help="Count both directions."),
    db: Path = DB,
) -> None:
    """Events from SOURCE to TARGET per period by quad class, with mean Goldstein."""
    from casus.analysis import plots, queries

    with _connect(db) as con:
        series = queries.event_series(con, freq.value, source=source, target=target, both_directions=both)
    arrow = "↔" if both else "→"
    plots.series_chart(series, f"{source} {arrow} {target}: events per {freq.value}", out)
    typer.echo(f"wrote {out} ({int(series.events.sum()) if len(series) else 0} events)", err=True)


@plot_app.command("timeline")
def plot_timeline(
    out: Path = typer.Option(..., "--output", "-o", help="Chart file (.png, .svg, .pdf)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor on either side."),
    freq: Freq = typer.Option(Freq.month, "--freq", help="Period."),
    db: Path = DB,
) -> None:
    """All events (or one actor's) per period by quad class, with mean Goldstein."""
    from casus.analysis import plots, queries

    with _connect(db) as con:
        series = queries.event_series(con, freq.value, actor=actor)
    plots.series_chart(series, f"{actor or 'all actors'}: events per {freq.value}", out)
    typer.echo(f"wrote {out}", err=True)


@plot_app.command("network")
def plot_network(
    out: Path = typer.Option(..., "--output", "-o", help="Chart file (.png, .svg, .pdf)."),
    min_events: int = typer.Option(1, "--min-events", min=1, help="Hide edges with fewer events."),
    limit: int = typer.Option(60, "--limit", min=1, help="Draw at most this many edges (busiest first)."),
    db: Path = DB,
) -> None:
    """The actor network: green edges mostly cooperation, red mostly conflict."""
    from casus.analysis import plots, queries

    with _connect(db) as con:
        graph = queries.actor_network(con, min_events=min_events, limit=limit)
    plots.network_chart(graph, "actor network", out)
    typer.echo(f"wrote {out} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} dyads)", err=True)


@analyse_app.command("series")
def analyse_series(
    source: Optional[str] = typer.Option(None, "--source", help="Source actor code or prefix."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor code or prefix."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor on either side."),
    freq: Freq = typer.Option(Freq.month, "--freq", help="Period."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write CSV instead of printing."),
    db: Path = DB,
) -> None:
    """Event counts and Goldstein per period and quad class."""
    from casus.analysis import queries

    with _connect(db) as con:
        _show(queries.event_series(con, freq.value, source=source, target=target, actor=actor), out)


@analyse_app.command("dyads")
def analyse_dyads(
    limit: int = typer.Option(20, "--limit", min=1),
    by_code: bool = typer.Option(False, "--by-code", help="Group by full actor code instead of country."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write CSV instead of printing."),
    db: Path = DB,
) -> None:
    """The most frequent dyads with cooperation/conflict counts and mean Goldstein."""
    from casus.analysis import queries

    with _connect(db) as con:
        _show(queries.top_dyads(con, limit, by="code" if by_code else "country"), out)


@analyse_app.command("claims")
def analyse_claims(
    actor: Optional[str] = typer.Option(None, "--actor", help="Only threads involving this actor."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write CSV instead of printing."),
    db: Path = DB,
) -> None:
    """Claim threads: who accused whom, who rejected or denied it, with both sentences."""
    from casus.analysis import queries

    with _connect(db) as con:
        frame = queries.claim_threads(con, actor=actor)
    columns = ["thread", "article_id", "published", "from_speaker", "kind", "to_speaker", "from_sentence", "to_sentence"]
    _show(frame if out else frame[columns], out)


@analyse_app.command("agreements")
def analyse_agreements(
    actor: Optional[str] = typer.Option(None, "--actor", help="Only agreements involving this actor."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="Write CSV instead of printing."),
    db: Path = DB,
) -> None:
    """Agreements, obligations and alleged violations, by article date."""
    from casus.analysis import queries

    with _connect(db) as con:
        _show(queries.agreement_tracker(con, actor=actor), out)


@analyse_app.command("dedup")
def analyse_dedup(
    window_days: int = typer.Option(3, "--window-days", min=0, help="Max days between reports of one event."),
    db: Path = DB,
) -> None:
    """Update the cross-article tables corpus_events / corpus_event_members for newly coded articles."""
    from casus.analysis import dedup

    with _connect(db, read_only=False) as con:
        assigned = dedup.refresh(con, window_days)
        total, merged = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE num_articles > 1) FROM corpus_events").fetchone()
    typer.echo(f"assigned {assigned} event mention(s); {total} corpus event(s), {merged} reported by several articles", err=True)


@analyse_app.command("export")
def analyse_export(
    output_format: AnalystFormat = typer.Option(..., "--format", "-f", help="Export format."),
    out: Path = typer.Option(..., "--output", "-o", help="Output file."),
    db: Path = DB,
) -> None:
    """Phoenix-like CSV, ACLED-like CSV or PLOVER JSON (columns: casus/analysis/README.md)."""
    from casus.analysis import exports

    with _connect(db) as con:
        count = exports.export(con, output_format.value, out)
    typer.echo(f"exported {count} event(s) to {out}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(plot_app, name="plot")
    app.add_typer(analyse_app, name="analyse")
