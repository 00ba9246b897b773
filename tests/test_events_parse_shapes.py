"""The event coder on parse shapes a statistical parser produces for common news constructions
(a subordinating conjunction taken for a preposition, a conjunct pulled into a relative clause, a
participle taken for a noun modifier ...). Sentences written for these tests, not from the seed or
the gold articles; each checks the coded events, so a regression in the shape's handling fails
whichever way the shipped parser reads it.
"""
import datetime as dt

import pytest

from casus.records import Article

nlp_models = pytest.importorskip("casus.nlp")
if not (nlp_models.MODELS / "en_casus_fast" / "config.cfg").is_file():
    pytest.skip("no shipped parser model", allow_module_level=True)


@pytest.fixture(scope="module")
def code():
    from casus.pipeline import Resources, code_article

    res = Resources.load()
    return lambda text: code_article(Article(id="t", text=text, published=dt.date(2022, 3, 8)), res)


def dyads(coded) -> set[tuple[str, str | None, str]]:
    """(source country, target country, CAMEO root) of every event."""
    def side(actor):
        return None if actor is None else actor.country or (actor.code or "")[:3] or None

    return {(side(e.source), side(e.target), e.cameo[:2]) for e in coded.events}


def test_a_clause_after_a_subordinator_is_no_part_of_the_main_clause(code):
    """"X took issue with Y after Z said ..." (the parser may make "said" the root and "after" a case
    marker of Z): the main clause is asserted, not Z's claim; Z's conditional attack is Z's threat."""
    coded = code("Brazil took issue with Argentina after Fernandez said his army would attack Paraguayan forces "
                 "if another Argentine soldier was killed.")
    objection = next(e for e in coded.events if e.source.country == "BRA")
    assert (objection.target.country, objection.cameo[:2], objection.status, objection.attributed_to) == \
        ("ARG", "11", "asserted", None)
    threat = next(e for e in coded.events if e.cameo.startswith("13"))
    assert (threat.source.country, threat.target.country) == ("ARG", "PRY")
    assert not any(e.cameo[:2] in ("18", "19", "20") for e in coded.events)
    assert any(link.kind == "responds_to" and (link.source_event, link.target_event) == (objection.id, threat.id)
               for link in coded.links)


def test_a_conjunct_after_a_relative_clause_coordinates_with_the_clause_noun(code):
    """"Madrid, which supports X, and Algiers, which supports Y": Algiers backs Y only, and Madrid does
    not back Algiers."""
    coded = code("Madrid, which supports the Moroccan government, and Algiers, which supports Polisario rebels, "
                 "have clashed for years.")
    support = {(s, t) for s, t, root in dyads(coded) if root == "05"}
    assert ("ESP", "MAR") in support
    assert ("ESP", "DZA") not in support and ("DZA", "MAR") not in support


def test_speakers_parsed_as_two_subjects_each_announce_their_act(code):
    coded = code("Kenya and Uganda said they would attack Somali militants.")
    assert dyads(coded) == {("KEN", "SOM", "13"), ("UGA", "SOM", "13")}


def test_a_participle_after_a_subordinated_subject_is_its_verb(code):
    """"since the government last month imposed sanctions" read as "since the government" and
    "imposed sanctions"."""
    coded = code("Trade between the two countries has slumped since the Kenyan government last month imposed "
                 "sanctions on Somali traders.")
    assert ("KEN", "SOM", "16") in dyads(coded)


def test_a_perfect_auxiliary_parsed_as_the_main_verb(code):
    """"have all scheduled meetings" with "have" as the verb and "scheduled" a modifier of "meetings"."""
    coded = code("The foreign ministers of Peru and Chile have all scheduled meetings with Bolivian officials.")
    assert {("PER", "BOL", "04"), ("CHL", "BOL", "04")} <= dyads(coded)


def test_an_intended_act_belongs_to_whoever_holds_the_intention(code):
    coded = code("Canada announced a plan to impose sanctions on Belarusian officials.")
    assert ("CAN", "BLR", "16") in dyads(coded)


def test_an_act_under_whether_is_hypothetical(code):
    coded = code("Japan will decide in March whether to impose new sanctions on North Korea.")
    (sanctions,) = [e for e in coded.events if e.cameo.startswith("16")]
    assert (sanctions.source.country, sanctions.target.country, sanctions.status) == ("JPN", "PRK", "hypothetical")


def test_a_participial_adjunct_takes_the_clause_subject(code):
    """"Praising Israel, the minister condemned ...": the minister praises; Israel is nobody's source."""
    coded = code("Praising Israel, the Hungarian foreign minister condemned what he called the hypocrisy of "
                 "other nations.")
    assert ("HUN", "ISR", "05") in dyads(coded)
    assert not any(e.source.country == "ISR" for e in coded.events)


def test_a_with_phrase_before_a_participle_is_its_subject(code):
    """"..., with the EU and Arab states, including Egypt, condemning X": each of them condemns."""
    coded = code("Turkey has faced growing isolation, with the European Union and Arab states, including Egypt and "
                 "Jordan, condemning its attacks on Kurdish towns.")
    critics = {s for s, t, root in dyads(coded) if root == "11" and t == "TUR"}
    assert {"EGY", "JOR"} <= critics
    assert not any(e.source.country == "TUR" for e in coded.events)


def test_a_plan_to_strike_in_quotation_marks_is_a_threat(code):
    """'is "examining the plan" to strike' (the subject may be labelled nsubj:outer): a threat, no attack."""
    coded = code('Iran\'s navy is "examining the operational plan" to strike oil tankers in the Gulf of Oman.')
    assert {root for _, _, root in dyads(coded)} == {"13"}
    assert all(e.source.country == "IRN" for e in coded.events)


def test_a_clause_before_but_is_no_part_of_the_later_report(code):
    """"X accused Y, but Z said ..." (the parser may make "said" the root over "accused"): X's accusation
    is asserted, not Z's claim, and Z does not accuse X."""
    coded = code("Rights groups have accused the Bolivian army of using excessive force, but Defence Minister "
                 "Javier Zavaleta said soldiers had had no choice.")
    accusation = next(e for e in coded.events if e.cameo.startswith("11"))
    assert (accusation.target.country, accusation.status, accusation.attributed_to) == ("BOL", "asserted", None)
    assert not any(e.source.country == "BOL" for e in coded.events)


def test_the_pledger_acts_not_a_party_named_after_the_infinitive(code):
    """"X pledged to expel Y ... by A, B and other neighbours" (the parser may hang "B" on "pledged" as
    an object): an object after the infinitive does not control it (the vowed expulsion is Jordan's threat)."""
    coded = code("Jordan has pledged to expel exiled leaders of Syria's Muslim Brotherhood as one of the conditions "
                 "of an agreement forced on the kingdom by Saudi Arabia, Bahrain and other neighbours.")
    expulsions = [e for e in coded.events if e.cameo.startswith(("17", "13"))]
    assert expulsions and {e.source.country for e in expulsions} == {"JOR"}


def test_calling_someone_a_name_when_both_nouns_are_parsed_as_predicates(code):
    coded = code("A day after President Erdogan called Mr. Netanyahu a “terrorist” and warned him, Israel recalled "
                 "its diplomats.")
    assert ("TUR", "ISR", "11") in dyads(coded)


def test_a_clause_opened_by_after_is_not_the_content_of_a_later_verb(code):
    """"After X did A, Y recalled its diplomats" (the parser may hang "recalled" under A's clause): A is
    asserted, not Y's claim, and Y accuses no one."""
    coded = code("A day after President Erdogan called Mr. Netanyahu a “terrorist” and warned him, Israel recalled "
                 "its diplomats.")
    assert all(e.status == "asserted" and e.attributed_to is None for e in coded.events)
    assert not any(e.source.country == "ISR" and e.cameo.startswith("11") for e in coded.events)


def test_an_act_by_way_of_response_links_to_what_it_answers(code):
    coded = code("Egypt condemned the Ethiopian dam project on Monday. Ethiopia responded to Egypt's criticism on "
                 "Tuesday by accusing it of colonial arrogance.")
    criticism = next(e for e in coded.events if e.source.country == "EGY")
    answer = next(e for e in coded.events if e.source.country == "ETH")
    assert answer.cameo.startswith("11") and answer.target.country == "EGY"
    assert any(link.kind == "responds_to" and (link.source_event, link.target_event) == (answer.id, criticism.id)
               for link in coded.links)


def test_a_relative_pronoun_is_the_object_of_the_clause_complement(code):
    """"Hamas, which the army tried to suppress" (the parser may hang "which" on "tried"): the army
    suppresses Hamas; Hamas is not the one trying."""
    coded = code("The general is hated by Hamas, which the Egyptian army tried to suppress in the 1990s.")
    assert ("EGY", "PSE", "17") in dyads(coded)
    assert not any(e.source.code and e.source.code.startswith("PSE") for e in coded.events)


def test_an_act_criticised_as_not_done_is_not_alleged(code):
    """"criticized X for not agreeing to ...": X's agreement stays negated, not alleged by the critic."""
    coded = code("Qatar criticized the Arab League for not agreeing to Qatar's request for talks with Iran.")
    assert any(e.source.country == "QAT" and e.cameo.startswith("11") for e in coded.events)
    refused = [e for e in coded.events if e.target is not None and e.target.country == "QAT"]
    assert refused and all(e.status == "negated" and e.attributed_to is None for e in refused)


def test_a_passive_subject_labelled_active_is_still_the_one_acted_on(code):
    """"X says Y should be disarmed" with Y parsed as an active subject of the passive: X demands of Y; a
    passive whose agent is named (also on a conjunct) asks the agent, not the subject."""
    assert ("TUR", "SYR", "10") in dyads(code("Turkey says the Syrian army should be disarmed under any settlement."))
    respected = code("Brazil said the tribunal must be respected and supported by all nations.")
    assert not [d for d in dyads(respected) if d[2] == "10"]


def test_a_conjunct_cut_off_as_a_participles_subject_is_not_its_agent(code):
    """"X lost soldiers and medics fighting Y": the participle tells how X lost them; the medics do not fight."""
    found = dyads(code("Ukraine has lost 40 soldiers and two medics fighting Russian forces near Bakhmut."))
    assert ("UKR", "RUS", "19") in found and len({d for d in found if d[2] == "19"}) == 1


def test_a_list_of_names_read_as_an_apposition_is_still_a_list(code):
    found = dyads(code("Chile, Peru, and Bolivia met in Lima on Monday."))
    assert {(a, b) for a, b, root in found if root == "04"} >= {("CHL", "PER"), ("PER", "BOL"), ("BOL", "CHL")}


def test_a_time_phrase_taken_for_a_subject_is_not_the_agent(code):
    coded = code("Hours later, Mr. Vieira, the Brazilian foreign minister, announced the severing of diplomatic ties "
                 "with Venezuela.")
    assert ("BRA", "VEN", "16") in dyads(coded)


def test_an_opening_participle_shares_the_main_clauses_subject(code):
    coded = code("Defending Poland, the Lithuanian president criticised the decision by the European Commission.")
    assert ("LTU", "POL", "05") in dyads(coded)


def test_his_country_is_a_country_not_the_speaker(code):
    """"conspiring to destroy his country": the country of whoever "his" is, so no act of a minister on himself."""
    coded = code("The Iraqi foreign minister accused Iran of financing militias and conspiring to destroy his country.")
    assert not [d for d in dyads(coded) if d[0] == d[1] == "IRQ"]
    assert all(e.target is None or e.target.code != e.source.code for e in coded.events)


def test_an_accusation_hung_on_the_accused_still_makes_the_act_alleged(code):
    coded = code("Armenia accused Azerbaijan of shelling Armenian villages.")
    shelling = [e for e in coded.events if e.cameo[:2] == "19"]
    assert shelling and all(e.status == "alleged" and e.attributed_to.country == "ARM" for e in shelling)


def test_an_amount_carries_the_phrase_naming_its_recipient(code):
    coded = code("The Japanese parliament approved $300 million in emergency funding for Ukraine's energy grid.")
    assert ("JPN", "UKR", "07") in dyads(coded)


def test_a_causative_object_does_what_the_infinitive_says(code):
    coded = code("The ruling led Egyptian officials to cancel talks with Ethiopia.")
    assert ("EGY", "ETH", "12") in dyads(coded)


def test_a_weapon_as_agent_is_fired_by_its_launcher(code):
    """"was hit by a rocket (believed to be) fired by X": X is the source, wherever the parse hangs the participle."""
    assert ("RUS", "UKR", "19") in dyads(code("The Ukrainian convoy was hit by a rocket fired by Russian forces."))
    assert ("PSE", "ISR", "19") in dyads(code("Two Israeli soldiers were killed by a bomb believed to have been planted "
                                              "by Hamas militants."))


#: (shape, sentence, a dyad that must be coded): shapes the cheaper parser (runL) produces for common news constructions.
#: Six of them ('shot', the jets' compound subject, the participle under "law", the causative's oblique, "deployed" as
#: a participle, the "that" clause) were read the easy way by the shipped model at review 80 and pass without their
#: rules; they still guard the outcome, but sentences that the model parses into those shapes are yet to be found.
READ_THROUGH = [
    ("a form the lemmatizer mangles ('shot')", "Taliban gunmen shot two Afghan policemen in Kandahar on Sunday.",
     ("AFG", "AFG", "19")),
    ("members named after a group noun no actor heads",
     "Several countries, including France and Germany, condemned the Russian invasion.", ("DEU", "RUS", "11")),
    ("a subject the parse hung on the object as a compound",
     "Russian jets bombed rebel positions in Daraa province on Monday.", ("RUS", "SYR", "19")),
    ("an insult taken for an apposition, then a medium",
     "The French foreign minister called the Iranian president's speech \"a disgrace\" on television.",
     ("FRA", "IRN", "11")),
    ("an infinitive taken for a compound after an aspect verb",
     "Iran-backed militias continue to wage attacks on American bases in Iraq.", ("IRN", "USA", "19")),
    ("an act measured by a change of amount",
     "The Japanese government ordered the doubling of tariffs against South Korea.", ("JPN", "KOR", "16")),
    ("an agentless arrest reported from a place",
     "In Cairo, a police spokesman told reporters that 40 people had been arrested.", ("EGY", "EGY", "17")),
    ("a participle hung above the noun it follows",
     "Thousands marched against a security law recently imposed by Beijing.", ("CHN", None, "17")),
    ("a causative's object with the infinitive as an oblique or complement",
     "The ruling led Palestinian leaders to boycott the talks with Washington.", ("PSE", None, "14")),
    ("forces deployed as a participle deploy themselves",
     "Chilean troops deployed in Valparaiso helped to restore order.", ("CHL", None, "15")),
    ("a 'that' clause taken for a relative clause still names the other side",
     ("Moscow said last week that Mr. Putin would not meet Mr. Biden, but on Monday the Kremlin's spokesman held "
      "out the possibility of a meeting."), ("RUS", "USA", "03")),
    ("a subject pronoun taken for an expletive",
     "The French government told the United Nations that it is prepared to send troops to Mali.", ("FRA", "MLI", "03")),
    ("a bombardment of something a figure of speech could name ('market')",
     "Russian warplanes bombed a market in Idlib on Tuesday, rescue workers said.", ("RUS", "SYR", "19")),
    ("a list item taken for a bare modifier, a relative clause on the group noun",
     ("The leaders of Germany, France and the UK - which were all signatories to the 2015 deal, alongside China and "
      "Russia - urged Iran to reverse its decision."), ("GBR", "IRN", "02")),
    ("a statement's author when it comes 'with' the statement",
     "The Egyptian foreign ministry responded with a statement criticizing Ethiopia.", ("EGY", "ETH", "11")),
    ("an act repeated", "The Iranian president also repeated a controversial threat to target American bases on Sunday.",
     ("IRN", "USA", "13")),
    ("an abduction with no agent is the leading armed group's",
     ("Two Israeli soldiers were abducted near the Lebanese border on Wednesday. Hezbollah fighters had fired "
      "rockets at Israeli towns a day earlier. Israel said Hezbollah would pay a heavy price."), ("LBN", "ISR", "18")),
]


@pytest.mark.parametrize("text, dyad", [c[1:] for c in READ_THROUGH], ids=[c[0] for c in READ_THROUGH])
def test_the_coder_reads_through_the_shape(code, text, dyad):
    assert dyad in dyads(code(text))


def test_naming_someone_on_a_day_or_a_medium_is_no_appeal(code):
    """"called X a liar on Tuesday", "called X's skills 'a con job' on Twitter": a naming, not "call on" (020)."""
    for text in ("The Turkish president called the Greek prime minister a liar on Tuesday.",
                 "The Greek foreign minister called Turkey's proposal \"a con job\" on Twitter."):
        assert not any(root == "02" for *_, root in dyads(code(text)))
    assert ("TUR", "GRC", "11") in dyads(code("The Turkish president called the Greek prime minister a liar on Tuesday."))
