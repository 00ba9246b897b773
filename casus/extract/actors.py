"""Pipeline step: find actor mentions in the article and code them as of its publication date.

The recogniser is a longest-match phrase matcher fed from the knowledge base's indices: at each
token it looks up the longest token-aligned substring (normalized as the KB normalizes names), so it
works on any tokenization (``spacy.blank("en")`` or the trained parser). Adjacent phrases merge into
one mention ("Kremlin spokesman Dmitry Peskov", "Syrian anti-government rebels", "Iran-backed
militias"); a title followed by an unknown capitalized name takes the name in; a bare nationality
coordinated with a nationality + agent shares the agent ("Hungarian and Romanian officials"). Parser
entities the KB does not know (PERSON, ORG, NORP, GPE) are added uncoded, with why (a person's with the honorific
before it, "Mr. Otaibi"); a person the KB does not know takes the code of a description in apposition ("Rashid
Khalikov, head of the Russian delegation"), of the body named in the title before the name ("WikiLeaks founder Julian
Assange") or hung on it after "of" ("Sgt. Ahmed Mahmoud of the Hamas police"), and later mentions of the name keep it;
a title of a body the knowledge base knows that takes an unknown name in is split into the body and the person in its
code ("Kremlin spokesman" + "Pavel Orlov"; a former one is no member: "Former Kremlin spokesman" is RUSELI).

Context codes the rest: a story's places (the knowledge base's countries and capitals after "in", the
gazetteer's cities after "in" or "of") outweigh its people's nationalities in naming where it happens, and
police take that country whatever nationalities the story names, unless police were named with a country before
and the last place named between is in no other country ("British police dragged ... Police said"); an organ
without a country shares the state of the one it is coordinated with ("Italy's Navy and Coast Guard") or is of the
place it is stationed in or serves ("officials in Washington", "the governor of Texas", "Virginia Governor"); an
agent of or for a body is the body's ("a spokesman for the Gaza health ministry", "representatives of the Coptic
Church"). Victims belong to the place named in their sentence, even
as an object ("jets bombed Idlib ... civilians were killed"); "soldiers" with no country are the last force
named with one, not the story's; a crowd named by its number ("hundreds gathered") is people.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial
from itertools import accumulate
from typing import Any, Callable

import numpy as np
from lemminflect import getAllLemmas
from spacy.attrs import DEP, ENT_TYPE, IDX, IS_ALPHA, IS_ASCII, IS_DIGIT, IS_PUNCT, IS_SPACE, LENGTH, LOWER, ORTH, POS, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import PROPN

from casus.knowledge.actors import (
    BACKER_SUFFIXES,
    DOMESTIC_ROLES,
    FORMER,
    INSURGENT_ROLES,
    LOCAL_ROLES,
    MODIFIERS,
    STATE_ROLES,
    TRANSNATIONAL_ROLES,
    Atom,
    KnowledgeBase,
    TextWords,
    guessed_country,
    local_agent,
    named_person,
    normalize,
    resolved_as,
    sole_leader,
)
from casus.pipeline import Context, Resources
from casus.records import Actor, Span

#: Longest phrase, in tokens, the matcher tries ("International Committee of the Red Cross" + hyphens).
MAX_TOKENS = 12
#: Gaps that join two phrases into one mention ("Turkey's military", "Iran-backed").
JOINING_GAPS = frozenset({"", " ", "-", "'s ", "’s "})
#: Agent words that are also plain adjectives ("military aid", "national security").
ADJECTIVAL_AGENTS = frozenset({"military", "national"})
#: Agent words for places and firms, which name no actor as a noun modifying a later word ("mosque attacks",
#: "bank fraud", "business dealings"; but "church leaders" is one mention).
PLACE_AGENTS = frozenset(
    "mosque mosques church churches synagogue synagogues temple temples bank banks business company".split()
)
#: Agent nouns that name no actor without a qualifier ("20 countries", "the use of force").
VAGUE_AGENTS = frozenset({"countries", "nations", "states", "force"})
#: Crowds named by their number ("hundreds gathered") are people, unless "of" says who they are ("hundreds of
#: troops": the noun after names the actor).
QUANTITY_AGENTS = frozenset({"hundreds", "thousands", "dozens", "tens of thousands", "hundreds of thousands"})
#: Gaps between an agent and the body or state it serves ("spokesman for the", "head of the").
OWNER_GAPS = frozenset({" of ", " of the ", " for ", " for the "})
#: Gaps between coordinated nationalities ("Hungarian and Romanian officials").
COORDINATORS = frozenset({" and ", ", ", ", and ", " or "})
#: A country or capital after these is a place ("in Syria"), not an actor.
PLACE_PREPOSITIONS = frozenset("in inside across throughout near at outside around within".split())
#: Words between a place preposition and a country ("in the Gaza Strip", "in northern Syria").
PLACE_QUALIFIERS = frozenset(
    "the northern southern eastern western central northeastern northwestern southeastern southwestern "
    "north-eastern north-western south-eastern south-western".split()
)
#: A name after these is part of a longer place name the KB does not know ("New Jersey", "New Mexico").
PLACE_PREFIXES = frozenset(
    "New North South East West Upper Lower Northern Southern Eastern Western Central Greater Little San Santa "
    "St. Saint Fort Port Lake Mount Nova".split()
)
MONTHS = frozenset("january february march april may june july august september october november december".split())
CALENDAR_WORDS = MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
POSSESSIVES = frozenset({"'s", "’s"})
_EDGE_PUNCT = " \"'()[],;:!?."
HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
TITLE_NAME_TOKENS = 4  # an unknown name after a title: at most this many capitalized tokens
UNIT_NAME_TOKENS = 3  # a unit's name between a nationality and an agent: at most this many capitalized tokens
PLACE_NAME_TOKENS = 3  # a place name after "in": at most this many capitalized tokens
#: Roles whose agent words are titles before a name even without a post ("Ambassador", "General").
TITLE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
#: Named as a place this often, a country is the story's; less often, the country the story names most is.
STORY_PLACE_MENTIONS = 2
#: What a nationality adjective ("Russian spies") counts for, against a place or a named party, in naming the
#: country a story happens in: foreigners in a story say less about where it happens.
NATIONALITY_WEIGHT = 0.5
#: Titles written before a name whose role differs from their noun's: US police officers are titled "Officer",
#: military officers by their rank ("Capt.", "Col."); members of the US House "Representative" (a representative
#: is GOV), unless nothing marks the member as American (``house_member``: "Representative Riyad Mansour").
NAME_TITLE_ROLES = {"Officer": "COP", "Representative": "LEG"}
#: After a US House member's name: the state or the party and state ("of Ohio", "(D-Calif.)", ", R-Texas").
_US_MEMBER = re.compile(r",?\s*(?:of\s+[A-Z]|\(?[DRI]-[A-Z])")
#: Nouns for an agency's people that the knowledge base has no role for ("ICE agents": the agency's own role).
AGENCY_STAFF = frozenset({"agent", "agents", "personnel", "staff", "staffers", "employees", "employee"})
#: Words for whoever holds a hostage, which an armed group named before them may be (``coref.refer_back``).
HOSTAGE_TAKERS = frozenset(
    {"captors", "captor", "kidnappers", "kidnapper", "abductors", "abductor", "hostage-takers", "hostage takers"}
)
#: A US lawmaker's party and state after the name: "(D-Mass.)", "(R-Texas)", "(I-Vt.)", or between commas ("Sen. Jane
#: Doe, D-Ore., said").
_CONGRESS_TAG = re.compile(r"\s*(?:\((?:D|R|I)-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?\)"
                           r"|, (?:D|R|I)-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?(?=[,;]))")
#: Prepositions by which a description names the body its person belongs to ("a member of U.K. Parliament").
MEMBER_OF = frozenset({"of", "for", "at"})
#: Nouns of a description that make its person a member or officer of the body after ``MEMBER_OF`` ("a member of
#: U.K. Parliament", "head of the Russian delegation"; not "a critic of", "a lawyer for", "a victim of").
MEMBER_NOUNS = frozenset(
    "member members head chief chair chairman chairwoman chairperson leader deputy spokesman spokeswoman spokesperson "
    "official officer director president vice-president secretary envoy delegate representative ambassador minister "
    "commander general governor speaker adviser advisor aide negotiator diplomat judge prosecutor founder co-founder "
    "cofounder".split()
)
#: Words a "who" clause makes an agent of ("those who protested": protesters; ``relative_agents``), and the roles of
#: the agents it may make: those who protest, fight or attack ("those who worked" name no one in particular).
RELATIVE_HEADS = frozenset({"those", "people", "anyone", "everyone", "others"})
CONTENTIOUS_ROLES = frozenset({"OPP", "REB", "INS", "SEP", "UAF", "CRM", "RAD"})
#: How ``described`` begins the ``why`` of a person it codes from a description in apposition.
DESCRIBED = "described as"
#: How ``title_holders`` begins the ``why`` of a person it codes by the title before the name.
TITLED = "titled"
#: The parser's entity label for people.
PERSON_LABEL = "PERSON"
#: How ``same_person`` begins the ``why`` of a later mention of a person it codes.
SAME_PERSON = "the person named"
#: State roles whose agents often serve outside their country ("U.S. troops in Syria").
ABROAD_ROLES = frozenset({"MIL", "SPY"})
#: Forces: named without a country, one is the last force named with one (``same_force``).
FORCE_ROLES = frozenset({"MIL"})
#: Victims belong to the place where they are, wherever it is named in their sentence ("jets bombed Idlib ...
#: civilians were killed"), not to the country of the actors around them.
VICTIM_ROLES = frozenset({"CVL"})
#: Entity labels a recogniser gives foreign persons' names by mistake: with a state office in apposition, the name is
#: a person's ("Behrouz Kamalvandi, the Iranian nuclear agency spokesman"; ``described``).
MISTAKEN_FOR_PERSONS = ("GPE", "ORG")
#: Parser entity labels for places (``entity_places``).
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Dependency labels of objects, where a proper name is often a place struck or entered (``entity_places``).
OBJECT_LABELS = frozenset({"obj", "dobj", "pobj", "obl"})
#: What joins a mention to the place it is stationed in or serves ("officials in the", "Representative X of").
_IN_PLACE = re.compile(r"\s+(in|of)\s+(?:the\s+)?", re.IGNORECASE)
#: A place's name that begins a hyphenated modifier ("a judge of the Hague-based court"): not the place served.
_PLACE_MODIFIER = re.compile(r"(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-[a-z]+\b(?!-)")
#: A capitalized word, or its possessive, right before a mention ("Texas Gov.", "Florida's governor").
_NAME_BEFORE = re.compile(r"[A-Z][\w.-]*(?:\s?['’]s)?\s\Z")
#: A place's name that owns what follows ("the head of Halle's Jewish community"): the organ is not the place's.
_OWNER_NAMED = re.compile(r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*\s?['’]s\b")
#: "there" after a mention places it where the text last was ("the authorities there").
_THERE = re.compile(r"\s+there\b", re.IGNORECASE)
#: Between an officer and the body it serves: "of"/"for", "the", and up to three words of the body's name
#: ("representatives of the Coptic Church").
_BODY_GAP = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}")
#: Words one space apart between two mentions (``title_holders``: "spokesman Lt. Col. Peter Lerner").
_WORDS_BETWEEN = re.compile(r" (?:\S+ )*")
#: How the actor step resolves a mention that names its state by the state's name or nationality (``resolved_as``).
STATE_NAMES = frozenset({"nationality", "country", "capital"})
#: A coordinator and the plain words modifying the mention after it ("and counterterrorism ").
_COORDINATED_MODIFIERS = re.compile(rf"(,? and |,? or )(?:[a-z][a-z-]* ){{1,{UNIT_NAME_TOKENS}}}")
#: Modifiers naming the field of a state's organ, which keep it the state named before ("and counterterrorism
#: officials"); others may name another owner ("and foreign diplomats", "and local police").
FIELD_MODIFIERS = frozenset(
    "intelligence counterintelligence counterterrorism counter-terrorism security military defense defence naval "
    "justice law enforcement border customs immigration health finance treasury trade energy".split()
)
#: A possessive right before a mention names its owner ("its forces").
_OWNED = re.compile(r"\b(?:its|their|his|her|our|my|your)\s+\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Piece:
    """A known phrase found in the text: its character span, token range and what it is."""

    start: int
    end: int
    first: int  # token index
    last: int
    atom: Atom


def find_actors(ctx: Context, res: Resources) -> Context:
    """Add every actor mention of the article, coded as of its publication date. Civilians, militants
    and other local agents with no nationality take the one country their sentence names, else the
    country the story happens in (see ``story_country``)."""
    kb: KnowledgeBase = res.kb
    text = ctx.article.text
    tokens = list(ctx.doc)  # made once: the passes below all read the article token by token
    spans, placed, titled = _spans_and_places(tokens, kb, text)
    focused = None  # the gazetteer's country focus of the article, worked out once for both place passes
    if res.gazetteer is not None:
        from casus.extract.places import focus

        focused = focus(text, res.gazetteer)
        known = {offset for offset, _ in placed}
        placed = sorted(placed + [p for p in gazetteer_places(ctx.doc, tokens, text, res.gazetteer, focused)
                                  if p[0] not in known])
    places = Counter(country for _, country in placed)
    where = _most_named(places)
    code = _Coder(kb, ctx.article.published, {})
    resolved = [code(text[s:e], where, (s, e)) for s, e in spans]
    # a surname alone names someone long out of office only if the article names them ("Barack Obama")
    named = frozenset(a.kb_id for a in resolved if a.kb_id)
    resolved = [a if a.kb_id or not named else code(a.text, where, a.span, named) for a in resolved]
    resolved = [titled_role(a, text) for a in resolved]
    story = where
    if any(_unplaced(a) or _armed_guess(a) for a in resolved):
        story = story_country(where, places, places + named_countries(resolved, kb))
        # armed groups take a country from the places the story names, but the story's, not its one place abroad
        resolved = [code(a.text, story, a.span) if _armed_guess(a) and story != where else a for a in resolved]
        # police and courts act where the story happens, whatever nationalities its people have
        home = story_country(where, places, places + named_countries(resolved, kb, nationality=0))
        starts = [sentence.span[0] for sentence in ctx.sentences] or [0]  # (no sentences: one)
        states = placed + [(a.span[0], a.country) for a in resolved if _national(a, kb)]
        sites = placed + entity_places(ctx.doc, tokens, text, res.gazetteer, focused, {offset for offset, _ in placed})
        organs = earlier_organs(resolved, kb, sites)
        resolved = [_local(a, code, (organ or home) if a.role in DOMESTIC_ROLES else story,
                           (sites if a.role in VICTIM_ROLES else placed) if a.role in LOCAL_ROLES else states,
                           starts, text) if _unplaced(a) else a
                    for a, organ in zip(resolved, organs)]
    resolved = of_a_body(share_owner(share_heads(resolved, text, kb, code, story), text, kb), text)
    stations = dict(placed)
    before = partial(town_before, doc=ctx.doc, text=text, gazetteer=res.gazetteer, focused=focused, known={})
    resolved = same_force([stationed(a, stations, text, before) for a in resolved], text)
    resolved = [house_member(a, text) for a in resolved]
    # e.g. "Syrian-Turkish" (border) codes nothing
    actors = [a for a in resolved if a.code is not None and not word_acronym_modifier(a, ctx.doc, kb)]
    actors += relative_agents(ctx.doc, spans, kb, code, story)
    actors = described(sorted(actors + unknown_entities(ctx.doc, spans, kb), key=lambda a: a.span), ctx.doc, kb)
    actors = [in_congress(p, text) for a in actors for p in titled_person(a, titled, text, code)]
    named = {a.span: a.span for a in actors if named_person(a)}
    actors = same_person(actors, named | titled, text, kb)
    # people named right after a title hold it, and so do later mentions of them
    held = title_holders(actors, text)
    actors = same_person(held, {a.span: a.span for a, b in zip(held, actors) if a is not b}, text, kb)
    from casus.extract.coref import refer_back  # (coref reads this module's word lists)

    return ctx.add(actors=tuple(refer_back(actors, ctx.doc, text)))


@dataclass(frozen=True, slots=True)
class _Coder:
    """``KnowledgeBase.resolve`` as of an article's date ``day``, the same words coded once for each story country
    and set of people named (``coded``): an article names the same people and agents again and again."""

    kb: KnowledgeBase
    day: dt.date | None
    coded: dict[tuple[str, str | None, frozenset[str]], Actor]

    def __call__(self, text: str, context: str | None, span: Span, named: frozenset[str] = frozenset()) -> Actor:
        actor = self.coded.get((text, context, named))
        if actor is None:
            actor = self.coded[(text, context, named)] = self.kb.resolve(text, self.day, context, span, named)
        return actor if actor.span == span else replace(actor, span=span)


def in_congress(actor: Actor, text: str) -> Actor:
    """A person the knowledge base does not code followed by a US party-and-state tag ("Rep. Jim McGovern (D-Mass.)",
    "Sen. Jane Doe (R-Texas)") is a member of the US Congress: USALEG."""
    tag = _CONGRESS_TAG.match(text, actor.span[1])
    if tag is None or actor.country or actor.kb_id:
        return actor
    return replace(actor, code="USALEG", country="USA", role="LEG", name=_without_honorific(actor.text),
                   why=f"{DESCRIBED} {tag.group().strip(' ,')!r}: a member of the US Congress")


def titled_person(actor: Actor, titled: dict[Span, Span], text: str, code: _Coder) -> list[Actor]:
    """A mention that took in an unknown person's name after a body's title (``titled``: "Kremlin spokesman [Pavel
    Orlov]", "Hamas spokesman [Fawzi Barhoum]"), split in two: the body's title, as coded, and the person, in the
    body's code, or a former one's country as ELI ("Former Kremlin spokesman"; uncoded of a body with no state). Only
    when the title alone names the body ("Deputy Washington Post [Maria Lind]" and "Representative [Jim Jordan]" do
    not)."""
    name = titled.get(actor.span)
    if name is None or actor.kb_id is None or not actor.code or _is_person(actor, code.kb):
        return [actor]
    title = text[actor.span[0]:name[0]].rstrip()
    body = (actor.span[0], actor.span[0] + len(title))
    if code(title, actor.country, body).kb_id != actor.kb_id:
        return [actor]
    why = f"{TITLED} {title!r} ({actor.why})"
    person = Actor(text[name[0]:name[1]], name, actor.code, actor.country, actor.role,
                   _without_honorific(text[name[0]:name[1]]), None, why)
    if _formerly(title.split()):
        entry = code.kb.entries.get(actor.country or "")
        state = actor.country if entry is not None and entry.kind == "country" else None
        person = replace(person, code=state and state + "ELI", country=state, role=state and "ELI",
                         why=f"{why}: a former member")
    return [replace(actor, text=title, span=body), person]


def _formerly(words: Iterable[str]) -> bool:
    """Whether words of a title say its holder no longer holds it ("Former", "ex-Kremlin")."""
    return any((key := normalize(word)) in FORMER or key.startswith("ex-") for word in words)


def _full_name(words: Any) -> bool:
    """Whether parsed words are a full name: two or more capitalized words (not "Father" of "Father of the House")."""
    return len(words) > 1 and all(t.is_title or t.is_punct for t in words)


def title_holders(actors: list[Actor], text: str) -> list[Actor]:
    """The people the parser names whom neither the knowledge base nor a description codes, right after a title of a
    country's the knowledge base codes with only ranks or honorifics between ("Israeli army spokesman Lt. Col. Peter
    Lerner"), hold it. Any other stays uncoded: whose civilian a private person is, is not known (coding each as
    "---CVL" gained 1 required test event in 255 and cost 1.7 points of precision: unknown politicians became
    civilians). ``actors`` are in text order."""
    out = []
    for before, actor in zip([None, *actors], actors):
        gap = text[before.span[1]:actor.span[0]] if before is not None else ""
        if before is not None and actor.code is None and (actor.why or "").startswith(f"parser {PERSON_LABEL} ") \
                and len(actor.text.split()) > 1 and not any(c.isdigit() for c in actor.text) \
                and before.role and before.country and before.name is None \
                and _WORDS_BETWEEN.fullmatch(gap) and all(normalize(word) in MODIFIERS for word in gap.split()):
            actor = replace(actor, code=before.code, country=before.country, role=before.role,
                            name=_without_honorific(actor.text), why=f"{TITLED} {before.text!r} ({before.why})")
        out.append(actor)
    return out


def relative_agents(doc: Any, spans: list[Span], kb: KnowledgeBase, code: _Coder, story: str | None) -> list[Actor]:
    """"Those who protested", "people who fought": a pronoun or plain noun (``RELATIVE_HEADS``) no mention covers,
    whose "who" clause's verb names a contentious agent the knowledge base knows by its doer noun ("protest" →
    "protesters", "demonstrate" → "demonstrators"), is that agent, in the story's country ``story``; needs a parse."""
    found = []
    heads = np.array([doc.vocab.strings[word] for word in RELATIVE_HEADS], dtype=np.uint64)
    starts = [start for start, _ in spans]
    for i in np.flatnonzero(np.isin(doc.to_array(LOWER), heads)).tolist() if len(doc) else ():
        token = doc[i]
        before = bisect.bisect_right(starts, token.idx)
        if before and spans[before - 1][1] > token.idx:
            continue  # inside a mention ("people" is one)
        clause = next((c for c in token.children if c.dep_ in ("acl:relcl", "relcl") and c.pos_ == "VERB"
                       and any(s.dep_.startswith("nsubj") and s.lower_ == "who" for s in c.children)), None)
        lemma = clause.lemma_.lower() if clause is not None else ""
        doer = next((n for n in (lemma + "ers", lemma + "rs", lemma[:-1] + "ors") if lemma
                     and (atom := kb.atom(n)) is not None and atom.kind == "agent"), None)
        agent = code(doer, story, (token.idx, token.idx + len(token))) if doer else None
        if agent is not None and agent.role in CONTENTIOUS_ROLES:
            found.append(replace(agent, text=token.text, why=f"'{token.text} who {clause.text}': {agent.why}"))
    return found


def titled_role(actor: Actor, text: str) -> Actor:
    """A mention opening with a title whose role before a name differs from the noun's (``NAME_TITLE_ROLES``:
    "Officer Derek Chauvin" is a police officer, though "officers" alone are military) takes that role; not
    the end of a longer title ("Chief Financial Officer Chuck Stevens")."""
    words = actor.text.split()
    role = NAME_TITLE_ROLES.get(words[0]) if len(words) > 1 and words[1][:1].isupper() else None
    if role is None or actor.kb_id or actor.role == role or not actor.code:
        return actor
    before = text[max(0, actor.span[0] - 40):actor.span[0]].split()[-1:]
    if before and before[0][:1].isupper() and not before[0].endswith((".", ":", ",", ";", '"', "“")):
        return actor  # the end of a longer title
    return replace(actor, code=(actor.country or "---") + role, role=role,
                   why=f"{actor.why}; {words[0]!r} before a name is a {role} title")


def house_member(actor: Actor, text: str) -> Actor:
    """"Representative" before a name (``titled_role``) names a member of the US House only if the member comes out
    American or their state or party follows (``_US_MEMBER``); else an envoy ("Representative Riyad Mansour"): GOV."""
    if actor.role != "LEG" or actor.kb_id or actor.country == "USA" or not actor.text.startswith("Representative ") \
            or _US_MEMBER.match(text, actor.span[1]):
        return actor
    return replace(actor, code=(actor.country or "---") + "GOV", role="GOV",
                   why=f"{actor.why}; no sign of the US House: an envoy's title")


def described(actors: list[Actor], doc: Any, kb: KnowledgeBase) -> list[Actor]:
    """A person the knowledge base does not know (a name the parser tags PERSON, none, or as a place or body when
    a state office describes it) coded as the description in apposition to their name
    ("John Cantlie, a British hostage", "the CIA deputy director, Michael Morell"): a nationality and agent,
    or a body or organisation, with a country (see ``_describes``), else the body it belongs to ("Tom Tugendhat, a
    member of U.K. Parliament"), else the body named in a title right before the name ("WikiLeaks founder Julian
    Assange"; not a former one's), else the body hung on a full name after "of" ("Sgt. Ahmed Mahmoud of the Hamas
    police"), else the nationality modifying it ("Tom Harkin, a British aid worker"). Names no
    mention covers are found by their descriptions (``_described_names``: "Rashid Khalikov, head of the Russian
    delegation"). ``actors`` are in text order; needs a parse."""
    spans = [_tokens(doc, actor) for actor in actors]
    heads = {span.root.i: actor for actor, span in zip(actors, spans) if span is not None}
    owners = {t.i: actor for actor, span in zip(actors, spans) if span is not None for t in span}  # token → mention
    untagged = _described_names(doc, actors, spans, kb)
    if untagged:
        actors, spans = zip(*sorted([*zip(actors, spans), *untagged], key=lambda pair: pair[0].span))
    out = []
    for actor, span in zip(actors, spans):
        token = span.root if span is not None else None
        if actor.code is not None or token is None or token.ent_type_ not in ("PERSON", "", *MISTAKEN_FOR_PERSONS):
            out.append(actor)
            continue
        related = _appositions(span)
        inside = range(span.start, span.end)
        description = next((d for t in related if (d := heads.get(t.i)) is not None and _describes(d, kb)), None)
        if token.ent_type_ in MISTAKEN_FOR_PERSONS and (description is None or description.role not in STATE_ROLES):
            out.append(actor)
            continue
        if description is None:  # "Tom Tugendhat, a member of U.K. Parliament": of the body the description names
            description = next((d for t in related if _member_noun(t) for c in t.children if _member_of(c)
                                and (d := heads.get(c.i)) is not None and _describes(d, kb, body=True)), None)
        if description is None:  # "WikiLeaks founder Julian Assange": of the body named in the title before the name
            titles = [c for t in span for c in t.lefts if c.i not in inside] + related
            description = next((d for c in titles if c.i not in owners and _member_noun(c)
                                and not _formerly(t.text for t in doc[min(c.left_edge.i, span.root.left_edge.i):max(c.i, span.start)])
                                for b in c.lefts if b.dep_ in ("compound", "amod")
                                and (d := owners.get(b.i)) is not None and _describes(d, kb, body=True)), None)
        if description is None and _full_name(span):  # "Sgt. Ahmed Mahmoud of the Hamas police": of the body after
            description = next((d for t in span for c in t.children if c.i not in inside and _member_of(c, "of")
                                and (d := heads.get(c.i)) is not None and _describes(d, kb, body=True)), None)
        if description is None:  # "Tom Harkin, a British aid worker": of the nationality, in no role the KB knows
            description = next((d for t in related for c in t.lefts if c.dep_ in ("amod", "compound")
                                and (d := heads.get(c.i)) is not None and resolved_as(d) == "nationality"
                                and not d.role and len(d.country or "") == 3), None)
        out.append(actor if description is None else replace(
            actor, code=description.code, country=description.country, role=description.role,
            name=_without_honorific(actor.text), why=f"{DESCRIBED} {description.text!r} ({description.why})"))
    return out


def _tokens(doc: Any, actor: Actor) -> Any:
    """The tokens of a mention (None when it covers none)."""
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return span if span is not None and len(span) else None


def _appositions(words: Any) -> list[Any]:
    """The heads of the phrases in apposition to any of ``words`` ("Sen. Mark Cook, a member of ...": a parser may
    hang the description on the name's first or last word), and the word they stand in apposition to."""
    inside = {t.i for t in words}
    return [c for t in words for c in t.children if c.dep_ == "appos" and c.i not in inside] \
        + [t.head for t in words if t.dep_ == "appos" and t.head.i not in inside]


def _member_of(token: Any, *prepositions: str) -> bool:
    """Whether a word is the body a description's noun belongs to: hung on it after one of ``prepositions`` (by
    default ``MEMBER_OF``)."""
    allowed = prepositions or MEMBER_OF
    return token.dep_ in ("nmod", "obl") and any(g.dep_ == "case" and g.lower_ in allowed for g in token.children)


def _member_noun(token: Any) -> bool:
    """Whether a description's noun makes its person one of a body's members or officers (``MEMBER_NOUNS``)."""
    return token.lower_ in MEMBER_NOUNS or token.lemma_.lower() in MEMBER_NOUNS


def _without_honorific(name: str) -> str:
    """A person's name without the honorific before it ("Mr. Kofi Mensah" → "Kofi Mensah")."""
    first, _, rest = name.partition(" ")
    return rest if first in HONORIFICS and rest else name


def _described_names(doc: Any, actors: list[Actor], spans: list[Any], kb: KnowledgeBase) -> list[tuple[Actor, Any]]:
    """Uncoded mentions, with their tokens, of the names that no mention covers and that the parser tags as no
    entity, in apposition to a mention that can describe a person, or of more than one word with a body hung on it
    after "of" ("Sgt. Ahmed Mahmoud of the Hamas police"): a capitalized noun with the capitalized nouns hung on it as
    the rest of the name, set off by punctuation (or that "of") after it, not one word opening a sentence (a parser may
    tag an unknown name a common noun; not "Ways" in "..., Ways and Means Chairman Richard Neal")."""
    covered = [actor.span for actor in actors]
    found = {}
    for actor, span in zip(actors, spans):
        root = span.root if span is not None else None
        of_name = root is not None and _member_of(root, "of") and root.head.pos_ == "PROPN" and root.head.i < root.i
        member = root is not None and _member_of(root) and _member_noun(root.head)
        if root is None or not _describes(actor, kb, body=member or of_name):
            continue
        noun = root.head if member else root  # "Ivo Petrov, a member of [Bulgaria's parliament]"
        for name in _appositions([noun]) + ([root.head] if of_name else []):
            words = [name, *(c for c in name.children if c.dep_ in ("flat", "flat:name", "compound"))]
            first, last = min(t.i for t in words), max(t.i for t in words)
            after = doc[last + 1] if last + 1 < len(doc) else None
            set_off = after is None or after.is_punct \
                or of_name and name.i == root.head.i and len(words) > 1 and after.lower_ == "of"
            if name.ent_type_ or last - first + 1 != len(words) or len(words) == 1 and name.is_sent_start \
                    or not set_off \
                    or not all(t.is_title and t.is_alpha and t.pos_ in ("PROPN", "NOUN") for t in words) \
                    or any(start <= t.idx < end for t in words for start, end in covered):
                continue
            whole = doc[first:last + 1]
            mention = Actor(whole.text, (whole.start_char, whole.end_char), why="a proper name")
            found[whole.start_char] = (mention, whole)
    return list(found.values())


def _describes(actor: Actor, kb: KnowledgeBase, body: bool = False) -> bool:
    """Whether a mention can describe a person: it has a country of its own (not the story's as a guess) and a
    role, or is an international or non-governmental organisation, whose code says both ("a UN official"), and is no
    place nor person; as the ``body`` a person is a member of, a country's organ will do ("a member of U.K.
    Parliament")."""
    places = ("capital",) if body else ("country", "capital")
    if not actor.country or not (actor.role or actor.country[:3] in TRANSNATIONAL_ROLES) \
            or resolved_as(actor) in places or guessed_country(actor):
        return False
    return not _is_person(actor, kb)


def same_person(actors: list[Actor], titled: dict[Span, Span], text: str, kb: KnowledgeBase) -> list[Actor]:
    """Later mentions of a person the knowledge base does not know, named in full after a title ("Kuwaiti
    Ambassador Mansour Al-Otaibi", ``titled`` maps the mention's span to the name's), coded as that mention:
    the surname or part of the name ("Otaibi", "Mansour Al-Otaibi"), also after an honorific ("Mr. Otaibi"),
    found in the text where no mention covers it. A surname the article gives two people ("Kofi Mensah",
    "Ade Mensah") names neither. ``actors`` are in text order."""
    introduced: dict[str, tuple[Actor, frozenset[str]]] = {}  # surname → the titled mention, its name's words
    shared = set()
    for actor in actors:
        name = titled.get(actor.span)
        words = _name_words(text[name[0]:name[1]]) if name and actor.code and not actor.kb_id else ()
        if words and introduced.setdefault(words[-1], (actor, frozenset(words)))[1] != frozenset(words):
            shared.add(words[-1])
    if not introduced:
        return actors
    written = {text[name[0]:name[1]].split()[-1] for name in titled.values()}
    written |= {form[3:] for form in written if form[:3].lower() in ("al-", "el-")}
    pattern = re.compile(rf"\b(?:([\w’'.-]+) )?(?:{'|'.join(map(re.escape, sorted(written)))})\b")
    found = list(pattern.finditer(text))
    for match in found:
        surname = _name_words(match.group())[-1:]
        if surname and surname[0] in introduced and _another_given_name(match.group(1), introduced[surname[0]][1], kb):
            shared.add(surname[0])  # "Kofi Mensah" introduced, "Ade Mensah" named too
    for surname in shared:
        del introduced[surname]
    covered = sorted(a.span for a in actors)
    starts, reach = [s for s, _ in covered], list(accumulate((e for _, e in covered), max))  # (the furthest end so far)
    unmarked = [_surname_mention(m, text) for m in found
                if not ((k := bisect.bisect_left(starts, m.end())) and reach[k - 1] > m.start())]
    out = []
    for actor in sorted(actors + unmarked, key=lambda a: a.span):
        words = _name_words(actor.text) if actor.code is None else ()
        first, name = introduced.get(words[-1], (None, frozenset())) if words else (None, frozenset())
        if first is not None and first.span[1] <= actor.span[0] and set(words) <= name:
            start, end = titled[first.span]
            out.append(replace(actor, code=first.code, country=first.country, role=first.role,
                               name=_without_honorific(text[start:end]),
                               why=f"{SAME_PERSON} {first.text!r} ({first.why})"))
        elif actor.code is not None or actor.why:  # an unmatched surname found in the text is no mention
            out.append(actor)
    return out


def _another_given_name(word: str | None, name: frozenset[str], kb: KnowledgeBase) -> bool:
    """Whether ``word``, written before a surname, is a given name other than the words of ``name``."""
    return bool(word) and word.isalpha() and word[:1].isupper() and word.lower() not in name \
        and word.lower() not in STOP_WORDS and kb.atom(word.lower()) is None


def _surname_mention(match: re.Match, text: str) -> Actor:
    """An uncoded mention of a surname found in the text, with the honorific before it ("Mr. Otaibi")."""
    start = match.start() if match.group(1) in HONORIFICS else match.end() - len(match.group().split()[-1])
    return Actor(text[start:match.end()], (start, match.end()))


def _name_words(name: str) -> tuple[str, ...]:
    """The words of a person's name less honorifics, possessive "'s" and an Arabic article ("Mr. Al-Otaibi's"
    → "otaibi"), normalized; empty when a word is not capitalized (no name)."""
    words = []
    for word in normalize(name).split():
        if word.capitalize() in HONORIFICS or word.title() in HONORIFICS:
            continue
        words.append(word[3:] if word.startswith(("al-", "el-")) and len(word) > 4 else word)
    raw = [w for w in name.split() if w not in HONORIFICS]
    return tuple(words) if words and all(w[:1].isupper() for w in raw) else ()


def story_country(where: str | None, places: Counter[str], named: Counter[str]) -> str | None:
    """The country the story happens in: the one named most often as a place ("in Syria") when it is so
    named at least ``STORY_PLACE_MENTIONS`` times; else the one the article names most (as a place or
    in its own actors' words, "Egyptian police", "Mr. Morsi"), when it leads alone and ``where`` (a
    single place mention, or a place the gazetteer knows) is named less."""
    if where is not None and places[where] >= STORY_PLACE_MENTIONS:
        return where
    leader = sole_leader(named)
    return leader if leader is not None and (where is None or named[where] < named[leader]) else where


def _unplaced(actor: Actor) -> bool:
    """A local agent with no nationality of its own ("police", "civilians", "authorities"), not an armed group
    (``INSURGENT_ROLES``)."""
    unnamed = guessed_country(actor) or bool(actor.code) and actor.code.startswith("---")
    return unnamed and local_agent(actor.role, actor.text) and actor.role not in INSURGENT_ROLES


def earlier_organs(actors: list[Actor], kb: KnowledgeBase, places: list[tuple[int, str]]) -> list[str | None]:
    """For each mention of a domestic organ (police, courts), the country of the last one of its role named before it
    by its state's name or nationality ("British police dragged ... Police said"): the same force, whatever country the
    story's people make it happen in; None for others, when none is named, and when the last of ``places`` (offsets
    and countries) named between the two is in another country (the story has moved: "... a court in Kampala ...
    Police said"). ``actors`` are in text order."""
    last: dict[str, tuple[int, str]] = {}
    out = []
    for actor in actors:
        country = None
        if actor.role in DOMESTIC_ROLES:
            offset, country = last.get(actor.role, (0, None))
            if country is not None:  # the last place named between the two must be in the same country
                between = max(((at, place) for at, place in places if offset < at < actor.span[0]), default=None)
                country = country if between is None or between[1] == country else None
            if _national(actor, kb) and resolved_as(actor) in STATE_NAMES:
                last[actor.role] = (actor.span[1], actor.country)
        out.append(country)
    return out


def stationed(actor: Actor, places: dict[int, str], text: str, before: Callable[[Actor], str | None]) -> Actor:
    """A civil organ with no country (or the story's as a guess) followed by "in" or "of" and a place is that place's
    ("officials in Washington", "a court in Lahore", "Representative Matt Gaetz of Florida"), or right after the name
    of a place (``before``: "Virginia Governor", "Florida's attorney general"); not soldiers or spies, who serve
    abroad. ``places`` maps the offsets of places to countries."""
    if actor.role not in STATE_ROLES - ABROAD_ROLES or not ((actor.code or "").startswith("---")
                                                            or guessed_country(actor)):
        return actor
    after = _IN_PLACE.match(text, actor.span[1])
    owned = after and after.group(1).lower() == "of" and _OWNER_NAMED.match(text, after.end())  # not "the head of Halle's Jewish community"
    country = places.get(after.end()) if after and not owned and not _PLACE_MODIFIER.match(text, after.end()) \
        else None
    country = country or before(actor)
    if country is None:
        return actor
    return replace(actor, code=country + actor.role, country=country, why=f"{actor.why}; stationed in {country}")


def town_before(actor: Actor, doc: Any, text: str, gazetteer: Any, focused: Any, known: dict[str, str | None]
                ) -> str | None:
    """The country of the first-level division, else the city, the parser names as a place right before a mention,
    alone or with "'s" ("Virginia Governor", "New York's attorney general", "Chicago police"), if the gazetteer knows
    it: a state's name before an organ is the state's, whatever villages of the article's country share it. ``known``
    holds the countries of the names looked up so far in the article."""
    if gazetteer is None or not _NAME_BEFORE.search(text, max(0, actor.span[0] - 40), actor.span[0]):
        return None
    words = _tokens(doc, actor)
    if words is None or not words.start:
        return None
    last = doc[words.start - 1]
    if last.lower_ in POSSESSIVES and last.i:
        last = doc[last.i - 1]
    if last.ent_type_ not in PLACE_LABELS:
        return None
    from casus.extract.places import resolve

    # the longest run of capitalized words ending there that names one: the parser's entity may leave out a first
    # word ("New [York]")
    first = last.i
    while first > max(0, last.i - PLACE_NAME_TOKENS + 1) and doc[first - 1].is_title:
        first -= 1
    for start in range(first, last.i + 1):
        name = text[doc[start].idx:last.idx + len(last)]
        if name not in known:
            place = resolve(name, gazetteer, focused, subdivision=True)
            known[name] = place.country if place is not None and place.feature in ("ADM1", "city") else None
        if known[name]:
            return known[name]
    return None


def same_force(actors: list[Actor], text: str) -> list[Actor]:
    """A force named by a plural without a country ("soldiers", "troops") is the last force of its kind named before
    it with one ("Israeli troops opened fire ... Soldiers shot"), not the story's country: the other side is often
    foreign. An organ ("the Defense Ministry"), a force whose owner or place is named ("its forces", "forces
    there") is left to coreference."""
    last: str | None = None
    forces = []
    for actor in actors:
        plural = actor.text.endswith("s") and not actor.text.endswith("ss")
        owned = _OWNED.search(text, max(0, actor.span[0] - 12), actor.span[0]) or _THERE.match(text, actor.span[1])
        if actor.role in FORCE_ROLES and actor.country is None and last and plural and not owned \
                and (actor.code or "").startswith("---"):
            actor = replace(actor, code=last + actor.code[3:], country=last,
                            why=f"{actor.why}; the last {actor.role} named before it is {last}")
        elif actor.role in FORCE_ROLES and actor.country:
            last = actor.country
        forces.append(actor)
    return forces


def entity_places(doc: Any, tokens: list[Any], text: str, gazetteer: Any, focused: Any,
                  known: set[int]) -> list[tuple[int, str]]:
    """Offset and country of each place named anywhere in a sentence, not only after "in" ("jets bombed Idlib"):
    a place entity, or a proper name the parser makes an object, that the gazetteer knows as a city or
    first-level division; except those at ``known`` offsets. ``tokens`` are the doc's, ``focused`` the
    article's country focus (``places.focus``)."""
    if gazetteer is None or not doc.has_annotation("DEP"):
        return []
    names = [(e.start_char, e.text) for e in doc.ents if e.label_ in PLACE_LABELS]
    # proper-name objects tagged as no entity or a place, read off the token arrays (no Token for the other words)
    pos, dep, ent_type = doc.to_array([POS, DEP, ENT_TYPE]).T
    strings = doc.vocab.strings
    objects = (pos == PROPN) & np.isin(dep, np.array([strings[label] for label in OBJECT_LABELS], dtype=np.uint64)) \
        & np.isin(ent_type, np.array([0, *(strings[label] for label in PLACE_LABELS)], dtype=np.uint64))
    for token in (tokens[i] for i in np.flatnonzero(objects).tolist()):
        first = min((t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), default=token,
                    key=lambda t: t.i)
        names.append((first.idx, text[first.idx:token.idx + len(token)]))
    names = [(offset, name) for offset, name in dict(names).items() if offset not in known]
    return _towns(names, gazetteer, focused)


def _armed_guess(actor: Actor) -> bool:
    """An armed group with no nationality of its own given the most-named place's country ("militants"). Armed
    groups take a story's country only from the places it names most: in a story about American politics
    "terrorists" and "militant groups" are not American, nor is a "terrorist group" "in Washington"."""
    return actor.role in INSURGENT_ROLES and guessed_country(actor)


def _local(actor: Actor, code: _Coder, where: str | None, placed: list[tuple[int, str]], starts: list[int],
           text: str) -> Actor:
    """A local agent re-coded with the one country its sentence names as a place ("police fired at
    protesters in Syria"; not "Israel battled militants"), else with ``where``. A state's agent ("authorities",
    not a ``LOCAL_ROLES`` one; ``placed`` then holds the countries its national actors name too) takes the one
    country its sentence names, ``where`` when it names none, no country when it names several or is placed
    by "there" ("the authorities there": coreference and the events' localisation decide)."""
    i = bisect.bisect_right(starts, actor.span[0])  # the next sentence's index
    start, end = starts[i - 1] if i else 0, starts[i] if i < len(starts) else float("inf")
    here = {country for offset, country in placed if start <= offset < end}
    if actor.role not in LOCAL_ROLES and (len(here) > 1 or _THERE.match(text, actor.span[1])):
        return code(actor.text, None, actor.span)
    context = next(iter(here)) if len(here) == 1 else where
    if context == actor.country or context is None:
        return actor
    local = code(actor.text, context, actor.span)
    return local if guessed_country(local) else actor


def share_heads(actors: list[Actor], text: str, kb: KnowledgeBase, code: _Coder, where: str | None) -> list[Actor]:
    """A bare nationality coordinated with a nationality + agent shares the agent: "Hungarian and
    Romanian officials", "French, German and Italian troops", "U.S. and Russian negotiators".
    ``actors`` are in text order."""
    out = list(actors)
    heads: dict[int, str] = {}
    for i in range(len(out) - 2, -1, -1):
        left, right = out[i], out[i + 1]
        if left.role is not None or left.country is None or text[left.span[1]:right.span[0]] not in COORDINATORS:
            continue
        last = left.text.split()[-1]
        atom = kb.atom(normalize(last))
        acronym = atom is not None and atom.kind == "name" and last.replace(".", "").isupper()  # "U.S."
        if not (acronym or atom is not None and atom.kind == "adjective"):
            continue
        head = heads.get(i + 1) or _after_nationality(right.text, kb)
        if right.role is not None and head:
            shared = code(f"{left.text} {head}", where, left.span)
            if shared.role is not None:
                out[i] = replace(shared, text=left.text, why=f"{shared.why}; shares '{head}' with '{right.text}'")
                heads[i] = head
    return out


def share_owner(actors: list[Actor], text: str, kb: KnowledgeBase) -> list[Actor]:
    """A state organ with no country coordinated after one of a named state shares the state: "Italy's Navy
    and Coast Guard", "the Syrian army and police", also with plain modifiers of its own ("American intelligence and
    counterterrorism officials"; not "Russian troops and militants": no organ). ``actors`` are in text order."""
    out = list(actors)
    for i in range(1, len(out)):
        left, right = out[i - 1], out[i]
        if left.role in STATE_ROLES and right.role in STATE_ROLES and _national(left, kb) and not _is_person(left, kb) \
                and (right.code or "").startswith("---") and _coordinated(text[left.span[1]:right.span[0]]):
            out[i] = replace(right, code=left.country + right.role, country=left.country,
                             why=f"{right.why}; shares {left.country} with {left.text!r}")
    return out


def _coordinated(gap: str) -> bool:
    """Whether the text between two mentions coordinates them: a coordinator (``COORDINATORS``), or "and"/"or"
    followed by up to ``UNIT_NAME_TOKENS`` ``FIELD_MODIFIERS``, the later mention's ("and counterterrorism"; not "and
    foreign")."""
    if gap in COORDINATORS:
        return True
    match = _COORDINATED_MODIFIERS.fullmatch(gap)
    return match is not None and all(word in FIELD_MODIFIERS for word in gap[match.end(1):].split())


def word_acronym_modifier(actor: Actor, doc: Any, kb: KnowledgeBase) -> bool:
    """An institution named by an acronym that is an English word, qualifying a following noun that names none of
    its agents: a brand or a thing ("an ICE train", "the ICE Futures exchange"), not the agency ("ICE agents")."""
    if actor.kb_id is None or not actor.text.isalpha() or not actor.text.isupper() \
            or kb.entries[actor.kb_id].kind != "institution" or not getAllLemmas(actor.text.lower()):
        return False
    words = _tokens(doc, actor)
    if words is None or len(words) != 1 or words[0].dep_ != "compound" or words[0].head.i < words[0].i:
        return False
    head = words[0].head
    while head.dep_ == "compound" and head.head.i > head.i:  # "ICE Futures exchange": the last noun
        head = head.head
    atom = kb.atom(normalize(head.text))
    return head.lower_ not in AGENCY_STAFF and (atom is None or atom.kind != "agent")


def of_a_body(actors: list[Actor], text: str) -> list[Actor]:
    """An officer with no country of a body is the body's ("representatives of the Coptic Church", "leaders of
    the union", "a spokesman for the Foreign Ministry of Egypt"). ``actors`` are in text order."""
    out = list(actors)
    for i in range(1, len(out)):
        left, right = out[i - 1], out[i]
        if left.role == "GOV" and (left.code or "").startswith("---") and right.role and right.country \
                and _BODY_GAP.fullmatch(text, left.span[1], right.span[0]):
            out[i - 1] = replace(left, code=right.code, country=right.country, role=right.role,
                                 why=f"{left.why}; of {right.text!r}")
    return out


def _is_person(actor: Actor, kb: KnowledgeBase) -> bool:
    return actor.kb_id is not None and kb.entries[actor.kb_id].kind == "person"


def _after_nationality(mention: str, kb: KnowledgeBase) -> str:
    """The words of a mention after its first nationality adjective ("officials" of "Romanian officials")."""
    words = mention.split()
    for i, word in enumerate(words):
        atom = kb.atom(normalize(word))
        if atom is not None and atom.kind == "adjective":
            return " ".join(words[i + 1:])
    return ""


def mention_spans(doc: Any, kb: KnowledgeBase, text: str | None = None) -> tuple[list[tuple[int, int]], str | None]:
    """Character spans of actor mentions (KB phrases merged with their neighbours), and the country
    the story happens in: the one most often named as a place ("in Syria"), None if none is.
    ``text`` is the doc's text if the caller has it (``doc.text`` joins it up token by token)."""
    spans, placed, _ = _spans_and_places(list(doc), kb, doc.text if text is None else text)
    return spans, _most_named(Counter(country for _, country in placed))


def _most_named(places: Counter[str]) -> str | None:
    return places.most_common(1)[0][0] if places else None


def named_countries(actors: list[Actor], kb: KnowledgeBase, nationality: float = NATIONALITY_WEIGHT) -> Counter:
    """How often the mentions' own words name each state (``_national``): a country, capital or person once, a
    nationality adjective ``nationality`` times ("Russian spies were charged in Britain": foreigners in a story
    say less about where it happens than its places and parties do)."""
    named: Counter = Counter()
    for actor in actors:
        if _national(actor, kb):
            named[actor.country] += nationality if resolved_as(actor) == "nationality" else 1
    return named


def _national(actor: Actor, kb: KnowledgeBase) -> bool:
    """A mention whose own words name its state ("Egyptian police", "Mr. Morsi"), not a story-country guess,
    an organisation ("NGO", "IGO...") or a region ("EUR")."""
    country = actor.country or ""
    return len(country) == 3 and country not in TRANSNATIONAL_ROLES and country not in kb.regions \
        and not guessed_country(actor)


def _spans_and_places(tokens: list[Any], kb: KnowledgeBase, text: str
                      ) -> tuple[list[Span], list[tuple[int, str]], dict[Span, Span]]:
    """``mention_spans`` over a doc's ``tokens``, with the offset and country of each country or capital named as
    a place, and the span of the unknown name each mention took in after a title ("Ambassador [Mansour Al-Otaibi]")."""
    mentions: list[list[Piece]] = []
    for piece in _pieces(tokens, text, kb):
        previous = mentions[-1][-1] if mentions else None
        if previous is not None and (_joins(previous, piece, text, kb) or _adjective_between(previous, piece, tokens)):
            mentions[-1].append(piece)
        else:
            mentions.append([piece])
    spans = []
    places = []
    titled = {}
    for pieces in mentions:
        # "officials alleged", "militiamen armed"; "Trump's top national [security adviser]", "military [aid]"
        while pieces and (pieces[-1].atom.kind in ("modifier", "former") or _modifies_a_thing(pieces[-1], tokens)):
            pieces = pieces[:-1]
        if not pieces:
            continue
        if len(pieces) == 1 and normalize(text[pieces[0].start:pieces[0].end]) in VAGUE_AGENTS:
            continue  # "20 countries", but "Western nations", "NATO countries"
        if normalize(text[pieces[-1].start:pieces[-1].end]) in QUANTITY_AGENTS and text.startswith(" of ", pieces[-1].end):
            continue  # "hundreds of troops": the troops are the actor
        if len(pieces) == 1 and _is_place(pieces[0], tokens, kb):
            # a region ("in the Middle East") is a place but no country of the story
            places.extend((pieces[0].start, country) for i in pieces[0].atom.ids[:1]
                          if (country := kb.entries[i].intervals[0].country) not in kb.regions)
            continue
        start, end = pieces[0].start, _title_name_end(pieces[-1], tokens, kb)
        spans.append((start, end))
        if end > pieces[-1].end and _person_named(tokens, pieces[-1].last + 1, end):
            titled[(start, end)] = (pieces[-1].end + 1, end)
    return spans, places, titled


def _person_named(tokens: list[Any], first: int, end: int) -> bool:
    """Whether the tokens from ``first`` to the offset ``end`` name a person: the parser tags one PERSON
    and the last is a surname (not a stop word: "Secretary of State I")."""
    last = first
    while last + 1 < len(tokens) and tokens[last + 1].idx < end:
        last += 1
    person = any(tokens[k].ent_type_ == "PERSON" for k in range(first, last + 1))
    return person and len(tokens[last]) > 2 and tokens[last].lower_ not in STOP_WORDS


def gazetteer_places(doc: Any, tokens: list[Any], text: str, gazetteer: Any, focused: Any) -> list[tuple[int, str]]:
    """Offset and country of each place the knowledge base does not know named after "in", "near", ... or
    "of" ("in Lahore", "in northern Idlib", "residents of Mariupol"), by the gazetteer in the article's country
    focus ``focused``: cities and first-level divisions only. ``tokens`` are the doc's."""
    tagged = doc.has_annotation("POS")

    def name_word(token: Any) -> bool:
        return (token.is_title and token.is_alpha and token.lower_ not in CALENDAR_WORDS
                and (not tagged or token.pos_ == "PROPN"))

    prepositions = np.array([doc.vocab.strings[word] for word in PLACE_PREPOSITIONS | {"of"}], dtype=np.uint64)
    names = []
    for i in np.flatnonzero(np.isin(doc.to_array(LOWER), prepositions)).tolist() if len(doc) else ():
        j = i + 1
        while j < len(tokens) and j <= i + 2 and tokens[j].lower_ in PLACE_QUALIFIERS:
            j += 1
        k = j
        while k < len(tokens) and k < j + PLACE_NAME_TOKENS and name_word(tokens[k]):
            k += 1
        if k > j:
            names.append((tokens[j].idx, text[tokens[j].idx:tokens[k - 1].idx + len(tokens[k - 1])]))
    return _towns(names, gazetteer, focused)


def _towns(names: list[tuple[int, str]], gazetteer: Any, focused: Any) -> list[tuple[int, str]]:
    """Offset and country of each ``(offset, name)`` the gazetteer, in the article's country focus, knows as a
    city or first-level division."""
    from casus.extract.places import resolve

    return [(offset, entry.country) for offset, name in names if (entry := resolve(name, gazetteer, focused))
            is not None and entry.country and entry.feature in ("city", "ADM1")]


def unknown_entities(doc: Any, spans: list[tuple[int, int]], kb: KnowledgeBase) -> list[Actor]:
    """Parser entities (PERSON, ORG, NORP, GPE) the KB does not know, uncoded; not a GPE after "in".
    Entities it knows but the matcher left out were rejected on purpose (a place, someone else's surname)."""
    found = []
    coded: dict[str, str | None] = {}  # an entity's words → their code
    starts = [s for s, _ in spans]  # in text order, apart: the last span starting before an entity's end
    for ent in getattr(doc, "ents", ()):  # overlaps it if any does
        if ent.label_ not in ENTITY_LABELS:
            continue
        whole = _whole_name(ent) if ent.label_ == "PERSON" else ent
        before = bisect.bisect_left(starts, whole.end_char)
        if before and spans[before - 1][1] > whole.start_char:
            continue
        if ent.label_ == "GPE" and ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS:
            continue  # "in Idlib" is a place
        # (the knowledge base judges the recogniser's own words: a name it widened may end in a word it knows,
        # "Rep. Tom Banks")
        if ent.text not in coded:
            coded[ent.text] = kb.resolve(ent.text).code
        if coded[ent.text] is None:
            why = f"parser {ent.label_} not in the knowledge base"
            found.append(Actor(whole.text, (whole.start_char, whole.end_char), why=why))
    return found


def _whole_name(ent: Any) -> Any:
    """A person entity with the honorific before it ("Mr. [Henriquez-Rojas]") and the rest of the name the parser
    makes part of it after it: capitalized proper nouns hung on the name as ``flat`` ("[Rep. Tom] Banks") or that its
    last word hangs on as a ``compound`` ("[Mr. Oduya] Kamau")."""
    doc, start, end = ent.doc, ent.start, ent.end
    if start and doc[start - 1].text in HONORIFICS:
        start -= 1
    while end < len(doc) and doc[end].is_title and doc[end - 1].whitespace_ and (
            doc[end].dep_ in ("flat", "flat:name") and start <= doc[end].head.i < end
            or doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end):
        end += 1
    return ent if (start, end) == (ent.start, ent.end) else doc[start:end]


def _pieces(tokens: list[Any], text: str, kb: KnowledgeBase) -> list[Piece]:
    pieces: list[Piece] = []
    if not tokens:
        return pieces
    table = _TokenTable.of(tokens[0].doc, text, kb)
    words = None  # the text's ``TextWords``, made when a token first needs them
    known: dict[str, int] = {}  # first word → ``KnowledgeBase.phrase_words``
    keys: dict[str, str] = {}  # words as written → as ``normalize`` makes them (the same words come again and again)
    token_ends, n, resume = table.ends, len(tokens), 0
    for i in table.starts:
        if i < resume:
            continue
        token = tokens[i]
        run, last = _plain_run(tokens, table, i, min(n, i + MAX_TOKENS) - 1, kb)
        low, high = len(text) + 1, 0  # (nothing unreachable)
        if last >= i + len(run):  # ends past the run: bound by the words of the phrases known
            words = words or TextWords.of(text)
            if table.plain_word[i]:  # the first word ``KnowledgeBase.unreachable`` reads is the token
                low, high = words.unreachable(token.idx, token_ends[i], kb.first_words.get(token.lower_, 0))
            else:
                low, high = kb.unreachable(words, token.idx, known)
            if token_ends[last] <= high:  # then every end from ``low`` on is unreachable
                last = bisect.bisect_left(token_ends, low, i, last + 1) - 1
        for j in range(last, i - 1, -1):
            end = token_ends[j]
            if j < i + len(run):
                key = run[j - i]
                if key is None:
                    continue
            else:
                if low <= end <= high or j > i and (table.punct[j] or table.ends_no_phrase[j]):
                    continue
                surface = text[token.idx:end]
                if "\n" in surface:
                    continue
                key = keys.get(surface) or keys.setdefault(surface, normalize(surface))
            atom = kb.atom(key)
            if atom is None or atom.kind == "derived" and _beside_unknown_name(tokens, i, j, pieces, kb):
                continue
            if atom.kind == "name" and (_inside_longer_name(tokens, j, kb) or i == j and _inside_a_name(tokens, i, kb)):
                continue
            one_word = i == j or j == i + 1 and tokens[j].lower_ in POSSESSIVES  # "He's" is "He"
            if _plausible(atom, text[token.idx:end], tokens[i], one_word, pieces[-1] if pieces else None, kb):
                pieces.append(Piece(token.idx, end, i, j, atom))
                resume = j + 1
                break
    return pieces


def _plain_run(tokens: list[Any], table: "_TokenTable", i: int, last: int, kb: KnowledgeBase
               ) -> tuple[list[str | None], int]:
    """The keys of the phrases from token ``i`` to each token of the run of plain words one space apart that begins
    there (as ``normalize`` makes them: the words' lowercase, joined; None where no known phrase begins so), and the
    last token up to ``last`` a phrase from ``i`` may end at: none past a whole word that makes the run's words begin
    no known phrase (``KnowledgeBase.plain_prefixes``)."""
    keys: list[str | None] = []
    phrase = ""
    for k in range(i, last + 1):
        if not table.plain[k] or k > i and not table.spaced[k - 1]:
            break
        phrase = f"{phrase} {tokens[k].lower_}" if phrase else tokens[k].lower_
        if phrase not in kb.plain_prefixes:
            if table.plain_word[k]:
                return keys, k - 1
            keys.append(None)
            break
        keys.append(phrase)
    return keys, last


@dataclass(frozen=True, slots=True)
class _TokenTable:
    """What the phrase matcher reads of each token of a doc, from its token arrays in one go."""

    ends: list[int]  # end offsets
    starts: list[int]  # the tokens that may begin a phrase: not a space, "the" or punctuation but "-", nor a
    # plain word followed by whitespace that begins no phrase the knowledge base knows
    punct: list[bool]  # punctuation but "."; no phrase ends in it
    plain: list[bool]  # ascii letters or digits only: ``normalize`` makes it its lowercase
    plain_word: list[bool]  # a plain token followed by whitespace: a whole word but for what may precede it
    spaced: list[bool]  # followed by one space and then a word
    ends_no_phrase: list[bool]  # a plain word between whitespace that ends no phrase: none ends a phrase there

    @classmethod
    def of(cls, doc: Any, text: str, kb: KnowledgeBase) -> "_TokenTable":
        from casus.extract.quotes import among  # (quotes imports coref, which imports this module)

        strings = doc.vocab.strings
        table = doc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT, LOWER, ORTH, IS_ASCII, IS_ALPHA, IS_DIGIT, SPACY])
        idx, length, space, punct, lower, orth, ascii_, alpha, digit, spacy = table.T
        the, hyphen, dot = (table.dtype.type(strings[word]) for word in ("the", "-", "."))
        ends = idx + length
        space, spacy = space != 0, spacy != 0
        # whitespace (or the text's end) after each token and before it
        after = np.append(space[1:], ends[-1] == len(text)) | spacy
        before = np.insert(space[:-1] | spacy[:-1], 0, True)
        plain = (ascii_ != 0) & ((alpha != 0) | (digit != 0))
        nothing = space | (lower == the) | ((punct != 0) & (orth != hyphen))
        # (a plain word followed by whitespace is the first word ``KnowledgeBase.unreachable`` reads)
        starts = ~nothing & ~(plain & after & ~among(lower, kb.first_word_ids))
        return cls(ends.tolist(), np.flatnonzero(starts).tolist(), ((punct != 0) & (orth != dot)).tolist(),
                   plain.tolist(), (plain & after).tolist(), np.append(spacy[:-1] & ~space[1:], False).tolist(),
                   (plain & before & after & ~among(lower, kb.last_word_ids)).tolist())


def _plausible(
    atom: Atom, surface: str, token: Any, one_token: bool, previous: Piece | None, kb: KnowledgeBase
) -> bool:
    """Names must be written as names: capitalized, acronyms in capitals, surnames not common words
    ("May" is Theresa May only after a title: "Prime Minister May"); an agent word that is not a title is
    no agent inside a person's name ("Rep. Jim Banks"), nor one the parser reads as a verb with a subject
    that can be one ("I suspect", by lemminflect's dictionary)."""
    if atom.kind == "agent" and token.is_title and one_token and _in_a_name(token):
        return bool(atom.agent.post) or atom.agent.role in TITLE_ROLES
    if atom.kind == "agent" and one_token and token.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in token.children) \
            and "VERB" in getAllLemmas(token.lower_):
        return False  # a verb with a subject: "I suspect", "they head to"; but no verb at all: "Boko Haram envoys"
    if atom.kind in ("agent", "modifier", "former"):
        return True
    if not any(c.isupper() for c in surface):
        return False
    if token.i > 0 and token.nbor(-1).text in PLACE_PREFIXES:  # New Mexico, Northern Ireland
        return False
    if token.i > 1 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "anti" and not token.nbor(-2).whitespace_:
        return False  # "anti-American protesters" are not American
    key = normalize(surface)
    if key in kb.acronyms and not surface.replace(".", "").replace("-", "").isupper():
        return False
    if key in kb.cased and surface.strip(_EDGE_PUNCT) not in kb.cased[key]:  # "Let us", not "LeT"
        return False
    if atom.kind == "derived" and one_token:
        after_title = (previous is not None and previous.end + 1 == token.idx and previous.atom.agent is not None
                       and bool(previous.atom.agent.post)) or token.i > 0 and token.nbor(-1).text in HONORIFICS
        # ... nor a word the tagger reads as a common adjective, adverb or verb ("Young Algerians")
        common = key in STOP_WORDS or key in MONTHS or token.pos_ in ("ADJ", "ADV", "VERB", "ADP", "DET")
        return _name_cased(token.text) and (not common or after_title)
    return True


def _in_a_name(token: Any) -> bool:
    """Whether a word is part of a person's name: the parser tags it PERSON or makes it a later word of a proper
    name tagged no other entity ("Tom Banks": flat; not "the Police Department", an organisation)."""
    return token.ent_type_ == "PERSON" or token.dep_ in ("flat", "flat:name") and token.head.pos_ == "PROPN" \
        and token.ent_type_ == "" and token.head.ent_type_ in ("", "PERSON")


def _name_cased(word: str) -> bool:
    """Written as a surname: capitalized ("Erdogan", "McCain", "O'Brien"), or in capitals when longer
    than an acronym usually is ("PUTIN", not "BAK")."""
    if word.isupper():
        return len(word) > 3
    return word[:1].isupper()


def _beside_unknown_name(tokens: list[Any], i: int, j: int, pieces: list[Piece], kb: KnowledgeBase) -> bool:
    """A known surname next to an unknown capitalized word is someone else ("Aftab Ahmad Khan Sherpao")."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    unknown_before = (before is not None and before.is_alpha and before.is_title and before.whitespace_
                      and before.lower_ not in STOP_WORDS and before.lower_ not in CALENDAR_WORDS
                      and not (pieces and pieces[-1].last == i - 1))  # but "But Erdogan", "On Monday Putin"
    unknown_after = (after is not None and after.is_alpha and after.is_title and tokens[j].whitespace_
                     and kb.atom(after.lower_) is None)
    # ... or the first syllable of a hyphenated given name ("Dong" of "Kim Dong-yeon")
    syllable = (after is not None and after.text == "-" and not tokens[j].whitespace_ and j + 2 < len(tokens)
                and tokens[j + 2].is_lower and tokens[j + 2].is_alpha)
    return bool(unknown_before or unknown_after or syllable)


def _inside_longer_name(tokens: list[Any], j: int, kb: KnowledgeBase) -> bool:
    """A name followed by an unknown capitalized word of the same person entity is part of someone's name
    ("Jordan Peterson", "Chad Wolf"), and a compass word of a place entity part of the place's ("West
    Virginia"; but "Mexico City" still stands for Mexico); needs the parser's entities."""
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if after is None or after.ent_iob_ != "I" or tokens[j].ent_type_ != after.ent_type_ or not after.is_title:
        return False
    longer = after.ent_type_ == "PERSON" or after.ent_type_ in ("GPE", "LOC") and tokens[j].text in PLACE_PREFIXES
    return longer and kb.atom(after.lower_) is None


def _inside_a_name(tokens: list[Any], i: int, kb: KnowledgeBase) -> bool:
    """A one-word institution written inside a longer name the knowledge base does not know: after an unknown
    capitalized word ("Freedom House") or before "of" and a capitalized word ("House of Wisdom")."""
    atom = kb.atom(tokens[i].lower_)
    if atom is None or any(kb.entries[k].kind != "institution" for k in atom.ids):
        return False
    before = tokens[i - 1] if i > 0 else None
    if before is not None and before.is_title and before.is_alpha and before.whitespace_ \
            and kb.atom(before.lower_) is None and before.lower_ not in STOP_WORDS and not before.is_sent_start:
        return True
    return i + 2 < len(tokens) and tokens[i + 1].lower_ == "of" and tokens[i + 2].is_title


def _joins(left: Piece, right: Piece, text: str, kb: KnowledgeBase) -> bool:
    """Whether two adjacent phrases are one mention; an agent and a country or capital after it with only a space
    between are two ("told reporters Israel violated": a country qualifies an agent before it, "Israel's army")."""
    gap = text[left.end:right.start]
    if normalize(text[left.start:left.end]) in QUANTITY_AGENTS:
        return False  # "dozens of Russian tycoons": the number is no part of the mention
    if gap == " " and left.atom.kind == "agent" and right.atom.kind == "name" \
            and all(kb.entries[i].kind in ("country", "capital") for i in right.atom.ids):
        return False
    if gap in JOINING_GAPS:
        return True
    if left.atom.kind == "agent" and gap.endswith(" ") and gap[:-1] in BACKER_SUFFIXES:
        return True  # "Egypt's military-led government"
    # "the president of Ukraine", "a spokesman for the Gaza health ministry", "head of the Russian delegation"
    return gap in OWNER_GAPS and left.atom.kind == "agent" and right.atom.kind in ("name", "adjective")


def _adjective_between(left: Piece, right: Piece, tokens: list[Any]) -> bool:
    """A nationality or name and an agent with unknown modifiers of the agent between them are one mention ("Irish
    nationalist guerrillas", "Iraqi Shiite militias", "the Iranian nuclear agency spokesman"), up to
    ``UNIT_NAME_TOKENS`` of them; capitalized ones may be a unit's name ("United States Special Operations commandos",
    under whatever label a parser gives it); needs a parse."""
    between = tokens[left.last + 1:right.first]
    if not between or len(between) > UNIT_NAME_TOKENS or left.atom.kind not in ("adjective", "name") \
            or right.atom.kind != "agent":
        return False
    unit = len(between) > 1 and all(t.is_title for t in between)
    agent = right.atom.agent
    if len(between) > 1 and tokens[right.first].is_title and not (agent.post or agent.role in TITLE_ROLES):
        return False  # an organisation's own name ("American Civil Liberties Union"), but "... Minister"
    inside = range(left.last + 1, right.last + 1)  # each modifies the agent or a later word between
    labels = ("amod", "compound", "nsubj", "nmod", "flat", "obl") if unit else ("amod", "compound")
    modifies = all(t.dep_ in labels and t.i < t.head.i and t.head.i in inside for t in between)
    return modifies and all(t.is_alpha and t.whitespace_ for t in between) and bool(tokens[left.last].whitespace_)


def _modifies_a_thing(piece: Piece, tokens: list[Any]) -> bool:
    """An agent word with an adjective sense (``ADJECTIVAL_AGENTS``) used as an adjective of a later
    word outside the mention ("military aid", "joint-military exercises", "national security"), or a place
    or firm (``PLACE_AGENTS``) modifying one ("mosque attacks", "bank fraud"), is not part of an actor;
    other agents modifying a thing stay: it is theirs ("the last insurgent bastion", "militant attacks").
    Needs a parse."""
    token = tokens[piece.first]
    if piece.atom.kind != "agent" or piece.first != piece.last or token.head.i <= piece.last:
        return False
    return (token.lower_ in ADJECTIVAL_AGENTS and token.dep_ == "amod"
            or token.lower_ in PLACE_AGENTS and token.dep_ in ("amod", "compound"))


def _is_place(piece: Piece, tokens: list[Any], kb: KnowledgeBase) -> bool:
    """A lone country or capital name after "in", "near", ... is a location, also after "the" or a
    compass word ("in the Gaza Strip", "in northern Syria")."""
    if piece.atom.kind != "name" or piece.first == 0:
        return False
    kinds = {kb.entries[i].kind for i in piece.atom.ids}
    before = piece.first - 1
    while before > 0 and tokens[before].lower_ in PLACE_QUALIFIERS and before >= piece.first - 2:
        before -= 1
    return bool(kinds & {"country", "capital"}) and tokens[before].lower_ in PLACE_PREPOSITIONS


def _title_name_end(last: Piece, tokens: list[Any], kb: KnowledgeBase) -> int:
    """After a title ("Defence Minister"), take in the unknown capitalized name that follows; an agent
    word without a post is a title when capitalized before a proper name ("Kuwaiti Ambassador
    Mansour Al-Otaibi"; not right after "the": "the General Election"), and any singular agent noun before a
    person's name the parser tags ("the cleric Nimr al-Nimr", "activist Sunny Cheung"); needs the parser's tags or
    entities."""
    agent = last.atom.agent if last.atom.kind == "agent" else None
    after = tokens[last.last + 1] if last.last + 1 < len(tokens) else None
    named = after is not None and after.ent_iob_ == "B" and after.ent_type_ == "PERSON" \
        and tokens[last.last].tag_ == "NN"  # singular: "told reporters Kerry" names no reporter
    # (a bare capitalized title after "the" is a common noun's first word: "the General Election", "the General Staff")
    titled = tokens[last.last].is_title and not (last.first and tokens[last.first - 1].lower_ == "the")
    if agent is None or not (agent.post or titled and agent.role in TITLE_ROLES or named):
        return last.end
    end, k = last.end, last.last + 1
    while k < len(tokens) and k <= last.last + TITLE_NAME_TOKENS:
        token = tokens[k]
        if token.text == "-" and token.idx == end and k + 1 < len(tokens) and tokens[k + 1].idx == end + 1:
            token, k = tokens[k + 1], k + 1  # a hyphenated name ("Al-Otaibi")
        elif token.idx != end + 1:
            break
        if not (token.is_title or token.ent_type_ == "PERSON") or not token.is_alpha:
            break
        if not agent.post and token.ent_type_ != "PERSON" and token.pos_ != "PROPN":
            break
        if token.lower_ in CALENDAR_WORDS:  # "the prime minister February 4"
            break
        atom = kb.atom(token.lower_)
        if atom is not None and atom.kind not in ("name", "derived") and token.ent_type_ != "PERSON":
            break
        end, k = token.idx + len(token), k + 1
    return end
