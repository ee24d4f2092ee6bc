"""The store and the pages at 10,000 and 100,000 articles: build, ingest, interactions.

    .venv/bin/python bench/scale.py [--sizes 10000 100000] [--repeat 5] [--reuse]

For each size, bench/corpus.py makes the corpus (deterministic) under
bench/out/scale-<N>/corpus; the data folder beside it (`data/`) holds hard links to its
files, the store and the decision log. Printed per size:

- build: `python -m analysis.build` in a child process: wall time, and peak memory as
  the largest sum of the resident sizes of it and its pool workers (sampled with psutil
  every 0.5 s; the kernel's largest single child, ru_maxrss, is printed too);
- the store's file size;
- one ingest: `analysis.store.ingest.save` of a new article in this process: the median
  of three with no other reader (written in place); one while a read-only connection
  holds the store (as with the dashboard open: written on the standby copy the previous
  write made in the background, waited for), and one right after it, before the next
  standby copy is ready (the update copies the file); and the CLI
  `python -m analysis.ingest` wall time, start-up included;
- the load average when each is measured (the machine is shared);
- the pages: `time_pages(store_path, repeat)` from bench/pages_timing.py (median
  in-process interaction time, wall and CPU, and the largest chart spec, per page and
  filter), when present;
- the dashboard process's memory after walking every page in Chromium (--dashboard).

then the 10k→100k ratios. `--reuse` keeps a store built by an earlier run of this
script (its build figures are printed from that run's record, marked so).
`--synthetic-from 10000` does not build the larger sizes but makes their stores from
renamed copies of the 10,000-article store (claims regrouped by the build's code), when
there is no time to extract them: ingest and pages are then timed on a store of that
size, and the build row says "not built".
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import corpus  # noqa: E402  (bench/corpus.py)
from analysis import store  # noqa: E402
from analysis.store import derived, ingest, spare  # noqa: E402

OUT = ROOT / "bench" / "out"
PYTHON = sys.executable


def _mb(n_bytes: float) -> str:
    return f"{n_bytes / 1e6:,.0f} MB"


def _seconds(s: float) -> str:
    return f"{s * 1000:,.0f} ms" if s < 1 else f"{s:,.1f} s" if s < 120 else f"{s / 60:,.1f} min"


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def linked_articles(source: Path, dest: Path) -> None:
    """`dest` as a folder of hard links to the corpus files (an ingest writes into it,
    never into the corpus)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for path in source.glob("*.txt"):
        os.link(path, dest / path.name)


def tree_rss(proc) -> int:
    """Resident bytes of a process and its children (0 once it is gone)."""
    import psutil
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run_build(data: Path) -> dict:
    """`python -m analysis.build` on the data folder: seconds and peak memory."""
    import psutil
    started = time.perf_counter()
    child = subprocess.Popen([PYTHON, "-m", "analysis.build", "--articles", str(data / "articles"),
                              "--db", str(data / "estimates.duckdb")], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    proc, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        peak = max(peak, tree_rss(proc))
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    output = child.stdout.read()
    if child.returncode:
        raise SystemExit(f"build failed:\n{output}")
    largest_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {"seconds": seconds, "peak_rss": peak, "largest_process_rss": largest_child,
            "summary": output.strip().splitlines()[0], "load": _load(), "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def time_ingests(data: Path, n: int, k: int = 3) -> dict:
    """Seconds of in-process ingests of new articles: the median of `k` with no other
    reader (written in place), one while a reader holds the store (written on a copy, as
    with the dashboard open), and one through the CLI, start-up included."""
    import duckdb
    link, articles = data / "estimates.duckdb", data / "articles"

    def text(i: int) -> str:  # a new text on every run (the same one twice is refused)
        return corpus.extra_article(n * 10 + i) + f"\nFiled at {time.time_ns()}.\n"

    def one(i: int) -> float:
        item = ingest.prepare(text(i).encode(), f"extra-{n}-{i}.txt")
        started = time.perf_counter()
        ingest.save([item], articles, link)
        return time.perf_counter() - started

    def settle() -> float:
        """Seconds waited for the standby copy of the current file (the background
        copy the last write started), up to 3 minutes."""
        path, started = store.current_path(link), time.perf_counter()
        while time.perf_counter() - started < 180 and not (spare.spare_path(path) or path).exists():
            time.sleep(0.2)
        return time.perf_counter() - started

    seconds = [one(i) for i in range(k)]  # in quick succession, as a batch would
    settled = []
    for i in range(k, k + 2):  # each once the last write's background copy is done
        settle()
        settled.append(one(i))
    k += 2
    # with a reader (the dashboard) holding the store: once the standby copy the last
    # write started in the background is ready (waited for, up to 3 minutes), then at once
    # again, when there is none yet and the update copies the file itself
    waited = settle()
    timed = {}
    for label, i in (("with_reader", k), ("with_reader_no_spare", k + 1)):
        reader = duckdb.connect(str(store.current_path(link)), read_only=True)
        try:
            timed[label] = one(i)
        finally:
            reader.close()
    extra = data.parent / "extra-cli.txt"
    extra.write_text(text(k + 2))
    started = time.perf_counter()
    cli = subprocess.run([PYTHON, "-m", "analysis.ingest", str(extra), "--articles", str(articles),
                          "--db", str(link)], cwd=ROOT, capture_output=True, text=True)
    cli_s = time.perf_counter() - started
    if cli.returncode:
        print(f"  CLI ingest failed: {cli.stderr.strip()}")
    return {"median": statistics.median(seconds), "each": seconds, "settled": settled, **timed,
            "spare_wait": waited, "cli": cli_s}


def synthesize(source: Path, data: Path, copies: int) -> dict:
    """A store of `copies` renamed copies of the store at `source` (copy k's dates moved by
    k days), its claims regrouped by the build's own code: a stand-in of that many
    articles for timing ingest and pages when there is no time to extract them. Not a
    build: its build figures are not measured."""
    import duckdb
    from analysis.store import update
    src = store.current_path(source / "estimates.duckdb")
    for leftover in ("store", "estimates.duckdb", "articles"):
        target = data / leftover
        shutil.rmtree(target) if target.is_dir() and not target.is_symlink() \
            else target.unlink(missing_ok=True)
    (data / "store").mkdir(parents=True)
    (data / "articles").mkdir()
    path = data / "store" / f"estimates-synthetic-{copies}x.duckdb"
    started = time.perf_counter()
    con = duckdb.connect(str(path), config={"memory_limit": store.MEMORY_LIMIT})
    con.execute(store.SCHEMA)
    con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
    shift = {"published": "published + {k}", "claim_date": "claim_date + {k}"}

    def columns(table: str, renamed: dict[str, str]) -> str:
        names = [r[0] for r in con.execute(f"DESCRIBE src.{table}").fetchall()]
        return ", ".join(renamed.get(c, f'"{c}"') for c in names)

    for k in range(copies):
        tag = {c: f"'c{k}-' || {c}" for c in ("article", "mention_id")}
        dates = {c: e.format(k=k) for c, e in shift.items()}
        con.execute(f"INSERT INTO articles SELECT {columns('articles', {**tag, **dates, 'sha256': f'sha256 || {k}', 'file_sha256': f'file_sha256 || {k}'})} FROM src.articles")
        con.execute(f"INSERT INTO extracted SELECT {columns('extracted', {**tag, **dates})} FROM src.extracted")
        con.execute(f"INSERT INTO figures SELECT {columns('figures', {**tag, **dates, 'claim_id': 'NULL'})} FROM src.figures")
    con.execute("INSERT INTO build_info SELECT * FROM src.build_info")
    con.execute("DETACH src")
    update.regroup(con)
    con.execute("UPDATE build_info SET n_articles = (SELECT count(*) FROM articles), "
                "n_figures = (SELECT count(*) FROM figures), n_claims = (SELECT count(*) FROM claims)")
    con.execute("CHECKPOINT")
    con.close()
    store._point(data / "estimates.duckdb", path)
    # the bench process's peak so far: mostly regrouping every claim of the copies, the
    # build's step whose memory grows with the corpus besides DuckDB's own (held to its limit)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"seconds": None, "peak_rss": None, "synthetic": copies, "regroup_peak_rss": peak,
            "summary": f"synthesized from {copies} copies of {src.name} in "
                       f"{time.perf_counter() - started:.0f} s, all claims regrouped; this "
                       f"process's peak memory {_mb(peak)}"}


def page_timings(path: Path, repeat: int) -> dict | None:
    try:
        from pages_timing import time_pages  # bench/pages_timing.py (the views' half)
    except ImportError:
        print("page timings: bench/pages_timing.py not present")
        return None
    return time_pages(path, repeat)


def dashboard_memory(data: Path) -> int | None:
    """Resident bytes of a Streamlit server on this data after loading every page once."""
    try:
        import psutil
        from playwright.sync_api import sync_playwright
        sys.path.insert(0, str(ROOT / "tests"))
        from test_browser import ARGS, CHROMIUM
    except ImportError as exc:
        print(f"dashboard memory: not measured ({exc})")
        return None
    port = "8765"
    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("streamlit")), "run", "app.py", "--server.port", port,
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"], cwd=ROOT,
        env={**os.environ, "ESTIMATE_DESK_DATA": str(data)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    try:
        import urllib.request
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health").read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        pages = ["", "timeline", "provenance", "data", "review", "add_article"]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            for name in pages:
                page.goto(f"http://127.0.0.1:{port}/{name}")
                page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                                       timeout=600_000)
                peak = max(peak, tree_rss(psutil.Process(server.pid)))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return peak


def bench_size(n: int, repeat: int, reuse: bool, dashboard: bool, build_only: bool = False,
               synthetic_from: int | None = None) -> dict | None:
    folder = OUT / f"scale-{n}"
    data, record = folder / "data", folder / "build.json"
    if synthetic_from:
        folder = OUT / f"scale-{n}-synthetic"
        data, record = folder / "data", folder / "build.json"
        source = OUT / f"scale-{synthetic_from}"
        manifest = json.loads((source / "corpus" / corpus.MANIFEST).read_text())
        manifest["bytes"] *= n // synthetic_from
    else:
        manifest = corpus.ensure_corpus(folder / "corpus", n_articles=n)
    result = {"articles": n, "corpus_bytes": manifest["bytes"]}
    path = store.current_path(data / "estimates.duckdb")
    # a store to keep: built by the current rules, and of this size (not a rebuild of an
    # emptier folder)
    usable = path is not None and not store.check_store(path) and store._counts(path)[0] >= n
    if reuse and usable:
        derived.upgrade(data / "estimates.duckdb")  # as the dashboard does: views' tables a later version added
    if synthetic_from:
        if reuse and record.exists() and usable:
            result["build"] = {**json.loads(record.read_text()), "reused": True}
        else:
            result["build"] = synthesize(source / "data", data, n // synthetic_from)
            record.write_text(json.dumps(result["build"]))
    elif reuse and record.exists() and usable:
        result["build"] = {**json.loads(record.read_text()), "reused": True}
    else:
        linked_articles(folder / "corpus", data / "articles")
        for leftover in ("store", "estimates.duckdb", "review.sqlite", "backups"):
            target = data / leftover
            shutil.rmtree(target) if target.is_dir() and not target.is_symlink() \
                else target.unlink(missing_ok=True)
        result["build"] = run_build(data)
        record.write_text(json.dumps(result["build"]))
    if result["build"]["seconds"] is None:
        print(f"{n:,} articles: not built, {result['build']['summary']}", flush=True)
    else:
        print(f"{n:,} articles: build {_seconds(result['build']['seconds'])}, peak "
              f"{_mb(result['build']['peak_rss'])} ({result['build']['summary']}; load at its "
              f"end {result['build'].get('load', 'not recorded')})", flush=True)
    if build_only:
        return None
    path = store.current_path(data / "estimates.duckdb")
    result["store_bytes"] = path.stat().st_size
    result["ingest"] = time_ingests(data, n)
    print(f"  ingest: {_seconds(result['ingest']['median'])} median "
          f"({', '.join(_seconds(s) for s in result['ingest']['each'])}); once the "
          f"background copy is done {', '.join(_seconds(s) for s in result['ingest']['settled'])}"
          f"; with a reader "
          f"{_seconds(result['ingest']['with_reader'])} (standby copy ready after "
          f"{_seconds(result['ingest']['spare_wait'])}), with a reader and no standby copy "
          f"{_seconds(result['ingest']['with_reader_no_spare'])}; CLI "
          f"{_seconds(result['ingest']['cli'])}; load {_load()}", flush=True)
    path = store.current_path(data / "estimates.duckdb")
    con = __import__("duckdb").connect(str(path), read_only=True)
    result["rows"] = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "figures", "claims")}
    con.close()
    result["pages"] = page_timings(path, repeat) if repeat else None
    result["dashboard_rss"] = dashboard_memory(data) if dashboard else None
    (folder / "results.json").write_text(json.dumps(result, indent=1, default=str))
    return result


def table(results: list[dict]) -> str:
    """The printed table: one column per size, then the ratio of the last to the first."""
    def row(label, values, ratio=True):
        cells = [v[0] for v in values]
        if ratio and len(values) > 1 and all(isinstance(v[1], (int, float)) and v[1] for v in values):
            cells.append(f"{values[-1][1] / values[0][1]:.1f}×")
        elif len(values) > 1:
            cells.append("")
        return f"| {label} | " + " | ".join(cells) + " |"

    sizes = [f"{r['articles']:,} articles" + (f" (synthetic: {r['build']['synthetic']} copies "
                                              "of the first)" if r["build"].get("synthetic") else "")
             for r in results]
    head = ["| | " + " | ".join(sizes) + (" | ratio |" if len(results) > 1 else " |"),
            "|---" * (len(results) + 1 + (len(results) > 1)) + "|"]
    lines = [
        row("mentions / claims", [(f"{r['rows']['figures']:,} / {r['rows']['claims']:,}",
                                   r['rows']['figures']) for r in results]),
        row("corpus", [(_mb(r["corpus_bytes"]), r["corpus_bytes"]) for r in results]),
        row("build" + (" (earlier run)" if any(r["build"].get("reused") for r in results) else ""),
            [(_seconds(r["build"]["seconds"]), r["build"]["seconds"]) if r["build"]["seconds"]
             else ("not built", None) for r in results]),
        row("build peak memory (all processes)",
            [(_mb(r["build"]["peak_rss"]), r["build"]["peak_rss"]) if r["build"]["peak_rss"]
             else ("not built", None) for r in results]),
        row("store size", [(_mb(r["store_bytes"]), r["store_bytes"]) for r in results]),
        row("one ingest in place, 3 in quick succession (median)", [(_seconds(r["ingest"]["median"]),
                                                      r["ingest"]["median"]) for r in results]),
        row("one ingest in place, the last write's background copy done (median of 2)",
            [(_seconds(statistics.median(r["ingest"]["settled"])),
              statistics.median(r["ingest"]["settled"])) for r in results]),
        row("one ingest while a reader holds the store (standby copy ready)",
            [(_seconds(r["ingest"]["with_reader"]), r["ingest"]["with_reader"]) for r in results]),
        row("the same with no standby copy yet (copies the file)",
            [(_seconds(r["ingest"]["with_reader_no_spare"]), r["ingest"]["with_reader_no_spare"])
             for r in results]),
        row("one ingest (CLI, with start-up)", [(_seconds(r["ingest"]["cli"]), r["ingest"]["cli"])
                                                for r in results]),
    ]
    if all(r.get("dashboard_rss") for r in results):
        lines.append(row("dashboard process memory", [(_mb(r["dashboard_rss"]), r["dashboard_rss"])
                                                      for r in results]))
    if all(r.get("pages") for r in results):
        # time_pages: one dict per interaction (page, median_ms, cpu_ms, spec_bytes)
        by_size = [{p["page"]: p for p in r["pages"]} for r in results]
        # every size's interactions, in order: one whose name holds what it searched (each
        # store's most-cited claim) has a row of its own per size
        for name in dict.fromkeys(n for pages in by_size for n in pages):
            cells = []
            for pages in by_size:
                p = pages.get(name) or {}
                ms = p.get("median_ms")
                cells.append((f"{ms:,.0f} ms (CPU {p.get('cpu_ms', 0):,.0f} ms), "
                              f"{p.get('spec_bytes', 0) / 1e3:,.0f} kB" if ms is not None
                              else "—", ms))
            lines.append(row(name, cells))
    return "\n".join(head + lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=5, help="runs per page interaction (median)")
    ap.add_argument("--reuse", action="store_true", help="keep a store this script built before")
    ap.add_argument("--build-only", action="store_true",
                    help="only the corpora and builds (then measure with --reuse)")
    ap.add_argument("--synthetic-from", type=int, metavar="N",
                    help="sizes above N are not built but synthesized from copies of the "
                         "N-article store (for timing ingest and pages; marked so)")
    ap.add_argument("--no-pages", action="store_true",
                    help="leave out the page timings (bench/pages_timing.py can be run alone)")
    ap.add_argument("--dashboard", action="store_true",
                    help="also measure the dashboard process's memory (Chromium)")
    args = ap.parse_args(argv)
    results = [bench_size(n, 0 if args.no_pages else args.repeat, args.reuse, args.dashboard,
                          args.build_only,
                          args.synthetic_from if args.synthetic_from and n > args.synthetic_from
                          else None) for n in args.sizes]
    if args.build_only:
        return 0
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
