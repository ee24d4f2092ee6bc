"""Adding an article and correcting a figure as a user would, in headless Chromium.

A server runs on a temporary data folder (a copy of the shipped articles, built by the
real extractor); the file goes in through the browser's file chooser. Screenshots go to
artifacts/screenshots/.
"""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import expect

from analysis import store
from storekit import copy_articles
from test_browser import ARGS, CHROMIUM, ROOT, act, ran, serve, settle, shoot, watch_runs  # noqa: F401 - fixtures below

WIRE = """Seoul says 11,000 North Korean troops are now in Kursk
By Kim Min-ji
SEOUL, Nov 13 (Example Wire) - South Korea's National Intelligence Service said on Wednesday that about 11,000 North Korean troops were now in Russia's Kursk region.
The agency told lawmakers that some of the soldiers had already joined combat operations.
"""

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")]


def css_key(key: str) -> str:
    """The class Streamlit gives an element with this key."""
    return ".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review-desk") / "data"
    copy_articles(folder)
    store.build(folder / "articles", folder / "estimates.duckdb")
    return folder


@pytest.fixture(scope="module")
def server(data, tmp_path_factory):
    with serve(data, tmp_path_factory.mktemp("review-server") / "streamlit.log") as url:
        yield url


def query(data: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(store.current_path(data / "estimates.duckdb")), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def go(page, name: str, charts: int = 0) -> None:
    """Open a page from the sidebar's navigation (the session, and its state, stay)."""
    act(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True).click,
        charts=charts)


def compare_svg(page) -> str:
    """The text of the Troops deployed chart, as its SVG download has it."""
    with page.expect_download() as svg:
        page.get_by_role("button", name="SVG").first.click()
    assert svg.value.suggested_filename == "estimate-desk-compare-troops_deployed.svg"
    root = ET.fromstring(Path(svg.value.path()).read_bytes())
    return " ".join(" ".join(root.itertext()).split())


def test_add_an_article_then_correct_its_figure(server, context, data, tmp_path):
    page = context.new_page()
    wire = tmp_path / "nis-wire.txt"
    wire.write_text(WIRE, encoding="utf-8")

    # 1. Add article: the file goes in through the browser's file chooser
    page.goto(f"{server}/add_article")
    settle(page)
    with page.expect_file_chooser() as chooser:
        page.get_by_test_id("stFileUploaderDropzone").get_by_test_id("stBaseButton-secondary").click()
    chooser.value.set_files(str(wire))
    page.get_by_text("will be extracted").wait_for(timeout=60_000)
    settle(page)
    main = page.get_by_test_id("stMain")
    title = main.get_by_role("textbox", name="Title", exact=True)
    assert title.input_value().startswith("Seoul says 11,000 North Korean troops")
    assert main.get_by_role("textbox", name="Author", exact=True).input_value() == "Kim Min-ji"
    marks = page.locator(".desk-text mark")
    assert marks.count() >= 1 and any("11,000" in t for t in marks.all_inner_texts())
    publisher = main.get_by_role("textbox", name="Publisher", exact=True)
    # the edit and its Enter inside one watched action: a run the edit starts is counted too
    act(page, lambda: (publisher.fill("Example Wire"), publisher.press("Enter")))
    shoot(page, "add-article-preview")
    page.get_by_role("button", name="Save 1 article").click()
    page.get_by_text("Saved Seoul says 11,000").wait_for(timeout=60_000)
    settle(page)
    shoot(page, "add-article-saved")
    name = "seoul-says-11-000-north-korean-troops-are-now-in-kursk.txt"
    assert (data / "articles" / name).read_text().startswith("---\ntitle: Seoul says 11,000")
    mid, value = query(data, "SELECT mention_id, value FROM figures WHERE article = ? "
                             "AND quote LIKE '%11,000' ORDER BY \"start\" DESC", [name])[0]
    assert value == 11000

    # 2. Compare before the correction (moving through the sidebar, in the same session)
    go(page, "Compare", charts=1)
    before = compare_svg(page)
    assert "11,000" in before and "12,345" not in before

    # 3. Review: from the saved article's button to its queue; correct one figure
    go(page, "Add article")
    act(page, page.get_by_role("button", name=f"Review the figures of {name}").click)
    expect(page.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    card_key = css_key(f"rv-exp-{mid}")
    page.locator(card_key).get_by_text("Edit the fields").click()
    value_box = page.locator(css_key(f"rv-edit-{mid}-value")).locator("input")
    value_box.fill("12345")
    page.locator(css_key(f"rv-edit-{mid}-note")).locator("input").fill("the NIS said 12,345 in its briefing")
    shoot(page, "review-edit-form")
    page.locator(css_key(f"rv-edit-{mid}-submit")).get_by_role("button").click()
    page.get_by_text("value 11,000 → 12,345").wait_for(timeout=60_000)
    settle(page)
    shoot(page, "review-corrected")
    assert query(data, "SELECT value, review_status FROM figures WHERE mention_id = ?", [mid]) == [
        (12345.0, "edited")]

    # 4. Compare again: the chart shows the corrected figure
    go(page, "Compare", charts=1)
    after = compare_svg(page)
    assert "12,345" in after
    shoot(page, "compare-after-correction")

    # 5. Provenance shows the history of that figure
    claim = query(data, "SELECT claim_id FROM figures WHERE mention_id = ?", [mid])[0][0]
    page.goto(f"{server}/provenance?claim={claim}")
    settle(page)
    expect(page.get_by_text("Review history", exact=True)).to_be_visible()
    trail = page.get_by_test_id("stTable").inner_text()
    assert "Edited" in trail and "value 11,000 → 12,345" in trail
    assert "the NIS said 12,345 in its briefing" in trail
    shoot(page, "provenance-audit-trail")


def test_two_tabs_and_a_cli_ingest_at_once(server, context, data, tmp_path):
    """Two analysts accept figures while a command-line ingest writes: no lock errors."""
    mids = [r[0] for r in query(data, "SELECT mention_id FROM figures WHERE review_status = "
                                      "'unreviewed' AND article LIKE '00%' ORDER BY mention_id")[:2]]
    articles = [query(data, "SELECT article FROM figures WHERE mention_id = ?", [m])[0][0] for m in mids]
    tabs = [context.new_page(), context.new_page()]
    for tab, article in zip(tabs, articles):
        tab.goto(f"{server}/review")
        settle(tab)
        tab.get_by_test_id("stMain").get_by_role("combobox", name="Article", exact=True).click()
        act(tab, tab.get_by_role("option", name=re.compile(re.escape(f"({article})"))).click)
    big = tmp_path / "long-report.txt"
    big.write_text("North Korea has sent 11,000 troops to Russia, the NIS said on Monday.\n" * 1500)
    cli = subprocess.Popen([sys.executable, "-m", "analysis.ingest", str(big), "--articles",
                            str(data / "articles"), "--db", str(data / "estimates.duckdb")],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for tab, mid in zip(tabs, mids):
        watch_runs(tab)
        tab.locator(css_key(f"rv-accept-{mid}")).get_by_role("button").click()
    for tab in tabs:
        ran(tab)
    out, err = cli.communicate(timeout=180)
    assert cli.returncode == 0, err
    for n, tab in enumerate(tabs):
        body = tab.inner_text("body")
        for trouble in ("database is locked", "Could not set lock", "IO Error", "could not be shown",
                        "Traceback", "StoreBusy"):
            assert trouble not in body, body[:2000]
        shoot(tab, f"review-concurrent-tab{n + 1}")
    statuses = query(data, "SELECT review_status FROM figures WHERE mention_id IN (?, ?)", mids)
    assert statuses == [("accepted",), ("accepted",)] or all(
        "after the next refresh" in tab.inner_text("body") for tab in tabs)
    added = re.search(r"^added (\S+):", out, re.M).group(1)
    assert query(data, "SELECT count(*) FROM articles WHERE article = ?", [added]) == [(1,)]
