"""Paging in SQL: the Review queue and a claim's article cards come a page at a time from
the store, and the pages together are the unpaged list, in its order, each row once."""
from __future__ import annotations

import duckdb
import pytest

from analysis.present import markup, queries
from analysis.present.queries import Filters


@pytest.fixture(scope="module")
def con(desk_data):
    con = duckdb.connect(str((desk_data / "estimates.duckdb").resolve()), read_only=True)
    yield con.cursor()
    con.close()


def pages_of(fetch, size: int, total: int) -> list[list[str]]:
    return [list(fetch(limit=size, offset=start)["mention_id"]) for start in range(0, total, size)]


@pytest.mark.parametrize("status", ["unreviewed", "reviewed", "all"])
@pytest.mark.parametrize("least_sure_first", [False, True])
@pytest.mark.parametrize("filters", [Filters(), Filters(text="kursk"),
                                     Filters(measures=("troops_deployed",))])
def test_the_paged_queue_shows_every_queued_mention_once_in_the_unpaged_order(
        con, status, least_sure_first, filters):
    whole = list(queries.review_queue(con, filters, status=status,
                                      least_sure_first=least_sure_first)["mention_id"])
    n = queries.count_review_queue(con, filters, status=status)
    assert n == len(whole)
    for size in (1, 3, 8):
        pages = pages_of(lambda **page: queries.review_queue(
            con, filters, status=status, least_sure_first=least_sure_first, **page), size, n)
        assert all(len(p) == size for p in pages[:-1])
        assert [m for p in pages for m in p] == whole
    past_the_end = queries.review_queue(con, filters, status=status, limit=8, offset=n)
    assert past_the_end.empty


@pytest.mark.parametrize("filters", [Filters(), Filters(text="kursk"),
                                     Filters(measures=("troops_deployed",)),
                                     Filters(publishers=("Example Wire",)),
                                     Filters(groups=("South Korea",))])
def test_the_data_pages_of_mentions_are_the_unpaged_table_in_its_order(con, filters):
    whole = queries.mentions(con, filters)
    n = queries.count_mentions(con, filters)
    assert n == len(whole) > 0
    for size in (1, 4):
        pages = [queries.mentions(con, filters, limit=size, offset=start)
                 for start in range(0, n, size)]
        assert all(len(p) == size for p in pages[:-1])
        assert [m for p in pages for m in p["mention_id"]] == list(whole["mention_id"])
        # the page's rows whole, every column as in the unpaged table
        first = pages[0].reset_index(drop=True)
        assert first.astype(str).equals(whole.head(size).reset_index(drop=True).astype(str))
    assert queries.mentions(con, filters, limit=8, offset=n).empty


def test_the_queue_of_one_article_pages_within_that_article(con):
    article = con.execute("SELECT article FROM figures GROUP BY article "
                          "ORDER BY count(*) DESC, article LIMIT 1").fetchone()[0]
    n = queries.count_review_queue(con, status="all", article=article)
    assert n == con.execute("SELECT count(*) FROM figures WHERE article = ?", [article]).fetchone()[0]
    pages = pages_of(lambda **page: queries.review_queue(con, status="all", article=article, **page), 2, n)
    assert [m for p in pages for m in p] == list(
        queries.review_queue(con, status="all", article=article)["mention_id"])


def test_review_totals_count_the_store(con):
    totals = queries.review_totals(con)
    assert totals["articles"] == queries.counts(con)["articles"]
    assert totals["mentions"] == queries.count_review_queue(con, status="all")
    assert totals["unreviewed"] == queries.count_review_queue(con, status="unreviewed")


def most_cited(con) -> str:
    return con.execute("SELECT claim_id FROM claims ORDER BY n_mentions DESC, claim_id LIMIT 1").fetchone()[0]


def test_a_claims_cards_page_through_all_its_mentions_once(con):
    claim_id = most_cited(con)
    whole = list(queries.mentions_of_claim(con, claim_id)["mention_id"])
    assert len(whole) > 1
    spans = queries.claim_spans(con, claim_id)
    assert sorted(s["mention_id"] for s in spans) == sorted(whole)
    pages = pages_of(lambda **page: queries.mentions_of_claim(con, claim_id, **page), 1, len(whole))
    assert [m for p in pages for m in p] == whole
    # the other mentions of one of them: all but that one, in the same order
    one = whole[0]
    others = list(queries.mentions_of_claim(con, claim_id, except_mention=one)["mention_id"])
    assert others == whole[1:]


def test_batched_cards_equal_the_cards_built_one_query_each(con):
    claim_id = most_cited(con)
    mentions = queries.records(queries.mentions_of_claim(con, claim_id))
    batched = queries.articles_named(con, [m["article"] for m in mentions])
    assert set(batched) == {m["article"] for m in mentions}
    for m in mentions:
        one = queries.article(con, m["article"])
        assert batched[m["article"]] == one
        assert markup.article_card(batched[m["article"]], m) == markup.article_card(one, m)
    assert queries.articles_named(con, ["no-such-article.txt"]) == {}
    shas = queries.articles_named(con, [mentions[0]["article"]], "article, sha256")
    assert shas[mentions[0]["article"]]["sha256"] == queries.article(con, mentions[0]["article"])["sha256"]


def test_batched_claimant_chains_equal_one_query_each(con):
    from analysis.present import sources
    ids = [r[0] for r in con.execute("SELECT claim_id FROM claims ORDER BY claim_id").fetchall()]
    chains = sources.claimant_chains(con, ids)
    assert set(chains) == set(ids)
    for i in ids:
        one = sources.claimant_chain(con, i)
        assert [c["claim_id"] for c in chains[i]] == [c["claim_id"] for c in one]
        assert sources.chain_text(chains[i]) == sources.chain_text(one)
    assert any(len(c) > 1 for c in chains.values())  # the fixture has real chains


def test_claimant_names_are_the_named_claimants_of_the_matching_claims(con):
    for f in (Filters(), Filters(text="kursk"), Filters(groups=("Ukraine",))):
        claims = queries.claims(con, f)
        assert queries.claimant_names(con, f) == sorted(
            {c for c in claims["claimant"] if isinstance(c, str) and c.strip()})
