"""Memory of the process that stores a corpus: the parent's side of ``casus code``, without parsing.

    python bench/bench_store_memory.py [--articles 200] [--total 36560] [--batch-size 64]

Codes ``--articles`` AllSides articles once in a child process (the parser never loads here, as in
the parent of ``casus code --workers N``), then streams ``--total`` copies of them with distinct ids
and origins through what that parent does with every batch: the checkpoint lookup (``pending``),
``CheckpointStore.write`` (one transaction per batch) and ``quarantine``; then ``dedup.refresh``
as at the end of a run. Prints, per quarter of the articles and for the final refresh, this
process's peak RSS within the phase (VmHWM, reset through /proc/self/clear_refs, so Linux only),
its RSS at the end of the phase, DuckDB's own memory by tag and the phase's CPU seconds. A bounded
writer shows flat peaks.
"""
from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from casus.records import Article, CodedArticle

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides-news-subset" / "data" / "jsons"


def code_sample(files: list[str]) -> list[CodedArticle]:
    """The coded articles of ``files`` (run in a child process)."""
    from casus import ingest
    from casus.scale.workers import Settings, code_stream

    return list(code_stream((a for a in ingest.read(files) if isinstance(a, Article)), Settings()))


def copies(sample: list[CodedArticle], total: int) -> Iterator[Article]:
    """``total`` articles cycling through ``sample``, each with its own id and origin."""
    for number in range(total):
        article = sample[number % len(sample)].article
        yield dataclasses.replace(article, id=f"{article.id}-{number}", origin=f"corpus.jsonl#{number + 1}")


def as_coded(articles: Iterator[Article], sample: list[CodedArticle]) -> Iterator[CodedArticle]:
    """What the workers would send back: ``sample``'s records for each article, in turn."""
    for number, article in enumerate(articles):
        yield dataclasses.replace(sample[number % len(sample)], article=article)


def memory_mb() -> tuple[float, float]:
    """This process's (peak since the last reset, current) RSS in MB."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(status["VmHWM"].split()[0]) / 1024, int(status["VmRSS"].split()[0]) / 1024


def reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def report(phase: str, con, cpu_started: float) -> None:
    peak, now = memory_mb()
    tags = con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY 2 DESC").fetchall()
    duck = sum(size for _, size in tags) / 2**20
    detail = ", ".join(f"{tag.lower()} {size / 2**20:.0f}" for tag, size in tags[:3])
    print(f"{phase:<18}{peak:>9.0f}{now:>9.0f}{duck:>9.0f}  {time.process_time() - cpu_started:>6.1f}   {detail}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="Folder of AllSides-style JSON files.")
    parser.add_argument("--articles", type=int, default=200, help="Articles to code once (the sample).")
    parser.add_argument("--total", type=int, default=36_560, help="Articles to store (the sample repeated).")
    parser.add_argument("--batch-size", type=int, default=64, help="Articles per store transaction, as casus code's.")
    args = parser.parse_args()
    from casus.analysis import dedup
    from casus.scale.checkpoint import CheckpointStore, pending
    from casus.store import batched

    files = [str(f) for f in sorted(args.corpus.glob("*.json"))[: args.articles]]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
        sample = child.submit(code_sample, files).result()
    print(f"{len(sample)} coded articles stored {args.total} times, {args.batch_size} per transaction")
    print(f"{'phase':<18}{'peak MB':>9}{'RSS MB':>9}{'DuckDB':>9}  {'CPU s':>6}   largest DuckDB tags (MB)")
    quarter = -(-args.total // 4)
    with tempfile.TemporaryDirectory(prefix="casus-bench-") as tmp, CheckpointStore(Path(tmp, "store.duckdb"), "bench") as store:
        report("opened", store.con, time.process_time())
        reset_peak()
        stored, cpu = 0, time.process_time()
        for batch in batched(as_coded(pending(copies(sample, args.total), store, lambda _: None), sample), args.batch_size):
            store.write(batch, batch_size=args.batch_size)
            store.quarantine([])
            stored += len(batch)
            if stored // quarter > (stored - len(batch)) // quarter or stored == args.total:
                report(f"{stored} stored", store.con, cpu)
                reset_peak()
                cpu = time.process_time()
        dedup.refresh(store.con)
        report("dedup.refresh", store.con, cpu)


if __name__ == "__main__":
    main()
