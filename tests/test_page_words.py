"""What the pages say in words: codes shown as their labels, and an empty view that says
why it is empty."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis.present.labels import QUALIFIER_LABELS
from ui import connection

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def start(data: Path, monkeypatch, page: str) -> AppTest:
    monkeypatch.setenv(connection.DATA_ENV, str(data))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_data_page_names_qualifiers_as_the_other_pages_do(desk_data, monkeypatch):
    at = start(desk_data, monkeypatch, "pages/data.py")
    shown = [df for df in (d.value for d in at.dataframe) if "qualifier" in df]
    assert len(shown) == 2  # claims and mentions
    for df in shown:
        words = set(df["qualifier"].dropna())
        assert words and words <= set(QUALIFIER_LABELS.values()), words
        assert "at least" in words or "more than" in words


def test_review_says_the_filters_hide_what_is_left_to_review(desk_data, monkeypatch):
    at = start(desk_data, monkeypatch, "pages/review.py")
    to_review = next(m.value for m in at.metric if m.label == "To review")
    assert int(to_review) > 0
    at.text_input(key="f_text").input("no figure says this").run()
    assert not at.exception
    said = " ".join(str(e.value) for e in at.info)
    assert f"The sidebar filters hide all {to_review} mentions to review" in said, said
    assert not [s for s in at.success if "Nothing left to review" in str(s.value)]
    at.button(key="reset_filters").click().run()
    assert not [i for i in at.info if "filters hide" in str(i.value)]
