"""Add article: upload files or paste text, check the metadata and the figures the
extractor will take from it, then save it into the corpus and the database.

Everything goes through analysis.ingest (the same code as `python -m analysis.ingest`):
`prepare` reads the bytes and previews the figures, `save` writes the file and updates
the store under the writer lock. Article text is escaped before it is marked up.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis import store
from analysis.present import labels, markup
from analysis.store import ingest
from analysis.extract.articles import MAX_BYTES, ArticleError, parse_article
from ui import connection, messages, nav

nav.run_through_app()

# The browser refuses bigger files itself, saying so.
UPLOAD_LIMIT_MB = MAX_BYTES // 2**20
FIELDS = (("title", "Title"), ("publisher", "Publisher"), ("author", "Author"),
          ("url", "URL"), ("published", "Published (date)"), ("language", "Language"))
FIGURE_COLUMNS = {
    "quote": st.column_config.TextColumn("Quote"),
    "figure": st.column_config.TextColumn("Figure"),
    "measure": st.column_config.TextColumn("Measure"),
    "claimant": st.column_config.TextColumn("Claimant"),
    "claimant_group": st.column_config.TextColumn("Group"),
    "claim_date": st.column_config.TextColumn("Claim date"),
}


@dataclass
class Source:
    """One article to add: uploaded or pasted bytes under a file name."""
    key: str
    filename: str
    data: bytes
    pasted: bool = False


@st.cache_data(show_spinner=False, max_entries=64)
def _prepare(data: bytes, filename: str, overrides: tuple) -> ingest.Prepared:
    """ingest.prepare without the duplicate check (done on every run against the folder)."""
    return ingest.prepare(data, filename, dict(overrides))


def _existing() -> dict[str, str]:
    folder = connection.articles_dir()
    if not folder.is_dir():
        return {}
    listing = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                           for p in folder.iterdir() if p.is_file()))
    return _existing_hashes(str(folder), listing)


@st.cache_data(show_spinner=False, max_entries=4)
def _existing_hashes(folder: str, listing: tuple) -> dict[str, str]:
    from pathlib import Path

    return ingest.existing_hashes(Path(folder))


def _sources() -> list[Source]:
    n = st.session_state.setdefault("add_round", 0)
    tab_upload, tab_paste = st.tabs(["Upload files", "Paste text"])
    out: list[Source] = []
    with tab_upload:
        files = st.file_uploader(
            "Article files (.txt, .md or .html; several at once)", accept_multiple_files=True,
            key=f"add_files_{n}", max_upload_size=UPLOAD_LIMIT_MB,
            help="Plain text or Markdown (UTF-8, or Windows/Latin-1 text), or a saved web page. "
                 "Front matter (title:, publisher:, published: …) at the top is read.")
        for f in files or []:
            data = f.getvalue()
            key = hashlib.sha1(f.name.encode() + b"\0" + data).hexdigest()[:12]
            out.append(Source(key, f.name, data))
    with tab_paste:
        text = st.text_area("Article text", key=f"add_paste_{n}", height=220,
                            placeholder="Paste the article here: headline first, then the body.")
        name = st.text_input("File name (optional)", key=f"add_paste_name_{n}",
                             placeholder="made from the title when left empty")
        if text.strip():
            data = text.encode("utf-8")
            stem = (name or "").strip().rsplit(".", 1)[0] if name.strip() else "pasted-article"
            key = "p" + hashlib.sha1(data).hexdigest()[:11]
            out.append(Source(key, f"{stem}.txt", data, pasted=True))
    return out


def _meta_form(src: Source, meta: dict) -> dict:
    """The metadata fields, prefilled from what the file states; returns the overrides."""
    st.caption("Filled in from what the file states; change anything that is wrong. A field "
               "left empty keeps what the file says, if anything.")
    cols = st.columns(3)
    values = {}
    for i, (field, label) in enumerate(FIELDS):
        key = f"add_meta_{src.key}_{field}"
        with cols[i % 3]:
            if field == "published":
                if key not in st.session_state:
                    st.session_state[key] = meta.get("published")
                day = st.date_input(label, key=key, min_value=dt.date(1900, 1, 1),
                                    max_value=dt.date.today() + dt.timedelta(days=366),
                                    format="YYYY-MM-DD",
                                    help="Claim dates such as 'on Monday' are read against it.")
                values[field] = day.isoformat() if isinstance(day, dt.date) else None
            else:
                if key not in st.session_state:
                    st.session_state[key] = str(meta.get(field) or "")
                values[field] = st.text_input(label, key=key).strip() or None
    # Only what differs from the file is passed on: the file's own values need no override
    # (and the preview made for them is reused).
    stated = {k: (v.isoformat() if isinstance(v, dt.date) else str(v)) for k, v in meta.items()
              if v not in (None, "")}
    return {k: v for k, v in values.items() if v and stated.get(k) != v}


def _figures_table(figures: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{
        "quote": f["quote"],
        "figure": labels.bound_label(f.get("qualifier"), f.get("value"), f.get("low"), f.get("high")),
        "measure": labels.measure_label(f.get("measure")),
        "claimant": f.get("claimant") or "—",
        "claimant_group": f.get("claimant_group") or "Unattributed",
        "claim_date": str(f.get("claim_date") or "—"),
    } for f in figures], columns=list(FIGURE_COLUMNS))


def _preview(item: ingest.Prepared) -> None:
    article = parse_article(item.name, item.text)
    n = len(item.figures)
    st.markdown(f"**{n} figure{'s' * (n != 1)}** will be extracted, marked in the text below "
                "(hover a mark for its measure). You can correct them on the Review page "
                "once saved.")
    if n:
        st.dataframe(_figures_table(item.figures), column_config=FIGURE_COLUMNS,
                     hide_index=True, key=f"add_figs_{item.name}_{n}")
    body = markup.highlight_figures_html(item.text, item.figures, article.body_start)
    st.html(f'<div class="desk-text">{body}</div>')


def _item(src: Source, existing: dict[str, str], batch: dict[str, str]) -> ingest.Prepared | None:
    """One article's box: its refusal, or its metadata form and preview."""
    with st.container(border=True):
        st.markdown(f"##### {':material/content_paste:' if src.pasted else ':material/description:'} "
                    f"{messages.md_escape(src.filename if not src.pasted else 'Pasted text')}")
        try:
            meta = _prepare(src.data, src.filename, ()).meta
            overrides = _meta_form(src, meta)
            item = _prepare(src.data, src.filename, tuple(sorted(overrides.items())))
        except ArticleError as exc:
            st.error(f"Not added: {messages.md_escape(str(exc))}.", icon=":material/block:")
            return None
        digest = item.digest
        if digest in existing:
            st.error(messages.md_escape(
                f"Not added: {src.filename}: the same article is already in the corpus as "
                f"{existing[digest]}."), icon=":material/content_copy:")
            return None
        if digest in batch:
            st.error(messages.md_escape(f"Not added: {src.filename} has the same text as "
                                       f"{batch[digest]}, above."), icon=":material/content_copy:")
            return None
        batch[digest] = src.filename
        st.caption(f"Will be saved as `{item.name}` in the articles folder"
                   + (" (with a number added if that name is taken)." if
                      (connection.articles_dir() / item.name).exists() else "."))
        _preview(item)
        return item


def _save(items: list[ingest.Prepared]) -> None:
    try:
        with st.spinner("Saving and extracting…"):
            ingest.save(items, connection.articles_dir(), connection.store_link(),
                        timeout=connection.WRITE_TIMEOUT)
    except store.StoreBusy:
        st.warning("Nothing was saved: the database is being updated by someone else right now. "
                   "Press **Save** again in a moment.", icon=":material/schedule:")
        return
    except ArticleError as exc:
        st.error(f"Not saved: {messages.md_escape(str(exc))}.", icon=":material/block:")
        return
    st.session_state["add_saved"] = [
        {"name": i.name, "title": i.meta.get("title") or i.name, "figures": len(i.figures)}
        for i in items]
    st.session_state["add_round"] = st.session_state.get("add_round", 0) + 1
    st.rerun()


def _saved_panel() -> None:
    saved = st.session_state.get("add_saved")
    if not saved:
        return
    with st.container(border=True):
        for s in saved:
            st.success(f"Saved **{messages.md_escape(s['title'])}** as `{s['name']}` with "
                       f"{s['figures']} figure{'s' * (s['figures'] != 1)}; the charts include "
                       "them now.", icon=":material/check_circle:")
        with st.container(horizontal=True):
            for i, s in enumerate(saved):
                if st.button(messages.md_escape(f"Review the figures of {s['name']}"), key=f"add_review_{i}",
                             icon=":material/rate_review:"):
                    st.session_state.pop("add_saved", None)
                    st.session_state["review_article"] = s["name"]
                    st.session_state["review_section"] = "queue"
                    st.switch_page(nav.REVIEW)
            st.button("Dismiss", key="add_dismiss",
                      on_click=lambda: st.session_state.pop("add_saved", None))


def main() -> None:
    st.title("Add article")
    st.caption("Upload article files or paste an article's text. Check the details (filled "
               "in from what the file states), look over the figures the extractor finds, "
               "then save: the article joins the corpus and every chart at once.")
    st.html(markup.CSS)
    _saved_panel()
    sources = _sources()
    if not sources:
        st.info("Choose one or more files, or paste an article, to see what will be added.",
                icon=":material/upload_file:")
        return
    existing, batch = _existing(), {}
    items = [item for src in sources if (item := _item(src, existing, batch)) is not None]
    refused = len(sources) - len(items)
    label = f"Save {len(items)} article{'s' * (len(items) != 1)}" if items else "Nothing to save"
    with st.container(horizontal=True, vertical_alignment="center"):
        clicked = st.button(label, type="primary", key="add_save", disabled=not items,
                            icon=":material/save:")
        if refused:
            st.caption(f"{refused} file{'s' * (refused != 1)} above cannot be added and will "
                       "be left out.")
    if clicked and items:
        _save(items)


main()
