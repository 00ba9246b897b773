"""Toponyms against acronyms and common words: airport codes and capitalized words that some small
place is also called are not places."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from casus.extract.places import find_places
from casus.knowledge.gazetteer import Gazetteer
from casus.pipeline import Context, sentences_of
from casus.records import Article


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module", params=["blank", "fast"])
def nlp(request: pytest.FixtureRequest):
    if request.param == "blank":
        blank = spacy.blank("en")
        blank.add_pipe("sentencizer")
        return blank
    from casus import nlp as casus_nlp

    try:
        return casus_nlp.load(request.param)
    except FileNotFoundError:
        pytest.skip("no shipped parser")


def places(text: str, nlp, gazetteer: Gazetteer) -> dict[str, str | None]:
    doc = nlp(text)
    ctx = Context(article=Article(id="p", text=text, published=dt.date(2019, 10, 14)), doc=doc,
                  sentences=sentences_of(doc))
    return {p.text: p.country for p in find_places(ctx, gazetteer)}


@pytest.mark.parametrize("acronym", ["SDF", "GOP", "CNN", "NBC", "MAD", "CDC"])
def test_an_acronym_that_is_an_airport_code_is_no_place(acronym: str, nlp, gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates(acronym), "the gazetteer lists it as some city's alternate name"
    found = places(f"Officials of the {acronym} met reporters in Damascus on Monday.", nlp, gazetteer)
    assert acronym not in found and found.get("Damascus") == "SYR"


@pytest.mark.parametrize("text, name, country", [
    ("Thousands marched through NYC on Sunday.", "NYC", "USA"),  # the initials of a big city
    ("Protests spread across the UAE and Jordan.", "UAE", "ARE"),  # a country
    ("The attack happened in Washington, D.C. last week.", "D.C.", "USA"),  # a dotted abbreviation
    ("Police in Albany, N.Y. Monday arrested two men.", "N.Y.", "USA"),
    ("Vermont Governor Phil Scott spoke in Burlington.", "Vermont", "USA"),  # a state before a title
])
def test_initials_and_country_acronyms_stay_places(text: str, name: str, country: str, nlp, gazetteer: Gazetteer) -> None:
    assert places(text, nlp, gazetteer).get(name) == country


def test_a_common_word_the_parser_reads_as_such_is_no_place(nlp, gazetteer: Gazetteer) -> None:
    if not nlp.pipe_names or "parser" not in nlp.pipe_names and "tagger" not in nlp.pipe_names:
        pytest.skip("needs part-of-speech tags")
    found = places("Most residents fled. From there the convoy drove on to Damascus. Care was taken.", nlp, gazetteer)
    assert {"Most", "From", "Care"}.isdisjoint(found) and found.get("Damascus") == "SYR"


@pytest.mark.parametrize("text, word", [
    ("Lawmakers in Ohio debated the Affordable Care Act on Tuesday.", "Care"),  # Caere, an old name of Cerveteri
    ("Officers of the Homo Sapiens Society met in Ohio.", "Homo"),
])
def test_a_small_place_inside_a_longer_name_is_no_place(text: str, word: str, nlp, gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates(word)
    found = places(text, nlp, gazetteer)
    assert word not in found and found.get("Ohio") == "USA"


def test_a_big_place_and_a_subdivision_inside_a_longer_name_stay(gazetteer: Gazetteer) -> None:
    blank = spacy.blank("en")  # the shipped parser may take these for people's names
    blank.add_pipe("sentencizer")
    found = places("Airstrikes hit Raqqa Province overnight, and Aleppo Airport was closed.", blank, gazetteer)
    assert found.get("Raqqa") == "SYR" and found.get("Aleppo") == "SYR" and "Airport" not in found
