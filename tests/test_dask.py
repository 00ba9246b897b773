"""casus code --dask on a LocalCluster: every stored row as in a single-process run, Parquet by day."""
from __future__ import annotations

import duckdb
import pytest
import typer
from conftest import SHARED
from test_scale import corpus, write_jsonl
from typer.testing import CliRunner

from casus.scale import cluster
from casus.store import ARTICLE_TABLES, Store

ALLSIDES = SHARED / "data" / "allsides-news-subset" / "data" / "jsons"


def stored(db: str, table: str) -> list[tuple]:
    """Every row of ``table`` but the time it was coded."""
    with Store(db, read_only=True) as store:
        return store.query(f"SELECT * EXCLUDE (coded_at) FROM {table} ORDER BY ALL" if table in ("articles", "corpus_event_members")
                           else f"SELECT * FROM {table} ORDER BY ALL")[1]  # fmt: skip


def in_parquet(table: str) -> list[tuple]:
    """Every row of ``table`` in the Parquet folder, without the day partition key (and coded_at)."""
    excluded = "day, coded_at" if table == "articles" else "day"
    return duckdb.sql(f"SELECT * EXCLUDE ({excluded}) FROM read_parquet('parquet/{table}/*/*.parquet', hive_partitioning=true) "
                      "ORDER BY ALL").fetchall()  # fmt: skip


@pytest.mark.skipif(not ALLSIDES.is_dir(), reason="needs ../shared/data/allsides-news-subset")
def test_dask_local_cluster_stores_what_one_process_stores(tmp_path, monkeypatch):
    from casus.commands import register

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cluster, "PARTITION_SIZE", 2)  # more partitions than are in flight: both workers, refills
    items = corpus(6)
    items[4]["date"] = ""  # no publication date: the partition day=unknown
    inputs = [str(write_jsonl(tmp_path / "news.jsonl", items)), *map(str, sorted(ALLSIDES.glob("*.json"))[-4:])]
    app = typer.Typer()
    register(app)
    run = CliRunner().invoke
    single = run(app, ["code", *inputs, "--db", "single.duckdb", "--no-resume", "-o", "single.json"])
    assert single.exit_code == 0, single.output
    on_dask = run(app, ["code", *inputs, "--db", "dask.duckdb", "--dask", "local", "-o", "parquet"])
    assert on_dask.exit_code == 0, on_dask.output
    assert "coded 10 article(s) on Dask" in on_dask.stderr
    assert stored("dask.duckdb", "events") != [] and stored("dask.duckdb", "quotes") != []
    for table in ARTICLE_TABLES:
        rows = stored("dask.duckdb", table)
        assert rows == stored("single.duckdb", table), table
        assert (in_parquet(table) if rows else []) == rows, table
    for table in ("corpus_events", "corpus_event_members"):  # deduplicated across articles, as a plain run does
        assert stored("dask.duckdb", table) == stored("single.duckdb", table) != [], table
    with Store("dask.duckdb", read_only=True) as store:  # each article under its publication day
        published = dict(store.query("SELECT article_id, coalesce(CAST(published AS VARCHAR), 'unknown') FROM articles")[1])
        assert store.query("SELECT count(*) FROM checkpoints")[1] == [(10,)]
    days = duckdb.sql("SELECT article_id, CAST(day AS VARCHAR) FROM read_parquet('parquet/articles/*/*.parquet', hive_partitioning=true)").fetchall()
    assert dict(days) == published and len(days) == 10 and len(set(published.values())) > 5
    written = duckdb.sql("DESCRIBE SELECT * EXCLUDE (day) FROM read_parquet('parquet/events/*/*.parquet', hive_partitioning=true)")
    with Store("dask.duckdb", read_only=True) as store:  # the Parquet has the store's column types
        assert store.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events'")[1] == [
            (column, kind) for column, kind, *_ in written.fetchall()]  # fmt: skip
    again = run(app, ["code", *inputs, "--db", "dask.duckdb", "--dask", "local", "-o", "parquet"])
    assert "coded 0 article(s) on Dask" in again.stderr and "skipped 10 already stored" in again.stderr


def test_the_last_partitions_are_smaller_so_the_workers_finish_together():
    articles = list(range(50))
    partitions = list(cluster.tapered(iter(articles), size=8, tail=16))
    assert [len(p) for p in partitions] == [8, 8, 8, 8] + [2] * 9
    assert [a for p in partitions for a in p] == articles
    assert [len(p) for p in cluster.tapered(iter(range(5)), size=8, tail=16)] == [2, 2, 1]
    assert list(cluster.tapered(iter([]), size=8, tail=16)) == []

