"""Regex scans that try a pattern only where one of the words its matches begin with starts.

``pattern.finditer(text)`` attempts a match at every character; a rule whose matches all begin with
a known word ("last", "yesterday", a number) need only be tried where such a word begins. Given every
offset where a match can begin, ``matches_at`` yields exactly what ``finditer`` yields.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from types import MappingProxyType

WORDS = re.compile(r"\b\w+|(?<=\w)'")
#: The characters other than A-Z that case-insensitive patterns read as i or s ("ſince").
FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
NUMBER = "#"


@lru_cache(maxsize=2)
def word_starts(text: str) -> Mapping[str, tuple[int, ...]]:
    """Offsets where each word of ``text`` begins, in order, by its lower-case form (``NUMBER`` for
    a word that begins with a digit, "'" for an apostrophe right after a word). Cached for the last
    texts: several extractors scan the same article."""
    found: dict[str, list[int]] = defaultdict(list)
    for w in WORDS.finditer(text):
        word = w.group()
        found[NUMBER if word[0].isdigit() else word.translate(FOLD).lower()].append(w.start())
    return MappingProxyType({word: tuple(offsets) for word, offsets in found.items()})


def offsets_of(starts: Mapping[str, tuple[int, ...]], words: Iterable[str]) -> list[int]:
    """The offsets, in order, where any of ``words`` begins."""
    return sorted(offset for word in words for offset in starts.get(word, ()))


def matches_at(pattern: re.Pattern[str], text: str, offsets: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, trying the pattern only at ``offsets`` (ascending,
    including every offset where a match can begin)."""
    end = 0
    for offset in offsets:
        if offset >= end and (m := pattern.match(text, offset)):
            end = m.end()
            yield m
