"""Statement coding (casus/extract/statements.py, lexicon/statements.yaml): a report whose content codes no
event is the speaker's verbal act toward whom the content is about, when its words say which act; checked on
sentences written for these tests, with the cue file's loader and its errors."""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark, side  # noqa: F401 (the coder fixture; skipped with no parser model)

from casus.extract.lexicon import LEXICON_DIR, LexiconError
from casus.extract.statements import StatementCues
from casus.knowledge.ontology import Ontology

RULE = "statement-content"


def stated(coded) -> list:
    return [e for e in coded.events if e.explanation.rule == RULE]


#: (what is checked, sentence, (CAMEO code, source side, target side, status) of the one statement event)
CODED = [
    ("an evaluation of another side's act criticises its author",
     "Chile's foreign minister said the Peruvian decision was reckless.", ("111", "CHL", "PER", "asserted")),
    ("'the move' is the act last reported, by its author",
     "Kosovo police raided a town in the north on Monday. Serbia's president said the move was outrageous.",
     ("111", "SRB", "XKX", "asserted")),
    ("an insult predicated of a leader", "The Zambian president said the Malawian leader was a liar.",
     ("112", "ZMB", "MWI", "asserted")),
    ("blaming another side for an act is an accusation",
     "Morocco's interior minister said Algeria was responsible for the unrest in the desert.", ("112", "MAR", "DZA", "asserted")),
    ("... also with 'behind'", "Armenia said Azerbaijan was behind the shelling of the village.", ("112", "ARM", "AZE", "asserted")),
    ("calling another's claims false is a denial aimed at their author",
     "The Serbian government said the Croatian reports were groundless.", ("016", "SRB", "HRV", "asserted")),
    ("announcing one's own response to another side is a threat",
     "Seoul warned that it would take all necessary measures against Pyongyang.", ("130", "KOR", "PRK", "asserted")),
    ("... aimed at the other side named in the sentence when what is said names none",
     "After Slovenian police closed the border, Croatia warned that it would respond.", ("130", "HRV", "SVN", "asserted")),
    ("saying another side will pay a price threatens it",
     "The Georgian defence minister said Russia would pay a heavy price.", ("130", "GEO", "RUS", "asserted")),
    ("pledging to work with another side", "\"We will work closely with Moldova,\" the Romanian prime minister said.",
     ("030", "ROU", "MDA", "asserted")),
    ("saying one's invitation stands is an offer to meet (a cue that goes on from the subject into what is said of it)",
     "The Sudanese army said its invitation to Chad still stood.", ("036", "SDN", "TCD", "asserted")),
    ("an optimistic comment about talks with another side",
     "The Norwegian foreign minister said he was hopeful about the negotiations with Iceland.", ("013", "NOR", "ISL", "asserted")),
    ("a pessimistic comment", "Japan's trade minister said the talks with South Korea were deadlocked.",
     ("012", "JPN", "KOR", "asserted")),
    ("a cue in a noun's prepositional clause", "The Kenyan foreign minister said Somalia had a long history of lying.",
     ("112", "KEN", "SOM", "asserted")),
    ("calling another side's act a good step praises its author",
     "Ghana's president said the Togolese decision was a positive step.", ("051", "GHA", "TGO", "asserted")),
    ("calling another side's plan unthinkable rejects it", "The Cuban government said the Mexican plan was a non-starter.",
     ("120", "CUB", "MEX", "asserted")),
    ("the speaker's anger at another side's act", "The Peruvian president said he was furious at Bolivia's decision.",
     ("111", "PER", "BOL", "asserted")),
    ("a pronoun the coreference gives another side is what the statement is about",
     "Armenian forces shelled the village overnight. The Azerbaijani president said they were war criminals.",
     ("111", "AZE", "ARM", "asserted")),
    ("a pronoun in a quote is what the report is 'said of'",
     "\"This is a welcome step,\" the Slovenian prime minister said of the Croatian proposal.", ("051", "SVN", "HRV", "asserted")),
    ("... also for the speaker's own feeling", "\"We are furious,\" the Lebanese foreign minister said of the Syrian raid.",
     ("111", "LBN", "SYR", "asserted")),
    ("the author of what the content says is answered (a word of response governs the cue)",
     "The Kenyan defence minister said the deployment was a response to hostile behaviour by Somali forces.",
     ("111", "KEN", "SOM", "asserted")),
    ("'cannot allow' announces a threat", "\"We cannot allow Serbia to annex the valley,\" the Kosovar prime minister said.",
     ("130", "XKX", "SRB", "asserted")),
    ("what a report interrupts is said of the phrase before it",
     "The Eritrean proposal, the Ethiopian minister said, was a positive step.", ("051", "ETH", "ERI", "asserted")),
    ("'according to X' reports the clause it hangs on, as a verb of saying does",
     "Uganda was behind the raid on the border town, according to Rwanda's defence minister.", ("112", "RWA", "UGA", "asserted")),
    ("... also before the clause", "According to the Omani foreign ministry, the Yemeni proposal was a positive step.",
     ("051", "OMN", "YEM", "asserted")),
    ("calling another side's act something is saying it is that (a predicate of the object)",
     "The Estonian president called the Latvian proposal a positive step.", ("051", "EST", "LVA", "asserted")),
    ("... also parsed as two objects", "Uruguay called the Argentine decision an act of aggression.",
     ("111", "URY", "ARG", "asserted")),
    ("a common noun modifying the predicate is part of the cue",
     "Chile's foreign minister said the Peruvian referendum was a con job.", ("111", "CHL", "PER", "asserted")),
    ("a warning with no cue in what is said threatens the side it is about (the verb of saying is the act)",
     "Armenia warned that the Azerbaijani buildup could spark a new war.", ("130", "ARM", "AZE", "asserted")),
    ("hoping another side acts is optimism about it", "Bhutan said it hoped Nepal would show restraint.",
     ("013", "BTN", "NPL", "asserted")),
    ("wanting another side to act appeals to it", "The Thai prime minister said he wanted Cambodia to do more against smuggling.",
     ("020", "THA", "KHM", "asserted")),
    ("'it is time for X to' demands of X", "Qatar's foreign minister said it was time for Bahrain to rethink its policy.",
     ("100", "QAT", "BHR", "asserted")),
    ("... as does 'X needs to'", "Lithuania said Poland needed to explain its decision.", ("100", "LTU", "POL", "asserted")),
    ("the speaker's side not interested in what another side offers refuses it",
     "Serbia said it was not interested in talks with Kosovo.", ("120", "SRB", "XKX", "asserted")),
    ("sharing another side's view is accord", "The Belgian prime minister said he shared the concerns of the Dutch government.",
     ("019", "BEL", "NLD", "asserted")),
    ("gratitude to another side praises it", "The Jordanian king said Amman was grateful to Saudi Arabia for its help.",
     ("051", "JOR", "SAU", "asserted")),
    ("what 'there is' says exists is what is said (an intent to cooperate)",
     "Chile said there was a way forward in the talks with Peru.", ("030", "CHL", "PER", "asserted")),
    ("patience running out warns the side it is said of (an auxiliary may come between a cue's words)",
     "\"Our patience is wearing thin,\" the Moroccan foreign minister said of Algeria.", ("130", "MAR", "DZA", "asserted")),
    ("denying one's own side's part in another's loss", "The Sudanese army said its soldiers were not involved in the attack on the Chadian convoy.",
     ("016", "SDN", "TCD", "asserted")),
    ("the speaker's dismay at another side's act", "\"We are deeply disappointed,\" the Kenyan minister said of the Tanzanian ban.",
     ("110", "KEN", "TZA", "asserted")),
    ("'this is' an act names its author as the target", "\"This is a provocation by Pyongyang,\" the Japanese defence minister said.",
     ("111", "JPN", "PRK", "asserted")),
    ("what is fought is no accusation ('the fight against terrorism'): praise of a partner",
     "\"Egypt is a key partner in the fight against terrorism,\" the Italian minister said.", ("051", "ITA", "EGY", "asserted")),
    ("an auxiliary written with the typographic apostrophe announces the act ('’d')",
     "“We’d retaliate if Serbia annexed the valley,” the Kosovar prime minister said.", ("130", "XKX", "SRB", "asserted")),
    ("... also '’ll'", "“We’ll work closely with Hungary,” the Slovak prime minister said.", ("030", "SVK", "HUN", "asserted")),
    ("the object a cue's words enclose is whom it is about, not the subject",
     "The Belgian senator warned that the world would hold the Dutch authorities accountable.", ("130", "BEL", "NLD", "asserted")),
    ("a rejection whose content names no other side answers the nearest one in the sentence",
     "The Iranian minister said the deal was not renegotiable and that Washington’s move amounted to a desperate attempt.",
     ("120", "IRN", "USA", "asserted")),
    ("wanting to see another side do something is an appeal to it, not the speaker's own wish",
     "The Spanish minister said Madrid wanted to see Morocco return to the talks.", ("020", "ESP", "MAR", "asserted")),
    ("... also 'expected to see'", "The Indian minister said New Delhi expected to see Pakistan act against the militants.",
     ("020", "IND", "PAK", "asserted")),
    ("a question in another report the content goes on into does not undo the statement",
     "Israel's defence minister said Hezbollah would pay a heavy price, and asked: \"Who will protect Lebanon then?\"",
     ("130", "ISR", "LBN", "asserted")),
    ("... nor one in a quotation that follows", "The Peruvian minister said the Chilean plan was \"dead on arrival\" and asked: "
     "\"Why should we negotiate?\"", ("120", "PER", "CHL", "asserted")),
    ("an adverb between a cue's word and 'to' does not break it",
     "Iran said it had nothing whatsoever to do with the attack on the Saudi oil facility.", ("016", "IRN", "SAU", "asserted")),
    ("... nor 'at all'", "The Libyan army said it had nothing at all to do with Egypt.", ("016", "LBY", "EGY", "asserted")),
    ("the opposition is not the government's side: its warning about the government's plan is one",
     "The Venezuelan opposition warned that the Venezuelan government's plan would hurt farmers.", ("130", "VEN", "VEN", "asserted")),
    ("'’d' before a base form is 'would'", "“We’d be ready to respond to Albania,” the Serbian defence minister said.",
     ("130", "SRB", "ALB", "asserted")),
]


@pytest.mark.parametrize("what, sentence, expected", CODED, ids=[c[0] for c in CODED])
def test_statement_is_coded_as_the_speakers_act(code, what, sentence, expected):
    coded = code(sentence)
    events = stated(coded)
    assert [(e.cameo, side(e.source), side(e.target), e.status) for e in events] == [expected], (what, coded.events)
    assert events[0].attributed_to is None  # the speaker's own act, not a claim someone reports


NOT_CODED = [
    ("a plain report with neutral content", "The Danish foreign minister said the weather in Copenhagen was mild."),
    ("a cue with no actor the content is about", "The Bolivian finance minister said the economy was in a dangerous state."),
    ("a cue about the speaker itself", "Portugal's prime minister said his government had been wrong."),
    ("a content that negates its cue is not that act", "Austria's chancellor said the Slovak plan was not unacceptable."),
    ("... also with 'no longer'", "Hungary's foreign minister said the Croatian tariffs were no longer a violation of the treaty."),
    ("... and with 'nothing'", "The Slovak prime minister said the Czech government had done nothing wrong."),
    ("an insult naming the content's subject is no evaluation", "Chile said terrorists were tracking the convoys of Bolivian officials."),
    ("predicting another side's response is no threat", "Cyprus said Turkey would respond."),
    ("one's own response with no other side named", "Latvia said it would respond firmly."),
    ("an act whose author is not named", "Ecuador said the protests spoke to a failure of the Colombian police."),
    ("a title before a name is no comment", "The Kenyan president said he had written about the Ugandan presidential hopeful Bobi Wine."),
    ("what someone else knew is not what the speaker calls it", "The Greek minister said Turkish officials knew the plan was illegal."),
    ("praise of the speaker's own side", "The Nepalese prime minister said his government's decision was a positive step."),
    ("a verb 'welcome' is no praise of its subject", "The Swedish minister said Norway would welcome the refugees."),
    ("anger with no other side", "The Dutch prime minister said he was angry about the weather."),
    ("a pronoun that is the speaker", "The Moldovan president said he had been arrogant."),
    ("a negation written with a curly apostrophe", "The Latvian minister said Russia wasn’t interfering in the vote."),
    ("the victim in the cue's phrase is no target", "The Jordanian minister said the decision was a violation of Iraqi sovereignty."),
    ("'said of' what names no other side", "\"It was a mistake,\" the Georgian ambassador said of his own remarks."),
    ("a cue wholly inside the content's subject", "The Sudanese army said the threat to Chad was growing."),
    ("'according to' what names no actor", "The Malian plan was a mistake, according to several analysts."),
    ("calling someone on the phone names no predicate", "The Danish prime minister called the Norwegian king on Monday."),
    ("'there is no' solution is none", "The Swiss envoy said there was no military solution in Libya."),
    ("a warning told to someone is the event lexicon's, not the statement's", "The Estonian president warned Estonians not to travel to Belarus."),
    ("a warning about what names no actor", "The Finnish minister warned that the winter could be harsh."),
    ("a question is no statement", "“Do you think Uganda is behind the raid?” the Kenyan minister asked."),
    ("the speaker's own public is not the other side", "The Brazilian president said the Brazilian people must stay at home."),
    ("what a side may do is not asked of it", "The Kenyan president said the Kenyan parliament should be able to vote on the treaty."),
    ("'to' right after the word before it: a noun between is no infinitive",
     "Mexico's president said Guatemala needed time to review the plan."),
    ("the speaker's own wish is no appeal", "The Thai prime minister said he wanted to spend more time in Cambodia."),
    ("a warning named by its verb alone is not about the speaker's own side (a domestic rival's plan)",
     "Britain's Labour Party warned that the British government's plan could hurt farmers."),
    ("'would like to' go somewhere is the speaker's own wish too", "The Thai prime minister said he would like to spend more time in Cambodia."),
    ("a rejection does not answer the partner of a meeting the sentence names",
     "Speaking alongside German Chancellor Angela Merkel, the Turkish president said Turkey's borders were not negotiable."),
    ("... nor the place the speaker visits",
     "The Japanese prime minister, visiting Washington, said the status of the islands was not negotiable."),
    ("'’d' before a past participle is 'had': a past act is not announced",
     "“We’d already responded to Hezbollah,” the Israeli defence minister said."),
    ("... nor is a counterfactual past ('’d have')",
     "\"We'd have responded to Serbia if they had attacked,\" the Kosovar prime minister said."),
]


@pytest.mark.parametrize("what, sentence", NOT_CODED, ids=[c[0] for c in NOT_CODED])
def test_no_cue_or_no_target_codes_nothing(code, what, sentence):
    coded = code(sentence)
    assert not stated(coded), (what, coded.events)


def test_with_no_other_side_in_its_sentence_an_offer_answers_the_one_named_before(code):
    coded = code("Algeria turned down the proposal on Monday. The Tunisian foreign ministry said the invitation still stood.")
    assert [(e.cameo, side(e.source), side(e.target), e.sentence) for e in stated(coded)] == [("036", "TUN", "DZA", 1)], coded.events


def test_a_denial_is_not_aimed_at_a_side_only_the_sentence_before_names(code):
    coded = code("Lebanese police shut the border crossing on Monday. The Syrian army said its soldiers were not involved.")
    assert not stated(coded), coded.events


@pytest.mark.parametrize("text, expected", [
    ("Israel accused Hezbollah of firing the rockets. Hezbollah said it was not involved.", ("016", "LBN", "ISR", 1)),
    ("Saudi Arabia blamed Iran for the attack on its oil facilities. Iran said it had no role in the attack.",
     ("016", "IRN", "SAU", 1)),
    ("Ghana blamed Togo for the border clash on Sunday. The Togolese army said its soldiers were not responsible.",
     ("016", "TGO", "GHA", 1)),
])
def test_a_denial_answers_the_side_the_sentence_before_says_accuses_the_speakers_side(code, text, expected):
    coded = code(text)
    assert [(e.cameo, side(e.source), side(e.target), e.sentence) for e in stated(coded)] == [expected], coded.events


def test_a_rejection_answers_the_other_side_in_what_is_said_not_the_partner_of_the_talks(code):
    coded = code("The Saudi foreign minister, in talks with his Russian counterpart, said the kingdom's security was not "
                 "negotiable and Iran must stop its interference.")
    assert "RUS" not in [side(e.target) for e in stated(coded)], coded.events


def test_a_cue_does_not_skip_a_negative_word(code):
    coded = code("The Libyan army said it had nothing to do with Egypt.")  # not "have to": no demand
    assert [(e.cameo, side(e.source), side(e.target)) for e in stated(coded)] == [("016", "LBY", "EGY")], coded.events


def test_the_patient_of_a_passive_is_not_whom_a_demand_asks(code):
    coded = code("The Czech minister said the Slovak court must be respected by all parties.")
    assert not [e for e in stated(coded) if e.cameo.startswith("10")], coded.events


def test_no_event_keeps_the_reason(code):
    coded = code("The Icelandic prime minister said the fishing season had been long.")
    assert not coded.events
    assert [r["reason"] for r in coded.rejected] == ["no event in the reported content"]


def test_a_sentence_whose_verb_is_the_act_is_not_coded_twice(code):
    coded = code("Tunisia criticized Libya, saying the decision was unacceptable.")
    assert not stated(coded)
    assert [(side(e.source), side(e.target), e.cameo[:2]) for e in coded.events] == [("TUN", "LBY", "11")]


def test_a_report_whose_content_codes_an_event_is_not_coded_again(code):
    coded = code("Kuwait said Iraqi troops had attacked the border post, which was outrageous.")
    assert coded.events and not stated(coded)


def test_according_to_makes_a_reported_act_alleged_by_whom_it_names(code):
    coded = code("Ethiopian troops shelled the town of Badme, according to a statement from the Eritrean government.")
    shelled = [e for e in coded.events if e.cameo.startswith("19")]
    assert [(side(e.source), e.status, side(e.attributed_to)) for e in shelled] == [("ETH", "alleged", "ERI")]
    assert not stated(coded)


@pytest.mark.parametrize("sentence, expected", [
    ("Azerbaijan's foreign minister said the Armenian accusations were groundless.", ("016", "AZE", "ARM")),
    ("Hungary said the Slovak allegations of fraud were outrageous.", ("111", "HUN", "SVK")),
])
def test_what_a_report_says_of_anothers_claim_is_the_speakers_act_not_an_accusation(code, sentence, expected):
    coded = code(sentence)
    assert [(e.cameo, side(e.source), side(e.target)) for e in stated(coded)] == [expected], coded.events
    assert not [e for e in coded.events if e.explanation.rule == "reported-accusation"], coded.events


def test_calling_another_sides_act_an_attack_accuses_its_author(code):
    coded = code("Britain's foreign secretary called the explosion a brazen attack by Russia.")
    assert ("112", "GBR", "RUS") in [(e.cameo, side(e.source), side(e.target)) for e in coded.events], coded.events


def test_a_paragraph_of_quotation_is_the_last_speakers_statement(code):
    coded = code("Bolivian troops crossed the border on Monday. \"We will respond,\" Chile's defence minister said.\n\n"
                 "\"The Bolivian incursion was a provocation. Bolivia is responsible for the unrest.\"")
    assert [(e.cameo, side(e.source), side(e.target), e.sentence) for e in stated(coded) if e.sentence >= 2] \
        == [("111", "CHL", "BOL", 2), ("112", "CHL", "BOL", 3)], coded.events


def test_a_quotation_with_no_speaker_is_no_statement(code):
    coded = code("\"The Bolivian decision was a provocation,\" read a sign at the rally.")
    assert not stated(coded), coded.events


def test_explanation_names_the_rule_the_act_and_the_cue(code):
    (event,) = stated(code("Belgium's foreign minister said the Dutch move was outrageous."))
    assert event.explanation.tokens[0] == "said" and "outrageous" in event.explanation.tokens
    assert any("cue 'outrageous'" in note and "criticism" in note for note in event.explanation.notes)
    assert any("Dutch" in note for note in event.explanation.notes)


# --- the cue file --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


def test_shipped_cues_load_and_expand_event_lexicon_classes(ontology):
    acts = {act.name: act for act in StatementCues.load(ontology=ontology).acts}
    assert {"criticism", "accusation", "threat", "denial", "pledge"} <= acts.keys()
    criticism = {cue for cue in acts["criticism"].cues}
    assert {("unacceptable",), ("butcher",), ("threat", "to")} <= criticism  # $disapproval, $insult, a phrase
    assert all(act.code in ontology for act in acts.values())


def _cues(tmp_path, text: str):
    path = tmp_path / "statements.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_analyst_can_add_an_act(tmp_path, ontology):
    path = _cues(tmp_path, 'acts:\n  - {name: praise, code: "051", subject: other, cues: [admirable, "role model"]}\n')
    (act,) = StatementCues.load(path, ontology=ontology).acts
    assert act.code == "051" and set(act.cues) == {("admirable",), ("role", "model")} and act.subject == "other"


def test_an_act_may_be_named_by_its_verb_of_saying_alone(tmp_path, ontology):
    (act,) = StatementCues.load(_cues(tmp_path, 'acts:\n  - {name: complaint, code: "111", verbs: [complain]}\n'), ontology=ontology).acts
    assert act.verbs == {"complain"} and act.cues == ()


@pytest.mark.parametrize("bad, message", [
    ('{name: x, code: "999", cues: [bad]}', "not a CAMEO"),
    ('{name: x, code: "111", cues: [bad], subjekt: own}', "unknown field"),
    ('{name: x, code: "111", cues: [bad], subject: mine}', "subject must be"),
    ('{name: x, code: "111", cues: [$nope]}', "unknown class"),
    ('{name: x, code: "111"}', "needs a name and cues or verbs"),
    ('{name: x, code: "111", cues: [bad], nearby: before}', "nearby must be"),
])
def test_bad_acts_are_reported_with_their_place(tmp_path, ontology, bad, message):
    with pytest.raises(LexiconError, match=message):
        StatementCues.load(_cues(tmp_path, f"acts:\n  - {bad}\n"), LEXICON_DIR, ontology=ontology)
