"""Streamlit glue shared by app.py and the pages: the store connection, the sidebar
filters, chart and table downloads, and the error boundary. Logic lives in analysis/."""
from __future__ import annotations

import contextlib
import functools
import html
import logging
import os
import runpy
import re
import threading
from pathlib import Path

import duckdb
import streamlit as st

from analysis import store
from analysis.present import charts, queries
from analysis.present.queries import Filters
from analysis.store import current_path, ensure_store

ROOT = Path(__file__).resolve().parent
DATA_ENV = "ESTIMATE_DESK_DATA"
PROVENANCE = "pages/provenance.py"
REVIEW = "pages/review.py"
FILTER_KEYS = ("f_measures", "f_groups", "f_dates", "f_publishers", "f_text", "f_reviewed")
# How long a page waits for another writer (a CLI ingest, another tab) before saying so.
WRITE_TIMEOUT = 20.0
log = logging.getLogger("estimate_desk")

CSS = """<style>
.desk-card {border: 1px solid #e3e3e3; border-radius: 8px; padding: 0.8rem 1rem;
            margin: 0 0 0.9rem 0; background: #ffffff;}
.desk-card h4 {margin: 0 0 0.2rem 0; font-size: 1.02rem; line-height: 1.35;}
.desk-meta {color: #5a5a5a; font-size: 0.85rem; margin-bottom: 0.55rem;}
.desk-para {line-height: 1.65; font-size: 0.97rem; color: #222;}
.desk-para .sentence {background: #fff4cc; border-radius: 3px; padding: 1px 0;}
.desk-para mark {background: #ffc83d; color: #111; font-weight: 600; padding: 0 3px;
                 border-radius: 3px;}
.desk-why {color: #333; font-size: 0.9rem; margin-top: 0.55rem; padding-top: 0.45rem;
           border-top: 1px dashed #e3e3e3;}
.desk-explain {border-left: 4px solid #ffc83d; background: #fffaf0; padding: 0.6rem 0.9rem;
               border-radius: 0 6px 6px 0; margin-bottom: 0.9rem; font-size: 0.95rem;}
.desk-facts {display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.2rem;
             font-size: 0.93rem; margin: 0 0 0.8rem 0; padding: 0;}
.desk-facts dt {color: #5a5a5a;} .desk-facts dd {margin: 0;}
.desk-status {display: inline-block; font-size: 0.78rem; font-weight: 600; padding: 0 0.45rem;
              border-radius: 9px; background: #eef1f5; color: #333; margin-left: 0.3rem;}
.desk-status.rejected {background: #fde2e1; color: #8a1c14;}
.desk-status.edited, .desk-status.added {background: #e3f1e6; color: #1d5c2c;}
.desk-status.accepted {background: #e3f1e6; color: #1d5c2c;}
.desk-text {line-height: 1.6; font-size: 0.95rem; color: #222; max-height: 26rem;
            overflow-y: auto; padding: 0.5rem 0.8rem; border: 1px solid #e3e3e3;
            border-radius: 6px; background: #fcfcfc;}
.desk-text mark {background: #ffc83d; color: #111; font-weight: 600; padding: 0 2px;
                 border-radius: 3px;}
</style>"""


def leave_folder_mode() -> None:
    """Run every page through app.py's navigation, even on a first deep link.

    Next to a folder named pages/, Streamlit starts each process in its older multipage
    mode until st.navigation runs: a first request for /provenance?… would run that page
    alone, without app.py's sidebar and store check. Each page calls this first; it turns
    the old mode off for the process and runs app.py in its place, in the same run, so
    the request (a button click included) is served through app.py.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        runpy.run_path(str(ROOT / "app.py"), run_name="__main__")
        st.stop()


def data_dir() -> Path:
    """The data folder: $ESTIMATE_DESK_DATA, else the repository's data/."""
    return Path(os.environ.get(DATA_ENV) or ROOT / "data")


def store_link() -> Path:
    return data_dir() / "estimates.duckdb"


def articles_dir() -> Path:
    return data_dir() / "articles"


def decisions_db() -> Path:
    return store.decisions_path(store_link())


def md_escape(text: str) -> str:
    """Text shown through Streamlit's Markdown as itself (no links, emphasis or maths)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", str(text)).replace("\n", "  \n")


# --- store ---------------------------------------------------------------------------

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


def flash(kind: str, text: str) -> None:
    """A message for the next run of the page (after an action and st.rerun)."""
    st.session_state.setdefault("flash", []).append((kind, text))


def show_flash() -> None:
    icons = {"success": ":material/check_circle:", "warning": ":material/schedule:",
             "error": ":material/error:", "info": ":material/info:"}
    for kind, text in st.session_state.pop("flash", []):
        getattr(st, kind)(text, icon=icons.get(kind))


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


# --- errors --------------------------------------------------------------------------

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


# --- filters -------------------------------------------------------------------------

def reset_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)


def _keep_known(key: str, options: list) -> None:
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def _date_bounds(opts: queries.FilterOptions):
    lo, hi = opts.min_date, opts.max_date
    picked = st.session_state.get("f_dates")
    full = st.session_state.get("f_dates_full")
    if not (isinstance(picked, (tuple, list)) and picked
            and all(lo <= d <= hi for d in picked)) or (
            full and tuple(picked) == tuple(full) and tuple(full) != (lo, hi)):
        # Unset, out of range, or left at the full extent of an older build (an article
        # or a review has since widened it): follow the full extent.
        st.session_state["f_dates"] = (lo, hi)
    st.session_state["f_dates_full"] = (lo, hi)
    picked = st.date_input("Date (claim date, else published)", min_value=lo, max_value=hi,
                           key="f_dates", format="YYYY-MM-DD",
                           help="Claims without any date are shown only while the range is "
                                "left at its full extent.")
    picked = list(picked) if isinstance(picked, (tuple, list)) else [picked]
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None
    return (start if start and start > lo else None), (end if end and end < hi else None)


def sidebar_filters() -> Filters:
    """Draw the filters in the sidebar (on every page: their state lives in the session)."""
    opts = queries.filter_options(cursor())
    _keep_known("f_measures", opts.measures)
    _keep_known("f_groups", opts.groups)
    _keep_known("f_publishers", opts.publishers)
    with st.sidebar:
        st.subheader("Filters")
        measures = st.multiselect("Measure", opts.measures, key="f_measures",
                                  format_func=queries.measure_label, placeholder="All measures")
        groups = st.multiselect("Claimant group", opts.groups, key="f_groups",
                                placeholder="All groups")
        date_from = date_to = None
        if opts.min_date:
            date_from, date_to = _date_bounds(opts)
        publishers = st.multiselect("Publisher", opts.publishers, key="f_publishers",
                                    placeholder="All publishers")
        text = st.text_input("Search quotes, sentences, claimants", key="f_text",
                             placeholder="e.g. Kursk")
        reviewed = st.checkbox("Reviewed only", key="f_reviewed",
                               help="Only claims whose every mention an analyst has accepted "
                                    "or corrected, and only reviewed mentions.")
        st.button("Reset filters", on_click=reset_filters, key="reset_filters",
                  icon=":material/filter_alt_off:")
    filters = Filters(tuple(measures), tuple(groups), date_from, date_to, tuple(publishers),
                      text or "", bool(reviewed))
    st.session_state["filters"] = filters
    return filters


def filters() -> Filters:
    """The filters drawn in the sidebar on this run."""
    return st.session_state.get("filters") or Filters()


def empty_store_message() -> bool:
    """Say so and return True when the store holds no figures at all."""
    n = queries.counts(cursor())
    if n["claims"]:
        return False
    st.info(f"The database holds {n['articles']} articles but no figures yet, so there is "
            "nothing to chart. Figures appear once the extractor finds them and the database "
            "is rebuilt (`python -m analysis.build`).", icon=":material/hourglass_empty:")
    return True


NO_MATCH = ("No claims match the filters. Widen the date range, clear a filter or press "
            "**Reset filters** in the sidebar.")


def filtered_claims():
    """The sidebar's filters and the claims they select; None, after a plain message, when
    the store holds no figures or the filters match none."""
    if empty_store_message():
        return None
    chosen = filters()
    claims = queries.claims(cursor(), chosen)
    if claims.empty:
        st.info(NO_MATCH, icon=":material/filter_alt:")
        return None
    return chosen, claims


# --- downloads -----------------------------------------------------------------------

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
            st.download_button(label, data=functools.partial(queries.export_table, df, fmt),
                               file_name=f"{stem}.{fmt}", mime=mime, key=f"dl-{key}-{fmt}",
                               on_click="ignore", icon=":material/download:")


def decisions_file(fmt: str) -> bytes:
    """Every review decision as a JSON or CSV file (what the Review page's downloads serve)."""
    from analysis.store import decisions

    logged = decisions.load(decisions_db())
    text = decisions.export_json(logged) if fmt == "json" else decisions.export_csv(logged)
    return text.encode("utf-8")


# --- provenance HTML -----------------------------------------------------------------

_WEB_LINK = re.compile(r"^https?://[^\s\"'<>]+$", re.I)


def article_card(article: dict | None, mention: dict) -> str:
    """An article's metadata and the paragraph around one mention, as escaped HTML."""
    esc = html.escape
    article = article or {}
    title = article.get("title") or mention.get("title") or mention["article"]
    meta = [esc(article.get("publisher") or queries.UNKNOWN_PUBLISHER)]
    if article.get("author"):
        meta.append("by " + esc(article["author"]))
    published = article.get("published") or mention.get("published")
    meta.append(f"published {esc(str(published))}" if published else "publication date unknown")
    meta.append(f"file <code>{esc(mention['article'])}</code>")
    url = article.get("url") or ""
    if _WEB_LINK.match(url):
        meta.append(f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                    "open the original</a>")
    elif url:
        meta.append(f"source (not a web link): {esc(url)}")
    paragraph = queries.highlight_html(
        article.get("text"), mention.get("start"), mention.get("end"), mention.get("quote"),
        mention.get("sentence_start"), mention.get("sentence_end"), mention.get("sentence"))
    why = queries.explain_bounds(mention.get("quote"), mention.get("qualifier"),
                                 mention.get("value"), mention.get("low"), mention.get("high"))
    claimant = mention.get("claimant") or "no claimant named"
    return (f'<div class="desk-card"><h4>{esc(title)}{status_badge(mention)}</h4>'
            f'<div class="desk-meta">{" · ".join(meta)}</div>'
            f'<div class="desk-para">{paragraph}</div>'
            f'<div class="desk-why"><b>Claimant:</b> {esc(claimant)} '
            f'({esc(mention.get("claimant_group") or "Unattributed")}). '
            f"<b>Bounds:</b> {esc(why)}{review_line(mention)}</div></div>")


def _present(value):
    """None for a missing cell (None, NaN, NaT), else the value."""
    try:
        return None if value is None or value != value else value
    except (TypeError, ValueError):
        return value


def status_badge(mention: dict) -> str:
    status = mention.get("review_status") or "unreviewed"
    if status not in queries.REVIEW_LABELS:
        status = "unreviewed"
    return (f'<span class="desk-status {status}">'
            f"{html.escape(queries.REVIEW_LABELS[status])}</span>")


def review_line(mention: dict) -> str:
    """The figure as reviewed: measure, claim date and the analyst's note."""
    esc = html.escape
    parts = [f"<br><b>Figure:</b> {esc(queries.bound_label(mention.get('qualifier'), mention.get('value'), mention.get('low'), mention.get('high')))}"
             f" · {esc(queries.measure_label(mention.get('measure')))}"
             f" · claim date {esc(str(_present(mention.get('claim_date')) or 'not stated'))}"]
    note = mention.get("review_note")
    if isinstance(note, str) and note.strip():
        parts.append(f"<br><b>Analyst's note:</b> {esc(note)}")
    return "".join(parts)


def facts(pairs: list[tuple[str, object]]) -> str:
    """A small definition list, escaped."""
    rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in pairs)
    return f'<dl class="desk-facts">{rows}</dl>'
