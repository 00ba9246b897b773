"""Language identification by stop-word share, using spaCy's stop-word lists (no extra model).

Texts in a non-Latin script are told apart by script first; for the rest, the language whose
stop words cover the largest share of the words wins.
"""
from __future__ import annotations

import importlib.util
import re
import runpy
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "ro", "tr", "id", "cs", "hu", "ru", "uk", "el", "ar")
NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "fi": "Finnish", "pl": "Polish",
    "ro": "Romanian", "tr": "Turkish", "id": "Indonesian", "cs": "Czech", "hu": "Hungarian", "ru": "Russian",
    "uk": "Ukrainian", "el": "Greek", "ar": "Arabic",
}  # fmt: skip
MIN_WORDS, MIN_LETTERS = 12, 40  # below both: too short to judge (scripts without spaces have few "words")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class Guess:
    language: str | None  # ISO 639-1 code, None when the text is too short to tell
    share: float  # share of words that are stop words of ``language``
    why: str


@cache
def stop_words() -> dict[str, frozenset[str]]:
    """Stop-word sets of ``LANGUAGES`` from spaCy's ``spacy/lang/<xx>/stop_words.py`` (read once). The files
    are run directly: importing ``spacy.lang.<xx>`` would import spaCy and compile every language's
    tokenizer exceptions (about 2 CPU-seconds and 65 MB in the ``casus code`` parent process)."""
    folder = Path(importlib.util.find_spec("spacy").submodule_search_locations[0]) / "lang"  # spaCy not imported
    return {code: frozenset(runpy.run_path(str(folder / code / "stop_words.py"))["STOP_WORDS"]) for code in LANGUAGES}


@cache
def stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Each stop word of ``stop_words()`` → the languages listing it (one look-up per word, not 21)."""
    languages: dict[str, tuple[str, ...]] = {}
    for code, words in stop_words().items():
        for word in words:
            languages[word] = languages.get(word, ()) + (code,)
    return languages


def identify(text: str, sample_chars: int = 5_000) -> Guess:
    """The most likely language of ``text`` (judged on its first ``sample_chars`` characters)."""
    words = Counter(map(str.lower, _WORD.findall(text[:sample_chars])))
    total = sum(words.values())
    letters = sum(len(w) * n for w, n in words.items())
    if total < MIN_WORDS and letters < MIN_LETTERS:
        return Guess(None, 0.0, f"only {total} words, too few to identify the language")
    counts = dict.fromkeys(LANGUAGES, 0)
    listed = stop_word_languages()
    for word in words.keys() & listed.keys():
        for code in listed[word]:
            counts[code] += words[word]
    shares = {code: count / total for code, count in counts.items()}
    best = max(shares, key=shares.__getitem__)
    if shares[best] >= 0.1:
        return Guess(best, shares[best], f"{shares[best]:.0%} of {total} words are {NAMES[best]} stop words")
    latin = sum(len(_LATIN.findall(w)) * n for w, n in words.items()) / letters
    if latin < 0.5:
        return Guess("und", shares[best], f"mostly non-Latin script ({latin:.0%} Latin letters) and no known stop words")
    return Guess(None, shares[best], f"no language's stop words reach 10% of {total} words")
