"""Adding articles from the command line: formats, refusals, and the store kept whole."""
from __future__ import annotations

import os
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
from analysis.extract.articles import ArticleError
from analysis.store import decisions, ingest, spare, update
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


# --- an ingest gives the store a rebuild gives -------------------------------------------

DEV = ROOT / "tests" / "corpus" / "dev" / "articles"
ORDERED = {"articles": "article", "extracted": "mention_id", "figures": "mention_id",
           "claims": "claim_id", "decisions": "id",
           # the views' tables (analysis/store/derived.py)
           "claim_outlets": "claim_id, publisher", "claim_words": "claim_id",
           "claim_chains": "claim_id"}
# the articles' numbers differ (an ingest numbers new articles after the old ones, a
# rebuild by name): which articles are numbered, and each claim's numbers as names
NAMED = {"article_nos": "SELECT article FROM article_nos ORDER BY article",
         "claim_article_nos": "SELECT c.claim_id, list(n.article ORDER BY n.article) FROM "
                              "(SELECT claim_id, unnest(nos) AS no FROM claim_article_nos) c "
                              "JOIN article_nos n USING (no) GROUP BY c.claim_id ORDER BY c.claim_id"}


def store_rows(link: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a fixed order (build_info: its counts and decisions applied)."""
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    try:
        rows = {t: con.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall()
                for t, key in ORDERED.items()}
        rows |= {t: con.execute(sql).fetchall() for t, sql in NAMED.items()}
        rows["build_info"] = con.execute("SELECT n_articles, n_figures, n_claims, problems, "
                                         "log_id, n_decisions FROM build_info").fetchall()
        return rows
    finally:
        con.close()


def _span(link: Path, quote_like: str, article: str | None = None) -> dict:
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    try:
        art, sha, start, end, quote = con.execute(
            'SELECT f.article, a.sha256, f."start", f."end", f.quote FROM figures f '
            "JOIN articles a USING (article) WHERE f.quote LIKE ? AND (? IS NULL OR f.article = ?) "
            "ORDER BY f.mention_id LIMIT 1", [quote_like, article, article]).fetchone()
    finally:
        con.close()
    return {"article": art, "article_sha": sha, "start": start, "end": end, "quote": quote}


EDIT = {"value": 11000, "low": 11000, "high": 11000, "qualifier": "exact",
        "measure": "troops_deployed", "claimant": "NIS", "claimant_group": "South Korea",
        "claim_date": "2024-11-13"}


@pytest.fixture
def dev_pair(tmp_path) -> tuple[Path, Path, list[Path]]:
    """Two data folders with the first 24 dev articles; the next three and a retelling of
    the first (the same claims, another text) wait outside."""
    files = sorted(DEV.glob("*.txt"))
    pair = []
    for name in ("ingested", "rebuilt"):
        data = tmp_path / name
        (data / "articles").mkdir(parents=True)
        for f in files[:24]:
            shutil.copy(f, data / "articles" / f.name)
        pair.append(data)
    retold = tmp_path / "retold.txt"
    retold.write_text(files[0].read_text(encoding="utf-8") + "\nAnalysts repeated the figures.\n",
                      encoding="utf-8")
    return pair[0], pair[1], [*files[24:27], retold]


def _decide_some(link: Path, waiting: ingest.Prepared | None = None) -> None:
    """Decisions of every kind, and one on an article not in the store yet."""
    log = store.decisions_path(link)
    decisions.record(log, action="accept", note="ok", **_span(link, "%1,500%"))
    decisions.record(log, action="reject", **_span(link, "%3,000%"))
    decisions.record(log, action="edit", after=EDIT, **_span(link, "%10,000%"))
    if waiting is not None:
        row = waiting.figures[0]
        decisions.record(log, action="reject", article=waiting.name, article_sha=waiting.digest,
                         start=row["start"], end=row["end"], quote=row["quote"])


def test_an_ingest_makes_the_store_a_rebuild_makes(dev_pair):
    ingested, rebuilt, waiting = dev_pair
    link = ingested / "estimates.duckdb"
    store.build(ingested / "articles", link)
    items = [ingest.prepare(path.read_bytes(), path.name) for path in waiting]
    _decide_some(link, waiting=items[0])
    store.refresh(ingested / "articles", link)  # the decisions, applied incrementally
    before = store_rows(link)["decisions"]
    assert sum(r[-1] is not None for r in before) == 1  # the one on the waiting article
    for item in items:
        ingest.save([item], ingested / "articles", link)
    # the same files and log, built from scratch
    shutil.rmtree(rebuilt / "articles")
    shutil.copytree(ingested / "articles", rebuilt / "articles")
    shutil.copy(store.decisions_path(link), store.decisions_path(rebuilt / "estimates.duckdb"))
    store.build(rebuilt / "articles", rebuilt / "estimates.duckdb")
    got, want = store_rows(link), store_rows(rebuilt / "estimates.duckdb")
    for table in want:
        assert got[table] == want[table], table
    assert all(r[-1] is None for r in got["decisions"])  # the waiting one found its figure
    # the new articles share claims with the old ones: regrouping them was needed
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    names = [item.name for item in items]
    shared = con.execute("SELECT count(*) FROM claims WHERE list_has_any(articles, ?) AND "
                         "len(list_filter(articles, lambda a: NOT list_contains(?, a))) > 0",
                         [names, names]).fetchone()[0]
    con.close()
    assert shared > 0


def test_a_refresh_after_decisions_and_removals_matches_a_rebuild(dev_pair):
    data, rebuilt, _ = dev_pair
    link = data / "estimates.duckdb"
    store.build(data / "articles", link)
    _decide_some(link)
    removed = sorted((data / "articles").glob("*.txt"))[5]
    removed.unlink()
    changed = sorted((data / "articles").glob("*.txt"))[7]
    changed.write_text(changed.read_text() + "\nThe NIS said 1,500 more troops had arrived.\n")
    report = store.refresh(data / "articles", link)
    assert report.n_articles == 23
    shutil.rmtree(rebuilt / "articles")
    shutil.copytree(data / "articles", rebuilt / "articles")
    shutil.copy(store.decisions_path(link), store.decisions_path(rebuilt / "estimates.duckdb"))
    store.build(rebuilt / "articles", rebuilt / "estimates.duckdb")
    got, want = store_rows(link), store_rows(rebuilt / "estimates.duckdb")
    for table in want:
        assert got[table] == want[table], table


def test_an_ingest_reads_no_other_article_and_leaves_readers_the_old_store(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    old = store.current_path(link)
    reader = duckdb.connect(str(old), read_only=True)  # a dashboard holding the store
    opened = []
    real = store._file_sha
    monkeypatch.setattr(store, "_file_sha", lambda p: opened.append(p.name) or real(p))
    item = ingest.prepare(WIRE.encode(), "wire.txt")
    report = ingest.save([item], corpus / "articles", link)
    assert opened == [item.name] and report.added == [item.name]
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    reader.close()
    assert consistent(link)["articles"] == {p.name for p in (corpus / "articles").glob("*.txt")}


def test_an_ingest_opens_the_store_once_and_refuses_a_text_it_holds(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    path = store.current_path(link)
    opened = []
    real = duckdb.connect
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: opened.append(a) or real(*a, **k))
    item = ingest.prepare(WIRE.encode(), "wire.txt")
    ingest.save([item], corpus / "articles", link)
    # the duplicate check and the update's reads go through the connection that writes
    # (an in-memory one the file is attached to): none of their own opens the file
    assert [args for args in opened if args] == [] and store.current_path(link) == path
    before = store_rows(link)
    files = sorted(p.name for p in (corpus / "articles").iterdir())
    again = ingest.prepare(WIRE.encode(), "again.txt")
    with pytest.raises(ArticleError, match=f"already in the corpus as {item.name}"):
        ingest.save([again], corpus / "articles", link)
    assert sorted(p.name for p in (corpus / "articles").iterdir()) == files
    assert store_rows(link) == before


def test_an_update_lets_go_of_the_file_after_it_succeeds_or_fails(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    path = store.current_path(link)
    ingest.save([ingest.prepare(WIRE.encode(), "wire.txt")], corpus / "articles", link)

    def broken(*args, **kwargs):
        raise RuntimeError("killed while regrouping")

    monkeypatch.setattr(store.update, "regroup", broken)
    with pytest.raises(RuntimeError):
        ingest.save([ingest.prepare(WIRE.replace("13", "14").encode(), "wire2.txt")],
                    corpus / "articles", link)
    monkeypatch.undo()
    # this process keeps its writer's DuckDB, not the file: another one writes it in place
    before = consistent(link)["articles"]
    later = corpus / "later.txt"
    later.write_text(WIRE.replace("13", "15"))
    assert run_ingest(corpus, later).returncode == 0
    assert store.current_path(link) == path
    assert len(consistent(link)["articles"] - before) == 1


def test_an_ingest_that_fails_before_the_switch_leaves_the_store_as_it_was(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    before, path = store_rows(link), store.current_path(link)

    def broken(*args, **kwargs):
        raise RuntimeError("killed while regrouping")

    monkeypatch.setattr(store.update, "regroup", broken)
    with pytest.raises(RuntimeError):
        ingest.save([ingest.prepare(WIRE.encode(), "wire.txt")], corpus / "articles", link)
    assert store.current_path(link) == path and store_rows(link) == before
    assert not list((corpus / "store").glob("*.partial*"))
    monkeypatch.undo()
    # the file was written first, so the next update picks the article up
    assert store.refresh(corpus / "articles", link).n_articles == 6


def test_a_refresh_hashes_only_files_whose_size_or_mtime_moved(corpus, monkeypatch):
    link, folder = corpus / "estimates.duckdb", corpus / "articles"
    store.build(folder, link)
    files = sorted(folder.glob("*.txt"))
    # the same size, another text, a later mtime
    same_size = files[0]
    text = same_size.read_text(encoding="utf-8")
    swapped = text.replace("North Korea", "North Korra", 1)
    assert len(swapped) == len(text) and swapped != text
    stat = same_size.stat()
    same_size.write_text(swapped, encoding="utf-8")
    os.utime(same_size, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    files[1].unlink()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    hashed = []
    real = store._file_sha
    monkeypatch.setattr(store, "_file_sha", lambda p: hashed.append(p.name) or real(p))
    report = store.refresh(folder, link)
    assert set(report.added) == {same_size.name, "wire.txt"}
    assert set(hashed) == {same_size.name, "wire.txt"}  # the unchanged ones were not read
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    try:
        stored = dict(con.execute("SELECT article, text FROM articles").fetchall())
    finally:
        con.close()
    assert set(stored) == {p.name for p in folder.glob("*.txt")}
    assert "North Korra" in stored[same_size.name]
    # a file touched but not changed is hashed, found the same, and nothing is rewritten
    hashed.clear()
    os.utime(files[2], ns=(files[2].stat().st_atime_ns, files[2].stat().st_mtime_ns + 10**9))
    before = store.current_path(link).stat().st_mtime_ns
    assert store.refresh(folder, link).added == []
    assert hashed == [files[2].name]
    assert store.current_path(link).stat().st_mtime_ns == before


def _wait_for_spare(path: Path) -> Path:
    for _ in range(300):
        found = spare.spare_path(path)
        if found is not None and found.exists():
            return found
        time.sleep(0.1)
    raise AssertionError("no standby copy was made after the write")


def test_an_ingest_while_a_reader_holds_the_store_starts_from_the_standby_copy(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    old = store.current_path(link)
    standby = _wait_for_spare(old)
    before = store_rows(link)
    reader = duckdb.connect(str(old), read_only=True)  # a dashboard holding the store
    copied = []
    monkeypatch.setattr(store.spare, "copy", lambda *a, **k: copied.append(a))
    item = ingest.prepare(WIRE.encode(), "wire.txt")
    ingest.save([item], corpus / "articles", link)
    assert copied == [] and not standby.exists()  # the standby copy was taken, not a new one
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    reader.close()
    assert store.current_path(link) != old
    assert consistent(link)["articles"] == {p.name for p in (corpus / "articles").glob("*.txt")}
    # the old file is untouched: the reader's store is the one before the ingest
    monkeypatch.setattr(store, "current_path", lambda link=link: old)
    assert store_rows(link) == before



def test_an_ingest_in_place_leaves_its_write_in_the_wal_and_the_standby_copy_carries_it(corpus):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    path = store.current_path(link)
    first = ingest.prepare(WIRE.encode(), "wire.txt")
    ingest.save([first], corpus / "articles", link)
    assert store.current_path(link) == path  # written in place
    wal = Path(str(path) + ".wal")
    assert wal.exists() and wal.stat().st_size > 0  # not checkpointed on the ingest's time
    assert consistent(link)["articles"] == {p.name for p in (corpus / "articles").glob("*.txt")}
    _wait_for_spare(path)
    reader = duckdb.connect(str(path), read_only=True)  # a reader replays the WAL
    assert first.name in {r[0] for r in reader.execute("SELECT article FROM articles").fetchall()}
    second = ingest.prepare(WIRE.replace("13", "14").encode(), "wire2.txt")
    ingest.save([second], corpus / "articles", link)  # on the standby copy, WAL included
    reader.close()
    assert store.current_path(link) != path
    assert consistent(link)["articles"] == {p.name for p in (corpus / "articles").glob("*.txt")}



def test_an_update_checkpoints_once_the_wal_passes_its_limit(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    path = store.current_path(link)
    monkeypatch.setattr(store, "WAL_LIMIT", 0)  # any WAL is over it
    ingest.save([ingest.prepare(WIRE.encode(), "wire.txt")], corpus / "articles", link)
    assert store.current_path(link) == path and not Path(str(path) + ".wal").exists()
    assert consistent(link)["articles"] == {p.name for p in (corpus / "articles").glob("*.txt")}

def test_a_standby_copy_of_a_file_written_since_is_not_used(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    path = store.current_path(link)
    standby = _wait_for_spare(path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # as a write in place would
    assert not spare.take(path, path.with_name("taken"))
    assert standby.exists() and not path.with_name("taken").exists()
    reader = duckdb.connect(str(path), read_only=True)
    item = ingest.prepare(WIRE.encode(), "wire.txt")
    report = ingest.save([item], corpus / "articles", link)
    reader.close()
    assert report.added == [item.name]
    assert consistent(link)["articles"] == {p.name for p in (corpus / "articles").glob("*.txt")}


def _figure(i: int, day: str | None, value: int = 3000) -> dict:
    return {"mention_id": f"m{i:03d}", "article": f"a{i:03d}.txt", "value": value, "low": value,
            "high": value, "qualifier": "approx", "measure": "troops_deployed", "claimant": "NIS",
            "claimant_group": "South Korea", "claim_date": day, "published": None,
            "quote": "about 3,000", "sentence": "About 3,000.", "start": 0, "end": 11,
            "review_status": "unreviewed"}


BASE_DAYS = ["2024-10-01", "2024-10-02", "2024-10-10", "2024-10-11", "2024-10-20", None, None]


def _grouped(figures: list[dict], added: list[dict], between: str | None = None
             ) -> tuple[duckdb.DuckDBPyConnection, ...]:
    """The same figures grouped twice: all at once, and the first ones then the added
    ones regrouped for their keys only (as an update does; `between`: SQL run before)."""
    whole, stepwise = duckdb.connect(), duckdb.connect()
    for con in (whole, stepwise):
        con.execute(store.SCHEMA)
    update.insert(whole, "figures", figures + added)
    update.regroup(whole)
    update.insert(stepwise, "figures", figures)
    update.regroup(stepwise)
    if between:
        stepwise.execute(between)
    update.insert(stepwise, "figures", added)
    update.regroup(stepwise, {(f["measure"], f["claimant_group"], f["value"], f["value"],
                               f["value"]) for f in added})
    return whole, stepwise


@pytest.mark.parametrize("days", [["2024-10-03"], ["2024-10-08"], [None], ["2024-10-30"],
                                  ["2024-10-09", None]],
                         ids=["joins a claim", "moves the claims after it", "undated",
                              "a claim of its own", "dated and undated"])
def test_regrouping_only_the_touched_claims_groups_as_grouping_all(days):
    figures = [_figure(i, day) for i, day in enumerate(BASE_DAYS)]
    figures += [_figure(50 + i, day, value=5000) for i, day in enumerate(BASE_DAYS[:3])]
    added = [_figure(100 + i, day) for i, day in enumerate(days)]
    whole, stepwise = _grouped(figures, added)
    for sql in ("SELECT * FROM claims ORDER BY claim_id",
                "SELECT mention_id, claim_id FROM figures ORDER BY mention_id"):
        assert stepwise.execute(sql).fetchall() == whole.execute(sql).fetchall()
    if days == ["2024-10-03"]:  # the claims it does not join were not read again
        read = {r[0] for r in stepwise.execute("SELECT mention_id FROM _key_full").fetchall()}
        assert read == {"m000", "m001", "m100"}


def test_regrouping_reads_back_a_figure_its_claim_no_longer_lists():
    # the figures left are looked up by the mention ids their claims list; a claim that
    # lost one (a store older code wrote) is read from the whole table instead
    figures = [_figure(i, day) for i, day in enumerate(BASE_DAYS)]
    whole, stepwise = _grouped(figures, [_figure(100, "2024-10-03")], between=(
        "UPDATE claims SET mention_ids = list_filter(mention_ids, lambda m: m <> 'm000')"))
    for sql in ("SELECT * FROM claims ORDER BY claim_id",
                "SELECT mention_id, claim_id FROM figures ORDER BY mention_id"):
        assert stepwise.execute(sql).fetchall() == whole.execute(sql).fetchall()
