"""Hostile input on every page: Markdown, HTML and LaTeX in every field an article or an
analyst fills (title, publisher, author, url, text, claimant, an edit's claimant, a note,
the analyst's name, a pasted article and its file name) is shown as text, never as markup.

Every page in pages/ is visited (a page added later is visited too) with the sidebar's
search narrowed to the hostile figures, so each page shows them; then what only some
pages do by hand (Provenance's mention view, Review's edit form, Add article's paste).
Under AppTest every Markdown-rendered field (bodies, labels, help, radio options, table
cells) and every st.html body is checked; tests/test_browser_hostile.py checks the DOM of
a real browser.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from unittest import mock

import duckdb
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.store import decisions
from storekit import ROWS, copy_articles, figure_rows
from ui import connection
from ui.messages import JOINER

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGES = sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))

# One payload of each kind; SEARCH finds every hostile figure through the sidebar search.
SEARCH = "Bold"
PAYLOAD = ("**Bold** _it_ [link](https://evil.example) <script>alert('x')</script> "
           "<img src=x onerror=alert('y')> <b>b</b> <a href=\"https://evil.example\">a</a> "
           "$x^2$ `code` https://evil.example/bare www.evil.example mail@evil.example")
# What the payload leaves when rendered as Markdown or HTML rather than shown as text.
MD_LEAKS = ("**Bold**", "_it_", "](https://evil.example)", "<script", "<img", "<b>b</b>",
            "<a href", "$x^2$", "`code`")
# Markdown links bare addresses in the text it reads, escapes or not.
LINKED = ("https://evil", "www.evil", "mail@evil")
HTML_LEAKS = re.compile(r"<script|<img|<b>b</b>|<a href=\"https://evil", re.I)

HOSTILE_ARTICLE = "097_hostile_fields.txt"
BODY = (f"{PAYLOAD}\n"
        f"Officials said about 2,500 North Korean soldiers were wounded near Kursk. {PAYLOAD}\n")


def hostile_file() -> str:
    meta = {"title": f"{PAYLOAD} title", "publisher": f"{PAYLOAD} publisher",
            "author": f"{PAYLOAD} author", "url": f"{PAYLOAD} url", "published": "2024-11-06"}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, width=10_000) + "---\n" + BODY


HOSTILE_ROWS = [*ROWS, (HOSTILE_ARTICLE, "about 2,500", 2500, 2500, 2500, "approx", "wounded",
                        f"{PAYLOAD} claimant", "Unattributed", None)]


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    """The dashboard's fixture store plus an article hostile in every field, and an analyst
    whose edit, note and name are hostile too."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    articles = copy_articles(data)
    (articles / HOSTILE_ARTICLE).write_text(hostile_file(), encoding="utf-8")
    link = data / "estimates.duckdb"
    with mock.patch.object(store, "extract_article", lambda a: figure_rows(a, HOSTILE_ROWS)):
        store.build(articles, link)
        con = duckdb.connect(str(store.current_path(link)), read_only=True)
        rows = con.execute("""SELECT f.article, a.sha256, f."start", f."end", f.quote, f.measure,
                                     f.value, f.qualifier FROM figures f JOIN articles a USING (article)
                              WHERE f.quote IN ('1,500', 'nearly 300')""").fetchall()
        con.close()
        for article, sha, start, end, quote, measure, value, qualifier in rows:
            span = dict(article=article, article_sha=sha, start=start, end=end, quote=quote)
            after = {"value": value, "low": value, "high": value, "qualifier": "exact",
                     "measure": measure, "claimant": f"{PAYLOAD} edited claimant",
                     "claimant_group": "Other", "claim_date": None}
            decisions.record(store.decisions_path(link), action="edit", after=after,
                             before={"qualifier": qualifier}, note=f"{PAYLOAD} note",
                             author=f"{PAYLOAD} analyst", **span)
        store.refresh(articles, link)
    return data


# --- the checks ---------------------------------------------------------------------------

def walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from walk(child)


def unescaped(text: str) -> str:
    """Markdown text with its backslash escapes taken out: what is left is markup."""
    return re.sub(r"\\.", "", text)


def read(text: str) -> str:
    """Markdown text as its parser reads it: each escaped character as itself."""
    return re.sub(r"\\(.)", r"\1", text)


def markup_in(text: str) -> list[str]:
    return [m for m in MD_LEAKS if m in unescaped(text)] + [m for m in LINKED if m in read(text)]


def markdown_fields(element) -> list[str]:
    """The fields of an element that Streamlit renders as Markdown."""
    proto = getattr(element, "proto", None)
    kind = getattr(element, "type", "")
    if proto is None or kind in ("code", "html", "text", "json", "selectbox", "multiselect"):
        return []
    out = []
    for name in ("body", "label", "help", "caption", "placeholder"):
        value = getattr(proto, name, None)
        if isinstance(value, str) and value:
            out.append(value)
    if kind == "radio":
        out += list(proto.options)
    return out


def leaks(at: AppTest) -> list[str]:
    """Every place the payload is rendered as markup rather than shown as text."""
    found = []
    for element in [*walk(at.main), *walk(at.sidebar)]:
        for text in markdown_fields(element):
            found += [f"{element.type}: {m!r} in {text[:120]!r}" for m in markup_in(text)]
        if getattr(element, "type", "") == "html":
            hit = HTML_LEAKS.search(element.proto.body)
            if hit:
                found.append(f"html: {hit.group(0)!r}")
    for table in at.table:  # st.table renders its cells as Markdown
        cells = table.value.astype(str).to_numpy().ravel().tolist()
        found += [f"table: {m!r} in {c[:120]!r}" for c in cells for m in markup_in(c)]
    return found


def shown_text(at: AppTest) -> str:
    """What a reader sees of the Markdown and HTML fields (escapes taken out)."""
    parts = []
    for element in [*walk(at.main), *walk(at.sidebar)]:
        parts += [re.sub(r"\\(.)", r"\1", t).replace(JOINER, "") for t in markdown_fields(element)]
        if getattr(element, "type", "") == "html":  # our tags out, the text's entities read
            parts.append(html.unescape(re.sub(r"<[^>]+>", "", element.proto.body)))
    parts += [str(c) for t in at.table for c in t.value.astype(str).to_numpy().ravel()]
    parts += [str(o) for s in at.selectbox for o in s.options]
    parts += [str(c) for d in at.dataframe for c in d.value.astype(str).to_numpy().ravel()]
    return "\n".join(parts)


def start(data: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv(connection.DATA_ENV, str(data))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    return at


def clean(at: AppTest, where: str) -> None:
    assert not at.exception, (where, [e.value for e in at.exception])
    found = leaks(at)
    assert not found, (where, found)


# --- every page ---------------------------------------------------------------------------

def test_every_page_shows_hostile_fields_as_text(hostile_data, monkeypatch):
    at = start(hostile_data, monkeypatch)
    at.text_input(key="f_text").input(SEARCH).run()
    at.text_input(key=connection.ANALYST_KEY).input(f"{PAYLOAD} me").run()
    assert len(PAGES) >= 6
    seen = []
    for page in PAGES:
        at.switch_page(page).run()
        clean(at, page)
        seen.append(shown_text(at))
    everything = "\n".join(seen)
    for field in ("title", "publisher", "author", "url", "claimant", "edited claimant", "note"):
        assert f"{PAYLOAD} {field}" in everything, field  # it reached the pages, as text


def test_provenance_mentions_history_and_cards_show_hostile_fields_as_text(hostile_data, monkeypatch):
    at = start(hostile_data, monkeypatch)
    at.text_input(key="f_text").input(SEARCH).run()
    at.switch_page("pages/provenance.py").run()
    claims = at.selectbox(key="prov_claim").options
    assert len(claims) >= 2
    for claim in claims:
        at.selectbox(key="prov_claim").select(claim).run()
        clean(at, f"claim {claim}")
    at.radio(key="prov_mode").set_value("Mention").run()
    trail = []
    for mention in at.selectbox(key="prov_mention").options:
        at.selectbox(key="prov_mention").select(mention).run()
        clean(at, f"mention {mention}")
        trail += [c for t in at.table for c in t.value.astype(str).to_numpy().ravel()]
    shown = re.sub(r"\\(.)", r"\1", " ".join(trail)).replace(JOINER, "")
    assert f"{PAYLOAD} edited claimant" in shown and f"{PAYLOAD} analyst" in shown  # as text


def test_review_cards_sections_and_a_conflict_show_hostile_fields_as_text(hostile_data, monkeypatch):
    at = start(hostile_data, monkeypatch)
    at.switch_page("pages/review.py").run()
    for show in ("unreviewed", "all"):
        at.selectbox(key="review_show").set_value(show).run()
        for article in at.selectbox(key="review_article").options:
            at.selectbox(key="review_article").set_value(article).run()
            clean(at, f"review {show} {article}")
    for section in ("add", "orphans", "share"):
        at.radio(key="review_section").set_value(section).run()
        clean(at, f"review {section}")
    # another analyst decides on the hostile figure while this card is open: the conflict
    # names their note and name
    at.radio(key="review_section").set_value("queue").run()
    at.selectbox(key="review_show").set_value("unreviewed").run()
    at.selectbox(key="review_article").set_value(HOSTILE_ARTICLE).run()
    link = hostile_data / "estimates.duckdb"
    mid = next(k.removeprefix("rv-accept-") for k in (b.key for b in at.button)
               if k and k.startswith("rv-accept-"))
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    article, sha, s0, e0, quote = con.execute(
        'SELECT f.article, a.sha256, f."start", f."end", f.quote FROM figures f JOIN articles a '
        "USING (article) WHERE f.mention_id = ?", [mid]).fetchone()
    con.close()
    decisions.record(store.decisions_path(link), action="reject", note=f"{PAYLOAD} other note",
                     author=f"{PAYLOAD} other analyst", article=article, article_sha=sha,
                     start=s0, end=e0, quote=quote)
    at.button(key=f"rv-accept-{mid}").click().run()
    clean(at, "review conflict")
    said = re.sub(r"\\(.)", r"\1", " ".join(str(w.value) for w in at.warning)).replace(JOINER, "")
    assert "Not saved yet" in said and f"{PAYLOAD} other note" in said, said
    at.button(key=f"rv-drop-{mid}").click().run()
    clean(at, "review conflict dropped")


def test_add_article_preview_and_save_show_a_hostile_paste_as_text(hostile_data, monkeypatch):
    at = start(hostile_data, monkeypatch)
    at.switch_page("pages/add_article.py").run()
    round_ = 0
    at.text_area(key=f"add_paste_{round_}").input(hostile_file().replace("2,500", "3,500")).run()
    at.text_input(key=f"add_paste_name_{round_}").input(f"{PAYLOAD}.txt").run()
    clean(at, "add article preview")
    assert "3,500" in shown_text(at)
    at.button(key="add_save").click().run()  # last in this module: it adds to the store
    clean(at, "add article saved")
    assert any(f"{PAYLOAD} title" in read(str(m.value)).replace(JOINER, "")
               for m in at.success), [m.value for m in at.success]
