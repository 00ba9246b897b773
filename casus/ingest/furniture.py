"""Page furniture left in an article body: related-article links ("Read more: …", "… Read more"),
prompts ("Click here", "Sign up for …", "Follow us …", share bars), section headings, bylines,
reporter credits ("… contributed to this report."), correction notes, photo captions and image
credits ("Image copyright …", "Photo: …", "Credit… …"), the headline repeated, and a standfirst (a
headline-like summary line opening the body).

Extractors do not code it, but it stays in ``Article.text`` so every offset is exact, and each piece
carries its kind so the reason it produced nothing is visible. A photo caption (a line that ends
with its credit, "… (Jens Meyer/dpa via AP)", "… Photographer: Jane Roe/Bloomberg", or carries a
caption label, "Image caption …") is furniture up to the end of its first sentence, which describes
the picture, often of another day; an agency caption's further sentences repeat the story's lede
and stay news.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from casus.ingest.text import looks_like_headline
from casus.records import Furniture

#: Small words a head in title case leaves in lower case.
HEAD_WORDS = "a|an|and|as|at|by|for|from|in|into|of|on|or|over|the|to|vs|with"
#: Names of reporters in a credit ("Haddad and Ruiz", "Freedonian Press writers Omar Haddad in Vel"), a place
#: ("Gaza City", "Washington, D.C"), and who reports from a place in news rather than in a credit.
NAMES = (r"[A-Z][\w’'.-]*(?:[,;]?\s+(?:[A-Z][\w’'.-]*|and|in|of|from|the|also|around|across|world|country|data|polling|video|staff"
         r"|(?:writer|reporter|correspondent|photographer|journalist|editor|producer|director|researcher)s?))*")
PLACE = r"[A-Z][\w’'.-]*(?:,?\s+[A-Z][\w’'.-]*){0,5}"
NOT_REPORTERS = "(?:Officials|Witnesses|Activists|Residents|Police|Troops|Rebels|Sources|Reporters|Correspondents|Journalists|Reuters|AP|AFP)"
#: Whole lines, by kind. Patterns match a stripped line from its start.
LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("related-article link", r"(?i:read\s+more|see\s+also|more\s+on\s+this\s+story)\b|(?:Read|Earlier|Chart|QuickTake|Full\s+Coverage)\s*:\s*\S(?!.*\.$)"
                             r"|(?i:related(?:\s+(?:articles?|stor(?:y|ies)|content|coverage|reading))?)(?:\s*:|\s+[A-Z])"
                             r"|\[(?i:read\s+more)[^\]\n]*\]$|.*[^.!?”\"’\s]\s+(?i:read\s+more)$"),
    ("prompt", r"(?i:click\s+here|sign\s+up\b|newsletter\s+sign\s+up\b|slideshow\s*\(\d+\s+images?\)|play\s+video\b|subscribe\s+(?:to|for|now)\b|get\s+our\b|go\s+deeper:|share\s+this\b"
               r"|listen\s+to\s+(?:this\s+|the\s+)?(?:article|episode|podcast)\b|watch:|(?:continue\s+reading|advertisement)\b.{0,40}$"
               r"|follow\s+(?:us\b|@|(?:[A-Z][\w.'-]*\s+){1,3}on\s+(?:twitter|facebook|instagram)\b))"),
    ("reporter credit", r"(?i:write\s+to\s+\S.*@|contact\s+the\s+(?:author|reporter|editor)s?\b|to\s+contact\s+the\s+(?:reporter|editor)s?\b"
                        r"|(?:additional\s+)?reporting\s+by\b|editing\s+by\b|writing\s+by\b|[—–-]+\s*with\s+assistance\s+(?:by|from)\b)"
                        r"|contributed\s+to\s+this\s+(?:report|story|article)"
                        rf"|(?:(?!{NOT_REPORTERS}\b){NAMES}\s+reported\s+from\s+{PLACE}\.\s*)+(?:\s*{NAMES}\s+contributed(?:\s+to\s+this\s+(?:report|story|article)"
                        rf"|\s+(?:reporting\s+)?from\s+{PLACE}|\s+reporting)?\.)*$"),
    ("correction", r"This\s+(?:version|story|article)\s+(?:corrects|has\s+been\s+(?:corrected|updated))\b"
                   r"|An\s+earlier\s+version\s+of\s+this\s+(?:story|article|report)\b"),
    # a short head in capitals or title case ("FRICTION WITH ECUADOR", "‘Highly Likely’"), or one short question
    ("section heading", rf"(?![^\n]*[.,;:]$|By\s)[‘“\"']?[A-Z][\w.’'&-]*(?:\s+(?:[A-Z\d][\w.’'&-]*|{HEAD_WORDS})){{0,7}}[’”\"']?$"
                        r"|(?:What|How|Why|Who|Where|When|Which|Is|Are|Can|Could|Will|Would|Does|Do|Did|Has|Have|Should)\b"
                        r"(?!.*\.\s)[^\"“”!?\n]{0,100}\?$"),
))
#: A photographer's name in a credit ("Joshua A. Bickel", "Doug Mills-Pool").
PHOTOGRAPHER = r"[A-Z][a-z][\w’'-]*(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w’'-]*)){1,3}"
#: An agency or picture library that ends a credit without a label ("Jorge Silva | Reuters", "… in Kabul. AP").
AGENCY = r"(?:Getty\s+Images|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock)"
#: Parts of lines: labels and credits around a photo caption, and a link left after a paragraph. A credit names a
#: photographer or an agency ("(Jana Novak/AFP)", "Jorge Silva | Reuters"), never a clause ("…, according to
#: Reuters", "(Reuters/Ipsos)"); the group ``aside`` (a share bar, a player notice) starts no caption.
PARTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("image credit", r"(?i:image\s+copyright)\b.*?(?=\s*(?i:image\s+caption)\b|$)|(?i:(?:image|media)\s+caption)\b"
                     r"|\b(?:Photo(?:graph|grapher)?|Credit)(?::|\.\.\.|…)(?!.*\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b).{0,200}$"
                     r"|\((?:AP\s+|AFP\s+)?(?i:photo(?:graph)?)(?:\s+by\b|\s*/)[^)\n]*\)"
                     rf"|\((?![^/)]*\b(?:News|Post|Times|Journal|Poll)\b){PHOTOGRAPHER}\s*/[^()\n]{{1,80}}\)$"
                     rf"|\((?:AP|AFP|Reuters|REUTERS|EPA|Getty\s+Images)(?:\s+\w+)?\s*/\s*{PHOTOGRAPHER}[^()\n]{{0,40}}\)$"
                     r"|\([^()\n]{0,60}\bHandout\b[^()\n]{0,40}\)$|\bREUTERS/\S.*$"
                     rf"|(?:(?<=[.!?]\s)|(?<=[.!?][”\"’)]\s)|(?<=\)\s))(?=[^\n]*(?:[/|:]|\bvia\b|\bCredit\b)|{AGENCY}\s*\|?$)"
                     r"(?:(?:[A-Z\d][^\s.!?]*|[|/—–-]+|via|of|de|del|da|van|von|picture|alliance)\s+){0,12}"
                     rf"[^\s.!?]*?\b{AGENCY}\s*\|?$"
                     r"|(?P<aside>(?i:media\s+playback\s+is\s+unsupported\s+on\s+your\s+device|facebook\s+twitter\s+pinterest))"),
    ("related-article link", r"(?<=[.!?”\"’]\s)(?i:read\s+more)$"),
))
#: Something every pattern of ``PARTS`` needs: a line without it holds no part (~80% of lines, not scanned by them).
PART_HINT = re.compile(r"(?i:media|facebook|image|read)|Photo|Credit|\(|Getty|AFP|AP|Reuters|REUTERS|EPA|Bloomberg|Shutterstock")
#: A label that opens a caption.
CAPTION_LABEL = re.compile(r"(?i:image|media)\s+caption\b")
#: A full stop, question or exclamation mark before a capitalised word: a sentence ends there unless it ends an
#: abbreviation (``ABBREVIATIONS``, an initial, an initialism).
SENTENCE_END = re.compile(r"[.!?][\"”’]?(?=\s+[\"“‘(]?[A-Z])")
#: Words that open a sentence after an initial or initialism ("… in Washington, D.C. The Senate …"), which then ends one.
OPENERS = frozenset("The An In On At He She It They We But And This That These Those His Her Their Its After As When While".split())
ABBREVIATIONS = frozenset("Mr Mrs Ms Dr St Jr Sr Gen Gov Sen Rep Lt Col Capt Sgt Adm No Jan Feb Mar Apr Jun Jul Aug Sep Sept "
                          "Oct Nov Dec Ave Mt Ft Rev Prof".split())
CREDIT_TAIL = re.compile(r"\bcontributed\s+to\s+this\s+(?:report|story|article)\.?$")
BYLINE = re.compile(r"(?i:by)\s+[A-Z][^.\n]{0,80}$")
_LINE = re.compile(r"[^\n]+")


def find_furniture(body: str, title: str | None = None) -> tuple[Furniture, ...]:
    """The furniture in ``body``: whole lines (one that repeats the article's ``title`` too), and
    credits or links inside others."""
    return tuple(_furniture(body, " ".join(title.split()) if title else None))


def _furniture(body: str, title: str | None) -> Iterator[Furniture]:
    lines = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip()) for m in _LINE.finditer(body) if m.group().strip()]
    for number, (start, line) in enumerate(lines):
        kind = next((kind for kind, pattern in LINES if pattern.match(line)), None)
        if len(lines) <= 2 and kind == "section heading":  # a head needs a body: not the only line or two
            kind = None
        if title and len(lines) > 2 and " ".join(line.split()) == title and looks_like_headline(line):
            kind = "repeated headline"
        if kind is None and BYLINE.match(line) and len(line.split()) <= 12:
            kind = "byline"
        parts = [(part, m) for part, pattern in PARTS for m in pattern.finditer(line)] if PART_HINT.search(line) else []
        if kind is None and number == 0 and len(lines) > 2 and not parts and _standfirst(line):
            kind = "standfirst"
        credit = _credit_start(line) if kind is None else None
        if kind is not None or credit == 0:
            yield Furniture((start, start + len(line)), kind or "reporter credit")
            continue
        if (described := _description(line, parts)) is not None:
            yield Furniture((start + described[0], start + described[1]), "photo caption")
        for part, m in parts:
            yield Furniture((start + m.start(), start + m.end()), part)
        if credit is not None:
            yield Furniture((start + credit, start + len(line)), "reporter credit")


def _credit_start(line: str) -> int | None:
    """Where a line's closing "… contributed to this report." starts: at its own sentence, so a news
    sentence joined before it is not part of it. None when the line has no such credit."""
    tail = CREDIT_TAIL.search(line) if "contributed" in line else None  # (a cheap test first: most lines have none)
    if tail is None:
        return None
    ends = [m.end() for m in SENTENCE_END.finditer(line, 0, tail.start()) if not _abbreviation(line, m.start())]
    return len(line) - len(line[ends[-1]:].lstrip()) if ends else 0


def _description(line: str, parts: list[tuple[str, re.Match[str]]]) -> tuple[int, int] | None:
    """The span of a picture's description in a photo caption (a line that ends with an image
    credit, or carries a caption label): from the label (or the credits it follows) to the end of
    its first sentence, since an agency caption goes on with the story's lede ("… in Halle. A gunman
    fired several shots on Wednesday …"), which is news. None when the line is no caption, or the
    credit alone."""
    credits = [m for part, m in parts if part == "image credit" and not m["aside"]]
    label = next((m for m in credits if CAPTION_LABEL.match(m.group())), None)
    if label is None and not any(m.end() == len(line) for m in credits):
        return None
    begin = label.start() if label else 0
    for m in sorted(credits, key=lambda m: -m.end()):
        if m.end() <= begin and not line[m.end():begin].strip():
            begin = m.start()
    end = next((m.end() for m in SENTENCE_END.finditer(line, label.end() if label else 0) if not _abbreviation(line, m.start())), len(line))
    return None if any(m.start() <= begin and end <= m.end() for m in credits) else (begin, end)


def _abbreviation(line: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation, an initial or an initialism
    ("Gen.", "J.", "U.S.") rather than a sentence; an initial or initialism before a sentence
    opener ("D.C. The …") ends one."""
    word = re.search(r"\S*$", line[max(0, stop - 40):stop]).group()
    if line[stop] != "." or not word:
        return False
    if word in ABBREVIATIONS:
        return True
    following = line[stop + 1:stop + 40].split()
    return len(word.split(".")[-1]) == 1 and word[-1].isupper() and (following[0].lstrip("\"“‘(") if following else "") not in OPENERS


def _standfirst(line: str) -> bool:
    """A headline-like line opening the body: a summary the story repeats, not a sentence of it."""
    return looks_like_headline(line.rstrip("”’\"')]")) and not line.endswith("…")


def furniture_at(furniture: tuple[Furniture, ...], offset: int) -> Furniture | None:
    """The piece of furniture covering character ``offset`` of the body, if any."""
    return next((f for f in furniture if f.span[0] <= offset < f.span[1]), None)
