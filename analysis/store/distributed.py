"""Extraction as a Dask job, for a corpus larger than one machine extracts in good time.

`python -m analysis.build --engine dask [--scheduler ADDRESS]` sends the articles (the files
of a folder, or the rows of a Parquet table of articles) to Dask workers in chunks; each
task extracts its articles and writes them and their mentions as Parquet partitioned by
published month (analysis.store.parquet):

    PARQUET/articles/published_month=2024-11/part-00003-0.parquet
    PARQUET/mentions/published_month=2024-11/part-00003-0.parquet
    PARQUET/_manifest.json     extractor version, counts, skipped articles

The store is then built from those partitions as the in-process build does it (the same
review decisions applied, the same claim grouping, the same atomic switch). Without a
scheduler address a LocalCluster on this machine runs the job; with one, every worker must
run this checkout's code (the job refuses workers whose extraction rules differ) and reach
the articles and the Parquet folder under the same paths (a shared file system).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from analysis.extract import extract_article
from analysis.extract.articles import (META_FIELDS, ArticleError, _as_date, decode,
                                       iter_article_paths, normalised_hash, parse_article,
                                       read_article)
from analysis.store import (ARTICLE_COLUMNS, EXTRACTED_COLUMNS, SCHEMA, BuildReport,
                            _article_row, _file_sha, _records, _write, extractor_version,
                            writer_lock)
from analysis.store.parquet import month_select, read_sql, replace_dir, write_partitioned

MANIFEST = "_manifest.json"
TABLES = {"articles": "articles", "mentions": "extracted"}  # Parquet folder -> store table
PARTITION = "published_month"
ROW_GAP = 10**9  # article_seq of row i of table part p: p * ROW_GAP + i (input order kept)


class DistributedError(RuntimeError):
    """The job cannot run or its output cannot be used; the message says why."""


@dataclass
class JobReport:
    out: Path
    n_articles: int = 0
    n_mentions: int = 0
    n_bytes: int = 0
    n_tasks: int = 0
    n_workers: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        rate = self.n_bytes / 1e6 / self.seconds if self.seconds else 0.0
        return (f"dask: {self.n_articles} articles, {self.n_mentions} mentions in "
                f"{self.n_tasks} tasks on {self.n_workers} workers, {self.seconds:.2f} s "
                f"({rate:.2f} MB/s) -> {self.out}")


# --- on the workers ----------------------------------------------------------------------

def _extract(items, part: int, dest: str) -> dict:
    """Extract (seq, name, load) items and write their rows as Parquet under `dest`."""
    articles, mentions, problems, n_bytes = [], [], [], 0
    for seq, name, load in items:
        try:
            article, file_sha, size = load()
            rows = extract_article(article)
        except (ArticleError, OSError) as exc:
            problems.append(str(exc) if isinstance(exc, ArticleError) else f"{name}: {exc}")
            continue
        n_bytes += size
        row = _article_row(article, normalised_hash(article.body), file_sha, len(rows))
        articles.append({**row, "article_seq": seq})
        mentions.extend({**m, "article_seq": seq, "mention_seq": k} for k, m in enumerate(rows))
    _write_part(articles, mentions, part, Path(dest))
    return {"articles": len(articles), "mentions": len(mentions), "bytes": n_bytes,
            "problems": problems, "extractor": extractor_version()}


def _staging(con: duckdb.DuckDBPyConnection) -> None:
    """The store's articles and extracted tables, plus the input order of their rows."""
    con.execute(SCHEMA)
    con.execute("ALTER TABLE articles ADD COLUMN article_seq BIGINT")
    con.execute("ALTER TABLE extracted ADD COLUMN article_seq BIGINT")
    con.execute("ALTER TABLE extracted ADD COLUMN mention_seq INTEGER")


def _write_part(articles: list[dict], mentions: list[dict], part: int, dest: Path) -> None:
    # DuckDB casts the rows to the store's own column types, so every part has one schema
    # (a part whose claim dates are all empty would otherwise get a column of nulls).
    con = duckdb.connect()
    try:
        _staging(con)
        frames = {"articles": pd.DataFrame(articles, columns=[*ARTICLE_COLUMNS, "article_seq"]),
                  "extracted": pd.DataFrame(mentions, columns=[*EXTRACTED_COLUMNS, "article_seq",
                                                               "mention_seq"])}
        for folder, table in TABLES.items():
            frame = frames[table]
            con.register("frame", frame)
            cols = ", ".join(f'"{c}"' for c in frame.columns)
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM frame")
            con.unregister("frame")
            arrow = con.sql(month_select(table, "published", PARTITION)).to_arrow_table()
            if arrow.num_rows:
                write_partitioned(arrow, dest / folder, PARTITION, basename=f"part-{part:05d}")
    finally:
        con.close()


def _files_task(paths: list[str], first_seq: int, part: int, dest: str) -> dict:
    def loader(path: Path):
        def load():
            return read_article(path), _file_sha(path), path.stat().st_size
        return load
    return _extract(((first_seq + i, Path(p).name, loader(Path(p))) for i, p in enumerate(paths)),
                    part, dest)


def _table_task(frame: pd.DataFrame, part: int, dest: str) -> dict:
    def loader(row: dict):
        def load():
            name = str(row["article"])
            text = row["text"]
            data = text.encode("utf-8") if isinstance(text, str) else (text or b"")
            article = parse_article(name, decode(data, name))
            for key in META_FIELDS:
                value = row.get(key)  # a column of the table wins over the front matter
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    article.meta[key] = _as_date(value) if key == "published" else value
            return article, hashlib.sha256(data).hexdigest(), len(data)
        return load
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return _extract(((part * ROW_GAP + i, str(r["article"]), loader(r)) for i, r in enumerate(rows)),
                    part, dest)


# --- on the client -----------------------------------------------------------------------

@contextlib.contextmanager
def client_for(scheduler: str | None = None, workers: int | None = None,
               processes: bool = True):
    """A Dask client: to the scheduler at `scheduler`, else to a LocalCluster of
    `workers` single-threaded workers (extraction is pure Python: threads would share one
    interpreter lock, so processes are the default)."""
    from distributed import Client, LocalCluster
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise DistributedError(f"no Dask scheduler answers at {scheduler} ({exc})") from None
        with client:
            yield client
        return
    # in processes they talk over TCP on the loopback only; in threads over inproc://
    where = {"host": "127.0.0.1"} if processes else {}
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                      processes=processes, dashboard_address=None, **where) as cluster, \
            Client(cluster) as client:
        yield client


def _tasks(source: Path, dest: str, slots: int):
    """Delayed tasks over the articles of `source`: a folder or a Parquet file or folder."""
    import dask
    if source.is_dir() and not any(source.rglob("*.parquet")):
        paths = [str(p.resolve()) for p in iter_article_paths([source])]
        if not paths:
            raise DistributedError(f"no article files (.txt, .md) under {source}")
        size = max(1, min(64, math.ceil(len(paths) / (slots * 4))))
        return [dask.delayed(_files_task, pure=False)(paths[i:i + size], i, i // size, dest)
                for i in range(0, len(paths), size)]
    if source.suffix == ".parquet" or source.is_dir():
        import dask.dataframe as dd
        try:
            frame = dd.read_parquet(str(source.resolve()))
        except Exception as exc:  # pyarrow and fsspec raise many kinds; name the file
            raise DistributedError(f"{source}: not a readable Parquet table ({exc})") from None
        missing = {"article", "text"} - set(frame.columns)
        if missing:
            raise DistributedError(f"{source}: a table of articles needs the columns article "
                                   f"and text (missing: {', '.join(sorted(missing))})")
        keep = [c for c in ("article", "text", *META_FIELDS) if c in frame.columns]
        return [dask.delayed(_table_task, pure=False)(part, i, dest)
                for i, part in enumerate(frame[keep].to_delayed())]
    raise DistributedError(f"{source}: give a folder of article files or a Parquet table")


def run_job(source: Path, out: Path, client) -> JobReport:
    """Extract every article of `source` on the client's cluster into Parquet under `out`.
    The partitions are written beside `out` and switched in when every task is done."""
    started = time.perf_counter()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}-{time.time_ns()}")
    slots = sum(client.nthreads().values()) or 1
    report = JobReport(out, n_workers=len(client.nthreads()))
    try:
        tasks = _tasks(source, str(partial), slots)
        try:
            results = client.gather(client.compute(tasks))
        except (ImportError, RuntimeError) as exc:  # how Dask reports a scheduler or worker
            # that cannot import this code, among others: say what to check, not a traceback
            raise DistributedError(f"the Dask job failed ({str(exc).splitlines()[0]}); the "
                                   "scheduler and every worker must run this checkout's code "
                                   "(PYTHONPATH) in its venv") from exc
        version = extractor_version()
        others = {r["extractor"] for r in results} - {version}
        if others:
            raise DistributedError("some Dask workers run other extraction code than this "
                                   f"checkout ({', '.join(sorted(others))} != {version}); "
                                   "start them from the same version")
        for r in results:
            report.n_articles += r["articles"]
            report.n_mentions += r["mentions"]
            report.n_bytes += r["bytes"]
            report.problems += r["problems"]
        report.n_tasks = len(tasks)
        partial.mkdir(parents=True, exist_ok=True)
        (partial / MANIFEST).write_text(json.dumps({
            "extractor": version, "articles": report.n_articles, "mentions": report.n_mentions,
            "problems": report.problems, "source": str(source),
            "written_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")},
            indent=1))
        replace_dir(partial, out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    report.seconds = time.perf_counter() - started
    return report


def read_partitions(root: Path) -> tuple[list[dict], list[dict], list[str]]:
    """Articles and mentions from a Dask job's Parquet, in input order, plus what was
    skipped; an article whose text is already there is left out as the in-process build
    does."""
    manifest_path = root / MANIFEST
    if not manifest_path.exists():
        raise DistributedError(f"{root} holds no finished Dask build ({MANIFEST} is missing)")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("extractor") != extractor_version():
        raise DistributedError(f"the Parquet under {root} was extracted by other rules "
                               f"({manifest.get('extractor')}); run the Dask build again")
    con = duckdb.connect()
    try:
        _staging(con)
        for folder, table in TABLES.items():
            if any((root / folder).rglob("*.parquet")):  # none when the corpus was empty
                con.execute(f"INSERT INTO {table} BY NAME SELECT * EXCLUDE ({PARTITION}) "
                            f"FROM {read_sql(root, folder)}")
        columns = ", ".join(f'"{c}"' for c in EXTRACTED_COLUMNS)
        articles = con.sql(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles "
                           "ORDER BY article_seq").df()
        mentions = con.sql(f"SELECT {columns} FROM extracted "
                           "ORDER BY article_seq, mention_seq").df()
    finally:
        con.close()
    problems = list(manifest.get("problems", []))
    article_rows, seen, kept = [], {}, set()
    for row in _records(articles):
        if row["sha256"] in seen:
            problems.append(f"{row['article']}: same text as {seen[row['sha256']]}, left out")
            continue
        seen[row["sha256"]] = row["article"]
        kept.add(row["article"])
        article_rows.append(row)
    return article_rows, [m for m in _records(mentions) if m["article"] in kept], problems


def build_from_parquet(root: Path, link: Path) -> BuildReport:
    """The store from a Dask job's Parquet: decisions applied, claims grouped, switched to."""
    with writer_lock(link):
        return _write(*read_partitions(root), link)


def build_with_dask(source: Path, link: Path, out: Path, scheduler: str | None = None,
                    workers: int | None = None, processes: bool = True
                    ) -> tuple[JobReport, BuildReport]:
    """Run the extraction job on a cluster, then build the store from its Parquet."""
    with client_for(scheduler, workers, processes) as client:
        job = run_job(source, out, client)
    return job, build_from_parquet(out, link)


def main(args) -> int:
    """`python -m analysis.build --engine dask`: the job, then the store from its Parquet."""
    import sys
    from analysis.store import StoreBusy
    out = args.parquet or args.db.parent / "parquet"
    if not args.articles.exists():
        print(f"error: no articles at {args.articles}", file=sys.stderr)
        return 2
    try:
        job, report = build_with_dask(args.articles, args.db, out, args.scheduler)
    except (DistributedError, StoreBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(job.summary())
    print(report.summary())
    print(f"{args.db} -> {report.path.relative_to(args.db.parent)}")
    return 0
