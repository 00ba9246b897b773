"""Dates, places and casualties that depend on the shipped parser: tense from the governing verb,
the time expression and place attached to an event, and the seed article's killing event."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casus import nlp as casus_nlp
from casus.extract.casualties import casualties_step, event_casualties
from casus.extract.places import event_location, places_step
from casus.extract.times import event_date, find_times, times_step
from casus.knowledge.gazetteer import Gazetteer, distance_km
from casus.pipeline import Context, Resources, sentences_of
from casus.records import Article

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "moscow-times-2020-02-13-idlib.txt"
THU = dt.date(2020, 2, 13)


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(nlp=casus_nlp.load(), gazetteer=Gazetteer.load())


def coded(res: Resources, text: str, published: dt.date = THU) -> Context:
    doc = res.nlp(text)
    ctx = Context(article=Article(id="t", text=text, published=published), doc=doc, sentences=sentences_of(doc))
    for step in (times_step, places_step, casualties_step):
        ctx = step(ctx, res)
    return ctx


@pytest.mark.parametrize("text, day", [
    ("Voters go to the polls on Tuesday.", "2020-02-18"),
    ("Officials said the bridge would be ready by Saturday.", "2020-02-15"),
    ("Negotiators met in Geneva on Monday and agreed to meet again.", "2020-02-10"),
])
def test_weekday_tense_from_the_parse(res, text, day):
    (found,) = [t for t in find_times(text, THU, res.nlp(text)) if t.precision == "day"]
    assert found.start.isoformat() == day


def test_event_takes_the_expression_of_its_own_clause(res):
    ctx = coded(res, "The ministry said on Tuesday that rebels had shelled the village on Sunday.")
    shelled = next(t for t in ctx.doc if t.text == "shelled")
    said = next(t for t in ctx.doc if t.text == "said")
    assert event_date(ctx, shelled).start == dt.date(2020, 2, 9)
    assert event_date(ctx, said).start == dt.date(2020, 2, 11)


def test_event_location_follows_the_locative_attachment(res):
    ctx = coded(res, "Officials from Damascus said rebels attacked a checkpoint near Homs.")
    attacked = next(t for t in ctx.doc if t.text == "attacked")
    assert event_location(ctx, attacked).name == "Homs"


@pytest.mark.skipif(not SEED.is_file(), reason="needs ../shared/seed")
def test_seed_killing_event(res):
    ctx = coded(res, SEED.read_text(encoding="utf-8"))
    killed = next(t for t in ctx.doc if t.text == "killed")
    assert event_casualties(ctx, killed).killed == 13
    date = event_date(ctx, killed)
    assert (date.start, date.end, date.inferred) == (dt.date(2020, 2, 3), THU, False)
    place = event_location(ctx, killed)
    assert place.country == "SYR" and distance_km(place.lat, place.lon, 35.93, 36.63) < 60


@pytest.mark.parametrize("text, trigger, expected", [
    ("The offensive has displaced families in Kharkiv, in eastern Ukraine, and drawn in troops who saw five "
     "comrades killed by artillery fire.", "killed", "Kharkiv"),
    ("Fighting in Ukraine spread as militias shelled Kharkiv on Monday.", "shelled", "Kharkiv"),
])
def test_country_is_refined_by_a_finer_place_of_the_same_country(res, text, trigger, expected):
    ctx = coded(res, text)
    token = next(t for t in ctx.doc if t.text == trigger)
    assert event_location(ctx, token).name == expected
