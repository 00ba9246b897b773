"""CPU of cross-article dedup (``dedup.refresh``) per article, on the articles and events of a coded store.

    python bench/bench_dedup.py STORE.duckdb [--copies 4] [--repeat 3]

Copies the ``articles`` and ``events`` of STORE (e.g. made by ``casus code FOLDER --db STORE``)
``--copies`` times into a scratch store, each copy's articles with their own ids, so every event
is reported by ``--copies`` articles. Then times (``time.process_time``) two ways of running
``refresh`` on it, from empty corpus-event tables: ``one pass`` (all copies stored, one refresh, as
at the end of ``casus code``) and ``per copy`` (a refresh after each copy is stored: the later
copies' mentions join existing corpus events). Prints CPU ms per article (median of ``--repeat``)
and the corpus-event and member counts.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from casus.analysis import dedup


def scratch(path: Path, store: Path) -> duckdb.DuckDBPyConnection:
    """A store at ``path`` with empty ``articles`` and ``events`` tables shaped like those of ``store``."""
    con = duckdb.connect(str(path))
    con.execute(f"ATTACH '{store}' AS src (READ_ONLY)")
    for table in ("articles", "events"):
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM src.{table} LIMIT 0")
    return con


def add_copy(con: duckdb.DuckDBPyConnection, copy: int) -> None:
    """Store copy number ``copy`` of the source articles and their events, ids suffixed ``#copy``."""
    for table in ("articles", "events"):
        con.execute(f"INSERT INTO {table} SELECT * REPLACE (article_id || '#{copy}' AS article_id) FROM src.{table}")


def run(store: Path, copies: int, per_copy: bool) -> tuple[float, int, int, int]:
    """CPU seconds spent in ``refresh``, articles, corpus events and members for one way of running it."""
    with tempfile.TemporaryDirectory() as tmp:
        con = scratch(Path(tmp, "bench.duckdb"), store)
        cpu = 0.0
        for copy in range(copies):
            add_copy(con, copy)
            if per_copy or copy == copies - 1:
                start = time.process_time()
                dedup.refresh(con)
                cpu += time.process_time() - start
        counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "corpus_events", "corpus_event_members")]
        con.close()
    return cpu, *counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'refresh':<10} {'articles':>8} {'corpus events':>13} {'members':>8} {'CPU ms/article':>14}")
    for name, per_copy in (("one pass", False), ("per copy", True)):
        runs = [run(args.store, args.copies, per_copy) for _ in range(args.repeat)]
        cpu = statistics.median(r[0] for r in runs)
        _, articles, events, members = runs[0]
        print(f"{name:<10} {articles:>8} {events:>13} {members:>8} {1000 * cpu / articles:>14.2f}")


if __name__ == "__main__":
    main()
