"""Page furniture left in article bodies (link lines, prompts, bylines, image credits, a standfirst)
is marked at ingest with its kind, stays in the text with exact offsets, and yields no event."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from casus import ingest
from casus.ingest.furniture import find_furniture, furniture_at
from casus.records import Article, document

LEDE = "The parliament of Freedonia voted on Tuesday to expel the Sylvanian ambassador, officials said."
STORY = "\n\n".join([
    LEDE,
    "Read more: Freedonia and Sylvania trade accusations over the dam",
    "Sylvania recalls its envoy as river dispute escalates Read more",
    "Sylvania's foreign minister condemned the vote. Read more",
    "Click here to watch the debate in full.",
    "Sign up for our morning briefing on the river crisis",
    "Follow Jana Novak on Twitter",
    "By Jana Novak and Omar Haddad",
    "Image copyright Reuters Image caption Freedonian troops patrol the dam",
    "Border guards detained two fishermen on Monday. Photo: Omar Haddad/Reuters",
    "By March, both armies had moved troops to the river.",
    "Write to Jana Novak at jana.novak@example.com",
])


def pieces(body: str) -> dict[str, str]:
    return {body[f.span[0]:f.span[1]]: f.kind for f in find_furniture(body)}


def test_link_lines_prompts_bylines_and_credits_are_marked_with_their_kind():
    found = pieces(STORY)
    assert found == {
        "Read more: Freedonia and Sylvania trade accusations over the dam": "related-article link",
        "Sylvania recalls its envoy as river dispute escalates Read more": "related-article link",
        "Read more": "related-article link",
        "Click here to watch the debate in full.": "prompt",
        "Sign up for our morning briefing on the river crisis": "prompt",
        "Follow Jana Novak on Twitter": "prompt",
        "By Jana Novak and Omar Haddad": "byline",
        "Image copyright Reuters": "image credit",
        "Image caption": "image credit",
        "Photo: Omar Haddad/Reuters": "image credit",
        "Write to Jana Novak at jana.novak@example.com": "reporter credit",
    }


def test_news_around_furniture_is_not_marked():
    """A sentence before a trailing link, a caption, and a sentence opening with "By" stay news."""
    marked = find_furniture(STORY)
    for news in ("Sylvania's foreign minister condemned the vote.", "Freedonian troops patrol the dam",
                 "Border guards detained two fishermen on Monday.", "By March, both armies had moved troops"):
        start = STORY.index(news)
        assert all(furniture_at(marked, offset) is None for offset in range(start, start + len(news))), news


def test_a_headline_like_opening_line_is_a_standfirst_but_an_opening_sentence_is_not():
    standfirst = "Parliament expels envoy as the dam dispute deepens and Sylvania threatens to retaliate"
    assert pieces(f"{standfirst}\n\n{LEDE}\n\nMore follows.") == {standfirst: "standfirst"}
    quote = "“We will not be bullied over our own river,” the speaker said."
    assert pieces(f"{quote}\n\n{LEDE}\n\nMore follows.") == {}
    assert pieces(f"{LEDE}\n\nMore follows.\n\nAnd more.") == {}


def test_json_articles_carry_their_furniture_with_exact_offsets(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"title": "Freedonia expels envoy", "date": "2021-03-04", "text": "\n" + STORY}), encoding="utf-8")
    (article,) = ingest.read([str(path)])
    assert isinstance(article, Article)
    spans = {article.text[f.span[0]:f.span[1]] for f in article.furniture}
    assert "Follow Jana Novak on Twitter" in spans and "Photo: Omar Haddad/Reuters" in spans
    assert article.text.startswith(LEDE)


@pytest.fixture(scope="module")
def res():
    from casus.pipeline import Resources

    return Resources.load()


def test_furniture_yields_no_event_and_says_why(res):
    from casus.pipeline import code_article

    lede = "The parliament of Ghana voted on Tuesday to expel the Togolese ambassador, officials said."
    body = "\n\n".join([lede, "Read more: Greece expels the Turkish ambassador over the border clash"])
    coded = code_article(Article(id="f", text=body, published=dt.date(2021, 3, 4), furniture=find_furniture(body)), res)
    link = body.index("Read more")
    assert coded.events and all(e.span[0] < link for e in coded.events)
    reasons = [r["reason"] for r in coded.rejected if "sentence" in r and r["text"].startswith("Read more")]
    assert reasons == ["page furniture (related-article link): not coded"]
    assert document(coded)["article"]["furniture"] == [{"span": [link, len(body)], "kind": "related-article link"}]
    unmarked = code_article(Article(id="f", text=body, published=dt.date(2021, 3, 4)), res)
    assert any(e.span[0] > link for e in unmarked.events)  # the line itself would code an expulsion
