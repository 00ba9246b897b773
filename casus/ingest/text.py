"""Plain-text articles, including the "news export" layout of the seed article:

    Title line
    By [Source](#)
    February 13, 2020
    Body paragraphs …  (with a photo caption ending in **Credit**, ``Related article: [...](#)`` lines)
    Original url:
    <https://…>

Header lines, captions, related-article lines and the url footer are not body; markdown links
and bold markers are reduced to their text. Every body character keeps its offset in the input.
Text without that layout is all body (its first line becomes the title only if it looks like one).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

from casus.ingest.offsets import Body

_BLOCK = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")  # runs of non-blank lines
_BYLINE = re.compile(r"^by\s+(.{1,120})$", re.IGNORECASE)
_FOOTER = re.compile(r"^(?:original\s+)?(?:url|source url|link)\s*:\s*<?(\S*?)>?$", re.IGNORECASE)
_URL_LINE = re.compile(r"^<?(https?://\S+?)>?$")
_RELATED = re.compile(r"^(?:related(?:\s+(?:article|articles|story|stories|content))?|read\s+more|see\s+also)\s*:", re.IGNORECASE)
_CAPTION = re.compile(r"^(?P<caption>.*?)\s*\*\*(?P<credit>[^*\n]+)\*\*\s*$")
_MARKDOWN = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\[(?P<link>[^\]\n]+)\]\([^)\n]*\)|\*\*(?P<bold>[^*\n]+)\*\*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Parsed:
    """A plain-text article split into its parts; ``body`` maps back into the input."""

    body: Body
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    url: str | None = None
    captions: tuple[str, ...] = ()


def strip_markdown(text: str) -> str:
    """``[text](url)`` → text, ``**bold**`` → bold, images removed."""
    return _MARKDOWN.sub(lambda m: m.group("link") or m.group("bold") or "", text)


def parse_date(text: str, *, four_digit_year: bool = True) -> dt.date | None:
    """The date written in ``text`` if it names day, month and year; never fills in missing parts."""
    text = text.strip()
    if not text or len(text) > 60 or (four_digit_year and not _YEAR.search(text)):
        return None
    try:
        first = dateutil_parser.parse(text, default=dt.datetime(1900, 1, 1))
        second = dateutil_parser.parse(text, default=dt.datetime(1904, 2, 2))
    except (ValueError, OverflowError):
        return None
    return first.date() if first.date() == second.date() else None


def looks_like_headline(line: str) -> bool:
    """A single short line without sentence-final punctuation."""
    words = line.split()
    return "\n" not in line and 2 <= len(words) <= 25 and len(line) <= 200 and not line.rstrip().endswith((".", ",", ";", ":"))


def parse(original: str) -> Parsed:
    """Split ``original`` into header, body (with offsets), captions and footer."""
    blocks = [(m.start(), m.group()) for m in _BLOCK.finditer(original) if m.group().strip()]
    title = source = url = None
    published = None
    body_blocks: list[tuple[int, str]] = []
    captions: list[str] = []
    header = True
    for number, (start, block) in enumerate(blocks, 1):
        line = block.strip()
        if header and number <= 4:
            if number == 1 and looks_like_headline(line) and len(blocks) > 1:
                title = strip_markdown(line)
                continue
            if source is None and (byline := _byline(line)):
                source = byline
                continue
            if published is None and (date := parse_date(line)):
                published = date
                continue
        header = False
        if footer := _FOOTER.match(line):
            url = footer.group(1) or _url_in(blocks[number][1] if number < len(blocks) else "")
            break
        if _RELATED.match(line):
            continue
        if "\n" not in line and (caption := _CAPTION.match(line)) and caption.group("caption"):
            captions.append(f"{strip_markdown(caption.group('caption'))} ({caption.group('credit').strip()})")
            continue
        body_blocks.append((start + len(block) - len(block.lstrip()), line))
    return Parsed(body=_body(original, body_blocks), title=title, source=source, published=published, url=url, captions=tuple(captions))


def _byline(line: str) -> str | None:
    """The source named by a "By ..." line; a sentence that starts with "By" is not a byline."""
    match = _BYLINE.match(line)
    name = strip_markdown(match.group(1)).strip() if match else ""
    return name if name and len(name.split()) <= 10 and not name.endswith(".") else None


def _url_in(block: str) -> str | None:
    match = _URL_LINE.match(block.strip())
    return match.group(1) if match else None


def _body(original: str, blocks: list[tuple[int, str]]) -> Body:
    """Join paragraphs with a blank line, dropping markdown syntax but keeping offsets."""
    body = Body()
    previous_end: int | None = None
    for start, paragraph in blocks:
        if previous_end is not None:
            body.add("\n\n", previous_end if original.startswith("\n\n", previous_end) and previous_end + 2 == start else None)
        cursor = 0
        for match in _MARKDOWN.finditer(paragraph):
            body.add(paragraph[cursor : match.start()], start + cursor)
            kept = match.group("link") or match.group("bold")
            if kept:
                body.add(kept, start + match.start(match.lastgroup))
            cursor = match.end()
        body.add(paragraph[cursor:], start + cursor)
        previous_end = start + len(paragraph)
    return body
