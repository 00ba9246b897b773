"""The JSON API on a real uvicorn server over a hand-built store, plus a schemathesis run of its OpenAPI spec."""
from __future__ import annotations

import duckdb
import httpx
import pytest
import schemathesis
import typer
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from typer.testing import CliRunner

from analysis_corpus import XSS, build_store, corpus, running_server
from casus.commands import register
from casus.commands.serve import is_loopback
from casus.store import Store
from casus.web.app import MAX_LIMIT, _connect_read_only, create_app


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    build_store(db)
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url):
    with httpx.Client(base_url=base_url, timeout=10) as http:
        yield http


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_filter_by_actor_code_quad_status_place_and_dates(client):
    assert get(client, "/api/events")["total"] == 9
    assert get(client, "/api/events", source="RUS", target="TUR")["total"] == 4
    assert {e["cameo"] for e in get(client, "/api/events", actor="TURMIL")["events"]} == {"125"}
    assert get(client, "/api/events", code="05")["events"][0]["evidence"] == "signed"
    assert get(client, "/api/events", quad=4)["events"][0]["killed"] == 16
    assert get(client, "/api/events", status="alleged")["total"] == 0
    assert {e["place"] for e in get(client, "/api/events", place="idl")["events"]} == {"Idlib"}
    window = get(client, "/api/events", start="2020-02-12", end="2020-02-27")
    assert window["total"] == 4 and all("2020-02-12" <= e["day"] <= "2020-02-27" for e in window["events"])
    page = get(client, "/api/events", limit=2, offset=8)
    assert page["total"] == 9 and len(page["events"]) == 1


def test_events_show_how_many_articles_report_them(client):
    merged = get(client, "/api/events", article="wire-a")["events"]
    assert {e["num_articles"] for e in merged} == {2}


def test_limits_and_bad_parameters_are_rejected_not_crashed(client):
    assert client.get("/api/events", params={"limit": MAX_LIMIT + 1}).status_code == 422
    assert client.get("/api/events", params={"actor": "RUS'; DROP TABLE events; --"}).status_code == 422
    assert client.get("/api/events", params={"place": "x' OR 1=1 --"}).json()["total"] == 0
    assert client.get("/api/events", params={"place": "a" * 3000}).status_code in (414, 422)
    assert client.get("/api/article", params={"id": "nope"}).status_code == 404
    assert client.post("/api/events", content=b"x" * 100_000).status_code in (405, 413)
    assert get(client, "/api/events")["total"] == 9


def test_article_view_returns_text_and_every_span_kind(client):
    article = get(client, "/api/article", id="wire-a")
    kinds = {s["kind"] for s in article["spans"]}
    assert kinds == {"actor", "event", "quote", "date", "place", "agreement"}
    text = article["text"]
    assert {text[s["start"]:s["end"]] for s in article["spans"] if s["kind"] == "event"} == {"accused", "rejected"}
    accusation = next(e for e in article["events"] if e["event_id"] == "E1")
    assert "Russia [RUSGOV] → Turkey [TURGOV]" in accusation["description"] and "lexicon entry" in accusation["description"]
    assert article["links"] == [{"kind": "rejects", "from_event": "E2", "to_event": "E1", "why": "the ministry rejects the accusation"}]


def test_every_mention_of_an_event_is_a_span(client):
    article = get(client, "/api/article", id="ceasefire")
    mentions = [s for s in article["spans"] if s["kind"] == "event" and s["id"] == "E1"]
    assert [article["text"][s["start"]:s["end"]] for s in mentions] == ["signed", "deal"]
    assert "another mention" in mentions[1]["label"] and "another mention" not in mentions[0]["label"]


def test_markup_in_article_text_is_returned_verbatim_as_json(client):
    response = client.get("/api/article", params={"id": "markup"})
    assert response.headers["content-type"] == "application/json"
    assert XSS in response.json()["text"]
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_series_network_claims_agreements_map_and_dedup(client):
    series = get(client, "/api/series", source="RUS", target="TUR", freq="day")
    assert [(s["period"], s["events"]) for s in series] == [("2020-02-11", 1), ("2020-02-12", 1), ("2020-02-27", 1), ("2020-03-05", 1)]
    network = get(client, "/api/network")
    assert {(e["source"], e["target"], e["conflict"]) for e in network["edges"]} >= {("TURMIL", "RUSGOV", 3)}
    assert all(-1.01 <= n["x"] <= 1.01 and -1.01 <= n["y"] <= 1.01 for n in network["nodes"])
    claims = get(client, "/api/claims", actor="RUS")
    assert claims[0]["from_sentence"] == "Turkey's Defence Ministry rejected the allegation as baseless."
    violations = [g for g in get(client, "/api/agreements", actor="TUR") if g["kind"] == "violation"]
    assert {(v["party"], tuple(v["alleged_by"])) for v in violations} == {("TUR", ("RUSGOV",))}
    places = {p["place"]: p for p in get(client, "/api/map")}
    assert places["Idlib"]["events"] == 4 and places["Idlib"]["conflict"] == 4
    corpus = get(client, "/api/corpus-events")
    assert {c["num_articles"] for c in corpus} == {2} and all(len(c["members"]) == 2 for c in corpus)


def test_page_and_static_files_are_served_with_security_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert client.get("/static/world.json").json()["countries"]
    assert "/api/events" in get(client, "/openapi.json")["paths"]


def test_only_loopback_host_headers_are_served(client):
    assert client.get("/api/summary", headers={"host": "evil.example"}).status_code == 400


def test_app_refuses_a_missing_database(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.duckdb")


@pytest.fixture(scope="module")
def api_schema(base_url):
    return schemathesis.openapi.from_url(f"{base_url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_causes_a_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])


def test_a_store_without_dedup_tables_is_served(tmp_path):
    with Store(tmp_path / "plain.duckdb") as store:
        store.write(corpus())
    with running_server(tmp_path / "plain.duckdb") as url, httpx.Client(base_url=url) as http:
        assert http.get("/api/summary").json()["corpus_events"] is None
        assert {e["num_articles"] for e in http.get("/api/events").json()["events"]} == {None}
        assert http.get("/api/corpus-events").json() == []


def test_the_store_is_read_only_per_request_and_released_between_requests(tmp_path):
    build_store(tmp_path / "s.duckdb")
    app = create_app(tmp_path / "s.duckdb")
    con = _connect_read_only(app.state.db_path)
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM events")
    con.close()
    with duckdb.connect(str(tmp_path / "s.duckdb")) as writer:  # a watcher can write while the app is up
        assert writer.execute("SELECT count(*) FROM events").fetchone()[0] == 9


def test_serve_refuses_missing_or_locked_stores_and_knows_loopback(tmp_path):
    app = typer.Typer()
    register(app)
    missing = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no database" in missing.output
    with duckdb.connect(str(tmp_path / "busy.duckdb")):  # a writer holds the lock
        locked = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "busy.duckdb")])
    assert locked.exit_code == 2 and "cannot open" in locked.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
