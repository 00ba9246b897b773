"""The article's register of actors: bare agents ("the militia", "the rebels", "his captors") coded as the actor
they name or refer back to, and people described by a nationality; on sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.extract.actors import find_actors
from casus.extract.coref import refers_back, resolve_reference
from casus.knowledge.actors import KnowledgeBase, guessed_country
from casus.pipeline import Context, Resources, sentences_of
from casus.records import Actor, Article

DAY = dt.date(2021, 5, 1)


@pytest.fixture(scope="module")
def res() -> Resources:
    from casus import nlp

    try:
        parser = nlp.load()
    except FileNotFoundError:
        pytest.skip("no shipped parser")
    return Resources(nlp=parser, kb=KnowledgeBase.load())


def coded(res: Resources, text: str) -> Context:
    doc = res.nlp(text)
    article = Article(id="t", text=text, published=DAY)
    return find_actors(Context(article=article, doc=doc, sentences=sentences_of(doc, text)), res)


def mentions(ctx: Context, text: str) -> list[Actor]:
    return [a for a in ctx.actors if a.text == text]


def test_a_definite_armed_agent_is_the_latest_armed_group_named(res: Resources) -> None:
    ctx = coded(res, "Hezbollah fired rockets at an army post on Sunday. The militants also shelled two villages.")
    group, = mentions(ctx, "Hezbollah")
    militants, = mentions(ctx, "militants")
    assert militants.code == group.code and "Hezbollah" in militants.why
    assert refers_back(militants) and not refers_back(group)


def test_a_bare_plural_without_an_article_does_not_refer_back(res: Resources) -> None:
    ctx = coded(res, "Hezbollah fired rockets in Lebanon on Sunday. Militants in Mali shelled two villages.")
    militants, = mentions(ctx, "Militants")
    assert not refers_back(militants)


def test_an_agent_known_by_a_name_is_that_actor_and_so_is_its_later_mention(res: Resources) -> None:
    text = ("A militia known as Kataib Hezbollah shelled an air base on Monday. "
            "Two days later the militia said it had not been involved.")
    ctx = coded(res, text)
    named, = mentions(ctx, "Kataib Hezbollah")
    first, later = mentions(ctx, "militia")
    assert first.code == later.code == named.code
    assert first.why.startswith("named") and refers_back(later)


def test_a_definite_agent_qualified_after_it_is_not_an_earlier_one(res: Resources) -> None:
    text = "Chinese authorities detained a journalist. The authorities in Macau released him a week later."
    ctx = coded(res, text)
    later = mentions(ctx, "authorities")
    assert later and not any(refers_back(a) for a in later)


def test_a_title_is_left_to_reference_resolution(res: Resources) -> None:
    text = "The Brazilian president met the Russian president in Moscow. The president then flew home."
    ctx = coded(res, text)
    assert {"BRA", "RUS"} <= {a.country for a in ctx.actors if a.text.endswith("president")}
    assert mentions(ctx, "president")  # the third is found, and left alone by the register
    assert not any(refers_back(a) for a in ctx.actors)


def test_hostage_takers_with_no_armed_group_before_keep_the_story_country_not_the_hostage_s(res: Resources) -> None:
    text = "Anna Berg, a Swedish nurse, was abducted in Niger in March. Her captors demanded a ransom."
    ctx = coded(res, text)
    captors, = mentions(ctx, "captors")
    assert captors.country == "NER" and not guessed_country(captors)


def test_a_person_described_by_a_nationality_alone_has_that_country_and_so_does_their_surname(res: Resources) -> None:
    text = "Pieter Vos, a Dutch engineer, was seized near Gao last year. Gunmen released Vos on Friday."
    ctx = coded(res, text)
    full, = mentions(ctx, "Pieter Vos")
    assert full.code == "NLD"
    assert [a.code for a in mentions(ctx, "Vos")] == ["NLD"]


def test_the_group_with_none_named_before_is_the_armed_group_the_article_names_most(res: Resources) -> None:
    text = ("The group's commander threatened to execute the hostages. Boko Haram has held them since June, "
            "and Boko Haram fighters were seen near the town.")
    ctx = coded(res, text)
    group = next(t for t in ctx.doc if t.lower_ == "group")
    found = resolve_reference(ctx, group)
    assert found is not None and found.text == "Boko Haram"


def test_the_group_is_no_armed_group_named_only_once(res: Resources) -> None:
    ctx = coded(res, "The group's commander threatened to execute the hostages. Boko Haram denied it.")
    group = next(t for t in ctx.doc if t.lower_ == "group")
    assert resolve_reference(ctx, group) is None


def test_those_who_did_an_agent_s_act_are_that_agent_in_the_story_country(res: Resources) -> None:
    ctx = coded(res, "Troops fired on those who demonstrated outside the parliament in Tbilisi on Friday.")
    those, = mentions(ctx, "those")
    assert those.code == "GEOOPP" and "demonstrated" in those.why


def test_a_who_clause_with_no_doer_noun_names_no_actor(res: Resources) -> None:
    ctx = coded(res, "Troops fired on those who slept outside the parliament in Tbilisi on Friday.")
    assert not mentions(ctx, "those")


def test_a_us_party_and_state_tag_makes_a_member_of_congress_and_so_does_their_surname(res: Resources) -> None:
    ctx = coded(res, 'Rep. Ann Kowal (D-Ore.) condemned the arrests. "They must be freed," Kowal said.')
    assert [a.code for a in ctx.actors if "Kowal" in a.text] == ["USALEG", "USALEG"]


def test_a_person_described_as_a_member_of_a_body_is_coded_as_that_body(res: Resources) -> None:
    ctx = coded(res, "Maria Lund, a member of the Swedish parliament, criticized the new law.")
    person, = mentions(ctx, "Maria Lund")
    assert person.code == "SWELEG"
