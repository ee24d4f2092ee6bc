"""A view as a link, in Chromium: filters set on one page, the URL copied, opened in
another browser session (and reloaded) shows the same filters and the same claims."""
from __future__ import annotations

import duckdb
import pytest
from playwright.sync_api import expect

from analysis.present import queries
from test_browser import act, pytestmark, serve, settle, shoot  # noqa: F401 - the slow mark

GROUP, TEXT = "Ukraine", "Zelensky"


@pytest.fixture(scope="module")
def server(desk_data, tmp_path_factory):
    with serve(desk_data, tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


def _expect_filters(page) -> None:
    """The sidebar shows the search text and the claimant group chosen (waiting: a text
    box may take a moment after the run to show the value the run gave it)."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_label("Search quotes, sentences, claimants")).to_have_value(TEXT)
    groups = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Claimant group")
    chips = groups.locator('[data-testid="stMultiSelectTagsContainer"] [data-tag]')
    expect(chips).to_have_count(1)
    expect(chips).to_have_attribute("aria-label", GROUP)


def _copied_link(page) -> str:
    page.get_by_text("Copy link to this view").click()
    code = page.locator('[data-testid="stSidebar"] [data-testid="stCode"] code')
    expect(code).to_be_visible()
    return code.inner_text().strip()


def test_a_copied_link_opens_the_same_view(server, desk_data, context, browser):
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    expected = queries.claims(con.cursor(), queries.Filters(groups=(GROUP,), text=TEXT))
    mentions = queries.mentions(con.cursor(), queries.Filters(groups=(GROUP,), text=TEXT))
    con.close()
    assert 0 < len(expected) < 12

    page = context.new_page()
    page.goto(server)
    settle(page, charts=1)
    sidebar = page.locator('[data-testid="stSidebar"]')
    box = sidebar.get_by_label("Search quotes, sentences, claimants")
    box.fill(TEXT)
    act(page, lambda: box.press("Enter"), charts=1)
    sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Claimant group").click()
    act(page, lambda: page.get_by_role("option", name=GROUP, exact=True).click(), charts=1)
    page.keyboard.press("Escape")
    # Another page through the navigation: the filters stay, in the session and the URL.
    act(page, lambda: page.get_by_role("link", name="Data").click())
    tabs = (f"Claims ({len(expected)})", f"Mentions ({len(mentions)})")
    for name in tabs:
        expect(page.get_by_role("tab", name=name)).to_be_visible()
    link = _copied_link(page)
    assert link.startswith(f"{server}/data?") and link == page.url
    _expect_filters(page)

    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        fresh = other.new_page()
        fresh.goto(link)
        settle(fresh)
        for name in tabs:
            expect(fresh.get_by_role("tab", name=name)).to_be_visible()
        _expect_filters(fresh)
        shoot(fresh, "shared-link-data")
        fresh.reload()
        settle(fresh)
        for name in tabs:
            expect(fresh.get_by_role("tab", name=name)).to_be_visible()
        _expect_filters(fresh)
        assert fresh.url == link
    finally:
        other.close()


def test_a_stale_link_says_so_in_the_browser(server, desk_data, context):
    page = context.new_page()
    page.goto(f"{server}/provenance?claim=c-gone-since&measure=killed&from=2024-31-12")
    settle(page)
    expect(page.get_by_text("No claim with the id")).to_be_visible()
    expect(page.get_by_text("could not be used")).to_be_visible()
    assert "measure=killed" in page.url and "from=" not in page.url
    shoot(page, "stale-link-provenance")


def test_briefing_pack_from_a_filtered_view(server, context):
    """From a link with filters to a PDF and a PPTX in one step each."""
    import io

    import pypdf
    from pptx import Presentation

    page = context.new_page()
    page.goto(f"{server}/briefing?measure=killed&measure=wounded")
    settle(page, charts=3)
    expect(page.get_by_role("heading", name="Briefing")).to_be_visible()
    expect(page.get_by_text("UNREVIEWED").first).to_be_visible()
    shoot(page, "briefing")
    with page.expect_download() as pdf:
        page.get_by_role("button", name="PDF").click()
    reader = pypdf.PdfReader(pdf.value.path())
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Measures: Killed, Wounded" in text and "Killed: estimates compared" in text
    with page.expect_download() as pptx:
        page.get_by_role("button", name="Slides (PPTX)").click()
    deck = Presentation(io.BytesIO(open(pptx.value.path(), "rb").read()))
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 3  # compare-killed, compare-wounded, timeline
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert pptx.value.suggested_filename.endswith(".pptx")
