"""Clicking a chart opens the claim on Provenance, in a real browser (see test_browser.py)."""
from __future__ import annotations

import io

import duckdb
import pytest
from PIL import Image
from playwright.sync_api import expect

from analysis.present import queries
from test_browser import CHROMIUM, act, page, serve, settle, shoot  # noqa: F401  (page: a fixture)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMIUM.exists(), reason="no Debian chromium")]

# The group colour of "Other" (analysis.extract.vocab.GROUP_COLORS) as a range bar draws it:
# at opacity 0.35 over white.
OTHER = (0xFF, 0x7F, 0x0E)
BAR = tuple(round(255 * 0.65 + c * 0.35) for c in OTHER)


@pytest.fixture(scope="module")
def server(desk_data, tmp_path_factory):
    with serve(desk_data, tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


def _centre_of(png: bytes, colour: tuple[int, int, int], tolerance: int = 14) -> tuple[float, float]:
    """The centre of the pixels of one colour in a screenshot."""
    img = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = img.size
    px = img.load()
    hits = [(x, y) for y in range(h) for x in range(w)
            if all(abs(a - b) <= tolerance for a, b in zip(px[x, y], colour))]
    assert len(hits) > 20, f"no mark of colour {colour} found"
    return sum(x for x, _ in hits) / len(hits), sum(y for _, y in hits) / len(hits)


def test_a_click_on_a_range_bar_opens_its_claim_on_provenance(server, page, desk_data):  # noqa: F811
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    western = queries.claims(con.cursor(), queries.Filters(measures=("troops_deployed",), groups=("Other",)))
    con.close()
    assert len(western) == 1 and western["low"][0] < western["high"][0]  # a range: drawn as a bar
    page.goto(server)
    settle(page, charts=5)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    x, y = _centre_of(chart.screenshot(), BAR)
    box = chart.bounding_box()
    act(page, lambda: page.mouse.click(box["x"] + x, box["y"] + y))
    settle(page)
    expect(page.get_by_role("heading", name="Provenance")).to_be_visible()
    assert f"claim={western['claim_id'][0]}" in page.url
    expect(page.get_by_role("heading", name="10,000–12,000 · Troops deployed")).to_be_visible()
    shoot(page, "provenance-after-click")


def test_the_search_picker_is_the_keyboard_way_in(server, page):  # noqa: F811
    page.goto(f"{server}/provenance")
    settle(page)
    box = page.get_by_label("Find a claim")
    box.fill("1,100")
    act(page, lambda: box.press("Enter"))
    expect(page.get_by_role("heading", name="1,100 · Casualties (killed and wounded)")).to_be_visible()
