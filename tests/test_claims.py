"""Grouping mentions into claims (FIGURES.md), edge case by edge case."""
from __future__ import annotations

from analysis.store.claims import group_claims


def mention(n: int, *, value=3000, group="Ukraine", claimant="Volodymyr Zelensky",
            claim_date="2024-12-23", published="2024-12-24", article=None, measure="casualties",
            low=3000, high=None, qualifier="more_than") -> dict:
    return {"mention_id": f"m{n}", "article": article or f"a{n}.txt", "value": value,
            "low": low, "high": high, "qualifier": qualifier, "measure": measure,
            "claimant": claimant, "claimant_group": group, "claim_date": claim_date,
            "published": published, "quote": "more than 3,000", "sentence": "s",
            "start": 0, "end": 15, "sentence_start": 0, "sentence_end": 1}


def claims_of(rows):
    figures, claims = group_claims(rows, {})
    return figures, claims.sort_values("date").reset_index(drop=True)


def test_two_articles_citing_one_estimate_make_one_claim():
    figures, claims = claims_of([mention(1), mention(2, claim_date="2024-12-24")])
    assert len(claims) == 1
    assert claims.loc[0, "n_articles"] == 2
    assert sorted(claims.loc[0, "mention_ids"]) == ["m1", "m2"]
    assert figures["claim_id"].nunique() == 1


def test_same_value_from_two_claimants_is_two_claims():
    _, claims = claims_of([mention(1), mention(2, group="South Korea", claimant="NIS")])
    assert sorted(claims["claimant_group"]) == ["South Korea", "Ukraine"]


def test_same_claimant_repeating_weeks_later_is_a_new_claim():
    _, claims = claims_of([mention(1), mention(2, claim_date="2025-01-20", published="2025-01-20")])
    assert len(claims) == 2
    assert list(claims["n_mentions"]) == [1, 1]


def test_dates_three_days_apart_are_one_claim_four_are_two():
    _, three = claims_of([mention(1, claim_date="2024-12-20"), mention(2, claim_date="2024-12-23")])
    _, four = claims_of([mention(1, claim_date="2024-12-19"), mention(2, claim_date="2024-12-23")])
    assert (len(three), len(four)) == (1, 2)


def test_chain_of_dates_does_not_stretch_a_claim_past_three_days():
    _, claims = claims_of([mention(i, claim_date=f"2024-12-{d}") for i, d in enumerate((20, 22, 24, 26))])
    assert len(claims) == 2


def test_different_bounds_are_different_claims():
    _, claims = claims_of([mention(1), mention(2, qualifier="approx", high=3000)])
    assert len(claims) == 2


def test_published_date_stands_in_for_a_missing_claim_date():
    _, claims = claims_of([mention(1, claim_date=None, published="2024-12-25")])
    assert claims.loc[0, "date_basis"] == "published"
    assert str(claims.loc[0, "date"]) == "2024-12-25"
    assert claims.loc[0, "claim_date"] is None or str(claims.loc[0, "claim_date"]) in ("None", "NaT")


def test_an_undated_mention_joins_the_only_dated_claim_of_its_key():
    _, claims = claims_of([mention(1), mention(2, claim_date=None, published=None)])
    assert len(claims) == 1 and claims.loc[0, "n_mentions"] == 2


def test_an_undated_mention_stays_apart_when_two_dated_claims_exist():
    _, claims = claims_of([mention(1), mention(2, claim_date="2025-02-01"),
                           mention(3, claim_date=None, published=None)])
    assert len(claims) == 3
