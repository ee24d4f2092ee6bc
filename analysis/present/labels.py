"""Words and numbers for people: measure and qualifier names, figures as charts label
them, how wording became bounds, and review history in one line each."""
from __future__ import annotations

import re

import pandas as pd

from analysis.extract.qualifier import bounds as derive_bounds  # noqa: F401 (one home: the extractor's)
from analysis.extract.vocab import QUALIFIER_AFTER, QUALIFIER_BEFORE
from analysis.store.decisions import CREDIBILITY, RELIABILITY


def is_missing(v) -> bool:
    """None, NaN or NaT (a list is never missing)."""
    return not isinstance(v, (list, tuple)) and pd.isna(v)


UNNAMED = "unnamed source"


def claimant_name(claimant, group: str | None = None) -> str:
    """A claimant as people read it; a missing one (None, NaN, "") is an unnamed source
    of its group.

    >>> claimant_name("NIS"), claimant_name(float("nan"), "Ukraine"), claimant_name(None)
    ('NIS', 'unnamed source (Ukraine)', 'unnamed source')
    """
    if not is_missing(claimant) and str(claimant).strip():
        return str(claimant)
    return f"{UNNAMED} ({group})" if isinstance(group, str) and group else UNNAMED


MEASURE_LABELS: dict[str, str] = {
    "troops_deployed": "Troops deployed",
    "troops_planned": "Troops planned or expected",
    "casualties": "Casualties (killed and wounded)",
    "killed": "Killed",
    "wounded": "Wounded",
    "captured": "Captured",
}

QUALIFIER_LABELS: dict[str, str] = {
    "exact": "exact", "approx": "approximate", "at_least": "at least",
    "more_than": "more than", "up_to": "up to", "nearly": "nearly", "range": "range",
}

def measure_label(measure: str | None) -> str:
    """A measure's name for people.

    >>> measure_label("troops_deployed"), measure_label("new_measure")
    ('Troops deployed', 'New measure')
    """
    if not measure:
        return "Unknown measure"
    return MEASURE_LABELS.get(measure, measure.replace("_", " ").capitalize())

def fmt_number(value) -> str:
    """A number with thousands separators.

    >>> fmt_number(12000.0), fmt_number(1.5), fmt_number(None)
    ('12,000', '1.5', '—')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"

def bound_label(qualifier: str | None, value, low, high) -> str:
    """The figure in a few characters, as charts label it.

    >>> [bound_label(q, 10000, 10000, None) for q in ("at_least", "more_than")]
    ['≥ 10,000', '> 10,000']
    >>> bound_label("up_to", 12000, None, 12000), bound_label("nearly", 3000, None, 3000)
    ('≤ 12,000', '< 3,000')
    >>> bound_label("range", 10000, 10000, 12000), bound_label("approx", 3000, 3000, 3000)
    ('10,000–12,000', '~3,000')
    """
    if qualifier == "range":
        return f"{fmt_number(low)}–{fmt_number(high)}"
    prefix = {"at_least": "≥ ", "more_than": "> ", "up_to": "≤ ", "nearly": "< ",
              "approx": "~"}.get(qualifier or "", "")
    return prefix + fmt_number(value)

_BOUND_RULES = {
    "exact": "a bare number, taken as exact: low = high = {v}.",
    "approx": "approximate wording ({cue}): recorded as low = high = {v}; the true figure may lie either side.",
    "at_least": "a floor ({cue}): low {lo}, no upper bound.",
    "more_than": "a floor ({cue}): low {lo} (the figure is above it), no upper bound.",
    "up_to": "a ceiling ({cue}): high {hi}, no lower bound.",
    "nearly": "just under a number ({cue}): high {hi} (the figure is below it), no lower bound.",
    "range": "a range: low {lo}, high {hi}; the value kept is the first number, {v}.",
}

def qualifier_cue(quote: str | None, qualifier: str | None) -> str | None:
    """The words of `quote` that carry the qualifier, when they can be found.

    >>> qualifier_cue("as many as 10,000", "up_to"), qualifier_cue("3,000+", "more_than")
    ('as many as', '+')
    >>> qualifier_cue("1,500", "exact") is None
    True
    """
    if not quote or not qualifier:
        return None
    phrases = [p for p, q in {**QUALIFIER_BEFORE, **QUALIFIER_AFTER}.items() if q == qualifier]
    for phrase in sorted(phrases, key=len, reverse=True):
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", quote, re.I)
        if found:
            return found.group(0)
    if qualifier == "more_than" and re.search(r"\d\s*\+", quote):
        return "+"
    return None

def explain_bounds(quote: str | None, qualifier: str | None, value, low, high) -> str:
    """How the wording of a figure became its value and bounds, in one sentence.

    >>> explain_bounds("at least 10,000", "at_least", 10000, 10000, None)
    "'at least 10,000' is a floor ('at least'): low 10,000, no upper bound."
    >>> explain_bounds("as many as 10,000", "up_to", 10000, None, 10000)
    "'as many as 10,000' is a ceiling ('as many as'): high 10,000, no lower bound."
    >>> explain_bounds("10,000 to 12,000", "range", 10000, 10000, 12000)
    "'10,000 to 12,000' is a range: low 10,000, high 12,000; the value kept is the first number, 10,000."
    >>> explain_bounds("1,500", "exact", 1500, 1500, 1500)
    "'1,500' is a bare number, taken as exact: low = high = 1,500."
    >>> explain_bounds("some 40", "odd", 40, None, 45)
    "'some 40' has the qualifier 'odd': value 40, low —, high 45."
    """
    shown = f"'{quote}'" if quote else "The figure"
    rule = _BOUND_RULES.get(qualifier or "")
    if rule is None:
        return (f"{shown} has the qualifier '{qualifier}': value {fmt_number(value)}, "
                f"low {fmt_number(low)}, high {fmt_number(high)}.")
    cue = qualifier_cue(quote, qualifier)
    cue_text = f"'{cue}'" if cue else f"worded as {QUALIFIER_LABELS[qualifier]}"
    text = rule.format(v=fmt_number(value), lo=fmt_number(low), hi=fmt_number(high), cue=cue_text)
    return f"{shown} is {text}"

REVIEW_LABELS: dict[str, str] = {
    "unreviewed": "unreviewed", "accepted": "accepted", "edited": "edited",
    "added": "added by an analyst", "rejected": "rejected (not a figure)",
}

ACTION_LABELS: dict[str, str] = {
    "accept": "Accepted", "reject": "Rejected (not a figure)", "edit": "Edited",
    "add": "Added a missed figure", "grade": "Graded",
}

FIELD_LABELS: dict[str, str] = {
    "value": "value", "low": "low", "high": "high", "qualifier": "qualifier",
    "measure": "measure", "claimant": "claimant", "claimant_group": "claimant group",
    "claim_date": "claim date",
}

def claim_review_label(n_reviewed, n_mentions, reviewed=None) -> str:
    """How far a claim's mentions have been reviewed, in words.

    >>> claim_review_label(0, 3), claim_review_label(2, 3), claim_review_label(3, 3, True)
    ('unreviewed', '2 of 3 mentions reviewed', 'reviewed')
    >>> claim_review_label(1, 1)
    'reviewed'
    """
    n_reviewed = int(0 if is_missing(n_reviewed) else n_reviewed)
    n_mentions = int(0 if is_missing(n_mentions) else n_mentions)
    if (reviewed is True) or (n_mentions and n_reviewed >= n_mentions):
        return "reviewed"
    if n_reviewed <= 0:
        return "unreviewed"
    return f"{n_reviewed} of {n_mentions} mentions reviewed"

def confidence_text(mention: dict) -> str:
    """How sure the extractor was of a mention, and why; empty for a figure added by hand.

    >>> confidence_text({"confidence": "low", "confidence_reason": "no claimant found"})
    'Extraction confidence: low (no claimant found)'
    """
    level = mention.get("confidence")
    if not isinstance(level, str) or not level:
        return ""
    reason = mention.get("confidence_reason")
    return f"Extraction confidence: {level}" + (f" ({reason})" if isinstance(reason, str) and reason else "")


def fields_text(fields: dict | None) -> str:
    """A figure's reviewable fields in one line, for the audit trail.

    >>> fields_text({"value": 3000, "low": 3000, "high": None, "qualifier": "more_than",
    ...              "measure": "casualties", "claimant": "Zelensky",
    ...              "claimant_group": "Ukraine", "claim_date": "2024-12-23"})
    '> 3,000 · Casualties (killed and wounded) · Zelensky (Ukraine) · claimed 2024-12-23'
    >>> fields_text(None)
    '—'
    """
    if not fields:
        return "—"
    parts = [bound_label(fields.get("qualifier"), fields.get("value"), fields.get("low"),
                         fields.get("high")),
             measure_label(fields.get("measure"))]
    who = fields.get("claimant") or "no claimant"
    parts.append(f"{who} ({fields.get('claimant_group') or 'Unattributed'})")
    if fields.get("claim_date"):
        parts.append(f"claimed {str(fields['claim_date'])[:10]}")
    return " · ".join(parts)

def _shown(key: str, value) -> str:
    if value is None or value == "":
        return "—"
    if key in ("value", "low", "high"):
        return fmt_number(value)
    if key == "measure":
        return measure_label(value)
    if key == "qualifier":
        return QUALIFIER_LABELS.get(value, str(value))
    return str(value)[:10] if key == "claim_date" else str(value)

def changes_text(before: dict | None, after: dict | None) -> str:
    """What an edit changed, field by field.

    >>> changes_text({"value": 3000, "low": 3000, "claimant": "NIS"},
    ...              {"value": 3500, "low": 3500, "claimant": "NIS"})
    'value 3,000 → 3,500; low 3,000 → 3,500'
    >>> changes_text({"value": 1}, {"value": 1})
    'no field changed'
    """
    before, after = before or {}, after or {}
    out = []
    for key, label in FIELD_LABELS.items():
        if key not in after:
            continue
        old, new = before.get(key), after.get(key)
        if _shown(key, old) != _shown(key, new):
            out.append(f"{label} {_shown(key, old)} → {_shown(key, new)}")
    return "; ".join(out) or "no field changed"


def decision_table(df: pd.DataFrame) -> pd.DataFrame:
    """Decisions as a table for people: when, what, on which words, what it changed, why."""
    return pd.DataFrame({
        "when": df["created_at"], "what": df["action"].map(ACTION_LABELS),
        "article": df["article"], "quote": df["quote"],
        "decision": [changes_text(b, a) if act == "edit" else
                     fields_text(a) if act == "add" else
                     grade_text(a) if act == "grade" else "—"
                     for act, b, a in zip(df["action"], df["before"], df["after"])],
        "note": df["note"], "why": df["orphan_reason"]})


# --- source grades (Admiralty) ---------------------------------------------------------

def short_claimant(claimant: str | None) -> str:
    """A claimant's short name: the abbreviation it carries in brackets, else the name.

    >>> short_claimant("National Intelligence Service (NIS)"), short_claimant("John Kirby")
    ('NIS', 'John Kirby')
    """
    if not claimant or is_missing(claimant):
        return "unknown"
    found = re.search(r"\(([^()]{2,12})\)\s*$", claimant)
    return found.group(1) if found else claimant


def grade_code(reliability, credibility) -> str:
    """The Admiralty code: reliability letter and credibility digit, "?" where ungraded.

    >>> grade_code("B", 2), grade_code("B", None), grade_code(None, 3.0), grade_code(None, None)
    ('B2', 'B?', '?3', '')
    """
    rel = None if is_missing(reliability) or not reliability else str(reliability)
    cred = None if is_missing(credibility) or credibility in ("", None) else int(credibility)
    if rel is None and cred is None:
        return ""
    return f"{rel or '?'}{cred if cred is not None else '?'}"


def grade_label(claimant: str | None, reliability=None, credibility=None) -> str:
    """A claim's source and grade as charts and tables name it.

    >>> grade_label("National Intelligence Service (NIS)", "B", 2)
    'NIS · B2'
    >>> grade_label("John Kirby", None, None)
    'John Kirby'
    """
    code = grade_code(reliability, credibility)
    return f"{short_claimant(claimant)} · {code}" if code else short_claimant(claimant)


def grade_text(after: dict | None) -> str:
    """A grade decision in words.

    >>> grade_text({"reliability": "B"}), grade_text({"credibility": 2})
    ('reliability B (usually reliable)', 'credibility 2 (probably true)')
    """
    after = after or {}
    if after.get("reliability") in RELIABILITY:
        return f"reliability {after['reliability']} ({RELIABILITY[after['reliability']].lower()})"
    if after.get("credibility") in CREDIBILITY:
        return f"credibility {after['credibility']} ({CREDIBILITY[after['credibility']].lower()})"
    return "—"
