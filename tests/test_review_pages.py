"""Adding articles and reviewing figures, page by page under AppTest.

Each test gets its own data folder (the hand-labelled fixture store of storekit.py), so
the decisions it takes touch nothing else. New articles go through the real extractor.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.present import queries
from analysis.store import decisions
from ui import connection, downloads
from storekit import build_fixture_store

APP = str(Path(__file__).resolve().parent.parent / "app.py")
WIRE = ("Seoul says 11,000 North Korean troops are now in Kursk\n"
        "By Kim Min-ji\n"
        "SEOUL (Example Wire) - South Korea's National Intelligence Service said on Wednesday "
        "that about 11,000 North Korean troops were now in Russia's Kursk region.\n"
        "The agency told lawmakers that some of the soldiers had joined combat operations.\n")
SEED = "003_16630df2654ec508.txt"


@pytest.fixture(autouse=True)
def fixed_rules(monkeypatch):
    """The extraction modules are edited while these tests run elsewhere: pin the rules'
    hash so the fixture store is not rebuilt (by the real extractor) under a test."""
    monkeypatch.setattr(store, "extractor_version", lambda: "test-rules")


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    build_fixture_store(folder)
    return folder


def start(data: Path, monkeypatch, page: str | None = None) -> AppTest:
    monkeypatch.setenv(connection.DATA_ENV, str(data))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    if page:
        at.switch_page(page).run()
    assert_clean(at)
    return at


def texts(items) -> list[str]:
    """Element texts as a reader sees them (messages.md_escape's backslashes removed)."""
    return [re.sub(r"\\(.)", r"\1", str(e.value)) for e in items]


def table_text(table) -> pd.DataFrame:
    """An st.table's cells as a reader sees them (its Markdown escapes removed)."""
    return table.value.map(lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at.error)


def html_bodies(at) -> str:
    from test_pages import html_bodies as bodies

    return bodies(at)


def rows(data: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str((data / "estimates.duckdb").resolve()), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def mention_id(data: Path, quote: str) -> str:
    return rows(data, "SELECT mention_id FROM figures WHERE quote = ?", [quote])[0][0]


def in_queue(at, data: Path, quote: str) -> str:
    """Show the queue of the article holding `quote`; returns the mention's id."""
    article = rows(data, "SELECT article FROM figures WHERE quote = ?", [quote])[0][0]
    at.selectbox(key="review_article").set_value(article).run()
    return mention_id(data, quote)


def chart_specs(at) -> str:
    return "\n".join(c.proto.spec for c in at.get("vega_lite_chart"))


def chart_rows(at) -> pd.DataFrame:
    """The rows the page's charts plot (Streamlit ships them beside the spec, as Arrow)."""
    frames = [pa.ipc.open_stream(d.data.data).read_all().to_pandas()
              for c in at.get("vega_lite_chart") for d in c.proto.datasets]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def widget(items, label: str):
    found = [w for w in items if w.label == label]
    assert len(found) == 1, [w.label for w in items]
    return found[0]


# --- adding articles -----------------------------------------------------------------

def test_pasted_article_is_previewed_saved_and_charted(data, monkeypatch):
    at = start(data, monkeypatch, "pages/add_article.py")
    assert any("Choose one or more files" in t for t in texts(at.info))
    at.text_area(key="add_paste_0").input(WIRE).run()
    assert_clean(at)
    # metadata prefilled from the text: the headline as title, the byline as author
    assert widget(at.text_input, "Title").value.startswith("Seoul says 11,000 North Korean")
    assert widget(at.text_input, "Author").value == "Kim Min-ji"
    assert widget(at.text_input, "Language").value == "en"
    # the preview marks the figures the extractor will take, in escaped text
    body = html_bodies(at)
    assert '<div class="desk-text">' in body and "<mark" in body and "11,000</mark>" in body
    preview = at.dataframe[0].value
    assert len(preview) >= 1 and "11,000" in " ".join(preview["quote"])
    widget(at.text_input, "Publisher").input("Example Wire").run()
    widget(at.date_input, "Published (date)").set_value(dt.date(2025, 1, 15)).run()
    assert_clean(at)
    assert at.button(key="add_save").label == "Save 1 article"
    at.button(key="add_save").click().run()
    assert_clean(at)
    saved = [t for t in texts(at.success) if "Saved" in t]
    assert saved and "seoul-says-11-000-north-korean-troops-are-now-in-kursk.txt" in saved[0]
    text = (data / "articles" / "seoul-says-11-000-north-korean-troops-are-now-in-kursk.txt").read_text()
    assert "publisher: Example Wire" in text and "published: 2025-01-15" in text
    assert at.text_area(key="add_paste_1").value == ""  # the form is cleared for the next one
    # in the store, on the Data page, and in the charts, without resetting any filter
    at.switch_page("pages/data.py").run()
    assert_clean(at)
    mentions = at.dataframe[1].value
    assert "Seoul says 11,000 North Korean troops are now in Kursk" in set(mentions["title"])
    at.switch_page("pages/compare.py").run()
    assert_clean(at)
    plotted = chart_rows(at)
    new = plotted[plotted["publishers_text"] == "Example Wire"]
    assert new["text"].str.contains("11,000").any()
    assert set(new["review"]) == {"unreviewed"}


def test_uploads_are_refused_plainly_and_the_rest_can_be_saved(data, monkeypatch):
    at = start(data, monkeypatch, "pages/add_article.py")
    seed = (data / "articles" / SEED).read_bytes()
    at.file_uploader(key="add_files_0").set_value([
        ("empty.txt", b"", "text/plain"),
        ("binary.txt", bytes(range(256)) * 40, "text/plain"),
        ("huge.txt", b"North Korea sent 1,500 troops. " * 400_000, "text/plain"),
        ("notes.pdf", b"%PDF-1.4 ...", "application/pdf"),
        ("again.txt", seed, "text/plain"),
        ("wire.txt", WIRE.encode("cp1252"), "text/plain"),
    ]).run()
    assert not at.exception
    errors = "\n".join(texts(at.error))
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"),
                         ("huge.txt", "over the 10 MB limit"), ("notes.pdf", "only .txt"),
                         ("again.txt", f"already in the corpus as {SEED}")):
        assert name in errors and reason in errors, (name, errors)
    assert "Traceback" not in errors
    assert at.button(key="add_save").label == "Save 1 article"
    at.button(key="add_save").click().run()
    assert_clean(at)
    assert rows(data, "SELECT count(*) FROM articles")[0][0] == 8
    # the same file again is a duplicate naming the article it became
    at.file_uploader(key="add_files_1").set_value(("wire-copy.txt", WIRE.encode(), "text/plain")).run()
    assert "already in the corpus as seoul-says-11-000" in " ".join(texts(at.error))
    assert at.button(key="add_save").disabled


# --- reviewing -----------------------------------------------------------------------

def test_accept_marks_the_mention_and_its_claim_reviewed(data, monkeypatch):
    at = start(data, monkeypatch, "pages/review.py")
    assert [m.value for m in at.metric][:2] == ["14", "0"]
    nis = mention_id(data, "1,500")
    at.text_input(key=f"rv-note-{nis}").input("checked against the NIS briefing")
    at.button(key=f"rv-accept-{nis}").click().run()
    assert_clean(at)
    assert any("Accepted “1,500”" in t for t in texts(at.success))
    assert [m.value for m in at.metric][:2] == ["13", "1"]
    status, note, claim = rows(data, "SELECT review_status, review_note, claim_id FROM figures "
                                     "WHERE mention_id = ?", [nis])[0]
    assert (status, note) == ("accepted", "checked against the NIS briefing")
    assert rows(data, "SELECT reviewed, n_reviewed FROM claims WHERE claim_id = ?", [claim]) == [(True, 1)]
    assert f"rv-accept-{nis}" not in [b.key for b in at.button]  # left the queue
    at.switch_page("pages/compare.py").run()
    plotted = chart_rows(at).drop_duplicates("claim_id").set_index("claimant")
    assert plotted.loc["National Intelligence Service (NIS)", "review"] == "reviewed"
    assert plotted.loc["National Intelligence Service (NIS)", "review_state"] == "reviewed"
    assert plotted.loc["John Kirby", "review"] == "unreviewed"


def test_reject_takes_the_figure_out_of_every_claim(data, monkeypatch):
    at = start(data, monkeypatch, "pages/review.py")
    killed = in_queue(at, data, "nearly 300")
    at.button(key=f"rv-reject-{killed}").click().run()
    assert_clean(at)
    assert rows(data, "SELECT review_status, claim_id FROM figures WHERE mention_id = ?",
                [killed]) == [("rejected", None)]
    assert rows(data, "SELECT count(*) FROM claims WHERE measure = 'killed'")[0][0] == 0
    at.switch_page("pages/compare.py").run()
    assert_clean(at)
    titles = [json.loads(c.proto.spec)["title"]["text"] for c in at.get("vega_lite_chart")]
    assert "Killed: estimates compared" not in titles and len(titles) == 4
    # Provenance still finds it, shown as rejected, with its history
    at.switch_page("pages/provenance.py").run()
    at.radio(key="prov_mode").set_value("Mention").run()
    at.selectbox(key="prov_mention").set_value(killed).run()
    assert_clean(at)
    assert any("rejected" in t for t in texts(at.warning))
    assert 'class="desk-status rejected"' in html_bodies(at)
    trail = table_text(at.table[0])
    assert list(trail["What"]) == ["Rejected (not a figure)"]


def test_edit_changes_the_claim_in_the_compare_chart(data, monkeypatch):
    at = start(data, monkeypatch, "pages/review.py")
    kirby = in_queue(at, data, "about 3,000")
    prefix = f"rv-edit-{kirby}"
    assert at.number_input(key=f"{prefix}-value").value == 3000
    at.number_input(key=f"{prefix}-value").set_value(3500)
    at.text_input(key=f"{prefix}-claimant").input("John Kirby (White House)")
    at.text_input(key=f"{prefix}-note").input("the briefing said 3,500")
    at.button(key=f"{prefix}-submit").click().run()
    assert_clean(at)
    assert any("value 3,000 → 3,500" in t for t in texts(at.success))
    got = rows(data, "SELECT value, low, high, claimant, review_status FROM figures "
                     "WHERE mention_id = ?", [kirby])
    assert got == [(3500.0, 3500.0, 3500.0, "John Kirby (White House)", "edited")]
    at.switch_page("pages/compare.py").run()
    assert_clean(at)
    plotted = chart_rows(at).drop_duplicates("claim_id").set_index("claimant")
    assert plotted.loc["John Kirby (White House)", "text"] == "~3,500"
    assert plotted.loc["John Kirby (White House)", "review"] == "reviewed"
    assert plotted.loc["U.S. intelligence", "text"] == "~3,000"  # the other article's claim
    # the audit trail in Provenance: what, before, after, when, note
    claim = rows(data, "SELECT claim_id FROM figures WHERE mention_id = ?", [kirby])[0][0]
    at.switch_page("pages/provenance.py").run()
    at.selectbox(key="prov_claim").set_value(claim).run()
    assert_clean(at)
    trail = table_text(at.table[0]).iloc[0]
    assert trail["What"] == "Edited" and trail["Note"] == "the briefing said 3,500"
    assert trail["Before"].startswith("~3,000 · Troops deployed · John Kirby (United States)")
    assert "value 3,000 → 3,500" in trail["After"] and trail["When (UTC)"][:4].isdigit()
    assert any("An analyst set these values" in t for t in texts(at.caption))


def test_add_a_missed_figure(data, monkeypatch):
    at = start(data, monkeypatch, "pages/review.py")
    at.radio(key="review_section").set_value("add").run()
    name = "004_4538a7378ebe7523.txt"
    at.selectbox(key="add_fig_article").set_value(name).run()
    text = rows(data, "SELECT text, body_start FROM articles WHERE article = ?", [name])[0]
    spans = queries.sentence_spans(text[0], text[1])
    i = next(k for k, (a, b) in enumerate(spans) if "approximately 1,500" in text[0][a:b])
    at.selectbox(key=f"add_fig_sentence_{name}").set_value(i).run()
    at.text_input(key=f"add_fig_quote_{name}_{i}").input("approximately 1,600").run()
    assert any("is not in the sentence" in t for t in texts(at.error))
    at.text_input(key=f"add_fig_quote_{name}_{i}").input("approximately 1,500").run()
    assert not at.error
    start_ = text[0].index("approximately 1,500")
    prefix = f"add-{name}-{start_}-{start_ + 19}"
    assert at.number_input(key=f"{prefix}-value").value == 1500  # read from the quote
    at.selectbox(key=f"{prefix}-qualifier").set_value("approx")
    at.selectbox(key=f"{prefix}-group").set_value("South Korea")
    at.text_input(key=f"{prefix}-claimant").input("National Intelligence Service (NIS)")
    at.button(key=f"{prefix}-submit").click().run()
    assert_clean(at)
    got = rows(data, 'SELECT quote, value, low, high, qualifier, review_status, claim_id FROM figures '
                     'WHERE article = ? AND "start" = ?', [name, start_])
    assert got[0][:6] == ("approximately 1,500", 1500.0, 1500.0, 1500.0, "approx", "added")
    assert got[0][6] is not None
    # a span overlapping a figure the extractor found is sent to the queue instead
    j = next(k for k, (a, b) in enumerate(spans) if "about 3,000" in text[0][a:b])
    at.selectbox(key=f"add_fig_sentence_{name}").set_value(j).run()
    at.text_input(key=f"add_fig_quote_{name}_{j}").input("3,000").run()
    assert any("overlaps the figure “about 3,000”" in t for t in texts(at.warning))


def test_reviewed_only_filter(data, monkeypatch):
    at = start(data, monkeypatch, "pages/data.py")
    assert [t.label for t in at.tabs] == ["Claims (12)", "Mentions (14)"]
    link = data / "estimates.duckdb"
    for quote, action in (("1,500", "accept"), ("nearly 300", "reject"), ("1,100", "accept")):
        article, sha, s, e = rows(data, 'SELECT f.article, a.sha256, f."start", f."end" FROM figures f '
                                        "JOIN articles a USING (article) WHERE quote = ?", [quote])[0]
        decisions.record(store.decisions_path(link), article=article, article_sha=sha, start=s,
                      end=e, quote=quote, action=action)
    store.refresh(data / "articles", link)
    at.checkbox(key="f_reviewed").check().run()
    assert_clean(at)
    # two claims reviewed in full; the rejected mention is a reviewed mention too
    assert [t.label for t in at.tabs] == ["Claims (2)", "Mentions (3)"]
    assert set(at.dataframe[1].value["review"]) == {"accepted", "rejected (not a figure)"}
    at.switch_page("pages/compare.py").run()
    assert_clean(at)
    assert "Reviewed only" in chart_specs(at)
    assert set(chart_rows(at)["review"]) == {"reviewed"}
    at.button(key="reset_filters").click().run()
    assert at.checkbox(key="f_reviewed").value is False


def test_orphaned_decisions_are_listed(data, monkeypatch):
    link = data / "estimates.duckdb"
    article, sha, s, e, quote = rows(data, 'SELECT f.article, a.sha256, f."start", f."end", quote '
                                           "FROM figures f JOIN articles a USING (article) "
                                           "WHERE article = '099_hostile.txt'")[0]
    decisions.record(store.decisions_path(link), article=article, article_sha=sha, start=s, end=e,
                  quote=quote, action="edit", before={"value": 2000, "measure": "wounded"},
                  after={"value": 2100, "measure": "wounded"}, note="re-read the source")
    (data / "articles" / article).unlink()
    store.refresh(data / "articles", link)
    at = start(data, monkeypatch, "pages/review.py")
    assert [m.value for m in at.metric][2] == "1"
    at.radio(key="review_section").set_value("orphans").run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert list(table["article"]) == ["099_hostile.txt"]
    assert table["why"][0] == "its article is no longer in the corpus"
    assert table["note"][0] == "re-read the source"
    assert table["decision"][0] == "value 2,000 → 2,100"


def test_export_then_import_into_a_fresh_desk(data, tmp_path, monkeypatch):
    link = data / "estimates.duckdb"
    for quote, action, after in (("1,500", "accept", None), ("nearly 300", "reject", None),
                                 ("about 3,000", "edit", {"value": 3500, "low": 3500, "high": 3500,
                                                          "qualifier": "approx",
                                                          "measure": "troops_deployed",
                                                          "claimant": "John Kirby",
                                                          "claimant_group": "United States"})):
        article, sha, s, e = rows(data, 'SELECT f.article, a.sha256, f."start", f."end" FROM figures f '
                                        "JOIN articles a USING (article) WHERE quote = ?", [quote])[0]
        decisions.record(store.decisions_path(link), article=article, article_sha=sha, start=s,
                      end=e, quote=quote, action=action, after=after)
    store.refresh(data / "articles", link)
    at = start(data, monkeypatch, "pages/review.py")
    at.radio(key="review_section").set_value("share").run()
    assert_clean(at)
    assert [b.label for b in at.get("download_button")] == ["Decisions (JSON)", "Decisions (CSV)"]
    exported = downloads.decisions_file("json")  # the bytes the JSON download button serves
    assert len(json.loads(exported)) == 3

    fresh = tmp_path / "fresh"
    build_fixture_store(fresh)
    at = start(fresh, monkeypatch, "pages/review.py")
    at.radio(key="review_section").set_value("share").run()
    at.file_uploader(key="import_file_0").set_value(("decisions.json", exported, "application/json")).run()
    at.button(key="import_go").click().run()
    assert_clean(at)
    assert any("3 new decisions, 0 already here" in t for t in texts(at.success))
    assert rows(fresh, "SELECT review_status, count(*) FROM figures GROUP BY ALL ORDER BY 1") == [
        ("accepted", 1), ("edited", 1), ("rejected", 1), ("unreviewed", 11)]
    assert rows(fresh, "SELECT value FROM figures WHERE review_status = 'edited'") == [(3500.0,)]
    # importing the same file again adds nothing
    at.file_uploader(key="import_file_1").set_value(("decisions.json", exported, "application/json")).run()
    at.button(key="import_go").click().run()
    assert any("0 new decisions, 3 already here" in t for t in texts(at.success))
    # a file that is not a decisions export is refused by name
    at.file_uploader(key="import_file_2").set_value(("notes.csv", b"a,b\n1,2\n", "text/csv")).run()
    at.button(key="import_go").click().run()
    assert not at.exception and any("notes.csv: not a decisions file" in t for t in texts(at.error))


def test_a_busy_store_keeps_the_decision_and_says_so(data, monkeypatch):
    monkeypatch.setattr(connection, "WRITE_TIMEOUT", 0.3)
    at = start(data, monkeypatch, "pages/review.py")
    nis = mention_id(data, "1,500")
    with open(data / ".store.lock", "a+") as handle:  # another process's writer, as flock sees it
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            at.button(key=f"rv-accept-{nis}").click().run()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    assert_clean(at)
    warning = " ".join(texts(at.warning))
    assert "is saved" in warning and "after the next refresh" in warning
    assert [d["action"] for d in decisions.load(store.decisions_path(data / "estimates.duckdb"))] == ["accept"]
    assert any("not in the charts yet" in t for t in texts(at.warning))
    at.button(key="review_refresh").click().run()
    assert_clean(at)
    assert rows(data, "SELECT review_status FROM figures WHERE mention_id = ?", [nis]) == [("accepted",)]
    assert not any("not in the charts yet" in t for t in texts(at.warning))


def test_a_busy_store_saves_no_article_and_says_so(data, monkeypatch):
    monkeypatch.setattr(connection, "WRITE_TIMEOUT", 0.3)
    at = start(data, monkeypatch, "pages/add_article.py")
    at.text_area(key="add_paste_0").input(WIRE).run()
    with open(data / ".store.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            at.button(key="add_save").click().run()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    assert_clean(at)
    assert any("Nothing was saved" in t for t in texts(at.warning))
    assert sorted(p.name for p in (data / "articles").iterdir()) == sorted(
        ["000_57e4254dc82dbf71.txt", "001_eb7a302813959245.txt", "002_fc616dc0e28cd52c.txt",
         SEED, "004_4538a7378ebe7523.txt", "098_range.txt", "099_hostile.txt"])
    at.button(key="add_save").click().run()  # the text is still there: try again
    assert_clean(at)
    assert rows(data, "SELECT count(*) FROM articles")[0][0] == 8


# --- the decision log's files ----------------------------------------------------------

def _decisions(db: Path) -> list[tuple]:
    return [(d["article_sha"], d["start"], d["end"], d["quote"], d["action"],
             json.dumps(d["before"], sort_keys=True), json.dumps(d["after"], sort_keys=True),
             d["note"], d["created_at"]) for d in decisions.load(db)]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_parse_import_round_trip(tmp_path, fmt):
    db = tmp_path / "a" / "review.sqlite"
    common = dict(article="a.txt", article_sha="f" * 64, quote="about 3,000")
    decisions.record(db, start=10, end=21, action="accept", before={"value": 3000}, **common,
                  created_at="2025-01-01T10:00:00+00:00")
    decisions.record(db, start=10, end=21, action="edit", before={"value": 3000, "claimant": "Kirby, J."},
                  after={"value": 3500, "low": 3500, "high": 3500, "claim_date": "2024-10-23",
                         "claimant": "Kirby, \"J.\""}, note="comma, quote\" and\nnewline",
                  **common, created_at="2025-01-01T10:05:00+00:00")
    decisions.record(db, start=40, end=45, action="add", after={"value": 1200, "measure": "killed"},
                  **{**common, "quote": "1,200"}, created_at="2025-01-01T10:06:00+00:00")
    logged = decisions.load(db)
    data = (decisions.export_json(logged) if fmt == "json" else decisions.export_csv(logged)).encode()
    parsed = decisions.parse_export(data, f"decisions.{fmt}")
    assert len(parsed) == 3
    other = tmp_path / "b" / "review.sqlite"
    assert decisions.import_decisions(other, parsed) == 3
    assert _decisions(other) == _decisions(db)
    assert decisions.import_decisions(other, parsed) == 0  # nothing twice
    with pytest.raises(decisions.DecisionError, match="odd.json: not a decisions file"):
        decisions.parse_export(b'{"not": "a list"}', "odd.json")
    with pytest.raises(decisions.DecisionError, match="odd.csv: not a UTF-8 text file"):
        decisions.parse_export(b"\xff\xfe\x00bad", "odd.csv")


def test_article_text_is_escaped_in_the_preview_and_the_messages(data, monkeypatch):
    hostile = ("<img src=x onerror=alert('title')> Officials count troops\n"
               "<script>alert('body')</script>\n"
               "Officials said <b onmouseover=\"alert('q')\">2,500</b> North Korean soldiers "
               "were sent to Russia.\n")
    at = start(data, monkeypatch, "pages/add_article.py")
    at.text_area(key="add_paste_0").input(hostile).run()
    assert_clean(at)
    body = html_bodies(at)
    assert "&lt;script&gt;alert(&#x27;body&#x27;)&lt;/script&gt;" in body
    for raw in ("<script", "<img", "<b onmouseover"):
        assert raw not in body
    at.button(key="add_save").click().run()
    assert_clean(at)
    saved = " ".join(e.value for e in at.success)
    assert "\\<img src=x onerror=alert\\('title'\\)\\>" in saved  # Markdown-escaped: shown as text


def test_the_article_box_keeps_its_article_after_a_decision_and_pages_the_queue(data, monkeypatch):
    at = start(data, monkeypatch, "pages/review.py")
    nis = mention_id(data, "1,500")
    article = rows(data, "SELECT article FROM figures WHERE mention_id = ?", [nis])[0][0]
    at.selectbox(key="review_article").set_value(article).run()
    label = at.selectbox(key="review_article").options[at.selectbox(key="review_article").index]
    assert f"({article})" in label and "to review" not in label  # fixed text: no count in it
    at.button(key=f"rv-accept-{nis}").click().run()
    assert_clean(at)
    assert at.selectbox(key="review_article").value == article
    # a search narrows the box to matching articles, and keeps the chosen one offered
    at.text_input(key="review_article_q").input("no such title anywhere").run()
    assert at.selectbox(key="review_article").options[1:] == [label]
    assert at.selectbox(key="review_article").value == article
