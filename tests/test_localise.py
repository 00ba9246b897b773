"""Bare state organs in events ("soldiers", "the army") take the sentence's or the story's country."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.pipeline import Resources, code_article
from casus.records import Article


@pytest.fixture(scope="module")
def res():
    return Resources.load()


def events(res, text: str):
    article = Article(id="localise", text=text, published=dt.date(2021, 5, 4))
    return code_article(article, res).events


def organ_event(res, text: str, role: str):
    found = [e for e in events(res, text) if e.source and e.source.role == role]
    assert found, f"no event with a {role} source in {text!r}"
    return found[0]


def test_organ_takes_the_country_its_sentence_is_set_in(res):
    event = organ_event(res, "Kenya's opposition called for new rallies after a disputed vote in Kenya. "
                             "On Tuesday soldiers fired tear gas at opposition supporters in Nairobi.", "MIL")
    assert event.source.code == "KENMIL" and event.source.country == "KEN"
    assert "sentence is set in" in event.source.why


def test_organ_in_a_sentence_without_countries_takes_the_leading_country(res):
    event = organ_event(res, "Venezuela's economy shrank again this year and Venezuela's opposition blamed "
                             "President Nicolas Maduro. On Monday the army arrested 20 protesters.", "MIL")
    assert event.source.code == "VENMIL"
    assert "leading country" in event.source.why


def test_organ_stays_bare_when_its_sentence_names_two_countries_and_its_event_is_left_out_with_the_reason(res):
    text = "Security forces in Iraq and Syria arrested dozens of militants on Sunday. Iraq and Syria have both seen attacks."
    coded = code_article(Article(id="localise", text=text, published=dt.date(2021, 5, 4)), res)
    assert not [e for e in coded.events if e.source and e.source.role == "MIL"]
    assert [r["reason"] for r in coded.rejected if r.get("sentence") == 0] == [
        "no actor (source 'Security forces' names no country)"]

