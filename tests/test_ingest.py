"""Ingestion of well-formed inputs: text layouts, HTML, JSON/JSONL, feeds, WARC; offsets back into the input."""
from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path

import pytest

from casus import ingest
from casus.records import Article, Rejected
from conftest import SEED, SHARED

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-article.txt"
ALLSIDES = SHARED / "data" / "allsides-news-subset" / "data" / "jsons"

BODY = (
    "The prime minister of Freedonia met the president of Sylvania in the capital on Tuesday to discuss "
    "a dispute over water rights along their shared river, officials from both governments said.\n\n"
    "The two leaders agreed to set up a joint commission that will report back within six months, "
    "according to a statement released after the talks.\n\n"
    "Farmers on both sides of the border have complained for years that dams built upstream have cut "
    "the flow of water to their fields during the dry season."
)


def only_article(items: list) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def assert_maps_back(article: Article, original: str, samples: int = 300) -> None:
    """Random spans inside the mapped segments read the same in the body and in the original."""
    rng = random.Random(7)
    assert article.segments
    for _ in range(samples):
        seg = rng.choice(article.segments)
        start = seg.text_start + rng.randrange(seg.length)
        length = rng.randrange(1, seg.text_start + seg.length - start + 1)
        origin = article.to_original(start)
        assert original[origin : origin + length] == article.text[start : start + length]


def test_seed_layout_header_footer_and_furniture():
    article = only_article(list(ingest.read([str(SEED)])))
    assert article.title == "Russia Accuses Turkey of Breaking Syria Deals, Rejects Erdogan Claim"
    assert article.published == dt.date(2020, 2, 13)
    assert article.source == "Reuters"
    assert article.url.startswith("https://www.themoscowtimes.com/2020/02/13/")
    assert article.text.startswith("Russia on Wednesday accused")
    for furniture in ("Related article", "**", "](", "Original url", "themoscowtimes.com"):
        assert furniture not in article.text
    assert len(article.captions) == 1 and "Russian Defense Ministry" in article.captions[0]
    assert_maps_back(article, SEED.read_text(encoding="utf-8"))


def test_windows_line_ends_and_utf16_give_the_same_article():
    original = SEED.read_text(encoding="utf-8")
    unix = only_article(list(ingest.read_bytes(original.encode(), "seed.txt")))
    for data in (original.replace("\n", "\r\n").encode(), original.encode("utf-16")):
        other = only_article(list(ingest.read_bytes(data, "seed.txt")))
        assert (other.title, other.published, other.source, other.url) == (unix.title, unix.published, unix.source, unix.url)
        assert other.text.replace("\r", "") == unix.text


def test_own_example_in_the_same_layout():
    article = only_article(list(ingest.read([str(EXAMPLE)])))
    assert article.title and article.source and article.published and article.url
    assert "Related article" not in article.text and "**" not in article.text
    assert article.captions and not any(c.split(" (")[0] in article.text for c in article.captions)
    assert_maps_back(article, EXAMPLE.read_text(encoding="utf-8"))


def test_inline_markdown_links_keep_their_text_and_offsets(tmp_path):
    original = "Talks resume\n\nThe [foreign ministry](https://example.org/mfa) said **on Friday** that talks would resume.\n\n" + BODY
    path = tmp_path / "links.txt"
    path.write_text(original, encoding="utf-8")
    article = only_article(list(ingest.read([str(path)])))
    assert article.title == "Talks resume"
    assert article.text.startswith("The foreign ministry said on Friday that talks would resume.")
    assert_maps_back(article, original)


def test_plain_text_without_layout_is_all_body(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("\n" + BODY + "\n", encoding="utf-8")
    article = only_article(list(ingest.read([str(path)])))
    assert article.text == BODY
    assert article.title is None and article.published is None and article.source is None
    assert_maps_back(article, path.read_text(encoding="utf-8"))


def test_a_sentence_starting_with_by_is_body_not_byline():
    original = "By Monday evening, the rebels had withdrawn from the town, officials said.\n\n" + BODY
    article = only_article(list(ingest.read_bytes(original.encode(), "by.txt")))
    assert article.source is None and article.text == original


def test_a_missing_date_is_not_invented_but_published_supplies_it(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Water talks open\n\nMarch 2020\n\n" + BODY, encoding="utf-8")  # month without a day
    assert only_article(list(ingest.read([str(path)]))).published is None
    supplied = only_article(list(ingest.read([str(path)], published=dt.date(2021, 5, 6))))
    assert supplied.published == dt.date(2021, 5, 6)
    overridden = only_article(list(ingest.read([str(SEED)], published=dt.date(2021, 5, 6))))
    assert overridden.published == dt.date(2021, 5, 6)


def test_content_hash_ids_are_stable_and_ignore_whitespace(tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(BODY, encoding="utf-8")
    two.write_text(BODY.replace(". ", ".  ").replace("\n\n", "\n \n"), encoding="utf-8")
    ids = {a.id for a in ingest.read([str(one), str(two)])}
    assert len(ids) == 1 and len(ids.pop()) == 40


HTML = """<!DOCTYPE html><html><head><title>Water commission set up | The Daily Example</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2021-03-04T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Water commission set up</h1>{paragraphs}</article>
<footer>Copyright 2021 The Daily Example. All rights reserved.</footer></body></html>"""


def html_page(body: str = BODY) -> str:
    return HTML.format(paragraphs="".join(f"<p>{p}</p>\n" for p in body.split("\n\n")))


def test_html_body_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_page(), encoding="utf-8")
    article = only_article(list(ingest.read([str(path)])))
    assert article.title == "Water commission set up"
    assert article.published == dt.date(2021, 3, 4)
    assert article.source == "The Daily Example"
    assert article.text.startswith("The prime minister of Freedonia")
    assert "Home" not in article.text and "Copyright" not in article.text
    assert_maps_back(article, path.read_text(encoding="utf-8"))


def test_allsides_json_files_are_read_with_their_field_names():
    files = sorted(ALLSIDES.glob("*.json"))[:25]
    articles = [a for a in ingest.read(map(str, files)) if isinstance(a, Article)]
    assert len(articles) >= 20
    for article in articles:
        raw = json.loads(Path(article.origin).read_text(encoding="utf-8"))
        assert article.id == raw["ID"] and article.title == raw["title"] and article.url == raw["url"]
        original = raw["content_original"].strip()  # up to the spaces put back between glued sentences
        assert article.text.replace(" ", "") == original.replace(" ", "") and len(article.text) - len(original) <= 10
        assert article.published == (dt.date.fromisoformat(raw["date"]) if raw["date"][:4].isdigit() else article.published)
        assert_maps_back(article, raw["content_original"], samples=20)


def test_jsonl_streams_one_article_per_line_with_mapped_fields(tmp_path):
    rows = [{"key": f"k{i}", "headline": f"Story {i}", "content": BODY.replace("Tuesday", f"day {i}"),
             "meta": {"when": "2019-07-0%d" % (i + 1)}} for i in range(3)]  # fmt: skip
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    articles = list(ingest.read([str(path)], fields={"id": "key", "text": "content", "published": "meta.when"}))
    assert [a.id for a in articles] == ["k0", "k1", "k2"]
    assert [a.title for a in articles] == ["Story 0", "Story 1", "Story 2"]
    assert articles[2].published == dt.date(2019, 7, 3)
    assert [a.origin for a in articles] == [f"{path}#1", f"{path}#2", f"{path}#3"]


def test_unknown_field_name_is_an_error():
    with pytest.raises(ValueError, match="unknown field"):
        list(ingest.read([str(SEED)], fields={"body": "content"}))


def test_json_array_and_stdin(monkeypatch):
    data = json.dumps([{"id": "a", "text": BODY}, {"id": "b", "text": BODY + " More."}]).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [a.id for a in ingest.read(["-"])] == ["a", "b"]


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><guid>urn:example:1</guid><title>Commission formed</title><link>https://example.org/1</link>
<pubDate>Tue, 02 Mar 2021 08:00:00 GMT</pubDate><description>{body}</description></item>
<item><guid>urn:example:2</guid><title>Farmers protest</title><link>https://example.org/2</link>
<description>&lt;p&gt;Farmers on both sides of the border protested on Monday against the dams that they say cut the flow of water.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_rss_entries_become_articles(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(RSS.format(body="&lt;p&gt;" + BODY.replace("\n\n", "&lt;/p&gt;&lt;p&gt;") + "&lt;/p&gt;"), encoding="utf-8")
    first, second = ingest.read([str(path)])
    assert (first.id, first.title, first.url, first.source) == ("urn:example:1", "Commission formed", "https://example.org/1", "Example Wire")
    assert first.published == dt.date(2021, 3, 2) and second.published is None
    assert "<p>" not in first.text and first.text.startswith("The prime minister")
    assert second.text.startswith("Farmers on both sides")


def test_atom_entries(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><id>tag:example.org,2021:7</id><title>Commission</title><updated>2021-04-05T00:00:00Z</updated>
<content type="html">{BODY}</content></entry></feed>"""
    path = tmp_path / "feed.atom"
    path.write_text(atom, encoding="utf-8")
    article = only_article(list(ingest.read([str(path)])))
    assert article.id == "tag:example.org,2021:7" and article.source == "Atom Wire"
    assert article.published == dt.date(2021, 4, 5)


def write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> list[str]:
    """A gzipped WARC with one response record per (url, payload, content type); returns the record ids."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ids = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, payload, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            ids.append(record.rec_headers.get_header("WARC-Record-ID").strip("<>"))
            writer.write_record(record)
    return ids


def test_warc_html_responses_become_articles(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    ids = write_warc(path, [
        ("https://example.org/a", html_page().encode(), "text/html; charset=utf-8"),
        ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        ("https://example.org/b", html_page(BODY.replace("Freedonia", "Ruritania")).encode(), "text/html"),
    ])  # fmt: skip
    articles = list(ingest.read([str(path)]))
    assert [a.id for a in articles] == [ids[0], ids[2]]
    assert articles[0].url == "https://example.org/a" and "Ruritania" in articles[1].text


def test_folders_are_read_recursively_and_globs_expand(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text(BODY + " Extra.", encoding="utf-8")
    assert len([a for a in ingest.read([str(tmp_path)]) if isinstance(a, Article)]) == 2
    globbed = list(ingest.read([str(tmp_path / "**" / "*.txt")]))
    assert len(globbed) == 2 and all(isinstance(a, Article) for a in globbed)
    assert isinstance(next(ingest.read([str(tmp_path / "*.nothing")])), Rejected)


def test_gzipped_jsonl_streams(tmp_path):
    import gzip

    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps({"id": f"g{i}", "text": BODY + f" Item {i}."}) for i in range(3)))
    assert [a.id for a in ingest.read([str(path)])] == ["g0", "g1", "g2"]


def test_sentences_glued_without_a_space_are_split_and_still_map_back(tmp_path):
    """"… since 1987.In June …": a space is put back after the stop (also after a closing quote,
    before an opening one); addresses and abbreviations stay as they are, and every copied
    character maps to the input."""
    body = ("Sylvania has dammed the river since 1987.In June the army of Freedonia shelled the dam.“We will not "
            "back down,” the minister said.”Talks resume on Friday.\n\nWrite to jo.Lee@example.com or see "
            "www.Freedonia.gov.Details, said Rep.Ana Ruiz of St.Vel. The U.S.Army did not comment.")
    path = tmp_path / "glued.json"
    path.write_text(json.dumps({"title": "Dam shelled", "date": "2021-06-04", "text": body}), encoding="utf-8")
    article = only_article(list(ingest.read([str(path)])))
    assert article.text == body.replace("1987.In", "1987. In").replace("dam.“We", "dam. “We").replace(".”Talks", ".” Talks")
    assert_maps_back(article, body)


def test_a_glued_sentence_is_coded_once_split(tmp_path):
    from casus.pipeline import Resources, code_article

    body = ("Armenia has disputed the region with Azerbaijan since 1994.Azerbaijani troops shelled an Armenian border "
            "post on Monday, officials said.\n\nThe talks were suspended.")
    path = tmp_path / "glued.json"
    path.write_text(json.dumps({"title": "Border post shelled", "date": "2021-06-08", "text": body}), encoding="utf-8")
    coded = code_article(only_article(list(ingest.read([str(path)]))), Resources.load())
    assert any(e.cameo.startswith("19") for e in coded.events)
