"""End-to-end throughput of ``casus code`` on the AllSides subset (ingest → parse → code → store).

    python bench/bench_pipeline.py                       # all ~3,600 articles, every configuration
    python bench/bench_pipeline.py --limit 600 --configs 2,dask,2,dask  # Dask against multiprocessing, paired runs
    python bench/bench_pipeline.py --limit 300 --configs staged  # CPU ms per article of every stage
    python bench/bench_pipeline.py --repeat 10 --configs 2,dask  # 10× the corpus by repetition (RSS stays flat)
    python bench/bench_pipeline.py --recall --configs ''   # recall the --prefilter costs on the gold
    python bench/bench_pipeline.py --configs '' --diff 200  # records --prefilter drops or changes on AllSides
    python bench/bench_pipeline.py --configs '' --limit 600 --batch-chars 100000,50000  # a worker's peak RSS per cap

For each run it prints wall time, articles/s and words/s (start-up included), CPU seconds per article
(all processes, and the parent's own; on a busy machine the fairer measure) and peak RSS of the whole
process tree (sampled every 0.2 s), overall, per quarter of the run, so growth with the corpus
shows, and process by process at the peak. Runs: real ``casus code`` subprocesses (1 worker, 2 workers, 2 workers with ``--prefilter``,
Dask LocalCluster with 2 workers), and ``staged``: the same work in one spawned process timed stage by
stage (ingest, tokenizer, each pipeline component, each extractor, pickling, store, JSON, dedup),
printed as CPU ms per article. A configuration may be listed more than once: ratios (2 workers / 1,
Dask / multiprocessing) pair the i-th run of one with the i-th of the other. The corpus is written once
as JSON Lines in a temporary folder (streamed: ``--repeat`` does not hold the copies in memory).
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import resource
import subprocess
import sys
import tempfile
import threading
import time
from array import array
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "data" / "allsides-news-subset" / "data" / "jsons"
GOLD_SEED = sorted((SHARED / "seed").glob("*.gold.json"))
STORE_BATCH = 256  # as casus code --batch-size


def write_corpus(folder: Path, out: Path, limit: int, repeat: int) -> tuple[int, int]:
    """JSON Lines of the first ``limit`` articles, ``repeat`` times (ids made distinct); (articles, words)."""
    files = sorted(folder.glob("*.json"))[: limit or None]
    if not files:
        raise SystemExit(f"no *.json articles in {folder} (--corpus)")
    records = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    words = sum(len((r.get("content_original") or "").split()) for r in records)
    with out.open("w", encoding="utf-8") as stream:
        for copy in range(repeat):
            for record in records:
                stream.write(json.dumps(record | {"ID": f"{record['ID']}-{copy}"}) + "\n")
    return len(records) * repeat, words * repeat


class PeakRSS:
    """Samples the summed RSS of a process and its descendants every ``every`` seconds; ``close()``
    returns the peak and the peak of each quarter of the run (flat when memory is bounded).
    ``root_cpu`` is the root process's own CPU seconds at the last sample (its workers' excluded);
    ``at_peak`` the RSS of the root and of each descendant (largest first) in the peak sample;
    ``by_process()`` each process's peak and median RSS per quarter (what grows, and whether its
    resting size or only its peaks do)."""

    def __init__(self, pid: int, every: float = 0.2):
        import psutil

        self.root, self.every, self.samples, self.root_cpu = psutil.Process(pid), every, array("q"), 0.0
        self.at_peak: tuple[int, list[int]] = (0, [])
        self.processes: dict[int, array] = {}  # pid -> RSS in every sample (0 before it started or after it ended)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import psutil

        while not self.stop.is_set():
            try:
                tree = {p.pid: p.memory_info().rss for p in [self.root, *self.root.children(recursive=True)]}
                root, *children = tree.values()
                for pid, rss in tree.items():
                    self.processes.setdefault(pid, array("q", bytes(8 * len(self.samples)))).append(rss)
                for pid in self.processes.keys() - tree.keys():
                    self.processes[pid].append(0)
                self.samples.append(root + sum(children))
                if self.samples[-1] > sum(self.at_peak[1], self.at_peak[0]):
                    self.at_peak = (root, sorted(children, reverse=True))
                self.root_cpu = sum(self.root.cpu_times()[:2])
            except psutil.Error:
                pass
            time.sleep(self.every)

    def close(self) -> tuple[int, list[int]]:
        self.stop.set()
        self.thread.join()
        return max(self.samples, default=0), [max(q) for q in _quarters(self.samples)]

    def by_process(self, least: float = 0.25, smallest: int = 50 << 20) -> list[tuple[str, list[tuple[int, int]]]]:
        """(process, [(peak, median RSS) per quarter]) for the root and each process that lived through
        at least ``least`` of the run and reached ``smallest`` bytes, in start order."""
        lasting = [(pid, rss) for pid, rss in self.processes.items() if sum(map(bool, rss)) >= least * len(rss) and max(rss) >= smallest]
        return [("parent" if pid == self.root.pid else f"pid {pid}",
                 [(max(q), sorted(q)[len(q) // 2]) for q in _quarters(array("q", filter(None, rss)))]) for pid, rss in lasting]  # fmt: skip


def _quarters(samples: array) -> list[array]:
    quarter = max(len(samples) // 4, 1)
    return [samples[i : i + quarter] for i in range(0, quarter * 4, quarter) if samples[i : i + quarter]]


def staged(corpus: Path, db: Path) -> dict[str, Any]:
    """``casus code`` taken apart stage by stage, in CPU seconds, in a spawned process of its own (its peak
    RSS sampled from here): see ``stage_run``."""
    import multiprocessing

    spawn = multiprocessing.get_context("spawn")
    results = spawn.Queue()
    started = time.perf_counter()
    process = spawn.Process(target=stage_run, args=(corpus, db, results))
    process.start()
    sampler = PeakRSS(process.pid)
    while True:
        try:
            times = results.get(timeout=1)
            break
        except queue.Empty:
            if not process.is_alive():
                raise SystemExit(f"the staged run failed (exit code {process.exitcode})") from None
    process.join()
    times["total"] = time.perf_counter() - started
    times["rss"], times["quarters"] = sampler.close()
    times["stored"] = stored(db)
    return times


def stage_run(corpus: Path, db: Path, results: Any) -> None:
    """Code ``corpus`` as a worker and the parent do, timing each stage with ``time.process_time``. First
    as a worker, with no other thread (a second one makes the parse ~9% dearer): ingest, the tokenizer and
    each pipeline component (``nlp.pipe`` batches as a worker makes them), the extractors, pickling each
    chunk (as a worker sends it, with ``RecordPickler``); the pickled chunks are spooled to a file. Then as the parent, with DuckDB
    open: unpickling, the store transactions (rows and checkpoints), the JSON Lines documents and the
    cross-article dedup. Puts the seconds per stage on ``results``."""
    import gc
    import json
    import pickle

    from casus import ingest
    from casus.analysis import dedup
    from casus.pipeline import Context, default_steps, finish, sentences_of
    from casus.records import document
    from casus.scale.checkpoint import CheckpointStore
    from casus.scale.workers import CHUNK_SIZE, GC_THRESHOLDS, RecordPickler, Settings, load, parse_batches
    from casus.store import batched

    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # as in a worker, before numpy is imported
    clock = time.process_time
    mark = clock()
    settings = Settings()
    res = load(settings)
    gc.freeze()  # the garbage collector as in a worker (workers._serve), until the parent's part
    parent_gc = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    pickler = RecordPickler()
    load_cpu, articles, chunks = clock() - mark, 0, 0
    steps = default_steps()
    stages = dict.fromkeys(["ingest", "parse: tokenizer", *(f"parse: {name}" for name in res.nlp.pipe_names), "coding: sentences",
                            *(f"coding: {step.__name__}" for step in steps), "pickle (both ways)", "store", "JSON documents", "dedup"], 0.0)  # fmt: skip
    items = iter(ingest.read([str(corpus)]))
    with tempfile.TemporaryFile() as spool:
        while True:
            mark = clock()
            chunk = [a for a in next(batched(items, CHUNK_SIZE), []) if not hasattr(a, "reason")]
            stages["ingest"] += clock() - mark
            if not chunk:
                break
            coded = []
            for batch in parse_batches(chunk, settings.batch_size, settings.batch_chars):
                mark = clock()
                docs = [res.nlp.make_doc(a.text) for a in batch]
                stages["parse: tokenizer"] += clock() - mark
                for name, component in res.nlp.pipeline:
                    mark = clock()
                    docs = list(component.pipe(docs, batch_size=settings.batch_size) if hasattr(component, "pipe") else map(component, docs))
                    stages[f"parse: {name}"] += clock() - mark
                for article, doc in zip(batch, docs):
                    mark = clock()
                    ctx = Context(article=article, doc=doc, sentences=sentences_of(doc, article.text))
                    stages["coding: sentences"] += clock() - mark
                    for step in steps:
                        mark = clock()
                        ctx = step(ctx, res)
                        stages[f"coding: {step.__name__}"] += clock() - mark
                    coded.append(finish(ctx))
            mark = clock()
            spool.write(pickler.dumps(coded))
            stages["pickle (both ways)"] += clock() - mark
            articles, chunks = articles + len(coded), chunks + 1
        del res
        gc.set_threshold(*parent_gc)
        spool.seek(0)
        with CheckpointStore(db, "bench") as store, open(os.devnull, "w", encoding="utf-8") as out:
            waiting: list[Any] = []
            for number in range(chunks):
                mark = clock()
                waiting += pickle.load(spool)
                stages["pickle (both ways)"] += clock() - mark
                if len(waiting) >= STORE_BATCH or number == chunks - 1:
                    mark = clock()
                    store.write(waiting, batch_size=STORE_BATCH)
                    stages["store"] += (now := clock()) - mark
                    out.writelines(json.dumps(document(one), ensure_ascii=False) + "\n" for one in waiting)
                    stages["JSON documents"] += clock() - now
                    waiting = []
            mark = clock()
            dedup.refresh(store.con)
            stages["dedup"] += clock() - mark
    times = {"stages": stages, "articles": articles, "load": load_cpu, "cpu": _cpu(resource.RUSAGE_SELF)}
    results.put(times)


def _cpu(who: int) -> float:
    """User + system CPU seconds of this process or of its waited-for descendants."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def cli_run(corpus: Path, work: Path, config: str) -> dict[str, float]:
    """One ``casus code`` subprocess: wall seconds, CPU seconds (all processes, and the parent's own
    share: ingest, unpickling results, store and output) and peak RSS of its process tree."""
    db = work / f"run-{config}.duckdb"
    db.unlink(missing_ok=True)
    args = [sys.executable, "-m", "casus.cli", "code", str(corpus), "--db", str(db), "--no-resume"]
    if config == "dask":
        args += ["--dask", "local", "-o", str(work / "parquet")]
    else:
        args += ["--workers", config.removesuffix("p"), "-f", "jsonl", "-o", "/dev/null"] + ["--prefilter"] * config.endswith("p")
    started, cpu = time.perf_counter(), _cpu(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = PeakRSS(process.pid)
    log = process.communicate()[1]
    wall = time.perf_counter() - started
    if process.returncode not in (0, 1) or "coded " not in log:  # 1: some input was rejected
        raise SystemExit(f"casus code ({config}) failed:\n{log[-3000:]}")
    peak, quarters = sampler.close()
    return {"total": wall, "cpu": _cpu(resource.RUSAGE_CHILDREN) - cpu, "parent_cpu": sampler.root_cpu, "rss": peak,
            "quarters": quarters, "at_peak": sampler.at_peak, "by_process": sampler.by_process(), "stored": stored(db)}  # fmt: skip


def stored(db: Path) -> int:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def _article(gold: Any) -> Any:
    """The article of a ``casus.evaluation.events.GoldArticle``."""
    from casus import ingest

    return next(a for a in ingest.read([str(gold.text_path)], published=gold.published) if not hasattr(a, "reason"))


def recall(quotes_limit: int) -> list[tuple[str, str]]:
    """What ``--prefilter`` costs: the hand-coded articles (dev, test, seed; tune on dev) and PETRARCH-2's
    validation sentences scored without and with it, with the share of sentences and tokens it parses."""
    from casus.evaluation.events import GOLD, load_golds, score_article, totals
    from casus.evaluation.peers import SHARED as DATA
    from casus.evaluation.peers import read_petrarch, score_petrarch
    from casus.pipeline import Resources
    from casus.records import Article
    from casus.scale.prefilter import plan
    from casus.scale.workers import Settings, code_chunk

    res = Resources.load()
    splits = {"dev": load_golds([GOLD / "dev"]), "test": load_golds([GOLD / "test"]), "seed": load_golds(GOLD_SEED)}
    articles = {name: [_article(g) for g in golds] for name, golds in splits.items()}
    sentences = read_petrarch(DATA / "petrarch-validation" / "PETR2_GSR_validation.xml")
    plans = [plan(a, res, res.lexicon.trigger_forms) for split in articles.values() for a in split]
    kept = [(end - start, worth) for p in plans for start, end, worth in p.sentences]
    sentence_share = sum(w for _, w in kept) / len(kept)
    token_share = sum(n for n, w in kept if w) / sum(n for n, _ in kept)
    lines = [("gold parsed with --prefilter", f"{sentence_share:.0%} of sentences, {token_share:.0%} of tokens")]
    for prefilter in (False, True):
        settings = Settings(prefilter=prefilter)
        for name, golds in splits.items():
            coded = code_chunk(articles[name], res, settings)
            score = totals([score_article(g.data, c.events, c.links) for g, c in zip(golds, coded)])
            lines.append((f"{name} gold ({len(golds)} articles), prefilter {'on' if prefilter else 'off'}",
                          f"required recall {score['required_recall']:.3f}  precision {score['precision']:.3f}  "
                          f"forbidden {score['forbidden_hits']}"))  # fmt: skip
        coded = code_chunk([Article(id=s.id, text=s.text, published=s.published) for s in sentences], res, settings)
        root = score_petrarch(zip(sentences, coded))["root_f1_codes"]
        lines.append((f"petrarch root codes, prefilter {'on' if prefilter else 'off'}", f"P {root['p']:.3f}  R {root['r']:.3f}  F1 {root['f']:.3f}"))
        lines += other_gold(res, settings, quotes_limit)
    return lines


def other_gold(res: Any, settings: Any, limit: int) -> list[tuple[str, str]]:
    """Quote attribution on the first ``limit`` PolNeAR dev articles and toponym tagging on the GeoWebNews
    dev part, coded with the whole pipeline under ``settings``."""
    from casus.evaluation.geo import read_corpus, split
    from casus.evaluation.nlp import prf
    from casus.evaluation.quotes import POLNEAR, Tally, read_polnear
    from casus.records import Article
    from casus.scale.workers import code_chunk

    on = "on" if settings.prefilter else "off"
    golds = list(read_polnear(POLNEAR, "dev"))[:limit]
    tally = Tally()
    coded = code_chunk([Article(id=g.name, text=g.text, published=g.published) for g in golds], res, settings)
    for gold, article in zip(golds, coded):
        tally.add(gold.text, gold.attributions, article.quotes)
    scores = tally.scores()
    lines = [(f"PolNeAR dev quotes ({len(golds)} articles), prefilter {on}",
              "  ".join(f"{k} F1 {scores[k]['f']}" for k in ("source_overlap", "cue_overlap", "content_overlap", "attribution_overlap"))
              + f"  speaker accuracy {scores['speaker_accuracy']['acc']}")]  # fmt: skip
    geo = split(read_corpus("gwn"), "dev")
    coded = code_chunk([Article(id=g.id, text=g.text) for g in geo], res, settings)
    found = [(g, c.places) for g, c in zip(geo, coded)]
    hits = sum(any(t.span[0] < p.span[1] and p.span[0] < t.span[1] for t in g.toponyms) for g, places in found for p in places)
    tagged = prf(hits, sum(len(places) for _, places in found), sum(len(g.toponyms) for g in geo))
    lines.append((f"GeoWebNews dev toponyms ({len(geo)} articles), prefilter {on}", f"tagging P {tagged['p']}  R {tagged['r']}  F1 {tagged['f']}"))
    return lines


def worker_run(corpus: Path, batch_chars: int) -> dict[str, float]:
    """What one ``casus code`` worker does, in this (spawned) process: load the resources, then code the
    corpus in parse batches of at most ``batch_chars`` characters; peak RSS and CPU seconds per article."""
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # as in a worker, before numpy is imported
    import gc

    from casus import ingest
    from casus.scale.workers import CHUNK_SIZE, GC_THRESHOLDS, Settings, code_chunk, load
    from casus.store import batched

    settings = Settings(batch_chars=batch_chars)
    res = load(settings)
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    articles = [a for a in ingest.read([str(corpus)]) if not hasattr(a, "reason")]
    started = time.process_time()
    for chunk in batched(articles, CHUNK_SIZE):
        list(code_chunk(chunk, res, settings))
    return {"cpu": (time.process_time() - started) / len(articles), "loaded": loaded,
            "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def worker_memory(corpus: Path, caps: list[int]) -> list[tuple[str, str]]:
    """A worker's peak RSS and CPU per article for each parse-batch character cap (a fresh process each)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    lines = []
    for cap in caps:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            r = pool.submit(worker_run, corpus, cap).result()
        lines.append((f"worker, parse batches <= {cap:,} characters",
                      f"peak RSS {r['peak'] / 2**30:.2f} GB (loaded {r['loaded'] / 2**30:.2f} GB), CPU s/article {r['cpu']:.3f}"))
    return lines


def _keys(coded: Any) -> dict[str, set[tuple]]:
    """What one coded article holds, as comparable keys per kind of record."""

    def code(actor: Any) -> str | None:
        return actor.code if actor else None

    return {
        "events": {(e.span, e.cameo, code(e.source), code(e.target), e.status) for e in coded.events},
        "quotes": {(q.span, q.kind, q.cue_span, q.speaker.span if q.speaker else None, code(q.speaker)) for q in coded.quotes},
        "places": {(p.span, p.geonames_id) for p in coded.places},
        "actors": {(a.span, a.code) for a in coded.actors},
    }


def prefilter_diff(corpus: Path) -> list[tuple[str, str]]:
    """The records ``--prefilter`` adds or drops on the corpus (in process), and the CPU seconds per article."""
    from casus import ingest
    from casus.pipeline import Resources
    from casus.scale.workers import Settings, code_chunk

    res = Resources.load()
    articles = [a for a in ingest.read([str(corpus)]) if not hasattr(a, "reason")]
    runs = {}
    for prefilter in (False, True):
        started = time.process_time()
        runs[prefilter] = [_keys(c) for c in code_chunk(articles, res, Settings(prefilter=prefilter))]
        runs[prefilter, "cpu"] = (time.process_time() - started) / len(articles)
    lines = [(f"{len(articles)} articles, CPU s/article (in process)", f"{runs[False, 'cpu']:.3f} without --prefilter, {runs[True, 'cpu']:.3f} with")]
    for kind in ("events", "quotes", "places", "actors"):
        off = sum(len(k[kind]) for k in runs[False])
        dropped = sum(len(a[kind] - b[kind]) for a, b in zip(runs[False], runs[True]))
        added = sum(len(b[kind] - a[kind]) for a, b in zip(runs[False], runs[True]))
        lines.append((f"{kind} with --prefilter", f"{off} without, {dropped} of them missing, {added} different or new"))
    return lines


def print_runs(rows: list[tuple[str, dict[str, Any]]], articles: int, words: int) -> None:
    """The table of runs, the staged run's split by stage, and the ratios of paired runs (the i-th run of
    one configuration against the i-th of another: run them back to back, A B A B, on a busy machine)."""
    header = (f"{'run':<24}{'stored':>7}{'wall s':>8}{'art/s':>8}{'words/s':>9}{'CPU s/art':>10}{'parent':>7}{'peak RSS':>10}"
              f"  peak RSS by quarter of the run")  # fmt: skip
    print(header + "\n" + "-" * len(header))
    names = {"staged": "staged, one process", "1": "casus code, 1 worker", "2": "casus code, 2 workers",
             "2p": "2 workers, --prefilter", "dask": "Dask local, 2 workers"}  # fmt: skip
    for config, r in rows:
        quarters = " ".join(f"{q / 2**30:.2f}" for q in r["quarters"]) + " GB"
        print(f"{names[config]:<24}{r['stored']:>7}{r['total']:>8.1f}{articles / r['total']:>8.2f}{words / r['total']:>9.0f}"
              f"{r['cpu'] / articles:>10.3f}{r.get('parent_cpu', r['cpu']) / articles:>7.3f}{r['rss'] / 2**30:>9.2f}G  {quarters}")  # fmt: skip
    for config, r in rows:
        if "at_peak" in r:
            parent, others = r["at_peak"]
            print(f"  {names[config]}, RSS at the peak: parent {parent / 2**30:.2f} GB, other processes "
                  + ", ".join(f"{size / 2**30:.2f}" for size in others) + " GB")
            for name, quarters in r["by_process"]:
                print(f"    {name}, RSS by quarter, peak (median): " + " / ".join(f"{peak / 2**30:.2f} ({median / 2**30:.2f})" for peak, median in quarters) + " GB")
    for config, r in rows:
        if config == "staged":
            print_stages(r)
    runs = {config: [r for c, r in rows if c == config] for config, _ in rows}
    for slower, faster, what in (("1", "2", "2 workers / 1 worker, wall time"), ("2", "2p", "--prefilter speed-up (2 workers), wall time"),
                                 ("2", "dask", "Dask / multiprocessing (2 workers), wall time")):  # fmt: skip
        for i, (a, b) in enumerate(zip(runs.get(slower, []), runs.get(faster, [])), 1):
            cpu = f", CPU seconds {b['cpu'] / a['cpu']:.2f}" if faster == "dask" else ""
            ratio = b["total"] / a["total"] if faster == "dask" else a["total"] / b["total"]
            print(f"{what} (pair {i}): {ratio:.2f}x{cpu}")


def print_stages(r: dict[str, Any]) -> None:
    """CPU milliseconds per article and share of each stage of a staged run, and the targets' figures."""
    stages, n = r["stages"], r["articles"]
    total = sum(stages.values())
    print(f"\nstaged run, CPU ms per article by stage (model load {r['load']:.1f} CPU s, not included):")
    groups: dict[str, float] = {}
    for name, seconds in stages.items():
        group = name.split(":")[0] if ":" in name else "other"
        groups[group] = groups.get(group, 0.0) + seconds
        print(f"  {name:<34}{1000 * seconds / n:>8.2f}{seconds / total:>7.1%}")
    print("  " + ", ".join(f"{group} {1000 * s / n:.1f} ms ({s / total:.0%})" for group, s in groups.items())
          + f"; total {1000 * total / n:.1f} ms; coding + store {(groups['coding'] + stages['store']) / total:.0%} of the total")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="Folder of AllSides-style JSON files.")
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles (0: all).")
    parser.add_argument("--repeat", type=int, default=1, help="Repeat the corpus K times (memory stays bounded).")
    parser.add_argument("--configs", default="staged,1,2,2p,dask", help="Comma list of: staged, 1, 2, 2p (2 workers, --prefilter), dask.")
    parser.add_argument("--recall", action="store_true", help="Also measure what --prefilter costs on the gold.")
    parser.add_argument("--quotes-limit", type=int, default=40, help="PolNeAR dev articles scored by --recall.")
    parser.add_argument("--batch-chars", default="", help="Also measure one worker's peak RSS on the --limit articles for each of these parse-batch caps (comma list).")
    parser.add_argument("--diff", type=int, default=0, help="Also compare the records coded with and without --prefilter on the first N articles.")
    options = parser.parse_args()
    configs = [c for c in options.configs.split(",") if c]
    with tempfile.TemporaryDirectory(prefix="casus-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        articles, words = write_corpus(options.corpus, corpus, options.limit, options.repeat)
        print(f"{articles} articles, {words} words ({options.corpus.name}, limit {options.limit or 'none'}, repeat {options.repeat})")
        rows = []
        for config in configs:
            result = staged(corpus, work / "staged.duckdb") if config == "staged" else cli_run(corpus, work, config)
            rows.append((config, result))
            print(f"  done {config}: {result['total']:.1f}s", file=sys.stderr, flush=True)
    print_runs(rows, articles, words)
    if options.recall:
        for name, value in recall(options.quotes_limit):
            print(f"{name}: {value}")
    if options.batch_chars:
        with tempfile.TemporaryDirectory(prefix="casus-bench-") as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            write_corpus(options.corpus, corpus, options.limit, 1)
            for name, value in worker_memory(corpus, [int(c) for c in options.batch_chars.split(",")]):
                print(f"{name}: {value}")
    if options.diff:
        with tempfile.TemporaryDirectory(prefix="casus-bench-") as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            write_corpus(options.corpus, corpus, options.diff, 1)
            for name, value in prefilter_diff(corpus):
                print(f"{name}: {value}")


if __name__ == "__main__":
    main()
