"""The store as the dashboard sees it: where the data folder is, one shared read-only
connection per build, and bringing the store up to date after a write."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import streamlit as st

from analysis import store
from analysis.present import queries
from analysis.store import current_path, decisions, ensure_store
from ui.messages import flash, md_escape

ROOT = Path(__file__).resolve().parent.parent
DATA_ENV = store.DATA_ENV
# How long a page waits for another writer (a CLI ingest, another tab) before saying so.
WRITE_TIMEOUT = 20.0


def data_dir() -> Path:
    """The data folder: $ESTIMATE_DESK_DATA, else the repository's data/."""
    return Path(os.environ.get(DATA_ENV) or ROOT / "data")


def store_link() -> Path:
    return data_dir() / "estimates.duckdb"


def articles_dir() -> Path:
    return data_dir() / "articles"


def decisions_db() -> Path:
    return store.decisions_path(store_link())


@st.cache_resource(show_spinner=False)
def _checked_paths() -> tuple[threading.Lock, set[str]]:
    return threading.Lock(), set()


# DuckDB's buffer pool for the dashboard's reads (its default is 80% of the machine's
# memory, per connection): pages read summaries and pages of rows, well within this, and
# the process stays under its 1.5 GB budget at 100,000 articles.
READ_MEMORY_LIMIT = "512MB"


# Few entries: a refresh switches to a new build, and each open build holds its own pool.
@st.cache_resource(show_spinner=False, max_entries=3)
def _connect(real_path: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(real_path, read_only=True)
    # SET, not a connect config: other readers in this process (an ingest, an export) open
    # the same file with the default config, which a differing config would refuse.
    con.execute(f"SET memory_limit = '{READ_MEMORY_LIMIT}'")
    return con


def connection() -> duckdb.DuckDBPyConnection:
    """The shared read-only connection to the current build (query it on `.cursor()`).

    The store is checked, and built or rebuilt when missing or damaged, once per real
    path per process; a note for the user is kept in the session when that happened.
    """
    data = data_dir()
    link = data / "estimates.duckdb"
    lock, checked = _checked_paths()
    with lock:
        path = current_path(link)
        if path is None or str(path) not in checked:
            with st.spinner("Checking the database…"):
                path, note = ensure_store(data / "articles", link)
            if note:
                st.session_state["store_note"] = note
            checked.add(str(path))
    try:
        return _connect(str(path))
    except duckdb.IOException:
        # The build was switched away from and pruned between resolving the link and
        # opening it: take the build the link points at now.
        return _connect(str(current_path(link)))


def cursor() -> duckdb.DuckDBPyConnection:
    return connection().cursor()


def store_version() -> str:
    """Names what the store holds now, for st.cache_data keys: the build file the link
    points at, with its size and last change (and its write-ahead log's), so that an
    ingest, a refresh or a rebuild is a new version."""
    connection()  # checks (and if need be builds) the store first
    path = current_path(store_link())
    parts = [str(path)]
    for f in (path, path.with_name(path.name + ".wal")):
        try:
            stat = f.stat()
            parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append("-")
    return "|".join(parts)


def refresh_store(saved: str) -> bool:
    """Bring the store up to date after a write (`saved` says what was written).

    Another writer (a command-line ingest, a review in another tab) may hold the store:
    then the write is kept and the message says when it will show. Returns True when the
    store is up to date.
    """
    try:
        with st.spinner("Updating the database…"):
            store.refresh(articles_dir(), store_link(), timeout=WRITE_TIMEOUT)
    except store.StoreBusy:
        flash("warning", f"{saved} The database is being updated by someone else right now, "
                         "so it will appear in the charts after the next refresh (press "
                         "**Update the database now** on the Review page, or add or review "
                         "anything).")
        return False
    return True


def show_store_note() -> None:
    note = st.session_state.get("store_note")
    if note:
        st.info(md_escape(note), icon=":material/build:")
        st.button("Dismiss", key="dismiss_store_note",
                  on_click=lambda: st.session_state.pop("store_note", None))


# --- the decision log: checked before every write ---------------------------------------

def log_state() -> decisions.LogState:
    """The decision log against what the current store applied."""
    expected_id, expected_n = queries.applied_log(cursor())
    return decisions.status(decisions_db(), expected_id, expected_n)


def _checked_log_id() -> str | None:
    state = log_state()
    if not state.ok:
        raise decisions.LogProblem(state.message + " Nothing was written: choose what to do "
                                   "in the banner at the top of the page.")
    return state.log_id


ANALYST_KEY = "analyst"


def analyst_field() -> None:
    """The sidebar's name field: who the session's decisions are recorded as (set once per
    session; empty means the OS user)."""
    st.text_input("Your name (recorded with your decisions)", key=ANALYST_KEY,
                  placeholder=decisions.default_author() or "your name", max_chars=80)


def analyst() -> str:
    return (st.session_state.get(ANALYST_KEY) or "").strip() or decisions.default_author()


def record(**decision) -> int:
    """decisions.record into the log the store applied (refused when it is not that log),
    naming the session's analyst."""
    return decisions.record(decisions_db(), log_id=_checked_log_id(),
                            **{"author": analyst(), **decision})


def import_decisions(rows: list[dict]) -> int:
    return decisions.import_decisions(decisions_db(), rows, log_id=_checked_log_id())


def _after_choice(what: str, report) -> None:
    if report is None:
        flash("warning", md_escape(f"{what} The database is busy; the charts follow on the "
                                   "next update."))
    else:
        flash("success", md_escape(what))


def restore_backup(source: Path | None = None) -> None:
    """Put a backup back as the log (the newest when None) and say what happened."""
    try:
        used, aside, report = store.restore_log(store_link(), source, articles_dir())
    except (decisions.DecisionError, store.StoreBusy) as exc:
        flash("error", md_escape(f"Not restored: {exc}."))
        return
    kept = f" The log that was there is kept as {aside.name} in data/backups." if aside else ""
    _after_choice(f"Restored the decision log from {used.name}: "
                  f"{len(decisions.load(decisions_db()))} decisions.{kept}", report)


def start_new_log() -> None:
    try:
        aside, report = store.new_log(store_link(), articles_dir())
    except store.StoreBusy as exc:
        flash("error", md_escape(f"No new log: {exc}."))
        return
    kept = f" The old one is kept as {aside.name} in data/backups." if aside else ""
    _after_choice(f"Started a new, empty decision log.{kept}", report)


def show_log_banner() -> None:
    """On every page: a log that is not the one the store applied, and the two ways out."""
    state = log_state()
    if state.ok:
        return
    newest = decisions.backups(store.backups_path(store_link()))[:1]
    st.error(md_escape(f"{state.message} No decision is written until you choose: restore "
                       "the latest backup, or start a new empty log on purpose. Until then "
                       "the charts keep the decisions the database applied."),
             icon=":material/warning:")
    with st.container(horizontal=True, gap="small"):
        if newest:
            st.button(f"Restore the latest backup ({newest[0].n} decisions, "
                      f"{newest[0].taken_at} UTC)", key="log_restore", type="primary",
                      on_click=restore_backup, args=(newest[0].path,))
        st.button("Start a new empty log", key="log_new", on_click=start_new_log,
                  help="The current file is set aside in data/backups, not deleted.")
