"""``casus watch``: poll RSS/Atom feeds and folders, code only what is new, share the store.

DuckDB allows one writer process and no readers in other processes while it writes. The watcher
therefore never holds the store between polls: per batch of new articles it opens the store,
drops what a checkpoint says is done (by feed guid or article id, see ``casus.scale.checkpoint``),
closes it, codes the rest with no connection open, then opens it again for one short write
transaction. Opening retries while another process (``casus serve``, a query) holds the file, so
readers that open a read-only connection per request, and retry on the lock likewise, interleave
with it. Unchanged files in watched folders (same size and modification time) are not re-read.
Coding is a callable handed in: ``casus watch`` passes a ``casus.scale.workers.Coder``'s, which codes
in a process with no other thread (in the watcher's, DuckDB's threads make it ~9% dearer).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.records import Article, CodedArticle, Rejected
from casus.scale.checkpoint import CheckpointStore, pending
from casus.store import batched

LOCK_RETRY_SECONDS = 0.2
LOCK_TIMEOUT_SECONDS = 60.0
BATCH = 32

Code = Callable[[list[Article]], list[CodedArticle]]


@dataclass(frozen=True)
class Poll:
    """What one poll did."""

    coded: int
    seen: int  # already stored before
    rejected: tuple[Rejected, ...] = ()


@dataclass
class Watcher:
    """Sources to poll and what the watcher keeps between polls (file stamps), writing to ``db``."""

    sources: list[str]
    db: Path
    config: str
    options: Any  # casus.ingest.Options
    stamps: dict[str, tuple[float, int]] = field(default_factory=dict)

    def poll(self, code: Code) -> Poll:
        """Fetch every source once, code what is new with ``code`` and store it."""
        rejected: list[Rejected] = []
        coded = seen = 0
        for batch in batched(self._articles(rejected), BATCH):
            with open_store(self.db, self.config) as store:
                skipped: list[Article] = []
                new = list(pending(batch, store, skipped.append))
            seen += len(skipped)
            if new:
                results = code(new)
                with open_store(self.db, self.config) as store:
                    store.write(results, batch_size=len(results))
                coded += len(results)
        if rejected:
            with open_store(self.db, self.config) as store:
                store.quarantine(rejected)
        return Poll(coded, seen, tuple(rejected))

    def _articles(self, rejected: list[Rejected]) -> Iterator[Article]:
        for source in self.sources:
            items = fetch(source, self.options) if is_url(source) else self._changed_files(source)
            for item in items:
                if isinstance(item, Rejected):
                    rejected.append(item)
                else:
                    yield item

    def _changed_files(self, folder: str) -> Iterator[Article | Rejected]:
        from casus import ingest

        for source in ingest.sources([folder]):
            if isinstance(source, Rejected):
                yield source
                continue
            stat = source.path.stat()
            stamp = (stat.st_mtime, stat.st_size)
            if self.stamps.get(source.name) != stamp:
                yield from ingest.read_source(source, self.options)
                self.stamps[source.name] = stamp


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, options: Any, timeout: float = 30.0) -> Iterator[Article | Rejected]:
    """The articles of the feed at ``url`` (a ``Rejected`` if it cannot be fetched)."""
    import httpx

    from casus import ingest

    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        yield Rejected(url, f"cannot fetch the feed: {exc}", "FetchFailed")
        return
    yield from ingest.read_bytes(response.content, name=url, options=options)


def open_store(db: Path, config: str, timeout: float = LOCK_TIMEOUT_SECONDS) -> CheckpointStore:
    """The store for writing, waiting while another process holds its lock (up to ``timeout`` seconds)."""
    import duckdb

    deadline = time.monotonic() + timeout
    while True:
        try:
            return CheckpointStore(db, config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(LOCK_RETRY_SECONDS)


def watch(watcher: Watcher, code: Code, interval: float, polls: int, report: Callable[[Poll], None],
          sleep: Callable[[float], None] = time.sleep) -> None:  # fmt: skip
    """Poll every ``interval`` seconds, ``polls`` times (0: until interrupted), reporting each poll."""
    done = 0
    while polls == 0 or done < polls:
        started = time.monotonic()
        report(watcher.poll(code))
        done += 1
        if polls == 0 or done < polls:
            sleep(max(0.0, interval - (time.monotonic() - started)))
