"""The DuckDB store: built from the corpus into a new file, then switched to atomically.

`data/estimates.duckdb` is a symlink to the current build under `data/store/`. A build
writes a fresh file and replaces the link with `os.replace`, so a reader never sees half a
build and a failed build leaves the previous store in place. Readers key connections on
the resolved path: DuckDB keeps one instance per path per process, so reusing a path for
new content would hand back the old database.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import hashlib
import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from analysis.store import decisions, derived, spare, update
from analysis.extract.articles import ArticleError, iter_article_paths, normalised_hash, read_article
from analysis.store.claims import FIGURE_COLUMNS
from analysis.extract import extract_article

ROOT = Path(__file__).resolve().parent.parent.parent
DATA_ENV = "ESTIMATE_DESK_DATA"  # the data folder, as the dashboard and every command read it
DATA = Path(os.environ.get(DATA_ENV) or ROOT / "data")
ARTICLES_DIR = DATA / "articles"
DB_LINK = DATA / "estimates.duckdb"
KEEP_BUILDS = 3

# refresh compares each file's size and mtime with these before hashing it
FILES_TABLE = "CREATE TABLE files (article VARCHAR, size BIGINT, mtime_ns BIGINT)"
SCHEMA = f"""
CREATE TABLE articles (
    article VARCHAR PRIMARY KEY, title VARCHAR, publisher VARCHAR, author VARCHAR,
    url VARCHAR, published DATE, language VARCHAR, text VARCHAR, body_start INTEGER,
    sha256 VARCHAR, file_sha256 VARCHAR, n_figures INTEGER
);
CREATE TABLE extracted (
    mention_id VARCHAR PRIMARY KEY, article VARCHAR, value DOUBLE, low DOUBLE, high DOUBLE,
    qualifier VARCHAR, measure VARCHAR, claimant VARCHAR, claimant_group VARCHAR,
    claim_date DATE, published DATE, quote VARCHAR, sentence VARCHAR, "start" INTEGER,
    "end" INTEGER, sentence_start INTEGER, sentence_end INTEGER, confidence VARCHAR,
    confidence_reason VARCHAR
);
CREATE TABLE figures (
    mention_id VARCHAR PRIMARY KEY, article VARCHAR, value DOUBLE, low DOUBLE, high DOUBLE,
    qualifier VARCHAR, measure VARCHAR, claimant VARCHAR, claimant_group VARCHAR,
    claim_date DATE, published DATE, quote VARCHAR, sentence VARCHAR, "start" INTEGER,
    "end" INTEGER, sentence_start INTEGER, sentence_end INTEGER, claim_id VARCHAR,
    review_status VARCHAR, review_note VARCHAR, confidence VARCHAR, confidence_reason VARCHAR
);
CREATE TABLE claims (
    claim_id VARCHAR PRIMARY KEY, measure VARCHAR, claimant_group VARCHAR,
    claimant VARCHAR, claimants VARCHAR[], value DOUBLE, low DOUBLE, high DOUBLE,
    qualifier VARCHAR, claim_date DATE, date DATE, date_basis VARCHAR,
    n_articles INTEGER, n_mentions INTEGER, mention_ids VARCHAR[], articles VARCHAR[],
    publishers VARCHAR[], quote VARCHAR, sentence VARCHAR, n_reviewed INTEGER,
    reviewed BOOLEAN, superseded_by VARCHAR
);
CREATE TABLE decisions (
    id INTEGER, article VARCHAR, article_sha VARCHAR, "start" INTEGER, "end" INTEGER,
    quote VARCHAR, action VARCHAR, before VARCHAR, after VARCHAR, note VARCHAR,
    created_at VARCHAR, author VARCHAR, orphan_reason VARCHAR
);
{FILES_TABLE};
{derived.SCHEMA};
CREATE TABLE build_info (built_at TIMESTAMP, n_articles INTEGER, n_figures INTEGER,
                         n_claims INTEGER, problems VARCHAR[], extractor VARCHAR,
                         log_id VARCHAR, n_decisions INTEGER);
"""

ARTICLE_COLUMNS = ["article", "title", "publisher", "author", "url", "published", "language",
                   "text", "body_start", "sha256", "file_sha256", "n_figures"]
EXTRACTED_COLUMNS = [c for c in FIGURE_COLUMNS
                     if c not in ("claim_id", "review_status", "review_note")]


class StoreBusy(RuntimeError):
    """Another writer held the store for longer than we were willing to wait."""


@dataclass
class BuildReport:
    path: Path
    n_articles: int = 0
    n_figures: int = 0
    n_claims: int = 0
    problems: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    orphans: int = 0
    log_problem: str = ""

    def summary(self) -> str:
        text = (f"built {self.path.name}: {self.n_articles} articles, {self.n_figures} "
                f"figure mentions, {self.n_claims} claims")
        if self.orphans:
            text += f"; {self.orphans} review decisions no longer find their text"
        if self.log_problem:
            text += (f"\n  {self.log_problem} The decisions the database held were kept; "
                     "nothing is written to the log until it is restored or a new one started "
                     "(python -m analysis.decisions status).")
        return text + "".join(f"\n  skipped {p}" for p in self.problems)


def extraction_files() -> list[Path]:
    """Every file that decides the store's rows: the whole extraction package (no list to
    keep: a new module counts at once), the claim grouping, and how decisions apply. How
    rows are written (update.py) is not: tests hold it to the same rows."""
    here = Path(__file__).resolve().parent
    return sorted((here.parent / "extract").rglob("*.py")) + [here / "claims.py", here / "decisions.py"]


def extractor_version() -> str:
    """A hash of the extraction files: a store built by other rules is rebuilt rather than
    shown."""
    digest = hashlib.sha256()
    for path in extraction_files():
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


DECISIONS_ENV = "ESTIMATE_DESK_DECISIONS"


def decisions_path(link: Path) -> Path | str:
    """The decision log: the SQLite file beside the store, or the team's shared PostgreSQL
    log when ESTIMATE_DESK_DECISIONS holds its postgresql:// DSN."""
    shared = os.environ.get(DECISIONS_ENV, "").strip()
    return shared if shared else link.parent / "review.sqlite"


def backups_path(link: Path) -> Path:
    return link.parent / "backups"


def _applied(link: Path) -> tuple[str | None, int, Path | None]:
    """Which log and how many decisions the current store applied (log id, count, and the
    store file holding them); without a usable store, the newest backup's."""
    path = current_path(link)
    if path is not None:
        try:
            con = duckdb.connect(str(path), read_only=True)
            try:
                row = con.execute("SELECT log_id, n_decisions FROM build_info").fetchone()
            finally:
                con.close()
            if row is not None:
                return row[0], int(row[1] or 0), path
        except (duckdb.Error, OSError):
            pass  # damaged or older than log ids: fall back on the backups
    newest = decisions.backups(backups_path(link))[:1]
    if newest:
        return newest[0].log_id, newest[0].n, None
    return None, 0, None


def log_status(link: Path = DB_LINK, applied: tuple | None = None) -> decisions.LogState:
    """The decision log checked against what the store (or the newest backup) applied
    (`applied`: that, when the caller has read it already)."""
    expected_id, expected_n, _ = applied or _applied(link)
    return decisions.status(decisions_path(link), expected_id, expected_n)


def _kept_decisions(link: Path, applied: tuple | None = None,
                    con: duckdb.DuckDBPyConnection | None = None) -> list[dict]:
    """The decisions the current store applied (else the newest backup's): what a build
    applies while the log is missing or not the right one, so no chart loses them. `con`:
    a connection to the store the caller holds."""
    _, _, path = applied or _applied(link)
    if path is not None:
        own = con is None
        con = duckdb.connect(str(path), read_only=True) if own else con
        try:
            rows = _records(con.execute("SELECT * FROM decisions ORDER BY id").df())
        finally:
            if own:
                con.close()
        return [decisions._decoded({k: r.get(k) for k in decisions.COLUMNS}) for r in rows]
    newest = decisions.backups(backups_path(link))[:1]
    return decisions.load(newest[0].path) if newest else []


_held = threading.local()


@contextlib.contextmanager
def writer_lock(link: Path, timeout: float = 120.0):
    """One writer at a time per store (other processes included); readers never wait.
    Re-entrant within a thread, so a writer may call another writer's step."""
    key = str(link.parent.resolve())
    held = getattr(_held, "keys", set())
    if key in held:
        yield
        return
    link.parent.mkdir(parents=True, exist_ok=True)
    with open(link.parent / ".store.lock", "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreBusy("the store is being updated by another process; "
                                    "try again in a moment") from None
                time.sleep(0.05)
        _held.keys = held | {key}
        try:
            yield
        finally:
            _held.keys = held
            fcntl.flock(handle, fcntl.LOCK_UN)


def _file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _article_row(article, digest: str, file_sha: str, n_figures: int) -> dict:
    meta = article.meta
    return {"article": article.name, "title": meta.get("title"),
            "publisher": meta.get("publisher"), "author": meta.get("author"),
            "url": meta.get("url"), "published": meta.get("published"),
            "language": meta.get("language"), "text": article.text,
            "body_start": article.body_start, "sha256": digest, "file_sha256": file_sha,
            "n_figures": n_figures}


def _extract_file(path: Path) -> tuple[dict | None, list[dict], str | None]:
    """One article file: its row (with the file's size and mtime, which `refresh` compares
    before hashing) and mentions, or what is wrong with it."""
    try:
        stat = path.stat()  # before reading: a change made meanwhile shows at the next refresh
        file_sha = _file_sha(path)
        article = read_article(path)
        rows = extract_article(article)
        row = _article_row(article, normalised_hash(article.body), file_sha, len(rows))
        return {**row, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}, rows, None
    except (ArticleError, OSError) as exc:
        return None, [], str(exc) if isinstance(exc, ArticleError) else f"{path.name}: {exc}"


# Below this many files a pool costs more than it saves (and the dashboard never forks).
POOL_FROM = 200


def extract_files(paths: list[Path], workers: int | None = None
                  ) -> Iterator[tuple[dict | None, list[dict], str | None]]:
    """(article row, mentions, problem) per file, in order; extracted on `workers`
    processes (default: one per core, for many files)."""
    workers = workers or (os.cpu_count() or 1 if len(paths) >= POOL_FROM else 1)
    if workers <= 1:
        yield from map(_extract_file, paths)
        return
    # Not plain fork: this process may hold DuckDB's (or Streamlit's) threads, and a child
    # forked while one of them holds a lock can hang. A fork server starts clean, loads the
    # extractor once, and forks the workers from there.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["analysis.store"])
    with context.Pool(workers) as pool:
        yield from pool.imap(_extract_file, paths, chunksize=8)


def extract_folder(articles_dir: Path, workers: int | None = 1
                   ) -> tuple[list[dict], list[dict], list[str]]:
    """Articles, raw mentions and problems of a folder, in memory (for small folders and
    benchmarks; the build streams instead)."""
    article_rows, mentions, problems = [], [], []
    for row, rows, problem in _unique(extract_files(iter_article_paths([articles_dir]), workers)):
        if problem:
            problems.append(problem)
        else:
            article_rows.append(row)
            mentions.extend(rows)
    return article_rows, mentions, problems


def _unique(items: Iterable[tuple[dict | None, list[dict], str | None]],
            seen: dict[str, str] | None = None
            ) -> Iterator[tuple[dict | None, list[dict], str | None]]:
    """The items with an article whose text came earlier (or is in `seen`, hash → name)
    turned into a problem naming that one."""
    seen = {} if seen is None else seen
    for row, rows, problem in items:
        if row is not None:
            first = seen.get(row["sha256"])
            if first is not None:
                yield None, [], f"{row['article']}: same text as {first}, left out"
                continue
            seen[row["sha256"]] = row["article"]
        yield row, rows, problem


def restore_log(link: Path = DB_LINK, source: Path | None = None,
                articles_dir: Path = ARTICLES_DIR) -> tuple[Path, Path | None, BuildReport | None]:
    """Put a backup (the newest when `source` is None) back as the decision log and bring
    the store up to date. Returns the backup used, where the log it replaced was set
    aside, and the build (None when the store was busy: the next refresh applies it)."""
    if source is None:
        newest = decisions.backups(backups_path(link))[:1]
        if not newest:
            raise decisions.LogProblem("there is no backup of the decision log yet")
        source = newest[0].path
    with writer_lock(link):
        aside = decisions.restore(decisions_path(link), source, backups_path(link),
                                  log_status(link).expected)
    return source, aside, _refresh_quietly(articles_dir, link)


def new_log(link: Path = DB_LINK, articles_dir: Path = ARTICLES_DIR
            ) -> tuple[Path | None, BuildReport | None]:
    """Start an empty decision log on purpose (the old one is set aside, not deleted)."""
    with writer_lock(link):
        aside = decisions.start_new(decisions_path(link), backups_path(link),
                                    log_status(link).expected)
    return aside, _refresh_quietly(articles_dir, link)


def _refresh_quietly(articles_dir: Path, link: Path) -> BuildReport | None:
    try:
        return refresh(articles_dir, link, timeout=20.0)
    except StoreBusy:
        return None


def _log_for_build(link: Path, applied: tuple | None = None,
                   con: duckdb.DuckDBPyConnection | None = None
                   ) -> tuple[list[dict], tuple[str | None, int], str]:
    """The decisions to apply, the (log id, count) to record, and a problem to report.
    A log that is not the one applied last is not applied, and the last state is kept
    (read through `con` when the caller holds the store open)."""
    state = log_status(link, applied)
    db = decisions_path(link)
    if not state.ok:
        return _kept_decisions(link, applied, con), state.expected, state.message
    if state.kind == "new":
        decisions.connect(db).close()  # the desk's first log, with its id
    logged = decisions.load(db)
    return logged, (decisions.log_id(db), len(logged)), ""


def build(articles_dir: Path = ARTICLES_DIR, link: Path = DB_LINK,
          workers: int | None = None) -> BuildReport:
    """Extract every article anew (on `workers` processes), apply the review decisions,
    switch to the new file."""
    with writer_lock(link):
        return _write_stream(extract_files(iter_article_paths([articles_dir]), workers), link)


def _write(article_rows: list[dict], mentions: list[dict], problems: list[str],
           link: Path) -> BuildReport:
    """A build from rows already extracted (the Dask job's), in corpus order."""
    by_article: dict[str, list[dict]] = {}
    for m in mentions:
        by_article.setdefault(m["article"], []).append(m)
    items = ((row, by_article.get(row["article"], []), None) for row in article_rows)
    return _write_stream(items, link, problems)


def _write_stream(items: Iterable[tuple[dict | None, list[dict], str | None]], link: Path,
                  problems: list[str] | None = None) -> BuildReport:
    """A new store file from (article row, mentions, problem) items, switched to."""
    logged, (log_id, n_decisions), log_problem = _log_for_build(link)
    problems = list(problems or [])
    with _new_file(link) as (con, target):
        con.execute(SCHEMA)
        articles, extracted = update.Appender(con, "articles"), update.Appender(con, "extracted")
        files = update.Appender(con, "files")
        for row, rows, problem in _unique(items):
            if problem:
                problems.append(problem)
                continue
            articles.add([row])
            files.add(_file_row(row))
            if extracted.add(rows):
                # The file is private until switched to, so committing batch by batch
                # loses nothing; one open transaction would hold every row loaded so far
                # in memory (the writer grew to 2 GB over a 100,000-article load).
                articles.flush()
                files.flush()
                con.execute("COMMIT")
                con.execute("BEGIN")
        articles.flush()
        files.flush()
        extracted.flush()
        routed = {name for name in update.route(con, logged).values() if name}
        update.copy_unreviewed(con, sorted(routed))
        orphans = update.refigure(con, logged, routed)
        update.regroup(con)
        report = _finish(con, logged, orphans, problems, log_id, n_decisions)
    return _switched(link, target, report, log_problem)


def _file_row(row: dict) -> list[dict]:
    """The `files` row of an article row: its file's size and mtime, when it was read from
    a file (the Dask job's rows have none: refresh then hashes the file)."""
    return [{"article": row["article"], "size": row["size"], "mtime_ns": row["mtime_ns"]}] \
        if row.get("size") is not None else []


def _finish(con, logged: list[dict], orphans: dict[int, str], problems: list[str],
            log_id: str | None, n_decisions: int) -> BuildReport:
    """The decisions table and build_info of a file being written; its report."""
    con.execute("DELETE FROM decisions")
    update.insert(con, "decisions", update.decision_rows(logged, orphans))
    n_articles, n_figures, n_claims = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                       for t in ("articles", "figures", "claims"))
    con.execute("DELETE FROM build_info")
    con.execute("INSERT INTO build_info VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        dt.datetime.now(), n_articles, n_figures, n_claims, problems, extractor_version(),
        log_id, n_decisions])
    return BuildReport(Path(), n_articles, n_figures, n_claims, problems,
                       orphans=sum(r is not None for r in orphans.values()))


MEMORY_LIMIT = "1GB"  # DuckDB's share while writing; it spills to disk beyond this
WAL_LIMIT = 1_000_000  # bytes of WAL an update leaves before it checkpoints (see _detach)


@contextlib.contextmanager
def _new_file(link: Path, base: Path | None = None, keep_wal: bool = False):
    """A connection, inside one transaction, to the store file to switch to, and its path:
    `base` itself when no other connection has it open (readers see the change only once
    committed, a process killed before that leaves it as it was), else a copy of it (the
    standby copy spare.py made after the last write, when it is still one), else
    (no `base`) a new empty file. Committed and checkpointed on leaving (with `keep_wal`,
    an ingest's, the write stays in the file's WAL: see _detach); on an error rolled back,
    and a new file removed."""
    if base is not None:
        try:
            con = _attach(base)
        except duckdb.Error:
            con = None  # open elsewhere (a dashboard reads it): write a copy instead
        if con is not None:
            try:
                con.execute("BEGIN")
                try:
                    yield con, base
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("COMMIT")
                _detach(con, base, keep_wal)
            finally:
                _release(con)
            return
    store_dir = link.parent / "store"
    store_dir.mkdir(parents=True, exist_ok=True)
    for leftover in store_dir.glob("*.partial*"):  # a writer killed part-way (we hold the lock)
        leftover.unlink(missing_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = store_dir / f"{link.stem}-{stamp}-{os.getpid()}.duckdb"
    partial = target.with_suffix(".partial")
    wal, target_wal = Path(str(partial) + ".wal"), Path(str(target) + ".wal")
    try:
        if base is not None and not spare.take(base, partial):
            spare.copy(base, partial)
        con = _attach(partial) if base is not None else \
            duckdb.connect(str(partial), config={"memory_limit": MEMORY_LIMIT})
        try:
            con.execute("BEGIN")
            yield con, target
            con.execute("COMMIT")
            if base is None:
                con.execute("CHECKPOINT")  # a build: readers need not replay its last batch
            else:
                _detach(con, partial, keep_wal)
        finally:
            if base is not None:
                _release(con)
            else:
                con.close()
        if wal.exists():
            os.replace(wal, target_wal)
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, wal, target, target_wal):
            leftover.unlink(missing_ok=True)
        raise


_writer: list[duckdb.DuckDBPyConnection] = []  # the process's in-memory DuckDB for updates
_writer_guard = threading.Lock()
_aliases = itertools.count()


def _attach(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection to `path` that checkpoints only when _detach asks: an
    ingest's commit writes a few rows to the WAL, while a checkpoint rewrites every row
    group the ingest touched (a third of an ingest at 100,000 articles). spare.py copies
    the WAL with the file. Raises duckdb.Error when another connection (in this process
    or another) has the file open. The connection is a cursor of one in-memory DuckDB kept
    per process (making one took 40-80 ms of each ingest); `_release` detaches the file."""
    with _writer_guard:
        if not _writer:
            _writer.append(duckdb.connect(config={"memory_limit": MEMORY_LIMIT,
                                                  "checkpoint_on_detach": "disabled"}))
        con = _writer[0].cursor()
    try:
        quoted = str(path).replace("'", "''")
        alias = f"store{next(_aliases)}"  # each attached file its own name (threads)
        con.execute(f"ATTACH '{quoted}' AS {alias}")
        con.execute(f"USE {alias}")
    except BaseException:
        con.close()
        raise
    return con


def _release(con: duckdb.DuckDBPyConnection) -> None:
    """Close a connection `_attach` made, its file detached first (its transaction rolled
    back if still open): the process must not keep the file, or no other could write it.
    Should that fail, the process's instance is closed, which lets go of every file."""
    try:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")  # left open by an error; else there is none
        alias = con.execute("SELECT current_database()").fetchone()[0]
        if alias != "memory":
            con.execute("USE memory")
            con.execute(f"DETACH {alias}")
    except duckdb.Error:
        with _writer_guard:
            if _writer:
                _writer.pop().close()
    finally:
        con.close()


def _detach(con: duckdb.DuckDBPyConnection, path: Path, keep_wal: bool) -> None:
    """Detach the store `_attach` opened at `path` (closing the connection with it attached
    would checkpoint it), checkpointed first unless `keep_wal` (an ingest) and its WAL is
    under WAL_LIMIT bytes: every process opening the file replays the WAL (about 20 ms per
    MB at 100,000 articles; an ingest adds 0.05-0.3 MB)."""
    wal = Path(str(path) + ".wal")
    if not keep_wal or (wal.exists() and wal.stat().st_size > WAL_LIMIT):
        con.execute("CHECKPOINT")
    alias = con.execute("SELECT current_database()").fetchone()[0]
    con.execute("USE memory")
    con.execute(f"DETACH {alias}")


def _switched(link: Path, target: Path, report: BuildReport, log_problem: str) -> BuildReport:
    """Point the link at the file just written (unless it was written in place), drop old
    builds, back up the log."""
    if current_path(link) != target:
        try:
            _point(link, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    _prune(target.parent, link.stem, keep=target)
    spare.start(target)
    if not log_problem:
        decisions.backup(decisions_path(link), backups_path(link))
    report.path, report.log_problem = target, log_problem
    return report


def refresh(articles_dir: Path = ARTICLES_DIR, link: Path = DB_LINK,
            timeout: float = 120.0) -> BuildReport:
    """Bring the store up to date with the folder and the decision log: extract only new
    or changed articles, drop removed ones, apply new decisions, regroup only the claims
    they touch. Builds from scratch when there is no usable store. Raises StoreBusy when
    another writer holds the store for more than `timeout` s."""
    with writer_lock(link, timeout=timeout):
        path = current_path(link)
        state = _state(path) if path is not None else None
        if state is None:
            report = build(articles_dir, link)
            report.added = [r[0] for r in _query(report.path, "SELECT article FROM articles "
                                                               "ORDER BY article")]
            return report
        known, stats = state["file_shas"], state["file_stats"]
        changed, on_disk = [], set()
        for p in iter_article_paths([articles_dir]):
            on_disk.add(p.name)
            try:
                # a file of the size and mtime it had when read is taken as unchanged
                # (as make and rsync do); any other is hashed
                stat = p.stat()
                if p.name in known and stats.get(p.name) == (stat.st_size, stat.st_mtime_ns):
                    continue
                if known.get(p.name) != _file_sha(p):
                    changed.append(p)
            except OSError:
                changed.append(p)  # named as a problem when read
        removed = (set(known) - on_disk) | {p.name for p in changed if p.name in known}
        # every file not in the store is read again, so its problem is found anew
        return _update(link, path, state, changed, removed, keep_problems=False)


class _NoWrite(Exception):
    """Raised inside a write to roll it back: the store is not usable (no report), or
    nothing changed (the report)."""

    def __init__(self, report: BuildReport | None = None):
        super().__init__()
        self.report = report


Seen = Callable[[list[str]], dict[str, str]]


def add_articles(paths: list[Path], link: Path = DB_LINK, timeout: float = 120.0,
                 admit: Callable[[Seen | None], list[Path]] | None = None) -> BuildReport:
    """Add these article files to the store without reading the rest of the folder (the
    ingest's path); a file already in the store under its name is replaced. `admit`,
    when given, is called first under the lock with `seen(digests)` (the store's articles
    holding those texts, hash → name; None without a usable store) and returns more files
    to add: save checks for duplicates and writes its files there."""
    with writer_lock(link, timeout=timeout):
        path = current_path(link)
        entered = False
        try:
            if path is None:
                raise _NoWrite
            # the store is read through the connection that writes it: one open of the
            # file, not three (about 60 ms each at 100,000 articles); an ingest leaves its
            # write in the WAL (see _detach), the other updates checkpoint
            with _new_file(link, base=path, keep_wal=True) as opened:
                entered = True
                con = opened[0]
                if _problem(con, path):
                    raise _NoWrite
                found: dict[str, str | None] = {}

                def seen(digests: list[str]) -> dict[str, str]:
                    # save's duplicate check and the update ask about the same texts: once
                    new = sorted(set(digests) - set(found))
                    found.update(dict.fromkeys(new))
                    found.update(_seen(con, new) if new else {})
                    return {d: found[d] for d in digests if found[d] is not None}

                if admit is not None:
                    paths = [*paths, *admit(seen)]
                    admit = None  # its files are written: not again below
                state = _read_state(con, path, sorted({p.name for p in paths}))
                if state is None:
                    raise _NoWrite
                state["seen"] = seen
                report = _update(link, path, state, list(paths), set(state["file_shas"]),
                                 keep_problems=True, opened=opened)
        except _NoWrite as stop:
            if stop.report is not None:
                return stop.report
        except duckdb.Error:
            if entered:
                raise
            # the file does not open (damaged): rebuilt below, as refresh does
        else:
            return _switched(link, opened[1], report, report.log_problem)
        if admit is not None:
            paths = [*paths, *admit(None)]
        return refresh(paths[0].parent if paths else ARTICLES_DIR, link, timeout)


def _query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _state(path: Path, names: list[str] | None = None) -> dict | None:
    """What an update needs from the current store, read in one read-only connection
    (see _read_state), closed after `seen`, its last read. None when the store is not
    usable (check_store says why)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except (duckdb.Error, OSError):
        return None
    state = None if _problem(con, path) else _read_state(con, path, names)
    if state is None:
        con.close()
        return None

    def seen(digests: list[str]) -> dict[str, str]:
        try:
            return _seen(con, digests)
        finally:
            con.close()  # the last read: the writer opens the file next

    return {**state, "seen": seen}


def _read_state(con: duckdb.DuckDBPyConnection, path: Path, names: list[str] | None = None
                ) -> dict | None:
    """The file hashes (of `names`, or of every article), the decisions the store applied,
    its problems and which log it applied, and `seen(shas)`; None when it cannot be read."""
    try:
        where = " WHERE list_contains(?, article)" if names is not None else ""
        shas = dict(con.execute(f"SELECT article, file_sha256 FROM articles{where}",
                                [names] if names is not None else []).fetchall())
        stats = {}
        if names is None and con.execute("SELECT count(*) FROM information_schema.tables "
                                         "WHERE table_name = 'files'").fetchone()[0]:
            stats = {a: (size, mtime) for a, size, mtime
                     in con.execute("SELECT article, size, mtime_ns FROM files").fetchall()}
        log_id, n_decisions, problems = con.execute(
            "SELECT log_id, n_decisions, problems FROM build_info").fetchone()
        applied = update.records(con.execute("SELECT * FROM decisions ORDER BY id"))
    except duckdb.Error:
        return None
    return {"file_shas": shas, "file_stats": stats, "applied_log": (log_id, int(n_decisions or 0), path),
            "problems": list(problems or []), "decisions": applied,
            "seen": lambda digests: _seen(con, digests), "con": con}


def _seen(con: duckdb.DuckDBPyConnection, digests: list[str]) -> dict[str, str]:
    """The store's articles holding these texts: hash → name."""
    return dict(con.execute("SELECT sha256, article FROM articles WHERE "
                            "list_contains(?, sha256) ORDER BY article DESC", [digests]).fetchall())


def _update(link: Path, current: Path, state: dict, paths: list[Path], removed: set[str],
            keep_problems: bool, keep_wal: bool = False, opened: tuple | None = None
            ) -> BuildReport:
    """The current store with `removed` articles dropped and `paths` added, the decisions
    in force applied to the articles they reach, and the claims of every key those
    articles' figures had or have regrouped, in one transaction (in place, or on a copy
    when another process reads the file). When nothing changed nothing is written.
    `opened`: the (connection, target) of _new_file the caller entered; it commits and
    switches (raises _NoWrite when nothing changed)."""
    logged, (log_id, n_decisions), log_problem = _log_for_build(link, state["applied_log"],
                                                                state["con"])
    applied = state["decisions"]
    names = {p.name for p in paths}
    kept = state["problems"]
    problems = [p for p in kept if p.split(":", 1)[0] not in names] if keep_problems else []
    extracted = list(extract_files(paths, 1))
    shas = sorted({row["sha256"] for row, _, _ in extracted if row is not None})
    seen = {sha: name for sha, name in state["seen"](shas).items() if name not in removed}
    items = []
    for row, rows, problem in _unique(extracted, seen):
        if problem:
            problems.append(problem)
        else:
            items.append((row, rows))
    fresh = {d["id"]: r for d, r in zip(logged, update.decision_rows(logged, {}))}
    before = {r["id"]: {k: v for k, v in r.items() if k != "orphan_reason"} for r in applied}
    changed_ids = {i for i in set(fresh) | set(before) if fresh.get(i) != before.get(i)}
    if not items and not removed and not changed_ids and problems == kept:
        counts = _counted(opened[0]) if opened else _counts(current)
        report = BuildReport(current, *counts, problems=problems, log_problem=log_problem)
        if not log_problem:
            decisions.backup(decisions_path(link), backups_path(link))
        if opened:
            raise _NoWrite(report)
        return report
    with contextlib.nullcontext(opened) if opened else \
            _new_file(link, base=current, keep_wal=keep_wal) as (con, target):
        old_routes = update.route(con, [decisions._decoded(
            {k: r.get(k) for k in decisions.COLUMNS}) for r in applied])
        gone = sorted(removed)
        keys = update.keys_of(con, gone)
        # a store written before sizes and mtimes were kept gains the table
        con.execute(FILES_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
        for table in ("figures", "extracted", "articles", "files"):
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, article)", [gone])
        for row, rows in items:
            update.insert(con, "articles", [row])
            update.insert(con, "files", _file_row(row))
            update.insert(con, "extracted", rows)
        added = [row["article"] for row, _ in items]
        new_routes = update.route(con, logged)
        # the articles whose figures change: the new ones, and any a changed decision
        # reaches, or a decision now reaches or no longer reaches
        moved = {i for i in set(new_routes) | set(old_routes)
                 if i in changed_ids or new_routes.get(i) != old_routes.get(i)}
        touched = set(added) | {r.get(i) for r in (new_routes, old_routes) for i in moved}
        touched = {n for n in touched if n and (n in added or n not in removed)}
        keys |= update.keys_of(con, touched)
        reasons = update.refigure(con, logged, touched)
        keys |= update.keys_of(con, touched)
        old_reasons = {r["id"]: r["orphan_reason"] for r in applied}
        orphans = {d["id"]: reasons.get(d["id"]) if new_routes.get(d["id"]) in touched
                   or not new_routes.get(d["id"]) else old_reasons.get(d["id"]) for d in logged}
        update.regroup(con, keys)
        report = _finish(con, logged, orphans, problems, log_id, n_decisions)
        report.added = added
    if opened:
        report.log_problem = log_problem
        return report
    return _switched(link, target, report, log_problem)


def _counts(path: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return _counted(con)
    finally:
        con.close()


def _counted(con: duckdb.DuckDBPyConnection) -> tuple[int, int, int]:
    return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("articles", "figures", "claims"))


def _records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain Python values (dates as ISO text, NaN as None)."""
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    for row in rows:
        for key, value in row.items():
            if hasattr(value, "date") and callable(value.date):
                row[key] = value.date().isoformat()
            elif isinstance(value, float) and value.is_integer() and key in ("value", "low", "high"):
                row[key] = int(value)
            elif key in ("start", "end", "sentence_start", "sentence_end", "body_start",
                         "n_figures") and value is not None:
                row[key] = int(value)
    return rows


def _point(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(target, link.parent), tmp)
    os.replace(tmp, link)


def _prune(store_dir: Path, stem: str, keep: Path) -> None:
    # Old builds may still be open in a running dashboard; deleting them is safe on POSIX,
    # keeping a few lets a reader that resolved the link just before the switch finish.
    builds = sorted(store_dir.glob(f"{stem}-*.duckdb"), key=lambda p: p.stat().st_mtime)
    for old in builds[:-KEEP_BUILDS]:
        if old != keep:
            # renamed, not unlinked: unlinking a large file takes a while, so the standby
            # copy's background process deletes it (spare.drop_stale)
            old.rename(store_dir / f".{old.name}{spare.TRASH}")
            Path(str(old) + ".wal").unlink(missing_ok=True)
    # Called under the writer lock, after this build's own file was switched in: a partial
    # file here is what a killed build left behind.
    for left in store_dir.glob(f"{stem}-*.partial*"):
        left.unlink(missing_ok=True)


def current_path(link: Path = DB_LINK) -> Path | None:
    """The build the link points at, or None when there is none."""
    if link.is_symlink() or link.exists():
        real = link.resolve()
        return real if real.exists() else None
    return None


def check_store(path: Path) -> str | None:
    """None when the file opens read-only and holds the tables; else what is wrong."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except (duckdb.Error, OSError) as exc:
        return f"the database file {path.name} cannot be opened ({exc.__class__.__name__})"
    try:
        return _problem(con, path)
    finally:
        con.close()


def _problem(con: duckdb.DuckDBPyConnection, path: Path) -> str | None:
    try:
        # this file's tables only (a writer's connection also lists its in-memory catalog)
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_catalog = current_database()").fetchall()}
        missing = {"articles", "figures", "claims", "extracted", "decisions", "build_info"} - names
        if missing:
            return f"the database file {path.name} lacks tables {sorted(missing)}"
        columns = {r[0] for r in con.execute("DESCRIBE build_info").fetchall()}
        built_by = con.execute("SELECT extractor FROM build_info").fetchone() \
            if "extractor" in columns else None
        if not built_by or built_by[0] != extractor_version():
            return "the extraction rules changed since the store was built"
        return None
    except duckdb.Error as exc:
        return f"the database file {path.name} is damaged ({exc.__class__.__name__})"


def ensure_store(articles_dir: Path = ARTICLES_DIR, link: Path = DB_LINK) -> tuple[Path, str | None]:
    """A usable store path, building it when missing or damaged; plus a note for the user."""
    path = current_path(link)
    if path is None:
        report = build(articles_dir, link)
        return report.path, f"No database was found, so one was built: {report.summary()}"
    problem = check_store(path)
    if problem:
        # a writer updating the file in place locks readers out for a moment: wait for it
        # to finish before calling the store damaged
        with writer_lock(link):
            path = current_path(link)
            problem = check_store(path) if path is not None else "the database file is missing"
            if not problem:
                return path, None
            report = build(articles_dir, link)
        return report.path, f"{problem[0].upper() + problem[1:]}; it was rebuilt from the articles. {report.summary()}"
    return (current_path(link) or path) if derived.upgrade(link)[0] else path, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.build",
                                     description="Build the DuckDB store from the articles.")
    parser.add_argument("--articles", type=Path, default=ARTICLES_DIR,
                        help="a folder of articles (with --engine dask also a Parquet table)")
    parser.add_argument("--db", type=Path, default=DB_LINK, help="the store's link path")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="dask: extract on a Dask cluster (analysis.store.distributed)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a Dask scheduler (tcp://host:8786); default: a local cluster")
    parser.add_argument("--parquet", type=Path, metavar="DIR",
                        help="where the Dask job writes its Parquet (default: beside the store)")
    args = parser.parse_args(argv)
    if args.engine == "dask":
        from analysis.store.distributed import main as dask_main
        return dask_main(args)
    if not args.articles.is_dir():
        print(f"error: no articles folder at {args.articles}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        report = build(args.articles, args.db)
    except StoreBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (duckdb.Error, OSError) as exc:  # a full disk, a read-only folder
        detail = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
        print(f"error: the new store could not be written ({detail}); the previous store "
              "is still in use, and the decision log is untouched", file=sys.stderr)
        return 1
    print(report.summary())
    print(f"{args.db} -> {report.path.relative_to(args.db.parent)} "
          f"({time.perf_counter() - started:.2f} s)")
    return 0
