"""``casus serve --db FILE``: the read-only web UI and JSON API (OpenAPI spec at /openapi.json)."""
from __future__ import annotations

import ipaddress
from pathlib import Path

import typer

from casus.store import DEFAULT_DB


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file written by `casus code` (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; anything but loopback exposes the data."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
) -> None:
    """Serve the event explorer page and its JSON API."""
    import duckdb
    import uvicorn

    from casus.web.app import create_app

    if not db.is_file():
        typer.echo(f"error: no database at {db} (create one with `casus code ... --db {db}`)", err=True)
        raise typer.Exit(2)
    if not is_loopback(host):
        typer.echo(f"warning: binding {host} makes the store readable from the network", err=True)
    try:
        app = create_app(db, allowed_hosts=None if is_loopback(host) else ["*"])
    except duckdb.Error as exc:
        typer.echo(f"error: cannot open {db} read-only ({exc}); is `casus code` still writing to it?", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"casus explorer on http://{'localhost' if is_loopback(host) else host}:{port}/ (OpenAPI spec at /openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=256, timeout_keep_alive=30)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
