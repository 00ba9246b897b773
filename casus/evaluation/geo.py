"""``casus eval geo``: toponym tagging and resolution on GeoWebNews, TR-News and LGL.

Resolution is scored on the gold toponym spans (as geocoders are compared): country accuracy,
exact match (the same GeoNames id, or within 1 km) and Acc@161 km (the same id counts as 0 km:
our country points are not GeoNames'), plus the median error. Tagging is scored by running the places step on the raw text: P/R/F1 of toponym
spans that overlap a gold one. Each corpus is split by article order: the first 30% is the dev part
used for tuning, the rest the test part that is reported.
"""
from __future__ import annotations

import json
import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import typer

DATA = Path("/work/shared/data/geoparsing-gritta/data")
CORPORA = {"gwn": "GWN.xml", "trnews": "Corpora/TR-News.xml", "lgl": "Corpora/lgl.xml"}
DEV_SHARE = 0.3


@dataclass(frozen=True)
class GoldToponym:
    span: tuple[int, int]
    text: str
    lat: float
    lon: float
    geonames_id: int | None
    country: str | None  # country name as given by the corpus (TR-News, LGL)


@dataclass(frozen=True)
class GeoArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(node: ET.Element, tag: str) -> float | None:
    value = node.findtext(tag)
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None


def _aligned(text: str, start: int, end: int, phrase: str | None) -> tuple[int, int]:
    """The gold span moved onto the nearest occurrence of its phrase (some TR-News offsets drift)."""
    if not phrase or text[start:end] == phrase:
        return start, end
    found = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not found:
        return start, end
    nearest = min(found, key=lambda i: abs(i - start))
    return nearest, nearest + len(phrase)


def read_corpus(name: str, root: Path = DATA) -> list[GeoArticle]:
    """Articles and their geocoded toponyms (toponyms without coordinates are left out)."""
    articles = []
    for i, article in enumerate(ET.parse(root / CORPORA[name]).getroot().iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            tag = t.find("gaztag")
            if tag is not None:
                lat, lon, gid = _float(tag, "lat"), _float(tag, "lon"), tag.get("geonameid")
                country = tag.findtext("country")
            else:
                lat, lon, gid, country = _float(t, "latitude"), _float(t, "longitude"), t.findtext("geonamesID"), None
            if lat is None or lon is None:
                continue
            start, end = _aligned(text, start, end, t.findtext("phrase"))
            toponyms.append(GoldToponym((start, end), text[start:end], lat, lon, int(gid) if gid else None, country))
        articles.append(GeoArticle(article.get("docid") or article.get("file") or str(i), text, tuple(toponyms)))
    return articles


def split(articles: list[GeoArticle], part: str) -> list[GeoArticle]:
    cut = round(len(articles) * DEV_SHARE)
    return {"dev": articles[:cut], "test": articles[cut:], "all": articles}[part]


def _contexts(articles: list[GeoArticle]) -> Iterator[tuple[GeoArticle, object]]:
    from casus.pipeline import Context
    from casus.records import Article

    for a in articles:
        yield a, Context(article=Article(id=a.id, text=a.text), doc=None, sentences=())


def score(name: str, part: str, gazetteer, root: Path = DATA) -> dict[str, object]:
    """Resolution and tagging scores of one corpus part."""
    from casus.evaluation.nlp import prf
    from casus.extract.places import find_places, geocode
    from casus.knowledge.gazetteer import distance_km

    articles = split(read_corpus(name, root), part)
    country_of = _country_lookup(gazetteer)
    n = resolved = country_ok = country_known = country_resolved = exact = within = 0
    errors: list[float] = []
    tag_tp = tag_pred = tag_gold = 0
    for article, ctx in _contexts(articles):
        entries = geocode(article.text, [g.span for g in article.toponyms], gazetteer)
        for gold, entry in zip(article.toponyms, entries):
            n += 1
            gold_country = gazetteer.country_named(gold.country) if gold.country else country_of(gold.lat, gold.lon)
            country_known += gold_country is not None
            if entry is None:
                continue
            resolved += 1
            same_id = bool(gold.geonames_id) and entry.geonames_id == gold.geonames_id
            km = 0.0 if same_id else distance_km(gold.lat, gold.lon, entry.lat, entry.lon)
            errors.append(km)
            country_ok += gold_country is not None and entry.country == gold_country
            country_resolved += gold_country is not None
            exact += km <= 1.0
            within += km <= 161
        predicted = find_places(ctx, gazetteer)
        tag_pred += len(predicted)
        tag_gold += len(article.toponyms)
        tag_tp += sum(any(g.span[0] < p.span[1] and p.span[0] < g.span[1] for g in article.toponyms) for p in predicted)
    return {
        "corpus": name, "part": part, "articles": len(articles), "toponyms": n,
        "resolved": pct(resolved, n),
        "country_accuracy": pct(country_ok, country_known),
        "country_accuracy_resolved": pct(country_ok, country_resolved),
        "exact_match": pct(exact, n),
        "acc_at_161km": pct(within, n),
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "tagging": prf(tag_tp, tag_pred, tag_gold) | {"note": "precision counts predicted spans overlapping a gold toponym"},
    }


def pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 0.0


def _country_lookup(gazetteer):
    """Country of the nearest gazetteer city or subdivision to a point (for corpora without one)."""
    from casus.knowledge.gazetteer import distance_km

    grid: dict[tuple[int, int], list] = {}
    for e in gazetteer.entries():
        if e.feature != "country":
            grid.setdefault((int(e.lat // 1), int(e.lon // 1)), []).append(e)

    def country_of(lat: float, lon: float) -> str | None:
        near = [e for dy in (-1, 0, 1) for dx in (-1, 0, 1) for e in grid.get((int(lat // 1) + dy, int(lon // 1) + dx), ())]
        if not near:
            return None
        return min(near, key=lambda e: distance_km(lat, lon, e.lat, e.lon)).country

    return country_of


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("geo")
    def geo_command(
        part: str = typer.Option("test", help="dev (first 30% of each corpus, for tuning), test (the rest) or all"),
        corpus: list[str] = typer.Option(list(CORPORA), help="gwn, trnews, lgl"),
        data: Path = typer.Option(DATA, help="geoparsing-gritta data directory"),
    ) -> None:
        """Toponym resolution (country accuracy, exact match, Acc@161 km) and tagging P/R/F1."""
        from casus.knowledge.gazetteer import Gazetteer

        gazetteer = Gazetteer.load()
        for name in corpus:
            typer.echo(json.dumps(score(name, part, gazetteer, data)))
