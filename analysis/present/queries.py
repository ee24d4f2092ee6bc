"""Read-only queries on the store: SQL only; labels and HTML live beside it.

Every function takes a DuckDB connection or cursor (the dashboard passes `con.cursor()`)
and returns plain Python or pandas values; nothing here imports Streamlit. Dates come back
as `datetime.date` (or None) and list columns as Python lists.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.extract.sentences import line_sentences
from analysis.extract.vocab import GROUPS, MEASURES
from analysis.present.labels import (ACTION_LABELS, changes_text, fields_text, grade_code,
                                     grade_text, is_missing, measure_label)
from analysis.store.claims import UNKNOWN_PUBLISHER
from analysis.store.derived import listed

# --- filters -------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    """What the analyst asked for. Empty tuples and None mean "no restriction"."""
    measures: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    publishers: tuple[str, ...] = ()
    text: str = ""
    reviewed_only: bool = False
    # Admiralty grades: "B" keeps claims whose claimant is graded A or B; 2 keeps claims
    # graded credibility 1 or 2 (F and 6, "cannot be judged", are never "or better").
    reliability_at_least: str | None = None
    credibility_at_least: int | None = None

    def describe(self) -> str:
        """One line naming the active filters, for chart subtitles.

        >>> Filters().describe()
        'All figures (no filters)'
        >>> Filters(measures=("killed",), groups=("Ukraine", "Russia"),
        ...         date_from=dt.date(2024, 10, 1), text="kursk").describe()
        "Measure: Killed · Claimants: Ukraine, Russia · From 2024-10-01 · Text: 'kursk'"
        >>> Filters(reviewed_only=True).describe()
        'Reviewed only'
        """
        parts = []
        if self.measures:
            parts.append(("Measure: " if len(self.measures) == 1 else "Measures: ")
                         + ", ".join(measure_label(m) for m in self.measures))
        if self.groups:
            parts.append("Claimants: " + ", ".join(self.groups))
        if self.date_from and self.date_to:
            parts.append(f"Dates {self.date_from} to {self.date_to}")
        elif self.date_from:
            parts.append(f"From {self.date_from}")
        elif self.date_to:
            parts.append(f"Up to {self.date_to}")
        if self.publishers:
            parts.append("Publishers: " + ", ".join(self.publishers))
        if self.text.strip():
            parts.append(f"Text: '{self.text.strip()}'")
        if self.reviewed_only:
            parts.append("Reviewed only")
        if self.reliability_at_least:
            parts.append(f"Sources graded {self.reliability_at_least} or better")
        if self.credibility_at_least:
            parts.append(f"Claims graded {self.credibility_at_least} or better")
        return " · ".join(parts) if parts else "All figures (no filters)"


@dataclass
class FilterOptions:
    measures: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    min_date: dt.date | None = None
    max_date: dt.date | None = None


# A claim matches the text filter when any of its mentions does: the mention's claimant,
# quote or sentence, or its article's title. (A claim row holds only its lead sentence.)
# `{esc}` is the ESCAPE clause the needle needs (see _escape).
_CLAIM_TEXT = """claim_id IN (
    SELECT f.claim_id FROM figures f
    WHERE f.claim_id IS NOT NULL AND (f.sentence ILIKE ?{esc} OR f.quote ILIKE ?{esc}
       OR f.claimant ILIKE ?{esc}
       OR f.article IN (SELECT article FROM articles WHERE title ILIKE ?{esc})))
    OR claimant_group ILIKE ?{esc}"""

# The same, for a needle without a space: a claim's distinct words (claim_words, see
# analysis/store/derived.py) hold it exactly when one of those texts does, in half the
# text and one row per claim (the ILIKE over 850,000 sentences was most of a filtered run).
_CLAIM_WORDS = """claim_id IN (SELECT claim_id FROM claim_words WHERE words ILIKE ?{esc})
    OR claimant_group ILIKE ?{esc}"""

_SPECIAL = re.compile(r"[\\%_]")


def _like(needle: str) -> str:
    """An ILIKE pattern (escape character \\) finding `needle` anywhere.

    >>> _like("100%_")
    '%100\\\\%\\\\_%'
    """
    return "%" + _SPECIAL.sub(r"\\\g<0>", needle) + "%"


def _escape(needle: str) -> str:
    """The ESCAPE clause `_like(needle)` needs: none when the needle holds no \\ % or _
    (an ILIKE with ESCAPE took twice as long over 850,000 sentences).

    >>> _escape("kursk"), _escape("100%")
    ('', " ESCAPE '\\\\'")
    """
    return " ESCAPE '\\'" if _SPECIAL.search(needle) else ""


# --- source grades (Admiralty): decisions of action "grade", the latest per subject holds

SOURCE_GRADES = """
SELECT quote AS claimant, json_extract_string(after, '$.reliability') AS reliability,
       note AS reliability_note, author AS reliability_by, created_at AS reliability_at,
       id AS reliability_id
FROM decisions WHERE action = 'grade' AND starts_with(article_sha, 'source:')
QUALIFY row_number() OVER (PARTITION BY article_sha ORDER BY created_at DESC, id DESC) = 1
"""
# A claim's grade is taken on one of its mentions' spans; it follows that mention.
CLAIM_GRADES = """
SELECT f.claim_id, CAST(json_extract_string(d.after, '$.credibility') AS INTEGER) AS credibility,
       d.note AS credibility_note, d.author AS credibility_by, d.created_at AS credibility_at,
       d.id AS credibility_id
FROM decisions d JOIN articles a ON a.sha256 = d.article_sha OR a.article = d.article
JOIN figures f ON f.article = a.article AND f."start" = d."start" AND f."end" = d."end"
WHERE d.action = 'grade' AND d.orphan_reason IS NULL AND f.claim_id IS NOT NULL
  AND NOT starts_with(d.article_sha, 'source:')
QUALIFY row_number() OVER (PARTITION BY f.claim_id ORDER BY d.created_at DESC, d.id DESC) = 1
"""


def source_grades(con) -> pd.DataFrame:
    """Each graded claimant's reliability in force, with its note, author and time."""
    return _frame(con.execute(f"SELECT * FROM ({SOURCE_GRADES}) ORDER BY claimant"))


def claim_grades(con) -> pd.DataFrame:
    """Each graded claim's credibility in force, with its note, author and time."""
    return _frame(con.execute(f"SELECT * FROM ({CLAIM_GRADES}) ORDER BY claim_id"))


def graded(con, claims_df: pd.DataFrame) -> pd.DataFrame:
    """The claims with their grades: reliability, credibility and `grade` (e.g. B2, or ""
    when ungraded); labels.grade_label(claimant, reliability, credibility) names them."""
    out = claims_df.copy()
    rel = dict(con.execute(f"SELECT claimant, reliability FROM ({SOURCE_GRADES})").fetchall())
    cred = dict(con.execute(f"SELECT claim_id, credibility FROM ({CLAIM_GRADES})").fetchall())
    rels = [rel.get(c) for c in out["claimant"].tolist()]
    creds = [cred.get(c) for c in out["claim_id"].tolist()]
    # object columns, so an ungraded claim reads None (not NaN) like the other missing cells
    out["reliability"] = pd.Series(rels, index=out.index, dtype=object)
    out["credibility"] = pd.Series(creds, index=out.index, dtype=object)
    codes: dict[tuple, str] = {}  # a few grade pairs among thousands of rows: each coded once
    out["grade"] = [codes[p] if p in codes else codes.setdefault(p, grade_code(*p))
                    for p in zip(rels, creds)]
    return out


def _where(f: Filters, *, date: str, publisher: str, text_cols: tuple[str, ...] = (),
           reviewed: str, text_sql: str | None = None) -> tuple[str, list]:
    """SQL conditions and parameters for a filter; `publisher` is a SQL list expression,
    `reviewed` a SQL condition true for rows an analyst has reviewed; `text_sql`, when
    given, is the text condition with one `?` per place its ILIKE pattern goes."""
    sql, params = [], []
    if f.reviewed_only:
        sql.append(f"({reviewed})")
    if f.measures:
        sql.append("list_contains(?, measure)")
        params.append(list(f.measures))
    if f.groups:
        sql.append("list_contains(?, claimant_group)")
        params.append(list(f.groups))
    if f.date_from:
        sql.append(f"{date} >= ?")
        params.append(f.date_from)
    if f.date_to:
        sql.append(f"{date} <= ?")
        params.append(f.date_to)
    if f.publishers:
        sql.append(f"list_has_any({publisher}, ?)")
        params.append(list(f.publishers))
    if f.reliability_at_least:
        sql.append(f"claimant IN (SELECT claimant FROM ({SOURCE_GRADES}) WHERE reliability <= ?)")
        params.append(f.reliability_at_least)
    if f.credibility_at_least:
        sql.append(f"claim_id IN (SELECT claim_id FROM ({CLAIM_GRADES}) WHERE credibility <= ?)")
        params.append(int(f.credibility_at_least))
    needle = f.text.strip().lower()
    if needle and text_sql:
        sql.append(f"({text_sql.format(esc=_escape(needle))})")
        params.extend([_like(needle)] * text_sql.count("?"))
    elif needle:
        sql.append("(" + " OR ".join(f"contains(lower(coalesce({c}, '')), ?)" for c in text_cols) + ")")
        params.extend([needle] * len(text_cols))
    return (" WHERE " + " AND ".join(sql)) if sql else "", params


def _frame(result) -> pd.DataFrame:
    """A DuckDB result as a DataFrame with date cells as `date` and lists as lists."""
    df = result.df()
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]):
            df[col] = pd.Series([None if pd.isna(v) else v.date() for v in df[col]],
                                index=df.index, dtype=object)
        elif df[col].dtype == object and len(df) and any(hasattr(v, "tolist") for v in df[col]):
            df[col] = [v.tolist() if hasattr(v, "tolist") else v for v in df[col]]
    return df


def _one(df: pd.DataFrame) -> dict | None:
    if df.empty:
        return None
    row = df.iloc[0].to_dict()
    return {k: (None if is_missing(v) else v) for k, v in row.items()}


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts with missing cells (NaN, NaT, None) as None."""
    return [{k: (None if is_missing(v) else v) for k, v in r.items()} for r in df.to_dict("records")]


# Measures in vocabulary order, then by date; the list is the query's last parameter.
_MEASURE_ORDER = "coalesce(list_position(?, measure), 1000), measure"


def claims_where(filters: Filters) -> tuple[str, list]:
    """The sidebar's filters on the claims table: a WHERE clause and its parameters."""
    text_sql = _CLAIM_TEXT if " " in filters.text.strip() else _CLAIM_WORDS
    return _where(filters, date="date", publisher="publishers", text_sql=text_sql,
                  reviewed="coalesce(reviewed, false)")


def _and(where: str, condition: str) -> str:
    """A WHERE clause of `claims_where` with one more condition."""
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


def claims(con, filters: Filters = Filters(), *, limit: int | None = None,
           offset: int = 0, ids: list[str] | None = None) -> pd.DataFrame:
    """Claims matching the filters, by measure (vocabulary order), oldest first; a page of
    them when `limit` is given; only those of `ids` when given."""
    where, params = claims_where(filters)
    if ids is not None:
        where, params = _and(where, f"claim_id IN {listed(ids)}"), [*params, *ids]
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    return _frame(con.execute(
        f"SELECT * FROM claims{where} ORDER BY {_MEASURE_ORDER}, date NULLS LAST, value, "
        f"claimant_group, claim_id{page}", [*params, list(MEASURES)]))


def count_claims(con, filters: Filters = Filters()) -> int:
    where, params = claims_where(filters)
    return con.execute(f"SELECT count(*) FROM claims{where}", params).fetchone()[0]


def count_mentions(con, filters: Filters = Filters()) -> int:
    where, params = _mentions_where(filters)
    return con.execute(f"SELECT count(*) FROM ({_MENTIONS}){where}", params).fetchone()[0]


def claimant_names(con, filters: Filters = Filters()) -> list[str]:
    """The named claimants of the matching claims, sorted (blank names left out)."""
    where, params = claims_where(filters)
    where = _and(where, "trim(coalesce(claimant, '')) != ''")
    return [r[0] for r in con.execute(
        f"SELECT DISTINCT claimant FROM claims{where} ORDER BY claimant", params).fetchall()]


def claim_measures(con, filters: Filters = Filters()) -> list[str]:
    """The measures the filtered claims hold, in vocabulary order."""
    where, params = claims_where(filters)
    return [r[0] for r in con.execute(
        f"SELECT DISTINCT measure, {_MEASURE_ORDER} FROM claims{where} ORDER BY {_MEASURE_ORDER}",
        [list(MEASURES), *params, list(MEASURES)]).fetchall()]


# --- summaries: one row per claimant or group ------------------------------------------

# Who a summary row stands for. Claimant: the claim's claimant within its group (a claim
# without a named claimant counts under "" in its group); group: the claimant group.
SUMMARY_BY = {"claimant": "coalesce(claimant, '')", "group": "claimant_group"}

# The latest claim of each claimant (per measure): a claimant's claims ordered by `date`
# (claim date, else published) ascending, ties broken by n_articles then claim_id; the last
# is the latest. Undated claims sort first (as the year 1), so they never supersede a dated
# one. Selects the claim_id of each latest claim from `{shown}` (a SQL source with a `who`
# column).
# The claims table's `superseded_by` column (another branch) encodes the same rule over
# the whole store; this query ranks within the filtered claims.
LATEST_PER_CLAIMANT = """
SELECT arg_max(claim_id, (coalesce(date, DATE '0001-01-01'), n_articles, claim_id)) AS claim_id
FROM {shown} GROUP BY measure, claimant_group, who
"""

_SUMMARY = """
WITH shown AS MATERIALIZED (
    SELECT claim_id, measure, claimant_group, claimant, {who} AS who, value, low, high, date,
           n_articles, n_mentions, reviewed, publishers
    FROM claims{where}),
spread AS (
    SELECT measure, claimant_group, who, count(*) AS n_claims,
           min(coalesce(low, value)) AS band_low, max(coalesce(high, value)) AS band_high,
           sum(n_mentions) AS n_mentions_all,
           count(*) FILTER (WHERE coalesce(reviewed, false)) AS n_claims_reviewed,
           list(DISTINCT claimant ORDER BY claimant) FILTER (WHERE claimant IS NOT NULL) AS claimants_all
    FROM shown GROUP BY measure, claimant_group, who),
-- distinct citing articles per row and per measure, exactly, as one bitmap of the
-- articles' numbers per row, OR-ed per measure: one pass over the claims' lists of their
-- articles' numbers (the store's claim_article_nos; {last} is the largest number), where
-- two distinct counts of the names took twice as long, and the bitmaps of the names'
-- row ids in `articles` 177 ms CPU at 100,000 articles to these lists' 74. The rows are
-- keyed by an integer through the join: carrying their three strings cost a fifth more.
rows_k AS (SELECT *, row_number() OVER () AS k FROM (SELECT DISTINCT measure, claimant_group, who FROM shown)),
row_bits AS (
    SELECT r.measure, r.claimant_group, r.who, b.bits
    FROM (SELECT u.k, bitstring_agg(u.no, 0, {last}) AS bits
          FROM (SELECT r.k, unnest(n.nos) AS no
                FROM shown s JOIN rows_k r USING (measure, claimant_group, who)
                JOIN claim_article_nos n USING (claim_id)) u
          GROUP BY u.k) b
    JOIN rows_k r USING (k)),
cited AS (
    SELECT measure, claimant_group, who, bit_count(bits) AS n_articles_all, 0 AS per_measure
    FROM row_bits
    UNION ALL
    SELECT measure, NULL, NULL, bit_count(bit_or(bits)), 1 FROM row_bits GROUP BY measure),
cited_all AS (SELECT bit_count(bit_or(bits)) AS n FROM row_bits),
-- keyed by the integer too, each row's publishers made distinct before they are listed
-- (67 -> 40 ms CPU at 100,000 articles)
published AS (
    SELECT r.measure, r.claimant_group, r.who, p.publishers_all
    FROM (SELECT k, list(publisher ORDER BY publisher) AS publishers_all
          FROM (SELECT DISTINCT r.k, unnest(s.publishers) AS publisher
                FROM shown s JOIN rows_k r USING (measure, claimant_group, who))
          GROUP BY k) p
    JOIN rows_k r USING (k)),
latest AS (SELECT s.claim_id, s.who FROM shown s WHERE s.claim_id IN ({latest}))
SELECT c.* EXCLUDE (mention_ids), l.who, s.n_claims, s.band_low, s.band_high,
       coalesce(a.n_articles_all, 0) AS n_articles_all,
       coalesce(m.n_articles_all, 0) AS n_articles_measure,
       (SELECT n FROM cited_all) AS n_articles_matching,
       coalesce(p.publishers_all, []) AS publishers_all,
       coalesce(s.claimants_all, []) AS claimants_all, s.n_mentions_all, s.n_claims_reviewed
FROM latest l JOIN claims c USING (claim_id)
     JOIN spread s ON s.measure = c.measure AND s.claimant_group = c.claimant_group AND s.who = l.who
     LEFT JOIN cited a ON a.measure = c.measure AND a.claimant_group = c.claimant_group
                          AND a.who = l.who AND a.per_measure = 0
     LEFT JOIN cited m ON m.measure = c.measure AND m.per_measure = 1
     LEFT JOIN published p ON p.measure = c.measure AND p.claimant_group = c.claimant_group AND p.who = l.who
ORDER BY {order}, c.date NULLS LAST, c.value, c.claimant_group, l.who
"""


def _summary_sql(con, filters: Filters, by: str) -> tuple[str, list]:
    if by not in SUMMARY_BY:
        raise ValueError(f"unknown summary {by!r}; choose one of {', '.join(SUMMARY_BY)}")
    where, params = claims_where(filters)
    last = con.execute("SELECT coalesce(max(no), 0) FROM article_nos").fetchone()[0]
    sql = _SUMMARY.format(where=where, who=SUMMARY_BY[by], last=int(last),
                          latest=LATEST_PER_CLAIMANT.format(shown="shown"),
                          order=_MEASURE_ORDER.replace("measure", "c.measure"))
    return sql, [*params, list(MEASURES)]


def latest_per_claimant(con, filters: Filters = Filters(), by: str = "claimant") -> pd.DataFrame:
    """The latest matching claim of each claimant (or claimant group) per measure."""
    where, params = claims_where(filters)
    shown = f"(SELECT *, {SUMMARY_BY[by]} AS who FROM claims{where})"
    return _frame(con.execute(
        f"SELECT * FROM claims WHERE claim_id IN ({LATEST_PER_CLAIMANT.format(shown=shown)}) "
        "ORDER BY measure, claimant_group, claim_id", params))


def claim_summary(con, filters: Filters = Filters(), by: str = "claimant",
                  measure: str | None = None) -> pd.DataFrame:
    """One row per measure and claimant (`by="claimant"`) or claimant group (`by="group"`)
    over the matching claims: every column of its latest claim but mention_ids (see
    LATEST_PER_CLAIMANT),
    plus `who` (the claimant, "" when unnamed; the group in group mode), `n_claims`, the band of
    its claims (`band_low` = min low/value, `band_high` = max high/value), `n_articles_all`
    (distinct citing articles of all its claims), `n_articles_measure` (the same over every
    row of its measure), `n_articles_matching` (over every row), `publishers_all`,
    `claimants_all` (the
    claimant names of its claims),
    `n_mentions_all` and `n_claims_reviewed`."""
    if measure is not None:
        filters = Filters(**{**filters.__dict__, "measures": (measure,)})
    sql, params = _summary_sql(con, filters, by)
    return _frame(con.execute(sql, params))


def claims_of(con, filters: Filters, measure: str, group: str, who: str | None = None, *,
              limit: int = 20, offset: int = 0) -> pd.DataFrame:
    """One page of the matching claims of a claimant (`who`, "" for unnamed) or, when
    `who` is None, of a whole claimant group: most-cited first, then newest."""
    where, params = claims_where(Filters(**{**filters.__dict__, "measures": (measure,),
                                             "groups": (group,)}))
    if who is not None:
        where += " AND coalesce(claimant, '') = ?"
        params.append(who)
    return _frame(con.execute(
        f"SELECT * FROM claims{where} ORDER BY n_articles DESC, date DESC NULLS LAST, claim_id "
        f"LIMIT {int(limit)} OFFSET {int(offset)}", params))


def sources(con, filters: Filters = Filters(), *, dated_only: bool = False) -> dict:
    """What a chart of the matching claims rests on, for its footnote: `n_claims`,
    `n_articles` (distinct citing articles), `claimants` and `publishers` (sorted names)."""
    where, params = claims_where(filters)
    if dated_only:
        where = _and(where, "date IS NOT NULL")
    n_claims, claimants, n_articles, publishers = con.execute(
        f"WITH shown AS MATERIALIZED (SELECT claim_id, claimant, publishers FROM claims{where}) "
        "SELECT (SELECT count(*) FROM shown), "
        "(SELECT list(DISTINCT claimant ORDER BY claimant) FROM shown WHERE claimant IS NOT NULL), "
        # the articles' numbers (derived.py), not their names: integers count faster
        "(SELECT count(DISTINCT no) FROM (SELECT unnest(n.nos) AS no FROM shown "
        "JOIN claim_article_nos n USING (claim_id))), "
        "(SELECT list(DISTINCT publisher ORDER BY publisher) FROM "
        "(SELECT unnest(publishers) AS publisher FROM shown) WHERE publisher IS NOT NULL)",
        params).fetchone()
    return {"n_claims": n_claims, "n_articles": n_articles, "claimants": claimants or [],
            "publishers": publishers or []}


# --- timeline bins -----------------------------------------------------------------

# Bin width by the span of the dated claims shown: a day up to three months, a week up to
# two years, else a month; so a panel never holds more than about a hundred bins.
BIN_UNITS = ((92, "day"), (731, "week"))


def bin_unit(first: dt.date | None, last: dt.date | None) -> str:
    """The bin width for claims dated `first` to `last`.

    >>> bin_unit(dt.date(2024, 10, 1), dt.date(2024, 12, 1)), bin_unit(dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    ('day', 'week')
    """
    span = (last - first).days if first and last else 0
    return next((unit for days, unit in BIN_UNITS if span <= days), "month")


def dated_claims_extent(con, filters: Filters = Filters()) -> tuple[int, dt.date | None, dt.date | None]:
    """How many matching claims carry a date, and the first and last date."""
    where, params = claims_where(filters)
    where = _and(where, "date IS NOT NULL")
    n, first, last = con.execute(f"SELECT count(*), min(date), max(date) FROM claims{where}",
                                 params).fetchone()
    return n, first, last


def timeline_bins(con, filters: Filters = Filters(), unit: str | None = None) -> pd.DataFrame:
    """Dated matching claims binned by `unit` (day, week or month; by default chosen from
    their span) per measure and claimant group: `bin` (its first day), `bin_end`, `n`,
    `low`/`high` (min and max value), `median` and `n_published` (dated by publication)."""
    n, first, last = dated_claims_extent(con, filters)
    unit = unit or bin_unit(first, last)
    if unit not in ("day", "week", "month"):
        raise ValueError(f"unknown bin {unit!r}")
    where, params = claims_where(filters)
    where = _and(where, "date IS NOT NULL")
    df = _frame(con.execute(
        f"SELECT measure, claimant_group, CAST(date_trunc('{unit}', date) AS DATE) AS bin, "
        f"CAST(date_trunc('{unit}', date) + INTERVAL 1 {unit} - INTERVAL 1 day AS DATE) AS bin_end, "
        "count(*) AS n, min(value) AS low, max(value) AS high, median(value) AS median, "
        "count(*) FILTER (WHERE date_basis = 'published') AS n_published "
        f"FROM claims{where} GROUP BY measure, claimant_group, bin, bin_end "
        f"ORDER BY {_MEASURE_ORDER}, claimant_group, bin",
        [*params, list(MEASURES)]))
    df.attrs["unit"] = unit
    return df


# --- search pickers ------------------------------------------------------------------

SEARCH_LIMIT = 20


def _number(token: str) -> float | None:
    """A search token read as a number: 3000, 3,000, 3.000, 3k.

    >>> _number("3,000"), _number("3k"), _number("Kursk")
    (3000.0, 3000.0, None)
    """
    t = token.lower().replace(",", "").replace("_", "")
    scale = 1000 if t.endswith("k") else 1
    t = t.rstrip("k")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    try:
        return float(t) * scale
    except ValueError:
        return None


def _search_terms(query: str, *, numbers: tuple[str, ...], names: tuple[tuple[str, int], ...],
                  texts: tuple[str, ...]) -> tuple[list[str], list]:
    """One SQL score per token of `query` and their parameters. A token scores its best
    match: a number equal to a value or bound 8; a name (with its weight w) equal to the
    token w, containing it w/2; a text containing it 1."""
    terms, params = [], []
    for token in query.lower().split()[:8]:
        number = _number(token)
        parts = []
        if number is not None and numbers:
            parts.append("CASE WHEN " + " OR ".join(f"{c} = ?" for c in numbers) + " THEN 8 ELSE 0 END")
            params += [number] * len(numbers)
        pattern = _like(token)
        for c, weight in names:
            parts.append(f"CASE WHEN lower({c}) = ? THEN {weight} "
                         f"WHEN {c} ILIKE ?{_escape(token)} THEN {weight / 2} ELSE 0 END")
            params += [token, pattern]
        for c in texts:
            parts.append(f"CASE WHEN {c} ILIKE ?{_escape(token)} THEN 1 ELSE 0 END")
            params.append(pattern)
        terms.append("greatest(" + ", ".join(parts) + ")")
    return terms, params


def _ranked(con, source: str, params: list, key: str, order: list[str], terms: list[str],
            term_params: list, limit: int) -> pd.DataFrame:
    """The rows of `source` (SQL; `params` its parameters) that match every term, best
    score first then by `order`, at most `limit`; with no terms, the first by `order`.
    Scores are computed on the key and order columns only, the full rows read for the few
    kept."""
    cols = [key] + [c.split()[0] for c in order if c.split()[0] != key]
    named = [f"({t}) AS t{i}" for i, t in enumerate(terms)]
    score = " + ".join(f"t{i}" for i in range(len(terms))) or "0"
    keep = f"WHERE least({', '.join(f't{i}' for i in range(len(terms)))}) > 0" if terms else ""
    ranking = ", ".join(["score DESC", *order])
    sql = (f"WITH scored AS (SELECT {', '.join(cols + named)} FROM {source}), "
           f"top AS (SELECT {', '.join(cols)}, {score} AS score FROM scored {keep} "
           f"ORDER BY {ranking} LIMIT {int(limit)}) "
           f"SELECT s.* FROM top JOIN {source} s "
           f"USING ({key}) ORDER BY {', '.join(['top.score DESC', *[f'top.{c}' for c in order]])}")
    return _frame(con.execute(sql, [*term_params, *params, *params]))


def search_claims(con, query: str, filters: Filters = Filters(), limit: int = SEARCH_LIMIT) -> pd.DataFrame:
    """At most `limit` matching claims ranked for `query` (words, a claimant, a value):
    every word must match, the most cited first among equals; with no query, the newest
    (the most cited may be cited hundreds of times: a heavy page to open by default)."""
    where, params = claims_where(filters)
    terms, tparams = _search_terms(query, numbers=("value", "low", "high"),
                                   names=(("claimant", 6), ("claimant_group", 4),
                                          ("array_to_string(claimants, ' | ')", 5)),
                                   texts=("quote", "sentence"))
    order = ["n_articles DESC", "date DESC NULLS LAST", "claim_id"] if terms else \
        ["date DESC NULLS LAST", "n_articles DESC", "claim_id"]
    return _ranked(con, f"(SELECT * FROM claims{where})", params, "claim_id", order, terms,
                   tparams, limit)


def search_mentions(con, query: str, filters: Filters = Filters(), limit: int = SEARCH_LIMIT) -> pd.DataFrame:
    """At most `limit` matching mentions ranked for `query` (words of the quote, sentence
    or article title, a claimant, a value); with no query, the newest."""
    where, params = _mentions_where(filters)
    terms, tparams = _search_terms(query, numbers=("value", "low", "high"),
                                   names=(("claimant", 6), ("claimant_group", 4)),
                                   texts=("quote", "sentence", "title"))
    return _ranked(con, f"(SELECT * FROM ({_MENTIONS}){where})", params, "mention_id",
                   ["date DESC NULLS LAST", "article", "start", "mention_id"], terms, tparams, limit)


def search_articles(con, query: str, limit: int = SEARCH_LIMIT) -> pd.DataFrame:
    """At most `limit` articles ranked for `query` (title, publisher, file name); with no
    query, the newest. Columns: article, title, publisher, published, url, n_mentions."""
    terms, tparams = _search_terms(query, numbers=(), names=(("publisher", 6), ("article", 6)),
                                   texts=("title",))
    source = "(SELECT article, title, publisher, published, url FROM articles)"
    found = _ranked(con, source, [], "article", ["published DESC NULLS LAST", "article"],
                    terms, tparams, limit)
    # counted for the few found only (a count per article of the store was most of the time)
    counts = dict(con.execute(
        "SELECT article, count(*) FROM figures WHERE article IN (SELECT unnest(?)) GROUP BY article",
        [list(found["article"])]).fetchall()) if len(found) else {}
    return found.assign(n_mentions=[counts.get(a, 0) for a in found["article"]])


# A mention's date: its claim date, else its article's published date.
_DATED_FIGURES = """
SELECT *, coalesce(claim_date, published) AS date,
       CASE WHEN claim_date IS NOT NULL THEN 'claim'
            WHEN published IS NOT NULL THEN 'published' END AS date_basis
FROM figures"""

_MENTIONS = """
SELECT f.*, a.title, coalesce(a.publisher, '{unknown}') AS publisher, a.url
FROM ({dated}) f LEFT JOIN articles a USING (article)
""".format(unknown=UNKNOWN_PUBLISHER, dated=_DATED_FIGURES)


def _mentions_where(filters: Filters) -> tuple[str, list]:
    return _where(filters, date="date", publisher="[publisher]",
                  text_cols=("claimant", "quote", "sentence", "title"),
                  reviewed="coalesce(review_status, 'unreviewed') != 'unreviewed'")


def mentions(con, filters: Filters = Filters(), *, limit: int | None = None,
             offset: int = 0) -> pd.DataFrame:
    """Figure mentions matching the filters, with their article's title, publisher and URL;
    a page of them when `limit` is given."""
    where, params = _mentions_where(filters)
    order = f"{_MEASURE_ORDER}, date NULLS LAST, article, start, mention_id"
    if limit is None:
        return _frame(con.execute(f"SELECT * FROM ({_MENTIONS}){where} ORDER BY {order}",
                                  [*params, list(MEASURES)]))
    # The page's ids first, sorted on the order's columns alone, then their full rows, one
    # placeholder an id: DuckDB pushes such a list into the scan and reads the other
    # columns of the matches only. Sorting every column took 250 ms of CPU for the first
    # page at 100,000 articles, a list parameter (`IN (SELECT unnest(?))`) 300 (it read
    # every row group's sentences), the two steps 180. (On claims, 65,620 rows, the
    # placeholders were slower than one query.)
    # (a filter on no article column needs no join to the articles: 30 ms less)
    keys = _MENTIONS if filters.text.strip() or filters.publishers else _DATED_FIGURES
    ids = [r[0] for r in con.execute(
        f"SELECT mention_id FROM ({keys}){where} ORDER BY {order} "
        f"LIMIT {int(limit)} OFFSET {int(offset)}", [*params, list(MEASURES)]).fetchall()]
    return _frame(con.execute(
        f"SELECT * FROM ({_MENTIONS}) WHERE mention_id IN {listed(ids)} "
        f"ORDER BY {order}", [*ids, list(MEASURES)]))


def claim(con, claim_id: str) -> dict | None:
    return _one(_frame(con.execute("SELECT * FROM claims WHERE claim_id = ?", [claim_id])))


def mention(con, mention_id: str) -> dict | None:
    return _one(_frame(con.execute(f"SELECT * FROM ({_MENTIONS}) WHERE mention_id = ?",
                                   [mention_id])))


def mentions_of_claim(con, claim_id: str, *, limit: int | None = None, offset: int = 0,
                      except_mention: str | None = None) -> pd.DataFrame:
    """Every mention grouped into a claim (but `except_mention`), one article after
    another, the first report first; one page of them when `limit` is given."""
    order = "date NULLS LAST, article, start, mention_id"
    if limit is None:
        return _frame(con.execute(
            f"SELECT * FROM ({_MENTIONS}) WHERE claim_id = ? AND mention_id IS DISTINCT FROM ? "
            f"ORDER BY {order}", [claim_id, except_mention]))
    # The page's ids from the figures alone, then their full rows (2.4 times faster for a
    # claim of 2,900 mentions).
    return _frame(con.execute(
        f"SELECT * FROM ({_MENTIONS}) WHERE mention_id IN (SELECT mention_id FROM "
        "(SELECT mention_id, article, start, coalesce(claim_date, published) AS date FROM figures "
        "WHERE claim_id = ? AND mention_id IS DISTINCT FROM ?) "
        f"ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}) ORDER BY {order}",
        [claim_id, except_mention]))


def claim_spans(con, claim_id: str) -> list[dict]:
    """The spans of a claim's mentions (mention_id, article, start, end, quote,
    review_status), without their articles' rows: what its review history and grade need."""
    return records(_frame(con.execute(
        'SELECT mention_id, article, "start", "end", quote, review_status FROM figures '
        'WHERE claim_id = ? ORDER BY article, "start", mention_id', [claim_id])))


def article(con, name: str) -> dict | None:
    return _one(_frame(con.execute("SELECT * FROM articles WHERE article = ?", [name])))


def articles_named(con, names, columns: str = "*") -> dict[str, dict]:
    """The articles of these names by name, from one query (a page of cards needs many);
    `columns` (SQL, `article` among them) limits what is read. Unknown names are left out."""
    names = list(dict.fromkeys(n for n in names if n))
    if not names:
        return {}
    df = _frame(con.execute(
        f"SELECT {columns} FROM articles WHERE article IN (SELECT unnest(?))", [names]))
    return {r["article"]: r for r in records(df)}


def counts(con) -> dict[str, int]:
    """Rows in each table: {'articles': .., 'figures': .., 'claims': ..}."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "figures", "claims")}


def filter_options(con) -> FilterOptions:
    """The values the sidebar can offer, in vocabulary order where there is one."""
    present = {r[0] for r in con.execute("SELECT DISTINCT measure FROM claims").fetchall()}
    groups = {r[0] for r in con.execute("SELECT DISTINCT claimant_group FROM claims").fetchall()}
    publishers = sorted(r[0] for r in con.execute(
        "SELECT DISTINCT unnest(publishers) FROM claims").fetchall() if r[0])
    low, high = con.execute("SELECT min(date), max(date) FROM claims").fetchone()
    return FilterOptions(
        measures=[m for m in MEASURES if m in present] + sorted(m for m in present - set(MEASURES) if m),
        groups=[g for g in GROUPS if g in groups] + sorted(g for g in groups - set(GROUPS) if g),
        publishers=publishers, min_date=low, max_date=high)


# --- review --------------------------------------------------------------------------


def _decoded(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def decisions(con, *, orphans_only: bool = False) -> pd.DataFrame:
    """The review decisions the store was built with (orphan_reason set when their text
    is gone), newest first, with before/after decoded into dicts."""
    where = " WHERE orphan_reason IS NOT NULL" if orphans_only else ""
    df = _frame(con.execute(f"SELECT * FROM decisions{where} ORDER BY created_at DESC, id DESC"))
    for col in ("before", "after"):
        df[col] = [_decoded(v) for v in df[col]] if len(df) else df[col]
    return df


def applied_log(con) -> tuple[str | None, int]:
    """Which decision log (its id) and how many of its decisions the store applied."""
    row = con.execute("SELECT log_id, n_decisions FROM build_info").fetchone()
    return (row[0], int(row[1] or 0)) if row else (None, 0)


def decision_counts(con) -> dict[str, int]:
    """Decisions the store was built with, and how many of them found no text."""
    held, orphans = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE orphan_reason IS NOT NULL) FROM decisions").fetchone()
    return {"held": held, "orphans": orphans}


def audit_trail(con, mention_rows: list[dict]) -> pd.DataFrame:
    """Every decision taken on the spans of these mentions, oldest first: what, before,
    after, when, note. A decision belongs to a mention when its span overlaps it in the
    same article text (the decision log keys on the text's hash, not the file name)."""
    rows = []
    # One query for all the spans (a claim may have thousands of mentions), passed as four
    # lists (a VALUES row per span took a quarter of a second to bind at 2,900 spans); the
    # decisions (few) are joined to their articles first.
    cols = ([m["article"] for m in mention_rows], [int(m["start"]) for m in mention_rows],
            [int(m["end"]) for m in mention_rows])
    found = _frame(con.execute(
        'WITH d AS (SELECT d.*, a.article AS d_article FROM decisions d '
        '           JOIN articles a ON a.sha256 = d.article_sha), '
        's AS (SELECT unnest(?) AS article, unnest(?) AS s_start, unnest(?) AS s_end, '
        '      generate_subscripts(?, 1) AS i) '
        'SELECT d.* EXCLUDE (d_article), s.article AS span_article FROM d JOIN s '
        'ON d.d_article = s.article AND d."start" < s.s_end AND s.s_start < d."end" '
        'ORDER BY s.i, d.created_at, d.id', [*cols, cols[0]])) if mention_rows else pd.DataFrame()
    if not found.empty:
        for d in found.to_dict("records"):
            before, after = _decoded(d["before"]), _decoded(d["after"])
            if d["action"] == "edit":
                change = changes_text(before, after)
            elif d["action"] == "add":
                change = fields_text(after)
            elif d["action"] == "accept" and after:
                change = changes_text(before, after)
            elif d["action"] == "grade":
                change = grade_text(after)
            else:
                change = "—"
            rows.append({"when": d["created_at"], "what": ACTION_LABELS.get(d["action"], d["action"]),
                         "article": d["span_article"], "quote": d["quote"],
                         "before": fields_text(before), "after": change,
                         "note": d["note"] or "", "by": d.get("author") or "", "id": d["id"]})
    cols = ["when", "what", "by", "article", "quote", "before", "after", "note", "id"]
    df = pd.DataFrame(rows, columns=cols)
    return df.drop_duplicates("id").sort_values(["when", "id"]).reset_index(drop=True) if len(df) else df


CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}  # the least sure first; none (added by hand) last


def _review_where(filters: Filters, status: str, article: str | None) -> tuple[str, list]:
    where, params = _mentions_where(Filters(**{**filters.__dict__, "reviewed_only": False}))
    more = []
    if status == "unreviewed":
        more.append("coalesce(review_status, 'unreviewed') = 'unreviewed'")
    elif status == "reviewed":
        more.append("coalesce(review_status, 'unreviewed') != 'unreviewed'")
    if article:
        more.append("article = ?")
        params.append(article)
    if more:
        where = (where + " AND " if where else " WHERE ") + " AND ".join(more)
    return where, params


def review_queue(con, filters: Filters = Filters(), *, status: str = "unreviewed",
                 article: str | None = None, least_sure_first: bool = False,
                 limit: int | None = None, offset: int = 0) -> pd.DataFrame:
    """Mentions to review, article by article in text order, or with `least_sure_first`
    by extraction confidence (low, medium, high), then in text order; one page of them
    when `limit` is given (the order is total, so pages neither overlap nor skip).
    `status` is "unreviewed", "reviewed" (any decision) or "all"; the sidebar's
    reviewed-only flag is ignored here."""
    where, params = _review_where(filters, status, article)
    order = 'article, "start", mention_id'
    if least_sure_first:
        ranks = " ".join(f"WHEN '{c}' THEN {r}" for c, r in CONFIDENCE_ORDER.items())
        order = f"CASE confidence {ranks} ELSE {len(CONFIDENCE_ORDER)} END, {order}"
    if limit is None:
        return _frame(con.execute(
            f'SELECT * FROM ({_MENTIONS}){where} ORDER BY {order}', params)).reset_index(drop=True)
    # The page's ids first, sorted on the keys alone, then their full rows: carrying every
    # column of every mention through the sort took twice as long at 100,000 articles.
    return _frame(con.execute(
        f'SELECT * FROM ({_MENTIONS}) WHERE mention_id IN (SELECT mention_id FROM ({_MENTIONS})'
        f'{where} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}) ORDER BY {order}',
        params)).reset_index(drop=True)


def count_review_queue(con, filters: Filters = Filters(), *, status: str = "unreviewed",
                       article: str | None = None) -> int:
    """How many mentions `review_queue` holds with these arguments (all pages)."""
    where, params = _review_where(filters, status, article)
    return con.execute(f"SELECT count(*) FROM ({_MENTIONS}){where}", params).fetchone()[0]


def review_totals(con) -> dict[str, int]:
    """How many articles and mentions the store holds, and how many mentions await review."""
    articles, mentions, unreviewed = con.execute(
        "SELECT (SELECT count(*) FROM articles), count(*), "
        "count(*) FILTER (WHERE coalesce(review_status, 'unreviewed') = 'unreviewed') "
        "FROM figures WHERE article IN (SELECT article FROM articles)").fetchone()
    return {"articles": articles, "mentions": mentions, "unreviewed": unreviewed}


def articles_list(con) -> pd.DataFrame:
    """Every article with its title, publisher, date and how many mentions await review."""
    return _frame(con.execute(
        "SELECT a.article, a.title, a.publisher, a.published, a.sha256, a.body_start, "
        "count(f.mention_id) AS n_mentions, "
        "count(f.mention_id) FILTER (WHERE coalesce(f.review_status, 'unreviewed') = 'unreviewed') "
        "AS n_unreviewed FROM articles a LEFT JOIN figures f USING (article) "
        "GROUP BY ALL ORDER BY a.article"))


def sentence_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentences of text[start:] as (start, end) offsets into `text`: each line is split
    after . ! or ? followed by a space and a capital or a digit, but not after an
    initial or a common abbreviation (U.S., Gen., Nov.); surrounding spaces are left out.

    >>> t = "---\\ntitle: x\\n---\\nSeoul said 3,000 troops. Kyiv said more.\\nNo stop"
    >>> [t[a:b] for a, b in sentence_spans(t, 17)]
    ['Seoul said 3,000 troops.', 'Kyiv said more.', 'No stop']
    >>> t = "U.S. intelligence and Gen. Budanov said so. Then e.g. more."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['U.S. intelligence and Gen. Budanov said so.', 'Then e.g. more.']
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text[start:]):
        base = start + line.start()
        spans += [(base + a, base + b) for a, b in line_sentences(line.group(0))]
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def mentions_in_article(con, name: str) -> list[dict]:
    """Every figure mention of one article (rejected ones included), in text order."""
    return records(_frame(con.execute('SELECT * FROM figures WHERE article = ? ORDER BY "start"',
                                      [name])))


def citations(con, article_names) -> pd.DataFrame:
    """The articles cited by some claims, as a bibliography: article, title, publisher,
    published, url; in the order first named."""
    names = list(dict.fromkeys(n for n in article_names if n))
    if not names:
        return pd.DataFrame(columns=["article", "title", "publisher", "published", "url"])
    # A join on the names in order (list_contains per article row was ~10 ms a chart at
    # 10,000 articles).
    df = _frame(con.execute(
        "SELECT a.article, a.title, coalesce(a.publisher, ?) AS publisher, a.published, a.url "
        "FROM (SELECT unnest(?) AS article, generate_subscripts(?, 1) AS i) n "
        "JOIN articles a USING (article) ORDER BY n.i",
        [UNKNOWN_PUBLISHER, names, names]))
    return df.reset_index(drop=True)


def cited_articles(claims_df: pd.DataFrame) -> list[str]:
    """The articles citing any of these claims, in the order the claims name them."""
    return list(dict.fromkeys(a for arts in claims_df.get("articles", []) for a in (arts or [])))


def data_version(con) -> str:
    """A short digest of the store's claims (ids, values, bounds, dates, review state):
    two stores with the same claims give the same version."""
    import hashlib

    rows = con.execute(
        "SELECT claim_id, measure, value, low, high, qualifier, date, reviewed, n_articles "
        "FROM claims ORDER BY claim_id").fetchall()
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()[:12]
