"""Tables as downloadable files."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pandas as pd


def export_table(df: pd.DataFrame, fmt: str) -> bytes:
    """A table as CSV (lists joined with '; ') or Parquet (lists kept) bytes."""
    if fmt == "csv":
        flat = df.copy()
        for col in flat.columns:
            if flat[col].map(lambda v: isinstance(v, list)).any():
                flat[col] = flat[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
        return flat.to_csv(index=False).encode("utf-8")
    if fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        return buf.getvalue()
    raise ValueError(f"unknown table format {fmt!r}")


CLAIM_COLUMNS = ["claim_id", "measure", "value", "low", "high", "qualifier", "claimant",
                 "claimant_group", "claim_date", "date", "date_basis", "n_articles",
                 "n_mentions", "reviewed", "quote", "publishers", "articles"]


def data_zip(claims_df: pd.DataFrame, citations_df: pd.DataFrame, *, title: str,
             filters: str, link: str = "", made: dt.date | None = None,
             alt: str = "") -> bytes:
    """The data behind a chart: claims.csv (the claims shown), citations.csv (their
    articles: title, publisher, date, URL) and a README naming the chart, its filters,
    the view's link and the day it was made."""
    made = made or dt.date.today()
    shown = claims_df[[c for c in CLAIM_COLUMNS if c in claims_df]]
    readme = "\n".join([
        f"Data behind the chart: {title}",
        "",
        f"Made: {made.isoformat()} with Estimate Desk",
        f"Filters: {filters}",
        f"View: {link or '(no link: made outside the dashboard)'}",
        *([f"Chart description: {alt}"] if alt else []),
        "",
        f"claims.csv     {len(shown)} claims shown on the chart, one row per claim: the value, its",
        "               bounds (low, high; empty = open), the qualifier, claimant, claim date",
        "               (date = claim date, else the article's published date; date_basis says",
        "               which), citing articles, and whether an analyst reviewed every mention.",
        f"citations.csv  {len(citations_df)} articles citing those claims: title, publisher, "
        "published date, URL.",
        "",
    ])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("claims.csv", export_table(shown, "csv"))
        z.writestr("citations.csv", export_table(citations_df, "csv"))
        z.writestr("README.txt", readme)
    return buf.getvalue()
