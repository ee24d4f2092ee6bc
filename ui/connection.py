"""The store as the dashboard sees it: where the data folder is, one shared read-only
connection per build, and bringing the store up to date after a write."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import streamlit as st

from analysis import store
from analysis.store import current_path, ensure_store
from ui.messages import flash, md_escape

ROOT = Path(__file__).resolve().parent.parent
DATA_ENV = "ESTIMATE_DESK_DATA"
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


@st.cache_resource(show_spinner=False, max_entries=8)
def _connect(real_path: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(real_path, read_only=True)


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
