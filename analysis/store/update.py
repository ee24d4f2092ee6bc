"""Writing the store's derived tables inside an open DuckDB transaction, for a whole
build or for the few articles and claims an ingest touches.

`figures` is `extracted` with the review decisions applied: the articles no decision
reaches are copied over in SQL, the others go through `decisions.apply` in Python.
`claims` is regrouped key by key (measure, claimant group, value, bounds): the figures
of the keys asked for are streamed in corpus order and `claims.claims_of_key` clusters
each key, so memory holds one key's mentions at a time, not the corpus. Rows go into
DuckDB as Arrow tables of at most BATCH rows.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

import duckdb
import pyarrow as pa

from analysis.store import decisions, derived
from analysis.store.claims import CLAIM_COLUMNS, FIGURE_COLUMNS, MAX_GAP, claims_of_key

BATCH = 20_000
KEY = ("measure", "claimant_group", "value", "low", "high")
UNDATED = dt.date.min  # the day _narrow gives undated figures (no claim has it)
_KEY_SQL = ", ".join(KEY)
# What a key's grouping decides (superseded_by follows a claimant's chain across keys).
_GROUPED = [c for c in CLAIM_COLUMNS if c != "superseded_by"]
_ARROW = {"VARCHAR": pa.string(), "DOUBLE": pa.float64(), "INTEGER": pa.int32(),
          "BIGINT": pa.int64(), "DATE": pa.date32(), "BOOLEAN": pa.bool_(),
          "VARCHAR[]": pa.list_(pa.string()), "TIMESTAMP": pa.timestamp("us")}
# read back for grouping
_GROUP_COLUMNS = ["mention_id", "article", *KEY, "qualifier", "claimant", "claim_date",
                  "published", "quote", "sentence", "start", "review_status", "publisher"]
# those _narrow does not keep in `_key_figures`: read back only for the figures left
_TEXT_COLUMNS = ["article", "qualifier", "claimant", "quote", "sentence", "start"]


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    return dt.date.fromisoformat(str(value)[:10])


def _number(value):
    """A stored DOUBLE as the extractor gives it (whole numbers as int), so claim ids,
    which hash the key's text, come out as in a build from extraction."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    return {name: kind for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()}


def arrow(types: dict[str, str], rows: list[dict]) -> pa.Table:
    """Dict rows as an Arrow table typed as a table's columns (those the rows hold)."""
    data = {}
    for c in (c for c in types if c in rows[0]):
        values = [r.get(c) for r in rows]
        if types[c] == "DATE":
            values = [_day(v) for v in values]
        data[c] = pa.array(values, type=_ARROW[types[c]])
    return pa.table(data)


def insert_arrow(con: duckdb.DuckDBPyConnection, table: str, batch: pa.Table) -> None:
    cols = ", ".join(f'"{c}"' for c in batch.column_names)
    con.register("_batch", batch)
    try:
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch")
    finally:
        con.unregister("_batch")


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Append dict rows to `table` in Arrow batches of at most BATCH rows."""
    types = _types(con, table)
    for at in range(0, len(rows), BATCH):
        insert_arrow(con, table, arrow(types, rows[at:at + BATCH]))


class Appender:
    """Rows collected and written to a table BATCH at a time."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str):
        self.con, self.table, self.rows = con, table, []
        self.types = _types(con, table)

    def add(self, rows: Iterable[dict]) -> bool:
        """Collect rows; True when this wrote a batch."""
        self.rows.extend(rows)
        if len(self.rows) >= BATCH:
            self.flush()
            return True
        return False

    def flush(self) -> None:
        if self.rows:
            insert_arrow(self.con, self.table, arrow(self.types, self.rows))
        self.rows = []


def records(cursor: duckdb.DuckDBPyConnection, columns: list[str] | None = None) -> list[dict]:
    """An executed query's rows as dicts of plain values (dates as ISO text, whole
    numbers in value/low/high as int), as the extractor gives them."""
    names = columns or [d[0] for d in cursor.description]
    out = []
    for row in cursor.fetchall():
        record = dict(zip(names, row))
        for key in ("value", "low", "high"):
            if key in record:
                record[key] = _number(record[key])
        for key in ("claim_date", "published"):
            if isinstance(record.get(key), dt.date):
                record[key] = record[key].isoformat()
        out.append(record)
    return out


# --- decisions ---------------------------------------------------------------------------

def route(con: duckdb.DuckDBPyConnection, logged: list[dict]) -> dict[int, str | None]:
    """The article each decision applies to (as decisions.apply finds it: by the text's
    hash, else by name), or None when it is in no article of the store."""
    if not logged:
        return {}
    shas = sorted({d["article_sha"] for d in logged})
    names = sorted({d["article"] for d in logged})
    rows = con.execute("SELECT article, sha256 FROM articles WHERE list_contains(?, sha256) "
                       "OR list_contains(?, article)", [shas, names]).fetchall()
    by_sha = {sha: name for name, sha in rows}
    present = {name for name, _ in rows}
    return {d["id"]: by_sha.get(d["article_sha"]) or (d["article"] if d["article"] in present
                                                        else None) for d in logged}


def decision_rows(logged: list[dict], orphan_reasons: dict[int, str]) -> list[dict]:
    """The store's `decisions` table: each logged decision, and why it found no figure."""
    return [{**{k: d.get(k) for k in decisions.COLUMNS},
             "before": json.dumps(d["before"], default=str) if d["before"] else None,
             "after": json.dumps(d["after"], default=str),
             "orphan_reason": orphan_reasons.get(d["id"])} for d in logged]


def refigure(con: duckdb.DuckDBPyConnection, logged: list[dict], names: Iterable[str]
             ) -> dict[int, str]:
    """(Re)write the figures of the articles `names` from `extracted` with the decisions
    applied; returns the orphan reasons of the decisions routed to them or to nothing."""
    names = sorted(set(names))
    con.execute("DELETE FROM figures WHERE list_contains(?, article)", [names])
    articles = {r["article"]: r for r in records(con.execute(
        "SELECT article, sha256, text, published FROM articles WHERE list_contains(?, article)",
        [names]))}
    extracted = [c for c in FIGURE_COLUMNS if c not in ("claim_id", "review_status", "review_note")]
    cols = ", ".join(f'"{c}"' for c in extracted)
    mentions = records(con.execute(f"SELECT {cols} FROM extracted WHERE list_contains(?, article) "
                                   'ORDER BY article, "start"', [names]), extracted)
    figures, orphans = decisions.apply(mentions, logged, articles)
    for f in figures:
        f["claim_id"] = None
    insert(con, "figures", figures)
    routed = route(con, logged)
    return {o["id"]: o["reason"] for o in orphans
            if routed.get(o["id"]) is None or routed[o["id"]] in articles}


def copy_unreviewed(con: duckdb.DuckDBPyConnection, skip: list[str]) -> None:
    """Figures of every article but `skip`: their extracted mentions, unreviewed."""
    extracted = [c for c in FIGURE_COLUMNS if c not in ("claim_id", "review_status", "review_note")]
    cols = ", ".join(f'"{c}"' for c in extracted)
    con.execute(f"INSERT INTO figures ({cols}, review_status) SELECT {cols}, 'unreviewed' "
                "FROM extracted WHERE NOT list_contains(?, article)", [sorted(skip)])


# --- claims ------------------------------------------------------------------------------

def keys_of(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> set[tuple]:
    """The claim keys of the (not rejected) figures of these articles."""
    names = sorted(set(names))
    if not names:
        return set()
    return set(con.execute(f"SELECT DISTINCT {_KEY_SQL} FROM figures WHERE "
                           "list_contains(?, article) AND review_status <> 'rejected'",
                           [names]).fetchall())


def _matching(a: str, b: str) -> str:
    """SQL: rows of `a` and `b` have the same key, NULL matching NULL (as equalities, so
    DuckDB hashes the join)."""
    blank = {"measure": "''", "claimant_group": "''"}
    return " AND ".join(f"coalesce({a}.{c}, {blank.get(c, '-1e300')}) = "
                        f"coalesce({b}.{c}, {blank.get(c, '-1e300')})" for c in KEY)


def _narrow(con: duckdb.DuckDBPyConnection, n_mentions: dict[str, int]) -> set[str]:
    """The figures of the keys in `_keys` (not rejected) as `_key_figures`, less those of
    the claims no change reaches; returns those claims' ids. The claims of a key are the
    spans of its days that claims.cluster makes (each starts at a day and holds the days
    within MAX_GAP of it), so they are found from the key's distinct days alone, and the
    spans left regroup by themselves into the same claims. A span is unchanged when all
    its figures still carry one claim id (figures an update rewrote carry none) and that
    claim had as many mentions. Undated figures are a span of their own when the key has
    two dated spans or more (else they join its one claim: the key is regrouped whole);
    the key is regrouped whole too when they changed."""
    # the few columns needed here (ids and text are read back only for the figures left:
    # the column of distinct mention ids was a third of this scan, 291 -> 183 ms median over
    # ten articles' keys at 100,000 articles, load 9)
    con.execute("CREATE OR REPLACE TEMP TABLE _key_figures AS SELECT f.rowid AS row_id, "
                f"{', '.join('f.' + c for c in KEY)}, f.claim_date, "
                "f.published, f.claim_id, f.review_status FROM figures f "
                f"JOIN _keys k ON {_matching('f', 'k')} WHERE f.review_status <> 'rejected'")
    days: dict[tuple, list] = {}
    for *key, day in con.execute(f"SELECT DISTINCT {_KEY_SQL}, coalesce(claim_date, published) "
                                 "FROM _key_figures").fetchall():
        days.setdefault(tuple(key), []).append(day)
    spans = []
    for key, found in days.items():
        dated = sorted(d for d in found if d is not None)
        first = None
        key_spans = []
        for day in dated:
            if first is None or day - first > MAX_GAP:
                first = day
                key_spans.append([*key, first, day])
            key_spans[-1][-1] = day
        if None in found:
            if len(key_spans) < 2:
                continue
            key_spans.append([*key, UNDATED, UNDATED])
        spans.extend(key_spans)
    if not spans:
        return set()
    con.execute("CREATE OR REPLACE TEMP TABLE _spans (measure VARCHAR, claimant_group VARCHAR, "
                "value DOUBLE, low DOUBLE, high DOUBLE, first DATE, last DATE)")
    insert(con, "_spans", [dict(zip([*KEY, "first", "last"], span)) for span in spans])
    within = (f"{_matching('f', 's')} AND coalesce(f.claim_date, f.published, "
              f"DATE '{UNDATED}') BETWEEN s.first AND s.last")
    found = con.execute(
        f"SELECT {', '.join('s.' + c for c in KEY)}, s.first, count(*), count(f.claim_id), "
        f"count(DISTINCT f.claim_id), min(f.claim_id) FROM _key_figures f JOIN _spans s ON "
        f"{within} GROUP BY ALL").fetchall()
    same = {row[:6]: row[-1] for row in found
            if row[-2] == 1 and row[-3] == row[-4] == n_mentions.get(row[-1])}
    whole = {span[:5] for span in map(tuple, spans) if span[5] == UNDATED and span[:6] not in same}
    unchanged = [(span, claim_id) for span, claim_id in same.items() if span[:5] not in whole]
    if not unchanged:
        return set()
    con.execute("CREATE OR REPLACE TEMP TABLE _same (measure VARCHAR, claimant_group VARCHAR, "
                "value DOUBLE, low DOUBLE, high DOUBLE, first DATE)")
    insert(con, "_same", [dict(zip([*KEY, "first"], span)) for span, _ in unchanged])
    con.execute(f"DELETE FROM _key_figures f USING (SELECT s.* FROM _spans s JOIN _same m ON "
                f"{_matching('s', 'm')} AND s.first = m.first) s WHERE {within}")
    return {claim_id for _, claim_id in unchanged}


def _read_back(con: duckdb.DuckDBPyConnection, members: list[str], most: int = 2048) -> None:
    """`_key_figures`' rows with the columns grouping needs as `_key_full`, the rest read
    from `figures` through its primary key: the rows are the members of the claims
    regrouped (`members`, from the claims table) and the figures no claim holds yet (an
    update rewrote them). Beyond `most` ids (DuckDB looks its index up for at most
    index_scan_max_count, 2048), or should a row not be found so, the table is read whole."""
    # the figures an update rewrote carry no claim id: only that column's nulls are read
    fresh = [i for (i,) in con.execute("SELECT mention_id FROM figures WHERE claim_id IS NULL "
                                       "AND review_status <> 'rejected'").fetchall()]
    ids = sorted({*members, *fresh})
    # only the columns grouping needs that `_key_figures` lacks: the rows are spread over
    # the whole table, and a scan by row-id ranges decompressed every column it read in
    # each vector holding one (at 100,000 articles, load 6-8, 43-76 ranges cost 0.2-0.43 s,
    # the index 45-90 ms)
    cols = "rowid AS row_id, mention_id, " + ", ".join(f'"{c}"' for c in _TEXT_COLUMNS)
    picked = ", ".join(f't."{c}"' for c in ["mention_id", *_TEXT_COLUMNS])
    full = ("CREATE OR REPLACE TEMP TABLE _key_full AS SELECT k.* EXCLUDE (row_id), "
            f"{picked} FROM _key_figures k JOIN {{}} t USING (row_id)")
    if len(ids) <= most:
        # looked up on its own: joined with `_key_figures` DuckDB scans the table instead
        con.execute(f"CREATE OR REPLACE TEMP TABLE _key_text AS SELECT {cols} FROM figures "
                    "WHERE list_contains(?, mention_id)", [ids])
        con.execute(full.format("_key_text"))
        if con.execute("SELECT (SELECT count(*) FROM _key_full) = "
                       "(SELECT count(*) FROM _key_figures)").fetchone()[0]:
            return
    con.execute(full.format(f"(SELECT {cols} FROM figures)"))


def _key_rows(con: duckdb.DuckDBPyConnection, keys: set[tuple] | None,
              members: Iterable[str] = ()) -> Iterator[list[dict]]:
    """The figures of each key (all keys when None; else those `_narrow` left, `members`
    the mention ids of the claims they had: see _read_back), in corpus order, one key at a
    time, each with the claim_id it has now (`old_claim_id`)."""
    cols = ", ".join(f'f."{c}"' for c in _GROUP_COLUMNS if c != "publisher")
    names = [*_GROUP_COLUMNS, "old_claim_id"]
    source = "figures"
    if keys is not None:
        _read_back(con, list(members))
        source = "_key_full"
    # the few figures analysts added where the extractor found none (a build lists them
    # after every extracted mention), found without hashing every mention id
    con.execute(f"CREATE OR REPLACE TEMP TABLE _appended AS SELECT mention_id FROM {source} "
                "WHERE review_status = 'added' AND mention_id NOT IN (SELECT mention_id FROM "
                f"extracted WHERE article IN (SELECT article FROM {source} WHERE review_status "
                "= 'added'))")
    cursor = con.execute(
        f"SELECT {cols}, a.publisher, f.claim_id FROM {source} f "
        f"LEFT JOIN (SELECT article, publisher FROM articles WHERE article IN (SELECT article "
        f"FROM {source})) a USING (article) "
        "LEFT JOIN (SELECT mention_id, true AS appended FROM _appended) e USING (mention_id) "
        "WHERE f.review_status <> 'rejected' "
        f"ORDER BY {', '.join('f.' + c for c in KEY)}, e.appended IS NOT NULL, f.article, "
        'f."start"')
    current, rows = None, []
    while True:
        chunk = cursor.fetchmany(BATCH)
        for raw in chunk:
            row = dict(zip(names, raw))
            for c in ("value", "low", "high"):
                row[c] = _number(row[c])
            key = tuple(row[c] for c in KEY)
            if key != current and rows:
                yield rows
                rows = []
            current = key
            rows.append(row)
        if not chunk:
            break
    if rows:
        yield rows


def regroup(con: duckdb.DuckDBPyConnection, keys: set[tuple] | None = None) -> None:
    """(Re)write the claims of `keys` (every claim when None) and their figures' claim_id.
    Only what changed is written: most claims of a key stay as they were when an article
    joins one of them."""
    if keys is not None and not keys:
        derived.refresh(con, [])  # no claim to regroup, but articles may come or go
        return
    old: dict[str, tuple] = {}
    kept: set[str] = set()  # claims that stay as they are
    if keys is not None:
        con.execute("CREATE OR REPLACE TEMP TABLE _keys (measure VARCHAR, claimant_group "
                    "VARCHAR, value DOUBLE, low DOUBLE, high DOUBLE)")
        insert(con, "_keys", [dict(zip(KEY, key)) for key in keys])
        counts = dict(con.execute(f"SELECT c.claim_id, c.n_mentions FROM claims c JOIN _keys k "
                                  f"ON {_matching('c', 'k')}").fetchall())
        kept = _narrow(con, counts)
        # whole rows only of the claims regrouped, to tell which come out the same: the
        # touched keys hold a thousand claims or more, and their lists of mention ids made
        # Python objects for 0.3-1 s at 100,000 articles
        cols = ", ".join(f'"{c}"' for c in _GROUPED)
        old = {row[0]: row for row in con.execute(
            f"SELECT {cols} FROM claims WHERE list_contains(?, claim_id)",
            [sorted(set(counts) - kept)]).fetchall()}
    # One connection, one transaction: the figures stream in while the new rows wait as
    # compact Arrow batches, written once the stream is done.
    claim_types = _types(con, "claims")
    member_types = {"mention_id": "VARCHAR", "claim_id": "VARCHAR"}
    claim_batches, member_batches, claims, members = [], [], [], []
    # the claimant chains whose links may move: those of claims written, changed or gone
    chains = set()
    ids_at = _GROUPED.index("mention_ids")
    for rows in _key_rows(con, keys, [m for row in old.values() for m in row[ids_at] or []]):
        key = tuple(rows[0][c] for c in KEY)
        for claim in claims_of_key(key, rows, {r["article"]: r["publisher"] for r in rows}):
            row = tuple(claim[c] for c in _GROUPED)
            if old.get(claim["claim_id"]) == row:
                kept.add(claim["claim_id"])
            else:
                chains.add((claim["measure"], claim["claimant"]))
                claims.append(claim)
        members.extend({"mention_id": r["mention_id"], "claim_id": r["claim_id"]}
                       for r in rows if r["claim_id"] != r["old_claim_id"])
        if len(members) + len(claims) >= BATCH:
            claim_batches.append(arrow(claim_types, claims) if claims else None)
            member_batches.append(arrow(member_types, members) if members else None)
            claims, members = [], []
    claim_batches.append(arrow(claim_types, claims) if claims else None)
    member_batches.append(arrow(member_types, members) if members else None)
    stale = sorted(set(old) - kept)
    at = {c: _GROUPED.index(c) for c in ("measure", "claimant")}
    chains |= {(old[c][at["measure"]], old[c][at["claimant"]]) for c in stale}
    if stale:
        con.execute("DELETE FROM claims WHERE list_contains(?, claim_id)", [stale])
    for batch in filter(None, claim_batches):
        insert_arrow(con, "claims", batch)
    con.execute("CREATE OR REPLACE TEMP TABLE _claim_of (mention_id VARCHAR, claim_id VARCHAR)")
    for batch in filter(None, member_batches):
        insert_arrow(con, "_claim_of", batch)
    con.execute("UPDATE figures SET claim_id = c.claim_id FROM _claim_of c "
                "WHERE figures.mention_id = c.mention_id")
    con.execute("DROP TABLE _claim_of")
    relink(con, None if keys is None else chains)
    # the views' tables (derived.py) of the claims written, gone, or joined by a figure
    # written anew (an article changed in place keeps its claims' rows, not its texts)
    derived.refresh(con, None if keys is None else {*stale, *(
        i for b in (*claim_batches, *member_batches) if b for i in b.column("claim_id").to_pylist())})


def relink(con: duckdb.DuckDBPyConnection, chains: set[tuple] | None = None) -> None:
    """Set superseded_by along the claimant chains (measure, claimant) given (every chain
    when None) by claims.superseded_by's rule (ordered by date, n_articles, claim_id; a
    claim without a date or claimant stands apart), in SQL; only changed links are written."""
    where, params = "", []
    if chains is not None:
        named = [list(c) for c in chains if c[1]]
        if not named:
            return
        where, params = "WHERE list_contains(?, [measure, claimant])", [named]
    chained = "claimant <> '' AND date IS NOT NULL"
    con.execute(
        "UPDATE claims SET superseded_by = n.next FROM (SELECT claim_id, CASE WHEN "
        f"{chained} THEN lead(claim_id) OVER (PARTITION BY measure, claimant, {chained} "
        "ORDER BY date, coalesce(n_articles, 0), claim_id) END AS next "
        f"FROM claims {where}) n WHERE claims.claim_id = n.claim_id "
        "AND claims.superseded_by IS DISTINCT FROM n.next", params)
