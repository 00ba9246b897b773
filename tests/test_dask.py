"""casus code --dask on a LocalCluster: the same events as a single-process run, Parquet by day."""
from __future__ import annotations

import duckdb
import typer
from test_scale import corpus, counts, events, write_jsonl
from typer.testing import CliRunner

from casus.store import Store


def test_dask_local_cluster_codes_like_one_process(tmp_path, monkeypatch):
    from casus.commands import register

    monkeypatch.chdir(tmp_path)
    items = corpus(6)
    items[4]["date"] = ""  # no publication date: the partition day=unknown
    data = write_jsonl(tmp_path / "news.jsonl", items)
    app = typer.Typer()
    register(app)
    run = CliRunner().invoke
    single = run(app, ["code", str(data), "--db", "single.duckdb", "--no-resume", "-o", "single.json"])
    assert single.exit_code == 0, single.output
    on_dask = run(app, ["code", str(data), "--db", "dask.duckdb", "--dask", "local", "-o", "parquet"])
    assert on_dask.exit_code == 0, on_dask.output
    assert "coded 6 article(s) on Dask" in on_dask.stderr
    assert events(tmp_path / "dask.duckdb") == events(tmp_path / "single.duckdb") != []
    assert counts(tmp_path / "dask.duckdb") == counts(tmp_path / "single.duckdb")
    days = duckdb.sql("SELECT day, count(*) FROM read_parquet('parquet/articles/*/*.parquet', hive_partitioning=true) "
                      "GROUP BY day ORDER BY day").fetchall()  # fmt: skip
    expected = sorted({i["date"] or "unknown" for i in items})
    assert [d for d, _ in days] == expected and sum(n for _, n in days) == 6
    written = duckdb.sql("DESCRIBE SELECT * EXCLUDE (day) FROM read_parquet('parquet/events/*/*.parquet', hive_partitioning=true)")
    with Store(tmp_path / "dask.duckdb", read_only=True) as store:  # the Parquet has the store's column types
        assert store.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events'")[1] == [
            (column, kind) for column, kind, *_ in written.fetchall()]  # fmt: skip
    again = run(app, ["code", str(data), "--db", "dask.duckdb", "--dask", "local", "-o", "parquet"])
    assert "coded 0 article(s) on Dask" in again.stderr and "skipped 6 already stored" in again.stderr
