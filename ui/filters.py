"""The sidebar filters, drawn on every page. Their state lives in the session and in the
URL: a session's first run takes them from the URL (a shared link, a reload), and every
run writes them back to it (`analysis.present.catalog` names them there)."""
from __future__ import annotations

import dataclasses

import streamlit as st

from analysis.present import catalog, queries
from analysis.present.labels import measure_label
from analysis.present.queries import Filters
from analysis.store import decisions
from ui.connection import cursor
from ui.messages import flash, md_escape

GRADE_KEYS = ("f_reliability", "f_credibility")
FILTER_KEYS = ("f_measures", "f_groups", "f_dates", "f_publishers", "f_text", "f_reviewed") + GRADE_KEYS
# A Filters field -> the sidebar widget holding it (the two dates share "f_dates").
WIDGETS = {"measures": "f_measures", "groups": "f_groups", "publishers": "f_publishers",
           "text": "f_text", "reviewed_only": "f_reviewed",
           "reliability_at_least": "f_reliability", "credibility_at_least": "f_credibility"}
SEEDED = "filters_from_url"


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


def _seed_from_url(opts: queries.FilterOptions) -> None:
    """On a session's first run, set the sidebar from the URL's filters; a value the
    database does not hold, or that does not parse, is named in a message and dropped."""
    if st.session_state.get(SEEDED):
        return
    st.session_state[SEEDED] = True
    params = {k: st.query_params.get_all(k) for k in catalog.PARAM_NAMES if k in st.query_params}
    if not params:
        return
    chosen, problems = catalog.from_params(params, opts)
    for attr, key in WIDGETS.items():
        value = getattr(chosen, attr)
        if value is None:  # an unset grade: the widgets' "any" choice
            value = 0 if attr == "credibility_at_least" else ""
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    if opts.min_date:
        st.session_state["f_dates"] = (chosen.date_from or opts.min_date,
                                       chosen.date_to or opts.max_date)
        st.session_state["f_dates_full"] = (opts.min_date, opts.max_date)
    if problems:
        flash("warning", md_escape("Part of this link's filters could not be used, so the "
                                   "view shown is the nearest one: " + " ".join(problems)))


def _write_url(chosen: Filters) -> None:
    """Put the filters in the URL, keeping the page's own parameters (?claim=…)."""
    wanted: dict[str, list[str]] = {}
    for name, value in catalog.to_params(chosen):
        wanted.setdefault(name, []).append(value)
    # One parameter at a time: the page's own (and any bound to a widget) stay untouched.
    for name in (p.name for p in catalog.FILTER_PARAMS):
        values = wanted.get(name, [])
        if st.query_params.get_all(name) == values:
            continue
        if values:
            st.query_params[name] = values
        else:
            del st.query_params[name]


def sidebar_filters() -> Filters:
    """Draw the filters in the sidebar (on every page: their state lives in the session
    and in the URL)."""
    opts = queries.filter_options(cursor())
    _seed_from_url(opts)
    _keep_known("f_measures", opts.measures)
    _keep_known("f_groups", opts.groups)
    _keep_known("f_publishers", opts.publishers)
    with st.sidebar:
        st.subheader("Filters")
        measures = st.multiselect("Measure", opts.measures, key="f_measures",
                                  format_func=measure_label, placeholder="All measures")
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
        graded = grade_filters()
        st.button("Reset filters", on_click=reset_filters, key="reset_filters",
                  icon=":material/filter_alt_off:")
    filters = Filters(tuple(measures), tuple(groups), date_from, date_to, tuple(publishers),
                      text or "", bool(reviewed))
    filters = dataclasses.replace(filters, **graded)
    st.session_state["filters"] = filters
    _write_url(filters)
    return filters


# --- source grades (Admiralty): "B or better" -------------------------------------------

def grade_filters() -> dict:
    """The grade filters (draw inside the sidebar): Filters fields by their values. The
    last grade of each scale (F, 6: cannot be judged) is no "or better"."""
    reliability = st.selectbox(
        "Source graded", ["", *list(decisions.RELIABILITY)[:-1]], key="f_reliability",
        format_func=lambda g: f"{g} or better" if g else "Any source, graded or not",
        help="Admiralty reliability of the claimant (A completely reliable … E unreliable), "
             "as graded on the Sources page. Ungraded sources and F (cannot be judged) are "
             "left out once a grade is chosen.")
    credibility = st.selectbox(
        "Claim graded", [0, *list(decisions.CREDIBILITY)[:-1]], key="f_credibility",
        format_func=lambda g: f"{g} or better" if g else "Any claim, graded or not",
        help="Admiralty credibility of the claim (1 confirmed … 5 improbable), as graded on "
             "Provenance. Ungraded claims and 6 (cannot be judged) are left out once a "
             "grade is chosen.")
    return {"reliability_at_least": reliability or None, "credibility_at_least": credibility or None}


def current() -> Filters:
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
    chosen = current()
    claims = queries.claims(cursor(), chosen)
    if claims.empty:
        st.info(NO_MATCH, icon=":material/filter_alt:")
        return None
    return chosen, claims
