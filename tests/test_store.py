"""The DuckDB store: built from the corpus, idempotent, atomic, and safe with bad input."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from analysis import store
from analysis.extract import extract_article
from analysis.extract.articles import read_article


def _tables(path: Path) -> dict[str, list]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("articles", "figures", "claims")}
    finally:
        con.close()


def test_build_holds_every_article_figure_and_claim(corpus):
    link = corpus / "estimates.duckdb"
    report = store.build(corpus / "articles", link)
    expected = sum(len(extract_article(read_article(p)))
                   for p in sorted((corpus / "articles").glob("*.txt")))
    assert (report.n_articles, report.n_figures) == (5, expected)
    assert 0 < report.n_claims <= report.n_figures
    con = duckdb.connect(str(link), read_only=True)
    rows = con.execute("""SELECT f.quote, f."start", f."end", a.text FROM figures f
                          JOIN articles a USING (article)""").fetchall()
    assert len(rows) == expected
    assert all(text[s:e] == quote for quote, s, e, text in rows)
    n_cited = con.execute("SELECT sum(n_mentions) FROM claims").fetchone()[0]
    assert n_cited == expected
    orphans = con.execute("SELECT count(*) FROM figures WHERE claim_id NOT IN "
                          "(SELECT claim_id FROM claims)").fetchone()[0]
    assert orphans == 0
    con.close()


def test_rebuilding_is_idempotent(corpus):
    link = corpus / "estimates.duckdb"
    first = _tables(store.build(corpus / "articles", link).path)
    second = _tables(store.build(corpus / "articles", link).path)
    assert first == second
    assert link.resolve().exists()


def test_a_failed_build_leaves_the_previous_store_in_place(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    good = store.build(corpus / "articles", link).path
    before = _tables(good)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_point", broken)
    with pytest.raises(RuntimeError):
        store.build(corpus / "articles", link)
    assert link.resolve() == good
    assert _tables(link.resolve()) == before
    assert not list((corpus / "store").glob("*.partial*"))


def test_bad_articles_are_named_and_the_rest_still_go_through(corpus):
    articles = corpus / "articles"
    (articles / "empty.txt").write_text("")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (articles / "latin1.txt").write_bytes("Caf\xe9 North Korea sent 1,500 troops".encode("latin-1"))
    (articles / "copy.txt").write_bytes((articles / "003_16630df2654ec508.txt").read_bytes())
    report = store.build(articles, corpus / "estimates.duckdb")
    problems = "\n".join(report.problems)
    assert report.n_articles == 5
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"),
                         ("latin1.txt", "UTF-8"), ("copy.txt", "same text as")):
        assert name in problems and reason in problems


def test_a_missing_store_is_built_and_a_corrupt_one_rebuilt(corpus):
    link = corpus / "estimates.duckdb"
    path, note = store.ensure_store(corpus / "articles", link)
    assert path.exists() and "built" in note
    assert store.ensure_store(corpus / "articles", link) == (path, None)
    path.write_bytes(b"this is not a database" * 1000)
    new_path, note = store.ensure_store(corpus / "articles", link)
    assert new_path != path and "rebuilt" in note
    assert store.check_store(new_path) is None


def test_a_store_built_by_other_extraction_rules_is_rebuilt(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    old = store.build(corpus / "articles", link).path
    monkeypatch.setattr(store, "extractor_version", lambda: "rules-of-tomorrow")
    path, note = store.ensure_store(corpus / "articles", link)
    assert path != old and "extraction rules changed" in note
    assert store.check_store(path) is None


def test_the_extractor_version_covers_every_extraction_file():
    files = {p.relative_to(store.ROOT).as_posix() for p in store.extraction_files()}
    package = {p.relative_to(store.ROOT).as_posix() for p in (store.ROOT / "analysis" / "extract").rglob("*.py")}
    assert package <= files and "analysis/extract/tables.py" in files
    assert {"analysis/store/claims.py", "analysis/store/decisions.py"} <= files
