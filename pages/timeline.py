"""Timeline: claims over time, a panel per measure, a line per claimant group; binned by
day, week or month once too many claims match to draw one by one."""
import datetime as dt

import streamlit as st

from analysis.present import charts, queries
from ui import clicks, connection, downloads, filters, nav

nav.run_through_app()


# Once per store version and filters: a click or a download reruns the page.
@st.cache_data(show_spinner=False, max_entries=16)
def _count(version: str, chosen: queries.Filters) -> int:
    return queries.count_claims(connection.cursor(), chosen)


@st.cache_data(show_spinner="Placing the claims on the timeline…", max_entries=16)
def _view(version: str, chosen: queries.Filters, made):
    """charts.timeline_view, or None when no matching claim has a date."""
    try:
        return charts.timeline_view(connection.cursor(), chosen, made=made)
    except ValueError:
        return None


def main() -> None:
    st.title("Timeline")
    if filters.empty_store_message():
        return
    chosen = filters.current()
    version = connection.store_version()
    if not _count(version, chosen):
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
        return
    view = _view(version, chosen, dt.date.today())
    if view is None:
        st.info("None of the matching claims has a date, so there is nothing to place on a "
                "timeline. The Compare and Data pages list them.", icon=":material/event_busy:")
        return
    chart, claims, bins = view
    if claims is not None:
        st.caption("Each claim at the date it was made. Lines join the claims of one claimant "
                   "group; bars span ranges; ▲ marks a floor (at least, more than), ▼ a ceiling "
                   "(up to, nearly). Click a marker to open that claim on Provenance.")
        st.info("Hollow markers use the article's **published date**: the claim's own date is "
                "unknown, so the claim may be older than it appears.", icon=":material/info:")
        dated = claims[claims["date"].notna()]
        alt = charts.alt_text(chart, dated)
    else:
        facts = bins.attrs["facts"]
        st.caption(f"{facts['n_claims']:,} dated claims match: more than "
                   f"{charts.MAX_TIMELINE_POINTS} to draw one by one, so each claimant group "
                   f"is drawn per {bins.attrs['unit']} as its median value (line) and the band "
                   "from its lowest to its highest value. Narrow the filters to see single "
                   "claims and click them.")
        dated, alt = None, charts.bins_alt_text(chart, bins, facts)
    with st.container(border=True):
        clicks.clickable_chart(chart, key="timeline-chart", alt=alt)
        downloads.chart_downloads(chart, "estimate-desk-timeline", key="timeline",
                                  claims=dated, filters=chosen, alt=alt)
    undated = len(claims) - len(dated) if dated is not None else bins.attrs["undated"]
    if undated:
        st.caption(f"{undated:,} matching claim{'s' * (undated != 1)} without any date "
                   "not shown.")


main()
