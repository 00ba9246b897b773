"""``casus eval events GOLD.json...``: score coded events against hand-coded articles.

Gold format: ``../shared/seed/*.gold.json`` (the article text is the ``.txt`` beside it). An event
matches a gold entry when its source and target fit the entry's lists (a full code such as "RUSMIL",
or a bare country "RUS" that accepts any code of that country) and its CAMEO code is listed (a
2-digit root accepts every code under it). Scores: required recall; precision against required +
optional entries, with duplicates (several events matching one entry) reported separately; role
accuracy (right direction among events whose dyad fits either way); date accuracy; forbidden hits;
claim links found.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from casus.records import Actor, Event, Link


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def actor_fits(actor: Actor | None, accepted: Iterable[str]) -> bool:
    """A coded actor fits a gold list of codes: exact code, or a bare 3-letter country code."""
    if actor is None or not actor.code:
        return False
    country = actor.country or actor.code[:3]
    return any(actor.code == a or (len(a) == 3 and a == country) for a in accepted)


def code_fits(code: str, accepted: Iterable[str]) -> bool:
    return any(code == a or (len(a) == 2 and code.startswith(a)) for a in accepted)


def _date(value: str) -> tuple[dt.date, dt.date]:
    if len(value) == 4:
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    day = dt.date.fromisoformat(value)
    return day, day


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    data: dict[str, Any]

    @property
    def text_path(self) -> Path:
        return self.path.with_name(self.path.name.removesuffix(".gold.json") + ".txt")

    @property
    def published(self) -> dt.date | None:
        value = self.data.get("article", {}).get("published")
        return dt.date.fromisoformat(value) if value else None


def matches(event: Event, gold: dict[str, Any]) -> bool:
    return (
        actor_fits(event.source, gold["source"])
        and actor_fits(event.target, gold["target"])
        and code_fits(event.cameo, gold["cameo"])
    )


def date_fits(event: Event, gold: dict[str, Any]) -> bool | None:
    """None when the gold gives no date."""
    if "date" in gold:
        start, end = _date(gold["date"])
    elif "date_range" in gold:
        start, end = _date(gold["date_range"][0])[0], _date(gold["date_range"][1])[1]
    else:
        return None
    if event.date.start is None:
        return False
    return event.date.start <= end and (event.date.end or event.date.start) >= start


def forbidden_hit(event: Event, rule: dict[str, Any]) -> bool:
    checks = []
    if "source_country" in rule:
        checks.append(actor_fits(event.source, rule["source_country"]))
    if "target_country" in rule:
        checks.append(actor_fits(event.target, rule["target_country"]))
    if "cameo_root" in rule:
        checks.append(event.cameo[:2] in rule["cameo_root"])
    if "date_after" in rule:
        after = dt.date.fromisoformat(rule["date_after"])
        checks.append(event.date.start is not None and event.date.start > after)
    if "text_from" in rule:
        checks.append(any(t in event.evidence for t in rule["text_from"]))
    return bool(checks) and all(checks)


def score_article(gold: dict[str, Any], events: tuple[Event, ...], links: tuple[Link, ...]) -> dict[str, Any]:
    """Scores for one article (see the module docstring) plus per-event detail."""
    entries = gold["events"]
    assigned: dict[str, str | None] = {}  # event id → gold id (None: unmatched)
    found: dict[str, list[str]] = {g["id"]: [] for g in entries}
    for event in events:
        fitting = [g for g in entries if matches(event, g)]
        fresh = [g for g in fitting if not found[g["id"]]]
        pick = (sorted(fresh, key=lambda g: not g.get("required")) or fitting or [None])[0]
        assigned[event.id] = pick["id"] if pick else None
        if pick:
            found[pick["id"]].append(event.id)
    required = [g for g in entries if g.get("required")]
    correct = sum(1 for v in assigned.values() if v)
    duplicates = sum(max(0, len(v) - 1) for v in found.values())
    by_id = {e.id: e for e in events}
    dated = [(g, by_id[found[g["id"]][0]]) for g in entries if found[g["id"]]]
    date_checks = [ok for g, e in dated if (ok := date_fits(e, g)) is not None]
    either_way = [g for g in required if any(_dyad_either_way(e, g) for e in events)]
    links_found = [
        link for link in gold.get("claim_links", ())
        if any(l.kind == link["kind"] and assigned.get(l.source_event) == link["from"]
               and assigned.get(l.target_event) == link["to"] for l in links)
    ]
    forbidden = [
        {"event": e.id, "why": rule.get("why", "")}
        for e in events for rule in gold.get("forbidden", ()) if forbidden_hit(e, rule)
    ]
    return {
        "events": len(events),
        "required": len(required),
        "required_found": sum(1 for g in required if found[g["id"]]),
        "required_recall": round(sum(1 for g in required if found[g["id"]]) / len(required), 4) if required else None,
        "correct": correct,
        "duplicates": duplicates,
        "precision": round(correct / len(events), 4) if events else None,
        "precision_distinct": round((correct - duplicates) / (len(events) - duplicates), 4) if len(events) > duplicates else None,
        "role_accuracy": round(sum(1 for g in either_way if found[g["id"]]) / len(either_way), 4) if either_way else None,
        "date_accuracy": round(sum(date_checks) / len(date_checks), 4) if date_checks else None,
        "forbidden_hits": forbidden,
        "claim_links": {"gold": len(gold.get("claim_links", ())), "found": len(links_found)},
        "missing": [g["id"] for g in required if not found[g["id"]]],
        "detail": [
            {"id": e.id, "cameo": e.cameo, "source": e.source.code if e.source else None,
             "target": e.target.code if e.target else None, "status": e.status,
             "date": e.date.start.isoformat() if e.date.start else None, "gold": assigned[e.id],
             "evidence": e.evidence[:100]}
            for e in events
        ],
    }


def _dyad_either_way(event: Event, gold: dict[str, Any]) -> bool:
    if not code_fits(event.cameo, gold["cameo"]):
        return False
    forward = actor_fits(event.source, gold["source"]) and actor_fits(event.target, gold["target"])
    backward = actor_fits(event.source, gold["target"]) and actor_fits(event.target, gold["source"])
    return forward or backward


def totals(per_article: list[dict[str, Any]]) -> dict[str, Any]:
    def ratio(num: str, den: str) -> float | None:
        d = sum(a[den] for a in per_article)
        return round(sum(a[num] for a in per_article) / d, 4) if d else None

    return {
        "articles": len(per_article),
        "required_recall": ratio("required_found", "required"),
        "precision": ratio("correct", "events"),
        "duplicates": sum(a["duplicates"] for a in per_article),
        "forbidden_hits": sum(len(a["forbidden_hits"]) for a in per_article),
        "claim_links_found": sum(a["claim_links"]["found"] for a in per_article),
        "claim_links_gold": sum(a["claim_links"]["gold"] for a in per_article),
    }


def evaluate(paths: list[Path], res: Any) -> dict[str, Any]:
    from casus import ingest
    from casus.pipeline import code_articles

    golds = [GoldArticle(p, json.loads(p.read_text(encoding="utf-8"))) for p in paths]
    per_article = []
    for gold in golds:
        items = list(ingest.read([str(gold.text_path)], published=gold.published))
        articles = [a for a in items if not hasattr(a, "reason")]
        if not articles:
            raise typer.BadParameter(f"{gold.text_path}: no article ({items[0].reason if items else 'empty'})")
        coded = next(code_articles(articles[:1], res))
        per_article.append({"gold": str(gold.path), **score_article(gold.data, coded.events, coded.links)})
    return {"total": totals(per_article), "articles": per_article}


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("events")
    def events(
        gold: list[Path] = typer.Argument(..., exists=True, dir_okay=False, help="GOLD.json files (text beside them as .txt)."),
        model: str = typer.Option("fast", help="Shipped parser model."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Code hand-coded articles and score required recall, precision, roles, dates, forbidden hits."""
        from casus.pipeline import Resources

        scores = evaluate(gold, Resources.load(model))
        if as_json:
            typer.echo(json.dumps(scores))
            return
        for article in scores["articles"]:
            typer.echo(f"{article['gold']}")
            for key in ("events", "required_recall", "precision", "precision_distinct", "duplicates",
                        "role_accuracy", "date_accuracy", "claim_links", "missing"):
                typer.echo(f"  {key:>18}  {article[key]}")
            typer.echo(f"  {'forbidden_hits':>18}  {len(article['forbidden_hits'])}")
        typer.echo("total  " + json.dumps(scores["total"]))
