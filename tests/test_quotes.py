"""Quotes: quotation-mark scanning (pure) and the quote step on text written for these tests."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casus.extract.quotes import quoted_spans
from casus.records import Article


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quoted_spans(text)]


def test_curly_and_straight_marks():
    text = 'She said “we will stay” and he replied "we will leave" at once.'
    assert quoted(text) == ["we will stay", "we will leave"]


def test_nested_quote_stays_inside_its_outer_quote():
    assert quoted('He read: "The sign says “keep out” today." Then left.') == ["The sign says “keep out” today."]


def test_quote_reopened_in_next_paragraph_continues():
    text = "“First part of the speech.\n\n“Second part,” the mayor said.\n\nAfter that, silence."
    assert quoted(text) == ["First part of the speech.\n\n“Second part,"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = '"This never closes\n\nA new paragraph without marks.'
    assert quoted(text) == ["This never closes"]


def test_stray_closing_mark_is_ignored():
    assert quoted("The talks ended.” Nobody spoke.") == []


def test_double_apostrophes_as_quote_marks():
    assert quoted("''It is fair,'' said the judge.") == ["It is fair,"]


@given(st.text(alphabet="ab \"“”'\n.,", max_size=80))
def test_spans_are_ordered_non_empty_and_inside_the_text(text):
    spans = quoted_spans(text)
    assert all(0 <= s < e <= len(text) and text[s:e].strip() for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.fixture(scope="module")
def res():
    from casus.pipeline import Resources

    return Resources.load()


@pytest.fixture(scope="module")
def quotes(res):
    from casus.extract.actors import find_actors
    from casus.extract.quotes import find_quotes
    from casus.pipeline import Context, run_steps, sentences_of

    def run(text: str):
        doc = res.nlp(text)
        article = Article(id="t", text=text, published=dt.date(2021, 3, 2))
        ctx = Context(article=article, doc=doc, sentences=sentences_of(doc))
        return run_steps(ctx, res, [find_actors, find_quotes]).quotes

    return run


BRIEFING = """Germany's foreign ministry said on Tuesday that Berlin would not send more tanks to the region.

"We have made our position clear," the ministry said in a statement. "Nothing has changed."

French President Emmanuel Macron told reporters the talks had been "useful but incomplete".

He said Paris would host the next round.

“There is no military solution,” said Macron.

Sergei Lavrov: "The West is not interested in peace
"""


def by_content(quotes, start: str):
    return next(q for q in quotes if q.content.startswith(start))


def test_contents_trace_back_to_their_spans(quotes):
    found = quotes(BRIEFING)
    assert [q.id for q in found] == [f"Q{i}" for i in range(1, len(found) + 1)]
    for q in found:
        assert BRIEFING[q.span[0]:q.span[1]] == q.content
        assert q.cue_span is None or BRIEFING[q.cue_span[0]:q.cue_span[1]] == q.cue


def test_direct_quote_speaker_is_a_description_resolved_to_its_country(quotes):
    q = by_content(quotes(BRIEFING), "We have made our position clear")
    assert (q.kind, q.cue) == ("direct", "said")
    assert "ministry" in q.speaker.text and q.speaker.country == "DEU"


def test_floating_quote_inherits_the_previous_speaker(quotes):
    q = by_content(quotes(BRIEFING), "Nothing has changed")
    assert q.kind == "direct" and q.cue is None and q.speaker.country == "DEU"


def test_mixed_quote_keeps_the_quoted_words_and_the_reporting_speaker(quotes):
    q = by_content(quotes(BRIEFING), "useful but incomplete")
    assert q.kind == "mixed" and q.speaker.country == "FRA" and q.cue == "told"


def test_indirect_quotes_with_named_and_pronoun_speakers(quotes):
    found = quotes(BRIEFING)
    berlin = by_content(found, "that Berlin would not send")
    paris = by_content(found, "Paris would host")
    assert berlin.kind == paris.kind == "indirect"
    assert berlin.speaker.country == "DEU"
    assert paris.speaker.text == "He" and paris.speaker.country == "FRA"


def test_inverted_cue_and_name_colon_label(quotes):
    found = quotes(BRIEFING)
    assert "Macron" in by_content(found, "There is no military solution").speaker.text
    lavrov = by_content(found, "The West is not interested")  # its closing mark is missing
    assert lavrov.cue == ":" and lavrov.speaker.country == "RUS"


def test_scare_quotes_and_plain_narration_are_not_quotes(quotes):
    text = 'The so-called "peace plan" was shelved. Engineers built a road that links two villages.'
    assert quotes(text) == ()


def test_several_reports_in_one_sentence_keep_their_own_speakers(quotes):
    text = ("The Kremlin said the talks had failed, the Chinese Foreign Ministry said Beijing regretted "
            "the outcome, and the White House said Washington would respond.")
    found = quotes(text)
    assert [q.speaker.country for q in found] == ["RUS", "CHN", "USA"]
    assert "Beijing" not in found[0].content


def test_according_to_attributes_the_rest_of_the_sentence(quotes):
    (before,) = quotes("According to Kenyan police, the protesters blocked the main road.")
    (after,) = quotes("The protesters blocked the main road, according to the Kenyan police.")
    for q in (before, after):
        assert q.kind == "indirect" and q.cue.lower() == "according to"
        assert q.content.lower().startswith("the protesters blocked the main road")
        assert q.speaker.country == "KEN"


@pytest.mark.parametrize("text, kind", [
    ('The Kenyan finance minister said "the budget will be balanced by next spring" at a press conference.', "direct"),
    ('Kenya\'s finance minister told parliament "the budget will be balanced by next spring."', "direct"),
    ('The Kenyan finance minister said the budget would be "balanced by next spring" at a press conference.', "mixed"),
])
def test_quote_right_after_its_cue_is_direct_one_inside_the_reported_clause_mixed(quotes, text, kind):
    q = by_content(quotes(text), ("the budget" if kind == "direct" else "balanced"))
    assert q.kind == kind and q.speaker is not None


def test_inflection_table_gives_lemminflects_lemmas_for_its_words():
    from lemminflect import getAllLemmas

    from casus.extract.quotes import SPEECH_VERBS, inflections

    table = inflections(SPEECH_VERBS)
    assert table.get("told", "VERB") == {"tell"}
    for (form, pos), found in table.words_of.items():
        assert found == {lemma.lower() for lemma in getAllLemmas(form).get(pos, ())} & SPEECH_VERBS


def test_lemmas_repair_a_lemmatizer_slip_only_for_open_class_words():
    import spacy
    from spacy.tokens import Doc

    from casus.extract.quotes import inflections, lemmas

    table = inflections(frozenset({"undertake", "strike"}))
    doc = Doc(spacy.blank("en").vocab, words=["undertook", "struck", "struck"], pos=["VERB", "ADJ", "X"], lemmas=["undertook", "struck", "struck"])
    assert [set(lemmas(t, table)) for t in doc] == [{"undertook", "undertake"}, {"struck", "strike"}, {"struck"}]


def test_lemma_table_answers_as_lemmas_does_for_every_token():
    import spacy
    from spacy.tokens import Doc

    from casus.extract.quotes import inflections, lemma_table, lemmas

    words = frozenset({"undertake", "deal", "say"})
    table = inflections(words)
    doc = Doc(spacy.blank("en").vocab, words=["Deal", "undertook", "saying", "says", "Said", "deals", "the"],
              pos=["PROPN", "VERB", "NOUN", "X", "VERB", "NOUN", "DET"],
              lemmas=["Deal", "undertook", "saying", "say", "Said", "deal", "the"])
    assert lemma_table(doc, table) == [lemmas(t, table) & words for t in doc]
    assert [bool(found) for found in lemma_table(doc, table)] == [True, True, True, True, True, True, False]


def test_cue_after_a_quote_closed_with_a_comma_in_the_next_sentence_of_the_parse(quotes):
    # the parser ends a sentence at the closing mark; the comma says the attribution follows
    text = ("The talks ended.\n\n“It is a dog whistle to all Kenyans, especially the young,” Senator Grace Wanjiru "
            "(Nairobi) said on Friday. “We will not accept it.”")
    first, second = quotes(text)
    assert first.cue == "said" and "Grace Wanjiru" in first.speaker.text
    assert second.speaker is not None and "Grace Wanjiru" in second.speaker.text


def test_a_quote_closed_with_a_full_stop_takes_no_cue_from_the_next_sentence(quotes):
    (quote,) = [q for q in quotes("“We will not accept it.” Senator Grace Wanjiru said the vote was close.")
                if q.content.startswith("We will")]
    assert quote.cue is None and quote.speaker is None


def test_quote_paragraph_without_cue_after_an_indirect_report_is_its_speakers(quotes):
    text = ("The Ghanaian finance minister said the budget would be balanced.\n\n"
            "“Nobody should doubt that our revenues are growing faster than our debts.”")
    quote = by_content(quotes(text), "Nobody should doubt")
    assert quote.kind == "direct" and quote.cue is None and quote.speaker.country == "GHA"


def test_a_cue_past_a_line_break_is_not_the_quote_s(quotes):
    # (a parser may run the quote's sentence on into the next line, whose verb is no cue of the quote)
    text = ("“The budget is a disgrace,” Senator Amina Odhiambo said. “We will fight it in every committee.”\n"
            "Editor’s note: the treasury has pledged to publish the figures.")
    quote = by_content(quotes(text), "We will fight")
    assert quote.cue != "pledged" and quote.speaker is not None and "Odhiambo" in quote.speaker.text


def test_a_cue_right_before_a_line_break_introduces_the_quote_after_it(quotes):
    text = ("Speaking in Ankara on Monday, the Turkish foreign minister said\n"
            "\"Greece must stop its provocations in the Aegean.\"")
    quote = by_content(quotes(text), "Greece must stop")
    assert quote.kind == "direct" and quote.cue == "said" and quote.speaker.code == "TURGOV"


def test_a_coordinated_cue_takes_the_subject_nearest_before_it():
    # a parser that misses a sentence break hangs the second speaker on the first "said" and coordinates the second
    # "said" with it: '“Fine,” said Hester. Michael Otieno said he agreed.'
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from casus.extract.quotes import subject_of

    words = ["“", "Fine", ",", "”", "said", "Hester", ".", "Michael", "Otieno", "said", "he", "agreed", "."]
    heads = [4, 4, 4, 4, 4, 4, 4, 4, 7, 4, 11, 9, 4]
    deps = ["punct", "ccomp", "punct", "punct", "ROOT", "nsubj", "punct", "nsubj", "flat", "conj", "nsubj", "ccomp",
            "punct"]
    pos = ["PUNCT", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert subject_of(doc[9]).text == "Michael" and subject_of(doc[4]).text == "Hester"


def test_a_gerund_after_a_preposition_takes_the_subject_of_the_verb_it_hangs_on():
    # "Warren responded by tweeting: ..." (the parser labels the gerund obl or obl:agent)
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from casus.extract.quotes import subject_of

    words = ["Okafor", "responded", "by", "tweeting", ":", "“", "No", ".", "”"]
    heads = [1, 1, 3, 1, 1, 6, 1, 6, 6]
    deps = ["nsubj", "ROOT", "case", "obl:agent", "punct", "punct", "parataxis", "punct", "punct"]
    tags = ["NNP", "VBD", "IN", "VBG", ":", "``", "UH", ".", "''"]
    pos = ["PROPN", "VERB", "ADP", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert subject_of(doc[3]).text == "Okafor"


def test_a_quote_after_a_gerund_cue_is_the_speaker_of_the_verb_it_hangs_on(quotes):
    text = 'The Estonian foreign minister responded by tweeting: "Russia is lying about the size of the exercise."'
    quote = by_content(quotes(text), "Russia is lying")
    assert quote.cue == "tweeting" and quote.speaker is not None and quote.speaker.code == "ESTGOV"


def test_a_gerund_after_for_is_not_the_act_of_the_subject_of_the_verb_it_hangs_on(quotes):
    # (the object of the verb, "Trump", does the gerund's act: the critic is not the speaker)
    quote = by_content(quotes('Pelosi criticized Trump for tweeting: "China is lying about the virus."'), "China")
    assert quote.speaker is None or quote.speaker.code != "USALEG", quote
