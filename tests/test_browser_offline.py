"""In a real browser (Debian's chromium): no request leaves 127.0.0.1 on any page, and no
text from the data becomes markup in the DOM.

One server reads the hostile store of tests/test_hostile.py (the fixture store plus an
article and an analyst hostile in every field). The pages are the links of the sidebar's
navigation, so a page added later is visited too.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from test_browser import CHROMIUM, act, serve, settle, shoot
from test_hostile import PAYLOAD, SEARCH, hostile_data  # noqa: F401 - the fixture

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")]

LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}

# Markup the payload would become if any page rendered it: <script>, <img onerror>,
# <b>, a link to evil.example, emphasis, maths, inline code.
MARKUP_FROM_DATA = """() => {
  const bad = [];
  const text = e => e.textContent.trim();
  document.querySelectorAll('script').forEach(s => { if (text(s).includes('alert(')) bad.push('script'); });
  document.querySelectorAll('img').forEach(i => {
    if (i.getAttribute('src') === 'x' || i.hasAttribute('onerror')) bad.push('img'); });
  document.querySelectorAll('[onerror], [onmouseover]').forEach(() => bad.push('event handler'));
  const where = e => (e.closest('[data-testid]') || e).getAttribute('data-testid');
  document.querySelectorAll('a[href*="evil.example"]').forEach(a =>
    bad.push('link ' + a.href + ' in ' + where(a) + ': ' + a.parentElement.outerHTML.slice(0, 300)));
  document.querySelectorAll('b, strong').forEach(b => {
    if (['b', 'Bold'].includes(text(b))) bad.push('bold ' + text(b)); });
  document.querySelectorAll('em, i').forEach(e => { if (text(e) === 'it') bad.push('emphasis'); });
  document.querySelectorAll('.katex, math').forEach(() => bad.push('maths'));
  document.querySelectorAll('code').forEach(c => { if (text(c) === 'code') bad.push('code'); });
  return bad;
}"""


@pytest.fixture(scope="module")
def server(hostile_data, tmp_path_factory):
    with serve(hostile_data, tmp_path_factory.mktemp("offline") / "streamlit.log") as url:
        yield url


@pytest.fixture
def watched(context):
    """A page whose every request (and websocket) is recorded; any that would leave the
    machine is refused and listed."""
    outside: list[str] = []
    asked: list[str] = []

    def local(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL

    def gate(route):
        if local(route.request.url):
            asked.append(route.request.url)
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    page = context.new_page()
    page.on("websocket", lambda ws: None if local(ws.url) else outside.append(ws.url))
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.outside, page.asked = outside, asked
    return page


def nav_links(page) -> list[str]:
    links = page.get_by_test_id("stSidebarNav").get_by_role("link")
    # a link's text is its icon's ligature name, then its title
    return [links.nth(i).inner_text().strip().split("\n")[-1].strip() for i in range(links.count())]


def go(page, name: str) -> None:
    act(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True).click)


def test_no_request_leaves_the_machine_and_no_text_becomes_markup(server, watched):
    page = watched
    page.goto(server)
    settle(page, charts=1)
    box = page.get_by_label("Search quotes, sentences, claimants")
    box.fill(SEARCH)  # every page then shows the hostile figures
    act(page, lambda: box.press("Enter"))
    names = nav_links(page)
    assert len(names) >= 6, names
    seen = []
    for name in names:
        go(page, name)
        page.wait_for_timeout(500)  # icons, fonts and images the page asks for
        assert page.evaluate(MARKUP_FROM_DATA) == [], name
        seen.append(page.inner_text("body"))
    # a chart's download, a claim opened in Provenance, its mentions and review history
    go(page, names[0])
    page.wait_for_selector(".vega-embed svg, .vega-embed canvas", timeout=60_000)
    with page.expect_download() as png:
        page.get_by_role("button", name="PNG (2×)").first.click()
    assert png.value.suggested_filename.endswith(".png")
    act(page, page.get_by_role("button", name="Open in Provenance").click)
    expect(page.get_by_role("heading", name="Provenance")).to_be_visible()
    page.locator(".desk-para mark").first.hover()
    act(page, page.get_by_text("Mention", exact=True).click)
    assert page.evaluate(MARKUP_FROM_DATA) == []
    shoot(page, "hostile-provenance")
    seen.append(page.inner_text("body"))
    shown = "\n".join(seen)
    assert f"{PAYLOAD} title" in shown and f"{PAYLOAD} claimant" in shown  # shown, as text
    assert page.outside == [], page.outside
    assert page.dialogs == []
    # the gate saw the page's own files: the icon font is among them, served by the server
    assert any(urlsplit(u).path.endswith((".woff2", ".woff", ".ttf")) for u in page.asked)
