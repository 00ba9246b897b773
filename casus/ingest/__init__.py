"""casus.ingest: files, folders, globs and stdin → ``Article`` records (or ``Rejected`` ones).

``read(paths)`` streams: JSON Lines and WARC files are read record by record, so a corpus of any
size never sits in memory. Formats are told apart by content first, then by extension: plain text
(the seed's news layout or bare text), HTML, JSON, JSON Lines, RSS/Atom and WARC. Every input
that cannot become an English article yields a ``Rejected`` with a specific reason and error class
instead of raising, so one bad file never stops a batch.

``Article.segments`` map the body into the text the user gave: the decoded file for plain text
and HTML, the field value for JSON, the entry's content for feeds, the record's HTML for WARC.
Hidden files and folders (names starting with ".") inside a folder are not read. Page furniture
left in a body ("Read more: …", bylines, image credits) is marked in ``Article.furniture``.
Sentences a scrape glued together ("since 1987.In June") get their space back (``joins``); the
added space maps to nothing, and the id of an article without one is that of the text as given.
"""
from __future__ import annotations

import datetime as dt
import glob
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from casus.ingest import feeds, html, structured, text, warc
from casus.ingest.decode import InputError, decode
from casus.ingest.furniture import find_furniture
from casus.ingest.language import NAMES, identify
from casus.ingest.joins import unglue
from casus.records import Article, Rejected, Segment

DEFAULT_MAX_BYTES = 50_000_000  # per article; JSON Lines and WARC files of any size are streamed
# Longest article body coded. Parsing takes ~33 KB per token: one 100,000-character body (~19,000
# tokens; 2x the longest AllSides article) peaks a worker at ~0.8 GB, 300,000 characters at 1.7 GB.
DEFAULT_MAX_CHARS = 100_000
STDIN = "-"
_HEAD = 65_536
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.IGNORECASE)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    """How to read: a publication date that overrides the input's, JSON field names, size limits."""

    published: dt.date | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass(frozen=True)
class Source:
    """One file (or stdin, ``path=None``) to read."""

    name: str
    path: Path | None


Item = Article | Rejected


def read(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    fields: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """Articles (and rejected inputs) from files, folders (recursive), globs and ``-`` (stdin)."""
    options = Options(published=published, fields=dict(fields or {}), max_bytes=max_bytes, max_chars=max_chars)
    structured.field_map(options.fields)  # fail early on an unknown field name
    for source in sources(paths):
        yield from [source] if isinstance(source, Rejected) else read_source(source, options)


def read_bytes(data: bytes, name: str = "<bytes>", options: Options = Options()) -> Iterator[Item]:
    """Articles (and rejected records) from the bytes of one input called ``name``."""
    return _read_stream(name, io.BytesIO(data), len(data), options)


def sources(paths: Iterable[str]) -> Iterator[Source | Rejected]:
    """The files named by ``paths`` in a stable order; missing paths and unreadable folders are Rejected."""
    for raw in paths:
        if raw == STDIN:
            yield Source("<stdin>", None)
        elif glob.has_magic(raw) and not os.path.exists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Rejected(raw, "no file matches this pattern", "MissingPath")
            for match in matches:
                yield from _expand(Path(match))
        else:
            yield from _expand(Path(raw))


def _expand(path: Path) -> Iterator[Source | Rejected]:
    if path.is_dir():
        failures: list[OSError] = []
        for folder, subfolders, files in os.walk(path, onerror=failures.append):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Source(os.path.join(folder, name), Path(folder, name))
            yield from (_os_rejected(str(exc.filename), exc) for exc in failures)
            failures.clear()
    elif path.exists():
        yield Source(str(path), path)
    else:
        yield Rejected(str(path), "no such file or directory", "MissingPath")


def _os_rejected(name: str, exc: OSError) -> Rejected:
    if isinstance(exc, PermissionError):
        return Rejected(name, "permission denied: the file or folder is not readable", "PermissionDenied")
    return Rejected(name, f"cannot read: {exc.strerror or exc}", "UnreadableInput")


def read_source(source: Source, options: Options = Options()) -> Iterator[Item]:
    """Articles (and rejected records) from one file or stdin."""
    try:
        if source.path is None:
            with tempfile.SpooledTemporaryFile(max_size=1 << 24) as spool:
                shutil.copyfileobj(sys.stdin.buffer, spool)
                size = spool.tell()
                spool.seek(0)
                yield from _read_stream(source.name, spool, size, options)
        else:
            with source.path.open("rb") as stream:
                yield from _read_stream(source.name, stream, os.fstat(stream.fileno()).st_size, options)
    except OSError as exc:
        yield _os_rejected(source.name, exc)


def sniff(name: str, head: bytes) -> str:
    """The format of an input from its first bytes and its name: warc, gzip, jsonl, json, feed, html or text."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/") or ".warc" in suffixes or ".arc" in suffixes:
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if suffixes[-1:] in ([".txt"], [".md"]):
        return "text"
    if suffixes[-1:] in ([".jsonl"], [".ndjson"]):
        return "jsonl"
    if start.startswith(b"{"):
        first, newline, rest = start.partition(b"\n")
        return "jsonl" if newline and rest.strip().startswith(b"{") and _is_json(first) else "json"
    if start.startswith(b"[") or suffixes[-1:] == [".json"]:
        return "json"
    if _FEED_START.search(start[:4096]) or suffixes[-1:] in ([".rss"], [".atom"]):
        return "feed"
    if _HTML_START.search(start[:1024]) or suffixes[-1:] in ([".html"], [".htm"], [".xhtml"]):
        return "html"
    return "text"


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _read_stream(name: str, stream: BinaryIO, size: int | None, options: Options, *, format_name: str = "") -> Iterator[Item]:
    """Items of one input; ``size`` is None when unknown, ``format_name`` is the name to sniff by."""
    head = stream.read(_HEAD)
    stream.seek(0)
    kind = sniff(format_name or name, head)
    if kind == "gzip":
        try:
            with gzip.GzipFile(fileobj=stream) as inner:
                yield from _read_stream(name, inner, None, options, format_name=name.removesuffix(".gz"))
        except (OSError, EOFError, zlib.error) as exc:
            yield Rejected(name, f"damaged gzip data ({exc})", "MalformedGzip")
    elif kind == "warc":
        yield from _read_warc(name, stream, options)
    elif kind == "jsonl":
        yield from _read_jsonl(name, stream, options)
    elif size is not None and size > options.max_bytes:
        yield _too_large(name, kind, f"{size / 1e6:.1f} MB", options)
    elif len(data := stream.read(options.max_bytes + 1)) > options.max_bytes:
        yield _too_large(name, kind, "larger", options)
    else:
        try:
            yield from _read_document(name, kind, data, options)
        except InputError as exc:
            yield Rejected(name, exc.reason, exc.kind)


def _too_large(name: str, kind: str, measured: str, options: Options) -> Rejected:
    hint = " (use JSON Lines for large collections)" if kind == "json" else ""
    return Rejected(name, f"file is {measured}, over the {options.max_bytes / 1e6:.0f} MB per-article limit{hint}", "TooLarge")


def _read_document(name: str, kind: str, data: bytes, options: Options) -> Iterator[Item]:
    content, _ = decode(data)  # also rejects empty and binary input
    if kind == "json":
        yield from _read_json(name, content, options)
    elif kind == "feed":
        for number, entry in enumerate(feeds.entries(data), 1):  # feedparser honours the XML encoding
            yield article(f"{name}#{entry.id or number}", entry.text, options, entry.segments, id=entry.id,
                          title=entry.title, source=entry.source, published=entry.published, url=entry.url)  # fmt: skip
    elif kind == "html":
        page = html.extract(content)
        yield article(name, page.text, options, page.segments, title=page.title, source=page.source,
                      published=page.published, url=page.url)  # fmt: skip
    else:
        parsed = text.parse(content)
        yield article(name, parsed.body.text, options, parsed.body.segments, title=parsed.title, source=parsed.source,
                      published=parsed.published, url=parsed.url, captions=parsed.captions)  # fmt: skip


def _read_json(name: str, content: str, options: Options) -> Iterator[Item]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError("MalformedJSON", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    names = structured.field_map(options.fields)
    if isinstance(data, list):
        for number, obj in enumerate(data):
            yield _json_article(f"{name}#{number}", obj, names, options)
    else:
        yield _json_article(name, data, names, options)


def _read_jsonl(name: str, stream: BinaryIO, options: Options) -> Iterator[Item]:
    names = structured.field_map(options.fields)
    for number, line in enumerate(_lines(stream, options.max_bytes), 1):
        where = f"{name}#{number}"
        if isinstance(line, InputError):
            yield Rejected(where, line.reason, line.kind)
        elif line.strip():
            try:
                obj = json.loads(decode(line)[0])
            except json.JSONDecodeError as exc:
                yield Rejected(where, f"invalid JSON on line {number}: {exc.msg} (column {exc.colno})", "MalformedJSON")
            except InputError as exc:
                yield Rejected(where, exc.reason, exc.kind)
            else:
                yield _json_article(where, obj, names, options)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | InputError]:
    """Lines of ``stream``; a line longer than ``max_bytes`` is skipped and reported, never held whole."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield InputError("TooLarge", f"line is over the {max_bytes / 1e6:.0f} MB per-article limit")
        else:
            yield line


def _json_article(where: str, obj: Any, names: dict[str, tuple[str, ...]], options: Options) -> Item:
    try:
        values = structured.fields_of(obj, names)
    except InputError as exc:
        return Rejected(where, exc.reason, exc.kind)
    body = values.pop("text")
    return article(where, body, options, **values)


def _read_warc(name: str, stream: BinaryIO, options: Options) -> Iterator[Item]:
    try:
        for record in warc.records(stream, options.max_bytes):
            where = f"{name}#{record.id}"
            if isinstance(record.payload, InputError):
                yield Rejected(where, record.payload.reason, record.payload.kind)
                continue
            try:
                page = html.extract(decode(record.payload)[0], url=record.url)
            except InputError as exc:
                yield Rejected(where, exc.reason, exc.kind)
                continue
            yield article(where, page.text, options, page.segments, id=record.id or None, title=page.title,
                          source=page.source, published=page.published, url=page.url)  # fmt: skip
    except InputError as exc:
        yield Rejected(name, exc.reason, exc.kind)


def content_id(body: str) -> str:
    """A stable id for an article without one: sha1 of its NFC text with whitespace collapsed."""
    normal = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()


def article(
    origin: str,
    body: str,
    options: Options,
    segments: tuple[Segment, ...] | None = None,
    *,
    id: str | None = None,
    published: dt.date | None = None,
    **metadata: Any,
) -> Item:
    """An English ``Article`` from an extracted body, or a ``Rejected`` saying why not.

    ``segments`` map ``body`` into the original input; ``None`` means ``body`` is the original
    (a JSON field), so only surrounding whitespace is trimmed.
    """
    stripped = body.strip()
    if not stripped:
        return Rejected(origin, "no article text (the body is empty)", "EmptyInput")
    if len(stripped) > options.max_chars:
        return Rejected(origin, f"article body is {len(stripped):,} characters, over the {options.max_chars:,}-character "
                                "limit per article (parsing it would take too much memory)", "TooLong")  # fmt: skip
    if segments is None:
        segments = (Segment(0, len(body) - len(body.lstrip()), len(stripped)),)
        body = stripped
    identity = id or content_id(body)
    body, segments = unglue(body, segments)
    guess = identify(body)
    if guess.language not in (None, "en"):
        language = NAMES.get(guess.language, "a non-Latin script")
        return Rejected(origin, f"not English: looks like {language} ({guess.why})", "NotEnglish")
    return Article(
        id=identity,
        text=body,
        published=options.published or published,
        language=guess.language,
        origin=origin,
        segments=segments,
        furniture=find_furniture(body, metadata.get("title")),
        **metadata,
    )
