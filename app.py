"""Estimate Desk: `streamlit run app.py`. The pages are in pages/, the logic in analysis/."""
import streamlit as st

import desk_ui

st.set_page_config(page_title="Estimate Desk", page_icon=":material/table_chart:",
                   layout="wide")

page = st.navigation([
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/provenance.py", title="Provenance", icon=":material/find_in_page:"),
    st.Page("pages/data.py", title="Data", icon=":material/table:"),
    st.Page("pages/review.py", title="Review", icon=":material/rate_review:"),
    st.Page("pages/add_article.py", title="Add article", icon=":material/note_add:"),
])

with st.sidebar:
    st.markdown("**Estimate Desk** · North Korean troops in Russia")

with desk_ui.guard("The dashboard"):
    desk_ui.sidebar_filters()
    desk_ui.show_store_note()
    desk_ui.show_flash()
    page.run()
