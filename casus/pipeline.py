"""The coding pipeline: Article → parsed Context → extractors → CodedArticle.

Each extractor is a pure function ``step(ctx, res) -> Context`` that adds its records to a new
Context. ``Resources`` (parser, knowledge base, gazetteer, lexicon) are loaded once and passed in:
there is no global state.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from casus.records import (
    Actor,
    Agreement,
    Article,
    Casualties,
    CodedArticle,
    Event,
    Link,
    Place,
    Quote,
    Sentence,
    TimeExpr,
)


@dataclass(frozen=True)
class Resources:
    """Everything the extractors read but never change."""

    nlp: Any  # spacy.Language
    kb: Any = None  # casus.knowledge.actors.KnowledgeBase
    gazetteer: Any = None  # casus.knowledge.gazetteer.Gazetteer
    lexicon: Any = None  # casus.extract.lexicon.Lexicon
    ontology: Any = None  # casus.knowledge.ontology.Ontology
    statements: Any = None  # casus.extract.statements.StatementCues (None: reported statements are not coded as acts)

    @classmethod
    def load(cls, model: str = "fast") -> "Resources":
        """Load the shipped parser and knowledge data (offline). Components add their loader here."""
        from casus import nlp
        from casus.extract.lexicon import Lexicon
        from casus.extract.statements import StatementCues
        from casus.knowledge.ontology import Ontology
        from casus.knowledge.gazetteer import Gazetteer
        from casus.knowledge.actors import KnowledgeBase

        ontology = Ontology.load()
        lexicon = Lexicon.load(ontology=ontology)
        return cls(nlp=nlp.load(model), lexicon=lexicon, ontology=ontology, gazetteer=Gazetteer.load(), kb=KnowledgeBase.load(),
                   statements=StatementCues.load(ontology=ontology, classes=lexicon.classes))


@dataclass(frozen=True)
class Context:
    """An article in flight: the parse plus what the extractors have found so far."""

    article: Article
    doc: Any  # spacy.tokens.Doc over article.text
    sentences: tuple[Sentence, ...]
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    casualties: tuple[Casualties, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    links: tuple[Link, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    rejected: tuple[dict[str, Any], ...] = field(default=())

    def add(self, **changes: Any) -> "Context":
        return dataclasses.replace(self, **changes)


Step = Callable[[Context, Resources], Context]


def default_steps() -> list[Step]:
    """The extractors in data-flow order: actors → times → places → casualties → quotes →
    events (+ links) → bare state organs in events localised → events still without a source country dropped →
    agreements."""
    from casus.extract.actors import find_actors
    from casus.extract.agreements import find_agreements
    from casus.extract.casualties import casualties_step
    from casus.extract.events import code_events, drop_countryless
    from casus.extract.localise import localise_events
    from casus.extract.places import places_step
    from casus.extract.quotes import find_quotes
    from casus.extract.times import times_step

    return [find_actors, times_step, places_step, casualties_step, find_quotes, code_events, localise_events,
            drop_countryless, find_agreements]


def sentences_of(doc: Any, text: str | None = None) -> tuple[Sentence, ...]:
    """The doc's sentences as ``doc.sents`` cuts them, read from its token arrays (a tenth of the
    cost of making spans). ``text`` is the doc's text if the caller has it (``doc.text`` joins it
    up token by token). The doc's ``Token.sent`` then looks its sentence up among these (see
    ``_sentence_at``)."""
    import numpy as np
    from spacy.attrs import IDX, LENGTH, SENT_START

    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(doc):
        bounds = [(s.start_char, s.end_char) for s in doc.sents]  # a hook's sentences, or spaCy's error
    else:
        table = doc.to_array([SENT_START, IDX, LENGTH]).astype(np.int64)
        first = [0, *(np.flatnonzero(table[1:, 0] == 1) + 1).tolist()]
        last = [i - 1 for i in first[1:]] + [len(doc) - 1]
        bounds = list(zip(table[first, 1].tolist(), (table[last, 1] + table[last, 2]).tolist()))
        doc.user_token_hooks.setdefault("sent", partial(_sentence_at, (*first, len(doc))))
    text = doc.text if text is None else text
    return tuple(Sentence(index=i, span=(start, end), text=text[start:end]) for i, (start, end) in enumerate(bounds))


def _sentence_at(bounds: tuple[int, ...], token: Any) -> Any:
    """``token.sent`` as spaCy makes it, by bisecting the doc's sentence starts ``bounds`` (then its length):
    spaCy's own walks the sentence token by token and makes two spans, and the extractors ask again and again."""
    from spacy.tokens import Span

    k = bisect.bisect_right(bounds, token.i)
    return Span(token.doc, bounds[k - 1], bounds[k])


def unparsed(token: Any) -> bool:
    """Whether ``token`` lies in a sentence ``--prefilter`` skipped (``casus.scale.prefilter``): a
    placeholder tree (dependency labels) with no parts of speech."""
    return token.pos == 0 and token.dep != 0


def finish(ctx: Context) -> CodedArticle:
    return CodedArticle(
        article=ctx.article,
        sentences=ctx.sentences,
        actors=ctx.actors,
        events=ctx.events,
        quotes=ctx.quotes,
        links=ctx.links,
        agreements=ctx.agreements,
        places=ctx.places,
        times=ctx.times,
        rejected=ctx.rejected,
    )


def run_steps(ctx: Context, res: Resources, steps: Iterable[Step] = ()) -> CodedArticle:
    for step in steps or default_steps():
        ctx = step(ctx, res)
    return finish(ctx)


def code_articles(articles: Iterable[Article], res: Resources, batch_size: int = 16) -> Iterator[CodedArticle]:
    """Parse in batches with ``nlp.pipe`` and run every extractor; yields in input order."""
    from casus.nlp import parse_many

    for article, doc in parse_many(res.nlp, articles, batch_size=batch_size):
        yield run_steps(Context(article=article, doc=doc, sentences=sentences_of(doc, article.text)), res)


def code_article(article: Article, res: Resources) -> CodedArticle:
    return next(code_articles([article], res))
