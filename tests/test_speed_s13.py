"""Session-13 speed work: after ``sentences_of`` a doc's ``Token.sent`` is looked up among the sentences it found
(``pipeline._sentence_at``), the same span spaCy's own walk makes, for every token."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from casus.pipeline import sentences_of

WORDS = "Iran denied it . Israel struck Gaza on Monday , officials said . Talks stalled . Why ?".split()
STARTS = [i == 0 or WORDS[i - 1] in (".", "?") for i in range(len(WORDS))]


def _spacy_sentence(doc: Doc, i: int) -> tuple[int, int]:
    span = doc[i:i + 1].sent  # (a span's sentence: spaCy's walk, which token hooks do not reach)
    return span.start, span.end


@pytest.mark.parametrize("starts", [STARTS, [True] + [False] * (len(WORDS) - 1), [True] * len(WORDS)])
def test_every_token_gets_the_sentence_spacy_finds(starts):
    doc = Doc(Vocab(), words=WORDS, sent_starts=starts)
    expected = [_spacy_sentence(doc, i) for i in range(len(doc))]
    sentences_of(doc)
    assert "sent" in doc.user_token_hooks  # (the lookup is in place)
    assert [(t.sent.start, t.sent.end) for t in doc] == expected
    assert all(t.sent.doc is doc and t.sent.label_ == "" for t in doc)


def test_a_doc_with_its_own_sentence_hook_keeps_it():
    doc = Doc(Vocab(), words=WORDS, sent_starts=STARTS)
    doc.user_hooks["sents"] = lambda d: iter([d[0:len(d)]])  # one sentence, whatever the starts say
    sentences_of(doc)
    assert "sent" not in doc.user_token_hooks
    assert (doc[5].sent.start, doc[5].sent.end) == (0, len(WORDS))
