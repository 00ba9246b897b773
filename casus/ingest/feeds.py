"""RSS/Atom feeds → one article per entry (feedparser); HTML in entries is reduced to text."""
from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from casus.ingest.decode import InputError
from casus.ingest.offsets import align
from casus.records import Segment

_BLOCK_TAGS = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"[ \t]*\n\s*")


@dataclass(frozen=True)
class Entry:
    id: str | None
    text: str
    segments: tuple[Segment, ...]  # into ``content`` (the entry's content as given in the feed)
    title: str | None
    source: str | None
    published: dt.date | None
    url: str | None


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment: block elements become line breaks, entities are decoded."""
    text = html_lib.unescape(_TAGS.sub("", _BLOCK_TAGS.sub("\n", fragment)))
    return _BLANKS.sub("\n", text).strip()


def entries(data: bytes) -> Iterator[Entry]:
    """The entries of an RSS/Atom feed; raises ``InputError`` if ``data`` is not a readable feed."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        raise InputError("MalformedFeed", f"no entries could be read from the feed{problem}")
    source = feed.feed.get("title") or None
    for entry in feed.entries:
        content = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
        text = html_to_text(content)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Entry(
            id=entry.get("id") or entry.get("link") or None,
            text=text,
            segments=align(text, content),
            title=entry.get("title") or None,
            source=source,
            published=dt.date(*stamp[:3]) if stamp else None,
            url=entry.get("link") or None,
        )
