"""Adding articles from the command line: formats, refusals, and the store kept whole."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from analysis import store
from analysis.store import decisions, ingest
from tests.conftest import ROOT

WIRE = ("SEOUL, Nov 13 (Example Wire) - South Korea\u2019s National Intelligence Service said on "
        "Wednesday that about 11,000 North Korean troops were now in Russia's Kursk region.\n")
PAGE = ("<html><head><title>Budanov: 12,000 North Korean troops</title></head><body>"
        "<nav>Home | World | Comment (0)</nav><article><h1>Budanov: 12,000 North Korean troops</h1>"
        "<p>Ukraine's military intelligence chief Kyrylo Budanov said on Monday that 12,000 North "
        "Korean soldiers were in the Kursk region, and that about 3,000 more could follow.</p>"
        "<p>He gave the figure in an interview with a national broadcaster.</p></article>"
        "<footer>Share 12 | Like 40</footer></body></html>")


def run_ingest(data: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis.ingest", *map(str, args), "--articles",
         str(data / "articles"), "--db", str(data / "estimates.duckdb")],
        capture_output=True, text=True, cwd=ROOT, timeout=180)


def consistent(link: Path) -> dict:
    """Open the store as a reader would and check it holds together."""
    path = store.current_path(link)
    assert path is not None and store.check_store(path) is None
    con = duckdb.connect(str(path), read_only=True)
    try:
        articles = {r[0] for r in con.execute("SELECT article FROM articles").fetchall()}
        figure_articles = {r[0] for r in con.execute("SELECT DISTINCT article FROM figures").fetchall()}
        assert figure_articles <= articles
        lost = con.execute("SELECT count(*) FROM figures WHERE claim_id IS NOT NULL AND claim_id "
                           "NOT IN (SELECT claim_id FROM claims)").fetchone()[0]
        assert lost == 0
        # DuckDB's substr counts characters from 1, as Python's str counts from 0
        misplaced = con.execute('SELECT count(*) FROM figures f JOIN articles a USING (article) '
                                'WHERE substr(a.text, f."start" + 1, f."end" - f."start") != f.quote'
                                ).fetchone()[0]
        assert misplaced == 0
        return {"articles": articles}
    finally:
        con.close()


def test_adds_text_html_and_cp1252_files_with_metadata(corpus, tmp_path):
    (tmp_path / "wire.txt").write_bytes(WIRE.encode("cp1252"))
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    store.build(corpus / "articles", corpus / "estimates.duckdb")
    result = run_ingest(corpus, tmp_path / "wire.txt", tmp_path / "page.html",
                        "--publisher", "Example Wire", "--published", "2024-11-13")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("added ") == 2
    names = consistent(corpus / "estimates.duckdb")["articles"]
    assert len(names) == 7
    page = next(n for n in names if n.startswith("budanov"))
    text = (corpus / "articles" / page).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 'Budanov: 12,000 North Korean troops'\npublisher: Example Wire")
    assert "published: 2024-11-13" in text
    assert "<p>" not in text and "Share 12" not in text
    wire = next(n for n in names if n.startswith("seoul"))
    assert "South Korea\u2019s" in (corpus / "articles" / wire).read_text(encoding="utf-8")


def test_refusals_name_the_file_and_the_rest_still_go_through(corpus, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "huge.txt").write_bytes(b"North Korea sent 1,500 troops. " * 400_000)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "wire.txt").write_text(WIRE)
    copy = tmp_path / "copy.txt"
    copy.write_text("  \n" + (corpus / "articles" / "003_16630df2654ec508.txt").read_text()
                    .split("---\n", 2)[2].replace("\n", "\n\n"))
    result = run_ingest(corpus, *sorted(tmp_path.iterdir()))
    assert result.returncode != 0
    for name in ("empty.txt", "binary.txt", "huge.txt", "notes.pdf"):
        assert name in result.stderr
    assert "copy.txt: the same article is already in the corpus as 003_16630df2654ec508.txt" in result.stderr
    assert "added " in result.stdout and "wire" in result.stdout
    assert len(consistent(corpus / "estimates.duckdb")["articles"]) == 6


def test_ingest_extracts_only_the_new_article(corpus, tmp_path, monkeypatch):
    store.build(corpus / "articles", corpus / "estimates.duckdb")
    seen = []
    real = store.extract_article
    monkeypatch.setattr(store, "extract_article", lambda a: seen.append(a.name) or real(a))
    item = ingest.prepare(WIRE.encode(), "wire.txt")
    ingest.save([item], corpus / "articles", corpus / "estimates.duckdb")
    assert seen == [item.name]


@pytest.mark.slow
def test_a_killed_ingest_leaves_a_consistent_store(corpus, tmp_path):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    big = tmp_path / "long-report.txt"
    big.write_text("North Korea has sent 11,000 troops to Russia, the NIS said on Monday.\n" * 4_000)
    started = time.monotonic()
    assert run_ingest(corpus, big).returncode == 0
    duration = time.monotonic() - started
    for n, fraction in enumerate((0.15, 0.35, 0.55, 0.75, 0.9)):
        data = tmp_path / f"data{n}"
        data.mkdir()
        shutil.copytree(corpus / "articles", data / "articles")
        for extra in (data / "articles").glob("long-report*"):
            extra.unlink()
        store.build(data / "articles", data / "estimates.duckdb")
        before = consistent(data / "estimates.duckdb")["articles"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "analysis.ingest", str(big), "--articles",
             str(data / "articles"), "--db", str(data / "estimates.duckdb")],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = consistent(data / "estimates.duckdb")["articles"]
        assert after in (before, before | {"long-report.txt"})
        assert not list((data / "articles").glob("*.tmp"))
        # whatever was written, the next update brings the store in line with the folder
        report = store.refresh(data / "articles", data / "estimates.duckdb")
        on_disk = {p.name for p in (data / "articles").glob("*.txt")}
        assert consistent(data / "estimates.duckdb")["articles"] == on_disk
        assert report.n_articles == len(on_disk)


def test_concurrent_writers_lose_no_decision(corpus):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    mentions = con.execute('SELECT m.article, a.sha256, m."start", m."end", m.quote FROM figures m '
                           "JOIN articles a USING (article)").fetchall()
    con.close()
    errors: list[BaseException] = []

    def reviewer(k: int) -> None:
        try:
            for j, (article, sha, start, end, quote) in enumerate(mentions):
                decisions.record(store.decisions_path(link), article=article, article_sha=sha,
                              start=start, end=end, quote=quote, action="accept",
                              note=f"tab {k} pass {j}")
                store.refresh(corpus / "articles", link)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    wire = corpus.parent / "wire.txt"
    wire.write_text(WIRE)
    threads = [threading.Thread(target=reviewer, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    cli = run_ingest(corpus, wire)
    for t in threads:
        t.join()
    assert cli.returncode == 0, cli.stderr
    assert not errors
    logged = decisions.load(store.decisions_path(link))
    assert len(logged) == 2 * len(mentions)
    store.refresh(corpus / "articles", link)
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    assert con.execute("SELECT count(*) FROM decisions").fetchone()[0] == 2 * len(mentions)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    unreviewed = con.execute("SELECT count(*) FROM figures f JOIN articles a USING (article) "
                             "WHERE review_status = 'unreviewed' AND a.article NOT LIKE 'seoul%'"
                             ).fetchone()[0]
    assert unreviewed == 0
    con.close()
