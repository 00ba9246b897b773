"""Per-article cost of each extraction step against the parse, with an optional profile of one step.

    python bench/bench_coding.py [--articles 50] [--model fast] [--shared ../shared]
                                       [--profile STEP] [--top 25]

Parses the AllSides articles once with ``parse_many``, then runs ``default_steps()`` in order over the
parsed docs, timing each step in CPU milliseconds per article (and, apart, making the Context's
sentences). ``--profile find_actors`` (any step name) runs that step again under cProfile over the
same contexts and prints its hottest functions.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import time
from collections import Counter
from pathlib import Path

from bench_parse import news_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--model", default="fast")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--profile", metavar="STEP", help="profile this step's function with cProfile")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    args = parser.parse_args()
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # single-threaded like casus's workers, before numpy is imported

    from casus.nlp import parse_many
    from casus.pipeline import Context, Resources, default_steps, sentences_of
    from casus.records import Article

    res = Resources.load(args.model)
    texts = news_texts(args.shared, args.articles)
    articles = [Article(id=str(i), text=t, published=dt.date(2020, 1, 1)) for i, t in enumerate(texts)]
    start = time.process_time()
    parsed = list(parse_many(res.nlp, articles))
    parse_ms = 1000 * (time.process_time() - start) / len(articles)

    steps = default_steps()
    step_ms: Counter = Counter()
    sentences_ms = 0.0
    inputs: dict[str, list[Context]] = {step.__name__: [] for step in steps}
    for article, doc in parsed:
        began = time.process_time()
        ctx = Context(article=article, doc=doc, sentences=sentences_of(doc, article.text))
        sentences_ms += 1000 * (time.process_time() - began) / len(articles)
        for step in steps:
            inputs[step.__name__].append(ctx)
            began = time.process_time()
            ctx = step(ctx, res)
            step_ms[step.__name__] += 1000 * (time.process_time() - began) / len(articles)

    coding_ms = sum(step_ms.values())
    print(f"{len(articles)} articles, {sum(len(doc) for _, doc in parsed) // len(articles)} tokens each on average")
    print(f"{'step':<20} {'ms/article':>11} {'% of parse':>11}")
    print(f"{'parse':<20} {parse_ms:11.1f} {100.0:11.1f}")
    print(f"{'(sentences_of)':<20} {sentences_ms:11.1f} {100 * sentences_ms / parse_ms:11.1f}")
    for step in steps:
        ms = step_ms[step.__name__]
        print(f"{step.__name__:<20} {ms:11.1f} {100 * ms / parse_ms:11.1f}")
    print(f"{'coding (all steps)':<20} {coding_ms:11.1f} {100 * coding_ms / parse_ms:11.1f}")

    if args.profile:
        step = next(s for s in steps if s.__name__ == args.profile)
        profiler = cProfile.Profile()
        profiler.enable()
        for ctx in inputs[args.profile]:
            step(ctx, res)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
