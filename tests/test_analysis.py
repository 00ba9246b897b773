"""Analysis over a hand-built store: series, dyads, network, claim threads, agreements, dedup, plots."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import typer
from typer.testing import CliRunner

from analysis_corpus import build_store, ceasefire, corpus, idlib_report
from casus.analysis import dedup, queries
from casus.commands import register
from casus.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "corpus.duckdb"
    build_store(path)
    return path


@pytest.fixture
def casus():
    """Run the casus CLI; returns the click Result."""
    app = typer.Typer()
    register(app)
    return lambda *args: CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def con(db):
    import duckdb

    with duckdb.connect(str(db), read_only=True) as connection:
        yield connection


def test_dyad_series_counts_events_per_period_and_quad(con):
    daily = queries.event_series(con, "day", source="RUS", target="TUR")
    assert daily.period.dt.strftime("%Y-%m-%d").tolist() == ["2020-02-11", "2020-02-12", "2020-02-27", "2020-03-05"]
    assert daily.quad_class.tolist() == [3, 3, 3, 1]
    monthly = queries.event_series(con, "month", source="RUS", target="TUR")
    february = monthly[monthly.period == "2020-02-01"].iloc[0]
    assert (february.events, february.mean_goldstein, february.articles) == (3, -2.0, 3)


def test_dyad_direction_matters_unless_both_are_asked_for(con):
    reverse = queries.event_series(con, "year", source="TUR", target="RUS")
    assert reverse.events.sum() == 3 and set(reverse.quad_class) == {3}
    both = queries.event_series(con, "year", source="RUS", target="TUR", both_directions=True)
    assert both.events.sum() == 7


def test_actor_series_and_status_filter(con):
    assert queries.event_series(con, "year", actor="FRA").events.sum() == 1
    assert queries.event_series(con, "year", actor="RUS", statuses=("alleged",)).empty
    with pytest.raises(ValueError, match="frequency"):
        queries.event_series(con, "fortnight")


def test_top_dyads_and_network_weights(con):
    top = queries.top_dyads(con)
    assert top.iloc[0][["source", "target", "events", "cooperation", "conflict"]].tolist() == ["RUS", "TUR", 4, 1, 3]
    graph = queries.actor_network(con)
    assert graph["TURMIL"]["RUSGOV"] == {"events": 3, "cooperation": 0, "conflict": 3, "total_goldstein": -15.0}
    assert graph.nodes["TURMIL"]["name"] == "Ministry of National Defence"
    assert not graph.has_edge("RUSGOV", "TURMIL")


def test_claim_threads_pair_rejection_with_accusation_sentences(con):
    threads = queries.claim_threads(con, actor="TURMIL")
    assert len(threads) == 3 and threads.thread.nunique() == 3
    first = threads.iloc[0]
    assert (first.kind, first.from_speaker, first.to_speaker) == ("rejects", "Ministry of National Defence", "Russia")
    assert first.from_sentence == "Turkey's Defence Ministry rejected the allegation as baseless."
    assert first.to_sentence.startswith("Russia accused Turkey of failing") and first.to_sentence.endswith("agreement.")
    assert queries.claim_threads(con, actor="FRA").empty


def test_sentence_around_stops_at_sentence_ends():
    text = 'He left. "They lied," she said! Then? Done'
    assert queries.sentence_around(text, 10, 14) == '"They lied," she said!'
    assert queries.sentence_around(text, 40, 42) == "Done"


def test_agreement_tracker_lists_obligations_and_alleged_violations(con):
    tracker = queries.agreement_tracker(con, actor="TUR")
    report = tracker[tracker.article_id == "wire-a"]
    assert report.kind.tolist() == ["agreement", "obligation", "violation"]
    violation = report.iloc[2]
    assert (violation.party, list(violation.alleged_by), violation.event_id) == ("TUR", ["RUSGOV"], "E1")
    assert queries.agreement_tracker(con, actor="FRA").empty
    counts = queries.violation_counts(con)
    assert counts[["accused", "accuser", "violations"]].values.tolist() == [["TUR", "RUSGOV", 3]]


def members(con) -> dict[tuple[str, str], str]:
    return dict(((a, e), c) for a, e, c in con.execute("SELECT article_id, event_id, corpus_event_id FROM corpus_event_members").fetchall())


def test_dedup_merges_reports_days_apart_and_explains_why(con):
    m = members(con)
    assert m["wire-a", "E1"] == m["wire-b", "E1"] != m["wire-c", "E1"]  # wire-c is two weeks later
    assert m["wire-a", "E2"] == m["wire-b", "E2"] != m["wire-a", "E1"]  # a different CAMEO root is a different event
    row = con.execute("SELECT num_articles, num_sources, num_mentions, first_seen, date_start, date_end, place "
                      "FROM corpus_events WHERE corpus_event_id = ?", [m["wire-a", "E1"]]).fetchone()  # fmt: skip
    assert row == (2, 2, 2, dt.date(2020, 2, 12), dt.date(2020, 2, 11), dt.date(2020, 2, 12), "Idlib")
    why = dict(((a, e), w) for a, e, w in con.execute("SELECT article_id, event_id, why FROM corpus_event_members").fetchall())
    assert why["wire-b", "E1"].startswith("first report")
    assert "same dyad RUSGOV→TURGOV" in why["wire-a", "E1"] and "same place idlib" in why["wire-a", "E1"]
    assert "neither source nor target" in why["ceasefire", "E2"]


def test_dedup_is_incremental_and_follows_recoding(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write(corpus()[:1])
        assert dedup.refresh(store.con) == 2
        assert dedup.refresh(store.con) == 0
        store.write([idlib_report("wire-d", "Tass", dt.date(2020, 2, 14), dt.date(2020, 2, 14))])
        assert dedup.refresh(store.con) == 2
        assert len(set(members(store.con).values())) == 2
        # re-coded with a different place: no longer the same event
        moved = idlib_report("wire-d", "Tass", dt.date(2020, 2, 14), dt.date(2020, 2, 14))
        elsewhere = dataclasses.replace(moved.events[0], location=dataclasses.replace(moved.events[0].location, name="Aleppo"))
        store.write([dataclasses.replace(moved, events=(elsewhere, moved.events[1]))])
        assert dedup.refresh(store.con) == 2
        m = members(store.con)
        assert m["wire-a", "E1"] != m["wire-d", "E1"] and m["wire-a", "E2"] == m["wire-d", "E2"]
        assert store.con.execute("SELECT sum(num_articles) FROM corpus_events").fetchone()[0] == 4


def test_dedup_never_merges_two_events_of_one_article(tmp_path):
    article = ceasefire()
    twin = dataclasses.replace(article.events[0], id="E3", span=(0, 6))
    with Store(tmp_path / "s.duckdb") as store:
        store.write([dataclasses.replace(article, events=article.events + (twin,))])
        dedup.refresh(store.con)
        assert len(set(members(store.con).values())) == 3


@pytest.mark.parametrize("args", [["plot", "dyad", "RUS", "TUR", "--freq", "day"], ["plot", "timeline", "--actor", "TUR"],
                                  ["plot", "network"]])  # fmt: skip
def test_plot_commands_write_png_files(casus, db, tmp_path, args):
    out = tmp_path / "chart.png"
    result = casus(*args, "--db", db, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


def test_analyse_commands_print_tables_and_refuse_missing_db(casus, db, tmp_path):
    claims = casus("analyse", "claims", "--db", db)
    assert claims.exit_code == 0 and "Turkey's Defence Ministry rejected the allegation" in claims.output
    dyads = casus("analyse", "dyads", "--db", db, "-o", tmp_path / "d.csv")
    assert dyads.exit_code == 0 and (tmp_path / "d.csv").read_text().startswith("source,target,events")
    missing = casus("plot", "network", "--db", tmp_path / "none.duckdb", "-o", tmp_path / "x.png")
    assert missing.exit_code == 2 and "no database" in missing.output
