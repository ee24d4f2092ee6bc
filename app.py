"""Estimate Desk: `streamlit run app.py`. The pages are in pages/, the logic in analysis/."""
from pathlib import Path

import streamlit as st

from ui import boundary, connection, downloads, filters, messages, nav

st.set_page_config(page_title="Estimate Desk", page_icon=str(Path(__file__).parent / "ui" / "icon.png"),
                   layout="wide")

page = st.navigation([
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:", default=True),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/provenance.py", title="Provenance", icon=":material/find_in_page:"),
    st.Page("pages/sources.py", title="Sources", icon=":material/account_tree:"),
    st.Page("pages/data.py", title="Data", icon=":material/table:"),
    st.Page("pages/briefing.py", title="Briefing", icon=":material/slideshow:"),
    st.Page("pages/review.py", title="Review", icon=":material/rate_review:"),
    st.Page("pages/add_article.py", title="Add article", icon=":material/note_add:"),
])

with st.sidebar:
    st.markdown("**Estimate Desk** · North Korean troops in Russia")

with boundary.guard("The dashboard"):
    filters.sidebar_filters()
    with st.sidebar:
        connection.analyst_field()
    connection.show_store_note()
    connection.show_log_banner()
    messages.show_flash()
    with nav.inside_app():
        page.run()
    with st.sidebar:
        downloads.copy_link()
