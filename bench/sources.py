"""The Sources page's queries and figures on a large synthetic store.

    .venv/bin/python bench/sources.py [--articles 10000] [--mentions 8] [--repeats 3]

Builds a store with the real build code (claim grouping, superseded_by, the schema) from
synthetic mentions (no extraction: invented claimants, publishers and figures, each
estimate repeated by several articles over days so there are echoes), then prints the
median time of each step the Sources page runs, the whole page's queries and figures, and
their ratio to the Compare page's claims query on the same store.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import duckdb  # noqa: E402

from analysis import store  # noqa: E402
from analysis.present import queries, sources  # noqa: E402
from analysis.store.claims import superseded_by  # noqa: E402

GROUPS = ["Ukraine", "South Korea", "United States", "Russia", "NATO", "Other", "Unattributed"]
MEASURES = ["troops_deployed", "troops_planned", "casualties", "killed", "wounded", "captured"]


def synthetic(n_articles: int, per_article: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """Articles and mentions: a pool of estimates, each cited by a few articles."""
    rng = random.Random(seed)
    start = dt.date(2024, 10, 1)
    claimants = [(f"Claimant {i}", GROUPS[i % len(GROUPS)]) for i in range(60)]
    pool = []
    for i in range(n_articles * per_article // 3):
        who, group = rng.choice(claimants)
        pool.append((rng.choice(MEASURES), who, group, rng.randrange(100, 20000, 50),
                     start + dt.timedelta(days=rng.randrange(0, 300))))
    articles, mentions = [], []
    for a in range(n_articles):
        name = f"a{a:06d}.txt"
        day = start + dt.timedelta(days=rng.randrange(0, 310))
        published = None if rng.random() < 0.03 else day.isoformat()
        text = "x" * 40 * per_article
        articles.append({"article": name, "title": f"Report {a}", "publisher": f"Outlet {rng.randrange(80)}",
                         "author": None, "url": None, "published": published, "language": "en",
                         "text": text, "body_start": 0, "sha256": f"{a:064d}", "file_sha256": f"{a:064d}",
                         "n_figures": per_article})
        for k in range(per_article):
            measure, who, group, value, said = rng.choice(pool)
            s = 40 * k
            mentions.append({
                "mention_id": f"{name}:{s}", "article": name, "value": value, "low": value,
                "high": value, "qualifier": "exact", "measure": measure, "claimant": who,
                "claimant_group": group, "claim_date": said.isoformat() if rng.random() < 0.7 else None,
                "published": published, "quote": "x" * 5, "sentence": "x" * 40, "start": s,
                "end": s + 5, "sentence_start": s, "sentence_end": s + 40})
    return articles, mentions


def outlets(con):
    counts = sources.outlet_counts(con)
    return sources.outlet_table(counts), sources.one_side_outlets(counts)


def timed(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--mentions", type=int, default=8, help="mentions per article")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    articles, mentions = synthetic(args.articles, args.mentions)
    with tempfile.TemporaryDirectory() as tmp:
        link = Path(tmp) / "estimates.duckdb"
        t = time.perf_counter()
        report = store._write(articles, mentions, [], link)
        print(f"store: {report.n_articles} articles, {report.n_figures} mentions, "
              f"{report.n_claims} claims (built in {time.perf_counter() - t:.1f} s)")
        con = duckdb.connect(str(report.path), read_only=True)
        claims = queries.claims(con)
        records = claims.to_dict("records")
        sup_s, _ = timed(lambda: superseded_by(records), args.repeats)
        print(f"superseded_by over all {len(claims)} claims: {sup_s * 1000:.0f} ms")
        base_s, _ = timed(lambda: queries.claims(con), args.repeats)
        some = claims["claim_id"].iloc[len(claims) // 2]
        steps = {
            "flow (top 25) + sankey_figure": lambda: sources.sankey_figure(sources.flow(con), "bench").to_json(),
            "echo_points (top 25) + timeline": lambda: sources.timeline_figure(
                sources.echo_points(con, top=25), "bench", n_claims=sources.n_claims(con)).to_json(),
            "first_appearances (500 shown)": lambda: sources.first_appearances(con, limit=500),
            "outlet_counts + table + one_side": lambda: outlets(con),
            "latest_claims+graded": lambda: queries.graded(con, sources.latest_claims(con)),
            "claimant_chain": lambda: sources.claimant_chain(con, some),
        }
        total = 0.0
        for name, fn in steps.items():
            s, out = timed(fn, args.repeats)
            total += s
            rows = f" ({len(out)} rows)" if hasattr(out, "__len__") and not isinstance(out, str) else ""
            print(f"  {name:32s} {s * 1000:8.0f} ms{rows}")
        all_s, apps = timed(lambda: sources.appearances(con), 1)
        print(f"  (every appearance, not drawn by the page: {all_s * 1000:.0f} ms, {len(apps)} rows)")
        print(f"Sources page, queries and figures: {total * 1000:.0f} ms; Compare's claims "
              f"query: {base_s * 1000:.0f} ms; ratio {total / base_s:.1f}x")
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
