"""Messages for the reader: text shown as itself, and notes kept for the next run."""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st


# Streamlit's Markdown links bare web and e-mail addresses after escapes are read, so
# backslashes cannot stop it: an invisible word joiner inside the pattern does.
_AUTOLINK = re.compile(r"(?<=[a-z]:)(?=//)|(?<=www)(?=\.)|(?=@[-\w]+\.)", re.I)
JOINER = "\u2060"


def md_escape(text: str) -> str:
    r"""Text shown through Streamlit's Markdown as itself (no links, emphasis or maths).

    >>> print(md_escape("**x** at https://e.org, a@b.org").replace(JOINER, "^"))
    \*\*x\*\* at https\:^//e\.org, a^@b\.org
    """
    text = _AUTOLINK.sub(JOINER, str(text))
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", text).replace("\n", "  \n")


def md_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A table for st.table, which renders its cells as Markdown: every text cell escaped."""
    return df.apply(lambda col: col.map(lambda v: md_escape(v) if isinstance(v, str) else v))


def flash(kind: str, text: str) -> None:
    """A message for the next run of the page (after an action and st.rerun)."""
    st.session_state.setdefault("flash", []).append((kind, text))


def show_flash() -> None:
    icons = {"success": ":material/check_circle:", "warning": ":material/schedule:",
             "error": ":material/error:", "info": ":material/info:"}
    for kind, text in st.session_state.pop("flash", []):
        getattr(st, kind)(text, icon=icons.get(kind))
