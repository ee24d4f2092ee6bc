"""Read-only queries on the store, and the pure helpers behind the Provenance page.

Every function takes a DuckDB connection or cursor (the dashboard passes `con.cursor()`)
and returns plain Python or pandas values; nothing here imports Streamlit. Dates come back
as `datetime.date` (or None) and list columns as Python lists.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import json
import operator
import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.extract.vocab import GROUPS, MEASURES, QUALIFIER_AFTER, QUALIFIER_BEFORE

# group_claims() names an article without a publisher this way in claims.publishers.
UNKNOWN_PUBLISHER = "unknown publisher"

MEASURE_LABELS: dict[str, str] = {
    "troops_deployed": "Troops deployed",
    "troops_planned": "Troops planned or expected",
    "casualties": "Casualties (killed and wounded)",
    "killed": "Killed",
    "wounded": "Wounded",
    "captured": "Captured",
}

QUALIFIER_LABELS: dict[str, str] = {
    "exact": "exact", "approx": "approximate", "at_least": "at least",
    "more_than": "more than", "up_to": "up to", "nearly": "nearly", "range": "range",
}


def measure_label(measure: str | None) -> str:
    """A measure's name for people.

    >>> measure_label("troops_deployed"), measure_label("new_measure")
    ('Troops deployed', 'New measure')
    """
    if not measure:
        return "Unknown measure"
    return MEASURE_LABELS.get(measure, measure.replace("_", " ").capitalize())


def fmt_number(value) -> str:
    """A number with thousands separators.

    >>> fmt_number(12000.0), fmt_number(1.5), fmt_number(None)
    ('12,000', '1.5', '—')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


def bound_label(qualifier: str | None, value, low, high) -> str:
    """The figure in a few characters, as charts label it.

    >>> [bound_label(q, 10000, 10000, None) for q in ("at_least", "more_than")]
    ['≥ 10,000', '> 10,000']
    >>> bound_label("up_to", 12000, None, 12000), bound_label("nearly", 3000, None, 3000)
    ('≤ 12,000', '< 3,000')
    >>> bound_label("range", 10000, 10000, 12000), bound_label("approx", 3000, 3000, 3000)
    ('10,000–12,000', '~3,000')
    """
    if qualifier == "range":
        return f"{fmt_number(low)}–{fmt_number(high)}"
    prefix = {"at_least": "≥ ", "more_than": "> ", "up_to": "≤ ", "nearly": "< ",
              "approx": "~"}.get(qualifier or "", "")
    return prefix + fmt_number(value)


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
    return {k: (None if _is_missing(v) else v) for k, v in row.items()}


def _is_missing(v) -> bool:
    return not isinstance(v, (list, tuple)) and pd.isna(v)


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts with missing cells (NaN, NaT, None) as None."""
    return [{k: (None if _is_missing(v) else v) for k, v in r.items()} for r in df.to_dict("records")]


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


def export_table(df: pd.DataFrame, fmt: str) -> bytes:
    """A table as CSV (lists joined with '; ') or Parquet (lists kept) bytes."""
    if fmt == "csv":
        flat = df.copy()
        for col in flat.columns:
            if flat[col].map(lambda v: isinstance(v, list)).any():
                flat[col] = flat[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
        return flat.to_csv(index=False).encode("utf-8")
    if fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        return buf.getvalue()
    raise ValueError(f"unknown table format {fmt!r}")


# --- provenance ----------------------------------------------------------------------

MAX_PARAGRAPH = 1200


def paragraph_bounds(text: str, start: int, end: int, limit: int = MAX_PARAGRAPH) -> tuple[int, int]:
    """Offsets of the paragraph (the line) holding text[start:end], cut to `limit` chars.

    >>> text = "Title\\nFirst line. It has 3,000 troops. More.\\nNext"
    >>> a, b = paragraph_bounds(text, 25, 30); text[a:b]
    'First line. It has 3,000 troops. More.'
    >>> a, b = paragraph_bounds("x" * 5000, 2500, 2505, limit=100); (a, b)
    (2453, 2552)
    """
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a > limit:
        half = max(0, (limit - (end - start)) // 2)
        a = max(a, start - half)
        b = min(b, end + half)
    return a, b


def _as_int(value) -> int | None:
    try:
        return operator.index(value)
    except TypeError:
        return None


def _valid_span(text: str, start: int | None, end: int | None) -> bool:
    return start is not None and end is not None and 0 <= start < end <= len(text)


def highlight_html(text: str | None, start, end, quote: str | None = None,
                   sentence_start=None, sentence_end=None, sentence: str | None = None) -> str:
    """The paragraph around a mention as HTML: sentence in <span class="sentence">, number
    in <mark>. Every character of article text is escaped; only our tags are markup.

    >>> t = "Intro.\\nSeoul said <b>1,000</b> died. Later.\\n"
    >>> s = t.index("<b>"); highlight_html(t, s, s + 12, "<b>1,000</b>", 7, t.index(" Later"))
    '<span class="sentence">Seoul said <mark>&lt;b&gt;1,000&lt;/b&gt;</mark> died.</span> Later.'

    Offsets that do not point at the quote fall back to the stored sentence:

    >>> highlight_html(None, 0, 0, "3,000", sentence="More than 3,000 <i>troops</i>")
    '<span class="sentence">More than <mark>3,000</mark> &lt;i&gt;troops&lt;/i&gt;</span>'
    """
    esc = html.escape
    start, end = _as_int(start), _as_int(end)
    sentence_start, sentence_end = _as_int(sentence_start), _as_int(sentence_end)
    if text and _valid_span(text, start, end) and (quote is None or text[start:end] == quote):
        if not (_valid_span(text, sentence_start, sentence_end)
                and sentence_start <= start and end <= sentence_end):
            sentence_start, sentence_end = start, end
        a, b = paragraph_bounds(text, sentence_start, sentence_end)
        a, b = min(a, sentence_start), max(b, sentence_end)
        return (("… " if a > 0 and text[a - 1] != "\n" else "") + esc(text[a:sentence_start])
                + '<span class="sentence">' + esc(text[sentence_start:start])
                + "<mark>" + esc(text[start:end]) + "</mark>"
                + esc(text[end:sentence_end]) + "</span>" + esc(text[sentence_end:b])
                + (" …" if b < len(text) and text[b] != "\n" else ""))
    sentence = sentence or quote or ""
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return f'<span class="sentence">{esc(sentence)}</span>'
    return ('<span class="sentence">' + esc(sentence[:at]) + "<mark>" + esc(quote) + "</mark>"
            + esc(sentence[at + len(quote):]) + "</span>")


_BOUND_RULES = {
    "exact": "a bare number, taken as exact: low = high = {v}.",
    "approx": "approximate wording ({cue}): recorded as low = high = {v}; the true figure may lie either side.",
    "at_least": "a floor ({cue}): low {lo}, no upper bound.",
    "more_than": "a floor ({cue}): low {lo} (the figure is above it), no upper bound.",
    "up_to": "a ceiling ({cue}): high {hi}, no lower bound.",
    "nearly": "just under a number ({cue}): high {hi} (the figure is below it), no lower bound.",
    "range": "a range: low {lo}, high {hi}; the value kept is the first number, {v}.",
}


def qualifier_cue(quote: str | None, qualifier: str | None) -> str | None:
    """The words of `quote` that carry the qualifier, when they can be found.

    >>> qualifier_cue("as many as 10,000", "up_to"), qualifier_cue("3,000+", "more_than")
    ('as many as', '+')
    >>> qualifier_cue("1,500", "exact") is None
    True
    """
    if not quote or not qualifier:
        return None
    phrases = [p for p, q in {**QUALIFIER_BEFORE, **QUALIFIER_AFTER}.items() if q == qualifier]
    for phrase in sorted(phrases, key=len, reverse=True):
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", quote, re.I)
        if found:
            return found.group(0)
    if qualifier == "more_than" and re.search(r"\d\s*\+", quote):
        return "+"
    return None


def explain_bounds(quote: str | None, qualifier: str | None, value, low, high) -> str:
    """How the wording of a figure became its value and bounds, in one sentence.

    >>> explain_bounds("at least 10,000", "at_least", 10000, 10000, None)
    "'at least 10,000' is a floor ('at least'): low 10,000, no upper bound."
    >>> explain_bounds("as many as 10,000", "up_to", 10000, None, 10000)
    "'as many as 10,000' is a ceiling ('as many as'): high 10,000, no lower bound."
    >>> explain_bounds("10,000 to 12,000", "range", 10000, 10000, 12000)
    "'10,000 to 12,000' is a range: low 10,000, high 12,000; the value kept is the first number, 10,000."
    >>> explain_bounds("1,500", "exact", 1500, 1500, 1500)
    "'1,500' is a bare number, taken as exact: low = high = 1,500."
    >>> explain_bounds("some 40", "odd", 40, None, 45)
    "'some 40' has the qualifier 'odd': value 40, low —, high 45."
    """
    shown = f"'{quote}'" if quote else "The figure"
    rule = _BOUND_RULES.get(qualifier or "")
    if rule is None:
        return (f"{shown} has the qualifier '{qualifier}': value {fmt_number(value)}, "
                f"low {fmt_number(low)}, high {fmt_number(high)}.")
    cue = qualifier_cue(quote, qualifier)
    cue_text = f"'{cue}'" if cue else f"worded as {QUALIFIER_LABELS[qualifier]}"
    text = rule.format(v=fmt_number(value), lo=fmt_number(low), hi=fmt_number(high), cue=cue_text)
    return f"{shown} is {text}"


# --- review --------------------------------------------------------------------------

REVIEW_LABELS: dict[str, str] = {
    "unreviewed": "unreviewed", "accepted": "accepted", "edited": "edited",
    "added": "added by an analyst", "rejected": "rejected (not a figure)",
}
ACTION_LABELS: dict[str, str] = {
    "accept": "Accepted", "reject": "Rejected (not a figure)", "edit": "Edited",
    "add": "Added a missed figure",
}
FIELD_LABELS: dict[str, str] = {
    "value": "value", "low": "low", "high": "high", "qualifier": "qualifier",
    "measure": "measure", "claimant": "claimant", "claimant_group": "claimant group",
    "claim_date": "claim date",
}


def claim_review_label(n_reviewed, n_mentions, reviewed=None) -> str:
    """How far a claim's mentions have been reviewed, in words.

    >>> claim_review_label(0, 3), claim_review_label(2, 3), claim_review_label(3, 3, True)
    ('unreviewed', '2 of 3 mentions reviewed', 'reviewed')
    >>> claim_review_label(1, 1)
    'reviewed'
    """
    n_reviewed = int(0 if _is_missing(n_reviewed) else n_reviewed)
    n_mentions = int(0 if _is_missing(n_mentions) else n_mentions)
    if (reviewed is True) or (n_mentions and n_reviewed >= n_mentions):
        return "reviewed"
    if n_reviewed <= 0:
        return "unreviewed"
    return f"{n_reviewed} of {n_mentions} mentions reviewed"


def derive_bounds(qualifier: str, value, low=None, high=None) -> tuple:
    """The low and high bounds a qualifier implies for a value (FIGURES.md); a range
    keeps the bounds given, its low defaulting to the value.

    >>> derive_bounds("approx", 3000), derive_bounds("more_than", 3000)
    ((3000, 3000), (3000, None))
    >>> derive_bounds("nearly", 300), derive_bounds("range", 10000, None, 12000)
    ((None, 300), (10000, 12000))
    """
    if qualifier in ("exact", "approx"):
        return value, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("up_to", "nearly"):
        return None, value
    if qualifier == "range":
        return (value if low is None else low), high
    return low, high


def fields_text(fields: dict | None) -> str:
    """A figure's reviewable fields in one line, for the audit trail.

    >>> fields_text({"value": 3000, "low": 3000, "high": None, "qualifier": "more_than",
    ...              "measure": "casualties", "claimant": "Zelensky",
    ...              "claimant_group": "Ukraine", "claim_date": "2024-12-23"})
    '> 3,000 · Casualties (killed and wounded) · Zelensky (Ukraine) · claimed 2024-12-23'
    >>> fields_text(None)
    '—'
    """
    if not fields:
        return "—"
    parts = [bound_label(fields.get("qualifier"), fields.get("value"), fields.get("low"),
                         fields.get("high")),
             measure_label(fields.get("measure"))]
    who = fields.get("claimant") or "no claimant"
    parts.append(f"{who} ({fields.get('claimant_group') or 'Unattributed'})")
    if fields.get("claim_date"):
        parts.append(f"claimed {str(fields['claim_date'])[:10]}")
    return " · ".join(parts)


def _shown(key: str, value) -> str:
    if value is None or value == "":
        return "—"
    if key in ("value", "low", "high"):
        return fmt_number(value)
    if key == "measure":
        return measure_label(value)
    if key == "qualifier":
        return QUALIFIER_LABELS.get(value, str(value))
    return str(value)[:10] if key == "claim_date" else str(value)


def changes_text(before: dict | None, after: dict | None) -> str:
    """What an edit changed, field by field.

    >>> changes_text({"value": 3000, "low": 3000, "claimant": "NIS"},
    ...              {"value": 3500, "low": 3500, "claimant": "NIS"})
    'value 3,000 → 3,500; low 3,000 → 3,500'
    >>> changes_text({"value": 1}, {"value": 1})
    'no field changed'
    """
    before, after = before or {}, after or {}
    out = []
    for key, label in FIELD_LABELS.items():
        if key not in after:
            continue
        old, new = before.get(key), after.get(key)
        if _shown(key, old) != _shown(key, new):
            out.append(f"{label} {_shown(key, old)} → {_shown(key, new)}")
    return "; ".join(out) or "no field changed"


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
                         "note": d["note"] or "", "id": d["id"]})
    cols = ["when", "what", "article", "quote", "before", "after", "note", "id"]
    df = pd.DataFrame(rows, columns=cols)
    return df.drop_duplicates("id").sort_values(["when", "id"]).reset_index(drop=True) if len(df) else df


def review_queue(con, filters: Filters = Filters(), *, status: str = "unreviewed",
                 article: str | None = None) -> pd.DataFrame:
    """Mentions to review, article by article in text order. `status` is "unreviewed",
    "reviewed" (any decision) or "all"; the sidebar's reviewed-only flag is ignored here."""
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
    return df.sort_values(["article", "start"]).reset_index(drop=True)


def articles_list(con) -> pd.DataFrame:
    """Every article with its title, publisher, date and how many mentions await review."""
    return _frame(con.execute(
        "SELECT a.article, a.title, a.publisher, a.published, a.sha256, a.body_start, "
        "count(f.mention_id) AS n_mentions, "
        "count(f.mention_id) FILTER (WHERE coalesce(f.review_status, 'unreviewed') = 'unreviewed') "
        "AS n_unreviewed FROM articles a LEFT JOIN figures f USING (article) "
        "GROUP BY ALL ORDER BY a.article"))


_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Pres|St|"
    r"No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|vs|etc|Inc|Corp|Co))\.$")


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
        base, body = start + line.start(), line.group(0)
        a = 0
        for m in _SENTENCE_END.finditer(body):
            if body[m.start()] == "." and _ABBREVIATION.search(body[max(a, m.start() - 12):m.start() + 1]):
                continue
            spans.append((base + a, base + m.end()))
            a = m.end()
        spans.append((base + a, base + len(body)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def highlight_figures_html(text: str, figures: list[dict], start: int = 0,
                           end: int | None = None) -> str:
    """text[start:end] as HTML with each figure's span in <mark> (its measure in the
    title); every character of the text is escaped, line breaks become <br>. Figures
    whose offsets do not point at their quote, or overlap one already marked, are skipped.

    >>> t = "Seoul said <i>3,000</i> troops.\\nKyiv: 12,000"
    >>> highlight_figures_html(t, [{"start": 11, "end": 23, "quote": "<i>3,000</i>",
    ...     "measure": "troops_deployed"}, {"start": 38, "end": 44, "quote": "12,000"}])
    'Seoul said <mark title="Troops deployed">&lt;i&gt;3,000&lt;/i&gt;</mark> troops.<br>Kyiv: <mark title="Unknown measure">12,000</mark>'
    """
    esc = html.escape
    end = len(text) if end is None else end
    out, at = [], start
    spans = sorted((f for f in figures if _as_int(f.get("start")) is not None
                    and _as_int(f.get("end")) is not None), key=lambda f: f["start"])
    for f in spans:
        a, b = int(f["start"]), int(f["end"])
        if a < at or b > end or not _valid_span(text, a, b) or (
                f.get("quote") is not None and text[a:b] != f["quote"]):
            continue
        out.append(esc(text[at:a]))
        out.append(f'<mark title="{esc(measure_label(f.get("measure")))}">{esc(text[a:b])}</mark>')
        at = b
    out.append(esc(text[at:end]))
    return "".join(out).replace("\n", "<br>")


def mentions_in_article(con, name: str) -> list[dict]:
    """Every figure mention of one article (rejected ones included), in text order."""
    return records(_frame(con.execute('SELECT * FROM figures WHERE article = ? ORDER BY "start"',
                                      [name])))
