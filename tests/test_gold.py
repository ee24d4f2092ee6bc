"""Extraction scored against labelled corpora with `analysis.evaluate`.

The seeds must match their gold exactly. The development and held-back test corpora
(tests/corpus/) must meet the targets of issue 3; the test part was written and labelled
apart from the extractor's code.
"""
from __future__ import annotations

import functools
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


# Targets the held-back part misses as last measured: strict, so meeting one fails the
# run until its line here is removed. Thresholds are never lowered to pass.
KNOWN_SHORT: dict[tuple[str, str], str] = {}


@functools.lru_cache(maxsize=None)
def _report(part: str):
    folder = HERE / "corpus" / part
    return evaluate(folder / "gold.jsonl", folder / "articles")


@pytest.mark.parametrize("part,metric", [
    pytest.param(part, metric, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_SHORT[part, metric])]
                 if (part, metric) in KNOWN_SHORT else [])
    for part in ("dev", "test") for metric in TARGETS])
def test_corpus_meets_the_target(part, metric):
    report = _report(part)
    m = report.metrics()
    assert not report.errors
    assert m["matched"] >= 40
    assert m[metric] >= TARGETS[metric], render(report, verbose=True)


@pytest.mark.parametrize("part", ["dev", "test"])
def test_confidence_levels_are_measured_in_order(part):
    """A high-confidence mention is right more often than a medium one, a medium one more
    often than a low one (issue 8)."""
    m = _report(part).metrics()
    assert m["mentions_high"] >= 40 and m["mentions_low"] > 0
    assert m["precision_high"] >= m["precision_medium"] >= m["precision_low"], render(_report(part))
