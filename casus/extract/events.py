"""The event coder: dependency parse + actor mentions + lexicon → CAMEO/PLOVER events.

``code_events(ctx, res)`` reads each sentence's parse, matches triggers against the lexicon
(``casus.extract.lexicon``), takes source and target from syntactic roles (subjects, passive agents,
objects, prepositional phrases, coordination, relative clauses, possessives and nationality
adjectives; a named but uncoded target keeps its text with no code, and refusals, threats, protests,
force postures, resignations and retreats with no target named get a null target), sets the epistemic
status (asserted, alleged, denied, negated, hypothetical, future), turns reported speech into the
reporter's accusation, threat or demand ("X said Y must ...") where CAMEO does, merges repeats
within the article, links acts that target another's claim, and explains every event and every
sentence that produced none (``ctx.rejected``).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from casus.extract.casualties import event_casualties
from casus.extract.coref import ORGANISATION_NOUNS, PERSON_TITLES, resolve_reference
from casus.extract.lexicon import ANY, Entry, Lexicon
from casus.extract.places import event_location
from casus.extract.times import event_date
from casus.records import Actor, Event, Explanation, Link, Status

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from casus.knowledge.ontology import Ontology
    from casus.pipeline import Context, Resources

SUBJECT = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass"})
OBJECT = frozenset({"obj", "dobj"})
OBLIQUE = frozenset({"obl", "obl:agent", "obl:arg", "obl:unmarked", "nmod", "prep", "pobj", "advcl"})
NOMINAL_LINK = frozenset({"compound", "amod", "nmod:poss", "poss", "flat", "flat:name", "appos"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Heads that stand for (part of) the actor in their "of" phrase: "members of Hamas", "the mayor of Nablus".
GROUP_HEADS = PERSON_TITLES | ORGANISATION_NOUNS | frozenset({"member", "some", "many", "one", "part", "unit", "wing", "fighter",
                                                             "hundred", "thousand", "dozen", "score", "million"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
RESPONSIBILITY_CLAIMS = frozenset({"claim", "admit", "acknowledge"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
CONDITION_MARKS = frozenset({"if", "unless"})
PLANNING_VERBS = frozenset({"plan", "intend", "expect", "schedule", "prepare", "aim", "set", "go"})
CONFLICT_TARGET_PREPS = ("against", "at", "on")
COOPERATION_TARGET_PREPS = ("to", "with")
#: Roots whose act, with no target named, is aimed at the country where it happens (CAMEO practice:
#: a visit to / exercises in / an attack in a country).
LOCATION_TARGET_ROOTS = frozenset({"04", "09", "14", "15", "18", "19", "20"})
#: Acts coded without a target when none is named (refusals, threats, protests, force posture, resignations,
#: retreats).
TARGETLESS_CODES = ("12", "13", "14", "15", "0831", "087")
#: Roots whose target may be the subject of a "that" clause ("demanded that the US cancel ...").
CLAUSE_TARGET_ROOTS = frozenset({"02", "10"})
#: Head nouns of phrases that name actors even when no code is known for them.
ACTOR_NOUNS = PERSON_TITLES | ORGANISATION_NOUNS | frozenset({
    "people", "civilian", "villager", "resident", "protester", "demonstrator", "soldier", "troop", "force",
    "rebel", "militant", "fighter", "police", "policeman", "worker", "student", "journalist", "prisoner",
    "refugee", "citizen", "farmer", "opposition", "faction", "community", "population", "man", "woman",
    "child", "official", "insurgent", "guerrilla", "militia", "settler", "activist", "opponent", "dissident",
    "member"
})
RESPONSE_MARKS = frozenset({"after", "following"})
QUANTITY_HEADS = frozenset({"NUM", "PRON", "DET"})
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL_ROLES = frozenset({"obl", "obl:agent", "obj", "nsubj", "nsubj:pass", "nmod", "iobj"})
NOMINAL = frozenset({"NOUN", "PROPN"})
LINK_KINDS = {"deny": "denies", "refute": "rejects", "reject": "rejects", "dismiss": "rejects", "rebut": "rejects"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event before it gets an id: what fired, on which tokens, with which actors and status."""

    code: str
    trigger: int  # token index
    key: str  # lemma that identifies the act when merging repeats
    source: Actor
    target: Actor | None
    status: Status
    attributed_to: Actor | None
    rule: str
    entry: Entry | None
    tokens: tuple[int, ...]
    notes: tuple[str, ...] = ()
    object_token: int | None = None  # the trigger's object (for rejects/denies links)


def code_events(ctx: Context, res: Resources) -> Context:
    """Code every sentence of the article; see the module docstring."""
    coder = _Coder(ctx, res.lexicon, res.ontology, res.kb)
    candidates: list[Candidate] = []
    rejected: list[dict[str, Any]] = []
    for index, sent in enumerate(ctx.doc.sents):
        found, reason = coder.sentence(sent)
        candidates.extend(found)
        if not found:
            rejected.append({"sentence": index, "text": sent.text.strip(), "reason": reason})
    events, trigger_of = _events(ctx, candidates, res.ontology)
    links = _links(ctx, events, trigger_of, res.lexicon.speech_nouns)
    return ctx.add(events=ctx.events + events, links=ctx.links + links, rejected=ctx.rejected + tuple(rejected))


def lemmas(token: Token) -> tuple[str, ...]:
    """The lemma plus inflection-stripped forms: robust to a trained lemmatizer's slips."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)] + repl
            forms.append(stem)
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "hitting" → "hitt" → "hit"
    return tuple(dict.fromkeys(forms))


def _case(token: Token) -> str | None:
    """The preposition introducing ``token`` ("on" in "on Iran"), also when the parse hangs it on a
    modifier ("by Turkish President X" with "by" under "Turkish")."""
    found = next((c.lower_ for c in token.children if c.dep_ in ("case", "mark")), None)
    if found is None and token.left_edge.dep_ in ("case", "mark") and token.left_edge.i < token.i:
        return token.left_edge.lower_
    return found


def _antecedent(relative: Token) -> Token:
    """What "which"/"who" refers to: the noun right before it (", which"), else the parse's head."""
    before = relative.doc[relative.i - 1] if relative.i > 0 else None
    if before is not None and before.is_punct and before.i > 0:
        before = relative.doc[before.i - 1]
    if before is not None and before.pos_ in NOMINAL and before.sent.start == relative.sent.start:
        return before
    return relative.head.head


def _own_relative_clause_elsewhere(token: Token) -> bool:
    """"..., and Ankara, which backs ..." with the relative clause hung on another noun: a sign the
    parse coordinated two separate phrases."""
    after = token.doc[token.i + 1: token.i + 3]
    relative = next((t for t in after if t.lower_ in RELATIVE_PRONOUNS), None)
    return relative is not None and relative.head.dep_.startswith("acl") and relative.head.head.i != token.i


def _interrupted(head: Token, conjunct: Token) -> bool:
    """"rebels, under increasing strain, the Kremlin ...": a modifier of the head between it and the
    conjunct (other than a relative clause) means the parse joined phrases that do not coordinate."""
    return any(x.dep_ in ("nmod", "obl", "acl", "advmod") and head.i < x.i < conjunct.i for x in head.children)


def _list_tail_subject(verb: Token) -> bool:
    """"The US, Russia, and Switzerland met" parsed as a relative clause on "US" whose subject is
    "and Switzerland": the subject carries the list's conjunction."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT), None)
    return verb.dep_ == "acl:relcl" and subj is not None and any(c.dep_ == "cc" for c in subj.children)


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for c in token.children:
        if (c.dep_ == "conj" and c.pos_ in NOMINAL | {"PRON"} and not _own_relative_clause_elsewhere(c)
                and not _interrupted(token, c)):
            out.extend(_conjuncts(c))
    return out


def _verbal(token: Token) -> bool:
    """A verb, also when the tagger and the POS model disagree ("engaged" as ADJ/VBD)."""
    return token.pos_ in VERBAL or (token.tag_.startswith("VB") and token.pos_ != "NOUN")


def _passive(verb: Token) -> bool:
    """Passive voice, including reduced relatives ("an allegation made by X") but not a main verb
    the parse hung under its sentence-initial subject ("The European Union called on ...")."""
    if any(c.dep_ in PASSIVE_SUBJECT or c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return True
    reduced = verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in verb.children)
    return reduced and not _hung_main_verb(verb)


def _hung_main_verb(verb: Token) -> bool:
    return verb.dep_.startswith("acl") and verb.head.dep_ == "ROOT" and verb.head.left_edge.i == verb.sent.start


def _nominal(token: Token) -> bool:
    """A noun, or a gerund used as one ("by Iranian shelling")."""
    return token.pos_ in NOMINAL or (token.tag_ == "VBG" and token.dep_ in NOMINAL_ROLES)


class _Coder:
    """Per-article coding state: actor lookups are cached by token."""

    def __init__(self, ctx: Context, lexicon: Lexicon, ontology: Ontology, kb: Any = None) -> None:
        self.ctx = ctx
        self.kb = kb
        self.lex = lexicon
        self.onto = ontology
        self.quotes = [q for q in ctx.quotes if q.speaker is not None]
        self._actor_cache: dict[int, Actor | None] = {}
        self.accusations: list[Candidate] = []
        self._subject_of: dict[int, Token] = {}  # subjects restored where the parse lost them  # coded so far, for "X rejected the allegation"
        self._mentions: dict[int, Actor] = {}
        for actor in ctx.actors:
            span = ctx.doc.char_span(*actor.span, alignment_mode="expand")
            for t in span if span is not None else ():
                self._mentions.setdefault(t.i, actor)

    # --- actors -------------------------------------------------------------------------------
    def actor(self, token: Token) -> Actor | None:
        """The coded actor a noun phrase headed by ``token`` denotes, if any."""
        if token.i not in self._actor_cache:
            self._actor_cache[token.i] = None  # a reference cycle (pronoun → speaker → pronoun) ends here
            self._actor_cache[token.i] = self._find_actor(token, depth=0)
        return self._actor_cache[token.i]

    def _find_actor(self, token: Token, depth: int) -> Actor | None:
        if depth > 3:
            return None
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_.startswith("acl"):
            return self._find_actor(_antecedent(token), depth + 1)
        if token.lower_ in REFLEXIVES:
            subject = self.subject(token.head) if token.head.i != token.i else None
            return self._find_actor(subject, depth + 1) if subject is not None and subject.i != token.i else None
        found = self.mention_at(token) if token.pos_ != "PRON" else None
        found = found or resolve_reference(self.ctx, token)
        if found is not None and found.code:
            return self._complete(found, token)
        for child in token.children:
            if child.dep_ in NOMINAL_LINK:
                found = self._mention_in(child)
                if found is not None and (_side(found) or child.dep_ != "amod"):
                    return found  # a country-less adjective ("military exercises") is no actor
        if token.pos_ in QUANTITY_HEADS or token.lemma_.lower() in GROUP_HEADS:
            for child in token.children:  # "13 of its soldiers", "leaders of the Muslim Brotherhood"
                if child.dep_ in ("nmod", "obl") and _case(child) == "of":
                    return self._find_actor(child, depth + 1)
        if token.pos_ in NOMINAL and token.ent_type_ and self.kb is not None:
            return self._entity_as_actor(token)
        return self.noun_source(token, depth + 1) if token.pos_ in NOMINAL else None

    def _named_actor(self, token: Token) -> Actor | None:
        """The actor mention at ``token``, or the named entity there coded by the KB ("in Guyana")."""
        found = self.mention_at(token)
        if found is None and token.ent_type_ and self.kb is not None:
            return self._entity_as_actor(token)
        return found

    def _entity_as_actor(self, token: Token) -> Actor | None:
        """A named entity the actor step left out as a place ("fired at Russia"), coded by the KB
        when it fills an event role."""
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is None:
            return None
        actor = self.kb.resolve(entity.text, on=self.ctx.article.published, span=(entity.start_char, entity.end_char))
        return actor if actor.code else None

    def _complete(self, actor: Actor, token: Token) -> Actor:
        """A country-less mention ("its soldiers", "the Defence Ministry") takes its country from
        its possessor, or the same actor named in full earlier ("the Russian Defense Ministry")."""
        if not actor.code.startswith("---"):
            return actor
        role = actor.code[3:]
        for child in token.children:
            if child.dep_ in ("nmod:poss", "poss"):  # "its soldiers", "Iraq's national security advisor"
                if child.pos_ == "PRON":
                    owner = self._reporting_speaker(child) or resolve_reference(self.ctx, child) or self._nearest_before(child)
                else:
                    owner = self.mention_at(child)
                if owner is not None and _side(owner):
                    return replace(actor, code=_side(owner) + role, country=_side(owner),
                                   why=f"{actor.why}; country of '{child.text}' = {owner.text}")
        # "ministers from the Georgian government", "a court in Guyana" (troops in a country are not its own)
        preps = ("of", "from") if role.startswith("MIL") else ("of", "from", "in")
        for child in token.children:
            if child.dep_ in ("nmod", "obl") and _case(child) in preps:
                # "the mayor of the West Bank city of Nablus": any country named in the phrase
                owner = next((m for t in child.subtree if (m := self._named_actor(t)) is not None and _side(m)), None)
                if owner is not None:
                    return replace(actor, code=_side(owner) + role, country=_side(owner),
                                   why=f"{actor.why}; {_case(child)} {owner.text}")
        definite = any(c.lower_ in ("the", "this", "that") for c in token.children)
        last = actor.text.split()[-1].lower()
        if definite:
            for earlier in sorted((a for a in self.ctx.actors if a.span[1] <= actor.span[0]), key=lambda a: -a.span[0]):
                if earlier.code and not earlier.code.startswith("---") and earlier.text.split()[-1].lower() == last \
                        and earlier.code.endswith(role):
                    return replace(actor, code=earlier.code, country=earlier.country,
                                   why=f"{actor.why}; refers back to '{earlier.text}'")
        return actor

    def mention_at(self, token: Token) -> Actor | None:
        """The actor mention covering ``token`` itself."""
        return self._mentions.get(token.i)

    def _reporting_speaker(self, pronoun: Token) -> Actor | None:
        """In reported speech a third-person possessive points to the speaker ("Erdogan said his
        military would ...")."""
        if pronoun.lower_ not in ("his", "her", "its", "their"):
            return None
        for head in pronoun.ancestors:
            if _verbal(head) and set(lemmas(head)) & self.lex.speech:
                found = self.speakers(head)
                return found[0] if found else None
        return None

    def _nearest_before(self, token: Token) -> Actor | None:
        """The closest earlier coded actor with a country in the same sentence."""
        start = token.sent.start_char
        return next((a for a in sorted(self.ctx.actors, key=lambda a: -a.span[0])
                     if start <= a.span[0] and a.span[1] <= token.idx and _side(a)), None)

    def _mention_in(self, token: Token) -> Actor | None:
        for t in token.subtree:
            found = self.mention_at(t) if t.pos_ != "PRON" else resolve_reference(self.ctx, t)
            if found is not None and found.code and token.idx <= t.idx:
                return found
        return None

    def actors(self, token: Token | None) -> list[Actor]:
        if token is None:
            return []
        found: list[Actor] = []
        for i, t in enumerate(_conjuncts(token)):
            actor = self.actor(t)
            if actor is None and i:
                break  # "rebels, under increasing strain, the Kremlin": a chain through a non-actor is a misparse
            if actor is not None:
                found.append(actor)
        return found

    def noun_source(self, noun: Token, depth: int = 0) -> Actor | None:
        """Who a nominal act or claim belongs to: "by X", "made by X", "X's", "Syrian shelling"."""
        for child in noun.children:
            if child.dep_ in ("nmod", "obl", "obl:agent") and _case(child) == "by":
                return self._find_actor(child, depth + 1)
            if child.dep_ == "acl" and _passive(child):
                agent = next((c for c in child.children if _case(c) == "by"), None)
                if agent is not None:
                    return self._find_actor(agent, depth + 1)
        for child in noun.children:
            if child.dep_ in ("nmod:poss", "poss", "amod", "compound") and child.i < noun.i:
                found = self._mention_in(child)
                if found is not None and (_side(found) or child.dep_ != "amod"):
                    return found
        return None

    def is_event_noun(self, token: Token) -> bool:
        return _nominal(token) and bool(self.lex.candidates("noun", lemmas(token)))

    # --- arguments ----------------------------------------------------------------------------
    def subject(self, verb: Token) -> Token | None:
        """The agent of ``verb``: its subject, its passive by-phrase, or one inherited from the
        verb it is coordinated with, controlled by or modifies."""
        passive = _passive(verb)
        if passive:
            agent = next((c for c in verb.children if c.dep_ in OBLIQUE and _case(c) == "by"), None)
            return agent
        subj = next((c for c in verb.children if c.dep_ in SUBJECT), self._subject_of.get(verb.i))
        if subj is not None:
            return subj
        if verb.dep_ == "conj" and _verbal(verb.head):
            return self.subject(verb.head)
        if verb.dep_ in ("xcomp", "advcl") and _verbal(verb.head):
            controller = next((c for c in verb.head.children if c.dep_ in OBJECT), None)
            # "urged Iran to withdraw" controls by the object; "opened fire to disperse" by the subject;
            # "gave permission to Russia to help", "faces pressure from Congress to act": unclear, none
            if controller is not None and (verb.dep_ == "xcomp" or self.actor(controller) is not None):
                return controller
            if controller is not None and any(c.dep_ in OBLIQUE and _case(c) in ("to", "from") and self.actor(c)
                                              for c in (*verb.head.children, *controller.children)):
                return None
            raised = next((c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECT), None)
            if raised is not None and verb.dep_ == "xcomp":
                return raised  # "Obama is scheduled to attend"
            return self.subject(verb.head)
        if (verb.dep_.startswith("acl") or verb.dep_ in ("parataxis", "appos")) and verb.head.pos_ in NOMINAL:
            return verb.head  # "Russia, a close ally of X, hashed out ..." parsed with the verb under "Russia"
        return self._named_just_before(verb)

    def _named_just_before(self, verb: Token) -> Token | None:
        """A subject the parse attached elsewhere ("On Tuesday Germany accused ...", "after X said"):
        an actor named within the three words before the verb."""
        for t in reversed(verb.doc[max(verb.sent.start, verb.i - 3): verb.i]):
            if t.pos_ in NOMINAL and t.dep_ not in OBJECT and self.mention_at(t) is not None:
                return t
        return None

    def object(self, verb: Token) -> Token | None:
        if _passive(verb):
            subj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT), None)
            if subj is None and verb.dep_.startswith("acl"):
                return verb.head
            return subj
        obj = next((c for c in verb.children if c.dep_ in OBJECT), None)
        if obj is None and verb.dep_ == "acl:relcl" and not _list_tail_subject(verb):
            has_subject = any(c.dep_ in SUBJECT and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)
            if has_subject:  # "a deal it had struck": the antecedent is the object
                return verb.head
        return obj

    def prep_object(self, token: Token, prep: str, *, deep: bool = True) -> Token | None:
        """The object of ``prep`` attached to ``token`` (or to its object when ``deep``)."""
        for child in token.children:
            if child.dep_ in OBLIQUE and not _verbal(child) and _case(child) == prep:
                return child
            if child.dep_ in ("compound:prt", "prt") and child.lower_ == prep:
                obj = next((c for c in token.children if c.dep_ in OBJECT), None)
                if obj is not None:
                    return obj
        if prep == "between":
            for child in token.children:
                if child.dep_ in OBLIQUE and any(c.lower_ == "between" for c in child.subtree if c.i < child.i):
                    return child
        obj = self.object(token) if _verbal(token) else None
        if deep and obj is not None and obj.i != token.i:
            return self.prep_object(obj, prep, deep=False)
        return None

    def complement(self, verb: Token) -> Token | None:
        """The infinitival complement ("threaten to attack", "call on X to withdraw")."""
        for child in verb.children:
            infinitive = child.dep_ == "xcomp" or any(c.lower_ == "to" and c.dep_ == "mark" for c in child.children)
            if child.dep_ in ("xcomp", "advcl", "ccomp") and _verbal(child) and infinitive:
                return child
        return None

    # --- matching -----------------------------------------------------------------------------
    def _has_words(self, token: Token, words: frozenset[str] | None) -> bool:
        if words is None:
            return True
        if ANY in words:
            return token is not None
        if token is None:
            return False
        forms = set(lemmas(token))
        for word in words:
            parts = word.split()
            if parts[-1] in forms and all(
                any(p in lemmas(c) for c in token.children if c.i < token.i) for p in parts[:-1]
            ):
                return True
        return False

    def match(self, token: Token, entry: Entry) -> dict[str, Token | None] | None:
        """The entry's slots filled from the parse, or None when a condition fails."""
        slots: dict[str, Token | None] = {}
        if entry.pos == "noun" and not self._has_words(token, entry.words):
            return None  # multiword nouns ("air strike") need their modifiers
        if entry.particle and not any(
            c.dep_ in ("compound:prt", "prt") and c.lower_ == entry.particle for c in token.children
        ):
            return None
        if entry.pos == "verb":
            obj = self.object(token)
            # double objects ("gave the Ivory Coast 5 million dollars"): the one the entry asks for
            objects = [obj] if obj is not None else []
            objects += [c for c in token.children if c.dep_ in OBJECT | {"iobj"} and c not in objects]
            if entry.objects is not None:
                obj = next((o for o in objects if self._has_words(o, entry.objects)), None)
                if obj is None:
                    return None
            slots["obj"] = obj
            slots["iobj"] = next((o for o in objects if obj is None or o.i != obj.i), None)
        for prep, words in entry.preps:
            found = self.prep_object(token, prep)
            if found is None or not self._has_words(found, words):
                return None
            slots[f"prep:{prep}"] = found
        if entry.to is not None:
            comp = self.complement(token)
            if comp is None or not self._has_words(comp, entry.to):
                return None
            slots["to"] = comp
            slots["to.obj"] = self.object(comp)
        return slots

    def best_entry(self, token: Token) -> tuple[Entry, dict] | None:
        pos = "noun" if _nominal(token) else "verb" if _verbal(token) else None
        if pos is None:
            return None
        for entry in self.lex.candidates(pos, lemmas(token)):
            slots = self.match(token, entry)
            if slots is not None:
                return entry, slots
        return None

    # --- status ---------------------------------------------------------------------------------
    def status(self, trigger: Token) -> tuple[Status | None, str | None]:
        """The trigger's own modality (negated / hypothetical / future), inherited along xcomp."""
        token: Token | None = trigger
        while token is not None:
            words = {c.lower_ for c in token.children if c.dep_ in ("aux", "advmod", "neg", "det", "aux:pass")}
            if words & NEGATIONS:
                return "negated", f"negation '{min(words & NEGATIONS)}'"
            if any(c.dep_ == "advcl" and _case(c) in CONDITION_MARKS for c in token.children):
                return "hypothetical", "conditional clause"
            if words & HYPOTHETICAL_AUX:
                return "hypothetical", f"modal '{min(words & HYPOTHETICAL_AUX)}'"
            if words & FUTURE_AUX:
                return "future", "future auxiliary"
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in PLANNING_VERBS:
                return "future", f"planned ('{token.head.text}')"
            token = token.head if token.dep_ in ("xcomp", "conj") and token.head.i != token.i else None
        return None, None

    # --- reported speech ----------------------------------------------------------------------------
    def speech_acts(self, sent: SpacySpan) -> list[tuple[Token, Token, list[Actor]]]:
        """(speech verb, content root, speakers) for every reporting verb in the sentence."""
        acts = []
        for verb in sent:
            if not _verbal(verb) or not (set(lemmas(verb)) & (self.lex.speech | self.lex.denial)):
                continue
            content = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and _verbal(c)), None)
            if content is None and verb.dep_ in ("parataxis", "ccomp") and _verbal(verb.head):
                content = verb.head  # "Y attacked Z, X said"
            if content is None:
                content = self._misparsed_content(verb)
            if content is None or content.i == getattr(self._claim_clause(verb), "i", None):
                continue  # "rejected an accusation by X that ...": the clause is X's claim, not the verb's
            acts.append((verb, content, self.speakers(verb)))
        for noun in sent:
            if noun.pos_ in NOMINAL and set(lemmas(noun)) & self.lex.speech_nouns:
                content = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "acl:relcl") and _verbal(c)
                                and _that_clause(c)), None)
                if content is None and noun.dep_ in OBJECT:
                    content = self._claim_clause(noun.head)
                author = self.noun_source(noun)
                if content is not None and author is not None:
                    acts.append((noun, content, [author]))
        return acts

    def _claim_clause(self, verb: Token) -> Token | None:
        """"rejected an accusation by X that Y ..." parsed with the that-clause on the verb: the clause
        after the verb's claim-noun object is the noun's content."""
        noun = next((c for c in verb.children if c.dep_ in OBJECT and set(lemmas(c)) & self.lex.speech_nouns), None)
        if noun is None:
            return None
        return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i and _verbal(c) and _that_clause(c)),
                    None)

    def _misparsed_content(self, verb: Token) -> Token | None:
        """"X said Russian forces were attacking ..." parsed with "forces" as the object of "said" and
        "attacking" elsewhere: the object is the subject of the next subject-less verb."""
        obj = next((c for c in verb.children if c.dep_ in OBJECT and c.pos_ in NOMINAL), None)
        if obj is None:
            return None
        for t in verb.doc[obj.right_edge.i + 1: min(obj.right_edge.i + 6, verb.sent.end)]:
            if (_verbal(t) and t.dep_ not in ("aux", "aux:pass", "cop") and t.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VBP")
                    and not any(c.dep_ in SUBJECT for c in t.children)):
                self._subject_of[t.i] = obj
                return t
        return None

    def speakers(self, verb: Token) -> list[Actor]:
        """Who says: the subject, else the actor named just before the verb ("after X said")."""
        return self.actors(next((c for c in verb.children if c.dep_ in SUBJECT), None) or self.subject(verb)) \
            or self.actors(self._named_just_before(verb))

    def quote_speaker(self, token: Token) -> Actor | None:
        return next((q.speaker for q in self.quotes if q.span[0] <= token.idx < q.span[1]), None)

    def claimant(self, speakers: list[Actor], verb: Token | None, trigger: Token) -> Actor | None:
        """Whose claim the content is: a coded speaker that is not a news outlet reporting."""
        speaker = speakers[0] if speakers else self.quote_speaker(verb if verb is not None else trigger)
        if speaker is None or not speaker.code or speaker.code.endswith("MED"):
            return None
        return speaker

    # --- one sentence -------------------------------------------------------------------------------
    def sentence(self, sent: SpacySpan) -> tuple[list[Candidate], str]:
        speech = self.speech_acts(sent)
        triggers = [(t, m) for t in sent if (m := self.best_entry(t)) is not None]
        out: list[Candidate] = []
        reasons: list[str] = []
        consumed: set[int] = set()
        for token, (entry, slots) in triggers:
            if token.i in consumed:
                continue
            if entry.to is not None and slots.get("to") is not None:
                # "threaten to attack", "threatened to launch an offensive": the threat, not the attack
                consumed.update(t.i for t in (slots["to"], slots.get("to.obj")) if t is not None)
            made, reason = self.events_for(token, entry, slots, consumed)
            out.extend(made)
            if reason:
                reasons.append(reason)
        out = self.apply_speech(out, speech, sent)
        self.accusations.extend(c for c in out if c.code.startswith("11"))
        if out:
            return out, ""
        if not triggers and not speech:
            return [], "no trigger"
        return [], reasons[0] if reasons else "no event in the reported content"

    def events_for(self, token, entry: Entry, slots: dict, consumed: set[int]) -> tuple[list[Candidate], str | None]:
        code, rule, notes = entry.code, f"{entry.pos}-entry", []
        if entry.pos == "verb":
            subj = self.subject(token)
            sources = self.actors(subj)
            for other in token.children:  # "The US, Russia, and Switzerland met": subjects parsed apart
                if other.dep_ in SUBJECT and subj is not None and other.i != subj.i:
                    sources += [a for a in self.actors(other) if a not in sources]
            if _list_tail_subject(token):  # ... or the list's head taken for a relative clause's antecedent
                sources = [a for a in self.actors(token.head) if a not in sources] + sources
            if subj is not None and _case(subj) == "by" and self.is_event_noun(subj):
                # "killed by Syrian shelling": the agent is an act; its author is the source
                noun_entry = self.best_entry(subj)
                author = self.noun_source(subj)
                sources = [author] if author else []
                consumed.add(subj.i)
                if noun_entry and noun_entry[0].code[:2] in ("18", "19", "20") and code[:2] in ("18", "19", "20"):
                    code, rule = noun_entry[0].code, "passive-agent-act"
                    notes.append(f"agent act '{subj.text}' ({noun_entry[0].id})")
            obj = slots.get("obj")
            if obj is not None and obj.i != token.i and self.is_event_noun(obj):
                consumed.add(obj.i)
        else:
            support = token.head if token.dep_ in OBJECT | PASSIVE_SUBJECT and _verbal(token.head) else None
            own = self.noun_source(token)
            if own is not None:
                sources = [own]
            elif support is not None and set(lemmas(support)) & self.lex.support:
                sources = self.actors(self.subject(support))
                rule = "support-verb"
                notes.append(f"supported by '{support.text}'")
            else:
                return [], "no actor (nominal act without its author)"
        order = self.target_slots(token, entry, slots)
        targets = self.targets(order, slots, sources)
        if entry.code[:2] >= "15":  # news media report, they do not fight
            sources = [s for s in sources if not (s.code or "").endswith("MED")]
        if not sources:
            return [], "no actor (no coded source)"
        pairs = [(s, t) for s in sources for t in targets if s.span != t.span]
        if not targets and entry.reciprocal and len(sources) > 1:
            pairs = [(s, t) for s in sources for t in sources if s is not t]
            rule = "reciprocal"
        if not pairs and entry.code[:2] in LOCATION_TARGET_ROOTS:
            place = event_location(self.ctx, token)
            inside = place is not None and token.left_edge.idx <= place.span[0] < token.right_edge.idx + len(token.right_edge)
            if inside and place.country and not any(s.span[0] <= place.span[0] < s.span[1] for s in sources):
                where = Actor(text=place.text, span=place.span, code=place.country, country=place.country,
                              why="the country where the act took place (no target named)")
                pairs = [(s, where) for s in sources if _side(s) != place.country or entry.code[:2] >= "18"]
                rule = "location-as-target"
        if not pairs:
            named = self.uncoded_target(order, slots, sources)
            if named is not None:
                pairs = [(s, named) for s in sources]
                rule = "uncoded-target"
                notes.append(f"target '{named.text}' names an actor the knowledge base does not code")
            elif code.startswith(TARGETLESS_CODES):
                pairs = [(s, None) for s in sources]
                rule = "no-target"
            else:
                return [], "no actor (no coded target)"
        pairs = [(s, t) for s, t in pairs if not _self_directed(s, t)]
        if not pairs:
            return [], "source and target are the same actor"
        status, why = self.status(token)
        if why:
            notes.append(why)
        obj = slots.get("obj")
        return [
            Candidate(
                code=code, trigger=token.i, key=lemmas(token)[0], source=s, target=t, status=status or "asserted",
                attributed_to=None, rule=rule, entry=entry,
                tokens=tuple(sorted({token.i, *(v.i for v in slots.values() if v is not None)})),
                notes=tuple(notes), object_token=obj.i if obj is not None else None,
            )
            for s, t in pairs
        ], None

    def target_slots(self, token: Token, entry: Entry, slots: dict) -> list[str]:
        """The entry's target slots in order (conflict acts also try against/at/on), filling ``slots``."""
        order = list(entry.target)
        fallback_preps = CONFLICT_TARGET_PREPS if entry.code[:2] >= "10" else COOPERATION_TARGET_PREPS
        order += [f"prep:{p}" for p in fallback_preps if f"prep:{p}" not in order]
        support = token.head if entry.pos == "noun" and token.dep_ in OBJECT and _verbal(token.head) else None
        if support is not None:  # "held their first meeting with X": the phrase may hang on the verb
            for p in {slot[5:] for slot in order if slot.startswith("prep:")}:
                slots[f"support.prep:{p}"] = self.prep_object(support, p, deep=False)
                order.append(f"support.prep:{p}")
        complement = slots.get("to")
        if complement is not None:  # "threatened to impose sanctions on Uganda"
            for p in (*CONFLICT_TARGET_PREPS, *COOPERATION_TARGET_PREPS):
                slots[f"to.prep:{p}"] = self.prep_object(complement, p)
                order.append(f"to.prep:{p}")
        if entry.code[:2] in CLAUSE_TARGET_ROOTS and entry.pos == "verb":
            # "demanded that the US cancel ...": the one asked to act is the clause's subject
            clause = next((c for c in token.children if c.dep_ == "ccomp" and _verbal(c)), None)
            slots["that.subj"] = self.subject(clause) if clause is not None else None
            order.append("that.subj")
        for slot in order:
            if slot.startswith("prep:") and slot not in slots:
                slots[slot] = self.prep_object(token, slot[5:])
        return order

    def targets(self, order: list[str], slots: dict, sources: list[Actor]) -> list[Actor]:
        """The actors of the first target slot naming some; one naming actors with a country beats one
        naming only country-less ones ("fired batteries at Russia")."""
        fallback: list[Actor] = []
        for slot in order:
            found = [a for a in self.actors(slots.get(slot)) if all(a.span != s.span for s in sources)]
            if any(_side(a) for a in found):
                return found
            fallback = fallback or found
        obj = slots.get("obj")
        if not fallback and obj is not None and _nominal(obj) and self.mention_at(obj) is None:
            # "rejected an Indian proposal", "dismissed an appeal from X": the author of the object
            author = self.noun_source(obj) or next(iter(self.actors(self.prep_object(obj, "from", deep=False))), None)
            fallback = [author] if author is not None and all(author.span != s.span for s in sources) else []
        if not fallback and obj is not None and set(lemmas(obj)) & self.lex.speech_nouns:
            # "Mexico rejected the allegation": the author of the latest accusation against the source
            accuser = next((c.source for c in reversed(self.accusations)
                            if any(_same_side(c.target, s) for s in sources)), None)
            fallback = [accuser] if accuser is not None else []
        return fallback

    def uncoded_target(self, order: list[str], slots: dict, sources: list[Actor]) -> Actor | None:
        """The first target slot holding a noun phrase that names an actor the knowledge base does not
        code (an uncoded named entity, "the protesters", "a court"): kept with its text, no code."""
        for slot in order:
            token = slots.get(slot)
            if token is None or not _nominal(token) or any(s.span[0] <= token.idx < s.span[1] for s in sources):
                continue
            mention = self.mention_at(token)
            if mention is not None:
                return mention
            if set(lemmas(token)) & ACTOR_NOUNS:
                phrase = token.doc[token.left_edge.i: token.i + 1]
                return Actor(text=phrase.text, span=(phrase.start_char, phrase.end_char),
                             why="a noun phrase naming an actor the knowledge base does not code")
        return None

    def apply_speech(self, found: list[Candidate], speech, sent) -> list[Candidate]:
        """Reported content becomes alleged (or denied); the reporter's accusation, threat or demand
        ("X said Y must ...") is added."""
        doc = sent.doc
        out: list[Candidate] = []
        claimed: dict[int, tuple[Token, list[Actor]]] = {}
        for verb, content, speakers in reversed(speech):  # the innermost report claims its content
            own = {t.i for t in verb.subtree} if content.i == verb.head.i else {verb.i}
            for t in content.subtree:
                if t.i not in own:
                    claimed.setdefault(t.i, (verb, speakers))
        derived: list[Candidate] = []
        for cand in found:
            verb, speakers = claimed.get(cand.trigger, (None, []))
            speaker = self.claimant(speakers, verb, doc[cand.trigger])
            if speaker is not None:  # "Obama and Putin said they will ...": a co-speaker's own act
                speaker = next((s for s in speakers[1:] if _same_side(s, cand.source)), speaker)
            if speaker is None or _same_actor(speaker, cand.source) and verb is None:
                out.append(cand)
                continue
            denied = verb is not None and bool(set(lemmas(verb)) & self.lex.denial)
            status: Status = "denied" if denied else cand.status if cand.status != "asserted" else "alleged"
            cue = verb if verb is not None else doc[cand.trigger]
            announced = self.lex.announced_code(cand.code) if cand.status in ("future", "hypothetical") else None
            if announced and _same_side(speaker, cand.source):
                kind, code = announced
                derived.append(replace(
                    cand, code=code, source=speaker, status="asserted", rule=f"reported-{kind}",
                    notes=cand.notes + (f"own side's {cand.status} act {cand.code} announced: {kind}",),
                    tokens=tuple(sorted({cue.i, *cand.tokens})),
                ))
                continue
            if verb is not None and set(lemmas(verb)) & RESPONSIBILITY_CLAIMS and _same_side(speaker, cand.source) \
                    and self.onto[cand.code].quad_class == 4:
                derived.append(replace(
                    cand, code="015", source=speaker, status="asserted", rule="claimed-responsibility",
                    notes=cand.notes + (f"'{verb.text}' its own side's act {cand.code}",),
                    tokens=tuple(sorted({verb.i, *cand.tokens})),
                ))
                continue
            how = f"reported by '{verb.text}'" if verb is not None else "inside a quote"
            if status == "alleged" and _same_side(speaker, cand.source):
                status, how = "asserted", how + " (its own side's act: a self-report)"
            out.append(replace(cand, status=status, attributed_to=speaker, notes=cand.notes + (how,)))
            if (
                not denied and self.onto[cand.code].quad_class >= 3 and not _same_side(speaker, cand.source)
                and not (verb is not None and self.is_event_trigger(verb, found))
            ):
                derived.append(self._accusation(cue, speaker, cand.source, doc[cand.trigger], "reported-accusation"))
        for verb, content, speakers in speech:
            if not speakers or self.is_event_trigger(verb, found) or set(lemmas(verb)) & self.lex.denial:
                continue
            for t in content.subtree:
                if _verbal(t) and set(lemmas(t)) & self.lex.blame and _claimed_by(claimed, t, verb):
                    for accused in self.actors(self.subject(t)):
                        if not _same_side(speakers[0], accused):
                            derived.append(self._accusation(verb, speakers[0], accused, t, "reported-blame"))
            if any(c.dep_ == "aux" and c.lower_ in self.lex.obligation_modals for c in content.children):
                # "Russia said Sudan must return the helicopter": a demand on the clause's subject
                for obliged in self.actors(self.subject(content)):
                    if not _same_side(speakers[0], obliged):
                        derived.append(replace(
                            self._accusation(verb, speakers[0], obliged, content, "reported-obligation"),
                            code=self.lex.obligation_code,
                            notes=(f"'{verb.text}' says another side must act ('{content.text}'): a demand",)))
        return out + derived

    def is_event_trigger(self, token: Token, found: list[Candidate]) -> bool:
        return any(c.trigger == token.i for c in found)

    def _accusation(self, verb, speaker: Actor, accused: Actor, act: Token, rule: str) -> Candidate:
        return Candidate(
            code=self.lex.blame_code, trigger=verb.i, key=lemmas(act)[0], source=speaker, target=accused,
            status="asserted", attributed_to=None, rule=rule, entry=None, tokens=(verb.i, act.i),
            notes=(f"'{verb.text}' reports '{act.text}' by another side: an accusation",),
        )




def _self_directed(source: Actor, target: Actor | None) -> bool:
    """A dyad of a state with itself or with its own government ("Ankara … accused Turkey": TURGOV → TUR).
    Other same-country dyads (a government and its rebels, rival ministers) are real events."""
    if target is None or not source.country or source.country != target.country:
        return False
    state = source.country
    return state in (source.code, target.code) and {source.code, target.code} <= {state, state + "GOV"}

def _that_clause(verb: Token) -> bool:
    return any(m.lower_ == "that" and m.dep_ == "mark" for m in verb.children)

def _claimed_by(claimed: dict[int, tuple], token: Token, verb: Token) -> bool:
    return token.i in claimed and claimed[token.i][0].i == verb.i


def _side(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or (actor.code[:3] if actor.code and actor.code[:3].isalpha() else None)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.span == b.span


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    return a is b or (_side(a) is not None and _side(a) == _side(b))


def _merge_key(c: Candidate) -> tuple:
    return (c.source.code, c.target.code if c.target else None, c.code, c.status, _side(c.attributed_to))


def _events(ctx: Context, candidates: list[Candidate], ontology: Ontology) -> tuple[tuple[Event, ...], dict]:
    """Candidates → Events, merging repeats (same dyad, code and status; same sentence or same act)."""
    doc = ctx.doc
    merged: list[tuple[Candidate, list[Candidate]]] = []
    for cand in candidates:
        sent = doc[cand.trigger].sent.start
        home = next(
            (group for first, group in merged if _merge_key(first) == _merge_key(cand)
             and (doc[first.trigger].sent.start == sent or first.key == cand.key)),
            None,
        )
        if home is None:
            merged.append((cand, [cand]))
        else:
            home.append(cand)
    events: list[Event] = []
    trigger_of: dict[str, list[Candidate]] = {}
    sentence_index = {s.start: i for i, s in enumerate(doc.sents)}
    for n, (first, group) in enumerate(merged, 1):
        token = doc[first.trigger]
        sent = token.sent
        code = ontology[first.code]
        event_id = f"E{n}"
        trigger_of[event_id] = group
        events.append(Event(
            id=event_id, cameo=code.code, cameo_name=code.name, plover=code.plover, goldstein=code.goldstein,
            quad_class=code.quad_class, source=first.source, target=first.target, status=first.status,
            attributed_to=first.attributed_to, span=(token.idx, token.idx + len(token.text)),
            sentence=sentence_index[sent.start], evidence=sent.text.strip(), date=event_date(ctx, token),
            location=event_location(ctx, token), casualties=event_casualties(ctx, token),
            mentions=tuple(dict.fromkeys((doc[c.trigger].idx, doc[c.trigger].idx + len(doc[c.trigger].text)) for c in group)),
            explanation=Explanation(
                rule=first.rule,
                entry=f"{first.entry.id} ({first.entry.text})" if first.entry else None,
                tokens=tuple(doc[i].text for i in first.tokens),
                notes=first.notes,
            ),
        ))
    return tuple(events), trigger_of


def _links(ctx: Context, events: tuple[Event, ...], trigger_of: dict[str, list[Candidate]],
           claim_nouns: frozenset[str]) -> tuple[Link, ...]:
    """rejects/denies: an act whose object is a claim coded as another event; accuses: an accusation
    and the act it reports; responds_to: an act "after" another."""
    doc = ctx.doc
    by_trigger: dict[int, str] = {}
    for event_id, group in trigger_of.items():
        for c in group:
            by_trigger.setdefault(c.trigger, event_id)
    links: list[Link] = []
    for event in events:
        first = trigger_of[event.id][0]
        trigger = doc[first.trigger]
        kind = next((LINK_KINDS[w] for w in lemmas(trigger) if w in LINK_KINDS), None)
        if kind and first.object_token is not None:
            obj = doc[first.object_token]
            claim = _event_in(obj.subtree, by_trigger, exclude=event.id, events=events, root="11")
            if claim is None and (obj.pos_ == "PRON" or set(lemmas(obj)) & claim_nouns):
                # "rejected the allegation" / "denied it": the target's latest accusation
                claim = next((e.id for e in reversed(events[: events.index(event)]) if e.cameo[:2] == "11"
                              and _same_side(e.source, event.target)), None)
            if claim:
                links.append(Link(kind, event.id, claim, f"'{trigger.text}' targets the claim '{obj.text}'"))
        if first.rule in ("reported-accusation", "reported-blame"):
            reported = by_trigger.get(first.tokens[-1])
            if reported and reported != event.id:
                links.append(Link("accuses", event.id, reported, f"'{trigger.text}' reports it"))
        for child in trigger.children:
            if child.dep_ == "advcl" and _case(child) in RESPONSE_MARKS:
                earlier = _event_in(child.subtree, by_trigger, exclude=event.id, events=events)
                if earlier:
                    links.append(Link("responds_to", event.id, earlier, f"'{_case(child)} {child.text}'"))
    return tuple(dict.fromkeys(links))


def _event_in(tokens: Iterator[Token], by_trigger, exclude: str, events, root: str | None = None) -> str | None:
    codes = {e.id: e.cameo for e in events}
    for t in tokens:
        event_id = by_trigger.get(t.i)
        if event_id and event_id != exclude and (root is None or codes[event_id].startswith(root)):
            return event_id
    return None
