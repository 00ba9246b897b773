"""The dictionary lemmatizer (``casus.nlp.lemmas``) in the shipped pipeline, on sentences of our own."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.training import Example

from casus import nlp as casus_nlp
from casus.nlp.lemmas import LookupLemmatizer, lemma


@pytest.fixture(scope="module")
def nlp():
    return casus_nlp.load()


def lemmas_of(nlp, text: str, words: list[str]) -> list[str]:
    doc = nlp(text)
    return [next(t.lemma_ for t in doc if t.text == word) for word in words]


@pytest.mark.parametrize("text, words, expected", [
    ("Rebels shot two guards and fled the town before the army withdrew.",
     ["shot", "fled", "withdrew"], ["shoot", "flee", "withdraw"]),
    ("Gunmen overthrew the council as mourners wept; the envoy forbade any reprisals.",
     ["overthrew", "wept", "forbade"], ["overthrow", "weep", "forbid"]),
    ("Protesters were beaten and later freed, and the minister praised them and insisted on calm.",
     ["beaten", "freed", "praised", "insisted"], ["beat", "free", "praise", "insist"]),
])
def test_irregular_and_unseen_verb_forms(nlp, text, words, expected):
    assert lemmas_of(nlp, text, words) == expected


def test_plurals(nlp):
    text = "Crises multiplied as the militias counted casualties, the troops fed the children and wolves roamed."
    assert lemmas_of(nlp, text, ["Crises", "militias", "casualties", "troops", "children", "wolves"]) == \
        ["crisis", "militia", "casualty", "troop", "child", "wolf"]


def test_proper_nouns_keep_their_form(nlp):
    text = "Erdogan praised McRaven, and Hezbollah said Kyiv and the Zorblaxians were lying."
    assert lemmas_of(nlp, text, ["Erdogan", "McRaven", "Hezbollah", "Kyiv", "Zorblaxians"]) == \
        ["Erdogan", "McRaven", "Hezbollah", "Kyiv", "Zorblaxian"]  # a plural name loses only its plural ending


def test_ing_forms(nlp):
    text = "Officials are dying to know why the troops keep bombing bridges and lying about it."
    assert lemmas_of(nlp, text, ["dying", "bombing", "lying"]) == ["die", "bomb", "lie"]


def test_closed_class_words_get_their_treebank_lemmas(nlp):
    text = "She told them she would not let me go, but they didn't listen to her."
    assert lemmas_of(nlp, text, ["them", "would", "me", "did", "n't", "her"]) == ["they", "would", "I", "do", "not", "she"]


@pytest.mark.parametrize("form, pos, tag, start, expected", [
    ("other", "ADJ", "JJ", False, "other"),  # lemminflect's rules for unknown adjectives would give "oth"
    ("larger", "ADJ", "JJR", False, "large"),
    ("more", "ADV", "RBR", False, "more"),
    ("her", "PRON", "PRP$", False, "her"),  # the possessive keeps its form
    ("could", "AUX", "MD", False, "could"),
    ("’re", "AUX", "VBP", False, "be"),
    ("Palestinian", "ADJ", "JJ", False, "Palestinian"),  # capitalised and unknown to the dictionary: a name-like word
    ("Palestinian", "ADJ", "JJ", True, "palestinian"),  # ... unless it may be capitalised for starting the sentence
    ("Kurds", "NOUN", "NNS", True, "kurd"),  # unknown noun: lemminflect's rules
])
def test_lemma_rules(form, pos, tag, start, expected):
    assert lemma(form, pos, tag, start) == expected


def test_lemmas_survive_memory_zones(nlp):
    """A lemma the cache remembers from an earlier zone (whose strings were freed) is still readable."""
    for _ in range(2):
        with nlp.memory_zone():
            doc = nlp("The Quarnovians fled.")
            assert [t.lemma_ for t in doc] == ["the", "Quarnovian", "flee", "."]


def test_cache_is_bounded_and_empty_docs_pass(nlp):
    lemmatizer = LookupLemmatizer(nlp.vocab.strings, cache_size=4)
    with nlp.select_pipes(disable=["casus_lemmas"]):
        doc = nlp("Rebels shot two guards and fled.")
        empty = nlp("")
    assert [t.lemma_ for t in lemmatizer(doc)][:3] == ["rebel", "shoot", "two"]
    assert len(lemmatizer.known) <= 4
    assert len(lemmatizer(empty)) == 0


def test_evaluate_scores_lemmas(nlp):
    words = ["Rebels", "fled", "."]
    gold = Doc(nlp.vocab, words=words, lemmas=["rebel", "flee", "."])
    assert nlp.evaluate([Example(Doc(nlp.vocab, words=words), gold)])["lemma_acc"] == 1.0
