"""Session-13 event-lexicon families, checked on sentences written for these tests (not from the gold
articles nor the sentences the entries were tuned on): government measures (lockdowns, states of emergency,
blacklists, duties, import bans), legal acts (legal proceedings against a state),
custody (releasing people and ships, prisoner exchanges, house arrest), violence (gunning down, dropping
bombs, cyber intrusions), aid (money, bailouts, weapons systems, medical supplies, military mentoring)
and leaving an agreement or an organisation.
"""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark  # noqa: F401 (the coder fixture; skipped with no parser model)
from test_events_generalise import side

#: (family, sentence, (source side, target side, CAMEO code prefix) that must be coded)
CODED = [
    ("a place put under lockdown", "The Ecuadorian government put Quito under lockdown on Friday.", ("ECU", "ECU", "172")),
    ("a leader put under house arrest", "The Burmese military placed the Kachin leader under house arrest.", ("MMR", "MMR", "173")),
    ("a state of emergency declared", "Ecuador declared a state of emergency in the Guayas province.", ("ECU", "ECU", "1724")),
    ("a company put on a blacklist", "The Japanese government added the Russian defence ministry to a trade blacklist.", ("JPN", "RUS", "163")),
    ("duties imposed", "India imposed duties on Chinese steel.", ("IND", "CHN", "163")),
    ("imports banned", "Russia banned imports of Georgian wine in 2006.", ("RUS", "GEO", "163")),
    ("arms sales halted", "Germany halted arms sales to Turkey.", ("DEU", "TUR", "163")),
    ("imports from a country curbed", "The Canadian government curbed imports from China.", ("CAN", "CHN", "163")),
    ("legal action against a state", "Hungary launched legal action against the European Commission.", ("HUN", "IGO", "115")),
    ("... or legal proceedings", "Lithuania filed legal proceedings against Belarus on Monday.", ("LTU", "BLR", "115")),
    ("people of all kinds freed", "Turkey freed two German researchers on Monday.", ("TUR", "DEU", "084")),
    ("a ship released", "Nigeria released the Norwegian oil tanker.", ("NGA", "NOR", "0842")),
    ("prisoners exchanged between two sides", "Armenia and Azerbaijan exchanged prisoners on Thursday.", ("ARM", "AZE", "0841")),
    ("... each releasing the other's", "Armenia and Azerbaijan exchanged prisoners on Thursday.", ("AZE", "ARM", "0841")),
    ("bombs dropped from the air", "Sudanese army planes dropped bombs on Darfur villages.", ("SDN", "SDN", "195")),
    ("a cyber intrusion", "Iranian hackers infiltrated the computer networks of the Israeli water authority.", ("IRN", "ISR", "170")),
    ("money given", "Norway gave $5 million to Somalia.", ("NOR", "SOM", "071")),
    ("... or euros", "The German government gave €50 million to Greece.", ("DEU", "GRC", "071")),
    ("a bailout approved", "The European Union approved a 10 billion euro bailout for Cyprus.", ("IGO", "CYP", "071")),
    ("weapons systems supplied", "Israel supplied air defense systems to Azerbaijan.", ("ISR", "AZE", "072")),
    ("drones sold to an army", "The Turkish firm sold drones to the Ukrainian army.", ("TUR", "UKR", "072")),
    ("medical supplies sent", "Cuba sent ventilators to Venezuela.", ("CUB", "VEN", "073")),
    ("forces mentored", "British officers mentored Ukrainian troops near Kharkiv.", ("GBR", "UKR", "062")),
    ("fishermen rescued", "The Sri Lankan navy rescued 12 Indian fishermen.", ("LKA", "IND", "073")),
    ("an organisation left", "Venezuela will quit the Organization of American States.", ("VEN", None, "16")),
    ("an agreement left", "Russia pulled out of the Open Skies treaty.", ("RUS", None, "16")),
    ("an international court left", "The Philippines pulled out of the International Criminal Court.", ("PHL", "IGO", "160")),
]


def coded_codes(coded) -> set[tuple[str | None, str | None, str]]:
    return {(side(e.source), side(e.target), e.cameo) for e in coded.events}


@pytest.mark.parametrize("family, text, expected", CODED, ids=[c[0] for c in CODED])
def test_family_codes_the_event(code, family, text, expected):
    src, tgt, prefix = expected
    found = coded_codes(code(text))
    assert any((s or "").startswith(src) and (tgt is None or (t or "").startswith(tgt)) and c.startswith(prefix) for s, t, c in found), found


def test_leaving_an_agreement_is_no_military_retreat(code):
    codes = {e.cameo for e in code("Iran pulled out of the nuclear agreement with the European powers.").events}
    assert codes and not any(c.startswith("087") for c in codes)


@pytest.mark.parametrize("text", [
    "The Chinese embassy released a statement on Tuesday.",
    "Brazil gave its support to the Argentine proposal.",
    "The Kenyan president left the summit in Addis Ababa early.",
    "Mexico put its faith in the new trade agreement.",
], ids=["releasing a statement", "giving support", "leaving a meeting", "putting faith"])
def test_look_alikes_code_none_of_the_new_acts(code, text):
    assert not any(e.cameo[:3] in ("084", "071", "072", "160", "163", "172", "115") for e in code(text).events)


#: (family, sentence, CAMEO code prefixes none of its events may have): people, goods and advice that look like the
#: new acts (the reviewer's sentences and more of the same kind)
NOT_CODED = [
    ("refugees leaving the EU", "The Syrian refugees left the EU.", ("16",)),
    ("workers leaving the EU", "Polish workers left the EU for Britain.", ("16",)),
    ("nurses leaving the EU", "Nigerian nurses left the EU for Canada.", ("16",)),
    ("tourists leaving the EU", "The Italian tourists left the EU in August.", ("16",)),
    ("lawyers leaving a court", "The American lawyers pulled out of the court.", ("16",)),
    ("a scheduled exit, no threat", "The British prime minister said Britain would leave the European Union on January 31.", ("13",)),
    ("troops advised to stay indoors", "The US embassy advised American troops to stay indoors.", ("062",)),
    ("an army advised to avoid a border", "The Chinese ambassador advised the Pakistani military to avoid the border.", ("062",)),
    ("an army advised on hygiene", "The Russian doctors advised the Syrian army on hygiene.", ("062",)),
    ("soldiers advised to rest", "The French doctor advised the Malian soldiers to rest.", ("062",)),
    ("pounds of maize", "The Kenyan government gave pounds of maize to Somali refugees.", ("071",)),
    ("pounds of food", "The US gave 2 million pounds of food aid to Ethiopia.", ("071",)),
    ("euros with no amount", "The Kenyan government gave euros to Somalia.", ("071",)),
    ("yen with no amount", "The Japanese government gave yen to the Philippines.", ("071",)),
    ("drones for farmers", "The Chinese company shipped drones to farmers in Kenya.", ("072",)),
    ("drones for photographers", "The American company sold drones to photographers in Brazil.", ("072",)),
    ("rifles for hunters", "The Italian company sold rifles to hunters in Kenya.", ("072",)),
    ("a quota on one's own exports", "The Indian government imposed a quota on sugar exports.", ("163",)),
    ("a levy on plastic bags", "The British government imposed a levy on plastic bags.", ("163",)),
    ("a curb on imports of a good", "The Kenyan government curbed imports of sugar.", ("163",)),
    ("a restriction on imports of a good", "The Indonesian government restricted imports of rice.", ("163",)),
]


@pytest.mark.parametrize("family, text, prefixes", NOT_CODED, ids=[c[0] for c in NOT_CODED])
def test_look_alikes_of_the_narrowed_entries_code_none(code, family, text, prefixes):
    codes = {e.cameo for e in code(text).events}
    assert not any(c.startswith(prefixes) for c in codes), codes
