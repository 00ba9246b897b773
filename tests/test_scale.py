"""casus.scale: worker processes, checkpoints and resume after kill -9, the prefilter."""
from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casus.records import Article, CodedArticle
from casus.scale.checkpoint import CheckpointStore, config_key, pending
from casus.store import Store

ACTORS = ["Russia", "Turkish President Recep Tayyip Erdogan", "Israeli troops", "The United Nations",
          "Kenyan police", "China", "German Chancellor Angela Merkel"]  # fmt: skip
ACTS = ["accused {t} of violating the truce", "met {t} in Geneva", "condemned {t}", "threatened to attack {t}",
        "signed a trade deal with {t}", "denied that it had bombed {t}"]  # fmt: skip
TARGETS = ["Syria", "Egypt", "the Kurdish rebels", "Iran", "France", "protesters"]
FILLER = "Officials gave no further details. The weather in the capital was mild on Tuesday."


def corpus(n: int) -> list[dict]:
    """``n`` short, distinct news items (actor × act × target combinations)."""
    combos = itertools.islice(itertools.product(ACTORS, ACTS, TARGETS), 0, None, 5)
    return [{"id": f"n{i}", "date": f"2019-0{1 + i % 9}-1{i % 10}", "text": f"{a} {act.format(t=t)}, officials said. {FILLER}"}
            for i, (a, act, t) in zip(range(n), combos)]  # fmt: skip


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {t: store.query(f"SELECT count(*) FROM {t}")[1][0][0] for t in ("articles", "events", "actors", "checkpoints")}


def events(db: Path) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.query("SELECT article_id, event_id, cameo, source_code, target_code, status, span_start "
                           "FROM events ORDER BY ALL")[1]  # fmt: skip


def casus(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "casus.cli", "code", *args], stderr=subprocess.PIPE, text=True,
                            stdout=subprocess.DEVNULL)  # fmt: skip


def documents(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_killed_run_resumes_to_exactly_what_a_clean_two_worker_run_stores(tmp_path):
    items = corpus(14)
    data = write_jsonl(tmp_path / "news.jsonl", items)
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    output = ["-f", "jsonl", "-o", str(tmp_path / "killed.jsonl")]
    run = casus(str(data), "--db", str(killed), "--batch-size", "2", *output)
    for line in run.stderr:  # one line per stored batch when stderr is not a terminal
        if "articles coded" in line:
            run.send_signal(signal.SIGKILL)
            break
    assert run.wait() == -signal.SIGKILL
    partial = counts(killed)
    assert 0 < partial["articles"] < 14 and partial["checkpoints"] == partial["articles"]
    again = casus(str(data), "--db", str(killed), "--batch-size", "2", *output)
    assert again.wait() == 0
    assert f"skipped {partial['articles']} already stored" in again.stderr.read()
    assert len(documents(tmp_path / "killed.jsonl")) == 14 - partial["articles"]
    pooled = casus(str(data), "--db", str(clean), "--workers", "2", "--batch-size", "3", "--no-resume",
                   "-f", "jsonl", "-o", str(tmp_path / "clean.jsonl"))  # fmt: skip
    assert pooled.wait() == 0
    assert [d["article"]["id"] for d in documents(tmp_path / "clean.jsonl")] == [i["id"] for i in items]
    assert counts(killed) == counts(clean) and counts(clean)["articles"] == 14
    assert events(killed) == events(clean) and events(clean)


def test_checkpoints_are_per_config_and_input(tmp_path):
    one, two = (Article(id=f"x{i}", text=f"Text {i}.", origin=f"f.jsonl#{i}") for i in (1, 2))
    moved = Article(id="x1", text="Text 1.", origin="other.jsonl#1")
    config = config_key(model="fast", prefilter=False)
    with CheckpointStore(tmp_path / "c.duckdb", config) as store:
        store.write([CodedArticle(article=one)])
        skipped: list[str] = []
        assert [a.origin for a in pending([one, two, moved], store, lambda a: skipped.append(a.origin))] == [
            "f.jsonl#2", "other.jsonl#1"]  # fmt: skip
        assert skipped == ["f.jsonl#1"]
    with CheckpointStore(tmp_path / "c.duckdb", config_key(model="fast", prefilter=True)) as other:
        assert list(pending([one], other, lambda a: None)) == [one]


@pytest.fixture(scope="module")
def light_resources():
    """The real knowledge base and lexicon with a tokenizer and sentencizer for a parser (all the prefilter reads)."""
    import spacy

    from casus.extract.lexicon import Lexicon
    from casus.knowledge.actors import KnowledgeBase
    from casus.pipeline import Resources

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Resources(nlp=nlp, kb=KnowledgeBase.load(), lexicon=Lexicon.load())


@pytest.mark.parametrize("text, expected", [
    ("Pakistan's army shelled positions across the border overnight.", [True]),
    ("Brazilian officials criticized the proposal. It was late.", [True, False]),
    ("The recipe calls for two cups of flour and a pinch of salt.", [False]),
    ("Russia is a large country. Prices rose sharply in May.", [False, False]),  # actor and trigger apart
    ("Markets fell. Hungary denounced the decision.", [False, True]),
    ("Kenyan police fought the gang on Friday. The Gen. Adams memo was late.", [True, False]),  # irregular form
    ("The weather turned cold. He condemned the U.S. sanctions on Cuba.", [False, True]),  # a pronoun may be an actor
    ("Prices rose. The mayor insisted the road was safe. Rain fell.", [False, True, False]),  # a speech cue
    ('Prices rose. "The road is safe. It opens soon," a spokesman told reporters. Rain fell.', [False, True, True, False]),
    ("Prices rose. Much remains unclear, according to the report.", [False, True]),
])  # fmt: skip
def test_prefilter_marks_sentences_with_an_actor_and_a_trigger_or_what_quotes_need(light_resources, text, expected):
    from casus.scale.prefilter import plan

    marked = plan(Article(id="a", text=text), light_resources, light_resources.lexicon.trigger_forms)
    assert [worth for _, _, worth in marked.sentences] == expected


@pytest.fixture(scope="module")
def resources():
    from casus.pipeline import Resources

    return Resources.load()


def test_prefilter_parses_only_candidate_sentences_and_explains_the_others(resources):
    from casus.scale.prefilter import REASON, code_filtered, parse_planned, plan

    text = ("Heavy rain fell in the north on Monday.\n\nEgyptian police arrested 12 protesters in Cairo, "
            "officials said. Traffic was slow. The cabinet met later.")  # fmt: skip
    article = Article(id="a", text=text)
    doc = next(parse_planned(resources.nlp, [plan(article, resources, resources.lexicon.trigger_forms)]))
    assert doc.text == text
    sentences = list(doc.sents)
    assert [s.text.strip() for s in sentences][:2] == ["Heavy rain fell in the north on Monday.",
                                                      "Egyptian police arrested 12 protesters in Cairo, officials said."]  # fmt: skip
    assert {t.dep_ for t in sentences[0]} == {"ROOT", "dep"} and not any(t.pos_ for t in sentences[0])
    assert any(t.dep_ == "nsubj" for t in sentences[1])
    coded = next(code_filtered([article], resources))
    assert "arrested" in [text[slice(*e.span)] for e in coded.events]
    parsed = {i for i, s in enumerate(sentences) if s.root.pos_}
    assert 0 not in parsed and {e.sentence for e in coded.events} <= parsed
    explained = {r["sentence"]: r["reason"] for r in coded.rejected if "sentence" in r}
    assert explained[0] == REASON and 1 not in explained
    assert [e.cameo for e in next(code_filtered([Article(id="b", text=text[:40])], resources)).events] == []


def test_prefilter_keeps_quotes_whole_and_places_only_from_parsed_sentences(resources):
    from casus.scale.prefilter import REASON, code_filtered
    from casus.scale.workers import code_isolated

    text = ("Much of the valley was quiet on Sunday, and the weather in Lyon was mild.\n\n"
            "\"We will not leave the square,\" the mayor of Springfield told reporters. The teachers' union insisted "
            "that the schools would stay open. Egyptian police arrested 12 protesters in Cairo.")  # fmt: skip
    article = Article(id="a", text=text)
    full, fast = next(code_isolated([article], resources)), next(code_filtered([article], resources))

    def quotes(coded: CodedArticle) -> list[tuple]:
        return [(q.kind, q.span, q.cue, q.speaker.span if q.speaker else None) for q in coded.quotes]

    assert quotes(fast) == quotes(full) and {q.kind for q in fast.quotes} == {"direct", "indirect"}
    skipped = [s.span for s in fast.sentences if any(r.get("sentence") == s.index and r["reason"] == REASON for r in fast.rejected)]
    assert [text[slice(*span)].strip() for span in skipped] == [text.split("\n")[0]]
    in_parsed = [p for p in full.places if not any(a <= p.span[0] < b for a, b in skipped)]
    assert fast.places == tuple(in_parsed) and [p.text for p in fast.places][-1:] == ["Cairo"]
    assert [text[slice(*e.span)] for e in fast.events] == [text[slice(*e.span)] for e in full.events] == ["arrested"]


def test_an_extractor_failure_is_recorded_on_its_article_and_the_rest_are_coded(light_resources, monkeypatch):
    import casus.pipeline
    from casus.scale.workers import code_isolated

    def fragile(ctx, res):
        if "boom" in ctx.article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return ctx.add(rejected=({"reason": "seen"},))

    monkeypatch.setattr(casus.pipeline, "default_steps", lambda: [fragile])
    articles = [Article(id=str(i), text=text) for i, text in enumerate(["Calm day.", "A boom here.", "Quiet again."])]
    coded = list(code_isolated(articles, light_resources))
    assert [c.article.id for c in coded] == ["0", "1", "2"]
    assert coded[1].rejected == ({"reason": "coding failed", "error": "RecursionError: maximum recursion depth exceeded"},)
    assert coded[0].rejected == coded[2].rejected == ({"reason": "seen"},)


def test_workers_code_small_chunks_in_input_order_like_one_process(resources):
    from casus.scale.workers import Settings, code_chunk, code_stream

    articles = [Article(id=i["id"], text=i["text"]) for i in corpus(9)]
    pooled = list(code_stream(articles, Settings(), workers=2, chunk_size=2))
    alone = list(code_chunk(articles, resources, Settings()))
    assert [c.article.id for c in pooled] == [a.id for a in articles]
    assert [[(e.cameo, e.span) for e in c.events] for c in pooled] == [[(e.cameo, e.span) for e in c.events] for c in alone]
    assert any(c.events for c in alone)


def test_a_coder_codes_in_a_process_of_its_own_or_here_where_it_may_not_start_one(resources, monkeypatch):
    from types import SimpleNamespace

    from casus.records import document
    from casus.scale import workers

    articles = [Article(id=i["id"], text=i["text"]) for i in corpus(5)]
    here = [document(c) for c in workers.code_chunk(articles, resources, workers.Settings())]
    coder = workers.Coder(workers.Settings())
    try:
        assert coder.process.is_alive() and coder.process.pid != os.getpid()
        assert [document(c) for c in [*coder.code(articles[:2]), *coder.code(articles[2:])]] == here
    finally:
        coder.close()
    assert not coder.process.is_alive()
    monkeypatch.setattr(workers.multiprocessing, "current_process", lambda: SimpleNamespace(daemon=True))  # e.g. a Dask worker
    monkeypatch.setattr(workers, "load", lambda settings: resources)
    daemonic = workers.Coder(workers.Settings())
    assert daemonic.process is None and [document(c) for c in daemonic.code(articles)] == here
    assert any(d["events"] for d in here)


def test_results_travel_from_workers_as_equal_records(resources):
    import pickle

    from casus.records import document
    from casus.scale.workers import RecordPickler, Settings, code_chunk

    coded = list(code_chunk([Article(id=i["id"], text=i["text"]) for i in corpus(6)], resources, Settings()))
    back = pickle.loads(RecordPickler().dumps((7, coded, None)))
    assert back[0] == 7 and back[1] == coded and [document(c) for c in back[1]] == [document(c) for c in coded]
    assert sum(len(c.events) + len(c.actors) for c in back[1]) > 6


def test_an_article_too_long_for_the_parser_is_kept_with_a_reason(light_resources, monkeypatch):
    from casus.scale.workers import Settings, code_chunk

    monkeypatch.setattr(light_resources.nlp, "max_length", 60)
    articles = [Article(id="short", text="Calm day."), Article(id="long", text="Word. " * 20), Article(id="end", text="Quiet.")]
    for prefilter in (False, True):
        coded = list(code_chunk(articles, light_resources, Settings(prefilter=prefilter, batch_size=2)))
        assert [c.article.id for c in coded] == ["short", "long", "end"]
        assert coded[1].rejected == ({"reason": "too long to parse", "error": "120 characters > the parser's limit 60"},)
        assert all(r.get("reason") != "too long to parse" for c in (coded[0], coded[2]) for r in c.rejected)


def test_parse_batches_cap_articles_and_characters_in_input_order():
    from casus.scale.workers import parse_batches

    articles = [Article(id=str(i), text="x" * n) for i, n in enumerate([30, 30, 50, 120, 10, 10, 10, 10, 10])]
    batches = list(parse_batches(articles, size=3, chars=100))
    assert [[a.id for a in b] for b in batches] == [["0", "1"], ["2"], ["3"], ["4", "5", "6"], ["7", "8"]]
    assert [a for b in batches for a in b] == articles and list(parse_batches([], size=3, chars=100)) == []


def test_a_worker_that_dies_stops_the_run_with_its_exit_code():
    from casus.scale.workers import Settings, WorkerError, code_stream

    articles = [Article(id=i["id"], text=i["text"]) for i in corpus(4)]
    with pytest.raises(WorkerError, match="exited with code 1"):
        list(code_stream(articles, Settings(model="no-such-model"), workers=2, chunk_size=1))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the forked worker in /proc")
def test_a_forked_worker_that_dies_stops_the_run():
    import multiprocessing

    from casus.scale.workers import Settings, WorkerError, code_stream

    def children(pid: int) -> list[int]:
        return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _parent_pid(p) == pid]

    articles = [Article(id=i["id"], text=i["text"]) for i in corpus(40)]
    stream = code_stream(articles, Settings(), workers=2, chunk_size=1)
    assert next(stream).article.id == articles[0].id  # the first worker has loaded and forked the second
    (first,) = [p for p in multiprocessing.active_children() if children(p.pid)]
    (forked,) = children(first.pid)
    os.kill(forked, signal.SIGKILL)
    with pytest.raises(WorkerError, match="worker process 2 of 2 died"):
        list(stream)
    assert not first.is_alive()


def test_a_first_worker_killed_after_forking_stops_the_run_and_leaves_no_worker_behind():
    import multiprocessing

    from casus.scale.workers import Settings, WorkerError, code_stream

    articles = [Article(id=i["id"], text=i["text"]) for i in corpus(40)]
    stream = code_stream(articles, Settings(), workers=2, chunk_size=1)
    assert next(stream).article.id == articles[0].id
    (first,) = [p for p in multiprocessing.active_children()
                if any(_parent_pid(c) == p.pid for c in Path("/proc").iterdir() if c.name.isdigit())]
    (forked,) = [int(c.name) for c in Path("/proc").iterdir() if c.name.isdigit() and _parent_pid(c) == first.pid]
    os.kill(first.pid, signal.SIGKILL)
    with pytest.raises(WorkerError, match="exited with code -9"):
        list(stream)
    stat, deadline = Path(f"/proc/{forked}/stat"), time.monotonic() + 5  # SIGKILL lands a moment later
    while stat.exists() and stat.read_text().rpartition(")")[2].split()[0] != "Z" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not stat.exists() or stat.read_text().rpartition(")")[2].split()[0] == "Z"  # gone, or dead and unreaped


def _parent_pid(process: Path) -> int | None:
    """The parent's pid from ``/proc/PID/stat`` (after the command name, which may hold spaces), None if gone."""
    try:
        return int((process / "stat").read_text().rpartition(")")[2].split()[1])
    except OSError:
        return None


def test_max_article_chars_quarantines_longer_articles_and_codes_the_rest(blank_parser, tmp_path):
    import typer
    from typer.testing import CliRunner

    from casus.commands import register

    app = typer.Typer()
    register(app)
    items = corpus(3)
    items[1]["text"] = " ".join([items[1]["text"]] * 5)
    source = write_jsonl(tmp_path / "in.jsonl", items)
    limit = max(len(items[0]["text"]), len(items[2]["text"])) + 1
    result = CliRunner().invoke(app, ["code", str(source), "--db", str(tmp_path / "c.duckdb"), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"),
                                      "--max-article-chars", str(limit)])  # fmt: skip
    assert result.exit_code == 1, result.output
    with Store(tmp_path / "c.duckdb", read_only=True) as store:
        assert sorted(r[0] for r in store.query("SELECT article_id FROM articles")[1]) == sorted([items[0]["id"], items[2]["id"]])
        assert [r[0] for r in store.query("SELECT error FROM quarantine")[1]] == ["TooLong"]
    default = CliRunner().invoke(app, ["code", str(source), "--no-db", "-f", "jsonl", "-o", str(tmp_path / "all.jsonl")])
    assert default.exit_code == 0, default.output
    assert len((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 3
