"""``casus explain``: every event is explained and every sentence without one says why."""
import datetime as dt

import pytest
from typer.testing import CliRunner

from casus.commands.explain import describe
from casus.knowledge.ontology import Ontology
from casus.records import Actor, Article, CodedArticle, Event, EventDate, Explanation


def _event(ontology) -> Event:
    code = ontology["173"]
    return Event(
        id="E1", cameo=code.code, cameo_name=code.name, plover=code.plover, goldstein=code.goldstein,
        quad_class=code.quad_class, source=Actor("Norwegian police", (0, 17), "NORCOP", "NOR"),
        target=Actor("two Swedes", (27, 37), "SWE", "SWE"), status="asserted", span=(18, 26), sentence=0,
        evidence="Norwegian police arrested two Swedes.", date=EventDate(dt.date(2022, 3, 1), dt.date(2022, 3, 1), "day"),
        explanation=Explanation(rule="verb-entry", entry="events:7 (code: 173, verb: [arrest])", tokens=("arrested", "Swedes")),
    )


def test_describe_lists_rule_entry_tokens_and_empty_sentences():
    ontology = Ontology.load()
    coded = CodedArticle(
        article=Article(id="a", text="x"), events=(_event(ontology),),
        rejected=({"sentence": 1, "text": "It rained.", "reason": "no trigger"},),
    )
    text = "\n".join(describe(coded))
    assert "173 Arrest, detain, or charge with legal action" in text
    assert "NORCOP" in text and "SWE" in text and "events:7" in text and "arrested" in text
    assert "inferred from the publication date" in text
    assert "sentence 1: no trigger" in text


def test_describe_never_prints_nothing():
    assert describe(CodedArticle(article=Article(id="a", text=""))) == ["no sentences found in the input"]


def test_cli_explains_a_sentence_without_events():
    from casus import nlp

    if not (nlp.MODELS / "en_casus_fast" / "config.cfg").is_file():
        pytest.skip("no shipped parser model")
    from casus.cli import _register, app

    _register()
    result = CliRunner().invoke(app, ["explain", "The harvest was late this year.", "--published", "2023-09-01"])
    assert result.exit_code == 0, result.output
    assert "no event in sentence 0: no trigger" in result.output
