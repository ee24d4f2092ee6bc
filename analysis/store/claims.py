"""Grouping figure mentions into claims, as FIGURES.md defines them.

A claim is the set of mentions sharing measure, claimant group, value and bounds whose
claim dates lie no more than three days apart. Where a mention has no claim date its
article's published date stands in; a mention with neither joins its key's only dated
claim, since nothing shows it to be a different one, or forms an undated claim.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict

import pandas as pd

MAX_GAP = dt.timedelta(days=3)
# An article without a publisher is listed under this name in claims.publishers.
UNKNOWN_PUBLISHER = "unknown publisher"

FIGURE_COLUMNS = [
    "mention_id", "article", "value", "low", "high", "qualifier", "measure", "claimant",
    "claimant_group", "claim_date", "published", "quote", "sentence", "start", "end",
    "sentence_start", "sentence_end", "claim_id", "review_status", "review_note",
    "confidence", "confidence_reason",
]
CLAIM_COLUMNS = [
    "claim_id", "measure", "claimant_group", "claimant", "claimants", "value", "low", "high",
    "qualifier", "claim_date", "date", "date_basis", "n_articles", "n_mentions",
    "mention_ids", "articles", "publishers", "quote", "sentence", "n_reviewed", "reviewed",
    "superseded_by",
]


def claim_key(row: dict) -> tuple:
    return (row["measure"], row["claimant_group"], row["value"], row["low"], row["high"])


def _when(row: dict) -> tuple[dt.date | None, str | None]:
    if row.get("claim_date"):
        return _date(row["claim_date"]), "claim"
    if row.get("published"):
        return _date(row["published"]), "published"
    return None, None


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def cluster(rows: list[dict]) -> list[list[dict]]:
    """Split the mentions of one key into claims by date.

    >>> d = lambda s: {"claim_date": s, "published": None}
    >>> [len(c) for c in cluster([d("2024-12-23"), d("2024-12-26"), d("2025-01-20")])]
    [2, 1]
    >>> [len(c) for c in cluster([d("2024-12-23"), d(None)])]
    [2]
    """
    dated = sorted((r for r in rows if _when(r)[0]), key=lambda r: _when(r)[0])
    undated = [r for r in rows if not _when(r)[0]]
    groups: list[list[dict]] = []
    start: dt.date | None = None
    for row in dated:
        day = _when(row)[0]
        if groups and day - start <= MAX_GAP:
            groups[-1].append(row)
        else:
            groups.append([row])
            start = day
    if undated:
        if len(groups) == 1:
            groups[0].extend(undated)
        else:
            groups.append(undated)
    return groups


def _claim_id(key: tuple, first: dt.date | None) -> str:
    raw = "|".join(map(str, key)) + f"|{first}"
    return "c" + hashlib.sha1(raw.encode()).hexdigest()[:10]


def claims_of_key(key: tuple, rows: list[dict], publishers: dict[str, str | None]) -> list[dict]:
    """The claims of one key's mentions (not rejected ones), each mention given its
    claim_id. Mentions on the same day keep the order given: the build passes them in
    corpus order, so the claim's mention_ids list is stable."""
    claims = []
    for members in cluster(rows):
        dates = [_when(r) for r in members]
        stated = sorted(d for d, basis in dates if basis == "claim")
        published = sorted(d for d, basis in dates if basis == "published")
        first = stated[0] if stated else (published[0] if published else None)
        claim_id = _claim_id(key, first)
        for r in members:
            r["claim_id"] = claim_id
        articles = sorted({r["article"] for r in members})
        names = Counter(r["claimant"] for r in members if r["claimant"])
        lead = min(members, key=lambda r: (_when(r)[0] or dt.date.max, r["article"], r["start"]))
        claims.append({
            "claim_id": claim_id, "measure": key[0], "claimant_group": key[1],
            "claimant": names.most_common(1)[0][0] if names else None,
            "claimants": sorted(names), "value": key[2], "low": key[3], "high": key[4],
            "qualifier": lead["qualifier"], "claim_date": stated[0] if stated else None,
            "date": first, "date_basis": "claim" if stated else ("published" if first else None),
            "n_articles": len(articles), "n_mentions": len(members),
            "mention_ids": [r["mention_id"] for r in members], "articles": articles,
            "publishers": sorted({publishers.get(a) or UNKNOWN_PUBLISHER for a in articles}),
            "quote": lead["quote"], "sentence": lead["sentence"],
            "n_reviewed": sum(r["review_status"] != "unreviewed" for r in members),
            "reviewed": all(r["review_status"] != "unreviewed" for r in members),
            "superseded_by": None,  # set over a claimant's chain, across keys: superseded_by()
        })
    return claims


def group_claims(figures: list[dict], publishers: dict[str, str | None]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give each mention a claim_id and build one row per claim (rejected mentions get none)."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for row in figures:
        row.setdefault("review_status", "unreviewed")
        row.setdefault("review_note", None)
        if row["review_status"] == "rejected":
            row["claim_id"] = None
            continue
        by_key[claim_key(row)].append(row)
    claims = [c for key, rows in by_key.items() for c in claims_of_key(key, rows, publishers)]
    later = superseded_by(claims)
    for c in claims:
        c["superseded_by"] = later.get(c["claim_id"])
    figures_df = pd.DataFrame(figures, columns=FIGURE_COLUMNS)
    claims_df = pd.DataFrame(claims, columns=CLAIM_COLUMNS)
    for df in (figures_df, claims_df):
        for col in ("value", "low", "high"):
            df[col] = df[col].astype("float64")
    return figures_df, claims_df


def superseded_by(claims) -> dict[str, str | None]:
    """The claim that supersedes each claim (None for the latest), per (measure, claimant).

    Pass every claim of the (measure, claimant) keys to recompute (an ingest may pass only
    the keys it touched). Per key, claims are ordered by date (claim date, else published),
    then n_articles (the more widely reported claim of a day counts as the later one), then
    claim_id; each is superseded by the next. Claims without a date or without a claimant
    stand apart: they never supersede nor are superseded.

    >>> c = lambda i, d, n=1: {"claim_id": i, "measure": "killed", "claimant": "NIS",
    ...                        "date": d, "n_articles": n}
    >>> superseded_by([c("b", "2024-10-23"), c("a", "2024-10-18"), c("u", None)])
    {'b': None, 'a': 'b', 'u': None}
    >>> superseded_by([c("x", "2024-10-18", 3), c("y", "2024-10-18", 1)])
    {'x': None, 'y': 'x'}
    """
    claims = list(claims)
    by_key: dict[tuple, list] = defaultdict(list)
    out: dict[str, str | None] = {}
    for c in claims:
        if c.get("claimant") and not _missing(c.get("date")):
            by_key[(c["measure"], c["claimant"])].append(c)
        else:
            out[c["claim_id"]] = None
    for chain in by_key.values():
        chain.sort(key=lambda c: (_day(c["date"]), int(c.get("n_articles") or 0), c["claim_id"]))
        for earlier, later in zip(chain, chain[1:] + [None]):
            out[earlier["claim_id"]] = later["claim_id"] if later else None
    return {c["claim_id"]: out[c["claim_id"]] for c in claims}


def _day(value) -> dt.date:
    """A date from a date, a datetime or pandas Timestamp (claims read back from the store), or ISO text."""
    return value.date() if isinstance(value, dt.datetime) else _date(value)


def _missing(value) -> bool:
    return value is None or (not isinstance(value, (str, dt.date)) and pd.isna(value))
