"""The form of a figure's reviewable fields, for correcting a figure and for adding one."""
from __future__ import annotations

import datetime as dt
import math

import streamlit as st

from analysis.extract.vocab import GROUPS, MEASURES
from analysis.present.labels import QUALIFIER_LABELS, derive_bounds, measure_label

QUALIFIERS = list(QUALIFIER_LABELS)


def _decimal(*values) -> bool:
    """Whole numbers step by 1; a fraction anywhere makes the inputs decimal."""
    return any(isinstance(v, float) and not math.isnan(v) and not v.is_integer()
               for v in values if v is not None)


def _as_input(v, decimal: bool):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v) if decimal else int(round(float(v)))


def figure_form(prefix: str, m: dict, submit: str, note_default: str = "") -> tuple[dict, str] | None:
    """The fields of a figure in a form; returns (fields, note) when submitted and valid."""
    dec = _decimal(m.get("value"), m.get("low"), m.get("high"))
    kw = {"step": 1.0, "format": "%.2f"} if dec else {"step": 1}
    with st.form(f"{prefix}-form", border=False):
        c1, c2, c3 = st.columns(3)
        value = c1.number_input("Value", min_value=0.01 if dec else 1,
                                value=_as_input(m.get("value"), dec), key=f"{prefix}-value", **kw)
        qual = m.get("qualifier") if m.get("qualifier") in QUALIFIERS else "exact"
        qualifier = c2.selectbox("Wording (qualifier)", QUALIFIERS, index=QUALIFIERS.index(qual),
                                 format_func=QUALIFIER_LABELS.get, key=f"{prefix}-qualifier")
        measures = list(MEASURES) + ([m["measure"]] if m.get("measure") and m["measure"] not in MEASURES else [])
        measure = c3.selectbox("Measure", measures,
                               index=measures.index(m["measure"]) if m.get("measure") in measures else 0,
                               format_func=measure_label, key=f"{prefix}-measure")
        c4, c5, c6 = st.columns(3)
        low = c4.number_input("Low", min_value=0.0 if dec else 0,
                              value=_as_input(m.get("low"), dec), key=f"{prefix}-low",
                              placeholder="none", **kw)
        high = c5.number_input("High", min_value=0.0 if dec else 0,
                               value=_as_input(m.get("high"), dec), key=f"{prefix}-high",
                               placeholder="none", **kw)
        auto = c6.checkbox("Set low and high from the wording", value=True, key=f"{prefix}-auto",
                           help="Exact and approximate: low = high = value; at least / more "
                                "than: low = value; up to / nearly: high = value; range: low "
                                "= value unless given, high as given.")
        c7, c8, c9 = st.columns(3)
        claimant = c7.text_input("Claimant", value=m.get("claimant") or "", key=f"{prefix}-claimant")
        groups = list(GROUPS)
        group = m.get("claimant_group") if m.get("claimant_group") in groups else "Unattributed"
        claimant_group = c8.selectbox("Claimant group", groups, index=groups.index(group),
                                      key=f"{prefix}-group")
        day = m.get("claim_date")
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        claim_date = c9.date_input("Claim date", value=day if isinstance(day, dt.date) else None,
                                   min_value=dt.date(1900, 1, 1), format="YYYY-MM-DD",
                                   max_value=dt.date.today() + dt.timedelta(days=366),
                                   key=f"{prefix}-date")
        note = st.text_input("Note (optional, kept with the decision)", value=note_default,
                             key=f"{prefix}-note", placeholder="e.g. the briefing said 12,000")
        submitted = st.form_submit_button(submit, type="primary", key=f"{prefix}-submit",
                                          icon=":material/save:")
    if not submitted:
        return None
    if value is None:
        st.error("Give the figure a value.", icon=":material/block:")
        return None
    if auto:
        low, high = derive_bounds(qualifier, value, low, high)
    return ({"value": value, "low": low, "high": high, "qualifier": qualifier,
             "measure": measure, "claimant": claimant.strip() or None,
             "claimant_group": claimant_group,
             "claim_date": claim_date.isoformat() if isinstance(claim_date, dt.date) else None},
            note)
