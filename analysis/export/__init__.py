"""`python -m analysis.export SUBCOMMAND`: files made from the store (parquet: its tables)."""
from __future__ import annotations

import argparse

from analysis.store import parquet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.export",
                                     description="Export the store.")
    subparsers = parser.add_subparsers(dest="command", required=True)
    parquet.add_parser(subparsers)
    args = parser.parse_args(argv)
    return args.func(args)
