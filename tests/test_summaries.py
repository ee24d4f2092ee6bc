"""Views that summarise: the per-claimant summary, the latest-claim rule, timeline bins,
paging, the search pickers and the text filter, checked against the Data page's rows."""
from __future__ import annotations

import datetime as dt
import json
import re

import duckdb
import pandas as pd
import pytest

from analysis.present import charts, queries
from analysis.present.queries import Filters
from analysis import store
from analysis.store import derived
from analysis.store.claims import CLAIM_COLUMNS

FILTERS = [Filters(), Filters(measures=("troops_planned", "casualties")),
           Filters(date_from=dt.date(2024, 10, 22)), Filters(text="kursk"),
           Filters(groups=("Ukraine", "South Korea"))]


@pytest.fixture(scope="module")
def con(desk_data):
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    yield con.cursor()
    con.close()


def latest_by_rule(rows: list[dict]) -> str:
    """The latest claim as the brief words it, in Python: by date ascending (undated
    first: they never supersede a dated claim), then n_articles, then claim_id; the last."""
    return sorted(rows, key=lambda r: (r["date"] is not None, r["date"] or dt.date.min,
                                       r["n_articles"], r["claim_id"]))[-1]["claim_id"]


def expected_summary(claims: pd.DataFrame, by: str) -> dict:
    groups: dict[tuple, list[dict]] = {}
    for r in queries.records(claims):
        who = (r["claimant"] or "") if by == "claimant" else r["claimant_group"]
        groups.setdefault((r["measure"], r["claimant_group"], who), []).append(r)
    out = {}
    for key, rows in groups.items():
        out[key] = {
            "n_claims": len(rows),
            "band_low": min(r["low"] if r["low"] is not None else r["value"] for r in rows),
            "band_high": max(r["high"] if r["high"] is not None else r["value"] for r in rows),
            "n_articles_all": len({a for r in rows for a in r["articles"]}),
            "latest": latest_by_rule(rows),
        }
    return out


@pytest.mark.parametrize("by", ["claimant", "group"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: f.describe())
def test_summary_agrees_with_the_data_pages_rows(con, filters, by):
    claims = queries.claims(con, filters)  # what the Data page lists
    want = expected_summary(claims, by)
    got = queries.claim_summary(con, filters, by)
    assert len(got) == len(want) and int(got["n_claims"].sum()) == len(claims)
    for r in queries.records(got):
        w = want[(r["measure"], r["claimant_group"], r["who"])]
        assert (r["n_claims"], r["band_low"], r["band_high"], r["n_articles_all"]) == (
            w["n_claims"], w["band_low"], w["band_high"], w["n_articles_all"])
        assert r["claim_id"] == w["latest"]
    for measure, rows in got.groupby("measure"):
        cited = {a for arts in claims[claims["measure"] == measure]["articles"] for a in arts}
        assert set(rows["n_articles_measure"]) == {len(cited)}


def test_latest_per_claimant_query_matches_the_summary(con):
    for by in ("claimant", "group"):
        latest = set(queries.latest_per_claimant(con, Filters(), by)["claim_id"])
        assert latest == set(queries.claim_summary(con, Filters(), by)["claim_id"])


def _claim(claim_id, date, n_articles, value=1000.0, claimant="NIS", group="South Korea",
           measure="killed"):
    return {"claim_id": claim_id, "measure": measure, "claimant_group": group, "claimant": claimant,
            "claimants": [claimant] if claimant else [], "value": value, "low": value, "high": value,
            "qualifier": "exact", "claim_date": date, "date": date,
            "date_basis": "claim" if date else None, "n_articles": n_articles,
            "n_mentions": n_articles, "mention_ids": [f"m-{claim_id}"],
            "articles": [f"{claim_id}-{i}.txt" for i in range(n_articles)],
            "publishers": ["Example Wire"], "quote": f"{value:,.0f}", "sentence": "A sentence.",
            "n_reviewed": 0, "reviewed": False}


def test_latest_claim_rule_ties_and_undated():
    """Later date wins; on one date more citing articles, then the larger claim_id; an
    undated claim never supersedes a dated one, however cited."""
    d = dt.date
    rows = [
        _claim("c1", d(2024, 11, 1), 9), _claim("c2", d(2024, 12, 1), 1), _claim("c3", None, 50),
        _claim("k1", d(2024, 12, 5), 2, claimant="Kirby", group="United States"),
        _claim("k2", d(2024, 12, 5), 3, claimant="Kirby", group="United States"),
        _claim("t1", d(2024, 12, 5), 2, claimant="Singh", group="United States"),
        _claim("t2", d(2024, 12, 5), 2, claimant="Singh", group="United States"),
        _claim("u1", None, 1, claimant=None, group="Ukraine"),
        _claim("u2", None, 4, claimant=None, group="Ukraine"),
    ]
    con = duckdb.connect()
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    con.register("frame", frame)
    con.execute("CREATE TABLE claims AS SELECT * FROM frame")
    # a built store holds every article a claim cites
    con.execute("CREATE TABLE articles AS SELECT DISTINCT unnest(articles) AS article FROM claims")
    con.execute(derived.SCHEMA)  # and their numbers, which the counts of citing articles read
    derived.renumber(con)
    derived.number(con)
    got = {r["who"]: r for r in queries.records(queries.claim_summary(con, Filters()))}
    assert got["NIS"]["claim_id"] == "c2" and got["NIS"]["n_claims"] == 3
    assert got["Kirby"]["claim_id"] == "k2" and got["Singh"]["claim_id"] == "t2"
    assert got[""]["claim_id"] == "u2"  # unnamed, all undated: the most cited
    assert got["NIS"]["n_articles_all"] == 60
    groups = {r["claimant_group"]: r["claim_id"] for r in queries.records(
        queries.claim_summary(con, Filters(), "group"))}
    assert groups == {"South Korea": "c2", "United States": "k2", "Ukraine": "u2"}
    # A window that leaves out December: the November claim is the latest in it.
    windowed = queries.claim_summary(con, Filters(date_to=dt.date(2024, 11, 30)))
    assert windowed["claim_id"].tolist() == ["c1"]
    # The chart names the unnamed source and its group, never "nan".
    labels = charts.compare_rows(queries.claim_summary(con, Filters()), "killed")["label"]
    assert any(label.startswith("unnamed source (Ukraine)") for label in labels)
    assert not any("nan" in label.lower() for label in labels)
    con.close()


def test_paging_shows_every_claim_once(con):
    summary = queries.claim_summary(con, Filters(), "group")
    row = summary.sort_values("n_claims").iloc[-1]
    assert row["n_claims"] >= 2
    seen = []
    for offset in range(0, int(row["n_claims"]) + 2, 1):
        page = queries.claims_of(con, Filters(), row["measure"], row["claimant_group"], None,
                                 limit=1, offset=offset)
        seen += page["claim_id"].tolist()
    every = queries.claims(con, Filters(measures=(row["measure"],), groups=(row["claimant_group"],)))
    assert sorted(seen) == sorted(every["claim_id"]) and len(seen) == len(set(seen))
    # Most cited first.
    cited = queries.claims_of(con, Filters(), row["measure"], row["claimant_group"], limit=50)
    assert cited["n_articles"].tolist() == sorted(cited["n_articles"], reverse=True)
    # The Data page's pages, claims and mentions.
    for fetch, count in ((queries.claims, queries.count_claims), (queries.mentions, queries.count_mentions)):
        total = count(con, Filters())
        pages = [fetch(con, Filters(), limit=5, offset=o) for o in range(0, total + 5, 5)]
        ids = [i for p in pages for i in p.iloc[:, 0].tolist()]
        assert ids == fetch(con, Filters()).iloc[:, 0].tolist() and len(ids) == total


@pytest.mark.parametrize("query, column, expected", [
    ("1,100", "value", 1100.0),
    ("3000 kirby", "claimant", "John Kirby"),
    ("John Kirby", "claimant", "John Kirby"),
    ("exceeds", "quote", "exceeds 3,000"),
])
def test_search_ranks_an_exact_match_first(con, query, column, expected):
    found = queries.search_claims(con, query)
    assert 0 < len(found) <= queries.SEARCH_LIMIT
    assert found[column].iloc[0] == expected


def test_search_without_text_lists_the_newest_and_respects_filters(con):
    found = queries.search_claims(con, "")
    dated = [d for d in found["date"] if d is not None]
    assert dated == sorted(dated, reverse=True) and found["date"].iloc[0] == max(dated)
    assert queries.search_claims(con, "3000", Filters(measures=("killed",))).empty
    assert queries.search_claims(con, "no such words").empty
    mentions = queries.search_mentions(con, "kursk")
    assert len(mentions) and all("kursk" in f"{m['quote']} {m['sentence']} {m['title']}".lower()
                                 for m in queries.records(mentions))
    articles = queries.search_articles(con, "Western estimate")
    assert articles["article"].iloc[0] == "098_range.txt"


def test_text_filter_reads_every_mentions_sentence_and_the_titles(con):
    # A word only in an article's title: its claims are found.
    title_only = queries.claims(con, Filters(text="Western estimate"))
    nearly = title_only[title_only["quote"] == "nearly 300"]
    assert len(nearly) == 1 and "western estimate" not in nearly["sentence"].iloc[0].lower()
    # A word only in the sentence of a claim's second mention (not its lead sentence).
    two = queries.claims(con)[lambda d: d["n_mentions"] > 1].iloc[0]
    sentences = {m["mention_id"]: m["sentence"] for m in queries.records(
        queries.mentions_of_claim(con, two["claim_id"]))}
    other = next(s for s in sentences.values() if s != two["sentence"])
    word = next(w for w in re.findall(r"[A-Za-z]{5,}", other)
                if w.lower() not in two["sentence"].lower() and w.lower() not in (two["claimant"] or "").lower())
    assert two["claim_id"] in set(queries.claims(con, Filters(text=word))["claim_id"])
    assert two["claim_id"] in set(queries.claim_summary(con, Filters(text=word))["claim_id"])


def test_timeline_bins_agree_with_the_claims(con):
    bins = queries.timeline_bins(con, Filters(), unit="week")
    dated = queries.claims(con)[lambda d: d["date"].notna()]
    assert int(bins["n"].sum()) == len(dated)
    for b in queries.records(bins):
        inside = dated[(dated["measure"] == b["measure"]) & (dated["claimant_group"] == b["claimant_group"])
                       & dated["date"].map(lambda d: b["bin"] <= d <= b["bin_end"])]
        assert len(inside) == b["n"]
        assert (inside["value"].min(), inside["value"].max(), inside["value"].median()) == (
            b["low"], b["high"], b["median"])
        assert b["bin"].weekday() == 0 and (b["bin_end"] - b["bin"]).days == 6


def test_timeline_draws_claims_while_few_and_bins_past_the_limit(con, monkeypatch):
    chart, claims, bins = charts.timeline_view(con, Filters())
    assert bins is None and charts.clickable(chart)
    monkeypatch.setattr(charts, "MAX_TIMELINE_POINTS", 3)
    chart, claims, bins = charts.timeline_view(con, Filters())
    assert claims is None and len(bins) and not charts.clickable(chart)
    spec = json.dumps(chart.to_dict())
    assert len(spec) < 1_000_000 and "binned by day" in spec
    assert "Claims in a bin" in spec


def test_compare_caps_its_rows_and_says_how_many_it_left_out(monkeypatch):
    rows = [_claim(f"c{i:03d}", dt.date(2024, 11, 1) + dt.timedelta(days=i), 1 + i % 7,
                   claimant=f"Claimant {i:03d}") for i in range(80)]
    con = duckdb.connect()
    con.register("frame", pd.DataFrame(rows, columns=CLAIM_COLUMNS))
    con.execute("CREATE TABLE claims AS SELECT * FROM frame")
    for ddl in store.SCHEMA.split(";"):  # the store's other tables, empty (no grades)
        if ddl.strip() and "CREATE TABLE claims" not in ddl:
            con.execute(ddl)
    con.execute("INSERT INTO articles (article) SELECT DISTINCT unnest(articles) FROM claims")
    derived.renumber(con)
    derived.number(con)
    monkeypatch.setattr(charts, "MAX_ROWS", 25)
    ((measure, chart, summary),) = charts.compare_charts(con, Filters())
    spec = chart.to_dict()
    assert len(spec["datasets"][charts.ROWS]) == 25 and len(summary) == 80
    footnote = " ".join(spec["vconcat"][0]["title"]["text"])
    assert "55 more claimants with fewer claims not drawn." in footnote
    assert "Sources: 80 claims" in footnote
    con.close()


def test_the_page_timing_bench_runs_every_page(desk_data):
    """bench/pages_timing.py (imported by bench/scale.py) times every page; here only
    that it runs them all on a store and reports spec sizes (no timing is asserted)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import pages_timing

    rows = pages_timing.time_pages(desk_data / "estimates.duckdb", repeat=1)
    pages = [r["page"] for r in rows]
    assert any(p.startswith("Compare") for p in pages) and "Review queue" in pages
    assert any(p.startswith("Picker search") for p in pages) and "Data, first page" in pages
    compare = next(r for r in rows if r["page"] == "Compare, no filter")
    assert compare["charts"] == 5 and 0 < compare["spec_bytes"] < pages_timing.MAX_SPEC_BYTES
    assert all(r["median_ms"] > 0 and r["cpu_ms"] >= 0 for r in rows)


@pytest.mark.parametrize("filters", [Filters(), Filters(text="kursk"), Filters(measures=("killed",)),
                                     Filters(groups=("Ukraine", "South Korea")),
                                     Filters(text="no figure says this")])
@pytest.mark.parametrize("by", ["claimant", "group"])
def test_compare_totals_are_the_claims_and_articles_of_the_filters(con, filters, by):
    """The counts above Compare's charts come from its summary rows: they are the matching
    claims and their distinct citing articles, as the claims table says."""
    rows = [rows for _, _, rows in charts.compare_charts(con, filters, by=by)]
    claims = queries.claims(con, filters)
    cited = {a for arts in claims["articles"] for a in arts}
    assert charts.compare_totals(rows) == (len(claims), len(cited))
