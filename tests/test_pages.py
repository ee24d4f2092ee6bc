"""Every page under Streamlit's AppTest, pointed at a temporary data folder."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.present import queries
from ui import connection

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/compare.py", "pages/timeline.py", "pages/provenance.py", "pages/data.py"]


def elements(node, kind: str) -> list:
    """Every element of one type in an AppTest tree (st.html has no accessor of its own)."""
    found = []
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", None) == kind:
            found.append(child)
        found += elements(child, kind)
    return found


def html_bodies(at) -> str:
    return "\n".join(e.proto.body for e in elements(at.main, "html"))


def chart_titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["title"]["text"] for c in at.get("vega_lite_chart")]


def compared(*labels: str) -> list[str]:
    return [f"{label}: estimates compared" for label in labels]


def texts(items) -> list[str]:
    return [str(e.value) for e in items]


def start(data: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv(connection.DATA_ENV, str(data))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return at


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at.error)


@pytest.fixture
def app(desk_data, monkeypatch) -> AppTest:
    return start(desk_data, monkeypatch)


def test_every_page_runs(app, desk_data):
    assert_clean(app)
    assert texts(app.title) == ["Compare estimates"]
    assert chart_titles(app) == compared("Troops deployed", "Troops planned or expected",
                                         "Casualties (killed and wounded)", "Killed", "Wounded")
    assert len(app.get("download_button")) == 5 * 7  # PNG, slide PNG, SVG, slide SVG, PDF, HTML, data ZIP under each chart
    app.switch_page("pages/timeline.py").run()
    assert_clean(app)
    assert texts(app.title) == ["Timeline"] and len(app.get("vega_lite_chart")) == 1
    assert any("published date" in t for t in texts(app.info))
    assert len(app.get("download_button")) == 7
    app.switch_page("pages/provenance.py").run()
    assert_clean(app)
    assert texts(app.title) == ["Provenance"] and app.selectbox(key="prov_claim").value
    shown = claim_row(desk_data, app.selectbox(key="prov_claim").value)
    assert f"<mark>{shown['quote']}</mark>" in html_bodies(app)
    assert "##### How the wording became the bounds" in texts(app.markdown)
    app.switch_page("pages/data.py").run()
    assert_clean(app)
    assert [t.label for t in app.tabs] == ["Claims (12)", "Mentions (14)"]
    assert len(app.dataframe) == 2 and len(app.dataframe[0].value) == 12
    assert len(app.get("download_button")) == 4


def test_filters_change_the_page_and_persist_across_pages(app):
    app.multiselect(key="f_measures").set_value(["killed", "casualties"]).run()
    assert_clean(app)
    assert chart_titles(app) == compared("Casualties (killed and wounded)", "Killed")
    app.multiselect(key="f_groups").set_value(["Ukraine"]).run()
    assert len(app.get("vega_lite_chart")) == 2
    spec = app.get("vega_lite_chart")[0].proto.spec
    assert "Claimants: Ukraine" in spec and "South Korea ·" not in spec
    app.switch_page("pages/data.py").run()
    assert_clean(app)
    assert app.multiselect(key="f_measures").value == ["killed", "casualties"]
    assert [t.label for t in app.tabs] == ["Claims (2)", "Mentions (3)"]
    app.button(key="reset_filters").click().run()
    assert [t.label for t in app.tabs] == ["Claims (12)", "Mentions (14)"]


def test_a_filter_that_matches_nothing_says_so(app):
    app.text_input(key="f_text").input("no figure says this").run()
    for page in PAGES:
        app.switch_page(page).run()
        assert_clean(app)
        assert any("No claims match the filters" in t for t in texts(app.info)), page
        assert not app.get("vega_lite_chart")


def test_date_range_narrows_claims(app):
    app.date_input(key="f_dates").set_value((dt.date(2024, 11, 1), dt.date(2024, 11, 30))).run()
    assert_clean(app)
    assert chart_titles(app) == compared("Troops deployed", "Killed", "Wounded")


def test_compare_opens_a_claim_in_provenance_with_html_escaped(app, desk_data):
    hostile = claim_id(desk_data, measures=("wounded",))
    app.selectbox(key="compare_claim").set_value(hostile).run()
    app.button(key="open_provenance").click().run()
    assert_clean(app)
    assert texts(app.title) == ["Provenance"]
    assert app.query_params.get("claim") in (hostile, [hostile])
    body = html_bodies(app)
    assert "about &lt;b onmouseover=&quot;alert(&#x27;quote&#x27;)&quot;&gt;2,000&lt;/b&gt;" in body
    assert "&lt;img src=x onerror=alert(&#x27;title&#x27;)&gt; Hostile test" in body
    assert "&lt;b&gt;Evil&lt;/b&gt; Wire" in body
    for raw in ("<b onmouseover", "<img", "<script", 'href="javascript', "alert('"):
        assert raw not in body
    assert "source (not a web link): javascript:alert(&#x27;url&#x27;)" in body
    # Back to Compare and the same claim again: Provenance shows it, not its first claim
    # (Streamlit dropped the selectbox's state while Compare was shown).
    app.switch_page("pages/compare.py").run()
    app.selectbox(key="compare_claim").set_value(hostile).run()
    app.button(key="open_provenance").click().run()
    assert app.selectbox(key="prov_claim").value == hostile
    # The same mention looked up as a mention, with the other articles of its claim.
    # (AppTest reruns the page its own switch_page() named last, so name this one.)
    app.switch_page("pages/provenance.py")
    app.radio(key="prov_mode").set_value("Mention").run()
    assert_clean(app)
    assert "No other article cites this claim." in texts(app.caption)


def claim_id(data: Path, **filters) -> str:
    con = duckdb.connect(str((data / "estimates.duckdb").resolve()), read_only=True)
    try:
        return queries.claims(con.cursor(), queries.Filters(**filters))["claim_id"][0]
    finally:
        con.close()


def claim_row(data: Path, claim: str) -> dict:
    con = duckdb.connect(str((data / "estimates.duckdb").resolve()), read_only=True)
    try:
        return queries.claim(con.cursor(), claim)
    finally:
        con.close()


def test_provenance_lists_every_article_of_a_claim(app, desk_data):
    app.switch_page("pages/provenance.py").run()
    zelensky = claim_id(desk_data, measures=("casualties",), groups=("Ukraine",))
    app.selectbox(key="prov_claim").set_value(zelensky).run()
    assert_clean(app)
    body = html_bodies(app)
    assert body.count('class="desk-card"') == 2
    assert "<mark>exceeds 3,000</mark>" in body and "<mark>more than 3,000</mark>" in body
    assert "##### Every article citing this claim (2)" in texts(app.markdown)


def test_missing_store_is_built_from_the_real_articles(corpus, monkeypatch):
    at = start(corpus, monkeypatch)
    assert_clean(at)
    assert any("No database was found, so one was built" in t for t in texts(at.info))
    assert store.check_store(store.current_path(corpus / "estimates.duckdb")) is None
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert_clean(at)
    at.button(key="dismiss_store_note").click().run()
    assert not any("was built" in t for t in texts(at.info))


def test_corrupt_store_is_explained_and_rebuilt(desk_data, tmp_path, monkeypatch):
    from storekit import build_fixture_store

    data = tmp_path / "data"
    build_fixture_store(data)
    damaged = (data / "estimates.duckdb").resolve()
    damaged.write_bytes(b"this is not a database \x00\xff" * 500)
    at = start(data, monkeypatch)
    assert_clean(at)
    note = " ".join(texts(at.info))
    assert "cannot be opened" in note and "rebuilt from the articles" in note
    assert store.current_path(data / "estimates.duckdb") != damaged
    assert texts(at.title) == ["Compare estimates"]


def test_errors_are_shown_plainly(app, monkeypatch):
    def broken(*args, **kwargs):
        raise duckdb.IOException("disk went away\nsecond line of detail")

    monkeypatch.setattr(queries, "claim_summary", broken)  # what Compare reads
    st.cache_data.clear()  # Compare keeps its summaries per store version and filters
    app.run()
    assert not app.exception
    assert len(app.error) == 1
    message = app.error[0].value
    assert "could not be shown" in message and "disk went away" in message
    assert "second line" not in message and "Traceback" not in message


def test_a_link_to_an_unknown_claim_is_explained(app):
    app.query_params["claim"] = "c-from-an-older-build"
    app.switch_page("pages/provenance.py").run()
    assert_clean(app)
    assert any("c\\-from\\-an\\-older\\-build" in t for t in texts(app.warning))
    assert app.selectbox(key="prov_claim").value  # falls back to the first claim


def test_compare_summarises_per_claimant_or_group_and_lists_a_rows_claims(app, desk_data):
    assert_clean(app)
    def row_labels(i: int) -> list[str]:
        spec = json.loads(app.get("vega_lite_chart")[i].proto.spec)
        return spec["vconcat"][0]["encoding"]["y"]["sort"]

    # Zelensky's two planned-troops claims make one row, named with its latest claim.
    assert [x for x in row_labels(1) if "Zelensky" in x] == ["Volodymyr Zelensky · 2024-10-23 · 2 claims"]
    # The claims behind that row, most-cited first, and a choice opens Provenance.
    options = app.selectbox(key="who-troops_planned").options
    pick = next(i for i, o in enumerate(options) if o.startswith("Volodymyr Zelensky"))
    app.selectbox(key="who-troops_planned").set_value(pick).run()
    assert_clean(app)
    listed = [d for d in app.dataframe if len(d.value) == 2]
    assert listed and set(listed[0].value["claimant"]) == {"Volodymyr Zelensky"}
    # One row per claimant group: Ukraine's casualties claims make one row.
    app.segmented_control(key="compare_by").set_value("group").run()
    assert_clean(app)
    assert sorted(row_labels(2)) == ["South Korea · 2024-12-24 · 2 claims", "Ukraine · 2024-12-23"]


def test_timeline_bins_past_its_limit_and_says_so(app, monkeypatch):
    from analysis.present import charts

    monkeypatch.setattr(charts, "MAX_TIMELINE_POINTS", 3)
    st.cache_data.clear()  # Timeline keeps its chart per store version and filters
    app.switch_page("pages/timeline.py").run()
    assert_clean(app)
    assert any("dated claims match: more than 3 to draw one by one" in t for t in texts(app.caption))
    assert any("1 matching claim without any date not shown." in t for t in texts(app.caption))
    spec = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    assert "by day" in spec["vconcat"][0]["spec"]["encoding"]["x"]["title"]
    assert len(app.get("download_button")) == 6  # no data ZIP: the chart shows bins, not claims
