"""The DuckDB store: built from the corpus into a new file, then switched to atomically.

`data/estimates.duckdb` is a symlink to the current build under `data/store/`. A build
writes a fresh file and replaces the link with `os.replace`, so a reader never sees half a
build and a failed build leaves the previous store in place. Readers key connections on
the resolved path: DuckDB keeps one instance per path per process, so reusing a path for
new content would hand back the old database.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from analysis.articles import ArticleError, iter_article_paths, normalised_hash, read_article
from analysis.claims import group_claims
from analysis.extract import extract_article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLES_DIR = DATA / "articles"
DB_LINK = DATA / "estimates.duckdb"
KEEP_BUILDS = 3

SCHEMA = """
CREATE TABLE articles (
    article VARCHAR PRIMARY KEY, title VARCHAR, publisher VARCHAR, author VARCHAR,
    url VARCHAR, published DATE, language VARCHAR, text VARCHAR, body_start INTEGER,
    sha256 VARCHAR, n_figures INTEGER
);
CREATE TABLE figures (
    mention_id VARCHAR PRIMARY KEY, article VARCHAR, value DOUBLE, low DOUBLE, high DOUBLE,
    qualifier VARCHAR, measure VARCHAR, claimant VARCHAR, claimant_group VARCHAR,
    claim_date DATE, published DATE, quote VARCHAR, sentence VARCHAR, "start" INTEGER,
    "end" INTEGER, sentence_start INTEGER, sentence_end INTEGER, claim_id VARCHAR
);
CREATE TABLE claims (
    claim_id VARCHAR PRIMARY KEY, measure VARCHAR, claimant_group VARCHAR,
    claimant VARCHAR, claimants VARCHAR[], value DOUBLE, low DOUBLE, high DOUBLE,
    qualifier VARCHAR, claim_date DATE, date DATE, date_basis VARCHAR,
    n_articles INTEGER, n_mentions INTEGER, mention_ids VARCHAR[], articles VARCHAR[],
    publishers VARCHAR[], quote VARCHAR, sentence VARCHAR
);
CREATE TABLE build_info (built_at TIMESTAMP, n_articles INTEGER, n_figures INTEGER,
                         n_claims INTEGER, problems VARCHAR[]);
"""


@dataclass
class BuildReport:
    path: Path
    n_articles: int = 0
    n_figures: int = 0
    n_claims: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"built {self.path.name}: {self.n_articles} articles, {self.n_figures} "
                f"figure mentions, {self.n_claims} claims")
        return text + "".join(f"\n  skipped {p}" for p in self.problems)


def load_corpus(articles_dir: Path) -> tuple[list, list[str]]:
    """Read every article of a folder; returns the articles and one message per refusal."""
    articles, problems, seen = [], [], {}
    for path in iter_article_paths([articles_dir]):
        try:
            article = read_article(path)
        except ArticleError as exc:
            problems.append(str(exc))
            continue
        digest = normalised_hash(article.body)
        if digest in seen:
            problems.append(f"{article.name}: same text as {seen[digest]}, left out")
            continue
        seen[digest] = article.name
        articles.append((article, digest))
    return articles, problems


def tables_for(articles_dir: Path) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Extract the corpus into the three tables, as DataFrames."""
    corpus, problems = load_corpus(articles_dir)
    article_rows, figure_rows = [], []
    for article, digest in corpus:
        figures = extract_article(article)
        figure_rows.extend(figures)
        meta = article.meta
        article_rows.append({
            "article": article.name, "title": meta.get("title"),
            "publisher": meta.get("publisher"), "author": meta.get("author"),
            "url": meta.get("url"), "published": meta.get("published"),
            "language": meta.get("language"), "text": article.text,
            "body_start": article.body_start, "sha256": digest, "n_figures": len(figures),
        })
    publishers = {r["article"]: r["publisher"] for r in article_rows}
    figures_df, claims_df = group_claims(figure_rows, publishers)
    articles_df = pd.DataFrame(article_rows, columns=[
        "article", "title", "publisher", "author", "url", "published", "language", "text",
        "body_start", "sha256", "n_figures"])
    return {"articles": articles_df, "figures": figures_df, "claims": claims_df}, problems


def build(articles_dir: Path = ARTICLES_DIR, link: Path = DB_LINK) -> BuildReport:
    """Build a new store file from `articles_dir` and point `link` at it."""
    tables, problems = tables_for(articles_dir)
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
            con.execute("INSERT INTO build_info VALUES (?, ?, ?, ?, ?)", [
                dt.datetime.now(), len(tables["articles"]), len(tables["figures"]),
                len(tables["claims"]), problems])
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(partial, target)
        _point(link, target)
    except BaseException:
        for leftover in (partial, partial.with_suffix(".partial.wal")):
            leftover.unlink(missing_ok=True)
        raise
    _prune(store_dir, link.stem, keep=target)
    return BuildReport(target, len(tables["articles"]), len(tables["figures"]),
                       len(tables["claims"]), problems)


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
        missing = {"articles", "figures", "claims"} - names
        return f"the database file {path.name} lacks tables {sorted(missing)}" if missing else None
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
        return report.path, f"{problem.capitalize()}; it was rebuilt from the articles. {report.summary()}"
    return path, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.build",
                                     description="Build the DuckDB store from the articles.")
    parser.add_argument("--articles", type=Path, default=ARTICLES_DIR)
    parser.add_argument("--db", type=Path, default=DB_LINK, help="the store's link path")
    args = parser.parse_args(argv)
    if not args.articles.is_dir():
        print(f"error: no articles folder at {args.articles}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    report = build(args.articles, args.db)
    print(report.summary())
    print(f"{args.db} -> {report.path.relative_to(args.db.parent)} "
          f"({time.perf_counter() - started:.2f} s)")
    return 0
