"""The event coder: dependency parse + actor mentions + lexicon → CAMEO/PLOVER events.

``code_events(ctx, res)`` reads each sentence's parse, matches triggers against the lexicon
(``casus.extract.lexicon``), takes source and target from syntactic roles (subjects, passive agents,
objects, prepositional phrases, coordination, relative clauses, possessives and nationality
adjectives; a named but uncoded target keeps its text with no code, and refusals, threats, protests,
force postures, resignations and retreats with no target named get a null target), sets the epistemic
status (asserted, alleged, denied, negated, hypothetical, future), turns reported speech into the
reporter's accusation, threat or demand ("X said Y must ...") where CAMEO does, codes what a source is ready, vows
or is unwilling to do as its threat, intent or refusal ("Iran is ready to strike Israel": 138), fills participants the text
leaves implicit (relief and curfews with no one named go to the people where they happen; an agentless attack told
right after one is by its author; an act named as a target is aimed at its author; violence told in an
agentless passive whose author no step finds gets a null source, ``_Coder.sourceless``), merges repeats
within the article, links acts that target another's claim, and explains every event and every
sentence that produced none (``ctx.rejected``); a later step (``drop_countryless``) leaves out the events
whose source no step could place in a country, and the events with no source whose target and place name
none. It reads through shapes a statistical parse gives common
news constructions (a conjunction taken for a preposition, a conjunct pulled into a relative clause, a
verb taken for a noun modifier ...); each such rule says which shape it reads. Per-token work is done
once, and only tokens whose form a lexicon entry or a speech word can take are looked at closely.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Container, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from lemminflect import getAllInflections
from spacy.attrs import DEP, IDX, LEMMA, LOWER, SPACY, TAG
from spacy.strings import get_string_id

from casus.extract.casualties import event_casualties
from casus.extract.coref import (
    ORGANISATION_NOUNS,
    PERSON_TITLES,
    leading_country,
    placed_there,
    quotation_spans,
    resolve_pair,
    resolve_reference,
)
from casus.extract.lexicon import ANY, Entry, Lexicon, split_words
from casus.extract.localise import bare_organ
from casus.extract.places import event_location
from casus.extract.quotes import among
from casus.extract.statements import NEGATIONS as SAID_NEGATIONS
from casus.extract.statements import Reader, StatementCues, code_statement
from casus.extract.times import event_date
from casus.ingest.furniture import furniture_at
from casus.knowledge.actors import DOMESTIC_ROLES, guessed_country, resolved_as
from casus.knowledge.actors import STATE_ROLES as ORGAN_ROLES
from casus.records import (
    Actor,
    Event,
    EventDate,
    Explanation,
    Link,
    Place,
    Span,
    Status,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from casus.knowledge.actors import KnowledgeBase
    from casus.knowledge.ontology import Ontology
    from casus.pipeline import Context, Resources

SUBJECT = frozenset({"nsubj", "csubj", "nsubj:outer"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass"})
OBJECT = frozenset({"obj", "dobj"})
OBLIQUE = frozenset({"obl", "obl:agent", "obl:arg", "obl:unmarked", "nmod", "prep", "pobj", "advcl"})
#: Labels of the words of a time phrase ("last month", "earlier this year").
TIME_PHRASE = frozenset({"obl:unmarked", "obl:tmod", "nmod:tmod", "npadvmod", "advmod", "amod", "det", "nummod"})
#: Labels a parse gives phrases it could not place.
LOOSE = frozenset({"parataxis", "dep", "appos"})
#: Direct and indirect objects.
OBJECTS = OBJECT | {"iobj"}
#: Labels of a phrase that may be a prepositional one: an object or a loose phrase with a preposition of its own is a
#: misparsed oblique.
MAYBE_OBLIQUE = OBLIQUE | OBJECT | LOOSE
NOMINAL_LINK = frozenset({"compound", "amod", "nmod:poss", "poss", "flat", "flat:name", "appos"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})  # "a bombing in Kabul that ..."
#: Pronouns that may stand for a whole clause set beside it ("..., something Russia called unacceptable").
CLAUSE_PRONOUNS = frozenset({"something", "this", "that", "which"})
#: Lexicon words with a meaning of their own: `object: [none]` = the verb has no direct object ("protesters
#: demonstrated", not "demonstrated contempt"); `named` in a list = any phrase naming an actor or a place (or
#: owned by one: "Israel's Iron Dome system"); `actor` = a phrase that itself names one ("recognition of Taiwan",
#: not "of Taiwan's passports").
NO_OBJECT = frozenset({"none"})
NAMED, ACTOR = "named", "actor"
#: Verbs of feeling whose grammatical object is the one who feels: "X was dismayed by Y", "X is concerned
#: about Y", "Y dismayed X" — the one who feels is the source of the criticism or concern, Y (or its author)
#: the target.
EXPERIENCER_VERBS = frozenset({"dismay", "disturb", "concern", "trouble", "alarm", "appal", "appall", "outrage",
                               "anger", "disappoint", "worry", "upset", "sadden", "shock", "frustrate", "disgust",
                               "horrify", "incense"})
CAUSE_PREPS = ("by", "about", "over", "at", "with")
#: Nouns that refer back to an act already reported ("the move", "the violence"): with no author of their
#: own, the author of the latest such act is meant. Value: the CAMEO roots the act may have.
ACT_NOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("move", "decision", "step", "action", "measure", "order", "policy"),
                    ("06", "07", "08", "15", "16", "17", "18", "19", "20")),  # material acts, not statements
    **dict.fromkeys(("violence", "bloodshed", "crackdown", "killing", "massacre", "execution"), ("17", "18", "19", "20")),
}
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
FORCE_ROOTS = VIOLENT_ROOTS | {"17"}
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Heads that stand for (part of) the actor in their "of" phrase: "members of Hamas", "the mayor of Nablus".
GROUP_HEADS = PERSON_TITLES | ORGANISATION_NOUNS | frozenset({"member", "some", "many", "one", "part", "unit", "wing", "fighter",
                                                             "hundred", "thousand", "dozen", "score", "million",
                                                             "inspector", "monitor", "observer", "peacekeeper", "staff",
                                                             "personnel", "delegate", "troop", "soldier", "force"})
HOMELAND_NOUNS = frozenset({"country", "nation", "homeland", "motherland", "fatherland"})  # "his country"
#: Verbs whose object does what their infinitive says ("led Palestinian leaders to boycott the talks").
CAUSATIVE_VERBS = frozenset({"lead", "cause", "prompt", "force", "drive", "spur", "persuade", "convince", "compel",
                             "move", "inspire", "provoke", "push", "pressure", "oblige"})
LOSS_VERBS = frozenset({"lose"})  # "lost soldiers fighting X": the loser's own people fight
LAUNCH_VERBS = frozenset({"fire", "launch", "shoot", "drop", "plant", "detonate", "lob"})  # "a missile fired by X"
STATIVE_PASSIVES = frozenset({"engage", "involve", "deploy"})  # "X was engaged in talks", "troops deployed in X": X acts
LINKING_VERBS = frozenset({"remain", "stay", "seem", "appear", "become", "look", "keep"})  # "remained in touch"
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
RESPONSIBILITY_CLAIMS = frozenset({"claim", "admit", "acknowledge"})
#: Bodies a speaker calls only another side's ("the regime").
FOREIGN_BODIES = frozenset({"regime", "regimes", "junta"})
#: The word of a phrase that names who reports its clause ("according to X").
ATTRIBUTION_MARKER = "according"
#: Verbs that say what their object is ("called the decision a mistake"): a report of that predicate.
NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "term", "deem", "declare", "pronounce"})
#: Roles whose account of another's act is testimony, not an accusation ("Sana residents said ...").
WITNESS_ROLES = frozenset({"CVL", "BUS", "EDU", "MED"})
#: Roles of the state's organs (``localise``) and its officials.
STATE_ROLES = ORGAN_ROLES | {"ELI"}
#: Roles of a country's political figures and bodies, who attack each other in words, not with force.
POLITICAL_ROLES = frozenset({"GOV", "ELI", "LEG", "PTY", "JUD", "MED"})
#: A state's armed or political opponents at home: another side from its government in what it says of them.
OPPONENT_ROLES = frozenset({"REB", "INS", "SEP", "OPP"})
#: Force verbs also used for a verbal attack ("attacked his rival", "targeted the younger Biden").
VERBAL_ATTACKS = frozenset({"attack", "target", "hit", "fight", "battle", "assault"})
VERBAL_ATTACK = "111"
OCCUPATION = "192"  # ("the GOP took control of the Senate" is an election)
#: Roles of armed or state actors, whose burning or storming of buildings is no riot (145) but destruction of
#: property (CAMEO 1712).
ARMED_ROLES = frozenset({"REB", "INS", "MIL", "UAF", "COP", "SPY", "CRM", "GOV"})
#: A single unidentified attacker, whose force in a country is not against the country (unlike a cartel's).
LONE_ATTACKERS = frozenset({"gunman", "assailant", "shooter", "attacker", "stabber"})
PROPERTY_DESTRUCTION = "1712"
#: Roles of the state's organs that arrest and hold people (police, security services, courts).
CUSTODIAN_ROLES = frozenset({"COP", "SPY", "JUD"})
NON_MILITARY_BOMBING, AERIAL_ATTACK = "183", "195"
#: Roles of people a state's violence is usually done to at home.
CIVILIAN_ROLES = WITNESS_ROLES | frozenset({"OPP", "REF", "LAB", "REL"})
DENIAL_VERBS = frozenset({"deny"})  # verbs whose content, when it codes nothing, is still a denial (016)
# (with the typographic apostrophe too: "wouldn’t", "he’d", "we’ll")
NEGATIONS = SAID_NEGATIONS | {"no"}
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d", "’d"})
WILL_AUX = FUTURE_AUX | {"would", "'d", "’d"}  # will or would (not "could", "might")
HAVE_AUX = frozenset({"have", "'ve", "’ve"})  # "would have done", "it'd have done" (not "had")
CONDITION_MARKS = frozenset({"if", "unless"})
CONDITIONAL_CLAUSE = "conditional clause"  # the reason ``status`` gives an act set on a condition with no modal of doubt
#: Marks of an embedded question ("asked if he might visit", "whether it would strike").
QUESTION_MARKS = frozenset({"if", "whether"})
#: Words after a negation that assert the act and add to it ("isn't only threatening Mexico").
NOT_ONLY = frozenset({"only", "just", "merely", "simply", "solely"})
#: CAMEO roots of verbal acts: one negated ("did not allege", "has not threatened") is no act at all.
SPOKEN_ROOTS = ("01", "02", "03", "10", "11", "12", "13")
PLANNING_VERBS = frozenset({"plan", "intend", "expect", "schedule", "prepare", "aim", "set", "go"})
#: "agreed to reopen the border", "pledged to release them": the act is promised, not yet done (CAMEO 03
#: "agree to" is intent; PLOVER codes such a cooperative act AGREE).
COMMITMENT_VERBS = frozenset({"agree", "pledge", "promise", "vow", "undertake", "commit", "offer"})
#: Acts whose possessive, with no "of" phrase, is the one they are done to ("Navalny's arrest").
PATIENT_NOUNS = frozenset({"arrest", "detention", "imprisonment", "jailing", "indictment", "execution", "killing",
                           "assassination", "release", "expulsion", "deportation", "extradition", "kidnapping",
                           "abduction", "ouster", "removal", "conviction", "sentencing"})
#: Rules that take a target from outside the act's own phrases (a guess): with no source country, no event.
GUESSED_TARGET_RULES = frozenset({"sentence-target", "story-side-target"})
#: Verbs whose "from" complement is not done ("refrained from attacking", "turned away from executing").
ABSTENTION_VERBS = frozenset({"refrain", "abstain", "desist", "turn", "stop", "prevent", "bar", "deter", "keep",
                              "shy", "back", "withdraw"})
#: Verbs of letting: "X should be allowed to act" asks it of someone else, not of X.
PERMISSION_VERBS = frozenset({"allow", "permit", "let", "enable", "authorize", "authorise"})
#: ... and of granting leave alone: what one is allowed to do is not done by that ("soldiers are allowed to open fire");
#: "enabled X to strike" tells the strike.
GRANTING_VERBS = PERMISSION_VERBS - {"enable"}
#: Nouns of freeing someone: whoever is asked for it holds them ("demanded the soldier's release").
RELEASE_NOUNS = frozenset({"release", "freeing", "freedom"})
#: Adjectives whose infinitive names an act that is not even intended ("reluctant to use force").
RELUCTANCE = frozenset({"reluctant", "unwilling", "loath", "loth", "hesitant", "averse", "disinclined"})
#: Verbs of force never used as a figure of speech with an object ("bombed a market", unlike "hit the market").
BOMBARDMENT_VERBS = frozenset({"bomb", "shell", "bombard", "strafe", "firebomb", "carpet-bomb"})
#: Attack verbs often used figuratively ("fight impunity", "kill the bill"): without a named target, no event.
FIGURATIVE_ATTACKS = frozenset({"fight", "battle", "kill", "eliminate", "target", "wound", "destroy"})
WEAPONS_TEST = "150"
#: Adjectives of an act only possible ("a missile capable of hitting the US").
CAPACITY_ADJECTIVES = frozenset({"capable", "able", "designed", "meant", "intended"})
#: Nouns an option is ruled out as ("ruled out Panmunjom as a venue"): a choice of place, no rejection.
VENUE_NOUNS = frozenset({"venue", "site", "location", "host", "place", "setting", "spot", "destination"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: Nouns whose infinitive names an act only possible, not done ("the responsibility not to use force").
CAPACITY_NOUNS = frozenset({"responsibility", "right", "duty", "obligation", "authority", "power", "ability",
                            "capacity", "need", "willingness", "readiness", "reluctance", "option", "freedom"})
CONFLICT_TARGET_PREPS = ("against", "at", "on", "into", "toward", "towards")
COOPERATION_TARGET_PREPS = ("to", "with", "for")  # ("support for the opposition")
#: Roots whose act, with no target named, is aimed at the country where it happens (CAMEO practice:
#: a visit to / exercises in / an attack in a country).
LOCATION_TARGET_CODES = ("042", "07", "09", "14", "15", "18", "19", "20")  # (a meeting in Brussels is not with Belgium)
#: Acts coded without a target when none is named (declined comment, refusals, threats, protests, force posture,
#: cuts in relations or aid, coercion such as curfews and arrests, resignations, retreats, relief to no one named:
#: "the Coast Guard is heading up the rescue effort"); so are attacks told with a verb ("Israel carried out the
#: airstrike"), not a bare noun ("the Syrian war").
TARGETLESS_CODES = ("011", "015", "016", "073", "12", "13", "14", "15", "16", "17", "0831", "087")
#: Acts of the state (release, charge, arrest, deport, repress, convict) reported in an agentless passive ("17
#: people were arrested in Iran"): their source is the state where it happened.
STATE_ACT_CODES = ("084", "116", "172", "173", "174", "175")
#: Violence coded with an unknown source when told in an agentless passive with no author to be found: verbs of
#: intentional violence by themselves ("He was kidnapped in 2013", "Bolsonaro was stabbed", "two officers were shot";
#: also "taken hostage", ABDUCTION_CODE) ...
INTENTIONAL_VIOLENCE = frozenset({"kidnap", "abduct", "hijack", "snatch", "stab", "shoot", "gun", "fire", "assassinate",
                                  "behead", "execute", "murder", "slaughter", "strangle", "lynch", "massacre", "torture",
                                  "rape", "bomb", "shell", "bombard", "ambush"})
#: ... and any harm ("killed", "wounded", "hit") that came in one of these attacks, named with no author ("killed in an
#: airstrike", "wounded by shelling", "in a drone strike"); not harm alone ("were killed", "died"), nor in a blast, a
#: fire, a war or a bare "strike", which need not be anyone's act.
ATTACK_NOUNS = frozenset({"attack", "assault", "raid", "airstrike", "air strike", "drone strike", "missile strike",
                          "rocket strike", "bomb", "bomber", "bombing", "shelling", "bombardment", "rocket", "mortar",
                          "artillery", "gunfire", "firefight", "gunfight", "gunbattle", "shootout", "massacre", "assassination",
                          "killing", "murder", "slaying", "execution", "kidnapping", "abduction", "hijacking", "fighting"})
#: Verbs that name the author of an act they modify with "on" or "to" ("an attack blamed on X").
ASCRIBING_VERBS = frozenset({"blame", "attribute", "pin"})
#: Words of harm done by accident ("accidentally shot"), adverbs of an act that did not quite happen or is habitual
#: ("nearly killed", "regularly attacked"): no act with an unknown source.
ACCIDENT_WORDS = frozenset({"accident", "accidental", "accidentally", "mistakenly", "inadvertently", "unintentionally"})
UNREAL_ADVERBS = frozenset({"nearly", "almost", "narrowly", "regularly", "often", "routinely", "frequently", "usually",
                            "sometimes", "occasionally"})
#: Acts that put their target in the source state's custody (charge, arrest, deport, convict).
EXPULSION_CODES = ("166", "174")
CUSTODY_CODES = ("116", "173", "174")
#: Custody and legal acts (arrest, charge, sentence, convict, expel, deport) whose agentless passive, with no
#: place in its sentence, is the act of the country the story is set in ("He was sentenced to ten years").
UNNAMED_AUTHORITY_CODES = ("116", "166", "173", "174")
#: Verbs of a court's act: the judiciary's (other arrests and detentions are the police's).
JUDICIAL_VERBS = frozenset({"sentence", "indict", "prosecute", "convict", "charge", "try", "jail", "imprison"})
#: Verbs only the state's authorities do (not "seized" or "held", which armed groups do too).
AUTHORITY_VERBS = JUDICIAL_VERBS | frozenset({"arrest", "detain", "apprehend", "intern", "deport", "expel", "extradite"})
#: Uses of force whose purpose infinitive may name their target ("fired tear gas to disperse protesters").
COERCION_ROOTS = frozenset({"17", "18", "19"})
#: Attacks reported in an agentless passive with the place they came from ("rockets were fired from Gaza").
ATTACK_ROOTS = frozenset({"18", "19", "20"})
AID_ROOT = "07"
#: Acts done to a place's people when no one is named: humanitarian aid (rescue, relief goods, shelter), easing
#: restrictions, imposing a curfew or a state of emergency.
AFFECTED_PEOPLE_CODES = ("073", "081", "1723", "1724")
RELIEF_CODE = "073"  # (relief goes to the people where it is delivered, never by default to the giver's own)
#: Codes whose act, with no target in the syntax, is aimed at the nearest other side named in the sentence.
SENTENCE_TARGET_CODES = ("02", "036", "085", "10", "11", "12", "13", "16")  # (an offer to meet: with whom; easing sanctions: on whom)
#: Consultations both sides hold (meet, meet elsewhere, negotiate): "X met with Y" is also Y meeting X.
MUTUAL_CODES = ("040", "044", "046")
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
#: Nouns whose infinitive is their owner's act ("Iran's attempt to pressure Europe"; not "Iran's refusal to ...").
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "effort", "move", "decision", "campaign", "push", "drive"})
RESPONSE_MARKS = frozenset({"after", "following"})
ADJUNCT_MARKS = RESPONSE_MARKS | frozenset({"during", "before", "at"})  # a meeting as the time of another act
CONSULT_ROOT = "04"
#: Verbs whose "in" phrase names an act their subject takes part in ("participated in the offensive"; also "take part").
PARTICIPATION_VERBS = frozenset({"participate", "join", "engage"})
#: Verbs of gathering, marching or leaving whose manner "in protest" is a protest ("gathered in protest", "resigned
#: in protest"; not a state's "withdrew from the talks in protest").
PROTEST_MANNER_VERBS = frozenset({"gather", "assemble", "congregate", "march", "rally", "demonstrate", "walk", "resign",
                                  "quit"})
#: Verbs that lend their subject to an event noun only when the noun's target is named by one of these
#: prepositions: "had talks with X", "placed sanctions on X" (not "had a heart attack", "put an end to the war").
TARGETED_SUPPORT = {"have": ("with",), "put": ("on",), "place": ("on",)}
#: Roots of the acts "have" lends its subject to: ones that happen ("had talks, a meeting, a call with X"), not ones
#: held ("has a defence pact, a treaty, ties with X").
HAD_ROOTS = frozenset({CONSULT_ROOT})
#: Roots of acts whose "from X" names their author: "aid from the US", "pressure from Beijing", "criticism from
#: Democrats" (not a withdrawal or a release "from" a place).
FROM_AUTHORED_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "10", "11", "12", "13"})
PROTEST_ROOT = "14"
#: Verbs of answering another's act ("responded to X's criticism by accusing ...").
RESPONSE_VERBS = frozenset({"respond", "react", "reply", "retort", "answer"})
#: Verbs of an act that answers another ("retaliate against new sanctions").
RETALIATION_VERBS = frozenset({"retaliate", "avenge"})
#: Conjunctions that open an adverbial clause (and that a parse may hang on the clause's subject as "case").
SUBORDINATORS = RESPONSE_MARKS | frozenset({"before", "when", "while", "as", "since", "because", "although", "though",
                                            "until", "once", "whereas"})
#: Infinitives whose subject after "be to" undergoes the act ("Hamas was to blame").
PASSIVE_INFINITIVES = frozenset({"blame"})
#: Verbs whose subject is the target of an act with its own author ("the US experienced strikes by X").
SUFFERING_VERBS = frozenset({"suffer", "experience", "endure", "sustain", "face"})
QUANTITY_HEADS = frozenset({"NUM", "PRON", "DET"})
#: Nouns of a change in amount whose "of" phrase names what is changed ("ordered the doubling of tariffs on X").
CHANGE_NOUNS = frozenset({"doubling", "tripling", "increase", "hike", "extension", "expansion", "round", "raft", "wave",
                          "series", "set"})
#: Nouns of amount or part whose "of" phrase names what a verb acts on ("sent 20 tons of aid").
MEASURE_NOUNS = frozenset({"ton", "tonne", "part", "portion", "bulk", "share", "shipment", "consignment", "load", "batch",
                           "amount", "quantity", "lot", "package", "convoy", "truckload", "planeload", "crate", "dose",
                           "number", "dozen", "hundred", "thousand", "million", "billion"})
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL_ROLES = frozenset({"obl", "obl:agent", "obj", "nsubj", "nsubj:pass", "nmod", "iobj"})
NOMINAL = frozenset({"NOUN", "PROPN"})
CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "parataxis"})  # (a conjunct shares its modal)
MISTAGGED_VERBS = frozenset({"NOUN", "ADJ"})  # the tags a verb after a modal is mistaken for (see ``_modal_clause``)
NOT_VERB_CHILDREN = frozenset({"cop", "case", "det", "aux:pass"})  # (a noun's or a predicate's, not a verb's)
LINK_KINDS = {"deny": "denies", "refute": "rejects", "reject": "rejects", "dismiss": "rejects", "rebut": "rejects"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event before it gets an id: what fired, on which tokens, with which actors and status."""

    code: str
    trigger: int  # token index
    key: str  # lemma that identifies the act when merging repeats
    source: Actor | None  # None: an act told with no agent (``_Coder.sourceless``)
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
    coder = _Coder(ctx, res.lexicon, res.ontology, res.kb, res.statements)
    candidates: list[Candidate] = []
    rejected: list[dict[str, Any]] = []
    text = ctx.article.text
    for index, sent in enumerate(ctx.doc.sents):
        found, reason = _outside_furniture(ctx, sent, *coder.sentence(sent))
        candidates.extend(found)
        if not found:
            rejected.append({"sentence": index, "text": text[sent.start_char:sent.end_char].strip(), "reason": reason})
    events, trigger_of = _events(ctx, candidates, res.ontology, res.kb)
    links = _links(ctx, events, trigger_of, res.lexicon)
    return ctx.add(events=ctx.events + events, links=ctx.links + links, rejected=ctx.rejected + tuple(rejected))


def drop_countryless(ctx: Context, res: Resources) -> Context:
    """Pipeline step after the localisation of state organs: an event whose source is a state organ still
    placed in no country ("a spokesman", "the tribunal"), or any other country-less source acting on no
    country named in its own phrases and at no place with a country ("businesses said they will shut"), makes
    no dyad and is left out, with the reason in ``ctx.rejected`` ("students demonstrated against the Thai
    government", "students blocked the railway near Dhaka" stay), as is an event with no source (an act told with no
    agent) whose target names no country nor its place one; the rest are numbered afresh and their links follow them."""
    kept = [e for e in ctx.events if _side(e.source) or (e.source is None or e.source.role not in STATE_ROLES)
            and getattr(e.explanation, "rule", None) not in GUESSED_TARGET_RULES
            and (_side(e.target) or e.location is not None and e.location.country)]
    if len(kept) == len(ctx.events):
        return ctx
    renamed = {e.id: f"E{n}" for n, e in enumerate(kept, 1)}
    dropped = [e for e in ctx.events if e.id not in renamed]
    coded = {e.sentence for e in kept}
    rejected = [{"sentence": e.sentence, "text": e.evidence,
                 "reason": f"no actor (source '{e.source.text}' names no country)" if e.source
                 else "no actor (no source, and the target names no country)"}
                for e in {e.sentence: e for e in reversed(dropped)}.values() if e.sentence not in coded]
    links = tuple(replace(link, source_event=renamed[link.source_event], target_event=renamed[link.target_event])
                  for link in ctx.links if link.source_event in renamed and link.target_event in renamed)
    return ctx.add(events=tuple(replace(e, id=renamed[e.id]) for e in kept), links=links,
                   rejected=ctx.rejected + tuple(sorted(rejected, key=lambda r: r["sentence"])))


def _outside_furniture(ctx: Context, sent: SpacySpan, found: list[Candidate], reason: str) -> tuple[list[Candidate], str]:
    """The candidates whose trigger is not page furniture (``Article.furniture``: a "Read more" line,
    a byline, an image credit); when none is left, the reason names the furniture. A sentence that runs into
    an image credit ("... a peace deal on Saturday.(AP Photo/Jane Roe)", where the parse cannot split off the
    credit) ends a photo caption: none of it."""
    credited = next((f for f in ctx.article.furniture if f.kind == "image credit"
                     and sent.start_char < f.span[0] < sent.end_char), None) if found else None
    if credited is not None:
        return [], f"page furniture (the photo caption an {credited.kind} ends): not coded"
    pieces = [furniture_at(ctx.article.furniture, ctx.doc[c.trigger].idx) for c in found]
    kept = [c for c, piece in zip(found, pieces) if piece is None]
    piece = next(filter(None, pieces), None) or furniture_at(ctx.article.furniture, sent.start_char)
    if not kept and piece is not None:
        return kept, f"page furniture ({piece.kind}): not coded"
    return kept, reason


#: Inflection endings and what replaces them in the stem ("denied" → "deny", "hitting" → "hitt").
INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""))


def lemmas(token: Token) -> tuple[str, ...]:
    """The lemma plus inflection-stripped forms (a participle tagged as an adjective keeps its form as its
    lemma: "concerned", "shocked")."""
    lower = token.lower_
    forms = _word_lemmas(token.lemma_.lower(), lower)
    doc, i = token.doc, token.i
    if i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        # a hyphenated compound the tokenizer split ("cease-fire", "air-strike"): also the whole word, as the
        # lexicon writes it
        return tuple(dict.fromkeys((*forms, f"{doc[i - 2].lower_}-{lower}", f"{doc[i - 2].lower_}{lower}")))
    return forms


@lru_cache(maxsize=1 << 16)
def _word_lemmas(lemma: str, form: str) -> tuple[str, ...]:
    """``lemmas`` of a word (without the hyphenated compound it may end), worked out once per word."""
    forms = [lemma, form]
    for suffix, repl in INFLECTIONS if form.endswith(("s", "d", "g")) else ():
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)] + repl
            forms.append(stem)
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "hitting" → "hitt" → "hit"
    return tuple(dict.fromkeys(forms))


@cache
def inflected(words: frozenset[str]) -> frozenset[str]:
    """``words`` with every inflection lemminflect knows ("said", "denies", "claims"): a cheap first
    filter before ``lemmas``. Memoised: the lexicon's word sets are loaded once."""
    return words.union(*(f for w in words for f in getAllInflections(w).values()))


@cache
def _hashes(words: frozenset[str]) -> np.ndarray:
    """The string-store ids of ``words``, sorted, to compare with a parse's token arrays (read-only: shared)."""
    ids = np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)
    ids.setflags(write=False)
    return ids


@dataclass(frozen=True)
class _Positions:
    """Token indices of an article, ascending: a sentence's are found without making a Token for every word."""
    indices: tuple[int, ...]

    def __contains__(self, i: int) -> bool:
        at = bisect_left(self.indices, i)
        return at < len(self.indices) and self.indices[at] == i

    def within(self, start: int, end: int) -> tuple[int, ...]:
        """The indices from ``start`` up to ``end``."""
        return self.indices[bisect_left(self.indices, start):bisect_left(self.indices, end)]


def _indices(mask: np.ndarray) -> _Positions:
    """The token indices where ``mask`` holds."""
    return _Positions(tuple(np.flatnonzero(mask).tolist()))


def _case(token: Token) -> str | None:
    """The preposition introducing ``token`` ("on" in "on Iran"), also when the parse hangs it on a
    modifier ("by Turkish President X" with "by" under "Turkish")."""
    found = next((c.lower_ for c in token.children if c.dep_ in ("case", "mark")), None)
    if found is None and token.left_edge.dep_ in ("case", "mark") and token.left_edge.i < token.i:
        return token.left_edge.lower_
    return found


def _antecedent(relative: Token, events: Container[int] = ()) -> Token:
    """What "which"/"who" refers to: the noun right before it (", which"), else the parse's head; but a
    restrictive clause the parse hung above a place phrase is the phrase head's when that is one of ``events``,
    the indices of possible event nouns ("a bombing in Kabul that killed 12": the bombing; but "the refugees in
    Turkey that has threatened": Turkey)."""
    before = relative.doc[relative.i - 1] if relative.i > 0 else None
    clause = _relative_clause(relative)
    if before is not None and clause is not None and before.head.i == clause.head.i and before.dep_ == "nmod" \
            and _case(before) in PLACE_PREPS and clause.head.i in events and clause.head.pos_ == "NOUN":
        return clause.head
    if before is not None and before.is_punct and before.i > 0:
        before = relative.doc[before.i - 1]
    if before is not None and before.pos_ in NOMINAL and before.sent.start == relative.sent.start:
        return before
    return clause.head if clause is not None else relative.head.head


def _relative_clause(pronoun: Token) -> Token | None:
    """The relative clause a relative pronoun opens, also from inside its complement ("which X tried to
    suppress")."""
    verb = pronoun.head
    while verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.dep_.startswith("acl") else None


def _own_relative_clause_elsewhere(token: Token, head: Token) -> bool:
    """"Moscow, which backs X, and Ankara, which backs ..." with the second relative clause hung on another
    noun: a sign the parse coordinated two separate phrases. A clause on the head of the coordination
    that has no clause of its own ("the US and the EU, which ...") is the whole coordination's, and so is one on
    the noun the coordination belongs to ("the leaders of Germany, France and the UK, which ...")."""
    after = token.doc[token.i + 1: token.i + 3]
    relative = next((t for t in after if t.lower_ in RELATIVE_PRONOUNS), None)
    if relative is None or not relative.head.dep_.startswith("acl") or relative.head.head.i == token.i \
            or any(a.i == relative.head.head.i for a in head.ancestors):
        return False
    own_clause = any(c.dep_.startswith("acl") and head.i < c.i < token.i for c in head.children)
    return relative.head.head.i != head.i or own_clause


def _interrupted(head: Token, conjunct: Token) -> bool:
    """"rebels, under increasing strain, the Kremlin ...": a modifier of the head between it and the
    conjunct (other than a relative clause) means the parse joined phrases that do not coordinate; so does
    a relative clause hung on the head after another of its conjuncts ("the government, and Ankara, which
    backs X, ..., the Kremlin": the clause is Ankara's, the Kremlin starts another phrase)."""
    return any(head.i < x.i < conjunct.i and (x.dep_ in ("nmod", "obl", "acl", "advmod") or x.dep_.startswith("acl") and any(
        c.dep_ == "conj" and head.i < c.i < x.i for c in head.children)) for x in head.children)


def _list_tail_subject(verb: Token) -> bool:
    """"The US, Russia, and Switzerland met" parsed as a relative clause on (or a conjunct of) "US"
    whose subject is "and Switzerland": the subject carries the list's conjunction."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT), None)
    under_list = verb.dep_ == "acl:relcl" or (verb.dep_ == "conj" and verb.head.pos_ in NOMINAL)
    return under_list and subj is not None and any(
        c.dep_ == "cc" and c.i < subj.i for c in (*subj.children, *verb.children))


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for c in token.children:
        if (c.dep_ == "conj" and c.pos_ in NOMINAL | {"PRON"} and not _own_relative_clause_elsewhere(c, token)
                and _displaced_from(c) is None
                and not _interrupted(token, c) and not _contrasted(c)):
            out.extend(_conjuncts(c))
        elif c.dep_ == "appos" and c.pos_ in NOMINAL and c.left_edge.dep_ == "cc" and c.left_edge.lower_ == "and":
            out.extend(_conjuncts(c))  # "X and Cuban President Y" with Y parsed as X's apposition
        elif _listed_apposition(token, c):
            out.extend(_conjuncts(c))
    for c in (*_split_subjects(token), *_displaced_conjuncts(token)):
        out.extend(t for t in _conjuncts(c) if t not in out)
    return out


def _listed_apposition(head: Token, appos: Token) -> bool:
    """"The US, Russia, and Switzerland met" with "Russia" parsed as the apposition (or a bare modifier) of "US":
    a name of the same entity type as the head, followed by a conjunction (after a comma or not), is an item of a
    list."""
    doc, end = appos.doc, appos.right_edge.i
    return (appos.dep_ in ("appos", "nmod:unmarked") and head.pos_ == appos.pos_ == "PROPN" and bool(head.ent_type_)
            and head.ent_type_ == appos.ent_type_ and any(t.dep_ == "cc" for t in doc[end + 1: end + 3])
            and all(t.dep_ == "cc" or t.text == "," for t in doc[end + 1: end + 3][:1]))


def _member_list(head: Token, member: Token) -> list[Token]:
    """The "of" phrase of a group head and the rest of its list where the parse made that an apposition of the
    head ("the presidents of Chile, [Peru and Bolivia]"): an apposition right after the phrase and a comma,
    with conjuncts of its own."""
    doc, end = member.doc, member.right_edge.i
    rest = [c for c in head.children if c.dep_ == "appos" and c.i == end + 2 and doc[end + 1].text == ","
            and any(x.dep_ == "conj" for x in c.children)]
    return [member, *rest]


def _contrasted(conjunct: Token) -> bool:
    """ "X but not Y" sets Y apart; "X but also Y" adds Y ("killing two militants but also eight civilians")."""
    return any(x.dep_ == "cc" and x.lower_ in ("but", "yet") for x in conjunct.children) \
        and not any(x.lower_ == "also" for x in conjunct.subtree)


def _split_subjects(subject: Token) -> list[Token]:
    """"Chile and Peru said" parsed as two subjects of "said", the second carrying the "and": the later
    subjects of the same verb up to the one with the conjunction coordinate with the first."""
    if subject.dep_ not in SUBJECT | PASSIVE_SUBJECT or subject.head.i == subject.i:
        return []
    later = [c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > subject.i]
    last = next((n for n, c in enumerate(later) if any(x.dep_ == "cc" for x in c.children)), None)
    return later[: last + 1] if last is not None else []


def _displaced_from(conjunct: Token) -> Token | None:
    """"Moscow, which backs the government, and Ankara, ..." parsed with "Ankara" as a conjunct inside the
    relative clause: the noun the clause describes, when the clause is set off by commas and the conjunct,
    its head's only one, comes right after the closing ", and"."""
    doc, head = conjunct.doc, conjunct.head
    cc = next((c for c in conjunct.children if c.dep_ == "cc" and c.i < conjunct.i), None)
    conjuncts = sum(c.dep_ == "conj" and not _interrupted(head, c) for c in head.children)
    if cc is None or cc.i == 0 or doc[cc.i - 1].text != "," or conjuncts > 1:
        return None
    for clause in (head, *head.ancestors):
        if clause.dep_ in ("acl:relcl", "relcl"):
            pronoun = next((c for c in clause.children if c.lower_ in RELATIVE_PRONOUNS and c.i < head.i), None)
            if pronoun is None or pronoun.i == 0 or doc[pronoun.i - 1].text != ",":
                return None
            antecedent = _antecedent(pronoun)
            return antecedent if antecedent.pos_ in NOMINAL and antecedent.i < pronoun.i else None
        if clause.dep_ == "conj" or clause.i == clause.head.i:
            return None
    return None


def _displaced_conjuncts(token: Token) -> list[Token]:
    """The conjuncts of ``token`` the parse put inside the relative clause after it (see ``_displaced_from``)."""
    after = token.doc[token.i + 1: token.i + 3]
    if len(after) < 2 or after[0].text != "," or after[1].lower_ not in RELATIVE_PRONOUNS:
        return []
    clause = after[1].head
    return [t for t in clause.subtree if t.dep_ == "conj" and (d := _displaced_from(t)) is not None and d.i == token.i]


def _particle(child: Token) -> bool:
    """A phrasal verb's particle, also one the parse took for a bare adverb after the verb ("sat down with")."""
    return child.dep_ in ("compound:prt", "prt") or (
        child.dep_ == "advmod" and child.i > child.head.i and child.pos_ in ("ADP", "ADV") and not child.n_lefts + child.n_rights)


def _verbal(token: Token) -> bool:
    """A verb, also when the tagger and the POS model disagree ("engaged" as ADJ/VBD) or take a verb after a
    modal for a noun (see ``_modal_clause``)."""
    pos = token.pos_
    return pos in VERBAL or token.tag_.startswith("VB") and pos != "NOUN" \
        or pos in MISTAGGED_VERBS and token.dep_ in CLAUSE_HEADS and _modal_clause(token)


def _modal_clause(token: Token) -> bool:
    """Whether a word tagged as a noun or adjective heads a clause with a subject and a modal, and no copula,
    preposition, article or "be" auxiliary, and can be a verb: a verb ("Iran will no longer abide[NOUN] by the
    deal"; not "would 'in protest' expel", "should be ashamed")."""
    children = tuple(token.children)
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in children) and any(c.dep_ in SUBJECT for c in children) \
        and not any(c.dep_ in NOT_VERB_CHILDREN or c.dep_.startswith("aux") and c.lemma_ == "be" for c in children) \
        and _verb_reading(token.lemma_.lower())


@cache
def _verb_reading(lemma: str) -> bool:
    """Whether a word has verb forms ("abide", not "conscience")."""
    return bool(getAllInflections(lemma, upos="VERB"))


def _passive(verb: Token) -> bool:
    """Passive voice, including reduced relatives ("an allegation made by X") but not a main verb
    the parse hung under its sentence-initial subject ("The European Union called on ...")."""
    if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return True
    if any(c.dep_ in PASSIVE_SUBJECT for c in verb.children):
        # a passive subject with no passive auxiliary on a past form is a misparsed active subject
        # ("Germany's chancellor called for ..."); a bare participle is a passive ("Five soldiers killed")
        return verb.tag_ != "VBD" and (verb.tag_ != "VBN" or verb.dep_ not in ("ROOT", "conj", "ccomp"))
    # a participle tagged as a past tense has neither subject nor object ("soldiers killed in Ukraine")
    participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and not any(c.dep_ in SUBJECT | OBJECT for c in verb.children))
    reduced = participle and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in verb.children)
    # "the leader prepared to attend": a planning verb with its infinitive is active
    planning = verb.lemma_.lower() in PLANNING_VERBS and any(c.dep_ == "xcomp" for c in verb.children)
    return reduced and not planning and not _hung_main_verb(verb)


def _passive_subject(verb: Token) -> Token | None:
    """The passive subject, also one the parse labelled active on a verb with a passive auxiliary
    ("Hamas should be disarmed" with "Hamas" as ``nsubj``)."""
    found = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT), None)
    if found is None and any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        # (also a pronoun taken for an expletive in a reported clause: "said that it is prepared to hit X"; not a
        # real one: "It has been decided to expel ...")
        found = next((c for c in verb.children if c.dep_ in SUBJECT), None) or next(
            (c for c in verb.children if c.dep_ == "expl" and c.i < verb.i and c.lower_ != "there"
             and verb.dep_ == "ccomp"), None)
    return found


def _cut_conjunct_subject(verb: Token, subject: Token) -> bool:
    """A participle modifying the object of a verb, whose "subject" carries a coordinating conjunction: a
    conjunct of the object the parse cut off ("lost soldiers and civilians battling militants")."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and subject.i < verb.i and verb.head.dep_ in OBJECT
            and _verbal(verb.head.head) and any(c.dep_ == "cc" and c.i < subject.i for c in subject.children))


def _modifies(word: Token, head: Token) -> bool:
    """Whether ``word`` hangs on ``head`` through noun modifiers only (compounds, adjectives, name parts)."""
    while word.i != head.i:
        if word.dep_ not in ("amod", "compound", "flat", "flat:name") or word.head.i == word.i:
            return False
        word = word.head
    return True


def _measured_support(noun: Token) -> Token | None:
    """The verb supporting an event noun through an amount or a change of it ("ordered the doubling of tariffs",
    "imposed a new round of sanctions", "sent 25,000 tons of aid"): the verb whose object measures the noun."""
    measure = noun.head
    if noun.dep_ not in ("nmod", "obl") or _case(noun) not in ("of", "in") or measure.dep_ not in OBJECT \
            or not _verbal(measure.head) or measure.lemma_.lower() not in CHANGE_NOUNS | MEASURE_NOUNS \
            or any(c.dep_ in OBLIQUE and _case(c) == "by" for c in measure.children):  # ("a series of attacks by X")
        return None
    return measure.head


def _named_pair(verb: Token) -> tuple[Token, Token] | None:
    """(what, as what) a verb of naming names: "called Y's decision a mistake", also parsed as two objects ("called
    the airstrike an act of aggression") or with the second hung on the first (see ``_predicated_on``)."""
    named = [c for c in verb.children if c.dep_ in OBJECT | {"iobj", "xcomp"} and c.i > verb.i
             and (c.pos_ in NOMINAL or c.dep_ == "xcomp" and c.pos_ == "ADJ")]
    named += [g for o in named[:1] if len(named) == 1 for g in _predicated_on(o) if g.pos_ in NOMINAL]
    return (named[0], named[1]) if len(named) == 2 and named[1].pos_ != "PRON" else None


def _predicated_on(obj: Token) -> list[Token]:
    """What a verb of naming says of its object when the parse hung it on the object: "called [the king [a
    criminal]]" (a second object, a bare noun phrase after it or one taken for an apposition with no comma: "called
    Trump's skills 'a con job'"), "called [the remarks negative]"; not a name apposed to an office ("called the
    Turkish leader Recep Tayyip Erdogan") nor a day ("called the Russian leader Tuesday")."""
    return [g for g in obj.children if g.i > obj.i and (
        (g.dep_ in OBJECT or g.dep_ == "nmod:unmarked" and g.ent_type_ not in ("DATE", "TIME")
         or g.dep_ == "appos" and g.pos_ != "PROPN" and not any(t.text == "," for t in obj.doc[obj.i + 1: g.i]))
        and g.pos_ in NOMINAL or g.dep_ == "amod")]


def _participle_noun(verb: Token) -> Token:
    """The noun a participle modifies: its head, or the noun right before it inside the head's phrase where the
    parse hung the participle higher ("a vote against a law directly imposed by Beijing" on "vote")."""
    start = min((c.i for c in verb.children if c.dep_ == "advmod" and c.i < verb.i), default=verb.i)
    before = verb.doc[start - 1] if start > verb.sent.start else None
    if before is not None and before.i != verb.head.i and before.pos_ in NOMINAL and verb.head in before.ancestors \
            and all(t.dep_ in ("nmod", "obl") or t.i == before.i for t in before.ancestors if t.i > verb.head.i):
        return before
    return verb.head


def _free_relative_noun(verb: Token) -> Token | None:
    """The noun a free relative right after the verb is said to be: "summit" in "canceled what was (supposed) to
    be a summit", however the parse hangs the two on the verb (a relative clause on "what", a clause with "what"
    for its subject, or a clause beside the verb)."""
    what = next((t for t in verb.doc[verb.i + 1: verb.i + 3] if not (t.head.i == verb.i and _particle(t))), None)
    if what is None or what.lower_ != "what":
        return None
    for noun in verb.doc[what.i + 1: min(what.i + 8, verb.right_edge.i + 1)]:
        if noun.pos_ in NOMINAL and any(c.dep_ == "cop" for c in noun.children):
            clause = noun.head  # ("supposed" in "what was supposed to be a summit")
            linked = noun.head.i in (verb.i, what.i) or clause.dep_ in ("ccomp", "xcomp") and clause.head.i == verb.i
            return noun if linked and what.head.i in (verb.i, noun.i, clause.i) else None
    return None


def _copular(token: Token) -> bool:
    """A predicate with a copula ("is ready", "has been in touch"), or the complement of a verb of
    remaining or seeming ("remained in touch", "appeared ready")."""
    return any(c.dep_ == "cop" for c in token.children) or token.dep_ in ("xcomp", "obl") and token.pos_ not in VERBAL \
        and token.head.lemma_.lower() in LINKING_VERBS


def _hung_main_verb(verb: Token) -> bool:
    return verb.dep_.startswith("acl") and verb.head.dep_ == "ROOT" and verb.head.left_edge.i == verb.sent.start


def _nominal(token: Token) -> bool:
    """A noun, or a gerund used as one ("by Iranian shelling"), or a verb form with an article in a noun's
    place ("paid a surprise visit" with "visit" tagged as a verb); not a verb after a modal tagged as a noun."""
    return token.pos_ in NOMINAL and not (token.dep_ in CLAUSE_HEADS and token.pos_ == "NOUN" and _modal_clause(token)) \
        or token.dep_ in NOMINAL_ROLES and (
        token.tag_ == "VBG" or any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") and c.i < token.i for c in token.children))


class _Coder:
    """Per-article coding state: actor lookups are cached by token."""

    def __init__(self, ctx: Context, lexicon: Lexicon, ontology: Ontology, kb: Any = None,
                 statements: StatementCues | None = None) -> None:
        self.ctx = ctx
        self.kb = kb
        self.lex = lexicon
        self.statements = statements
        self.onto = ontology
        self.quotes = [q for q in ctx.quotes if q.speaker is not None]
        self.quoted = quotation_spans(ctx)
        self._actor_cache: dict[int, Actor | None] = {}
        self.accusations: list[Candidate] = []
        self.history: list[Candidate] = []  # the events of the sentences coded so far
        self._coded_here: list[Candidate] = []  # ... and those of the sentence being coded
        self.blames: set[int] = set()  # "X is to blame" triggers: what follows is X's fault
        # trigger → (code, actors a report of it accuses): the sources of an act with no target, the X of "X is to blame"
        self.untargeted: dict[int, tuple[str, list[Actor]]] = {}
        self._hung_verbs: dict[int, tuple[Token, Token]] = {}  # verb → (subject, object) the parse lost
        self._subject_of: dict[int, Token] = {}  # subjects restored where the parse lost them
        self._adjunct_objects: set[int] = set()  # nouns the parse took for subjects (see _repair_hung_verbs)
        # subjects the parse took for modifiers of the object, by that object (ditto)
        self._hung_namers: dict[int, Token] = {}
        # per-token work done once: lexicon matches, lemmas, speakers, voice, objects, children
        self._entries: dict[int, tuple[Entry, dict] | None] = {}
        self._lemmas: dict[int, tuple[str, ...]] = {}
        self._speakers: dict[int, list[Actor]] = {}
        self._passives: dict[int, bool] = {}
        self._objects: dict[int, Token | None] = {}
        self._prep_objects: dict[tuple[int, str, bool], Token | None] = {}
        self._children: dict[int, tuple[Token, ...]] = {}
        self._subtrees: dict[int, tuple[Token, ...]] = {}
        self._statuses: dict[int, tuple[Status | None, str | None]] = {}  # of the sentence being coded (``status``)
        # token indices worth a closer look, read off the parse's arrays (no Token objects): possible triggers,
        # possible speech verbs and nouns, participles modifying a noun and gerunds taken for case markers
        # (see _repair_hung_verbs)
        triggers, speech = _hashes(lexicon.trigger_forms), _hashes(inflected(lexicon.speech | lexicon.denial | lexicon.speech_nouns))
        amod, case, gerund, attribution = (np.uint64(get_string_id(w)) for w in ("amod", "case", "VBG", ATTRIBUTION_MARKER))
        participles = _hashes(frozenset({"VBD", "VBN"}))
        lower, lemma, dep, tag, space = ctx.doc.to_array([LOWER, LEMMA, DEP, TAG, SPACY]).reshape(-1, 5).T
        # words right after a hyphen split off a word ("cease-fire"), whose lemmas need their neighbours (``lemmas``)
        joined = (space[:-2] == 0) & (lower[1:-1] == np.uint64(get_string_id("-"))) & (space[1:-1] == 0)
        self._after_hyphen = frozenset((np.flatnonzero(joined) + 2).tolist())
        self._trigger_words = _indices(among(lower, triggers) | among(lemma, triggers))
        self._speech_words = _indices(among(lower, speech) | among(lemma, speech))
        self._attribution_markers = _indices(lower == attribution)
        self._naming_verbs = _indices(among(lemma, _hashes(NAMING_VERBS)))
        self._participle_modifiers = _indices((dep == amod) & among(tag, participles))
        self._gerund_markers = _indices((dep == case) & (tag == gerund))
        self._gerund_modifiers = _indices((dep == amod) & (tag == gerund))
        self._mentions: dict[int, Actor] = {}
        for actor in ctx.actors:
            span = ctx.doc.char_span(*actor.span, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                self._mentions.setdefault(i, actor)

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
        if token.lower_ in RELATIVE_PRONOUNS and _relative_clause(token) is not None:
            return self._find_actor(_antecedent(token, self._trigger_words), depth + 1)
        if token.lower_ in RELATIVE_PRONOUNS and (focus := _cleft_focus(token)) is not None:
            return self._find_actor(focus, depth + 1)
        if token.lower_ in REFLEXIVES:
            subject = self.subject(token.head) if token.head.i != token.i else None
            return self._find_actor(subject, depth + 1) if subject is not None and subject.i != token.i else None
        found = self.mention_at(token) if token.pos_ != "PRON" else None
        if found is None or guessed_country(found) or not _side(found) and any(c.lower_ in DEFINITE for c in self.children(token)):
            # "the court" after "the International Criminal Court", "this rogue regime" in a quote: the body
            # a description refers back to
            found = self._referent(token) or found
        if found is not None and found.code:
            return self._complete(found, token)
        countryless = None  # a possessor without a country yields to a nationality ("its South Korean allies")
        for child in self.children(token):
            # (also an adjective the parse took for a number: "the Argentine[nummod] decision"; not the subject of a
            # verb the parse hung on its object: "Russian jets bombed rebel positions")
            if (child.dep_ in NOMINAL_LINK or child.dep_ == "nummod" and child.pos_ == "ADJ") \
                    and getattr(self._hung_namers.get(token.i), "i", None) != child.i:
                found = self._mention_in(child)
                if found is not None and _side(found) and token.lemma_.lower() in HOMELAND_NOUNS:
                    # "destroy his country": the country of whoever "his" is, not that person
                    phrase = token.doc[token.left_edge.i: token.i + 1]
                    return Actor(text=phrase.text, span=(phrase.start_char, phrase.end_char), code=_side(found),
                                 country=_side(found), why=f"the country of '{found.text}'")
                if found is not None and child.dep_ == "appos" and found.code.startswith("---"):
                    found = self._complete(found, child)  # "Eshel, the commander of the Israeli Air Force"
                if found is not None and _side(found):
                    return found
                if found is not None and child.dep_ != "amod":  # a country-less adjective ("military exercises") is no actor
                    countryless = countryless or found
        if countryless is not None:
            return countryless
        if token.pos_ in QUANTITY_HEADS or token.lemma_.lower() in GROUP_HEADS:
            for child in self.children(token):  # "13 of its soldiers", "leaders of the Muslim Brotherhood"
                if child.dep_ in ("nmod", "obl") and _case(child) == "of":
                    return self._find_actor(child, depth + 1)
        if token.pos_ in NOMINAL and token.ent_type_ and self.kb is not None:
            return self._entity_as_actor(token)
        if _opposed(token) and self.kb is not None:  # "anti-French protests": the actor step leaves "French" out
            opposed = self.kb.resolve(token.text.removeprefix("anti-"), on=self.ctx.article.published,
                                      span=(token.idx, token.idx + len(token.text)))
            return opposed if _side(opposed) else None
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
        doc, start, end = token.doc, token.i, token.i + 1
        if not token.ent_type_:
            return None
        while doc[start].ent_iob_ == "I" and start > 0:  # the entity's tokens, without building doc.ents
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        entity = doc[start:end]
        actor = self.kb.resolve(entity.text, on=self.ctx.article.published, span=(entity.start_char, entity.end_char))
        return actor if actor.code else None

    def _complete(self, actor: Actor, token: Token) -> Actor:
        """A country-less mention ("its soldiers", "the Defence Ministry") takes its country from
        its possessor, or the same actor named in full earlier ("the Russian Defense Ministry"). A local
        agent given the story's country only as a guess yields to a country its own phrase names
        ("dissidents from Myanmar")."""
        guessed = guessed_country(actor)
        if not actor.code.startswith("---") and not guessed:
            return actor
        role = actor.code[len(actor.country or "---"):]
        named = next((m for c in self.children(token) if c.dep_ == "amod" and c.i < token.i
                      and (m := self.mention_at(c)) is not None and _side(m) and not guessed_country(m)), None)
        if named is not None:  # "its South Korean allies": the nationality named beats the possessor
            return replace(actor, code=_side(named) + role, country=_side(named), why=f"{actor.why}; {named.text}")
        for child in self.children(token):
            if child.dep_ in ("nmod:poss", "poss"):  # "its soldiers", "Iraq's national security advisor"
                if child.pos_ == "PRON":
                    owner = self._reporting_speaker(child) or resolve_reference(self.ctx, child, quotations=self.quoted) or self._nearest_before(child)
                else:  # "Iraq's national security advisor", "the group's leader"
                    owner = self.mention_at(child) or resolve_reference(self.ctx, child, quotations=self.quoted)
                if owner is not None and _side(owner):
                    return _belonging(actor, owner, f"country of '{child.text}' = {owner.text}")
        # "ministers from the Georgian government", "a court in Guyana", "a spokesman for President X"
        # (troops in a country are not its own)
        preps = ("of", "from") if role.startswith("MIL") else ("of", "from", "in", "for", "at")
        # ... also when the parse hung the phrase right after an object on its verb ("received ministers from X",
        # "met with dissidents from X")
        hung = [c for c in self.children(token.head) if c.left_edge.i == token.right_edge.i + 1] \
            if token.dep_ in OBJECT or token.dep_ == "obl" else []
        for child in (*self.children(token), *hung):
            # (not a clause: "accused the court of fabricating accusations that Jews ...")
            # (nor one the parse made of a gerund clause: "of [persecuting] Israeli soldiers")
            if child.dep_ in ("nmod", "obl") and _case(child) in preps and child.pos_ != "VERB" \
                    and not any(c.dep_ == "amod" and c.tag_ == "VBG" and c.i == child.left_edge.i + 1 for c in self.children(child)):
                # "the mayor of the West Bank city of Nablus": any country named in the phrase
                owner = next((m for t in child.subtree if (m := self._named_actor(t)) is not None and _side(m)
                              and not guessed_country(m)), None)
                if owner is not None:
                    return _belonging(actor, owner, f"{_case(child)} {owner.text}")
        if guessed:
            return actor
        if placed_there(token):  # "the authorities there": the last place named
            # (a country named as such counts as a place: "news reports from Libya said the authorities there")
            places = [*self.ctx.places, *(a for a in self.ctx.actors if a.country and a.code == a.country)]
            place = max((p for p in places if p.span[1] <= token.idx and p.country), key=lambda p: p.span[0], default=None)
            if place is not None:
                return replace(actor, code=place.country + role, country=place.country,
                               why=f"{actor.why}; 'there' = {place.text}")
        definite = any(c.lower_ in ("the", "this", "that") for c in self.children(token))
        last = actor.text.split()[-1].lower()
        # "administration officials" after "the Obama administration": the modifier names the body
        bodies = {c.lower_ for c in self.children(token) if c.dep_ == "compound" and c.pos_ == "NOUN"}
        earlier_actors = sorted((a for a in self.ctx.actors if a.span[1] <= actor.span[0]), key=lambda a: -a.span[0])
        for earlier in earlier_actors if definite or bodies else ():
            if not earlier.code or earlier.code.startswith("---"):
                continue
            named = earlier.text.split()[-1].lower()
            if definite and named == last and role in earlier.code[3:]:  # "the court" → IGOJUDICC too
                return replace(actor, code=earlier.code, country=earlier.country,
                               why=f"{actor.why}; refers back to '{earlier.text}'")
            if named in bodies and _side(earlier):
                return replace(actor, code=_side(earlier) + role, country=_side(earlier),
                               why=f"{actor.why}; '{named}' refers back to '{earlier.text}'")
        country = (leading_country(self.ctx, actor.span[0], domestic=role in DOMESTIC_ROLES)
                   if definite and role in STATE_ROLES else None)
        if country is not None:  # "the military", "the police" in a story about one country: its own
            return replace(actor, code=country + role, country=country,
                           why=f"{actor.why}; the story's leading country {country}")
        return actor

    def _referent(self, token: Token) -> Actor | None:
        """What ``token`` refers back to (``resolve_reference``), never the speaker's own side for a body only others
        are called ("Netanyahu said the regime would pay")."""
        found = resolve_reference(self.ctx, token, quotations=self.quoted)
        if found is not None and token.lemma_.lower() in FOREIGN_BODIES and _same_side(found, self.quote_speaker(token)):
            return None
        return found

    def mention_at(self, token: Token) -> Actor | None:
        """The actor mention covering ``token`` itself."""
        return self._mentions.get(token.i)

    @cached_property
    def _starts(self) -> list[int]:
        """The character offset of each token."""
        return self.ctx.doc.to_array(IDX).tolist()

    def _covered(self, spans: Iterable[Span]) -> frozenset[int]:
        """The indices of the tokens that start inside one of ``spans`` (character offsets)."""
        return frozenset(i for start, end in spans
                         for i in range(bisect_left(self._starts, start), bisect_left(self._starts, end)))

    @cached_property
    def _in_times(self) -> frozenset[int]:
        """The indices of the tokens inside a time expression."""
        return self._covered(t.span for t in self.ctx.times)

    @cached_property
    def _in_places(self) -> frozenset[int]:
        """The indices of the tokens inside a place name."""
        return self._covered(p.span for p in self.ctx.places)

    def _time_at(self, token: Token) -> bool:
        """Whether ``token`` lies in a time expression."""
        return token.i in self._in_times

    def _place_at(self, token: Token) -> bool:
        """Whether ``token`` lies in a place name."""
        return token.i in self._in_places

    def _reporting_speaker(self, pronoun: Token) -> Actor | None:
        """In reported speech a third-person possessive points to the speaker ("Erdogan said his
        military would ...")."""
        if pronoun.lower_ not in ("his", "her", "its", "their"):
            return None
        for head in pronoun.ancestors:
            if _verbal(head) and self.has_form(head, self.lex.speech):
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
            found = self.mention_at(t) if t.pos_ != "PRON" else resolve_reference(self.ctx, t, quotations=self.quoted)
            # (also a name modifying a compound modifier: "a French aid worker" with "French" on "aid", "the
            # Malaysia Airlines Boeing flight")
            if found is not None and found.code and (token.idx <= t.idx or token.dep_ == "compound"
                                                     and t.pos_ in ("PROPN", "ADJ") and _modifies(t, token)):
                return found
        return None

    def actors(self, token: Token | None) -> list[Actor]:
        if token is None:
            return []
        if token.lower_ in RELATIVE_PRONOUNS and _relative_clause(token) is not None:
            # "the United States and the European Union, which ...": the whole coordination
            antecedent = _antecedent(token, self._trigger_words)
            while antecedent.dep_ == "conj" and antecedent.head.pos_ in NOMINAL and _displaced_from(antecedent) is None:
                antecedent = antecedent.head
            if antecedent.i != token.i:  # ... but not a conjunct after the pronoun ("X, which ..., and Y")
                return [a for a in self.actors(antecedent) if a.span[0] < token.idx]
        pair = resolve_pair(self.ctx, token)
        if pair is not None:  # "the two leaders": the two sides last named together
            return list(pair)
        found: list[Actor] = []
        for i, t in enumerate(_conjuncts(token)):
            actor = self.actor(t)
            # "Western nations, including X", also a conjunct no actor heads ("the EU and several states, including X")
            included = [a for c in self.children(t) if c.dep_ in ("nmod", "appos") and _case(c) == "including"
                        for a in self.actors(c) if _side(a)] \
                if actor is not None or self.has_form(t, ACTOR_NOUNS | HOMELAND_NOUNS) else []
            if actor is None and i and not included:
                break  # "rebels, under increasing strain, the Kremlin": a chain through a non-actor is a misparse
            if actor is not None:
                found.append(actor)
                found.extend(a for a in self._coordinated_nationalities(t, actor) if a not in found)
                members = next((c for c in self.children(t) if c.dep_ in ("nmod", "obl") and _case(c) in ("of", "from")), None) \
                    if t.lemma_.lower() in GROUP_HEADS else None
                coordinated = [a for m in _member_list(t, members) for a in self.actors(m)] if members is not None else []
                if len(coordinated) > 1:  # "the leaders of France, Germany and Britain", "ministers from X and Y"
                    role = (actor.code or "")[3:]
                    if any(_side(a) == _side(actor) for a in coordinated):
                        found.remove(actor)  # the head took its country from the first member: one actor per member
                    found.extend(m for a in coordinated if (m := _with_role(a, role)) not in found)
            found.extend(a for a in included if a not in found)
        return found

    def _coordinated_nationalities(self, head: Token, actor: Actor) -> list[Actor]:
        """"the Japanese and South Korean governments": each coordinated nationality modifier of the
        head names an actor of its own, with the head's role."""
        role = (actor.code or "")[3:]
        out = []
        for modifier in self.children(head):
            if modifier.dep_ not in ("amod", "compound"):
                continue
            for t in (modifier, *(c for c in self.children(modifier) if c.dep_ == "conj")):
                other = self._mention_in(t)
                side = _side(other)
                if other is not None and side and side != _side(actor) and not guessed_country(other):
                    phrase = head.doc[t.left_edge.i: t.i + 1]
                    out.append(replace(other, code=side + role, country=side, span=(phrase.start_char, phrase.end_char),
                                       text=phrase.text, why=f"coordinated with '{actor.text}'"))
        return out

    def noun_source(self, noun: Token, depth: int = 0) -> Actor | None:
        """Who a nominal act or claim belongs to: "by X", "made by X", "X's", "Syrian shelling"."""
        for child in self.children(noun):
            if child.dep_ in ("nmod", "obl", "obl:agent") and (case := _case(child)) in ("by", "from") and (
                    case == "by" or self.has_form(noun, self.lex.speech_nouns) or self._from_authored(noun)):
                return self._find_actor(child, depth + 1)
            if child.dep_ == "acl" and self.passive(child):
                agent = next((c for c in self.children(child) if _case(c) == "by"), None)
                if agent is not None:
                    return self._find_actor(agent, depth + 1)
            if child.dep_ == "appos" and child.pos_ in NOMINAL and depth < 2:
                # "the first raid, an operation led by US commandos": the author its apposition names
                found = self.noun_source(child, depth + 1)
                if found is not None:
                    return found
        if noun.dep_ in OBJECT and _verbal(noun.head) and not self.passive(noun.head):
            # "suffered attacks by Syrian troops" with the by-phrase hung on the active verb
            agent = next((c for c in self.children(noun.head) if c.i > noun.i and c.dep_ in OBLIQUE and _case(c) == "by"), None)
            found = self._find_actor(agent, depth + 1) if agent is not None else None
            if found is not None:
                return found
        # (not the US of "anti-American protests", nor Navalny of "Navalny's arrest": they undergo the act)
        undergoer = getattr(self._undergoer(noun), "i", None)
        for child in self.children(noun):
            if child.dep_ in ("nmod:poss", "poss", "amod", "compound") and child.i < noun.i and not _opposed(child) \
                    and child.i != undergoer:
                # a pronoun in reported speech is the speaker's ("Cairo said ... critical of its crackdown")
                found = (child.pos_ == "PRON" and self._reporting_speaker(child)) or self._mention_in(child)
                if found is not None and (_side(found) or child.dep_ != "amod"):
                    return found
        return None

    def _from_authored(self, noun: Token) -> bool:
        """Whether the noun's "from X" is its author ("a statement from X", "aid from the US"): an act of a root
        in FROM_AUTHORED_ROOTS whose entry does not take "from" for a phrase of its own, and not a verb's object,
        whose "from" may be the verb's ("withhold aid from Ukraine", "received aid from X")."""
        if noun.dep_ in OBJECTS:
            return False
        found = self.best_entry(noun)
        if found is None or found[0].code[:2] not in FROM_AUTHORED_ROOTS:
            return False
        return all(p != "from" for p, _ in found[0].preps) and "prep:from" not in found[0].target

    def _undergoer(self, noun: Token) -> Token | None:
        """The possessive of an act done to someone, when no "of" phrase names them: "Navalny's arrest"
        (but "Iran's arrest of spies" is Iran's act)."""
        if not self.has_form(noun, PATIENT_NOUNS) or any(_case(c) == "of" for c in self.children(noun)):
            return None
        return next((c for c in self.children(noun) if c.dep_ in ("nmod:poss", "poss")), None)

    def co_agents(self, verb: Token) -> list[Actor]:
        """Actors acting alongside the subject: "Together with the U.K. and France, the U.S. launched ...",
        "Russia, along with Iran, backed ..."."""
        found: list[Actor] = []
        for child in self.children(verb):
            adverb = child.lower_ in ("together", "along")
            phrases = [g for g in self.children(child) if g.dep_ in OBLIQUE] if adverb else [child] if child.dep_ in OBLIQUE else []
            for phrase in phrases:
                marks = {w.lower_ for w in phrase.subtree if w.i < phrase.i} | ({child.lower_} if adverb else set())
                if "with" in marks and marks & {"together", "along"}:
                    found += self.actors(phrase)
        return found

    def _participation(self, noun: Token) -> Token | None:
        """The verb whose subject takes part in the act a noun names in its "in" phrase: "participated in the
        offensive", "joined in the protests", "took part in joint exercises" (the phrase on "part" or the verb);
        also the active PROTEST_MANNER_VERBS verb with no object a bare singular protest is the manner of: "hundreds
        gathered in protest", "resigned in protest" (not "were arrested in the protest", "died in protests", "in
        March", "summoned the ambassador in protest", nor a verb that is itself the protest: "walked out in protest")."""
        if _case(noun) != "in" or noun.dep_ not in OBLIQUE:
            return None
        head = noun.head.head if noun.head.lemma_.lower() == "part" and noun.head.dep_ in OBJECT else noun.head
        if not _verbal(head):
            return None
        if self.has_form(head, PARTICIPATION_VERBS) or head.lemma_.lower() == "take" \
                and any(c.lemma_.lower() == "part" for c in self.children(head)):
            return head
        found = self.best_entry(noun)
        manner = found is not None and found[0].code[:2] == PROTEST_ROOT and noun.tag_ == "NN" and noun.is_lower \
            and not self.passive(head) and not any(c.dep_ in ("det", "nmod:poss", "poss") for c in self.children(noun)) \
            and any(c.dep_ in SUBJECT for c in self.children(head))  # (not "left them thrashing in protest")
        manner = manner and self.has_form(head, PROTEST_MANNER_VERBS) \
            and not any(c.dep_ in OBJECTS for c in self.children(head))
        own = self.best_entry(head) if manner else None  # (a verb that is a coercive or protest act is the protest)
        manner = manner and (own is None or not "10" <= own[0].code[:2] <= "20")
        return head if manner else None

    def _targeted_support(self, noun: Token, support: Token) -> bool:
        """Whether ``support`` lends its subject to the noun because the act's own target phrase (its entry's) names
        an actor with a preposition TARGETED_SUPPORT gives the verb: "had talks with X", "placed sanctions on X" (the
        phrase on the noun or on the verb; not "had a heart attack with his wife at his side"); "have" only to acts of
        HAD_ROOTS ("has a pact with X" is no signing)."""
        found = self.best_entry(noun)
        if noun.pos_ != "NOUN" or found is None:  # (a title-case headline's "Have An Awkward Time Dealing With Turkey")
            return False
        if "have" in self.lemmas(support) and found[0].code[:2] not in HAD_ROOTS:
            return False
        preps = next((TARGETED_SUPPORT[w] for w in self.lemmas(support) if w in TARGETED_SUPPORT), ())
        return any(f"prep:{p}" in found[0].target and self.actors(
            self.prep_object(noun, p, deep=False) or self.prep_object(support, p, deep=False)) for p in preps)

    def _givers(self, noun: Token, support: Token | None) -> list[Actor]:
        """The "from X" actors of an event noun received by the subject of ``support`` (see
        ``receipt`` in the lexicon), the phrase hung on the noun or on the verb."""
        if support is None or not self.has_form(support, self.lex.receipt):
            return []
        return self.actors(self.prep_object(noun, "from", deep=False) or self.prep_object(support, "from", deep=False))

    def feeling(self, token: Token) -> tuple[Token | None, Token | None] | None:
        """(the one who feels, what they feel about) for a verb of feeling ("X was dismayed by Y", "X is
        concerned about Y", "Y dismayed X"), else None."""
        if not self.has_form(token, EXPERIENCER_VERBS) or token.pos_ not in ("VERB", "ADJ"):
            return None
        children = self.children(token)
        if self.passive(token) or token.pos_ == "ADJ" or any(c.dep_ == "cop" for c in children):
            feeler = next((c for c in children if c.dep_ in PASSIVE_SUBJECT | SUBJECT), None)
            cause = next((c for c in children if c.dep_ in OBLIQUE and _case(c) in CAUSE_PREPS), None)
        else:  # active: "the execution dismayed the UN"
            feeler, cause = self.object(token), self.subject(token)
        if feeler is not None and feeler.lower_ in RELATIVE_PRONOUNS:
            feeler = _antecedent(feeler, self._trigger_words)
        return (feeler, cause) if feeler is not None and cause is not None else None

    def is_event_noun(self, token: Token) -> bool:
        return _nominal(token) and self.may_trigger(token) and bool(self.lex.candidates("noun", self.lemmas(token)))

    # --- arguments ----------------------------------------------------------------------------
    def subject(self, verb: Token) -> Token | None:
        """The agent of ``verb``: its subject, its passive by-phrase, or one inherited from the
        verb it is coordinated with, controlled by or modifies."""
        if verb.i in self._hung_verbs:
            return self._hung_verbs[verb.i][0]
        passive = self.passive(verb)
        if passive:
            agent = next((c for c in self.children(verb) if c.dep_ in OBLIQUE and _case(c) == "by"), None)
            if agent is None and self.has_form(verb, STATIVE_PASSIVES):
                return self.object(verb)  # "the U.S. and the Taliban have been engaged in talks": they act
            return agent
        # ... also one the parse hung on an auxiliary ("The leaders [of X] have all scheduled")
        # (not a time phrase taken for a second subject: "Hours later, Mr. X announced ...")
        subjects = [c for t in (verb, *(a for a in self.children(verb) if a.dep_ == "aux")) for c in self.children(t)
                    if c.dep_ in SUBJECT | PASSIVE_SUBJECT and c.i not in self._adjunct_objects]
        subj = next((c for c in subjects if not self._time_at(c)), subjects[0] if subjects else self._subject_of.get(verb.i))
        if subj is not None and _cut_conjunct_subject(verb, subj) or subj is None and verb.dep_ == "acl" \
                and verb.tag_ == "VBG" and verb.head.dep_ in OBJECT and self.has_form(verb.head.head, LOSS_VERBS):
            # "Israel lost 60 soldiers and three civilians battling militants" (also parsed with "and three
            # civilians" as the participle's subject): those one loses fight on one's side
            return self.subject(verb.head.head)
        if subj is not None and subj.dep_ == "csubj" and subj.tag_ == "VBG":
            # "500 Iranians screaming 'Death to America!' converged" parsed as a gerund clause subject with
            # its own subject: the noun the participle describes is the subject
            subj = next((c for c in self.children(subj) if c.dep_ == "nsubj" and c.i < subj.i), subj)
        if subj is not None:
            # "X, ..., included information ..., again demanding Y" parsed with "included" a modifier of
            # "information" and "information" the subject of "demanding": the hung verb's subject is the clause's
            return self._hung_namers.get(subj.i, subj) if subj.dep_ in SUBJECT else subj
        if verb.dep_ == "conj" and (hung := _conjoined_subject_before(verb)) is not None:
            return hung
        if verb.dep_ == "conj" and _verbal(verb.head):
            inherited = self.subject(verb.head)
            if inherited is not None and self.actor(inherited) is not None:
                return inherited
            # "The strike came after Trump called ... and warned him": the parse joined the wrong verbs;
            # the nearest verb in between with an actor as subject
            between = (next((c for c in self.children(t) if c.dep_ in SUBJECT), None)
                       for t in reversed(verb.doc[verb.head.i + 1: verb.i]) if _verbal(t))
            found = next((subj for subj in between if subj is not None and self.actor(subj) is not None), None)
            material = (act := self.best_entry(verb)) is not None and act[0].code[:2] >= "14"
            if found is None and not material and verb.head.dep_ in ("ccomp", "parataxis") and _verbal(verb.head.head):
                # "X said the strike had killed ... and blamed Y": the conjunct belongs to the reporting verb (not
                # "... killed one soldier and wounded two, the military said": a reporter does not attack)
                reporter = self.subject(verb.head.head)
                found = reporter if reporter is not None and self.actor(reporter) is not None else None
            return found or inherited
        if verb.dep_ == "parataxis" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.i > verb.head.i and _verbal(verb.head):
            # "An assailant tried to force his way into a synagogue ... then shot two people" parsed with the second
            # finite verb loose beside the first: a finite verb with no subject of its own shares the first one's
            inherited = self.subject(verb.head)
            if inherited is not None and self.actor(inherited) is not None:
                return inherited
        if verb.dep_ == "advcl" and (stranded := _oblique_subject(verb)) is not None:
            return stranded
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "..., with the UN and Western nations lamenting ...": the with-phrase just before the participle
            absolute = next((c for c in self.children(verb.head) if c.dep_ in OBLIQUE and c.i < verb.i and _case(c) == "with"
                             and c.right_edge.i + 2 >= verb.left_edge.i), None) or next(
                (n for m in self.children(verb) if m.dep_ == "mark" and m.lower_ == "with"  # ... or parsed as its "mark"
                 for n in self.children(m) if n.pos_ in NOMINAL), None) or _with_phrase_before(verb)
            if absolute is not None and self.actor(absolute) is not None:
                return absolute
        if verb.dep_ == "obl" and _verbal(verb.head) and any(c.dep_ == "mark" and c.lower_ in ("to", "onto") for c in self.children(verb)):
            # "He went onto blame the U.S." parsed with the infinitive as an oblique; the object of a verb that
            # makes or asks it to act ("led Palestinian leaders to boycott the talks") does it
            controller = next((c for c in self.children(verb.head) if c.dep_ in OBJECT and c.i < verb.i), None)
            asks = self.has_form(verb.head, CAUSATIVE_VERBS) or any(
                e.to is not None for e in self.lex.candidates("verb", self.lemmas(verb.head)))
            return controller if controller is not None and asks else self.subject(verb.head)
        if verb.dep_ == "xcomp" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.head.tag_ == "VBG" \
                and any(c.dep_ in SUBJECT for c in self.children(verb.head)):
            # "500 Iranians screaming 'Death to America!' converged" parsed with the finite verb as the
            # participle's complement: a finite verb is controlled by no object; the participle's subject is its own
            return self.subject(verb.head)
        if verb.tag_ == "VBG" and verb.dep_ == "ROOT" and verb.left_edge.i == verb.sent.start:
            # "Defending Israel, Ambassador X denounced ..." parsed with the opening participle as the root and
            # the main clause under it: the participle's subject is the main clause's
            main = next((c for c in self.children(verb) if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i and _verbal(c)
                         and any(s.dep_ in SUBJECT for s in self.children(c))), None)
            if main is not None:
                return self.subject(main)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i - 1 \
                and (before := verb.doc[verb.i - 1]).pos_ in NOMINAL and before.head.i == verb.head.i \
                and self.actor(before) is not None:
            # "in response to the UAW calling for a strike" with the participle hung on "response": the actor
            # named right before it is its subject
            return before
        if verb.dep_ in ("xcomp", "advcl") and _verbal(verb.head):
            # (an object after the infinitive is a misattached phrase, not its controller)
            # (nor is a relative pronoun: "which X tried to suppress" — see _object)
            # (nor a time phrase taken for an object: "while deciding Friday to postpone")
            controller = next((c for c in self.children(verb.head) if c.dep_ in OBJECT and c.i < verb.i
                               and c.lower_ not in RELATIVE_PRONOUNS and not self._time_at(c)), None)
            # "urged Iran to withdraw" controls by the object; "opened fire to disperse" and "would blockade
            # Paris to demand" by the subject; "gave permission to Russia to help", "faces pressure from
            # Congress to act": unclear, none
            # (so does a causative: "led Palestinian leaders to boycott the talks")
            asks = any(e.to is not None for e in self.lex.candidates("verb", self.lemmas(verb.head))) \
                or _case(verb) in ("of", "for") \
                or _infinitive(verb) and self.has_form(verb.head, CAUSATIVE_VERBS)  # "accused Pakistan of violating"
            if controller is not None and (verb.dep_ == "xcomp" or self.actor(controller) is not None and asks):
                return controller
            if controller is not None and any(c.dep_ in OBLIQUE and _case(c) in ("to", "from") and self.actor(c)
                                              for c in (*self.children(verb.head), *self.children(controller))):
                return None
            raised = _passive_subject(verb.head)
            if raised is not None and verb.dep_ == "xcomp":
                return raised  # "Obama is scheduled to attend"
            return self.subject(verb.head)
        if verb.dep_ in ("xcomp", "advcl", "acl", "csubj") and (any(c.dep_ == "cop" for c in self.children(verb.head))
                                                               or verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ"):
            # "Russia was the first to contend ...": the subject of the copular predicate (also of an adjective whose
            # "be" the parse took for an auxiliary: "Israel is unwilling to negotiate")
            predicated = next((c for c in self.children(verb.head) if c.dep_ in SUBJECT), None)
            if predicated is not None:
                return predicated
        intention = verb.head
        if verb.dep_ == "acl" and _infinitive(verb) and self.has_form(intention, ATTEMPT_NOUNS) \
                and (owner := next((c for c in self.children(intention) if c.dep_ in ("nmod:poss", "poss")), None)) is not None:
            return owner  # "in its latest attempt to pressure European powers", "Russia's decision to expel": the owner's act
        if verb.dep_ == "acl" and _infinitive(verb) and intention.pos_ in NOMINAL and self.mention_at(intention) is None \
                and (intention.dep_ in OBJECT or intention.dep_ == "obl") and _verbal(intention.head):
            # "made good on pledges to slap sanctions", "announced a plan to withdraw": whoever holds the intention
            return self.subject(intention.head)
        statement = verb.head
        if verb.dep_ == "acl" and self.has_form(statement, self.lex.speech_nouns) and self.mention_at(statement) is None \
                and (statement.dep_ in OBJECT or statement.dep_ == "obl" and _case(statement) in ("with", "in")) \
                and _verbal(statement.head):  # (not "failed to agree on a statement condemning Y")
            # "X issued a statement criticizing Y", "X responded with a statement urging Y": the statement's author
            return self.subject(statement.head)
        if (verb.dep_.startswith("acl") or verb.dep_ in ("parataxis", "appos", "list")) and verb.head.pos_ in NOMINAL:
            return verb.head  # "Russia, a close ally of X, hashed out ..." parsed with the verb under "Russia"
        if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.pos_ in NOMINAL and verb.head.i < verb.i:
            return verb.head  # "Hamas's military wing, one of ..., denied ..." parsed with no root verb
        return self._named_just_before(verb) or _participle_subject_before(verb)

    def _repair_hung_verbs(self, sent: SpacySpan) -> None:
        """Verbs the parse took for modifiers: "Iran's supreme leader rejected talks" parsed as one noun
        phrase, the verb a modifier of "talks", is a verb with the naming modifier as its subject and the
        noun as its object (see ``_hung_subject``); "Defending Israel, Ambassador X denounced ..." parsed
        with "Defending" as a case marker and "Israel" as a second subject has the clause's other subject
        as the participle's subject and "Israel" as its object; a gerund after a preposition parsed as a
        modifier of its object ("refrained from attacking Eritrean troops") is that object's verb."""
        for verb in self._tokens(sent, self._participle_modifiers):
            namer = self._hung_subject(verb, sent) if _verbal(verb) and verb.head.pos_ in NOMINAL else None
            if namer is not None:
                self._hung_verbs[verb.i] = (namer, verb.head)
                self._hung_namers[verb.head.i] = namer
        for verb in self._tokens(sent, self._gerund_markers):
            obj = verb.head
            subject = next((c for c in self.children(obj.head) if c.dep_ in SUBJECT and c.i > obj.i), None) \
                if obj.dep_ in SUBJECT and verb.i < obj.i else None
            if subject is not None:
                self._hung_verbs[verb.i] = (subject, obj)
                self._adjunct_objects.add(obj.i)
        for verb in self._tokens(sent, self._gerund_modifiers):
            # "refrained from attacking Eritrean troops" parsed with the gerund as a modifier of the noun after
            # it: the noun is its object; its subject is the governing verb's object before it ("prevented
            # Iran from attacking X"), else that verb's subject
            # (the phrase may hang on that object: "accused Azerbaijan [of shelling villages]")
            noun = verb.head
            governor = noun.head.head if noun.head.dep_ in OBJECT and noun.head.pos_ in NOMINAL else noun.head
            if verb.i == 0 or verb.i > noun.i or not _verbal(governor) or noun.dep_ not in OBLIQUE:
                continue
            marker = verb.doc[verb.i - 1]
            if marker.dep_ != "case" or marker.head.i != noun.i:
                continue
            controller = next((c for c in self.children(governor) if c.dep_ in OBJECT and c.i < verb.i), None)
            subject = controller if controller is not None else self.subject(governor)
            if subject is not None:
                self._hung_verbs[verb.i] = (subject, noun)

    def _hung_subject(self, verb: Token, sent: SpacySpan) -> Token | None:
        """The subject of a past participle the parse hung on its object noun: a naming modifier of the
        noun, or its subject ("The presidents of X scheduled talks"); the subject of "have" parsed as the
        main verb ("The leaders have all scheduled meetings"); a phrase before the verb (and its time
        phrase) carrying a subordinating conjunction ("after the administration last month imposed sanctions")."""
        noun = verb.head
        predicate = any(c.dep_ == "cop" for c in self.children(noun))
        # ... or the participle's own subject ("Iran's supreme leader rejected talks" with "leader" under "rejected")
        namer = next((c for c in (*self.children(noun), *self.children(verb)) if c.i < verb.i and self.actor(c) is not None and (
            c.dep_ in ("compound", "nmod:poss") and c.head.i == noun.i or c.dep_ in SUBJECT and not predicate)), None)
        perfect = noun.head if noun.dep_ in OBJECT and noun.head.lemma_ == "have" else None
        if namer is None and perfect is not None and perfect.i < verb.i and verb.tag_ == "VBN":
            namer = next((c for c in self.children(perfect) if c.dep_ in SUBJECT and self.actor(c) is not None), None)
        start = verb.left_edge.i
        while start > sent.start and verb.doc[start - 1].dep_ in TIME_PHRASE:
            start -= 1
        if namer is not None or start == sent.start:
            return namer
        before = verb.doc[start - 1]
        return next((t for t in (before, *before.ancestors) if t.right_edge.i == before.i
                     and any(c.dep_ == "case" and c.lower_ in SUBORDINATORS for c in self.children(t))
                     and self.actor(t) is not None), None)

    def _named_just_before(self, verb: Token) -> Token | None:
        """A subject the parse attached elsewhere ("On Tuesday Germany accused ...", "after X said"):
        an actor named within the three words before the verb, with no punctuation between (not inside a
        quote or another verb's object: "Iranians screaming 'Death to America!' converged"). A quotation
        ending right before the verb is passed over, and a nationality before it names the group ("300
        Sudanese chanting 'Down with the army!' gathered")."""
        doc, end, start = verb.doc, verb.i, verb.sent.start
        if end > start and doc[end - 1].is_quote:
            end = next((t.i for t in reversed(doc[start: end - 1]) if t.is_quote), end)
        kinds = NOMINAL | {"ADJ"} if end < verb.i else NOMINAL
        for t in reversed(doc[max(start, end - 3): end]):
            if t.pos_ in kinds and t.dep_ not in OBJECT and t.head.dep_ not in OBJECT and self.mention_at(t) is not None:
                return None if any(w.is_punct for w in doc[t.i + 1: end]) else t
        return None

    def passive(self, verb: Token) -> bool:
        """``_passive(verb)``, decided once per token."""
        found = self._passives.get(verb.i)
        if found is None:
            found = self._passives[verb.i] = _passive(verb)
        return found

    def object(self, verb: Token) -> Token | None:
        """The verb's object (the passive subject of a passive), once per token."""
        if verb.i not in self._objects:
            self._objects[verb.i] = self._object(verb)
        return self._objects[verb.i]

    def _object(self, verb: Token) -> Token | None:
        if verb.i in self._hung_verbs:
            return self._hung_verbs[verb.i][1]
        if self.passive(verb):
            subj = _passive_subject(verb)
            if subj is None and verb.dep_.startswith("acl"):
                return _participle_noun(verb)
            return subj
        obj = next((c for c in self.children(verb) if c.dep_ in OBJECT), None)
        if obj is None and verb.lemma_.lower() not in LINKING_VERBS | NAMING_VERBS:
            # "canceled a planned meeting" parsed with the object as a predicate: a noun with an article after the verb
            obj = next((c for c in self.children(verb) if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in NOMINAL
                        and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the") for d in self.children(c))), None)
        if obj is None or obj.lower_ == "what":  # a free relative: "called off what was to be a signing ceremony"
            obj = _free_relative_noun(verb) or obj
        if obj is None and verb.dep_ == "xcomp":  # "Hamas, which X tried to suppress" with "which" on "tried"
            obj = next((c for c in self.children(verb.head) if c.dep_ in OBJECT and c.lower_ in RELATIVE_PRONOUNS), None)
        # (a clause with a "that" marker is the noun's content, not a relative clause: "the claim that X attacked")
        relative = verb.dep_ in ("acl:relcl", "acl") and not any(c.dep_ == "mark" for c in self.children(verb))
        if obj is not None and obj.lower_ in RELATIVE_PRONOUNS and relative and verb.head.pos_ in NOMINAL \
                and not (obj.lower_ == "that" and verb.head.lemma_.lower() in self.lex.speech_nouns):
            return verb.head  # "the treaty that they signed" (not "the claim that X attacked": its content)
        if obj is None and relative and not _list_tail_subject(verb):
            has_subject = any(c.dep_ in SUBJECT and c.lower_ not in RELATIVE_PRONOUNS for c in self.children(verb))
            if has_subject:  # "a deal it had struck": the antecedent is the object
                return verb.head
        return obj

    def prep_object(self, token: Token, prep: str, *, deep: bool = True) -> Token | None:
        """The object of ``prep`` attached to ``token`` (or to its object when ``deep``), once per token."""
        key = (token.i, prep, deep)
        if key not in self._prep_objects:
            self._prep_objects[key] = self._prep_object(token, prep, deep)
        return self._prep_objects[key]

    def _prep_object(self, token: Token, prep: str, deep: bool) -> Token | None:
        for child in self.children(token):
            # an object with its own preposition is a misparsed oblique ("held talks with President X"), and so
            # is a prepositional phrase the parse hung as a loose clause
            oblique = child.dep_ in MAYBE_OBLIQUE or child.dep_ == "xcomp" and _nominal(child)  # "took X to task"
            # (also a gerund clause after "from": "banned activists from holding rallies")
            if oblique and _case(child) == prep and (not _verbal(child) or prep == "from" and child.tag_ == "VBG"):
                return child
            if _particle(child) and child.lower_ == prep:
                obj = next((c for c in self.children(token) if c.dep_ in OBJECT), None)
                if obj is not None:
                    return obj
            if child.lower_ == prep and child.pos_ == "ADP" and not child.n_lefts + child.n_rights and self.passive(token):
                # a passive's stranded preposition ("the convoy was fired upon by X", "was spied on"): its subject
                return _passive_subject(token)
        if prep == "between":
            for child in self.children(token):
                if child.dep_ in OBLIQUE and any(c.lower_ == "between" for c in child.subtree if c.i < child.i):
                    return child
        obj = self.object(token) if _verbal(token) else None
        if deep and obj is not None and obj.i != token.i:
            found = self.prep_object(obj, prep, deep=False)
            if found is None and prep == "as":
                # "described reports that troops could be sent to X as fake news": the "as" phrase closing a long
                # object belongs to the verb, wherever the parse hung it
                found = next((t for t in obj.subtree if t.i > obj.i and _case(t) == "as"
                              and t.right_edge.i == obj.right_edge.i), None)
            if found is None and obj.pos_ in QUANTITY_HEADS | {"SYM", "NUM"}:
                # "approved $225 million in emergency spending for Israel": the phrase on what the amount measures
                found = next((f for c in self.children(obj) if c.dep_ == "nmod" and c.i > obj.i
                              if (f := self.prep_object(c, prep, deep=False)) is not None), None)
            return found
        return None

    def complement(self, verb: Token) -> Token | None:
        """The infinitival complement ("threaten to attack", "call on X to withdraw", "a plan to strike")."""
        for child in self.children(verb):
            infinitive = child.dep_ == "xcomp" or _infinitive(child)
            if child.dep_ in ("xcomp", "advcl", "ccomp", "acl") and _verbal(child) and infinitive:
                return child
            if child.dep_ in ("advcl", "ccomp") and child.tag_ == "VBG" and child.i > verb.i \
                    and not verb.doc[verb.i + 1].is_punct \
                    and all(w.pos_ == "ADV" for w in verb.doc[verb.i + 1: min(child.i, child.left_edge.i)]) \
                    and not any(c.dep_ in SUBJECT for c in self.children(child)):
                return child  # "admitted accidentally shooting it down" with the gerund parsed as an adverbial
            if child.tag_ == "NN" and child.n_lefts == 1 and (child.dep_ in ("obl", "xcomp") and _case(child) == "to"
                                                               or child.dep_ == "xcomp" and _infinitive(child)):
                return child  # "offered to mediate" with a bare "mediate" taken for a noun after "to"
        if verb.dep_ in OBJECT and _nominal(verb):  # "examining the plan to strike" with "to strike" on the verb
            after, end = verb.right_edge.i + 1, verb.sent.end
            while after < end - 1 and verb.doc[after].is_punct:  # '"examining the plan" to strike'
                after += 1
            follows = verb.doc[after] if after < end else None
            # (also one the parse hung on a report after it: '"examining the plan" to strike X, state news said')
            if follows is not None and follows.lower_ == "to" and follows.head.head.i in (verb.head.i, *(
                    r.i for r in self.children(verb.head) if r.dep_ == "parataxis" and r.i > follows.i)) \
                    and follows.head.dep_ in ("xcomp", "advcl", "parataxis") and _verbal(follows.head):
                return follows.head
        return None

    # --- matching -----------------------------------------------------------------------------
    def _has_words(self, token: Token, words: frozenset[str] | None) -> bool:
        if words is None:
            return True
        if ANY in words:
            return token is not None
        if token is None:
            return False
        single, multiword = self.lex.split_lists.get(words) or split_words(words)
        if (NAMED in words or ACTOR in words) and (self.mention_at(token) is not None or self._place_at(token)) \
                or NAMED in words and any(c.dep_ in ("nmod:poss", "poss") and self.mention_at(c) is not None
                                          for c in self.children(token)):
            return True  # (a phrase owned by an actor counts as `named`: "for Israel's Iron Dome system")
        forms = self.lemmas(token)
        if not single.isdisjoint(forms):
            return True
        return any(last in forms and all(any(p in self.lemmas(c) for c in self.children(token) if c.i < token.i)
                                         for p in modifiers) for last, modifiers in multiword)

    def match(self, token: Token, entry: Entry) -> dict[str, Token | None] | None:
        """The entry's slots filled from the parse, or None when a condition fails."""
        slots: dict[str, Token | None] = {}
        if entry.pos == "noun" and not self._has_words(token, entry.words):
            return None  # multiword nouns ("air strike") need their modifiers
        children = self.children(token)
        if entry.pos == "predicate":  # "X is in touch with Y": the predicate's own preposition and its subject
            if entry.case is not None and _case(token) != entry.case:
                return None
            # (also a pronoun the parse took for an expletive: "said it was ready to negotiate")
            slots["subject"] = next((c for c in children if c.dep_ in SUBJECT | PASSIVE_SUBJECT), None) or next(
                (c for c in children if c.dep_ == "expl" and c.i < token.i and c.lower_ != "there"), None) \
                or (self.subject(token) if token.dep_ in ("xcomp", "obl") else None)
        stranded = None  # "called off the visit" parsed with "off" as the preposition of an oblique: its object
        if entry.particle and not any(_particle(c) and c.lower_ == entry.particle for c in children):
            stranded = next((c for c in children if c.dep_ in OBLIQUE and _case(c) == entry.particle
                             and c.left_edge.i == token.i + 1), None)
            if stranded is None or entry.pos != "verb":
                return None
        if entry.pos == "verb":
            if entry.objects is None and token.i in self._naming_verbs and _named_pair(token) is not None:
                return None  # "called Trump's skills 'a con job' on Twitter" names something; it calls on no one
            obj = self.object(token) or stranded
            # double objects ("gave the Ivory Coast 5 million dollars"): the one the entry asks for
            objects = [obj] if obj is not None else []
            objects += [c for c in children if c.dep_ in OBJECTS and c not in objects]
            if entry.objects == NO_OBJECT:  # (nor a noun taken for a predicate: "demonstrates contempt")
                if objects or any(c.dep_ == "xcomp" and _nominal(c) for c in children) or self._particle_object(token):
                    return None
            elif entry.objects is not None:
                # a noun predicated of the object is a second one ("called Mr. Assad an animal"), also when the
                # parse took both nouns for predicates
                # (or an adjective: "called the remarks extremely negative")
                predicates = [c for c in children if c.dep_ == "xcomp" and (c.pos_ in NOMINAL or c.pos_ == "ADJ")]
                objects += predicates if objects or len(predicates) > 1 else []
                # ... or hung it on the first ("called [the king [a criminal]]", "called [the remarks negative]")
                objects += [g for o in objects[:1] for g in _predicated_on(o)]
                obj = next((o for o in objects if self._has_words(o, entry.objects)), None) or next(
                    (m for o in objects if o.pos_ in QUANTITY_HEADS or o.lemma_.lower() in MEASURE_NOUNS
                     for m in self.children(o) if m.dep_ == "nmod" and _case(m) == "of" and self._has_words(m, entry.objects)),
                    None)  # what an amount or a part measures: "25,000 tons of food aid", "part of a military aid program"
                if obj is None:
                    return None
            slots["obj"] = obj
            slots["iobj"] = next((o for o in objects if obj is None or o.i != obj.i), None)
        for prep, words in entry.preps:
            found = self.prep_object(token, prep)
            # (a time phrase fills no open preposition: "called the president a terrorist on Tuesday")
            if found is None or not self._has_words(found, words) or words is None and self._time_at(found):
                return None
            slots[f"prep:{prep}"] = found
        if entry.to is not None:
            comp = self.complement(token)
            if comp is None or not self._has_words(comp, entry.to):
                return None
            slots["to"] = comp
            slots["to.obj"] = self.object(comp)
        return slots

    def _particle_object(self, verb: Token) -> bool:
        """Whether the parse took a phrasal verb's object for a preposition's ("flew in food", "sent out troops"):
        a phrase right after the verb on "in"/"out" that one of the verb's entries takes as its object ("flew in
        secret", "arrived in Baghdad" are no objects)."""
        stranded = [c for c in self.children(verb) if c.dep_ in OBLIQUE and c.left_edge.i == verb.i + 1
                    and _case(c) in ("in", "out")]
        return any(e.objects not in (None, NO_OBJECT) and self._has_words(c, e.objects)
                   for c in stranded for e in self.lex.candidates("verb", self.lemmas(verb)))

    def best_entry(self, token: Token) -> tuple[Entry, dict] | None:
        """The most specific lexicon entry the token matches, with its slots; looked up once per token
        (its sentence's parse repairs are made before any lookup)."""
        if token.i not in self._entries:
            self._entries[token.i] = self._best_entry(token) if self.may_trigger(token) else None
        return self._entries[token.i]

    def _best_entry(self, token: Token) -> tuple[Entry, dict] | None:
        pos = "noun" if _nominal(token) else "verb" if _verbal(token) or self.feeling(token) else None
        # a copular predicate ("is in touch with", "are ready to") is looked up as one first
        predicate = self.lex.candidates("predicate", self.lemmas(token)) if _copular(token) else ()
        if pos is None and not predicate:
            return None
        entries = (*predicate, *(self.lex.candidates(pos, self.lemmas(token)) if pos else ()))
        # a particle some entry of the verb asks for makes a verb other than a prepositional one: "called off the
        # ceremony on short notice" is no "call on"; but an entry with an object of its own still holds ("cut off
        # aid to X", "shut down its border with X")
        particles = {e.particle for e in entries if e.particle}
        particles = particles and particles & {c.lower_ for c in self.children(token) if _particle(c)}
        for entry in entries:
            if particles and entry.particle is None and entry.preps and entry.objects is None:
                continue
            slots = self.match(token, entry)
            if slots is not None:
                return entry, slots
        return None

    def children(self, token: Token) -> tuple[Token, ...]:
        """``token.children``, built once per token."""
        found = self._children.get(token.i)
        if found is None:
            found = self._children[token.i] = tuple(token.children)
        return found

    def subtree(self, token: Token) -> tuple[Token, ...]:
        """``token.subtree``, walked once per token."""
        found = self._subtrees.get(token.i)
        if found is None:
            found = self._subtrees[token.i] = tuple(token.subtree)
        return found

    def may_trigger(self, token: Token) -> bool:
        """Whether the token's form or lemma is one a lexicon entry can fire on (a cheap filter)."""
        return token.i in self._trigger_words

    def _tokens(self, sent: SpacySpan, positions: _Positions) -> list[Token]:
        """The sentence's tokens at ``positions``."""
        return [sent.doc[i] for i in positions.within(sent.start, sent.end)]

    def lemmas(self, token: Token) -> tuple[str, ...]:
        """``lemmas(token)``, computed once per token."""
        found = self._lemmas.get(token.i)
        if found is None:
            found = self._lemmas[token.i] = lemmas(token) if token.i in self._after_hyphen else \
                _word_lemmas(token.lemma_.lower(), token.lower_)
        return found

    def has_form(self, token: Token, words: Collection[str]) -> bool:
        """Whether one of the token's lemmas is among ``words``."""
        return any(w in words for w in self.lemmas(token))

    # --- status ---------------------------------------------------------------------------------
    def status(self, trigger: Token) -> tuple[Status | None, str | None]:
        """The trigger's own modality (negated / hypothetical / future), inherited along xcomp; worked out once per
        token and sentence."""
        found = self._statuses.get(trigger.i)
        if found is None:
            found = self._statuses[trigger.i] = self._status(trigger)
        return found

    def _status(self, trigger: Token) -> tuple[Status | None, str | None]:
        token: Token | None = trigger
        while token is not None:
            words = {c.lower_ for c in self.children(token) if c.dep_ in ("aux", "advmod", "neg", "det", "aux:pass")}
            if token.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lower_ in HAVE_AUX for c in self.children(token)):
                words -= {"'d", "’d"}  # "it'd already imposed sanctions": 'd is "had", not "would" (see ``_date``)
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in self.children(token)):
                return "hypothetical", "the condition of a conditional"  # "if it did not withdraw": not a fact
            if words & NEGATIONS and not _not_only(token):
                return "negated", f"negation '{min(words & NEGATIONS)}'"
            if any(c.lower_ == "longer" and c.dep_ == "advmod" and any(g.lower_ == "no" for g in self.children(c))
                   and not any(g.lower_ == "than" for g in c.subtree) for c in self.children(token)):
                return "negated", "'no longer'"  # "Iran will no longer abide by the deal"; not "no longer than a week"
            if any(c.dep_ == "advcl" and _case(c) in CONDITION_MARKS for c in self.children(token)):
                # ("would strike if attacked" is doubted; "announced a tariff unless ...", "will impose sanctions if
                # ...": set on a condition, see ``_refusal``)
                doubt = words & HYPOTHETICAL_AUX
                return "hypothetical", f"conditional clause (modal '{min(doubt)}')" if doubt else CONDITIONAL_CLAUSE
            if any(c.dep_ == "mark" and c.lower_ == "whether" for c in self.children(token)):
                return "hypothetical", "'whether' clause"
            if words & HYPOTHETICAL_AUX:
                return "hypothetical", f"modal '{min(words & HYPOTHETICAL_AUX)}'"
            if words & FUTURE_AUX:
                return "future", "future auxiliary"
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in PLANNING_VERBS:
                return "future", f"planned ('{token.head.text}')"
            if token.dep_ == "xcomp" and token.head.lemma_.lower() in COMMITMENT_VERBS:
                return "future", f"promised ('{token.head.text}')"
            if token.dep_ == "acl" and _infinitive(token) and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in self.children(token.head)):
                return "negated", f"'no {token.head.text} to ...'"  # "has no plans to withdraw diplomats"
            if token.dep_ == "xcomp" and token.head.lemma_.lower() == "fail":
                return "negated", f"failed ('{token.head.text}')"
            frame = self._gerund_phrase(token)
            if _case(frame) == "from" and frame.head.lemma_.lower() in ABSTENTION_VERBS:
                return "negated", f"kept from ('{frame.head.text} from ...')"  # "turned away from executing"
            if token.dep_ == "xcomp" and token.head.pos_ == "ADJ" or token.dep_ == "acl" and _infinitive(token) \
                    and token.head.lemma_.lower() in CAPACITY_NOUNS:
                # "reluctant to use force", "prepared to act", "a responsibility not to use force"
                return "hypothetical", f"'{token.head.text} to ...'"
            # (a conjunct with a subject of its own is a clause of its own: "X would not meet Y, but Z held out ...")
            own_clause = token.dep_ == "conj" and (any(c.dep_ in SUBJECT for c in self.children(token))
                                                   or _conjoined_subject_before(token) is not None)
            supported = token.dep_ == "obj" and token.pos_ == "NOUN" and (token.head.lemma_.lower() in self.lex.support or (
                token.head.lemma_.lower() in TARGETED_SUPPORT and self._targeted_support(token, token.head)))
            # (an event noun takes the modality of its light verb: "not going to start a war", or of the verb it is
            # taken part in with: "would not participate in the exercises")
            joined = self._participation(token) if token.pos_ == "NOUN" else None
            token = joined if joined is not None else token.head if (
                token.dep_ in ("xcomp", "conj") or supported) and token.head.i != token.i and not own_clause else None
        return None, None

    # --- reported speech ----------------------------------------------------------------------------
    def speech_acts(self, sent: SpacySpan) -> list[tuple[Token, Token, list[Actor]]]:
        """(speech verb or claim noun, content root, the noun's author) for every report in the sentence;
        a verb's speakers are found when needed (``reporters``)."""
        acts = []
        speech_words = self._tokens(sent, self._speech_words)
        for verb in speech_words:
            if not _verbal(verb) or not self.has_form(verb, self.lex.speech | self.lex.denial):
                continue
            # a copular content clause too: "contended that it was Israel that ..."; not the main clause
            # before "after X said" parsed with "said" as the root
            subordinated = _subordinated_subject(verb)
            content = next((c for c in self.children(verb) if c.dep_ in ("ccomp", "parataxis")
                            and (_verbal(c) or any(x.dep_ == "cop" for x in self.children(c)))
                            and (subordinated is None or c.i > subordinated.i)), None)
            if content is None and verb.dep_ in ("parataxis", "ccomp") and _verbal(verb.head) \
                    and not any(c.dep_ in OBJECT for c in self.children(verb)) and not _subordinate(verb.head):
                content = verb.head  # "Y attacked Z, X said" (not "After Y attacked Z, X recalled its envoy")
            if content is None:  # "told the UN that it is prepared to ..." with the clause hung on the addressee
                content = next((c for o in self.children(verb) if o.dep_ in OBJECTS for c in self.children(o)
                                if c.dep_.startswith("acl") and _verbal(c) and _that_clause(c)), None)
            if content is None:
                content = self._misparsed_content(verb)
            if content is None or content.i == getattr(self._claim_clause(verb), "i", None):
                continue  # "rejected an accusation by X that ...": the clause is X's claim, not the verb's
            # "that it was Libya that carried out ..." with the cleft's clause a sibling of "Libya": that clause
            content = next((c for c in self.children(verb) if c.dep_ == "ccomp" and c.i > content.i and any(
                s.dep_ in SUBJECT and getattr(_cleft_focus(s), "i", None) == content.i for s in self.children(c))), content)
            acts.append((verb, content, None))
        for noun in speech_words:
            if noun.pos_ in NOMINAL and self.has_form(noun, self.lex.speech_nouns):
                content = next((c for c in self.children(noun) if c.dep_ in ("acl", "ccomp", "acl:relcl") and _verbal(c)
                                and _that_clause(c)), None)
                if content is None and noun.dep_ in OBJECT:
                    content = self._claim_clause(noun.head)
                author = self.noun_source(noun)
                if content is not None and author is not None:
                    acts.append((noun, content, author))
        for marker in self._tokens(sent, self._attribution_markers):
            # "Y attacked Z, according to X" / "... according to a statement from X": X reports the clause
            source = marker.head
            content = source.head
            if marker.dep_ != "case" or source.i == content.i or not (
                    _verbal(content) or any(c.dep_ == "cop" for c in self.children(content))):
                continue
            # (who is named, or a statement's author; not the signatories of "the agreement signed by X and Y")
            author = self.actor(source) if self.mention_at(source) is not None or source.pos_ == "PRON" else \
                self.noun_source(source) if self.has_form(source, self.lex.speech_nouns) else None
            if author is not None:
                acts.append((marker, content, author))
        for verb in self._tokens(sent, self._naming_verbs):
            # "X called Y's decision a mistake": X says the decision was a mistake (the predicate of the object)
            # (also parsed as two objects: "called the airstrike an act of aggression")
            named = _named_pair(verb)
            if _verbal(verb) and named is not None and not self.has_form(verb, self.lex.speech | self.lex.denial):
                self._subject_of.setdefault(named[1].i, named[0])
                acts.append((verb, named[1], None))
        return acts

    def _quoted_sentence(self, sent: SpacySpan) -> tuple[Token, Token, Actor] | None:
        """A sentence of a direct quote whose cue lies in another sentence (a paragraph of quotation attributed to
        the last speaker): (its quotation mark, its root, the quote's speaker), a report like any other."""
        root = sent.root
        quote = next((q for q in self.quotes if q.kind == "direct" and q.span[0] <= root.idx < q.span[1]), None)
        if quote is None or quote.cue_span is not None and sent.start_char <= quote.cue_span[0] < sent.end_char \
                or not (_verbal(root) or any(c.dep_ == "cop" for c in self.children(root))):
            return None
        mark = next((t for t in sent if t.is_quote), None)
        return (mark, root, quote.speaker) if mark is not None else None

    def _claim_clause(self, verb: Token) -> Token | None:
        """"rejected an accusation by X that Y ..." parsed with the that-clause on the verb: the clause
        after the verb's claim-noun object is the noun's content."""
        noun = next((c for c in self.children(verb) if c.dep_ in OBJECT and self.has_form(c, self.lex.speech_nouns)), None)
        if noun is None:
            return None
        return next((c for c in self.children(verb) if c.dep_ == "ccomp" and c.i > noun.i and _verbal(c) and _that_clause(c)),
                    None)

    def _misparsed_content(self, verb: Token) -> Token | None:
        """"X said Russian forces were attacking ..." parsed with "forces" as the object of "said" and
        "attacking" elsewhere: the object is the subject of the next subject-less verb."""
        obj = next((c for c in self.children(verb) if c.dep_ in OBJECT and c.pos_ in NOMINAL), None)
        if obj is None:
            return None
        for t in verb.doc[obj.right_edge.i + 1: min(obj.right_edge.i + 6, verb.sent.end)]:
            if (_verbal(t) and t.dep_ not in ("aux", "aux:pass", "cop") and t.tag_ in ("VBG", "VBD", "VBN", "VBZ", "VBP")
                    and not any(c.dep_ in SUBJECT for c in self.children(t))):
                self._subject_of[t.i] = obj
                return t
        return None

    def reporters(self, cue: Token, author: Actor | None) -> list[Actor]:
        """Who reports: a claim noun's author, else the speakers of the verb."""
        return [author] if author is not None else self.speakers(cue)

    def speakers(self, verb: Token) -> list[Actor]:
        """Who says: the subject, else the actor named just before the verb ("after X said"); once per verb."""
        if verb.i not in self._speakers:
            self._speakers[verb.i] = self._speakers_of(verb)
        return self._speakers[verb.i]

    def _speakers_of(self, verb: Token) -> list[Actor]:
        return self.actors(_nearest_subject(verb) or self.subject(verb)) \
            or self.actors(self._named_just_before(verb))

    def quote_speaker(self, token: Token) -> Actor | None:
        """The speaker of the quote around ``token``; none for what a cue denies ("X accused Y of Z,
        which Y denied": the reporter states the accusation)."""
        quote = next((q for q in self.quotes if q.span[0] <= token.idx < q.span[1]), None)
        cue = token.doc.char_span(*quote.cue_span, alignment_mode="expand") if quote and quote.cue_span else None
        if quote is None or cue is not None and self.has_form(cue.root, self.lex.denial):
            return None
        subordinated = _subordinated_subject(cue.root) if cue is not None and quote.kind == "indirect" else None
        if subordinated is not None and token.i < subordinated.i:
            return None  # the main clause before "after X said" is no part of what X said
        if quote.kind == "indirect" and any(_contrast_clause(a) for a in (token, *token.ancestors)):
            return None  # "X says A, while Y demands B": the writer's contrast
        return quote.speaker

    def claimant(self, speakers: list[Actor], verb: Token | None, trigger: Token) -> Actor | None:
        """Whose claim the content is: a coded speaker that is not a news outlet reporting (a person named
        by a media body's title, "WikiLeaks founder Julian Assange", makes claims of their own)."""
        speaker = speakers[0] if speakers else self.quote_speaker(verb if verb is not None else trigger)
        if speaker is None or not speaker.code or speaker.code.endswith("MED") and not (speaker.name and speaker.kb_id is None):
            return None
        return speaker

    # --- one sentence -------------------------------------------------------------------------------
    def sentence(self, sent: SpacySpan) -> tuple[list[Candidate], str]:
        self._repair_hung_verbs(sent)
        self._statuses = {}  # (a status read off repairs of this sentence only)
        speech = self.speech_acts(sent)
        # "the U.K. did not say (allege) that Russia was involved": what is not said is neither claimed nor told
        unsaid = {t.i: verb for verb, content, _ in speech if _verbal(verb) and self.status(verb)[0] == "negated"
                  for t in self.subtree(content)}
        speech = [act for act in speech if act[1].i not in unsaid]
        triggers = [(t, m) for t in self._tokens(sent, self._trigger_words) if (m := self.best_entry(t)) is not None]
        out: list[Candidate] = []
        self._coded_here = out
        reasons: list[str] = []
        consumed: set[int] = set()
        for token, (entry, slots) in triggers:
            if token.i in consumed:
                continue
            if token.i in unsaid:
                reasons.append(f"not an act: the content of '{unsaid[token.i].text}', which is negated")
                continue
            if entry.to is not None and slots.get("to") is not None and not self.has_form(token, RESPONSIBILITY_CLAIMS):
                # "threaten to attack", "threatened to launch an offensive": the threat, not the attack (but
                # "admitted shooting down the plane": the admission and the act admitted)
                consumed.update(t.i for t in (slots["to"], slots.get("to.obj")) if t is not None)
            swallowed = set(consumed)
            made, reason = self.events_for(token, entry, dict(slots), consumed)
            if not made:  # a trigger that codes nothing leaves its event-noun object to code itself
                consumed &= swallowed
            out.extend(made)
            if reason:
                reasons.append(reason)
        accusers = {c.trigger: c.source for c in out if c.code.startswith("11")}
        out = self.apply_speech([self._accused_act(c, accusers) for c in _authored_elsewhere(out)], speech, sent)
        out += self.bare_denials(speech, out)
        # a report whose content codes nothing: the statement itself may be the act (also beside an event told
        # outside it: "Asked about Iran's arrest of spies, Pompeo said Iran has a long history of lying")
        coded = {t for c in out for t in (c.trigger, *c.tokens)}
        silent = [act for act in speech if act[0].i not in coded and not any(t.i in coded for t in self.subtree(act[1]))
                  and not self._joint_obligation(*act)]
        quoted = self._quoted_sentence(sent) if not speech else None
        if quoted is not None and not any(t.i in coded for t in quoted[1].subtree):
            silent.append(quoted)
        out += self.statement_acts(silent) if silent else []
        out += self.contested_accusations([act for act in silent if not self.is_event_trigger(act[0], out)], out)
        told = [act for act in speech if act not in silent]
        out = self._warnings(self._disputed_claims(out, told), told)
        self.accusations.extend(c for c in out if c.code.startswith("11"))
        self.history.extend(out)
        if out:
            return out, ""
        if reasons:
            return [], reasons[0]
        unfitted = self._unfitted(sent)
        return [], ("no event in the reported content" if speech else "no trigger") + (
            f" (no lexicon entry fits {', '.join(repr(t.text) for t in unfitted)} here)" if unfitted else "")

    def _unfitted(self, sent: SpacySpan) -> list[Token]:
        """The words of the sentence that head some lexicon entry of their part of speech, none of whose
        conditions (object, preposition, complement) the sentence meets."""
        return [t for t in self._tokens(sent, self._trigger_words) if self.best_entry(t) is None
                and self.lex.candidates("noun" if _nominal(t) else "verb" if _verbal(t) else "", self.lemmas(t))]

    def events_for(self, token, entry: Entry, slots: dict, consumed: set[int]) -> tuple[list[Candidate], str | None]:
        code, rule, notes = entry.code, f"{entry.pos}-entry", []
        if token.lemma_.lower() in PASSIVE_INFINITIVES and any(c.lower_ == "to" for c in self.children(token)) \
                and any(c.lemma_ == "be" for c in (*self.children(token), token.head)):
            self.untargeted[token.i] = (code, self.actors(self.subject(token)))  # a report of it accuses X
            self.blames.add(token.i)
            return [], f"no actor ('X is to {token.text}': X is the one blamed)"
        if (unasserted := _unasserted(token, self.onto[code].quad_class >= 3)) is not None:
            return [], f"not an act: {unasserted}"
        obj = slots.get("obj")
        if entry.pos == "verb" and entry.objects is None and entry.to is None and not entry.preps and obj is not None \
                and self.has_form(token, self.lex.support) and self.is_event_noun(obj):
            return [], f"light verb: its object '{obj.text}' codes the act"  # "offered his apologies"
        recipients: list[Actor] | None = None
        between = False  # the sources are the parties "between" whom the act is
        felt = self.feeling(token)
        if felt is not None:  # "X was dismayed by Y": X criticises Y (or Y's author)
            subj, slots["obj"] = felt
            sources = self.actors(subj)
            rule = "experiencer"
        elif entry.pos == "predicate":  # "Kerry has been in touch with X", "under siege by Boko Haram"
            subj = slots.get(entry.source)
            sources = self.actors(subj)
        elif entry.pos == "verb":
            subj = self.subject(token)
            sources = self.actors(subj)
            for other in self.children(token):  # "The US, Russia, and Switzerland met": subjects parsed apart
                if other.dep_ in SUBJECT and subj is not None and other.i != subj.i and other.i not in self._adjunct_objects \
                        and not _cut_conjunct_subject(token, other):
                    sources += [a for a in self.actors(other) if a not in sources]
            if _list_tail_subject(token):  # ... or the list's head taken for a relative clause's antecedent
                sources = [a for a in self.actors(token.head) if a not in sources] + sources
            sources += [a for a in self.co_agents(token) if a not in sources]
            acting_noun = subj is not None and subj.dep_ in SUBJECT and not sources and code[:2] in ("18", "19", "20")
            if subj is None and code[:2] in VIOLENT_ROOTS and self.passive(token):
                # "12 people were killed in an Israeli airstrike": the act the harm came in stands for the agent
                subj = next((c for c in self.children(token) if c.dep_ in OBLIQUE and _case(c) in ("in", "during")
                             and self.is_event_noun(c) and (self.best_entry(c) or (entry,))[0].code[:2] in VIOLENT_ROOTS), None)
                acting_noun = subj is not None
            if subj is not None and (_case(subj) == "by" or acting_noun) and self.is_event_noun(subj):
                # "killed by Syrian shelling", "Saudi-led airstrikes killed ...": the agent is an act; its author
                # is the source
                noun_entry = self.best_entry(subj)
                # (a definite act with no author named: "were killed in the raid" told right after the raid)
                author = self.noun_source(subj) or (
                    self._recent_author(subj, noun_entry[0].code[:2], self.actors(_passive_subject(token)))
                    if noun_entry and any(c.lower_ in DEFINITE for c in self.children(subj)) else None)
                sources = [author] if author else []
                consumed.add(subj.i)
                if noun_entry and noun_entry[0].code[:2] in ("18", "19", "20") and code[:2] in ("18", "19", "20"):
                    code, rule = noun_entry[0].code, "passive-agent-act"
                    notes.append(f"agent act '{subj.text}' ({noun_entry[0].id})")
            if subj is not None and not sources and _case(subj) == "by" and _nominal(subj) \
                    and (launcher := self._launcher(token, subj)) is not None:
                # "was blown up by a missile (believed to be) fired by rebels": who fired the weapon
                sources = self.actors(launcher)
                notes.append(f"the weapon '{subj.text}' is '{launcher.text}''s")
            obj = slots.get("obj")
            if code[:2] in ATTACK_ROOTS and obj is not None and obj.lemma_.lower() in self.lex.classes.get("not_attacked", ()) \
                    and not self.has_form(token, BOMBARDMENT_VERBS):  # ("bombed a market" is no figure of speech)
                return [], f"not an attack: '{token.text} {obj.text}'"
            if code[:2] == "12" and (option := self._ruled_out_option(token, entry)) is not None:
                return [], f"not a rejection: an option ruled out ('{option.text}'), no one's proposal"
            if obj is not None and obj.i != token.i and self.is_event_noun(obj):
                consumed.add(obj.i)
        else:
            # an object, also one the parse took for an unmarked oblique or a complement ("continue to wage attacks")
            support = next((t for t in self.children(token) if t.i in self._hung_verbs), None) or (
                token.head if _verbal(token.head) and (
                    token.dep_ in OBJECT | PASSIVE_SUBJECT | {"xcomp"} or token.dep_ == "obl" and _case(token) is None)
                else None) or self._participation(token) or self._measuring_verb(token, code) or self._infinitive_support(token)
            own = self.noun_source(token)
            givers = self._givers(token, support) if own is None else []
            if own is not None:
                sources = [own]
                if support is not None and self.has_form(support, SUFFERING_VERBS):  # "suffered strikes by X"
                    recipients = self.actors(self.subject(support)) or None
                elif _case(token) == "under" and _verbal(token.head):
                    # "Beijing, under pressure from Washington, ...", "X came under pressure from Y": the subject is
                    # the one acted on, or no one named
                    recipients = self.actors(self.subject(token.head))
                    if recipients and not any(_side(a) for a in recipients):  # (one side unknown: no event data)
                        return [], f"no actor (target '{recipients[0].text}' is of no country)"
            elif givers:  # "received assurances from X", "faces pressure from X": X acts on the recipient
                sources, recipients = givers, self.actors(self.subject(support))
                rule = "received-act"
                notes.append(f"received through '{support.text}'")
            elif support is not None and (self.has_form(support, self.lex.support)
                                          or support.i == getattr(self._participation(token), "i", None)
                                          or self._targeted_support(token, support)):
                sources = self.actors(self.subject(support))
                sources += [a for a in self.co_agents(support) if a not in sources]
                rule = "support-verb"
                notes.append(f"supported by '{support.text}'")
            elif len(parties := self.actors(self.prep_object(token, "between", deep=False))) > 1 \
                    and "prep:between" in entry.target:
                sources, between = parties, True  # "the talks between Serbia and Kosovo": each party with the other
            elif (host := _adjunct_host(token, code)) is not None and (sources := self.actors(
                    _passive_subject(host) if self.passive(host) else self.subject(host))):
                # "Pompeo returned home after a meeting with Kim": a consultation told as the time of the clause's
                # act is its subject's
                rule = "adjunct-consultation"
                notes.append(f"the subject of '{host.text}', which '{token.text}' is the time of")
            else:
                return [], "no actor (nominal act without its author)"
        if not sources and entry.pos == "verb" and felt is None and subj is None \
                and (unnamed := self.unnamed_agent(token, code)) is not None:
            sources, rule = [unnamed], "agentless-passive"
            notes.append(unnamed.why)
        order = self.target_slots(token, entry, slots)
        targets = self.targets(order, slots, sources) if recipients is None else recipients
        if entry.pos == "verb" and code[:2] in ("02", "10"):  # asked to free X: X's captors are asked, not X
            held = self._victims(slots.get("obj")) if self.has_form(slots.get("obj") or token, RELEASE_NOUNS) else ()
            captives = [t for t in targets if any(t.span[0] <= i < t.span[1] for i in held)]
            targets = [t for t in targets if t not in captives]
            if captives and not targets and self.sentence_target(token, sources) is None:
                # no captor named: the state the captives belong to ("demanded the release of Navalny" → Russia)
                targets = [replace(t, code=_side(t), role=None, why=f"the state of the captive '{t.text}'")
                           for t in captives if len(_side(t) or "") == 3]
        if entry.code[:2] >= "15":  # news media report, they do not fight
            sources = [s for s in sources if not (s.code or "").endswith("MED")]
        if entry.code == "150" and entry.pos == "verb" and entry.objects in (None, NO_OBJECT):
            # forces deploying themselves ("police fanned out across Basra"), not doctors or rescue workers
            sources = [s for s in sources if _role(s) in ARMED_ROLES | {None}]
        if code == "145" and sources and all(_role(s) in ARMED_ROLES for s in sources) and not self.has_form(token, {"storm"}):
            code, rule = PROPERTY_DESTRUCTION, "armed-destruction"  # armed men burning schools do not riot
            notes.append("burned or demolished by an armed or state actor: destruction of property")
        if code == NON_MILITARY_BOMBING and sources and all(_role(s) in (None, "GOV", "MIL") and len(_side(s) or "") == 3
                                                             for s in sources):
            code, rule = AERIAL_ATTACK, "state-bombing"  # "the United States and its allies began bombing"
            notes.append("bombing by a state or its military: aerial weapons")
        if code[:2] in ATTACK_ROOTS and _weapons_test(token):
            code = WEAPONS_TEST  # "North Korea test-fired a missile": a show of force, no attack
        if code == "0831":  # leaders step down; a TV host resigning is no political event
            sources = [s for s in sources if s.role not in WITNESS_ROLES]
        if not sources:
            unknown = self.sourceless(token, entry, code, subj, slots, notes) if entry.pos == "verb" and felt is None else []
            return unknown, None if unknown else "no actor (no coded source)"
        each_other = any(_reciprocal_pronoun(slots.get(slot)) for slot in order) or _reciprocal_after(token)
        pairs = [] if each_other else [(s, t) for s in sources for t in targets if s.span != t.span]
        if (not targets or each_other) and (entry.reciprocal or between or each_other) and len(sources) > 1:
            pairs = [(s, t) for s in sources for t in sources if s is not t]
            rule = "reciprocal"
        # a threat to attack is aimed where the attack would be ("a plan to strike Guam")
        anchor = slots["to"] if code[:2] == "13" and slots.get("to") is not None else token
        if not pairs and (entry.code.startswith(LOCATION_TARGET_CODES) or anchor is not token):
            place = event_location(self.ctx, anchor)
            inside = place is not None and anchor.left_edge.idx <= place.span[0] < anchor.right_edge.idx + len(anchor.right_edge)
            if inside and place.country and not any(s.span[0] <= place.span[0] < s.span[1] for s in sources):
                where = Actor(text=place.text, span=place.span, code=place.country, country=place.country,
                              why="the country where the act took place (no target named)")
                # (an actor of no known country acting in a place is most likely local to it; a lone attacker's
                # force is not against the country: "a gunman fired shots in Lyon")
                pairs = [(s, where) for s in sources if (_side(s) not in (None, place.country) or entry.code[:2] >= "18")
                         and not LONE_ATTACKERS.intersection(s.text.lower().split()[-1:])]
                rule = "location-as-target"
        if not pairs:
            named = self.uncoded_target(order, slots, sources)
            aimed = code.startswith(SENTENCE_TARGET_CODES) and rule != "experiencer"  # a feeling is about its cause only
            nearby = self.sentence_target(token, sources) if aimed else None
            if named is not None and code.startswith(CUSTODY_CODES):  # "arrested Tomas Ekberg": kept, with its text
                pairs = [(s, named) for s in sources]
                rule = "uncoded-target"
                notes.append(f"target '{named.text}' names an actor the knowledge base does not code")
            elif named is not None:  # (a dyad with one side unknown is no event data)
                return [], f"no actor (target '{named.text}' names an actor the knowledge base does not code)"
            elif nearby is not None:
                pairs = [(s, nearby) for s in sources]
                rule = "sentence-target"
                notes.append(f"no target in the syntax: '{nearby.text}', the nearest other side's actor in the sentence")
            elif code[:2] == "11" and (leading := self.unnamed_author(slots.get("obj"), sources)) is not None:
                pairs = [(s, leading) for s in sources]
                rule = "story-side-target"
                notes.append(f"'{leading.text}' names no author: the story's leading other side {leading.code}")
            elif code.startswith(AFFECTED_PEOPLE_CODES) and (affected := self._affected_people(token, code, sources)) is not None:
                # relief or a curfew with no one named: "the Marines flew in supplies of food", "the Coast Guard is
                # heading up the search-and-rescue effort", "lifted the state of emergency"
                pairs = [(s, affected) for s in sources]
                rule = "affected-people-target"
                notes.append(affected.why)
            elif code[:2] == AID_ROOT and entry.pos == "verb" and (entry.objects or entry.preps) \
                    and (setting := self._story_setting(token, sources)) is not None:
                # other aid delivered: "the US sent $20 million in aid" in a story set in Kenya
                pairs = [(s, setting) for s in sources]
                rule = "story-country-target"
            elif code[:2] in ATTACK_ROOTS and (shared := self._shared_attack_target(token, sources)):
                pairs = [(s, t) for s in sources for t in shared]
                rule = "shared-target"
                notes.append("no target named: the victims of the attack it is told with")
            elif code.startswith(TARGETLESS_CODES) or self._untargeted_attack(token, code, entry, slots, rule) \
                    or self._untargeted_refusal(token, code) \
                    or code == "110" and felt is None and not any(
                    slots.get(f"prep:{p}") is not None for p in CAUSE_PREPS):  # "voiced serious concern", about nothing named
                pairs = [(s, None) for s in sources]
                rule = "no-target"
            else:
                self.untargeted[token.i] = (code, sources)
                return [], "no actor (no coded target)"
        if code.startswith(CUSTODY_CODES):  # "Iran's arrest of spies": those a state arrests are in its hands
            pairs = [(s, _belonging(t, s, f"held by '{s.text}'") if _stateless(t) and len(_side(s) or "") == 3 else t)
                     for s, t in pairs]
        # (nor is ordering one's own forces or officials out an expulsion: "ordered his troops to leave")
        pairs = [(s, t) for s, t in pairs if not _self_directed(s, t) and not (
            code.startswith(EXPULSION_CODES) and _same_side(s, t) and _role(t) in ARMED_ROLES)]
        if not pairs:
            return [], "source and target are the same actor"
        if code == OCCUPATION and all(t is not None and _political_rivals(s, t) for s, t in pairs):
            return [], "not an occupation: a party or body taking control of another of its country (an election)"
        if code[:2] in ATTACK_ROOTS and entry.pos == "verb" and self.has_form(token, VERBAL_ATTACKS) \
                and all(t is not None and _political_rivals(s, t) for s, t in pairs):
            code, rule = VERBAL_ATTACK, "political-attack"  # "Trump continued to target the younger Biden"
            notes.append("one political figure of a country attacking another: in words")
        status, why = self.status(token)
        declared = self._declared(token, code)
        if declared is not None:  # "Iran is ready to strike Israel": a threat, not a hypothetical attack
            kind, code = declared
            status, why, rule = None, f"'{token.head.text} to {token.text}': its source's {kind}", f"declared-{kind}"
        elif token.dep_ == "xcomp" and token.head.lemma_.lower() in RELUCTANCE:
            return [], f"not an act: '{token.head.text} to {token.text}'"
        elif status == "negated" and code.startswith(SPOKEN_ROOTS) and not self._refused(token, code, status):
            return [], f"not an act: a verbal act denied ({why})"  # "did not allege", "never threatened" (not "would not meet")
        if rule == "no-target" and code == "110" and status == "hypothetical":
            return [], "no actor (concern that is only hypothetical, about nothing named)"
        if why:
            notes.append(why)
        if code.startswith(MUTUAL_CODES) and rule != "reciprocal" and status in (None, "future"):
            # "X held talks with Y": Y held talks with X too (not so for "X would not meet Y")
            pairs += [(t, s) for s, t in pairs if t is not None and t.code and (t, s) not in pairs]
            notes.append("a consultation both sides hold")
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

    def _ruled_out_option(self, verb: Token, entry: Entry) -> Token | None:
        """What a rejection verb turns down when it is an option rather than a proposal or a side: a place or
        other name no actor is coded for, where the entry asks for no particular object ("ruled out the Korean
        Peninsula's Demilitarized Zone": no rejection of South Korea), or anything turned down as a venue ("ruled
        out Singapore as a venue")."""
        objects = [c for c in self.children(verb) if c.dep_ in OBJECT]
        named = next((c for c in objects if entry.objects is None and (c.pos_ == "PROPN" or c.ent_type_ in PLACE_ENTITIES)
                      and not getattr(self.mention_at(c), "code", None)), None)
        # (the "as" phrase on the verb or on its object)
        return named or next((g for t in (verb, *objects) for g in self.children(t) if g.dep_ in OBLIQUE
                              and _case(g) == "as" and g.lemma_.lower() in VENUE_NOUNS), None)

    def _untargeted_refusal(self, token: Token, code: str) -> bool:
        """A cooperative act its source will or would not do, with no one named: a refusal, which needs no
        target ("Turkey will not bow to economic warfare", "Iran won't release the tanker")."""
        return self.lex.refused_code(code) is not None and self.status(token)[0] == "negated" and _refusing(token)

    def _shared_attack_target(self, token: Token, sources: list[Actor]) -> list[Actor]:
        """ "attacking the civilian people, carrying out massacres": an attack with no target told beside
        another attack by the same side aims at that attack's victims."""
        verb = token if _verbal(token) else token.head
        if verb.dep_ not in ("conj", "advcl") or not _verbal(verb.head):
            return []
        other = self.best_entry(verb.head)
        if other is None or other[0].code[:2] not in ATTACK_ROOTS \
                or {_side(a) for a in self.actors(self.subject(verb.head))} != {_side(s) for s in sources}:
            return []
        return [a for a in self.actors(other[1].get("obj")) if all(a.span != s.span for s in sources)]

    def _untargeted_attack(self, token: Token, code: str, entry: Entry, slots: dict, rule: str) -> bool:
        """An attack told as a plain fact by a verb, with no target named: coded without a target ("Israel
        carried out Monday's airstrike" on the noun its light verb supports; "the commandos raided a village"),
        but not as a bare noun ("the Syrian war"), a figurative verb ("fight impunity"), a passive with no
        agent, nor what is only possible, negated or not a fact ("capable of hitting", "not to use force")."""
        obj = slots.get("obj")
        told = rule == "support-verb" if entry.pos == "noun" else not (obj is not None and self.is_event_noun(obj)) \
            and not self.has_form(token, FIGURATIVE_ATTACKS) and not self.passive(token)
        # (nor what someone is accused of: "accused the army of using excessive force" codes the accusation)
        accused = any((act := self.best_entry(a)) is not None and act[0].code.startswith("11")
                      for a in list(token.ancestors)[:2])
        return code[:2] in ATTACK_ROOTS and told and not accused and self.status(token)[0] is None \
            and not any(a.lower_ in CAPACITY_ADJECTIVES for a in token.ancestors)

    def unnamed_agent(self, verb: Token, code: str) -> Actor | None:
        """The source of an act told in the passive without an agent: for an act of the state (arrest,
        charge, deport ...) the authorities (police, courts, government) of the state where it happened, the
        place named in the sentence or, for custody and legal acts, the country the story is set in; for an attack,
        the country it came from ("rockets were fired from Gaza") or the author of the like act just told; for an
        abduction, the armed group the article names most."""
        if not self.passive(verb):
            return None
        if code.startswith(STATE_ACT_CODES):
            place = event_location(self.ctx, verb)  # ... named in the verb's own clause (not a party named: "the SDF")
            named = verb.doc.char_span(*place.span, alignment_mode="expand")[0] if place is not None else None
            # (or where the act is reported from by its own police or courts: "In Cairo, a police spokesman said 40
            # people had been arrested"; not by others there: "In Geneva, a UN spokeswoman said 40 were detained")
            inside = named is not None and (verb.left_edge.i <= named.i <= verb.right_edge.i
                                            or verb.dep_ == "ccomp" and named.head.i == verb.head.i and named.i < verb.head.i
                                            and self._custodians_say(verb.head, place.country))
            if place is not None and (not inside or self.mention_at(named) is not None or _in_clause_below(named, verb)):
                place = None
            if place is None and code.startswith(UNNAMED_AUTHORITY_CODES) and self.has_form(verb, AUTHORITY_VERBS) \
                    and "relcl" not in verb.dep_:  # (not a captive's past: "Gross, who was jailed for five years")
                place = self._story_place(verb)  # ... or, with none in its clause, where the story is set
            if place is None or not place.country:
                return None
            role = self._authority_role(verb, code)
            return Actor(text=place.text, span=place.span, code=place.country + role, country=place.country, role=role,
                         why=f"'{verb.text}' names no agent: unnamed authorities ({role}) of the country where it "
                             f"happened ({place.country})")
        origin = self.prep_object(verb, "from", deep=False) if code[:2] in ATTACK_ROOTS else None
        if origin is None:
            victims = self.actors(_passive_subject(verb))
            recent = self._recent_author(verb, code[:2], victims) if code[:2] in VIOLENT_ROOTS else None
            if recent is not None:
                return replace(recent, why=f"'{verb.text}' names no agent: the author of the {code[:2]} act just told "
                                           f"({recent.text})")
            return self._leading_captor(verb, victims) if code.startswith(ABDUCTION_CODE) else None
        named = self._named_actor(origin)
        place = next((p for p in self.ctx.places if p.span[0] <= origin.idx < p.span[1]), None)
        country = _side(named) if named is not None else place.country if place is not None else None
        if not country:
            return None
        where = named or place
        return Actor(text=where.text, span=where.span, code=country, country=country,
                     why=f"'{verb.text}' names no agent: the country it came from ({where.text})")

    def sourceless(self, verb: Token, entry: Entry, code: str, agent: Token | None, slots: dict,
                   notes: list[str]) -> list[Candidate]:
        """Violence told in the passive with no author to be found: a verb of intentional violence
        (``INTENTIONAL_VIOLENCE``: "He was kidnapped in 2013", "Bolsonaro was stabbed") with no agent, or any harm
        whose agent is an attack named with no author (``ATTACK_NOUNS``: "Twelve villagers were killed in the
        shelling"), no earlier author (``unnamed_agent``) and none named elsewhere (``_author_named``), asserted as
        done (``_unreal``), not by accident nor to "no" one, and done to coded actors of a known side: one event each
        with an unknown source (``None``). Harm alone ("were killed", "were hit by tariffs", "attacked for his
        remarks"), acts whose author an active clause does not name, participles used as adjectives ("injured
        people") and nationality words of a victim the knowledge base does not know ("Kenyan" in "Kenyan miners")
        code nothing."""
        if code[:2] not in VIOLENT_ROOTS or not self.passive(verb) or verb.dep_ == "amod":
            return []
        found = self.best_entry(agent) if agent is not None and self.is_event_noun(agent) else None
        words = {*self.lemmas(agent), *(f"{c.lower_} {agent.lemma_.lower()}" for c in self.children(agent)
                                        if c.dep_ == "compound")} if found is not None else set()
        act = found is not None and found[0].code[:2] in VIOLENT_ROOTS and bool(words & ATTACK_NOUNS)  # ("in the raid")
        # the victims: the passive's subject, else whom a weapon was fired at (not the weapon's author taken for a
        # target, nor the "hostage" they were taken as, nor their nationality alone)
        victims = self.actors(self.object(verb)) or [
            a for k, v in slots.items() if k.startswith("prep:") for a in self.actors(v)]
        targets = [t for t in victims if not _modifier_only(t, verb.doc)]
        if agent is not None and not act or not act and not self.has_form(verb, INTENTIONAL_VIOLENCE) \
                and not entry.code.startswith(ABDUCTION_CODE) or not targets or not all(_side(t) for t in targets) \
                or self._author_named(verb, agent if act else None) or self._unreal(verb, code):
            return []
        why = f"the act '{agent.text}' names no author" if act else "no 'by' agent"
        notes = [*notes, f"source unknown: agentless passive: {why}, no earlier author"]
        tokens = tuple(sorted({verb.i, *(v.i for v in slots.values() if v is not None)}))
        return [Candidate(code=code, trigger=verb.i, key=lemmas(verb)[0], source=None, target=t, status="asserted",
                          attributed_to=None, rule="sourceless-passive", entry=entry, tokens=tokens, notes=tuple(notes))
                for t in targets]

    def _author_named(self, verb: Token, act: Token | None) -> bool:
        """Whether the sentence names who did an agentless passive's act, though not as its own agent: the "by"
        agent of a verb coordinated with it ("were ambushed and killed by PKK militants"), "at the hands of X", or
        the author of the attack it came in, coded or not ("in a Taliban raid", "in an attack blamed on the
        Taliban", "in fighting with X")."""
        kin = [c for c in self.children(verb) if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            kin += [verb.head, *(c for c in self.children(verb.head) if c.dep_ == "conj" and c.i != verb.i)]
        if any(c.dep_ in OBLIQUE and _case(c) == "by" for k in kin for c in self.children(k)) \
                or any(c.lemma_.lower() == "hand" and _case(c) == "at" for c in self.children(verb)):
            return True
        if act is None:
            return False
        return any(c.dep_ in NOMINAL_LINK and self.actors(c)
                   or c.dep_ in OBLIQUE and _case(c) in ("by", "with", "between", "from")
                   or c.dep_ in ("acl", "acl:relcl") and any(
                       g.dep_ in OBLIQUE and (_case(g) == "by" or _case(g) in ("on", "to") and self.has_form(c, ASCRIBING_VERBS))
                       for g in self.children(c))
                   for c in self.children(act))

    def _unreal(self, verb: Token, code: str) -> bool:
        """Whether an agentless passive tells of no act that happened: one with a modality ("will be killed"), declared
        ready or vowed, denied ("denied that children were killed"), that nearly happened or happens habitually
        (``UNREAL_ADVERBS``; a present "are attacked"), a subjunctive ("ordered that they be executed"), an accident
        ("accidentally shot"), or what "no" one underwent ("no troops were wounded")."""
        if self.status(verb)[0] is not None or self._declared(verb, code) is not None:
            return True
        if any(c.dep_ in ("aux:pass", "auxpass") and c.lemma_ == "be" and c.tag_ in ("VB", "VBZ", "VBP")
               or c.dep_ == "advmod" and c.lower_ in UNREAL_ADVERBS for c in self.children(verb)):
            return True
        if any(self.has_form(a, self.lex.denial) for a in verb.ancestors):
            return True
        if any(t.lower_ in ACCIDENT_WORDS for t in verb.subtree):
            return True
        return any(c.lower_ == "no" for c in self.children(_passive_subject(verb) or verb))

    def _custodians_say(self, speech: Token, country: str | None) -> bool:
        """Whether who say it are the police, spies or judges of the country, or of no country named ("a police
        spokesman"), who may speak of their own arrests."""
        speakers = self.actors(self.subject(speech))
        return bool(speakers) and all(a.role in CUSTODIAN_ROLES and _side(a) in (None, country) for a in speakers)

    def _recent_author(self, token: Token, root: str, done_to: list[Actor]) -> Actor | None:
        """Who did the act of root ``root`` reported last in the token's sentence before it or in the two sentences
        before, outside quotes ("Russian jets struck Aleppo on Monday. Twelve civilians were killed in the raid"):
        the author of an agentless act of that kind told right after it, when it was done to others of a known side."""
        sent, doc = token.sent, token.doc
        start = sent.start
        for _ in range(2):
            start = doc[start - 1].sent.start if start > 0 else start
        author = next((c.source for c in reversed((*self.history, *self._coded_here))
                       if c.code[:2] == root and _side(c.source) and start <= c.trigger < token.i
                       and not any(a <= doc[c.trigger].idx < b for a, b in self.quoted)), None)
        # (whose people they were must be known: soldiers of no country named may be the author's own)
        known = bool(done_to) and all(_side(v) for v in done_to)
        return author if author is not None and known and not any(_same_side(author, v) for v in done_to) else None

    def _leading_captor(self, verb: Token, victims: list[Actor]) -> Actor | None:
        """Who captured people of a known side when no one is named ("Two Israeli soldiers were abducted on Wednesday.
        Hezbollah fighters had fired rockets ..."): the armed group named most, on another side, outside quotes in the
        verb's sentence and the ones right before and after it in the same paragraph, when one clearly leads."""
        if not victims or not all(_side(v) for v in victims):
            return None
        sent, doc, text = verb.sent, verb.doc, self.ctx.article.text
        start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        end = doc[sent.end].sent.end_char if sent.end < len(doc) else sent.end_char
        groups = [a for a in self.ctx.actors if a.role in CAPTOR_ROLES and _side(a)
                  and not any(_same_side(a, v) for v in victims) and start <= a.span[0] < end
                  and "\n" not in text[min(a.span[0], verb.idx):max(a.span[0], verb.idx)]
                  and not any(q <= a.span[0] < r for q, r in self.quoted)]
        ranked = Counter(a.code for a in groups).most_common(2)
        if not ranked or len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        found = min((a for a in groups if a.code == ranked[0][0]), key=lambda a: abs(a.span[0] - verb.idx))
        return replace(found, why=f"'{verb.text}' names no agent: the armed group named most around it ({found.text})")

    def _measuring_verb(self, noun: Token, code: str) -> Token | None:
        """The verb supporting the noun through a measure of it (``_measured_support``), but not a speech verb telling
        of violence: "The UN announced a wave of attacks on aid workers" is no attack by the UN."""
        verb = _measured_support(noun)
        return None if verb is None or code[:2] in VIOLENT_ROOTS and self.has_form(verb, self.lex.speech) else verb

    def _infinitive_support(self, noun: Token) -> Token | None:
        """ "continue to wage attacks" parsed with "to" as the noun's preposition and "wage" as its compound: the verb
        going on with it (continue, begin, resume ...) supports the noun, as in "continued attacks"."""
        head, doc = noun.head, noun.doc
        infinitive = next((c for c in self.children(noun) if c.dep_ == "compound" and c.i > 0 and doc[c.i - 1].lower_ == "to"
                           and doc[c.i - 1].head.i == noun.i and self.has_form(c, self.lex.support)), None)
        return head if infinitive is not None and noun.dep_ == "obl" and self.has_form(head, ASPECTUAL_VERBS) else None

    def _story_place(self, verb: Token) -> Actor | Place | None:
        """The latest mention, before the verb's sentence, of the country the story is set in: a place in it
        or the country itself as an actor ("Russia", not "Russian police")."""
        country = leading_country(self.ctx, verb.sent.start_char)
        mentions = [m for m in (*self.ctx.places, *(a for a in self.ctx.actors if a.code == country))
                    if country and m.country == country and m.span[1] <= verb.sent.start_char]
        return max(mentions, key=lambda m: m.span[0], default=None)

    def _authority_role(self, verb: Token, code: str) -> str:
        """Who acts for the state: the judiciary sentences, charges and convicts, the police arrest and
        detain, the government expels, deports and does the rest."""
        if code.startswith("116") or code.startswith("173") and self.has_form(verb, JUDICIAL_VERBS):
            return "JUD"
        return "COP" if code.startswith("173") else "GOV"

    def target_slots(self, token: Token, entry: Entry, slots: dict) -> list[str]:
        """The entry's target slots in order (conflict acts also try against/at/on), filling ``slots``."""
        order = list(entry.target)
        fallback_preps = CONFLICT_TARGET_PREPS if entry.code[:2] >= "10" else COOPERATION_TARGET_PREPS
        order += [f"prep:{p}" for p in fallback_preps if f"prep:{p}" not in order]
        support = token.head if entry.pos == "noun" and token.dep_ in OBJECT and _verbal(token.head) else None
        if support is not None:  # "held their first meeting with X": the phrase may hang on the verb
            for p in dict.fromkeys(slot[5:] for slot in order if slot.startswith("prep:")):  # in slot order
                slots[f"support.prep:{p}"] = self.prep_object(support, p, deep=False)
                order.append(f"support.prep:{p}")
        if entry.pos == "noun":  # "anti-American protests", "Navalny's arrest"
            slots["anti"] = next((c for c in self.children(token) if c.dep_ in ("amod", "compound") and _opposed(c)), None)
            slots["undergoer"] = self._undergoer(token)
            order += ["anti", "undergoer"]
        for prep, _ in entry.preps:  # "held out the possibility of a meeting with X": the phrase inside
            if (inner := slots.get(f"prep:{prep}")) is not None:
                for p in dict.fromkeys(slot[5:] for slot in order if slot.startswith("prep:")):  # in slot order
                    slots[f"{prep}.prep:{p}"] = self.prep_object(inner, p, deep=False)
                    order.append(f"{prep}.prep:{p}")
        complement = slots.get("to")
        if complement is None and entry.code[:2] in COERCION_ROOTS and entry.to is None:
            # "fired tear gas to disperse demonstrators": force is aimed at whom its purpose names
            purpose = self.complement(token)
            slots["purpose.obj"] = self.object(purpose) if purpose is not None and _infinitive(purpose) else None
            order.append("purpose.obj")
        if complement is not None:  # "threatened to impose sanctions on Uganda"
            for p in (*CONFLICT_TARGET_PREPS, *COOPERATION_TARGET_PREPS, "between"):
                slots[f"to.prep:{p}"] = self.prep_object(complement, p)
                order.append(f"to.prep:{p}")
        if entry.code[:2] in CLAUSE_TARGET_ROOTS and entry.pos == "verb":
            # "demanded that the US cancel ...": the one asked to act is the clause's subject
            clause = next((c for c in self.children(token) if c.dep_ == "ccomp" and _verbal(c)), None)
            slots["that.subj"] = self.subject(clause) if clause is not None else None
            order.append("that.subj")
        obj = self.object(token) if _verbal(token) else None
        for slot in order:
            if slot.startswith("prep:") and slot not in slots:
                slots[slot] = self.prep_object(token, slot[5:])
                if (slots[slot] is None or self._time_at(slots[slot])) and slot in entry.target and obj is not None:
                    # an entry's own target phrase on its object's participle: "lifted a travel ban imposed on X"
                    slots[slot] = next((f for c in self.children(obj) if c.dep_ == "acl" and c.tag_ == "VBN"
                                        if (f := self.prep_object(c, slot[5:], deep=False)) is not None), slots[slot])
            elif slot.startswith("to.prep:") and slot not in slots:  # an entry's own ("withdraw troops from X")
                slots[slot] = self.prep_object(complement, slot[8:]) if complement is not None else None
        return order

    def targets(self, order: list[str], slots: dict, sources: list[Actor]) -> list[Actor]:
        """The actors of the first target slot naming some; one naming actors with a country beats one
        naming only country-less ones ("fired batteries at Russia")."""
        fallback: list[Actor] = []
        obj = slots.get("obj")
        for slot in order:
            found = [a for a in self.actors(slots.get(slot)) if all(a.span != s.span for s in sources)]
            if any(_side(a) for a in found):
                return found
            if slot == "obj" and not found and obj is not None and _nominal(obj) and self.mention_at(obj) is None:
                # "praised the reaction of the US to the crisis": the object's author before phrases inside it
                author = self._author(obj)
                if author is not None and _side(author) and all(author.span != s.span for s in sources):
                    return [author]
            fallback = fallback or found
        # "praised the speedy reaction of X" parsed with two objects, or with "reaction" a conjunct of "speedy"; an
        # act in a prepositional slot is aimed at its author ("an investigation into the attack")
        acts = (t for slot in order if slot.startswith("prep:") and (t := slots.get(slot)) is not None and self.is_event_noun(t))
        for thing in (obj, slots.get("iobj"), *(_conjuncts(obj)[1:] if obj is not None else ()), *acts):
            if not fallback and thing is not None and _nominal(thing) and self.mention_at(thing) is None:
                fallback = self._authors(thing, sources)
        if not fallback and obj is not None and self.has_form(obj, self.lex.speech_nouns) \
                and any(c.lower_ in DEFINITE for c in self.children(obj)):
            # "Mexico rejected the allegation": the author of the latest accusation against the source (not so
            # "rejected reports that ...", which names its own claim)
            accuser = next((c.source for c in reversed(self.accusations)
                            if any(_same_side(c.target, s) for s in sources)), None)
            fallback = [accuser] if accuser is not None else []
        return fallback

    def _author(self, obj: Token) -> Actor | None:
        """The author a non-actor noun names: "X's", "by X", "from X", "of X" (not for a material act:
        "the killing of X" names the victim)."""
        act = self.best_entry(obj)
        authors = ("from",) if self._violent(obj, act) else ("from", "of")
        return self.noun_source(obj) or next(
            (a for p in authors for a in self.actors(self.prep_object(obj, p, deep=False))), None)

    def _authors(self, obj: Token, sources: list[Actor]) -> list[Actor]:
        """Whom acting on a non-actor object is aimed at: "rejected an Indian proposal", "dismissed an
        appeal from X": the author of the object; "praised the agreement between X and Y": its parties;
        "the reaction of the United States" (but "the killing of X" names the victim, not the author);
        "the move", "the violence": the author of the act referred back to."""
        author = self._author(obj)
        if author is not None:
            return [author] if all(author.span != s.span for s in sources) else []
        if (act := _clause_referred(obj)) is not None:  # "X failed to ..., something Y called unacceptable"
            return [a for a in self.actors(self.subject(act)) if all(a.span != s.span for s in sources)]
        if self.is_event_noun(obj):
            parties = [a for a in self.actors(self.prep_object(obj, "between", deep=False))
                       if all(a.span != s.span for s in sources)]
            if parties:
                return parties
        earlier = self.referred_act(obj, sources)
        return [earlier] if earlier is not None else []

    def _story_setting(self, token: Token, sources: list[Actor]) -> Actor | None:
        """The country the story is set in, as its latest place mention before ``token``, when it leads the
        article and is none of the sources' own."""
        country = leading_country(self.ctx, token.idx)
        if country is None or any(_side(s) in (None, country) for s in sources):
            return None
        place = next((p for p in reversed(self.ctx.places) if p.country == country and p.span[1] <= token.idx), None)
        return None if place is None else Actor(text=place.text, span=place.span, code=country, country=country,
                                                why="the country the story is set in (no recipient named)")

    def _affected_people(self, token: Token, code: str, sources: list[Actor]) -> Actor | None:
        """Whom relief or a curfew with no one named is for: the civilians of the country where it happens (the place
        of the act's sentence), else of the country the story is set in so far (its latest place mention); a state
        easing or imposing restrictions with no place named does so on its own people."""
        where: Actor | Place | None = event_location(self.ctx, token)
        if where is None or not where.country:
            start = token.sent.start_char
            country = leading_country(self.ctx, start)
            where = next((p for p in reversed(self.ctx.places) if p.country == country and p.span[1] <= start), None)
        if (where is None or not where.country) and not code.startswith(RELIEF_CODE):
            where = next((s for s in sources if len(_side(s) or "") == 3), None)
        if where is None or not _side(where):
            return None
        country = _side(where)
        return Actor(text=where.text, span=where.span, code=country + "CVL", country=country, role="CVL",
                     why=f"no one named: the people of {country} where it happens ('{where.text}')")

    def unnamed_author(self, obj: Token | None, sources: list[Actor]) -> Actor | None:
        """For a criticised act whose author is not named ("condemned the renewal of the emergency law"):
        the country the article names most before it, other than the critics', when one clearly leads."""
        if obj is None or not _nominal(obj) or self.mention_at(obj) is not None \
                or not any(c.lower_ in DEFINITE for c in self.children(obj)):
            return None
        sides = {_side(s) for s in sources}
        counts = Counter(a.country for a in self.ctx.actors
                         if a.span[1] <= obj.idx and a.country and len(a.country) == 3 and a.country not in sides)
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]):
            return None
        phrase = obj.doc[obj.left_edge.i: obj.right_edge.i + 1]
        return Actor(text=phrase.text, span=(phrase.start_char, phrase.end_char), code=ranked[0][0],
                     country=ranked[0][0], why="an act with no author named: the story's leading other side")

    def referred_act(self, noun: Token, sources: list[Actor]) -> Actor | None:
        """The author of the act a definite noun refers back to ("the move", "the violence", "the riots"):
        the source of the latest act reported so far of a fitting kind by another actor."""
        # ... also one a participle pins down ("rejects measures taken against the court")
        if not any(c.lower_ in DEFINITE or c.dep_ == "acl" and c.tag_ == "VBN" for c in self.children(noun)):
            return None
        lemma = self.lemmas(noun)[0]
        if lemma in ACT_NOUNS:
            roots = ACT_NOUNS[lemma]
        elif (act := self.best_entry(noun)) is not None:
            roots = (act[0].code[:2],)
        else:
            return None
        # (acts told inside a quote are the speaker's, not the story's)
        return next((c.source for c in reversed(self.history) if c.code[:2] in roots and _side(c.source)
                     and not any(a <= noun.doc[c.trigger].idx < b for a, b in self.quoted)
                     and not any(s.code == c.source.code or _self_directed(s, c.source) for s in sources)), None)

    def sentence_target(self, trigger: Token, sources: list[Actor]) -> Actor | None:
        """The coded actor nearest the trigger in its sentence whose country is none of the sources':
        whom a criticism, rejection, appeal, demand or threat with no syntactic target is aimed at
        ("ruled out an end to sanctions" in a sentence about Russia). Not the soldiers or officials a
        criticised attack was done to ("condemned the killing of Israeli soldiers"); civilians killed stand
        for their state's repression ("condemned the killing of protesters in Uganda")."""
        sent, sides = trigger.sent, {_side(s) for s in sources}
        act = self.object(trigger) if _verbal(trigger) else None
        victims = self._victims(act)
        freed = act is not None and self.has_form(act, RELEASE_NOUNS)
        others = [a for a in self.ctx.actors
                  if sent.start_char <= a.span[0] < sent.end_char and _side(a) and _side(a) not in sides
                  and not _overlaps(a.span, sources)
                  and (a.role in CIVILIAN_ROLES and not freed or not any(a.span[0] <= i < a.span[1] for i in victims))
                  and not _in_other_relative_clause(trigger.doc.char_span(*a.span, alignment_mode="expand"), trigger)]
        if not others:  # "called for a ceasefire in Libya": the country of a place named
            others = [Actor(text=p.text, span=p.span, code=p.country, country=p.country, why="the country of a place named")
                      for p in self.ctx.places
                      if sent.start_char <= p.span[0] < sent.end_char and p.country and p.country not in sides
                      and not _overlaps(p.span, sources)]  # (not the source's own words read as a place)
        return min(others, key=lambda a: abs(a.span[0] - trigger.idx), default=None)

    def _violent(self, noun: Token, entry: tuple[Entry, dict] | None) -> bool:
        """Whether a noun names a material act of force, whose "of" phrase is its victim ("the killing of X",
        "the attack of X"), not its author (unlike "the removal of X", "the reaction of X")."""
        return entry is not None and self.onto[entry[0].code].quad_class == 4 \
            or any(r in VIOLENT_ROOTS for r in ACT_NOUNS.get(self.lemmas(noun)[0], ()))

    def _victims(self, act: Token | None) -> frozenset[int]:
        """The offsets of the words naming whom a material act was done to, its "of" phrase without the
        places in it ("condemned the killing of the soldiers": not the soldiers; "of protesters in Uganda":
        Uganda may still be aimed at), or whom a release would free ("demanded the soldier's release": the
        captors are asked, not the soldier); empty otherwise."""
        if act is None or not _nominal(act):
            return frozenset()
        freed = self.has_form(act, RELEASE_NOUNS)
        if not freed and not self._violent(act, self.best_entry(act)):
            return frozenset()
        victim = next((c for c in self.children(act) if _case(c) == "of"), None)
        if victim is None and freed:
            victim = next((c for c in self.children(act) if c.dep_ in ("nmod:poss", "poss")), None)
        heads = _conjuncts(victim) if victim is not None else []
        return frozenset(t.idx for h in heads for t in (h, *self.children(h)) if t is h or t.dep_ in NOMINAL_LINK)

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
            if self.has_form(token, ACTOR_NOUNS):
                phrase = token.doc[token.left_edge.i: token.i + 1]
                return Actor(text=phrase.text, span=(phrase.start_char, phrase.end_char),
                             why="a noun phrase naming an actor the knowledge base does not code")
        return None

    def apply_speech(self, found: list[Candidate], speech, sent) -> list[Candidate]:
        """Reported content becomes alleged (or denied); the reporter's accusation, threat or demand
        ("X said Y must ...") is added."""
        doc = sent.doc
        out: list[Candidate] = []
        claimed: dict[int, tuple[Token, Actor | None]] = {}
        for verb, content, author in reversed(speech):  # the innermost report claims its content
            reporter = verb.head if verb.dep_ == "case" else verb  # ("according to X's statement" is no part of it)
            own = {t.i for t in reporter.subtree} if content.i == reporter.head.i else {verb.i}
            subtree = self.subtree(content)
            own |= {t.i for c in subtree if _contrast_clause(c) for t in c.subtree}
            for t in subtree:
                if t.i not in own:
                    claimed.setdefault(t.i, (verb, author))
        derived: list[Candidate] = []
        for cand in found:
            verb, author = claimed.get(cand.trigger, (None, None))
            speakers = self.reporters(verb, author) if verb is not None else []
            speaker = self.claimant(speakers, verb, doc[cand.trigger])
            if speaker is not None:  # "Obama and Putin said they will ...": a co-speaker's own act
                speaker = next((s for s in speakers[1:] if _same_side(s, cand.source)), speaker)
            if speaker is None or _same_actor(speaker, cand.source) and verb is None:
                out.append(self._refusal(cand, doc[cand.trigger]))
                continue
            if bare_organ(cand.source) and _side(speaker) and len(_side(speaker)) == 3 \
                    and cand.source.text.split()[-1].lower() not in FOREIGN_BODIES:
                # "Egypt's defense minister said security forces would ...": the speaker's own forces
                cand = replace(cand, source=_belonging(cand.source, speaker, f"the speaker's own ('{speaker.text}')"))
            denied = verb is not None and self.has_form(verb, self.lex.denial)
            status: Status = "denied" if denied else cand.status if cand.status != "asserted" else "alleged"
            cue = verb if verb is not None else doc[cand.trigger]
            announced = (self.lex.announced_code(cand.code) if cand.status in ("future", "hypothetical")
                         else self.lex.refused_code(cand.code) if cand.status == "negated" and _modal(doc[cand.trigger])
                         else None)
            if announced and _same_side(speaker, cand.source) and not _state_and_society(speaker, cand.source):
                kind, code = announced
                subject = self.subject(doc[cand.trigger])
                # "Obama and Putin said they will attack": each speaker announces it
                announcers = speakers if subject is not None and subject.lower_ in ("they", "we") else [speaker]
                derived.extend(replace(
                    cand, code=code, source=who, status="asserted", rule=f"reported-{kind}",
                    notes=cand.notes + (f"own side's {cand.status} act {cand.code} announced: {kind}",),
                    tokens=tuple(sorted({cue.i, *cand.tokens})),
                ) for who in announcers or [speaker])
                continue
            if verb is not None and self.has_form(verb, RESPONSIBILITY_CLAIMS) and _same_side(speaker, cand.source) \
                    and self.onto[cand.code].quad_class == 4 and not self.is_event_trigger(verb, found):
                derived.append(replace(
                    cand, code="015", source=speaker, status="asserted", rule="claimed-responsibility",
                    notes=cand.notes + (f"'{verb.text}' its own side's act {cand.code}",),
                    tokens=tuple(sorted({verb.i, *cand.tokens})),
                ))
                continue
            how = f"reported by '{verb.text}'" if verb is not None else "inside a quote"
            if status == "alleged" and _speakers_side(speaker, cand.source):
                status, how = "asserted", how + " (its own side's act: a self-report)"
            out.append(replace(cand, status=status, attributed_to=speaker, notes=cand.notes + (how,)))
            if (
                not denied and cand.status != "negated" and self.onto[cand.code].quad_class >= 3
                and cand.source is not None  # (a report of an act with no agent accuses no one)
                and not _conditional(doc[cand.trigger])  # "... if they blocked the roads" accuses no one
                and not _speakers_side(speaker, cand.source)
                # (nor one the speaker's side does with it: "Japan and Australia should hold more exercises")
                and not any(c.trigger == cand.trigger and _speakers_side(speaker, c.source) for c in found)
                and _side(speaker) and speaker.role not in WITNESS_ROLES  # a bystander's account accuses no one
                and not (verb is not None and self.is_event_trigger(verb, found))
                and self.feeling(doc[cand.trigger]) is None  # "X fears the law could anger Y" accuses no one
                # "X is to blame for inciting Y to attack" accuses X, not Y
                and not any(a.i in self.blames for a in doc[cand.trigger].ancestors)
            ):
                derived.append(self._accusation(cue, speaker, cand.source, doc[cand.trigger], "reported-accusation"))
        for verb, content, author in speech:
            if self.is_event_trigger(verb, found) or self.has_form(verb, self.lex.denial):
                continue
            blamed = [t for t in self.subtree(content) if _claimed_by(claimed, t, verb)
                      and (t.i in self.untargeted or _verbal(t) and self.has_form(t, self.lex.blame)
                           and not self._cooperative_purpose(t, found))]
            obliging = any(c.dep_ == "aux" and c.lower_ in self.lex.obligation_modals for c in self.children(content))
            speakers = self.reporters(verb, author) if blamed or obliging else []
            if not speakers:
                continue
            for t in blamed:
                if _verbal(t) and self.has_form(t, self.lex.blame):
                    for accused in self.actors(self.subject(t)):
                        if not _speakers_side(speakers[0], accused):
                            derived.append(self._accusation(verb, speakers[0], accused, t, "reported-blame"))
                elif not _conditional(t) and self.status(t)[0] != "negated" and not any(
                        d.trigger == verb.i or _same_side(d.source, speakers[0]) for d in derived):
                    # "Russia contended it was Israel that carried out the airstrike": no target, still an
                    # accusation (unless the report already accuses someone of a targeted act)
                    code, sources = self.untargeted[t.i]
                    for accused in sources if self.onto[code].quad_class >= 3 else ():
                        if not _speakers_side(speakers[0], accused):
                            derived.append(self._accusation(verb, speakers[0], accused, t, "reported-accusation"))
            obliges = self._obliged(content) if obliging else []
            # ("the U.S. and India must broaden their partnership": a speaker's own side among those who must act
            # makes no demand; see ``_joint_obligation``)
            for obliged in [] if any(_speakers_side(speakers[0], a) for a in obliges) else obliges:
                derived.append(replace(
                    self._accusation(verb, speakers[0], obliged, content, "reported-obligation"),
                    code=self.lex.obligation_code,
                    notes=(f"'{verb.text}' says another side must act ('{content.text}'): a demand",)))
        return out + derived

    def _obliged(self, content: Token) -> list[Actor]:
        """Who a report's obligation falls on: "Russia said Sudan must return the helicopter" (the clause's
        subject; also of a passive: "Israel says Hamas should be disarmed")."""
        # (a passive asks its agent when one is named, also on a conjunct: "the court must be respected and
        # supported by all nations" asks the nations, not the court)
        agent = any(_case(c) == "by" for v in (content, *content.conjuncts) for c in self.children(v) if c.dep_ in OBLIQUE)
        patient = _passive_subject(content) if not agent else None
        subject = self.subject(content)
        # (not who "should be allowed to" act: permission is asked of someone else)
        return self.actors(subject) if subject is not None else \
            [a for a in [self.actor(patient)] if a is not None and _side(a) and self.mention_at(patient) is not None] \
            if patient is not None and not self.has_form(content, PERMISSION_VERBS) else []

    def _joint_obligation(self, verb: Token, content: Token, author: Actor | None) -> bool:
        """"Japan said China and Japan must stop the escalation": what the speaker's side must do together with
        another is neither a demand nor another statement act (the statements lexicon would read "must" or
        "escalation")."""
        if not any(c.dep_ == "aux" and c.lower_ in self.lex.obligation_modals for c in self.children(content)):
            return False
        speakers = self.reporters(verb, author)
        own = [_speakers_side(speakers[0], a) for a in self._obliged(content)] if speakers else []
        return any(own) and not all(own)

    def statement_acts(self, speech) -> list[Candidate]:
        """Reports whose content codes no event, coded as the speaker's verbal act toward whom the content is
        about when its words say which act ("X said the American move was outrageous": X criticises the United
        States); see ``casus.extract.statements`` and ``lexicon/statements.yaml``."""
        reporting = frozenset(cue.i for cue, _, _ in speech)
        out = []
        for verb, content, author in speech if self.statements is not None else ():
            speaker = self.claimant(self.reporters(verb, author), verb, content)
            if speaker is None or not _side(speaker) or _role(speaker) in WITNESS_ROLES or self.has_form(verb, self.lex.denial):
                continue  # (a bystander's or a news outlet's account is no act of theirs)
            subject = _nearest_subject(verb, NOMINAL) if author is None else None
            if subject is not None and not speaker.span[0] <= subject.right_edge.idx < speaker.span[1] \
                    and not subject.left_edge.idx <= speaker.span[0] <= subject.right_edge.idx:
                continue  # "a report indicated ...": an actor named elsewhere is not who says it
            reader = Reader(
                lemmas=self.lemmas, subject=self.subject, status=self.status,
                actors=lambda t, s=speaker: self._spoken_of(t, s),
                is_speaker=lambda a, s=speaker: a.span == s.span or a.code == s.code or _self_directed(s, a),
                speakers_side=lambda a, s=speaker: _speakers_side(s, a),
                nearby=lambda t, s=speaker: self.sentence_target(t, [s]),
            )
            said = code_statement(verb, content, reporting, self.statements, reader)
            if said is not None:
                out.append(Candidate(
                    code=said.act.code, trigger=verb.i, key=lemmas(said.cue[0])[0], source=speaker, target=said.target,
                    status=said.status, attributed_to=None, rule="statement-content", entry=None,
                    tokens=tuple(sorted({verb.i, *(t.i for t in said.cue), said.target_token.i})), notes=said.notes,
                    object_token=said.target_token.i,
                ))
        return out

    def _disputed_claims(self, found: list[Candidate], speech) -> list[Candidate]:
        """"X said Y's accusations were groundless": what a report says of the claim that is its content's subject
        is the speaker's act (a denial, a rejection), not a report of the claim that accuses its author."""
        claims = {c.trigger for c in found if c.code.startswith("11") and c.rule != "reported-accusation"}
        for verb, content, author in speech:
            subject = self.subject(content)
            if subject is None or subject.i not in claims or content.i in claims:
                continue
            stated = self.statement_acts([(verb, content, author)])
            if stated:
                found = [c for c in found if not (c.trigger == verb.i and c.rule == "reported-accusation")] + stated
        return found

    def contested_accusations(self, speech, found: list[Candidate]) -> list[Candidate]:
        """"Rights groups accused police of excessive force, but the police chief said they had no choice": a report
        by the accused side set against an accusation with "but", coding nothing itself, answers it: the accused
        side's denial (016) toward the accuser."""
        out = []
        for verb, content, author in speech:
            accusation = next((c for c in found if c.trigger == verb.head.i and c.code.startswith("11")
                               and c.entry is not None), None) if _set_against(verb) else None
            speaker = self.claimant(self.reporters(verb, author), verb, content) if accusation is not None else None
            if speaker is None or accusation.target is None or not _same_side(speaker, accusation.target) \
                    or _same_side(speaker, accusation.source):
                continue
            out.append(Candidate(
                code="016", trigger=verb.i, key=lemmas(verb)[0], source=speaker, target=accusation.source,
                status="asserted", attributed_to=None, rule="contested-accusation", entry=None, tokens=(verb.i, content.i),
                notes=(f"'but ... {verb.text}' answers the accusation '{self.ctx.doc[accusation.trigger].text}'",),
                object_token=accusation.trigger,
            ))
        return out

    def _cooperative_purpose(self, verb: Token, found: list[Candidate]) -> bool:
        """"will give Tanzania a grant to finance projects": an infinitive saying what a cooperative act (quad class
        1-2) is for, done to no actor, charges no one (unlike "sent weapons to arm the Houthis")."""
        obj = self.object(verb)
        return any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in self.children(verb)) \
            and (obj is None or not self.actors(obj)) \
            and any(verb.head.i in (c.trigger, *c.tokens) and self.onto[c.code].quad_class <= 2 for c in found)

    def _warnings(self, found: list[Candidate], speech) -> list[Candidate]:
        """"Iran said the United States will regret this": a future or conditional act of another side that the
        report's words make a warning is the speaker's threat (13), not that act nor an accusation of it."""
        for verb, content, author in speech:
            foretold = [c for c in found if c.trigger == content.i and c.status in ("future", "hypothetical")]
            threats = [c for c in self.statement_acts([(verb, content, author)]) if c.code.startswith("13")] if foretold else []
            if threats:
                found = [c for c in found if c not in foretold
                         and not (c.trigger == verb.i and c.rule == "reported-accusation")] + threats
        return found

    def _spoken_of(self, phrase: Token, speaker: Actor) -> list[Actor]:
        """The actors a phrase of reported content names, else the author of the act it names or that a definite
        act noun refers back to ("Syria shelled the town. Turkey said the move was outrageous")."""
        if (named := self.actors(phrase)) or not _nominal(phrase):
            return named
        author = self._author(phrase) or (self.referred_act(phrase, [speaker]) if self.lemmas(phrase)[0] in ACT_NOUNS else None)
        return [author] if author is not None else []

    def bare_denials(self, speech, found: list[Candidate]) -> list[Candidate]:
        """"The police chief denied his officers opened fire": denying what is reported is the denier's own
        act (016, beside the act denied), aimed at the latest accuser of the denier's side, else at no one."""
        out = []
        for verb, content, author in speech:
            if author is not None or not self.has_form(verb, DENIAL_VERBS) or self.status(verb)[0] is not None \
                    or any(c.trigger == verb.i for c in found):
                continue
            for speaker in self.speakers(verb)[:1]:
                accuser = next((c.source for c in reversed(self.accusations) if _same_side(c.target, speaker)), None)
                out.append(Candidate(
                    code="016", trigger=verb.i, key=lemmas(verb)[0], source=speaker, target=accuser, status="asserted",
                    attributed_to=None, rule="denial", entry=None, tokens=(verb.i, content.i),
                    notes=(f"'{verb.text}' denies '{content.text}'",),
                ))
        return out

    def _launcher(self, verb: Token, weapon: Token) -> Token | None:
        """The agent of a passive verb of firing told of the weapon that is ``verb``'s agent, on the weapon
        ("a missile fired by rebels") or in a clause of ``verb`` ("... by a missile believed to be fired by rebels")."""
        # (also the infinitive of a clause of belief: "a bomb believed to have been planted by X")
        clauses = [t for c in self.children(weapon) if c.dep_.startswith("acl")
                   for t in (c, *(x for x in self.children(c) if x.dep_ == "xcomp"))]
        clauses += [t for c in self.children(verb) if c.dep_ in ("advcl", "xcomp", "conj") and c.i > weapon.i for t in c.subtree]
        return next((a for c in clauses if self.has_form(c, LAUNCH_VERBS) and self.passive(c)
                     for a in self.children(c) if a.dep_ in OBLIQUE and _case(a) == "by"), None)

    def _gerund_phrase(self, verb: Token) -> Token:
        """The phrase that carries a gerund's preposition: the gerund, or the noun the parse hung it on
        ("from attacking Eritrean troops", see ``_repair_hung_verbs``)."""
        hung = verb.i in self._hung_verbs and verb.dep_ == "amod" and verb.tag_ == "VBG"
        return verb.head if hung else verb

    def _accused_act(self, cand: Candidate, accusers: dict[int, Actor]) -> Candidate:
        """"India accused Pakistan of violating the ceasefire": the violation is alleged by India."""
        trigger = self.ctx.doc[cand.trigger]
        phrase = self._gerund_phrase(trigger)
        governor = phrase.head
        if governor.dep_ in OBJECT and governor.pos_ in NOMINAL:  # "accused Russia of attacking" hung on "Russia"
            governor = governor.head
        accuser = accusers.get(governor.i) if (trigger.dep_ in ("advcl", "acl") or phrase is not trigger) \
            and _case(phrase) in ("of", "for") else None
        if accuser is None or cand.code.startswith("11") or cand.status == "negated":
            return cand  # (criticised "for not agreeing": nothing happened to allege)
        return replace(cand, status="alleged", attributed_to=accuser,
                       notes=cand.notes + (f"the act '{trigger.head.text}' accuses of",))

    def _declared(self, verb: Token, code: str) -> tuple[str, str] | None:
        """("threat" | "intent" | "refusal", code) when ``verb`` is what its subject is said to be ready to do
        ("Iran is ready to strike Israel", "Egypt is eager to mediate": the lexicon's `readiness` class) or vows to
        do ("Iran vowed to expel the inspectors": its `vows` class), as when the source announces the act itself, or a
        cooperative act it is not ready or is unwilling to do ("Israel is unwilling to negotiate with Hamas": a
        refusal); None for a conditional readiness or vow, or one the source does not declare (a condition on the
        act itself, "ready to strike if attacked", still makes it a threat)."""
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i:
            return None
        predicative = head.pos_ == "ADJ" or any(c.dep_ in ("cop", "aux:pass", "auxpass") for c in self.children(head))
        classes = self.lex.classes
        ready = predicative and self.has_form(head, classes["readiness"]) or _verbal(head) and self.has_form(head, classes["vows"])
        unwilling = predicative and self.has_form(head, RELUCTANCE)
        if not ready and not unwilling:
            return None
        status = self.status(head)[0]
        if status is None:
            return self.lex.announced_code(code) if ready else self.lex.refused_code(code)
        return self.lex.refused_code(code) if status == "negated" and ready else None

    def _refused(self, verb: Token, code: str, status: Status | None) -> tuple[str, str] | None:
        """(kind, code) of the refusal a negated act is when its verb says it will or would not happen
        (``_refusing``): "would not meet" is a refusal to meet; else None."""
        return self.lex.refused_code(code) if status == "negated" and _refusing(verb) else None

    def _refusal(self, cand: Candidate, trigger: Token) -> Candidate:
        """"Putin would not meet with Tillerson": a cooperative act its source will or would not do is
        the source's refusal (12), as when the source says so itself; an act it sets on a condition, with no
        modal of doubt, its threat or intent ("Trump announced a 5% tariff on Mexico unless ...": 1312)."""
        refused = self._refused(trigger, cand.code, cand.status)
        if refused is not None:
            kind, code = refused
            return replace(cand, code=code, status="asserted", rule=f"negated-{kind}",
                           notes=cand.notes + (f"'{trigger.text}' will or would not happen: {kind}",))
        announced = self.lex.announced_code(cand.code) if cand.status == "hypothetical" \
            and self.status(trigger)[1] == CONDITIONAL_CLAUSE else None
        if announced is None:
            return cand
        kind, code = announced
        return replace(cand, code=code, status="asserted", rule=f"conditional-{kind}",
                       notes=cand.notes + (f"'{trigger.text}' set on a condition: {kind}",))

    def is_event_trigger(self, token: Token, found: list[Candidate]) -> bool:
        return any(c.trigger == token.i for c in found)

    def _accusation(self, verb, speaker: Actor, accused: Actor, act: Token, rule: str) -> Candidate:
        return Candidate(
            code=self.lex.blame_code, trigger=verb.i, key=lemmas(act)[0], source=speaker, target=accused,
            status="asserted", attributed_to=None, rule=rule, entry=None, tokens=(verb.i, act.i),
            notes=(f"'{verb.text}' reports '{act.text}' by another side: an accusation",),
        )




#: Verbs that go on with an act, beginning or continuing it ("continued to wage attacks").
ASPECTUAL_VERBS = frozenset({"continue", "begin", "start", "resume", "keep"})
#: Roles of the armed groups that take captives; an abduction told with no agent is the leading one's.
CAPTOR_ROLES = frozenset({"REB", "INS", "SEP", "UAF", "CRM"})
ABDUCTION_CODE = "181"
#: Roles of a group's own people ("the group's leader", "Hamas officials", "its fighters"), not of those
#: merely found with it ("hostages in the Islamic State").
GROUP_AGENT_ROLES = frozenset({"GOV", "MIL", "REB", "INS", "SEP", "UAF"})


def _belonging(actor: Actor, owner: Actor, why: str) -> Actor:
    """A country-less mention ("its president", "an official at X") completed from its owner: a state's
    agent takes the state's code and its own role; an organisation's ("an official at the ICC") or a
    non-state group's ("the group's leader", "Hamas's military wing") acts for it."""
    side = _side(owner)
    group = resolved_as(owner) in ("group", "organisation") and owner.role not in STATE_ROLES
    if len(side) > 3 or group and actor.role in GROUP_AGENT_ROLES:
        return replace(actor, code=owner.code, country=owner.country, why=f"{actor.why}; {why}")
    return replace(actor, code=side + actor.code[3:], country=side, why=f"{actor.why}; {why}")


def _stateless(actor: Actor | None) -> bool:
    """A coded group with no country ("---OPP" protesters, "---SPY" spies)."""
    return actor is not None and bool(actor.code) and actor.code.startswith("---") and actor.country is None


def _with_role(actor: Actor, role: str) -> Actor:
    """A country named as one of a group's members takes the group's role ("ministers from Britain")."""
    if not role or not actor.code or len(actor.code) != 3 or not _side(actor):
        return actor
    return replace(actor, code=actor.code + role, role=role, why=f"{actor.why}; a member of a group of {role}")


def _opposed(modifier: Token) -> bool:
    """An "anti-X" modifier: X is what the noun is against ("anti-American protests")."""
    doc, i = modifier.doc, modifier.i
    if modifier.lower_ in ("anti", "anti-", "-"):
        return False
    return modifier.lower_.startswith("anti-") or i > 0 and doc[i - 1].lower_ in ("anti", "anti-") \
        or i > 1 and doc[i - 1].lower_ == "-" and doc[i - 2].lower_ == "anti"


def _overlaps(span: tuple[int, int], actors: list[Actor]) -> bool:
    """Whether the span shares characters with one of the actors' spans."""
    return any(span[0] < a.span[1] and a.span[0] < span[1] for a in actors)


def _self_directed(source: Actor, target: Actor | None) -> bool:
    """A dyad of a state with itself or with its own government ("Ankara … accused Turkey": TURGOV → TUR).
    Other same-country dyads (a government and its rebels, rival ministers) are real events."""
    if target is None or not source.country or source.country != target.country:
        return False
    state = source.country
    return state in (source.code, target.code) and {source.code, target.code} <= {state, state + "GOV"}


def _adjunct_host(noun: Token, code: str) -> Token | None:
    """The verb a consultation noun is the time phrase of ("after a meeting with X", "during talks with X"), or
    None. Other acts told as a time ("after an attack on its soldiers") are often another side's."""
    if code[:2] == CONSULT_ROOT and noun.dep_ in ("obl", "nmod") and _case(noun) in ADJUNCT_MARKS and _verbal(noun.head):
        return noun.head
    return None


def _modal(verb: Token) -> bool:
    """A future or conditional auxiliary on the verb ("will not", "would not")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for c in verb.children)


def _refusing(verb: Token) -> bool:
    """A negated act told with "will" or "would" is refused ("will not meet", "wouldn’t allow"); not one that
    could not be done ("could not reach a deal") nor a counterfactual ("would not have allowed": it was)."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & WILL_AUX) and not aux & HAVE_AUX


def _in_other_relative_clause(span: SpacySpan | None, trigger: Token) -> bool:
    """Inside a relative clause, or a clause with its own subject set against another with "but", that does not
    hold ``trigger`` ("Bolton, who argued ... as Libya did"; "Kuwait called for an inquiry, but the United States
    disagreed")."""
    if span is None:
        return False
    holding = {trigger.i, *(t.i for t in trigger.ancestors)}
    for t in (span.root, *span.root.ancestors):
        if t.i in holding:
            return False
        # (not a "that" clause the parse took for a relative one: "said earlier this week that X would not meet Y")
        if t.dep_ in ("acl:relcl", "relcl") and not any(c.dep_ == "mark" for c in t.children) \
                or t.dep_ == "conj" and _verbal(t) and any(c.dep_ in SUBJECT for c in t.children) \
                and any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in t.children):
            return True
    return False


def _in_clause_below(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in a finite clause with no conjunction the parse hung under ``verb`` ("who had been
    jailed for a decade, praised the court in Bogota": the place is the praising's, not the jailing's)."""
    for t in token.ancestors:
        if t.i == verb.i:
            return False
        if _verbal(t) and t.dep_ in ("advcl", "ccomp", "parataxis", "conj", "acl:relcl") and t.tag_ in ("VBD", "VBZ", "VBP") \
                and not any(c.dep_ == "mark" for c in t.children):
            return True
    return False


def _contrast_clause(clause: Token) -> bool:
    """ "X says A, while Hamas demands B": a contrasting clause with a subject of its own is the writer's,
    not part of what X says."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in clause.children) \
        and any(c.dep_ in SUBJECT for c in clause.children)


def _word_before(token: Token) -> Token | None:
    """The word before ``token`` in its sentence, past one punctuation mark ("X, held")."""
    start = token.sent.start
    before = token.doc[token.i - 1] if token.i > start else None
    if before is not None and before.is_punct and before.i > start:
        before = token.doc[before.i - 1]
    return before


def _with_phrase_before(verb: Token) -> Token | None:
    """ "..., with the UN and Western nations, including X, lamenting ...": the with-phrase ending just before
    the participle, wherever the parse hung it (here under a noun of the main clause)."""
    last = _word_before(verb.left_edge)
    for phrase in (last, *last.ancestors) if last is not None else ():
        if _verbal(phrase) or phrase.right_edge.i < last.i:
            return None
        if phrase.pos_ in NOMINAL and _case(phrase) == "with":
            return phrase
    return None


def _conjoined_subject_before(verb: Token) -> Token | None:
    """ "X would not meet Y, but the leader's spokesman, Z, held out ..." parsed with "spokesman" as a
    conjunct of Y: the phrase ending just before the verb that opens with the conjunction is its subject."""
    head = _word_before(verb)
    while head is not None and head.dep_ in ("flat", "flat:name", "appos") and head.head.i < head.i:
        head = head.head
    if head is None or head.pos_ not in NOMINAL or head.dep_ != "conj" or head.i >= verb.i:
        return None
    return head if any(c.dep_ == "cc" and c.i < head.i for c in head.children) else None


def _participle_subject_before(verb: Token) -> Token | None:
    """ "500 Iranians screaming 'Death to America!' converged ..." parsed with the participle as a clause of
    its own that took the subject: the subject of a bare participle ending just before the verb."""
    before = [c for c in (*verb.children, *(verb.head.children if verb.head.i != verb.i else ()))
              if c.i < verb.i and c.tag_ == "VBG" and c.right_edge.i + 3 >= verb.i
              and not any(a.dep_.startswith("aux") for a in c.children)]
    return next((s for c in before for s in c.children if s.dep_ in SUBJECT and s.i < c.i), None)


def _weapons_test(verb: Token) -> bool:
    """ "test-fired a missile", "test fired" (the parse may take "test" for the subject)."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return verb.lower_.startswith("test-") or before is not None and before.lower_ in ("test", "test-")


def _reciprocal_pronoun(token: Token | None) -> bool:
    """ "each other", "the other", "one another": coordinated sources acting on one another."""
    if token is None:
        return False
    if token.lower_ == "each":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "other"
    return token.lower_ in ("other", "another") and token.i > 0 and token.doc[token.i - 1].lower_ in ("each", "the", "one")


def _reciprocal_after(verb: Token) -> bool:
    """ "accused each other", "met with one another" right after the verb, whatever the parse made of it."""
    words = [t.lower_ for t in verb.doc[verb.i + 1: min(verb.i + 4, verb.sent.end)]]
    if words[:1] and verb.doc[verb.i + 1].pos_ == "ADP":
        words = words[1:]
    return words[:2] in (["each", "other"], ["one", "another"])


def _clause_referred(pronoun: Token) -> Token | None:
    """The verb of the clause a pronoun stands for: "something" set beside a clause ("Turkey failed to ...,
    something Russia called unacceptable") or "which" relating to one ("..., which Egypt called a violation")."""
    if pronoun.lower_ in CLAUSE_PRONOUNS and pronoun.dep_ in LOOSE and _verbal(pronoun.head):
        return pronoun.head
    if pronoun.lower_ == "which" and pronoun.head.dep_ in ("acl:relcl", "relcl") and _verbal(pronoun.head.head):
        return pronoun.head.head
    return None


def _conditional(token: Token) -> bool:
    """Inside an "if"/"unless" clause."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for t in (token, *token.ancestors) for c in t.children)


def _marks(clause: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in clause.children if c.dep_ == "mark")


def _unasserted(token: Token, conflict: bool) -> str | None:
    """Why the act ``token`` names is not told at all, or None: a ``conflict`` act inside the condition of a
    conditional, what a threat or warning is set against ("... would be hit if Tehran struck"; a cooperative one
    stays a hypothetical act: "... if it did not withdraw its troops"), an act in a question asked with a modal
    ("asked if he might visit Pyongyang"), or what someone is allowed to do ("soldiers are allowed to open fire")."""
    for clause in (token, *token.ancestors):
        marks = _marks(clause)
        if conflict and clause.dep_ == "advcl" and marks & CONDITION_MARKS and "as" not in marks:  # (not "as if")
            return f"the condition of a conditional ('{min(marks & CONDITION_MARKS)} ...')"
        if clause.dep_ != "advcl" and marks & QUESTION_MARKS and _modal(clause):
            return f"a question ('{min(marks & QUESTION_MARKS)} ...' with a modal)"
    verb = token.head if token.dep_ in OBJECT and _nominal(token) else token  # ("allowed to carry out strikes")
    while verb.head.i != verb.i and (verb.dep_ == "xcomp" or verb.dep_ == "conj" and not any(
            c.dep_ in SUBJECT for c in verb.children)):
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in GRANTING_VERBS:
            return f"a permission ('{verb.head.text} to {verb.text}')"
        verb = verb.head
    return None


def _not_only(verb: Token) -> bool:
    """A negation that adds to the act rather than denying it ("isn't only threatening", "did not just criticise")."""
    return any(c.lower_ in NOT_ONLY and c.i > 0 and verb.doc[c.i - 1].lower_ in NEGATIONS for c in verb.children)


def _cleft_focus(pronoun: Token) -> Token | None:
    """"it was Libya that carried out the strike" (the clause not parsed as Libya's relative clause): the
    noun the cleft puts in focus, right before the pronoun, with its expletive "it" and copula."""
    if pronoun.i == 0:
        return None
    focus = pronoun.doc[pronoun.i - 1]
    while focus.dep_ in ("flat", "flat:name", "compound") and focus.head.i > focus.i - 3:
        focus = focus.head
    marks = {c.dep_ for c in focus.children}
    return focus if focus.pos_ in NOMINAL and "expl" in marks and "cop" in marks else None


def _oblique_subject(verb: Token) -> Token | None:
    """"slumped since the Kenyan government last month imposed sanctions" parsed with "since" a case marker
    of "government", an oblique of the main verb, and "imposed" a subjectless clause: that oblique, right
    before the clause."""
    before = [c for c in verb.head.children if c.dep_ in OBLIQUE and c.i < verb.i]
    last = before[-1] if before else None
    if last is None or last.right_edge.i + 1 != verb.left_edge.i:
        return None
    return last if any(x.dep_ == "case" and x.lower_ in SUBORDINATORS for x in last.children) else None


def _nearest_subject(verb: Token, pos: Collection[str] | None = None) -> Token | None:
    """The verb's subject; of two (a report interrupting a clause, "The proposal, the minister said, was ..."
    parsed with both nouns as subjects of "said"), the one nearest before the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT and (pos is None or c.pos_ in pos)]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else next(iter(subjects), None)


def _subordinated_subject(verb: Token) -> Token | None:
    """"Russia protested after Ankara said ..." parsed with "said" as the root and "after" as a case marker
    of "Ankara" (or "X accused Y, but Z said ..." with ", but" on "Z"): the subject carrying the conjunction,
    which makes the clause before it no part of ``verb``'s clause."""
    for subject in (c for c in verb.children if c.dep_ in SUBJECT):
        if any(x.dep_ == "case" and x.lower_ in SUBORDINATORS for x in subject.children):
            return subject
        if any(x.dep_ == "cc" and x.i < subject.i and x.i > 0 and verb.doc[x.i - 1].text == "," for x in subject.children):
            return subject
    return None


def _subordinate(verb: Token) -> bool:
    """A clause opened by a subordinating conjunction ("after ...", "when ..."), or a conjunct of one."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return any(c.lower_ == "to" and c.dep_ == "mark" for c in verb.children)


def _that_clause(verb: Token) -> bool:
    """A clause opened by the conjunction "that" (also when the parse left it unlabelled, "dep")."""
    return any(m.lower_ == "that" and m.dep_ in ("mark", "dep") for m in verb.children)

def _claimed_by(claimed: dict[int, tuple], token: Token, verb: Token) -> bool:
    return token.i in claimed and claimed[token.i][0].i == verb.i


def _role(actor: Actor) -> str | None:
    return actor.role or ((actor.code or "")[3:6] or None)


def _political_rivals(a: Actor, b: Actor) -> bool:
    """Two political figures or bodies of the same country ("Trump" and "Biden", "the senate" and "the court")."""
    return _same_side(a, b) and _role(a) in POLITICAL_ROLES and _role(b) in POLITICAL_ROLES


def _state_and_society(a: Actor, b: Actor) -> bool:
    """One actor is the state and the other a non-state group of the same country (a president telling what
    the carmaker and the union will do announces no act of his own)."""
    roles = {_role(a) in STATE_ROLES, _role(b) in STATE_ROLES}
    return roles == {True, False} and None not in (_role(a), _role(b))


def _set_against(clause: Token) -> bool:
    """A clause joined to its head by "but" or "yet" ("X accused Y, but Y said ..."), the conjunction on the clause
    or, as some parses have it, on its subject."""
    return clause.dep_ in ("conj", "parataxis") and clause.head.i < clause.i and any(
        t.dep_ == "cc" and t.lower_ in ("but", "yet") and t.head in (clause, *clause.children)
        for t in clause.doc[clause.head.i + 1: clause.i])


def _speakers_side(speaker: Actor, actor: Actor | None) -> bool:
    """Whether a speaker tells of its own side: the same country, unless one is the state and the other its armed
    or political opposition ("the Afghan government said the Taliban ...", "the government said rebels ...")."""
    return _same_side(speaker, actor) and not (
        actor is not None and _state_and_society(speaker, actor) and {_role(speaker), _role(actor)} & OPPONENT_ROLES)


def _side(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or (actor.code[:3] if actor.code and actor.code[:3].isalpha() else None)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and a.span == b.span


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """Whether two actors are one side: the same actor, or of one country; an unknown one (None) is of none."""
    return a is not None and a is b or (_side(a) is not None and _side(a) == _side(b))


def _date(ctx: Context, trigger: Token) -> EventDate:
    """The event's date; a past perfect with no time expression ("a deal it had struck") happened
    at some unknown time before the story, not on the publication date."""
    date = event_date(ctx, trigger)
    if date.inferred and any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in trigger.children) \
            and trigger.tag_ == "VBN":
        return EventDate(None, None, "unknown", None, inferred=True)
    return date


def _authored_elsewhere(found: list[Candidate]) -> list[Candidate]:
    """The candidates of a sentence less those with no source whose harm the sentence also tells as another side's
    act on the same side ("Four children were killed in Israeli tank shelling" with "shelling" parsed as a verb)."""
    return [c for c in found if c.source is not None or c.code[:2] not in VIOLENT_ROOTS or not any(
        d.source is not None and d.code[:2] in VIOLENT_ROOTS and (d.target is None or _same_side(d.target, c.target))
        for d in found)]


def _modifier_only(actor: Actor, doc: Doc) -> bool:
    """Whether the actor is only a word modifying the noun of who it stands for ("Kenyan" in "Kenyan miners", a noun
    the knowledge base does not know): the victims' nationality, not the victims."""
    span = doc.char_span(*actor.span, alignment_mode="expand")
    root = span.root
    return root.dep_ in ("amod", "compound") and not span.start <= root.head.i < span.end and _nominal(root.head)


def _merge_key(c: Candidate) -> tuple:
    return (c.source.code if c.source else None, c.target.code if c.target else None, c.code, c.status, _side(c.attributed_to))


def _same_named(a: Candidate, b: Candidate, doc: Doc, kb: KnowledgeBase) -> bool:
    """Whether two candidates of one dyad told in different sentences may be one act: not when a side is named as
    two different people or bodies ("Obama and Castro met" and later "Kerry and Rodriguez met" are two meetings), nor
    as a person and a group or country ("Kerry met ...", "U.S. negotiators have met ..."); but a person may hold the
    office a common noun names ("Russia's president", named "Russia", and "Putin")."""
    def person(actor: Actor) -> bool:
        return actor.kb_id in kb.entries and kb.entries[actor.kb_id].kind == "person"

    def office(actor: Actor) -> bool:
        return doc.char_span(*actor.span, alignment_mode="expand").root.tag_ == "NN"

    def differ(x: Actor | None, y: Actor | None) -> bool:
        return x is not None and y is not None and bool(x.name and y.name) and x.name != y.name \
            and not (person(x) and not person(y) and office(y) or person(y) and not person(x) and office(x))

    return not differ(a.source, b.source) and not differ(a.target, b.target)


def _events(ctx: Context, candidates: list[Candidate], ontology: Ontology,
            kb: KnowledgeBase) -> tuple[tuple[Event, ...], dict]:
    """Candidates → Events, merging repeats (same dyad, code and status; same sentence or same act)."""
    doc = ctx.doc
    merged: list[tuple[Candidate, list[Candidate]]] = []
    for cand in candidates:
        sent = doc[cand.trigger].sent.start
        home = next(
            (group for first, group in merged if _merge_key(first) == _merge_key(cand)
             and (doc[first.trigger].sent.start == sent or first.key == cand.key and first.source is not None
                  and _same_named(first, cand, doc, kb))),  # (acts of no author told apart may be other acts)
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
            sentence=sentence_index[sent.start], evidence=sent.text.strip(), date=_date(ctx, token),
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
           lexicon: Lexicon) -> tuple[Link, ...]:
    """rejects/denies: an act whose object is a claim coded as another event; accuses: an accusation
    and the act it reports; responds_to: an act "after" another, or the way one "responded to" another's
    act or claim ("responded to Iran's criticism by accusing it ...")."""
    claim_nouns = lexicon.speech_nouns
    doc = ctx.doc
    by_trigger: dict[int, str] = {}
    for event_id, group in trigger_of.items():
        for c in group:
            by_trigger.setdefault(c.trigger, event_id)
    words = {event_id: {w for c in group for w in lemmas(doc[c.trigger])} for event_id, group in trigger_of.items()}
    links: list[Link] = []
    for event in events:
        first = trigger_of[event.id][0]
        trigger = doc[first.trigger]
        kind = next((LINK_KINDS[w] for w in lemmas(trigger) if w in LINK_KINDS), None)
        obj = doc[first.object_token] if first.object_token is not None else None
        claimed = obj is not None and (obj.pos_ == "PRON" or bool(set(lemmas(obj)) & claim_nouns))
        if kind is None and obj is not None and set(lemmas(obj)) & claim_nouns \
                and (event.cameo[:2] in ("11", "12") or event.cameo.startswith("016")):
            kind = "denies" if event.cameo.startswith("016") else "rejects"  # "denounced the report as false"
        claim, why = None, ""
        if kind and obj is not None:
            why = f"'{trigger.text}' targets the claim '{obj.text}'"
            claim = _first_told(_event_in(obj.subtree, by_trigger, exclude=event.id, events=events, root="11"), events)
            if claim is None and claimed:
                # "rejected the allegation" / "denied it": the target's latest accusation, first one the noun
                # names ("the accusation" → an accusing verb), or when the article tells the rejection first,
                # the target's first one after it
                claim = _named_claim(event, events, lemmas(obj), words) or _first_after_by(event, events, root="11")
            if claim is None and not claimed and obj.pos_ == "NOUN":
                # "rejects measures taken against the court", "rejected the sanctions": the latest act against
                # the rejecting side, of a kind the noun names (in the lexicon or as a word for any act)
                roots = {e.code[:2] for e in lexicon.candidates("noun", lemmas(obj))} | set(ACT_NOUNS.get(lemmas(obj)[0], ()))
                claim = next((e.id for e in reversed(events[: events.index(event)]) if e.target is not None
                              and _same_side(e.target, event.source) and e.cameo[:2] in roots), None)
        denied = next((c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")), None) \
            if kind == "denies" and claim is None else None
        if denied is not None:
            # "denied his officers opened fire": the denier's side's act of the kind the content names
            why = f"'{trigger.text}' denies '{denied.text}'"
            claim = _denied_act(event, events, denied, by_trigger, lexicon)
        if claim:
            links.append(Link(kind, event.id, claim, why))
        if first.rule == "contested-accusation" and by_trigger.get(first.object_token):
            links.append(Link("responds_to", event.id, by_trigger[first.object_token], f"'but {trigger.text}'"))
        if first.rule in ("reported-accusation", "reported-blame"):
            reported = by_trigger.get(first.tokens[-1])
            if reported and reported != event.id:
                links.append(Link("accuses", event.id, reported, f"'{trigger.text}' reports it"))
        if event.cameo.startswith("11"):  # "accused Pakistan of violating the ceasefire"
            for child in trigger.children:
                accused = by_trigger.get(child.i) if child.dep_ == "advcl" and _case(child) in ("of", "for") else None
                if accused and accused != event.id:
                    links.append(Link("accuses", event.id, accused, f"'{trigger.text} ... {_case(child)} {child.text}'"))
        for why, tokens in _response_clauses(trigger):
            earlier = _event_in(tokens, by_trigger, exclude=event.id, events=events)
            if earlier:
                links.append(Link("responds_to", event.id, earlier, f"'{why}'"))
        response = _answered(trigger)
        if response is not None:
            verb, answered = response
            earlier = _event_in(answered.subtree, by_trigger, exclude=event.id, events=events)
            if earlier is None and (answered.pos_ == "PRON" or set(lemmas(answered)) & claim_nouns
                                    or lexicon.candidates("noun", lemmas(answered))):
                earlier = _latest_by(event, events)  # "responded to Iran's criticism": Iran's latest act
            if earlier:
                links.append(Link("responds_to", event.id, earlier, f"'{verb.text} {_case(answered)} {answered.text}'"))
    return tuple(dict.fromkeys(links))


def _answered(trigger: Token) -> tuple[Token, Token] | None:
    """(response verb, what it answers) for an act done "by" way of response ("responded to X by accusing
    ..." → X) or an act that is itself the response ("vowed to retaliate against new sanctions" → sanctions)."""
    if trigger.lemma_.lower() in RESPONSE_VERBS | RETALIATION_VERBS:
        verb, cases = trigger, ("to", "against", "for")
    elif trigger.dep_ == "advcl" and _case(trigger) == "by" and trigger.head.lemma_.lower() in RESPONSE_VERBS:
        verb, cases = trigger.head, ("to",)
    else:
        return None
    answered = next((c for c in verb.children if c.dep_ in OBLIQUE | OBJECT and _case(c) in cases), None)
    return (verb, answered) if answered is not None else None


def _denied_act(event: Event, events: tuple[Event, ...], denied: Token, by_trigger: dict[int, str],
                lexicon: Lexicon) -> str | None:
    """The act a denial's content names: an event coded in the content, unless it is only the denied telling; then
    the act as told elsewhere, by the denier's side and of the kind the content names (its code, or a lexicon
    entry's for its verb and object: "denied his officers opened fire" → the shooting reported before), nearest
    before the denial, else after it; else the denied telling."""
    coded = _event_in(denied.subtree, by_trigger, exclude=event.id, events=events)
    content = next((e for e in events if e.id == coded), None)
    if content is not None and content.status != "denied":
        return coded
    if content is not None:
        roots = {content.cameo[:2]}
    elif (obj := next((c for c in denied.children if c.dep_ in OBJECT), None)) is not None:
        roots = {e.code[:2] for e in lexicon.candidates("verb", lemmas(denied)) if e.objects and set(lemmas(obj)) & e.objects}
    else:
        return None
    # ("opened fire" (190) may deny a shooting reported as repression (175))
    kinds = (roots, roots | FORCE_ROOTS) if roots & FORCE_ROOTS else (roots,)
    at = events.index(event)
    told = [e for e in (*reversed(events[:at]), *events[at + 1:]) if e.id != coded and e.status != "denied"
            and _same_side(e.source, event.source)]
    before = [e for e in told if events.index(e) < at]
    return next((e.id for group in (before, told) for kind in kinds for e in group if e.cameo[:2] in kind), coded)


def _first_told(claim: str | None, events: tuple[Event, ...]) -> str | None:
    """The first telling of a claim named again by the noun that codes it ("Moscow accused Kyiv ... Kyiv said
    Moscow's accusations were groundless" → the accusation first told): the earliest event before it with the
    same dyad sides and CAMEO root, else the claim itself."""
    if claim is None:
        return None
    named = next(e for e in events if e.id == claim)
    return next((e.id for e in events[: events.index(named)] if e.cameo[:2] == named.cameo[:2]
                 and _same_side(e.source, named.source)
                 and (_same_side(e.target, named.target) or e.target is None and named.target is None)
                 and e.status != "denied"), claim)


def _named_claim(event: Event, events: tuple[Event, ...], noun: tuple[str, ...], words: dict[str, set[str]]) -> str | None:
    """The latest accusation before ``event`` that it answers (see ``_answers``), first one whose trigger shares
    the claim noun's stem ("the accusation" → "accused", "the report" → "reported")."""
    answered = [e for e in reversed(events[: events.index(event)]) if e.cameo[:2] == "11" and _answers(event, e)]
    return next((e.id for e in answered if any(_same_stem(w, n) for w in words[e.id] for n in noun)),
                answered[0].id if answered else None)


def _same_stem(a: str, b: str) -> bool:
    """Two words sharing their first five letters ("accusation", "accuse")."""
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


def _first_after_by(event: Event, events: tuple[Event, ...], root: str) -> str | None:
    """The first event after ``event`` that answers to it (see ``_answers``) and has the CAMEO root."""
    return next((e.id for e in events[events.index(event) + 1:] if e.cameo[:2] == root and _answers(event, e)), None)


def _latest_by(event: Event, events: tuple[Event, ...]) -> str | None:
    """The latest event before ``event`` that it answers (see ``_answers``)."""
    return next((e.id for e in reversed(events[: events.index(event)]) if _answers(event, e)), None)


def _answers(event: Event, earlier: Event) -> bool:
    """Whether ``event`` can answer ``earlier``: its source is ``event``'s target's side or, when ``event``
    names no target ("rejected the report"), ``earlier`` is aimed at ``event``'s source."""
    if event.target is not None:
        return _same_side(earlier.source, event.target)
    return earlier.target is not None and _same_side(earlier.target, event.source)


def _response_clauses(trigger: Token) -> list[tuple[str, Iterator[Token]]]:
    """The "after ..." clauses of the trigger's verb: its adverbial clauses, and a clause whose subject the
    parse gave the conjunction ("X protested after Y said ..." with "said" as a conjunct of the verb or as
    the root over it), from the conjunction on."""
    found: list[tuple[str, Iterator[Token]]] = [
        (f"{_case(c)} {c.text}", c.subtree) for c in trigger.children if c.dep_ == "advcl" and _case(c) in RESPONSE_MARKS]
    clauses = [c for c in trigger.children if c.dep_ == "conj"]
    if trigger.dep_ in ("ccomp", "parataxis"):
        clauses.append(trigger.head)
    for clause in clauses:
        subject = _subordinated_subject(clause)
        if subject is not None and trigger.i < subject.i and _case(subject) in RESPONSE_MARKS:
            found.append((f"{_case(subject)} ... {clause.text}", (t for t in clause.subtree if t.i >= subject.i)))
    return found


def _event_in(tokens: Iterator[Token], by_trigger, exclude: str, events, root: str | None = None) -> str | None:
    codes = {e.id: e.cameo for e in events}
    for t in tokens:
        event_id = by_trigger.get(t.i)
        if event_id and event_id != exclude and (root is None or codes[event_id].startswith(root)):
            return event_id
    return None
