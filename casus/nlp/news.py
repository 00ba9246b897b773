"""News-text sentence rules, run before the parser (which keeps boundaries that are already set).

- a paragraph break (a blank line) always starts a sentence; whitespace tokens never start one;
- no sentence starts right after a title or month abbreviation (Gen., Sept., Mr.) or inside an
  initialism followed by a lowercase word or a number (the U.S. army);
- a dateline ("MOSCOW (Reuters) -") is split from the lede that follows it;
- a quotation closed by ``,"`` / ``?"`` / ``!"`` and followed by a lowercase word (``," he said``)
  stays in one sentence, and a closing quote mark never starts a sentence.
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


@Language.component("casus_news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Preset sentence starts (True/False) that the parser keeps; unset tokens are left to it."""
    for i, token in enumerate(doc):
        if i == 0:
            continue
        previous = doc[i - 1]
        if token.is_space:
            token.is_sent_start = False
        elif previous.is_space and _PARAGRAPH_BREAK.search(previous.text + previous.whitespace_):
            token.is_sent_start = i > 1  # after leading whitespace, the first sentence goes on
        elif previous.text in TITLES and (previous.text != "No." or token.like_num):
            token.is_sent_start = False
        elif _INITIALISM.match(previous.text) and (token.is_lower or token.like_num):
            token.is_sent_start = False
        elif token.text in _QUOTES_CLOSING and not previous.whitespace_ and previous.is_punct:
            token.is_sent_start = False
        elif previous.text in _QUOTES_CLOSING and i > 1 and doc[i - 2].text in ",?!" and token.is_lower:
            token.is_sent_start = False
    for match in _DATELINE.finditer(doc.text):
        dateline = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        lede = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if dateline is None or lede is None or lede.start == 0 or lede[0].is_space:
            continue
        lede[0].is_sent_start = True
        for token in doc[dateline.start + 1:lede.start]:
            token.is_sent_start = False
    return doc
