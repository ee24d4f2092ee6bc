"""Compare: per measure, one row per claimant (or claimant group) summing up its claims."""
import datetime as dt

import streamlit as st

from analysis.present import charts, labels, queries
from ui import clicks, connection, downloads, filters, nav, pickers

nav.run_through_app()

BY = {"claimant": "Claimant", "group": "Claimant group"}
PAGE_SIZE = 20


def _claims_of(chosen: queries.Filters, measure: str, rows) -> None:
    """A claimant's (or group's) claims behind one chart, a page at a time, most-cited
    first; choosing a row opens it on Provenance."""
    by_group = st.session_state.get("compare_by") == "group"
    options = {i: charts.summary_label(r) for i, r in enumerate(rows.to_dict("records"))}
    pick = st.selectbox("Claims of", list(options), format_func=options.get, index=None,
                        key=f"who-{measure}", placeholder="Choose a row of the chart")
    if pick is None:
        return
    row = rows.iloc[pick]
    total = int(row["n_claims"])
    pages = max(1, -(-total // PAGE_SIZE))
    page = st.number_input(f"Page (of {pages}; {PAGE_SIZE} claims a page, most-cited first)",
                           min_value=1, max_value=pages, value=1, step=1,
                           key=f"page-{measure}-{pick}") if pages > 1 else 1
    found = queries.claims_of(connection.cursor(), chosen, measure, row["claimant_group"],
                              None if by_group else row["who"], limit=PAGE_SIZE,
                              offset=(int(page) - 1) * PAGE_SIZE)
    view = found.assign(
        claimant=[labels.claimant_name(c, g) for c, g in zip(found["claimant"], found["claimant_group"])],
        figure=[labels.bound_label(q, v, lo, hi) for q, v, lo, hi
                in zip(found["qualifier"], found["value"], found["low"], found["high"])])
    event = st.dataframe(
        view, hide_index=True, on_select="rerun", selection_mode="single-row",
        key=f"claims-{measure}-{pick}-{page}",
        column_order=["figure", "claimant", "date", "n_articles", "quote", "claim_id"],
        column_config={"figure": "Figure", "claimant": "Claimant",
                       "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                       "n_articles": "Articles", "quote": "Quote", "claim_id": "Claim id"})
    picked = event.selection.rows if event else []
    if picked:
        clicks.open_claim(found["claim_id"].iloc[picked[0]])
    st.caption("Choose a row to open that claim on Provenance.")


# The summaries, once per store version, filters and mode: a click on a chart, a page of
# claims or an expander reruns the page, and at 100,000 articles the summary takes a
# third of a second to compute. They also give the counts above the charts (a query of
# their own read the text filter a second time).
@st.cache_data(show_spinner="Summarising the claims…", max_entries=16)
def _charts(version: str, chosen: queries.Filters, by: str, made) -> list:
    return [(m, chart, rows, charts.alt_text(chart, rows))
            for m, chart, rows in charts.compare_charts(connection.cursor(), chosen, by=by,
                                                        made=made)]


def main() -> None:
    st.title("Compare estimates")
    st.caption("Per measure, one row per claimant: its latest claim in the date window (the "
               "point; bars span ranges, dashed arrows mark open bounds) over a pale band "
               "spanning all its claims. Hover for the quote and counts; click a point to "
               "open that claim on Provenance.")
    if filters.empty_store_message():
        return
    chosen = filters.current()
    version = connection.store_version()
    by = st.segmented_control("One row per", list(BY), format_func=BY.get, default="claimant",
                              key="compare_by", required=True)
    drawn = _charts(version, chosen, by or "claimant", dt.date.today())
    n_claims, n_articles = charts.compare_totals(rows for _, _, rows, _ in drawn)
    if not n_claims:
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
        return
    st.markdown(f"**{n_claims:,}** claims from **{n_articles:,}** articles match the filters.")
    for measure, chart, rows, alt in drawn:
        with st.container(border=True):
            clicks.clickable_chart(chart, key=f"chart-{measure}", alt=alt)
            downloads.chart_downloads(chart, f"estimate-desk-compare-{measure}", key=measure,
                                      claims=rows, filters=chosen, alt=alt)
            with st.expander("The claims behind this chart", icon=":material/list:"):
                _claims_of(chosen, measure, rows)

    st.divider()
    st.subheader("Trace a claim to its articles")
    with st.container(horizontal=True, vertical_alignment="bottom"):
        claim_id = pickers.claim_picker("compare_claim", chosen)
        if st.button("Open in Provenance", icon=":material/find_in_page:", key="open_provenance",
                     disabled=claim_id is None):
            clicks.open_claim(claim_id)


main()
