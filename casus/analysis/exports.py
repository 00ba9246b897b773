"""Phoenix-like CSV, ACLED-like CSV and PLOVER JSON exports of the store's events.

The column mappings are documented in casus/analysis/README.md. GDELT-like CSV, JSON Lines and
Parquet come from ``Store.export`` (view ``gdelt_events``).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

DAY = "coalesce(e.date_start, a.published)"

PHOENIX = f"""
SELECT e.article_id || '-' || e.event_id AS EventID,
       CAST(strftime({DAY}, '%Y%m%d') AS INTEGER) AS Date,
       year({DAY}) AS Year, month({DAY}) AS Month, day({DAY}) AS Day,
       e.source_code AS SourceActorFull, e.source_country AS SourceActorEntity, e.source_role AS SourceActorRole,
       coalesce(e.source_name, e.source_text) AS SourceActorAttribute,
       e.target_code AS TargetActorFull, e.target_country AS TargetActorEntity, e.target_role AS TargetActorRole,
       coalesce(e.target_name, e.target_text) AS TargetActorAttribute,
       e.cameo AS EventCode, e.root AS EventRootCode, e.quad_class AS QuadClass, e.goldstein AS GoldsteinScore,
       e.place_lat AS Lat, e.place_lon AS Lon, coalesce(e.place_name, e.place_text) AS LocationName,
       e.place_admin1 AS StateName, e.place_country AS CountryCode,
       e.article_id || '-' || e.sentence AS SentenceID, a.url AS URLs, a.source AS NewsSources,
       e.status AS Status
FROM events e JOIN articles a USING (article_id)
ORDER BY e.article_id, e.span_start, e.event_id
"""

ACLED_EVENT_TYPE = """CASE
    WHEN left(e.cameo, 3) IN ('183', '194', '195') THEN 'Explosions/Remote violence'
    WHEN e.root = '18' OR e.root = '20' THEN 'Violence against civilians'
    WHEN e.root = '19' THEN 'Battles'
    WHEN e.cameo LIKE '145%' THEN 'Riots'
    WHEN e.root = '14' THEN 'Protests'
    ELSE 'Strategic developments' END"""

ACLED = f"""
SELECT e.article_id || '-' || e.event_id AS event_id_cnty,
       {DAY} AS event_date, year({DAY}) AS year,
       CASE e.date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 ELSE 3 END AS time_precision,
       {ACLED_EVENT_TYPE} AS event_type, e.cameo_name AS sub_event_type,
       coalesce(e.source_name, e.source_text) AS actor1, e.source_code AS actor1_code,
       coalesce(e.target_name, e.target_text) AS actor2, e.target_code AS actor2_code,
       e.place_country AS country, e.place_admin1 AS admin1,
       coalesce(e.place_name, e.place_text) AS location, e.place_lat AS latitude, e.place_lon AS longitude,
       CASE WHEN p.feature IN ('country', 'ADM1') THEN 3 WHEN p.feature = 'ADM2' THEN 2
            WHEN e.place_lat IS NULL THEN NULL ELSE 1 END AS geo_precision,
       a.source AS source, a.url AS source_url,
       concat_ws(' ', e.evidence || '.', 'Status: ' || e.status || '.',
                 'Claimed by ' || coalesce(e.attributed_to_name, e.attributed_to_text) || '.') AS notes,
       coalesce(e.killed, 0) AS fatalities
FROM events e JOIN articles a USING (article_id)
LEFT JOIN (SELECT article_id, name, any_value(feature) AS feature FROM places GROUP BY ALL) p
       ON p.article_id = e.article_id AND p.name = e.place_name
WHERE e.quad_class = 4 OR e.root IN ('14', '15', '17')
ORDER BY e.article_id, e.span_start, e.event_id
"""


def _actor(prefix: str) -> str:
    return (f"CASE WHEN e.{prefix}_code IS NULL AND e.{prefix}_text IS NULL THEN NULL ELSE "
            f"{{'code': e.{prefix}_code, 'text': e.{prefix}_text, 'name': e.{prefix}_name, "
            f"'country': e.{prefix}_country, 'role': e.{prefix}_role}} END")  # fmt: skip


PLOVER = f"""
SELECT e.article_id || '-' || e.event_id AS id, {DAY} AS date, e.date_precision AS date_resolution,
       e.plover_type AS event, e.plover_mode AS mode, CAST([] AS VARCHAR[]) AS context,
       e.goldstein AS intensity, e.quad_class AS quad_code, e.status AS status,
       {_actor('source')} AS actor, {_actor('target')} AS recipient,
       coalesce(e.attributed_to_code, e.attributed_to_name, e.attributed_to_text) AS claimed_by,
       CASE WHEN e.place_text IS NULL THEN NULL ELSE
           {{'name': coalesce(e.place_name, e.place_text), 'country': e.place_country, 'admin1': e.place_admin1,
             'lat': e.place_lat, 'lon': e.place_lon}} END AS location,
       e.cameo AS cameo, e.evidence AS text,
       {{'article_id': e.article_id, 'url': a.url, 'publisher': a.source, 'published': a.published,
         'sentence': e.sentence, 'span_start': e.span_start, 'span_end': e.span_end}} AS story
FROM events e JOIN articles a USING (article_id)
WHERE e.plover_type IS NOT NULL
ORDER BY e.article_id, e.span_start, e.event_id
"""

EXPORTS = {
    "phoenix": (PHOENIX, "FORMAT csv, HEADER"),
    "acled": (ACLED, "FORMAT csv, HEADER"),
    "plover": (PLOVER, "FORMAT json, ARRAY true"),
}


def export(con: "duckdb.DuckDBPyConnection", fmt: str, out: str | Path) -> int:
    """Write the ``fmt`` export (phoenix | acled | plover) of every stored event to ``out``; returns the row count."""
    if fmt not in EXPORTS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTS)}")
    select, options = EXPORTS[fmt]
    target = str(out).replace("'", "''")
    con.execute(f"COPY ({select}) TO '{target}' ({options})")
    return con.execute(f"SELECT count(*) FROM ({select})").fetchone()[0]
