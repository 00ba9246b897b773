"""Statements and quotes, session 12: a caption names the speaker of its quote ("NAME, SAYING: “…”"); a report's other
that-clauses are part of what is said; no actor the speaking phrase names is what is said of; an appeal is made of the
object of its verb of wanting; a feeling of optimism is the speaker's own; "be welcome" praises an act, not people; "our
country" is the speaker's own side.
Checked on sentences written for these tests."""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark, side  # noqa: F401 (the coder fixture; skipped with no parser model)

RULE = "statement-content"


def stated(coded) -> list:
    return [(e.cameo, side(e.source), side(e.target)) for e in coded.events if e.explanation.rule == RULE]


def _doc(rows: list[tuple[str, str, str, str, int]]):
    """A parsed doc from (word, POS, tag, label, head) rows: the parse is given, not the parser's."""
    import spacy
    from spacy.tokens import Doc

    words, pos, tags, deps, heads = zip(*rows)
    return Doc(spacy.blank("en").vocab, words=list(words), pos=list(pos), tags=list(tags), deps=list(deps), heads=list(heads),
               sent_starts=[True] + [False] * (len(rows) - 1))


def test_a_caption_names_its_speaker_whatever_the_parse():
    """The parser reads a caption in capitals as it may ("SAYING" hung on "SOUNDBITE" as a fragment, the name as its
    object): the caption's name before "SAYING:" is the speaker."""
    from casus.extract.quotes import _captioned

    doc = _doc([("(", "PUNCT", "-LRB-", "punct", 1), ("SOUNDBITE", "PROPN", "NNP", "ROOT", 1), (")", "PUNCT", "-RRB-", "punct", 1),
                ("POLISH", "ADJ", "JJ", "amod", 5), ("PRESIDENT", "NOUN", "NN", "conj", 1), ("DUDA", "PROPN", "NNP", "obj", 4),
                (",", "PUNCT", ",", "punct", 7), ("SAYING", "VERB", "VBG", "parataxis", 1), (":", "PUNCT", ":", "punct", 7),
                ("“", "PUNCT", "``", "punct", 10), ("No", "INTJ", "UH", "parataxis", 7)])
    assert _captioned(doc[7]).text == "DUDA"
    prose = _doc([("Duda", "PROPN", "NNP", "nsubj", 1), ("criticized", "VERB", "VBD", "ROOT", 1), ("Orban", "PROPN", "NNP", "obj", 1),
                  (",", "PUNCT", ",", "punct", 4), ("saying", "VERB", "VBG", "advcl", 1), (":", "PUNCT", ":", "punct", 4),
                  ("“", "PUNCT", "``", "punct", 7), ("No", "INTJ", "UH", "parataxis", 4)])
    assert _captioned(prose[4]) is None  # (the object of a verb is no caption's name)


@pytest.mark.parametrize("text, speaker", [
    ("(SOUNDBITE) (Spanish) SPANISH PRIME MINISTER MARIANO RAJOY, SAYING: “We will defend the unity of Spain.”", "ESP"),
    ("(SOUNDBITE) (English) CANADIAN PRIME MINISTER JUSTIN TRUDEAU SAYING: “We are watching the situation closely.”", "CAN"),
])
def test_a_caption_names_the_speaker_of_its_quote(code, text, speaker):
    quotes = [q for q in code(text).quotes if q.kind == "direct"]
    assert [side(q.speaker) for q in quotes] == [speaker], quotes


def test_a_caption_after_a_quote_names_its_speaker(code):
    """In a shot list the parser gives the second caption no speaker of its own (before the rule: "SOUNDBITE", none)."""
    text = ("(SOUNDBITE) (German) GERMAN CHANCELLOR, ANGELA MERKEL, SAYING: “We will help Greece.” (SOUNDBITE) (German) "
            "GERMAN CHANCELLOR, ANGELA MERKEL, SAYING: “Russia must withdraw its troops.”")
    quotes = [q for q in code(text).quotes if q.kind == "direct"]
    assert [side(q.speaker) for q in quotes] == ["DEU", "DEU"], quotes


@pytest.mark.parametrize("what, text, speaker", [
    ("a closing scare quote is no caption's start",
     "The Greek prime minister described the drilling as an “illegal” act by Ankara, saying: “We will defend our waters.”", "GRC"),
    ("prose is no caption", "Macron called the Turkish operation a “threat” from Erdogan, saying: “France will respond firmly.”",
     "FRA"),
    ("a description after the name is not the speaker",
     "(SOUNDBITE) (French) FRENCH PRESIDENT EMMANUEL MACRON, SPEAKING TO REPORTERS, SAYING: “We will help Lebanon.”", "FRA"),
])
def test_no_caption_names_a_wrong_speaker(code, what, text, speaker):
    quotes = [q for q in code(text).quotes if q.kind == "direct"]
    assert [side(q.speaker) for q in quotes] == [speaker], what


def test_a_headline_in_capitals_is_no_caption(code):
    """A headline's object is not the speaker of the quote after it (no label or quote before it)."""
    quotes = [q for q in code("MACRON SLAMS TURKEY, SAYING: “We will respond to any provocation.”").quotes if q.kind == "direct"]
    assert "TUR" not in [side(q.speaker) for q in quotes], quotes


def test_a_gerund_after_a_named_object_is_not_a_caption(code):
    """"Trump lashed out at Pelosi, saying: ..." is Trump's quote, not Pelosi's (the stretch before the cue has a verb)."""
    text = "The Turkish president lashed out at the Greek prime minister, saying: “Athens is playing a dangerous game.”"
    quotes = [q for q in code(text).quotes if q.kind == "direct"]
    assert [side(q.speaker) for q in quotes] == ["TUR"], quotes


def test_a_reports_other_that_clause_gives_the_rejected_side(code):
    """The rejection's target is looked for in the whole of what is said, however the parser hangs the second clause."""
    text = ("Serbia's foreign minister said on Twitter that the plan was “not negotiable” and that Albania’s move "
            "“amounts to an attempt to undermine the agreement.”")
    assert ("120", "SRB", "ALB") in stated(code(text))


def test_the_speaking_phrase_is_the_nearest_subject_of_the_verb():
    """Every actor the subject of the verb of saying names speaks ("Egyptian and Jordanian officials say they ..."): its
    characters are left out of the target search; a fronted content subject hung on the verb is not it."""
    from casus.extract.statements import _speaking

    doc = _doc([("Egyptian", "ADJ", "JJ", "amod", 3), ("and", "CCONJ", "CC", "cc", 2), ("Jordanian", "ADJ", "JJ", "conj", 0),
                ("officials", "NOUN", "NNS", "nsubj", 4), ("say", "VERB", "VBP", "ROOT", 4), ("they", "PRON", "PRP", "nsubj", 6),
                ("lied", "VERB", "VBD", "ccomp", 4)])
    assert doc.text[slice(*_speaking(doc[4]))] == "Egyptian and Jordanian officials"
    fronted = _doc([("The", "DET", "DT", "det", 1), ("plan", "NOUN", "NN", "nsubj", 5), (",", "PUNCT", ",", "punct", 3),
                    ("officials", "NOUN", "NNS", "nsubj", 5), (",", "PUNCT", ",", "punct", 3), ("said", "VERB", "VBD", "ROOT", 5)])
    assert fronted.text[slice(*_speaking(fronted[5]))].strip(" ,") == "officials"


@pytest.mark.parametrize("what, sentence", [
    ("another side's feeling is no optimism of the speaker",
     "The Swiss mediator told reporters that both the Armenian and Azerbaijani leaders were feeling confident."),
    ("an appeal is made of whom the verb of wanting names",
     "The Polish president said he wanted the pipeline deal to be a good deal for Lithuania."),
    ("people who are welcome are not praised", "The Canadian foreign ministry said Mexican students are welcome in Canada."),
    ("the speaker's own country is no other side", "The Brazilian senator said: \"I would say that our country should be "
     "more careful with its forests.\""),
    ("crossing a state line is no criticism", "The Texas governor said migrants from Guatemala were crossing state lines."),
])
def test_no_statement(code, what, sentence):
    assert stated(code(sentence)) == [], what


@pytest.mark.parametrize("what, sentence, expected", [
    ("the speaker's own optimism", "The Greek minister said he was optimistic about the talks with Turkey.", ("013", "GRC", "TUR")),
    ("an appeal to the object of the verb of wanting", "The Chilean minister said Santiago wanted Bolivia to return to the talks.",
     ("020", "CHL", "BOL")),
    ("an act that is welcome praises its author", "The Croatian minister said the Slovenian offer was welcome.",
     ("051", "HRV", "SVN")),
    ("an actor a clause about the speaker names may be the target",
     "The Turkish defence minister, speaking about the Greek exercises, said they were a provocation.", ("111", "TUR", "GRC")),
    ("welcome investment", "The Croatian minister said Chinese investment was welcome.", ("051", "HRV", "CHN")),
    ("a welcome apology", "The Italian foreign minister said the Albanian apology was welcome.", ("051", "ITA", "ALB")),
    ("welcome support", "The Dutch prime minister said Belgian support was welcome.", ("051", "NLD", "BEL")),
    ("crossing that line", "The Latvian foreign minister said Belarus had crossed that line.", ("111", "LVA", "BLR")),
    ("crossing every line", "The Estonian president said Moscow crossed every line.", ("111", "EST", "RUS")),
])
def test_statement(code, what, sentence, expected):
    assert stated(code(sentence)) == [expected], what
