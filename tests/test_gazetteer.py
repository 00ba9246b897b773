"""The gazetteer index: common English words that name some small place are not places."""
from __future__ import annotations

import pytest

from casus.knowledge.gazetteer import NOT_PLACES, Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("word", ["Young", "Gulf", "Hope", "March", "Union"])
def test_common_words_are_not_indexed_as_places(gazetteer: Gazetteer, word: str) -> None:
    assert word.lower() in NOT_PLACES and gazetteer.candidates(word) == []


@pytest.mark.parametrize("name, country", [("Youngstown", "USA"), ("Gulfport", "USA"), ("Idlib", "SYR")])
def test_places_that_contain_those_words_are_kept(gazetteer: Gazetteer, name: str, country: str) -> None:
    assert country in {e.country for e in gazetteer.candidates(name)}


def test_no_stop_word_is_a_key_of_the_index(gazetteer: Gazetteer) -> None:
    assert not NOT_PLACES & set(gazetteer.index)
