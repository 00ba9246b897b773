"""Time expressions resolved against the publication date, and event dates."""
from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.extract.times import FIRST_WORDS, RULES, event_date, find_times, times_step
from casus.extract.wordscan import matches_at, offsets_of, word_starts
from casus.pipeline import Context, sentences_of
from casus.records import Article

ALLSIDES = SHARED / "data" / "allsides-news-subset" / "data" / "jsons"

THU = dt.date(2020, 2, 13)  # a Thursday
MON = dt.date(2021, 1, 4)  # a Monday, early January
SAT = dt.date(2021, 8, 14)  # a Saturday


def only(text: str, published: dt.date, expression: str):
    found = [t for t in find_times(text, published) if t.text == expression]
    assert len(found) == 1, find_times(text, published)
    return found[0]


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@pytest.mark.parametrize(
    "text, published, expression, start, end, precision",
    [
        # weekdays by tense, the article's own weekday is that day
        ("Russia on Wednesday accused Turkey of flouting agreements.", THU, "Wednesday", "2020-02-12", "2020-02-12", "day"),
        ("The ministers will meet on Monday.", THU, "Monday", "2020-02-17", "2020-02-17", "day"),
        ("Police said on Thursday that three men had been detained.", THU, "Thursday", "2020-02-13", "2020-02-13", "day"),
        ("A third round of talks could take place on Sunday.", THU, "Sunday", "2020-02-16", "2020-02-16", "day"),
        ("Elections will be held on Saturday.", THU, "Saturday", "2020-02-15", "2020-02-15", "day"),
        ("The Taliban captured Kandahar on Thursday night.", SAT, "Thursday night", "2021-08-12", "2021-08-12", "day"),
        ("The court adjourned until next Tuesday.", SAT, "next Tuesday", "2021-08-17", "2021-08-17", "day"),
        ("The law was passed last Saturday.", SAT, "last Saturday", "2021-08-07", "2021-08-07", "day"),
        # explicit dates, with and without a year, and year rollover
        ("The talks collapsed on Dec. 30.", dt.date(2020, 1, 3), "Dec. 30", "2019-12-30", "2019-12-30", "day"),
        ("Elections will be held on Jan. 20.", dt.date(2019, 12, 28), "Jan. 20", "2020-01-20", "2020-01-20", "day"),
        ("The attack happened on March 3.", THU, "March 3", "2019-03-03", "2019-03-03", "day"),
        # a day after a limit is a deadline (the nearest one), as is a day of the coming week after a past verb
        ("The bank extended its offer to Nov. 20.", dt.date(2019, 11, 12), "Nov. 20", "2019-11-20", "2019-11-20", "day"),
        ("Officials gave the families until 9 a.m. Tuesday to leave.", MON, "Tuesday", "2021-01-05", "2021-01-05", "day"),
        ("The father could arrive as early as Friday.", MON, "Friday", "2021-01-08", "2021-01-08", "day"),
        ("The shares were bought from Sept. 14 to Thursday.", MON, "from Sept. 14 to Thursday", "2020-09-14", "2020-12-31", "range"),
        ("The offer had been set to expire Jan. 8.", MON, "Jan. 8", "2021-01-08", "2021-01-08", "day"),
        ("The deal will take effect on March 3.", THU, "March 3", "2020-03-03", "2020-03-03", "day"),
        ("The treaty was signed on 3 March 2019.", THU, "3 March 2019", "2019-03-03", "2019-03-03", "day"),
        ("Kabul fell on Aug. 15, 2021.", THU, "Aug. 15, 2021", "2021-08-15", "2021-08-15", "day"),
        ("The bank will publish its forecast on 2021-09-01.", SAT, "2021-09-01", "2021-09-01", "2021-09-01", "day"),
        ("Ukraine's parliament voted on Tuesday, Jan. 7, 2020.", THU, "Tuesday, Jan. 7, 2020", "2020-01-07", "2020-01-07", "day"),
        # relative days, weeks, months, years
        ("Clashes erupted yesterday in the north.", THU, "yesterday", "2020-02-12", "2020-02-12", "day"),
        ("Explosions were heard last night.", MON, "last night", "2021-01-03", "2021-01-03", "day"),
        ("Two days ago, gunmen stormed a police station.", MON, "Two days ago", "2021-01-02", "2021-01-02", "day"),
        ("The envoy met rebel leaders last week.", THU, "last week", "2020-02-03", "2020-02-09", "week"),
        ("Talks will resume next week.", MON, "next week", "2021-01-11", "2021-01-17", "week"),
        ("The rebels were driven out last month.", MON, "last month", "2020-12-01", "2020-12-31", "month"),
        ("He was elected last year.", MON, "last year", "2020-01-01", "2020-12-31", "year"),
        ("The conflict began in March.", THU, "March", "2019-03-01", "2019-03-31", "month"),
        ("The law will take effect in March.", THU, "March", "2020-03-01", "2020-03-31", "month"),
        ("Talks collapsed in December.", MON, "December", "2020-12-01", "2020-12-31", "month"),
        ("Inflation peaked in October 2022.", MON, "October 2022", "2022-10-01", "2022-10-31", "month"),
        ("A deal was reached with Turkey in 2018.", THU, "2018", "2018-01-01", "2018-12-31", "year"),
        # ranges, parts of periods, decades
        ("13 soldiers were killed in the last 10 days.", THU, "the last 10 days", "2020-02-03", "2020-02-13", "range"),
        ("Over the past two weeks, ten provincial capitals fell.", SAT, "the past two weeks", "2021-07-31", "2021-08-14", "range"),
        ("Talks were held earlier this week.", THU, "earlier this week", "2020-02-10", "2020-02-13", "range"),
        ("Fighting resumed earlier this month.", SAT, "earlier this month", "2021-08-01", "2021-08-14", "range"),
        ("The army has advanced since January.", THU, "since January", "2020-01-01", "2020-02-13", "range"),
        ("He served as mayor from 2005 to 2010.", THU, "from 2005 to 2010", "2005-01-01", "2010-12-31", "range"),
        ("The company was founded in mid-2015.", THU, "mid-2015", "2015-05-01", "2015-08-31", "range"),
        ("The protests started in late December.", MON, "late December", "2020-12-21", "2020-12-31", "range"),
        ("The dispute dates back to the 1980s.", SAT, "the 1980s", "1980-01-01", "1989-12-31", "range"),
        ("Sales fell in the first quarter of 2021.", SAT, "the first quarter of 2021", "2021-01-01", "2021-03-31", "range"),
        ("Over the weekend, rebels shelled the city.", THU, "the weekend", "2020-02-08", "2020-02-09", "range"),
        ("It happened late last year.", THU, "late last year", "2019-09-01", "2019-12-31", "range"),
        ("The mission ends at the end of the month.", THU, "the end of the month", "2020-02-21", "2020-02-29", "range"),
        ("They will meet again in two weeks.", THU, "two weeks", "2020-02-27", "2020-02-27", "day"),
        ("Results are due in three days' time.", SAT, "three days' time", "2021-08-17", "2021-08-17", "day"),
        ("Snow closed the pass last winter.", THU, "last winter", "2018-12-01", "2019-02-28", "range"),
        ("Prices kept rising into November.", SAT, "November", "2020-11-01", "2020-11-30", "month"),
        # durations have no date
        ("the last insurgent bastion in a nine-year war", THU, "nine-year", None, None, "duration"),
        ("The siege lasted for three years.", THU, "three years", None, None, "duration"),
        ("The war ended in two weeks.", THU, "two weeks", None, None, "duration"),
    ],
)
def test_resolution(text, published, expression, start, end, precision):
    found = only(text, published, expression)
    assert (iso(found.start), iso(found.end), found.precision) == (start, end, precision)
    assert text[found.span[0]:found.span[1]] == found.text


def test_values_follow_timex3():
    values = {t.text: t.value for t in find_times(
        "In 2018 and last week, for two hours, in the last 10 days and in the 1990s.", THU)}
    assert values == {"2018": "2018", "last week": "2020-W06", "two hours": "PT2H", "the last 10 days": "P10D",
                      "the 1990s": "199"}


@pytest.mark.parametrize("text", [
    "The company employs 2000 people.",
    "He may come back.",
    "Prices rose 5%.",
    "About 1500 troops crossed the border.",
    "A reporter asked about Jeffrey Epstein.\n\nMay she answer?",
])
def test_non_dates_are_not_tagged(text):
    assert find_times(text, THU) == []


def test_no_publication_date_keeps_explicit_dates_only():
    found = {t.text: t for t in find_times("It was signed on 3 March 2019 and discussed on Monday.", None)}
    assert iso(found["3 March 2019"].start) == "2019-03-03"
    assert found["Monday"].start is None


def _context(text: str, published: dt.date) -> Context:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    ctx = Context(article=Article(id="t", text=text, published=published), doc=doc, sentences=sentences_of(doc))
    return times_step(ctx, None)


def test_event_date_takes_its_sentence_expression_else_publication():
    ctx = _context("Rebels shelled the town on Tuesday. The army said it would respond.", THU)
    shelled = next(t for t in ctx.doc if t.text == "shelled")
    said = next(t for t in ctx.doc if t.text == "said")
    assert event_date(ctx, shelled).start == dt.date(2020, 2, 11)
    assert not event_date(ctx, shelled).inferred
    fallback = event_date(ctx, said)
    assert (fallback.start, fallback.inferred, fallback.precision) == (THU, True, "day")


def test_event_date_skips_durations():
    ctx = _context("Fighting in the nine-year war flared.", THU)
    flared = next(t for t in ctx.doc if t.text == "flared")
    assert event_date(ctx, flared).inferred


#: Words around the generated expressions, some of them look-alikes ("Mayor", "ſince", "_9").
_AROUND = st.lists(st.sampled_from(["the", "in", "into", "Mayor", "Britain", "x", "'", "’", "1990s", "2019", "3",
                                    "İn", "ſince", "_9", " ", " ", "\n\n", "-", ", ", "."]), max_size=4).map("".join)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_rules_are_tried_wherever_a_match_can_begin(rule, data):
    """``matches_at`` finds what ``finditer`` finds, in a rule's generated matches among other words."""
    expression = data.draw(st.from_regex(rule.pattern, fullmatch=True, alphabet=st.characters(codec="ascii")))
    text = data.draw(_AROUND) + expression + data.draw(_AROUND)
    starts = word_starts(text, FIRST_WORDS)
    for each in RULES:
        expected = [(m.span(), m.groupdict()) for m in each.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in matches_at(each.pattern, text, offsets_of(starts, each.starts))] == expected, each.name


@pytest.mark.skipif(not ALLSIDES.is_dir(), reason="needs ../shared/data/allsides-news-subset")
def test_rules_find_in_news_what_finditer_finds():
    for path in sorted(ALLSIDES.glob("*.json"))[::12]:
        text = json.loads(path.read_text(encoding="utf-8")).get("content_original") or ""
        starts = word_starts(text, FIRST_WORDS)
        for rule in RULES:
            assert [m.span() for m in matches_at(rule.pattern, text, offsets_of(starts, rule.starts))] == [m.span() for m in rule.pattern.finditer(text)], (path.name, rule.name)
