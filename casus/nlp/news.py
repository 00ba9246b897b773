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
from collections.abc import Sequence

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

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
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
RULES = "casus_sentence_rules"  # Doc.user_data key: ``sentence_starts``, from news_sentences to the repair


def abbreviation_special_cases(nlp: Language) -> None:
    """Keep every abbreviation in ``TITLES`` one token (the stock tokenizer splits "Lt." and "No.")."""
    for abbreviation in TITLES:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
        nlp.tokenizer.add_special_case(abbreviation.capitalize(), [{"ORTH": abbreviation.capitalize()}])


def sentence_starts(doc: Doc) -> list[bool | None]:
    """Per token: True = must start a sentence, False = must not, None = the parser decides."""
    tokens = list(doc)  # each Token made once (indexing the Doc makes a new one every time)
    starts = [None] + [token_rule(tokens, i) for i in range(1, len(tokens))]
    for i, start in dateline_rules(doc).items():
        starts[i] = start
    return starts


def token_rule(doc: Doc | Sequence[Token], i: int) -> bool | None:
    """The local rules for token ``i`` (> 0) of a Doc or its list of tokens: whitespace, paragraphs,
    abbreviations, glued tokens, quotes."""
    token, previous = doc[i], doc[i - 1]
    if token.is_space:
        return False
    if previous.is_space and _PARAGRAPH_BREAK.search(previous.text + previous.whitespace_):
        return i > 1  # after leading whitespace, the first sentence goes on
    if previous.text in TITLES and (previous.text != "No." or token.like_num):
        return False
    if _INITIALISM.match(previous.text) and (token.is_lower or token.like_num or token.text in OFFICE_WORDS):
        return False
    if _INITIAL.match(previous.text) and token.is_title:
        return False
    if token.is_lower and token.is_alpha and not previous.is_punct:
        return False
    if token.is_title and previous.is_title and previous.is_alpha:
        return False  # inside a run of capitalised words ("Secretary of State John Kerry")
    if not previous.whitespace_ and (token.is_punct or not previous.text.endswith((".", "!", "?"))):
        return False
    if previous.text in _QUOTES_CLOSING and i > 1 and doc[i - 2].text in ",?!" and token.is_lower:
        return False
    return None


def dateline_rules(doc: Doc) -> dict[int, bool]:
    """A dateline at a line start is not split, and the lede after it starts a sentence."""
    rules: dict[int, bool] = {}
    for match in _DATELINE.finditer(doc.text):
        dateline = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        lede = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if dateline is None or lede is None or lede.start == 0 or lede[0].is_space:
            continue
        rules.update(dict.fromkeys(range(dateline.start + 1, lede.start), False))
        rules[lede.start] = True
    return rules


@Language.component("casus_news_sentences")
def news_sentences(doc: Doc) -> Doc:
    """Preset the rule-decided sentence starts before the parser (it keeps the True ones). They are
    kept in ``doc.user_data`` for ``repair_sentences``."""
    starts = doc.user_data[RULES] = sentence_starts(doc)
    array = doc.to_array([SENT_START]).astype("int64")
    for i, start in enumerate(starts[1:], start=1):
        if start is not None:
            array[i] = 1 if start else -1
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
