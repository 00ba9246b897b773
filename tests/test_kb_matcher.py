"""What the phrase matcher reads of the knowledge base to skip the text no known phrase can cover: the first and last
words of the keys ``atom`` knows, their plain prefixes, and a text's words as ``normalize`` sees them. Each must
hold for every key, or the matcher would miss a phrase."""
from __future__ import annotations

import re

import numpy as np
import pytest
import spacy
from spacy.strings import hash_string

from casus.extract.actors import mention_spans
from casus.knowledge.actors import _EDGE, _INITIAL, KnowledgeBase, TextWords, _keys


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def plain(word: str) -> bool:
    return word.isascii() and (word.isalpha() or word.isdigit())


def test_every_key_atom_knows_is_indexed_by_its_words(kb: KnowledgeBase) -> None:
    firsts, lasts = set(kb.first_word_ids.tolist()), set(kb.last_word_ids.tolist())
    assert np.all(np.diff(kb.first_word_ids.astype(np.float64)) >= 0)  # sorted, for searchsorted
    for key in _keys(kb.phrases):
        assert kb.atom(key) is not None
        words = key.split(" ")
        assert kb.first_words[words[0]] >= len(words)
        if plain(words[0]):
            assert hash_string(words[0]) in firsts
        if plain(words[-1]):
            assert hash_string(words[-1]) in lasts
        for k in range(1, len(words) + 1):
            if not plain(words[k - 1]):
                break
            assert " ".join(words[:k]) in kb.plain_prefixes


@pytest.mark.parametrize("text", [
    "Nikki R. Haley said \"(x)\" ; ’quoted’ `tick` K. and ... — dash",
    "a. b. c.\n\nThe U.S.-backed forces,  \t said: 'yes'",
])
def test_text_words_end_where_normalize_counts_a_word(text: str) -> None:
    words = TextWords.of(text)
    assert words.folded == text.translate(str.maketrans({"’": "'", "`": "'", "—": "-"}))
    expected = [m.end() for m in re.finditer(r"\S+", words.folded)
                if m.group().strip(_EDGE) and not (len(m.group()) == 2 and _INITIAL.fullmatch(m.group()))]
    assert list(words.ends) == expected


def test_phrases_across_punctuation_spaces_and_lines(kb: KnowledgeBase) -> None:
    text = ("Iran-backed militias and the U.S. State Department's envoy met Kremlin spokesman Dmitry Peskov, "
            "White House\nofficials and  Turkish  soldiers in Syria.")
    spans, where = mention_spans(spacy.blank("en")(text), kb)
    assert [text[s:e] for s, e in spans] == [
        "Iran-backed militias", "U.S. State Department's envoy", "Kremlin spokesman Dmitry Peskov", "White House",
        "officials", "Turkish  soldiers"]
    assert where == "SYR"
