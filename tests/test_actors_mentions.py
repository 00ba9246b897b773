"""Actor mentions: titles before a person's name, ethnic groups, and surnames the article does or does
not name in full."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from casus.extract.actors import find_actors
from casus.knowledge.actors import KnowledgeBase
from casus.pipeline import Context, Resources
from casus.records import Actor, Article


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def parsed(kb: KnowledgeBase) -> Resources:
    from casus import nlp

    try:
        return Resources(nlp=nlp.load("fast"), kb=kb)
    except FileNotFoundError:
        pytest.skip("no shipped parser")


@pytest.fixture(scope="module")
def blank(kb: KnowledgeBase) -> Resources:
    return Resources(nlp=spacy.blank("en"), kb=kb)


def actors_of(res: Resources, text: str, published: dt.date) -> dict[str, Actor]:
    article = Article(id="t", text=text, published=published)
    return {a.text: a for a in find_actors(Context(article=article, doc=res.nlp(text), sentences=()), res).actors}


@pytest.mark.parametrize("text, mention, expected", [
    ("Egyptian Ambassador Ahmed Abu Zeid met the delegation in Cairo.", "Egyptian Ambassador Ahmed Abu Zeid", "EGYGOV"),
    ("On Monday Nigerian Governor Babatunde Olalekan visited Kano.", "Nigerian Governor Babatunde Olalekan", "NGAGOV"),
    ("Chilean Envoy Tomas Henriquez-Rojas addressed the assembly.", "Chilean Envoy Tomas Henriquez-Rojas", "CHLGOV"),
])
def test_a_capitalized_agent_word_before_a_person_is_a_title(parsed: Resources, text: str, mention: str,
                                                            expected: str) -> None:
    found = actors_of(parsed, text, dt.date(2021, 3, 1))
    assert found[mention].code == expected


def test_a_lowercase_agent_word_takes_no_name(parsed: Resources) -> None:
    found = actors_of(parsed, "The ambassador Tuesday met Egyptian officials in Cairo.", dt.date(2021, 3, 1))
    assert "ambassador" in found and found["Egyptian officials"].code == "EGYGOV"


@pytest.mark.parametrize("text, mention, expected", [
    ("In Kosovo, ethnic Serbs blocked roads near Mitrovica.", "ethnic Serbs", "XKXCVL"),
    ("Kurdish fighters in Syria pushed into the town of Manbij.", "Kurdish fighters", "SYRREB"),
])
def test_ethnic_groups_are_whole_mentions_coded_by_the_story_country(blank: Resources, text: str, mention: str,
                                                                   expected: str) -> None:
    assert actors_of(blank, text, dt.date(2019, 5, 1))[mention].code == expected


def test_a_far_surname_needs_the_full_name_in_the_article(blank: Resources) -> None:
    alone = actors_of(blank, "Brown said the plan would fail.", dt.date(2016, 3, 1))
    assert "Brown" not in alone
    named = actors_of(blank, "Gordon Brown spoke in Glasgow. Brown said the plan would fail.", dt.date(2016, 3, 1))
    assert named["Brown"].code == "GBRELI"


def test_a_place_after_in_the_sets_the_story_country(blank: Resources) -> None:
    text = ("Talks went on in Cairo. Militants in the Gaza Strip fired rockets overnight. "
            "In the Gaza Strip, militants regrouped near the border with Israel.")
    found = actors_of(blank, text, dt.date(2014, 8, 2))
    assert found["Militants"].code == "PSEREB"


@pytest.mark.parametrize("text, mention, expected", [
    ("The kidnappers in Mali released a French hostage.", "kidnappers", "MLICRM"),
    ("In Somalia, Kenyan commandos raided a camp.", "Kenyan commandos", "KENMIL"),
    ("Opponents of Venezuela's government marched in Caracas.", "Opponents of Venezuela's government", "VENOPP"),
])
def test_agent_words(blank: Resources, text: str, mention: str, expected: str) -> None:
    assert actors_of(blank, text, dt.date(2019, 5, 1))[mention].code == expected


def test_a_region_named_as_a_place_is_no_story_country(blank: Resources) -> None:
    text = "Tensions rose in the Middle East and in Europe. Protesters marched in northern Syria."
    assert actors_of(blank, text, dt.date(2019, 5, 1))["Protesters"].code == "SYROPP"


def test_a_place_the_knowledge_base_does_not_know_sets_the_story_country_by_the_gazetteer(kb: KnowledgeBase) -> None:
    from casus.knowledge.gazetteer import Gazetteer

    res = Resources(nlp=spacy.blank("en"), kb=kb, gazetteer=Gazetteer.load())
    assert actors_of(res, "Gunmen attacked a bus in Peshawar on Monday.", dt.date(2019, 5, 1))["Gunmen"].code == "PAKUAF"
    no_place = actors_of(res, "Gunmen attacked a bus on Monday.", dt.date(2019, 5, 1))
    assert no_place["Gunmen"].code == "---UAF"
