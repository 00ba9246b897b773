"""Lemmas looked up in lemminflect's dictionary by form and part of speech (``casus_lemmas``), in place
of the shipped model's trainable lemmatizer, which ``casus.nlp.load`` leaves out.

The trainable lemmatizer cost ~2.9 CPU ms per AllSides article (this lookup ~0.3 once warm) and mangled
irregular and unseen verbs ("shot" → "shoat", "praised" → "prais", "insisted" → "insiste"); lemminflect's
dictionary knows them. On UD EWT test's gold tokens (``casus eval parse``) the lookup is right as often
overall (96.07% against 96.03%) and more often on verbs (98.5% against 96.0%). Rules, each a fact of English
or of UD's lemma conventions:

- closed-class words get their UD lemma from a table ("me" → "I", "an" → "a", "n't" → "not",
  "'re" → "be", "would" → "would": modals are their own lemma);
- nouns, verbs, adjectives, adverbs and auxiliaries get lemminflect's dictionary lemma for their part of
  speech; a word it does not know keeps its form when capitalised inside a sentence, or in capitals
  ("Palestinian", "CPA": a name-like word), else gets lemminflect's rules for unknown nouns and verbs
  ("kurds" → "kurd"), and its lower-case form otherwise;
- a proper noun keeps its form; a plural one ("States", "Americans") loses its plural ending;
- anything else is its lower-case form.

Lemmas depend only on the token's form, part of speech, tag and whether it starts a sentence, so each
combination is worked out once (a bounded cache on the component). The component runs after the parser's
sentence repairs (``load``), so the sentence starts are the final ones, and before the clause repairs,
which read lemmas.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from lemminflect import getAllLemmas, getLemma
from spacy.attrs import LEMMA, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.strings import StringStore, get_string_id
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

#: Parts of speech lemminflect's dictionary covers.
DICTIONARY_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX"})
#: Parts of speech lemminflect's rules for unknown words suit (its adjective rules mangle: "other" → "oth").
GUESSED_POS = frozenset({"NOUN", "VERB"})
_COMPARISON = {"more": "more", "most": "most", "less": "less", "least": "least"}  # not "much", "little"
_MODALS = ("can", "could", "may", "might", "must", "shall", "should", "will", "would")
#: (part of speech, lower-case form with ' for ’) → UD lemma, where the dictionary has none or another one.
CLOSED: dict[tuple[str, str], str] = {
    **{("PRON", form): lemma for form, lemma in {
        "i": "I", "me": "I", "him": "he", "us": "we", "them": "they", "'em": "they", "em": "they", "u": "you",
        "these": "this", "those": "that", "mine": "my", "yours": "your", "ours": "our", "theirs": "their",
        "hers": "her"}.items()},
    ("DET", "an"): "a", ("DET", "these"): "this", ("DET", "those"): "that",
    **{("AUX", form): lemma for form, lemma in {
        "'s": "be", "'m": "be", "'re": "be", "'ve": "have", "'ll": "will", "'d": "would", "s": "be", "m": "be",
        "re": "be", "ve": "have", "ll": "will", "wo": "will", "ca": "can", "ai": "be"}.items()},
    **{("AUX", modal): modal for modal in _MODALS},
    **{("PART", form): lemma for form, lemma in {
        "n't": "not", "nt": "not", "'s": "'s", "'": "'s", "s": "'s", "na": "to", "ta": "to"}.items()},
    ("INTJ", "na"): "to", ("VERB", "gon"): "go", ("PUNCT", "“"): '"', ("PUNCT", "”"): '"',
    **{(pos, form): lemma for pos in ("ADJ", "ADV") for form, lemma in _COMPARISON.items()},
}
#: Object pronouns whose form is also a possessive determiner ("her" with tag PRP → "she"; PRP$ keeps "her").
OBJECT_PRONOUNS = {"her": "she"}
#: Combinations of form, part of speech, tag, sentence start remembered (~9 MB): AllSides' first 100 articles
#: have ~12,000, the first 1,000 ~44,000 (most of them once); emptied when full, it warms up again within an article.
CACHE_SIZE = 1 << 15


def lemma(form: str, pos: str, tag: str, starts_sentence: bool) -> str:
    """The UD lemma of a token with this form, universal part of speech, fine tag and sentence position."""
    lower = form.lower().replace("’", "'")
    fixed = CLOSED.get((pos, lower))
    if fixed is not None:
        return fixed
    if pos == "PRON" and tag == "PRP" and lower in OBJECT_PRONOUNS:
        return OBJECT_PRONOUNS[lower]
    if pos == "PROPN":
        singular = getLemma(lower, upos="NOUN") if tag == "NNPS" and form.istitle() else ()
        return form[0] + singular[0][1:] if singular and singular[0][:1] == lower[0] else form
    if pos not in DICTIONARY_POS:
        return lower
    known = getAllLemmas(lower, upos=pos).get(pos)
    if known:
        return known[0]
    if form[:1].isupper() and (not starts_sentence or form.isupper()):
        return form  # a name-like word the dictionary does not know ("Palestinian", "CPA")
    guessed = getLemma(lower, upos=pos) if pos in GUESSED_POS else ()
    return guessed[0] if guessed and guessed[0] else lower


class LookupLemmatizer:
    """Sets every token's lemma to ``lemma(...)`` of its form, part of speech, tag and sentence start,
    memoised by their ids in the doc's arrays (at most ``cache_size`` combinations, then afresh): a
    combination seen before costs a dict lookup."""

    def __init__(self, strings: StringStore, cache_size: int = CACHE_SIZE):
        self.strings, self.cache_size = strings, cache_size
        self.known: dict[tuple[int, int, int, bool], tuple[int, str | None]] = {}
        lemma("said", "VERB", "VBD", False)  # lemminflect loads its dictionary now (~0.2 CPU s), before workers fork

    def __call__(self, doc: Doc) -> Doc:
        orth, pos, tag, start = doc.to_array([ORTH, POS, TAG, SENT_START]).T
        keys = zip(orth.tolist(), pos.tolist(), tag.tolist(), (start == 1).tolist())
        found = [self.known.get(key) or self._learn(key) for key in keys]
        for text in {text for _, text in found} - {None}:
            self.strings.add(text)  # (inside a memory zone, for the zone's lifetime, as the trainable lemmatizer's)
        return doc.from_array([LEMMA], numpy.array([i for i, _ in found], dtype=numpy.uint64).reshape(-1, 1))

    def _learn(self, key: tuple[int, int, int, bool]) -> tuple[int, str | None]:
        """The lemma's string id and, when it is neither the form nor its lower case (strings the doc's
        vocab holds already), the lemma itself, to add to the vocab."""
        if len(self.known) >= self.cache_size:
            self.known.clear()
        orth, pos, tag, start = key
        form = self.strings[orth]
        text = lemma(form, self.strings[pos], self.strings[tag], start)
        found = self.known[key] = (get_string_id(text), None if text in (form, form.lower()) else text)
        return found

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """``lemma_acc`` for ``Language.evaluate``, as spaCy's lemmatizers score."""
        return Scorer.score_token_attr(examples, "lemma", **kwargs)


@Language.factory("casus_lemmas")
def make_lookup_lemmatizer(nlp: Language, name: str) -> LookupLemmatizer:
    """The ``casus_lemmas`` pipeline component (see the module docstring)."""
    return LookupLemmatizer(nlp.vocab.strings)
