"""The decision log in PostgreSQL (psycopg 3), for a team sharing one log.

Same tables as the SQLite log (decisions, log_info), same checks (analysis.store.decisions
validates), same optimistic concurrency: a decision names the span's latest decision it was
taken on and a changed state raises Conflict with the other one. Writers take the table's
EXCLUSIVE lock for the check-and-insert, as SQLite's BEGIN IMMEDIATE serialises them;
readers never wait. `copy_log` moves a log between SQLite and PostgreSQL losslessly (ids,
times, the log's id).
"""
from __future__ import annotations

import datetime as dt
import json
import uuid
from contextlib import closing
from pathlib import Path

from analysis.store import decisions as sqlite_log
from analysis.store.decisions import ANY, COLUMNS, Conflict, DecisionError, LogProblem

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS decisions (
    id BIGSERIAL PRIMARY KEY,
    article TEXT NOT NULL, article_sha TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, quote TEXT NOT NULL, action TEXT NOT NULL,
    before TEXT, after TEXT, note TEXT, created_at TEXT NOT NULL, author TEXT,
    UNIQUE (article_sha, start, "end", action, after, note, created_at)
)""",
    "CREATE TABLE IF NOT EXISTS log_info (key TEXT PRIMARY KEY, value TEXT)",
    "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS author TEXT",
)
_INSERT = ('INSERT INTO decisions (article, article_sha, start, "end", quote, action, before, '
           "after, note, created_at, author) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) "
           "ON CONFLICT DO NOTHING RETURNING id")
_LATEST_ON_SPAN = sqlite_log._LATEST_ON_SPAN.replace("?", "%s")


def is_dsn(target) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def connect(dsn: str):
    """A connection with the schema in place and the log's id set (a new log gets one)."""
    import psycopg
    from psycopg.rows import dict_row
    try:
        con = psycopg.connect(dsn, row_factory=dict_row, connect_timeout=10, autocommit=True)
    except psycopg.OperationalError as exc:
        raise LogProblem(f"the shared decision log cannot be reached ({exc}); nothing was "
                         "written") from None
    with con.transaction():
        con.execute("SELECT pg_advisory_xact_lock(4242)")  # two first connections, one schema
        for statement in SCHEMA:
            con.execute(statement)
        con.execute("INSERT INTO log_info (key, value) VALUES ('log_id', %s) "
                    "ON CONFLICT DO NOTHING", (uuid.uuid4().hex,))
    return con


def _info(con) -> dict[str, str]:
    return {r["key"]: r["value"] for r in con.execute("SELECT key, value FROM log_info")}


def log_id(dsn: str) -> str | None:
    with closing(connect(dsn)) as con:
        return _info(con).get("log_id")


def record(dsn: str, *, article: str, article_sha: str, start: int, end: int, quote: str,
           action: str, before: dict | None = None, after: dict | None = None,
           note: str = "", created_at: str | None = None, based_on=ANY,
           log_id: str | None = None, author: str | None = None) -> int:
    """As analysis.store.decisions.record, into the PostgreSQL log."""
    after = sqlite_log._validate(action, after)
    if end <= start or not quote:
        raise DecisionError("choose a non-empty span of the article")
    created_at = created_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    row = (article, article_sha, start, end, quote, action,
           json.dumps(before, default=str) if before is not None else None,
           json.dumps(after, default=str), note or "", created_at,
           (author or "").strip() or sqlite_log.default_author())
    with closing(connect(dsn)) as con, con.transaction():
        con.execute("LOCK TABLE decisions IN EXCLUSIVE MODE")
        if log_id is not None and _info(con).get("log_id") != log_id:
            raise LogProblem("the shared decision log was replaced since the page checked "
                             "it; nothing was written")
        if based_on is not ANY:
            latest = con.execute(_LATEST_ON_SPAN,
                                 (article_sha, start, end, action == sqlite_log.GRADE)).fetchone()
            if (latest["id"] if latest else None) != based_on:
                raise Conflict(sqlite_log._decoded(dict(latest)))
        new = con.execute(_INSERT, row).fetchone()
        if new:
            return new["id"]
        return con.execute(  # the very same decision is already logged
            'SELECT id FROM decisions WHERE article_sha = %s AND start = %s AND "end" = %s '
            "AND action = %s AND after = %s AND note = %s AND created_at = %s",
            (article_sha, start, end, action, row[7], row[8], created_at)).fetchone()["id"]


def import_decisions(dsn: str, rows: list[dict], log_id: str | None = None) -> int:
    """As analysis.store.decisions.import_decisions, into the PostgreSQL log."""
    with closing(connect(dsn)) as con, con.transaction():
        con.execute("LOCK TABLE decisions IN EXCLUSIVE MODE")
        if log_id is not None and _info(con).get("log_id") != log_id:
            raise LogProblem("the shared decision log was replaced since the page checked "
                             "it; nothing was imported")
        added = 0
        for r in sorted(rows, key=lambda r: (r["created_at"], int(r.get("id") or 0))):
            after = sqlite_log._validate(r["action"], r.get("after"))
            added += con.execute(_INSERT, (
                r["article"], r["article_sha"], r["start"], r["end"], r["quote"], r["action"],
                json.dumps(r.get("before"), default=str) if r.get("before") else None,
                json.dumps(after, default=str), r.get("note") or "", r["created_at"],
                r.get("author") or None)).fetchone() is not None
        return added


def status(dsn: str, expected_id: str | None = None, expected_n: int = 0):
    """As analysis.store.decisions.status: the shared log against what the store applied."""
    try:
        with closing(connect(dsn)) as con:
            info = _info(con)
            n = con.execute("SELECT count(*) AS n FROM decisions").fetchone()["n"]
    except LogProblem as exc:
        return sqlite_log.LogState("damaged", None, 0, expected_id, expected_n,
                                   str(exc)[0].upper() + str(exc)[1:] + ".")
    return sqlite_log.judged("on the PostgreSQL server", info, n, expected_id, expected_n)


def load(dsn: str) -> list[dict]:
    """Every decision, oldest first, before/after decoded."""
    with closing(connect(dsn)) as con:
        rows = con.execute(f"SELECT {_cols()} FROM decisions ORDER BY id").fetchall()
    return [sqlite_log._decoded(dict(r)) for r in rows]


def _cols() -> str:
    return ", ".join(f'"{c}"' for c in COLUMNS)


# --- either backend, and moving a log between them ----------------------------------------

def record_to(target, **kwargs) -> int:
    """Record into a SQLite file (a Path) or a PostgreSQL log (a DSN)."""
    return record(target, **kwargs) if is_dsn(target) else sqlite_log.record(Path(target), **kwargs)


def load_from(target) -> list[dict]:
    return load(target) if is_dsn(target) else sqlite_log.load(Path(target))


def _raw(target) -> tuple[list[dict], dict[str, str]]:
    """Rows as stored (before/after as their JSON text) and the log's facts."""
    if is_dsn(target):
        with closing(connect(target)) as con:
            return ([dict(r) for r in con.execute(f"SELECT {_cols()} FROM decisions ORDER BY id")],
                    _info(con))
    path = Path(target)
    if not path.exists():
        raise LogProblem(f"the decision log {path} is missing")
    with closing(sqlite_log.connect(path, create=False)) as con:
        con.row_factory = __import__("sqlite3").Row
        rows = [{c: dict(r).get(c) for c in COLUMNS}  # an older log may lack the author
                for r in con.execute("SELECT * FROM decisions ORDER BY id")]
        info = {r["key"]: r["value"] for r in con.execute("SELECT key, value FROM log_info")}
    return rows, info


def copy_log(source, target) -> int:
    """Copy every decision, with its id, and the log's id from `source` to an empty
    `target` (either may be a SQLite path or a PostgreSQL DSN). Returns how many."""
    rows, info = _raw(source)
    placeholders = ", ".join(["%s" if is_dsn(target) else "?"] * len(COLUMNS))
    insert = f"INSERT INTO decisions ({_cols()}) VALUES ({placeholders})"
    values = [tuple(r[c] for c in COLUMNS) for r in rows]
    if is_dsn(target):
        with closing(connect(target)) as con, con.transaction():
            con.execute("LOCK TABLE decisions IN EXCLUSIVE MODE")
            _refuse_full(con.execute("SELECT count(*) AS n FROM decisions").fetchone()["n"], target)
            con.cursor().executemany(insert, values)
            con.execute("DELETE FROM log_info")
            con.cursor().executemany("INSERT INTO log_info (key, value) VALUES (%s, %s)",
                                     list(info.items()))
            con.execute("SELECT setval(pg_get_serial_sequence('decisions', 'id'), "
                        "GREATEST((SELECT max(id) FROM decisions), 1))")
        return len(rows)
    with closing(sqlite_log.connect(Path(target))) as con, sqlite_log._transaction(con):
        sqlite_log._with_author(con)
        _refuse_full(con.execute("SELECT count(*) FROM decisions").fetchone()[0], target)
        con.executemany(insert, values)
        con.execute("DELETE FROM log_info")
        con.executemany("INSERT INTO log_info (key, value) VALUES (?, ?)", list(info.items()))
    return len(rows)


def _refuse_full(n: int, target) -> None:
    if n:
        shown = "the PostgreSQL log" if is_dsn(target) else str(target)
        raise DecisionError(f"{shown} already holds {n} decisions; a copy goes into an empty "
                            "log only, so nothing is mixed or lost")
