"""Code an article stream on N worker processes, yielding results in input order.

The first worker process (spawned) loads ``Resources`` once (a local of its loop, not a global) and
forks the others from itself, so they share the loaded memory and skip loading it (~2.5 CPU-seconds a
worker). Workers code chunks of articles sent over a bounded queue: at most ``2 × workers`` chunks are
in flight, so memory stays bounded whatever the corpus size; each worker sends its results back on
its own pipe. Chunks are small (``CHUNK_SIZE``) so the workers finish together: with
store-batch-sized chunks, one worker coded the last chunk alone. The parent keeps the store (DuckDB
allows one writer).

Coding runs in a process with no other thread: once a process has a second thread (a DuckDB
connection starts eight, a Dask worker runs tasks beside its event loop), glibc's malloc takes a
lock on every call and the parse costs ~9% more CPU. So ``casus code`` with one worker still codes in
a worker process, and a Dask worker hands its partitions to a ``Coder`` process of its own.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import multiprocessing
import operator
import os
import pickle
import queue
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from casus import records
from casus.records import Article, CodedArticle

POLL_SECONDS = 1.0
PIPE_BYTES = 1 << 20  # a worker's result pipe: two chunks of AllSides results (~0.4 MB pickled each)
CHUNK_SIZE = 16  # articles per job sent to a worker: one nlp.pipe batch (smaller batches parse ~6% slower)
GC_THRESHOLDS = (20_000, 20, 20)  # a worker's garbage collector: see _serve (Python's default: 700, 10, 10)


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
    """The ``Resources`` for ``settings``, with every extractor's module imported: the tables they
    build on import are then in memory before the first worker forks the others (~0.2 CPU-s each)."""
    from casus.nlp import keep_freed_memory, warm_tokenizer
    from casus.pipeline import Resources, default_steps

    keep_freed_memory()  # (process-wide: a worker only codes)
    res = Resources.load(settings.model)
    warm_tokenizer(res.nlp)  # code_chunk parses in memory zones, where the tokenizer caches nothing
    default_steps()
    return res


def code_chunk(articles: Iterable[Article], res: Any, settings: Settings) -> Iterator[CodedArticle]:
    """Code articles with loaded resources, through the prefilter if ``settings.prefilter``. An article
    longer than the parser's ``max_length`` (spaCy refuses it) is kept with a ``rejected`` entry.

    Each parse batch is coded in a spaCy memory zone, so the strings and lexemes its articles add to
    the vocab are freed with its docs: the vocab stays as loaded instead of growing with the corpus
    (AllSides: +20,000 strings and +27,000 lexemes over the first 600 articles, still ~1,100 new
    strings per 100 articles after 3,000). The coded records hold no spaCy objects."""
    from casus.scale.prefilter import code_filtered

    code = code_filtered if settings.prefilter else code_isolated
    limit = res.nlp.max_length
    for chunk in parse_batches(articles, settings.batch_size, settings.batch_chars):
        fits = [len(a.text) <= limit for a in chunk]
        with res.nlp.memory_zone():  # every doc of the batch is coded inside it
            coded = iter(list(code((a for a, fit in zip(chunk, fits) if fit), res, batch_size=settings.batch_size)))
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
    """Coded articles in input order, on ``workers`` processes (at least one: the first spawned, the others forked from it) fed ``chunk_size``
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
            return _receive(self.results, self.process)[1]

    def close(self) -> None:
        if self.process is not None:
            _stop(self.inbox, self.process, 1)


def _start(spawn: Any, inbox: Any, settings: Settings, workers: int = 1) -> tuple[list[Connection], Any]:
    """A worker process serving ``inbox`` that loads the resources and forks the other ``workers - 1``
    from itself, and the pipes their results come back on (the first is its own)."""
    receivers, senders = zip(*(spawn.Pipe(duplex=False) for _ in range(workers)))
    process = spawn.Process(target=_serve, args=(inbox, list(senders), settings), daemon=True)
    for sender in senders:
        _widen(sender)
    process.start()
    for sender in senders:
        sender.close()  # the workers' copies remain: each end closes when its worker dies
    return list(receivers), process


def _stop(inbox: Any, process: Any, workers: int) -> None:
    """Ask the workers to exit (one ``None`` each). When the first has not exited cleanly within 10 s (it
    is stuck, or died and may leave the workers it forked behind), kill its whole process group."""
    for _ in range(workers if process.is_alive() else 0):
        inbox.put(None)
    process.join(timeout=10)
    if process.exitcode != 0:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.join(timeout=POLL_SECONDS)


def _parallel(articles: Iterable[Article], settings: Settings, workers: int, chunk_size: int) -> Iterator[CodedArticle]:
    from casus.store import batched

    spawn = multiprocessing.get_context("spawn")  # no fork: the parent may hold threads and a DuckDB handle
    inbox = spawn.Queue()
    results, process = _start(spawn, inbox, settings, workers)
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
            number, coded = _receive(results, process)
            in_flight -= 1
            finished[number] = coded
            while next_out in finished:
                yield from finished.pop(next_out)
                next_out += 1
    finally:
        _stop(inbox, process, workers)


def _widen(pipe: Connection) -> None:
    """Room for a chunk's results in the pipe (Linux), so a worker need not wait while the parent stores."""
    import fcntl

    try:
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (AttributeError, OSError):  # not Linux, or above /proc/sys/fs/pipe-max-size: the default pipe
        pass


def _receive(results: list[Connection], process: Any) -> tuple[int, list[CodedArticle]]:
    """The next chunk a worker finished; a worker that died raises ``WorkerError``: the first by its
    exit code, one it forked as its pipe closes."""
    while True:
        ready = wait([*results, process.sentinel])
        for pipe in (r for r in results if r in ready):  # results first: a worker may send, then die
            try:
                number, coded, error = pickle.loads(pipe.recv_bytes())
            except EOFError:  # its worker is dead (the first's death closes only its own pipe)
                process.join(POLL_SECONDS)
                if process.exitcode is not None:
                    break  # reported below
                raise WorkerError(f"worker process {results.index(pipe) + 1} of {len(results)} died") from None
            if error is not None:
                raise WorkerError(error)
            return number, coded
        if process.sentinel in ready or not process.is_alive():
            process.join(POLL_SECONDS)  # its sentinel closes as it exits, a moment before its exit code is known
            raise WorkerError(f"worker process {process.pid} exited with code {process.exitcode}")


def _serve(inbox: Any, results: list[Connection], settings: Settings) -> None:
    """The first worker: load resources once, fork a worker for each further pipe in ``results`` (they
    share the loaded resources' memory and skip loading them), then code like them.

    A worker stays single-threaded (no BLAS thread pool, results written on this thread rather than
    by a queue's feeder thread): that makes forking safe, and with a second thread glibc's malloc
    would lock on every call, which costs the parser ~9% of its time. Loaded resources are
    frozen out of the garbage collector's scans (~2% of a worker's time), and the youngest generation
    is scanned after 20,000 net allocations rather than 700: coding leaves few reference cycles, and the
    scans cost 0.5 CPU ms per AllSides article, 0.06 so (same peak RSS). Ctrl-C is left to the
    parent, which stops its workers."""
    import gc
    import traceback

    os.setpgid(0, 0)  # a process group of its own and the workers it forks: ``_stop`` can kill them all
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # before numpy is imported; this process's environment only
    res = load(settings)
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    forked = []
    for pipe in results[1:]:
        forked.append(os.fork())
        if forked[-1] == 0:  # a forked worker: codes until told to stop, then exits without the first's clean-up
            status = 1
            try:
                for other in results:
                    if other is not pipe:
                        other.close()  # so a worker's pipe closes when it dies
                _work(inbox, pipe, res, settings)
                status = 0
            except BaseException:  # os._exit below would drop it silently
                traceback.print_exc()
            finally:
                os._exit(status)
        pipe.close()
    _work(inbox, results[0], res, settings)
    for pid in forked:
        os.waitpid(pid, 0)  # they stop as this one does, and are not left as zombies


def _work(inbox: Any, results: Connection, res: Any, settings: Settings) -> None:
    """Code each chunk from ``inbox``; return on ``None`` or when the parent is gone."""
    import traceback

    parent, pickler, trim = multiprocessing.parent_process(), RecordPickler(), _heap_trimmer()
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
            results.send_bytes(pickler.dumps((number, list(code_chunk(chunk, res, settings)), None)))
        except Exception:  # reported to the parent, which stops the run
            results.send_bytes(pickler.dumps((number, None, traceback.format_exc())))
        if any(len(article.text) > settings.batch_chars for article in chunk):  # parsed alone, past the cap
            trim()


def _heap_trimmer() -> Callable[[], object]:
    """glibc's ``malloc_trim(0)`` (a no-op elsewhere): hands the heap's free pages back to the system.
    A worker's heap keeps the working memory of the largest parse it has made (``load`` has glibc keep
    it, so that the next batch reuses it without faulting its pages in again): after AllSides' longest
    article (53,479 characters, parsed alone) 0.47 GB instead of 0.30. So a worker trims after a chunk
    with an article longer than ``Settings.batch_chars``: its heap then keeps no more than a batch
    within the cap needs. Trimming after every chunk cost 3-6 CPU ms per article."""
    from casus.nlp import glibc

    libc = glibc()
    return (lambda: None) if libc is None else functools.partial(libc.malloc_trim, 0)


class RecordPickler:
    """Pickles results with each record as its class and field values, which unpickle through its
    constructor (plain ``pickle.loads``): under half the CPU of the dataclasses' own
    ``__getstate__``/``__setstate__``, which look up the fields for every record."""

    def __init__(self) -> None:
        self.table = {kind: _reducer(kind) for kind in vars(records).values()
                      if isinstance(kind, type) and dataclasses.is_dataclass(kind) and kind.__module__ == records.__name__}  # fmt: skip

    def dumps(self, value: Any) -> memoryview:
        data = io.BytesIO()
        pickler = pickle.Pickler(data, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self.table
        pickler.dump(value)
        return data.getbuffer()


def _reducer(kind: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    """``record`` → ``(kind, field values)``, the values read by one ``attrgetter``."""
    names = [f.name for f in dataclasses.fields(kind)]
    values = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda record: (kind, (values(record),))
    return lambda record: (kind, values(record))
