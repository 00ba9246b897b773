"""Ingestion and store throughput (no parser): AllSides JSON files, a streamed JSON Lines corpus, DuckDB writes.

    python bench/bench_ingest_store.py [--articles 1000] [--copies 20] [--shared ../shared]

The JSON Lines corpus repeats the AllSides articles ``--copies`` times in one file to show that
reading streams (peak memory stays flat as the file grows). Store writes use uncoded articles.
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from casus import ingest
from casus.records import Article, CodedArticle
from casus.store import Store


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_read(paths: list[str]) -> tuple[list[Article], int, float]:
    start = time.perf_counter()
    items = list(ingest.read(paths))
    articles = [i for i in items if isinstance(i, Article)]
    return articles, len(items) - len(articles), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    files = sorted((args.shared / "data" / "allsides-news-subset" / "data" / "jsons").glob("*.json"))[: args.articles]
    megabytes = sum(f.stat().st_size for f in files) / 1e6

    ingest.language.stop_words()  # load once, outside the timings
    articles, rejected, seconds = timed_read([str(f) for f in files])
    print(f"JSON files : {len(articles)} articles, {rejected} rejected, {megabytes:.1f} MB in {seconds:.2f} s "
          f"= {len(articles) / seconds:.0f} articles/s, {megabytes / seconds:.1f} MB/s")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        with corpus.open("w", encoding="utf-8") as out:
            for copy in range(args.copies):
                for f in files:
                    row = json.loads(f.read_text(encoding="utf-8"))
                    out.write(json.dumps(row | {"ID": f"{row['ID']}-{copy}"}) + "\n")
        size = corpus.stat().st_size / 1e6
        before = peak_mb()
        count, start = 0, time.perf_counter()
        for item in ingest.read([str(corpus)]):
            count += isinstance(item, Article)
        seconds = time.perf_counter() - start
        print(f"JSON Lines : {count} articles, {size:.0f} MB in {seconds:.2f} s = {count / seconds:.0f} articles/s; "
              f"peak RSS {before:.0f} MB before, {peak_mb():.0f} MB after")  # fmt: skip

        with Store(Path(tmp, "bench.duckdb")) as store:
            start = time.perf_counter()
            store.write(CodedArticle(article=a) for a in articles)
            first = time.perf_counter() - start
            start = time.perf_counter()
            store.write(CodedArticle(article=a) for a in articles)
            again = time.perf_counter() - start
        print(f"Store      : {len(articles)} articles written in {first:.2f} s ({len(articles) / first:.0f}/s), "
              f"re-written (upsert) in {again:.2f} s ({len(articles) / again:.0f}/s)")  # fmt: skip


if __name__ == "__main__":
    main()
