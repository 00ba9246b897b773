"""The peer-gold adapters (casus.evaluation.peers) on records and files written for these tests."""
import datetime as dt

from casus.evaluation.peers import (
    GoldSentence,
    plover_type,
    read_petrarch,
    reported_acts,
    sentence_date,
    score_petrarch,
    score_plover,
)
from casus.records import Actor, Article, CodedArticle, Event, EventDate, Explanation


def event(cameo, source, target, *, status="asserted", rule="verb-entry", plover="ASSAULT", quad=4):
    return Event(id="E", cameo=cameo, cameo_name="", plover={"type": plover, "mode": None}, goldstein=0.0,
                 quad_class=quad, source=Actor(source, (0, 1), code=source), target=Actor(target, (2, 3), code=target),
                 status=status, span=(0, 1), sentence=0, evidence="", date=EventDate(None, None, "day"),
                 explanation=Explanation(rule=rule))


def coded(*events):
    return CodedArticle(article=Article(id="a", text="x"), events=events)


def test_a_reported_act_counts_but_the_reporters_derived_accusation_and_acts_that_did_not_happen_do_not():
    attack = event("190", "RUSMIL", "UKR", status="alleged")
    accusation = event("112", "FRA", "RUSMIL", rule="reported-accusation", plover="ACCUSE", quad=3)
    denied = event("190", "TURMIL", "SYR", status="denied")
    negated = event("057", "KEN", "SOM", status="negated", plover="SUPPORT", quad=1)
    assert reported_acts([attack, accusation, denied, negated]) == [attack]


def test_a_promised_cooperative_act_is_a_plover_agreement():
    aid = event("070", "JPN", "KEN", status="future", plover="AID", quad=2)
    attack = event("190", "RUS", "UKR", status="future")
    assert (plover_type(aid), plover_type(attack), plover_type(event("070", "JPN", "KEN", plover="AID", quad=2))) == (
        "AGREE", "ASSAULT", "AID")


def test_petrarch_records_are_read_and_scored_by_root_and_country(tmp_path):
    path = tmp_path / "gsr.xml"
    path.write_text("""<Sentences>
<Sentence date="20150102" id="S1"/><EventCoding eventcode="190" sourcecode="RUSMIL" targetcode="UKR" />
<Text>Russian troops attacked Ukraine.</Text></Sentence>
<Sentence date="20150103" id="S2"/><EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />
<Text>The US president visited China.</Text></Sentence>
</Sentences>""", encoding="utf-8")
    gold = read_petrarch(path)
    assert [(g.id, g.published, g.answer) for g in gold] == [
        ("S1", dt.date(2015, 1, 2), frozenset({("RUSMIL", "UKR", "19")})),
        ("S2", dt.date(2015, 1, 3), frozenset({("USAGOV", "CHN", "04")}))]
    scores = score_petrarch([(gold[0], coded(event("195", "RUS", "UKR"))),
                             (gold[1], coded(event("042", "USAGOV", "CHN"), event("190", "USA", "CHN")))])
    assert scores["root_f1_countries"] == {"p": 0.6667, "r": 1.0, "f": 0.8}
    assert scores["root_f1_codes"] == {"p": 0.3333, "r": 0.5, "f": 0.4}


def test_gsr_dates_are_read_in_both_written_forms_and_anything_else_is_no_date():
    assert [sentence_date(v) for v in ("20080806", "121108", "", "2015", "20151340", "12-11-08")] == [
        dt.date(2008, 8, 6), dt.date(2012, 11, 8), None, None, None, None]


def test_plover_type_recall_counts_a_sentence_once_and_precision_every_type():
    gold = [GoldSentence("P1", "x", None, "AGREE", ("JPN",)), GoldSentence("P2", "y", None, "ASSAULT", ("RUS",))]
    scores = score_plover([(gold[0], coded(event("070", "JPN", "KEN", status="future", plover="AID", quad=2))),
                           (gold[1], coded(event("112", "RUS", "UKR", plover="ACCUSE", quad=3)))])
    assert scores["type"] == {"p": 0.5, "r": 0.5, "f": 0.5}
    assert scores["source_country_accuracy"] == 1.0
