"""Casualty counts in news text: killed, injured, displaced, arrested.

Numbers may be digits ("1,200", "1.5 million"), words ("thirteen", "twenty-five") or vague
quantities ("dozens", "hundreds", "tens of thousands"), which give a lower bound and set
``lower_bound`` — as do "at least" and "more than". Two shapes are read: the count before the
outcome ("13 of its soldiers killed", "thousands of civilians to flee", "20 people were arrested")
and after it ("killing at least 13 people", "left 20 wounded").
"""
from __future__ import annotations

import re
from typing import Any

from casus.extract.wordscan import NUMBER as NUMBER_WORD
from casus.extract.wordscan import matches_at, offsets_of, word_starts, words_of
from casus.records import Casualties

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "a hundred": 100}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Vague plurals and their floor ("dozens" = at least two dozen).
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens of thousands": 20_000,
         "hundreds of thousands": 200_000, "millions": 2_000_000}
OUTCOMES = {
    "killed": r"killed|dead|died|slain|massacred|executed|lost\s+their\s+lives|perished|murdered|shot\s+dead",
    "injured": r"injured|wounded|hurt|maimed",
    "displaced": r"displaced|fled|flee(?:ing)?|forced\s+(?:to\s+flee|from\s+their\s+homes)|made\s+homeless|evacuated|uprooted",
    "arrested": r"arrested|detained|jailed|imprisoned|captured|taken\s+prisoner|rounded\s+up|held",
}
VERBS_AFTER = {
    "killed": r"killing|killed|kills|leaving|left|claimed\s+the\s+lives\s+of|death\s+toll\s+(?:rose|climbed|reached|to)\s*(?:to)?",
    "injured": r"injuring|wounding|injured|wounded|injures|wounds",
    "displaced": r"displacing|displaced|forcing|forced|uprooting",
    "arrested": r"arresting|arrested|detaining|detained|arrests|detains",
}
BOUNDS = ("at least", "more than", "over", "nearly", "almost", "about", "around", "some", "up to", "as many as")
_WORD = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in [*UNITS, *VAGUE]), key=len, reverse=True))
_SCALE = "|".join(SCALES)
_BOUND = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in BOUNDS)
NUMBER = (rf"(?:(?P<bound>{_BOUND})\s+)?"
          rf"(?P<number>\d[\d,]*(?:\.\d+)?(?:\s+(?:{_SCALE}))?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
          rf"(?:one|two|three|four|five|six|seven|eight|nine)|{_WORD})(?:\s+(?:{_SCALE}))?)")
WHO = r"(?P<who>(?:(?:of\s+)?(?:its|their|his|her|the|our)\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:people|persons|civilians|soldiers|troops|fighters|militants|rebels|police(?:men)?|officers|children|women|men|protesters|demonstrators|residents|villagers|workers|migrants|refugees|students|members|militiamen|insurgents|servicemen|personnel|journalists|policemen|passengers|others|Palestinians|Israelis|Syrians|Afghans|Iraqis|Kurds|Turks|Russians|Ukrainians|Americans))"
BEFORE = re.compile(
    rf"(?i:\b{NUMBER}(?:\s+{WHO})?(?:\s+(?:were|was|have\s+been|had\s+been|has\s+been|are|being|been|reportedly|reported|also|to|to\s+be|who|had|have))*\s+"
    rf"(?P<outcome>{'|'.join(f'(?P<{k}>{v})' for k, v in OUTCOMES.items())}))\b")
AFTER = re.compile(
    rf"(?i:\b(?P<verb>{'|'.join(f'(?P<{k}>{v})' for k, v in VERBS_AFTER.items())})\s+{NUMBER}(?:\s+{WHO})?"
    rf"(?:\s+(?P<left_as>dead|wounded|injured|homeless))?)\b")


#: The words a match of ``BEFORE`` and of ``AFTER`` can begin with (as ``word_starts`` keys them).
_BEFORE_WORDS = frozenset({NUMBER_WORD, *(w.split()[0] for w in [*UNITS, *VAGUE, *BOUNDS])})
_AFTER_WORDS = frozenset(re.match(r"[a-z]+", alternative).group() for verbs in VERBS_AFTER.values()
                         for alternative in re.sub(r"\(\?:[^()]*\)", "", verbs).split("|"))  # groups dropped
_FIRST_WORDS = words_of(_BEFORE_WORDS | _AFTER_WORDS)


def parse_number(words: str) -> tuple[int | None, bool]:
    """(value, vague) of a count as written: "1,200" → 1200, "thirteen" → 13, "dozens" → (24, True)."""
    words = re.sub(r"\s+", " ", words.lower().strip())
    if words in VAGUE:
        return VAGUE[words], True
    scale = 1
    for name, factor in SCALES.items():
        if words.endswith(" " + name):
            words, scale = words[: -len(name) - 1], factor
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", words):
        value = float(words.replace(",", ""))
    elif "-" in words:
        tens, ones = words.split("-", 1)
        value = UNITS.get(tens, 0) + UNITS.get(ones, 0)
    elif words in UNITS:
        value = UNITS[words]
    else:
        return None, False
    return int(value * scale), False


def _record(m: re.Match[str], kind: str) -> Casualties | None:
    value, vague = parse_number(m["number"])
    if not value:
        return None
    bound = (m["bound"] or "").lower()
    lower = vague or bound.startswith(("at", "more", "over"))
    who = re.sub(r"^of\s+", "", m["who"]) if m["who"] else None
    text = m.group(0)
    start = m.start() + len(text) - len(text.lstrip())
    return Casualties(text.strip(), (start, m.end()), lower_bound=lower, who=who, **{kind: value})


def find_casualties(text: str) -> list[Casualties]:
    """Casualty counts in ``text`` with their spans, in text order."""
    found: list[Casualties] = []
    starts = word_starts(text, _FIRST_WORDS)
    for m in matches_at(BEFORE, text, offsets_of(starts, _BEFORE_WORDS)):
        kind = next(k for k in OUTCOMES if m[k])
        if record := _record(m, kind):
            found.append(record)
    for m in matches_at(AFTER, text, offsets_of(starts, _AFTER_WORDS)):
        kind = next(k for k in VERBS_AFTER if m[k])
        if m["left_as"] and kind == "killed" and m["verb"].lower() in ("leaving", "left"):
            kind = {"dead": "killed", "wounded": "injured", "injured": "injured", "homeless": "displaced"}[m["left_as"].lower()]
        elif m["verb"].lower() in ("leaving", "left"):
            continue
        if any(f.span[0] < m.end() and m.start() < f.span[1] for f in found):
            continue
        if record := _record(m, kind):
            found.append(record)
    return sorted(found, key=lambda c: c.span)


def casualties_step(ctx: Any, res: Any) -> Any:
    """Pipeline step: ``ctx.casualties`` from the article text."""
    return ctx.add(casualties=tuple(find_casualties(ctx.article.text)))


def event_casualties(ctx: Any, token: Any) -> Casualties | None:
    """The casualty count of the event triggered by ``token``: the one whose span holds the trigger,
    else the nearest in its sentence."""
    sent = token.sent
    in_sentence = [c for c in ctx.casualties if sent.start_char <= c.span[0] < sent.end_char]
    if not in_sentence:
        return None
    return min(in_sentence, key=lambda c: (not c.span[0] <= token.idx < c.span[1], abs(c.span[0] - token.idx)))
