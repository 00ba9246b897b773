"""casus.nlp's speed-ups keep the parse as it was: the sentence rules handed from news_sentences to the
repair, and floret vectors remembered per word form."""
from __future__ import annotations

import numpy
import pytest
from spacy.language import Language
from spacy.strings import StringStore
from spacy.vectors import Vectors

from casus import nlp as casus_nlp
from casus.nlp import news
from casus.nlp.vectors import MemoFloretVectors

TEXTS = [
    "KABUL, Afghanistan (AP) — Taliban fighters attacked a checkpoint overnight. Two police officers were killed.",
    "NAIROBI -- Kenyan police said on Friday they had arrested 12 people. The U.S. embassy urged calm.\n\n"
    "LAGOS — A second dateline in the middle of a wire round-up starts its own story.",
    "No dateline here: the minister spoke to reporters in Geneva and denied the report.",
]


def floret(rows: int = 500, width: int = 8) -> Vectors:
    data = numpy.random.default_rng(7).standard_normal((rows, width)).astype("float32")
    return Vectors(strings=StringStore(), data=data, mode="floret", minn=3, maxn=5, hash_count=2, hash_seed=2166136261)


def ids(strings: StringStore, words: str) -> numpy.ndarray:
    return numpy.array([strings.add(w) for w in words.split()], dtype="uint64")


def test_memo_vectors_are_spacys_vectors_bit_for_bit_also_when_full():
    plain = floret()
    memo = MemoFloretVectors(floret(), limit=6)
    batches = ["the army shelled the town and the army withdrew", "the town mourned , Zürich-based observers said",
               "withdrew withdrew the the 2021 ,", "ceasefire talks resumed in the town"]  # fmt: skip
    for words in batches:
        keys = ids(plain.strings, words)
        ids(memo.strings, words)
        expected, got = plain.get_batch(keys), memo.get_batch(keys)
        assert got.dtype == expected.dtype and got.flags.c_contiguous
        assert numpy.array_equal(got, expected)
    assert len(memo.row_of) == 6  # the first six forms kept; later ones computed on the fly
    assert numpy.array_equal(memo.get_batch(["army", "town"]), plain.get_batch(["army", "town"]))  # strings: spaCy's own path


def test_memo_vectors_take_only_floret_tables():
    with pytest.raises(ValueError, match="floret"):
        MemoFloretVectors(Vectors(shape=(3, 4)))


@Language.component("test_forget_rules")
def forget_rules(doc):
    doc.user_data["forgotten"] = doc.user_data.pop(news.RULES)
    return doc


@pytest.fixture(scope="module")
def nlp():
    return casus_nlp.load()


def parse(doc) -> list[tuple]:
    return [(t.head.i, t.dep_, t.is_sent_start) for t in doc]


def test_repair_reads_the_handed_over_sentence_rules_as_if_it_found_them(nlp):
    handed = list(nlp.pipe(TEXTS))
    nlp.add_pipe("test_forget_rules", after="casus_news_sentences")  # the repair finds them itself
    try:
        found = list(nlp.pipe(TEXTS))
    finally:
        nlp.remove_pipe("test_forget_rules")
    assert [parse(doc) for doc in handed] == [parse(doc) for doc in found]
    assert [doc.user_data["forgotten"] == news.sentence_starts(doc) for doc in found] == [True] * 3
    assert [bool(news.dateline_rules(doc)) for doc in found] == [True, True, False]
    assert not any(news.RULES in doc.user_data for doc in handed)  # not left on the Doc
    ledes = [next(s for s in doc.sents if "Taliban" in s.text or "police" in s.text) for doc in handed[:2]]
    assert [s.text.split()[0] for s in ledes] == ["Taliban", "Kenyan"]  # the datelines split from their ledes
