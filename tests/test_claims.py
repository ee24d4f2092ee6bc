"""Grouping mentions into claims (FIGURES.md), edge case by edge case."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.store.claims import group_claims, superseded_by


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


# --- latest per claimant: superseded_by ------------------------------------------------

def chain_claim(cid, date, *, claimant="NIS", measure="troops_deployed", n=1) -> dict:
    return {"claim_id": cid, "measure": measure, "claimant": claimant, "date": date,
            "n_articles": n}


@pytest.mark.parametrize("claims, expected", [
    # a chain of three, given out of order: each superseded by the next, the last stands
    ([chain_claim("c3", "2024-12-10"), chain_claim("c1", "2024-10-18"),
      chain_claim("c2", "2024-10-23")], {"c1": "c2", "c2": "c3", "c3": None}),
    # same day: the more widely reported claim is the later one, whatever its id
    ([chain_claim("a", "2024-10-18", n=4), chain_claim("b", "2024-10-18", n=1)],
     {"b": "a", "a": None}),
    # same day, same reach: the claim_id decides
    ([chain_claim("b", "2024-10-18"), chain_claim("a", "2024-10-18")], {"a": "b", "b": None}),
    # undated claims stand apart, even between dated ones of their key
    ([chain_claim("u", None), chain_claim("d1", "2024-10-18"), chain_claim("d2", "2024-11-01")],
     {"u": None, "d1": "d2", "d2": None}),
    # keys are (measure, claimant): another claimant or measure never supersedes
    ([chain_claim("n", "2024-10-18"), chain_claim("k", "2024-12-01", claimant="Kirby"),
      chain_claim("m", "2024-12-01", measure="killed")], {"n": None, "k": None, "m": None}),
    # no claimant: nothing to chain on
    ([chain_claim("x", "2024-10-18", claimant=None), chain_claim("y", "2024-11-18", claimant=None)],
     {"x": None, "y": None}),
])
def test_superseded_by_follows_the_written_rule(claims, expected):
    assert superseded_by(claims) == expected


def test_group_claims_fills_superseded_by_along_a_claimants_chain():
    rows = [mention(1, claim_date="2024-10-18", published="2024-10-18", value=1500, low=1500,
                    claimant="NIS", group="South Korea", measure="troops_deployed"),
            mention(2, claim_date="2024-10-23", published="2024-10-23", value=3000, low=3000,
                    claimant="NIS", group="South Korea", measure="troops_deployed"),
            mention(3, claim_date="2024-12-10", published="2024-12-10", value=11000, low=11000,
                    claimant="NIS", group="South Korea", measure="troops_deployed"),
            mention(4, claim_date="2024-12-11", published="2024-12-11", value=3000,
                    measure="troops_deployed")]
    _, claims = claims_of(rows)
    by_value = {(r["claimant"], r["value"]): r for r in claims.to_dict("records")}
    first, second, third = (by_value[("NIS", v)] for v in (1500.0, 3000.0, 11000.0))
    assert first["superseded_by"] == second["claim_id"]
    assert second["superseded_by"] == third["claim_id"]
    assert pd.isna(third["superseded_by"])
    assert pd.isna(by_value[("Volodymyr Zelensky", 3000.0)]["superseded_by"])


def test_superseded_by_on_claims_read_back_from_a_store():
    """Dates as pandas Timestamps and datetimes (an ingest recomputing touched keys)."""
    claims = [chain_claim("a", pd.Timestamp("2024-10-18")), chain_claim("b", dt.date(2024, 10, 23))]
    assert superseded_by(claims) == {"a": "b", "b": None}
