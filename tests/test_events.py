"""The event coder on sentences written for these tests (not the seed, not the peer gold sets).

Runs the real pipeline (shipped parser, actor KB, quotes, times) and checks dyads, codes, status,
attribution, links and the explanations of sentences without events.
"""
import datetime as dt

import pytest

from casus.records import Article

nlp_models = pytest.importorskip("casus.nlp")
if not (nlp_models.MODELS / "en_casus_fast" / "config.cfg").is_file():
    pytest.skip("no shipped parser model", allow_module_level=True)

PUBLISHED = dt.date(2021, 6, 10)


@pytest.fixture(scope="module")
def res():
    from casus.pipeline import Resources

    return Resources.load()


@pytest.fixture(scope="module")
def code(res):
    from casus.pipeline import code_article

    def run(text: str):
        return code_article(Article(id="t", text=text, published=PUBLISHED), res)

    return run


def dyads(coded):
    return {(e.source.country or e.source.code[:3], e.target.country or e.target.code[:3], e.cameo[:2], e.status)
            for e in coded.events}


def test_accusation_is_coded_with_its_direction(code):
    coded = code("Germany accused Poland of violating the border treaty.")
    assert dyads(coded) == {("DEU", "POL", "11", "asserted")}
    (event,) = coded.events
    assert event.explanation.entry and "accuse" in event.explanation.entry
    assert event.plover["type"] == "ACCUSE" and event.quad_class == 3


def test_passive_with_a_nominal_agent_takes_its_nationality(code):
    coded = code("Three Iraqi soldiers were killed by Iranian shelling on Monday.")
    assert {(s, t, c) for s, t, c, _ in dyads(coded)} == {("IRN", "IRQ", "19")}
    assert coded.events[0].cameo == "194"  # shelling: artillery


def test_reported_attack_is_alleged_and_the_report_is_an_accusation(code):
    coded = code("France said Russian troops attacked Ukrainian villages.")
    attack = next(e for e in coded.events if e.cameo.startswith("19"))
    assert (attack.source.country, attack.status, attack.attributed_to.country) == ("RUS", "alleged", "FRA")
    accusation = next(e for e in coded.events if e.cameo.startswith("11"))
    assert (accusation.source.country, accusation.target.country) == ("FRA", "RUS")
    assert not any(e.cameo == "010" for e in coded.events)  # "said" is not an event by itself
    assert any(l.kind == "accuses" and l.source_event == accusation.id for l in coded.links)


def test_own_side_conditional_attack_is_a_threat_not_an_attack(code):
    coded = code("Putin said his army would invade Georgia if NATO expanded.")
    assert {e.cameo for e in coded.events} == {"138"}
    (threat,) = coded.events
    assert (threat.source.country, threat.target.country) == ("RUS", "GEO")


def test_own_side_future_concession_is_an_intent(code):
    coded = code("Morocco said it would withdraw its troops from Mauritania.")
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in coded.events] == [("MAR", "MRT", "03")]


@pytest.mark.parametrize("text, status", [
    ("The Japanese prime minister will meet with the Chinese president next week.", "future"),
    ("India did not attack Pakistan.", "negated"),
])
def test_modality_sets_the_status(code, text, status):
    coded = code(text)
    assert coded.events and {e.status for e in coded.events} == {status}


def test_coordinated_subjects_give_one_event_each(code):
    coded = code("Brazil and Argentina signed a trade agreement with Chile.")
    assert {(s, t, c) for s, t, c, _ in dyads(coded)} == {("BRA", "CHL", "05"), ("ARG", "CHL", "05")}


def test_denied_act_carries_the_denial(code):
    coded = code("China denied that its navy had attacked Philippine fishermen.")
    attack = next(e for e in coded.events if e.cameo.startswith("19"))
    assert attack.status == "denied" and attack.source.country == "CHN"


def test_rejecting_a_claim_links_to_the_accusation(code):
    coded = code("Mexico rejected an accusation by Colombia that Mexican troops had attacked Colombian villages.")
    rejection = next(e for e in coded.events if e.cameo.startswith("12"))
    assert (rejection.source.country, rejection.target.country) == ("MEX", "COL")
    accusation = next(e for e in coded.events if e.cameo.startswith("11"))
    assert (accusation.source.country, accusation.target.country) == ("COL", "MEX")
    assert any(l.kind == "rejects" and (l.source_event, l.target_event) == (rejection.id, accusation.id)
               for l in coded.links)


def test_appeal_to_act_is_coded_as_the_appeal(code):
    coded = code("The European Union called on Serbia to release the detained journalists.")
    assert [(e.source.code[:3] if e.source.code else None, e.target.country, e.cameo[:2]) for e in coded.events] \
        == [("IGO", "SRB", "02")]


def test_repeats_in_one_article_are_merged_with_all_mentions(code):
    coded = code("Germany accused Poland of bad faith. On Tuesday Germany accused Poland of bad faith again.")
    accusations = [e for e in coded.events if e.cameo.startswith("11")]
    assert len(accusations) == 1 and len(accusations[0].mentions) == 2


def test_sentences_without_events_say_why(code):
    coded = code("The weather was pleasant in Paris. Officials met.")
    reasons = {r["sentence"]: r["reason"] for r in coded.rejected if "sentence" in r}
    assert reasons[0] == "no trigger"
    assert reasons[1].startswith("no actor")
    assert not coded.events


def test_rejecting_an_earlier_allegation_links_across_sentences(code):
    coded = code("Colombia accused Mexico of arming the rebels. Mexico rejected the allegation on Friday.")
    accusation = next(e for e in coded.events if e.cameo.startswith("11"))
    rejection = next(e for e in coded.events if e.cameo.startswith("12"))
    assert (rejection.source.country, rejection.target.country) == ("MEX", "COL")
    assert [(l.kind, l.target_event) for l in coded.links if l.source_event == rejection.id] == [("rejects", accusation.id)]


def test_a_meeting_of_several_parties_is_coded_both_ways(code):
    coded = code("Peru, Chile and Bolivia met on Monday.")
    pairs = {(e.source.country, e.target.country) for e in coded.events if e.cameo.startswith("04")}
    assert pairs == {(a, b) for a in ("PER", "CHL", "BOL") for b in ("PER", "CHL", "BOL") if a != b}


def test_an_uncoded_but_named_target_is_kept_with_its_text(code):
    coded = code("The Norwegian government arrested Tomas Ekberg in Oslo.")
    (event,) = coded.events
    assert (event.source.country, event.cameo[:2], event.target.text, event.target.code) == ("NOR", "17", "Tomas Ekberg", None)
    assert event.explanation.rule == "uncoded-target"


def test_a_demand_that_someone_act_targets_the_clause_subject(code):
    coded = code("Norway demanded that Sweden release the fishermen.")
    assert {(e.source.country, e.target.country, e.cameo[:2]) for e in coded.events} == {("NOR", "SWE", "10")}


def test_a_title_takes_its_country_from_an_of_phrase(code):
    coded = code("Egypt released the mayor of the Libyan town of Derna.")
    assert {(e.source.country, e.target.code, e.cameo[:2]) for e in coded.events} == {("EGY", "LBYGOV", "08")}


def test_co_speakers_announcing_their_own_act_do_not_accuse_each_other(code):
    coded = code("Chile and Peru said they would attack Bolivia.")
    assert not any(e.cameo.startswith("11") for e in coded.events)
    assert {e.target.country for e in coded.events} == {"BOL"}


def test_a_resignation_is_coded_without_a_target(code):
    coded = code("The Peruvian interior minister resigned on Tuesday.")
    (event,) = coded.events
    assert (event.source.country, event.cameo, event.target) == ("PER", "0831", None)


def test_saying_another_side_must_act_is_a_demand(code):
    coded = code("Norway said Sweden must return the fishing boats.")
    demand = next(e for e in coded.events if e.cameo.startswith("10"))
    assert (demand.source.country, demand.target.country, demand.status) == ("NOR", "SWE", "asserted")


def test_rejecting_a_proposal_targets_its_author(code):
    coded = code("Chile rejected a Peruvian proposal on fishing rights.")
    assert {(e.source.country, e.target.country, e.cameo[:2]) for e in coded.events} == {("CHL", "PER", "12")}


def test_a_state_and_its_own_government_are_not_a_dyad():
    from casus.extract.events import _self_directed
    from casus.records import Actor

    ankara = Actor("Ankara", (0, 6), code="TURGOV", country="TUR", role="GOV")
    turkey = Actor("Turkey", (30, 36), code="TUR", country="TUR")
    rebels = Actor("Kurdish militants", (40, 57), code="TURREB", country="TUR", role="REB")
    kremlin = Actor("the Kremlin", (60, 71), code="RUSGOV", country="RUS", role="GOV")
    assert _self_directed(ankara, turkey) and _self_directed(turkey, ankara)
    assert not _self_directed(ankara, rebels)  # a government acting on its own insurgents is a real dyad
    assert not _self_directed(kremlin, turkey) and not _self_directed(ankara, None)


def test_generic_agents_without_a_country_are_never_self_directed():
    from casus.extract.events import _self_directed
    from casus.records import Actor

    forces = Actor("Government forces", (0, 17), code="---MIL", role="MIL")
    rebels = Actor("rebels", (22, 28), code="---REB", role="REB")
    rivals = Actor("rival rebels", (40, 52), code="---REB", role="REB")
    assert not _self_directed(forces, rebels) and not _self_directed(rebels, rivals)
