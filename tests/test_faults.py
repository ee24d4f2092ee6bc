"""The fault catalogue: what can go wrong under an analyst's desk, each fault a test. Each
ends with "nothing lost", checked by counting before and after: the decisions in the log,
the figures in the store, and which figures the store shows as reviewed. Each checks what
the analyst is told.

Faults already proven elsewhere, not repeated here:
  log deleted            tests/test_decision_log.py::test_log_deleted_is_refused_then_restored_nothing_lost
                         and ::test_a_missing_log_shows_a_banner_on_every_page_and_one_click_restores
  log replaced (store)   tests/test_decision_log.py::test_log_replaced_by_another_is_refused_and_kept_aside
  log truncated (store)  tests/test_decision_log.py::test_log_truncated_is_refused_then_restored
Here: the dashboard's side of a replaced, emptied or damaged log; a corrupt store; the
store deleted while the dashboard serves; a full disk during a build (command line and
dashboard); SIGKILL during a build, an ingest and a stream of decision writes.

The stores here are built by the real extractor from a copy of the shipped articles.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.store import decisions
from storekit import link, log, q, span
from ui import connection

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = ["pages/compare.py", "pages/timeline.py", "pages/provenance.py", "pages/data.py",
         "pages/review.py", "pages/add_article.py"]
LONG_REPORT = "North Korea has sent 11,000 troops to Russia, the NIS said on Monday.\n" * 4000
# A file size limit well under one store file (a build of the shipped articles is ~2.6 MB)
# and well over what one decision writes: a disk that fills up during a build.
DISK_LEFT = 1_000_000


# --- a desk with two decisions, and what it holds -----------------------------------------

def in_store(data: Path) -> dict:
    """What the charts show: the figures, and which of them are reviewed and how."""
    return {"figures": q(data, "SELECT count(*) FROM figures")[0][0],
            "reviewed": dict(q(data, "SELECT mention_id, review_status FROM figures "
                                     "WHERE review_status <> 'unreviewed'"))}


def held(data: Path) -> dict:
    """What the desk holds: the decisions in the log, and what the store shows."""
    return {"decisions": len(decisions.load(log(data))), **in_store(data)}


def seed_mentions(data: Path) -> list[str]:
    return [r[0] for r in q(data, "SELECT mention_id FROM figures WHERE article LIKE '00%' "
                                  'ORDER BY article, "start"')]


def make_desk(data: Path, extra: dict[str, str] | None = None) -> dict:
    """The shipped articles (and `extra` ones) built, one figure accepted and one rejected."""
    shutil.copytree(ROOT / "data" / "articles", data / "articles")
    for name, text in (extra or {}).items():
        (data / "articles" / name).write_text(text, encoding="utf-8")
    store.build(data / "articles", link(data))
    first, second = seed_mentions(data)[:2]
    decisions.record(log(data), action="accept", note="checked", **span(data, first))
    decisions.record(log(data), action="reject", **span(data, second))
    store.refresh(data / "articles", link(data))
    before = held(data)
    assert before["decisions"] == 2 and set(before["reviewed"].values()) == {"accepted", "rejected"}
    assert store.log_status(link(data)).kind == "ok"
    return before


@pytest.fixture
def desk(tmp_path) -> tuple[Path, dict]:
    data = tmp_path / "data"
    return data, make_desk(data)


@pytest.fixture(scope="module")
def long_desk(tmp_path_factory) -> tuple[Path, dict, float]:
    """A desk with a long article (a build takes seconds), and how long a build takes."""
    data = tmp_path_factory.mktemp("long") / "data"
    before = make_desk(data, {"long-report.txt": LONG_REPORT})
    started = time.monotonic()
    assert run("analysis.build", "--articles", data / "articles", "--db", link(data)).returncode == 0
    return data, before, time.monotonic() - started


def copy_desk(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target


# --- the dashboard ----------------------------------------------------------------------

def texts(items) -> list[str]:
    """Shown text with Markdown escapes taken out (what the reader sees)."""
    return [re.sub(r"\\(.)", r"\1", str(e.value)) for e in items]


def dashboard(data: Path, monkeypatch, page: str = "pages/review.py") -> AppTest:
    monkeypatch.setenv(connection.DATA_ENV, str(data))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_article(at: AppTest, data: Path, mention_id: str) -> None:
    """Show the article of a mention in the Review queue (its card and buttons)."""
    article = q(data, "SELECT article FROM figures WHERE mention_id = ?", [mention_id])[0][0]
    at.selectbox(key="review_article").set_value(article).run()


# --- subprocesses ------------------------------------------------------------------------

def run(module: str, *args, limit: int | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          preexec_fn=(lambda: disk_left(limit)) if limit else None)


def disk_left(size: int) -> None:
    """In a child: writes past `size` bytes fail with EFBIG (a disk that is full), rather
    than killing the process."""
    import resource
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def killed(command: list[str], after: float | None = None, when: str | None = None,
           folder: Path | None = None) -> str:
    """Run `command` and SIGKILL it `after` seconds, or as soon as a file matching `when`
    appears in `folder` (a step half done); what it printed until then."""
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    deadline = time.monotonic() + (after if after is not None else 120)
    while time.monotonic() < deadline and proc.poll() is None:
        if when and folder and any(folder.glob(when)):
            break
        time.sleep(0.002)
    assert proc.poll() is None, "it ended before the fault"
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    return out


def whole(data: Path) -> None:
    """The store opens as a reader would and holds together; the log is intact."""
    path = store.current_path(link(data))
    assert path is not None and store.check_store(path) is None
    misplaced = q(data, 'SELECT count(*) FROM figures f JOIN articles a USING (article) '
                        'WHERE substr(a.text, f."start" + 1, f."end" - f."start") != f.quote')
    assert misplaced == [(0,)]
    with closing(sqlite3.connect(log(data))) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert store.log_status(link(data)).ok


# --- the decision log, as the dashboard meets it ------------------------------------------

def replace_log(data: Path) -> None:
    other = data.parent / "other.sqlite"
    decisions.record(other, action="accept", note="another desk's", **span(data, seed_mentions(data)[3]))
    shutil.copy(other, log(data))


def truncate_log(size: int):
    def fault(data: Path) -> None:
        with open(log(data), "r+b") as f:
            f.truncate(size)
        Path(str(log(data)) + "-wal").unlink(missing_ok=True)
    return fault


DAMAGED = truncate_log(3000)


@pytest.mark.parametrize("fault, said", [
    (replace_log, "is not the one the database was built with"),
    (truncate_log(0), "is empty"),
    (DAMAGED, "cannot be read"),
], ids=["replaced", "emptied", "damaged"])
def test_a_bad_log_is_named_on_the_page_refused_and_restored_in_one_click(desk, monkeypatch,
                                                                          fault, said):
    data, before = desk
    fault(data)
    damaged = log(data).read_bytes()
    at = dashboard(data, monkeypatch)
    banner = " ".join(texts(at.error))
    assert said in banner and "No decision is written until you choose" in banner, banner
    third = seed_mentions(data)[2]
    if fault is DAMAGED:  # no queue can be drawn from an unreadable log: the page says why
        assert "could not be shown: the decision log could not be used" in banner, banner
    else:  # a decision taken meanwhile is refused, and says why
        open_article(at, data, third)
        at.button(key=f"rv-accept-{third}").click().run()
        assert not at.exception
        assert any(t.startswith("Not saved: ") for t in texts(at.error)), texts(at.error)
    assert log(data).read_bytes() == damaged  # not a byte written
    before_store = {k: before[k] for k in ("figures", "reviewed")}
    assert in_store(data) == before_store  # the charts keep what the store applied
    at.button(key="log_restore").click().run()
    assert not at.exception and not at.error, texts(at.error)
    assert any("Restored the decision log" in t for t in texts(at.success))
    assert held(data) == before
    aside = sorted(store.backups_path(link(data)).glob("set-aside-*"))
    assert len(aside) == 1 and aside[0].read_bytes()[:16] == damaged[:16]  # kept, not deleted


# --- the store ----------------------------------------------------------------------------

def test_a_corrupt_store_is_rebuilt_with_every_decision(desk, monkeypatch):
    data, before = desk
    damaged = store.current_path(link(data))
    damaged.write_bytes(b"not a database \x00\xff" * 5000)
    at = dashboard(data, monkeypatch, PAGES[0])
    assert not at.error, texts(at.error)
    note = " ".join(texts(at.info))
    assert "cannot be opened" in note and "rebuilt from the articles" in note, note
    assert store.current_path(link(data)) != damaged
    assert held(data) == before
    whole(data)


def test_the_store_deleted_while_serving_is_rebuilt_with_every_decision(desk, monkeypatch):
    data, before = desk
    at = dashboard(data, monkeypatch, PAGES[0])
    assert not at.error and not at.info, texts(at.info)
    # `make clean` while the dashboard runs: the build files and the link go
    shutil.rmtree(data / "store")
    link(data).unlink()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception and not at.error, (page, texts(at.error))
    assert any("No database was found, so one was built" in t for t in texts(at.info))
    assert held(data) == before
    whole(data)


# --- a full disk ---------------------------------------------------------------------------

def test_disk_full_during_a_build_says_so_and_keeps_the_store(desk):
    data, before = desk
    current = store.current_path(link(data))
    result = run("analysis.build", "--articles", data / "articles", "--db", link(data),
                 limit=DISK_LEFT)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert re.search(r"^error: .*(File too large|No space left)", result.stderr, re.M), result.stderr
    assert "previous store" in result.stderr
    assert store.current_path(link(data)) == current
    assert not list((data / "store").glob("*.partial*"))
    assert held(data) == before
    whole(data)


DASHBOARD_DECISION = """
import json, os, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=90)
at.run()
at.switch_page("pages/review.py").run()
at.selectbox(key="review_article").set_value({article!r}).run()
at.button(key={button!r}).click().run()
print(json.dumps({{"exception": [str(e.value) for e in at.exception],
                   "error": [str(e.value) for e in at.error],
                   "warning": [str(e.value) for e in at.warning]}}))
"""


def test_disk_full_during_a_decision_keeps_the_decision_and_says_so(desk):
    data, before = desk
    third = seed_mentions(data)[2]
    article = q(data, "SELECT article FROM figures WHERE mention_id = ?", [third])[0][0]
    code = DASHBOARD_DECISION.format(app=APP, article=article, button=f"rv-accept-{third}")
    env = {**os.environ, connection.DATA_ENV: str(data)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env=env,
                            preexec_fn=lambda: disk_left(DISK_LEFT))
    assert result.returncode == 0, result.stderr[-3000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert not shown["exception"], shown
    said = " ".join(re.sub(r"\\(.)", r"\1", t) for t in shown["error"])
    assert "the disk is full" in said and "Traceback" not in said, said
    # The decision is in the log; the store could not take it yet, and kept what it had.
    assert held(data) == {**before, "decisions": before["decisions"] + 1}
    whole(data)
    store.refresh(data / "articles", link(data))  # room again: the next update applies it
    after = held(data)
    assert after["reviewed"] == {**before["reviewed"], third: "accepted"}
    assert after["figures"] == before["figures"]


# --- SIGKILL --------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("moment", ["extracting", "writing the new store"])
def test_a_killed_build_leaves_the_store_and_the_log_whole(long_desk, tmp_path, moment):
    source, before, duration = long_desk
    data = copy_desk(source, tmp_path / "data")
    command = [sys.executable, "-m", "analysis.build", "--articles", str(data / "articles"),
               "--db", str(link(data))]
    if moment == "extracting":
        killed(command, after=duration * 0.5)
    else:
        killed(command, when="*.partial", folder=data / "store")
        assert list((data / "store").glob("*.partial"))  # killed halfway through the write
    whole(data)
    assert held(data) == before
    result = run("analysis.build", "--articles", data / "articles", "--db", link(data))
    assert result.returncode == 0 and result.stdout.startswith("built "), result.stderr
    assert held(data) == before
    assert not list((data / "store").glob("*.partial*"))  # the next build clears what was left


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["extracting", "writing the new store"])
def test_a_killed_ingest_loses_no_decision(desk, tmp_path, moment):
    data, before = desk
    report = tmp_path / "long-report.txt"
    report.write_text(LONG_REPORT)
    trial = copy_desk(data, tmp_path / "trial")
    started = time.monotonic()
    assert run("analysis.ingest", report, "--articles", trial / "articles",
               "--db", link(trial)).returncode == 0
    duration = time.monotonic() - started
    with_report = in_store(trial)["figures"]
    args = [str(report), "--articles", str(data / "articles"), "--db", str(link(data))]
    if moment == "extracting":
        killed([sys.executable, "-m", "analysis.ingest", *args], after=duration * 0.5)
    else:
        # An ingest writes in place in one transaction (a copy when a reader has the file
        # open): held open right after its claims are regrouped, before it commits.
        flag = tmp_path / "regrouped"
        killed([sys.executable, "-c", MID_WRITE, str(flag), *args], when=flag.name,
               folder=tmp_path)
    whole(data)
    after = held(data)
    assert after["decisions"] == before["decisions"] and after["reviewed"] == before["reviewed"]
    assert after["figures"] in (before["figures"], with_report)
    store.refresh(data / "articles", link(data))  # the next update follows the folder
    assert held(data)["reviewed"] == before["reviewed"]


MID_WRITE = """
import runpy, sys, time
from pathlib import Path
from analysis.store import update
flag, regroup = Path(sys.argv.pop(1)), update.regroup
def regroup_then_wait(*args, **kwargs):
    regroup(*args, **kwargs)
    flag.touch()
    time.sleep(300)
update.regroup = regroup_then_wait
sys.argv[0] = "analysis.ingest"
runpy.run_module("analysis.ingest", run_name="__main__")
"""

WRITER = """
import sys
from analysis.store import decisions
from pathlib import Path
span = {span!r}
for k in range(100000):
    n = decisions.record(Path({log!r}), action="accept", note=f"round {{k}}", **span)
    print(n, flush=True)
"""


@pytest.mark.slow
def test_a_decision_writer_killed_mid_stream_loses_no_acknowledged_decision(desk):
    data, before = desk
    third = seed_mentions(data)[2]
    code = WRITER.format(span=span(data, third), log=str(log(data)))
    out = killed([sys.executable, "-c", code], after=3.0)
    acknowledged = [int(line) for line in out.split() if line.strip().isdigit()]
    assert len(acknowledged) > 10  # it was writing when killed
    whole(data)
    ids = {d["id"] for d in decisions.load(log(data))}
    assert set(acknowledged) <= ids
    # at most the one being committed when the signal came is logged but unacknowledged
    assert len(ids) - before["decisions"] in (len(acknowledged), len(acknowledged) + 1)
    store.refresh(data / "articles", link(data))
    after = held(data)
    assert after["decisions"] == len(ids) and after["figures"] == before["figures"]
    assert after["reviewed"] == {**before["reviewed"], third: "accepted"}
