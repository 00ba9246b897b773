"""Page furniture left in an article body: related-article links ("Read more: …", "… Read more"),
prompts ("Click here", "Sign up for …", "Follow us …", share bars), bylines and reporter credits,
image credits ("Image copyright …", "Photo: …", "Credit… …") and a standfirst (a headline-like
summary line opening the body).

Extractors do not code it, but it stays in ``Article.text`` so every offset is exact, and each piece
carries its kind so the reason it produced nothing is visible. A photo caption is not furniture: it
is news (the coder merges it with the lede it repeats); only its credit is.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from casus.ingest.text import looks_like_headline
from casus.records import Furniture

#: Whole lines, by kind. Patterns match a stripped line from its start.
LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("related-article link", r"(?i:read\s+more|see\s+also|more\s+on\s+this\s+story)\b"
                             r"|(?i:related(?:\s+(?:articles?|stor(?:y|ies)|content|coverage|reading))?)(?:\s*:|\s+[A-Z])"
                             r"|\[(?i:read\s+more)[^\]\n]*\]$|.*[^.!?”\"’\s]\s+(?i:read\s+more)$"),
    ("prompt", r"(?i:click\s+here|sign\s+up\b|subscribe\s+(?:to|for|now)\b|get\s+our\b|go\s+deeper:|share\s+this\b"
               r"|listen\s+to\s+(?:this\s+|the\s+)?(?:article|episode|podcast)\b|watch:|(?:continue\s+reading|advertisement)\b.{0,40}$"
               r"|follow\s+(?:us\b|@|(?:[A-Z][\w.'-]*\s+){1,3}on\s+(?:twitter|facebook|instagram)\b))"),
    ("reporter credit", r"(?i:write\s+to\s+\S.*@|contact\s+the\s+(?:author|reporter|editor)s?\b|to\s+contact\s+the\s+(?:reporter|editor)s?\b"
                        r"|(?:additional\s+)?reporting\s+by\b|editing\s+by\b|writing\s+by\b|[—–-]+\s*with\s+assistance\s+(?:by|from)\b)"),
))
#: Parts of lines: labels and credits around a photo caption, and a link left after a paragraph.
PARTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("image credit", r"(?i:media\s+playback\s+is\s+unsupported\s+on\s+your\s+device|facebook\s+twitter\s+pinterest)"
                     r"|(?i:image\s+copyright)\b.*?(?=\s*(?i:image\s+caption)\b|$)|(?i:(?:image|media)\s+caption)\b"
                     r"|\b(?:Photo(?:graph|grapher)?|Credit)(?::|\.\.\.|…)\s*.*$"
                     r"|\((?:AP\s+|AFP\s+)?(?i:photo(?:graph)?)(?:\s+by\b|\s*/)[^)\n]*\)"
                     r"|(?<=[.!?”\"’)]\s)[^.!?]{0,60}\b(?:Getty\s+Images|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock)\s*\|?$"),
    ("related-article link", r"(?<=[.!?”\"’]\s)(?i:read\s+more)$"),
))
#: Something every pattern of ``PARTS`` needs: a line without it holds no part (~80% of lines, not scanned by them).
PART_HINT = re.compile(r"(?i:media|facebook|image|read)|Photo|Credit|\(|Getty|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock")
BYLINE = re.compile(r"(?i:by)\s+[A-Z][^.\n]{0,80}$")
_LINE = re.compile(r"[^\n]+")


def find_furniture(body: str) -> tuple[Furniture, ...]:
    """The furniture in ``body``: whole lines, and credits or links inside others."""
    return tuple(_furniture(body))


def _furniture(body: str) -> Iterator[Furniture]:
    lines = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip()) for m in _LINE.finditer(body) if m.group().strip()]
    for number, (start, line) in enumerate(lines):
        kind = next((kind for kind, pattern in LINES if pattern.match(line)), None)
        if kind is None and BYLINE.match(line) and len(line.split()) <= 12:
            kind = "byline"
        parts = [(part, m) for part, pattern in PARTS for m in pattern.finditer(line)] if PART_HINT.search(line) else []
        if kind is None and number == 0 and len(lines) > 2 and not parts and _standfirst(line):
            kind = "standfirst"
        if kind is not None:
            yield Furniture((start, start + len(line)), kind)
            continue
        for part, m in parts:
            yield Furniture((start + m.start(), start + m.end()), part)


def _standfirst(line: str) -> bool:
    """A headline-like line opening the body: a summary the story repeats, not a sentence of it."""
    return looks_like_headline(line.rstrip("”’\"')]")) and not line.endswith("…")


def furniture_at(furniture: tuple[Furniture, ...], offset: int) -> Furniture | None:
    """The piece of furniture covering character ``offset`` of the body, if any."""
    return next((f for f in furniture if f.span[0] <= offset < f.span[1]), None)
