"""``casus eval events GOLD.json...``: score coded events against hand-coded articles.

Gold format: ``../shared/seed/*.gold.json``. The article is the ``.txt`` beside the gold file, or
``article.path`` relative to ``../shared`` (any input ``casus.ingest`` reads, e.g. an AllSides JSON).
An event matches a gold entry when its source and target fit the entry's lists (a full code such as
"RUSMIL", a bare country "RUS" that accepts any code of that country, or null that accepts no actor)
and its CAMEO code is listed (a listed code accepts every code under it: "13" takes "138", "087" takes "0874"). Forbidden rules combine
``source_country``, ``target_country``, ``cameo_root``, ``cameo`` (exact codes), ``date_after`` and
``text_from``. Scores: required recall; precision against required + optional entries, with
duplicates (several events matching one entry) reported separately; role accuracy (right direction
among events whose dyad fits either way); date accuracy; forbidden hits; claim links found.

The project's own hand-coded news articles ship in ``casus/evaluation/gold/events/{dev,test}``
(``--split dev``): tune on dev, report on test.
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

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = Path(__file__).resolve().parent / "gold" / "events"
SPLITS = ("dev", "test")


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def actor_fits(actor: Actor | None, accepted: Iterable[str | None]) -> bool:
    """A coded actor fits a gold list of codes: exact code, a bare 3-letter country code, or None
    (listed as JSON null) for an event without that actor."""
    if actor is None or not actor.code:
        return actor is None and None in accepted
    country = actor.country or actor.code[:3]
    return any(a is not None and (actor.code == a or (len(a) == 3 and a == country)) for a in accepted)


def code_fits(code: str, accepted: Iterable[str]) -> bool:
    return any(code.startswith(a) for a in accepted)


def _date(value: str) -> tuple[dt.date, dt.date]:
    if len(value) == 4:
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    day = dt.date.fromisoformat(value)
    return day, day


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    data: dict[str, Any]
    shared: Path = SHARED

    @property
    def text_path(self) -> Path:
        """``article.path`` under the shared data directory, else the ``.txt`` beside the gold file."""
        if relative := self.data.get("article", {}).get("path"):
            return self.shared / relative
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
    if "cameo" in rule:
        checks.append(event.cameo in rule["cameo"])
    if "date_after" in rule:
        after = dt.date.fromisoformat(rule["date_after"])
        checks.append(event.date.start is not None and event.date.start > after)
    if "text_from" in rule:
        checks.append(any(t in event.evidence for t in rule["text_from"]))
    return bool(checks) and all(checks)


def assign(events: tuple[Event, ...], entries: list[dict[str, Any]]) -> dict[str, str | None]:
    """Event id → the gold entry it counts for (None: unmatched). A maximum one-to-one matching
    covers as many required entries as possible, then optional ones, matching events to entries whose
    date they fit before the others; each event takes a free entry when it can, displacing an earlier
    event only to cover one more entry. An event left over that still fits an entry is a duplicate."""
    by_id = {g["id"]: g for g in entries}
    fits = {e.id: [g["id"] for g in entries if matches(e, g)] for e in events}
    dated = {(e.id, g) for e in events for g in fits[e.id] if date_fits(e, by_id[g]) is not False}
    owner: dict[str, str] = {}  # gold id → event id

    def augment(event_id: str, allowed: set[str], seen: set[str]) -> bool:
        candidates = [g for g in fits[event_id] if g in allowed and g not in seen]
        free = next((g for g in candidates if g not in owner), None)
        if free is not None:
            owner[free] = event_id
            return True
        for gold_id in candidates:
            seen.add(gold_id)
            if augment(owner[gold_id], allowed, seen):
                owner[gold_id] = event_id
                return True
        return False

    for group in ({g["id"] for g in entries if g.get("required")}, {g["id"] for g in entries if not g.get("required")}):
        for date_first in (True, False):
            for event in events:
                allowed = {g for g in group if not date_first or (event.id, g) in dated}
                if event.id not in owner.values():
                    augment(event.id, allowed, set())
    matched = {event_id: gold_id for gold_id, event_id in owner.items()}
    return {e.id: matched.get(e.id) or next(iter(fits[e.id]), None) for e in events}


def score_article(gold: dict[str, Any], events: tuple[Event, ...], links: tuple[Link, ...]) -> dict[str, Any]:
    """Scores for one article (see the module docstring) plus per-event detail."""
    entries = gold["events"]
    assigned = assign(events, entries)
    found: dict[str, list[str]] = {g["id"]: [] for g in entries}
    for event_id, gold_id in assigned.items():
        if gold_id:
            found[gold_id].append(event_id)
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


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """The gold files named, a folder standing for the ``*.gold.json`` files under it."""
    return [f for p in paths for f in (sorted(p.rglob("*.gold.json")) if p.is_dir() else [p])]


def load_golds(paths: Iterable[Path], shared: Path = SHARED) -> list[GoldArticle]:
    return [GoldArticle(p, json.loads(p.read_text(encoding="utf-8")), shared) for p in gold_files(paths)]


def evaluate(paths: list[Path], res: Any, shared: Path = SHARED) -> dict[str, Any]:
    from casus import ingest
    from casus.pipeline import code_articles

    golds = load_golds(paths, shared)
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
        gold: list[Path] = typer.Argument(None, exists=True, help="GOLD.json files or folders of them."),
        split: str = typer.Option("", help=f"The shipped hand-coded news articles: one of {', '.join(SPLITS)}."),
        shared: Path = typer.Option(SHARED, help="The shared data directory that 'article.path' is relative to."),
        model: str = typer.Option("fast", help="Shipped parser model."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Code hand-coded articles and score required recall, precision, roles, dates, forbidden hits."""
        from casus.pipeline import Resources

        if split and split not in SPLITS:
            raise typer.BadParameter(f"--split must be one of {', '.join(SPLITS)}")
        if bool(gold) == bool(split):
            raise typer.BadParameter("give either GOLD.json files/folders or --split, not both")
        paths = list(gold) if gold else [GOLD / split]
        scores = evaluate(paths, Resources.load(model), shared)
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
