"""The event lexicon: loads, covers every CAMEO root, rejects bad entries, accepts analyst additions,
and its entries code sentences they were not written from."""
import datetime as dt

import pytest

from casus.extract.lexicon import LEXICON_DIR, Lexicon, LexiconError
from casus.knowledge.ontology import Ontology
from casus.pipeline import Resources, code_article
from casus.records import Article


@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


@pytest.fixture(scope="module")
def lexicon(ontology):
    return Lexicon.load(ontology=ontology)


def test_covers_every_root_with_valid_codes(lexicon, ontology):
    roots = {e.code[:2] for e in lexicon.entries}
    assert roots == set(ontology.roots())
    assert all(e.code in ontology for e in lexicon.entries)
    assert len({e.code for e in lexicon.entries if len(e.code) >= 3}) >= 100


def test_every_preposition_is_a_word_not_a_yaml_boolean(lexicon):
    assert all(isinstance(prep, str) for e in lexicon.entries for prep, _ in e.preps)
    assert any(dict(e.preps).keys() == {"on"} for e in lexicon.candidates("verb", ["call"]))


def test_most_specific_entry_comes_first(lexicon):
    accuse = lexicon.candidates("verb", ["accuse"])
    assert accuse and accuse[0].specificity >= accuse[-1].specificity
    assert {e.code for e in accuse} >= {"112", "1123"}


def test_speech_verbs_are_not_events(lexicon):
    assert "say" in lexicon.speech
    assert not lexicon.candidates("verb", ["say"])


def test_threat_mapping_prefers_the_longest_prefix(lexicon):
    assert lexicon.threat_code("163") == "1312"
    assert lexicon.threat_code("1723") == "1312"  # "172" beats "17"
    assert lexicon.threat_code("174") == "136"
    assert lexicon.threat_code("195") == "138"
    assert lexicon.threat_code("051") is None
    assert lexicon.announced_code("0874") == ("intent", "0356")  # "we will withdraw": intent, not retreat
    assert lexicon.announced_code("195") == ("threat", "138")
    assert lexicon.announced_code("112") is None


def _write(tmp_path, text):
    (tmp_path / "extra.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_analyst_can_add_an_entry_without_code(tmp_path, ontology):
    lexicon = Lexicon.load(_write(tmp_path, """
classes:
  vessel: [ship, boat, tanker]
entries:
  - {code: "1711", verb: [impound], object: [$vessel], target: [prep:from]}
"""), ontology=ontology)
    (entry,) = lexicon.candidates("verb", ["impound"])
    assert entry.code == "1711" and "tanker" in entry.objects and entry.target == ("prep:from",)


@pytest.mark.parametrize("bad, message", [
    ('{code: "999", verb: x}', "not a CAMEO"),
    ('{code: "190", verb: x, noun: y}', "exactly one"),
    ('{code: "190", verb: x, objekt: [y]}', "unknown field"),
    ('{code: "190", verb: x, object: [$nope]}', "unknown class"),
    ('{code: "041", noun: x, case: in}', "predicates only"),
    ('{code: "041", verb: x, predicate: y}', "exactly one"),
])
def test_bad_entries_are_reported_with_their_place(tmp_path, ontology, bad, message):
    with pytest.raises(LexiconError, match=message):
        Lexicon.load(_write(tmp_path, f"entries:\n  - {bad}\n"), ontology=ontology)


def test_classes_may_list_classes_but_not_themselves(tmp_path, ontology):
    lexicon = Lexicon.load(_write(tmp_path, "classes:\n  weapon: [rifle]\n  arms: [$weapon, tank]\n"
                                             "entries:\n  - {code: \"072\", verb: send, object: [$arms]}\n"), ontology=ontology)
    assert lexicon.entries[0].objects == {"rifle", "tank"}
    with pytest.raises(LexiconError, match="contains itself"):
        Lexicon.load(_write(tmp_path, "classes:\n  arms: [$arms]\nentries:\n  - {code: \"072\", verb: send, object: [$arms]}\n"),
                     ontology=ontology)


def test_a_predicate_entry_keeps_its_preposition_and_source_slot(tmp_path, ontology):
    lexicon = Lexicon.load(_write(tmp_path, """
entries:
  - {code: "191", predicate: [blockade], case: under, prep: {by: null}, source: prep:by, target: [subject]}
  - {code: "041", predicate: [touch], case: in, prep: {with: null}}
"""), ontology=ontology)
    (siege,) = lexicon.candidates("predicate", ["blockade"])
    (touch,) = lexicon.candidates("predicate", ["touch"])
    assert (siege.pos, siege.case, siege.source, siege.target) == ("predicate", "under", "prep:by", ("subject",))
    assert touch.source == "subject" and not lexicon.candidates("noun", ["touch"])


def test_shipped_files_are_documented():
    header = (LEXICON_DIR / "events.yaml").read_text(encoding="utf-8").split("entries:")[0]
    for word in ("code:", "verb:", "noun:", "predicate:", "case:", "source:", "particle:", "object:", "prep:", "to:",
                 "target:", "reciprocal:"):
        assert word in header


@pytest.fixture(scope="module")
def resources():
    try:
        return Resources.load()
    except FileNotFoundError:
        pytest.skip("no shipped parser")


@pytest.mark.parametrize("sentence, expected", [
    ("Ukraine lobbied for more NATO air defence systems on Tuesday.", ("020", "UKR", "IGOWSTNAT")),
    ("Jordan said it would not accept more Syrian refugees.", ("122", "JOR", "SYRREF")),
    ("Canada is reconsidering its relationship with China, the foreign minister said.", ("014", "CAN", "CHN")),
    ("Bahrain restored diplomatic ties with Qatar in April.", ("054", "BHR", "QAT")),
    ("Turkey reopened its border crossings to Syrian traders.", ("086", "TUR", "SYR")),
    ("Human rights groups accused the Egyptian police of torture.", ("1122", "NGO", "EGYCOP")),
    ("The UN envoy found fault with Israel and the Palestinians.", ("111", "IGOUNO", "PSE")),
    ("Germany took Turkey to task over the arrests.", ("111", "DEU", "TUR")),
    ("Turkey hit out at Germany.", ("111", "TUR", "DEU")),
    ("The Mexican foreign minister has been in touch with Guatemala all week.", ("041", "MEXGOV", "GTM")),
    ("Venezuela remained in touch with Colombia through intermediaries.", ("041", "VEN", "COL")),
    ("The Philippines said it was ready to negotiate with China over the reef.", ("036", "PHL", "CHN")),
    ("Qatar has been under blockade by Saudi Arabia and the UAE since June.", ("191", "ARE", "QAT")),
    ("Moscow ordered 12 Estonian diplomats to leave within a week.", ("166", "RUSGOV", "ESTGOV")),
    ("Beijing kicked three Australian reporters out of the country.", ("174", "CHNGOV", "AUSMED")),
    ("Algeria closed Morocco's consulate in Oran.", ("161", "DZA", "MARGOV")),  # a consulate is its government's
    ("Armenia says it is willing to withdraw its troops from Azerbaijan.", ("035", "ARM", "AZE")),
])
def test_entries_code_sentences_they_were_not_written_from(resources, sentence, expected):
    coded = code_article(Article(id="s", text=sentence, published=dt.date(2023, 5, 1)), resources)
    assert expected in {(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in coded.events}


def test_ordering_ones_own_forces_out_is_no_expulsion(resources):
    coded = code_article(Article(id="s", text="The Sudanese general ordered his soldiers to leave Khartoum.",
                                 published=dt.date(2023, 5, 1)), resources)
    assert not [e for e in coded.events if e.cameo.startswith(("166", "174"))]
