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

from analysis.present.labels import bound_label, claim_review_label, fmt_number, measure_label
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


def group_color(present=None, orient: str = "right") -> alt.Color:
    """Colour by claimant group over the fixed domain; the legend lists groups present."""
    values = [g for g in GROUPS if present is None or g in set(present)]
    legend = alt.Legend(values=values, symbolType="circle", symbolOpacity=1, orient=orient)
    if orient == "top":
        legend = alt.Legend(values=values, symbolType="circle", symbolOpacity=1, orient="top",
                            direction="horizontal", titleOrient="left", offset=12)
    return alt.Color("group:N", title="Claimant group", legend=legend,
                     scale=alt.Scale(domain=list(GROUPS), range=[GROUP_COLORS[g] for g in GROUPS]))


def _iso(day) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else None


def claim_label(row) -> str:
    """How a claim is named on a chart axis: claimant · date.

    >>> claim_label({"claimant": "NIS", "claimant_group": "South Korea",
    ...              "date": dt.date(2024, 10, 21), "date_basis": "published"})
    'NIS · 2024-10-21 (published)'
    >>> claim_label({"claimant": None, "claimant_group": "Other", "date": None})
    'Other · undated'
    """
    who = row.get("claimant") or row.get("claimant_group") or "unknown"
    day = _iso(row.get("date"))
    if day is None:
        return f"{who} · undated"
    return f"{who} · {day}" + (" (published)" if row.get("date_basis") == "published" else "")


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
    made = made or dt.date.today()
    claimants = _names(df["claimants"]) if "claimants" in df else _names(df["claimant"])
    publishers = _names(df["publishers"]) if "publishers" in df else []
    n_articles = len(_names(df["articles"])) if "articles" in df else 0
    text = [
        f"Sources: {len(df)} claim{'s' * (len(df) != 1)} cited by {n_articles} "
        f"article{'s' * (n_articles != 1)}. Claimants: {_listing(claimants)}.",
        f"Publishers: {_listing(publishers)}.",
    ]
    if extra:
        text.append(extra)
    text.append(f"Made {made.isoformat()} with Estimate Desk.")
    return [line for para in text for line in textwrap.wrap(para, width)]


def _decorate(chart, title: str, subtitle: str, footnote: list[str]) -> alt.VConcatChart:
    body = chart.properties(title=alt.TitleParams(
        footnote, orient="bottom", anchor="start", fontSize=11, fontWeight="normal",
        color=MUTED, offset=18, lineHeight=15))
    return (alt.vconcat(body, title=alt.TitleParams(
                title, subtitle=subtitle or " ", anchor="start", fontSize=18, color=INK,
                subtitleFontSize=13, subtitleColor=MUTED, subtitlePadding=4, offset=14))
            .configure(font=FONT, background="white", padding=12)
            .configure_view(strokeOpacity=0)
            .configure_axis(labelFontSize=12, titleFontSize=12, labelColor=INK,
                            titleColor=MUTED, gridColor="#e6e6e6")
            .configure_legend(labelFontSize=12, titleFontSize=12, titleColor=MUTED))


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
    return None if v is None or pd.isna(v) else float(v)


def _tooltip_fields(row) -> dict:
    return {
        "claim_id": row["claim_id"], "claimant": row.get("claimant") or "—",
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


def review_shape(present) -> alt.Shape:
    """The point's shape by review state, with its legend: a disc once reviewed, a ring
    while unreviewed, a half-filled ring when only some mentions are reviewed."""
    values = [s for s in REVIEW_STATES if s in set(present)]
    return alt.Shape("review_state:N", title="Review", scale=alt.Scale(
        domain=list(REVIEW_STATES), range=[_DISC, _HALF, _RING]), legend=alt.Legend(
        values=values, orient="top", direction="horizontal", titleOrient="left",
        symbolFillColor="#555555", symbolStrokeColor="white", symbolStrokeWidth=0.5,
        symbolSize=110, offset=6))


def review_state(label: str) -> str:
    """The marker style a claim's review label maps to.

    >>> [review_state(x) for x in ("reviewed", "2 of 3 mentions reviewed", "unreviewed")]
    ['reviewed', 'partly reviewed', 'unreviewed']
    """
    return label if label in ("reviewed", "unreviewed") else "partly reviewed"


TOOLTIP = [
    alt.Tooltip("claimant:N", title="Claimant"), alt.Tooltip("group:N", title="Claimant group"),
    alt.Tooltip("figure:N", title="Figure"), alt.Tooltip("quote:N", title="Quote"),
    alt.Tooltip("date_text:N", title="Claim date"),
    alt.Tooltip("n_articles:Q", title="Citing articles"),
    alt.Tooltip("publishers_text:N", title="Publishers"),
    alt.Tooltip("review:N", title="Review"),
]


def _inline(df: pd.DataFrame) -> alt.InlineData:
    """The rows written into the spec itself. A DataFrame would go through altair's
    data transformer, which is global: Streamlit swaps in its own (rows sent apart) while
    it draws a chart on another thread, and an export made then would have no rows."""
    return alt.InlineData(values=alt.to_values(df)["values"])


def compare_rows(claims_df: pd.DataFrame, measure: str) -> pd.DataFrame:
    """One plotting row per claim of a measure: label, point, bar and arrow positions."""
    df = claims_df[claims_df["measure"] == measure]
    numbers = [_num(v) for col in ("value", "low", "high") for v in df[col]]
    edge = _nice_ceiling(max([n for n in numbers if n is not None] + [0]) * 1.08)
    inset = edge * 0.012
    rows, seen = [], {}
    for row in df.to_dict("records"):
        value, low, high, qual = _num(row["value"]), _num(row["low"]), _num(row["high"]), row["qualifier"]
        label = claim_label(row)
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label} ({seen[label]})"
        out = {"label": label, "value": value, "bar_low": None, "bar_high": None,
               "arrow_to": None, "arrow_shape": None, "edge": edge,
               "text": bound_label(qual, value, low, high), **_tooltip_fields(row)}
        out["review_state"] = review_state(out["review"])
        if low is not None and high is not None and high > low:
            out["bar_low"], out["bar_high"] = low, high
        if qual in FLOORS or (low is not None and high is None):
            out["arrow_to"], out["arrow_shape"] = edge - inset, "triangle-right"
        elif qual in CEILINGS or (high is not None and low is None):
            out["arrow_to"], out["arrow_shape"] = inset, "triangle-left"
        rows.append(out)
    return pd.DataFrame(rows)


def compare_chart(claims_df: pd.DataFrame, measure: str, *, subtitle: str = "",
                  made: dt.date | None = None, width: int = WIDTH) -> alt.VConcatChart:
    """One row per claim of `measure`: the value as a point, low–high as a bar, open bounds
    as a dashed arrow to the plot edge (right for floors, left for ceilings)."""
    data = compare_rows(claims_df, measure)
    if data.empty:
        raise ValueError(f"no claims for measure {measure!r}")
    edge = float(data["edge"].iloc[0])
    x_title = f"{measure_label(measure)}: number of North Korean personnel"
    x_scale = alt.Scale(domain=[0, edge], nice=False, zero=True)

    def x(field: str) -> alt.X:
        return alt.X(f"{field}:Q", title=x_title, scale=x_scale,
                     axis=alt.Axis(format=",d", tickCount=6))

    color = group_color(data["group"], orient="top")
    base = alt.Chart(_inline(data)).encode(
        y=alt.Y("label:N", sort=list(data["label"]), title=None,
                axis=alt.Axis(labelLimit=320, ticks=False, domain=False, labelPadding=8)),
        tooltip=TOOLTIP)
    bar = base.transform_filter("isValid(datum.bar_low)").mark_rule(
        strokeWidth=8, opacity=0.35, strokeCap="round").encode(x=x("bar_low"), x2="bar_high:Q", color=color)
    arrow = base.transform_filter("isValid(datum.arrow_to)").mark_rule(
        strokeWidth=1.8, strokeDash=[5, 3]).encode(x=x("value"), x2="arrow_to:Q", color=color)
    head = base.transform_filter("isValid(datum.arrow_to)").mark_point(
        filled=True, size=120, opacity=1).encode(
        x=x("arrow_to"), shape=alt.Shape("arrow_shape:N", scale=None, legend=None), color=color)
    point = base.mark_point(filled=True, size=110, opacity=1, stroke="white", strokeWidth=0.6).encode(
        x=x("value"), color=color, shape=review_shape(data["review_state"]))
    text = base.mark_text(align="left", dx=7, dy=-10, fontSize=12, color=INK).encode(
        x=x("value"), text="text:N")
    chart = alt.layer(bar, arrow, head, point, text).resolve_scale(shape="independent").properties(
        width=width, height=ROW_HEIGHT * len(data))
    return _decorate(chart, f"{measure_label(measure)}: estimates compared", subtitle,
                     footnote_lines(claims_df[claims_df["measure"] == measure], made,
                                    "Arrows mark open bounds (at least / more than → right; "
                                    "up to / nearly → left). Bars span ranges. " + REVIEW_NOTE))


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
                   width: int = TIMELINE_WIDTH) -> alt.VConcatChart:
    """Claims over time, one panel per measure, a line per claimant group. Claims dated by
    their article's publication (claim date unknown) are hollow markers."""
    data = timeline_rows(claims_df)
    if data.empty:
        raise ValueError("no dated claims")
    color = group_color(data["group"])
    x = alt.X("date:T", title="Claim date (hollow markers: published date, claim date unknown)",
              scale=alt.Scale(padding=14), axis=alt.Axis(format="%d %b %Y", labelAngle=0, tickCount=6))

    def y(field: str = "value") -> alt.Y:
        return alt.Y(f"{field}:Q", title="Personnel", scale=alt.Scale(zero=True),
                     axis=alt.Axis(format=",d", tickCount=5))

    shape = alt.Shape("shape:N", scale=None, legend=None)
    base = alt.Chart().encode(x=x, tooltip=TOOLTIP)
    lines = base.mark_line(strokeWidth=1.5, opacity=0.55).encode(
        y=y(), color=color, detail="group:N", tooltip=alt.value(None))
    bars = base.transform_filter("isValid(datum.bar_low)").mark_rule(
        strokeWidth=5, opacity=0.35, strokeCap="round").encode(y=y("bar_low"), y2="bar_high:Q", color=color)
    filled = base.transform_filter("datum.basis == 'claim'").mark_point(
        filled=True, size=80, opacity=1).encode(y=y(), color=color, shape=shape)
    hollow = base.transform_filter("datum.basis == 'published'").mark_point(
        filled=False, size=80, opacity=1, strokeWidth=2, fill="white").encode(y=y(), color=color, shape=shape)
    order = [measure_label(m) for m in MEASURES] + sorted(
        set(data["measure_label"]) - {measure_label(m) for m in MEASURES})
    chart = (alt.layer(lines, bars, filled, hollow, data=_inline(data))
             .properties(width=width, height=FACET_HEIGHT)
             .facet(row=alt.Row("measure_label:N", title=None, sort=order,
                                header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start",
                                                  labelFontSize=13, labelFontWeight="bold",
                                                  labelColor=INK)))
             .resolve_scale(y="independent"))
    undated = len(claims_df) - len(data)
    extra = ("Markers: ▲ a floor (at least / more than), ▼ a ceiling (up to / nearly), "
             "● otherwise; hollow markers use the published date.")
    if undated:
        extra += f" {undated} undated claim{'s' * (undated != 1)} not shown."
    return _decorate(chart, "North Korean personnel estimates over time", subtitle,
                     footnote_lines(claims_df, made, extra))


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
