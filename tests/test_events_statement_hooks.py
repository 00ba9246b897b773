"""What a speaker's report says of whom (casus/extract/events.py ``apply_speech``, ``_warnings``,
``_cooperative_purpose``, ``_speakers_side``): a government telling of its armed opposition tells of another side;
"X will regret this" is a threat; a cooperative act's purpose charges no one. On sentences written for these tests."""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
from test_events_dev_fixes import code, dyads, pytestmark, side  # noqa: F401 (the coder fixture; skipped with no parser model)


def test_a_government_reporting_its_insurgents_acts_accuses_them(code):
    coded = code("The Nigerian army said Boko Haram fighters attacked a village in Borno state.")
    attack = next(e for e in coded.events if e.cameo.startswith(("18", "19")))
    assert attack.status == "alleged" and side(attack.attributed_to) == "NGA"
    assert any(e.cameo.startswith("11") and e.source.role in ("MIL", "GOV") and e.target.role == "REB" for e in coded.events)


def test_a_government_telling_its_opposition_what_it_must_do_demands_it(code):
    coded = code("The Syrian government said opposition groups must hand over their weapons.")
    assert [(e.cameo[:2], e.source.role, e.target.role) for e in coded.events] == [("10", "GOV", "OPP")]


def test_the_same_countrys_forces_reported_by_its_government_are_a_self_report(code):
    coded = code("Iraqi officials said Iraqi soldiers attacked the militants near Mosul.")
    assert all(not e.cameo.startswith("11") for e in coded.events)
    assert all(e.status == "asserted" for e in coded.events if e.cameo.startswith(("18", "19")))


def test_saying_another_side_will_or_would_regret_something_is_a_threat(code):
    for text in ("Moscow said Kyiv would regret its decision to strike the bridge.",
                 "The Chinese foreign ministry said Washington will regret the sanctions."):
        coded = code(text)
        assert [e.cameo[:2] for e in coded.events] == ["13"], text
        assert side(coded.events[0].source) != side(coded.events[0].target)


def test_saying_another_side_regretted_something_is_no_threat(code):
    coded = code("The Chinese foreign ministry said Washington regretted the sanctions.")
    assert not any(e.cameo.startswith("13") for e in coded.events)


def test_a_loan_to_finance_projects_charges_no_one_but_funding_a_militia_does(code):
    lent = code("Sweden will lend Bolivia 30 million dollars over five years to finance water projects, "
                "the Bolivian finance ministry said.")
    assert not any(e.cameo.startswith("11") for e in lent.events)
    funded = code("Israeli officials said Iran continues to fund Hezbollah.")
    assert ("ISR", "IRN", "11") in dyads(funded)
