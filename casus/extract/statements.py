"""Statement coding: a report whose content codes no event is the speaker's own verbal act when the
content's words say which one ("Russia said the American move was outrageous": Russia criticises the
United States, 111; "Seoul warned it would take all necessary measures against Pyongyang": a threat, 130), or,
with no such words, when its verb of saying does ("Moscow warned that Kiev's move could lead to war": 130).

The cues live in ``lexicon/statements.yaml`` (documented there; they may name the event lexicon's
word classes, ``$disapproval``). A content with no cue whose predicate evaluates an actor ("Assange is no hero", "called
the decision reckless") is scored with VADER's sentiment lexicon (Hutto & Gilbert 2014, the ``vaderSentiment`` package):
strongly negative is criticism (111); strongly positive would be praise (051), which the shipped file leaves out.
``code_statement`` is a pure function over the spaCy tokens of one
report; what only the event coder knows (lemmas, subjects, actors, status, who the speaker is) comes
in as the callbacks of a ``Reader``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, takewhile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from casus.extract.derivation import adverbs
from casus.extract.lexicon import LEXICON_DIR, Lexicon, LexiconError, expand_words
from casus.records import Actor, Status

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.knowledge.ontology import Ontology

STATEMENTS = LEXICON_DIR / "statements.yaml"
SUBJECTS = ("other", "own", "any")
#: Values of an act's ``nearby`` besides true/false (read as "before"/""; see statements.yaml).
NEARBY = ("accuser", "content")
#: Verbs of accusing: for a denial, the side that the sentence before says accuses the speaker's side.
ACCUSING = frozenset({"accuse", "blame", "charge", "implicate", "fault"})
_FIELDS = frozenset({"name", "code", "cues", "verbs", "subject", "about", "modal", "nearby", "adverbs", "note"})
_VALENCE_FIELDS = frozenset({"threshold", "negative", "positive", "not_evaluations", "of_acts", "note"})
#: A cue's next word may come at most this many words after the one before, none of them a verb but an auxiliary
#: nor a negative word ("pay a heavy price", "patience is running out"; not "has agreed to" for "have to").
MAX_GAP = 3
#: Cue words that no noun, pronoun or number may come before after the word before them: the marker of an infinitive
#: ("needed to explain", "nothing whatsoever to do with", not "needed time to review").
ADJACENT = frozenset({"to"})
#: What may not stand between an ``ADJACENT`` cue word and the word before it.
NOT_ADJACENT = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
VERBAL = frozenset({"VERB", "AUX"})
#: A cue counts in the content's root and up to this many links below it.
CUE_DEPTH = 2
#: Phrases inside the content that are not what the speaker calls it: relative clauses, conditions and other
#: adverbial clauses, clauses of their own ("X knew it was illegal"), loose appendages, parts of names
#: ("presidential hopeful Joe Biden").
ASIDES = frozenset({"acl:relcl", "acl", "advcl", "ccomp", "parataxis", "appos", "compound", "flat", "flat:name"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
#: Labels of words that belong to a noun phrase already read through its head (not a possessor: when its noun names
#: no actor, the possessor is whose act it is, "furious at Britain's decision").
PHRASE_INNER = frozenset({"compound", "flat", "flat:name", "amod", "det", "case", "nummod"})
POSSESSIVE = frozenset({"nmod:poss", "poss"})
SUBJECT_LABELS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "nsubj:outer"})
PASSIVE_LABELS = frozenset({"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"})
#: Labels of whom a verb of saying is told to ("warned Americans").
ADDRESSEES = frozenset({"obj", "iobj", "dobj"})
#: CAMEO roots of acts asked of their target (demands): the patient of a passive content is not the one asked.
DEMANDS = ("10",)
#: CAMEO roots of appeals: asked of another side ("wants Pakistan to do more"), not the speaker's own wish ("wants to
#: visit Pakistan").
APPEALS = ("02",)
#: Adjectives of what someone may do, not must ("should be able to vote", "is free to leave"): no demand (a passive,
#: "should be allowed to", is none already).
#: Verbs of perceiving or causing: wanting to see (make, have, get) another do something is an appeal to it.
PERCEIVING_CAUSING = frozenset({"see", "make", "have", "get", "let", "watch"})
PERMISSIONS = frozenset({"able", "free", "welcome", "entitled"})
#: The role of a country's general public: the speaker's own public is not the other side of a statement ("the Brazilian
#: people must stay at home", "people are angry").
PUBLIC = "CVL"
NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
FIRST_PERSON = frozenset({"i", "we"})
#: Possessives that make a phrase the speaker's own ("our country", "my government").
FIRST_POSSESSIVES = frozenset({"our", "my"})
#: Determiners of a subject that is anyone of a kind, not an actor.
GENERIC = frozenset({"no", "every", "any", "each", "all"})
#: Pronouns that are the speaker or its addressee, never what a statement is about.
SPEAKING = FIRST_PERSON | frozenset({"you"})
#: Heads that negate the cue they govern ("had done nothing wrong").
NEGATIVE_HEADS = frozenset({"nothing", "none", "nobody", "noone"})
#: Words a cue does not skip ("had nothing to do with" is not "have to", "pay no price" not "pay price").
NEGATIVE_WORDS = NEGATIONS | NEGATIVE_HEADS | {"no"}
#: Words of fighting something: their object is not what is said of anyone ("the war on terrorism").
OPPOSING = frozenset({"fight", "combat", "counter", "war", "battle", "campaign", "struggle", "counterterrorism"})
#: Words of answering another's act.
RESPONSES = frozenset({"response", "reaction", "retaliation", "reply", "answer", "respond", "react", "retaliate"})
#: Pronouns that may stand for what a report is "said of".
SAID_OF = frozenset({"it", "this", "that", "they", "he", "she", "we"})
#: Subjects that point at what the predicate names ("this is an escalation by Moscow").
DEMONSTRATIVES = frozenset({"this", "that", "it"})
#: Subjects that stand for a clause elsewhere ("it is a mistake for X to ...", "there was Russian meddling").
PLACEHOLDERS = frozenset({"it", "there"})
MEDIA = "MED"  # the CAMEO role of news media
#: Labels of a name a noun stands before as its title.
TITLED = frozenset({"appos", "flat", "flat:name", "compound"})
#: Labels of the object and object predicate of a naming verb ("called the decision reckless").
NAMED_PREDICATES = frozenset({"obj", "dobj", "iobj", "xcomp", "oprd"})
#: Prepositions of a feeling's or a state's complement ("satisfied with", "worried about", "angry at", "proud of"): an
#: adjective with one says how its subject feels, not what it is worth (unlike "nice to me", "bad for America").
FEELING_COMPLEMENTS = frozenset({"with", "about", "at", "by", "over", "of"})
#: Wh-adverbs that say when or where a report was made, not that it is asked ("why he thinks they are bad").
REPORT_CIRCUMSTANCES = frozenset({"when", "where", "whenever", "wherever"})
#: Articles of a subject that is anyone of a kind ("a good woman is better than ...").
INDEFINITE = frozenset({"a", "an"})
#: Markers of a purpose clause ("to ensure ...", "so (that) the committee can ...").
PURPOSE_MARKS = frozenset({"to", "so"})
#: Markers of a content that is asked or supposed, not asserted ("whether Y was a hero", "if Y is a threat").
UNASSERTED = frozenset({"if", "whether", "unless"})


@dataclass(frozen=True, slots=True)
class Act:
    """One kind of statement (see the field list in ``statements.yaml``)."""

    name: str
    code: str
    cues: tuple[tuple[str, ...], ...]
    subject: str = "other"
    about: frozenset[str] | None = None
    modal: frozenset[str] = frozenset()
    nearby: str = ""  # "", "before" or one of NEARBY
    verbs: frozenset[str] = frozenset()
    openers: frozenset[str] = field(init=False)  # the first words of the cues

    def __post_init__(self) -> None:
        object.__setattr__(self, "openers", frozenset(cue[0] for cue in self.cues))


@dataclass(frozen=True)
class Valence:
    """How strongly words praise or condemn: VADER's lexicon (word -> mean rating, -4 .. +4), the strength
    ``threshold`` an evaluation needs, the acts it codes (praise may be left out: None), the words that say how
    someone is or fares, not what they are worth (``not_evaluations``: "dead", "happy"), and the nouns of acts, whose
    evaluation is of their author (``of_acts``: "the Russian decision")."""

    scores: Mapping[str, float]
    threshold: float
    negative: Act
    positive: Act | None
    not_evaluations: frozenset[str]
    of_acts: frozenset[str]

    @classmethod
    def load(cls, raw: Mapping[str, Any], where: str, ontology: Ontology,
             classes: Mapping[str, tuple[str, ...]]) -> Valence:
        """The ``valence`` section of ``statements.yaml`` over the lexicon the ``vaderSentiment`` package ships."""
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        unknown = set(raw) - _VALENCE_FIELDS
        if unknown:
            raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
        acts = {}
        for sign in ("negative", "positive"):
            code = str(raw.get(sign, ""))
            if code not in ontology and (sign == "negative" or raw.get(sign) is not None):
                raise LexiconError(f"{where}: {sign}: {code!r} is not a CAMEO 1.1b3 code")
            acts[sign] = Act(name=f"{sign} evaluation", code=code, cues=()) if code in ontology else None
        return cls(scores=SentimentIntensityAnalyzer().lexicon, threshold=_threshold(raw, where),
                   not_evaluations=frozenset(str(w).lower() for w in raw.get("not_evaluations") or ()),
                   of_acts=expand_words(raw.get("of_acts") or (), classes, where), **acts)

    def score(self, token: Token) -> tuple[float, str] | None:
        """The valence of a word (its form, else its lemma) and the entry found, if it is an evaluation."""
        forms = (token.lower_, token.lemma_.lower())  # (the whole word: not "hand" for "heavy-handed")
        if self.not_evaluations.intersection(forms):
            return None
        return next(((self.scores[f], f) for f in forms if f in self.scores), None)


def _threshold(raw: dict, where: str) -> float:
    """The valence section's ``threshold``: a number, or a ``LexiconError`` naming the file."""
    try:
        return float(raw["threshold"])
    except (KeyError, TypeError, ValueError):
        raise LexiconError(f"{where}: threshold: a number is required, got {raw.get('threshold')!r}") from None


@dataclass(frozen=True)
class StatementCues:
    acts: tuple[Act, ...]
    valence: Valence | None = None
    openers: frozenset[str] = field(init=False)  # the first words of every act's cues

    def __post_init__(self) -> None:
        object.__setattr__(self, "openers", frozenset().union(*(act.openers for act in self.acts)))

    @classmethod
    def load(cls, path: Path = STATEMENTS, lexicon_dir: Path = LEXICON_DIR, ontology: Ontology | None = None,
             classes: Mapping[str, tuple[str, ...]] | None = None) -> StatementCues:
        """Read ``path``, expanding ``$class`` names from the event lexicon's word classes (``classes``, else
        those of the lexicon in ``lexicon_dir``)."""
        from casus.knowledge.ontology import Ontology

        ontology = ontology or Ontology.load()
        if classes is None:
            classes = Lexicon.load(lexicon_dir, ontology).classes
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        valence = Valence.load(raw["valence"], f"{path.stem}:valence", ontology, classes) if raw.get("valence") else None
        return cls(acts=tuple(_act(f"{path.stem}:{n}", a, classes, ontology) for n, a in enumerate(raw.get("acts") or (), 1)),
                   valence=valence)


def _act(where: str, raw: dict[str, Any], classes: Mapping[str, tuple[str, ...]], ontology: Ontology) -> Act:
    unknown = set(raw) - _FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    code, subject = str(raw.get("code", "")), raw.get("subject", "other")
    if code not in ontology:
        raise LexiconError(f"{where}: {code!r} is not a CAMEO 1.1b3 code")
    if subject not in SUBJECTS:
        raise LexiconError(f"{where}: subject must be one of {SUBJECTS}, not {subject!r}")
    nearby = raw.get("nearby", False)
    if not (isinstance(nearby, bool) or nearby in NEARBY):
        raise LexiconError(f"{where}: nearby must be true, false or one of {NEARBY}, not {nearby!r}")
    if not raw.get("name") or not (raw.get("cues") or raw.get("verbs")):
        raise LexiconError(f"{where}: an act needs a name and cues or verbs")
    cues = expand_words(raw.get("cues") or (), classes, where)
    cues |= adverbs(cues) if raw.get("adverbs") else frozenset()
    return Act(
        name=str(raw["name"]), code=code, subject=subject,
        cues=tuple(sorted({tuple(cue.split()) for cue in cues}, key=lambda c: (-len(c), c))),
        verbs=expand_words(raw.get("verbs") or (), classes, where),
        about=expand_words(raw["about"], classes, where) if raw.get("about") else None,
        modal=frozenset(_straight(str(m).lower()) for m in raw.get("modal") or ()), nearby=("before" if nearby else "") if isinstance(nearby, bool) else nearby,
    )


@dataclass(frozen=True, slots=True)
class Reader:
    """The event coder's view of the parse, for one report by one speaker."""

    lemmas: Callable[[Token], tuple[str, ...]]  # the token's lemma and inflection-stripped forms
    subject: Callable[[Token], Token | None]  # a verb's agent
    actors: Callable[[Token], list[Actor]]  # the actors a phrase names, else the author of the act it names
    status: Callable[[Token], tuple[Status | None, str | None]]  # a word's own negation / modality
    is_speaker: Callable[[Actor], bool]  # the speaker itself (the same mention, code, or its own state)
    speakers_side: Callable[[Actor], bool]  # the speaker's country or side
    nearby: Callable[[Token], Actor | None]  # the other side's actor nearest a word in its sentence


@dataclass(frozen=True, slots=True)
class Statement:
    """The act a report's content makes of the statement, toward whom, and why."""

    act: Act
    cue: tuple[Token, ...]
    target: Actor
    target_token: Token
    status: Status
    notes: tuple[str, ...]


def code_statement(verb: Token, content: Token, reporting: frozenset[int], cues: StatementCues,
                   reader: Reader) -> Statement | None:
    """The speaker's act in saying ``content`` (the root of what ``verb`` reports), or None when no cue fires
    or no actor other than the speaker is what the content is about. ``reporting`` holds the sentence's
    words of saying: a clause another of them reports is not this content. A question codes nothing ("Do you think
    Uganda is behind the raid?")."""
    stop, end = reporting | {verb.i}, content.sent.end
    if _question(content, stop, end):
        return None
    # (not a phrase on an adverbial: "vindicated him in the investigation into Russian meddling")
    cue_region = [t for t in _region(content, stop, CUE_DEPTH, ASIDES)
                  if not (t.dep_.startswith("nmod") and t.head.dep_.startswith("obl") and t.head.head.i == content.i)]
    # the grammatical subject, what the content is said of (not the agent of a passive: "held illegal by a court")
    subject = next((c for c in content.children if c.dep_ in SUBJECT_LABELS), None) or _fronted_subject(verb, content) \
        or reader.subject(content)
    anchors = _anchors(content, cue_region, cues.openers, reader)
    opening = frozenset().union(*(forms for _, forms, _ in anchors))  # the words a cue found here can start with
    forms_at: dict[int, frozenset[str]] = {}  # the forms of the words a cue goes on into, read once per report
    fired = []  # (how deep the cue is, file order, act, cue) of the acts whose cue the content has
    for order, act in enumerate(cues.acts):
        cue = _cue(act, content, end, anchors, reader, forms_at) if not act.openers.isdisjoint(opening) else None
        if cue is None or act.modal and not _announced(act, content, cue):
            continue
        if act.about is not None and not (subject is not None and set(reader.lemmas(subject)) & act.about):
            continue
        fired.append((min(_depth(t, content) for t in cue), order, act, cue))
    # the cue nearest the content's root says what the statement is: a deeper one of another act does not stand in
    # when it finds no target ("Such measures are unfriendly and can hardly go with the constructive atmosphere")
    nearest = min((f[0] for f in fired), default=0)
    # with no cue in what is said, the verb of saying may be the act ("warned that Kiev's move could lead to war"; one
    # told to someone, "warned Americans (not) to travel", is the event lexicon's)
    addressed = any(c.dep_ in ADDRESSEES for c in verb.children) \
        or any(c.dep_ == "mark" and c.lower_ == "to" for c in content.children)
    verb_forms = () if fired or addressed else reader.lemmas(verb)
    told = fired or [(0, order, act, (verb,)) for order, act in enumerate(cues.acts) if not act.verbs.isdisjoint(verb_forms)]
    for _, _, act, cue in sorted(f for f in told if f[0] == nearest):
        if act.code.startswith(DEMANDS) and (_passive(content, subject) or _perfect(content) or _perfect(cue[0].head)
                                             or content.pos_ == "ADJ" and content.lower_ in PERMISSIONS):
            continue  # ("the court must be respected by all nations": not what the court is asked; "should have
            # done so sooner": what is past is not asked; "should be able to vote": what one may do is not asked)
        if act.code.startswith(APPEALS) and _own_wish(cue, reader):
            continue
        found = _target(act, verb, content, subject, stop | _purposes(content), cue, reader)
        if found is None or act.code.startswith(APPEALS) and not _wanted(cue, found[1], reader):
            continue
        target, token, how = found
        status, why = _status(act, verb, content, cue, reader)
        if status is None:
            continue
        words = " ".join(t.text for t in cue)
        notes = (f"statement cue '{words}': {act.name} ({act.code}, statements.yaml)", how, *((why,) if why else ()))
        return Statement(act=act, cue=cue, target=target, target_token=token, status=status, notes=notes)
    if told or cues.valence is None:
        return None
    return _evaluation(verb, content, subject, cues.valence, reader)


def _evaluation(verb: Token, content: Token, subject: Token | None, valence: Valence,
                reader: Reader) -> Statement | None:
    """A content with no cue whose predicate evaluates an actor: "said Assange is no hero", "called the decision
    reckless" (the naming verb's object predicate). The strongest-rated word of the predicate (its head, adjectives
    and coordinated adjectives; not a noun of kind or relation, "the kind of thing", nor a feeling, "satisfied with")
    decides: at least ``threshold`` below zero is criticism, above it praise (if coded); a negated word of praise is
    criticism ("no hero"), a negated condemnation is neither ("not a threat"). A content asked, supposed or foretold ("whether",
    "if", "would be"), a question, a report denied, supposed or asked ("why he thinks"), a state after a preposition
    ("at war"), and a subject that is a placeholder or anyone of a kind ("it is clear that", "a woman is") code
    nothing; nor does an evaluation of what no actor is or did ("the weather was terrible")."""
    naming = content.head.i == verb.i and content.dep_ in NAMED_PREDICATES
    if not (naming or any(c.dep_ == "cop" for c in content.children)) or content.pos_ not in ("ADJ", "NOUN") \
            or any(c.dep_ == "mark" and c.lower_ in UNASSERTED or c.dep_ == "case" for c in content.children) \
            or _asked(verb) \
            or reader.status(verb)[0] is not None or reader.status(content)[0] not in (None, "negated") \
            or subject is not None and (subject.lower_ in PLACEHOLDERS or any(c.lower_ in INDEFINITE for c in subject.children)):
        return None  # (nor a state after a preposition, "at war", "in the clear"; nor "it is clear that", "a woman is")
    words = [w for w in (content, *(c for c in content.children if c.dep_ == "amod" or c.dep_ == "conj" and c.pos_ == "ADJ"))
             if not _relational(w) and not _feeling(w)]
    rated = [(found, word) for word in words if (found := valence.score(word)) is not None]
    (value, entry), word = max(rated, key=lambda r: abs(r[0][0]), default=((0.0, ""), content))
    negated = _negated((content, word), NEGATIVE_WORDS)
    if abs(value) < valence.threshold or negated and value < 0:
        return None
    act = valence.negative if negated or value < 0 else valence.positive
    if act is None:
        return None
    # the actor the subject names or refers to, or the author of the act it names; not the possessor of a thing
    # ("China's economy is weak" says nothing of China)
    found = next(((actor, token) for actor, token in _about(verb, content, subject, reader, owners=False)
                  if (actor.span[0] <= token.idx < actor.span[1] or token.pos_ == "PRON"
                      or valence.of_acts.intersection(reader.lemmas(token)))
                  and not (_public(actor) and reader.speakers_side(actor))), None)
    if found is None:
        return None
    actor, token = found
    why = f"'{word.text}' ({entry}: {value:+.1f} in VADER's lexicon{', negated' if negated else ''})"
    notes = (f"evaluation {why}: {act.name} ({act.code}, statements.yaml valence)",
             f"target '{actor.text}': what the evaluation is of (subject '{token.text}')")
    return Statement(act=act, cue=(word,), target=actor, target_token=token, status="asserted", notes=notes)


def _about(verb: Token, content: Token, subject: Token | None, reader: Reader,
           owners: bool) -> Iterator[tuple[Actor, Token]]:
    """The actors with a country, other than the speaker, that what is said is about, with their tokens: those the
    content's subject names or refers to (what the report is "said of", for a pronoun), then with ``owners`` those
    of its possessor (see ``_subjects``)."""
    tokens = _subjects(content, _said_of(verb, subject) or subject, reader)
    for token in tokens if owners else tokens[:1]:
        yield from ((actor, token) for actor in reader.actors(token) if actor.country and not reader.is_speaker(actor))


def _question(content: Token, stop: frozenset[int], end: int) -> bool:
    """Whether what is said asks: a "?" in the content or right after it, up to ``end`` (its sentence's; "Do you think
    Uganda is behind the raid?"), not in another report it goes on into ("said X would pay a price, and asked: 'Who
    will ...?'": a verb of saying, or a coordinated verb with a clause of its own)."""
    doc, first, last = content.doc, content.left_edge.i, content.right_edge.i
    reports = [doc[i] for i in stop if first <= i <= last and content.is_ancestor(doc[i])] + [
        c for c in content.children if c.dep_ == "conj" and any(m.dep_ in ("ccomp", "parataxis") for m in c.children)]
    others = {t.i for report in reports for t in report.subtree}
    after = takewhile(lambda t: t.pos_ == "PUNCT", doc[last + 1:end])
    return any(t.text == "?" and t.i not in others for t in (*content.subtree, *after))


def _negated(words: tuple[Token, ...], negators: frozenset[str] = NEGATIONS) -> bool:
    """Whether one of ``negators`` hangs on any of ``words`` ("not a hero", "no hero")."""
    return any(c.lower_ in negators for t in words for c in t.children)


def _relational(word: Token) -> bool:
    """Whether a noun has an "of" phrase: a kind or a relation, not a verdict ("the kind of thing", "a victim of")."""
    return word.pos_ == "NOUN" and any(c.dep_.startswith("nmod") and any(m.lower_ == "of" for m in c.children)
                                       for c in word.children)


def _asked(verb: Token) -> bool:
    """Whether a report is an indirect question led by a wh-adverb ("why he thinks they are bad is beyond me"), not a
    relative clause ("Romney, who declared that ...") nor the time or place of the report ("when he said ..."); the
    parser may hang the adverb on the verb or the verb on the adverb ("knows why <- he thinks")."""
    return any(c.tag_ == "WRB" and c.lower_ not in REPORT_CIRCUMSTANCES and c.i < verb.i
               for c in (*verb.children, verb.head))


def _feeling(word: Token) -> bool:
    """Whether an adjective has the complement of a feeling ("satisfied with", "worried about")."""
    return word.pos_ == "ADJ" and any(c.dep_.startswith("obl") and any(m.lower_ in FEELING_COMPLEMENTS for m in c.children)
                                      for c in word.children)


def _perfect(clause: Token) -> bool:
    """Whether a verb is in a perfect tense ("should have done"): what it says is past."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children)


def _passive(clause: Token, subject: Token | None) -> bool:
    """Whether a clause is passive: its subject is the one it happens to."""
    return subject is not None and subject.dep_ in PASSIVE_LABELS or any(c.dep_ in PASSIVE_LABELS for c in clause.children)


def _depth(token: Token, root: Token) -> int:
    """How many links ``token`` is below ``root`` (an ancestor of it, or ``token`` itself)."""
    depth = 0
    while token.i != root.i and token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _region(root: Token, stop: frozenset[int], depth: int, asides: frozenset[str]) -> Iterator[Token]:
    """``root`` and the words up to ``depth`` links below it, breadth first, not entering ``stop`` words nor
    clauses labelled ``asides`` (but a noun's clause after a preposition is part of the noun's phrase: "a long
    history of lying", "the policy of meddling"; and so is a common noun modifying it: "a con job")."""
    level = [root]
    for _ in range(depth + 1):
        yield from level
        level = [c for t in level for c in t.children if c.i not in stop
                 and (c.dep_ not in asides or _noun_complement(c) or c.dep_ == "compound" and c.pos_ == t.pos_ == "NOUN")]


def _noun_complement(clause: Token) -> bool:
    """Whether a noun's clause is its prepositional complement ("history of lying"), not a relative clause."""
    return clause.dep_ == "acl" and clause.tag_ == "VBG" and any(
        m.dep_ in ("mark", "case") and m.pos_ in ("ADP", "SCONJ")  # (a parser may tag "of" either way)
        for m in clause.children)


def _fronted_subject(verb: Token, content: Token) -> Token | None:
    """The subject of a content the report interrupts ("Mr. Morsi's opponents, they argued, were sabotaging the
    transition"): with none of its own, a noun before the speaker and a comma, hung on the verb of saying."""
    speaker = min((c for c in verb.children if c.dep_ in SUBJECT_LABELS), key=lambda c: verb.i - c.i, default=None)
    if speaker is None or not speaker.i < verb.i < content.i or not speaker.left_edge.i \
            or verb.doc[speaker.left_edge.i - 1].text != ",":
        return None
    around = (*verb.children, verb.head)  # (the parser may hang the report on the noun: "proposal <acl:relcl- said")
    return next((c for c in around if c.i < speaker.left_edge.i and c.pos_ in NOMINAL and c.dep_ != "obl:unmarked"
                 and not any(m.dep_ == "case" and m.pos_ == "ADP" for m in c.children)), None)  # (not "In Washington, ...")


def _forms(token: Token, reader: Reader) -> frozenset[str]:
    forms = frozenset(reader.lemmas(token))
    return forms | {"not"} if token.lower_ in NEGATIONS else forms


def _anchors(content: Token, region: list[Token], openers: frozenset[str],
             reader: Reader) -> list[tuple[Token, frozenset[str], frozenset[int]]]:
    """The words of ``region`` a cue may start on (one of ``openers``), in order, with their forms and, for the
    content's subject, the words of its phrase (empty for the others)."""
    found = []
    for anchor in region:
        forms = _forms(anchor, reader)
        if openers.isdisjoint(forms) or _title(anchor) or _opposed(anchor, reader):
            continue
        # the content's subject is what it is said of, not what it says ("terrorists track leaks"), unless the cue
        # goes on into what is said of it ("the invitation still stands")
        said_of = anchor.dep_ in SUBJECT_LABELS and anchor.head.i == content.i and not _existential(content)
        found.append((anchor, forms, frozenset(t.i for t in anchor.subtree) if said_of else frozenset()))
    return found


def _cue(act: Act, content: Token, end: int, anchors: list[tuple[Token, frozenset[str], frozenset[int]]],
         reader: Reader, forms_at: dict[int, frozenset[str]]) -> tuple[Token, ...] | None:
    """The tokens of the act's cue nearest the content's root (its first word one of ``anchors``, the others after
    it in order, each at most ``MAX_GAP`` words on with no verb nor negative word between, nor a noun before an
    ``ADJACENT`` one), longer cues first.
    ``end`` is the content's sentence's end; ``forms_at`` memoises the forms of the words after an anchor."""
    doc = content.doc

    def has_form(i: int, word: str) -> bool:
        forms = forms_at.get(i)
        if forms is None:
            forms = forms_at[i] = _forms(doc[i], reader)
        return word in forms

    for anchor, forms, subject_words in anchors:
        for cue in act.cues:
            if cue[0] not in forms:
                continue
            tokens, at = [anchor], anchor.i
            for word in cue[1:]:
                blocking = NOT_ADJACENT if word in ADJACENT else frozenset()
                at = next((i for i in range(at + 1, min(at + 2 + MAX_GAP, end)) if has_form(i, word)
                           and not any(t.pos_ == "VERB" or t.pos_ in blocking or t.lower_ in NEGATIVE_WORDS
                                       for t in doc[at + 1:i])), None)
                if at is None:
                    break
                tokens.append(doc[at])
            if len(tokens) == len(cue) and not (subject_words and all(t.i in subject_words for t in tokens)):
                return tuple(tokens)
    return None


def _opposed(token: Token, reader: Reader) -> bool:
    """Whether a word names what is fought, not what is done ("a partner in the fight against terrorism")."""
    return any(c.dep_ == "case" and c.lower_ == "against" for c in token.children) \
        or bool(set(reader.lemmas(token.head)) & OPPOSING) and token.dep_ != "amod"


def _existential(clause: Token) -> bool:
    """Whether a clause says that its subject exists ("there are solutions"): the subject is then what is said."""
    return any(c.dep_ == "expl" and c.lower_ == "there" for c in clause.children)


def _title(token: Token) -> bool:
    """A noun standing before a name as its title describes, it is not what is said ("presidential hopeful Joe
    Biden", "dictator Kim Jong Un")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.pos_ in VERBAL:
        return False  # ("hoped India would return")
    return following is not None and following.pos_ == "PROPN" or any(
        c.dep_ in TITLED for c in token.children if c.pos_ == "PROPN")


def _announced(act: Act, content: Token, cue: tuple[Token, ...]) -> bool:
    """Whether the content's verb (or the cue's) carries one of the act's auxiliaries ("would respond", "it’d
    respond": with either apostrophe; "'d" only before a base form, "would", not "had": "we'd already responded",
    "we'd have responded")."""
    return any(c.dep_ == "aux" and (word := _straight(c.lower_)) in act.modal and (word != "'d" or _base(t))
               for t in (content, cue[0]) for c in t.children)


def _base(verb: Token) -> bool:
    """Whether a verb (or a predicate's copula) is in the base form with no "have" before it ("respond", "be ready")."""
    return any(t.tag_ == "VB" for t in (verb, *(c for c in verb.children if c.dep_ == "cop"))) \
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _straight(word: str) -> str:
    """A word with the typographic apostrophe written straight ("’ll" -> "'ll")."""
    return word.replace("’", "'")


def _public(actor: Actor) -> bool:
    """Whether an actor is a country's general public ("the Brazilian people", "Americans")."""
    return (actor.role or (actor.code or "")[3:6]) == PUBLIC


def _wanting(cue: tuple[Token, ...]) -> Token:
    """An appeal cue's verb of wanting ("like" of "would like")."""
    return next((t for t in cue if t.pos_ == "VERB"), cue[-1])


def _own_wish(cue: tuple[Token, ...], reader: Reader) -> bool:
    """Whether a verb of wanting (the cue's content verb: "like" of "would like") has an infinitive with no object of its
    own before it: the speaker's own wish ("wanted to visit Chile", "would like to thank"), not what is asked of another
    ("wanted Peru to withdraw", "wanted Peru's help", "wanted to see Iran return to the talks")."""
    wanting = _wanting(cue)
    return not any(c.dep_ in ADDRESSEES for c in wanting.children) and any(
        c.dep_ == "xcomp" and c.pos_ in VERBAL and any(m.lower_ == "to" for m in c.children)
        and not (PERCEIVING_CAUSING.intersection(reader.lemmas(c)) and any(
            m.dep_ in ADDRESSEES or m.dep_ in ("ccomp", "xcomp") for m in c.children))
        for c in wanting.children)


def _wanted(cue: tuple[Token, ...], target: Token, reader: Reader) -> bool:
    """Whether an appeal's target is in the object of its verb of wanting, whom the act is asked of ("wants Pakistan to do
    more", "wanted Peru's help", "wanted to see Morocco return"), not another actor the content names ("wanted the deal
    to be good for the Palestinians")."""
    wanting = _wanting(cue)
    seeing = [c for c in wanting.children if c.dep_ == "xcomp" and PERCEIVING_CAUSING.intersection(reader.lemmas(c))]
    asked = [c for t in (wanting, *seeing) for c in t.children
             if c.dep_ in ADDRESSEES or t.i != wanting.i and c.dep_ in ("ccomp", "xcomp")]
    return any(c.left_edge.i <= target.i <= c.right_edge.i for c in asked)


def _target(act: Act, verb: Token, content: Token, subject: Token | None, stop: frozenset[int],
            cue: tuple[Token, ...], reader: Reader) -> tuple[Actor, Token, str] | None:
    """(target, its token, how it was found) by the act's ``subject`` rule (see ``statements.yaml``); never
    the phrase of the cue itself ("terrorists track leaks", "the criminal division")."""
    by_verb_alone = len(cue) == 1 and cue[0].i == verb.i  # (a warning named by its verb alone: of another side, not
    # of the speaker's own state or party: "the Labour Party warned that the government's plan could hurt farmers")

    speaking = _speaking(verb)

    def fits(actor: Actor) -> bool:
        return bool(actor.country) and not any(actor.span[0] <= t.idx < actor.span[1] for t in cue) \
            and not (reader.speakers_side(actor) and (by_verb_alone or _public(actor))) \
            and not speaking[0] <= actor.span[0] < speaking[1]

    about = _said_of(verb, subject)
    if act.subject == "other":
        for token in _enclosed(cue):
            actor = next((a for a in reader.actors(token) if fits(a) and not reader.is_speaker(a)), None)
            if actor is not None:
                return actor, token, f"target '{actor.text}': the object the cue's words enclose"
        found = next(((actor, token) for actor, token in _about(verb, content, subject, reader, owners=True)
                      if fits(actor)), None)
        if found is not None:
            actor, token = found
            return actor, token, f"target '{actor.text}': what the statement is about (subject '{token.text}')"
        for token in _cue_authors(cue) or _predicate_authors(content, about or subject):
            actor = next((a for a in reader.actors(token) if fits(a) and not reader.speakers_side(a)), None)
            if actor is not None:
                return actor, token, f"target '{actor.text}': whose act the cue names ('{token.text}')"
        return _nearby(act, verb, content, reader)
    if act.subject == "own" and not _own(subject, reader):
        return None
    skip = {t.i for t in subject.subtree} if act.subject == "own" and subject is not None else set()
    named = _region(content, stop | skip, depth=4, asides=frozenset({"acl:relcl"}))
    for token in chain(_region(about, stop, depth=2, asides=ASIDES), named) if about is not None else named:
        if token.pos_ not in NOMINAL or token.dep_ in PHRASE_INNER or any(c.lower_ == "according" for c in token.children) \
                or _undergoer(token, reader):
            continue  # (not the source of the report: "..., according to the official news agency")
        actor = next((a for a in reader.actors(token) if fits(a) and not reader.speakers_side(a)), None)
        if actor is not None:
            return actor, token, f"target '{actor.text}': the other side the statement names"
    return _nearby(act, verb, content, reader)


def _speaking(verb: Token) -> tuple[int, int]:
    """The characters of the phrase that says (the subject of the verb of saying): every actor it names speaks, none is
    what is said of ("U.S. and Saudi officials say they have evidence that ...": not the Saudis); empty when none."""
    # (the nearest subject: the parser may hang a content's fronted subject on the verb, "The Eritrean proposal, the
    # minister said, was a positive step")
    subject = min((c for c in verb.children if c.dep_ in SUBJECT_LABELS), key=lambda c: abs(verb.i - c.i), default=None)
    if subject is None:
        return 0, 0
    tokens = _speakers(subject)
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


#: The parts of a speaking phrase that name who speaks (not what a clause says of them: "Iran's foreign minister,
#: commenting on the Saudi strikes, said ...").
_SPEAKER_PARTS = frozenset({"compound", "amod", "det", "nmod:poss", "flat", "nummod", "cc"})


def _speakers(head: Token) -> list[Token]:
    """The words of the phrase ``head`` heads that name its speakers: its own, its modifiers' and those of its conjuncts
    ("Egyptian and Jordanian officials", "Egypt and Jordan")."""
    return [head] + [t for c in head.children if c.dep_ in _SPEAKER_PARTS for t in c.subtree] \
        + [t for c in head.children if c.dep_ == "conj" for t in _speakers(c)]


def _enclosed(cue: tuple[Token, ...]) -> list[Token]:
    """The object of a cue's verb that stands between the cue's words: whom the phrase is about, not the subject ("the
    world will hold the Chinese authorities accountable", "will make Iran pay a price")."""
    return [c for c in cue[0].children if c.dep_ in ADDRESSEES and cue[0].i < c.i < cue[-1].i] \
        if cue[0].pos_ == "VERB" and len(cue) > 1 else []


def _undergoer(token: Token, reader: Reader) -> bool:
    """Whether a noun is the "of" phrase of an act that names no author ("dismayed by the execution of Sheikh Nimr"):
    the one the act was done to, not the other side of the statement."""
    return token.dep_.startswith("nmod") and token.head.pos_ == "NOUN" and not reader.actors(token.head) \
        and any(m.dep_ == "case" and m.lower_ == "of" for m in token.children)


def _cue_authors(cue: tuple[Token, ...]) -> list[Token]:
    """Who did what the content says is answered ("the deployment was in response to hostile behaviour by Iranian
    forces", "a reply to Iran's provocations"): the authors of the cue's noun when a word of response governs it."""
    noun = cue[0].head if cue[0].dep_ == "amod" else cue[0]
    if noun.pos_ not in ("NOUN", "PROPN") or not any(a.lemma_.lower() in RESPONSES for a in list(noun.ancestors)[:2]):
        return []
    return _authors(noun, cue[0])


def _predicate_authors(content: Token, subject: Token | None) -> list[Token]:
    """Who did the act a content's predicate noun names when its subject is "this" or "it" ("This is a dangerous
    escalation by Moscow", "it was an Iranian provocation")."""
    if subject is None or subject.lower_ not in DEMONSTRATIVES or content.pos_ != "NOUN":
        return []
    return _authors(content, subject)


def _authors(noun: Token, skip: Token) -> list[Token]:
    """The possessor, nationality adjective or "by" phrase of an act noun; not an "of" phrase (the victim: "a
    violation of Syrian sovereignty")."""
    return [c for c in noun.children if c.i != skip.i and (c.dep_ in POSSESSIVE or c.dep_ == "amod" and c.pos_ == "ADJ"
            or c.dep_.startswith(("nmod", "obl")) and any(m.dep_ == "case" and m.lower_ == "by" for m in c.children))]


def _said_of(verb: Token, subject: Token | None) -> Token | None:
    """What a report is "said of" when the content's subject is a pronoun that refers to it ("'This is a positive
    step,' the spokesman said of Turkey's proposal")."""
    if subject is None or subject.lower_ not in SAID_OF:
        return None
    return next((c for c in verb.children if c.dep_.startswith("obl")
                 and any(m.dep_ == "case" and m.lower_ == "of" for m in c.children)), None)


def _nearby(act: Act, verb: Token, content: Token, reader: Reader) -> tuple[Actor, Token, str] | None:
    """For an act with ``nearby`` whose content names no other side: the nearest one in the sentence (for "content",
    in the whole of what is said, with the report's other that-clauses: not the partner of a meeting, "speaking
    alongside Merkel, ... said the borders were not negotiable"), else for "before" the last one the sentence before
    names ("Israel rejected the Egyptian proposal. Egypt said the invitation still stands"), for "accuser" the one it
    says accuses the speaker's side ("Israel accused Hezbollah of firing the rockets. Hezbollah said it was not
    involved"); never a news outlet ("..., according to the official news agency")."""
    if not act.nearby:
        return None
    if act.nearby == "content":
        said = chain(content.subtree, *(c.subtree for c in _more_contents(verb, content)))
        return next(((actor, token, f"target '{actor.text}': no other side as subject, the nearest one in what is said")
                     for token in sorted(said, key=lambda t: abs(t.i - verb.i)) if token.pos_ in NOMINAL
                     for actor in reader.actors(token) if _other(actor, reader)), None)
    actor = reader.nearby(verb)
    if actor is not None and not (actor.code or "").endswith(MEDIA):
        return actor, verb, f"target '{actor.text}': no other side in what is said, the nearest one in the sentence"
    start = verb.sent.start
    before = verb.doc[start - 1].sent if start else None
    if before is not None and act.nearby == "accuser":
        return next(((actor, token, f"target '{actor.text}': who the sentence before says accuses the speaker's side")
                     for token in before if token.pos_ == "VERB" and ACCUSING.intersection(reader.lemmas(token))
                     and any(reader.speakers_side(a) for c in token.children if c.dep_ in ADDRESSEES
                             for a in reader.actors(c))
                     and (subject := reader.subject(token)) is not None
                     for actor in reader.actors(subject) if _other(actor, reader)), None)
    for token in reversed(before or ()):
        actor = next((a for a in reader.actors(token) if _other(a, reader)), None) if token.pos_ in NOMINAL else None
        if actor is not None:
            return actor, token, f"target '{actor.text}': no other side in this sentence, the last one named before it"
    return None


def _more_contents(verb: Token, content: Token) -> list[Token]:
    """The other that-clauses the same report goes on to ("said that the deal was not renegotiable and that Trump's move
    ...") when the parser hangs them on the verb (hung on the first content, they are in its subtree)."""
    return [c for c in verb.children if c.dep_ in ("conj", "ccomp") and c.i > content.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def _other(actor: Actor, reader: Reader) -> bool:
    """Whether an actor is another side's, and no news outlet."""
    return bool(actor.country) and not reader.speakers_side(actor) and not (actor.code or "").endswith(MEDIA)


def _subjects(content: Token, subject: Token | None, reader: Reader) -> list[Token]:
    """The content's subject, then, when it names no actor, its possessor ("Gohmert's questions got the facts wrong",
    not "Morsi's opponents ..."); for a placeholder ("it is wrong for X to ...", "there was Russian meddling") the
    subjects of its clauses and the noun after "there is"."""
    if subject is None or subject.lower_ in SPEAKING or any(c.dep_ == "det" and c.lower_ in GENERIC for c in subject.children) \
            or any(c.dep_ in POSSESSIVE and c.lower_ in FIRST_POSSESSIVES for c in subject.children) \
            and all(reader.speakers_side(a) for a in reader.actors(subject)):
        return []  # ("he", "they": the actor the coreference gives, unless that is the speaker: "X said he had erred"; not
        # anyone of a kind: "no American should live under suspicion"; not the speaker's own: "our country should ...",
        # unlike "our NATO allies should pay more")
    if subject.lower_ not in PLACEHOLDERS:
        owners = [] if reader.actors(subject) else [c for c in subject.children if c.dep_ in POSSESSIVE]
        return [subject, *owners]
    clauses = [c for c in content.children if c.dep_ in ("csubj", "ccomp", "xcomp", "advcl", "acl")]
    found = [s for c in clauses if (s := reader.subject(c)) is not None and s.i != subject.i]
    # ("it is time for Iran to stop ...": the infinitive's subject after "for")
    if any(c.dep_.startswith(("acl", "advcl")) for c in content.children):
        found += [c for c in content.children if c.dep_.startswith(("nmod", "obl"))
                  and any(m.dep_ == "case" and m.lower_ == "for" for m in c.children)]
    return found + [c for c in content.children if c.dep_ in SUBJECT_LABELS and c.i != subject.i]


def _purposes(content: Token) -> frozenset[int]:
    """The words of the content's purpose clauses ("will work with allies to ensure Iran is held accountable", "hopes the
    matter is resolved so the committee can return to the Russia inquiry"): not whom an announced act is aimed at."""
    return frozenset(t.i for c in content.subtree if c.dep_ == "advcl"
                     and any(m.dep_ == "mark" and m.lower_ in PURPOSE_MARKS for m in c.children) for t in c.subtree)


def _own(subject: Token | None, reader: Reader) -> bool:
    """Whether the content's subject is the speaker or the speaker's side ("we", "it", "its army")."""
    if subject is None:
        return False
    actors = reader.actors(subject)
    return all(reader.speakers_side(a) for a in actors) if actors else subject.lower_ in FIRST_PERSON


def _status(act: Act, verb: Token, content: Token, cue: tuple[Token, ...], reader: Reader) -> tuple[Status | None, str | None]:
    """The statement's status: the report's own ("did not say": negated; "would say", "if X says": hypothetical),
    else the content's future or hypothetical modality (an announced act, whose modal is its cue, is asserted).
    None when the content negates its cue ("not unacceptable", "no longer a violation", "did nothing wrong"):
    then the statement is not that act."""
    said, why = reader.status(verb)
    if said in ("negated", "hypothetical"):
        return said, f"the report: {why}"
    if cue == (verb,):
        return "asserted", None  # (a warning about what may happen is made, whatever the content's modality)
    status, why = next(((s, w) for s, w in (reader.status(cue[0]), reader.status(content)) if s is not None), (None, None))
    no_longer = any(c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children) for t in (cue[0], content)
                    for c in t.children)
    negated = status == "negated" or _negated((cue[0], content)) \
        or any(c.dep_ == "det" and c.lower_ == "no" and c.i not in {t.i for t in cue} for c in cue[0].children)  # ("no solution")
    if negated and not any(t.lower_ in NEGATIONS for t in cue) or no_longer \
            or cue[0].head.lower_ in NEGATIVE_HEADS \
            or cue[0].dep_ in ("xcomp", "advmod") and any(c.lower_ in NEGATIVE_HEADS for c in cue[0].head.children):
        return None, None
    if act.modal or status == "negated" or cue[0].dep_ == "aux":
        return "asserted", None  # (a modal that is the cue is the act: "should stop" demands it)
    return status or "asserted", why
