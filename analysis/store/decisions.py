"""Analysts' review decisions: an append-only log in SQLite, and applying it to mentions.

Every decision (accept, reject, edit, add) is one row: what, before, after, when, note. It
is keyed to the article's content hash and the span, so it survives rebuilds and changes
to the extractor. SQLite is the log's home because it takes writers from several
processes at once (the dashboard's sessions and a command-line ingest) with its own
locking; the DuckDB store is rebuilt from it.

The log is the one file in data/ that cannot be rebuilt from the articles, so it carries
its own identity (a log id written at creation) and the store records which log and how
many decisions it applied: `status` compares the two, and a missing, emptied or swapped
log is refused until the analyst restores a backup or starts a new log on purpose.
Decisions name the state they were taken on (`based_on`, the id of the span's latest
decision when the card was drawn): `record` raises Conflict when it has changed since.
The SQL is plain INSERT/SELECT with ids from the database, behind `connect`, so another
backend can stand in.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import getpass
import sqlite3
import uuid
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from analysis.extract.numbers import find_numbers

ACTIONS = ("accept", "reject", "edit", "add")
EDITABLE = ("value", "low", "high", "qualifier", "measure", "claimant", "claimant_group",
            "claim_date")
STATUS = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}
COLUMNS = ("id", "article", "article_sha", "start", "end", "quote", "action", "before",
           "after", "note", "created_at", "author")
KEEP_BACKUPS = 5

# Source grading (the Admiralty system) is a decision too, action "grade": a claimant's
# reliability A–F, on a subject of its own (SOURCE_PREFIX + the claimant's name), and a
# claim's credibility 1–6, on the span of one of the claim's mentions, so it follows that
# mention through rebuilds. Grades never change a figure and never count as its review.
GRADE = "grade"
SOURCE_PREFIX = "source:"
RELIABILITY = {"A": "Completely reliable", "B": "Usually reliable", "C": "Fairly reliable",
               "D": "Not usually reliable", "E": "Unreliable",
               "F": "Reliability cannot be judged"}
CREDIBILITY = {1: "Confirmed by other sources", 2: "Probably true", 3: "Possibly true",
               4: "Doubtful", 5: "Improbable", 6: "Truth cannot be judged"}

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article TEXT NOT NULL, article_sha TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, quote TEXT NOT NULL, action TEXT NOT NULL,
    before TEXT, after TEXT, note TEXT, created_at TEXT NOT NULL, author TEXT,
    UNIQUE (article_sha, start, "end", action, after, note, created_at)
)""",
    # key/value facts about the log itself: its id, and which state an analyst chose it over
    "CREATE TABLE IF NOT EXISTS log_info (key TEXT PRIMARY KEY, value TEXT)",
)


_INSERT = ('INSERT OR IGNORE INTO decisions (article, article_sha, start, "end", quote, action, '
           "before, after, note, created_at, author) VALUES (?,?,?,?,?,?,?,?,?,?,?)")


def default_author() -> str:
    """Who decides when the analyst has set no name: the OS user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _with_author(con: sqlite3.Connection) -> None:
    """A log from before decisions named their author gets the column (empty for them)."""
    if "author" not in {r[1] for r in con.execute("PRAGMA table_info(decisions)")}:
        con.execute("ALTER TABLE decisions ADD COLUMN author TEXT")
# The span's latest review decision, or its latest grade (the last parameter: is a grade).
_LATEST_ON_SPAN = ('SELECT * FROM decisions WHERE article_sha = ? AND start = ? AND "end" = ? '
                   "AND (action = 'grade') = ? ORDER BY created_at DESC, id DESC LIMIT 1")
ANY = object()  # `based_on` for writers that do not check (imports, scripts)


@contextmanager
def _transaction(con: sqlite3.Connection):
    """All of it or none: another writer waits (busy timeout) rather than failing."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


@contextmanager
def _readable(db: Path, after: str = "nothing was written"):
    """A damaged log file is a LogProblem naming it (and `after`: what that meant), not a
    database traceback."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise
        raise LogProblem(f"the decision log {db.name} cannot be used ({exc}); {after}") from exc
    except sqlite3.DatabaseError as exc:
        raise LogProblem(f"the decision log {db.name} cannot be read ({exc}); {after}") from exc


def _shared(db) -> bool:
    """A PostgreSQL DSN (ESTIMATE_DESK_DECISIONS) rather than a SQLite file: the team's
    shared log, in analysis.store.decisions_pg."""
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def _local_only(db, what: str) -> None:
    if _shared(db):
        raise DecisionError(f"the shared PostgreSQL log is not {what} from the desk: its "
                            "server's own backups (pg_dump) keep it")


def _pg():
    from analysis.store import decisions_pg
    return decisions_pg


class DecisionError(ValueError):
    """A decision that cannot be taken; the message says why."""


class LogProblem(DecisionError):
    """The decision log is missing, emptied, damaged or not the one the store applied."""


class Conflict(DecisionError):
    """The span's latest decision changed since the card was drawn; `other` is that decision."""

    def __init__(self, other: dict):
        self.other = other
        super().__init__(f"another decision was taken on “{other['quote']}” at "
                         f"{other['created_at']}: {other['action']}")


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """A connection to the log. A new log gets its schema and its id; with create=False the
    log must already exist and nothing is written to it here."""
    if not create and not path.exists():
        raise LogProblem(f"the decision log {path.name} is missing")
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    con.execute("PRAGMA busy_timeout=30000")
    if create:
        con.execute("PRAGMA journal_mode=WAL")
        for statement in SCHEMA:
            con.execute(statement)
        # A log without an id (a new one, or one older than ids) gets one now.
        con.execute("INSERT OR IGNORE INTO log_info (key, value) VALUES ('log_id', ?)",
                    (uuid.uuid4().hex,))
    return con


def _info(con: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(con.execute("SELECT key, value FROM log_info").fetchall())
    except sqlite3.OperationalError:  # no such table: not a log (yet)
        return {}


def _count(con: sqlite3.Connection) -> int | None:
    try:
        return con.execute("SELECT count(*) FROM decisions").fetchone()[0]
    except sqlite3.OperationalError:
        return None


# --- is this the log the store was built with? ------------------------------------------

@dataclass(frozen=True)
class LogState:
    """What the log holds against what the store applied. `kind` is ok, new (no log yet and
    nothing expected), missing, empty, truncated, replaced or damaged."""
    kind: str
    log_id: str | None
    n: int
    expected_id: str | None
    expected_n: int
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.kind in ("ok", "new")

    @property
    def expected(self) -> tuple[str | None, int]:
        return self.expected_id, self.expected_n


def _plural(n: int, word: str = "decision") -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def status(db: Path, expected_id: str | None = None, expected_n: int = 0) -> LogState:
    """The log at `db` checked against what the store applied (its id and how many
    decisions); the message says what is wrong in plain words."""
    def state(kind, log_id=None, n=0, message=""):
        return LogState(kind, log_id, n, expected_id, expected_n, message)

    if _shared(db):
        return _pg().status(db, expected_id, expected_n)
    applied = f"the database was built with {_plural(expected_n)} from it"
    if not db.exists():
        if expected_n > 0:
            return state("missing", message=f"The decision log {db.name} is missing; {applied}.")
        return state("new")
    try:
        with closing(connect(db, create=False)) as con:
            info, n = _info(con), _count(con)
    except sqlite3.DatabaseError as exc:
        return state("damaged", message=f"The decision log {db.name} cannot be read "
                                        f"({exc}); {applied}.")
    return judged(db.name, info, n, expected_id, expected_n)


def judged(name: str, info: dict, n: int | None, expected_id: str | None,
           expected_n: int) -> LogState:
    """A readable log's state from its facts and count (for either backend)."""
    def state(kind, log_id=None, n=0, message=""):
        return LogState(kind, log_id, n, expected_id, expected_n, message)

    applied = f"the database was built with {_plural(expected_n)} from it"
    log_id, n = info.get("log_id"), n or 0
    if expected_n == 0 or info.get("accepts") == f"{expected_id}:{expected_n}":
        return state("ok", log_id, n)  # nothing to lose, or the analyst chose this log
    if log_id is None and n == 0:
        return state("empty", None, 0, f"The decision log {name} is empty; {applied}.")
    if log_id is not None and expected_id is not None and log_id != expected_id:
        return state("replaced", log_id, n, f"The decision log {name} is not the one the "
                     f"database was built with: it holds {_plural(n)}, the log the database "
                     f"applied held {_plural(expected_n)}.")
    if n < expected_n:
        kind = "empty" if n == 0 else "truncated"
        return state(kind, log_id, n, f"The decision log {name} holds {_plural(n)}; "
                     f"{applied}.")
    return state("ok", log_id, n)


def log_id(db: Path) -> str | None:
    """The id written into the log at its creation (None when there is no log)."""
    if _shared(db):
        return _pg().log_id(db)
    if not db.exists():
        return None
    with closing(connect(db, create=False)) as con:
        return _info(con).get("log_id")


# --- backups and the analyst's choices ---------------------------------------------------

@dataclass(frozen=True)
class Backup:
    path: Path
    log_id: str | None
    n: int
    taken_at: str

    def label(self) -> str:
        return f"{self.path.name}: {_plural(self.n)}, taken {self.taken_at} UTC"


def _stamp() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy through SQLite's backup API (other writers may be at work)."""
    with closing(sqlite3.connect(str(target))) as out:
        source.backup(out)


def backups(folder: Path) -> list[Backup]:
    """The readable backups in `folder`, newest first."""
    found = []
    for path in sorted(folder.glob("review-*.sqlite"), reverse=True):
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
                info, n = _info(con), _count(con)
        except sqlite3.DatabaseError:
            continue
        if n is None:
            continue
        taken = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
        found.append(Backup(path, info.get("log_id"), n, taken.strftime("%Y-%m-%d %H:%M")))
    return found


def backup(db: Path, folder: Path, keep: int = KEEP_BACKUPS) -> Path | None:
    """Copy the log into `folder` (the newest `keep` copies stay); None when there is no
    log, it is empty, or the newest copy already holds the same decisions. The shared
    PostgreSQL log is backed up by its server (pg_dump), not here."""
    if _shared(db) or not db.exists():
        return None
    with closing(connect(db, create=False)) as con:
        info, n = _info(con), _count(con)
        if not n:  # an empty log has nothing to keep, and must not push out a real copy
            return None
        last = con.execute("SELECT max(id) FROM decisions").fetchone()[0]
        newest = backups(folder)[:1]
        if newest and (newest[0].log_id, newest[0].n) == (info.get("log_id"), n) and \
                _max_id(newest[0].path) == last:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"review-{_stamp()}-{n}.sqlite"
        partial = target.with_suffix(".partial")
        try:
            _copy(con, partial)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    for old in sorted(folder.glob("review-*.sqlite"), reverse=True)[keep:]:
        old.unlink(missing_ok=True)
    return target


def _max_id(path: Path) -> int | None:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return con.execute("SELECT max(id) FROM decisions").fetchone()[0]


def _set_aside(db: Path, folder: Path) -> Path | None:
    """Keep whatever is at `db` under `folder` before it is replaced (never delete a log)."""
    if not db.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    aside = folder / f"set-aside-{_stamp()}.sqlite"
    try:
        with closing(connect(db, create=False)) as con:
            if _count(con) is None and not _info(con):
                raise sqlite3.DatabaseError("not a log")
            _copy(con, aside)
        return aside
    except sqlite3.DatabaseError:
        aside.unlink(missing_ok=True)
        os.replace(db, aside)  # unreadable: move the file itself, with its journal
        for suffix in ("-wal", "-shm"):
            extra = Path(str(db) + suffix)
            if extra.exists():
                os.replace(extra, Path(str(aside) + suffix))
        return aside


def _accept(db: Path, expected: tuple[str | None, int]) -> None:
    """Mark the log as the analyst's choice over the state the store applied."""
    with closing(connect(db)) as con:
        con.execute("INSERT OR REPLACE INTO log_info (key, value) VALUES ('accepts', ?)",
                    (f"{expected[0]}:{expected[1]}",))


def restore(db: Path, source: Path, folder: Path,
            expected: tuple[str | None, int] = (None, 0)) -> Path | None:
    """Put the decisions of `source` (a backup) back as the log; what was at `db` is set
    aside in `folder` first, and its path returned."""
    _local_only(db, "restored from a backup")
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src:
            if _count(src) is None:
                raise LogProblem(f"{source.name} is not a decision log")
            aside = _set_aside(db, folder)
            with closing(connect(db)) as out:
                src.backup(out)
    except sqlite3.DatabaseError as exc:
        raise LogProblem(f"{source.name} cannot be read as a decision log ({exc})") from exc
    _accept(db, expected)
    return aside


def start_new(db: Path, folder: Path, expected: tuple[str | None, int] = (None, 0)) -> Path | None:
    """Start an empty log on purpose; what was at `db` is set aside in `folder` first."""
    _local_only(db, "replaced by an empty one")
    aside = _set_aside(db, folder)
    if db.exists():
        with closing(connect(db)) as con, _transaction(con):
            con.execute("DELETE FROM decisions")
            con.execute("DELETE FROM log_info")
            con.execute("INSERT INTO log_info (key, value) VALUES ('log_id', ?)",
                        (uuid.uuid4().hex,))
    connect(db).close()
    _accept(db, expected)
    return aside


def _validate(action: str, after: dict | None) -> dict:
    if action == GRADE:
        return _valid_grade(after or {})
    if action not in ACTIONS:
        raise DecisionError(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    after = {k: v for k, v in (after or {}).items() if k in EDITABLE}
    if action in ("edit", "add"):
        value = after.get("value")
        if value is None or not isinstance(value, (int, float)) or value <= 0:
            raise DecisionError("a figure needs a positive number as its value")
        for bound in ("low", "high"):
            if after.get(bound) is not None and not isinstance(after[bound], (int, float)):
                raise DecisionError(f"{bound} must be a number or empty")
        if after.get("low") is not None and after.get("high") is not None and after["low"] > after["high"]:
            raise DecisionError("the low bound is above the high bound")
        if after.get("qualifier") == "range" and (
                after.get("low") is None or after.get("high") is None or after["high"] <= after["low"]):
            raise DecisionError("a range needs a high bound above its low bound")
        if after.get("claim_date"):
            try:
                dt.date.fromisoformat(str(after["claim_date"]))
            except ValueError as exc:
                raise DecisionError("claim date must be YYYY-MM-DD or empty") from exc
    return after


def _valid_grade(after: dict) -> dict:
    """{"reliability": "A".."F"} or {"credibility": 1..6}, nothing else."""
    if set(after) == {"reliability"} and after["reliability"] in RELIABILITY:
        return {"reliability": after["reliability"]}
    credibility = after.get("credibility")
    if set(after) == {"credibility"} and isinstance(credibility, (int, str)) \
            and str(credibility).isdigit() and int(credibility) in CREDIBILITY:
        return {"credibility": int(credibility)}
    raise DecisionError("a grade is a source's reliability (A to F) or a claim's "
                        "credibility (1 to 6)")


def source_subject(claimant: str) -> dict:
    """The span fields a claimant's reliability grade is recorded on (it has no article)."""
    name = (claimant or "").strip()
    if not name:
        raise DecisionError("only a named claimant can be graded")
    return {"article": name, "article_sha": SOURCE_PREFIX + name, "start": 0,
            "end": len(name), "quote": name}


def is_source_grade(decision: dict) -> bool:
    return decision["action"] == GRADE and str(decision["article_sha"]).startswith(SOURCE_PREFIX)


def grades_in_force(decisions: list[dict]) -> dict[tuple[str, int, int], dict]:
    """The latest grade per subject (article_sha, start, end), as latest_by_span for reviews."""
    current: dict[tuple, dict] = {}
    for d in sorted(decisions, key=lambda d: (d["created_at"], d.get("id") or 0)):
        if d["action"] == GRADE:
            current[(d["article_sha"], d["start"], d["end"])] = d
    return current


def fields_of(figure: dict) -> dict:
    """A figure's reviewable fields as plain JSON values (NaN as None, dates as text)."""
    out = {}
    for k in EDITABLE:
        v = figure.get(k)
        if isinstance(v, float) and math.isnan(v):
            v = None
        elif isinstance(v, float) and v.is_integer():
            v = int(v)
        elif isinstance(v, dt.date):  # pandas' Timestamp is a date too
            v = v.isoformat()[:10]
        out[k] = v
    return out


def guess_fields(quote: str) -> dict:
    """Value and bounds read from the words an analyst marked, to prefill the form."""
    found = find_numbers(quote)
    if not found:
        return {}
    first = found[0]
    if first.high is not None:
        return {"value": first.value, "low": first.value, "high": first.high, "qualifier": "range"}
    return {"value": first.value, "low": first.value, "high": first.value, "qualifier": "exact"}


def occurrences(text: str, quote: str) -> list[int]:
    """Every offset where `quote` stands in `text` (overlapping ones included)."""
    return [k for k in range(len(text) - len(quote) + 1) if text.startswith(quote, k)] if quote else []


def overlapping(figures: list[dict], start: int, end: int) -> list[dict]:
    """The figures (rejected ones left out) whose span overlaps [start, end): a figure
    added there would be a second reading of the same words."""
    return [f for f in figures if f["start"] < end and start < f["end"]
            and f.get("review_status") != "rejected"]


def record(db: Path, *, article: str, article_sha: str, start: int, end: int, quote: str,
           action: str, before: dict | None = None, after: dict | None = None,
           note: str = "", created_at: str | None = None, based_on=ANY,
           log_id: str | None = None, author: str | None = None) -> int:
    """Append one decision in its own transaction; returns its id. `author` names who
    took it (default: the OS user).

    `based_on` is the id of the span's latest decision when the analyst saw it (None: no
    decision yet); when another decision came since, Conflict is raised with it and
    nothing is written. `log_id` is the log the caller checked: a log swapped since
    (or gone) raises LogProblem instead of starting a fresh one.
    """
    if _shared(db):
        return _pg().record(db, article=article, article_sha=article_sha, start=start, end=end,
                            quote=quote, action=action, before=before, after=after, note=note,
                            created_at=created_at, based_on=based_on, log_id=log_id,
                            author=author)
    after = _validate(action, after)
    if end <= start or not quote:
        raise DecisionError("choose a non-empty span of the article")
    created_at = created_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    row = (article, article_sha, start, end, quote, action,
           json.dumps(before, default=str) if before is not None else None,
           json.dumps(after, default=str), note or "", created_at,
           (author or "").strip() or default_author())
    with _readable(db), closing(connect(db, create=log_id is None)) as con:
        with _transaction(con):
            _with_author(con)
            if log_id is not None and _info(con).get("log_id") != log_id:
                raise LogProblem(f"the decision log {db.name} was replaced since the page "
                                 "checked it; nothing was written")
            if based_on is not ANY:
                con.row_factory = sqlite3.Row
                latest_row = con.execute(_LATEST_ON_SPAN,
                                         (article_sha, start, end, action == GRADE)).fetchone()
                con.row_factory = None
                if (latest_row["id"] if latest_row else None) != based_on:
                    raise Conflict(_decoded(dict(latest_row)))
            cur = con.execute(_INSERT, row)
            if cur.rowcount:
                return cur.lastrowid
            # The very same decision is already logged (same second, fields and note).
            return con.execute(
                'SELECT id FROM decisions WHERE article_sha = ? AND start = ? AND "end" = ? '
                "AND action = ? AND after = ? AND note = ? AND created_at = ?",
                (article_sha, start, end, action, row[7], row[8], created_at)).fetchone()[0]


def _decoded(row: dict) -> dict:
    row.setdefault("author", None)  # logs from before authors were recorded
    row["before"] = json.loads(row["before"]) if row["before"] else None
    row["after"] = json.loads(row["after"]) if row["after"] else {}
    return row


def load(db: Path) -> list[dict]:
    """Every decision, oldest first, with before/after decoded (nothing is written)."""
    if _shared(db):
        return _pg().load(db)
    if not db.exists():
        return []
    with _readable(db, "restore a backup from the banner at the top of the page, or with "
                       "python -m analysis.decisions restore"), \
            closing(connect(db, create=False)) as con:
        con.row_factory = sqlite3.Row
        try:
            rows = [dict(r) for r in con.execute("SELECT * FROM decisions ORDER BY id")]
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return []
            raise
    return [_decoded(r) for r in rows]


def latest_by_span(decisions: list[dict]) -> dict[tuple[str, int, int], dict]:
    """The decision in force per (article_sha, start, end)."""
    return {(d["article_sha"], d["start"], d["end"]): d for d in latest(decisions)}


def latest(decisions: list[dict]) -> list[dict]:
    """The review decision in force for each span: the last one taken (grades aside)."""
    current: dict[tuple, dict] = {}
    for d in sorted(decisions, key=lambda d: (d["created_at"], d.get("id") or 0)):
        if d["action"] == GRADE:
            continue
        current[(d["article_sha"], d["start"], d["end"])] = d
    return list(current.values())


def apply(figures: list[dict], decisions: list[dict], articles: dict[str, dict]) -> tuple[list[dict], list[dict]]:
    """Mentions with the decisions in force applied, and the decisions that found no span.

    `articles` maps article name → {"sha256", "text"}. Every mention gets a
    review_status: unreviewed, accepted, edited, added or rejected (rejected mentions
    stay, for provenance, but claims leave them out).
    """
    by_sha = {a["sha256"]: name for name, a in articles.items()}
    out = [dict(f, review_status="unreviewed", review_note=None) for f in figures]
    by_article: dict[str, list[dict]] = {}
    for f in out:
        by_article.setdefault(f["article"], []).append(f)
    orphans = []
    for d in decisions:  # a claim's grade is lost with its span, as a review decision is
        reason = _span_gone(d, articles, by_sha)[1] \
            if d["action"] == GRADE and not is_source_grade(d) else ""
        if reason:
            orphans.append(dict(d, reason=reason))
    for d in latest(decisions):
        name, reason = _span_gone(d, articles, by_sha)
        if reason:
            orphans.append(dict(d, reason=reason))
            continue
        text = articles[name]["text"]
        target = next((f for f in by_article.get(name, [])
                       if f["start"] < d["end"] and d["start"] < f["end"]), None)
        if target is None:
            if d["action"] == "reject":
                continue
            base = d["before"] or {}
            sentence, s_start, s_end = _sentence_around(text, d["start"], d["end"])
            target = {**{k: base.get(k) for k in EDITABLE}, "article": name,
                      "start": d["start"], "end": d["end"], "quote": d["quote"],
                      "mention_id": f"{name}:{d['start']}-{d['end']}",
                      "published": articles[name].get("published"), "sentence": sentence,
                      "sentence_start": s_start, "sentence_end": s_end}
            out.append(target)
            by_article.setdefault(name, []).append(target)
        if d["action"] in ("edit", "add"):
            target.update(d["after"])
        if d["action"] == "accept" and d["after"]:
            target.update(d["after"])
        if target.get("claimant_group") in (None, ""):
            target["claimant_group"] = "Unattributed"
        target["review_status"] = STATUS[d["action"]]
        target["review_note"] = d["note"] or None
    return out, orphans


def _span_gone(d: dict, articles: dict[str, dict], by_sha: dict[str, str]) -> tuple[str | None, str]:
    """The article holding a decision's span, and why not (empty when it does)."""
    name = by_sha.get(d["article_sha"])
    if name is None and d["article"] in articles:
        name = d["article"]  # edited since; the decision holds while its span does
    if name is None:
        return None, "its article is no longer in the corpus"
    if articles[name]["text"][d["start"]:d["end"]] != d["quote"]:
        return name, "the article's text changed and no longer holds that text at that place"
    return name, ""


def _sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The line-bounded sentence holding a span (for figures an analyst added)."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    while left < start and text[left].isspace():
        left += 1
    return text[left:right].strip(), left, left + len(text[left:right].strip())


# --- sharing decisions ------------------------------------------------------------------

def export_json(decisions: list[dict]) -> str:
    return json.dumps(decisions, ensure_ascii=False, indent=1, default=str)


def export_csv(decisions: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    for d in decisions:
        writer.writerow({**{k: d.get(k) for k in COLUMNS},
                         "before": json.dumps(d["before"], default=str) if d.get("before") else "",
                         "after": json.dumps(d["after"], default=str) if d.get("after") else ""})
    return buf.getvalue()


def parse_export(data: bytes, name: str) -> list[dict]:
    """Decisions from an exported JSON or CSV file; raises DecisionError naming the file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecisionError(f"{name}: not a UTF-8 text file") from exc
    try:
        if name.lower().endswith(".csv"):
            rows = list(csv.DictReader(io.StringIO(text)))
            for r in rows:
                r["before"] = json.loads(r["before"]) if r.get("before") else None
                r["after"] = json.loads(r["after"]) if r.get("after") else {}
        else:
            rows = json.loads(text)
        if not isinstance(rows, list):
            raise ValueError("expected a list of decisions")
        for r in rows:
            r["start"], r["end"] = int(r["start"]), int(r["end"])
            missing = [k for k in ("article", "article_sha", "quote", "action", "created_at") if not r.get(k)]
            if missing:
                raise ValueError(f"a decision lacks {', '.join(missing)}")
    except (ValueError, KeyError, TypeError) as exc:
        raise DecisionError(f"{name}: not a decisions file ({exc})") from exc
    return rows


def import_decisions(db: Path, rows: list[dict], log_id: str | None = None) -> int:
    """Add decisions from another desk; ones already here are skipped. Returns how many were
    new. `log_id` as for `record`."""
    if _shared(db):
        return _pg().import_decisions(db, rows, log_id)
    with _readable(db), closing(connect(db, create=log_id is None)) as con:
        with _transaction(con):
            if log_id is not None and _info(con).get("log_id") != log_id:
                raise LogProblem(f"the decision log {db.name} was replaced since the page "
                                 "checked it; nothing was imported")
            _with_author(con)
            before = con.execute("SELECT count(*) FROM decisions").fetchone()[0]
            for r in sorted(rows, key=lambda r: (r["created_at"], int(r.get("id") or 0))):
                after = _validate(r["action"], r.get("after"))
                con.execute(_INSERT, (
                    r["article"], r["article_sha"], r["start"], r["end"], r["quote"], r["action"],
                    json.dumps(r.get("before"), default=str) if r.get("before") else None,
                    json.dumps(after, default=str), r.get("note") or "", r["created_at"],
                    r.get("author") or None))
        return con.execute("SELECT count(*) FROM decisions").fetchone()[0] - before
