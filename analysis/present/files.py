"""Tables as downloadable files."""
from __future__ import annotations

import io

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
