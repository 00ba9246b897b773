"""Lexicon words derived by word formation from the hand-written ones: the other spelling of a verb entry
("criticize" also gives "criticise", with all the entry's conditions) and the manner adverbs of statement cues
("illegal" also gives "illegally": "said Ecuador had illegally terminated his asylum").

A derived word is kept only when lemminflect's dictionary (the library casus already uses for inflections) has it
as a word of the derived part of speech, and a derived verb only when the lexicon does not use the word already:
what an analyst wrote wins. Explanations name the derivation ("'criticise', spelling of the verb 'criticize'").
Nominalisations ("condemnation" from "condemn") are deliberately not derived: on unseen news most of them name an
act as a topic ("calls for his resignation", "her dismissal last year"), not a new event, so the event nouns stay
the hand-written ones.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casus.extract.lexicon import Entry

SPELLINGS = (("ize", "ise"), ("ise", "ize"), ("yze", "yse"), ("yse", "yze"))
#: (adjective ending, adverb ending), the first that fits.
ADVERBS = (("ic", "ically"), ("le", "ly"), ("y", "ily"), ("", "ly"))
#: Adverbs that are no verdict on an act: comments on the news ("unfortunately, the talks failed") or neutral ones.
SENTENCE_ADVERBS = frozenset({"unfortunately", "fortunately", "hopefully", "thankfully", "regrettably", "sadly", "negatively"})


def is_word(word: str, upos: str) -> bool:
    """Whether lemminflect's dictionary has ``word`` as a lemma of that part of speech ("VERB", "ADJ", "ADV" ...)."""
    from lemminflect import getAllLemmas

    return word in getAllLemmas(word, upos=upos).get(upos, ())


def derived_entries(entries: Iterable[Entry], taken: frozenset[str]) -> list[Entry]:
    """The verb entries other spellings add to ``entries``; ``taken`` holds every word the lexicon already uses."""
    out: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for verb in sorted(entry.words) if entry.pos == "verb" else ():
            for form in _spellings(verb):
                if form not in taken and is_word(form, "VERB"):
                    out.setdefault((entry.id, form), replace(
                        entry, id=f"{entry.id}~{form}", words=frozenset({form}),
                        text=f"'{form}', spelling of the verb '{verb}' ({entry.id}: {entry.text})"))
    return list(out.values())


def adverbs(adjectives: Iterable[str]) -> frozenset[str]:
    """The manner adverbs of ``adjectives`` ("illegal" -> "illegally", "irresponsible" -> "irresponsibly",
    "hasty" -> "hastily", "cynical" -> "cynically") that lemminflect knows, without sentence adverbs."""
    found = set()
    for adjective in adjectives:
        if " " in adjective:
            continue
        ending, adverb_ending = next(pair for pair in ADVERBS if adjective.endswith(pair[0]))
        adverb = adjective[: len(adjective) - len(ending)] + adverb_ending
        if adverb not in SENTENCE_ADVERBS and is_word(adverb, "ADV") and is_word(adjective, "ADJ"):
            found.add(adverb)
    return frozenset(found)


def _spellings(verb: str) -> Iterator[str]:
    for ending, other in SPELLINGS:
        if verb.endswith(ending):
            yield verb[: -len(ending)] + other
