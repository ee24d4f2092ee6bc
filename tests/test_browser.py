"""A real `streamlit run app.py` server driven by headless Chromium (Debian's, via Playwright).

Screenshots of every page go to artifacts/screenshots/. The server reads the fixture
store through $ESTIMATE_DESK_DATA, never the repository's data/.
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import expect

from analysis.present import queries

expect.set_options(timeout=30_000)

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium "
           "(apt-get install chromium; CI installs it; never `playwright install`)")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(data: Path, log: Path):
    """`streamlit run app.py` on a free port, reading `data`; yields its URL. On the way
    out the server is stopped and its log checked for tracebacks."""
    port = _free_port()
    env = {**os.environ, "ESTIMATE_DESK_DATA": str(data)}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.headless", "true", "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert "Traceback" not in log.read_text(), log.read_text()[-3000:]


@pytest.fixture(scope="module")
def server(desk_data, tmp_path_factory):
    with serve(desk_data, tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


@pytest.fixture
def page(context):
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def settle(page, charts: int = 0) -> None:
    """Wait for the script run to finish and for `charts` charts to be drawn."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=60_000)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.vega-embed svg, .vega-embed canvas').length >= {charts}",
            timeout=60_000)
    page.wait_for_timeout(400)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in page.inner_text("body")


WATCH_RUNS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    window.__deskRuns = 0;
    if (window.__deskWatch) window.__deskWatch.disconnect();
    window.__deskWatch = new MutationObserver(() => { window.__deskRuns += 1; });
    window.__deskWatch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def watch_runs(page) -> None:
    """Start counting the script runs of `page` (see ran())."""
    page.evaluate(WATCH_RUNS)


def ran(page, charts: int = 0) -> None:
    """Wait for a run counted since watch_runs() to begin, then to end.

    settle() alone can return before a run has begun: the page still says it is not
    running in the moment between a click and the server's answer.
    """
    page.wait_for_function("window.__deskRuns > 0", timeout=60_000)
    settle(page, charts=charts)


def act(page, action, charts: int = 0) -> None:
    """Do `action` (a click, a key press) and wait for the script run it starts to end."""
    watch_runs(page)
    action()
    ran(page, charts=charts)


def shoot(page, name: str) -> Path:
    """Screenshot the whole page: Streamlit scrolls inside its main block, so the
    viewport is grown to the content's height first."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("""() => Math.max(...[...document.querySelectorAll(
        '[data-testid="stMain"], [data-testid="stMainBlockContainer"], body')]
        .map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 8000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path


def test_deep_link_first_then_every_page(server, page, desk_data):
    # A fresh server whose first request is a deep link still runs app.py (sidebar,
    # store check) around the page.
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    claims = queries.claims(con.cursor(), queries.Filters(measures=("wounded",)))
    con.close()
    hostile = claims["claim_id"][0]
    page.goto(f"{server}/provenance?claim={hostile}")
    settle(page)
    expect(page.get_by_role("heading", name="Provenance")).to_be_visible()
    expect(page.locator('[data-testid="stSidebar"]').get_by_text("Filters", exact=True)).to_be_visible()
    mark = page.locator(".desk-para mark")
    expect(mark).to_have_count(1)  # waits for the card: a busy machine draws it late
    assert "onmouseover" in mark.inner_text()  # shown, not run
    assert page.locator(".desk-card h4").inner_text().startswith("<img src=x")
    page.locator(".desk-para mark").hover()
    assert page.dialogs == []
    shoot(page, "provenance-hostile")

    page.goto(server)
    settle(page, charts=5)
    expect(page.get_by_role("heading", name="Compare estimates")).to_be_visible()
    shoot(page, "compare")

    page.goto(f"{server}/timeline")
    settle(page, charts=1)
    expect(page.get_by_text("Hollow markers use the article")).to_be_visible()
    shoot(page, "timeline")

    page.goto(f"{server}/provenance")
    settle(page)
    act(page, page.get_by_text("Mention", exact=True).click)
    shoot(page, "provenance")

    page.goto(f"{server}/data")
    settle(page)
    expect(page.get_by_role("tab", name="Claims (12)")).to_be_visible()
    shoot(page, "data")
    assert page.dialogs == []


def test_chart_downloads_png_and_svg(server, page):
    page.goto(server)
    settle(page, charts=5)
    with page.expect_download() as png:
        page.get_by_role("button", name="PNG (2×)").first.click()
    data = Path(png.value.path()).read_bytes()
    assert png.value.suggested_filename == "estimate-desk-compare-troops_deployed.png"
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and int.from_bytes(data[16:20], "big") >= 1240
    with page.expect_download() as svg:
        page.get_by_role("button", name="SVG").first.click()
    root = ET.fromstring(Path(svg.value.path()).read_bytes())
    assert root.tag.endswith("svg")
    assert "Troops deployed: estimates compared" in "".join(root.itertext())


def test_a_filter_that_matches_nothing_in_the_browser(server, page):
    page.goto(f"{server}/timeline")
    settle(page, charts=1)
    box = page.get_by_label("Search quotes, sentences, claimants")
    box.fill("no figure says this")
    act(page, lambda: box.press("Enter"))
    expect(page.get_by_text("No claims match the filters")).to_be_visible()
    assert page.locator(".vega-embed").count() == 0
    shoot(page, "timeline-no-match")
