"""Tables as Parquet partitioned by month, in the hive layout DuckDB, Spark and Trino read
as they are: `DIR/<table>/<column>=YYYY-MM/part-….parquet`, a row with no date under
`<column>=__HIVE_DEFAULT_PARTITION__` (read back as NULL).

`python -m analysis.export parquet DIR` writes the store's tables this way; the Dask build
(analysis.store.distributed) writes its articles and mentions with the same writer.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

# table -> (date column, partition column); tables not named are written as one file.
PARTITIONED = {
    "articles": ("published", "published_month"),
    "extracted": ("published", "published_month"),
    "figures": ("published", "published_month"),
    "claims": ("date", "date_month"),
}
SINGLE = ("decisions", "build_info")


def month_select(source: str, date_column: str, partition: str) -> str:
    """SQL selecting every column of `source` plus its month as 'YYYY-MM' text."""
    return f"SELECT *, strftime({date_column}, '%Y-%m') AS {partition} FROM {source}"


def write_partitioned(table: pa.Table, dest: Path, partition: str | None,
                      basename: str = "part-0") -> None:
    """Write an Arrow table under `dest`, one hive folder per value of `partition`."""
    dest.mkdir(parents=True, exist_ok=True)
    if partition is None or table.num_rows == 0:
        # an empty table still gets a file, so readers find its columns
        pq.write_table(table, dest / f"{basename}-0.parquet")
        return
    ds.write_dataset(
        table, dest, format="parquet",
        partitioning=ds.partitioning(pa.schema([(partition, pa.string())]), flavor="hive"),
        basename_template=basename + "-{i}.parquet", existing_data_behavior="overwrite_or_ignore")


def read_sql(root: Path, table: str) -> str:
    """DuckDB's read of one table written here (hive partition columns kept as text)."""
    pattern = str(root / table / "**" / "*.parquet")
    partition = PARTITIONED.get(table, (None, None))[1]
    types = f", hive_types={{'{partition}': 'VARCHAR'}}" if partition else ""
    return f"read_parquet('{pattern}', hive_partitioning=true{types})"


def replace_dir(new: Path, final: Path) -> None:
    """Put `new` where `final` is; the old folder goes only once the new one is in place."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        os.replace(final, old)
    os.replace(new, final)
    shutil.rmtree(old, ignore_errors=True)


def export_store(store: Path, out: Path) -> dict[str, int]:
    """Write every table of the store under `out`; returns rows per table. Each table is
    written beside its folder and switched in when complete, so a failed export leaves the
    previous one readable."""
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    con = duckdb.connect(str(store), read_only=True)
    try:
        for name in (*PARTITIONED, *SINGLE):
            date_column, partition = PARTITIONED.get(name, (None, None))
            sql = month_select(name, date_column, partition) if partition else f"SELECT * FROM {name}"
            table = con.sql(sql).to_arrow_table()
            partial = out / f".{name}.partial-{os.getpid()}"
            shutil.rmtree(partial, ignore_errors=True)
            try:
                write_partitioned(table, partial, partition)
                replace_dir(partial, out / name)
            except BaseException:
                shutil.rmtree(partial, ignore_errors=True)
                raise
            counts[name] = table.num_rows
    finally:
        con.close()
    return counts


def add_parser(subparsers) -> None:
    """The `parquet` subcommand of `python -m analysis.export`."""
    from analysis.store import DB_LINK
    p = subparsers.add_parser("parquet", help="the store's tables as month-partitioned Parquet",
                              description="Write the store's tables as Parquet partitioned by "
                                          "month (hive layout) under DIR.")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--db", type=Path, default=DB_LINK, help="the store's link path")
    p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    from analysis.store import check_store, current_path
    store = current_path(args.db)
    problem = check_store(store) if store else f"no store at {args.db}; run python -m analysis.build"
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    try:
        counts = export_store(store, args.dir)
    except OSError as exc:
        print(f"error: cannot write under {args.dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{args.dir / name}: {n} rows")
    return 0
