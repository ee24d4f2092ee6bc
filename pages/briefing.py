"""Briefing: the chosen charts over the sidebar's filters as a PDF and a PPTX, with the
claims, their citations and what changed since the previous briefing."""
import functools

import pandas as pd
import streamlit as st

from analysis.present import catalog, pack, queries
from ui import connection, downloads, filters, messages, nav

nav.run_through_app()


def _follow_sidebar() -> None:
    st.session_state["f_reviewed"] = st.session_state["brief_reviewed"]


def _previous() -> dict | None:
    upload = st.file_uploader(
        "Previous briefing's manifest (optional)", type=["json"], key="brief_since",
        help="The -manifest.json file made with the last pack: this pack then lists new "
             "claims, changed values or bounds, and claims no longer shown.")
    if upload is None:
        return None
    try:
        return pack.read_manifest(upload.getvalue())
    except pack.ManifestError as exc:
        st.warning(f"{upload.name} is {exc}; the pack is made without a comparison.",
                   icon=":material/description:")
        return None


def _preview(made: pack.Pack) -> None:
    tabs = st.tabs([f"{i}. {v.title.split(':')[0]}" for i, v in enumerate(made.views, 1)]
                   + ["Claims", "Citations"])
    for tab, view in zip(tabs, made.views):
        with tab:
            st.vega_lite_chart(view.spec, theme=None, width="content", alt=view.alt)
            st.caption(pack.source_line(made, view))
    with tabs[-2]:
        st.dataframe(pd.DataFrame(pack.claim_rows(made)), hide_index=True)
    with tabs[-1]:
        st.dataframe(pd.DataFrame(pack.citation_rows(made)).drop(columns="linkable"),
                     hide_index=True, column_config={"url": st.column_config.TextColumn("URL")})


def main() -> None:
    st.title("Briefing")
    st.caption("Pick charts; the sidebar's filters apply. Preview, then download the pack as "
               "a PDF (vector charts, claims table, numbered citations, method note) and as "
               "16:9 slides, with its manifest to compare next week's pack with.")
    if filters.empty_store_message():
        return
    chosen = filters.current()
    # One switch: the same as the sidebar's "Reviewed only".
    st.session_state["brief_reviewed"] = chosen.reviewed_only
    st.toggle("Reviewed figures only", key="brief_reviewed", on_change=_follow_sidebar,
              help="The sidebar's Reviewed only: claims every mention of which an analyst "
                   "accepted or corrected.")
    cur = connection.cursor()
    names = catalog.available(cur, chosen)
    if not names:
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
        return
    picked = st.multiselect("Charts", names, default=names, key="brief_charts",
                            format_func=lambda n: catalog.CHARTS[n][0],
                            placeholder="Pick at least one chart")
    title = st.text_input("Title", value=pack.DEFAULT_TITLE, max_chars=140, key="brief_title")
    previous = _previous()
    if not picked:
        st.info("Pick at least one chart for the pack.", icon=":material/checklist:")
        return
    with st.spinner("Drawing the charts…"):
        made = pack.make_pack(cur, picked, chosen, title=title, previous=previous,
                              link=downloads.view_link())
    st.markdown(f"**{len(made.views)}** charts, **{len(made.claims)}** claims, "
                f"**{len(made.citations)}** articles cited · data version "
                f"`{made.data_version}` · {messages.md_escape(chosen.describe())}")
    (st.warning if made.unreviewed else st.success)(
        pack.review_note(made), icon=":material/fact_check:")
    if previous is not None:
        st.subheader(f"What changed since the briefing of {previous.get('made', '?')}")
        lines = [pack.change_line(c) for c in made.changes]
        if lines:
            st.dataframe(pd.DataFrame({"Change": lines}), hide_index=True)
        else:
            st.caption("Nothing: the same claims with the same values and bounds.")
    with st.container(horizontal=True, gap="small"):
        for label, fmt, mime, make in (
                ("PDF", ".pdf", "application/pdf", pack.pack_pdf),
                ("Slides (PPTX)", ".pptx",
                 "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                 pack.pack_pptx)):
            # Made on click, on another thread: the Pack holds everything it needs.
            st.download_button(label, data=functools.partial(make, made), file_name=made.stem + fmt,
                               mime=mime, key=f"brief-{fmt}", on_click="ignore",
                               icon=":material/download:", type="primary")
        st.download_button("Manifest (JSON)", data=pack.manifest_json(made),
                           file_name=f"{made.stem}-manifest.json", mime="application/json",
                           key="brief-manifest", on_click="ignore", icon=":material/download:",
                           help="Keep it: upload it with next week's pack to list what changed.")
    st.subheader("Preview")
    _preview(made)


main()
