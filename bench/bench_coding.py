"""Coding time versus parse time on AllSides news bodies (issue 5: coding ≤ 30% of parsing).

    python bench/bench_coding.py [--articles 500] [--model fast] [--shared ../shared]

Parses the articles once (CPU seconds), then runs every extractor step after the parse and reports
CPU seconds per step, the event coder's share and the total coding / parse ratio.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import Counter
from pathlib import Path

from bench_parse import news_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--model", default="fast")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()

    from casus.pipeline import Context, Resources, default_steps, sentences_of
    from casus.records import Article

    res = Resources.load(args.model)
    texts = news_texts(args.shared, args.articles)
    articles = [Article(id=str(i), text=t, published=dt.date(2020, 1, 1)) for i, t in enumerate(texts)]
    start = time.process_time()
    docs = list(res.nlp.pipe((a.text for a in articles), batch_size=16))
    parse_s = time.process_time() - start

    per_step: Counter = Counter()
    events = 0
    for article, doc in zip(articles, docs):
        ctx = Context(article=article, doc=doc, sentences=sentences_of(doc))
        for step in default_steps():
            began = time.process_time()
            ctx = step(ctx, res)
            per_step[step.__name__] += time.process_time() - began
        events += len(ctx.events)
    coding_s = sum(per_step.values())
    print(f"articles {len(articles)}  tokens {sum(len(d) for d in docs)}  events {events}")
    print(f"parse CPU s {parse_s:.2f}")
    for name, seconds in per_step.most_common():
        print(f"  {name:<18} {seconds:8.2f} s  {100 * seconds / parse_s:6.1f}% of parse")
    print(f"coding / parse = {100 * coding_s / parse_s:.1f}%  (event coder alone {100 * per_step['code_events'] / parse_s:.1f}%)")


if __name__ == "__main__":
    main()
