"""``casus eval events``: the shipped hand-coded news articles load and score, and the scorer's
matching rules (null actors, code prefixes, required entries first, forbidden rules) hold."""
import datetime as dt
import json

import pytest
import typer
from typer.testing import CliRunner

from casus.evaluation import events as ev
from casus.records import Actor, Event, EventDate

GOLD_FILES = sorted(ev.GOLD.rglob("*.gold.json"))


@pytest.fixture
def casus():
    """Run the casus CLI; returns the click Result."""
    from casus.commands import register

    app = typer.Typer()
    register(app)
    return lambda *args: CliRunner().invoke(app, list(args))


def actor(code: str | None) -> Actor | None:
    return None if code is None else Actor(text=code, span=(0, 1), code=code, country=code[:3])


def event(event_id: str, source: str, target: str | None, cameo: str, day: dt.date | None = dt.date(2020, 1, 1)) -> Event:
    return Event(id=event_id, cameo=cameo, cameo_name="", plover={"type": None, "mode": None}, goldstein=0.0,
                 quad_class=1, source=actor(source), target=actor(target), status="asserted", attributed_to=None,
                 span=(0, 1), sentence=0, evidence="", date=EventDate(day, None, "day" if day else "unknown"))


def test_every_shipped_gold_file_loads_with_its_article_in_the_shared_data():
    assert {path.parent.name for path in GOLD_FILES} == set(ev.SPLITS)
    for gold in ev.load_golds([ev.GOLD]):
        entries = gold.data["events"]
        assert entries and any(e["required"] for e in entries), gold.path
        assert len({e["id"] for e in entries}) == len(entries), gold.path
        assert gold.published is not None and not gold.text_path.is_relative_to(ev.GOLD)
        if ev.SHARED.is_dir():
            assert gold.text_path.is_file(), gold.text_path


def test_a_null_in_the_gold_accepts_an_event_without_that_actor():
    assert ev.actor_fits(None, ["RUS", None]) and not ev.actor_fits(None, ["RUS"])
    assert ev.actor_fits(actor("RUSMIL"), ["RUS", None]) and not ev.actor_fits(actor("TURMIL"), [None])


def test_a_listed_code_accepts_the_codes_under_it():
    assert ev.code_fits("0874", ["087"]) and ev.code_fits("138", ["13"]) and not ev.code_fits("087", ["0874"])


def test_required_entries_are_matched_first_even_when_an_event_fits_an_optional_one_too():
    entries = [{"id": "G1", "required": False, "source": ["USA"], "target": ["IRN", None], "cameo": ["13"]},
               {"id": "G2", "required": True, "source": ["USA"], "target": ["IRN"], "cameo": ["13"]}]
    events = (event("E1", "USAGOV", "IRN", "138"), event("E2", "USAGOV", None, "130"))
    assert ev.assign(events, entries) == {"E1": "G2", "E2": "G1"}
    scores = ev.score_article({"events": entries}, events, ())
    assert (scores["required_found"], scores["correct"], scores["duplicates"]) == (1, 2, 0)


def test_an_entry_goes_to_the_event_whose_date_fits_it():
    entries = [{"id": "G1", "required": True, "source": ["RUS"], "target": ["TUR"], "cameo": ["057"], "date": "2018"},
               {"id": "G2", "required": False, "source": ["RUS"], "target": ["TUR"], "cameo": ["05"]}]
    undated, in_2018 = event("E1", "RUSGOV", "TURGOV", "057", None), event("E2", "RUS", "TUR", "057", dt.date(2018, 3, 1))
    assert ev.assign((undated, in_2018), entries) == {"E1": "G2", "E2": "G1"}


def test_a_forbidden_rule_combines_its_conditions():
    rule = {"cameo": ["010"], "source_country": ["USA"]}
    assert ev.forbidden_hit(event("E1", "USAGOV", None, "010"), rule)
    assert not ev.forbidden_hit(event("E1", "USAGOV", None, "012"), rule)
    assert not ev.forbidden_hit(event("E1", "CHNGOV", None, "010"), rule)


@pytest.mark.skipif(not ev.SHARED.is_dir(), reason="no shared data")
def test_eval_events_codes_and_scores_a_shipped_gold_article(casus):
    nlp = pytest.importorskip("casus.nlp")
    if not (nlp.MODELS / "en_casus_fast" / "config.cfg").is_file():
        pytest.skip("no shipped parser model")
    result = casus("eval", "events", str(GOLD_FILES[0]), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    (article,) = scores["articles"]
    assert scores["total"]["articles"] == 1 and article["required"] == sum(
        e["required"] for e in json.loads(GOLD_FILES[0].read_text())["events"])
    assert 0 <= article["required_found"] <= article["required"] and 0 <= article["correct"] <= article["events"]
    assert all({"id", "cameo", "source", "target", "gold"} <= set(d) for d in article["detail"])
    assert set(article["missing"]) <= {e["id"] for e in json.loads(GOLD_FILES[0].read_text())["events"]}


def test_eval_events_needs_gold_files_or_a_split(casus):
    result = casus("eval", "events", "--split", "train")
    assert result.exit_code != 0 and "--split" in result.output
