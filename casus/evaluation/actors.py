"""``casus eval actors``: actor recognition and coding against PLOVER's gold standard records.

Each gold record gives a sentence, its date and its source/target actors (``actorText``, country
``code``, optional ``sector`` = CAMEO role). casus runs the actor step on the sentence; a gold actor
is found when a casus mention overlaps its text with the same country (``IGO``/``NGO`` gold codes
match any IGO/NGO code), and coded when the role matches the sector too. Precision counts the coded
casus mentions that overlap a gold actor (gold lists only event participants). Records alternate
dev/test by position (even/odd).

Two conventions of the gold are applied as the gold applies them:

- it codes international non-governmental organisations as ``IGO`` (Amnesty International, the Red
  Cross, the Red Crescent) and some local ones as ``NGO``; CAMEO codes the former ``NGO...`` too, so
  gold ``IGO``/``NGO`` and casus ``IGO...``/``NGO...`` are one class here;
- it lists the place where an untargeted act happened as the target actor ("demonstrated in
  Serbia" → SRB), as casus does in its events (rule ``location-as-target``); casus finds those as
  places, not actor mentions, so ``country_with_places`` also counts a geocoded place that overlaps
  a gold actor and no casus actor mention. ``country`` and ``code`` score actor mentions alone.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from casus.evaluation import halves

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
#: Pre-ISO CAMEO codes in the GSR → ISO alpha-3.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass(frozen=True)
class GoldActor:
    span: tuple[int, int]
    country: str
    role: str | None  # CAMEO role, None when the record gives no sector


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    date: dt.date | None
    actors: tuple[GoldActor, ...]


def read_gsr(path: Path) -> list[GoldSentence]:
    """PLOVER GSR records with at least one actor whose text occurs in the sentence."""
    sentences = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        text = record.get("text") or ""
        actors = []
        for side in ("source", "target"):
            for actor in record.get(side) or ():
                start = text.find(actor.get("actorText") or "\0") if isinstance(actor, dict) else -1
                if start < 0 or not actor.get("code"):
                    continue
                sector = (actor.get("sector") or "")[:3].upper()
                actors.append(GoldActor((start, start + len(actor["actorText"])), actor["code"],
                                        sector if sector.isalpha() else None))
        if actors:
            date = record.get("date")
            day = dt.date.fromisoformat(date) if date else None
            sentences.append(GoldSentence(record["id"], text, day, tuple(actors)))
    return sentences


#: The gold's and CAMEO's codes for non-state international and non-governmental organisations.
ORGANISATION_CODES = ("IGO", "NGO")


def same_country(found: str, gold: str) -> bool:
    """A casus country (or IGO/NGO code prefix) against a gold country code, by the gold's conventions."""
    if gold in ORGANISATION_CODES:
        return found.startswith(ORGANISATION_CODES)
    return found == LEGACY_CODES.get(gold, gold)


def country_fits(found: Any, gold: GoldActor) -> bool:
    return same_country(found.country or (found.code or "")[:3], gold.country)


def score(pairs: Iterable[tuple[GoldSentence, tuple[Any, ...]]]) -> dict[str, Any]:
    """Country-level and code-level (country + role) P/R/F1 over gold actors."""
    counts = dict.fromkeys(("gold", "gold_roles", "found", "coded", "predicted", "predicted_roles",
                            "correct", "correct_roles"), 0)
    for sentence, actors in pairs:
        overlapping = [a for a in actors if a.code and any(_overlap(a.span, g.span) for g in sentence.actors)]
        for actor in overlapping:
            golds = [g for g in sentence.actors if _overlap(actor.span, g.span)]
            counts["predicted"] += 1
            counts["correct"] += any(country_fits(actor, g) for g in golds)
            if any(g.role for g in golds):
                counts["predicted_roles"] += 1
                counts["correct_roles"] += any(country_fits(actor, g) and actor.role == g.role for g in golds)
        for gold in sentence.actors:
            mine = [a for a in overlapping if _overlap(a.span, gold.span)]
            counts["gold"] += 1
            counts["found"] += any(country_fits(a, gold) for a in mine)
            if gold.role:
                counts["gold_roles"] += 1
                counts["coded"] += any(country_fits(a, gold) and a.role == gold.role for a in mine)
    return {
        "gold_actors": counts["gold"],
        "country": _prf(counts["correct"], counts["predicted"], counts["found"], counts["gold"]),
        "code": _prf(counts["correct_roles"], counts["predicted_roles"], counts["coded"], counts["gold_roles"]),
    }


def _prf(right: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    p = right / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(200 * p * r / (p + r), 2) if p + r else 0.0}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def code_sentences(sentences: list[GoldSentence], nlp: Any, kb: Any, gazetteer: Any
                   ) -> Iterator[tuple[GoldSentence, tuple[Any, ...], tuple[Any, ...]]]:
    """Each sentence with casus's actor mentions and, as country-coded actors, its places that
    overlap no actor mention."""
    from casus.extract.actors import find_actors
    from casus.extract.places import places_step
    from casus.pipeline import Context, Resources
    from casus.records import Actor, Article

    res = Resources(nlp=nlp, kb=kb, gazetteer=gazetteer)
    for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences)):
        article = Article(id=sentence.id, text=sentence.text, published=sentence.date)
        ctx = places_step(find_actors(Context(article=article, doc=doc, sentences=()), res), res)
        places = tuple(Actor(p.text, p.span, code=p.country, country=p.country, why="place")
                       for p in ctx.places if p.country and not any(_overlap(p.span, a.span) for a in ctx.actors))
        yield sentence, ctx.actors, places


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("actors")
    def actors(
        path: Path = typer.Option(SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.txt", exists=True),
        model: str = typer.Option("fast", help="Shipped parser model; 'blank' for the tokenizer only."),
    ) -> None:
        """Actor mentions vs PLOVER GSR actors: country and country+role P/R/F1 on dev and test halves."""
        import spacy

        from casus import nlp as casus_nlp
        from casus.knowledge.actors import KnowledgeBase
        from casus.knowledge.gazetteer import Gazetteer

        sentences = read_gsr(path)
        parser = spacy.blank("en") if model == "blank" else casus_nlp.load(model)
        coded = list(code_sentences(sentences, parser, KnowledgeBase.load(), Gazetteer.load()))

        def scores(part):
            with_places = score((s, actors + places) for s, actors, places in part)
            return {**score((s, actors) for s, actors, _ in part),
                    "country_with_places": with_places["country"], "sentences": len(part)}

        report = halves(scores, coded)
        typer.echo(json.dumps(report, indent=1))
