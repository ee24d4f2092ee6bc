"""The error boundary: a plain message on the page, the traceback in the server log."""
from __future__ import annotations

import contextlib
import logging

import duckdb
import streamlit as st

from ui.messages import md_escape

log = logging.getLogger("estimate_desk")


def describe_error(exc: BaseException) -> str:
    if isinstance(exc, duckdb.Error):
        kind = "the database could not answer"
    elif isinstance(exc, OSError):
        kind = "a file could not be read or written"
    else:
        kind = "something unexpected went wrong"
    lines = str(exc).strip().splitlines()
    detail = lines[0][:200] if lines else exc.__class__.__name__
    return f"{kind} ({detail})"


@contextlib.contextmanager
def guard(what: str = "This page"):
    """Show a plain error instead of a traceback; the traceback goes to the server log.
    Streamlit's own control flow (rerun, stop, switch_page) derives from BaseException
    and passes through."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - the boundary is the point
        log.exception("%s failed", what)
        st.error(md_escape(f"{what} could not be shown: {describe_error(exc)}. "
                           "The details are in the server log."), icon=":material/error:")
