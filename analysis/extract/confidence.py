"""How sure extraction is of a figure: `high`, `medium` or `low`, with the reasons, so
review goes where it is needed. Each check names one doubt; the level is set by the
worst. The checks and their levels were chosen on first-sight extraction of real
reporting nobody had tuned the rules to (issue 8: batches 3-5, checked on batch 6): a
figure with no claimant, a troop figure with no troop cue, or one credited to the
sentence before was right about half the time; one credited from further away, to North
Korea itself or to unnamed sources about three times in four; the rest about nine in
ten. `analysis.evaluate` reports the precision of each level on every run."""
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
    # the sentence before often names one side and the figure's sentence repeats another's
    "sentence_before": ("low", "claimant named in the sentence before"),
    # a body the sentence names without a verb of saying read for it
    "body_in_sentence": ("low", "claimant a body the sentence names, not read as speaking"),
    "named_back": ("medium", "claimant named in an earlier sentence"),
    "in_a_quote": ("medium", "claimant named at the other end of a quotation"),
    "named_after": ("medium", "claimant named in the next sentence"),
    "from_title": ("medium", "claimant taken from the title"),
    "part_of_figure_before": ("medium", "claimant of the figure before, which this one is a part of"),
    "source_line": ("medium", "claimant from a 'Source:' line below"),
    "noted_below": ("medium", "claimant from a note a few sentences below"),
    # no one is named: the side holding the prisoners is only the likeliest source
    "captor": ("medium", "claimant inferred from the side holding the prisoners"),
    "inflictor": ("medium", "claimant inferred from the side that inflicted the losses"),
}
NO_CLAIMANT = ("low", "no claimant found")
RELAYED = ("medium", "claimant is a news agency relaying others: its side may not be the source's")
# North Korea is the subject of most of these sentences and seldom gives a count itself
SUBJECT_AS_CLAIMANT = ("medium", "claimant is North Korea, which seldom gives these figures: "
                                 "it may be the subject, not the source")
UNNAMED = ("medium", "claimant is unnamed (sources, officials, experts)")
_UNNAMED_SOURCE = re.compile(r"\b(?:sources?|officials|experts|analysts|reports|estimates)\b", re.I)


def doubts(ctx: Context, measure: str, measure_rule: str, credit_rule: str | None) -> list[tuple[str, str]]:
    """What is unsure about one figure read from a sentence: (level, reason) pairs."""
    found: list[tuple[str, str]] = []
    if credit_rule in _CREDIT_DOUBT:
        found.append(_CREDIT_DOUBT[credit_rule])
    if measure_rule in _BORROWED_MEASURE:
        found.append(("medium", "measure taken from the figure before"))
    elif measure.startswith("troops") and measure_rule in _TROOP_RULES and \
            troop_cue(ctx.before, ctx.after) is None:
        found.append(("low", DEFAULT_MEASURE))
    elif measure_rule == "personnel_in_clause":
        found.append(("medium", "measure from a noun before the number"))
    if measure_rule == "same_prisoners_again":
        found.append(("medium", "captives counted before, said again: the source may be the first mention's"))
    return found


def settle(rows: list[dict]) -> None:
    """Each row's level and reasons, once the article's mentions have shared their
    claimants (a claimant shared from another mention of the figure is no doubt: such
    figures were right as often as those with their own)."""
    for row in rows:
        found = list(row.pop("doubts", []))
        row.pop("claimant_shared", None)
        claimant = row["claimant"]
        if claimant is None:
            found.append(NO_CLAIMANT)
        elif NEWS_AGENCY.search(claimant):
            found.append(RELAYED)
        elif row["claimant_group"] == "North Korea":
            found.append(SUBJECT_AS_CLAIMANT)
        elif _UNNAMED_SOURCE.search(claimant):
            found.append(UNNAMED)
        if found:
            row["confidence"] = max((level for level, _ in found), key=LEVELS.index)
            row["confidence_reason"] = "; ".join(dict.fromkeys(reason for _, reason in found))
        else:
            row["confidence"], row["confidence_reason"] = "high", ""
