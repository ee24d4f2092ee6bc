"""Compare: one chart per measure, a row per claim."""
import streamlit as st

from analysis.present import charts, labels
from ui import downloads, filters, nav

nav.run_through_app()


def main() -> None:
    st.title("Compare estimates")
    st.caption("One row per claim: the same estimate reported by several articles is drawn "
               "once. Points are the figure, bars span ranges, dashed arrows mark open "
               "bounds. Hover a point for its quote and sources.")
    found = filters.filtered_claims()
    if found is None:
        return
    chosen, claims = found
    n_articles = len({a for arts in claims["articles"] for a in arts})
    st.markdown(f"**{len(claims)}** claims from **{n_articles}** articles match the filters.")
    for measure in dict.fromkeys(claims["measure"]):
        with st.container(border=True):
            chart = charts.compare_chart(claims, measure, subtitle=chosen.describe())
            st.altair_chart(chart, theme=None, width="content")
            downloads.chart_downloads(chart, f"estimate-desk-compare-{measure}", key=measure,
                                      claims=claims[claims["measure"] == measure], filters=chosen)

    st.divider()
    st.subheader("Trace a claim to its articles")
    options = {row["claim_id"]: f"{labels.measure_label(row['measure'])} · "
                               f"{charts.claim_label(row)} · "
                               f"{labels.bound_label(row['qualifier'], row['value'], row['low'], row['high'])}"
              for row in claims.to_dict("records")}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        chosen = st.selectbox("Claim", list(options), format_func=options.get, key="compare_claim")
        if st.button("Open in Provenance", icon=":material/find_in_page:", key="open_provenance"):
            st.switch_page(nav.PROVENANCE, query_params={"claim": chosen})


main()
