"""Shared fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "moscow-times-2020-02-13-idlib.txt"


@pytest.fixture
def blank_parser(monkeypatch):
    """Stand in a blank English spaCy pipeline for the shipped parser (CLI tests of ingest and store)."""
    import spacy

    import casus.nlp

    def load(name: str = "fast"):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp

    monkeypatch.setattr(casus.nlp, "load", load)
