"""casus.store: the embedded DuckDB store (schema in ``schema.sql``, column mapping in README.md).

``Store(path).write(coded)`` upserts articles with everything extracted from them: each batch
replaces the rows of its articles in one transaction, so re-running the same input stores
nothing twice. ``quarantine(rejected)`` records inputs that could not be read.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from casus.records import CodedArticle, Rejected
from casus.store.rows import rows

SCHEMA = Path(__file__).with_name("schema.sql")
DEFAULT_DB = "casus.duckdb"
ARTICLE_TABLES = ("articles", "events", "quotes", "links", "agreements", "obligations", "violations",
                  "places", "times", "actors", "rejections")  # fmt: skip
EXPORT_FORMATS = {"csv": "FORMAT csv, HEADER", "jsonl": "FORMAT json", "parquet": "FORMAT parquet"}
# DuckDB's buffer pool while a file store writes a transaction. At the default (80% of RAM) every
# block written or scanned stays cached: the writer of a 36,560-article run grew by 230 MB, linearly.
# Other work (dedup.refresh, exports) gets the default back: its aggregates cannot spill.
WRITER_MEMORY_LIMIT = "128MB"
T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def insert_rows(con: Any, table: str, table_rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) into ``table``, one list parameter per column. DuckDB
    converts the lists itself: 4× less CPU than via a pyarrow table, whose ``from_pylist`` also
    imports pandas (~90 MB more per process)."""
    columns = list(table_rows[0])
    select = ", ".join(f'unnest(${i}) AS "{column}"' for i, column in enumerate(columns, start=1))
    con.execute(f"INSERT INTO {table} BY NAME SELECT {select}", [[row[c] for row in table_rows] for c in columns])


class Store:
    """A casus DuckDB database; ``read_only`` opens an existing one for queries only."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        import duckdb

        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA.read_text())

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def write(self, coded: Iterable[CodedArticle], batch_size: int = 64) -> int:
        """Upsert coded articles, one transaction per ``batch_size``; returns how many were written."""
        written = 0
        for batch in batched(coded, batch_size):
            latest = {c.article.id: c for c in batch}
            written += len(latest)
            now = dt.datetime.now(dt.timezone.utc)
            tables: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
            for one in latest.values():
                for name, table_rows in rows(one, now).items():
                    tables[name].extend(table_rows)
            self._transaction(lambda: self._replace(list(latest), tables))
        return written

    def _replace(self, ids: list[str], tables: dict[str, list[dict[str, Any]]]) -> None:
        """Delete the rows of those of ``ids`` already stored, then insert ``tables``. Every table's rows
        are written with the article's row, so only articles found in ``articles`` (an index lookup:
        ``list_contains`` on the key; ``IN (SELECT unnest(?))`` would scan) have rows to delete."""
        stored = [row[0] for row in self.con.execute("SELECT article_id FROM articles WHERE list_contains(?, article_id)", [ids]).fetchall()]
        if stored:
            for name in reversed(ARTICLE_TABLES):
                self.con.execute(f"DELETE FROM {name} WHERE list_contains(?, article_id)", [stored])
        for name in ARTICLE_TABLES:
            if tables[name]:
                insert_rows(self.con, name, tables[name])

    def _transaction(self, work: Callable[[], object]) -> None:
        """Run ``work`` in one transaction, with DuckDB's memory capped at ``WRITER_MEMORY_LIMIT`` (not
        for an in-memory store, whose tables are its buffers)."""
        capped = self.path != ":memory:"
        if capped:
            self.con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
        try:
            self.con.begin()
            try:
                work()
            except BaseException:
                self.con.rollback()
                raise
            self.con.commit()  # may checkpoint: still capped
        finally:
            if capped:
                self.con.execute("RESET memory_limit")

    def quarantine(self, rejected: Iterable[Rejected]) -> int:
        """Record rejected inputs; an input already quarantined for the same error is updated, not repeated."""
        values = [(r.input, r.error, r.reason, r.at) for r in rejected]
        if values:
            self._transaction(lambda: self.con.executemany(
                "INSERT INTO quarantine VALUES (?, ?, ?, ?) ON CONFLICT (input, error) "
                "DO UPDATE SET reason = excluded.reason, quarantined_at = excluded.quarantined_at",
                values,
            ))  # fmt: skip
        return len(values)

    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of ``sql``."""
        cursor = self.con.execute(sql, params or [])
        return [d[0] for d in cursor.description or []], cursor.fetchall()

    def export(self, out: str | Path, fmt: str, article_ids: Sequence[str] | None = None) -> int:
        """Write GDELT-like event rows (view ``gdelt_events``) to ``out``; ``article_ids`` limits them."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        where = "WHERE ArticleID IN (SELECT unnest($ids))" if article_ids is not None else ""
        select = f"SELECT * FROM gdelt_events {where} ORDER BY ArticleID, SpanStart, GlobalEventID"
        target = str(out).replace("'", "''")
        params = {"ids": list(article_ids)} if article_ids is not None else {}
        self.con.execute(f"COPY ({select}) TO '{target}' ({EXPORT_FORMATS[fmt]})", params)
        return self.con.execute(f"SELECT count(*) FROM ({select})", params).fetchone()[0]
