"""analysis.charts: the chart specs and their offline exports (PNG, SVG, HTML)."""
from __future__ import annotations

import datetime as dt
import doctest
import re
import xml.etree.ElementTree as ET

import duckdb
import pandas as pd
import pytest

from analysis.present import charts, queries
from analysis.present.queries import Filters
from analysis.extract.vocab import GROUP_COLORS, GROUPS

MADE = dt.date(2025, 1, 31)
FILTERS = Filters(groups=("Ukraine", "United States", "Other", "South Korea"))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def claims(desk_data):
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    yield queries.claims(con.cursor(), FILTERS)
    con.close()


@pytest.fixture(scope="module")
def compare(claims):
    return charts.compare_chart(claims, "troops_deployed", subtitle=FILTERS.describe(), made=MADE)


@pytest.fixture(scope="module")
def timeline(claims):
    return charts.timeline_chart(claims, subtitle=FILTERS.describe(), made=MADE)


def _scales(spec) -> list[dict]:
    """Every colour scale in a spec, however deeply nested."""
    found = []
    if isinstance(spec, dict):
        if isinstance(spec.get("color"), dict) and "scale" in spec["color"]:
            found.append(spec["color"]["scale"])
        for value in spec.values():
            found += _scales(value)
    elif isinstance(spec, list):
        for value in spec:
            found += _scales(value)
    return found


def test_doctests_pass():
    assert doctest.testmod(charts).failed == 0


@pytest.mark.parametrize("which", ["compare", "timeline"])
def test_colours_use_the_fixed_group_domain(which, request):
    spec = request.getfixturevalue(which).to_dict()
    scales = _scales(spec)
    assert scales and all(s == {"domain": list(GROUPS), "range": [GROUP_COLORS[g] for g in GROUPS]}
                          for s in scales)


def test_compare_rows_draw_bounds(claims):
    rows = charts.compare_rows(claims, "troops_deployed").set_index("text")
    edge = rows["edge"].iloc[0]
    assert edge >= 12000
    floor = rows.loc["≥ 10,000"]
    assert floor["arrow_shape"] == "triangle-right" and floor["arrow_to"] > floor["value"]
    assert floor["arrow_to"] > 0.95 * edge
    spread = rows.loc["10,000–12,000"]
    assert (spread["bar_low"], spread["bar_high"]) == (10000, 12000)
    assert pd.isna(spread["arrow_shape"]) and pd.isna(floor["bar_low"])
    assert rows.loc["~3,000"]["label"] == "John Kirby · 2024-10-23"
    assert rows.loc["1,500"]["date_text"] == "2024-10-21 (published date, claim date unknown)"
    planned = charts.compare_rows(claims, "troops_planned")
    ceiling = planned[planned["text"] == "≤ 10,000"].iloc[0]
    assert ceiling["arrow_shape"] == "triangle-left" and ceiling["arrow_to"] < ceiling["value"]


def test_compare_chart_layers_and_tooltip(compare):
    spec = compare.to_dict()
    layers = spec["vconcat"][0]["layer"]
    marks = [layer["mark"]["type"] for layer in layers]
    assert marks == ["rule", "rule", "point", "point", "text"]
    assert layers[2]["encoding"]["shape"]["field"] == "arrow_shape"
    tips = {t["title"] for t in spec["vconcat"][0]["encoding"]["tooltip"]}  # shared by the layers
    assert {"Quote", "Claimant", "Claim date", "Citing articles"} <= tips
    # A click on a range bar or a point selects the claim by its id.
    for clickable in (layers[0], layers[3]):
        (param,) = clickable["params"]
        assert param["name"].startswith(charts.CLICK) and param["select"]["fields"] == ["claim_id"]


def test_charts_refuse_empty_input(claims):
    with pytest.raises(ValueError):
        charts.compare_chart(claims, "captured")
    with pytest.raises(ValueError):
        charts.timeline_chart(claims[claims["date"].isna()])


def test_timeline_marks_published_dates_hollow(claims, timeline):
    rows = charts.timeline_rows(claims)
    assert len(rows) == len(claims) - 1  # the JCS claim has no date at all
    published = rows[rows["basis"] == "published"]
    assert len(published) == 3
    assert published["date_text"].str.endswith("(published date, claim date unknown)").all()
    spec = timeline.to_dict()
    layers = spec["vconcat"][0]["spec"]["layer"]
    hollow = [layer for layer in layers if layer.get("transform") == [{"filter": "datum.basis == 'published'"}]]
    assert hollow and hollow[0]["mark"]["filled"] is False
    assert spec["vconcat"][0]["facet"]["row"]["field"] == "measure_label"


@pytest.fixture(scope="module")
def svg_texts(compare):
    """Each line of text in the SVG (multi-line titles are one <text> of <tspan>s)."""
    root = ET.fromstring(charts.export_svg(compare))
    return [" ".join(el.text.split()) for el in root.iter() if el.text and el.text.strip()]


def test_png_is_twice_the_chart_width(compare):
    png = charts.export_png(compare, scale=2)
    assert png.startswith(PNG_SIGNATURE)
    width = int.from_bytes(png[16:20], "big")
    assert width >= 2 * charts.WIDTH


def test_svg_parses_with_title_subtitle_footnote(svg_texts):
    text = "\n".join(svg_texts)
    assert "Troops deployed: estimates compared" in svg_texts
    assert FILTERS.describe() in svg_texts
    assert f"Made {MADE.isoformat()} with Estimate Desk." in svg_texts
    assert "Sources:" in text and "Publishers:" in text and "Example Wire" in text
    assert "Western officials" in text  # a claimant named in the footnote


def test_timeline_svg_names_its_sources(timeline):
    root = ET.fromstring(charts.export_svg(timeline))
    text = " ".join(" ".join(root.itertext()).split())
    assert "North Korean personnel estimates over time" in text
    assert "1 undated claim not shown." in text


@pytest.mark.parametrize("which", ["compare", "timeline"])
def test_html_is_standalone_and_offline(which, request):
    chart = request.getfixturevalue(which)
    page = charts.export_html(chart).decode("utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link[^>]*href\s*=\s*[\"']?https?:", page, re.I)
    assert "vegaEmbed" in page and '"editor": false' in page
    title = charts.chart_title(chart)
    assert f"<title>{title}</title>" in page and FILTERS.describe() in page


def test_export_keeps_its_rows_while_another_data_transformer_is_on(compare):
    """Streamlit turns on its own data transformer (rows sent apart, by name) while it
    draws a chart; an export made on another thread at that moment must still hold them."""
    import altair as alt

    alt.data_transformers.register("rows_elsewhere", lambda data: {"name": "elsewhere"})
    with alt.data_transformers.enable("rows_elsewhere"):
        texts = " ".join(ET.fromstring(charts.export_svg(compare)).itertext())
    assert "1,500" in texts and "NIS" in texts
