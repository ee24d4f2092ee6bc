"""Briefing packs: the chosen charts over filtered claims as a PDF (typst, vector charts)
and a 16:9 PPTX (python-pptx), with the claims table, numbered citations, a method note
and what changed since the previous pack (its manifest, a JSON file made with it).

Article and analyst text reaches typst only as data (`sys.inputs`, decoded from JSON and
shown as strings), never as markup, so nothing in an article can run typst code.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from dataclasses import dataclass, field

import pandas as pd

from analysis.present import catalog, charts, queries
from analysis.present.labels import QUALIFIER_LABELS, bound_label, fmt_number, is_missing, measure_label
from analysis.present.queries import Filters

MANIFEST_KIND = "estimate-desk-briefing"
MANIFEST_VERSION = 1
DEFAULT_TITLE = "North Korean troops in Russia's war: the estimates"


class ManifestError(ValueError):
    """A file that is not a briefing manifest (or not one this version reads)."""


@dataclass(frozen=True)
class Change:
    kind: str            # "new", "changed" or "gone"
    measure: str
    claimant: str
    before: str = ""     # the figure as the previous pack showed it
    after: str = ""      # the figure now


@dataclass
class Pack:
    title: str
    made: dt.date
    data_version: str
    filters: Filters
    views: list[catalog.ChartView]
    claims: pd.DataFrame          # every claim shown, once, with its citation numbers
    citations: pd.DataFrame       # numbered: n, title, publisher, published, url
    unreviewed: int               # claims shown that no analyst has reviewed
    left_out_unreviewed: int      # unreviewed claims left out by the reviewed-only switch
    link: str = ""
    previous: dict | None = None  # the previous pack's manifest, when given
    changes: list[Change] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return f"estimate-desk-briefing-{self.made.isoformat()}"


def _figure(row) -> str:
    return bound_label(row.get("qualifier"), row.get("value"), row.get("low"), row.get("high"))


def make_pack(con, names: list[str], filters: Filters = Filters(), *, title: str = "",
              made: dt.date | None = None, previous: dict | None = None,
              link: str = "") -> Pack:
    """The pack for these charts over the claims the filters select. Charts with nothing
    to show under the filters are left out; `previous` is the last pack's manifest."""
    made = made or dt.date.today()
    views = [v for v in (catalog.build(n, con, filters, made) for n in names) if v is not None]
    ids = sorted({c for v in views for c in v.claims["claim_id"]})
    # only the drawn claims read: at 100,000 articles every match was 80,000 rows
    shown = queries.graded(con, queries.claims(con, filters, ids=ids).reset_index(drop=True))
    cites = queries.citations(con, queries.cited_articles(shown)).reset_index(drop=True)
    cites.insert(0, "n", range(1, len(cites) + 1))
    number = dict(zip(cites["article"], cites["n"]))
    shown = shown.assign(refs=[sorted(number[a] for a in (arts or []) if a in number)
                               for arts in shown["articles"]])
    reviewed = shown["reviewed"].fillna(False).astype(bool)
    left_out = 0
    if filters.reviewed_only:
        every = queries.claims(con, dataclasses.replace(filters, reviewed_only=False))
        left_out = int((~every["reviewed"].fillna(False).astype(bool)).sum())
    pack = Pack(title=title.strip() or DEFAULT_TITLE, made=made,
                data_version=queries.data_version(con), filters=filters, views=views,
                claims=shown, citations=cites, unreviewed=int((~reviewed).sum()),
                left_out_unreviewed=left_out, link=link, previous=previous)
    if previous is not None:
        pack.changes = changes(previous, manifest(pack))
    return pack


# --- the manifest and what changed --------------------------------------------------------


def _clean(v):
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    if is_missing(v):
        return None
    if isinstance(v, dt.date):
        return v.isoformat()
    if hasattr(v, "item"):
        return v.item()
    return v


CLAIM_FIELDS = ("measure", "claimant", "claimant_group", "value", "low", "high", "qualifier",
                "date", "reviewed", "n_articles", "mention_ids")


def manifest(pack: Pack) -> dict:
    """What a pack showed, to compare the next one with: charts, filters, every claim."""
    return {
        "kind": MANIFEST_KIND, "version": MANIFEST_VERSION, "title": pack.title,
        "made": pack.made.isoformat(), "data_version": pack.data_version,
        "filters": catalog.to_params(pack.filters), "charts": [v.name for v in pack.views],
        "claims": {r["claim_id"]: {k: _clean(r.get(k)) for k in CLAIM_FIELDS}
                   for r in pack.claims.to_dict("records")},
    }


def read_manifest(data: bytes | str) -> dict:
    """A manifest from its file; ManifestError names what is wrong with another file."""
    try:
        found = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ManifestError(f"not a JSON file ({exc})") from None
    if not isinstance(found, dict) or found.get("kind") != MANIFEST_KIND:
        raise ManifestError("not a briefing manifest (make one with a pack: it is the "
                            "-manifest.json file beside the PDF)")
    if found.get("version") != MANIFEST_VERSION or not isinstance(found.get("claims"), dict):
        raise ManifestError(f"a manifest of another version ({found.get('version')!r})")
    return found


def _shown(c: dict) -> str:
    return bound_label(c.get("qualifier"), c.get("value"), c.get("low"), c.get("high"))


def changes(old: dict, new: dict) -> list[Change]:
    """New claims, claims whose value or bounds changed, and claims no longer shown.

    A claim's id changes with its value, so a claim is followed across builds by its
    mentions: a new claim sharing a mention with one that left is the same claim changed.
    """
    before, after = old.get("claims", {}), new.get("claims", {})
    gone = {k: v for k, v in before.items() if k not in after}
    out: list[Change] = []
    for cid, c in after.items():
        if cid in before:
            continue
        mentions = set(c.get("mention_ids") or [])
        was = next((k for k, v in gone.items() if mentions & set(v.get("mention_ids") or [])), None)
        if was is None:
            out.append(Change("new", c.get("measure") or "", c.get("claimant") or "", "", _shown(c)))
        else:
            prior = gone.pop(was)
            out.append(Change("changed", c.get("measure") or "", c.get("claimant") or "",
                              _shown(prior), _shown(c)))
    out += [Change("gone", v.get("measure") or "", v.get("claimant") or "", _shown(v), "")
            for v in gone.values()]
    kinds = {"new": 0, "changed": 1, "gone": 2}
    return sorted(out, key=lambda ch: (kinds[ch.kind], ch.measure, ch.claimant))


CHANGE_WORDS = {"new": "New", "changed": "Changed", "gone": "No longer shown"}


def change_line(ch: Change) -> str:
    """One change in words: "Changed · Killed · Ukraine: < 300 → 250"."""
    figure = {"new": ch.after, "gone": ch.before}.get(ch.kind, f"{ch.before} → {ch.after}")
    return f"{CHANGE_WORDS[ch.kind]} · {measure_label(ch.measure)} · {ch.claimant or 'no claimant'}: {figure}"


# --- words shared by the PDF and the slides -----------------------------------------------


def review_note(pack: Pack) -> str:
    """How many figures an analyst reviewed, said plainly."""
    n = len(pack.claims)
    if pack.filters.reviewed_only:
        return (f"Reviewed figures only: all {n} claims shown were checked by an analyst; "
                f"{pack.left_out_unreviewed} unreviewed claims matching the other filters "
                "are left out.")
    if pack.unreviewed == 0:
        return f"All {n} claims shown were reviewed by an analyst."
    if pack.unreviewed == n:
        return (f"All {n} claims shown are UNREVIEWED: no analyst has yet checked them "
                "against their articles.")
    return (f"{pack.unreviewed} of the {n} claims shown are UNREVIEWED: no analyst has yet "
            "checked them against their articles.")


METHOD = [
    "A claim is one estimate as its claimant made it: the same measure, claimant group, "
    "value and bounds, stated within three days, however many articles report it. Each "
    "claim cites every article that reports it.",
    "Figures were read from the articles by Estimate Desk's extractor; an analyst may "
    "accept, correct or reject each one. Reviewed means every mention of a claim was "
    "accepted or corrected by an analyst.",
    "The claim date is when the claimant made the statement; where the article does not "
    "say, the article's published date stands in and is marked 'published'.",
]


def qualifier_notes() -> list[str]:
    """What each qualifier means for a figure's bounds."""
    return [
        "exact: a bare number, taken as the figure (low = high = value).",
        "approximate (about, some, around): low = high = value; the true figure may lie either side.",
        "at least / more than: a floor; the figure is the low bound, with no upper bound (≥, >).",
        "up to / nearly: a ceiling; the figure is the high bound, with no lower bound (≤, <).",
        "range: low and high as stated; the value kept is the first number.",
    ]


def claim_rows(pack: Pack) -> list[dict]:
    """The claims table as text cells."""
    rows = []
    for r in queries.records(pack.claims):
        low = fmt_number(r.get("low")) if r.get("low") is not None else "open"
        high = fmt_number(r.get("high")) if r.get("high") is not None else "open"
        rows.append({
            "measure": measure_label(r["measure"]), "figure": _figure(r),
            "value": fmt_number(r.get("value")), "bounds": f"{low} – {high}",
            "wording": QUALIFIER_LABELS.get(r.get("qualifier") or "", r.get("qualifier") or ""),
            "claimant": (r.get("claimant") or "not named") + (f" · {r['grade']}" if r.get("grade") else ""),
            "group": r.get("claimant_group") or "Unattributed",
            "date": charts.date_text(r).replace(f" ({charts.PUBLISHED_NOTE})", " (published)"),
            "articles": str(int(r.get("n_articles") or 0)),
            "reviewed": "yes" if r.get("reviewed") else "no",
            "refs": ", ".join(str(n) for n in r["refs"]),
        })
    return rows


def citation_rows(pack: Pack) -> list[dict]:
    """Numbered citations; only http(s) addresses are links."""
    out = []
    for r in queries.records(pack.citations):
        url = r.get("url") or ""
        published = r.get("published")
        out.append({"n": int(r["n"]), "title": r.get("title") or r["article"],
                    "publisher": r.get("publisher") or "", "url": url,
                    "linkable": url.lower().startswith(("http://", "https://")),
                    "published": published.isoformat() if isinstance(published, dt.date) else "undated"})
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def source_line(pack: Pack, view: catalog.ChartView) -> str:
    if view.facts is not None:  # a binned timeline: too many claims to cite one by one
        n_claims, n_articles = view.facts["n_claims"], view.facts["n_articles"]
        cited = "binned; the Data page lists them under the same filters"
    else:
        n_claims = len(view.claims)
        n_articles = len({a for arts in view.claims["articles"] for a in (arts or [])})
        cited = "numbered citations at the end"
    return (f"Source: Estimate Desk, {_n(n_claims, 'claim')} from {_n(n_articles, 'article')} "
            f"({cited}). Data version {pack.data_version}, "
            f"as of {pack.made.isoformat()}. Filters: {pack.filters.describe()}.")


# --- PDF (typst) ----------------------------------------------------------------------------

TEMPLATE = r"""
#let d = json(bytes(sys.inputs.data))
#set document(title: d.title)
#set page(paper: "a4", margin: (x: 1.8cm, y: 2cm),
  footer: context [#set text(8pt, fill: luma(90)); #d.title · data version #d.version #h(1fr) #counter(page).display()])
#set text(font: ("Liberation Sans", "DejaVu Sans"), size: 10pt)
#set par(justify: false)
#show heading: set text(fill: rgb("#222222"))
#show link: set text(fill: rgb("#1f5fa8"))
// A caption is the chart's alt text, a paragraph: read as text, not as a centred title.
#show figure.caption: set text(9pt)
#show figure.caption: set align(left)

#page(footer: none)[
  #v(5cm)
  #text(22pt, weight: "bold")[#d.title]
  #v(0.6cm)
  #text(13pt)[Estimates of North Korean personnel in Russia's war, as reported in the news]
  #v(1.2cm)
  #grid(columns: (auto, 1fr), gutter: 0.7em,
    [*As of*], [#d.made],
    [*Data version*], [#d.version (a digest of the database's claims)],
    [*Filters*], [#d.filters],
    [*Shown*], [#d.counts],
    [*Review*], [#d.review],
    ..if d.link != "" { ([*View*], [#d.link]) } else { () },
  )
  #if d.changes != none [
    #v(1cm)
    #text(weight: "bold")[What changed since the briefing of #d.previous]
    #if d.changes.len() == 0 [ \ Nothing: the same claims with the same values and bounds. ]
    #list(..d.changes.map(c => [#c]))
  ]
]

#pagebreak()
= Charts
#for (i, c) in d.charts.enumerate() {
  let art = bytes(sys.inputs.at("chart" + str(i)))
  let img = image(art, format: "svg", width: c.width * 1cm, alt: c.alt)
  block(breakable: false, width: 100%, below: 1.6em)[
    #figure(img, caption: [#c.alt])
    #text(8pt, fill: luma(90))[#c.source]
  ]
}

#pagebreak()
= Claims shown
#text(9pt)[#d.review Figures: ≥ at least, > more than, ≤ up to, < nearly, ~ approximate. Bounds "open" have no limit on that side. Citations give the numbers of the articles below.]
#v(0.3em)
#set text(8.5pt)
#table(
  columns: (2.1fr, 1.1fr, 1.6fr, 2.8fr, 1.8fr, 1.1fr, 1.3fr, 1.1fr),
  stroke: 0.4pt + luma(200), inset: 4pt,
  table.header([*Measure*], [*Figure*], [*Bounds*], [*Claimant (group)*], [*Claim date*], [*Articles*], [*Reviewed*], [*Sources*]),
  ..d.claims.map(r => ([#r.measure], [#r.figure], [#r.bounds], [#r.claimant (#r.group)], [#r.date], [#r.articles], [#r.reviewed], [#r.refs])).flatten()
)
#set text(10pt)

= Citations
#for c in d.citations [
  #block(spacing: 0.7em)[\[#c.n\] #c.title. #c.publisher, #c.published. #if c.linkable { link(c.url)[#c.url] } else if c.url != "" [#c.url (not a web address)] else [No address.]]
]

= Method
#for p in d.method [#par[#p]]
*Qualifiers.*
#list(..d.qualifiers.map(q => [#q]))
*Review.* #d.review
"""


# The A4 page's text area is 17.4 cm wide; a chart may take 20 cm of its height, the rest
# is for its caption and source line.
PDF_CHART_BOX = (17.4, 20.0)


def _width_cm(svg: str) -> float:
    """The chart's printed width: the page's width, or less where a tall chart would
    otherwise run past the height it may take."""
    w, h = charts._svg_size(svg)
    return round(min(PDF_CHART_BOX[0], PDF_CHART_BOX[1] * w / h), 2)


def _pdf_data(pack: Pack, svgs: list[str]) -> dict:
    arts = {a for arts in pack.claims["articles"] for a in (arts or [])}
    return {
        "title": pack.title, "made": pack.made.isoformat(), "version": pack.data_version,
        "filters": pack.filters.describe(), "link": pack.link,
        "counts": f"{_n(len(pack.claims), 'claim')} from {_n(len(arts), 'article')} in "
                  f"{_n(len(pack.views), 'chart')}",
        "review": review_note(pack),
        "previous": (pack.previous or {}).get("made", "?"),
        "changes": None if pack.previous is None else [change_line(c) for c in pack.changes],
        "charts": [{"title": v.title, "alt": v.alt, "source": source_line(pack, v),
                    "width": _width_cm(svg)} for v, svg in zip(pack.views, svgs)],
        "claims": claim_rows(pack), "citations": citation_rows(pack),
        "method": METHOD, "qualifiers": qualifier_notes(),
    }


def pack_pdf(pack: Pack) -> bytes:
    """The pack as a PDF: title page (as-of date, data version, what changed), each chart
    as vector art with its caption, the claims table, numbered citations, the method."""
    import typst

    svgs = [charts.chart_svg(v.spec, alt=v.alt) for v in pack.views]
    inputs = {"data": json.dumps(_pdf_data(pack, svgs)),
              **{f"chart{i}": svg for i, svg in enumerate(svgs)}}
    return typst.compile(TEMPLATE.encode("utf-8"), sys_inputs=inputs, format="pdf")


# --- PPTX (python-pptx) ------------------------------------------------------------------------

ROWS_PER_SLIDE = 9  # claim rows wrap to two lines: nine fill a slide
CITES_PER_SLIDE = 9


def pack_pptx(pack: Pack) -> bytes:
    """The pack as 16:9 slides: a title slide, what changed, one chart per slide (title,
    picture with alt text, source line), the claims table, the citations, the method."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]

    def text(slide, x, y, w, h, lines, size=14, bold_first=False):
        box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h)).text_frame
        box.word_wrap = True
        for i, line in enumerate(lines):
            para = box.paragraphs[0] if i == 0 else box.add_paragraph()
            para.text = line
            para.font.size = Pt(size)
            para.font.bold = bold_first and i == 0
            para.space_after = Pt(size * 0.4)
        return box

    def titled(title: str):
        slide = deck.slides.add_slide(blank)
        text(slide, 0.5, 0.3, 12.3, 0.8, [title], size=26, bold_first=True)
        return slide

    first = deck.slides.add_slide(blank)
    text(first, 0.8, 2.0, 11.7, 1.4, [pack.title], size=34, bold_first=True)
    text(first, 0.8, 3.6, 11.7, 2.8, [
        f"As of {pack.made.isoformat()} · data version {pack.data_version}",
        f"Filters: {pack.filters.describe()}",
        f"{_n(len(pack.claims), 'claim')} in {_n(len(pack.views), 'chart')}, "
        f"{_n(len(pack.citations), 'article')} cited",
        review_note(pack)], size=16)

    if pack.previous is not None:
        lines = [change_line(c) for c in pack.changes] or [
            "Nothing: the same claims with the same values and bounds."]
        for start in range(0, len(lines), 14):
            slide = titled(f"What changed since the briefing of {pack.previous.get('made', '?')}")
            text(slide, 0.5, 1.2, 12.3, 6.0, lines[start:start + 14], size=14)

    for v in pack.views:
        slide = titled(v.title)
        png = charts.export_png(v.spec, size="slide")
        # 16:9 picture in the space between the title and the source line.
        pic = slide.shapes.add_picture(io.BytesIO(png), Inches(1.58), Inches(1.15), height=Inches(5.6))
        pic.name = v.title[:60]
        pic._element.nvPicPr.cNvPr.set("descr", v.alt)  # the picture's alt text
        text(slide, 0.5, 6.8, 12.3, 0.6, [source_line(pack, v)], size=10)

    rows = claim_rows(pack)
    heads = ["Measure", "Figure", "Bounds", "Claimant (group)", "Claim date", "Articles",
             "Reviewed", "Sources"]
    widths = [1.9, 1.1, 1.6, 3.1, 1.6, 0.8, 1.0, 1.2]  # inches: the slide less its margins
    for start in range(0, len(rows), ROWS_PER_SLIDE):
        chunk = rows[start:start + ROWS_PER_SLIDE]
        slide = titled("Claims shown" + (f" ({start // ROWS_PER_SLIDE + 1})" if len(rows) > ROWS_PER_SLIDE else ""))
        text(slide, 0.5, 1.0, 12.3, 0.4, [review_note(pack)], size=12)
        table = slide.shapes.add_table(len(chunk) + 1, len(heads), Inches(0.5), Inches(1.5),
                                       Inches(sum(widths)), Inches(0.4 * (len(chunk) + 1))).table
        for j, (head, w) in enumerate(zip(heads, widths)):
            table.columns[j].width = Inches(w)
            table.cell(0, j).text = head
        for i, r in enumerate(chunk, start=1):
            cells = [r["measure"], r["figure"], r["bounds"], f"{r['claimant']} ({r['group']})",
                     r["date"], r["articles"], r["reviewed"], r["refs"]]
            for j, value in enumerate(cells):
                table.cell(i, j).text = value
        for row in table.rows:
            for cell in row.cells:
                for para in cell.text_frame.paragraphs:
                    para.font.size = Pt(11)

    cites = citation_rows(pack)
    for start in range(0, len(cites), CITES_PER_SLIDE):
        slide = titled("Citations")
        text(slide, 0.5, 1.2, 12.3, 6.0, [
            f"[{c['n']}] {c['title']}. {c['publisher']}, {c['published']}. {c['url'] or 'No address.'}"
            for c in cites[start:start + CITES_PER_SLIDE]], size=12)

    slide = titled("Method")
    text(slide, 0.5, 1.2, 12.3, 6.0, [*METHOD, "Qualifiers:", *qualifier_notes(), review_note(pack)], size=13)

    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def manifest_json(pack: Pack) -> bytes:
    return json.dumps(manifest(pack), indent=1, ensure_ascii=False).encode("utf-8")
