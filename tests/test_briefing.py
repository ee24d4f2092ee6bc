"""Scripted export, briefing packs (PDF, PPTX, manifest, what changed) and views as links."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pypdf
import pytest
from pptx import Presentation

from analysis.export import main as export_main
from analysis.present import catalog, charts, pack, queries
from analysis.present.queries import FilterOptions, Filters
from storekit import ROWS, build_fixture_store
from test_exports import PNG_SIGNATURE, SVG_NS, _png_size

MADE = dt.date(2025, 2, 7)


def _con(data: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str((data / "estimates.duckdb").resolve()), read_only=True)


@pytest.fixture(scope="module")
def con(desk_data):
    con = _con(desk_data)
    yield con
    con.close()


def _flat(text: str) -> str:
    """PDF text without the line breaks and spaces the layout put in."""
    return re.sub(r"\s+", "", text)


# --- filters as parameters ---------------------------------------------------------------

def test_filters_round_trip_through_parameters(con):
    opts = queries.filter_options(con.cursor())
    f = Filters(measures=("killed", "casualties"), groups=("Ukraine",),
                date_from=dt.date(2024, 11, 1), date_to=dt.date(2024, 12, 1),
                publishers=(opts.publishers[0],), text="Kursk", reviewed_only=True,
                reliability_at_least="B", credibility_at_least=2)
    params: dict[str, list[str]] = {}
    for name, value in catalog.to_params(f):
        params.setdefault(name, []).append(value)
    assert catalog.from_params(params, opts) == (f, [])


def test_bad_parameters_are_named_and_the_nearest_view_kept():
    opts = FilterOptions(measures=["killed"], groups=["Ukraine"], publishers=[],
                         min_date=dt.date(2024, 10, 1), max_date=dt.date(2024, 12, 31))
    f, problems = catalog.from_params(
        {"group": ["Ukraine", "Atlantis"], "from": ["2023-01-01"], "to": ["2024-11-05"],
         "reviewed": ["maybe"], "measure": ["killed"], "source-grade": ["F"], "claim-grade": ["9"]},
        opts)
    assert f == Filters(measures=("killed",), groups=("Ukraine",), date_to=dt.date(2024, 11, 5))
    text = " ".join(problems)
    assert "Atlantis" in text and "2023-01-01" in text and "maybe" in text
    assert "source grade 'F'" in text and "claim grade '9'" in text
    f, problems = catalog.from_params({"from": ["2024-12-01"], "to": ["2024-11-01"]}, opts)
    assert (f.date_from, f.date_to) == (dt.date(2024, 11, 1), dt.date(2024, 12, 1))
    assert "swapped" in problems[0]


# --- the scripted export -------------------------------------------------------------------

def _export(desk_data, *args) -> int:
    return export_main([*args, "--db", str(desk_data / "estimates.duckdb")])


def test_help_lists_every_chart_and_filter(capsys):
    with pytest.raises(SystemExit):
        export_main(["--help"])
    out = capsys.readouterr().out
    for name in catalog.CHARTS:
        assert name in out
    for p in catalog.FILTER_PARAMS:
        assert f"--{p.name}" in out


def test_cli_chart_is_the_page_download(desk_data, con, tmp_path):
    """The SVG the command writes is the one the Compare page's download serves: same
    chart, filters in the subtitle, alt text and footnote."""
    out = tmp_path / "cas.svg"
    assert _export(desk_data, "compare-casualties", "--group", "Ukraine", "--group",
                   "South Korea", "--format", "svg", "--out", str(out)) == 0
    chosen = Filters(groups=("Ukraine", "South Korea"))
    chart, rows = next((c, r) for m, c, r in charts.compare_charts(con.cursor(), chosen)
                       if m == "casualties")
    alt = charts.alt_text(chart, rows)
    assert out.read_bytes() == charts.export_svg(chart, alt=alt)
    root = ET.fromstring(out.read_bytes())
    assert root[0].tag == f"{SVG_NS}title" and root[1].tag == f"{SVG_NS}desc"
    text = " ".join(" ".join(root.itertext()).split())
    assert "Claimants: Ukraine, South Korea" in text and "with Estimate Desk." in text


def test_cli_slide_png(desk_data, tmp_path):
    out = tmp_path / "t.png"
    assert _export(desk_data, "timeline", "--format", "png", "--size", "slide", "--out", str(out)) == 0
    png = out.read_bytes()
    assert png.startswith(PNG_SIGNATURE)
    w, h = _png_size(png)
    assert w >= 1920 and h >= 1080 and abs(w / h - 16 / 9) < 0.01


def test_cli_html_opens_offline(desk_data, tmp_path):
    out = tmp_path / "k.html"
    assert _export(desk_data, "compare-killed", "--format", "html", "--out", str(out)) == 0
    page = out.read_text()
    assert "<title>Killed: estimates compared</title>" in page
    assert not re.search(r"<script[^>]+src=", page)  # Vega is inlined, nothing is fetched


def test_cli_refuses_unknown_values_and_empty_charts(desk_data, tmp_path, capsys):
    out = tmp_path / "x.svg"
    assert _export(desk_data, "compare-killed", "--measure", "zombies", "--out", str(out)) == 2
    assert "zombies" in capsys.readouterr().err and not out.exists()
    assert _export(desk_data, "compare-captured", "--out", str(out)) == 2
    assert "nothing to draw" in capsys.readouterr().err and not out.exists()
    assert _export(desk_data, "timeline", "--from", "24/11/2024", "--out", str(out)) == 2
    assert "24/11/2024" in capsys.readouterr().err


# --- briefing packs ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def full_pack(con):
    names = catalog.available(con.cursor())
    return pack.make_pack(con.cursor(), names, Filters(), made=MADE,
                          title='Weekly #panic("typst") *bold* $x^2$ ] [ <b>', link="http://x/?q=1")


@pytest.fixture(scope="module")
def full_pdf(full_pack):
    return pack.pack_pdf(full_pack)


def test_pdf_holds_charts_claims_and_every_citation(full_pack, full_pdf):
    reader = pypdf.PdfReader(io.BytesIO(full_pdf))
    text = "\n".join(p.extract_text() for p in reader.pages)
    flat = _flat(text)
    # title page, charts, claims table, citations and method: more pages than charts alone
    assert len(reader.pages) >= 4
    assert len(full_pack.citations) == len(queries.cited_articles(full_pack.claims)) > 0
    for c in pack.citation_rows(full_pack):
        assert _flat(f"[{c['n']}] {c['title']}") in flat, c["title"]
        assert _flat(c["url"]) in flat
    for view in full_pack.views:
        assert _flat(view.title) in flat
    assert full_pack.data_version in text and MADE.isoformat() in text
    assert f"All {len(full_pack.claims)} claims shown are UNREVIEWED" in " ".join(text.split())


def test_pdf_shows_article_and_user_text_as_text(full_pdf):
    flat = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(full_pdf)).pages))
    assert _flat('Weekly #panic("typst") *bold* $x^2$ ] [ <b>') in flat
    assert _flat("<img src=x onerror=alert('title')> Hostile test") in flat
    assert _flat("javascript:alert('url') (not a web address)") in flat


def test_pptx_one_slide_per_chart_with_alt_text(full_pack):
    deck = Presentation(io.BytesIO(pack.pack_pptx(full_pack)))
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.01
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == len(full_pack.views) > 1
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == [v.alt for v in full_pack.views]
    text = " ".join(sh.text_frame.text for slide in deck.slides for sh in slide.shapes
                     if sh.has_text_frame)
    tables = " ".join(c.text for slide in deck.slides for sh in slide.shapes if sh.has_table
                      for row in sh.table.rows for c in row.cells)
    for c in pack.citation_rows(full_pack):
        assert c["title"] in text
    assert tables.count("no") >= len(full_pack.claims)  # each claim's Reviewed cell


def test_a_binned_timeline_says_what_its_bins_rest_on(con, monkeypatch):
    # past MAX_TIMELINE_POINTS dated claims the timeline draws bins and no claim rows
    monkeypatch.setattr(charts, "MAX_TIMELINE_POINTS", 1)
    made = pack.make_pack(con.cursor(), ["timeline"], Filters(), made=MADE)
    [view] = made.views
    facts = queries.sources(con.cursor(), Filters(), dated_only=True)
    assert view.claims.empty and view.facts == facts and facts["n_claims"] > 1
    line = pack.source_line(made, view)
    assert f"{facts['n_claims']} claims from {facts['n_articles']} articles (binned" in line
    assert len(Presentation(io.BytesIO(pack.pack_pptx(made))).slides) >= 1


def test_reviewed_only_says_what_it_left_out(con):
    made = pack.make_pack(con.cursor(), list(catalog.CHARTS), Filters(reviewed_only=True), made=MADE)
    assert made.views == [] and made.left_out_unreviewed == len(queries.claims(con.cursor()))
    assert f"{made.left_out_unreviewed} unreviewed claims" in pack.review_note(made)


# --- what changed since the last briefing ---------------------------------------------------------

def _row(quote: str) -> tuple:
    return next(r for r in ROWS if r[1] == quote)


def test_changes_since_the_previous_pack(tmp_path):
    before = tmp_path / "before"
    build_fixture_store(before)
    killed = _row("nearly 300")
    rows = [r for r in ROWS if r[1] not in ("1,500", "nearly 300")]
    rows.append(killed[:2] + (250, None, 250) + killed[5:])  # a corrected value
    rows.append(("098_range.txt", "12,000", 12000, 12000, 12000, "exact", "troops_deployed",
                 "Example Wire", "Other", "2024-11-15"))       # a new claim
    after = tmp_path / "after"
    build_fixture_store(after, rows)
    with _con(before) as con:
        old = pack.manifest(pack.make_pack(con.cursor(), list(catalog.CHARTS), made=MADE))
    old = pack.read_manifest(json.dumps(old))
    with _con(after) as con:
        new = pack.make_pack(con.cursor(), list(catalog.CHARTS), previous=old, made=MADE)
    assert {(c.kind, c.measure, c.claimant, c.before, c.after) for c in new.changes} == {
        ("new", "troops_deployed", "Example Wire", "", "12,000"),
        ("changed", "killed", "Ukrainian military intelligence", "< 300", "< 250"),
        ("gone", "troops_deployed", "National Intelligence Service (NIS)", "1,500", ""),
    }
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pack.pack_pdf(new))).pages).split())
    assert "What changed since the briefing of 2025-02-07" in text
    assert "Changed · Killed · Ukrainian military intelligence: < 300 → < 250" in text


def test_a_file_that_is_not_a_manifest_is_refused():
    for data in (b"not json", b"[1, 2]", json.dumps({"kind": "other"}).encode()):
        with pytest.raises(pack.ManifestError):
            pack.read_manifest(data)


def test_cli_pack_with_since(desk_data, tmp_path, capsys):
    first = tmp_path / "first"
    assert _export(desk_data, "pack", "--measure", "killed", "--out", str(first)) == 0
    manifest = next(first.glob("*-manifest.json"))
    assert json.loads(manifest.read_text())["charts"] == ["compare-killed", "timeline"]
    assert {p.suffix for p in first.iterdir()} == {".pdf", ".pptx", ".json"}
    second = tmp_path / "second"
    assert _export(desk_data, "pack", "--measure", "killed", "--measure", "wounded",
                   "--chart", "compare-wounded", "--format", "pdf", "--since", str(manifest),
                   "--out", str(second)) == 0
    out = capsys.readouterr().out
    assert "New · Wounded" in out and "No longer shown · Killed" in out
    assert _export(desk_data, "pack", "--chart", "compare-killed", "--chart", "compare-captured",
                   "--format", "pdf", "--out", str(tmp_path / "third")) == 0
    assert "Left out, no claims under the filters: compare-captured." in capsys.readouterr().out
    assert {p.suffix for p in second.iterdir()} == {".pdf", ".json"}
