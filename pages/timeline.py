"""Timeline: claims over time, a panel per measure, a line per claimant group."""
import streamlit as st

from analysis.present import charts
from ui import downloads, filters, nav

nav.run_through_app()


def main() -> None:
    st.title("Timeline")
    st.caption("Each claim at the date it was made. Lines join the claims of one claimant "
               "group; bars span ranges; ▲ marks a floor (at least, more than), ▼ a ceiling "
               "(up to, nearly).")
    found = filters.filtered_claims()
    if found is None:
        return
    chosen, claims = found
    dated = claims[claims["date"].notna()]
    if dated.empty:
        st.info("None of the matching claims has a date, so there is nothing to place on a "
                "timeline. The Compare and Data pages list them.", icon=":material/event_busy:")
        return
    st.info("Hollow markers use the article's **published date**: the claim's own date is "
            "unknown, so the claim may be older than it appears.", icon=":material/info:")
    with st.container(border=True):
        chart = charts.timeline_chart(claims, subtitle=chosen.describe())
        st.altair_chart(chart, theme=None, width="content")
        downloads.chart_downloads(chart, "estimate-desk-timeline", key="timeline",
                                  claims=dated, filters=chosen)
    undated = len(claims) - len(dated)
    if undated:
        st.caption(f"{undated} matching claim{'s' * (undated != 1)} without any date "
                   "not shown.")


main()
