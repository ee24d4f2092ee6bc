"""analysis.queries against the hand-labelled fixture store (tests/storekit.py)."""
from __future__ import annotations

import datetime as dt
import doctest
import io

import duckdb
import pandas as pd
import pytest

from analysis.present import files, labels, markup, queries
from analysis.present.queries import Filters
from analysis.store.claims import UNKNOWN_PUBLISHER
from storekit import HOSTILE_QUOTE, ROWS


@pytest.fixture(scope="module")
def con(desk_data):
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    yield con.cursor()
    con.close()


def test_doctests_pass():
    assert doctest.testmod(queries).failed == 0


def test_claims_without_filters_group_the_mentions(con):
    claims = queries.claims(con)
    assert len(claims) == 12 and claims["n_mentions"].sum() == len(ROWS)
    # Vocabulary order of measures, oldest first inside one.
    assert list(dict.fromkeys(claims["measure"])) == [
        "troops_deployed", "troops_planned", "casualties", "killed", "wounded"]
    deployed = claims[claims["measure"] == "troops_deployed"]["date"].tolist()
    assert deployed == sorted(deployed)
    zelensky = claims[(claims["measure"] == "casualties") & (claims["value"] == 3000)].iloc[0]
    assert zelensky["n_articles"] == 2 and isinstance(zelensky["publishers"], list)
    assert zelensky["date"] == dt.date(2024, 12, 23)


@pytest.mark.parametrize("filters, expected", [
    (Filters(measures=("killed", "wounded")), 2),
    (Filters(groups=("South Korea",)), 3),
    (Filters(date_from=dt.date(2024, 11, 1), date_to=dt.date(2024, 11, 30)), 3),
    (Filters(date_to=dt.date(2024, 10, 21)), 3),
    (Filters(publishers=("Example Wire",)), 2),
    (Filters(publishers=(UNKNOWN_PUBLISHER,)), 5),
    (Filters(text="KURSK"), 4),  # three sentences say Kursk; a fourth claim, only its title
    (Filters(text="zelensky"), 3),
    (Filters(text="100%_"), 0),
    (Filters(measures=("killed",), groups=("Russia",)), 0),
])
def test_claim_filters(con, filters, expected):
    found = queries.claims(con, filters)
    assert len(found) == expected
    # the measures the filters hold, as the Briefing page and pickers ask for them
    assert set(queries.claim_measures(con, filters)) == set(found["measure"])


def test_mentions_carry_their_article(con):
    rows = queries.mentions(con, Filters(publishers=("Báo Thanh niên (Thanh Nien)",)))
    assert len(rows) == 3 and set(rows["article"]) == {"001_eb7a302813959245.txt"}
    assert rows["title"].str.startswith("North Korea proactively").all()
    undated = queries.mentions(con, Filters(text="1,100"))
    assert undated["date"].tolist() == [None] and undated["date_basis"].tolist() == [None]
    assert len(queries.mentions(con, Filters(date_from=dt.date(2024, 12, 1)))) == 4


def test_single_rows_and_missing_ids(con):
    claims = queries.claims(con, Filters(text="some sources"))
    c = queries.claim(con, claims["claim_id"][0])
    assert c["qualifier"] == "up_to" and c["low"] is None and c["high"] == 12000
    assert c["date_basis"] == "published" and c["claim_date"] is None
    m = queries.mention(con, c["mention_ids"][0])
    assert m["quote"] == "up to 12,000" and m["publisher"] == UNKNOWN_PUBLISHER
    assert queries.claim(con, "nope") is None and queries.mention(con, "nope") is None
    assert queries.article(con, "nope.txt") is None
    art = queries.article(con, m["article"])
    assert art["text"][m["start"]:m["end"]] == m["quote"]


def test_mentions_of_a_claim_span_articles(con):
    claim = queries.claims(con, Filters(measures=("casualties",), groups=("Ukraine",))).iloc[0]
    rows = queries.mentions_of_claim(con, claim["claim_id"])
    assert sorted(rows["article"]) == sorted(claim["articles"]) and len(rows) == 2
    assert set(rows["quote"]) == {"exceeds 3,000", "more than 3,000"}


def test_filter_options(con):
    opts = queries.filter_options(con)
    assert opts.measures == ["troops_deployed", "troops_planned", "casualties", "killed", "wounded"]
    assert opts.groups == ["Ukraine", "South Korea", "United States", "Other", "Unattributed"]
    assert "Example Wire" in opts.publishers and UNKNOWN_PUBLISHER in opts.publishers
    assert (opts.min_date, opts.max_date) == (dt.date(2024, 10, 21), dt.date(2024, 12, 24))
    assert queries.counts(con) == {"articles": 7, "figures": len(ROWS), "claims": 12}


def test_empty_store_options():
    con = duckdb.connect()
    from analysis.store import SCHEMA
    con.execute(SCHEMA)
    opts = queries.filter_options(con)
    assert opts.measures == [] and opts.min_date is None
    assert queries.claims(con).empty and queries.mentions(con).empty


def test_provenance_html_escapes_article_text(con):
    m = queries.mentions(con, Filters(measures=("wounded",))).iloc[0].to_dict()
    art = queries.article(con, m["article"])
    out = markup.highlight_html(art["text"], m["start"], m["end"], m["quote"],
                                 m["sentence_start"], m["sentence_end"], m["sentence"])
    assert "<mark>about &lt;b onmouseover=&quot;alert(&#x27;quote&#x27;)&quot;&gt;2,000&lt;/b&gt;</mark>" in out
    assert "<b" not in out and "<script" not in out
    assert out.startswith('<span class="sentence">Officials said')


def test_provenance_paragraph_and_broken_offsets(con):
    m = queries.mentions(con, Filters(text="at least 10,000")).iloc[0].to_dict()
    text = queries.article(con, m["article"])["text"]
    a, b = markup.paragraph_bounds(text, m["start"], m["end"])
    assert "\n" not in text[a:b] and m["sentence"] in text[a:b]
    out = markup.highlight_html(text, m["start"], m["end"], m["quote"],
                                 m["sentence_start"], m["sentence_end"])
    assert out.count("<mark>") == 1 and "<mark>at least 10,000</mark>" in out
    # Offsets that no longer match the text: the stored sentence is shown instead.
    out = markup.highlight_html(text, m["start"] + 3, m["end"] + 3, m["quote"],
                                 sentence=m["sentence"])
    assert out == markup.highlight_html(None, None, None, m["quote"], sentence=m["sentence"])
    assert "<mark>at least 10,000</mark>" in out


@pytest.mark.parametrize("quote, qual, v, lo, hi, words", [
    ("at least 10,000", "at_least", 10000, 10000, None, "low 10,000, no upper bound"),
    ("more than 3,000", "more_than", 3000, 3000, None, "no upper bound"),
    ("3,000+", "more_than", 3000, 3000, None, "('+')"),
    ("up to 12,000", "up_to", 12000, None, 12000, "high 12,000, no lower bound"),
    ("nearly 300", "nearly", 300, None, 300, "('nearly'): high 300"),
    ("about 3,000", "approx", 3000, 3000, 3000, "low = high = 3,000"),
    ("between 10,000 and 12,000", "range", 10000, 10000, 12000, "low 10,000, high 12,000"),
])
def test_explain_bounds(quote, qual, v, lo, hi, words):
    assert words in labels.explain_bounds(quote, qual, v, lo, hi)


def test_export_tables(con):
    claims = queries.claims(con)
    csv = pd.read_csv(io.BytesIO(files.export_table(claims, "csv")))
    assert len(csv) == len(claims) and "; " in " ".join(csv["publishers"].astype(str))
    back = pd.read_parquet(io.BytesIO(files.export_table(claims, "parquet")))
    assert list(back.columns) == list(claims.columns) and len(back) == len(claims)
    assert list(back["mention_ids"].iloc[0]) == claims["mention_ids"].iloc[0]
    with pytest.raises(ValueError):
        files.export_table(claims, "xlsx")


def test_hostile_quote_is_stored_verbatim(con):
    assert HOSTILE_QUOTE in set(queries.mentions(con)["quote"])


@pytest.mark.parametrize("needle", ["kursk", "Zelensky", "1,100", "ukr", "north korea", "%", "_",
                                    "10%", "a_b", "\\"])
def test_text_filter_finds_the_claims_whose_mentions_say_it(con, needle):
    """The claims filter (SQL ILIKE, escaped only when the needle needs it) against the
    rule read in Python: a mention's sentence, quote, claimant or title, or the claim's
    group, holds the needle, case aside."""
    low = needle.lower()
    titles = dict(con.execute("SELECT article, title FROM articles").fetchall())
    said = {cid for cid, art, *texts in con.execute(
        "SELECT claim_id, article, sentence, quote, claimant FROM figures "
        "WHERE claim_id IS NOT NULL").fetchall()
        if any(low in (t or "").lower() for t in [*texts, titles.get(art)])}
    said |= {cid for cid, group in con.execute("SELECT claim_id, claimant_group FROM claims").fetchall()
             if low in (group or "").lower()}
    assert set(queries.claims(con, Filters(text=needle))["claim_id"]) == said
    assert queries.count_claims(con, Filters(text=needle)) == len(said)
