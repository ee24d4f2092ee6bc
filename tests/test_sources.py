"""Claims and their echoes: first appearance, echoes with their lag, who carries whose
numbers, the Sankey's flows and the claimant chains, table-driven on small stores built
with the real build code (storekit's way: the extractor replaced by hand-made rows)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from unittest import mock

import duckdb
import pytest

from analysis import store
from analysis.present import sources
from analysis.present.queries import Filters
from analysis.present.sources import Focus
from storekit import copy_articles, figure_rows

D = dt.date


def article(name: str, publisher: str | None, published: str | None, body: str) -> tuple[str, str]:
    meta = [f"title: {name} report"]
    if publisher:
        meta.append(f"publisher: {publisher}")
    if published:
        meta.append(f"published: {published}")
    return f"{name}.txt", "---\n" + "\n".join(meta) + f"\n---\n{name} report\n{body}\n"


def row(name, quote, value, group="Ukraine", claimant="Volodymyr Zelensky", when="2024-10-20",
        measure="troops_deployed"):
    return (f"{name}.txt", quote, value, value, value, "exact", measure, claimant, group, when)


def desk(tmp_path: Path, articles: list[tuple[str, str]], rows: list[tuple]):
    """A store of these articles and figure rows; returns a read-only connection."""
    data = tmp_path / "data"
    empty = tmp_path / "no-seeds"
    empty.mkdir()
    folder = copy_articles(data, seeds=empty, extra=dict(articles))
    with mock.patch.object(store, "extract_article", lambda a: figure_rows(a, rows)):
        report = store.build(folder, data / "estimates.duckdb")
    return duckdb.connect(str(report.path), read_only=True)


SAID = "Officials said 3,000 soldiers were sent."
CASES = {
    "same claim on several days": (
        [article("a1", "Wire One", "2024-10-20", SAID), article("a2", "Wire Two", "2024-10-22", SAID),
         article("a3", "Wire Three", "2024-10-25", SAID)],
        [row("a1", "3,000", 3000), row("a2", "3,000", 3000), row("a3", "3,000", 3000)],
        {"a1": (True, 0), "a2": (False, 2), "a3": (False, 5)}),
    "a tie on the first day goes to the article name": (
        [article("b2", "Wire Two", "2024-10-20", SAID), article("b1", "Wire One", "2024-10-20", SAID),
         article("b3", "Wire One", "2024-10-21", SAID)],
        [row("b2", "3,000", 3000), row("b1", "3,000", 3000), row("b3", "3,000", 3000)],
        {"b1": (True, 0), "b2": (False, 0), "b3": (False, 1)}),
    "an undated article is an echo without a lag": (
        [article("c1", "Wire One", None, SAID), article("c2", "Wire Two", "2024-10-23", SAID)],
        [row("c1", "3,000", 3000), row("c2", "3,000", 3000)],
        {"c2": (True, 0), "c1": (False, None)}),
    "with no dated article the first by name is first": (
        [article("d2", "Wire Two", None, SAID), article("d1", None, None, SAID)],
        [row("d2", "3,000", 3000, when=None), row("d1", "3,000", 3000, when=None)],
        {"d1": (True, None), "d2": (False, None)}),
    "an article mentioning a claim twice cites it once": (
        [article("e1", "Wire One", "2024-10-20", "Headline: 3000 soldiers. " + SAID),
         article("e2", "Wire Two", "2024-10-21", SAID)],
        [row("e1", "3000", 3000), row("e1", "3,000", 3000), row("e2", "3,000", 3000)],
        {"e1": (True, 0), "e2": (False, 1)}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_first_appearance_and_echoes(tmp_path, case):
    articles, rows, expected = CASES[case]
    with desk(tmp_path, articles, rows) as con:
        apps = sources.appearances(con)
        firsts = sources.first_appearances(con)
    assert apps["claim_id"].nunique() == 1
    got = {r["article"].removesuffix(".txt"): (bool(r["is_first"]), None if r["lag_days"] is None or r["lag_days"] != r["lag_days"]
                          else int(r["lag_days"])) for r in apps.to_dict("records")}
    assert got == expected
    first = next(a for a, (is_first, _) in expected.items() if is_first)
    assert firsts.loc[0, "first_article"] == f"{first}.txt"
    assert firsts.loc[0, "n_echoes"] == len(expected) - 1


@pytest.fixture
def two_sides(tmp_path):
    """Ukraine's claim carried by Wire One (first) and Echo Post; South Korea's by Wire One
    and Seoul Daily (first); an unattributed number in Echo Post."""
    ua, kr = "Kyiv said 3,000 soldiers were sent.", "Seoul said 1,500 soldiers were sent."
    articles = [article("f1", "Wire One", "2024-10-20", ua), article("f2", "Echo Post", "2024-10-24", ua),
                article("f3", "Seoul Daily", "2024-10-18", kr), article("f4", "Wire One", "2024-10-19", kr),
                article("f5", "Echo Post", "2024-11-02", "Some 700 soldiers were sent.")]
    rows = [row("f1", "3,000", 3000), row("f2", "3,000", 3000),
            row("f3", "1,500", 1500, "South Korea", "NIS", "2024-10-18"),
            row("f4", "1,500", 1500, "South Korea", "NIS", "2024-10-18"),
            row("f5", "700", 700, "Unattributed", None, None)]
    with desk(tmp_path, articles, rows) as con:
        yield con


def test_outlet_table_counts_claims_per_group_and_first_reports(two_sides):
    counts = sources.outlet_counts(two_sides)
    table = sources.outlet_table(counts).set_index("publisher")
    assert table.loc["Wire One", ["Ukraine", "South Korea", "total claims", "first reports"]].tolist() == [1, 1, 2, 1]
    assert table.loc["Echo Post", ["Ukraine", "Unattributed", "first reports"]].tolist() == [1, 1, 1]
    assert table.loc["Seoul Daily", ["South Korea", "first reports"]].tolist() == [1, 1]


def test_outlets_that_repeat_only_one_side(two_sides):
    one_side = sources.one_side_outlets(sources.outlet_counts(two_sides)).set_index("publisher")
    assert sorted(one_side.index) == ["Echo Post", "Seoul Daily"]  # Wire One carries both sides
    assert one_side.loc["Echo Post", ["side", "claims", "first reports", "echoes", "unattributed claims"]].tolist() \
        == ["Ukraine", 1, 0, 1, 1]
    assert one_side.loc["Seoul Daily", "side"] == "South Korea"


def test_filters_and_focus_narrow_the_appearances(two_sides):
    ua = sources.appearances(two_sides, Filters(groups=("Ukraine",)))
    assert set(ua["article"]) == {"f1.txt", "f2.txt"}
    echo = sources.appearances(two_sides, focus=Focus("publisher", "Echo Post"))
    assert set(echo["article"]) == {"f2.txt", "f5.txt"}
    # focused on an outlet, an echo keeps its lag after the claim's first report elsewhere
    assert echo.set_index("article").loc["f2.txt", "lag_days"] == 4
    assert sources.appearances(two_sides, focus=Focus("group", "South Korea"))["article"].tolist() == ["f3.txt", "f4.txt"]


def test_sankey_flows_count_articles_and_gather_the_rest(two_sides):
    flow = sources.flow(two_sides, top=1)
    links = {(flow.labels[s], flow.labels[t]): v for s, t, v in zip(flow.sources, flow.targets, flow.values)}
    # the most cited claim (2 articles each; the claim_id breaks the tie) is drawn alone
    assert flow.n_claims == 3 and flow.n_shown == 1
    assert sum(v for (a, _), v in links.items() if a in ("Ukraine", "South Korea", "Unattributed")) == 5
    publishers_in = {}
    for (a, b), v in links.items():
        if b in ("Wire One", "Echo Post", "Seoul Daily"):
            publishers_in[b] = publishers_in.get(b, 0) + v
    assert publishers_in == {"Wire One": 2, "Echo Post": 2, "Seoul Daily": 1}
    others = [i for i, k in enumerate(flow.kinds) if k == "others"]
    assert others and all(flow.focus_of(i).kind == "group" for i in others)
    claim = flow.kinds.index("claim")
    assert flow.focus_of(claim) == Focus("claim", flow.keys[claim])


def test_sankey_figure_names_its_source_and_exports_offline(two_sides):
    fig = sources.sankey_figure(sources.flow(two_sides), "All figures (no filters)", made=D(2026, 12, 4))
    text = fig.to_json()
    assert "Who carries whose numbers" in text and "Source: Estimate Desk, 5 citing articles" in text
    html = sources.figure_html(fig).decode()
    # plotly.js is inside the page: no script, style or image is fetched from anywhere
    assert "<script" in html and "<script src" not in html and 'src="http' not in html
    assert len(html) > 1_000_000
    timeline = sources.timeline_figure(sources.echo_points(two_sides), "All")
    assert timeline.layout.xaxis.rangeslider.visible
    assert {t.marker.symbol for t in timeline.data} == {"circle", "circle-open"}


def test_publisher_markup_is_escaped_in_the_figures(tmp_path):
    hostile = "<b onmouseover=alert(1)>Evil</b> Wire"
    with desk(tmp_path, [article("h1", '"' + hostile + '"', "2024-10-20", SAID)],
              [row("h1", "3,000", 3000)]) as con:
        fig = sources.sankey_figure(sources.flow(con), "x")
    assert hostile not in fig.to_json() and "&lt;b onmouseover=alert(1)&gt;Evil&lt;/b&gt; Wire" in fig.data[0].node.label


def test_claimant_chain_and_what_each_says_now(tmp_path):
    arts = [article(f"n{i}", "Wire", day, f"NIS said {v} soldiers were sent.")
            for i, (v, day) in enumerate((("1,500", "2024-10-18"), ("3,000", "2024-10-23"),
                                          ("11,000", "2024-12-10"), ("12,000", None)))]
    rows = [row("n0", "1,500", 1500, "South Korea", "NIS", "2024-10-18"),
            row("n1", "3,000", 3000, "South Korea", "NIS", "2024-10-23"),
            row("n2", "11,000", 11000, "South Korea", "NIS", "2024-12-10"),
            row("n3", "12,000", 12000, "South Korea", "NIS", None)]
    with desk(tmp_path, arts, rows) as con:
        ids = dict(con.execute("SELECT value, claim_id FROM claims").fetchall())
        chain = sources.claimant_chain(con, ids[3000])
        undated = sources.claimant_chain(con, ids[12000])
        now = sources.latest_claims(con)
    assert sources.chain_text(chain) == "NIS: 1,500 (Oct 18) → 3,000 (Oct 23) → 11,000 (Dec 10)"
    assert [c["claim_id"] for c in undated] == [ids[12000]]
    assert sorted(zip(now["value"], now["undated"])) == [(11000, False), (12000, True)]


def test_one_side_outlets_agree_with_the_data_pages_claims(two_sides):
    """The Data page lists claims by publisher (queries.claims); an outlet is one-sided
    exactly when the claims it lists there name one side."""
    from analysis.present import queries
    one_side = dict(zip(*sources.one_side_outlets(sources.outlet_counts(two_sides))[["publisher", "side"]].T.values))
    for publisher in ("Wire One", "Echo Post", "Seoul Daily"):
        listed = queries.claims(two_sides, Filters(publishers=(publisher,)))
        sides = set(listed["claimant_group"]) - set(sources.SIDELESS)
        assert (publisher in one_side) == (len(sides) == 1)
        if publisher in one_side:
            assert sides == {one_side[publisher]}


def test_the_text_filter_finds_the_claims_the_data_page_finds(two_sides):
    """Sources reads the sidebar's search as every page does: "f3 report" is only in an
    article's title, so the claim that article cites matches, with all its appearances."""
    from analysis.present import queries
    chosen = Filters(text="f3 report")
    listed = set(queries.claims(two_sides, chosen)["claim_id"])
    assert listed and set(sources.appearances(two_sides, chosen)["claim_id"]) == listed
    assert set(sources.latest_claims(two_sides, chosen)["claim_id"]) == listed


@pytest.mark.parametrize("missing", [None, float("nan"), ""])
def test_a_claim_without_claimant_is_named_by_its_group(missing):
    # the flow reads plain rows (None) and the timeline a DataFrame's rows (NaN): the same
    # claim must get the same name in both, its group's
    row = {"claimant": missing, "claimant_group": "Unattributed", "qualifier": "exact",
           "value": 1500, "low": 1500, "high": 1500, "measure": "troops_deployed",
           "date": D(2024, 10, 18)}
    assert sources.claim_name(row).startswith("Unattributed: 1,500")
    assert sources.claim_name({**row, "claimant": "John Kirby"}).startswith("John Kirby: 1,500")
