"""Agreements, the obligations they impose and the violations alleged against a party.

Runs after the event coder. Within an article:

- **mentions**: agreement nouns (agreement, deal, memorandum, ceasefire, truce, accord, pact,
  treaty, armistice), plus "document" when it points back at an agreement already mentioned;
  parties are the countries of the actors that make the deal (the subject of "struck"/"hashed
  out", "with X", "between X and Y", two or more nationality words inside the phrase); the date is a time
  expression inside the phrase or attached to the verb that made the deal ("a deal … in 2018");
- **merging**: a definite mention ("the agreement", "this document", "those agreements", "that same
  agreement") joins the latest agreement; any mention with the same name or the same two or more
  parties as an earlier one joins it;
- **obligations**: undertake / pledge / commit / agree / promise / vow to do X, and the nouns promise,
  pledge, commitment, undertaking, obligation + "to do X", for the subject or the possessor;
- **violations**: violate / breach / flout / contravene / fail to deliver on … an agreement or
  undertaking, and violation / breach / non-fulfilment / contravention of one; the accused is the
  one who acts ("by X", the subject, the one accused of it, else the nearest actor before it), the
  accusers are the speakers of the quote it stands in or the subject of the accusing verb.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casus.extract.coref import quotation_spans, resolve_reference
from casus.extract.quotes import SPEECH_VERBS, inflections, lemma_table, subject_of
from casus.records import Actor, Agreement, EventDate, Obligation, Span, Violation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from casus.pipeline import Context, Resources

AGREEMENT_NOUNS = frozenset("agreement deal memorandum ceasefire cease-fire truce accord pact treaty armistice".split())
#: Nouns that refer to an agreement only when definite and one is already known ("this document").
BACK_REFERENCES = frozenset("document arrangement deal agreement".split())
#: Verbs by which parties make an agreement: their subject and "with" object are the parties.
MAKING_VERBS = frozenset("sign strike reach hash conclude broker negotiate make agree seal forge clinch ink".split())
OBLIGATION_VERBS = frozenset("undertake pledge commit agree promise vow oblige obligate guarantee".split())
OBLIGATION_NOUNS = frozenset("promise pledge commitment undertaking obligation guarantee".split())
VIOLATION_VERBS = frozenset("violate breach flout break contravene disregard renege".split())
#: "fail to deliver on / honour / implement …": a violation when the object is an agreement or duty.
FAILURE_VERBS = frozenset("fail".split())
VIOLATION_NOUNS = frozenset("violation breach contravention infringement failure".split())
#: Nouns that name a violation with a "non-" prefix ("non-fulfilment", "non-compliance").
NEGATED_NOUNS = frozenset("fulfilment fulfillment compliance implementation observance".split())
ACCUSING_VERBS = frozenset("accuse blame charge allege".split()) | SPEECH_VERBS
_DEFINITE = frozenset("the this that these those same".split())
#: Every word ``_Finder.is_`` is asked about, and their inflected forms.
_INFLECTIONS = inflections(AGREEMENT_NOUNS | BACK_REFERENCES | MAKING_VERBS | OBLIGATION_VERBS | OBLIGATION_NOUNS
                           | VIOLATION_VERBS | FAILURE_VERBS | VIOLATION_NOUNS | NEGATED_NOUNS | ACCUSING_VERBS | {"consider"})
_SUBJECTS = ("nsubj", "nsubj:pass", "nsubj:outer")
_NOUN_PHRASE = ("det", "det:predet", "amod", "compound", "nmod:poss", "nummod", "flat")
_WINDOW = 8  # tokens after a trigger searched for its object when the parse misses it


@dataclass
class _Cluster:
    """An agreement being assembled from its mentions."""

    spans: list[Span]
    name: str | None = None
    parties: list[str] = field(default_factory=list)
    date: EventDate | None = None
    subject: str | None = None
    purpose: bool = False  # the subject is what the agreement is *for* ("to create a zone")
    obligations: list[Obligation] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    headlines: set[Span] = field(default_factory=set)  # spans of violations alleged in a headline


def _phrase(token: Token) -> Span:
    """The noun phrase headed by ``token``: its determiners and nominal modifiers on the left
    ("that same agreement", "the Sochi memorandum"), without prepositional or clausal ones."""
    doc, left = token.doc, token.i
    first = max(token.sent.start, token.left_edge.i)
    while left - 1 >= first and (
        (doc[left - 1].dep_ in _NOUN_PHRASE and doc[left - 1].pos_ != "VERB") or doc[left - 1].text == "-"
    ):
        left -= 1
    return doc[left].idx, token.idx + len(token.text)


def _code(actor: Actor | None) -> str | None:
    """How an actor is named as a party: its country for a state, its code for anyone else."""
    if actor is None:
        return None
    state = actor.code is None or actor.country is None or actor.code == actor.country or actor.code[3:] in ("GOV", "MIL")
    return actor.country if state and actor.country else actor.code


def _headline(sentence) -> bool:
    """Whether a sentence is set in title case (a headline: capitals say nothing about names)."""
    words = [w for w in sentence.text.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def _governing_verb(token: Token) -> Token | None:
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _window(token: Token) -> list[Token]:
    """The trigger's subtree plus a few tokens after it in the sentence (robust to parse slips)."""
    end = min(token.sent.end, token.i + _WINDOW + 1)
    return sorted({*token.subtree, *token.doc[token.i + 1:end]}, key=lambda t: t.i)


class _Finder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.doc = ctx.doc
        self.lemmas = lemma_table(ctx.doc, _INFLECTIONS)
        #: The tokens with a lemma in the vocabulary: the only ones that can trigger anything.
        self.keyed = [ctx.doc[i] for i, found in enumerate(self.lemmas) if found]
        self.quotations = quotation_spans(ctx)
        self.clusters: list[_Cluster] = []
        self.mention_of: dict[int, _Cluster] = {}  # head token index → its agreement

    def is_(self, token: Token, words: frozenset[str]) -> bool:
        """Whether the token's lemma (the parser's or lemminflect's) is one of ``words`` (a subset of ``_INFLECTIONS.words``)."""
        return bool(self.lemmas[token.i] & words)

    def actor(self, token: Token) -> Actor | None:
        """The actor a token names or refers to (its phrase's mention, or through reference)."""
        found = resolve_reference(self.ctx, token, quotations=self.quotations)
        if found is not None:
            return found
        span = _phrase(token)
        return next((a for a in self.ctx.actors if span[0] <= a.span[0] and a.span[1] <= span[1]), None)

    # mentions ------------------------------------------------------------------------------------
    def is_mention(self, token: Token) -> bool:
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if token.lower_ == "deal" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "of":
            return False  # "a great deal of"
        if self.is_(token, AGREEMENT_NOUNS):
            return True
        return self.is_(token, BACK_REFERENCES) and bool(self.clusters) and self._definite(token)

    def _definite(self, token: Token) -> bool:
        return any(c.lower_ in _DEFINITE for c in token.children if c.i < token.i) or (
            token.i and self.doc[token.i - 1].lower_ in _DEFINITE
        )

    def parties(self, token: Token) -> list[str]:
        actors: list[Actor | None] = []
        for maker in self.makers(token):
            subject = subject_of(maker)
            if subject is not None:  # "Ethiopia and Eritrea signed …": both
                actors += [self.actor(s) for s in (subject, *subject.conjuncts)]
            actors += [self._with(maker)]
        actors += [self._with(token)]
        phrase = _phrase(token)
        named = [a for a in self.ctx.actors if phrase[0] <= a.span[0] and a.span[1] <= phrase[1]]
        if len(named) >= 2:  # "the Russian-Turkish deal"; a lone modifier is a topic ("Syria deals")
            actors += named
        return list(dict.fromkeys(c for c in map(_code, actors) if c))

    def makers(self, token: Token) -> list[Token]:
        """The verbs that made the agreement: "struck a deal", "a deal it had struck", "agreements
        it made" (a relative clause and the verbs it governs)."""
        verbs = [token.head] if token.dep_ in ("obj", "nsubj:pass", "obl") else []
        for relative in (c for c in token.children if c.dep_ in ("acl:relcl", "relcl", "acl")):
            verbs += [relative, *(c for c in relative.children if c.dep_ in ("xcomp", "ccomp"))]
        following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if following is not None and following.pos_ == "PRON" and following.dep_.startswith("nsubj") \
                and following.head.i > following.i:  # a relative clause without "that", however parsed
            verbs.append(following.head)
        return [v for v in verbs if self.is_(v, MAKING_VERBS)]

    def _with(self, head: Token) -> Actor | None:
        """The actor after "with" or "between" attached to ``head`` (or just after it)."""
        for t in _window(head):
            if t.lower_ in ("with", "between") and t.i > head.i:
                nominal = next((n for n in self.doc[t.i + 1:t.i + 6] if n.pos_ in ("PROPN", "NOUN", "PRON")), None)
                return self.actor(nominal) if nominal is not None else None
        return None

    def date(self, token: Token) -> EventDate | None:
        """A time expression in the agreement's own phrase or clause ("the 2018 deal", "a deal
        signed in 2018", "reached an agreement … in 2020"), never the reporting clause's."""
        makers = self.makers(token)
        sent = token.sent if self.ctx.times else None
        for time in self.ctx.times:
            if time.start is None or not (sent.start_char <= time.span[0] < sent.end_char):
                continue
            chunk = self.doc.char_span(time.span[0], time.span[1], alignment_mode="expand")
            if chunk is None or not len(chunk):
                continue
            clause = _governing_verb(chunk.root)
            between = self.doc[token.i + 1:chunk.start]
            follows = bool(makers) and chunk.start > token.i and not any(t.pos_ in ("VERB", "AUX") or t.text == ";" for t in between)
            modifier = clause is not None and clause.dep_ == "acl" and clause.head == token  # "an agreement on fishing … in 2020"
            if token in chunk.root.ancestors and (clause is None or modifier or clause in (*makers, *token.ancestors)) or clause in makers or follows:
                return EventDate(time.start, time.end, time.precision, time.text, inferred=False, span=time.span)
        return None

    def subject(self, token: Token) -> tuple[str, bool] | None:
        """What the agreement is about, and whether that is its purpose: "a deal to create X"
        (purpose), "a deal on Syria" (topic)."""
        for anchor in (token, *self.makers(token)):
            for child in anchor.children:
                if child.dep_ in ("acl", "advcl", "xcomp") and child.i > token.i and any(c.lower_ == "to" for c in child.children):
                    return self._text(child), True
        for child in token.children:
            if child.dep_ == "nmod" and any(c.lower_ in ("on", "over", "about") for c in child.children):
                return self._text(child), False
        return None

    def _text(self, head: Token) -> str:
        tokens = [t for t in head.subtree if not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        while tokens and tokens[0].dep_ in ("case", "mark"):
            tokens.pop(0)
        return self.ctx.article.text[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)] if tokens else head.text

    def named(self, token: Token) -> str | None:
        """A proper name for the agreement ("the Sochi memorandum", "the Minsk accords")."""
        words = [w for w in self.ctx.article.text[slice(*_phrase(token))].split() if w.lower() not in _DEFINITE | {"a", "an"}]
        if len(words) < 2 or _headline(token.sent) or not any(w[:1].isupper() for w in words[:-1]):
            return None
        return " ".join(words)

    def add_mention(self, token: Token) -> None:
        span = _phrase(token)
        name, parties, date = self.named(token), self.parties(token), self.date(token)
        target = None
        if self.clusters and self._definite(token) and not name:
            target = self.clusters[-1]
        for cluster in self.clusters:
            if (name and cluster.name == name) or len(set(parties) & set(cluster.parties)) >= 2:
                target = cluster
        if target is None or (date and target.date and date.start != target.date.start):
            target = _Cluster(spans=[])
            self.clusters.append(target)
        target.spans.append(span)
        target.name = target.name or name
        target.parties += [p for p in parties if p not in target.parties]
        target.date = target.date or date
        subject = self.subject(token)
        if subject is not None and (target.subject is None or subject[1] > target.purpose):
            target.subject, target.purpose = subject
        self.mention_of[token.i] = target

    # obligations ---------------------------------------------------------------------------------
    def obligations(self) -> Iterable[tuple[Token, Obligation]]:
        for token in self.keyed:
            if self.is_(token, OBLIGATION_VERBS) and token.pos_ in ("VERB", "AUX", "ADJ"):
                action = self._to_verb(token)
                obligor = subject_of(token)
            elif self.is_(token, OBLIGATION_NOUNS) and token.pos_ == "NOUN":
                action = self._to_verb(token)
                obligor = self._possessor(token) or self._agent(token) or self._actor_of_clause(token)
            else:
                continue
            if action is None:
                continue
            start = min(token.idx, action[0])
            yield token, Obligation(
                obligor=_code(self.actor(obligor)) if obligor is not None else None,
                action=self.ctx.article.text[action[0]:action[1]],
                text=self.ctx.article.text[start:action[1]],
                span=(start, action[1]),
            )

    def _to_verb(self, token: Token) -> Span | None:
        """The action a duty names: "to ensure that …", "to neutralise militants in Idlib"."""
        following = self.doc[token.i + 1:min(token.sent.end, token.i + 4)]
        to = next((t for t in following if t.lower_ == "to"), None)
        if to is None or to.i + 1 >= token.sent.end or self.doc[to.i + 1].pos_ not in ("VERB", "AUX"):
            return None
        verb = self.doc[to.i + 1]
        end = next((t for t in self.doc[verb.i + 1:token.sent.end] if t.is_punct and t.text not in ("-", "'", "’")), None)
        last = self.doc[(end.i if end is not None else token.sent.end) - 1]
        while last.is_space and last.i > verb.i:
            last = self.doc[last.i - 1]
        return verb.idx, last.idx + len(last.text)

    def _possessor(self, token: Token) -> Token | None:
        return next((c for c in token.children if c.dep_ == "nmod:poss" or c.tag_ == "PRP$"), None)

    def _agent(self, token: Token) -> Token | None:
        """The actor after "by" right after a noun ("non-fulfilment by our Turkish colleagues")."""
        for t in self.doc[token.i + 1:min(token.sent.end, token.i + 4)]:
            if t.lower_ == "by":
                return next((n for n in self.doc[t.i + 1:t.i + 6] if (n.pos_ in ("PROPN", "NOUN") or n.tag_ == "PRP")
                             and self.actor(n) is not None), None)
        return None

    def _actor_of_clause(self, token: Token) -> Token | None:
        verb = _governing_verb(token)
        return subject_of(verb) if verb is not None else None

    # violations ----------------------------------------------------------------------------------
    def violations(self) -> Iterable[tuple[Token, Token, Violation]]:
        """(trigger, what is violated, violation) for every alleged breach."""
        for token in self.keyed:
            negated = self.is_(token, NEGATED_NOUNS) and token.i >= 2 and self.doc[token.i - 2].lower_ == "non"
            verbal = token.pos_ in ("VERB", "AUX") and self.is_(token, VIOLATION_VERBS | FAILURE_VERBS)
            nominal = token.pos_ == "NOUN" and (self.is_(token, VIOLATION_NOUNS) or negated)
            if not (verbal or nominal):
                continue
            violated = next((t for t in _window(token) if t.i != token.i and self._violable(t)), None)
            if violated is None:
                continue
            accused = self._accused(token, verbal)
            start = self.doc[token.i - 2].idx if negated else token.idx
            end = violated.idx + len(violated.text)
            yield token, violated, Violation(
                accused=_code(self.actor(accused)) if accused is not None else None,
                alleged_by=self._accusers(token),
                text=self.ctx.article.text[start:end],
                span=(start, end),
                event=self._event((start, end), token),
            )

    def _violable(self, token: Token) -> bool:
        return token.i in self.mention_of or (self.is_(token, OBLIGATION_NOUNS) and token.pos_ == "NOUN")

    def _accused(self, token: Token, verbal: bool) -> Token | None:
        if verbal:
            own = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
            accusing = next((a for a in token.ancestors if self.is_(a, ACCUSING_VERBS)), None)
            accused = next((c for c in accusing.children if c.dep_ in ("obj", "iobj")), None) if accusing else None
            found = own or accused or subject_of(token)  # "accused Turkey of flouting …": Turkey
            if found is not None:
                return found
        found = self._agent(token)
        if found is not None:
            return found
        duty = next((t for t in _window(token) if self.is_(t, OBLIGATION_NOUNS)), None)
        if duty is not None and self._possessor(duty) is not None:
            return self._possessor(duty)
        before = [a for a in self.ctx.actors if token.sent.start_char <= a.span[1] <= token.idx]
        for actor in reversed(before):
            head = self.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
            if head is not None and not (head.root.dep_ in _SUBJECTS and self.is_(head.root.head, ACCUSING_VERBS | {"consider"})):
                return head.root
        return None

    def _accusers(self, token: Token) -> tuple[str, ...]:
        """Who alleges it: the speakers of the quotes it stands in, else the accusing verb's subject."""
        codes = [q.speaker.code for q in self.ctx.quotes if q.speaker and q.speaker.code and q.span[0] <= token.idx < q.span[1]]
        if not codes:
            accusing = next((a for a in token.ancestors if self.is_(a, ACCUSING_VERBS)), None)
            subject = subject_of(accusing) if accusing is not None else None
            actor = self.actor(subject) if subject is not None else None
            if actor is None and accusing is not None:  # the parse missed the subject: the actor before the verb
                actor = next((a for a in reversed(self.ctx.actors)
                              if accusing.sent.start_char <= a.span[0] and a.span[1] <= accusing.idx), None)
            codes = [actor.code] if actor is not None and actor.code else []
        return tuple(dict.fromkeys(codes))

    def _event(self, span: Span, token: Token) -> str | None:
        """The coded event the allegation belongs to: one overlapping it, else one in its sentence."""
        overlapping = [e for e in self.ctx.events if e.span[0] < span[1] and span[0] < e.span[1]]
        same_sentence = [e for e in self.ctx.events if token.sent.start_char <= e.span[0] < token.sent.end_char]
        found = overlapping or same_sentence
        return found[0].id if found else None

    # assembly ------------------------------------------------------------------------------------
    def cluster_near(self, token: Token) -> _Cluster | None:
        """The agreement a duty or breach at ``token`` belongs to: one named in its sentence,
        else the latest one before it, else the first one."""
        in_sentence = [c for i, c in self.mention_of.items() if token.sent.start <= i < token.sent.end]
        before = [c for i, c in sorted(self.mention_of.items()) if i < token.i]
        return (in_sentence or before or list(self.mention_of.values()) or [None])[-1 if in_sentence or before else 0]

    def fold_vague(self) -> None:
        """An unnamed mention with no parties or date ("breaking Syria deals" in a headline) joins
        the nearest agreement known by its parties, name or date, when the article has one."""
        known = [c for c in self.clusters if c.parties or c.name or c.date]
        for cluster in [c for c in self.clusters if not (c.parties or c.name or c.date)]:
            if not known:
                return
            target = min(known, key=lambda c: abs(c.spans[0][0] - cluster.spans[0][0]))
            target.spans = sorted(target.spans + cluster.spans)
            target.subject = target.subject or cluster.subject
            for i, owner in self.mention_of.items():
                if owner is cluster:
                    self.mention_of[i] = target
            self.clusters.remove(cluster)

    def run(self) -> tuple[Agreement, ...]:
        for token in self.keyed:
            if self.is_mention(token):
                self.add_mention(token)
        self.fold_vague()
        for token, obligation in self.obligations():
            cluster = self.cluster_near(token)
            if cluster is not None and obligation.span not in [o.span for o in cluster.obligations]:
                cluster.obligations.append(obligation)
        for token, violated, violation in self.violations():
            cluster = self.mention_of.get(violated.i) or self.cluster_near(token)
            if cluster is not None:
                _merge_violation(cluster, violation, _headline(token.sent))
        return tuple(
            Agreement(
                id=f"A{i}", name=c.name, parties=tuple(c.parties), span=c.spans[0], date=c.date, subject=c.subject,
                mentions=tuple(c.spans), obligations=tuple(c.obligations), violations=tuple(c.violations),
            )
            for i, c in enumerate(self.clusters, 1)
        )


def _merge_violation(cluster: _Cluster, violation: Violation, headline: bool) -> None:
    """One violation per accused party: later allegations add their accusers (and event); the
    first allegation from the body, not a headline, gives the text and span."""
    for i, known in enumerate(cluster.violations):
        if known.accused == violation.accused:
            first = violation if known.span in cluster.headlines and not headline else known
            cluster.violations[i] = dataclasses.replace(
                first,
                alleged_by=tuple(dict.fromkeys(known.alleged_by + violation.alleged_by)),
                event=first.event or known.event or violation.event,
            )
            if first is violation:
                cluster.headlines.discard(known.span)
            return
    cluster.violations.append(violation)
    if headline:
        cluster.headlines.add(violation.span)


def find_agreements(ctx: Context, res: Resources) -> Context:
    """Pipeline step: ``ctx.agreements`` with their obligations and alleged violations."""
    return ctx.add(agreements=_Finder(ctx).run())
