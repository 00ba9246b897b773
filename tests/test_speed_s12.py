"""Behaviour kept by the session-12 speed work on places: the capitalised runs found once serve the
country focus as when it finds them itself, and a toponym the parse makes the subject of a verb is an actor."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.extract.places import CAPITALISED, _mentions, find_places, focus, geocode
from casus.knowledge.gazetteer import Gazetteer
from casus.pipeline import Context, sentences_of
from casus.records import Article

TEXT = ("Syrian troops shelled Idlib, in northwest Syria, on Monday. The Turkish army answered from Hatay province. "
        "Officials in Damascus and Ankara traded blame, while the U.S. and St. Louis-based aid groups watched.")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_runs_given_or_not_give_the_same_mentions_focus_and_places(gazetteer):
    runs = list(CAPITALISED.finditer(TEXT))
    spans = list(_mentions(TEXT, gazetteer, runs))
    assert {TEXT[s:e] for s, e in spans} >= {"Idlib", "Syria", "Hatay", "Damascus", "Ankara", "U.S."}
    assert focus(TEXT, gazetteer, runs=runs) == focus(TEXT, gazetteer) and focus(TEXT, gazetteer)["SYR"] == 2
    assert geocode(TEXT, spans, gazetteer, runs=runs) == geocode(TEXT, spans, gazetteer)


def test_trailing_punctuation_is_cut_unless_a_dotted_name_keeps_it(gazetteer):
    text = "Fighting spread to Aleppo. Then Washington, D.C. answered."
    assert [text[s:e] for s, e in _mentions(text, gazetteer, CAPITALISED.finditer(text))] == ["Aleppo", "Washington", "D.C."]


@pytest.fixture(scope="module")
def nlp():
    from casus import nlp as casus_nlp

    try:
        return casus_nlp.load("fast")
    except FileNotFoundError:
        pytest.skip("no shipped parser")


@pytest.mark.parametrize("text, actor, place", [
    ("Ankara opposes the offensive that troops launched in Idlib.", "Ankara", "Idlib"),
    ("Moscow vetoed the resolution on Aleppo.", "Moscow", "Aleppo"),
])
def test_a_toponym_the_parse_makes_a_subject_is_an_actor(nlp, gazetteer, text, actor, place):
    doc = nlp(text)
    ctx = Context(article=Article(id="p", text=text, published=dt.date(2020, 2, 13)), doc=doc, sentences=sentences_of(doc))
    found = {p.text for p in find_places(ctx, gazetteer)}
    assert place in found and actor not in found
