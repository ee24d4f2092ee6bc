"""Extraction confidence end to end: every figure carries a level and its reasons into
the store, the Review queue can put the least sure first, and analysis.evaluate measures
the levels."""
from __future__ import annotations

import duckdb

from analysis import store
from analysis.evaluate import evaluate
from analysis.extract.confidence import LEVELS
from analysis.present import queries
from tests.conftest import ARTICLES, ROOT


def test_the_store_keeps_each_figures_confidence_and_the_queue_sorts_by_it(corpus):
    report = store.build(corpus / "articles", corpus / "estimates.duckdb")
    con = duckdb.connect(str(report.path), read_only=True)
    try:
        for table in ("extracted", "figures"):
            levels = {r[0] for r in con.execute(f"SELECT DISTINCT confidence FROM {table}").fetchall()}
            assert levels and levels <= set(LEVELS)
        text_order = queries.review_queue(con.cursor())
        least_sure = queries.review_queue(con.cursor(), least_sure_first=True)
    finally:
        con.close()
    assert sorted(text_order["mention_id"]) == sorted(least_sure["mention_id"])
    ranks = [queries.CONFIDENCE_ORDER[c] for c in least_sure["confidence"]]
    assert ranks == sorted(ranks)
    low = least_sure[least_sure["confidence"] != "high"]
    assert (low["confidence_reason"].str.len() > 0).all()  # a doubt always says why


def test_evaluate_reports_precision_per_level():
    m = evaluate(ROOT / "tests" / "gold" / "seeds.jsonl", ARTICLES).metrics()
    assert sum(m[f"mentions_{level}"] for level in LEVELS) > 0
    assert all(0 <= m[f"precision_{level}"] <= 1 for level in LEVELS)
