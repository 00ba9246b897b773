"""Custody and legal acts told in an agentless passive ("Two activists were detained on Monday") are the
acts of the unnamed authorities of the country they happened in: its police arrest, its courts sentence,
charge and convict, its government expels and deports. Violence told that way, with no author to be found, is an
event with no source (``source`` None). Checked on sentences written for these tests.
"""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark  # noqa: F401 (the coder fixture; skipped with no parser model)

#: (story, CAMEO root the act must have, source code that must do it)
UNNAMED_AUTHORITIES = [
    ("Thousands marched through Caracas. Two student leaders were detained on Monday.", "17", "VENCOP"),
    ("Egypt has tightened its grip on the press. The editor was sentenced to five years in prison.", "17", "EGYJUD"),
    ("Belarus faces new sanctions over the crackdown. Dozens of protesters were arrested in Grodno.", "17", "BLRCOP"),
    ("The opposition leader toured northern Uganda. His spokesman was charged with treason last week.", "17", "UGAJUD"),
    ("Cambodia's election was marred by fraud claims. A French reporter was deported on Thursday.", "17", "KHMGOV"),
]


@pytest.mark.parametrize("text, root, source", UNNAMED_AUTHORITIES, ids=[s for _, _, s in UNNAMED_AUTHORITIES])
def test_an_agentless_custody_act_is_the_local_authorities(code, text, root, source):
    coded = code(text)
    found = [e for e in coded.events if e.cameo.startswith(root) and e.source.code == source]
    assert found, [(e.cameo, e.source.code) for e in coded.events]
    assert "names no agent" in found[0].source.why


#: (story, whether an event with no source comes of it)
VIOLENT = [
    ("Fighting raged across Sudan this week. Twelve villagers were abducted on Tuesday.", True),
    ("Fighting raged across Sudan this week. Twelve villagers were killed on Tuesday.", False),  # harm alone: no attack told
    ("Mali's junta postponed the vote. Two soldiers were wounded near Gao.", False),  # soldiers of no side named
    ("Pakistan's army moved into the valley. A market was bombed on Friday.", False),  # a market is no actor
]


@pytest.mark.parametrize("text, sourceless", VIOLENT)
def test_agentless_violence_done_to_a_known_side_is_an_event_with_no_source(code, text, sourceless):
    violent = [e for e in code(text).events if e.cameo[:2] in ("18", "19", "20")]
    assert all(e.source is None and "no 'by' agent" in " ".join(e.explanation.notes) for e in violent), violent
    assert bool(violent) == sourceless


def test_no_story_country_gives_no_authority(code):
    coded = code("Relations between Poland and Russia soured. Three diplomats were expelled.")
    assert not any(e.cameo.startswith(("16", "17")) for e in coded.events)


def test_an_arrest_in_a_named_place_is_that_country_not_the_story_country(code):
    coded = code("Russia's foreign ministry issued a warning. A Russian tourist was arrested in Tbilisi on Sunday.")
    assert any(e.cameo.startswith("17") and e.source.code == "GEOCOP" for e in coded.events)
