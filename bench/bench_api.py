"""Web API under load: concurrent clients on loopback against `casus serve`, zero errors expected.

    python bench/bench_api.py [--db FILE] [--clients 50] [--seconds 60] [--articles 2000]

Without ``--db`` a synthetic store of ``--articles`` coded articles (random dyads, codes, dates and
places, built as records — no parser) is written to a temporary file. The server runs as its own
process (``casus serve``); each client loops over a mix of API requests. Prints requests/s and
p50/p90/p99 latency per endpoint and overall; exits 1 if any request failed.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

from casus.analysis import dedup
from casus.records import Actor, Article, CodedArticle, Event, EventDate, Link, Place
from casus.store import Store

COUNTRIES = ["RUS", "TUR", "SYR", "USA", "IRN", "ISR", "UKR", "FRA", "DEU", "CHN"]
ROLES = ["GOV", "MIL", ""]
CODES = [("112", 3, -2.0), ("125", 3, -5.0), ("042", 1, 1.9), ("057", 1, 8.0), ("190", 4, -10.0), ("173", 4, -5.0)]
PLACES = [("Idlib", "SYR", 35.9, 36.6), ("Moscow", "RUS", 55.8, 37.6), ("Kyiv", "UKR", 50.5, 30.5), ("Gaza", "PSE", 31.5, 34.5)]


def synthetic(n: int, seed: int = 0) -> list[CodedArticle]:
    """``n`` coded articles of two linked events each, drawn at random."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        a, b = rng.sample(COUNTRIES, 2)
        text = f"{a} officials accused {b} of an attack near the border, and {b} rejected the claim on Monday. " * 3
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(730))
        source = Actor(a, (0, 3), code=a + rng.choice(ROLES), country=a)
        target = Actor(b, (27, 30), code=b + rng.choice(ROLES), country=b)
        name, country, lat, lon = rng.choice(PLACES)
        events = []
        for j, (who, whom, span) in enumerate(((source, target, (14, 21)), (target, source, (61, 69)))):
            cameo, quad, goldstein = rng.choice(CODES)
            events.append(Event(f"E{j + 1}", cameo, cameo, {"type": None, "mode": None}, goldstein, quad, who, whom, "asserted",
                                span, 0, text[span[0]:span[1]], EventDate(day, day, "day"),
                                location=Place(name, (0, 3), name=name, country=country, lat=lat, lon=lon)))  # fmt: skip
        articles.append(CodedArticle(Article(f"a{i}", text, title=f"{a} and {b} #{i}", source=rng.choice(["X", "Y", "Z"]),
                                             published=day), actors=(source, target), events=tuple(events),
                                     links=(Link("rejects", "E2", "E1", "synthetic"),)))  # fmt: skip
    return articles


def requests(rng: random.Random, articles: int) -> tuple[str, dict]:
    a, b = rng.sample(COUNTRIES, 2)
    return rng.choice([
        ("/api/summary", {}),
        ("/api/events", {"actor": a, "limit": 200}),
        ("/api/events", {"source": a, "target": b, "quad": rng.randint(1, 4), "start": "2020-06-01", "end": "2021-06-01"}),
        ("/api/events", {"place": "idl", "code": "1", "limit": 1000}),
        ("/api/article", {"id": f"a{rng.randrange(articles)}"}),
        ("/api/series", {"source": a, "target": b, "freq": rng.choice(["day", "week", "month"])}),
        ("/api/network", {"limit": 80}),
        ("/api/claims", {"actor": a, "limit": 100}),
        ("/api/map", {}),
        ("/api/dyads", {}),
    ])  # fmt: skip


async def client(http: httpx.AsyncClient, stop: float, seed: int, articles: int, latencies: dict, errors: list) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < stop:
        path, params = requests(rng, articles)
        start = time.perf_counter()
        try:
            response = await http.get(path, params=params)
            if response.status_code != 200:
                errors.append(f"{path} {params}: HTTP {response.status_code}")
        except httpx.HTTPError as exc:
            errors.append(f"{path} {params}: {type(exc).__name__} {exc}")
        latencies[path].append(time.perf_counter() - start)


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {cuts[49] * 1000:7.1f} ms  p90 {cuts[89] * 1000:7.1f} ms  p99 {cuts[98] * 1000:7.1f} ms"


async def load(base_url: str, clients: int, seconds: float, articles: int) -> tuple[dict, list]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as http:
        stop = time.perf_counter() + seconds
        await asyncio.gather(*(client(http, stop, seed, articles, latencies, errors) for seed in range(clients)))
    return latencies, errors


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp, "bench.duckdb")
            with Store(db) as store:
                store.write(synthetic(args.articles), batch_size=500)
                dedup.refresh(store.con)
        with Store(db, read_only=True) as store:
            articles = store.query("SELECT count(*) FROM articles")[1][0][0]
            events = store.query("SELECT count(*) FROM events")[1][0][0]
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "casus.cli", "serve", "--db", str(db), "--port", str(port)])
        try:
            base_url = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(f"{base_url}/api/summary", timeout=1).raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            latencies, errors = asyncio.run(load(base_url, args.clients, args.seconds, articles))
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = sum(len(v) for v in latencies.values())
    print(f"store: {articles} articles, {events} events; {args.clients} clients for {args.seconds:.0f} s on loopback")
    for path, values in sorted(latencies.items()):
        print(f"  {path:<16} {len(values):6d} req  {percentiles(values)}")
    print(f"overall: {total} requests, {total / args.seconds:.0f} req/s, {len(errors)} errors  "
          f"{percentiles([v for vs in latencies.values() for v in vs])}")  # fmt: skip
    for error in errors[:10]:
        print(f"  error: {error}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
