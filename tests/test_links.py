"""Links between events (casus/extract/events.py ``_links``): a rejection or denial and the claim or act it
answers, a retaliation and what it answers; on short stories written for these tests."""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark, side  # noqa: F401 (the coder fixture; skipped with no parser model)


def linked(coded, kind: str) -> list[tuple[tuple, tuple]]:
    """(source side, CAMEO root) of both ends of every link of ``kind``."""
    by_id = {e.id: e for e in coded.events}
    return [((side(by_id[l.source_event].source), by_id[l.source_event].cameo[:2]),
             (side(by_id[l.target_event].source), by_id[l.target_event].cameo[:2]))
            for l in coded.links if l.kind == kind]


@pytest.mark.parametrize("what, text, kind, expected", [
    ("criticism aimed at a claim noun rejects the claim",
     "Ukraine accused Russia of shelling a hospital in Kharkiv. Moscow denounced the allegation as a provocation.",
     "rejects", (("RUS", "11"), ("UKR", "11"))),
    ("a rejection told before the claim it rejects",
     "Chile's government rejected the report on Monday. Peru had accused Chile of spying on its navy.",
     "rejects", (("CHL", "12"), ("PER", "11"))),
    ("rejecting the measures taken against oneself rejects that act",
     "The United States imposed sanctions on the International Criminal Court. The court rejected the measures.",
     "rejects", (("IGOJUDICC", "12"), ("USA", "16"))),
    ("a retaliation answers the act it is against",
     "The United States imposed new sanctions on Iran on Friday. Iran said it would retaliate against the American sanctions.",
     "responds_to", (("IRN", "13"), ("USA", "16"))),
])
def test_an_answer_is_linked_to_what_it_answers(code, what, text, kind, expected):
    assert expected in linked(code(text), kind), what


def test_a_denial_whose_content_names_an_act_denies_that_act_of_the_deniers_side(code):
    coded = code("Riot police fired live ammunition at protesters in Tehran on Sunday. "
                 "The police chief later denied his officers opened fire.")
    denials = linked(coded, "denies")
    assert denials and all(denier[0] == denied[0] == "IRN" and denied[1] in ("17", "18", "19") for denier, denied in denials)


def test_a_pronoun_object_of_an_accusation_is_no_claim_it_rejects(code):
    coded = code("Sweden criticised Hungary over its media law. Hungary responded by accusing it of hypocrisy.")
    assert not linked(coded, "rejects")



def test_a_report_calling_a_claim_false_denies_the_claim_first_told(code):
    coded = code("Belgrade accused Pristina of blocking a border crossing near Jarinje. "
                 "The Kosovo government said Belgrade's accusations were baseless.")
    first = next(e for e in coded.events if e.cameo.startswith("11") and side(e.source) == "SRB")
    assert [(denier, l.target_event) for l in coded.links if l.kind == "denies"
            for denier in [side(next(e.source for e in coded.events if e.id == l.source_event))]] == [("XKX", first.id)]


def test_a_rejected_accusation_is_the_accusing_act_not_the_latest_criticism(code):
    coded = code("Caracas accused Washington of plotting a coup. Venezuela's president also criticised Washington over "
                 "new oil tariffs. The State Department rejected the accusation.")
    assert linked(coded, "rejects") == [(("USA", "12"), ("VEN", "11"))]
    by_id = {e.id: e for e in coded.events}
    assert [by_id[l.target_event].cameo for l in coded.links if l.kind == "rejects"] == ["112"]


def test_the_accused_sides_reply_set_against_an_accusation_answers_it(code):
    coded = code("Human Rights Watch accused Nigerian soldiers of burning villages, but the Nigerian army said its troops "
                 "had followed the rules of engagement.")
    [(reply, answered)] = linked(coded, "responds_to")
    assert reply == ("NGA", "01") and answered[0].startswith("NGO") and answered[1] == "11"


def test_the_accusers_own_side_saying_more_answers_nothing(code):
    coded = code("Germany accused Russia of meddling in its election, but Berlin said it would keep talking to Moscow.")
    assert not linked(coded, "responds_to") and not any(e.cameo == "016" for e in coded.events)
