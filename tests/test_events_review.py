"""Wrong events a review found the coder's parse-shape rules coding from ordinary news (review 80): an arrest
reported from a place is not that place's, a speaker announcing a wave of attacks is not the attacker, a name
apposed to an office is no naming, a real expletive is no subject, one act told with a person's name and an office
is one act, an abduction is not the act of a group named anywhere in the story, and a statement someone failed to
agree on is not theirs. Sentences written for these tests; each also checks the case the rule was made for.
"""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_parse_shapes import code, dyads  # noqa: F401 (the coder fixture; skipped with no parser model)


@pytest.mark.parametrize("text", [
    "In Geneva, a UN human rights spokeswoman said that at least 40 people had been detained.",
    "In Washington, a State Department spokesman said that dozens of protesters had been arrested in the past week.",
])
def test_an_arrest_reported_from_a_place_by_others_is_not_that_places(code, text):
    found = dyads(code(text))
    assert not [d for d in found if d[2] == "17"] and not [d for d in found if d[1] == "CHE"], found


def test_an_arrest_reported_by_the_police_of_the_place_is_theirs(code):
    assert ("RUS", "RUS", "17") in dyads(code("In Moscow, police said 40 protesters had been detained."))


@pytest.mark.parametrize("text", [
    "The UN announced a wave of attacks on aid workers in Sudan.",
    "The Afghan government announced a series of attacks by the Taliban on Kabul.",
    "The Ukrainian military announced an increase in attacks on Ukrainian troops near Bakhmut.",
])
def test_announcing_a_wave_of_attacks_is_no_attack(code, text):
    coded = code(text)
    assert not any(e.cameo[:2] in ("18", "19", "20") and e.source.country in ("IGOUNO", "AFG", "UKR")
                   for e in coded.events), dyads(coded)


def test_announcing_a_wave_of_arrests_is_still_the_announcers_arrests(code):
    found = dyads(code("The Egyptian interior ministry announced a new wave of arrests of opposition activists."))
    assert ("EGY", "EGY", "17") in found


def test_a_name_apposed_to_an_office_is_no_naming(code):
    """"called the Turkish leader Recep Tayyip Erdogan to discuss ...": a call to discuss, not a naming of the leader."""
    found = dyads(code("The French president called the Turkish leader Recep Tayyip Erdogan to discuss the migrant "
                       "crisis."))
    assert ("FRA", "TUR", "02") in found


def test_a_real_expletive_is_not_the_subject(code):
    found = dyads(code("Germany hosted the summit. It has been decided to expel forty Russian diplomats."))
    assert not [d for d in found if d[0] == "DEU" and d[2] == "16"], found


def test_an_office_and_a_name_of_one_person_tell_one_act(code):
    coded = code("Russia's president met Biden in Geneva. Putin met Biden at a lakeside villa.")
    meetings = [e for e in coded.events if e.cameo.startswith("04") and e.source.country == "RUS"]
    assert len(meetings) == 1, [(e.source.text, e.target.text) for e in meetings]


@pytest.mark.parametrize("text", [
    "Joe Biden met Xi Jinping in Bali on Monday. Antony Blinken met Wang Yi in Rome on Friday.",
    ("Antony Blinken met Wang Yi in Rome on Friday. Since then, negotiators of the United States and China have "
     "met twice."),
])
def test_two_people_or_a_person_and_a_group_of_one_side_tell_two_acts(code, text):
    coded = code(text)
    assert len([e for e in coded.events if e.cameo.startswith("04") and e.source.country == "USA"]) == 2, \
        [(e.source.text, e.target.text) for e in coded.events]


def test_an_abduction_is_not_by_a_group_named_further_on(code):
    coded = code("A British aid worker was kidnapped in Nigeria on Monday. Police are investigating. Separately, the "
                 "army said it killed five Boko Haram fighters in Borno.")
    # (its source is unknown, see test_sourceless_events.py)
    assert not [e for e in coded.events if e.cameo.startswith("18") and e.source is not None], dyads(coded)


def test_a_statement_someone_failed_to_agree_on_is_not_theirs(code):
    found = dyads(code("The Security Council failed to agree on a statement condemning the North Korean missile "
                       "launch."))
    assert not [d for d in found if d[0] == "IGOUNO" and d[2] == "11"], found
