"""The decision log in PostgreSQL: the same conflict handling as the SQLite log (each test
on both backends), writers racing on one span lose nothing, and a log copied SQLite →
PostgreSQL → SQLite comes back identical. Needs a real server: `.ci/run` starts one and
sets ESTIMATE_DESK_TEST_PG."""
from __future__ import annotations

import threading

import pytest

from analysis.decisions import main as decisions_cli
from analysis.store import decisions
from analysis.store.decisions_pg import copy_log, load_from, record_to

@pytest.fixture(params=["sqlite", "postgresql"])
def log(request, tmp_path):
    return tmp_path / "review.sqlite" if request.param == "sqlite" else request.getfixturevalue("pg")


SPAN = dict(article="a.txt", article_sha="s" * 64, start=10, end=15, quote="1,500")


def test_a_decision_on_a_changed_state_is_refused_with_the_other_one(log):
    first = record_to(log, **SPAN, action="accept", note="tab A", based_on=None)
    with pytest.raises(decisions.Conflict) as refused:
        record_to(log, **SPAN, action="reject", note="tab B", based_on=None)
    assert (refused.value.other["id"], refused.value.other["note"]) == (first, "tab A")
    on_top = record_to(log, **SPAN, action="reject", note="tab B", based_on=first)
    assert [d["id"] for d in load_from(log)] == [first, on_top]


def test_writers_racing_on_one_span_lose_nothing(log):
    """Eight writers decide on one span having seen it undecided, four more on spans of
    their own: one of the eight is logged, seven get a Conflict, the four are logged."""
    outcomes, lock = [], threading.Lock()
    start = threading.Barrier(12)

    def decide(i: int, own: bool):
        span = dict(SPAN, start=100 + 10 * i, end=105 + 10 * i) if own else SPAN
        start.wait()
        try:
            got = ("logged", record_to(log, **span, action="accept", note=f"writer {i}",
                                       based_on=None))
        except decisions.Conflict as exc:
            got = ("conflict", exc.other["id"])
        with lock:
            outcomes.append((i, own, got))

    threads = [threading.Thread(target=decide, args=(i, i >= 8)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(outcomes) == 12
    shared = [got for _, own, got in outcomes if not own]
    logged = [g[1] for g in shared if g[0] == "logged"]
    assert len(logged) == 1 and all(g == ("conflict", logged[0]) for g in shared if g[0] != "logged")
    assert all(got[0] == "logged" for _, own, got in outcomes if own)
    assert len(load_from(log)) == 5


def test_copy_to_postgresql_and_back_is_lossless(tmp_path, pg, capsys):
    sqlite_log = tmp_path / "review.sqlite"
    first = record_to(sqlite_log, **SPAN, action="edit", before={"value": 1500},
                      after={"value": 1600, "claimant": "Ким «NIS»", "claim_date": "2024-11-02"},
                      note="corrected\nline two ‘quoted’", based_on=None)
    record_to(sqlite_log, **SPAN, action="accept", based_on=first)
    record_to(sqlite_log, **dict(SPAN, start=40, end=45, quote="3,000"), action="reject")
    original = decisions.load(sqlite_log)
    assert decisions_cli(["migrate", "--from", str(sqlite_log), "--to", pg]) == 0
    assert "copied 3 decisions" in capsys.readouterr().out
    assert load_from(pg) == original
    back = tmp_path / "back.sqlite"
    assert decisions_cli(["migrate", "--from", pg, "--to", str(back)]) == 0
    assert decisions.load(back) == original
    assert decisions.log_id(back) == decisions.log_id(sqlite_log)
    # new decisions continue the ids on both sides
    assert record_to(pg, **SPAN, action="reject", based_on=original[1]["id"]) > original[-1]["id"]
    # a copy into a log that has decisions is refused, nothing mixed
    assert decisions_cli(["migrate", "--from", str(sqlite_log), "--to", pg]) == 1
    assert "already holds 4 decisions" in capsys.readouterr().err


def test_a_log_from_before_authors_gets_the_column(tmp_path):
    import sqlite3
    old = tmp_path / "review.sqlite"
    with sqlite3.connect(old) as con:
        con.execute('CREATE TABLE decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, article TEXT '
                    'NOT NULL, article_sha TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER '
                    "NOT NULL, quote TEXT NOT NULL, action TEXT NOT NULL, before TEXT, after TEXT, "
                    "note TEXT, created_at TEXT NOT NULL)")
        con.execute("INSERT INTO decisions (article, article_sha, start, \"end\", quote, action, "
                    "after, note, created_at) VALUES ('a.txt', ?, 10, 15, '1,500', 'accept', "
                    "'{}', '', '2026-01-01T00:00:00+00:00')", ("s" * 64,))
    assert decisions.load(old)[0]["author"] is None
    first = decisions.load(old)[0]["id"]
    record_to(old, **SPAN, action="reject", based_on=first, author="Ana")
    assert [d["author"] for d in decisions.load(old)] == [None, "Ana"]
