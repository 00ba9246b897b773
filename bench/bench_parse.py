"""Parser throughput on AllSides news bodies: one process, then two independent worker processes.

    python bench/bench_parse.py [--articles 300] [--model fast] [--shared ../shared]

Words are whitespace-separated words of the text; spaCy tokens (punctuation split off) are reported too.
Model loading is timed separately and excluded from the rates. Wall-clock rates need an idle machine;
words per CPU-second is the single-core rate even when other jobs share the cores. System CPU is shown
apart: it is mostly the kernel zeroing pages the parse maps afresh (see ``casus.nlp.keep_freed_memory``).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def news_texts(shared: Path, limit: int) -> list[str]:
    paths = sorted((shared / "data" / "allsides-news-subset" / "data" / "jsons").glob("*.json"))
    texts = (json.loads(p.read_text(encoding="utf-8")).get("content_original") or "" for p in paths)
    return [t for t in texts if t.strip()][:limit]


def parse_share(model: str, texts: list[str]) -> dict[str, float]:
    """Load the model, parse ``texts`` with ``nlp.pipe``; counts and seconds."""
    from casus import nlp as casus_nlp

    start = time.perf_counter()
    nlp = casus_nlp.load(model)
    loaded, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    used = resource.getrusage(resource.RUSAGE_SELF)
    system = used.ru_stime - cpu.ru_stime
    return {"load_s": loaded - start, "parse_s": time.perf_counter() - loaded, "cpu_s": used.ru_utime - cpu.ru_utime + system,
            "system_s": system, "tokens": tokens, "words": sum(len(t.split()) for t in texts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--model", default="fast")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # single-threaded like casus's workers (see workers._serve)
    texts = news_texts(args.shared, args.articles)

    one = parse_share(args.model, texts)
    print(f"1 process  : {one['words'] / one['parse_s']:8.0f} words/s  {one['tokens'] / one['parse_s']:8.0f} tokens/s"
          f"  ({one['words'] / one['cpu_s']:.0f} words per CPU-second; {one['words']} words, load {one['load_s']:.2f} s)")
    print(f"             {1000 * one['cpu_s'] / len(texts):.1f} CPU ms per article, {1000 * one['system_s'] / len(texts):.1f} of them system")
    with ProcessPoolExecutor(2) as pool:
        shares = list(pool.map(parse_share, [args.model] * 2, [texts[0::2], texts[1::2]]))
    wall = max(s["parse_s"] for s in shares)
    words, tokens = sum(s["words"] for s in shares), sum(s["tokens"] for s in shares)
    print(f"2 processes: {words / wall:8.0f} words/s  {tokens / wall:8.0f} tokens/s"
          f"  ({words / wall / (one['words'] / one['parse_s']):.2f}x)")


if __name__ == "__main__":
    main()
