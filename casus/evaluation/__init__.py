"""casus.evaluation: the ``casus eval`` runners, one module per gold set."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def halves(score: Callable[[Sequence[Any]], dict[str, Any]], coded: Sequence[Any]) -> dict[str, dict[str, Any]]:
    """Scores for the whole set and its deterministic dev/test halves (even items tune, odd items report)."""
    return {"all": score(coded), "dev": score(coded[0::2]), "test": score(coded[1::2])}
