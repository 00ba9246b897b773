"""Regex scans that try a pattern only where one of the words its matches begin with starts.

``pattern.finditer(text)`` attempts a match at every character; a rule whose matches all begin with
a known word ("last", "yesterday", a number) need only be tried where such a word begins. Given every
offset where a match can begin, ``matches_at`` yields exactly what ``finditer`` yields.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from types import MappingProxyType

#: The characters other than A-Z that case-insensitive patterns read as i or s ("ſince").
FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
FOLDED = re.compile(f"[{''.join(map(chr, FOLD))}]")
NUMBER = "#"
APOSTROPHE = re.compile(r"(?<=\w)'")


@dataclass(frozen=True)
class Words:
    """Words (lower-case a-z, ``NUMBER``, "'") to find in texts, and the pattern that finds them in a
    lower-cased text: each word where a word of the text is one of them, and any word that begins with
    a character other than a-z (``word_starts`` keeps those that begin with a digit)."""

    words: frozenset[str]
    pattern: re.Pattern[str]


def words_of(words: Iterable[str]) -> Words:
    """The ``Words`` for ``words``."""
    found = frozenset(words)
    plain = found - {NUMBER, "'"}
    if bad := sorted(w for w in plain if not (w.isascii() and w.isalpha() and w.islower())):
        raise ValueError(f"not lower-case a-z words: {bad}")
    branches = [rf"\b{_alternation(plain)}\b"] if plain else []
    if NUMBER in found:
        branches.append(r"\b[^\Wa-z_]\w*")  # a digit by ``str.isdigit`` may be no ``\d`` ("²")
    return Words(found, re.compile("|".join(branches) or "(?!)"))


def _alternation(words: Iterable[str]) -> str:
    """A pattern for exactly ``words`` (non-empty), factored on their first letters: the regex engine
    tries a group's alternatives one by one."""
    tails: dict[str, list[str]] = {}
    for word in sorted(words):
        tails.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rest in tails.items():
        longer = [tail for tail in rest if tail]
        tail = _alternation(longer) if longer else ""
        branches.append(re.escape(first) + (f"(?:{tail})?" if longer and "" in rest else tail))
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def word_starts(text: str, words: Words) -> Mapping[str, tuple[int, ...]]:
    """Offsets where each of ``words`` begins in ``text`` as a whole word (``\\b\\w+``, in lower case),
    in order (``NUMBER``: where a word begins with a digit; "'": where an apostrophe follows a word)."""
    lowered = (text.translate(FOLD) if FOLDED.search(text) else text).lower()  # as long as the text
    found: dict[str, list[int]] = defaultdict(list)
    for m in words.pattern.finditer(lowered):
        word = m.group()
        if "a" <= word[0] <= "z":
            found[word].append(m.start())
        elif word[0].isdigit():
            found[NUMBER].append(m.start())
    if "'" in words.words:
        apostrophes = [m.start() for m in APOSTROPHE.finditer(text)]
        if apostrophes:
            found["'"] = apostrophes
    return MappingProxyType({word: tuple(offsets) for word, offsets in found.items()})


def offsets_of(starts: Mapping[str, tuple[int, ...]], words: Iterable[str]) -> list[int]:
    """The offsets, in order, where any of ``words`` begins."""
    return sorted(chain.from_iterable(starts[word] for word in starts.keys() & words))


def matches_at(pattern: re.Pattern[str], text: str, offsets: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, trying the pattern only at ``offsets`` (ascending,
    including every offset where a match can begin)."""
    end = 0
    for offset in offsets:
        if offset >= end and (m := pattern.match(text, offset)):
            end = m.end()
            yield m
