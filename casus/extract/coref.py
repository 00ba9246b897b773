"""Reference resolution: pronouns and definite descriptions → the actor mention they refer to.

Cheap rules over ``ctx.actors`` (no coreference model): a pronoun or a description ("the ministry",
"the Kremlin spokesman") takes the nearest earlier actor mention compatible in number, animacy and
gender: he/she → a person not known to be of the other gender (from a kinship noun in apposition, "his sister,
Lucy Somers", or "Mr."/"Ms." before the surname as often as not), it/its → an organisation or country, they → a group, a body or
coordinated mentions, never one person, and one named country only in its own sentence; I/we inside
a quotation → the quote's speaker. A pronoun searches as Hobbs does: its own sentence right to left, then the two sentences
before it, subjects first, left to right ("He" after "Mr. Obama met Mr. Tusk." is Mr. Obama), else follows an
earlier pronoun of its kind ("she said … she added"). It skips places
("protesters in Kiev"), as an object its own clause's subject ("police who fired at them"), as a parenthetical
reporter what it reports on ("X's opponents, they argued, were ..."), and in a quote the speaker's own country.
Mentions inside quotation marks are skipped when the reference itself stands outside them (a reporter's "it"
does not point into a quote). "The administration", "the government" with no earlier body of that name stand
for the government of the country the article names most before them, if one leads; "the regime" for the
latest other country than its speaker's; "the group" with no group named before for the armed group the article
names most.

The actor step applies the article's register (``refer_back``) to its bare agents before any of this: an agent
given a name ("a brigade ... known as Ansar al-Sharia", "Hamas, the militant group") is the named actor, and a
definite one ("the brigade", "the rebels") the latest earlier actor of its own with its head noun, or the latest
armed group, so that every later step reads the mention already coded, with the reason in its ``why``.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from casus.extract.actors import HOSTAGE_TAKERS, PLACE_PREPOSITIONS
from casus.knowledge.actors import (
    INSURGENT_ROLES,
    guessed_country,
    named_person,
    normalize,
    resolved_as,
    sole_leader,
)
from casus.records import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.extract.quotes import Inflections
    from casus.pipeline import Context

Kind = Literal["person", "group", "organisation"]
#: Spans of quoted text, as ``quotation_spans`` finds them.
Quotations = Sequence[Span]

MASCULINE_PRONOUNS = frozenset("he him his himself".split())
FEMININE_PRONOUNS = frozenset("she her hers herself".split())
PERSON_PRONOUNS = MASCULINE_PRONOUNS | FEMININE_PRONOUNS
THING_PRONOUNS = frozenset("it its itself".split())
GROUP_PRONOUNS = frozenset("they them their theirs themselves".split())
THIRD_PERSON = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
NON_PERSON_PRONOUNS = THING_PRONOUNS | GROUP_PRONOUNS
FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
#: Pronouns that stand as an object and so cannot be their own clause's subject ("X fired at them").
OBJECT_PRONOUNS = frozenset("him her them it".split())

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
DESCRIPTION_HEADS = PERSON_TITLES | ORGANISATION_NOUNS
#: Description heads that name a kind of knowledge-base entry, by the first word of its ``why``.
KIND_NOUNS = {"group": "group", "movement": "group", "organisation": "organisation", "organization": "organisation"}
#: First words of the actor step's ``why`` for mentions that are not people (a capital standing for
#: its government, a state body, an organisation or armed group); other knowledge-base entries are
#: people. They override a parser that tags "Moscow" as PERSON or "Olaf Scholz" as GPE.
NON_PERSON_RESOLUTIONS = frozenset("capital country institution nationality agent backed organisation group".split())
#: Determiners of a definite phrase written right before it ("that" is left out: there it more often opens a clause,
#: "said that rebels ..."), and those of a description, hung on its head noun ("that ministry").
DEFINITE_DETERMINERS = frozenset("the this these those".split())
_DESCRIPTION_DETERMINERS = DEFINITE_DETERMINERS | {"that"}
#: Verbs by which a speaker judges what they report ("something it called unacceptable") and verbs of
#: reporting: a pronoun judging inside another's report is that reporter.
JUDGING_VERBS = frozenset("call describe consider deem term brand label regard view see say".split())
REPORTING_VERBS = frozenset("say tell state claim add insist argue note announce allege declare".split())
#: How many sentences before its own a pronoun looks for its referent.
PRONOUN_REACH = 2
#: Descriptions that, with no earlier body of that name, mean the government of the story's country.
GOVERNMENT_NOUNS = frozenset("administration government".split())
#: A government its speaker disowns, with no earlier body of that name: the latest other country named before it.
HOSTILE_GOVERNMENT_NOUNS = frozenset({"regime"})
#: Plural descriptions of a pair ("the two leaders", "both countries"): head nouns and the words marking two.
PAIR_NOUNS = frozenset("leader side country nation government man president state party neighbour neighbor rival ally".split())
PAIR_MARKERS = frozenset({"two", "both"})
#: How many sentences before its own a pair description looks for the two sides it names.
PAIR_REACH = 3
#: Honorifics and gendered titles before a name, and the pronouns they allow.
_HONORIFIC = re.compile(
    r"\b(?P<title>Mr|Mrs|Ms|Miss|Sir|Lady|Madam|King|Queen|Prince|Princess|Sheikha?)\.?\s+"
    r"(?P<name>(?:[A-Z](?:\.|[\w’'-]+)\s+){0,3}[A-Z][\w’'-]+)")
#: What may stand between a title and the name it belongs to: given names and initials.
_NAME_GAP = re.compile(r"(?:\s+[A-Z](?:\.|[\w’'-]+))*\s+")
#: Nouns of kinship and station that give a person in apposition a gender (True: feminine).
GENDERED_NOUNS = {**dict.fromkeys("wife mother daughter sister widow grandmother aunt niece girlfriend".split(), True),
                  **dict.fromkeys("husband father son brother widower grandfather uncle nephew boyfriend".split(), False)}
_FEMININE_TITLES = frozenset("Mrs Ms Miss Lady Madam Queen Princess Sheikha".split())
#: Roles of armed groups outside a state's forces: "the rebels", "the militia" with no country of their own are the
#: latest such group named before them ("the Houthis ... the rebels").
ARMED_GROUP_ROLES = INSURGENT_ROLES | {"UAF"}
#: Head nouns of units and organisations: "the brigade" is the latest actor named with that noun, whatever role the
#: noun alone has ("a brigade ... known as Ansar al-Sharia ... the brigade").
UNIT_NOUNS = frozenset("""
brigade brigades battalion battalions regiment regiments militia militias faction factions wing group groups
movement organisation organization network cell
""".split())
#: What joins an agent to the name it goes by ("a brigade of Islamist fighters known as", "a militia called").
_GIVEN_NAME = re.compile(r"(?:\s+(?:of|from)(?:\s+[\w’'-]+){1,4}?)?,?\s+(known as|called|named|dubbed|"
                         r"calling (?:itself|themselves))\s+(?:the\s+)?", re.IGNORECASE)
#: Resolutions of mentions that name no one in particular: in apposition they describe, they do not name.
UNNAMED = frozenset("agent nationality institution country capital".split())
#: Between a name and an agent in apposition to it: a comma and an article ("Hamas, the militant group").
_APPOSITION_GAP = re.compile(r",\s+(?:(?:the|an?)\s+)?")
#: How the ``why`` of a mention coded by what it refers to says so.
REFERS_BACK = "refers back to"
#: Words right after a definite agent that say which one it is, so that it need not refer back ("the authorities in
#: Hong Kong", "the leader of the group", "the police there").
QUALIFIERS = frozenset("in of for from at there".split())
#: Named at least this often, the armed group an article names most is the one "the group" means with none named
#: before it (an excerpt opening on "the group's leader").
SALIENT_MENTIONS = 2


def actor_kind(actor: Actor, doc) -> Kind:
    """Animacy and number of a mention: from the actor step's resolution when the knowledge base
    knows it, else from the parse (NER label, plural head)."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return "organisation"
    head = span.root
    if named_person(actor):
        person = True  # a person coded from a description, maybe by a nationality alone ("a British aid worker")
    elif resolved_as(actor) in NON_PERSON_RESOLUTIONS or (actor.code and actor.code == actor.country):
        person = False
    elif actor.kb_id:
        person = True  # a knowledge-base entry that is not a body, place or group is a person
    else:
        person = head.ent_type_ in ("PERSON", "PER")  # the head decides: "the Chilean navy" is no person
    plural = head.tag_ in ("NNS", "NNPS") or "Plur" in head.morph.get("Number")
    if plural and head.pos_ == "NOUN":
        return "group"  # "Mr. Morsi's advisers", though the knowledge base codes them as Mr. Morsi
    if (person and head.lower_ not in ORGANISATION_NOUNS) or head.lower_ in PERSON_TITLES:
        return "person"  # "the Health Ministry" is not, even when tagged PERSON; "the spokeswoman" is
    if plural:
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


def _compatible(kind: Kind, pronoun: str, actor: Actor, token: Token) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return kind == "person"
    span = token.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    coordinated = span is not None and (span.root.dep_ == "conj" or any(c.dep_ == "conj" for c in span.root.children))
    if pronoun in THING_PRONOUNS:
        # (one of a list in the pronoun's own sentence acts with the others: "with the EU and Arab states,
        # including Egypt and Jordan, condemning its attacks" is not Jordan's attacks)
        return kind == "organisation" and not (coordinated and actor.span[1] > token.sent.start_char)
    # they/them/their: a group, a body, a people ("American") or one of coordinated mentions
    # ("Chile and Peru said they"), not one person; a named country or capital only in the same
    # sentence ("The US claimed that they had attacked Iraq")
    if coordinated:
        return True
    named_place = resolved_as(actor) in ("country", "capital")
    return kind != "person" and (actor.span[1] > token.sent.start_char or not named_place)


def _is_place(actor: Actor, doc) -> bool:
    """A mention standing as a place ("protesters in Kiev"), which a pronoun does not refer to."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return span is not None and any(c.dep_ == "case" and c.lower_ in PLACE_PREPOSITIONS for c in span.root.children)


@lru_cache(maxsize=2)
def gendered_surnames(text: str) -> Mapping[str, bool]:
    """Surname → True if feminine, for names written after an honorific ("Mr. Tusk", "Ms. Merkel");
    a surname seen with both kinds of title is left out, and so is one the article writes more often
    without an honorific than with one (it names the president "Trump" and his wife once "Mrs. Trump").
    Cached: every pronoun of an article asks."""
    seen: dict[str, set[bool]] = {}
    titled: Counter[str] = Counter()
    for match in _HONORIFIC.finditer(text):
        surname = re.sub(r"[’']s?$", "", match["name"].split()[-1])  # "Mr. Okafor’s" is Okafor
        seen.setdefault(surname, set()).add(match["title"] in _FEMININE_TITLES)
        titled[surname] += 1
    return MappingProxyType({name: kinds.pop() for name, kinds in seen.items() if len(kinds) == 1
                             and 2 * titled[name] >= len(re.findall(rf"\b{re.escape(name)}\b", text))})


def _gender_fits(actor: Actor, pronoun: str, genders: Mapping[str, bool], doc) -> bool:
    """A person mention can take ``pronoun`` unless a gendered noun it stands in apposition to ("his sister,
    Lucy Somers") or, failing one, the article's title for the surname ("Mr. Somers") gives the other gender."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    related = () if span is None else (*(c for c in span.root.children if c.dep_ == "appos"),
                                       *((span.root.head,) if span.root.dep_ == "appos" else ()))
    noun = next((t.lower_ for t in related if t.lower_ in GENDERED_NOUNS), None)
    if noun is not None:
        feminine = GENDERED_NOUNS[noun]
    else:
        words = [w for w in re.split(r"[\s’']+", actor.text) if w[:1].isupper()]
        feminine = genders.get(words[-1]) if words else None
    return feminine is None or feminine == (pronoun in FEMININE_PRONOUNS)


def _description_matches(actor: Actor, kind: Kind, head: str, text: str) -> bool:
    """"the ministry" → a mention containing "ministry"; "the spokesman" → a person introduced
    as one ("Kremlin spokesman Dmitry Peskov"); "the group" → an armed group or movement the knowledge
    base knows ("Boko Haram"), "the organization" → an organisation ("Amnesty International")."""
    if _named_with(actor, head):
        return True
    if head in KIND_NOUNS and actor.kb_id:
        return resolved_as(actor) == KIND_NOUNS[head]
    if head in PERSON_TITLES and kind == "person":
        before = text[max(0, actor.span[0] - 40): actor.span[0]].lower()
        return head in before.split()
    return False


def _named_with(actor: Actor, head: str) -> bool:
    """Whether a mention's words or name have a description's head noun as a whole word ("the government" is not
    "Western governments")."""
    return head in re.findall(r"\w+", f"{actor.text} {actor.name or ''}".lower())


def placed_there(token: Token) -> bool:
    """ "the authorities there": placed by "there" (the last place named), not a body named before; the
    parse may hang "there" on the verb."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return any(c.lower_ == "there" for c in token.children) or (following is not None and following.lower_ == "there")


def _is_description(token: Token) -> bool:
    """ "the ministry", "this Ministry", "the Kremlin spokesman" — but not a name ("the Foreign Ministry")."""
    if token.lower_ not in DESCRIPTION_HEADS or token.pos_ not in ("NOUN", "PROPN"):
        return False
    modifiers = [c for c in token.children if c.i < token.i]
    if not any(c.lower_ in _DESCRIPTION_DETERMINERS for c in modifiers) or placed_there(token):
        return False
    return token.is_lower or len(modifiers) == 1


def _unqualified_definite(phrase) -> bool:
    """Whether a mention's phrase is definite and nothing right after it says which one it is: "the rebels", not
    "the authorities in Hong Kong", "the police there"."""
    doc = phrase.doc
    return phrase.start > 0 and doc[phrase.start - 1].lower_ in DEFINITE_DETERMINERS \
        and not (phrase.end < len(doc) and doc[phrase.end].lower_ in QUALIFIERS)


def _mention_at(ctx: Context, token: Token) -> Actor | None:
    before = ctx.actors[:bisect.bisect_right(ctx.actors, token.idx, key=_start)]  # (sorted by span: none after starts here)
    return next((a for a in before if token.idx < a.span[1]), None)


def _start(actor: Actor) -> int:
    return actor.span[0]


def _sentence_starts(ctx: Context, offset: int) -> tuple[list[int], int]:
    """Start offsets of the article's sentences and the index of the one holding ``offset`` (-1: none)."""
    starts = [s.span[0] for s in ctx.sentences]
    return starts, bisect.bisect_right(starts, offset) - 1


def _candidates(ctx: Context, offset: int) -> Iterator[Actor]:
    """Actor mentions a pronoun at ``offset`` may refer to, in Hobbs order: its own sentence right
    to left, then the ``PRONOUN_REACH`` sentences before it, each subjects first, left to right, an uncoded title
    giving way to the name it stands before ("Ambassador" in "Ambassador Nikki R. Haley"). A mention
    belongs to the sentence it ends in (a parser may split a sentence inside a name)."""
    starts, here = _sentence_starts(ctx, offset)
    if here < 0:
        yield from _earlier(ctx, offset)
        return
    yield from (a for a in _earlier(ctx, offset) if a.span[1] > starts[here])
    for sentence in reversed(ctx.sentences[max(0, here - PRONOUN_REACH):here]):
        start, end = sentence.span
        first, last = bisect.bisect_left(ctx.actors, start, key=_start), bisect.bisect_left(ctx.actors, end, key=_start)
        while first and ctx.actors[first - 1].span[1] > start:
            first -= 1
        mentions = [a for a in ctx.actors[first:last] if start < a.span[1] <= end]
        kept = [actor for actor, following in zip(mentions, (*mentions[1:], None))
                if not (following and not actor.country
                        and _NAME_GAP.fullmatch(ctx.article.text[actor.span[1]:following.span[0]]))]
        yield from sorted(kept, key=lambda actor: not _is_subject(actor, ctx.doc))  # stable: left to right


def _is_subject(actor: Actor, doc) -> bool:
    """Whether a mention is a clause's subject, which a pronoun in a later sentence takes before other mentions
    of that sentence ("... Trump's call with Putin, said Anatoly Antonov. 'It was constructive,' he said")."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return span is not None and span.root.dep_.startswith("nsubj")


_PRONOUN_CLASSES = (MASCULINE_PRONOUNS, FEMININE_PRONOUNS, THING_PRONOUNS, GROUP_PRONOUNS)


def _previous_pronoun(ctx: Context, token: Token, quote_here: Span | None, quotes: Quotations) -> Token | None:
    """The nearest earlier pronoun of the same gender and number within ``PRONOUN_REACH`` sentences,
    on the same side of quotation marks: a chain of "she said … she asked" leads back to one name."""
    same = next(c for c in _PRONOUN_CLASSES if token.lower_ in c)
    starts, here = _sentence_starts(ctx, token.idx)
    reach = starts[max(0, here - PRONOUN_REACH)] if here >= 0 else 0
    for earlier in reversed(token.doc[: token.i]):
        if earlier.idx < reach:
            return None
        if earlier.lower_ in same and (_inside(earlier.idx, quotes) is None) == (quote_here is None):
            return earlier
    return None


def _dominant_government(ctx: Context, token: Token, own: Actor | None) -> Actor | None:
    """For "the administration" with no earlier body of that name: the government of the country
    the article names most before it, when one country leads (a tie resolves nothing)."""
    country = leading_country(ctx, token.idx)
    if country is None:
        return None
    phrase = token.doc[token.left_edge.i: token.i + 1]
    mention = own or Actor(text=phrase.text, span=(phrase.start_char, phrase.end_char))
    return dataclasses.replace(mention, code=country + "GOV", country=country, role="GOV",
                               why=f"{phrase.text!r}: the government of the story's leading country {country}")


def resolve_pair(ctx: Context, token: Token) -> tuple[Actor, Actor] | None:
    """The two actors a plural description of a pair refers to ("the two leaders", "both sides"):
    the latest sentence before it (its own included, up to the description) naming two sides, the
    first mention of each; None when it is no such description or no sentence near names two."""
    if token.lemma_.lower() not in PAIR_NOUNS or token.tag_ not in ("NNS", "NNPS") \
            or not any(c.lower_ in PAIR_MARKERS for c in token.children if c.i < token.i):
        return None
    starts, here = _sentence_starts(ctx, token.idx)
    for index in range(here, max(-1, here - PAIR_REACH - 1), -1):
        start, end = starts[index], min(ctx.sentences[index].span[1], token.left_edge.idx)
        sides: dict[str, Actor] = {}
        for actor in ctx.actors:
            side = actor.country or (actor.code or "")[:3]
            if start <= actor.span[0] and actor.span[1] <= end and side.isalpha() and side not in sides:
                sides[side] = actor
        if len(sides) >= 2:
            first, second = list(sides.values())[:2]
            return first, second
    return None


def leading_country(ctx: Context, offset: int, domestic: bool = False) -> str | None:
    """The country the article names most before ``offset`` as an actor or a place, when one leads (a tie
    resolves nothing); an agent given the story's country as a guess ("militants") or coded by what it refers back
    to ("the rebels") names none. For a ``domestic`` organ (police, a court) nationality adjectives name none
    either: "Russian spies" charged in Manchester are before a British court."""
    named = Counter(a.country for a in _earlier(ctx, offset) if a.country and len(a.country) == 3 and not refers_back(a)
                    and not guessed_country(a) and not (domestic and resolved_as(a) == "nationality"))
    named.update(p.country for p in ctx.places if p.span[1] <= offset and p.country and len(p.country) == 3)
    return sole_leader(named)


def _earlier(ctx: Context, offset: int) -> Iterator[Actor]:
    """Actor mentions ending before ``offset``, latest start first; mentions that start together
    keep their order in ``ctx.actors`` (which is sorted by span)."""
    actors, end = ctx.actors, bisect.bisect_right(ctx.actors, offset, key=_start)
    while end:
        start, first = end - 1, actors[end - 1].span[0]
        while start and actors[start - 1].span[0] == first:
            start -= 1
        for actor in actors[start:end]:
            if actor.span[1] <= offset:
                yield actor
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
    if not role or placed_there(span.root):
        return None
    possessor = next((c for c in span.root.children if c.lower_ in THIRD_PERSON
                      or (c.dep_.startswith("nmod") and any(g.dep_ == "case" and g.lower_ in ("for", "of") for g in c.subtree)
                          and c.i > span.root.i
                          # (not a gerund clause read as a phrase: "accused the court of persecuting Israeli soldiers")
                          and not any(g.tag_ == "VBG" for g in c.subtree if g.i < c.i))), None)
    if possessor is not None:  # "its forces", "a spokesman for President Obama"
        owner = resolve_reference(ctx, possessor, quotations=quotations, visited=visited)
        if owner is not None and owner.country:
            return dataclasses.replace(own, code=owner.country + role, country=owner.country,
                                       why=f"{possessor.text!r} refers to {owner.text!r}")
        return None
    head = span.root.lower_
    # Only the latest such mention: it resolves through its own predecessors in turn, so trying every
    # earlier one as well would make long articles exponential.
    actor = next((a for a in _earlier(ctx, own.span[0])
                  if a.code and a.code.endswith(role) and head in a.text.lower().split()), None)
    if actor is None:
        return None
    earlier = actor if actor.country else _resolved_mention(ctx, actor, token.doc, quotations, visited)
    if earlier is None or not earlier.country:
        return None
    return dataclasses.replace(own, code=earlier.code, country=earlier.country, why=f"{REFERS_BACK} {actor.text!r}")


def _resolved_mention(ctx: Context, actor: Actor, doc, quotations: Quotations, visited: frozenset[int]) -> Actor | None:
    """What an uncoded earlier mention ("A spokesman for President Obama") resolves to."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return None if span is None else resolve_reference(ctx, span.root, quotations=quotations, visited=visited)


def _own_subject(token: Token) -> tuple[int, int]:
    """For an object pronoun, the span of its clause's subject, which it cannot mean ("officers, who
    fired at them": not the officers); a relative pronoun subject stands for the phrase it modifies.
    Empty otherwise."""
    if token.lower_ not in OBJECT_PRONOUNS or token.dep_.startswith("nsubj") or token.dep_ == "nmod:poss":
        return 0, 0
    verb = token.head
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ in ("acl:relcl", "relcl"):
        subject = verb.head
    if subject is None:
        return 0, 0
    return subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)


def _judging_reporter(pronoun: Token) -> Token | None:
    """For a pronoun judging inside another's report ("The Kremlin said Turkey had failed ..., something it
    called unacceptable"), the reporter's subject: the speaker, not the one reported on. None otherwise."""
    verb = pronoun.head
    if not pronoun.dep_.startswith("nsubj") or not _verb_in(verb, JUDGING_VERBS):
        return None
    report = next((a for a in verb.ancestors if a.pos_ == "VERB" and _verb_in(a, REPORTING_VERBS)), None)
    speaker = None if report is None else next((c for c in report.children if c.dep_ in ("nsubj", "nsubj:outer")), None)
    return None if speaker is None or speaker.lower_ == pronoun.lower_ else speaker


def _parenthetical_reporter(pronoun: Token) -> bool:
    """Whether the pronoun is the subject of a report set off by commas inside what it reports ("Mr. Morsi's
    opponents, they argued, were sabotaging ..."): the speakers are not the ones reported on before it."""
    doc = pronoun.doc
    verb = doc[pronoun.i + 1] if pronoun.i + 1 < len(doc) else None
    if pronoun.i == 0 or doc[pronoun.i - 1].text != "," or verb is None or not _verb_in(verb, REPORTING_VERBS):
        return False
    return any(t.text == "," for t in doc[verb.i + 1: verb.i + 4])


def _verb_in(token: Token, verbs: frozenset[str]) -> bool:
    """Whether a word is one of ``verbs`` (of ``JUDGING_VERBS`` or ``REPORTING_VERBS``) by ``quotes.lemmas``: robust to
    the trained lemmatizer's slips ("insisted" → "insiste")."""
    from casus.extract.quotes import lemmas  # (quotes imports this module)

    return not verbs.isdisjoint(lemmas(token, _reporting_forms()))


@lru_cache(maxsize=1)
def _reporting_forms() -> Inflections:
    """The forms of ``JUDGING_VERBS`` and ``REPORTING_VERBS``, built on first use (quotes imports this module)."""
    from casus.extract.quotes import inflections

    return inflections(JUDGING_VERBS | REPORTING_VERBS)


def _speaker_country(ctx: Context, quote_here: Span | None) -> str | None:
    """The country of the speaker of the quotation ``quote_here`` (None outside one)."""
    speaker = next((q.speaker for q in ctx.quotes if q.span == quote_here and q.speaker), None) if quote_here else None
    return speaker.country if speaker is not None else None


def _named_regime(ctx: Context, token: Token, own: Actor | None, quote_here: Span | None) -> Actor | None:
    """For "the regime", "this rogue regime" with no earlier body of that name: the government of the latest
    country named before it (in Hobbs order, as for a pronoun) other than the speaker's own — nobody calls
    their own government a regime (Netanyahu's "this rogue regime" after "Iran" is Iran's)."""
    own_country = _speaker_country(ctx, quote_here)
    named = next((a for a in _candidates(ctx, token.idx)
                  if a.country and len(a.country) == 3 and a.country != own_country), None)
    if named is None:
        return None
    phrase = token.doc[token.left_edge.i: token.i + 1]
    mention = own or Actor(text=phrase.text, span=(phrase.start_char, phrase.end_char))
    return dataclasses.replace(mention, code=named.country + "GOV", country=named.country, role="GOV",
                               why=f"{phrase.text!r}: the government of {named.text!r}, not the speaker's own")


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
    if word in FIRST_PERSON and token.text != "US":  # "US" is the country, not the pronoun
        quote_here = _inside(token.idx, quotes)
        if quote_here is None:
            return None
        return next((q.speaker for q in ctx.quotes if q.span == quote_here and q.speaker), None)
    pronoun = word in THIRD_PERSON
    own = None if pronoun else _mention_at(ctx, token)
    if own is not None and not (guessed_country(own) and _is_description(token)):
        recoded = None if own.country else _recoded(ctx, own, token, quotes, visited)
        if own.country or recoded:
            return recoded or own
    description = not pronoun and _is_description(token)
    if not (pronoun or description):
        return own
    quote_here = _inside(token.idx, quotes)
    reporter = _judging_reporter(token) if pronoun else None
    if reporter is not None:
        found = resolve_reference(ctx, reporter, quotations=quotes, visited=visited)
        if found is not None and _compatible(actor_kind(found, token.doc), word, found, token):
            return found
    modified, subject = _modified_phrase(token), _own_subject(token)
    if pronoun and _parenthetical_reporter(token):  # "X's opponents, they argued, were ...": not X's opponents
        subject = token.sent.start_char, token.idx
    genders = gendered_surnames(ctx.article.text) if word in PERSON_PRONOUNS else {}
    own_country = _speaker_country(ctx, quote_here) if word in NON_PERSON_PRONOUNS else None
    for actor in _candidates(ctx, token.idx) if pronoun else _earlier(ctx, token.idx):
        if quote_here is None and _inside(actor.span[0], quotes) is not None:
            continue
        if actor.country is not None and actor.code == actor.country == own_country:
            continue  # the speaker's own country is "we" in their quote ("We're meeting with them")
        if modified[0] <= actor.span[0] < modified[1] or subject[0] <= actor.span[0] < subject[1]:
            continue
        kind = actor_kind(actor, token.doc)
        if pronoun and word in PERSON_PRONOUNS and kind == "person" and not _gender_fits(actor, word, genders, token.doc):
            continue
        if pronoun and _compatible(kind, word, actor, token) and not _is_place(actor, token.doc):
            head = token.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
            recoded = _recoded(ctx, actor, head.root, quotes, visited) if not actor.country and head is not None else None
            return recoded or actor
        if description and _description_matches(actor, kind, token.lemma_.lower() or word, ctx.article.text):
            if own is None:
                return actor
            if not actor.country:
                return own
            return dataclasses.replace(own, code=actor.code, country=actor.country, why=f"{REFERS_BACK} {actor.text!r}")
    if description and token.lower_ in HOSTILE_GOVERNMENT_NOUNS:
        return _named_regime(ctx, token, own, quote_here) or own
    if description and token.lower_ in GOVERNMENT_NOUNS:
        return _dominant_government(ctx, token, own) or own
    if description and own is None and KIND_NOUNS.get(word) == "group":  # "the group's leader" opening an excerpt
        return _salient_group(ctx.actors)
    if pronoun and (previous := _previous_pronoun(ctx, token, quote_here, quotes)) is not None:
        return resolve_reference(ctx, previous, quotations=quotes, visited=visited)
    return own


def refer_back(actors: Sequence[Actor], doc, text: str) -> list[Actor]:
    """The article's register of actors applied to its bare agents, those with no country of their own
    ("brigade", "the rebels" given the story's country as a guess); ``actors`` are in text order. An agent given a
    name ("a brigade ... known as Ansar al-Sharia", "Hamas, the militant group") is the named actor; hostage-takers
    ("his captors") are the latest armed group named before them; a definite agent not qualified after ("the
    brigade", "the rebels", but not "the authorities in Hong Kong") is the latest earlier actor of its own with its
    head noun and role (a unit: any role), else, for an armed group's agents, the latest armed group named. The
    ``why`` of each mention so resolved says which actor it refers to."""
    out = list(actors)
    for i, actor in enumerate(out):
        if not _bare(actor):
            continue
        found, how = _named_as(out, i, doc, text), "named"
        if found is None and normalize(actor.text) in HOSTAGE_TAKERS:
            # (a group coded by the story's country as a guess will do: "militants" in a story set in Mali)
            found = next((a for a in reversed(out[:i]) if _armed_group(a, guessed=True)), None)
            how = f"hostage-takers: {REFERS_BACK}"
            if found is None and actor.country:  # nor their hostage's people ("his captors"): the story's country, no longer marked as a guess
                out[i] = dataclasses.replace(
                    actor, why=f"hostage-takers: no armed group named before, of {actor.country}")
        elif found is None and (phrase := doc.char_span(*actor.span, alignment_mode="expand")) is not None \
                and _unqualified_definite(phrase):
            found, how = _antecedent(out[:i], actor), REFERS_BACK
        if found is not None:
            out[i] = dataclasses.replace(actor, code=found.code, country=found.country, role=found.role,
                                         why=f"{how} {found.text!r}")
    return out


def refers_back(actor: Actor) -> bool:
    """Whether the actor step coded a mention by what it refers back to ("the rebels" → the Houthis), so that it
    names no country of its own."""
    return REFERS_BACK in (actor.why or "")


def _bare(actor: Actor) -> bool:
    """An agent with no country of its own: none, or the story's as a guess."""
    unplaced = bool(actor.code) and (actor.code.startswith("---") or guessed_country(actor))
    return resolved_as(actor) == "agent" and unplaced


def _identified(actor: Actor) -> bool:
    """A mention with a country of its own ("Hamas", "Syrian rebels", "Mr. Lavrov"), not a nationality alone."""
    nationality_alone = resolved_as(actor) == "nationality" and not actor.role
    return bool(actor.country and actor.code) and not actor.code.startswith("---") and not guessed_country(actor) \
        and not nationality_alone


def _named_as(actors: Sequence[Actor], i: int, doc, text: str) -> Actor | None:
    """The actor a bare agent goes by: a name after "known as", "called" ("a brigade of Islamist fighters known as
    Ansar al-Sharia"), or a name in apposition to it ("Hamas, the militant group", "a militia, Kataib Hezbollah,"),
    a person, group or organisation the knowledge base knows."""
    agent = actors[i]
    for name in actors[i + 1:i + 3]:
        if _identified(name) and (given := _GIVEN_NAME.fullmatch(text, agent.span[1], name.span[0])) \
                and not _says(agent, given, doc):
            return name
    neighbours = [(n, agent) for n in actors[i - 1:i] if i] + [(agent, n) for n in actors[i + 1:i + 2]]
    for first, second in neighbours:
        name = second if first is agent else first
        if not _identified(name) or not name.kb_id or resolved_as(name) in UNNAMED \
                or not _APPOSITION_GAP.fullmatch(text, first.span[1], second.span[0]):
            continue
        left = doc.char_span(*first.span, alignment_mode="expand")
        right = doc.char_span(*second.span, alignment_mode="expand")
        if left is not None and right is not None and right.root.dep_ == "appos" and right.root.head in left:
            return name
    return None


def _says(agent: Actor, given: re.Match, doc) -> bool:
    """Whether the word of naming after an agent is its own verb ("Judge Michael Snow called Assange a narcissist",
    "police named the suspect"): the agent does the calling, it is not called so."""
    verb = doc.char_span(given.start(1), given.end(1), alignment_mode="expand")
    return verb is not None and any(child.dep_.startswith("nsubj") and agent.span[0] <= child.idx < agent.span[1]
                                    for child in verb[0].children)


def _antecedent(earlier: Sequence[Actor], agent: Actor) -> Actor | None:
    """The latest earlier actor of its own a definite agent refers to: one named with its head noun and of its role
    ("the army" after "the Syrian army"; a unit of any role, "the brigade"), or for an armed group's agents ("the
    rebels", "the militia") the latest armed group. Titles are left to ``resolve_reference``."""
    head = normalize(agent.text).split()[-1]
    if head in PERSON_TITLES:
        return None  # "the president" is the one the story is about, not the last one named (``resolve_reference``)
    any_role = head in UNIT_NOUNS
    armed = agent.role in ARMED_GROUP_ROLES
    for actor in reversed(earlier):
        if not _identified(actor) or refers_back(actor):
            continue
        if armed and _armed_group(actor) or (any_role or actor.role == agent.role) and _named_with(actor, head):
            return actor
    return None


def _armed_group(actor: Actor, *, guessed: bool = False) -> bool:
    """Whether a mention is an armed group outside a state's forces with a country of its own, not coded by what it
    refers back to; or, ``guessed``, with any country, the story's as a guess too."""
    return actor.role in ARMED_GROUP_ROLES and bool(actor.country) \
        and (guessed or _identified(actor) and not refers_back(actor))


def _salient_group(actors: Sequence[Actor]) -> Actor | None:
    """The first mention of the armed group the article names most by name (a knowledge-base entry), when it leads
    alone and is named at least ``SALIENT_MENTIONS`` times."""
    named = [a for a in actors if a.kb_id and _armed_group(a)]
    counts = Counter(a.kb_id for a in named)
    group = sole_leader(counts)
    if group is None or counts[group] < SALIENT_MENTIONS:
        return None
    return next(a for a in named if a.kb_id == group)
