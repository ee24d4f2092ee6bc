"""Dask build against the in-process build: MB/s of extraction on the synthetic corpus.

    .venv/bin/python bench/dask_build.py [--mb 5] [--workers 2] [--scheduler ADDRESS]

Both extract every article of bench/out/corpus-dask-<MB>/ (bench/corpus.py). The in-process
figure is analysis.store.extract_folder; the Dask figure is the job (tasks, Parquet writes)
on a LocalCluster of single-threaded worker processes, or on the scheduler given, timed
without the cluster's start-up (printed apart).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import corpus  # noqa: E402  (bench/corpus.py)
from analysis.store import extract_folder  # noqa: E402
from analysis.store.distributed import client_for, run_job  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5, help="corpus size in MiB (default 5)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", help="a Dask scheduler address instead of a local cluster")
    args = ap.parse_args(argv)
    folder = ROOT / "bench" / "out" / f"corpus-dask-{args.mb:g}"
    manifest = corpus.ensure_corpus(folder, int(args.mb * (1 << 20)))
    mb = manifest["bytes"] / 1e6
    started = time.perf_counter()
    articles, mentions, _ = extract_folder(folder)
    local_s = time.perf_counter() - started
    print(f"in-process: {len(articles)} articles, {len(mentions)} mentions, {local_s:.2f} s, "
          f"{mb / local_s:.2f} MB/s")
    started = time.perf_counter()
    with client_for(args.scheduler, args.workers) as client:
        startup_s = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as out:
            job = run_job(folder, Path(out) / "parquet", client)
    print(f"dask ({job.n_workers} workers, {job.n_tasks} tasks): {job.n_articles} articles, "
          f"{job.n_mentions} mentions, {job.seconds:.2f} s, {mb / job.seconds:.2f} MB/s "
          f"(cluster start {startup_s:.2f} s)")
    print(f"dask vs in-process: {local_s / job.seconds:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
