"""Messages for the reader: text shown as itself, and notes kept for the next run."""
from __future__ import annotations

import re

import streamlit as st


def md_escape(text: str) -> str:
    """Text shown through Streamlit's Markdown as itself (no links, emphasis or maths)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", str(text)).replace("\n", "  \n")


def flash(kind: str, text: str) -> None:
    """A message for the next run of the page (after an action and st.rerun)."""
    st.session_state.setdefault("flash", []).append((kind, text))


def show_flash() -> None:
    icons = {"success": ":material/check_circle:", "warning": ":material/schedule:",
             "error": ":material/error:", "info": ":material/info:"}
    for kind, text in st.session_state.pop("flash", []):
        getattr(st, kind)(text, icon=icons.get(kind))
