"""CoNLL-U / iob2 conversion: text rebuilt exactly, GUM's nested entities flattened to names."""
from __future__ import annotations

from pathlib import Path

import spacy

from casus.evaluation.nlp import iob2_documents, prf
from casus.nlp import conllu

# Hand-written GUM-style sentences: a multiword token, a pronoun mention, a nested place inside a
# common-noun mention, a plural people name, and a person mention with a title and apposition.
SAMPLE = """# newdoc id = GUM_news_example
# newpar
# text = The mayor of Port Elra visited Kenna’s school.
1	The	the	DET	DT	_	2	det	_	Entity=(1-person-new-x-x-x-x
2	mayor	mayor	NOUN	NN	Number=Sing	6	nsubj	_	_
3	of	of	ADP	IN	_	4	case	_	_
4	Port	Port	PROPN	NNP	Number=Sing	2	nmod	_	Entity=(2-place-new-x-x-x-x
5	Elra	Elra	PROPN	NNP	Number=Sing	4	flat	_	Entity=2)1)
6	visited	visit	VERB	VBD	_	0	root	_	_
7-8	Kenna’s	_	_	_	_	_	_	_	_
7	Kenna	Kenna	PROPN	NNP	Number=Sing	9	nmod:poss	_	Entity=(3-person-new-x-x-x-x(4-organization-new-x-x-x-x
8	’s	’s	PART	POS	_	7	case	_	Entity=3)
9	school	school	NOUN	NN	Number=Sing	6	obj	_	Entity=4)|SpaceAfter=No
10	.	.	PUNCT	.	_	6	punct	_	_

# newpar
# text = She thanked the Vandorians and Dr. Ama Osei, a local doctor.
1	She	she	PRON	PRP	_	2	nsubj	_	Entity=(3-person-giv-x-x-x-x)
2	thanked	thank	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	Entity=(5-person-new-x-x-x-x
4	Vandorians	Vandorian	PROPN	NNPS	Number=Plur	2	obj	_	Entity=5)
5	and	and	CCONJ	CC	_	8	cc	_	_
6	Dr.	Dr.	PROPN	NNP	Number=Sing	8	compound	_	Entity=(6-person-new-x-x-x-x
7	Ama	Ama	PROPN	NNP	Number=Sing	8	flat	_	_
8	Osei	Osei	PROPN	NNP	Number=Sing	4	conj	_	SpaceAfter=No
9	,	,	PUNCT	,	_	12	punct	_	_
10	a	a	DET	DT	_	12	det	_	_
11	local	local	ADJ	JJ	_	12	amod	_	_
12	doctor	doctor	NOUN	NN	Number=Sing	8	appos	_	Entity=6)|SpaceAfter=No
13	.	.	PUNCT	.	_	2	punct	_	_

"""


def sample(tmp_path: Path) -> list[conllu.Sentence]:
    path = tmp_path / "sample.conllu"
    path.write_text(SAMPLE, encoding="utf-8")
    return list(conllu.read_sentences(path))


def test_text_is_rebuilt_from_words_and_space_after(tmp_path):
    sents = sample(tmp_path)
    text, spans = conllu.raw_text(sents)
    assert text == ("The mayor of Port Elra visited Kenna’s school.\n\n"
                    "She thanked the Vandorians and Dr. Ama Osei, a local doctor.")
    assert [text[a:b] for a, b in spans] == [text.split("\n\n")[0], text.split("\n\n")[1]]
    assert conllu.raw_text(sents, paragraph_breaks=False)[0] == text.replace("\n\n", " ")


def test_doc_carries_gold_syntax_and_sentences(tmp_path):
    doc = conllu.to_doc(spacy.blank("en").vocab, sample(tmp_path), entities=True)
    assert doc.text == conllu.raw_text(sample(tmp_path), paragraph_breaks=False)[0]
    assert [s.root.text for s in doc.sents] == ["visited", "thanked"]
    kenna = doc[6]
    assert (kenna.text, kenna.dep_, kenna.head.text, kenna.pos_, kenna.tag_) == ("Kenna", "nmod:poss", "school", "PROPN", "NNP")
    assert doc[5].lemma_ == "visit" and str(doc[1].morph) == "Number=Sing"


def test_entities_are_outermost_proper_names(tmp_path):
    doc = conllu.to_doc(spacy.blank("en").vocab, sample(tmp_path), entities=True)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Port Elra", "GPE"),  # inside "The mayor of Port Elra", a common-noun mention
        ("Kenna", "PERSON"),  # the organisation "Kenna's school" is headed by a common noun
        ("Vandorians", "NORP"),  # a plural people name, without its determiner
        ("Ama Osei", "PERSON"),  # the name, without title or apposition
    ]


def test_documents_group_at_newdoc_and_cut_at_paragraphs(tmp_path):
    sents = sample(tmp_path)
    assert [len(d) for d in conllu.group_documents(sents)] == [2]
    chunks = list(conllu.group_documents(sents, max_sents=1))
    assert [len(d) for d in chunks] == [1, 1] and {d[0].doc_id for d in chunks} == {"GUM_news_example"}
    assert conllu.genre("GUM_news_example") == "news" and conllu.genre("weblog-foo_bar_baz") == ""


def test_iob2_spans_and_labels(tmp_path):
    path = tmp_path / "x.iob2"
    path.write_text("# newdoc id = a\n# text = x\n1\tNew\tB-LOC\t-\t-\n2\tYork\tI-LOC\t-\t-\n3\tand\tO\t-\t-\n"
                    "4\tAda\tB-PER\t-\t-\n5\tsaid\tO\t-\t-\n\n# newdoc id = b\n1\tIBM\tI-ORG\t-\t-\n", encoding="utf-8")
    docs = list(iob2_documents(path))
    assert [d.entities for d in docs] == [((0, 2, "GPE"), (3, 4, "PERSON")), ((0, 1, "ORG"),)]


def test_prf():
    assert prf(3, 4, 6) == {"p": 75.0, "r": 50.0, "f": 60.0}
    assert prf(0, 0, 5) == {"p": 0.0, "r": 0.0, "f": 0.0}
