"""The Sources page's bounded and aggregated reads (top claims, a point a day, limited
tables, counts in SQL) agree with the unbounded appearances on the hand-labelled store,
for the whole selection and for each kind of focus; and the store's claims.articles, which
those reads start from, are the articles whose mentions the claim groups."""
from __future__ import annotations

from dataclasses import replace

import duckdb
import pandas as pd
import pytest

from analysis.present import sources
from analysis.present.queries import Filters
from analysis.present.sources import Focus


@pytest.fixture(scope="module")
def con(desk_data):
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    yield con.cursor()
    con.close()


def focuses(con) -> list[Focus]:
    apps = sources.appearances(con)
    return [Focus(), Focus("group", apps["claimant_group"].iloc[0]),
            Focus("publisher", apps["publisher"].iloc[-1]), Focus("claim", apps["claim_id"].iloc[0])]


def test_the_fixture_has_claims_to_bound(con):
    counts = sources.appearances(con).groupby("claim_id").size()
    assert counts.size >= 4 and counts.max() > 1  # so a top of 2 leaves some out


def test_appearances_are_the_figures_distinct_claim_and_article(con):
    pairs = con.execute(
        "SELECT DISTINCT f.claim_id, f.article, a.published, coalesce(a.publisher, ?) "
        "FROM figures f LEFT JOIN articles a USING (article) WHERE f.claim_id IS NOT NULL",
        [sources.UNKNOWN_PUBLISHER]).fetchall()
    apps = sources.appearances(con)
    got = list(zip(apps["claim_id"], apps["article"],
                   [None if pd.isna(d) else d for d in apps["published"]], apps["publisher"]))
    assert sorted(got, key=str) == sorted(pairs, key=str)


@pytest.mark.parametrize("top", [1, 2, 100])
def test_top_claims_and_their_appearances_agree_with_all_of_them(con, top):
    for focus in focuses(con):
        apps = sources.appearances(con, focus=focus)
        counts = apps.groupby("claim_id").size().reset_index(name="n")
        expected = counts.sort_values(["n", "claim_id"], ascending=[False, True])["claim_id"][:top].tolist()
        assert sources.top_claims(con, focus=focus, top=top) == expected, focus
        bounded = sources.appearances(con, focus=focus, top=top)
        whole = apps[apps["claim_id"].isin(expected)].reset_index(drop=True)
        pd.testing.assert_frame_equal(bounded, whole, check_dtype=False)
        limited = sources.appearances(con, focus=focus, top=top, limit=2)
        pd.testing.assert_frame_equal(limited, whole.head(2), check_dtype=False)
        assert sources.n_claims(con, focus=focus) == apps["claim_id"].nunique()
        # the page takes the top claims from its flow instead of ranking them again
        drawn = sources.flow(con, focus=focus, top=top)
        assert drawn.claim_ids() == expected, focus
        pd.testing.assert_frame_equal(sources.appearances(con, focus=focus, drawn=drawn), whole,
                                      check_dtype=False)
        pd.testing.assert_frame_equal(sources.echo_points(con, focus=focus, drawn=drawn),
                                      sources.echo_points(con, focus=focus, top=top))


def test_echo_points_add_up_to_the_appearances_per_day(con):
    for focus in focuses(con):
        points = sources.echo_points(con, focus=focus, top=2)
        apps = sources.appearances(con, focus=focus, top=2)
        expected = apps.groupby(["claim_id", "published", "is_first"], dropna=False).agg(
            n=("article", "size"), publishers=("publisher", "nunique"), lag=("lag_days", "min"))
        got = points.set_index(["claim_id", "published", "is_first"])
        assert got["n_articles"].sum() == len(apps)
        for key, row in expected.iterrows():
            point = got.loc[key]
            assert (point["n_articles"], point["n_publishers"]) == (row["n"], row["publishers"])
            assert pd.isna(point["lag_days"]) if pd.isna(row["lag"]) else point["lag_days"] == row["lag"]
            assert len(point["publishers"]) == min(row["publishers"], sources.PUBLISHERS_NAMED)


def test_first_appearances_limited_are_the_head_of_all_and_count_the_echoes_and_lags(con):
    for focus in focuses(con):
        apps = sources.appearances(con, focus=focus)
        firsts = sources.first_appearances(con, focus=focus)
        echoes = apps[~apps["is_first"]].groupby("claim_id").size()
        assert {c: int(echoes.get(c, 0)) for c in apps["claim_id"].unique()} == \
            dict(zip(firsts["claim_id"], firsts["n_echoes"].astype(int)))
        # the longest lag: of the claim's articles in the focus (kept per claim in the store)
        lags = apps.groupby("claim_id")["lag_days"].max()
        assert {c: None if pd.isna(v) else int(v) for c, v in lags.items()} == \
            {c: None if pd.isna(v) else int(v) for c, v in zip(firsts["claim_id"], firsts["max_lag_days"])}, focus
        pd.testing.assert_frame_equal(sources.first_appearances(con, focus=focus, limit=2),
                                      firsts.head(2), check_dtype=False)


def test_outlet_counts_and_the_flow_count_the_appearances(con):
    for focus in focuses(con):
        apps = sources.appearances(con, focus=focus)
        counts = sources.outlet_counts(con, focus=focus)
        expected = apps.groupby(["publisher", "claimant_group"]).agg(
            claims=("claim_id", "nunique"), citations=("article", "size"),
            first_reports=("is_first", "sum")).reset_index()
        pd.testing.assert_frame_equal(counts.astype({c: int for c in ("claims", "citations", "first_reports")}),
                                      expected.astype({c: int for c in ("claims", "citations", "first_reports")}))
        for top in (1, 100):
            flow = sources.flow(con, focus=focus, top=top)
            assert flow.n_claims == apps["claim_id"].nunique()
            into = {}
            for s, t, v in zip(flow.sources, flow.targets, flow.values):
                if flow.kinds[t] == "publisher":
                    into[flow.keys[t]] = into.get(flow.keys[t], 0) + v
            assert into == apps.groupby("publisher").size().to_dict()
            assert flow.n_shown == min(top, flow.n_claims)


def test_a_long_chain_names_its_last_steps_and_counts_the_rest():
    chain = [{"claimant": "NIS", "qualifier": "exact", "value": v, "low": v, "high": v,
              "date": None} for v in range(1, 12)]
    text = sources.chain_text(chain, last=3)
    assert text.startswith("NIS: 8 earlier → 9 (undated)") and text.count("→") == 3
    assert sources.chain_text(chain) == sources.chain_text(chain, last=len(chain))


def test_reads_from_the_carried_rows_equal_the_reads_that_compute_them(con):
    for chosen in (Filters(), Filters(groups=("Ukraine",))):
        rows = sources.carried(con, chosen)
        for focus in focuses(con):
            def both(read, **kw):
                return read(con, chosen, focus, **kw), read(con, chosen, focus, rows=rows, **kw)
            for a, b in (both(sources.outlet_counts), both(sources.first_appearances, limit=3),
                         both(sources.echo_points, top=2), both(sources.appearances, top=2)):
                pd.testing.assert_frame_equal(a, b)
            assert sources.top_claims(con, chosen, focus, 3) == sources.top_claims(con, chosen, focus, 3, rows)
            assert sources.n_claims(con, chosen, focus) == sources.n_claims(con, chosen, focus, rows)
            assert sources.flow(con, chosen, focus, 2) == sources.flow(con, chosen, focus, 2, rows)


def test_the_flows_other_claims_count_each_claim_once(con):
    apps = sources.appearances(con)
    flow = sources.flow(con, top=1)
    shown = {k for kind, k in zip(flow.kinds, flow.keys) if kind == "claim"}
    for kind, key, label in zip(flow.kinds, flow.keys, flow.labels):
        if kind == "others":
            group = key.split("|", 1)[1]
            rest = apps[(apps["claimant_group"] == group) & ~apps["claim_id"].isin(shown)]
            assert label == f"{group}: {rest['claim_id'].nunique():,} other claims"
    assert "others" in flow.kinds


def test_what_each_claimant_says_now_names_the_chains_walked_along_superseded_by(con):
    """latest_with_chains reads every chain's tail from claim_chains at once; each row's
    text must be that of its own chain, walked claim by claim (claimant_chain)."""
    chained = 0
    for chosen in (Filters(), Filters(groups=("Ukraine",)), Filters(text="no such words anywhere")):
        for last in (1, 2, 8):
            now = sources.latest_with_chains(con, chosen, last)
            pd.testing.assert_frame_equal(now.drop(columns="chain"), sources.latest_claims(con, chosen))
            chains = sources.claimant_chains(con, now["claim_id"])
            want = ["undated" if undated else sources.chain_text(chains[i], last=last)
                    for i, undated in zip(now["claim_id"], now["undated"])]
            assert now["chain"].tolist() == want
            chained += sum(len(chains[i]) > last for i in now["claim_id"])
    assert chained  # some chain is longer than the steps named


def test_one_read_of_every_groups_outlet_counts_serves_both_outlet_tables(con):
    """The page reads the outlet counts over every claimant group once: a group filter or
    focus keeps its groups' rows, the same as counting with that filter or focus."""
    apps = sources.appearances(con)
    groups = sorted(set(apps["claimant_group"]))
    assert len(groups) > 1  # so a group filter leaves some rows out
    kept = 0
    for chosen in (Filters(), Filters(groups=(groups[0],)), Filters(groups=tuple(groups[1:]))):
        for focus in [*focuses(con), Focus("group", groups[-1])]:
            every = sources.outlet_counts(con, *sources.every_group(chosen, focus))
            want = sources.outlet_counts(con, chosen, focus)
            got = sources.group_rows(every, chosen, focus)
            if want.empty:
                assert got.empty
            else:
                pd.testing.assert_frame_equal(got, want)
                kept += len(every) > len(got)
            side = (focus.key,) if focus.kind == "group" else chosen.groups
            one = sources.one_side_outlets(sources.outlet_counts(
                con, replace(chosen, groups=()), Focus() if focus.kind == "group" else focus))
            pd.testing.assert_frame_equal(sources.one_side_shown(every, chosen, focus),
                                          one[one["side"].isin(side)] if side else one)
    assert kept  # some filter or focus dropped rows of the counts of every group
