"""Time every dashboard page in-process on a store: the queries, the chart building and the
chart JSON a page makes, through the same functions the pages call (no Streamlit).

    .venv/bin/python bench/pages_timing.py STORE_10K.duckdb [STORE_100K.duckdb] [--repeat 5]

prints one row per interaction and one group of columns per store: median wall and CPU
milliseconds over `repeat` runs (after one warm-up run), the largest chart spec it sends,
and whether it meets the target of the store's size (150 ms up to 10,000 articles, else
300 ms; spec ≤ 1 MB); then the ratio of the last store's median to the first's.
bench/scale.py imports `time_pages` (and may print `sizes_table`).
Every interaction includes the sidebar's own query (the filter options), which runs on
every page and every rerun.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import duckdb
import plotly.io

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from analysis.present import charts, queries, sources  # noqa: E402
from analysis.present.queries import Filters  # noqa: E402
from analysis.present.sources import Focus  # noqa: E402

TARGET_MS = {10_000: 150, 100_000: 300}
MAX_SPEC_BYTES = 1_000_000


def _spec_bytes(spec) -> int:
    return len(json.dumps(charts._spec(spec)).encode("utf-8"))


def _sidebar(cur) -> None:
    queries.filter_options(cur)


def compare_page(cur, filters: Filters, by: str = "claimant") -> list[int]:
    """What pages/compare.py does on a run: the counts, one chart per measure with its alt
    text (the citations of its data download are read only when pressed); returns each
    chart's spec size."""
    _sidebar(cur)
    drawn = charts.compare_charts(cur, filters, by=by)
    charts.compare_totals(rows for _, _, rows in drawn)
    sizes = []
    for _, chart, rows in drawn:
        charts.alt_text(chart, rows)
        sizes.append(_spec_bytes(chart))
    return sizes


def timeline_page(cur, filters: Filters) -> list[int]:
    """pages/timeline.py: the chart (claims or bins), its alt text, the undated count."""
    _sidebar(cur)
    if not queries.count_claims(cur, filters):
        return []
    try:
        chart, claims, bins = charts.timeline_view(cur, filters)
    except ValueError:  # no matching claim has a date: the page says so
        return []
    if claims is not None:
        dated = claims[claims["date"].notna()]
        charts.alt_text(chart, dated)
    else:
        charts.bins_alt_text(chart, bins, bins.attrs["facts"])
    return [_spec_bytes(chart)]


CARDS_PER_PAGE = 20  # pages/provenance.py's page of article cards
REVIEW_PAGE_SIZE = 8  # pages/review.py's page of the queue


def provenance_claim(cur, claim_id: str, filters: Filters = Filters()) -> list[int]:
    """pages/provenance.py showing a claim: the picker's search, the claim, its mentions'
    spans, the first page of their article cards (articles in one query) and the review
    history."""
    _sidebar(cur)
    queries.search_claims(cur, "", filters)
    queries.claim(cur, claim_id)
    spans = queries.claim_spans(cur, claim_id)
    # the grade form's subject: with no grade in the log, the first mention's article only
    # (with grades, every mention's: ~40 ms more for a claim of 2,900 mentions)
    queries.articles_named(cur, (m["article"] for m in spans[:1]), "article, sha256")
    cards = queries.records(queries.mentions_of_claim(cur, claim_id, limit=CARDS_PER_PAGE))
    queries.articles_named(cur, (m["article"] for m in cards))
    queries.audit_trail(cur, spans)
    return []


def provenance_mention(cur, mention_id: str, filters: Filters = Filters()) -> list[int]:
    """pages/provenance.py showing a mention: picker, the mention and its article, its
    review history, the first page of the other mentions of its claim."""
    _sidebar(cur)
    queries.search_mentions(cur, "", filters)
    m = queries.mention(cur, mention_id)
    queries.articles_named(cur, [m["article"]])
    queries.audit_trail(cur, [m])
    queries.claim_spans(cur, m["claim_id"])
    others = queries.records(queries.mentions_of_claim(cur, m["claim_id"], limit=CARDS_PER_PAGE,
                                                       except_mention=mention_id))
    queries.articles_named(cur, (o["article"] for o in others))
    return []
def data_page(cur, filters: Filters = Filters()) -> list[int]:
    """pages/data.py: both counts and the first page of claims and of mentions."""
    _sidebar(cur)
    queries.count_claims(cur, filters)
    queries.count_mentions(cur, filters)
    queries.claims(cur, filters, limit=500)
    queries.mentions(cur, filters, limit=500)
    return []


def review_page(cur, filters: Filters = Filters(), least_sure_first: bool = False,
                page: int = 1) -> list[int]:
    """pages/review.py's reads: the totals, the article box's search, the queue's count
    and one page of it with its articles, the decision counts."""
    _sidebar(cur)
    queries.review_totals(cur)
    queries.decision_counts(cur)
    queries.search_articles(cur, "", limit=50)
    queries.count_review_queue(cur, filters)
    shown = queries.records(queries.review_queue(
        cur, filters, least_sure_first=least_sure_first, limit=REVIEW_PAGE_SIZE,
        offset=(page - 1) * REVIEW_PAGE_SIZE))
    queries.articles_named(cur, (m["article"] for m in shown))
    return []


def picker_search(cur, text: str) -> list[int]:
    """A search typed into the claim picker (Compare, Provenance)."""
    _sidebar(cur)
    queries.search_claims(cur, text)
    return []


def article_search(cur, text: str) -> list[int]:
    """A search typed into an article box (Review's queue and add a figure, Provenance)."""
    _sidebar(cur)
    queries.search_articles(cur, text)
    return []


SOURCES_FIRSTS, SOURCES_APPEARANCES, SOURCES_CHAIN_STEPS = 500, 1000, 8  # pages/sources.py's bounds


def _sources_reads(cur, filters: Filters, focus: Focus, kept: dict) -> dict:
    """What pages/sources.py reads on a run, each read kept as the page keeps it (its
    st.cache_data per store version, filters and focus): `kept` holds what earlier runs
    read (empty on a first visit), filled here."""
    def once(key: tuple, read):
        if key not in kept:
            kept[key] = read()
        return kept[key]

    def flow(f: Filters, fo: Focus):
        return once(("flow", f, fo), lambda: sources.flow(cur, f, fo))

    def outlets(f: Filters, fo: Focus):
        return once(("outlets", f, fo), lambda: sources.outlet_counts(cur, f, fo))

    def echoes():  # the two tables under the timeline are read when opened: open_tables
        return sources.echo_points(cur, filters, focus, drawn=flow(filters, focus))

    def latest():
        return sources.latest_with_chains(cur, filters, last=SOURCES_CHAIN_STEPS)

    flow(filters, Focus())  # the narrowing picker's options
    drawn = flow(filters, focus)
    points = once(("echoes", filters, focus), echoes)
    every = outlets(*sources.every_group(filters, focus))  # both outlet tables' one read
    now = once(("latest", filters), latest)
    subtitle = filters.describe()  # the page's _figure: kept per filters and focus
    figs = once(("figures", filters, focus), lambda: [
        sources.sankey_figure(drawn, subtitle), sources.nodes_figure(drawn),
        sources.timeline_figure(points, subtitle, n_claims=drawn.n_claims)])
    return {"flow": drawn, "points": points, "every": every, "filters": filters, "focus": focus,
            "now": now, "figures": figs}


def _sources_draw(cur, filters: Filters, reads: dict) -> list[int]:
    """What pages/sources.py does on every run: tables from the kept reads, the grades read
    live, the three kept figures sent (as st.plotly_chart: to_dict, then JSON); returns
    their spec sizes."""
    _sidebar(cur)
    sources.outlet_table(sources.group_rows(reads["every"], reads["filters"], reads["focus"]))
    sources.one_side_shown(reads["every"], reads["filters"], reads["focus"])
    queries.graded(cur, reads["now"])
    queries.claimant_names(cur, filters)
    queries.source_grades(cur)
    return [len(plotly.io.to_json(f.to_dict(), validate=False).encode("utf-8"))
            for f in reads["figures"]]


def sources_open_tables(cur, filters: Filters, kept: dict) -> list[int]:
    """pages/sources.py when the first-appearance and citing-articles expanders are opened
    after a first visit of these filters (`kept`): a rerun that reads the two tables."""
    sources.first_appearances(cur, filters, Focus(), limit=SOURCES_FIRSTS)
    sources.appearances(cur, filters, Focus(), drawn=kept[("flow", filters, Focus())],
                        limit=SOURCES_APPEARANCES)
    return _sources_draw(cur, filters, _sources_reads(cur, filters, Focus(), dict(kept)))


def sources_page(cur, filters: Filters = Filters(), focus: Focus = Focus(),
                 kept: dict | None = None) -> list[int]:
    """pages/sources.py on a first visit of these filters and focus: nothing kept yet, or
    (`kept`) what the first visit of these filters kept, as after a click narrowing the
    page (the flow of the whole selection, its outlet counts, the latest claims)."""
    return _sources_draw(cur, filters, _sources_reads(cur, filters, focus, dict(kept or {})))


def _sample(cur) -> dict:
    """Ids and values to look up: a claim with the median number of citing articles, the
    most-cited claim, one of its mentions, a busy claimant and a word of the titles."""
    median_claim = cur.execute(
        "SELECT claim_id FROM claims ORDER BY n_articles, claim_id "
        "LIMIT 1 OFFSET (SELECT count(*) // 2 FROM claims)").fetchone()[0]
    top_claim = cur.execute("SELECT claim_id FROM claims ORDER BY n_articles DESC, claim_id LIMIT 1").fetchone()[0]
    mention = cur.execute("SELECT mention_ids[1] FROM claims WHERE claim_id = ?", [median_claim]).fetchone()[0]
    claimant, value = cur.execute(
        "SELECT claimant, value FROM claims WHERE claimant IS NOT NULL "
        "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()
    low, high = cur.execute("SELECT min(date), max(date) FROM claims").fetchone()
    publisher = cur.execute("SELECT publisher FROM articles WHERE publisher IS NOT NULL "
                            "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchone()
    span = (high - low) / 3 if low and high else None
    return {"median_claim": median_claim, "top_claim": top_claim, "mention": mention,
            "claimant": claimant, "value": value,
            "window": (low + span, high - span) if span else (None, None),
            "publisher": publisher[0] if publisher else None}


def interactions(cur) -> list[tuple[str, callable]]:
    """(name, call) for every page and a few filters, on this store's own values."""
    s = _sample(cur)
    one_measure = Filters(measures=("troops_deployed",))
    window = Filters(groups=("Ukraine", "Russia", "South Korea"), date_from=s["window"][0],
                     date_to=s["window"][1])
    text = Filters(text="kursk")
    publisher = Filters(publishers=(s["publisher"],) if s["publisher"] else (), measures=("casualties",))
    value = f"{int(s['value'])}" if s["value"] is not None else ""
    by_filters: dict = {}
    kept = _sources_reads(cur, Filters(), Focus(), by_filters)
    return [
        ("Compare, no filter", lambda: compare_page(cur, Filters())),
        ("Compare, by claimant group", lambda: compare_page(cur, Filters(), by="group")),
        ("Compare, one measure", lambda: compare_page(cur, one_measure)),
        ("Compare, 3 groups + date window", lambda: compare_page(cur, window)),
        ("Compare, text 'kursk'", lambda: compare_page(cur, text)),
        ("Compare, publisher + measure", lambda: compare_page(cur, publisher)),
        ("Timeline, no filter", lambda: timeline_page(cur, Filters())),
        ("Timeline, 3 groups + date window", lambda: timeline_page(cur, window)),
        ("Sources, no filter (first visit)", lambda: sources_page(cur)),
        ("Sources, a rerun (reads kept)", lambda: _sources_draw(cur, Filters(), kept)),
        ("Sources, open the two tables under the timeline", lambda: sources_open_tables(cur, Filters(), by_filters)),
        ("Sources, click: narrowed to a publisher", lambda: sources_page(cur, focus=Focus("publisher", s["publisher"]), kept=by_filters)),
        ("Sources, click: narrowed to a claimant group", lambda: sources_page(cur, focus=Focus("group", "Ukraine"), kept=by_filters)),
        ("Sources, 3 groups + date window", lambda: sources_page(cur, window)),
        ("Provenance, claim (median citations)", lambda: provenance_claim(cur, s["median_claim"])),
        ("Provenance, claim (most cited)", lambda: provenance_claim(cur, s["top_claim"])),
        ("Provenance, mention", lambda: provenance_mention(cur, s["mention"])),
        ("Data, first page", lambda: data_page(cur)),
        ("Review queue", lambda: review_page(cur)),
        ("Review queue, least sure first, page 100", lambda: review_page(cur, least_sure_first=True, page=100)),
        ("Article search 'kursk' (Review, Provenance)", lambda: article_search(cur, "kursk")),
        (f"Picker search '{s['claimant']} {value}'", lambda: picker_search(cur, f"{s['claimant']} {value}")),
        ("Picker search 'kursk'", lambda: picker_search(cur, "kursk")),
    ]


def time_pages(store_path: Path, repeat: int = 5, only: str = "") -> list[dict]:
    """Per interaction: {"page", "median_ms" (wall clock), "cpu_ms" (this process's CPU
    time, DuckDB's threads included: steadier than wall time on a shared machine),
    "spec_bytes" (the largest chart spec), "spec_bytes_total", "charts"}; medians of
    `repeat` runs after a warm-up run; `only`: the interactions whose name starts so."""
    con = duckdb.connect(str(Path(store_path).resolve()), read_only=True)
    try:
        cur = con.cursor()
        out = []
        for name, call in interactions(cur):
            if not name.startswith(only):
                continue
            sizes = call()  # warm-up: first query plans, imports
            runs, cpu = [], []
            for _ in range(repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                sizes = call()
                runs.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            out.append({"page": name, "median_ms": round(statistics.median(runs) * 1000, 1),
                        "cpu_ms": round(statistics.median(cpu) * 1000, 1),
                        "spec_bytes": max(sizes, default=0), "spec_bytes_total": sum(sizes),
                        "charts": len(sizes)})
        return out
    finally:
        con.close()


def table(rows: list[dict], target_ms: float | None = None) -> str:
    """The timings as a Markdown table (with a target column when given)."""
    head = "| interaction | median ms | CPU ms | charts | largest spec | all specs |" + (
        " ≤ target |" if target_ms else "")
    lines = [head, "|---" * (6 + bool(target_ms)) + "|"]
    for r in rows:
        line = (f"| {r['page']} | {r['median_ms']:,.0f} | {r['cpu_ms']:,.0f} | {r['charts']} | "
                f"{r['spec_bytes'] / 1000:,.0f} kB | {r['spec_bytes_total'] / 1000:,.0f} kB |")
        if target_ms:
            ok = r["median_ms"] <= target_ms and r["spec_bytes"] <= MAX_SPEC_BYTES
            line += f" {'yes' if ok else 'NO'} |"
        lines.append(line)
    return "\n".join(lines)


def target_for(n_articles: int) -> int:
    """The interaction target for a store of this many articles (150 ms up to 10,000,
    300 ms up to 100,000 and beyond)."""
    return TARGET_MS[10_000] if n_articles <= 10_000 else TARGET_MS[100_000]


def sizes_table(runs: list[tuple[int, list[dict]]]) -> str:
    """One row per interaction, per store its wall and CPU medians, largest spec and
    whether it meets the target of its size (wall median and spec); the last column is
    the ratio of the last store's wall median to the first's."""
    head = ["interaction"]
    for n, _ in runs:
        head += [f"{n:,}: ms", "CPU ms", "spec", f"≤ {target_for(n)} ms"]
    if len(runs) > 1:
        head.append("ratio")
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for i, first in enumerate(runs[0][1]):
        cells = [first["page"]]
        for n, rows in runs:
            r = rows[i]
            ok = r["median_ms"] <= target_for(n) and r["spec_bytes"] <= MAX_SPEC_BYTES
            cells += [f"{r['median_ms']:,.0f}", f"{r['cpu_ms']:,.0f}",
                      f"{r['spec_bytes'] / 1000:,.0f} kB", "yes" if ok else "**NO**"]
        if len(runs) > 1:
            cells.append(f"{runs[-1][1][i]['median_ms'] / max(first['median_ms'], 0.1):.1f}×")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


PAGES = ["", "timeline", "provenance", "sources", "data", "briefing", "review", "add_article"]


def browser_walk(data: Path, port: int = 8766) -> list[dict]:
    """Open every page of a dashboard on the data folder `data` in Chromium, then the most
    cited claim on Provenance: per page the seconds until its script run has settled (the
    app shows no running script and no spinner), the server's resident memory after it and
    any error box on the page; then how many requests left 127.0.0.1."""
    import subprocess
    import urllib.request

    import psutil
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(ROOT / "tests"))
    from scale import tree_rss  # bench/scale.py
    from test_browser import ARGS, CHROMIUM

    con = duckdb.connect(str((data / "estimates.duckdb").resolve()), read_only=True)
    top = _sample(con.cursor())["top_claim"]
    con.close()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("streamlit")), "run", "app.py", "--server.port",
         str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"], cwd=ROOT,
        env={**os.environ, "ESTIMATE_DESK_DATA": str(data)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = []
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health").read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            outside: list[str] = []  # the dashboard must not reach beyond this machine

            def note_outside(request) -> None:
                if not request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
                    outside.append(request.url)

            page.on("request", note_outside)
            walk = [(name or "compare", f"/{name}") for name in PAGES]
            walk.append(("provenance, most-cited claim", f"/provenance?claim={top}"))
            walk.append(("compare again (warm)", "/"))
            for name, url in walk:
                start = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}{url}")
                page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                                       timeout=600_000)
                page.wait_for_function("!document.querySelector('[data-testid=\"stSpinner\"]')",
                                       timeout=600_000)
                seconds = time.perf_counter() - start
                # a traceback box, or the message ui/boundary.py shows in place of one
                errors = page.locator('[data-testid="stException"]').count() + \
                    page.get_by_text("could not be shown:").count()
                out.append({"page": name, "seconds": round(seconds, 2), "errors": errors,
                            "server_rss": tree_rss(psutil.Process(server.pid))})
                print(f"  {name}: {seconds:.1f} s, server {out[-1]['server_rss'] / 1e6:,.0f} MB"
                      + (f", {errors} error box(es) on the page" if errors else ""), flush=True)
            print(f"  requests outside 127.0.0.1: {len(outside)}"
                  + (f" (first: {outside[0]})" if outside else ""), flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stores", type=Path, nargs="+",
                    help="store files, e.g. the 10,000- and 100,000-article stores of bench/scale.py")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--browser", action="store_true",
                    help="instead of timing in-process, walk every page in Chromium on each "
                         "store's data folder (where its link is): settle time per page and "
                         "the server's memory")
    ap.add_argument("--only", default="", help="time only the interactions whose name starts so, "
                    "e.g. Sources")
    args = ap.parse_args(argv)
    if args.browser:
        for path in args.stores:
            print(f"browser walk on {path.parent} (load average "
                  f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}):", flush=True)
            walk = browser_walk(path.parent)
            print(f"  peak server memory {max(w['server_rss'] for w in walk) / 1e6:,.0f} MB")
        return 0
    runs = []
    for path in args.stores:
        if not path.exists():
            print(f"no store at {path}", file=sys.stderr)
            return 2
        con = duckdb.connect(str(path.resolve()), read_only=True)
        n = queries.counts(con.cursor())
        con.close()
        print(f"store: {path} ({n['articles']:,} articles, {n['figures']:,} mentions, "
              f"{n['claims']:,} claims); median of {args.repeat} runs, in-process; load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} before", flush=True)
        runs.append((n["articles"], time_pages(path, args.repeat, args.only)))
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores); target met: wall median ≤ target and chart spec ≤ "
          f"{MAX_SPEC_BYTES / 1e6:.0f} MB")
    print(sizes_table(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
