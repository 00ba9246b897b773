"""HTML pages → body and metadata with trafilatura (boilerplate removal) and htmldate."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from casus.ingest.decode import InputError
from casus.ingest.offsets import align
from casus.records import Segment

MIN_WORDS = 10  # less extracted text than this is navigation or boilerplate, not an article
_DEBRIS = re.compile(r"<[/!?a-zA-Z]|<<|>>|</")


@dataclass(frozen=True)
class Page:
    text: str
    segments: tuple[Segment, ...]
    title: str | None
    source: str | None
    published: dt.date | None
    url: str | None


def extract(html: str, url: str | None = None) -> Page:
    """The article in ``html``; raises ``InputError`` when no body can be extracted."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )  # fmt: skip
    except (ValueError, TypeError, AttributeError) as exc:  # lxml refuses some inputs outright
        raise InputError("MalformedHTML", f"the HTML could not be parsed ({exc})") from exc
    text = (doc.text or "").strip() if doc else ""
    if doc and doc.title and text.split("\n", 1)[0].strip() == doc.title.strip():
        text = text.split("\n", 1)[1].strip() if "\n" in text else ""
    if debris := _DEBRIS.search(text):
        raise InputError("MalformedHTML", f"the HTML is malformed: the extracted text contains stray markup {text[debris.start():debris.start() + 12]!r}")
    if len(text.split()) < MIN_WORDS:
        raise InputError("NoArticleText", f"no article body in the HTML ({len(text.split())} words of text outside boilerplate)")
    return Page(
        text=text,
        segments=align(text, html),
        title=doc.title or None,
        source=doc.sitename or doc.author or None,
        published=_date(doc.date),
        url=doc.url or url,
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
