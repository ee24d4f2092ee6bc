"""A small hand-labelled store for the dashboard's tests, built with the real build code.

The five seed articles plus two made-up ones (a range and nearly-figure, and a hostile
article full of HTML) are copied into `<data>/articles`; `analysis.store.build` then runs
with the extractor replaced by the hand-made rows below, so the tables, claim grouping and
symlink are exactly what the dashboard will meet once the real extractor lands.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from unittest import mock

from analysis import store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"

HOSTILE_QUOTE = """about <b onmouseover="alert('quote')">2,000</b>"""

EXTRA_ARTICLES = {
    "098_range.txt": """---
title: Western estimate puts North Korean force in Kursk at 10,000 to 12,000
publisher: Example Wire
author: Jane Doe
url: https://example.org/2024/11/15/nk-range
published: 2024-11-15
language: en
---
Western estimate puts North Korean force in Kursk at 10,000 to 12,000
Western officials estimated on Thursday that between 10,000 and 12,000 North Korean troops were deployed in the Kursk region. Ukraine's military intelligence said nearly 300 of them had been killed.
A second paragraph says nothing numeric.
""",
    "099_hostile.txt": """---
title: "<img src=x onerror=alert('title')> Hostile test"
publisher: "<b>Evil</b> Wire"
url: "javascript:alert('url')"
published: 2024-11-05
---
<script>alert('body')</script>
Officials said """ + HOSTILE_QUOTE + """ North Korean soldiers were wounded near Kursk.
""",
}

# article, quote, value, low, high, qualifier, measure, claimant, group, claim date
ROWS = [
    ("000_57e4254dc82dbf71.txt", "approximately 3,000", 3000, 3000, 3000, "approx",
     "troops_deployed", "U.S. intelligence", "United States", "2024-10-24"),
    ("001_eb7a302813959245.txt", "at least 10,000", 10000, 10000, None, "at_least",
     "troops_deployed", "Ukraine and the West", "Ukraine", None),
    ("001_eb7a302813959245.txt", "more than 1,000", 1000, 1000, None, "more_than",
     "casualties", "South Korea", "South Korea", "2024-12-24"),
    ("001_eb7a302813959245.txt", "more than 3,000", 3000, 3000, None, "more_than",
     "casualties", "Ukraine", "Ukraine", "2024-12-24"),
    ("002_fc616dc0e28cd52c.txt", "exceeds 3,000", 3000, 3000, None, "more_than",
     "casualties", "Volodymyr Zelensky", "Ukraine", "2024-12-23"),
    ("002_fc616dc0e28cd52c.txt", "1,100", 1100, 1100, 1100, "exact",
     "casualties", "South Korean Joint Chiefs of Staff", "South Korea", None),
    ("003_16630df2654ec508.txt", "1,500", 1500, 1500, 1500, "exact",
     "troops_deployed", "National Intelligence Service (NIS)", "South Korea", None),
    ("003_16630df2654ec508.txt", "up to 12,000", 12000, None, 12000, "up_to",
     "troops_planned", "some sources", "Unattributed", None),
    ("003_16630df2654ec508.txt", "as many as 10,000", 10000, None, 10000, "up_to",
     "troops_planned", "Volodymyr Zelensky", "Ukraine", None),
    ("004_4538a7378ebe7523.txt", "about 3,000", 3000, 3000, 3000, "approx",
     "troops_deployed", "John Kirby", "United States", "2024-10-23"),
    ("004_4538a7378ebe7523.txt", "additional 10,000", 10000, 10000, 10000, "exact",
     "troops_planned", "Volodymyr Zelensky", "Ukraine", "2024-10-23"),
    ("098_range.txt", "between 10,000 and 12,000", 10000, 10000, 12000, "range",
     "troops_deployed", "Western officials", "Other", "2024-11-14"),
    ("098_range.txt", "nearly 300", 300, None, 300, "nearly",
     "killed", "Ukrainian military intelligence", "Ukraine", "2024-11-14"),
    ("099_hostile.txt", HOSTILE_QUOTE, 2000, 2000, 2000, "approx",
     "wounded", "officials", "Unattributed", None),
]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = [m.end() for m in re.finditer(r"[.!?][\"”’)]?\s+", text[line_start:start])]
    a = line_start + (before[-1] if before else 0)
    after = re.search(r"[.!?][\"”’)]?(?=\s|$)", text[end:line_end])
    b = end + after.end() if after else line_end
    return a, b


def figure_rows(article, rows=ROWS) -> list[dict]:
    """The hand-made figure rows of one article, with offsets found in its text."""
    out = []
    for name, quote, value, low, high, qual, measure, claimant, group, when in rows:
        if name != article.name:
            continue
        start = article.text.index(quote, article.body_start + 1)
        end = start + len(quote)
        s_start, s_end = _sentence(article.text, start, end)
        out.append({
            "mention_id": f"m-{name[:3]}-{start}", "article": name, "value": value,
            "low": low, "high": high, "qualifier": qual, "measure": measure,
            "claimant": claimant, "claimant_group": group, "claim_date": when,
            "published": article.published, "quote": quote,
            "sentence": article.text[s_start:s_end], "start": start, "end": end,
            "sentence_start": s_start, "sentence_end": s_end,
        })
    return out


def copy_articles(data_dir: Path, seeds: Path = SEEDS, extra: dict = EXTRA_ARTICLES) -> Path:
    articles = data_dir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for path in sorted(seeds.glob("*.txt")):
        shutil.copy(path, articles / path.name)
    for name, text in extra.items():
        (articles / name).write_text(text, encoding="utf-8")
    return articles


def build_fixture_store(data_dir: Path, rows=ROWS) -> store.BuildReport:
    """Articles copied into data_dir/articles and a store built at data_dir/estimates.duckdb."""
    articles = copy_articles(data_dir)
    with mock.patch.object(store, "extract_article", lambda a: figure_rows(a, rows)):
        return store.build(articles, data_dir / "estimates.duckdb")


# --- reading a desk's data folder, as the tests check it ----------------------------------

def link(data: Path) -> Path:
    """The store's link in a data folder."""
    return data / "estimates.duckdb"


def log(data: Path) -> Path:
    """The decision log beside a data folder's store."""
    return store.decisions_path(link(data))


def q(data: Path, sql: str, params=()) -> list[tuple]:
    """Rows of a query on the data folder's current store, read-only."""
    import duckdb
    con = duckdb.connect(str(store.current_path(link(data))), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def span(data: Path, mention_id: str) -> dict:
    """The fields a decision on this mention names its span by."""
    article, sha, start, end, quote = q(
        data, 'SELECT f.article, a.sha256, f."start", f."end", f.quote FROM figures f '
              "JOIN articles a USING (article) WHERE f.mention_id = ?", [mention_id])[0]
    return {"article": article, "article_sha": sha, "start": start, "end": end, "quote": quote}
