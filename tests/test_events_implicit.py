"""Participants the text leaves implicit, and common news constructions the lexicon reads:
relief, curfews and eased restrictions with no one named are aimed at the people where they happen; harm
told "in an X airstrike" is X's act; an act in a prepositional slot ("an inquiry into the bombing") is aimed
at its author; an agentless attack told right after one is by its author; "fire on", "seize control of",
"provide X with aid", "the kidnapping of X", ships sent "toward" a coast, taking part "in" an act, a hyphenated "cease-fire", "laid down
their weapons", "shot X to death". Checked on sentences written for these tests.
"""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark  # noqa: F401 (the coder fixture; skipped with no parser model)


def _dyads(coded, root):
    return [(e.source.code, e.target.code if e.target else None) for e in coded.events if e.cameo.startswith(root)]


#: (story, CAMEO code prefix, source, target): no recipient or subject population named
AFFECTED_PEOPLE = [
    ("Floods swept through Bangladesh this week. Indian helicopters airlifted food and medicine on Tuesday.",
     "073", "IND", "BGDCVL"),
    ("An earthquake struck Nepal on Saturday. Chinese rescue teams flew in tents and blankets on Monday.",
     "073", "CHN", "NPLCVL"),
    ("Ecuador's government lifted the curfew in Quito on Sunday.", "081", "ECUGOV", "ECUCVL"),
    ("Sri Lanka lifted its state of emergency on Friday.", "081", "LKA", "LKACVL"),
]


@pytest.mark.parametrize("text, code_prefix, source, target", AFFECTED_PEOPLE, ids=[t for *_, t in AFFECTED_PEOPLE])
def test_acts_with_no_one_named_go_to_the_people_where_they_happen(code, text, code_prefix, source, target):
    dyads = _dyads(code(text), code_prefix)
    assert any(s.startswith(source) and t == target for s, t in dyads), dyads


def test_a_restriction_names_whom_it_was_imposed_on(code):
    dyads = _dyads(code("Kuwait lifted a visa ban imposed on Iraqi citizens on Wednesday."), "081")
    assert ("KWT", "IRQCVL") in dyads or any(t and t.startswith("IRQ") for _, t in dyads), dyads


def test_plain_funding_with_no_recipient_gets_no_people(code):
    coded = code("Congress debated the budget on Monday. U.S. funding was approved on Tuesday.")
    assert not any(e.target and e.target.code.endswith("CVL") for e in coded.events), _dyads(coded, "0")


def test_harm_told_in_a_nominal_attack_is_its_authors(code):
    dyads = _dyads(code("Syrian medics said nine people were killed in a Russian airstrike in Idlib."), "19")
    assert any(s.startswith("RUS") for s, _ in dyads), dyads


def test_an_act_in_a_prepositional_slot_is_aimed_at_its_author(code):
    coded = code("Boko Haram fighters attacked a village in Borno state on Monday. "
                 "Nigerian police opened an investigation into the attack on Tuesday.")
    dyads = _dyads(coded, "09")
    assert any(t and t.endswith("REB") or t == "NGAREB" for _, t in dyads), dyads


#: (sentence, CAMEO code prefix, source prefix, target prefix)
CONSTRUCTIONS = [
    ("Indian troops fired on Pakistani soldiers along the Line of Control.", "190", "IND", "PAK"),
    ("Houthi rebels seized control of the Yemeni port of Hodeidah.", "192", "YEM", "YEM"),
    ("Germany provided Jordan with 30 million euros in humanitarian aid.", "07", "DEU", "JOR"),
    ("Islamic State militants carried out the kidnapping of two Kenyan aid workers.", "181", "", "KEN"),
    ("Britain sent two frigates toward the Iranian coast.", "154", "GBR", "IRN"),
    ("The Yemeni government and the Houthis agreed to a cease-fire on Tuesday.", "0871", "YEM", "YEM"),  # hyphenated
    ("Colombian rebels laid down their weapons in Bogota on Friday.", "0873", "COL", ""),
    ("Sudanese soldiers shot three protesters to death in Khartoum.", "1823", "SDN", "SDN"),
    ("Turkish troops participated in the offensive against Kurdish militants.", "19", "TUR", "KUR"),  # taking part
    ("Russian warships took part in joint exercises with the Chinese navy.", "06", "RUS", "CHN"),
]


@pytest.mark.parametrize("text, code_prefix, source, target", CONSTRUCTIONS, ids=[c[1] for c in CONSTRUCTIONS])
def test_common_news_constructions(code, text, code_prefix, source, target):
    dyads = _dyads(code(text), code_prefix)
    assert any(s.startswith(source) and (t or "").startswith(target) for s, t in dyads), dyads


def test_figurative_firing_is_no_attack(code):
    coded = code("The Indian economy fired on all cylinders last year.")
    assert not any(e.cameo.startswith("19") for e in coded.events)


#: (story, source prefix, target prefix): an agentless act of the kind just told is by its author
RECENT_AUTHOR = [
    ("Russian jets bombed rebel positions in Idlib province on Monday. Twelve Syrian civilians were killed in the raid.",
     "RUS", "SYR"),
    ("Turkish drones struck a convoy near Qamishli on Friday. Five Kurdish fighters were killed.", "TUR", "KUR"),
    (("Turkish drones struck a Kurdish convoy near Qamishli on Friday. The convoy was carrying fighters to the front. "
      "Five Kurdish fighters were killed."), "TUR", "KUR"),
]


@pytest.mark.parametrize("text, source, target", RECENT_AUTHOR, ids=[s for _, s, _ in RECENT_AUTHOR])
def test_an_agentless_attack_told_right_after_one_is_by_its_author(code, text, source, target):
    coded = code(text)
    later = [e for e in coded.events if e.cameo.startswith("19") and e.span[0] > text.index(". ")]
    assert any(e.source.code.startswith(source) and e.target and e.target.code.startswith(target) for e in later), \
        [(e.cameo, e.source.code, e.target and e.target.code) for e in coded.events]


def test_an_agentless_attack_on_the_authors_own_side_is_not_theirs(code):
    text = "Israeli troops raided the Jenin camp on Monday. Two Israeli soldiers were wounded in the raid."
    coded = code(text)
    # (an attack of no author named: its source is unknown, see test_sourceless_events.py)
    assert not any(e.span[0] > text.index(". ") and e.cameo.startswith("19") and e.source is not None for e in coded.events)


def test_taking_part_keeps_the_verbs_negation(code):
    coded = code("Greek troops would not take part in the exercises with Turkey.")
    greek = [e for e in coded.events if e.source.code.startswith("GRC")]
    assert greek and all(e.status == "negated" for e in greek), [(e.cameo, e.source.code, e.status) for e in coded.events]
