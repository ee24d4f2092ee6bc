"""Data: the filtered claims and mentions as tables, with CSV and Parquet downloads."""
import streamlit as st

from analysis.present import labels, queries
from ui import connection, downloads, filters, nav

nav.run_through_app()

NUMBER = dict(format="localized")
CLAIM_COLUMNS = {
    "measure": st.column_config.TextColumn("Measure"),
    "claimant_group": st.column_config.TextColumn("Group"),
    "claimant": st.column_config.TextColumn("Claimant"),
    "figure": st.column_config.TextColumn("Figure"),
    "value": st.column_config.NumberColumn("Value", **NUMBER),
    "low": st.column_config.NumberColumn("Low", **NUMBER),
    "high": st.column_config.NumberColumn("High", **NUMBER),
    "qualifier": st.column_config.TextColumn("Qualifier"),
    "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
    "date_basis": st.column_config.TextColumn("Date from"),
    "n_articles": st.column_config.NumberColumn("Articles"),
    "publishers": st.column_config.ListColumn("Publishers"),
    "quote": st.column_config.TextColumn("Quote"),
    "review": st.column_config.TextColumn("Review"),
    "claim_id": st.column_config.TextColumn("Claim id"),
}
MENTION_COLUMNS = {
    "measure": CLAIM_COLUMNS["measure"], "claimant_group": CLAIM_COLUMNS["claimant_group"],
    "claimant": CLAIM_COLUMNS["claimant"], "figure": CLAIM_COLUMNS["figure"],
    "quote": CLAIM_COLUMNS["quote"], "value": CLAIM_COLUMNS["value"],
    "low": CLAIM_COLUMNS["low"], "high": CLAIM_COLUMNS["high"],
    "claim_date": st.column_config.DateColumn("Claim date", format="YYYY-MM-DD"),
    "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
    "publisher": st.column_config.TextColumn("Publisher"),
    "title": st.column_config.TextColumn("Article"),
    "article": st.column_config.TextColumn("File"),
    "review": CLAIM_COLUMNS["review"],
    "review_note": st.column_config.TextColumn("Review note"),
    "claim_id": CLAIM_COLUMNS["claim_id"],
    "mention_id": st.column_config.TextColumn("Mention id"),
}


def _table(df, columns: dict, stem: str, key: str) -> None:
    if df.empty:
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
        return
    if "review_status" in df:
        review = df["review_status"].fillna("unreviewed").map(
            lambda s: labels.REVIEW_LABELS.get(s, s))
    else:
        review = [labels.claim_review_label(r, n, ok) for r, n, ok
                  in zip(df["n_reviewed"], df["n_mentions"], df["reviewed"])]
    view = df.assign(
        measure=df["measure"].map(labels.measure_label),
        figure=[labels.bound_label(q, v, lo, hi) for q, v, lo, hi
                in zip(df["qualifier"], df["value"], df["low"], df["high"])],
        qualifier=df["qualifier"].map(lambda q: labels.QUALIFIER_LABELS.get(q, q)),
        review=review)
    st.dataframe(view, column_order=list(columns), column_config=columns, hide_index=True,
                 placeholder="—", key=f"table-{key}")
    st.caption("Downloads hold every column of the filtered rows.")
    downloads.table_downloads(df, stem, key)


def main() -> None:
    st.title("Data")
    st.caption("The claims and figure mentions that match the sidebar filters.")
    if filters.empty_store_message():
        return
    chosen = filters.current()
    cur = connection.cursor()
    claims = queries.claims(cur, chosen)
    mentions = queries.mentions(cur, chosen)
    tab_claims, tab_mentions = st.tabs([f"Claims ({len(claims)})", f"Mentions ({len(mentions)})"])
    with tab_claims:
        _table(claims, CLAIM_COLUMNS, "estimate-desk-claims", "claims")
    with tab_mentions:
        _table(mentions, MENTION_COLUMNS, "estimate-desk-mentions", "mentions")


main()
