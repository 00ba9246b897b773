"""The knowledge base on groups that are no state: ethnic groups, CAMEO regions, and people named by
a surname alone far from any post of theirs."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.knowledge.actors import DATA, RECENT_DAYS, KnowledgeBase, read_tsv

D = dt.date


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def code(kb: KnowledgeBase, text: str, on: dt.date | None = None, context: str | None = None) -> str | None:
    return kb.resolve(text, on=on, context=context).code


@pytest.mark.parametrize("text, context, expected", [
    ("Kurdish fighters", "IRQ", "IRQREB"),
    ("Kurdish militiamen", "SYR", "SYRUAF"),
    ("Kurdish troops", "TUR", "TURREB"),  # a group's armed men are no state military
    ("Kurdish-led force", "SYR", "SYRREB"),
    ("Kurdish lawmakers", "TUR", "TURLEG"),
    ("Kurds", "IRN", "IRNCVL"),
    ("Tamil civilians", "LKA", "LKACVL"),
    ("Tuareg rebels", "MLI", "MLIREB"),
    ("Hazaras", "AFG", "AFGCVL"),
])
def test_an_ethnic_group_takes_the_story_country(kb: KnowledgeBase, text: str, context: str, expected: str) -> None:
    assert code(kb, text, D(2019, 5, 1), context) == expected


@pytest.mark.parametrize("text, expected", [
    ("Syrian Kurds", "SYRCVL"),
    ("Turkey's Kurds", "TURCVL"),
    ("Iranian Kurdish rebels", "IRNREB"),
    ("Afghan Hazara refugees", "AFGREF"),
])
def test_a_country_that_qualifies_the_group_beats_the_story(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert code(kb, text, D(2019, 5, 1), context="IRQ") == expected


def test_without_a_place_a_group_has_its_cameo_group_code_or_none(kb: KnowledgeBase) -> None:
    assert code(kb, "Kurdish guerrillas", D(2019, 5, 1)) == "KURREB"
    assert code(kb, "Tamils", D(2019, 5, 1)) == "TAMCVL"
    assert code(kb, "Pashtun tribesmen", D(2019, 5, 1)) is None or code(kb, "Pashtuns", D(2019, 5, 1)) == "---CVL"


@pytest.mark.parametrize("text, context, expected", [
    ("ethnic Serbs", "XKX", "XKXCVL"),  # Serbs living in Kosovo, not the state of Serbia
    ("ethnic Russians", "EST", "ESTCVL"),
    ("ethnic Uzbek militias", "KGZ", "KGZUAF"),
    ("ethnic Hungarians", None, "HUNCVL"),  # no place: the nationality stands for the group
])
def test_ethnic_before_a_nationality_makes_a_group(kb: KnowledgeBase, text: str, context: str | None,
                                                  expected: str) -> None:
    assert code(kb, text, D(2019, 5, 1), context) == expected


def test_named_groups_still_win_over_their_ethnic_adjective(kb: KnowledgeBase) -> None:
    assert code(kb, "Kurdistan Workers' Party", D(2019, 5, 1), "SYR") == "TURREB"
    assert code(kb, "Kurdish Peshmerga", D(2019, 5, 1), "SYR") == "IRQMIL"


@pytest.mark.parametrize("text, expected", [
    ("Gulf Arab states", "PGS"),
    ("Arab states", "ARBGOV"),
    ("Balkan governments", "BLKGOV"),
    ("Southeast Asian nations", "SEAGOV"),
    ("North African countries", "NAFGOV"),
    ("Scandinavian ministers", "SCNGOV"),
    ("Central African Republic", "CAF"),  # a state, not the region
])
def test_cameo_regions(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert code(kb, text, D(2016, 1, 1)) == expected


def test_region_rows_use_codes_of_the_cameo_region_table() -> None:
    table = set("AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST".split())
    regions = {row["id"] for _, row in read_tsv(DATA / "countries.tsv", ("id", "names", "adjectives", "note"))
               if "region code" in row["note"] or "table 3.3" in row["note"]}
    assert regions and regions <= table


def test_a_surname_far_from_every_post_names_nobody_unless_the_article_names_the_person(kb: KnowledgeBase) -> None:
    day = D(2015, 6, 1)  # Gordon Brown left office in 2010: "Brown" in 2015 is someone else
    assert code(kb, "Brown", day) is None
    brown = kb.resolve("Gordon Brown", on=day)
    assert brown.code == "GBRELI"
    assert kb.resolve("Brown", on=day, named=frozenset({brown.kb_id})).code == "GBRELI"
    assert code(kb, "former Prime Minister Brown", day) == "GBRELI"  # the title names him


def test_a_surname_near_a_post_still_names_its_holder(kb: KnowledgeBase) -> None:
    left = D(2010, 5, 11)
    assert code(kb, "Brown", left + dt.timedelta(days=RECENT_DAYS - 30)) == "GBRELI"
    assert code(kb, "Brown", D(2009, 1, 1)) == "GBRGOV"
    assert code(kb, "Brown") is not None  # undated text: no distance to judge by


@pytest.mark.parametrize("text, day, expected", [
    ("Kerry", D(2009, 6, 1), "USALEG"),  # senator before he was Secretary of State
    ("Kerry", D(2013, 2, 1), "USAGOV"),  # the day he moved: the cabinet post wins
    ("Kerry", D(2016, 12, 1), "USAGOV"),
    ("Kerry", D(2018, 6, 1), "USAELI"),
    ("Kerry", D(2022, 6, 1), "USAGOV"),  # climate envoy
    ("Trump", D(2016, 3, 1), "USAOPP"),  # candidate of the party out of office
    ("Trump", D(2016, 12, 15), "USAGOV"),  # president-elect
    ("Biden", D(2020, 9, 1), "USAOPP"),
    ("Paul Ryan", D(2013, 1, 1), "USALEG"),
])
def test_people_are_coded_as_of_the_date(kb: KnowledgeBase, text: str, day: dt.date, expected: str) -> None:
    assert code(kb, text, day) == expected


def test_a_changed_ethnic_file_rebuilds_the_cached_index(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    directory = tmp_path / "data"
    shutil.copytree(DATA, directory, ignore=shutil.ignore_patterns("*.json.gz"))
    assert KnowledgeBase.load(directory).resolve("Zorblati rebels").code == "---REB"
    with (directory / "ethnic.tsv").open("a", encoding="utf-8") as ethnic:
        ethnic.write("zorblats\tZRB\tZorblats\tZorblati\ttest row\n")
    assert KnowledgeBase.load(directory).resolve("Zorblati rebels").code == "ZRBREB"


def test_a_surname_before_the_first_post_names_nobody_unless_the_article_names_the_person(kb: KnowledgeBase) -> None:
    day = D(2018, 6, 1)  # Zelensky was an actor then, no former official
    assert code(kb, "Zelensky", day) is None
    full = kb.resolve("Volodymyr Zelensky", on=day)
    assert full.code == "UKRELI"
    assert kb.resolve("Zelensky", on=day, named=frozenset({full.kb_id})).code == "UKRELI"
