"""Code an article stream on N worker processes, yielding results in input order.

Each worker process loads ``Resources`` once (a local of its loop, not a global) and codes chunks
of articles sent over a bounded queue: at most ``2 × workers`` chunks are in flight, so memory stays
bounded whatever the corpus size; each worker sends its results back on its own pipe. Chunks are
small (``CHUNK_SIZE``) so the workers finish together: with store-batch-sized chunks, one worker coded
the last chunk alone. The parent keeps the store (DuckDB allows one writer).

Coding runs in a process with no other thread: once a process has a second thread (a DuckDB
connection starts eight, a Dask worker runs tasks beside its event loop), glibc's malloc takes a
lock on every call and the parse costs ~9% more CPU. So ``casus code`` with one worker still codes in
a worker process, and a Dask worker hands its partitions to a ``Coder`` process of its own.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from casus.records import Article, CodedArticle

POLL_SECONDS = 1.0
PIPE_BYTES = 1 << 20  # a worker's result pipe: two chunks of AllSides results (~0.4 MB pickled each)
CHUNK_SIZE = 16  # articles per job sent to a worker: one nlp.pipe batch (smaller batches parse ~6% slower)


@dataclass(frozen=True)
class Settings:
    """What decides how an article is coded (and so keys its checkpoint)."""

    model: str = "fast"
    prefilter: bool = False
    batch_size: int = 16  # nlp.pipe batch: smaller batches parse ~10% slower
    batch_chars: int = 50_000  # ... and at most this many characters (~7 AllSides articles; a worker peaks ~0.6 GB)


class WorkerError(RuntimeError):
    """A worker process failed; the message carries its traceback or exit code."""


def load(settings: Settings) -> Any:
    """The ``Resources`` for ``settings``."""
    from casus.pipeline import Resources

    return Resources.load(settings.model)


def code_chunk(articles: Iterable[Article], res: Any, settings: Settings) -> Iterator[CodedArticle]:
    """Code articles with loaded resources, through the prefilter if ``settings.prefilter``. An article
    longer than the parser's ``max_length`` (spaCy refuses it) is kept with a ``rejected`` entry."""
    from casus.scale.prefilter import code_filtered

    code = code_filtered if settings.prefilter else code_isolated
    limit = res.nlp.max_length
    for chunk in parse_batches(articles, settings.batch_size, settings.batch_chars):
        fits = [len(a.text) <= limit for a in chunk]
        coded = code((a for a, fit in zip(chunk, fits) if fit), res, batch_size=settings.batch_size)
        for article, fit in zip(chunk, fits):
            too_long = {"reason": "too long to parse", "error": f"{len(article.text)} characters > the parser's limit {limit}"}
            yield next(coded) if fit else CodedArticle(article=article, rejected=(too_long,))


def parse_batches(articles: Iterable[Article], size: int, chars: int) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``size`` articles and ``chars`` characters (a longer article
    alone). The parser's working memory grows with the tokens in a batch (~35 KB per token in
    tok2vec and the parser, ~350 MB for 16 long articles), so the character cap bounds a worker's peak."""
    batch: list[Article] = []
    length = 0
    for article in articles:
        if batch and (len(batch) == size or length + len(article.text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(article)
        length += len(article.text)
    if batch:
        yield batch


def code_isolated(articles: Iterable[Article], res: Any, batch_size: int = 16) -> Iterator[CodedArticle]:
    """Like ``casus.pipeline.code_articles``, with failures isolated as in ``code_parsed``."""
    from casus.nlp import parse_many

    return code_parsed(parse_many(res.nlp, articles, batch_size=batch_size), res)


def code_parsed(parsed: Iterable[tuple[Article, Any]], res: Any) -> Iterator[CodedArticle]:
    """Run the extractors over ``(article, doc)`` pairs. An article an extractor fails on is kept with
    no records and a ``rejected`` entry naming the error, so one article cannot stop a corpus run."""
    from casus.pipeline import Context, run_steps, sentences_of

    for article, doc in parsed:
        try:
            yield run_steps(Context(article=article, doc=doc, sentences=sentences_of(doc, article.text)), res)
        except Exception as exc:  # an extractor bug: recorded on the article, the run goes on
            failure = {"reason": "coding failed", "error": f"{type(exc).__name__}: {exc}"}
            yield CodedArticle(article=article, rejected=(failure,))


def code_stream(
    articles: Iterable[Article], settings: Settings, workers: int = 1, chunk_size: int = CHUNK_SIZE
) -> Iterator[CodedArticle]:
    """Coded articles in input order, on ``workers`` spawned processes (at least one) fed ``chunk_size``
    articles at a time."""
    return _parallel(articles, settings, max(workers, 1), chunk_size)


class Coder:
    """A worker process of its own that codes the chunks handed to ``code`` (one at a time), for a
    caller with threads (a Dask worker). Where this process may not have children (a daemonic one,
    such as a Dask worker under a nanny by default) it loads the resources and codes in this process."""

    def __init__(self, settings: Settings):
        self.settings, self.lock = settings, threading.Lock()
        if multiprocessing.current_process().daemon:
            self.res, self.process = load(settings), None
            return
        spawn = multiprocessing.get_context("spawn")
        self.inbox = spawn.Queue()
        self.results, self.process = _start(spawn, self.inbox, settings)

    def code(self, articles: list[Article]) -> list[CodedArticle]:
        with self.lock:
            if self.process is None:
                return list(code_chunk(articles, self.res, self.settings))
            self.inbox.put((0, articles))
            return _receive([self.results], [self.process])[1]

    def close(self) -> None:
        if self.process is not None:
            _stop(self.inbox, [self.process])


def _start(spawn: Any, inbox: Any, settings: Settings) -> tuple[Connection, Any]:
    """A worker process serving ``inbox`` and the pipe its results come back on."""
    receiver, sender = spawn.Pipe(duplex=False)
    process = spawn.Process(target=_serve, args=(inbox, sender, settings), daemon=True)
    _widen(sender)
    process.start()
    sender.close()  # the worker's copy remains: its end closes when it dies
    return receiver, process


def _stop(inbox: Any, processes: list[Any]) -> None:
    """Ask worker processes to exit (one ``None`` each); terminate those still running after 10 s."""
    for process in processes:
        if process.is_alive():
            inbox.put(None)
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()


def _parallel(articles: Iterable[Article], settings: Settings, workers: int, chunk_size: int) -> Iterator[CodedArticle]:
    from casus.store import batched

    spawn = multiprocessing.get_context("spawn")  # no fork: the parent may hold threads and a DuckDB handle
    inbox = spawn.Queue()
    results, processes = map(list, zip(*(_start(spawn, inbox, settings) for _ in range(workers))))
    chunks = enumerate(batched(articles, chunk_size))
    finished: dict[int, list[CodedArticle]] = {}
    in_flight, next_out, exhausted = 0, 0, False
    try:
        while True:
            while not exhausted and in_flight < 2 * workers:
                job = next(chunks, None)
                exhausted = job is None
                if job is not None:
                    inbox.put(job)
                    in_flight += 1
            if in_flight == 0:
                return
            number, coded = _receive(results, processes)
            in_flight -= 1
            finished[number] = coded
            while next_out in finished:
                yield from finished.pop(next_out)
                next_out += 1
    finally:
        _stop(inbox, processes)


def _widen(pipe: Connection) -> None:
    """Room for a chunk's results in the pipe (Linux), so a worker need not wait while the parent stores."""
    import fcntl

    try:
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (AttributeError, OSError):  # not Linux, or above /proc/sys/fs/pipe-max-size: the default pipe
        pass


def _receive(results: list[Connection], processes: list[Any]) -> tuple[int, list[CodedArticle]]:
    """The next chunk a worker finished; a worker that died raises ``WorkerError``."""
    while True:
        ready = wait([*results, *(p.sentinel for p in processes)])
        for pipe in (r for r in results if r in ready):  # results first: a worker may send, then die
            try:
                number, coded, error = pipe.recv()
            except EOFError:  # its process is dead: reported below
                continue
            if error is not None:
                raise WorkerError(error)
            return number, coded
        for dead in (p for p in processes if p.sentinel in ready):
            dead.join(POLL_SECONDS)  # its sentinel closes as it exits, a moment before its exit code is known
            raise WorkerError(f"worker process {dead.pid} exited with code {dead.exitcode}")


def _serve(inbox: Any, results: Connection, settings: Settings) -> None:
    """A worker's loop: load resources once, code each chunk; exit on ``None`` or when the parent dies.

    The worker stays single-threaded (no BLAS thread pool, results written on this thread rather than by
    a queue's feeder thread): once a process has a second thread, glibc's malloc locks on every call,
    which costs the parser ~9% of its time. Loaded resources are frozen out of the garbage collector's
    scans (~2% of a worker's time). Ctrl-C is left to the parent, which stops its workers."""
    import gc
    import os
    import signal
    import traceback

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # before numpy is imported; this process's environment only
    res = load(settings)
    gc.freeze()
    parent = multiprocessing.parent_process()
    while True:
        try:
            job = inbox.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if parent is not None and not parent.is_alive():
                return
            continue
        if job is None:
            return
        number, chunk = job
        try:
            results.send((number, list(code_chunk(chunk, res, settings)), None))
        except Exception:  # reported to the parent, which stops the run
            results.send((number, None, traceback.format_exc()))
