"""CoNLL-U treebanks → spaCy Docs (for training and evaluation).

A document's text is rebuilt from the syntactic words and ``SpaceAfter``: sentences are joined by a
space, paragraphs (``# newpar``) by a blank line. Gold entities come from GUM's ``Entity=`` layer
(nested coreference mentions, pronouns included), flattened to the outermost proper-name mentions.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from casus.nlp.news import TITLES

#: GUM entity type → casus entity label (GUM's "place" does not tell GPE from LOC).
GUM_ENTITY_LABELS = {"person": "PERSON", "organization": "ORG", "place": "GPE"}
#: GUM genres whose licence (LICENSE.txt) is CC-BY or public domain: Wikinews (news, interviews,
#: bios), Wikivoyage, OpenStax textbooks, YouTube vlogs, political speeches, Santa Barbara conversations.
GUM_PERMISSIVE_GENRES = frozenset({"news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation"})
_NAME_GLUE = frozenset({"of", "and", "&", "for", "de", "-", "the"})
_ENTITY_BRACKET = re.compile(r"\((?P<open>[^()]+)(?P<single>\))?|(?P<close>\d+)\)")


@dataclass(frozen=True, slots=True)
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based within the sentence, 0 = root
    deprel: str
    space_after: bool
    entity: str  # GUM's Entity= value, "" if none


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[Word, ...]
    doc_id: str  # the id of the document the sentence belongs to ("" before any ``# newdoc``)
    new_doc: bool  # a document starts here
    new_par: bool


def read_sentences(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file; multiword-token lines only lend their ``SpaceAfter``."""
    words: list[Word] = []
    doc_id, new_doc, new_par = "", False, False
    mwt_end, mwt_space = 0, True
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield Sentence(tuple(words), doc_id, new_doc, new_par or new_doc)
                words, new_doc, new_par, mwt_end = [], False, False, 0
            elif line.startswith("#"):
                if line.startswith("# newdoc"):
                    doc_id, new_doc = line.partition("=")[2].strip(), True
                elif line.startswith("# newpar"):
                    new_par = True
            else:
                cols = line.split("\t")
                if "." in cols[0]:
                    continue
                misc = dict(kv.partition("=")[::2] for kv in cols[9].split("|") if kv != "_")
                if "-" in cols[0]:
                    mwt_end = int(cols[0].split("-")[1])
                    mwt_space = misc.get("SpaceAfter") != "No"
                    continue
                index = int(cols[0])
                inside_mwt = index <= mwt_end
                space = (mwt_space if index == mwt_end else False) if inside_mwt else misc.get("SpaceAfter") != "No"
                words.append(Word(cols[1], cols[2], cols[3], cols[4], cols[5], int(cols[6]), cols[7], space,
                                  misc.get("Entity", "")))
        if words:
            yield Sentence(tuple(words), doc_id, new_doc, new_par or new_doc)


def group_documents(sentences: Iterable[Sentence], max_sents: int = 0) -> Iterator[list[Sentence]]:
    """Group sentences by ``# newdoc``; with ``max_sents`` cut long documents at paragraph starts."""
    doc: list[Sentence] = []
    for sent in sentences:
        cut = max_sents and len(doc) >= max_sents and sent.new_par
        if doc and (sent.new_doc or cut):
            yield doc
            doc = []
        doc.append(sent)
    if doc:
        yield doc


def genre(doc_id: str) -> str:
    """GUM's genre from a document id (``GUM_news_...`` → ``news``), "" otherwise."""
    parts = doc_id.split("_")
    return parts[1] if len(parts) > 2 and parts[0] == "GUM" else ""


def to_doc(vocab, sentences: list[Sentence], entities: bool = False):
    """One spaCy Doc with gold tags, morphs, lemmas, heads, deps, sentence starts (and entities)."""
    from spacy.tokens import Doc, Span

    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for s_index, sent in enumerate(sentences):
        offset = len(words)
        for i, w in enumerate(sent.words):
            words.append(w.form)
            last = i == len(sent.words) - 1
            spaces.append(True if last and s_index < len(sentences) - 1 else w.space_after and not last)
            tags.append(w.xpos)
            pos.append(w.upos)
            morphs.append("" if w.feats == "_" else w.feats)
            lemmas.append(w.lemma)
            heads.append(offset + i if w.head == 0 else offset + w.head - 1)
            deps.append("ROOT" if w.head == 0 else w.deprel)
            starts.append(i == 0)
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
              heads=heads, deps=deps, sent_starts=starts)
    if entities:
        doc.set_ents([Span(doc, start, end, label=label) for start, end, label in named_entities(sentences)],
                     default="outside")
    return doc


def raw_text(sentences: list[Sentence], paragraph_breaks: bool = True) -> tuple[str, list[tuple[int, int]]]:
    """The sentences' raw text (joined by a space, or a blank line at paragraph starts) and the
    character span of each sentence in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for s_index, sent in enumerate(sentences):
        if s_index:
            gap = "\n\n" if paragraph_breaks and sent.new_par else " "
            out.append(gap)
            length += len(gap)
        start = length
        for i, w in enumerate(sent.words):
            piece = w.form + (" " if w.space_after and i < len(sent.words) - 1 else "")
            out.append(piece)
            length += len(piece)
        spans.append((start, length))
    return "".join(out), spans


def named_entities(sentences: list[Sentence]) -> list[tuple[int, int, str]]:
    """Flat named-entity token spans from GUM's nested mentions: the proper-name core of each mention
    whose syntactic head is a PROPN; the outermost one wins where they nest."""
    found: list[tuple[int, int, str]] = []
    offset = 0
    for sent in sentences:
        for start, end, etype in _mentions(sent.words):
            label = GUM_ENTITY_LABELS.get(etype)
            head = _span_head(sent.words, start, end)
            if label is None or sent.words[head].upos != "PROPN":
                continue
            if label == "PERSON" and "Number=Plur" in sent.words[head].feats:
                label = "NORP"
            lo, hi = _name_core(sent.words, start, end, head)
            found.append((offset + lo, offset + hi, label))
        offset += len(sent.words)
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    flat: list[tuple[int, int, str]] = []
    for span in found:
        if not flat or span[0] >= flat[-1][1]:
            flat.append(span)
    return flat


def _mentions(words: tuple[Word, ...]) -> Iterator[tuple[int, int, str]]:
    """(start, end, entity type) of every mention opened and closed in the sentence."""
    open_at: dict[str, list[tuple[int, str]]] = {}
    for i, w in enumerate(words):
        for m in _ENTITY_BRACKET.finditer(w.entity):
            if m["open"]:
                eid, _, rest = m["open"].partition("-")
                etype = rest.split("-")[0]
                if m["single"]:
                    yield i, i + 1, etype
                else:
                    open_at.setdefault(eid, []).append((i, etype))
            elif open_at.get(m["close"]):
                start, etype = open_at[m["close"]].pop()
                yield start, i + 1, etype


def _span_head(words: tuple[Word, ...], start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside the span."""
    for i in range(start, end):
        if not start < words[i].head <= end:
            return i
    return start


def _name_core(words: tuple[Word, ...], start: int, end: int, head: int) -> tuple[int, int]:
    """The contiguous proper-name run around ``head`` within [start, end), e.g. "University of Chicago",
    without a leading title ("Mr.", "Gen.", as UNER and OntoNotes mark names)."""
    def is_name(i: int) -> bool:
        return words[i].upos in ("PROPN", "NUM")

    lo = head
    while lo > start and (is_name(lo - 1) or (words[lo - 1].form.lower() in _NAME_GLUE and lo - 2 >= start
                                             and is_name(lo - 2))):
        lo -= 1
    hi = head + 1
    while hi < end and (is_name(hi) or (words[hi].form.lower() in _NAME_GLUE and hi + 1 < end and is_name(hi + 1))):
        hi += 1
    while not is_name(lo) or (words[lo].form in TITLES and lo < head):
        lo += 1
    return lo, hi
