"""casus.nlp: the shipped English pipeline (tagger, morphologizer, lemmatizer, parser, NER).

``load()`` reads the trained model from package data (no network), adds the news sentence rules and
has floret vectors remember each word form's vector (``casus.nlp.vectors``);
callers keep the returned ``Language`` and pass it on. ``parse_many`` parses articles in batches.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from casus.records import Article

MODELS = Path(__file__).resolve().parent / "models"


def model_path(name: str = "fast") -> Path:
    """Directory of a shipped model ("fast" → models/en_casus_fast)."""
    path = MODELS / f"en_casus_{name}"
    if not (path / "config.cfg").is_file():
        shipped = sorted(p.name.removeprefix("en_casus_") for p in MODELS.glob("en_casus_*"))
        raise FileNotFoundError(f"no casus model {name!r} in {MODELS} (shipped: {', '.join(shipped) or 'none'})")
    return path


def load(name: str = "fast") -> Language:
    """The shipped pipeline ``name`` with casus's news tokenizer cases, sentence rules and clause repairs."""
    import spacy

    from casus.nlp import clauses, news  # noqa: F401  (clauses registers its pipeline component)
    from casus.nlp.vectors import MemoFloretVectors

    nlp = spacy.load(model_path(name))
    if nlp.vocab.vectors.mode == "floret":
        nlp.vocab.vectors = MemoFloretVectors(nlp.vocab.vectors)
    news.abbreviation_special_cases(nlp)
    nlp.add_pipe("casus_news_sentences", before="parser")
    nlp.add_pipe("casus_news_sentence_repair", after="parser")
    nlp.add_pipe("casus_news_clause_repair", after="casus_news_sentence_repair")
    return nlp


def parse_many(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, Doc]]:
    """Parse articles with ``nlp.pipe``; yields ``(article, doc)`` in input order, ``doc.text == article.text``."""
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
        yield article, doc
