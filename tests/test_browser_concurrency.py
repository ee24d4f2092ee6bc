"""Two browser sessions and a command-line writer deciding at once, on the same figure and
on one each, for a bounded number of rounds: every action ends as a logged decision or a
conflict shown to whoever took it (then applied on top or dropped on purpose); none is
silently lost. Each action carries its own note, so the log says which ones landed.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from analysis import store
from analysis.store import decisions
from storekit import copy_articles, span
from storekit import q as query
from test_browser import CHROMIUM, ROOT, act, serve, settle, shoot
from test_browser_review import css_key

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")]

ROUNDS = 2
CLI_ACTIONS = 6

# The command-line side: decisions taken on the state it last read (as a script that
# checks would), alternating between the shared figure and its own. A refused one is
# reported, then applied on top of the other. One JSON line per outcome.
CLI = """
import json, random, sys, time
from pathlib import Path
from analysis.store import decisions
log = Path(sys.argv[1])
spans = json.loads(sys.argv[2])
random.seed(7)
for k in range({n}):
    name = ("shared", "cli")[k % 2]
    span = spans[name]
    key = (span["article_sha"], span["start"], span["end"])
    seen = (decisions.latest_by_span(decisions.load(log)).get(key) or {{}}).get("id")
    time.sleep(random.uniform(0.5, 2.5))  # the analyst at the terminal thinks
    note = f"cli {{k}}"
    try:
        n = decisions.record(log, action="accept", note=note, based_on=seen, **span)
        print(json.dumps({{"note": note, "outcome": "logged", "id": n}}), flush=True)
    except decisions.Conflict as exc:
        print(json.dumps({{"note": note, "outcome": "conflict", "other": exc.other["id"]}}), flush=True)
        n = decisions.record(log, action="accept", note=note, based_on=exc.other["id"], **span)
        print(json.dumps({{"note": note, "outcome": "logged", "id": n}}), flush=True)
"""


def open_queue(tab, url: str, article: str) -> None:
    """Review, all mentions of one article (cards stay after a decision). Seen here: after
    a decision the Article box falls back to All articles (probably because its labels
    carry counts that change); the article's cards are on the first page of All articles too, so the rounds
    go on either way."""
    tab.goto(f"{url}/review")
    settle(tab)
    main = tab.get_by_test_id("stMain")
    main.get_by_role("combobox", name="Show", exact=True).click()
    act(tab, tab.get_by_role("option", name="All mentions", exact=True).click)
    main.get_by_role("combobox", name="Article", exact=True).click()
    act(tab, tab.get_by_role("option", name=re.compile(re.escape(f"({article})"))).click)


def decide(tab, mid: str, quote: str, note: str, resolve: str) -> str:
    """Accept a figure with a note; on a conflict, `resolve` it ("ontop" or "drop"), again
    if yet another decision came meanwhile. Returns what happened: logged, conflict-ontop
    or conflict-drop."""
    box = tab.locator(css_key(f"rv-note-{mid}")).locator("input")
    box.fill(note)
    act(tab, lambda: box.press("Enter"))
    act(tab, tab.locator(css_key(f"rv-accept-{mid}")).get_by_role("button").click)
    # the page says which: saved, or not saved yet because of another decision
    expect(tab.get_by_text(f"Accepted “{quote}”.").or_(
        tab.locator(css_key(f"rv-ontop-{mid}")))).to_be_visible()
    outcome = "logged"
    for _ in range(10):
        if not tab.locator(css_key(f"rv-ontop-{mid}")).count():
            return outcome
        warning = tab.get_by_text(re.compile("Not saved yet: while you had")).inner_text()
        assert "another decision was taken on it" in warning, warning
        outcome = f"conflict-{resolve}"
        act(tab, tab.locator(css_key(f"rv-{resolve}-{mid}")).get_by_role("button").click)
        if resolve == "drop":
            assert "Dropped your decision" in tab.inner_text("body")
    raise AssertionError(f"{note}: still in conflict after ten tries")


def test_two_sessions_and_a_cli_lose_no_decision(context, tmp_path):
    data = tmp_path / "data"
    copy_articles(data)
    store.build(data / "articles", data / "estimates.duckdb")
    article = query(data, "SELECT article FROM figures WHERE article LIKE '00%' GROUP BY article "
                          "HAVING count(*) >= 3 ORDER BY article LIMIT 1")[0][0]
    shared, own_a, own_b = [r[0] for r in query(
        data, 'SELECT mention_id FROM figures WHERE article = ? ORDER BY "start" LIMIT 3', [article])]
    own_cli = query(data, "SELECT mention_id FROM figures WHERE article <> ? ORDER BY mention_id "
                          "LIMIT 1", [article])[0][0]
    log = store.decisions_path(data / "estimates.duckdb")
    spans = {"shared": span(data, shared), "cli": span(data, own_cli)}
    outcomes: dict[str, str] = {}
    quotes = {m: span(data, m)["quote"] for m in (shared, own_a, own_b)}
    with serve(data, tmp_path / "streamlit.log") as url:
        tabs = [context.new_page(), context.new_page()]
        for tab in tabs:
            open_queue(tab, url, article)
        cli = subprocess.Popen([sys.executable, "-c", CLI.format(n=CLI_ACTIONS), str(log),
                                json.dumps(spans)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        for r in range(ROUNDS):
            resolve = ("ontop", "drop")[r % 2]
            for name, tab, own in (("A", tabs[0], own_a), ("B", tabs[1], own_b)):
                for mid, what in ((shared, "shared"), (own, "own"))[:2 if r == 0 else 1]:
                    note = f"{name} {what} {r}"
                    try:
                        outcomes[note] = decide(tab, mid, quotes[mid], note, resolve)
                    except Exception:
                        shoot(tab, "concurrency-failed")
                        raise
        out, err = cli.communicate(timeout=120)
        assert cli.returncode == 0, err
        for n, tab in enumerate(tabs):
            assert "Traceback" not in tab.inner_text("body")
            shoot(tab, f"concurrency-tab-{'AB'[n]}")
    cli_lines = [json.loads(line) for line in out.splitlines()]
    logged = {d["note"]: d for d in decisions.load(log)}
    # every action: logged (once), or shown as a conflict and dropped on purpose
    for note, outcome in outcomes.items():
        assert (note in logged) == (outcome != "conflict-drop"), (
            note, outcome, [(d["id"], d["start"], d["note"], d["created_at"]) for d in logged.values()])
    cli_notes = {c["note"] for c in cli_lines}
    assert len(cli_notes) == CLI_ACTIONS and cli_notes <= set(logged)
    assert len(logged) == len(decisions.load(log))  # no note twice
    assert len(logged) == sum(o != "conflict-drop" for o in outcomes.values()) + CLI_ACTIONS
    # the shared figure was fought over: conflicts were shown, in the browser and the CLI
    assert sum(o.startswith("conflict") for o in outcomes.values()) >= ROUNDS
    assert outcomes["A own 0"] == outcomes["B own 0"] == "logged"
    # the store, brought up to date, holds every logged decision
    store.refresh(data / "articles", data / "estimates.duckdb")
    assert query(data, "SELECT count(*) FROM decisions")[0][0] == len(logged)
    states = dict(query(data, "SELECT mention_id, review_status FROM figures WHERE mention_id "
                              "IN (?, ?, ?, ?)", [shared, own_a, own_b, own_cli]))
    assert set(states.values()) == {"accepted"}
