"""The casus web API (FastAPI) and its single static page, over a read-only DuckDB store.

Every query is parameterised; list endpoints cap ``limit`` at ``MAX_LIMIT``; requests with a body or an
over-long URL are refused; responses carry a Content-Security-Policy that forbids inline scripts, and
the page inserts all stored text as ``textContent`` (article text is untrusted).
"""
from __future__ import annotations

import datetime as dt
import enum
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from casus.analysis import queries

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

STATIC = Path(__file__).with_name("static")
MAX_LIMIT = 1000
MAX_URL = 2048
MAX_BODY = 16 * 1024
LOCK_WAIT = 5.0  # seconds a request waits for a writer to release the store
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class Status(str, enum.Enum):
    asserted = "asserted"
    alleged = "alleged"
    denied = "denied"
    negated = "negated"
    hypothetical = "hypothetical"
    future = "future"



Code = Annotated[str | None, Query(max_length=64, pattern=r"^[A-Za-z0-9_\-]+$", description="Actor code or prefix, e.g. RUS, RUSGOV.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def _connect_read_only(path: Path, wait: float = LOCK_WAIT) -> Any:
    """A read-only DuckDB connection, waiting while a writer (``casus code``/``casus watch``) holds the
    file: DuckDB allows one writing process, so the server never keeps a connection between requests."""
    import duckdb

    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=True)
        except duckdb.IOException as exc:
            if time.monotonic() >= deadline:
                raise HTTPException(503, "the store is being written; retry shortly") from exc
            time.sleep(0.05)


def _cursor(request: Request) -> Iterator[Any]:
    """A read-only connection to the store for one request."""
    con = _connect_read_only(request.app.state.db_path)
    try:
        yield con
    finally:
        con.close()


Cursor = Annotated[Any, Depends(_cursor)]


def _rows(cursor: "duckdb.DuckDBPyConnection", sql: str, params: dict | list | None = None) -> list[dict[str, Any]]:
    result = cursor.execute(sql, params or {})
    names = [d[0] for d in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


def _records(frame: "pd.DataFrame") -> list[dict[str, Any]]:
    """JSON-ready rows of a DataFrame (dates as YYYY-MM-DD, missing values as null)."""
    for column in frame.select_dtypes("datetime").columns:
        frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return json.loads(frame.to_json(orient="records"))


def describe_event(event: dict[str, Any]) -> str:
    """A plain-language explanation of why and how an event row was coded."""
    def who(prefix: str) -> str:
        text = event.get(f"{prefix}_text") or event.get(f"{prefix}_name")
        return f"{text} [{event.get(f'{prefix}_code') or 'uncoded'}]" if text else "nobody named"

    parts = [f"{event['cameo']} {event.get('cameo_name') or ''}".strip() + f": {who('source')} → {who('target')}",
             f"status {event['status']}" + (f", claimed by {event['attributed_to_text']}" if event.get("attributed_to_text") else "")]
    if event.get("date_start"):
        source = f"from “{event['date_text']}”" if event.get("date_text") and not event.get("date_inferred") \
            else "inferred from the publication date"
        span = event["date_start"] if event.get("date_end") in (None, event["date_start"]) else f"{event['date_start']}..{event['date_end']}"
        parts.append(f"date {span} ({source})")
    if event.get("place_text"):
        country = f", {event['place_country']}" if event.get("place_country") else ""
        parts.append(f"place {event.get('place_name') or event['place_text']}{country}")
    if event.get("explanation"):
        x = event["explanation"]
        parts.append(f"rule {x.get('rule')}" + (f", lexicon entry “{x['entry']}”" if x.get("entry") else "")
                     + (f", tokens {', '.join(x.get('tokens') or [])}" if x.get("tokens") else ""))
        parts.extend(x.get("notes") or [])
    return "; ".join(parts)


EVENT_COLUMNS = """e.article_id, e.event_id, coalesce(e.date_start, a.published) AS day, e.cameo, e.cameo_name, e.root,
    e.quad_class, e.goldstein, e.plover_type, e.status, e.source_code, coalesce(e.source_name, e.source_text) AS source,
    e.target_code, coalesce(e.target_name, e.target_text) AS target,
    coalesce(e.attributed_to_name, e.attributed_to_text) AS attributed_to,
    coalesce(e.place_name, e.place_text) AS place, e.place_country, e.place_lat AS lat, e.place_lon AS lon,
    e.killed, e.evidence, a.title, a.source AS publisher"""


def create_app(db: str | Path, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The API and page for the store at ``db`` (opened read-only). ``allowed_hosts`` guards the Host header."""
    import duckdb

    path = Path(db)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}")
    with duckdb.connect(str(path), read_only=True) as con:
        has_corpus = bool(con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'corpus_event_members'").fetchone()[0])
    app = FastAPI(title="casus", version="1", docs_url=None, redoc_url=None,
                  description="Event data coded by casus: events, articles with spans, dyad series, actor network, "
                  "claim threads and agreements. Read-only.")  # fmt: skip
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if len(str(request.url)) > MAX_URL:
            return JSONResponse({"detail": "URL too long"}, status_code=414, headers=SECURITY_HEADERS)
        if int(request.headers.get("content-length") or 0) > MAX_BODY:
            return JSONResponse({"detail": "request body too large"}, status_code=413, headers=SECURITY_HEADERS)
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.state.db_path = path
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/api/summary")
    def summary(cur: Cursor) -> dict[str, Any]:
        """Counts, date range, statuses and the most frequent actor codes (for the filters)."""
        counts = _rows(cur, """SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
            (SELECT min(coalesce(e.date_start, a.published)) FROM events e JOIN articles a USING (article_id)) AS first_day,
            (SELECT max(coalesce(e.date_start, a.published)) FROM events e JOIN articles a USING (article_id)) AS last_day""")[0]
        actors = _rows(cur, """SELECT code, count(*) AS events FROM (
            SELECT source_code AS code FROM events UNION ALL SELECT target_code FROM events)
            WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT 200""")
        corpus = _rows(cur, "SELECT count(DISTINCT corpus_event_id) AS n FROM corpus_event_members")[0]["n"] if has_corpus else None
        return counts | {"actors": actors, "statuses": [s.value for s in Status], "corpus_events": corpus}

    @app.get("/api/events")
    def events(
        cur: Cursor, actor: Code = None, source: Code = None, target: Code = None,
        code: Annotated[str | None, Query(max_length=4, pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
        quad: Annotated[int | None, Query(ge=1, le=4)] = None, status: Status | None = None,
        place: Annotated[str | None, Query(max_length=100)] = None, start: dt.date | None = None, end: dt.date | None = None,
        article: Annotated[str | None, Query(max_length=300)] = None, limit: Limit = 200,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """Events matching every given filter, newest first, with the total count."""
        conditions, params = ["TRUE"], {}
        for role, value in (("source", source), ("target", target)):
            if value:
                conditions.append(queries.actor_matches(role, role))
                params[role] = value
        if actor:
            conditions.append(f"({queries.actor_matches('source', 'actor')} OR {queries.actor_matches('target', 'actor')})")
            params["actor"] = actor
        filters = {"code": (code, "starts_with(e.cameo, $code)"), "quad": (quad, "e.quad_class = $quad"),
                   "status": (status.value if status else None, "e.status = $status"),
                   "place": (place, "(contains(lower(e.place_name), lower($place)) OR contains(lower(e.place_text), lower($place)))"),
                   "start": (start, "coalesce(e.date_start, a.published) >= $start"),
                   "end": (end, "coalesce(e.date_start, a.published) <= $end"), "article": (article, "e.article_id = $article")}  # fmt: skip
        for name, (value, condition) in filters.items():
            if value is not None:
                conditions.append(condition)
                params[name] = value
        where = " AND ".join(conditions)
        corpus = "m.corpus_event_id, c.num_articles" if has_corpus else "NULL AS corpus_event_id, NULL AS num_articles"
        join = ("LEFT JOIN corpus_event_members m USING (article_id, event_id) "
                "LEFT JOIN corpus_events c ON c.corpus_event_id = m.corpus_event_id") if has_corpus else ""  # fmt: skip
        total = cur.execute(f"SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE {where}", params).fetchone()[0]
        rows = _rows(cur, f"""SELECT {EVENT_COLUMNS}, {corpus} FROM events e JOIN articles a USING (article_id) {join}
                              WHERE {where} ORDER BY day DESC NULLS LAST, e.article_id, e.span_start
                              LIMIT $limit OFFSET $offset""", params | {"limit": limit, "offset": offset})  # fmt: skip
        return {"total": total, "events": rows}

    @app.get("/api/articles")
    def articles(cur: Cursor, q: Annotated[str | None, Query(max_length=200, description="Words in the title")] = None,
                 limit: Limit = 100, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> list[dict[str, Any]]:
        """Articles (newest first) with their event counts."""
        return _rows(cur, """SELECT a.article_id, a.title, a.source, a.published, a.url,
                (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events
            FROM articles a WHERE $q IS NULL OR contains(lower(a.title), lower($q))
            ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT $limit OFFSET $offset""",
            {"q": q, "limit": limit, "offset": offset})  # fmt: skip

    @app.get("/api/article")
    def article(cur: Cursor, article_id: Annotated[str, Query(alias="id", max_length=300)]) -> dict[str, Any]:
        """An article's text and every coded span in it (actors, events, quotes, dates, places, agreements)."""
        found = _rows(cur, "SELECT article_id, title, url, source, published, text FROM articles WHERE article_id = ?", [article_id])
        if not found:
            raise HTTPException(404, f"no article {article_id!r}")
        key = [article_id]
        event_rows = _rows(cur, "SELECT * FROM events WHERE article_id = ? ORDER BY span_start", key)
        for e in event_rows:
            e["explanation"] = json.loads(e["explanation"]) if e["explanation"] else None
            e["mentions"] = json.loads(e["mentions"]) if e["mentions"] else []
            e["description"] = describe_event(e)
        spans = [
            {"kind": "event", "start": start, "end": end, "code": e["cameo"], "id": e["event_id"],
             "label": f"{e['event_id']} {e['cameo']} {e['cameo_name'] or ''} ({e['status']})"
                      + ("" if (start, end) == (e["span_start"], e["span_end"]) else ", another mention")}
            for e in event_rows
            for start, end in dict.fromkeys([(e["span_start"], e["span_end"]), *map(tuple, e["mentions"])])
        ]  # fmt: skip
        spans += _rows(cur, """
            SELECT 'actor' AS kind, span_start AS start, span_end AS "end", code, NULL AS id,
                   concat_ws(' ', coalesce(code, 'uncoded'), name, '— ' || why) AS label
            FROM actors WHERE article_id = $id
            UNION ALL SELECT 'quote', span_start, span_end, speaker_code, quote_id,
                   concat_ws(' ', quote_id, kind, 'quote by', coalesce(speaker_name, speaker_text, 'unknown speaker'))
            FROM quotes WHERE article_id = $id
            UNION ALL SELECT 'date', span_start, span_end, value, NULL,
                   concat_ws(' ', 'date', CAST(start_date AS VARCHAR), '…', CAST(end_date AS VARCHAR), '(' || precision || ')')
            FROM times WHERE article_id = $id
            UNION ALL SELECT 'place', span_start, span_end, country, NULL,
                   concat_ws(' ', 'place', name, country, feature, CAST(round(lat, 3) AS VARCHAR), CAST(round(lon, 3) AS VARCHAR))
            FROM places WHERE article_id = $id
            UNION ALL SELECT 'agreement', span_start, span_end, array_to_string(parties, '-'), agreement_id,
                   concat_ws(' ', agreement_id, 'agreement', name, 'between', array_to_string(parties, ', '))
            FROM agreements WHERE article_id = $id
            ORDER BY start""", {"id": article_id})  # fmt: skip
        quotes = _rows(cur, "SELECT * FROM quotes WHERE article_id = ? ORDER BY span_start", key)
        links = _rows(cur, "SELECT kind, from_event, to_event, why FROM links WHERE article_id = ?", key)
        return found[0] | {"spans": spans, "events": event_rows, "quotes": quotes, "links": links}

    @app.get("/api/series")
    def series(cur: Cursor, source: Code = None, target: Code = None, actor: Code = None, freq: queries.Freq = queries.Freq.month,
               both: bool = False) -> list[dict[str, Any]]:
        """Events per period and quad class for a dyad, an actor or everything."""
        return _records(queries.event_series(cur, freq.value, source=source, target=target, actor=actor, both_directions=both))

    @app.get("/api/dyads")
    def dyads(cur: Cursor, limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        """The most frequent country dyads."""
        return _records(queries.top_dyads(cur, limit))

    @app.get("/api/network")
    def network(cur: Cursor, min_events: Annotated[int, Query(ge=1, le=100_000)] = 1,
                limit: Annotated[int, Query(ge=1, le=300)] = 80) -> dict[str, Any]:
        """Actor network with a deterministic layout (x, y in [-1, 1])."""
        import networkx as nx

        graph = queries.actor_network(cur, min_events=min_events, limit=limit)
        layout = nx.spring_layout(graph, seed=0, weight="events") if graph.number_of_nodes() else {}
        degree = dict(graph.degree(weight="events"))
        nodes = [{"id": n, "name": d.get("name"), "events": degree[n], "x": float(layout[n][0]), "y": float(layout[n][1])}
                 for n, d in graph.nodes(data=True)]  # fmt: skip
        edges = [{"source": u, "target": v} | {k: float(x) if k == "total_goldstein" else int(x) for k, x in d.items()}
                 for u, v, d in graph.edges(data=True)]  # fmt: skip
        return {"nodes": nodes, "edges": edges}

    @app.get("/api/map")
    def event_map(cur: Cursor, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500) -> list[dict[str, Any]]:
        """Geocoded event locations with their event counts."""
        return _rows(cur, """SELECT coalesce(place_name, place_text) AS place, place_country AS country,
                round(place_lat, 4) AS lat, round(place_lon, 4) AS lon, count(*) AS events,
                count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
            FROM events WHERE place_lat IS NOT NULL AND place_lon IS NOT NULL
            GROUP BY ALL ORDER BY events DESC, place LIMIT $limit""", {"limit": limit})  # fmt: skip

    @app.get("/api/claims")
    def claims(cur: Cursor, actor: Code = None, article: Annotated[str | None, Query(max_length=300)] = None,
               limit: Limit = 200) -> list[dict[str, Any]]:
        """Claim threads: links between events with both sentences and speakers."""
        return _records(queries.claim_threads(cur, actor=actor, article_id=article, limit=limit))

    @app.get("/api/agreements")
    def agreements(cur: Cursor, actor: Code = None, limit: Limit = 500) -> list[dict[str, Any]]:
        """Agreements, obligations and alleged violations."""
        return _records(queries.agreement_tracker(cur, actor=actor, limit=limit))

    @app.get("/api/corpus-events")
    def corpus_events(cur: Cursor, min_articles: Annotated[int, Query(ge=1, le=10_000)] = 2,
                      limit: Limit = 100) -> list[dict[str, Any]]:
        """Events reported by several articles (cross-article dedup), with every member and why it merged."""
        if not has_corpus:
            return []
        found = _rows(cur, """SELECT * FROM corpus_events WHERE num_articles >= $min
            ORDER BY num_articles DESC, first_seen, corpus_event_id LIMIT $limit""", {"min": min_articles, "limit": limit})
        members = _rows(cur, """SELECT m.corpus_event_id, m.article_id, m.event_id, m.why, a.title, a.source, a.published
            FROM corpus_event_members m JOIN articles a USING (article_id)
            WHERE m.corpus_event_id IN (SELECT unnest($ids)) ORDER BY a.published, m.article_id""",
            {"ids": [c["corpus_event_id"] for c in found]})  # fmt: skip
        for c in found:
            c["members"] = [m for m in members if m["corpus_event_id"] == c["corpus_event_id"]]
        return found

    return app
