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
from collections.abc import Iterable
from typing import Any

from casus.knowledge.gazetteer import NOT_PLACES, SUBDIVISION_WORDS, Entry, Gazetteer, normalise
from casus.records import Actor, Place

CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|del|al|el|la|le|da|do|upon|on)\s+)?[A-Z][\w'’.-]*)*")
SUBDIVISION = re.compile(rf"^\s+(?i:{'|'.join(SUBDIVISION_WORDS)})\b")
QUALIFIER = re.compile(r"^,\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)")
ACTING = re.compile(
    r"^(?:'s\s+(?:government|leaders?|president|army|military|forces|officials?|ministry)\b|,\s+(?:which|who)\b"
    r"|\s+(?:(?:has|had|have|also|later|then|yesterday|today|on\s+[A-Z]\w+day|last\s+week)\s+)*(?:said|says|say|told|tells|accused|accuses|denied|denies"
    r"|rejected|rejects|warned|warns|announced|announces|agreed|agrees|signed|signs|backs|backed|wants|wanted"
    r"|urged|urges|called|calls|demanded|demands|insisted|insists|claimed|claims|stated|responded|condemned"
    r"|condemns|threatened|threatens|vowed|vows|pledged|pledges|promised|promises|insisted|blamed|blames"
    r"|will|would|could|should|must|can|did|does|wants|hopes|believes|sees|remains|continues)\b)")
#: Words before a toponym that make it a party rather than a place ("a deal with Moscow").
PARTY_BEFORE = re.compile(r"\b(?:with|against|accused|accuses|accusing|urged|urging|warned|told|backs|backed|between|and)\s+$")
FEATURE_PRIOR = {"country": 4.0, "city": 1.0, "ADM1": 0.5}
LOCATIVE = {"in", "near", "at", "across", "into", "around", "outside", "inside", "throughout", "from", "on",
            "towards", "toward", "to", "of", "within", "over", "through", "along"}


def _mentions(text: str, gazetteer: Gazetteer) -> Iterable[tuple[int, int, str, bool]]:
    """(start, end, name, subdivision) for every longest known name inside a capitalised run."""
    for run in CAPITALISED.finditer(text):
        words = list(re.finditer(r"[^\s]+", run.group(0)))
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 5), i, -1):
                start, end = run.start() + words[i].start(), run.start() + words[j - 1].end()
                while end > start and text[end - 1] in ",'’-" or text[end - 1] == "." and "." not in text[start:end - 1]:
                    end -= 1
                surface = text[start:end]
                key = normalise(surface)
                abbreviation = len(key.replace(" ", "")) <= 3
                if key in gazetteer.index and key not in NOT_PLACES and (not abbreviation or surface.replace(".", "").isupper()):
                    sub = SUBDIVISION.match(text[end:])
                    if sub:
                        end += sub.end()
                    yield start, end, surface, bool(sub)
                    i = j
                    break
            else:
                i += 1


def focus(text: str, gazetteer: Gazetteer, actors: Iterable[Actor] = ()) -> Counter[str]:
    """How often each country is named in the article (countries, demonyms, coded actors)."""
    counts: Counter[str] = Counter()
    for word in CAPITALISED.finditer(text):
        country = gazetteer.country_named(word.group(0))
        if country:
            counts[country] += 1
    for actor in actors:
        if actor.country and len(actor.country) == 3:
            counts[actor.country] += 1
    return counts


def resolve(name: str, gazetteer: Gazetteer, countries: Counter[str], *, subdivision: bool = False,
            qualifier: str | None = None) -> Entry | None:
    """The gazetteer entry ``name`` most likely means in an article about ``countries``."""
    candidates = gazetteer.candidates(name)
    if not candidates:
        return None
    total = sum(countries.values()) or 1
    qualifier_countries = set()
    qualifier_admin1 = normalise(qualifier) if qualifier else None
    if qualifier:
        qualifier_countries = {e.country for e in gazetteer.candidates(qualifier) if e.feature in ("country", "ADM1")}
    key = normalise(name)

    def score(e: Entry) -> float:
        s = math.log10(e.population + 10) + FEATURE_PRIOR.get(e.feature, 0.0)
        s += 6.0 * countries.get(e.country or "", 0) / total
        s += 1.0 if normalise(e.name) == key else 0.0
        if subdivision:
            s += 10.0 if e.feature == "ADM1" else -2.0
        if e.country in qualifier_countries or (qualifier_admin1 and normalise(e.admin1 or "") == qualifier_admin1):
            s += 10.0
        return s

    return max(candidates, key=score)


def _is_actor(ctx: Any, start: int, end: int) -> bool:
    """A metonym: the subject of a verb in the parse, followed by a speech/action verb, or inside a
    longer actor mention ("Ankara government")."""
    text = ctx.article.text
    if ACTING.match(text[end:]) or PARTY_BEFORE.search(text[max(0, start - 12):start]) and not re.search(r"\b(?:and|between)\s+$", text[max(0, start - 12):start]):
        return True
    if any(a.span[0] <= start and end <= a.span[1] and a.span != (start, end) for a in ctx.actors):
        return True
    doc = ctx.doc
    if doc is not None and doc.has_annotation("DEP"):
        chunk = doc.char_span(start, end, alignment_mode="expand")
        if chunk is not None and len(chunk) and chunk.root.dep_ in ("nsubj", "nsubjpass"):
            return chunk.root.head.lemma_ not in ("be", "lie", "remain", "border", "sit")
    return False


def find_places(ctx: Any, gazetteer: Gazetteer) -> list[Place]:
    """Geocoded toponyms of the article in ``ctx`` (metonyms excluded)."""
    text = ctx.article.text
    countries = focus(text, gazetteer, ctx.actors)
    places: list[Place] = []
    for start, end, name, subdivision in _mentions(text, gazetteer):
        if _is_actor(ctx, start, end):
            continue
        qualifier = QUALIFIER.match(text[end:])
        entry = resolve(name, gazetteer, countries, subdivision=subdivision,
                        qualifier=qualifier.group(1) if qualifier else None)
        if entry is None:
            continue
        places.append(Place(text[start:end], (start, end), entry.name, entry.country, entry.admin1,
                            entry.lat, entry.lon, entry.feature, entry.geonames_id))
    return places


def places_step(ctx: Any, res: Any) -> Any:
    """Pipeline step: ``ctx.places`` from the article text, the parse and the actors found before."""
    return ctx.add(places=tuple(find_places(ctx, res.gazetteer)))


SPECIFIC = {"city": 0, "ADM2": 1, "ADM1": 2, "country": 3}


def event_location(ctx: Any, token: Any) -> Place | None:
    """The place in the event's own clause: a toponym attached (through "in/near/at ...") to the
    trigger or to a verb governing it, else the most specific place of the sentence."""
    sent = token.sent
    in_sentence = [p for p in ctx.places if sent.start_char <= p.span[0] < sent.end_char]
    if not in_sentence:
        return None
    ancestors = [token, *token.ancestors]

    def rank(place: Place) -> tuple[int, int, int]:
        chunk = ctx.doc.char_span(*place.span, alignment_mode="expand")
        depth = len(ancestors) + 1
        if chunk is not None and len(chunk):
            head = chunk.root.head
            if chunk.root.dep_ == "pobj" and head.lower_ in LOCATIVE:
                head = head.head
            if head in ancestors:
                depth = ancestors.index(head)
        return depth, SPECIFIC.get(place.feature or "", 4), abs(place.span[0] - token.idx)

    return min(in_sentence, key=rank)
