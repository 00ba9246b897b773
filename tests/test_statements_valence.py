"""Evaluations in reported speech scored with VADER's sentiment lexicon (statements.py ``_evaluation``, the ``valence``
section of lexicon/statements.yaml): a content no cue fires in, whose predicate rates an actor strongly negatively (or
negates a word of praise) is the speaker's criticism (111) of it; praise is left out of the shipped file. Checked on
sentences written for these tests."""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark, side  # noqa: F401 (the coder fixture; skipped with no parser model)
from test_statements import _cues, ontology  # noqa: F401 (the cue-file writer and the ontology fixture)

from casus.extract.lexicon import LEXICON_DIR, LexiconError
from casus.extract.statements import StatementCues


def rated(coded) -> list:
    return [e for e in coded.events if any("VADER" in note for note in e.explanation.notes)]


#: (what is checked, sentence, (CAMEO code, source side, target side) of the one rated event)
CODED = [
    ("a negated word of praise is criticism",
     "The Spanish foreign minister said the Portuguese president was no hero.", ("111", "ESP", "PRT")),
    ("a strongly negative predicate of another side's act criticises its author",
     "The Irish minister said the French deal was a fraud.", ("111", "IRL", "FRA")),
    ("the object predicate of a naming verb",
     "The Peruvian president called the Chilean foreign minister an incompetent negotiator.", ("111", "PER", "CHL")),
    ("an adjective of the predicate noun is rated with it",
     "The Omani foreign minister said the Yemeni leader was an evil man.", ("111", "OMN", "YEM")),
    ("a report in a relative clause is still the speaker's",
     "The Zambian president, who said the Malawian minister was incompetent, left early.", ("111", "ZMB", "MWI")),
]


@pytest.mark.parametrize("what, sentence, expected", CODED, ids=[c[0] for c in CODED])
def test_a_rated_evaluation_is_the_speakers_act(code, what, sentence, expected):
    coded = code(sentence)
    assert [(e.cameo, side(e.source), side(e.target)) for e in rated(coded)] == [expected], (what, coded.events)


NOT_CODED = [
    ("praise is left out of the shipped file", "The Latvian prime minister said the Lithuanian president was a brilliant leader."),
    ("a negated condemnation is no praise", "The Danish minister said the Swedish proposal was not a threat."),
    ("an evaluation of what is no actor", "The Greek prime minister said the weather was terrible."),
    ("nor of a thing an actor owns", "Norway's foreign minister said Finland's economy was weak."),
    ("a foretold evaluation", "The Chilean president said the Argentine minister would be a terrible partner."),
    ("a question", "\"Is the Hungarian leader a hero?\" the Austrian chancellor said."),
    ("how someone fares is no verdict on them", "The Kenyan president said the Ugandan soldiers were dead."),
    ("how someone feels is no verdict on them", "The Kenyan president said the Ugandan minister was happy."),
    ("'it is clear that' rates what is said, not the actor in it", "The Serbian president said it was clear that Croatia wanted peace."),
    ("a noun of kind with an 'of' phrase", "The Maltese minister said the Italian raid was the kind of thing he had expected."),
    ("a mild word", "The Belgian minister said the Dutch proposal was interesting."),
    ("a feeling with its complement", "The Kenyan president said the Ugandan minister was not satisfied with the deal."),
    ("a state after a preposition", "The Tanzanian president said the Rwandan minister was in the clear."),
    ("an indirect question", "Nobody knows why the Zambian president thinks the Malawian minister is incompetent."),
    ("anyone of a kind", "The Nigerian president said a Ghanaian minister is incompetent."),
]


@pytest.mark.parametrize("what, sentence", NOT_CODED, ids=[c[0] for c in NOT_CODED])
def test_no_strong_evaluation_of_an_actor_codes_nothing(code, what, sentence):
    coded = code(sentence)
    assert not rated(coded), (what, coded.events)


def test_explanation_names_the_word_and_its_valence(code):
    (event,) = rated(code("The Spanish foreign minister said the Portuguese president was no hero."))
    assert any("'hero'" in note and "+2.6" in note and "negated" in note for note in event.explanation.notes), event.explanation.notes


# --- the valence section of the cue file ------------------------------------------------------------------

def test_shipped_valence_loads_the_sentiment_lexicon(ontology):
    valence = StatementCues.load(ontology=ontology).valence
    assert valence is not None and valence.negative.code == "111" and valence.positive is None
    assert valence.scores["hero"] > valence.threshold > 0 > valence.scores["reckless"]
    assert "decision" in valence.of_acts  # (expanded from the event lexicon's $statement class)


@pytest.mark.parametrize("bad, message", [
    ('{threshold: 2, negative: "999", positive: "051"}', "not a CAMEO"),
    ('{threshold: 2, negative: "111", positive: "051", treshold: 1}', "unknown field"),
])
def test_a_bad_valence_section_is_reported(tmp_path, ontology, bad, message):
    with pytest.raises(LexiconError, match=message):
        StatementCues.load(_cues(tmp_path, f"valence: {bad}\nacts: []\n"), LEXICON_DIR, ontology=ontology)


def test_an_analyst_may_code_praise_too(tmp_path, ontology):
    valence = StatementCues.load(_cues(tmp_path, 'valence: {threshold: 2, negative: "111", positive: "051"}\nacts: []\n'),
                                 LEXICON_DIR, ontology=ontology).valence
    assert valence.positive.code == "051" and valence.threshold == 2


def test_without_a_valence_section_nothing_is_rated(tmp_path, ontology):
    assert StatementCues.load(_cues(tmp_path, "acts: []\n"), LEXICON_DIR, ontology=ontology).valence is None
