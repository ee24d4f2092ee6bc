"""Time a briefing pack and the scripted chart exports on a store: seconds per step.

    .venv/bin/python bench/briefing.py [--db data/estimates.duckdb] [--measure killed ...] [--runs 3]

Prints, per step, the best of `--runs` runs: claims query and chart building (make_pack),
the PDF (SVG per chart + typst), the PPTX (slide PNG per chart + python-pptx), and one
chart's PNG, slide PNG, SVG and PDF as `python -m analysis.export CHART` makes them.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import duckdb  # noqa: E402

from analysis.present import catalog, pack, queries  # noqa: E402
from analysis.store import DB_LINK, current_path  # noqa: E402


def best(runs: int, step) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        started = time.perf_counter()
        out = step()
        times.append(time.perf_counter() - started)
    return min(times), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=DB_LINK)
    ap.add_argument("--measure", action="append", default=[])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    con = duckdb.connect(str(current_path(args.db)), read_only=True)
    chosen = queries.Filters(measures=tuple(args.measure))
    claims = queries.claims(con.cursor(), chosen)
    names = catalog.available(con.cursor(), chosen)
    print(f"store {args.db}: {len(claims)} claims under '{chosen.describe()}', charts: {', '.join(names)}")
    pack.pack_pdf(pack.make_pack(con.cursor(), names[:1], chosen))  # warm vl-convert and typst
    s, made = best(args.runs, lambda: pack.make_pack(con.cursor(), names, chosen))
    print(f"make_pack   {s:6.2f} s  ({len(made.views)} charts, {len(made.claims)} claims)")
    s, pdf = best(args.runs, lambda: pack.pack_pdf(pack.make_pack(con.cursor(), names, chosen)))
    print(f"PDF         {s:6.2f} s  ({len(pdf) / 1e3:.0f} kB, make_pack included)")
    s, pptx = best(args.runs, lambda: pack.pack_pptx(pack.make_pack(con.cursor(), names, chosen)))
    print(f"PPTX        {s:6.2f} s  ({len(pptx) / 1e3:.0f} kB, make_pack included)")
    view = catalog.build(names[0], con.cursor(), chosen)
    for fmt, size in (("png", "standard"), ("png", "slide"), ("svg", "standard"), ("pdf", "standard")):
        s, data = best(args.runs, lambda: catalog.render(view.spec, fmt, size, view.alt))
        print(f"{names[0]} {fmt} {size:<8} {s:6.2f} s  ({len(data) / 1e3:.0f} kB)")
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
