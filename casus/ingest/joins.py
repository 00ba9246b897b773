"""Sentences some scrapes glue together, with no space after the full stop ("… since 1987.In June
the …"): sentence splitting misses the end, so neither sentence is coded. ``unglue`` puts the space
back and keeps the segments that map the text into the original exact."""
from __future__ import annotations

import re
from bisect import bisect_right

from casus.ingest.furniture import ABBREVIATIONS
from casus.records import Segment

#: Two sentences glued together: a lowercase letter or digit and a full stop, question or exclamation mark
#: (and a closing curly quote), then a capitalised word or an opening curly quote ("1987.In", "said.”The").
GLUED = re.compile(r"(?<=[a-z\d][.?!])(?=[A-Z][a-z]|[“‘][A-Z])|(?<=[a-z\d][.?!][”’])(?=[A-Z][a-z])")
#: A word that is an address, not prose: a URL, a domain or an e-mail address.
ADDRESS = re.compile(r"(?i:https?:|www\.)|[@/]|\.(?i:com|org|net|gov|edu|nyc)\b")


def unglue(text: str, segments: tuple[Segment, ...]) -> tuple[str, tuple[Segment, ...]]:
    """``text`` with a space put between sentences glued together ("… since 1987.In June …"), and
    its ``segments`` (empty: ``text`` is the original) split around each added space, which maps to
    nothing. An address ("www.Example.org", "Jo.Lee@example.com") or an abbreviation ("Rep.John")
    is left alone."""
    cuts = [m.start() for m in GLUED.finditer(text) if not _kept(text, m.start())]
    if not cuts:
        return text, segments
    glued = " ".join(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)]))
    runs = []
    for seg in segments or (Segment(0, 0, len(text)),):
        bounds = [seg.text_start, *(c for c in cuts if seg.text_start < c < seg.text_start + seg.length), seg.text_start + seg.length]
        runs += [Segment(a + bisect_right(cuts, a), seg.original_start + a - seg.text_start, b - a) for a, b in zip(bounds, bounds[1:])]
    return glued, tuple(runs)


def _kept(text: str, cut: int) -> bool:
    """Whether the join at ``cut`` is inside an address or follows an abbreviation."""
    start = max(text.rfind(" ", 0, cut), text.rfind("\n", 0, cut)) + 1
    end = next((i for i in range(cut, min(len(text), cut + 200)) if text[i].isspace()), len(text))
    before = re.findall(r"\w+", text[start:cut])
    return bool(ADDRESS.search(text[start:end])) or bool(before) and before[-1] in ABBREVIATIONS
