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
import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from analysis.store import decisions
from analysis.extract.articles import ArticleError, iter_article_paths, normalised_hash, read_article
from analysis.store.claims import FIGURE_COLUMNS, group_claims
from analysis.extract import extract_article

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "data"
ARTICLES_DIR = DATA / "articles"
DB_LINK = DATA / "estimates.duckdb"
KEEP_BUILDS = 3

SCHEMA = """
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
    """Every file that turns articles into the store's rows: the whole extraction package
    (no list to keep: a new module counts at once), the claim grouping, and how decisions
    apply."""
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


def log_status(link: Path = DB_LINK) -> decisions.LogState:
    """The decision log checked against what the store (or the newest backup) applied."""
    expected_id, expected_n, _ = _applied(link)
    return decisions.status(decisions_path(link), expected_id, expected_n)


def _kept_decisions(link: Path) -> list[dict]:
    """The decisions the current store applied (else the newest backup's): what a build
    applies while the log is missing or not the right one, so no chart loses them."""
    _, _, path = _applied(link)
    if path is not None:
        con = duckdb.connect(str(path), read_only=True)
        try:
            rows = _records(con.execute("SELECT * FROM decisions ORDER BY id").df())
        finally:
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


def extract_folder(articles_dir: Path, known: dict[str, tuple[dict, list[dict]]] | None = None
                   ) -> tuple[list[dict], list[dict], list[str]]:
    """Articles and raw mentions of a folder; unchanged files are taken from `known`."""
    known = known or {}
    article_rows, mentions, problems, seen = [], [], [], {}
    for path in iter_article_paths([articles_dir]):
        try:
            file_sha = _file_sha(path)
            cached = known.get(path.name)
            if cached and cached[0]["file_sha256"] == file_sha:
                row, rows = cached
            else:
                article = read_article(path)
                rows = extract_article(article)
                row = _article_row(article, normalised_hash(article.body), file_sha, len(rows))
        except (ArticleError, OSError) as exc:
            problems.append(str(exc) if isinstance(exc, ArticleError) else f"{path.name}: {exc}")
            continue
        if row["sha256"] in seen:
            problems.append(f"{path.name}: same text as {seen[row['sha256']]}, left out")
            continue
        seen[row["sha256"]] = path.name
        article_rows.append(row)
        mentions.extend(rows)
    return article_rows, mentions, problems


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


def _log_for_build(link: Path) -> tuple[list[dict], tuple[str | None, int], str]:
    """The decisions to apply, the (log id, count) to record, and a problem to report.
    A log that is not the one applied last is not applied, and the last state is kept."""
    state = log_status(link)
    db = decisions_path(link)
    if not state.ok:
        return _kept_decisions(link), state.expected, state.message
    if state.kind == "new":
        decisions.connect(db).close()  # the desk's first log, with its id
    logged = decisions.load(db)
    return logged, (decisions.log_id(db), len(logged)), ""


def _tables(article_rows: list[dict], mentions: list[dict], link: Path,
            logged: list[dict]) -> tuple[dict, int]:
    articles = {r["article"]: r for r in article_rows}
    figures, orphans = decisions.apply(mentions, logged, articles)
    publishers = {r["article"]: r["publisher"] for r in article_rows}
    figures_df, claims_df = group_claims(figures, publishers)
    orphan_ids = {o["id"]: o["reason"] for o in orphans}
    decision_rows = [{**{k: d.get(k) for k in decisions.COLUMNS},
                      "before": json.dumps(d["before"], default=str) if d["before"] else None,
                      "after": json.dumps(d["after"], default=str),
                      "orphan_reason": orphan_ids.get(d["id"])} for d in logged]
    tables = {
        "articles": pd.DataFrame(article_rows, columns=ARTICLE_COLUMNS),
        "extracted": pd.DataFrame(mentions, columns=EXTRACTED_COLUMNS),
        "figures": figures_df, "claims": claims_df,
        "decisions": pd.DataFrame(decision_rows, columns=[*decisions.COLUMNS, "orphan_reason"]),
    }
    return tables, len(orphans)


def build(articles_dir: Path = ARTICLES_DIR, link: Path = DB_LINK) -> BuildReport:
    """Extract every article anew, apply the review decisions, switch to the new file."""
    with writer_lock(link):
        article_rows, mentions, problems = extract_folder(articles_dir)
        return _write(article_rows, mentions, problems, link)


def refresh(articles_dir: Path = ARTICLES_DIR, link: Path = DB_LINK,
            timeout: float = 120.0) -> BuildReport:
    """Bring the store up to date: extract only new or changed articles, drop removed
    ones, re-apply the decisions. Builds from scratch when there is no usable store.
    Raises StoreBusy when another writer holds the store for more than `timeout` s."""
    with writer_lock(link, timeout=timeout):
        known = _known(link)
        article_rows, mentions, problems = extract_folder(articles_dir, known)
        report = _write(article_rows, mentions, problems, link)
        report.added = sorted({r["article"] for r in article_rows} - set(known))
        return report


def _known(link: Path) -> dict[str, tuple[dict, list[dict]]]:
    path = current_path(link)
    if path is None or check_store(path):
        return {}
    con = duckdb.connect(str(path), read_only=True)
    try:
        articles = con.execute("SELECT * FROM articles").df()
        extracted = con.execute("SELECT * FROM extracted").df()
    finally:
        con.close()
    by_article: dict[str, list[dict]] = {}
    for row in _records(extracted):
        by_article.setdefault(row["article"], []).append(row)
    return {a["article"]: (a, by_article.get(a["article"], [])) for a in _records(articles)}


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


def _write(article_rows: list[dict], mentions: list[dict], problems: list[str],
           link: Path) -> BuildReport:
    logged, (log_id, n_decisions), log_problem = _log_for_build(link)
    tables, n_orphans = _tables(article_rows, mentions, link, logged)
    store_dir = link.parent / "store"
    store_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = store_dir / f"{link.stem}-{stamp}-{os.getpid()}.duckdb"
    partial = target.with_suffix(".partial")
    try:
        con = duckdb.connect(str(partial))
        try:
            con.execute("BEGIN")
            con.execute(SCHEMA)
            for name, df in tables.items():
                con.register("frame", df)
                cols = ", ".join(f'"{c}"' for c in df.columns)
                con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM frame")
                con.unregister("frame")
            con.execute("INSERT INTO build_info VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                dt.datetime.now(), len(tables["articles"]), len(tables["figures"]),
                len(tables["claims"]), problems, extractor_version(), log_id, n_decisions])
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(partial, target)
        _point(link, target)
    except BaseException:
        for leftover in (partial, Path(str(partial) + ".wal"), target):
            leftover.unlink(missing_ok=True)
        raise
    _prune(store_dir, link.stem, keep=target)
    if not log_problem:
        decisions.backup(decisions_path(link), backups_path(link))
    return BuildReport(target, len(tables["articles"]), len(tables["figures"]),
                       len(tables["claims"]), problems, orphans=n_orphans,
                       log_problem=log_problem)


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
            old.unlink(missing_ok=True)
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
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables")
                 .fetchall()}
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
    finally:
        con.close()


def ensure_store(articles_dir: Path = ARTICLES_DIR, link: Path = DB_LINK) -> tuple[Path, str | None]:
    """A usable store path, building it when missing or damaged; plus a note for the user."""
    path = current_path(link)
    if path is None:
        report = build(articles_dir, link)
        return report.path, f"No database was found, so one was built: {report.summary()}"
    problem = check_store(path)
    if problem:
        report = build(articles_dir, link)
        return report.path, f"{problem[0].upper() + problem[1:]}; it was rebuilt from the articles. {report.summary()}"
    return path, None


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
