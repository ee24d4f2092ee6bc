"""Review: accept, reject or correct the figures the extractor found, add the ones it
missed, and share the decisions with other desks.

Every action appends one decision to the review log (SQLite, analysis.review) and then
refreshes the store, which re-applies the whole log: the charts show the corrected
figures on the next run. Article text is escaped before it is marked up.
"""
from __future__ import annotations

import datetime as dt
import functools
import math

import pandas as pd
import streamlit as st

import desk_ui
from analysis.present import queries
from analysis.store import decisions
from analysis.extract.vocab import GROUPS, MEASURES

desk_ui.leave_folder_mode()

PAGE_SIZE = 8
SECTIONS = {"queue": "Queue", "add": "Add a missed figure", "orphans": "Orphaned decisions",
            "share": "Export and import"}
SHOW = {"unreviewed": "Unreviewed", "reviewed": "Reviewed", "all": "All mentions"}
QUALIFIERS = list(queries.QUALIFIER_LABELS)
ALL_ARTICLES = ""


# --- acting --------------------------------------------------------------------------

def _fields(m: dict) -> dict:
    """A mention's reviewable fields as plain JSON values."""
    out = {}
    for k in decisions.EDITABLE:
        v = m.get(k)
        if isinstance(v, float) and math.isnan(v):
            v = None
        elif isinstance(v, float) and v.is_integer():
            v = int(v)
        elif isinstance(v, (dt.date, pd.Timestamp)):
            v = v.isoformat()[:10]
        out[k] = v
    return out


def _decide(m: dict, sha: str, action: str, after: dict | None, note: str, done: str) -> None:
    """Record one decision, refresh the store, rerun: the page then shows the result."""
    try:
        decisions.record(desk_ui.decisions_db(), article=m["article"], article_sha=sha,
                      start=int(m["start"]), end=int(m["end"]), quote=m["quote"], action=action,
                      before=_fields(m) if action != "add" else None, after=after,
                      note=(note or "").strip())
    except decisions.DecisionError as exc:
        st.error(f"Not saved: {desk_ui.md_escape(str(exc))}.", icon=":material/block:")
        return
    saved = f"Your decision on “{m['quote']}” is saved."
    if desk_ui.refresh_store(desk_ui.md_escape(saved)):
        desk_ui.flash("success", desk_ui.md_escape(done))
    st.rerun()


def _decimal(*values) -> bool:
    """Whole numbers step by 1; a fraction anywhere makes the inputs decimal."""
    return any(isinstance(v, float) and not math.isnan(v) and not v.is_integer()
               for v in values if v is not None)


def _as_input(v, decimal: bool):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v) if decimal else int(round(float(v)))


def _figure_form(prefix: str, m: dict, submit: str, note_default: str = "") -> tuple[dict, str] | None:
    """The fields of a figure in a form; returns (fields, note) when submitted and valid."""
    dec = _decimal(m.get("value"), m.get("low"), m.get("high"))
    kw = {"step": 1.0, "format": "%.2f"} if dec else {"step": 1}
    with st.form(f"{prefix}-form", border=False):
        c1, c2, c3 = st.columns(3)
        value = c1.number_input("Value", min_value=0.01 if dec else 1,
                                value=_as_input(m.get("value"), dec), key=f"{prefix}-value", **kw)
        qual = m.get("qualifier") if m.get("qualifier") in QUALIFIERS else "exact"
        qualifier = c2.selectbox("Wording (qualifier)", QUALIFIERS, index=QUALIFIERS.index(qual),
                                 format_func=queries.QUALIFIER_LABELS.get, key=f"{prefix}-qualifier")
        measures = list(MEASURES) + ([m["measure"]] if m.get("measure") and m["measure"] not in MEASURES else [])
        measure = c3.selectbox("Measure", measures,
                               index=measures.index(m["measure"]) if m.get("measure") in measures else 0,
                               format_func=queries.measure_label, key=f"{prefix}-measure")
        c4, c5, c6 = st.columns(3)
        low = c4.number_input("Low", min_value=0.0 if dec else 0,
                              value=_as_input(m.get("low"), dec), key=f"{prefix}-low",
                              placeholder="none", **kw)
        high = c5.number_input("High", min_value=0.0 if dec else 0,
                               value=_as_input(m.get("high"), dec), key=f"{prefix}-high",
                               placeholder="none", **kw)
        auto = c6.checkbox("Set low and high from the wording", value=True, key=f"{prefix}-auto",
                           help="Exact and approximate: low = high = value; at least / more "
                                "than: low = value; up to / nearly: high = value; range: low "
                                "= value unless given, high as given.")
        c7, c8, c9 = st.columns(3)
        claimant = c7.text_input("Claimant", value=m.get("claimant") or "", key=f"{prefix}-claimant")
        groups = list(GROUPS)
        group = m.get("claimant_group") if m.get("claimant_group") in groups else "Unattributed"
        claimant_group = c8.selectbox("Claimant group", groups, index=groups.index(group),
                                      key=f"{prefix}-group")
        day = m.get("claim_date")
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        claim_date = c9.date_input("Claim date", value=day if isinstance(day, dt.date) else None,
                                   min_value=dt.date(1900, 1, 1), format="YYYY-MM-DD",
                                   max_value=dt.date.today() + dt.timedelta(days=366),
                                   key=f"{prefix}-date")
        note = st.text_input("Note (optional, kept with the decision)", value=note_default,
                             key=f"{prefix}-note", placeholder="e.g. the briefing said 12,000")
        submitted = st.form_submit_button(submit, type="primary", key=f"{prefix}-submit",
                                          icon=":material/save:")
    if not submitted:
        return None
    if value is None:
        st.error("Give the figure a value.", icon=":material/block:")
        return None
    if auto:
        low, high = queries.derive_bounds(qualifier, value, low, high)
    if qualifier == "range" and (high is None or low is None or high <= low):
        st.error("A range needs a high bound above its low bound.", icon=":material/block:")
        return None
    return ({"value": value, "low": low, "high": high, "qualifier": qualifier,
             "measure": measure, "claimant": claimant.strip() or None,
             "claimant_group": claimant_group,
             "claim_date": claim_date.isoformat() if isinstance(claim_date, dt.date) else None},
            note)


# --- the queue -----------------------------------------------------------------------

def _mention_card(cur, m: dict, sha: str, article: dict | None) -> None:
    mid = m["mention_id"]
    with st.container(border=True):
        st.html(desk_ui.article_card(article, m))
        with st.container(horizontal=True, gap="small", vertical_alignment="bottom"):
            note = st.text_input("Note (optional, kept with your decision)", key=f"rv-note-{mid}",
                                 placeholder="e.g. the figure counts Russian troops")
            if st.button("Accept", key=f"rv-accept-{mid}", icon=":material/check:",
                         help="The extractor read this figure right."):
                _decide(m, sha, "accept", None, note, f"Accepted “{m['quote']}”.")
            if st.button("Reject (not a figure)", key=f"rv-reject-{mid}", icon=":material/close:",
                         help="Not an estimate of North Korean personnel: leave it out of "
                              "every claim and chart."):
                _decide(m, sha, "reject", None, note,
                        f"Rejected “{m['quote']}”: it no longer counts in any claim.")
        with st.expander("Edit the fields", icon=":material/edit:", key=f"rv-exp-{mid}"):
            done = _figure_form(f"rv-edit-{mid}", m, "Save correction")
            if done:
                after, edit_note = done
                _decide(m, sha, "edit", after, edit_note,
                        f"Corrected “{m['quote']}”: {queries.changes_text(_fields(m), after)}.")


def _article_label(arts: pd.DataFrame):
    rows = {r["article"]: r for r in arts.to_dict("records")}

    def label(name: str) -> str:
        if name == ALL_ARTICLES:
            return "All articles"
        r = rows[name]
        title = r.get("title") or name
        title = title if len(title) <= 70 else title[:69] + "…"
        return f"{title} ({name}) · {r['n_unreviewed']} to review"
    return label


def queue(cur, arts: pd.DataFrame) -> None:
    options = [ALL_ARTICLES, *arts["article"]]
    if st.session_state.get("review_article") not in options:
        st.session_state["review_article"] = ALL_ARTICLES
    with st.container(horizontal=True, vertical_alignment="bottom"):
        first_page = lambda: st.session_state.pop("review_page", None)  # noqa: E731
        article = st.selectbox("Article", options, key="review_article", on_change=first_page,
                               format_func=_article_label(arts), width=620)
        show = st.selectbox("Show", list(SHOW), format_func=SHOW.get, key="review_show",
                            on_change=first_page, width=200)
    rows = queries.review_queue(cur, desk_ui.filters(), status=show, article=article or None)
    if rows.empty:
        if show == "unreviewed":
            st.success("Nothing left to review here: every figure"
                       + (" of this article" if article else "")
                       + " has been accepted, corrected or rejected.", icon=":material/task_alt:")
        else:
            st.info("No mention matches.", icon=":material/filter_alt:")
        return
    pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
    page = 1
    if pages > 1:
        if st.session_state.get("review_page", 1) > pages:
            st.session_state["review_page"] = pages
        page = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1,
                               key="review_page", width=160)
    first = (page - 1) * PAGE_SIZE
    shown = queries.records(rows.iloc[first:first + PAGE_SIZE])
    st.caption(f"Mentions {first + 1}–{first + len(shown)} of {len(rows)}, in text order. "
               "The sidebar filters apply here too (except Reviewed only).")
    shas = dict(zip(arts["article"], arts["sha256"]))
    articles = {}
    for m in shown:
        if m["article"] not in articles:
            articles[m["article"]] = queries.article(cur, m["article"])
        _mention_card(cur, m, shas[m["article"]], articles[m["article"]])


# --- adding a missed figure ----------------------------------------------------------

def _guess_numbers(quote: str) -> dict:
    """Value (and high, for a range) read from the quote, to prefill the form."""
    try:
        from analysis.extract.numbers import find_numbers

        found = find_numbers(quote)
    except Exception:  # noqa: BLE001 - a guess only; the analyst fills the form anyway
        return {}
    if not found:
        return {}
    first = found[0]
    if first.high is not None:
        return {"value": first.value, "low": first.value, "high": first.high, "qualifier": "range"}
    return {"value": first.value, "low": first.value, "high": first.value, "qualifier": "exact"}


def add_missed(cur, arts: pd.DataFrame) -> None:
    st.caption("Pick the article and the sentence, type the figure's words exactly as they "
               "stand in it (e.g. “some 1,200”), then fill in the fields.")
    names = list(arts["article"])
    label = _article_label(arts)
    name = st.selectbox("Article", names, key="add_fig_article",
                        format_func=lambda n: label(n).rsplit(" · ", 1)[0])
    a = queries.article(cur, name)
    if not a or not a.get("text"):
        st.info("That article has no text.")
        return
    text = a["text"]
    spans = queries.sentence_spans(text, int(a.get("body_start") or 0))
    if not spans:
        st.info("That article has no sentences.")
        return

    def sentence_label(i: int) -> str:
        s, e = spans[i]
        snippet = " ".join(text[s:e].split())
        return f"{i + 1}. " + (snippet if len(snippet) <= 150 else snippet[:149] + "…")

    key = f"add_fig_sentence_{name}"
    i = st.selectbox("Sentence", range(len(spans)), key=key, format_func=sentence_label,
                     help="Type to search the sentences.")
    s_start, s_end = spans[i]
    sentence = text[s_start:s_end]
    figures = queries.mentions_in_article(cur, name)
    st.html('<div class="desk-text">' + queries.highlight_figures_html(
        text, figures, s_start, s_end) + "</div>")
    if any(f["start"] < s_end and s_start < f["end"] for f in figures):
        st.caption("Marked: figures the extractor already found in this sentence (correct "
                   "those in the Queue).")
    quote = st.text_input("The figure's words, exactly as written in the sentence",
                          key=f"add_fig_quote_{name}_{i}", placeholder="e.g. some 1,200")
    if not quote:
        return
    at = [k for k in range(len(sentence)) if sentence.startswith(quote, k)]
    if not at:
        st.error(desk_ui.md_escape(f"“{quote}” is not in the sentence. Copy the words exactly "
                                   "as they are written there (spaces and punctuation count)."),
                 icon=":material/search_off:")
        return
    which = 0
    if len(at) > 1:
        which = st.radio("It appears more than once; which one?", range(len(at)), horizontal=True,
                         format_func=lambda k: f"occurrence {k + 1}", key=f"add_fig_which_{name}_{i}")
    start = s_start + at[which]
    end = start + len(quote)
    if text[start:end] != quote:  # cannot happen; the decision log relies on it
        st.error("The span does not match the text; pick the sentence again.")
        return
    clash = [f for f in figures if f["start"] < end and start < f["end"]
             and f.get("review_status") != "rejected"]
    if clash:
        st.warning(desk_ui.md_escape(
            f"“{quote}” overlaps the figure “{clash[0]['quote']}” the extractor already found. "
            "Correct that one in the Queue (Edit the fields) instead."),
            icon=":material/call_split:")
        return
    st.html('<div class="desk-text">' + queries.highlight_figures_html(
        text, [{"start": start, "end": end, "quote": quote, "measure": "new figure"}],
        s_start, s_end) + "</div>")
    guess = _guess_numbers(quote)
    base = {"article": name, "start": start, "end": end, "quote": quote,
            "measure": "troops_deployed", "claimant_group": "Unattributed", **guess}
    done = _figure_form(f"add-{name}-{start}-{end}", base, "Add figure")
    if done:
        after, note = done
        _decide(base, a["sha256"], "add", after, note,
                f"Added “{quote}” as {queries.fields_text(after)}.")


# --- orphans, export, import ---------------------------------------------------------

def _decision_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "when": df["created_at"], "what": df["action"].map(queries.ACTION_LABELS),
        "article": df["article"], "quote": df["quote"],
        "decision": [queries.changes_text(b, a) if act == "edit" else
                     queries.fields_text(a) if act == "add" else "—"
                     for act, b, a in zip(df["action"], df["before"], df["after"])],
        "note": df["note"], "why": df["orphan_reason"]})


def orphans(cur) -> None:
    df = queries.decisions(cur, orphans_only=True)
    if df.empty:
        st.success("Every decision still finds its text in the corpus.", icon=":material/task_alt:")
        return
    st.markdown(f"**{len(df)}** decision{'s' * (len(df) != 1)} no longer find the text they "
                "were taken on: the article was removed, or its text changed at that place. "
                "They stay in the log (and in exports) and apply again if the same text comes "
                "back; otherwise review the figure again in the Queue.")
    st.dataframe(_decision_table(df), hide_index=True, key="orphans_table", column_config={
        "when": st.column_config.TextColumn("When"), "what": st.column_config.TextColumn("What"),
        "article": st.column_config.TextColumn("Article (file)"),
        "quote": st.column_config.TextColumn("Quote"),
        "decision": st.column_config.TextColumn("Decision"),
        "note": st.column_config.TextColumn("Note"),
        "why": st.column_config.TextColumn("Why it no longer applies")})


def share() -> None:
    n = len(decisions.load(desk_ui.decisions_db()))
    st.markdown(f"The review log holds **{n}** decision{'s' * (n != 1)}. Export them to share "
                "with another desk, or import a file exported elsewhere: decisions already "
                "here are skipped.")
    with st.container(horizontal=True, gap="small"):
        for fmt, label, mime in (("json", "Decisions (JSON)", "application/json"),
                                 ("csv", "Decisions (CSV)", "text/csv")):
            st.download_button(label, data=functools.partial(desk_ui.decisions_file, fmt),
                               file_name=f"estimate-desk-decisions.{fmt}", mime=mime,
                               key=f"dl-decisions-{fmt}", on_click="ignore",
                               icon=":material/download:", disabled=not n)
    r = st.session_state.setdefault("import_round", 0)
    upload = st.file_uploader("Import a decisions file (JSON or CSV)", type=["json", "csv"],
                              key=f"import_file_{r}")
    if upload is not None and st.button("Import decisions", key="import_go", type="primary",
                                        icon=":material/upload:"):
        try:
            rows = decisions.parse_export(upload.getvalue(), upload.name)
            new = decisions.import_decisions(desk_ui.decisions_db(), rows)
        except decisions.DecisionError as exc:
            st.error(f"Not imported: {desk_ui.md_escape(str(exc))}.", icon=":material/block:")
            return
        st.session_state["import_round"] = r + 1
        message = (f"Imported {upload.name}: {new} new decision{'s' * (new != 1)}, "
                   f"{len(rows) - new} already here.")
        if desk_ui.refresh_store(desk_ui.md_escape(message)):
            desk_ui.flash("success", desk_ui.md_escape(message))
        st.rerun()


# --- page ----------------------------------------------------------------------------

def _pending(cur) -> None:
    """Decisions in the log that the store does not hold yet (a refresh was busy)."""
    logged = len(decisions.load(desk_ui.decisions_db()))
    held = cur.execute("SELECT count(*) FROM decisions").fetchone()[0]
    if logged > held:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.warning(f"{logged - held} saved decision{'s are' if logged - held != 1 else ' is'} "
                       "not in the charts yet: the database was busy when "
                       f"{'they were' if logged - held != 1 else 'it was'} taken.",
                       icon=":material/schedule:")
            if st.button("Update the database now", key="review_refresh", icon=":material/sync:"):
                if desk_ui.refresh_store("Your decisions are saved."):
                    desk_ui.flash("success", "The database is up to date.")
                st.rerun()


def main() -> None:
    st.title("Review")
    st.caption("Check the figures the extractor found: accept them, reject what is not a "
               "figure, or correct any field. Every decision is logged with its time and "
               "note, and the charts use the reviewed values at once.")
    st.html(desk_ui.CSS)
    cur = desk_ui.cursor()
    arts = queries.articles_list(cur)
    if arts.empty:
        st.info("There are no articles yet. Add one on the **Add article** page.",
                icon=":material/note_add:")
        return
    _pending(cur)
    total, todo = int(arts["n_mentions"].sum()), int(arts["n_unreviewed"].sum())
    n_orphans = cur.execute("SELECT count(*) FROM decisions WHERE orphan_reason IS NOT NULL"
                            ).fetchone()[0]
    with st.container(horizontal=True):
        st.metric("To review", todo, border=True)
        st.metric("Reviewed", total - todo, border=True)
        st.metric("Orphaned decisions", n_orphans, border=True)
    if st.session_state.get("review_section") not in SECTIONS:
        st.session_state["review_section"] = "queue"
    # Fixed labels: a label that changes (a count) makes the browser lose the selection.
    section = st.radio("Section", list(SECTIONS), key="review_section", horizontal=True,
                       label_visibility="collapsed", format_func=SECTIONS.get)
    if section == "queue":
        queue(cur, arts)
    elif section == "add":
        add_missed(cur, arts)
    elif section == "orphans":
        orphans(cur)
    else:
        share()


main()
