"""casus.nlp: the shipped English pipeline (tagger, morphologizer, parser, NER; lemmas looked up).

``load()`` reads the trained model from package data (no network) without its trainable lemmatizer,
adds the news sentence rules, the dictionary lemmatizer (``casus.nlp.lemmas``) and clause repairs, and
has floret vectors remember each word form's vector (``casus.nlp.vectors``); a process that codes in
memory zones also calls ``warm_tokenizer`` and ``keep_freed_memory`` (``casus.scale.workers``);
callers keep the returned ``Language`` and pass it on. ``parse_many`` parses articles in batches.
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from casus.records import Article

MODELS = Path(__file__).resolve().parent / "models"
_M_TRIM_THRESHOLD, _M_MMAP_MAX = -1, -4  # glibc's mallopt parameters (malloc.h)


def model_path(name: str = "fast") -> Path:
    """Directory of a shipped model ("fast" → models/en_casus_fast)."""
    path = MODELS / f"en_casus_{name}"
    if not (path / "config.cfg").is_file():
        shipped = sorted(p.name.removeprefix("en_casus_") for p in MODELS.glob("en_casus_*"))
        raise FileNotFoundError(f"no casus model {name!r} in {MODELS} (shipped: {', '.join(shipped) or 'none'})")
    return path


def load(name: str = "fast") -> Language:
    """The shipped pipeline ``name`` with casus's news tokenizer cases, sentence rules, lemmas and clause
    repairs. The model's trainable lemmatizer is left out (``casus.nlp.lemmas`` says why)."""
    import spacy

    from casus.nlp import clauses, lemmas, news  # noqa: F401  (clauses and lemmas register their pipeline components)
    from casus.nlp.vectors import MemoFloretVectors

    nlp = spacy.load(model_path(name), exclude=["trainable_lemmatizer"])
    multiply_with_numpy(nlp)
    if nlp.vocab.vectors.mode == "floret":
        nlp.vocab.vectors = MemoFloretVectors(nlp.vocab.vectors)
    news.abbreviation_special_cases(nlp)
    nlp.add_pipe("casus_news_sentences", before="parser")
    nlp.add_pipe("casus_news_sentence_repair", after="parser")
    nlp.add_pipe("casus_lemmas", after="casus_news_sentence_repair")  # the final sentence starts; before the repairs read lemmas
    nlp.add_pipe("casus_news_clause_repair", after="casus_lemmas")
    return nlp


def multiply_with_numpy(nlp: Language) -> None:
    """Have the pipeline's layers multiply matrices with numpy's BLAS (OpenBLAS in numpy's wheels) instead
    of thinc's default, BLIS. On the AVX-512 CPUs casus is measured on, OpenBLAS's float32 matrix
    product runs ~3x as fast as BLIS's (120 against 41 GFLOP/s, one thread, 15,000 x 288 by 288 x 288),
    and matrix products are most of tok2vec's and much of the parser's time: parsing 200 AllSides
    articles took 80.9 CPU ms per article with BLIS, 53.0 with OpenBLAS (tok2vec 30.7 -> 14.4, parser
    36.5 -> 24.6), with the same heads, labels, tags and entities on all 185,116 tokens. The parser's
    per-move step still uses BLIS (thinc's compiled ``CBlas``). Coding workers keep OpenBLAS to one
    thread (``OPENBLAS_NUM_THREADS``, ``casus.scale.workers``)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)  # thinc's base ``Ops.gemm``: numpy.dot
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops


def warm_tokenizer(nlp: Language) -> None:
    """Tokenize each alphabetic string the model knows once, so the tokenizer's cache holds those words
    and the vocab their lexemes for good. The tokenizer caches nothing inside ``nlp.memory_zone()``
    (where ``casus code`` parses each batch, so the vocab does not grow), and a word missing from its
    cache goes through the prefix, suffix and infix patterns every time: AllSides articles tokenized
    in zones cost 7.0 CPU ms each with a cold cache, 2.3 warmed (1.65 with a cache filled outside
    zones). Warming takes ~0.7 CPU s (~35,000 words)."""
    words = [string for string in nlp.vocab.strings if string.isalpha()]
    nlp.tokenizer.max_cache_size += len(words)
    for word in words:
        nlp.tokenizer(word)


def keep_freed_memory() -> None:
    """Have glibc's malloc keep the memory a parse batch frees for the next batch (a no-op elsewhere).

    A batch's working memory (~35 KB per token: tok2vec's layer outputs, the parser's precomputed
    features; ~0.2 GB for 50,000 characters) is in arrays too large for glibc's heap, so by default
    each batch maps them afresh and unmaps them after, and the kernel zeroes every page again. With
    no mmap and no trim below 1 GB the heap keeps them. Coding 150 AllSides articles in one process
    (three runs each): system CPU 5.4 -> 1.3 ms per article, user + system 89.0 -> 86.6, peak RSS
    450 -> 473 MB; a ``malloc_trim`` after each chunk (``casus.scale.workers``) hands the pages back
    and leaves system CPU at 4.2-7.0. Process-wide, so only coding workers call it. Also overrides a ``MALLOC_TRIM_THRESHOLD_`` in the environment (Dask's nanny sets one)."""
    libc = glibc()
    if libc is not None:
        libc.mallopt(_M_MMAP_MAX, 0)
        libc.mallopt(_M_TRIM_THRESHOLD, 1 << 30)


def glibc() -> ctypes.CDLL | None:
    """The process's C library when it is glibc (its malloc has ``mallopt`` and ``malloc_trim``), else None."""
    try:
        libc = ctypes.CDLL(None)  # the process's symbols, libc's among them
        libc.gnu_get_libc_version, libc.mallopt, libc.malloc_trim  # noqa: B018  (AttributeError elsewhere)
    except (OSError, TypeError, AttributeError):  # not glibc, or no C library to load by None (Windows)
        return None
    return libc


def parse_many(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, Doc]]:
    """Parse articles with ``nlp.pipe``; yields ``(article, doc)`` in input order, ``doc.text == article.text``."""
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
        yield article, doc
