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


def test_evaluate_measures_each_doubt_on_its_own():
    """A mention with two doubts counts under both; a right and a wrong one under the same
    doubt make it half right; a high mention counts under "none"."""
    from analysis.evaluate import Report, render, score_article
    gold = [{"article": "a", "value": 1500, "measure": "troops_deployed", "claimant_group": "South Korea",
             "qualifier": "exact", "low": 1500, "high": 1500, "claim_date": None}]

    def row(value, group, level, reason):
        return {"value": value, "measure": "troops_deployed", "claimant_group": group, "claimant": None,
                "qualifier": "exact", "low": value, "high": value, "claim_date": None,
                "confidence": level, "confidence_reason": reason}
    result = score_article("a", gold, [
        row(1500, "South Korea", "low", "no claimant found; measure by default: no troop cue"),
        row(2000, "South Korea", "low", "no claimant found"),
        row(1500, "South Korea", "high", "")])
    shares = {doubt: (a.hits, a.total) for doubt, a in result.by_doubt.items()}
    assert shares == {"no claimant found": (1, 2), "measure by default: no troop cue": (1, 1), "none": (1, 1)}
    text = render(Report([result], []), verbose=True)
    assert "0.500 (  2) no claimant found" in text
