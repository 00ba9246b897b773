"""Typed records carried through every stage: ingest → nlp → extract → store → serve.

Every extracted record has a ``span = (start, end)``: character offsets into ``Article.text``.
``Article.to_original`` maps such an offset back into the file the user gave.
Records are frozen dataclasses; ``to_dict`` turns any of them into plain JSON-ready data.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

Span = tuple[int, int]

Precision = Literal["day", "week", "month", "year", "range", "duration", "unknown"]
Status = Literal["asserted", "alleged", "denied", "negated", "hypothetical", "future"]
QuoteKind = Literal["direct", "indirect", "mixed"]
LinkKind = Literal["rejects", "denies", "accuses", "responds_to", "confirms"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of ``length`` characters copied unchanged from the input to ``Article.text``."""

    text_start: int
    original_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Furniture:
    """Page furniture kept in an article body ("Read more: …", a byline, an image credit, a
    standfirst): never coded; ``kind`` says what it is (see ``casus.ingest.furniture``)."""

    span: Span
    kind: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested. ``text`` is the body only: page furniture the reader could not
    remove (a "Read more" line inside a JSON body) is marked in ``furniture``."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet or byline ("Reuters")
    published: dt.date | None = None  # None when the input has no date: never invented
    language: str | None = None
    origin: str = ""  # where it came from: a path, path#line, path#record-id, a feed url
    segments: tuple[Segment, ...] = ()  # body text → offsets in the original input
    captions: tuple[str, ...] = ()  # photo captions and credits kept as metadata
    furniture: tuple[Furniture, ...] = ()  # page furniture left in ``text``, never coded

    def to_original(self, offset: int) -> int | None:
        """Map an offset in ``text`` to the offset in the original input (None if unmapped)."""
        if not self.segments:
            return offset
        starts = [s.text_start for s in self.segments]
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        if offset - seg.text_start <= seg.length:
            return seg.original_start + offset - seg.text_start
        return None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an Article (quarantined), or a unit that yielded nothing."""

    input: str
    reason: str  # human-readable, specific
    error: str  # error class, e.g. "EmptyInput", "BinaryInput", "NotEnglish"
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor mention: the text as written and its code as of the article date."""

    text: str
    span: Span
    code: str | None = None  # CAMEO-style: country + role(s), e.g. "TURGOV", "RUSMIL", "---REB"
    country: str | None = None  # ISO alpha-3 or an IGO code
    role: str | None = None  # GOV, MIL, REB, CVL, ...
    name: str | None = None  # canonical name ("Recep Tayyip Erdogan")
    kb_id: str | None = None
    why: str | None = None  # how it was resolved


@dataclass(frozen=True, slots=True)
class TimeExpr:
    text: str
    span: Span
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    value: str | None = None  # normalised value as written ("2018", "2020-02-12", "P9Y")


@dataclass(frozen=True, slots=True)
class EventDate:
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    text: str | None = None
    inferred: bool = True  # True when it rests on the publication date, not on a time expression
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    span: Span
    name: str | None = None
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country | ADM1 | ADM2 | city | ...
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Casualties:
    text: str
    span: Span
    killed: int | None = None
    injured: int | None = None
    displaced: int | None = None
    arrested: int | None = None
    lower_bound: bool = False  # "dozens", "thousands": the number is a floor
    who: str | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an event was coded: the lexicon entry, the rule and the tokens that fired."""

    rule: str
    entry: str | None = None
    tokens: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    cameo: str
    cameo_name: str
    plover: dict[str, str | None]  # {"type": "ACCUSE", "mode": None}
    goldstein: float
    quad_class: int
    source: Actor | None
    target: Actor | None
    status: Status
    span: Span
    sentence: int
    evidence: str
    date: EventDate
    attributed_to: Actor | None = None
    location: Place | None = None
    casualties: Casualties | None = None
    mentions: tuple[Span, ...] = ()
    explanation: Explanation | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    speaker: Actor | None
    cue: str | None
    content: str
    span: Span  # the content's span
    kind: QuoteKind
    cue_span: Span | None = None
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    kind: LinkKind
    source_event: str  # serialised as "from"
    target_event: str  # serialised as "to"
    why: str = ""


@dataclass(frozen=True, slots=True)
class Obligation:
    obligor: str | None
    action: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Violation:
    accused: str | None
    alleged_by: tuple[str, ...]
    text: str
    span: Span
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    name: str | None
    parties: tuple[str, ...]
    span: Span
    date: EventDate | None = None
    subject: str | None = None
    mentions: tuple[Span, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    violations: tuple[Violation, ...] = ()


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything casus extracted from one article: the document of ``casus code --format json``."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    links: tuple[Link, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    rejected: tuple[dict[str, Any], ...] = ()  # sentences/candidates that produced no event, and why


_SCALARS = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, looked up once per type; None for any other type."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is Link:
        return {"kind": value.kind, "from": value.source_event, "to": value.target_event, "why": value.why}
    names = _field_names(kind)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


ARTICLE_FIELDS = ("id", "title", "published", "url", "source", "language", "text", "furniture")


def to_dict(record: Any) -> Any:
    """Plain JSON-ready data for any record (dates as ISO strings, tuples as lists)."""
    return _plain(record)


def document(coded: CodedArticle) -> dict[str, Any]:
    """The public per-article JSON document (see README, "Output contract")."""
    article = {k: _plain(getattr(coded.article, k)) for k in ARTICLE_FIELDS}
    return {
        "article": article,
        "events": _plain(coded.events),
        "quotes": _plain(coded.quotes),
        "links": _plain(coded.links),
        "agreements": _plain(coded.agreements),
        "places": _plain(coded.places),
        "times": _plain(coded.times),
        "actors": _plain(coded.actors),
        "rejected": _plain(coded.rejected),
    }
