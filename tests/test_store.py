"""The DuckDB store: built from the corpus, idempotent, atomic, and safe with bad input."""
from __future__ import annotations

import shutil
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


def test_an_article_the_extractor_fails_on_is_named_and_the_rest_still_go_through(corpus, monkeypatch):
    from analysis.extract import pipeline
    recipe = pipeline.figures_of
    victim = sorted(p.name for p in (corpus / "articles").glob("*.txt"))[1]

    def failing_on_one(article):
        if article.name == victim:
            raise KeyError("a rule's lookup")
        return recipe(article)

    monkeypatch.setattr(pipeline, "figures_of", failing_on_one)
    report = store.build(corpus / "articles", corpus / "estimates.duckdb")
    assert report.n_articles == 4
    [problem] = report.problems
    assert victim in problem and "extractor failed" in problem and "KeyError" in problem


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


# --- the streaming build against the in-memory one it replaced ---------------------------

DEV = Path(__file__).resolve().parent / "corpus" / "dev" / "articles"


def _reference(articles: Path, log: Path) -> dict[str, list]:
    """The store's tables as the in-memory build made them: every row extracted into
    lists, decisions applied to all of them, claims grouped over all of them in pandas."""
    from analysis.store import decisions
    from analysis.store.claims import group_claims

    rows, mentions, _ = store.extract_folder(articles)
    logged = decisions.load(log)
    figures, _ = decisions.apply(mentions, logged, {r["article"]: r for r in rows})
    figures_df, claims_df = group_claims(figures, {r["article"]: r["publisher"] for r in rows})
    con = duckdb.connect()
    con.execute(store.SCHEMA)
    for name, df in (("figures", figures_df), ("claims", claims_df)):
        con.register("frame", df)
        cols = ", ".join(f'"{c}"' for c in df.columns)
        con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM frame")
        con.unregister("frame")
    return {"figures": con.execute("SELECT * FROM figures ORDER BY mention_id").fetchall(),
            "claims": con.execute("SELECT * FROM claims ORDER BY claim_id").fetchall()}


def test_the_streaming_build_on_two_processes_makes_the_in_memory_builds_tables(tmp_path):
    from analysis.store import decisions

    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    for path in sorted(DEV.glob("*.txt"))[:48]:
        shutil.copy(path, data / "articles" / path.name)
    link = data / "estimates.duckdb"
    store.build(data / "articles", link, workers=1)
    log = store.decisions_path(link)
    con = duckdb.connect(str(link), read_only=True)
    spans = con.execute('SELECT f.article, a.sha256, f."start", f."end", f.quote, a.text '
                        "FROM figures f JOIN articles a USING (article) ORDER BY mention_id "
                        "LIMIT 12").fetchall()
    con.close()
    for k, (article, sha, start, end, quote, text) in enumerate(spans):
        action = ("accept", "reject", "edit")[k % 3]
        after = {"value": 4242, "low": 4242, "high": 4242, "qualifier": "exact",
                 "measure": "killed", "claimant": "X", "claimant_group": "Ukraine",
                 "claim_date": "2024-11-01"} if action == "edit" else None
        decisions.record(log, article=article, article_sha=sha, start=start, end=end,
                         quote=quote, action=action, after=after)
    at = spans[0][5].find("troops", spans[0][3])  # a figure the extractor did not see
    decisions.record(log, article=spans[0][0], article_sha=spans[0][1], start=at, end=at + 6,
                     quote="troops", action="add", after={"value": 7, "low": 7, "high": 7,
                     "qualifier": "exact", "measure": "killed", "claimant": None,
                     "claimant_group": "Other", "claim_date": None})
    serial = _tables(store.build(data / "articles", link, workers=1).path)
    pooled_path = store.build(data / "articles", link, workers=2).path
    assert _tables(pooled_path) == serial
    con = duckdb.connect(str(pooled_path), read_only=True)
    got = {"figures": con.execute("SELECT * FROM figures ORDER BY mention_id").fetchall(),
           "claims": con.execute("SELECT * FROM claims ORDER BY claim_id").fetchall()}
    statuses = {r[0] for r in con.execute("SELECT DISTINCT review_status FROM figures").fetchall()}
    con.close()
    assert got == _reference(data / "articles", log)
    assert {"accepted", "rejected", "edited", "added", "unreviewed"} <= statuses


def test_the_build_command_follows_the_data_folder_the_dashboard_reads(tmp_path):
    """`python -m analysis.build` with $ESTIMATE_DESK_DATA set builds that folder's articles
    into that folder, as the dashboard and `analysis.decisions` read it."""
    import os
    import subprocess
    import sys
    data = tmp_path / "desk"
    shutil.copytree(store.ARTICLES_DIR, data / "articles")
    done = subprocess.run([sys.executable, "-m", "analysis.build"], cwd=store.ROOT,
                          env={**os.environ, store.DATA_ENV: str(data)},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert str(data / "estimates.duckdb") in done.stdout
    assert store.current_path(data / "estimates.duckdb") is not None
