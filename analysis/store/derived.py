"""Tables the views read in place of ranking or scanning every claim's articles and
mentions at read time, written by the build for every claim and by an ingest or a review
update for the claims it regroups (`refresh`, called from update.regroup).

- `claim_outlets`: per claim and publisher citing it, how many of its articles (`n`),
  whether the claim's first report is among them (`n_first`), their longest lag in days
  after the first report, and the claim's first article and date. A claim's first
  appearance is its earliest dated citing article, a tie on the day going to the article
  name; an undated article is first only when none is dated (its lag is NULL); and the
  claim's citing articles in all (`n_claim`, its rank among the most cited) and the longest
  lag of them all (`claim_max_lag`). The Sources page counts its flow, outlets and first
  reports from these rows.
- `claim_words`: per claim, the distinct words (lower case, split at spaces) of its
  mentions' sentences, quotes and claimants and of its articles' titles, joined by single
  spaces. A needle without a space is found in that text exactly when it is found in one
  of those texts (it cannot match across a space), which is the claims' text filter.
- `claim_chains`: per claim in a claimant's chain (a dated claim with a claimant), its
  place in the chain (`pos`, 1 the oldest) and the chain's length, read by walking the
  claims' superseded_by links (set by the one rule of analysis.store.claims.superseded_by
  and update.relink), so a view reads a chain's last steps instead of ordering it; with
  the claim's figure and date (qualifier, value, low, high, date: what a chain's text
  names), so those steps are read from this table alone.
- `article_nos`: a stable number per article of the store (a new article gets the next
  numbers after the largest, in name order; a number is never changed or reused while its
  article stays, also when its file changes; a removed article's row goes), and
  `claim_article_nos` per claim its citing articles' numbers: Compare counts distinct
  citing articles as bitmaps of these integers straight from the lists, with no join of
  the claims' 853,000 article names to the articles at 100,000 articles.

A store written before these tables existed gains them when the dashboard first opens it,
on its next write, or with `python -m analysis.store.upgrade [DATA]` (no extraction).
"""
from __future__ import annotations

import functools
import time
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from analysis.store.claims import UNKNOWN_PUBLISHER

SCHEMA = """
CREATE TABLE claim_outlets (
    claim_id VARCHAR, publisher VARCHAR, claimant_group VARCHAR, n INTEGER, n_first INTEGER,
    max_lag INTEGER, first_article VARCHAR, first_published DATE, n_claim INTEGER,
    claim_max_lag INTEGER
);
CREATE TABLE claim_words (claim_id VARCHAR, words VARCHAR);
CREATE TABLE claim_chains (claim_id VARCHAR, measure VARCHAR, claimant VARCHAR, pos INTEGER,
                           n_chain INTEGER, qualifier VARCHAR, value DOUBLE, low DOUBLE,
                           high DOUBLE, date DATE);
CREATE TABLE article_nos (article VARCHAR PRIMARY KEY, no INTEGER);
CREATE TABLE claim_article_nos (claim_id VARCHAR PRIMARY KEY, nos INTEGER[])
"""
TABLES = ("claim_outlets", "claim_words", "claim_chains", "article_nos", "claim_article_nos")
CHAINED = "claimant <> '' AND date IS NOT NULL"  # a claim in a claimant's chain
PER_CLAIM = ("claim_outlets", "claim_words", "claim_article_nos")  # rewritten per touched claim
STEP = ("qualifier", "value", "low", "high", "date")  # a chained claim's columns kept with its place

# One row per claim and citing article (claims.articles holds each article once), ranked
# by the first-appearance rule. `{claims}` is the claims to rank, `{articles}` the
# articles table or the part of it they cite.
APPEARANCES = """
SELECT c.claim_id, c.claimant_group, c.article, a.published,
       coalesce(a.publisher, '{unknown}') AS publisher,
       row_number() OVER w = 1 AS is_first, first_value(a.published) OVER w AS first_published,
       first_value(c.article) OVER w AS first_article,
       date_diff('day', first_value(a.published) OVER w, a.published) AS lag_days
FROM (SELECT claim_id, claimant_group, unnest(articles) AS article FROM {claims}) c
LEFT JOIN {articles} a USING (article)
WINDOW w AS (PARTITION BY c.claim_id ORDER BY a.published NULLS LAST, c.article)
"""

_OUTLETS = """
INSERT INTO claim_outlets
SELECT claim_id, publisher, any_value(claimant_group), count(*), count(*) FILTER (WHERE is_first),
       max(lag_days), any_value(first_article), any_value(first_published),
       sum(count(*)) OVER (PARTITION BY claim_id), max(max(lag_days)) OVER (PARTITION BY claim_id)
FROM ({appearances}) GROUP BY claim_id, publisher ORDER BY claim_id, publisher
"""

# Words in lower case split at spaces only: a needle with no space matches within one.
_WORDS = """
INSERT INTO claim_words
SELECT claim_id, string_agg(word, ' ' ORDER BY word) FROM (
    SELECT DISTINCT claim_id, word FROM (
        SELECT claim_id, unnest(string_split(lower(concat_ws(' ', sentence, quote, claimant)), ' ')) AS word
        FROM figures WHERE {figures}
        UNION ALL
        SELECT c.claim_id, unnest(string_split(lower(a.title), ' '))
        FROM (SELECT claim_id, unnest(articles) AS article FROM {claims}) c JOIN {articles} a USING (article))
    WHERE word <> '')
GROUP BY claim_id ORDER BY claim_id
"""

# The articles new to the store (left) and gone from it (right): one full join of the names
# (16 ms at 100,000 articles, where an anti-join each way took 15 ms each).
_CHANGED = """
SELECT a.article, n.article FROM articles a FULL JOIN article_nos n USING (article)
WHERE a.article IS NULL OR n.article IS NULL
"""

_NOS = """
INSERT INTO claim_article_nos
SELECT c.claim_id, list(n.no ORDER BY n.no)
FROM (SELECT claim_id, unnest(articles) AS article FROM {claims}) c JOIN {numbered} n USING (article)
GROUP BY c.claim_id ORDER BY c.claim_id
"""


def _columns(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return set(con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE "
                           "database_name = current_database() AND schema_name = 'main' "
                           "AND list_contains(?, table_name)", [list(TABLES)]).fetchall())


@functools.cache
def _wanted() -> frozenset[tuple[str, str]]:
    con = duckdb.connect()
    try:
        con.execute(SCHEMA)
        return frozenset(_columns(con))
    finally:
        con.close()


def missing(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store lacks a derived table or column (written before they existed)."""
    return not _wanted() <= _columns(con)


def listed(items: list) -> str:
    """Placeholders for a list given by name, one an item ("(?, ?, ?)"; "(NULL)" for none):
    DuckDB looks such a list up, where a join or a list parameter reads every row (0.1-0.2
    s a statement at 100,000)."""
    return f"({', '.join('?' * len(items)) or 'NULL'})"


def refresh(con: duckdb.DuckDBPyConnection, claim_ids: Iterable[str] | None = None) -> None:
    """(Re)write the derived rows of these claims (of every claim when None; a claim no
    longer in `claims` loses its rows), after numbering the articles new to the store and
    dropping the numbers of those gone (`article_nos`). A store without the tables gains
    them, for every claim."""
    if missing(con):
        for table in TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
        con.execute(SCHEMA)
        claim_ids = None
    renumber(con)
    _rechain(con, claim_ids)
    if claim_ids is None:
        for table in PER_CLAIM:
            con.execute(f"DELETE FROM {table}")
        claims, figures, articles, mentions, cited = "claims", "claim_id IS NOT NULL", "articles", [], []
    else:
        ids = sorted(set(claim_ids))
        if not ids:
            return
        for table in PER_CLAIM:
            con.execute(f"DELETE FROM {table} WHERE claim_id IN {listed(ids)}", ids)
        con.execute("CREATE OR REPLACE TEMP TABLE _derived_claims AS SELECT claim_id, claimant_group, "
                    f"articles, mention_ids FROM claims WHERE claim_id IN {listed(ids)}", ids)
        claims = "_derived_claims"
        mentions = [r[0] for r in con.execute(f"SELECT unnest(mention_ids) FROM {claims}").fetchall()]
        cited = [r[0] for r in con.execute(f"SELECT DISTINCT unnest(articles) FROM {claims}").fetchall()]
        figures = f"mention_id IN {listed(mentions)}"
        articles = f"(SELECT * FROM articles WHERE article IN {listed(cited)})"
    appearances = APPEARANCES.format(claims=claims, articles=articles,
                                     unknown=UNKNOWN_PUBLISHER.replace("'", "''"))
    con.execute(_OUTLETS.format(appearances=appearances), cited)
    con.execute(_WORDS.format(figures=figures, claims=claims, articles=articles), [*mentions, *cited])
    number(con, claims, None if claim_ids is None else cited)


def renumber(con: duckdb.DuckDBPyConnection) -> None:
    """Number the articles new to the store (the next numbers after the largest, in name
    order) and drop the numbers of those gone; the others keep theirs."""
    changed = con.execute(_CHANGED).fetchall()
    gone = [old for new, old in changed if new is None]
    if gone:
        con.execute(f"DELETE FROM article_nos WHERE article IN {listed(gone)}", gone)
    new = sorted(new for new, old in changed if old is None)
    if new:
        first = con.execute("SELECT coalesce(max(no), -1) + 1 FROM article_nos").fetchone()[0]
        con.execute("INSERT INTO article_nos SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[])",
                    [new, list(range(first, first + len(new)))])


def number(con: duckdb.DuckDBPyConnection, claims: str = "claims", cited: list[str] | None = None) -> None:
    """Write claim_article_nos for the claims in `claims` (a table) from article_nos, reading
    only the `cited` articles' numbers when given (an ingest's few)."""
    numbered = "article_nos" if cited is None else \
        f"(SELECT * FROM article_nos WHERE article IN {listed(cited)})"
    con.execute(_NOS.format(claims=claims, numbered=numbered), cited or [])


def _rechain(con: duckdb.DuckDBPyConnection, claim_ids: Iterable[str] | None) -> None:
    """claim_chains of the chains these claims are in or were in (every chain when None):
    a chain's claims follow its superseded_by links from the one no claim links to."""
    if claim_ids is None:
        con.execute("DELETE FROM claim_chains")
        where, params = f"WHERE {CHAINED}", []
    else:
        ids = list(set(claim_ids))
        if not ids:
            return
        # a claim gone or moved leaves a chain it was in: its old row names that chain
        con.execute("CREATE OR REPLACE TEMP TABLE _chains AS SELECT DISTINCT measure, claimant FROM ("
                    f"SELECT measure, claimant FROM claims WHERE claim_id IN {listed(ids)} AND {CHAINED} "
                    f"UNION ALL SELECT measure, claimant FROM claim_chains WHERE claim_id IN {listed(ids)})",
                    [*ids, *ids])
        con.execute("DELETE FROM claim_chains WHERE (measure, claimant) IN (SELECT * FROM _chains)")
        where, params = f"WHERE {CHAINED} AND (measure, claimant) IN (SELECT * FROM _chains)", []
    # read once as Arrow: the links walked in Python, each claim's figure and date joined
    # back in SQL (through Python objects they cost an ingest 15 ms more)
    found = con.sql(f"SELECT claim_id, measure, claimant, superseded_by, {', '.join(STEP)} "
                    f"FROM claims {where}", params=params).to_arrow_table()
    chains: dict[tuple, dict[str, str | None]] = {}
    for claim_id, measure, claimant, later in zip(
            *(found[c].to_pylist() for c in ("claim_id", "measure", "claimant", "superseded_by"))):
        chains.setdefault((measure, claimant), {})[claim_id] = later
    rows = []
    for (measure, claimant), later in chains.items():
        linked = set(later.values())
        head = next((c for c in sorted(later) if c not in linked), None)
        order = []
        while head in later and len(order) < len(later):
            order.append(head)
            head = later[head]
        rows += [(c, measure, claimant, pos, len(order)) for pos, c in enumerate(order, 1)]
    if rows:
        names = ["claim_id", "measure", "claimant", "pos", "n_chain"]
        con.register("_chain_rows", pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)}))
        con.register("_chain_found", found)
        con.execute(f"INSERT INTO claim_chains SELECT {', '.join(f'r.{n}' for n in names)}, "
                    f"{', '.join(f'c.{n}' for n in STEP)} FROM _chain_rows r JOIN _chain_found c "
                    "USING (claim_id) ORDER BY r.measure, r.claimant, r.pos")
        con.unregister("_chain_rows")
        con.unregister("_chain_found")


def _lacking(path: Path | None, link: Path) -> bool:
    if path is None:
        raise FileNotFoundError(f"no store at {link}")
    con = duckdb.connect(str(path), read_only=True)
    try:
        return missing(con)
    finally:
        con.close()


def upgrade(link: Path) -> tuple[bool, float]:
    """Give the store at `link` its derived tables if it lacks them, in place under the
    writer lock (on a copy when a reader holds it). Returns (whether it wrote, seconds)."""
    from analysis import store
    started = time.perf_counter()
    if not _lacking(store.current_path(link), link):  # the usual case: no lock needed
        return False, time.perf_counter() - started
    with store.writer_lock(link):
        path = store.current_path(link)
        if not _lacking(path, link):
            return False, time.perf_counter() - started
        with store._new_file(link, base=path) as (con, target):
            refresh(con)
        if target != path:
            store._point(link, target)
    return True, time.perf_counter() - started
