"""Build an article body piece by piece while remembering where each piece came from.

``Body`` collects text runs copied from the original input (with their original offset) and
synthetic text (paragraph breaks, no origin); ``segments`` are the ``Segment`` runs that
``Article.to_original`` uses. ``align`` recovers segments for text that was extracted by a
library (trafilatura, feedparser) by finding its words, in order, in the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from casus.records import Segment

_WORD = re.compile(r"\S+")


@dataclass
class Body:
    """A body under construction: ``add`` pieces, then read ``text`` and ``segments``."""

    parts: list[str] = field(default_factory=list)
    runs: list[Segment] = field(default_factory=list)
    length: int = 0

    def add(self, piece: str, original_start: int | None = None) -> None:
        """Append ``piece``; ``original_start`` is its offset in the input (None if synthetic)."""
        if not piece:
            return
        if original_start is not None:
            last = self.runs[-1] if self.runs else None
            if last and last.text_start + last.length == self.length and last.original_start + last.length == original_start:
                self.runs[-1] = Segment(last.text_start, last.original_start, last.length + len(piece))
            else:
                self.runs.append(Segment(self.length, original_start, len(piece)))
        self.parts.append(piece)
        self.length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(self.runs)


def align(text: str, original: str) -> tuple[Segment, ...]:
    """Segments mapping ``text`` into ``original``, where ``text`` was extracted from it in order.

    Each line is looked up verbatim first; a line that is not verbatim in the original (entities,
    inline markup) is aligned word by word near the previous match. Text that cannot be found
    stays unmapped. Linear in the size of the input.
    """
    body = Body()
    cursor = 0
    for line in re.finditer(r"[^\n]+|\n", text):
        piece = line.group()
        found = original.find(piece, cursor)
        if found >= 0 and (piece != "\n" or found == cursor):
            body.add(piece, found)
            cursor = found + len(piece)
        elif piece == "\n":
            body.add(piece)
        else:
            cursor = _align_words(body, piece, original, cursor)
    return body.segments


def _align_words(body: Body, line: str, original: str, cursor: int) -> int:
    """Add ``line`` to ``body`` word by word, mapping the words found near ``cursor``."""
    window_end = cursor + 4 * len(line) + 1000
    offset = 0
    for word in _WORD.finditer(line):
        body.add(line[offset : word.start()])
        found = original.find(word.group(), cursor, window_end)
        body.add(word.group(), found if found >= 0 else None)
        if found >= 0:
            cursor = found + len(word.group())
        offset = word.end()
    body.add(line[offset:])
    return cursor
