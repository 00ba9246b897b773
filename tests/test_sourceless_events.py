"""Material acts told in an agentless passive with no author to be found ("He was kidnapped in 2013") are events
with no source (``source`` None), and every output, the store, dedup, the analyses, the web API, explain and the
evaluations take them. Checked on sentences and records written for these tests.
"""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from test_events_dev_fixes import code, pytestmark as needs_model  # noqa: F401 (the coder fixture)

from casus.analysis import dedup, exports, queries
from casus.commands.code import DocumentWriter
from casus.commands.explain import describe
from casus.evaluation.events import score_article
from casus.evaluation.peers import GoldSentence, score_petrarch
from casus.extract.events import Candidate, _authored_elsewhere, _first_told, _same_side, drop_countryless
from casus.pipeline import Context
from casus.records import Actor, Article, CodedArticle, Event, EventDate, Explanation, Place, document
from casus.store import Store
from casus.web.app import create_app, describe_event

TEXT = "Two Freedonian aid workers were kidnapped near Marsh Town on Monday."
MONDAY = EventDate(dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day", text="Monday", inferred=False)
WORKERS = Actor("Freedonian aid workers", (4, 26), code="FRENGO", country="FRE", role="NGO")
TOWN = Place("Marsh Town", (48, 58), name="Marsh Town", country="SYL")
NOTE = "source unknown: agentless passive: no 'by' agent, no earlier author"


def kidnapping(source: Actor | None = None, target: Actor | None = WORKERS, event_id: str = "E1") -> Event:
    return Event(event_id, "181", "Abduct, hijack, or take hostage", {"type": "COERCE", "mode": None}, -9.0, 4, source,
                 target, "asserted", (32, 41), 0, TEXT, MONDAY, location=TOWN, mentions=((32, 41),),
                 explanation=Explanation("sourceless-passive", "events:1 (abduct)", ("workers", "kidnapped"), (NOTE,)))


def coded(article_id: str = "a1", *events: Event) -> CodedArticle:
    return CodedArticle(article=Article(article_id, TEXT, title="Kidnapped", url=f"https://example.org/{article_id}",
                                        source="Example Wire", published=dt.date(2024, 3, 5)),
                        actors=(WORKERS,), events=events or (kidnapping(),), places=(TOWN,))


# --- the coder -----------------------------------------------------------------------------------------------
#: (story, the target's country): a material act with no agent named nor found gets an event with no source
SOURCELESS = [
    ("The Kenyan government condemned the raid. Two Kenyan aid workers were kidnapped near the Somali border last month.", "KEN"),
    ("Tension rose along the frontier. Three Turkish soldiers were wounded in a roadside bombing on Sunday.", "TUR"),
    ("Colombia's election campaign turned violent. A Colombian senator was shot outside his home in Cali.", "COL"),
    ("Bolsonaro himself was stabbed in the stomach while campaigning.", "BRA"),
    ("Two Egyptian police officers were shot in Cairo on Monday.", "EGY"),
    ("Two British journalists were taken hostage in Syria in 2012.", "GBR"),  # the journalists, not the "hostage"
    ("Russia warned Ukraine on Monday. Two Russian soldiers were wounded in a drone strike near Belgorod.", "RUS"),
]


@needs_model
@pytest.mark.parametrize("text, country", SOURCELESS, ids=[c for _, c in SOURCELESS])
def test_an_agentless_material_act_has_no_source(code, text, country):
    found = [e for e in code(text).events if e.source is None]
    assert found and all(e.cameo[:2] in ("18", "19", "20") and e.status == "asserted" for e in found), found
    assert any((e.target.country or e.target.code[:3]) == country for e in found)
    assert any("source unknown: agentless passive" in n for n in found[0].explanation.notes)
    assert found[0].explanation.rule == "sourceless-passive"


@needs_model
@pytest.mark.parametrize("text, source", [
    ("BEIRUT: Three boys were killed in Syrian artillery shelling near the border on Sunday, doctors said.", "SYR"),
    ("Two Lebanese soldiers were wounded by Syrian troops near the border.", "SYR"),
    ("Russian jets struck Aleppo on Monday. Twelve Syrian civilians were killed in the raid.", "RUS"),
    ("Mexican police arrested the mayor of Iguala. Forty-three Mexican students were kidnapped there in 2014.", "MEX"),
])
def test_an_act_with_an_agent_or_an_earlier_author_keeps_it(code, text, source):
    events = [e for e in code(text).events if e.cameo[:2] in ("17", "18", "19", "20")]
    assert any(e.source is not None and (e.source.country or e.source.code[:3]) == source for e in events), events


@needs_model
@pytest.mark.parametrize("text", [
    "Two American hostages will be killed unless the ransom is paid.",  # a threat, not a kill
    "A British journalist may have been abducted in northern Syria.",  # only possible
    "Eight Indian pilgrims were killed in a bus crash on Sunday.",  # a mishap
    "Seriously injured Syrian civilians reached the hospital in Gaziantep.",  # a participle as an adjective
    "Hospitals in Italy have been forced to turn patients away.",  # generic coercion
    "Somebody shot two Pakistani policemen in Quetta on Friday.",  # an active clause whose author is not coded
])
def test_no_sourceless_event_where_no_act_happened_or_the_agent_is_merely_uncoded(code, text):
    assert not any(e.source is None for e in code(text).events), [(e.cameo, e.status) for e in code(text).events]


@needs_model
@pytest.mark.parametrize("text", [
    "The Iranian ambassador was criticised sharply on Monday.",
    "Two French diplomats were invited to the talks in Geneva.",
    "The Venezuelan opposition was urged to return to the negotiating table.",
    "Israeli negotiators were warned that the offer would expire.",
])
def test_verbal_and_cooperative_acts_are_never_sourceless(code, text):
    assert not any(e.source is None for e in code(text).events)


#: (review 13 finding, sentence): acts told with no author that are no intentional violence, or whose author is
#: named, or whose victims are only a nationality, or that did not happen; the reviewer's sentence, then one written
#: for this test (each coded an event with no source before the rule was narrowed)
NOT_SOURCELESS = [
    ("1 mishap", "Three Afghan soldiers were killed when their helicopter went down."),
    ("1 mishap", "Two Indonesian sailors were killed after their ferry sank off Bali."),
    ("2 coordinated agent", "Turkish soldiers were ambushed and killed by PKK militants."),
    ("2 coordinated agent", "Three Nigerian soldiers were ambushed and beheaded by Boko Haram fighters."),
    ("2 hands of", "Three Iraqi soldiers were killed at the hands of Islamic State fighters."),
    ("2 hands of", "Two Malian soldiers were tortured at the hands of jihadists."),
    ("2 act's author", "Five Syrian soldiers were killed in fighting with Kurdish militants."),
    ("2 act's author", "Two Syrian soldiers were wounded in an attack blamed on the Islamic State."),
    ("3 no violence", "Chinese exporters were hit by new tariffs."),
    ("3 no violence", "French airlines were hit by a strike."),
    ("3 in words", "A Russian senator was attacked for his remarks."),
    ("3 in words", "The Egyptian ambassador was attacked in the press for his remarks."),
    ("7 nationality", "The Iranian nuclear scientist, who was assassinated in 2020, had led the program."),
    ("7 nationality", "Two Afghan interpreters were shot dead in Kabul."),
    ("8 subjunctive", "The Iraqi court ordered that the Iranian prisoners be executed."),
    ("8 subjunctive", "The Saudi court ordered that the Yemeni fishermen be executed."),
    ("8 nearly", "Two Iraqi soldiers were almost kidnapped on Monday."),
    ("8 nearly", "Two Israeli soldiers were almost abducted near the border."),
    ("8 habitual", "Israeli soldiers are often attacked at the checkpoint."),
    ("8 habitual", "Palestinian protesters are often shot at the fence."),
    ("9 denied", "Israel denied that Palestinian children were killed in the strike."),
    ("9 denied", "Israel denied that Palestinian children were shot at the border."),
]


@needs_model
@pytest.mark.parametrize("finding, text", NOT_SOURCELESS, ids=[f"{f}: {t[:30]}" for f, t in NOT_SOURCELESS])
def test_no_sourceless_event_but_for_intentional_violence_that_happened_to_named_victims(code, finding, text):
    assert not any(e.source is None for e in code(text).events), [(e.cameo, e.target.code) for e in code(text).events]


@needs_model
@pytest.mark.parametrize("text, dates", [
    # (the reviewer's story, with "shot": a bare "killed" is no event now)
    ("Two Syrian soldiers were shot in Idlib on Monday. Separately, four Syrian soldiers were shot in Homs on Friday.",
     {"Monday", "Friday"}),
    ("A Nigerian journalist was kidnapped in Lagos on Monday. On Thursday, a Nigerian journalist was kidnapped in Abuja.",
     {"Monday", "Thursday"}),
])
def test_sourceless_acts_told_in_two_sentences_stay_two_events(code, text, dates):
    found = [e for e in code(text).events if e.source is None]
    assert len(found) == 2 and all(len(e.mentions) == 1 for e in found), [(e.cameo, e.mentions) for e in found]
    assert {e.date.text for e in found} == dates


def test_an_unknown_source_is_of_no_side_but_two_targetless_claims_are_one_dyad():
    rebels = Actor("rebels", (0, 6), code="SYLREB", country="SYL", role="REB")
    first, again = kidnapping(rebels, None, "E1"), kidnapping(rebels, None, "E2")
    assert not _same_side(None, None) and _first_told("E2", (first, again)) == "E1"
    assert _first_told("E2", (kidnapping(None, WORKERS, "E1"), kidnapping(None, WORKERS, "E2"))) == "E2"


def test_a_sentence_telling_the_harm_as_another_sides_act_keeps_only_that_act():
    def candidate(code, source, target, trigger):
        return Candidate(code, trigger, "kill", source, target, "asserted", None, "verb-entry", None, (trigger,))
    rebels = Actor("rebels", (0, 6), code="SYLREB", country="SYL", role="REB")
    villagers = Actor("villagers", (10, 19), code="FRECVL", country="FRE", role="CVL")
    sourceless, shelling = candidate("190", None, villagers, 3), candidate("194", rebels, Actor("Freedonia", (30, 39), code="FRE"), 5)
    assert _authored_elsewhere([sourceless, shelling]) == [shelling]
    other_side = candidate("194", rebels, Actor("Sylvania", (30, 38), code="SYL"), 5)
    assert _authored_elsewhere([sourceless, other_side]) == [sourceless, other_side]


# --- the consumers --------------------------------------------------------------------------------------------
def test_json_and_jsonl_keep_a_null_source(tmp_path):
    for lines in (False, True):
        out = tmp_path / f"out{lines}.json"
        with out.open("w") as stream:
            writer = DocumentWriter(stream, lines=lines)
            writer.write(document(coded()))
            writer.close()
        doc = json.loads(out.read_text().splitlines()[0]) if lines else json.loads(out.read_text())[0]
        event = doc["events"][0]
        assert event["source"] is None and event["target"]["code"] == "FRENGO" and NOTE in event["explanation"]["notes"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_gdelt_like_rows_leave_actor1_empty(tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    with Store(tmp_path / "c.duckdb") as store:
        store.write([coded()])
        assert store.con.execute("SELECT source_code, source_text, target_code FROM events").fetchall() == [
            (None, None, "FRENGO")]
        assert store.export(out, fmt) == 1
    rows = (list(csv.DictReader(out.open())) if fmt == "csv" else [json.loads(x) for x in out.read_text().splitlines()]
            if fmt == "jsonl" else pq.read_table(out).to_pylist())
    assert rows[0]["Actor1Code"] in (None, "") and rows[0]["Actor1Name"] in (None, "")
    assert rows[0]["Actor2Code"] == "FRENGO" and str(rows[0]["EventRootCode"]) == "18"


def test_plover_phoenix_and_acled_exports_take_it(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.write([coded()])
        for fmt in ("plover", "phoenix", "acled"):
            assert exports.export(store.con, fmt, tmp_path / f"x.{fmt}") == 1
    record = json.loads((tmp_path / "x.plover").read_text())[0]
    assert record["actor"] is None and record["recipient"]["code"] == "FRENGO"


def test_dedup_merges_sourceless_reports_of_one_act_but_not_with_a_named_author(tmp_path):
    rebels = Actor("rebels", (0, 6), code="SYLREB", country="SYL", role="REB")
    with Store(tmp_path / "c.duckdb") as store:
        store.write([coded("a1"), coded("a2"), coded("a3", kidnapping(rebels))])
        dedup.refresh(store.con)
        groups = store.con.execute("""SELECT c.source_code, c.num_articles FROM corpus_events c
                                      ORDER BY c.num_articles DESC""").fetchall()
    assert groups == [(None, 2), ("SYLREB", 1)]


def test_analyses_and_the_web_api_take_it(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.write([coded()])
        assert queries.event_series(store.con, actor="FRE")["events"].sum() == 1
        assert queries.top_dyads(store.con).empty and queries.network_edges(store.con).empty
        row = store.con.execute("SELECT * FROM events").df().to_dict("records")[0]
    row["explanation"] = json.loads(row["explanation"])
    assert describe_event(row).startswith("181 Abduct, hijack, or take hostage: nobody named → Freedonian aid workers")
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        events = client.get("/api/events", params={"target": "FRE"}).json()["events"]
        assert events[0]["source"] is None and events[0]["source_code"] is None
        assert client.get("/api/summary").status_code == client.get("/api/dyads").status_code == 200


def test_explain_says_the_source_is_unknown():
    lines = describe(coded())
    assert "(unknown source) [-] → Freedonian aid workers [FRENGO]" in lines[1] and any(NOTE in x for x in lines)


def test_drop_countryless_keeps_it_with_a_coded_target_and_drops_it_without():
    stateless = Actor("aid workers", (4, 26), code="---NGO", role="NGO")
    ctx = Context(article=Article("a", TEXT), doc=None, sentences=(),
                  events=(kidnapping(), replace(kidnapping(event_id="E2"), target=stateless, location=None)))
    kept = drop_countryless(ctx, None)
    assert [(e.id, e.target.code) for e in kept.events] == [("E1", "FRENGO")]


def test_eval_events_fits_a_none_source_to_gold_that_accepts_none():
    gold = {"events": [{"id": "G1", "required": True, "source": ["SYLREB", None], "target": ["FRE"], "cameo": ["18"]}]}
    assert score_article(gold, (kidnapping(),), ())["required_found"] == 1
    strict = {"events": [{**gold["events"][0], "source": ["SYLREB"]}]}
    assert score_article(strict, (kidnapping(),), ())["required_found"] == 0


def test_eval_petrarch_codes_a_none_source_as_three_dashes():
    sentence = GoldSentence("S1", TEXT, None, frozenset({("---", "FRENGO", "18")}))
    scores = score_petrarch([(sentence, coded())])
    assert scores["detail"][0]["predicted"] == [("---", "FRENGO", "18")]
    assert scores["root_f1_codes"]["f"] == 1.0
