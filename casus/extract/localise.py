"""Give a country to state organs that events name without one ("police", "the military").

Runs after the events, so coreference has had its chance first ("a spokesman" → Russia's). An organ
still without a country belongs to the one country its sentence names when a place sets the sentence
there ("Police fired tear gas in Hong Kong" → HKGCOP) and the story names that country at least twice
(a lone gazetteer hit is not enough; a place that is also an actor mention is a party, not a
setting); or, when the sentence names no country at all, to the story's leading country: the one its
earlier actor and place mentions name most, strictly more often than any other. Police and courts act at
home: for them nationality adjectives do not count ("Russian spies were charged in London … the court" is
British, though the story names Russians more often). Groups that are not
organs of a state (protesters, rebels, businesses, civilians) are left to the actor coder.
"""
from __future__ import annotations

import dataclasses
from collections import Counter

from casus.extract.coref import refers_back
from casus.knowledge.actors import DOMESTIC_ROLES, STATE_ROLES, resolved_as, sole_leader
from casus.records import Actor


def localise_events(ctx, res):
    """Pipeline step (after events): country-less state organs in events take a country."""
    if not any(bare_organ(a) for e in ctx.events for a in (e.source, e.target)):
        return ctx
    parties = {a.span[0] for a in ctx.actors}
    settings = [p for p in ctx.places if _country(p.country) and p.span[0] not in parties]
    named = sorted({(a.span[0], a.country) for a in ctx.actors if _country(a.country) and not refers_back(a)}
                   | {(p.span[0], p.country) for p in settings})
    mentions = Counter(country for _, country in named)
    nationalities = {a.span[0] for a in ctx.actors if resolved_as(a) == "nationality"}
    outright = [(start, country) for start, country in named if start not in nationalities]
    events = []
    for event in ctx.events:
        start, end = ctx.sentences[event.sentence].span
        here = {country for offset, country in named if start <= offset < end}
        placed = any(start <= p.span[0] < end for p in settings)
        found = (_sentence_country(here, mentions) if placed else None) or (
            None if here else _leading_country(named, start))
        home = found if placed or here else _leading_country(outright, start)
        events.append(dataclasses.replace(event, source=_localised(event.source, found, home),
                                          target=_localised(event.target, found, home)))
    return ctx.add(events=tuple(events))


def _country(code: str | None) -> bool:
    return bool(code) and len(code) == 3


def bare_organ(actor: Actor | None) -> bool:
    return (actor is not None and actor.country is None and actor.role in STATE_ROLES
            and bool(actor.code) and actor.code.startswith("---"))


def _sentence_country(here: set[str], mentions: Counter) -> tuple[str, str] | None:
    """The one country the sentence names (one of its places lies there), if the story names it twice."""
    if len(here) != 1:
        return None
    country = next(iter(here))
    return (country, "the country its sentence is set in") if mentions[country] >= 2 else None


def _leading_country(named: list[tuple[int, str]], offset: int) -> tuple[str, str] | None:
    """The country named most before ``offset`` (whole story if none before), strictly ahead of the next."""
    before = [country for start, country in named if start < offset] or [country for _, country in named]
    country = sole_leader(Counter(before))
    return (country, "the story's leading country") if country else None


def _localised(actor: Actor | None, found: tuple[str, str] | None, home: tuple[str, str] | None) -> Actor | None:
    """A bare organ given the country ``found``; police and courts ``home`` (found without nationalities) first."""
    if not bare_organ(actor):
        return actor
    found = (home or found) if actor.role in DOMESTIC_ROLES else found
    if found is None:
        return actor
    country, reason = found
    why = f"{actor.why}; " if actor.why else ""
    return dataclasses.replace(actor, code=country + actor.code[3:], country=country,
                               why=f"{why}country {country}: {reason}")
