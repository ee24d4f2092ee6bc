"""The views' derived tables (analysis/store/derived.py) hold what the views used to compute
at read time: the first report, echoes and lags per claim and publisher from every claim's
citing articles ranked anew, and the claims a text filter finds by scanning every
mention, and the articles' stable numbers the citing-article counts read. Checked against
a plain Python reading of the rules after a build, after an ingest that joins existing
claims, after articles come, change and go, and after the upgrade of a store written
before the tables existed; the Sources page's chain tails against the chains that follow
the links."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from analysis import store
from analysis.present import queries, sources
from analysis.present.queries import Filters
from analysis.store import derived, ingest
from analysis.store.claims import superseded_by

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev" / "articles"
# needles with and without ILIKE's special characters, in words and across word parts
NEEDLES = ["kursk", "KURSK", "000", "troops", "nis", "sol", "1,500", "%", "_", "10_000",
           "ukraine", "said.", "no-such-word"]


def _read(link: Path):
    return duckdb.connect(str(store.current_path(link)), read_only=True)


def outlets_by_rule(con) -> list[tuple]:
    """claim_outlets' rows, worked out in Python from the figures and the articles: a
    claim's citing articles are its figures' articles (each once); the first is the
    earliest dated (ties: the article name), else the first by name; a claim's longest lag
    is the largest of its publishers' rows."""
    arts = {a: (pub, day) for a, pub, day in con.execute(
        "SELECT article, publisher, published FROM articles").fetchall()}
    cited: dict[tuple, set] = {}
    for claim_id, group, article in con.execute(
            "SELECT f.claim_id, c.claimant_group, f.article FROM figures f "
            "JOIN claims c USING (claim_id)").fetchall():
        cited.setdefault((claim_id, group), set()).add(article)
    rows = []
    for (claim_id, group), articles in cited.items():
        ranked = sorted(articles, key=lambda a: (arts[a][1] is None, arts[a][1] or dt.date.min, a))
        first, first_day = ranked[0], arts[ranked[0]][1]
        per: dict[str, list] = {}
        for a in ranked:
            per.setdefault(arts[a][0] or store.claims.UNKNOWN_PUBLISHER, []).append(a)
        lags = {a: (arts[a][1] - first_day).days for a in ranked
                if arts[a][1] is not None and first_day is not None}
        longest = max(lags.values(), default=None)
        for publisher, mine in per.items():
            rows.append((claim_id, publisher, group, len(mine), int(first in mine),
                         max((lags[a] for a in mine if a in lags), default=None), first,
                         first_day, len(articles), longest))
    return sorted(rows, key=lambda r: (r[0], r[1]))


def words_by_rule(con, needle: str) -> set[str]:
    """The claims the text filter's rule finds, in Python: a mention's claimant, quote or
    sentence, or its article's title, holds the needle (any case), or the claim's group."""
    titles = dict(con.execute("SELECT article, title FROM articles").fetchall())
    found = set()
    for claim_id, group, texts, article in con.execute(
            "SELECT f.claim_id, c.claimant_group, [f.claimant, f.quote, f.sentence], f.article "
            "FROM figures f JOIN claims c USING (claim_id)").fetchall():
        if any(needle.lower() in (t or "").lower() for t in [*texts, titles.get(article), group]):
            found.add(claim_id)
    return found


def chains_by_rule(con) -> list[tuple]:
    """claim_chains' rows from claims.superseded_by's rule applied to the store's claims:
    each dated claim with a claimant, its place in its chain (1 the oldest) and its length,
    and its figure and date."""
    result = con.execute("SELECT claim_id, measure, claimant, date, n_articles, qualifier, value, "
                         "low, high FROM claims")
    names = [d[0] for d in result.description]
    claims = [dict(zip(names, r)) for r in result.fetchall()]
    later = superseded_by(claims)
    earlier = {v: k for k, v in later.items() if v}
    rows = []
    for c in claims:
        if c["claimant"] and c["date"] is not None:
            pos, head = 1, c["claim_id"]
            while head in earlier:
                pos, head = pos + 1, earlier[head]
            n, tail = pos, c["claim_id"]
            while later[tail]:
                n, tail = n + 1, later[tail]
            rows.append((c["claim_id"], c["measure"], c["claimant"], pos, n, c["qualifier"],
                         c["value"], c["low"], c["high"], c["date"]))
    return sorted(rows)


def numbers(con) -> dict[str, int]:
    """article_nos as name → number, after checking that it numbers every article of the
    store, each once, with a number of its own."""
    nos = dict(con.execute("SELECT article, no FROM article_nos").fetchall())
    assert sorted(nos) == sorted(r[0] for r in con.execute("SELECT article FROM articles").fetchall())
    assert len(set(nos.values())) == len(nos)
    return nos


def claim_numbers_by_rule(con) -> dict[str, list[int]]:
    """Each claim's citing articles' numbers, sorted: its figures' articles (each once)."""
    nos = numbers(con)
    cited: dict[str, set] = {c: set() for (c,) in con.execute("SELECT claim_id FROM claims").fetchall()}
    for claim_id, article in con.execute("SELECT claim_id, article FROM figures "
                                         "WHERE claim_id IN (SELECT claim_id FROM claims)").fetchall():
        cited[claim_id].add(nos[article])
    return {c: sorted(found) for c, found in cited.items()}


def check(link: Path) -> None:
    with _read(link) as con:
        assert dict(con.execute("SELECT claim_id, nos FROM claim_article_nos").fetchall()) == \
            claim_numbers_by_rule(con)
        assert con.execute("SELECT * FROM claim_chains ORDER BY claim_id").fetchall() == chains_by_rule(con)
        assert con.execute("SELECT max(n_chain) FROM claim_chains").fetchone()[0] > 2
        got = con.execute("SELECT * FROM claim_outlets ORDER BY claim_id, publisher").fetchall()
        assert got == outlets_by_rule(con)
        assert con.execute("SELECT count(DISTINCT claim_id) FROM claim_outlets").fetchone()[0] == \
            con.execute("SELECT count(*) FROM claims").fetchone()[0]
        for needle in NEEDLES:
            where, params = queries.claims_where(Filters(text=needle))
            assert "claim_words" in where
            found = {r[0] for r in con.execute(f"SELECT claim_id FROM claims{where}", params).fetchall()}
            assert found == words_by_rule(con, needle), needle
        assert any(words_by_rule(con, n) for n in NEEDLES[:4])  # the needles find something


@pytest.fixture
def dev(tmp_path) -> tuple[Path, list[Path]]:
    """A data folder with the first 24 dev articles built; the next four wait outside."""
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    files = sorted(DEV.glob("*.txt"))
    for f in files[:24]:
        shutil.copy(f, data / "articles" / f.name)
    store.build(data / "articles", data / "estimates.duckdb")
    return data, files[24:28]


def test_derived_tables_follow_the_rules_after_a_build_and_an_ingest(dev):
    data, waiting = dev
    link = data / "estimates.duckdb"
    check(link)
    with _read(link) as con:
        before = con.execute("SELECT * FROM claim_outlets").fetchall()
    for path in waiting:
        ingest.save([ingest.prepare(path.read_bytes(), path.name)], data / "articles", link)
    check(link)
    with _read(link) as con:
        after = con.execute("SELECT * FROM claim_outlets").fetchall()
    assert set(after) != set(before)  # the ingest moved some claims' rows


def test_articles_keep_their_numbers_as_others_come_change_and_go(dev):
    data, waiting = dev
    link = data / "estimates.duckdb"
    with _read(link) as con:
        before = numbers(con)
    assert sorted(before.values()) == list(range(len(before)))  # a build numbers from 0
    assert sorted(before, key=before.get) == sorted(before)  # in name order
    # new articles, then one with no figure alone (no claim to regroup)
    quiet = data.parent / "zz-quiet.txt"
    quiet.write_text("The delegation left Pyongyang on Tuesday without a statement.\n", encoding="utf-8")
    added = []
    for batch in (waiting[:2], [quiet]):
        report = ingest.save([ingest.prepare(p.read_bytes(), p.name) for p in batch], data / "articles", link)
        added += report.added
    check(link)
    with _read(link) as con:
        after = numbers(con)
    assert {a: after[a] for a in before} == before
    new = sorted(set(after) - set(before))
    assert len(new) == 3 and new == sorted(added)
    # numbered after the old ones: an ingest's articles in name order, the next ingest's after
    assert [after[a] for a in [*sorted(added[:2]), added[2]]] == list(range(len(before), len(before) + 3))
    # a file removed and a file changed (its figures written anew), then a refresh
    files = sorted((data / "articles").glob("*.txt"))
    gone, changed = files[3], files[6]
    gone.unlink()
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe NIS said 1,500 more troops had arrived.\n",
                       encoding="utf-8")
    store.refresh(data / "articles", link)
    check(link)
    with _read(link) as con:
        last = numbers(con)
        assert con.execute("SELECT count(*) FROM claim_article_nos WHERE list_contains(nos, ?)",
                           [after[gone.name]]).fetchone()[0] == 0
    assert gone.name not in last
    assert last == {a: n for a, n in after.items() if a != gone.name}  # the changed one kept its own
    # a number is not reused: the next article gets one past the largest ever given
    report = ingest.save([ingest.prepare(waiting[2].read_bytes(), waiting[2].name)], data / "articles", link)
    with _read(link) as con:
        assert numbers(con)[report.added[0]] == max(after.values()) + 1


def test_a_text_with_a_space_reads_every_mention_as_before(dev):
    data, _ = dev
    with _read(data / "estimates.duckdb") as con:
        sentence = con.execute("SELECT sentence FROM figures WHERE sentence LIKE '% % %' "
                               "ORDER BY mention_id LIMIT 1").fetchone()[0]
        needle = " ".join(sentence.split()[1:3])
        where, params = queries.claims_where(Filters(text=needle))
        assert "claim_words" not in where
        found = {r[0] for r in con.execute(f"SELECT claim_id FROM claims{where}", params).fetchall()}
        assert found and found == words_by_rule(con, needle)


def test_an_older_store_gains_the_tables_without_a_rebuild(dev):
    data, _ = dev
    link = data / "estimates.duckdb"
    with _read(link) as con:
        want = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in derived.TABLES}
    path = store.current_path(link)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE claim_words")
    con.execute("ALTER TABLE claim_outlets DROP COLUMN n_claim")
    con.execute("ALTER TABLE claim_chains DROP COLUMN value")
    con.execute("DROP TABLE article_nos")
    con.execute("DROP TABLE claim_article_nos")
    con.close()
    reader = duckdb.connect(str(path), read_only=True)  # a dashboard reading it meanwhile
    try:
        assert derived.missing(reader)
        # the dashboard's check upgrades it (on a copy, as the reader holds the file)
        upgraded, note = store.ensure_store(data / "articles", link)
    finally:
        reader.close()
    assert note is None and upgraded == store.current_path(link)
    with _read(link) as con:
        assert not derived.missing(con)
        assert {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in derived.TABLES} == want
    assert derived.upgrade(link)[0] is False  # nothing left to do


def test_chain_tails_are_the_last_steps_of_the_linked_chains(dev):
    with _read(dev[0] / "estimates.duckdb") as con:
        ids = [r[0] for r in con.execute("SELECT claim_id FROM claims ORDER BY claim_id").fetchall()]
        chains = sources.claimant_chains(con, ids)
        assert max(len(c) for c in chains.values()) > 2  # chains long enough to cut
        for last in (1, 2, 8):
            texts = sources.chain_texts(con, ids, last)
            assert texts == {i: sources.chain_text(chains[i], last=last) for i in ids}
