"""``casus actor resolve | show | coverage``."""
from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from casus.commands.actor import register

app = typer.Typer()
register(app)
runner = CliRunner()


def test_resolve_reads_and_writes_json_lines_with_nulls_and_never_fails() -> None:
    lines = [
        {"text": "Kremlin spokesman Dmitry Peskov", "date": "2020-02-13"},
        {"text": "Turkish soldiers", "date": "13 February 2020"},
        {"text": "Zorblat Quux", "date": "2020-02-13"},
        {"text": "Erdogan", "date": "2020-99-01"},
        {"text": 42},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\nnot json\n\n"
    result = runner.invoke(app, ["actor", "resolve"], input=stdin)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 6  # the blank line is skipped, every other line answered
    keys = {"text", "date", "code", "country", "role", "name", "id"}
    assert all(keys <= set(row) for row in out)
    assert (out[0]["code"], out[0]["country"], out[0]["role"]) == ("RUSGOV", "RUS", "GOV") and out[0]["id"]
    assert out[1]["code"] == "TURMIL" and out[1]["id"] is None and "error" not in out[1]
    assert out[2]["code"] is None and out[2]["text"] == "Zorblat Quux"
    assert out[3]["code"] is None and "error" in out[3] and out[3]["text"] == "Erdogan"
    assert out[4]["code"] is None and "error" in out[4]
    assert out[5]["code"] is None and "error" in out[5]


def test_show_prints_the_intervals_of_an_entry() -> None:
    result = runner.invoke(app, ["actor", "show", "Taliban"])
    assert result.exit_code == 0
    assert "AFGREB" in result.stdout and "AFGGOV" in result.stdout and "2021-08-15" in result.stdout
    missing = runner.invoke(app, ["actor", "show", "Zorblat Quux"])
    assert missing.exit_code == 1


def test_coverage_lists_countries_with_people_and_groups() -> None:
    result = runner.invoke(app, ["actor", "coverage"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if "│ AFG " in line or "│ TUR " in line]
    assert len(rows) == 2
    named = runner.invoke(app, ["actor", "coverage", "afg"], env={"COLUMNS": "200"})
    assert named.exit_code == 0 and "Taliban" in named.stdout and "│ TUR " not in named.stdout
