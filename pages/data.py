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


PAGE_SIZE = 500


def _table(fetch, total: int, columns: dict, stem: str, key: str) -> None:
    """One page of a filtered table (`fetch(cursor, limit, offset)` reads it); the downloads
    hold every filtered row, read when a button is pressed (on another thread, so on a
    cursor of their own)."""
    if not total:
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
        return
    pages = -(-total // PAGE_SIZE)
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages:,}; {PAGE_SIZE} rows a page)", min_value=1,
                                   max_value=pages, value=1, step=1, key=f"page-{key}"))
    df = fetch(connection.cursor(), PAGE_SIZE, (page - 1) * PAGE_SIZE)
    if "review_status" in df:
        review = df["review_status"].fillna("unreviewed").map(
            lambda s: labels.REVIEW_LABELS.get(s, s))
    else:
        review = [labels.claim_review_label(r, n, ok) for r, n, ok
                  in zip(df["n_reviewed"], df["n_mentions"], df["reviewed"])]
    view = df.assign(
        measure=df["measure"].map(labels.measure_label),
        qualifier=df["qualifier"].map(lambda q: labels.QUALIFIER_LABELS.get(q, q)),
        claimant=[labels.claimant_name(c, g) for c, g in zip(df["claimant"], df["claimant_group"])],
        figure=[labels.bound_label(q, v, lo, hi) for q, v, lo, hi
                in zip(df["qualifier"], df["value"], df["low"], df["high"])],
        review=review)
    st.dataframe(view, column_order=list(columns), column_config=columns, hide_index=True,
                 placeholder="—", key=f"table-{key}-{page}")
    first = (page - 1) * PAGE_SIZE
    st.caption(f"Rows {first + 1:,}–{first + len(df):,} of {total:,}. Downloads hold every "
               "column of every filtered row.")
    reader = connection.cursor()
    downloads.table_downloads(lambda: fetch(reader, None, 0), stem, key)


def main() -> None:
    st.title("Data")
    st.caption("The claims and figure mentions that match the sidebar filters.")
    if filters.empty_store_message():
        return
    chosen = filters.current()
    cur = connection.cursor()
    n_claims, n_mentions = queries.count_claims(cur, chosen), queries.count_mentions(cur, chosen)
    tab_claims, tab_mentions = st.tabs([f"Claims ({n_claims:,})", f"Mentions ({n_mentions:,})"])
    with tab_claims:
        _table(lambda c, limit, offset: queries.claims(c, chosen, limit=limit, offset=offset),
               n_claims, CLAIM_COLUMNS, "estimate-desk-claims", "claims")
    with tab_mentions:
        _table(lambda c, limit, offset: queries.mentions(c, chosen, limit=limit, offset=offset),
               n_mentions, MENTION_COLUMNS, "estimate-desk-mentions", "mentions")


main()
