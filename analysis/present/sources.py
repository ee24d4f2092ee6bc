"""Who says it, who repeats it: claims and their echoes, as SQL over figures and articles,
and the plotly figures of the Sources page (Sankey, echo timeline).

An *appearance* is one article citing one claim (however many times it mentions it). A
claim's first appearance is its earliest dated article (ties on the day: the article name,
so it is always the same one); every other article citing it is an echo, with its lag in
days after the first. An article without a date is an echo with no lag and never a first
appearance unless no article of the claim has a date. Everything is aggregated in DuckDB:
the page draws at most `top` claims however large the store.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd
import pyarrow as pa
import plotly.graph_objects as go

from analysis.extract.vocab import GROUP_COLORS, GROUPS
from analysis.present.labels import bound_label, is_missing, measure_label, short_claimant
from analysis.present.queries import Filters, _and, _frame, claims_where
from analysis.store.claims import UNKNOWN_PUBLISHER
from analysis.store.derived import CHAINED, STEP

TOP_CLAIMS = 25  # claims drawn one by one in the Sankey and the timeline; the rest: "others"
SIDELESS = ("Unattributed",)  # a number nobody is named for is no side's figure
PLOTLY_CONFIG = {"displaylogo": False,
                 "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "estimate-desk"}}


@dataclass(frozen=True)
class Focus:
    """What a click on the Sankey narrowed the page to: a claimant group, a claim or a
    publisher (kind), and which one (key). Empty: the whole selection."""
    kind: str = ""
    key: str = ""

    def describe(self) -> str:
        return {"group": f"claimant group {self.key}", "claim": f"claim {self.key}",
                "publisher": f"publisher {self.key}"}.get(self.kind, "")


_CLAIM_COLUMNS = ("c.measure, c.claimant, c.claimant_group, c.value, c.low, c.high, c.qualifier, "
                  "c.date, c.date_basis, c.n_articles")


def _cites_sql(filters: Filters, focus: Focus, *, claim_ids: list[str] | None = None) -> tuple[str, list]:
    """The appearances of the claims the filters select, narrowed to the focus: one row per
    (claim, citing article) with claim_id, claimant_group, article, published, publisher,
    is_first, first_article, first_published and lag_days (against the claim's first
    report among all its articles, before the focus narrows them), the article's title
    and url and the claim's columns; `claim_ids` keeps only those claims.

    A claim's citing articles are the store's claims.articles (one row per claim and
    article already); its first report is the store's claim_outlets (derived.py), so
    nothing is ranked here."""
    where, params = claims_where(filters)
    if claim_ids is not None:
        # the rows found first, then their lists read by row id: reading the articles
        # lists of rows filtered by claim_id decodes every list (21 -> 11 ms for 25 claims
        # at 100,000 articles)
        where = f" WHERE rowid IN (SELECT rowid FROM claims{_and(where, 'claim_id IN (SELECT unnest(?))')})"
        params = [*params, list(claim_ids)]
    narrowed, extra = "", []
    if focus.kind in ("group", "claim", "publisher"):
        column = {"group": "claimant_group", "claim": "claim_id", "publisher": "publisher"}[focus.kind]
        narrowed, extra = f" WHERE {column} = ?", [focus.key]
    sql = f"""
WITH chosen AS MATERIALIZED (
    SELECT claim_id, claimant_group, unnest(articles) AS article FROM claims{where}
), firsts AS (
    SELECT DISTINCT claim_id, first_article, first_published FROM claim_outlets
    WHERE claim_id IN (SELECT claim_id FROM chosen)
), ranked AS (
    SELECT s.claim_id, s.claimant_group, s.article, a.published,
           coalesce(a.publisher, ?) AS publisher, a.title, a.url,
           s.article = f.first_article AS is_first, f.first_published, f.first_article,
           date_diff('day', f.first_published, a.published) AS lag_days
    FROM chosen s JOIN firsts f USING (claim_id)
    LEFT JOIN (SELECT * FROM articles WHERE article IN (SELECT article FROM chosen)) a USING (article)
)
SELECT * FROM (
    SELECT r.claim_id, r.article, r.title, r.publisher, r.url, r.published, r.is_first,
           r.first_article, r.first_published, r.lag_days, {_CLAIM_COLUMNS}
    FROM ranked r JOIN claims c USING (claim_id)
){narrowed}"""
    return sql, [*params, UNKNOWN_PUBLISHER, *extra]


CARRIED = "sources_carried"  # the name carried() rows are registered under on a connection


def _carried_sql(filters: Filters) -> tuple[str, list]:
    """The store's claim_outlets rows of the claims the filters select."""
    where, params = claims_where(filters)
    if not where:
        return "SELECT * FROM claim_outlets", []
    return f"SELECT * FROM claim_outlets WHERE claim_id IN (SELECT claim_id FROM claims{where})", params


def carried(con, filters: Filters = Filters()):
    """Per claim the filters select and publisher citing it (an Arrow table): its claimant
    group, citing articles (n), whether the first report is among them (n_first), their
    longest lag, and the claim's first article and date: the store's claim_outlets rows
    (derived.py). The Sankey, the outlets, the first appearances and the top claims are
    counted from these rows for any focus (a focus narrows them after the first report is
    found)."""
    sql, params = _carried_sql(filters)
    return con.cursor().sql(sql, params=params).to_arrow_table()  # a cursor: see _per


def _per(con, filters: Filters, focus: Focus, rows=None) -> tuple[object, str, list]:
    """A connection and SQL for the carried rows narrowed to the focus, with `k`, a claim's
    citing articles within the focus (n_claim, or n when narrowed to a publisher: one row
    per claim and publisher): over `rows` (carried() of the same filters, registered on a
    cursor of its own, as the caller's may hold an unfinished result) when given, else
    read from the store here."""
    if rows is not None:
        con = con.cursor()
        con.register(CARRIED, rows)
        source, params = CARRIED, []
    else:
        sql, params = _carried_sql(filters)
        source = f"({sql})"
    k = "n" if focus.kind == "publisher" else "n_claim"
    if focus.kind in ("group", "claim", "publisher"):
        column = {"group": "claimant_group", "claim": "claim_id", "publisher": "publisher"}[focus.kind]
        return con, f"SELECT *, {k} AS k FROM {source} WHERE {column} = ?", [*params, focus.key]
    return con, f"SELECT *, {k} AS k FROM {source}", params


def top_claims(con, filters: Filters = Filters(), focus: Focus = Focus(),
               top: int = TOP_CLAIMS, rows=None) -> list[str]:
    """The ids of the `top` most cited claims (citing articles within the focus; ties:
    claim_id), most cited first. `rows`: carried() of these filters, if read already."""
    con, sql, params = _per(con, filters, focus, rows)
    return [r[0] for r in con.execute(
        f"SELECT claim_id FROM ({sql}){_one_each(focus)} ORDER BY k DESC, claim_id LIMIT ?",
        [*params, top]).fetchall()]


def _one_each(focus: Focus) -> str:
    """A condition keeping one of the carried rows of each claim (with its claim's `k`):
    the row holding its first report, or, narrowed to a publisher, its only row. (Every
    claim has one first report, so no grouping of every row.)"""
    return "" if focus.kind == "publisher" else " WHERE n_first = 1"


def _top_sql(con, filters: Filters, focus: Focus, top: int, rows, drawn: Flow | None) -> tuple[str, list]:
    """_cites_sql of the `top` most cited claims; `drawn`: flow() of these filters and
    focus, whose claims are those (no second ranking)."""
    ids = drawn.claim_ids() if drawn is not None else top_claims(con, filters, focus, top, rows)
    return _cites_sql(filters, focus, claim_ids=ids)


def appearances(con, filters: Filters = Filters(), focus: Focus = Focus(),
                top: int | None = None, limit: int | None = None, rows=None,
                drawn: Flow | None = None) -> pd.DataFrame:
    """Every (claim, citing article): its first appearance (is_first) and its echoes with
    their lag in days, by claim then date; with `top` (or `drawn`, see _top_sql), only the
    appearances of the `top` most cited claims (ties: claim_id); `limit`: the first rows."""
    if top is None and drawn is None:
        sql, params = _cites_sql(filters, focus)
    else:
        sql, params = _top_sql(con, filters, focus, top, rows, drawn)
    page = " LIMIT ?" if limit is not None else ""
    return _frame(con.execute(f"SELECT * FROM ({sql}) ORDER BY claim_id, published NULLS LAST, "
                              f"article{page}", [*params, *([limit] if limit is not None else [])]))


def n_claims(con, filters: Filters = Filters(), focus: Focus = Focus(), rows=None) -> int:
    """How many claims the filters and the focus select (that some article cites)."""
    con, sql, params = _per(con, filters, focus, rows)
    return int(con.execute(f"SELECT count(*) FROM ({sql}){_one_each(focus)}", params).fetchall()[0][0])


def first_appearances(con, filters: Filters = Filters(), focus: Focus = Focus(),
                      limit: int | None = None, rows=None) -> pd.DataFrame:
    """One row per claim: its first article and date, how many echoes, the longest lag;
    the most echoed first (`limit`: only that many). Counted per claim in SQL, then the
    claims' own columns read for the rows kept."""
    con, sql, params = _per(con, filters, focus, rows)
    # a claim's echoes are its articles in the focus but the first report (`k - n_first`
    # on its one row each); its longest lag is kept on every row of the claim
    # (claim_max_lag), or, narrowed to a publisher, that publisher's row's own: one pass
    # over the rows kept, where a second pass found the largest per claim (52 -> 24 ms of CPU
    # at 100,000 articles). The claims' own columns joined in the same query for those
    # kept (a second read of the claims and a pandas merge cost more).
    lag = "max_lag" if focus.kind == "publisher" else "claim_max_lag"
    return _frame(con.execute(f"""
        WITH per AS (SELECT claim_id, first_article, first_published, publisher AS first_publisher,
                            CAST(k - n_first AS BIGINT) AS n_echoes, {lag} AS max_lag_days
                     FROM ({sql}){_one_each(focus)} ORDER BY n_echoes DESC, claim_id
                     {"LIMIT ?" if limit is not None else ""})
        SELECT p.claim_id, c.claimant, c.claimant_group, c.measure, c.value, c.low, c.high,
               c.qualifier, c.date, p.first_article, p.first_published, p.first_publisher,
               p.n_echoes, p.max_lag_days
        FROM per p
             LEFT JOIN (SELECT * FROM claims WHERE claim_id IN (SELECT claim_id FROM per)) c
             USING (claim_id)
        ORDER BY p.n_echoes DESC, p.claim_id""",
        [*params, *([limit] if limit is not None else [])]))


# --- who carries whose numbers -----------------------------------------------------------

def outlet_counts(con, filters: Filters = Filters(), focus: Focus = Focus(), rows=None) -> pd.DataFrame:
    """Per outlet and claimant group: claims carried, articles citing them, and how many
    of those claims the outlet reported first."""
    con, sql, params = _per(con, filters, focus, rows)
    return _frame(con.execute(f"""
        SELECT publisher, claimant_group, count(*) AS claims, CAST(sum(n) AS BIGINT) AS citations,
               CAST(sum(n_first) AS BIGINT) AS first_reports
        FROM ({sql}) GROUP BY ALL ORDER BY publisher, claimant_group""", params))


def every_group(filters: Filters, focus: Focus) -> tuple[Filters, Focus]:
    """The filters and focus of the outlet counts the page reads: over every claimant
    group, as the one-sided outlets are judged, and the counts of a group filter or focus
    are their rows (group_rows): one read where there were two."""
    return replace(filters, groups=()), (Focus() if focus.kind == "group" else focus)


def group_rows(every: pd.DataFrame, filters: Filters, focus: Focus) -> pd.DataFrame:
    """outlet_counts(filters, focus) from the counts of every_group(filters, focus): a
    group filter or focus only keeps the rows of its groups (counted per outlet and
    group)."""
    for groups in (filters.groups, (focus.key,) if focus.kind == "group" else ()):
        if groups:
            every = every[every["claimant_group"].isin(groups)].reset_index(drop=True)
    return every


def one_side_shown(every: pd.DataFrame, filters: Filters, focus: Focus) -> pd.DataFrame:
    """The one-sided outlets the page lists: judged over every group (the counts of
    every_group; a group filter or focus would make every outlet look one-sided), then
    the group filter, or a group focus, picks the side."""
    one = one_side_outlets(every)
    side = (focus.key,) if focus.kind == "group" else filters.groups
    return one[one["side"].isin(side)] if side else one


def outlet_table(counts: pd.DataFrame) -> pd.DataFrame:
    """Outlets × claimant groups: claims carried per group (groups in vocabulary order),
    then the total and the first reports."""
    if counts.empty:
        return pd.DataFrame(columns=["publisher", "total claims", "first reports"])
    # summed in plain Python: a few dozen rows (publishers × groups), where pandas'
    # grouping and unstacking cost 5 ms on every run of the page
    seen = set(counts["claimant_group"].tolist())
    groups = [g for g in GROUPS if g in seen] + sorted(seen - set(GROUPS))
    per: dict[str, dict] = {}
    for publisher, group, claims, firsts in zip(*(counts[c].tolist() for c in
                                                   ("publisher", "claimant_group", "claims", "first_reports"))):
        row = per.setdefault(publisher, {"publisher": publisher, **dict.fromkeys(groups, 0),
                                         "total claims": 0, "first reports": 0})
        row[group] += claims
        row["total claims"] += claims
        row["first reports"] += firsts
    rows = sorted(per.values(), key=lambda r: (-r["total claims"], r["publisher"]))
    table = pd.DataFrame(rows, columns=["publisher", *groups, "total claims", "first reports"])
    return table.astype({c: "int64" for c in table.columns[1:]})


def one_side_outlets(counts: pd.DataFrame) -> pd.DataFrame:
    """The outlets whose claims all come from one side (Unattributed figures are no
    side's and do not count against it): outlet, side, claims, first reports, echoes."""
    cols = ["publisher", "side", "claims", "first reports", "echoes", "unattributed claims"]
    if counts.empty:
        return pd.DataFrame(columns=cols)
    sides: dict[str, list] = {}
    loose: dict[str, int] = {}
    for publisher, group, claims, cited, firsts in zip(*(counts[c].tolist() for c in (
            "publisher", "claimant_group", "claims", "citations", "first_reports"))):
        if group in SIDELESS:
            loose[publisher] = loose.get(publisher, 0) + int(claims)
        else:
            sides.setdefault(publisher, []).append((group, claims, cited, firsts))
    rows = [{"publisher": publisher, "side": mine[0][0], "claims": int(mine[0][1]),
             "first reports": int(mine[0][3]), "echoes": int(mine[0][2] - mine[0][3]),
             "unattributed claims": loose.get(publisher, 0)}
            for publisher, mine in sorted(sides.items()) if len({g for g, *_ in mine}) == 1]
    return pd.DataFrame(rows, columns=cols)


# --- the Sankey: claimant group → claim → publisher ----------------------------------------

@dataclass
class Flow:
    """Sankey nodes (label, kind, key, colour) and links (source, target, articles)."""
    labels: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    colors: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)
    values: list[int] = field(default_factory=list)
    n_claims: int = 0
    n_shown: int = 0
    # where each node and link is, while the flow is built (a search of the lists for
    # every row of a flow took 45 ms at 100,000 articles)
    _nodes: dict = field(default_factory=dict, repr=False, compare=False)
    _links: dict = field(default_factory=dict, repr=False, compare=False)

    def node(self, kind: str, key: str, label: str, color: str) -> int:
        if (kind, key) not in self._nodes:
            self._nodes[kind, key] = len(self.labels)
            self.labels.append(label)
            self.kinds.append(kind)
            self.keys.append(key)
            self.colors.append(color)
        return self._nodes[kind, key]

    def claim_ids(self) -> list[str]:
        """The claims drawn one by one, most cited first (top_claims of the flow's filters,
        focus and `top`)."""
        return [key for kind, key in zip(self.kinds, self.keys) if kind == "claim"]

    def focus_of(self, index: int) -> Focus:
        """What clicking node `index` narrows the page to ("others" narrows to its group)."""
        kind, key = self.kinds[index], self.keys[index]
        return Focus("group", key.split("|", 1)[1]) if kind == "others" else Focus(kind, key)


def claim_name(row: dict) -> str:
    """A claim in a few words: who, the figure, the measure, the date.

    >>> claim_name({"claimant": "National Intelligence Service (NIS)", "qualifier": "exact",
    ...             "value": 1500, "low": 1500, "high": 1500, "measure": "troops_deployed",
    ...             "date": dt.date(2024, 10, 18)})
    'NIS: 1,500 troops deployed (2024-10-18)'
    """
    when = row.get("date")
    day = when.isoformat() if isinstance(when, dt.date) else "undated"
    # a missing claimant may come as None or as a DataFrame's NaN (truthy): both are no one
    who = row.get("claimant_group") if is_missing(row.get("claimant")) or not row.get("claimant") \
        else short_claimant(row.get("claimant"))
    return (f"{who}: {bound_label(row.get('qualifier'), row.get('value'), row.get('low'), row.get('high'))}"
            f" {measure_label(row.get('measure')).lower()} ({day})")


def flow(con, filters: Filters = Filters(), focus: Focus = Focus(), top: int = TOP_CLAIMS,
         rows=None) -> Flow:
    """The Sankey's nodes and links: the `top` most cited claims one by one, the others
    gathered per claimant group; link widths count citing articles. `rows`: carried() of
    these filters, if read already."""
    con, sql, params = _per(con, filters, focus, rows)
    # counted on the carried rows in one pass (a claim's rank comes with its rows: `k`);
    # the claims' own columns read for the top ones only. A link of the other claims sorts
    # by its best ranked claim, as (-k, claim_id) orders the claims.
    result = con.execute(f"""
        WITH a AS MATERIALIZED ({sql}),
        per AS (SELECT claim_id, claimant_group, k FROM a{_one_each(focus)}),
        top AS (SELECT claim_id, row_number() OVER (ORDER BY k DESC, claim_id) AS pos
                FROM (SELECT * FROM per ORDER BY k DESC, claim_id LIMIT ?)),
        links AS (
            SELECT a.claimant_group, t.claim_id, a.publisher, t.pos,
                   CAST(sum(a.n) AS BIGINT) AS n_articles, count(*) AS n_claims,
                   min((-a.k, a.claim_id)) AS best
            FROM a LEFT JOIN top t USING (claim_id) GROUP BY ALL),
        -- per group, the claims not drawn one by one (a claim of several publishers once)
        others AS (SELECT claimant_group, count(*) AS n_others FROM per
                   WHERE claim_id NOT IN (SELECT claim_id FROM top) GROUP BY claimant_group)
        SELECT l.claimant_group, l.claim_id, l.publisher, l.n_articles, l.n_claims, o.n_others,
               c.claimant, c.value, c.low, c.high, c.qualifier, c.measure, c.date,
               (SELECT count(*) FROM per) AS n_all
        FROM links l LEFT JOIN claims c USING (claim_id)
             LEFT JOIN others o ON o.claimant_group = l.claimant_group
        ORDER BY l.pos NULLS LAST, l.best, l.publisher""", [*params, top])
    # plain rows (NULL is None), not a DataFrame: a few hundred links, each visited once
    # in Python, where the conversion and to_dict cost about as much as the query
    names = [d[0] for d in result.description]
    rows = [dict(zip(names, row)) for row in result.fetchall()]
    out = Flow()
    if not rows:
        return out
    out.n_claims = int(rows[0]["n_all"])
    groups = sorted({r["claimant_group"] for r in rows},
                    key=lambda g: (GROUPS.index(g) if g in GROUPS else 99, g))
    for g in groups:
        out.node("group", g, g, GROUP_COLORS.get(g, "#888888"))
    others: dict = {}
    for r in rows:
        if r["claim_id"] is None and r["n_others"] is not None:
            others.setdefault(r["claimant_group"], r["n_others"])
    shown = set()
    for r in rows:
        group = r["claimant_group"]
        color = GROUP_COLORS.get(group, "#888888")
        if r["claim_id"] is None:
            middle = out.node("others", f"others|{group}",
                              f"{group}: {int(others[group]):,} other claims", color)
        else:  # a claim's name once, on its first link
            middle = out._nodes.get(("claim", r["claim_id"]))
            if middle is None:
                middle = out.node("claim", r["claim_id"], claim_name(r), color)
            shown.add(r["claim_id"])
        target = out.node("publisher", r["publisher"], r["publisher"], "#9a9a9a")
        _add_link(out, out._nodes["group", group], middle, int(r["n_articles"]))
        _add_link(out, middle, target, int(r["n_articles"]))
    out.n_shown = len(shown)
    return out


def _add_link(out: Flow, source: int, target: int, value: int) -> None:
    if (source, target) in out._links:
        out.values[out._links[source, target]] += value
        return
    out._links[source, target] = len(out.values)
    out.sources.append(source)
    out.targets.append(target)
    out.values.append(value)


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure from its whole spec at once: plotly checks a spec in one pass, where
    adding traces and updating the layout step by step re-checks it at every step
    (86 -> 18 ms of CPU for the page's three figures at 10,000 articles)."""
    return go.Figure({"data": data, "layout": layout})


def _decorate(title: str, subtitle: str, source: str, height: int, below: int = 30,
              **layout) -> dict:
    """A layout with the title, filters and a source line drawn into the figure, so a
    saved PNG keeps them; `below`: pixels under the plot taken by axes (the source line
    goes under them); `layout`: the figure's own entries."""
    return {**layout,
            "title": {"text": f"{_plain(title)}<br><sup>{_plain(subtitle)}</sup>", "x": 0.01},
            "font": {"family": "Liberation Sans, Helvetica, Arial, sans-serif", "size": 12},
            "height": height, "margin": {"l": 10, "r": 10, "t": 80, "b": below + 40},
            "paper_bgcolor": "white",
            "annotations": [{"text": "<br>".join(_plain(line) for line in source.split("\n")),
                             "xref": "paper", "yref": "paper", "x": 0, "y": 0,
                             "xanchor": "left", "yanchor": "top", "showarrow": False,
                             "font": {"size": 10, "color": "#555555"}, "yshift": -below}]}


def _plain(text: str) -> str:
    """Text for a plotly label: plotly reads a few HTML tags in labels, so every < and >
    from an article or a user is escaped."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def source_line(n_articles: int, made: dt.date | None = None) -> str:
    made = made or dt.date.today()
    return (f"Source: Estimate Desk, {n_articles} citing article{'s' * (n_articles != 1)}; "
            f"link widths count articles. Made {made.isoformat()}.")


def sankey_figure(f: Flow, subtitle: str, made: dt.date | None = None) -> go.Figure:
    """Claimant group → claim → publisher, widths by citing articles."""
    n_articles = sum(v for v, s in zip(f.values, f.sources) if f.kinds[s] == "group")
    title = "Who carries whose numbers"
    if f.n_claims > f.n_shown:
        subtitle += f" · the {f.n_shown} most cited of {f.n_claims:,} claims, the rest gathered per group"
    sankey = {
        "type": "sankey",
        # "fixed": with dragging on, plotly turns a click on a node into a drag and emits no
        # click at all; fixed nodes emit plotly_click (Streamlit 1.67 passes none on yet).
        "arrangement": "fixed",
        "node": {"label": [_plain(x) for x in f.labels], "color": f.colors, "pad": 12,
                 "thickness": 14, "customdata": [f"{k}|{key}" for k, key in zip(f.kinds, f.keys)],
                 "hovertemplate": "%{label}<br>%{value} citing articles<extra></extra>"},
        "link": {"source": f.sources, "target": f.targets, "value": f.values,
                 "color": ["rgba(120,120,120,0.25)"] * len(f.values),
                 "hovertemplate": "%{source.label} → %{target.label}<br>%{value} articles<extra></extra>"}}
    height = max(420, 30 * max(f.kinds.count("claim") + f.kinds.count("others"),
                               f.kinds.count("publisher")) + 160)
    return _figure([sankey], _decorate(title, subtitle, source_line(n_articles, made), height))


def node_sizes(f: Flow) -> list[int]:
    """Citing articles through each node (what its height in the Sankey shows)."""
    into, out = [0] * len(f.labels), [0] * len(f.labels)
    for s, t, v in zip(f.sources, f.targets, f.values):
        out[s] += v
        into[t] += v
    return [max(i, o) for i, o in zip(into, out)]


def nodes_figure(f: Flow) -> go.Figure:
    """The Sankey's nodes as bars, one per node with the Sankey's colour and size: the
    clickable stand-in for its nodes (Streamlit passes no Sankey click to the script)."""
    kinds = {"group": "Claimant group", "claim": "Claim", "others": "Claims", "publisher": "Publisher"}
    sizes = node_sizes(f)
    order = [i for kind in ("group", "claim", "others", "publisher")
             for i in range(len(f.labels)) if f.kinds[i] == kind]
    bars = {"type": "bar", "orientation": "h", "x": [sizes[i] for i in order],
            "y": [_plain(f"{kinds[f.kinds[i]]}: {f.labels[i]}") for i in order],
            "customdata": [f"{f.kinds[i]}|{f.keys[i]}" for i in order],
            "marker": {"color": [f.colors[i] for i in order]},
            "hovertemplate": "%{y}<br>%{x} citing articles<br>click to narrow the page<extra></extra>"}
    return _figure([bars], {
        "yaxis": {"autorange": "reversed", "automargin": True},
        "xaxis": {"title": {"text": "citing articles"}},
        "height": max(260, 20 * len(order) + 90), "margin": {"l": 10, "r": 10, "t": 30, "b": 40},
        "title": {"text": "Click a bar to narrow the page to that node", "x": 0.01,
                  "font": {"size": 13}},
        "font": {"family": "Liberation Sans, Helvetica, Arial, sans-serif", "size": 11},
        "dragmode": False, "clickmode": "event+select", "paper_bgcolor": "white"})


PUBLISHERS_NAMED = 3  # publishers named in a timeline point's hover; the rest counted


def echo_points(con, filters: Filters = Filters(), focus: Focus = Focus(),
                top: int = TOP_CLAIMS, rows=None, drawn: Flow | None = None) -> pd.DataFrame:
    """The timeline's points: per claim of the `top` most cited, per day and first report
    or echo, how many articles, their lag, the first publishers by name and how many in
    all, and the title when a single article; undated appearances as rows with no day.
    Aggregated in SQL (a claim cited by thousands of articles is a point a day), straight
    from the store: reading the appearances whole to share them with the citing-articles
    table cost more (29 -> 23 ms of CPU at 10,000 articles, 69 -> 55 at 100,000), and that
    table is read only when opened. `drawn`: see _top_sql."""
    sql, params = _top_sql(con, filters, focus, top, rows, drawn)
    return _frame(con.execute(f"""
        SELECT claim_id, published, is_first, count(*) AS n_articles, min(lag_days) AS lag_days,
               list(DISTINCT publisher ORDER BY publisher)[1:{PUBLISHERS_NAMED}] AS publishers,
               count(DISTINCT publisher) AS n_publishers,
               CASE WHEN count(*) = 1 THEN min(title) END AS title,
               any_value(claimant) AS claimant, any_value(claimant_group) AS claimant_group,
               any_value(measure) AS measure, any_value(value) AS value, any_value(low) AS low,
               any_value(high) AS high, any_value(qualifier) AS qualifier, any_value(date) AS date
        FROM ({sql}) GROUP BY claim_id, published, is_first
        ORDER BY claim_id, published NULLS LAST, NOT is_first""", params))


def timeline_rows(points: pd.DataFrame, top: int = TOP_CLAIMS) -> tuple[list[dict], int]:
    """The dated points of the `top` most cited claims, as plain rows with a row label
    each (`row`), and how many appearances had no date to place."""
    # plain rows: a few hundred points, where pandas' grouping and filtering per trace
    # cost most of the figure's time
    names = list(points.columns)  # column by column: to_dict("records") boxes cell by cell
    records = [dict(zip(names, r)) for r in zip(*(points[c].tolist() for c in names))]
    cited: dict = {}
    for r in records:
        cited[r["claim_id"]] = cited.get(r["claim_id"], 0) + r["n_articles"]
    keep = set(sorted(cited, key=lambda c: (-cited[c], c))[:top])
    shown = [r for r in records if r["claim_id"] in keep]
    undated = int(sum(r["n_articles"] for r in shown if is_missing(r["published"])))
    labels: dict = {}  # a claim's name once per claim (its columns are the same on each point)
    rows = [r for r in shown if not is_missing(r["published"])]
    for r in rows:
        if r["claim_id"] not in labels:
            labels[r["claim_id"]] = claim_name(r)
        r["row"] = labels[r["claim_id"]]
    return rows, undated


def _publishers_text(names, n: int) -> str:
    names = [str(x) for x in (names if names is not None else [])]
    more = int(n) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def timeline_figure(points: pd.DataFrame, subtitle: str, top: int = TOP_CLAIMS,
                    made: dt.date | None = None, n_claims: int | None = None) -> go.Figure:
    """Each claim a row: its first report (filled) and its echoes (rings) over time, a
    point per day (echo_points). `points` may hold only the top claims; `n_claims` says
    how many there are."""
    rows, undated = timeline_rows(points, top)
    in_rows = {r["claimant_group"] for r in rows}
    data = []
    for group in [g for g in GROUPS if g in in_rows] + sorted(in_rows - set(GROUPS)):
        for first in (True, False):
            part = [r for r in rows if r["claimant_group"] == group and r["is_first"] == first]
            if not part:
                continue
            data.append({
                "type": "scatter",
                "x": [r["published"].isoformat() for r in part], "y": [_plain(r["row"]) for r in part],
                "mode": "markers", "name": f"{group}: {'first report' if first else 'echo'}",
                "legendgroup": group,
                "marker": {"color": GROUP_COLORS.get(group, "#888888"), "size": 11 if first else 8,
                           "symbol": "circle" if first else "circle-open", "line": {"width": 2}},
                "customdata": [[_plain(_publishers_text(r["publishers"], r["n_publishers"])),
                                _plain(r["title"] if isinstance(r["title"], str) else
                                       f"{int(r['n_articles'])} articles"),
                                _lag_text(r["is_first"], r["lag_days"])]
                               for r in part],
                "hovertemplate": "%{y}<br>%{x}: %{customdata[0]} (%{customdata[2]})"
                                 "<br>%{customdata[1]}<extra></extra>"})
    n_rows = len({r["row"] for r in rows})
    notes = [f"{undated} undated article{'s' * (undated != 1)} not placed"] if undated else []
    n_claims = n_claims if n_claims is not None else points["claim_id"].nunique()
    if n_claims > top:
        subtitle += f" · the {top} most cited of {n_claims:,} claims"
    if n_rows < min(top, n_claims):
        notes.append(f"{min(top, n_claims) - n_rows} claim(s) with no dated article not drawn")
    n_placed = int(sum(r["n_articles"] for r in rows))
    return _figure(data, _decorate(
        "First reports and their echoes", subtitle,
        source_line(n_placed, made).replace("; link widths count articles", "")
        + ("\n" + "; ".join(notes).capitalize() + "." if notes else ""),
        height=max(460, 30 * n_rows + 330), below=150,
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"type": "date", "rangeslider": {"visible": True, "thickness": 0.08}},
        legend={"orientation": "v", "x": 1.01, "y": 1, "font": {"size": 10}},
        hovermode="closest"))


def _lag_text(first: bool, lag) -> str:
    if first:
        return "first report"
    return "undated" if is_missing(lag) else f"+{int(lag)} days"


def figure_html(fig: go.Figure) -> bytes:
    """A standalone HTML page with plotly.js embedded: opens offline."""
    return fig.to_html(include_plotlyjs=True, full_html=True, config=PLOTLY_CONFIG).encode("utf-8")


# --- what each claimant says now -----------------------------------------------------------

_CHAIN_COLUMNS = ("claim_id, claimant, claimant_group, measure, value, low, high, qualifier, "
                  "date, date_basis, n_articles, superseded_by")


def claimant_chain(con, claim_id: str) -> list[dict]:
    """The claims of this claim's claimant on its measure, oldest first, following the
    store's superseded_by links (the rule lives in analysis.store.claims.superseded_by).
    Just the claim itself when it is undated or has no claimant."""
    return claimant_chains(con, [claim_id]).get(claim_id, [])


def claimant_chains(con, claim_ids) -> dict[str, list[dict]]:
    """claimant_chain of each of these claims, from one query (a table of every
    claimant's latest claim needs thousands)."""
    ids = list(dict.fromkeys(claim_ids))
    if not ids:
        return {}
    # fetchall, not a DataFrame: tens of thousands of rows, plain values (NULL is None)
    result = con.execute(
        f"SELECT {_CHAIN_COLUMNS} FROM claims JOIN (SELECT DISTINCT measure, claimant FROM claims "
        "WHERE claim_id IN (SELECT unnest(?))) USING (measure, claimant) "
        f"UNION ALL SELECT {_CHAIN_COLUMNS} FROM claims WHERE claim_id IN (SELECT unnest(?)) "
        "AND claimant IS NULL", [ids, ids])
    names = [d[0] for d in result.description]
    groups: dict[tuple, dict] = {}
    for r in (dict(zip(names, row)) for row in result.fetchall()):
        groups.setdefault((r["measure"], r["claimant"]), {})[r["claim_id"]] = r
    of = {cid: by_id for by_id in groups.values() for cid in by_id}
    return {cid: _chain(of[cid], cid) for cid in ids if cid in of}


def _chain(by_id: dict, claim_id: str) -> list[dict]:
    if by_id.get(claim_id, {}).get("claimant") is None:
        return [by_id[claim_id]]
    before = {r["superseded_by"]: r["claim_id"] for r in by_id.values() if r["superseded_by"]}
    head = claim_id
    while head in before:
        head = before[head]
    chain = []
    while head is not None and head in by_id and len(chain) <= len(by_id):
        chain.append(by_id[head])
        head = by_id[head]["superseded_by"]
    return chain


_STEP = ("claimant", *STEP)  # what chain_text reads of a claim


def _tails(con, chosen: str, params: list, last: int) -> dict[str, tuple[list[dict], int]]:
    """chain_tails of the chained claims among those `chosen` (SQL giving claim ids, with
    its `params`) names, in one query of claim_chains alone (it keeps each step's figure
    and date)."""
    rows = con.execute(f"""
        WITH asked AS MATERIALIZED (SELECT claim_id, measure, claimant FROM claim_chains
                                    WHERE claim_id IN ({chosen})),
        tails AS (SELECT measure, claimant, any_value(n_chain) AS n_chain,
                         list(struct_pack({', '.join(_STEP)}) ORDER BY pos) AS tail
                  FROM claim_chains JOIN (SELECT DISTINCT measure, claimant FROM asked)
                       USING (measure, claimant)
                  WHERE pos > n_chain - ? GROUP BY measure, claimant)
        SELECT a.claim_id, t.n_chain, t.tail FROM asked a JOIN tails t USING (measure, claimant)
        """, [*params, int(last)]).fetchall()
    return {claim_id: (tail, int(n)) for claim_id, n, tail in rows}


def chain_tails(con, claim_ids, last: int) -> dict[str, tuple[list[dict], int]]:
    """The last `last` claims of each of these claims' chains (claimant_chain's, oldest
    first; of each claim the columns chain_text reads) and the chain's length, reading
    only those rows: the store's claim_chains (derived.py) hold each chained claim's
    place in its chain, walked along superseded_by (a claim without a date or claimant
    stands alone)."""
    ids = list(dict.fromkeys(claim_ids))
    if not ids:
        return {}
    out = _tails(con, "SELECT unnest(?)", [ids], last)
    alone = con.execute(f"SELECT claim_id, {', '.join(_STEP)} FROM claims WHERE claim_id IN "
                        f"(SELECT unnest(?)) AND NOT coalesce({CHAINED}, false)", [ids])
    for claim_id, *step in alone.fetchall():
        out[claim_id] = ([dict(zip(_STEP, step))], 1)
    return {i: out[i] for i in ids if i in out}


def chain_texts(con, claim_ids, last: int) -> dict[str, str]:
    """chain_text(claimant_chain(claim), last) of each of these claims, reading only the
    chains' last claims (chain_tails)."""
    return {i: chain_text(tail, last=last, total=n)
            for i, (tail, n) in chain_tails(con, claim_ids, last).items()}


# English month names, as strftime's %b gives them in the C locale (ten times faster: it was
# most of the chain texts' 20 ms at 10,000 articles, and independent of the locale)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def chain_text(chain: list[dict], last: int | None = None, total: int | None = None,
               figures: dict | None = None) -> str:
    """A claimant's estimates in one line, oldest first (with `last`: only the last ones,
    after the number of earlier ones; `total`: the chain's length when `chain` holds only
    its last claims, as chain_tails gives them; `figures`: a dict the caller keeps across
    calls, naming each figure once).

    >>> chain_text([{"claimant": "National Intelligence Service (NIS)", "qualifier": "exact",
    ...              "value": v, "low": v, "high": v, "date": dt.date(2024, m, d)}
    ...             for v, m, d in ((1500, 10, 18), (3000, 10, 23), (11000, 12, 10))])
    'NIS: 1,500 (Oct 18) → 3,000 (Oct 23) → 11,000 (Dec 10)'
    """
    if not chain:
        return ""
    shown = chain if last is None else chain[-last:]
    total = len(chain) if total is None else total
    steps = [f"{total - len(shown)} earlier"] if len(shown) < total else []
    figures = {} if figures is None else figures
    for c in shown:
        when = c.get("date")
        day = f"{_MONTHS[when.month - 1]} {when.day}" if isinstance(when, dt.date) else "undated"
        figure = (c.get("qualifier"), c.get("value"), c.get("low"), c.get("high"))
        named = figures.get(figure)
        if named is None:
            named = figures[figure] = bound_label(*figure)
        steps.append(f"{named} ({day})")
    return f"{short_claimant(chain[0].get('claimant'))}: " + " → ".join(steps)


def _latest_sql(filters: Filters) -> tuple[str, list]:
    where, params = claims_where(filters)
    where = _and(where, "superseded_by IS NULL")
    # the columns the page shows (its claims' lists of mentions and articles are long)
    return (f"SELECT {_CHAIN_COLUMNS}, date IS NULL AS undated FROM claims{where} "
            "ORDER BY measure, claimant_group, claimant, date NULLS LAST, claim_id"), params


def latest_claims(con, filters: Filters = Filters()) -> pd.DataFrame:
    """What each claimant says now: per measure, each claimant's latest claim (none
    supersedes it), plus its undated claims, listed apart by `undated`."""
    return _frame(con.execute(*_latest_sql(filters)))


def _arrow_frame(table) -> pd.DataFrame:
    """_frame's DataFrame of an Arrow table (dates as dates, a missing cell None or NaN)
    at a third of its cost: Arrow gives dates as dates, where _frame converts each one."""
    df = table.to_pandas()
    for name in table.column_names:
        # DuckDB gives a text column without a single value as None cells, not NaN
        if pa.types.is_string(table.schema.field(name).type) and table[name].null_count == len(df):
            df[name] = pd.Series([None] * len(df), index=df.index, dtype=object)
    return df


def _head_tails(con, last: int) -> dict[str, tuple[list[dict], int]]:
    """chain_tails of every chain's latest claim: the last `last` steps of each chain in
    claim_chains, a few rows per claimant and measure however many claims there are."""
    rows = con.execute(f"SELECT claim_id, pos, n_chain, {', '.join(_STEP)} FROM claim_chains "
                       "WHERE pos > n_chain - ? ORDER BY measure, claimant, pos", [int(last)]).fetchall()
    out, tail = {}, []
    for claim_id, pos, n, *step in rows:
        tail.append(dict(zip(_STEP, step)))
        if pos == n:  # the chain's latest claim closes its rows
            out[claim_id], tail = (tail, int(n)), []
    return out


def latest_with_chains(con, filters: Filters, last: int) -> pd.DataFrame:
    """latest_claims with each dated claim's chain text (its last `last` steps) in `chain`;
    an undated claim's chain reads "undated"."""
    sql, params = _latest_sql(filters)
    # read as Arrow, and every chain's tail at once (a few rows per claimant and measure),
    # not those of the claims chosen: a DataFrame and a second pass over the claims cost
    # more (50 -> 35 ms of CPU at 10,000 articles, 57 -> 37 at 100,000)
    table = con.cursor().sql(sql, params=params).to_arrow_table()  # a cursor: see _per
    if not table.num_rows:  # no rows to read: the columns as latest_claims types them
        now = latest_claims(con, filters)
        now["chain"] = []
        return now
    tails = _head_tails(con, last)
    # each figure named once: a few hundred among thousands of steps (4.6 -> 1 ms)
    chains, figures = [], {}
    for claim_id, undated, *step in zip(*(table[c].to_pylist() for c in ("claim_id", "undated", *_STEP))):
        if undated:
            chains.append("undated")
        elif claim_id in tails:
            chains.append(chain_text(tails[claim_id][0], last=last, total=tails[claim_id][1],
                                     figures=figures))
        elif isinstance(step[0], str) and step[0]:  # chained (CHAINED) but not in claim_chains
            chains.append("")
        else:  # a dated claim with no claimant stands alone: its own row is its chain
            chains.append(chain_text([dict(zip(_STEP, step))], figures=figures))
    now = _arrow_frame(table)
    now["chain"] = chains
    return now
