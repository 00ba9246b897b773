"""The fast path: do not parse an article with no sentence holding both an actor and a trigger.

The test is cheap: the tokenizer only (no tagger or parser), the knowledge base's phrase index
through ``casus.extract.actors.mention_spans`` for actor mentions, and the lexicon's trigger words
(event entries, blame and denial verbs) matched on ``casus.extract.events.lemmas`` of each token.
Sentences are approximated by splitting at end punctuation followed by a capital or a quote, and at
line breaks. An article that fails is stored with no events and one ``rejected`` entry saying why.
Irregular forms the suffix stripping cannot reduce ("fought", "met") are missed: that is the recall
the option costs (measured by ``bench/bench_pipeline.py --recall``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from casus.records import Article, CodedArticle

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*")
REASON = "prefilter: no sentence names both a known actor and an event trigger"


def trigger_words(lexicon: Any) -> frozenset[str]:
    """Every word that can trigger an event: the lexicon's verb and noun heads, blame and denial verbs."""
    return frozenset(word for _, word in lexicon.by_word) | lexicon.blame | lexicon.denial


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the rough sentences of ``text`` (always starts with 0)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def worth_parsing(article: Article, res: Any, triggers: frozenset[str]) -> bool:
    """True when some rough sentence of ``article`` has a known actor mention and a trigger word."""
    from bisect import bisect_right

    from casus.extract.actors import mention_spans
    from casus.extract.events import lemmas

    doc = res.nlp.make_doc(article.text)
    starts = sentence_bounds(article.text)
    with_trigger = {bisect_right(starts, t.idx) for t in doc if t.is_alpha and not triggers.isdisjoint(lemmas(t))}
    if not with_trigger:
        return False
    spans, _ = mention_spans(doc, res.kb)
    return any(bisect_right(starts, start) in with_trigger for start, _ in spans)


def code_filtered(articles: Iterable[Article], res: Any, batch_size: int = 16) -> Iterator[CodedArticle]:
    """``code_isolated`` behind the prefilter; yields in input order."""
    from casus.scale.workers import code_isolated
    from casus.store import batched

    triggers = trigger_words(res.lexicon)
    for chunk in batched(articles, batch_size * 4):
        keep = [worth_parsing(a, res, triggers) for a in chunk]
        parsed = code_isolated((a for a, k in zip(chunk, keep) if k), res, batch_size=batch_size)
        for article, kept in zip(chunk, keep):
            yield next(parsed) if kept else CodedArticle(article=article, rejected=({"reason": REASON},))
