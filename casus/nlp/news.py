"""News-text sentence rules: preset before the parser (which keeps the starts set to True) and
enforced after it (a sentence that starts where the rules forbid is joined to the previous one).

- a paragraph break (a blank line) always starts a sentence; whitespace tokens never start one;
- no sentence starts right after a title or month abbreviation (Gen., Sept., Mr.), after an
  initialism followed by a lowercase word or a number (the U.S. army), or after a middle initial
  (Richard M. Nixon); a lowercase word starts one only after punctuation;
- a dateline ("MOSCOW (Reuters) -") is split from the lede that follows it;
- a token glued to the previous one (no whitespace between) never starts a sentence, unless it is a
  word right after ``.``/``!``/``?`` ("end.Next"); so a closing quote mark stays with its sentence;
- a quotation closed by ``,"`` / ``?"`` / ``!"`` and followed by a lowercase word (``," he said``)
  stays in one sentence.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

#: Abbreviations that never end a sentence in news text (titles, ranks, months before a day).
TITLES = frozenset("""
Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Maj. Capt. Sgt. Cpl. Pvt. Adm. Brig. Cmdr. Gov. Sen. Rep. Rev. Hon.
Pres. Amb. Atty. Supt. Insp. Fr. Sr. Jr. St. Mt. Ft. No. Nos. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep.
Sept. Oct. Nov. Dec. vs. v.
""".split())
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_QUOTES_CLOSING = frozenset({'"', "”", "'", "’", "''"})
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]+[A-Z.](?:, [A-Z][A-Za-z.' ]+)?(?: \([A-Za-z.&' ]+\))?[ \t]*(?:-{1,2}|–|—)[ \t]*",
    re.MULTILINE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def abbreviation_special_cases(nlp: Language) -> None:
    """Keep every abbreviation in ``TITLES`` one token (the stock tokenizer splits "Lt." and "No.")."""
    for abbreviation in TITLES:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
        nlp.tokenizer.add_special_case(abbreviation.capitalize(), [{"ORTH": abbreviation.capitalize()}])


def sentence_starts(doc: Doc) -> list[bool | None]:
    """Per token: True = must start a sentence, False = must not, None = the parser decides."""
    starts: list[bool | None] = [None] * len(doc)
    for i, token in enumerate(doc[1:], start=1):
        previous = doc[i - 1]
        if token.is_space:
            starts[i] = False
        elif previous.is_space and _PARAGRAPH_BREAK.search(previous.text + previous.whitespace_):
            starts[i] = i > 1  # after leading whitespace, the first sentence goes on
        elif previous.text in TITLES and (previous.text != "No." or token.like_num):
            starts[i] = False
        elif _INITIALISM.match(previous.text) and (token.is_lower or token.like_num):
            starts[i] = False
        elif _INITIAL.match(previous.text) and token.is_title:
            starts[i] = False
        elif token.is_lower and token.is_alpha and not previous.is_punct:
            starts[i] = False
        elif not previous.whitespace_ and (token.is_punct or not previous.text.endswith((".", "!", "?"))):
            starts[i] = False
        elif previous.text in _QUOTES_CLOSING and i > 1 and doc[i - 2].text in ",?!" and token.is_lower:
            starts[i] = False
    for match in _DATELINE.finditer(doc.text):
        dateline = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        lede = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if dateline is None or lede is None or lede.start == 0 or lede[0].is_space:
            continue
        starts[dateline.start + 1:lede.start] = [False] * (lede.start - dateline.start - 1)
        starts[lede.start] = True
    return starts


@Language.component("casus_news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Preset the rule-decided sentence starts before the parser (it keeps the True ones)."""
    for token, start in zip(doc, sentence_starts(doc)):
        if start is not None and token.i:
            token.is_sent_start = start
    return doc


@Language.component("casus_news_sentence_repair")
def repair_sentences(doc: Doc) -> Doc:
    """After the parser: join a sentence that starts where the rules forbid it to the one before,
    attaching its root to the previous root as ``parataxis``."""
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
