"""`python -m analysis.export SUBCOMMAND`: files made from the store.

- CHART (one of the dashboard's charts, see --help): the chart as PNG, SVG, PDF or HTML,
  as the page's download makes it, over the same filters;
- pack: a briefing pack (PDF, PPTX and its manifest);
- parquet: the store's tables.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

import duckdb

from analysis.present import catalog, queries
from analysis.store import parquet

FLAG = {"list": dict(action="append", default=[]), "date": dict(metavar="YYYY-MM-DD"),
        "text": dict(metavar="TEXT"), "flag": dict(action="store_true"),
        "grade": dict(metavar="GRADE")}


def _filter_options(parser: argparse.ArgumentParser) -> None:
    from analysis.store import DB_LINK
    group = parser.add_argument_group("filters (those of the dashboard's sidebar)")
    for p in catalog.FILTER_PARAMS:
        extra = {"metavar": p.label.upper().replace(" ", "_")} if p.kind == "list" else {}
        group.add_argument(f"--{p.name}", dest=f"filter_{p.name}", help=p.help,
                           **FLAG[p.kind], **extra)
    parser.add_argument("--db", type=Path, default=DB_LINK, help="the store's link path "
                        "(default: %(default)s)")


class Refused(Exception):
    """A plain reason to stop, printed as `error: …`."""


def _filters(args: argparse.Namespace, opts: queries.FilterOptions) -> queries.Filters:
    raw = {}
    for p in catalog.FILTER_PARAMS:
        value = getattr(args, f"filter_{p.name}")
        if value in (None, [], False):
            continue
        raw[p.name] = value if isinstance(value, list) else ["1" if value is True else value]
    # No date extent given: a script may ask for dates beyond today's data.
    chosen, problems = catalog.from_params(raw, dataclasses.replace(opts, min_date=None, max_date=None))
    if problems:
        raise Refused(" ".join(problems) + " Nothing was written.")
    return chosen


def _connect(db: Path) -> duckdb.DuckDBPyConnection:
    from analysis.store import check_store, current_path
    path = current_path(db)
    problem = check_store(path) if path else f"no store at {db}; run python -m analysis.build"
    if problem:
        raise Refused(problem)
    return duckdb.connect(str(path), read_only=True)


def run_chart(args: argparse.Namespace) -> int:
    con = _connect(args.db)
    try:
        chosen = _filters(args, queries.filter_options(con.cursor()))
        view = catalog.build(args.chart, con.cursor(), chosen)
    finally:
        con.close()
    if view is None:
        raise Refused(f"nothing to draw: no claims for {args.chart} match "
                      f"the filters ({chosen.describe()})")
    suffix = ("-slide" if args.size == "slide" else "") + catalog.FORMATS[args.format][1]
    out = args.out or Path(view.stem + suffix)
    out.write_bytes(catalog.render(view.spec, args.format, args.size, view.alt))
    print(f"{out}: {view.title} · {chosen.describe()} · {len(view.claims)} claims")
    return 0


def run_pack(args: argparse.Namespace) -> int:
    from analysis.present import pack
    previous = None
    if args.since:
        try:
            previous = pack.read_manifest(args.since.read_bytes())
        except OSError as exc:
            raise Refused(f"cannot read {args.since}: {exc.strerror or exc}") from None
        except pack.ManifestError as exc:
            raise Refused(f"{args.since} is {exc}") from None
    unknown = [n for n in args.chart if n not in catalog.CHARTS]
    if unknown:
        raise Refused(f"no chart named {', '.join(unknown)}; charts: {', '.join(catalog.CHARTS)}")
    con = _connect(args.db)
    try:
        chosen = _filters(args, queries.filter_options(con.cursor()))
        names = args.chart or catalog.available(con.cursor(), chosen)
        made = pack.make_pack(con.cursor(), names, chosen, title=args.title or "",
                              previous=previous)
    finally:
        con.close()
    if not made.views:
        raise Refused(f"nothing to brief: no chart has claims matching the filters "
                      f"({chosen.describe()})")
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / made.stem
    written = []
    if args.format in ("pdf", "all"):
        written.append(stem.with_suffix(".pdf"))
        written[-1].write_bytes(pack.pack_pdf(made))
    if args.format in ("pptx", "all"):
        written.append(stem.with_suffix(".pptx"))
        written[-1].write_bytes(pack.pack_pptx(made))
    written.append(stem.parent / f"{stem.name}-manifest.json")
    written[-1].write_bytes(pack.manifest_json(made))
    for path in written:
        print(path)
    empty = [n for n in names if n not in {v.name for v in made.views}]
    if empty:
        print(f"Left out, no claims under the filters: {', '.join(empty)}.")
    print(f"{len(made.views)} charts, {len(made.claims)} claims, {len(made.citations)} "
          f"articles cited. {pack.review_note(made)}")
    if previous is not None:
        print(f"Since {previous.get('made')}: " + ("; ".join(pack.change_line(c) for c in made.changes)
                                                  or "no change"))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.export", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Export charts, briefing packs or the store's tables.",
        epilog="CHART is one of the dashboard's charts listed above.\n\nfilters (every chart "
               "and pack, see CHART --help): "
               + " ".join(f"--{p.name}" for p in catalog.FILTER_PARAMS)
               + "\n\nexample: python -m analysis.export compare-killed --group Ukraine "
                 "--format svg --size slide --out killed.svg")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="CHART|pack|parquet")
    for name, (what, _) in catalog.CHARTS.items():
        p = subparsers.add_parser(name, help=what, description=f"{what}. Drawn as the page "
                                  "draws it, with the same title, subtitle and footnote.")
        _filter_options(p)
        p.add_argument("--format", choices=list(catalog.FORMATS), default="png")
        p.add_argument("--size", choices=["standard", "slide"], default="standard",
                       help="slide: a 16:9 canvas of at least 1920×1080 (PNG, SVG, PDF)")
        p.add_argument("--out", type=Path, help="the file to write (default: the download's "
                       "file name, in this folder)")
        p.set_defaults(func=run_chart, chart=name)
    p = subparsers.add_parser("pack", help="a briefing pack: PDF, PPTX and its manifest",
                              description="A briefing pack of the chosen charts over the "
                              "filtered claims: PDF and PPTX, and a manifest JSON to compare "
                              "the next pack with (--since).")
    _filter_options(p)
    p.add_argument("--chart", action="append", default=[], metavar="CHART",
                   help="a chart to include (repeatable; default: every chart with claims)")
    p.add_argument("--title", help="the pack's title")
    p.add_argument("--since", type=Path, metavar="MANIFEST",
                   help="the previous pack's manifest: list what changed since")
    p.add_argument("--format", choices=["pdf", "pptx", "all"], default="all")
    p.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                   help="the folder to write into (default: this one)")
    p.set_defaults(func=run_pack)
    parquet.add_parser(subparsers)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Refused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
