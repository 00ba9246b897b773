"""Cross-article dedup: the same event reported by several articles becomes one corpus event.

Two event mentions are one corpus event when they have the same source and target codes and CAMEO
root, their dates lie within ``window_days`` of each other (event date, else the publication
date), they come from different articles, and — when both name a place — the place is the same. An event with no
source (an act told with no agent) is one with the other reports of no source, never with a named author's.
``refresh`` keeps the tables ``corpus_events`` and ``corpus_event_members`` in step with
``events``: it only looks at events added or re-coded since the last run, and at the corpus events
that lost members. Every member row says why it joined (``why``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

SCHEMA = """
CREATE TABLE IF NOT EXISTS corpus_events (
    corpus_event_id VARCHAR PRIMARY KEY,
    source_code VARCHAR, target_code VARCHAR, root VARCHAR, cameo VARCHAR, cameo_name VARCHAR,
    quad_class TINYINT, goldstein DOUBLE,
    date_start DATE, date_end DATE, place VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    num_articles INTEGER, num_sources INTEGER, num_mentions INTEGER, first_seen DATE, last_seen DATE
);
CREATE TABLE IF NOT EXISTS corpus_event_members (
    article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, corpus_event_id VARCHAR NOT NULL,
    coded_at TIMESTAMPTZ NOT NULL, why VARCHAR NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
"""

MENTION = """
    SELECT e.article_id, e.event_id, a.coded_at, e.source_code, e.target_code, e.root,
           coalesce(e.date_start, a.published) AS day_start,
           coalesce(e.date_end, e.date_start, a.published) AS day_end,
           lower(coalesce(e.place_name, e.place_text)) AS place, a.published, e.span_start
    FROM events e JOIN articles a USING (article_id)
"""
#: The mentions not yet in a corpus event, numbered in the order they are assigned (by date).
FRESH = f"""
    CREATE OR REPLACE TEMP TABLE dedup_fresh AS
    SELECT row_number() OVER (ORDER BY day_start NULLS LAST, published, article_id, span_start, event_id) AS n, *
    FROM ({MENTION}) x
    WHERE NOT EXISTS (SELECT 1 FROM corpus_event_members m WHERE m.article_id = x.article_id AND m.event_id = x.event_id)
"""
CHUNK = 10_000  # mentions assigned per step (and held in memory)


@dataclass(frozen=True, slots=True)
class Mention:
    """The fields of one event mention that decide whether it matches a corpus event."""

    article_id: str
    event_id: str
    key: tuple[str | None, str | None, str | None]  # source code, target code, CAMEO root
    start: dt.date | None
    end: dt.date | None
    place: str | None


@dataclass(slots=True)
class Cluster:
    """A corpus event being built: its id, the span of its members' dates, places and articles."""

    id: str
    start: dt.date | None
    end: dt.date | None
    places: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    def why_not(self, m: Mention, window: dt.timedelta) -> str | None:
        """The reason ``m`` cannot join this cluster, or None when it can."""
        if m.article_id in self.articles:
            return "same article"
        if m.start is None or self.start is None or m.start > self.end + window or m.end < self.start - window:
            return "dates too far apart"
        if m.place and self.places and m.place not in self.places:
            return "different place"
        return None

    def add(self, m: Mention) -> None:
        self.articles.add(m.article_id)
        self.places |= {m.place} if m.place else set()
        if m.start is not None:
            self.start, self.end = min(self.start, m.start), max(self.end, m.end)


def _why(m: Mention, cluster: Cluster, window_days: int) -> str:
    source, target, root = (part or "?" for part in m.key)
    place = f", same place {m.place}" if m.place and m.place in cluster.places else ""
    return (f"same dyad {source}→{target}, same CAMEO root {root}, date {m.start} within {window_days} day(s) "
            f"of {cluster.start}..{cluster.end}{place}, reported by {len(cluster.articles)} other article(s)")


def _first_why(m: Mention, joinable: bool, window_days: int) -> str:
    if not joinable:
        return "first report; events with neither source nor target code are never merged"
    source, target, root = (part or "?" for part in m.key)
    return (f"first report: no event {source}→{target} with CAMEO root {root} from another article "
            f"within {window_days} day(s) of {m.start or 'an unknown date'}{f' at {m.place}' if m.place else ''}")


def _fresh(con: duckdb.DuckDBPyConnection, first: int, last: int) -> list[Mention]:
    """The new mentions numbered ``first``..``last`` in ``dedup_fresh``."""
    rows = con.execute("SELECT * EXCLUDE (n) FROM dedup_fresh WHERE n BETWEEN ? AND ? ORDER BY n", [first, last]).fetchall()
    return [Mention(r[0], r[1], (r[3], r[4], r[5]), r[6], r[7], r[8]) for r in rows]


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA)


def refresh(con: duckdb.DuckDBPyConnection, window_days: int = 3, chunk: int = CHUNK) -> int:
    """Bring the corpus-event tables up to date with ``events``; returns how many mentions were (re)assigned.

    New mentions are assigned ``chunk`` at a time in date order, keeping in memory only the corpus
    events a later mention can still join (those ending within ``window_days`` of the last date seen)."""
    ensure_tables(con)
    window = dt.timedelta(days=window_days)
    con.begin()
    try:
        stale = [r[0] for r in con.execute("""
            DELETE FROM corpus_event_members m WHERE NOT EXISTS (
                SELECT 1 FROM events e JOIN articles a USING (article_id)
                WHERE e.article_id = m.article_id AND e.event_id = m.event_id AND a.coded_at = m.coded_at)
            RETURNING corpus_event_id""").fetchall()]  # fmt: skip
        next_id = con.execute("SELECT coalesce(max(CAST(corpus_event_id[2:] AS BIGINT)), 0) + 1 FROM corpus_events").fetchone()[0]
        _rebuild(con, sorted(set(stale)))
        con.execute(FRESH)
        total = con.execute("SELECT count(*) FROM dedup_fresh").fetchone()[0]
        clusters: dict[tuple, list[Cluster]] = {}
        loaded: set[tuple] = set()
        for first in range(1, total + 1, chunk):
            fresh = _fresh(con, first, first + chunk - 1)
            keys = {m.key for m in fresh if m.key[0] is not None or m.key[1] is not None} - loaded
            clusters |= _clusters(con, keys)
            loaded |= keys
            assigned, whys, touched = [], [], set()
            for m in fresh:
                joinable = m.key[0] is not None or m.key[1] is not None
                joined = next((c for c in clusters.get(m.key, ()) if c.why_not(m, window) is None), None) if joinable else None
                if joined is None:
                    joined, why = Cluster(f"C{next_id}", m.start, m.end), _first_why(m, joinable, window_days)
                    next_id += 1
                    if joinable:
                        clusters.setdefault(m.key, []).append(joined)
                else:
                    why = _why(m, joined, window_days)
                joined.add(m)
                assigned.append(joined.id)
                whys.append(why)
                touched.add(joined.id)
            _insert_members(con, first, assigned, whys)
            _rebuild(con, sorted(touched))
            clusters = _joinable_after(clusters, fresh[-1].start, window)
        con.execute("DROP TABLE dedup_fresh")
    except BaseException:
        con.rollback()
        raise
    con.commit()
    return total


def _insert_members(con: duckdb.DuckDBPyConnection, first: int, assigned: list[str], whys: list[str]) -> None:
    """Add the member rows of the fresh mentions numbered from ``first`` on, in one statement: mention
    ``first + i`` joins corpus event ``assigned[i]`` because of ``whys[i]``."""
    con.execute("""
        INSERT INTO corpus_event_members
        SELECT f.article_id, f.event_id, x.corpus_event_id, f.coded_at, x.why
        FROM (SELECT unnest($n) AS n, unnest($ids) AS corpus_event_id, unnest($whys) AS why) x JOIN dedup_fresh f USING (n)
        ORDER BY n""", {"n": list(range(first, first + len(assigned))), "ids": assigned, "whys": whys})  # fmt: skip


def _joinable_after(clusters: dict[tuple, list[Cluster]], day: dt.date | None, window: dt.timedelta) -> dict[tuple, list[Cluster]]:
    """The clusters a mention dated ``day`` or later can join (mentions come in date order, undated last)."""
    if day is None:
        return {}
    return {key: live for key, found in clusters.items() if (live := [c for c in found if c.start is not None and c.end + window >= day])}


def _clusters(con: duckdb.DuckDBPyConnection, keys: set[tuple]) -> dict[tuple, list[Cluster]]:
    """Existing corpus events with one of ``keys``, with their members' dates, places and articles."""
    if not keys:
        return {}
    rows = con.execute(f"""
        WITH wanted AS (SELECT unnest($s) AS source_code, unnest($t) AS target_code, unnest($r) AS root)
        SELECT m.corpus_event_id, x.source_code, x.target_code, x.root, min(x.day_start), max(x.day_end),
               list(DISTINCT x.place) FILTER (WHERE x.place IS NOT NULL), list(DISTINCT x.article_id)
        FROM corpus_event_members m JOIN ({MENTION}) x USING (article_id, event_id)
        JOIN wanted w ON w.source_code IS NOT DISTINCT FROM x.source_code
                     AND w.target_code IS NOT DISTINCT FROM x.target_code AND w.root IS NOT DISTINCT FROM x.root
        GROUP BY ALL ORDER BY 5 NULLS LAST, 1""",
        {"s": [k[0] for k in keys], "t": [k[1] for k in keys], "r": [k[2] for k in keys]}).fetchall()  # fmt: skip
    clusters: dict[tuple, list[Cluster]] = {}
    for cid, source, target, root, start, end, places, articles in rows:
        clusters.setdefault((source, target, root), []).append(Cluster(cid, start, end, set(places or ()), set(articles)))
    return clusters


def _rebuild(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Recompute the summary rows of corpus events ``ids`` from their members (dropping empty ones)."""
    con.execute("DELETE FROM corpus_events WHERE corpus_event_id IN (SELECT unnest($ids))", {"ids": ids})
    con.execute("""
        INSERT INTO corpus_events
        SELECT m.corpus_event_id, any_value(e.source_code), any_value(e.target_code), any_value(e.root),
               mode(e.cameo), mode(e.cameo_name), mode(e.quad_class), avg(e.goldstein),
               min(coalesce(e.date_start, a.published)), max(coalesce(e.date_end, e.date_start, a.published)),
               mode(coalesce(e.place_name, e.place_text)), mode(e.place_country), avg(e.place_lat), avg(e.place_lon),
               count(DISTINCT e.article_id), count(DISTINCT coalesce(a.source, a.url, e.article_id)),
               sum(greatest(coalesce(json_array_length(e.mentions), 0), 1)),
               min(coalesce(a.published, CAST(a.coded_at AS DATE))), max(coalesce(a.published, CAST(a.coded_at AS DATE)))
        FROM corpus_event_members m JOIN events e USING (article_id, event_id) JOIN articles a USING (article_id)
        WHERE m.corpus_event_id IN (SELECT unnest($ids))
        GROUP BY m.corpus_event_id""", {"ids": ids})  # fmt: skip
