"""Sources: who says it, who repeats it, what each side says now, and the grade of each
source. Clicking a node of the flow diagram narrows the page to it; every text from an
article is shown as text (tables) or escaped (figure labels)."""
from __future__ import annotations

import datetime as dt
import json

import streamlit as st

from analysis.present import labels, queries, sources
from analysis.present.sources import Focus
from analysis.store import decisions
from ui import connection, filters, grades, messages, nav

nav.run_through_app()

EVERYTHING = ""
FOCUS_KEY = "src_focus"
FIRSTS_SHOWN = 500  # rows of the first-appearance table on a large store
APPEARANCES_SHOWN = 1000  # rows of the citing-articles table (the top claims may have thousands)
CHAIN_STEPS = 8  # a claimant's latest estimates named in its chain; the older ones counted


# What the page reads, once per store version, filters and focus: a click on the flow, a
# grade or an expander reruns the page. Each read counts the store's claim_outlets rows
# (one per claim and publisher, derived at build and ingest time) of the claims chosen.
# The focus is passed as (kind, key) strings.
@st.cache_data(show_spinner="Counting who carries whose numbers…", max_entries=16)
def _flow(version: str, chosen: queries.Filters, kind: str, key: str) -> sources.Flow:
    return sources.flow(connection.cursor(), chosen, Focus(kind, key))


@st.cache_data(show_spinner="Placing the echoes…", max_entries=16)
def _echoes(version: str, chosen: queries.Filters, kind: str, key: str) -> dict:
    # for the claims the (kept) flow draws
    points = sources.echo_points(connection.cursor(), chosen, Focus(kind, key),
                                 drawn=_flow(version, chosen, kind, key))
    return {"points": points, "n_apps": int(points["n_articles"].sum()) if len(points) else 0}


# The two tables under the timeline are read when their expander is opened (40 ms of a
# first visit at 100,000 articles), then kept like the rest.
@st.cache_data(show_spinner=False, max_entries=16)
def _apps(version: str, chosen: queries.Filters, kind: str, key: str):
    return sources.appearances(connection.cursor(), chosen, Focus(kind, key),
                               drawn=_flow(version, chosen, kind, key), limit=APPEARANCES_SHOWN)


@st.cache_data(show_spinner=False, max_entries=16)
def _firsts(version: str, chosen: queries.Filters, kind: str, key: str):
    return sources.first_appearances(connection.cursor(), chosen, Focus(kind, key), limit=FIRSTS_SHOWN)


@st.cache_data(show_spinner=False, max_entries=16)
def _outlets(version: str, chosen: queries.Filters, kind: str, key: str):
    return sources.outlet_counts(connection.cursor(), chosen, Focus(kind, key))


@st.cache_data(show_spinner=False, max_entries=16)
def _latest(version: str, chosen: queries.Filters):
    """Each claimant's latest claims with their chains (the grades are read live)."""
    return sources.latest_with_chains(connection.cursor(), chosen, last=CHAIN_STEPS)


# The figures too, kept as objects (not copied per run): plotly checks a figure as it is
# built, most of a rerun's time before; keyed by the day as well (their source line
# says when they were made). `_build` makes it on a miss and is not part of the key.
@st.cache_resource(show_spinner=False, max_entries=48)
def _figure(version: str, chosen: queries.Filters, kind: str, key: str, which: str,
            subtitle: str, day: dt.date, _build):
    return _build()


def _focus_options(flow: sources.Flow) -> dict[str, str]:
    """Every node the page can narrow to, as "kind|key" → its name for people."""
    names = {"group": "Claimant group", "claim": "Claim", "publisher": "Publisher"}
    options = {EVERYTHING: "Everything the filters select"}
    for kind, key, label in zip(flow.kinds, flow.keys, flow.labels):
        if kind in names:
            options[f"{kind}|{key}"] = f"{names[kind]}: {label}"
    return options


def _as_focus(value: str) -> Focus:
    kind, _, key = (value or "").partition("|")
    return Focus(kind, key) if kind else Focus()


def _clicked(event, flow: sources.Flow, key: str) -> str | None:
    """The node a click chose ("kind|key"), once per click: a point whose customdata names
    a node ("others" narrows to its group)."""
    points = list(getattr(getattr(event, "selection", None), "points", None) or [])
    if not points:
        st.session_state.pop(f"{key}_seen", None)  # deselected: the same click counts again
        return None
    seen = json.dumps(points, sort_keys=True, default=str)
    if st.session_state.get(f"{key}_seen") == seen:
        return None
    st.session_state[f"{key}_seen"] = seen
    chosen = points[0].get("customdata")
    if not (isinstance(chosen, str) and "|" in chosen):
        return None
    kind, _, node = chosen.partition("|")
    if (kind, node) not in zip(flow.kinds, flow.keys):
        return None
    focus = flow.focus_of(list(zip(flow.kinds, flow.keys)).index((kind, node)))
    return f"{focus.kind}|{focus.key}"


def _narrowing(full: sources.Flow) -> tuple[Focus, str]:
    pending = st.session_state.pop("src_pending", None)
    options = _focus_options(full)
    if pending is not None:
        st.session_state[FOCUS_KEY] = pending
    if st.session_state.get(FOCUS_KEY) not in options:
        st.session_state[FOCUS_KEY] = EVERYTHING
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.selectbox("Narrow the page to", list(options), key=FOCUS_KEY, format_func=options.get,
                     help="Or click a node of the flow diagram: a claimant group, a claim or "
                          "a publisher.")
        if st.session_state[FOCUS_KEY] != EVERYTHING:
            st.button("Show everything", key="src_clear", icon=":material/close:",
                      on_click=lambda: st.session_state.update({"src_pending": EVERYTHING}))
    value = st.session_state[FOCUS_KEY]
    return _as_focus(value), (options[value] if value else "")


def _html_download(fig, stem: str, key: str) -> None:
    st.download_button("HTML (works offline)", data=lambda: sources.figure_html(fig),
                       file_name=f"{stem}.html", mime="text/html", key=key,
                       icon=":material/download:")


def _flow_section(version: str, chosen, focus: Focus, flow: sources.Flow, subtitle: str) -> None:
    st.subheader("Who carries whose numbers")
    st.caption("Claimant group → claim → publisher; widths count citing articles. Click a "
               "bar under it (or pick above) to narrow the page to a node. The camera icon "
               "saves a PNG at 2×.")
    kept = (version, chosen, focus.kind, focus.key)
    fig = _figure(*kept, "sankey", subtitle, dt.date.today(), lambda: sources.sankey_figure(flow, subtitle))
    # Streamlit 1.67 passes on clicks of points, boxes, lassos and hierarchy sectors, not
    # of Sankey nodes: the bars below stand in for the nodes, one click each.
    sankey = st.plotly_chart(fig, on_select="rerun", selection_mode="points", key="src_sankey",
                             config=sources.PLOTLY_CONFIG, width="stretch")
    _html_download(fig, "estimate-desk-sources-flow", "src_flow_html")
    nodes = _figure(*kept, "nodes", "", dt.date.today(), lambda: sources.nodes_figure(flow))
    bars = st.plotly_chart(nodes, on_select="rerun", selection_mode="points",
                           key="src_nodes", config={"displaylogo": False, "displayModeBar": False},
                           width="stretch")
    clicked = _clicked(sankey, flow, "src_sankey") or _clicked(bars, flow, "src_nodes")
    if clicked and clicked != st.session_state.get(FOCUS_KEY):
        st.session_state["src_pending"] = clicked
        st.rerun()


def _timeline_section(version: str, chosen, focus: Focus, subtitle: str, total: int) -> None:
    echoes = _echoes(version, chosen, focus.kind, focus.key)
    kept = (version, chosen, focus.kind, focus.key)
    st.subheader("First reports and their echoes")
    st.caption("Each claim a row: its first report (filled) and the later articles "
               "repeating it (rings, one a day; hover for how many). Drag the slider under "
               "the chart or a box on it to zoom.")
    fig = _figure(*kept, "timeline", subtitle, dt.date.today(),
                  lambda: sources.timeline_figure(echoes["points"], subtitle, n_claims=total))
    st.plotly_chart(fig, key="src_timeline", config=sources.PLOTLY_CONFIG, width="stretch")
    _html_download(fig, "estimate-desk-echoes", "src_timeline_html")
    shown = f"the {FIRSTS_SHOWN} most echoed of {total}" if total > FIRSTS_SHOWN else str(total)
    firsts = st.expander(f"First appearance of each claim ({shown})", icon=":material/table:",
                         key="src_firsts_open", on_change="rerun")
    if firsts.open:
        with firsts:
            found = _firsts(*kept)
            st.dataframe(found.assign(claim=[sources.claim_name(r) for r in queries.records(found)])[
                ["claim", "first_published", "first_publisher", "first_article", "n_echoes",
                 "max_lag_days", "claim_id"]],
                hide_index=True, width="stretch",
                column_config={"first_published": "first report", "first_publisher": "by",
                               "first_article": "article", "n_echoes": "echoes",
                               "max_lag_days": "longest lag (days)"})
    more = echoes["n_apps"] - APPEARANCES_SHOWN
    apps = st.expander("Every article citing the claims drawn above, with its lag"
                       + (f" (the first {APPEARANCES_SHOWN:,}, and {more:,} more)" if more > 0 else ""),
                       icon=":material/list:", key="src_apps_open", on_change="rerun")
    if apps.open:
        with apps:
            st.dataframe(_apps(*kept)[["claim_id", "claimant", "publisher", "published", "is_first",
                                       "lag_days", "title", "article"]],
                         hide_index=True, width="stretch",
                         column_config={"is_first": "first report", "lag_days": "lag (days)"})


def _outlets_section(counts, one_side) -> None:
    st.subheader("Outlets and the sides they carry")
    st.caption("Claims each outlet carries, per claimant group, and how many of them it "
               "reported first.")
    st.dataframe(sources.outlet_table(counts), hide_index=True, width="stretch")
    st.markdown("##### Outlets that only ever carry one side")
    st.caption("Every claim they carry comes from one claimant group, counted over all "
               "groups (a claimant-group filter picks the side shown; unattributed figures "
               "are no side's and are counted apart). Echoes: articles repeating a claim "
               "another outlet reported first.")
    if one_side.empty:
        st.caption("None in this selection.")
    else:
        st.dataframe(one_side, hide_index=True, width="stretch")


def _now_section(version: str, chosen) -> None:
    cur = connection.cursor()
    now = queries.graded(cur, _latest(version, chosen))
    st.subheader("What each claimant says now")
    st.caption("Per measure, each claimant's latest claim, with the estimates it "
               "supersedes; undated claims are listed apart (they supersede nothing).")
    if now.empty:
        st.caption("No claim in this selection.")
        return
    now["figure"] = [labels.bound_label(r["qualifier"], r["value"], r["low"], r["high"])
                     for r in queries.records(now)]
    now["source"] = [labels.grade_label(c, r, g) for c, r, g in
                     zip(now["claimant"], now["reliability"], now["credibility"])]
    now["measure"] = now["measure"].map(labels.measure_label)
    st.dataframe(now[["measure", "claimant_group", "source", "figure", "date", "chain", "claim_id"]],
                 hide_index=True, width="stretch",
                 column_config={"claimant_group": "group", "date": "latest claim"})


def _grading_section(chosen) -> None:
    cur = connection.cursor()
    st.subheader("Grade a source")
    st.caption("Source reliability on the Admiralty scale: A completely reliable … E "
               "unreliable, F cannot be judged. A grade is a decision: logged with your "
               "name and note, kept across rebuilds, exported with the others. A claim's "
               "credibility (1–6) is graded on Provenance.")
    names = queries.claimant_names(cur, chosen)
    graded = queries.source_grades(cur)
    if not graded.empty:
        shown = graded.assign(meaning=graded["reliability"].map(decisions.RELIABILITY))
        st.dataframe(shown[["claimant", "reliability", "meaning", "reliability_note",
                            "reliability_by", "reliability_at"]],
                     hide_index=True, width="stretch",
                     column_config={"reliability_note": "note", "reliability_by": "by",
                                    "reliability_at": "when (UTC)"})
    if not names:
        st.caption("No named claimant in this selection.")
        return
    who = st.selectbox("Claimant", names, key="src_grade_claimant")
    grades.grade_form(f"src-grade-{who}", decisions.source_subject(who), "reliability",
                      who)


def main() -> None:
    st.title("Sources")
    st.caption("Who makes each estimate, which outlets repeat it and when, what each "
               "claimant says now, and how far each source is trusted.")
    if filters.empty_store_message():
        return
    chosen = filters.current()
    version = connection.store_version()
    full = _flow(version, chosen, "", "")
    if not full.labels:
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
        _grading_section(chosen)
        return
    focus, named = _narrowing(full)
    subtitle = chosen.describe() + (f" · {named}" if focus.kind else "")
    if focus.kind:
        st.info(messages.md_escape(f"Narrowed to {named}."), icon=":material/filter_alt:")
    drawn = _flow(version, chosen, focus.kind, focus.key) if focus.kind else full
    _flow_section(version, chosen, focus, drawn, subtitle)
    _timeline_section(version, chosen, focus, subtitle, drawn.n_claims)
    wide, wide_focus = sources.every_group(chosen, focus)  # one read for both outlet tables
    every = _outlets(version, wide, wide_focus.kind, wide_focus.key)
    _outlets_section(sources.group_rows(every, chosen, focus), sources.one_side_shown(every, chosen, focus))
    _now_section(version, chosen)
    _grading_section(chosen)


main()
