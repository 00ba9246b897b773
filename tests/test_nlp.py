"""The shipped parser: offline loading, exact offsets, news sentence rules, parses that matter."""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from casus import nlp as casus_nlp
from casus.nlp import glibc, warm_tokenizer
from casus.records import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def nlp():
    return casus_nlp.load()


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_loads_and_parses_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access during load")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    doc = casus_nlp.load()("Officials in Lagos said the bridge would reopen on Monday.")
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("LEMMA")


def test_unknown_model_name_lists_the_shipped_ones():
    with pytest.raises(FileNotFoundError, match="fast"):
        casus_nlp.load("no-such-model")


def test_parse_many_keeps_order_and_exact_offsets(nlp):
    texts = ["  Leading spaces and a\ttab.\n\nA second   paragraph\u00a0here.",
             "Short one.",
             "Prices rose 3.5% in Q2 — \"sharply\", analysts said (Bloomberg)."]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    pairs = list(casus_nlp.parse_many(nlp, articles, batch_size=2))
    assert [a.id for a, _ in pairs] == ["0", "1", "2"]
    for article, doc in pairs:
        assert doc.text == article.text
        for token in doc:
            assert article.text[token.idx:token.idx + len(token.text)] == token.text


def test_paragraph_break_always_starts_a_sentence(nlp):
    text = "The council met in the morning and\n\nvoters queued outside the hall"
    assert sentences(nlp, text) == ["The council met in the morning and", "voters queued outside the hall"]


def test_whitespace_tokens_never_start_a_sentence(nlp):
    doc = nlp("Talks ended.\n\n\n   The envoy left.  \n \n Nobody spoke.")
    assert all(not s[0].is_space for s in doc.sents)


@pytest.mark.parametrize("text", [
    "Gen. Mark Milley spoke to Sen. Jack Reed about the plan.",
    "The treaty was signed on Sept. 12 in the Dutch city of The Hague.",
    "Lt. Col. Ana Ruiz and Mr. Okafor met U.S. officials in Nairobi.",
    "The U.S. military said it had no comment.",
    "Secretary of State John Kerry condemned the attack.",
    "U.S. President Joe Biden met U.N. Secretary-General Antonio Guterres.",
])
def test_no_sentence_break_after_abbreviations(nlp, text):
    assert sentences(nlp, text) == [text]


@pytest.mark.parametrize("dateline", ["NAIROBI (Reuters) -", "KYIV, Ukraine (AP) —", "BRUSSELS --"])
def test_dateline_is_split_from_the_lede(nlp, dateline):
    lede = "The ministers agreed on a new aid package for the region on Tuesday."
    found = sentences(nlp, f"{dateline} {lede}")
    assert found == [dateline, lede]


@pytest.mark.parametrize("text", [
    '"We will not accept these terms," the foreign minister said on Friday.',
    '"Is this the end of the ceasefire?" asked one diplomat in Geneva.',
])
def test_quotation_closed_by_comma_stays_with_its_attribution(nlp, text):
    assert sentences(nlp, text) == [text]


def test_closing_quote_stays_with_its_sentence(nlp):
    found = sentences(nlp, 'The mayor said: "The water is safe to drink." Residents were not convinced.')
    assert 'drink."' in found[0]
    assert not any(s.startswith('"') for s in found[1:])


def test_rules_decide_only_what_they_know():
    import spacy

    from casus.nlp.news import abbreviation_special_cases, sentence_starts

    blank = spacy.blank("en")
    abbreviation_special_cases(blank)
    doc = blank('ROME (AP) — Col. Ana Ruiz met Richard M. Nixon\'s aides.\n\nThey left. "Yes," he said so. a B.c')
    decided = {t.text: start for t, start in zip(doc, sentence_starts(doc)) if start is not None}
    assert decided["Col."] is True  # the lede after the dateline
    assert decided["("] is False and decided["—"] is False
    assert decided["Ana"] is False and decided["Nixon"] is False  # after "Col." and "M."
    assert decided["Ruiz"] is False  # a capitalised word right after another
    assert decided["They"] is True and decided["\n\n"] is False
    assert decided["he"] is False and decided["so"] is False  # after ," and a lowercase word after a word
    assert decided["Richard"] is False  # a capitalised word right after a lowercase one
    assert not {"a", "B.c"} & set(decided)  # left to the parser


def test_seed_lede_subject_and_object(nlp):
    doc = nlp("Russia on Wednesday accused Turkey of flouting agreements it had made with Moscow on Syria.")
    accused = next(t for t in doc if t.text == "accused")
    assert {t.text: t.dep_ for t in accused.children if t.dep_ in ("nsubj", "obj")} == {
        "Russia": "nsubj", "Turkey": "obj"}


def test_passive_agent(nlp):
    doc = nlp("The Turkish military has seen 13 of its soldiers killed by Syrian shelling in the last 10 days.")
    shelling = next(t for t in doc if t.text == "shelling")
    assert shelling.head.text == "killed" and shelling.dep_ == "obl:agent"


def test_unseen_names_are_recognised_as_entities(nlp):
    doc = nlp("Zorbitan Kellavey, the mayor of Quenvaro, met officials from the Brastovian Liberation Front.")
    assert {e.label_ for e in doc.ents} & {"PERSON", "ORG", "GPE"}
    assert any("Kellavey" in e.text for e in doc.ents)


@pytest.mark.skipif(not (SHARED / "data" / "ud-english-ewt").is_dir(), reason="needs ../shared treebanks")
def test_eval_parse_on_a_slice_of_ewt_dev(nlp):
    from casus.evaluation.nlp import score_parse, treebank_documents

    documents = list(treebank_documents(SHARED / "data" / "ud-english-ewt" / "en_ewt-ud-dev.conllu"))[:12]
    scores = score_parse(nlp, documents)
    assert set(scores) >= {"upos", "uas", "las", "sents_f", "words_per_sec"}
    assert 80 < scores["upos"] <= 100 and 60 < scores["las"] <= scores["uas"] <= 100
    assert 40 < scores["sents_f"] <= 100 and scores["words_per_sec"] > 0


HEAP_CHECK = """
import ctypes, numpy
from casus.nlp import glibc, keep_freed_memory
class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
mallinfo2 = glibc().mallinfo2
mallinfo2.restype = MallInfo2
keep_freed_memory()
mapped = mallinfo2().hblkhd
block = numpy.ones(2**23)  # 64 MB: above the largest size glibc ever takes from the heap by default
assert mallinfo2().hblkhd == mapped, "mapped afresh"
heap = mallinfo2().arena
del block
assert mallinfo2().arena == heap, "handed back"
"""


@pytest.mark.skipif(glibc() is None or not hasattr(glibc(), "mallinfo2"), reason="glibc's malloc only")
def test_kept_freed_memory_holds_large_arrays_on_the_heap():
    """After ``keep_freed_memory`` (in a process of its own: the setting is process-wide), an array as
    large as a parse batch's working memory is not mapped afresh (and zeroed again by the kernel) but
    taken from the heap, which keeps it once freed."""
    run = subprocess.run([sys.executable, "-c", HEAP_CHECK], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_known_words_need_no_new_lexemes_in_a_memory_zone(nlp):
    """After ``warm_tokenizer`` every alphabetic word the model knows has its lexeme for good, so
    tokenizing them in a memory zone, where the tokenizer caches nothing, makes no new ones."""
    warm_tokenizer(nlp)
    known = ["minister", "said", "government", "would", "negotiate", "rebels"]
    assert all(word in nlp.vocab.strings for word in known)
    lexemes = len(nlp.vocab)
    with nlp.memory_zone():
        assert [t.text for t in nlp.make_doc(" ".join(known))] == known
        assert len(nlp.vocab) == lexemes
