"""Toponyms in news text, geocoded offline with the casus gazetteer.

Mentions are capitalised word sequences that the gazetteer knows (longest match first, "X province"
kept whole). Each is resolved by a score: the population prior, the kind of place (a country name
is the country), the article's country focus (countries, demonyms and coded actors it mentions),
an explicit "X, Syria" / "X province" context. Metonyms — a toponym that is the subject of a
speech or action verb ("Moscow said", "Ankara, which backs") or part of a longer actor name — are
actors, not places, and are left out.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from casus.knowledge.gazetteer import NOT_PLACES, SUBDIVISION_WORDS, Entry, Gazetteer, normalise
from casus.pipeline import unparsed
from casus.records import Actor, Place

NON_SPACE = re.compile(r"[^\s]+")
CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|del|al|el|la|le|da|do|upon|on)\s+)?[A-Z][\w'’.-]*)*")
#: These three are matched at an offset (``pattern.match(text, end)``), not on a copy of the rest of the text.
SUBDIVISION = re.compile(rf"\s+(?i:{'|'.join(SUBDIVISION_WORDS)})\b")
QUALIFIER = re.compile(r",\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)")
ACTING = re.compile(
    r"(?:'s\s+(?:government|leaders?|president|army|military|forces|officials?|ministry)\b|,\s+(?:which|who)\b"
    r"|\s+(?:(?:has|had|have|also|later|then|yesterday|today|on\s+[A-Z]\w+day|last\s+week)\s+)*(?:said|says|say|told|tells|accused|accuses|denied|denies"
    r"|rejected|rejects|warned|warns|announced|announces|agreed|agrees|signed|signs|backs|backed|wants|wanted"
    r"|urged|urges|called|calls|demanded|demands|insisted|insists|claimed|claims|stated|responded|condemned"
    r"|condemns|threatened|threatens|vowed|vows|pledged|pledges|promised|promises|insisted|blamed|blames"
    r"|will|would|could|should|must|can|did|does|wants|hopes|believes|sees|remains|continues)\b)")
#: Words before a toponym that make it a party rather than a place ("a deal with Moscow").
PARTY_BEFORE = re.compile(r"\b(?:with|against|accused|accuses|accusing|urged|urging|warned|told|backs|backed|between|and)\s+$")
FEATURE_PRIOR = {"continent": 4.0, "country": 4.0, "city": 1.5, "ADM1": 0.0, "ADM2": -0.5}
#: A short name in capitals ("SDF", "GOP", "CNN") names a place only as a country or as the initials of a
#: city at least this big ("NYC", "LA"): GeoNames lists airport codes among a city's alternate names.
INITIALS_POPULATION = 1_000_000
#: A lone word the parser reads as a common word ("Most", "Deal", "Care") is a place only when it is a
#: country, or the main name of a city or region at least this big.
COMMON_WORD_POPULATION = 100_000
#: A capitalized word right before or after a toponym: it is part of a longer name.
NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")
NAME_AFTER = re.compile(r"\s[A-Z]")
LOCATIVE = {"in", "near", "at", "across", "into", "around", "outside", "inside", "throughout", "from", "on",
            "towards", "toward", "within", "over", "through", "along", "between"}


#: ``normalise`` remembered: names recur in an article and across articles, and each capitalised run
#: is tried in up to five lengths.
key_of = lru_cache(maxsize=1 << 16)(normalise)


def _candidates(gazetteer: Gazetteer, name: str) -> list[Entry]:
    """``gazetteer.candidates(name)`` with the name's key remembered."""
    return [gazetteer.entry(i) for i in gazetteer.index.get(key_of(name), ())]


def _country_named(gazetteer: Gazetteer, name: str) -> str | None:
    """``gazetteer.country_named(name)`` with the name's key remembered."""
    found = [e.country for e in _candidates(gazetteer, name) if e.feature == "country"]
    return found[0] if found else gazetteer.demonyms.get(key_of(name))


def _mentions(text: str, gazetteer: Gazetteer, runs: Sequence[re.Match[str]]) -> Iterable[tuple[int, int]]:
    """(start, end) of every longest known name inside a capitalised run (``runs``: the text's
    ``CAPITALISED`` matches)."""
    for run in runs:
        words = [(run.start() + w.start(), run.start() + w.end()) for w in NON_SPACE.finditer(run.group(0))]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 5), i, -1):
                start = words[i][0]
                length = _name_length(text[start:words[j - 1][1]], gazetteer)
                if length is not None:
                    yield start, start + length
                    i = j
                    break
            else:
                i += 1


def _name_length(surface: str, gazetteer: Gazetteer) -> int | None:
    """How many characters of ``surface`` are a known place name: all but trailing punctuation
    ("Aleppo." → 6, "D.C." → 4); None when it names no place (unknown, a common word, a short name
    not in capitals)."""
    key = key_of(surface)
    if "." not in key or key not in gazetteer.index:
        stripped = surface.rstrip(".,'’-")
        if len(stripped) < len(surface):
            surface = stripped
            key = key_of(surface)
    if key not in gazetteer.index or key in NOT_PLACES:
        return None
    short = len(key.replace(" ", "").replace(".", "")) <= 3
    return len(surface) if not short or surface.replace(".", "").isupper() or "." in key else None


def focus(text: str, gazetteer: Gazetteer, actors: Iterable[Actor] = (), runs: Sequence[re.Match[str]] | None = None) -> Counter[str]:
    """How often each country is named in the article (countries, demonyms, coded actors; ``runs``: the
    text's ``CAPITALISED`` matches, if the caller has them)."""
    counts: Counter[str] = Counter()
    for name, times in Counter(word.group(0) for word in (CAPITALISED.finditer(text) if runs is None else runs)).items():
        country = _country_named(gazetteer, name)
        if country:
            counts[country] += times
    for actor in actors:
        if actor.country and len(actor.country) == 3:
            counts[actor.country] += 1
    return counts


def resolve(name: str, gazetteer: Gazetteer, countries: Counter[str], *, subdivision: bool = False,
            qualifier: str | None = None, regions: Counter[tuple[str, str]] | None = None) -> Entry | None:
    """The gazetteer entry ``name`` most likely means in an article about ``countries`` (and the
    first-level ``regions`` its other places lie in)."""
    candidates = _candidates(gazetteer, name)
    key = key_of(name)
    if not candidates:
        demonym = gazetteer.demonyms.get(key) or gazetteer.demonyms.get(key.removesuffix("s"))
        return gazetteer.country(demonym) if demonym else None
    total = sum(countries.values()) or 1
    regions = regions or Counter()
    region_total = sum(regions.values()) or 1
    qualifier_countries = set()
    qualifier_region = None
    if qualifier:
        qualified = [e for e in _candidates(gazetteer, qualifier) if e.feature in ("country", "ADM1")]
        qualifier_countries = {e.country for e in qualified}
        qualifier_region = next((e.admin1 for e in qualified if e.feature == "ADM1"), None)

    def score(e: Entry) -> float:
        s = math.log10(e.population + 10) + FEATURE_PRIOR.get(e.feature, 0.0)
        s += 6.0 * countries.get(e.country or "", 0) / total
        s += 3.0 * regions.get((e.country or "", e.admin1 or ""), 0) / region_total if e.feature != "country" else 0.0
        s += 1.0 if key_of(e.name) == key else 0.0
        if subdivision:
            s += 10.0 if e.feature in ("ADM1", "ADM2") else -2.0
        if e.country in qualifier_countries:
            s += 10.0 + (5.0 if qualifier_region and e.admin1 == qualifier_region else 0.0)
        return s

    return max(candidates, key=score)


def geocode(text: str, spans: list[tuple[int, int]], gazetteer: Gazetteer, actors: Iterable[Actor] = (),
            runs: Sequence[re.Match[str]] | None = None) -> list[Entry | None]:
    """Resolve the toponyms at ``spans`` together: a first pass by the countries the article names
    (``runs``: the text's ``CAPITALISED`` matches, if the caller has them), a second that also weighs
    the countries and regions of the distinct places found in the first."""

    def context(span: tuple[int, int]) -> tuple[str, bool, str | None]:
        qualifier = QUALIFIER.match(text, span[1])
        return text[span[0]:span[1]], bool(SUBDIVISION.match(text, span[1])), qualifier.group(1) if qualifier else None

    contexts = [context(span) for span in spans]
    countries = focus(text, gazetteer, actors, runs)
    first = {key_of(name): resolve(name, gazetteer, countries, subdivision=sub, qualifier=q) for name, sub, q in contexts}
    countries += Counter(e.country for e in first.values() if e and e.country)
    regions = Counter((e.country or "", e.admin1 or "") for e in first.values() if e and e.feature != "country")
    second = {(name, sub, q): resolve(name, gazetteer, countries, subdivision=sub, qualifier=q, regions=regions)
              for name, sub, q in dict.fromkeys(contexts)}  # a name recurs in the same context
    return [second[c] for c in contexts]


def _written_as_place(text: str, start: int, end: int, entry: Entry, chunk: Any, tagged: bool) -> bool:
    """Whether ``text[start:end]`` names ``entry`` as a place rather than as an acronym or a common word:
    a short name in capitals must be a country or a big city's initials, not an airport code ("SDF" is
    Louisville's); a lone word inside a longer name ("Affordable Care Act") or that the parser reads
    as no proper noun and no place must be a country, or the main name of a place of
    ``COMMON_WORD_POPULATION`` people or a first-level region ("From" is no Frome, "Care" no Caere).
    Dotted abbreviations ("N.Y.") come from curated lists and always name their place. ``chunk`` is the
    toponym's tokens (or None), ``tagged`` whether the doc has parts of speech."""
    surface = text[start:end]
    if entry.feature in ("country", "continent") or "." in key_of(surface):  # "N.Y.", "Calif."
        return True
    letters = surface.replace(".", "")
    if letters.isupper() and len(letters) <= 4:
        initials = "".join(word[0] for word in entry.name.split()).upper()
        return letters == initials and entry.population >= INITIALS_POPULATION
    if " " in surface:
        return True
    major = _major(entry, surface)
    if NAME_BEFORE.search(text, max(0, start - 40), start) or NAME_AFTER.match(text, end) and not SUBDIVISION.match(text, end):
        return major
    if not chunk or len(chunk) > 1 or not tagged:
        return True
    return major or chunk[0].pos_ == "PROPN" or chunk[0].ent_type_ in ("GPE", "LOC")


def _is_actor(ctx: Any, start: int, end: int, persons: list[tuple[int, int]], mentions: list[tuple[int, int]],
              chunk: Any) -> bool:
    """A metonym or a name: the subject of a verb in the parse (``chunk``, the toponym's tokens, if the
    doc has dependencies), followed by a speech/action verb, inside a longer actor mention (``mentions``,
    the spans of ``ctx.actors``: "Ankara government") or inside a person's name (``persons``, the
    character spans of the parser's PERSON entities)."""
    text = ctx.article.text
    if ACTING.match(text, end) or PARTY_BEFORE.search(text[max(0, start - 12):start]) and not re.search(r"\b(?:and|between)\s+$", text[max(0, start - 12):start]):
        return True
    if any(s <= start and end <= e and (s, e) != (start, end) for s, e in mentions):
        return True
    if any(s <= start and end <= e for s, e in persons):
        return True  # a person's name ("Jackson said"), not a place
    if chunk is not None and len(chunk) and chunk.root.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
        return chunk.root.head.lemma_ not in ("be", "lie", "remain", "border", "sit")
    return False


def _major(entry: Entry, surface: str) -> bool:
    """A country, first-level region or big city named by its main name: the parser's PERSON label on the
    name alone ("militias shelled Kharkiv") is then an error, not a person (a longer name still is)."""
    return key_of(entry.name) == key_of(surface) and (
        entry.feature in ("country", "ADM1") or entry.population >= COMMON_WORD_POPULATION)


def find_places(ctx: Any, gazetteer: Gazetteer) -> list[Place]:
    """Geocoded toponyms of the article in ``ctx`` (metonyms help the context but are left out)."""
    text = ctx.article.text
    runs = list(CAPITALISED.finditer(text))
    spans = list(_mentions(text, gazetteer, runs))
    persons = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ == "PERSON"] if ctx.doc is not None else []
    tagged = ctx.doc is not None and ctx.doc.has_annotation("POS")
    parsed = ctx.doc is not None and ctx.doc.has_annotation("DEP")
    mentions = [a.span for a in ctx.actors]
    bodies = {a.span: a.country for a in ctx.actors if a.kb_id is not None}  # knowledge-base names, by span
    places: list[Place] = []
    for (start, end), entry in zip(spans, geocode(text, spans, gazetteer, ctx.actors, runs)):
        if entry is None:
            continue
        named = [p for p in persons if p != (start, end)] if _major(entry, text[start:end]) else persons
        chunk = ctx.doc.char_span(start, end, alignment_mode="expand") if ctx.doc is not None else None
        if _is_actor(ctx, start, end, named, mentions, chunk if parsed else None):
            continue
        if (start, end) in bodies and bodies[start, end] != entry.country \
                and key_of(entry.name) != key_of(text[start:end]):
            continue  # "the White House" is the US presidency, not Casablanca (a GeoNames alternate name)
        # in a sentence --prefilter skipped, _is_actor cannot tell a metonym or a name from a place
        if chunk and unparsed(chunk[0]) or not _written_as_place(text, start, end, entry, chunk, tagged):
            continue
        sub = SUBDIVISION.match(text, end)
        if sub and entry.feature in ("ADM1", "ADM2"):
            end = sub.end()
        places.append(Place(text[start:end], (start, end), entry.name, entry.country, entry.admin1,
                            entry.lat, entry.lon, entry.feature, entry.geonames_id))
    return places


def places_step(ctx: Any, res: Any) -> Any:
    """Pipeline step: ``ctx.places`` from the article text, the parse and the actors found before."""
    return ctx.add(places=tuple(find_places(ctx, res.gazetteer)))


SPECIFIC = {"city": 0, "ADM2": 1, "ADM1": 2, "country": 3, "continent": 4}


def _locative_head(ctx: Any, place: Place) -> Any:
    """The word a toponym is attached to through "in/near/at ..." in the parse, else None."""
    chunk = ctx.doc.char_span(*place.span, alignment_mode="expand")
    if chunk is None or not len(chunk):
        return None
    root = chunk.root
    if any(c.dep_ == "case" and c.lower_ in LOCATIVE for c in root.children):  # UD: "in" hangs on the noun
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:  # ClearNLP: the noun hangs on "in"
        return root.head.head
    return None


def event_location(ctx: Any, token: Any) -> Place | None:
    """The place in the event's own clause: a toponym attached through "in/near/at ..." to the
    trigger or a word governing it, else the most specific place of the sentence, nearest first.
    A country is refined by a finer place of the same country in the sentence ("in Idlib, in
    northwest Syria" → Idlib)."""
    sent = token.sent
    in_sentence = [p for p in ctx.places if sent.start_char <= p.span[0] < sent.end_char]
    if not in_sentence:
        return None
    ancestors = [token, *token.ancestors]

    def rank(place: Place) -> tuple[int, int, int]:
        head = _locative_head(ctx, place)
        depth = ancestors.index(head) if head in ancestors else len(ancestors)
        return depth, SPECIFIC.get(place.feature or "", 4), abs(place.span[0] - token.idx)

    best = min(in_sentence, key=rank)
    if best.feature == "country":
        finer = [p for p in in_sentence if p.country == best.country and SPECIFIC.get(p.feature or "", 4) < 3]
        if finer:
            return min(finer, key=rank)
    return best
