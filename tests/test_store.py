"""The DuckDB store: every record lands in its table, re-runs are idempotent, exports carry GDELT-like columns."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from casus.records import (
    Actor, Agreement, Article, Casualties, CodedArticle, Event, EventDate, Explanation, Link, Obligation, Place,
    Quote, Rejected, TimeExpr, Violation,
)  # fmt: skip
from casus.store import Store

TEXT = "Freedonia accused Sylvania on Monday of shelling Marsh Town, killing 4 people, in breach of the 2019 truce."


def coded(article_id: str = "a1", cameo: str = "112") -> CodedArticle:
    """A coded article built by hand, with one record of every kind."""
    fre = Actor("Freedonia", (0, 9), code="FRE", country="FRE", role="GOV", name="Freedonia")
    syl = Actor("Sylvania", (18, 26), code="SYL", country="SYL")
    town = Place("Marsh Town", (49, 59), name="Marsh Town", country="SYL", lat=10.5, lon=-20.25, feature="city")
    monday = EventDate(dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day", text="Monday", inferred=False, span=(30, 36))
    accuse = Event("E1", cameo, "Accuse", {"type": "ACCUSE", "mode": None}, -2.0, 3, fre, syl, "asserted", (10, 17), 0,
                   "Freedonia accused Sylvania", monday, mentions=((10, 17),), explanation=Explanation("verb", "accuse", ("accused",)))
    shell = Event("E2", "195", "Employ artillery", {"type": "ASSAULT", "mode": "artillery"}, -10.0, 4, syl, None, "alleged",
                  (40, 48), 0, "shelling Marsh Town", monday, attributed_to=fre, location=town,
                  casualties=Casualties("killing 4 people", (61, 77), killed=4))  # fmt: skip
    truce = Agreement("A1", "2019 truce", ("FRE", "SYL"), (95, 105), EventDate(dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year"),
                      obligations=(Obligation("SYL", "cease fire", "truce", (95, 105)),),
                      violations=(Violation("SYL", ("FRE",), "in breach of the 2019 truce", (79, 105), "E2"),))  # fmt: skip
    return CodedArticle(
        article=Article(article_id, TEXT, title="Truce breached", url=f"https://example.org/{article_id}",
                        source="Example Wire", published=dt.date(2024, 3, 5), language="en"),
        actors=(fre, syl), events=(accuse, shell), agreements=(truce,), places=(town,),
        quotes=(Quote("Q1", fre, "accused", "of shelling Marsh Town", (40, 59), "indirect", (10, 17)),),
        links=(Link("accuses", "E1", "E2", "accusation of the shelling"),),
        times=(TimeExpr("Monday", (30, 36), dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day", "2024-03-04"),),
        rejected=({"sentence": 1, "reason": "no event verb"},),
    )  # fmt: skip


COUNTS = {"articles": 1, "events": 2, "quotes": 1, "links": 1, "agreements": 1, "obligations": 1, "violations": 1,
          "places": 1, "times": 1, "actors": 2, "rejections": 1}  # fmt: skip


def counts(store: Store) -> dict[str, int]:
    return {table: store.query(f"SELECT count(*) FROM {table}")[1][0][0] for table in COUNTS}


def test_every_record_is_stored_once_however_often_it_is_written(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        assert store.write([coded(), coded()]) == 1
        store.write([coded()])
        assert counts(store) == COUNTS
    with Store(tmp_path / "c.duckdb") as reopened:
        reopened.write([coded()])
        assert counts(reopened) == COUNTS


def test_recoding_replaces_an_articles_rows(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.write([coded(), coded("a2")])
        recoded = coded(cameo="111")
        fewer = dataclasses.replace(recoded, events=recoded.events[:1])
        store.write([fewer])
        assert store.query("SELECT article_id, event_id, cameo FROM events ORDER BY ALL")[1] == [
            ("a1", "E1", "111"), ("a2", "E1", "112"), ("a2", "E2", "195")]


def test_flattened_event_columns(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.write([coded()])
        columns, rows = store.query("SELECT * FROM events WHERE event_id = ?", ["E2"])
    row = dict(zip(columns, rows[0]))
    assert row["root"] == "19" and row["plover_mode"] == "artillery" and row["status"] == "alleged"
    assert (row["source_code"], row["target_code"], row["attributed_to_code"]) == ("SYL", None, "FRE")
    assert (row["place_name"], row["place_lat"], row["killed"]) == ("Marsh Town", 10.5, 4)
    assert (row["date_start"], row["date_inferred"], row["span_start"]) == (dt.date(2024, 3, 4), False, 40)
    assert TEXT[row["span_start"] : row["span_end"]] == "shelling"


def test_quarantine_is_idempotent_per_input_and_error(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.quarantine([Rejected("a.txt", "the input is empty", "EmptyInput"), Rejected("b.bin", "binary", "BinaryInput")])
        store.quarantine([Rejected("a.txt", "the input is empty", "EmptyInput")])
        assert store.query("SELECT input, error FROM quarantine ORDER BY input")[1] == [("a.txt", "EmptyInput"), ("b.bin", "BinaryInput")]


def test_a_failed_batch_leaves_nothing_behind(tmp_path):
    broken = dataclasses.replace(coded("bad"), quotes=(dataclasses.replace(coded().quotes[0], content=None),))  # NOT NULL
    with Store(tmp_path / "c.duckdb") as store:
        with pytest.raises(duckdb.Error):
            store.write([coded("good"), broken])
        assert store.query("SELECT count(*) FROM articles")[1] == [(0,)]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_gdelt_like_rows(tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    with Store(tmp_path / "c.duckdb") as store:
        store.write([coded(), coded("a2")])
        assert store.export(out, fmt, article_ids=["a2"]) == 2
    if fmt == "csv":
        rows = list(csv.DictReader(out.open()))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    else:
        rows = pq.read_table(out).to_pylist()
    assert [str(r["GlobalEventID"]) for r in rows] == ["a2-E1", "a2-E2"]
    shelling = rows[1]
    assert str(shelling["Day"]) == "20240304" and shelling["Actor1Code"] == "SYL" and str(shelling["EventRootCode"]) == "19"
    assert str(shelling["ActionGeo_Lat"]) == "10.5" and shelling["SOURCEURL"] == "https://example.org/a2"
    assert shelling["Status"] == "alleged" and shelling["AttributedTo"] == "FRE"


def test_read_only_store_refuses_writes(tmp_path):
    Store(tmp_path / "c.duckdb").close()
    with Store(tmp_path / "c.duckdb", read_only=True) as store, pytest.raises(duckdb.Error):
        store.query("DELETE FROM articles")
