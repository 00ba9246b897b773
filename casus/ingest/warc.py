"""WARC files → one HTML page per response record (warcio streams records; nothing is loaded whole).

Request, metadata and warcinfo records and non-HTML responses (images, scripts) are not articles
and are skipped; a record over the size limit or without article text yields an ``InputError``.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from casus.ingest.decode import InputError


@dataclass(frozen=True)
class Record:
    id: str  # WARC-Record-ID without the angle brackets
    url: str | None
    payload: bytes | InputError  # the HTML bytes, or why the record cannot be read


def records(stream: BinaryIO, max_bytes: int) -> Iterator[Record]:
    """HTML response records of a (possibly gzipped) WARC stream."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or not record.http_headers:
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                continue
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
            url = record.rec_headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                payload = InputError("TooLarge", f"WARC record is over the {max_bytes / 1e6:.0f} MB per-article limit")
            yield Record(record_id, url, payload)
    except Exception as exc:  # warcio fails on damaged input with assorted errors (ArchiveLoadFailed, AttributeError...)
        raise InputError("MalformedWARC", f"the WARC file is damaged or not a WARC file ({exc})") from exc
