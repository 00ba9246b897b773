"""News-text sentence rules: preset before the parser (which keeps the starts set to True) and
enforced after it (a sentence that starts where the rules forbid is joined to the previous one).

- a paragraph break (a blank line) always starts a sentence; whitespace tokens never start one;
- no sentence starts right after a title or month abbreviation (Gen., Sept., Mr.), after an
  initialism followed by a lowercase word, a number or an office word (the U.S. army, U.S. President
  Trump), or after a middle initial
  (Richard M. Nixon); a lowercase word starts one only after punctuation, a capitalised word not right
  after another capitalised word ("Secretary of State John Kerry");
- a dateline ("MOSCOW (Reuters) -") is split from the lede that follows it;
- a token glued to the previous one (no whitespace between) never starts a sentence, unless it is a
  word right after ``.``/``!``/``?`` ("end.Next"); so a closing quote mark stays with its sentence;
- a quotation closed by ``,"`` / ``?"`` / ``!"`` and followed by a lowercase word (``," he said``)
  stays in one sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

#: Abbreviations that never end a sentence in news text (titles, ranks, months before a day).
TITLES = frozenset("""
Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Maj. Capt. Sgt. Cpl. Pvt. Adm. Brig. Cmdr. Gov. Sen. Rep. Rev. Hon.
Pres. Amb. Atty. Supt. Insp. Fr. Sr. Jr. St. Mt. Ft. No. Nos. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep.
Sept. Oct. Nov. Dec. vs. v.
""".split())
#: Capitalised words that go on a phrase after an initialism ("U.S. President", "U.N. Security Council").
OFFICE_WORDS = frozenset("""
President Vice Secretary Ambassador Senator Sen. Rep. Representative Gen. General Admiral Adm. Army Navy Air
Marine Marines Coast Embassy Consulate Congress House Senate Defense Defence State Treasury Justice Attorney
Special Foreign Prime Minister Deputy Envoy Trade Supreme Federal National Department Chief Security Forces
Government Military Troops Officials Commander Command Mission
""".split())
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_QUOTES_CLOSING = frozenset({'"', "”", "'", "’", "''"})
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]+[A-Z.](?:, [A-Z][A-Za-z.' ]+)?(?: \([A-Za-z.&' ]+\))?[ \t]*(?:-{1,2}|–|—)[ \t]*",
    re.MULTILINE,
)
_DATELINE_OPENING = re.compile(r"[ \t]*[A-Z][A-Z.'\- ]")  # what a line must begin with to hold a dateline
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
RULES = "casus_sentence_rules"  # Doc.user_data key: ``sentence_starts``, from news_sentences to the repair


def abbreviation_special_cases(nlp: Language) -> None:
    """Keep every abbreviation in ``TITLES`` one token (the stock tokenizer splits "Lt." and "No.")."""
    for abbreviation in TITLES:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
        nlp.tokenizer.add_special_case(abbreviation.capitalize(), [{"ORTH": abbreviation.capitalize()}])


def sentence_starts(doc: Doc) -> list[bool | None]:
    """Per token: True = must start a sentence, False = must not, None = the parser decides."""
    return _decisions(_start_codes(doc))


def _start_codes(doc: Doc) -> numpy.ndarray:
    """``sentence_starts`` as codes: 1 = must start a sentence, -1 = must not, 0 = the parser decides."""
    words = Words.of(doc)
    codes = _rule_codes(doc, words)
    for i, start in dateline_rules(doc, words).items():
        codes[i] = 1 if start else -1
    return codes


def _decisions(codes: numpy.ndarray) -> list[bool | None]:
    return list(map(_DECISIONS.__getitem__, codes.tolist()))


@dataclass(frozen=True)
class Words:
    """A Doc's tokens by their distinct texts, read from its arrays (making each ``Token`` costs more):
    the token's text is ``texts[kind[i]]``, and it is followed by a space if ``spaced[i]``."""

    texts: list[str]
    kind: numpy.ndarray
    spaced: numpy.ndarray
    offsets: numpy.ndarray  # of the tokens in the text

    @classmethod
    def of(cls, doc: Doc) -> "Words":
        table = doc.to_array([ORTH, SPACY, IDX])
        orths, kind = numpy.unique(table[:, 0], return_inverse=True)
        strings = doc.vocab.strings
        return cls([strings[orth] for orth in orths.tolist()], kind, table[:, 1].astype(bool), table[:, 2].astype(numpy.int64))

    def text(self, i: int) -> str:
        return self.texts[self.kind[i]]

    def with_space(self, i: int) -> str:
        return self.text(i) + " " if self.spaced[i] else self.text(i)


def token_rules(doc: Doc) -> list[bool | None]:
    """The local rules for every token (None for the first): whitespace, paragraphs, abbreviations,
    glued tokens, quotes."""
    return _decisions(_rule_codes(doc, Words.of(doc)))


def _rule_codes(doc: Doc, words: Words) -> numpy.ndarray:
    """``token_rules`` as codes (see ``_start_codes``), worked out on the Doc's attribute arrays: the
    first rule that applies decides."""
    if len(doc) < 2:
        return numpy.zeros(1, dtype=numpy.int64)
    space, lower, alpha, punct, title, number = doc.to_array([IS_SPACE, IS_LOWER, IS_ALPHA, IS_PUNCT, IS_TITLE, LIKE_NUM]).astype(bool).T
    features = numpy.array([_WORD_FEATURES if text.isalnum() and text not in OFFICE_WORDS else _text_features(text)
                            for text in words.texts], dtype=bool)[words.kind]  # fmt: skip
    paragraph, abbreviation, number_sign, initialism, initial, office, stop, quote_closing, comma_or_stop = features.T
    before, here = slice(None, -1), slice(1, None)  # the previous token and the token ruled on
    two_before = numpy.concatenate(([False], comma_or_stop[:-2]))
    rules = [  # (condition, decision) in the order they apply
        (space[here], -1),
        (space[before] & paragraph[before], 1),
        (abbreviation[before] & (~number_sign[before] | number[here]), -1),
        (initialism[before] & (lower[here] | number[here] | office[here]), -1),
        (initial[before] & title[here], -1),
        (lower[here] & alpha[here] & ~punct[before], -1),
        (title[here] & title[before] & alpha[before], -1),
        (title[here] & lower[before] & alpha[before], -1),  # "her counterpart Tomas Ferreira": no stop between
        (~words.spaced[before] & (punct[here] | ~stop[before]), -1),
        (quote_closing[before] & two_before & lower[here], -1),
    ]
    decided = numpy.select([condition for condition, _ in rules], [decision for _, decision in rules], 0)
    if decided[0] == 1:
        decided[0] = -1  # a paragraph break right after the first token: the first sentence goes on
    return numpy.concatenate(([0], decided))


_DECISIONS = MappingProxyType({0: None, 1: True, -1: False})
_WORD_FEATURES = (False,) * 9  # ``_text_features`` of a word other than an office word: most texts


def _text_features(text: str) -> tuple[bool, ...]:
    """What the rules ask of a token's text: a paragraph break in it; a title abbreviation; "No."; an
    initialism; an initial; an office word; ends a sentence; a closing quote; one of ``,?!``."""
    return (_PARAGRAPH_BREAK.search(text) is not None, text in TITLES, text == "No.", _INITIALISM.match(text) is not None,
            _INITIAL.match(text) is not None, text in OFFICE_WORDS, text.endswith((".", "!", "?")), text in _QUOTES_CLOSING,
            text in ",?!")  # fmt: skip


def dateline_rules(doc: Doc, words: Words | None = None) -> dict[int, bool]:
    """A dateline at a line start is not split, and the lede after it starts a sentence. Only a line
    whose first two characters can begin a dateline is put together and matched."""
    if not len(doc):
        return {}
    words = words or Words.of(doc)
    rules: dict[int, bool] = {}
    for start, line in _dateline_lines(words):
        match = _DATELINE.match(line)
        if match is None:
            continue
        dateline = doc.char_span(start, start + match.end(), alignment_mode="expand")
        lede = doc.char_span(start + match.end(), start + match.end() + 1, alignment_mode="expand")
        if dateline is None or lede is None or lede.start == 0 or lede[0].is_space:
            continue
        rules.update(dict.fromkeys(range(dateline.start + 1, lede.start), False))
        rules[lede.start] = True
    return rules


def _dateline_lines(words: Words) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` of each line whose first two characters after spaces and tabs can begin a
    dateline; the text runs at least to the end of the line."""
    count = len(words.kind)
    breaking = numpy.flatnonzero(numpy.array(["\n" in text for text in words.texts], dtype=bool)[words.kind])
    for i in [-1, *breaking.tolist()]:  # -1: the Doc's first line
        if i < 0:
            start, line = 0, ""
        else:  # the line starts after the last line break in token i
            cut = words.text(i).rindex("\n") + 1
            start, line = int(words.offsets[i]) + cut, words.with_space(i)[cut:]
        j = i + 1
        while j < count and len(line.lstrip(" \t")) < 2:
            line, j = line + words.with_space(j), j + 1
        if _DATELINE_OPENING.match(line) is None:
            continue
        while j < count and "\n" not in line:
            line, j = line + words.with_space(j), j + 1
        yield start, line


@Language.component("casus_news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Preset the rule-decided sentence starts before the parser (it keeps the True ones). They are
    kept in ``doc.user_data`` for ``repair_sentences``."""
    codes = _start_codes(doc)
    doc.user_data[RULES] = _decisions(codes)
    array = doc.to_array([SENT_START]).astype("int64")
    array[1:] = numpy.where(codes[1:] != 0, codes[1:], array[1:])
    return doc.from_array([SENT_START], array.astype("uint64").reshape(-1, 1))  # -1 wraps, as spaCy stores it


@Language.component("casus_news_sentence_repair")
def repair_sentences(doc: Doc) -> Doc:
    """After the parser: join a sentence that starts where the rules forbid it to the one before,
    attaching its root to the previous root as ``parataxis``."""
    starts = doc.user_data.pop(RULES, None)
    if starts is None:  # the parse did not go through news_sentences
        starts = sentence_starts(doc)
    previous_root = None
    for sent in list(doc.sents):
        root = sent.root
        if previous_root is not None and starts[sent.start] is False:
            root.head = previous_root
            root.dep_ = "parataxis"
        else:
            previous_root = root
    return doc
