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
    return {(e.source.country or e.source.code[:3], e.target and (e.target.country or e.target.code[:3]), e.cameo[:2], e.status)
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
    coded = code("The Norwegian government arrested Gen. Tomas Ekberg in Oslo.")  # (an officer the KB does not know)
    (event,) = coded.events
    assert (event.source.country, event.cameo[:2], event.target.text, event.target.code) == \
        ("NOR", "17", "Gen. Tomas Ekberg", None)
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


# --- roles: receiving verbs, lists, reduced relatives, refusals, "of" heads ----------------------------
def test_an_act_received_from_another_side_is_that_sides_act_on_the_recipient(code):
    assert ("ETH", "KEN", "03", "asserted") in dyads(code("Kenya received assurances from Ethiopia on Monday."))
    assert ("GBR", "NGA", "10", "asserted") in dyads(code("Nigeria faced pressure from Britain to release the prisoners."))


def test_a_list_of_three_that_met_meets_pairwise(code):
    found = {(s, t) for s, t, root, _ in dyads(code("Egypt, Jordan and Israel met in Cairo on Monday.")) if root == "04"}
    assert found == {(a, b) for a in ("EGY", "JOR", "ISR") for b in ("EGY", "JOR", "ISR") if a != b}


def test_soldiers_killed_somewhere_are_victims_not_attackers(code):
    coded = code("Five Egyptian soldiers killed near the border were buried on Sunday.")
    assert not [e for e in coded.events if e.source.country == "EGY" and e.quad_class == 4]


def test_saying_ones_side_will_not_cooperate_is_a_refusal(code):
    coded = code("Japan said it would not provide aid to Myanmar.")
    assert ("JPN", "MMR", "12", "asserted") in dyads(coded)
    assert not [e for e in coded.events if e.cameo.startswith("07")]


def test_an_agent_named_with_a_phrase_hung_on_the_verb_takes_its_country(code):
    coded = code("Protesters in Hong Kong received envoys from the Chinese government.")
    assert {e.target.code for e in coded.events if e.cameo.startswith("04")} == {"CHNGOV"}


def test_inspectors_of_an_organisation_stand_for_it(code):
    coded = code("Iran expelled monitors of the International Atomic Energy Agency.")
    assert [e.target.code[:3] for e in coded.events if e.cameo.startswith("16")] == ["IGO"]


def test_a_leader_preparing_to_visit_is_the_visitor(code):
    assert ("FRA", "DZA", "04", "future") in dyads(code("The talks came as the French leader prepared to visit Algeria."))


def test_a_meeting_with_someone_is_held_by_both_sides_unless_it_is_refused(code):
    met = dyads(code("The Indian foreign minister met with the Chinese foreign minister in Moscow."))
    assert {("IND", "CHN", "04", "asserted"), ("CHN", "IND", "04", "asserted")} <= met
    refused = dyads(code("Japan said its prime minister would not meet with the Chinese president."))
    assert ("JPN", "CHN", "12", "asserted") in refused and not [d for d in refused if d[0] == "CHN"]


def test_warning_someone_is_a_threat_and_warning_of_something_is_not(code):
    assert ("BRA", "VEN", "13", "asserted") in dyads(code("Brazil warned Venezuela that it would face consequences."))
    assert not [d for d in dyads(code("Brazil warned of rising prices.")) if d[2] == "13"]


def test_a_plan_to_attack_is_a_threat_not_an_attack(code):
    found = dyads(code("The Sudanese army approved a plan to attack rebel positions in Chad."))
    assert ("SDN", "TCD", "13", "asserted") in found
    assert not [d for d in found if d[2] in ("18", "19", "20")]


def test_an_act_someone_failed_to_do_is_negated(code):
    statuses = {status for _, _, root, status in dyads(code("Kenya and Somalia failed to reach an agreement on the border."))
                if root == "05"}
    assert statuses == {"negated"}


def test_speakers_announcing_what_they_will_do_each_announce_it(code):
    refusals = {(s, t) for s, t, root, _ in dyads(code("Japan and India said they would not send troops to Sri Lanka."))
                if root == "12"}
    assert refusals == {("JPN", "LKA"), ("IND", "LKA")}


def test_a_deal_someone_had_struck_is_not_dated_on_the_publication_day(code):
    coded = code("Peru said it remained committed to a deal it had struck with Chile.")
    deal = next(e for e in coded.events if e.cameo.startswith("057"))
    assert deal.date.start is None and deal.date.inferred


def test_insisting_that_something_is_so_is_no_demand(code):
    assert not [d for d in dyads(code("Norway insisted that there was no link between Sweden and the attacks.")) if d[2] == "10"]


def test_a_purpose_clause_is_the_subjects_aim_not_the_objects(code):
    coded = code("Irish farmers will blockade Dublin from Monday night to demand aid from the European Union.")
    demands = {(e.source.text, e.target.code[:3]) for e in coded.events if e.cameo.startswith("10")}
    assert demands == {("Irish farmers", "IGO")}


def test_tear_gas_is_repression_not_a_chemical_weapon(code):
    found = dyads(code("Riot police fired tear gas at Chilean students in Santiago."))
    assert [d for d in found if d[2] == "17"] and not [d for d in found if d[2] == "20"]


def test_whoever_is_to_blame_is_accused_by_the_one_who_says_so(code):
    found = dyads(code("Kuwait's ambassador said Hamas was to blame for the violence."))
    assert ("KWT", "PSE", "11", "asserted") in found and not [d for d in found if d[0] == "PSE"]


def test_a_verb_the_parse_hung_inside_a_noun_phrase_keeps_its_subject_and_object(code):
    found = dyads(code("Iran's supreme leader rejected talks with the United States."))
    assert ("IRN", "USA", "12", "asserted") in found and not [d for d in found if d[2] == "04"]


def test_a_call_on_someone_to_act_is_the_specific_appeal(code):
    coded = code("The African Union called on Ethiopia to withdraw its troops from Somalia.")
    assert [(e.source.code[:3], e.target.country, e.cameo) for e in coded.events if e.cameo.startswith("02")] \
        == [("IGO", "ETH", "025")]


def test_the_nearest_other_side_is_not_taken_from_a_relative_clause_about_someone_else(code):
    coded = code("The plan was opposed by Senator Smith, who has argued that Iran must disarm as Libya did.")
    assert not [e for e in coded.events if e.target is not None and e.target.country == "LBY"]


#: (what it shows, sentence, dyads it must code) — sentences written for these tests.
CODED_AS = [
    ("coordinated nationality adjectives name one actor each", "The Dutch and Belgian governments sided with Morocco.",
     {("NLD", "MAR", "05", "asserted"), ("BEL", "MAR", "05", "asserted")}),
    ("a meeting that will not happen is a refusal, without a speaker", "Erdogan would not meet with Macron in Paris.",
     {("TUR", "FRA", "12", "asserted")}),
    ("a criticism with no syntactic target aims at the other side named",
     "The Kenyan foreign minister condemned the killing of protesters in Uganda.", {("KEN", "UGA", "11", "asserted")}),
    ("a report of an attack with no target still accuses its author",
     "Egypt contended that it was Libya that had carried out the airstrike.", {("EGY", "LBY", "11", "asserted")}),
    ("a spokesman for a leader speaks for the leader's country",
     "A spokesman for President Emmanuel Macron rejected the German proposal.", {("FRA", "DEU", "12", "asserted")}),
    ("a relative clause on a coordination belongs to every conjunct",
     "Germany and France, which condemned Syria on Monday, met in Berlin.",
     {("DEU", "SYR", "11", "asserted"), ("FRA", "SYR", "11", "asserted")}),
    ("calling someone an insult is a criticism", "The Iranian president called the Saudi king a criminal.",
     {("IRN", "SAU", "11", "asserted")}),
    ("a statement from an actor is that actor's claim",
     "A statement from the Mexican Foreign Ministry said Guatemala had attacked Mexican border guards.",
     {("MEX", "GTM", "11", "asserted")}),
    ("an irregular past the lemmatizer keeps still triggers", "Ethiopian jets struck Somali positions.",
     {("ETH", "SOM", "19", "asserted")}),
    ("actors together with the subject are sources too", "Together with Chad, Niger launched air strikes on Mali.",
     {("NER", "MLI", "19", "asserted"), ("TCD", "MLI", "19", "asserted")}),
    ("the one who suffers an act by someone is its target", "Lebanon suffered repeated attacks by Syrian troops.",
     {("SYR", "LBN", "19", "asserted")}),
    ("a withdrawal announced is a retreat from the country named",
     "London announced the withdrawal of British troops from Afghanistan.", {("GBR", "AFG", "08", "asserted")}),
    ("an ambassador recalled from a country reduces relations with it", "Ecuador recalled its ambassador from Mexico.",
     {("ECU", "MEX", "16", "asserted")}),
    ("praising an agreement between two sides praises both", "Canada praised the agreement between Ethiopia and Eritrea.",
     {("CAN", "ETH", "05", "asserted"), ("CAN", "ERI", "05", "asserted")}),
    ("a call for something in a country is an appeal to it", "The Italian prime minister called for elections in Libya.",
     {("ITA", "LBY", "02", "asserted")}),
    ("an offer to mediate between two sides names them", "Qatar offered to mediate between Sudan and South Sudan.",
     {("QAT", "SDN", "03", "asserted"), ("QAT", "SSD", "03", "asserted")}),
    ("the leaders of several countries are each a source", "The presidents of Chile, Peru and Bolivia scheduled talks with Argentina.",
     {("CHL", "ARG", "04", "asserted"), ("PER", "ARG", "04", "asserted"), ("BOL", "ARG", "04", "asserted")}),
    ("sitting down with someone is a meeting", "The Norwegian prime minister sat down with Swedish leaders in Oslo.",
     {("NOR", "SWE", "04", "asserted")}),
    ("ending joint exercises with an ally is a de-escalation", "Japan halted joint military exercises with the Philippines.",
     {("JPN", "PHL", "08", "asserted")}),
    ("praising the act of a country praises that country", "Lithuania praised the swift reaction of the United States.",
     {("LTU", "USA", "05", "asserted")}),
]


@pytest.mark.parametrize("sentence, expected", [c[1:] for c in CODED_AS], ids=[c[0] for c in CODED_AS])
def test_sentence_is_coded_with_its_dyads(code, sentence, expected):
    assert expected <= dyads(code(sentence))


def test_the_act_someone_is_accused_of_is_alleged_by_the_accuser(code):
    coded = code("The Indian army accused Pakistan of violating the ceasefire in Kashmir.")
    violation = next(e for e in coded.events if e.cameo.startswith("19"))
    assert (violation.source.country, violation.status, violation.attributed_to.country) == ("PAK", "alleged", "IND")
    accusation = next(e for e in coded.events if e.cameo.startswith("11"))
    assert any((l.kind, l.source_event, l.target_event) == ("accuses", accusation.id, violation.id) for l in coded.links)


def test_an_accusation_its_target_denies_stays_the_accusers_act(code):
    coded = code("Washington accused Tehran of orchestrating the attacks, which Iran denied.")
    assert {(e.source.country, e.target.country, e.cameo[:2], e.status) for e in coded.events if e.cameo.startswith("11")} \
        == {("USA", "IRN", "11", "asserted")}
