"""Analyst questions over the store, each a pure function of a DuckDB connection returning a DataFrame.

Actors are matched by prefix of their code or by country: ``"RUS"`` matches ``RUS``, ``RUSGOV`` and
``RUSMIL`` and any actor whose country is Russia. An event's day is its own date, else the article's
publication date.
"""
from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import duckdb
    import networkx as nx
    import pandas as pd

Frequency = Literal["day", "week", "month", "year"]


class Freq(str, enum.Enum):
    """The periods of a series, as a choice for the CLI and the API."""

    day = "day"
    week = "week"
    month = "month"
    year = "year"


FREQUENCIES: tuple[str, ...] = tuple(f.value for f in Freq)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
EVENT_DAY = "coalesce(e.date_start, a.published)"
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def actor_matches(role: str, param: str) -> str:
    """SQL condition: the ``role`` (source | target) actor of event ``e`` matches parameter ``$<param>``."""
    return f"(starts_with(e.{role}_code, ${param}) OR e.{role}_country = ${param})"


def _check(freq: str) -> None:
    if freq not in FREQUENCIES:
        raise ValueError(f"unknown frequency {freq!r}; choose one of {', '.join(FREQUENCIES)}")


def _frame(con: "duckdb.DuckDBPyConnection", sql: str, params: dict | None = None) -> "pd.DataFrame":
    return con.execute(sql, params or {}).df()


def event_series(con: "duckdb.DuckDBPyConnection", freq: Frequency = "month", *, source: str | None = None,
                 target: str | None = None, actor: str | None = None, both_directions: bool = False,
                 statuses: tuple[str, ...] = ()) -> "pd.DataFrame":
    """Events per period and quad class (count, articles, mean and total Goldstein).

    ``source``/``target`` restrict to a dyad (``both_directions`` adds the reverse direction);
    ``actor`` to events where it is either side; ``statuses`` to those epistemic statuses.
    """
    _check(freq)
    conditions, params = [f"{EVENT_DAY} IS NOT NULL"], {}
    if source or target:
        dyad = " AND ".join(actor_matches(role, role) for role, value in (("source", source), ("target", target)) if value)
        if both_directions:
            reverse = " AND ".join(actor_matches(role, other) for role, other, value
                                   in (("source", "target", target), ("target", "source", source)) if value)  # fmt: skip
            dyad = f"({dyad}) OR ({reverse})"
        conditions.append(f"({dyad})")
        params |= {name: value for name, value in (("source", source), ("target", target)) if value}
    if actor:
        conditions.append(f"({actor_matches('source', 'actor')} OR {actor_matches('target', 'actor')})")
        params["actor"] = actor
    if statuses:
        conditions.append("e.status IN (SELECT unnest($statuses))")
        params["statuses"] = list(statuses)
    return _frame(con, f"""
        SELECT CAST(date_trunc('{freq}', {EVENT_DAY}) AS DATE) AS period, e.quad_class,
               count(*) AS events, count(DISTINCT e.article_id) AS articles,
               avg(e.goldstein) AS mean_goldstein, sum(e.goldstein) AS total_goldstein
        FROM events e JOIN articles a USING (article_id)
        WHERE {' AND '.join(conditions)}
        GROUP BY ALL ORDER BY period, e.quad_class""", params)  # fmt: skip


def top_dyads(con: "duckdb.DuckDBPyConnection", limit: int = 20, *, by: Literal["country", "code"] = "country") -> "pd.DataFrame":
    """The most frequent directed actor pairs with their cooperation/conflict split and mean Goldstein."""
    source, target = (("coalesce(e.source_country, e.source_code)", "coalesce(e.target_country, e.target_code)")
                      if by == "country" else ("e.source_code", "e.target_code"))  # fmt: skip
    return _frame(con, f"""
        SELECT {source} AS source, {target} AS target, count(*) AS events,
               count(DISTINCT e.article_id) AS articles,
               count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
               avg(e.goldstein) AS mean_goldstein
        FROM events e
        WHERE {source} IS NOT NULL AND {target} IS NOT NULL AND {source} <> {target}
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT $limit""", {"limit": limit})  # fmt: skip


def network_edges(con: "duckdb.DuckDBPyConnection", *, min_events: int = 1, limit: int = 500) -> "pd.DataFrame":
    """Directed actor-code edges weighted by cooperation and conflict event counts and Goldstein sum."""
    return _frame(con, """
        SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
               count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict,
               sum(e.goldstein) AS total_goldstein,
               any_value(coalesce(e.source_name, e.source_text)) AS source_name,
               any_value(coalesce(e.target_name, e.target_text)) AS target_name
        FROM events e
        WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.source_code <> e.target_code
        GROUP BY ALL HAVING count(*) >= $min_events
        ORDER BY events DESC, source, target LIMIT $limit""", {"min_events": min_events, "limit": limit})  # fmt: skip


def actor_network(con: "duckdb.DuckDBPyConnection", *, min_events: int = 1, limit: int = 500) -> "nx.DiGraph":
    """The actor network: nodes are actor codes, edges carry events, cooperation, conflict, total_goldstein."""
    import networkx as nx

    edges = network_edges(con, min_events=min_events, limit=limit)
    graph = nx.DiGraph()
    for row in edges.itertuples(index=False):
        graph.add_node(row.source, name=row.source_name)
        graph.add_node(row.target, name=row.target_name)
        graph.add_edge(row.source, row.target, events=row.events, cooperation=row.cooperation,
                       conflict=row.conflict, total_goldstein=row.total_goldstein)  # fmt: skip
    return graph


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` containing ``[start, end)``: from the previous sentence end to the next."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0: after.start() + 1 if after else len(text)].strip()


def claim_threads(con: "duckdb.DuckDBPyConnection", *, actor: str | None = None, article_id: str | None = None,
                  limit: int = 1000) -> "pd.DataFrame":
    """Links between events (rejects, denies, accuses, ...), one row per link, with both events' codes,
    speakers and sentences; ``thread`` numbers the chains (links sharing an event are one thread)."""
    import networkx as nx

    side = """{p}.event_id AS {n}_event, {p}.cameo AS {n}_cameo, {p}.cameo_name AS {n}_cameo_name,
              {p}.status AS {n}_status, {p}.source_code AS {n}_source_code,
              coalesce({p}.source_name, {p}.source_text) AS {n}_speaker,
              {p}.target_code AS {n}_target_code, coalesce({p}.target_name, {p}.target_text) AS {n}_target,
              coalesce({p}.attributed_to_name, {p}.attributed_to_text) AS {n}_attributed_to,
              {p}.evidence AS {n}_evidence, {p}.span_start AS {n}_span_start, {p}.span_end AS {n}_span_end"""
    filters = []
    if actor:
        filters.append("(starts_with(f.source_code, $actor) OR starts_with(t.source_code, $actor) "
                       "OR starts_with(t.target_code, $actor) OR starts_with(f.target_code, $actor))")
    if article_id:
        filters.append("l.article_id = $article_id")
    where = f"WHERE {' AND '.join(filters)}" if filters else ""
    params = {"limit": limit} | ({"actor": actor} if actor else {}) | ({"article_id": article_id} if article_id else {})
    frame = _frame(con, f"""
        SELECT l.article_id, a.title, a.published, l.kind, l.why,
               {side.format(p='f', n='from')}, {side.format(p='t', n='to')}, a.text AS article_text
        FROM links l JOIN articles a USING (article_id)
        JOIN events f ON f.article_id = l.article_id AND f.event_id = l.from_event
        JOIN events t ON t.article_id = l.article_id AND t.event_id = l.to_event
        {where} ORDER BY a.published, l.article_id, t.span_start, f.span_start LIMIT $limit""", params)  # fmt: skip
    for end in ("from", "to"):
        frame[f"{end}_sentence"] = [
            sentence_around(text, start, stop)
            for text, start, stop in zip(frame.article_text, frame[f"{end}_span_start"], frame[f"{end}_span_end"])
        ]
    graph = nx.Graph()
    graph.add_edges_from(zip(frame.article_id + "/" + frame.from_event, frame.article_id + "/" + frame.to_event))
    thread_of = {node: i for i, nodes in enumerate(nx.connected_components(graph)) for node in nodes}
    frame["thread"] = [thread_of[f"{a}/{e}"] for a, e in zip(frame.article_id, frame.from_event)]
    return frame.drop(columns="article_text")


def agreement_tracker(con: "duckdb.DuckDBPyConnection", *, actor: str | None = None, limit: int = 1000) -> "pd.DataFrame":
    """Agreements with their obligations and alleged violations, one row each, dated by the article.

    ``kind`` is agreement | obligation | violation; ``party`` is the obligor or the accused;
    ``alleged_by`` lists the accusers of a violation.
    """
    where = ("WHERE list_contains(g.parties, $actor) OR starts_with(x.party, $actor) "
             "OR list_contains(x.alleged_by, $actor)") if actor else ""  # fmt: skip
    return _frame(con, f"""
        WITH items AS (
            SELECT article_id, agreement_id, 'agreement' AS kind, -1 AS idx, NULL AS party,
                   CAST([] AS VARCHAR[]) AS alleged_by, coalesce(subject, name) AS text, NULL AS event_id,
                   span_start, span_end
            FROM agreements
            UNION ALL
            SELECT article_id, agreement_id, 'obligation', idx, obligor, [], coalesce(text, action), NULL,
                   span_start, span_end
            FROM obligations
            UNION ALL
            SELECT article_id, agreement_id, 'violation', idx, accused, alleged_by, text, event_id,
                   span_start, span_end
            FROM violations)
        SELECT a.published, x.article_id, a.title, x.agreement_id, g.name AS agreement, g.parties,
               g.date_start AS agreement_date, x.kind, x.party, x.alleged_by, x.text, x.event_id,
               x.span_start, x.span_end
        FROM items x JOIN agreements g USING (article_id, agreement_id) JOIN articles a USING (article_id)
        {where}
        ORDER BY a.published, x.article_id, x.agreement_id, x.kind = 'violation', x.kind = 'obligation', x.idx
        LIMIT $limit""", {"limit": limit} | ({"actor": actor} if actor else {}))  # fmt: skip


def violation_counts(con: "duckdb.DuckDBPyConnection", freq: Frequency = "month") -> "pd.DataFrame":
    """Alleged violations per period, accused and accuser (one accuser per row)."""
    _check(freq)
    return _frame(con, f"""
        SELECT period, accused, accuser, count(*) AS violations
        FROM (SELECT CAST(date_trunc('{freq}', a.published) AS DATE) AS period, v.accused,
                     unnest(CASE WHEN len(v.alleged_by) = 0 THEN [NULL] ELSE v.alleged_by END) AS accuser
              FROM violations v JOIN articles a USING (article_id))
        GROUP BY ALL ORDER BY period, violations DESC, accused, accuser""")  # fmt: skip
