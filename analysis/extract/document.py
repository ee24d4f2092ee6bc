"""Steps over the whole article once its figures are read: what one mention of a figure
says holds for its other mentions."""
from __future__ import annotations

import re

from analysis.extract import vocab
from analysis.extract.qualifier import bounds

_RELAYS = set(vocab.RELAYING_CLAIMANTS)

DEFAULT_MEASURE = "measure by default: no troop cue"  # the doubt confidence.py names


_HEADLINE_LINE = 160  # characters: a line this short without a full stop reads as a headline


def _by_default(row: dict) -> bool:
    return any(reason == DEFAULT_MEASURE for _, reason in row.get("doubts", ()))


def _headline_like(row: dict) -> bool:
    """A troop figure on a short line with no full stop, read as deployed for want of a cue."""
    line = row["sentence"].strip()
    return row["measure"] == "troops_deployed" and _by_default(row) and len(line) <= _HEADLINE_LINE \
        and not re.search(r"[.!?][\"”’]?$", line)


def headline_follows_body(rows: list[dict]) -> None:
    """A headline figure the body states too takes the body's measure: the headline is
    terse ("11 thousand will be ready to fight"), the body says what was counted. So does
    a headline line the page did not mark as one ("N. Korea sending 12,000 soldiers" under
    a date line), when it has no troop cue and the body has ("decided to send 12,000")."""
    body: dict[tuple, set[str]] = {}
    for row in rows:
        if not row["headline"] and not _headline_like(row):
            body.setdefault((row["value"], row["low"], row["high"]), set()).add(row["measure"])
    for row in rows:
        measures = body.get((row["value"], row["low"], row["high"]), set())
        if len(measures) != 1:
            continue
        measure = next(iter(measures))
        if row["headline"] or (_headline_like(row) and measure.startswith("troops")):
            row["measure"] = measure


def share_attribution(rows: list[dict]) -> None:
    """Mentions of one figure in an article share what any of them names: an unattributed
    repeat (or one credited only to "reports", which relay) takes the claimant a side's mention names, an
    undated one the claim date."""
    def key(row: dict) -> tuple:
        return row["value"], row["measure"], row["low"], row["high"]

    named: dict[tuple, dict] = {}
    for row in rows:
        if row["claimant"]:
            named.setdefault(key(row), row)
    for row in rows:
        if row["claimant_group"] != "Unattributed" and named.get(key(row), row)["claimant"] in _RELAYS:
            named[key(row)] = row  # "as stated by reports" yields to a side another mention names
    for row in rows:
        if (row["claimant"] is None or row["claimant"] in _RELAYS) and key(row) in named:
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


def share_qualifier(rows: list[dict]) -> None:
    """A bare mention of a figure ("5,000 builders") that another mention credited to the same
    claimant gives hedged ("around 5,000") is that estimate said again without its hedge, as
    ledes and repeats do: it takes the qualifier and its bounds. So is one of the same side
    when either names only the side or its unnamed people ("Seoul says 10,000" beside the spy
    agency's "about 10,000"). Two named speakers of a side may differ ("expected to reach
    10,000" beside an MP's "around 10,000"), and mentions credited to no one may be two
    sources. Where the hedges found differ, the bare one is left exact."""
    hedged = [r for r in rows if r["claimant"] and r["qualifier"] not in ("exact", "range")]
    for row in rows:
        if row["qualifier"] != "exact" or not row["claimant"]:
            continue
        found = {h["qualifier"] for h in hedged if (h["value"], h["measure"]) == (row["value"], row["measure"])
                 and (h["claimant"] == row["claimant"] or _one_side(h, row))}
        if len(found) == 1:
            row["qualifier"] = found.pop()
            row["low"], row["high"] = bounds(row["qualifier"], row["value"])


# a claimant that names only its side's unnamed people: "South Korean source", "US officials"
_UNNAMED_PEOPLE = re.compile(r"\b(?:sources?|officials?)$", re.I)


def _one_side(a: dict, b: dict) -> bool:
    """Two mentions of a named side, one of them crediting only the side ("South Korea" for
    "Seoul says") or its unnamed people."""
    def generic(row: dict) -> bool:
        return row["claimant"] == row["claimant_group"] or bool(_UNNAMED_PEOPLE.search(row["claimant"]))
    return a["claimant_group"] == b["claimant_group"] != "Unattributed" and (generic(a) or generic(b))
