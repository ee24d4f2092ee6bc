"""Views as links and the Briefing page under Streamlit's AppTest."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from test_pages import APP, assert_clean, claim_id, start, texts
from ui import connection


def _link(at) -> str:
    return next(c.value for c in at.get("code"))


def test_a_link_sets_the_sidebar_and_stays_in_the_url(desk_data, monkeypatch):
    monkeypatch.setenv(connection.DATA_ENV, str(desk_data))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["measure"] = ["killed", "casualties"]
    at.query_params["group"] = "Ukraine"
    at.query_params["q"] = "zelensky"
    at.run()
    assert_clean(at)
    assert at.multiselect(key="f_measures").value == ["killed", "casualties"]
    assert at.multiselect(key="f_groups").value == ["Ukraine"]
    assert at.text_input(key="f_text").value == "zelensky"
    assert not at.warning
    assert _link(at).endswith("?measure=killed&measure=casualties&group=Ukraine&q=zelensky")
    # Filters changed on the page go to the URL; they survive a page switch.
    at.checkbox(key="f_reviewed").check().run()
    at.switch_page("pages/data.py").run()
    assert_clean(at)
    assert "reviewed=1" in _link(at) and "q=zelensky" in _link(at)
    at.button(key="reset_filters").click().run()
    assert "?" not in _link(at) and not list(at.query_params)


def test_unknown_and_stale_values_in_a_link_are_explained(desk_data, monkeypatch):
    monkeypatch.setenv(connection.DATA_ENV, str(desk_data))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["measure"] = ["killed", "<b>zombies</b>"]
    at.query_params["from"] = "2024-02-30"
    at.query_params["to"] = "2031-01-01"
    at.run()
    assert_clean(at)
    message = " ".join(texts(at.warning))
    assert "zombies" in message and "2024\\-02\\-30" in message and "2031\\-01\\-01" in message
    assert "<b>" not in message
    assert at.multiselect(key="f_measures").value == ["killed"]
    assert _link(at).endswith("?measure=killed")


def test_provenance_link_keeps_the_filters(desk_data, monkeypatch):
    monkeypatch.setenv(connection.DATA_ENV, str(desk_data))
    wanted = claim_id(desk_data, measures=("killed",))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["measure"] = "killed"
    at.run()
    at.switch_page("pages/provenance.py")
    at.query_params["claim"] = wanted
    at.run()
    assert_clean(at)
    assert at.selectbox(key="prov_claim").value == wanted
    link = _link(at)
    assert f"claim={wanted}" in link and "measure=killed" in link


@pytest.fixture
def briefing(desk_data, monkeypatch) -> AppTest:
    at = start(desk_data, monkeypatch)
    at.switch_page("pages/briefing.py").run()
    return at


def test_briefing_page_previews_and_offers_the_pack(briefing):
    at = briefing
    assert_clean(at)
    assert texts(at.title) == ["Briefing"]
    picked = at.multiselect(key="brief_charts").value
    assert picked[-1] == "timeline" and len(picked) == 6
    assert [b.label for b in at.get("download_button")] == ["PDF", "Slides (PPTX)", "Manifest (JSON)"]
    assert len(at.get("vega_lite_chart")) == len(picked)
    assert any("UNREVIEWED" in t for t in texts(at.warning))
    at.multiselect(key="brief_charts").set_value(["compare-killed"]).run()
    assert_clean(at)
    assert len(at.get("vega_lite_chart")) == 1
    # The page's switch is the sidebar's: nothing is reviewed in this store.
    at.toggle(key="brief_reviewed").set_value(True).run()
    assert_clean(at)
    assert at.checkbox(key="f_reviewed").value is True
    assert any("No claims match the filters" in t for t in texts(at.info))
    assert not at.get("download_button")


def test_briefing_page_on_an_empty_store(tmp_path, monkeypatch):
    from storekit import build_fixture_store
    data = tmp_path / "data"
    build_fixture_store(data, rows=[])
    at = start(data, monkeypatch)
    at.switch_page("pages/briefing.py").run()
    assert_clean(at)
    assert any("no figures yet" in t for t in texts(at.info))
    assert not at.get("download_button")
