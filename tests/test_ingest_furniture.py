"""Page furniture left in article bodies (link lines, prompts, bylines, photo captions and image
credits, a standfirst) is marked at ingest with its kind, stays in the text with exact offsets, and yields no event."""
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
    "Soldiers of the Sylvanian army (Photo by Omar Haddad) dig trenches on the bank.",
    "By March, both armies had moved troops to the river.",
    "The ministers met on Friday (in Geneva/Lausanne, officials said) and agreed on a truce.",
    "The first talks were held on a snowy day (1/31/2013)",
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
        "(Photo by Omar Haddad)": "image credit",
        "Write to Jana Novak at jana.novak@example.com": "reporter credit",
    }


def test_news_around_furniture_is_not_marked():
    """A sentence before a trailing link, a sentence opening with "By", a paragraph with a parenthesis
    holding a slash, and the words around a credit inside a line stay news."""
    marked = find_furniture(STORY)
    for news in ("Sylvania's foreign minister condemned the vote.", "By March, both armies had moved troops",
                 "The ministers met on Friday (in Geneva/Lausanne, officials said) and agreed on a truce.",
                 "The first talks were held on a snowy day (1/31/2013)", "dig trenches on the bank."):
        start = STORY.index(news)
        assert all(furniture_at(marked, offset) is None for offset in range(start, start + len(news))), news


@pytest.mark.parametrize("caption, description, credits", [
    ("Image copyright Reuters Image caption Freedonian troops patrol the dam",
     "Image copyright Reuters Image caption Freedonian troops patrol the dam", ["Image copyright Reuters", "Image caption"]),
    ("Border guards detain two fishermen on Monday. Photo: Omar Haddad/Reuters",
     "Border guards detain two fishermen on Monday.", ["Photo: Omar Haddad/Reuters"]),
    ("Fishermen mend their nets in Lake Varna, Freedonia, Sunday, March 1, 2021. (Jana Novak/AFP via Getty Images)",
     "Fishermen mend their nets in Lake Varna, Freedonia, Sunday, March 1, 2021.", ["(Jana Novak/AFP via Getty Images)"]),
    ("FILE - In this May 2, 2019 file photo, Gen. J. Ruiz of the U.S. Army speaks in Vel. Freedonia expelled the Sylvanian "
     "envoy on Tuesday, officials said. The envoy left. (AP Photo/Omar Haddad, File)",
     "FILE - In this May 2, 2019 file photo, Gen. J. Ruiz of the U.S. Army speaks in Vel.", ["(AP Photo/Omar Haddad, File)"]),
])
def test_a_photo_captions_description_and_credit_are_furniture_but_the_lede_it_goes_on_with_is_not(caption, description, credits):
    body = "\n\n".join([LEDE, caption, "More follows."])
    found = [(body[f.span[0]:f.span[1]], f.kind) for f in find_furniture(body)]
    assert found == [(description, "photo caption"), *((credit, "image credit") for credit in credits)]


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
    assert "Follow Jana Novak on Twitter" in spans and "Write to Jana Novak at jana.novak@example.com" in spans
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


def test_short_heads_in_capitals_or_title_case_and_one_line_questions_are_section_headings():
    heads = ["BORDER TALKS STALL", "What did the council decide about the dam?", "U.S. ENVOY RECALLED",
             "‘Highly Likely’", "Sylvania Closes the Dam to Boats"]
    body = "\n\n".join([LEDE, heads[0], "The talks stalled on Monday.", heads[1], "It voted to close it.", *heads[2:]])
    assert pieces(body) == dict.fromkeys(heads, "section heading")


def test_contributor_lines_correction_notes_and_labelled_links_are_furniture():
    lines = {"Novak reported from Vel. Freedonian Press writers Omar Haddad and Ana Ruiz contributed to this report.": "reporter credit",
             "Haddad and Ruiz reported from Sylvania City.": "reporter credit",
             "—Ana Ruiz contributed to this article.": "reporter credit",
             "An earlier version of this story misspelled the envoy's name.": "correction",
             "This version corrects the date of the vote.": "correction",
             "Full Coverage: River Dispute": "related-article link",
             "QuickTake: Why the Dam Matters": "related-article link",
             "Slideshow (12 Images)": "prompt",
             "Newsletter Sign Up Continue reading the main story": "prompt"}
    assert pieces("\n\n".join([LEDE, *lines])) == lines


def test_questions_and_capitals_inside_news_are_not_headings():
    news = ["Why, the minister asked, had Sylvania moved its troops? Nobody answered.",
            "“What did we do wrong?” the ambassador asked.",
            "What happens next is unclear.",
            "NATO and the EU condemned the vote.",
            "Freedonia Votes to Expel the Envoy.",
            "The envoy reported from Vel that the talks had failed.",
            "Novak contributed to this report on the dam, officials said, and to two others.",
            "FREEDONIA CITY (Reuters) - The parliament voted on Tuesday to expel the envoy."]
    assert pieces("\n\n".join([LEDE, *news])) == {}


def test_a_photo_captions_description_yields_no_event_but_the_lede_it_repeats_does(res):
    from casus.pipeline import code_article

    caption = ("FILE - In this March 2, 2021 file photo, Ghanaian police arrest Togolese protesters in Accra. The parliament "
               "of Ghana voted on Tuesday to expel the Togolese ambassador, officials said. (AP Photo/Jane Roe, File)")
    body = "\n\n".join([caption, "The vote followed weeks of protests."])
    coded = code_article(Article(id="c", text=body, published=dt.date(2021, 3, 4), furniture=find_furniture(body)), res)
    lede = body.index("The parliament")
    assert coded.events and all(e.span[0] >= lede for e in coded.events)
    unmarked = code_article(Article(id="c", text=body, published=dt.date(2021, 3, 4)), res)
    assert any(e.span[0] < lede for e in unmarked.events)  # the description itself would code an arrest


def test_a_line_repeating_the_headline_is_furniture(tmp_path):
    title = "Freedonia Expels Sylvanian Envoy Over Dam Dispute, Officials Say"
    body = "\n\n".join([LEDE, f"{title} ", "More follows."])
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"title": title, "date": "2021-03-04", "text": body}), encoding="utf-8")
    (article,) = ingest.read([str(path)])
    assert [(article.text[f.span[0]:f.span[1]], f.kind) for f in article.furniture] == [(title, "repeated headline")]
    assert find_furniture(body) == ()


def test_a_title_that_is_a_sentence_or_the_whole_body_is_not_a_repeated_headline():
    """The lede may be the title's sentence, and a feed item's body may be its title: both are news."""
    sentence = "Freedonia closed the Varna dam to Sylvanian barges on Monday, the port authority said."
    assert find_furniture("\n\n".join([sentence, "Barges queued at the sluice.", "More follows."]), sentence) == ()
    head = "Freedonia Closes Varna Dam to Sylvanian Barges"
    assert find_furniture(head, head) == ()
    assert find_furniture(f"{head}\n\nBarges queued at the sluice on Monday.", head) == ()


def test_a_one_or_two_line_body_in_title_case_has_no_section_heading():
    assert find_furniture("Freedonia Closes Varna Dam to Sylvanian Barges") == ()
    assert find_furniture("Sylvania Recalls Envoy\n\nThe ministry said on Monday it recalled him.") == ()


@pytest.mark.parametrize("line", [
    "Fishermen reported from Varna that gunboats rammed them.",
    "Monitors reported from Vel, where troops fired on Sunday.",
    "Novak reported from Vel. Troops shelled the market on Sunday, monitors said; Ana Ruiz contributed.",
    "Earlier: Sylvanian gunboats rammed two Freedonian trawlers on Sunday, the coast guard said.",
])
def test_news_shaped_like_a_credit_or_a_labelled_link_is_not_furniture(line):
    assert pieces("\n\n".join([LEDE, line, "More follows."])) == {}


def test_a_credit_joined_to_a_news_sentence_marks_only_the_credit():
    line = "Sylvanian gunboats rammed two trawlers on Sunday, officials said. Ana Ruiz contributed to this report."
    assert pieces("\n\n".join([LEDE, line, "More follows."])) == {"Ana Ruiz contributed to this report.": "reporter credit"}


@pytest.mark.parametrize("line", [
    "Sylvania shelled the dam overnight. At least nine workers died, according to Reuters",
    "Gunboats rammed two trawlers. The crews were rescued, witnesses told AFP",
    "Most Freedonians back the expulsion of the envoy, the survey found (Reuters/Ipsos)",
    "Parliament voted to expel the envoy, the Herald reported (UPDATE 2/3)",
])
def test_a_news_line_ending_with_an_agency_is_no_photo_caption(line):
    assert pieces("\n\n".join([LEDE, line, "More follows."])) == {}


def test_a_caption_ends_at_an_initialism_before_a_sentence_opener_and_starts_at_its_label():
    caption = ("Ana Ruiz waves to supporters in Vel, N.V. The parliament on Monday voted to expel the envoy. "
               "(AP Photo/Omar Haddad)")
    assert pieces("\n\n".join([LEDE, caption, "More follows."])) == {
        "Ana Ruiz waves to supporters in Vel, N.V.": "photo caption", "(AP Photo/Omar Haddad)": "image credit"}
    joined = "Sylvanian troops fire on the dam. Image caption Workers fled the dam on Sunday. The dam has been shut since."
    assert pieces("\n\n".join([LEDE, joined, "More follows."])) == {
        "Image caption Workers fled the dam on Sunday.": "photo caption", "Image caption": "image credit"}


def test_a_lone_credit_is_an_image_credit_only():
    for credit in ("Image copyright Freedonian Press", "(AP Photo/Omar Haddad)", "Photo: Jana Novak/Reuters"):
        body = "\n\n".join([LEDE, credit, "More follows."])
        assert [(body[f.span[0]:f.span[1]], f.kind) for f in find_furniture(body)] == [(credit, "image credit")]


def test_a_long_run_of_initials_is_scanned_in_linear_time():
    import time

    started = time.perf_counter()
    find_furniture("Gen. J. K. " * 5000 + "(AP Photo/Omar Haddad)")
    assert time.perf_counter() - started < 3


def test_a_credit_naming_several_reporters_and_places_is_one_line_of_furniture():
    line = ("Novak reported from Vel. Ruiz reported from Sylvania City, Sylvania. Freedonian Press data journalist Omar Haddad "
            "and video producer Li Wei also contributed from Varna.")
    assert pieces("\n\n".join([LEDE, line, "More follows."])) == {line: "reporter credit"}
