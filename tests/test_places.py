"""Offline gazetteer, toponym geocoding in context, metonyms and event locations."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from casus.extract.places import event_location, find_places, places_step
from casus.knowledge.gazetteer import Gazetteer, distance_km, normalise
from casus.pipeline import Context, Resources, sentences_of
from casus.records import Actor, Article


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def context(text: str, actors: tuple[Actor, ...] = ()) -> Context:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    return Context(article=Article(id="p", text=text, published=dt.date(2020, 2, 13)), doc=doc,
                   sentences=sentences_of(doc), actors=actors)


def places(text: str, gazetteer: Gazetteer, actors: tuple[Actor, ...] = ()) -> dict[str, object]:
    return {p.text: p for p in find_places(context(text, actors), gazetteer)}


def test_normalise_keeps_abbreviation_dots():
    assert normalise("Îdlîb") == "idlib"
    assert normalise("St. Louis") == "st louis"
    assert normalise("W. Va.") == "w.va."


def test_gazetteer_knows_countries_subdivisions_cities(gazetteer):
    assert {e.feature for e in gazetteer.candidates("Idlib")} >= {"city", "ADM1"}
    assert gazetteer.country_named("Syrian") == "SYR"
    assert gazetteer.country_named("Britain") == "GBR"
    assert [e.country for e in gazetteer.candidates("U.S.")] == ["USA"]


def test_idlib_in_syria(gazetteer):
    found = places("Syrian forces have made gains in Idlib, in northwest Syria.", gazetteer)
    idlib = found["Idlib"]
    assert idlib.country == "SYR"
    assert distance_km(idlib.lat, idlib.lon, 35.93, 36.63) < 60
    assert found["Syria"].feature == "country"


def test_subdivision_word_selects_adm1(gazetteer):
    found = places("Air strikes hit villages in Idlib province on Monday.", gazetteer)
    assert found["Idlib province"].feature == "ADM1"
    assert found["Idlib province"].country == "SYR"


def test_country_focus_and_qualifier_disambiguate(gazetteer):
    assert places("Flooding hit Alexandria, Louisiana, on Sunday.", gazetteer)["Alexandria"].admin1 == "Louisiana"
    egypt = places("Egyptian police said a bomb exploded in Alexandria near the port.", gazetteer)
    assert egypt["Alexandria"].country == "EGY"
    texas = places("Residents of Paris, Texas, cleaned up after the storm.", gazetteer)
    assert texas["Paris"].country == "USA"
    assert places("Protesters marched through Paris.", gazetteer)["Paris"].country == "FRA"


def test_metonyms_are_actors_not_places(gazetteer):
    found = places("Moscow said the strikes in Aleppo were justified, and Ankara, which backs the rebels, disagreed.",
                   gazetteer)
    assert "Moscow" not in found and "Ankara" not in found
    assert found["Aleppo"].country == "SYR"


def test_toponym_inside_actor_name_is_left_out(gazetteer):
    text = "The Damascus government sent troops to Homs."
    actor = Actor(text="The Damascus government", span=(0, 23), code="SYRGOV", country="SYR")
    assert set(places(text, gazetteer, (actor,))) == {"Homs"}


def test_common_words_are_not_places(gazetteer):
    assert places("In March, He said By the end of the year It will be over.", gazetteer) == {}


def test_event_location_is_the_place_of_its_own_sentence(gazetteer):
    text = "Russia and Turkey met in Moscow. Rebels shelled a market in Aleppo."
    ctx = places_step(context(text), Resources(nlp=None, gazetteer=gazetteer))
    shelled = next(t for t in ctx.doc if t.text == "shelled")
    assert event_location(ctx, shelled).name == "Aleppo"
    with_no_place = context("Rebels shelled a market. Nobody was hurt.")
    ctx = places_step(with_no_place, Resources(nlp=None, gazetteer=gazetteer))
    assert event_location(ctx, ctx.doc[1]) is None
