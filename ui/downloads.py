"""Chart, table and decision-log downloads, made when the button is pressed."""
from __future__ import annotations

import functools

import streamlit as st

from analysis.present import charts, files
from analysis.store import decisions
from ui.connection import decisions_db


CHART_FORMATS = (("png", "PNG (2×)", "image/png"), ("svg", "SVG", "image/svg+xml"),
                 ("html", "HTML (offline)", "text/html"))


def _export(chart, fmt: str) -> bytes:
    return charts.EXPORTERS[fmt](chart)


def chart_downloads(chart, stem: str, key: str) -> None:
    """PNG, SVG and standalone HTML of a chart, made when the button is pressed."""
    with st.container(horizontal=True, gap="small"):
        for fmt, label, mime in CHART_FORMATS:
            st.download_button(label, data=functools.partial(_export, chart, fmt),
                               file_name=f"{stem}.{fmt}", mime=mime, key=f"dl-{key}-{fmt}",
                               on_click="ignore", icon=":material/download:")


def table_downloads(df, stem: str, key: str) -> None:
    with st.container(horizontal=True, gap="small"):
        for fmt, label, mime in (("csv", "CSV", "text/csv"),
                                 ("parquet", "Parquet", "application/vnd.apache.parquet")):
            st.download_button(label, data=functools.partial(files.export_table, df, fmt),
                               file_name=f"{stem}.{fmt}", mime=mime, key=f"dl-{key}-{fmt}",
                               on_click="ignore", icon=":material/download:")


def decisions_file(fmt: str) -> bytes:
    """Every review decision as a JSON or CSV file (what the Review page's downloads serve)."""
    logged = decisions.load(decisions_db())
    text = decisions.export_json(logged) if fmt == "json" else decisions.export_csv(logged)
    return text.encode("utf-8")
