"""The Dask build (a 2-worker local cluster) gives the store the in-process build gives,
from article files and from a Parquet table of articles; the Parquet export reads back."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from analysis.store import build, decisions, decisions_path
from analysis.store.distributed import DistributedError, build_from_parquet, client_for, run_job
from analysis.store.parquet import export_store, read_sql

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev" / "articles"
COMPARED = {"claims": "claim_id", "figures": "mention_id", "articles": "article",
            "extracted": "mention_id"}


def _rows(path: Path, table: str, cols: str = "*", exclude: str = "", where: str = "") -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        order = f" ORDER BY {COMPARED[table]}" if cols == "*" else ""
        return con.execute(f"SELECT {cols} {exclude} FROM {table} {where}{order}").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Forty dev articles plus one repeated under another name (left out by both builds)."""
    folder = tmp_path_factory.mktemp("articles")
    files = sorted(DEV.glob("*.txt"))[:40]
    for f in files:
        shutil.copy(f, folder / f.name)
    shutil.copy(files[3], folder / "zz_copy.txt")
    return folder


@pytest.fixture(scope="module")
def client():
    with client_for(workers=2, processes=False) as c:
        yield c


def _same_store(a: Path, b: Path) -> None:
    for table in COMPARED:
        exclude = "EXCLUDE (file_sha256)" if table == "articles" else ""
        assert _rows(a, table, exclude=exclude) == _rows(b, table, exclude=exclude), table
    for path in (a, b):
        assert _rows(path, "claims", "count(*)")[0][0] > 20


def test_dask_build_finds_the_same_claims(tmp_path, corpus, client):
    local = build(corpus, tmp_path / "local" / "estimates.duckdb")
    link = tmp_path / "dask" / "estimates.duckdb"
    job = run_job(corpus, tmp_path / "parquet", client)
    assert job.n_workers == 2 and job.n_tasks > 1
    report = build_from_parquet(tmp_path / "parquet", link)
    assert (report.n_articles, report.n_figures, report.n_claims) == \
        (local.n_articles, local.n_figures, local.n_claims)
    assert any("zz_copy.txt: same text as" in p for p in report.problems)
    _same_store(local.path, report.path)
    months = {p.name for p in (tmp_path / "parquet" / "mentions").iterdir()}
    assert months and all(m.startswith("published_month=") for m in months)


def test_decisions_apply_alike(tmp_path, corpus, client):
    local_link = tmp_path / "local" / "estimates.duckdb"
    first = build(corpus, local_link)
    con = duckdb.connect(str(first.path), read_only=True)
    article, sha, start, end, quote = con.execute(
        'SELECT f.article, a.sha256, f.start, f."end", f.quote FROM figures f JOIN articles a '
        "USING (article) ORDER BY mention_id LIMIT 1").fetchone()
    con.close()
    dask_link = tmp_path / "dask" / "estimates.duckdb"
    for link in (local_link, dask_link):
        decisions.record(decisions_path(link), article=article, article_sha=sha, start=start,
                         end=end, quote=quote, action="reject", note="not a figure",
                         created_at="2026-12-01T10:00:00+00:00")
    local = build(corpus, local_link)
    run_job(corpus, tmp_path / "parquet", client)
    dask_built = build_from_parquet(tmp_path / "parquet", dask_link)
    _same_store(local.path, dask_built.path)
    assert _rows(dask_built.path, "figures", "count(*)", where="WHERE review_status = 'rejected'")[0][0] == 1


def test_parquet_table_of_articles(tmp_path, corpus, client):
    local = build(corpus, tmp_path / "local" / "estimates.duckdb")
    table = tmp_path / "articles.parquet"
    con = duckdb.connect(str(local.path), read_only=True)
    con.execute(f"COPY (SELECT article, text, title, publisher, published FROM articles "
                f"ORDER BY article) TO '{table}' (FORMAT parquet)")
    con.close()
    run_job(table, tmp_path / "parquet", client)
    report = build_from_parquet(tmp_path / "parquet", tmp_path / "dask" / "estimates.duckdb")
    _same_store(local.path, report.path)


def test_unusable_inputs_are_named(tmp_path, client):
    bad = tmp_path / "bad.parquet"
    duckdb.execute(f"COPY (SELECT 1 AS body) TO '{bad}' (FORMAT parquet)")
    with pytest.raises(DistributedError, match="needs the columns article and text"):
        run_job(bad, tmp_path / "out", client)
    with pytest.raises(DistributedError, match="no finished Dask build"):
        build_from_parquet(tmp_path / "nothing", tmp_path / "s" / "estimates.duckdb")


def test_export_reads_back_partitioned(tmp_path, corpus):
    local = build(corpus, tmp_path / "estimates.duckdb")
    out = tmp_path / "export"
    counts = export_store(local.path, out)
    assert counts["figures"] > 0
    con = duckdb.connect(str(local.path), read_only=True)
    for table in ("articles", "figures", "claims", "decisions", "build_info"):
        back = duckdb.execute(f"SELECT count(*) FROM {read_sql(out, table)}").fetchone()[0]
        assert back == con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == counts[table]
    stored = con.execute("SELECT * FROM claims ORDER BY claim_id").fetchall()
    con.close()
    read = duckdb.execute(f"SELECT * EXCLUDE (date_month) FROM {read_sql(out, 'claims')} "
                      "ORDER BY claim_id").fetchall()
    assert read == stored
    # a second reader (pyarrow's hive discovery, as Spark and Trino do it) sees the months
    figures = ds.dataset(out / "figures", format="parquet", partitioning="hive").to_table()
    assert figures.num_rows == counts["figures"]
    assert {p.name.split("=")[0] for p in (out / "figures").iterdir()} == {"published_month"}
