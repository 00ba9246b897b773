"""Conventions the peer gold sets (PETRARCH-2, PLOVER GSR) code by, on sentences written for these tests:
archive-era armed groups and country names in the knowledge base, appeals for asylum and
inspections in the lexicon, and the evaluators' reading of the GSR's own conventions."""
import datetime as dt

import pytest

from casus.evaluation.actors import GoldActor, code_sentences, country_fits, score
from casus.evaluation.actors import GoldSentence as GoldActors
from casus.evaluation.peers import GoldSentence, gsr_type, plover_type, score_plover
from casus.knowledge.actors import KnowledgeBase
from casus.pipeline import Resources, code_article
from casus.records import Actor, Article, CodedArticle, Event, EventDate


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("the Rwandan Patriotic Front", dt.date(1992, 5, 1), "RWAREB"),
    ("the RPF", dt.date(2001, 5, 1), "RWAGOV"),
    ("the SPLA", dt.date(1998, 3, 1), "SDNREB"),
    ("the SPLM", dt.date(2008, 3, 1), "SDNGOV"),
    ("the SPLM", dt.date(2014, 3, 1), "SSDGOV"),
    ("UNITA", dt.date(1995, 3, 1), "AGOREB"),
    ("UNITA", dt.date(2012, 3, 1), "AGOOPP"),
    ("the Sandinistas", dt.date(1986, 3, 1), "NICGOV"),
    ("the Sandinistas", dt.date(1996, 3, 1), "NICOPP"),
    ("the Khmer Rouge", dt.date(1977, 3, 1), "KHMGOV"),
    ("the Khmer Rouge", dt.date(1989, 3, 1), "KHMREB"),
    ("the FIS", dt.date(1991, 6, 1), "DZAOPP"),
    ("the FIS", dt.date(1994, 6, 1), "DZAREB"),
    ("the ANC", dt.date(1988, 6, 1), "ZAFOPP"),
    ("the ANC", dt.date(2004, 6, 1), "ZAFGOV"),
    ("RENAMO", dt.date(1985, 6, 1), "MOZREB"),
    ("the MILF", dt.date(2008, 6, 1), "PHLREB"),
    ("the Kosovo Liberation Army", dt.date(1998, 6, 1), "SRBREB"),
    ("Boris Yeltsin", dt.date(1996, 7, 3), "RUSGOV"),
    ("King Hussein", dt.date(1994, 10, 26), "JORGOV"),
    ("Shimon Peres", dt.date(1996, 1, 10), "ISRGOV"),
    ("Shimon Peres", dt.date(1998, 1, 10), "ISRELI"),
    ("Benazir Bhutto", dt.date(1995, 3, 1), "PAKGOV"),
    ("Mobutu", dt.date(1991, 9, 1), "CODGOV"),
    ("Charles Taylor", dt.date(1992, 9, 1), "LBRREB"),
    ("Charles Taylor", dt.date(2001, 9, 1), "LBRGOV"),
    ("Boutros Boutros-Ghali", dt.date(1994, 9, 1), "IGOUNO"),
    ("Nelson Mandela", dt.date(1997, 9, 1), "ZAFGOV"),
])
def test_archive_era_groups_and_leaders_take_the_role_they_had_on_the_day(kb, text, day, expected):
    assert kb.resolve(text, on=day).code == expected


def test_a_leaders_common_surname_alone_names_no_one(kb):
    assert kb.resolve("Taylor", on=dt.date(2001, 9, 1)).code is None
    assert kb.resolve("Major", on=dt.date(1994, 9, 1)).code is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Jewish settlers", "ISRCVL"), ("Israeli army bulldozers", "ISRMIL"), ("Uyghurs", "CHN"), ("Darfuri rebels", "SDNREB"),
    ("Basque separatists", "ESPREB"), ("Igbo leaders", "NGAGOV"), ("Moroccan armoured vehicles", "MARMIL"), ("Algerian fundamentalists", "DZAREB"),
    ("Zairean soldiers", "CODMIL"), ("Kampuchean guerrillas", "KHMREB"), ("Rhodesian troops", "ZWEMIL"),
    ("Ceylon", "LKA"), ("Upper Volta", "BFA"), ("Dahomey", "BEN"),
])
def test_former_names_and_single_state_demonyms_code_the_present_state(kb, text, expected):
    assert kb.resolve(text, on=dt.date(1970, 1, 1)).code == expected


def dyads(sentence: str, resources: Resources) -> set[tuple[str, str | None, str | None]]:
    coded = code_article(Article(id="s", text=sentence, published=dt.date(2019, 6, 18)), resources)
    return {(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in coded.events}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Thousands of Syrians have sought asylum in Turkey since March.", ("023", "SYR", "TUR")),
    ("Two Iranian diplomats asked for asylum in Norway.", ("023", "IRNGOV", "NOR")),
    ("IAEA inspectors examined a nuclear plant in Iran on Tuesday.", ("090", "IGOUNOIAE", "IRN")),
    ("The International Criminal Court opened an investigation into Russia on Wednesday.",
     ("090", "IGOJUDICC", "RUS")),
])
def test_appeals_for_asylum_and_inspections_are_coded_toward_the_host_or_inspected_state(resources, sentence, expected):
    assert expected in dyads(sentence, resources)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Uruguay pulled its peacekeepers out of Haiti last year.", ("1661", "URY", "HTI")),
    ("The OSCE withdrew its observers from Georgia on Friday.", ("1662", "IGOEURSCE", "GEO")),
    ("Ghana said it will withdraw its peacekeeping force from Liberia unless the fighting stops.",
     ("136", "GHA", "LBR")),
    ("China blocked a Security Council resolution on Myanmar.", ("129", "CHN", "IGOUNO")),
])
def test_withdrawing_peacekeepers_reduces_relations_and_blocking_a_decision_is_a_veto(resources, sentence, expected):
    assert expected in dyads(sentence, resources)


@pytest.mark.parametrize(("sentence", "root"), [
    ("Farmers blocked traffic into Nairobi on Tuesday.", "144"),
    ("Students blocked the railway near Dhaka on Monday.", "144"),
    ("Iranian hackers tried to hack into the computers of Saudi oil companies.", "170"),
    ("The interior minister ordered police patrols in Lahore.", "151"),
])
def test_obstruction_intrusion_and_patrols_get_their_own_codes(resources, sentence, root):
    codes = {code for code, _, _ in dyads(sentence, resources)}
    assert root in codes and "129" not in codes and "1823" not in codes


@pytest.mark.parametrize("sentence", [
    "Eritrea has agreed to reopen its border with Ethiopia.",
    "Turkey agreed to release two Greek soldiers.",
    "Japan pledged to provide food aid to North Korea.",
])
def test_an_act_agreed_or_pledged_to_is_promised_and_a_plover_agreement(resources, sentence):
    coded = code_article(Article(id="s", text=sentence, published=dt.date(2019, 6, 18)), resources)
    assert coded.events and all(plover_type(e) == "AGREE" for e in coded.events)
    assert all(e.status == "future" for e in coded.events if not e.cameo.startswith("03"))


def test_an_act_done_is_not_a_promise(resources):
    coded = code_article(Article(id="s", text="Eritrea reopened its border with Ethiopia.", published=dt.date(2019, 6, 18)),
                         resources)
    assert coded.events and all(e.status == "asserted" for e in coded.events)


def test_sworn_to_fight_is_a_threat(resources):
    assert any(code.startswith("13") for code, _, _ in dyads("Kurdish rebels have sworn to fight Turkey.", resources))


def test_hacking_someone_to_death_is_still_a_killing(resources):
    assert any(code == "1823" for code, _, _ in dyads("Militants hacked three farmers to death in Assam.", resources))


@pytest.mark.parametrize("sentence", [
    "Japanese officials examined a plan to expand the airport in Osaka.",
    "Kim Jong Un visited a munitions factory near Pyongyang on Friday.",
])
def test_examining_a_plan_or_touring_a_factory_is_no_investigation(resources, sentence):
    assert not any(code.startswith("09") for code, _, _ in dyads(sentence, resources))


def event(cameo: str, plover: str, status: str = "asserted", quad: int = 4) -> Event:
    return Event(id="E", cameo=cameo, cameo_name="", plover={"type": plover, "mode": None}, goldstein=0.0,
                 quad_class=quad, source=Actor("x", (0, 1), code="USA"), target=Actor("y", (2, 3), code="IRN"),
                 status=status, span=(0, 1), sentence=0, evidence="", date=EventDate(None, None, "day"))


def test_gsr_types_follow_plover_05b1_where_the_2021_table_moved_a_code():
    assert [gsr_type(event(c, t)) for c, t in (
        ("163", "COERCE"), ("181", "ASSAULT"), ("1712", "ASSAULT"), ("192", "COERCE"), ("0831", "CONCEDE"),
        ("0813", "RETREAT"), ("173", "COERCE"), ("190", "ASSAULT"))] == [
        "SANCTION", "COERCE", "COERCE", "ASSAULT", "RETREAT", "CONCEDE", "COERCE", "ASSAULT"]
    assert gsr_type(event("057", "SUPPORT", status="future", quad=1)) == "AGREE"


def test_plover_scoring_credits_sanctions_as_the_gsr_types_them():
    gold = GoldSentence("P", "x", None, "SANCTION", ("USA",))
    article = CodedArticle(article=Article(id="a", text="x"), events=(event("163", "COERCE"),))
    assert score_plover([(gold, article)])["type"] == {"p": 1.0, "r": 1.0, "f": 1.0}


def test_international_ngos_coded_igo_by_the_gold_match_cameo_ngo_codes():
    amnesty = Actor("Amnesty International", (0, 21), code="NGOHRIAMN")
    assert country_fits(amnesty, GoldActor((0, 21), "IGO", None))
    assert country_fits(Actor("UN", (0, 2), code="IGOUNO"), GoldActor((0, 2), "NGO", None))
    assert not country_fits(Actor("Kenya", (0, 5), code="KEN"), GoldActor((0, 5), "IGO", None))


def test_places_are_scored_as_actors_where_the_gold_lists_the_place_of_the_act(resources):
    text = "Riot police dispersed hundreds of students in Bangkok on Monday."
    start = text.index("Bangkok")
    sentence = GoldActors("s", text, dt.date(2010, 5, 1), (GoldActor((0, 11), "THA", "COP"),
                                                           GoldActor((start, start + 7), "THA", None)))
    [(_, actors, places)] = list(code_sentences([sentence], resources.nlp, resources.kb, resources.gazetteer))
    assert [(p.text, p.code) for p in places] == [("Bangkok", "THA")]
    assert not any(a.span == places[0].span for a in actors)
    found = score([(sentence, actors + places)])["country"]["r"]
    assert found > score([(sentence, actors)])["country"]["r"]
