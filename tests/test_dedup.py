"""Cross-article dedup in bounded chunks: the same corpus events as in one pass, on generated stores."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from casus.analysis import dedup
from casus.records import Actor, Article, CodedArticle, Event, EventDate, Place
from casus.store import Store

CODES = ("RUSGOV", "TURGOV", "SYRMIL", "USAGOV", None)
ROOTS = (("112", "Accuse"), ("190", "Use conventional military force"), ("057", "Sign formal agreement"))
PLACES = ("Idlib", "Aleppo", None)


def generated(rng: random.Random, n: int, prefix: str) -> list[CodedArticle]:
    """``n`` articles of 0-4 events each, drawn from few dyads, roots, places and days (some undated)."""
    articles = []
    for a in range(n):
        published = None if rng.random() < 0.1 else dt.date(2020, 2, 1) + dt.timedelta(days=rng.randrange(40))
        text = "Word " * 40
        events = []
        for k in range(rng.randrange(5)):
            source, target = rng.choice(CODES), rng.choice(CODES)
            cameo, name = rng.choice(ROOTS)
            day = None if rng.random() < 0.3 else dt.date(2020, 2, 1) + dt.timedelta(days=rng.randrange(40))
            place = rng.choice(PLACES)
            span = (5 * k, 5 * k + 4)
            events.append(Event(
                f"E{k + 1}", cameo, name, {"type": None, "mode": None}, -2.0, 3,
                Actor("Word", span, code=source) if source else None, Actor("Word", span, code=target) if target else None,
                "asserted", span, 0, "Word", EventDate(day, day, "day" if day else "unknown", inferred=day is None),
                location=Place(place, span, name=place) if place else None))  # fmt: skip
        articles.append(CodedArticle(article=Article(f"{prefix}{a}", text, source=rng.choice("ABC"), published=published),
                                     events=tuple(events)))  # fmt: skip
    return articles


def snapshot(con) -> tuple[list, list]:
    members = con.execute("SELECT article_id, event_id, corpus_event_id, why FROM corpus_event_members ORDER BY ALL").fetchall()
    events = con.execute("SELECT * FROM corpus_events ORDER BY corpus_event_id").fetchall()
    return members, events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_chunked_refresh_builds_the_same_corpus_events_as_one_pass(tmp_path, seed):
    rng = random.Random(seed)
    first, second = generated(rng, 40, "a"), generated(rng, 30, "b")
    recoded = [dataclasses.replace(c, events=c.events[:1]) for c in first[::7]]  # re-coded: members go stale
    results = []
    for chunk in (3, 10**9):
        with Store(tmp_path / f"{chunk}.duckdb") as store:
            assigned = []
            for batch in (first, second, recoded):
                store.write(batch)
                assigned.append(dedup.refresh(store.con, chunk=chunk))
            results.append((assigned, snapshot(store.con)))
    (assigned, (members, events)), one_pass = results
    assert (assigned, (members, events)) == one_pass
    assert assigned[0] == sum(len(c.events) for c in first) and assigned[2] == sum(len(c.events) for c in recoded)
    assert len(events) < len(members)  # some reports were merged
    assert len({c for _, _, c, _ in members}) == len(events)
