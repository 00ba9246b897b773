"""Casualty counts: killed, injured, displaced, arrested, number words and lower bounds."""
from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from conftest import SHARED

from casus.extract.casualties import (
    _AFTER_WORDS,
    _BEFORE_WORDS,
    _FIRST_WORDS,
    AFTER,
    BEFORE,
    casualties_step,
    event_casualties,
    find_casualties,
    parse_number,
)
from casus.extract.wordscan import matches_at, offsets_of, word_starts
from casus.pipeline import Context, sentences_of
from casus.records import Article

ALLSIDES = SHARED / "data" / "allsides-news-subset" / "data" / "jsons"


@pytest.mark.parametrize("words, value, vague", [
    ("13", 13, False), ("1,200", 1200, False), ("thirteen", 13, False), ("twenty-five", 25, False),
    ("1.5 million", 1_500_000, False), ("dozens", 24, True), ("thousands", 2000, True),
    ("tens of thousands", 20_000, True), ("a dozen", 12, False), ("many", None, False),
])
def test_parse_number(words, value, vague):
    assert parse_number(words) == (value, vague)


@pytest.mark.parametrize("text, kind, value, lower, who", [
    ("The army has seen 13 of its soldiers killed by shelling.", "killed", 13, False, "its soldiers"),
    ("Thirteen soldiers were killed near the border.", "killed", 13, False, "soldiers"),
    ("An airstrike killed at least 25 people in the market.", "killed", 25, True, "people"),
    ("The blast wounded eight policemen.", "injured", 8, False, "policemen"),
    ("The fighting forced thousands of civilians to flee.", "displaced", 2000, True, "civilians"),
    ("More than 1.5 million people have been displaced.", "displaced", 1_500_000, True, "people"),
    ("Police arrested 1,200 protesters on Sunday.", "arrested", 1200, False, "protesters"),
    ("Dozens of demonstrators were detained.", "arrested", 24, True, "demonstrators"),
    ("The bombing left 7 dead.", "killed", 7, False, None),
])
def test_find_casualties(text, kind, value, lower, who):
    (found,) = find_casualties(text)
    assert getattr(found, kind) == value
    assert (found.lower_bound, found.who) == (lower, who)
    assert text[found.span[0]:found.span[1]] == found.text


def test_two_counts_in_one_sentence():
    found = find_casualties("Thirteen soldiers were killed and 20 injured.")
    assert [(c.killed, c.injured) for c in found] == [(13, None), (None, 20)]


@pytest.mark.parametrize("text", [
    "The bombing killed the mayor and wounded his driver.",
    "She wrote that someone killed her dog.",
    "The gunman was accused of killing someone outside the bar.",
])
def test_no_casualties_without_a_number(text):
    assert find_casualties(text) == []


@pytest.mark.skipif(not ALLSIDES.is_dir(), reason="needs ../shared/data/allsides-news-subset")
def test_patterns_are_tried_wherever_a_match_can_begin():
    for path in sorted(ALLSIDES.glob("*.json"))[::12]:
        text = json.loads(path.read_text(encoding="utf-8")).get("content_original") or ""
        starts = word_starts(text, _FIRST_WORDS)
        for pattern, words in ((BEFORE, _BEFORE_WORDS), (AFTER, _AFTER_WORDS)):
            assert [m.span() for m in matches_at(pattern, text, offsets_of(starts, words))] == \
                [m.span() for m in pattern.finditer(text)], path.name


def test_event_casualties_on_the_trigger():
    text = ("Turkey sent more troops. The Turkish military has seen 13 of its soldiers killed by Syrian "
            "shelling in the last 10 days, and thousands of civilians to flee.")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    ctx = casualties_step(Context(article=Article(id="c", text=text, published=dt.date(2020, 2, 13)), doc=doc,
                                  sentences=sentences_of(doc)), None)
    killed = next(t for t in doc if t.text == "killed")
    assert event_casualties(ctx, killed).killed == 13
    assert event_casualties(ctx, doc[1]) is None
