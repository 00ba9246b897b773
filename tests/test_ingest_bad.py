"""Bad input never crashes a batch: each case becomes a Rejected with a specific reason and error class."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus import ingest
from casus.records import Article, Rejected
from test_ingest import BODY, html_page, write_warc

GERMAN = ("Die Außenminister der beiden Länder haben sich am Dienstag in der Hauptstadt getroffen, um über den Streit "
          "um die Wasserrechte an dem gemeinsamen Fluss zu sprechen, wie Vertreter beider Regierungen mitteilten.")  # fmt: skip


def rejected(items: list) -> Rejected:
    assert len(items) == 1 and isinstance(items[0], Rejected), items
    assert items[0].reason and items[0].input
    return items[0]


def read_one(tmp_path: Path, name: str, data: bytes, **options) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    return list(ingest.read([str(path)], **options))


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.txt", b"", "EmptyInput"),
        ("blank.txt", b" \n\t\n ", "EmptyInput"),
        ("junk.bin", bytes(range(256)) * 8, "BinaryInput"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "BinaryInput"),
        ("german.txt", GERMAN.encode(), "NotEnglish"),
        ("russian.txt", ("Министр иностранных дел России заявил в среду, что переговоры с Турцией "
                          "будут продолжены на следующей неделе в Москве, сообщили в министерстве.").encode(), "NotEnglish"),
        ("broken.html", b"<html><body><p>unclosed <div><<<>> <p</body", "MalformedHTML"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "NoArticleText"),
        ("bad.json", b'{"id": "x", "text": "unterminated', "MalformedJSON"),
        ("notext.json", json.dumps({"id": "x", "title": "No body here"}).encode(), "MissingField"),
        ("feed.rss", b"<?xml version='1.0'?><rss><channel><title>x</title></channel>", "MalformedFeed"),
        ("damaged.warc", b"WARC/1.0\r\nWARC-Type: response\r\nnonsense\r\n\r\n", "MalformedWARC"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)  # fmt: skip
def test_each_bad_input_has_its_error_class(tmp_path, name, data, error):
    assert rejected(read_one(tmp_path, name, data)).error == error


def test_other_encodings_are_decoded_not_rejected(tmp_path):
    text = "Caf\u00e9 owners in the capital said on Tuesday that the r\u00e9gime's new tax would hurt small businesses. " + BODY
    for encoding in ("latin-1", "cp1252", "utf-16"):
        article = read_one(tmp_path, f"{encoding}.txt", text.encode(encoding))[0]
        assert isinstance(article, Article), (encoding, article)
        assert article.text.startswith("Caf\u00e9 owners") and "r\u00e9gime's" in article.text


def test_undecodable_bytes_are_rejected(tmp_path):
    assert rejected(read_one(tmp_path, "mixed.txt", b"Talks \xff\xfe\x00\xd8 resumed \x00\x00\x81" * 40)).error in {"BinaryInput", "UndecodableInput"}


def test_huge_file_is_rejected_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB without writing them
    item = rejected(list(ingest.read([str(path)])))
    assert item.error == "TooLarge" and "209.7 MB" in item.reason


def test_big_jsonl_streams_and_rejects_only_the_oversized_line(tmp_path):
    lines = [json.dumps({"id": "small", "text": BODY}), json.dumps({"id": "big", "text": BODY * 40}), json.dumps({"id": "after", "text": BODY})]
    items = read_one(tmp_path, "corpus.jsonl", "\n".join(lines).encode(), max_bytes=5000)
    assert [type(i).__name__ for i in items] == ["Article", "Rejected", "Article"]
    assert items[1].error == "TooLarge" and items[1].input.endswith("#2")


def test_jsonl_bad_lines_do_not_stop_the_file(tmp_path):
    lines = [json.dumps({"id": "a", "text": BODY}), "{not json", json.dumps({"id": "c"}), json.dumps(["x"]), json.dumps({"id": "e", "text": GERMAN})]
    items = read_one(tmp_path, "mixed.jsonl", "\n".join(lines).encode())
    assert [getattr(i, "error", "ok") for i in items] == ["ok", "MalformedJSON", "MissingField", "MalformedJSON", "NotEnglish"]


def test_oversized_warc_record(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://example.org/a", html_page(BODY * 30).encode(), "text/html")])
    assert rejected(list(ingest.read([str(path)], max_bytes=4000))).error == "TooLarge"


def test_folder_of_bad_inputs_rejects_each_and_keeps_the_good(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "good.html").write_text(html_page(), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(os.urandom(4096))
    (tmp_path / "german.txt").write_text(GERMAN, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(BODY, encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):  # chmod does not stop root, so refuse the file the way the OS would
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    items = list(ingest.read([str(tmp_path), str(tmp_path / "missing.txt")]))
    errors = {Path(i.input).name: i.error for i in items if isinstance(i, Rejected)}
    assert errors == {"empty.txt": "EmptyInput", "junk.bin": "BinaryInput", "german.txt": "NotEnglish",
                      "locked.txt": "PermissionDenied", "missing.txt": "MissingPath"}  # fmt: skip
    assert sorted(Path(i.origin).name for i in items if isinstance(i, Article)) == ["good.html", "good.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of their mode")
def test_unreadable_file_by_mode(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    assert rejected(list(ingest.read([str(tmp_path)]))).error == "PermissionDenied"


NAMES = st.sampled_from(["x.txt", "x.html", "x.json", "x.jsonl", "x.xml", "x.rss", "x.warc", "x"])
PREFIXES = st.sampled_from([b"", b"{", b"[", b"<html>", b"<?xml version='1.0'?><rss>", b"WARC/1.0\r\n", b"\xff\xfe", b"\x1f\x8b"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, prefix=PREFIXES, data=st.binary(max_size=2000) | st.text(max_size=600).map(str.encode))
def test_no_bytes_crash_the_readers(name, prefix, data):
    items = list(ingest.read_bytes(prefix + data, name))
    assert all(isinstance(i, (Article, Rejected)) for i in items)
    assert all(i.reason for i in items if isinstance(i, Rejected))


def test_damaged_gzip_and_oversized_gzipped_text(tmp_path):
    import gzip

    packed = gzip.compress(BODY.encode() * 50)
    assert rejected(read_one(tmp_path, "cut.txt.gz", packed[: len(packed) // 2])).error == "MalformedGzip"
    assert rejected(read_one(tmp_path, "big.txt.gz", packed, max_bytes=5000)).error == "TooLarge"


def test_an_article_body_over_the_character_limit_is_rejected_and_its_neighbours_read(tmp_path):
    long_body = " ".join([BODY] * (ingest.DEFAULT_MAX_CHARS // len(BODY) + 1))
    lines = [json.dumps({"id": "before", "text": BODY}), json.dumps({"id": "long", "text": long_body}), json.dumps({"id": "after", "text": BODY})]
    items = read_one(tmp_path, "corpus.jsonl", "\n".join(lines).encode())
    assert [getattr(i, "id", None) for i in items] == ["before", None, "after"]
    assert items[1].error == "TooLong" and items[1].input.endswith("#2")
    assert f"{len(long_body):,} characters, over the {ingest.DEFAULT_MAX_CHARS:,}-character limit" in items[1].reason
    assert rejected(read_one(tmp_path, "long.txt", long_body.encode())).error == "TooLong"
    assert isinstance(read_one(tmp_path, "long.txt", long_body.encode(), max_chars=len(long_body))[0], Article)
