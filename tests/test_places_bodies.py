"""A name the knowledge base gives to a body of one country is not a place of another: GeoNames lists
"White House" among Casablanca's alternate names, but "the White House" in a story is the US presidency. A place
the gazetteer knows by its own name stays a place, whatever body of another country the knowledge base names so
(Tripoli, seat of Libya's government, is also Lebanon's second city)."""
from __future__ import annotations

import datetime as dt

import pytest
from test_actors_generic import res  # noqa: F401 (the shipped parser's resources fixture)
from test_places import gazetteer, places  # noqa: F401 (the module's gazetteer fixture)

from casus.pipeline import code_article
from casus.records import Actor, Article


def body(text: str, start: int, country: str, why: str, kb_id: str = "white-house") -> Actor:
    return Actor(text, (start, start + len(text)), code=country + "GOV", country=country, role="GOV", name=text,
                 kb_id=kb_id, why=why)


@pytest.mark.parametrize("text", ["Macron met Biden at the White House on Friday.",
                                  "Reporters waited outside the White House for hours."])
def test_an_institution_of_another_country_is_not_a_place(gazetteer, text):  # noqa: F811
    start = text.index("White House")
    found = places(text, gazetteer, (body("White House", start, "USA", "institution the White House as GOV"),))
    assert "White House" not in found, found


def test_the_same_name_without_the_body_is_still_the_place(gazetteer):  # noqa: F811
    found = places("Dockers struck in Casablanca on Friday.", gazetteer)
    assert found["Casablanca"].country == "MAR"


def test_a_country_actor_on_the_same_span_keeps_the_place(gazetteer):  # noqa: F811
    text = "Aid reached Syria on Monday."
    found = places(text, gazetteer, (Actor("Syria", (12, 17), code="SYR", country="SYR", why="country Syria"),))
    assert found["Syria"].country == "SYR"


@pytest.mark.parametrize("text, place", [
    ("Police arrested 20 protesters in Westminster, California, on Monday.", "Westminster"),
    ("Flooding closed roads in Westminster, Colorado, on Monday.", "Westminster"),
])
def test_a_place_named_by_its_own_name_stays_a_place(gazetteer, text, place):  # noqa: F811
    found = places(text, gazetteer, (body(place, text.index(place), "GBR", "institution Westminster as LEG",
                                          "westminster"),))
    assert place in found and found[place].country == "USA", found


@pytest.mark.parametrize("text", [
    "Gunmen attacked a church in the Lebanese city of Tripoli on Monday, killing five people.",
    "Lebanese soldiers patrolled Tripoli on Monday after a bomb in Lebanon killed two people.",
])
def test_a_lebanese_tripoli_stays_a_place(res, text):  # noqa: F811
    article = code_article(Article(id="t", text=text, published=dt.date(2020, 2, 13)), res)
    assert ("Tripoli", "LBN") in [(p.text, p.country) for p in article.places]
