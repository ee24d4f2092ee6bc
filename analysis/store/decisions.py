"""Analysts' review decisions: an append-only log in SQLite, and applying it to mentions.

Every decision (accept, reject, edit, add) is one row: what, before, after, when, note. It
is keyed to the article's content hash and the span, so it survives rebuilds and changes
to the extractor. SQLite is the log's home because it takes writers from several
processes at once (the dashboard's sessions and a command-line ingest) with its own
locking; the DuckDB store is rebuilt from it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

from analysis.extract.numbers import find_numbers

ACTIONS = ("accept", "reject", "edit", "add")
EDITABLE = ("value", "low", "high", "qualifier", "measure", "claimant", "claimant_group",
            "claim_date")
STATUS = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}
COLUMNS = ("id", "article", "article_sha", "start", "end", "quote", "action", "before",
           "after", "note", "created_at")

SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article TEXT NOT NULL, article_sha TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, quote TEXT NOT NULL, action TEXT NOT NULL,
    before TEXT, after TEXT, note TEXT, created_at TEXT NOT NULL,
    UNIQUE (article_sha, start, "end", action, after, note, created_at)
);
"""


_INSERT = ('INSERT OR IGNORE INTO decisions (article, article_sha, start, "end", quote, action, '
           "before, after, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")


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


class DecisionError(ValueError):
    """A decision that cannot be taken; the message says why."""


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA busy_timeout=30000")
    con.execute(SCHEMA)
    return con


def _validate(action: str, after: dict | None) -> dict:
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
           note: str = "", created_at: str | None = None) -> int:
    """Append one decision in its own transaction; returns its id."""
    after = _validate(action, after)
    if end <= start or not quote:
        raise DecisionError("choose a non-empty span of the article")
    created_at = created_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with closing(connect(db)) as con:
        with _transaction(con):
            cur = con.execute(_INSERT, (
                article, article_sha, start, end, quote, action,
                json.dumps(before, default=str) if before is not None else None,
                json.dumps(after, default=str), note or "", created_at))
        return cur.lastrowid


def load(db: Path) -> list[dict]:
    """Every decision, oldest first, with before/after decoded."""
    if not db.exists():
        return []
    with closing(connect(db)) as con:
        con.row_factory = sqlite3.Row
        rows = [dict(r) for r in con.execute("SELECT * FROM decisions ORDER BY id")]
    for r in rows:
        r["before"] = json.loads(r["before"]) if r["before"] else None
        r["after"] = json.loads(r["after"]) if r["after"] else {}
    return rows


def latest(decisions: list[dict]) -> list[dict]:
    """The decision in force for each span: the last one taken."""
    current: dict[tuple, dict] = {}
    for d in sorted(decisions, key=lambda d: (d["created_at"], d.get("id") or 0)):
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
    for d in latest(decisions):
        name = by_sha.get(d["article_sha"])
        if name is None and d["article"] in articles:
            name = d["article"]  # edited since; the decision holds while its span does
        if name is None:
            orphans.append(dict(d, reason="its article is no longer in the corpus"))
            continue
        text = articles[name]["text"]
        if text[d["start"]:d["end"]] != d["quote"]:
            orphans.append(dict(d, reason="the article's text changed and no longer holds "
                                          "that text at that place"))
            continue
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


def import_decisions(db: Path, rows: list[dict]) -> int:
    """Add decisions from another desk; ones already here are skipped. Returns how many were new."""
    with closing(connect(db)) as con:
        before = con.execute("SELECT count(*) FROM decisions").fetchone()[0]
        with _transaction(con):
            for r in sorted(rows, key=lambda r: (r["created_at"], int(r.get("id") or 0))):
                after = _validate(r["action"], r.get("after"))
                con.execute(_INSERT, (
                    r["article"], r["article_sha"], r["start"], r["end"], r["quote"], r["action"],
                    json.dumps(r.get("before"), default=str) if r.get("before") else None,
                    json.dumps(after, default=str), r.get("note") or "", r["created_at"]))
        return con.execute("SELECT count(*) FROM decisions").fetchone()[0] - before
