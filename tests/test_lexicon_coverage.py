"""Entries added from the lexicon coverage audit (bench/lexicon_coverage.py): each codes sentences written
for this test, and the condition that keeps it precise (an object, a preposition, a particle) holds."""
import datetime as dt

import pytest
import test_lexicon

from casus.pipeline import code_article
from casus.records import Article

resources = test_lexicon.resources  # the shipped parser and knowledge, once per module


def _coded(resources, sentence):
    coded = code_article(Article(id="s", text=sentence, published=dt.date(2021, 3, 1)), resources)
    return {(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in coded.events}


@pytest.mark.parametrize("sentence, expected", [
    ("Greece demanded an explanation from Turkey after the incident.", ("101", "GRC", "TUR")),
    ("Brazil hit back at France over the fires.", ("111", "BRA", "FRA")),
    ("Paris raised concerns about Chinese investment with Berlin.", ("110", "FRAGOV", "CHN")),
    ("Venezuela's president dismissed the army chief.", ("172", "VENGOV", "VENMIL")),
    ("Kenya's foreign minister spoke with his Ugandan counterpart.", ("040", "KENGOV", "UGAGOV")),
    ("Australia pledged support for the Solomon Islands.", ("032", "AUS", "SLB")),
    ("Australia pledged $20 million to the Solomon Islands.", ("0331", "AUS", "SLB")),
    ("Thailand deployed riot police around the parliament.", ("153", "THA", "THACOP")),
    ("Peru filed charges against the former president.", ("173", "PER", "PERELI")),
    ("The rebels took two Italian engineers hostage.", ("181", "---REB", "ITACVL")),
    ("Tunisia closed its embassy in Tripoli.", ("161", "TUN", "LBYGOV")),
    ("Spain's navy rescued 400 migrants off Libya.", ("073", "ESPMIL", "---REF")),
    ("The African Union called for the release of two Nigerian journalists detained in Cameroon.", ("0253", "IGOAFRAFU", "NGAMED")),
    ("Pakistan closed its border with Afghanistan.", ("191", "PAK", "AFG")),
    ("Protesters threw stones at police in Ramallah.", ("145", "PSEOPP", "PSECOP")),
    ("Ghana contributed 800 troops to the U.N. peacekeeping mission in Mali.", ("074", "GHA", "IGOUNO")),
    ("A Turkish court found the journalist guilty of espionage.", ("116", "TURJUD", "TURMED")),
    ("Sudan turned down Egypt's offer of talks.", ("120", "SDN", "EGY")),
])
def test_new_entries_code_unseen_sentences(resources, sentence, expected):
    assert expected in _coded(resources, sentence)


@pytest.mark.parametrize("sentence, wrong_code", [
    ("Kenya's foreign minister spoke with reporters in Nairobi.", "040"),  # reporters are not a counterpart
    ("Venezuela's president dismissed the allegations.", "172"),  # dismissing a claim is rejecting it
    ("Australia pledged $20 million to the Solomon Islands.", "032"),  # money is aid, not policy support
    ("Australia pledged support for the Solomon Islands.", "0331"),
    ("Thailand deployed 5,000 troops to the border.", "153"),  # troops are armed forces, not police
    ("Greece demanded the withdrawal of Turkish warships.", "101"),  # a withdrawal is not information
    ("Trump threatened that the US will strike back at Iran.", "111"),  # striking back is force, not words
    ("The senators said the White House was holding the students hostage over the budget.", "181"),  # a figure
    ("Germany considers such strikes lawful, the minister said.", "014"),  # not a policy option weighed
    ("Residents of Kenya's capital called the police after the shooting.", "153"),  # a call, not a deployment
    ("Russia turned down the volume of its state broadcasts to Ukraine.", "120"),  # not a proposal turned down
])
def test_constraints_keep_new_entries_precise(resources, sentence, wrong_code):
    assert wrong_code not in {code for code, _, _ in _coded(resources, sentence)}


def test_demand_codes_follow_cameo_1_1b3_numbering(resources):
    assert ("106", "GRC", "TURMIL") in _coded(resources, "Greece demanded the withdrawal of Turkish troops.")
    assert "107" in {code for code, _, _ in _coded(resources, "Ukraine demanded a ceasefire from Russia.")}
