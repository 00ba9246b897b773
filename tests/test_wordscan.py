"""Regex scans tried only where a match can begin."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from casus.extract.wordscan import NUMBER, matches_at, offsets_of, word_starts


def test_words_are_keyed_by_lower_case_form_numbers_and_apostrophes():
    starts = word_starts("Last WEEK, 1990s and the '90s; ſince İn")
    assert starts["last"] == (0,) and starts["week"] == (5,)
    assert starts[NUMBER] == (11, 26)  # "1990s", "90s"
    assert starts["since"] == (31,) and starts["in"] == (37,)
    assert "'" not in starts  # an apostrophe counts only right after a word ("the'90s")
    assert word_starts("rock'n'roll")["'"] == (4, 6)


PATTERN = re.compile(r"\b(?i:(?:last|next)\s+)?(?:week|month)s?\b")


@given(st.lists(st.sampled_from(["last", "Next", "week", "weeks", "month", "x", "lastweek", " ", "  ", "-", "\n"]), max_size=12))
def test_matches_at_the_first_words_equal_finditer(pieces):
    text = "".join(pieces)
    offsets = offsets_of(word_starts(text), ["last", "next", "week", "weeks", "month", "months"])
    assert [m.span() for m in matches_at(PATTERN, text, offsets)] == [m.span() for m in PATTERN.finditer(text)]


def test_offsets_missing_a_first_word_miss_its_matches():
    text = "next week and last month"
    assert [m.group() for m in matches_at(PATTERN, text, offsets_of(word_starts(text), ["next"]))] == ["next week"]
