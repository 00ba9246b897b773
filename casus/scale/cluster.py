"""``casus code --dask``: code partitions of the input on a Dask cluster, write partitioned Parquet.

The client streams the input and submits partitions of articles (at most two per worker in
flight, so memory stays bounded). ``ResourcesPlugin`` loads ``Resources`` once per worker and keeps
it on the worker's plugin state. Each task codes its partition and writes one Parquet file per
table and publication day under ``PARQUET/<table>/day=YYYY-MM-DD/`` (``day=unknown`` when the
article has no date), named by a digest of the partition's articles, so a re-run overwrites
rather than duplicates. With a store, the task also returns its rows, which the client loads (one
transaction with their checkpoints) without reading the Parquet back; with ``--no-db`` it returns
only the file names.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from casus.records import Article, CodedArticle, Rejected
from casus.scale.workers import Settings, code_chunk, load

PLUGIN = "casus-resources"
DEFAULT_PARQUET = "casus-parquet"
PARTITION_SIZE = 64
LOCAL_WORKERS = 2


class ResourcesPlugin(WorkerPlugin):
    """Loads the coding resources and the table schemas once per worker."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.resources: Any = None
        self.schemas: dict[str, Any] = {}

    def setup(self, worker: Any) -> None:
        self.resources = load(self.settings)
        self.schemas = table_schemas()


def table_schemas() -> dict[str, Any]:
    """The Arrow schema of every per-article table, read off the store's DDL."""
    from casus.store import ARTICLE_TABLES, Store

    with Store(":memory:") as store:
        return {name: store.con.sql(f"SELECT * FROM {name} LIMIT 0").to_arrow_table().schema for name in ARTICLE_TABLES}


@dataclass(frozen=True)
class Partition:
    """A coded partition: how many articles, the Parquet files written per table, and (if asked
    for) the rows per table, without the ``day`` partition key."""

    articles: int
    files: dict[str, list[str]]
    rows: dict[str, list[dict[str, Any]]] | None = None


def write_partition(coded: list[CodedArticle], root: Path, schemas: dict[str, Any], keep_rows: bool = False) -> Partition:
    """Write the rows of ``coded`` as Parquet partitioned by publication day (and return them if ``keep_rows``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from casus.store.rows import rows

    latest = {c.article.id: c for c in coded}
    digest = hashlib.blake2b("\n".join(f"{c.article.origin}\0{i}" for i, c in latest.items()).encode(), digest_size=8)
    now = dt.datetime.now(dt.timezone.utc)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in schemas}
    days: dict[str, list[str]] = {name: [] for name in schemas}
    for one in latest.values():
        day = one.article.published.isoformat() if one.article.published else "unknown"
        for name, table_rows in rows(one, now).items():
            tables[name].extend(table_rows)
            days[name].extend([day] * len(table_rows))
    written: dict[str, list[str]] = {}
    for name, table_rows in tables.items():
        if table_rows:
            files: list[str] = []
            table = pa.Table.from_pylist(table_rows, schema=schemas[name]).append_column("day", pa.array(days[name], pa.string()))
            pq.write_to_dataset(table, root / name, partition_cols=["day"], basename_template=f"part-{digest.hexdigest()}-{{i}}.parquet",
                                existing_data_behavior="overwrite_or_ignore", file_visitor=lambda f, into=files: into.append(f.path))  # fmt: skip
            written[name] = files
    return Partition(len(latest), written, tables if keep_rows else None)


def code_partition(articles: list[Article], root: str, keep_rows: bool) -> Partition:
    """A Dask task: code one partition with the worker's resources and write it as Parquet."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN]
    coded = list(code_chunk(articles, plugin.resources, plugin.settings))
    return write_partition(coded, Path(root), plugin.schemas, keep_rows)


def code_on_dask(paths: list[str], options: Any, settings: Settings, address: str, *, db: Path | None, config: str,
                 parquet: Path | None, resume: bool, console: Any) -> int:  # fmt: skip
    """Run ``casus code --dask``; returns the exit status (1 when some input was rejected)."""
    from distributed import as_completed

    from casus.scale.checkpoint import CheckpointStore, pending
    from casus.store import batched

    root = (parquet or Path(DEFAULT_PARQUET)).resolve()
    rejected: list[Rejected] = []
    skipped: list[str] = []
    coded = 0
    with ExitStack() as stack:
        store = stack.enter_context(CheckpointStore(db, config)) if db else None
        items = _articles(paths, options, rejected, console)
        todo = pending(items, store, lambda a: skipped.append(a.id)) if store and resume else items
        partitions = batched(todo, PARTITION_SIZE)
        first = _take(partitions, 1)  # no cluster is started when there is nothing to code
        client = _client(stack, address, settings) if first else None
        if client:  # two partitions in flight per worker
            first += _take(partitions, 2 * max(len(client.scheduler_info()["workers"]), 1) - 1)
        keep = store is not None
        running = as_completed([client.submit(code_partition, p, str(root), keep, pure=False) for p in first]) if client else []
        for future in running:
            partition = future.result()
            coded += partition.articles
            if store:
                store.write_rows(partition.rows)
            for articles in _take(partitions, 1):
                running.add(client.submit(code_partition, articles, str(root), keep, pure=False))
        if store:
            store.quarantine(rejected)
    console.print(f"coded {coded} article(s) on Dask into {root}, skipped {len(skipped)} already stored, "
                  f"rejected {len(rejected)} input(s)", highlight=False, soft_wrap=True)  # fmt: skip
    return 1 if rejected else 0


def _client(stack: ExitStack, address: str, settings: Settings) -> Any:
    """A client of the scheduler at ``address`` (or of a new LocalCluster), with the resources plugin."""
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = stack.enter_context(LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1,
                                                   dashboard_address=None, silence_logs=logging.ERROR))  # fmt: skip
        client = stack.enter_context(Client(cluster))
    else:
        client = stack.enter_context(Client(address))
    client.register_plugin(ResourcesPlugin(settings), name=PLUGIN)
    return client


def _take(iterator: Iterator[Any], count: int) -> list[Any]:
    return [item for _, item in zip(range(count), iterator)]


def _articles(paths: list[str], options: Any, rejected: list[Rejected], console: Any) -> Iterator[Article]:
    from casus import ingest

    for source in ingest.sources(paths):
        for item in [source] if isinstance(source, Rejected) else ingest.read_source(source, options):
            if isinstance(item, Rejected):
                rejected.append(item)
                console.print(f"[yellow]rejected[/] {item.input}: {item.reason} [dim]({item.error})[/]", highlight=False)
            else:
                yield item
