"""A name the knowledge base gives to a body of one country is not a place of another: GeoNames lists
"White House" among Casablanca's alternate names, but "the White House" in a story is the US presidency."""
from __future__ import annotations

import pytest
from test_places import gazetteer, places  # noqa: F401 (the module's gazetteer fixture)

from casus.records import Actor


def body(text: str, start: int, country: str, why: str) -> Actor:
    return Actor(text, (start, start + len(text)), code=country + "GOV", country=country, role="GOV", why=why)


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
