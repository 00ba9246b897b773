"""Generic agents coded by the story's or the sentence's country, state organs by the places named
before them, guessed countries yielding to the one a phrase names, and well-known IGO officers and
armed groups. The sentences are written for these tests (no gold article text)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from casus.extract.actors import story_country
from casus.knowledge.actors import KnowledgeBase
from casus.pipeline import Resources, code_article
from casus.records import Article, CodedArticle


@pytest.fixture(scope="module")
def res() -> Resources:
    try:
        return Resources.load("fast")
    except FileNotFoundError:
        pytest.skip("no shipped parser")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def coded(res: Resources, text: str, day: dt.date = dt.date(2019, 3, 4)) -> CodedArticle:
    return code_article(Article(id="t", text=text, published=day), res)


def code_of(article: CodedArticle, text: str) -> str | None:
    return next(a.code for a in article.actors if a.text == text)


def dyads(article: CodedArticle) -> set[tuple[str, str | None]]:
    return {(e.source.code, e.target.code if e.target else None) for e in article.events}


# --- the story's country ---------------------------------------------------------------------------
def test_a_country_placed_twice_is_the_story_s_whatever_the_actors_name() -> None:
    assert story_country("KEN", Counter({"KEN": 2}), Counter({"KEN": 2, "USA": 9})) == "KEN"


def test_a_single_place_yields_to_the_country_the_article_names_most() -> None:
    assert story_country("USA", Counter({"USA": 1}), Counter({"USA": 1, "TUN": 7})) == "TUN"


def test_no_place_takes_the_leading_country_but_a_tie_takes_none() -> None:
    assert story_country(None, Counter(), Counter({"PER": 4, "BOL": 1})) == "PER"
    assert story_country(None, Counter(), Counter({"PER": 3, "BOL": 3})) is None


def test_local_agents_take_the_country_the_story_names_most(res: Resources) -> None:
    article = coded(res, "Tunisian police questioned a journalist at George Washington University. "
                         "Tunisia's president defended the new law. Tunisian judges backed him. "
                         "Later, demonstrators burned tyres outside the parliament.")
    assert code_of(article, "demonstrators") == "TUNOPP"


def test_armed_groups_are_not_coded_by_the_countries_an_article_names(res: Resources) -> None:
    article = coded(res, "Senator Mitch McConnell praised President Trump. American voters backed the "
                         "Republican plan, U.S. officials said. The senator spoke about how to confront "
                         "terrorists.")
    assert code_of(article, "terrorists") == "---REB"


def test_a_place_in_the_sentence_beats_the_story_country(res: Resources) -> None:
    article = coded(res, "President Trump met American farmers in Iowa. The White House praised U.S. "
                         "workers. Separately, police fired tear gas at protesters in Caracas.")
    assert code_of(article, "police") == "VENCOP"
    assert code_of(article, "protesters") == "VENOPP"


def test_a_country_named_as_a_party_does_not_place_the_sentence(res: Resources) -> None:
    article = coded(res, "Fighting raged near Mosul for a third day. Iraqi officials said the army "
                         "had retaken two villages. Turkey condemned civilians' deaths.")
    assert code_of(article, "civilians") == "IRQCVL"


# --- state organs and guessed countries in events -------------------------------------------------
def test_the_government_takes_the_country_of_the_places_named_before_it(res: Resources) -> None:
    article = coded(res, "Clashes broke out in Managua on Sunday. The government accused the "
                         "opposition of plotting a coup.")
    assert ("NICGOV", "NICOPP") in dyads(article)


def test_the_government_takes_no_country_named_only_after_it(res: Resources) -> None:
    article = coded(res, "The government expressed its gratitude for Japan's assistance.")
    assert not any(source.startswith("JPN") for source, _ in dyads(article))


def test_a_guessed_country_yields_to_the_one_the_phrase_names(res: Resources) -> None:
    article = coded(res, "President Trump praised American workers at the White House. He will meet "
                         "with exiled dissidents from Myanmar in Washington.", dt.date(2018, 5, 2))
    assert ("USAGOV", "MMROPP") in dyads(article)
    assert not any("USAOPP" in pair for pair in dyads(article))


# --- IGO officers and armed groups in the knowledge base -------------------------------------------
@pytest.mark.parametrize(("mention", "code"), [
    ("the U.N. secretary-general", "IGOUNO"),
    ("NATO's secretary general", "IGOWSTNAT"),
    ("European Union officials", "IGOEUREEC"),
    ("al-Shabab fighters", "SOMREB"),
    ("Houthi rebels", "YEMREB"),
    ("Hezbollah", "LBNREB"),
    ("Jaish al-Adl militants", "IRNREB"),
])
def test_well_known_organisations_and_armed_groups(kb: KnowledgeBase, mention: str, code: str) -> None:
    assert kb.resolve(mention, on=dt.date(2019, 3, 4)).code == code


def test_a_group_is_coded_as_of_the_date(kb: KnowledgeBase) -> None:
    assert kb.resolve("the Taliban", on=dt.date(2019, 3, 4)).code == "AFGREB"
    assert kb.resolve("the Taliban", on=dt.date(2022, 3, 4)).code == "AFGGOV"


def test_generic_agents_without_a_story_have_no_country(kb: KnowledgeBase) -> None:
    assert kb.resolve("the kidnappers").code == "---CRM"
    assert kb.resolve("gunmen").code == "---UAF"
    assert kb.resolve("the authorities").code == "---GOV"
    assert kb.resolve("kidnappers", context="NGA").code == "NGACRM"


def test_two_people_s_surnames_side_by_side_name_neither(kb: KnowledgeBase) -> None:
    assert kb.resolve("Lavrov", on=dt.date(2014, 11, 23)).code == "RUSGOV"
    assert kb.resolve("Yusuf Kerry Lavrov", on=dt.date(2014, 11, 23)).code is None


# --- descriptions and owners -----------------------------------------------------------------------
def test_the_group_refers_back_to_the_armed_group_named_before(res: Resources) -> None:
    article = coded(res, "Al-Shabaab fighters overran an army base in Somalia. The group later "
                         "threatened to attack Kenyan towns.", dt.date(2019, 1, 20))
    assert any(e.cameo.startswith("138") and e.source.code == "SOMREB" for e in article.events)


def test_a_group_s_leader_acts_for_the_group_not_for_its_state(res: Resources) -> None:
    article = coded(res, "Al-Shabaab fighters overran an army base in Somalia. In a video, the group's "
                         "leader threatened to attack Kenyan towns.", dt.date(2019, 1, 20))
    leaders = [e.source.code for e in article.events if e.source.text == "leader"]
    assert leaders and set(leaders) == {"SOMREB"}


def test_a_clause_after_of_does_not_give_its_country_to_the_accused(res: Resources) -> None:
    article = coded(res, "The International Criminal Court opened an inquiry in Afghanistan. Netanyahu "
                         "accused the court of persecuting Israeli soldiers.", dt.date(2020, 6, 11))
    assert ("ISRGOV", "IGOJUDICC") in dyads(article)


def test_officer_before_a_name_is_a_police_title_but_officers_alone_stay_military(res: Resources) -> None:
    article = coded(res, "Officer Jamal Whitfield arrested two protesters in Chicago, Illinois. "
                         "Army officers later toured the base.")
    named = next(a for a in article.actors if a.text.startswith("Officer"))
    assert named.role == "COP"
    assert next(a.role for a in article.actors if a.text.endswith("officers")) == "MIL"
    executive = coded(res, "Chief Operating Officer Dana Kowalczyk told reporters the plant would close.")
    assert all(a.role != "COP" for a in executive.actors)
