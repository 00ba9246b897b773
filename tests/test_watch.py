"""casus watch: feeds served from localhost and a folder, polled a bounded number of times,
while another process-style reader opens the store between writes."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
import threading
from email.utils import format_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from casus.ingest import Options
from casus.scale.checkpoint import config_key
from casus.scale.watch import Watcher, watch
from casus.scale.workers import Settings, code_chunk

STORIES = [
    ("guid-1", "Protesters marched through the capital of Freedonia on Monday, demanding new elections and the "
               "release of jailed opposition leaders. Police used tear gas to disperse the crowd."),
    ("guid-2", "The foreign ministers of Ruritania and Freedonia met in Geneva to discuss a ceasefire along their "
               "disputed border, officials said after the talks ended without an agreement."),
    ("guid-3", "Ruritanian troops shelled villages near the border overnight, killing three civilians, according "
               "to local officials who asked the United Nations to send observers."),
]  # fmt: skip


def rss(stories) -> str:
    day = format_datetime(dt.datetime(2021, 3, 4, 12, tzinfo=dt.timezone.utc))
    items = "".join(f"<item><title>Story {guid}</title><guid>{guid}</guid><link>http://example.org/{guid}</link>"
                    f"<pubDate>{day}</pubDate><description>{text}</description></item>" for guid, text in stories)  # fmt: skip
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{items}</channel></rss>'


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site(tmp_path):
    """A folder served over HTTP from localhost; yields (folder, base url)."""
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def code():
    """Coding in this process with the shipped knowledge and a blank spaCy pipeline standing in for the parser."""
    import spacy

    import casus.nlp
    from casus.pipeline import Resources

    def blank(name: str = "fast"):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(casus.nlp, "load", blank)
        resources = Resources.load()
    return lambda articles: list(code_chunk(articles, resources, Settings()))


READER = """
import sys, time, duckdb
db, stop = sys.argv[1], sys.argv[2]
import os
print("ready", flush=True)
while not os.path.exists(stop):
    try:
        with duckdb.connect(db, read_only=True) as con:
            print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    except duckdb.Error as exc:
        if "lock" not in str(exc).lower() and "articles" not in str(exc) and "exist" not in str(exc):
            print("error:", type(exc).__name__, str(exc).replace(chr(10), " "), flush=True)
    time.sleep(0.1)
"""


def read_until(reader: subprocess.Popen, last: str, seconds: float = 30) -> list[str]:
    """The reader's lines up to and including ``last`` (or until it ends or time runs out)."""
    lines, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = reader.stdout.readline().strip()
        if not line:
            break
        lines.append(line)
        if line == last:
            break
    return lines


def start_reader(db, stop) -> subprocess.Popen:
    """A reader process in the style of a server: a read-only connection per request, retried on the lock."""
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)], stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline() == "ready\n"
    return reader


def test_polls_code_only_new_feed_entries_and_files(site, code, tmp_path):
    root, base = site
    (root / "wire.xml").write_text(rss(STORIES[:2]), encoding="utf-8")
    folder = tmp_path / "drop"
    folder.mkdir()
    db = tmp_path / "live.duckdb"
    watcher = Watcher([f"{base}/wire.xml", str(folder)], db, config_key(model="fast"), Options())
    changes = iter([
        lambda: (root / "wire.xml").write_text(rss(STORIES), encoding="utf-8"),  # one new entry
        lambda: (folder / "note.txt").write_text(STORIES[0][1].replace("Freedonia", "Sylvania"), encoding="utf-8"),
    ])  # fmt: skip
    polls = []
    stop = tmp_path / "stop"
    reader = start_reader(db, stop)
    try:
        watch(watcher, code, interval=0, polls=3, report=polls.append, sleep=lambda _: next(changes)())
    finally:
        lines = read_until(reader, "4")  # let the reader see the final store before it stops
        stop.touch()
        lines += reader.communicate(timeout=30)[0].splitlines()
    assert not [line for line in lines if line.startswith("error")], lines
    seen = [int(n) for n in lines]
    assert [(p.coded, p.seen) for p in polls] == [(2, 0), (1, 2), (1, 3)]
    with duckdb.connect(str(db), read_only=True) as con:
        ids = sorted(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall())
        origins = sorted(r[0].rsplit("/", 1)[-1] for r in con.execute("SELECT origin FROM articles").fetchall())
    assert len(ids) == 4 and {"guid-1", "guid-2", "guid-3"} < set(ids)
    assert origins == ["note.txt", "wire.xml#guid-1", "wire.xml#guid-2", "wire.xml#guid-3"]
    assert seen and seen == sorted(seen) and seen[-1] <= 4, seen  # the reader got in between writes; counts only grew


def test_unreachable_feed_is_reported_not_fatal(site, code, tmp_path):
    _, base = site
    watcher = Watcher([f"{base}/missing.xml"], tmp_path / "s.duckdb", config_key(model="fast"), Options())
    poll = watcher.poll(code)
    assert poll.coded == 0 and [r.error for r in poll.rejected] == ["FetchFailed"]
    assert "404" in poll.rejected[0].reason


def test_cli_polls_a_bounded_number_of_times_coding_in_a_worker_process(site, monkeypatch, tmp_path):
    from casus.commands import register
    from casus.scale import workers

    def in_this_process(*args, **kwargs):
        raise AssertionError("casus watch coded in its own process, beside DuckDB's threads")

    monkeypatch.setattr(workers, "code_chunk", in_this_process)  # the spawned worker imports its own

    root, base = site
    (root / "wire.xml").write_text(rss(STORIES), encoding="utf-8")
    app = typer.Typer()
    register(app)
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(app, ["watch", f"{base}/wire.xml", "--db", str(db), "--polls", "2", "--interval", "0"])
    assert result.exit_code == 0, result.output
    assert "coded 3 new article(s), 0 already stored" in result.stderr
    assert "coded 0 new article(s), 3 already stored" in result.stderr
