"""The fast path (``casus code --prefilter``): parse only the sentences that can hold an event or a quote.

A sentence can hold an event when it names an actor (a knowledge-base mention, found with
``casus.extract.actors.mention_spans``, or a personal pronoun coreference may resolve) and has an
event trigger (one of the lexicon's ``trigger_forms``); the quote finder needs the sentences with a
quotation mark or a speech cue (a form of its speech and belief verbs, "according" to) parsed. Only
the tokenizer runs over the whole article; sentences are cut at end punctuation followed by a
capital, digit or quote and at line breaks, except where the news sentence rules forbid a break
(after "Gen.", in "U.S. officials"). Runs of sentences worth parsing go through the full pipeline;
every other sentence gets a flat placeholder tree (each token attached to the sentence's first, no
tags, lemmas or entities: ``casus.pipeline.unparsed``), so the Doc still covers the whole text with
the same offsets. Knowledge-base actors and time expressions are still found there (they read the
text); events, places (the parse tells a place from a metonym or a name), quotes and parser entities
are not, and the sentence's explanation says the prefilter skipped it.
``bench/bench_pipeline.py --recall --diff N`` measures what this costs on the gold and on AllSides.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from casus.records import Article, CodedArticle

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*")
PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
REASON = "prefilter: no actor and event trigger, quotation mark or speech cue in the sentence, not parsed"


@dataclass(frozen=True)
class Plan:
    """An article's tokens cut into sentences, each marked whether it is worth parsing."""

    doc: Any  # spacy.tokens.Doc from the tokenizer only
    sentences: tuple[tuple[int, int, bool], ...]  # (first token, end token, worth parsing)

    def pieces(self) -> list[tuple[int, int, bool]]:
        """Maximal runs of sentences with the same mark, as token ranges."""
        runs: list[tuple[int, int, bool]] = []
        for start, end, worth in self.sentences:
            if runs and runs[-1][2] == worth:
                runs[-1] = (runs[-1][0], end, worth)
            else:
                runs.append((start, end, worth))
        return runs


def sentence_starts(doc: Any, token_starts: Sequence[int]) -> list[int]:
    """Token indices where the rough sentences of ``doc`` (its tokens starting at ``token_starts``)
    start (always 0 first)."""
    from casus.nlp.news import token_rules

    starts, rules = [0], token_rules(doc)
    for match in _SENTENCE_END.finditer(doc.text):
        i = bisect_left(token_starts, match.end())
        if starts[-1] < i < len(doc) and rules[i] is not False:
            starts.append(i)
    return starts


@cache
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """spaCy's string ids of ``words`` (to compare with ``Token.lower`` without making strings)."""
    from spacy.strings import get_string_id

    return frozenset(map(get_string_id, words))


@cache
def speech_cues() -> frozenset[int]:
    """String ids of the words that may introduce a quote: the forms of the quote finder's speech
    and belief verbs, and "according" (to)."""
    from casus.extract.quotes import BELIEF_VERBS, SPEECH_VERBS, inflections

    return inflections(SPEECH_VERBS | BELIEF_VERBS).ids | string_ids(frozenset({"according"}))


def plan(article: Article, res: Any, triggers: frozenset[str]) -> Plan:
    """Tokenize ``article`` and mark the sentences worth parsing: those that name an actor and have an
    event trigger, and those the quote finder reads (a quotation mark, a speech cue)."""
    from spacy.attrs import IDX, LOWER

    from casus.extract.actors import mention_spans
    from casus.extract.quotes import quoted_spans

    doc = res.nlp.make_doc(article.text)
    token_starts, lowers = zip(*doc.to_array([IDX, LOWER]).tolist()) if len(doc) else ((), ())
    starts = sentence_starts(doc, token_starts) if len(doc) else []

    def sentence_at(char: int) -> int:
        return bisect_right(starts, bisect_right(token_starts, char) - 1)

    cues, trigger_ids, pronouns = speech_cues(), string_ids(triggers), string_ids(PRONOUNS)
    for_quotes = {bisect_right(starts, i) for i, lower in enumerate(lowers) if lower in cues}
    for_quotes.update(sentence_at(char) for start, end in quoted_spans(article.text) for char in (start - 1, end))
    with_trigger = {bisect_right(starts, i) for i, lower in enumerate(lowers) if lower in trigger_ids}
    with_actor = {bisect_right(starts, i) for i, lower in enumerate(lowers) if lower in pronouns}
    if with_trigger - with_actor - for_quotes:  # the knowledge base decides some sentence
        spans, _ = mention_spans(doc, res.kb, text=article.text)
        with_actor.update(sentence_at(start) for start, _ in spans)
    ends = [*starts[1:], len(doc)]
    worth = with_trigger & with_actor | for_quotes
    return Plan(doc, tuple((s, e, n in worth) for n, (s, e) in enumerate(zip(starts, ends), start=1)))


def placeholder(piece: Any, starts: Iterable[int]) -> Any:
    """``piece`` (an unparsed Doc) with a flat tree per sentence: every token headed by the first."""
    import numpy
    from spacy.attrs import DEP, HEAD

    heads = numpy.zeros(len(piece), dtype="int64")
    deps = numpy.full(len(piece), piece.vocab.strings.add("dep"), dtype="uint64")
    bounds = [*starts, len(piece)]
    for start, end in zip(bounds, bounds[1:]):
        heads[start:end] = start - numpy.arange(start, end)  # relative offsets to the sentence's first token
        deps[start] = piece.vocab.strings.add("ROOT")
    return piece.from_array([HEAD, DEP], numpy.stack([heads.astype("uint64"), deps], axis=1))


def parse_planned(nlp: Any, plans: list[Plan], batch_size: int = 16) -> Iterator[Any]:
    """One Doc per plan over the whole text: its candidate runs parsed with ``nlp.pipe``, the rest
    given placeholder trees. Each run is tokenized from its own text (it starts after whitespace,
    so the tokens are the article's), which is cheaper than slicing the article's Doc."""
    from spacy.tokens import Doc

    texts = [[(_char_range(p.doc, a, b), worth) for a, b, worth in p.pieces()] for p in plans]
    parsed = nlp.pipe([p.doc.text[a:b] for p, runs in zip(plans, texts) for (a, b), worth in runs if worth], batch_size=batch_size)
    for one, runs in zip(plans, texts):
        starts = [one.doc[s].idx for s, _, _ in one.sentences]
        docs = [next(parsed) if worth else _unparsed(nlp, one.doc.text, a, b, starts) for (a, b), worth in runs]
        yield Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"]) if len(docs) > 1 else (docs or [one.doc])[0]


def _char_range(doc: Any, first: int, end: int) -> tuple[int, int]:
    return doc[first].idx, (doc[end].idx if end < len(doc) else len(doc.text))


def _unparsed(nlp: Any, text: str, start: int, end: int, sentence_starts: list[int]) -> Any:
    """The placeholder Doc of ``text[start:end]``, with its sentences starting at ``sentence_starts`` (chars)."""
    piece = nlp.make_doc(text[start:end])
    token_starts = [t.idx + start for t in piece]
    inside = sentence_starts[bisect_left(sentence_starts, start):bisect_left(sentence_starts, end)]
    return placeholder(piece, [bisect_left(token_starts, s) for s in inside])


def code_filtered(articles: Iterable[Article], res: Any, batch_size: int = 16) -> Iterator[CodedArticle]:
    """``code_isolated`` with only the candidate sentences parsed; yields in input order."""
    import dataclasses

    from casus.scale.workers import code_parsed
    from casus.store import batched

    for chunk in batched(articles, batch_size):
        plans = [plan(a, res, res.lexicon.trigger_forms) for a in chunk]
        for one, coded in zip(plans, code_parsed(zip(chunk, parse_planned(res.nlp, plans, batch_size * 2)), res)):
            unparsed = [_char_range(one.doc, a, b) for a, b, worth in one.pieces() if not worth]
            skipped = {n for n, s in enumerate(coded.sentences) if any(a <= s.span[0] < b for a, b in unparsed)}
            rejected = tuple(r | {"reason": REASON} if r.get("sentence") in skipped else r for r in coded.rejected)
            yield dataclasses.replace(coded, rejected=rejected)
