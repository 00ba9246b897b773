"""``casus code --dask``: code partitions of the input on a Dask cluster, write partitioned Parquet.

The client streams the input and submits partitions of articles (at most two per worker in
flight, so memory stays bounded). ``ResourcesPlugin`` starts a ``Coder`` process per worker, which
loads ``Resources`` once and codes with no other thread (a Dask worker runs tasks beside its event
loop: coding on that thread cost ~9% more CPU). The LocalCluster's workers are therefore threads of
the client's process: they only hand partitions to their ``Coder`` and write Parquet, and worker
processes of their own cost ~0.13 GB each (Dask, DuckDB) and a pickling of every result. Each task
has its partition coded and writes one Parquet file per table and publication day under
``PARQUET/<table>/day=YYYY-MM-DD/`` (``day=unknown`` when the article has no date), named by a
digest of the partition's articles, so a re-run overwrites rather than duplicates. With a store,
the task also returns its rows, which the client loads (one transaction with their checkpoints)
without reading the Parquet back; with ``--no-db`` it returns only the file names.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from casus.records import Article, CodedArticle, Rejected
from casus.scale.workers import Coder, Settings

PLUGIN = "casus-resources"
DEFAULT_PARQUET = "casus-parquet"
PARTITION_SIZE = 32  # articles per task (the last ones a quarter of that: ``tapered``); each task writes a file per table and day
LOCAL_WORKERS = 2
LOCAL_BATCH_CHARS = 30_000  # a LocalCluster's coders parse at most this many characters at once (see _client)
LOCAL_CONFIG = {  # tasks run for seconds: no profiler, fewer housekeeping wake-ups (idle: 6.7% → 1.2% of a core)
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.log-length": 100,  # the logs of the scheduler and workers in the client's process, kept short
    "distributed.admin.low-level-log-length": 100,
}


class ResourcesPlugin(WorkerPlugin):
    """A worker's ``Coder``: its own process, loading the coding resources once."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.coder: Any = None

    def setup(self, worker: Any) -> None:
        self.coder = Coder(self.settings)

    def teardown(self, worker: Any) -> None:
        self.coder.close()


@dataclass(frozen=True)
class Partition:
    """A coded partition: how many articles, the Parquet files written, and (if asked for) the rows
    per table, without the ``day`` partition key."""

    articles: int
    files: list[str]
    rows: dict[str, list[dict[str, Any]]] | None = None


def write_partition(coded: list[CodedArticle], root: Path, keep_rows: bool = False) -> Partition:
    """Write the rows of ``coded`` as Parquet partitioned by publication day (and return them if
    ``keep_rows``). DuckDB writes the files from a fresh in-memory database with the store's tables
    (one kept for the run grew with it), so the Parquet has the store's column types and no pyarrow
    (nor the pandas it imports) is loaded."""
    from casus.store import ARTICLE_TABLES, Store, insert_rows
    from casus.store.rows import rows

    latest = {c.article.id: c for c in coded}
    digest = hashlib.blake2b("\n".join(f"{c.article.origin}\0{i}" for i, c in latest.items()).encode(), digest_size=8)
    now = dt.datetime.now(dt.timezone.utc)
    batch: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
    for one in latest.values():
        for name, table_rows in rows(one, now).items():
            batch[name].extend(table_rows)
    days = [{"article_id": i, "day": c.article.published.isoformat() if c.article.published else "unknown"} for i, c in latest.items()]
    files: list[str] = []
    with Store(":memory:") as tables:
        con = tables.con
        con.execute("SET threads = 1")  # a worker runs one task per thread
        con.execute("CREATE TEMP TABLE days (article_id VARCHAR, day VARCHAR)")
        insert_rows(con, "days", days)
        for name, table_rows in batch.items():
            if table_rows:  # into a copy of the table without its keys: nothing to index
                (root / name).mkdir(parents=True, exist_ok=True)
                con.execute(f"CREATE TEMP TABLE part AS FROM {name} LIMIT 0")
                insert_rows(con, "part", table_rows)
                target = str(root / name).replace("'", "''")
                files += con.execute(
                    f"COPY (SELECT part.*, days.day FROM part JOIN days USING (article_id)) TO '{target}' (FORMAT parquet, "
                    f"PARTITION_BY (day), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'part-{digest.hexdigest()}-{{i}}', RETURN_FILES)"
                ).fetchone()[1]  # fmt: skip
                con.execute("DROP TABLE part")
    return Partition(len(latest), files, batch if keep_rows else None)


def code_partition(articles: list[Article], root: str, keep_rows: bool) -> Partition:
    """A Dask task: have the worker's ``Coder`` code one partition, and write it as Parquet."""
    from distributed import get_worker

    return write_partition(get_worker().plugins[PLUGIN].coder.code(articles), Path(root), keep_rows)


def code_on_dask(paths: list[str], options: Any, settings: Settings, address: str, *, db: Path | None, config: str,
                 parquet: Path | None, resume: bool, console: Any) -> int:  # fmt: skip
    """Run ``casus code --dask``; returns the exit status (1 when some input was rejected)."""
    from distributed import as_completed

    from casus.analysis import dedup
    from casus.scale.checkpoint import CheckpointStore, pending

    root = (parquet or Path(DEFAULT_PARQUET)).resolve()
    rejected: list[Rejected] = []
    skipped: list[str] = []
    coded = files = 0
    with ExitStack() as stack:
        store = stack.enter_context(CheckpointStore(db, config)) if db else None
        items = _articles(paths, options, rejected, console)
        todo = pending(items, store, lambda a: skipped.append(a.id)) if store and resume else items
        first = _take(todo, 1)  # no cluster is started when there is nothing to code
        client = _client(stack, address, settings) if first else None
        workers = max(len(client.scheduler_info()["workers"]), 1) if client else 1
        partitions = tapered(chain(first, todo), PARTITION_SIZE, workers * PARTITION_SIZE)
        keep = store is not None
        running = as_completed([client.submit(code_partition, p, str(root), keep, pure=False)
                                for p in _take(partitions, 2 * workers)]) if client else []  # two partitions in flight per worker
        for future in running:
            partition = future.result()
            coded += partition.articles
            files += len(partition.files)
            if store:
                store.write_rows(partition.rows)
            for articles in _take(partitions, 1):
                running.add(client.submit(code_partition, articles, str(root), keep, pure=False))
        if store:
            store.quarantine(rejected)
            dedup.refresh(store.con)  # the corpus-event tables, as a plain run leaves them
    console.print(f"coded {coded} article(s) on Dask into {files} Parquet file(s) under {root}, skipped {len(skipped)} already stored, "
                  f"rejected {len(rejected)} input(s)", highlight=False, soft_wrap=True)  # fmt: skip
    return 1 if rejected else 0


def _client(stack: ExitStack, address: str, settings: Settings) -> Any:
    """A client of the scheduler at ``address`` (or of a new LocalCluster), with the resources plugin."""
    import dask
    from distributed import Client, LocalCluster

    if address == "local":
        stack.enter_context(dask.config.set(LOCAL_CONFIG))
        # both coders and the client share this machine: smaller parse batches keep the sum of their peaks in
        # bounds (the parser's working memory grows with the tokens of a batch, ~35 KB each)
        settings = dataclasses.replace(settings, batch_chars=min(settings.batch_chars, LOCAL_BATCH_CHARS))
        # workers in this process, a thread each (each codes in its Coder process); no memory limit, so no
        # memory monitor: a worker keeps nothing between tasks, results go straight to the client
        cluster = stack.enter_context(LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=False, memory_limit=0,
                                                   dashboard_address=None, silence_logs=logging.ERROR))  # fmt: skip
        client = stack.enter_context(Client(cluster))
    else:
        client = stack.enter_context(Client(address))
    client.register_plugin(ResourcesPlugin(settings), name=PLUGIN)
    return client


def tapered(articles: Iterable[Article], size: int, tail: int) -> Iterator[list[Article]]:
    """Partitions of ``size`` articles, but the stream's last ``tail`` to ``tail + size`` articles in partitions
    of a quarter of that size, so the workers finish together (with full partitions, one worker went on
    alone with the last for ~2 s)."""
    waiting: list[Article] = []
    for article in articles:
        waiting.append(article)
        if len(waiting) == tail + size:
            yield waiting[:size]
            del waiting[:size]
    small = max(size // 4, 1)
    for start in range(0, len(waiting), small):
        yield waiting[start : start + small]


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
