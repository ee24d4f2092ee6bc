"""Timeline: claims over time, a panel per measure, a line per claimant group."""
import streamlit as st

import desk_ui
from analysis.present import charts

desk_ui.leave_folder_mode()


def main() -> None:
    st.title("Timeline")
    st.caption("Each claim at the date it was made. Lines join the claims of one claimant "
               "group; bars span ranges; ▲ marks a floor (at least, more than), ▼ a ceiling "
               "(up to, nearly).")
    found = desk_ui.filtered_claims()
    if found is None:
        return
    filters, claims = found
    dated = claims[claims["date"].notna()]
    if dated.empty:
        st.info("None of the matching claims has a date, so there is nothing to place on a "
                "timeline. The Compare and Data pages list them.", icon=":material/event_busy:")
        return
    st.info("Hollow markers use the article's **published date**: the claim's own date is "
            "unknown, so the claim may be older than it appears.", icon=":material/info:")
    with st.container(border=True):
        chart = charts.timeline_chart(claims, subtitle=filters.describe())
        st.altair_chart(chart, theme=None, width="content")
        desk_ui.chart_downloads(chart, "estimate-desk-timeline", key="timeline")
    undated = len(claims) - len(dated)
    if undated:
        st.caption(f"{undated} matching claim{'s' * (undated != 1)} without any date "
                   "not shown.")


main()
