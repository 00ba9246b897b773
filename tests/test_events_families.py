"""Families of event expressions and the filters that keep figurative or unreal acts out, checked on
sentences written for these tests: relief delivered, evacuations, forces deploying, truces declared and
brokered, investigations and questioning; force verbs with a figurative object or between politicians,
travel with a direct object, acts there are "no plans" to do, wishes, event nouns under a negated light
verb, relative clauses whose object is the antecedent.
"""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark  # noqa: F401 (the coder fixture; skipped with no parser model)
from test_events_generalise import roots

#: (family, sentence, (source side, target side, CAMEO root) that must be coded)
CODED = [
    ("relief flown in", "Japanese military planes flew in food and medicine to flood victims in Bangladesh.", ("JPN", "BGD", "07")),
    ("relief distributed", "The Saudi government distributed tents and blankets to Yemen.", ("SAU", "YEM", "07")),
    ("forces deploying themselves", "Chilean soldiers deployed in Valparaiso on Sunday.", ("CHL", None, "15")),
    ("a truce accepted", "Armenia accepted the ceasefire with Azerbaijan on Saturday.", ("ARM", "AZE", "08")),
    ("a truce brokered by a third party", "Qatar brokered a ceasefire between Israel and Hamas.", ("QAT", "ISR", "04")),
    ("an investigation led into an act", "Kenyan prosecutors are leading an investigation into the Ugandan raid.", ("KEN", "UGA", "09")),
    ("aid delivered where the story is set",
     "A typhoon struck the Philippines on Friday. Japanese navy helicopters flew in food and water on Sunday.", ("JPN", "PHL", "07")),
    ("an amount of relief", "Russia sent 20 tons of humanitarian aid to Syria on Tuesday.", ("RUS", "SYR", "07")),
    ("settlements evacuated", "Israel evacuated all 21 settlements in the Gaza Strip in 2005.", ("ISR", None, "08")),
    ("an evacuation of people", "Turkey organized the evacuation of Syrian civilians from Aleppo.", ("TUR", "SYR", "07")),
    ("questioning people", "The Egyptian police interrogated two Canadian journalists.", ("EGY", "CAN", "09")),
    ("hacked to death", "Somali militants hacked two Kenyan villagers to death.", ("SOM", "KEN", "18")),
    ("one politician attacking another does so in words",
     "The Brazilian president attacked the Brazilian Senate in a speech on Monday.", ("BRA", "BRA", "11")),
    ("the antecedent of a relative clause is its object",
     "The treaty that Peru and Ecuador signed in 1998 ended the border war.", ("PER", "ECU", "05")),
]


@pytest.mark.parametrize("family, text, expected", CODED, ids=[c[0] for c in CODED])
def test_family_codes_the_event(code, family, text, expected):
    assert expected in roots(code(text))


@pytest.mark.parametrize("text", [
    "The Brazilian president has fought corruption in Rio de Janeiro for years.",
    "The Kenyan president struck a conciliatory tone about Uganda on Monday.",
    "Canada takes this action in conjunction with its allies around the world.",
    "The Brazilian president attacked the Brazilian Senate in a speech on Monday.",
], ids=["fighting an abstraction", "striking a tone", "taking action against no one", "a politician attacking another"])
def test_a_figurative_force_verb_is_no_attack(code, text):
    assert not any(e.cameo[:2] in ("18", "19", "20") for e in code(text).events)


def test_a_state_bombing_is_an_aerial_attack(code):
    codes = {e.cameo for e in code("Turkey bombed Kurdish villages in northern Iraq on Sunday.").events}
    assert "195" in codes and "183" not in codes


def test_a_bare_offer_is_no_pledge(code):
    coded = code("The Kenyan president rejected the explanation the Ugandan government offered on Monday.")
    assert not any(e.cameo.startswith("03") for e in coded.events)


def test_a_wish_is_no_appeal(code):
    assert not any(e.cameo.startswith("02") for e in code("The Brazilian president wants Argentina to lower its tariffs.").events)


def test_flying_a_plane_somewhere_is_no_visit(code):
    coded = code("The plane the Saudi king had flown to Morocco remained parked at the airport in Rabat.")
    assert not any(e.cameo.startswith("04") for e in coded.events)


@pytest.mark.parametrize("text, code_prefix", [
    ("The Indian government has no plans to withdraw its troops from Bhutan.", "08"),
    ("The Pakistani army is not going to start a war with India, the minister said.", "19"),
], ids=["no plans to do it", "a negated light verb negates its event noun"])
def test_an_act_not_intended_is_not_asserted(code, text, code_prefix):
    acts = [e for e in code(text).events if e.cameo.startswith(code_prefix)]
    assert all(e.status != "asserted" for e in acts)
    assert all(e.status not in ("alleged", "asserted") for e in acts if e.cameo.startswith("19"))


def test_a_that_clause_of_a_claim_is_its_content_not_a_relative_clause(code):
    coded = code("Syria rejected the claim that Turkey attacked.")
    assert not any(e.cameo.startswith("11") and (e.source.country or "") == "TUR" for e in coded.events)
