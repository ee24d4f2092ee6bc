"""Bring a store written by an older version up to date without rebuilding it:

    python -m analysis.store.upgrade [DATA]

adds the tables the views read (analysis/store/derived.py) when the store lacks them,
computed from its claims, figures and articles (no extraction)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from analysis import store
from analysis.store import derived


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.store.upgrade",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="?", help="the data folder (default: the desk's)")
    args = parser.parse_args(argv)
    link = (args.data / "estimates.duckdb") if args.data else store.DB_LINK
    try:
        wrote, seconds = derived.upgrade(link)
    except (FileNotFoundError, store.StoreBusy, duckdb.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{link}: {'derived tables written' if wrote else 'up to date already'} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
