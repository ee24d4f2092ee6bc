"""The Sources page in Chromium: clicking a node narrows the page to it. Streamlit 1.67
passes no click on a Sankey node to the script (its plotly click handler takes hierarchy
sectors only), so the node bars under the Sankey are what is clicked; the test also checks
that the Sankey itself emits plotly_click for a node, so a later Streamlit can take it."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_browser import SHOTS, act, page, serve, settle, shoot  # noqa: F401 (page: a fixture)

pytestmark = pytest.mark.slow

CHART = '[data-testid="stPlotlyChart"]'


@pytest.fixture(scope="module")
def server(desk_data, tmp_path_factory):
    with serve(desk_data, tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


def sankey_labels(page) -> list[str]:
    return [t.strip() for t in page.locator(CHART).first.locator("g.sankey-node text.node-label")
            .all_text_contents()]


def wait_for_charts(page) -> None:
    settle(page)
    page.wait_for_selector(f"{CHART} g.sankey-node")
    page.wait_for_selector(f"{CHART} g.trace.bars g.point path")


def test_clicking_a_node_narrows_the_page(server, page):
    page.goto(f"{server}/sources")
    wait_for_charts(page)
    names = sankey_labels(page)
    assert "Example Wire" in names and "Báo Thanh niên (Thanh Nien)" in names
    # the Sankey's own node click is emitted by plotly (fixed arrangement)
    page.evaluate("""() => { window.__clicks = [];
        document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot')
            .on('plotly_click', e => window.__clicks.push(e.points[0].customdata)); }""")
    page.locator(CHART).first.locator("g.sankey-node").nth(names.index("Example Wire")) \
        .locator("rect.node-rect").click(force=True)
    assert page.evaluate("window.__clicks") == ["publisher|Example Wire"]
    shoot(page, "sources")
    # the camera saves the Sankey as drawn (title and source line inside) at 2x, offline
    chart = page.locator(CHART).first
    chart.hover()
    with page.expect_download() as got:
        chart.locator('.modebar-btn[data-title="Download plot as a PNG"]').first.click()
    png = got.value.path().read_bytes()
    (SHOTS / "sources-sankey-download.png").write_bytes(png)  # to look at
    width = int.from_bytes(png[16:20], "big")
    drawn = chart.locator(".main-svg").first.bounding_box()["width"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and abs(width - 2 * drawn) <= 2
    bars = page.locator(CHART).nth(1)
    index = bars.locator(".js-plotly-plot").evaluate(
        "gd => gd.data[0].customdata.indexOf('publisher|Example Wire')")
    target = bars.locator("g.trace.bars g.point path").nth(index)  # drawn in data order
    act(page, lambda: target.click(force=True))
    wait_for_charts(page)
    expect(page.get_by_text("Narrowed to Publisher: Example Wire")).to_be_visible()
    narrowed = sankey_labels(page)
    assert "Example Wire" in narrowed and "Báo Thanh niên (Thanh Nien)" not in narrowed
    assert set(narrowed) < set(names)
    shoot(page, "sources-narrowed")
    act(page, lambda: page.get_by_role("button", name="Show everything").click())
    wait_for_charts(page)
    assert sorted(sankey_labels(page)) == sorted(names)
