"""The dashboard's charts by name and its filters as parameters: one list of each, used
by the pages' downloads, the Briefing page, links to a view and `python -m analysis.export`.

A filter is a field of `queries.Filters`; `FILTER_PARAMS` names it in a URL and on the
command line. A new filter is one `Filters` field (and its SQL in queries.py), one
`FilterParam` here, and one widget in ui/filters.py named in its `WIDGETS`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Callable, Mapping

import pandas as pd

from analysis.extract.vocab import MEASURES
from analysis.present import charts, queries
from analysis.present.labels import measure_label
from analysis.present.queries import FilterOptions, Filters
from analysis.store.decisions import CREDIBILITY, RELIABILITY

# --- filters as parameters -------------------------------------------------------------


@dataclass(frozen=True)
class FilterParam:
    name: str   # the URL parameter and the command-line flag (--name)
    attr: str   # the field of Filters it sets
    kind: str   # "list" (repeatable), "date" (YYYY-MM-DD), "text" or "flag"
    label: str  # what one value is, for messages
    help: str


FILTER_PARAMS: tuple[FilterParam, ...] = (
    FilterParam("measure", "measures", "list", "measure", "a measure, e.g. killed (repeat for several)"),
    FilterParam("group", "groups", "list", "claimant group", "a claimant group, e.g. Ukraine (repeatable)"),
    FilterParam("from", "date_from", "date", "from date", "claims dated on or after YYYY-MM-DD"),
    FilterParam("to", "date_to", "date", "to date", "claims dated on or before YYYY-MM-DD"),
    FilterParam("publisher", "publishers", "list", "publisher", "a publisher (repeatable)"),
    FilterParam("q", "text", "text", "search text", "text searched in quotes, sentences and claimants"),
    FilterParam("reviewed", "reviewed_only", "flag", "reviewed-only switch", "reviewed claims only"),
    FilterParam("source-grade", "reliability_at_least", "grade", "source grade",
                "claims whose source is graded this or better: A to E (Admiralty reliability)"),
    FilterParam("claim-grade", "credibility_at_least", "grade", "claim grade",
                "claims graded this or better: 1 to 5 (Admiralty credibility)"),
)
# The grades a "this or better" filter takes: each scale but its last (cannot be judged).
GRADES = {"reliability_at_least": [str(g) for g in list(RELIABILITY)[:-1]],
          "credibility_at_least": [str(g) for g in list(CREDIBILITY)[:-1]]}
PARAM_NAMES = frozenset(p.name for p in FILTER_PARAMS)
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def to_params(f: Filters) -> list[tuple[str, str]]:
    """The filters as (name, value) pairs for a URL query, in a fixed order.

    >>> to_params(Filters(measures=("killed", "wounded"), date_from=dt.date(2024, 11, 1),
    ...                   reviewed_only=True))
    [('measure', 'killed'), ('measure', 'wounded'), ('from', '2024-11-01'), ('reviewed', '1')]
    """
    pairs = []
    for p in FILTER_PARAMS:
        value = getattr(f, p.attr)
        if p.kind == "list":
            pairs += [(p.name, str(v)) for v in value]
        elif p.kind == "date" and value:
            pairs.append((p.name, value.isoformat()))
        elif p.kind == "text" and str(value).strip():
            pairs.append((p.name, str(value).strip()))
        elif p.kind == "flag" and value:
            pairs.append((p.name, "1"))
        elif p.kind == "grade" and value:
            pairs.append((p.name, str(value)))
    return pairs


def _allowed(p: FilterParam, options: FilterOptions | None) -> list | None:
    if options is None:
        return None
    return {"measures": options.measures, "groups": options.groups,
            "publishers": options.publishers}.get(p.attr)


def from_params(params: Mapping[str, list[str]], options: FilterOptions | None = None
                ) -> tuple[Filters, list[str]]:
    """Filters from URL or command-line values, and a plain sentence for each value that
    was dropped (an unknown option, a date that does not parse) or corrected (a date
    outside the data, dates the wrong way round).

    >>> f, problems = from_params({"measure": ["killed", "zombies"], "from": ["2024-13-01"]},
    ...                           FilterOptions(measures=["killed"]))
    >>> f.measures, f.date_from
    (('killed',), None)
    >>> problems
    ["No measure 'zombies' in this database (it holds: killed).", "The from date '2024-13-01' is not a date (YYYY-MM-DD)."]
    """
    values: dict = {}
    problems: list[str] = []
    for p in FILTER_PARAMS:
        raw = [str(v) for v in params.get(p.name, []) if v is not None]
        if not raw:
            continue
        if p.kind == "list":
            allowed = _allowed(p, options)
            kept = []
            for v in dict.fromkeys(raw):
                if allowed is not None and v not in allowed:
                    shown = measure_label(v) if p.attr == "measures" and v in MEASURES else v
                    held = f" (it holds: {', '.join(allowed)})" if 0 < len(allowed) <= 12 else ""
                    problems.append(f"No {p.label} '{shown}' in this database{held}.")
                else:
                    kept.append(v)
            values[p.attr] = tuple(kept)
        elif p.kind == "date":
            try:
                day = dt.date.fromisoformat(raw[-1].strip())
            except ValueError:
                problems.append(f"The {p.label} '{raw[-1]}' is not a date (YYYY-MM-DD).")
                continue
            values[p.attr] = day
        elif p.kind == "text":
            values[p.attr] = raw[-1].strip()
        elif p.kind == "flag":
            flag = raw[-1].strip().lower()
            if flag not in _TRUE + _FALSE:
                problems.append(f"'{raw[-1]}' is not yes or no for the {p.label}.")
                continue
            values[p.attr] = flag in _TRUE
        elif p.kind == "grade":
            grade = raw[-1].strip().upper()
            if grade not in GRADES[p.attr]:
                problems.append(f"No {p.label} '{raw[-1]}' (choose one of "
                                f"{', '.join(GRADES[p.attr])}).")
                continue
            values[p.attr] = int(grade) if p.attr == "credibility_at_least" else grade
    f = Filters(**values)
    if options is not None and options.min_date and options.max_date:
        f, more = _within(f, options.min_date, options.max_date)
        problems += more
    if f.date_from and f.date_to and f.date_from > f.date_to:
        problems.append(f"The from date {f.date_from} is after the to date {f.date_to}; "
                        "the two are swapped.")
        f = dataclasses.replace(f, date_from=f.date_to, date_to=f.date_from)
    return f, problems


def _within(f: Filters, lo: dt.date, hi: dt.date) -> tuple[Filters, list[str]]:
    """Dates outside the data's extent moved to its nearest end (an end at the extent is
    no restriction, as the sidebar shows it)."""
    problems, changes = [], {}
    for attr, name in (("date_from", "from"), ("date_to", "to")):
        day = getattr(f, attr)
        if day is None:
            continue
        near = min(max(day, lo), hi)
        if near != day:
            problems.append(f"The {name} date {day} lies outside the claims' dates ({lo} to "
                            f"{hi}); {near} is used.")
        changes[attr] = None if (attr == "date_from" and near <= lo) or (
            attr == "date_to" and near >= hi) else near
    return dataclasses.replace(f, **changes), problems


# --- charts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartView:
    """One chart as the dashboard draws it, with the claims it draws (on Compare each row's
    latest claim; none for a binned timeline) and its alt text. A binned timeline carries
    `facts` instead: what its bins rest on (queries.sources of the dated claims)."""
    name: str
    spec: dict
    claims: pd.DataFrame
    stem: str
    alt: str
    facts: dict | None = None

    @functools.cached_property
    def title(self) -> str:
        return charts.chart_title(self.spec)


def _compare(measure: str) -> Callable:
    def build(con, f: Filters, made: dt.date | None) -> ChartView | None:
        if f.measures and measure not in f.measures:
            return None
        drawn = charts.compare_charts(con, f, made=made, measure=measure)
        if not drawn:
            return None
        ((_, spec, rows),) = drawn
        return ChartView(f"compare-{measure}", spec, rows, f"estimate-desk-compare-{measure}",
                         charts.alt_text(spec, rows))
    return build


def _timeline(con, f: Filters, made: dt.date | None) -> ChartView | None:
    try:
        spec, claims, bins = charts.timeline_view(con, f, made=made)
    except ValueError:  # no dated claim to place
        return None
    if claims is None:
        return ChartView("timeline", spec, pd.DataFrame(columns=["claim_id"]), "estimate-desk-timeline",
                         charts.bins_alt_text(spec, bins, bins.attrs["facts"]), facts=bins.attrs["facts"])
    dated = claims[claims["date"].notna()]
    return ChartView("timeline", spec, dated, "estimate-desk-timeline", charts.alt_text(spec, dated))


# name -> (what it shows, builder); Compare draws one chart per measure.
CHARTS: dict[str, tuple[str, Callable]] = {
    **{f"compare-{m}": (f"Compare: {measure_label(m).lower()} estimates, one row per claimant",
                        _compare(m)) for m in MEASURES},
    "timeline": ("Timeline: dated claims over time, a panel per measure (binned when many)",
                 _timeline),
}


def build(name: str, con, filters: Filters = Filters(),
          made: dt.date | None = None) -> ChartView | None:
    """The chart `name` under these filters, as its page draws it; None when no matching
    claim belongs on it."""
    if name not in CHARTS:
        raise KeyError(f"no chart named {name!r}; charts: {', '.join(CHARTS)}")
    return CHARTS[name][1](con, filters, made)


def available(con, filters: Filters = Filters()) -> list[str]:
    """The charts that have something to show under these filters, in the dashboard's order."""
    measures = set(queries.claim_measures(con, filters))
    names = [n for n in CHARTS if n.removeprefix("compare-") in measures]
    dated = queries.dated_claims_extent(con, filters)[0]
    return names + (["timeline"] if dated else [])


# format -> (mime type, file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "png": ("image/png", ".png"), "svg": ("image/svg+xml", ".svg"),
    "pdf": ("application/pdf", ".pdf"), "html": ("text/html", ".html"),
}


def render(chart, fmt: str, size: str = "standard", alt: str | None = None) -> bytes:
    """A chart as file bytes: what the pages' downloads and the scripted export serve."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return charts.EXPORTERS[fmt](chart, size=size, alt=alt)
