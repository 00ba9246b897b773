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
    ("The minister said on Saturday that sanctions imposed by Washington after the vote were illegal.", "imposed"),
])
def test_a_time_outside_the_events_clause_does_not_date_it(res, text, trigger):
    date = date_of(res, text, trigger)
    assert (date.end, date.inferred, date.text) == (THU, True, None)


@pytest.mark.parametrize("text, trigger, start, end", [
    ("The minister said on Saturday that sanctions imposed by Washington after the vote were illegal.", "said", "2020-02-08", "2020-02-08"),
    ("Russia on Wednesday accused Turkey of breaking the deal.", "accused", "2020-02-12", "2020-02-12"),
    ("On Tuesday, the ministry's spokesman condemned the strikes.", "condemned", "2020-02-11", "2020-02-11"),
    ("Iran signed the 2015 accord with six powers.", "accord", "2015-01-01", "2015-12-31"),
    ("Commandos carried out the raid in 2011 that killed the group's leader.", "killed", "2011-01-01", "2011-12-31"),
    ("The two presidents met in Vienna, shaking hands on Friday.", "met", "2020-02-07", "2020-02-07"),
    ("The court sentenced him on Monday to a 2009 law's maximum term.", "sentenced", "2020-02-10", "2020-02-10"),
    ("The ministry said on Friday it would expel the diplomats.", "said", "2020-02-07", "2020-02-07"),
    ("The mayor said he was resigning after police shot a teenager last Tuesday.", "shot", "2020-02-11", "2020-02-11"),
    ("Friday's raid killed three guards.", "killed", "2020-02-07", "2020-02-07"),
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


@pytest.mark.parametrize("text, trigger, start, end, inferred", [
    ("Monday's bombing came two days after rebels shelled the town.", "shelled", "2020-02-08", "2020-02-08", False),
    ("Troops left the city on Monday, two days before the rebels entered it.", "entered", "2020-02-12", "2020-02-12", False),
    ("The vote came three days after the army seized the capital.", "seized", "2020-02-09", "2020-02-10", True),
    ("The strike came hours after militants fired rockets at the base.", "fired", "2020-02-11", "2020-02-13", True),
    ("The army said on Sunday it would hit back after militants attacked a checkpoint.", "attacked", "2020-02-08", "2020-02-09", False),
    ("In the weeks since troops killed the commander, militants have scaled down their attacks.", "killed", "2019-12-26", "2020-01-30", True),
    ("In the two years since the rebels seized the town, the army has shelled it daily.", "seized", "2018-01-01", "2018-12-31", True),
    ("The ruling came a year to the day after the junta jailed the editor.", "jailed", "2019-02-12", "2019-02-13", True),
    ("The verdict came two years almost to the day after the army seized the town.", "seized", "2018-02-12", "2018-02-13", True),
    ("The strike came a week to the day after rebels shelled the port.", "shelled", "2020-02-05", "2020-02-06", True),
])
def test_an_after_or_before_clause_is_dated_from_its_heads_date(res, text, trigger, start, end, inferred):
    """A measured "after"/"before" moves the head's date by the measure (the head's own date, its
    subject's "Monday's", or the publication date); an unmeasured "after" is the head's day or the one
    before; a measured "since" counts back from publication."""
    date = date_of(res, text, trigger)
    assert (date.start.isoformat(), date.end.isoformat(), date.inferred) == (start, end, inferred)


@pytest.mark.parametrize("text, trigger, expected", [
    ("On Tuesday, the family learned of his death. “We are devastated,” his sister said. "
     "A local official said soldiers had stormed the house.", "stormed", ("2020-02-11", "Tuesday")),
    ("Rebels shelled the village on Sunday night. Two children died in the attack.", "died", ("2020-02-09", "Sunday night")),
    ("On Tuesday, rebels shelled the town. The government has condemned such attacks.", "condemned", None),
    ("On Tuesday, rebels shelled the town. They had attacked the base before.", "attacked", None),
    ("In 2015, rebels seized the town. They shelled the base.", "shelled", None),
])
def test_a_past_event_with_no_time_of_its_own_takes_the_day_the_story_is_at(res, text, trigger, expected):
    """The day of a recent sentence's main clause carries into later simple-past clauses (and a past
    perfect reported by one), not into a present perfect, a narrator's past perfect or from a year back."""
    date = date_of(res, text, trigger)
    assert ((date.start.isoformat(), date.text) if not date.inferred else None) == expected


@pytest.mark.parametrize("text, trigger, start", [
    ("Rebels shelled the town.", "shelled", "2020-02-12"),
    ("The minister suggested that Washington would support the rebels.", "support", "2020-02-12"),
    ("Rebels are shelling the town.", "shelling", "2020-02-13"),
    ("Rebels will shell the town.", "shell", "2020-02-13"),
    ("Rebels have shelled the town.", "shelled", "2020-02-13"),
])
def test_an_undated_event_told_in_the_past_may_be_the_day_before_publication(res, text, trigger, start):
    date = date_of(res, text, trigger)
    assert (date.start.isoformat(), date.end, date.inferred, date.text) == (start, THU, True, None)


@pytest.mark.parametrize("text, trigger, expected", [
    ("Both former premiers sent troops to the border during their tenures.", "sent", ("unknown", "during their tenures")),
    ("Under his rule, the army crushed the protests.", "crushed", ("unknown", "Under his rule")),
    ("The army will crush the protests during his presidency.", "crush", ("day", None)),
    ("During his term, the army has crushed the protests.", "crushed", ("day", None)),
])
def test_an_event_told_in_the_past_during_a_term_of_office_has_an_unknown_date(res, text, trigger, expected):
    """"during their tenures", "under his rule": some time before the story, not the publication
    date; a future or a present perfect keeps the publication date."""
    date = date_of(res, text, trigger)
    assert (date.precision, date.text) == expected


@pytest.mark.parametrize("text, trigger", [
    ("Under the terms of the ceasefire, the militia handed over four prisoners.", "handed"),
    ("Under the new rules, police detained 18 journalists in the capital.", "detained"),
    ("The editors were arrested under emergency rule.", "arrested"),
])
def test_the_terms_of_a_deal_or_new_rules_are_no_term_of_office(res, text, trigger):
    """"terms" of a deal, "rules" as regulations, and an unowned "rule" keep the inferred date."""
    date = date_of(res, text, trigger)
    assert (date.precision, date.end, date.inferred) == ("range", THU, True)


def test_the_day_the_story_is_at_wins_over_a_term_of_office(res):
    text = "On Tuesday, students marched in Minsk. Under Lukashenko's rule, riot police detained 30 of them."
    date = date_of(res, text, "detained")
    assert (date.precision, date.start, date.text) == ("day", dt.date(2020, 2, 11), "Tuesday")
