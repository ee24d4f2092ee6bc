"""Steps over the whole article once its figures are read: what one mention of a figure
says holds for its other mentions."""
from __future__ import annotations


def headline_follows_body(rows: list[dict]) -> None:
    """A headline figure the body states too takes the body's measure: the headline is
    terse ("11 thousand will be ready to fight"), the body says what was counted."""
    body: dict[tuple, set[str]] = {}
    for row in rows:
        if not row["headline"]:
            body.setdefault((row["value"], row["low"], row["high"]), set()).add(row["measure"])
    for row in rows:
        measures = body.get((row["value"], row["low"], row["high"]), set())
        if row["headline"] and len(measures) == 1:
            row["measure"] = next(iter(measures))


def share_attribution(rows: list[dict]) -> None:
    """Mentions of one figure in an article share what any of them names: an unattributed
    repeat takes the claimant, an undated one the claim date."""
    def key(row: dict) -> tuple:
        return row["value"], row["measure"], row["low"], row["high"]

    named: dict[tuple, dict] = {}
    for row in rows:
        if row["claimant"]:
            named.setdefault(key(row), row)
    for row in rows:
        if row["claimant"] is None and key(row) in named:
            row["claimant"] = named[key(row)]["claimant"]
            row["claimant_group"] = named[key(row)]["claimant_group"]
            row["claimant_shared"] = True
    dated: dict[tuple, str] = {}
    for row in rows:
        if row["claim_date"]:
            dated.setdefault(key(row) + (row["claimant_group"],), row["claim_date"])
    for row in rows:
        if row["claim_date"] is None:
            row["claim_date"] = dated.get(key(row) + (row["claimant_group"],))
