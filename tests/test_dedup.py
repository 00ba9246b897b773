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


def event(k: int, source: str | None, target: str | None, root: tuple[str, str], day: dt.date | None, place: str | None) -> Event:
    """Event ``E{k + 1}`` of an article of ``Word``s: ``source`` does ``root`` to ``target`` on ``day`` at ``place``."""
    span = (5 * k, 5 * k + 4)
    return Event(f"E{k + 1}", *root, {"type": None, "mode": None}, -2.0, 3,
                 Actor("Word", span, code=source) if source else None, Actor("Word", span, code=target) if target else None,
                 "asserted", span, 0, "Word", EventDate(day, day, "day" if day else "unknown", inferred=day is None),
                 location=Place(place, span, name=place) if place else None)  # fmt: skip


def generated(rng: random.Random, n: int, prefix: str) -> list[CodedArticle]:
    """``n`` articles of 0-4 events each, drawn from few dyads, roots, places and days (some undated)."""
    articles = []
    for a in range(n):
        published = None if rng.random() < 0.1 else dt.date(2020, 2, 1) + dt.timedelta(days=rng.randrange(40))
        text = "Word " * 40
        events = []
        for k in range(rng.randrange(5)):
            day = None if rng.random() < 0.3 else dt.date(2020, 2, 1) + dt.timedelta(days=rng.randrange(40))
            events.append(event(k, rng.choice(CODES), rng.choice(CODES), rng.choice(ROOTS), day, rng.choice(PLACES)))
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


def test_a_batch_of_reports_joining_one_corpus_event_each_keep_their_own_article_and_reason(tmp_path):
    """Later reports of a stored event, assigned in chunks of two, join its corpus event in date order;
    each member row keeps its own mention's article, re-coding time and reason."""
    attack, day = ROOTS[1], dt.date(2016, 9, 20)

    def report(article_id: str, days_later: int, place: str | None, source: str = "SYRMIL") -> CodedArticle:
        return CodedArticle(article=Article(article_id, "Word " * 40, source=article_id, published=day),
                            events=(event(0, source, "TURGOV", attack, day + dt.timedelta(days=days_later), place),))  # fmt: skip

    later = [report("d", 2, "Idlib"), report("b", 0, None), report("x", 1, "Aleppo"), report("y", 1, "Idlib", "USAGOV"),
             report("c", 1, "Idlib")]  # fmt: skip
    with Store(tmp_path / "s.duckdb") as store:
        store.write([report("a", 0, "Idlib")])
        assert dedup.refresh(store.con) == 1
        for one in later:  # one transaction each: every article its own coded_at
            store.write([one])
        assert dedup.refresh(store.con, chunk=2) == len(later)
        rows = store.con.execute("""
            SELECT m.article_id, m.corpus_event_id, m.why, m.coded_at = a.coded_at
            FROM corpus_event_members m JOIN articles a USING (article_id) ORDER BY m.article_id""").fetchall()  # fmt: skip
        merged = store.con.execute("SELECT corpus_event_id, num_articles, date_start, date_end, place "
                                   "FROM corpus_events WHERE num_articles > 1").fetchall()  # fmt: skip
    group = {article: cid for article, cid, _, _ in rows}
    why = {article: reason for article, _, reason, _ in rows}
    assert all(same_time for *_, same_time in rows) and len(rows) == 6
    assert group["a"] == group["b"] == group["c"] == group["d"] and len({group["a"], group["x"], group["y"]}) == 3
    assert merged == [(group["a"], 4, day, day + dt.timedelta(days=2), "Idlib")]
    assert [why[a].rsplit("reported by ", 1)[1] for a in "bcd"] == [f"{n} other article(s)" for n in (1, 2, 3)]
    assert "same place idlib" in why["c"] and "same place" not in why["b"]
    assert why["x"].startswith("first report") and "at aleppo" in why["x"] and why["y"].startswith("first report: no event USAGOV")
