"""Two dashboards (two Streamlit servers, each with its own data folder and store of the same
corpus, as two analysts' desks) on one PostgreSQL decision log, in headless Chromium: both
decide on the same figure and on one each; no decision is lost, the later one on the shared
figure is shown as a conflict and applied on top, and both desks end showing the same."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from analysis import store
from analysis.store import DECISIONS_ENV, decisions
from storekit import copy_articles
from test_browser import CHROMIUM, act, ran, serve, settle, shoot, watch_runs  # noqa: F401
from test_browser_review import css_key

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")]


def query(data: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(store.current_path(data / "estimates.duckdb")), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_two_desks_on_one_postgresql_log_lose_no_decision(pg, monkeypatch, tmp_path, context):
    monkeypatch.setenv(DECISIONS_ENV, pg)
    desks = []
    for name in ("desk-a", "desk-b"):
        data = tmp_path / name / "data"
        copy_articles(data)
        store.build(data / "articles", data / "estimates.duckdb")
        desks.append(data)
    article = query(desks[0], "SELECT article FROM figures GROUP BY article "
                              "HAVING count(*) >= 3 ORDER BY article LIMIT 1")[0][0]
    shared, own_a, own_b = [r[0] for r in query(
        desks[0], "SELECT mention_id FROM figures WHERE article = ? ORDER BY start LIMIT 3", [article])]
    with serve(desks[0], tmp_path / "a.log") as url_a, serve(desks[1], tmp_path / "b.log") as url_b:
        tabs = []
        for url, who in ((url_a, "Analyst A"), (url_b, "Analyst B")):
            tab = context.new_page()
            tab.goto(f"{url}/review")
            settle(tab)
            tab.get_by_test_id("stSidebar").get_by_label("Your name (recorded with your decisions)").fill(who)
            act(tab, lambda: tab.keyboard.press("Enter"))
            tab.get_by_test_id("stMain").get_by_role("combobox", name="Article", exact=True).click()
            act(tab, tab.get_by_role("option", name=re.compile(re.escape(f"({article})"))).click)
            tabs.append(tab)
        a, b = tabs
        for tab, mid in ((a, shared), (b, own_b), (a, own_a), (b, shared)):
            act(tab, tab.locator(css_key(f"rv-accept-{mid}")).get_by_role("button").click)
        body = b.inner_text("body")
        assert "Apply mine on top" in body and "Analyst A" in body, body[:3000]
        shoot(b, "team-conflict-desk-b")
        act(b, b.locator(css_key(f"rv-ontop-{shared}")).get_by_role("button").click)
        logged = decisions.load(pg)
        assert sorted((d["author"], d["start"]) for d in logged) == sorted(
            [("Analyst A", int(shared.rsplit(":", 1)[1].split("-")[0])),
             ("Analyst A", int(own_a.rsplit(":", 1)[1].split("-")[0])),
             ("Analyst B", int(own_b.rsplit(":", 1)[1].split("-")[0])),
             ("Analyst B", int(shared.rsplit(":", 1)[1].split("-")[0]))])
        for tab in tabs:
            assert "Traceback" not in tab.inner_text("body")
    for data in desks:  # each desk's next update shows all four
        store.refresh(data / "articles", data / "estimates.duckdb")
        statuses = dict(query(data, "SELECT mention_id, review_status FROM figures "
                                    "WHERE mention_id IN (?, ?, ?)", [shared, own_a, own_b]))
        assert statuses == {shared: "accepted", own_a: "accepted", own_b: "accepted"}
        assert query(data, "SELECT count(*) FROM decisions")[0][0] == 4
