"""Quotes: who said what, as direct, mixed and indirect reported speech.

1. ``quoted_spans`` pairs quotation marks (curly or straight, nested, across paragraphs when the
   next paragraph reopens the quote; an unclosed quote ends with its paragraph).
2. Each quoted span takes the nearest speech verb of its sentence(s) outside quotation marks as its
   cue and the cue's subject as its speaker ("…," the ministry said / said Peskov / Peskov told
   reporters: "…"; "according to X"). A quotation embedded in the reporter's own clause
   (Erdogan said forces were "constantly attacking…") is *mixed*. A quote paragraph without a cue
   inherits the speaker of the quote in the same or the previous paragraph (floating quotes).
3. A speech or belief verb outside quotes with a clausal complement is an *indirect* quote
   (The Kremlin said Turkey had failed…): the complement is the content.

Speakers are coded from ``ctx.actors`` (pronouns and descriptions through
``casus.extract.coref.resolve_reference``); the speaker's text and span are the subject as written.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
from lemminflect import getAllInflections
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.strings import get_string_id

from casus.extract.coref import Quotations, resolve_reference
from casus.pipeline import unparsed
from casus.records import Actor, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from casus.pipeline import Context, Resources

#: Verbs that introduce reported speech (lemmas).
SPEECH_VERBS = frozenset("""
say tell add state claim allege announce declare insist argue explain note warn stress emphasise emphasize
acknowledge admit deny confirm report write tweet post ask reply respond answer suggest predict promise
pledge vow threaten urge remind complain concede contend maintain assert reiterate recall comment
observe mention continue testify agree conclude caution estimate disclose reveal
""".split())
#: Verbs of belief and perception that introduce an attributed proposition (indirect only).
BELIEF_VERBS = frozenset("believe think know feel fear hope expect worry doubt suspect find show indicate".split())
#: Speech verbs that are just as often nouns ("a report", "the claim"): accepted only when tagged VERB.
_AMBIGUOUS = frozenset("report claim comment note answer post reply promise pledge vow estimate".split())

OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
_MARKS = re.compile(r"''|``|[\"“”„«»]")
#: What may stand between a cue or a colon and the quote it introduces: space and opening marks.
_BEFORE_QUOTE = " \n\t\"`'" + OPENING_MARKS
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_LABEL = re.compile(r"^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]*:[ \t]+(?=\S)", re.MULTILINE)
_SUBJECTS = ("nsubj", "nsubj:pass", "nsubj:outer", "csubj")
_RELATIVE = ("acl:relcl", "relcl", "advcl:relcl")
#: Dependents of a cue that start a clause of their own (a quote after one is embedded in it).
_CLAUSAL = ("ccomp", "xcomp", "advcl", "conj", "parataxis", "acl", "acl:relcl", "relcl")
_ADDRESSING = frozenset("tell remind inform assure warn notify promise".split())
_NOMINAL = ("PROPN", "NOUN", "PRON")
_IN_NOUN_PHRASE = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
#: Verb tags that make a clause (VBN too: the tagger often reads a past tense as a participle).
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN"})
_NOT_SPEAKERS = frozenset("""
what which who whom monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
morning afternoon evening night week month year day weekend january february march april may june july
august september october november december
""".split())
_MIN_FLOATING_WORDS = 2
_MIN_UNATTRIBUTED_WORDS = 4


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (blank-line separated, else line separated)."""
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n+")
    return [0] + [m.end() for m in breaks.finditer(text)]


def _opens(text: str, i: int, length: int = 1) -> bool:
    """Whether the mark at ``i`` stands where a quotation opens (space before, a word after)."""
    before = text[i - 1] if i else " "
    after = text[i + length] if i + length < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _closes(text: str, i: int, length: int = 1) -> bool:
    """Whether the mark at ``i`` stands where a quotation closes (a word before, no word after)."""
    after = text[i + length] if i + length < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and (after.isspace() or not after.isalnum())


def _opening(text: str, i: int, mark: str, depth: int) -> bool | None:
    """Whether a mark opens (True) or closes (False) a quotation, None for a stray mark.

    Curly marks say which they are, except a closing mark misused at the start of a quote;
    straight marks ('"', "''") are judged by the characters around them."""
    if mark in OPENING_MARKS or mark == "``":
        return True
    if mark in CLOSING_MARKS:
        return False if depth else (True if _opens(text, i) else None)
    if _opens(text, i, len(mark)) or (depth == 0 and not _closes(text, i, len(mark))):
        return True
    return False if depth else None


def quoted_spans(text: str) -> tuple[Span, ...]:
    """Spans of the text between top-level quotation marks (marks excluded).

    Nested quotes stay inside their outer quote; a quote left open at the end of a paragraph
    continues when the next paragraph starts with an opening mark (news style for multi-paragraph
    quotes), and otherwise ends with its paragraph. Stray marks are ignored.
    """
    starts = paragraph_starts(text)
    ends = [*starts[1:], len(text)]
    spans: list[Span] = []
    start: int | None = None
    for p, (p_start, p_end) in enumerate(zip(starts, ends)):
        depth = 1 if start is not None else 0  # a continued quote reopens at depth 1
        for m in _MARKS.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group()
            opening = _opening(text, i, mark, depth)
            if opening and not (depth == 1 and start is not None and i == _first_char(text, p_start)):
                if depth == 0:
                    start = m.end()
                depth += 1
            elif opening is False:
                depth -= 1
                if depth == 0 and start is not None:
                    spans.append((start, i))
                    start = None
        if start is not None:
            following = _first_char(text, p_end) if p + 1 < len(starts) else len(text)
            if not _MARKS.match(text, following):
                spans.append((start, len(text[:p_end].rstrip())))
                start = None
    return tuple((s, e) for s, e in spans if text[s:e].strip())


def _first_char(text: str, offset: int) -> int:
    """Offset of the first non-space character at or after ``offset``."""
    return len(text) - len(text[offset:].lstrip()) if offset < len(text) else len(text)


_DICTIONARY_POS = frozenset({"VERB", "NOUN", "PROPN", "AUX", "ADJ"})
_POS_OF_TAG = {"V": "VERB", "N": "NOUN", "J": "ADJ"}  # first letter of a Penn tag → universal part of speech


@dataclass(frozen=True)
class Inflections:
    """A word set and the forms lemminflect inflects it into: (form, part of speech) → the words
    inflected into it, and the string ids of the words and forms (also as an array, to pass other
    tokens over cheaply)."""

    words: frozenset[str]
    words_of: Mapping[tuple[str, str], frozenset[str]]
    ids: frozenset[int]
    id_array: np.ndarray

    def get(self, form: str, pos: str) -> frozenset[str]:
        return self.words_of.get((form, pos), frozenset())


def inflections(words: frozenset[str]) -> Inflections:
    """Every form lemminflect inflects ``words`` into, by part of speech ("undertook" as a VERB →
    undertake): for these words, the same answers as lemminflect's lemma lookup, at the cost of a dict."""
    found: dict[tuple[str, str], set[str]] = {}
    for word in words:
        for tag, forms in getAllInflections(word).items():
            if tag[0] in _POS_OF_TAG:
                for form in forms:
                    found.setdefault((form.lower(), _POS_OF_TAG[tag[0]]), set()).add(word)
    ids = frozenset(get_string_id(form) for form in {*words, *(form for form, _ in found)})
    return Inflections(words, MappingProxyType({key: frozenset(lemmas) for key, lemmas in found.items()}), ids,
                       np.array(sorted(ids), dtype=np.uint64))


def lemmas(token: Token, inflected: Inflections) -> frozenset[str]:
    """The parser's lemma plus those ``inflected`` gives the token's form as a verb (participles
    tagged ADJ, "struck", too) or as its own part of speech: robust to the trained lemmatizer's
    slips ("undertook")."""
    found = {token.lemma_.lower()}
    if token.pos_ in _DICTIONARY_POS:
        for pos in ("VERB", "NOUN" if token.pos_ == "PROPN" else token.pos_):
            found.update(inflected.get(token.lower_, pos))
    return frozenset(found)


def lemma_table(doc: Doc, inflected: Inflections) -> list[frozenset[str]]:
    """``lemmas(token, inflected) & inflected.words`` for every token of ``doc``, worked out only for
    the tokens whose form, or lemma in lower case, is one of the words or their forms (found over the
    doc's string ids with numpy: most tokens are none)."""
    lemma, lower, orth = doc.to_array([LEMMA, LOWER, ORTH]).reshape(-1, 3).T
    known = among(lemma, inflected.id_array) | among(lower, inflected.id_array)
    respelt = np.unique(lemma[~known & (lemma != lower) & (lemma != orth)]).tolist()  # in lower case, a word?
    strings = doc.vocab.strings
    words = [word for word in respelt if strings[word].lower() in inflected.words]
    if words:
        known |= np.isin(lemma, np.array(words, dtype=np.uint64))
    table = [frozenset()] * len(doc)
    for i in np.flatnonzero(known).tolist():
        table[i] = lemmas(doc[i], inflected) & inflected.words
    return table


def among(values: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """Which of ``values`` (a token attribute column) are in the sorted array ``ordered`` (string-store ids)."""
    if not len(ordered):
        return np.zeros(len(values), dtype=bool)
    found = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    return ordered[found] == values


_CUE_LEMMAS = inflections(SPEECH_VERBS | BELIEF_VERBS | _ADDRESSING)


def _is_cue(token: Token, verbs: frozenset[str], found: frozenset[str] | None = None) -> bool:
    """Whether the token is one of ``verbs`` used as a verb (``found``: its lemmas, when known)."""
    if not (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")):
        return False
    found = (lemmas(token, _CUE_LEMMAS) if found is None else found) & verbs
    return bool(found) and (token.pos_ == "VERB" or not found <= _AMBIGUOUS)


def _according_to(token: Token) -> bool:
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"


#: Prepositions of a gerund whose act is done by the subject of the verb it hangs on ("responded by tweeting", "after
#: saying"; not "criticized Trump for tweeting", "accused him of saying").
_GERUND_PREPOSITIONS = frozenset({"by", "after", "before", "while", "in", "upon", "when"})


def _own_gerund(verb: Token) -> bool:
    """Whether a gerund after a preposition is the act of the subject of the verb it hangs on ("X responded by tweeting:
    ..."): not after "for"/"of", nor after an object of that verb, who then does the gerund's act ("criticized Trump
    for tweeting")."""
    return verb.dep_.startswith("obl") and verb.tag_ == "VBG" \
        and any(c.dep_ in ("case", "mark") and c.text.lower() in _GERUND_PREPOSITIONS for c in verb.children) \
        and not any(c.dep_ in ("obj", "dobj") and c.i < verb.i for c in verb.head.children)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb (a speech verb's speaker): its own, the noun a relative clause hangs on,
    or the subject shared with the verb it is coordinated with or depends on ("…, adding that")."""
    cue = verb
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.pos_ in (*_NOMINAL, "NUM", "DET") and not c.is_space]
        # (climbing from a coordinated verb, the subject nearest before it: its own, which a parser that missed a
        # sentence break hung on the first verb, "…," said Hester. Michael Mulgrew, president of X, said ...)
        subject = max((c for c in subjects if verb.i < c.i < cue.i), key=lambda c: c.i, default=None) \
            if verb is not cue else None
        subject = subject or min(subjects, key=lambda c: abs(c.i - verb.i), default=None)
        if subject is not None:
            if subject.lower_ in ("who", "which", "that") and verb.dep_ in _RELATIVE:
                return _antecedent(subject)
            return subject
        if verb.dep_ in _RELATIVE:
            return verb.head
        if verb.dep_ == "parataxis" and verb.head.i < verb.i and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head  # "Russia, an ally of X, hashed out a deal" parsed as a fragment
        if not (verb.dep_ in ("conj", "advcl", "xcomp", "parataxis") or _own_gerund(verb)) or verb.head is verb:
            return None
        verb = verb.head
    return None


def _can_speak(head: Token) -> bool:
    """Whether a subject can be a speaker: not a question word, a date or a time of day."""
    return not (head.is_space or head.lower_ in _NOT_SPEAKERS or head.tag_ in ("WP", "WDT"))


def _adjacent_noun(verb: Token, inverted: bool) -> Token | None:
    """Parse-free fallback for the speaker: the noun right before the verb ("…," Peskov said,
    "Peskov also said"), or with ``inverted`` the noun phrase right after it ("…," said Peskov)."""
    doc, i, sent = verb.doc, verb.i - 1, verb.sent
    while i >= sent.start and (doc[i].pos_ in ("ADV", "AUX") or doc[i].is_space):
        i -= 1
    if i >= sent.start and doc[i].pos_ in _NOMINAL:
        return doc[i]
    if not inverted:
        return None
    run = []
    for token in doc[verb.i + 1:sent.end]:
        if token.pos_ not in _IN_NOUN_PHRASE:
            break
        run.append(token)
    return next((t for t in reversed(run) if t.pos_ in _NOMINAL), None)


#: How far back a caption's label may end before its "SAYING:" (words and marks).
_MAX_CAPTION = 12
#: Words that make a caption's comma-separated chunk a description, not a name ("SPEAKING AT RALLY", "FROM UTAH").
_CAPTION_PREPOSITIONS = frozenset({"AT", "TO", "IN", "FROM", "OF", "ON", "WITH", "FOR", "BY", "ABOUT", "AFTER", "BEFORE"})


def _captioned(cue: Token) -> Token | None:
    """The speaker a caption names: all in capitals, from a closing bracket (its label, "(SOUNDBITE) (English) GERMAN
    CHANCELLOR ANGELA MERKEL, SAYING: “…”") or the closing mark of the quote before (“… abroad.” LYNCH, SAYING:) to a
    gerund cue before a colon: the last name or noun of its last chunk that is no description ("OBAMA, SPEAKING AT
    RALLY, SAYING:"). Not prose ("Duda called it a “provocation” by Athens, saying:") nor a headline ("PUTIN WARNS
    UKRAINE, SAYING:")."""
    doc = cue.doc
    after = next((t for t in doc[cue.i + 1:cue.i + 3] if not t.is_space), None)
    if not (cue.is_upper and cue.text.endswith("ING")) or after is None or after.text != ":":
        return None
    for opener in reversed(doc[max(cue.i - _MAX_CAPTION - 1, 0):cue.i]):
        if opener.text in (")", "]") or _MARKS.fullmatch(opener.text):
            break
    else:
        return None
    if _MARKS.fullmatch(opener.text) and (opener.text in OPENING_MARKS or opener.text == "``" or opener.i == 0
                                          or doc[opener.i - 1].text not in (".", "?", "!")):
        return None
    stretch = [t for t in doc[opener.i + 1:cue.i] if not t.is_space]
    if not stretch or any(t.text != t.text.upper() for t in stretch):
        return None
    chunks, chunk = [], []
    for token in stretch:
        if token.text == ",":
            chunks.append(chunk)
            chunk = []
        else:
            chunk.append(token)
    chunks.append(chunk)
    name = next((c for c in reversed(chunks) if c and not any(t.text in _CAPTION_PREPOSITIONS for t in c)), [])
    return next((t for t in reversed(name) if t.is_alpha and (t.pos_ in ("PROPN", "NOUN") or t.tag_.startswith("NN"))),
                None)


def _next_report(tokens: list[Token]) -> int:
    """Where a run-on report ends: at a comma or semicolon followed by another speaker's report
    ("…, the Foreign Ministry reminded…, and the Defence Ministry said…")."""
    for k, token in enumerate(tokens):
        if token.text not in (",", ";"):
            continue
        following = [t for t in tokens[k + 1:k + 9] if t.lower_ not in ("and", "but", "while")]
        for j, t in enumerate(following):
            if _is_cue(t, SPEECH_VERBS):
                if j and all(x.pos_ in _IN_NOUN_PHRASE for x in following[:j]):
                    return k
                break
            if t.pos_ not in _IN_NOUN_PHRASE:
                break
    return len(tokens)


def _content(tokens: list[Token]) -> Span | None:
    """Character span of ``tokens`` (up to any following report) without surrounding punctuation,
    if it holds a finite verb."""
    tokens = tokens[:_next_report(tokens)]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if not any(t.tag_ in _FINITE for t in tokens):
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _clause_after(verb: Token) -> Span | None:
    """Parse-free fallback for the content: the clause after the verb (X said [that] Y…, X told
    reporters Y…), starting at "that" or at a word that can open a subject."""
    tokens = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_space]
    that = next((k for k, t in enumerate(tokens[:10]) if t.lower_ == "that"), None)
    if that is None:
        if lemmas(verb, _CUE_LEMMAS) & _ADDRESSING:
            tokens = tokens[_addressee_end(tokens):]
        if not tokens or tokens[0].pos_ not in _IN_NOUN_PHRASE:
            return None
    return _content(tokens[that or 0:])


def _addressee_end(tokens: list[Token]) -> int:
    """Length of the addressee phrase that opens ``tokens`` ("reporters", "the Associated Press",
    "them") before what was told."""
    k = 0
    while k < len(tokens) and tokens[k].pos_ in ("DET", "ADJ", "NUM"):
        k += 1
    if k < len(tokens) and tokens[k].lower_ in ("him", "her", "them", "us", "me", "you"):
        return k + 1
    start = k
    if k < len(tokens) and tokens[k].tag_ == "VBZ":  # a plural noun read as a verb ("told reporters")
        return k + 1
    while k < len(tokens) and tokens[k].pos_ in ("PROPN", "NOUN") and (k == start or tokens[k].pos_ == tokens[start].pos_):
        k += 1
    return k


def _clause_before(verb: Token) -> Span | None:
    """Parse-free fallback for "Y, X said [on Monday]." : the clause before the speaker's comma."""
    sent = verb.sent
    after = [t for t in verb.doc[verb.i + 1:sent.end] if not (t.is_punct or t.is_space)]
    if len(after) > 4 or any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    i = verb.i - 1
    while i > sent.start and verb.doc[i].pos_ in _IN_NOUN_PHRASE | {"ADV", "AUX", "PART"}:
        i -= 1
    if verb.doc[i].text != ",":
        return None
    return _content(list(verb.doc[sent.start:i]))


def _complement(verb: Token) -> Span | None:
    """The span of the verb's clausal complement from the parse (``ccomp``), if it has one."""
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if complement is None:
        return None
    tokens = list(complement.subtree)
    if tokens[0].i <= verb.i <= tokens[-1].i:
        return None
    return _content(tokens)


def _according_to_content(according: Token) -> tuple[Span | None, Token | None]:
    """Content and source of "According to X, Y." / "Y, according to X.": the rest of the sentence."""
    doc, sent = according.doc, according.sent
    source = [t for t in doc[according.i + 2:sent.end] if not t.is_space]
    phrase_end = next((t.i for t in source if t.is_punct), sent.end)
    nominal = [t for t in doc[according.i + 2:phrase_end] if t.pos_ in _NOMINAL]
    head = nominal[-1] if nominal and len(nominal) <= 6 else None
    before = list(doc[sent.start:according.i])
    after = list(doc[phrase_end:sent.end])
    longer = before if len([t for t in before if t.is_alpha]) >= len([t for t in after if t.is_alpha]) else after
    return _content(longer), head


def _antecedent(relative: Token) -> Token:
    """The noun a relative pronoun follows ("Erdogan who said", "Erdogan, who said")."""
    before = relative.doc[relative.i - 1] if relative.i else relative
    if before.text == "," and before.i:
        before = relative.doc[before.i - 1]
    return before if before.pos_ in ("PROPN", "NOUN") else relative.head.head


def _noun_phrase(head: Token, floor: int) -> Span:
    """Character span of the noun phrase headed by ``head``: its nominal left modifiers within
    its subtree ("Kremlin spokesman Dmitry Peskov"; appositions and relative clauses left out),
    never left of ``floor``."""
    doc, left = head.doc, head.i
    while left > head.left_edge.i and doc[left - 1].idx >= floor and (
        doc[left - 1].pos_ in _IN_NOUN_PHRASE or doc[left - 1].lower_ in ("'s", "’s")
    ):
        left -= 1
    right = head
    while right.i + 1 < len(doc) and doc[right.i + 1].head is head and doc[right.i + 1].dep_ in ("flat", "compound"):
        right = doc[right.i + 1]
    return doc[left].idx, right.idx + len(right.text)


def _mention_in(actors: Iterable[Actor], span: Span, head: Token) -> Actor | None:
    """The actor mention that codes the phrase ``span``: the one covering its head, else the last inside it."""
    inside = [a for a in actors if a.span[0] < span[1] and span[0] < a.span[1]]
    covering = [a for a in inside if a.span[0] <= head.idx < a.span[1]]
    return (covering or inside or [None])[-1]


def speaker_actor(ctx: Context, head: Token, floor: int = 0, quotations: Quotations | None = None) -> Actor:
    """The speaker as written (``head``'s noun phrase), coded from the actor it names or refers to
    (``quotations`` as for ``resolve_reference``)."""
    span = _noun_phrase(head, floor)
    referent = resolve_reference(ctx, head, quotations=quotations)
    if head.pos_ == "PRON":
        why = f"{head.text!r} refers to {referent.text!r}" if referent else "unresolved pronoun"
    else:
        if referent is not None and referent.span[0] <= head.idx < referent.span[1] and referent.span[0] >= floor:
            span = min(span[0], referent.span[0]), max(span[1], referent.span[1])
        referent = referent or _mention_in(ctx.actors, span, head)
        why = f"subject coded as {referent.text!r} ({referent.why})" if referent else "subject not in the actor table"
    text = ctx.article.text[span[0]:span[1]]
    if referent is None:
        return Actor(text=text, span=span, why=why)
    return dataclasses.replace(referent, text=text, span=span, why=why)


class _Finder:
    """The quote step's working state over one parsed article."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.text = ctx.article.text
        self.spans = quoted_spans(self.text)
        self.span_starts = [s for s, _ in self.spans]
        self.paragraphs = paragraph_starts(self.text)
        self.sentence_starts = [s.span[0] for s in ctx.sentences]
        self.cue_lemmas = lemma_table(self.doc, _CUE_LEMMAS)
        according = np.flatnonzero(self.doc.to_array(LOWER) == np.uint64(get_string_id("according"))).tolist()
        #: The tokens that may introduce reported speech (forms of a speech or belief verb, "according"), in order.
        self.possible_cue_positions = sorted({*(i for i, found in enumerate(self.cue_lemmas) if found), *according})
        self.possible_cues = [self.doc[i] for i in self.possible_cue_positions]

    def is_cue(self, token: Token, verbs: frozenset[str]) -> bool:
        return _is_cue(token, verbs, self.cue_lemmas[token.i])

    def quoted(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self.span_starts, offset) - 1
        if i >= 0 and offset < self.spans[i][1]:
            return self.spans[i]
        return None

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraphs, offset) - 1

    def cue_sentences(self, span: Span) -> list[tuple[int, int]]:
        """Token ranges of the sentences the quote touches, plus one introducing it ("X said:") and one the
        quote's closing comma continues into when the parser split there ("…,” | Mr. Burman, an economist, said.)."""
        first = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if first is None or not len(first):
            return []
        touched = list(first.sents)  # in order: the first holds the quote's first token, the last its last
        sentences = {(s.start, s.end) for s in touched}
        opening = touched[0]
        if opening.start > 0:
            previous = self.doc[opening.start - 1].sent
            last = next((t for t in reversed(previous) if not t.is_space), None)
            if last is not None and last.text == ":" and self.quoted(last.idx) is None:
                sentences.add((previous.start, previous.end))
        closing = touched[-1]
        if self.text[span[0]:span[1]].rstrip().endswith(",") and closing.end < len(self.doc) \
                and all(t.is_punct or t.is_space for t in closing if t.idx >= span[1]):
            following = self.doc[closing.end].sent
            sentences.add((following.start, following.end))
        return sorted(sentences)

    def cue_for(self, span: Span) -> Token | None:
        in_sentences = [t for start, end in self.cue_sentences(span) for t in self.possible_cues[
            bisect.bisect_left(self.possible_cue_positions, start):bisect.bisect_left(self.possible_cue_positions, end)]]
        cues = [t for t in in_sentences if self.quoted(t.idx) is None
                and (self.is_cue(t, SPEECH_VERBS) or _according_to(t)) and self._beside(t, span)]
        if not cues:
            return self._dash_after(span) or self._label_before(span)
        return min(cues, key=lambda t: t.idx - span[1] if t.idx >= span[1] else span[0] - t.idx)

    def _beside(self, cue: Token, span: Span) -> bool:
        """Whether a cue may introduce the quote: no line break between them (a sentence the parser ran on into the
        next line, "…category.” | Editor’s note: ... pledged"), unless the cue stands right before the quote ("the
        minister said | “Greece must ...”") or a colon before the quote introduces it."""
        if cue.idx >= span[1]:
            return "\n" not in self.text[span[1]:cue.idx]
        between = self.text[cue.idx + len(cue.text):span[0]]
        return "\n" not in between or not between.strip(_BEFORE_QUOTE) or between.rstrip(_BEFORE_QUOTE).endswith(":")

    def _dash_after(self, span: Span) -> Token | None:
        """A dash and a name right after the quote ("…” ― Carla Sanchez") act as its cue."""
        following = self.doc.char_span(span[1], min(len(self.text), span[1] + 12), alignment_mode="expand")
        tokens = [t for t in following or () if not (t.is_space or t.idx < span[1] or _MARKS.fullmatch(t.text))]
        if len(tokens) >= 2 and tokens[0].text in ("―", "—", "–", "--") and tokens[1].pos_ == "PROPN":
            return tokens[0]
        return None

    def _label_before(self, span: Span) -> Token | None:
        """A name and a colon right before the quote (Lavrov: "…") act as its cue."""
        opening = self.doc.char_span(span[0] - 1, span[0], alignment_mode="expand")
        if opening is None or opening.start < 2:
            return None
        colon, name = self.doc[opening.start - 1], self.doc[opening.start - 2]
        return colon if colon.text == ":" and name.pos_ == "PROPN" else None

    def speaker_of(self, cue: Token, quote: Span) -> Actor | None:
        if _according_to(cue):
            head = cue.head if cue.head.i > cue.i + 1 else None
        else:
            head = _captioned(cue) or subject_of(cue)
            if head is None or quote[0] <= head.idx < quote[1]:
                head = _adjacent_noun(cue, inverted=cue.idx >= quote[1]) or self._first_noun_between(quote[1], cue)
        if head is None or quote[0] <= head.idx < quote[1] or not _can_speak(head):
            return None
        floor = quote[1] if head.idx >= quote[1] else 0
        return speaker_actor(self.ctx, head, floor, self.spans)

    def _first_noun_between(self, start: int, cue: Token) -> Token | None:
        """ "…," Leonard Burman, director of X, said: the name that opens the stretch between the
        quote and a cue after it."""
        stretch = [t for t in self.doc[:cue.i] if t.idx >= start and not (t.is_space or t.is_punct)]
        if not stretch or stretch[0].pos_ not in _IN_NOUN_PHRASE:
            return None
        run = []
        for token in stretch:
            if token.pos_ not in _IN_NOUN_PHRASE:
                break
            run.append(token)
        return next((t for t in reversed(run) if t.pos_ in _NOMINAL), None)

    def embedded(self, span: Span, cue: Token | None) -> bool:
        """Whether the quote continues the reporter's own clause (a *mixed* quote)."""
        opening = self.doc.char_span(span[0] - 1, span[0], alignment_mode="expand")
        if opening is None or opening.start == 0 or opening[0].is_sent_start:
            return False
        before = next((t for t in reversed(self.doc[opening[0].sent.start:opening.start]) if not t.is_space), None)
        if before is None or before.is_punct or before.lower_ in ("that", "saying"):
            return False
        if cue is None:
            return True
        introduced = before.i == cue.i or (before.head.i == cue.i and before.dep_ not in _CLAUSAL)
        return not introduced or before.dep_ in _SUBJECTS  # said / told him "…": direct; said he had "…": mixed

    def quote(self, span: Span, kind: str, speaker: Actor | None, cue: Token | None, content: Span | None = None) -> Quote:
        content = content or span
        cue_span = None
        cue_text = None
        if cue is not None:
            cue_end = self.doc[cue.i + 1] if _according_to(cue) else cue
            cue_span = (cue.idx, cue_end.idx + len(cue_end.text))
            cue_text = self.text[cue_span[0]:cue_span[1]]
        sentence = bisect.bisect_right(self.sentence_starts, content[0]) - 1
        return Quote(
            id="", speaker=speaker, cue=cue_text, content=self.text[content[0]:content[1]], span=content,
            kind=kind, cue_span=cue_span, sentence=max(sentence, 0),
        )

    def direct(self) -> list[Quote]:
        found: list[Quote] = []
        for span in self.spans:
            words = len(self.text[span[0]:span[1]].split())
            cue = self.cue_for(span)
            mixed = self.embedded(span, cue)
            speaker = self.speaker_of(cue, span) if cue is not None else None
            if speaker is None:
                previous = found[-1] if found else None
                floating = (
                    not mixed and words >= _MIN_FLOATING_WORDS and previous is not None and previous.speaker is not None
                    and self.paragraph(span[0]) - self.paragraph(previous.span[1]) <= 1 and self._starts_sentence(span)
                )
                if floating:
                    found.append(self.quote(span, "direct", previous.speaker, None))
                    continue
                if mixed or words < _MIN_UNATTRIBUTED_WORDS or cue is None and not self._starts_sentence(span):
                    continue
            found.append(self.quote(span, "mixed" if mixed else "direct", speaker, cue))
        return found

    def _starts_sentence(self, span: Span) -> bool:
        tokens = self.doc.char_span(span[0] - 1, span[0], alignment_mode="expand")
        return tokens is not None and (tokens.start == 0 or tokens[0].is_sent_start or self.doc[tokens.start - 1].is_space)

    def labelled(self, taken: list[Quote]) -> list[Quote]:
        """Transcript and headline style: a paragraph opened by a speaker's name and a colon
        ("PENCE: Well, …", "Pat Caddell: Voters worried…")."""
        found = []
        for m in _LABEL.finditer(self.text):
            label = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            colon = self.doc.char_span(m.end(1), m.end(), alignment_mode="expand")
            if label is None or colon is None or unparsed(label[0]) or not all(t.pos_ == "PROPN" or t.is_upper for t in label):
                continue
            name = label[-1]
            if not (name.ent_type_ in ("PERSON", "PER") or (name.is_upper and len(name) > 2)):
                continue
            line_end = self.text.find("\n", m.end())
            content = (m.end(), len(self.text[:line_end if line_end >= 0 else len(self.text)].rstrip()))
            if any(q.span[0] < content[1] and content[0] < q.span[1] for q in taken):
                continue
            cue = next(t for t in colon if t.text == ":")
            found.append(self.quote(content, "direct", speaker_actor(self.ctx, name, quotations=self.spans), cue))
        return found

    def indirect(self, taken: list[Quote]) -> list[Quote]:
        found: list[Quote] = []
        cues = {q.cue_span[0] for q in taken if q.cue_span}
        covered = [q.span for q in taken]
        verbs = SPEECH_VERBS | BELIEF_VERBS
        for token in self.possible_cues:
            according = _according_to(token)
            if not (according or self.is_cue(token, verbs)):
                continue
            if token.idx in cues or self.quoted(token.idx) or any(s <= token.idx < e for s, e in covered):
                continue
            if according:
                content, head = _according_to_content(token)
            else:
                content = _complement(token) or _clause_after(token) or _clause_before(token)
                head = subject_of(token) or _adjacent_noun(token, inverted=False)
            if content is None:
                continue
            if any(s < content[1] and content[0] < e for s, e in covered) or self._overlaps_quote(content):
                continue
            if head is None or content[0] <= head.idx < content[1]:
                continue
            speaker = speaker_actor(self.ctx, head, quotations=self.spans)
            found.append(self.quote(content, "indirect", speaker, token, content))
            covered.append(content)
        return found

    def _overlaps_quote(self, content: Span) -> bool:
        return any(s < content[1] and content[0] < e for s, e in self.spans)

    def inherit(self, quotes: list[Quote]) -> list[Quote]:
        """A direct quote with no cue and no speaker that opens a paragraph is the speaker's of the report just
        before it, in its own or the previous paragraph ("Revesz said the states were exaggerating.\n\n“The plan
        is not the boundary …”"): a floating quote after an indirect one."""
        out: list[Quote] = []
        for quote in quotes:
            previous = out[-1] if out else None
            if quote.kind == "direct" and quote.speaker is None and quote.cue is None and previous is not None \
                    and previous.speaker is not None and self._starts_paragraph(quote.span) \
                    and self.paragraph(quote.span[0]) - self.paragraph(previous.span[1]) == 1:
                quote = dataclasses.replace(quote, speaker=previous.speaker)
            out.append(quote)
        return out

    def _starts_paragraph(self, span: Span) -> bool:
        return self.text[self.paragraphs[self.paragraph(span[0])]:span[0]].strip() in ("", *OPENING_MARKS, '"', "''", "``")


def find_quotes(ctx: Context, res: Resources) -> Context:
    """Pipeline step: ``ctx.quotes`` (direct, mixed and indirect), numbered Q1… in text order."""
    finder = _Finder(ctx)
    direct = finder.direct()
    direct += finder.labelled(direct)
    quotes = finder.inherit(sorted(direct + finder.indirect(direct), key=lambda q: q.span))
    return ctx.add(quotes=tuple(dataclasses.replace(q, id=f"Q{i}") for i, q in enumerate(quotes, 1)))
