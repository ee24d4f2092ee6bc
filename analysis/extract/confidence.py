"""How sure extraction is of a figure: `high`, `medium` or `low`, with the reasons, so
review goes where it is needed. Each check names one doubt; the level is set by the
worst. The levels follow what analysis.evaluate measured on the labelled corpora (a
figure with no claimant, or a measure borrowed from the figure before, was right far
less often than one with its own cue and source); evaluate reports them on every run."""
from __future__ import annotations

import re

from analysis.extract.claimant import NEWS_AGENCY
from analysis.extract.document import DEFAULT_MEASURE
from analysis.extract.measure import troop_cue
from analysis.extract.state import Context

LEVELS = ("high", "medium", "low")

# measure rules that take the measure from another figure, not from a cue of this one
_BORROWED_MEASURE = {"part_of_previous", "anaphor", "follows_troop_figure"}
# measure rules that read a troop cue, falling back on "deployed" without one
_TROOP_RULES = {"personnel_noun", "whole_of_a_part", "own_verb_after", "label",
                "personnel_in_clause", "subject_noun"}
_CREDIT_DOUBT = {
    "named_back": ("medium", "claimant named in an earlier sentence"),
    "sentence_before": ("medium", "claimant named in the sentence before"),
    "in_a_quote": ("medium", "claimant named at the other end of a quotation"),
    "named_after": ("medium", "claimant named in the next sentence"),
    "from_title": ("medium", "claimant taken from the title"),
    "source_line": ("medium", "claimant from a 'Source:' line below"),
}
NO_CLAIMANT = ("low", "no claimant found")
SHARED_CLAIMANT = ("medium", "claimant from another mention of the figure")
RELAYED = ("medium", "claimant is a news agency relaying others: its side may not be the source's")
# number forms of house styles, read by rules newer than the plain ones
_UNUSUAL_FORM = re.compile(r"\d-(?:thousand|hundred|million)|[a-z]-\d|\d\s?[kK]\b|\d \d{3}\b", re.I)


def doubts(ctx: Context, measure: str, measure_rule: str, credit_rule: str | None) -> list[tuple[str, str]]:
    """What is unsure about one figure read from a sentence: (level, reason) pairs."""
    found: list[tuple[str, str]] = []
    if credit_rule in _CREDIT_DOUBT:
        found.append(_CREDIT_DOUBT[credit_rule])
    if measure_rule in _BORROWED_MEASURE:
        found.append(("low", "measure taken from the figure before"))
    elif measure.startswith("troops") and measure_rule in _TROOP_RULES and \
            troop_cue(ctx.before, ctx.after) is None:
        found.append(("medium", DEFAULT_MEASURE))
    elif measure_rule == "personnel_in_clause":
        found.append(("medium", "measure from a noun before the number"))
    if measure_rule == "same_prisoners_again":
        found.append(("medium", "captives counted before, said again: the source may be the first mention's"))
    if _UNUSUAL_FORM.search(ctx.number.text):
        found.append(("medium", "unusual number form"))
    return found


def settle(rows: list[dict]) -> None:
    """Each row's level and reasons, once the article's mentions have shared their
    claimants: a figure with no claimant is the least sure."""
    for row in rows:
        found = list(row.pop("doubts", []))
        if row["claimant"] is None:
            found.append(NO_CLAIMANT)
        elif row.pop("claimant_shared", False):
            found.append(SHARED_CLAIMANT)
        if row["claimant"] and NEWS_AGENCY.search(row["claimant"]):
            found.append(RELAYED)
        if found:
            row["confidence"] = max((level for level, _ in found), key=LEVELS.index)
            row["confidence_reason"] = "; ".join(dict.fromkeys(reason for _, reason in found))
        else:
            row["confidence"], row["confidence_reason"] = "high", ""
