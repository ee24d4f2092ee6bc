"""Extraction scored against labelled corpora with `analysis.evaluate`.

The seeds must match their gold exactly. The development and held-back test corpora
(tests/corpus/) must meet the targets of issue 3; the test part was written and labelled
apart from the extractor's code.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluate import evaluate, render
from tests.conftest import ARTICLES

HERE = Path(__file__).resolve().parent
TARGETS = {"precision": 0.90, "recall": 0.90, "claimant_group": 0.85,
           "qualifier_bounds": 0.90, "claim_date": 0.70}


def test_seed_gold_is_matched_exactly():
    report = evaluate(HERE / "gold" / "seeds.jsonl", ARTICLES)
    m = report.metrics()
    assert not report.errors
    assert (m["value_precision"], m["value_recall"], m["precision"], m["recall"]) == (1, 1, 1, 1), render(report, True)
    assert (m["claimant_group"], m["qualifier_bounds"]) == (1, 1), render(report, True)


@pytest.mark.parametrize("part", ["dev", "test"])
def test_corpus_meets_the_targets(part):
    folder = HERE / "corpus" / part
    report = evaluate(folder / "gold.jsonl", folder / "articles")
    m = report.metrics()
    assert not report.errors
    assert m["matched"] >= 40
    failing = {k: round(m[k], 3) for k, floor in TARGETS.items() if m[k] < floor}
    assert not failing, render(report, verbose=True)
