-- casus DuckDB schema. One row per record; every child row is keyed by (article_id, record id).
-- Spans are character offsets into articles.text (span_start inclusive, span_end exclusive).
-- Re-coding an article replaces all of its rows in one transaction (see casus/store/__init__.py).

CREATE TABLE IF NOT EXISTS articles (
    article_id   VARCHAR PRIMARY KEY,
    title        VARCHAR,
    url          VARCHAR,
    source       VARCHAR,
    published    DATE,
    language     VARCHAR,
    origin       VARCHAR,          -- path, path#line, path#record-id, feed url
    text         VARCHAR NOT NULL, -- body only; spans point here
    captions     VARCHAR[],
    segments     JSON,             -- [[text_start, original_start, length], ...]
    coded_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    article_id          VARCHAR NOT NULL,
    event_id            VARCHAR NOT NULL,
    cameo               VARCHAR NOT NULL,
    cameo_name          VARCHAR,
    root                VARCHAR,   -- first two digits of cameo
    quad_class          TINYINT,
    goldstein           DOUBLE,
    plover_type         VARCHAR,
    plover_mode         VARCHAR,
    status              VARCHAR,   -- asserted | alleged | denied | negated | hypothetical | future
    source_text         VARCHAR,
    source_code         VARCHAR,
    source_country      VARCHAR,
    source_role         VARCHAR,
    source_name         VARCHAR,
    target_text         VARCHAR,
    target_code         VARCHAR,
    target_country      VARCHAR,
    target_role         VARCHAR,
    target_name         VARCHAR,
    attributed_to_text  VARCHAR,
    attributed_to_code  VARCHAR,
    attributed_to_name  VARCHAR,
    date_start          DATE,
    date_end            DATE,
    date_precision      VARCHAR,
    date_inferred       BOOLEAN,
    date_text           VARCHAR,
    place_text          VARCHAR,
    place_name          VARCHAR,
    place_country       VARCHAR,
    place_admin1        VARCHAR,
    place_lat           DOUBLE,
    place_lon           DOUBLE,
    killed              INTEGER,
    injured             INTEGER,
    displaced           INTEGER,
    arrested            INTEGER,
    casualties_lower_bound BOOLEAN,
    span_start          INTEGER NOT NULL,
    span_end            INTEGER NOT NULL,
    sentence            INTEGER,
    evidence            VARCHAR,
    explanation         JSON,
    mentions            JSON,      -- [[start, end], ...]
    PRIMARY KEY (article_id, event_id)
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id    VARCHAR NOT NULL,
    quote_id      VARCHAR NOT NULL,
    speaker_text  VARCHAR,
    speaker_code  VARCHAR,
    speaker_name  VARCHAR,
    cue           VARCHAR,
    content       VARCHAR NOT NULL,
    kind          VARCHAR,         -- direct | indirect | mixed
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    cue_start     INTEGER,
    cue_end       INTEGER,
    sentence      INTEGER,
    PRIMARY KEY (article_id, quote_id)
);

CREATE TABLE IF NOT EXISTS links (
    article_id  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,  -- rejects | denies | accuses | responds_to | confirms
    from_event  VARCHAR NOT NULL,
    to_event    VARCHAR NOT NULL,
    why         VARCHAR,
    PRIMARY KEY (article_id, kind, from_event, to_event)
);

CREATE TABLE IF NOT EXISTS agreements (
    article_id      VARCHAR NOT NULL,
    agreement_id    VARCHAR NOT NULL,
    name            VARCHAR,
    parties         VARCHAR[],
    subject         VARCHAR,
    date_start      DATE,
    date_end        DATE,
    date_precision  VARCHAR,
    date_text       VARCHAR,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    mentions        JSON,
    PRIMARY KEY (article_id, agreement_id)
);

CREATE TABLE IF NOT EXISTS obligations (
    article_id    VARCHAR NOT NULL,
    agreement_id  VARCHAR NOT NULL,
    idx           INTEGER NOT NULL, -- position within the agreement
    obligor       VARCHAR,
    action        VARCHAR,
    text          VARCHAR,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    PRIMARY KEY (article_id, agreement_id, idx)
);

CREATE TABLE IF NOT EXISTS violations (
    article_id    VARCHAR NOT NULL,
    agreement_id  VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    accused       VARCHAR,
    alleged_by    VARCHAR[],
    text          VARCHAR,
    event_id      VARCHAR,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    PRIMARY KEY (article_id, agreement_id, idx)
);

CREATE TABLE IF NOT EXISTS places (
    article_id   VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,  -- position in the article's place list
    text         VARCHAR NOT NULL,
    name         VARCHAR,
    country      VARCHAR,
    admin1       VARCHAR,
    lat          DOUBLE,
    lon          DOUBLE,
    feature      VARCHAR,
    geonames_id  BIGINT,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS times (
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    start_date  DATE,
    end_date    DATE,
    precision   VARCHAR,
    value       VARCHAR,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS actors (      -- actor mentions
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    code        VARCHAR,
    country     VARCHAR,
    role        VARCHAR,
    name        VARCHAR,
    kb_id       VARCHAR,
    why         VARCHAR,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS rejections (  -- sentences/candidates that produced no event, and why
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    detail      JSON NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS quarantine (  -- inputs that could not become an article
    input       VARCHAR NOT NULL,        -- path, path#line, path#record
    error       VARCHAR NOT NULL,        -- error class: EmptyInput, BinaryInput, NotEnglish, ...
    reason      VARCHAR NOT NULL,        -- human-readable
    quarantined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (input, error)
);

-- GDELT-like event rows (one per event) used by `casus export` and `casus code --format csv|parquet`.
-- The column mapping is documented in casus/store/README.md.
CREATE OR REPLACE VIEW gdelt_events AS
SELECT
    e.article_id || '-' || e.event_id                                       AS GlobalEventID,
    CAST(strftime(coalesce(e.date_start, a.published), '%Y%m%d') AS INTEGER) AS Day,
    e.source_code                                                           AS Actor1Code,
    coalesce(e.source_name, e.source_text)                                  AS Actor1Name,
    e.source_country                                                        AS Actor1CountryCode,
    e.source_role                                                           AS Actor1Type1Code,
    e.target_code                                                           AS Actor2Code,
    coalesce(e.target_name, e.target_text)                                  AS Actor2Name,
    e.target_country                                                        AS Actor2CountryCode,
    e.target_role                                                           AS Actor2Type1Code,
    e.cameo                                                                 AS EventCode,
    left(e.cameo, 3)                                                        AS EventBaseCode,
    e.root                                                                  AS EventRootCode,
    e.quad_class                                                            AS QuadClass,
    e.goldstein                                                             AS GoldsteinScale,
    greatest(coalesce(json_array_length(e.mentions), 0), 1)                 AS NumMentions,
    coalesce(e.place_name, e.place_text)                                    AS ActionGeo_FullName,
    e.place_country                                                         AS ActionGeo_CountryCode,
    e.place_admin1                                                          AS ActionGeo_ADM1Code,
    e.place_lat                                                             AS ActionGeo_Lat,
    e.place_lon                                                             AS ActionGeo_Long,
    CAST(strftime(a.coded_at, '%Y%m%d%H%M%S') AS BIGINT)                    AS DATEADDED,
    a.url                                                                   AS SOURCEURL,
    e.article_id                                                            AS ArticleID,
    e.status                                                                AS Status,
    coalesce(e.attributed_to_code, e.attributed_to_name, e.attributed_to_text) AS AttributedTo,
    e.plover_type                                                           AS PloverType,
    e.plover_mode                                                           AS PloverMode,
    e.date_start                                                            AS DateStart,
    e.date_end                                                              AS DateEnd,
    e.date_precision                                                        AS DatePrecision,
    e.date_inferred                                                         AS DateInferred,
    e.killed                                                                AS Killed,
    e.injured                                                               AS Injured,
    e.evidence                                                              AS Evidence,
    e.span_start                                                            AS SpanStart,
    e.span_end                                                              AS SpanEnd
FROM events e JOIN articles a USING (article_id);
