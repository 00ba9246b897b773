"""News clause repairs after the parser: two attachment errors of reported speech that the statistical
parser makes on news sentences, and that would hand the event coder the wrong speaker or the wrong
reported act. Each rule fires on a tree shape that has no grammatical reading, so a correct parse is
never touched.

- **A subordinate clause read as a prepositional phrase.** "Russia took issue with Turkey *after
  Erdogan said* ..." parsed with "after" as the case marker of "Erdogan", "Erdogan" as an oblique of
  "took" and "said" left without a subject (often as the root, with "took" as its complement): the
  oblique is the subject of the verb right after it and its "after" marks that clause, which modifies
  the verb the phrase was attached to. Likewise "The talks *collapsed* after Russia refused ..." parsed
  with "collapsed" as a participle of "talks" and "talks" as the subject of "refused".
- **A report read as what the next report says.** "The Kremlin said the talks had failed, the ministry
  said Beijing regretted it" parsed with the first "said" as the complement of the second: two reports,
  each with its own content, are side by side (the second is a ``parataxis`` of the first).
- **A coordinated noun read as a second subject.** "Security forces in Iraq *and Syria* arrested ..."
  parsed with "Syria" a second subject of "arrested": a verb has one subject, so the later one after
  "and" is a conjunct of the noun before the "and".
- **A reported subject read as the reporting verb's object.** "Erdogan said *Russian forces* and
  militias *were attacking* civilians" parsed with "forces" as the object of "said" and "attacking" as
  a subjectless modifier (or "denied *his officers opened* fire" with "opened" a complement of
  "denied"): the object is the subject of the finite clause that follows it, and that clause is what
  was said.
"""
from __future__ import annotations

import numpy
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

#: Words that open a subordinate clause ("after X said", "when X arrived").
SUBORDINATORS = frozenset({"after", "before", "when", "while", "as", "since", "because", "although", "though",
                           "until", "once", "whereas", "unless", "if"})
#: Verbs that report a finite clause and take no nominal object in that sense ("said forces were ...").
REPORTING_VERBS = frozenset({"say", "claim", "allege", "insist", "argue", "contend", "assert", "add", "charge",
                             "believe", "think", "suggest", "complain", "acknowledge", "admit", "deny"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
AUXILIARY = frozenset({"aux", "aux:pass", "cop"})
CLAUSAL = frozenset({"advcl", "ccomp", "parataxis", "conj", "xcomp", "dep", "acl", "acl:relcl"})
_FINITE_TAGS = numpy.array([get_string_id(tag) for tag in FINITE], dtype=numpy.uint64)  # as ``Doc.to_array`` holds them


@Language.component("casus_news_clause_repair")
def repair_clauses(doc: Doc) -> Doc:
    """Apply both repairs to every sentence of ``doc`` (in place). The finite verbs are found on the
    tag and part-of-speech arrays, which the repairs leave alone (they move heads and labels)."""
    tags, parts = doc.to_array([TAG, POS]).T
    for i in numpy.flatnonzero(numpy.isin(tags, _FINITE_TAGS) & numpy.isin(parts, [VERB, AUX])).tolist():
        verb = doc[i]
        if verb.dep_ not in AUXILIARY:
            _subordinate_clause(verb) or _report_pair(verb) or _reported_subject(verb)
            _second_subject(verb)
    return doc


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _subordinator(noun: Token) -> Token | None:
    """The subordinating word the parse gave ``noun`` as its case marker, if any ("after" in "after Erdogan")."""
    return next((c for c in noun.children if c.dep_ == "case" and c.lower_ in SUBORDINATORS and c.i < noun.i), None)


def _phrase_before(verb: Token) -> Token | None:
    """The nominal phrase ending right before ``verb`` (or before its auxiliaries: "after X had said")."""
    start, end = verb.sent.start, verb.i - 1
    while end > start and verb.doc[end].dep_ in ("aux", "aux:pass", "advmod") and verb.doc[end].head.i == verb.i:
        end -= 1
    if end < start:
        return None
    word = verb.doc[end]
    noun = next((t for t in (word, *word.ancestors) if t.right_edge.i == end and t.pos_ in NOMINAL), None)
    return noun if noun is not None and noun.i < verb.i and noun.head.i != verb.i else None


def _is_descendant(token: Token, ancestor: Token) -> bool:
    return any(a.i == ancestor.i for a in token.ancestors)


def _take_place(new: Token, old: Token) -> None:
    """Put ``new`` where ``old`` hangs (its head and label, or the root), with the sentence-final punctuation."""
    if old.head.i == old.i:
        new.head, new.dep_ = new, "ROOT"
    else:
        new.head, new.dep_ = old.head, old.dep_
    for punct in [c for c in old.children if c.dep_ == "punct" and c.i > new.i and c.i == old.sent.end - 1]:
        punct.head = new


def _subordinate_clause(verb: Token) -> bool:
    """"V ... after NOUN verb" with NOUN attached to V: NOUN is ``verb``'s subject and ``verb`` V's clause."""
    noun = _phrase_before(verb)
    marker = _subordinator(noun) if noun is not None and noun.dep_ in ("obl", "nmod", "obl:tmod", "obl:npmod") else None
    if marker is None:
        return False
    governor = next((t for t in (noun.head, *noun.head.ancestors) if t.pos_ in ("VERB", "AUX", "ADJ")), None)
    if governor is None or governor.i == verb.i:
        return False
    subject = _subject(verb)
    if subject is None and governor.i < noun.i and _is_descendant(governor, verb):
        # "Russia took issue ... after Erdogan said" with "took" under "said": "took" heads the sentence
        _take_place(governor, verb)
        verb.head, verb.dep_ = governor, "advcl"
    elif subject is None and _is_descendant(verb, governor):
        verb.dep_ = "advcl" if verb.head.i == governor.i else verb.dep_
    elif (subject is not None and governor.dep_ == "acl" and governor.head.i == subject.i and governor.tag_ == "VBD"
          and subject.i < governor.i):
        # "The talks collapsed after Russia refused" with "collapsed" a participle of "talks"
        _take_place(governor, verb)
        subject.head, subject.dep_ = governor, "nsubj"
        verb.head, verb.dep_ = governor, "advcl"
    else:
        return False
    noun.head, noun.dep_ = verb, "nsubj"
    marker.head, marker.dep_ = verb, "mark"
    return True


def _reported_subject(verb: Token) -> bool:
    """"said NOUN ... were V-ing": NOUN is the subject of the subjectless finite clause after it."""
    if verb.lemma_.lower() not in REPORTING_VERBS or verb.i == verb.sent.start or verb.doc[verb.i - 1].is_punct:
        return False  # (not the inverted "..., said Mr. X, who ... was granted")
    obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i and c.pos_ in NOMINAL), None)
    if obj is None or any(c.dep_ == "mark" for c in verb.children if c.i < obj.i):
        return False
    clause = next((c for c in verb.children if c.dep_ in CLAUSAL and c.i > obj.right_edge.i
                   and c.pos_ in ("VERB", "AUX", "ADJ") and _subject(c) is None
                   and not any(g.dep_ == "cc" and g.i < c.i for g in c.children)  # "denies X and has called"
                   and (_finite_auxiliary(c, obj) or c.tag_ in FINITE and c.i == obj.right_edge.i + 1)), None)
    if clause is None:
        return False
    auxiliary = _finite_auxiliary(clause, obj)
    end = auxiliary.i if auxiliary is not None else clause.i
    for noun in [c for c in verb.children if c.pos_ in NOMINAL and obj.i < c.i < end and c.dep_ != "punct"]:
        noun.head, noun.dep_ = obj, "conj"  # "forces and Iran-backed militias": the second subject
    obj.head, obj.dep_ = clause, "nsubj"
    clause.head, clause.dep_ = verb, "ccomp"
    if auxiliary is not None and auxiliary.dep_ == "cop" and clause.tag_ == "VBG":
        auxiliary.dep_ = "aux"  # "were attacking": progressive, not copular
    return True


def _finite_auxiliary(clause: Token, obj: Token) -> Token | None:
    """The finite auxiliary or copula of ``clause`` between ``obj`` and the clause's head word."""
    return next((c for c in clause.children if c.dep_ in AUXILIARY and c.tag_ in FINITE
                 and obj.right_edge.i < c.i < clause.i), None)


def _report_pair(verb: Token) -> bool:
    """"X said A, Y said B": the first report, parsed as the complement of ``verb``, heads the second."""
    subject = _subject(verb)
    if verb.lemma_.lower() not in REPORTING_VERBS or subject is None or subject.left_edge.i == verb.sent.start \
            or verb.doc[subject.left_edge.i - 1].text != ",":
        return False
    contents = [c for c in verb.children if c.dep_ == "ccomp"]
    first = next((c for c in contents if c.i < subject.i and c.lemma_.lower() in REPORTING_VERBS
                  and _subject(c) is not None and any(g.dep_ == "ccomp" for g in c.children)), None)
    if first is None or not any(c.i > verb.i for c in contents):
        return False
    _take_place(first, verb)
    verb.head, verb.dep_ = first, "parataxis"
    for report in [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i]:
        report.head = first  # "..., and the White House said ...": the third report of the row
    return True


def _second_subject(verb: Token) -> None:
    """"Forces in Iraq and Syria arrested": a second subject after "and" joins the noun before the "and"."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    for later in subjects[1:]:
        before = later.left_edge.i - 1
        conjunction = verb.doc[before] if before > verb.sent.start else None
        if conjunction is None or conjunction.dep_ != "cc" or conjunction.lower_ not in ("and", "or"):
            continue
        noun = verb.doc[before - 1]
        while noun.dep_ in ("flat", "flat:name", "fixed") and noun.head.i < noun.i:
            noun = noun.head
        if noun.pos_ in NOMINAL and noun.i >= subjects[0].left_edge.i:
            later.head, later.dep_ = noun, "conj"
            conjunction.head = later
