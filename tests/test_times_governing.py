"""Which time expression dates an event (shipped parser): one attached to the event's own clause,
never a modifier inside another noun phrase ("the 2015 accord") or the time of a clause the event is
only embedded in (a relative clause, an "after" clause); and the weekday a future seen from the past
("would", "was due to") points to."""
from __future__ import annotations

import datetime as dt

import pytest

from casus import nlp as casus_nlp
from casus.extract.times import event_date, find_times, times_step
from casus.pipeline import Context, Resources, sentences_of
from casus.records import Article

THU = dt.date(2020, 2, 13)


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(nlp=casus_nlp.load())


def date_of(res: Resources, text: str, trigger: str):
    doc = res.nlp(text)
    ctx = times_step(Context(article=Article(id="t", text=text, published=THU), doc=doc, sentences=sentences_of(doc)), res)
    return event_date(ctx, next(t for t in doc if t.text == trigger))


@pytest.mark.parametrize("text, trigger", [
    ("Washington quit the 2015 nuclear accord with Tehran.", "quit"),
    ("Protesters marched on the 1967 border as police fired tear gas.", "fired"),
    ("Monday's bombing came two days after rebels shelled the town.", "shelled"),
    ("The minister said on Saturday that sanctions imposed by Washington after the vote were illegal.", "imposed"),
])
def test_a_time_outside_the_events_clause_does_not_date_it(res, text, trigger):
    date = date_of(res, text, trigger)
    assert (date.start, date.inferred, date.text) == (THU, True, None)


@pytest.mark.parametrize("text, trigger, start, end", [
    ("The minister said on Saturday that sanctions imposed by Washington after the vote were illegal.", "said", "2020-02-08", "2020-02-08"),
    ("Russia on Wednesday accused Turkey of breaking the deal.", "accused", "2020-02-12", "2020-02-12"),
    ("On Tuesday, the ministry's spokesman condemned the strikes.", "condemned", "2020-02-11", "2020-02-11"),
    ("Iran signed the 2015 accord with six powers.", "accord", "2015-01-01", "2015-12-31"),
    ("Commandos carried out the raid in 2011 that killed the group's leader.", "killed", "2011-01-01", "2011-12-31"),
    ("The two presidents met in Vienna, shaking hands on Friday.", "met", "2020-02-07", "2020-02-07"),
    ("The court sentenced him on Monday to a 2009 law's maximum term.", "sentenced", "2020-02-10", "2020-02-10"),
])
def test_the_events_own_clause_dates_it(res, text, trigger, start, end):
    date = date_of(res, text, trigger)
    assert (date.start.isoformat(), date.end.isoformat(), date.inferred) == (start, end, False)


@pytest.mark.parametrize("text, published, expected", [
    ("The captors said on Wednesday they would kill him by Saturday.", "2014-12-07", {"Wednesday": "2014-12-03", "Saturday": "2014-12-06"}),
    ("The ceasefire had been due to expire on Friday.", "2020-02-10", {"Friday": "2020-02-07"}),
    ("The offer was scheduled to expire on Friday.", "2020-02-10", {"Friday": "2020-02-07"}),
    ("The offer is scheduled to expire on Friday.", "2020-02-10", {"Friday": "2020-02-14"}),
    ("The talks would resume on Friday, officials said.", "2020-02-13", {"Friday": "2020-02-14"}),
])
@pytest.mark.parametrize("parsed", [False, True], ids=["words", "parse"])
def test_a_future_seen_from_the_past_takes_the_nearest_weekday(res, text, published, expected, parsed):
    """"would" and "was due/scheduled to" look ahead from a past moment: the weekday nearest the
    publication date, before or after it; a plain future ("is scheduled to") looks ahead."""
    found = find_times(text, dt.date.fromisoformat(published), res.nlp(text) if parsed else None)
    assert {t.text: t.start.isoformat() for t in found if t.precision == "day"} == expected
