"""The Sources page and Provenance's chain and credibility sections under AppTest: they
render on the shipped-style store and on an empty one, a grade saved on the page lands in
the log and in the store, and the sidebar's grade filter narrows every page."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.present import charts, queries
from analysis.present.queries import Filters
from analysis.store import decisions
from storekit import build_fixture_store
from ui import connection

APP = str(Path(__file__).resolve().parent.parent / "app.py")
NIS = "National Intelligence Service (NIS)"


def texts(items) -> list[str]:
    return [str(e.value) for e in items]


def plotly_specs(at) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at.error)


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(store, "extractor_version", lambda: "test-rules")
    folder = tmp_path / "data"
    build_fixture_store(folder)
    monkeypatch.setenv(connection.DATA_ENV, str(folder))
    return folder


def sources_page(data: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/sources.py").run()
    clean(at)
    return at


def test_sources_page_draws_the_flow_the_echoes_and_the_tables(data):
    at = sources_page(data)
    assert texts(at.title) == ["Sources"]
    flow, bars, timeline = plotly_specs(at)
    assert flow["data"][0]["type"] == "sankey"
    # the clickable bars stand for the Sankey's nodes, one each
    assert sorted(bars["data"][0]["customdata"]) == sorted(flow["data"][0]["node"]["customdata"])
    assert "Who carries whose numbers" in flow["layout"]["title"]["text"]
    assert any("Source: Estimate Desk" in a["text"] for a in flow["layout"]["annotations"])
    assert timeline["layout"]["xaxis"]["rangeslider"]["visible"] is True
    assert len(at.get("download_button")) == 2
    subheaders = texts(at.subheader)
    for heading in ("Who carries whose numbers", "First reports and their echoes",
                    "Outlets and the sides they carry", "What each claimant says now",
                    "Grade a source"):
        assert heading in subheaders


def test_narrowing_to_a_publisher_narrows_every_part(data):
    at = sources_page(data)
    at.selectbox(key="src_focus").set_value("publisher|Example Wire").run()
    clean(at)
    flow = plotly_specs(at)[0]["data"][0]
    publishers = [label for label, cd in zip(flow["node"]["label"], flow["node"]["customdata"])
                  if cd.startswith("publisher|")]
    assert publishers == ["Example Wire"]
    assert any(t.startswith("Narrowed to Publisher") and "Example Wire" in t for t in texts(at.info))
    outlets = next(d.value for d in at.dataframe if "total claims" in d.value)
    assert list(outlets["publisher"]) == ["Example Wire"]


def test_grading_a_source_on_the_page_shows_in_the_store_and_the_filter(data):
    at = sources_page(data)
    at.selectbox(key="src_grade_claimant").set_value(NIS).run()
    key = f"src-grade-{NIS}"
    at.selectbox(key=f"{key}-grade").set_value("B")
    at.text_input(key=f"{key}-note").set_value("two briefings matched")
    at.button(key=f"FormSubmitter:{key}-form-Save grade").click().run()
    clean(at)
    logged = decisions.load(store.decisions_path(data / "estimates.duckdb"))
    assert [(d["action"], d["after"], d["note"]) for d in logged] == \
        [("grade", {"reliability": "B"}, "two briefings matched")]
    # the sidebar filter now keeps only NIS's claims, on Compare and the Data page alike
    at.selectbox(key="f_reliability").set_value("B").run()
    clean(at)
    at.switch_page("pages/data.py").run()
    clean(at)
    claims = at.dataframe[0].value
    assert set(claims["claimant"]) == {NIS}
    # Compare's charts name the grade beside the claimant on their rows (NIS · B?)
    con = duckdb.connect(str(store.current_path(data / "estimates.duckdb")), read_only=True)
    try:
        rows = [r for _, _, summary in charts.compare_charts(con, Filters(reliability_at_least="B"))
                for r in queries.records(summary)]
    finally:
        con.close()
    assert rows and all(charts.summary_label(r).startswith(f"{NIS} · B? · ") for r in rows)


def test_provenance_shows_the_chain_and_grades_a_claim(data):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/provenance.py").run()
    clean(at)
    claim_id = at.selectbox(key="prov_claim").value
    assert "##### What this claimant said over time" in texts(at.markdown)
    assert "##### Credibility of this claim" in texts(at.markdown)
    key = f"prov-grade-{claim_id}"
    at.selectbox(key=f"{key}-grade").set_value(2)
    at.button(key=f"FormSubmitter:{key}-form-Save grade").click().run()
    clean(at)
    assert any(t.endswith("?2  (source reliability A–F from the Sources page, claim credibility 1–6)")
               for t in texts(at.text))


def test_sources_page_on_an_empty_store(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "extractor_version", lambda: "test-rules")
    folder = tmp_path / "data"
    build_fixture_store(folder, rows=[])
    monkeypatch.setenv(connection.DATA_ENV, str(folder))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/sources.py").run()
    clean(at)
    assert texts(at.title) == ["Sources"]
    assert any("no figures yet" in t for t in texts(at.info))
    assert not at.get("plotly_chart")


def test_one_side_outlets_are_judged_over_every_group(data):
    """A group filter picks the side shown; it never makes a two-sided outlet look
    one-sided (Báo Thanh niên carries Ukraine's and South Korea's claims)."""
    at = sources_page(data)

    def one_side() -> list[tuple[str, str]]:
        found = [d.value for d in at.dataframe if "side" in d.value]
        return sorted(zip(found[0]["publisher"], found[0]["side"])) if found else []

    assert one_side() == [("Caliber.Az", "United States")]
    at.multiselect(key="f_groups").set_value(["Ukraine"]).run()
    clean(at)
    assert one_side() == []
    at.multiselect(key="f_groups").set_value(["Ukraine", "United States"]).run()
    assert one_side() == [("Caliber.Az", "United States")]


def test_a_grade_taken_meanwhile_is_a_conflict_to_apply_on_top(data):
    at = sources_page(data)
    at.selectbox(key="src_grade_claimant").set_value(NIS).run()
    key = f"src-grade-{NIS}"
    # another analyst grades NIS while this page is open
    log = store.decisions_path(data / "estimates.duckdb")
    decisions.record(log, **decisions.source_subject(NIS), action="grade",
                     after={"reliability": "D"}, note="other desk", author="Bo")
    at.selectbox(key=f"{key}-grade").set_value("B")
    at.button(key=f"FormSubmitter:{key}-form-Save grade").click().run()
    clean(at)
    assert any("Not saved yet" in t and "Bo" in t for t in texts(at.warning))
    assert [d["after"] for d in decisions.load(log)] == [{"reliability": "D"}]
    at.button(key=f"{key}-ontop").click().run()
    clean(at)
    assert [(d["after"], d["author"] == "Bo") for d in decisions.load(log)] == \
        [({"reliability": "D"}, True), ({"reliability": "B"}, False)]


def test_sources_page_when_the_filters_match_nothing(data):
    at = sources_page(data)
    at.text_input(key="f_text").set_value("no such words anywhere").run()
    clean(at)
    assert any("No claims match the filters" in t for t in texts(at.info))
    assert not at.get("plotly_chart")


def test_a_rerun_sends_the_same_figures_without_building_them_again(data, monkeypatch):
    from analysis.present import sources
    built = []
    for name in ("sankey_figure", "nodes_figure", "timeline_figure"):
        real = getattr(sources, name)
        monkeypatch.setattr(sources, name, lambda *a, _real=real, _name=name, **k:
                            built.append(_name) or _real(*a, **k))
    import streamlit as st
    st.cache_resource.clear()  # shared by every AppTest of the process
    at = sources_page(data)
    first, made = plotly_specs(at), len(built)
    assert made == 3
    at.run()  # a rerun of the same filters and focus (an expander, a grade form)
    clean(at)
    assert len(built) == made and plotly_specs(at) == first
    at.selectbox(key="src_focus").set_value("publisher|Example Wire").run()
    clean(at)
    assert len(built) == made + 3  # another focus: its own figures


def test_the_tables_under_the_timeline_are_read_when_opened(data):
    from analysis.present import sources
    at = sources_page(data)
    labels = [e.label for e in at.get("expander")]
    assert any(label.startswith("First appearance of each claim") for label in labels)
    assert not [d for d in at.dataframe if "n_echoes" in d.value or "lag_days" in d.value]
    at.session_state["src_firsts_open"] = True
    at.session_state["src_apps_open"] = True
    at.run()
    clean(at)
    firsts = next(d.value for d in at.dataframe if "n_echoes" in d.value)
    apps = next(d.value for d in at.dataframe if "lag_days" in d.value)
    con = duckdb.connect(str(store.current_path(data / "estimates.duckdb")), read_only=True)
    try:
        cur = con.cursor()
        assert list(firsts["claim_id"]) == list(sources.first_appearances(cur)["claim_id"])
        want = sources.appearances(cur, top=sources.TOP_CLAIMS)
    finally:
        con.close()
    assert list(zip(apps["claim_id"], apps["article"])) == list(zip(want["claim_id"], want["article"]))
    # the labels say how many rows each holds, as before they were read on opening
    assert f"First appearance of each claim ({len(firsts)})" in labels
