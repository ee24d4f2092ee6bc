"""Review: accept, reject or correct the figures the extractor found, add the ones it
missed, and share the decisions with other desks.

Every action appends one decision to the review log (analysis.store.decisions) and then
refreshes the store, which re-applies the whole log: the charts show the corrected
figures on the next run. Article text is escaped before it is marked up.
"""
from __future__ import annotations

import functools
import math

import streamlit as st

from analysis.present import labels, markup, queries
from analysis.store import decisions
from ui import connection, downloads, filters, messages, nav, pickers, review_form

nav.run_through_app()

PAGE_SIZE = 8
SECTIONS = {"queue": "Queue", "add": "Add a missed figure", "orphans": "Orphaned decisions",
            "share": "Export and import"}
SHOW = {"unreviewed": "Unreviewed", "reviewed": "Reviewed", "all": "All mentions"}
ORDER = {"text": "In text order", "confidence": "Least sure first"}
ALL_ARTICLES = ""


# --- acting --------------------------------------------------------------------------
# A card remembers the id of its span's latest decision when it was first drawn (its
# base); a decision names that base, and the log refuses it when someone decided on the
# span since (another tab, another analyst). The refused decision is kept in the session
# with the other one, until the analyst applies theirs on top or drops it.

def _bases() -> dict:
    return st.session_state.setdefault("rv_bases", {})


def _conflicts() -> dict:
    return st.session_state.setdefault("rv_conflicts", {})


def _span_key(m: dict, sha: str) -> tuple[str, int, int]:
    return sha, int(m["start"]), int(m["end"])


def _decide(m: dict, sha: str, action: str, after: dict | None, note: str, done: str,
            key: str, based_on) -> None:
    """Record one decision, refresh the store, rerun: the page then shows the result."""
    try:
        new_id = connection.record(
            article=m["article"], article_sha=sha, start=int(m["start"]), end=int(m["end"]),
            quote=m["quote"], action=action,
            before=decisions.fields_of(m) if action != "add" else None, after=after,
            note=(note or "").strip(), based_on=based_on)
    except decisions.Conflict as exc:
        _conflicts()[key] = {"m": m, "sha": sha, "action": action, "after": after,
                             "note": note, "done": done, "other": exc.other}
        st.rerun()
    except decisions.DecisionError as exc:
        text = str(exc).rstrip(".")
        st.error(f"Not saved: {messages.md_escape(text)}.", icon=":material/block:")
        return
    _conflicts().pop(key, None)
    _bases()[key] = new_id
    saved = f"Your decision on “{m['quote']}” is saved."
    if connection.refresh_store(messages.md_escape(saved)):
        messages.flash("success", messages.md_escape(done))
    st.rerun()


def _other_text(other: dict) -> str:
    what = labels.ACTION_LABELS.get(other["action"], other["action"])
    if other["action"] == "edit":
        what += ": " + labels.changes_text(other.get("before"), other.get("after"))
    elif other["action"] == "add":
        what += ": " + labels.fields_text(other.get("after"))
    note = f" (note: “{other['note']}”)" if other.get("note") else ""
    by = f" by {other['author']}" if other.get("author") else ""
    return f"{what}{by}, at {str(other['created_at'])[:19].replace('T', ' ')} UTC{note}"


def conflict_box(key: str) -> bool:
    """The refused decision of this card, if any, with the two ways out; True when shown."""
    c = _conflicts().get(key)
    if not c:
        return False
    mine = labels.ACTION_LABELS.get(c["action"], c["action"])
    if c["action"] == "edit":
        mine += ": " + labels.changes_text(decisions.fields_of(c["m"]), c["after"])
    st.warning(messages.md_escape(
        f"Not saved yet: while you had “{c['m']['quote']}” open, another decision was taken "
        f"on it: {_other_text(c['other'])}. Yours was: {mine}. Apply yours on top of it, or "
        "drop yours and keep the other."), icon=":material/sync_problem:")
    with st.container(horizontal=True, gap="small"):
        if st.button("Apply mine on top", key=f"rv-ontop-{key}", type="primary"):
            _decide(c["m"], c["sha"], c["action"], c["after"], c["note"], c["done"], key,
                    based_on=c["other"]["id"])
        if st.button("Drop mine", key=f"rv-drop-{key}"):
            _conflicts().pop(key, None)
            _bases()[key] = c["other"]["id"]
            messages.flash("info", messages.md_escape(
                f"Dropped your decision on “{c['m']['quote']}”; the other one stands."))
            st.rerun()
    return True


# --- the queue -----------------------------------------------------------------------

def _mention_card(cur, m: dict, sha: str, article: dict | None, in_force: dict) -> None:
    mid = m["mention_id"]
    span = _span_key(m, sha)
    base = _bases().setdefault(mid, (in_force.get(span) or {}).get("id"))
    with st.container(border=True):
        st.html(markup.article_card(article, m))
        if labels.confidence_text(m):
            st.caption(messages.md_escape(labels.confidence_text(m)))
        if conflict_box(mid):
            return
        now = in_force.get(span)
        if now is not None and now["id"] != base:
            with st.container(horizontal=True, vertical_alignment="center"):
                st.info(messages.md_escape("Decided elsewhere since you opened this page: "
                                           + _other_text(now) + "."), icon=":material/sync:")
                if st.button("Dismiss", key=f"rv-seen-{mid}"):
                    _bases()[mid] = now["id"]
                    st.rerun()
        with st.container(horizontal=True, gap="small", vertical_alignment="bottom"):
            note = st.text_input("Note (optional, kept with your decision)", key=f"rv-note-{mid}",
                                 placeholder="e.g. the figure counts Russian troops")
            if st.button("Accept", key=f"rv-accept-{mid}", icon=":material/check:",
                         help="The extractor read this figure right."):
                _decide(m, sha, "accept", None, note, f"Accepted “{m['quote']}”.", mid, base)
            if st.button("Reject (not a figure)", key=f"rv-reject-{mid}", icon=":material/close:",
                         help="Not an estimate of North Korean personnel: leave it out of "
                              "every claim and chart."):
                _decide(m, sha, "reject", None, note,
                        f"Rejected “{m['quote']}”: it no longer counts in any claim.", mid, base)
        with st.expander("Edit the fields", icon=":material/edit:", key=f"rv-exp-{mid}"):
            done = review_form.figure_form(f"rv-edit-{mid}", m, "Save correction")
            if done:
                after, edit_note = done
                _decide(m, sha, "edit", after, edit_note,
                        f"Corrected “{m['quote']}”: {labels.changes_text(decisions.fields_of(m), after)}.",
                        mid, base)


ARTICLE_CHOICES = 50  # the article box offers the best matches of its search, not every article


def _article_label(arts: dict):
    """An article as the boxes list it. Fixed text (no counts): a label that changes
    after a decision makes the browser drop the selection."""
    def label(name: str) -> str:
        if name == ALL_ARTICLES:
            return "All articles"
        if name not in arts:
            return name
        title = arts[name].get("title") or name
        title = title if len(title) <= 70 else title[:69] + "…"
        return f"{title} ({name})"
    return label


def _choose_article(cur) -> str:
    """All articles, or one found by a search of titles, publishers and file names (a
    desk may hold a hundred thousand: the box lists the best matches, and the chosen one)."""
    text = st.text_input("Find an article", key="review_article_q", width=260,
                         placeholder="title, publisher, file name")
    found = queries.records(queries.search_articles(cur, text, limit=ARTICLE_CHOICES))
    arts = {r["article"]: r for r in found}
    chosen = st.session_state.get("review_article") or ALL_ARTICLES
    if chosen != ALL_ARTICLES and chosen not in arts:
        arts = {**queries.articles_named(cur, [chosen], "article, title"), **arts}
    options = [ALL_ARTICLES, *arts]
    if chosen not in options:
        st.session_state["review_article"] = ALL_ARTICLES
    return st.selectbox("Article", options, key="review_article",
                        on_change=lambda: st.session_state.pop("review_page", None),
                        format_func=_article_label(arts), width=560,
                        help=f"All articles, or one of the {ARTICLE_CHOICES} best matches of "
                             "the search (the newest when nothing is typed).")


def queue(cur) -> None:
    first_page = lambda: st.session_state.pop("review_page", None)  # noqa: E731
    with st.container(horizontal=True, vertical_alignment="bottom"):
        article = _choose_article(cur)
    with st.container(horizontal=True, vertical_alignment="bottom"):
        show = st.selectbox("Show", list(SHOW), format_func=SHOW.get, key="review_show",
                            on_change=first_page, width=200)
        order = st.selectbox("Order", list(ORDER), format_func=ORDER.get, key="review_order",
                             on_change=first_page, width=200,
                             help="Least sure first: figures the extractor was least sure of "
                                  "(low, then medium confidence) come first.")
    chosen = filters.current()
    n = queries.count_review_queue(cur, chosen, status=show, article=article or None)
    in_force = decisions.latest_by_span(decisions.load(connection.decisions_db()))
    pages = max(1, math.ceil(n / PAGE_SIZE))
    page = 1
    if pages > 1:
        if st.session_state.get("review_page", 1) > pages:
            st.session_state["review_page"] = pages
        page = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1,
                               key="review_page", width=160)
    first = (page - 1) * PAGE_SIZE
    # One page of the queue from the store, in the queue's order: never every mention.
    shown = queries.records(queries.review_queue(
        cur, chosen, status=show, article=article or None,
        least_sure_first=order == "confidence", limit=PAGE_SIZE, offset=first))
    shown_ids = {m["mention_id"] for m in shown}
    carried = [m for m in _carried(cur, shown_ids, in_force) if m["mention_id"] not in shown_ids]
    if not shown and not carried:
        hidden = queries.count_review_queue(cur, status=show, article=article or None)
        if hidden:  # not done: the sidebar filters leave nothing of it to show
            st.info(f"The sidebar filters hide all {hidden} mention{'s' * (hidden != 1)} "
                    f"{'to review' if show == 'unreviewed' else 'of this view'}"
                    + (" in this article" if article else "") + ". Widen the filters or "
                    "press **Reset filters** in the sidebar.", icon=":material/filter_alt:")
        elif show == "unreviewed":
            st.success("Nothing left to review here: every figure"
                       + (" of this article" if article else "")
                       + " has been accepted, corrected or rejected.", icon=":material/task_alt:")
        else:
            st.info("No mention matches.", icon=":material/filter_alt:")
        return
    if shown:
        st.caption(f"Mentions {first + 1}–{first + len(shown)} of {n}, "
                   f"{'least sure first' if order == 'confidence' else 'in text order'}. "
                   "The sidebar filters apply here too (except Reviewed only).")
    _show_cards(cur, carried + shown, in_force)


def _carried(cur, shown_ids: set, in_force: dict) -> list[dict]:
    """Cards of the last run that left this page of the queue because someone else
    decided on them (or that hold a refused decision): they stay, so a click on them is
    not lost."""
    out = []
    for mid in st.session_state.get("rv_shown", []):
        if mid in shown_ids:
            continue
        m = queries.mention(cur, mid)
        if m is None:
            continue
        sha = (queries.articles_named(cur, [m["article"]], "article, sha256").get(m["article"])
               or {}).get("sha256")
        if sha is None:
            continue
        now = in_force.get(_span_key(m, sha))
        if mid in _conflicts() or (now or {}).get("id") != _bases().get(mid):
            out.append(m)
    return out


def _show_cards(cur, shown: list[dict], in_force: dict) -> None:
    articles = queries.articles_named(cur, (m["article"] for m in shown))
    for m in shown:
        if m["article"] in articles:
            a = articles[m["article"]]
            _mention_card(cur, m, a["sha256"], a, in_force)
    st.session_state["rv_shown"] = [m["mention_id"] for m in shown]


# --- adding a missed figure ----------------------------------------------------------

def add_missed(cur) -> None:
    st.caption("Find the article and pick the sentence, type the figure's words exactly as "
               "they stand in it (e.g. “some 1,200”), then fill in the fields.")
    name = pickers.article_picker("add_fig_article")
    if not name:
        return
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
    st.html('<div class="desk-text">' + markup.highlight_figures_html(
        text, figures, s_start, s_end) + "</div>")
    if any(f["start"] < s_end and s_start < f["end"] for f in figures):
        st.caption("Marked: figures the extractor already found in this sentence (correct "
                   "those in the Queue).")
    quote = st.text_input("The figure's words, exactly as written in the sentence",
                          key=f"add_fig_quote_{name}_{i}", placeholder="e.g. some 1,200")
    if not quote:
        return
    at = decisions.occurrences(sentence, quote)
    if not at:
        st.error(messages.md_escape(f"“{quote}” is not in the sentence. Copy the words exactly "
                                   "as they are written there (spaces and punctuation count)."),
                 icon=":material/search_off:")
        return
    which = 0
    if len(at) > 1:
        which = st.radio("It appears more than once; which one?", range(len(at)), horizontal=True,
                         format_func=lambda k: f"occurrence {k + 1}", key=f"add_fig_which_{name}_{i}")
    start = s_start + at[which]
    end = start + len(quote)
    clash = decisions.overlapping(figures, start, end)
    if clash:
        st.warning(messages.md_escape(
            f"“{quote}” overlaps the figure “{clash[0]['quote']}” the extractor already found. "
            "Correct that one in the Queue (Edit the fields) instead."),
            icon=":material/call_split:")
        return
    st.html('<div class="desk-text">' + markup.highlight_figures_html(
        text, [{"start": start, "end": end, "quote": quote, "measure": "new figure"}],
        s_start, s_end) + "</div>")
    guess = decisions.guess_fields(quote)
    base = {"article": name, "start": start, "end": end, "quote": quote,
            "measure": "troops_deployed", "claimant_group": "Unattributed", **guess}
    key = f"add-{name}-{start}-{end}"
    in_force = decisions.latest_by_span(decisions.load(connection.decisions_db()))
    based_on = _bases().setdefault(key, (in_force.get((a["sha256"], start, end)) or {}).get("id"))
    if conflict_box(key):
        return
    done = review_form.figure_form(key, base, "Add figure")
    if done:
        after, note = done
        _decide(base, a["sha256"], "add", after, note,
                f"Added “{quote}” as {labels.fields_text(after)}.", key, based_on)


# --- orphans, export, import ---------------------------------------------------------

def orphans(cur) -> None:
    df = queries.decisions(cur, orphans_only=True)
    if df.empty:
        st.success("Every decision still finds its text in the corpus.", icon=":material/task_alt:")
        return
    st.markdown(f"**{len(df)}** decision{'s' * (len(df) != 1)} no longer find the text they "
                "were taken on: the article was removed, or its text changed at that place. "
                "They stay in the log (and in exports) and apply again if the same text comes "
                "back; otherwise review the figure again in the Queue.")
    st.dataframe(labels.decision_table(df), hide_index=True, key="orphans_table", column_config={
        "when": st.column_config.TextColumn("When"), "what": st.column_config.TextColumn("What"),
        "article": st.column_config.TextColumn("Article (file)"),
        "quote": st.column_config.TextColumn("Quote"),
        "decision": st.column_config.TextColumn("Decision"),
        "note": st.column_config.TextColumn("Note"),
        "why": st.column_config.TextColumn("Why it no longer applies")})


def share() -> None:
    n = len(decisions.load(connection.decisions_db()))
    st.markdown(f"The review log holds **{n}** decision{'s' * (n != 1)}. Export them to share "
                "with another desk, or import a file exported elsewhere: decisions already "
                "here are skipped.")
    with st.container(horizontal=True, gap="small"):
        for fmt, label, mime in (("json", "Decisions (JSON)", "application/json"),
                                 ("csv", "Decisions (CSV)", "text/csv")):
            st.download_button(label, data=functools.partial(downloads.decisions_file, fmt),
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
            new = connection.import_decisions(rows)
        except decisions.DecisionError as exc:
            st.error(f"Not imported: {messages.md_escape(str(exc))}.", icon=":material/block:")
            return
        st.session_state["import_round"] = r + 1
        message = (f"Imported {upload.name}: {new} new decision{'s' * (new != 1)}, "
                   f"{len(rows) - new} already here.")
        if connection.refresh_store(messages.md_escape(message)):
            messages.flash("success", messages.md_escape(message))
        st.rerun()


# --- page ----------------------------------------------------------------------------

def _pending(cur) -> None:
    """Decisions in the log that the store does not hold yet (a refresh was busy)."""
    logged = len(decisions.load(connection.decisions_db()))
    held = queries.decision_counts(cur)["held"]
    if logged > held:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.warning(f"{logged - held} saved decision{'s are' if logged - held != 1 else ' is'} "
                       "not in the charts yet: the database was busy when "
                       f"{'they were' if logged - held != 1 else 'it was'} taken.",
                       icon=":material/schedule:")
            if st.button("Update the database now", key="review_refresh", icon=":material/sync:"):
                if connection.refresh_store("Your decisions are saved."):
                    messages.flash("success", "The database is up to date.")
                st.rerun()


def main() -> None:
    st.title("Review")
    st.caption("Check the figures the extractor found: accept them, reject what is not a "
               "figure, or correct any field. Every decision is logged with its time and "
               "note, and the charts use the reviewed values at once.")
    st.html(markup.CSS)
    cur = connection.cursor()
    totals = queries.review_totals(cur)
    if not totals["articles"]:
        st.info("There are no articles yet. Add one on the **Add article** page.",
                icon=":material/note_add:")
        return
    _pending(cur)
    total, todo = totals["mentions"], totals["unreviewed"]
    n_orphans = queries.decision_counts(cur)["orphans"]
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
        queue(cur)
    elif section == "add":
        add_missed(cur)
    elif section == "orphans":
        orphans(cur)
    else:
        share()


main()
