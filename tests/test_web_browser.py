"""The explorer page in headless Debian Chromium (Playwright): load, filter, open an article, check spans, stay inert."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from analysis_corpus import XSS, build_store, running_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    build_store(db)
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    tab.on("request", lambda request: None if request.url.startswith(base_url) or request.url.startswith("data:")
           else problems.append(f"external {request.url}"))  # fmt: skip
    tab.goto(base_url)
    tab.wait_for_selector("#event-table tbody tr")
    yield tab
    context.close()
    assert problems == []


def test_table_loads_and_filters(page):
    assert page.locator("#event-table tbody tr").count() == 9
    page.fill("#filters input[name=actor]", "TURMIL")
    page.click("#filters button[type=submit]")
    expect(page.locator("#event-table tbody tr")).to_have_count(3)
    assert set(page.locator("#event-table tbody td:nth-child(3)").all_inner_texts()) == {"125 Reject proposal"}
    page.select_option("#filters select[name=quad]", "1")
    page.click("#filters button[type=submit]")
    expect(page.locator("#event-count")).to_have_text("0 event(s) match")


def test_article_view_highlights_spans_with_codes_and_explains_events(page, tmp_path):
    page.click("button[data-article=wire-a] >> nth=0")
    page.wait_for_selector("#article-text .hl")
    text = page.locator("#article-text")
    events = text.locator(".hl-event")
    assert events.all_inner_texts() == ["accused", "rejected"]
    assert "112" in events.first.get_attribute("title")
    actor = text.locator(".hl-actor", has_text="Turkey's Defence Ministry")
    assert "TURMIL" in actor.get_attribute("title")
    for kind in ("quote", "date", "place", "agreement"):
        assert text.locator(f".hl-{kind}").count() >= 1, kind
    assert text.inner_text() == page.evaluate("fetch('/api/article?id=wire-a').then(r => r.json()).then(a => a.text)")
    assert "Russia [RUSGOV] → Turkey [TURGOV]" in page.locator("[data-testid=event-explanation]").first.inner_text()
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000


def test_markup_in_article_text_stays_inert_text(page):
    page.click("button[data-article=markup]")
    page.wait_for_selector("#article-text .hl")
    assert XSS in page.locator("#article-text").inner_text()
    assert page.locator("#article-text script, #article-text img, #article-text b").count() == 0
    assert page.locator("#article-title").inner_text() == "<i>Visit</i> & talks"
    assert page.evaluate("window.__casus_xss") is None


def test_charts_network_map_claims_agreements_and_dedup_render(page):
    page.click("button[data-tab=timeline]")
    page.fill("#series-form input[name=source]", "RUS")
    page.fill("#series-form input[name=target]", "TUR")
    page.select_option("#series-form select[name=freq]", "day")
    page.click("#series-form button")
    expect(page.locator("[data-testid=series-svg] rect.bar")).to_have_count(4)
    page.click("button[data-tab=network]")
    page.wait_for_selector("[data-testid=network-svg] circle")
    assert page.locator("[data-testid=network-svg] circle").count() == 5
    page.click("button[data-tab=map]")
    page.wait_for_selector("[data-testid=map-svg] circle.place")
    assert page.locator("[data-testid=map-svg] path.country").count() > 150
    assert page.locator("[data-testid=map-svg] circle.place").count() == 3
    page.click("button[data-tab=claims]")
    page.wait_for_selector("[data-testid=claim-thread]")
    assert "rejects it" in page.locator("[data-testid=claim-thread]").first.inner_text()
    page.click("button[data-tab=agreements]")
    page.wait_for_selector("#agreement-table tbody tr")
    assert "RUSGOV" in page.locator("#agreement-table tbody").inner_text()
    page.click("button[data-tab=corpus]")
    page.wait_for_selector("#corpus-list .card")
    assert "same dyad" in page.locator("#corpus-list").inner_text()
