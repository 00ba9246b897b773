"""Session 13 actors: US federal agencies the knowledge base knows by name and acronym (only in capitals), civil titles
ending in "general" that name no general, and a titled person who calls someone something is not named so. The
sentences are written for these tests (no gold article text)."""
# ruff: noqa: F811 (the tests take the imported fixture "res" as a parameter)
from __future__ import annotations

import datetime as dt

import pytest
from test_actors_generic import res  # noqa: F401 (the shipped parser's resources fixture)

from casus.knowledge.actors import KnowledgeBase
from casus.pipeline import Resources, code_article
from casus.records import Article, CodedArticle

DAY = dt.date(2020, 6, 1)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def coded(res: Resources, text: str) -> CodedArticle:
    return code_article(Article(id="t", text=text, published=DAY), res)


def code_of(kb: KnowledgeBase, text: str, context: str | None = None) -> str | None:
    return kb.resolve(text, DAY, context, (0, len(text))).code


@pytest.mark.parametrize("name, code", [
    ("the Department of Homeland Security", "USAGOV"),
    ("Homeland Security", "USAGOV"),
    ("Immigration and Customs Enforcement", "USACOP"),
    ("Customs and Border Protection", "USACOP"),
    ("Homeland Security's Federal Protective Service", "USACOP"),
    ("the Centers for Disease Control and Prevention", "USAGOV"),
    ("the Food and Drug Administration", "USAGOV"),
    ("the Internal Revenue Service", "USAGOV"),
    ("the Federal Reserve", "USAGOV"),
    ("the Government Accountability Office", "USALEG"),
    ("the N.S.A.", "USASPY"),
])
def test_us_federal_agencies_are_known(kb: KnowledgeBase, name: str, code: str) -> None:
    assert code_of(kb, name, "GBR") == code


@pytest.mark.parametrize("title, role", [
    ("inspector general", "GOV"), ("the surgeon general", "GOV"), ("consul general", "GOV"),
    ("state attorneys general", "JUD"), ("attorneys general", "JUD"), ("the solicitor general", "JUD"),
])
def test_civil_titles_ending_in_general_name_no_general(kb: KnowledgeBase, title: str, role: str) -> None:
    assert (code_of(kb, title) or "")[3:] == role


def test_agency_acronyms_match_only_in_capitals(res: Resources) -> None:
    article = coded(res, "ICE agents detained 40 people in Texas on Monday. The roads were covered in ice and the "
                         "irs of the day was felt.")
    codes = {a.text: a.code for a in article.actors}
    assert codes.get("ICE agents", codes.get("ICE")) == "USACOP"
    assert "ice" not in codes and "irs" not in codes


def test_the_cdc_reports_in_a_story(res: Resources) -> None:
    article = coded(res, "The CDC warned on Tuesday that the outbreak in Ohio was spreading.")
    assert any(a.text == "CDC" and a.code == "USAGOV" for a in article.actors)


def test_a_titled_person_who_calls_someone_something_is_not_so_named(res: Resources) -> None:
    article = coded(res, "Hamas leader Ismail Haniyeh spoke in Gaza. Judge Anna Berg called Haniyeh a liar on Monday "
                         "and fined him.")
    judge = next(a for a in article.actors if a.text.endswith("Anna Berg"))
    assert judge.role == "JUD" and "Haniyeh" not in (judge.why or "")


def test_a_group_called_by_its_name_still_goes_by_it(res: Resources) -> None:
    article = coded(res, "Fighters from a militia called Kataib Hezbollah attacked the base in Iraq on Friday.")
    militia = next(a for a in article.actors if a.text == "militia")
    assert "Kataib Hezbollah" in (militia.why or "")


@pytest.mark.parametrize("text, words, code", [
    ("Representative Mark Dobbs of Ohio criticised the Chinese government on Monday.", "Representative Mark Dobbs",
     "USALEG"),
    ("On Monday, Representative Ann Kessler of Iowa criticised the Chinese government.", "Representative Ann Kessler",
     "USALEG"),
    ("New York's attorney general criticised the British government, a London newspaper reported in Britain.",
     "attorney general", "USAJUD"),
    ("Oregon's governor criticised the Chinese government on Monday.", "governor", "USAGOV"),
    ("On Monday, Arizona lawmakers criticised the Mexican government.", "lawmakers", "USALEG"),
    ("The mayor of Minneapolis criticised the Chinese government on Monday.", "mayor", "USAGOV"),
])
def test_an_organ_of_a_state_or_city_is_of_its_country(res: Resources, text: str, words: str, code: str) -> None:
    article = coded(res, text)
    assert next(a for a in article.actors if a.text == words).code == code


def test_the_head_of_a_places_community_is_not_its_state(res: Resources) -> None:
    article = coded(res, "Police in Germany said a gunman attacked a synagogue in Dresden. The head of Dresden's Jewish "
                         "community criticised the police on Thursday.")
    assert next(a for a in article.actors if a.text == "head").country != "DEU"


def test_a_citys_police_are_of_its_country_not_the_storys(res: Resources) -> None:
    article = coded(res, "Chicago police arrested 20 protesters on Monday, the British embassy in London said. "
                         "Britain and British lawmakers condemned the arrests.")
    assert next(a for a in article.actors if a.text == "police").code == "USACOP"


@pytest.mark.parametrize("mention, code", [
    ("China CDC", "CHNGOV"),
    ("Ghana's Environmental Protection Agency", "GHAGOV"),
    ("Israel's Homeland Security Ministry", "ISRGOV"),
    ("The Philippine Labor Department", "PHLGOV"),
    ("Ghana's Justice Department", "GHAJUD"),
    ("Mexico's Labor Department", "MEXGOV"),
    ("the Nigerian FDA", "NGAGOV"),
    ("US EPA", "USAGOV"),
    ("the American CDC", "USAGOV"),
])
def test_another_countrys_agency_named_like_a_us_one_is_that_countrys(kb: KnowledgeBase, mention: str, code: str
                                                                     ) -> None:
    assert kb.resolve(mention, DAY).code == code


@pytest.mark.parametrize("text, words, code", [
    ("Taiwan's Centers for Disease Control criticised China on Monday.", "Taiwan's Centers for Disease Control",
     "TWNGOV"),
    ("South Africa's Labor Department accused Chinese firms of abusing workers on Monday.",
     "South Africa's Labor Department", "ZAFGOV"),
])
def test_a_foreign_agency_acts_for_its_country(res: Resources, text: str, words: str, code: str) -> None:
    article = coded(res, text)
    assert next(a for a in article.actors if a.text == words).code == code
    assert all(e.source is None or e.source.country != "USA" for e in article.events)


@pytest.mark.parametrize("mention", ["Ice", "the va", "VA", "ice"])
def test_agency_acronyms_that_are_words_need_capitals(kb: KnowledgeBase, mention: str) -> None:
    assert kb.resolve(mention, DAY).code is None


@pytest.mark.parametrize("text", [
    "An ICE train collided with a truck near Frankfurt on Monday, German police said.",
    "The ICE Futures exchange suspended trading in Brent crude on Monday.",
    "An ICE high-speed train derailed near Cologne on Monday.",
    "RICHMOND, VA (AP) — Police arrested 20 protesters on Monday.",
])
def test_a_word_acronym_before_a_thing_is_no_agency(res: Resources, text: str) -> None:
    article = coded(res, text)
    assert all(a.text not in ("ICE", "VA") or a.code is None for a in article.actors), article.actors


def test_ice_officers_are_still_the_agency(res: Resources) -> None:
    article = coded(res, "ICE officers detained 40 people in Texas on Monday.")
    assert any(a.code == "USACOP" and "ICE" in a.text for a in article.actors)


@pytest.mark.parametrize("text, words", [
    ("A judge of the Hague-based court criticised Israel on Monday.", "judge"),
    ("Officials of Hague-based bodies criticised Israel on Monday.", "Officials"),
    ("Officials in London-based charities criticised Iran on Monday.", "Officials"),
])
def test_a_place_in_a_hyphenated_modifier_is_not_the_place_served(res: Resources, text: str, words: str) -> None:
    article = coded(res, text)
    assert next(a for a in article.actors if a.text == words).code.startswith("---")


@pytest.mark.parametrize("text, code", [
    ("Officials in Kabul's presidential palace accused Pakistan of sheltering the Taliban on Monday.", "AFGGOV"),
    ("Officials in Gaza's Hamas-run health ministry accused Israel of killing 20 people on Monday.", "PSEGOV"),
    ("Officials in Baghdad's Green Zone accused Iran of arming militias on Monday.", "IRQGOV"),
])
def test_officials_in_a_places_body_are_of_the_place(res: Resources, text: str, code: str) -> None:
    article = coded(res, text)
    assert next(a for a in article.actors if a.text == "Officials").code == code


@pytest.mark.parametrize("text, words, code", [
    ("Representative Riyad Mansour told the Security Council that Israel had killed civilians.",
     "Representative Riyad Mansour", "---GOV"),
    ("Representative Maria Lopez told reporters on Monday that the vote was rigged.", "Representative Maria Lopez",
     "---GOV"),
    ("Representative Maria Lopez (D-Calif.) told reporters on Monday that the vote was rigged.",
     "Representative Maria Lopez", "USALEG"),
])
def test_representative_is_a_us_house_member_only_with_a_us_sign(res: Resources, text: str, words: str, code: str
                                                                 ) -> None:
    article = coded(res, text)
    assert next(a for a in article.actors if a.text == words).code == code


@pytest.mark.parametrize("text, code", [
    ("Kenya's Inspector General of Police Hillary Mutyambai ordered the arrest of protesters in Nairobi.", "KENCOP"),
    ("Nigeria's Inspector-General of Police ordered the arrest of protesters in Lagos on Monday.", "NGACOP"),
])
def test_the_inspector_general_of_police_heads_the_police(res: Resources, text: str, code: str) -> None:
    article = coded(res, text)
    assert article.events and article.events[0].source.code == code
