"""Every page runs through app.py's navigation, its sidebar and its store check.

Next to a folder named pages/, Streamlit serves a process's first request in its older
multipage mode until `st.navigation` runs: a first deep link to /provenance?… would run
that page alone. app.py marks the run while it runs a page; a page that finds no mark
runs app.py in its place, in the same run, whose `st.navigation` leaves the older mode
and serves the request (a button click included) through app.py.
"""
from __future__ import annotations

import contextlib
import contextvars
import runpy
from pathlib import Path

import streamlit as st

APP = Path(__file__).resolve().parent.parent / "app.py"
PROVENANCE = "pages/provenance.py"
REVIEW = "pages/review.py"

_inside_app: contextvars.ContextVar[bool] = contextvars.ContextVar("inside_app", default=False)


@contextlib.contextmanager
def inside_app():
    """Mark the run as app.py's while it runs a page."""
    token = _inside_app.set(True)
    try:
        yield
    finally:
        _inside_app.reset(token)


def run_through_app() -> None:
    """Called first by every page: outside app.py, run app.py instead and stop."""
    if not _inside_app.get():
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()
