"""Bytes → text: UTF-8 first, then UTF-16 by its BOM, then charset-normalizer's best guess."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class InputError(Exception):
    """An input that cannot become an article; ``kind`` is the error class stored in quarantine."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # control characters other than whitespace


def control_ratio(text: str) -> float:
    """Share of control characters (other than whitespace) in the first 20,000 characters of ``text``."""
    sample = text[:20_000]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; raises ``InputError`` for empty, binary or undecodable bytes."""
    if not data.strip():
        raise InputError("EmptyInput", "the input is empty" if not data else "the input contains only whitespace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _guess(data)
    if control_ratio(text) > 0.02:
        raise InputError("BinaryInput", f"binary data, not text ({control_ratio(text):.0%} control characters)")
    return text, encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("UndecodableInput", f"invalid {encoding} at byte {exc.start}") from exc


def _guess(data: bytes) -> tuple[str, str]:
    if b"\x00" in data[:4096] and not _looks_utf16(data[:4096]):
        raise InputError("BinaryInput", "binary data, not text (contains NUL bytes)")
    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise InputError("UndecodableInput", "not valid UTF-8 and no other text encoding fits the bytes")
    return _strict(data, best.encoding), best.encoding


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-range text is NUL."""
    even, odd = head[0::2].count(0) / max(len(head) // 2, 1), head[1::2].count(0) / max(len(head) // 2, 1)
    return len(head) >= 8 and max(even, odd) > 0.4 and min(even, odd) < 0.05
