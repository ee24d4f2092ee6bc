"""`python -m analysis.decisions status|backup|restore [FILE]|new|migrate`: the decision
log's health, a backup now, putting a backup back, starting an empty log on purpose, or
copying the log to (and from) a shared PostgreSQL log."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis import store
from analysis.store import decisions


def _data() -> Path:
    return Path(os.environ.get(store.DATA_ENV) or store.DATA)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.decisions", description=__doc__)
    parser.add_argument("command", choices=("status", "backup", "restore", "new", "migrate"))
    parser.add_argument("file", nargs="?", type=Path,
                        help="restore: the backup to put back (default: the newest)")
    parser.add_argument("--data", type=Path, default=None,
                        help="the data folder (default $ESTIMATE_DESK_DATA, else data/)")
    parser.add_argument("--to", help="migrate: a postgresql:// DSN or a SQLite file (empty)")
    parser.add_argument("--from", dest="source",
                        help="migrate: the log to copy (default: the data folder's SQLite log)")
    args = parser.parse_args(argv)
    data = args.data or _data()
    link, articles = data / "estimates.duckdb", data / "articles"
    db, folder = store.decisions_path(link), store.backups_path(link)
    try:
        if args.command == "migrate":
            from analysis.store import decisions_pg
            if not args.to:
                print("error: migrate needs --to postgresql://… or --to FILE", file=sys.stderr)
                return 2
            source = args.source or db
            n = decisions_pg.copy_log(source, args.to)
            shown = lambda t: "the PostgreSQL log" if decisions_pg.is_dsn(t) else t  # no password shown
            print(f"copied {n} decisions from {shown(source)} to {shown(args.to)}")
            return 0
        if args.command == "status":
            state = store.log_status(link)
            print(f"{db}: {state.n} decisions" if state.ok else state.message)
            for b in decisions.backups(folder):
                print(f"  backup {b.label()}")
            if not state.ok:
                print("Restore the newest backup with `python -m analysis.decisions restore`, "
                      "or start an empty log on purpose with `python -m analysis.decisions new`.")
            return 0 if state.ok else 1
        if args.command == "backup":
            made = decisions.backup(db, folder)
            print(f"backed up to {made}" if made else "the newest backup already holds these decisions")
            return 0
        if args.command == "restore":
            if args.file is not None and not args.file.is_file():
                print(f"error: no file at {args.file}", file=sys.stderr)
                return 2
            source, aside, report = store.restore_log(link, args.file, articles)
            print(f"restored {db} from {source}: {len(decisions.load(db))} decisions")
        else:
            aside, report = store.new_log(link, articles)
            print(f"started an empty decision log at {db}")
        if aside:
            print(f"the log that was there is kept at {aside}")
        print(report.summary() if report else "the store is busy; the next update applies it")
        return 0
    except (decisions.DecisionError, store.StoreBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
