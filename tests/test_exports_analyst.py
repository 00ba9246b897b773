"""Phoenix-like, ACLED-like and PLOVER exports open in DuckDB and pyarrow with the columns their README documents."""
from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pyarrow.csv
import pyarrow.json
import pytest

from analysis_corpus import build_store
from casus.analysis import exports

README = Path(exports.__file__).with_name("README.md")


def documented_columns(fmt: str) -> list[str]:
    """Column names from the README table under ``### fmt``."""
    section = README.read_text().split(f"### {fmt}\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.M)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    build_store(folder / "corpus.duckdb")
    with duckdb.connect(str(folder / "corpus.duckdb"), read_only=True) as con:
        counts = {fmt: exports.export(con, fmt, folder / f"events.{fmt}") for fmt in exports.EXPORTS}
    return folder, counts


@pytest.mark.parametrize("fmt", ["phoenix", "acled"])
def test_csv_exports_have_the_documented_columns(written, fmt):
    folder, counts = written
    path = folder / f"events.{fmt}"
    table = pyarrow.csv.read_csv(path)
    assert table.column_names == documented_columns(fmt)
    assert table.num_rows == counts[fmt]
    assert [d[0] for d in duckdb.sql(f"SELECT * FROM read_csv('{path}')").description] == documented_columns(fmt)


def test_phoenix_rows_carry_codes_and_dates(written):
    folder, counts = written
    rows = pyarrow.csv.read_csv(folder / "events.phoenix", convert_options=pyarrow.csv.ConvertOptions(
        column_types={"EventCode": "string", "EventRootCode": "string"})).to_pylist()  # fmt: skip
    assert counts["phoenix"] == 9
    signing = next(r for r in rows if r["EventID"] == "ceasefire-E1")
    assert (signing["Date"], signing["EventCode"], signing["EventRootCode"], signing["SourceActorFull"],
            signing["TargetActorEntity"], signing["LocationName"]) == (20200305, "057", "05", "RUSGOV", "TUR", "Moscow")  # fmt: skip


def test_acled_keeps_only_violence_and_maps_its_fields(written):
    folder, counts = written
    rows = pyarrow.csv.read_csv(folder / "events.acled").to_pylist()
    assert counts["acled"] == 1
    clash = rows[0]
    assert (clash["event_type"], clash["fatalities"], clash["location"], clash["geo_precision"], clash["time_precision"]) == (
        "Battles", 16, "Idlib", 3, 1)  # fmt: skip
    assert str(clash["event_date"]) == "2020-03-05" and "Status: asserted" in clash["notes"]


def test_plover_json_is_an_array_of_nested_events(written):
    folder, counts = written
    path = folder / "events.plover"
    events = json.loads(path.read_text())
    assert len(events) == counts["plover"] == 9
    assert all(list(e) == documented_columns("plover") for e in events)
    accusation = next(e for e in events if e["id"] == "wire-a-E1")
    assert accusation["event"] == "ACCUSE" and accusation["actor"]["code"] == "RUSGOV"
    assert accusation["recipient"]["country"] == "TUR" and accusation["location"]["name"] == "Idlib"
    assert accusation["story"]["span_start"] < accusation["story"]["span_end"]
    assert next(e for e in events if e["id"] == "ceasefire-E2")["actor"] is None
    assert [d[0] for d in duckdb.sql(f"SELECT * FROM read_json('{path}')").description] == documented_columns("plover")
    lines = path.with_suffix(".jsonl")
    lines.write_text("\n".join(json.dumps(e) for e in events))
    assert pyarrow.json.read_json(lines).column_names == documented_columns("plover")


def test_unknown_format_is_refused(tmp_path):
    with duckdb.connect() as con, pytest.raises(ValueError, match="unknown export format"):
        exports.export(con, "gdelt3", tmp_path / "x")
