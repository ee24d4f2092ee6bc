"""Altair charts of claims: the same objects are shown on the pages and exported.

Every chart carries a title, a subtitle naming the active filters and a footnote naming
its sources (claimants and publishers) and the day it was made, so a PNG pasted into a
slide still says what it shows. Colours come from `vocab.GROUP_COLORS` over the fixed
domain `vocab.GROUPS`, so a claimant group has one colour everywhere. Export runs through
vl-convert: no browser and no network.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
import textwrap

import altair as alt
import pandas as pd
import vl_convert as vlc

from analysis.present import queries
from analysis.present.labels import (bound_label, claim_review_label, claimant_name,
                                     fmt_number, measure_label)
from analysis.extract.vocab import GROUP_COLORS, GROUPS, MEASURES

WIDTH = 560
TIMELINE_WIDTH = 720
ROW_HEIGHT = 34
FACET_HEIGHT = 140
FONT = "Liberation Sans, Helvetica, Arial, sans-serif"
INK, MUTED = "#222222", "#555555"
VL_VERSION = "v" + "_".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
FLOORS, CEILINGS = ("at_least", "more_than"), ("up_to", "nearly")
PUBLISHED_NOTE = "published date, claim date unknown"
# Rows on one Compare chart, and claims a Timeline draws one by one; beyond these the
# charts show the claimants with the most claims, and bins.
MAX_ROWS = 60
MAX_TIMELINE_POINTS = 300
# The point selection a click on a claim's point or range bar sets: it returns the
# claim's id (fields given, else Vega's internal row ids come back).
CLICK = "claim_click"


class Spec(dict):
    """A Vega-Lite spec as a plain dict. Charts are written as dicts: altair deep-copies a
    chart on every method call and validates it on output, which took seconds for a page
    of charts. `to_dict()` keeps altair's way of asking for the spec."""

    def to_dict(self, **_) -> dict:
        return json.loads(json.dumps(self))


def group_color(present=None, orient: str = "right") -> dict:
    """Colour by claimant group over the fixed domain; the legend lists groups present."""
    values = [g for g in GROUPS if present is None or g in set(present)]
    legend = {"values": values, "symbolType": "circle", "symbolOpacity": 1, "orient": orient}
    if orient == "top":
        legend.update(direction="horizontal", titleOrient="left", offset=12)
    return {"field": "group", "type": "nominal", "title": "Claimant group", "legend": legend,
            "scale": {"domain": list(GROUPS), "range": [GROUP_COLORS[g] for g in GROUPS]}}


def _iso(day) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else None


def claim_label(row) -> str:
    """How a claim is named on a chart axis: claimant · date.

    >>> claim_label({"claimant": "NIS", "claimant_group": "South Korea",
    ...              "date": dt.date(2024, 10, 21), "date_basis": "published"})
    'NIS · 2024-10-21 (published)'
    >>> claim_label({"claimant": float("nan"), "claimant_group": "Other", "date": None})
    'unnamed source (Other) · undated'
    >>> claim_label({"claimant": "NIS", "grade": "B2", "date": None})
    'NIS · B2 · undated'
    """
    who = claimant_name(row.get("claimant"), row.get("claimant_group"))
    if isinstance(row.get("grade"), str) and row.get("grade"):  # an analyst's Admiralty grade
        who = f"{who} · {row['grade']}"
    day = _iso(row.get("date"))
    if day is None:
        return f"{who} · undated"
    return f"{who} · {day}" + (" (published)" if row.get("date_basis") == "published" else "")


def summary_label(row) -> str:
    """How a summary row (a claimant's or a group's claims) is named on a chart axis:
    who · date of the latest claim · how many claims.

    >>> summary_label({"who": "NIS", "claimant_group": "South Korea", "n_claims": 3,
    ...                "date": dt.date(2024, 10, 21), "date_basis": "claim"})
    'NIS · 2024-10-21 · 3 claims'
    >>> summary_label({"who": "", "claimant_group": "Ukraine", "n_claims": 1, "date": None})
    'unnamed source (Ukraine) · undated'
    """
    who = claimant_name(row.get("who"), row.get("claimant_group"))
    label = claim_label({**row, "claimant": who, "claimant_group": None})
    n = int(row.get("n_claims") or 1)
    return label + (f" · {n:,} claims" if n > 1 else "")


def date_text(row) -> str:
    """A claim's date for people, saying when it is only the published date."""
    day = _iso(row.get("date"))
    if day is None:
        return "unknown"
    return f"{day} ({PUBLISHED_NOTE})" if row.get("date_basis") == "published" else day


def _names(values) -> list[str]:
    out: set[str] = set()
    for v in values:
        if isinstance(v, (list, tuple)):
            out.update(str(x) for x in v if x)
        elif isinstance(v, str) and v:
            out.add(v)
    return sorted(out, key=str.casefold)


def _listing(names: list[str], cap: int = 20) -> str:
    if not names:
        return "none"
    shown = ", ".join(names[:cap])
    return shown + (f" and {len(names) - cap} more" if len(names) > cap else "")


def footnote_lines(df: pd.DataFrame, made: dt.date | None = None, extra: str | None = None,
                   width: int = 125) -> list[str]:
    """The source lines under a chart: claimants, publishers, date made."""
    return source_lines(chart_sources(df), made, extra, width)


def chart_sources(df: pd.DataFrame) -> dict:
    """Claims, distinct citing articles, claimants and publishers behind a frame of claims
    or of summary rows (queries.claim_summary: one measure's rows)."""
    if "n_claims" in df:
        return {"n_claims": int(df["n_claims"].sum()),
                "n_articles": int(df["n_articles_measure"].max()) if len(df) else 0,
                "claimants": _names(df["claimants_all"]), "publishers": _names(df["publishers_all"])}
    return {"n_claims": len(df),
            "n_articles": len(_names(df["articles"])) if "articles" in df else 0,
            "claimants": _names(df["claimants"]) if "claimants" in df else _names(df["claimant"]),
            "publishers": _names(df["publishers"]) if "publishers" in df else []}


def source_lines(facts: dict, made: dt.date | None = None, extra: str | None = None,
                 width: int = 125) -> list[str]:
    """The source lines under a chart from `queries.sources`-like facts."""
    made = made or dt.date.today()
    n, n_articles = facts["n_claims"], facts["n_articles"]
    text = [
        f"Sources: {n:,} claim{'s' * (n != 1)} cited by {n_articles:,} "
        f"article{'s' * (n_articles != 1)}. Claimants: {_listing(list(facts['claimants']))}.",
        f"Publishers: {_listing(list(facts['publishers']))}.",
    ]
    if extra:
        text.append(extra)
    text.append(f"Made {made.isoformat()} with Estimate Desk.")
    return [line for para in text for line in textwrap.wrap(para, width)]


CONFIG = {
    "font": FONT, "background": "white", "padding": 12, "view": {"strokeOpacity": 0},
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": INK, "titleColor": MUTED,
             "gridColor": "#e6e6e6"},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "titleColor": MUTED},
}
ROWS = "rows"


def _decorate(chart: dict, title: str, subtitle: str, footnote: list[str],
              rows: pd.DataFrame | list[dict] | None = None) -> Spec:
    """The chart under its title and subtitle, with the footnote below; `rows` become the
    spec's one named dataset, "rows" (written once, whatever the number of layers)."""
    body = {**chart, "title": {"text": footnote, "orient": "bottom", "anchor": "start",
                               "fontSize": 11, "fontWeight": "normal", "color": MUTED,
                               "offset": 18, "lineHeight": 15}}
    spec = Spec({"$schema": f"https://vega.github.io/schema/vega-lite/{alt.SCHEMA_VERSION}.json",
                 "config": CONFIG, "vconcat": [body],
                 "title": {"text": title, "subtitle": subtitle or " ", "anchor": "start",
                           "fontSize": 18, "color": INK, "subtitleFontSize": 13,
                           "subtitleColor": MUTED, "subtitlePadding": 4, "offset": 14}})
    if rows is not None:
        spec["datasets"] = {ROWS: _values(rows)}
    return spec


def _values(rows) -> list[dict]:
    """Rows (a frame or row dicts) as JSON-ready records (NaN as null, dates as ISO text)."""
    if isinstance(rows, list):
        return rows
    return json.loads(rows.to_json(orient="records", date_format="iso"))


def _nice_ceiling(x: float) -> float:
    """A round number at or above x, for an axis end.

    >>> _nice_ceiling(13000), _nice_ceiling(2900), _nice_ceiling(0)
    (15000, 3000, 1)
    """
    if x <= 0:
        return 1
    step = 10 ** math.floor(math.log10(x))
    nice = next(m * step for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * step >= x)
    return int(nice) if float(nice).is_integer() else nice


def _num(v) -> float | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    return None if pd.isna(v) else float(v)


def _tooltip_fields(row) -> dict:
    return {
        "claim_id": row["claim_id"], "claimant": claimant_name(row.get("claimant")),
        "group": row.get("claimant_group") or "Unattributed",
        "figure": bound_label(row.get("qualifier"), row.get("value"), row.get("low"), row.get("high")),
        "quote": row.get("quote") or "", "date_text": date_text(row),
        "n_articles": int(row.get("n_articles") or 0),
        "publishers_text": ", ".join(_names([row.get("publishers")])),
        "review": claim_review_label(row.get("n_reviewed"), row.get("n_mentions"),
                                     row.get("reviewed")),
    }


REVIEW_STATES = ("reviewed", "partly reviewed", "unreviewed")
REVIEW_NOTE = ("Discs mark claims an analyst has reviewed; rings, claims not yet reviewed "
               "(half-filled: some of their mentions reviewed).")


# Marker shapes in Vega's unit square: a disc, a ring half filled, a ring.
_DISC = "circle"
_RING = ("M-1,0A1,1,0,1,0,1,0A1,1,0,1,0,-1,0Z"
         "M-0.5,0A0.5,0.5,0,1,1,0.5,0A0.5,0.5,0,1,1,-0.5,0Z")
_HALF = ("M-1,0A1,1,0,1,0,1,0A1,1,0,1,0,-1,0Z"
         "M0,-0.5A0.5,0.5,0,0,1,0,0.5Z")


def review_shape(present) -> dict:
    """The point's shape by review state, with its legend: a disc once reviewed, a ring
    while unreviewed, a half-filled ring when only some mentions are reviewed."""
    values = [s for s in REVIEW_STATES if s in set(present)]
    return {"field": "review_state", "type": "nominal", "title": "Review",
            "scale": {"domain": list(REVIEW_STATES), "range": [_DISC, _HALF, _RING]},
            "legend": {"values": values, "orient": "top", "direction": "horizontal",
                       "titleOrient": "left", "symbolFillColor": "#555555",
                       "symbolStrokeColor": "white", "symbolStrokeWidth": 0.5,
                       "symbolSize": 110, "offset": 6}}


def review_state(label: str) -> str:
    """The marker style a claim's review label maps to.

    >>> [review_state(x) for x in ("reviewed", "2 of 3 mentions reviewed", "unreviewed")]
    ['reviewed', 'partly reviewed', 'unreviewed']
    """
    return label if label in ("reviewed", "unreviewed") else "partly reviewed"


def _tip(field: str, title: str, kind: str = "nominal", fmt: str | None = None) -> dict:
    return {"field": field, "type": kind, "title": title, **({"format": fmt} if fmt else {})}


TOOLTIP = [
    _tip("claimant", "Claimant"), _tip("group", "Claimant group"), _tip("figure", "Figure"),
    _tip("quote", "Quote"), _tip("date_text", "Claim date"),
    _tip("n_articles", "Citing articles", "quantitative"),
    _tip("publishers_text", "Publishers"), _tip("review", "Review"),
]
SUMMARY_TOOLTIP = [
    _tip("n_claims", "Claims in the window", "quantitative", ","),
    _tip("band_text", "Band of its claims"),
    _tip("n_articles_all", "Articles citing its claims", "quantitative", ","),
]


def clickable(spec) -> bool:
    """Whether a spec carries a CLICK selection (a binned timeline has none)."""
    if isinstance(spec, dict):
        return any(str(p.get("name", "")).startswith(CLICK) for p in spec.get("params", [])) or \
            any(clickable(v) for k, v in spec.items() if k in ("layer", "vconcat", "spec"))
    if isinstance(spec, list):
        return any(clickable(v) for v in spec)
    return False


def _click() -> dict:
    """The point selection a click sets on a claim's mark, returning its claim_id."""
    return {"name": CLICK, "select": {"type": "point", "fields": ["claim_id"], "on": "click",
                                      "clear": "dblclick"}}


SUMMARY_NOTE = ("Each row: a claimant's latest claim in the date window (point, bar, "
                "arrows); the pale band spans all its claims there (lowest to highest bound).")


def _shown_rows(df: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Summary rows to draw (at most MAX_ROWS: those with the most claims, in their order)
    and how many were left out; plain claims are all drawn."""
    if "n_claims" not in df or len(df) <= MAX_ROWS:
        return df, 0
    keep = df.sort_values(["n_claims", "n_articles_all"], ascending=False, kind="stable").index[:MAX_ROWS]
    return df.loc[sorted(keep)], len(df) - MAX_ROWS


# The columns a chart row is made from (the others, long lists among them, stay behind).
ROW_FIELDS = ("claim_id", "measure", "claimant", "claimant_group", "value", "low", "high",
              "qualifier", "date", "date_basis", "quote", "n_articles", "publishers",
              "n_reviewed", "n_mentions", "reviewed", "who", "n_claims", "band_low", "band_high",
              "n_articles_all")


def _records(df: pd.DataFrame, fields) -> list[dict]:
    """Some columns of a frame as row dicts, NaN as None (column lists: far cheaper than
    DataFrame.to_dict for rows holding long lists)."""
    cols = [c for c in fields if c in df]
    values = [[None if isinstance(v, float) and v != v else v for v in df[c].tolist()] for c in cols]
    return [dict(zip(cols, row)) for row in zip(*values)]


def compare_rows(claims_df: pd.DataFrame, measure: str) -> pd.DataFrame:
    """One plotting row per claim of a measure (or per summary row, queries.claim_summary:
    its latest claim, plus the band of its claims): label, point, bar, arrow positions."""
    return pd.DataFrame(_compare_records(claims_df, measure))


def _compare_records(claims_df: pd.DataFrame, measure: str) -> list[dict]:
    df = claims_df if (claims_df["measure"] == measure).all() else claims_df[claims_df["measure"] == measure]
    df, _ = _shown_rows(df)
    summary = "n_claims" in df
    cols = ("value", "low", "high", "band_low", "band_high") if summary else ("value", "low", "high")
    numbers = [_num(v) for col in cols for v in df[col].tolist()]
    edge = _nice_ceiling(max([n for n in numbers if n is not None] + [0]) * 1.08)
    inset = edge * 0.012
    rows, seen = [], {}
    for row in _records(df, ROW_FIELDS):
        value, low, high, qual = _num(row["value"]), _num(row["low"]), _num(row["high"]), row["qualifier"]
        label = summary_label(row) if summary else claim_label(row)
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label} ({seen[label]})"
        out = {"label": label, "value": value, "bar_low": None, "bar_high": None,
               "arrow_to": None, "arrow_shape": None, "edge": edge,
               "text": bound_label(qual, value, low, high), **_tooltip_fields(row)}
        out["review_state"] = review_state(out["review"])
        if summary:
            b_low, b_high, n = _num(row["band_low"]), _num(row["band_high"]), int(row["n_claims"])
            wide = n > 1 and b_low is not None and b_high is not None and b_high > b_low
            out.update(n_claims=n, n_articles_all=int(row["n_articles_all"]),
                       band_low=b_low if wide else None, band_high=b_high if wide else None,
                       band_text=(f"{fmt_number(b_low)}–{fmt_number(b_high)}" if wide
                                  else fmt_number(b_low)) + f" ({n:,} claim{'s' * (n != 1)})")
        if low is not None and high is not None and high > low:
            out["bar_low"], out["bar_high"] = low, high
        if qual in FLOORS or (low is not None and high is None):
            out["arrow_to"], out["arrow_shape"] = edge - inset, "triangle-right"
        elif qual in CEILINGS or (high is not None and low is None):
            out["arrow_to"], out["arrow_shape"] = inset, "triangle-left"
        rows.append(out)
    return rows


def compare_chart(claims_df: pd.DataFrame, measure: str, *, subtitle: str = "",
                  made: dt.date | None = None, width: int = WIDTH) -> Spec:
    """One row per claim of `measure`: the value as a point, low–high as a bar, open bounds
    as a dashed arrow to the plot edge (right for floors, left for ceilings)."""
    data = _compare_records(claims_df, measure)
    if not data:
        raise ValueError(f"no claims for measure {measure!r}")
    edge = float(data[0]["edge"])
    x_title = f"{measure_label(measure)}: number of North Korean personnel"
    summary = "n_claims" in data[0]
    x_scale = {"domain": [0, edge], "nice": False, "zero": True}

    def x(field: str) -> dict:
        return {"field": field, "type": "quantitative", "title": x_title, "scale": x_scale,
                "axis": {"format": ",d", "tickCount": 6}}

    def valid(field: str) -> list[dict]:
        return [{"filter": f"isValid(datum.{field})"}]

    layers = []
    if summary:
        layers.append({"transform": valid("band_low"),
                       "mark": {"type": "rule", "strokeWidth": 16, "opacity": 0.13, "strokeCap": "butt"},
                       "encoding": {"x": x("band_low"), "x2": {"field": "band_high"}}})
    layers += [
        {"transform": valid("bar_low"), "params": [_click()],
         "mark": {"type": "rule", "strokeWidth": 8, "opacity": 0.35, "strokeCap": "round",
                  "cursor": "pointer"},
         "encoding": {"x": x("bar_low"), "x2": {"field": "bar_high"}}},
        {"transform": valid("arrow_to"),
         "mark": {"type": "rule", "strokeWidth": 1.8, "strokeDash": [5, 3]},
         "encoding": {"x": x("value"), "x2": {"field": "arrow_to"}}},
        {"transform": valid("arrow_to"),
         "mark": {"type": "point", "filled": True, "size": 120, "opacity": 1},
         "encoding": {"x": x("arrow_to"), "shape": {"field": "arrow_shape", "type": "nominal",
                                                    "scale": None, "legend": None}}},
        {"params": [{**_click(), "name": CLICK + "_point"}],
         "mark": {"type": "point", "filled": True, "size": 110, "opacity": 1, "stroke": "white",
                  "strokeWidth": 0.6, "cursor": "pointer"},
         "encoding": {"x": x("value"), "shape": review_shape([r["review_state"] for r in data])}},
        {"mark": {"type": "text", "align": "left", "dx": 7, "dy": -10, "fontSize": 12},
         "encoding": {"x": x("value"), "text": {"field": "text", "type": "nominal"},
                      "color": {"value": INK}}},
    ]
    chart = {
        "data": {"name": ROWS}, "width": width, "height": ROW_HEIGHT * len(data),
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": [r["label"] for r in data], "title": None,
                  "axis": {"labelLimit": 320, "ticks": False, "domain": False, "labelPadding": 8}},
            "color": group_color([r["group"] for r in data], orient="top"),
            "tooltip": TOOLTIP + (SUMMARY_TOOLTIP if summary else [])},
        "layer": layers, "resolve": {"scale": {"shape": "independent"}}}
    rows = claims_df[claims_df["measure"] == measure]
    extra = ("Arrows mark open bounds (at least / more than → right; up to / nearly → left). "
             "Bars span ranges. " + REVIEW_NOTE)
    if summary:
        left_out = _shown_rows(rows)[1]
        extra = SUMMARY_NOTE + " " + extra + (
            f" {left_out} more claimant{'s' * (left_out != 1)} with fewer claims not drawn."
            if left_out else "")
    return _decorate(chart, f"{measure_label(measure)}: estimates compared", subtitle,
                     footnote_lines(rows, made, extra), data)


def timeline_rows(claims_df: pd.DataFrame) -> pd.DataFrame:
    """Dated claims as plotting rows; undated claims are left out."""
    rows = []
    for row in claims_df.to_dict("records"):
        day = _iso(row.get("date"))
        if day is None:
            continue
        qual = row.get("qualifier")
        low, high = _num(row.get("low")), _num(row.get("high"))
        rows.append({
            "date": day, "value": _num(row["value"]), "measure": row["measure"],
            "measure_label": measure_label(row["measure"]),
            "basis": "published" if row.get("date_basis") == "published" else "claim",
            "bar_low": low if low is not None and high is not None and high > low else None,
            "bar_high": high if low is not None and high is not None and high > low else None,
            "shape": ("triangle-up" if qual in FLOORS else
                      "triangle-down" if qual in CEILINGS else "circle"),
            **_tooltip_fields(row)})
    return pd.DataFrame(rows)


def timeline_chart(claims_df: pd.DataFrame, *, subtitle: str = "", made: dt.date | None = None,
                   width: int = TIMELINE_WIDTH) -> Spec:
    """Claims over time, one panel per measure, a line per claimant group. Claims dated by
    their article's publication (claim date unknown) are hollow markers."""
    data = timeline_rows(claims_df)
    if data.empty:
        raise ValueError("no dated claims")
    x = {"field": "date", "type": "temporal",
         "title": "Claim date (hollow markers: published date, claim date unknown)",
         "scale": {"padding": 14}, "axis": {"format": "%d %b %Y", "labelAngle": 0, "tickCount": 6}}
    shape = {"field": "shape", "type": "nominal", "scale": None, "legend": None}

    def point(basis: str, name: str, **mark) -> dict:
        return {"transform": [{"filter": f"datum.basis == '{basis}'"}],
                "params": [{**_click(), "name": name}],
                "mark": {"type": "point", "size": 80, "opacity": 1, "cursor": "pointer", **mark},
                "encoding": {"y": _y("value"), "shape": shape}}

    layer = {
        "encoding": {"x": x, "color": group_color(data["group"]), "tooltip": TOOLTIP},
        "layer": [
            {"mark": {"type": "line", "strokeWidth": 1.5, "opacity": 0.55},
             "encoding": {"y": _y("value"), "detail": {"field": "group", "type": "nominal"},
                          "tooltip": None}},
            {"transform": [{"filter": "isValid(datum.bar_low)"}], "params": [_click()],
             "mark": {"type": "rule", "strokeWidth": 5, "opacity": 0.35, "strokeCap": "round",
                      "cursor": "pointer"},
             "encoding": {"y": _y("bar_low"), "y2": {"field": "bar_high"}}},
            point("claim", CLICK + "_dated", filled=True),
            point("published", CLICK + "_published", filled=False, strokeWidth=2, fill="white"),
        ]}
    chart = _panels(layer, data, width)
    undated = len(claims_df) - len(data)
    extra = ("Markers: ▲ a floor (at least / more than), ▼ a ceiling (up to / nearly), "
             "● otherwise; hollow markers use the published date.")
    if undated:
        extra += f" {undated} undated claim{'s' * (undated != 1)} not shown."
    return _decorate(chart, "North Korean personnel estimates over time", subtitle,
                     footnote_lines(claims_df, made, extra), data)


def _y(field: str) -> dict:
    return {"field": field, "type": "quantitative", "title": "Personnel", "scale": {"zero": True},
            "axis": {"format": ",d", "tickCount": 5}}


def _panels(layer: dict, data: pd.DataFrame, width: int) -> dict:
    """A layered chart as one panel per measure (vocabulary order), each its own y scale."""
    order = [measure_label(m) for m in MEASURES] + sorted(
        set(data["measure_label"]) - {measure_label(m) for m in MEASURES})
    return {"data": {"name": ROWS},
            "facet": {"row": {"field": "measure_label", "type": "nominal", "title": None, "sort": order,
                              "header": {"labelAngle": 0, "labelOrient": "top", "labelAnchor": "start",
                                         "labelFontSize": 13, "labelFontWeight": "bold",
                                         "labelColor": INK}}},
            "spec": {**layer, "width": width, "height": FACET_HEIGHT},
            "resolve": {"scale": {"y": "independent"}}}


BIN_NAMES = {"day": "day", "week": "week", "month": "month"}
BIN_FORMATS = {"day": "%d %b", "week": "%d %b %Y", "month": "%b %Y"}


def timeline_bin_rows(bins: pd.DataFrame) -> pd.DataFrame:
    """queries.timeline_bins as plotting rows: one per measure, group and bin."""
    rows = []
    for b in bins.to_dict("records"):
        start, end = _iso(b["bin"]), _iso(b["bin_end"])
        n = int(b["n"])
        rows.append({
            "date": start, "measure_label": measure_label(b["measure"]),
            "group": b["claimant_group"] or "Unattributed",
            "low": _num(b["low"]), "high": _num(b["high"]), "median": _num(b["median"]), "n": n,
            "period": start if start == end else f"{start} to {end}",
            "band_text": f"{fmt_number(b['low'])}–{fmt_number(b['high'])}",
            "n_published": int(b["n_published"])})
    return pd.DataFrame(rows)


BIN_TOOLTIP = [
    _tip("group", "Claimant group"), _tip("period", "Period"),
    _tip("n", "Claims", "quantitative", ","), _tip("median", "Median value", "quantitative", ",.0f"),
    _tip("band_text", "Lowest–highest value"),
    _tip("n_published", "Dated by publication", "quantitative", ","),
]


def timeline_bins_chart(bins: pd.DataFrame, facts: dict, *, subtitle: str = "",
                        made: dt.date | None = None, width: int = TIMELINE_WIDTH,
                        undated: int = 0) -> Spec:
    """Claims over time as bins (queries.timeline_bins): per measure panel and claimant
    group, the band of values (lowest to highest) and the median per bin. `facts` are
    queries.sources(..., dated_only=True), for the footnote."""
    data = timeline_bin_rows(bins)
    if data.empty:
        raise ValueError("no dated claims")
    unit = BIN_NAMES.get(bins.attrs.get("unit"), "period")
    detail = {"field": "group", "type": "nominal"}
    # Bands of many groups overlap: the more groups, the fainter each.
    n_groups = data["group"].nunique()
    band_opacity = 0.16 if n_groups <= 2 else 0.09 if n_groups <= 4 else 0.045
    layer = {
        "encoding": {"x": {"field": "date", "type": "temporal",
                           "title": f"Claim date (else published date), by {unit}",
                           "scale": {"padding": 14},
                           "axis": {"format": BIN_FORMATS.get(unit, "%d %b %Y"), "labelAngle": 0,
                                    "tickCount": 6, "labelOverlap": True}},
                     "color": group_color(data["group"]), "tooltip": BIN_TOOLTIP},
        "layer": [
            {"mark": {"type": "area", "opacity": band_opacity},
             "encoding": {"y": _y("low"), "y2": {"field": "high"}, "detail": detail}},
            {"mark": {"type": "line", "strokeWidth": 1.8, "opacity": 0.9},
             "encoding": {"y": _y("median"), "detail": detail}},
            {"mark": {"type": "point", "filled": True, "opacity": 0.9},
             "encoding": {"y": _y("median"),
                          "size": {"field": "n", "type": "quantitative", "title": "Claims in a bin",
                                   "scale": {"range": [12, 160]},
                                   "legend": {"orient": "right", "format": ",d"}}}},
        ]}
    chart = _panels(layer, data, width)
    extra = (f"Claims binned by {unit} of their date (claim date, else the article's published "
             "date): the line joins each group's median value per bin, the pale band spans its "
             "lowest to highest value.")
    if undated:
        extra += f" {undated:,} undated claim{'s' * (undated != 1)} not shown."
    return _decorate(chart, "North Korean personnel estimates over time", subtitle,
                     source_lines(facts, made, extra), data)


# --- charts straight from the store: what the pages, a script and a briefing call ------


def compare_charts(con, filters: queries.Filters = queries.Filters(), *, by: str = "claimant",
                   made: dt.date | None = None, width: int = WIDTH, measure: str | None = None
                   ) -> list[tuple[str, Spec, pd.DataFrame]]:
    """The Compare page's charts for `filters`: (measure, chart, its summary rows) per
    measure (only `measure`'s, when given), one row per claimant (`by="claimant"`) or
    claimant group (`by="group"`)."""
    summary = queries.claim_summary(con, filters, by, measure=measure)
    if by == "claimant":  # a group's row mixes claimants: no one grade to show
        summary = queries.graded(con, summary)
    out = []
    for m, rows in summary.groupby("measure", sort=False):
        rows = rows.reset_index(drop=True)
        out.append((m, compare_chart(rows, m, subtitle=filters.describe(), made=made, width=width), rows))
    return out


def compare_totals(rows_per_measure) -> tuple[int, int]:
    """How many claims and distinct citing articles all of compare_charts' summary rows
    stand for (every matching claim is in one row; no query: the summary counted them)."""
    frames = [rows for rows in rows_per_measure if len(rows)]
    if not frames:
        return 0, 0
    return (sum(int(rows["n_claims"].sum()) for rows in frames),
            int(frames[0]["n_articles_matching"].iloc[0]))


def timeline_view(con, filters: queries.Filters = queries.Filters(), *, made: dt.date | None = None,
                  width: int = TIMELINE_WIDTH) -> tuple[Spec, pd.DataFrame | None, pd.DataFrame | None]:
    """The Timeline page's chart for `filters`: (chart, the claims drawn, None) while at most
    MAX_TIMELINE_POINTS dated claims match, else (chart, None, the bins; their attrs hold
    "unit", "facts" (queries.sources of the dated claims) and "undated"). Raises
    ValueError when no matching claim has a date."""
    n, first, last = queries.dated_claims_extent(con, filters)
    if n == 0:
        raise ValueError("no dated claims")
    if n <= MAX_TIMELINE_POINTS:
        claims = queries.claims(con, filters)
        return timeline_chart(claims, subtitle=filters.describe(), made=made, width=width), claims, None
    bins = queries.timeline_bins(con, filters, unit=queries.bin_unit(first, last))
    undated = queries.count_claims(con, filters) - n
    facts = queries.sources(con, filters, dated_only=True)
    bins.attrs.update(facts=facts, undated=undated)  # for the page's caption and alt text
    return (timeline_bins_chart(bins, facts, subtitle=filters.describe(), made=made, width=width,
                                undated=undated), None, bins)


def bins_alt_text(chart, bins: pd.DataFrame, facts: dict) -> str:
    """alt_text for a binned timeline."""
    n = facts["n_claims"]
    measures = [measure_label(m) for m in dict.fromkeys(bins["measure"])]
    groups = list(dict.fromkeys(bins["claimant_group"]))
    return (f"{chart_title(chart)}. {n:,} dated claims about {', '.join(measures).lower()}, "
            f"binned by {bins.attrs.get('unit', 'period')} from {_iso(bins['bin'].min())} to "
            f"{_iso(bins['bin_end'].max())}: per claimant group the median value and the band "
            f"from lowest to highest. Values range from {fmt_number(bins['low'].min())} to "
            f"{fmt_number(bins['high'].max())} North Korean personnel. Claimant groups: "
            f"{', '.join(groups)}.")


# --- export --------------------------------------------------------------------------

SIZES = ("standard", "slide")
SLIDE_PX = (1920, 1080)  # a 16:9 slide at full HD: every slide export is at least this


def _spec(chart) -> dict:
    """A chart's Vega-Lite spec; a spec already made (a dict) is taken as it is, so a
    briefing that exports one chart several ways validates it once."""
    return chart if isinstance(chart, dict) else chart.to_dict()


def chart_title(chart) -> str:
    title = _spec(chart).get("title", {})
    return title.get("text", "Chart") if isinstance(title, dict) else str(title)


def _figure_range(df: pd.DataFrame) -> tuple[float, float] | None:
    numbers = [n for col in ("value", "low", "high") if col in df
               for n in (_num(v) for v in df[col]) if n is not None]
    return (min(numbers), max(numbers)) if numbers else None


def alt_text(chart, claims_df: pd.DataFrame) -> str:
    """One paragraph saying what a chart shows: measure(s), claims, range of values,
    claimants; for the SVG's <desc> and a slide picture's alt text."""
    if "n_claims" in claims_df:
        return _summary_alt_text(chart, claims_df)
    n = len(claims_df)
    measures = [measure_label(m) for m in dict.fromkeys(claims_df["measure"])] if n else []
    claimants = _names(claims_df["claimants"]) if "claimants" in claims_df else []
    groups = [g for g in dict.fromkeys(claims_df["claimant_group"]) if g] if n else []
    span = _figure_range(claims_df)
    dated = [d for d in claims_df.get("date", []) if isinstance(d, dt.date)]
    parts = [f"{chart_title(chart)}. A chart of {n} claim{'s' * (n != 1)}"
             + (f" about {', '.join(measures).lower()}" if measures else "") + "."]
    if span:
        parts.append(f"Values range from {fmt_number(span[0])} to {fmt_number(span[1])} "
                     "North Korean personnel.")
    if dated:
        parts.append(f"Claims dated {min(dated).isoformat()} to {max(dated).isoformat()}.")
    if groups:
        parts.append(f"Claimant groups: {', '.join(groups)}.")
    if claimants:
        parts.append(f"Claimants: {_listing(claimants, 12)}.")
    reviewed = int(claims_df["reviewed"].fillna(False).astype(bool).sum()) if "reviewed" in claims_df else 0
    parts.append(f"{reviewed} of {n} claims reviewed by an analyst.")
    return " ".join(parts)


def _summary_alt_text(chart, summary: pd.DataFrame) -> str:
    facts = chart_sources(summary)
    n, rows = facts["n_claims"], len(summary)
    measures = [measure_label(m) for m in dict.fromkeys(summary["measure"])]
    numbers = [n for col in ("value", "band_low", "band_high") for n in map(_num, summary[col])
               if n is not None]
    span = (min(numbers), max(numbers)) if numbers else None
    parts = [f"{chart_title(chart)}. {n:,} claim{'s' * (n != 1)} about "
             f"{', '.join(measures).lower()} in {rows} row{'s' * (rows != 1)}, one per claimant: "
             "each row shows the claimant's latest claim and the band of all its claims."]
    if span:
        parts.append(f"Values range from {fmt_number(span[0])} to {fmt_number(span[1])} "
                     "North Korean personnel.")
    groups = [g for g in dict.fromkeys(summary["claimant_group"]) if g]
    if groups:
        parts.append(f"Claimant groups: {', '.join(groups)}.")
    if facts["claimants"]:
        parts.append(f"Claimants: {_listing(facts['claimants'], 12)}.")
    reviewed = int(summary["n_claims_reviewed"].sum())
    parts.append(f"{reviewed:,} of {n:,} claims reviewed by an analyst.")
    return " ".join(parts)


def _svg_text(chart) -> str:
    return vlc.vegalite_to_svg(_spec(chart), vl_version=VL_VERSION)


def _svg_size(svg: str) -> tuple[float, float]:
    head = svg[:svg.index(">", svg.index("<svg"))]
    w = float(re.search(r'\bwidth="([\d.]+)', head).group(1))
    h = float(re.search(r'\bheight="([\d.]+)', head).group(1))
    return w, h


def _with_alt(svg: str, title: str, desc: str | None) -> str:
    """Put <title> and <desc> first inside the root <svg> (what screen readers and slide
    tools read), and label the image for assistive technology."""
    end = svg.index(">", svg.index("<svg")) + 1
    head = svg[:end]
    if "role=" not in head:
        head = head[:-1] + ' role="img">'
    meta = f"<title>{html.escape(title)}</title>"
    if desc:
        meta += f"<desc>{html.escape(desc)}</desc>"
    return head + meta + svg[end:]


def _slide_svg(svg: str) -> str:
    """The chart centred on a 16:9 white canvas of at least 1920×1080 user units: the
    chart is scaled up to fill it, so labels grow with it and nothing is cut."""
    w, h = _svg_size(svg)
    cw, ch = (w, w * 9 / 16) if w / h >= 16 / 9 else (h * 16 / 9, h)
    cw, ch = cw * 1.04, ch * 1.04  # a margin all round
    k = max(SLIDE_PX[0] / cw, SLIDE_PX[1] / ch)
    width, height = round(cw * k), round(ch * k)
    x, y = (cw - w) / 2, (ch - h) / 2
    end = svg.index(">", svg.index("<svg")) + 1
    head = re.sub(r'\bwidth="[\d.]+"', f'width="{width}"', svg[:end], count=1)
    head = re.sub(r'\bheight="[\d.]+"', f'height="{height}"', head, count=1)
    head = re.sub(r'\bviewBox="[^"]*"', f'viewBox="{-x:.2f} {-y:.2f} {cw:.2f} {ch:.2f}"', head, count=1)
    body = svg[end:]
    close = body.rindex("</svg>")
    backdrop = f'<rect x="{-x:.2f}" y="{-y:.2f}" width="{cw:.2f}" height="{ch:.2f}" fill="white"/>'
    return head + backdrop + body[:close] + "</svg>"


def chart_svg(chart, *, size: str = "standard", alt: str | None = None) -> str:
    """The chart as SVG text with its title and alt text (<title>, <desc>); `size`
    "slide" puts it on a 16:9 canvas of at least 1920×1080."""
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose one of {', '.join(SIZES)}")
    svg = _svg_text(chart)
    if size == "slide":
        svg = _slide_svg(svg)
    return _with_alt(svg, chart_title(chart), alt)


def export_png(chart, scale: float = 2, *, size: str = "standard", alt: str | None = None) -> bytes:
    if size == "slide":
        return vlc.svg_to_png(chart_svg(chart, size="slide"), scale=1)
    return vlc.vegalite_to_png(_spec(chart), vl_version=VL_VERSION, scale=scale)


def export_svg(chart, *, size: str = "standard", alt: str | None = None) -> bytes:
    return chart_svg(chart, size=size, alt=alt).encode("utf-8")


def export_pdf(chart, *, size: str = "standard", alt: str | None = None) -> bytes:
    """A one-page vector PDF (text stays text)."""
    if size == "slide":
        return vlc.svg_to_pdf(chart_svg(chart, size="slide"))
    return vlc.vegalite_to_pdf(_spec(chart), vl_version=VL_VERSION)


def export_html(chart, *, size: str = "standard", alt: str | None = None) -> bytes:
    """A standalone page with Vega, Vega-Lite and vega-embed inlined: it opens offline."""
    page = vlc.vegalite_to_html(_spec(chart), vl_version=VL_VERSION, bundle=True)
    page = page.replace("<title>Chart</title>", f"<title>{html.escape(chart_title(chart))}</title>", 1)
    if alt:
        page = page.replace("</head>", f'<meta name="description" content="{html.escape(alt)}">\n</head>', 1)
    # No "open in the Vega editor" link: it is the one action that needs the network.
    actions = json.dumps({"renderer": "svg", "actions": {"export": True, "source": False,
                                                         "compiled": False, "editor": False}})
    page = page.replace('const opts = {"renderer":"svg"}', f"const opts = {actions}", 1)
    return page.encode("utf-8")


EXPORTERS = {"png": export_png, "svg": export_svg, "html": export_html, "pdf": export_pdf}
