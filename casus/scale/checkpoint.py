"""Resumable runs: a ``checkpoints`` table written in the same transaction as the articles.

A run's ``config`` is a digest of what decides its output (model, prefilter, publication date
override, field map). Each stored article adds ``(config, input, article_id)`` in the very
transaction that stores its rows, so after a kill (even ``kill -9``) the store holds either both or
neither; ``pending`` then drops the articles a run with the same config already stored. Articles
are upserted by id, so whatever is coded again is still stored once.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from casus.records import Article
from casus.store import ARTICLE_TABLES, Store, batched

SCHEMA = """
CREATE TABLE IF NOT EXISTS checkpoints (  -- articles stored by a run with this config (casus.scale)
    config      VARCHAR NOT NULL,         -- digest of model, prefilter, --published, --field
    input       VARCHAR NOT NULL,         -- the article's origin: path, path#line, path#record-id
    article_id  VARCHAR NOT NULL,
    PRIMARY KEY (config, input, article_id)
)"""
LOOKUP_CHUNK = 512


def config_key(**settings: Any) -> str:
    """A short stable digest of the settings that decide a run's output."""
    text = json.dumps(settings, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=10).hexdigest()


class CheckpointStore(Store):
    """A ``Store`` whose every write also checkpoints its articles for ``config``, atomically."""

    def __init__(self, path: str | Path, config: str):
        super().__init__(path)
        self.config = config
        self.con.execute(SCHEMA)

    def _replace(self, ids: list[str], tables: dict[str, list[dict[str, Any]]]) -> None:
        super()._replace(ids, tables)  # runs inside Store.write's transaction
        articles = tables["articles"]
        self.con.execute("INSERT OR IGNORE INTO checkpoints SELECT ?, unnest(?), unnest(?)",
                         [self.config, [row["origin"] for row in articles], [row["article_id"] for row in articles]])  # fmt: skip

    def write_rows(self, tables: dict[str, list[dict[str, Any]]]) -> int:
        """Upsert ready-made table rows (e.g. read back from Parquet) and their checkpoints in one
        transaction; returns how many articles were written."""
        ids = [row["article_id"] for row in tables.get("articles", ())]
        full = {name: list(tables.get(name, ())) for name in ARTICLE_TABLES}
        self._transaction(lambda: self._replace(ids, full))
        return len(ids)

    def done(self, articles: list[Article]) -> set[tuple[str, str]]:
        """The ``(input, article_id)`` pairs among ``articles`` already stored under this config."""
        found = self.con.execute(
            "SELECT input, article_id FROM checkpoints WHERE config = ? "
            "AND (input, article_id) IN (SELECT (unnest(?), unnest(?)))",
            [self.config, [a.origin for a in articles], [a.id for a in articles]],
        ).fetchall()
        return set(found)


def pending(articles: Iterable[Article], store: CheckpointStore, skipped: Callable[[Article], None]) -> Iterator[Article]:
    """``articles`` minus those already checkpointed (each reported to ``skipped``); looks them up a
    chunk at a time, so memory stays bounded."""
    for chunk in batched(articles, LOOKUP_CHUNK):
        done = store.done(chunk)
        for article in chunk:
            if (article.origin, article.id) in done:
                skipped(article)
            else:
                yield article
