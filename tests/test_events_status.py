"""Acts told but not done, on sentences written for these tests: what one is allowed to do, the condition of a
conditional, a question asked with a modal, a negated statement or report, an option ruled out, and a sentence
that runs into a photo credit; with the near misses that are still coded (a reported conditional's threat, "said
... did not", "would not meet", "not only").
"""
import datetime as dt

import pytest

from casus.ingest.furniture import find_furniture
from casus.nlp import MODELS
from casus.records import Article

pytestmark = pytest.mark.skipif(not (MODELS / "en_casus_fast" / "config.cfg").is_file(), reason="no shipped parser model")
PUBLISHED = dt.date(2023, 5, 4)


@pytest.fixture(scope="module")
def code():
    from casus.pipeline import Resources, code_article

    res = Resources.load()
    return lambda text: code_article(Article(id="t", text=text, published=PUBLISHED, furniture=find_furniture(text)), res)


def side(actor) -> str | None:
    return None if actor is None else actor.country or (actor.code or "")[:3] or None


def dyads(coded) -> set[tuple[str | None, str | None, str]]:
    """(source side, target side, CAMEO root) of every event."""
    return {(side(e.source), side(e.target), e.cameo[:2]) for e in coded.events}


#: (rule, sentence, CAMEO roots none of whose events may be coded)
NOT_CODED = [
    ("a permission is not the act", "Under the new rules, Syrian soldiers are allowed to shoot Turkish smugglers.",
     ("18", "19", "20")),
    ("... nor are its conjuncts", "Turkish border guards are permitted to detain and beat Syrian migrants.",
     ("17", "18", "19", "20")),
    ("the condition of a conditional is not an act",
     "Erdogan warned that Greek islands would be struck very hard if Athens attacked Turkish ships.", ("18", "19", "20")),
    ("a question asked with a modal is not an act", "French President Emmanuel Macron spoke to reporters on Monday. "
     "Asked if he might visit Tehran next year, Macron said it could happen.", ("03", "04")),
    ("a negated accusation is no act", "The French government did not accuse Russia of the cyberattack.", ("11",)),
    ("a negated threat is no act", "The Kremlin has never threatened Estonia.", ("13",)),
    ("what a negated report says is not told", "Germany did not say that Russian hackers attacked the German parliament.",
     ("11", "17", "18", "19", "20")),
    ("... nor is a negated report a statement act (moved from test_statements.py)",
     "The Latvian prime minister did not say that the Lithuanian plan was a mistake.", ("11",)),
    ("a place ruled out is no rejection", "Japanese Prime Minister Fumio Kishida said he had ruled out Hokkaido's Niseko Resort.",
     ("12",)),
    ("... nor is anything ruled out as a venue",
     "The White House has ruled out the demilitarized zone as a venue for the summit with North Korea.", ("12",)),
]


@pytest.mark.parametrize("rule,text,roots", NOT_CODED, ids=[r[0] for r in NOT_CODED])
def test_not_coded(code, rule, text, roots):
    coded = code(text)
    assert not [e.cameo for e in coded.events if e.cameo[:2] in roots], rule


#: (rule, sentence, dyads that must be among the coded ones, dyads that must not)
CODED = [
    ("a reported conditional's consequent is the speaker's threat; its condition is no attack",
     "Iran said it would attack Israel if Israel struck its nuclear sites.", {("IRN", "ISR", "13")}, {("ISR", "IRN", "19")}),
    ("a tariff announced unless something is done is a threat, not a sanction",
     "The United States announced a 10% tariff on Chinese steel unless Beijing curbs its exports.",
     {("USA", "CHN", "13")}, {("USA", "CHN", "16")}),
    ("a report of a negated act still accuses, not the other way round",
     "Germany said Russian hackers attacked the German parliament.", {("DEU", "RUS", "11")}, set()),
    ("a report that someone did not act accuses no one",
     "Britain said that Russian hackers did not attack the laboratories.", set(), {("GBR", "RUS", "11")}),
    ("a cooperative act one would not do is still a refusal", "Russia would not meet with the Ukrainian delegation.",
     {("RUS", "UKR", "12")}, set()),
    ("'not only' asserts the act", "Beijing is not only threatening Taiwan with sanctions.", {("CHN", "TWN", "13")}, set()),
    ("a rejection of talks is still one", "Iran ruled out talks with the United States.", {("IRN", "USA", "12")}, set()),
]


@pytest.mark.parametrize("rule,text,present,absent", CODED, ids=[r[0] for r in CODED])
def test_coded(code, rule, text, present, absent):
    found = dyads(code(text))
    assert present <= found, (rule, found)
    assert not absent & found, (rule, found)


def test_not_only_is_asserted(code):
    statuses = {e.status for e in code("Beijing is not only threatening Taiwan with sanctions.").events}
    assert statuses == {"asserted"}


def test_leave_to_go_is_still_no_event(code):
    assert not code("The detained journalists were allowed to leave Egypt.").events


def test_an_open_question_without_a_modal_is_kept(code):
    """"decide whether to impose sanctions": a possible act, unlike "asked if he might visit"."""
    coded = code("The European Union will decide on Monday whether to impose sanctions on Belarus.")
    assert [e.status for e in coded.events if e.cameo.startswith("16")] == ["hypothetical"]


CAPTION = ("In this March 3, 2023 photo, soldiers stand guard in Kabul. The United States and the Taliban signed "
           "a peace deal on Saturday.(AP Photo/Jane Roe)\n\n")
BODY = "The United States and the Taliban signed a peace deal on Saturday.\n"


def test_a_sentence_running_into_a_photo_credit_ends_the_caption(code):
    coded = code(CAPTION + BODY)
    assert coded.events, "the body's signing is coded"
    assert all(e.evidence.strip() == BODY.strip() for e in coded.events)
    assert any("photo caption" in r["reason"] for r in coded.rejected)
