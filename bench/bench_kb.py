"""Benchmark the actor knowledge base: load time, resolutions per second, matcher speed.

    nice -n 10 python bench/bench_kb.py [--n 200000]

Targets (issue 4): load ≤ 0.5 s, ≥ 50k resolutions/s. Queries mix full names, surnames, titles,
nationality + agent compositions, metonyms, groups and unknown strings, at several dates.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time

QUERIES = [
    "Erdogan", "Recep Tayyip Erdoğan", "Kremlin spokesman Dmitry Peskov", "Turkish President Tayyip Erdogan",
    "the Kremlin", "Russian Defense Ministry", "Syrian forces", "Iran-backed militias", "civilians", "Ankara",
    "the Taliban", "Netanyahu", "Donald Trump", "Israeli soldiers", "Hamas militants", "NATO", "the Pentagon",
    "former Turkish president", "Syrian anti-government rebels", "Zorblat Quux", "Emirati officials", "Assad",
]
DATES = [dt.date(1999, 6, 1), dt.date(2010, 6, 1), dt.date(2020, 2, 13), dt.date(2022, 3, 1), None]
LOAD = (
    "import time; t = time.perf_counter(); from casus.knowledge.actors import KnowledgeBase; "
    "KnowledgeBase.load(); print(time.perf_counter() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="resolutions to time")
    args = parser.parse_args()

    cold = [float(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    print(f"load (fresh interpreter, incl. imports): median {statistics.median(cold):.3f} s, max {max(cold):.3f} s")

    from casus.knowledge.actors import KnowledgeBase

    kb = KnowledgeBase.load()
    print(f"entries {len(kb.entries)}, phrases {len(kb.phrases)}")
    pairs = [(q, d) for q in QUERIES for d in DATES]
    resolve = kb.resolve
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(args.n):
        text, day = pairs[i % len(pairs)]
        resolve(text, on=day)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"resolve: {args.n / elapsed:,.0f} resolutions/s wall, {args.n / cpu:,.0f} per CPU second "
          f"({len(pairs)} distinct queries, no cache; the machine is shared, CPU time is the steadier figure)")

    import spacy

    from casus.extract.actors import mention_spans

    text = " ".join(
        f"{q} said on Monday that talks with Moscow and the European Union would continue." for q in QUERIES
    ) * 20
    doc = spacy.blank("en")(text)
    mention_spans(doc, kb)  # warm-up
    start, cpu = time.perf_counter(), time.process_time()
    spans, _ = mention_spans(doc, kb)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"matcher: {len(doc) / elapsed:,.0f} tokens/s wall, {len(doc) / cpu:,.0f} per CPU second "
          f"({len(spans)} mentions in {len(doc)} tokens)")


if __name__ == "__main__":
    main()
