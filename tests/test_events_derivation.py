"""Lexicon coverage by word formation and by composition, on sentences written for these tests: spellings
derived from verb entries, manner adverbs of statement cues, and "X is ready to / vowed to / is unwilling to
<act>" coded as X's threat, intent or refusal through the lexicon's own threat/intent/refusal tables."""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark  # noqa: F401 (the coder fixture; skipped with no parser model)
from test_events_generalise import side

from casus.extract.derivation import adverbs, derived_entries, is_word
from casus.extract.lexicon import Entry, Lexicon


def _verb(code: str, *words: str, **conditions) -> Entry:
    return Entry(id="t:1", code=code, pos="verb", words=frozenset(words), **conditions)


def _derived(entries, taken=frozenset()) -> dict[tuple[str, str], Entry]:
    return {(e.pos, next(iter(e.words))): e for e in derived_entries(entries, taken)}


def test_only_spellings_the_dictionary_knows_are_derived():
    found = {w for _, w in _derived([_verb("111", "criticize", "scrutinize", "advise")])}
    assert {"criticise", "scrutinise"} <= found
    assert "advize" not in found  # a made-up spelling the dictionary does not know
    assert is_word("criticise", "VERB") and not is_word("condemise", "VERB")


def test_words_the_lexicon_already_uses_are_not_derived():
    assert ("verb", "criticise") not in _derived([_verb("111", "criticize")], taken=frozenset({"criticise"}))


def test_spellings_keep_every_condition():
    entry = _verb("172", "nationalize", objects=frozenset({"oil"}))
    (variant,) = [e for (pos, w), e in _derived([entry]).items() if w == "nationalise"]
    assert variant.pos == "verb" and variant.objects == {"oil"} and variant.code == "172"
    assert "nationalize" in variant.text  # explanations name the entry it comes from


def test_manner_adverbs_of_adjectives_but_not_sentence_adverbs():
    found = adverbs(["illegal", "irresponsible", "cynical", "hasty", "unfortunate", "pay price", "zzzlike"])
    assert {"illegally", "irresponsibly", "cynically", "hastily"} <= found
    assert not {"unfortunately", "zzzlikely"} & found


def test_the_shipped_lexicon_has_the_other_spellings():
    lexicon = Lexicon.load()
    for british, american in (("nationalise", "nationalize"), ("scrutinise", "scrutinize")):
        assert {e.code for e in lexicon.candidates("verb", [british])} == {e.code for e in lexicon.candidates("verb", [american])}


@pytest.mark.parametrize("what, sentence, expected", [
    ("another spelling of a verb entry", "Venezuela nationalised two American oil companies.", ("1711", "VEN", "USA")),
    ("a manner adverb of another side's act is the speaker's criticism", "Norway said Russia had acted irresponsibly.",
     ("111", "NOR", "RUS")),
    ("readiness to attack is a threat", "North Korea is ready to strike the United States.", ("138", "PRK", "USA")),
    ("readiness to sanction is a threat of sanctions", "Britain is prepared to impose sanctions on Russia.",
     ("1312", "GBR", "RUS")),
    ("eagerness to mediate is an intent to mediate", "Egypt is eager to mediate between Israel and Hamas.",
     ("039", "EGY", "ISR")),
    ("a vow to expel is a threat", "Iran vowed to expel the British diplomats.", ("136", "IRN", "GBR")),
    ("unwillingness to negotiate is a refusal", "Israel is unwilling to negotiate with Hamas.", ("125", "ISR", "PSE")),
])
def test_coverage_by_derivation_and_composition(code, what, sentence, expected):
    coded = code(sentence)
    assert expected in {(e.cameo, side(e.source), side(e.target)) for e in coded.events}, (what, coded.events)


def test_readiness_that_is_denied_is_no_threat(code):
    coded = code("Iran is not ready to strike Israel.")
    assert not any(e.cameo.startswith("13") for e in coded.events), coded.events


def test_a_sentence_adverb_is_no_criticism(code):
    coded = code("Norway said Russia had unfortunately missed the deadline.")
    assert not any(e.cameo == "111" for e in coded.events), coded.events
