"""Session-13 event-lexicon families, checked on sentences written for these tests (not from the gold
articles nor the sentences the entries were tuned on): government measures (lockdowns, states of emergency,
blacklists, duties, import bans), legal acts (legal proceedings against a state),
custody (releasing people and ships, prisoner exchanges, house arrest), violence (gunning down, dropping
bombs, cyber intrusions), aid (money, bailouts, weapons systems, medical supplies, advisers)
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
    ("legal action against a state", "Hungary launched legal action against the European Commission.", ("HUN", "IGO", "115")),
    ("... or legal proceedings", "Lithuania filed legal proceedings against Belarus on Monday.", ("LTU", "BLR", "115")),
    ("people of all kinds freed", "Turkey freed two German researchers on Monday.", ("TUR", "DEU", "084")),
    ("a ship released", "Nigeria released the Norwegian oil tanker.", ("NGA", "NOR", "0842")),
    ("prisoners exchanged between two sides", "Armenia and Azerbaijan exchanged prisoners on Thursday.", ("ARM", "AZE", "0841")),
    ("... each releasing the other's", "Armenia and Azerbaijan exchanged prisoners on Thursday.", ("AZE", "ARM", "0841")),
    ("bombs dropped from the air", "Sudanese army planes dropped bombs on Darfur villages.", ("SDN", "SDN", "195")),
    ("a cyber intrusion", "Iranian hackers infiltrated the computer networks of the Israeli water authority.", ("IRN", "ISR", "170")),
    ("money given", "Norway gave $5 million to Somalia.", ("NOR", "SOM", "071")),
    ("a bailout approved", "The European Union approved a 10 billion euro bailout for Cyprus.", ("IGO", "CYP", "071")),
    ("weapons systems supplied", "Israel supplied air defense systems to Azerbaijan.", ("ISR", "AZE", "072")),
    ("medical supplies sent", "Cuba sent ventilators to Venezuela.", ("CUB", "VEN", "073")),
    ("forces advised", "British officers advised Ukrainian troops near Kharkiv.", ("GBR", "UKR", "062")),
    ("fishermen rescued", "The Sri Lankan navy rescued 12 Indian fishermen.", ("LKA", "IND", "073")),
    ("an organisation left", "Venezuela will quit the Organization of American States.", ("VEN", None, "16")),
    ("an agreement left", "Russia pulled out of the Open Skies treaty.", ("RUS", None, "16")),
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
