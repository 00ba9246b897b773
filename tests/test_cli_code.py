"""``casus code``, ``casus export`` and ``casus query`` end to end (a blank spaCy pipeline stands in for the parser)."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from casus.commands import register
from casus.store import Store
from conftest import SEED
from test_ingest import BODY, html_page
from test_ingest_bad import GERMAN


@pytest.fixture
def casus(blank_parser, tmp_path, monkeypatch):
    """Run the casus CLI in an empty working directory; returns the click Result."""
    monkeypatch.chdir(tmp_path)
    app = typer.Typer()
    register(app)

    def run(*args: str, stdin: bytes | None = None):
        return CliRunner().invoke(app, list(args), input=stdin)

    return run


def test_seed_as_json_without_db(casus, tmp_path):
    result = casus("code", str(SEED), "--format", "json", "--no-db")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert len(documents) == 1
    article = documents[0]["article"]
    assert article["title"] == "Russia Accuses Turkey of Breaking Syria Deals, Rejects Erdogan Claim"
    assert article["published"] == "2020-02-13" and article["source"] == "Reuters"
    assert article["url"].startswith("https://www.themoscowtimes.com/")
    assert article["text"].startswith("Russia on Wednesday accused")
    assert "Related article" not in article["text"] and "**" not in article["text"] and "](" not in article["text"]
    assert {"events", "quotes", "links", "agreements", "places", "times", "rejected"} <= set(documents[0])
    assert not list(tmp_path.iterdir())  # --no-db wrote nothing


def test_same_file_twice_into_one_db_is_one_article(casus):
    first = casus("code", str(SEED), str(SEED), "--db", "c.duckdb", "-f", "jsonl", "-o", "out.jsonl")
    again = casus("code", str(SEED), "--db", "c.duckdb", "-f", "jsonl", "-o", "out.jsonl")
    assert first.exit_code == again.exit_code == 0
    with Store("c.duckdb", read_only=True) as store:
        assert store.query("SELECT count(*) FROM articles")[1] == [(1,)]


def test_folder_with_bad_inputs(casus, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    (folder / "good.html").write_text(html_page(BODY.replace("Freedonia", "Ruritania")), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 16)
    (folder / "latin1.txt").write_bytes(("Caf\u00e9 owners protested. " + BODY).encode("latin-1"))
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "broken.html").write_bytes(b"<html><body><p>unclosed <div><<<>> <p</body")
    (folder / "rows.jsonl").write_text(json.dumps({"id": "ok", "text": BODY + " Jsonl."}) + "\n" + json.dumps({"id": "no-text"}) + "\n")
    result = casus("code", str(folder), "--db", "c.duckdb", "-o", "out.json")
    assert result.exit_code == 1
    with Store("c.duckdb", read_only=True) as store:
        quarantine = dict(store.query("SELECT input, error FROM quarantine")[1])
        origins = sorted(row[0].rsplit("/", 1)[-1] for row in store.query("SELECT origin FROM articles")[1])
    names = {key.rsplit("/", 1)[-1]: error for key, error in quarantine.items()}
    assert names == {"empty.txt": "EmptyInput", "junk.bin": "BinaryInput", "german.txt": "NotEnglish",
                     "broken.html": "MalformedHTML", "rows.jsonl#2": "MissingField"}  # fmt: skip
    assert origins == ["good.html", "good.txt", "latin1.txt", "rows.jsonl#1"]
    for name in names:
        assert name in result.stderr
    assert len(json.loads((tmp_path / "out.json").read_text())) == 4


def test_stdin_published_and_field_mapping(casus):
    line = json.dumps({"key": "k1", "body": BODY}).encode()
    result = casus("code", "-", "--no-db", "--format", "jsonl", "--field", "id=key", "--field", "text=body",
                   "--published", "2022-02-02", stdin=line)  # fmt: skip
    assert result.exit_code == 0, result.output
    (document,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert document["article"]["id"] == "k1" and document["article"]["published"] == "2022-02-02"


@pytest.mark.parametrize("args", [("--field", "text"), ("--field", "body=content"), ("--published", "13/02/2020")])
def test_bad_options_exit_2(casus, args):
    assert casus("code", str(SEED), "--no-db", *args).exit_code == 2


def test_tabular_outputs_and_export_and_query(casus, tmp_path):
    result = casus("code", str(SEED), "--no-db", "-f", "csv")
    assert result.exit_code == 0
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:3] == ["GlobalEventID", "Day", "Actor1Code"] and "SOURCEURL" in header and "Evidence" in header
    assert casus("code", str(SEED), "--db", "c.duckdb", "-f", "parquet", "-o", "e.parquet").exit_code == 0
    assert "EventRootCode" in pq.read_schema(tmp_path / "e.parquet").names
    assert casus("export", "--db", "c.duckdb", "--format", "jsonl", "-o", "all.jsonl").exit_code == 0
    assert (tmp_path / "all.jsonl").exists()
    table = casus("query", "--db", "c.duckdb", "SELECT source, published FROM articles")
    assert table.exit_code == 0 and "Reuters" in table.stdout and "2020-02-13" in table.stdout
    assert casus("query", "--db", "c.duckdb", "DELETE FROM articles").exit_code == 1
    assert casus("query", "--db", "missing.duckdb", "SELECT 1").exit_code == 2
