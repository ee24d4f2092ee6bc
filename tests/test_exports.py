"""Exports for slides and print: slide size, alt text, PDF, and the data behind a chart."""
from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

import duckdb
import pandas as pd
import pytest

from analysis.present import charts, files, queries
from analysis.present.queries import Filters

MADE = dt.date(2025, 1, 31)
SVG_NS = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def con(desk_data):
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def shown(con):
    return queries.claims(con.cursor(), Filters(measures=("troops_deployed",)))


@pytest.fixture(scope="module")
def chart(shown):
    return charts.compare_chart(shown, "troops_deployed", subtitle="Measure: Troops deployed", made=MADE)


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_alt_text_names_measure_claims_range_and_claimants(chart, shown):
    alt = charts.alt_text(chart, shown)
    assert "Troops deployed" in alt and f"{len(shown)} claims" in alt
    low = min(v for c in ("value", "low", "high") for v in shown[c] if pd.notna(v))
    high = max(v for c in ("value", "low", "high") for v in shown[c] if pd.notna(v))
    assert f"{low:,.0f}" in alt and f"{high:,.0f}" in alt
    for name in ("John Kirby", "Western officials"):
        assert name in alt


@pytest.mark.parametrize("size", ["standard", "slide"])
def test_svg_parses_with_title_desc_and_footnote(chart, shown, size):
    alt = charts.alt_text(chart, shown)
    root = ET.fromstring(charts.export_svg(chart, size=size, alt=alt))
    assert root[0].tag == f"{SVG_NS}title" and root[0].text == "Troops deployed: estimates compared"
    assert root[1].tag == f"{SVG_NS}desc" and root[1].text == alt
    text = " ".join(" ".join(root.itertext()).split())
    assert f"Made {MADE.isoformat()} with Estimate Desk." in text
    if size == "slide":
        w, h = float(root.get("width")), float(root.get("height"))
        assert w >= 1920 and h >= 1080 and abs(w / h - 16 / 9) < 0.01


def test_slide_png_is_16_9_and_at_least_full_hd(chart):
    w, h = _png_size(charts.export_png(chart, size="slide"))
    assert w >= 1920 and h >= 1080 and abs(w / h - 16 / 9) < 0.01


def test_slide_keeps_the_whole_chart(chart):
    """The slide canvas holds the chart's own box whole: nothing is cut."""
    plain = charts._svg_text(chart)
    w, h = charts._svg_size(plain)
    root = ET.fromstring(charts.chart_svg(chart, size="slide"))
    x, y, vw, vh = map(float, root.get("viewBox").split())
    assert x <= 0 and y <= 0 and x + vw >= w and y + vh >= h


def test_pdf_export_is_one_page_with_the_title(chart):
    from pypdf import PdfReader

    for size in ("standard", "slide"):
        reader = PdfReader(io.BytesIO(charts.export_pdf(chart, size=size)))
        assert len(reader.pages) == 1
        assert "Troops deployed: estimates compared" in reader.pages[0].extract_text()


def test_existing_exporters_still_take_a_chart_alone(chart):
    for fmt, export in charts.EXPORTERS.items():
        assert export(chart)


def test_data_zip_holds_claims_citations_and_readme(con, chart, shown):
    cites = queries.citations(con.cursor(), queries.cited_articles(shown))
    blob = files.data_zip(shown, cites, title=charts.chart_title(chart),
                          filters="Measure: Troops deployed",
                          link="http://127.0.0.1:8501/?f_measures=troops_deployed", made=MADE)
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        assert sorted(z.namelist()) == ["README.txt", "citations.csv", "claims.csv"]
        table = pd.read_csv(z.open("claims.csv"))
        cited = pd.read_csv(z.open("citations.csv"))
        readme = z.read("README.txt").decode("utf-8")
    assert sorted(table["claim_id"]) == sorted(shown["claim_id"])
    assert set(cited["article"]) == {a for arts in shown["articles"] for a in arts}
    assert {"title", "publisher", "published", "url"} <= set(cited.columns)
    assert "https://example.org/2024/11/15/nk-range" in set(cited["url"])
    assert "Filters: Measure: Troops deployed" in readme
    assert "?f_measures=troops_deployed" in readme and MADE.isoformat() in readme
