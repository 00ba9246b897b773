"""``CodedArticle`` → flat rows for the tables in ``schema.sql`` (one dict per row, keyed by column)."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from casus.records import Actor, CodedArticle, EventDate, Place, Span, to_dict

Row = dict[str, Any]


def _json(value: Any) -> str:
    return json.dumps(to_dict(value), ensure_ascii=False)


def _span(span: Span | None, prefix: str = "span") -> Row:
    return {f"{prefix}_start": span[0] if span else None, f"{prefix}_end": span[1] if span else None}


def _actor(actor: Actor | None, prefix: str, *, details: bool = True) -> Row:
    row = {f"{prefix}_text": actor.text if actor else None, f"{prefix}_code": actor.code if actor else None,
           f"{prefix}_name": actor.name if actor else None}  # fmt: skip
    if details:
        row |= {f"{prefix}_country": actor.country if actor else None, f"{prefix}_role": actor.role if actor else None}
    return row


def _date(date: EventDate | None) -> Row:
    return {
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None,
    }


def _place(place: Place | None) -> Row:
    return {
        "place_text": place.text if place else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_admin1": place.admin1 if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
    }


def rows(coded: CodedArticle, coded_at: dt.datetime) -> dict[str, list[Row]]:
    """Rows per table for one coded article."""
    a = coded.article
    aid = a.id
    tables: dict[str, list[Row]] = {
        "articles": [{
            "article_id": aid, "title": a.title, "url": a.url, "source": a.source, "published": a.published,
            "language": a.language, "origin": a.origin, "text": a.text, "captions": list(a.captions),
            "segments": json.dumps([[s.text_start, s.original_start, s.length] for s in a.segments]),
            "coded_at": coded_at,
        }],
    }  # fmt: skip
    tables["events"] = [
        {
            "article_id": aid, "event_id": e.id, "cameo": e.cameo, "cameo_name": e.cameo_name, "root": e.cameo[:2],
            "quad_class": e.quad_class, "goldstein": e.goldstein, "plover_type": e.plover.get("type"),
            "plover_mode": e.plover.get("mode"), "status": e.status,
            **_actor(e.source, "source"), **_actor(e.target, "target"), **_actor(e.attributed_to, "attributed_to", details=False),
            **_date(e.date), "date_inferred": e.date.inferred, **_place(e.location),
            "killed": e.casualties.killed if e.casualties else None,
            "injured": e.casualties.injured if e.casualties else None,
            "displaced": e.casualties.displaced if e.casualties else None,
            "arrested": e.casualties.arrested if e.casualties else None,
            "casualties_lower_bound": e.casualties.lower_bound if e.casualties else None,
            **_span(e.span), "sentence": e.sentence, "evidence": e.evidence,
            "explanation": _json(e.explanation) if e.explanation else None, "mentions": _json(e.mentions),
        }
        for e in coded.events
    ]  # fmt: skip
    tables["quotes"] = [
        {
            "article_id": aid, "quote_id": q.id, "speaker_text": q.speaker.text if q.speaker else None,
            "speaker_code": q.speaker.code if q.speaker else None, "speaker_name": q.speaker.name if q.speaker else None,
            "cue": q.cue, "content": q.content, "kind": q.kind, **_span(q.span), **_span(q.cue_span, "cue"),
            "sentence": q.sentence,
        }
        for q in coded.quotes
    ]  # fmt: skip
    tables["links"] = [
        {"article_id": aid, "kind": link.kind, "from_event": link.source_event, "to_event": link.target_event, "why": link.why}
        for link in dict.fromkeys(coded.links)
    ]
    tables["agreements"] = [
        {"article_id": aid, "agreement_id": g.id, "name": g.name, "parties": list(g.parties), "subject": g.subject,
         **_date(g.date), **_span(g.span), "mentions": _json(g.mentions)}
        for g in coded.agreements
    ]  # fmt: skip
    tables["obligations"] = [
        {"article_id": aid, "agreement_id": g.id, "idx": i, "obligor": o.obligor, "action": o.action, "text": o.text, **_span(o.span)}
        for g in coded.agreements
        for i, o in enumerate(g.obligations)
    ]
    tables["violations"] = [
        {"article_id": aid, "agreement_id": g.id, "idx": i, "accused": v.accused, "alleged_by": list(v.alleged_by),
         "text": v.text, "event_id": v.event, **_span(v.span)}
        for g in coded.agreements
        for i, v in enumerate(g.violations)
    ]  # fmt: skip
    tables["places"] = [
        {"article_id": aid, "idx": i, "text": p.text, "name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat,
         "lon": p.lon, "feature": p.feature, "geonames_id": p.geonames_id, **_span(p.span)}
        for i, p in enumerate(coded.places)
    ]  # fmt: skip
    tables["times"] = [
        {"article_id": aid, "idx": i, "text": t.text, "start_date": t.start, "end_date": t.end, "precision": t.precision,
         "value": t.value, **_span(t.span)}
        for i, t in enumerate(coded.times)
    ]  # fmt: skip
    tables["actors"] = [
        {"article_id": aid, "idx": i, "text": m.text, "code": m.code, "country": m.country, "role": m.role, "name": m.name,
         "kb_id": m.kb_id, "why": m.why, **_span(m.span)}
        for i, m in enumerate(coded.actors)
    ]  # fmt: skip
    tables["rejections"] = [{"article_id": aid, "idx": i, "detail": _json(r)} for i, r in enumerate(coded.rejected)]
    return tables
