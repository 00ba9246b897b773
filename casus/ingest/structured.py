"""JSON and JSON Lines: one article per object, with configurable field names.

By default the fields ``id, title, text, published, url, source`` are read, each under any of
its common names (``ID`` and ``content_original`` in the AllSides corpus, ``body``, ``date``...).
``fields`` maps a casus field to the input's name for it (``{"text": "content"}``); dotted
names reach into nested objects (``{"published": "meta.date"}``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from casus.ingest.decode import InputError
from casus.ingest.text import parse_date

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "ID", "_id", "guid", "uuid", "article_id"),
    "title": ("title", "headline"),
    "text": ("text", "content_original", "body", "maintext", "article", "content", "story"),
    "published": ("published", "date", "publish_date", "published_at", "date_publish", "pubDate", "datetime"),
    "url": ("url", "link", "uri"),
    "source": ("source", "outlet", "publisher", "source_name", "sitename"),
}
FIELDS = tuple(ALIASES)


def field_map(overrides: Mapping[str, str] | None) -> dict[str, tuple[str, ...]]:
    """Names to look up for each casus field; ``overrides`` come first (``--field text=content``)."""
    unknown = set(overrides or ()) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}; casus fields are {', '.join(FIELDS)}")
    return {name: ((overrides[name],) if overrides and name in overrides else ()) + aliases for name, aliases in ALIASES.items()}


def _lookup(obj: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value: Any = obj
        for part in name.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value not in (None, ""):
            return value
    return None


def _string(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _published(value: Any) -> dt.date | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1e11:
        return dt.datetime.fromtimestamp(value, dt.timezone.utc).date()
    return parse_date(value, four_digit_year=False) if isinstance(value, str) else None


def fields_of(obj: Any, names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """The casus fields of one JSON object; raises ``InputError`` if it has no usable text."""
    if not isinstance(obj, Mapping):
        raise InputError("MalformedJSON", f"expected a JSON object per article, got {type(obj).__name__}")
    text = _lookup(obj, names["text"])
    if not isinstance(text, str):
        keys = ", ".join(list(obj)[:12]) or "none"
        problem = "no text field" if text is None else f"text field is a {type(text).__name__}, not a string"
        raise InputError("MissingField", f"{problem} (looked for {', '.join(names['text'])}; the object has: {keys})")
    return {
        "id": _string(_lookup(obj, names["id"])),
        "title": _string(_lookup(obj, names["title"])),
        "text": text,
        "published": _published(_lookup(obj, names["published"])),
        "url": _string(_lookup(obj, names["url"])),
        "source": _string(_lookup(obj, names["source"])),
    }
