"""Extraction benchmark: throughput of analysis.extract against quantulum3, and value-level
precision/recall of both on the labelled articles.

    .venv/bin/python bench/extraction.py            # quantulum3 on a sample if it is slow
    .venv/bin/python bench/extraction.py --full     # quantulum3 on the whole corpus
    .venv/bin/python bench/extraction.py --articles DIR [DIR ...]  # your own folders instead

A benchmark, not a test: it prints a report and writes bench/out/results.json (and
bench/out/report.txt). The corpus (>= 50 MiB of synthetic articles, bench/corpus.py) is
built under bench/out/corpus/ and reused until corpus.py changes.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import multiprocessing as mp
import os
import platform
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import corpus  # noqa: E402  (bench/corpus.py)
from analysis.extract.articles import ArticleError, read_article  # noqa: E402
from analysis.extract import extract_article  # noqa: E402

MB = 1_000_000          # throughput is reported in MB = 10^6 bytes of article files
MIB = 1 << 20
SAMPLE_MIN_BYTES = 2 * MIB
ONE_CORE_GOAL = 30       # issue 8: ours / quantulum3 on one core
QUANTULUM_BUDGET_S = 600  # run quantulum3 on everything only if that takes ~10 min or less
# quantulum3 units kept in the "fair" variant: its plain-number unit. It has no unit for
# people or soldiers; "1,500 soldiers" and "12 thousand troops" come out as dimensionless.
Q3_KEPT_UNITS = ("dimensionless",)
EVAL_SETS = [("seeds", ROOT / "tests/gold/seeds.jsonl", ROOT / "data/articles"),
             ("dev", ROOT / "tests/corpus/dev/gold.jsonl", ROOT / "tests/corpus/dev/articles")]


# --- the two extractors, one article at a time --------------------------------------------------

def ours(path: Path) -> list[float]:
    """Values of the figures analysis.extract finds in one article file."""
    try:
        return [float(r["value"]) for r in extract_article(read_article(path))]
    except ArticleError:
        return []


_Q3 = None


def load_quantulum() -> tuple[object, list[str]]:
    """quantulum3's parser, importing it quietly; returns (parser or None, messages)."""
    global _Q3
    messages: list[str] = []
    if _Q3 is None:
        with warnings.catch_warnings(record=True) as caught, \
                contextlib.redirect_stdout(io.StringIO()) as out, \
                contextlib.redirect_stderr(io.StringIO()) as err:
            warnings.simplefilter("always")
            try:
                from quantulum3 import parser
            except Exception as exc:  # not installed, or broken data files
                return None, [f"quantulum3 unavailable: {exc!r}"]
        messages = [str(w.message).split(". ")[0] for w in caught] + \
            [line for line in (out.getvalue() + err.getvalue()).splitlines() if line.strip()]
        _Q3 = parser
    return _Q3, messages


def q3_quantities(text: str) -> list:
    parser, _ = load_quantulum()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return parser.parse(text)
        except Exception:  # quantulum3 raises on some inputs; count it as finding nothing
            return []


def q3_values(text: str) -> tuple[list[float], list[float]]:
    """(every quantity's value, the values of the kept units with ranges read as their low end)."""
    found = q3_quantities(text)
    every = [float(q.value) for q in found]
    kept = [float(q.value - (q.uncertainty or 0)) for q in found if q.unit.name in Q3_KEPT_UNITS]
    return every, kept


def quantulum(path: Path) -> tuple[int, int]:
    """Number of quantities quantulum3 finds in one article body: (all, kept units)."""
    every, kept = q3_values(read_article(path).body)
    return len(every), len(kept)


# --- timing ---------------------------------------------------------------------------------------

def warm_ours() -> None:
    """Import spaCy, build the sentencizer and compile the vocabularies before any timing."""
    ours(sorted((ROOT / "data/articles").glob("*.txt"))[0])


def _busy_jiffies() -> int | None:
    """CPU time the whole machine has spent busy, from /proc/stat (Linux only)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return sum(fields) - fields[3] - fields[4]  # everything but idle and iowait


class Meter:
    """Wall time, this process's CPU time and the machine's busy cores over a block."""

    def __enter__(self):
        self.busy0, self.cpu0, self.t0 = _busy_jiffies(), time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.t0
        self.cpu = time.process_time() - self.cpu0
        busy1 = _busy_jiffies()
        self.busy_cores = None if busy1 is None or self.busy0 is None else \
            (busy1 - self.busy0) / os.sysconf("SC_CLK_TCK") / self.wall


def timed(fn, paths: list[Path]) -> tuple[Meter, list]:
    with Meter() as m:
        results = [fn(p) for p in paths]
    return m, results


_BARRIER = None


def _worker_init(barrier) -> None:
    global _BARRIER
    _BARRIER = barrier
    warm_ours()


def _worker_ready(_: int) -> int:
    _BARRIER.wait(timeout=300)  # n tasks pass only when n distinct, warmed workers hold them
    return os.getpid()


def _ours_count(path: Path) -> tuple[int, float]:
    cpu = time.process_time()
    n = len(ours(path))
    return n, time.process_time() - cpu


def timed_pool(paths: list[Path], workers: int) -> tuple[Meter, list[int]]:
    """Pool over articles; the meter's cpu is the workers' CPU time, summed."""
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_worker_init, initargs=(ctx.Barrier(workers),)) as pool:
        pids = pool.map(_worker_ready, range(workers), chunksize=1)
        assert len(set(pids)) == workers
        with Meter() as m:
            results = pool.map(_ours_count, paths, chunksize=8)
    m.cpu += sum(cpu for _, cpu in results)
    return m, [n for n, _ in results]


def throughput(label: str, m: Meter, nbytes: int, articles: int, found: int, **extra) -> dict:
    others = None if m.busy_cores is None else max(0.0, m.busy_cores - m.cpu / m.wall)
    return {"extractor": label, "wall_s": round(m.wall, 2), "cpu_s": round(m.cpu, 2),
            "bytes": nbytes, "articles": articles,
            "MB_per_s": round(nbytes / MB / m.wall, 4), "articles_per_s": round(articles / m.wall, 2),
            "MB_per_cpu_s": round(nbytes / MB / m.cpu, 4), "found": found,
            "other_load_cores": None if others is None else round(others, 2), **extra}


# --- precision / recall -------------------------------------------------------------------------

def load_gold(path: Path) -> tuple[dict[str, list[dict]], int]:
    """Gold rows by article, and how many lines could not be read (file still being written)."""
    gold: dict[str, list[dict]] = {}
    bad = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold.setdefault(row["article"], []).append(row)
        except (json.JSONDecodeError, KeyError, TypeError):
            bad += 1
    return gold, bad


def value_counts(predicted: set[float], rows: list[dict]) -> tuple[int, int, int]:
    """(tp, fp, fn) on the article's set of values; optional gold values count neither way."""
    required = {float(g["value"]) for g in rows if not g.get("optional")}
    optional = {float(g["value"]) for g in rows if g.get("optional")} - required
    predicted = predicted - optional
    return len(predicted & required), len(predicted - required), len(required - predicted)


def evaluate_set(gold_path: Path, folder: Path) -> dict:
    if not gold_path.is_file() or not folder.is_dir():
        return {"status": f"not available ({gold_path.relative_to(ROOT)} or "
                          f"{folder.relative_to(ROOT)} missing)"}
    gold, bad_lines = load_gold(gold_path)
    names = sorted(set(gold) | {p.name for p in folder.iterdir() if p.suffix in (".txt", ".md")})
    keys = ("ours", "quantulum3_all", "quantulum3_kept") if load_quantulum()[0] else ("ours",)
    totals = {k: [0, 0, 0] for k in keys}
    missing = []
    for name in names:
        rows = gold.get(name, [])
        path = folder / name
        if path.is_file():
            predicted = {"ours": set(ours(path))}
            if "quantulum3_all" in totals:
                every, kept = q3_values(read_article(path).body)
                predicted.update(quantulum3_all=set(every), quantulum3_kept=set(kept))
        else:
            missing.append(name)
            predicted = {k: set() for k in totals}
        for key, values in predicted.items():
            for i, n in enumerate(value_counts(values, rows)):
                totals[key][i] += n
    scores = {}
    for key, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        scores[key] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3),
                       "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    return {"status": "ok", "articles": len(names),
            "gold_rows": sum(len(v) for v in gold.values()),
            "optional_rows": sum(bool(g.get("optional")) for v in gold.values() for g in v),
            "unreadable_gold_lines": bad_lines, "articles_missing": missing, "scores": scores}


# --- the report ---------------------------------------------------------------------------------

def machine() -> dict:
    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                                  timeout=10).stdout.strip()
        except OSError:
            return ""
    sources = sorted((ROOT / "analysis").rglob("*.py"))  # the subpackages (extract/) too
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:12]
    try:
        from importlib.metadata import version
        versions = {p: version(p) for p in ("quantulum3",)}
    except Exception:
        versions = {}
    return {"cpu_count": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
            "git_head": git("rev-parse", "--short", "HEAD"),
            "analysis_uncommitted": bool(git("status", "--porcelain", "analysis")),
            "analysis_sources_sha256": digest, **{f"{k}_version": v for k, v in versions.items()}}


def render(res: dict) -> str:
    c, m = res["corpus"], res["machine"]
    lines = ["Estimate Desk extraction benchmark", "=" * 34,
             f"machine: {m['cpu_count']} CPUs, Python {m['python']}, {m['platform']}; "
             f"load average at start {m['load_avg_at_start']}",
             f"extractor: analysis/ at git {m['git_head']}"
             f"{' + uncommitted changes' if m['analysis_uncommitted'] else ''} "
             f"(sources sha256 {m['analysis_sources_sha256']}); quantulum3 "
             f"{m.get('quantulum3_version', '?')}",
             f"corpus: {c['articles']:,} articles, {c['bytes'] / MB:.1f} MB ({c['bytes'] / MIB:.1f} MiB), "
             + (f"seed {c['seed']}, generator {c['generator']}, "
                f"{'generated in ' + str(c['generation_s']) + ' s' if c['regenerated'] else 'reused'} "
                f"({c['folder']})" if "seed" in c else f"the .txt files of {c['folder']}"),
             f"  figure phrases planted by the generator: {c['planted_figures']:,} "
             "(a sanity number, not a score)" if "seed" in c else "  (given folders: no planted count)",
             "", "Throughput (wall time; warm-up - imports, spaCy pipeline, quantulum3 unit data, "
             "worker start - is outside the timed region;",
             "timed work per article = read file + front matter + extract; MB = 10^6 bytes of "
             "article files;",
             "CPU s = CPU time of the extracting process(es); other = cores kept busy by other "
             "processes meanwhile, from /proc/stat)", ""]
    head = (f"{'extractor':40} {'MB / articles':>17} {'wall s':>7} {'CPU s':>7} {'MB/s':>7} "
            f"{'art/s':>6} {'MB/CPU-s':>8} {'found':>7} {'other':>5}")
    lines += [head, "-" * len(head)]
    for t in res["throughput"]:
        what = f"{t['bytes'] / MB:.1f} / {t['articles']:,}"
        other = "?" if t["other_load_cores"] is None else f"{t['other_load_cores']:.2f}"
        lines.append(f"{t['extractor']:40} {what:>17} {t['wall_s']:>7.1f} {t['cpu_s']:>7.1f} "
                     f"{t['MB_per_s']:>7.3f} {t['articles_per_s']:>6.1f} {t['MB_per_cpu_s']:>8.3f} "
                     f"{t['found']:>7,} {other:>5}")
    pooled = res["throughput"][1]
    if "same_figures_as_single" in pooled:
        lines.append(f"Pool found the same number of figures as 1 process: "
                     f"{'yes' if pooled['same_figures_as_single'] else 'NO'}")
    q = res["quantulum3"]
    lines.append("")
    if q.get("status") != "ok":
        lines.append(f"quantulum3: {q.get('status')}")
    else:
        lines.append(f"quantulum3 speed probe: {q['probe_bytes'] / MB:.2f} MB in {q['probe_s']:.1f} s "
                     f"-> whole corpus would take ~{q['estimated_full_s'] / 60:.0f} min")
        if q["sample"]:
            lines.append(f"quantulum3 ran on a SAMPLE: every {q['every_kth']}-th article = "
                         f"{q['articles']:,} articles, {q['bytes'] / MB:.2f} MB "
                         f"({100 * q['bytes'] / c['bytes']:.1f}% of the corpus); --full runs it on everything")
        else:
            lines.append("quantulum3 ran on the whole corpus")
        lines.append(f"quantulum3 quantities found: {q['found_all']:,} in all, "
                     f"{q['found_kept']:,} with kept units {list(Q3_KEPT_UNITS)}; warm-up "
                     f"(unit data) {q['warmup_s']} s")
        if q["messages"]:
            lines.append(f"quantulum3 said at import: {'; '.join(q['messages'])}")
        lines += ["", "Speed ratios, ours / quantulum3:"]
        for k, v in res["ratios"].items():
            lines.append(f"  {k:66} {v:7.1f}x")
        one_core = res["ratios"].get("ours / quantulum3 per CPU-second (MB/CPU-s, 1 process each)")
        if one_core is not None:
            lines.append(f"  one core (per CPU-second, robust to a busy machine): {one_core:.1f}x "
                         f"against the goal of {ONE_CORE_GOAL}x: "
                         + ("met" if one_core >= ONE_CORE_GOAL else "NOT met"))
    lines += ["", "Value-level precision / recall (per article, on the set of values; "
              "optional gold rows count neither way)",
              "  quantulum3 all  = every quantity it finds in the body (after the front matter)",
              f"  quantulum3 kept = only units {list(Q3_KEPT_UNITS)} (quantulum3 has no people/"
              "soldier unit; dropped: percentages, 'count' i.e. 'N times', currencies, time, "
              "length, ...), ranges read as their low end", ""]
    head = f"{'set':6} {'extractor':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    lines += [head, "-" * len(head)]
    for name, ev in res["accuracy"].items():
        if ev["status"] != "ok":
            lines.append(f"{name:6} {ev['status']}")
            continue
        for key, s in ev["scores"].items():
            label = key.replace("quantulum3_", "quantulum3 ")
            lines.append(f"{name:6} {label:16} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                         f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
        notes = f"{ev['articles']} articles, {ev['gold_rows']} gold rows ({ev['optional_rows']} optional)"
        if ev["unreadable_gold_lines"]:
            notes += f", {ev['unreadable_gold_lines']} unreadable gold lines skipped"
        if ev["articles_missing"]:
            notes += f", {len(ev['articles_missing'])} gold articles missing: {ev['articles_missing']}"
        lines.append(f"{'':6} ({notes})")
    lines += ["", f"total run time {res['total_run_s']:.0f} s"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--full", action="store_true", help="run quantulum3 on the whole corpus")
    ap.add_argument("--mb", type=float, default=50, help="corpus size in MiB (default 50)")
    ap.add_argument("--articles", nargs="+", type=Path, metavar="DIR",
                    help="time these folders' .txt articles instead of the synthetic corpus "
                         "(e.g. real reporting kept outside the repository); the report goes "
                         "to bench/out/report-articles.txt")
    args = ap.parse_args(argv)
    run_start = time.perf_counter()
    res: dict = {"machine": machine(), "args": {k: v if k != "articles" else v and list(map(str, v))
                                               for k, v in vars(args).items()}}

    t = time.perf_counter()
    if args.articles:
        paths = sorted(p for d in args.articles for p in d.glob("*.txt"))
        if not paths:
            ap.error(f"no .txt articles in {' '.join(map(str, args.articles))}")
        res["corpus"] = {"articles": len(paths), "bytes": sum(p.stat().st_size for p in paths),
                         "folder": " ".join(map(str, args.articles))}
    else:
        folder = OUT / ("corpus" if args.mb == 50 else f"corpus_{args.mb:g}MiB")
        manifest = corpus.ensure_corpus(folder, int(args.mb * MIB))
        paths = [folder / n for n in manifest["files"]]
        res["corpus"] = {k: manifest[k] for k in ("articles", "bytes", "seed", "generator",
                                                  "planted_figures", "sha256", "regenerated")}
        res["corpus"].update(folder=str(folder.relative_to(ROOT)),
                             generation_s=round(time.perf_counter() - t, 1))
    sizes = [p.stat().st_size for p in paths]
    total = sum(sizes)
    print(f"corpus ready: {len(paths):,} articles, {total / MB:.1f} MB", flush=True)

    # ours, one process, then all cores
    warm_ours()
    m, found = timed(ours, paths)
    single = throughput("ours, 1 process (full corpus)", m, total, len(paths),
                        sum(map(len, found)))
    print(f"ours single: {m.wall:.1f} s", flush=True)
    workers = os.cpu_count() or 1
    m, counts = timed_pool(paths, workers)
    pooled = throughput(f"ours, Pool of {workers} (full corpus)", m, total, len(paths),
                        sum(counts), same_figures_as_single=sum(counts) == single["found"])
    print(f"ours pool: {m.wall:.1f} s", flush=True)
    res["throughput"] = [single, pooled]

    # quantulum3: warm up, probe its speed, then the whole corpus or every k-th article
    parser, messages = load_quantulum()
    if parser is None:
        res["quantulum3"] = {"status": messages[0]}
        res["ratios"] = {}
    else:
        t = time.perf_counter()
        q3_quantities(read_article(paths[0]).body)  # loads unit and entity data (~5 s)
        warmup = time.perf_counter() - t
        k = max(1, total // SAMPLE_MIN_BYTES)
        while k > 1 and sum(sizes[::k]) < SAMPLE_MIN_BYTES:
            k -= 1
        probe = []
        for i in range(1 if k > 1 else 0, len(paths), k):  # disjoint from the sample
            probe.append(i)
            if sum(sizes[j] for j in probe) >= 256 * 1024:
                break
        probe_bytes = sum(sizes[j] for j in probe)
        probe_s = timed(quantulum, [paths[j] for j in probe])[0].wall
        estimate = total / (probe_bytes / probe_s)
        sampled = estimate > QUANTULUM_BUDGET_S and not args.full and k > 1
        idx = list(range(0, len(paths), k)) if sampled else list(range(len(paths)))
        print(f"quantulum3: ~{estimate / 60:.0f} min for all; running on "
              f"{f'every {k}-th article' if sampled else 'everything'}", flush=True)
        sub, sub_bytes = [paths[i] for i in idx], sum(sizes[i] for i in idx)
        m, counts = timed(quantulum, sub)
        where = f"sample 1/{k}" if sampled else "full corpus"
        q3 = throughput(f"quantulum3, 1 process ({where})", m, sub_bytes, len(sub),
                        sum(c[0] for c in counts), found_kept_units=sum(c[1] for c in counts))
        res["quantulum3"] = {"status": "ok", "warmup_s": round(warmup, 1), "messages": messages,
                             "probe_bytes": probe_bytes, "probe_s": round(probe_s, 2),
                             "estimated_full_s": round(estimate), "sample": sampled,
                             "every_kth": k if sampled else 1, "articles": len(sub),
                             "bytes": sub_bytes, "found_all": q3["found"],
                             "found_kept": q3["found_kept_units"]}
        res["throughput"].append(q3)
        ratios = {"ours 1 process / quantulum3 1 process (MB/s)": single["MB_per_s"] / q3["MB_per_s"],
                  f"ours Pool of {workers} / quantulum3 1 process (MB/s)":
                      pooled["MB_per_s"] / q3["MB_per_s"],
                  "ours / quantulum3 per CPU-second (MB/CPU-s, 1 process each)":
                      single["MB_per_cpu_s"] / q3["MB_per_cpu_s"]}
        if sampled:  # the same articles for both, to rule out the sample being unusual
            m, found = timed(ours, sub)
            same = throughput(f"ours, 1 process ({where})", m, sub_bytes, len(sub),
                              sum(map(len, found)))
            res["throughput"].append(same)
            ratios[f"ours 1 process / quantulum3 1 process, same {where} (MB/s)"] = \
                same["MB_per_s"] / q3["MB_per_s"]
            ratios[f"ours / quantulum3 per CPU-second, same {where}"] = \
                same["MB_per_cpu_s"] / q3["MB_per_cpu_s"]
        res["ratios"] = {k_: round(v, 2) for k_, v in ratios.items()}

    print("precision / recall ...", flush=True)
    res["accuracy"] = {name: evaluate_set(g, a) for name, g, a in EVAL_SETS}
    res["total_run_s"] = round(time.perf_counter() - run_start, 1)

    report = render(res)
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "-articles" if args.articles else ""
    (OUT / f"results{suffix}.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    (OUT / f"report{suffix}.txt").write_text(report + "\n")
    print()
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
