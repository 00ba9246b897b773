"""Event-coder rules made from the dev split's misses and false positives, checked on sentences
written for these tests (not from the gold articles): verbs of feeling, acts referred back to by a
definite noun, lexicon conditions on objects, people speaking for an organisation.
"""
import datetime as dt

import pytest

from casus.nlp import MODELS
from casus.records import Article

pytestmark = pytest.mark.skipif(not (MODELS / "en_casus_fast" / "config.cfg").is_file(), reason="no shipped parser model")
PUBLISHED = dt.date(2023, 5, 4)


@pytest.fixture(scope="module")
def code():
    from casus.pipeline import Resources, code_article

    res = Resources.load()
    return lambda text: code_article(Article(id="t", text=text, published=PUBLISHED), res)


def side(actor) -> str | None:
    return None if actor is None else actor.country or (actor.code or "")[:3] or None


def dyads(coded) -> set[tuple[str | None, str | None, str]]:
    """(source side, target side, CAMEO root) of every event."""
    return {(side(e.source), side(e.target), e.cameo[:2]) for e in coded.events}


#: (rule, sentence(s), dyads that must be among the coded ones)
CODED = [
    ("the one who feels is the source", "Japan was deeply troubled by the Chinese decision.", {("JPN", "CHN", "11")}),
    ("... also with an adjective", "The Canadian government is concerned about the Indian crackdown.",
     {("CAN", "IND", "11")}),
    ("... and in the active voice", "The Turkish decision angered Greece.", {("GRC", "TUR", "11")}),
    ("a definite act noun refers to the latest act of its kind",
     "Saudi warplanes bombed a market in Yemen on Monday. The violence was condemned by the French government.",
     {("FRA", "SAU", "11")}),
    ("welcoming a move praises its author",
     "Brazil imposed sanctions on Venezuela on Tuesday. The move was hailed by Colombia.", {("COL", "BRA", "05")}),
    ("the two leaders are the two sides last named together",
     "Prime Minister Modi met President Macron in Paris on Friday. The two leaders signed a defence agreement.",
     {("IND", "FRA", "05"), ("FRA", "IND", "05")}),
    ("both countries act as two sources",
     "Kenya and Uganda held border talks on Monday. Both countries later criticized Somalia.",
     {("KEN", "SOM", "11"), ("UGA", "SOM", "11")}),
    ("a statement criticising belongs to whoever issued it",
     "Norway issued a statement criticizing the pressure from the Swedish government.", {("NOR", "SWE", "11")}),
    ("the author of an act praised, behind a misparsed adjective",
     "Chancellor Scholz praised the “ quick and very generous response of Japan to the crisis . ”",
     {("DEU", "JPN", "05")}),
    ("the author of the object beats a phrase inside it",
     "Chancellor Scholz praised the quick response of Japan to the Korean crisis.", {("DEU", "JPN", "05")}),
    ("an act with no author named belongs to the story's leading other side",
     "Thai troops cleared a protest camp in Bangkok. Thailand's army said the camp was illegal. "
     "The British government condemned the extension of the curfew.", {("GBR", "THA", "11")}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CODED], ids=[c[0] for c in CODED])
def test_coded(code, text, expected):
    assert expected <= dyads(code(text))


def test_a_feeling_without_a_cause_is_no_event(code):
    assert not [e for e in code("Egyptian officials are worried the new law could anger Ethiopia.").events
                if e.cameo.startswith("11") and side(e.source) == "EGY"]


def test_demonstrate_is_a_protest_only_without_an_object(code):
    assert ("---", "CHN", "14") not in dyads(code("The Chinese ruling demonstrates contempt for human rights."))
    assert any(e.cameo.startswith("14") for e in code("Students demonstrated against the Thai government.").events)


def test_withdrawing_from_a_festival_is_no_retreat(code):
    assert not [e for e in code("Several Indian actors withdrew from a film festival in Lahore.").events
                if e.cameo.startswith("08")]
    assert ("RUS", "GEO", "08") in dyads(code("Russia withdrew from Georgia in 2008."))
    assert ("USA", None, "08") in dyads(code("The United States withdrew from the nuclear treaty."))


def test_authorising_sanctions_imposes_them_on_an_organisation_members(code):
    coded = code("The British government authorized sanctions against officials at the World Health Organization.")
    assert [(e.cameo, e.target.code) for e in coded.events] == [("163", "IGOUNOHLH")]


def test_a_government_condemning_riots_condemns_its_own_rioters(code):
    coded = code("Protesters rioted in Lima on Sunday. Peru's president condemned the riots.")
    condemned = [e for e in coded.events if e.cameo.startswith("11")]
    assert condemned and all(e.target is not None and e.target.code.startswith("PER") for e in condemned)
    assert all(e.target.code != "PERGOV" for e in condemned)


def test_concern_voiced_about_nothing_named_has_no_target(code):
    coded = code("The Danish foreign minister voiced serious concern on Tuesday.")
    assert [(e.cameo, side(e.source), e.target) for e in coded.events] == [("110", "DNK", None)]
    assert not code("Danish officials said citizens should be allowed to voice concern.").events


def test_an_act_told_inside_a_quote_is_not_the_one_referred_back_to(code):
    coded = code("Chile imposed sanctions on Bolivia on Monday. "
                 "“ Argentine soldiers attacked our farms , ” a Bolivian official said. "
                 "The move was welcomed by Peru.")
    assert ("PER", "CHL", "05") in dyads(coded)


def test_a_second_leader_parsed_as_an_apposition_is_a_second_source_not_the_host(code):
    coded = code("President Emmanuel Macron and German Chancellor Olaf Scholz met briefly in Rome on Monday.")
    assert {("FRA", "DEU", "04"), ("DEU", "FRA", "04")} <= dyads(coded)
    assert not any(e.target is not None and side(e.target) == "ITA" for e in coded.events)



def test_the_court_and_its_president_stand_for_an_international_court_named_before(code):
    coded = code("Canada imposed sanctions on judges of the International Criminal Court on Friday. "
                 "The court responded by stating that its president rejects measures taken against the court.")
    rejections = [e for e in coded.events if e.cameo.startswith("12")]
    assert rejections and {(e.source.code, side(e.target)) for e in rejections} == {("IGOJUDICC", "CAN")}


def test_whoever_is_to_blame_for_inciting_others_is_the_one_accused(code):
    coded = code("The Greek minister said that Turkey was to blame for encouraging migrants to storm the border.")
    accusations = {(side(e.source), side(e.target)) for e in coded.events if e.cameo.startswith("11")}
    assert accusations == {("GRC", "TUR")}


def test_the_army_belongs_to_the_country_the_story_names_most(code):
    story = "Sudanese officials met in Khartoum on Monday. Sudan's government said the talks failed. "
    attacks = [e for e in code(story + "The army later attacked rebels near the border.").events if e.cameo.startswith("19")]
    assert [e.source.code for e in attacks] == ["SDNMIL"]
    tied = code("Chad and Sudan traded accusations on Monday. The army later attacked rebels near the border.")
    assert all(e.source.code == "---MIL" for e in tied.events if e.cameo.startswith("19"))


def test_the_first_to_contend_is_the_accuser(code):
    coded = code("Poland was the first to contend that it was Belarus that had carried out the drone strike.")
    assert ("POL", "BLR", "11") in dyads(coded)


def test_names_after_a_relative_clause_on_another_conjunct_are_not_its_objects(code):
    coded = code("In a sign of strain between Lima, which backs the Bolivian government, and Quito, which backs "
                 "Bolivian rebels, under growing pressure, the Peruvian Foreign Ministry and the Peruvian Defense "
                 "Ministry all accused Ecuador of bad faith.")
    assert not [e for e in coded.events if e.cameo.startswith("05") and e.target is not None
                and e.target.code.startswith("PER")]
