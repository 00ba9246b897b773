"""Speed of the when/where/casualty extractors on raw news text (no parser).

    python bench/bench_geo.py [--repeat 3]

Prints the gazetteer load time and, over the LGL and TR-News articles (../shared geoparsing data),
articles per second and characters per second for ``find_times``, ``find_places`` and
``find_casualties``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time

from casus.evaluation.geo import read_corpus
from casus.extract.casualties import find_casualties
from casus.extract.places import find_places
from casus.extract.times import find_times
from casus.knowledge.gazetteer import Gazetteer
from casus.pipeline import Context
from casus.records import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    print(f"gazetteer load: {time.perf_counter() - start:.2f} s ({len(gazetteer.rows):,} entries)")

    texts = [a.text for name in ("lgl", "trnews") for a in read_corpus(name)]
    chars = sum(map(len, texts))
    contexts = [Context(article=Article(id=str(i), text=t), doc=None, sentences=()) for i, t in enumerate(texts)]
    published = dt.date(2020, 2, 13)
    runs = {
        "find_times": lambda: [find_times(t, published) for t in texts],
        "find_places": lambda: [find_places(c, gazetteer) for c in contexts],
        "find_casualties": lambda: [find_casualties(t) for t in texts],
    }
    for name, run in runs.items():
        best = min(_timed(run) for _ in range(args.repeat))
        print(f"{name:16s} {len(texts) / best:8.0f} articles/s  {chars / best / 1e6:6.2f} M chars/s  ({len(texts)} articles)")


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
