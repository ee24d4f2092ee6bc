"""Chart, table and decision-log downloads, made when the button is pressed."""
from __future__ import annotations

import datetime as dt
import functools
from urllib.parse import urlencode

import streamlit as st

from analysis.present import catalog, charts, files, queries
from analysis.store import decisions
from ui.connection import cursor, decisions_db


# (format, size, label, mime, file suffix)
CHART_FORMATS = (("png", "standard", "PNG (2×)", "image/png", ".png"),
                 ("png", "slide", "Slide PNG (16:9)", "image/png", "-slide.png"),
                 ("svg", "standard", "SVG", "image/svg+xml", ".svg"),
                 ("svg", "slide", "Slide SVG (16:9)", "image/svg+xml", "-slide.svg"),
                 ("pdf", "standard", "PDF", "application/pdf", ".pdf"),
                 ("html", "standard", "HTML (offline)", "text/html", ".html"))


def view_link() -> str:
    """The link to this view: the page's address with its parameters and every filter."""
    base = (st.context.url or "").rstrip("/")
    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    return base + (f"?{urlencode(pairs)}" if pairs else "")


def copy_link() -> None:
    """The view's link in a code block (its copy button copies it)."""
    with st.expander("Copy link to this view", icon=":material/link:"):
        st.code(view_link(), language=None, wrap_lines=True)
        st.caption("Opens this page with the same filters (and the same claim on "
                   "Provenance) in any browser that reaches this dashboard.")


def _export(chart, fmt: str, size: str, alt: str) -> bytes:
    return catalog.render(chart, fmt, size, alt)


def _data_zip(chart, claims, filters: str, link: str, alt: str, cur) -> bytes:
    # The bibliography is read only when the button is pressed (a query per chart on
    # every run of a page of charts was a tenth of its time at 10,000 articles).
    cites = queries.citations(cur, queries.cited_articles(claims))
    return files.data_zip(claims, cites, title=charts.chart_title(chart), filters=filters,
                          link=link, made=dt.date.today(), alt=alt)


def chart_downloads(chart, stem: str, key: str, claims=None, filters=None, alt: str | None = None) -> None:
    """PNG (2× and slide), SVG (and slide), PDF, standalone HTML of a chart, and the data
    behind it (a ZIP) when the claims it shows are given; made when a button is pressed.
    `alt` is the chart's alt text when it is not made from `claims`."""
    alt = charts.alt_text(chart, claims) if claims is not None and alt is None else alt
    with st.container(horizontal=True, gap="small"):
        for fmt, size, label, mime, suffix in CHART_FORMATS:
            st.download_button(label, data=functools.partial(_export, chart, fmt, size, alt),
                               file_name=f"{stem}{suffix}", mime=mime,
                               key=f"dl-{key}-{fmt}-{size}", on_click="ignore",
                               icon=":material/download:")
        if claims is not None:
            # Session state, the URL and the store's cursor are read here, on the
            # script's thread: the callable runs on another one.
            st.download_button("Data behind the chart (ZIP)", data=functools.partial(
                _data_zip, chart, claims, (filters.describe() if filters else ""),
                view_link(), alt or "", cursor()), file_name=f"{stem}-data.zip",
                mime="application/zip", key=f"dl-{key}-zip", on_click="ignore",
                icon=":material/folder_zip:")


def _table_file(df, fmt: str) -> bytes:
    return files.export_table(df() if callable(df) else df, fmt)


def table_downloads(df, stem: str, key: str) -> None:
    """CSV and Parquet of a table; `df` may be a function returning it, called on click."""
    with st.container(horizontal=True, gap="small"):
        for fmt, label, mime in (("csv", "CSV", "text/csv"),
                                 ("parquet", "Parquet", "application/vnd.apache.parquet")):
            st.download_button(label, data=functools.partial(_table_file, df, fmt),
                               file_name=f"{stem}.{fmt}", mime=mime, key=f"dl-{key}-{fmt}",
                               on_click="ignore", icon=":material/download:")


def decisions_file(fmt: str) -> bytes:
    """Every review decision as a JSON or CSV file (what the Review page's downloads serve)."""
    logged = decisions.load(decisions_db())
    text = decisions.export_json(logged) if fmt == "json" else decisions.export_csv(logged)
    return text.encode("utf-8")
