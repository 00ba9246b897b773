"""The post-parser clause repairs, on hand-built parses (the errors they repair, and correct parses they
must leave alone) and in the shipped pipeline."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from casus import nlp as casus_nlp
from casus.nlp.clauses import repair_clauses

VOCAB = spacy.blank("en").vocab
LEMMAS = {"said": "say", "told": "tell", "denied": "deny", "denies": "deny", "were": "be", "was": "be", "is": "be", "left": "leave", "broke": "break"}


def parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A Doc from (word, pos, tag, dep, head index) rows."""
    words, pos, tags, deps, heads = zip(*rows)
    return Doc(VOCAB, words=list(words), pos=list(pos), tags=list(tags), deps=list(deps), heads=list(heads),
               lemmas=[LEMMAS.get(w, w.lower()) for w in words])


def arcs(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize("rows, expected", [
    # "Iran protested after Britain seized the tanker." parsed with "after Britain" an oblique of "protested" and
    # "protested" the complement of a subjectless root "seized"
    ([("Iran", "PROPN", "NNP", "nsubj", 1), ("protested", "VERB", "VBD", "ccomp", 4), ("after", "ADP", "IN", "case", 3),
      ("Britain", "PROPN", "NNP", "obl", 1), ("seized", "VERB", "VBD", "ROOT", 4), ("the", "DET", "DT", "det", 6),
      ("tanker", "NOUN", "NN", "obj", 4), (".", "PUNCT", ".", "punct", 4)],
     [("protested", "ROOT", "protested"), ("seized", "advcl", "protested"), ("Britain", "nsubj", "seized"),
      ("after", "mark", "seized"), (".", "punct", "protested")]),
    # "The ceasefire ended when rebels attacked." parsed with "ended" modifying "ceasefire", the subject of "attacked"
    ([("The", "DET", "DT", "det", 1), ("ceasefire", "NOUN", "NN", "nsubj", 5), ("ended", "VERB", "VBD", "acl", 1),
      ("when", "ADV", "WRB", "case", 4), ("rebels", "NOUN", "NNS", "obl", 2), ("attacked", "VERB", "VBD", "ROOT", 5),
      (".", "PUNCT", ".", "punct", 5)],
     [("ended", "ROOT", "ended"), ("ceasefire", "nsubj", "ended"), ("attacked", "advcl", "ended"),
      ("rebels", "nsubj", "attacked")]),
    # "Kyiv said troops and tanks were shelling towns." parsed with "troops" the object of "said", "tanks" a second
    # complement and "shelling" a subjectless modifier
    ([("Kyiv", "PROPN", "NNP", "nsubj", 1), ("said", "VERB", "VBD", "ROOT", 1), ("troops", "NOUN", "NNS", "obj", 1),
      ("and", "CCONJ", "CC", "cc", 4), ("tanks", "NOUN", "NNS", "ccomp", 1), ("were", "AUX", "VBD", "cop", 6),
      ("shelling", "VERB", "VBG", "advcl", 1), ("towns", "NOUN", "NNS", "obj", 6)],
     [("shelling", "ccomp", "said"), ("troops", "nsubj", "shelling"), ("tanks", "conj", "troops"),
      ("were", "aux", "shelling")]),
    # "Lagos denied its police shot protesters." parsed with "police" the object of "denied"
    ([("Lagos", "PROPN", "NNP", "nsubj", 1), ("denied", "VERB", "VBD", "ROOT", 1), ("its", "PRON", "PRP$", "nmod:poss", 3),
      ("police", "NOUN", "NN", "obj", 1), ("shot", "VERB", "VBD", "xcomp", 1), ("protesters", "NOUN", "NNS", "obj", 4)],
     [("police", "nsubj", "shot"), ("shot", "ccomp", "denied")]),
    # "Police in Lima and Cusco detained protesters." parsed with "Cusco" a second subject of "detained"
    ([("Police", "NOUN", "NNS", "nsubj", 5), ("in", "ADP", "IN", "case", 2), ("Lima", "PROPN", "NNP", "nmod", 0),
      ("and", "CCONJ", "CC", "cc", 5), ("Cusco", "PROPN", "NNP", "nsubj", 5), ("detained", "VERB", "VBD", "ROOT", 5),
      ("protesters", "NOUN", "NNS", "obj", 5)],
     [("Cusco", "conj", "Lima"), ("and", "cc", "Cusco"), ("Police", "nsubj", "detained")]),
])
def test_a_misparse_of_news_is_repaired(rows, expected):
    doc = parsed(rows)
    repair_clauses(doc)
    assert set(expected) <= set(arcs(doc))
    assert len(list(doc.sents)) == 1
    assert all(sum(c.dep_ == "nsubj" for c in t.children) <= 1 for t in doc)  # one subject per verb


def test_a_report_read_as_the_content_of_the_next_report_is_set_beside_it():
    # "Paris said talks failed, Rome said they would resume." parsed with the first "said" under the second
    doc = parsed([("Paris", "PROPN", "NNP", "nsubj", 1), ("said", "VERB", "VBD", "ccomp", 6),
                  ("talks", "NOUN", "NNS", "nsubj", 3), ("failed", "VERB", "VBD", "ccomp", 1),
                  (",", "PUNCT", ",", "punct", 1), ("Rome", "PROPN", "NNP", "nsubj", 6),
                  ("said", "VERB", "VBD", "ROOT", 6), ("they", "PRON", "PRP", "nsubj", 9),
                  ("would", "AUX", "MD", "aux", 9), ("resume", "VERB", "VB", "ccomp", 6), (".", "PUNCT", ".", "punct", 6)])
    repair_clauses(doc)
    first, second = (t for t in doc if t.text == "said")
    assert (first.dep_, second.dep_, second.head.i) == ("ROOT", "parataxis", first.i)
    assert [c.text for c in second.children if c.dep_ == "ccomp"] == ["resume"]
    assert doc[-1].head.i == first.i


@pytest.mark.parametrize("rows", [
    # "Ships left before dawn broke." parsed correctly
    [("Ships", "NOUN", "NNS", "nsubj", 1), ("left", "VERB", "VBD", "ROOT", 1), ("before", "SCONJ", "IN", "mark", 4),
     ("dawn", "NOUN", "NN", "nsubj", 4), ("broke", "VERB", "VBD", "advcl", 1)],
    # "The party as an institution is hostile." (a real prepositional phrase before a copula)
    [("The", "DET", "DT", "det", 1), ("party", "NOUN", "NN", "nsubj", 6), ("as", "ADP", "IN", "case", 4),
     ("an", "DET", "DT", "det", 4), ("institution", "NOUN", "NN", "nmod", 1), ("is", "AUX", "VBZ", "cop", 6),
     ("hostile", "ADJ", "JJ", "ROOT", 6)],
    # '"We will stay," said Mr. Lee, who was granted asylum.' (an inverted reporting verb's subject)
    [("We", "PRON", "PRP", "nsubj", 2), ("will", "AUX", "MD", "aux", 2), ("stay", "VERB", "VB", "ccomp", 4),
     (",", "PUNCT", ",", "punct", 2), ("said", "VERB", "VBD", "ROOT", 4), ("Lee", "PROPN", "NNP", "obj", 4),
     ("was", "AUX", "VBD", "aux:pass", 7), ("granted", "VERB", "VBN", "conj", 4)],
    # "Paris denies any role and has called the report a lie." (a coordinated predicate, not a reported clause)
    [("Paris", "PROPN", "NNP", "nsubj", 1), ("denies", "VERB", "VBZ", "ROOT", 1), ("any", "DET", "DT", "det", 3),
     ("role", "NOUN", "NN", "obj", 1), ("and", "CCONJ", "CC", "cc", 6), ("has", "AUX", "VBZ", "aux", 6),
     ("called", "VERB", "VBN", "conj", 1), ("the", "DET", "DT", "det", 8), ("report", "NOUN", "NN", "obj", 6)],
    # "He told reporters the army was ready." ("tell" takes a nominal object)
    [("He", "PRON", "PRP", "nsubj", 1), ("told", "VERB", "VBD", "ROOT", 1), ("reporters", "NOUN", "NNS", "obj", 1),
     ("the", "DET", "DT", "det", 4), ("army", "NOUN", "NN", "nsubj", 6), ("was", "AUX", "VBD", "cop", 6),
     ("ready", "ADJ", "JJ", "ccomp", 1)],
    # "Rome said talks failed, Paris said." (the second report's only content is the first: left as parsed)
    [("Rome", "PROPN", "NNP", "nsubj", 1), ("said", "VERB", "VBD", "ccomp", 6), ("talks", "NOUN", "NNS", "nsubj", 3),
     ("failed", "VERB", "VBD", "ccomp", 1), (",", "PUNCT", ",", "punct", 1), ("Paris", "PROPN", "NNP", "nsubj", 6),
     ("said", "VERB", "VBD", "ROOT", 6)],
])
def test_correct_parses_are_left_alone(rows):
    doc = parsed(rows)
    before = arcs(doc)
    repair_clauses(doc)
    assert arcs(doc) == before


def test_the_shipped_pipeline_repairs_after_the_parser():
    nlp = casus_nlp.load()
    names = nlp.pipe_names
    assert names.index("casus_news_clause_repair") > names.index("parser")
    doc = nlp("The navy withdrew after the minister said the blockade had ended.")
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["minister"]
    assert said.head.text == "withdrew"
