"""`casus export` writes every documented format from a store, readable by DuckDB."""
from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from analysis_corpus import build_store
from casus.cli import _register, app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "corpus.duckdb"
    build_store(path)
    _register()
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "phoenix", "acled", "plover"])
def test_every_format_is_written_and_reads_back(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    exported = int(result.output.split("exported ")[1].split(" ")[0])
    if fmt == "plover":
        rows = json.loads(out.read_text())
    else:
        reader = {"parquet": "read_parquet", "jsonl": "read_json_auto"}.get(fmt, "read_csv_auto")
        rows = duckdb.sql(f"SELECT * FROM {reader}('{out}')").fetchall()
    assert len(rows) == exported > 0


def test_missing_store_is_a_usage_error(tmp_path):
    _register()
    result = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "acled", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2
