"""The event lexicon: trigger expressions → CAMEO codes, read from ``lexicon/*.yaml``.

The YAML format is documented at the top of ``lexicon/events.yaml``; analysts add entries there.
``Lexicon.load()`` expands word classes, checks every code against the ontology and indexes the
entries by trigger lemma so the coder can look them up per token.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from casus.extract.derivation import derived_entries
from casus.knowledge.ontology import Ontology

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
ANY = "any"  # in `to:`, `object:` and preposition lists: any complement or object
NONE = "none"  # in `object:` lists: no object at all (a weak condition, weighed like `any`)
_FIELDS = frozenset({"code", "verb", "noun", "predicate", "case", "particle", "object", "prep", "to", "target", "source",
                     "reciprocal", "note"})
POSITIONS = ("verb", "noun", "predicate")


class LexiconError(ValueError):
    """A lexicon file entry that cannot be used (unknown code, field or class)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger expression. ``words`` are the trigger's lemmas (a multiword noun like "air strike"
    is matched on its last word, the rest must modify it)."""

    id: str  # "<file>:<n>", shown in explanations
    code: str
    pos: str  # "verb" | "noun" | "predicate" (a copular predicate: "be in touch with", "be ready to")
    words: frozenset[str]
    case: str | None = None  # a predicate's own preposition ("in" touch, "under" siege)
    source: str = "subject"  # predicates: the slot naming the source ("prep:by" for "under siege by X")
    particle: str | None = None
    objects: frozenset[str] | None = None
    preps: tuple[tuple[str, frozenset[str] | None], ...] = ()
    to: frozenset[str] | None = None
    target: tuple[str, ...] = ()
    reciprocal: bool = False
    text: str = ""  # the entry as written, for explanations

    @property
    def specificity(self) -> int:
        """How narrow the entry is: a listed condition counts more than one that takes anything (`to: [any]`,
        `object: [any]` or `[none]`, a preposition with any object), so "threaten to cut" is 131, not "threaten to
        <any>" 130, and "rallied behind Trump" is 053, not "rallied" with no object 141."""
        def weight(words: frozenset[str] | None) -> int:
            return 0 if words is None else 1 if words & {ANY, NONE} else 3
        return (3 * sum(1 for c in (self.particle, self.case) if c) + weight(self.objects) + weight(self.to)
                + sum(2 if words is None or ANY in words else 3 for _, words in self.preps) + 3 * (len(self.code) // 4))


def split_words(words: frozenset[str]) -> tuple[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]]:
    """A word list apart: its single words, and each multiword's last word with the modifiers before it ("air
    strike": "strike", ("air",))."""
    parts = [w.split() for w in words]
    return frozenset(p[0] for p in parts if len(p) == 1), tuple((p[-1], tuple(p[:-1])) for p in parts if len(p) > 1)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    speech: frozenset[str]
    speech_nouns: frozenset[str]
    denial: frozenset[str]
    blame: frozenset[str]
    blame_code: str
    threat: tuple[tuple[str, str], ...]  # (code prefix, threat code), longest prefix first
    intent: tuple[tuple[str, str], ...]  # (code prefix, intent code), longest prefix first
    refusal: tuple[tuple[str, str], ...]  # (code prefix, refusal code), longest prefix first
    support: frozenset[str]
    receipt: frozenset[str] = frozenset()
    obligation_modals: frozenset[str] = frozenset()
    obligation_code: str = "100"
    by_word: dict[tuple[str, str], tuple[Entry, ...]] = field(repr=False, default_factory=dict)
    classes: Mapping[str, tuple[str, ...]] = field(repr=False, default_factory=dict)  # every file's word classes

    @classmethod
    def load(cls, directory: Path = LEXICON_DIR, ontology: Ontology | None = None) -> Lexicon:
        ontology = ontology or Ontology.load()
        entries: list[Entry] = []
        lists: dict[str, Any] = {key: set() for key in ("speech", "speech_nouns", "denial", "support", "receipt", "blame")}
        threat: dict[str, str] = {}
        intent: dict[str, str] = {}
        refusal: dict[str, str] = {}
        blame_code = "112"
        obligation: dict[str, Any] = {"code": "100", "modals": ()}
        all_classes: dict[str, tuple[str, ...]] = {}
        for path in sorted(directory.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            classes = {k: tuple(str(w) for w in v) for k, v in (data.get("classes") or {}).items()}
            all_classes.update(classes)
            for key in ("speech", "speech_nouns", "denial", "support", "receipt"):
                lists[key].update(data.get(key) or ())
            if data.get("blame"):
                lists["blame"].update(data["blame"]["verbs"])
                blame_code = str(data["blame"]["code"])
            obligation = data.get("obligation") or obligation
            threat.update({str(k): str(v) for k, v in (data.get("threat") or {}).items()})
            intent.update({str(k): str(v) for k, v in (data.get("intent") or {}).items()})
            refusal.update({str(k): str(v) for k, v in (data.get("refusal") or {}).items()})
            for n, raw in enumerate(data.get("entries") or (), 1):
                entries.append(_entry(f"{path.stem}:{n}", raw, classes, ontology))
        for code in [blame_code, str(obligation["code"]), *threat.values(), *intent.values(), *refusal.values()]:
            if code not in ontology:
                raise LexiconError(f"lexicon refers to unknown CAMEO code {code!r}")
        used = {w for e in entries for w in e.words}.union(*lists.values(), *all_classes.values())
        entries += derived_entries(entries, frozenset(used))
        by_word: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for e in entries:
            for w in e.words:
                by_word[(e.pos, w.split()[-1])].append(e)
        return cls(
            entries=tuple(entries),
            speech=frozenset(lists["speech"]),
            speech_nouns=frozenset(lists["speech_nouns"]),
            denial=frozenset(lists["denial"]),
            blame=frozenset(lists["blame"]),
            blame_code=blame_code,
            threat=_by_prefix_length(threat),
            intent=_by_prefix_length(intent),
            refusal=_by_prefix_length(refusal),
            support=frozenset(lists["support"]),
            receipt=frozenset(lists["receipt"]),
            obligation_modals=frozenset(obligation["modals"]),
            obligation_code=str(obligation["code"]),
            by_word={k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in by_word.items()},
            classes=MappingProxyType(all_classes),
        )

    @cached_property
    def trigger_forms(self) -> frozenset[str]:
        """Every word form that can trigger an event: the verb and noun heads, blame and denial verbs,
        with all their inflections (lemminflect knows the irregular ones: "struck", "fought").
        Computed once per loaded lexicon."""
        from lemminflect import getAllInflections

        words = {word for _, word in self.by_word} | self.blame | self.denial
        return frozenset(words).union(*(f for w in words for f in getAllInflections(w).values()))

    @cached_property
    def split_lists(self) -> Mapping[frozenset[str], tuple[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]]]:
        """``split_words`` of every word list of the entries (words, objects, prepositions' objects, complements).
        Computed once per loaded lexicon."""
        lists = {w for e in self.entries for w in (e.words, e.objects, e.to, *(p for _, p in e.preps)) if w is not None}
        return MappingProxyType({w: split_words(w) for w in lists})

    def candidates(self, pos: str, lemmas: Iterable[str]) -> tuple[Entry, ...]:
        """Entries whose trigger word is one of ``lemmas``, most specific first (looked up once per
        part of speech and forms: words recur)."""
        key = (pos, tuple(lemmas))
        found = self._candidates.get(key)
        if found is None:
            entries = dict.fromkeys(e for lemma in key[1] for e in self.by_word.get((pos, lemma), ()))
            found = self._candidates[key] = tuple(sorted(entries, key=lambda e: -e.specificity))
        return found

    @cached_property
    def _candidates(self) -> dict[tuple[str, tuple[str, ...]], tuple[Entry, ...]]:
        """``candidates`` remembered for this lexicon."""
        return {}

    def threat_code(self, code: str) -> str | None:
        """The threat code for announcing ``code`` as one's own future act (None: not a threat)."""
        return next((t for prefix, t in self.threat if code.startswith(prefix)), None)

    def announced_code(self, code: str) -> tuple[str, str] | None:
        """("threat" | "intent", code) for announcing ``code`` as one's own future act, or None."""
        threat = self.threat_code(code)
        if threat:
            return "threat", threat
        intent = next((t for prefix, t in self.intent if code.startswith(prefix)), None)
        return ("intent", intent) if intent else None

    def refused_code(self, code: str) -> tuple[str, str] | None:
        """("refusal", code) for saying one's own side will not commit the cooperative act ``code``."""
        refusal = next((t for prefix, t in self.refusal if code.startswith(prefix)), None)
        return ("refusal", refusal) if refusal else None


def _by_prefix_length(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


def expand_words(value: Any, classes: Mapping[str, tuple[str, ...]], where: str, within: frozenset[str] = frozenset()) -> frozenset[str]:
    """The lemmas of a word list, ``$class`` names expanded (also inside classes; a class may not contain itself)."""
    out: set[str] = set()
    for item in [value] if isinstance(value, str) else value:
        item = str(item)
        if item.startswith("$") and item != "$":  # (a lone "$" is the currency sign: "pledged $20 million")
            if item[1:] not in classes:
                raise LexiconError(f"{where}: unknown class {item!r}")
            if item[1:] in within:
                raise LexiconError(f"{where}: class {item!r} contains itself")
            out.update(expand_words(classes[item[1:]], classes, where, within | {item[1:]}))
        else:
            out.add(item.lower())
    return frozenset(out)


def _entry(where: str, raw: dict[str, Any], classes: dict[str, tuple[str, ...]], ontology: Ontology) -> Entry:
    unknown = set(raw) - _FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    code = str(raw.get("code", ""))
    if code not in ontology:
        raise LexiconError(f"{where}: {code!r} is not a CAMEO 1.1b3 code")
    given = [p for p in POSITIONS if p in raw]
    if len(given) != 1:
        raise LexiconError(f"{where}: give exactly one of verb / noun / predicate")
    pos = given[0]
    if ("case" in raw or "source" in raw) and pos != "predicate":
        raise LexiconError(f"{where}: case and source are for predicates only")
    preps = tuple(
        (str(p), None if objs is None else expand_words(objs, classes, where)) for p, objs in (raw.get("prep") or {}).items()
    )
    target = tuple(raw.get("target") or ("obj", "iobj", *(f"prep:{p}" for p, _ in preps), *(("to.obj",) if raw.get("to") else ())))
    text = ", ".join(f"{k}: {v}" for k, v in raw.items() if k != "note")
    return Entry(
        id=where,
        code=code,
        pos=pos,
        words=expand_words(raw[pos], classes, where),
        particle=raw.get("particle"),
        objects=expand_words(raw["object"], classes, where) if raw.get("object") else None,
        preps=preps,
        to=expand_words(raw["to"], classes, where) if raw.get("to") else None,
        target=target,
        case=raw.get("case"),
        source=str(raw.get("source", "subject")),
        reciprocal=bool(raw.get("reciprocal")),
        text=text,
    )
