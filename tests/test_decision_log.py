"""The decision log is protected: a missing, emptied or swapped log is detected and refused
until the analyst chooses; backups come with every build; concurrent decisions on one
figure end as a logged decision or a shown conflict, never silently dropped."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from analysis import decisions as cli
from analysis import store
from analysis.store import decisions
from storekit import build_fixture_store, link, log, q
from ui import connection

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/compare.py", "pages/timeline.py", "pages/provenance.py", "pages/data.py",
         "pages/review.py", "pages/add_article.py"]


@pytest.fixture(autouse=True)
def fixed_rules(monkeypatch):
    monkeypatch.setattr(store, "extractor_version", lambda: "test-rules")


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    build_fixture_store(folder)
    return folder


def span(data: Path, quote: str) -> dict:
    article, sha, start, end = q(data, 'SELECT f.article, a.sha256, f."start", f."end" FROM figures f '
                                       "JOIN articles a USING (article) WHERE f.quote = ?", [quote])[0]
    return {"article": article, "article_sha": sha, "start": start, "end": end, "quote": quote}


def decide(data: Path, quote: str, action: str = "accept", **kw) -> int:
    return decisions.record(log(data), action=action, **span(data, quote), **kw)


def reviewed(data: Path) -> dict[str, str]:
    """What the store shows as decided: quote → review status."""
    return dict(q(data, "SELECT quote, review_status FROM figures WHERE review_status <> 'unreviewed'"))


def counts(data: Path) -> tuple[int, int, dict]:
    """Decisions in the log, figures in the store, and what the store shows as decided."""
    return (len(decisions.load(log(data))), q(data, "SELECT count(*) FROM figures")[0][0],
            reviewed(data))


def two_decisions(data: Path) -> tuple:
    decide(data, "1,500", note="checked")
    decide(data, "nearly 300", "reject")
    store.refresh(data / "articles", link(data))
    before = counts(data)
    assert before[0] == 2 and before[2] == {"1,500": "accepted", "nearly 300": "rejected"}
    return before


# --- identity, backups -------------------------------------------------------------------

def test_the_store_records_which_log_and_how_many_decisions_it_applied(data):
    two_decisions(data)
    log_id, n = q(data, "SELECT log_id, n_decisions FROM build_info")[0]
    assert log_id == decisions.log_id(log(data)) and len(log_id) == 32 and n == 2
    assert store.log_status(link(data)).kind == "ok"
    newest = decisions.backups(store.backups_path(link(data)))[0]
    assert (newest.log_id, newest.n) == (log_id, 2)
    assert len(decisions.load(newest.path)) == 2


def test_backups_are_kept_a_few_and_not_duplicated(data):
    folder = store.backups_path(link(data))
    for k in range(decisions.KEEP_BACKUPS + 3):
        decide(data, "1,500", note=f"round {k}")
        store.refresh(data / "articles", link(data))
    store.refresh(data / "articles", link(data))  # nothing new: no new copy
    kept = decisions.backups(folder)
    assert len(kept) == decisions.KEEP_BACKUPS
    assert [b.n for b in kept] == list(range(decisions.KEEP_BACKUPS + 3, 3, -1))


# --- the faults: detected, refused, nothing lost -----------------------------------------

def _after_fault(data: Path, before: tuple, kind: str) -> None:
    state = store.log_status(link(data))
    assert state.kind == kind and not state.ok and state.message
    report = store.refresh(data / "articles", link(data))
    assert report.log_problem == state.message  # the build says so, and applies what it had
    assert reviewed(data) == before[2]
    assert q(data, "SELECT n_decisions FROM build_info")[0][0] == 2
    with pytest.raises(decisions.LogProblem):  # a write through the page's check
        decisions.record(log(data), action="accept", log_id=state.expected_id or "x",
                         **span(data, "about 3,000"))


def test_log_deleted_is_refused_then_restored_nothing_lost(data):
    before = two_decisions(data)
    log(data).unlink()
    Path(str(log(data)) + "-wal").unlink(missing_ok=True)
    _after_fault(data, before, "missing")
    assert not log(data).exists()  # nothing started a fresh log behind the analyst's back
    used, aside, report = store.restore_log(link(data), None, data / "articles")
    assert aside is None and report is not None
    assert store.log_status(link(data)).kind == "ok"
    assert counts(data) == before


def test_log_replaced_by_another_is_refused_and_kept_aside(data):
    before = two_decisions(data)
    other = data.parent / "other.sqlite"
    decisions.record(other, action="accept", note="someone else's", **span(data, "about 3,000"))
    shutil.copy(other, log(data))
    _after_fault(data, before, "replaced")
    used, aside, _ = store.restore_log(link(data), None, data / "articles")
    assert counts(data) == before
    assert [d["note"] for d in decisions.load(aside)] == ["someone else's"]  # set aside, kept


@pytest.mark.parametrize("size, kind", [(0, "empty"), (3000, "damaged")])
def test_log_truncated_is_refused_then_restored(data, size, kind):
    before = two_decisions(data)
    with open(log(data), "r+b") as f:
        f.truncate(size)
    Path(str(log(data)) + "-wal").unlink(missing_ok=True)
    _after_fault(data, before, kind)
    rc = cli.main(["restore", "--data", str(data)])
    assert rc == 0 and counts(data) == before


def test_a_new_empty_log_on_purpose_is_accepted_and_the_old_one_kept(data, capsys):
    before = two_decisions(data)
    log(data).unlink()
    assert cli.main(["status", "--data", str(data)]) == 1
    assert "missing" in capsys.readouterr().out
    assert cli.main(["new", "--data", str(data)]) == 0
    assert store.log_status(link(data)).kind == "ok"
    assert cli.main(["status", "--data", str(data)]) == 0
    assert decide(data, "about 3,000") >= 1 and len(decisions.load(log(data))) == 1
    assert [b.n for b in decisions.backups(store.backups_path(link(data)))] == [2]  # kept


def test_cli_backup_and_restore_a_named_file(data, capsys):
    two_decisions(data)
    decide(data, "about 3,000")
    capsys.readouterr()
    assert cli.main(["backup", "--data", str(data)]) == 0
    made = Path(capsys.readouterr().out.split("backed up to ")[1].strip())
    assert len(decisions.load(made)) == 3
    assert cli.main(["restore", str(data / "nope.sqlite"), "--data", str(data)]) == 2
    assert cli.main(["restore", str(made), "--data", str(data)]) == 0
    assert len(decisions.load(log(data))) == 3


# --- optimistic concurrency --------------------------------------------------------------

def test_a_decision_on_a_changed_state_is_refused_with_the_other_one(shared_log, data):
    first = decide(data, "1,500", note="tab A", based_on=None)
    with pytest.raises(decisions.Conflict) as refused:
        decide(data, "1,500", "reject", note="tab B", based_on=None)
    other = refused.value.other
    assert (other["id"], other["action"], other["note"]) == (first, "accept", "tab A")
    assert other["created_at"][:4].isdigit()
    on_top = decide(data, "1,500", "reject", note="tab B", based_on=first)
    assert [d["id"] for d in decisions.load(log(data))] == [first, on_top]


# --- the dashboard -----------------------------------------------------------------------

def texts(items) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", str(e.value)) for e in items]


def session(data: Path, monkeypatch, page: str = "pages/review.py") -> AppTest:
    monkeypatch.setenv(connection.DATA_ENV, str(data))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def mid(data: Path, quote: str) -> str:
    return q(data, "SELECT mention_id FROM figures WHERE quote = ?", [quote])[0][0]


@pytest.mark.parametrize("choice", ["on top", "drop"])
def test_two_tabs_on_one_figure_end_as_a_decision_or_a_shown_conflict(shared_log, data, monkeypatch,
                                                                      choice):
    nis = mid(data, "1,500")
    a, b = session(data, monkeypatch), session(data, monkeypatch)
    prefix = f"rv-edit-{nis}"
    b.number_input(key=f"{prefix}-value").set_value(1600)
    b.text_input(key=f"{prefix}-note").input("tab B's correction")
    a.text_input(key=f"rv-note-{nis}").input("tab A accepts")
    a.button(key=f"rv-accept-{nis}").click().run()
    assert not a.exception
    b.button(key=f"{prefix}-submit").click().run()
    assert not b.exception, [e.value for e in b.exception]
    warned = " ".join(texts(b.warning))
    assert "Not saved yet" in warned and "Accepted" in warned and "tab A accepts" in warned
    assert [d["action"] for d in decisions.load(log(data))] == ["accept"]
    if choice == "on top":
        b.button(key=f"rv-ontop-{nis}").click().run()
        logged = decisions.load(log(data))
        assert [d["action"] for d in logged] == ["accept", "edit"]
        assert logged[1]["after"]["value"] == 1600 and logged[1]["note"] == "tab B's correction"
        assert q(data, "SELECT value, review_status FROM figures WHERE mention_id = ?",
                 [nis]) == [(1600.0, "edited")]
        assert any("Corrected" in t for t in texts(b.success))
    else:
        b.button(key=f"rv-drop-{nis}").click().run()
        assert [d["action"] for d in decisions.load(log(data))] == ["accept"]
        assert any("Dropped your decision" in t for t in texts(b.info))
    assert not b.error and f"rv-ontop-{nis}" not in [x.key for x in b.button]


def test_a_missing_log_shows_a_banner_on_every_page_and_one_click_restores(data, monkeypatch):
    before = two_decisions(data)
    log(data).unlink()
    at = session(data, monkeypatch, PAGES[0])
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        banner = " ".join(texts(at.error))
        assert "review.sqlite is missing" in banner and "restore the latest backup" in banner, page
        assert at.button(key="log_restore") and at.button(key="log_new")
    # a decision taken meanwhile is refused, and says why; no fresh log is started
    at.switch_page("pages/review.py").run()
    at.selectbox(key="review_article").set_value("004_4538a7378ebe7523.txt").run()
    at.button(key=f"rv-accept-{mid(data, 'about 3,000')}").click().run()
    assert any(t.startswith("Not saved: The decision log review.sqlite is missing")
               for t in texts(at.error)), texts(at.error)
    assert not log(data).exists()
    at.button(key="log_restore").click().run()
    assert not at.exception
    assert not [t for t in texts(at.error) if "missing" in t]
    assert any("Restored the decision log" in t for t in texts(at.success))
    assert counts(data) == before


def test_each_decision_names_its_analyst_in_the_log_and_the_audit(shared_log, data, monkeypatch):
    from analysis.present import queries
    nis = mid(data, "1,500")
    a = session(data, monkeypatch)
    a.text_input(key=connection.ANALYST_KEY).input("Kim Analyst").run()
    a.button(key=f"rv-accept-{nis}").click().run()
    assert not a.exception, [e.value for e in a.exception]
    decide(data, "nearly 300", "reject")  # no name given: the OS user
    store.refresh(data / "articles", link(data))
    import getpass
    assert [d["author"] for d in decisions.load(log(data))] == ["Kim Analyst", getpass.getuser()]
    con = duckdb.connect(str(store.current_path(link(data))), read_only=True)
    try:
        mention = con.execute("SELECT * FROM figures WHERE mention_id = ?", [nis]).df()
        trail = queries.audit_trail(con, mention.to_dict("records"))
    finally:
        con.close()
    assert list(trail["by"]) == ["Kim Analyst"]
