"""Regex scans tried only where a match can begin."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casus.extract.wordscan import NUMBER, matches_at, offsets_of, word_starts, words_of

EVERY = ["last", "week", "since", "in", "the", "then", "rock", "n", "roll", "kill", NUMBER, "'"]


def test_words_are_keyed_by_lower_case_form_numbers_and_apostrophes():
    starts = word_starts("Last WEEK, 1990s and the '90s; ſince İn", words_of(EVERY))
    assert starts["last"] == (0,) and starts["week"] == (5,)
    assert starts[NUMBER] == (11, 26)  # "1990s", "90s"
    assert starts["since"] == (31,) and starts["in"] == (37,)
    assert "'" not in starts  # an apostrophe counts only right after a word ("the'90s")
    assert word_starts("rock'n'roll", words_of(EVERY))["'"] == (4, 6)


def test_only_the_words_asked_for_are_found():
    starts = word_starts("Then the theme, the 3rd; then", words_of(["the", "then"]))
    assert dict(starts) == {"then": (0, 25), "the": (5, 16)}  # no "theme", no number
    assert dict(word_starts("²nd and ①, 12_a, _9", words_of([NUMBER]))) == {NUMBER: (0, 8, 11)}  # digits by str.isdigit


def test_words_must_be_lower_case_letters():
    with pytest.raises(ValueError):
        words_of(["new york"])
    with pytest.raises(ValueError):
        words_of(["Last"])


WORDS = re.compile(r"\b\w+|(?<=\w)'")


def every_word(text: str) -> dict[str, tuple[int, ...]]:
    """Every word's offsets, keyed as ``word_starts`` keys them, by a plain scan of the text."""
    found: dict[str, list[int]] = defaultdict(list)
    for w in WORDS.finditer(text):
        word = w.group()
        found[NUMBER if word[0].isdigit() else word.translate(str.maketrans("İıſ", "iis")).lower()].append(w.start())
    return {word: tuple(offsets) for word, offsets in found.items()}


@given(st.lists(st.sampled_from(["the", "THEN", "th", "kill", "\u212aILL", "İn", "ıN", "ſince", "ΟΔΟΣ", "σ", "2nd", "²", "_9", "é",
                                 "'", "’", " ", "\n", "-", "."]), max_size=12))
def test_word_starts_equal_a_scan_of_every_word(pieces):
    text = "".join(pieces)
    words = words_of(EVERY)
    assert dict(word_starts(text, words)) == {w: o for w, o in every_word(text).items() if w in words.words}


PATTERN = re.compile(r"\b(?i:(?:last|next)\s+)?(?:week|month)s?\b")
FIRST = words_of(["last", "next", "week", "weeks", "month", "months"])


@given(st.lists(st.sampled_from(["last", "Next", "week", "weeks", "month", "x", "lastweek", " ", "  ", "-", "\n"]), max_size=12))
def test_matches_at_the_first_words_equal_finditer(pieces):
    text = "".join(pieces)
    offsets = offsets_of(word_starts(text, FIRST), FIRST.words)
    assert [m.span() for m in matches_at(PATTERN, text, offsets)] == [m.span() for m in PATTERN.finditer(text)]


def test_matches_inside_an_earlier_match_are_dropped():
    pattern = re.compile(r"\b(?:a\s+)?b\s+\w+")
    text = "a b c b d"
    assert [m.group() for m in matches_at(pattern, text, [0, 2, 6])] == [m.group() for m in pattern.finditer(text)] == ["a b c", "b d"]


def test_offsets_missing_a_first_word_miss_its_matches():
    text = "next week and last month"
    assert [m.group() for m in matches_at(PATTERN, text, offsets_of(word_starts(text, FIRST), ["next"]))] == ["next week"]
