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
from analysis.present.labels import ACTION_LABELS, changes_text, fields_text, is_missing, measure_label
from analysis.store.claims import UNKNOWN_PUBLISHER

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
        return " · ".join(parts) if parts else "All figures (no filters)"


@dataclass
class FilterOptions:
    measures: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    min_date: dt.date | None = None
    max_date: dt.date | None = None


def _where(f: Filters, *, date: str, publisher: str, text_cols: tuple[str, ...],
           reviewed: str) -> tuple[str, list]:
    """SQL conditions and parameters for a filter; `publisher` is a SQL list expression,
    `reviewed` a SQL condition true for rows an analyst has reviewed."""
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
    needle = f.text.strip().lower()
    if needle:
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


def claims(con, filters: Filters = Filters()) -> pd.DataFrame:
    """Claims matching the filters, by measure (vocabulary order), oldest first."""
    where, params = _where(filters, date="date", publisher="publishers",
                           text_cols=("claimant", "array_to_string(claimants, ' ')",
                                      "quote", "sentence"),
                           reviewed="coalesce(reviewed, false)")
    return _frame(con.execute(
        f"SELECT * FROM claims{where} ORDER BY {_MEASURE_ORDER}, date NULLS LAST, value, "
        "claimant_group, claim_id", [*params, list(MEASURES)]))


_MENTIONS = """
SELECT f.*, coalesce(f.claim_date, f.published) AS date,
       CASE WHEN f.claim_date IS NOT NULL THEN 'claim'
            WHEN f.published IS NOT NULL THEN 'published' END AS date_basis,
       a.title, coalesce(a.publisher, '{unknown}') AS publisher, a.url
FROM figures f LEFT JOIN articles a USING (article)
""".format(unknown=UNKNOWN_PUBLISHER)


def mentions(con, filters: Filters = Filters()) -> pd.DataFrame:
    """Figure mentions matching the filters, with their article's title, publisher and URL."""
    where, params = _where(filters, date="date", publisher="[publisher]",
                           text_cols=("claimant", "quote", "sentence", "title"),
                           reviewed="coalesce(review_status, 'unreviewed') != 'unreviewed'")
    return _frame(con.execute(
        f"SELECT * FROM ({_MENTIONS}){where} ORDER BY {_MEASURE_ORDER}, date NULLS LAST, "
        "article, start", [*params, list(MEASURES)]))


def claim(con, claim_id: str) -> dict | None:
    return _one(_frame(con.execute("SELECT * FROM claims WHERE claim_id = ?", [claim_id])))


def mention(con, mention_id: str) -> dict | None:
    return _one(_frame(con.execute(f"SELECT * FROM ({_MENTIONS}) WHERE mention_id = ?",
                                   [mention_id])))


def mentions_of_claim(con, claim_id: str) -> pd.DataFrame:
    """Every mention grouped into a claim, one article after another."""
    return _frame(con.execute(
        f"SELECT * FROM ({_MENTIONS}) WHERE claim_id = ? ORDER BY date NULLS LAST, article, start",
        [claim_id]))


def article(con, name: str) -> dict | None:
    return _one(_frame(con.execute("SELECT * FROM articles WHERE article = ?", [name])))


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
    for m in mention_rows:
        found = _frame(con.execute(
            'SELECT d.* FROM decisions d JOIN articles a ON a.sha256 = d.article_sha '
            'WHERE a.article = ? AND d."start" < ? AND ? < d."end" ORDER BY d.created_at, d.id',
            [m["article"], int(m["end"]), int(m["start"])]))
        for d in found.to_dict("records"):
            before, after = _decoded(d["before"]), _decoded(d["after"])
            if d["action"] == "edit":
                change = changes_text(before, after)
            elif d["action"] == "add":
                change = fields_text(after)
            elif d["action"] == "accept" and after:
                change = changes_text(before, after)
            else:
                change = "—"
            rows.append({"when": d["created_at"], "what": ACTION_LABELS.get(d["action"], d["action"]),
                         "article": m["article"], "quote": d["quote"],
                         "before": fields_text(before), "after": change,
                         "note": d["note"] or "", "by": d.get("author") or "", "id": d["id"]})
    cols = ["when", "what", "by", "article", "quote", "before", "after", "note", "id"]
    df = pd.DataFrame(rows, columns=cols)
    return df.drop_duplicates("id").sort_values(["when", "id"]).reset_index(drop=True) if len(df) else df


CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}  # the least sure first; none (added by hand) last


def review_queue(con, filters: Filters = Filters(), *, status: str = "unreviewed",
                 article: str | None = None, least_sure_first: bool = False) -> pd.DataFrame:
    """Mentions to review, article by article in text order, or with `least_sure_first`
    by extraction confidence (low, medium, high), then in text order. `status` is
    "unreviewed", "reviewed" (any decision) or "all"; the sidebar's reviewed-only flag is
    ignored here."""
    df = mentions(con, Filters(**{**filters.__dict__, "reviewed_only": False}))
    if df.empty:
        return df
    state = df["review_status"].fillna("unreviewed")
    if status == "unreviewed":
        df = df[state == "unreviewed"]
    elif status == "reviewed":
        df = df[state != "unreviewed"]
    if article:
        df = df[df["article"] == article]
    if least_sure_first:
        rank = df["confidence"].map(CONFIDENCE_ORDER).fillna(len(CONFIDENCE_ORDER))
        return df.assign(_rank=rank).sort_values(["_rank", "article", "start"]) \
            .drop(columns="_rank").reset_index(drop=True)
    return df.sort_values(["article", "start"]).reset_index(drop=True)


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
    df = _frame(con.execute(
        "SELECT article, title, coalesce(publisher, ?) AS publisher, published, url "
        "FROM articles WHERE list_contains(?, article) ORDER BY list_position(?, article)",
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
