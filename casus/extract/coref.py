"""Reference resolution: pronouns and definite descriptions → the actor mention they refer to.

Cheap rules over ``ctx.actors`` (no coreference model): a pronoun or a description ("the ministry",
"the Kremlin spokesman") takes the most recent earlier actor mention compatible in number and
animacy: he/she → a person, it/its → an organisation or country, they → a group, an organisation
or a country; I/we inside a quotation → the quote's speaker. Mentions inside quotation marks are
skipped when the reference itself stands outside them (a reporter's "it" does not point into a quote).
"""
from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal

from casus.records import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.pipeline import Context

Kind = Literal["person", "group", "organisation"]
#: Spans of quoted text, as ``quotation_spans`` finds them.
Quotations = Sequence[Span]

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
THING_PRONOUNS = frozenset("it its itself".split())
GROUP_PRONOUNS = frozenset("they them their theirs themselves".split())
FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())

#: Head nouns of descriptions that refer to a person by office ("the Kremlin spokesman").
PERSON_TITLES = frozenset("""
spokesman spokeswoman spokesperson president minister premier chancellor leader official envoy ambassador
diplomat general commander chief secretary senator governor mayor king queen prince emir sheikh head
director negotiator representative adviser advisor aide candidate lawmaker politician
""".split())
#: Head nouns of descriptions that refer to an organisation or a state.
ORGANISATION_NOUNS = frozenset("""
ministry government kremlin administration army military department office agency council
cabinet parliament side country state regime authorities alliance organisation organization
committee court coalition party movement group company embassy
""".split())
#: First words of the actor step's ``why`` for mentions that are not people (a capital standing for
#: its government, a state body, an organisation or armed group); other knowledge-base entries are
#: people. They override a parser that tags "Moscow" as PERSON or "Olaf Scholz" as GPE.
NON_PERSON_RESOLUTIONS = frozenset("capital country institution nationality agent backed organisation group".split())
_DESCRIPTION_DETERMINERS = frozenset("the this that these those".split())


def actor_kind(actor: Actor, doc) -> Kind:
    """Animacy and number of a mention: from the actor step's resolution when the knowledge base
    knows it, else from the parse (NER label, plural head)."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return "organisation"
    head = span.root
    resolved_as = (actor.why or "").split(" ", 1)[0]
    if resolved_as in NON_PERSON_RESOLUTIONS or (actor.code and actor.code == actor.country):
        person = False
    elif actor.kb_id:
        person = True  # a knowledge-base entry that is not a body, place or group is a person
    else:
        person = head.ent_type_ in ("PERSON", "PER")  # the head decides: "the Chilean navy" is no person
    if (person and head.lower_ not in ORGANISATION_NOUNS) or head.lower_ in PERSON_TITLES:
        return "person"  # "the Health Ministry" is not, even when tagged PERSON; "the spokeswoman" is
    if head.tag_ in ("NNS", "NNPS") or "Plur" in head.morph.get("Number"):
        return "group"
    return "organisation"


def quotation_spans(ctx: Context) -> tuple[Span, ...]:
    """Spans of quoted text in the article (the quote step's findings, else a mark scan)."""
    if ctx.quotes:
        return tuple(q.span for q in ctx.quotes if q.kind != "indirect")
    from casus.extract.quotes import quoted_spans

    return quoted_spans(ctx.article.text)


def _inside(offset: int, spans) -> tuple[int, int] | None:
    return next((s for s in spans if s[0] <= offset < s[1]), None)


def _compatible(kind: Kind, pronoun: str) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return kind == "person"
    if pronoun in THING_PRONOUNS:
        return kind == "organisation"
    return True  # they/them/their: groups, organisations, countries and people alike


def _description_matches(actor: Actor, kind: Kind, head: str, text: str) -> bool:
    """"the ministry" → a mention containing "ministry"; "the spokesman" → a person introduced
    as one ("Kremlin spokesman Dmitry Peskov")."""
    if head in f"{actor.text} {actor.name or ''}".lower():
        return True
    if head in PERSON_TITLES and kind == "person":
        before = text[max(0, actor.span[0] - 40): actor.span[0]].lower()
        return head in before.split()
    return False


def _is_description(token: Token) -> bool:
    """ "the ministry", "this Ministry", "the Kremlin spokesman" — but not a name ("the Foreign Ministry")."""
    if token.lower_ not in PERSON_TITLES | ORGANISATION_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
        return False
    modifiers = [c for c in token.children if c.i < token.i]
    if not any(c.lower_ in _DESCRIPTION_DETERMINERS for c in modifiers):
        return False
    return token.is_lower or len(modifiers) == 1


def _mention_at(ctx: Context, token: Token) -> Actor | None:
    return next((a for a in ctx.actors if a.span[0] <= token.idx < a.span[1]), None)


def _start(actor: Actor) -> int:
    return actor.span[0]


def _earlier(ctx: Context, offset: int) -> Iterator[Actor]:
    """Actor mentions ending before ``offset``, latest start first; mentions that start together
    keep their order in ``ctx.actors`` (which is sorted by span)."""
    actors, end = ctx.actors, bisect.bisect_right(ctx.actors, offset, key=_start)
    while end:
        start = bisect.bisect_left(actors, _start(actors[end - 1]), 0, end, key=_start)
        yield from (a for a in actors[start:end] if a.span[1] <= offset)
        end = start


def _recoded(ctx: Context, own: Actor, token: Token, quotations: Quotations,
             visited: frozenset[int] = frozenset()) -> Actor | None:
    """A mention without a country coded from the phrase it is in apposition to ("its spokeswoman,
    Anna Naghdalyan"), or for an agent ("its forces", "the Defence Ministry") from its possessor or
    the latest earlier mention of the same kind of body."""
    role = own.code[3:] if own.code and own.code.startswith("---") else own.role
    span = token.doc.char_span(own.span[0], own.span[1], alignment_mode="expand")
    if span is None:
        return None
    host_token = span.root.head
    if span.root.dep_ == "appos" and not own.span[0] <= host_token.idx < own.span[1]:  # "Its spokeswoman, Anna Naghdalyan"
        host = resolve_reference(ctx, host_token, quotations=quotations, visited=visited)
        if host is not None and host.country and host.span != own.span:
            return dataclasses.replace(own, code=host.code, country=host.country, role=host.role,
                                       why=f"in apposition to {host.text!r}")
    if not role:
        return None
    possessor = next((c for c in span.root.children if c.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS), None)
    if possessor is not None:
        owner = resolve_reference(ctx, possessor, quotations=quotations, visited=visited)
        if owner is not None and owner.country:
            return dataclasses.replace(own, code=owner.country + role, country=owner.country,
                                       why=f"{possessor.text!r} refers to {owner.text!r}")
        return None
    head = span.root.lower_
    for actor in _earlier(ctx, own.span[0]):
        if actor.country and actor.code and actor.code.endswith(role) and head in actor.text.lower().split():
            return dataclasses.replace(own, code=actor.code, country=actor.country,
                                       why=f"refers back to {actor.text!r}")
    return None


def _modified_phrase(token: Token) -> tuple[int, int]:
    """For the subject of a relative clause, the phrase the clause modifies: "a deal on Syria [it
    had struck]" — "it" is not "Syria". Empty otherwise."""
    verb = token.head
    if token.dep_.startswith("nsubj") and verb.dep_ in ("acl:relcl", "relcl") and verb.head.i < token.i:
        return verb.head.left_edge.idx, token.idx
    return 0, 0


def resolve_reference(ctx: Context, token: Token, *, quotations: Quotations | None = None,
                      visited: frozenset[int] = frozenset()) -> Actor | None:
    """The actor ``token`` refers to: for a pronoun or definite description the most recent
    compatible earlier mention; for a mention of its own, that mention (given the country it
    refers back to when it has none); None when nothing fits. ``quotations`` saves a caller that
    resolves many tokens from recomputing ``quotation_spans(ctx)`` each time. ``visited`` holds the
    tokens already being resolved up the chain, so a mention that refers back to itself ends."""
    if token.i in visited:
        return None
    visited = visited | {token.i}
    word = token.lower_
    quotes = quotation_spans(ctx) if quotations is None else quotations
    quote_here = _inside(token.idx, quotes)
    if word in FIRST_PERSON and token.text != "US":  # "US" is the country, not the pronoun
        if quote_here is None:
            return None
        return next((q.speaker for q in ctx.quotes if q.span == quote_here and q.speaker), None)
    pronoun = word in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
    own = None if pronoun else _mention_at(ctx, token)
    if own is not None:
        recoded = None if own.country else _recoded(ctx, own, token, quotes, visited)
        if own.country or recoded:
            return recoded or own
    description = not pronoun and _is_description(token)
    if not (pronoun or description):
        return own
    modified = _modified_phrase(token)
    for actor in _earlier(ctx, token.idx):
        if quote_here is None and _inside(actor.span[0], quotes) is not None:
            continue
        if modified[0] <= actor.span[0] < modified[1]:
            continue
        kind = actor_kind(actor, token.doc)
        if pronoun and _compatible(kind, word):
            head = token.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
            recoded = _recoded(ctx, actor, head.root, quotes, visited) if not actor.country and head is not None else None
            return recoded or actor
        if description and _description_matches(actor, kind, token.lemma_.lower() or word, ctx.article.text):
            if own is None:
                return actor
            if not actor.country:
                return own
            return dataclasses.replace(own, code=actor.code, country=actor.country, why=f"refers back to {actor.text!r}")
    return own
