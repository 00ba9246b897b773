"""Generic agents coded by the story's or the sentence's country (its places outweigh its people's
nationalities; police and courts act where it happens), state organs by the places named before them, by
the state they are coordinated with or stationed in, guessed countries yielding to the one a phrase names,
and well-known IGO officers, armed groups and organisations of a country; whose side an unqualified agent is
on (victims, forces, party members, officers of a body, crowds named by number); people the knowledge base does not
know (private persons, or the holders of the title right before their names; a US lawmaker's party tag between commas),
"individuals" and "organizers". The sentences are written for these tests (no gold article text)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from casus.extract.actors import TITLED, story_country, title_holders
from casus.extract.coref import leading_country
from casus.knowledge.actors import KnowledgeBase
from casus.pipeline import Context, Resources, code_article, default_steps, sentences_of
from casus.records import Actor, Article, CodedArticle


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
    return actor_named(article, text).code


def actor_named(article: CodedArticle, text: str) -> Actor:
    return next(a for a in article.actors if a.text == text)


def actors_and_places(res: Resources, text: str, day: dt.date = dt.date(2019, 3, 4)) -> Context:
    """The article in flight after the actor, time and place steps: what coreference reads."""
    doc = res.nlp(text)
    ctx = Context(article=Article(id="t", text=text, published=day), doc=doc, sentences=sentences_of(doc, text))
    for step in default_steps()[:3]:
        ctx = step(ctx, res)
    return ctx


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


# --- where the story happens ------------------------------------------------------------------------
SPIES = ("Two Russian agents were charged in Manchester on Monday. The Russian men had entered with Russian "
         "passports, and a Russian diplomat defended them. Police said the Russian suspects had been followed "
         "for weeks. The court jailed the two men.")


def test_police_act_where_the_story_happens_not_where_its_people_come_from(res: Resources) -> None:
    assert actor_named(coded(res, SPIES), "Police").code == "GBRCOP"


def test_a_court_takes_the_story_s_country_without_the_nationalities(res: Resources) -> None:
    """What the coder asks coreference for "the court" (``domestic``), and what it asks for "the government"."""
    ctx = actors_and_places(res, SPIES)
    court = SPIES.index("The court")
    assert leading_country(ctx, court, domestic=True) == "GBR"
    assert leading_country(ctx, court) == "RUS"


def test_agents_given_the_story_s_country_as_a_guess_do_not_lead_it(res: Resources) -> None:
    text = ("Protesters, students, workers and residents gathered in Tijuana. U.S. envoys flew in from "
            "Washington. The government later defended the police.")
    ctx = actors_and_places(res, text)
    assert sum(a.country == "MEX" for a in ctx.actors) >= 3  # the guesses
    assert leading_country(ctx, text.index("The government")) == "USA"  # named twice; Tijuana once


def test_a_city_after_of_places_the_people_of_it(res: Resources) -> None:
    article = coded(res, "Residents of Kherson said Russian soldiers looted shops. Russian officers denied it.")
    assert actor_named(article, "Residents").code == "UKRCVL"


def test_armed_groups_take_the_story_s_country_not_its_one_place_abroad(res: Resources) -> None:
    article = coded(res, "In Washington, a State Department official criticized Egypt's president. Egyptian "
                         "judges, Egyptian lawyers and Egyptian diplomats joined the protest. Islamists won most "
                         "seats.")
    assert actor_named(article, "Islamists").code == "EGYREB"


# --- organs placed by their neighbours ----------------------------------------------------------------
def test_a_coordinated_organ_shares_the_state_of_the_one_before(res: Resources) -> None:
    article = coded(res, "Italy's navy and coast guard rescued 300 migrants on Sunday.")
    assert actor_named(article, "coast guard").code == "ITAMIL"


def test_a_group_coordinated_with_an_army_keeps_no_country(res: Resources) -> None:
    article = coded(res, "Russian troops and militants attacked the village.")
    assert actor_named(article, "militants").country is None


@pytest.mark.parametrize(("text", "words", "code"), [
    ("But officials in Washington declined to comment on the video.", "officials", "USAGOV"),
    ("A court in Lahore sentenced the cleric to prison.", "court", "PAKJUD"),
    ("Lawmakers in Kenya passed the bill on Tuesday.", "Lawmakers", "KENLEG"),
])
def test_a_civil_organ_is_of_the_place_it_is_stationed_in(res: Resources, text: str, words: str, code: str) -> None:
    assert actor_named(coded(res, text), words).code == code


def test_soldiers_in_a_country_are_not_its_own(res: Resources) -> None:
    article = coded(res, "Officials in Nairobi said soldiers in Somalia had killed five militants.")
    assert not (actor_named(article, "soldiers").code or "").startswith("SOM")


def test_a_country_after_an_agent_is_its_own_mention(res: Resources) -> None:
    article = coded(res, "A Hamas spokesman told reporters Israel had broken the truce.")
    assert actor_named(article, "Israel").code == "ISR"
    assert all(not a.text.startswith("reporters ") for a in article.actors)


@pytest.mark.parametrize(("text", "words", "code"), [
    ("A spokesman for the Gaza health ministry said 20 people died.", "spokesman for the Gaza health ministry",
     "PSEGOV"),
    ("The commander of U.S. forces in Afghanistan flew home.", "commander of U.S. forces", "USAMIL"),
    ("An official of the Syrian rebels said they had withdrawn.", "official of the Syrian rebels", "SYRREB"),
])
def test_an_agent_of_or_for_a_body_is_the_body_s(res: Resources, text: str, words: str, code: str) -> None:
    assert actor_named(coded(res, text), words).code == code


def test_a_person_described_as_the_head_of_a_body_is_of_its_country(res: Resources) -> None:
    article = coded(res, "Rashid Khalikov, head of the Russian delegation, met the rebels.")
    assert actor_named(article, "Rashid Khalikov").code == "RUSGOV"


def test_a_singular_agent_before_a_person_s_name_codes_the_person(res: Resources) -> None:
    article = coded(res, "The prominent cleric Nimr al-Nimr was executed by Saudi Arabia.")
    assert actor_named(article, "cleric Nimr al-Nimr").role == "REL"


# --- the knowledge base -------------------------------------------------------------------------------
@pytest.mark.parametrize(("words", "code"), [
    ("Iran's Supreme National Security Council", "IRNGOV"),  # a body every state has, qualified
    ("the National Security Council", "---GOV"),  # ... unqualified: never the UN Security Council
    ("the Islamic Republic", "IRN"),
    ("Iran's civilian officials", "IRNGOV"),  # not civilians
    ("the Chinese Embassy", "CHNGOV"),
    ("Senate Democrats", "USAPTY"),
    ("Federal prosecutors", "---JUD"),
    ("a woman", "---CVL"),
    ("a senior defense official", "---MIL"),
    ("Syrian rebels", "SYRREB"),
    ("the OPCW", "IGO"),
])
def test_organisations_of_a_country_and_generic_agents(kb: KnowledgeBase, words: str, code: str) -> None:
    assert kb.resolve(words, on=dt.date(2019, 3, 4)).code == code


# --- whose side an unqualified agent is on ---------------------------------------------------------
def test_victims_belong_to_the_place_struck_not_to_the_foreign_actors_around_them(res: Resources) -> None:
    article = coded(res, "Saudi-led jets bombed Taiz on Monday, and nine civilians died, medics said. "
                         "Iran condemned the raid and Iran said it would respond.")
    assert actor_named(article, "civilians").country == "YEM"


def test_a_plural_force_without_a_country_is_the_last_force_named_with_one(res: Resources) -> None:
    article = coded(res, "Indian troops crossed the line of control in Kashmir on Friday, Pakistani officials "
                         "said. Soldiers then exchanged fire with militants near the village.")
    assert actor_named(article, "Soldiers").code == "INDMIL"


def test_a_force_whose_owner_is_named_is_left_to_coreference(res: Resources) -> None:
    article = coded(res, "Indian troops crossed the line of control on Friday. Pakistan said its forces "
                         "had responded.")
    assert actor_named(article, "forces").country != "IND"


def test_a_ministry_is_no_force_of_the_last_army_named(res: Resources) -> None:
    article = coded(res, "Turkish troops shelled the town. The Defense Ministry in Moscow denied any role.")
    assert actor_named(article, "Defense Ministry").country != "TUR"


def test_party_members_take_their_party_s_country_and_their_own_role(res: Resources) -> None:
    article = coded(res, "Democratic senators criticized the trade plan on Tuesday.")
    assert actor_named(article, "Democratic senators").code == "USALEG"


def test_a_crowd_named_by_its_number_is_people_unless_of_names_who(res: Resources) -> None:
    article = coded(res, "Police fired tear gas in Nairobi on Monday. Dozens were wounded, and thousands of "
                         "soldiers were deployed to the city.")
    assert actor_named(article, "Dozens").code == "KENCVL"
    assert not any(a.text.lower().startswith("thousands") for a in article.actors)
    assert actor_named(article, "soldiers").role == "MIL"


def test_an_officer_of_a_body_is_the_body_s(res: Resources) -> None:
    article = coded(res, "Teachers struck in Santiago, Chile on Monday. Leaders of the Colegio union rejected "
                         "the offer, and officials of the Catholic Church called for calm.")
    assert actor_named(article, "Leaders").code == "CHLLAB"
    assert actor_named(article, "officials").code == "CHLREL"


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("Security forces killed 12 protesters in Lagos on Friday.", "Security forces", "NGAMIL"),  # at home
    ("Troops opened fire on protesters in Lagos on Friday.", "Troops", "---MIL"),  # soldiers may serve abroad
])
def test_security_forces_act_where_the_story_happens_but_soldiers_need_a_country(res: Resources, text: str,
                                                                                mention: str, expected: str) -> None:
    assert code_of(coded(res, text), mention) == expected


def test_an_empty_mention_names_no_local_agent() -> None:
    from casus.knowledge.actors import local_agent

    assert not local_agent("GOV", "") and not local_agent("MIL", "")
    assert local_agent("GOV", "the authorities") and local_agent("MIL", "Security Forces")


# --- people the knowledge base does not know: private persons, title holders; individuals and organizers ---------
def actors_by_text(res: Resources, text: str) -> dict[str, Actor]:
    return {a.text: a for a in coded(res, text).actors}


def test_an_unknown_person_stays_uncoded(res: Resources) -> None:
    found = actors_by_text(res, "French police arrested Tomas Helgersen on Tuesday in Lyon. Helgersen was released "
                                "on bail two days later.")
    assert found["Tomas Helgersen"].code is None  # a private person of no known country, not a guessed civilian
    assert found["French police"].code == "FRACOP"  # (the title of a known body still codes its holders)


def test_a_person_after_a_title_with_ranks_between_holds_the_title(res: Resources) -> None:
    found = actors_by_text(res, "Chilean navy spokesman Capt. Rodrigo Faundez said the ship had been boarded.")
    assert found["Rodrigo Faundez"].code == "CHLMIL"
    assert found["Rodrigo Faundez"].why.startswith(TITLED)


def test_a_title_takes_the_name_right_after_it_only() -> None:
    text = "Turkish police said on Friday Ayse Kaya had fled. Turkish police officer Ayse Kaya"
    police = Actor("Turkish police", (0, 14), "TURCOP", "TUR", "COP", why="nationality TUR + agent COP")
    kaya = Actor("Ayse Kaya", (30, 39), why="parser PERSON not in the knowledge base")
    officer = Actor("Turkish police officer", (50, 72), "TURCOP", "TUR", "COP", why="nationality TUR + agent COP")
    named = Actor("Ayse Kaya", (73, 82), why="parser PERSON not in the knowledge base")
    out = title_holders([police, kaya, officer, named], text)
    assert out[1] is kaya  # "said on Friday" is no rank
    assert (out[3].code, out[3].name) == ("TURCOP", "Ayse Kaya") and out[3].why.startswith(TITLED)


def test_individuals_and_organizers_are_civilians(res: Resources) -> None:
    found = actors_by_text(res, "Riot police in Ankara detained a couple of individuals. The organizers of the march "
                                "in Ankara condemned the arrests.")
    assert found["individuals"].code == "TURCVL"
    assert found["organizers"].code == "TURCVL"


def test_a_party_tag_between_commas_makes_a_lawmaker(res: Resources) -> None:
    found = actors_by_text(res, "Gen. Marla Quinby criticized the plan on Monday. Rep. Hal Ostrow, R-Ohio, disagreed.")
    assert found["Rep. Hal Ostrow"].code == "USALEG"
    assert all(a.code is None for text, a in found.items() if "Quinby" in text)  # (no tag: an unknown office)
    assert any("Quinby" in text for text in found)
