"""Adding articles to the corpus and the store: `python -m analysis.ingest PATH...`.

Each file (`.txt`, `.md` or `.html`) is read with a fallback to cp1252 and latin-1, HTML is
turned into text by trafilatura, metadata comes from the options, the file's front matter
or its text, and the article is written under `data/articles/` with a front-matter block.
The store is then updated incrementally: only the new article is read and extracted, its
rows are added with the claims of the keys it touches regrouped, in one transaction on the
store file (on a copy switched to when a reader holds it: analysis.store.add_articles). An
article whose text is already in the corpus is refused, naming the one already there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

from analysis import store
from analysis.extract.articles import (META_FIELDS, ArticleError, check_size, decode,
                                       normalised_hash, parse_article, read_article)
from analysis.extract import extract_article

HTML_SUFFIXES = (".html", ".htm")
ACCEPTED_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass
class Prepared:
    """An article ready to be saved: its file name, full text, metadata, the digest of its
    body (the duplicate check's key) and the figures it holds."""
    name: str
    text: str
    meta: dict
    digest: str
    figures: list[dict] = field(default_factory=list)


def html_to_text(html: str) -> tuple[str, dict]:
    """Clean text and metadata from an HTML page."""
    import trafilatura  # imported on use: it is slow to load

    text = trafilatura.extract(html, output_format="txt", include_comments=False,
                               include_tables=False, favor_precision=True) or ""
    meta = {}
    found = trafilatura.extract_metadata(html)
    if found is not None:
        meta = {"title": found.title, "author": found.author, "url": found.url,
                "publisher": found.sitename, "published": found.date}
    return text, {k: v for k, v in meta.items() if v}


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].rstrip("-") or "article"


def _front_matter(meta: dict) -> str:
    lines = ["---"]
    for key in META_FIELDS:
        value = meta.get(key)
        if value in (None, ""):
            lines.append(f"{key}:")
        elif isinstance(value, dt.date):
            lines.append(f"{key}: {value.isoformat()}")
        else:
            lines.append(yaml.safe_dump({key: str(value)}, allow_unicode=True, width=10_000,
                                        default_flow_style=False).strip())
    lines.append("---")
    return "\n".join(lines) + "\n"


def _check_date(value: str | dt.date | None) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ArticleError(f"published date {value!r} is not YYYY-MM-DD") from exc


def prepare(data: bytes, filename: str, overrides: dict | None = None,
            existing: dict[str, str] | None = None) -> Prepared:
    """Turn uploaded bytes into an article file's text; raises ArticleError with a reason.

    `existing` maps normalised-text hashes to article names, for the duplicate check.
    """
    suffix = Path(filename).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise ArticleError(f"{filename}: only {', '.join(ACCEPTED_SUFFIXES)} files can be added")
    text = decode(data, filename, FALLBACK_ENCODINGS)
    html_meta: dict = {}
    if suffix in HTML_SUFFIXES:
        text, html_meta = html_to_text(text)
        if not text.strip():
            raise ArticleError(f"{filename}: no article text could be found in the page")
    parsed = parse_article(filename, text.replace("\r\n", "\n"))
    body = parsed.body.lstrip("\n")
    if not body.strip():
        raise ArticleError(f"{filename}: the article has no text below its front matter")
    meta = {k: v for k, v in parsed.meta.items() if v not in (None, "")}
    for source in (html_meta, overrides or {}):
        meta.update({k: v for k, v in source.items() if k in META_FIELDS and v not in (None, "")})
    meta["published"] = _check_date(meta.get("published"))
    meta.setdefault("language", "en")
    digest = normalised_hash(body)
    if existing and digest in existing:
        raise ArticleError(f"{filename}: the same article is already in the corpus as "
                           f"{existing[digest]}")
    name = f"{_slug(meta.get('title') or Path(filename).stem)}.txt"
    full = _front_matter(meta) + body
    article = parse_article(name, full)
    return Prepared(name, full, meta, digest, extract_article(article))


def existing_hashes(articles_dir: Path, link: Path | None = None,
                    digests: list[str] | None = None) -> dict[str, str]:
    """Normalised-text hash → article name: from the store at `link` when it is usable
    (one query; only `digests` when given), else from every readable file of the folder.
    A file written by an ingest killed before its store update is not in the store yet;
    the next update names it as a duplicate if it is one."""
    path = store.current_path(link) if link is not None else None
    if path is not None:
        try:
            con = duckdb.connect(str(path), read_only=True)
            try:
                rows = con.execute("SELECT sha256, article FROM articles"
                                   + (" WHERE list_contains(?, sha256)" if digests is not None
                                      else "") + " ORDER BY article",
                                   [digests] if digests is not None else []).fetchall()
            finally:
                con.close()
        except duckdb.Error:
            rows = None  # no usable store: the folder is the corpus
        if rows is not None:
            hashes: dict[str, str] = {}
            for digest, name in rows:
                hashes.setdefault(digest, name)
            return hashes
    return _folder_hashes(articles_dir)


def _folder_hashes(articles_dir: Path) -> dict[str, str]:
    hashes = {}
    for path in sorted(articles_dir.glob("*")):
        if path.suffix.lower() in (".txt", ".md"):
            try:
                hashes.setdefault(normalised_hash(read_article(path).body), path.name)
            except ArticleError:
                continue
    return hashes


def _unique_name(articles_dir: Path, name: str) -> str:
    stem, n = Path(name).stem, 1
    while (articles_dir / name).exists():
        n += 1
        name = f"{stem}-{n}.txt"
    return name


def save(prepared: list[Prepared], articles_dir: Path = store.ARTICLES_DIR,
         link: Path = store.DB_LINK, timeout: float = 120.0) -> store.BuildReport:
    """Write the articles and update the store, as one step under the writer lock.

    Each file is written to a temporary name and renamed into place; then only these
    files are added to the store (store.add_articles), in one transaction. A process
    killed part-way leaves the previous store in use, and the next update picks up any
    article already written. Raises store.StoreBusy, before
    writing anything, when another writer holds the store for more than `timeout` s.
    """
    articles_dir.mkdir(parents=True, exist_ok=True)

    def admit(seen) -> list[Path]:
        """Refuse a text already in the store, then write the files (under the writer lock,
        with the store open: its duplicate check needs no connection of its own)."""
        digests = [item.digest for item in prepared]
        current = seen(digests) if seen is not None else _folder_hashes(articles_dir)
        for item in prepared:
            if item.digest in current:
                raise ArticleError(f"{item.name}: the same article is already in the corpus "
                                   f"as {current[item.digest]}")
            item.name = _unique_name(articles_dir, item.name)
            tmp = articles_dir / f".{item.name}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(item.text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, articles_dir / item.name)
            current[item.digest] = item.name
        return [articles_dir / item.name for item in prepared]

    return store.add_articles([], link, timeout=timeout, admit=admit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.ingest",
                                     description="Add article files to the corpus and the store.")
    parser.add_argument("paths", nargs="+", type=Path)
    for key in ("title", "publisher", "author", "url", "published", "language"):
        parser.add_argument(f"--{key}", help=f"set the articles' {key}"
                            + (" (YYYY-MM-DD)" if key == "published" else ""))
    parser.add_argument("--articles", type=Path, default=store.ARTICLES_DIR)
    parser.add_argument("--db", type=Path, default=store.DB_LINK)
    args = parser.parse_args(argv)
    overrides = {k: getattr(args, k) for k in META_FIELDS if getattr(args, k)}
    existing = existing_hashes(args.articles, args.db) if args.articles.is_dir() else {}
    ready, failed = [], 0
    for path in args.paths:
        try:
            check_size(path.name, path.stat().st_size)
            item = prepare(path.read_bytes(), path.name, overrides, existing)
        except ArticleError as exc:
            print(f"refused {exc}", file=sys.stderr)
            failed += 1
            continue
        except OSError as exc:
            print(f"refused {path.name}: cannot be read ({exc.strerror or exc})", file=sys.stderr)
            failed += 1
            continue
        existing[item.digest] = item.name
        ready.append(item)
    if ready:
        try:
            report = save(ready, args.articles, args.db)
        except (ArticleError, store.StoreBusy) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        for item in ready:
            meta = item.meta
            print(f"added {item.name}: {meta.get('title') or 'untitled'} "
                  f"({meta.get('publisher') or 'publisher unknown'}, "
                  f"{meta.get('published') or 'date unknown'}), {len(item.figures)} figures")
        print(report.summary())
    return 1 if failed else 0

