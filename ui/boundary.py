"""The error boundary: a plain message on the page, the traceback in the server log."""
from __future__ import annotations

import contextlib
import errno
import logging
import re

import duckdb
import streamlit as st

from analysis.store.decisions import DecisionError
from ui.messages import md_escape

log = logging.getLogger("estimate_desk")


# A write that found no room: the OS's codes, and DuckDB's words for them.
_NO_ROOM = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
_NO_ROOM_TEXT = re.compile(r"No space left on device|File too large|Disk quota exceeded", re.I)


def describe_error(exc: BaseException) -> str:
    if getattr(exc, "errno", None) in _NO_ROOM or _NO_ROOM_TEXT.search(str(exc)):
        kind = ("the disk is full, so the database could not be written; what was saved "
                "before is kept, and the next update after space is freed catches up")
    elif isinstance(exc, DecisionError):
        kind = "the decision log could not be used"
    elif isinstance(exc, duckdb.Error):
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
